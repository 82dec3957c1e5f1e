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
void        _nf_conflict_free        (NfConflict     *conflict);
gboolean    _nf_conflict_equal       (const NfConflict *a,
                                      const NfConflict *b);

G_END_DECLS
