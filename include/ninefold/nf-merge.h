/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nf-canvas.h"
#include "nf-metric-table.h"

G_BEGIN_DECLS

/* A three-way merge of canvases by identity (notes, tables and sources by
 * id, rates by their pair of currencies, snapshots by name and time), and
 * the conflicts it leaves in the canvas (docs/FORMAT.md, <conflicts>).
 *
 * An edit on one side only is taken; the same edit on both sides is taken
 * once; different edits of one field of one thing are a conflict, and
 * both versions are kept: for a note, table or source, the second version
 * is a copy with a new id next to the first; for a metadata field or a
 * rate, the canvas holds one value and the conflict the other. */

typedef enum {
  NF_CONFLICT_NOTE,
  NF_CONFLICT_TABLE,
  NF_CONFLICT_SOURCE,
  NF_CONFLICT_COMPANY,
  NF_CONFLICT_TITLE,
  NF_CONFLICT_LABEL,
  NF_CONFLICT_DESCRIPTION,
  NF_CONFLICT_LANGUAGE,
  NF_CONFLICT_RATE,
  NF_CONFLICT_CELL,
  NF_CONFLICT_ROW,
  NF_N_CONFLICT_KINDS
} NfConflictKind;

/* For notes, tables and sources, `ours` and `theirs` are the ids of the
 * two versions in the canvas; NULL when that side deleted it (the other
 * side's edit was kept). For the other kinds they are the two values
 * (a rate as "FROM TO VALUE [DATE]"). */
typedef struct {
  NfConflictKind kind;
  char          *ours;
  char          *theirs;
  /* NF_CONFLICT_CELL and NF_CONFLICT_ROW: the table's id. For a cell, its
   * row and column (from 0); `ours` and `theirs` are the cell's two texts,
   * the canvas holds one of them. For a row, `ours` and `theirs` are the
   * row numbers (from 1, as written) of the two versions of one row in the
   * table; NULL when that side deleted the row (the other's edit is kept). */
  char          *table;
  guint          row, column;
  /* NF_CONFLICT_CELL: each side's cell whole (text, value, translations,
   * every field a cell has), or NULL when only the text is known (a file
   * that did not need more); taking a side gives exactly that cell. */
  NfCell        *ours_cell, *theirs_cell;
} NfConflict;

/* How a conflict is settled: one version, or both (for a value: the one
 * the canvas holds). */
typedef enum {
  NF_CONFLICT_TAKE_OURS,
  NF_CONFLICT_TAKE_THEIRS,
  NF_CONFLICT_KEEP_BOTH,
} NfConflictChoice;

#define NF_CANVAS_MAX_CONFLICTS 100000

const char       *nf_conflict_kind_to_xml   (NfConflictKind  kind);
gboolean          nf_conflict_kind_from_xml (const char     *name,
                                             NfConflictKind *out_kind);
/* Whether the values are ids (notes, tables, sources). */
gboolean          nf_conflict_kind_is_item  (NfConflictKind  kind);
/* A row conflict's side as a row index (from 0), or -1 when that side
 * deleted the row or the value is not a row number. */
int               nf_conflict_row_of        (const NfConflict *conflict,
                                             gboolean          ours);

guint             nf_canvas_get_n_conflicts (NfCanvas       *self);
const NfConflict *nf_canvas_get_conflict    (NfCanvas       *self,
                                             guint           index);
/* Whether the note (or table, source) with this id is one side of a
 * conflict. */
gboolean          nf_canvas_has_conflict    (NfCanvas       *self,
                                             NfConflictKind  kind,
                                             const char     *id);

/* The conflict with the note (or table, source) of this id as one side,
 * or NULL; out_index: where it is in the canvas's list. */
const NfConflict *nf_canvas_find_conflict  (NfCanvas       *self,
                                             NfConflictKind  kind,
                                             const char     *id,
                                             guint          *out_index);
/* Whether the id is "ours" in the conflict (else "theirs"). */
gboolean          nf_conflict_is_ours       (const NfConflict *conflict,
                                             const char     *id);
/* Settles the conflict at `index` as one undoable step: the version not
 * taken is removed (a note, table or source) or replaced (a value, a
 * cell, a rate), and the conflict with it. */
void              nf_canvas_resolve_conflict (NfCanvas       *self,
                                             guint           index,
                                             NfConflictChoice choice);

/* A side's text with the translations that differ from the other side's
 * ("Acme (zh: 阿克米)"); cell or other may be NULL. */
char             *nf_conflict_side_describe (const char     *text,
                                             const NfCell   *cell,
                                             const NfCell   *other);

/* The merged canvas, with its conflicts (out_n_conflicts). */
NfCanvas         *nf_merge                  (NfCanvas       *base,
                                             NfCanvas       *ours,
                                             NfCanvas       *theirs,
                                             guint          *out_n_conflicts);

/* The merge of three files' bytes, as written to the output. When one side
 * is byte for byte the base, it is the other side as it is. NULL with
 * `error` set when one of them cannot be read (`names` are what the
 * messages call them). */
GBytes           *nf_merge_bytes            (GBytes         *base,
                                             GBytes         *ours,
                                             GBytes         *theirs,
                                             const char * const names[3],
                                             guint          *out_n_conflicts,
                                             GError        **error);

G_END_DECLS
