/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bad-input corpus through the window, as a user opening the files
 * would: every file gives one error row that names it and says what is
 * wrong, nothing opens (but a write-up named .ninefold, which the app
 * reads by its content), and the window still opens a good file after.
 * Run it with `dbus-run-session -- xvfb-run -a meson test --suite gui`. */
#define G_LOG_DOMAIN "test-bad-corpus"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "nf-window.h"
#include "nf-test-gui.h"

#ifdef G_OS_UNIX
#include <unistd.h>
#endif

typedef struct {
  char *path;
  char *expect;   /* lower case, or NULL for "anything, as long as it names the file" */
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->path);
  g_free (c->expect);
  g_free (c);
}

static void
add_case (GPtrArray  *cases,
          char       *path,
          const char *expect)
{
  Case *c = g_new0 (Case, 1);

  c->path = path;
  c->expect = expect != NULL ? g_utf8_strdown (expect, -1) : NULL;
  g_ptr_array_add (cases, c);
}

static gboolean
is_label (GtkWidget    *widget,
          gconstpointer data)
{
  return GTK_IS_LABEL (widget);
}

/* The labels whose text names the file by its path ("…/NAME: …" or
 * "…/NAME, line …"), so that empty.ninefold does not also match
 * bad-number-empty.ninefold. */
static GPtrArray *
labels_naming (GPtrArray  *labels,
               const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *needle = g_strconcat (G_DIR_SEPARATOR_S, base, NULL);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      for (const char *at = strstr (text, needle); at != NULL; at = strstr (at + 1, needle))
        {
          char after = at[strlen (needle)];

          if (after == ':' || after == ',')
            {
              g_ptr_array_add (found, g_ptr_array_index (labels, i));
              break;
            }
        }
    }
  return found;
}

/* Cases made here: too odd to check in. */
static void
add_generated_cases (GPtrArray  *cases,
                     const char *dir)
{
  g_autofree char *folder = g_build_filename (dir, "folder.ninefold", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.ninefold", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.ninefold", NULL);
  FILE *f;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  add_case (cases, g_steal_pointer (&folder), "folder");

  /* Sparse: 100 MB on paper, nothing on disk. */
  f = g_fopen (huge, "wb");
  g_assert_nonnull (f);
  fputs ("<?xml version=\"1.0\"?>\n", f);
  g_assert_cmpint (fseek (f, 100 * 1000 * 1000, SEEK_SET), ==, 0);
  fputc ('\n', f);
  fclose (f);
  add_case (cases, g_steal_pointer (&huge), "larger than");

  g_assert_true (g_file_set_contents (plain, "not a folder", -1, NULL));
  add_case (cases, g_build_filename (plain, "inside.ninefold", NULL), NULL);
  add_case (cases, g_build_filename (dir, "missing.ninefold", NULL), "no such file");
#ifdef G_OS_UNIX
  {
    g_autofree char *loop = g_build_filename (dir, "loop.ninefold", NULL);

    g_assert_cmpint (symlink ("loop.ninefold", loop), ==, 0);
    add_case (cases, g_steal_pointer (&loop), "loop");
  }
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    add_case (cases, g_strdup ("/dev/zero"), "not a regular file");
#endif
}

static void
test_bad_corpus (void)
{
  g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autofree char *manifest = g_build_filename (corpus, "EXPECTED", NULL);
  g_autofree char *manifest_data = NULL;
  g_autofree char *good_path = g_test_build_filename (G_TEST_DIST, "data", "good", "full.ninefold", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ninefold-gui-bad-XXXXXX", &error);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_auto(GStrv) lines = NULL;
  guint n_failed = 0;
  guint n_opened = 0;
  NfWindow *window;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (manifest, &manifest_data, NULL, NULL));
  lines = g_strsplit (manifest_data, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) parts = NULL;

      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      parts = g_strsplit (lines[i], "\t", 2);
      add_case (cases, g_build_filename (corpus, parts[0], NULL),
                parts[1] && *parts[1] ? parts[1] : NULL);
    }
  g_assert_cmpuint (cases->len, >=, 50);
  add_generated_cases (cases, dir);
  for (guint i = 0; i < cases->len; i++)
    g_ptr_array_add (files, g_file_new_for_path (((Case *) g_ptr_array_index (cases, i))->path));

  window = nf_test_new_window (1024, 768);
  nf_window_open_files (window, (GFile **) files->pdata, files->len);
  nf_test_wait_until_loaded (window);

  /* Nothing opens; one row per file, naming it, saying what is wrong. */
  labels = nf_test_find_all (GTK_WIDGET (window), is_label, NULL);
  for (guint i = 0; i < cases->len; i++)
    {
      const Case *c = g_ptr_array_index (cases, i);
      g_autoptr(GPtrArray) found = labels_naming (labels, c->path);
      g_autofree char *base = g_path_get_basename (c->path);
      const char *text;
      g_autofree char *lower = NULL;

      /* The app goes by content, not name: a write-up named .ninefold
       * opens as a write-up, as it should. */
      if (g_str_equal (base, "markdown-renamed.ninefold"))
        {
          g_assert_cmpuint (found->len, ==, 0);
          n_opened++;
          continue;
        }
      if (found->len != 1)
        {
          g_test_message ("%s: %u error messages name it, expected 1", base, found->len);
          n_failed++;
          continue;
        }
      text = gtk_label_get_text (g_ptr_array_index (found, 0));
      lower = g_utf8_strdown (strstr (text, base) + strlen (base), -1);
      g_test_message ("%s → %s", base, text);
      if (c->expect != NULL && strstr (lower, c->expect) == NULL)
        {
          g_test_message ("%s: the message does not say “%s”", base, c->expect);
          n_failed++;
        }
    }
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (nf_window_get_n_errors (window), ==, cases->len - n_opened);
  g_assert_cmpuint (g_list_model_get_n_items (nf_window_get_canvases (window)), ==, n_opened);

  /* The window is still usable: a good file opens beside the errors. */
  nf_window_open_files (window, &good, 1);
  nf_test_wait_until_loaded (window);
  g_assert_cmpuint (g_list_model_get_n_items (nf_window_get_canvases (window)), ==, n_opened + 1);
  g_assert_cmpuint (nf_window_get_n_errors (window), ==, cases->len - n_opened);

  gtk_window_destroy (GTK_WINDOW (window));
  nf_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  if (!nf_test_gui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/gui/bad-corpus/all", test_bad_corpus);
  return g_test_run ();
}
