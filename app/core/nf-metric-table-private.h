/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-metric-table.h"

G_BEGIN_DECLS

/* Only the canvas's edit operations and the loader change a table. Cells
 * and columns passed in are taken over; those handed out are the caller's. */
void       _nf_metric_table_set_title     (NfMetricTable *self,
                                           NfText        *title);
void       _nf_metric_table_set_block     (NfMetricTable *self,
                                           NfBlock        block);
void       _nf_metric_table_set_cite      (NfMetricTable *self,
                                           const char    *source_id,
                                           guint          line);
void       _nf_metric_table_set_cite_range (NfMetricTable *self,
                                           const char    *source_id,
                                           guint          line,
                                           guint          line_end);
/* cite NULL (or without a source) takes the row's own citation away. */
void       _nf_metric_table_set_row_cite  (NfMetricTable   *self,
                                           guint            row,
                                           const NfRowCite *cite);
NfRowCite *_nf_row_cite_new               (const char    *source,
                                           guint          line,
                                           guint          line_end);
NfRowCite *_nf_row_cite_copy              (const NfRowCite *cite);
void       _nf_row_cite_free              (NfRowCite     *cite);
gboolean   _nf_row_cite_equal             (const NfRowCite *a,
                                           const NfRowCite *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NfRowCite, _nf_row_cite_free)
void       _nf_metric_table_insert_column (NfMetricTable *self,
                                           guint          index,
                                           NfColumn      *column,
                                           NfCell        *cells);
NfCell    *_nf_metric_table_remove_column (NfMetricTable *self,
                                           guint          index,
                                           NfColumn      *out_column);
void       _nf_metric_table_set_column    (NfMetricTable *self,
                                           guint          index,
                                           NfColumn      *column,
                                           NfColumn      *out_old);
void       _nf_metric_table_insert_row    (NfMetricTable *self,
                                           guint          index,
                                           NfCell        *cells);
NfCell    *_nf_metric_table_remove_row    (NfMetricTable *self,
                                           guint          index);
void       _nf_metric_table_set_cell      (NfMetricTable *self,
                                           guint          row,
                                           guint          column,
                                           NfCell        *cell,
                                           NfCell        *out_old);
GPtrArray *_nf_metric_table_get_extensions (NfMetricTable *self);
/* The same, or NULL when there are none (made by the getter above). */
GPtrArray *_nf_metric_table_peek_extensions (NfMetricTable *self);

void       _nf_column_clear               (NfColumn      *column);
void       _nf_column_copy                (const NfColumn *from,
                                           NfColumn       *to);
void       _nf_cell_clear                 (NfCell        *cell);
void       _nf_cell_copy                  (const NfCell  *from,
                                           NfCell        *to);
/* Whether two cells have the same own type and unit (NfCell). */
gboolean   _nf_cell_kind_equal            (const NfCell  *a,
                                           const NfCell  *b);
void       _nf_cells_free                 (NfCell        *cells,
                                           guint          n);
/* Fills a cell from text as written, parsing the value by column type. */
void       _nf_cell_init_parsed           (NfCell        *cell,
                                           const char    *text,
                                           NfColumnType   type);

G_END_DECLS
