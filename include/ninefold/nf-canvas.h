/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nf-block.h"
#include "nf-history.h"
#include "nf-metric-table.h"
#include "nf-note.h"
#include "nf-rate.h"
#include "nf-snapshot.h"
#include "nf-source.h"
#include "nf-text.h"

G_BEGIN_DECLS

#define NF_CANVAS_ERROR (nf_canvas_error_quark ())

typedef enum {
  NF_CANVAS_ERROR_INVALID,       /* the input is not a valid canvas / write-up */
  NF_CANVAS_ERROR_TOO_LARGE,     /* a size or count limit */
  NF_CANVAS_ERROR_NEWER_VERSION, /* written by a newer major version */
  NF_CANVAS_ERROR_NOT_FOUND,     /* an id that names nothing */
  NF_CANVAS_ERROR_DUPLICATE,     /* an id used twice */
  NF_CANVAS_ERROR_IO,            /* the file could not be read or written */
  NF_CANVAS_ERROR_NOT_A_CANVAS,  /* no business-model content at all */
} NfCanvasError;

GQuark nf_canvas_error_quark (void);

#define NF_TYPE_CANVAS (nf_canvas_get_type ())

G_DECLARE_FINAL_TYPE (NfCanvas, nf_canvas, NF, CANVAS, GObject)

/* The model: the one source of truth for a canvas. Every change goes
 * through the edit functions below, which record it in the canvas's
 * history (so it can be undone), update the list models in place (so views
 * see items-changed) and then emit "changed". An edit of a note's fields
 * emits "note-changed" (the note) first: views watch the canvas, not
 * every note. */
NfCanvas     *nf_canvas_new                 (void);

const char   *nf_canvas_get_company         (NfCanvas   *self);
const char   *nf_canvas_get_title           (NfCanvas   *self);
const char   *nf_canvas_get_label           (NfCanvas   *self);
const char   *nf_canvas_get_description     (NfCanvas   *self);
const char   *nf_canvas_get_language        (NfCanvas   *self);
const char   *nf_canvas_get_version         (NfCanvas   *self);
/* The company, title and description for a reader of `lang` (an
 * xml:lang variant, as nf_text_for_language picks it), else as written;
 * NULL `lang` gives them as written. */
const char   *nf_canvas_get_company_for_language     (NfCanvas   *self,
                                                      const char *lang);
const char   *nf_canvas_get_title_for_language       (NfCanvas   *self,
                                                      const char *lang);
const char   *nf_canvas_get_description_for_language (NfCanvas   *self,
                                                      const char *lang);

/* A GListModel of NfSource */
GListModel   *nf_canvas_get_sources         (NfCanvas   *self);
NfSource     *nf_canvas_find_source         (NfCanvas   *self,
                                             const char *id);
/* A GListModel of NfRate: the exchange rates the canvas states, at most
 * one per pair of currencies. find_rate finds it either way round
 * (USD→CNY for CNY, USD too). */
GListModel   *nf_canvas_get_rates           (NfCanvas   *self);
NfRate       *nf_canvas_find_rate           (NfCanvas   *self,
                                             const char *from,
                                             const char *to);
/* A GListModel of NfNote, one per block */
GListModel   *nf_canvas_get_notes           (NfCanvas   *self,
                                             NfBlock     block);
guint         nf_canvas_get_n_notes         (NfCanvas   *self);
NfNote       *nf_canvas_find_note           (NfCanvas   *self,
                                             const char *id,
                                             NfBlock    *out_block,
                                             guint      *out_index);
/* A GListModel of NfMetricTable */
GListModel   *nf_canvas_get_tables          (NfCanvas   *self);
NfMetricTable*nf_canvas_find_table          (NfCanvas   *self,
                                             const char *id,
                                             guint      *out_index);
/* A GListModel of NfSnapshot, oldest first */
GListModel   *nf_canvas_get_snapshots       (NfCanvas   *self);

NfHistory    *nf_canvas_get_history         (NfCanvas   *self);
gboolean      nf_canvas_get_modified        (NfCanvas   *self);
void          nf_canvas_mark_saved          (NfCanvas   *self);
/* For content that matches no file, such as changes recovered after a
 * crash: modified until saved, whatever is undone. */
void          nf_canvas_mark_unsaved        (NfCanvas   *self);

/* Fresh ids that no note or table of this canvas uses yet. */
char         *nf_canvas_new_note_id         (NfCanvas   *self);
char         *nf_canvas_new_table_id        (NfCanvas   *self);

/* Structural comparison of everything the file stores (not the history). */
gboolean      nf_canvas_equal               (NfCanvas   *a,
                                             NfCanvas   *b);
/* A detached canvas holding a snapshot's content and this canvas's
 * metadata and sources, for comparing or exporting it. */
NfCanvas     *nf_canvas_new_from_snapshot   (NfCanvas   *self,
                                             NfSnapshot *snapshot);
/* The name of the snapshot a canvas was made from by
 * nf_canvas_new_from_snapshot(), or NULL for any other canvas. */
const char   *nf_canvas_get_snapshot_name   (NfCanvas   *self);
/* Names a detached canvas as an earlier version of another (a commit of
 * its file), as a snapshot's name does: comparisons then call it by this
 * name and the live canvas "Current". Not stored in the file. */
void          nf_canvas_set_version_name    (NfCanvas   *self,
                                             const char *name);

/* --- Edits. Each is one undoable step unless inside a group. --- */

void          nf_canvas_begin_group         (NfCanvas   *self,
                                             const char *label);
void          nf_canvas_end_group           (NfCanvas   *self);

void          nf_canvas_set_company         (NfCanvas   *self,
                                             const char *company);
void          nf_canvas_set_title           (NfCanvas   *self,
                                             const char *title);
void          nf_canvas_set_label           (NfCanvas   *self,
                                             const char *label);
void          nf_canvas_set_description     (NfCanvas   *self,
                                             const char *description);
void          nf_canvas_set_language        (NfCanvas   *self,
                                             const char *language);

/* Adds the rate, or replaces the one for the same pair of currencies
 * (either way round); undoable. */
void          nf_canvas_set_rate            (NfCanvas   *self,
                                             NfRate     *rate);
void          nf_canvas_remove_rate         (NfCanvas   *self,
                                             guint       index);
gboolean      nf_canvas_insert_source       (NfCanvas   *self,
                                             guint       index,
                                             NfSource   *source,
                                             GError    **error);
void          nf_canvas_remove_source       (NfCanvas   *self,
                                             guint       index);
gboolean      nf_canvas_replace_source      (NfCanvas   *self,
                                             guint       index,
                                             NfSource   *source,
                                             GError    **error);

/* Takes a new, detached note (see nf_canvas_new_note_id). */
gboolean      nf_canvas_insert_note         (NfCanvas   *self,
                                             NfBlock     block,
                                             guint       index,
                                             NfNote     *note,
                                             GError    **error);
void          nf_canvas_remove_note         (NfCanvas   *self,
                                             NfNote     *note);
/* to_index counts in the destination block after the note has left its
 * old place. */
void          nf_canvas_move_note           (NfCanvas   *self,
                                             NfNote     *note,
                                             NfBlock     to_block,
                                             guint       to_index);
void          nf_canvas_set_note_text       (NfCanvas   *self,
                                             NfNote     *note,
                                             NfText     *text);
void          nf_canvas_set_note_colour     (NfCanvas   *self,
                                             NfNote     *note,
                                             const char *colour);
void          nf_canvas_set_note_tags       (NfCanvas   *self,
                                             NfNote     *note,
                                             const char * const *tags);
void          nf_canvas_set_note_evidence   (NfCanvas   *self,
                                             NfNote     *note,
                                             NfEvidence  evidence);
void          nf_canvas_set_note_cite       (NfCanvas   *self,
                                             NfNote     *note,
                                             const char *source_id,
                                             guint       line);
/* A citation of the lines line..line_end (line_end <= line: one line). */
void          nf_canvas_set_note_cite_range (NfCanvas   *self,
                                             NfNote     *note,
                                             const char *source_id,
                                             guint       line,
                                             guint       line_end);
/* Marks the note as conflicting with what refs name (see
 * nf_note_get_conflicts): each must be in the canvas, named once, and not
 * the note itself. One undoable step. */
gboolean      nf_canvas_set_note_conflicts  (NfCanvas   *self,
                                             NfNote     *note,
                                             const char * const *refs,
                                             GError    **error);
gboolean      nf_canvas_add_note_conflict   (NfCanvas   *self,
                                             NfNote     *note,
                                             const char *ref,
                                             GError    **error);
void          nf_canvas_remove_note_conflict (NfCanvas  *self,
                                             NfNote     *note,
                                             const char *ref);

gboolean      nf_canvas_insert_table        (NfCanvas      *self,
                                             guint          index,
                                             NfMetricTable *table,
                                             GError       **error);
void          nf_canvas_remove_table        (NfCanvas      *self,
                                             NfMetricTable *table);
void          nf_canvas_set_table_title     (NfCanvas      *self,
                                             NfMetricTable *table,
                                             NfText        *title);
void          nf_canvas_set_table_block     (NfCanvas      *self,
                                             NfMetricTable *table,
                                             NfBlock        block);
/* cells may be NULL for a row of empty cells; else n_columns texts. The
 * values are parsed from the text by the column's type. */
void          nf_canvas_insert_table_row    (NfCanvas      *self,
                                             NfMetricTable *table,
                                             guint          row,
                                             const char * const *cells);
/* Whether table may gain add_rows rows and add_columns columns within
 * the limits a file may hold (NF_CANVAS_MAX_ROWS, _COLUMNS, _CELLS); an
 * edit past them could never be saved, so the window asks first. */
gboolean      nf_canvas_check_table_room    (NfCanvas      *self,
                                             NfMetricTable *table,
                                             guint          add_rows,
                                             guint          add_columns,
                                             GError       **error);
void          nf_canvas_remove_table_row    (NfCanvas      *self,
                                             NfMetricTable *table,
                                             guint          row);
/* The row's own citation (row from 0); a NULL source takes it away. */
void          nf_canvas_set_table_row_cite  (NfCanvas      *self,
                                             NfMetricTable *table,
                                             guint          row,
                                             const char    *source_id,
                                             guint          line,
                                             guint          line_end);
void          nf_canvas_insert_table_column (NfCanvas      *self,
                                             NfMetricTable *table,
                                             guint          column,
                                             NfText        *name,
                                             NfColumnType   type,
                                             const char    *unit);
void          nf_canvas_remove_table_column (NfCanvas      *self,
                                             NfMetricTable *table,
                                             guint          column);
void          nf_canvas_set_table_column    (NfCanvas      *self,
                                             NfMetricTable *table,
                                             guint          column,
                                             NfText        *name,
                                             NfColumnType   type,
                                             const char    *unit);
void          nf_canvas_set_table_cell      (NfCanvas      *self,
                                             NfMetricTable *table,
                                             guint          row,
                                             guint          column,
                                             const char    *text);
/* The cell as a reader of `lang` sees it: its translation into `lang`
 * when it has one (its value stays), else its text as with
 * nf_canvas_set_table_cell(); `lang` NULL is the text as written. */
void          nf_canvas_set_table_cell_for_language (NfCanvas      *self,
                                                     NfMetricTable *table,
                                                     guint          row,
                                                     guint          column,
                                                     const char    *lang,
                                                     const char    *text);
/* The cell's own kind (format 1.3), one undoable step: `has_type` FALSE
 * makes it its column's again; `unit` (a unit or ISO 4217 code, at most
 * 64 characters; NULL or "" for none) only with a type. */
void          nf_canvas_set_table_cell_kind (NfCanvas      *self,
                                             NfMetricTable *table,
                                             guint          row,
                                             guint          column,
                                             gboolean       has_type,
                                             NfColumnType   type,
                                             const char    *unit);

NfSnapshot   *nf_canvas_take_snapshot       (NfCanvas   *self,
                                             const char *name,
                                             GDateTime  *time);
void          nf_canvas_remove_snapshot     (NfCanvas   *self,
                                             NfSnapshot *snapshot);
/* Replaces the blocks and tables with the snapshot's, as one undoable step. */
void          nf_canvas_restore_snapshot    (NfCanvas   *self,
                                             NfSnapshot *snapshot);
/* Makes this canvas what `version` (another canvas, e.g. an earlier
 * commit of its file) holds: metadata, notes, tables and the sources they
 * cite, as one undoable step. Its own snapshots and rates stay. */
void          nf_canvas_restore_version     (NfCanvas   *self,
                                             NfCanvas   *version);

G_END_DECLS
