/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-card-line"

#include "config.h"

#include <string.h>

#include <ninefold.h>
#include <nf-render.h>

#include "nf-card-cache-private.h"
#include "nf-card-layout-private.h"

/* A one-line card, and a card of two or three lines, is laid out from
 * the beginning of its text only (issue 13: the whole text cost the
 * 1,000-note first frame most of its instructions, and a resize frame a
 * sixth of its own). What it shows must be what the whole text shows:
 * every card here is drawn from its beginning, then from its whole text
 * (what nf_card_layout_get_text_layout() gives), and the pixels
 * compared. */

static cairo_surface_t *
draw_card (NfCardLayout      *card,
           const NfGridStyle *style,
           double             scale)
{
  int w = (int) ((nf_card_layout_get_width (card) + 8) * scale);
  int h = (int) ((nf_card_layout_get_height (card) + 8) * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  cairo_translate (cr, 4, 4);
  nf_card_render (cr, card, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  return cairo_image_surface_get_width (a) == cairo_image_surface_get_width (b) &&
         h == cairo_image_surface_get_height (b) &&
         memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) h * (gsize) stride) == 0;
}

/* Draws a clamped card (one line, or `max_lines` lines) placed, first
 * as the grid draws it, then from its whole text; both must match.
 * Returns whether the first drawing held only the beginning of the
 * text. */
static gboolean
check_card (NfCardLayout      *card,
            const NfGridStyle *style,
            const char        *whole,
            guint              max_lines)
{
  cairo_surface_t *cut_1x, *cut_2x, *whole_1x, *whole_2x;
  gboolean truncated, was_cut;
  guint n_lines = 0, whole_lines = 0;
  double shown_h;

  g_assert_cmpint (nf_card_layout_get_density (card), ==,
                   max_lines > 0 ? NF_CARD_LINES : NF_CARD_LINE);
  /* Laid out before its size is read: a line of taller glyphs (missing
   * ones drawn as boxes) makes the card taller once laid out, on either
   * path. */
  was_cut = _nf_card_layout_get_text_cut (card) > 0;
  cut_1x = draw_card (card, style, 1.0);
  cut_2x = draw_card (card, style, 2.0);
  truncated = nf_card_layout_get_truncated (card);
  shown_h = _nf_card_layout_get_shown_text_height (card, &n_lines);
  if (max_lines == 0)
    g_assert_cmpuint (n_lines, ==, 1);
  else
    g_assert_cmpuint (n_lines, <=, max_lines);
  if (was_cut)
    {
      g_assert_true (truncated);
      g_assert_cmpuint (_nf_card_layout_get_text_cut (card), <, strlen (whole));
    }

  /* The whole text, for whoever reads the layout (tooltips, the compare
   * view's word marks, accessibility). */
  g_assert_cmpstr (pango_layout_get_text (nf_card_layout_get_text_layout (card)), ==, whole);
  g_assert_cmpuint (_nf_card_layout_get_text_cut (card), ==, 0);
  whole_1x = draw_card (card, style, 1.0);
  whole_2x = draw_card (card, style, 2.0);
  g_assert_cmpint (nf_card_layout_get_truncated (card), ==, truncated);
  g_assert_cmpfloat (_nf_card_layout_get_shown_text_height (card, &whole_lines), ==, shown_h);
  g_assert_cmpuint (whole_lines, ==, n_lines);
  if (!same_pixels (cut_1x, whole_1x) || !same_pixels (cut_2x, whole_2x))
    {
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), "card-line-cut.png", NULL);

      g_autofree char *path2 = g_build_filename (g_get_tmp_dir (), "card-line-whole.png", NULL);

      cairo_surface_write_to_png (cut_1x, path);
      cairo_surface_write_to_png (whole_1x, path2);
      g_test_message ("drawn from the beginning: %s", path);
      g_error ("\"%s\" at width %g: the beginning draws other pixels than the whole text",
               whole, nf_card_layout_get_width (card));
    }
  cairo_surface_destroy (cut_1x);
  cairo_surface_destroy (cut_2x);
  cairo_surface_destroy (whole_1x);
  cairo_surface_destroy (whole_2x);
  return was_cut;
}

/* Texts whose breaking a cut could change: words longer than a line,
 * ligatures and kerning at the cut, Han text (a break between any two
 * characters), mixed scripts, punctuation that must not start or end a
 * line, combining marks and emoji sequences, and the kinds the cut
 * leaves whole (paragraphs, right-to-left). */
static const char *texts[] = {
  "Dealers pay for leads through the platform, with a monthly subscription for analytics and "
  "a share of every financing deal closed through the marketplace",
  "经销商通过平台购买线索，按月订阅数据分析服务，并从每一笔通过平台达成的金融交易中分成，"
  "合作伙伴包括银行、保险公司和物流企业",
  "与JD.com合作 revenue 营收 grew 35% year on year（2023年）to ¥1.2 billion, “Bitauto’s” "
  "biggest channel",
  "Supercalifragilisticexpialidociousandevenlongerwordsthatnolineholds followed by words",
  "https://example.com/a/very/long/path/that/has/no/spaces/at/all/but/slashes/and/more/of/them",
  "office efficient fluffy affine waffle official effluent offshore affluent sufficient "
  "offering afflicted",
  "AVAVAV Type LTA WAVE Vacation Toyota Yamaha AWAY AVATAR WAVY TAVERN VOYAGE",
  "Cafe\xcc\x81s na\xc3\xafve e\xcc\x81le\xcc\x80ve, re\xcc\x81sume\xcc\x81 "
  "co\xcc\x88operate, fac\xcc\xa7" "ade and more accented words to fill the lines",
  "Teams \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb and families "
  "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 use the app "
  "\xf0\x9f\x9a\x97\xf0\x9f\x9a\x97\xf0\x9f\x9a\x97 every single day of the week",
  "A short one",
  "First paragraph here\nsecond paragraph\nthird one with more words in it than fit",
  "Revenue \xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9 mixed with Arabic "
  "\xd9\x86\xd8\xb5 in the middle of a long line of words",
  "   leading spaces and    runs   of    spaces    between     words     everywhere    ",
  "数跑科技为汽车经销商提供SaaS系统，客户超过3,000家，年收入约1.2亿元人民币。",
};

static void
test_cut_texts (void)
{
  g_autoptr(NfGridStyle) light = nf_grid_style_new_light ();
  g_autoptr(NfGridStyle) dark = nf_grid_style_new_dark ();
  const NfGridStyle *styles[] = { light, dark };
  guint n_cut = 0, n = 0, n_line_cut = 0, n_line = 0;

  for (guint l = 0; l < 2; l++)
    {
      g_autoptr(GObject) context = G_OBJECT (nf_render_pango_context_new (l == 0 ? "en"
                                                                                 : "zh-cn"));

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_autoptr(NfText) text = nf_text_new (texts[t]);
          g_autoptr(NfNote) note = nf_note_new ("n1", text);
          const NfGridStyle *style = styles[t % 2];

          /* A card of its own for each kind: one laid out whole at a
           * size clamps from that (as after the grid's measures), not
           * from its beginning. */
          for (guint lines = 0; lines <= 3; lines += lines == 0 ? 2 : 1)
            {
              g_autoptr(NfCardLayout) card = nf_card_layout_new (PANGO_CONTEXT (context), note,
                                                                 NULL);

              for (double width = 40; width <= 420; width += 11)
                for (guint f = 0; f < 2; f++)
                  {
                    double size = f == 0 ? style->base_font_size : style->min_font_size;
                    gboolean cut;

                    nf_card_layout_apply_density (card, style, width, size,
                                                  lines == 0 ? NF_CARD_LINE : NF_CARD_LINES,
                                                  lines);
                    cut = check_card (card, style, texts[t], lines);
                    n_cut += cut;
                    n_line_cut += cut && lines == 0;
                    n_line += lines == 0;
                    n++;
                  }
            }
        }
    }
  /* The cut is taken for most of them (else this compared nothing). */
  g_test_message ("%u of %u cards laid out from their beginning (one-line: %u of %u)", n_cut, n,
                  n_line_cut, n_line);
  g_assert_cmpuint (n_line_cut, >, n_line / 3);
  g_assert_cmpuint (n_cut - n_line_cut, >, (n - n_line) / 5);
}

/* A window resized a pixel at a time: a card cut from the beginning of
 * its text keeps that beginning while its shown lines break where they
 * did (it is not laid out again), and must draw, measure and cut just as
 * a card laid out afresh at each width does. */
static void
test_cut_kept (void)
{
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  guint n_kept = 0, n = 0;

  for (guint l = 0; l < 2; l++)
    {
      g_autoptr(GObject) context = G_OBJECT (nf_render_pango_context_new (l == 0 ? "en"
                                                                                 : "zh-cn"));

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_autoptr(NfText) text = nf_text_new (texts[t]);
          g_autoptr(NfNote) note = nf_note_new ("n1", text);

          for (guint lines = 0; lines <= 4; lines += lines == 0 ? 2 : 2)
            {
              g_autoptr(NfCardLayout) swept = nf_card_layout_new (PANGO_CONTEXT (context), note,
                                                                  NULL);
              guint last_serial = 0;
              gboolean was_cut = FALSE;

              /* Narrower a pixel at a time, then wider. */
              for (int step = 0; step < 120; step++)
                {
                  double width = step < 80 ? 260 - step : 180 + 2 * (step - 80);
                  NfCardDensity density = lines == 0 ? NF_CARD_LINE : NF_CARD_LINES;
                  g_autoptr(NfCardLayout) fresh = nf_card_layout_new (PANGO_CONTEXT (context),
                                                                      note, NULL);
                  double size = style->base_font_size;
                  cairo_surface_t *a, *b;
                  guint lines_a = 0, lines_b = 0;
                  PangoLayout *drawn;

                  nf_card_layout_apply_density (swept, style, width, size, density, lines);
                  nf_card_layout_apply_density (fresh, style, width, size, density, lines);
                  a = draw_card (swept, style, 1.0);
                  b = draw_card (fresh, style, 1.0);
                  drawn = _nf_card_layout_get_drawn_layout (swept);
                  if (was_cut && _nf_card_layout_get_text_cut (swept) > 0 &&
                      pango_layout_get_serial (drawn) == last_serial)
                    n_kept++;
                  was_cut = _nf_card_layout_get_text_cut (swept) > 0;
                  last_serial = pango_layout_get_serial (drawn);
                  n++;
                  g_assert_cmpfloat (nf_card_layout_get_height (swept), ==,
                                     nf_card_layout_get_height (fresh));
                  g_assert_cmpint (nf_card_layout_get_truncated (swept), ==,
                                   nf_card_layout_get_truncated (fresh));
                  g_assert_cmpfloat (_nf_card_layout_get_shown_text_height (swept, &lines_a), ==,
                                     _nf_card_layout_get_shown_text_height (fresh, &lines_b));
                  g_assert_cmpuint (lines_a, ==, lines_b);
                  if (!same_pixels (a, b))
                    g_error ("\"%s\" at width %g after %g: a kept beginning draws other "
                             "pixels than a fresh one", texts[t], width,
                             step == 0 ? width : step < 80 ? width + 1 : width - 2);
                  cairo_surface_destroy (a);
                  cairo_surface_destroy (b);
                }
            }
        }
    }
  /* Most steps keep the lines (else this compared nothing). */
  g_test_message ("%u of %u steps kept the beginning laid out before", n_kept, n);
  g_assert_cmpuint (n_kept, >, n / 4);
}

/* A canvas of `n` notes of a few words each, English and Chinese. */
static NfCanvas *
many_notes (guint n)
{
  static const char *english[] = {
    "dealers", "platform", "advertising", "pricing", "data", "partners", "subscription",
    "drivers", "logistics", "merchants", "finance", "cloud", "customers", "channel",
  };
  static const char *chinese[] = {
    "经销商", "平台", "广告", "定价", "数据", "合作伙伴", "订阅", "司机", "物流", "商家",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  NfCanvas *canvas = nf_canvas_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      g_autofree char *id = g_strdup_printf ("n%u", i);
      gboolean zh = g_rand_int_range (rand, 0, 3) == 0;
      g_autoptr(NfText) text = NULL;
      g_autoptr(NfNote) note = NULL;
      g_autoptr(GError) error = NULL;
      NfBlock block = (NfBlock) g_rand_int_range (rand, 0, NF_N_BLOCKS);

      for (guint w = 0, nw = (guint) g_rand_int_range (rand, 4, 14); w < nw; w++)
        if (zh)
          g_string_append (s, chinese[g_rand_int_range (rand, 0, G_N_ELEMENTS (chinese))]);
        else
          g_string_append_printf (s, "%s%s", s->len > 0 ? " " : "",
                                  english[g_rand_int_range (rand, 0, G_N_ELEMENTS (english))]);
      text = nf_text_new (s->str);
      note = nf_note_new (id, text);
      g_assert_true (nf_canvas_insert_note (canvas, block,
                                            g_list_model_get_n_items (
                                              nf_canvas_get_notes (canvas, block)),
                                            note, &error));
      g_assert_no_error (error);
    }
  return canvas;
}

static cairo_surface_t *
draw_grid (NfGridLayout      *layout,
           const NfGridStyle *style,
           int                width,
           int                height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  _nf_grid_render_forget (layout);
  nf_grid_render (cr, layout, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The four cases and a 1,000-note canvas at the window's two sizes:
 * the grid drawn as it draws its one-line cards matches the grid drawn
 * with every card laid out from its whole text, and each one-line card
 * matches on its own. */
static void
test_cut_grids (void)
{
  static const int sizes[][2] = { { 1356, 630 }, { 1910, 942 } };
  g_autoptr(NfGridStyle) light = nf_grid_style_new_light ();
  g_autoptr(NfGridStyle) dark = nf_grid_style_new_dark ();
  guint n_line = 0, n_cut = 0;

  for (guint c = 0; c < 5; c++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(NfCanvas) canvas = c < 4 ? nf_canvas_load_case (c, &error) : many_notes (1000);
        const NfGridStyle *style = s == 0 ? light : dark;
        g_autoptr(NfGridLayout) layout = NULL;
        cairo_surface_t *cut, *whole;
        int w = sizes[s][0], h = sizes[s][1];

        g_assert_no_error (error);
        layout = nf_grid_layout_new (canvas, style, c < 4 && s == 0 ? "en" : NULL);
        nf_grid_layout_allocate (layout, w, h);
        cut = draw_grid (layout, style, w, h);
        for (guint b = 0; b < NF_N_BLOCKS; b++)
          for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, (NfBlock) b); i++)
            {
              NfCardLayout *card = nf_grid_layout_get_card (layout, (NfBlock) b, i, NULL);

              if (nf_card_layout_get_density (card) != NF_CARD_LINE &&
                  nf_card_layout_get_density (card) != NF_CARD_LINES)
                continue;
              n_line++;
              n_cut += _nf_card_layout_get_text_cut (card) > 0;
              (void) nf_card_layout_get_text_layout (card);
            }
        whole = draw_grid (layout, style, w, h);
        g_assert_true (same_pixels (cut, whole));
        cairo_surface_destroy (cut);
        cairo_surface_destroy (whole);

        /* Each card alone, freshly placed at another width. */
        for (guint b = 0; b < NF_N_BLOCKS; b++)
          for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, (NfBlock) b); i++)
            {
              NfCardLayout *card = nf_grid_layout_get_card (layout, (NfBlock) b, i, NULL);
              NfNote *note = nf_card_layout_get_note (card);
              const char *shown = nf_text_get (nf_note_get_text (note));

              NfCardDensity density = nf_card_layout_get_density (card);
              guint lines = density == NF_CARD_LINES ? 2 : 0;

              if ((density != NF_CARD_LINE && density != NF_CARD_LINES) || c < 4)
                continue;
              nf_card_layout_apply_density (card, style, nf_card_layout_get_width (card) - 3,
                                            nf_card_layout_get_font_size (card), density,
                                            lines);
              check_card (card, style, shown, lines);
            }
      }
  g_test_message ("%u clamped cards, %u laid out from their beginning", n_line, n_cut);
  /* The 1,000-note canvas shows one-line cards at both sizes. */
  g_assert_cmpuint (n_cut, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/card-line/cut-texts", test_cut_texts);
  g_test_add_func ("/card-line/cut-kept", test_cut_kept);
  g_test_add_func ("/card-line/cut-grids", test_cut_grids);
  return g_test_run ();
}
