/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The canvas editor, under a real (virtual) display: run it with
 * `dbus-run-session -- xvfb-run -a meson test --suite gui`. */
#include "config.h"

#include <stdio.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "nf-block.h"
#include "nf-canvas-card.h"
#include "nf-canvas-view.h"
#include "nf-canvas-xml.h"
#include "nf-note.h"
#include "nf-text.h"
#include "nf-window.h"

static GtkWidget *
show_view (NfCanvas   *canvas,
           GtkWidget **out_view)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = nf_canvas_view_new (canvas);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  /* Bounded: a screen smaller than the window would keep it narrower. */
  for (guint i = 0; i < 500 && gtk_widget_get_width (view) < 1366; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gtk_widget_get_width (view), >, 0);
  gtk_test_widget_wait_for_draw (window);
  *out_view = view;
  return window;
}

static void
settle (GtkWidget *window)
{
  for (int i = 0; i < 5; i++)
    gtk_test_widget_wait_for_draw (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_str_equal (gtk_label_get_text (GTK_LABEL (root)), text))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_cards (GtkWidget *root)
{
  guint n = NF_IS_NOTE_CARD (root) && gtk_widget_get_child_visible (root) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_cards (c);
  return n;
}

static void
assert_view_matches_layout (NfCanvasView *view)
{
  NfGridLayout *layout = nf_canvas_view_get_layout (view);
  NfCanvas *canvas = nf_canvas_view_get_canvas (view);
  guint total = 0;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      GtkWidget *block = nf_canvas_view_get_block (view, (NfBlock) b);
      guint n_notes = g_list_model_get_n_items (nf_canvas_get_notes (canvas, (NfBlock) b));
      g_autofree char *label = g_strdup_printf ("%s, %u %s", nf_block_title ((NfBlock) b),
                                                n_notes, n_notes == 1 ? "note" : "notes");

      g_assert_true (NF_IS_BLOCK_WIDGET (block));
      g_assert_true (gtk_widget_get_focusable (block));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (block), GTK_ACCESSIBLE_ROLE_LIST);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (block), GTK_ACCESSIBLE_PROPERTY_LABEL, label);

      for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, (NfBlock) b); i++)
        {
          NfCardLayout *card = nf_grid_layout_get_card (layout, (NfBlock) b, i, NULL);
          NfNote *note = nf_card_layout_get_note (card);
          GtkWidget *widget = nf_canvas_view_get_card (view, note);

          g_assert_nonnull (widget);
          g_assert_true (gtk_widget_get_focusable (widget));
          g_assert_true (gtk_widget_get_mapped (widget));
          gtk_test_accessible_assert_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_LIST_ITEM);
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                               nf_text_get (nf_note_get_text (note)));
          total++;
        }
    }
  g_assert_cmpuint (count_cards (GTK_WIDGET (view)), ==, total);
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *path = g_build_filename (g_test_get_dir (G_TEST_BUILT), name, NULL);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("screenshot: %s", path);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_cases (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  for (guint c = 0; nf_case_resource_paths ()[c] != NULL; c++)
    for (int dark = 0; dark < 2; dark++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(NfCanvas) canvas = nf_canvas_load_case (c, &error);
        GtkWidget *view, *window;
        g_autofree char *name = NULL;

        g_assert_no_error (error);
        adw_style_manager_set_color_scheme (manager, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
        window = show_view (canvas, &view);
        settle (window);
        assert_view_matches_layout (NF_CANVAS_VIEW (view));
        name = g_strdup_printf ("view-case%u-%s.png", c, dark ? "dark" : "light");
        screenshot (window, name);
        gtk_window_destroy (GTK_WINDOW (window));
      }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static NfNote *
first_note (NfCanvas *canvas,
            NfBlock   block)
{
  GListModel *notes = nf_canvas_get_notes (canvas, block);
  g_autoptr(NfNote) note = g_list_model_get_item (notes, 0);

  return note; /* the canvas holds it */
}

static void
test_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (2, &error);
  GListModel *channels;
  GtkWidget *view, *window, *card;
  guint before;
  NfNote *note;
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(NfCanvas) reloaded = NULL;
  g_autofree char *id = NULL;

  g_assert_no_error (error);
  channels = nf_canvas_get_notes (canvas, NF_BLOCK_CHANNELS);
  before = g_list_model_get_n_items (channels);
  window = show_view (canvas, &view);
  g_assert_false (gtk_widget_activate_action (view, "view.undo", NULL) &&
                  g_list_model_get_n_items (channels) != before);

  gtk_widget_grab_focus (nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_CHANNELS));
  settle (window);
  g_assert_true (gtk_widget_activate_action (view, "view.add-note", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (channels), ==, before + 1);
  note = first_note (canvas, NF_BLOCK_CHANNELS);
  id = g_strdup (nf_note_get_id (note));
  settle (window);

  /* The in-place editor: type, Enter commits. */
  {
    GtkWidget *entry = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_true (GTK_IS_TEXT (entry));
    gtk_editable_set_text (GTK_EDITABLE (entry), "WeChat mini-program for drivers");
    g_signal_emit_by_name (entry, "activate");
  }
  settle (window);
  g_assert_cmpstr (nf_text_get (nf_note_get_text (note)), ==, "WeChat mini-program for drivers");
  card = nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note);
  g_test_message ("Channels: %u cards, %u hidden",
                  nf_grid_layout_get_n_cards (nf_canvas_view_get_layout (NF_CANVAS_VIEW (view)), NF_BLOCK_CHANNELS),
                  nf_grid_layout_get_n_hidden (nf_canvas_view_get_layout (NF_CANVAS_VIEW (view)), NF_BLOCK_CHANNELS));
  g_assert_nonnull (card);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "WeChat mini-program for drivers");
  assert_view_matches_layout (NF_CANVAS_VIEW (view));
  screenshot (window, "view-edit.png");

  /* Undo the text, then the insertion; redo both. */
  g_assert_true (gtk_widget_activate_action (view, "view.undo", NULL));
  g_assert_true (gtk_widget_activate_action (view, "view.undo", NULL));
  settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (channels), ==, before);
  g_assert_null (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note));
  assert_view_matches_layout (NF_CANVAS_VIEW (view));
  g_assert_true (gtk_widget_activate_action (view, "view.redo", NULL));
  g_assert_true (gtk_widget_activate_action (view, "view.redo", NULL));
  settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (channels), ==, before + 1);
  note = first_note (canvas, NF_BLOCK_CHANNELS);
  g_assert_cmpstr (nf_text_get (nf_note_get_text (note)), ==, "WeChat mini-program for drivers");
  assert_view_matches_layout (NF_CANVAS_VIEW (view));

  /* Save and reload: the note is there. */
  dir = g_dir_make_tmp ("nf-view-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "senmiao.ninefold", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (nf_canvas_save_to_file (canvas, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  reloaded = nf_canvas_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  {
    NfNote *again = first_note (reloaded, NF_BLOCK_CHANNELS);

    g_assert_cmpstr (nf_note_get_id (again), ==, id);
    g_assert_cmpstr (nf_text_get (nf_note_get_text (again)), ==, "WeChat mini-program for drivers");
  }
  g_unlink (path);
  g_rmdir (dir);

  /* Delete the focused note. */
  card = nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_grab_focus (card));
  g_assert_true (gtk_widget_activate_action (view, "view.delete-note", NULL));
  settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (channels), ==, before);
  assert_view_matches_layout (NF_CANVAS_VIEW (view));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_row (GtkWidget *root)
{
  if (NF_IS_CANVAS_CARD (root))
    return GTK_IS_LIST_BOX_ROW (root) ? root : gtk_widget_get_ancestor (root, GTK_TYPE_LIST_BOX_ROW);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Activating a canvas in the window's list opens it in a view; the title
 * shows the company, with a bullet while there are unsaved changes. */
static void
test_window (void)
{
  NfWindow *window = nf_window_new (NULL);
  GtkWidget *row, *view;
  NfCanvas *canvas;
  g_autofree char *dirty = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  nf_window_open_cases (window);
  while (nf_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  settle (GTK_WIDGET (window));
  g_assert_null (nf_window_get_canvas_view (window));
  row = find_row (GTK_WIDGET (window));
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  settle (GTK_WIDGET (window));
  view = nf_window_get_canvas_view (window);
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (view));
  canvas = nf_canvas_view_get_canvas (NF_CANVAS_VIEW (view));
  g_assert_true (gtk_widget_activate_action (view, "view.add-note", NULL));
  g_signal_emit_by_name (gtk_root_get_focus (GTK_ROOT (window)), "activate");
  settle (GTK_WIDGET (window));
  g_assert_true (nf_canvas_get_modified (canvas));
  dirty = g_strdup_printf ("• %s", nf_canvas_get_company (canvas));
  g_assert_nonnull (find_label (GTK_WIDGET (window), dirty));
  screenshot (GTK_WIDGET (window), "window-editor.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  settle (GTK_WIDGET (window));
  g_assert_null (nf_window_get_canvas_view (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("1..0 # SKIP no display: run under xvfb-run\n");
      return 0;
    }

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GDK_DEBUG", "default-settings", TRUE);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_setenv ("GTK_A11Y", "none", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/canvas-view/cases", test_cases);
  g_test_add_func ("/gui/canvas-view/edit", test_edit);
  g_test_add_func ("/gui/canvas-view/window", test_window);

  return g_test_run ();
}
