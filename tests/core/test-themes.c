/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <ninefold.h>

static void
add_note (NfCanvas    *canvas,
          NfBlock      block,
          const char  *text,
          const char  *en,
          const char **tags)
{
  g_autoptr(NfText) t = nf_text_new (text);
  g_autoptr(NfNote) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = nf_canvas_new_note_id (canvas);

  if (en != NULL)
    {
      NfText *with = nf_text_with_translation (t, "en", en);

      nf_text_unref (t);
      t = with;
    }
  note = nf_note_new (id, t);
  g_assert_true (nf_canvas_insert_note (canvas, block,
                                        g_list_model_get_n_items (nf_canvas_get_notes (canvas, block)),
                                        note, &error));
  g_assert_no_error (error);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) all = g_ptr_array_new ();
      const char * const *old = nf_note_get_tags (note);

      for (guint k = 0; old != NULL && old[k] != NULL; k++)
        g_ptr_array_add (all, (gpointer) old[k]);
      g_ptr_array_add (all, (gpointer) tags[i]);
      g_ptr_array_add (all, NULL);
      nf_canvas_set_note_tags (canvas, note, (const char * const *) all->pdata);
    }
}

static NfCanvas *
make_canvas (const char *company,
             const char *lang)
{
  NfCanvas *canvas = nf_canvas_new ();

  nf_canvas_set_company (canvas, company);
  nf_canvas_set_language (canvas, lang);
  return canvas;
}

static gboolean
has_key (GPtrArray  *keys,
         const char *key)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_str_equal (g_ptr_array_index (keys, i), key))
      return TRUE;
  return FALSE;
}

/* Everything the themes say, one line per theme, to compare whole results. */
static char *
describe (NfThemes *themes)
{
  GString *out = g_string_new (NULL);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    for (guint t = 0; t < nf_themes_get_n_themes (themes, b); t++)
      {
        const NfTheme *theme = nf_themes_get_theme (themes, b, t);

        g_string_append_printf (out, "%s %s [%s]%s %.4f", nf_block_to_xml (b), theme->label, theme->key,
                                theme->tag ? " tag" : "", theme->score);
        for (guint c = 0; c < nf_themes_get_n_canvases (themes); c++)
          {
            g_string_append_printf (out, " |");
            for (guint k = 0; k < theme->notes[c]->len; k++)
              g_string_append_printf (out, " %s", nf_note_get_id (g_ptr_array_index (theme->notes[c], k)));
          }
        g_string_append_c (out, '\n');
      }
  return g_string_free (out, FALSE);
}

static void
test_terms_stop_words (void)
{
  g_autoptr(GPtrArray) keys = nf_themes_terms ("The company also offers loans to the drivers and "
                                               "dealers, with 3,000 cars in 2019; China's market.");

  g_assert_true (has_key (keys, "loan"));
  g_assert_true (has_key (keys, "driver"));
  g_assert_true (has_key (keys, "dealer"));
  g_assert_true (has_key (keys, "car"));
  g_assert_true (has_key (keys, "china"));
  g_assert_true (has_key (keys, "market"));
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      g_assert_cmpstr (key, !=, "the");
      g_assert_cmpstr (key, !=, "and");
      g_assert_cmpstr (key, !=, "also");
      g_assert_cmpstr (key, !=, "company");
      g_assert_cmpstr (key, !=, "with");
      g_assert_null (strpbrk (key, "0123456789"));
    }
  /* Each key once. */
  {
    g_autoptr(GPtrArray) twice = nf_themes_terms ("loans and loans");

    g_assert_cmpuint (twice->len, ==, 1);
  }
}

static void
test_terms_cjk (void)
{
  g_autoptr(GPtrArray) keys = nf_themes_terms ("阿里云是重要的战略合作伙伴，数字化营销平台");

  g_assert_true (has_key (keys, "阿里"));
  g_assert_true (has_key (keys, "里云"));
  g_assert_true (has_key (keys, "战略"));
  g_assert_true (has_key (keys, "营销"));
  g_assert_true (has_key (keys, "平台"));
  /* Function characters make no theme: 是, 的. */
  g_assert_false (has_key (keys, "云是"));
  g_assert_false (has_key (keys, "是重"));
  g_assert_false (has_key (keys, "要的"));
  g_assert_false (has_key (keys, "的战"));
  /* Nothing across the comma. */
  g_assert_false (has_key (keys, "伴数"));
  for (guint i = 0; i < keys->len; i++)
    g_assert_cmpint (g_utf8_strlen (g_ptr_array_index (keys, i), -1), ==, 2);

  /* Latin words inside Chinese text are words. */
  {
    g_autoptr(GPtrArray) mixed = nf_themes_terms ("通过OneID打通数据");

    g_assert_true (has_key (mixed, "oneid"));
    g_assert_true (has_key (mixed, "数据"));
  }
}

/* A theme two companies share shows each one's notes in its own column. */
static void
test_shared_theme (void)
{
  g_autoptr(NfCanvas) a = make_canvas ("Acme", "en");
  g_autoptr(NfCanvas) b = make_canvas ("Globex", "en");
  NfCanvas *both[] = { a, b };
  g_autoptr(NfThemes) themes = NULL;
  const NfTheme *logistics, *cooking;

  add_note (a, NF_BLOCK_KEY_ACTIVITIES, "Runs its own logistics network.", NULL, NULL);
  add_note (a, NF_BLOCK_KEY_ACTIVITIES, "Cooking classes for members.", NULL, NULL);
  add_note (a, NF_BLOCK_KEY_ACTIVITIES, "More cooking classes at weekends.", NULL, NULL);
  add_note (b, NF_BLOCK_KEY_ACTIVITIES, "Outsources logistics to partners.", NULL, NULL);
  add_note (b, NF_BLOCK_KEY_ACTIVITIES, "Designs furniture.", NULL, NULL);

  themes = nf_themes_new (both, 2, NULL, 0);
  g_assert_cmpstr (nf_themes_get_language (themes), ==, "en");
  logistics = nf_themes_find (themes, NF_BLOCK_KEY_ACTIVITIES, "logistic");
  g_assert_nonnull (logistics);
  g_assert_cmpstr (logistics->label, ==, "logistics");
  g_assert_cmpuint (logistics->n_canvases, ==, 2);
  g_assert_cmpuint (logistics->notes[0]->len, ==, 1);
  g_assert_cmpuint (logistics->notes[1]->len, ==, 1);
  g_assert_cmpstr (nf_note_get_id (g_ptr_array_index (logistics->notes[1], 0)), ==, "n1");
  /* Only Acme cooks, in two notes. */
  cooking = nf_themes_find (themes, NF_BLOCK_KEY_ACTIVITIES, "cooking");
  g_assert_nonnull (cooking);
  g_assert_cmpuint (cooking->notes[0]->len, ==, 2);
  g_assert_cmpuint (cooking->notes[1]->len, ==, 0);
  /* "classes" always comes with "cooking": the same notes, no new row. */
  g_assert_null (nf_themes_find (themes, NF_BLOCK_KEY_ACTIVITIES, "classe"));
  /* One note's word is no theme; another block has none of these. */
  g_assert_null (nf_themes_find (themes, NF_BLOCK_KEY_ACTIVITIES, "furniture"));
  g_assert_cmpuint (nf_themes_get_n_themes (themes, NF_BLOCK_CHANNELS), ==, 0);
  /* The shared theme ranks above the one company's. */
  g_assert_true (nf_themes_get_theme (themes, NF_BLOCK_KEY_ACTIVITIES, 0) == logistics);
}

/* A tag is a theme even on one note, and matches the same word in text. */
static void
test_tags (void)
{
  g_autoptr(NfCanvas) a = make_canvas ("Acme", "en");
  g_autoptr(NfCanvas) b = make_canvas ("Globex", "en");
  NfCanvas *both[] = { a, b };
  g_autoptr(NfThemes) themes = NULL;
  const char *tags[] = { "Dealers", NULL };
  const NfTheme *dealers;

  add_note (a, NF_BLOCK_CHANNELS, "Sells through a network.", NULL, tags);
  add_note (b, NF_BLOCK_CHANNELS, "Independent dealers resell the product.", NULL, NULL);
  themes = nf_themes_new (both, 2, NULL, 0);
  dealers = nf_themes_find (themes, NF_BLOCK_CHANNELS, "dealer");
  g_assert_nonnull (dealers);
  g_assert_true (dealers->tag);
  g_assert_cmpstr (dealers->label, ==, "Dealers");
  g_assert_cmpuint (dealers->n_canvases, ==, 2);
  /* One of its notes only uses the word: the theme is no "#Dealers", which
   * would say both carry the tag (the compare view's #services counted
   * seven notes where one had the tag). */
  g_assert_false (dealers->tagged);

  /* Tagged in both, and in a note whose text has the word too: "#". */
  {
    g_autoptr(NfThemes) again = NULL;
    const NfTheme *tagged;

    add_note (b, NF_BLOCK_REVENUE_STREAMS, "Fees from dealers.", NULL, tags);
    add_note (a, NF_BLOCK_REVENUE_STREAMS, "Dealer subscriptions.", NULL, tags);
    again = nf_themes_new (both, 2, NULL, 0);
    tagged = nf_themes_find (again, NF_BLOCK_REVENUE_STREAMS, "dealer");
    g_assert_nonnull (tagged);
    g_assert_true (tagged->tagged);
    g_assert_cmpuint (tagged->n_canvases, ==, 2);
  }
}

/* Chinese notes meet English ones through their translations, and read
 * alone they give whole terms, not bigram halves. */
static void
test_cjk_themes (void)
{
  g_autoptr(NfCanvas) en = make_canvas ("Acme", "en");
  g_autoptr(NfCanvas) zh = make_canvas ("数跑科技", "zh");
  NfCanvas *both[] = { en, zh };
  g_autoptr(NfThemes) in_en = NULL;
  g_autoptr(NfThemes) in_zh = NULL;
  const NfTheme *theme;

  add_note (en, NF_BLOCK_VALUE_PROPOSITIONS, "A marketing brain for car brands.", NULL, NULL);
  add_note (en, NF_BLOCK_VALUE_PROPOSITIONS, "Cheap parts.", NULL, NULL);
  add_note (zh, NF_BLOCK_VALUE_PROPOSITIONS, "营销大脑帮助汽车品牌获客。", "The marketing brain helps car brands win customers.", NULL);
  add_note (zh, NF_BLOCK_VALUE_PROPOSITIONS, "营销大脑和客户体验云。", "Marketing brain and customer experience cloud.", NULL);

  /* Two canvases, one language each: the first's wins the tie. */
  in_en = nf_themes_new (both, 2, NULL, 0);
  g_assert_cmpstr (nf_themes_get_language (in_en), ==, "en");
  theme = nf_themes_find (in_en, NF_BLOCK_VALUE_PROPOSITIONS, "marketing");
  g_assert_nonnull (theme);
  g_assert_cmpuint (theme->n_canvases, ==, 2);
  g_assert_cmpuint (theme->notes[1]->len, ==, 2);

  in_zh = nf_themes_new (both, 2, "zh", 0);
  theme = nf_themes_find (in_zh, NF_BLOCK_VALUE_PROPOSITIONS, "营销");
  g_assert_nonnull (theme);
  g_assert_cmpstr (theme->label, ==, "营销大脑");
  g_assert_cmpuint (theme->notes[1]->len, ==, 2);
  /* The rest of the run is the same notes: no second row for it. */
  g_assert_null (nf_themes_find (in_zh, NF_BLOCK_VALUE_PROPOSITIONS, "大脑"));
  g_assert_null (nf_themes_find (in_zh, NF_BLOCK_VALUE_PROPOSITIONS, "销大"));
}

/* Themes are read in one language: the asked one when most notes can be
 * read in it (written in it or translated), else the language most
 * canvases are written in; a Chinese canvas's notes count under English
 * themes through their translations. */
static void
test_language (void)
{
  g_autoptr(NfCanvas) zh1 = make_canvas ("数跑科技", "zh-CN");
  g_autoptr(NfCanvas) zh2 = make_canvas ("森淼", "zh");
  g_autoptr(NfCanvas) en = make_canvas ("Acme", "en");
  NfCanvas *three[] = { zh1, zh2, en };
  NfCanvas *pair[] = { en, zh2 };
  g_autoptr(NfThemes) themes = NULL;
  const NfTheme *theme;

  add_note (zh1, NF_BLOCK_CHANNELS, "经销商门店销售汽车。", "Dealer stores sell cars.", NULL);
  add_note (zh1, NF_BLOCK_CHANNELS, "线上商城吸引经销商。", "The online mall draws dealers.", NULL);
  add_note (zh2, NF_BLOCK_CHANNELS, "网约车司机租车。", NULL, NULL);
  add_note (zh2, NF_BLOCK_CHANNELS, "司机通过微信预约。", NULL, NULL);
  add_note (en, NF_BLOCK_CHANNELS, "Dealers list cars on the site.", NULL, NULL);
  add_note (en, NF_BLOCK_CHANNELS, "Dealer stores in every city.", NULL, NULL);

  /* Four of six notes read in English, four in Chinese. */
  g_assert_cmpstr (nf_themes_pick_language (three, 3, "en"), ==, "en");
  g_assert_cmpstr (nf_themes_pick_language (three, 3, "zh_CN.UTF-8"), ==, "zh_CN.UTF-8");
  /* Nothing is in French: the majority, Chinese, in its first spelling. */
  g_assert_cmpstr (nf_themes_pick_language (three, 3, "fr"), ==, "zh-CN");
  g_assert_cmpstr (nf_themes_pick_language (three, 3, NULL), ==, "zh-CN");
  /* One canvas each and nothing translated: half the notes are as asked. */
  g_assert_cmpstr (nf_themes_pick_language (pair, 2, "zh"), ==, "zh");
  g_assert_cmpstr (nf_themes_pick_language (pair, 2, "de"), ==, "en");

  themes = nf_themes_new (three, 3, "en", 0);
  g_assert_cmpstr (nf_themes_get_language (themes), ==, "en");
  theme = nf_themes_find (themes, NF_BLOCK_CHANNELS, "dealer");
  g_assert_nonnull (theme);
  /* The Chinese canvas's two notes, through their translations. */
  g_assert_cmpuint (theme->notes[0]->len, ==, 2);
  g_assert_cmpuint (theme->notes[1]->len, ==, 0);
  g_assert_cmpuint (theme->notes[2]->len, ==, 2);
  g_assert_cmpuint (theme->n_canvases, ==, 2);
}

/* The cases in English: Shupao's Chinese notes meet the others' English
 * themes; Chinese, which only Shupao is written in, is no language to
 * read the four in (the matrix would split in two), unless chosen. */
static void load_cases (NfCanvas **cases);

static void
test_cases_language (void)
{
  NfCanvas *cases[4];
  g_autoptr(NfThemes) en = NULL;
  g_autoptr(NfThemes) zh = NULL;
  guint shupao_shared = 0;

  load_cases (cases);
  en = nf_themes_new (cases, 4, "en", 0);
  g_assert_cmpstr (nf_themes_get_language (en), ==, "en");
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    for (guint t = 0; t < nf_themes_get_n_themes (en, b); t++)
      {
        const NfTheme *theme = nf_themes_get_theme (en, b, t);

        /* No Chinese word in an English matrix (a tag is as written). */
        for (const char *p = theme->label; !theme->tag && *p != '\0'; p = g_utf8_next_char (p))
          g_assert_cmpuint (g_utf8_get_char (p), <, 0x2E80);
        shupao_shared += theme->notes[3]->len > 0 && theme->n_canvases >= 2;
      }
  g_assert_cmpuint (shupao_shared, >=, 3);
  g_assert_cmpstr (nf_themes_pick_language (cases, 4, "zh"), ==, "en");
  g_assert_cmpstr (nf_themes_pick_language (cases, 4, "en"), ==, "en");
  /* A reader's own choice stands. */
  zh = nf_themes_new (cases, 4, "zh", 0);
  g_assert_cmpstr (nf_themes_get_language (zh), ==, "zh");
  for (guint i = 0; i < 4; i++)
    g_object_unref (cases[i]);
}

static void
load_cases (NfCanvas **cases)
{
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GError) error = NULL;

      cases[i] = nf_canvas_load_case (i, &error);
      g_assert_no_error (error);
    }
}

/* No theme is a stop word, every theme has notes, and no block lists more
 * than asked. */
static void
check_sensible (NfThemes *themes,
                guint     max)
{
  static const char * const never[] = { "the", "and", "also", "with", "for", "its", "的", "是", NULL };

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      g_assert_cmpuint (nf_themes_get_n_themes (themes, b), <=, max);
      for (guint t = 0; t < nf_themes_get_n_themes (themes, b); t++)
        {
          const NfTheme *theme = nf_themes_get_theme (themes, b, t);
          guint n = 0;

          g_assert_false (g_strv_contains (never, theme->key));
          g_assert_cmpuint (strlen (theme->label), >, 0);
          for (guint c = 0; c < nf_themes_get_n_canvases (themes); c++)
            n += theme->notes[c]->len;
          g_assert_cmpuint (n, >=, theme->tag ? 1 : 2);
          g_assert_cmpuint (theme->n_canvases, >=, 1);
        }
    }
}

static void
test_cases (void)
{
  NfCanvas *cases[4];
  g_autoptr(NfThemes) a = NULL;
  g_autoptr(NfThemes) b = NULL;
  g_autoptr(NfThemes) zh = NULL;
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;
  guint with_themes = 0, shared = 0;

  load_cases (cases);
  a = nf_themes_new (cases, 4, NULL, 0);
  b = nf_themes_new (cases, 4, NULL, 0);
  da = describe (a);
  db = describe (b);
  /* Determinism: the same canvases, the same themes in the same order. */
  g_assert_cmpstr (da, ==, db);
  g_test_message ("four cases:\n%s", da);
  check_sensible (a, 8);
  g_assert_cmpstr (nf_themes_get_language (a), ==, "en");
  for (guint blk = 0; blk < NF_N_BLOCKS; blk++)
    {
      with_themes += nf_themes_get_n_themes (a, blk) > 0;
      for (guint t = 0; t < nf_themes_get_n_themes (a, blk); t++)
        shared += nf_themes_get_theme (a, blk, t)->n_canvases >= 2;
    }
  g_assert_cmpuint (with_themes, ==, NF_N_BLOCKS);
  /* The point of the view: some themes span companies. */
  g_assert_cmpuint (shared, >=, 3);

  zh = nf_themes_new (cases, 4, "zh", 0);
  check_sensible (zh, 8);
  for (guint i = 0; i < 4; i++)
    g_object_unref (cases[i]);
}

/* Canvases made from write-ups that have nothing to do with the cases. */
static void
test_imported (void)
{
  const char *dir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *import_dir = g_build_filename (dir, "data", "import", NULL);
  g_autoptr(GDir) d = g_dir_open (import_dir, 0, NULL);
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (import_dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      NfCanvas *canvas = nf_import_from_file (file, NULL, NULL);

      if (canvas != NULL && nf_canvas_get_n_notes (canvas) >= 5)
        g_ptr_array_add (canvases, canvas);
      else if (canvas != NULL)
        g_object_unref (canvas);
    }
  g_assert_cmpuint (canvases->len, >=, 4);
  for (guint start = 0; start + 1 < canvases->len; start += 2)
    {
      guint n = MIN (4, canvases->len - start);
      g_autoptr(NfThemes) themes = nf_themes_new ((NfCanvas **) canvases->pdata + start, n, NULL, 6);
      g_autoptr(NfThemes) again = nf_themes_new ((NfCanvas **) canvases->pdata + start, n, NULL, 6);
      g_autofree char *text = describe (themes);
      g_autofree char *text2 = describe (again);

      g_test_message ("write-ups from %u:\n%s", start, text);
      g_assert_cmpstr (text, ==, text2);
      check_sensible (themes, 6);
    }
}

/* The four seed write-ups imported as they are, not as the cases were
 * edited: what a student's own imports look like. */
static void
test_seeds (void)
{
  const char *dir = g_getenv ("NF_SEEDS_DIR");
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) d = dir != NULL ? g_dir_open (dir, 0, NULL) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(NfThemes) themes = NULL;
  g_autofree char *text = NULL;
  const char *name;
  guint with_themes = 0;

  if (d == NULL)
    {
      g_test_skip ("no seed write-ups beside the repository");
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len && canvases->len < 4; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      NfCanvas *canvas = nf_import_from_file (file, NULL, NULL);

      if (canvas != NULL)
        g_ptr_array_add (canvases, canvas);
    }
  g_assert_cmpuint (canvases->len, >=, 2);
  themes = nf_themes_new ((NfCanvas **) canvases->pdata, canvases->len, "en", 0);
  text = describe (themes);
  g_test_message ("seed write-ups:\n%s", text);
  check_sensible (themes, 8);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    with_themes += nf_themes_get_n_themes (themes, b) > 0;
  g_assert_cmpuint (with_themes, >=, NF_N_BLOCKS - 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/themes/terms/stop-words", test_terms_stop_words);
  g_test_add_func ("/themes/terms/cjk", test_terms_cjk);
  g_test_add_func ("/themes/shared", test_shared_theme);
  g_test_add_func ("/themes/tags", test_tags);
  g_test_add_func ("/themes/cjk", test_cjk_themes);
  g_test_add_func ("/themes/cases", test_cases);
  g_test_add_func ("/themes/language", test_language);
  g_test_add_func ("/themes/cases-language", test_cases_language);
  g_test_add_func ("/themes/imported", test_imported);
  g_test_add_func ("/themes/seeds", test_seeds);
  return g_test_run ();
}
