/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-canvas.h"
#include "nf-merge.h"

G_BEGIN_DECLS

/* One reversible change to a canvas. It holds both the old and the new
 * value (or the removed object itself), so it can be applied either way
 * any number of times: that is all undo and redo need. */
typedef struct _NfEdit NfEdit;

NfEdit     *_nf_edit_set_field      (guint           field,
                                     const char     *old_value,
                                     const char     *new_value);
/* A canvas field's xml:lang variants (either may be NULL). */
NfEdit     *_nf_edit_set_field_translations (guint     field,
                                             NfText   *old_translations,
                                             NfText   *new_translations);
NfEdit     *_nf_edit_insert_source  (guint           index,
                                     NfSource       *source,
                                     gboolean        remove);
NfEdit     *_nf_edit_replace_source (guint           index,
                                     NfSource       *old_source,
                                     NfSource       *new_source);
NfEdit     *_nf_edit_insert_rate    (guint           index,
                                     NfRate         *rate,
                                     gboolean        remove);
NfEdit     *_nf_edit_replace_rate   (guint           index,
                                     NfRate         *old_rate,
                                     NfRate         *new_rate);
NfEdit     *_nf_edit_insert_note    (NfBlock         block,
                                     guint           index,
                                     NfNote         *note,
                                     gboolean        remove);
NfEdit     *_nf_edit_move_note      (NfNote         *note,
                                     NfBlock         from_block,
                                     guint           from_index,
                                     NfBlock         to_block,
                                     guint           to_index);
NfEdit     *_nf_edit_note_text      (NfNote         *note,
                                     NfText         *new_text);
NfEdit     *_nf_edit_note_colour    (NfNote         *note,
                                     const char     *new_colour);
NfEdit     *_nf_edit_note_tags      (NfNote         *note,
                                     const char * const *new_tags);
NfEdit     *_nf_edit_note_evidence  (NfNote         *note,
                                     NfEvidence      new_evidence);
NfEdit     *_nf_edit_note_cite      (NfNote         *note,
                                     const char     *new_source,
                                     guint           new_line,
                                     guint           new_line_end);
NfEdit     *_nf_edit_note_conflicts (NfNote         *note,
                                     const char * const *new_refs);
NfEdit     *_nf_edit_insert_table   (guint           index,
                                     NfMetricTable  *table,
                                     gboolean        remove);
NfEdit     *_nf_edit_table_title    (NfMetricTable  *table,
                                     NfText         *new_title);
NfEdit     *_nf_edit_table_block    (NfMetricTable  *table,
                                     NfBlock         new_block);
/* cells: a row of n_columns texts already parsed, copied in. */
NfEdit     *_nf_edit_table_row      (NfMetricTable  *table,
                                     guint           row,
                                     const NfCell   *cells,
                                     gboolean        remove);
/* cells: one per row, or NULL for empty cells; copied in. */
NfEdit     *_nf_edit_table_column   (NfMetricTable  *table,
                                     guint           column,
                                     const NfColumn *def,
                                     const NfCell   *cells,
                                     gboolean        remove);
NfEdit     *_nf_edit_table_set_column (NfMetricTable  *table,
                                     guint           column,
                                     const NfColumn *new_def);
NfEdit     *_nf_edit_table_cell     (NfMetricTable  *table,
                                     guint           row,
                                     guint           column,
                                     const NfCell   *new_cell);
NfEdit     *_nf_edit_table_row_cite (NfMetricTable  *table,
                                     guint           row,
                                     const NfRowCite *new_cite);
NfEdit     *_nf_edit_insert_snapshot (guint          index,
                                     NfSnapshot     *snapshot,
                                     gboolean        remove);
/* A merge's conflict (nf-merge.h), copied in. */
NfEdit     *_nf_edit_insert_conflict (guint          index,
                                     const NfConflict *conflict,
                                     gboolean        remove);

void        _nf_edit_apply          (NfEdit         *self,
                                     NfCanvas       *canvas,
                                     gboolean        undo);
void        _nf_edit_free           (NfEdit         *self);

G_END_DECLS
