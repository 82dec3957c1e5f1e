/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Starting the real application, as a user does: what the first window
 * shows, and what start-up leaves for later (the shortcuts window, the
 * cards of a list page nobody has looked at yet) still works when asked
 * for. Run it with `dbus-run-session -- xvfb-run -a meson test --suite gui`. */
#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "nf-application.h"
#include "nf-canvas-card.h"
#include "nf-canvas-view.h"
#include "nf-editor-page.h"
#include "nf-window.h"
#include "nf-test-gui.h"

static gboolean
is_card_of (GtkWidget     *widget,
            gconstpointer  data)
{
  return NF_IS_CANVAS_CARD (widget) && nf_canvas_card_get_canvas (NF_CANVAS_CARD (widget)) == data;
}


static gboolean
is_menu_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

/* A header bar menu, opened as a click would, lists its items. */
static void
assert_menu_opens (NfWindow   *window,
                   const char *tooltip,
                   const char *item)
{
  GtkWidget *button = nf_test_find (GTK_WIDGET (window), is_menu_button, tooltip);
  GtkPopover *popover;

  nf_test_assert_showing (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (popover));
  nf_test_assert_showing (nf_test_find (GTK_WIDGET (popover), nf_test_label_is, item));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}


/* The list page's card of a canvas shows its company. */
static void
assert_card_showing (NfWindow *window,
                     NfCanvas *canvas)
{
  GtkWidget *card = nf_test_find (GTK_WIDGET (window), is_card_of, canvas);

  nf_test_assert_showing (card);
  nf_test_assert_showing (nf_test_find (card, nf_test_label_is, nf_canvas_get_company (canvas)));
}

static gboolean
give_up (gpointer data)
{
  g_error ("the application did not get as far as a window in 60 seconds");
  return G_SOURCE_REMOVE;
}

/* A private instance, so the test neither meets a running Ninefold on
 * the bus nor is handed to one. */
static NfApplication *
new_application (void)
{
  NfApplication *app = nf_application_new ();

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  return app;
}

static NfWindow *
the_window (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (NF_IS_WINDOW (window));
  return NF_WINDOW (window);
}

static GtkWidget *
editor_of (NfWindow *window,
           guint     index)
{
  g_autoptr(NfCanvas) canvas = g_list_model_get_item (nf_window_get_canvases (window), index);

  nf_window_show_canvas (window, canvas);
  return gtk_widget_get_ancestor (nf_window_get_canvas_view (window), NF_TYPE_EDITOR_PAGE);
}

/* --- A plain start: the list of the four cases --- */

static void
check_plain_start (GApplication *app)
{
  NfWindow *window = the_window (app);
  GtkApplicationWindow *app_window = GTK_APPLICATION_WINDOW (window);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                "win.show-help-overlay");
  GListModel *canvases = nf_window_get_canvases (window);
  GtkShortcutsWindow *overlay;
  GLogLevelFlags fatal;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The cases came from the start-up thread, in their order, and the
   * list page shows a card for each. */
  g_assert_cmpuint (g_list_model_get_n_items (canvases), ==, 4);
  g_assert_cmpuint (nf_window_get_n_errors (window), ==, 0);
  g_assert_cmpuint (nf_test_count_type (GTK_WIDGET (window), NF_TYPE_CANVAS_CARD), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(NfCanvas) canvas = g_list_model_get_item (canvases, i);
      g_autoptr(NfCanvas) expected = nf_canvas_load_case (i, NULL);

      g_assert_cmpstr (nf_canvas_get_company (canvas), ==, nf_canvas_get_company (expected));
      assert_card_showing (window, canvas);
    }

  /* The menus are built when first opened. */
  assert_menu_opens (window, "Main Menu", "Keyboard Shortcuts");
  assert_menu_opens (window, "New Canvas", "Blank Canvas");

  /* Ctrl+? still lists the shortcuts; the window is built when asked. */
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>question");
  g_assert_null (gtk_application_window_get_help_overlay (app_window));
  /* GTK 4.8's shortcuts window warns about some of its own labels when
   * shown ("reported min width -3"), as it did when GtkApplication built
   * it: while it is up, warnings are not fatal; criticals still are. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = gtk_application_window_get_help_overlay (app_window);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (overlay)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (overlay));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  /* Closing hides it; asking again shows the same one. */
  gtk_window_close (GTK_WINDOW (overlay));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (gtk_application_window_get_help_overlay (app_window) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_window_close (GTK_WINDOW (overlay));
  g_log_set_always_fatal (fatal);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_plain_start (void)
{
  g_autoptr(NfApplication) app = new_application ();
  guint timeout = g_timeout_add_seconds (60, give_up, NULL);
  char *argv[] = { (char *) "test-startup", NULL };

  g_signal_connect_after (app, "activate", G_CALLBACK (check_plain_start), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_source_remove (timeout);
}

/* --- A start straight into a canvas, as nf-bench-startup does --- */

static void
realized (GtkWidget *widget)
{
  NfWindow *window = NF_WINDOW (widget);
  g_autoptr(NfCanvas) first = g_list_model_get_item (nf_window_get_canvases (window), 0);

  g_assert_nonnull (first);
  nf_window_show_canvas (window, first);
}

static void
window_added (GtkApplication *app,
              GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (realized), NULL);
}

static void
canvas_first_activated (GApplication *app)
{
  NfWindow *window = the_window (app);
  GtkWidget *first, *second;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The first frame showed the canvas, with its switcher between the
   * grid and the tables. */
  first = gtk_widget_get_ancestor (nf_window_get_canvas_view (window), NF_TYPE_EDITOR_PAGE);
  g_assert_nonnull (first);
  nf_test_assert_showing (nf_window_get_canvas_view (window));
  nf_test_assert_showing (nf_test_find (first, nf_test_label_is, "Metric Tables"));
  /* The list page, not shown yet, has not built its cards. */
  g_assert_cmpuint (nf_test_count_type (GTK_WIDGET (window), NF_TYPE_CANVAS_CARD), ==, 0);

  /* A tab not looked at yet gets its switcher when it is. */
  second = editor_of (window, 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  nf_test_assert_showing (nf_test_find (second, nf_test_label_is, "Metric Tables"));

  /* The list page, first shown now, has every card. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (nf_test_count_type (GTK_WIDGET (window), NF_TYPE_CANVAS_CARD), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(NfCanvas) canvas = g_list_model_get_item (nf_window_get_canvases (window), i);

      assert_card_showing (window, canvas);
    }

  /* A card still opens its canvas. */
  {
    g_autoptr(NfCanvas) third = g_list_model_get_item (nf_window_get_canvases (window), 2);

    g_assert_true (gtk_widget_activate (nf_test_find (GTK_WIDGET (window), is_card_of, third)));
    g_assert_true (nf_canvas_view_get_canvas (NF_CANVAS_VIEW (nf_window_get_canvas_view (window))) == third);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_canvas_first (void)
{
  g_autoptr(NfApplication) app = new_application ();
  guint timeout = g_timeout_add_seconds (60, give_up, NULL);
  char *argv[] = { (char *) "test-startup", NULL };

  g_signal_connect (app, "window-added", G_CALLBACK (window_added), NULL);
  g_signal_connect_after (app, "activate", G_CALLBACK (canvas_first_activated), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_source_remove (timeout);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *state = NULL;
  int status;

  /* Nothing from the user's recovery folder either. */
  state = g_dir_make_tmp ("ninefold-startup-XXXXXX", NULL);
  g_assert_nonnull (state);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  if (!nf_test_gui_init (&argc, &argv))
    {
      g_rmdir (state);
      return 0;
    }

  g_test_add_func ("/startup/plain", test_plain_start);
  g_test_add_func ("/startup/canvas-first", test_canvas_first);
  status = g_test_run ();
  {
    g_autofree char *ours = g_build_filename (state, "ninefold", NULL);
    g_autofree char *recovery = g_build_filename (ours, "recovery", NULL);

    g_rmdir (recovery);
    g_rmdir (ours);
    g_rmdir (state);
  }
  return status;
}
