/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-deck-glyphs"

#include "config.h"

#include <string.h>

#include <ninefold.h>

#include "nf-deck-private.h"
#include "nf-render-private.h"

/* A long table's cells drawn from glyphs shaped once each must look
 * exactly as their layouts would: same pixels, same height. Text the
 * cache cannot set as the layout would (wrapping, CJK, a pair the font
 * kerns or joins) is refused and left to the layout. */

#define FONT "Cantarell, Noto Sans, DejaVu Sans, Noto Sans CJK SC, sans-serif"

static PangoLayout *
cell_layout (PangoContext  *context,
             int            width,
             PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (context);

  _nf_render_set_font (layout, FONT, 12, PANGO_WEIGHT_NORMAL);
  if (width > 0)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  return layout;
}

static cairo_surface_t *
draw (PangoLayout  *layout,
      NfDeckGlyphs *glyphs,
      const char   *text)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 240, 40);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 7, 5);
  if (glyphs != NULL)
    _nf_deck_glyphs_show (glyphs, cr, layout, text);
  else
    {
      pango_layout_set_text (layout, text, -1);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);

  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (size_t) stride * (size_t) cairo_image_surface_get_height (a)) == 0;
}

static gboolean
any_ink (cairo_surface_t *s)
{
  const guint32 *p = (const guint32 *) (gpointer) cairo_image_surface_get_data (s);

  for (int i = 0; i < 240 * 40; i++)
    if ((p[i] & 0xffffff) != 0xffffff)
      return TRUE;
  return FALSE;
}

static void
test_same_as_layout (void)
{
  g_autoptr(GObject) context = (GObject *) pango_font_map_create_context (pango_cairo_font_map_get_default ());
  static const char *const texts[] = {
    "Region 1234", "1,234,567", "≈6.24 million", "¥8 million yuan", "55318500%",
    "—", "naïve café", "AVATAR Today", "x 69", "-12.5", "Toffee", "(3.1)",
  };
  static const PangoAlignment aligns[] = { PANGO_ALIGN_LEFT, PANGO_ALIGN_RIGHT };
  guint taken = 0;

  for (guint a = 0; a < G_N_ELEMENTS (aligns); a++)
    {
      g_autoptr(PangoLayout) layout = cell_layout ((PangoContext *) context, 200, aligns[a]);
      NfDeckGlyphs *glyphs = _nf_deck_glyphs_new (layout);

      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        {
          double height = 0;
          int w, h;

          if (!_nf_deck_glyphs_one_line (glyphs, layout, texts[i], &height))
            continue;
          taken++;
          {
            cairo_surface_t *fast = draw (layout, glyphs, texts[i]);
            cairo_surface_t *slow = draw (layout, NULL, texts[i]);

            g_test_message ("%s (%s)", texts[i], a == 0 ? "left" : "right");
            g_assert_true (any_ink (fast));
            g_assert_true (same_pixels (fast, slow));
            cairo_surface_destroy (fast);
            cairo_surface_destroy (slow);
          }
          pango_layout_get_size (layout, &w, &h);
          g_assert_cmpint (pango_layout_get_line_count (layout), ==, 1);
          g_assert_cmpfloat (height, ==, (double) h / PANGO_SCALE);
        }
      _nf_deck_glyphs_free (glyphs);
    }
  /* Figures and plain labels are the common case: most must be taken. */
  g_assert_cmpuint (taken, >=, G_N_ELEMENTS (texts));
}

static void
test_refused (void)
{
  g_autoptr(GObject) context = (GObject *) pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoLayout) narrow = cell_layout ((PangoContext *) context, 60, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) centred = cell_layout ((PangoContext *) context, 200, PANGO_ALIGN_CENTER);
  NfDeckGlyphs *glyphs = _nf_deck_glyphs_new (narrow);
  double height;

  /* Wider than its column: the layout wraps it. */
  g_assert_false (_nf_deck_glyphs_one_line (glyphs, narrow, "A label that wraps in a narrow column", &height));
  /* Scripts whose shaping looks further than a pair, and a line break. */
  g_assert_false (_nf_deck_glyphs_one_line (glyphs, narrow, "销售额", &height));
  g_assert_false (_nf_deck_glyphs_one_line (glyphs, narrow, "مرحبا", &height));
  g_assert_false (_nf_deck_glyphs_one_line (glyphs, narrow, "1\n2", &height));
  /* Spaces the line's end would set apart, and nothing at all. */
  g_assert_false (_nf_deck_glyphs_one_line (glyphs, narrow, "12 ", &height));
  g_assert_false (_nf_deck_glyphs_one_line (glyphs, narrow, "", &height));
  /* Alignments it does not place. */
  g_assert_false (_nf_deck_glyphs_one_line (glyphs, centred, "12", &height));
  /* Another font than the cache's. */
  _nf_render_set_font (narrow, FONT, 14, PANGO_WEIGHT_BOLD);
  g_assert_false (_nf_deck_glyphs_one_line (glyphs, narrow, "12", &height));
  _nf_deck_glyphs_free (glyphs);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/deck-glyphs/same-as-layout", test_same_as_layout);
  g_test_add_func ("/deck-glyphs/refused", test_refused);
  return g_test_run ();
}
