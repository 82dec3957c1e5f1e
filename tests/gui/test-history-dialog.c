/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The History window on a canvas kept in a real git repository: its
 * commits listed, a version compared with the canvas as it is, opened,
 * and restored as one undoable step; outside git it says so. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "nf-history-dialog.h"
#include "nf-test-gui.h"

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
  int status = 0;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) "git");
  g_ptr_array_add (argv, (gpointer) "-c");
  g_ptr_array_add (argv, (gpointer) "user.name=Ann Example");
  g_ptr_array_add (argv, (gpointer) "-c");
  g_ptr_array_add (argv, (gpointer) "user.email=ann@example.org");
  va_start (ap, dir);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (dir, (char **) argv->pdata, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
save (NfCanvas   *canvas,
      const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = nf_canvas_save_to_bytes (canvas, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

static gboolean
settled (gpointer data)
{
  GtkStack *stack = GTK_STACK (nf_test_find_type (GTK_WIDGET (data), GTK_TYPE_STACK));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

static gboolean
is_check_button (GtkWidget    *widget,
                 gconstpointer data)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

static void
on_compare (NfHistoryDialog *dialog,
            NfCanvas        *a,
            NfCanvas        *b,
            GPtrArray       *got)
{
  g_ptr_array_add (got, g_object_ref (a));
  g_ptr_array_add (got, g_object_ref (b));
}

static void
test_history (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) first = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(NfNote) removed = NULL;
  GtkWidget *dialog;

  if (!have_git ())
    {
      g_test_skip ("no git program to make a repository with");
      return;
    }
  dir = nf_test_make_tmpdir ();
  path = g_build_filename (dir, "bitauto.ninefold", NULL);
  git (dir, "init", "-q", NULL);
  first = nf_canvas_load_case (0, &error);
  g_assert_no_error (error);
  save (first, path);
  git (dir, "add", "bitauto.ninefold", NULL);
  git (dir, "commit", "-q", "-m", "Bitauto <first> & draft", NULL);
  canvas = nf_canvas_load_case (0, &error);
  removed = g_list_model_get_item (nf_canvas_get_notes (canvas, NF_BLOCK_KEY_PARTNERS), 0);
  nf_canvas_remove_note (canvas, removed);
  nf_canvas_set_company (canvas, "Bitauto Holdings");
  save (canvas, path);
  git (dir, "commit", "-q", "-am", "Drop a partner, rename", NULL);
  file = g_file_new_for_path (path);

  dialog = nf_history_dialog_new (NULL, canvas, file);
  g_signal_connect (dialog, "compare-requested", G_CALLBACK (on_compare), got);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 560);
  gtk_window_present (GTK_WINDOW (dialog));
  nf_test_wait_for (settled, dialog, 20, "the history to be read");
  nf_test_settle (dialog);
  g_assert_nonnull (nf_history_dialog_get_log (NF_HISTORY_DIALOG (dialog)));
  g_assert_cmpuint (nf_test_count_type (dialog, ADW_TYPE_ACTION_ROW), ==, 2);
  /* The message is text, not markup: its "<first> & " shows as written. */
  g_assert_nonnull (nf_test_find_label (dialog, "Bitauto <first> & draft"));
  nf_test_screenshot (dialog, "history-dialog.png");

  /* The first commit beside the canvas as it is now (the dialog then
   * closes to show the comparison: keep it alive to go on). */
  g_object_ref (dialog);
  gtk_widget_activate_action (dialog, "history.compare-current", "u", 1u);
  g_assert_cmpstr (nf_canvas_get_snapshot_name (g_ptr_array_index (got, 0)), ==,
                   nf_canvas_get_label (g_ptr_array_index (got, 0)));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpuint (got->len, ==, 2);
  g_assert_true (nf_canvas_equal (g_ptr_array_index (got, 1), canvas));
  g_assert_cmpstr (nf_canvas_get_company (g_ptr_array_index (got, 0)), ==, nf_canvas_get_company (first));
  {
    GListModel *commits = nf_git_log_get_commits (nf_history_dialog_get_log (NF_HISTORY_DIALOG (dialog)));
    g_autoptr(NfGitCommit) oldest = g_list_model_get_item (commits, 1);

    /* The compare view tells the columns apart by the commit. */
    g_assert_nonnull (strstr (nf_canvas_get_label (g_ptr_array_index (got, 0)),
                              nf_git_commit_get_short_id (oldest)));
  }

  /* Two commits ticked and compared: the earlier first, each as it was
   * committed. */
  {
    g_autoptr(GPtrArray) ticks = nf_test_find_all (dialog, is_check_button, NULL);

    g_assert_cmpuint (ticks->len, ==, 2);
    /* Nothing ticked: nothing to compare. */
    gtk_widget_activate_action (dialog, "history.compare-selected", NULL);
    g_assert_cmpuint (got->len, ==, 2);
    for (guint i = 0; i < ticks->len; i++)
      gtk_check_button_set_active (g_ptr_array_index (ticks, i), TRUE);
    g_ptr_array_set_size (got, 0);
    g_object_ref (dialog);
    g_assert_true (gtk_widget_activate_action (dialog, "history.compare-selected", NULL));
    gtk_window_present (GTK_WINDOW (dialog));
    g_object_unref (dialog);
    g_assert_cmpuint (got->len, ==, 2);
    g_assert_cmpstr (nf_canvas_get_company (g_ptr_array_index (got, 0)), ==, nf_canvas_get_company (first));
    g_assert_cmpstr (nf_canvas_get_company (g_ptr_array_index (got, 1)), ==, "Bitauto Holdings");
    g_assert_false (nf_canvas_equal (g_ptr_array_index (got, 0), g_ptr_array_index (got, 1)));
  }

  /* A commit opened: its canvas, asked to be shown beside today's. */
  {
    g_autoptr(GPtrArray) opened = g_ptr_array_new_with_free_func (g_object_unref);

    g_signal_connect (dialog, "open-requested", G_CALLBACK (on_compare), opened);
    g_object_ref (dialog);
    gtk_widget_activate_action (dialog, "history.open", "u", 1u);
    gtk_window_present (GTK_WINDOW (dialog));
    g_object_unref (dialog);
    g_assert_cmpuint (opened->len, ==, 2);
    g_assert_cmpstr (nf_canvas_get_company (g_ptr_array_index (opened, 0)), ==, nf_canvas_get_company (first));
    g_assert_true (g_ptr_array_index (opened, 1) == canvas);
    g_signal_handlers_disconnect_by_data (dialog, opened);
  }

  /* Restored: the first commit's canvas; one undo gives today's back. */
  gtk_widget_activate_action (dialog, "history.restore", "u", 1u);
  g_assert_cmpstr (nf_canvas_get_company (canvas), ==, nf_canvas_get_company (first));
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_notes (canvas, NF_BLOCK_KEY_PARTNERS)), ==,
                    g_list_model_get_n_items (nf_canvas_get_notes (first, NF_BLOCK_KEY_PARTNERS)));
  g_assert_nonnull (nf_test_find_toast (dialog, "Restored the version"));
  g_assert_true (nf_history_undo (nf_canvas_get_history (canvas)));
  g_assert_cmpstr (nf_canvas_get_company (canvas), ==, "Bitauto Holdings");

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  nf_test_remove_tree (dir);
}

static void
test_not_in_git (void)
{
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "loose.ninefold", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  GtkWidget *dialog;

  save (canvas, path);
  dialog = nf_history_dialog_new (NULL, canvas, file);
  gtk_window_present (GTK_WINDOW (dialog));
  nf_test_wait_for (settled, dialog, 20, "the history to be read");
  if (nf_history_dialog_get_log (NF_HISTORY_DIALOG (dialog)) != NULL)
    g_test_skip ("the temporary folder is inside a git repository");
  else
    {
      AdwStatusPage *status = ADW_STATUS_PAGE (nf_test_find_type (dialog, ADW_TYPE_STATUS_PAGE));

      g_assert_cmpstr (adw_status_page_get_title (status), ==, "Not in a Git Repository");
      g_assert_nonnull (strstr (adw_status_page_get_description (status), "loose.ninefold"));
      nf_test_assert_showing (GTK_WIDGET (status));
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  nf_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  if (!nf_test_gui_init (&argc, &argv))
    return 0;
  nf_test_gui_load_style ();
  g_test_add_func ("/history-dialog/commits", test_history);
  g_test_add_func ("/history-dialog/not-in-git", test_not_in_git);
  return g_test_run ();
}
