/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Documents in the window: tabs, saving (and files changed on disk),
 * closing with unsaved changes, and work recovered after a crash. Run
 * under `dbus-run-session -- xvfb-run -a`. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "nf-editor-page.h"
#include "nf-settings.h"
#include "nf-table-editor.h"
#include "nf-window-private.h"
#include "nf-test-gui.h"

static gboolean
not_busy (gpointer data)
{
  return !nf_window_get_busy (data);
}

static gboolean
saved (gpointer data)
{
  return !nf_canvas_get_modified (data);
}

static NfNote *
add_note (NfCanvas   *canvas,
          NfBlock     block,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = nf_canvas_new_note_id (canvas);
  g_autoptr(NfText) t = nf_text_new (text);
  NfNote *note = nf_note_new (id, t);

  g_assert_true (nf_canvas_insert_note (canvas, block, 0, note, &error));
  g_assert_no_error (error);
  return note;
}

/* The message dialog the window has put up, or NULL. */
static AdwMessageDialog *
find_dialog (NfWindow *window)
{
  return (AdwMessageDialog *) nf_test_find_toplevel (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog (data) != NULL;
}

static AdwMessageDialog *
wait_for_dialog (NfWindow *window)
{
  nf_test_wait_for (has_dialog, window, 30, "a dialog");
  return find_dialog (window);
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, response);
  /* As a click would: the response, then the dialog goes (unless the
   * response took its window, and it, away already). */
  if (dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

/* Cases open as unsaved copies in tabs behind the pinned list. */
static void
test_tabs (void)
{
  NfWindow *window = nf_test_new_window (1366, 768);
  GListModel *documents;
  g_autoptr(NfCanvas) senmiao = NULL;

  nf_window_open_cases (window);
  documents = nf_window_get_documents (window);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 4);
  g_assert_cmpint (adw_tab_view_get_n_pages (window->tab_view), ==, 5);
  g_assert_cmpint (adw_tab_view_get_n_pinned_pages (window->tab_view), ==, 1);
  g_assert_null (nf_window_get_canvas_view (window));

  senmiao = g_list_model_get_item (nf_window_get_canvases (window), 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-canvas", "u", 2));
  g_assert_nonnull (nf_window_get_canvas_view (window));
  g_assert_true (_nf_window_get_document (window) == g_list_model_get_item (documents, 2));
  g_object_unref (_nf_window_get_document (window));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "Senmiao Technology");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "Not saved yet");

  /* The metric tables sit one switch away, built when first shown. */
  {
    AdwTabPage *page = adw_tab_view_get_selected_page (window->tab_view);
    GtkWidget *editor = adw_tab_page_get_child (page);
    GtkWidget *tables = nf_editor_page_get_table_editor (NF_EDITOR_PAGE (editor));

    g_assert_true (NF_IS_TABLE_EDITOR (tables));
    g_assert_true (nf_table_editor_get_canvas (NF_TABLE_EDITOR (tables)) == senmiao);
    g_assert_true (nf_editor_page_get_table_editor (NF_EDITOR_PAGE (editor)) == tables);
  }

  /* The dirty marker follows the model, and undo takes it away again. */
  {
    g_autoptr(NfNote) note = add_note (senmiao, NF_BLOCK_CHANNELS, "Word of mouth");

    g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "• Senmiao Technology");
    g_assert_true (nf_history_undo (nf_canvas_get_history (senmiao)));
    g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "Senmiao Technology");
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  g_assert_null (nf_window_get_canvas_view (window));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "4 canvases");

  /* New blank, and a copy of a case. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-from-case", "u", 3));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 6);
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "数跑科技");
  gtk_window_destroy (GTK_WINDOW (window));
}

static NfDocument *
open_one (NfWindow   *window,
          const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *documents = nf_window_get_documents (window);
  guint n = g_list_model_get_n_items (documents);
  NfDocument *document;

  nf_window_open_files (window, &file, 1);
  nf_test_wait_for (not_busy, window, 30, "loading");
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, n + 1);
  document = g_list_model_get_item (documents, n);
  g_object_unref (document);
  /* One file opened is shown at once. */
  g_assert_true (_nf_window_get_document (window) == document);
  return document;
}

static void
write_case (guint       index,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (index, &error);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_error (error);
  g_assert_true (nf_canvas_save_to_file (canvas, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Edit, save with Ctrl+S's action, reopen: the note is there, and nothing
 * else changed. */
static void
test_save_and_reopen (void)
{
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "senmiao.ninefold", NULL);
  NfWindow *window = nf_test_new_window (1366, 768);
  NfDocument *document;
  NfCanvas *canvas;
  g_autoptr(NfNote) note = NULL;
  g_autoptr(NfCanvas) expected = NULL;
  g_autoptr(GError) error = NULL;

  write_case (2, path);
  document = open_one (window, path);
  canvas = nf_document_get_canvas (document);
  g_assert_nonnull (nf_document_get_etag (document));

  note = add_note (canvas, NF_BLOCK_CHANNELS, "Ride-hailing partners' referrals");
  nf_canvas_move_note (canvas, note, NF_BLOCK_CUSTOMER_SEGMENTS, 0);
  g_assert_true (nf_history_undo (nf_canvas_get_history (canvas)));
  g_assert_true (nf_history_redo (nf_canvas_get_history (canvas)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (nf_document_get_busy (document));
  nf_test_wait_for (saved, canvas, 30, "saving");
  g_assert_false (nf_document_get_busy (document));

  /* Opened and saved: first among the recent files, listed once. */
  {
    g_autoptr(GSettings) settings = nf_settings_new ();
    g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-files");
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *uri = g_file_get_uri (file);

    g_assert_nonnull (recent[0]);
    g_assert_cmpstr (recent[0], ==, uri);
    for (guint i = 1; recent[i] != NULL; i++)
      g_assert_cmpstr (recent[i], !=, uri);
    g_assert_cmpuint (nf_home_page_get_n_recent (window->home), >=, 1);
  }

  expected = nf_canvas_load_case (2, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(NfCanvas) back = nf_canvas_load_from_file (file, NULL, &error);
    GListModel *segments;
    g_autoptr(NfNote) first = NULL;

    g_assert_no_error (error);
    segments = nf_canvas_get_notes (back, NF_BLOCK_CUSTOMER_SEGMENTS);
    first = g_list_model_get_item (segments, 0);
    g_assert_cmpstr (nf_text_get (nf_note_get_text (first)), ==, "Ride-hailing partners' referrals");
    /* Take the note out again: the rest is the case exactly. */
    nf_canvas_remove_note (back, first);
    g_assert_true (nf_canvas_equal (back, expected));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  nf_test_remove_tree (dir);
}

static void
touch_later (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_info_new ();

  g_file_info_set_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                    (guint64) (g_get_real_time () / G_USEC_PER_SEC) + 10);
  g_assert_true (g_file_set_attributes_from_info (file, info, G_FILE_QUERY_INFO_NONE, NULL, NULL));
}

/* Someone else changes the file while it is open: saving asks first. */
static void
test_changed_on_disk (void)
{
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bitauto.ninefold", NULL);
  NfWindow *window = nf_test_new_window (1366, 768);
  NfDocument *document;
  NfCanvas *canvas;
  g_autoptr(NfNote) note = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;

  write_case (0, path);
  document = open_one (window, path);
  canvas = nf_document_get_canvas (document);

  write_case (1, path);  /* their change: a different canvas entirely */
  touch_later (path);
  g_assert_true (g_file_get_contents (path, &theirs, NULL, NULL));

  note = add_note (canvas, NF_BLOCK_KEY_PARTNERS, "Our change");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = wait_for_dialog (window);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Changed on Disk"));
  respond (dialog, "cancel");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, theirs);
  g_assert_true (nf_canvas_get_modified (canvas));

  /* Replacing theirs on purpose works. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  respond (wait_for_dialog (window), "overwrite");
  nf_test_wait_for (saved, canvas, 30, "saving over their change");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Our change"));
  gtk_window_destroy (GTK_WINDOW (window));
  nf_test_remove_tree (dir);
}

/* A save that fails says why and leaves the document modified. */
static void
test_save_error (void)
{
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "alibaba.ninefold", NULL);
  NfWindow *window = nf_test_new_window (1366, 768);
  NfDocument *document;
  NfCanvas *canvas;
  g_autoptr(NfNote) note = NULL;
  AdwMessageDialog *dialog;

  write_case (1, path);
  document = open_one (window, path);
  canvas = nf_document_get_canvas (document);
  note = add_note (canvas, NF_BLOCK_KEY_PARTNERS, "Unsaveable");
  /* The file turns into a folder behind our back. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = wait_for_dialog (window);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Could Not Save"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "alibaba.ninefold"));
  respond (dialog, "close");
  g_assert_true (nf_canvas_get_modified (canvas));
  g_assert_false (nf_document_get_busy (document));
  gtk_window_destroy (GTK_WINDOW (window));
  nf_test_remove_tree (dir);
}

/* Closing a tab: without changes at once; with changes, only as chosen. */
static void
test_close_tab (void)
{
  NfWindow *window = nf_test_new_window (1366, 768);
  GListModel *documents = nf_window_get_documents (window);
  g_autoptr(NfNote) note = NULL;
  g_autoptr(NfCanvas) canvas = NULL;

  nf_window_open_cases (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-canvas", "u", 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 3);

  canvas = g_list_model_get_item (nf_window_get_canvases (window), 0);  /* Alibaba now */
  note = add_note (canvas, NF_BLOCK_CHANNELS, "Unsaved");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-canvas", "u", 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  respond (wait_for_dialog (window), "cancel");
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  respond (wait_for_dialog (window), "discard");
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 2);

  /* The list tab itself cannot be closed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  adw_tab_view_close_page (window->tab_view, window->home_page);
  g_assert_cmpint (adw_tab_view_get_n_pages (window->tab_view), ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Which action a key combination triggers among the window's own
 * shortcuts, or NULL. */
static char *
window_action_for (NfWindow        *window,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && GTK_IS_NAMED_ACTION (action) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }
  return NULL;
}

/* Compare is Ctrl+Shift+C: GTK keeps Ctrl+Shift+D and Ctrl+Shift+I for
 * its inspector, on by default on Debian, so a binding there never runs. */
static void
test_shortcuts_clear_of_inspector (void)
{
  NfWindow *window = nf_test_new_window (1366, 768);
  g_autofree char *compare = window_action_for (window, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_autofree char *d = window_action_for (window, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_autofree char *i = window_action_for (window, GDK_KEY_i, GDK_CONTROL_MASK | GDK_SHIFT_MASK);

  g_assert_cmpstr (compare, ==, "win.compare");
  g_assert_null (d);
  g_assert_null (i);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Closing the window with unsaved work asks; Cancel keeps everything. */
static void
test_close_window (void)
{
  NfWindow *window = nf_test_new_window (1366, 768);
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(NfNote) note = NULL;
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  nf_window_open_cases (window);
  canvas = g_list_model_get_item (nf_window_get_canvases (window), 3);
  note = add_note (canvas, NF_BLOCK_CHANNELS, "未保存");
  gtk_window_close (GTK_WINDOW (window));
  dialog = wait_for_dialog (window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "数跑科技"));
  respond (dialog, "cancel");
  g_assert_nonnull (window);
  g_assert_cmpuint (g_list_model_get_n_items (nf_window_get_documents (window)), ==, 4);

  gtk_window_close (GTK_WINDOW (window));
  respond (wait_for_dialog (window), "discard");
  while (window != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The app dies by SIGKILL after an unsaved edit; the next window offers
 * the edit back, and restoring it opens it as a modified tab. */
static void
test_recovery_after_kill (void)
{
  const char *folder_path = g_getenv ("NF_TEST_RECOVERY_DIR");

  if (g_test_subprocess ())
    {
      g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
      g_autoptr(NfRecovery) recovery = nf_recovery_new (folder);
      NfWindow *window = nf_test_new_window (1366, 768);
      g_autoptr(NfDocument) document = NULL;
      g_autoptr(NfNote) note = NULL;
      g_autofree char *info = NULL;

      nf_recovery_set_interval (recovery, 1);
      nf_window_set_recovery (window, recovery);
      nf_window_open_cases (window);
      document = g_list_model_get_item (nf_window_get_documents (window), 2);
      note = add_note (nf_document_get_canvas (document), NF_BLOCK_CHANNELS, "Kept through a crash");
      info = g_strdup_printf ("%s/%s.info", folder_path, nf_document_get_id (document));
      nf_test_wait_for (file_exists, info, 30, "the recovery copy");
      kill (getpid (), SIGKILL);
      g_assert_not_reached ();
    }

  {
    g_autofree char *dir = nf_test_make_tmpdir ();
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    g_autoptr(NfRecovery) recovery = nf_recovery_new (folder);
    NfWindow *window;
    NfDocument *document;
    g_autoptr(NfNote) first = NULL;
    GListModel *documents;

    g_setenv ("NF_TEST_RECOVERY_DIR", dir, TRUE);
    g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed ();

    window = nf_test_new_window (1366, 768);
    nf_window_set_recovery (window, recovery);
    g_assert_cmpuint (nf_window_offer_recovered (window), ==, 1);
    g_assert_cmpuint (nf_window_get_n_recovered (window), ==, 1);
    {
      g_autoptr(GPtrArray) entries = nf_recovery_list (recovery);
      NfRecoveryEntry *entry = g_ptr_array_index (entries, 0);

      g_assert_cmpstr (entry->title, ==, "Senmiao Technology");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-recovered",
                                                 "s", entry->id));
    }
    g_assert_cmpuint (nf_window_get_n_recovered (window), ==, 0);
    documents = nf_window_get_documents (window);
    g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
    document = _nf_window_get_document (window);
    g_assert_nonnull (document);
    g_assert_true (nf_canvas_get_modified (nf_document_get_canvas (document)));
    first = g_list_model_get_item (nf_canvas_get_notes (nf_document_get_canvas (document),
                                                        NF_BLOCK_CHANNELS), 0);
    g_assert_cmpstr (nf_text_get (nf_note_get_text (first)), ==, "Kept through a crash");

    /* Discarding on close retires the copy for good. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
    respond (wait_for_dialog (window), "discard");
    {
      g_autoptr(GPtrArray) entries = nf_recovery_list (recovery);

      g_assert_cmpuint (entries->len, ==, 0);
    }
    gtk_window_destroy (GTK_WINDOW (window));
    nf_test_remove_tree (dir);
  }
}

int
main (int    argc,
      char **argv)
{
  if (!nf_test_gui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/gui/documents/tabs", test_tabs);
  g_test_add_func ("/gui/documents/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/gui/documents/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/gui/documents/save-error", test_save_error);
  g_test_add_func ("/gui/documents/close-tab", test_close_tab);
  g_test_add_func ("/gui/documents/close-window", test_close_window);
  g_test_add_func ("/gui/documents/shortcuts", test_shortcuts_clear_of_inspector);
#ifdef G_OS_UNIX
  g_test_add_func ("/gui/documents/recovery-after-kill", test_recovery_after_kill);
#endif
  return g_test_run ();
}
