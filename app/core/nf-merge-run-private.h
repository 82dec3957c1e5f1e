/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-merge-private.h"
#include "nf-metric-table.h"

G_BEGIN_DECLS

/* One merge under way, shared by nf-merge.c (metadata, sources, rates,
 * tables, snapshots) and nf-merge-notes.c (notes and their places). The
 * sides are in a fixed order, A then B (see nf-merge.c); `swapped` says A
 * is theirs, so conflicts name the sides right. */

enum { BASE, SIDE_A, SIDE_B, N_SIDES };

typedef struct {
  NfCanvas   *canvas[N_SIDES];
  gboolean    swapped;        /* A is theirs */
  NfCanvas   *out;
  GPtrArray  *conflicts;      /* NfConflict */
  GHashTable *where[N_SIDES]; /* note id → where it is (nf-merge-notes.c) */
  GHashTable *used_ids;       /* every id of a note, table or source anywhere */
  GPtrArray  *placed;         /* the merged notes, before they are ordered */
} NfMergeRun;

/* The three-way rule for one value: 0 take A, 1 take B, -1 a conflict. */
#define NF_MERGE3(eq, base, a, b) \
  ((eq) ((a), (base)) ? 1 : (eq) ((b), (base)) ? 0 : (eq) ((a), (b)) ? 0 : -1)

static inline gboolean
_nf_merge_str_eq (const char *a,
                  const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

static inline gboolean
_nf_merge_int_eq (int a,
                  int b)
{
  return a == b;
}

/* Records a conflict between A's `a` and B's `b`. */
void        _nf_merge_add_conflict (NfMergeRun     *m,
                                    NfConflictKind  kind,
                                    const char     *a,
                                    const char     *b);
/* A fresh id beside `id` ("n7" → "n7.2"), used nowhere in the three. */
char       *_nf_merge_fresh_id     (NfMergeRun     *m,
                                    const char     *id);

/* nf-merge-notes.c: one text merged language by language (new
 * reference); sets *conflict when the same language changed two ways, and
 * then takes the value of side `prefer` (0 A, 1 B) for it. */
NfText     *_nf_merge_text         (NfText         *base,
                                    NfText         *a,
                                    NfText         *b,
                                    int             prefer,
                                    gboolean       *conflict);

/* nf-merge-tables.c: a table changed on both sides, merged by row and
 * cell (new reference), or NULL when only both whole tables will do. */
NfMetricTable *_nf_merge_table    (NfMergeRun     *m,
                                   NfMetricTable  *t[N_SIDES]);

/* nf-merge-notes.c: id → where, for one side. */
GHashTable *_nf_merge_index_notes  (NfCanvas       *canvas);
GPtrArray  *_nf_merge_placed_new   (void);
/* Every note's version(s), block and place, into m->out. */
void        _nf_merge_notes        (NfMergeRun     *m);

G_END_DECLS
