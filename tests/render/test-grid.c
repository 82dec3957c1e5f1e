/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <ninefold.h>
#include <nf-render.h>

#include "nf-test-render.h"

#include "nf-card-layout-private.h"
#include "nf-grid-layout-private.h"
#include "nf-render-private.h"

#define N_CASES 4
#define SLACK   0.01

static const struct {
  int width, height;
} sizes[] = {
  { 1920, 1080 },
  { 1366, 768 },
};

static NfGridStyle *
style_new (gboolean dark)
{
  return dark ? nf_grid_style_new_dark () : nf_grid_style_new_light ();
}

static gboolean
has_han (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;
  return FALSE;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

/* What must hold for any canvas at any size. */
static void
check_layout (NfGridLayout      *layout,
              const NfGridStyle *style)
{
  NfCanvas *canvas = nf_grid_layout_get_canvas (layout);
  NfRect all = { 0, 0, nf_grid_layout_get_width (layout),
                 nf_grid_layout_get_height (layout) };

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      const NfGridBlock *block = _nf_grid_layout_get_block (layout, b);
      guint n_notes = g_list_model_get_n_items (nf_canvas_get_notes (canvas, b));
      guint n_cards = nf_grid_layout_get_n_cards (layout, b);
      NfRect rect, title, content, more;
      double title_right;

      nf_grid_layout_get_block_rect (layout, b, &rect);
      nf_grid_layout_get_title_rect (layout, b, &title);
      nf_grid_layout_get_content_rect (layout, b, &content);
      g_assert_true (nf_rect_contains_rect (&all, &rect, SLACK));
      g_assert_true (nf_rect_contains_rect (&rect, &title, SLACK));
      g_assert_true (nf_rect_contains_rect (&rect, &content, SLACK));
      g_assert_false (nf_rect_intersects (&title, &content));
      for (guint o = 0; o < b; o++)
        {
          NfRect other;

          nf_grid_layout_get_block_rect (layout, o, &other);
          g_assert_false (nf_rect_intersects (&rect, &other));
        }

      /* The title fits: wrapped to its width, and its lines within its
       * area. */
      title_right = title.x + title.width;
      g_assert_cmpfloat (block->title_x + layout_width (block->title), <=, title_right + SLACK);
      g_assert_cmpfloat (block->title_y + layout_height (block->title), <=,
                         title.y + title.height + SLACK);
      g_assert_cmpint (pango_layout_get_unknown_glyphs_count (block->title), ==, 0);

      /* Every note has a card; a block that scrolls has some below its
       * content, which a page counts as hidden. */
      g_assert_cmpuint (n_cards, ==, n_notes);
      g_assert_cmpuint (nf_grid_layout_get_n_hidden (layout, b), <=, n_cards);
      g_assert_true (nf_grid_layout_get_n_hidden (layout, b) == 0 ||
                     nf_grid_layout_get_scrolls (layout, b));
      g_assert_cmpfloat (nf_grid_layout_get_font_size (layout, b), >=, style->min_font_size);
      g_assert_cmpfloat (nf_grid_layout_get_font_size (layout, b), <=, style->base_font_size);
      if (nf_grid_layout_get_more_rect (layout, b, &more))
        {
          g_assert_cmpuint (nf_grid_layout_get_n_hidden (layout, b), >, 0);
          g_assert_true (nf_rect_contains_rect (&content, &more, SLACK));
        }
      else
        g_assert_cmpuint (nf_grid_layout_get_n_hidden (layout, b), ==, 0);

      for (guint i = 0; i < n_cards; i++)
        {
          NfRect card_rect, found;
          NfCardLayout *card = nf_grid_layout_get_card (layout, b, i, &card_rect);
          g_autoptr(NfNote) note = g_list_model_get_item (nf_canvas_get_notes (canvas, b), i);
          PangoLayout *text = nf_card_layout_get_text_layout (card);
          PangoLayout *footer = nf_card_layout_get_footer_layout (card);
          double tx, ty;

          /* Cards are the block's first notes, in order. */
          g_assert_true (nf_card_layout_get_note (card) == note);
          g_assert_true (nf_grid_layout_get_card_rect (layout, note, &found));
          g_assert_true (memcmp (&found, &card_rect, sizeof found) == 0);
          if (nf_grid_layout_get_scrolls (layout, b))
            {
              NfRect scrolled = content;

              scrolled.height = nf_grid_layout_get_scroll_height (layout, b);
              g_assert_true (nf_rect_contains_rect (&scrolled, &card_rect, SLACK));
            }
          else
            g_assert_true (nf_rect_contains_rect (&content, &card_rect, SLACK));
          g_assert_cmpfloat (card_rect.height, >, 0);
          g_assert_cmpfloat (nf_card_layout_get_width (card), ==, card_rect.width);
          g_assert_cmpfloat (nf_card_layout_get_height (card), ==, card_rect.height);
          for (guint j = 0; j < i; j++)
            {
              NfRect other;

              nf_grid_layout_get_card (layout, b, j, &other);
              g_assert_false (nf_rect_intersects (&card_rect, &other));
            }

          g_assert_cmpfloat (nf_card_layout_get_font_size (card), ==,
                             nf_grid_layout_get_font_size (layout, b));
          g_assert_cmpfloat (nf_card_layout_get_footer_font_size (card), >=, style->min_font_size);
          /* The text stays inside the card's padding. */
          _nf_card_layout_get_text_origin (card, &tx, &ty);
          g_assert_cmpfloat (tx + layout_width (text), <=, card_rect.width - tx + SLACK);
          g_assert_cmpint (pango_layout_get_unknown_glyphs_count (text), ==, 0);
          if (footer != NULL)
            {
              double fx, fy;

              _nf_card_layout_get_footer_origin (card, &fx, &fy);
              g_assert_cmpfloat (fx + layout_width (footer), <=, card_rect.width - fx + SLACK);
              g_assert_cmpfloat (fy + layout_height (footer), <=,
                                 card_rect.height - style->card_padding + SLACK);
              g_assert_cmpint (pango_layout_get_unknown_glyphs_count (footer), ==, 0);
            }
          else
            g_assert_cmpfloat (ty + _nf_card_layout_get_shown_text_height (card, NULL), <=,
                               card_rect.height - ty + SLACK);
        }
    }
}

static void
render_and_save (NfGridLayout      *layout,
                 const NfGridStyle *style,
                 const char        *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) nf_grid_layout_get_width (layout),
                                        (int) nf_grid_layout_get_height (layout));
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cr = cairo_create (surface);
  nf_grid_render (cr, layout, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("wrote %s", path);
  cairo_surface_destroy (surface);
}

static void
test_cases (void)
{
  for (guint c = 0; c < N_CASES; c++)
    {
      g_autoptr(NfCanvas) canvas = nf_test_load_case (c);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint dark = 0; dark < 2; dark++)
          {
            g_autoptr(NfGridStyle) style = style_new (dark);
            g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);
            g_autofree char *name = NULL;

            nf_grid_layout_allocate (layout, sizes[s].width, sizes[s].height);
            check_layout (layout, style);
            name = g_strdup_printf ("canvas-%u-%dx%d-%s.png", c, sizes[s].width,
                                    sizes[s].height, dark ? "dark" : "light");
            render_and_save (layout, style, name);
          }
    }
}

/* Notes with colours of their own, in both palettes, for a person to
 * look at; the invariants hold as for any canvas. */
static void
test_colours (void)
{
  static const char *colours[] = { "#f6d32d", "#8ff0a4", "#99c1f1", "#f66151", "#dc8add", "#ffffff", "#000000" };
  g_autoptr(NfCanvas) canvas = nf_test_load_case (0);
  guint k = 0;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      GListModel *notes = nf_canvas_get_notes (canvas, b);

      for (guint i = 0; i < g_list_model_get_n_items (notes); i += 2)
        {
          g_autoptr(NfNote) note = g_list_model_get_item (notes, i);

          nf_canvas_set_note_colour (canvas, note, colours[k++ % G_N_ELEMENTS (colours)]);
        }
    }
  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(NfGridStyle) style = style_new (dark);
      g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);

      nf_grid_layout_allocate (layout, 1920, 1080);
      check_layout (layout, style);
      render_and_save (layout, style, dark ? "colours-dark.png" : "colours-light.png");
    }
}

static void
test_translations (void)
{
  g_autoptr(NfCanvas) canvas = nf_test_load_case (3);
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  const char *langs[] = { "zh", "en" };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, langs[l]);
      g_autofree char *name = NULL;
      guint n_checked = 0;

      nf_grid_layout_allocate (layout, 1920, 1080);
      check_layout (layout, style);
      for (guint b = 0; b < NF_N_BLOCKS; b++)
        for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, b); i++)
          {
            NfCardLayout *card = nf_grid_layout_get_card (layout, b, i, NULL);
            NfText *text = nf_note_get_text (nf_card_layout_get_note (card));
            const char *shown = pango_layout_get_text (nf_card_layout_get_text_layout (card));

            if (l == 0)
              {
                g_assert_cmpstr (shown, ==, nf_text_get (text));
                g_assert_true (has_han (shown));
              }
            else
              {
                g_assert_nonnull (nf_text_lookup (text, "en"));
                g_assert_cmpstr (shown, ==, nf_text_lookup (text, "en"));
                g_assert_false (has_han (shown));
              }
            n_checked++;
          }
      g_assert_cmpuint (n_checked, >, 20);
      name = g_strdup_printf ("canvas-3-1920x1080-light-%s.png", langs[l]);
      render_and_save (layout, style, name);
    }
}

static NfCanvas *
crowded_canvas (NfBlock block,
                guint   n_notes)
{
  NfCanvas *canvas = nf_canvas_new ();

  for (guint i = 0; i < n_notes; i++)
    {
      g_autofree char *id = nf_canvas_new_note_id (canvas);
      g_autofree char *words = g_strdup_printf ("Note %u: a long note that goes on "
                                                "about the market, the customers, "
                                                "their jobs to be done, the pains "
                                                "and gains, and why all of it "
                                                "matters for this business model, "
                                                "well past what one card can hold "
                                                "in a block of a crowded canvas. "
                                                "长文本也要能折行。", i);
      g_autoptr(NfText) text = nf_text_new (words);
      g_autoptr(NfNote) note = nf_note_new (id, text);
      g_autoptr(GError) error = NULL;

      g_assert_true (nf_canvas_insert_note (canvas, block, i, note, &error));
      g_assert_no_error (error);
    }
  return canvas;
}

static void
test_overflow (void)
{
  g_autoptr(NfCanvas) canvas = crowded_canvas (NF_BLOCK_KEY_ACTIVITIES, 200);
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);
  NfBlock b = NF_BLOCK_KEY_ACTIVITIES;
  cairo_surface_t *surface;
  cairo_t *cr;
  NfRect more;
  guint n_marked = 0;
  const guint8 *data;
  int stride;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      nf_grid_layout_allocate (layout, sizes[s].width, sizes[s].height);
      check_layout (layout, style);
      g_assert_cmpuint (nf_grid_layout_get_n_hidden (layout, b), >, 0);
      g_assert_cmpuint (nf_grid_layout_get_n_cards (layout, b), >, 0);
      g_assert_cmpfloat (nf_grid_layout_get_font_size (layout, b), ==, style->min_font_size);
      g_assert_true (nf_grid_layout_get_more_rect (layout, b, &more));
      g_assert_nonnull (strstr (pango_layout_get_text (_nf_grid_layout_get_block (layout, b)->more),
                                "more"));
    }

  /* The marker is drawn: the pill's pixels are not the block's fill. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1366, 768);
  cr = cairo_create (surface);
  nf_grid_render (cr, layout, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = (int) more.y + 1; y < (int) (more.y + more.height) - 1; y++)
    for (int x = (int) more.x + 4; x < (int) (more.x + more.width) - 4; x++)
      {
        guint32 px = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
        guint32 fill = ((guint32) (style->block_fill.red * 255 + 0.5) << 16) |
                       ((guint32) (style->block_fill.green * 255 + 0.5) << 8) |
                       (guint32) (style->block_fill.blue * 255 + 0.5);

        n_marked += (px & 0xffffff) != fill;
      }
  g_assert_cmpuint (n_marked, >, more.width * more.height / 2);
  cairo_surface_write_to_png (surface, g_test_get_filename (G_TEST_BUILT, "overflow.png", NULL));
  cairo_surface_destroy (surface);
}

static void
test_cache (void)
{
  g_autoptr(NfCanvas) canvas = nf_test_load_case (2);
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);
  g_autoptr(NfNote) note = g_list_model_get_item (nf_canvas_get_notes (canvas, NF_BLOCK_CHANNELS), 0);
  g_autoptr(NfText) text = nf_text_new ("Changed text, so this card is broken into lines again.");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
  cairo_t *cr = cairo_create (surface);
  guint n_layouts, n_measures;

  nf_grid_layout_allocate (layout, 1920, 1080);
  n_layouts = _nf_render_get_n_layouts_created ();
  n_measures = _nf_render_get_n_measures ();
  g_assert_cmpuint (n_measures, >, 0);

  /* The same size again, and drawing: nothing is laid out. */
  nf_grid_layout_allocate (layout, 1920, 1080);
  nf_grid_render (cr, layout, style);
  nf_grid_render (cr, layout, style);
  g_assert_cmpuint (_nf_render_get_n_layouts_created (), ==, n_layouts);
  g_assert_cmpuint (_nf_render_get_n_measures (), ==, n_measures);

  /* Another size breaks lines again, in the same layouts; only a block
   * that overflows now and did not before gets its "+N more" marker. */
  nf_grid_layout_allocate (layout, 1366, 768);
  g_assert_cmpuint (_nf_render_get_n_layouts_created (), <=, n_layouts + NF_N_BLOCKS);
  g_assert_cmpuint (_nf_render_get_n_measures (), >, n_measures);
  n_layouts = _nf_render_get_n_layouts_created ();
  check_layout (layout, style);
  nf_grid_layout_allocate (layout, 1366, 768);
  n_measures = _nf_render_get_n_measures ();
  nf_grid_layout_allocate (layout, 1366, 768);
  g_assert_cmpuint (_nf_render_get_n_measures (), ==, n_measures);

  /* New text is noticed without being told (a new NfText pointer) … */
  nf_canvas_set_note_text (canvas, note, text);
  nf_grid_layout_allocate (layout, 1366, 768);
  g_assert_cmpuint (_nf_render_get_n_layouts_created (), ==, n_layouts);
  /* (A one-line card is laid out when first read, not when placed.) */
  g_assert_cmpstr (pango_layout_get_text (nf_card_layout_get_text_layout (
                     nf_grid_layout_get_card (layout, NF_BLOCK_CHANNELS, 0, NULL))),
                   ==, nf_text_get (text));
  g_assert_cmpuint (_nf_render_get_n_measures (), >, n_measures);
  check_layout (layout, style);

  /* … and being told forgets the note's measurements. */
  n_measures = _nf_render_get_n_measures ();
  nf_grid_layout_invalidate_note (layout, note);
  nf_grid_layout_allocate (layout, 1366, 768);
  (void) nf_card_layout_get_text_layout (nf_grid_layout_get_card (layout, NF_BLOCK_CHANNELS, 0,
                                                                  NULL));
  g_assert_cmpuint (_nf_render_get_n_measures (), >, n_measures);

  /* A removed note's card is let go; the others keep theirs. */
  nf_canvas_remove_note (canvas, note);
  nf_grid_layout_allocate (layout, 1366, 768);
  check_layout (layout, style);
  g_assert_cmpuint (_nf_render_get_n_layouts_created (), ==, n_layouts);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_hit (void)
{
  g_autoptr(NfCanvas) canvas = nf_test_load_case (0);
  g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, NULL, NULL);
  NfBlock block;

  nf_grid_layout_allocate (layout, 1366, 768);
  g_assert_cmpint (nf_grid_layout_block_at (layout, 1, 1), ==, NF_BLOCK_NONE);
  g_assert_null (nf_grid_layout_note_at (layout, 1, 1, &block));
  g_assert_cmpint (block, ==, NF_BLOCK_NONE);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      NfRect r;

      nf_grid_layout_get_title_rect (layout, b, &r);
      g_assert_cmpint (nf_grid_layout_block_at (layout, r.x + 1, r.y + 1), ==, b);
      g_assert_null (nf_grid_layout_note_at (layout, r.x + 1, r.y + 1, NULL));
      for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, b); i++)
        {
          NfCardLayout *card = nf_grid_layout_get_card (layout, b, i, &r);

          g_assert_true (nf_grid_layout_note_at (layout, r.x + r.width / 2,
                                                 r.y + r.height / 2, &block) ==
                         nf_card_layout_get_note (card));
          g_assert_cmpint (block, ==, b);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/cases", test_cases);
  g_test_add_func ("/render/colours", test_colours);
  g_test_add_func ("/render/translations", test_translations);
  g_test_add_func ("/render/overflow", test_overflow);
  g_test_add_func ("/render/cache", test_cache);
  g_test_add_func ("/render/hit", test_hit);

  return g_test_run ();
}
