/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Starting the real application, as a user does: what the first window
 * shows, and what start-up leaves for later (the shortcuts window, the
 * cards of a list page nobody has looked at yet) still works when asked
 * for. Run it with `dbus-run-session -- xvfb-run -a meson test --suite gui`. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "nf-application.h"
#include "nf-canvas-card.h"
#include "nf-canvas-view.h"
#include "nf-grid-layout.h"
#include "nf-label-fonts.h"
#include "nf-module-private.h"
#include "nf-note-card.h"
#include "nf-editor-page.h"
#include "nf-checks-panel.h"
#include "nf-settings.h"
#include "nf-window-private.h"
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

  /* The libraries only a history, a spreadsheet or a write-up needs wait for them
   * (their features' own tests open them): not opened, not mapped. */
  g_assert_false (_nf_module_is_open ("ninefold-git"));
  g_assert_false (_nf_module_is_open ("ninefold-xlsx"));
  g_assert_false (_nf_module_is_open ("ninefold-markdown"));
  {
    g_autofree char *maps = NULL;

    if (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL))
      {
        g_assert_null (strstr (maps, "libgit2"));
        g_assert_null (strstr (maps, "libxlsxwriter"));
        g_assert_null (strstr (maps, "libcmark"));
        g_assert_nonnull (strstr (maps, "libgtk-4"));
      }
  }

  /* The cases came from the start-up thread, in their order, and the
   * list page shows a card for each. */
  g_assert_true (_nf_application_get_preloaded (NF_APPLICATION (app)));
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

/* The tabs stand in the order of the pages, left to right: the home tab,
 * then the cases as they were added. (libadwaita 1.2 lays a tab bar
 * given a view that already has pages out back to front.) */
static void
assert_tabs_in_page_order (NfWindow *window)
{
  AdwTabView *view = adw_tab_bar_get_view (window->tab_bar);
  double last_x = -1;

  g_assert_true (view == window->tab_view);
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, 5);
  for (int i = 1; i < adw_tab_view_get_n_pages (view); i++)
    {
      AdwTabPage *page = adw_tab_view_get_nth_page (view, i);
      GtkWidget *title = nf_test_find (GTK_WIDGET (window->tab_bar), nf_test_label_is,
                                       adw_tab_page_get_title (page));
      graphene_point_t at;

      g_assert_nonnull (title);
      g_assert_true (gtk_widget_compute_point (title, GTK_WIDGET (window->tab_bar),
                                               &GRAPHENE_POINT_INIT (0, 0), &at));
      g_assert_cmpfloat (at.x, >, last_x);
      last_x = at.x;
    }
}

/* How often a page's title or tooltip changed after its tab was made. */
static guint labels_changed_after_attach;

static void
page_label_changed (AdwTabPage *page,
                    GParamSpec *pspec,
                    gpointer    data)
{
  labels_changed_after_attach++;
}

/* After the window's own handler and the tab bar's, which made the tab. */
static void
page_attached_after (AdwTabView *view,
                     AdwTabPage *page,
                     int         position,
                     gpointer    data)
{
  g_assert_nonnull (adw_tab_page_get_title (page));
  g_assert_cmpstr (adw_tab_page_get_title (page), !=, "");
  g_signal_connect (page, "notify::title", G_CALLBACK (page_label_changed), NULL);
  g_signal_connect (page, "notify::tooltip", G_CALLBACK (page_label_changed), NULL);
}

/* The card caches the start-up thread drew the first case's shown cards
 * into, by card, as the view got them. */
static GHashTable *offered_caches;

static void
record_offered_caches (NfWindow *window)
{
  NfGridLayout *layout = nf_canvas_view_get_layout (NF_CANVAS_VIEW (nf_window_get_canvas_view (window)));

  offered_caches = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, b); i++)
      {
        NfCardLayout *card = nf_grid_layout_get_card (layout, b, i, NULL);
        NfCardCache *cache = nf_card_cache_take_offered (card);

        /* Looked at, and left for the card's widget. */
        if (cache != NULL)
          {
            nf_card_cache_offer (cache, card);
            g_hash_table_insert (offered_caches, card, cache);
          }
      }
}

static gboolean
is_note_card (GtkWidget     *widget,
              gconstpointer  data)
{
  return NF_IS_NOTE_CARD (widget);
}

/* The first frame's cards came drawn from the start-up thread: each card
 * drawn took the pixels offered with it and drew none itself, and they
 * are exactly what it would have drawn. */
static void
assert_cards_drawn_ahead (NfWindow *window)
{
  GtkWidget *view = nf_window_get_canvas_view (window);
  const NfGridStyle *style = nf_grid_layout_get_style (nf_canvas_view_get_layout (NF_CANVAS_VIEW (view)));
  g_autoptr(GPtrArray) widgets = nf_test_find_all (view, is_note_card, NULL);
  guint drawn = 0;

  g_assert_cmpuint (g_hash_table_size (offered_caches), >=, 20);
  for (guint i = 0; i < widgets->len; i++)
    {
      NfNoteCard *widget = g_ptr_array_index (widgets, i);
      NfCardLayout *card = nf_note_card_get_card (widget);
      NfCardCache *cache = _nf_note_card_get_cache (widget);
      g_autoptr(NfCardCache) fresh = nf_card_cache_new (0);
      cairo_surface_t *ahead, *here;

      if (cache == NULL)
        continue;
      drawn++;
      g_assert_true (cache == g_hash_table_lookup (offered_caches, card));
      g_assert_null (nf_card_cache_take_offered (card));
      ahead = nf_card_cache_get_pixels (cache, card, style, 1, NULL);
      g_assert_cmpuint (nf_card_cache_get_n_renders (cache), ==, 1);
      here = nf_card_cache_get_pixels (fresh, card, style, 1, NULL);
      g_assert_nonnull (ahead);
      g_assert_nonnull (here);
      g_assert_cmpint (cairo_image_surface_get_height (ahead), ==, cairo_image_surface_get_height (here));
      g_assert_cmpint (cairo_image_surface_get_stride (ahead), ==, cairo_image_surface_get_stride (here));
      cairo_surface_flush (ahead);
      cairo_surface_flush (here);
      g_assert_cmpmem (cairo_image_surface_get_data (ahead),
                       cairo_image_surface_get_stride (ahead) * cairo_image_surface_get_height (ahead),
                       cairo_image_surface_get_data (here),
                       cairo_image_surface_get_stride (here) * cairo_image_surface_get_height (here));
    }
  /* Every card offered was drawn in the first frame. */
  g_assert_cmpuint (drawn, ==, g_hash_table_size (offered_caches));
  g_clear_pointer (&offered_caches, g_hash_table_unref);
}

static void
realized (GtkWidget *widget)
{
  NfWindow *window = NF_WINDOW (widget);
  g_autoptr(NfCanvas) first = g_list_model_get_item (nf_window_get_canvases (window), 0);

  g_assert_nonnull (first);
  nf_window_show_canvas (window, first);
  record_offered_caches (window);
}

static void
window_added (GtkApplication *app,
              GtkWindow      *window)
{
  /* A page has its title and tooltip as its tab is made, and keeps them
   * (each change makes the tab set its tooltip again: three X round
   * trips on GTK 4.8). */
  labels_changed_after_attach = 0;
  g_signal_connect_after (NF_WINDOW (window)->tab_view, "page-attached",
                          G_CALLBACK (page_attached_after), NULL);
  g_signal_connect (window, "realize", G_CALLBACK (realized), NULL);
}

static void
canvas_first_activated (GApplication *app)
{
  NfWindow *window = the_window (app);
  GtkWidget *first, *second;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  assert_tabs_in_page_order (window);
  g_assert_cmpuint (labels_changed_after_attach, ==, 0);
  assert_cards_drawn_ahead (window);

  /* The first frame showed the canvas, with its switcher between the
   * grid and the tables. */
  first = gtk_widget_get_ancestor (nf_window_get_canvas_view (window), NF_TYPE_EDITOR_PAGE);
  g_assert_nonnull (first);
  nf_test_assert_showing (nf_window_get_canvas_view (window));
  nf_test_assert_showing (nf_test_find (first, nf_test_label_is, "Metric Tables"));
  /* The list page, not shown yet, is not built at all: no cards, no
   * widgets to style and realize for nobody. */
  g_assert_cmpuint (nf_test_count_type (GTK_WIDGET (window), NF_TYPE_CANVAS_CARD), ==, 0);
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (window->home)));

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

/* --- The first case opened from the list, as a user does --- */

/* The start-up thread laid the first case out at the size its view gets
 * in a window of the saved (or default) size: opening it from the list
 * must show that layout, not lay the case out again. */
static void
check_first_case_adopted (GApplication *app)
{
  NfWindow *window = the_window (app);
  g_autoptr(NfCanvas) first = g_list_model_get_item (nf_window_get_canvases (window), 0);
  NfCanvasView *view;
  NfGridLayout *layout;
  int width, height;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate (nf_test_find (GTK_WIDGET (window), is_card_of, first)));
  view = NF_CANVAS_VIEW (nf_window_get_canvas_view (window));
  g_assert_true (nf_canvas_view_get_canvas (view) == first);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  nf_test_assert_showing (GTK_WIDGET (view));

  width = gtk_widget_get_width (GTK_WIDGET (view));
  height = gtk_widget_get_height (GTK_WIDGET (view));
  layout = nf_canvas_view_get_layout (view);
  g_test_message ("window %dx%d, view %dx%d, layout %dx%d",
                  gtk_widget_get_width (GTK_WIDGET (window)),
                  gtk_widget_get_height (GTK_WIDGET (window)), width, height,
                  (int) nf_grid_layout_get_width (layout), (int) nf_grid_layout_get_height (layout));
  g_assert_cmpint ((int) nf_grid_layout_get_width (layout), ==, width);
  g_assert_cmpint ((int) nf_grid_layout_get_height (layout), ==, height);
  g_assert_cmpuint (_nf_canvas_view_get_n_allocations (view), ==, 0);
  /* And it is a real layout: the cards are there. */
  g_assert_cmpuint (nf_test_count_type (GTK_WIDGET (view), NF_TYPE_NOTE_CARD), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
run_first_case (int width,
                int height)
{
  g_autoptr(GSettings) settings = nf_settings_new ();
  g_autoptr(NfApplication) app = new_application ();
  guint timeout = g_timeout_add_seconds (60, give_up, NULL);
  char *argv[] = { (char *) "test-startup", NULL };

  if (width > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  else
    {
      g_settings_reset (settings, "window-width");
      g_settings_reset (settings, "window-height");
    }
  g_signal_connect_after (app, "activate", G_CALLBACK (check_first_case_adopted), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_source_remove (timeout);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_first_case_default_size (void)
{
  run_first_case (0, 0);
}

static void
test_first_case_saved_size (void)
{
  run_first_case (1366, 768);
  run_first_case (1000, 640);
}

/* --- Editor pages built when their tab is first shown --- */

/* Which of the window's canvases have their tab's page built. */
static char *
built_pages (NfWindow *window)
{
  GString *built = g_string_new (NULL);
  guint n = g_list_model_get_n_items (nf_window_get_documents (window));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NfDocument) document = g_list_model_get_item (nf_window_get_documents (window), i);
      AdwTabPage *page = _nf_window_find_page (window, document);

      g_assert_nonnull (page);
      g_string_append_c (built, nf_editor_page_get_built (NF_EDITOR_PAGE (adw_tab_page_get_child (page))) ? 'B' : '-');
    }
  return g_string_free (built, FALSE);
}

static guint
count_notes (NfCanvas *canvas)
{
  guint n = 0;

  for (int b = 0; b < NF_N_BLOCKS; b++)
    n += g_list_model_get_n_items (nf_canvas_get_notes (canvas, (NfBlock) b));
  return n;
}

static gboolean
is_inside (GtkWidget *widget,
           GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

static void
check_pages_built_when_shown (GApplication *app)
{
  NfWindow *window = the_window (app);
  GListModel *canvases = nf_window_get_canvases (window);
  g_autoptr(NfCanvas) first = g_list_model_get_item (canvases, 0);
  g_autoptr(NfCanvas) second = g_list_model_get_item (canvases, 1);
  g_autoptr(NfCanvas) third = g_list_model_get_item (canvases, 2);
  g_autofree char *at_start = NULL, *after_open = NULL, *after_switch = NULL, *after_action = NULL;
  GtkWidget *view, *page, *focus;
  guint n_notes, n_first;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  /* The list page is what a start shows: no tab's page is built, so no
   * canvas view exists at all. */
  at_start = built_pages (window);
  g_assert_cmpstr (at_start, ==, "----");
  g_assert_cmpuint (nf_test_count_type (GTK_WIDGET (window), NF_TYPE_CANVAS_VIEW), ==, 0);

  /* Opened from its card: that page only, showing the layout start-up
   * made (nothing laid out again). */
  g_assert_true (gtk_widget_activate (nf_test_find (GTK_WIDGET (window), is_card_of, first)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  after_open = built_pages (window);
  g_assert_cmpstr (after_open, ==, "B---");
  g_assert_cmpuint (nf_test_count_type (GTK_WIDGET (window), NF_TYPE_CANVAS_VIEW), ==, 1);
  view = nf_window_get_canvas_view (window);
  nf_test_assert_showing (view);
  g_assert_cmpuint (_nf_canvas_view_get_n_allocations (NF_CANVAS_VIEW (view)), ==, 0);
  /* The window's focus is on the canvas, as the card's click leaves it. */
  g_assert_true (is_inside (gtk_root_get_focus (GTK_ROOT (window)), view));

  /* Ctrl+Page Down (the tab view's own shortcut does this): the next tab
   * is built as it is shown, with its title, its cards and the focus. */
  g_assert_true (adw_tab_view_select_next_page (window->tab_view));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  after_switch = built_pages (window);
  g_assert_cmpstr (after_switch, ==, "BB--");
  view = nf_window_get_canvas_view (window);
  g_assert_true (nf_canvas_view_get_canvas (NF_CANVAS_VIEW (view)) == second);
  nf_test_assert_showing (view);
  g_assert_cmpuint (nf_test_count_type (view, NF_TYPE_NOTE_CARD), >, 0);
  page = gtk_widget_get_ancestor (view, NF_TYPE_EDITOR_PAGE);
  nf_test_assert_showing (nf_test_find (page, nf_test_label_is, "Metric Tables"));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, nf_canvas_get_company (second));
  /* The tab view moves the focus into the page it shows (its first
   * focusable widget, the view switcher), as it did when every page was
   * built at start. */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (is_inside (focus, page));

  /* Its keys work: Delete (view.delete-note) on a focused card removes
   * that note from this canvas, marked in the title; undo puts it back. */
  {
    NfNote *note = g_list_model_get_item (nf_canvas_get_notes (second, NF_BLOCK_VALUE_PROPOSITIONS), 0);
    GtkWidget *card = nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note);
    g_autofree char *title = g_strdup_printf ("• %s", nf_canvas_get_company (second));

    g_object_unref (note);
    g_assert_nonnull (card);
    g_assert_true (gtk_widget_grab_focus (card));
    n_notes = count_notes (second);
    n_first = count_notes (first);
    g_assert_true (gtk_widget_activate_action (card, "view.delete-note", NULL));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    g_assert_cmpuint (count_notes (second), ==, n_notes - 1);
    g_assert_cmpuint (count_notes (first), ==, n_first);
    g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, title);
    g_assert_true (gtk_widget_activate_action (view, "view.undo", NULL));
    g_assert_cmpuint (count_notes (second), ==, n_notes);
  }

  /* The window's actions reach the page in view: the checks open beside
   * this canvas, not the first one's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  nf_test_assert_showing (nf_test_find_type (page, NF_TYPE_CHECKS_PANEL));
  g_assert_cmpuint (nf_test_count_type (GTK_WIDGET (window), NF_TYPE_CHECKS_PANEL), ==, 1);

  /* A tab picked by action (the list's cards use it) is built too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-canvas", "u", 2));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  after_action = built_pages (window);
  g_assert_cmpstr (after_action, ==, "BBB-");
  view = nf_window_get_canvas_view (window);
  g_assert_true (nf_canvas_view_get_canvas (NF_CANVAS_VIEW (view)) == third);
  nf_test_assert_showing (view);
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, nf_canvas_get_company (third));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_pages_built_when_shown (void)
{
  g_autoptr(NfApplication) app = new_application ();
  guint timeout = g_timeout_add_seconds (60, give_up, NULL);
  char *argv[] = { (char *) "test-startup", NULL };

  g_signal_connect_after (app, "activate", G_CALLBACK (check_pages_built_when_shown), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_source_remove (timeout);
}

/* --- Started to open a file --- */

static void
check_opened_file (GApplication *app)
{
  NfWindow *window;
  GListModel *canvases;
  g_autoptr(NfCanvas) expected = nf_canvas_load_case (1, NULL);
  g_autoptr(NfCanvas) shown = NULL;
  GtkWidget *view;

  /* No case was loaded nor laid out for a window that shows the file;
   * the file loads in a thread. */
  g_assert_false (_nf_application_get_preloaded (NF_APPLICATION (app)));
  window = the_window (app);
  nf_test_wait_until_loaded (window);
  canvases = nf_window_get_canvases (window);
  g_assert_cmpuint (g_list_model_get_n_items (canvases), ==, 1);
  shown = g_list_model_get_item (canvases, 0);
  g_assert_cmpstr (nf_canvas_get_company (shown), ==, nf_canvas_get_company (expected));
  view = nf_window_get_canvas_view (window);
  g_assert_nonnull (view);
  g_assert_true (nf_canvas_view_get_canvas (NF_CANVAS_VIEW (view)) == shown);
  nf_test_assert_showing (view);
  g_assert_cmpuint (nf_test_count_type (view, NF_TYPE_NOTE_CARD), >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_file (void)
{
  g_autoptr(NfApplication) app = new_application ();
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (1, NULL);
  g_autofree char *dir = g_dir_make_tmp ("ninefold-open-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "case.ninefold", NULL);
  g_autoptr(GError) error = NULL;
  guint timeout;
  char *argv[] = { (char *) "test-startup", path, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (nf_canvas_save_to_file (canvas, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  timeout = g_timeout_add_seconds (60, give_up, NULL);
  g_signal_connect_after (app, "open", G_CALLBACK (check_opened_file), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_source_remove (timeout);
  g_unlink (path);
  g_rmdir (dir);
}

/* --- The theme GTK parses at start-up --- */

/* Set in a child started by /startup/theme: this process is a fresh
 * start, GTK not yet initialised, as the app's own is. */
#define CHILD_VARIABLE "NF_TEST_STARTUP_THEME_CHILD"

static char *self_path;

/* A fresh start adds one path to the icon theme, libadwaita's, as the
 * theme is made: a path added after GTK began reading the theme
 * in its thread made it read the theme twice, the window waiting for
 * the first read (GtkApplication added its icons folder, then
 * libadwaita its own). Our style sheet is loaded all the same, and the
 * About window still shows the app icon, whose folder it adds. */
static void
check_icon_theme_and_style (GApplication *app)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_auto(GStrv) paths = gtk_icon_theme_get_resource_path (theme);
  GtkWidget *block = gtk_label_new ("x");
  GtkWidget *about;
  g_autofree char *icon = NULL;
  GdkRGBA colour, text;

  /* GTK's own path, made with the theme, then libadwaita's. */
  g_assert_nonnull (paths);
  g_assert_cmpuint (g_strv_length (paths), >=, 1);
  g_assert_cmpstr (paths[g_strv_length (paths) - 1], ==, "/org/gnome/Adwaita/icons");
  for (guint i = 0; paths[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (paths[i], "/org/ninefold/"));
  g_assert_null (g_application_get_resource_base_path (app));

  /* style.css: an empty block's text is the theme's at 55 %. */
  gtk_widget_add_css_class (block, "nf-block");
  gtk_widget_add_css_class (block, "empty");
  nf_test_show (block, 200, 100);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (gtk_widget_get_parent (block)), &text);
  gtk_style_context_get_color (gtk_widget_get_style_context (block), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_cmpfloat_with_epsilon (colour.alpha, text.alpha * 0.55, 0.01);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (block)));

  /* Installed or not (here, not): the About window shows our icon. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_ABOUT_WINDOW (toplevel))
          about = toplevel;
      }
  }
  g_assert_nonnull (about);
  g_object_get (about, "application-icon", &icon, NULL);
  g_assert_cmpstr (icon, ==, "org.ninefold.Ninefold");
  g_assert_true (gtk_icon_theme_has_icon (theme, "org.ninefold.Ninefold"));
  gtk_window_destroy (GTK_WINDOW (about));
}

static void
check_theme (GApplication *app)
{
  NfWindow *window = the_window (app);
  const char *user_theme = g_getenv ("NF_TEST_USER_GTK_THEME");
  g_autofree char *theme_name = NULL;
  GtkWidget *label = gtk_label_new ("x");
  GdkRGBA colour;

  nf_test_show (label, 200, 100);
  g_object_get (gtk_settings_get_default (), "gtk-theme-name", &theme_name, NULL);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (label), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (user_theme == NULL)
    {
      /* What the application set for the display's opening is gone,
       * so programs it starts do not inherit it... */
      g_assert_null (g_getenv ("GTK_THEME"));
      /* ...and libadwaita styled as it does for any application: its
       * empty GTK theme, and its own sheets, whose text is black at 80%
       * (GTK's own theme draws #2e3436, an unstyled label opaque black). */
      g_assert_cmpstr (theme_name, ==, "Adwaita-empty");
      g_assert_cmpfloat_with_epsilon (colour.red, 0, 0.01);
      g_assert_cmpfloat_with_epsilon (colour.green, 0, 0.01);
      g_assert_cmpfloat_with_epsilon (colour.blue, 0, 0.01);
      g_assert_cmpfloat_with_epsilon (colour.alpha, 0.8, 0.01);
    }
  else
    {
      /* A theme the user chose this way stays theirs. */
      g_assert_cmpstr (g_getenv ("GTK_THEME"), ==, user_theme);
    }
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (label)));
  check_icon_theme_and_style (app);
  gtk_window_destroy (GTK_WINDOW (window));
  printf ("theme checked\n");
}

static int
run_theme_child (void)
{
  g_autoptr(NfApplication) app = new_application ();
  guint timeout = g_timeout_add_seconds (60, give_up, NULL);
  char *argv[] = { (char *) "test-startup", NULL };
  int status;

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  nf_test_use_default_settings ();
  g_setenv ("GTK_A11Y", "test", FALSE);
  g_signal_connect_after (app, "activate", G_CALLBACK (check_theme), NULL);
  status = g_application_run (G_APPLICATION (app), 1, argv);
  g_source_remove (timeout);
  return status;
}

static void
run_child (const char *user_theme)
{
  char *argv[] = { self_path, NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  env = g_environ_setenv (env, CHILD_VARIABLE, "1", TRUE);
  env = g_environ_unsetenv (env, "GTK_THEME");
  if (user_theme != NULL)
    {
      env = g_environ_setenv (env, "GTK_THEME", user_theme, TRUE);
      env = g_environ_setenv (env, "NF_TEST_USER_GTK_THEME", user_theme, TRUE);
    }
  g_assert_true (g_spawn_sync (NULL, argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "theme checked"));
}

/* Start-up names libadwaita's empty theme before GTK reads one, rather
 * than have GTK parse its own and libadwaita replace it: the window must
 * look as libadwaita styles it, and a user's GTK_THEME must still win. */
static void
test_theme (void)
{
  run_child (NULL);
  run_child ("Adwaita");
}

/* The fonts of each run of a layout of `text` in `context`. */
static GPtrArray *
run_fonts (PangoContext *context,
           const char   *text)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  GPtrArray *fonts = g_ptr_array_new_with_free_func (g_object_unref);

  pango_layout_set_text (layout, text, -1);
  for (GSList *l = pango_layout_get_line_readonly (layout, 0)->runs; l != NULL; l = l->next)
    g_ptr_array_add (fonts, g_object_ref (((PangoGlyphItem *) l->data)->item->analysis.font));
  return fonts;
}

/* Start-up loads the fonts of the window's first labels in a thread,
 * through a context that must pick exactly what a label's own picks:
 * the same font objects of the same font map, a Chinese title's
 * fallback included, or the thread's work is for nothing. */
static void
test_label_fonts (void)
{
  const char *text = "数跑科技 Bitauto";
  GtkWidget *label = g_object_ref_sink (gtk_label_new (text));
  g_autoptr(NfLabelFonts) fonts = nf_label_fonts_new_for_widget (label);
  PangoFontMap *map = pango_cairo_font_map_new ();
  PangoContext *ours = nf_label_fonts_create_context (fonts, map);
  PangoContext *gtks;
  g_autoptr(GPtrArray) ours_fonts = NULL;
  g_autoptr(GPtrArray) gtks_fonts = NULL;

  gtk_widget_set_font_map (label, map);
  gtks = gtk_widget_get_pango_context (label);
  g_assert_true (cairo_font_options_equal (pango_cairo_context_get_font_options (ours),
                                           pango_cairo_context_get_font_options (gtks)));
  g_assert_cmpfloat (pango_cairo_context_get_resolution (ours), ==,
                     pango_cairo_context_get_resolution (gtks));
  g_assert_true (pango_font_description_equal (pango_context_get_font_description (ours),
                                               pango_context_get_font_description (gtks)));
  g_assert_true (pango_context_get_language (ours) == pango_context_get_language (gtks));

  nf_label_fonts_warm (fonts, map, text);
  ours_fonts = run_fonts (ours, text);
  gtks_fonts = run_fonts (gtks, text);
  /* A Chinese run and a Latin one, in different fonts. */
  g_assert_cmpuint (ours_fonts->len, >=, 2);
  g_assert_true (g_ptr_array_index (ours_fonts, 0) != g_ptr_array_index (ours_fonts, ours_fonts->len - 1));
  g_assert_cmpuint (gtks_fonts->len, ==, ours_fonts->len);
  for (guint i = 0; i < ours_fonts->len; i++)
    g_assert_true (g_ptr_array_index (ours_fonts, i) == g_ptr_array_index (gtks_fonts, i));

  g_object_unref (ours);
  g_object_unref (label);
  g_object_unref (map);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *state = NULL;
  int status;

  if (g_getenv (CHILD_VARIABLE) != NULL)
    return run_theme_child ();
  self_path = g_canonicalize_filename (argv[0], NULL);

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
  g_test_add_func ("/startup/first-case-default-size", test_first_case_default_size);
  g_test_add_func ("/startup/first-case-saved-size", test_first_case_saved_size);
  g_test_add_func ("/startup/pages-built-when-shown", test_pages_built_when_shown);
  g_test_add_func ("/startup/open-file", test_open_file);
  g_test_add_func ("/startup/theme", test_theme);
  g_test_add_func ("/startup/label-fonts", test_label_fonts);
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
