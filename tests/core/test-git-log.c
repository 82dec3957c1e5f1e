/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A canvas's history in a real git repository: the commits that changed
 * it, newest first, each one's bytes; none for a file outside git. */
#define G_LOG_DOMAIN "test-git-log"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <ninefold.h>

#include "nf-module-private.h"

/* Whether a git program is there to make repositories with. */
static gboolean
have_git (void)
{
  g_autofree char *git_path = g_find_program_in_path ("git");

  return git_path != NULL;
}

static void
git (const char *dir,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) "git");
  va_start (ap, dir);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (dir, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("git %s failed: %s", (char *) argv->pdata[1], err);
}

static void
commit (const char *dir,
        const char *file,
        const char *content,
        const char *message,
        const char *date)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  git (dir, "add", file, NULL);
  git (dir, "-c", "user.name=Ann Example", "-c", "user.email=ann@example.org",
       "commit", "-q", "--date", date, "-m", message, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                   NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_remove (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

static void
test_log (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(NfGitLog) log = NULL;
  GListModel *commits;

  if (!have_git ())
    {
      g_test_skip ("no git program to make a repository with");
      return;
    }
  dir = g_dir_make_tmp ("nf-git-XXXXXX", &error);
  g_assert_no_error (error);
  git (dir, "init", "-q", NULL);
  sub = g_build_filename (dir, "cases", NULL);
  g_mkdir (sub, 0700);
  commit (dir, "cases/acme.ninefold", "first\n", "First draft of Acme", "2026-11-01T10:00:00+0100");
  commit (dir, "notes.txt", "other\n", "Unrelated notes", "2026-11-02T10:00:00+0100");
  commit (dir, "cases/acme.ninefold", "second\n", "Acme: revenue streams\n\nLonger body.",
          "2026-11-03T10:00:00+0100");
  path = g_build_filename (sub, "acme.ninefold", NULL);
  file = g_file_new_for_path (path);

  log = nf_git_log_new (file, NULL, &error);
  g_assert_no_error (error);
  commits = nf_git_log_get_commits (log);
  /* Only the two that changed the canvas, newest first. */
  g_assert_cmpuint (g_list_model_get_n_items (commits), ==, 2);
  {
    g_autoptr(NfGitCommit) newest = g_list_model_get_item (commits, 0);
    g_autoptr(NfGitCommit) oldest = g_list_model_get_item (commits, 1);
    g_autoptr(GBytes) then = nf_git_log_read (log, nf_git_commit_get_id (oldest), &error);
    g_autoptr(GBytes) now = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (nf_git_commit_get_summary (newest), ==, "Acme: revenue streams");
    g_assert_cmpstr (nf_git_commit_get_summary (oldest), ==, "First draft of Acme");
    g_assert_cmpstr (nf_git_commit_get_author (oldest), ==, "Ann Example");
    g_assert_cmpuint (strlen (nf_git_commit_get_short_id (oldest)), ==, 7);
    g_assert_cmpint (g_date_time_get_day_of_month (nf_git_commit_get_time (oldest)), ==, 1);
    g_assert_cmpint (g_date_time_get_hour (nf_git_commit_get_time (oldest)), ==, 10);
    g_assert_cmpmem (g_bytes_get_data (then, NULL), g_bytes_get_size (then), "first\n", 6);
    now = nf_git_log_read (log, nf_git_commit_get_id (newest), &error);
    g_assert_no_error (error);
    g_assert_cmpmem (g_bytes_get_data (now, NULL), g_bytes_get_size (now), "second\n", 7);
  }
  /* A commit that does not hold the file, and one that does not exist. */
  {
    g_autoptr(GBytes) none = nf_git_log_read (log, "0123456789012345678901234567890123456789", &error);

    g_assert_null (none);
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "acme.ninefold"));
    g_clear_error (&error);
  }
  remove_tree (dir);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(NfGitLog) log = NULL;

  if (!have_git ())
    {
      g_test_skip ("no git program to make a repository with");
      return;
    }
  dir = g_dir_make_tmp ("nf-git-XXXXXX", &error);
  g_assert_no_error (error);
  git (dir, "init", "-q", NULL);
  commit (dir, "a.ninefold", "one\n", "One", "2026-11-01T10:00:00+0000");
  path = g_build_filename (dir, "a.ninefold", NULL);
  file = g_file_new_for_path (path);
  nf_git_log_new_async (file, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  log = nf_git_log_new_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (nf_git_log_get_commits (log)), ==, 1);
  remove_tree (dir);
}

/* Outside any repository: refused, naming the file. */
static void
test_not_in_git (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nf-nogit-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "loose.ninefold", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NfGitLog) log = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "x", -1, NULL));
  log = nf_git_log_new (file, NULL, &error);
  if (log != NULL)
    {
      g_test_skip ("the temporary folder is inside a git repository");
      remove_tree (dir);
      return;
    }
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "loose.ninefold"));
  remove_tree (dir);
}

/* Whether the process has mapped a library whose file name holds `name`
 * (Linux; elsewhere -1: unknown). */
static int
library_mapped (const char *name)
{
  g_autofree char *maps = NULL;

  if (!g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL))
    return -1;
  return strstr (maps, name) != NULL;
}

/* libgit2 comes from its module, opened by the first history read and not
 * before; a module of another layout, or none, is an error, not a crash.
 * Runs first, before any other test has read a history. */
static void
test_module (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nf-nogit-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "loose.ninefold", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NfGitLog) log = NULL;

  g_assert_no_error (error);
  g_assert_false (_nf_module_is_open ("ninefold-git"));
  g_assert_cmpint (library_mapped ("libgit2"), !=, 1);

  g_assert_true (g_file_set_contents (path, "x", -1, NULL));
  log = nf_git_log_new (file, NULL, &error);
  /* Outside a repository (or, where the temporary folder is in one, in
   * it): either way libgit2 answered. */
  g_assert_true (log != NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  g_clear_error (&error);
  g_assert_true (_nf_module_is_open ("ninefold-git"));
  g_assert_cmpint (library_mapped ("libgit2"), !=, 0);

  g_assert_null (_nf_module_table ("ninefold-git", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_null (_nf_module_table ("ninefold-nothing", sizeof (gsize), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (_nf_module_is_open ("ninefold-nothing"));
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/git-log/module", test_module);
  g_test_add_func ("/git-log/commits", test_log);
  g_test_add_func ("/git-log/async", test_async);
  g_test_add_func ("/git-log/not-in-git", test_not_in_git);
  return g_test_run ();
}
