/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A full disk under each image and deck writer (PDF, PNG, SVG, and the
 * compare PNG and SVG, and the spreadsheet): the old file stays byte for byte, the error names
 * the file, and no temporary is left beside it. The disk is filled with a
 * file-size limit in a child process. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <ninefold.h>

#include "nf-export-sheet.h"
#include "nf-render.h"

#ifdef G_OS_UNIX
#include <signal.h>
#include <sys/resource.h>

static const char old_text[] = "an old file, by hand\n";

static void
assert_untouched (const char *dir,
                  const char *path,
                  GError     *error)
{
  g_autofree char *contents = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, base));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, old_text);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (name, "."));
}

static void
test_full_disk (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("ninefold-full-XXXXXX", NULL);
      const char *names[] = { "deck.pdf", "one.png", "one.svg", "cmp.png", "cmp.svg", "tables.xlsx" };
      g_autoptr(NfCanvas) a = nf_canvas_load_case (0, NULL);
      g_autoptr(NfCanvas) b = nf_canvas_load_case (1, NULL);
      /* Senmiao's 19 tables make a workbook larger than the limit. */
      g_autoptr(NfCanvas) tables = nf_canvas_load_case (2, NULL);
      NfCanvas *pair[] = { a, b };
      g_autoptr(GPtrArray) canvases = g_ptr_array_new ();
      struct rlimit limit = { 16 * 1024, 16 * 1024 };

      g_assert_nonnull (a);
      g_assert_nonnull (b);
      g_ptr_array_add (canvases, a);
      g_ptr_array_add (canvases, b);
      signal (SIGXFSZ, SIG_IGN);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (dir, names[i], NULL);

          g_assert_true (g_file_set_contents (path, old_text, -1, NULL));
        }
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (dir, names[i], NULL);
          g_autoptr(GError) error = NULL;
          gboolean ok;

          switch (i)
            {
            case 0: ok = nf_deck_export_pdf (canvases, NULL, path, NULL, NULL, NULL, &error); break;
            case 1: ok = nf_deck_export_png (a, NULL, 96, path, &error); break;
            case 2: ok = nf_deck_export_svg (a, NULL, path, &error); break;
            case 3: ok = nf_deck_export_compare_png (pair, 2, NULL, 96, path, &error); break;
            case 4: ok = nf_deck_export_compare_svg (pair, 2, NULL, path, &error); break;
            default: ok = nf_export_xlsx (tables, NULL, path, NULL, &error); break;
            }
          g_assert_false (ok);
          assert_untouched (dir, path, error);
        }
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (dir, names[i], NULL);
          g_unlink (path);
        }
      g_rmdir (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}
#endif

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#ifdef G_OS_UNIX
  g_test_add_func ("/write/full-disk", test_full_disk);
#endif
  return g_test_run ();
}
