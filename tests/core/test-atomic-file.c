/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one atomic replace every writer uses: a kill at each step of it, a
 * full disk under the canvas and Markdown writers, links of both kinds,
 * leftovers of an interrupted save, and names at the system's limit. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <ninefold.h>

#include "nf-export-markdown.h"

#ifdef G_OS_UNIX
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

static const char * const steps[] = { "temporary", "written", "synced", "backup", "renamed" };

static NfCanvas *
canvas_of (const char *company,
           guint       notes)
{
  NfCanvas *canvas = nf_canvas_new ();

  nf_canvas_set_company (canvas, company);
  nf_canvas_set_title (canvas, "Atomic");
  for (guint i = 0; i < notes; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i + 1);
      g_autofree char *body = g_strdup_printf ("%s note %u, long enough to fill a disk "
                                               "quickly: 数跑科技 lead conversion.",
                                               company, i);
      g_autoptr(NfText) text = nf_text_new (body);
      g_autoptr(NfNote) note = nf_note_new (id, text);

      nf_canvas_insert_note (canvas, i % NF_N_BLOCKS, G_MAXUINT, note, NULL);
    }
  return canvas;
}

static GBytes *
bytes_of_file (const char *path)
{
  char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return NULL;
  return g_bytes_new_take (data, len);
}

static void
assert_file_is (const char *path,
                GBytes     *expected)
{
  g_autoptr(GBytes) got = bytes_of_file (path);

  g_assert_nonnull (got);
  g_assert_true (g_bytes_equal (got, expected));
}

/* Names in `dir` other than the ones given: stray temporaries. */
static guint
n_strays (const char *dir,
          const char *const *known)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (!g_strv_contains (known, name))
      {
        g_test_message ("stray file: %s", name);
        n++;
      }
  return n;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

#ifdef G_OS_UNIX
static const char *kill_step;

static void
kill_at (const char *name)
{
  if (g_str_equal (name, kill_step))
    kill (getpid (), SIGKILL);
}

/* A save killed at each step leaves the whole old file or the whole new
 * one, and the next save succeeds and cleans up what the killed one left
 * (the backup link, the temporary). */
static void
test_kill_at_each_step (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("NF_TEST_TARGET"));
      g_autoptr(NfCanvas) canvas = canvas_of ("New", 50);

      kill_step = g_getenv ("NF_TEST_STEP");
      _nf_atomic_file_set_step_hook (kill_at);
      nf_canvas_save_to_file (canvas, file, NULL, NULL, NULL, NULL);
      /* Only a step that was never reached gets here. */
      exit (0);
    }

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *dir = g_dir_make_tmp ("ninefold-step-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "plan.ninefold", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(NfCanvas) old_canvas = canvas_of ("Old", 40);
      g_autoptr(NfCanvas) new_canvas = canvas_of ("New", 50);
      g_autoptr(NfCanvas) third = canvas_of ("Third", 60);
      g_autoptr(GBytes) old_bytes = nf_canvas_save_to_bytes (old_canvas, NULL);
      g_autoptr(GBytes) new_bytes = nf_canvas_save_to_bytes (new_canvas, NULL);
      g_autoptr(GBytes) third_bytes = nf_canvas_save_to_bytes (third, NULL);
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GError) error = NULL;
      const char *known[] = { "plan.ninefold", "plan.ninefold~", NULL };

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (old_bytes, NULL),
                                          g_bytes_get_size (old_bytes), NULL));
      g_setenv ("NF_TEST_TARGET", path, TRUE);
      g_setenv ("NF_TEST_STEP", steps[i], TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      /* Killed: the step was reached. */
      g_test_trap_assert_failed ();

      after = bytes_of_file (path);
      g_assert_nonnull (after);
      g_test_message ("killed after “%s”: the file is the %s one", steps[i],
                      g_bytes_equal (after, old_bytes) ? "old" : "new");
      g_assert_true (g_bytes_equal (after, old_bytes) || g_bytes_equal (after, new_bytes));
      /* Before the rename the old file is in place; after it, the new. */
      g_assert_true (g_bytes_equal (after, i < 4 ? old_bytes : new_bytes));

      /* The next save is not refused, and leaves no stray file. */
      g_assert_true (nf_canvas_save_to_file (third, file, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      assert_file_is (path, third_bytes);
      g_assert_cmpuint (n_strays (dir, known), ==, 0);
      remove_tree (dir);
    }
}

/* What GIO's own replace left after a kill between its backup link() and
 * its rename(): the canvas with two hard links, one of them “NAME~”. */
static void
test_own_backup_link (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ninefold-link-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.ninefold", NULL);
  g_autofree char *backup = g_build_filename (dir, "plan.ninefold~", NULL);
  g_autofree char *other = g_build_filename (dir, "other.ninefold", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NfCanvas) old_canvas = canvas_of ("Old", 3);
  g_autoptr(NfCanvas) new_canvas = canvas_of ("New", 3);
  g_autoptr(GBytes) old_bytes = nf_canvas_save_to_bytes (old_canvas, NULL);
  g_autoptr(GBytes) new_bytes = nf_canvas_save_to_bytes (new_canvas, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (old_bytes, NULL),
                                      g_bytes_get_size (old_bytes), NULL));
  g_assert_cmpint (link (path, backup), ==, 0);
  g_assert_true (nf_canvas_save_to_file (new_canvas, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_file_is (path, new_bytes);
  assert_file_is (backup, old_bytes);

  /* A hard link of another name is the user's: refused, file untouched. */
  g_assert_cmpint (link (path, other), ==, 0);
  g_assert_false (nf_canvas_save_to_file (old_canvas, file, NULL, NULL, NULL, &error));
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "plan.ninefold"));
  g_assert_nonnull (strstr (error->message, "hard links"));
  assert_file_is (path, new_bytes);
  assert_file_is (other, new_bytes);
  remove_tree (dir);
}

/* A file `name` in `dir` holding `bytes`, last changed `age` seconds ago. */
static char *
make_aged (const char *dir,
           const char *name,
           const void *data,
           gsize       length,
           guint64     age)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, data, (gssize) length, NULL));
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                              (guint64) (g_get_real_time () / G_USEC_PER_SEC) - age,
                                              G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL));
  return path;
}

/* What an earlier version's save through GIO left when killed between its
 * backup link() and its rename(): the canvas with a second name “NAME~”
 * and GIO's “.goutputstream-XXXXXX” temporary holding part of the new
 * canvas. The next save succeeds, removes that temporary, and leaves
 * alone every look-alike that is not clearly a canvas of ours no one is
 * writing: another program's, a fresh one, one with another name. */
static void
test_gio_leftovers (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ninefold-gio-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.ninefold", NULL);
  g_autofree char *backup = g_build_filename (dir, "plan.ninefold~", NULL);
  g_autofree char *elsewhere = g_build_filename (dir, "kept.ninefold", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NfCanvas) old_canvas = canvas_of ("Old", 40);
  g_autoptr(NfCanvas) new_canvas = canvas_of ("New", 50);
  g_autoptr(GBytes) old_bytes = nf_canvas_save_to_bytes (old_canvas, NULL);
  g_autoptr(GBytes) new_bytes = nf_canvas_save_to_bytes (new_canvas, NULL);
  const char *other_program = "<?xml version=\"1.0\"?><notes>not a canvas</notes>";
  g_autoptr(GError) error = NULL;
  g_autofree char *ours = NULL, *foreign = NULL, *fresh = NULL, *linked = NULL, *odd = NULL;
  const char *known[] = { "plan.ninefold", "plan.ninefold~", "kept.ninefold", ".goutputstream-Zz99Yy",
                          ".goutputstream-Qq11Ww", ".goutputstream-Hl00Hl", ".goutputstream-Ab12Cd.bak",
                          NULL };

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (old_bytes, NULL),
                                      g_bytes_get_size (old_bytes), NULL));
  g_assert_cmpint (link (path, backup), ==, 0);
  /* Cut short, as a kill leaves it. */
  ours = make_aged (dir, ".goutputstream-Ab12Cd", g_bytes_get_data (new_bytes, NULL), 1500, 3600);
  foreign = make_aged (dir, ".goutputstream-Zz99Yy", other_program, strlen (other_program), 3600);
  fresh = make_aged (dir, ".goutputstream-Qq11Ww", g_bytes_get_data (new_bytes, NULL), 1500, 0);
  linked = make_aged (dir, ".goutputstream-Hl00Hl", g_bytes_get_data (new_bytes, NULL), 1500, 3600);
  g_assert_cmpint (link (linked, elsewhere), ==, 0);
  odd = make_aged (dir, ".goutputstream-Ab12Cd.bak", g_bytes_get_data (new_bytes, NULL), 1500, 3600);

  g_assert_true (nf_canvas_save_to_file (new_canvas, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_file_is (path, new_bytes);
  assert_file_is (backup, old_bytes);
  g_assert_false (g_file_test (ours, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (linked, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (odd, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_strays (dir, known), ==, 0);
  remove_tree (dir);
}

/* A symbolic link is kept and the file it names replaced. */
static void
test_symlink (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ninefold-sym-XXXXXX", NULL);
  g_autofree char *real = g_build_filename (dir, "real.md", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link_path);
  g_autoptr(NfCanvas) canvas = canvas_of ("Linked", 2);
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.md", link_path), ==, 0);
  g_assert_true (nf_export_markdown_to_file (canvas, NULL, file, NULL, &error));
  g_assert_no_error (error);
  target = g_file_read_link (link_path, NULL);
  g_assert_cmpstr (target, ==, "real.md");
  g_assert_true (g_file_get_contents (real, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Linked"));
  remove_tree (dir);
}

/* A full disk (a file-size limit) under each core writer: the old file
 * stays byte for byte, the error names the file once, and no temporary
 * is left. */
static void
test_full_disk (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("ninefold-full-XXXXXX", NULL);
      g_autofree char *canvas_path = g_build_filename (dir, "plan.ninefold", NULL);
      g_autofree char *md_path = g_build_filename (dir, "plan.md", NULL);
      g_autoptr(GFile) canvas_file = g_file_new_for_path (canvas_path);
      g_autoptr(GFile) md_file = g_file_new_for_path (md_path);
      g_autoptr(NfCanvas) large = canvas_of ("Large", 4000);
      g_autoptr(GBytes) old_bytes = g_bytes_new_static ("old content, by hand\n", 21);
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 64 * 1024, 64 * 1024 };
      const char *known[] = { "plan.ninefold", "plan.md", NULL };
      const char *p;

      g_assert_true (g_file_set_contents (canvas_path, "old content, by hand\n", -1, NULL));
      g_assert_true (g_file_set_contents (md_path, "old content, by hand\n", -1, NULL));
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (nf_canvas_save_to_file (large, canvas_file, NULL, NULL, NULL, &error));
      g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_IO);
      g_test_message ("%s", error->message);
      p = strstr (error->message, "plan.ninefold");
      g_assert_nonnull (p);
      g_assert_null (strstr (p + 1, "plan.ninefold"));
      assert_file_is (canvas_path, old_bytes);
      g_clear_error (&error);

      g_assert_false (nf_export_markdown_to_file (large, NULL, md_file, NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      p = strstr (error->message, "plan.md");
      g_assert_nonnull (p);
      g_assert_null (strstr (p + 1, "plan.md"));
      assert_file_is (md_path, old_bytes);

      g_assert_cmpuint (n_strays (dir, known), ==, 0);
      remove_tree (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}
#endif

/* A name of 255 bytes, the most most systems allow: the temporary's own
 * name must not be longer. */
static void
test_longest_name (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ninefold-long-XXXXXX", NULL);
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(NfCanvas) canvas = canvas_of ("Long", 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) name = g_string_new (NULL);

  /* Multi-byte characters, so the cut must fall between them. */
  while (name->len + strlen ("数") + strlen (".ninefold") <= 255)
    g_string_append (name, "数");
  while (name->len + strlen (".ninefold") < 255)
    g_string_append_c (name, 'x');
  g_string_append (name, ".ninefold");
  g_assert_cmpuint (name->len, ==, 255);
  base = g_string_free (g_steal_pointer (&name), FALSE);
  path = g_build_filename (dir, base, NULL);
  file = g_file_new_for_path (path);

  g_assert_true (nf_canvas_save_to_file (canvas, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* And over the file that is now there. */
  g_assert_true (nf_canvas_save_to_file (canvas, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  remove_tree (dir);
}

/* The changed-on-disk check still holds. */
static void
test_wrong_etag (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ninefold-etag-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.ninefold", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NfCanvas) canvas = canvas_of ("Etag", 2);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  g_assert_true (nf_canvas_save_to_file (canvas, file, NULL, &etag, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (etag);
  g_assert_true (nf_canvas_save_to_file (canvas, file, etag, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (nf_canvas_save_to_file (canvas, file, "1:2", NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#ifdef G_OS_UNIX
  g_test_add_func ("/atomic-file/kill-at-each-step", test_kill_at_each_step);
  g_test_add_func ("/atomic-file/own-backup-link", test_own_backup_link);
  g_test_add_func ("/atomic-file/gio-leftovers", test_gio_leftovers);
  g_test_add_func ("/atomic-file/symlink", test_symlink);
  g_test_add_func ("/atomic-file/full-disk", test_full_disk);
#endif
  g_test_add_func ("/atomic-file/longest-name", test_longest_name);
  g_test_add_func ("/atomic-file/wrong-etag", test_wrong_etag);
  return g_test_run ();
}
