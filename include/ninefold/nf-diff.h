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

/* The metric tables of 2 to 4 canvases aligned row by row: one
 * NfDiffMetricRow per measure ("revenue", "users", "employees" and the
 * like, at one period such as a year), with a slot per canvas that is
 * empty where that canvas has no such figure. Rows are matched by the
 * meaning key of their label (labelled tables), or of their column's name
 * and the year (tables by year); tables by block and title.
 *
 * Values are in plain units (nf-number.h: "2,235.1万" is 22351000, "15%"
 * is 0.15). Figures are compared only when every present one has the same
 * column type and unit. Money in another currency than the base's is
 * converted only with an exchange rate a compared canvas states (its own
 * first, then the base's, then any other's: nf_canvas_find_rate); with
 * none, the row is not comparable. Deltas and ratios are against `base`,
 * the first canvas that has a value, in the base's unit. */
typedef struct {
  char          *key;         /* the meaning key the row is aligned by */
  const char    *label;       /* the row's label in the first canvas with it */
  const char    *column;      /* what tells it apart within its table: the
                               * column's name when a row has several figures,
                               * the year in a table by year; else NULL */
  const char    *table_title; /* that canvas's table title */
  NfColumnType   type;        /* that canvas's column type */
  guint          n_present;   /* how many canvases have a value */
  guint          base;
  gboolean       comparable;
  NfMetricTable *tables[NF_DIFF_MAX_CANVASES];   /* NULL where absent */
  guint          rows[NF_DIFF_MAX_CANVASES];
  guint          columns[NF_DIFF_MAX_CANVASES];
  gboolean       present[NF_DIFF_MAX_CANVASES];
  double         values[NF_DIFF_MAX_CANVASES];
  double         converted[NF_DIFF_MAX_CANVASES]; /* in units[base]; = values
                                                   * where no rate is used */
  NfRate        *rates[NF_DIFF_MAX_CANVASES];    /* the rate used, or NULL */
  const char    *texts[NF_DIFF_MAX_CANVASES];    /* as written */
  const char    *units[NF_DIFF_MAX_CANVASES];    /* unit or currency, or NULL */
  double         deltas[NF_DIFF_MAX_CANVASES];   /* values[i] - values[base] */
  double         ratios[NF_DIFF_MAX_CANVASES];   /* values[i] / values[base], 0 if undefined */
} NfDiffMetricRow;

typedef struct _NfDiffMetrics NfDiffMetrics;

/* The canvases must outlive the result (rows point into their tables). */
NfDiffMetrics         *nf_diff_metrics_new        (NfCanvas      **canvases,
                                                   guint           n_canvases);
void                   nf_diff_metrics_free       (NfDiffMetrics  *self);
guint                  nf_diff_metrics_get_n_canvases (const NfDiffMetrics *self);
guint                  nf_diff_metrics_get_n_rows (const NfDiffMetrics *self);
const NfDiffMetricRow *nf_diff_metrics_get_row    (const NfDiffMetrics *self,
                                                   guint                index);
/* TRUE when no row of `table` (of canvas `index`) is present in any other
 * canvas: a table only that company has. */
gboolean               nf_diff_metrics_table_is_only (const NfDiffMetrics *self,
                                                      guint                index,
                                                      NfMetricTable       *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NfDiff, nf_diff_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NfDiffMetrics, nf_diff_metrics_free)

G_END_DECLS
