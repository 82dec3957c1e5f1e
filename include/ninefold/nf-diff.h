/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "nf-block.h"
#include "nf-canvas.h"
#include "nf-number.h"

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
/* TRUE when nothing differs: every entry is SHARED and the metrics are
 * the same (nf_diff_metrics_is_same). */
gboolean           nf_diff_is_same        (const NfDiff *self);

/* Word-level differences, CJK-aware (each Han, kana or Hangul character
 * is a token of its own). An array of NfDiffOp, owned by the caller. */
GPtrArray         *nf_diff_words          (const char   *old_text,
                                           const char   *new_text);
/* Similarity in [0, 1] of two texts: Jaccard of their tokens (lower-cased
 * words, CJK character bigrams). */
double             nf_diff_similarity     (const char   *a,
                                           const char   *b);

/* The meaning key a title or label is aligned by: the label folded (case,
 * width, spaces), or the measure it names in a small table of words in
 * either language when the whole label is one of them ("营业收入" and
 * "Revenue" are "revenue"; "Total Registered Users" is itself). */
char              *nf_diff_metric_key     (const char   *label);

/* The metric tables of 2 to 4 canvases aligned row by row: the one
 * comparison of figures that nf_diff_is_same(), the compare view, the
 * deck and both formats of `ninefold diff` read.
 *
 * One NfDiffMetricRow per measure with a slot per canvas. Figures align
 * only when they are the same measure: the same explicit key (metric="…"
 * on the row or column), or the same label after nf_diff_metric_key() —
 * the row's label in a labelled table (with the column's name when a row
 * has several figures), the column's name in English and the year in a
 * table by year — and always the same kind (nf_number_kind_for_cell()). A
 * shared unit or kind alone never aligns two figures. Rows in two canvases
 * or more are the aligned rows (nf_diff_metrics_get_row()); a figure no
 * other canvas has is an unaligned row of its canvas
 * (nf_diff_metrics_get_unaligned()).
 *
 * Values are in plain units (nf-number.h: "2,235.1万" is 22351000, "15%"
 * is 0.15). Figures are compared only when every present one has the same
 * unit. Money in another currency than the base's is converted only with
 * an exchange rate a compared canvas states (its own first, then the
 * base's, then any other's: nf_canvas_find_rate); with none, the row is
 * not comparable. Deltas and ratios are against `base`, the first canvas
 * that has a value, in the base's unit. */
/* What a row keeps of a figure as parsed (NfNumber, less its words: a
 * row per figure at the limits of a canvas must stay small). */
typedef struct {
  guint8 kind;      /* NfNumberKind */
  guint8 bound;     /* NfNumberQualifier: the qualifier, normalised */
  guint8 is_order;  /* an order of magnitude: "10万亿级" */
} NfDiffFigure;

/* A row is kept for every figure of every table compared, so it holds
 * what is read often and borrows the rest: its words point into the
 * tables, its key into the comparison, and a figure as written, its
 * difference and its ratio have accessors below (at the limits, 150,000
 * rows of 424 bytes were most of a diff's memory; now 256). */
typedef struct {
  const char    *key;         /* the meaning key the row is aligned by */
  const char    *label;       /* the row's label in the first canvas with it */
  const char    *column;      /* what tells it apart within its table: the
                               * column's name when a row has several figures,
                               * the year in a table by year; else NULL */
  const char    *table_title; /* that canvas's table title */
  NfMetricTable *tables[NF_DIFF_MAX_CANVASES];   /* NULL where absent */
  NfRate        *rates[NF_DIFF_MAX_CANVASES];    /* the rate used, or NULL */
  const char    *units[NF_DIFF_MAX_CANVASES];    /* unit or currency, or NULL */
  double         values[NF_DIFF_MAX_CANVASES];
  double         converted[NF_DIFF_MAX_CANVASES]; /* in units[base]; = values
                                                   * where no rate is used */
  guint          rows[NF_DIFF_MAX_CANVASES];
  guint          columns[NF_DIFF_MAX_CANVASES];
  NfDiffFigure   numbers[NF_DIFF_MAX_CANVASES];  /* the figure as parsed: its
                                                  * kind and qualifier (its
                                                  * currency or unit: units) */
  guint8         type;        /* NfColumnType: that canvas's column type */
  guint8         kind;        /* NfNumberKind: what every figure of the row measures */
  guint8         differs;     /* a figure missing, incomparable, another
                               * value or another qualifier */
  guint8         n_present;   /* how many canvases have a value */
  guint8         base;
  guint8         comparable;
  guint8         present[NF_DIFF_MAX_CANVASES];
  guint8         approximate[NF_DIFF_MAX_CANVASES]; /* the difference is
                                                     * approximate: a figure
                                                     * qualified or converted */
} NfDiffMetricRow;

typedef struct _NfDiffMetrics NfDiffMetrics;

/* The canvases must outlive the result (rows point into their tables). */
NfDiffMetrics         *nf_diff_metrics_new        (NfCanvas      **canvases,
                                                   guint           n_canvases);
void                   nf_diff_metrics_free       (NfDiffMetrics  *self);
guint                  nf_diff_metrics_get_n_canvases (const NfDiffMetrics *self);
/* The aligned rows: each in two canvases or more. */
guint                  nf_diff_metrics_get_n_rows (const NfDiffMetrics *self);
const NfDiffMetricRow *nf_diff_metrics_get_row    (const NfDiffMetrics *self,
                                                   guint                index);
/* The figures only canvas `canvas` has, in its tables' order. */
guint                  nf_diff_metrics_get_n_unaligned (const NfDiffMetrics *self,
                                                        guint                canvas);
const NfDiffMetricRow *nf_diff_metrics_get_unaligned   (const NfDiffMetrics *self,
                                                        guint                canvas,
                                                        guint                index);
/* TRUE when every canvas has every figure, alike: no unaligned row, and
 * no aligned row that differs. */
gboolean               nf_diff_metrics_is_same    (const NfDiffMetrics *self);
/* TRUE when no row of `table` (of canvas `index`) is present in any other
 * canvas: a table only that company has. */
gboolean               nf_diff_metrics_table_is_only (const NfDiffMetrics *self,
                                                      guint                index,
                                                      NfMetricTable       *table);

/* A row's words for a reader of `lang` where its base canvas translates
 * them (the row's label cell, the column's name, the table's title), else
 * as written; NULL `lang`: as written. Any out pointer may be NULL. */
void                   nf_diff_metric_row_get_words        (const NfDiffMetricRow *row,
                                                            const char            *lang,
                                                            const char           **label,
                                                            const char           **column,
                                                            const char           **title);
/* How slot `canvas` stands against the base, in the base's unit:
 * values[canvas] - values[base] after conversion, and their ratio (0 when
 * undefined). 0 for an empty slot or an incomparable row. */
double                 nf_diff_metric_row_get_delta        (const NfDiffMetricRow *row,
                                                            guint                  canvas);
double                 nf_diff_metric_row_get_ratio        (const NfDiffMetricRow *row,
                                                            guint                  canvas);
/* A slot's figure as written, in `lang` where its cell is translated;
 * NULL where that canvas has none. */
const char            *nf_diff_metric_row_get_text         (const NfDiffMetricRow *row,
                                                            guint                  canvas,
                                                            const char            *lang);
/* What a row's slot shows: the figure as it says it (nf_number_format_cell),
 * NULL where that canvas has none. */
char                  *nf_diff_metric_row_format_value     (const NfDiffMetricRow *row,
                                                            guint                  canvas,
                                                            const char            *lang);
/* "≈ 6.8 million yuan (1 USD = 7.1884 CNY, 2024-12-31)" where a stated
 * rate converts the figure into the base's currency; else NULL. */
char                  *nf_diff_metric_row_format_converted (const NfDiffMetricRow *row,
                                                            guint                  canvas,
                                                            const char            *lang);
/* How the slot stands against the base: "+$50 million ×1.50", "−5 pts",
 * "≈+1,000" when a figure in it is approximate; NULL for the base, an
 * empty slot or an incomparable row. */
char                  *nf_diff_metric_row_format_delta     (const NfDiffMetricRow *row,
                                                            guint                  canvas,
                                                            const char            *lang);
/* How a converted figure names its rate: "1 USD = 7.1884 CNY, 2024-12-31". */
char                  *nf_diff_format_rate                 (NfRate                *rate);

/* The diff's one comparison of metric tables: every figure, aligned
 * across all its canvases. */
const NfDiffMetrics   *nf_diff_get_metrics    (const NfDiff *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NfDiff, nf_diff_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NfDiffMetrics, nf_diff_metrics_free)

G_END_DECLS
