/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A merge's conflicts in the window: a merged file opens at its
 * conflicts, with a banner whose Next selects each conflicting card; the
 * cards say which version they are; Take Theirs settles one as a step
 * that Ctrl+Z takes back. And a version from git shown read only. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "nf-canvas-xml-private.h"
#include "nf-canvas-view.h"
#include "nf-conflict-bar.h"
#include "nf-editor-page.h"
#include "nf-table-editor.h"
#include "nf-test-gui.h"

static NfCanvas *
copy_canvas (NfCanvas *canvas)
{
  g_autoptr(GBytes) bytes = _nf_canvas_serialize (canvas, NULL);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  NfCanvas *copy = nf_canvas_load_from_data (data, size, "copy", &error);

  g_assert_no_error (error);
  return copy;
}

static void
add_note (NfCanvas   *canvas,
          NfBlock     block,
          const char *id,
          const char *text)
{
  g_autoptr(NfText) t = nf_text_new (text);
  g_autoptr(NfNote) note = nf_note_new (id, t);
  g_autoptr(GError) error = NULL;

  nf_canvas_insert_note (canvas, block, g_list_model_get_n_items (nf_canvas_get_notes (canvas, block)),
                         note, &error);
  g_assert_no_error (error);
}

/* Title and two notes changed both ways: three conflicts, the title's
 * first, then n1 against n1.2 and n3 against n3.2. */
static NfCanvas *
merged_canvas (void)
{
  g_autoptr(NfCanvas) base = nf_canvas_new ();
  g_autoptr(NfCanvas) ours = NULL, theirs = NULL;
  const char *ids[] = { "n1", "n3" };
  NfCanvas *merged;
  guint n = 0;

  nf_canvas_set_company (base, "Acme");
  nf_canvas_set_title (base, "Plan");
  add_note (base, NF_BLOCK_KEY_PARTNERS, "n1", "Suppliers");
  add_note (base, NF_BLOCK_CHANNELS, "n2", "Web shop");
  add_note (base, NF_BLOCK_REVENUE_STREAMS, "n3", "Subscriptions");
  ours = copy_canvas (base);
  theirs = copy_canvas (base);
  nf_canvas_set_title (ours, "Our plan");
  nf_canvas_set_title (theirs, "Their plan");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(NfText) a = nf_text_new ("ours says");
      g_autoptr(NfText) b = nf_text_new ("theirs says");

      nf_canvas_set_note_text (ours, nf_canvas_find_note (ours, ids[i], NULL, NULL), a);
      nf_canvas_set_note_text (theirs, nf_canvas_find_note (theirs, ids[i], NULL, NULL), b);
    }
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (nf_canvas_get_conflict (merged, 0)->kind, ==, NF_CONFLICT_TITLE);
  g_assert_cmpstr (nf_canvas_get_conflict (merged, 1)->ours, ==, "n1");
  return merged;
}

static gboolean
not_busy (gpointer data)
{
  return !nf_window_get_busy (data) && nf_window_get_canvas_view (data) != NULL;
}

static gboolean
only_selected (NfCanvasView *view,
               NfNote       *note)
{
  g_autoptr(GPtrArray) selection = nf_canvas_view_get_selection (view);

  return selection->len == 1 && g_ptr_array_index (selection, 0) == note;
}

static void
assert_description (GtkWidget  *card,
                    const char *expected)
{
  g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (card),
                                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                 expected);

  g_assert_null (problem);
}

/* The merged file opens at its conflicts: the banner counts them, Next
 * selects and focuses each conflicting card, and both versions' cards are
 * marked (drawn and told). */
static void
test_banner (void)
{
  g_autoptr(NfCanvas) merged = merged_canvas ();
  g_autoptr(GBytes) bytes = _nf_canvas_serialize (merged, NULL);
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "merged.ninefold", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  NfWindow *window = nf_test_new_window (1366, 768);
  NfCanvasView *view;
  NfCanvas *canvas;
  GtkWidget *page, *bar, *ours_card, *theirs_card;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  nf_window_open_files (window, &file, 1);
  nf_test_wait_for (not_busy, window, 30, "the merged file");
  nf_test_settle (GTK_WIDGET (window));
  view = NF_CANVAS_VIEW (nf_window_get_canvas_view (window));
  canvas = nf_canvas_view_get_canvas (view);
  page = gtk_widget_get_ancestor (GTK_WIDGET (view), NF_TYPE_EDITOR_PAGE);
  bar = nf_editor_page_get_conflict_bar (NF_EDITOR_PAGE (page));
  nf_test_assert_showing (bar);
  g_assert_nonnull (nf_test_find_label (bar, "3 conflicts from a merge"));
  g_assert_nonnull (nf_test_find (bar, nf_test_label_contains, "Title: ours “Our plan”, theirs “Their plan”"));

  ours_card = nf_canvas_view_get_card (view, nf_canvas_find_note (canvas, "n1", NULL, NULL));
  theirs_card = nf_canvas_view_get_card (view, nf_canvas_find_note (canvas, "n1.2", NULL, NULL));
  g_assert_cmpint (nf_note_card_get_conflict (NF_NOTE_CARD (ours_card)), ==, NF_CONFLICT_SIDE_OURS);
  g_assert_cmpint (nf_note_card_get_conflict (NF_NOTE_CARD (theirs_card)), ==, NF_CONFLICT_SIDE_THEIRS);
  assert_description (ours_card, "Conflict: ours, beside their version");
  assert_description (theirs_card, "Conflict: theirs, beside our version");
  g_assert_cmpint (nf_note_card_get_conflict (NF_NOTE_CARD (nf_canvas_view_get_card (
                     view, nf_canvas_find_note (canvas, "n2", NULL, NULL)))), ==, NF_CONFLICT_SIDE_NONE);
  {
    /* The badge's orange at the card's top right corner. */
    cairo_surface_t *shot = nf_test_render (ours_card);
    int w = cairo_image_surface_get_width (shot);
    guint8 rgb[3];

    nf_test_pixel (shot, w - 3, 3, rgb);
    g_assert_cmpuint (rgb[0], >, 180);
    g_assert_cmpuint (rgb[2], <, 120);
    cairo_surface_destroy (shot);
  }

  g_assert_true (gtk_widget_activate_action (bar, "conflicts.next", NULL));
  nf_test_settle (GTK_WIDGET (window));
  g_assert_cmpuint (nf_conflict_bar_get_current (NF_CONFLICT_BAR (bar)), ==, 1);
  g_assert_true (only_selected (view, nf_canvas_find_note (canvas, "n1", NULL, NULL)));
  g_assert_true (gtk_widget_has_focus (ours_card));
  g_assert_nonnull (nf_test_find (bar, nf_test_label_contains, "A note edited both ways"));

  g_assert_true (gtk_widget_activate_action (bar, "conflicts.next", NULL));
  nf_test_settle (GTK_WIDGET (window));
  g_assert_true (only_selected (view, nf_canvas_find_note (canvas, "n3", NULL, NULL)));
  /* F8 from the grid goes on, round to the title's. */
  g_assert_true (gtk_widget_activate_action (bar, "conflicts.previous", NULL));
  g_assert_true (only_selected (view, nf_canvas_find_note (canvas, "n1", NULL, NULL)));
  nf_test_screenshot (GTK_WIDGET (window), "conflicts-banner.png");
  /* F8 wherever the focus is: on to n3's conflict, Shift+F8 back. */
  g_assert_true (nf_test_press_shortcut (page, GDK_KEY_F8, 0));
  g_assert_true (only_selected (view, nf_canvas_find_note (canvas, "n3", NULL, NULL)));
  g_assert_true (nf_test_press_shortcut (page, GDK_KEY_F8, GDK_SHIFT_MASK));
  g_assert_true (only_selected (view, nf_canvas_find_note (canvas, "n1", NULL, NULL)));

  gtk_window_destroy (GTK_WINDOW (window));
  nf_test_remove_tree (dir);
}

/* Forty notes in Key Partners, the last (n40, far down a block that
 * scrolls) and n3 edited both ways: two note conflicts, n3's first. */
static NfCanvas *
merged_deep_canvas (void)
{
  g_autoptr(NfCanvas) base = nf_canvas_new ();
  g_autoptr(NfCanvas) ours = NULL, theirs = NULL;
  const char *ids[] = { "n3", "n40" };
  NfCanvas *merged;
  guint n = 0;

  nf_canvas_set_company (base, "Acme");
  nf_canvas_set_title (base, "Plan");
  for (guint i = 1; i <= 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      g_autofree char *text = g_strdup_printf ("Partner number %u, who supplies parts", i);

      add_note (base, NF_BLOCK_KEY_PARTNERS, id, text);
    }
  ours = copy_canvas (base);
  theirs = copy_canvas (base);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(NfText) a = nf_text_new ("ours says");
      g_autoptr(NfText) b = nf_text_new ("theirs says");

      nf_canvas_set_note_text (ours, nf_canvas_find_note (ours, ids[i], NULL, NULL), a);
      nf_canvas_set_note_text (theirs, nf_canvas_find_note (theirs, ids[i], NULL, NULL), b);
    }
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 2);
  return merged;
}

/* The card of the bar's current conflict has the focus, and is in sight
 * in its block (scrolled to, not below the block's edge). */
static void
assert_focus_on_current (GtkWidget    *bar,
                         NfCanvasView *view,
                         NfCanvas     *canvas,
                         const char   *id)
{
  const NfConflict *c = nf_canvas_get_conflict (canvas, nf_conflict_bar_get_current (NF_CONFLICT_BAR (bar)));
  NfNote *note = nf_canvas_find_note (canvas, id, NULL, NULL);
  GtkWidget *card = nf_canvas_view_get_card (view, note);
  GtkWidget *block;
  graphene_rect_t bounds;

  g_assert_cmpstr (c->ours, ==, id);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_has_focus (card));
  g_assert_true (only_selected (view, note));
  block = gtk_widget_get_parent (card);
  g_assert_true (gtk_widget_compute_bounds (card, block, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (block));
}

/* No waiting frame by frame for a card: a page opened at a note's conflict
 * focuses its card at its first layout (one frame), and F8 to a note
 * far down a scrolling block focuses its card at once and scrolls to it. */
static void
test_focus_at_first_layout (void)
{
  g_autoptr(NfCanvas) merged = merged_deep_canvas ();
  g_autoptr(NfDocument) document = nf_document_new (merged, NULL, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = nf_editor_page_new (document);
  GtkWidget *bar = nf_editor_page_get_conflict_bar (NF_EDITOR_PAGE (page));
  NfCanvasView *view = NF_CANVAS_VIEW (nf_editor_page_get_canvas_view (NF_EDITOR_PAGE (page)));

  g_assert_cmpuint (nf_conflict_bar_get_current (NF_CONFLICT_BAR (bar)), ==, 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  assert_focus_on_current (bar, view, merged, "n3");

  g_assert_true (nf_test_press_shortcut (page, GDK_KEY_F8, 0));
  g_assert_true (gtk_widget_has_focus (nf_canvas_view_get_card (view, nf_canvas_find_note (merged, "n40", NULL, NULL))));
  gtk_test_widget_wait_for_draw (window);
  assert_focus_on_current (bar, view, merged, "n40");
  g_assert_true (nf_test_press_shortcut (page, GDK_KEY_F8, 0));
  assert_focus_on_current (bar, view, merged, "n3");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Take Theirs on a card: ours goes, the conflict with it, as one step;
 * Ctrl+Z brings both back. The banner settles the title the same way. */
static void
test_take_theirs (void)
{
  g_autoptr(NfCanvas) merged = merged_canvas ();
  g_autoptr(NfDocument) document = nf_document_new (merged, NULL, NULL);
  GtkWidget *page = nf_editor_page_new (document);
  GtkWidget *window = nf_test_show (page, 1366, 768);
  NfCanvasView *view = NF_CANVAS_VIEW (nf_editor_page_get_canvas_view (NF_EDITOR_PAGE (page)));
  GtkWidget *bar = nf_editor_page_get_conflict_bar (NF_EDITOR_PAGE (page));
  NfHistory *history = nf_canvas_get_history (merged);
  NfNote *theirs = nf_canvas_find_note (merged, "n1.2", NULL, NULL);
  GtkWidget *card;

  nf_canvas_view_show_note (view, nf_canvas_find_note (merged, "n1", NULL, NULL));
  nf_test_settle (window);
  /* The card's menu and its details offer the three choices. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.note-menu", NULL));
  nf_test_settle (window);
  nf_test_screenshot (window, "conflict-menu.png");
  gtk_popover_popdown (GTK_POPOVER (nf_test_find_type (GTK_WIDGET (view), GTK_TYPE_POPOVER_MENU)));
  nf_test_settle (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.note-details", NULL));
  nf_test_settle (window);
  nf_test_assert_showing (nf_test_find (GTK_WIDGET (view), nf_test_label_contains,
                                        "this is our version, the other card is theirs"));
  nf_test_screenshot (window, "conflict-details.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.resolve-conflict", "s", "theirs"));
  nf_test_settle (window);
  g_assert_null (nf_canvas_find_note (merged, "n1", NULL, NULL));
  g_assert_true (nf_canvas_find_note (merged, "n1.2", NULL, NULL) == theirs);
  g_assert_cmpuint (nf_canvas_get_n_conflicts (merged), ==, 2);
  g_assert_nonnull (nf_test_find_label (bar, "2 conflicts from a merge"));
  card = nf_canvas_view_get_card (view, theirs);
  g_assert_cmpint (nf_note_card_get_conflict (NF_NOTE_CARD (card)), ==, NF_CONFLICT_SIDE_NONE);
  g_assert_cmpstr (nf_history_get_undo_label (history), ==, "Take Theirs");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.undo", NULL));
  nf_test_settle (window);
  g_assert_nonnull (nf_canvas_find_note (merged, "n1", NULL, NULL));
  g_assert_cmpuint (nf_canvas_get_n_conflicts (merged), ==, 3);
  g_assert_nonnull (nf_test_find_label (bar, "3 conflicts from a merge"));
  card = nf_canvas_view_get_card (view, theirs);
  g_assert_cmpint (nf_note_card_get_conflict (NF_NOTE_CARD (card)), ==, NF_CONFLICT_SIDE_THEIRS);

  /* The title's conflict from the banner. */
  nf_conflict_bar_go (NF_CONFLICT_BAR (bar), -nf_conflict_bar_get_current (NF_CONFLICT_BAR (bar)));
  g_assert_cmpuint (nf_conflict_bar_get_current (NF_CONFLICT_BAR (bar)), ==, 0);
  g_assert_true (gtk_widget_activate_action (bar, "conflicts.resolve", "s", "theirs"));
  g_assert_cmpstr (nf_canvas_get_title (merged), ==, "Their plan");
  g_assert_cmpuint (nf_canvas_get_n_conflicts (merged), ==, 2);
  g_assert_true (nf_history_undo (history));
  g_assert_cmpuint (nf_canvas_get_n_conflicts (merged), ==, 3);
  g_assert_cmpstr (nf_canvas_get_title (merged), ==, "Our plan");

  /* All settled: the banner goes. */
  while (nf_canvas_get_n_conflicts (merged) > 0)
    g_assert_true (gtk_widget_activate_action (bar, "conflicts.resolve", "s", "both"));
  nf_test_settle (window);
  g_assert_false (gtk_widget_get_visible (bar));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A fleet of 40 rows "Item N" (N from 1), "Cars" N, and a note n1. Ours
 * and theirs each change n1, row 31's cars and add a row "Vans" with
 * different cars: a note's conflict, a cell's and a row's. */
static NfCanvas *
merged_tables_canvas (void)
{
  g_autoptr(NfCanvas) base = nf_canvas_new ();
  g_autoptr(NfCanvas) ours = NULL, theirs = NULL;
  g_autoptr(NfText) title = nf_text_new ("Fleet");
  g_autoptr(NfMetricTable) table = nf_metric_table_new ("t1", title);
  g_autoptr(NfText) label = nf_text_new ("Kind");
  g_autoptr(NfText) cars = nf_text_new ("Cars");
  g_autoptr(GError) error = NULL;
  NfCanvas *sides[2];
  NfMetricTable *t;
  NfCanvas *merged;
  guint n = 0;

  nf_canvas_set_company (base, "Acme");
  nf_canvas_set_title (base, "Plan");
  add_note (base, NF_BLOCK_KEY_PARTNERS, "n1", "Suppliers");
  nf_canvas_insert_table (base, 0, table, &error);
  g_assert_no_error (error);
  t = nf_canvas_find_table (base, "t1", NULL);
  nf_canvas_insert_table_column (base, t, 0, label, NF_COLUMN_TEXT, NULL);
  nf_canvas_insert_table_column (base, t, 1, cars, NF_COLUMN_COUNT, NULL);
  for (guint r = 0; r < 40; r++)
    {
      g_autofree char *name = g_strdup_printf ("Item %u", r + 1);
      g_autofree char *count = g_strdup_printf ("%u", r + 1);
      const char * const row[] = { name, count, NULL };

      nf_canvas_insert_table_row (base, t, r, row);
    }
  ours = copy_canvas (base);
  theirs = copy_canvas (base);
  sides[0] = ours;
  sides[1] = theirs;
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(NfText) text = nf_text_new (i == 0 ? "ours says" : "theirs says");
      const char * const vans[] = { "Vans", i == 0 ? "7" : "9", NULL };
      NfMetricTable *side_table = nf_canvas_find_table (sides[i], "t1", NULL);

      nf_canvas_set_note_text (sides[i], nf_canvas_find_note (sides[i], "n1", NULL, NULL), text);
      nf_canvas_set_table_cell (sides[i], side_table, 30, 1, i == 0 ? "310" : "320");
      nf_canvas_insert_table_row (sides[i], side_table, 40, vans);
    }
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 3);
  return merged;
}

static guint
find_conflict (NfCanvas       *canvas,
               NfConflictKind  kind)
{
  for (guint i = 0; i < nf_canvas_get_n_conflicts (canvas); i++)
    if (nf_canvas_get_conflict (canvas, i)->kind == kind)
      return i;
  g_assert_not_reached ();
}

/* Steps the banner, with F8 as a user would, to the conflict at `index`. */
static void
step_to (GtkWidget *page,
         GtkWidget *bar,
         guint      index)
{
  NfCanvas *canvas = nf_document_get_canvas (nf_editor_page_get_document (NF_EDITOR_PAGE (page)));

  for (guint i = 0; i < nf_canvas_get_n_conflicts (canvas) &&
                    nf_conflict_bar_get_current (NF_CONFLICT_BAR (bar)) != index; i++)
    g_assert_true (nf_test_press_shortcut (page, GDK_KEY_F8, 0));
  g_assert_cmpuint (nf_conflict_bar_get_current (NF_CONFLICT_BAR (bar)), ==, index);
  /* A row out of view: the list scrolls, then binds its cells. */
  for (guint i = 0; i < 5; i++)
    nf_test_settle (gtk_widget_get_ancestor (page, GTK_TYPE_WINDOW));
}

/* The Metric Tables tab is in front, on `table`, with the cursor and the
 * keyboard focus on the cell at (row, column), scrolled to. */
static void
assert_at_cell (GtkWidget     *window,
                NfMetricTable *table,
                guint          row,
                guint          column)
{
  GtkWidget *editor = nf_test_find_type (window, NF_TYPE_TABLE_EDITOR);
  GtkWidget *cell, *focus;
  guint cursor_row, cursor_column;

  g_assert_nonnull (editor);
  nf_test_assert_showing (editor);
  g_assert_true (nf_table_editor_get_table (NF_TABLE_EDITOR (editor)) == table);
  nf_table_editor_get_cursor (NF_TABLE_EDITOR (editor), &cursor_row, &cursor_column);
  g_assert_cmpuint (cursor_row, ==, row);
  g_assert_cmpuint (cursor_column, ==, column);
  cell = nf_table_editor_get_cell_widget (NF_TABLE_EDITOR (editor), row, column);
  g_assert_nonnull (cell);
  nf_test_assert_showing (cell);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == cell || gtk_widget_is_ancestor (focus, cell));
}

/* F8 onto a cell's or a row's conflict opens the Metric Tables tab on its
 * table with the cell (for a row, the row's first cell) under the cursor
 * and the focus; onto a note's, back to the canvas and its card. */
static void
test_table_conflicts (void)
{
  g_autoptr(NfCanvas) merged = merged_tables_canvas ();
  g_autoptr(NfDocument) document = nf_document_new (merged, NULL, NULL);
  GtkWidget *page = nf_editor_page_new (document);
  GtkWidget *window = nf_test_show (page, 1366, 768);
  NfCanvasView *view = NF_CANVAS_VIEW (nf_editor_page_get_canvas_view (NF_EDITOR_PAGE (page)));
  GtkWidget *bar = nf_editor_page_get_conflict_bar (NF_EDITOR_PAGE (page));
  NfMetricTable *table = nf_canvas_find_table (merged, "t1", NULL);
  guint cell = find_conflict (merged, NF_CONFLICT_CELL);
  guint row = find_conflict (merged, NF_CONFLICT_ROW);
  guint note = find_conflict (merged, NF_CONFLICT_NOTE);
  const NfConflict *c;
  NfNote *n1 = nf_canvas_find_note (merged, "n1", NULL, NULL);
  /* As in the table editor's test of a row scrolled to: GTK 4.8 warns
   * ("unexpected blinking selection") when a recycled cell takes the focus
   * while its cursor blinks; the cell works, so warnings are not fatal
   * here. Criticals still are. */
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  nf_test_settle (window);
  c = nf_canvas_get_conflict (merged, cell);
  g_assert_cmpstr (c->table, ==, "t1");
  g_assert_cmpuint (c->row, ==, 30);
  g_assert_cmpuint (c->column, ==, 1);
  c = nf_canvas_get_conflict (merged, row);
  g_assert_cmpint (nf_conflict_row_of (c, TRUE), ==, 40);

  step_to (page, bar, note);
  nf_test_assert_showing (GTK_WIDGET (view));
  g_assert_true (only_selected (view, n1));
  step_to (page, bar, cell);
  g_assert_nonnull (nf_test_find (bar, nf_test_label_contains, "Table “Fleet”, row 31, column 2"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  assert_at_cell (window, table, 30, 1);
  nf_test_screenshot (window, "conflict-cell.png");
  step_to (page, bar, row);
  assert_at_cell (window, table, 40, 0);
  g_assert_nonnull (nf_test_find (bar, nf_test_label_contains, "row 41 “Vans”"));
  nf_test_screenshot (window, "conflict-row.png");

  /* Back to the note's: the canvas again, the card selected and focused. */
  step_to (page, bar, note);
  nf_test_assert_showing (GTK_WIDGET (view));
  g_assert_true (only_selected (view, n1));
  g_assert_true (gtk_widget_has_focus (nf_canvas_view_get_card (view, n1)));
  gtk_window_destroy (GTK_WINDOW (window));
  g_log_set_always_fatal (fatal);
}

static gboolean
button_label_is (GtkWidget    *widget,
                 gconstpointer text)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}

/* Every kind of conflict a merge leaves, in one canvas: the Fleet table's
 * title edited both ways (the whole table), the canvas's title, a source
 * and a rate; plus the note, cell and row of merged_tables_canvas(). */
static NfCanvas *
merged_every_kind_canvas (void)
{
  g_autoptr(NfCanvas) base = nf_canvas_new ();
  g_autoptr(NfCanvas) ours = NULL, theirs = NULL;
  g_autoptr(NfText) fleet = nf_text_new ("Fleet");
  g_autoptr(NfText) prices = nf_text_new ("Prices");
  g_autoptr(NfMetricTable) t1 = nf_metric_table_new ("t1", fleet);
  g_autoptr(NfMetricTable) t2 = nf_metric_table_new ("t2", prices);
  g_autoptr(NfText) label = nf_text_new ("Kind");
  g_autoptr(NfText) cars = nf_text_new ("Cars");
  g_autoptr(NfSource) source = nf_source_new ("s1", "Annual report", "Acme", "2024", "report.txt");
  g_autoptr(NfRate) rate = nf_rate_new ("USD", "CNY", 7.1, NULL);
  g_autoptr(GError) error = NULL;
  NfCanvas *sides[2];
  NfCanvas *merged;
  NfMetricTable *t;
  guint n = 0;

  nf_canvas_set_company (base, "Acme");
  nf_canvas_set_title (base, "Plan");
  add_note (base, NF_BLOCK_KEY_PARTNERS, "n1", "Suppliers");
  g_assert_true (nf_canvas_insert_source (base, 0, source, &error));
  nf_canvas_set_rate (base, rate);
  g_assert_true (nf_canvas_insert_table (base, 0, t1, &error));
  g_assert_true (nf_canvas_insert_table (base, 1, t2, &error));
  g_assert_no_error (error);
  for (guint k = 0; k < 2; k++)
    {
      t = nf_canvas_find_table (base, k == 0 ? "t1" : "t2", NULL);
      nf_canvas_insert_table_column (base, t, 0, label, NF_COLUMN_TEXT, NULL);
      nf_canvas_insert_table_column (base, t, 1, cars, NF_COLUMN_COUNT, NULL);
      for (guint r = 0; r < 40; r++)
        {
          g_autofree char *name = g_strdup_printf ("Item %u", r + 1);
          g_autofree char *count = g_strdup_printf ("%u", r + 1);
          const char * const row[] = { name, count, NULL };

          nf_canvas_insert_table_row (base, t, r, row);
        }
    }
  ours = copy_canvas (base);
  theirs = copy_canvas (base);
  sides[0] = ours;
  sides[1] = theirs;
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(NfText) text = nf_text_new (i == 0 ? "ours says" : "theirs says");
      g_autoptr(NfText) title = nf_text_new (i == 0 ? "Our prices" : "Their prices");
      g_autoptr(NfSource) edited = nf_source_new ("s1", i == 0 ? "Annual report 2024" : "Yearly report",
                                                  "Acme", "2024", "report.txt");
      g_autoptr(NfRate) edited_rate = nf_rate_new ("USD", "CNY", i == 0 ? 7.2 : 7.3, NULL);
      const char * const vans[] = { "Vans", i == 0 ? "7" : "9", NULL };
      NfMetricTable *side_table = nf_canvas_find_table (sides[i], "t1", NULL);

      nf_canvas_set_title (sides[i], i == 0 ? "Our plan" : "Their plan");
      nf_canvas_set_note_text (sides[i], nf_canvas_find_note (sides[i], "n1", NULL, NULL), text);
      nf_canvas_set_table_cell (sides[i], side_table, 30, 1, i == 0 ? "310" : "320");
      nf_canvas_insert_table_row (sides[i], side_table, 40, vans);
      nf_canvas_set_table_title (sides[i], nf_canvas_find_table (sides[i], "t2", NULL), title);
      g_assert_true (nf_canvas_replace_source (sides[i], 0, edited, &error));
      g_assert_no_error (error);
      nf_canvas_set_rate (sides[i], edited_rate);
    }
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 7);
  return merged;
}

/* F8 reaches every kind, switching tabs as needed: a whole table's
 * conflict opens Metric Tables on our version of the table with its first
 * cell focused; a value's (title, rate) or a source's shows the canvas with
 * the bar's Take Ours focused; Shift+F8 goes back the same way. */
static void
test_every_kind (void)
{
  g_autoptr(NfCanvas) merged = merged_every_kind_canvas ();
  g_autoptr(NfDocument) document = nf_document_new (merged, NULL, NULL);
  GtkWidget *page = nf_editor_page_new (document);
  GtkWidget *window = nf_test_show (page, 1366, 768);
  NfCanvasView *view = NF_CANVAS_VIEW (nf_editor_page_get_canvas_view (NF_EDITOR_PAGE (page)));
  GtkWidget *bar = nf_editor_page_get_conflict_bar (NF_EDITOR_PAGE (page));
  NfConflictKind values[] = { NF_CONFLICT_TITLE, NF_CONFLICT_SOURCE, NF_CONFLICT_RATE };
  const char *value_words[] = { "Title: ours “Our plan”", "A source edited both ways", "Exchange rate" };
  guint table = find_conflict (merged, NF_CONFLICT_TABLE);
  const NfConflict *c = nf_canvas_get_conflict (merged, table);
  NfMetricTable *ours_table = nf_canvas_find_table (merged, c->ours, NULL);
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  nf_test_settle (window);
  g_assert_nonnull (ours_table);
  step_to (page, bar, table);
  assert_at_cell (window, ours_table, 0, 0);
  g_assert_nonnull (nf_test_find (bar, nf_test_label_contains, "A table edited both ways"));
  nf_test_screenshot (window, "conflict-table.png");

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      GtkWidget *focus;

      step_to (page, bar, find_conflict (merged, values[i]));
      nf_test_assert_showing (GTK_WIDGET (view));
      g_assert_nonnull (nf_test_find (bar, nf_test_label_contains, (gpointer) value_words[i]));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_is_ancestor (focus, bar));
      g_assert_true (nf_test_find (bar, button_label_is, "Take _Ours") == focus);
    }

  /* Shift+F8 from the note's back over the table's. */
  step_to (page, bar, find_conflict (merged, NF_CONFLICT_NOTE));
  g_assert_true (gtk_widget_has_focus (nf_canvas_view_get_card (view, nf_canvas_find_note (merged, "n1", NULL, NULL))));
  for (guint i = 0; i < nf_canvas_get_n_conflicts (merged) &&
                    nf_conflict_bar_get_current (NF_CONFLICT_BAR (bar)) != table; i++)
    g_assert_true (nf_test_press_shortcut (page, GDK_KEY_F8, GDK_SHIFT_MASK));
  for (guint i = 0; i < 5; i++)
    nf_test_settle (window);
  assert_at_cell (window, ours_table, 0, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  g_log_set_always_fatal (fatal);
}

/* A merged file whose first conflict is a table's opens on Metric Tables,
 * that table's cell focused, without a key pressed. */
static void
test_opens_at_table (void)
{
  g_autoptr(NfCanvas) merged = merged_tables_canvas ();
  g_autoptr(NfCanvas) reordered = NULL;
  g_autoptr(NfDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page, *window;
  guint cell = find_conflict (merged, NF_CONFLICT_CELL);
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  /* Settle the note's conflict so that the cell's comes first. */
  nf_canvas_resolve_conflict (merged, find_conflict (merged, NF_CONFLICT_NOTE), NF_CONFLICT_TAKE_OURS);
  cell = find_conflict (merged, NF_CONFLICT_CELL);
  g_assert_cmpuint (cell, ==, 0);
  bytes = _nf_canvas_serialize (merged, NULL);
  path = g_build_filename (dir, "merged.ninefold", NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  reordered = nf_canvas_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), path, &error);
  g_assert_no_error (error);
  document = nf_document_new (reordered, NULL, NULL);
  page = nf_editor_page_new (document);
  window = nf_test_show (page, 1366, 768);
  for (guint i = 0; i < 5; i++)
    nf_test_settle (window);
  assert_at_cell (window, nf_canvas_find_table (reordered, "t1", NULL), 30, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  nf_test_remove_tree (dir);
  g_log_set_always_fatal (fatal);
}

/* A version from git in a tab: nothing edits it, its banner restores it
 * into the canvas as one undoable step. */
/* A read-only table editor (a version's Metric Tables): cells can be read
 * but not typed or pasted into, and no action edits the tables. */
static void
test_read_only_tables (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  g_autoptr(NfText) title = nf_text_new ("Fleet");
  g_autoptr(NfMetricTable) table = nf_metric_table_new ("t1", title);
  g_autoptr(NfText) name = nf_text_new ("Cars");
  const char * const row[] = { "120", NULL };
  g_autoptr(GError) error = NULL;
  GtkWidget *editor, *window, *cell;
  NfMetricTable *t;

  nf_canvas_set_company (canvas, "Acme");
  nf_canvas_set_title (canvas, "Plan");
  nf_canvas_insert_table (canvas, 0, table, &error);
  g_assert_no_error (error);
  t = nf_canvas_find_table (canvas, "t1", NULL);
  nf_canvas_insert_table_column (canvas, t, 0, name, NF_COLUMN_COUNT, NULL);
  nf_canvas_insert_table_row (canvas, t, 0, row);
  nf_canvas_mark_saved (canvas);
  nf_history_clear (nf_canvas_get_history (canvas));

  editor = nf_table_editor_new (canvas);
  window = nf_test_show (editor, 1366, 768);
  nf_table_editor_set_read_only (NF_TABLE_EDITOR (editor), TRUE);
  nf_table_editor_select_table (NF_TABLE_EDITOR (editor), t);
  nf_test_settle (window);
  cell = nf_table_editor_get_cell_widget (NF_TABLE_EDITOR (editor), 0, 0);
  g_assert_nonnull (cell);
  nf_test_assert_showing (cell);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (cell)));
  g_assert_true (gtk_widget_get_sensitive (cell));

  for (guint i = 0; i < 5; i++)
    {
      static const char * const actions[] = { "tables.add-row", "tables.remove-row", "tables.add-column",
                                               "tables.add-table", "tables.remove-table" };

      gtk_widget_activate_action (editor, actions[i], NULL);
    }
  nf_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_tables (canvas)), ==, 1);
  g_assert_cmpuint (nf_metric_table_get_n_rows (t), ==, 1);
  g_assert_cmpuint (nf_metric_table_get_n_columns (t), ==, 1);
  g_assert_false (nf_history_can_undo (nf_canvas_get_history (canvas)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_read_only_version (void)
{
  g_autoptr(NfCanvas) current = nf_canvas_new ();
  g_autoptr(NfCanvas) version = NULL;
  g_autoptr(NfDocument) document = NULL;
  g_autoptr(NfText) text = nf_text_new ("changed");
  GtkWidget *page, *window, *view, *card;
  NfNote *note;

  nf_canvas_set_company (current, "Acme");
  nf_canvas_set_title (current, "Plan");
  add_note (current, NF_BLOCK_CHANNELS, "n1", "Web shop");
  add_note (current, NF_BLOCK_CHANNELS, "n2", "Stores");
  version = copy_canvas (current);
  nf_canvas_set_version_name (version, "1a2b3c4 · 5 December 2026");
  nf_canvas_mark_saved (version);
  nf_canvas_set_note_text (current, nf_canvas_find_note (current, "n1", NULL, NULL), text);
  document = nf_document_new (version, NULL, NULL);
  page = nf_editor_page_new (document);
  nf_editor_page_set_version_of (NF_EDITOR_PAGE (page), current);
  window = nf_test_show (page, 1366, 768);
  view = nf_editor_page_get_canvas_view (NF_EDITOR_PAGE (page));
  g_assert_true (nf_editor_page_get_read_only (NF_EDITOR_PAGE (page)));
  nf_test_assert_showing (nf_test_find_label (page, "Version of 1a2b3c4 · 5 December 2026 — read only"));
  /* The banner says why nothing edits, and offers the way out. */
  nf_test_assert_showing (nf_test_find_label (page, "Nothing here can be edited: this is the file as "
                                                    "the commit holds it. Restore it to edit it as "
                                                    "the current canvas."));

  note = nf_canvas_find_note (version, "n1", NULL, NULL);
  nf_canvas_view_show_note (NF_CANVAS_VIEW (view), note);
  card = nf_canvas_view_get_card (NF_CANVAS_VIEW (view), note);
  g_assert_true (gtk_widget_has_focus (card));
  /* Every way in refuses: actions, the in-place editor, a drop, keys. */
  gtk_widget_activate_action (view, "view.delete-note", NULL);
  gtk_widget_activate_action (view, "view.set-colour", "s", "#f6d32d");
  gtk_widget_activate_action (view, "view.add-note", NULL);
  gtk_widget_activate_action (view, "view.cut-notes", NULL);
  nf_canvas_view_edit_note (NF_CANVAS_VIEW (view), note);
  g_assert_false (nf_canvas_view_drop_note (NF_CANVAS_VIEW (view), note, NF_BLOCK_KEY_PARTNERS, 0));
  nf_test_press_shortcut (view, GDK_KEY_Delete, 0);
  nf_test_settle (window);
  g_assert_false (nf_canvas_get_modified (version));
  g_assert_false (nf_history_can_undo (nf_canvas_get_history (version)));
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_notes (version, NF_BLOCK_CHANNELS)), ==, 2);
  g_assert_null (nf_test_find_type (view, GTK_TYPE_TEXT_VIEW));
  nf_test_screenshot (window, "read-only-version.png");

  /* Its tables are read, not greyed; their editing is off. */
  {
    GtkWidget *tables = nf_editor_page_get_table_editor (NF_EDITOR_PAGE (page));

    g_assert_true (gtk_widget_get_sensitive (tables));
    gtk_widget_activate_action (tables, "tables.add-table", NULL);
    g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_tables (version)), ==, 0);
  }

  /* Restore This Version: the canvas takes it, one step back. */
  g_assert_true (gtk_widget_activate_action (page, "page.restore-version", NULL));
  g_assert_cmpstr (nf_text_get (nf_note_get_text (nf_canvas_find_note (current, "n1", NULL, NULL))),
                   ==, "Web shop");
  g_assert_true (nf_history_undo (nf_canvas_get_history (current)));
  g_assert_cmpstr (nf_text_get (nf_note_get_text (nf_canvas_find_note (current, "n1", NULL, NULL))),
                   ==, "changed");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A canvas with no conflicts gets no bar; one whose conflicts come back
 * (an undone resolution) gets it then, showing them. */
static void
test_bar_when_conflicts_come (void)
{
  g_autoptr(NfCanvas) merged = merged_canvas ();
  g_autoptr(NfDocument) document = NULL;
  NfHistory *history = nf_canvas_get_history (merged);
  GtkWidget *page, *window, *bar;
  guint n = nf_canvas_get_n_conflicts (merged);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    nf_canvas_resolve_conflict (merged, 0, NF_CONFLICT_TAKE_OURS);
  g_assert_cmpuint (nf_canvas_get_n_conflicts (merged), ==, 0);
  document = nf_document_new (merged, NULL, NULL);
  page = nf_editor_page_new (document);
  window = nf_test_show (page, 1366, 768);
  g_assert_null (nf_editor_page_get_conflict_bar (NF_EDITOR_PAGE (page)));
  g_assert_null (nf_test_find_type (page, NF_TYPE_CONFLICT_BAR));

  g_assert_true (nf_history_undo (history));
  nf_test_settle (window);
  bar = nf_editor_page_get_conflict_bar (NF_EDITOR_PAGE (page));
  g_assert_nonnull (bar);
  nf_test_assert_showing (bar);
  g_assert_nonnull (nf_test_find_label (bar, "1 conflict from a merge"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  if (!nf_test_gui_init (&argc, &argv))
    return 0;
  nf_test_gui_load_style ();
  g_test_add_func ("/conflicts/banner", test_banner);
  g_test_add_func ("/conflicts/take-theirs", test_take_theirs);
  g_test_add_func ("/conflicts/focus-at-first-layout", test_focus_at_first_layout);
  g_test_add_func ("/conflicts/table-conflicts", test_table_conflicts);
  g_test_add_func ("/conflicts/every-kind", test_every_kind);
  g_test_add_func ("/conflicts/opens-at-table", test_opens_at_table);
  g_test_add_func ("/conflicts/read-only-version", test_read_only_version);
  g_test_add_func ("/conflicts/read-only-tables", test_read_only_tables);
  g_test_add_func ("/conflicts/bar-when-conflicts-come", test_bar_when_conflicts_come);
  return g_test_run ();
}
