/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-merge.h"

G_BEGIN_DECLS

/* The canvas's conflicts (NfConflict, owned), in the order written. */
GPtrArray  *_nf_canvas_get_conflicts (NfCanvas       *self);

NfConflict *_nf_conflict_new         (NfConflictKind  kind,
                                      const char     *ours,
                                      const char     *theirs);
NfConflict *_nf_conflict_new_cell    (NfConflictKind  kind,
                                      const char     *table,
                                      guint           row,
                                      guint           column,
                                      const char     *ours,
                                      const char     *theirs);
/* Whether the kind is a translatable canvas field (company, title,
 * label, description), whose conflict may carry each side's text with
 * its translations as a cell. */
static inline gboolean
_nf_conflict_kind_is_field (NfConflictKind kind)
{
  return kind == NF_CONFLICT_COMPANY || kind == NF_CONFLICT_TITLE ||
         kind == NF_CONFLICT_LABEL || kind == NF_CONFLICT_DESCRIPTION;
}

/* A deep copy: strings and each side's cell. */
NfConflict *_nf_conflict_copy        (const NfConflict *conflict);
/* Copies of both sides' cells (either may be NULL) into the conflict. */
void        _nf_conflict_set_cells   (NfConflict     *conflict,
                                      const NfCell   *ours,
                                      const NfCell   *theirs);
void        _nf_conflict_free        (NfConflict     *conflict);
gboolean    _nf_conflict_equal       (const NfConflict *a,
                                      const NfConflict *b);

/* Row numbers of cell and row conflicts in `table_id` at or past `row`
 * (from 0) move by `shift` (+1 inserted, -1 removed), as edits of the
 * canvas's current step; a conflict on a removed row goes. */
void        _nf_canvas_shift_conflict_rows (NfCanvas   *self,
                                            const char *table_id,
                                            guint       row,
                                            int         shift);
/* Whether two cells are the same in every field the merge weighs
 * (nf-merge-tables.c). */
gboolean    _nf_merge_cell_eq        (const NfCell   *a,
                                      const NfCell   *b);

G_END_DECLS
