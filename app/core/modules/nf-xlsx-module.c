/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The `ninefold-xlsx` module: libxlsxwriter, linked here rather than into
 * the program, so it is loaded only when a spreadsheet is first written. */
#define G_LOG_DOMAIN "nf-export"

#include <gmodule.h>

#include "nf-xlsx-lib-private.h"

#define M(name) .name = name

static const NfXlsxLib table = {
  .size = sizeof (NfXlsxLib),
  M (workbook_new_opt), M (workbook_add_worksheet), M (workbook_add_format), M (workbook_close),
  M (worksheet_write_string), M (worksheet_write_number), M (worksheet_set_column),
  M (worksheet_freeze_panes),
  M (format_set_bold), M (format_set_num_format),
  M (lxw_strerror),
};

G_MODULE_EXPORT const NfXlsxLib *nf_module_table (void);

G_MODULE_EXPORT const NfXlsxLib *
nf_module_table (void)
{
  return &table;
}
