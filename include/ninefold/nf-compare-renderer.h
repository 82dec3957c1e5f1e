/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "nf-compare-layout.h"
#include "nf-compare-metrics.h"
#include "nf-grid-style.h"

G_BEGIN_DECLS

/* Drawing of a comparison. Like nf_grid_render() these only draw: they
 * make no layouts and break no lines, and any cairo_t will do (a widget's
 * snapshot, a PDF page, an image). Everything is drawn at the origin in
 * layout units; translate and scale the cairo_t to place it. */

/* The header row, every block row with its title band and cells, the
 * cards with their mark strips and "+N more" where cards are hidden.
 * Fills width × height of the layout with the style's background. */
void   nf_compare_render              (cairo_t           *cr,
                                       NfCompareLayout   *layout,
                                       const NfGridStyle *style);

/* Only the header row (each canvas's name over its colour), on the
 * background, in a box as wide as the layout and as tall as the header's
 * bottom plus half a margin: for a screen that keeps the names in view
 * while the rows scroll (nf_compare_layout_set_show_header()). */
void   nf_compare_render_header       (cairo_t           *cr,
                                       NfCompareLayout   *layout,
                                       const NfGridStyle *style);

/* The legend: a swatch and its words (nf_compare_mark_label(); between
 * versions SHARED reads "Unchanged") for each mark the kind of comparison
 * uses (versions, or different companies), flowing into as many lines as
 * `width` needs. measure gives the height it takes; render draws it at
 * the origin. Unlike the calls above these lay their few words out
 * themselves. */
double nf_compare_legend_measure      (gboolean           versions,
                                       const NfGridStyle *style,
                                       double             width);
void   nf_compare_legend_render       (cairo_t           *cr,
                                       gboolean           versions,
                                       const NfGridStyle *style,
                                       double             width);

/* The metric table and its bar charts (nf-compare-metrics.h), filling
 * the layout's width × height with the background. */
void   nf_compare_metrics_render      (cairo_t           *cr,
                                       NfCompareMetrics  *metrics,
                                       const NfGridStyle *style);

/* Lays out all nine blocks and the metrics of `canvases` at `width` and
 * writes one PNG, legend on top then blocks then metrics: what the render
 * tests and `ninefold export` of a comparison image use. */
gboolean nf_compare_render_to_png     (NfCanvas         **canvases,
                                       guint              n_canvases,
                                       const char        *lang,
                                       int                width,
                                       double             scale,
                                       const NfGridStyle *style,
                                       const char        *path,
                                       GError           **error);

G_END_DECLS
