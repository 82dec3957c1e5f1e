/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The table editor's cell bar: the current cell's own type and unit
 * (format 1.3), for a figure of another kind than its column's, such as
 * "85%" in a column of counts or "60 days" in a column of words. "As its
 * column" takes the cell's own kind away. */
#define G_LOG_DOMAIN "nf-table-editor"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-table-editor-private.h"

/* The drop-down's first item; the types follow in NfColumnType's order. */
#define AS_COLUMN 0

static gboolean
current_cell (NfTableEditor *self,
              guint         *out_row,
              guint         *out_col)
{
  if (self->table == NULL)
    return FALSE;
  nf_table_view_get_cursor (self->view, out_row, out_col);
  return *out_row < nf_metric_table_get_n_rows (self->table) &&
         *out_col < nf_metric_table_get_n_columns (self->table);
}

void
_nf_table_editor_update_cell_bar (NfTableEditor *self)
{
  const NfCell *cell;
  g_autofree char *label = NULL;
  guint row, col;
  gboolean here = current_cell (self, &row, &col);

  gtk_widget_set_sensitive (self->cell_box, here);
  if (!here)
    return;
  cell = nf_metric_table_get_cell (self->table, row, col);
  /* TRANSLATORS: before the current cell's own type and unit, e.g.
   * "Cell 2, 3": its row, then its column. */
  label = g_strdup_printf (_("Cell %u, %u"), row + 1, col + 1);
  gtk_label_set_text (self->cell_label, label);
  self->updating++;
  gtk_drop_down_set_selected (self->cell_type_dropdown, cell->has_type ? (guint) cell->type + 1 : AS_COLUMN);
  self->updating--;
  _nf_table_editor_show_text (self, GTK_EDITABLE (self->cell_unit_entry),
                              cell->unit != NULL ? nf_text_get (cell->unit) : NULL);
  /* A unit comes only with a type of the cell's own. Focus leaves the
   * unit first when it goes (an undo): a focused field made insensitive
   * never hears that it lost the focus. */
  if (!cell->has_type)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->cell_unit_entry)))
        gtk_widget_grab_focus (GTK_WIDGET (self->cell_type_dropdown));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->cell_unit_entry), cell->has_type);
}

/* One undoable step: the kind chosen and the unit typed, together. */
void
_nf_table_editor_commit_cell_kind (NfTableEditor *self)
{
  g_autofree char *unit = NULL;
  guint selected = gtk_drop_down_get_selected (self->cell_type_dropdown);
  guint row, col;

  if (self->updating > 0 || self->read_only || !current_cell (self, &row, &col) ||
      selected == GTK_INVALID_LIST_POSITION || selected > NF_COLUMN_YEAR + 1)
    return;
  unit = _nf_table_editor_editable_take_text (GTK_EDITABLE (self->cell_unit_entry));
  g_strstrip (unit);
  nf_canvas_set_table_cell_kind (self->canvas, self->table, row, col, selected != AS_COLUMN,
                                 selected != AS_COLUMN ? (NfColumnType) (selected - 1) : NF_COLUMN_TEXT,
                                 unit);
  /* No change makes no "changed": the fields show the model again. */
  _nf_table_editor_update_cell_bar (self);
}

void
_nf_table_editor_init_cell_bar (NfTableEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_string_list_append (kinds, _("As its column"));
  for (guint t = 0; t < G_N_ELEMENTS (_nf_table_editor_type_names); t++)
    gtk_string_list_append (kinds, _(_nf_table_editor_type_names[t]));
  gtk_drop_down_set_model (self->cell_type_dropdown, G_LIST_MODEL (kinds));
  g_signal_connect_swapped (self->cell_type_dropdown, "notify::selected",
                            G_CALLBACK (_nf_table_editor_commit_cell_kind), self);
}
