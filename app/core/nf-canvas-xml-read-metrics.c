/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-xml"

#include "config.h"

#include <string.h>

#include "nf-i18n-private.h"

#include "nf-canvas-private.h"
#include "nf-canvas-xml-read-private.h"
#include "nf-metric-table-private.h"
#include "nf-number.h"

/* <metrics>: the canvas's exchange rates, then its tables (a snapshot's
 * <metrics> holds tables only). The frame's index says whose it is. */

void
_nf_xml_clear_table (NfXmlReader *self)
{
  /* A row's cells are as many as the table's columns. */
  if (self->cells != NULL)
    _nf_cells_free (g_steal_pointer (&self->cells), nf_metric_table_get_n_columns (self->table));
  g_clear_pointer (&self->table_id, g_free);
  g_clear_object (&self->table);
  _nf_column_clear (&self->column);
  g_clear_pointer (&self->row_metric, g_free);
  g_clear_pointer (&self->row_cite, _nf_row_cite_free);
  g_clear_pointer (&self->cell_unit, g_free);
}

static gboolean
read_rate (NfXmlReader    *self,
           const char     *name,
           int             nb_attributes,
           const xmlChar **attributes)
{
  static const NfXmlAttrSpec spec[] = { { "from" }, { "to" }, { "value" }, { "date" }, { NULL } };
  static const char * const attr_names[] = { "from", "to", "value" };
  const char *values[4];
  const char *from, *to;
  g_autoptr(NfRate) rate = NULL;
  g_autofree char *pair = NULL;
  NfRate *other;
  double value;
  int line = _nf_xml_line (self);

  if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, spec, values))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (attr_names); i++)
    if (values[i] == NULL)
      return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                           _("the exchange rate has no %s attribute"), attr_names[i]);
  from = values[0];
  to = values[1];
  for (guint i = 0; i < 2; i++)
    if (!nf_currency_code_is_valid (values[i]))
      return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                           _("the currency “%s” of the exchange rate is not a code of three "
                             "capital letters like USD or CNY"),
                           values[i]);
  if (strcmp (from, to) == 0)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the exchange rate converts %s into itself"), from);
  if (!nf_number_parse_xml (values[2], &value) || !(value > 0))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the exchange rate value “%s” is not a number above 0 written "
                           "as Ninefold writes numbers"),
                         values[2]);
  if (values[3] != NULL && !nf_rate_date_is_valid (values[3]))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the date “%s” of the exchange rate is not a real date written "
                           "2024, 2024-12 or 2024-12-31"),
                         values[3]);
  /* One rate per pair either way round: USD→CNY and CNY→USD would say
   * two things about the same conversion. */
  pair = strcmp (from, to) < 0 ? g_strconcat (from, to, NULL) : g_strconcat (to, from, NULL);
  if ((other = g_hash_table_lookup (self->rate_pairs, pair)) != NULL)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_DUPLICATE, line,
                         _("a second exchange rate between %s and %s"),
                         nf_rate_get_from (other), nf_rate_get_to (other));
  rate = nf_rate_new (from, to, value, values[3]);
  g_assert (rate != NULL);
  g_list_store_append (_nf_canvas_get_rate_store (self->canvas), rate);
  /* The store keeps the rate alive as long as the set. */
  g_hash_table_insert (self->rate_pairs, g_steal_pointer (&pair), rate);
  _nf_xml_push (self, NF_XML_EMPTY, name);
  return TRUE;
}

static gboolean
start_table (NfXmlReader    *self,
             const char     *name,
             int             nb_attributes,
             const xmlChar **attributes)
{
  static const NfXmlAttrSpec spec[] = { { "id" }, { "block" }, { NULL } };
  const char *values[2];
  int line = _nf_xml_line (self);

  if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, spec, values))
    return FALSE;
  if (!_nf_xml_is_id (values[0]))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the table id “%s” is not an id: a letter or “_” followed by "
                           "letters, digits, “-”, “_” or “.”, at most 256"),
                         values[0] ? values[0] : "");
  if (g_hash_table_contains (self->table_ids, values[0]))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_DUPLICATE, line,
                         _("the table id “%s” is used twice"), values[0]);
  self->table_block = NF_BLOCK_NONE;
  if (values[1] != NULL && !nf_block_from_xml (values[1], &self->table_block))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the table names the block “%s”, which does not exist"), values[1]);
  self->table_id = g_strdup (values[0]);
  _nf_xml_push (self, NF_XML_TABLE, "table");
  return TRUE;
}

gboolean
_nf_xml_start_in_metrics (NfXmlReader    *self,
                          NfXmlFrame     *parent,
                          const char     *name,
                          const xmlChar  *uri,
                          int             nb_attributes,
                          const xmlChar **attributes)
{
  gboolean of_canvas = parent->index != 0;

  if (_nf_xml_is_named (name, uri, "rate"))
    {
      if (!of_canvas)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                             _("a snapshot’s <metrics> cannot state exchange rates; "
                               "they belong to the canvas"));
      if (parent->step > 0)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                             _("the exchange rates must come before the tables"));
      return read_rate (self, name, nb_attributes, attributes);
    }
  if (_nf_xml_is_named (name, uri, "table"))
    {
      parent->step = 1;
      return start_table (self, name, nb_attributes, attributes);
    }
  return _nf_xml_unexpected (self, name, (const char *) uri,
                             of_canvas && parent->step == 0 ? "<rate> or <table>" : "<table>");
}

static gboolean
start_column (NfXmlReader    *self,
              const char     *name,
              int             nb_attributes,
              const xmlChar **attributes)
{
  static const NfXmlAttrSpec spec[] = { { "type" }, { "unit" }, { "metric" }, { NULL } };
  const char *values[3];
  int line = _nf_xml_line (self);

  if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, spec, values))
    return FALSE;
  _nf_column_clear (&self->column);
  if (!nf_column_type_from_xml (values[0], &self->column.type))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the column type “%s” is not one of text, number, money, "
                           "percent, count or year"),
                         values[0] ? values[0] : "");
  if (values[1] != NULL && g_utf8_strlen (values[1], -1) > 64)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the unit of the column is longer than 64 characters"));
  if (values[2] != NULL && !nf_metric_key_is_valid (values[2]))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the metric “%s” is not a key of 1 to 64 lower-case letters, "
                           "digits and hyphens, like revenue or market-size"),
                         values[2]);
  self->column.unit = values[1] && *values[1] ? g_strdup (values[1]) : NULL;
  self->column.metric = g_strdup (values[2]);
  _nf_xml_push (self, NF_XML_COLUMN, "column");
  return TRUE;
}

static gboolean
start_row (NfXmlReader    *self,
           const char     *name,
           int             nb_attributes,
           const xmlChar **attributes)
{
  static const NfXmlAttrSpec spec[] = { { "metric" }, { NULL } };
  const char *metric;

  if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, spec, &metric))
    return FALSE;
  if (metric != NULL && !nf_metric_key_is_valid (metric))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                         _("the metric “%s” is not a key of 1 to 64 lower-case letters, "
                           "digits and hyphens, like revenue or market-size"),
                         metric);
  if (nf_metric_table_get_n_rows (self->table) >= NF_CANVAS_MAX_ROWS)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_TOO_LARGE, _nf_xml_line (self),
                         _("the table “%s” has more than %d rows, the most a table may have"),
                         self->table_id, NF_CANVAS_MAX_ROWS);
  self->row_metric = g_strdup (metric);
  self->cells = g_new0 (NfCell, nf_metric_table_get_n_columns (self->table));
  self->n_row_cells = 0;
  _nf_xml_push (self, NF_XML_ROW, "row");
  return TRUE;
}

/* Table steps: 0 before <title>, 1 in the titles, 2 in the columns, 3 in
 * the rows, 4 after <cite>, 5 in the extensions. FALSE (without a
 * refusal) hands the element to the caller as an extension. */
gboolean
_nf_xml_start_in_table (NfXmlReader    *self,
                        NfXmlFrame     *parent,
                        const char     *name,
                        const xmlChar  *uri,
                        int             nb_attributes,
                        const xmlChar **attributes)
{
  if (parent->step <= 1 && _nf_xml_is_named (name, uri, "title"))
    {
      parent->step = 1;
      return _nf_xml_start_translatable (self, name, NF_LEAF_TABLE_TITLE, nb_attributes, attributes);
    }
  if (parent->step == 0)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                         _("the table “%s” must begin with its <title>, not <%s>"),
                         self->table_id, name);
  if (self->table == NULL)
    {
      self->table = nf_metric_table_new (self->table_id, self->texts);
      g_clear_pointer (&self->texts, nf_text_unref);
      _nf_metric_table_set_block (self->table, self->table_block);
    }
  if (parent->step <= 2 && _nf_xml_is_named (name, uri, "column"))
    {
      parent->step = 2;
      return start_column (self, name, nb_attributes, attributes);
    }
  if (parent->step == 1)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                         _("the table has no <column>; a table needs at least one"));
  if (parent->step <= 3 && _nf_xml_is_named (name, uri, "row"))
    {
      parent->step = 3;
      return start_row (self, name, nb_attributes, attributes);
    }
  if (parent->step <= 3 && _nf_xml_is_named (name, uri, "cite"))
    {
      g_autofree char *source = NULL;
      guint line, line_end;

      parent->step = 4;
      if (!_nf_xml_read_cite (self, name, nb_attributes, attributes, &source, &line, &line_end))
        return FALSE;
      _nf_metric_table_set_cite_range (self->table, source, line, line_end);
      return TRUE;
    }
  parent->step = 5;
  return FALSE;
}

gboolean
_nf_xml_start_in_column (NfXmlReader    *self,
                         NfXmlFrame     *parent,
                         const char     *name,
                         const xmlChar  *uri,
                         int             nb_attributes,
                         const xmlChar **attributes)
{
  if (!_nf_xml_is_named (name, uri, "name"))
    return _nf_xml_unexpected (self, name, (const char *) uri, "<name>");
  parent->step = 1;
  return _nf_xml_start_translatable (self, name, NF_LEAF_COLUMN_NAME, nb_attributes, attributes);
}

/* A <cell>'s attributes, read alike in a row and in a side of a cell's
 * conflict. The first cell is in the canvas's language, with its value
 * and its own type and unit (format 1.3); the cells after it translate
 * it, in words only, and may give its unit in their words. `translated`
 * is the cell a translation follows (NULL when it is not kept). What is
 * read waits in self->cell_* and self->leaf_lang for the cell's text. */
gboolean
_nf_xml_read_cell (NfXmlReader    *self,
                   const char     *name,
                   int             nb_attributes,
                   const xmlChar **attributes,
                   gboolean        first,
                   const NfCell   *translated,
                   gboolean       *is_translation)
{
  static const NfXmlAttrSpec spec[] = {
    { "value" }, { "type" }, { "unit" }, { "lang", TRUE }, { NULL }
  };
  const char *values[4];
  const char *value, *type, *unit, *lang;
  int line = _nf_xml_line (self);

  if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, spec, values))
    return FALSE;
  value = values[0];
  type = values[1];
  unit = values[2];
  lang = values[3];
  if (++self->n_cells > NF_CANVAS_MAX_CELLS)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_TOO_LARGE, line,
                         _("the canvas’s tables have more than %d cells, the most a "
                           "canvas may have"), NF_CANVAS_MAX_CELLS);
  if (unit != NULL && (*unit == '\0' || g_utf8_strlen (unit, -1) > 64))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the unit of the cell is empty or longer than 64 characters"));
  *is_translation = lang != NULL;
  if (lang != NULL)
    {
      if (first)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                             _("the first <cell> of a row must be in the canvas’s language, "
                               "without xml:lang"));
      if (value != NULL)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                             _("a translated <cell> (with xml:lang) has no value attribute"));
      if (type != NULL)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                             _("a translated <cell> (with xml:lang) has no type attribute; "
                               "it has the type of the cell it translates"));
      if (unit != NULL && translated != NULL && translated->unit == NULL)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                             _("a translated <cell> has a unit only where the cell it "
                               "translates has one"));
      if (!_nf_xml_is_language (lang))
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                             _("the xml:lang “%s” of <%s> is not a language tag like en or zh-CN"),
                             lang, name);
      g_free (self->cell_unit);
      self->cell_unit = g_strdup (unit);
      g_free (self->leaf_lang);
      self->leaf_lang = g_strdup (lang);
      return TRUE;
    }
  self->cell_has_type = type != NULL;
  if (type != NULL && !nf_column_type_from_xml (type, &self->cell_type))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the cell type “%s” is not one of text, number, money, "
                           "percent, count or year"), type);
  if (unit != NULL && type == NULL)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("a cell with a unit needs a type too: <cell type=\"…\" unit=\"…\">"));
  g_free (self->cell_unit);
  self->cell_unit = g_strdup (unit);
  self->cell_has_number = value != NULL;
  if (value != NULL && !nf_number_parse_xml (value, &self->cell_number))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the cell value “%s” is not a finite number written as "
                           "Ninefold writes numbers"),
                         value);
  g_clear_pointer (&self->leaf_lang, g_free);
  return TRUE;
}

/* The first cell's text ends it: it takes what its start read. */
void
_nf_xml_end_cell (NfXmlReader *self,
                  NfCell      *cell)
{
  if (cell != NULL)
    {
      cell->text = g_strdup (self->text->str);
      cell->value = self->cell_has_number ? self->cell_number : 0;
      cell->has_value = self->cell_has_number;
      cell->has_type = self->cell_has_type;
      cell->type = self->cell_has_type ? self->cell_type : NF_COLUMN_TEXT;
      if (self->cell_unit != NULL)
        cell->unit = nf_text_new (self->cell_unit);
    }
  g_clear_pointer (&self->cell_unit, g_free);
}

/* A translation's text ends it: the words, and the unit in them, join
 * the cell's (NULL when the cell is not kept). */
gboolean
_nf_xml_end_cell_translation (NfXmlReader      *self,
                              const NfXmlFrame *frame,
                              NfCell           *cell)
{
  g_autofree char *unit = g_steal_pointer (&self->cell_unit);
  NfText *next;

  if (cell == NULL)
    return TRUE;
  if (cell->translations == NULL)
    cell->translations = nf_text_new (cell->text);
  else if (nf_text_lookup (cell->translations, self->leaf_lang) != NULL)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, frame->line,
                         _("there are two <%s> translations in “%s”"), frame->name,
                         self->leaf_lang);
  if (nf_text_get_n_translations (cell->translations) >= NF_CANVAS_MAX_TRANSLATIONS)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_TOO_LARGE, frame->line,
                         _("the <%s> has more than %d translations, the most one may have"),
                         frame->name, NF_CANVAS_MAX_TRANSLATIONS);
  next = nf_text_with_translation (cell->translations, self->leaf_lang, self->text->str);
  nf_text_unref (cell->translations);
  cell->translations = next;
  if (unit != NULL)
    {
      next = nf_text_with_translation (cell->unit, self->leaf_lang, unit);
      nf_text_unref (cell->unit);
      cell->unit = next;
    }
  return TRUE;
}

gboolean
_nf_xml_start_in_row (NfXmlReader    *self,
                      NfXmlFrame     *parent,
                      const char     *name,
                      const xmlChar  *uri,
                      int             nb_attributes,
                      const xmlChar **attributes)
{
  gboolean is_translation;
  guint n;

  /* A row may end with its own citation (format 1.2), after its cells. */
  if (parent->step == 1 && _nf_xml_is_named (name, uri, "cite"))
    {
      g_autofree char *source = NULL;
      guint line, line_end;

      parent->step = 2;
      if (!_nf_xml_read_cite (self, name, nb_attributes, attributes, &source, &line, &line_end))
        return FALSE;
      g_clear_pointer (&self->row_cite, _nf_row_cite_free);
      self->row_cite = _nf_row_cite_new (source, line, line_end);
      return TRUE;
    }
  if (parent->step == 2)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                         _("a row’s <cite> comes after all its cells, not before <%s>"), name);
  if (!_nf_xml_is_named (name, uri, "cell"))
    return _nf_xml_unexpected (self, name, (const char *) uri, "<cell>");
  n = nf_metric_table_get_n_columns (self->table);
  if (!_nf_xml_read_cell (self, name, nb_attributes, attributes, parent->step == 0,
                          self->n_row_cells > 0 && self->n_row_cells <= n
                            ? &self->cells[self->n_row_cells - 1] : NULL,
                          &is_translation))
    return FALSE;
  if (is_translation)
    {
      _nf_xml_push_leaf (self, name, NF_LEAF_CELL_TRANSLATION, 0);
      return TRUE;
    }
  parent->step = 1;
  _nf_xml_push_leaf (self, name, NF_LEAF_CELL, 0);
  return TRUE;
}

gboolean
_nf_xml_end_metrics_leaf (NfXmlReader      *self,
                          const NfXmlFrame *frame)
{
  guint n;

  switch (frame->leaf)
    {
    case NF_LEAF_TABLE_TITLE:
    case NF_LEAF_COLUMN_NAME:
      return _nf_xml_add_translatable (self, frame);
    case NF_LEAF_CELL:
      n = nf_metric_table_get_n_columns (self->table);
      /* Cells past the columns are counted, for the message, not kept. */
      _nf_xml_end_cell (self, self->n_row_cells < n ? &self->cells[self->n_row_cells] : NULL);
      self->n_row_cells++;
      return TRUE;
    case NF_LEAF_CELL_TRANSLATION:
      n = nf_metric_table_get_n_columns (self->table);
      return _nf_xml_end_cell_translation (self, frame,
                                           self->n_row_cells <= n
                                             ? &self->cells[self->n_row_cells - 1] : NULL);
    default:
      g_assert_not_reached ();
    }
}

gboolean
_nf_xml_end_metrics_element (NfXmlReader      *self,
                             const NfXmlFrame *frame)
{
  guint n;

  switch (frame->kind)
    {
    case NF_XML_COLUMN:
      if (frame->step == 0)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, frame->line,
                             _("the column has no <name>"));
      if (nf_metric_table_get_n_columns (self->table) >= NF_CANVAS_MAX_COLUMNS)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_TOO_LARGE, frame->line,
                             _("the table “%s” has more than %d columns, the most a table "
                               "may have"), self->table_id, NF_CANVAS_MAX_COLUMNS);
      self->column.name = g_steal_pointer (&self->texts);
      _nf_metric_table_insert_column (self->table, nf_metric_table_get_n_columns (self->table),
                                      &self->column, NULL);
      memset (&self->column, 0, sizeof self->column);  /* taken over */
      return TRUE;
    case NF_XML_ROW:
      n = nf_metric_table_get_n_columns (self->table);
      if (self->n_row_cells != n)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, frame->line,
                             _("the row has %u cells but the table has %u columns"),
                             self->n_row_cells, n);
      self->cells[0].row_metric = g_steal_pointer (&self->row_metric);
      self->cells[0].row_cite = g_steal_pointer (&self->row_cite);
      _nf_metric_table_insert_row (self->table, nf_metric_table_get_n_rows (self->table),
                                   g_steal_pointer (&self->cells));
      return TRUE;
    case NF_XML_TABLE:
      if (frame->step < 2)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, frame->line,
                             _("the table has no <column>; a table needs at least one"));
      g_hash_table_add (self->table_ids, (gpointer) nf_metric_table_get_id (self->table));
      g_ptr_array_add (self->tables, g_steal_pointer (&self->table));
      g_clear_pointer (&self->table_id, g_free);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}
