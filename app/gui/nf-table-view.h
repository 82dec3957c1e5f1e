/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <ninefold.h>

G_BEGIN_DECLS

#define NF_TYPE_TABLE_VIEW (nf_table_view_get_type ())

G_DECLARE_FINAL_TYPE (NfTableView, nf_table_view, NF, TABLE_VIEW, GtkWidget)

/* The cells of one metric table in a column view, edited in place: a cell
 * commits through nf_canvas_set_table_cell on Enter or when the focus
 * leaves it, and one whose text does not parse as its column's type is
 * flagged (style class "warning", a tooltip) and keeps its text. Tab, Enter
 * and the arrows move between cells. Follows the table as it changes.
 * The cursor is the cell the row and column commands act on; it stays
 * where it was when the focus goes elsewhere. Signal: "cursor-changed". */
GtkWidget     *nf_table_view_new             (NfCanvas      *canvas);
void           nf_table_view_set_table       (NfTableView   *self,
                                              NfMetricTable *table);
NfMetricTable *nf_table_view_get_table       (NfTableView   *self);
/* G_MAXUINT for no row (a table without rows) or no column. */
void           nf_table_view_get_cursor      (NfTableView   *self,
                                              guint         *out_row,
                                              guint         *out_column);
/* Moves the cursor; with focus, also the keyboard focus, now if the cell
 * is on screen, else as soon as it is. */
void           nf_table_view_set_cursor      (NfTableView   *self,
                                              guint          row,
                                              guint          column,
                                              gboolean       focus);
gboolean       nf_table_view_focus_cell      (NfTableView   *self,
                                              guint          row,
                                              guint          column);
/* The GtkText editing a cell, if it is on screen. */
GtkWidget     *nf_table_view_get_cell_widget (NfTableView   *self,
                                              guint          row,
                                              guint          column);
/* An edit refused (a table past the limits a file may hold), told
 * where the user is: a toast in the window ("Row not added: …", `what`
 * then why), and the error bell. */
void           nf_table_view_show_refusal    (NfTableView   *self,
                                              const char    *what,
                                              const char    *message);
/* Cells copied from a spreadsheet (tab-separated, a row a line, quoted
 * as spreadsheets quote) put into the table from (`row`, `column`) on,
 * with rows added below as needed, as one undoable step; what falls
 * right of the last column is left out. FALSE, and nothing done, for text
 * of one cell, which a cell pastes as text. Ctrl+V in a cell does this. */
gboolean       nf_table_view_paste_cells     (NfTableView   *self,
                                              guint          row,
                                              guint          column,
                                              const char    *text);
/* Forgets typing not yet committed, so that the cells show the table. */
void           nf_table_view_drop_typing     (NfTableView   *self);
void           nf_table_view_set_read_only   (NfTableView   *self,
                                              gboolean       read_only);
/* The language the cells, names and titles are shown and edited in
 * (a tag, "en"), as the canvas view shows notes: a cell's translation
 * into it, edited as that translation; NULL for the text as written. */
void           nf_table_view_set_language    (NfTableView   *self,
                                              const char    *language);

G_END_DECLS
