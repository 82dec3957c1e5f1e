/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window, under a real (virtual) display: run it with
 * `dbus-run-session -- xvfb-run -a meson test --suite gui`. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "nf-canvas-card.h"
#include "nf-canvas-view.h"
#include "nf-export-dialog.h"
#include "nf-window.h"
#include "nf-test-gui.h"

static gboolean
is_dismiss_button (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Dismiss") == 0;
}

static GPtrArray *
cards_of (GtkWidget *root)
{
  GPtrArray *cards = g_ptr_array_new ();
  GPtrArray *stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (NF_IS_CANVAS_CARD (widget))
        g_ptr_array_add (cards, widget);
      for (GtkWidget *child = gtk_widget_get_last_child (widget);
           child != NULL;
           child = gtk_widget_get_prev_sibling (child))
        g_ptr_array_add (stack, child);
    }
  g_ptr_array_unref (stack);
  return cards;
}

static void
test_empty (void)
{
  NfWindow *window = nf_test_new_window (960, 720);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (nf_window_get_canvases (window)), ==, 0);
  nf_test_assert_showing (nf_test_find (GTK_WIDGET (window), nf_test_label_is, "No Canvases Open"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cases (void)
{
  NfWindow *window = nf_test_new_window (960, 720);
  g_autoptr(GPtrArray) cards = NULL;
  GListModel *canvases;

  nf_window_open_cases (window);
  nf_test_wait_until_loaded (window);

  canvases = nf_window_get_canvases (window);
  g_assert_cmpuint (g_list_model_get_n_items (canvases), ==, 4);
  g_assert_cmpuint (nf_window_get_n_errors (window), ==, 0);

  cards = cards_of (GTK_WIDGET (window));
  g_assert_cmpuint (cards->len, ==, 4);
  for (guint i = 0; i < cards->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (cards, i);
      g_autoptr(NfCanvas) canvas = g_list_model_get_item (canvases, i);
      g_autofree char *notes = g_strdup_printf ("%u notes", nf_canvas_get_n_notes (canvas));

      g_assert_true (nf_canvas_card_get_canvas (NF_CANVAS_CARD (card)) == canvas);
      g_assert_cmpstr (nf_canvas_get_company (canvas), !=, "");
      nf_test_assert_showing (nf_test_find (card, nf_test_label_is, nf_canvas_get_company (canvas)));
      g_assert_nonnull (nf_test_find (card, nf_test_label_is, notes));
      for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
        g_assert_nonnull (nf_test_find (card, nf_test_label_is, nf_block_title (b)));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Picking a tab with nothing focused, or a header bar button, puts the
 * keyboard in its canvas (Insert then adds a note there); focus on the
 * tab bar stays on it. */
static void
test_tab_focus (void)
{
  NfWindow *window = nf_test_new_window (1366, 768);
  AdwTabView *tabs;
  AdwTabPage *page;
  GtkWidget *focus, *editor, *outside;

  nf_window_open_cases (window);
  nf_test_wait_until_loaded (window);
  tabs = ADW_TAB_VIEW (nf_test_find_type (GTK_WIDGET (window), ADW_TYPE_TAB_VIEW));
  g_assert_nonnull (tabs);

  gtk_root_set_focus (GTK_ROOT (window), NULL);
  page = adw_tab_view_get_nth_page (tabs, 2);
  adw_tab_view_set_selected_page (tabs, page);
  nf_test_settle (GTK_WIDGET (window));
  editor = adw_tab_page_get_child (page);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, editor));
  g_assert_true (gtk_widget_get_ancestor (focus, NF_TYPE_CANVAS_VIEW) != NULL);

  /* From a header bar button too. */
  {
    GtkWidget *bar = nf_test_find_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);

    g_assert_nonnull (bar);
    g_assert_true (gtk_widget_child_focus (bar, GTK_DIR_TAB_FORWARD));
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), bar));
    page = adw_tab_view_get_nth_page (tabs, 1);
    adw_tab_view_set_selected_page (tabs, page);
    nf_test_settle (GTK_WIDGET (window));
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (gtk_widget_is_ancestor (focus, adw_tab_page_get_child (page)));
  }

  /* The tab bar keeps the keyboard through a switch. */
  outside = nf_test_find_type (GTK_WIDGET (window), ADW_TYPE_TAB_BAR);
  g_assert_nonnull (outside);
  g_assert_true (gtk_widget_child_focus (outside, GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, outside));
  adw_tab_view_set_selected_page (tabs, adw_tab_view_get_nth_page (tabs, 3));
  nf_test_settle (GTK_WIDGET (window));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focus);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The widgets of the window with a shortcut for the key. */
static GPtrArray *
owners_of_key (GtkWidget       *root,
               guint            keyval,
               GdkModifierType  mods)
{
  GPtrArray *owners = g_ptr_array_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);

              if (nf_test_trigger_is (gtk_shortcut_get_trigger (shortcut), keyval, mods))
                g_ptr_array_add (owners, widget);
            }
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  return owners;
}

/* The keys that show one block alone reach the canvas: no other widget
 * of the window (the tab view takes Alt+digits to switch tabs, before
 * the page sees them) answers them. With four canvases open, Alt+1 …
 * Alt+5 switched tabs while the shortcuts window promised a block. */
static void
test_block_keys_reach_canvas (void)
{
  NfWindow *window = nf_test_new_window (1366, 768);
  AdwTabView *tabs;

  nf_window_open_cases (window);
  nf_test_wait_until_loaded (window);
  tabs = ADW_TAB_VIEW (nf_test_find_type (GTK_WIDGET (window), ADW_TYPE_TAB_VIEW));
  adw_tab_view_set_selected_page (tabs, adw_tab_view_get_nth_page (tabs, 1));
  nf_test_settle (GTK_WIDGET (window));
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      g_autoptr(GPtrArray) owners = owners_of_key (GTK_WIDGET (window), GDK_KEY_1 + b, GDK_CONTROL_MASK);
      guint canvases = 0;

      for (guint i = 0; i < owners->len; i++)
        {
          GtkWidget *owner = g_ptr_array_index (owners, i);

          g_assert_true (NF_IS_CANVAS_VIEW (owner));
          canvases++;
        }
      g_assert_cmpuint (canvases, >=, 1);
    }
  /* What the test looks for is there: the tab view's own keys. */
  {
    g_autoptr(GPtrArray) owners = owners_of_key (GTK_WIDGET (window), GDK_KEY_1, GDK_ALT_MASK);

    g_assert_cmpuint (owners->len, >=, 1);
    g_assert_true (g_ptr_array_find (owners, tabs, NULL));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The shortcuts window fits a 1366-pixel-wide screen (its rows of
 * four alternative keys made it 1,500 wide, cut at the screen's edge),
 * and opens without GTK warning about its page buttons (libadwaita's
 * negative label margins; a warning fails a test). */
static void
test_shortcuts_window_fits (void)
{
  NfWindow *window = nf_test_new_window (1366, 768);
  GtkShortcutsWindow *overlay;
  int min = 0, nat = 0;

  nf_window_open_cases (window);
  nf_test_wait_until_loaded (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  nf_test_settle (GTK_WIDGET (overlay));
  gtk_widget_measure (GTK_WIDGET (overlay), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, <=, 1366 - 100);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (overlay)), <=, 1366 - 100);
  nf_test_screenshot (GTK_WIDGET (overlay), "shortcuts-window.png");
  gtk_window_destroy (GTK_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (window));
}


static char *
save_case (const char *dir,
           guint       index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (index, &error);
  g_autofree char *name = g_strdup_printf ("case-%u.ninefold", index);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_error (error);
  nf_canvas_save_to_file (canvas, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static const char *
first_seed (void)
{
  static char *path;
  const char *dir = g_getenv ("NF_SEEDS_DIR");

  if (path == NULL && dir != NULL)
    {
      g_autofree char *candidate = g_build_filename (dir, "000_953608acea1fed08.txt", NULL);

      if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
        path = g_steal_pointer (&candidate);
    }
  return path;
}

static void
test_broken_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ninefold-gui-XXXXXX", &error);
  g_autofree char *good0 = NULL;
  g_autofree char *good1 = NULL;
  g_autofree char *broken = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) cards = NULL;
  const char *seed = first_seed ();
  NfWindow *window;
  GListModel *canvases;
  GtkWidget *message;
  GtkWidget *dismiss;
  guint expected;

  g_assert_no_error (error);
  good0 = save_case (dir, 0);
  good1 = save_case (dir, 1);
  broken = g_build_filename (dir, "broken.ninefold", NULL);
  g_file_set_contents (broken, "<?xml version=\"1.0\"?>\n<canvas xmlns=\"urn:ninefold:canvas:1\"", -1, &error);
  g_assert_no_error (error);

  g_ptr_array_add (files, g_file_new_for_path (good0));
  g_ptr_array_add (files, g_file_new_for_path (broken));
  g_ptr_array_add (files, g_file_new_for_path (good1));
  if (seed != NULL)
    g_ptr_array_add (files, g_file_new_for_path (seed));
  expected = files->len - 1;

  window = nf_test_new_window (960, 720);
  nf_window_open_files (window, (GFile **) files->pdata, files->len);
  g_assert_true (nf_window_get_busy (window));
  nf_test_wait_until_loaded (window);

  /* The good ones open, in the order given, beside the error. */
  canvases = nf_window_get_canvases (window);
  g_assert_cmpuint (g_list_model_get_n_items (canvases), ==, expected);
  cards = cards_of (GTK_WIDGET (window));
  g_assert_cmpuint (cards->len, ==, expected);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(NfCanvas) want = nf_canvas_load_case (i, NULL);
      g_autoptr(NfCanvas) got = g_list_model_get_item (canvases, i);

      g_assert_cmpstr (nf_canvas_get_company (got), ==, nf_canvas_get_company (want));
      nf_test_assert_showing (nf_test_find (g_ptr_array_index (cards, i), nf_test_label_is, nf_canvas_get_company (want)));
    }

  g_assert_cmpuint (nf_window_get_n_errors (window), ==, 1);
  message = nf_test_find (GTK_WIDGET (window), nf_test_label_contains, "broken.ninefold");
  nf_test_assert_showing (message);

  /* Dismissing the error leaves the canvases alone. */
  dismiss = nf_test_find (GTK_WIDGET (window), is_dismiss_button, NULL);
  g_assert_nonnull (dismiss);
  g_signal_emit_by_name (dismiss, "clicked");
  g_assert_cmpuint (nf_window_get_n_errors (window), ==, 0);
  g_assert_null (nf_test_find (GTK_WIDGET (window), nf_test_label_contains, "broken.ninefold"));
  g_assert_cmpuint (g_list_model_get_n_items (canvases), ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));

  for (guint i = 0; i < 2; i++)
    {
      const char *path = i == 0 ? good0 : good1;
      g_autofree char *backup = g_strconcat (path, "~", NULL);

      g_unlink (path);
      g_unlink (backup);
    }
  g_unlink (broken);
  g_rmdir (dir);
}

static gboolean
window_gone (gpointer data)
{
  return *(NfWindow **) data == NULL;
}

/* Closing the window while files load must not touch it afterwards. */
static void
test_close_while_loading (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/x.ninefold");
  NfWindow *window = nf_test_new_window (960, 720);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  nf_window_open_files (window, &file, 1);
  gtk_window_destroy (GTK_WINDOW (window));

  nf_test_wait_for (window_gone, &window, 30, "freeing the window");
}

static gboolean
is_export_dialog (GtkWidget     *widget,
                  gconstpointer  data)
{
  return NF_IS_EXPORT_DIALOG (widget);
}

static gboolean
button_labelled (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* A finished export says so: a toast in the window names the file (its
 * name is text, not markup) and offers to open it. */
static void
test_export_toast (void)
{
  NfWindow *window = nf_test_new_window (960, 720);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nf-toast-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "a<b> & \"c\".md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();
  NfExportDialog *dialog = NULL;
  GtkWidget *label = NULL;
  gint64 end;

  g_assert_no_error (error);
  nf_window_open_cases (window);
  nf_test_wait_until_loaded (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWidget) top = g_list_model_get_item (toplevels, i);

      if (is_export_dialog (top, NULL))
        dialog = NF_EXPORT_DIALOG (top);
    }
  g_assert_nonnull (dialog);
  nf_export_dialog_set_what (dialog, NF_EXPORT_WHAT_CANVAS);
  nf_export_dialog_set_format (dialog, NF_EXPORT_FORMAT_MARKDOWN);
  nf_export_dialog_set_file (dialog, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.export", NULL));
  end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (label == NULL && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, TRUE);
      label = nf_test_find (GTK_WIDGET (window), nf_test_label_contains, "a<b> & \"c\".md");
    }
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  nf_test_assert_showing (label);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Exported"));
  nf_test_assert_showing (nf_test_find (GTK_WIDGET (window), button_labelled, "Open"));

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  if (!nf_test_gui_init (&argc, &argv))
    return 0;
  /* As the application loads it: the window as a user sees it. */
  nf_test_gui_load_style ();

  g_test_add_func ("/gui/window/empty", test_empty);
  g_test_add_func ("/gui/window/cases", test_cases);
  g_test_add_func ("/gui/window/tab-focus", test_tab_focus);
  g_test_add_func ("/gui/window/block-keys-reach-canvas", test_block_keys_reach_canvas);
  g_test_add_func ("/gui/window/shortcuts-window-fits", test_shortcuts_window_fits);
  g_test_add_func ("/gui/window/broken-file", test_broken_file);
  g_test_add_func ("/gui/window/close-while-loading", test_close_while_loading);
  g_test_add_func ("/gui/window/export-toast", test_export_toast);

  return g_test_run ();
}
