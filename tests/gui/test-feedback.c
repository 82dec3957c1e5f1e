/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-feedback"

/* What the window tells the user, where the user is: open errors in the
 * tab they came from (once per file), the recovery row's buttons, the
 * header buttons' names for a screen reader, the toast after Save As,
 * files handed to a running window, tabs of two versions of a company.
 * Run under `dbus-run-session -- xvfb-run -a`. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "nf-application.h"
#include "nf-canvas-card.h"
#include "nf-canvas-xml.h"
#include "nf-editor-page.h"
#include "nf-test-gui.h"
#include "nf-window-private.h"

static gboolean
chooser_has_file (gpointer chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);

  return file != NULL;
}

/* Saved to a file, and done. */
static gboolean
document_saved (gpointer data)
{
  return nf_document_get_file (data) != NULL && !nf_document_get_busy (data);
}

/* Case `index` written to dir/name with its company set so. */
static char *
write_canvas (const char *dir,
              const char *name,
              guint       index,
              const char *company,
              const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (index, &error);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_error (error);
  if (company != NULL)
    nf_canvas_set_company (canvas, company);
  if (label != NULL)
    nf_canvas_set_label (canvas, label);
  nf_canvas_save_to_file (canvas, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static void
open_paths (NfWindow           *window,
            const char * const *paths)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));
  nf_window_open_files (window, (GFile **) files->pdata, files->len);
  nf_test_wait_until_loaded (window);
  nf_test_settle (GTK_WIDGET (window));
}

static AdwTabPage *
selected_page (NfWindow *window)
{
  return adw_tab_view_get_selected_page (window->tab_view);
}

static GtkWidget *
find_toast (NfWindow   *window,
            const char *text)
{
  return nf_test_find_toast (GTK_WIDGET (window), text);
}

/* --- Open errors where the user is --- */

static gboolean
is_open_error_toast (GtkWidget    *widget,
                     gconstpointer name)
{
  return nf_test_find_toast (widget, name) == widget;
}

static void
test_open_error_in_tab (void)
{
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *good = write_canvas (dir, "good.ninefold", 0, NULL, NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.ninefold", NULL);
  const char *first[] = { good, NULL };
  const char *again[] = { broken, NULL };
  NfWindow *window = nf_test_new_window (1366, 768);
  GtkWidget *toast;

  g_assert_true (g_file_set_contents (broken, "<?xml version=\"1.0\"?>\n<canvas", -1, NULL));
  open_paths (window, first);
  /* The canvas's tab shows; the open of the broken file starts there. */
  g_assert_true (selected_page (window) != window->home_page);
  open_paths (window, again);
  g_assert_cmpuint (nf_window_get_n_errors (window), ==, 1);
  g_assert_true (selected_page (window) != window->home_page);
  toast = find_toast (window, "broken.ninefold");
  nf_test_assert_showing (toast);
  /* Names the file and says what is wrong, not only that something is. */
  g_test_message ("toast: %s", gtk_label_get_text (GTK_LABEL (toast)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (toast)), "“broken.ninefold”: "));
  g_assert_cmpuint (strlen (strstr (gtk_label_get_text (GTK_LABEL (toast)), "”: ")), >, 6);
  nf_test_screenshot (GTK_WIDGET (window), "feedback-open-error-toast.png");

  /* Again: still one row for it on the list, and one toast. */
  open_paths (window, again);
  g_assert_cmpuint (nf_window_get_n_errors (window), ==, 1);
  {
    g_autoptr(GPtrArray) toasts = nf_test_find_all (GTK_WIDGET (window), is_open_error_toast, "broken.ninefold");

    g_assert_cmpuint (toasts->len, ==, 1);
  }
  /* None queued behind it: once it goes, no second one comes. */
  g_assert_nonnull (window->open_error_toast);
  adw_toast_dismiss (window->open_error_toast);
  /* The toast leaves with an animation: give it time, not forever. */
  for (guint i = 0; i < 200 && find_toast (window, "broken.ninefold") != NULL; i++)
    nf_test_settle (GTK_WIDGET (window));
  g_assert_null (find_toast (window, "broken.ninefold"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  nf_test_settle (GTK_WIDGET (window));
  {
    g_autoptr(GPtrArray) rows = nf_test_find_all (GTK_WIDGET (window->home), nf_test_label_contains,
                                                  "Could not open “broken.ninefold”");

    g_assert_cmpuint (rows->len, ==, 1);
  }
  /* From the list page, the row is the message: no toast over it. */
  open_paths (window, again);
  g_assert_cmpuint (nf_window_get_n_errors (window), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  nf_test_remove_tree (dir);
}

/* --- The recovery row --- */

/* Distinct colours in the widget's own area of a render of `root`. */
static guint
n_colours_in (GtkWidget *root,
              GtkWidget *widget)
{
  cairo_surface_t *surface = nf_test_render (root);
  graphene_rect_t bounds;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint n;

  g_assert_true (gtk_widget_compute_bounds (widget, root, &bounds));
  for (int y = (int) bounds.origin.y; y < (int) (bounds.origin.y + bounds.size.height); y++)
    for (int x = (int) bounds.origin.x; x < (int) (bounds.origin.x + bounds.size.width); x++)
      {
        guint8 rgb[3];

        nf_test_pixel (surface, x, y, rgb);
        g_hash_table_add (seen, GUINT_TO_POINTER ((rgb[0] << 16) | (rgb[1] << 8) | rgb[2]));
      }
  n = g_hash_table_size (seen);
  cairo_surface_destroy (surface);
  return n;
}

static gboolean
is_discard_button (GtkWidget    *widget,
                   gconstpointer data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.discard-recovered") == 0;
}

static void
test_recovery_row (void)
{
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(NfRecovery) recovery = nf_recovery_new (folder);
    g_autoptr(NfCanvas) canvas = nf_canvas_load_case (2, &error);
    g_autoptr(NfDocument) document = NULL;

    g_assert_no_error (error);
    document = nf_document_new (canvas, NULL, NULL);
    g_assert_true (nf_recovery_write_now (recovery, document, &error));
    g_assert_no_error (error);
  }
  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(NfRecovery) recovery = nf_recovery_new (folder);
      NfWindow *window = nf_test_new_window (1366, 768);
      GtkWidget *discard;
      graphene_rect_t bounds;

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      nf_window_set_recovery (window, recovery);
      g_assert_cmpuint (nf_window_offer_recovered (window), ==, 1);
      nf_test_settle (GTK_WIDGET (window));
      discard = nf_test_find (GTK_WIDGET (window), is_discard_button, NULL);
      nf_test_assert_showing (discard);
      g_assert_true (nf_test_accessible_label_is (discard, "Discard These Changes"));
      /* Drawn: a button of a size to click, with its icon on it. */
      g_assert_true (gtk_widget_compute_bounds (discard, GTK_WIDGET (window), &bounds));
      g_assert_cmpfloat (bounds.size.width, >=, 24);
      g_assert_cmpfloat (bounds.size.height, >=, 24);
      nf_test_screenshot (GTK_WIDGET (window), dark ? "feedback-recovery-dark.png" : "feedback-recovery.png");
      g_assert_cmpuint (n_colours_in (GTK_WIDGET (window), discard), >=, 3);
      gtk_window_destroy (GTK_WINDOW (window));
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  nf_test_remove_tree (dir);
}

/* --- Header buttons, named for a screen reader --- */

static void
test_header_names (void)
{
  NfWindow *window = nf_test_new_window (1366, 768);
  const char *names[] = { "New Canvas", "Open…", "Main Menu", "Save" };

  nf_window_open_cases (window);
  nf_test_wait_until_loaded (window);
  {
    g_autoptr(NfCanvas) canvas = g_list_model_get_item (nf_window_get_canvases (window), 0);

    nf_window_show_canvas (window, canvas);
  }
  nf_test_settle (GTK_WIDGET (window));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *button = nf_test_find (GTK_WIDGET (window), nf_test_tooltip_is, names[i]);

      nf_test_assert_showing (button);
      g_assert_true (nf_test_accessible_label_is (button, names[i]));
      /* A menu button's focus goes to its inner button: that too. */
      if (GTK_IS_MENU_BUTTON (button))
        g_assert_true (nf_test_accessible_label_is (gtk_widget_get_first_child (button), names[i]));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- Save As names the file --- */

static void
test_save_as_toast (void)
{
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Plan for 2027.ninefold", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  NfWindow *window = nf_test_new_window (1366, 768);
  NfDocument *document;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  document = _nf_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  g_assert_nonnull (window->chooser);
  /* The user picks the folder and types the name. */
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (window->chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (window->chooser), "Plan for 2027.ninefold");
  nf_test_wait_for (chooser_has_file, window->chooser, 30, "the chooser taking the name");
  g_signal_emit_by_name (window->chooser, "response", GTK_RESPONSE_ACCEPT);
  nf_test_wait_for (document_saved, document, 30, "saving");
  nf_test_settle (GTK_WIDGET (window));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  nf_test_assert_showing (find_toast (window, "Saved “Plan for 2027.ninefold”"));
  g_assert_null (find_toast (window, "Untitled"));

  gtk_window_destroy (GTK_WINDOW (window));
  nf_test_remove_tree (dir);
}

/* --- Two versions of one company --- */

static const char *
tab_title (NfWindow *window,
           guint     index)
{
  g_autoptr(NfDocument) document = g_list_model_get_item (nf_window_get_documents (window), index);

  return adw_tab_page_get_title (_nf_window_find_page (window, document));
}

static void
test_versions_apart (void)
{
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *a = write_canvas (dir, "bitauto-2019.ninefold", 0, NULL, "2019");
  g_autofree char *b = write_canvas (dir, "bitauto-2023.ninefold", 0, NULL, "2023");
  g_autofree char *c = write_canvas (dir, "bitauto-draft.ninefold", 0, NULL, NULL);
  g_autofree char *other = write_canvas (dir, "alibaba.ninefold", 1, NULL, NULL);
  const char *paths[] = { a, b, c, other, NULL };
  NfWindow *window = nf_test_new_window (1366, 768);
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);

  open_paths (window, paths);
  g_assert_cmpuint (g_list_model_get_n_items (nf_window_get_documents (window)), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_test_message ("tab %u: %s", i, tab_title (window, i));
      g_assert_true (g_hash_table_add (titles, (gpointer) tab_title (window, i)));
    }
  /* Told apart by label where they have one, else by file. */
  g_assert_cmpstr (tab_title (window, 0), ==, "Bitauto — 2019");
  g_assert_cmpstr (tab_title (window, 1), ==, "Bitauto — 2023");
  g_assert_cmpstr (tab_title (window, 2), ==, "Bitauto — bitauto-draft.ninefold");
  /* A name nobody shares stays as it is. */
  g_assert_cmpstr (tab_title (window, 3), ==, "Alibaba");

  /* Closing the others leaves the name plain again. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(NfDocument) first = g_list_model_get_item (nf_window_get_documents (window), 0);

      adw_tab_view_close_page (window->tab_view, _nf_window_find_page (window, first));
      nf_test_settle (GTK_WIDGET (window));
    }
  g_assert_cmpstr (tab_title (window, 0), ==, "Bitauto");

  gtk_window_destroy (GTK_WINDOW (window));
  nf_test_remove_tree (dir);
}

/* --- Files handed to the running application --- */

typedef struct {
  char **paths;
  gboolean checked;
} Running;

static gboolean
quit_app (gpointer app)
{
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
running_activated (GApplication *app,
                   Running      *running)
{
  NfWindow *window = NF_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  NfDocument *shown;

  nf_test_wait_until_loaded (window);
  g_assert_true (selected_page (window) == window->home_page);

  /* As a second `ninefold A B` hands them over. */
  for (guint i = 0; running->paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (running->paths[i]));
  g_application_open (app, (GFile **) files->pdata, (int) files->len, "");
  nf_test_wait_until_loaded (window);
  shown = _nf_window_get_document (window);
  g_assert_nonnull (shown);
  g_assert_true (g_file_equal (nf_document_get_file (shown), g_ptr_array_index (files, files->len - 1)));

  /* Again, already open: its tab comes forward. */
  {
    g_autoptr(GFile) first = g_object_ref (g_ptr_array_index (files, 0));

    g_application_open (app, &first, 1, "");
    nf_test_wait_until_loaded (window);
    shown = _nf_window_get_document (window);
    g_assert_true (g_file_equal (nf_document_get_file (shown), first));
  }
  running->checked = TRUE;
  g_idle_add (quit_app, app);
}

static void
test_open_into_running (void)
{
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *a = write_canvas (dir, "a.ninefold", 0, NULL, NULL);
  g_autofree char *b = write_canvas (dir, "b.ninefold", 2, NULL, NULL);
  char *paths[] = { a, b, NULL };
  Running running = { paths, FALSE };
  g_autoptr(NfApplication) app = nf_application_new ();
  char *argv[] = { (char *) "test-feedback", NULL };

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (running_activated), &running);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_true (running.checked);
  nf_test_remove_tree (dir);
}

/* Save As opens GTK's file chooser, whose libcloudproviders keeps the paths
 * it builds until exit. LeakSanitizer matches its suppression for that
 * library (.ci/lsan.supp) only on whole stacks; read by ASan builds alone. */
const char *__asan_default_options (void);
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *state = NULL;
  int status;

  /* Nothing from the user's recovery folder or recent files. */
  state = g_dir_make_tmp ("ninefold-feedback-XXXXXX", NULL);
  g_assert_nonnull (state);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  if (!nf_test_gui_init (&argc, &argv))
    {
      g_rmdir (state);
      return 0;
    }

  g_test_add_func ("/gui/feedback/open-error-in-tab", test_open_error_in_tab);
  g_test_add_func ("/gui/feedback/recovery-row", test_recovery_row);
  g_test_add_func ("/gui/feedback/header-names", test_header_names);
  g_test_add_func ("/gui/feedback/save-as-toast", test_save_as_toast);
  g_test_add_func ("/gui/feedback/versions-apart", test_versions_apart);
  g_test_add_func ("/gui/feedback/open-into-running", test_open_into_running);
  status = g_test_run ();
  nf_test_remove_tree (state);
  return status;
}
