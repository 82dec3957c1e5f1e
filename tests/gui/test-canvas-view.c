/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The canvas editor, under a real (virtual) display: run it with
 * `dbus-run-session -- xvfb-run -a meson test --suite gui`. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "nf-block.h"
#include "nf-canvas-card.h"
#include "nf-canvas-view.h"
#include "nf-canvas-view-private.h"
#include "nf-canvas-xml.h"
#include "nf-grid-renderer.h"
#include "nf-history.h"
#include "nf-note.h"
#include "nf-text.h"
#include "nf-snapshot-pixels.h"
#include "nf-window.h"
#include "nf-test-gui.h"

static GtkWidget *
show_view (NfCanvas   *canvas,
           GtkWidget **out_view)
{
  GtkWidget *view = nf_canvas_view_new (canvas);

  *out_view = view;
  return nf_test_show (view, 1366, 768);
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

/* --- Input as a user gives it --- */

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_EVENT_CONTROLLER (controller);    /* the widget holds it */
    }
  return NULL;
}

/* A key typed into the in-place editor, as its key controller sees it. */
static void
press_in_editor (GtkWidget *editor,
                 guint      keyval)
{
  GListModel *controllers;
  gboolean handled = FALSE;

  g_assert_true (GTK_IS_TEXT_VIEW (editor));
  controllers = gtk_widget_observe_controllers (editor);
  /* Ours is the one in the capture phase, ahead of the text view's own. */
  for (guint c = 0; c < g_list_model_get_n_items (controllers) && !handled; c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_object_unref (controllers);
  g_assert_true (handled);
}

static void
press_escape_in (GtkWidget *editor)
{
  press_in_editor (editor, GDK_KEY_Escape);
}

static void
editor_set_text (GtkWidget  *editor,
                 const char *text)
{
  g_assert_true (GTK_IS_TEXT_VIEW (editor));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), text, -1);
}

static char *
editor_get_text (GtkWidget *editor)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
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
        nf_test_settle (window);
        assert_view_matches_layout (NF_CANVAS_VIEW (view));
        name = g_strdup_printf ("view-case%u-%s.png", c, dark ? "dark" : "light");
        nf_test_screenshot (window, name);
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
  nf_test_settle (window);
  g_assert_true (gtk_widget_activate_action (view, "view.add-note", NULL));
  /* Nothing is added until the new note has some text. */
  g_assert_cmpuint (g_list_model_get_n_items (channels), ==, before);
  nf_test_settle (window);

  /* The in-place editor: type, Enter commits. */
  {
    GtkWidget *entry = gtk_root_get_focus (GTK_ROOT (window));

    editor_set_text (entry, "WeChat mini-program for drivers");
    press_in_editor (entry, GDK_KEY_Return);
  }
  nf_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (channels), ==, before + 1);
  note = first_note (canvas, NF_BLOCK_CHANNELS);
  id = g_strdup (nf_note_get_id (note));
  g_assert_cmpstr (nf_text_get (nf_note_get_text (note)), ==, "WeChat mini-program for drivers");
  card = nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note);
  g_test_message ("Channels: %u cards, %u hidden",
                  nf_grid_layout_get_n_cards (nf_canvas_view_get_layout (NF_CANVAS_VIEW (view)), NF_BLOCK_CHANNELS),
                  nf_grid_layout_get_n_hidden (nf_canvas_view_get_layout (NF_CANVAS_VIEW (view)), NF_BLOCK_CHANNELS));
  g_assert_nonnull (card);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "WeChat mini-program for drivers");
  assert_view_matches_layout (NF_CANVAS_VIEW (view));
  nf_test_screenshot (window, "view-edit.png");

  /* Undo the insertion (text and all, one step); redo it. */
  g_assert_true (gtk_widget_activate_action (view, "view.undo", NULL));
  nf_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (channels), ==, before);
  g_assert_null (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note));
  assert_view_matches_layout (NF_CANVAS_VIEW (view));
  g_assert_true (gtk_widget_activate_action (view, "view.redo", NULL));
  nf_test_settle (window);
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
  nf_test_settle (window);
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
  nf_test_settle (GTK_WIDGET (window));
  g_assert_null (nf_window_get_canvas_view (window));
  row = find_row (GTK_WIDGET (window));
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  nf_test_settle (GTK_WIDGET (window));
  view = nf_window_get_canvas_view (window);
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (view));
  canvas = nf_canvas_view_get_canvas (NF_CANVAS_VIEW (view));
  g_assert_true (gtk_widget_activate_action (view, "view.add-note", NULL));
  editor_set_text (gtk_root_get_focus (GTK_ROOT (window)), "Fleet leasing");
  press_in_editor (gtk_root_get_focus (GTK_ROOT (window)), GDK_KEY_Return);
  nf_test_settle (GTK_WIDGET (window));
  g_assert_true (nf_canvas_get_modified (canvas));
  dirty = g_strdup_printf ("• %s", nf_canvas_get_company (canvas));
  g_assert_nonnull (nf_test_find_label (GTK_WIDGET (window), dirty));
  nf_test_screenshot (GTK_WIDGET (window), "window-editor.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  nf_test_settle (GTK_WIDGET (window));
  g_assert_null (nf_window_get_canvas_view (window));
  gtk_window_destroy (GTK_WINDOW (window));
}


static GtkWidget *
focus_of (GtkWidget *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static GtkWidget *
card_at (GtkWidget *view,
         NfBlock    block,
         int        index)   /* negative: from the end */
{
  NfBlockWidget *widget = NF_BLOCK_WIDGET (nf_canvas_view_get_block (NF_CANVAS_VIEW (view), block));
  guint n = nf_block_widget_get_n_cards (widget);

  g_assert_cmpuint (n, >, 0);
  return nf_block_widget_get_card (widget, index >= 0 ? (guint) index : n - (guint) -index);
}

static NfBlock
block_of_focus (GtkWidget *window)
{
  GtkWidget *focus = focus_of (window);
  GtkWidget *block = NF_IS_BLOCK_WIDGET (focus) ? focus : gtk_widget_get_ancestor (focus, NF_TYPE_BLOCK_WIDGET);

  g_assert_nonnull (block);
  return nf_block_widget_get_block (NF_BLOCK_WIDGET (block));
}


static guint
n_notes (NfCanvas *canvas,
         NfBlock   block)
{
  return g_list_model_get_n_items (nf_canvas_get_notes (canvas, block));
}

#define assert_focus_on_note(window, note) assert_focus_on_note_at (window, note, __LINE__)

static void
assert_focus_on_note_at (GtkWidget *window,
                         NfNote    *note,
                         int        line)
{
  GtkWidget *focus = focus_of (window);

  if (!NF_IS_NOTE_CARD (focus))
    g_test_message ("line %d: focus is a %s", line,
                    focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
  g_assert_true (NF_IS_NOTE_CARD (focus));
  g_assert_true (nf_note_card_get_note (NF_NOTE_CARD (focus)) == note);
}

/* Arrows follow the canvas's layout; Home/End; Delete; Alt/Ctrl+arrows
 * reorder and move notes, each one undo step. */
static void
test_keyboard (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (2, &error);
  NfHistory *history;
  GtkWidget *view, *window;
  NfNote *note, *second;
  guint before;

  g_assert_no_error (error);
  history = nf_canvas_get_history (canvas);
  window = show_view (canvas, &view);
  nf_test_settle (window);

  /* Left from Key Activities goes to Key Partners, Right to Value Propositions. */
  g_assert_true (gtk_widget_grab_focus (card_at (view, NF_BLOCK_KEY_ACTIVITIES, 0)));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Left, 0));
  g_assert_cmpint (block_of_focus (window), ==, NF_BLOCK_KEY_PARTNERS);
  g_assert_true (NF_IS_NOTE_CARD (focus_of (window)));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Right, 0));
  g_assert_cmpint (block_of_focus (window), ==, NF_BLOCK_KEY_ACTIVITIES);
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Right, 0));
  g_assert_cmpint (block_of_focus (window), ==, NF_BLOCK_VALUE_PROPOSITIONS);

  /* Down walks the notes; from the last of Key Activities to Key Resources. */
  g_assert_true (gtk_widget_grab_focus (card_at (view, NF_BLOCK_KEY_ACTIVITIES, 0)));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Down, 0));
  g_assert_true (focus_of (window) == card_at (view, NF_BLOCK_KEY_ACTIVITIES, 1));
  g_assert_true (gtk_widget_grab_focus (card_at (view, NF_BLOCK_KEY_ACTIVITIES, -1)));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Down, 0));
  g_assert_true (focus_of (window) == card_at (view, NF_BLOCK_KEY_RESOURCES, 0));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Up, 0));
  g_assert_true (focus_of (window) == card_at (view, NF_BLOCK_KEY_ACTIVITIES, -1));
  /* Key Resources' bottom is the Cost Structure. */
  g_assert_true (gtk_widget_grab_focus (card_at (view, NF_BLOCK_KEY_RESOURCES, -1)));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Down, 0));
  g_assert_cmpint (block_of_focus (window), ==, NF_BLOCK_COST_STRUCTURE);

  /* Home and End. */
  g_assert_true (gtk_widget_grab_focus (card_at (view, NF_BLOCK_KEY_PARTNERS, 1)));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_End, 0));
  g_assert_true (focus_of (window) == card_at (view, NF_BLOCK_KEY_PARTNERS, -1));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Home, 0));
  g_assert_true (focus_of (window) == card_at (view, NF_BLOCK_KEY_PARTNERS, 0));

  /* Delete the focused note; focus stays in the block, on the next one. */
  before = n_notes (canvas, NF_BLOCK_KEY_PARTNERS);
  note = g_object_ref (nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 0));
  second = nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 1);
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Delete, 0));
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_PARTNERS), ==, before - 1);
  assert_focus_on_note (window, second);
  g_assert_true (nf_history_undo (history));
  g_assert_true (nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 0) == note);
  nf_test_settle (window);
  assert_view_matches_layout (NF_CANVAS_VIEW (view));

  /* Alt+Down and Ctrl+Up reorder; focus follows the note. */
  g_assert_true (gtk_widget_grab_focus (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note)));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_true (nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 1) == note);
  assert_focus_on_note (window, note);
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Down, GDK_CONTROL_MASK));
  g_assert_true (nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 2) == note);
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Up, GDK_CONTROL_MASK));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Up, GDK_ALT_MASK));
  g_assert_true (nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 0) == note);
  assert_focus_on_note (window, note);
  g_assert_true (nf_history_undo (history));
  g_assert_true (nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 1) == note);
  g_assert_true (nf_history_redo (history));

  /* Alt+Right moves it into Key Activities; one undo brings it back. */
  before = n_notes (canvas, NF_BLOCK_KEY_ACTIVITIES);
  g_assert_true (gtk_widget_grab_focus (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note)));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_ACTIVITIES), ==, before + 1);
  assert_focus_on_note (window, note);
  g_assert_cmpint (block_of_focus (window), ==, NF_BLOCK_KEY_ACTIVITIES);
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Left, GDK_ALT_MASK));
  {
    NfBlock b = NF_BLOCK_NONE;

    /* Back in Key Partners, beside the notes at the height it was at. */
    g_assert_true (nf_canvas_find_note (canvas, nf_note_get_id (note), &b, NULL) == note);
    g_assert_cmpint (b, ==, NF_BLOCK_KEY_PARTNERS);
    assert_focus_on_note (window, note);
  }
  g_assert_true (nf_history_undo (history));
  g_assert_true (nf_history_undo (history));
  g_assert_true (nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 0) == note);
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_ACTIVITIES), ==, before);
  nf_test_settle (window);
  assert_view_matches_layout (NF_CANVAS_VIEW (view));

  g_object_unref (note);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The focus ring is drawn just outside the card in the accent colour,
 * which stands apart from the background in both styles. */
static void
test_focus_ring (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  for (int dark = 0; dark < 2; dark++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NfCanvas) canvas = nf_canvas_load_case (2, &error);
      g_autoptr(NfGridStyle) style = dark ? nf_grid_style_new_dark () : nf_grid_style_new_light ();
      GtkWidget *view, *window, *card;
      graphene_rect_t bounds;
      cairo_surface_t *before, *after;
      guint8 off[3], on[3];
      int x, y;

      adw_style_manager_set_color_scheme (manager, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
      window = show_view (canvas, &view);
      nf_test_settle (window);
      card = card_at (view, NF_BLOCK_VALUE_PROPOSITIONS, 1);
      g_assert_true (gtk_widget_compute_bounds (card, view, &bounds));
      x = (int) (bounds.origin.x + bounds.size.width / 2);
      y = (int) bounds.origin.y - 2;
      gtk_widget_grab_focus (nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_CHANNELS));
      nf_test_settle (window);
      before = nf_test_render (view);
      gtk_widget_grab_focus (card);
      nf_test_settle (window);
      after = nf_test_render (view);
      nf_test_pixel (before, x, y, off);
      nf_test_pixel (after, x, y, on);
      g_assert_cmpint (abs (on[2] - (int) (style->accent.blue * 255)), <=, 24);
      g_assert_cmpint (abs (on[0] - (int) (style->accent.red * 255)), <=, 24);
      g_assert_cmpint (abs (on[0] - off[0]) + abs (on[1] - off[1]) + abs (on[2] - off[2]), >=, 120);
      {
        g_autofree char *path = g_build_filename (g_test_get_dir (G_TEST_BUILT),
                                                  dark ? "view-focus-dark.png" : "view-focus-light.png",
                                                  NULL);

        cairo_surface_write_to_png (after, path);
      }
      cairo_surface_destroy (before);
      cairo_surface_destroy (after);
      gtk_window_destroy (GTK_WINDOW (window));
    }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* Double-click, Insert and "a" add a note through the in-place editor;
 * Enter edits; Escape cancels; focus-out commits. */
static void
test_add (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  NfHistory *history = nf_canvas_get_history (canvas);
  GtkWidget *view, *window, *entry;
  GtkEventController *click;
  NfNote *note;
  NfRect r;

  window = show_view (canvas, &view);
  nf_test_settle (window);

  /* A double-click on a block's empty area opens the editor there. */
  nf_grid_layout_get_block_rect (nf_canvas_view_get_layout (NF_CANVAS_VIEW (view)), NF_BLOCK_CHANNELS, &r);
  click = find_controller (view, GTK_TYPE_GESTURE_CLICK);
  g_assert_nonnull (click);
  g_signal_emit_by_name (click, "pressed", 1, r.x + r.width / 2, r.y + r.height / 2);
  g_signal_emit_by_name (click, "pressed", 2, r.x + r.width / 2, r.y + r.height / 2);
  nf_test_settle (window);
  entry = focus_of (window);
  g_assert_true (GTK_IS_TEXT_VIEW (entry));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (entry),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Note text");
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_CHANNELS), ==, 0);
  nf_test_screenshot (window, "view-add.png");
  editor_set_text (entry, "Dealer network");
  press_in_editor (entry, GDK_KEY_Return);
  nf_test_settle (window);
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_CHANNELS), ==, 1);
  note = nf_test_note_at (canvas, NF_BLOCK_CHANNELS, 0);
  g_assert_cmpstr (nf_text_get (nf_note_get_text (note)), ==, "Dealer network");
  assert_focus_on_note (window, note);
  assert_view_matches_layout (NF_CANVAS_VIEW (view));

  /* "a" on the note adds another after it; Escape leaves nothing behind,
   * not even an undo step. */
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_a, 0));
  editor_set_text (focus_of (window), "half-typed");
  press_escape_in (focus_of (window));
  nf_test_settle (window);
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_CHANNELS), ==, 1);
  assert_focus_on_note (window, note);
  g_assert_true (nf_history_undo (history));
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_CHANNELS), ==, 0);
  g_assert_false (nf_history_can_undo (history));
  g_assert_true (nf_history_redo (history));
  nf_test_settle (window);
  note = nf_test_note_at (canvas, NF_BLOCK_CHANNELS, 0);

  /* Insert on a block; focus leaving the editor commits it. */
  g_assert_true (gtk_widget_grab_focus (nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_KEY_PARTNERS)));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Insert, 0));
  editor_set_text (focus_of (window), "Banks");
  g_assert_true (gtk_widget_grab_focus (nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_CHANNELS)));
  nf_test_settle (window);
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_PARTNERS), ==, 1);
  g_assert_cmpstr (nf_text_get (nf_note_get_text (nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 0))), ==, "Banks");
  /* An empty new note that loses focus is dropped too. */
  g_assert_true (gtk_widget_grab_focus (nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_KEY_PARTNERS)));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Insert, 0));
  g_assert_true (gtk_widget_grab_focus (nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_CHANNELS)));
  nf_test_settle (window);
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_PARTNERS), ==, 1);

  /* Enter edits the focused note; Escape restores its text; Enter commits. */
  g_assert_true (gtk_widget_grab_focus (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note)));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Return, 0));
  entry = focus_of (window);
  {
    g_autofree char *shown = editor_get_text (entry);

    g_assert_cmpstr (shown, ==, "Dealer network");
  }
  editor_set_text (entry, "Something else");
  press_escape_in (entry);
  nf_test_settle (window);
  g_assert_cmpstr (nf_text_get (nf_note_get_text (note)), ==, "Dealer network");
  assert_focus_on_note (window, note);
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Return, 0));
  /* A pasted line break does not split the note. */
  editor_set_text (focus_of (window), "Dealers\nand apps");
  press_in_editor (focus_of (window), GDK_KEY_KP_Enter);
  nf_test_settle (window);
  g_assert_cmpstr (nf_text_get (nf_note_get_text (note)), ==, "Dealers and apps");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Dealers and apps");
  g_assert_true (nf_history_undo (history));
  g_assert_cmpstr (nf_text_get (nf_note_get_text (note)), ==, "Dealer network");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_child (GtkWidget *root,
            GType      type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      if ((found = find_child (c, type)) != NULL)
        return found;
    }
  return NULL;
}

/* Shift+arrows select; colour, tags and Delete apply to the selection as
 * one undo step; the context menu opens from the keyboard. */
static void
test_selection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (2, &error);
  NfHistory *history;
  GtkWidget *view, *window, *popover, *entry;
  g_autoptr(GPtrArray) selection = NULL;
  NfNote *notes[3];
  g_autofree char *colours[3] = { NULL, NULL, NULL };
  guint before;

  g_assert_no_error (error);
  history = nf_canvas_get_history (canvas);
  window = show_view (canvas, &view);
  nf_test_settle (window);
  for (guint i = 0; i < 3; i++)
    {
      notes[i] = nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, i);
      colours[i] = g_strdup (nf_note_get_colour (notes[i]));
    }

  g_assert_true (gtk_widget_grab_focus (card_at (view, NF_BLOCK_KEY_PARTNERS, 0)));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Down, GDK_SHIFT_MASK));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Down, GDK_SHIFT_MASK));
  selection = nf_canvas_view_get_selection (NF_CANVAS_VIEW (view));
  g_assert_cmpuint (selection->len, ==, 3);
  g_assert_true (nf_note_card_get_selected (NF_NOTE_CARD (card_at (view, NF_BLOCK_KEY_PARTNERS, 1))));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (card_at (view, NF_BLOCK_KEY_PARTNERS, 1)),
                                    GTK_ACCESSIBLE_STATE_SELECTED, TRUE);
  nf_test_settle (window);
  nf_test_screenshot (window, "view-selection.png");

  /* Colour all three, as one step. */
  g_assert_true (gtk_widget_activate_action (view, "view.set-colour", "s", "#99c1f1"));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (nf_note_get_colour (notes[i]), ==, "#99c1f1");
  g_assert_true (nf_history_undo (history));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (nf_note_get_colour (notes[i]), ==, colours[i]);
  g_assert_true (nf_history_redo (history));

  /* Tags from the popover's entry, for all three. */
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_t, 0));
  nf_test_settle (window);
  popover = find_child (view, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  entry = find_child (popover, GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "alpha, beta ,  ");
  g_signal_emit_by_name (entry, "activate");
  nf_test_settle (window);
  for (guint i = 0; i < 3; i++)
    {
      const char * const *tags = nf_note_get_tags (notes[i]);

      g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
      g_assert_cmpstr (tags[0], ==, "alpha");
      g_assert_cmpstr (tags[1], ==, "beta");
    }
  g_assert_true (nf_history_undo (history));
  g_assert_cmpuint (g_strv_length ((char **) nf_note_get_tags (notes[2])), !=, 2);
  g_assert_true (nf_history_redo (history));

  /* The Menu key and Shift+F10 open the note's menu. */
  g_assert_true (gtk_widget_grab_focus (card_at (view, NF_BLOCK_KEY_PARTNERS, 2)));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Menu, 0));
  nf_test_settle (window);
  popover = find_child (view, GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  nf_test_screenshot (window, "view-menu.png");
  gtk_popover_popdown (GTK_POPOVER (popover));
  nf_test_settle (window);
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_F10, GDK_SHIFT_MASK));
  g_assert_nonnull (find_child (view, GTK_TYPE_POPOVER_MENU));
  gtk_popover_popdown (GTK_POPOVER (find_child (view, GTK_TYPE_POPOVER_MENU)));
  nf_test_settle (window);

  /* Delete the three (still selected) at once; one undo brings them back. */
  before = n_notes (canvas, NF_BLOCK_KEY_PARTNERS);
  g_assert_true (gtk_widget_grab_focus (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), notes[2])));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Delete, 0));
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_PARTNERS), ==, before - 3);
  g_assert_true (nf_history_undo (history));
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_PARTNERS), ==, before);
  g_assert_true (nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 1) == notes[1]);

  /* A plain arrow clears the selection. */
  nf_canvas_view_select_note (NF_CANVAS_VIEW (view), notes[0], TRUE);
  g_assert_true (gtk_widget_grab_focus (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), notes[1])));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Down, 0));
  g_clear_pointer (&selection, g_ptr_array_unref);
  selection = nf_canvas_view_get_selection (NF_CANVAS_VIEW (view));
  g_assert_cmpuint (selection->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
centre (GtkWidget *widget,
        GtkWidget *view,
        double    *x,
        double    *y)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, view, &bounds));
  *x = bounds.origin.x + bounds.size.width / 2;
  *y = bounds.origin.y + bounds.size.height / 2;
}

/* Clicks: a click focuses a card, Ctrl+click adds to and takes from the
 * selection, a right-click opens the menu, a double-click edits. */
static void
test_pointer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (2, &error);
  NfHistory *history;
  GtkWidget *view, *window, *popover;
  g_autoptr(GPtrArray) selection = NULL;
  NfNote *a, *b;
  guint n_a, n_b;
  double x, y;

  g_assert_no_error (error);
  history = nf_canvas_get_history (canvas);
  window = show_view (canvas, &view);
  nf_test_settle (window);
  a = nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 1);
  b = nf_test_note_at (canvas, NF_BLOCK_CHANNELS, 0);
  n_a = n_notes (canvas, NF_BLOCK_KEY_PARTNERS);
  n_b = n_notes (canvas, NF_BLOCK_CHANNELS);

  centre (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), a), view, &x, &y);
  g_assert_true (_nf_canvas_view_click (NF_CANVAS_VIEW (view), 1, GDK_BUTTON_PRIMARY, 0, x, y));
  assert_focus_on_note (window, a);
  centre (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), b), view, &x, &y);
  g_assert_true (_nf_canvas_view_click (NF_CANVAS_VIEW (view), 1, GDK_BUTTON_PRIMARY, GDK_CONTROL_MASK, x, y));
  assert_focus_on_note (window, b);
  selection = nf_canvas_view_get_selection (NF_CANVAS_VIEW (view));
  g_assert_cmpuint (selection->len, ==, 2);

  /* A right-click on a selected note keeps the selection; colour both. */
  g_assert_true (_nf_canvas_view_click (NF_CANVAS_VIEW (view), 1, GDK_BUTTON_SECONDARY, 0, x, y));
  nf_test_settle (window);
  popover = find_child (view, GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  /* The menu's swatches: one per colour, labelled; the first is yellow. */
  {
    GtkWidget *swatch = find_child (popover, GTK_TYPE_BUTTON);
    guint n = 0;

    while (swatch != NULL && !gtk_widget_has_css_class (swatch, "nf-swatch"))
      swatch = gtk_widget_get_next_sibling (swatch);
    g_assert_nonnull (swatch);
    for (GtkWidget *w = swatch; w != NULL; w = gtk_widget_get_next_sibling (w))
      n++;
    g_assert_cmpuint (n, ==, 7);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_PROPERTY_LABEL, "Yellow");
    g_signal_emit_by_name (swatch, "clicked");
  }
  nf_test_settle (window);
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpstr (nf_note_get_colour (a), ==, "#f9f06b");
  g_assert_cmpstr (nf_note_get_colour (b), ==, "#f9f06b");

  /* Delete both from two blocks: one step. */
  g_assert_true (gtk_widget_activate_action (view, "view.delete-note", NULL));
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_PARTNERS), ==, n_a - 1);
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_CHANNELS), ==, n_b - 1);
  g_assert_true (nf_history_undo (history));
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_PARTNERS), ==, n_a);
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_CHANNELS), ==, n_b);
  g_assert_true (nf_history_undo (history));
  g_assert_cmpstr (nf_note_get_colour (b), !=, "#f9f06b");
  nf_test_settle (window);

  /* Ctrl+click again takes a note out; a plain click clears. */
  nf_canvas_view_select_note (NF_CANVAS_VIEW (view), a, TRUE);
  centre (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), a), view, &x, &y);
  g_assert_true (_nf_canvas_view_click (NF_CANVAS_VIEW (view), 1, GDK_BUTTON_PRIMARY, GDK_CONTROL_MASK, x, y));
  g_clear_pointer (&selection, g_ptr_array_unref);
  selection = nf_canvas_view_get_selection (NF_CANVAS_VIEW (view));
  g_assert_false (g_ptr_array_find (selection, a, NULL));
  g_assert_true (_nf_canvas_view_click (NF_CANVAS_VIEW (view), 1, GDK_BUTTON_PRIMARY, 0, x, y));
  g_clear_pointer (&selection, g_ptr_array_unref);
  selection = nf_canvas_view_get_selection (NF_CANVAS_VIEW (view));
  g_assert_cmpuint (selection->len, ==, 0);

  /* A double-click on a card edits it. */
  g_assert_true (_nf_canvas_view_click (NF_CANVAS_VIEW (view), 2, GDK_BUTTON_PRIMARY, 0, x, y));
  g_assert_true (GTK_IS_TEXT_VIEW (focus_of (window)));
  {
    g_autofree char *shown = editor_get_text (focus_of (window));

    g_assert_cmpstr (shown, ==, nf_text_get (nf_note_get_text (a)));
  }
  press_escape_in (focus_of (window));
  assert_focus_on_note (window, a);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Dragging a note: the drop target highlights the block and gap, and
 * the drop moves the note as one undo step. */
static void
test_drag (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (2, &error);
  NfHistory *history;
  GtkWidget *view, *window;
  GtkEventController *drop;
  NfNote *note;
  NfRect r;
  GdkDragAction action = 0;
  gboolean dropped = FALSE;
  GValue value = G_VALUE_INIT;
  NfBlockWidget *resources;
  guint before;

  g_assert_no_error (error);
  history = nf_canvas_get_history (canvas);
  window = show_view (canvas, &view);
  nf_test_settle (window);
  resources = NF_BLOCK_WIDGET (nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_KEY_RESOURCES));
  drop = find_controller (view, GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (drop);

  /* Over the top of Key Resources' first card: the gap before it. */
  {
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (card_at (view, NF_BLOCK_KEY_RESOURCES, 0), view, &bounds));
    r = (NfRect) { bounds.origin.x + 10, bounds.origin.y + 3, 0, 0 };
  }
  g_signal_emit_by_name (drop, "motion", r.x, r.y, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
  g_assert_cmpint (nf_block_widget_get_drop_gap (resources), ==, 0);
  g_assert_cmpint (nf_block_widget_get_drop_gap (NF_BLOCK_WIDGET (nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_KEY_PARTNERS))), ==, -1);
  nf_test_settle (window);
  nf_test_screenshot (window, "view-drop.png");

  note = nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 1);
  before = n_notes (canvas, NF_BLOCK_KEY_RESOURCES);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, nf_note_get_id (note));
  g_signal_emit_by_name (drop, "drop", &value, r.x, r.y, &dropped);
  g_value_unset (&value);
  g_assert_true (dropped);
  g_assert_cmpint (nf_block_widget_get_drop_gap (resources), ==, -1);
  g_assert_true (nf_test_note_at (canvas, NF_BLOCK_KEY_RESOURCES, 0) == note);
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_RESOURCES), ==, before + 1);
  g_assert_true (nf_history_undo (history));
  g_assert_true (nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 1) == note);
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_RESOURCES), ==, before);

  /* Within a block the gap counts the note itself: gap 3, after the
   * third note, puts the first note at index 2. */
  note = nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 0);
  g_assert_true (nf_canvas_view_drop_note (NF_CANVAS_VIEW (view), note, NF_BLOCK_KEY_PARTNERS, 3));
  g_assert_true (nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 2) == note);
  g_assert_false (nf_canvas_view_drop_note (NF_CANVAS_VIEW (view), note, NF_BLOCK_KEY_PARTNERS, 3));
  g_assert_true (nf_history_undo (history));
  g_assert_true (nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 0) == note);
  nf_test_settle (window);
  assert_view_matches_layout (NF_CANVAS_VIEW (view));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Nothing of the crowdest case hides behind "+N more" any more; the list
 * of a block's notes to edit in place (view.show-block, Enter on the
 * block) is still there. */
static void
test_more (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (2, &error);
  GtkWidget *view, *window, *popover, *entry = NULL;
  NfBlockWidget *block;
  guint n, n_entries = 0;
  NfNote *last;

  g_assert_no_error (error);
  window = show_view (canvas, &view);
  nf_test_settle (window);
  block = NF_BLOCK_WIDGET (nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_KEY_ACTIVITIES));
  n = n_notes (canvas, NF_BLOCK_KEY_ACTIVITIES);
  g_assert_cmpuint (nf_grid_layout_get_n_hidden (nf_canvas_view_get_layout (NF_CANVAS_VIEW (view)),
                                                 NF_BLOCK_KEY_ACTIVITIES), ==, 0);
  g_assert_cmpuint (nf_block_widget_get_n_cards (block), ==, n);
  gtk_widget_activate_action (view, "view.show-block", "i", (gint32) NF_BLOCK_KEY_ACTIVITIES);
  nf_test_settle (window);
  popover = find_child (view, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  for (GtkWidget *c = find_child (popover, GTK_TYPE_TEXT_VIEW); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_TEXT_VIEW (c))
      {
        n_entries++;
        entry = c;
      }
  g_assert_cmpuint (n_entries, ==, n);
  nf_test_screenshot (window, "view-more.png");

  /* The last note is in the grid, and editable here. */
  last = nf_test_note_at (canvas, NF_BLOCK_KEY_ACTIVITIES, n - 1);
  g_assert_nonnull (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), last));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry)), "Hidden, but reachable", -1);
  {
    GtkEventController *key = find_controller (entry, GTK_TYPE_EVENT_CONTROLLER_KEY);
    gboolean handled = FALSE;

    g_signal_emit_by_name (key, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
    g_assert_true (handled);
  }
  g_assert_cmpstr (nf_text_get (nf_note_get_text (last)), ==, "Hidden, but reachable");
  /* Closing the list keeps what was typed without Enter too. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry)), "Closed, and kept", -1);
  gtk_popover_popdown (GTK_POPOVER (popover));
  nf_test_settle (window);
  g_assert_cmpstr (nf_text_get (nf_note_get_text (last)), ==, "Closed, and kept");

  /* Enter on the block itself. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (block)));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Return, 0));
  nf_test_settle (window);
  g_assert_true (gtk_widget_get_visible (find_child (view, GTK_TYPE_POPOVER)));

  gtk_window_destroy (GTK_WINDOW (window));
}


/* A "+N more" button, as the grid had before it showed every note. */
static GtkWidget *
find_more (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_has_css_class (root, "nf-more"))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_more (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label_or_button (GtkWidget  *root,
                      const char *text)
{
  if ((GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), text) == 0) ||
      (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label_or_button (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
within (GtkWidget *child,
        GtkWidget *view)
{
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (child, view, &bounds) &&
         bounds.origin.x >= 0 && bounds.origin.y >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (view) &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (view);
}

/* Ctrl+plus, Ctrl+minus and Ctrl+0 zoom; zoomed in, the view scrolls and
 * follows the focus; the text is laid out again at the new size. */
static void
test_zoom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (3, &error);
  GtkWidget *view, *window, *card;
  NfGridLayout *layout;
  GtkEventController *scroll;
  double fit_font;
  gboolean handled = FALSE;

  g_assert_no_error (error);
  window = show_view (canvas, &view);
  nf_test_settle (window);
  layout = nf_canvas_view_get_layout (NF_CANVAS_VIEW (view));
  fit_font = nf_grid_layout_get_font_size (layout, NF_BLOCK_KEY_PARTNERS);
  g_assert_cmpfloat (nf_canvas_view_get_zoom (NF_CANVAS_VIEW (view)), ==, 1.0);
  g_assert_cmpfloat (nf_grid_layout_get_width (layout), ==, gtk_widget_get_width (view));

  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_plus, GDK_CONTROL_MASK));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_equal, GDK_CONTROL_MASK));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_plus, GDK_CONTROL_MASK));
  nf_test_settle (window);
  g_assert_cmpfloat (nf_canvas_view_get_zoom (NF_CANVAS_VIEW (view)), >, 1.9);
  g_assert_cmpfloat (nf_grid_layout_get_width (layout), >, 1.9 * gtk_widget_get_width (view));
  g_assert_cmpfloat (nf_grid_layout_get_font_size (layout, NF_BLOCK_KEY_PARTNERS), >, 1.5 * fit_font);
  assert_view_matches_layout (NF_CANVAS_VIEW (view));
  nf_test_screenshot (window, "view-zoom.png");

  /* Focus on a card out of sight scrolls to it. */
  card = card_at (view, NF_BLOCK_REVENUE_STREAMS, -1);
  g_assert_false (within (card, view));
  g_assert_true (gtk_widget_grab_focus (card));
  nf_test_settle (window);
  g_assert_true (within (card, view));

  /* The wheel pans while zoomed in. */
  card = card_at (view, NF_BLOCK_REVENUE_STREAMS, -1);
  scroll = find_controller (view, GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  g_assert_nonnull (scroll);
  g_signal_emit_by_name (scroll, "scroll", 0.0, -5.0, &handled);
  g_assert_true (handled);
  nf_test_settle (window);
  g_assert_false (within (card, view));

  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_minus, GDK_CONTROL_MASK));
  g_assert_cmpfloat (nf_canvas_view_get_zoom (NF_CANVAS_VIEW (view)), <, 1.9);
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_0, GDK_CONTROL_MASK));
  nf_test_settle (window);
  g_assert_cmpfloat (nf_canvas_view_get_zoom (NF_CANVAS_VIEW (view)), ==, 1.0);
  g_assert_cmpfloat (nf_grid_layout_get_width (layout), ==, gtk_widget_get_width (view));
  g_assert_cmpfloat (nf_grid_layout_get_font_size (layout, NF_BLOCK_KEY_PARTNERS), ==, fit_font);
  g_assert_true (within (card_at (view, NF_BLOCK_REVENUE_STREAMS, -1), view));
  g_signal_emit_by_name (scroll, "scroll", 0.0, 5.0, &handled);
  g_assert_false (handled);
  assert_view_matches_layout (NF_CANVAS_VIEW (view));

  gtk_window_destroy (GTK_WINDOW (window));
}


/* Every note of every case has a card in sight at the window's default
 * size, in English and with the Chinese translations, and nothing hides
 * behind "+N more". */
static void
test_all_visible (void)
{
  NfWindow *window = nf_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  nf_test_settle (GTK_WIDGET (window));
  for (guint c = 0; c < 4; c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NfCanvas) canvas = nf_canvas_load_case (c, &error);
      GtkWidget *view;
      NfGridLayout *layout;

      g_assert_no_error (error);
      nf_window_show_canvas (window, canvas);
      nf_test_settle (GTK_WIDGET (window));
      view = nf_window_get_canvas_view (window);
      g_assert_nonnull (view);
      canvas = g_object_ref (nf_canvas_view_get_canvas (NF_CANVAS_VIEW (view)));
      g_object_unref (canvas);
      layout = nf_canvas_view_get_layout (NF_CANVAS_VIEW (view));
      for (guint l = 0; l < 2; l++)
        {
          nf_canvas_view_set_language (NF_CANVAS_VIEW (view), l == 0 ? NULL : "zh-CN");
          nf_test_settle (GTK_WIDGET (window));
          g_test_message ("case %u, window %d × %d, view %d × %d", c,
                          gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
                          gtk_widget_get_width (view), gtk_widget_get_height (view));
          if (c == 2)
            nf_test_screenshot (GTK_WIDGET (window), "view-all-visible-senmiao.png");
          for (guint b = 0; b < NF_N_BLOCKS; b++)
            {
              GListModel *notes = nf_canvas_get_notes (nf_canvas_view_get_canvas (NF_CANVAS_VIEW (view)),
                                                       (NfBlock) b);
              GtkWidget *block = nf_canvas_view_get_block (NF_CANVAS_VIEW (view), (NfBlock) b);

              g_assert_false (nf_block_widget_get_scrolls (NF_BLOCK_WIDGET (block)));
              g_assert_cmpfloat (nf_grid_layout_get_font_size (layout, (NfBlock) b), ==,
                                 nf_grid_layout_get_font_size (layout, NF_BLOCK_VALUE_PROPOSITIONS));
              for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
                {
                  g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
                  GtkWidget *card = nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note);
                  graphene_rect_t bounds, in_block;

                  g_assert_nonnull (card);
                  g_assert_true (gtk_widget_get_mapped (card));
                  g_assert_true (within (card, view));
                  g_assert_true (gtk_widget_compute_bounds (card, block, &in_block));
                  g_assert_true (gtk_widget_compute_bounds (card, view, &bounds));
                  g_assert_cmpfloat (in_block.origin.x, >=, 0);
                  g_assert_cmpfloat (in_block.origin.y, >=, 0);
                  g_assert_cmpfloat (in_block.origin.x + in_block.size.width, <=,
                                     gtk_widget_get_width (block));
                  g_assert_cmpfloat (in_block.origin.y + in_block.size.height, <=,
                                     gtk_widget_get_height (block));
                }
            }
          g_assert_null (find_more (view));
        }
    }
  nf_test_screenshot (GTK_WIDGET (window), "view-all-visible.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Zoomed out, the canvas keeps the view's size and the text gets
 * smaller (so cards may show more of their notes); the control shows the
 * level; Ctrl+0 fits again. Ctrl+2 shows Key Activities alone with every
 * note as a full card; Escape returns; its title does the same. */
static void
test_zoom_out_and_focus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (2, &error);
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  GtkWidget *view, *window, *block;
  NfGridLayout *layout;
  double fit_font;
  guint n;
  GtkEventController *click = NULL;

  g_assert_no_error (error);
  window = show_view (canvas, &view);
  nf_test_settle (window);
  layout = nf_canvas_view_get_layout (NF_CANVAS_VIEW (view));
  fit_font = nf_grid_layout_get_font_size (layout, NF_BLOCK_KEY_PARTNERS);
  g_assert_nonnull (find_label_or_button (view, "100 %"));

  /* A card cut short shows its whole text while it has focus, and its
   * tooltip has it on hover. */
  {
    GtkWidget *first = card_at (view, NF_BLOCK_KEY_ACTIVITIES, 0);
    GtkWidget *second = card_at (view, NF_BLOCK_KEY_ACTIVITIES, 1);
    NfCardLayout *card = nf_note_card_get_card (NF_NOTE_CARD (first));
    int grid_height = gtk_widget_get_height (first);

    g_assert_true (nf_card_layout_get_truncated (card));
    g_assert_true (gtk_widget_get_has_tooltip (first));
    {
      /* The tooltip carries the note's whole text, escaped. */
      g_autofree char *markup = nf_note_card_get_tooltip_markup (NF_NOTE_CARD (first));
      g_assert_nonnull (markup);
      g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
      g_assert_cmpuint (strlen (markup), >, 40);
    }
    g_assert_true (gtk_widget_grab_focus (first));
    nf_test_settle (window);
    g_assert_false (nf_card_layout_get_truncated (card));
    g_assert_cmpint (gtk_widget_get_height (first), >, grid_height);
    nf_test_screenshot (window, "view-card-whole-on-focus.png");
    g_assert_true (gtk_widget_grab_focus (second));
    nf_test_settle (window);
    g_assert_cmpint (gtk_widget_get_height (first), ==, grid_height);
    g_assert_true (nf_card_layout_get_truncated (card));
  }

  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_minus, GDK_CONTROL_MASK));
  nf_test_settle (window);
  g_assert_cmpfloat (nf_canvas_view_get_zoom (NF_CANVAS_VIEW (view)), <, 1.0);
  g_assert_cmpfloat (nf_grid_layout_get_width (layout), ==, gtk_widget_get_width (view));
  g_assert_cmpfloat (nf_grid_layout_get_font_size (layout, NF_BLOCK_KEY_PARTNERS), <, fit_font);
  g_assert_nonnull (find_label_or_button (view, "80 %"));
  assert_view_matches_layout (NF_CANVAS_VIEW (view));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_0, GDK_CONTROL_MASK));
  nf_test_settle (window);
  g_assert_cmpfloat (nf_grid_layout_get_font_size (layout, NF_BLOCK_KEY_PARTNERS), ==, fit_font);

  n = n_notes (canvas, NF_BLOCK_KEY_ACTIVITIES);
  block = nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_KEY_ACTIVITIES);
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_2, GDK_CONTROL_MASK));
  nf_test_settle (window);
  g_assert_cmpint (nf_grid_layout_get_focus_block (layout), ==, NF_BLOCK_KEY_ACTIVITIES);
  g_assert_cmpuint (nf_block_widget_get_n_cards (NF_BLOCK_WIDGET (block)), ==, n);
  g_assert_cmpfloat (nf_grid_layout_get_font_size (layout, NF_BLOCK_KEY_ACTIVITIES), ==,
                     style->base_font_size);
  g_assert_cmpint (nf_grid_layout_get_density (layout, NF_BLOCK_KEY_ACTIVITIES), ==, NF_CARD_FULL);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *card = card_at (view, NF_BLOCK_KEY_ACTIVITIES, (int) i);

      g_assert_true (gtk_widget_get_mapped (card));
      g_assert_true (within (card, view));
    }
  g_assert_false (gtk_widget_get_child_visible (nf_canvas_view_get_block (NF_CANVAS_VIEW (view),
                                                                          NF_BLOCK_CHANNELS)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (block), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Shown alone; Escape shows the whole canvas");
  nf_test_screenshot (window, "view-block-alone.png");
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Escape, 0));
  nf_test_settle (window);
  g_assert_cmpint (nf_grid_layout_get_focus_block (layout), ==, NF_BLOCK_NONE);
  g_assert_true (gtk_widget_get_child_visible (nf_canvas_view_get_block (NF_CANVAS_VIEW (view),
                                                                         NF_BLOCK_CHANNELS)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (block), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Ctrl+2 shows this block alone");
  assert_view_matches_layout (NF_CANVAS_VIEW (view));

  /* A click on the title. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (block);
    NfRect title, r;

    for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

        if (GTK_IS_GESTURE_CLICK (controller))
          click = GTK_EVENT_CONTROLLER (controller);
      }
    g_assert_nonnull (click);
    nf_grid_layout_get_title_rect (layout, NF_BLOCK_KEY_ACTIVITIES, &title);
    nf_grid_layout_get_block_rect (layout, NF_BLOCK_KEY_ACTIVITIES, &r);
    g_signal_emit_by_name (click, "pressed", 1, title.x - r.x + 40, title.y - r.y + title.height / 2);
    nf_test_settle (window);
    g_assert_cmpint (nf_grid_layout_get_focus_block (layout), ==, NF_BLOCK_KEY_ACTIVITIES);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A block too crowded even for one-line cards scrolls on its own: every
 * note still has a card, the wheel scrolls the block (Ctrl+wheel is left
 * to zoom), and focus on a card out of sight brings it in. */
static void
test_block_scrolls (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  GtkWidget *view, *window, *block, *card;
  GtkEventController *scroll = NULL;
  GtkAdjustment *adj;
  graphene_rect_t bounds;
  gboolean handled = FALSE;
  const guint n = 150;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = nf_canvas_new_note_id (canvas);
      g_autofree char *words = g_strdup_printf ("Channel idea %u", i);
      g_autoptr(NfText) text = nf_text_new (words);
      g_autoptr(NfNote) note = nf_note_new (id, text);
      g_autoptr(GError) error = NULL;

      g_assert_true (nf_canvas_insert_note (canvas, NF_BLOCK_CHANNELS, i, note, &error));
      g_assert_no_error (error);
    }
  window = show_view (canvas, &view);
  nf_test_settle (window);
  block = nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_CHANNELS);
  g_assert_true (nf_block_widget_get_scrolls (NF_BLOCK_WIDGET (block)));
  g_assert_cmpuint (nf_block_widget_get_n_cards (NF_BLOCK_WIDGET (block)), ==, n);
  g_assert_null (find_more (view));
  adj = nf_block_widget_get_adjustment (NF_BLOCK_WIDGET (block));
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0);

  card = card_at (view, NF_BLOCK_CHANNELS, -1);
  g_assert_false (gtk_widget_get_child_visible (card));
  g_assert_true (gtk_widget_grab_focus (card));
  nf_test_settle (window);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 0);
  g_assert_true (gtk_widget_get_child_visible (card));
  g_assert_true (gtk_widget_compute_bounds (card, block, &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (block));

  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (block);

    for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

        if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
          scroll = GTK_EVENT_CONTROLLER (controller);
      }
  }
  g_assert_nonnull (scroll);
  g_signal_emit_by_name (scroll, "scroll", 0.0, -100.0, &handled);
  g_assert_true (handled);
  nf_test_settle (window);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0);
  g_assert_true (gtk_widget_get_child_visible (card_at (view, NF_BLOCK_CHANNELS, 0)));
  nf_test_screenshot (window, "view-block-scrolls.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A block of 20,000 notes scrolls with card widgets for its page and a
 * margin, not one per note (issue 18: a 100,000-note canvas never
 * painted while a widget and an accessible object were made per note). */
static void
test_huge_block (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  GtkWidget *view, *window, *block, *last;
  GtkAdjustment *adj;
  guint made, n_cards;
  const guint n = 20000;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = nf_canvas_new_note_id (canvas);
      g_autofree char *words = g_strdup_printf ("Channel idea %u", i);
      g_autoptr(NfText) text = nf_text_new (words);
      g_autoptr(NfNote) note = nf_note_new (id, text);
      g_autoptr(GError) error = NULL;

      g_assert_true (nf_canvas_insert_note (canvas, NF_BLOCK_CHANNELS, i, note, &error));
      g_assert_no_error (error);
    }
  made = _nf_block_widget_get_n_cards_made ();
  window = show_view (canvas, &view);
  nf_test_settle (window);
  block = nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_CHANNELS);
  g_assert_true (nf_block_widget_get_scrolls (NF_BLOCK_WIDGET (block)));
  n_cards = nf_block_widget_get_n_cards (NF_BLOCK_WIDGET (block));
  g_assert_cmpuint (n_cards, >, 0);
  g_assert_cmpuint (n_cards, <=, 1000);
  g_assert_cmpuint (_nf_block_widget_get_n_cards_made () - made, <=, 1000);
  g_assert_true (gtk_widget_get_child_visible (card_at (view, NF_BLOCK_CHANNELS, 0)));
  g_assert_true (nf_note_card_get_note (NF_NOTE_CARD (card_at (view, NF_BLOCK_CHANNELS, 0))) ==
                 nf_test_note_at (canvas, NF_BLOCK_CHANNELS, 0));

  /* Scrolling down makes the cards that come into sight. */
  adj = nf_block_widget_get_adjustment (NF_BLOCK_WIDGET (block));
  gtk_adjustment_set_value (adj, gtk_adjustment_get_page_size (adj) * 20);
  nf_test_settle (window);
  g_assert_cmpuint (nf_block_widget_get_n_cards (NF_BLOCK_WIDGET (block)), >, n_cards);
  g_assert_cmpuint (nf_block_widget_get_n_cards (NF_BLOCK_WIDGET (block)), <, n);
  last = card_at (view, NF_BLOCK_CHANNELS, -1);
  g_assert_false (gtk_widget_get_child_visible (last));
  {
    /* Some card made is on the page scrolled to. */
    gboolean seen = FALSE;

    for (guint i = n_cards; i < nf_block_widget_get_n_cards (NF_BLOCK_WIDGET (block)); i++)
      seen |= gtk_widget_get_child_visible (card_at (view, NF_BLOCK_CHANNELS, (int) i));
    g_assert_true (seen);
  }
  /* A note far below still has a card when asked for, and focusing it
   * scrolls it into sight. */
  last = nf_canvas_view_get_card (NF_CANVAS_VIEW (view),
                                  nf_test_note_at (canvas, NF_BLOCK_CHANNELS, n - 1));
  g_assert_nonnull (last);
  g_assert_cmpuint (nf_block_widget_get_n_cards (NF_BLOCK_WIDGET (block)), ==, n);
  g_assert_true (gtk_widget_grab_focus (last));
  nf_test_settle (window);
  g_assert_true (gtk_widget_get_child_visible (last));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_signal (guint *count)
{
  (*count)++;
}

/* A 100,000-note canvas: an edit of a note deep in its last block, and
 * its undo and redo, mark the view for layout and reach the card, with
 * one handler on the canvas in place of a "notify" handler per note
 * (issue 18: those handlers cost 33 MB at this size). */
static void
test_deep_note_edit (void)
{
  const guint n = 100000;
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.1\" xml:lang=\"en\">\n"
                                         "  <metadata><company>Deep</company><title>Deep</title></metadata>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(NfText) edited = nf_text_new ("Edited deep note");
  GtkWidget *view, *window, *card;
  NfHistory *history;
  NfNote *deep;
  guint last_n, note_changed = 0;
  char *old_text;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      g_string_append_printf (xml, "  <block kind=\"%s\">\n", nf_block_to_xml ((NfBlock) b));
      for (guint i = b; i < n; i += NF_N_BLOCKS)
        g_string_append_printf (xml, "    <note id=\"n%u\"><text>Idea %u</text></note>\n", i + 1, i);
      g_string_append (xml, "  </block>\n");
    }
  g_string_append (xml, "</canvas>\n");
  canvas = nf_canvas_load_from_data (xml->str, xml->len, "deep", &error);
  g_assert_no_error (error);
  last_n = n_notes (canvas, NF_BLOCK_REVENUE_STREAMS);
  deep = nf_test_note_at (canvas, NF_BLOCK_REVENUE_STREAMS, last_n - 1);
  old_text = g_strdup (nf_text_get (nf_note_get_text (deep)));
  g_signal_connect_swapped (canvas, "note-changed", G_CALLBACK (count_signal), &note_changed);

  window = show_view (canvas, &view);
  nf_test_settle (window);
  g_assert_false (NF_CANVAS_VIEW (view)->dirty);
  g_assert_false (g_signal_has_handler_pending (deep, g_signal_lookup ("notify", G_TYPE_OBJECT), 0, FALSE));
  g_assert_false (nf_canvas_get_modified (canvas));

  nf_canvas_set_note_text (canvas, deep, edited);
  g_assert_cmpuint (note_changed, ==, 1);
  g_assert_true (nf_canvas_get_modified (canvas));
  /* Laid out again as the edit ends, and drawn at the next frame. */
  g_assert_false (NF_CANVAS_VIEW (view)->dirty);
  card = nf_canvas_view_get_card (NF_CANVAS_VIEW (view), deep);
  g_assert_nonnull (card);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Edited deep note");

  history = nf_canvas_get_history (canvas);
  g_assert_true (nf_history_undo (history));
  g_assert_cmpuint (note_changed, ==, 2);
  g_assert_false (NF_CANVAS_VIEW (view)->dirty);
  card = nf_canvas_view_get_card (NF_CANVAS_VIEW (view), deep);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, old_text);

  g_assert_true (nf_history_redo (history));
  g_assert_cmpuint (note_changed, ==, 3);
  g_assert_false (NF_CANVAS_VIEW (view)->dirty);
  card = nf_canvas_view_get_card (NF_CANVAS_VIEW (view), deep);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Edited deep note");
  g_assert_true (gtk_widget_grab_focus (card));
  nf_test_settle (window);
  g_assert_true (gtk_widget_get_child_visible (card));
  g_free (old_text);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The start-up thread's layout of the first case: a view takes it only
 * fresh, for its own canvas, style and language, and shows it without
 * laying it out again at the same size, or lays it out at its own. */
static void
test_adopt_layout (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (0, &error);
  g_autoptr(NfCanvas) other = nf_canvas_load_case (1, NULL);
  g_autoptr(NfGridStyle) light = nf_grid_style_new_light ();
  g_autoptr(NfGridStyle) dark = nf_grid_style_new_dark ();
  g_autoptr(NfGridLayout) wrong_canvas = nf_grid_layout_new (other, light, NULL);
  g_autoptr(NfGridLayout) wrong_style = nf_grid_layout_new (canvas, dark, NULL);
  g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, light, NULL);
  GtkWidget *view, *window;
  double width, height;

  g_assert_no_error (error);
  /* The size a view of this canvas has in the test window. */
  window = show_view (canvas, &view);
  nf_test_settle (window);
  width = nf_grid_layout_get_width (nf_canvas_view_get_layout (NF_CANVAS_VIEW (view)));
  height = nf_grid_layout_get_height (nf_canvas_view_get_layout (NF_CANVAS_VIEW (view)));
  /* A view laid out already keeps its own. */
  g_assert_false (_nf_canvas_view_adopt_layout (NF_CANVAS_VIEW (view), layout));
  gtk_window_destroy (GTK_WINDOW (window));

  for (guint round = 0; round < 2; round++)
    {
      GtkWidget *fresh = nf_canvas_view_new (canvas);
      double laid_width = round == 0 ? width : width / 2;

      g_assert_true (nf_grid_style_equal (NF_CANVAS_VIEW (fresh)->style, light));
      g_assert_false (_nf_canvas_view_adopt_layout (NF_CANVAS_VIEW (fresh), wrong_canvas));
      g_assert_false (_nf_canvas_view_adopt_layout (NF_CANVAS_VIEW (fresh), wrong_style));
      /* Laid out at the view's size, then at another. */
      nf_grid_layout_allocate (layout, laid_width, height);
      g_assert_true (_nf_canvas_view_adopt_layout (NF_CANVAS_VIEW (fresh), layout));
      g_assert_true (nf_canvas_view_get_layout (NF_CANVAS_VIEW (fresh)) == layout);
      window = nf_test_show (fresh, 1366, 768);
      nf_test_settle (window);
      g_assert_cmpfloat (nf_grid_layout_get_width (layout), ==, width);
      g_assert_cmpfloat (nf_grid_layout_get_height (layout), ==, height);
      assert_view_matches_layout (NF_CANVAS_VIEW (fresh));
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* The "language" property shows the notes' translations. */
static void
test_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (3, &error);
  GtkWidget *view, *window, *card;
  NfNote *note = NULL;
  const char *english;

  g_assert_no_error (error);
  window = show_view (canvas, &view);
  nf_test_settle (window);
  for (guint i = 0; note == NULL && i < n_notes (canvas, NF_BLOCK_VALUE_PROPOSITIONS); i++)
    if (nf_text_lookup (nf_note_get_text (nf_test_note_at (canvas, NF_BLOCK_VALUE_PROPOSITIONS, i)), "en") != NULL)
      note = nf_test_note_at (canvas, NF_BLOCK_VALUE_PROPOSITIONS, i);
  g_assert_nonnull (note);
  english = nf_text_lookup (nf_note_get_text (note), "en");
  g_object_set (view, "language", "en", NULL);
  nf_test_settle (window);
  g_assert_cmpstr (nf_canvas_view_get_language (NF_CANVAS_VIEW (view)), ==, "en");
  card = nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note);
  g_assert_nonnull (card);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, english);
  nf_test_screenshot (window, "view-shupao-en.png");

  /* Editing what is shown edits that translation, never the Chinese. */
  {
    g_autofree char *chinese = g_strdup (nf_text_get (nf_note_get_text (note)));
    g_autofree char *shown = NULL;

    nf_canvas_view_edit_note (NF_CANVAS_VIEW (view), note);
    nf_test_settle (window);
    shown = editor_get_text (focus_of (window));
    g_assert_cmpstr (shown, ==, english);
    editor_set_text (focus_of (window), "Edited in English");
    press_in_editor (focus_of (window), GDK_KEY_Return);
    nf_test_settle (window);
    g_assert_cmpstr (nf_text_get (nf_note_get_text (note)), ==, chinese);
    g_assert_cmpstr (nf_text_lookup (nf_note_get_text (note), "en"), ==, "Edited in English");
    g_assert_true (nf_history_undo (nf_canvas_get_history (canvas)));
    english = nf_text_lookup (nf_note_get_text (note), "en");
    g_assert_cmpstr (nf_text_get (nf_note_get_text (note)), ==, chinese);
  }
  nf_canvas_view_set_language (NF_CANVAS_VIEW (view), NULL);
  nf_test_settle (window);
  card = nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       nf_text_get (nf_note_get_text (note)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The grid under the cards draws frames and titles only: a card's middle
 * is the block's fill there, so no card is drawn twice. */
static void
test_frames_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (2, &error);
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1366, 768);
  cairo_t *cr = cairo_create (surface);
  NfRect r;
  guint8 rgb[3];

  g_assert_no_error (error);
  nf_grid_layout_allocate (layout, 1366, 768);
  nf_grid_render_parts (cr, layout, style, NF_GRID_PART_FRAMES);
  cairo_surface_flush (surface);
  nf_grid_layout_get_card (layout, NF_BLOCK_KEY_PARTNERS, 0, &r);
  nf_test_pixel (surface, (int) (r.x + r.width - 4), (int) (r.y + r.height / 2), rgb);
  g_assert_cmpint (abs (rgb[0] - (int) (style->block_fill.red * 255)), <=, 2);
  g_assert_cmpint (abs (rgb[1] - (int) (style->block_fill.green * 255)), <=, 2);
  g_assert_cmpint (abs (rgb[2] - (int) (style->block_fill.blue * 255)), <=, 2);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* --- A card's pixels in a frame: a cairo node on the cairo renderer --- */

static void
count_nodes (GskRenderNode *node,
             guint         *textures,
             guint         *cairo)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TEXTURE_NODE:
      (*textures)++;
      break;
    case GSK_CAIRO_NODE:
      (*cairo)++;
      break;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count_nodes (gsk_container_node_get_child (node, i), textures, cairo);
      break;
    case GSK_TRANSFORM_NODE:
      count_nodes (gsk_transform_node_get_child (node), textures, cairo);
      break;
    case GSK_CLIP_NODE:
      count_nodes (gsk_clip_node_get_child (node), textures, cairo);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      count_nodes (gsk_rounded_clip_node_get_child (node), textures, cairo);
      break;
    case GSK_OPACITY_NODE:
      count_nodes (gsk_opacity_node_get_child (node), textures, cairo);
      break;
    default:
      break;
    }
}

/* The node of `pixels` in `bounds`, drawn onto a target at `scale` at
 * whole pixels from its corner, where a widget sits. */
static cairo_surface_t *
draw_pixels (cairo_surface_t       *pixels,
             const graphene_rect_t *bounds,
             gboolean               directly,
             int                    scale)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 60 * scale, 40 * scale);
  guint textures = 0, cairo = 0;
  cairo_t *cr;

  nf_snapshot_append_pixels (snapshot, pixels, &texture, bounds, directly);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  count_nodes (node, &textures, &cairo);
  g_assert_cmpuint (textures, ==, directly ? 0 : 1);
  g_assert_cmpuint (cairo, ==, directly ? 1 : 0);
  g_assert_true (directly == (texture == NULL));
  cairo_surface_set_device_scale (target, scale, scale);
  cr = cairo_create (target);
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.6);
  cairo_paint (cr);
  cairo_translate (cr, 8, 6);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (target);
  return target;
}

static void
test_card_pixels (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (0, &error);
  GtkWidget *view, *window, *card;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  guint textures = 0, cairo = 0;
  GskRenderer *renderer;

  /* Painted directly and as a texture, the same pixels: an image with
   * every alpha and colour, at scales 1 and 2, starting on a device
   * pixel as a card's image does (the two resample differently between
   * pixels, which no card asks of them). */
  for (int scale = 1; scale <= 2; scale++)
    {
      int w = 37 * scale, h = 23 * scale;
      cairo_surface_t *pixels = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      guint32 *data = (guint32 *) cairo_image_surface_get_data (pixels);
      int stride = cairo_image_surface_get_stride (pixels) / 4;
      const graphene_rect_t bounds[] = {
        GRAPHENE_RECT_INIT (-4, -4, 37, 23),
        GRAPHENE_RECT_INIT (3, 2, 37, 23),
        GRAPHENE_RECT_INIT (-1, 0, 37, 23),
      };

      cairo_surface_flush (pixels);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            guint32 a = (guint32) ((x * 7 + y * 13) % 256);
            guint32 r = (guint32) (x * 5 % 256) * a / 255, g = (guint32) (y * 11 % 256) * a / 255;
            guint32 b = (guint32) ((x + y) * 3 % 256) * a / 255;

            data[y * stride + x] = a << 24 | r << 16 | g << 8 | b;
          }
      cairo_surface_mark_dirty (pixels);
      for (guint i = 0; i < G_N_ELEMENTS (bounds); i++)
        {
          cairo_surface_t *direct = draw_pixels (pixels, &bounds[i], TRUE, scale);
          cairo_surface_t *texture = draw_pixels (pixels, &bounds[i], FALSE, scale);

          g_assert_cmpint (cairo_image_surface_get_stride (direct), ==,
                           cairo_image_surface_get_stride (texture));
          g_assert_cmpmem (cairo_image_surface_get_data (direct),
                           cairo_image_surface_get_stride (direct) * 40 * scale,
                           cairo_image_surface_get_data (texture),
                           cairo_image_surface_get_stride (texture) * 40 * scale);
          cairo_surface_destroy (direct);
          cairo_surface_destroy (texture);
        }
      cairo_surface_destroy (pixels);
    }

  /* A card of a view shown with the cairo renderer (as the tests run)
   * puts a cairo node in the frame, and a texture elsewhere. */
  g_assert_no_error (error);
  window = show_view (canvas, &view);
  nf_test_settle (window);
  card = card_at (view, NF_BLOCK_VALUE_PROPOSITIONS, 0);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_assert_true (nf_snapshot_paints_directly (card) == GSK_IS_CAIRO_RENDERER (renderer));
  paintable = gtk_widget_paintable_new (card);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (card),
                          gtk_widget_get_height (card));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  count_nodes (node, &textures, &cairo);
  if (GSK_IS_CAIRO_RENDERER (renderer))
    {
      g_assert_cmpuint (textures, ==, 0);
      g_assert_cmpuint (cairo, >=, 1);
    }
  else
    g_assert_cmpuint (textures, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  if (!nf_test_gui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/gui/canvas-view/cases", test_cases);
  g_test_add_func ("/gui/canvas-view/edit", test_edit);
  g_test_add_func ("/gui/canvas-view/keyboard", test_keyboard);
  g_test_add_func ("/gui/canvas-view/focus-ring", test_focus_ring);
  g_test_add_func ("/gui/canvas-view/card-pixels", test_card_pixels);
  g_test_add_func ("/gui/canvas-view/add", test_add);
  g_test_add_func ("/gui/canvas-view/selection", test_selection);
  g_test_add_func ("/gui/canvas-view/pointer", test_pointer);
  g_test_add_func ("/gui/canvas-view/drag", test_drag);
  g_test_add_func ("/gui/canvas-view/more", test_more);
  g_test_add_func ("/gui/canvas-view/zoom", test_zoom);
  g_test_add_func ("/gui/canvas-view/all-visible", test_all_visible);
  g_test_add_func ("/gui/canvas-view/zoom-out-and-focus", test_zoom_out_and_focus);
  g_test_add_func ("/gui/canvas-view/block-scrolls", test_block_scrolls);
  g_test_add_func ("/gui/canvas-view/huge-block", test_huge_block);
  g_test_add_func ("/gui/canvas-view/deep-note-edit", test_deep_note_edit);
  g_test_add_func ("/gui/canvas-view/adopt-layout", test_adopt_layout);
  g_test_add_func ("/gui/canvas-view/language", test_language);
  g_test_add_func ("/gui/canvas-view/frames-only", test_frames_only);
  g_test_add_func ("/gui/canvas-view/window", test_window);

  return g_test_run ();
}
