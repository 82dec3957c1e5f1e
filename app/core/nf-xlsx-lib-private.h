/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

/* The libxlsxwriter functions a spreadsheet export uses, from the
 * `ninefold-xlsx` module (see nf-module-private.h): each member has its
 * function's type and name. */
#define NF_XLSX_LIB_MEMBER(name) __typeof__ (name) *name

typedef struct {
  gsize size;
  NF_XLSX_LIB_MEMBER (workbook_new_opt);
  NF_XLSX_LIB_MEMBER (workbook_add_worksheet);
  NF_XLSX_LIB_MEMBER (workbook_add_format);
  NF_XLSX_LIB_MEMBER (workbook_close);
  NF_XLSX_LIB_MEMBER (worksheet_write_string);
  NF_XLSX_LIB_MEMBER (worksheet_write_number);
  NF_XLSX_LIB_MEMBER (worksheet_set_column);
  NF_XLSX_LIB_MEMBER (worksheet_freeze_panes);
  NF_XLSX_LIB_MEMBER (format_set_bold);
  NF_XLSX_LIB_MEMBER (format_set_num_format);
  NF_XLSX_LIB_MEMBER (lxw_strerror);
} NfXlsxLib;

#undef NF_XLSX_LIB_MEMBER
