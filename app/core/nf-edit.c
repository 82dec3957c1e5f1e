/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-edit"

#include "config.h"

#include "nf-canvas-private.h"
#include "nf-edit-private.h"
#include "nf-merge-private.h"
#include "nf-metric-table-private.h"
#include "nf-note-private.h"

typedef enum {
  EDIT_FIELD,
  EDIT_FIELD_TRANSLATIONS,  /* old_num: the field; old_text, new_text */
  EDIT_LIST_ITEM,       /* a source or a rate (`block`: which list); insert / remove */
  EDIT_REPLACE_LIST_ITEM,
  EDIT_NOTE,            /* insert / remove */
  EDIT_MOVE_NOTE,
  EDIT_NOTE_TEXT,
  EDIT_NOTE_COLOUR,
  EDIT_NOTE_TAGS,
  EDIT_NOTE_EVIDENCE,
  EDIT_NOTE_CITE,
  EDIT_NOTE_CONFLICTS,
  EDIT_TABLE,           /* insert / remove */
  EDIT_TABLE_TITLE,
  EDIT_TABLE_BLOCK,
  EDIT_TABLE_ROW,       /* insert / remove */
  EDIT_TABLE_COLUMN,    /* insert / remove */
  EDIT_TABLE_SET_COLUMN,
  EDIT_TABLE_CELL,
  EDIT_TABLE_ROW_CITE,  /* old_cell.row_cite, new_cell.row_cite */
  EDIT_SNAPSHOT,        /* insert / remove */
  EDIT_CONFLICT,        /* insert / remove; `conflict` */
} EditKind;

struct _NfEdit {
  EditKind  kind;
  gboolean  remove;
  gpointer  target;            /* a reference: note, table, source, snapshot */
  guint     block, index;      /* where; for tables: row and column */
  guint     to_block, to_index;
  guint     old_num, new_num;  /* field, evidence, cite line, table block */
  char     *old_str, *new_str;
  NfConflict *conflict;        /* a copy, whole */
  char    **old_strv, **new_strv;
  NfText   *old_text, *new_text;
  gpointer  old_boxed, new_boxed;  /* sources, references */
  NfColumn  old_col, new_col;
  NfCell    old_cell, new_cell;
  NfCell   *cells;
  guint     n_cells;
};

static NfEdit *
edit_new (EditKind kind,
          gpointer target)
{
  NfEdit *self = g_new0 (NfEdit, 1);

  self->kind = kind;
  self->target = target ? g_object_ref (target) : NULL;
  return self;
}

void
_nf_edit_free (NfEdit *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->target);
  g_clear_object (&self->old_boxed);
  g_clear_object (&self->new_boxed);
  g_free (self->old_str);
  g_free (self->new_str);
  _nf_conflict_free (self->conflict);
  g_strfreev (self->old_strv);
  g_strfreev (self->new_strv);
  g_clear_pointer (&self->old_text, nf_text_unref);
  g_clear_pointer (&self->new_text, nf_text_unref);
  _nf_column_clear (&self->old_col);
  _nf_column_clear (&self->new_col);
  _nf_cell_clear (&self->old_cell);
  _nf_cell_clear (&self->new_cell);
  _nf_cells_free (self->cells, self->n_cells);
  g_free (self);
}

NfEdit *
_nf_edit_set_field (guint       field,
                    const char *old_value,
                    const char *new_value)
{
  NfEdit *self = edit_new (EDIT_FIELD, NULL);

  self->old_num = field;
  self->old_str = g_strdup (old_value);
  self->new_str = g_strdup (new_value);
  return self;
}

NfEdit *
_nf_edit_set_field_translations (guint   field,
                                 NfText *old_translations,
                                 NfText *new_translations)
{
  NfEdit *self = edit_new (EDIT_FIELD_TRANSLATIONS, NULL);

  self->old_num = field;
  self->old_text = old_translations != NULL ? nf_text_ref (old_translations) : NULL;
  self->new_text = new_translations != NULL ? nf_text_ref (new_translations) : NULL;
  return self;
}

enum { LIST_SOURCES, LIST_RATES };

static NfEdit *
insert_item (guint    list,
             guint    index,
             gpointer item,
             gboolean remove)
{
  NfEdit *self = edit_new (EDIT_LIST_ITEM, item);

  self->block = list;
  self->index = index;
  self->remove = remove;
  return self;
}

static NfEdit *
replace_item (guint    list,
              guint    index,
              gpointer old_item,
              gpointer new_item)
{
  NfEdit *self = edit_new (EDIT_REPLACE_LIST_ITEM, NULL);

  self->block = list;
  self->index = index;
  self->old_boxed = g_object_ref (old_item);
  self->new_boxed = g_object_ref (new_item);
  return self;
}

static GListStore *
item_store (NfEdit   *self,
            NfCanvas *canvas)
{
  return self->block == LIST_RATES ? _nf_canvas_get_rate_store (canvas)
                                   : _nf_canvas_get_source_store (canvas);
}

NfEdit *
_nf_edit_insert_source (guint     index,
                        NfSource *source,
                        gboolean  remove)
{
  return insert_item (LIST_SOURCES, index, source, remove);
}

NfEdit *
_nf_edit_replace_source (guint     index,
                         NfSource *old_source,
                         NfSource *new_source)
{
  return replace_item (LIST_SOURCES, index, old_source, new_source);
}

NfEdit *
_nf_edit_insert_rate (guint     index,
                      NfRate   *rate,
                      gboolean  remove)
{
  return insert_item (LIST_RATES, index, rate, remove);
}

NfEdit *
_nf_edit_replace_rate (guint     index,
                       NfRate   *old_rate,
                       NfRate   *new_rate)
{
  return replace_item (LIST_RATES, index, old_rate, new_rate);
}

NfEdit *
_nf_edit_insert_note (NfBlock   block,
                      guint     index,
                      NfNote   *note,
                      gboolean  remove)
{
  NfEdit *self = edit_new (EDIT_NOTE, note);

  self->block = block;
  self->index = index;
  self->remove = remove;
  return self;
}

NfEdit *
_nf_edit_move_note (NfNote  *note,
                    NfBlock  from_block,
                    guint    from_index,
                    NfBlock  to_block,
                    guint    to_index)
{
  NfEdit *self = edit_new (EDIT_MOVE_NOTE, note);

  self->block = from_block;
  self->index = from_index;
  self->to_block = to_block;
  self->to_index = to_index;
  return self;
}

NfEdit *
_nf_edit_note_text (NfNote *note,
                    NfText *new_text)
{
  NfEdit *self = edit_new (EDIT_NOTE_TEXT, note);

  self->old_text = nf_text_ref (nf_note_get_text (note));
  self->new_text = nf_text_ref (new_text);
  return self;
}

NfEdit *
_nf_edit_note_colour (NfNote     *note,
                      const char *new_colour)
{
  NfEdit *self = edit_new (EDIT_NOTE_COLOUR, note);

  self->old_str = g_strdup (nf_note_get_colour (note));
  self->new_str = g_strdup (new_colour);
  return self;
}

NfEdit *
_nf_edit_note_tags (NfNote             *note,
                    const char * const *new_tags)
{
  NfEdit *self = edit_new (EDIT_NOTE_TAGS, note);

  self->old_strv = g_strdupv ((char **) nf_note_get_tags (note));
  self->new_strv = new_tags ? g_strdupv ((char **) new_tags) : g_new0 (char *, 1);
  return self;
}

NfEdit *
_nf_edit_note_evidence (NfNote     *note,
                        NfEvidence  new_evidence)
{
  NfEdit *self = edit_new (EDIT_NOTE_EVIDENCE, note);

  self->old_num = nf_note_get_evidence (note);
  self->new_num = new_evidence;
  return self;
}

NfEdit *
_nf_edit_note_cite (NfNote     *note,
                    const char *new_source,
                    guint       new_line,
                    guint       new_line_end)
{
  NfEdit *self = edit_new (EDIT_NOTE_CITE, note);

  self->old_str = g_strdup (nf_note_get_cite_source (note));
  self->old_num = nf_note_get_cite_line (note);
  self->to_block = nf_note_get_cite_line_end (note);
  self->new_str = g_strdup (new_source);
  self->new_num = new_line;
  self->to_index = new_line_end;
  return self;
}

NfEdit *
_nf_edit_note_conflicts (NfNote             *note,
                         const char * const *new_refs)
{
  NfEdit *self = edit_new (EDIT_NOTE_CONFLICTS, note);

  self->old_strv = g_strdupv ((char **) nf_note_get_conflicts (note));
  self->new_strv = new_refs ? g_strdupv ((char **) new_refs) : g_new0 (char *, 1);
  return self;
}

NfEdit *
_nf_edit_insert_table (guint          index,
                       NfMetricTable *table,
                       gboolean       remove)
{
  NfEdit *self = edit_new (EDIT_TABLE, table);

  self->index = index;
  self->remove = remove;
  return self;
}

NfEdit *
_nf_edit_table_title (NfMetricTable *table,
                      NfText        *new_title)
{
  NfEdit *self = edit_new (EDIT_TABLE_TITLE, table);

  self->old_text = nf_text_ref (nf_metric_table_get_title (table));
  self->new_text = nf_text_ref (new_title);
  return self;
}

NfEdit *
_nf_edit_table_block (NfMetricTable *table,
                      NfBlock        new_block)
{
  NfEdit *self = edit_new (EDIT_TABLE_BLOCK, table);

  /* Stored shifted by one so that NF_BLOCK_NONE fits an unsigned. */
  self->old_num = (guint) (nf_metric_table_get_block (table) + 1);
  self->new_num = (guint) (new_block + 1);
  return self;
}

static NfCell *
copy_cells (const NfCell *cells,
            guint         n)
{
  NfCell *copy = g_new0 (NfCell, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    _nf_cell_copy (&cells[i], &copy[i]);
  return copy;
}

NfEdit *
_nf_edit_table_row (NfMetricTable *table,
                    guint          row,
                    const NfCell  *cells,
                    gboolean       remove)
{
  NfEdit *self = edit_new (EDIT_TABLE_ROW, table);
  guint n = nf_metric_table_get_n_columns (table);

  self->index = row;
  self->remove = remove;
  self->n_cells = n;
  if (remove)
    cells = nf_metric_table_get_cell (table, row, 0);
  self->cells = copy_cells (cells, n);
  return self;
}

NfEdit *
_nf_edit_table_column (NfMetricTable  *table,
                       guint           column,
                       const NfColumn *def,
                       const NfCell   *cells,
                       gboolean        remove)
{
  NfEdit *self = edit_new (EDIT_TABLE_COLUMN, table);
  guint rows = nf_metric_table_get_n_rows (table);

  self->to_index = column;
  self->remove = remove;
  if (remove)
    {
      _nf_column_copy (nf_metric_table_get_column (table, column), &self->new_col);
      self->cells = g_new0 (NfCell, MAX (rows, 1));
      self->n_cells = rows;
      for (guint r = 0; r < rows; r++)
        _nf_cell_copy (nf_metric_table_get_cell (table, r, column), &self->cells[r]);
    }
  else
    {
      _nf_column_copy (def, &self->new_col);
      if (cells)
        {
          self->cells = copy_cells (cells, rows);
          self->n_cells = rows;
        }
    }
  return self;
}

NfEdit *
_nf_edit_table_set_column (NfMetricTable  *table,
                           guint           column,
                           const NfColumn *new_def)
{
  NfEdit *self = edit_new (EDIT_TABLE_SET_COLUMN, table);

  self->to_index = column;
  _nf_column_copy (nf_metric_table_get_column (table, column), &self->old_col);
  _nf_column_copy (new_def, &self->new_col);
  return self;
}

NfEdit *
_nf_edit_table_cell (NfMetricTable *table,
                     guint          row,
                     guint          column,
                     const NfCell  *new_cell)
{
  NfEdit *self = edit_new (EDIT_TABLE_CELL, table);

  self->index = row;
  self->to_index = column;
  _nf_cell_copy (nf_metric_table_get_cell (table, row, column), &self->old_cell);
  _nf_cell_copy (new_cell, &self->new_cell);
  return self;
}

NfEdit *
_nf_edit_table_row_cite (NfMetricTable   *table,
                         guint            row,
                         const NfRowCite *new_cite)
{
  NfEdit *self = edit_new (EDIT_TABLE_ROW_CITE, table);

  self->index = row;
  self->old_cell.row_cite = _nf_row_cite_copy (nf_metric_table_get_row_cite (table, row));
  self->new_cell.row_cite = _nf_row_cite_copy (new_cite);
  return self;
}

NfEdit *
_nf_edit_insert_snapshot (guint       index,
                          NfSnapshot *snapshot,
                          gboolean    remove)
{
  NfEdit *self = edit_new (EDIT_SNAPSHOT, snapshot);

  self->index = index;
  self->remove = remove;
  return self;
}

NfEdit *
_nf_edit_insert_conflict (guint             index,
                          const NfConflict *conflict,
                          gboolean          remove)
{
  NfEdit *self = edit_new (EDIT_CONFLICT, NULL);

  self->index = index;
  self->remove = remove;
  self->conflict = _nf_conflict_copy (conflict);
  return self;
}

static void
apply_table_row (NfEdit        *self,
                 NfMetricTable *table,
                 gboolean       insert)
{
  if (insert)
    _nf_metric_table_insert_row (table, self->index, copy_cells (self->cells, self->n_cells));
  else
    _nf_cells_free (_nf_metric_table_remove_row (table, self->index), self->n_cells);
}

static void
apply_table_column (NfEdit        *self,
                    NfMetricTable *table,
                    gboolean       insert)
{
  if (insert)
    {
      NfColumn def = { 0 };

      _nf_column_copy (&self->new_col, &def);
      _nf_metric_table_insert_column (table, self->to_index, &def,
                                      self->cells ? copy_cells (self->cells, self->n_cells) : NULL);
    }
  else
    {
      NfColumn def = { 0 };
      guint rows = nf_metric_table_get_n_rows (table);

      _nf_cells_free (_nf_metric_table_remove_column (table, self->to_index, &def), rows);
      _nf_column_clear (&def);
    }
}

/* Inserting and removing are one edit read two ways: a removal undone is
 * an insertion, and so on. */
void
_nf_edit_apply (NfEdit   *self,
                NfCanvas *canvas,
                gboolean  undo)
{
  gboolean insert = (undo == self->remove);

  switch (self->kind)
    {
    case EDIT_FIELD:
      _nf_canvas_set_field (canvas, self->old_num, undo ? self->old_str : self->new_str);
      break;

    case EDIT_FIELD_TRANSLATIONS:
      _nf_canvas_set_field_translations (canvas, self->old_num,
                                         undo ? self->old_text : self->new_text);
      break;

    case EDIT_LIST_ITEM:
      {
        GListStore *store = item_store (self, canvas);

        if (insert)
          g_list_store_insert (store, self->index, self->target);
        else
          g_list_store_remove (store, self->index);
      }
      break;

    case EDIT_REPLACE_LIST_ITEM:
      {
        GListStore *store = item_store (self, canvas);
        gpointer with = undo ? self->old_boxed : self->new_boxed;

        g_list_store_splice (store, self->index, 1, &with, 1);
      }
      break;

    case EDIT_NOTE:
      if (insert)
        _nf_canvas_insert_note_raw (canvas, self->block, self->index, self->target);
      else
        _nf_canvas_remove_note_raw (canvas, self->block, self->index);
      break;

    case EDIT_MOVE_NOTE:
      {
        g_autoptr(NfNote) note = g_object_ref (self->target);

        if (!undo)
          {
            _nf_canvas_remove_note_raw (canvas, self->block, self->index);
            _nf_canvas_insert_note_raw (canvas, self->to_block, self->to_index, note);
          }
        else
          {
            _nf_canvas_remove_note_raw (canvas, self->to_block, self->to_index);
            _nf_canvas_insert_note_raw (canvas, self->block, self->index, note);
          }
      }
      break;

    case EDIT_NOTE_TEXT:
      _nf_note_set_text (self->target, undo ? self->old_text : self->new_text);
      break;

    case EDIT_NOTE_COLOUR:
      _nf_note_set_colour (self->target, undo ? self->old_str : self->new_str);
      break;

    case EDIT_NOTE_TAGS:
      _nf_note_set_tags (self->target,
                         (const char * const *) (undo ? self->old_strv : self->new_strv));
      break;

    case EDIT_NOTE_EVIDENCE:
      _nf_note_set_evidence (self->target, undo ? self->old_num : self->new_num);
      break;

    case EDIT_NOTE_CITE:
      _nf_note_set_cite_range (self->target,
                               undo ? self->old_str : self->new_str,
                               undo ? self->old_num : self->new_num,
                               undo ? self->to_block : self->to_index);
      break;

    case EDIT_NOTE_CONFLICTS:
      _nf_note_set_conflicts (self->target,
                              (const char * const *) (undo ? self->old_strv : self->new_strv));
      break;

    case EDIT_TABLE:
      if (insert)
        _nf_canvas_insert_table_raw (canvas, self->index, self->target);
      else
        _nf_canvas_remove_table_raw (canvas, self->index);
      break;

    case EDIT_TABLE_TITLE:
      _nf_metric_table_set_title (self->target, undo ? self->old_text : self->new_text);
      break;

    case EDIT_TABLE_BLOCK:
      _nf_metric_table_set_block (self->target,
                                  (NfBlock) (gint) (undo ? self->old_num : self->new_num) - 1);
      break;

    case EDIT_TABLE_ROW:
      apply_table_row (self, self->target, insert);
      break;

    case EDIT_TABLE_COLUMN:
      apply_table_column (self, self->target, insert);
      break;

    case EDIT_TABLE_SET_COLUMN:
      {
        NfColumn def = { 0 }, old = { 0 };

        _nf_column_copy (undo ? &self->old_col : &self->new_col, &def);
        _nf_metric_table_set_column (self->target, self->to_index, &def, &old);
        _nf_column_clear (&old);
      }
      break;

    case EDIT_TABLE_CELL:
      {
        NfCell cell = { 0 }, old = { 0 };

        _nf_cell_copy (undo ? &self->old_cell : &self->new_cell, &cell);
        _nf_metric_table_set_cell (self->target, self->index, self->to_index, &cell, &old);
        _nf_cell_clear (&old);
      }
      break;

    case EDIT_TABLE_ROW_CITE:
      _nf_metric_table_set_row_cite (self->target, self->index,
                                     undo ? self->old_cell.row_cite : self->new_cell.row_cite);
      break;

    case EDIT_SNAPSHOT:
      {
        GListStore *store = _nf_canvas_get_snapshot_store (canvas);

        if (insert)
          g_list_store_insert (store, self->index, self->target);
        else
          g_list_store_remove (store, self->index);
      }
      break;

    case EDIT_CONFLICT:
      {
        GPtrArray *conflicts = _nf_canvas_get_conflicts (canvas);

        if (insert)
          g_ptr_array_insert (conflicts, self->index, _nf_conflict_copy (self->conflict));
        else
          g_ptr_array_remove_index (conflicts, self->index);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  switch (self->kind)
    {
    case EDIT_NOTE_TEXT:
    case EDIT_NOTE_COLOUR:
    case EDIT_NOTE_TAGS:
    case EDIT_NOTE_EVIDENCE:
    case EDIT_NOTE_CITE:
    case EDIT_NOTE_CONFLICTS:
      _nf_canvas_emit_note_changed (canvas, self->target);
      break;
    default:
      break;
    }
}
