/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>

#include "nf-i18n-private.h"
#include <pango/pangocairo.h>

#include "nf-card-layout.h"
#include "nf-chart.h"
#include "nf-render-private.h"

/* Bars never get thinner than this, nor thicker: a two-row table should
 * not turn into two slabs. */
#define MIN_BAR 6.0
#define MAX_BAR 28.0

static PangoLayout *
text_layout (PangoContext      *context,
             const NfGridStyle *style,
             const char        *text,
             double             size,
             double             width)
{
  PangoLayout *layout = _nf_render_layout_new (context);

  _nf_render_set_font (layout, style->font_family, size, PANGO_WEIGHT_NORMAL);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

static double
text_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

void
nf_chart_render_bars (cairo_t            *cr,
                      const NfRect       *rect,
                      const char * const *labels,
                      const double       *values,
                      const char * const *value_labels,
                      guint               n,
                      const NfGridStyle  *style)
{
  nf_chart_render_bars_coloured (cr, rect, labels, values, value_labels, NULL, n, style);
}

void
nf_chart_render_bars_coloured (cairo_t            *cr,
                               const NfRect       *rect,
                               const char * const *labels,
                               const double       *values,
                               const char * const *value_labels,
                               const NfColour     *colours,
                               guint               n,
                               const NfGridStyle  *style)
{
  PangoContext *context;
  double lo = 0, hi = 0, size, row, bar, label_w = 0, value_w = 0;
  double plot_x, plot_w, zero_x;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (rect != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (n == 0 || values != NULL);

  if (n == 0 || rect->width <= 0 || rect->height <= 0)
    return;

  for (guint i = 0; i < n; i++)
    if (isfinite (values[i]))
      {
        lo = MIN (lo, values[i]);
        hi = MAX (hi, values[i]);
      }

  row = rect->height / n;
  size = CLAMP (row * 0.75 / (96.0 / 72.0) / 1.3, style->min_font_size, style->base_font_size);
  /* Many rows in little room: bars thin out rather than overlap. */
  bar = MIN (CLAMP (row * 0.6, MIN_BAR, MAX_BAR), row * 0.8);
  context = nf_render_pango_context_new (NULL);

  /* Labels take what they need, up to a third of the width. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) l = text_layout (context, style, labels ? labels[i] : NULL,
                                              size, rect->width / 3);
      g_autofree char *plain = g_strdup_printf ("%.15g", values[i]);
      g_autoptr(PangoLayout) v = text_layout (context, style,
                                              value_labels ? value_labels[i] : plain,
                                              size, rect->width * 0.4);

      label_w = MAX (label_w, text_width (l));
      value_w = MAX (value_w, text_width (v));
    }

  plot_x = rect->x + label_w + 8;
  plot_w = rect->width - label_w - 8 - value_w - 8;
  if (plot_w < 10)
    plot_w = 10;
  zero_x = hi > lo ? plot_x + plot_w * (-lo) / (hi - lo) : plot_x;

  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);

  /* The zero line, so bars visibly start somewhere. */
  _nf_render_set_colour (cr, &style->block_border);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, round (zero_x) + 0.5, rect->y);
  cairo_line_to (cr, round (zero_x) + 0.5, rect->y + rect->height);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *plain = g_strdup_printf ("%.15g", values[i]);
      g_autoptr(PangoLayout) l = text_layout (context, style, labels ? labels[i] : NULL,
                                              size, label_w);
      g_autoptr(PangoLayout) v = text_layout (context, style,
                                              value_labels ? value_labels[i] : plain,
                                              size, value_w + 1);
      double cy = rect->y + row * (i + 0.5);
      double end = zero_x;
      int lw, lh;

      pango_layout_get_pixel_size (l, &lw, &lh);
      _nf_render_set_colour (cr, &style->title_text);
      cairo_move_to (cr, rect->x + label_w - lw, cy - lh / 2.0);
      pango_cairo_show_layout (cr, l);

      if (isfinite (values[i]) && hi > lo)
        {
          double x0 = zero_x;
          double x1 = plot_x + plot_w * (values[i] - lo) / (hi - lo);

          _nf_render_set_colour (cr, colours != NULL ? &colours[i] : &style->accent);
          cairo_rectangle (cr, MIN (x0, x1), cy - bar / 2, MAX (fabs (x1 - x0), 1), bar);
          cairo_fill (cr);
          end = MAX (x0, x1);
        }

      pango_layout_get_pixel_size (v, &lw, &lh);
      _nf_render_set_colour (cr, &style->muted_text);
      cairo_move_to (cr, end + 6, cy - lh / 2.0);
      pango_cairo_show_layout (cr, v);
    }
  cairo_restore (cr);
  g_object_unref (context);
}

/* --- which figures may share a chart --- */

static gboolean
unit_in (const char         *unit,
         const char * const *words,
         double             *out_factor,
         const double       *factors)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_equal (unit, words[i]))
      {
        if (out_factor != NULL && factors != NULL)
          *out_factor = factors[i];
        return TRUE;
      }
  return FALSE;
}

/* The unit a figure of `kind` is compared in, and the factor into it. */
static NfFigureKind
figure_unit (NfNumberKind    kind,
             const NfNumber *number,
             const NfColumn *column,
             char            unit[64],
             double         *out_factor)
{
  static const char * const durations[] = {
    "second", "seconds", "sec", "s", "秒", "秒钟",
    "minute", "minutes", "min", "mins", "分钟",
    "hour", "hours", "h", "hrs", "小时", "个小时",
    "day", "days", "天", "日",
    "week", "weeks", "周", "星期", "个星期",
    "month", "months", "个月", "月",
    "year", "years", "yr", "yrs", "年", NULL };
  static const double seconds[] = {
    1, 1, 1, 1, 1, 1,
    60, 60, 60, 60, 60,
    3600, 3600, 3600, 3600, 3600, 3600,
    86400, 86400, 86400, 86400,
    604800, 604800, 604800, 604800, 604800,
    2629800, 2629800, 2629800, 2629800,
    31557600, 31557600, 31557600, 31557600, 31557600 };
  g_autofree char *lower = NULL;
  double factor = 1;

  G_STATIC_ASSERT (G_N_ELEMENTS (durations) == G_N_ELEMENTS (seconds) + 1);
  unit[0] = '\0';
  if (out_factor != NULL)
    *out_factor = 1;
  /* The cell's own unit, else the column's. */
  if (number != NULL && number->unit[0] != '\0')
    lower = g_utf8_strdown (number->unit, -1);
  else if (column != NULL && column->unit != NULL && *column->unit != '\0')
    lower = g_utf8_strdown (column->unit, -1);
  else
    lower = g_strdup ("");
  g_strstrip (lower);

  switch (kind)
    {
    case NF_NUMBER_KIND_YEAR:
      return NF_FIGURE_YEAR;
    case NF_NUMBER_KIND_PERCENT:
      g_strlcpy (unit, "%", 64);
      return NF_FIGURE_PERCENT;
    case NF_NUMBER_KIND_MONEY:
      g_strlcpy (unit, number != NULL && number->currency[0] != '\0' ? number->currency
                       : column != NULL && column->unit != NULL ? column->unit : "", 64);
      return NF_FIGURE_MONEY;
    case NF_NUMBER_KIND_RATING:
      /* Stars with stars; "8.5分" out of ten is another scale. */
      g_strlcpy (unit, g_str_equal (lower, "分") || g_str_equal (lower, "points") ? lower : "stars", 64);
      return NF_FIGURE_RATING;
    case NF_NUMBER_KIND_DURATION:
      unit_in (lower, durations, &factor, seconds);
      g_strlcpy (unit, "s", 64);
      if (out_factor != NULL)
        *out_factor = factor;
      return NF_FIGURE_DURATION;
    case NF_NUMBER_KIND_COUNT:
      g_strlcpy (unit, lower, 64);
      return NF_FIGURE_COUNT;
    case NF_NUMBER_KIND_OTHER:
    default:
      g_strlcpy (unit, lower, 64);
      if (number != NULL && number->is_whole && number->value >= 0 && number->scale_word == NULL &&
          (column == NULL || column->type == NF_COLUMN_NUMBER || column->type == NF_COLUMN_COUNT))
        return NF_FIGURE_COUNT;
      return NF_FIGURE_NUMBER;
    }
}

NfFigureKind
nf_chart_figure_kind (const NfNumber *number,
                      const NfColumn *column,
                      char            unit[64],
                      double         *out_factor)
{
  NfNumberKind kind = NF_NUMBER_KIND_OTHER;

  unit[0] = '\0';
  if (out_factor != NULL)
    *out_factor = 1;
  if (column != NULL && column->type == NF_COLUMN_TEXT)
    return NF_FIGURE_NONE;
  if (number != NULL && number->kind != NF_NUMBER_KIND_OTHER)
    kind = number->kind;
  else if (column != NULL)
    kind = column->type == NF_COLUMN_YEAR ? NF_NUMBER_KIND_YEAR
         : column->type == NF_COLUMN_MONEY ? NF_NUMBER_KIND_MONEY
         : column->type == NF_COLUMN_PERCENT ? NF_NUMBER_KIND_PERCENT
         : column->type == NF_COLUMN_COUNT ? NF_NUMBER_KIND_COUNT : NF_NUMBER_KIND_OTHER;
  return figure_unit (kind, number, column, unit, out_factor);
}

/* A cell's kind is the core's (nf_number_kind_for_cell); the chart adds
 * only the unit it compares in. */
static NfFigureKind
cell_kind (const NfColumn *column,
           const NfCell   *cell,
           char            unit[64],
           double         *out_factor)
{
  NfNumber number;
  NfNumberKind kind;
  NfColumn own = nf_cell_get_column (cell, column);

  unit[0] = '\0';
  *out_factor = 1;
  column = &own;
  if (column->type == NF_COLUMN_TEXT)
    return NF_FIGURE_NONE;
  kind = nf_number_kind_for_cell (column, cell, &number);
  return figure_unit (kind, &number, column, unit, out_factor);
}

const char *
nf_chart_figure_kind_title (NfFigureKind kind)
{
  switch (kind)
    {
    case NF_FIGURE_COUNT: return _("Counts");
    case NF_FIGURE_NUMBER: return _("Figures");
    case NF_FIGURE_MONEY: return _("Money");
    case NF_FIGURE_PERCENT: return _("Percentages");
    case NF_FIGURE_RATING: return _("Ratings");
    case NF_FIGURE_DURATION: return _("Durations");
    case NF_FIGURE_YEAR:
    case NF_FIGURE_NONE:
    default: return "";
    }
}

void
nf_chart_group_free (NfChartGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->unit);
  g_array_unref (group->bars);
  g_free (group);
}

GPtrArray *
nf_chart_groups_new (NfMetricTable *table)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) nf_chart_group_free);
  guint n_rows, n_columns;
  gboolean labelled = FALSE;

  g_return_val_if_fail (NF_IS_METRIC_TABLE (table), groups);

  n_rows = nf_metric_table_get_n_rows (table);
  n_columns = nf_metric_table_get_n_columns (table);
  /* Rows named by a text column are each a measure of their own: plain
   * figures of no known kind ("2100多万" cars, "10万亿级" yuan) say
   * nothing of which measure they are, so they share a chart only as a
   * series, down one column of a table by year or unlabelled. */
  for (guint c = 0; c < n_columns && !labelled; c++)
    labelled = nf_metric_table_get_column (table, c)->type == NF_COLUMN_TEXT;
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const NfColumn *column = nf_metric_table_get_column (table, c);
        const NfCell *cell = nf_metric_table_get_cell (table, r, c);
        char unit[64];
        double factor;
        NfFigureKind kind;
        NfChartGroup *group = NULL;
        NfChartBar bar;

        if (column->type == NF_COLUMN_TEXT || !cell->has_value)
          continue;
        kind = cell_kind (column, cell, unit, &factor);
        if (kind == NF_FIGURE_NONE || kind == NF_FIGURE_YEAR || (kind == NF_FIGURE_NUMBER && labelled))
          continue;
        for (guint g = 0; g < groups->len && group == NULL; g++)
          {
            NfChartGroup *candidate = g_ptr_array_index (groups, g);

            if (candidate->kind == kind && g_str_equal (candidate->unit, unit) &&
                (kind != NF_FIGURE_NUMBER || g_array_index (candidate->bars, NfChartBar, 0).column == c))
              group = candidate;
          }
        if (group == NULL)
          {
            group = g_new0 (NfChartGroup, 1);
            group->kind = kind;
            group->unit = g_strdup (unit);
            group->bars = g_array_new (FALSE, FALSE, sizeof (NfChartBar));
            g_ptr_array_add (groups, group);
          }
        bar = (NfChartBar) { r, c, cell->value * factor };
        g_array_append_val (group->bars, bar);
      }
  /* One figure alone compares with nothing. */
  for (guint g = groups->len; g-- > 0;)
    if (((NfChartGroup *) g_ptr_array_index (groups, g))->bars->len < 2)
      g_ptr_array_remove_index (groups, g);
  return groups;
}
