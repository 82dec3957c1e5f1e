/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <ninefold.h>

G_BEGIN_DECLS

#define NF_TYPE_TABLE_EDITOR (nf_table_editor_get_type ())

G_DECLARE_FINAL_TYPE (NfTableEditor, nf_table_editor, NF, TABLE_EDITOR, AdwBin)

/* The metric tables of one canvas: a list of the tables beside the chosen
 * one in a column view whose cells edit in place. Every change goes through
 * NfCanvas's edit functions, and the editor follows the canvas when it
 * changes underneath (undo from elsewhere). Under the column's fields, the
 * current row's own citation: its source (Alt+S) and line or range of lines
 * (Alt+L), checked against the source's file when it is found. Actions, in the group "tables":
 * add-row, remove-row, add-column, remove-column, add-table, remove-table,
 * undo, redo. */
GtkWidget     *nf_table_editor_new            (NfCanvas      *canvas);
/* The language titles, column names and cells are shown and edited in,
 * as the canvas view shows notes (nf_canvas_view_set_language()); NULL
 * for the text as written. */
void           nf_table_editor_set_language   (NfTableEditor *self,
                                               const char    *language);
NfCanvas      *nf_table_editor_get_canvas     (NfTableEditor *self);
void           nf_table_editor_set_read_only  (NfTableEditor *self,
                                               gboolean       read_only);
/* The table shown, or NULL when the canvas has none. */
NfMetricTable *nf_table_editor_get_table      (NfTableEditor *self);
void           nf_table_editor_select_table   (NfTableEditor *self,
                                               NfMetricTable *table);
/* Where a source's relative address is read from (the canvas's folder),
 * to check that a row's cited lines are within the source. */
void           nf_table_editor_set_source_dirs (NfTableEditor      *self,
                                                const char * const *dirs);
/* Shows the table with the cursor and the keyboard focus on the first
 * cell of `row` (from 0), scrolled into view. */
void           nf_table_editor_show_row       (NfTableEditor *self,
                                               NfMetricTable *table,
                                               guint          row);
/* The same with the cursor and the focus on the cell at `column` of `row`
 * (the row's first cell when the table has no such column). */
void           nf_table_editor_show_cell      (NfTableEditor *self,
                                               NfMetricTable *table,
                                               guint          row,
                                               guint          column);
/* The cell the row and column commands act on; G_MAXUINT for none. */
void           nf_table_editor_get_cursor     (NfTableEditor *self,
                                               guint         *out_row,
                                               guint         *out_column);
/* Moves the keyboard focus to a cell, if it is on screen. */
gboolean       nf_table_editor_focus_cell     (NfTableEditor *self,
                                               guint          row,
                                               guint          column);
/* The widget editing a cell (a GtkText), if it is on screen; for tests. */
GtkWidget     *nf_table_editor_get_cell_widget (NfTableEditor *self,
                                                guint          row,
                                                guint          column);

G_END_DECLS
