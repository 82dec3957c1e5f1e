/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <ninefold.h>
#include <nf-render.h>

#include "nf-test-render.h"

#include "nf-card-cache.h"
#include "nf-card-cache-private.h"

/* Retained pixels of cards and frames: drawing from them gives the
 * picture drawing afresh gives, and every input that decides a card's
 * pixels draws them again. */

/* Blending a card onto transparency and then onto the grid rounds
 * differently from blending it onto the grid at once, by a level at the
 * anti-aliased edges. */
#define TOLERANCE 2

static cairo_surface_t *
new_image (double width,
           double height,
           double scale)
{
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                     (int) ceil (height * scale));
}

/* The grid as drawn today onto an image (from the layout's retained
 * pixels), at `scale`, moved by (dx, dy) pixels. */
static cairo_surface_t *
draw_retained (NfGridLayout      *layout,
               const NfGridStyle *style,
               double             scale,
               double             dx,
               double             dy)
{
  cairo_surface_t *image = new_image (nf_grid_layout_get_width (layout),
                                      nf_grid_layout_get_height (layout), scale);
  cairo_t *cr = cairo_create (image);

  cairo_translate (cr, dx, dy);
  cairo_scale (cr, scale, scale);
  nf_grid_render (cr, layout, style);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

/* The same drawn afresh, with nothing retained. */
static cairo_surface_t *
draw_afresh (NfGridLayout      *layout,
             const NfGridStyle *style,
             double             scale,
             double             dx,
             double             dy)
{
  cairo_surface_t *image = new_image (nf_grid_layout_get_width (layout),
                                      nf_grid_layout_get_height (layout), scale);
  cairo_t *cr = cairo_create (image);

  cairo_translate (cr, dx, dy);
  cairo_scale (cr, scale, scale);
  _nf_grid_render_afresh (cr, layout, style);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

static void
assert_same_picture (NfGridLayout      *layout,
                     const NfGridStyle *style,
                     double             scale,
                     double             dx,
                     double             dy)
{
  cairo_surface_t *kept = draw_retained (layout, style, scale, dx, dy);
  cairo_surface_t *fresh = draw_afresh (layout, style, scale, dx, dy);
  int difference = nf_test_max_difference (kept, fresh);

  g_test_message ("scale %g, off by (%g, %g): off by at most %d", scale, dx, dy, difference);
  g_assert_cmpint (difference, <=, TOLERANCE);
  cairo_surface_destroy (kept);
  cairo_surface_destroy (fresh);
}

/* The four cases, light and dark, at scale 1 and 2 and at a fraction
 * of a pixel, look the same from retained pixels as drawn afresh; and a
 * second frame draws no card again. */
static void
test_same_picture (void)
{
  for (guint c = 0; c < 4; c++)
    {
      g_autoptr(NfCanvas) canvas = nf_test_load_case (c);

      for (guint dark = 0; dark < 2; dark++)
        {
          g_autoptr(NfGridStyle) style = dark ? nf_grid_style_new_dark ()
                                              : nf_grid_style_new_light ();
          g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);
          NfCardCache *cache = _nf_grid_render_get_card_cache (layout);
          guint n_cards = 0, renders;

          nf_grid_layout_allocate (layout, 1366, 768);
          for (guint b = 0; b < NF_N_BLOCKS; b++)
            n_cards += nf_grid_layout_get_n_cards (layout, (NfBlock) b);
          g_assert_cmpuint (n_cards, >, 0);

          assert_same_picture (layout, style, 1, 0, 0);
          renders = nf_card_cache_get_n_renders (cache);
          g_assert_cmpuint (renders, ==, n_cards);
          assert_same_picture (layout, style, 1, 0, 0);
          g_assert_cmpuint (nf_card_cache_get_n_renders (cache), ==, renders);
          g_assert_cmpuint (nf_card_cache_get_n_bytes (cache), >, 0);
          if (c % 2 == dark)
            {
              assert_same_picture (layout, style, 2, 0, 0);
              assert_same_picture (layout, style, 1.5, 0.25, 0.5);
            }
        }
    }
}

/* Drawn into a group (an image with a device offset of its own) under a
 * clip, as a widget toolkit may do: the same picture. The clip cuts
 * cards at its edges, cut cards (drawn from their whole text with an
 * ellipsis) among them; which cards it cuts depends on how the columns
 * fall, so every width of a range is drawn, each from a new layout. */
static void
test_group_and_clip (void)
{
  g_autoptr(NfCanvas) canvas = nf_test_load_case (3);
  g_autoptr(NfGridStyle) style = nf_grid_style_new_dark ();

  for (int width = 900; width <= 1400; width += 50)
    {
      g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);
      cairo_surface_t *images[2];
      int difference;

      nf_grid_layout_allocate (layout, width, 700);
      for (guint k = 0; k < 2; k++)
        {
          cairo_t *cr;

          images[k] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width + 100, 800);
          cr = cairo_create (images[k]);
          cairo_rectangle (cr, 200, 150, width - 400, 400);
          cairo_clip (cr);
          cairo_translate (cr, 30.5, 17);
          cairo_push_group (cr);
          if (k == 0)
            nf_grid_render (cr, layout, style);
          else
            _nf_grid_render_afresh (cr, layout, style);
          cairo_pop_group_to_source (cr);
          cairo_paint (cr);
          cairo_destroy (cr);
          cairo_surface_flush (images[k]);
        }
      g_assert_cmpuint (nf_card_cache_get_n_renders (_nf_grid_render_get_card_cache (layout)),
                        >, 0);
      difference = nf_test_max_difference (images[0], images[1]);
      g_test_message ("width %d: off by at most %d", width, difference);
      g_assert_cmpint (difference, <=, TOLERANCE);
      cairo_surface_destroy (images[0]);
      cairo_surface_destroy (images[1]);
    }
}

/* The cards alone, onto something else than their blocks, keep their
 * transparent corners: nothing of the block fill comes with them. */
static void
test_cards_alone (void)
{
  g_autoptr(NfCanvas) canvas = nf_test_load_case (0);
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1366, 768);
  cairo_t *cr = cairo_create (image);
  NfRect r;
  const guint32 *data;
  int stride;

  nf_grid_layout_allocate (layout, 1366, 768);
  nf_grid_render_parts (cr, layout, style, NF_GRID_PART_CARDS);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  data = (const guint32 *) (gconstpointer) cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image) / 4;
  g_assert_nonnull (nf_grid_layout_get_card (layout, NF_BLOCK_KEY_PARTNERS, 0, &r));
  /* The outer corner of the rounded card, and the middle of its fill. */
  g_assert_cmpuint (data[(int) r.y * stride + (int) r.x] >> 24, <, 0xff);
  g_assert_cmpuint (data[(int) (r.y - 1) * stride + (int) (r.x + r.width / 2)] >> 24, ==, 0);
  g_assert_cmpuint (data[(int) (r.y + 2) * stride + (int) (r.x + r.width / 2)] >> 24, ==, 0xff);
  cairo_surface_destroy (image);
}

typedef struct {
  NfCanvas     *canvas;
  NfNote       *note;
  NfGridStyle  *style;
  NfGridLayout *layout;
  double        width, height, scale;
  cairo_surface_t *last;
} Scene;

/* Draws the scene from retained pixels and checks that the picture
 * changed (or not) since the last one, that it is what drawing afresh
 * gives, and how many cards were drawn again for it. The frame is drawn
 * twice: one after a frame of other frames (a new size, style or scale)
 * is drawn straight onto the target and keeps nothing, and the same
 * frame again keeps its pixels; both look the same to the byte. */
/* `changed`: 1 the picture must change, 0 it must not, -1 either;
 * `card_renders` G_MAXUINT: any number. */
static void
check_frame (Scene      *scene,
             int         changed,
             guint       card_renders,
             const char *what)
{
  NfCardCache *cache = _nf_grid_render_get_card_cache (scene->layout);
  guint before = nf_card_cache_get_n_renders (cache);
  cairo_surface_t *kept, *fresh;

  g_test_message ("%s", what);
  nf_grid_layout_set_style (scene->layout, scene->style);
  nf_grid_layout_allocate (scene->layout, scene->width, scene->height);
  kept = draw_retained (scene->layout, scene->style, scene->scale, 0, 0);
  fresh = draw_afresh (scene->layout, scene->style, scene->scale, 0, 0);
  g_assert_cmpint (nf_test_max_difference (kept, fresh), <=, TOLERANCE);
  {
    cairo_surface_t *again = draw_retained (scene->layout, scene->style, scene->scale, 0, 0);

    g_assert_cmpint (nf_test_max_difference (kept, again), ==, 0);
    cairo_surface_destroy (again);
  }
  if (card_renders != G_MAXUINT)
    g_assert_cmpuint (nf_card_cache_get_n_renders (cache) - before, ==, card_renders);
  if (scene->last != NULL)
    {
      gboolean same_size = cairo_image_surface_get_width (kept) ==
                           cairo_image_surface_get_width (scene->last) &&
                           cairo_image_surface_get_height (kept) ==
                           cairo_image_surface_get_height (scene->last);

      if (changed == 1)
        g_assert_true (!same_size || nf_test_max_difference (kept, scene->last) > 0);
      else if (changed == 0)
        g_assert_true (same_size && nf_test_max_difference (kept, scene->last) == 0);
    }
  g_clear_pointer (&scene->last, cairo_surface_destroy);
  scene->last = kept;
  cairo_surface_destroy (fresh);
}

/* Each input of a card's pixels, changed alone, draws the card again
 * and changes the picture; the style and the scale too, and the frames
 * follow what they show. */
static void
test_invalidation (void)
{
  g_autoptr(NfText) text = nf_text_new ("Cloud hosting partners");
  g_autoptr(NfText) other = nf_text_new ("Cloud hosting partners and resellers in three regions");
  g_autoptr(NfNote) second = NULL;
  const char *tags[] = { "infra", NULL };
  const char *more_tags[] = { "infra", "cost", NULL };
  Scene scene = { 0 };
  g_autoptr(NfNote) note = NULL;
  g_autoptr(GError) error = NULL;

  scene.canvas = nf_canvas_new ();
  {
    g_autofree char *id = nf_canvas_new_note_id (scene.canvas);

    note = nf_note_new (id, text);
  }
  g_assert_true (nf_canvas_insert_note (scene.canvas, NF_BLOCK_KEY_PARTNERS, 0, note, &error));
  g_assert_no_error (error);
  scene.note = note;
  scene.style = nf_grid_style_new_light ();
  scene.layout = nf_grid_layout_new (scene.canvas, scene.style, NULL);
  scene.width = 1000;
  scene.height = 700;
  scene.scale = 1;

  check_frame (&scene, 1, 1, "first frame");
  check_frame (&scene, 0, 0, "the same frame again");

  nf_canvas_set_note_text (scene.canvas, note, other);
  check_frame (&scene, 1, 1, "text");
  nf_canvas_set_note_colour (scene.canvas, note, "#f6d32d");
  check_frame (&scene, 1, 1, "colour");
  nf_canvas_set_note_colour (scene.canvas, note, "#99c1f1");
  check_frame (&scene, 1, 1, "another colour");
  nf_canvas_set_note_tags (scene.canvas, note, tags);
  check_frame (&scene, 1, 1, "a tag");
  nf_canvas_set_note_tags (scene.canvas, note, more_tags);
  check_frame (&scene, 1, 1, "another tag");
  nf_canvas_set_note_evidence (scene.canvas, note, NF_EVIDENCE_TESTED);
  check_frame (&scene, 1, 1, "evidence");
  nf_canvas_set_note_evidence (scene.canvas, note, NF_EVIDENCE_VALIDATED);
  check_frame (&scene, 1, 1, "another evidence level");

  scene.width = 1100;
  check_frame (&scene, 1, 1, "size");
  scene.style->base_font_size += 2;
  check_frame (&scene, 1, 1, "font size");
  scene.style->evidence[NF_EVIDENCE_VALIDATED] = (NfColour) { 0.8, 0.1, 0.1, 1 };
  check_frame (&scene, 1, 1, "the evidence colour of the style");
  /* The accent shows in the block glyphs, not on cards; a new style
   * still draws the cards again rather than trust they ignore it. */
  scene.style->accent = (NfColour) { 0.9, 0.4, 0.0, 1 };
  check_frame (&scene, 1, 1, "accent");
  {
    NfGridStyle *dark = nf_grid_style_new_dark ();

    nf_grid_style_free (scene.style);
    scene.style = dark;
  }
  check_frame (&scene, 1, 1, "dark");
  scene.scale = 2;
  check_frame (&scene, 1, 1, "scale 2");
  check_frame (&scene, 0, 0, "scale 2 again");

  /* The frames: a block's hint goes when it gets a note, the title's
   * layout changes with the language, a card goes when its note does. */
  {
    g_autofree char *id = nf_canvas_new_note_id (scene.canvas);

    second = nf_note_new (id, text);
  }
  g_assert_true (nf_canvas_insert_note (scene.canvas, NF_BLOCK_CHANNELS, 0, second, &error));
  check_frame (&scene, 1, 1, "a note in an empty block");
  nf_canvas_remove_note (scene.canvas, second);
  check_frame (&scene, 1, 0, "the note removed");
  /* A block too crowded even for one-line cards: it scrolls, and a page
   * shows "+N more", then counts one more. */
  for (guint i = 0; i < 121; i++)
    {
      g_autofree char *id = nf_canvas_new_note_id (scene.canvas);
      g_autoptr(NfNote) extra = nf_note_new (id, other);

      g_assert_true (nf_canvas_insert_note (scene.canvas, NF_BLOCK_CUSTOMER_SEGMENTS, 0, extra,
                                            &error));
      if (i == 119)
        check_frame (&scene, 1, G_MAXUINT, "a crowded block");
    }
  g_assert_cmpuint (nf_grid_layout_get_n_hidden (scene.layout, NF_BLOCK_CUSTOMER_SEGMENTS), >, 0);
  check_frame (&scene, 1, G_MAXUINT, "one more hidden");
  nf_grid_layout_set_language (scene.layout, "zh-CN");
  check_frame (&scene, -1, G_MAXUINT, "a new language: new card layouts");

  g_clear_pointer (&scene.last, cairo_surface_destroy);
  g_object_unref (scene.layout);
  nf_grid_style_free (scene.style);
  g_object_unref (scene.canvas);
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* PDF, SVG and recording surfaces get vectors: no card is rasterised
 * for them, and an SVG holds no image. */
static void
test_vector_targets (void)
{
  g_autoptr(NfCanvas) canvas = nf_test_load_case (1);
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();

  for (guint kind = 0; kind < 3; kind++)
    {
      g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);
      g_autoptr(GString) out = g_string_new (NULL);
      NfCardCache *cache;
      cairo_surface_t *surface;
      cairo_t *cr;

      nf_grid_layout_allocate (layout, 1366, 768);
      if (kind == 0)
        surface = cairo_pdf_surface_create_for_stream (discard, out, 1366, 768);
      else if (kind == 1)
        surface = cairo_svg_surface_create_for_stream (discard, out, 1366, 768);
      else
        surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cr = cairo_create (surface);
      nf_grid_render (cr, layout, style);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      cairo_surface_destroy (surface);

      cache = _nf_grid_render_get_card_cache (layout);
      g_assert_cmpuint (nf_card_cache_get_n_renders (cache), ==, 0);
      g_assert_cmpuint (nf_card_cache_get_n_bytes (cache), ==, 0);
      if (kind == 1)
        {
          g_assert_nonnull (strstr (out->str, "<svg"));
          g_assert_null (strstr (out->str, "<image"));
        }
    }
}

/* One card, drawn by the cache at a fraction of a pixel and at a scale,
 * is the card nf_card_render() draws there. */
static void
test_card_draw (void)
{
  g_autoptr(NfCanvas) canvas = nf_test_load_case (2);
  g_autoptr(NfGridStyle) style = nf_grid_style_new_dark ();
  g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);
  g_autoptr(NfCardCache) cache = nf_card_cache_new (64 << 20);
  static const double scales[] = { 1, 2, 1.25 };

  nf_grid_layout_allocate (layout, 1366, 768);
  for (guint b = 0; b < NF_N_BLOCKS; b += 2)
    for (guint i = 0; i < MIN (3u, nf_grid_layout_get_n_cards (layout, (NfBlock) b)); i++)
      for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
        {
          NfRect r;
          NfCardLayout *card = nf_grid_layout_get_card (layout, (NfBlock) b, i, &r);
          cairo_surface_t *a = new_image (r.width + 4, r.height + 4, scales[s]);
          cairo_surface_t *e = new_image (r.width + 4, r.height + 4, scales[s]);
          cairo_t *cr;

          for (guint k = 0; k < 2; k++)
            {
              cr = cairo_create (k == 0 ? a : e);
              cairo_set_source_rgb (cr, 0.3, 0.5, 0.2);
              cairo_paint (cr);
              cairo_scale (cr, scales[s], scales[s]);
              cairo_translate (cr, 1.3, 0.6);
              if (k == 0)
                nf_card_cache_draw (cache, cr, card, style);
              else
                nf_card_render (cr, card, style);
              cairo_destroy (cr);
              cairo_surface_flush (k == 0 ? a : e);
            }
          g_assert_cmpint (nf_test_max_difference (a, e), <=, TOLERANCE);
          cairo_surface_destroy (a);
          cairo_surface_destroy (e);
        }
}

/* A card's box begun from the small box of its corners (every card
 * on a whole pixel at a whole-pixel size, as a resize frame draws them)
 * is the box drawn whole, byte for byte: light and dark, every evidence
 * level, the palette's fill and a note's own colour, on the block and on
 * transparency, at scale 1, 2 and 1.5, over a range of sizes. */
static void
test_box_by_slices (void)
{
  static const double scales[] = { 1, 2, 1.5 };
  static const char *colours[] = { NULL, "#f6d365" };
  guint n_sliced = 0;

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(NfGridStyle) style = dark ? nf_grid_style_new_dark ()
                                          : nf_grid_style_new_light ();
      g_autoptr(NfCardCache) cache = nf_card_cache_new (64 << 20);

      for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
        for (guint e = 0; e <= NF_EVIDENCE_VALIDATED; e++)
          for (guint c = 0; c < G_N_ELEMENTS (colours); c++)
            for (guint backdrop = 0; backdrop < 2; backdrop++)
              for (double width = 20; width <= 180; width += 13)
                for (double height = 14; height <= 70; height += 4)
                  {
                    cairo_surface_t *sliced = _nf_card_cache_box_image (cache, style, width, height,
                                                                        scales[s], colours[c],
                                                                        (NfEvidence) e, backdrop);
                    cairo_surface_t *whole;
                    NfColour fill;
                    cairo_t *cr;

                    if (sliced == NULL)
                      continue;
                    n_sliced++;
                    whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                        cairo_image_surface_get_width (sliced),
                                                        cairo_image_surface_get_height (sliced));
                    cr = cairo_create (whole);
                    if (backdrop)
                      {
                        cairo_set_source_rgba (cr, style->block_fill.red, style->block_fill.green,
                                               style->block_fill.blue, style->block_fill.alpha);
                        cairo_paint (cr);
                      }
                    cairo_translate (cr, 1, 1);
                    cairo_scale (cr, scales[s], scales[s]);
                    nf_grid_style_card_fill (style, colours[c], &fill);
                    _nf_card_render_box (cr, style, width, height, &fill, (NfEvidence) e);
                    cairo_destroy (cr);
                    cairo_surface_flush (whole);
                    if (nf_test_max_difference (sliced, whole) != 0)
                      g_error ("box %g x %g at scale %g, evidence %u, colour %s, %s: "
                               "off by %d", width, height, scales[s], e,
                               colours[c] != NULL ? colours[c] : "none",
                               dark ? "dark" : "light", nf_test_max_difference (sliced, whole));
                    cairo_surface_destroy (sliced);
                    cairo_surface_destroy (whole);
                  }
    }
  /* Most of the range is large enough to be sliced, at every scale. */
  g_test_message ("%u boxes begun from their corners", n_sliced);
  g_assert_cmpuint (n_sliced, >, 2000);
}

/* The frames kept as pixels (the blocks' boxes written from a small box
 * of their corners where they lie on whole pixels) are the frames drawn
 * as vectors, byte for byte: the four cases, light and dark, at two
 * window sizes, at scale 1 and (half of them) 2. */
static void
test_frames_by_slices (void)
{
  static const double scales[] = { 1, 2 };

  for (guint c = 0; c < 4; c++)
    {
      g_autoptr(NfCanvas) canvas = nf_test_load_case (c);

      for (guint dark = 0; dark < 2; dark++)
        {
          g_autoptr(NfGridStyle) style = dark ? nf_grid_style_new_dark ()
                                              : nf_grid_style_new_light ();
          g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);

          for (double width = 1150; width <= 1500; width += 213)
            for (guint s = 0; s < (c % 2 == dark ? G_N_ELEMENTS (scales) : 1u); s++)
              {
                double height = width * 0.56;
                cairo_surface_t *kept, *drawn;
                cairo_surface_t *vectors = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                                           NULL);
                cairo_t *cr;

                nf_grid_layout_allocate (layout, width, height);
                kept = new_image (width, height, scales[s]);
                drawn = new_image (width, height, scales[s]);
                cr = cairo_create (kept);
                cairo_scale (cr, scales[s], scales[s]);
                nf_grid_render_parts (cr, layout, style, NF_GRID_PART_FRAMES);
                cairo_destroy (cr);
                cairo_surface_flush (kept);

                /* A recording surface keeps vectors; played onto the
                 * image, they are drawn there as they were recorded. */
                cr = cairo_create (vectors);
                cairo_scale (cr, scales[s], scales[s]);
                nf_grid_render_parts (cr, layout, style, NF_GRID_PART_FRAMES);
                cairo_destroy (cr);
                cr = cairo_create (drawn);
                cairo_set_source_surface (cr, vectors, 0, 0);
                cairo_paint (cr);
                cairo_destroy (cr);
                cairo_surface_flush (drawn);

                g_test_message ("case %u, %s, width %g, scale %g: off by %d", c,
                                dark ? "dark" : "light", width, scales[s],
                                nf_test_max_difference (kept, drawn));
                g_assert_cmpint (nf_test_max_difference (kept, drawn), ==, 0);
                cairo_surface_destroy (kept);
                cairo_surface_destroy (drawn);
                cairo_surface_destroy (vectors);
              }
        }
    }
}

/* What a card widget shows, light and dark, at scale 1 and 2, is the
 * card drawn afresh at the device scale. */
static void
test_widget_pixels (void)
{
  g_autoptr(NfCanvas) canvas = nf_test_load_case (1);

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(NfGridStyle) style = dark ? nf_grid_style_new_dark () : nf_grid_style_new_light ();
      g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);
      g_autoptr(NfCardCache) cache = nf_card_cache_new (0);

      nf_grid_layout_allocate (layout, 1366, 768);
      for (int scale = 1; scale <= 2; scale++)
        for (guint b = 0; b < NF_N_BLOCKS; b++)
          {
            NfCardLayout *card = nf_grid_layout_get_card (layout, (NfBlock) b, 0, NULL);
            cairo_surface_t *pixels, *fresh;
            NfRect rect;
            cairo_t *cr;

            if (card == NULL)
              continue;
            pixels = nf_card_cache_get_pixels (cache, card, style, scale, &rect);
            g_assert_nonnull (pixels);
            fresh = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                cairo_image_surface_get_width (pixels),
                                                cairo_image_surface_get_height (pixels));
            cr = cairo_create (fresh);
            cairo_scale (cr, scale, scale);
            cairo_translate (cr, -rect.x, -rect.y);
            nf_card_render (cr, card, style);
            cairo_destroy (cr);
            cairo_surface_flush (fresh);
            g_assert_cmpint (nf_test_max_difference (pixels, fresh), ==, 0);
            cairo_surface_destroy (fresh);
          }
    }
}

/* The pixels a widget shows: twice the size at scale 2, the same image
 * while nothing changes, a new one when something does; the cache
 * keeps to its budget, but for the last card, and lets go of a card
 * with its layout. */
static void
test_pixels_and_budget (void)
{
  g_autoptr(NfCanvas) canvas = nf_test_load_case (0);
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  NfGridLayout *layout = nf_grid_layout_new (canvas, style, NULL);
  g_autoptr(NfCardCache) small = nf_card_cache_new (0);
  g_autoptr(NfCardCache) big = nf_card_cache_new (64 << 20);
  cairo_surface_t *one, *two, *again;
  NfCardLayout *card;
  NfRect r, rect1, rect2;
  gsize last_bytes = 0;

  nf_grid_layout_allocate (layout, 1366, 768);
  card = nf_grid_layout_get_card (layout, NF_BLOCK_VALUE_PROPOSITIONS, 0, &r);
  /* Held, so a new image cannot take its place in memory. */
  one = cairo_surface_reference (nf_card_cache_get_pixels (big, card, style, 1, &rect1));
  g_assert_nonnull (one);
  g_assert_cmpint (cairo_image_surface_get_width (one), >=, (int) r.width);
  g_assert_cmpint (cairo_image_surface_get_height (one), >=, (int) r.height + 1);
  g_assert_cmpfloat (rect1.x, <=, 0);
  g_assert_cmpfloat (rect1.x + rect1.width, >=, r.width);
  g_assert_cmpfloat (rect1.y + rect1.height, >=, r.height + 1);
  two = nf_card_cache_get_pixels (big, card, style, 2, &rect2);
  g_assert_true (two != one);
  g_assert_cmpint (cairo_image_surface_get_width (two), >=, 2 * (int) r.width);
  g_assert_cmpfloat (rect2.width * 2, ==, cairo_image_surface_get_width (two));
  cairo_surface_reference (two);
  again = nf_card_cache_get_pixels (big, card, style, 2, NULL);
  g_assert_true (again == two);
  g_assert_cmpuint (nf_card_cache_get_n_renders (big), ==, 2);
  nf_canvas_set_note_colour (canvas, nf_card_layout_get_note (card), "#8ff0a4");
  again = nf_card_cache_get_pixels (big, card, style, 2, NULL);
  g_assert_true (again != two);
  cairo_surface_destroy (two);
  cairo_surface_destroy (one);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, (NfBlock) b); i++)
      {
        card = nf_grid_layout_get_card (layout, (NfBlock) b, i, &r);
        g_assert_nonnull (nf_card_cache_get_pixels (small, card, style, 1, NULL));
        g_assert_nonnull (nf_card_cache_get_pixels (big, card, style, 1, NULL));
        /* Only the last card stays in a cache of no bytes. */
        last_bytes = nf_card_cache_get_n_bytes (small);
        g_assert_cmpuint (last_bytes, >, 0);
        g_assert_cmpuint (last_bytes, <=, 4 * (gsize) (r.width + 8) * (gsize) (r.height + 8));
      }
  g_assert_cmpuint (nf_card_cache_get_n_bytes (big), >, last_bytes);

  /* An image too large for cairo: no pixels, and vectors drawn instead. */
  {
    gsize held = nf_card_cache_get_n_bytes (big);
    cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
    cairo_t *cr = cairo_create (image);

    card = nf_grid_layout_get_card (layout, NF_BLOCK_VALUE_PROPOSITIONS, 0, &r);
    g_assert_null (nf_card_cache_get_pixels (big, card, style, 400, NULL));
    g_assert_cmpuint (nf_card_cache_get_n_bytes (big), <, held);
    held = nf_card_cache_get_n_bytes (big);
    cairo_scale (cr, 400, 400);
    /* The middle of the card, away from its text. */
    cairo_translate (cr, -r.width / 2, -(r.height - 2));
    nf_card_cache_draw (big, cr, card, style);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpuint (nf_card_cache_get_n_bytes (big), ==, held);
    cairo_destroy (cr);
    cairo_surface_flush (image);
    /* The card's fill covers the image. */
    g_assert_cmpuint (((guint32 *) (gpointer) cairo_image_surface_get_data (image))[32 * 64 + 32] >> 24,
                      ==, 0xff);
    cairo_surface_destroy (image);
  }

  /* The layout goes, and with it its cards: nothing stays behind. */
  g_object_unref (layout);
  g_assert_cmpuint (nf_card_cache_get_n_bytes (big), ==, 0);
  g_assert_cmpuint (nf_card_cache_get_n_bytes (small), ==, 0);
}

/* A cache offered with a card goes to the first who takes it, once; one
 * never taken goes with the card. */
static void
test_offered (void)
{
  g_autoptr(NfText) text = nf_text_new ("Offered ahead of the first frame");
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfNote) note = NULL;
  g_autoptr(GError) error = NULL;
  NfGridLayout *layout;
  NfCardLayout *card;
  NfCardCache *cache, *taken, *left;

  {
    g_autofree char *id = nf_canvas_new_note_id (canvas);

    note = nf_note_new (id, text);
  }
  g_assert_true (nf_canvas_insert_note (canvas, NF_BLOCK_CHANNELS, 0, note, &error));
  g_assert_no_error (error);
  layout = nf_grid_layout_new (canvas, style, NULL);
  nf_grid_layout_allocate (layout, 1000, 700);
  card = nf_grid_layout_get_card (layout, NF_BLOCK_CHANNELS, 0, NULL);
  g_assert_nonnull (card);
  g_assert_null (nf_card_cache_take_offered (card));

  cache = nf_card_cache_new (0);
  g_assert_nonnull (nf_card_cache_get_pixels (cache, card, style, 1, NULL));
  nf_card_cache_offer (cache, card);
  g_object_unref (cache);
  taken = nf_card_cache_take_offered (card);
  g_assert_true (taken == cache);
  g_assert_null (nf_card_cache_take_offered (card));
  /* The taker has the pixels without drawing them again... */
  g_assert_nonnull (nf_card_cache_get_pixels (taken, card, style, 1, NULL));
  g_assert_cmpuint (nf_card_cache_get_n_renders (taken), ==, 1);
  /* ...and in the dark style, drawn in the light one ahead, draws
   * again: the pixels of a fresh dark drawing. */
  {
    g_autoptr(NfGridStyle) dark = nf_grid_style_new_dark ();
    g_autoptr(NfCardCache) fresh = nf_card_cache_new (0);
    cairo_surface_t *a = nf_card_cache_get_pixels (taken, card, dark, 1, NULL);
    cairo_surface_t *b = nf_card_cache_get_pixels (fresh, card, dark, 1, NULL);

    g_assert_cmpuint (nf_card_cache_get_n_renders (taken), ==, 2);
    g_assert_nonnull (a);
    g_assert_nonnull (b);
    g_assert_cmpint (cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a), ==,
                     cairo_image_surface_get_stride (b) * cairo_image_surface_get_height (b));
    g_assert_cmpmem (cairo_image_surface_get_data (a),
                     cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a),
                     cairo_image_surface_get_data (b),
                     cairo_image_surface_get_stride (b) * cairo_image_surface_get_height (b));
  }
  g_object_unref (taken);

  left = nf_card_cache_new (0);
  g_object_add_weak_pointer (G_OBJECT (left), (gpointer *) &left);
  nf_card_cache_offer (left, card);
  g_object_unref (left);
  g_assert_nonnull (left);
  g_object_unref (layout);
  g_assert_null (left);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/card-cache/offered", test_offered);
  g_test_add_func ("/card-cache/same-picture", test_same_picture);
  g_test_add_func ("/card-cache/group-and-clip", test_group_and_clip);
  g_test_add_func ("/card-cache/cards-alone", test_cards_alone);
  g_test_add_func ("/card-cache/invalidation", test_invalidation);
  g_test_add_func ("/card-cache/vector-targets", test_vector_targets);
  g_test_add_func ("/card-cache/card-draw", test_card_draw);
  g_test_add_func ("/card-cache/box-by-slices", test_box_by_slices);
  g_test_add_func ("/card-cache/frames-by-slices", test_frames_by_slices);
  g_test_add_func ("/card-cache/widget-pixels", test_widget_pixels);
  g_test_add_func ("/card-cache/pixels-and-budget", test_pixels_and_budget);
  return g_test_run ();
}
