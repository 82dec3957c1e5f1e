/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "nf-canvas.h"
#include "nf-diff.h"
#include "nf-grid-style.h"
#include "nf-render-types.h"

G_BEGIN_DECLS

#define NF_TYPE_COMPARE_METRICS (nf_compare_metrics_get_type ())

G_DECLARE_FINAL_TYPE (NfCompareMetrics, nf_compare_metrics, NF, COMPARE_METRICS, GObject)

/* The metric comparison beneath the blocks: a table with one row per
 * aligned measure (nf_diff_metrics_new(): the one alignment the diff
 * uses) and one column per canvas, each figure as the core writes it
 * (nf_diff_metric_row_format_value(): its currency, unit and qualifier),
 * "—" where a canvas has none, and the delta and ratio against the first
 * canvas where the figures are comparable; then a bar chart
 * (nf_chart_render_bars()) per comparable measure, two abreast on wide
 * pages; then, under "Figures only one canvas has", each canvas's
 * unaligned figures in its own column. When there is nothing to chart a
 * footnote says why.
 * Drawn by nf_compare_metrics_render() (nf-compare-renderer.h).
 *
 * The canvases must stay alive while the layout does. */
NfCompareMetrics    *nf_compare_metrics_new          (NfCanvas          **canvases,
                                                      guint               n_canvases);
const NfDiffMetrics *nf_compare_metrics_get_metrics  (NfCompareMetrics   *self);
/* Picks the language of labels and number scales, as the compare layout's. */
void                 nf_compare_metrics_set_language (NfCompareMetrics   *self,
                                                      const char         *lang);
/* Leaves out the measures every canvas has with the same figure (what
 * "differences only" shows of versions); FALSE by default. Needs a new
 * allocate. */
void                 nf_compare_metrics_set_hide_unchanged (NfCompareMetrics *self,
                                                            gboolean          hide_unchanged);
/* Lays the table and charts out `width` wide; the height follows
 * (nf_compare_metrics_get_height()). With max_height > 0 rows and charts
 * that do not fit are left out and counted ("+N more rows"). */
void                 nf_compare_metrics_allocate     (NfCompareMetrics   *self,
                                                      const NfGridStyle  *style,
                                                      double              width,
                                                      double              max_height);
double               nf_compare_metrics_get_width    (NfCompareMetrics   *self);
double               nf_compare_metrics_get_height   (NfCompareMetrics   *self);
/* The footnote's text under the table ("+N more rows", why there is no
 * chart, that no measure is shared), or NULL. */
const char          *nf_compare_metrics_get_footnote (NfCompareMetrics   *self);
/* Rows shown, and the box of each (for tests and focus): the aligned rows
 * first, then each canvas's unaligned figures. */
guint                nf_compare_metrics_get_n_rows   (NfCompareMetrics   *self);
const NfDiffMetricRow *nf_compare_metrics_get_row    (NfCompareMetrics   *self,
                                                      guint               row,
                                                      NfRect             *out_rect);
/* -1 for an aligned row; else the canvas whose figure alone it is. */
int                  nf_compare_metrics_get_row_canvas (NfCompareMetrics *self,
                                                        guint             row);
/* A sentence for screen readers: "Revenue: Alibaba 9.5 million USD,
 * Bitauto —". Free with g_free(). */
char                *nf_compare_metrics_describe_row (NfCompareMetrics   *self,
                                                      guint               row);

G_END_DECLS
