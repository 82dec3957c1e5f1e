/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The writers the command line has beside the image and deck ones: CSV and
 * XLSX exports and `merge -o`. On a full disk (a file-size limit on the
 * process) the old file stays byte for byte, no temporary is left, the
 * command fails and its message names the file; and `merge -o` killed at
 * each step of its write leaves the old file or the new one, never a mix.
 * The full-disk runs are of the built `ninefold`, as a user runs it; the
 * kills are of this program running the same commands, so the replace's
 * test hook can stop it at each step. */
#define G_LOG_DOMAIN "ninefold-test"
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <ninefold.h>

#include "nf-atomic-file.h"
#include "nf-cli.h"
#include "nf-test-cli.h"

#ifdef G_OS_UNIX
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

static const char old_text[] = "an old file, by hand\n";
static char *ninefold_path;

/* The shipped case with one table (a single CSV), the one with many
 * tables (a workbook), and the merge's three sides, in `dir`. */
typedef struct {
  char *dir;
  char *one_table;
  char *many_tables;
  char *second;
  char *base;
  char *ours;
  char *theirs;
} Inputs;

static void
inputs_clear (Inputs *in)
{
  g_free (in->dir);
  g_free (in->one_table);
  g_free (in->many_tables);
  g_free (in->second);
  g_free (in->base);
  g_free (in->ours);
  g_free (in->theirs);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Inputs, inputs_clear)

static char *
write_edit (const char *dir,
            const char *name,
            const char *text,
            const char *find,
            const char *replace)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  const char *at = strstr (text, find);
  g_autoptr(GString) edited = g_string_new (NULL);

  g_assert_nonnull (at);
  g_string_append_len (edited, text, at - text);
  g_string_append (edited, replace);
  g_string_append (edited, at + strlen (find));
  g_assert_true (g_file_set_contents (path, edited->str, edited->len, NULL));
  return g_steal_pointer (&path);
}

static gboolean
inputs_init (Inputs *in)
{
  g_autoptr(GPtrArray) cases = nf_test_case_files ();
  g_autofree char *text = NULL;

  memset (in, 0, sizeof *in);
  if (cases == NULL || cases->len < 3)
    return FALSE;
  in->dir = g_dir_make_tmp ("ninefold-writers-XXXXXX", NULL);
  g_assert_nonnull (in->dir);
  /* Bitauto has one table; Senmiao has 19 tables. */
  in->one_table = g_strdup (g_ptr_array_index (cases, 0));
  in->second = g_strdup (g_ptr_array_index (cases, 1));
  in->many_tables = g_strdup (g_ptr_array_index (cases, 2));
  g_assert_true (g_file_get_contents (in->one_table, &text, NULL, NULL));
  in->base = write_edit (in->dir, "base.ninefold", text, "<note id=\"n1\"", "<note id=\"n1\"");
  in->ours = write_edit (in->dir, "ours.ninefold", text, "<note id=\"n1\"",
                         "<note id=\"n1\" colour=\"#e01b24\"");
  in->theirs = write_edit (in->dir, "theirs.ninefold", text, "<text>", "<text>THEIRS ");
  return TRUE;
}

/* Everything in `dir` that is neither an input nor one of `outputs`. */
static guint
n_strays (const char         *dir,
          const char * const *outputs)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *inputs[] = { "base.ninefold", "ours.ninefold", "theirs.ninefold", NULL };
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_strv_contains (inputs, name) && !g_strv_contains (outputs, name))
      {
        g_test_message ("stray file: %s", name);
        n++;
      }
  return n;
}

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { GPOINTER_TO_UINT (data), GPOINTER_TO_UINT (data) };

  /* Ignored across exec: the write fails with EFBIG instead of killing. */
  signal (SIGXFSZ, SIG_IGN);
  if (limit.rlim_cur > 0)
    setrlimit (RLIMIT_FSIZE, &limit);
}

/* Runs `ninefold ARGS` with files limited to `limit` bytes (0: no limit). */
static int
run_limited (guint               limit,
             const char * const *args,
             char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  int status = 0;

  g_ptr_array_add (argv, ninefold_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  env = g_environ_setenv (env, "LANGUAGE", "", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_STDOUT_TO_DEV_NULL,
                               limit_file_size, GUINT_TO_POINTER (limit),
                               NULL, err, &status, &error));
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

static void
assert_old (const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, old_text);
}

/* Each writer on a full disk: the command fails (exit 1), names the file,
 * and leaves the old one whole and nothing beside it. */
static void
test_full_disk (void)
{
  g_auto(Inputs) in;
  struct {
    const char *out;
    const char *what;
    int status;
  } writers[] = {
    { "one.csv", "a table's CSV", 1 },
    { "cmp.csv", "the compared metrics' CSV", 1 },
    { "tables.xlsx", "a workbook", 1 },
    { "cmp.xlsx", "the compared metrics' workbook", 1 },
    /* merge's statuses are git's: 1 is conflicts, 2 a failure. */
    { "merged.ninefold", "merge -o", 2 },
  };

  if (!inputs_init (&in))
    {
      g_test_skip ("no shipped cases");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *out = g_build_filename (in.dir, writers[i].out, NULL);
      g_autofree char *err = NULL;
      const char *outputs[] = { writers[i].out, NULL };
      int status;

      g_assert_true (g_file_set_contents (out, old_text, -1, NULL));
      switch (i)
        {
        case 0:
          status = run_limited (64, (const char *[]) { "export", in.one_table, "-o", out, NULL }, &err);
          break;
        case 1:
          status = run_limited (64, (const char *[]) { "export", in.one_table, in.second,
                                                       "--compare", "-o", out, NULL }, &err);
          break;
        case 2:
          status = run_limited (4096, (const char *[]) { "export", in.many_tables, "-o", out, NULL }, &err);
          break;
        case 3:
          status = run_limited (4096, (const char *[]) { "export", in.one_table, in.second,
                                                         "--compare", "-o", out, NULL }, &err);
          break;
        default:
          status = run_limited (1024, (const char *[]) { "merge", in.base, in.ours, in.theirs,
                                                         "-o", out, NULL }, &err);
          break;
        }
      g_test_message ("%s: exit %d: %s", writers[i].what, status, err);
      g_assert_cmpint (status, ==, writers[i].status);
      g_assert_nonnull (strstr (err, writers[i].out));
      g_assert_nonnull (strstr (err, "File too large"));
      /* Ours only: one line, not a library's own "[ERROR]" lines first
       * (libxlsxwriter prints them, naming its temporary file). */
      g_assert_null (strstr (err, "[ERROR]"));
      g_assert_true (g_str_has_prefix (err, "ninefold: "));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
      assert_old (out);
      g_assert_cmpuint (n_strays (in.dir, outputs), ==, 0);
      g_unlink (out);
    }

  /* Without the limit the same commands write (so the limit is what failed them). */
  {
    g_autofree char *out = g_build_filename (in.dir, "merged.ninefold", NULL);
    g_autofree char *err = NULL;
    g_autofree char *merged = NULL;

    g_assert_true (g_file_set_contents (out, old_text, -1, NULL));
    g_assert_cmpint (run_limited (0,
                                  (const char *[]) { "merge", in.base, in.ours, in.theirs,
                                                     "-o", out, NULL }, &err), ==, 0);
    g_assert_true (g_file_get_contents (out, &merged, NULL, NULL));
    g_assert_nonnull (strstr (merged, "colour=\"#e01b24\""));
    g_assert_nonnull (strstr (merged, "THEIRS "));
    g_unlink (out);
  }
  g_unlink (in.base);
  g_unlink (in.ours);
  g_unlink (in.theirs);
  g_rmdir (in.dir);
}

static const char * const steps[] = { "temporary", "written", "synced", "backup", "renamed" };
static const char *kill_step;

static void
kill_at (const char *name)
{
  if (g_str_equal (name, kill_step))
    kill (getpid (), SIGKILL);
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

/* `merge -o` killed after each step of its write: the output is the whole
 * old file or the whole new merge; the next merge succeeds and leaves
 * nothing of the killed one behind. A step the write does not take (it
 * keeps no backup) lets the merge finish. */
static void
test_merge_kill_at_each_step (void)
{
  g_auto(Inputs) in;
  g_autofree char *out = NULL;
  g_autoptr(GBytes) new_bytes = NULL;
  const char *outputs[] = { "merged.ninefold", NULL };

  if (g_test_subprocess ())
    {
      const char *argv[] = { "ninefold", "merge", g_getenv ("NF_TEST_BASE"),
                             g_getenv ("NF_TEST_OURS"), g_getenv ("NF_TEST_THEIRS"),
                             "-o", g_getenv ("NF_TEST_TARGET"), NULL };

      kill_step = g_getenv ("NF_TEST_STEP");
      _nf_atomic_file_set_step_hook (kill_at);
      exit (nf_cli_run (G_N_ELEMENTS (argv) - 1, (char **) argv) == 0 ? 0 : 3);
    }

  if (!inputs_init (&in))
    {
      g_test_skip ("no shipped cases");
      return;
    }
  out = g_build_filename (in.dir, "merged.ninefold", NULL);
  g_setenv ("NF_TEST_BASE", in.base, TRUE);
  g_setenv ("NF_TEST_OURS", in.ours, TRUE);
  g_setenv ("NF_TEST_THEIRS", in.theirs, TRUE);
  g_setenv ("NF_TEST_TARGET", out, TRUE);

  /* The new file: the merge run to its end. */
  g_setenv ("NF_TEST_STEP", "never", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  new_bytes = bytes_of_file (out);
  g_assert_nonnull (new_bytes);
  g_assert_cmpmem (g_bytes_get_data (new_bytes, NULL), MIN (g_bytes_get_size (new_bytes), 5), "<?xml", 5);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GBytes) again = NULL;
      gboolean reached = !g_str_equal (steps[i], "backup");

      g_assert_true (g_file_set_contents (out, old_text, -1, NULL));
      g_setenv ("NF_TEST_STEP", steps[i], TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      if (reached)
        g_test_trap_assert_failed ();
      else
        g_test_trap_assert_passed ();

      after = bytes_of_file (out);
      g_assert_nonnull (after);
      g_test_message ("merge -o killed after “%s”: the output is the %s file", steps[i],
                      g_bytes_equal (after, new_bytes) ? "new" : "old");
      /* Up to the rename the old file is in place; from it on, the new. */
      if (g_str_equal (steps[i], "renamed") || !reached)
        g_assert_true (g_bytes_equal (after, new_bytes));
      else
        {
          g_autofree char *contents = g_strndup (g_bytes_get_data (after, NULL), g_bytes_get_size (after));

          g_assert_cmpstr (contents, ==, old_text);
        }

      /* The next merge is not refused and cleans up after the killed one. */
      g_setenv ("NF_TEST_STEP", "never", TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      again = bytes_of_file (out);
      g_assert_true (g_bytes_equal (again, new_bytes));
      g_assert_cmpuint (n_strays (in.dir, outputs), ==, 0);
    }
  g_unlink (out);
  g_unlink (in.base);
  g_unlink (in.ours);
  g_unlink (in.theirs);
  g_rmdir (in.dir);
}
#endif

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#ifdef G_OS_UNIX
  if (!g_test_subprocess ())
    {
      if (!nf_test_cli_init (argc, argv))
        return 1;
      ninefold_path = g_canonicalize_filename (argv[1], NULL);
    }
  g_test_add_func ("/writers/full-disk", test_full_disk);
  g_test_add_func ("/writers/merge-kill-at-each-step", test_merge_kill_at_each_step);
#endif
  return g_test_run ();
}
