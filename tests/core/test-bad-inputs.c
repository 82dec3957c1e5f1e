/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <ninefold.h>

#ifdef G_OS_UNIX
#include <sys/stat.h>
#include <sys/types.h>
#endif

typedef struct {
  char *file;
  char *expect;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->file);
  g_free (c->expect);
  g_free (c);
}

static char *
checksum_of (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  /* Reading a FIFO or a device to checksum it would hang the test. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
      !g_file_get_contents (path, &data, &len, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* Time limits stretch under valgrind or sanitizers, which set
 * NF_TEST_SLOWDOWN; the limits themselves stay what a user gets. */
static double
slowdown (void)
{
  const char *factor = g_getenv ("NF_TEST_SLOWDOWN");
  double value = factor ? g_ascii_strtod (factor, NULL) : 1;

  return value >= 1 ? value : 1;
}

/* Loads a file that must be refused: within a second, with a message that
 * names the file and says what is wrong, and without touching it. */
static void
assert_refused (const char *path,
                const char *expect)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  g_autofree char *before = checksum_of (path);
  g_autofree char *after = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *base = g_path_get_basename (path);
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  /* Canvases through the loader itself; write-ups as the app opens them. */
  if (g_str_has_suffix (path, ".md"))
    canvas = nf_load_any_file (file, NULL, NULL, &error);
  else
    canvas = nf_canvas_load_from_file (file, NULL, &error);
  elapsed = g_get_monotonic_time () - start;

  if (canvas != NULL)
    g_error ("%s was accepted but must be refused", base);
  g_assert_nonnull (error);
  g_test_message ("%s → %s", base, error->message);
  if (strstr (error->message, base) == NULL)
    g_error ("the message for %s does not name the file: %s", base, error->message);
  /* The problem must be said in the words after the file's name, not
   * matched by the name itself. */
  lower = g_utf8_strdown (strstr (error->message, base) + strlen (base), -1);
  if (expect && strstr (lower, expect) == NULL)
    g_error ("the message for %s does not say “%s”: %s", base, expect, error->message);
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC * slowdown ());
  after = checksum_of (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_corpus_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", c->file, NULL);

  assert_refused (path, c->expect);
}

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ninefold-bad-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
test_oversized_file (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "huge.ninefold", NULL);
  FILE *f = g_fopen (path, "wb");
  static char chunk[1 << 16];

  g_assert_nonnull (f);
  memset (chunk, ' ', sizeof chunk);
  fputs ("<?xml version=\"1.0\"?>\n<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\">", f);
  for (guint i = 0; i < 17 * 16; i++)  /* 17 MiB */
    fwrite (chunk, 1, sizeof chunk, f);
  fclose (f);
  assert_refused (path, "larger than");
  g_unlink (path);
}

static void
test_huge_field (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "big-note.ninefold", NULL);
  GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">"
                             "<metadata><company>C</company><title>T</title></metadata>"
                             "<block kind=\"key-partners\"><note id=\"n1\"><text>");

  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (s, 'a' + i % 26);
  g_string_append (s, "</text></note></block><block kind=\"key-activities\"/>"
                      "<block kind=\"key-resources\"/><block kind=\"value-propositions\"/>"
                      "<block kind=\"customer-relationships\"/><block kind=\"channels\"/>"
                      "<block kind=\"customer-segments\"/><block kind=\"cost-structure\"/>"
                      "<block kind=\"revenue-streams\"/></canvas>\n");
  g_assert_true (g_file_set_contents (path, s->str, s->len, NULL));
  g_string_free (s, TRUE);
  assert_refused (path, NULL);
}

static void
test_directory (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "folder.ninefold", NULL);

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  assert_refused (path, "folder");
}

static void
test_special_files (void)
{
#ifdef G_OS_UNIX
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.ninefold", NULL);

  /* Reading a FIFO or /dev/zero would hang or never end. */
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  assert_refused (fifo, "not a regular file");
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    assert_refused ("/dev/zero", "not a regular file");
#else
  g_test_skip ("no FIFOs here");
#endif
}

static void
test_missing_file (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "gone.ninefold", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_null (nf_canvas_load_from_file (file, NULL, &error));
  g_assert_nonnull (strstr (error->message, "gone.ninefold"));
  g_assert_nonnull (strstr (error->message, "no such file"));
  /* Said once, not repeated by GIO's own wording. */
  g_assert_null (strstr (strstr (error->message, "gone.ninefold") + 1, "gone.ninefold"));
}

int
main (int argc, char **argv)
{
  g_autofree char *manifest = NULL;
  g_autofree char *manifest_data = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);

  g_test_init (&argc, &argv, NULL);

  manifest = g_test_build_filename (G_TEST_DIST, "data", "bad", "EXPECTED", NULL);
  if (!g_file_get_contents (manifest, &manifest_data, NULL, NULL))
    g_error ("cannot read %s", manifest);
  lines = g_strsplit (manifest_data, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) parts = NULL;
      Case *c;
      g_autofree char *path = NULL;

      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      parts = g_strsplit (lines[i], "\t", 2);
      c = g_new0 (Case, 1);
      c->file = g_strdup (parts[0]);
      c->expect = parts[1] && *parts[1] ? g_utf8_strdown (parts[1], -1) : NULL;
      g_ptr_array_add (cases, c);
      path = g_strdup_printf ("/bad-inputs/corpus/%s", c->file);
      g_test_add_data_func (path, c, test_corpus_case);
    }
  g_assert_cmpuint (cases->len, >=, 50);

  g_test_add_func ("/bad-inputs/oversized", test_oversized_file);
  g_test_add_func ("/bad-inputs/huge-field", test_huge_field);
  g_test_add_func ("/bad-inputs/directory", test_directory);
  g_test_add_func ("/bad-inputs/special-files", test_special_files);
  g_test_add_func ("/bad-inputs/missing", test_missing_file);
  return g_test_run ();
}
