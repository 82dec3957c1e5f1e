/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>

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
