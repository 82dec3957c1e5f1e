/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-canvas.h"
#include "nf-edit-private.h"

G_BEGIN_DECLS

typedef enum {
  NF_FIELD_COMPANY,
  NF_FIELD_TITLE,
  NF_FIELD_LABEL,
  NF_FIELD_DESCRIPTION,
  NF_FIELD_LANGUAGE,
  NF_N_FIELDS
} NfCanvasField;

/* Raw changes, without history or the "changed" signal: for edits being
 * applied or undone, and for the loader building a canvas. */
const char *_nf_canvas_get_field         (NfCanvas      *self,
                                          NfCanvasField  field);
void        _nf_canvas_set_field         (NfCanvas      *self,
                                          NfCanvasField  field,
                                          const char    *value);
/* A field's xml:lang variants (company, title, description), as an
 * NfText whose own text is the field's; NULL when it has none. Setting
 * takes a reference. */
NfText     *_nf_canvas_get_field_translations (NfCanvas      *self,
                                               NfCanvasField  field);
void        _nf_canvas_set_field_translations (NfCanvas      *self,
                                               NfCanvasField  field,
                                               NfText        *translations);
void        _nf_canvas_set_version       (NfCanvas      *self,
                                          const char    *version);
GListStore *_nf_canvas_get_source_store  (NfCanvas      *self);
GListStore *_nf_canvas_get_rate_store    (NfCanvas      *self);
GListStore *_nf_canvas_get_table_store   (NfCanvas      *self);
GListStore *_nf_canvas_get_snapshot_store(NfCanvas      *self);
void        _nf_canvas_insert_note_raw   (NfCanvas      *self,
                                          NfBlock        block,
                                          guint          index,
                                          NfNote        *note);
void        _nf_canvas_remove_note_raw   (NfCanvas      *self,
                                          NfBlock        block,
                                          guint          index);
gboolean    _nf_canvas_equal_but_notes   (NfCanvas      *a,
                                          NfCanvas      *b);
/* Appends many notes at once (one items-changed), for the loader. */
void        _nf_canvas_splice_notes      (NfCanvas      *self,
                                          NfBlock        block,
                                          NfNote       **notes,
                                          guint          n_notes);
void        _nf_canvas_insert_table_raw  (NfCanvas      *self,
                                          guint          index,
                                          NfMetricTable *table);
void        _nf_canvas_remove_table_raw  (NfCanvas      *self,
                                          guint          index);
/* Elements from a newer minor version, kept verbatim: at the end of
 * <metadata> and at the end of <canvas>. */
GPtrArray  *_nf_canvas_get_metadata_extensions (NfCanvas *self);
GPtrArray  *_nf_canvas_get_extensions    (NfCanvas      *self);

/* Applies an edit forward and records it as (part of) one undoable step. */
void        _nf_canvas_do                (NfCanvas      *self,
                                          NfEdit        *edit);
void        _nf_canvas_emit_changed      (NfCanvas      *self);
void        _nf_canvas_emit_note_changed (NfCanvas      *self,
                                          NfNote        *note);
/* nf-canvas-marks.c: keeps conflict marks naming what is there, as part
 * of the edit that removes a note or table (row 0) or removes (shift -1)
 * or inserts (shift 1) the row numbered `row` from 1. */
void        _nf_canvas_remap_conflicts   (NfCanvas      *self,
                                          gboolean       is_table,
                                          const char    *id,
                                          guint          row,
                                          int            shift);
void        _nf_canvas_keep_live_conflicts (NfCanvas    *self,
                                          NfNote        *note);

NfHistory  *_nf_history_new              (NfCanvas      *canvas);
void        _nf_history_record           (NfHistory     *self,
                                          NfEdit        *edit);
void        _nf_history_begin_group      (NfHistory     *self,
                                          const char    *label);
/* TRUE when this closed the outermost group and it changed something. */
gboolean    _nf_history_end_group        (NfHistory     *self);
gboolean    _nf_history_at_saved         (NfHistory     *self);
void        _nf_history_mark_saved       (NfHistory     *self);
void        _nf_history_mark_unsaved     (NfHistory     *self);

G_END_DECLS
