/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "nf-test-render.h"

NfCanvas *
nf_test_load_case (guint index)
{
  g_autoptr(GError) error = NULL;
  NfCanvas *canvas = nf_canvas_load_case (index, &error);

  g_assert_no_error (error);
  g_assert_nonnull (canvas);
  return canvas;
}

/* The largest difference of one channel of one pixel; the two images
 * must have one size. */
int
nf_test_max_difference (cairo_surface_t *a,
                        cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *pa = cairo_image_surface_get_data (a);
  const guint8 *pb = cairo_image_surface_get_data (b);
  int most = 0;

  g_assert_cmpint (w, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w * 4; x++)
      most = MAX (most, ABS ((int) pa[y * stride + x] - (int) pb[y * stride + x]));
  return most;
}

double
nf_test_contrast (const NfColour *a,
                  const NfColour *b)
{
  double la = nf_colour_luminance (a), lb = nf_colour_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}
