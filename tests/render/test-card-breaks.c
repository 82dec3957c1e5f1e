/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-card-breaks"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include <ninefold.h>
#include <nf-render.h>

#include "nf-test-render.h"

#include "nf-card-layout-private.h"
#include "nf-render-private.h"

/* The grid's tries count a card's lines from its text shaped once
 * (nf-card-breaks.c) instead of having Pango break it at every width
 * (issues 13 and 18). A count must be Pango's, or none: these compare
 * them over hard texts, widths, sizes and resolutions, and whole grids
 * laid out with and without counting. */

static const char *texts[] = {
  "Dealers pay for leads through the platform, with a monthly subscription for analytics and "
  "a share of every financing deal closed through the marketplace",
  "经销商通过平台购买线索，按月订阅数据分析服务，并从每一笔通过平台达成的金融交易中分成，"
  "合作伙伴包括银行、保险公司和物流企业",
  "与JD.com合作 revenue 营收 grew 35% year on year（2023年）to ¥1.2 billion, “Bitauto’s” "
  "biggest channel",
  "dealers platform 经销商 advertising 平台广告 pricing data 合作伙伴 subscription 42",
  "客户 customers 渠道 channel 收入 revenue 线索 leads 服务 service 会员 membership 7",
  "Supercalifragilisticexpialidociousandevenlongerwordsthatnolineholds followed by words",
  "https://example.com/a/very/long/path/that/has/no/spaces/at/all/but/slashes/and/more/of/them",
  "See https://www.bitauto.com/about and http://ir.bitauto.com/ for the 2019 filings (F-1).",
  "office efficient fluffy affine waffle official effluent offshore affluent sufficient "
  "offering afflicted",
  "AVAVAV Type LTA WAVE Vacation Toyota Yamaha AWAY AVATAR WAVY TAVERN VOYAGE",
  "Cafe\xcc\x81s na\xc3\xafve e\xcc\x81le\xcc\x80ve, re\xcc\x81sume\xcc\x81 "
  "co\xcc\x88operate, fac\xcc\xa7" "ade and more accented words to fill the lines",
  "Teams \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb and families "
  "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 use the app "
  "\xf0\x9f\x9a\x97\xf0\x9f\x9a\x97\xf0\x9f\x9a\x97 every single day of the week",
  "A short one",
  "x",
  "First paragraph here\nsecond paragraph\nthird one with more words in it than fit",
  "Two lines\xe2\x80\xa8" "by a line separator and a\ttab",
  "Revenue \xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9 mixed with Arabic "
  "\xd9\x86\xd8\xb5 in the middle of a long line of words",
  "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd7\xa2\xd7\x95\xd7\x9c\xd7\x9d in Hebrew first, then "
  "English words",
  "   leading spaces and    runs   of    spaces    between     words     everywhere    ",
  "数跑科技为汽车经销商提供SaaS系统，客户超过3,000家，年收入约1.2亿元人民币。",
  "「平台」与“经销商”——合作？是的！（约三成）……《年报》第12页：收入、利润。",
  "soft\xc2\xad" "hyphen\xc2\xad" "ated words in\xc2\xad" "side a sen\xc2\xad" "tence that "
  "breaks",
  "non\xc2\xa0" "breaking\xc2\xa0" "spaces\xc2\xa0" "keep\xc2\xa0" "these\xc2\xa0" "words "
  "together on one line",
  "e-commerce, B2B/B2C, 24/7, Q3-2023, AI-driven, well-known, state-of-the-art pricing",
  "1,234,567.89 ¥ 3.5亿 $1.2B 45% +12.3% −7% 2019–2023 Q1/Q2",
  "Ein Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung ist lang",
  "ภาษาไทย ไม่มีช่องว่าง ระหว่างคำ แต่ตัดบรรทัดได้",
  "한국어 문장도 단어 사이에 띄어쓰기가 있습니다 and English",
  "日本語のテキストも、ひらがなとカタカナ、漢字が混ざっています。",
};

static PangoContext *
make_context (const char *lang,
              double      dpi)
{
  PangoContext *context = nf_render_pango_context_new (lang);

  if (dpi != 96)
    pango_cairo_context_set_resolution (context, dpi);
  return context;
}

/* Pango's own lines and height for the whole text at this size. */
static void
pango_counts (NfCardLayout      *card,
              const NfGridStyle *style,
              double             width,
              double             size,
              guint             *n_lines,
              double            *height)
{
  PangoLayout *layout;
  PangoRectangle logical;

  _nf_card_layout_apply_pango_clamp (card, style, width, size, NF_CARD_COMPACT, 0);
  layout = nf_card_layout_get_text_layout (card);
  pango_layout_get_extents (layout, NULL, &logical);
  *n_lines = (guint) pango_layout_get_line_count (layout);
  *height = ceil (logical.height / (double) PANGO_SCALE);
}

static void
test_agrees (void)
{
  g_autoptr(NfGridStyle) light = nf_grid_style_new_light ();
  const double sizes[] = { light->min_font_size, 10, 11, light->base_font_size, 14, 20 };
  guint misses = _nf_card_layout_get_n_count_misses ();
  guint n = 0, n_counted = 0;
  gboolean counted_text[G_N_ELEMENTS (texts)] = { FALSE };

  for (guint c = 0; c < 4; c++)
    {
      g_autoptr(GObject) context = G_OBJECT (make_context (c % 2 == 0 ? "en" : "zh-cn",
                                                           c < 2 ? 96 : 192));

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_autoptr(NfText) text = nf_text_new (texts[t]);
          g_autoptr(NfNote) note = nf_note_new ("n1", text);
          g_autoptr(NfCardLayout) card = nf_card_layout_new (PANGO_CONTEXT (context), note, NULL);

          for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
            for (double width = 30; width <= 420; width += 3.5)
              {
                guint counted_lines, lines;
                double counted_h, h;

                n++;
                if (!_nf_card_layout_count_lines (card, light, width, sizes[s], &counted_lines,
                                                  &counted_h))
                  continue;
                n_counted++;
                counted_text[t] = TRUE;
                pango_counts (card, light, width, sizes[s], &lines, &h);
                if (counted_lines != lines || counted_h != h)
                  g_error ("\"%s\" (context %u) at %g pt, width %g: counted %u lines %g px, "
                           "Pango %u lines %g px",
                           texts[t], c, sizes[s], width, counted_lines, counted_h, lines, h);
              }
        }
    }
  g_test_message ("%u of %u counted", n_counted, n);
  /* Most are counted (else this compared little), and what only Pango
   * can break never is: paragraphs, tabs and right-to-left runs. */
  g_assert_cmpuint (n_counted, >, n / 2);
  g_assert_true (counted_text[0] && counted_text[1] && counted_text[2] && counted_text[3]);
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    if (strchr (texts[t], '\n') != NULL || strchr (texts[t], '\t') != NULL ||
        strstr (texts[t], "\xd8\xa7") != NULL || strstr (texts[t], "\xd7\xa9") != NULL)
      g_assert_false (counted_text[t]);
  g_assert_cmpuint (_nf_card_layout_get_n_count_misses (), ==, misses);
}


/* Every note of the four cases, in its own text, English and Chinese. */
static void
test_cases_agree (void)
{
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(GObject) en = G_OBJECT (make_context ("en", 96));
  g_autoptr(GObject) zh_context = G_OBJECT (make_context ("zh-cn", 96));
  g_autofree char *zh = nf_language_tag_normalise ("zh_CN");
  const char *langs[] = { NULL, "en", zh };
  guint n = 0, n_counted = 0;

  for (guint c = 0; nf_case_resource_paths ()[c] != NULL; c++)
    {
      g_autoptr(NfCanvas) canvas = nf_test_load_case (c);

      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        for (guint b = 0; b < NF_N_BLOCKS; b++)
          {
            GListModel *notes = nf_canvas_get_notes (canvas, (NfBlock) b);

            for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
              {
                g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
                g_autoptr(NfCardLayout) card =
                  nf_card_layout_new (PANGO_CONTEXT (l == 2 ? zh_context : en), note, langs[l]);

                for (double size = style->min_font_size; size <= style->base_font_size;
                     size += style->base_font_size - style->min_font_size)
                  for (double width = 70; width <= 400; width += 9.5)
                    {
                      guint counted_lines, lines;
                      double counted_h, h;

                      n++;
                      if (!_nf_card_layout_count_lines (card, style, width, size, &counted_lines,
                                                        &counted_h))
                        continue;
                      n_counted++;
                      pango_counts (card, style, width, size, &lines, &h);
                      if (counted_lines != lines || counted_h != h)
                        g_error ("case %u note %u (%s) at %g pt, width %g: counted %u lines "
                                 "%g px, Pango %u lines %g px", c, i, langs[l] ? langs[l] : "own",
                                 size, width, counted_lines, counted_h, lines, h);
                    }
              }
          }
    }
  g_test_message ("%u of %u counted", n_counted, n);
  g_assert_cmpuint (n_counted, >, n * 3 / 4);
}

/* A whole card (text, then its evidence and tags) measured from its
 * counted lines, without breaking its text (which stays broken where it
 * is drawn), has the height and one-line height Pango's layout gives:
 * every note of the cases (their tags and evidence), English and
 * Chinese, at the grid's two sizes. */
static void
test_whole_cards_agree (void)
{
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(GObject) en = G_OBJECT (make_context ("en", 96));
  g_autoptr(GObject) zh_context = G_OBJECT (make_context ("zh-cn", 96));
  g_autofree char *zh = nf_language_tag_normalise ("zh_CN");
  const char *langs[] = { NULL, zh };
  guint misses = _nf_card_layout_get_n_count_misses ();
  guint n = 0, n_counted = 0, n_footers = 0;

  for (guint c = 0; nf_case_resource_paths ()[c] != NULL; c++)
    {
      g_autoptr(NfCanvas) canvas = nf_test_load_case (c);

      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        for (guint b = 0; b < NF_N_BLOCKS; b++)
          {
            GListModel *notes = nf_canvas_get_notes (canvas, (NfBlock) b);

            for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
              {
                g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
                PangoContext *context = PANGO_CONTEXT (l == 1 ? zh_context : en);
                g_autoptr(NfCardLayout) counted = nf_card_layout_new (context, note, langs[l]);
                g_autoptr(NfCardLayout) pango = nf_card_layout_new (context, note, langs[l]);

                n_footers += nf_note_get_tags (note)[0] != NULL ||
                             nf_note_get_evidence (note) != NF_EVIDENCE_NONE;
                for (double size = style->min_font_size; size <= style->base_font_size;
                     size += style->base_font_size - style->min_font_size)
                  for (double width = 70; width <= 400; width += 13.5)
                    {
                      guint m0 = _nf_render_get_n_measures (), lines_c, lines_p;
                      double h = nf_card_layout_measure_density (counted, style, width, size,
                                                                 NF_CARD_FULL, 0);
                      double one = _nf_card_layout_measure_one_line (counted, style, width, size);
                      gboolean by_count = _nf_render_get_n_measures () == m0;

                      (void) _nf_card_layout_measure_lines (counted, style, width, size, 0, NULL,
                                                            &lines_c);
                      n++;
                      n_counted += by_count;
                      _nf_card_layout_hold_counts (TRUE);
                      if (h != nf_card_layout_measure_density (pango, style, width, size,
                                                               NF_CARD_FULL, 0) ||
                          one != _nf_card_layout_measure_one_line (pango, style, width, size))
                        g_error ("case %u note %u (%s) at %g pt, width %g: counted %g px "
                                 "(one line %g), Pango %g px (one line %g)", c, i,
                                 langs[l] ? langs[l] : "own", size, width, h, one,
                                 nf_card_layout_measure_density (pango, style, width, size,
                                                                 NF_CARD_FULL, 0),
                                 _nf_card_layout_measure_one_line (pango, style, width, size));
                      (void) _nf_card_layout_measure_lines (pango, style, width, size, 0, NULL,
                                                            &lines_p);
                      _nf_card_layout_hold_counts (FALSE);
                      g_assert_cmpuint (lines_c, ==, lines_p);
                    }
              }
          }
    }
  g_test_message ("%u of %u whole cards measured by their counts", n_counted, n);
  g_assert_cmpuint (n_footers, >, 0);
  g_assert_cmpuint (n_counted, >, n * 3 / 4);
  g_assert_cmpuint (_nf_card_layout_get_n_count_misses (), ==, misses);
}

/* A card's text is shaped once a size, whatever widths are tried. */
static void
test_shaped_once (void)
{
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(GObject) context = G_OBJECT (make_context ("en", 96));
  g_autoptr(NfText) text = nf_text_new (texts[3]);
  g_autoptr(NfNote) note = nf_note_new ("n1", text);
  g_autoptr(NfCardLayout) card = nf_card_layout_new (PANGO_CONTEXT (context), note, NULL);
  guint shaped = _nf_render_get_n_scratch_layouts (), measures, lines;
  double h;

  g_assert_true (_nf_card_layout_count_lines (card, style, 200, 9, &lines, &h));
  g_assert_cmpuint (_nf_render_get_n_scratch_layouts (), ==, shaped + 1);
  measures = _nf_render_get_n_measures ();
  for (double width = 100; width < 400; width += 1)
    nf_card_layout_measure_density (card, style, width, 9, NF_CARD_COMPACT, 0);
  g_assert_cmpuint (_nf_render_get_n_measures (), ==, measures);
  g_assert_cmpuint (_nf_render_get_n_scratch_layouts (), ==, shaped + 1);
  g_assert_true (_nf_card_layout_count_lines (card, style, 200, 10, &lines, &h));
  g_assert_cmpuint (_nf_render_get_n_scratch_layouts (), ==, shaped + 2);
}

/* Every block's and card's place, density and cut. */
static char *
describe (NfGridLayout *layout)
{
  GString *s = g_string_new (NULL);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      NfRect r;

      nf_grid_layout_get_block_rect (layout, (NfBlock) b, &r);
      g_string_append_printf (s, "b%u %g %g %g %g %g %d %d %u\n", b, r.x, r.y, r.width, r.height,
                              nf_grid_layout_get_font_size (layout, (NfBlock) b),
                              nf_grid_layout_get_density (layout, (NfBlock) b),
                              nf_grid_layout_get_scrolls (layout, (NfBlock) b),
                              nf_grid_layout_get_n_hidden (layout, (NfBlock) b));
      for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, (NfBlock) b); i++)
        {
          NfCardLayout *card = nf_grid_layout_get_card (layout, (NfBlock) b, i, &r);

          g_string_append_printf (s, " %g %g %g %g %d %u %d\n", r.x, r.y, r.width, r.height,
                                  nf_card_layout_get_density (card),
                                  nf_card_layout_get_max_lines (card),
                                  nf_card_layout_get_truncated (card));
        }
    }
  return g_string_free (s, FALSE);
}

static char *
lay_out (NfCanvas    *canvas,
         const char  *lang,
         NfCountMode  mode,
         const int    sizes[][2],
         guint        n_sizes)
{
  g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, NULL, lang);
  GString *all = g_string_new (NULL);

  _nf_card_layout_set_count_mode (mode);
  /* One layout resized, as a window is: the cards keep their counts. */
  for (guint s = 0; s < n_sizes; s++)
    {
      g_autofree char *one = NULL;

      nf_grid_layout_allocate (layout, sizes[s][0], sizes[s][1]);
      one = describe (layout);
      g_string_append_printf (all, "%dx%d\n%s", sizes[s][0], sizes[s][1], one);
    }
  _nf_card_layout_set_count_mode (NF_COUNT_ON);
  return g_string_free (all, FALSE);
}

static void
test_same_layouts (void)
{
  static const int sizes[][2] = {
    { 1270, 582 }, { 1366, 768 }, { 1910, 942 }, { 1903, 1075 }, { 1600, 860 },
  };
  g_autofree char *zh = nf_language_tag_normalise ("zh_CN");
  const char *langs[] = { NULL, "en", zh };
  guint misses = _nf_card_layout_get_n_count_misses ();

  for (guint c = 0; nf_case_resource_paths ()[c] != NULL; c++)
    {
      g_autoptr(NfCanvas) canvas = nf_test_load_case (c);

      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          g_autofree char *counted = lay_out (canvas, langs[l], NF_COUNT_ON, sizes,
                                              G_N_ELEMENTS (sizes));
          g_autofree char *broken = lay_out (canvas, langs[l], NF_COUNT_OFF, sizes,
                                             G_N_ELEMENTS (sizes));

          g_assert_cmpstr (counted, ==, broken);
        }
    }
  g_assert_cmpuint (_nf_card_layout_get_n_count_misses (), ==, misses);
}

static void
test_pango_wins (void)
{
  static const int sizes[][2] = { { 1366, 768 }, { 1910, 942 } };
  g_autoptr(NfCanvas) canvas = nf_test_load_case (2);
  guint misses = _nf_card_layout_get_n_count_misses ();
  g_autofree char *broken = lay_out (canvas, "en", NF_COUNT_OFF, sizes, G_N_ELEMENTS (sizes));
  /* Every count a line too many: Pango says otherwise where a card is
   * laid out, and the grid places the blocks again by Pango. */
  g_autofree char *skewed = lay_out (canvas, "en", NF_COUNT_SKEWED, sizes, G_N_ELEMENTS (sizes));

  g_assert_cmpuint (_nf_card_layout_get_n_count_misses (), >, misses);
  g_assert_cmpstr (skewed, ==, broken);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/card-breaks/agrees", test_agrees);
  g_test_add_func ("/card-breaks/cases-agree", test_cases_agree);
  g_test_add_func ("/card-breaks/whole-cards-agree", test_whole_cards_agree);
  g_test_add_func ("/card-breaks/shaped-once", test_shaped_once);
  g_test_add_func ("/card-breaks/same-layouts", test_same_layouts);
  g_test_add_func ("/card-breaks/pango-wins", test_pango_wins);
  return g_test_run ();
}
