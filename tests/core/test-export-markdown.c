/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <ninefold.h>

#include "nf-export-markdown.h"
#include "nf-import.h"

/* The importer takes a unit from a header's brackets and keeps the
 * brackets in the name: "Customers (customers)" is "Customers". */
static gboolean
same_column_name (const NfColumn *original,
                  const NfColumn *imported,
                  const char     *lang)
{
  const char *a = original->name != NULL ? nf_text_for_language (original->name, lang) : "";
  const char *b = imported->name != NULL ? nf_text_get (imported->name) : "";
  g_autofree char *with_unit = NULL;

  if (g_str_equal (a, b))
    return TRUE;
  if (original->unit == NULL)
    return FALSE;
  with_unit = *a ? g_strdup_printf ("%s (%s)", a, original->unit)
                 : g_strdup_printf ("(%s)", original->unit);
  return g_str_equal (with_unit, b);
}

static void
assert_same_table (NfMetricTable *a,
                   NfMetricTable *b,
                   const char    *lang)
{
  g_assert_cmpstr (nf_text_for_language (nf_metric_table_get_title (a), lang), ==,
                   nf_text_get (nf_metric_table_get_title (b)));
  g_assert_cmpint (nf_metric_table_get_block (a), ==, nf_metric_table_get_block (b));
  g_assert_cmpuint (nf_metric_table_get_n_columns (a), ==, nf_metric_table_get_n_columns (b));
  g_assert_cmpuint (nf_metric_table_get_n_rows (a), ==, nf_metric_table_get_n_rows (b));
  for (guint c = 0; c < nf_metric_table_get_n_columns (a); c++)
    {
      const NfColumn *ca = nf_metric_table_get_column (a, c);
      const NfColumn *cb = nf_metric_table_get_column (b, c);

      g_assert_true (same_column_name (ca, cb, lang));
      /* The importer types a column from its cells and header alone (see
       * docs/EXPORT.md): a type or value it cannot read from the text is
       * not carried, and said so here; the text always is. */
      if (ca->type != cb->type)
        g_test_message ("column “%s”: type %d came back as %d", nf_text_get (ca->name),
                        ca->type, cb->type);
      else if (ca->type != NF_COLUMN_TEXT)
        g_assert_cmpstr (ca->unit, ==, cb->unit);
      for (guint r = 0; r < nf_metric_table_get_n_rows (a); r++)
        {
          const NfCell *xa = nf_metric_table_get_cell (a, r, c);
          const NfCell *xb = nf_metric_table_get_cell (b, r, c);

          g_assert_cmpstr (nf_cell_get_text_for_language (xa, lang), ==, xb->text);
          if (xa->has_value && xb->has_value && ca->type == cb->type)
            g_assert_cmpfloat (xa->value, ==, xb->value);
          else if (xa->has_value != xb->has_value)
            g_test_message ("“%s”: value %s", xa->text, xa->has_value ? "lost" : "gained");
        }
    }
}

static void
assert_round_trip_in (NfCanvas   *canvas,
                      const char *lang)
{
  g_autofree char *markdown = nf_export_markdown (canvas, lang);
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) back = nf_import_from_data (markdown, strlen (markdown), "export.md", &error);
  GListModel *tables_a, *tables_b;

  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpstr (nf_canvas_get_title (back), ==, nf_canvas_get_title_for_language (canvas, lang));
  g_assert_cmpstr (nf_canvas_get_company (back), ==, nf_canvas_get_company_for_language (canvas, lang));
  g_assert_cmpstr (nf_canvas_get_language (back), ==, lang ? lang : nf_canvas_get_language (canvas));
  g_assert_cmpstr (nf_canvas_get_description (back), ==,
                   nf_canvas_get_description_for_language (canvas, lang));

  for (NfBlock block = 0; block < NF_N_BLOCKS; block++)
    {
      GListModel *a = nf_canvas_get_notes (canvas, block);
      GListModel *b = nf_canvas_get_notes (back, block);

      g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
      for (guint i = 0; i < g_list_model_get_n_items (a); i++)
        {
          g_autoptr(NfNote) na = g_list_model_get_item (a, i);
          g_autoptr(NfNote) nb = g_list_model_get_item (b, i);

          g_assert_cmpstr (nf_text_for_language (nf_note_get_text (na), lang), ==,
                           nf_text_get (nf_note_get_text (nb)));
        }
    }

  tables_a = nf_canvas_get_tables (canvas);
  tables_b = nf_canvas_get_tables (back);
  g_assert_cmpuint (g_list_model_get_n_items (tables_a), ==, g_list_model_get_n_items (tables_b));
  /* The write-up has a block's tables in its section, so they come back
   * in block order, the tables of no block last. */
  for (int block = 0, t = 0; block <= NF_N_BLOCKS; block++)
    for (guint i = 0; i < g_list_model_get_n_items (tables_a); i++)
      {
        g_autoptr(NfMetricTable) a = g_list_model_get_item (tables_a, i);
        g_autoptr(NfMetricTable) b = NULL;
        int in = (int) nf_metric_table_get_block (a);

        if ((in == NF_BLOCK_NONE ? NF_N_BLOCKS : in) != block)
          continue;
        b = g_list_model_get_item (tables_b, t++);
        assert_same_table (a, b, lang);
      }
}

static void
assert_round_trip (NfCanvas *canvas)
{
  assert_round_trip_in (canvas, NULL);
}

static void
test_case_round_trip (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (GPOINTER_TO_UINT (data), &error);

  g_assert_no_error (error);
  assert_round_trip (canvas);
  /* In English too: what --lang en writes reads back as those words. */
  assert_round_trip_in (canvas, "en");
}

static NfNote *
note_with (NfCanvas   *canvas,
           const char *text)
{
  g_autofree char *id = nf_canvas_new_note_id (canvas);
  g_autoptr(NfText) t = nf_text_new (text);

  return nf_note_new (id, t);
}

/* Text that Markdown would read as markup comes back as written. */
static void
test_escaping (void)
{
  static const char * const texts[] = {
    "# not a heading", "- not a list", "1. not numbered", "2) nor this", "> no quote",
    "*stars* and _under_ scores", "a [link](http://example.com) and `code`",
    "<b>html</b> & &amp; entities", "pipes | in | text", "back\\slash", "~~struck~~",
    "+ plus", "=equals", "Channels", "混合 text：中文 ¥2,235.1万",
  };
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();

  nf_canvas_set_title (canvas, "Escapes: \"quoted\" # hash");
  nf_canvas_set_company (canvas, "Acme & Co");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(NfNote) note = note_with (canvas, texts[i]);

      g_assert_true (nf_canvas_insert_note (canvas, i % 2 ? NF_BLOCK_CHANNELS : NF_BLOCK_KEY_PARTNERS,
                                            i / 2, note, NULL));
    }
  {
    g_autoptr(NfText) title = nf_text_new ("Pipes | and *stars*");
    g_autoptr(NfMetricTable) table = nf_metric_table_new ("t1", title);
    g_autoptr(NfText) year = nf_text_new ("Year");
    g_autoptr(NfText) revenue = nf_text_new ("Revenue");
    g_autoptr(NfText) note = nf_text_new ("Comment");
    const char *row1[] = { "2021", "$9.5 million", "a | b", NULL };
    const char *row2[] = { "2022", "$12 million", "*up*", NULL };

    g_assert_true (nf_canvas_insert_table (canvas, 0, table, NULL));
    nf_canvas_set_table_block (canvas, table, NF_BLOCK_REVENUE_STREAMS);
    nf_canvas_insert_table_column (canvas, table, 0, year, NF_COLUMN_YEAR, NULL);
    nf_canvas_insert_table_column (canvas, table, 1, revenue, NF_COLUMN_MONEY, "USD");
    nf_canvas_insert_table_column (canvas, table, 2, note, NF_COLUMN_TEXT, NULL);
    nf_canvas_insert_table_row (canvas, table, 0, row1);
    nf_canvas_insert_table_row (canvas, table, 1, row2);
  }
  assert_round_trip (canvas);
}

static void
test_to_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (3, &error);
  g_autofree char *dir = g_dir_make_tmp ("nf-md-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "shupao.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *data = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  g_assert_true (nf_export_markdown_to_file (canvas, NULL, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  expected = nf_export_markdown (canvas, NULL);
  g_assert_cmpstr (data, ==, expected);
  g_assert_true (g_str_has_prefix (data, "---\ntitle: "));
  g_assert_nonnull (strstr (data, "\n## Key Partners\n"));
  g_unlink (path);
  g_rmdir (dir);
}

/* The front matter is YAML that a YAML parser reads back to the values
 * as exported (python3-yaml, as a third party would read it). */
static const char yaml_check[] =
  "import sys, yaml\n"
  "front = None\n"
  "for arg in sys.argv[1:]:\n"
  "    if arg.startswith('@'):\n"
  "        text = open(arg[1:], encoding='utf-8').read()\n"
  "        assert text.startswith('---\\n'), 'no front matter'\n"
  "        front = yaml.safe_load(text[4:text.index('\\n---\\n', 4)])\n"
  "        continue\n"
  "    key, _, value = arg.partition('=')\n"
  "    if front.get(key) != value:\n"
  "        sys.exit('%s: %r, not %r' % (key, front.get(key), value))\n";

static char *
one_line (const char *text)
{
  g_autofree char *copy = g_strdup (text);

  g_strdelimit (copy, "\r\n\t", ' ');
  return g_strdup (g_strstrip (copy));
}

static char *
pair (const char *key,
      const char *value)
{
  g_autofree char *line = one_line (value);

  return g_strdup_printf ("%s=%s", key, line);
}

/* Writes the canvas's front matter to a file in `dir` and adds what a
 * YAML parser must read from it to `argv`, for one python3 run. */
static void
add_yaml_front (GPtrArray  *argv,
                const char *dir,
                NfCanvas   *canvas,
                const char *lang)
{
  g_autofree char *markdown = nf_export_markdown (canvas, lang);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%u.md", argv->len);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  const char *title = nf_canvas_get_title_for_language (canvas, lang);
  const char *description = nf_canvas_get_description_for_language (canvas, lang);

  g_assert_true (g_file_set_contents (path, markdown, -1, &error));
  g_ptr_array_add (argv, g_strconcat ("@", path, NULL));
  if (title != NULL && *title != '\0')
    g_ptr_array_add (argv, pair ("title", title));
  if (*nf_canvas_get_company_for_language (canvas, lang) != '\0')
    g_ptr_array_add (argv, pair ("company", nf_canvas_get_company_for_language (canvas, lang)));
  if (description != NULL)
    g_ptr_array_add (argv, pair ("description", description));
}

static void
check_yaml (GPtrArray  *argv,
            const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err,
                     &status, &error))
    g_error ("python3: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("the front matter is not the YAML it should be: %s", err);
  for (guint i = 0; i < argv->len; i++)
    if (argv->pdata[i] != NULL && ((char *) argv->pdata[i])[0] == '@')
      g_unlink ((char *) argv->pdata[i] + 1);
  g_rmdir (dir);
}

static void
test_front_matter_yaml (void)
{
  static const char * const hostile[] = {
    "say \"hello\" to 'them'", "key: value: more", "# not a comment", "*alias", "&anchor",
    "!tag value", "line one\nline two\r\nthree", "数跑科技：“引号”与《书名》", "- a list?",
    "trailing backslash \\", "{ flow: map }", "[1, 2]", "@at `tick` |pipe >fold", "%directive",
    "yes", "null", "~", "0x1F", "1e3", "  spaced  ", "tab\there", "ctrl\xc2\x85next\xc2\x9f",
    "bom\xef\xbb\xbfin", "..." , "---",
  };

  g_autoptr(GError) dir_error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nf-front-XXXXXX", &dir_error);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (dir_error);
  g_ptr_array_add (argv, g_strdup ("python3"));
  g_ptr_array_add (argv, g_strdup ("-c"));
  g_ptr_array_add (argv, g_strdup (yaml_check));
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(NfCanvas) canvas = nf_canvas_load_case (i, NULL);

      add_yaml_front (argv, dir, canvas, NULL);
      add_yaml_front (argv, dir, canvas, "en");
    }
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(NfCanvas) canvas = nf_canvas_new ();
      g_autofree char *markdown = NULL;
      g_autoptr(NfCanvas) back = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = NULL;

      nf_canvas_set_title (canvas, hostile[i]);
      nf_canvas_set_company (canvas, hostile[(i + 1) % G_N_ELEMENTS (hostile)]);
      nf_canvas_set_description (canvas, hostile[(i + 2) % G_N_ELEMENTS (hostile)]);
      {
        g_autoptr(NfNote) note = note_with (canvas, "A note");
        g_assert_true (nf_canvas_insert_note (canvas, NF_BLOCK_CHANNELS, 0, note, NULL));
      }
      add_yaml_front (argv, dir, canvas, NULL);

      /* And Ninefold's own importer reads the same values. */
      markdown = nf_export_markdown (canvas, NULL);
      back = nf_import_from_data (markdown, strlen (markdown), "front.md", &error);
      g_assert_no_error (error);
      expected = one_line (nf_canvas_get_description (canvas));
      /* The importer folds runs of spaces, and format and control
       * characters, as it does in any write-up. */
      if (strstr (expected, "  ") == NULL && strstr (expected, "\xef\xbb\xbf") == NULL &&
          strstr (expected, "\xc2\x85") == NULL)
        g_assert_cmpstr (nf_canvas_get_description (back), ==, expected);
    }
  check_yaml (argv, dir);
}

/* The document's own words (headings) follow the language asked for, as
 * its notes do, whatever the process speaks. */
static void
test_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (2, &error);
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;

  g_assert_no_error (error);
  zh = nf_export_markdown (canvas, "zh-CN");
  g_assert_nonnull (strstr (zh, "\n## 来源\n"));
  g_assert_null (strstr (zh, "\n## Sources\n"));
  en = nf_export_markdown (canvas, "en");
  g_assert_nonnull (strstr (en, "\n## Sources\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("/export-markdown/case/%u", i);

      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_case_round_trip);
    }
  g_test_add_func ("/export-markdown/escaping", test_escaping);
  g_test_add_func ("/export-markdown/language", test_language);
  g_test_add_func ("/export-markdown/to-file", test_to_file);
  g_test_add_func ("/export-markdown/front-matter-yaml", test_front_matter_yaml);
  return g_test_run ();
}
