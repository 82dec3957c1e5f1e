/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <ninefold.h>
#include <nf-render.h>
#include <nf-compare-layout.h>
#include <nf-compare-metrics.h>
#include <nf-compare-renderer.h>

#include "nf-compare-layout-private.h"
#include "nf-test-render.h"

/* The comparison of the four case companies: layout, marks and the PNGs a
 * person looks at (compare-cases-light.png, compare-cases-dark.png in the
 * build folder). */

typedef struct {
  NfCanvas *canvases[4];
} Cases;

static void
cases_load (Cases *cases)
{
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GError) error = NULL;

      cases->canvases[i] = nf_canvas_load_case (i, &error);
      g_assert_no_error (error);
      g_assert_nonnull (cases->canvases[i]);
    }
}

static void
cases_clear (Cases *cases)
{
  for (guint i = 0; i < 4; i++)
    g_clear_object (&cases->canvases[i]);
}

/* Every card and its mark lie inside the cell; nf_card_render() draws
 * nothing outside its card (test-card), so no text leaves its cell. */
static void
assert_cards_inside (NfCompareLayout *layout)
{
  for (guint r = 0; r < nf_compare_layout_get_n_rows (layout); r++)
    for (guint c = 0; c < nf_compare_layout_get_n_canvases (layout); c++)
      {
        NfRect cell;

        nf_compare_layout_get_cell_rect (layout, r, c, &cell);
        g_assert_cmpfloat (cell.width, >, 0);
        for (guint k = 0; k < nf_compare_layout_get_n_cards (layout, r, c); k++)
          {
            NfRect rect, mark;

            nf_compare_layout_get_card_note (layout, r, c, k, NULL, &rect);
            if (rect.width == 0)
              continue;   /* hidden, counted in "+N more" */
            nf_compare_layout_get_mark_rect (layout, r, c, k, &mark);
            g_assert_true (nf_rect_contains_rect (&cell, &rect, 0.5));
            g_assert_true (nf_rect_contains_rect (&cell, &mark, 0.5));
            g_assert_false (nf_rect_intersects (&rect, &mark));

          }
      }
}

static void
test_layout (void)
{
  Cases cases;
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfCompareLayout) layout = NULL;
  guint shared = 0, cards = 0;

  cases_load (&cases);
  layout = nf_compare_layout_new (cases.canvases, 4);
  g_assert_false (nf_diff_is_versions (nf_compare_layout_get_diff (layout)));
  {
    gint64 t0 = g_get_monotonic_time (), t1, t2;

    nf_compare_layout_allocate (layout, style, 1366, 0);
    t1 = g_get_monotonic_time ();
    nf_compare_layout_allocate (layout, style, 1366, 0);
    t2 = g_get_monotonic_time ();
    g_test_message ("four cases laid out in %.3f s, again in %.3f s",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6);
  }
  g_assert_cmpuint (nf_compare_layout_get_n_rows (layout), ==, NF_N_BLOCKS);
  g_assert_cmpfloat (nf_compare_layout_get_width (layout), ==, 1366);
  assert_cards_inside (layout);

  /* Every note of every canvas is shown once, in its own column. */
  for (guint c = 0; c < 4; c++)
    {
      guint n = 0;

      for (guint r = 0; r < NF_N_BLOCKS; r++)
        {
          NfCompareCellSummary summary;

          nf_compare_layout_get_cell_summary (layout, r, c, &summary);
          g_assert_cmpuint (summary.n_hidden, ==, 0);
          n += summary.n_notes;
          shared += summary.n_marked[NF_DIFF_SHARED];
          for (guint k = 0; k < summary.n_notes; k++)
            {
              NfBlock block;
              NfNote *note = nf_compare_layout_get_card_note (layout, r, c, k, NULL, NULL);

              g_assert_true (nf_canvas_find_note (cases.canvases[c], nf_note_get_id (note), &block, NULL) == note);
              g_assert_cmpint (block, ==, nf_compare_layout_get_row_block (layout, r));
            }
        }
      g_assert_cmpuint (n, ==, nf_canvas_get_n_notes (cases.canvases[c]));
      cards += n;
    }
  g_assert_cmpuint (cards, >, 0);

  /* A column per company, each with its name, side by side. */
  for (guint c = 1; c < 4; c++)
    {
      NfRect a, b;

      nf_compare_layout_get_column_rect (layout, c - 1, &a);
      nf_compare_layout_get_column_rect (layout, c, &b);
      g_assert_cmpfloat (a.x + a.width, <=, b.x);
      g_assert_cmpstr (nf_compare_layout_get_canvas_name (layout, c), ==,
                       nf_canvas_get_company (cases.canvases[c]));
    }

  {
    g_autofree char *label = nf_compare_layout_describe_cell (layout, NF_N_BLOCKS - 1, 1);

    g_assert_true (g_str_has_prefix (label, "Revenue Streams, Alibaba: "));
    g_assert_nonnull (strstr (label, "note"));
  }

  /* Differences only drops what all four share; focus keeps one block. */
  nf_compare_layout_set_differences_only (layout, TRUE);
  nf_compare_layout_set_block (layout, NF_BLOCK_REVENUE_STREAMS);
  nf_compare_layout_allocate (layout, style, 1366, 0);
  g_assert_cmpuint (nf_compare_layout_get_n_rows (layout), ==, 1);
  g_assert_cmpint (nf_compare_layout_get_row_block (layout, 0), ==, NF_BLOCK_REVENUE_STREAMS);
  for (guint c = 0; c < 4; c++)
    {
      NfCompareCellSummary summary;

      nf_compare_layout_get_cell_summary (layout, 0, c, &summary);
      g_assert_cmpuint (summary.n_marked[NF_DIFF_SHARED], ==, 0);
    }
  assert_cards_inside (layout);
  (void) shared;
  cases_clear (&cases);
}

/* A slide: the height is kept by shrinking, then by "+N more". */
/* Bisecting the font size chooses what stepping down 0.5 pt at a time
 * chose: the largest size whose rows fit the height. */
static void
test_font_search (void)
{
  Cases cases;
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfCompareLayout) layout = NULL;
  const double heights[] = { 300, 600, 900, 1200, 2000, 3000, 5000, 8000 };

  cases_load (&cases);
  layout = nf_compare_layout_new (cases.canvases, 4);
  for (int block = -1; block < NF_N_BLOCKS; block += 3)
    for (guint h = 0; h < G_N_ELEMENTS (heights); h++)
      {
        double chosen, stepped = style->base_font_size;

        nf_compare_layout_set_block (layout, block < 0 ? NF_COMPARE_ALL_BLOCKS : block);
        nf_compare_layout_allocate (layout, style, 1366, heights[h]);
        chosen = _nf_compare_layout_get_font_size (layout);
        while (_nf_compare_layout_height_at (layout, stepped) > heights[h] &&
               stepped - style->font_size_step >= style->min_font_size - 1e-6)
          stepped -= style->font_size_step;
        g_assert_cmpfloat (chosen, ==, stepped);
      }
  cases_clear (&cases);
}

static void
test_height_limit (void)
{
  Cases cases;
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfCompareLayout) layout = NULL;
  guint hidden = 0;
  double natural;

  cases_load (&cases);
  layout = nf_compare_layout_new (cases.canvases, 4);
  nf_compare_layout_allocate (layout, style, 1280, 0);
  natural = nf_compare_layout_get_height (layout);
  g_test_message ("natural height of all nine blocks at 1280: %g", natural);

  /* All nine on a tall page, and one block on a slide. */
  for (guint pass = 0; pass < 2; pass++)
    {
      double limit = pass == 0 ? floor (natural * 0.6) : 320;

      nf_compare_layout_set_block (layout, pass == 0 ? NF_COMPARE_ALL_BLOCKS : NF_BLOCK_KEY_ACTIVITIES);
      nf_compare_layout_allocate (layout, style, 1280, limit);
      g_assert_cmpfloat (nf_compare_layout_get_height (layout), <=, limit + 1);
      assert_cards_inside (layout);
      hidden = 0;
      for (guint r = 0; r < nf_compare_layout_get_n_rows (layout); r++)
        for (guint c = 0; c < 4; c++)
          {
            NfCompareCellSummary summary;

            nf_compare_layout_get_cell_summary (layout, r, c, &summary);
            hidden += summary.n_hidden;
          }
      g_assert_cmpuint (hidden, >, 0);
    }
  cases_clear (&cases);
}

static gboolean
pixel_is (cairo_surface_t *surface,
          double           x,
          double           y,
          const NfColour  *colour)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 px = *(const guint32 *) (gconstpointer) (data + (int) y * stride + (int) x * 4);
  int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

  return abs (r - (int) round (colour->red * 255)) <= 2 &&
         abs (g - (int) round (colour->green * 255)) <= 2 &&
         abs (b - (int) round (colour->blue * 255)) <= 2;
}

/* Marks are drawn in the legend's colours; the PNG is written for people. */
static void
check_render (NfGridStyle *style,
              const char  *png)
{
  Cases cases;
  g_autoptr(NfCompareLayout) layout = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, png, NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint checked = 0;
  double legend_w = 600;
  NfDiffKind kinds[] = { NF_DIFF_SHARED, NF_DIFF_SOME, NF_DIFF_ONLY, NF_DIFF_NEAR };

  cases_load (&cases);
  layout = nf_compare_layout_new (cases.canvases, 4);
  nf_compare_layout_allocate (layout, style, 1366, 0);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1366,
                                        (int) ceil (nf_compare_layout_get_height (layout)));
  cr = cairo_create (surface);
  nf_compare_render (cr, layout, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (guint r = 0; r < nf_compare_layout_get_n_rows (layout); r++)
    for (guint c = 0; c < 4; c++)
      for (guint k = 0; k < nf_compare_layout_get_n_cards (layout, r, c); k++)
        {
          NfDiffKind kind;
          NfColour colour;
          NfRect mark;

          nf_compare_layout_get_card_note (layout, r, c, k, &kind, NULL);
          nf_compare_layout_get_mark_rect (layout, r, c, k, &mark);
          nf_compare_mark_colour (kind, style, &colour);
          g_assert_true (pixel_is (surface, mark.x + mark.width / 2, mark.y + mark.height / 2, &colour));
          checked++;
        }
  g_assert_cmpuint (checked, >, 0);
  cairo_surface_destroy (surface);

  /* The legend shows the same colours, swatch by swatch, on one line. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) legend_w,
                                        (int) ceil (nf_compare_legend_measure (FALSE, style, legend_w)));
  cr = cairo_create (surface);
  nf_compare_legend_render (cr, FALSE, style, legend_w);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  {
    guint found = 0;
    int h = cairo_image_surface_get_height (surface);

    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      {
        NfColour colour;

        nf_compare_mark_colour (kinds[i], style, &colour);
        for (int x = 0; x < (int) legend_w; x++)
          if (pixel_is (surface, x, h / 2.0, &colour))
            {
              found++;
              break;
            }
      }
    g_assert_cmpuint (found, ==, G_N_ELEMENTS (kinds));
  }
  cairo_surface_destroy (surface);

  g_assert_true (nf_compare_render_to_png (cases.canvases, 4, NULL, 1366, 1.0, style, path, &error));
  g_assert_no_error (error);
  g_test_message ("wrote %s", path);
  cases_clear (&cases);
}

/* CIE L*a*b* of an sRGB colour (D65), to tell how far apart two look. */
static void
to_lab (const NfColour *c,
        double          lab[3])
{
  double rgb[3] = { c->red, c->green, c->blue }, xyz[3], f[3];
  static const double white[3] = { 0.95047, 1.0, 1.08883 };

  for (guint i = 0; i < 3; i++)
    rgb[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
  xyz[0] = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2];
  xyz[1] = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  xyz[2] = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2];
  for (guint i = 0; i < 3; i++)
    {
      double t = xyz[i] / white[i];

      f[i] = t > 0.008856 ? cbrt (t) : 7.787 * t + 16.0 / 116;
    }
  lab[0] = 116 * f[1] - 16;
  lab[1] = 500 * (f[0] - f[1]);
  lab[2] = 200 * (f[1] - f[2]);
}

static double
colour_distance (const NfColour *a,
                 const NfColour *b)
{
  double x[3], y[3];

  to_lab (a, x);
  to_lab (b, y);
  return sqrt ((x[0] - y[0]) * (x[0] - y[0]) + (x[1] - y[1]) * (x[1] - y[1]) +
               (x[2] - y[2]) * (x[2] - y[2]));
}

/* A mark must not pass for a note's evidence level (the bar and chip on
 * the other side of the same card) nor for another mark of its legend:
 * a near match was Reported's purple, "in some" Tested's blue, "only
 * here" Assumption's orange. 25 in L*a*b* is far apart (2.3 is just
 * noticeable); a mark keeps 3:1 against the card and the block but for
 * "shared", which is meant to recede. An addition is still green, but
 * not Validated's. */
static void
test_mark_colours (void)
{
  const NfDiffKind companies[] = { NF_DIFF_SHARED, NF_DIFF_SOME, NF_DIFF_ONLY, NF_DIFF_NEAR };
  const NfDiffKind versions[] = { NF_DIFF_ADDED, NF_DIFF_REMOVED, NF_DIFF_CHANGED, NF_DIFF_MOVED,
                                  NF_DIFF_REORDERED };
  const struct { const NfDiffKind *kinds; guint n; } legends[] = {
    { companies, G_N_ELEMENTS (companies) }, { versions, G_N_ELEMENTS (versions) },
  };

  for (guint dark = 0; dark < 2; dark++)
    for (guint l = 0; l < G_N_ELEMENTS (legends); l++)
      for (guint i = 0; i < legends[l].n; i++)
        {
          g_autoptr(NfGridStyle) style = dark ? nf_grid_style_new_dark () : nf_grid_style_new_light ();
          NfDiffKind kind = legends[l].kinds[i];
          NfColour mark;

          nf_compare_mark_colour (kind, style, &mark);
          for (NfEvidence e = NF_EVIDENCE_ASSUMPTION; e < NF_EVIDENCE_N_LEVELS; e++)
            {
              g_test_message ("%s: mark %d vs evidence %d: %.1f", dark ? "dark" : "light", kind, e,
                              colour_distance (&mark, &style->evidence[e]));
              g_assert_cmpfloat (colour_distance (&mark, &style->evidence[e]), >=, 25);
            }
          for (guint j = i + 1; j < legends[l].n; j++)
            {
              NfColour other;

              nf_compare_mark_colour (legends[l].kinds[j], style, &other);
              g_assert_cmpfloat (colour_distance (&mark, &other), >=, 25);
            }
          if (kind == NF_DIFF_SHARED)
            continue;
          g_assert_cmpfloat (nf_test_contrast (&mark, &style->card_fill), >=, 3);
          g_assert_cmpfloat (nf_test_contrast (&mark, &style->block_fill), >=, 3);
        }
}

static void
test_render_light (void)
{
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();

  check_render (style, "compare-cases-light.png");
}

static void
test_render_dark (void)
{
  g_autoptr(NfGridStyle) style = nf_grid_style_new_dark ();

  check_render (style, "compare-cases-dark.png");
}

/* Chinese notes wrap inside narrow columns at 1366 × 768's width. */
static void
test_chinese (void)
{
  Cases cases;
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfCompareLayout) layout = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "compare-cases-zh.png", NULL);
  g_autoptr(GError) error = NULL;

  cases_load (&cases);
  layout = nf_compare_layout_new (cases.canvases, 4);
  nf_compare_layout_set_language (layout, NF_COMPARE_LANG_ZH);
  nf_compare_layout_allocate (layout, style, 1000, 0);
  assert_cards_inside (layout);
  g_assert_true (nf_compare_render_to_png (cases.canvases, 4, "zh", 1000, 1.0, style, path, &error));
  g_assert_no_error (error);
  cases_clear (&cases);
}

static void
test_metrics (void)
{
  Cases cases;
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfCompareMetrics) metrics = NULL;
  double last = 0;
  double column_bottom[4] = { 0, 0, 0, 0 };

  cases_load (&cases);
  metrics = nf_compare_metrics_new (cases.canvases, 4);
  nf_compare_metrics_allocate (metrics, style, 1366, 0);
  {
    const NfDiffMetrics *diff = nf_compare_metrics_get_metrics (metrics);
    guint total = nf_diff_metrics_get_n_rows (diff);

    for (guint i = 0; i < 4; i++)
      total += nf_diff_metrics_get_n_unaligned (diff, i);
    g_assert_cmpuint (nf_compare_metrics_get_n_rows (metrics), ==, total);
  }
  g_assert_cmpuint (nf_compare_metrics_get_n_rows (metrics), >, 0);
  for (guint r = 0; r < nf_compare_metrics_get_n_rows (metrics); r++)
    {
      NfRect rect;
      const NfDiffMetricRow *row = nf_compare_metrics_get_row (metrics, r, &rect);
      g_autofree char *label = nf_compare_metrics_describe_row (metrics, r);
      int only = nf_compare_metrics_get_row_canvas (metrics, r);

      g_assert_cmpfloat (rect.x + rect.width, <=, 1366);
      if (only < 0)
        {
          /* An aligned row spans every company's column. */
          g_assert_cmpfloat (rect.y, >=, last);
          last = rect.y + rect.height;
          g_assert_cmpuint (row->n_present, >=, 2);
          g_assert_nonnull (strstr (label, "Alibaba"));
        }
      else
        {
          /* A figure only one company has sits in that company's column,
           * one under another, and says whose it is. */
          g_assert_cmpuint (row->n_present, ==, 1);
          g_assert_true (row->present[only]);
          g_assert_cmpfloat (rect.y, >=, column_bottom[only]);
          g_assert_cmpfloat (rect.width, <, 1366 / 4.0);
          column_bottom[only] = rect.y + rect.height;
          last = MAX (last, column_bottom[only]);
          g_assert_nonnull (strstr (label, nf_canvas_get_company (cases.canvases[only])));
        }
    }
  g_assert_cmpfloat (nf_compare_metrics_get_height (metrics), >=, last);
  /* The four cases share no measure: said in words, not left to look
   * broken. */
  g_assert_cmpuint (nf_diff_metrics_get_n_rows (nf_compare_metrics_get_metrics (metrics)), ==, 0);
  g_assert_nonnull (strstr (nf_compare_metrics_get_footnote (metrics), "No measure is shared"));
  /* In English, Shupao's figures are labelled through its translations. */
  nf_compare_metrics_set_language (metrics, "en");
  nf_compare_metrics_allocate (metrics, style, 1366, 0);
  {
    gboolean team = FALSE;

    for (guint r = 0; r < nf_compare_metrics_get_n_rows (metrics); r++)
      {
        g_autofree char *label = nf_compare_metrics_describe_row (metrics, r);

        g_assert_null (strstr (label, "团队人数"));
        team |= strstr (label, "Team size") != NULL;
      }
    g_assert_true (team);
  }
  nf_compare_metrics_set_language (metrics, NULL);
  nf_compare_metrics_allocate (metrics, style, 1366, 0);
  {
    g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "compare-metrics.png", NULL);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1366,
                                                           (int) ceil (nf_compare_metrics_get_height (metrics)));
    cairo_t *cr = cairo_create (surface);

    nf_compare_metrics_render (cr, metrics, style);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
  }

  nf_compare_metrics_allocate (metrics, style, 1366, 200);
  g_assert_cmpfloat (nf_compare_metrics_get_height (metrics), <=, 200 + 40);
  cases_clear (&cases);
}

/* A card's tooltip names what its mark means; a near match names the
 * other company's note and the similarity. The four cases' cost drivers
 * (Bitauto's and Alibaba's "Biggest cost driver is…") are one. */
static void
test_describe_card (void)
{
  Cases cases;
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfCompareLayout) layout = NULL;
  guint near = 0, only = 0;
  gboolean cost_drivers = FALSE;

  cases_load (&cases);
  layout = nf_compare_layout_new (cases.canvases, 4);
  nf_compare_layout_allocate (layout, style, 1366, 0);
  for (guint r = 0; r < nf_compare_layout_get_n_rows (layout); r++)
    for (guint c = 0; c < 4; c++)
      for (guint k = 0; k < nf_compare_layout_get_n_cards (layout, r, c); k++)
        {
          NfDiffKind kind;
          NfNote *note = nf_compare_layout_get_card_note (layout, r, c, k, &kind, NULL);
          const NfDiffEntry *entry = nf_compare_layout_get_card_entry (layout, r, c, k);
          g_autofree char *text = nf_compare_layout_describe_card (layout, r, c, k);

          g_assert_nonnull (entry);
          g_assert_true (entry->notes[c] == note);
          g_assert_nonnull (text);
          if (kind == NF_DIFF_ONLY)
            {
              g_assert_true (g_str_has_prefix (text, "Only in "));
              g_assert_nonnull (strstr (text, nf_compare_layout_get_canvas_name (layout, c)));
              only++;
            }
          else if (kind == NF_DIFF_NEAR)
            {
              g_assert_true (g_str_has_prefix (text, "Near match (similarity 0."));
              near++;
              if (c == 0 && strstr (nf_text_get (nf_note_get_text (note)), "Biggest cost driver") &&
                  strstr (text, "in Alibaba: “Biggest cost driver is cost of revenue"))
                cost_drivers = TRUE;
            }
        }
  g_test_message ("%u near-match cards, %u only-here cards", near, only);
  g_assert_cmpuint (near, >=, 2);
  g_assert_true (cost_drivers);
  cases_clear (&cases);
}

/* Two canvases of two companies: a note in one of them is marked, drawn
 * (its stripe takes the card's kind) and told as the legend says ("Only
 * here"), not as one version's addition or removal. */
static void
test_two_companies (void)
{
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfCompareLayout) layout = NULL;
  NfCanvas *canvases[2];
  guint n_only = 0;

  canvases[0] = nf_canvas_load_case (0, NULL);
  canvases[1] = nf_canvas_load_case (1, NULL);
  layout = nf_compare_layout_new (canvases, 2);
  g_assert_false (nf_diff_is_versions (nf_compare_layout_get_diff (layout)));
  nf_compare_layout_allocate (layout, style, 1366, 0);
  for (guint r = 0; r < nf_compare_layout_get_n_rows (layout); r++)
    for (guint c = 0; c < 2; c++)
      for (guint k = 0; k < nf_compare_layout_get_n_cards (layout, r, c); k++)
        {
          NfDiffKind kind;
          g_autofree char *text = NULL;

          nf_compare_layout_get_card_note (layout, r, c, k, &kind, NULL);
          g_assert_cmpint (kind, !=, NF_DIFF_ADDED);
          g_assert_cmpint (kind, !=, NF_DIFF_REMOVED);
          if (nf_compare_layout_get_card_entry (layout, r, c, k)->kind != NF_DIFF_ADDED &&
              nf_compare_layout_get_card_entry (layout, r, c, k)->kind != NF_DIFF_REMOVED)
            continue;
          g_assert_cmpint (kind, ==, NF_DIFF_ONLY);
          text = nf_compare_layout_describe_card (layout, r, c, k);
          g_assert_true (g_str_has_prefix (text, "Only in "));
          g_assert_nonnull (strstr (text, nf_compare_layout_get_canvas_name (layout, c)));
          n_only++;
        }
  g_assert_cmpuint (n_only, >, 0);
  g_object_unref (canvases[0]);
  g_object_unref (canvases[1]);
}

/* Two versions of one company: the columns and the metrics beneath them
 * call each by the same name, told apart by its label, else its place. */
static void
test_version_names (void)
{
  g_autoptr(NfCanvas) before = nf_canvas_load_case (2, NULL);
  g_autoptr(NfCanvas) after = nf_canvas_load_case (2, NULL);
  g_autoptr(NfCanvas) again = nf_canvas_load_case (2, NULL);
  g_autoptr(NfCompareLayout) layout = NULL;
  g_autoptr(NfCompareMetrics) metrics = NULL;
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autofree char *row = NULL;

  nf_canvas_set_label (after, "After the workshop");
  layout = nf_compare_layout_new ((NfCanvas *[]) { before, after, again }, 3);
  metrics = nf_compare_metrics_new ((NfCanvas *[]) { before, after, again }, 3);
  g_assert_cmpstr (nf_compare_layout_get_canvas_name (layout, 0), ==, "Senmiao Technology (1)");
  g_assert_cmpstr (nf_compare_layout_get_canvas_name (layout, 1), ==, "Senmiao Technology — After the workshop");
  g_assert_cmpstr (nf_compare_layout_get_canvas_name (layout, 2), ==, "Senmiao Technology (3)");
  nf_compare_metrics_allocate (metrics, style, 1366, 0);
  row = nf_compare_metrics_describe_row (metrics, 0);
  g_test_message ("%s", row);
  for (guint i = 0; i < 3; i++)
    g_assert_nonnull (strstr (row, nf_compare_layout_get_canvas_name (layout, i)));
}

static NfCanvas *
revenue_canvas (const char *company,
                const char *currency,
                const char *amount)
{
  NfCanvas *canvas = nf_canvas_new ();
  g_autoptr(NfText) heading = nf_text_new ("Revenue");
  g_autoptr(NfMetricTable) table = nf_metric_table_new ("t1", heading);
  g_autoptr(NfText) year = nf_text_new ("Year");
  g_autoptr(NfText) name = nf_text_new ("Revenue");
  g_autoptr(GError) error = NULL;
  const char *cells[] = { "2023", amount };

  nf_canvas_set_company (canvas, company);
  g_assert_true (nf_canvas_insert_table (canvas, 0, table, &error));
  g_assert_no_error (error);
  nf_canvas_insert_table_column (canvas, table, 0, year, NF_COLUMN_YEAR, NULL);
  nf_canvas_insert_table_column (canvas, table, 1, name, NF_COLUMN_MONEY, currency);
  nf_canvas_insert_table_row (canvas, table, 0, cells);
  return canvas;
}

/* A stated rate makes yuan and dollars one row with a delta, the
 * converted figure marked "≈" with its rate, and the bars in each
 * company's colour. */
static void
test_metrics_rates (void)
{
  g_autoptr(NfCanvas) a = revenue_canvas ("Yuan Co", "CNY", "100 million");
  g_autoptr(NfCanvas) b = revenue_canvas ("Dollar Inc", "USD", "20 million");
  g_autoptr(NfRate) rate = nf_rate_new ("USD", "CNY", 7, "2023-12-31");
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfCompareMetrics) before = nf_compare_metrics_new ((NfCanvas *[]) { a, b }, 2);
  g_autoptr(NfCompareMetrics) metrics = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "compare-metrics-rate.png", NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  NfRect rect;
  const NfDiffMetricRow *row;

  nf_compare_metrics_allocate (before, style, 900, 0);
  plain = nf_compare_metrics_describe_row (before, 0);
  g_assert_null (strstr (plain, "≈"));
  g_assert_false (nf_compare_metrics_get_row (before, 0, NULL)->comparable);

  nf_canvas_set_rate (b, rate);
  metrics = nf_compare_metrics_new ((NfCanvas *[]) { a, b }, 2);
  nf_compare_metrics_allocate (metrics, style, 900, 0);
  row = nf_compare_metrics_get_row (metrics, 0, &rect);
  g_assert_true (row->comparable);
  converted = nf_compare_metrics_describe_row (metrics, 0);
  g_test_message ("%s", converted);
  g_assert_nonnull (strstr (converted, "≈ 140 million yuan (1 USD = 7 CNY, 2023-12-31)"));
  g_assert_nonnull (strstr (converted, "$20 million"));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900,
                                        (int) ceil (nf_compare_metrics_get_height (metrics)));
  cr = cairo_create (surface);
  nf_compare_metrics_render (cr, metrics, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);

  /* Each bar in its company's colour: find both colours below the rows. */
  {
    NfColour colours[2];
    gboolean found[2] = { FALSE, FALSE };
    guchar *data;
    int stride;

    cairo_surface_flush (surface);
    data = cairo_image_surface_get_data (surface);
    stride = cairo_image_surface_get_stride (surface);
    for (guint c = 0; c < 2; c++)
      nf_compare_canvas_colour (c, style, &colours[c]);
    for (int y = (int) (rect.y + rect.height); y < cairo_image_surface_get_height (surface); y++)
      for (int x = 0; x < 900; x++)
        {
          guint32 px = *(guint32 *) (data + y * stride + x * 4);

          for (guint c = 0; c < 2; c++)
            if (abs ((int) ((px >> 16) & 0xff) - (int) round (colours[c].red * 255)) <= 2 &&
                abs ((int) ((px >> 8) & 0xff) - (int) round (colours[c].green * 255)) <= 2 &&
                abs ((int) (px & 0xff) - (int) round (colours[c].blue * 255)) <= 2)
              found[c] = TRUE;
        }
    g_assert_true (found[0]);
    g_assert_true (found[1]);
  }
  cairo_surface_destroy (surface);
}

static gboolean
has_background (PangoLayout *layout)
{
  PangoAttrList *attrs = pango_layout_get_attributes (layout);
  PangoAttrIterator *iter;
  gboolean any = FALSE;

  if (attrs == NULL)
    return FALSE;
  iter = pango_attr_list_get_iterator (attrs);
  do
    any |= pango_attr_iterator_get (iter, PANGO_ATTR_BACKGROUND) != NULL;
  while (pango_attr_iterator_next (iter));
  pango_attr_iterator_destroy (iter);
  return any;
}

/* Two versions of one company: a removed note, a changed one with its new
 * words highlighted, the rest unchanged. */
static void
test_versions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) now = nf_canvas_load_case (1, &error);
  g_autoptr(NfCanvas) then = NULL;
  g_autoptr(NfCompareLayout) layout = NULL;
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "compare-versions.png", NULL);
  g_autoptr(NfNote) gone = NULL;
  g_autoptr(NfNote) edited = NULL;
  g_autoptr(NfText) text = NULL;
  NfSnapshot *snapshot;
  guint counts[NF_DIFF_NEAR + 1] = { 0 };
  NfCanvas *pair[2];

  g_assert_no_error (error);
  snapshot = nf_canvas_take_snapshot (now, "before", NULL);
  then = nf_canvas_new_from_snapshot (now, snapshot);
  gone = g_list_model_get_item (nf_canvas_get_notes (now, NF_BLOCK_KEY_PARTNERS), 0);
  nf_canvas_remove_note (now, gone);
  edited = g_list_model_get_item (nf_canvas_get_notes (now, NF_BLOCK_KEY_ACTIVITIES), 0);
  text = nf_text_new ("Maintaining a robust common marketplace between two parties: buyers and sellers.");
  nf_canvas_set_note_text (now, edited, text);

  pair[0] = then;
  pair[1] = now;
  layout = nf_compare_layout_new (pair, 2);
  g_assert_true (nf_diff_is_versions (nf_compare_layout_get_diff (layout)));
  nf_compare_layout_allocate (layout, style, 1000, 0);
  assert_cards_inside (layout);
  for (guint r = 0; r < nf_compare_layout_get_n_rows (layout); r++)
    for (guint c = 0; c < 2; c++)
      {
        NfCompareCellSummary summary;

        nf_compare_layout_get_cell_summary (layout, r, c, &summary);
        for (guint k = 0; k <= NF_DIFF_NEAR; k++)
          counts[k] += summary.n_marked[k];
      }
  g_assert_cmpuint (counts[NF_DIFF_REMOVED], ==, 1);
  g_assert_cmpuint (counts[NF_DIFF_CHANGED], ==, 2);
  g_assert_cmpuint (counts[NF_DIFF_SHARED], >, 10);
  g_assert_cmpuint (counts[NF_DIFF_ONLY], ==, 0);
  g_assert_cmpstr (nf_compare_layout_get_canvas_name (layout, 0), !=,
                   nf_compare_layout_get_canvas_name (layout, 1));
  /* Both sides of the changed note mark their own words; others none. */
  for (guint r = 0; r < nf_compare_layout_get_n_rows (layout); r++)
    for (guint c = 0; c < 2; c++)
      {
        const NfCompareCell *cell = &_nf_compare_layout_get_row (layout, r)->cells[c];

        for (guint k = 0; k < cell->cards->len; k++)
          {
            const NfCompareCard *card = &g_array_index (cell->cards, NfCompareCard, k);

            g_assert_cmpint (has_background (nf_card_layout_get_text_layout (card->card)), ==,
                             card->kind == NF_DIFF_CHANGED);
          }
      }
  g_assert_true (nf_compare_render_to_png (pair, 2, NULL, 1000, 1.0, style, path, &error));
  g_assert_no_error (error);
}

static void
test_format (void)
{
  /* The compare view writes figures through the core's one formatter. */
  struct { double v; NfNumberKind k; const char *currency, *unit, *lang, *out; } cases[] = {
    { 9500000, NF_NUMBER_KIND_MONEY, "USD", NULL, NULL, "$9.5 million" },
    { 31500000000, NF_NUMBER_KIND_MONEY, "USD", NULL, "en", "$31.5 billion" },
    { 0.15, NF_NUMBER_KIND_PERCENT, NULL, NULL, NULL, "15%" },
    { 25000, NF_NUMBER_KIND_COUNT, NULL, "vehicles", NULL, "25,000 vehicles" },
    { 22351000, NF_NUMBER_KIND_OTHER, NULL, NULL, "zh", "2,235.1万" },
    { 320000000, NF_NUMBER_KIND_MONEY, "CNY", NULL, "zh-CN", "3.2亿元" },
    { 2019, NF_NUMBER_KIND_YEAR, NULL, NULL, NULL, "2019" },
    { -12.5, NF_NUMBER_KIND_OTHER, NULL, NULL, NULL, "-12.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = nf_number_format_value (cases[i].v, cases[i].k, cases[i].currency, cases[i].unit,
                                                   NF_NUMBER_EXACT, FALSE, cases[i].lang);

      g_assert_cmpstr (s, ==, cases[i].out);
    }
}

/* A chart reads a cell's own type: two sums of money typed in a column
 * of words (Senmiao's t6) make one chart; the untyped words none. */
static void
test_chart_typed_cells (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.3\" xml:lang=\"en\">"
    "<metadata><company>C</company><title>C</title></metadata>"
    "<block kind=\"key-partners\"/><block kind=\"key-activities\"/><block kind=\"key-resources\"/>"
    "<block kind=\"value-propositions\"/><block kind=\"customer-relationships\"/>"
    "<block kind=\"channels\"/><block kind=\"customer-segments\"/><block kind=\"cost-structure\"/>"
    "<block kind=\"revenue-streams\"/>"
    "<metrics><table id=\"t1\"><title>Service</title>"
    "<column type=\"text\"><name>Aspect</name></column>"
    "<column type=\"text\"><name>Investment</name></column>"
    "<row><cell>Customer service</cell>"
    "<cell type=\"money\" unit=\"USD\" value=\"1500000\">$1.5 million investment in 2023</cell></row>"
    "<row><cell>Loyalty</cell>"
    "<cell type=\"money\" unit=\"USD\" value=\"400000\">$400,000 in 2023</cell></row>"
    "<row><cell>Feedback</cell><cell>N/A</cell></row>"
    "</table></metrics></canvas>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_from_data (xml, strlen (xml), "t.ninefold", &error);
  g_autoptr(NfMetricTable) table = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  NfChartGroup *group;

  g_assert_no_error (error);
  table = g_list_model_get_item (nf_canvas_get_tables (canvas), 0);
  groups = nf_chart_groups_new (table);
  g_assert_cmpuint (groups->len, ==, 1);
  group = g_ptr_array_index (groups, 0);
  g_assert_cmpint (group->kind, ==, NF_FIGURE_MONEY);
  g_assert_cmpuint (group->bars->len, ==, 2);
  g_assert_cmpuint (g_array_index (group->bars, NfChartBar, 1).row, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/layout", test_layout);
  g_test_add_func ("/compare/font-search", test_font_search);
  g_test_add_func ("/compare/height-limit", test_height_limit);
  g_test_add_func ("/compare/render-light", test_render_light);
  g_test_add_func ("/compare/render-dark", test_render_dark);
  g_test_add_func ("/compare/mark-colours", test_mark_colours);
  g_test_add_func ("/compare/chinese", test_chinese);
  g_test_add_func ("/compare/describe-card", test_describe_card);
  g_test_add_func ("/compare/two-companies", test_two_companies);
  g_test_add_func ("/compare/metrics", test_metrics);
  g_test_add_func ("/compare/metrics-rates", test_metrics_rates);
  g_test_add_func ("/compare/version-names", test_version_names);
  g_test_add_func ("/compare/versions", test_versions);
  g_test_add_func ("/compare/format", test_format);
  g_test_add_func ("/compare/chart-typed-cells", test_chart_typed_cells);

  return g_test_run ();
}
