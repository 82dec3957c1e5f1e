/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Checks panel: win.check lists what `ninefold check` finds in the
 * canvas in view, and a finding is one click from its note. */
#include "config.h"

#include <string.h>

#include "nf-canvas-view.h"
#include "nf-checks-panel.h"
#include "nf-editor-page.h"
#include "nf-note-card.h"
#include "nf-source-reader.h"
#include "nf-table-editor.h"
#include "nf-test-gui.h"

static gboolean
is_finding_of (GtkWidget    *widget,
               gconstpointer subject)
{
  return GTK_IS_LIST_BOX_ROW (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "nf-subject"), subject) == 0;
}

static void
test_senmiao (void)
{
  NfWindow *window = nf_test_new_window (1366, 768);
  g_autoptr(NfCanvas) senmiao = NULL;
  GListModel *canvases;
  GtkWidget *view, *panel, *row, *focus;
  NfNote *n17;

  nf_window_open_cases (window);
  nf_test_wait_until_loaded (window);
  canvases = nf_window_get_canvases (window);
  for (guint i = 0; i < g_list_model_get_n_items (canvases) && senmiao == NULL; i++)
    {
      g_autoptr(NfCanvas) canvas = g_list_model_get_item (canvases, i);

      if (g_str_has_prefix (nf_canvas_get_company (canvas), "Senmiao"))
        senmiao = g_object_ref (canvas);
    }
  g_assert_nonnull (senmiao);
  nf_window_show_canvas (window, senmiao);
  nf_test_settle (GTK_WIDGET (window));
  view = nf_window_get_canvas_view (window);
  g_assert_nonnull (view);
  g_assert_true (nf_canvas_view_get_canvas (NF_CANVAS_VIEW (view)) == senmiao);

  /* Ctrl+Shift+K, as the menu's item does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check", NULL));
  nf_test_settle (GTK_WIDGET (window));
  panel = nf_test_find_type (GTK_WIDGET (window), NF_TYPE_CHECKS_PANEL);
  g_assert_nonnull (panel);
  nf_test_assert_showing (panel);
  g_assert_cmpint (gtk_widget_get_width (panel), >=, 280);
  g_assert_cmpint (gtk_widget_get_width (view), >=, 600);
  g_assert_cmpuint (nf_checks_panel_get_n_rows (NF_CHECKS_PANEL (panel)), >=, 5);

  /* The leasing revenue stated twice, $15 million in n17 and $4 million
   * in n81: a row, and activating it focuses n17's card. */
  row = nf_test_find (panel, is_finding_of, "n17");
  g_assert_nonnull (row);
  nf_test_assert_showing (row);
  nf_test_screenshot (GTK_WIDGET (window), "checks-panel.png");
  g_signal_emit_by_name (row, "activate");
  nf_test_settle (GTK_WIDGET (window));
  n17 = nf_canvas_find_note (senmiao, "n17", NULL, NULL);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (NF_IS_NOTE_CARD (focus));
  g_assert_true (nf_note_card_get_note (NF_NOTE_CARD (focus)) == n17);

  /* Marked as conflicting, the pair is said as marked and the card says
   * with what, in its accessible description. */
  g_assert_true (nf_canvas_add_note_conflict (senmiao, n17, "n81", NULL));
  gtk_widget_activate_action (panel, "checks.refresh", NULL);
  nf_test_settle (GTK_WIDGET (window));
  row = nf_test_find (panel, is_finding_of, "n17");
  g_assert_nonnull (row);
  g_assert_nonnull (nf_test_find (row, nf_test_label_is, "Marked"));
  {
    g_autofree char *tooltip = nf_note_card_get_tooltip_markup (NF_NOTE_CARD (focus));

    g_assert_nonnull (strstr (tooltip, "Conflicts with n81"));
  }

  gtk_widget_activate_action (panel, "checks.close", NULL);
  nf_test_settle (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_visible (panel));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A finding about a table row opens the Metric Tables tab on that table,
 * with the row's first cell under the cursor and the keyboard focus. The
 * finding is made here: a share written into a plain number column of the
 * longest table's last row, so it is one a user would have to scroll to. */
static void
test_table_row (void)
{
  NfWindow *window = nf_test_new_window (1366, 768);
  g_autoptr(NfCanvas) canvas = NULL;
  GListModel *canvases, *tables;
  NfMetricTable *table = NULL;
  guint column = G_MAXUINT, last, row_cursor, col_cursor;
  g_autofree char *subject = NULL;
  GtkWidget *panel, *row, *editor, *focus, *cell;

  nf_window_open_cases (window);
  nf_test_wait_until_loaded (window);
  canvases = nf_window_get_canvases (window);
  canvas = g_list_model_get_item (canvases, 2);
  g_assert_nonnull (canvas);
  tables = nf_canvas_get_tables (canvas);
  for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
    {
      g_autoptr(NfMetricTable) t = g_list_model_get_item (tables, i);

      for (guint c = 0; c < nf_metric_table_get_n_columns (t); c++)
        if (nf_metric_table_get_column (t, c)->type == NF_COLUMN_NUMBER &&
            (table == NULL || nf_metric_table_get_n_rows (t) > nf_metric_table_get_n_rows (table)))
          {
            table = t;
            column = c;
            break;
          }
    }
  g_assert_nonnull (table);
  g_assert_cmpuint (nf_metric_table_get_n_rows (table), >=, 2);
  last = nf_metric_table_get_n_rows (table) - 1;
  nf_canvas_set_table_cell (canvas, table, last, column, "45%");
  subject = g_strdup_printf ("%s row %u", nf_metric_table_get_id (table), last + 1);

  nf_window_show_canvas (window, canvas);
  nf_test_settle (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check", NULL));
  nf_test_settle (GTK_WIDGET (window));
  panel = nf_test_find_type (GTK_WIDGET (window), NF_TYPE_CHECKS_PANEL);
  g_assert_nonnull (panel);
  row = nf_test_find (panel, is_finding_of, subject);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  nf_test_settle (GTK_WIDGET (window));

  editor = nf_test_find_type (GTK_WIDGET (window), NF_TYPE_TABLE_EDITOR);
  g_assert_nonnull (editor);
  nf_test_assert_showing (editor);
  g_assert_true (nf_table_editor_get_table (NF_TABLE_EDITOR (editor)) == table);
  nf_table_editor_get_cursor (NF_TABLE_EDITOR (editor), &row_cursor, &col_cursor);
  g_assert_cmpuint (row_cursor, ==, last);
  g_assert_cmpuint (col_cursor, ==, 0);
  cell = nf_table_editor_get_cell_widget (NF_TABLE_EDITOR (editor), last, 0);
  g_assert_nonnull (cell);
  nf_test_assert_showing (cell);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == cell || gtk_widget_is_ancestor (focus, cell));
  nf_test_screenshot (GTK_WIDGET (window), "checks-panel-table-row.png");
  gtk_window_destroy (GTK_WINDOW (window));
}


/* A source whose file is not found is named by its title, not its id,
 * and its row opens the reader on where the file was looked for, beside
 * the canvas and among the shipped cases' sources. Put back, the same
 * click opens the source's text: the cases' write-ups are found without
 * NF_SEEDS_DIR, where the build (or the installation) keeps them. */
static void
test_source_missing (void)
{
  NfWindow *window = nf_test_new_window (1366, 768);
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(NfSource) original = NULL, moved = NULL;
  g_autofree char *saved_seeds = g_strdup (g_getenv ("NF_SEEDS_DIR"));
  GtkWidget *panel, *row, *reader;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;
  const char *title;

  g_unsetenv ("NF_SEEDS_DIR");
  nf_window_open_cases (window);
  nf_test_wait_until_loaded (window);
  canvas = g_list_model_get_item (nf_window_get_canvases (window), 0);
  original = g_list_model_get_item (nf_canvas_get_sources (canvas), 0);
  title = nf_source_get_title (original);
  g_assert_nonnull (title);
  moved = nf_source_new (nf_source_get_id (original), title, NULL, NULL, "missing-write-up.txt");
  g_assert_true (nf_canvas_replace_source (canvas, 0, moved, NULL));

  nf_window_show_canvas (window, canvas);
  nf_test_settle (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check", NULL));
  nf_test_settle (GTK_WIDGET (window));
  panel = nf_test_find_type (GTK_WIDGET (window), NF_TYPE_CHECKS_PANEL);
  g_assert_nonnull (panel);
  row = nf_test_find (panel, is_finding_of, nf_source_get_id (original));
  g_assert_nonnull (row);
  nf_test_assert_showing (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  nf_test_screenshot (GTK_WIDGET (window), "checks-panel-source-missing.png");

  g_signal_emit_by_name (row, "activate");
  nf_test_settle (GTK_WIDGET (window));
  reader = nf_test_find_type (GTK_WIDGET (window), NF_TYPE_SOURCE_READER);
  g_assert_nonnull (reader);
  nf_test_assert_showing (reader);
  g_assert_true (nf_source_reader_is_missing (NF_SOURCE_READER (reader)));
  g_assert_null (nf_source_reader_get_file (NF_SOURCE_READER (reader)));
  g_assert_nonnull (nf_test_find (reader, nf_test_label_is, title));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (nf_test_find_type (reader, GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (shown, "“missing-write-up.txt” was not found"));
  g_assert_nonnull (strstr (shown, NF_CASE_SOURCES_BUILD_DIR "/missing-write-up.txt"));
  /* Nothing to cite: a selection there makes no note. */
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_null (nf_source_reader_get_passage (NF_SOURCE_READER (reader), NULL, NULL));
  nf_test_screenshot (GTK_WIDGET (window), "source-reader-missing.png");

  /* The case's own address again: found among the cases' sources. */
  g_assert_true (nf_canvas_replace_source (canvas, 0, original, NULL));
  gtk_widget_activate_action (panel, "checks.refresh", NULL);
  nf_test_settle (GTK_WIDGET (window));
  g_assert_null (nf_test_find (panel, is_finding_of, nf_source_get_id (original)));
  if (saved_seeds != NULL)
    g_setenv ("NF_SEEDS_DIR", saved_seeds, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  if (!nf_test_gui_init (&argc, &argv))
    return 0;
  nf_test_gui_load_style ();
  g_test_add_func ("/gui/checks-panel/senmiao", test_senmiao);
  g_test_add_func ("/gui/checks-panel/table-row", test_table_row);
  g_test_add_func ("/gui/checks-panel/source-missing", test_source_missing);
  return g_test_run ();
}
