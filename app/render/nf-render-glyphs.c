/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>

#include "nf-render-private.h"

/* Drawn rather than taken from an icon theme: the render library has no
 * GTK, and a PDF made on a server must look like the screen. Each glyph
 * is a line drawing in a 16 × 16 box, after GNOME's symbolic icons. */

static void
star (cairo_t *cr)
{
  for (int i = 0; i < 10; i++)
    {
      double r = (i % 2) ? 2.9 : 6.6;
      double a = -G_PI / 2 + i * G_PI / 5;
      double x = 8 + r * cos (a), y = 8.6 + r * sin (a);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

static void
heart (cairo_t *cr)
{
  cairo_move_to (cr, 8, 14);
  cairo_curve_to (cr, 8, 14, 1.5, 9.5, 1.5, 5.75);
  cairo_curve_to (cr, 1.5, 3.5, 3.25, 2.25, 5, 2.25);
  cairo_curve_to (cr, 6.5, 2.25, 7.5, 3.25, 8, 4.25);
  cairo_curve_to (cr, 8.5, 3.25, 9.5, 2.25, 11, 2.25);
  cairo_curve_to (cr, 12.75, 2.25, 14.5, 3.5, 14.5, 5.75);
  cairo_curve_to (cr, 14.5, 9.5, 8, 14, 8, 14);
  cairo_close_path (cr);
}

static void
half_ellipse (cairo_t *cr,
              double   y,
              gboolean whole)
{
  cairo_save (cr);
  cairo_translate (cr, 8, y);
  cairo_scale (cr, 5.5, 2);
  cairo_new_sub_path (cr);
  if (whole)
    cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  else
    cairo_arc (cr, 0, 0, 1, 0, G_PI);
  cairo_restore (cr);
}

static void
polyline (cairo_t      *cr,
          const double *xy,
          guint         n,
          gboolean      closed)
{
  cairo_move_to (cr, xy[0], xy[1]);
  for (guint i = 1; i < n; i++)
    cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
  if (closed)
    cairo_close_path (cr);
}

void
_nf_render_block_glyph (cairo_t *cr,
                        NfBlock  block,
                        double   x,
                        double   y,
                        double   size)
{
  static const double bolt[] = { 9.5, 1.5, 3, 9.5, 7.5, 9.5, 6.5, 14.5,
                                 13, 6.5, 8.5, 6.5 };
  static const double plane[] = { 2, 2.5, 14, 8, 2, 13.5, 4.5, 8 };
  static const double tag[] = { 2, 2, 8.5, 2, 14, 7.5, 7.5, 14, 2, 8.5 };
  static const double trend[] = { 2, 12.5, 6, 8.5, 9, 11, 14, 5 };
  static const double arrow[] = { 10, 5, 14, 5, 14, 9 };

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / 16.0, size / 16.0);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_new_path (cr);

  switch (block)
    {
    case NF_BLOCK_KEY_PARTNERS:
      cairo_new_sub_path (cr);
      cairo_arc (cr, 5.75, 8, 4, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 10.25, 8, 4, 0, 2 * G_PI);
      break;
    case NF_BLOCK_KEY_ACTIVITIES:
      polyline (cr, bolt, G_N_ELEMENTS (bolt) / 2, TRUE);
      break;
    case NF_BLOCK_KEY_RESOURCES:
      half_ellipse (cr, 4, TRUE);
      half_ellipse (cr, 8, FALSE);
      half_ellipse (cr, 12, FALSE);
      cairo_move_to (cr, 2.5, 4);
      cairo_line_to (cr, 2.5, 12);
      cairo_move_to (cr, 13.5, 4);
      cairo_line_to (cr, 13.5, 12);
      break;
    case NF_BLOCK_VALUE_PROPOSITIONS:
      star (cr);
      break;
    case NF_BLOCK_CUSTOMER_RELATIONSHIPS:
      heart (cr);
      break;
    case NF_BLOCK_CHANNELS:
      polyline (cr, plane, G_N_ELEMENTS (plane) / 2, TRUE);
      cairo_move_to (cr, 4.5, 8);
      cairo_line_to (cr, 9, 8);
      break;
    case NF_BLOCK_CUSTOMER_SEGMENTS:
      cairo_new_sub_path (cr);
      cairo_arc (cr, 8, 5, 2.75, 0, 2 * G_PI);
      cairo_move_to (cr, 2.5, 14.5);
      cairo_curve_to (cr, 2.5, 10.75, 5, 9.25, 8, 9.25);
      cairo_curve_to (cr, 11, 9.25, 13.5, 10.75, 13.5, 14.5);
      break;
    case NF_BLOCK_COST_STRUCTURE:
      polyline (cr, tag, G_N_ELEMENTS (tag) / 2, TRUE);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 5.5, 5.5, 1.1, 0, 2 * G_PI);
      break;
    case NF_BLOCK_REVENUE_STREAMS:
      polyline (cr, trend, G_N_ELEMENTS (trend) / 2, FALSE);
      polyline (cr, arrow, G_N_ELEMENTS (arrow) / 2, FALSE);
      break;
    case NF_N_BLOCKS:
    case NF_BLOCK_NONE:
    default:
      g_warn_if_reached ();
      break;
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}
