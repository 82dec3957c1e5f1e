/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <ninefold/nf-diff.h>

G_BEGIN_DECLS

/* Sorted, distinct hashes of a text's similarity tokens: lower-cased,
 * NFKC-folded words for Latin text, character bigrams for CJK. */
GArray *_nf_diff_token_set (const char *text);
double  _nf_diff_jaccard   (GArray     *a,
                            GArray     *b);
/* Sorted, distinct hashes of a note's tags, each whole (its words folded
 * and without plural endings), kept apart from any word's hash. */
GArray *_nf_diff_tag_set   (const char * const *tags);
/* Shared tags over the tags of the note with fewer: 1 when one note's
 * tags are all the other's, 0 when either has none. */
double  _nf_diff_tag_overlap (GArray   *a,
                              GArray   *b);
/* The text folded for exact comparison: tokens joined by single spaces. */
char   *_nf_diff_fold      (const char *text);
/* The same without the short way for ASCII: tests hold the two equal. */
char   *_nf_diff_fold_slow (const char *text);
void    _nf_diff_op_free   (NfDiffOp   *op);
/* How many hash look-ups keying and aligning the figures took: tests hold
 * it to a few per figure, so that a return to a quadratic search (each
 * repeat of a label trying every earlier number) fails without timing. */
guint64 _nf_diff_metrics_get_n_probes (const NfDiffMetrics *self);

G_END_DECLS
