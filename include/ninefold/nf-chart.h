/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "nf-grid-style.h"
#include "nf-metric-table.h"
#include "nf-number.h"
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

/* What a figure measures, so that a chart only puts like beside like. */
typedef enum {
  NF_FIGURE_NONE,       /* no figure: text */
  NF_FIGURE_COUNT,      /* a whole number of things */
  NF_FIGURE_NUMBER,     /* another plain figure */
  NF_FIGURE_MONEY,
  NF_FIGURE_PERCENT,
  NF_FIGURE_RATING,     /* "4.6 stars", "8.5分" */
  NF_FIGURE_DURATION,   /* "2 minutes", "36 months": in seconds */
  NF_FIGURE_YEAR,       /* a year names a period; it is never charted */
} NfFigureKind;

/* The kind of a parsed figure in a column (`number` may be NULL for a
 * cell that has a value but no parse; `column` may be NULL), the unit it
 * is compared in (a currency code, "%", a unit as written lower-cased,
 * "" for none; at most 63 bytes) and the factor that takes its value
 * into that unit (durations go to seconds; else 1). Two figures may share
 * a chart only when kind and unit are the same. The one place that
 * decides it: the number model's own kind can take its place. */
NfFigureKind nf_chart_figure_kind (const NfNumber *number,
                                   const NfColumn *column,
                                   char            unit[64],
                                   double         *out_factor);
const char  *nf_chart_figure_kind_title (NfFigureKind kind);
/* A chart's title for figures of one kind and unit, for a reader:
 * "Amounts in USD", "Shares and rates in %", "Numbers of vehicles";
 * translated. */
char        *nf_chart_group_title       (NfFigureKind kind,
                                         const char  *unit);
/* Whether a column's name already says its unit (a unit or ISO 4217
 * code), case aside: the unit itself ("Leasing Period (Months)" for
 * months) or, for a currency, its symbol or name ("Revenue ($)" for
 * USD, "营收（亿元）" for CNY). TRUE for no unit. */
gboolean     nf_chart_name_says_unit    (const char  *name,
                                         const char  *unit);
/* Whether a column's name says nothing of what its figures measure
 * ("Value", "数值"), leaving that to the rows' labels. */
gboolean     nf_chart_name_is_generic   (const char  *name);

typedef struct {
  guint  row;
  guint  column;
  double value;   /* in the group's unit */
} NfChartBar;

/* The figures of a table that one chart may hold: one kind, one unit,
 * at least two bars, in row then column order. */
typedef struct {
  NfFigureKind  kind;
  char         *unit;
  GArray       *bars;   /* NfChartBar */
} NfChartGroup;

/* The charts a table gets: one NfChartGroup per kind and unit with two
 * figures or more, in the order their first figures come. Figures of no
 * known kind (NF_FIGURE_NUMBER) are charted only as a series down one
 * column of a table whose rows no text column names. */
GPtrArray   *nf_chart_groups_new  (NfMetricTable *table);
void         nf_chart_group_free  (NfChartGroup  *group);

G_END_DECLS
