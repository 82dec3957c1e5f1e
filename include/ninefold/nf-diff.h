/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "nf-block.h"
#include "nf-canvas.h"

G_BEGIN_DECLS

#define NF_DIFF_MAX_CANVASES 4

/* What one entry of a diff says. For two versions of one company (the
 * canvases share note ids) the entries are ADDED, REMOVED, CHANGED, MOVED
 * and REORDERED; otherwise notes are matched by meaning and the entries
 * are SHARED (in every canvas), SOME (in more than one, not all), ONLY (in
 * one) and NEAR (the same idea in other words, with a score). */
typedef enum {
  NF_DIFF_ADDED,
  NF_DIFF_REMOVED,
  NF_DIFF_CHANGED,
  NF_DIFF_MOVED,
  NF_DIFF_REORDERED,
  NF_DIFF_SHARED,
  NF_DIFF_SOME,
  NF_DIFF_ONLY,
  NF_DIFF_NEAR,
} NfDiffKind;

typedef enum {
  NF_DIFF_OP_SAME,
  NF_DIFF_OP_DELETE,
  NF_DIFF_OP_INSERT,
} NfDiffOpKind;

typedef enum {
  NF_DIFF_FLAGS_NONE           = 0,
  NF_DIFF_FLAGS_IGNORE_REORDER = 1 << 0,
} NfDiffFlags;

/* A run of tokens (words, or single CJK characters, with the spaces and
 * punctuation between them) that is kept, deleted or inserted. */
typedef struct {
  NfDiffOpKind  kind;
  char         *text;
} NfDiffOp;

typedef struct {
  NfDiffKind  kind;
  /* The block in the first canvas that has the note; for MOVED, the
   * block it left, and to_block the one it went to. */
  NfBlock     block;
  NfBlock     to_block;
  /* One slot per canvas, NULL where that canvas has no such note. */
  NfNote     *notes[NF_DIFF_MAX_CANVASES];
  /* 1 for identical text, less for near matches. */
  double      score;
  /* CHANGED only: the word-level edit from the old text to the new. */
  GPtrArray  *ops;
} NfDiffEntry;

typedef struct _NfDiff NfDiff;

/* Compares 2 to 4 canvases; the output order is stable: block order, then
 * the note order of the first canvas that has the note. */
NfDiff            *nf_diff_new            (NfCanvas   **canvases,
                                           guint        n_canvases,
                                           NfDiffFlags  flags);
void               nf_diff_free           (NfDiff      *self);
guint              nf_diff_get_n_canvases (const NfDiff *self);
NfCanvas          *nf_diff_get_canvas     (const NfDiff *self,
                                           guint         index);
/* Versions of one company (shared note ids), as opposed to different ones. */
gboolean           nf_diff_is_versions    (const NfDiff *self);
guint              nf_diff_get_n_entries  (const NfDiff *self);
const NfDiffEntry *nf_diff_get_entry      (const NfDiff *self,
                                           guint         index);
/* TRUE when nothing differs: every entry is SHARED. */
gboolean           nf_diff_is_same        (const NfDiff *self);

/* Word-level differences, CJK-aware (each Han, kana or Hangul character
 * is a token of its own). An array of NfDiffOp, owned by the caller. */
GPtrArray         *nf_diff_words          (const char   *old_text,
                                           const char   *new_text);
/* Similarity in [0, 1] of two texts: Jaccard of their tokens (lower-cased
 * words, CJK character bigrams). */
double             nf_diff_similarity     (const char   *a,
                                           const char   *b);

/* Metric tables of the first two canvases, aligned by meaning: tables by
 * block and title, columns by name and rows by label, each normalised and
 * looked up in a small synonym table (revenue/营收/收入, users/用户…).
 * Values are compared only when the columns' types and units (currencies)
 * match; otherwise comparable is FALSE and delta and ratio are 0. */
typedef struct {
  NfMetricTable *tables[2];
  guint          rows[2];
  guint          columns[2];
  double         values[2];
  gboolean       comparable;
  double         delta;   /* values[1] - values[0] */
  double         ratio;   /* values[1] / values[0], 0 when values[0] is 0 */
} NfDiffCell;

guint              nf_diff_get_n_cells    (const NfDiff *self);
const NfDiffCell  *nf_diff_get_cell       (const NfDiff *self,
                                           guint         index);
/* The meaning key a title or label is aligned by. */
char              *nf_diff_metric_key     (const char   *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NfDiff, nf_diff_free)

G_END_DECLS
