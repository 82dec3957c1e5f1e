/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

/* The cmark-gfm functions an import of a write-up uses, from the
 * `ninefold-markdown` module (see nf-module-private.h): each member has
 * its function's type. */
#define NF_CMARK_LIB_MEMBER(name) __typeof__ (cmark_##name) *name

typedef struct {
  gsize size;
  NF_CMARK_LIB_MEMBER (gfm_core_extensions_ensure_registered);
  NF_CMARK_LIB_MEMBER (gfm_extensions_get_table_columns);
  NF_CMARK_LIB_MEMBER (find_syntax_extension);
  NF_CMARK_LIB_MEMBER (parser_new);
  NF_CMARK_LIB_MEMBER (parser_attach_syntax_extension);
  NF_CMARK_LIB_MEMBER (parser_feed);
  NF_CMARK_LIB_MEMBER (parser_finish);
  NF_CMARK_LIB_MEMBER (parser_free);
  NF_CMARK_LIB_MEMBER (iter_new);
  NF_CMARK_LIB_MEMBER (iter_next);
  NF_CMARK_LIB_MEMBER (iter_get_node);
  NF_CMARK_LIB_MEMBER (iter_reset);
  NF_CMARK_LIB_MEMBER (iter_free);
  NF_CMARK_LIB_MEMBER (node_first_child);
  NF_CMARK_LIB_MEMBER (node_next);
  NF_CMARK_LIB_MEMBER (node_parent);
  NF_CMARK_LIB_MEMBER (node_free);
  NF_CMARK_LIB_MEMBER (node_get_type);
  NF_CMARK_LIB_MEMBER (node_get_type_string);
  NF_CMARK_LIB_MEMBER (node_get_literal);
  NF_CMARK_LIB_MEMBER (node_get_heading_level);
  NF_CMARK_LIB_MEMBER (node_get_start_line);
} NfCmarkLib;

#undef NF_CMARK_LIB_MEMBER
