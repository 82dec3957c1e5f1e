/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-grid-cold"

#include "config.h"

#include <math.h>
#include <string.h>

#include <ninefold.h>
#include <nf-render.h>

#include "nf-test-render.h"

#include "nf-card-cache.h"
#include "nf-card-cache-private.h"
#include "../bench/bench.h"

/* A frame after one of another size (a window being resized, a zoom
 * step) is drawn straight onto the target, frames and cards, and keeps
 * nothing; the same frame drawn again keeps its pixels for the frames
 * after it. Both pictures are the same to the byte, and what drawing
 * afresh gives (within the blending's rounding at anti-aliased edges,
 * as test-card-cache allows). */

#define TOLERANCE 2

/* Under each frame, so what a frame leaves unwritten shows: the warm
 * frame and drawing afresh write every pixel the layout covers. */
static const double junk[3] = { 1, 0, 1 };

typedef struct {
  double scale;        /* the user matrix's */
  double dx, dy;       /* a translation before it, in pixels */
  gboolean clip;       /* a clip cutting through blocks and cards */
  gboolean group;      /* drawn into a group, as a toolkit may */
} Target;

static cairo_surface_t *
draw (NfGridLayout      *layout,
      const NfGridStyle *style,
      const Target      *t,
      gboolean           afresh)
{
  double w = nf_grid_layout_get_width (layout), h = nf_grid_layout_get_height (layout);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                       (int) ceil (w * t->scale + t->dx),
                                                       (int) ceil (h * t->scale + t->dy));
  cairo_t *cr = cairo_create (image);

  cairo_set_source_rgb (cr, junk[0], junk[1], junk[2]);
  cairo_paint (cr);
  if (t->clip)
    {
      cairo_rectangle (cr, w * t->scale * 0.2, h * t->scale * 0.15, w * t->scale * 0.5,
                       h * t->scale * 0.6);
      cairo_clip (cr);
    }
  cairo_translate (cr, t->dx, t->dy);
  if (t->group)
    cairo_push_group (cr);
  cairo_scale (cr, t->scale, t->scale);
  if (afresh)
    _nf_grid_render_afresh (cr, layout, style);
  else
    nf_grid_render (cr, layout, style);
  if (t->group)
    {
      cairo_pop_group_to_source (cr);
      cairo_identity_matrix (cr);
      cairo_paint (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

static guint
n_cards_shown (NfGridLayout *layout)
{
  guint n = 0;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    n += nf_grid_layout_get_n_cards (layout, (NfBlock) b) -
         nf_grid_layout_get_n_hidden (layout, (NfBlock) b);
  return n;
}

/* Lays `canvas` out at `n_steps` sizes, a window dragged smaller, and at
 * each draws a cold frame then the same frame warm, onto targets full of
 * junk: the same picture, drawing afresh's, and the cold one
 * kept no card. `direct`: whether the target lets cards be drawn onto it
 * straight (whole pixels, no clip through them). */
static void
check_resize (NfCanvas          *canvas,
              const NfGridStyle *style,
              const Target      *t,
              int                width,
              int                height,
              guint              n_steps,
              gboolean           direct)
{
  g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);
  NfCardCache *cache = _nf_grid_render_get_card_cache (layout);

  /* The first frame a layout draws is kept: the next is most likely the
   * same. */
  nf_grid_layout_allocate (layout, width, height);
  cairo_surface_destroy (draw (layout, style, t, FALSE));
  for (guint step = 1; step <= n_steps; step++)
    {
      cairo_surface_t *cold, *warm, *fresh;
      guint renders, direct_before = _nf_card_cache_get_n_direct (cache);
      int difference;

      nf_grid_layout_allocate (layout, width - 7 * step, height - 5 * step);
      renders = nf_card_cache_get_n_renders (cache);
      cold = draw (layout, style, t, FALSE);
      /* Cards whose images meet another's are still kept (and blended). */
      if (direct && n_cards_shown (layout) > 0)
        {
          guint drawn = _nf_card_cache_get_n_direct (cache) - direct_before;

          g_test_message ("step %u: %u of %u cards straight, %u kept", step, drawn, n_cards_shown (layout), nf_card_cache_get_n_renders (cache) - renders);

          g_assert_cmpuint (drawn, >, 0);
          g_assert_cmpuint (drawn + nf_card_cache_get_n_renders (cache) - renders, <=,
                            n_cards_shown (layout));
        }
      warm = draw (layout, style, t, FALSE);
      if (direct && n_cards_shown (layout) > 0)
        g_assert_cmpuint (nf_card_cache_get_n_renders (cache), >, renders);
      fresh = draw (layout, style, t, TRUE);
      difference = nf_test_max_difference (cold, warm);
      if (difference != 0)
        g_test_message ("step %u (%d × %d, scale %g, off by %g, %g): cold and warm differ by %d",
                        step, width - 7 * step, height - 5 * step, t->scale, t->dx, t->dy,
                        difference);
      g_assert_cmpint (difference, ==, 0);
      /* Drawn afresh under a clip, titles the clip cuts are composited
       * through a mask, a fraction of a pixel off: the retained frames
       * (before this as now) draw them whole and copy them. */
      difference = t->clip ? 0 : nf_test_max_difference (cold, fresh);
      if (difference > TOLERANCE)
        g_test_message ("step %u (%d × %d, scale %g, off by %g, %g): cold and afresh differ by %d",
                        step, width - 7 * step, height - 5 * step, t->scale, t->dx, t->dy,
                        difference);
      g_assert_cmpint (difference, <=, TOLERANCE);
      cairo_surface_destroy (cold);
      cairo_surface_destroy (warm);
      cairo_surface_destroy (fresh);
    }
}

/* The four cases, light and dark, in two window sizes, at scale 1 and
 * 2; at 1.5 and a fraction of a pixel off (where cards are not on whole
 * pixels and are kept as before). */
static void
test_cases (void)
{
  for (guint c = 0; c < 4; c++)
    {
      g_autoptr(NfCanvas) canvas = nf_test_load_case (c);

      for (guint dark = 0; dark < 2; dark++)
        {
          g_autoptr(NfGridStyle) style = dark ? nf_grid_style_new_dark ()
                                              : nf_grid_style_new_light ();

          check_resize (canvas, style, &(Target) { 1, 0, 0, FALSE, FALSE }, 1366, 768, 3, TRUE);
          check_resize (canvas, style, &(Target) { 1, 0, 0, FALSE, FALSE }, 1920, 1080, 2, TRUE);
          if (c % 2 == dark)
            {
              check_resize (canvas, style, &(Target) { 2, 0, 0, FALSE, FALSE }, 1366, 768, 2,
                            TRUE);
              check_resize (canvas, style, &(Target) { 1.5, 0.25, 0.5, FALSE, FALSE }, 1366,
                            768, 2, FALSE);
            }
        }
    }
}

/* The benchmark's canvases (200 notes, all in sight; 1,000 notes, blocks
 * that scroll and "+N more"), as its resize row draws them. */
static void
test_generated (void)
{
  static const guint sizes[] = { 200, 1000 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(NfCanvas) canvas = bench_canvas_new (sizes[s], 7, "n");
      g_autoptr(NfGridStyle) light = nf_grid_style_new_light ();
      g_autoptr(NfGridStyle) dark = nf_grid_style_new_dark ();

      check_resize (canvas, light, &(Target) { 1, 0, 0, FALSE, FALSE }, 1920, 1080, 4, TRUE);
      check_resize (canvas, dark, &(Target) { 1, 0, 0, FALSE, FALSE }, 1366, 768, 2, TRUE);
    }
}

/* Into a group at a whole pixel (drawn straight) and at a fraction of
 * one, and under a clip through blocks and cards (a repaint of part of
 * the grid: kept as before): the same picture cold and warm. */
static void
test_clip_and_group (void)
{
  g_autoptr(NfCanvas) canvas = nf_test_load_case (3);
  g_autoptr(NfCanvas) many = bench_canvas_new (200, 7, "n");
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();

  check_resize (many, style, &(Target) { 1, 12, 7, FALSE, TRUE }, 1366, 768, 2, TRUE);
  check_resize (many, style, &(Target) { 1, 30.5, 17, FALSE, TRUE }, 1366, 768, 2, FALSE);
  check_resize (canvas, style, &(Target) { 1, 0, 0, TRUE, FALSE }, 1366, 768, 2, FALSE);
  check_resize (many, style, &(Target) { 1, 12, 7, TRUE, TRUE }, 1366, 768, 2, FALSE);
}

/* A grid resized step by step draws what a grid laid out at that size
 * at once draws: what it keeps from the steps before (titles not broken
 * again while they fit, the beginnings of clamped cards' text) changes
 * nothing. */
static void
test_resized_as_fresh (void)
{
  g_autoptr(NfCanvas) many = bench_canvas_new (200, 7, "n");
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();

  for (guint c = 0; c < 5; c++)
    {
      g_autoptr(NfCanvas) canvas = c < 4 ? nf_test_load_case (c) : g_object_ref (many);
      g_autoptr(NfGridLayout) resized = nf_grid_layout_new (canvas, style, NULL);
      Target t = { 1, 0, 0, FALSE, FALSE };

      for (guint step = 0; step < 12; step++)
        {
          int w = 1920 - 53 * (int) step, h = 1080 - 29 * (int) step;
          g_autoptr(NfGridLayout) fresh = nf_grid_layout_new (canvas, style, NULL);
          cairo_surface_t *a, *b;
          int difference;

          nf_grid_layout_allocate (resized, w, h);
          nf_grid_layout_allocate (fresh, w, h);
          a = draw (resized, style, &t, TRUE);
          b = draw (fresh, style, &t, TRUE);
          difference = nf_test_max_difference (a, b);
          if (difference != 0)
            g_test_message ("canvas %u at %d × %d: resized and fresh differ by %d", c, w, h,
                            difference);
          g_assert_cmpint (difference, ==, 0);
          cairo_surface_destroy (a);
          cairo_surface_destroy (b);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/grid-cold/cases", test_cases);
  g_test_add_func ("/grid-cold/generated", test_generated);
  g_test_add_func ("/grid-cold/clip-and-group", test_clip_and_group);
  g_test_add_func ("/grid-cold/resized-as-fresh", test_resized_as_fresh);
  return g_test_run ();
}
