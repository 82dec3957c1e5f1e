/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing notes you can see, the clipboard, find and filter, a note's
 * details: under a real (virtual) display, as a user meets them. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "nf-block.h"
#include "nf-canvas-search.h"
#include "nf-canvas-view.h"
#include "nf-canvas-view-private.h"
#include "nf-canvas-xml.h"
#include "nf-history.h"
#include "nf-note-clipboard.h"
#include "nf-note-details.h"
#include "nf-note.h"
#include "nf-test-gui.h"
#include "nf-text.h"
#include "nf-tooltip.h"

/* The view in a window, inside a toast overlay as in the app. */
static GtkWidget *
show_view (NfCanvas   *canvas,
           GtkWidget **out_view)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *view = nf_canvas_view_new (canvas);
  GtkWidget *window;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), view);
  window = nf_test_show (overlay, 1366, 768);
  g_assert_cmpint (gtk_widget_get_width (view), >, 0);
  *out_view = view;
  return window;
}

static void
settle (GtkWidget *window)
{
  nf_test_settle (window);
}

/* The editor's capture-phase key handler, as a typed key reaches it. */
static void
press_in_editor (GtkWidget *editor,
                 guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (editor);
  gboolean handled = FALSE;

  for (guint c = 0; c < g_list_model_get_n_items (controllers) && !handled; c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
}

/* Types into a text view character by character, at the cursor, the way
 * an input method commits text. */
static void
type_text (GtkWidget  *editor,
           const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    gtk_text_buffer_insert_interactive_at_cursor (buffer, p, (int) (g_utf8_next_char (p) - p), TRUE);
}

/* `a` in the view: a new note's editor, after the note focused. */
static GtkWidget *
open_new_note (GtkWidget *view,
               GtkWidget *window)
{
  GtkWidget *editor;

  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_a, 0));
  settle (window);
  editor = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT_VIEW (editor));
  return editor;
}

static cairo_surface_t *
render (GtkWidget *widget)
{
  return nf_test_render (widget);
}

static void
save_png (cairo_surface_t *surface,
          const char      *name)
{
  g_autofree char *path = g_build_filename (g_test_get_dir (G_TEST_BUILT), name, NULL);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("screenshot: %s", path);
}

/* Pixels of a rectangle whose luminance is below 110: text on a light card. */
static guint
dark_pixels (cairo_surface_t       *surface,
             const graphene_rect_t *r)
{
  guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  guint n = 0;

  for (int y = MAX (0, (int) r->origin.y + 3); y < MIN (h, (int) (r->origin.y + r->size.height) - 3); y++)
    for (int x = MAX (0, (int) r->origin.x + 3); x < MIN (w, (int) (r->origin.x + r->size.width) - 3); x++)
      {
        guint32 p = *(guint32 *) (data + y * stride + x * 4);
        double lum = 0.2126 * ((p >> 16) & 0xff) + 0.7152 * ((p >> 8) & 0xff) + 0.0722 * (p & 0xff);

        if (lum < 110)
          n++;
      }
  return n;
}

/* A click on a button (gtk_widget_activate would wait a quarter second
 * to show the button pressed). */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}


/* --- 1. Writing you can see --- */

static void
test_editor_visible (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (0, &error);
  GtkWidget *view, *window, *editor, *block, *card;
  graphene_rect_t bounds, card_bounds;
  cairo_surface_t *empty, *typed;
  guint before, blank, inked;
  int line_h, typed_h;
  g_autoptr(PangoLayout) layout = NULL;

  g_assert_no_error (error);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = show_view (canvas, &view);
  block = nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_VALUE_PROPOSITIONS);
  card = nf_block_widget_get_card (NF_BLOCK_WIDGET (block), 0);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_compute_bounds (card, window, &card_bounds));
  gtk_widget_grab_focus (card);
  settle (window);
  before = nf_canvas_get_n_notes (canvas);

  /* `a` on a focused note: a new note after it. */
  editor = open_new_note (view, window);
  g_assert_true (gtk_widget_compute_bounds (editor, window, &bounds));
  layout = gtk_widget_create_pango_layout (editor, "Xg");
  pango_layout_get_pixel_size (layout, NULL, &line_h);
  /* As wide as a card of the block, and taller than a line. */
  g_assert_cmpfloat (bounds.size.width, >=, card_bounds.size.width - 1);
  g_assert_cmpfloat (bounds.size.height, >=, line_h + 8);
  empty = render (window);
  blank = dark_pixels (empty, &bounds);

  type_text (editor, "Dealers see every lead in one inbox, priced by the model year and city");
  settle (window);
  g_assert_true (gtk_widget_compute_bounds (editor, window, &bounds));
  typed_h = (int) bounds.size.height;
  typed = render (window);
  inked = dark_pixels (typed, &bounds);
  save_png (typed, "note-editor-typing.png");
  g_test_message ("editor %gx%g at %g,%g; dark pixels %u before typing, %u after",
                  bounds.size.width, bounds.size.height, bounds.origin.x, bounds.origin.y, blank, inked);
  /* The typed text is drawn before Enter: dark glyph pixels where the
   * editor stands, far more than the empty editor had. */
  g_assert_cmpuint (inked, >, blank + 200);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, before);
  /* It wrapped over several lines and grew to show them all. */
  g_assert_cmpint (typed_h, >=, 2 * line_h);
  g_assert_cmpint (_nf_canvas_view_editor_text_height (editor, (int) bounds.size.width), <=, typed_h);

  press_in_editor (editor, GDK_KEY_Return);
  settle (window);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, before + 1);
  g_assert_cmpstr (nf_text_get (nf_note_get_text (nf_test_note_at (canvas, NF_BLOCK_VALUE_PROPOSITIONS, 1))), ==,
                   "Dealers see every lead in one inbox, priced by the model year and city");

  /* Escape cancels a new note: nothing is added. */
  editor = open_new_note (view, window);
  type_text (editor, "never kept");
  press_in_editor (editor, GDK_KEY_Escape);
  settle (window);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, before + 1);

  /* A double-click on the empty part of a block opens it there too, as
   * wide as the block's cards. */
  {
    GtkWidget *partners = nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_KEY_PARTNERS);
    GtkWidget *first = nf_block_widget_get_card (NF_BLOCK_WIDGET (partners), 0);
    graphene_rect_t block_bounds, first_bounds;

    g_assert_true (gtk_widget_compute_bounds (partners, view, &block_bounds));
    g_assert_true (gtk_widget_compute_bounds (first, window, &first_bounds));
    g_assert_true (_nf_canvas_view_click (NF_CANVAS_VIEW (view), 2, GDK_BUTTON_PRIMARY, 0,
                                          block_bounds.origin.x + block_bounds.size.width / 2,
                                          block_bounds.origin.y + block_bounds.size.height - 8));
    settle (window);
    editor = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_true (GTK_IS_TEXT_VIEW (editor));
    g_assert_true (gtk_widget_compute_bounds (editor, window, &bounds));
    g_assert_cmpfloat (bounds.size.width, >=, first_bounds.size.width - 1);
    g_assert_cmpfloat (bounds.size.height, >=, line_h + 8);
    press_in_editor (editor, GDK_KEY_Escape);
    settle (window);
  }

  /* Editing an existing note: the editor covers the card and grows. */
  gtk_widget_grab_focus (nf_canvas_view_get_card (NF_CANVAS_VIEW (view),
                                                  nf_test_note_at (canvas, NF_BLOCK_VALUE_PROPOSITIONS, 0)));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_F2, 0));
  settle (window);
  editor = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT_VIEW (editor));
  g_assert_true (gtk_widget_compute_bounds (editor, window, &bounds));
  typed_h = (int) bounds.size.height;
  type_text (editor, " And a long addition that needs several more lines to be shown whole, "
                     "wrapped at the card's width, without scrolling inside the editor.");
  settle (window);
  g_assert_true (gtk_widget_compute_bounds (editor, window, &bounds));
  g_assert_cmpfloat (bounds.size.height, >, typed_h);
  g_assert_cmpint (_nf_canvas_view_editor_text_height (editor, (int) bounds.size.width), <=,
                   (int) bounds.size.height);
  g_assert_cmpint (_nf_canvas_view_editor_text_height (editor, (int) bounds.size.width), >=, 5 * line_h);
  press_in_editor (editor, GDK_KEY_Escape);

  cairo_surface_destroy (empty);
  cairo_surface_destroy (typed);
  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* Undoing a note just added gives the focus back to where the add
 * began: the note focused then, or the block when no note was. */
static void
test_undo_add_focus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (0, &error);
  GtkWidget *view, *window, *editor, *focus;
  NfNote *before, *next;
  guint n;

  g_assert_no_error (error);
  window = show_view (canvas, &view);
  n = nf_canvas_get_n_notes (canvas);
  before = nf_test_note_at (canvas, NF_BLOCK_KEY_ACTIVITIES, 0);
  next = nf_test_note_at (canvas, NF_BLOCK_KEY_ACTIVITIES, 1);
  gtk_widget_grab_focus (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), before));
  settle (window);

  editor = open_new_note (view, window);
  type_text (editor, "A note to take back");
  press_in_editor (editor, GDK_KEY_Return);
  settle (window);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, n + 1);
  /* The new note has the focus, after the one focused before. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 nf_canvas_view_get_card (NF_CANVAS_VIEW (view),
                                          nf_test_note_at (canvas, NF_BLOCK_KEY_ACTIVITIES, 1)));

  g_assert_true (gtk_widget_activate_action (view, "view.undo", NULL));
  settle (window);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, n);
  /* Back on the note focused before the add, not the one after it. */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == nf_canvas_view_get_card (NF_CANVAS_VIEW (view), before));
  g_assert_false (focus == nf_canvas_view_get_card (NF_CANVAS_VIEW (view), next));

  /* Begun from the block itself: back to the block. */
  gtk_widget_grab_focus (nf_canvas_view_get_block (NF_CANVAS_VIEW (view),
                                                   NF_BLOCK_COST_STRUCTURE));
  settle (window);
  editor = open_new_note (view, window);
  type_text (editor, "Another");
  press_in_editor (editor, GDK_KEY_Return);
  settle (window);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, n + 1);
  g_assert_true (gtk_widget_activate_action (view, "view.undo", NULL));
  settle (window);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, n);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_COST_STRUCTURE));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- 2. Clipboard, duplicate, undo toast --- */

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  *(char **) data = text != NULL ? text : g_strdup ("");
}

static char *
read_clipboard_text (GdkClipboard *clipboard)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (clipboard, NULL, on_read, &text);
  for (guint i = 0; i < 2000 && text == NULL; i++)
    g_main_context_iteration (NULL, TRUE);
  return text;
}

/* Waits for an asynchronous paste to land: the block grows. */
static void
wait_for_notes (GtkWidget *window,
                NfCanvas  *canvas,
                guint      n)
{
  for (guint i = 0; i < 2000 && nf_canvas_get_n_notes (canvas) != n; i++)
    g_main_context_iteration (NULL, TRUE);
  settle (window);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, n);
}

static void
assert_same_fields (NfNote *a,
                    NfNote *b)
{
  g_assert_true (nf_text_equal (nf_note_get_text (a), nf_note_get_text (b)));
  g_assert_cmpstr (nf_note_get_colour (a), ==, nf_note_get_colour (b));
  g_assert_true (g_strv_equal (nf_note_get_tags (a), nf_note_get_tags (b)));
  g_assert_cmpint (nf_note_get_evidence (a), ==, nf_note_get_evidence (b));
  g_assert_cmpstr (nf_note_get_cite_source (a), ==, nf_note_get_cite_source (b));
  g_assert_cmpuint (nf_note_get_cite_line (a), ==, nf_note_get_cite_line (b));
  g_assert_cmpstr (nf_note_get_id (a), !=, nf_note_get_id (b));
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_clipboard (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (0, &error);
  GtkWidget *view, *window;
  GdkClipboard *clipboard;
  NfNote *note, *pasted;
  g_autoptr(NfText) text = NULL;
  g_autofree char *plain = NULL;
  const char *tags[] = { "dealers", "pricing", NULL };
  guint n, n_channels;
  NfSource *source;

  g_assert_no_error (error);
  window = show_view (canvas, &view);
  clipboard = gtk_widget_get_clipboard (view);
  n = nf_canvas_get_n_notes (canvas);
  note = nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 0);
  source = g_list_model_get_item (nf_canvas_get_sources (canvas), 0);
  g_assert_nonnull (source);
  /* Every field a note has, so the round trip can lose none. */
  text = nf_text_with_translation (nf_note_get_text (note), "zh-CN", "与五百九十家互联网服务商合作");
  nf_canvas_set_note_text (canvas, note, text);
  nf_canvas_set_note_colour (canvas, note, "#99c1f1");
  nf_canvas_set_note_tags (canvas, note, tags);
  nf_canvas_set_note_evidence (canvas, note, NF_EVIDENCE_TESTED);
  nf_canvas_set_note_cite (canvas, note, nf_source_get_id (source), 17);
  g_object_unref (source);
  settle (window);

  /* Ctrl+C: other programs get the text. */
  g_assert_true (gtk_widget_grab_focus (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note)));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_c, GDK_CONTROL_MASK));
  g_assert_true (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard),
                                                        NF_NOTES_MIME_TYPE));
  plain = read_clipboard_text (clipboard);
  g_assert_cmpstr (plain, ==, nf_text_get (nf_note_get_text (note)));

  /* Ctrl+V into another block: the whole note, one undoable step. */
  n_channels = g_list_model_get_n_items (nf_canvas_get_notes (canvas, NF_BLOCK_CHANNELS));
  gtk_widget_grab_focus (nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_CHANNELS));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_v, GDK_CONTROL_MASK));
  wait_for_notes (window, canvas, n + 1);
  pasted = nf_test_note_at (canvas, NF_BLOCK_CHANNELS, n_channels);
  assert_same_fields (note, pasted);
  g_assert_true (gtk_widget_activate_action (view, "view.undo", NULL));
  settle (window);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_notes (canvas, NF_BLOCK_CHANNELS)), ==, n_channels);

  /* Ctrl+X removes it; pasting after a focused note brings it back there. */
  {
    g_autoptr(NfNote) keep = g_object_ref (note);
    NfNote *anchor = nf_test_note_at (canvas, NF_BLOCK_CHANNELS, 0);

    gtk_widget_grab_focus (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), keep));
    g_assert_true (nf_test_press_shortcut (view, GDK_KEY_x, GDK_CONTROL_MASK));
    settle (window);
    g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, n - 1);
    g_assert_true (gtk_widget_grab_focus (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), anchor)));
    g_assert_true (nf_test_press_shortcut (view, GDK_KEY_v, GDK_CONTROL_MASK));
    wait_for_notes (window, canvas, n);
    assert_same_fields (keep, nf_test_note_at (canvas, NF_BLOCK_CHANNELS, 1));
    /* Focus follows the pasted note. */
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                   nf_canvas_view_get_card (NF_CANVAS_VIEW (view), nf_test_note_at (canvas, NF_BLOCK_CHANNELS, 1)));
    note = nf_test_note_at (canvas, NF_BLOCK_CHANNELS, 1);
  }

  /* Ctrl+D: a copy right after it, focused. */
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_d, GDK_CONTROL_MASK));
  settle (window);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, n + 1);
  assert_same_fields (note, nf_test_note_at (canvas, NF_BLOCK_CHANNELS, 2));
  /* Focused, unless the grid of today hides it behind "+N more". */
  if (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), nf_test_note_at (canvas, NF_BLOCK_CHANNELS, 2)) != NULL)
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                   nf_canvas_view_get_card (NF_CANVAS_VIEW (view), nf_test_note_at (canvas, NF_BLOCK_CHANNELS, 2)));
  g_assert_true (gtk_widget_activate_action (view, "view.undo", NULL));
  settle (window);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, n);

  /* Plain text from another program: a note a line. */
  gdk_clipboard_set_text (clipboard, "First idea\n\n  Second idea  \n");
  gtk_widget_grab_focus (nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_COST_STRUCTURE));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_v, GDK_CONTROL_MASK));
  wait_for_notes (window, canvas, n + 2);
  {
    GListModel *costs = nf_canvas_get_notes (canvas, NF_BLOCK_COST_STRUCTURE);
    guint c = g_list_model_get_n_items (costs);

    g_assert_cmpstr (nf_text_get (nf_note_get_text (nf_test_note_at (canvas, NF_BLOCK_COST_STRUCTURE, c - 2))), ==, "First idea");
    g_assert_cmpstr (nf_text_get (nf_note_get_text (nf_test_note_at (canvas, NF_BLOCK_COST_STRUCTURE, c - 1))), ==, "Second idea");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_clipboard_hostile (void)
{
  static const guchar junk[] = { 0xff, 0x00, 0x13, 0x37, 0x00, 0x00, 0x00, 0x40, 'a', 'b' };
  g_autoptr(GBytes) bytes = g_bytes_new_static (junk, sizeof junk);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clips = nf_note_clipboard_parse (bytes, &error);
  g_autoptr(GVariant) bad = NULL;
  g_autoptr(GBytes) bad_bytes = NULL;
  g_autoptr(GPtrArray) bad_clips = NULL;

  /* Bytes that are no list of notes paste nothing. */
  if (clips != NULL)
    g_assert_cmpuint (clips->len, ==, 0);
  else
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  /* Fields that are not what a canvas holds are dropped, not kept. */
  bad = g_variant_ref_sink (g_variant_new_parsed ("[('text\\u0001', {'not a language!': 'x'}, 'red', ['', 'ok'], 'sure', '', uint32 3)]"));
  bad_bytes = g_variant_get_data_as_bytes (bad);
  bad_clips = nf_note_clipboard_parse (bad_bytes, NULL);
  g_assert_nonnull (bad_clips);
  g_assert_cmpuint (bad_clips->len, ==, 1);
}

static void
test_delete_toast (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (0, &error);
  GtkWidget *view, *window, *button;
  g_autoptr(NfNote) note = NULL;
  guint n;

  g_assert_no_error (error);
  window = show_view (canvas, &view);
  n = nf_canvas_get_n_notes (canvas);
  note = g_object_ref (nf_test_note_at (canvas, NF_BLOCK_CUSTOMER_SEGMENTS, 1));
  gtk_widget_grab_focus (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Delete, 0));
  settle (window);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, n - 1);
  /* The toast's Undo button, as drawn in the window, puts it back. */
  button = find_button (window, "_Undo");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  click (button);
  settle (window);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, n);
  g_assert_true (nf_test_note_at (canvas, NF_BLOCK_CUSTOMER_SEGMENTS, 1) == note);

  /* A toast whose deletion was followed by another edit undoes nothing. */
  gtk_widget_grab_focus (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Delete, 0));
  settle (window);
  button = find_button (window, "_Undo");
  g_assert_nonnull (button);
  /* The edit may dismiss the toast and free its button at once: watch
   * it rather than touch a freed widget. */
  g_object_add_weak_pointer (G_OBJECT (button), (gpointer *) &button);
  nf_canvas_set_note_colour (canvas, nf_test_note_at (canvas, NF_BLOCK_CUSTOMER_SEGMENTS, 0), "#f66151");
  if (button != NULL && gtk_widget_get_mapped (button))
    click (button);
  if (button != NULL)
    g_object_remove_weak_pointer (G_OBJECT (button), (gpointer *) &button);
  settle (window);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, n - 1);
  g_assert_cmpstr (nf_note_get_colour (nf_test_note_at (canvas, NF_BLOCK_CUSTOMER_SEGMENTS, 0)), ==, "#f66151");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- 3. Find and filter --- */

static gboolean
contains_folded (const char *text,
                 const char *folded)
{
  g_autofree char *normal = text != NULL ? g_utf8_normalize (text, -1, G_NORMALIZE_ALL) : NULL;
  g_autofree char *f = normal != NULL ? g_utf8_casefold (normal, -1) : NULL;

  return f != NULL && strstr (f, folded) != NULL;
}

/* What should match, worked out here independently of the bar. */
static gboolean
expect_match (NfCanvas   *canvas,
              NfNote     *note,
              const char *folded)
{
  NfText *text = nf_note_get_text (note);
  const char * const *tags = nf_note_get_tags (note);
  const char *cite = nf_note_get_cite_source (note);

  if (contains_folded (nf_text_get (text), folded))
    return TRUE;
  for (guint i = 0; i < nf_text_get_n_translations (text); i++)
    if (contains_folded (nf_text_get_translation (text, i, NULL), folded))
      return TRUE;
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (contains_folded (tags[i], folded))
      return TRUE;
  if (cite != NULL)
    {
      NfSource *source = nf_canvas_find_source (canvas, cite);

      if (source != NULL && (contains_folded (nf_source_get_title (source), folded) ||
                             contains_folded (nf_source_get_publisher (source), folded)))
        return TRUE;
    }
  return FALSE;
}

static void
assert_dimmed (NfCanvasView *view,
               GHashTable   *matching)
{
  guint seen = 0;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      NfBlockWidget *block = NF_BLOCK_WIDGET (nf_canvas_view_get_block (view, (NfBlock) b));

      for (guint i = 0; i < nf_block_widget_get_n_cards (block); i++)
        {
          GtkWidget *card = nf_block_widget_get_card (block, i);
          NfNote *note = nf_note_card_get_note (NF_NOTE_CARD (card));

          if (matching == NULL)
            g_assert_cmpfloat (gtk_widget_get_opacity (card), ==, 1.0);
          else if (g_hash_table_contains (matching, note))
            {
              g_assert_cmpfloat (gtk_widget_get_opacity (card), ==, 1.0);
              g_assert_true (gtk_widget_has_css_class (card, "nf-match"));
            }
          else
            g_assert_cmpfloat (gtk_widget_get_opacity (card), <, 0.5);
          seen++;
        }
    }
  g_assert_cmpuint (seen, >, 0);
}

static void
test_find (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (0, &error);
  GtkWidget *view, *window, *entry;
  NfCanvasSearch *search;
  graphene_rect_t bar;
  g_autoptr(GHashTable) matching = g_hash_table_new (NULL, NULL);
  g_autoptr(NfText) text = NULL;
  g_autofree char *count = NULL;
  guint expected = 0;
  GPtrArray *matches;
  NfNote *translated;

  g_assert_no_error (error);
  window = show_view (canvas, &view);
  /* A word found only in a translation counts too. */
  translated = nf_test_note_at (canvas, NF_BLOCK_KEY_RESOURCES, 0);
  text = nf_text_with_translation (nf_note_get_text (translated), "zh-CN", "销售网络 automakers");
  nf_canvas_set_note_text (canvas, translated, text);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    for (guint i = 0; i < g_list_model_get_n_items (nf_canvas_get_notes (canvas, (NfBlock) b)); i++)
      if (expect_match (canvas, nf_test_note_at (canvas, (NfBlock) b, i), "automakers"))
        {
          g_hash_table_add (matching, nf_test_note_at (canvas, (NfBlock) b, i));
          expected++;
        }
  g_assert_cmpuint (expected, >=, 3);
  g_assert_true (g_hash_table_contains (matching, translated));
  gtk_widget_grab_focus (nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_KEY_PARTNERS));
  settle (window);

  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_f, GDK_CONTROL_MASK));
  settle (window);
  search = NF_CANVAS_SEARCH (NF_CANVAS_VIEW (view)->search);
  entry = nf_canvas_search_get_entry (search);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (search)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  /* The bar covers no block, not the top right one's title. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (search), view, &bar));
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      graphene_rect_t block;

      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (nf_canvas_view_get_block (NF_CANVAS_VIEW (view), (NfBlock) b)),
                                                view, &block));
      g_assert_false (graphene_rect_intersection (&bar, &block, NULL));
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), "AutoMakers");
  g_signal_emit_by_name (entry, "search-changed");
  settle (window);

  matches = nf_canvas_search_get_matches (search);
  g_assert_nonnull (matches);
  g_assert_cmpuint (matches->len, ==, expected);
  count = g_strdup_printf ("1 of %u", expected);
  g_assert_cmpstr (nf_canvas_search_get_count_text (search), ==, count);
  assert_dimmed (NF_CANVAS_VIEW (view), matching);
  {
    cairo_surface_t *shot = render (window);

    save_png (shot, "find-bar.png");
    cairo_surface_destroy (shot);
  }

  /* Ctrl+G: focus on the next match's card; Ctrl+Shift+G back. */
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_g, GDK_CONTROL_MASK));
  settle (window);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 nf_canvas_view_get_card (NF_CANVAS_VIEW (view), g_ptr_array_index (matches, 1)));
  g_clear_pointer (&count, g_free);
  count = g_strdup_printf ("2 of %u", expected);
  g_assert_cmpstr (nf_canvas_search_get_count_text (search), ==, count);
  /* The entry's delayed signal for the same text keeps the place. */
  g_signal_emit_by_name (entry, "search-changed");
  settle (window);
  g_assert_cmpstr (nf_canvas_search_get_count_text (search), ==, count);
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  settle (window);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 nf_canvas_view_get_card (NF_CANVAS_VIEW (view), g_ptr_array_index (matches, 0)));

  /* Filter by evidence: only reported notes among the matches (the
   * case's figures are its blog post's claims, none validated). */
  gtk_drop_down_set_selected (nf_canvas_search_get_filter (search, 1), 1 + NF_EVIDENCE_REPORTED);
  settle (window);
  matches = nf_canvas_search_get_matches (search);
  g_assert_cmpuint (matches->len, >, 0);
  g_assert_cmpuint (matches->len, <, expected);
  for (guint i = 0; i < matches->len; i++)
    g_assert_cmpint (nf_note_get_evidence (g_ptr_array_index (matches, i)), ==, NF_EVIDENCE_REPORTED);
  gtk_drop_down_set_selected (nf_canvas_search_get_filter (search, 1), 0);

  /* Filter by tag alone (the query emptied): exactly the notes tagged. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  {
    GtkDropDown *tags = nf_canvas_search_get_filter (search, 0);
    GListModel *items = gtk_drop_down_get_model (tags);
    guint dealers = GTK_INVALID_LIST_POSITION, tagged = 0;

    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (items), i), "dealers"))
        dealers = i;
    g_assert_cmpuint (dealers, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (tags, dealers);
    for (guint b = 0; b < NF_N_BLOCKS; b++)
      for (guint i = 0; i < g_list_model_get_n_items (nf_canvas_get_notes (canvas, (NfBlock) b)); i++)
        tagged += g_strv_contains (nf_note_get_tags (nf_test_note_at (canvas, (NfBlock) b, i)), "dealers");
    matches = nf_canvas_search_get_matches (search);
    g_assert_cmpuint (matches->len, ==, tagged);
    gtk_drop_down_set_selected (tags, 0);
  }

  /* Escape closes the bar and every card is plain again. */
  gtk_widget_grab_focus (entry);
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Escape, 0));
  settle (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (search)));
  assert_dimmed (NF_CANVAS_VIEW (view), NULL);
  /* Its place goes back to the grid. */
  {
    graphene_rect_t block;

    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_CUSTOMER_SEGMENTS)),
                                              view, &block));
    g_assert_cmpfloat (block.origin.y, <, bar.origin.y + bar.size.height);
  }
  /* Ctrl+G brings the bar back, with its last search. */
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_g, GDK_CONTROL_MASK));
  settle (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (search)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* --- 4. Note details --- */

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect (c, type, out);
}

static void
undo_one (GtkWidget *view,
          NfCanvas  *canvas)
{
  g_assert_true (nf_history_can_undo (nf_canvas_get_history (canvas)));
  g_assert_true (gtk_widget_activate_action (view, "view.undo", NULL));
}

static void
test_details (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (0, &error);
  GtkWidget *view, *window, *popover;
  g_autoptr(GPtrArray) drops = g_ptr_array_new ();
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GtkWidget *new_lang, *new_text, *add;
  NfNote *note;
  g_autoptr(NfSource) source = NULL;
  const char *tags_before[] = { NULL };
  NfText *text_before;
  g_autoptr(GMenuModel) menu = NULL;
  gboolean listed = FALSE;

  g_assert_no_error (error);
  window = show_view (canvas, &view);
  note = nf_test_note_at (canvas, NF_BLOCK_KEY_ACTIVITIES, 0);
  source = g_list_model_get_item (nf_canvas_get_sources (canvas), 0);
  nf_history_clear (nf_canvas_get_history (canvas));
  text_before = nf_text_ref (nf_note_get_text (note));
  (void) tags_before;

  /* The note menu offers the details. */
  gtk_widget_grab_focus (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Menu, 0));
  settle (window);
  g_assert_true (GTK_IS_POPOVER_MENU (NF_CANVAS_VIEW (view)->popover));
  menu = g_object_ref (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (NF_CANVAS_VIEW (view)->popover)));
  for (guint s = 0; s < (guint) g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, (int) s, G_MENU_LINK_SECTION);

      for (guint i = 0; section != NULL && i < (guint) g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, (int) i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
              g_str_equal (action, "view.note-details"))
            listed = TRUE;
        }
    }
  g_assert_true (listed);
  gtk_popover_popdown (GTK_POPOVER (NF_CANVAS_VIEW (view)->popover));
  settle (window);

  /* Alt+Enter on the card opens them. */
  gtk_widget_grab_focus (nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note));
  g_assert_true (nf_test_press_shortcut (view, GDK_KEY_Return, GDK_ALT_MASK));
  settle (window);
  popover = NF_CANVAS_VIEW (view)->popover;
  g_assert_true (NF_IS_NOTE_DETAILS (popover));
  g_assert_true (gtk_widget_get_mapped (popover));
  {
    cairo_surface_t *shot = render (window);

    save_png (shot, "note-details.png");
    cairo_surface_destroy (shot);
  }
  collect (popover, GTK_TYPE_DROP_DOWN, drops);
  collect (popover, GTK_TYPE_SPIN_BUTTON, spins);
  collect (popover, GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (drops->len, ==, 2);
  /* The cited line and the last line of a range. */
  g_assert_cmpuint (spins->len, ==, 2);

  /* Evidence: one step, undone. */
  {
    NfEvidence was = nf_note_get_evidence (note);
    NfEvidence want = (NfEvidence) ((was + 1) % (NF_EVIDENCE_VALIDATED + 1));

    gtk_drop_down_set_selected (g_ptr_array_index (drops, 0), want);
    g_assert_cmpint (nf_note_get_evidence (note), ==, want);
    undo_one (view, canvas);
    g_assert_cmpint (nf_note_get_evidence (note), ==, was);
    /* The popover follows the undo. */
    g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (drops, 0)), ==, was);
  }

  /* Source, then line: a step each. */
  {
    g_autofree char *was_source = g_strdup (nf_note_get_cite_source (note));
    guint was_line = nf_note_get_cite_line (note);

    g_assert_nonnull (was_source);     /* the case cites its report */
    gtk_drop_down_set_selected (g_ptr_array_index (drops, 1), 0);
    g_assert_null (nf_note_get_cite_source (note));
    undo_one (view, canvas);
    g_assert_cmpstr (nf_note_get_cite_source (note), ==, was_source);
    g_assert_cmpuint (nf_note_get_cite_line (note), ==, was_line);
    g_assert_cmpuint (gtk_drop_down_get_selected (g_ptr_array_index (drops, 1)), ==, 1);
    gtk_spin_button_set_value (g_ptr_array_index (spins, 0), was_line + 5);
    g_assert_cmpuint (nf_note_get_cite_line (note), ==, was_line + 5);
    g_assert_cmpstr (nf_note_get_cite_source (note), ==, was_source);
    undo_one (view, canvas);
    g_assert_cmpuint (nf_note_get_cite_line (note), ==, was_line);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (g_ptr_array_index (spins, 0)), ==, (int) was_line);
    /* A range of lines: one step, undone. */
    gtk_spin_button_set_value (g_ptr_array_index (spins, 1), was_line + 2);
    g_assert_cmpuint (nf_note_get_cite_line (note), ==, was_line);
    g_assert_cmpuint (nf_note_get_cite_line_end (note), ==, was_line + 2);
    undo_one (view, canvas);
    g_assert_cmpuint (nf_note_get_cite_line_end (note), ==, was_line);
  }

  /* Conflict marks: typed, Enter, one step; a name of nothing is refused
   * on the field. */
  {
    GtkWidget *marks = g_ptr_array_index (entries, 1);
    NfNote *other = nf_test_note_at (canvas, NF_BLOCK_CHANNELS, 0);
    g_autofree char *typed = g_strdup_printf (" %s ,", nf_note_get_id (other));

    gtk_editable_set_text (GTK_EDITABLE (marks), typed);
    g_signal_emit_by_name (marks, "activate");
    g_assert_true (nf_note_conflicts_with (note, nf_note_get_id (other)));
    undo_one (view, canvas);
    g_assert_null (nf_note_get_conflicts (note)[0]);
    gtk_editable_set_text (GTK_EDITABLE (marks), "n-nothing");
    g_signal_emit_by_name (marks, "activate");
    g_assert_null (nf_note_get_conflicts (note)[0]);
    g_assert_true (gtk_widget_has_css_class (marks, "error"));
    gtk_editable_set_text (GTK_EDITABLE (marks), "");
    g_signal_emit_by_name (marks, "activate");
  }

  /* Tags: typed, Enter. */
  {
    GtkWidget *tags = g_ptr_array_index (entries, 0);
    const char *want[] = { "dealers", "media", NULL };

    gtk_editable_set_text (GTK_EDITABLE (tags), "dealers,  media ,");
    g_signal_emit_by_name (tags, "activate");
    g_assert_true (g_strv_equal (nf_note_get_tags (note), want));
    undo_one (view, canvas);
    g_assert_cmpstr (nf_note_get_tags (note)[0], ==, "advertising");
  }

  /* A translation: added, edited, removed; each undoable. */
  g_ptr_array_set_size (entries, 0);
  collect (popover, GTK_TYPE_ENTRY, entries);
  new_lang = g_ptr_array_index (entries, entries->len - 2);
  new_text = g_ptr_array_index (entries, entries->len - 1);
  add = find_button (popover, "_Add");
  g_assert_nonnull (add);
  gtk_editable_set_text (GTK_EDITABLE (new_lang), "zh_CN");
  gtk_editable_set_text (GTK_EDITABLE (new_text), "为经销商和汽车厂商提供广告");
  click (add);
  g_assert_cmpstr (nf_text_lookup (nf_note_get_text (note), "zh-CN"), ==, "为经销商和汽车厂商提供广告");
  g_assert_cmpstr (nf_text_get (nf_note_get_text (note)), ==, nf_text_get (text_before));
  settle (window);
  {
    g_autoptr(GPtrArray) now = g_ptr_array_new ();
    GtkWidget *row_entry;
    GtkWidget *remove;

    collect (popover, GTK_TYPE_ENTRY, now);
    /* tags, conflict marks, the zh-CN row, then the two of a new translation */
    g_assert_cmpuint (now->len, ==, 5);
    row_entry = g_ptr_array_index (now, 2);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row_entry)), ==, "为经销商和汽车厂商提供广告");
    gtk_editable_set_text (GTK_EDITABLE (row_entry), "为汽车经销商做广告");
    g_signal_emit_by_name (row_entry, "activate");
    g_assert_cmpstr (nf_text_lookup (nf_note_get_text (note), "zh-CN"), ==, "为汽车经销商做广告");
    undo_one (view, canvas);
    g_assert_cmpstr (nf_text_lookup (nf_note_get_text (note), "zh-CN"), ==, "为经销商和汽车厂商提供广告");
    settle (window);
    g_ptr_array_set_size (now, 0);
    collect (popover, GTK_TYPE_BUTTON, now);
    remove = NULL;
    for (guint i = 0; i < now->len; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (now, i)),
                     "Remove the translation (zh-CN)") == 0)
        remove = g_ptr_array_index (now, i);
    g_assert_nonnull (remove);
    click (remove);
    g_assert_null (nf_text_lookup (nf_note_get_text (note), "zh-CN"));
    undo_one (view, canvas);
    g_assert_nonnull (nf_text_lookup (nf_note_get_text (note), "zh-CN"));
    undo_one (view, canvas);
    g_assert_true (nf_text_equal (nf_note_get_text (note), text_before));
  }
  /* Each field was one step: nothing is left to undo. */
  g_assert_false (nf_history_can_undo (nf_canvas_get_history (canvas)));
  nf_text_unref (text_before);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Hover and screen readers: tags, evidence and source beside the text. */
static void
test_card_description (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (0, &error);
  GtkWidget *view, *window, *card;
  NfNote *note;
  NfSource *source;
  g_autofree char *expected = NULL;
  const char *tags[] = { "dealers", "<b>bold</b>", NULL };

  g_assert_no_error (error);
  window = show_view (canvas, &view);
  note = nf_test_note_at (canvas, NF_BLOCK_CHANNELS, 0);
  source = nf_canvas_find_source (canvas, "s1");
  g_assert_nonnull (source);
  nf_canvas_set_note_tags (canvas, note, tags);
  nf_canvas_set_note_evidence (canvas, note, NF_EVIDENCE_VALIDATED);
  nf_canvas_set_note_cite (canvas, note, "s1", 12);
  settle (window);
  card = nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note);
  g_assert_nonnull (card);
  expected = g_strdup_printf ("Evidence: Validated. Tags: dealers, <b>bold</b>. Source: %s, line 12",
                              nf_source_get_title (source));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  g_assert_true (gtk_widget_get_has_tooltip (card));
  {
    g_autofree char *markup = nf_note_card_get_tooltip_markup (NF_NOTE_CARD (card));
    g_autofree char *escaped_text = g_markup_escape_text (nf_text_get (nf_note_get_text (note)), -1);

    /* The whole text, then the details; the tag's markup stays text. */
    g_assert_true (g_str_has_prefix (markup, escaped_text));
    g_assert_nonnull (strstr (markup, "Evidence: Validated"));
    g_assert_nonnull (strstr (markup, "&lt;b&gt;bold&lt;/b&gt;"));
    g_assert_null (strstr (markup, "<b>"));
    g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A note at the limit of tags (NF_CANVAS_MAX_TAGS, all on one card, the
 * whole canvas in view): the window draws it as any card, within its
 * block, with the first tags on it and the rest counted, and the tooltip
 * is valid markup. A note with 10,000 tags once made the window abort. */
static void
test_card_tag_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (0, &error);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *view, *window, *card;
  graphene_rect_t bounds;
  NfNote *note;

  g_assert_no_error (error);
  for (guint i = 0; i < NF_CANVAS_MAX_TAGS; i++)
    g_ptr_array_add (tags, g_strdup_printf ("tag%04u", i));
  g_ptr_array_add (tags, NULL);
  window = show_view (canvas, &view);
  note = nf_test_note_at (canvas, NF_BLOCK_CHANNELS, 0);
  nf_canvas_set_note_tags (canvas, note, (const char * const *) tags->pdata);
  g_assert_cmpuint (g_strv_length ((char **) nf_note_get_tags (note)), ==, NF_CANVAS_MAX_TAGS);
  settle (window);
  card = nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note);
  g_assert_nonnull (card);
  nf_test_assert_showing (card);
  g_assert_true (gtk_widget_compute_bounds (card, view, &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 0);
  g_assert_cmpfloat (bounds.size.height, >, 0);
  /* No taller than the view: the tags do not stretch the card. */
  g_assert_cmpfloat (bounds.size.height, <=, gtk_widget_get_height (view));
  {
    g_autofree char *markup = nf_note_card_get_tooltip_markup (NF_NOTE_CARD (card));

    g_assert_nonnull (strstr (markup, "tag0000"));
    g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
  }
  {
    cairo_surface_t *pixels = nf_test_render (card);

    g_assert_nonnull (pixels);
    cairo_surface_destroy (pixels);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The card widget of `note` in the block, or NULL. */
static GtkWidget *
card_of_note (GtkWidget *block,
              NfNote    *note)
{
  for (guint i = 0; i < nf_block_widget_get_n_cards (NF_BLOCK_WIDGET (block)); i++)
    {
      GtkWidget *card = nf_block_widget_get_card (NF_BLOCK_WIDGET (block), i);

      if (card != NULL && nf_note_card_get_note (NF_NOTE_CARD (card)) == note)
        return card;
    }
  return NULL;
}

/* No card of the block's notes lies under the editor. */
static void
assert_editor_covers_no_card (GtkWidget *window,
                              GtkWidget *block,
                              GtkWidget *editor,
                              NfCanvas  *canvas,
                              NfBlock    kind)
{
  GListModel *notes = nf_canvas_get_notes (canvas, kind);
  graphene_rect_t e, c, overlap;

  g_assert_true (gtk_widget_compute_bounds (editor, window, &e));
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
      GtkWidget *card = card_of_note (block, note);

      if (card == NULL || !gtk_widget_get_mapped (card) ||
          !gtk_widget_compute_bounds (card, window, &c))
        continue;
      if (graphene_rect_intersection (&e, &c, &overlap))
        g_assert_cmpfloat (overlap.size.width * overlap.size.height, <, 2);
    }
}

/* A new note's editor stands in room the cards make for it, at its
 * place, and grows there as the text takes lines: the next card moves
 * down instead of lying under it. Gone again with the editor. */
static void
test_editor_makes_room (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (0, &error);
  GtkWidget *view, *window, *editor, *block;
  g_autoptr(NfNote) next = NULL;
  graphene_rect_t was, now, grown, e;
  guint before, cards;

  g_assert_no_error (error);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = show_view (canvas, &view);
  block = nf_canvas_view_get_block (NF_CANVAS_VIEW (view), NF_BLOCK_VALUE_PROPOSITIONS);
  next = g_object_ref (nf_test_note_at (canvas, NF_BLOCK_VALUE_PROPOSITIONS, 1));
  g_assert_true (gtk_widget_compute_bounds (card_of_note (block, next), window, &was));
  before = nf_canvas_get_n_notes (canvas);
  cards = nf_block_widget_get_n_cards (NF_BLOCK_WIDGET (block));
  gtk_widget_grab_focus (nf_block_widget_get_card (NF_BLOCK_WIDGET (block), 0));
  settle (window);

  /* `a` on the first note: a new note after it, before `next`. */
  editor = open_new_note (view, window);
  assert_editor_covers_no_card (window, block, editor, canvas, NF_BLOCK_VALUE_PROPOSITIONS);
  g_assert_true (gtk_widget_compute_bounds (card_of_note (block, next), window, &now));
  g_assert_true (gtk_widget_compute_bounds (editor, window, &e));
  g_assert_cmpfloat (now.origin.y, >=, e.origin.y + e.size.height);
  g_test_message ("next card at y %g before, %g with the editor (%g tall at %g)",
                  was.origin.y, now.origin.y, e.size.height, e.origin.y);

  type_text (editor, "Dealers see every lead in one inbox, priced by the model year, the "
                     "city and the trim, and answer from the same screen");
  settle (window);
  assert_editor_covers_no_card (window, block, editor, canvas, NF_BLOCK_VALUE_PROPOSITIONS);
  g_assert_true (gtk_widget_compute_bounds (card_of_note (block, next), window, &grown));
  g_assert_cmpfloat (grown.origin.y, >, now.origin.y);
  save_png (render (window), "note-editor-room.png");

  /* Escape: nothing added, no room kept. */
  press_in_editor (editor, GDK_KEY_Escape);
  settle (window);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, before);
  g_assert_cmpuint (nf_block_widget_get_n_cards (NF_BLOCK_WIDGET (block)), ==, cards);
  g_assert_true (gtk_widget_compute_bounds (card_of_note (block, next), window, &now));
  g_assert_cmpfloat (fabs (now.origin.y - was.origin.y), <, 1);

  /* Enter: the note takes the room it had, and only it. */
  gtk_widget_grab_focus (nf_block_widget_get_card (NF_BLOCK_WIDGET (block), 0));
  settle (window);
  editor = open_new_note (view, window);
  type_text (editor, "A kept note");
  press_in_editor (editor, GDK_KEY_Return);
  settle (window);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, before + 1);
  g_assert_cmpuint (nf_block_widget_get_n_cards (NF_BLOCK_WIDGET (block)), ==, cards + 1);
  g_assert_cmpstr (nf_text_get (nf_note_get_text (nf_test_note_at (canvas, NF_BLOCK_VALUE_PROPOSITIONS, 1))),
                   ==, "A kept note");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A tooltip set on a widget before it has a parent (as the zoom buttons
 * are made) skips GTK's pointer query but is the tooltip all the same:
 * the text, the accessible description, and the widget shown or hidden
 * as it was. */
static void
test_tooltip_unparented (void)
{
  for (guint shown = 0; shown <= 1; shown++)
    {
      GtkWidget *button = g_object_ref_sink (gtk_button_new_from_icon_name ("zoom-in-symbolic"));

      gtk_widget_set_visible (button, shown);
      nf_tooltip_set_text_unparented (button, "Zoom <In> & out");
      g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Zoom <In> & out");
      g_assert_cmpstr (gtk_widget_get_tooltip_markup (button), ==, "Zoom &lt;In&gt; &amp; out");
      g_assert_true (gtk_widget_get_has_tooltip (button));
      g_assert_cmpint (gtk_widget_get_visible (button), ==, shown);
      nf_tooltip_set_text_unparented (button, NULL);
      g_assert_false (gtk_widget_get_has_tooltip (button));
      g_assert_cmpint (gtk_widget_get_visible (button), ==, shown);
      g_object_unref (button);
    }
}

static gboolean
query_wrapped_tooltip (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       const char *markup)
{
  nf_tooltip_set_wrapped_markup (tooltip, markup);
  return TRUE;
}

static GtkWidget *
find_tooltip_window (GtkWidget *toplevel)
{
  for (GtkWidget *c = gtk_widget_get_first_child (toplevel); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_NATIVE (c) && g_str_equal (G_OBJECT_TYPE_NAME (c), "GtkTooltipWindow"))
      return c;
  return NULL;
}

static gboolean
tooltip_shown (gpointer data)
{
  GtkWidget *tooltip = find_tooltip_window (data);

  return tooltip != NULL && gtk_widget_get_mapped (tooltip) && gtk_widget_get_height (tooltip) > 0;
}

/* Hovering a card of the Shupao case once showed its tooltip as a black
 * box near a screen in size with the text at its foot: the tooltip's
 * surface, not the label, had grown. So this shows the markup through
 * GTK's own tooltip (the pointer over a widget that covers the screen, as
 * under the test display) and measures the tooltip window and its
 * surface against the wrapped text. Skips when the pointer is elsewhere. */
static void
assert_tooltip_fits_text (const char *markup,
                          int         char_width)
{
  GtkWidget *area = gtk_drawing_area_new ();
  GtkWidget *window, *tooltip, *label;
  GdkMonitor *monitor;
  GdkRectangle screen;
  GdkSurface *surface;
  PangoLayout *layout;
  PangoFontMetrics *metrics;
  double px, py;
  int text_width, text_height, line_height, lines;

  monitor = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
  g_assert_nonnull (monitor);
  gdk_monitor_get_geometry (monitor, &screen);
  g_object_unref (monitor);
  gtk_widget_set_has_tooltip (area, TRUE);
  g_signal_connect (area, "query-tooltip", G_CALLBACK (query_wrapped_tooltip), (gpointer) markup);
  window = nf_test_show (area, screen.width, screen.height);
  if (gdk_device_get_surface_at_position (gdk_seat_get_pointer (gdk_display_get_default_seat (gdk_display_get_default ())),
                                          &px, &py) !=
      gtk_native_get_surface (GTK_NATIVE (window)))
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_test_skip ("the pointer is not over the test's window");
      return;
    }
  gtk_widget_trigger_tooltip_query (area);
  nf_test_wait_for (tooltip_shown, window, 10, "the tooltip");
  tooltip = find_tooltip_window (window);
  nf_test_settle (tooltip);
  label = nf_test_find_type (tooltip, GTK_TYPE_LABEL);
  while (label != NULL && !gtk_widget_get_visible (label))
    label = gtk_widget_get_next_sibling (label);
  g_assert_nonnull (label);
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));

  layout = gtk_label_get_layout (GTK_LABEL (label));
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  lines = pango_layout_get_line_count (layout);
  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (label), NULL, NULL);
  line_height = PANGO_PIXELS (pango_font_metrics_get_height (metrics));
  if (line_height <= 0)
    line_height = PANGO_PIXELS (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics));
  pango_font_metrics_unref (metrics);
  g_test_message ("tooltip %d×%d, label %d×%d, text %d×%d in %d lines of %d px, surface %d×%d",
                  gtk_widget_get_width (tooltip), gtk_widget_get_height (tooltip),
                  gtk_widget_get_width (label), gtk_widget_get_height (label),
                  text_width, text_height, lines, line_height,
                  gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (tooltip))),
                  gdk_surface_get_height (gtk_native_get_surface (GTK_NATIVE (tooltip))));

  /* A few lines at a readable measure, words whole. */
  g_assert_cmpint (lines, >=, 1);
  g_assert_cmpint (lines, <=, 8);
  g_assert_cmpint (text_height, <=, lines * line_height + 4);
  /* The label is as tall as its text, the tooltip as the label and its
   * padding (no empty band above or below the text). */
  g_assert_cmpint (gtk_widget_get_height (label), <=, text_height + 4);
  g_assert_cmpint (gtk_widget_get_height (tooltip), <=, text_height + 4);
  g_assert_cmpint (gtk_widget_get_height (tooltip), <=, lines * line_height + 4);
  /* No wider than the measure, nor than its text with a character to
   * spare (the label once asked for the whole measure, and the tooltip
   * showed a dark band right of a shorter text). */
  g_assert_cmpint (gtk_widget_get_width (label), <=, 56 * char_width + 4);
  g_assert_cmpint (gtk_widget_get_width (tooltip), <=, text_width + 2 * char_width + 4);
  /* What is drawn: the surface is the tooltip and its shadow, no more. */
  surface = gtk_native_get_surface (GTK_NATIVE (tooltip));
  g_assert_cmpint (gdk_surface_get_height (surface), <=, gtk_widget_get_height (tooltip) + 64);
  g_assert_cmpint (gdk_surface_get_width (surface), <=, gtk_widget_get_width (tooltip) + 64);
  g_assert_cmpint (gdk_surface_get_height (surface), <, screen.height / 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Hovering a long card in Value Propositions (Bitauto, 1366x768) once
 * showed its tooltip as a column one or two words wide, with words
 * hyphenated: the wrapping label asked for a single character's width,
 * and the tooltip window laid it out at that. Shown at the least width
 * it asks for, the label is still a readable line, and its text never
 * wider than the measure. */
static void
test_card_tooltip_width (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (0, &error);
  GtkWidget *view, *window, *card, *label, *popup;
  PangoLayout *layout;
  NfNote *longest = NULL;
  int char_width, width;

  g_assert_no_error (error);
  window = show_view (canvas, &view);
  for (guint i = 0; i < g_list_model_get_n_items (nf_canvas_get_notes (canvas, NF_BLOCK_VALUE_PROPOSITIONS)); i++)
    {
      NfNote *note = nf_test_note_at (canvas, NF_BLOCK_VALUE_PROPOSITIONS, i);

      if (longest == NULL || strlen (nf_text_get (nf_note_get_text (note))) >
                             strlen (nf_text_get (nf_note_get_text (longest))))
        longest = note;
    }
  g_assert_nonnull (longest);
  g_assert_cmpuint (g_utf8_strlen (nf_text_get (nf_note_get_text (longest)), -1), >, 100);
  settle (window);
  card = nf_canvas_view_get_card (NF_CANVAS_VIEW (view), longest);
  g_assert_nonnull (card);
  label = nf_note_card_new_tooltip_label (NF_NOTE_CARD (card));
  g_assert_nonnull (label);
  g_assert_true (GTK_IS_LABEL (label));

  /* A window of its least width, as the tooltip window may give it. */
  popup = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (popup), 1, 1);
  gtk_window_set_decorated (GTK_WINDOW (popup), FALSE);
  gtk_window_set_child (GTK_WINDOW (popup), label);
  gtk_window_present (GTK_WINDOW (popup));
  settle (popup);
  {
    PangoContext *context = gtk_widget_get_pango_context (label);
    PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

    /* As GtkLabel counts a character. */
    char_width = PANGO_PIXELS (MAX (pango_font_metrics_get_approximate_char_width (metrics),
                                    pango_font_metrics_get_approximate_digit_width (metrics)));
    pango_font_metrics_unref (metrics);
  }
  width = gtk_widget_get_width (label);
  g_assert_cmpint (width, >=, 30 * char_width);
  g_assert_cmpint (width, <=, 64 * char_width);
  /* No word of the note was broken across lines. */
  layout = gtk_label_get_layout (GTK_LABEL (label));
  g_assert_cmpint (pango_layout_get_line_count (layout), <=, 8);
  for (int i = 0; i < pango_layout_get_line_count (layout); i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);
      const char *text = pango_layout_get_text (layout);
      int end = line->start_index + line->length;

      if (end > 0 && text[end] != '\0')
        g_assert_true (g_ascii_isspace (text[end - 1]) || g_ascii_isspace (text[end]) ||
                       text[end - 1] == '\n' || g_ascii_ispunct (text[end - 1]));
    }
  gtk_window_destroy (GTK_WINDOW (popup));
  {
    g_autofree char *markup = nf_note_card_get_tooltip_markup (NF_NOTE_CARD (card));

    assert_tooltip_fits_text (markup, char_width);
  }
  /* A short one, and a Chinese one with its details, as the compare view
   * and a zh_CN canvas show them. */
  assert_tooltip_fits_text ("Lynk &amp; Co", char_width);
  assert_tooltip_fits_text ("数跑科技的新零售运营云支持全渠道营销，为经销商和品牌赋能，覆盖从线索到成交再到售后服务的全过程。\n"
                            "<small>证据：报道\n来源：爱分析专访，第 21 行</small>", char_width);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* The strings asserted are the English ones. */
  g_setenv ("LANGUAGE", "C", TRUE);
  if (!nf_test_gui_init (&argc, &argv))
    return 0;
  nf_test_gui_load_style ();

  g_test_add_func ("/gui/note-ux/editor-visible", test_editor_visible);
  g_test_add_func ("/gui/note-ux/undo-add-focus", test_undo_add_focus);
  g_test_add_func ("/gui/note-ux/clipboard", test_clipboard);
  g_test_add_func ("/gui/note-ux/clipboard-hostile", test_clipboard_hostile);
  g_test_add_func ("/gui/note-ux/delete-toast", test_delete_toast);
  g_test_add_func ("/gui/note-ux/find", test_find);
  g_test_add_func ("/gui/note-ux/details", test_details);
  g_test_add_func ("/gui/note-ux/card-description", test_card_description);
  g_test_add_func ("/gui/note-ux/card-tag-limit", test_card_tag_limit);
  g_test_add_func ("/gui/note-ux/card-tooltip-width", test_card_tooltip_width);
  g_test_add_func ("/gui/note-ux/tooltip-unparented", test_tooltip_unparented);
  g_test_add_func ("/gui/note-ux/editor-makes-room", test_editor_makes_room);
  return g_test_run ();
}
