/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The metric-table editor, under a real (virtual) display: run it with
 * `dbus-run-session -- xvfb-run -a meson test --suite gui`. */
#define G_LOG_DOMAIN "test-table-editor"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>

#include "nf-canvas-xml.h"
#include "nf-table-editor.h"
#include "nf-test-gui.h"

#define SENMIAO 2
#define SHUPAO  3

static GtkWidget *
show_editor (NfCanvas   *canvas,
             GtkWidget **out_editor)
{
  GtkWidget *editor = nf_table_editor_new (canvas);

  *out_editor = editor;
  return nf_test_show (editor, 1366, 768);
}

static GtkWidget *
cell_widget (NfTableEditor *editor,
             guint          row,
             guint          column)
{
  GtkWidget *text = nf_table_editor_get_cell_widget (editor, row, column);

  g_assert_nonnull (text);
  g_assert_true (GTK_IS_TEXT (text));
  return text;
}

/* Types into a cell and presses Enter, as a user would. */
static void
type_into_cell (NfTableEditor *editor,
                guint          row,
                guint          column,
                const char    *text)
{
  GtkWidget *cell = cell_widget (editor, row, column);

  g_assert_true (nf_table_editor_focus_cell (editor, row, column));
  gtk_editable_set_text (GTK_EDITABLE (cell), text);
  g_signal_emit_by_name (cell, "activate");
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval,
           GdkModifierType state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          return handled;
        }
    }
  g_assert_not_reached ();
}

static gboolean
is_mapped_of_type (GtkWidget    *widget,
                   gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type)) && gtk_widget_get_mapped (widget);
}

/* The first widget of the type that is shown. */
static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  return nf_test_find (root, is_mapped_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_cells (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (SENMIAO, &error);
  g_autoptr(NfCanvas) pristine = nf_canvas_load_case (SENMIAO, NULL);
  NfMetricTable *table;
  const NfCell *cell;
  GtkWidget *window, *widget, *text;
  NfTableEditor *editor;
  guint row, column;

  g_assert_no_error (error);
  window = show_editor (canvas, &widget);
  editor = NF_TABLE_EDITOR (widget);
  /* The write-up's 19 tables, two of whose revenue rows sit apart. */
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_tables (canvas)), ==, 21);
  /* The first table is shown to begin with. */
  g_assert_true (nf_table_editor_get_table (editor) ==
                 nf_canvas_find_table (canvas, "t1", NULL));

  /* "Key customer metrics": Metric (text), Value (number). */
  table = nf_canvas_find_table (canvas, "t4", NULL);
  nf_table_editor_select_table (editor, table);
  nf_test_settle (window);
  g_assert_true (nf_table_editor_get_table (editor) == table);
  g_assert_cmpuint (nf_metric_table_get_column (table, 1)->type, ==, NF_COLUMN_NUMBER);

  text = cell_widget (editor, 0, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "200,000");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_ROLE_TEXT_BOX);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, "Value, row 1");

  /* A number is parsed by the model. */
  type_into_cell (editor, 0, 1, "12.5");
  cell = nf_metric_table_get_cell (table, 0, 1);
  g_assert_cmpstr (cell->text, ==, "12.5");
  g_assert_true (cell->has_value);
  g_assert_cmpfloat (cell->value, ==, 12.5);
  /* Enter went down a row. */
  nf_table_editor_get_cursor (editor, &row, &column);
  g_assert_cmpuint (row, ==, 1);
  g_assert_cmpuint (column, ==, 1);
  g_assert_true (has_focus_within (cell_widget (editor, 1, 1)));
  g_assert_true (gtk_widget_has_css_class (cell_widget (editor, 1, 1), "current"));
  g_assert_false (gtk_widget_has_css_class (cell_widget (editor, 0, 1), "current"));

  /* Text that is no number is kept, and flagged. */
  type_into_cell (editor, 0, 1, "abc");
  cell = nf_metric_table_get_cell (table, 0, 1);
  g_assert_cmpstr (cell->text, ==, "abc");
  g_assert_false (cell->has_value);
  text = cell_widget (editor, 0, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "abc");
  g_assert_true (gtk_widget_has_css_class (text, "warning"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (text), ==, "Not a number: abc");
  g_assert_false (gtk_widget_has_css_class (cell_widget (editor, 1, 1), "warning"));
  /* The same text in the text column is nothing to flag. */
  type_into_cell (editor, 0, 0, "abc");
  g_assert_false (gtk_widget_has_css_class (cell_widget (editor, 0, 0), "warning"));

  /* Undo and redo, by the editor's own actions. */
  g_assert_true (gtk_widget_activate_action (widget, "tables.undo", NULL));
  g_assert_true (gtk_widget_activate_action (widget, "tables.undo", NULL));
  g_assert_cmpstr (nf_metric_table_get_cell (table, 0, 1)->text, ==, "12.5");
  text = cell_widget (editor, 0, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "12.5");
  g_assert_false (gtk_widget_has_css_class (text, "warning"));
  g_assert_true (gtk_widget_activate_action (widget, "tables.redo", NULL));
  g_assert_cmpstr (nf_metric_table_get_cell (table, 0, 1)->text, ==, "abc");
  g_assert_true (gtk_widget_has_css_class (cell_widget (editor, 0, 1), "warning"));

  /* The editor follows undo from elsewhere. */
  g_assert_true (nf_history_undo (nf_canvas_get_history (canvas)));
  g_assert_true (nf_history_undo (nf_canvas_get_history (canvas)));
  nf_test_settle (window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_widget (editor, 0, 1))), ==, "200,000");
  g_assert_true (nf_metric_table_equal (table, nf_canvas_find_table (pristine, "t4", NULL)));

  /* Typing that is not committed does not make a step, and Escape drops it. */
  g_assert_true (nf_table_editor_focus_cell (editor, 1, 1));
  text = cell_widget (editor, 1, 1);
  gtk_editable_set_text (GTK_EDITABLE (text), "999");
  g_assert_true (press_key (text, GDK_KEY_Escape, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, nf_metric_table_get_cell (table, 1, 1)->text);

  /* Tab walks along the row and on to the next one; Shift+Tab back. */
  g_assert_true (nf_table_editor_focus_cell (editor, 0, 0));
  g_assert_true (press_key (cell_widget (editor, 0, 0), GDK_KEY_Tab, 0));
  g_assert_true (has_focus_within (cell_widget (editor, 0, 1)));
  g_assert_true (press_key (cell_widget (editor, 0, 1), GDK_KEY_Tab, 0));
  g_assert_true (has_focus_within (cell_widget (editor, 1, 0)));
  g_assert_true (press_key (cell_widget (editor, 1, 0), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_true (has_focus_within (cell_widget (editor, 0, 1)));
  g_assert_true (press_key (cell_widget (editor, 0, 1), GDK_KEY_Down, 0));
  g_assert_true (has_focus_within (cell_widget (editor, 1, 1)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_rows_and_columns (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (SENMIAO, NULL);
  g_autoptr(NfCanvas) pristine = nf_canvas_load_case (SENMIAO, NULL);
  NfMetricTable *table = nf_canvas_find_table (canvas, "t4", NULL);
  guint n_rows = nf_metric_table_get_n_rows (table);
  GtkWidget *window, *widget;
  NfTableEditor *editor;
  GtkWidget *name_entry;
  guint row, column;

  window = show_editor (canvas, &widget);
  editor = NF_TABLE_EDITOR (widget);
  nf_table_editor_select_table (editor, table);
  nf_test_settle (window);

  /* A row goes in below the current cell, and gets the focus. */
  g_assert_true (nf_table_editor_focus_cell (editor, 0, 1));
  g_assert_true (gtk_widget_activate_action (widget, "tables.add-row", NULL));
  nf_test_settle (window);
  g_assert_cmpuint (nf_metric_table_get_n_rows (table), ==, n_rows + 1);
  g_assert_cmpstr (nf_metric_table_get_cell (table, 1, 0)->text, ==, "");
  nf_table_editor_get_cursor (editor, &row, &column);
  g_assert_cmpuint (row, ==, 1);
  g_assert_true (has_focus_within (cell_widget (editor, 1, 1)));
  type_into_cell (editor, 1, 1, "15%");
  g_assert_cmpfloat (nf_metric_table_get_cell (table, 1, 1)->value, ==, 0.15);

  g_assert_true (nf_table_editor_focus_cell (editor, 1, 0));
  g_assert_true (gtk_widget_activate_action (widget, "tables.remove-row", NULL));
  nf_test_settle (window);
  g_assert_cmpuint (nf_metric_table_get_n_rows (table), ==, n_rows);
  g_assert_true (nf_metric_table_equal (table, nf_canvas_find_table (pristine, "t4", NULL)));

  /* A column goes in after the current one; its name is asked for first. */
  g_assert_true (nf_table_editor_focus_cell (editor, 0, 0));
  g_assert_true (gtk_widget_activate_action (widget, "tables.add-column", NULL));
  nf_test_settle (window);
  g_assert_cmpuint (nf_metric_table_get_n_columns (table), ==, 3);
  g_assert_cmpuint (nf_metric_table_get_column (table, 1)->type, ==, NF_COLUMN_TEXT);
  g_assert_cmpstr (nf_text_get (nf_metric_table_get_column (table, 2)->name), ==, "Value");
  name_entry = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT (name_entry));
  gtk_editable_set_text (GTK_EDITABLE (name_entry), "Share");
  g_signal_emit_by_name (name_entry, "activate");
  g_assert_cmpstr (nf_text_get (nf_metric_table_get_column (table, 1)->name), ==, "Share");
  type_into_cell (editor, 0, 1, "40%");
  g_assert_false (nf_metric_table_get_cell (table, 0, 1)->has_value);
  /* Making it a percent column reads its cells again. */
  g_assert_true (nf_table_editor_focus_cell (editor, 0, 1));
  {
    GtkWidget *dropdown = gtk_widget_get_next_sibling (gtk_widget_get_parent (name_entry));

    g_assert_true (GTK_IS_DROP_DOWN (dropdown));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), NF_COLUMN_PERCENT);
  }
  g_assert_cmpuint (nf_metric_table_get_column (table, 1)->type, ==, NF_COLUMN_PERCENT);
  g_assert_true (nf_metric_table_get_cell (table, 0, 1)->has_value);
  g_assert_cmpfloat (nf_metric_table_get_cell (table, 0, 1)->value, ==, 0.4);
  nf_test_settle (window);
  g_assert_false (gtk_widget_has_css_class (cell_widget (editor, 0, 1), "warning"));

  g_assert_true (nf_table_editor_focus_cell (editor, 0, 1));
  g_assert_true (gtk_widget_activate_action (widget, "tables.remove-column", NULL));
  nf_test_settle (window);
  g_assert_cmpuint (nf_metric_table_get_n_columns (table), ==, 2);
  g_assert_null (nf_table_editor_get_cell_widget (editor, 0, 2));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_widget (editor, 0, 1))), ==, "200,000");

  /* The last column stays. */
  nf_table_editor_focus_cell (editor, 0, 1);
  g_assert_true (gtk_widget_activate_action (widget, "tables.remove-column", NULL));
  nf_test_settle (window);
  g_assert_cmpuint (nf_metric_table_get_n_columns (table), ==, 1);
  gtk_widget_activate_action (widget, "tables.remove-column", NULL);
  g_assert_cmpuint (nf_metric_table_get_n_columns (table), ==, 1);

  /* Everything undoes, step by step, and redoes. */
  while (nf_history_can_undo (nf_canvas_get_history (canvas)))
    g_assert_true (gtk_widget_activate_action (widget, "tables.undo", NULL));
  nf_test_settle (window);
  g_assert_true (nf_canvas_equal (canvas, pristine));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_widget (editor, 0, 1))), ==, "200,000");
  while (nf_history_can_redo (nf_canvas_get_history (canvas)))
    g_assert_true (gtk_widget_activate_action (widget, "tables.redo", NULL));
  nf_test_settle (window);
  g_assert_cmpuint (nf_metric_table_get_n_columns (table), ==, 1);
  g_assert_null (nf_table_editor_get_cell_widget (editor, 0, 1));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_tables (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  GListModel *tables = nf_canvas_get_tables (canvas);
  GtkWidget *window, *widget;
  NfTableEditor *editor;
  NfMetricTable *table;
  GtkWidget *stack;

  window = show_editor (canvas, &widget);
  editor = NF_TABLE_EDITOR (widget);
  stack = adw_bin_get_child (ADW_BIN (widget));
  g_assert_true (GTK_IS_STACK (stack));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_null (nf_table_editor_get_table (editor));

  g_assert_true (gtk_widget_activate_action (widget, "tables.add-table", NULL));
  nf_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (tables), ==, 1);
  table = nf_table_editor_get_table (editor);
  g_assert_nonnull (table);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "tables");
  g_assert_cmpuint (nf_metric_table_get_n_columns (table), ==, 2);
  g_assert_cmpuint (nf_metric_table_get_n_rows (table), ==, 1);

  /* The title field has the focus; a new title is one step. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_true (GTK_IS_TEXT (focus));
    gtk_editable_set_text (GTK_EDITABLE (focus), "Fleet");
    g_signal_emit_by_name (focus, "activate");
    g_assert_cmpstr (nf_text_get (nf_metric_table_get_title (table)), ==, "Fleet");
  }

  /* Adding the table is one step too. */
  g_assert_true (gtk_widget_activate_action (widget, "tables.undo", NULL));
  g_assert_true (gtk_widget_activate_action (widget, "tables.undo", NULL));
  nf_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (tables), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_true (gtk_widget_activate_action (widget, "tables.redo", NULL));
  nf_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (tables), ==, 1);
  g_assert_true (nf_table_editor_get_table (editor) == table);

  g_assert_true (gtk_widget_activate_action (widget, "tables.add-table", NULL));
  nf_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (tables), ==, 2);
  g_assert_true (nf_table_editor_get_table (editor) != table);
  g_assert_true (gtk_widget_activate_action (widget, "tables.remove-table", NULL));
  nf_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (tables), ==, 1);
  g_assert_true (nf_table_editor_get_table (editor) == table);

  /* The block, from the canvas, shows in the editor and in the list. */
  nf_canvas_set_table_block (canvas, table, NF_BLOCK_CHANNELS);
  nf_test_settle (window);
  {
    /* The first drop-down is the block's; the column's type comes later. */
    GtkWidget *dropdown = find_type (widget, GTK_TYPE_DROP_DOWN);

    g_assert_true (GTK_IS_DROP_DOWN (dropdown));
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, NF_BLOCK_CHANNELS + 1);
    /* And the other way round. */
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), NF_BLOCK_REVENUE_STREAMS + 1);
    g_assert_cmpint (nf_metric_table_get_block (table), ==, NF_BLOCK_REVENUE_STREAMS);
  }

  /* Removing the last table shows the empty state again. */
  g_assert_true (gtk_widget_activate_action (widget, "tables.remove-table", NULL));
  nf_test_settle (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  nf_test_screenshot (window, "table-editor-empty.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_table_title (GtkWidget     *widget,
                gconstpointer  data)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return GTK_IS_LABEL (widget) && row != NULL &&
         g_object_get_data (G_OBJECT (row), "nf-title") == (gpointer) widget &&
         g_object_get_data (G_OBJECT (row), "nf-table") == data;
}

/* The sidebar names every table in full at 1366×768: a long title takes
 * a second line ("Market analysis: potential drivers and l…" hid its end). */
static void
test_titles_whole (void)
{
  for (guint c = 0; c < 4; c++)
    {
      g_autoptr(NfCanvas) canvas = nf_canvas_load_case (c, NULL);
      GListModel *tables = nf_canvas_get_tables (canvas);
      GtkWidget *widget, *window = show_editor (canvas, &widget);
      guint wrapped = 0;

      nf_test_settle (window);
      for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
        {
          g_autoptr(NfMetricTable) table = g_list_model_get_item (tables, t);
          GtkWidget *label = nf_test_find (widget, is_table_title, table);
          PangoLayout *layout;

          g_assert_nonnull (label);
          layout = gtk_label_get_layout (GTK_LABEL (label));
          g_assert_false (pango_layout_is_ellipsized (layout));
          g_assert_cmpstr (pango_layout_get_text (layout), ==, gtk_label_get_text (GTK_LABEL (label)));
          g_assert_cmpint (gtk_widget_get_width (label), >, 0);
          g_assert_cmpint (gtk_widget_get_width (label), <=, 300);
          wrapped += pango_layout_get_line_count (layout) > 1;
        }
      /* Senmiao's long titles do wrap. */
      if (c == SENMIAO)
        g_assert_cmpuint (wrapped, >=, 2);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
test_screenshots (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  guint cases[] = { SENMIAO, SHUPAO };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (int dark = 0; dark < 2; dark++)
      {
        g_autoptr(NfCanvas) canvas = nf_canvas_load_case (cases[c], NULL);
        g_autofree char *name = g_strdup_printf ("table-editor-%u-%s.png", cases[c], dark ? "dark" : "light");
        GListModel *tables = nf_canvas_get_tables (canvas);
        g_autoptr(NfMetricTable) table = g_list_model_get_item (tables, 1);
        GtkWidget *window, *widget;
        GtkWidget *cell;

        adw_style_manager_set_color_scheme (manager, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
        window = show_editor (canvas, &widget);
        nf_table_editor_select_table (NF_TABLE_EDITOR (widget), table);
        nf_test_settle (window);
        /* One flagged cell, to see how it looks. */
        if (nf_metric_table_get_n_rows (table) > 0 &&
            nf_metric_table_get_column (table, nf_metric_table_get_n_columns (table) - 1)->type != NF_COLUMN_TEXT)
          nf_canvas_set_table_cell (canvas, table, 0, nf_metric_table_get_n_columns (table) - 1, "n/a");
        nf_test_settle (window);
        cell = nf_table_editor_get_cell_widget (NF_TABLE_EDITOR (widget), 0, 0);
        if (cell != NULL)
          gtk_widget_grab_focus (cell);
        nf_test_settle (window);
        nf_test_screenshot (window, name);
        gtk_window_destroy (GTK_WINDOW (window));
      }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
paste_timeout (gpointer data)
{
  g_error ("the paste did not change the table");
  return G_SOURCE_REMOVE;
}

/* Cells copied from a spreadsheet and pasted with Ctrl+V fill the cells
 * from the cursor on and add rows below, as one step that one undo takes
 * back; text of one cell goes into the cell as text. */
static void
test_paste_cells (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (SENMIAO, NULL);
  g_autoptr(NfCanvas) pristine = nf_canvas_load_case (SENMIAO, NULL);
  NfMetricTable *table = nf_canvas_find_table (canvas, "t4", NULL);
  GtkWidget *window, *widget, *cell;
  NfTableEditor *editor;
  guint rows, timeout;

  window = show_editor (canvas, &widget);
  editor = NF_TABLE_EDITOR (widget);
  nf_table_editor_select_table (editor, table);
  nf_test_settle (window);
  rows = nf_metric_table_get_n_rows (table);

  /* Two columns, from row 2 on, one row more than the table has left;
   * a quoted field with a tab and a quote, a third column that is left out. */
  cell = cell_widget (editor, 1, 0);
  g_assert_true (nf_table_editor_focus_cell (editor, 1, 0));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (cell), "");
  {
    g_autoptr(GString) tsv = g_string_new (NULL);

    for (guint r = 1; r < rows; r++)
      g_string_append_printf (tsv, "Label %u\t%u,000\textra\r\n", r, r);
    g_string_append (tsv, "\"Said \"\"new\"\"\tone\"\t42\n");
    gdk_clipboard_set_text (gtk_widget_get_clipboard (cell), tsv->str);
  }
  g_signal_emit_by_name (cell, "paste-clipboard");
  timeout = g_timeout_add_seconds (10, paste_timeout, NULL);
  while (nf_metric_table_get_n_rows (table) == rows)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  g_assert_cmpuint (nf_metric_table_get_n_rows (table), ==, rows + 1);
  g_assert_cmpuint (nf_metric_table_get_n_columns (table), ==, 2);
  g_assert_cmpstr (nf_metric_table_get_cell (table, 1, 0)->text, ==, "Label 1");
  g_assert_cmpstr (nf_metric_table_get_cell (table, 1, 1)->text, ==, "1,000");
  g_assert_true (nf_metric_table_get_cell (table, 1, 1)->has_value);
  g_assert_cmpfloat (nf_metric_table_get_cell (table, 1, 1)->value, ==, 1000);
  g_assert_cmpstr (nf_metric_table_get_cell (table, rows, 0)->text, ==, "Said \"new\"\tone");
  g_assert_cmpstr (nf_metric_table_get_cell (table, rows, 1)->text, ==, "42");
  /* Row 1 was above the cursor: untouched. */
  g_assert_cmpstr (nf_metric_table_get_cell (table, 0, 1)->text, ==, "200,000");
  nf_test_settle (window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_widget (editor, 1, 0))), ==, "Label 1");

  /* One step: one undo takes all of it back. */
  g_assert_true (gtk_widget_activate_action (widget, "tables.undo", NULL));
  g_assert_true (nf_metric_table_equal (table, nf_canvas_find_table (pristine, "t4", NULL)));
  g_assert_true (gtk_widget_activate_action (widget, "tables.redo", NULL));
  g_assert_cmpuint (nf_metric_table_get_n_rows (table), ==, rows + 1);
  g_assert_true (gtk_widget_activate_action (widget, "tables.undo", NULL));

  /* One cell's text is text for the cell, not a table. */
  nf_test_settle (window);
  cell = cell_widget (editor, 0, 0);
  g_assert_true (nf_table_editor_focus_cell (editor, 0, 0));
  gtk_editable_set_text (GTK_EDITABLE (cell), "");
  gdk_clipboard_set_text (gtk_widget_get_clipboard (cell), "plain words\n");
  g_signal_emit_by_name (cell, "paste-clipboard");
  timeout = g_timeout_add_seconds (10, paste_timeout, NULL);
  while (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell)), "") == 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "plain words");
  g_assert_cmpuint (nf_metric_table_get_n_rows (table), ==, rows);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A paste that would take a table past the rows a file may hold is
 * refused whole, said in a toast where the user is, and changes nothing:
 * otherwise the window would hold a table no save could write. */
static void
test_paste_past_limit (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (SENMIAO, NULL);
  g_autoptr(NfCanvas) pristine = nf_canvas_load_case (SENMIAO, NULL);
  NfMetricTable *table = nf_canvas_find_table (canvas, "t4", NULL);
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *window, *widget, *cell, *toast = NULL;
  g_autoptr(GString) tsv = g_string_new (NULL);
  NfTableEditor *editor;
  guint timeout;

  widget = nf_table_editor_new (canvas);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), widget);
  window = nf_test_show (overlay, 1366, 768);
  editor = NF_TABLE_EDITOR (widget);
  nf_table_editor_select_table (editor, table);
  nf_test_settle (window);

  for (guint r = 0; r < NF_CANVAS_MAX_ROWS + 1; r++)
    g_string_append_printf (tsv, "Row %u\t%u\n", r, r);
  cell = cell_widget (editor, 0, 0);
  g_assert_true (nf_table_editor_focus_cell (editor, 0, 0));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (cell), tsv->str);
  g_signal_emit_by_name (cell, "paste-clipboard");
  timeout = g_timeout_add_seconds (10, paste_timeout, NULL);
  while ((toast = nf_test_find_toast (window, "10000")) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  g_assert_true (gtk_widget_get_mapped (toast));
  nf_test_settle (window);
  g_assert_true (nf_metric_table_equal (table, nf_canvas_find_table (pristine, "t4", NULL)));
  g_assert_false (nf_canvas_get_modified (canvas));
  /* Nor did the text go into the cell as one long string. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_widget (editor, 0, 0))), ==,
                   nf_metric_table_get_cell (table, 0, 0)->text);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_accessible_label (GtkWidget    *widget,
                      gconstpointer label)
{
  g_autofree char *problem = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return problem == NULL;
}

static void
type_lines (GtkWidget  *entry,
            const char *text)
{
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

static void
assert_row_cite (NfMetricTable *table,
                 guint          row,
                 const char    *source,
                 guint          line,
                 guint          line_end)
{
  const NfRowCite *cite = nf_metric_table_get_row_cite (table, row);

  if (source == NULL)
    {
      g_assert_null (cite);
      return;
    }
  g_assert_nonnull (cite);
  g_assert_cmpstr (cite->source, ==, source);
  g_assert_cmpuint (cite->line, ==, line);
  g_assert_cmpuint (cite->line_end, ==, line_end);
}

/* A row's own citation in the editor: the source chosen, the line or the
 * range typed, each one undoable step; a range the source cannot have
 * (past its end, backwards, not a number, or lines without a source) is
 * said beside the field and not kept. Both fields have accessible names
 * and mnemonics. The source's file (80 lines) is made here. */
static void
test_row_cite (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (SENMIAO, NULL);
  g_autofree char *dir = nf_test_make_tmpdir ();
  GListModel *sources = nf_canvas_get_sources (canvas);
  g_autoptr(NfSource) source = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *path = NULL;
  const char *dirs[] = { dir, NULL };
  GtkWidget *window, *widget, *entry, *dropdown, *error, *mnemonic;
  NfTableEditor *editor;
  NfMetricTable *table = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (sources), >=, 1);
  source = g_list_model_get_item (sources, 0);
  for (guint i = 1; i <= 80; i++)
    g_string_append_printf (lines, "line %u\n", i);
  path = g_build_filename (dir, nf_source_get_address (source), NULL);
  g_assert_true (g_file_set_contents (path, lines->str, -1, NULL));

  window = show_editor (canvas, &widget);
  editor = NF_TABLE_EDITOR (widget);
  nf_table_editor_set_source_dirs (editor, dirs);
  for (guint i = 0; i < g_list_model_get_n_items (nf_canvas_get_tables (canvas)) && table == NULL; i++)
    {
      g_autoptr(NfMetricTable) t = g_list_model_get_item (nf_canvas_get_tables (canvas), i);

      if (nf_metric_table_get_n_rows (t) >= 3)
        table = t;
    }
  g_assert_nonnull (table);
  nf_table_editor_select_table (editor, table);
  nf_test_settle (window);
  g_assert_true (nf_table_editor_focus_cell (editor, 1, 0));
  nf_test_settle (window);

  entry = nf_test_find (widget, has_accessible_label, "Cited lines of the row");
  dropdown = nf_test_find (widget, has_accessible_label, "Source of the row");
  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_true (GTK_IS_DROP_DOWN (dropdown));
  nf_test_assert_showing (entry);
  nf_test_assert_showing (dropdown);
  g_assert_true (gtk_widget_get_sensitive (entry));
  {
    g_autofree char *label = g_strdup_printf ("Row 2 of %u", nf_metric_table_get_n_rows (table));

    nf_test_assert_showing (nf_test_find_label (widget, label));
  }
  /* Alt+S and Alt+L reach them. */
  mnemonic = nf_test_find (widget, nf_test_label_is, "Lines");
  g_assert_nonnull (mnemonic);
  g_assert_true (gtk_label_get_mnemonic_widget (GTK_LABEL (mnemonic)) == entry);
  gtk_widget_mnemonic_activate (mnemonic, FALSE);
  g_assert_true (has_focus_within (entry));
  mnemonic = nf_test_find (widget, nf_test_label_is, "Source");
  g_assert_nonnull (mnemonic);
  g_assert_true (gtk_label_get_mnemonic_widget (GTK_LABEL (mnemonic)) == dropdown);
  gtk_widget_mnemonic_activate (mnemonic, FALSE);
  g_assert_true (has_focus_within (dropdown));
  g_assert_true (nf_table_editor_focus_cell (editor, 1, 0));

  /* No source yet: lines alone are refused. */
  nf_canvas_set_table_row_cite (canvas, table, 1, NULL, 0, 0);
  nf_test_settle (window);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);
  type_lines (entry, "5");
  error = nf_test_find (widget, nf_test_label_contains, "Choose the source");
  g_assert_nonnull (error);
  nf_test_assert_showing (error);
  assert_row_cite (table, 1, NULL, 0, 0);

  /* A source: one step; then its lines: one more. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
  nf_test_settle (window);
  assert_row_cite (table, 1, nf_source_get_id (source), 5, 5);
  g_assert_false (gtk_widget_get_visible (error));
  type_lines (entry, "73 - 74");
  nf_test_settle (window);
  assert_row_cite (table, 1, nf_source_get_id (source), 73, 74);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "73–74");
  g_assert_true (gtk_widget_activate_action (widget, "tables.undo", NULL));
  nf_test_settle (window);
  assert_row_cite (table, 1, nf_source_get_id (source), 5, 5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "5");
  g_assert_true (gtk_widget_activate_action (widget, "tables.redo", NULL));
  nf_test_settle (window);
  assert_row_cite (table, 1, nf_source_get_id (source), 73, 74);

  /* Past the source's 80 lines, backwards, or not lines at all: said,
   * marked invalid for a screen reader, and not kept. */
  {
    const char *bad[] = { "79-81", "74-73", "abc", "0", NULL };
    const char *says[] = { "which has 80 lines", "first line to a later one", "line number",
                           "counted from 1" };

    for (guint i = 0; bad[i] != NULL; i++)
      {
        type_lines (entry, bad[i]);
        nf_test_settle (window);
        error = nf_test_find (widget, nf_test_label_contains, says[i]);
        if (error == NULL)
          g_error ("“%s” was not refused with “%s”", bad[i], says[i]);
        nf_test_assert_showing (error);
        g_assert_true (gtk_widget_has_css_class (entry, "error"));
        gtk_test_accessible_assert_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                          GTK_ACCESSIBLE_INVALID_TRUE);
        assert_row_cite (table, 1, nf_source_get_id (source), 73, 74);
        g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, bad[i]);
      }
  }
  type_lines (entry, "80");
  nf_test_settle (window);
  assert_row_cite (table, 1, nf_source_get_id (source), 80, 80);
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  nf_test_screenshot (window, "table-editor-row-cite.png");

  /* Another row shows its own; "No source" takes the citation away. */
  g_assert_true (nf_table_editor_focus_cell (editor, 2, 0));
  nf_test_settle (window);
  {
    const NfRowCite *cite = nf_metric_table_get_row_cite (table, 2);
    g_autofree char *expected = cite == NULL || cite->line == 0 ? g_strdup ("")
                              : cite->line_end > cite->line ? g_strdup_printf ("%u–%u", cite->line, cite->line_end)
                              : g_strdup_printf ("%u", cite->line);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, expected);
    g_assert_false (gtk_widget_has_css_class (entry, "error"));
  }
  g_assert_true (nf_table_editor_focus_cell (editor, 1, 0));
  nf_test_settle (window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "80");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  nf_test_settle (window);
  assert_row_cite (table, 1, NULL, 0, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
  nf_test_remove_tree (dir);
}

/* A row that cites nothing of its own is covered by its table's
 * citation, and the row bar says so (it said "No source" under every
 * cited table of the cases). */
static void
test_row_cite_from_table (void)
{
  for (guint c = 0; c < 4; c++)
    {
      g_autoptr(NfCanvas) canvas = nf_canvas_load_case (c, NULL);
      GListModel *tables = nf_canvas_get_tables (canvas);
      GtkWidget *window, *widget, *entry, *dropdown;
      NfTableEditor *editor;

      g_assert_nonnull (canvas);
      window = show_editor (canvas, &widget);
      editor = NF_TABLE_EDITOR (widget);
      entry = nf_test_find (widget, has_accessible_label, "Cited lines of the row");
      dropdown = nf_test_find (widget, has_accessible_label, "Source of the row");
      for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
        {
          g_autoptr(NfMetricTable) table = g_list_model_get_item (tables, t);
          const char *cited = nf_metric_table_get_cite_source (table);

          g_assert_nonnull (cited);
          nf_table_editor_select_table (editor, table);
          nf_test_settle (window);
          for (guint r = 0; r < nf_metric_table_get_n_rows (table); r++)
            {
              const NfRowCite *own = nf_metric_table_get_row_cite (table, r);
              g_autoptr(GObject) item = NULL;
              const char *shown;

              g_assert_true (nf_table_editor_focus_cell (editor, r, 0));
              nf_test_settle (window);
              item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));
              g_assert_nonnull (item);
              g_object_ref (item);
              shown = gtk_string_object_get_string (GTK_STRING_OBJECT (item));
              g_assert_cmpstr (shown, !=, "No source");
              if (own == NULL)
                {
                  NfSource *source = nf_canvas_find_source (canvas, cited);
                  g_autofree char *expected = g_strdup_printf ("As the table: %s", nf_source_get_title (source));
                  g_autofree char *line = g_strdup_printf ("%u", nf_metric_table_get_cite_line (table));

                  g_assert_cmpstr (shown, ==, expected);
                  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
                  g_assert_true (g_str_has_prefix (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), line));
                }
            }
        }
      if (c == 0)
        nf_test_screenshot (window, "table-editor-row-cite-table.png");
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* In English, 数跑科技's tables show the English the file carries, as
 * its canvas shows the notes' (they showed "公司概况" and "指标"), and an
 * edit there changes the English, not the Chinese it translates. */
static void
test_language (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (SHUPAO, NULL);
  g_autoptr(NfMetricTable) table = g_list_model_get_item (nf_canvas_get_tables (canvas), 0);
  GtkWidget *window, *widget, *title;
  NfTableEditor *editor;
  const NfCell *cell;

  window = show_editor (canvas, &widget);
  editor = NF_TABLE_EDITOR (widget);
  nf_table_editor_set_language (editor, "en");
  nf_table_editor_select_table (editor, table);
  g_assert_true (nf_table_editor_focus_cell (editor, 0, 0));
  nf_test_settle (window);
  g_assert_cmpstr (nf_text_get (nf_metric_table_get_title (table)), ==, "公司概况");
  nf_test_assert_showing (nf_test_find_label (widget, "Company figures"));
  g_assert_null (nf_test_find_label (widget, "公司概况"));
  title = nf_test_find (widget, has_accessible_label, "Table title");
  if (title != NULL)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Company figures");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_widget (editor, 0, 0))), ==, "Team size");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_widget (editor, 0, 1))), ==, "nearly 200 people");
  /* A cell without English shows what the file has. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_widget (editor, 1, 1))), ==, "85%");
  nf_test_screenshot (window, "table-editor-english.png");

  type_into_cell (editor, 0, 0, "Team headcount");
  nf_test_settle (window);
  cell = nf_metric_table_get_cell (table, 0, 0);
  g_assert_cmpstr (cell->text, ==, "团队人数");
  g_assert_cmpstr (nf_cell_get_text_for_language (cell, "en"), ==, "Team headcount");
  type_into_cell (editor, 0, 1, "about 200 people");
  nf_test_settle (window);
  cell = nf_metric_table_get_cell (table, 0, 1);
  g_assert_cmpstr (cell->text, ==, "近200人");
  g_assert_cmpfloat (cell->value, ==, 200);
  g_assert_cmpstr (nf_cell_get_text_for_language (cell, "en"), ==, "about 200 people");

  /* As written, with no language. */
  nf_table_editor_set_language (editor, NULL);
  nf_test_settle (window);
  nf_test_assert_showing (nf_test_find_label (widget, "公司概况"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell_widget (editor, 0, 0))), ==, "团队人数");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_cell_kind (NfMetricTable *table,
                  gboolean       has_type,
                  NfColumnType   type,
                  const char    *unit)
{
  const NfCell *cell = nf_metric_table_get_cell (table, 1, 0);

  g_assert_cmpint (cell->has_type, ==, has_type);
  if (has_type)
    g_assert_cmpint (cell->type, ==, type);
  g_assert_cmpstr (cell->unit != NULL ? nf_text_get (cell->unit) : NULL, ==, unit);
  g_assert_cmpstr (cell->text, ==, "85%");
}

/* The cell bar sets the current cell's own type and unit ("85%" among
 * counts), each one undoable step, and shows each cell's own. */
static void
test_cell_kind (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  g_autoptr(NfText) title = nf_text_new ("Fleet");
  g_autoptr(NfMetricTable) table = nf_metric_table_new ("t1", title);
  g_autoptr(NfText) name = nf_text_new ("Figure");
  const char * const rows[][2] = { { "1200", NULL }, { "85%", NULL } };
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *widget, *dropdown, *unit, *mnemonic;
  NfTableEditor *editor;
  NfMetricTable *t;

  nf_canvas_set_company (canvas, "Acme");
  nf_canvas_set_title (canvas, "Plan");
  nf_canvas_insert_table (canvas, 0, table, &error);
  g_assert_no_error (error);
  t = nf_canvas_find_table (canvas, "t1", NULL);
  nf_canvas_insert_table_column (canvas, t, 0, name, NF_COLUMN_COUNT, NULL);
  for (guint r = 0; r < 2; r++)
    nf_canvas_insert_table_row (canvas, t, r, rows[r]);
  g_assert_false (nf_metric_table_get_cell (t, 1, 0)->has_value);

  window = show_editor (canvas, &widget);
  editor = NF_TABLE_EDITOR (widget);
  nf_table_editor_select_table (editor, t);
  nf_test_settle (window);
  g_assert_true (nf_table_editor_focus_cell (editor, 1, 0));
  nf_test_settle (window);

  dropdown = nf_test_find (widget, has_accessible_label, "Cell type");
  unit = nf_test_find (widget, has_accessible_label, "Cell unit or currency");
  g_assert_true (GTK_IS_DROP_DOWN (dropdown));
  g_assert_true (GTK_IS_ENTRY (unit));
  nf_test_assert_showing (dropdown);
  nf_test_assert_showing (unit);
  nf_test_assert_showing (nf_test_find_label (widget, "Cell 2, 1"));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (unit));
  /* Alt+K reaches the kind. */
  mnemonic = nf_test_find (widget, nf_test_label_is, "Kind");
  g_assert_nonnull (mnemonic);
  g_assert_true (gtk_label_get_mnemonic_widget (GTK_LABEL (mnemonic)) == dropdown);
  gtk_widget_mnemonic_activate (mnemonic, FALSE);
  g_assert_true (has_focus_within (dropdown));

  /* Percent: the text is read as 0.85; one step. Then a unit: one more. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), NF_COLUMN_PERCENT + 1);
  nf_test_settle (window);
  assert_cell_kind (t, TRUE, NF_COLUMN_PERCENT, NULL);
  g_assert_true (nf_metric_table_get_cell (t, 1, 0)->has_value);
  g_assert_cmpfloat_with_epsilon (nf_metric_table_get_cell (t, 1, 0)->value, 0.85, 1e-12);
  g_assert_true (gtk_widget_is_sensitive (unit));
  type_lines (unit, " pts ");
  nf_test_settle (window);
  assert_cell_kind (t, TRUE, NF_COLUMN_PERCENT, "pts");
  nf_test_screenshot (window, "table-editor-cell-kind.png");

  g_assert_true (gtk_widget_activate_action (widget, "tables.undo", NULL));
  nf_test_settle (window);
  assert_cell_kind (t, TRUE, NF_COLUMN_PERCENT, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (unit)), ==, "");
  g_assert_true (gtk_widget_activate_action (widget, "tables.undo", NULL));
  nf_test_settle (window);
  assert_cell_kind (t, FALSE, NF_COLUMN_TEXT, NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);
  g_assert_false (nf_metric_table_get_cell (t, 1, 0)->has_value);
  g_assert_true (gtk_widget_activate_action (widget, "tables.redo", NULL));
  g_assert_true (gtk_widget_activate_action (widget, "tables.redo", NULL));
  nf_test_settle (window);
  assert_cell_kind (t, TRUE, NF_COLUMN_PERCENT, "pts");

  /* Each cell shows its own: the first is its column's. */
  g_assert_true (nf_table_editor_focus_cell (editor, 0, 0));
  nf_test_settle (window);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (unit)), ==, "");
  g_assert_true (nf_table_editor_focus_cell (editor, 1, 0));
  nf_test_settle (window);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, NF_COLUMN_PERCENT + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (unit)), ==, "pts");

  /* "As its column" takes the type and its unit away. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  nf_test_settle (window);
  assert_cell_kind (t, FALSE, NF_COLUMN_TEXT, NULL);
  g_assert_false (gtk_widget_is_sensitive (unit));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A row far down a long table, asked for as a Checks finding asks for
 * it: the view scrolls to it and its first cell takes the focus. */
static void
test_show_far_row (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  g_autoptr(NfText) title = nf_text_new ("Long");
  g_autoptr(NfText) name = nf_text_new ("Item");
  g_autoptr(NfMetricTable) table = nf_metric_table_new ("t1", title);
  GtkWidget *window, *widget, *cell;
  guint row, column;

  g_assert_true (nf_canvas_insert_table (canvas, 0, table, NULL));
  nf_canvas_insert_table_column (canvas, table, 0, name, NF_COLUMN_TEXT, NULL);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *text = g_strdup_printf ("item %u", i + 1);
      const char *cells[] = { text, NULL };

      nf_canvas_insert_table_row (canvas, table, i, cells);
    }
  /* GTK 4.8 warns ("unexpected blinking selection") when a text field
   * the list recycles takes the focus while its cursor blinks; the field
   * works, so warnings are not fatal here. Criticals still are. */
  GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  window = show_editor (canvas, &widget);
  nf_test_settle (window);
  g_assert_null (nf_table_editor_get_cell_widget (NF_TABLE_EDITOR (widget), 289, 0));
  nf_table_editor_show_row (NF_TABLE_EDITOR (widget), table, 289);
  for (guint i = 0; i < 5; i++)
    nf_test_settle (window);
  nf_table_editor_get_cursor (NF_TABLE_EDITOR (widget), &row, &column);
  g_assert_cmpuint (row, ==, 289);
  g_assert_cmpuint (column, ==, 0);
  cell = nf_table_editor_get_cell_widget (NF_TABLE_EDITOR (widget), 289, 0);
  g_assert_nonnull (cell);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cell)), ==, "item 290");
  nf_test_assert_showing (cell);
  g_assert_true (has_focus_within (cell));
  gtk_window_destroy (GTK_WINDOW (window));
  g_log_set_always_fatal (fatal);
}

int
main (int    argc,
      char **argv)
{
  if (!nf_test_gui_init (&argc, &argv))
    return 0;
  /* The application loads the style sheet; here there is none. */
  nf_test_gui_load_style ();

  g_test_add_func ("/gui/table-editor/cells", test_cells);
  g_test_add_func ("/gui/table-editor/rows-and-columns", test_rows_and_columns);
  g_test_add_func ("/gui/table-editor/tables", test_tables);
  g_test_add_func ("/gui/table-editor/paste-cells", test_paste_cells);
  g_test_add_func ("/gui/table-editor/paste-past-limit", test_paste_past_limit);
  g_test_add_func ("/gui/table-editor/row-cite", test_row_cite);
  g_test_add_func ("/gui/table-editor/row-cite-from-table", test_row_cite_from_table);
  g_test_add_func ("/gui/table-editor/language", test_language);
  g_test_add_func ("/gui/table-editor/cell-kind", test_cell_kind);
  g_test_add_func ("/gui/table-editor/show-far-row", test_show_far_row);
  g_test_add_func ("/gui/table-editor/titles-whole", test_titles_whole);
  g_test_add_func ("/gui/table-editor/screenshots", test_screenshots);

  return g_test_run ();
}
