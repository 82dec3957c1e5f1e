/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-grid-fit"

#include "config.h"

#include <math.h>
#include <string.h>

#include <ninefold.h>
#include <nf-render.h>

/* How a block of the grid picks its font size and what it shows when
 * crowded: the size the layout finds without trying every step must be
 * the one the step-by-step search finds, and a block with notes always
 * shows at least one of them, however small the window. */

#define N_CASES 4

/* Small screens, as the grid itself and as the part of a window of that
 * size the grid gets under the window's bars. */
static const struct {
  int width, height;
} small_sizes[] = {
  { 1280, 720 },
  { 1366, 768 },
  { 1280, 600 },
  { 1366, 648 },
};

static NfCanvas *
load_case (guint index)
{
  g_autoptr(GError) error = NULL;
  NfCanvas *canvas = nf_canvas_load_case (index, &error);

  g_assert_no_error (error);
  g_assert_nonnull (canvas);
  return canvas;
}

/* The interface in Chinese shows the notes' Chinese text, as the app
 * does (nf_ui_note_language()); NULL is each note's own text. */
static char *
chinese_tag (void)
{
  return nf_language_tag_normalise ("zh_CN");
}

/* --- The step-by-step search, as the layout did it before ------------- */

typedef struct {
  guint  n_columns;
  double column_width;
  double top[8];
} Wall;

static void
wall_init (Wall              *wall,
           const NfGridStyle *style,
           double             width)
{
  guint n = (guint) floor ((width + style->card_gap) /
                           (style->card_min_width + style->card_gap));

  memset (wall, 0, sizeof *wall);
  wall->n_columns = CLAMP (n, 1, 8);
  wall->column_width = floor ((width - (wall->n_columns - 1) * style->card_gap) /
                              wall->n_columns);
}

static gboolean
reference_all_fit (const NfGridStyle *style,
                   const NfRect      *area,
                   double             size,
                   GPtrArray         *cards)
{
  Wall wall;

  wall_init (&wall, style, area->width);
  for (guint i = 0; i < cards->len; i++)
    {
      guint c = 0;
      double h;

      for (guint k = 1; k < wall.n_columns; k++)
        if (wall.top[k] < wall.top[c])
          c = k;
      h = nf_card_layout_measure (g_ptr_array_index (cards, i), style, wall.column_width,
                                  size, 0, NULL);
      if (wall.top[c] + h > area->height)
        return FALSE;
      wall.top[c] += h + style->card_gap;
    }
  return TRUE;
}

/* Fresh card layouts of the block's notes, measured step by step from
 * the base size down. */
static double
reference_font_size (NfGridLayout      *layout,
                     const NfGridStyle *style,
                     NfBlock            block)
{
  NfCanvas *canvas = nf_grid_layout_get_canvas (layout);
  GListModel *notes = nf_canvas_get_notes (canvas, block);
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  double size = style->base_font_size;
  NfRect area;

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(NfNote) note = g_list_model_get_item (notes, i);

      g_ptr_array_add (cards, nf_card_layout_new (nf_grid_layout_get_pango_context (layout),
                                                  note, nf_grid_layout_get_language (layout)));
    }
  nf_grid_layout_get_content_rect (layout, block, &area);
  while (size > style->min_font_size + 1e-6 &&
         !reference_all_fit (style, &area, size, cards))
    size = MAX (style->min_font_size, size - style->font_size_step);
  return size;
}

static guint
check_sizes (NfCanvas   *canvas,
             const char *lang,
             int         width,
             int         height)
{
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, lang);
  guint n_shrunk = 0;

  nf_grid_layout_allocate (layout, width, height);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      double want = reference_font_size (layout, style, (NfBlock) b);
      double got = nf_grid_layout_get_font_size (layout, (NfBlock) b);

      if (fabs (want - got) > 1e-9)
        g_test_message ("%s, %s, %d×%d, block %u: %.2f, the step-by-step search %.2f",
                        nf_canvas_get_company (canvas), lang ? lang : "own", width, height,
                        b, got, want);
      g_assert_cmpfloat_with_epsilon (got, want, 1e-9);
      n_shrunk += got < style->base_font_size;
    }
  return n_shrunk;
}

static const struct {
  int width, height;
} sizes[] = {
  { 1920, 1080 },
  { 1366, 768 },
  { 1280, 720 },
  { 1280, 644 },  /* a 16:9 slide under its header band */
  { 1024, 600 },
  { 800, 600 },
  { 2560, 1440 },
};

static void
test_size_search_cases (void)
{
  g_autofree char *zh = chinese_tag ();
  const char *langs[] = { NULL, "en", zh };
  guint n_shrunk = 0;

  for (guint c = 0; c < N_CASES; c++)
    {
      g_autoptr(NfCanvas) canvas = load_case (c);

      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          n_shrunk += check_sizes (canvas, langs[l], sizes[s].width, sizes[s].height);
    }
  /* The search was put to work: some blocks took a smaller size. */
  g_assert_cmpuint (n_shrunk, >, 10);
}

static const char *const words[] = {
  "revenue", "platform", "dealers", "subscription", "advertising", "data",
  "automakers", "services", "leads", "marketing", "cloud", "partners",
  "transactions", "merchants", "an", "of", "the", "and", "with", "for",
  "internationalisation", "B2B", "2,235.1万", "$9.5 million",
};
static const char *const han[] = {
  "数字化营销平台", "汽车品牌", "阿里云", "中台", "运营工具", "按效果分成",
  "经销商", "客户体验云", "新零售", "，", "。",
};

static void
append_text (GString *xml,
             GRand   *rand,
             gboolean chinese)
{
  guint n = (guint) g_rand_int_range (rand, 1, 60);

  for (guint i = 0; i < n; i++)
    {
      if (chinese)
        g_string_append (xml, han[g_rand_int_range (rand, 0, G_N_ELEMENTS (han))]);
      else
        {
          if (i > 0)
            g_string_append_c (xml, ' ');
          g_string_append (xml, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }
    }
}

/* A canvas of `n_notes` notes spread unevenly over the blocks: English
 * and Chinese text of any length from a word to a paragraph, tags and
 * evidence levels, the same every run for a seed. */
static NfCanvas *
generated_canvas (guint32 seed,
                  guint   n_notes)
{
  static const char *const evidence[] = { NULL, "assumption", "tested", "validated" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">\n"
                                         "  <metadata>\n    <company>Generated</company>\n    <title>Generated</title>\n"
                                         "  </metadata>\n");
  g_autoptr(GError) error = NULL;
  guint per_block[NF_N_BLOCKS] = { 0 };
  guint id = 1;
  NfCanvas *canvas;

  for (guint i = 0; i < n_notes; i++)
    per_block[g_rand_int_range (rand, 0, NF_N_BLOCKS) * g_rand_int_range (rand, 0, 2)]++;
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      g_string_append_printf (xml, "  <block kind=\"%s\">\n", nf_block_to_xml ((NfBlock) b));
      for (guint i = 0; i < per_block[b]; i++)
        {
          const char *level = evidence[g_rand_int_range (rand, 0, G_N_ELEMENTS (evidence))];
          gboolean chinese = g_rand_int_range (rand, 0, 3) == 0;
          guint n_tags = (guint) g_rand_int_range (rand, 0, 4);

          g_string_append_printf (xml, "    <note id=\"g%u\"", id++);
          if (level != NULL)
            g_string_append_printf (xml, " evidence=\"%s\"", level);
          g_string_append (xml, ">\n      <text>");
          append_text (xml, rand, chinese);
          g_string_append (xml, "</text>\n");
          for (guint t = 0; t < n_tags; t++)
            g_string_append_printf (xml, "      <tag>%s%u</tag>\n",
                                    chinese ? "探索" : "growth", t);
          g_string_append (xml, "    </note>\n");
        }
      g_string_append (xml, "  </block>\n");
    }
  g_string_append (xml, "</canvas>\n");
  canvas = nf_canvas_load_from_data (xml->str, xml->len, "generated", &error);
  g_assert_no_error (error);
  return canvas;
}

static void
test_size_search_generated (void)
{
  /* Under valgrind (which sets the slowdown) a few canvases do. */
  guint32 n_seeds = g_getenv ("NF_TEST_SLOWDOWN") != NULL ? 4 : 24;
  guint n_shrunk = 0;

  for (guint32 seed = 1; seed <= n_seeds; seed++)
    {
      g_autoptr(NfCanvas) canvas = generated_canvas (seed, 8 + seed * 6);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        n_shrunk += check_sizes (canvas, NULL, sizes[s].width, sizes[s].height);
    }
  g_assert_cmpuint (n_shrunk, >, n_seeds * 2);
}

/* --- A block with notes shows one ------------------------------------ */

static void
check_one_card (NfCanvas   *canvas,
                const char *lang,
                int         width,
                int         height,
                gboolean    save)
{
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, lang);

  nf_grid_layout_allocate (layout, width, height);
  if (save)
    {
      g_autofree char *name = g_strdup_printf ("grid-fit-%s-%s-%dx%d.png",
                                               nf_canvas_get_company (canvas),
                                               lang ? lang : "own", width, height);
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
      g_autoptr(GError) error = NULL;

      nf_canvas_render_to_png (canvas, lang, width, height, 1.0, style, path, &error);
      g_assert_no_error (error);
      g_test_message ("wrote %s", path);
    }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      guint n_notes = g_list_model_get_n_items (nf_canvas_get_notes (canvas, (NfBlock) b));
      guint n_cards = nf_grid_layout_get_n_cards (layout, (NfBlock) b);
      NfRect content, card;

      if (n_notes == 0)
        continue;
      if (n_cards == 0)
        g_test_message ("%s, %s, %d×%d: block %s shows no card of %u",
                        nf_canvas_get_company (canvas), lang ? lang : "own",
                        width, height, nf_block_to_xml ((NfBlock) b), n_notes);
      g_assert_cmpuint (n_cards, >=, 1);
      /* Inside its block, with room for the marker below it when notes
       * are hidden. */
      nf_grid_layout_get_content_rect (layout, (NfBlock) b, &content);
      nf_grid_layout_get_card (layout, (NfBlock) b, 0, &card);
      g_assert_cmpfloat (card.height, >, 0);
      g_assert_cmpfloat (card.y + card.height, <=, content.y + content.height + 0.01);
      if (nf_grid_layout_get_n_hidden (layout, (NfBlock) b) > 0)
        {
          NfRect more;

          g_assert_true (nf_grid_layout_get_more_rect (layout, (NfBlock) b, &more));
          g_assert_cmpfloat (more.y, >=, card.y + card.height - 0.01);
          g_assert_cmpfloat (more.y + more.height, <=, content.y + content.height + 0.01);
        }
    }
}

static void
test_every_block_shows_a_card (void)
{
  g_autofree char *zh = chinese_tag ();
  const char *langs[] = { "en", zh };
  gboolean save = g_getenv ("NF_TEST_SAVE_PNG") != NULL;

  for (guint c = 0; c < N_CASES; c++)
    {
      g_autoptr(NfCanvas) canvas = load_case (c);

      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        for (guint s = 0; s < G_N_ELEMENTS (small_sizes); s++)
          check_one_card (canvas, langs[l], small_sizes[s].width, small_sizes[s].height, save);
    }
}

/* Blocks squeezed far below what the cases need: still a card each,
 * cut as short as it takes. */
static void
test_crowded_blocks_show_a_card (void)
{
  for (guint32 seed = 1; seed <= 12; seed++)
    {
      g_autoptr(NfCanvas) canvas = generated_canvas (seed * 7, 120);

      check_one_card (canvas, NULL, 1280, 720, FALSE);
      check_one_card (canvas, NULL, 1024, 600, FALSE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/grid-fit/size-search/cases", test_size_search_cases);
  g_test_add_func ("/grid-fit/size-search/generated", test_size_search_generated);
  g_test_add_func ("/grid-fit/one-card/cases", test_every_block_shows_a_card);
  g_test_add_func ("/grid-fit/one-card/crowded", test_crowded_blocks_show_a_card);
  return g_test_run ();
}
