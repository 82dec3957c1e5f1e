/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-metric-table"

#include "config.h"

#include <string.h>

#include "nf-extensions-private.h"
#include "nf-metric-table-private.h"
#include "nf-number.h"

struct _NfMetricTable {
  GObject    parent_instance;
  char      *id;
  NfText    *title;
  NfBlock    block;
  char      *cite_source;
  guint      cite_line;
  guint      cite_line_end; /* 0 for one line */
  GArray    *columns;  /* of NfColumn */
  GPtrArray *rows;     /* of NfCell[n_columns] */
  GPtrArray *extensions;
};

G_DEFINE_FINAL_TYPE (NfMetricTable, nf_metric_table, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *column_types[] = {
  [NF_COLUMN_TEXT] = "text",
  [NF_COLUMN_NUMBER] = "number",
  [NF_COLUMN_MONEY] = "money",
  [NF_COLUMN_PERCENT] = "percent",
  [NF_COLUMN_COUNT] = "count",
  [NF_COLUMN_YEAR] = "year",
};

const char *
nf_column_type_to_xml (NfColumnType type)
{
  g_return_val_if_fail (type <= NF_COLUMN_YEAR, NULL);
  return column_types[type];
}

gboolean
nf_column_type_from_xml (const char   *name,
                         NfColumnType *out_type)
{
  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (column_types); i++)
    if (g_str_equal (name, column_types[i]))
      {
        if (out_type)
          *out_type = (NfColumnType) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
nf_metric_key_is_valid (const char *key)
{
  gsize n;

  if (key == NULL)
    return FALSE;
  n = strspn (key, "abcdefghijklmnopqrstuvwxyz0123456789-");
  return n > 0 && n <= 64 && key[n] == '\0';
}

void
_nf_column_clear (NfColumn *column)
{
  g_clear_pointer (&column->name, nf_text_unref);
  g_clear_pointer (&column->unit, g_free);
  g_clear_pointer (&column->metric, g_free);
}

void
_nf_column_copy (const NfColumn *from,
                 NfColumn       *to)
{
  to->name = from->name ? nf_text_ref (from->name) : nf_text_new ("");
  to->type = from->type;
  to->unit = g_strdup (from->unit);
  to->metric = g_strdup (from->metric);
}

void
_nf_cell_clear (NfCell *cell)
{
  g_clear_pointer (&cell->text, g_free);
  g_clear_pointer (&cell->row_metric, g_free);
  g_clear_pointer (&cell->row_cite, _nf_row_cite_free);
  g_clear_pointer (&cell->translations, nf_text_unref);
  g_clear_pointer (&cell->unit, nf_text_unref);
  cell->value = 0;
  cell->has_value = FALSE;
  cell->has_type = FALSE;
  cell->type = NF_COLUMN_TEXT;
}

void
_nf_cell_copy (const NfCell *from,
               NfCell       *to)
{
  to->text = g_strdup (from->text ? from->text : "");
  to->value = from->value;
  to->has_value = from->has_value;
  to->row_metric = g_strdup (from->row_metric);
  to->row_cite = _nf_row_cite_copy (from->row_cite);
  to->translations = from->translations ? nf_text_ref (from->translations) : NULL;
  to->has_type = from->has_type;
  to->type = from->type;
  to->unit = from->unit ? nf_text_ref (from->unit) : NULL;
}

NfColumn
nf_cell_get_column (const NfCell   *cell,
                    const NfColumn *column)
{
  NfColumn own = *column;

  if (cell != NULL && cell->has_type)
    {
      own.type = cell->type;
      own.unit = cell->unit ? (char *) nf_text_get (cell->unit) : NULL;
    }
  return own;
}

const char *
nf_cell_get_unit_for_language (const NfCell *cell,
                               const char   *lang)
{
  g_return_val_if_fail (cell != NULL, NULL);
  if (cell->unit == NULL)
    return NULL;
  return lang ? nf_text_for_language (cell->unit, lang) : nf_text_get (cell->unit);
}

const char *
nf_cell_get_text_for_language (const NfCell *cell,
                               const char   *lang)
{
  g_return_val_if_fail (cell != NULL, NULL);
  if (cell->translations != NULL && lang != NULL)
    {
      const char *hit = nf_text_for_language (cell->translations, lang);

      /* The primary is kept equal to `text`, but `text` is what an edit sets. */
      if (hit != nf_text_get (cell->translations))
        return hit;
    }
  return cell->text ? cell->text : "";
}

void
_nf_cells_free (NfCell *cells,
                guint   n)
{
  if (cells == NULL)
    return;
  for (guint i = 0; i < n; i++)
    _nf_cell_clear (&cells[i]);
  g_free (cells);
}

void
_nf_cell_init_parsed (NfCell       *cell,
                      const char   *text,
                      NfColumnType  type)
{
  cell->text = nf_text_clean (text, -1);
  cell->value = 0;
  cell->row_metric = NULL;
  cell->row_cite = NULL;
  cell->has_type = FALSE;
  cell->unit = NULL;
  cell->has_value = nf_number_parse_for_column (cell->text, type, &cell->value);
}

static void
nf_metric_table_finalize (GObject *object)
{
  NfMetricTable *self = (NfMetricTable *) object;
  guint n = self->columns->len;

  for (guint r = 0; r < self->rows->len; r++)
    _nf_cells_free (g_ptr_array_index (self->rows, r), n);
  g_ptr_array_unref (self->rows);
  for (guint c = 0; c < n; c++)
    _nf_column_clear (&g_array_index (self->columns, NfColumn, c));
  g_array_unref (self->columns);
  g_free (self->id);
  g_clear_pointer (&self->title, nf_text_unref);
  g_free (self->cite_source);
  g_clear_pointer (&self->extensions, g_ptr_array_unref);

  G_OBJECT_CLASS (nf_metric_table_parent_class)->finalize (object);
}

static void
nf_metric_table_class_init (NfMetricTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nf_metric_table_finalize;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
nf_metric_table_init (NfMetricTable *self)
{
  self->block = NF_BLOCK_NONE;
  self->columns = g_array_new (FALSE, TRUE, sizeof (NfColumn));
  self->rows = g_ptr_array_new ();
}

NfMetricTable *
nf_metric_table_new (const char *id,
                     NfText     *title)
{
  NfMetricTable *self;

  g_return_val_if_fail (id != NULL && *id, NULL);

  self = g_object_new (NF_TYPE_METRIC_TABLE, NULL);
  self->id = nf_text_clean (id, -1);
  self->title = title ? nf_text_ref (title) : nf_text_new ("");
  return self;
}

NfMetricTable *
nf_metric_table_copy (NfMetricTable *self,
                      const char    *new_id)
{
  NfMetricTable *copy;
  guint n;

  g_return_val_if_fail (NF_IS_METRIC_TABLE (self), NULL);

  n = self->columns->len;
  copy = nf_metric_table_new (new_id ? new_id : self->id, self->title);
  copy->block = self->block;
  copy->cite_source = g_strdup (self->cite_source);
  copy->cite_line = self->cite_line;
  copy->cite_line_end = self->cite_line_end;
  g_array_set_size (copy->columns, n);
  for (guint c = 0; c < n; c++)
    _nf_column_copy (&g_array_index (self->columns, NfColumn, c),
                     &g_array_index (copy->columns, NfColumn, c));
  g_ptr_array_set_size (copy->rows, 0);
  for (guint r = 0; r < self->rows->len; r++)
    {
      const NfCell *from = g_ptr_array_index (self->rows, r);
      NfCell *to = g_new0 (NfCell, MAX (n, 1));

      for (guint c = 0; c < n; c++)
        _nf_cell_copy (&from[c], &to[c]);
      g_ptr_array_add (copy->rows, to);
    }
  copy->extensions = _nf_extensions_copy (self->extensions);
  return copy;
}

const char *
nf_metric_table_get_id (NfMetricTable *self)
{
  g_return_val_if_fail (NF_IS_METRIC_TABLE (self), NULL);
  return self->id;
}

NfText *
nf_metric_table_get_title (NfMetricTable *self)
{
  g_return_val_if_fail (NF_IS_METRIC_TABLE (self), NULL);
  return self->title;
}

NfBlock
nf_metric_table_get_block (NfMetricTable *self)
{
  g_return_val_if_fail (NF_IS_METRIC_TABLE (self), NF_BLOCK_NONE);
  return self->block;
}

const char *
nf_metric_table_get_cite_source (NfMetricTable *self)
{
  g_return_val_if_fail (NF_IS_METRIC_TABLE (self), NULL);
  return self->cite_source;
}

guint
nf_metric_table_get_cite_line_end (NfMetricTable *self)
{
  g_return_val_if_fail (NF_IS_METRIC_TABLE (self), 0);
  return self->cite_line_end ? self->cite_line_end : self->cite_line;
}

guint
nf_metric_table_get_cite_line (NfMetricTable *self)
{
  g_return_val_if_fail (NF_IS_METRIC_TABLE (self), 0);
  return self->cite_line;
}

guint
nf_metric_table_get_n_columns (NfMetricTable *self)
{
  g_return_val_if_fail (NF_IS_METRIC_TABLE (self), 0);
  return self->columns->len;
}

const NfColumn *
nf_metric_table_get_column (NfMetricTable *self,
                            guint          column)
{
  g_return_val_if_fail (NF_IS_METRIC_TABLE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return &g_array_index (self->columns, NfColumn, column);
}

guint
nf_metric_table_get_n_rows (NfMetricTable *self)
{
  g_return_val_if_fail (NF_IS_METRIC_TABLE (self), 0);
  return self->rows->len;
}

const NfCell *
nf_metric_table_get_cell (NfMetricTable *self,
                          guint          row,
                          guint          column)
{
  g_return_val_if_fail (NF_IS_METRIC_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return &((NfCell *) g_ptr_array_index (self->rows, row))[column];
}

static void emit_changed (NfMetricTable *self);

NfRowCite *
_nf_row_cite_new (const char *source,
                  guint       line,
                  guint       line_end)
{
  NfRowCite *cite;

  if (source == NULL || *source == '\0')
    return NULL;
  cite = g_new0 (NfRowCite, 1);
  cite->source = g_strdup (source);
  cite->line = line;
  cite->line_end = line > 0 ? MAX (line, line_end) : 0;
  return cite;
}

NfRowCite *
_nf_row_cite_copy (const NfRowCite *cite)
{
  return cite ? _nf_row_cite_new (cite->source, cite->line, cite->line_end) : NULL;
}

void
_nf_row_cite_free (NfRowCite *cite)
{
  if (cite == NULL)
    return;
  g_free (cite->source);
  g_free (cite);
}

gboolean
_nf_row_cite_equal (const NfRowCite *a,
                    const NfRowCite *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_str_equal (a->source, b->source) && a->line == b->line && a->line_end == b->line_end;
}

/* The cell that carries the row's own fields (row_metric, row_cite):
 * the first, unless a column was since inserted before it. The loader
 * and _nf_metric_table_set_row_cite keep both on one cell. */
static NfCell *
row_carrier (NfMetricTable *self,
             guint          row)
{
  NfCell *cells = g_ptr_array_index (self->rows, row);

  for (guint c = 0; c < self->columns->len; c++)
    if (cells[c].row_metric != NULL || cells[c].row_cite != NULL)
      return &cells[c];
  return NULL;
}

const NfRowCite *
nf_metric_table_get_row_cite (NfMetricTable *self,
                              guint          row)
{
  const NfCell *cell;

  g_return_val_if_fail (NF_IS_METRIC_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  cell = row_carrier (self, row);
  return cell ? cell->row_cite : NULL;
}

void
_nf_metric_table_set_row_cite (NfMetricTable   *self,
                               guint            row,
                               const NfRowCite *cite)
{
  NfCell *cells, *carrier;

  g_assert (NF_IS_METRIC_TABLE (self));
  g_assert (row < self->rows->len);

  if (self->columns->len == 0)
    return;
  cells = g_ptr_array_index (self->rows, row);
  carrier = row_carrier (self, row);
  for (guint c = 0; c < self->columns->len; c++)
    g_clear_pointer (&cells[c].row_cite, _nf_row_cite_free);
  /* Beside the row's metric, so that one cell carries both. */
  if (carrier == NULL || carrier->row_metric == NULL)
    carrier = &cells[0];
  carrier->row_cite = _nf_row_cite_copy (cite);
  emit_changed (self);
}

const char *
nf_metric_table_get_row_metric (NfMetricTable *self,
                                guint          row)
{
  const NfCell *cell;

  g_return_val_if_fail (NF_IS_METRIC_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  cell = row_carrier (self, row);
  return cell ? cell->row_metric : NULL;
}

const char *
nf_metric_table_get_column_metric (NfMetricTable *self,
                                   guint          column)
{
  g_return_val_if_fail (NF_IS_METRIC_TABLE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return g_array_index (self->columns, NfColumn, column).metric;
}

gboolean
_nf_cell_kind_equal (const NfCell *a,
                     const NfCell *b)
{
  if (a->has_type != b->has_type || (a->has_type && a->type != b->type))
    return FALSE;
  if ((a->unit == NULL) != (b->unit == NULL))
    return FALSE;
  return a->unit == NULL || nf_text_equal (a->unit, b->unit);
}

static gboolean
cell_equal (const NfCell *a,
            const NfCell *b)
{
  if (g_strcmp0 (a->text, b->text) != 0 || a->has_value != b->has_value)
    return FALSE;
  if ((a->translations == NULL) != (b->translations == NULL) ||
      (a->translations != NULL && !nf_text_equal (a->translations, b->translations)) ||
      !_nf_cell_kind_equal (a, b))
    return FALSE;
  /* Compare bits so that -0 and 0 differ, as they do in the file. */
  return !a->has_value || memcmp (&a->value, &b->value, sizeof (double)) == 0;
}

gboolean
nf_metric_table_equal (NfMetricTable *a,
                       NfMetricTable *b)
{
  guint n;

  g_return_val_if_fail (NF_IS_METRIC_TABLE (a) && NF_IS_METRIC_TABLE (b), FALSE);

  if (!g_str_equal (a->id, b->id) ||
      !nf_text_equal (a->title, b->title) ||
      a->block != b->block ||
      g_strcmp0 (a->cite_source, b->cite_source) != 0 ||
      a->cite_line != b->cite_line ||
      a->cite_line_end != b->cite_line_end ||
      a->columns->len != b->columns->len ||
      a->rows->len != b->rows->len)
    return FALSE;

  n = a->columns->len;
  for (guint c = 0; c < n; c++)
    {
      const NfColumn *ca = &g_array_index (a->columns, NfColumn, c);
      const NfColumn *cb = &g_array_index (b->columns, NfColumn, c);

      if (!nf_text_equal (ca->name, cb->name) || ca->type != cb->type ||
          g_strcmp0 (ca->unit, cb->unit) != 0 || g_strcmp0 (ca->metric, cb->metric) != 0)
        return FALSE;
    }
  for (guint r = 0; r < a->rows->len; r++)
    {
      const NfCell *ra = g_ptr_array_index (a->rows, r);
      const NfCell *rb = g_ptr_array_index (b->rows, r);

      for (guint c = 0; c < n; c++)
        if (!cell_equal (&ra[c], &rb[c]))
          return FALSE;
      if (g_strcmp0 (nf_metric_table_get_row_metric (a, r), nf_metric_table_get_row_metric (b, r)) != 0)
        return FALSE;
      if (!_nf_row_cite_equal (nf_metric_table_get_row_cite (a, r), nf_metric_table_get_row_cite (b, r)))
        return FALSE;
    }

  return _nf_extensions_equal (a->extensions, b->extensions);
}

static void
emit_changed (NfMetricTable *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_nf_metric_table_set_title (NfMetricTable *self,
                            NfText        *title)
{
  g_assert (NF_IS_METRIC_TABLE (self));
  nf_text_ref (title);
  nf_text_unref (self->title);
  self->title = title;
  emit_changed (self);
}

void
_nf_metric_table_set_block (NfMetricTable *self,
                            NfBlock        block)
{
  g_assert (NF_IS_METRIC_TABLE (self));
  self->block = block;
  emit_changed (self);
}

void
_nf_metric_table_set_cite (NfMetricTable *self,
                           const char    *source_id,
                           guint          line)
{
  _nf_metric_table_set_cite_range (self, source_id, line, 0);
}

void
_nf_metric_table_set_cite_range (NfMetricTable *self,
                                 const char    *source_id,
                                 guint          line,
                                 guint          line_end)
{
  g_assert (NF_IS_METRIC_TABLE (self));
  g_free (self->cite_source);
  self->cite_source = (source_id && *source_id) ? g_strdup (source_id) : NULL;
  self->cite_line = self->cite_source ? line : 0;
  /* One form for one line, so equal citations compare equal. */
  self->cite_line_end = (self->cite_line > 0 && line_end > self->cite_line) ? line_end : 0;
  emit_changed (self);
}

void
_nf_metric_table_insert_column (NfMetricTable *self,
                                guint          index,
                                NfColumn      *column,
                                NfCell        *cells)
{
  guint n;

  g_assert (NF_IS_METRIC_TABLE (self));
  g_assert (index <= self->columns->len);

  n = self->columns->len;
  g_array_insert_val (self->columns, index, *column);
  memset (column, 0, sizeof *column);

  for (guint r = 0; r < self->rows->len; r++)
    {
      NfCell *row = g_ptr_array_index (self->rows, r);

      row = g_renew (NfCell, row, n + 1);
      memmove (&row[index + 1], &row[index], (n - index) * sizeof (NfCell));
      if (cells)
        row[index] = cells[r];
      else
        row[index] = (NfCell) { g_strdup (""), 0, FALSE, NULL };
      g_ptr_array_index (self->rows, r) = row;
    }
  g_free (cells);
  emit_changed (self);
}

NfCell *
_nf_metric_table_remove_column (NfMetricTable *self,
                                guint          index,
                                NfColumn      *out_column)
{
  NfCell *removed;
  guint n;

  g_assert (NF_IS_METRIC_TABLE (self));
  g_assert (index < self->columns->len);

  n = self->columns->len;
  *out_column = g_array_index (self->columns, NfColumn, index);
  g_array_remove_index (self->columns, index);

  removed = g_new0 (NfCell, MAX (self->rows->len, 1));
  for (guint r = 0; r < self->rows->len; r++)
    {
      NfCell *row = g_ptr_array_index (self->rows, r);

      removed[r] = row[index];
      memmove (&row[index], &row[index + 1], (n - index - 1) * sizeof (NfCell));
    }
  emit_changed (self);
  return removed;
}

void
_nf_metric_table_set_column (NfMetricTable *self,
                             guint          index,
                             NfColumn      *column,
                             NfColumn      *out_old)
{
  NfColumn *slot;

  g_assert (NF_IS_METRIC_TABLE (self));
  g_assert (index < self->columns->len);

  slot = &g_array_index (self->columns, NfColumn, index);
  *out_old = *slot;
  *slot = *column;
  memset (column, 0, sizeof *column);
  /* The editor renames and retypes columns but does not know their
   * meaning key: a new definition without one keeps the old. */
  if (slot->metric == NULL)
    slot->metric = g_steal_pointer (&out_old->metric);
  emit_changed (self);
}

void
_nf_metric_table_insert_row (NfMetricTable *self,
                             guint          index,
                             NfCell        *cells)
{
  g_assert (NF_IS_METRIC_TABLE (self));
  g_assert (index <= self->rows->len);
  g_assert (cells != NULL);

  g_ptr_array_insert (self->rows, index, cells);
  emit_changed (self);
}

NfCell *
_nf_metric_table_remove_row (NfMetricTable *self,
                             guint          index)
{
  NfCell *row;

  g_assert (NF_IS_METRIC_TABLE (self));
  g_assert (index < self->rows->len);

  row = g_ptr_array_steal_index (self->rows, index);
  emit_changed (self);
  return row;
}

void
_nf_metric_table_set_cell (NfMetricTable *self,
                           guint          row,
                           guint          column,
                           NfCell        *cell,
                           NfCell        *out_old)
{
  NfCell *slot;

  g_assert (NF_IS_METRIC_TABLE (self));
  g_assert (row < self->rows->len);
  g_assert (column < self->columns->len);

  slot = &((NfCell *) g_ptr_array_index (self->rows, row))[column];
  *out_old = *slot;
  *slot = *cell;
  memset (cell, 0, sizeof *cell);
  /* Editing a label keeps the row's meaning key (see NfCell). */
  if (slot->row_metric == NULL)
    slot->row_metric = g_steal_pointer (&out_old->row_metric);
  if (slot->row_cite == NULL)
    slot->row_cite = g_steal_pointer (&out_old->row_cite);
  emit_changed (self);
}

GPtrArray *
_nf_metric_table_get_extensions (NfMetricTable *self)
{
  g_assert (NF_IS_METRIC_TABLE (self));
  if (self->extensions == NULL)
    self->extensions = g_ptr_array_new_with_free_func (g_free);
  return self->extensions;
}

GPtrArray *
_nf_metric_table_peek_extensions (NfMetricTable *self)
{
  g_assert (NF_IS_METRIC_TABLE (self));
  return self->extensions;
}
