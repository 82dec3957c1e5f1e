/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The `ninefold-markdown` module: cmark-gfm and its extensions, linked
 * here rather than into the program, so they are loaded only when a
 * write-up is first read. */
#define G_LOG_DOMAIN "nf-import"

#include <gmodule.h>

#include "nf-cmark-lib-private.h"

#define M(name) .name = cmark_##name

static const NfCmarkLib table = {
  .size = sizeof (NfCmarkLib),
  M (gfm_core_extensions_ensure_registered), M (gfm_extensions_get_table_columns),
  M (find_syntax_extension),
  M (parser_new), M (parser_attach_syntax_extension), M (parser_feed), M (parser_finish),
  M (parser_free),
  M (iter_new), M (iter_next), M (iter_get_node), M (iter_reset), M (iter_free),
  M (node_first_child), M (node_next), M (node_parent), M (node_free), M (node_get_type),
  M (node_get_type_string), M (node_get_literal), M (node_get_heading_level),
  M (node_get_start_line),
};

G_MODULE_EXPORT const NfCmarkLib *nf_module_table (void);

G_MODULE_EXPORT const NfCmarkLib *
nf_module_table (void)
{
  return &table;
}
