/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-table-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-gui-resources-private.h"
#include "nf-table-editor-private.h"
#include "nf-table-view.h"

G_DEFINE_FINAL_TYPE (NfTableEditor, nf_table_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CANVAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In NfColumnType order. */
const char * const _nf_table_editor_type_names[6] = {
  N_("Text"), N_("Number"), N_("Money"), N_("Percent"), N_("Count"), N_("Year"),
};

static void show_table (NfTableEditor *self);

static const char *
block_name (NfBlock block)
{
  return block == NF_BLOCK_NONE ? _("No block") : nf_block_title (block);
}

/* --- Editables: typed text is "dirty" until committed; the model is
 * shown only in clean ones, so a refresh never eats what is being typed. */

static void
editable_changed (GtkEditable   *editable,
                  NfTableEditor *self)
{
  if (self->updating == 0)
    g_object_set_data (G_OBJECT (editable), "nf-dirty", GINT_TO_POINTER (TRUE));
}

gboolean
_nf_table_editor_is_dirty (gpointer editable)
{
  return g_object_get_data (G_OBJECT (editable), "nf-dirty") != NULL;
}

void
_nf_table_editor_show_text (NfTableEditor *self,
                            GtkEditable   *editable,
                            const char    *text)
{
  if (_nf_table_editor_is_dirty (editable))
    return;
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") == 0)
    return;
  self->updating++;
  gtk_editable_set_text (editable, text ? text : "");
  self->updating--;
}

char *
_nf_table_editor_editable_take_text (GtkEditable *editable)
{
  g_object_set_data (G_OBJECT (editable), "nf-dirty", NULL);
  return nf_text_clean (gtk_editable_get_text (editable), -1);
}

void
_nf_table_editor_clean_editable (GtkEditable *editable)
{
  g_object_set_data (G_OBJECT (editable), "nf-dirty", NULL);
}

const char *
_nf_table_editor_shown_text (NfTableEditor *self,
                             NfText        *text)
{
  /* A NULL language reads the text as written. */
  return text != NULL ? nf_text_for_language (text, self->language) : "";
}

static void
update_column_bar (NfTableEditor *self)
{
  guint n = self->table != NULL ? nf_metric_table_get_n_columns (self->table) : 0;
  const NfColumn *column;
  g_autofree char *label = NULL;
  guint col;

  nf_table_view_get_cursor (self->view, NULL, &col);
  gtk_widget_set_sensitive (self->column_box, col < n);
  if (col >= n)
    return;
  column = nf_metric_table_get_column (self->table, col);
  /* TRANSLATORS: before the fields of the current column, e.g. "Column 2 of 3". */
  label = g_strdup_printf (_("Column %u of %u"), col + 1, n);
  gtk_label_set_text (self->column_label, label);
  _nf_table_editor_show_text (self, GTK_EDITABLE (self->column_name_entry), _nf_table_editor_shown_text (self, column->name));
  _nf_table_editor_show_text (self, GTK_EDITABLE (self->column_unit_entry), column->unit);
  self->updating++;
  gtk_drop_down_set_selected (self->column_type_dropdown, column->type);
  self->updating--;
}


static void
sync_actions (NfTableEditor *self)
{
  NfHistory *history = nf_canvas_get_history (self->canvas);
  guint n_rows = self->table != NULL ? nf_metric_table_get_n_rows (self->table) : 0;
  guint n_cols = self->table != NULL ? nf_metric_table_get_n_columns (self->table) : 0;
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean edit = !self->read_only;
  guint row, col;

  nf_table_view_get_cursor (self->view, &row, &col);
  gtk_widget_action_set_enabled (widget, "tables.add-row", edit && self->table != NULL);
  gtk_widget_action_set_enabled (widget, "tables.remove-row", edit && row < n_rows);
  gtk_widget_action_set_enabled (widget, "tables.add-column", edit && self->table != NULL);
  /* A table keeps at least one column (see docs/FORMAT.md). */
  gtk_widget_action_set_enabled (widget, "tables.remove-column", edit && col < n_cols && n_cols > 1);
  gtk_widget_action_set_enabled (widget, "tables.add-table", edit);
  gtk_widget_action_set_enabled (widget, "tables.remove-table", edit && self->table != NULL);
  gtk_widget_action_set_enabled (widget, "tables.undo", edit && nf_history_can_undo (history));
  gtk_widget_action_set_enabled (widget, "tables.redo", edit && nf_history_can_redo (history));
}

/* After the view's own handler, which keeps the cursor in the table. */
static void
table_changed (NfTableEditor *self)
{
  update_column_bar (self);
  _nf_table_editor_update_cell_bar (self);
  _nf_table_editor_update_row_bar (self);
  _nf_table_editor_show_text (self, GTK_EDITABLE (self->title_entry),
                              _nf_table_editor_shown_text (self, nf_metric_table_get_title (self->table)));
  self->updating++;
  gtk_drop_down_set_selected (self->block_dropdown, (guint) (nf_metric_table_get_block (self->table) + 1));
  self->updating--;
  sync_actions (self);
}

static void
cursor_changed (NfTableEditor *self)
{
  guint row;

  /* Lines typed for the row the cursor leaves are that row's. */
  nf_table_view_get_cursor (self->view, &row, NULL);
  if (row != self->shown_row && _nf_table_editor_is_dirty (self->row_lines_entry))
    _nf_table_editor_commit_row_lines (self);
  update_column_bar (self);
  _nf_table_editor_update_cell_bar (self);
  _nf_table_editor_update_row_bar (self);
  sync_actions (self);
}

static void
set_table (NfTableEditor *self,
           NfMetricTable *table)
{
  if (table == self->table)
    return;
  if (self->table != NULL)
    {
      g_clear_signal_handler (&self->table_changed_id, self->table);
      g_clear_object (&self->table);
    }
  _nf_table_editor_clean_editable (GTK_EDITABLE (self->title_entry));
  _nf_table_editor_clean_editable (GTK_EDITABLE (self->column_name_entry));
  _nf_table_editor_clean_editable (GTK_EDITABLE (self->column_unit_entry));
  _nf_table_editor_clean_editable (GTK_EDITABLE (self->row_lines_entry));
  self->shown_row = G_MAXUINT;
  self->table = table != NULL ? g_object_ref (table) : NULL;
  nf_table_view_set_table (self->view, table);
  if (table == NULL)
    {
      sync_actions (self);
      return;
    }
  self->table_changed_id = g_signal_connect_swapped (table, "changed", G_CALLBACK (table_changed), self);
  table_changed (self);
}

/* --- The list of tables --- */

static void
table_row_update (GtkWidget *row)
{
  NfMetricTable *table = g_object_get_data (G_OBJECT (row), "nf-table");
  guint n_rows = nf_metric_table_get_n_rows (table);
  g_autofree char *rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", n_rows), n_rows);
  /* TRANSLATORS: under a table's title in the list: its block and its number of rows. */
  g_autofree char *caption = g_strdup_printf (_("%s · %s"), block_name (nf_metric_table_get_block (table)), rows);
  NfTableEditor *self = g_object_get_data (G_OBJECT (row), "nf-editor");
  const char *title = _nf_table_editor_shown_text (self, nf_metric_table_get_title (table));

  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "nf-title"), title);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "nf-caption"), caption);
  gtk_widget_set_tooltip_text (row, title);
}

static GtkWidget *
create_table_row (gpointer item,
                  gpointer user_data)
{
  NfMetricTable *table = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  /* A long title ("Market analysis: potential drivers and loan growth")
   * takes another line rather than losing its end to an ellipsis. */
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "nf-table", g_object_ref (table), g_object_unref);
  g_object_set_data (G_OBJECT (row), "nf-title", title);
  g_object_set_data (G_OBJECT (row), "nf-caption", caption);
  g_object_set_data (G_OBJECT (row), "nf-editor", user_data);
  g_signal_connect_object (table, "changed", G_CALLBACK (table_row_update), row, G_CONNECT_SWAPPED);
  table_row_update (row);
  return row;
}

static void
table_row_selected (GtkListBox    *list,
                    GtkListBoxRow *row,
                    NfTableEditor *self)
{
  if (row != NULL && self->updating == 0)
    set_table (self, g_object_get_data (G_OBJECT (row), "nf-table"));
}

/* Runs after the list box has rebuilt its rows: keeps the table shown if
 * it is still there, else shows its neighbour. */
static void
tables_changed (NfTableEditor *self,
                guint          position,
                guint          removed,
                guint          added)
{
  GListModel *tables = nf_canvas_get_tables (self->canvas);
  guint n = g_list_model_get_n_items (tables);
  guint index = 0;
  g_autoptr(NfMetricTable) table = NULL;

  if (self->table == NULL ||
      nf_canvas_find_table (self->canvas, nf_metric_table_get_id (self->table), &index) != self->table)
    index = MIN (position, n > 0 ? n - 1 : 0);
  table = n > 0 ? g_list_model_get_item (tables, index) : NULL;
  set_table (self, table);
  show_table (self);
}

static void
show_table (NfTableEditor *self)
{
  GListModel *tables = nf_canvas_get_tables (self->canvas);
  guint index = 0;

  gtk_stack_set_visible_child_name (self->stack, self->table != NULL ? "tables" : "empty");
  if (self->table == NULL || nf_canvas_find_table (self->canvas, nf_metric_table_get_id (self->table), &index) == NULL)
    return;
  g_assert (index < g_list_model_get_n_items (tables));
  self->updating++;
  gtk_list_box_select_row (self->table_list, gtk_list_box_get_row_at_index (self->table_list, (int) index));
  self->updating--;
}

/* --- Title, block and column fields --- */

static void
commit_title (NfTableEditor *self)
{
  g_autofree char *text = NULL;
  NfText *old;

  if (self->table == NULL || !_nf_table_editor_is_dirty (self->title_entry))
    return;
  text = _nf_table_editor_editable_take_text (GTK_EDITABLE (self->title_entry));
  old = nf_metric_table_get_title (self->table);
  /* A table always has a title; an emptied field falls back to it. */
  if (*g_strstrip (text) != '\0' && g_strcmp0 (text, _nf_table_editor_shown_text (self, old)) != 0)
    {
      /* What was shown is what was edited: a translation stays one. */
      g_autoptr(NfText) title = nf_text_edited_for_language (old, self->language, text);

      nf_canvas_set_table_title (self->canvas, self->table, title);
    }
  else
    table_changed (self);
}

static void
block_selected (NfTableEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->block_dropdown);

  if (self->updating > 0 || self->table == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  nf_canvas_set_table_block (self->canvas, self->table, (NfBlock) ((int) selected - 1));
}

static void
commit_column (NfTableEditor *self)
{
  g_autofree char *name = NULL;
  g_autofree char *unit = NULL;
  const NfColumn *column;
  guint type = gtk_drop_down_get_selected (self->column_type_dropdown);
  guint col;

  nf_table_view_get_cursor (self->view, NULL, &col);
  if (self->updating > 0 || self->table == NULL || col >= nf_metric_table_get_n_columns (self->table))
    return;
  column = nf_metric_table_get_column (self->table, col);
  name = _nf_table_editor_editable_take_text (GTK_EDITABLE (self->column_name_entry));
  unit = _nf_table_editor_editable_take_text (GTK_EDITABLE (self->column_unit_entry));
  g_strstrip (name);
  g_strstrip (unit);
  if (*name == '\0')
    {
      g_free (name);
      name = g_strdup (_nf_table_editor_shown_text (self, column->name));
    }
  if (type > NF_COLUMN_YEAR)
    type = column->type;
  if (g_strcmp0 (name, _nf_table_editor_shown_text (self, column->name)) != 0 || type != column->type ||
      g_strcmp0 (*unit != '\0' ? unit : NULL, column->unit) != 0)
    {
      g_autoptr(NfText) text = nf_text_edited_for_language (column->name, self->language, name);

      nf_canvas_set_table_column (self->canvas, self->table, col, text,
                                  (NfColumnType) type, *unit != '\0' ? unit : NULL);
    }
  else
    table_changed (self);
}

static void
connect_field (NfTableEditor *self,
               GtkWidget     *entry,
               GCallback      commit)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  /* Editing the text in a field is one step, committed on Enter or when
   * the focus leaves; never one step a keystroke. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (editable_changed), self);
  g_signal_connect_swapped (entry, "activate", commit, self);
  g_signal_connect_swapped (focus, "leave", commit, self);
  gtk_widget_add_controller (entry, focus);
}

/* --- Actions --- */

static void
add_row_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NfTableEditor *self = NF_TABLE_EDITOR (widget);
  guint n_rows = nf_metric_table_get_n_rows (self->table);
  g_autoptr(GError) error = NULL;
  guint row, col;

  nf_table_view_get_cursor (self->view, &row, &col);
  row = row < n_rows ? row + 1 : n_rows;
  if (col >= nf_metric_table_get_n_columns (self->table))
    col = 0;
  if (!nf_canvas_check_table_room (self->canvas, self->table, 1, 0, &error))
    {
      nf_table_view_show_refusal (self->view, _("Row not added"), error->message);
      return;
    }
  nf_canvas_insert_table_row (self->canvas, self->table, row, NULL);
  nf_table_view_set_cursor (self->view, row, col, TRUE);
}

static void
remove_row_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NfTableEditor *self = NF_TABLE_EDITOR (widget);
  guint row;

  nf_table_view_get_cursor (self->view, &row, NULL);
  if (row < nf_metric_table_get_n_rows (self->table))
    nf_canvas_remove_table_row (self->canvas, self->table, row);
}

static void
add_column_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NfTableEditor *self = NF_TABLE_EDITOR (widget);
  guint n_cols = nf_metric_table_get_n_columns (self->table);
  g_autofree char *name = NULL;
  g_autoptr(NfText) text = NULL;
  g_autoptr(GError) error = NULL;
  guint row, col;

  nf_table_view_get_cursor (self->view, &row, &col);
  col = col < n_cols ? col + 1 : n_cols;
  if (!nf_canvas_check_table_room (self->canvas, self->table, 0, 1, &error))
    {
      nf_table_view_show_refusal (self->view, _("Column not added"), error->message);
      return;
    }
  /* TRANSLATORS: the name of a new column; %u is its place, from 1. */
  name = g_strdup_printf (_("Column %u"), col + 1);
  text = nf_text_new (name);
  nf_canvas_insert_table_column (self->canvas, self->table, col, text, NF_COLUMN_TEXT, NULL);
  nf_table_view_set_cursor (self->view, row, col, FALSE);
  /* A new column wants a name first. */
  gtk_widget_grab_focus (GTK_WIDGET (self->column_name_entry));
}

static void
remove_column_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NfTableEditor *self = NF_TABLE_EDITOR (widget);
  guint n_cols = nf_metric_table_get_n_columns (self->table);
  guint col;

  nf_table_view_get_cursor (self->view, NULL, &col);
  if (col < n_cols && n_cols > 1)
    nf_canvas_remove_table_column (self->canvas, self->table, col);
}

static void
add_table_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NfTableEditor *self = NF_TABLE_EDITOR (widget);
  GListModel *tables = nf_canvas_get_tables (self->canvas);
  g_autofree char *id = nf_canvas_new_table_id (self->canvas);
  g_autoptr(NfText) title = nf_text_new (_("New Table"));
  g_autoptr(NfText) name = nf_text_new (_("Item"));
  g_autoptr(NfText) value = nf_text_new (_("Value"));
  g_autoptr(NfMetricTable) table = nf_metric_table_new (id, title);
  g_autoptr(GError) error = NULL;
  guint index = g_list_model_get_n_items (tables);

  if (self->table != NULL)
    nf_canvas_find_table (self->canvas, nf_metric_table_get_id (self->table), &index), index++;

  nf_canvas_begin_group (self->canvas, _("Add Table"));
  if (nf_canvas_insert_table (self->canvas, index, table, &error))
    {
      nf_canvas_set_table_block (self->canvas, table, self->table != NULL ? nf_metric_table_get_block (self->table)
                                                                          : NF_BLOCK_NONE);
      nf_canvas_insert_table_column (self->canvas, table, 0, name, NF_COLUMN_TEXT, NULL);
      nf_canvas_insert_table_column (self->canvas, table, 1, value, NF_COLUMN_NUMBER, NULL);
      nf_canvas_insert_table_row (self->canvas, table, 0, NULL);
    }
  nf_canvas_end_group (self->canvas);
  if (error != NULL)
    {
      g_warning ("Could not add a table: %s", error->message);
      return;
    }
  nf_table_editor_select_table (self, table);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

static void
remove_table_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NfTableEditor *self = NF_TABLE_EDITOR (widget);

  if (self->table != NULL)
    nf_canvas_remove_table (self->canvas, self->table);
}

/* Text not yet committed is dropped: undo goes back from what the canvas
 * holds, not from half-typed text. */
static void
drop_typing (NfTableEditor *self)
{
  nf_table_view_drop_typing (self->view);
  _nf_table_editor_clean_editable (GTK_EDITABLE (self->title_entry));
  _nf_table_editor_clean_editable (GTK_EDITABLE (self->column_name_entry));
  _nf_table_editor_clean_editable (GTK_EDITABLE (self->column_unit_entry));
  _nf_table_editor_clean_editable (GTK_EDITABLE (self->row_lines_entry));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NfTableEditor *self = NF_TABLE_EDITOR (widget);
  NfHistory *history = nf_canvas_get_history (self->canvas);

  drop_typing (self);
  if (g_str_equal (action_name, "tables.undo"))
    nf_history_undo (history);
  else
    nf_history_redo (history);
  if (self->table != NULL)
    table_changed (self);
}

/* GTK 4.8's drop-down does nothing with its label's mnemonic; Alt+S
 * should reach it as Alt+L reaches the lines. */
static gboolean
dropdown_mnemonic (GtkWidget *dropdown,
                   gboolean   group_cycling)
{
  return gtk_widget_grab_focus (dropdown);
}

/* --- GObject --- */

/* Ctrl+Z undoes the canvas's steps even in a text field, whose own key
 * bindings would take it first; hence the capture phase. */
static void
add_history_shortcuts (GtkWidget  *widget,
                       const char *undo,
                       const char *redo)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *redo_trigger =
    gtk_alternative_trigger_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>z"),
                                 gtk_shortcut_trigger_parse_string ("<Control><Shift>Z"));

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>z"),
                                                          gtk_named_action_new (undo)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (redo_trigger, gtk_named_action_new (redo)));
  gtk_widget_add_controller (widget, controller);
}


static void
nf_table_editor_constructed (GObject *object)
{
  NfTableEditor *self = NF_TABLE_EDITOR (object);
  GListModel *tables = nf_canvas_get_tables (self->canvas);
  NfHistory *history = nf_canvas_get_history (self->canvas);

  G_OBJECT_CLASS (nf_table_editor_parent_class)->constructed (object);

  self->view = NF_TABLE_VIEW (nf_table_view_new (self->canvas));
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  gtk_box_append (self->view_box, GTK_WIDGET (self->view));
  g_signal_connect_object (self->view, "cursor-changed", G_CALLBACK (cursor_changed), self, G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->table_list, tables, create_table_row, self, NULL);
  /* After the list box's own handler, so its rows are there to select. */
  g_signal_connect_object (tables, "items-changed", G_CALLBACK (tables_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (history, "notify::can-undo", G_CALLBACK (sync_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (nf_canvas_get_sources (self->canvas), "items-changed", G_CALLBACK (_nf_table_editor_update_row_bar),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (history, "notify::can-redo", G_CALLBACK (sync_actions), self, G_CONNECT_SWAPPED);
  tables_changed (self, 0, 0, g_list_model_get_n_items (tables));
  sync_actions (self);
}

static void
nf_table_editor_dispose (GObject *object)
{
  NfTableEditor *self = NF_TABLE_EDITOR (object);

  if (self->table != NULL)
    g_clear_signal_handler (&self->table_changed_id, self->table);
  g_clear_object (&self->table);
  g_clear_pointer (&self->row_source_ids, g_strfreev);
  g_clear_pointer (&self->source_dirs, g_strfreev);
  g_clear_pointer (&self->language, g_free);
  if (self->canvas != NULL)
    {
      g_signal_handlers_disconnect_by_data (nf_canvas_get_sources (self->canvas), self);
      g_signal_handlers_disconnect_by_data (nf_canvas_get_tables (self->canvas), self);
      g_signal_handlers_disconnect_by_data (nf_canvas_get_history (self->canvas), self);
    }
  /* AdwBin drops its child (the template's stack) itself, and the
   * template's references go with the widget. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->canvas);

  G_OBJECT_CLASS (nf_table_editor_parent_class)->dispose (object);
}

static void
nf_table_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NfTableEditor *self = NF_TABLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_table_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NfTableEditor *self = NF_TABLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      self->canvas = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_table_editor_class_init (NfTableEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nf_table_editor_constructed;
  object_class->dispose = nf_table_editor_dispose;
  object_class->get_property = nf_table_editor_get_property;
  object_class->set_property = nf_table_editor_set_property;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, NF_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _nf_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-table-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, table_list);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, block_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, column_box);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, column_label);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, column_name_entry);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, column_type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, column_unit_entry);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, cell_box);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, cell_label);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, cell_type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, cell_unit_entry);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, row_box);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, row_label);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, row_source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, row_lines_entry);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, row_error);
  gtk_widget_class_bind_template_child (widget_class, NfTableEditor, view_box);

  gtk_widget_class_install_action (widget_class, "tables.add-row", NULL, add_row_action);
  gtk_widget_class_install_action (widget_class, "tables.remove-row", NULL, remove_row_action);
  gtk_widget_class_install_action (widget_class, "tables.add-column", NULL, add_column_action);
  gtk_widget_class_install_action (widget_class, "tables.remove-column", NULL, remove_column_action);
  gtk_widget_class_install_action (widget_class, "tables.add-table", NULL, add_table_action);
  gtk_widget_class_install_action (widget_class, "tables.remove-table", NULL, remove_table_action);
  gtk_widget_class_install_action (widget_class, "tables.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "tables.redo", NULL, history_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "tables.add-row", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "tables.add-row", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "tables.remove-row", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "tables.add-column", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "tables.add-column", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_underscore, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "tables.remove-column", NULL);
}

static void
nf_table_editor_init (NfTableEditor *self)
{
  self->shown_row = G_MAXUINT;
  g_autoptr(GtkStringList) blocks = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  add_history_shortcuts (GTK_WIDGET (self), "tables.undo", "tables.redo");

  for (int b = NF_BLOCK_NONE; b < NF_N_BLOCKS; b++)
    gtk_string_list_append (blocks, block_name ((NfBlock) b));
  gtk_drop_down_set_model (self->block_dropdown, G_LIST_MODEL (blocks));
  for (guint t = 0; t < G_N_ELEMENTS (_nf_table_editor_type_names); t++)
    gtk_string_list_append (types, _(_nf_table_editor_type_names[t]));
  gtk_drop_down_set_model (self->column_type_dropdown, G_LIST_MODEL (types));


  g_signal_connect (self->table_list, "row-selected", G_CALLBACK (table_row_selected), self);
  g_signal_connect_swapped (self->block_dropdown, "notify::selected", G_CALLBACK (block_selected), self);
  g_signal_connect_swapped (self->column_type_dropdown, "notify::selected", G_CALLBACK (commit_column), self);
  connect_field (self, GTK_WIDGET (self->title_entry), G_CALLBACK (commit_title));
  connect_field (self, GTK_WIDGET (self->column_name_entry), G_CALLBACK (commit_column));
  connect_field (self, GTK_WIDGET (self->column_unit_entry), G_CALLBACK (commit_column));
  connect_field (self, GTK_WIDGET (self->row_lines_entry), G_CALLBACK (_nf_table_editor_commit_row_lines));
  connect_field (self, GTK_WIDGET (self->cell_unit_entry), G_CALLBACK (_nf_table_editor_commit_cell_kind));
  _nf_table_editor_init_cell_bar (self);
  g_signal_connect (self->row_source_dropdown, "mnemonic-activate", G_CALLBACK (dropdown_mnemonic), NULL);
  g_signal_connect (self->cell_type_dropdown, "mnemonic-activate", G_CALLBACK (dropdown_mnemonic), NULL);
  g_signal_connect_swapped (self->row_source_dropdown, "notify::selected", G_CALLBACK (_nf_table_editor_row_source_selected), self);
}

/* --- Public --- */

GtkWidget *
nf_table_editor_new (NfCanvas *canvas)
{
  g_return_val_if_fail (NF_IS_CANVAS (canvas), NULL);

  return g_object_new (NF_TYPE_TABLE_EDITOR, "canvas", canvas, NULL);
}

NfCanvas *
nf_table_editor_get_canvas (NfTableEditor *self)
{
  g_return_val_if_fail (NF_IS_TABLE_EDITOR (self), NULL);

  return self->canvas;
}

NfMetricTable *
nf_table_editor_get_table (NfTableEditor *self)
{
  g_return_val_if_fail (NF_IS_TABLE_EDITOR (self), NULL);

  return self->table;
}

void
nf_table_editor_select_table (NfTableEditor *self,
                              NfMetricTable *table)
{
  g_return_if_fail (NF_IS_TABLE_EDITOR (self));
  g_return_if_fail (NF_IS_METRIC_TABLE (table));

  if (nf_canvas_find_table (self->canvas, nf_metric_table_get_id (table), NULL) != table)
    return;
  set_table (self, table);
  show_table (self);
}

void
nf_table_editor_set_source_dirs (NfTableEditor      *self,
                                 const char * const *dirs)
{
  g_return_if_fail (NF_IS_TABLE_EDITOR (self));

  g_strfreev (self->source_dirs);
  self->source_dirs = g_strdupv ((char **) dirs);
}

void
nf_table_editor_show_row (NfTableEditor *self,
                          NfMetricTable *table,
                          guint          row)
{
  nf_table_editor_show_cell (self, table, row, 0);
}

void
nf_table_editor_show_cell (NfTableEditor *self,
                           NfMetricTable *table,
                           guint          row,
                           guint          column)
{
  g_return_if_fail (NF_IS_TABLE_EDITOR (self));
  g_return_if_fail (NF_IS_METRIC_TABLE (table));

  nf_table_editor_select_table (self, table);
  if (self->table != table || row >= nf_metric_table_get_n_rows (table) ||
      nf_metric_table_get_n_columns (table) == 0)
    return;
  nf_table_view_set_cursor (self->view, row,
                            column < nf_metric_table_get_n_columns (table) ? column : 0, TRUE);
}

void
nf_table_editor_get_cursor (NfTableEditor *self,
                            guint         *out_row,
                            guint         *out_column)
{
  g_return_if_fail (NF_IS_TABLE_EDITOR (self));

  nf_table_view_get_cursor (self->view, out_row, out_column);
}

gboolean
nf_table_editor_focus_cell (NfTableEditor *self,
                            guint          row,
                            guint          column)
{
  g_return_val_if_fail (NF_IS_TABLE_EDITOR (self), FALSE);

  return nf_table_view_focus_cell (self->view, row, column);
}

GtkWidget *
nf_table_editor_get_cell_widget (NfTableEditor *self,
                                 guint          row,
                                 guint          column)
{
  g_return_val_if_fail (NF_IS_TABLE_EDITOR (self), NULL);

  return nf_table_view_get_cell_widget (self->view, row, column);
}

/* A version from git: its tables can be read, and nothing in them edited
 * (the actions off, the fields not editable, the cells read only). */
void
nf_table_editor_set_read_only (NfTableEditor *self,
                               gboolean       read_only)
{
  GtkEditable *fields[] = { GTK_EDITABLE (self->title_entry), GTK_EDITABLE (self->column_name_entry),
                            GTK_EDITABLE (self->column_unit_entry), GTK_EDITABLE (self->cell_unit_entry) };

  g_return_if_fail (NF_IS_TABLE_EDITOR (self));

  self->read_only = !!read_only;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_editable_set_editable (fields[i], !self->read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->block_dropdown), !self->read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->column_type_dropdown), !self->read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->row_source_dropdown), !self->read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cell_type_dropdown), !self->read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->row_lines_entry), !self->read_only);
  nf_table_view_set_read_only (self->view, self->read_only);
  sync_actions (self);
}

void
nf_table_editor_set_language (NfTableEditor *self,
                              const char    *language)
{
  g_return_if_fail (NF_IS_TABLE_EDITOR (self));

  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  nf_table_view_set_language (self->view, language);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->table_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "nf-table") != NULL)
      table_row_update (row);
  /* The fields show the model again, in the new language. */
  _nf_table_editor_clean_editable (GTK_EDITABLE (self->title_entry));
  _nf_table_editor_clean_editable (GTK_EDITABLE (self->column_name_entry));
  if (self->table != NULL)
    table_changed (self);
}
