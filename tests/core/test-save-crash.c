/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a crash or a full disk does to a file being saved: nothing. The
 * file is always the whole old canvas or the whole new one. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <ninefold.h>

#ifdef G_OS_UNIX
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

/* A canvas of about 2 MB, so a save takes long enough to be cut short. */
static NfCanvas *
big_canvas (const char *company,
            guint       notes)
{
  NfCanvas *canvas = nf_canvas_new ();

  nf_canvas_set_company (canvas, company);
  nf_canvas_set_title (canvas, "Kill test");
  nf_canvas_begin_group (canvas, "fill");
  for (guint i = 0; i < notes; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i + 1);
      g_autofree char *body = g_strdup_printf ("%s note %u: 数跑科技 automotive digital "
                                               "marketing, lead conversion about 2%% "
                                               "versus up to 30%%, 21 touchpoints.",
                                               company, i);
      g_autoptr(NfText) text = nf_text_new (body);
      g_autoptr(NfNote) note = nf_note_new (id, text);

      nf_canvas_insert_note (canvas, i % NF_N_BLOCKS, G_MAXUINT, note, NULL);
    }
  nf_canvas_end_group (canvas);
  return canvas;
}

static char *
checksum_of_bytes (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static char *
checksum_of_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return g_strdup ("unreadable");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* Valgrind and sanitizers set NF_TEST_SLOWDOWN, where every save is slow. */
static double
slowdown (void)
{
  const char *factor = g_getenv ("NF_TEST_SLOWDOWN");
  double value = factor ? g_ascii_strtod (factor, NULL) : 1;

  return value >= 1 ? value : 1;
}

/* This program's own path, to start it again as the child that is killed. */
static char *self_path;

/* A killed save leaves GIO's temporary file behind (never in place of the
 * target); the test folder goes either way. */
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
/* The child: load the new canvas and save it over the target forever,
 * until it is killed. */
static int
child_main (const char *source,
            const char *target)
{
  g_autoptr(GFile) in = g_file_new_for_path (source);
  g_autoptr(GFile) out = g_file_new_for_path (target);
  g_autoptr(NfCanvas) canvas = nf_canvas_load_from_file (in, NULL, NULL);

  if (canvas == NULL)
    return 3;
  /* Tell the parent the load is done, so its kills land among saves. */
  if (write (STDOUT_FILENO, "r", 1) != 1)
    return 5;
  for (;;)
    if (!nf_canvas_save_to_file (canvas, out, NULL, NULL, NULL, NULL))
      return 4;
  return 0;
}

static void
test_kill_during_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ninefold-kill-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (dir, "plan.ninefold", NULL);
  g_autofree char *source = g_build_filename (dir, "new.ninefold", NULL);
  g_autoptr(NfCanvas) old_canvas = big_canvas ("Old", 8000);
  g_autoptr(NfCanvas) new_canvas = big_canvas ("New", 8000);
  g_autoptr(GBytes) old_bytes = nf_canvas_save_to_bytes (old_canvas, NULL);
  g_autoptr(GBytes) new_bytes = nf_canvas_save_to_bytes (new_canvas, NULL);
  g_autofree char *old_sum = checksum_of_bytes (old_bytes);
  g_autofree char *new_sum = checksum_of_bytes (new_bytes);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  /* 200 kills in the ordinary run; fewer, with longer waits, where a
   * sanitizer makes every save several times slower. */
  guint kills = g_test_slow () ? 1000 : slowdown () > 1 ? 40 : 200;
  guint saw_old = 0, saw_new = 0;
  const char *self = self_path;

  gint64 save_usec;

  g_assert_cmpuint (g_bytes_get_size (old_bytes), >, 1000000);

  /* Time one save in this build, so the kills spread over a whole save and
   * a little after it, however fast or slow (sanitizers) saving is here. */
  {
    g_autoptr(GFile) scratch = g_file_new_for_path (source);
    gint64 start = g_get_monotonic_time ();

    g_assert_true (nf_canvas_save_to_file (new_canvas, scratch, NULL, NULL, NULL, NULL));
    save_usec = g_get_monotonic_time () - start;
    g_test_message ("one save takes %.0f ms", save_usec / 1000.0);
  }
  g_assert_true (g_file_set_contents (source, g_bytes_get_data (new_bytes, NULL),
                                      g_bytes_get_size (new_bytes), NULL));

  for (guint i = 0; i < kills; i++)
    {
      const char *argv[] = { self, "--child", source, target, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *sum = NULL;
      GPid pid;
      int status, out_fd;
      char ready;

      /* Start from the whole old file every time, then kill the child at a
       * random moment of its load-and-save loop. */
      g_assert_true (g_file_set_contents (target, g_bytes_get_data (old_bytes, NULL),
                                          g_bytes_get_size (old_bytes), NULL));
      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                               G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                               NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (read (out_fd, &ready, 1), ==, 1);
      close (out_fd);
      g_usleep (g_rand_int_range (rand, 0, (gint32) MIN (save_usec * 3 / 2, G_MAXINT32)));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status));

      sum = checksum_of_file (target);
      if (g_str_equal (sum, old_sum))
        saw_old++;
      else if (g_str_equal (sum, new_sum))
        saw_new++;
      else
        g_error ("after kill %u the file is neither the old nor the new canvas", i + 1);
    }
  g_test_message ("%u kills: %u times the old file, %u times the new", kills, saw_old, saw_new);
  /* Both outcomes happened, so kills did land in the middle of saves. */
  g_assert_cmpuint (saw_old, >, 0);
  g_assert_cmpuint (saw_new, >, 0);
  remove_tree (dir);
}

/* A full disk, made with a file-size limit: writing the bigger new canvas
 * fails part-way, and the old file must stay exactly as it was. */
static void
test_full_disk (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("ninefold-full-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "plan.ninefold", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(NfCanvas) small = big_canvas ("Small", 10);
      g_autoptr(NfCanvas) large = big_canvas ("Large", 5000);
      g_autoptr(GBytes) small_bytes = nf_canvas_save_to_bytes (small, NULL);
      g_autofree char *before = checksum_of_bytes (small_bytes);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 256 * 1024, 256 * 1024 };

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (small_bytes, NULL),
                                          g_bytes_get_size (small_bytes), NULL));
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (nf_canvas_save_to_file (large, file, NULL, NULL, NULL, &error));
      g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "plan.ninefold"));
      g_assert_nonnull (strstr (error->message, "could not save"));
      after = checksum_of_file (path);
      g_assert_cmpstr (before, ==, after);
      /* The canvas in memory is untouched and can be saved elsewhere. */
      g_assert_cmpstr (nf_canvas_get_company (large), ==, "Large");
      remove_tree (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}
#endif

int
main (int argc, char **argv)
{
#ifdef G_OS_UNIX
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2], argv[3]);
#endif

  self_path = g_canonicalize_filename (argv[0], NULL);
  g_test_init (&argc, &argv, NULL);
#ifdef G_OS_UNIX
  g_test_add_func ("/save-crash/kill-during-save", test_kill_during_save);
  g_test_add_func ("/save-crash/full-disk", test_full_disk);
#endif
  return g_test_run ();
}
