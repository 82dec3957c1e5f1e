/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-table-editor.h"
#include "nf-table-view.h"

G_BEGIN_DECLS

struct _NfTableEditor
{
  AdwBin         parent_instance;

  NfCanvas      *canvas;
  NfMetricTable *table;
  gulong         table_changed_id;
  guint          updating;       /* > 0 while the model is being shown */
  NfTableView   *view;
  gboolean       read_only;      /* a version from git */

  GtkStack      *stack;
  GtkListBox    *table_list;
  GtkEntry      *title_entry;
  GtkDropDown   *block_dropdown;
  GtkWidget     *column_box;
  GtkLabel      *column_label;
  GtkEntry      *column_name_entry;
  GtkDropDown   *column_type_dropdown;
  GtkEntry      *column_unit_entry;
  GtkWidget     *cell_box;
  GtkLabel      *cell_label;
  GtkDropDown   *cell_type_dropdown;
  GtkEntry      *cell_unit_entry;
  GtkWidget     *row_box;
  GtkLabel      *row_label;
  GtkDropDown   *row_source_dropdown;
  GtkEntry      *row_lines_entry;
  GtkLabel      *row_error;
  GtkBox        *view_box;

  GStrv          row_source_ids; /* the drop-down's sources after "No source" */
  guint          shown_row;      /* the row the row bar shows */
  GStrv          source_dirs;    /* where sources' relative addresses are read from */
  char          *language;       /* the reader's, as the canvas view's; NULL: as written */
};

/* Typed text is "dirty" until committed; the model is shown only in
 * clean fields, so a refresh never eats what is being typed. */
gboolean _nf_table_editor_is_dirty           (gpointer       editable);
void     _nf_table_editor_show_text          (NfTableEditor *self,
                                              GtkEditable   *editable,
                                              const char    *text);
char    *_nf_table_editor_editable_take_text (GtkEditable   *editable);
void     _nf_table_editor_clean_editable     (GtkEditable   *editable);

/* `text` as the editor shows it: in its language where the file has it. */
const char *_nf_table_editor_shown_text (NfTableEditor *self,
                                         NfText        *text);

/* The cell bar (nf-table-editor-cell.c): the current cell's own kind. */
void     _nf_table_editor_init_cell_bar       (NfTableEditor *self);
void     _nf_table_editor_update_cell_bar     (NfTableEditor *self);
void     _nf_table_editor_commit_cell_kind    (NfTableEditor *self);
/* The column types' names, in NfColumnType's order (translatable). */
extern const char * const _nf_table_editor_type_names[6];

/* The row bar (nf-table-editor-row.c). */
void     _nf_table_editor_update_row_bar      (NfTableEditor *self);
void     _nf_table_editor_commit_row_lines    (NfTableEditor *self);
void     _nf_table_editor_row_source_selected (NfTableEditor *self);

G_END_DECLS
