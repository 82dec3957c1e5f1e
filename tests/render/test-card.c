/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <ninefold.h>
#include <nf-render.h>

#include "nf-test-render.h"

#include "nf-card-layout-private.h"

/* Styles, single cards and the PNG convenience: the parts of the render
 * library that stand apart from the grid's layout. */

static void
test_style (void)
{
  g_autoptr(NfGridStyle) light = nf_grid_style_new_light ();
  g_autoptr(NfGridStyle) dark = nf_grid_style_new_dark ();
  g_autoptr(NfGridStyle) copy = nf_grid_style_copy (light);
  NfColour fill, text;

  g_assert_true (nf_grid_style_equal (light, copy));
  g_assert_false (nf_grid_style_equal (light, dark));
  copy->card_gap += 1;
  g_assert_false (nf_grid_style_equal (light, copy));

  nf_grid_style_card_fill (light, NULL, &fill);
  g_assert_true (memcmp (&fill, &light->card_fill, sizeof fill) == 0);
  nf_grid_style_card_fill (light, "not a colour", &fill);
  g_assert_true (memcmp (&fill, &light->card_fill, sizeof fill) == 0);
  /* A yellow note is yellowish in both palettes, with dark text in the
   * light one; a plain dark card has light text. */
  nf_grid_style_card_fill (light, "#f6d32d", &fill);
  g_assert_cmpfloat (fill.blue, <, fill.red);
  nf_grid_style_text_on (light, &fill, &text);
  g_assert_true (memcmp (&text, &light->card_text, sizeof text) == 0);
  nf_grid_style_card_fill (dark, "#f6d32d", &fill);
  g_assert_cmpfloat (fill.blue, <, fill.red);
  nf_grid_style_text_on (dark, &dark->card_fill, &text);
  g_assert_true (memcmp (&text, &dark->card_text, sizeof text) == 0);
}

/* `over` (translucent) painted on the opaque `under`. */
/* A card's small text is readable (WCAG AA, 4.5:1) in both styles: the
 * tags on their chips, the evidence level on its tinted chip, muted text
 * on the card. The dark style's tags were 3.6:1 on their chips. */
static void
test_chips_readable (void)
{
  g_autoptr(NfGridStyle) light = nf_grid_style_new_light ();
  g_autoptr(NfGridStyle) dark = nf_grid_style_new_dark ();
  const NfGridStyle *styles[] = { light, dark };

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      const NfGridStyle *style = styles[s];
      NfColour chip = nf_colour_over (&style->chip_fill, &style->card_fill);

      g_test_message ("style %u: tags %.2f, muted on card %.2f", s,
                      nf_test_contrast (&style->muted_text, &chip),
                      nf_test_contrast (&style->muted_text, &style->card_fill));
      g_assert_cmpfloat (nf_test_contrast (&style->muted_text, &chip), >=, 4.5);
      g_assert_cmpfloat (nf_test_contrast (&style->muted_text, &style->card_fill), >=, 4.5);
      for (NfEvidence e = NF_EVIDENCE_ASSUMPTION; e <= NF_EVIDENCE_VALIDATED; e++)
        {
          NfColour tint = style->evidence[e], on, ink;

          tint.alpha = 0.14;   /* as the card renderer tints its chip */
          on = nf_colour_over (&tint, &style->card_fill);
          nf_grid_style_ink_on (style, &style->evidence[e], &on, &ink);
          g_test_message ("style %u: evidence %d %.2f (own colour %.2f)", s, e,
                          nf_test_contrast (&ink, &on), nf_test_contrast (&style->evidence[e], &on));
          g_assert_cmpfloat (nf_test_contrast (&ink, &on), >=, 4.5);
          /* Still its level's colour: nearer it than the plain text. */
          g_assert_cmpfloat (fabs (ink.red - style->evidence[e].red) + fabs (ink.green - style->evidence[e].green) +
                             fabs (ink.blue - style->evidence[e].blue), <,
                             fabs (ink.red - style->card_text.red) + fabs (ink.green - style->card_text.green) +
                             fabs (ink.blue - style->card_text.blue));
        }
    }
}

/* Drawing one card touches no pixel outside it (but for its one-unit
 * shadow below). */
static void
test_card_clip (void)
{
  g_autoptr(NfGridStyle) style = nf_grid_style_new_dark ();
  const guint32 sentinel = 0xff123456;
  const int margin = 20;

  for (guint c = 2; c < 4; c++)
    {
      g_autoptr(NfCanvas) canvas = nf_test_load_case (c);
      g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);

      nf_grid_layout_allocate (layout, 1366, 768);
      for (guint b = 0; b < NF_N_BLOCKS; b++)
        for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, b); i++)
          {
            NfRect r;
            NfCardLayout *card = nf_grid_layout_get_card (layout, b, i, &r);
            int w = (int) r.width + 2 * margin, h = (int) r.height + 2 * margin;
            cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
            cairo_t *cr = cairo_create (surface);
            const guint8 *data;
            int stride;

            cairo_set_source_rgba (cr, 0x12 / 255.0, 0x34 / 255.0, 0x56 / 255.0, 1);
            cairo_paint (cr);
            cairo_translate (cr, margin, margin);
            nf_card_render (cr, card, style);
            g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
            cairo_destroy (cr);
            cairo_surface_flush (surface);
            data = cairo_image_surface_get_data (surface);
            stride = cairo_image_surface_get_stride (surface);
            for (int y = 0; y < h; y++)
              for (int x = 0; x < w; x++)
                {
                  gboolean inside = x >= margin && x < margin + (int) r.width &&
                                    y >= margin && y < margin + (int) r.height + 1;
                  guint32 px = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);

                  if (!inside)
                    g_assert_cmphex (px, ==, sentinel);
                }
            cairo_surface_destroy (surface);
          }
    }
}

static void
test_png (void)
{
  g_autoptr(NfCanvas) canvas = nf_test_load_case (1);
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "canvas-1-hidpi.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  g_assert_true (nf_canvas_render_to_png (canvas, NULL, 683, 384, 2.0, style, path, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1366);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 768);
  cairo_surface_destroy (surface);

  g_assert_false (nf_canvas_render_to_png (canvas, NULL, 100, 100, 1.0, style,
                                           "/nonexistent/dir/x.png", &error));
  g_assert_error (error, NF_RENDER_ERROR, NF_RENDER_ERROR_WRITE);
  g_clear_error (&error);
  g_assert_false (nf_canvas_render_to_png (canvas, NULL, 40000, 100, 1.0, style,
                                           path, &error));
  g_assert_error (error, NF_RENDER_ERROR, NF_RENDER_ERROR_FAILED);
}

/* One-line cards placed but not yet laid out share one copy of their
 * style (a copy each was 77 MB of a window with 100,000 notes, issue
 * 18); a card given another style gets its own, each lays out as the
 * style it was given says, and a copy outlives the card that made it. */
static void
test_pending_style_shared (void)
{
  g_autoptr(NfGridStyle) light = nf_grid_style_new_light ();
  g_autoptr(NfGridStyle) dark = nf_grid_style_new_dark ();
  g_autoptr(GObject) context = G_OBJECT (nf_render_pango_context_new ("en"));
  NfCardLayout *cards[4];
  const NfGridStyle *shared;

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      g_autoptr(NfText) text = nf_text_new ("Dealers pay for leads, a line of text");
      g_autoptr(NfNote) note = nf_note_new (id, text);

      cards[i] = nf_card_layout_new (PANGO_CONTEXT (context), note, NULL);
    }
  nf_card_layout_apply_density (cards[0], light, 200, light->base_font_size, NF_CARD_LINE, 0);
  nf_card_layout_apply_density (cards[1], light, 200, light->base_font_size, NF_CARD_LINE, 0);
  nf_card_layout_apply_density (cards[2], dark, 200, dark->base_font_size, NF_CARD_LINE, 0);
  shared = _nf_card_layout_peek_pending_style (cards[0]);
  g_assert_nonnull (shared);
  g_assert_true (shared != light);
  g_assert_true (nf_grid_style_equal (shared, light));
  g_assert_true (_nf_card_layout_peek_pending_style (cards[1]) == shared);
  g_assert_true (nf_grid_style_equal (_nf_card_layout_peek_pending_style (cards[2]), dark));

  /* The first card gone, the second still has the copy. */
  g_clear_object (&cards[0]);
  g_assert_true (nf_grid_style_equal (_nf_card_layout_peek_pending_style (cards[1]), light));
  nf_card_layout_apply_density (cards[3], light, 200, light->base_font_size, NF_CARD_LINE, 0);
  g_assert_true (nf_grid_style_equal (_nf_card_layout_peek_pending_style (cards[3]), light));

  /* Read, each is laid out on one line. */
  for (guint i = 1; i < G_N_ELEMENTS (cards); i++)
    {
      PangoLayout *layout = nf_card_layout_get_text_layout (cards[i]);

      g_assert_nonnull (layout);
      g_assert_cmpint (pango_layout_get_line_count (layout), >=, 1);
      g_object_unref (cards[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/style", test_style);
  g_test_add_func ("/render/chips-readable", test_chips_readable);
  g_test_add_func ("/render/pending-style-shared", test_pending_style_shared);
  g_test_add_func ("/render/card-clip", test_card_clip);
  g_test_add_func ("/render/png", test_png);

  return g_test_run ();
}
