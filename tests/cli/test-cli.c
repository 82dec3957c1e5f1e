/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the built `ninefold` binary as a user would, with no display. */
#include "config.h"

#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <ninefold.h>

#include "nf-test-cli.h"

static const char *commands[] = { "validate", "info", "convert", "help" };

static GPtrArray *
seed_files (void)
{
  const char *dir_path = g_getenv ("NF_SEEDS_DIR");
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir_path != NULL)
    dir = g_dir_open (dir_path, 0, NULL);
  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".md"))
        g_ptr_array_add (files, g_build_filename (dir_path, name, NULL));

  if (files->len == 0)
    {
      g_test_skip ("no write-ups in $NF_SEEDS_DIR");
      return NULL;
    }
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);
  return g_steal_pointer (&files);
}

static void
assert_usage_error (NfTestRun  *run,
                    const char *mentions)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_true (g_str_has_prefix (run->err, "ninefold: "));
  g_assert_nonnull (strstr (run->err, "--help"));
  if (mentions != NULL)
    g_assert_nonnull (strstr (run->err, mentions));
  g_assert_cmpstr (run->out, ==, "");
}

static void
test_tool_help (void)
{
  const char *spellings[] = { "--help", "-h", "help" };

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autoptr(NfTestRun) run = nf_test_run (spellings[i], NULL);

      g_assert_cmpint (run->status, ==, 0);
      g_assert_true (g_str_has_prefix (run->out, "Usage:"));
      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        g_assert_nonnull (strstr (run->out, commands[c]));
      g_assert_cmpstr (run->err, ==, "");
    }
}

static void
test_command_help (gconstpointer data)
{
  const char *command = data;
  g_autofree char *usage = g_strdup_printf ("ninefold %s [OPTION…]", command);
  g_autoptr(NfTestRun) long_form = nf_test_run (command, "--help", NULL);
  g_autoptr(NfTestRun) short_form = nf_test_run (command, "-h", NULL);
  g_autoptr(NfTestRun) via_help = nf_test_run ("help", command, NULL);

  g_assert_cmpint (long_form->status, ==, 0);
  g_assert_true (g_str_has_prefix (long_form->out, "Usage:"));
  g_assert_nonnull (strstr (long_form->out, usage));
  g_assert_cmpstr (long_form->err, ==, "");

  g_assert_cmpint (short_form->status, ==, 0);
  g_assert_cmpstr (short_form->out, ==, long_form->out);
  g_assert_cmpint (via_help->status, ==, 0);
  g_assert_cmpstr (via_help->out, ==, long_form->out);
}

static void
test_convert_help_lists_output (void)
{
  g_autoptr(NfTestRun) run = nf_test_run ("convert", "--help", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "-o, --output=OUT"));
}

static void
test_version (void)
{
  g_autoptr(NfTestRun) run = nf_test_run ("--version", NULL);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "ninefold " NF_VERSION "\n");
}

static void
test_unknown_command (void)
{
  g_autoptr(NfTestRun) word = nf_test_run ("frobnicate", "x.ninefold", NULL);
  g_autoptr(NfTestRun) help = nf_test_run ("help", "frobnicate", NULL);
  g_autoptr(NfTestRun) option = nf_test_run ("--frobnicate", NULL);

  assert_usage_error (word, "frobnicate");
  assert_usage_error (help, "frobnicate");
  assert_usage_error (option, "--frobnicate");
}

static void
test_unknown_option (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autoptr(NfTestRun) run = nf_test_run (commands[c], "--frobnicate", "x.ninefold", NULL);

      assert_usage_error (run, "--frobnicate");
      g_assert_nonnull (strstr (run->err, commands[c]));
    }
}

static void
test_missing_arguments (void)
{
  const char *cases[][4] = {
    { "validate", NULL },
    { "info", NULL },
    { "info", "a.ninefold", "b.ninefold", NULL },
    { "convert", NULL },
    { "convert", "a.ninefold", NULL },
    { "convert", "-o", "out.ninefold", NULL },
    { "convert", "a.ninefold", "-o", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NfTestRun) run = nf_test_run_to (NULL, cases[i]);

      assert_usage_error (run, cases[i][0]);
    }
}

static void
test_validate_cases (void)
{
  g_autoptr(GPtrArray) files = nf_test_case_files ();
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(NfTestRun) together = NULL;

  if (files == NULL)
    return;

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(NfTestRun) run = nf_test_run ("validate", path, NULL);
      g_autofree char *expected = g_strdup_printf ("%s: ok\n", path);

      g_assert_cmpint (run->status, ==, 0);
      g_assert_cmpstr (run->out, ==, expected);
      g_assert_cmpstr (run->err, ==, "");
      g_ptr_array_add (all, (gpointer) path);
    }

  g_ptr_array_insert (all, 0, "validate");
  g_ptr_array_add (all, NULL);
  together = nf_test_run_to (NULL, (const char * const *) all->pdata);
  g_assert_cmpint (together->status, ==, 0);
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_validate_bad (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ninefold-cli-XXXXXX", &error);
  g_autofree char *broken = NULL;
  g_autofree char *garbage = NULL;
  g_autoptr(GPtrArray) files = NULL;

  g_assert_no_error (error);
  broken = write_temp (dir, "broken.ninefold",
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">\n"
                       "  <metadata>\n"
                       "    <company>Half a file</comp");
  garbage = write_temp (dir, "garbage.ninefold", "this is not XML\n");

  {
    g_autoptr(NfTestRun) run = nf_test_run ("validate", broken, NULL);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_true (g_str_has_prefix (run->err, "ninefold: "));
    g_assert_nonnull (strstr (run->err, "broken.ninefold"));
    g_assert_null (strstr (run->out, "ok"));
  }

  {
    g_autoptr(NfTestRun) run = nf_test_run ("validate", broken, garbage, NULL);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->err, "broken.ninefold"));
    g_assert_nonnull (strstr (run->err, "garbage.ninefold"));
  }

  {
    g_autofree char *missing = g_build_filename (dir, "missing.ninefold", NULL);
    g_autoptr(NfTestRun) run = nf_test_run ("validate", missing, NULL);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->err, "missing.ninefold"));
  }

  /* A bad file among good ones fails the run, and the good ones are still
   * reported. */
  files = nf_test_case_files ();
  if (files != NULL)
    {
      const char *good = g_ptr_array_index (files, 0);
      g_autoptr(NfTestRun) run = nf_test_run ("validate", good, broken, NULL);
      g_autofree char *ok = g_strdup_printf ("%s: ok\n", good);

      g_assert_cmpint (run->status, ==, 1);
      g_assert_cmpstr (run->out, ==, ok);
      g_assert_nonnull (strstr (run->err, "broken.ninefold"));
    }

  g_unlink (broken);
  g_unlink (garbage);
  g_rmdir (dir);
}

/* The last whitespace-separated word of the line that starts with `label`. */
static char *
value_after (const char *text,
             const char *label)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], label) && lines[i][strlen (label)] == ' ')
      {
        const char *end = lines[i] + strlen (lines[i]);
        const char *start = end;

        while (start > lines[i] && start[-1] != ' ')
          start--;
        return g_strndup (start, end - start);
      }
  return NULL;
}

static void
test_info_case (void)
{
  g_autoptr(GPtrArray) files = nf_test_case_files ();

  if (files == NULL)
    return;

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(NfCanvas) canvas = nf_canvas_load_from_file (file, NULL, &error);
      g_autoptr(NfTestRun) run = nf_test_run ("info", path, NULL);
      g_autofree char *total = NULL;
      g_autofree char *expected_total = NULL;
      GListModel *tables;

      g_assert_no_error (error);
      g_assert_cmpint (run->status, ==, 0);
      g_assert_cmpstr (run->err, ==, "");
      g_assert_nonnull (strstr (run->out, nf_canvas_get_company (canvas)));
      g_assert_nonnull (strstr (run->out, nf_canvas_get_title (canvas)));

      /* All nine, with their counts, in canvas order. */
      {
        const char *previous = run->out;

        for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
          {
            g_autofree char *count = value_after (run->out, nf_block_title (b));
            g_autofree char *expected = g_strdup_printf ("%u", g_list_model_get_n_items (nf_canvas_get_notes (canvas, b)));
            const char *at = strstr (run->out, nf_block_title (b));

            g_assert_nonnull (at);
            g_assert_true (at > previous);
            previous = at;
            g_assert_cmpstr (count, ==, expected);
          }
      }
      total = value_after (run->out, "Total");
      expected_total = g_strdup_printf ("%u", nf_canvas_get_n_notes (canvas));
      g_assert_cmpstr (total, ==, expected_total);

      tables = nf_canvas_get_tables (canvas);
      for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
        {
          g_autoptr(NfMetricTable) table = g_list_model_get_item (tables, t);

          g_assert_nonnull (strstr (run->out, nf_text_get (nf_metric_table_get_title (table))));
        }
    }
}

static void
test_info_missing (void)
{
  g_autoptr(NfTestRun) run = nf_test_run ("info", "/nonexistent/nowhere.ninefold", NULL);

  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, "nowhere.ninefold"));
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static void
test_convert_canonical (void)
{
  g_autoptr(GPtrArray) files = nf_test_case_files ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  if (files == NULL)
    return;

  dir = g_dir_make_tmp ("ninefold-cli-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *copy = g_build_filename (dir, "copy.ninefold", NULL);
      g_autoptr(NfTestRun) to_file = nf_test_run ("convert", path, "-o", copy, NULL);
      g_autoptr(NfTestRun) to_stdout = nf_test_run ("convert", path, "-o", "-", NULL);
      g_autoptr(GBytes) original = read_bytes (path);
      g_autoptr(GBytes) converted = NULL;

      g_assert_cmpint (to_file->status, ==, 0);
      g_assert_cmpstr (to_file->out, ==, "");
      g_assert_cmpstr (to_file->err, ==, "");
      converted = read_bytes (copy);
      g_assert_true (g_bytes_equal (original, converted));

      g_assert_cmpint (to_stdout->status, ==, 0);
      g_assert_cmpstr (to_stdout->out, ==, g_bytes_get_data (original, NULL));
      g_unlink (copy);
    }

  g_rmdir (dir);
}

/* Every seed either converts into a file that validates, or is refused
 * as invalid input (exit 1, naming it, writing nothing): a write-up with no
 * section about any block is not a canvas. At least one must convert. */
static void
test_convert_write_up (void)
{
  g_autoptr(GPtrArray) seeds = seed_files ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  guint converted = 0;

  if (seeds == NULL)
    return;

  dir = g_dir_make_tmp ("ninefold-cli-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < seeds->len; i++)
    {
      const char *seed = g_ptr_array_index (seeds, i);
      g_autofree char *base = g_path_get_basename (seed);
      g_autofree char *out = g_build_filename (dir, "imported.ninefold", NULL);
      g_autoptr(NfTestRun) convert = nf_test_run ("convert", seed, "-o", out, NULL);
      g_autoptr(NfTestRun) info = nf_test_run ("info", seed, NULL);

      if (convert->status == 1)
        {
          g_assert_true (g_str_has_prefix (convert->err, "ninefold: "));
          g_assert_nonnull (strstr (convert->err, base));
          g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
          g_assert_cmpint (info->status, ==, 1);
          continue;
        }

      g_assert_cmpint (convert->status, ==, 0);
      g_assert_cmpstr (convert->err, ==, "");
      {
        g_autoptr(NfTestRun) validate = nf_test_run ("validate", out, NULL);

        g_assert_cmpint (validate->status, ==, 0);
      }

      g_assert_cmpint (info->status, ==, 0);
      g_assert_nonnull (strstr (info->out, "write-up"));
      for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
        g_assert_nonnull (strstr (info->out, nf_block_title (b)));
      converted++;
      g_unlink (out);
    }
  g_assert_cmpuint (converted, >, 0);
  g_rmdir (dir);
}

/* Each repair the importer makes is a warning line naming the line; the
 * canvas is still written. */
static void
test_convert_warns_repairs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ninefold-cli-XXXXXX", &error);
  g_autofree char *md = NULL;
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  md = write_temp (dir, "mended.md",
                   "## Key Partners\n\n- Two mills.\nA bank lends.\n\n###\n\n*Fortune *500.\n\n"
                   "## Channels\n\nWeb.\n");
  out = g_build_filename (dir, "out.ninefold", NULL);
  {
    g_autoptr(NfTestRun) run = nf_test_run ("convert", md, "-o", out, NULL);
    g_auto(GStrv) lines = g_strsplit (run->err, "\n", -1);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (g_strv_length (lines), ==, 4);  /* three and the empty tail */
    for (guint i = 0; i < 3; i++)
      {
        g_assert_true (g_str_has_prefix (lines[i], "ninefold: warning: "));
        g_assert_nonnull (strstr (lines[i], "mended.md"));
      }
    g_assert_nonnull (strstr (lines[0], "line 4"));
    g_assert_nonnull (strstr (lines[1], "line 6"));
    g_assert_nonnull (strstr (lines[2], "line 8"));
  }
  g_unlink (out);
  g_unlink (md);
  g_rmdir (dir);
}

/* check: findings exit 1, a clean canvas 0, an unreadable one 2; each
 * finding names the file and the note. */
static void
test_check (void)
{
  g_autofree char *flawed = g_test_build_filename (G_TEST_DIST, "data", "check",
                                                   "flawed.ninefold", NULL);
  g_autofree char *clean = g_test_build_filename (G_TEST_DIST, "data", "check",
                                                  "clean.ninefold", NULL);

  {
    g_autoptr(NfTestRun) run = nf_test_run ("check", flawed, NULL);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->out, "flawed.ninefold: n6: "));
    g_assert_nonnull (strstr (run->out, "flawed.ninefold: n4: "));
    g_assert_cmpstr (run->err, ==, "");
  }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("check", clean, NULL);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_cmpstr (run->out, ==, "");
  }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("check", "/nonexistent/none.ninefold", NULL);

    g_assert_cmpint (run->status, ==, 2);
  }
  /* Conflicts the canvas marks are printed as such and pass; a merge
   * left open does not. */
  {
    g_autofree char *marked = g_test_build_filename (G_TEST_DIST, "data", "check",
                                                     "marked.ninefold", NULL);
    g_autofree char *data = NULL;
    g_autofree char *dir = g_dir_make_tmp ("ninefold-check-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "only-marked.ninefold", NULL);
    g_autoptr(GString) text = NULL;
    g_autoptr(NfTestRun) before = nf_test_run ("check", marked, NULL);

    g_assert_cmpint (before->status, ==, 1);
    g_assert_nonnull (strstr (before->out, "marked.ninefold: n1: marked conflict: "));
    g_assert_nonnull (strstr (before->out, "marked.ninefold: n6: a merge kept two versions"));
    g_assert_true (g_file_get_contents (marked, &data, NULL, NULL));
    text = g_string_new (data);
    g_assert_cmpuint (g_string_replace (text, "    <conflict kind=\"note\" ours=\"n6\" theirs=\"n7\"/>\n", "", 0), ==, 1);
    g_assert_cmpuint (g_string_replace (text, "  <conflicts>\n  </conflicts>\n", "", 0), ==, 1);
    g_assert_cmpuint (g_string_replace (text, "    <note id=\"n7\" evidence=\"reported\">\n"
                                              "      <text>Riders rate the app 4.6 stars.</text>\n"
                                              "    </note>\n", "", 0), ==, 1);
    g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
    {
      /* Away from its source the copy says so, and fails. */
      g_autoptr(NfTestRun) away = nf_test_run ("check", path, NULL);
      g_autofree char *sources = g_path_get_dirname (marked);
      g_autoptr(NfTestRun) run = nf_test_run ("check", "--sources", sources, path, NULL);

      g_assert_cmpint (away->status, ==, 1);
      g_assert_nonnull (strstr (away->out, "only-marked.ninefold: s1: the source file “contradict.md” was not found"));
      g_assert_cmpint (run->status, ==, 0);
      g_assert_nonnull (strstr (run->out, "only-marked.ninefold: n3: marked conflict: "));
    }
    g_unlink (path);
    g_rmdir (dir);
  }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("check", NULL);

    g_assert_cmpint (run->status, ==, 2);
  }
}

static void
test_convert_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ninefold-cli-XXXXXX", &error);
  g_autofree char *broken = NULL;
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  broken = write_temp (dir, "broken.ninefold", "<?xml version=\"1.0\"?>\n<canvas>\n");
  out = g_build_filename (dir, "out.ninefold", NULL);
  {
    g_autoptr(NfTestRun) run = nf_test_run ("convert", broken, "-o", out, NULL);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->err, "broken.ninefold"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  g_unlink (broken);
  g_rmdir (dir);
}

/* --- export --- */

static char *
pdf_pages (const char *path)
{
  g_autofree char *tool = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  const char *argv[] = { tool, path, NULL };
  g_autoptr(GError) error = NULL;
  const char *line;

  if (tool == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, NULL, &error);
  g_assert_no_error (error);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return g_strndup (line, strcspn (line, "\n"));
}

static void
test_export_cases (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nf-cli-export-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "deck.pdf", NULL);
  g_autofree char *a4 = g_build_filename (dir, "a4.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "one.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "one.svg", NULL);
  g_autoptr(GPtrArray) files = nf_test_case_files ();
  g_autofree char *pages = NULL;

  g_assert_no_error (error);
  if (files == NULL)
    return;

  {
    g_autoptr(NfTestRun) run = nf_test_run ("export", "cases", "-o", pdf, "--title", "Cases", NULL);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_cmpstr (run->err, ==, "");
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }
  {
    /* The files by name give the same deck as the word "cases". */
    g_autoptr(NfTestRun) run = nf_test_run ("export", g_ptr_array_index (files, 0),
                                       g_ptr_array_index (files, 1),
                                       g_ptr_array_index (files, 2),
                                       g_ptr_array_index (files, 3),
                                       "-o", a4, "--page-size", "A4", "--lang", "en", NULL);

    g_assert_cmpint (run->status, ==, 0);
  }
  pages = pdf_pages (pdf);
  if (pages != NULL)
    {
      g_autofree char *a4_pages = pdf_pages (a4);

      g_test_message ("%s; A4: %s", pages, a4_pages);
      /* A title slide and at least a slide per canvas. */
      g_assert_cmpuint (g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10), >=, 5);
      g_assert_cmpuint (g_ascii_strtoull (a4_pages + strlen ("Pages:"), NULL, 10), >=, 5);
    }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("export", g_ptr_array_index (files, 3),
                                       "-o", png, "--dpi", "144", NULL);
    cairo_surface_t *image;

    g_assert_cmpint (run->status, ==, 0);
    image = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1920);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1080);
    cairo_surface_destroy (image);
  }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("export", g_ptr_array_index (files, 0), "-o", svg, NULL);
    g_autofree char *contents = NULL;

    g_assert_cmpint (run->status, ==, 0);
    g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "<svg"));
  }
  g_unlink (pdf);
  g_unlink (a4);
  g_unlink (png);
  g_unlink (svg);
  g_rmdir (dir);
}

/* The word "cases" is the shipped cases in any folder, even one holding a
 * folder or file of that name (a folder "cases" in /tmp made the word read
 * it, and fail); the note says how to reach the other, "./cases". */
static void
test_export_cases_word (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ninefold-cli-XXXXXX", &error);
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) files = nf_test_case_files ();

  g_assert_no_error (error);
  if (files == NULL)
    return;
  folder = g_build_filename (dir, "cases", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint pass = 0; pass < 2; pass++)
    {
      /* First a folder named "cases", then a file. */
      g_autoptr(NfTestRun) run = nf_test_run_in (dir, NULL, (const char * const []) {
        "export", "cases", "-o", "cases.pdf", NULL });
      g_autoptr(NfTestRun) path = nf_test_run_in (dir, NULL, (const char * const []) {
        "export", "./cases", "-o", "path.pdf", NULL });
      g_autofree char *pdf = g_build_filename (dir, "cases.pdf", NULL);
      g_autofree char *not_made = g_build_filename (dir, "path.pdf", NULL);

      g_assert_cmpint (run->status, ==, 0);
      g_assert_nonnull (strstr (run->err, pass == 0 ? "folder named “cases” here, write “./cases”"
                                                    : "file named “cases” here, write “./cases”"));
      g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
      /* ./cases is the folder or file, and says what it is not. */
      g_assert_cmpint (path->status, !=, 0);
      g_assert_nonnull (strstr (path->err, pass == 0 ? "folder" : "cases"));
      g_assert_false (g_file_test (not_made, G_FILE_TEST_EXISTS));
      g_remove (pdf);
      if (pass == 0)
        {
          g_assert_cmpint (g_rmdir (folder), ==, 0);
          g_assert_true (g_file_set_contents (folder, "not a canvas\n", -1, NULL));
        }
    }
  g_remove (folder);
  g_rmdir (dir);
}

static void
test_export_usage (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nf-cli-export-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "deck.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "deck.png", NULL);
  g_autofree char *txt = g_build_filename (dir, "deck.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.ninefold", NULL);
  struct {
    const char *args[8];
    int         status;
  } cases[] = {
    { { "export", "cases", NULL }, 2 },
    { { "export", "-o", pdf, NULL }, 2 },
    { { "export", "cases", "-o", txt, NULL }, 2 },
    { { "export", "cases", "-o", pdf, "--page-size", "a5", NULL }, 2 },
    { { "export", "cases", "-o", png, NULL }, 2 },
    { { "export", "cases", "-o", png, "--dpi", "-3", NULL }, 2 },
    { { "export", missing, "-o", pdf, NULL }, 1 },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NfTestRun) run = nf_test_run_to (NULL, cases[i].args);

      g_assert_cmpint (run->status, ==, cases[i].status);
      g_assert_cmpstr (run->out, ==, "");
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("--help", NULL);

    g_assert_nonnull (strstr (run->out, "export"));
  }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("export", "--help", NULL);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_nonnull (strstr (run->out, "--page-size"));
  }
  g_rmdir (dir);
}

/* --- export: comparisons and Markdown (the export work) --- */

static void
test_export_compare (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nf-cli-compare-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "compare.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "compare.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "compare.svg", NULL);
  g_autofree char *md = g_build_filename (dir, "compare.md", NULL);
  g_autoptr(GPtrArray) files = nf_test_case_files ();

  g_assert_no_error (error);
  if (files == NULL)
    return;
  {
    g_autoptr(NfTestRun) run = nf_test_run ("export", "cases", "--compare", "-o", pdf, NULL);
    g_autofree char *pages = pdf_pages (pdf);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_cmpstr (run->err, ==, "");
    /* The title, the overview, a slide per block, the metrics, and a
     * slide per canvas at least. */
    if (pages != NULL)
      g_assert_cmpuint (g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10), >=, 1 + 11 + 4);
  }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("export", g_ptr_array_index (files, 0),
                                       g_ptr_array_index (files, 3), "--compare", "-o", png, NULL);
    cairo_surface_t *image;

    g_assert_cmpint (run->status, ==, 0);
    image = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1280);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 720);
    cairo_surface_destroy (image);
  }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("export", "cases", "--compare", "-o", svg, NULL);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));
  }
  {
    /* One canvas is no comparison; a comparison is no Markdown. */
    g_autoptr(NfTestRun) one = nf_test_run ("export", g_ptr_array_index (files, 0), "--compare",
                                       "-o", png, "--dpi", "72", NULL);
    g_autoptr(NfTestRun) markdown = nf_test_run ("export", "cases", "--compare", "-o", md, NULL);

    g_assert_cmpint (one->status, ==, 2);
    g_assert_cmpint (markdown->status, ==, 2);
    g_assert_false (g_file_test (md, G_FILE_TEST_EXISTS));
  }
  g_unlink (pdf);
  g_unlink (png);
  g_unlink (svg);
  g_rmdir (dir);
}

/* export -o X.md writes a write-up that convert reads back to a canvas
 * with the same notes. */
static void
test_export_markdown (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nf-cli-md-XXXXXX", &error);
  g_autofree char *md = g_build_filename (dir, "alibaba.md", NULL);
  g_autofree char *back = g_build_filename (dir, "alibaba.ninefold", NULL);
  g_autoptr(GPtrArray) files = nf_test_case_files ();

  g_assert_no_error (error);
  if (files == NULL)
    return;
  {
    g_autoptr(NfTestRun) run = nf_test_run ("export", g_ptr_array_index (files, 1), "-o", md, NULL);
    g_autofree char *text = NULL;

    g_assert_cmpint (run->status, ==, 0);
    g_assert_cmpstr (run->err, ==, "");
    g_assert_true (g_file_get_contents (md, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "\n## Value Propositions\n"));
    g_assert_nonnull (strstr (text, " ---: |\n"));
  }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("convert", md, "-o", back, NULL);
    g_autoptr(NfTestRun) info = NULL;
    g_autoptr(NfTestRun) original = NULL;

    g_assert_cmpint (run->status, ==, 0);
    info = nf_test_run ("info", back, NULL);
    original = nf_test_run ("info", g_ptr_array_index (files, 1), NULL);
    g_assert_cmpint (info->status, ==, 0);
    /* Same notes per block: the table that counts them is the same. */
    {
      const char *a = strstr (info->out, "\nBlock ");
      const char *b = strstr (original->out, "\nBlock ");
      const char *a_end = a != NULL ? strstr (a, "\nTotal") : NULL;
      const char *b_end = b != NULL ? strstr (b, "\nTotal") : NULL;

      g_assert_nonnull (a_end);
      g_assert_nonnull (b_end);
      g_assert_cmpuint (a_end - a, ==, b_end - b);
      g_assert_cmpint (memcmp (a, b, a_end - a), ==, 0);
    }
  }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("export", "cases", "-o", md, NULL);

    g_assert_cmpint (run->status, ==, 2);
  }
  g_unlink (md);
  g_unlink (back);
  g_rmdir (dir);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("pdftotext: %s", error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* --lang picks the translation of every text that has one: the canvas's
 * name and title, table titles, column names and row labels. */
static void
test_export_lang (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nf-cli-lang-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "shupao.pdf", NULL);
  g_autoptr(GPtrArray) files = nf_test_case_files ();

  g_assert_no_error (error);
  if (files == NULL)
    return;
  {
    g_autoptr(NfTestRun) run = nf_test_run ("export", g_ptr_array_index (files, 3), "--lang", "en",
                                       "-o", pdf, NULL);
    g_autofree char *text = NULL;

    g_assert_cmpint (run->status, ==, 0);
    text = pdf_text (pdf);
    g_assert_nonnull (strstr (text, "Shupao Technology"));
    g_assert_nonnull (strstr (text, "Company figures"));
    g_assert_nonnull (strstr (text, "Team size"));
    g_assert_nonnull (strstr (text, "nearly 200 people"));
    g_assert_null (strstr (text, "团队人数"));
    g_assert_null (strstr (text, "数跑科技的商业模式"));
  }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("export", g_ptr_array_index (files, 3), "-o", pdf, NULL);
    g_autofree char *text = NULL;

    g_assert_cmpint (run->status, ==, 0);
    text = pdf_text (pdf);
    g_assert_nonnull (strstr (text, "团队人数"));
    g_assert_null (strstr (text, "Team size"));
  }
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_diff_same (void)
{
  g_autoptr(GPtrArray) files = nf_test_case_files ();
  g_autoptr(NfTestRun) run = NULL;

  if (files == NULL)
    return;
  run = nf_test_run ("diff", files->pdata[0], files->pdata[0], NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "");
}

/* One note edited, one deleted, one moved: exactly three lines. */
static void
test_diff_three_changes (void)
{
  g_autoptr(GPtrArray) files = nf_test_case_files ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(NfText) text = NULL;
  g_autoptr(NfTestRun) run = NULL;
  g_auto(GStrv) lines = NULL;
  GListModel *partners;
  NfNote *edited, *deleted, *moved;

  if (files == NULL)
    return;
  source = g_file_new_for_path (files->pdata[0]);
  canvas = nf_canvas_load_from_file (source, NULL, &error);
  g_assert_no_error (error);
  partners = nf_canvas_get_notes (canvas, NF_BLOCK_KEY_PARTNERS);
  g_assert_cmpuint (g_list_model_get_n_items (partners), >=, 3);
  edited = g_list_model_get_item (partners, 0);
  deleted = g_list_model_get_item (partners, 1);
  moved = g_list_model_get_item (partners, 2);

  text = nf_text_new ("An entirely rewritten partner note");
  nf_canvas_set_note_text (canvas, edited, text);
  nf_canvas_remove_note (canvas, deleted);
  nf_canvas_move_note (canvas, moved, NF_BLOCK_CHANNELS,
                       g_list_model_get_n_items (nf_canvas_get_notes (canvas, NF_BLOCK_CHANNELS)));

  dir = g_dir_make_tmp ("ninefold-diff-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "edited.ninefold", NULL);
  backup = g_strconcat (path, "~", NULL);
  copy = g_file_new_for_path (path);
  g_assert_true (nf_canvas_save_to_file (canvas, copy, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  run = nf_test_run ("diff", files->pdata[0], path, NULL);
  g_assert_cmpint (run->status, ==, 1);
  lines = g_strsplit (g_strchomp (run->out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[0], ": ~ "));
  g_assert_nonnull (strstr (lines[0], nf_note_get_id (edited)));
  g_assert_nonnull (strstr (lines[1], ": - "));
  g_assert_nonnull (strstr (lines[1], nf_note_get_id (deleted)));
  g_assert_nonnull (strstr (lines[2], ": > "));
  g_assert_nonnull (strstr (lines[2], nf_note_get_id (moved)));

  {
    g_autoptr(NfTestRun) xml = nf_test_run ("diff", "--format", "xml", files->pdata[0], path, NULL);

    g_assert_cmpint (xml->status, ==, 1);
    g_assert_true (g_str_has_prefix (xml->out, "<?xml"));
    g_assert_nonnull (strstr (xml->out, "kind=\"moved\""));
  }

  g_object_unref (edited);
  g_object_unref (deleted);
  g_object_unref (moved);
  g_remove (path);
  g_remove (backup);
  g_rmdir (dir);
}

/* A figure changed in a copy: one "Metrics:" line with both figures and
 * the difference, and exit 1 even though no note changed. */
static void
test_diff_metrics (void)
{
  g_autoptr(GPtrArray) files = nf_test_case_files ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *old_text = NULL;
  g_autoptr(NfTestRun) run = NULL;
  g_auto(GStrv) lines = NULL;
  GListModel *tables;
  NfMetricTable *changed = NULL;
  guint row = 0, column = 0;

  if (files == NULL)
    return;
  source = g_file_new_for_path (files->pdata[2]);   /* Senmiao: many tables */
  canvas = nf_canvas_load_from_file (source, NULL, &error);
  g_assert_no_error (error);
  tables = nf_canvas_get_tables (canvas);
  for (guint t = 0; t < g_list_model_get_n_items (tables) && changed == NULL; t++)
    {
      g_autoptr(NfMetricTable) table = g_list_model_get_item (tables, t);

      for (guint c = 1; c < nf_metric_table_get_n_columns (table) && changed == NULL; c++)
        {
          NfColumnType type = nf_metric_table_get_column (table, c)->type;

          if ((type == NF_COLUMN_COUNT || type == NF_COLUMN_NUMBER) &&
              nf_metric_table_get_n_rows (table) > 0 &&
              nf_metric_table_get_cell (table, 0, c)->has_value &&
              nf_metric_table_get_cell (table, 0, c)->value > 0)
            {
              changed = table;
              column = c;
            }
        }
    }
  g_assert_nonnull (changed);
  old_text = g_strdup (nf_metric_table_get_cell (changed, row, column)->text);
  nf_canvas_set_table_cell (canvas, changed, row, column, "123456789");

  dir = g_dir_make_tmp ("ninefold-diff-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "figures.ninefold", NULL);
  backup = g_strconcat (path, "~", NULL);
  copy = g_file_new_for_path (path);
  g_assert_true (nf_canvas_save_to_file (canvas, copy, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  run = nf_test_run ("diff", files->pdata[2], path, NULL);
  g_test_message ("%s", run->out);
  g_assert_cmpint (run->status, ==, 1);
  lines = g_strsplit (g_strchomp (run->out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_true (g_str_has_prefix (lines[0], "Metrics: "));
  g_assert_nonnull (strstr (lines[0], old_text));
  g_assert_nonnull (strstr (lines[0], "| 123456789"));
  g_assert_nonnull (strstr (lines[0], "; B +"));

  g_remove (path);
  g_remove (backup);
  g_rmdir (dir);
}

/* ---- diff: the text and XML formats agree ---- */

/* Bitauto (case 0) edited and saved as dir/name. */
static char *
save_variant (const char *dir,
              const char *name,
              const char *figure,
              const char *note_text)
{
  g_autofree char *cases = g_test_build_filename (G_TEST_DIST, "..", "resources", "cases", NULL);
  g_autofree char *first = g_build_filename (cases, "000-bitauto.ninefold", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (first);
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_from_file (source, NULL, &error);
  g_autoptr(GFile) target = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_no_error (error);
  if (figure != NULL)
    {
      g_autoptr(NfMetricTable) table = g_list_model_get_item (nf_canvas_get_tables (canvas), 0);

      nf_canvas_set_table_cell (canvas, table, 0, 1, figure);
    }
  if (note_text != NULL)
    {
      g_autoptr(NfNote) note = g_list_model_get_item (nf_canvas_get_notes (canvas, NF_BLOCK_CHANNELS), 0);
      g_autoptr(NfText) text = nf_text_new (note_text);

      nf_canvas_set_note_text (canvas, note, text);
    }
  target = g_file_new_for_path (path);
  g_assert_true (nf_canvas_save_to_file (canvas, target, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static guint
count_lines (const char *out,
             const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && (prefix == NULL ? !g_str_has_prefix (lines[i], "Metrics") : g_str_has_prefix (lines[i], prefix)))
      n++;
  return n;
}

/* Every diff case through both formats: the same exit status, and the XML
 * carries every note line and every figure the text prints. Once, three
 * canvases whose third figure differed exited 1 as text and 0 as XML, and
 * the XML had no figures at all. */
static void
test_diff_formats_agree (void)
{
  g_autoptr(GPtrArray) files = nf_test_case_files ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *same = NULL, *figure = NULL, *approx = NULL, *note = NULL;
  struct { const char *name; const char *paths[5]; int status; } sets[8];
  guint n_sets = 0;

  if (files == NULL)
    return;
  dir = g_dir_make_tmp ("ninefold-formats-XXXXXX", &error);
  g_assert_no_error (error);
  same = save_variant (dir, "same.ninefold", NULL, NULL);
  figure = save_variant (dir, "figure.ninefold", "6,000", NULL);
  approx = save_variant (dir, "approx.ninefold", "about 5,200", NULL);
  note = save_variant (dir, "note.ninefold", NULL, "A channel note said otherwise");

#define SET(label, st, ...) \
  sets[n_sets++] = (typeof (sets[0])) { label, { __VA_ARGS__, NULL }, st }
  SET ("two, same", 0, files->pdata[0], same);
  SET ("two, a figure differs", 1, files->pdata[0], figure);
  SET ("two, a figure is qualified", 1, files->pdata[0], approx);
  SET ("two versions, a note differs", 1, files->pdata[0], note);
  SET ("three, same", 0, files->pdata[0], same, same);
  SET ("three, the third's figure differs", 1, files->pdata[0], same, figure);
  SET ("four, a note differs", 1, files->pdata[0], same, same, note);
  SET ("four companies", 1, files->pdata[0], files->pdata[1], files->pdata[2], files->pdata[3]);
#undef SET

  for (guint k = 0; k < n_sets; k++)
    {
      const char *text_args[8] = { "diff" }, *xml_args[10] = { "diff", "--format", "xml" };
      guint n = 0;
      g_autoptr(NfTestRun) text = NULL;
      g_autoptr(NfTestRun) xml = NULL;
      xmlDocPtr doc;
      xmlNodePtr root;
      guint rows = 0, differing = 0, only = 0, entries = 0, unshared = 0;
      g_autofree char *same_attr = NULL;

      g_test_message ("%s", sets[k].name);
      for (; sets[k].paths[n] != NULL; n++)
        text_args[n + 1] = xml_args[n + 3] = sets[k].paths[n];
      text = nf_test_run_to (NULL, text_args);
      xml = nf_test_run_to (NULL, xml_args);
      g_assert_cmpint (text->status, ==, sets[k].status);
      g_assert_cmpint (xml->status, ==, text->status);

      doc = xmlReadMemory (xml->out, strlen (xml->out), "diff.xml", "UTF-8", XML_PARSE_NONET);
      g_assert_nonnull (doc);
      root = xmlDocGetRootElement (doc);
      same_attr = (char *) xmlGetProp (root, BAD_CAST "same");
      g_assert_cmpstr (same_attr, ==, text->status == 0 ? "true" : "false");
      for (xmlNodePtr child = root->children; child != NULL; child = child->next)
        {
          if (child->type != XML_ELEMENT_NODE)
            continue;
          if (xmlStrEqual (child->name, BAD_CAST "entry"))
            {
              g_autofree char *kind = (char *) xmlGetProp (child, BAD_CAST "kind");

              entries++;
              unshared += !g_str_equal (kind, "shared");
            }
          else if (xmlStrEqual (child->name, BAD_CAST "metrics"))
            for (xmlNodePtr m = child->children; m != NULL; m = m->next)
              {
                gboolean printed = TRUE;

                if (m->type != XML_ELEMENT_NODE)
                  continue;
                if (xmlStrEqual (m->name, BAD_CAST "row"))
                  {
                    g_autofree char *differs = (char *) xmlGetProp (m, BAD_CAST "differs");

                    rows++;
                    differing += g_str_equal (differs, "true");
                    printed = n > 2 || g_str_equal (differs, "true");
                  }
                else
                  only++;
                /* Every figure the XML has, the text prints as written. */
                for (xmlNodePtr f = m->children; f != NULL; f = f->next)
                  if (f->type == XML_ELEMENT_NODE)
                    {
                      g_autofree char *written = (char *) xmlNodeGetContent (f);
                      g_autofree char *delta = (char *) xmlGetProp (f, BAD_CAST "delta-text");

                      if (printed)
                        g_assert_nonnull (strstr (text->out, written));
                      if (printed && delta != NULL)
                        g_assert_nonnull (strstr (text->out, delta));
                    }
              }
        }
      xmlFreeDoc (doc);

      /* Two canvases: the text prints what differs; more: everything. */
      g_assert_cmpuint (count_lines (text->out, NULL), ==, n == 2 ? unshared : entries);
      g_assert_cmpuint (count_lines (text->out, "Metrics: "), ==, n == 2 ? differing : rows);
      g_assert_cmpuint (count_lines (text->out, "Metrics only in "), ==, only);
      if (text->status == 0)
        g_assert_cmpuint (differing + only + unshared, ==, 0);
    }

  g_remove (same);
  g_remove (figure);
  g_remove (approx);
  g_remove (note);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_remove (path);
      }
  }
  g_rmdir (dir);
}

/* --lang reads metric labels, figures and notes through the canvases'
 * translations, text and XML alike; a label with none stays as written,
 * and without --lang everything is as written. */
static void
test_diff_lang (void)
{
  g_autoptr(GPtrArray) files = nf_test_case_files ();

  if (files == NULL)
    return;
  {
    g_autoptr(NfTestRun) run = nf_test_run ("diff", "--lang", "en", files->pdata[0], files->pdata[3], NULL);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->out, "Metrics only in B: Team size: nearly 200 people\n"));
    g_assert_nonnull (strstr (run->out, "Share of staff in R&D: 85%"));
    g_assert_null (strstr (run->out, "团队人数"));
  }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("diff", "--lang", "en", "--format", "xml",
                                       files->pdata[0], files->pdata[3], NULL);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->out, "label=\"Team size\""));
    g_assert_nonnull (strstr (run->out, "table=\"Company figures\""));
    g_assert_null (strstr (run->out, "团队人数"));
  }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("diff", files->pdata[0], files->pdata[3], NULL);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->out, "Metrics only in B: 团队人数: 近200人\n"));
    g_assert_null (strstr (run->out, "Team size"));
  }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("diff", "--lang", "x y", files->pdata[0], files->pdata[3], NULL);

    g_assert_cmpint (run->status, ==, 2);
  }
}

static void
test_diff_bad_file (void)
{
  g_autoptr(GPtrArray) files = nf_test_case_files ();
  g_autoptr(NfTestRun) run = NULL;

  if (files == NULL)
    return;
  run = nf_test_run ("diff", files->pdata[0], "/nonexistent/none.ninefold", NULL);
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
}

/* ---- diff: word-level changes and --ignore-reorder ---- */

typedef void (*EditFunc) (NfCanvas *canvas);

/* The first shipped case (Bitauto), edited and saved under dir; NULL (and the test
 * skipped) if there are no cases. */
static char *
save_edited_case (const char *dir,
                  const char *name,
                  EditFunc    edit)
{
  g_autofree char *cases = g_test_build_filename (G_TEST_DIST, "..", "resources", "cases", NULL);
  g_autofree char *first = g_build_filename (cases, "000-bitauto.ninefold", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  char *path;

  /* By name: both sides must start from the same canvas. */
  if (!g_file_test (first, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("no case canvases in resources/cases yet");
      return NULL;
    }
  source = g_file_new_for_path (first);
  canvas = nf_canvas_load_from_file (source, NULL, &error);
  g_assert_no_error (error);
  if (edit != NULL)
    edit (canvas);
  path = g_build_filename (dir, name, NULL);
  target = g_file_new_for_path (path);
  g_assert_true (nf_canvas_save_to_file (canvas, target, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
remove_saved (const char *path)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);

  g_remove (path);
  g_remove (backup);
}

static void
set_first_partner_text (NfCanvas   *canvas,
                        const char *text)
{
  g_autoptr(NfNote) note = g_list_model_get_item (nf_canvas_get_notes (canvas, NF_BLOCK_KEY_PARTNERS), 0);
  g_autoptr(NfText) value = nf_text_new (text);

  nf_canvas_set_note_text (canvas, note, value);
}

static void
edit_latin_old (NfCanvas *canvas)
{
  set_first_partner_text (canvas, "Dealers pay a yearly fee for listings");
}

static void
edit_latin_new (NfCanvas *canvas)
{
  set_first_partner_text (canvas, "Dealers pay a monthly fee for listings");
}

static void
edit_cjk_old (NfCanvas *canvas)
{
  set_first_partner_text (canvas, "汽车厂商投放广告");
}

static void
edit_cjk_new (NfCanvas *canvas)
{
  set_first_partner_text (canvas, "汽车经销商投放广告");
}

/* The last note of the first block with two or more goes first. */
static void
edit_reorder (NfCanvas *canvas)
{
  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    {
      GListModel *notes = nf_canvas_get_notes (canvas, b);
      guint n = g_list_model_get_n_items (notes);

      if (n >= 2)
        {
          g_autoptr(NfNote) last = g_list_model_get_item (notes, n - 1);

          nf_canvas_move_note (canvas, last, b, 0);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
diff_words_case (EditFunc    old_edit,
                 EditFunc    new_edit,
                 const char *expect)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ninefold-diff-XXXXXX", &error);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(NfTestRun) run = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_no_error (error);
  a = save_edited_case (dir, "a.ninefold", old_edit);
  if (a == NULL)
    return;
  b = save_edited_case (dir, "b.ninefold", new_edit);
  run = nf_test_run ("diff", a, b, NULL);
  g_assert_cmpint (run->status, ==, 1);
  lines = g_strsplit (g_strchomp (run->out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], ": ~ "));
  if (strstr (lines[0], expect) == NULL)
    g_error ("expected “%s” in: %s", expect, lines[0]);
  remove_saved (a);
  remove_saved (b);
  g_rmdir (dir);
}

static void
test_diff_words (void)
{
  diff_words_case (edit_latin_old, edit_latin_new,
                   "Dealers pay a [-yearly-]{+monthly+} fee for listings");
}

/* Each Han character is a word: only the characters that changed are marked. */
static void
test_diff_words_cjk (void)
{
  diff_words_case (edit_cjk_old, edit_cjk_new, "汽车[-厂-]{+经销+}商投放广告");
}

static void
test_diff_ignore_reorder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ninefold-diff-XXXXXX", &error);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_no_error (error);
  a = save_edited_case (dir, "a.ninefold", NULL);
  if (a == NULL)
    return;
  b = save_edited_case (dir, "b.ninefold", edit_reorder);

  {
    g_autoptr(NfTestRun) run = nf_test_run ("diff", a, b, NULL);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->out, ": ^ "));
  }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("diff", "--ignore-reorder", a, b, NULL);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_cmpstr (run->out, ==, "");
  }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("diff", "--ignore-reorder", "--format", "xml", a, b, NULL);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_null (strstr (run->out, "kind=\"reordered\""));
  }
  {
    g_autoptr(NfTestRun) run = nf_test_run ("diff", "--help", NULL);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_nonnull (strstr (run->out, "--ignore-reorder"));
  }
  remove_saved (a);
  remove_saved (b);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (!nf_test_cli_init (argc, argv))
    return 1;

  g_test_add_func ("/cli/help/tool", test_tool_help);
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/help/%s", commands[c]);

      g_test_add_data_func (path, commands[c], test_command_help);
    }
  g_test_add_func ("/cli/help/convert-output", test_convert_help_lists_output);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/usage/unknown-command", test_unknown_command);
  g_test_add_func ("/cli/usage/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/usage/missing-arguments", test_missing_arguments);
  g_test_add_func ("/cli/validate/cases", test_validate_cases);
  g_test_add_func ("/cli/validate/bad", test_validate_bad);
  g_test_add_func ("/cli/info/case", test_info_case);
  g_test_add_func ("/cli/info/missing", test_info_missing);
  g_test_add_func ("/cli/convert/canonical", test_convert_canonical);
  g_test_add_func ("/cli/convert/write-up", test_convert_write_up);
  g_test_add_func ("/cli/convert/bad-input", test_convert_bad_input);
  g_test_add_func ("/cli/convert/warns-repairs", test_convert_warns_repairs);
  g_test_add_func ("/cli/check", test_check);
  g_test_add_func ("/cli/export/cases", test_export_cases);
  g_test_add_func ("/cli/export/usage", test_export_usage);
  g_test_add_func ("/cli/export/cases-word", test_export_cases_word);
  g_test_add_func ("/cli/export/compare", test_export_compare);
  g_test_add_func ("/cli/export/markdown", test_export_markdown);
  g_test_add_func ("/cli/export/lang", test_export_lang);
  g_test_add_func ("/cli/diff/same", test_diff_same);
  g_test_add_func ("/cli/diff/three-changes", test_diff_three_changes);
  g_test_add_func ("/cli/diff/metrics", test_diff_metrics);
  g_test_add_func ("/cli/diff/bad-file", test_diff_bad_file);
  g_test_add_func ("/cli/diff/lang", test_diff_lang);
  g_test_add_func ("/cli/diff/formats-agree", test_diff_formats_agree);
  g_test_add_func ("/cli/diff/words", test_diff_words);
  g_test_add_func ("/cli/diff/words-cjk", test_diff_words_cjk);
  g_test_add_func ("/cli/diff/ignore-reorder", test_diff_ignore_reorder);

  return g_test_run ();
}
