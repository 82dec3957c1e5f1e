/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "nf-grid-style.h"
#include "nf-render-types.h"

G_BEGIN_DECLS

/* A horizontal bar chart, one bar per value, labels on the left and each
 * value written at the end of its bar. Shared by the deck's table slides
 * and (later) the compare view, so both draw numbers the same way.
 *
 * `value_labels` (may be NULL) are what is written beside the bars, such
 * as the text the user typed ("$9.5 million"); without them the values
 * are printed plainly. Non-finite values draw no bar. Bars grow from
 * zero, so negative values point left. Labels and fonts come from the
 * grid style (font_family, base_font_size, muted_text, accent); nothing
 * is drawn outside `rect`. */
void nf_chart_render_bars (cairo_t            *cr,
                           const NfRect       *rect,
                           const char * const *labels,
                           const double       *values,
                           const char * const *value_labels,
                           guint               n,
                           const NfGridStyle  *style);
/* The same, each bar in its own colour (`colours` has n entries; NULL is
 * the accent colour for all): in a comparison, each company's colour. */
void nf_chart_render_bars_coloured (cairo_t            *cr,
                                    const NfRect       *rect,
                                    const char * const *labels,
                                    const double       *values,
                                    const char * const *value_labels,
                                    const NfColour     *colours,
                                    guint               n,
                                    const NfGridStyle  *style);

G_END_DECLS
