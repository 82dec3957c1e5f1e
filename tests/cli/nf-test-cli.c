/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "nf-test-cli.h"

static char *ninefold_path;

void
nf_test_run_free (NfTestRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

gboolean
nf_test_cli_init (int    argc,
                  char **argv)
{
  if (argc < 2)
    {
      g_printerr ("usage: %s NINEFOLD\n", argv[0]);
      return FALSE;
    }
  /* Absolute: some runs are in another folder. */
  ninefold_path = g_canonicalize_filename (argv[1], NULL);
  return TRUE;
}

/* No DISPLAY, no WAYLAND_DISPLAY and a backend that does not exist: a
 * command that touched GTK would fail. */
NfTestRun *
nf_test_run_to (const char         *stdout_path,
                const char * const *args)
{
  return nf_test_run_in (NULL, stdout_path, args);
}

NfTestRun *
nf_test_run_in (const char         *cwd,
                const char         *stdout_path,
                const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  NfTestRun *run = g_new0 (NfTestRun, 1);

  g_assert_nonnull (ninefold_path);
  g_ptr_array_add (argv, (gpointer) ninefold_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        (stdout_path ? 0 : G_SUBPROCESS_FLAGS_STDOUT_PIPE));
  if (stdout_path != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, stdout_path);
  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "GDK_BACKEND", "none-such", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  if (run->out == NULL)
    run->out = g_strdup ("");
  g_test_message ("ninefold %s → %d\nstdout:\n%s\nstderr:\n%s",
                  args[0] ? args[0] : "", run->status, run->out, run->err);
  return run;
}

NfTestRun *
nf_test_run (const char *first,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return nf_test_run_to (NULL, (const char * const *) args->pdata);
}

/* g_ptr_array_sort passes pointers to the elements. */
static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
nf_test_case_files (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "resources", "cases", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_suffix (name, ".ninefold"))
        g_ptr_array_add (files, g_build_filename (dir_path, name, NULL));

  if (files->len == 0)
    {
      g_test_skip ("no case canvases in resources/cases yet");
      return NULL;
    }
  g_ptr_array_sort (files, compare_paths);
  return g_steal_pointer (&files);
}
