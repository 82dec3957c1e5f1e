/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nf-canvas.h"

G_BEGIN_DECLS

/* Metric tables for a spreadsheet. XLSX: one sheet per table, named for
 * its title; a header row of column names, then the rows. A figure is a
 * number with its unit or currency in the cell's number format
 * (`#,##0 "USD"`, `0.0%`), and where the text as written says more than
 * the number ("近200人", "$9.5 million") it is kept in a column beside,
 * "… (as written)". CSV (RFC 4180, UTF-8 with a byte-order mark so that
 * spreadsheets read Chinese, CRLF line ends): one file per table, as a
 * spreadsheet opens one CSV as one sheet; the same columns, with figures
 * in plain units (15% is 0.15) and the unit in the header
 * ("Revenue [USD]"). `lang` picks the translations of titles, names and
 * labels (NULL: as written). Every file is written atomically. */

/* The CSV file names for `canvas`'s tables: `path` itself for a single
 * table, else "<stem>-<n>-<slug>.csv" beside it, n from 1 and the slug
 * from the table's title. NULL-terminated; empty when it has no tables. */
GStrv     nf_export_csv_paths        (NfCanvas      *canvas,
                                      const char    *lang,
                                      const char    *path);
gboolean  nf_export_csv              (NfCanvas      *canvas,
                                      const char    *lang,
                                      const char    *path,
                                      GCancellable  *cancellable,
                                      GError       **error);
gboolean  nf_export_xlsx             (NfCanvas      *canvas,
                                      const char    *lang,
                                      const char    *path,
                                      GCancellable  *cancellable,
                                      GError       **error);

/* The metrics of 2 to 4 canvases aligned (nf_diff_metrics_new), the rows
 * at least two of them have: one sheet or CSV, a row per measure, a
 * figure and its text as written per canvas. */
gboolean  nf_export_compare_csv      (NfCanvas     **canvases,
                                      guint          n_canvases,
                                      const char    *lang,
                                      const char    *path,
                                      GCancellable  *cancellable,
                                      GError       **error);
gboolean  nf_export_compare_xlsx     (NfCanvas     **canvases,
                                      guint          n_canvases,
                                      const char    *lang,
                                      const char    *path,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
