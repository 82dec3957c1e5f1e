/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>

#include "nf-i18n-private.h"
#include <pango/pangocairo.h>

#include "nf-card-layout.h"
#include "nf-chart.h"
#include "nf-compare-layout.h"
#include "nf-compare-layout-private.h"
#include "nf-compare-renderer.h"
#include "nf-number.h"
#include "nf-render-private.h"

typedef struct {
  guint        index;       /* in the NfDiffMetrics: an aligned row, or an
                             * unaligned one of `canvas` */
  int          canvas;      /* -1 for an aligned row */
  NfRect       rect;
  double       values_y;    /* the figures go under the label */
  PangoLayout *label;
  PangoLayout *cells[NF_DIFF_MAX_CANVASES];
} MetricRow;

typedef struct {
  guint  index;
  NfRect title_rect;
  NfRect bars_rect;
  PangoLayout *title;
} MetricChart;

struct _NfCompareMetrics
{
  GObject        parent_instance;

  NfCanvas      *canvases[NF_DIFF_MAX_CANVASES];
  char          *names[NF_DIFF_MAX_CANVASES];
  guint          n_canvases;
  NfDiffMetrics *metrics;
  char          *lang;
  gboolean       hide_unchanged;

  NfGridStyle   *style;
  PangoContext  *context;
  PangoLayout   *heading;
  PangoLayout   *headers[NF_DIFF_MAX_CANVASES + 1];
  PangoLayout   *footnote;   /* "+N more rows", or why there are no charts */
  PangoLayout   *singles;    /* heads the rows only one canvas has */
  double         singles_y;
  NfRect         header_rect;
  double         columns_x[NF_DIFF_MAX_CANVASES + 1];
  double         column_w;
  double         label_w;
  double         footnote_y;
  GArray        *rows;       /* MetricRow: the aligned, then the unaligned */
  guint          n_aligned_shown;
  GArray        *charts;     /* MetricChart */
  double         width, height;
};

G_DEFINE_FINAL_TYPE (NfCompareMetrics, nf_compare_metrics, G_TYPE_OBJECT)

#define PAD 6.0
#define BAR_ROW 22.0

static void
metric_row_clear (gpointer data)
{
  MetricRow *row = data;

  g_clear_object (&row->label);
  for (guint i = 0; i < NF_DIFF_MAX_CANVASES; i++)
    g_clear_object (&row->cells[i]);
}

static void
metric_chart_clear (gpointer data)
{
  g_clear_object (&((MetricChart *) data)->title);
}

static void
clear_layouts (NfCompareMetrics *self)
{
  g_array_set_size (self->rows, 0);
  g_array_set_size (self->charts, 0);
  g_clear_object (&self->heading);
  g_clear_object (&self->footnote);
  g_clear_object (&self->singles);
  for (guint i = 0; i <= NF_DIFF_MAX_CANVASES; i++)
    g_clear_object (&self->headers[i]);
}

static void
nf_compare_metrics_finalize (GObject *object)
{
  NfCompareMetrics *self = (NfCompareMetrics *) object;

  clear_layouts (self);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->charts, g_array_unref);
  g_clear_pointer (&self->metrics, nf_diff_metrics_free);
  for (guint i = 0; i < NF_DIFF_MAX_CANVASES; i++)
    {
      g_clear_object (&self->canvases[i]);
      g_clear_pointer (&self->names[i], g_free);
    }
  g_clear_object (&self->context);
  g_clear_pointer (&self->style, nf_grid_style_free);
  g_clear_pointer (&self->lang, g_free);

  G_OBJECT_CLASS (nf_compare_metrics_parent_class)->finalize (object);
}

static void
nf_compare_metrics_class_init (NfCompareMetricsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nf_compare_metrics_finalize;
}

static void
nf_compare_metrics_init (NfCompareMetrics *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (MetricRow));
  g_array_set_clear_func (self->rows, metric_row_clear);
  self->charts = g_array_new (FALSE, TRUE, sizeof (MetricChart));
  g_array_set_clear_func (self->charts, metric_chart_clear);
}

NfCompareMetrics *
nf_compare_metrics_new (NfCanvas **canvases,
                        guint      n_canvases)
{
  NfCompareMetrics *self;

  g_return_val_if_fail (canvases != NULL, NULL);
  g_return_val_if_fail (n_canvases >= 1 && n_canvases <= NF_DIFF_MAX_CANVASES, NULL);

  self = g_object_new (NF_TYPE_COMPARE_METRICS, NULL);
  self->n_canvases = n_canvases;
  for (guint i = 0; i < n_canvases; i++)
    self->canvases[i] = g_object_ref (canvases[i]);
  /* The same names as the compare layout's columns above the figures. */
  _nf_compare_canvas_names (self->canvases, n_canvases, NULL, self->names);
  self->metrics = nf_diff_metrics_new (self->canvases, n_canvases);
  return self;
}

const NfDiffMetrics *
nf_compare_metrics_get_metrics (NfCompareMetrics *self)
{
  g_return_val_if_fail (NF_IS_COMPARE_METRICS (self), NULL);
  return self->metrics;
}

void
nf_compare_metrics_set_language (NfCompareMetrics *self,
                                 const char       *lang)
{
  g_return_if_fail (NF_IS_COMPARE_METRICS (self));
  if (g_strcmp0 (self->lang, lang) == 0)
    return;
  g_free (self->lang);
  self->lang = g_strdup (lang);
  g_clear_object (&self->context);
  for (guint i = 0; i < self->n_canvases; i++)
    g_free (self->names[i]);
  _nf_compare_canvas_names (self->canvases, self->n_canvases, self->lang, self->names);
}

static PangoLayout *
text_layout (NfCompareMetrics *self,
             const char       *markup,
             double            size,
             PangoWeight       weight,
             double            width)
{
  return _nf_render_wrapped_layout (self->context, self->style->font_family, markup, TRUE,
                                    size, weight, width);
}


static const NfDiffMetricRow *
metric_row (NfCompareMetrics *self,
            const MetricRow  *row)
{
  return row->canvas < 0 ? nf_diff_metrics_get_row (self->metrics, row->index)
                         : nf_diff_metrics_get_unaligned (self->metrics, row->canvas, row->index);
}

/* A row's words in the reader's language where the canvas translates
 * them: its label cell, its column's name and its table's title. */
static void
row_words (NfCompareMetrics      *self,
           const NfDiffMetricRow *m,
           const char           **out_label,
           const char           **out_column,
           const char           **out_title)
{
  nf_diff_metric_row_get_words (m, self->lang, out_label, out_column, out_title);
}

/* The figure as the core writes it, and under it how it stands against
 * the base canvas's: nothing here reads a figure's text again. */
static char *
cell_markup (NfCompareMetrics      *self,
             const NfDiffMetricRow *row,
             guint                  i)
{
  g_autofree char *value = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *delta = NULL;
  GString *out;

  if (!row->present[i])
    return g_strdup ("—");
  value = nf_diff_metric_row_format_value (row, i, self->lang);
  converted = nf_diff_metric_row_format_converted (row, i, self->lang);
  delta = nf_diff_metric_row_format_delta (row, i, self->lang);
  out = g_string_new (NULL);
  g_string_append_printf (out, "%s", value);
  {
    g_autofree char *escaped = g_markup_escape_text (out->str, -1);

    g_string_assign (out, escaped);
  }
  /* Converted figures say so, and with which rate: the reader must be
   * able to check the arithmetic against the canvas's stated rate. */
  if (converted != NULL)
    {
      g_autofree char *small = g_markup_printf_escaped ("\n<small>%s</small>", converted);

      g_string_append (out, small);
    }
  if (delta != NULL)
    {
      g_autofree char *small = g_markup_printf_escaped ("\n<small>%s</small>", delta);

      g_string_append (out, small);
    }
  return g_string_free (out, FALSE);
}

/* The figures only one canvas has, each in its canvas's column under one
 * heading: they are not set against anything, so they take no row of
 * "—" across the others. Returns the y below them. */
static double
layout_unaligned (NfCompareMetrics  *self,
                  const NfGridStyle *style,
                  double             y,
                  double             max_height,
                  guint             *n_hidden)
{
  double small = style->base_font_size * style->footer_font_scale;
  double top, bottom;
  guint total = 0;

  for (guint i = 0; i < self->n_canvases; i++)
    total += nf_diff_metrics_get_n_unaligned (self->metrics, i);
  if (total == 0)
    return y;
  {
    g_autofree char *head = g_markup_escape_text (self->n_canvases > 1 ? _("Figures only one canvas has")
                                                                      : _("Figures"), -1);

    self->singles = text_layout (self, head, small * 1.1, PANGO_WEIGHT_BOLD, self->width - 2 * style->margin);
  }
  self->singles_y = y;
  top = y + _nf_render_layout_height (self->singles) + 4;
  bottom = top;
  if (max_height > 0 && top + style->margin > max_height)
    {
      *n_hidden += total;
      return y;
    }
  for (guint i = 0; i < self->n_canvases; i++)
    {
      guint n = nf_diff_metrics_get_n_unaligned (self->metrics, i);
      double cy = top;

      for (guint r = 0; r < n; r++)
        {
          const NfDiffMetricRow *m = nf_diff_metrics_get_unaligned (self->metrics, i, r);
          g_autofree char *value = nf_diff_metric_row_format_value (m, i, self->lang);
          const char *label, *column, *title;
          g_autofree char *markup = NULL;

          row_words (self, m, &label, &column, &title);
          markup = g_markup_printf_escaped ("%s%s%s\n<b>%s</b>  <span size='smaller' alpha='70%%'>%s</span>",
                                            label ? label : "", column ? " · " : "", column ? column : "",
                                            value ? value : "", title ? title : "");
          MetricRow row = { .index = r, .canvas = (int) i };
          double h;

          row.label = text_layout (self, markup, style->base_font_size, PANGO_WEIGHT_NORMAL,
                                   self->column_w - 2 * PAD);
          h = _nf_render_layout_height (row.label) + 2 * PAD;
          if (max_height > 0 && cy + h + style->margin > max_height)
            {
              metric_row_clear (&row);
              *n_hidden += n - r;
              break;
            }
          row.values_y = cy + PAD;
          row.rect = (NfRect) { self->columns_x[i + 1], cy, self->column_w, h };
          g_array_append_val (self->rows, row);
          cy += h;
        }
      bottom = MAX (bottom, cy);
    }
  return bottom + style->block_gap;
}

void
nf_compare_metrics_set_hide_unchanged (NfCompareMetrics *self,
                                       gboolean          hide_unchanged)
{
  g_return_if_fail (NF_IS_COMPARE_METRICS (self));
  self->hide_unchanged = !!hide_unchanged;
}

/* Every canvas has the figure, written the same. */
static gboolean
row_unchanged (NfCompareMetrics      *self,
               const NfDiffMetricRow *m)
{
  if (m->n_present != self->n_canvases)
    return FALSE;
  for (guint i = 1; i < self->n_canvases; i++)
    if (g_strcmp0 (nf_diff_metric_row_get_text (m, i, NULL), nf_diff_metric_row_get_text (m, 0, NULL)) != 0 ||
        m->values[i] != m->values[0])
      return FALSE;
  return TRUE;
}

void
nf_compare_metrics_allocate (NfCompareMetrics  *self,
                             const NfGridStyle *style,
                             double             width,
                             double             max_height)
{
  g_autoptr(NfGridStyle) light = NULL;
  double small = 0, y, x;
  guint n_rows, n_hidden = 0, n_charts_cols;

  g_return_if_fail (NF_IS_COMPARE_METRICS (self));

  if (style == NULL)
    style = light = nf_grid_style_new_light ();
  g_clear_pointer (&self->style, nf_grid_style_free);
  self->style = nf_grid_style_copy (style);
  if (self->context == NULL)
    self->context = nf_render_pango_context_new (self->lang);
  clear_layouts (self);
  small = style->base_font_size * style->footer_font_scale;

  self->width = MAX (width, 2 * style->margin + 100);
  /* A measure's name spans the row and its figures sit under it, in
   * columns where the compare layout puts each canvas's cards, so the
   * names kept in view above line up with both. */
  self->label_w = self->width - 2 * style->margin;
  self->column_w = (self->width - 2 * style->margin - (self->n_canvases - 1) * style->block_gap) /
                   self->n_canvases;
  self->columns_x[0] = style->margin;
  for (guint i = 0; i < self->n_canvases; i++)
    self->columns_x[i + 1] = style->margin + i * (self->column_w + style->block_gap);

  y = style->margin;
  self->heading = text_layout (self, _("Metrics"), style->title_font_size * 1.15, PANGO_WEIGHT_BOLD,
                               self->width - 2 * style->margin);
  y += _nf_render_layout_height (self->heading) + style->title_gap;

  {
    double hh = 0;

    hh = 0;
    for (guint i = 0; i < self->n_canvases; i++)
      {
        g_autofree char *name = g_markup_escape_text (self->names[i], -1);

        self->headers[i + 1] = text_layout (self, name, style->base_font_size, PANGO_WEIGHT_BOLD,
                                            self->column_w - 2 * PAD);
        hh = MAX (hh, _nf_render_layout_height (self->headers[i + 1]));
      }
    self->header_rect = (NfRect) { style->margin, y, self->width - 2 * style->margin, hh + 2 * PAD };
    y += self->header_rect.height;
  }

  n_rows = nf_diff_metrics_get_n_rows (self->metrics);
  for (guint index = 0; index < n_rows; index++)
    {
      const NfDiffMetricRow *m = nf_diff_metrics_get_row (self->metrics, index);
      const char *words, *column, *title;
      g_autofree char *label = NULL;
      MetricRow row = { .index = index, .canvas = -1 };
      double h;

      if (self->hide_unchanged && row_unchanged (self, m))
        continue;

      row_words (self, m, &words, &column, &title);
      label = g_markup_printf_escaped ("%s%s%s\n<span size='smaller' alpha='70%%'>%s</span>",
                                       words ? words : "", column ? " · " : "", column ? column : "",
                                       title ? title : "");

      row.label = text_layout (self, label, style->base_font_size, PANGO_WEIGHT_NORMAL,
                               self->label_w - 2 * PAD);
      row.values_y = y + PAD + _nf_render_layout_height (row.label) + 2;
      h = 0;
      for (guint i = 0; i < self->n_canvases; i++)
        {
          g_autofree char *markup = cell_markup (self, m, i);

          row.cells[i] = text_layout (self, markup, style->base_font_size, PANGO_WEIGHT_NORMAL,
                                      self->column_w - 2 * PAD);
          h = MAX (h, _nf_render_layout_height (row.cells[i]));
        }
      row.rect = (NfRect) { style->margin, y, self->width - 2 * style->margin, row.values_y - y + h + PAD };
      if (max_height > 0 && y + row.rect.height + style->margin > max_height)
        {
          metric_row_clear (&row);
          n_hidden = n_rows - index;
          break;
        }
      g_array_append_val (self->rows, row);
      y += row.rect.height;
    }
  self->n_aligned_shown = self->rows->len;

  y += style->block_gap;
  /* Charts of what is comparable, two abreast when there is room. */
  n_charts_cols = self->width > 900 ? 2 : 1;
  x = style->margin;
  for (guint k = 0, col = 0; k < self->n_aligned_shown; k++)
    {
      const MetricRow *row = &g_array_index (self->rows, MetricRow, k);
      const NfDiffMetricRow *m = nf_diff_metrics_get_row (self->metrics, row->index);
      double chart_w = (self->width - 2 * style->margin - (n_charts_cols - 1) * style->block_gap) / n_charts_cols;
      MetricChart chart = { row->index, { 0 }, { 0 }, NULL };
      g_autofree char *title = NULL;
      double th, bh;

      if (!m->comparable || m->n_present < 2)
        continue;
      {
        const char *label, *column;

        /* The chart is titled in the reader's language, as its row is. */
        nf_diff_metric_row_get_words (m, self->lang, &label, &column, NULL);
        title = g_markup_printf_escaped ("%s%s%s", label, column ? " · " : "", column ? column : "");
      }
      chart.title = text_layout (self, title, style->base_font_size, PANGO_WEIGHT_BOLD, chart_w);
      pango_layout_set_ellipsize (chart.title, PANGO_ELLIPSIZE_END);
      th = _nf_render_layout_height (chart.title);
      bh = m->n_present * BAR_ROW;
      if (max_height > 0 && y + th + bh + style->margin > max_height)
        {
          metric_chart_clear (&chart);
          break;
        }
      chart.title_rect = (NfRect) { x + col * (chart_w + style->block_gap), y, chart_w, th };
      chart.bars_rect = (NfRect) { chart.title_rect.x, y + th + 4, chart_w, bh };
      g_array_append_val (self->charts, chart);
      if (++col == n_charts_cols || k + 1 == self->n_aligned_shown)
        {
          y += th + 4 + bh + style->block_gap;
          col = 0;
        }
    }
  if (self->charts->len > 0 && self->charts->len % n_charts_cols != 0)
    {
      const MetricChart *last = &g_array_index (self->charts, MetricChart, self->charts->len - 1);

      y = MAX (y, last->bars_rect.y + last->bars_rect.height + style->block_gap);
    }

  y = layout_unaligned (self, style, y, max_height, &n_hidden);

  {
    g_autofree char *note = NULL;

    if (n_hidden > 0)
      note = g_strdup_printf (nf_ngettext ("+%u more row", "+%u more rows", n_hidden),
                              n_hidden);
    else if (self->rows->len == 0)
      note = g_strdup (_("None of these canvases has metric tables."));
    else if (nf_diff_metrics_get_n_rows (self->metrics) == 0 && self->n_canvases > 1)
      /* Said plainly, so an empty comparison does not look broken. */
      note = g_strdup (_("No measure is shared: no two of these canvases state a figure of the same measure. Each one's own figures are listed above."));
    else if (self->charts->len == 0)
      note = g_strdup (_("No measure has comparable figures in two or more canvases, so there are no charts."));
    if (note != NULL)
      {
        g_autofree char *escaped = g_markup_escape_text (note, -1);

        self->footnote = text_layout (self, escaped, small, PANGO_WEIGHT_NORMAL,
                                      self->width - 2 * style->margin);
        self->footnote_y = y;
        y += _nf_render_layout_height (self->footnote) + style->block_gap;
      }
  }
  self->height = y - style->block_gap + style->margin;
}

const char *
nf_compare_metrics_get_footnote (NfCompareMetrics *self)
{
  g_return_val_if_fail (NF_IS_COMPARE_METRICS (self), NULL);
  return self->footnote != NULL ? pango_layout_get_text (self->footnote) : NULL;
}

double
nf_compare_metrics_get_width (NfCompareMetrics *self)
{
  g_return_val_if_fail (NF_IS_COMPARE_METRICS (self), 0);
  return self->width;
}

double
nf_compare_metrics_get_height (NfCompareMetrics *self)
{
  g_return_val_if_fail (NF_IS_COMPARE_METRICS (self), 0);
  return self->height;
}

guint
nf_compare_metrics_get_n_rows (NfCompareMetrics *self)
{
  g_return_val_if_fail (NF_IS_COMPARE_METRICS (self), 0);
  return self->rows->len;
}

const NfDiffMetricRow *
nf_compare_metrics_get_row (NfCompareMetrics *self,
                            guint             row,
                            NfRect           *out_rect)
{
  const MetricRow *r;

  g_return_val_if_fail (NF_IS_COMPARE_METRICS (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  r = &g_array_index (self->rows, MetricRow, row);
  if (out_rect != NULL)
    *out_rect = r->rect;
  return metric_row (self, r);
}

int
nf_compare_metrics_get_row_canvas (NfCompareMetrics *self,
                                   guint             row)
{
  g_return_val_if_fail (NF_IS_COMPARE_METRICS (self), -1);
  g_return_val_if_fail (row < self->rows->len, -1);
  return g_array_index (self->rows, MetricRow, row).canvas;
}

char *
nf_compare_metrics_describe_row (NfCompareMetrics *self,
                                 guint             row)
{
  const NfDiffMetricRow *m = nf_compare_metrics_get_row (self, row, NULL);
  int only = nf_compare_metrics_get_row_canvas (self, row);
  GString *out = g_string_new (NULL);
  const char *label;

  /* Read out in the language the row is shown in. */
  nf_diff_metric_row_get_words (m, self->lang, &label, NULL, NULL);
  if (only >= 0)
    {
      g_autofree char *value = nf_diff_metric_row_format_value (m, only, self->lang);

      /* TRANSLATORS: a figure no other compared canvas has, e.g. "Only
       * Senmiao: Registered Users 1 million" */
      g_string_printf (out, _("Only %s: %s %s"), self->names[only], label, value);
      return g_string_free (out, FALSE);
    }
  g_string_append (out, label);
  for (guint i = 0; i < self->n_canvases; i++)
    {
      g_autofree char *value = m->present[i] ? nf_diff_metric_row_format_value (m, i, self->lang)
                                             : g_strdup (_("none"));
      g_autofree char *converted = nf_diff_metric_row_format_converted (m, i, self->lang);

      g_string_append_printf (out, i == 0 ? ": %s %s" : ", %s %s", self->names[i], value);
      if (converted != NULL)
        g_string_append_printf (out, " (%s)", converted);
    }
  return g_string_free (out, FALSE);
}

static void
show (cairo_t        *cr,
      PangoLayout    *layout,
      double          x,
      double          y,
      const NfColour *colour)
{
  _nf_render_set_colour (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

void
nf_compare_metrics_render (cairo_t           *cr,
                           NfCompareMetrics  *self,
                           const NfGridStyle *style)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (NF_IS_COMPARE_METRICS (self));
  g_return_if_fail (style != NULL);
  g_return_if_fail (self->heading != NULL);

  cairo_save (cr);
  _nf_render_set_colour (cr, &style->background);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);

  show (cr, self->heading, style->margin, style->margin, &style->title_text);

  _nf_render_rounded_rect (cr, &self->header_rect, 4);
  _nf_render_set_colour (cr, &style->chip_fill);
  cairo_fill (cr);
  for (guint i = 0; i < self->n_canvases; i++)
    {
      NfColour colour;

      nf_compare_canvas_colour (i, style, &colour);
      cairo_rectangle (cr, self->columns_x[i + 1], self->header_rect.y + self->header_rect.height - 3,
                       self->column_w, 3);
      _nf_render_set_colour (cr, &colour);
      cairo_fill (cr);
      show (cr, self->headers[i + 1], self->columns_x[i + 1] + PAD, self->header_rect.y + PAD,
            &style->title_text);
    }

  cairo_set_line_width (cr, 1);
  for (guint r = 0; r < self->rows->len; r++)
    {
      const MetricRow *row = &g_array_index (self->rows, MetricRow, r);
      const NfDiffMetricRow *m = metric_row (self, row);

      if (row->canvas >= 0)
        {
          /* A figure only this canvas has, in its column. */
          show (cr, row->label, row->rect.x + PAD, row->values_y, &style->card_text);
          cairo_move_to (cr, row->rect.x, row->rect.y + row->rect.height - 0.5);
          cairo_rel_line_to (cr, row->rect.width, 0);
          _nf_render_set_colour (cr, &style->block_border);
          cairo_stroke (cr);
          continue;
        }
      if (r % 2 == 1)
        {
          cairo_rectangle (cr, row->rect.x, row->rect.y, row->rect.width, row->rect.height);
          _nf_render_set_colour (cr, &style->block_fill);
          cairo_fill (cr);
        }
      show (cr, row->label, self->columns_x[0] + PAD, row->rect.y + PAD, &style->title_text);
      for (guint i = 0; i < self->n_canvases; i++)
        show (cr, row->cells[i], self->columns_x[i + 1] + PAD, row->values_y,
              m->present[i] ? &style->card_text : &style->muted_text);
      cairo_move_to (cr, row->rect.x, row->rect.y + row->rect.height - 0.5);
      cairo_rel_line_to (cr, row->rect.width, 0);
      _nf_render_set_colour (cr, &style->block_border);
      cairo_stroke (cr);
    }

  for (guint c = 0; c < self->charts->len; c++)
    {
      const MetricChart *chart = &g_array_index (self->charts, MetricChart, c);
      const NfDiffMetricRow *m = nf_diff_metrics_get_row (self->metrics, chart->index);
      const char *labels[NF_DIFF_MAX_CANVASES];
      char *value_labels[NF_DIFF_MAX_CANVASES];
      double values[NF_DIFF_MAX_CANVASES];
      NfColour colours[NF_DIFF_MAX_CANVASES];
      guint n = 0;

      show (cr, chart->title, chart->title_rect.x, chart->title_rect.y, &style->title_text);
      for (guint i = 0; i < self->n_canvases; i++)
        if (m->present[i])
          {
            labels[n] = self->names[i];
            /* Bars in one unit: converted figures are drawn in the base's
             * currency, and labelled so. */
            values[n] = m->converted[i];
            if (m->rates[i] != NULL)
              {
                g_autofree char *in_base = nf_number_format_value (
                  m->converted[i], m->kind, m->kind == NF_NUMBER_KIND_MONEY ? m->units[m->base] : NULL,
                  m->kind == NF_NUMBER_KIND_MONEY ? NULL : m->units[m->base],
                  m->numbers[i].bound, m->numbers[i].is_order, self->lang);

                value_labels[n] = g_strconcat ("≈ ", in_base, NULL);
              }
            else
              value_labels[n] = nf_diff_metric_row_format_value (m, i, self->lang);
            nf_compare_canvas_colour (i, style, &colours[n]);
            n++;
          }
      nf_chart_render_bars_coloured (cr, &chart->bars_rect, labels, values,
                                     (const char * const *) value_labels, colours, n, style);
      for (guint i = 0; i < n; i++)
        g_free (value_labels[i]);
    }

  if (self->footnote != NULL)
    show (cr, self->footnote, style->margin, self->footnote_y, &style->muted_text);
  if (self->singles != NULL)
    show (cr, self->singles, style->margin + PAD, self->singles_y, &style->muted_text);
  cairo_restore (cr);
}
