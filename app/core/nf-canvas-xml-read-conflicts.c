/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-xml"

#include "config.h"

#include <string.h>

#include "nf-i18n-private.h"

#include "nf-canvas-private.h"
#include "nf-canvas-xml-read-private.h"
#include "nf-merge-private.h"
#include "nf-metric-table-private.h"
#include "nf-number.h"

/* <conflicts> (docs/FORMAT.md): what a merge left open. A cell's conflict
 * may carry each side's cell whole, as a row writes its cells:
 *
 *   <conflict kind="cell" table="t1" row="2" column="3" ours="9" theirs="10">
 *     <ours><cell value="9">9</cell><cell xml:lang="zh">九</cell></ours>
 *     <theirs metric="revenue"><cell value="10">10</cell></theirs>
 *   </conflict>
 *
 * and a field's conflict (company, title, label, description) each side's
 * text with its translations, as a cell:
 *
 *   <conflict kind="company" ours="Acme" theirs="Acme">
 *     <ours><cell>Acme</cell><cell xml:lang="zh">阿克米</cell></ours>
 *     <theirs><cell>Acme</cell><cell xml:lang="zh">艾克米</cell></theirs>
 *   </conflict>
 *
 * The conflict being read is the last of the canvas's list. */

static NfConflict *
current (NfXmlReader *self)
{
  GPtrArray *conflicts = _nf_canvas_get_conflicts (self->canvas);

  return g_ptr_array_index (conflicts, conflicts->len - 1);
}

static NfCell **
side_cell (NfConflict *c,
           guint       side)
{
  return side == 0 ? &c->ours_cell : &c->theirs_cell;
}

/* <conflict kind="…" ours="…" theirs="…"/>: at least one side; the sides
 * of a note, table or source are ids (which need not be in the file: a
 * conflict whose versions are gone is dropped on save), those of a row
 * are row numbers. */
gboolean
_nf_xml_read_conflict (NfXmlReader    *self,
                       const char     *name,
                       const xmlChar  *uri,
                       int             nb_attributes,
                       const xmlChar **attributes)
{
  static const NfXmlAttrSpec spec[] = { { "kind" }, { "ours" }, { "theirs" },
                                        { "table" }, { "row" }, { "column" }, { NULL } };
  const char *values[6];
  guint64 place[2] = { 0, 0 };
  NfConflictKind kind;
  GPtrArray *conflicts;
  int line = _nf_xml_line (self);
  gboolean has_place;

  if (!_nf_xml_is_named (name, uri, "conflict"))
    return _nf_xml_unexpected (self, name, (const char *) uri, "<conflict>");
  if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, spec, values))
    return FALSE;
  if (values[0] == NULL || !nf_conflict_kind_from_xml (values[0], &kind))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the conflict kind “%s” is not one of note, table, source, company, "
                           "title, label, description, language, rate, cell or row"),
                         values[0] != NULL ? values[0] : "");
  if (values[1] == NULL && values[2] == NULL)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the conflict names neither side (ours, theirs)"));
  for (guint i = 1; i < 3; i++)
    {
      guint64 row;

      if (values[i] == NULL)
        continue;
      if (strlen (values[i]) > NF_CANVAS_MAX_FIELD_SIZE)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_TOO_LARGE, line,
                             _("a side of the conflict is longer than %d bytes"),
                             NF_CANVAS_MAX_FIELD_SIZE);
      if (nf_conflict_kind_is_item (kind) && !_nf_xml_is_id (values[i]))
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                             _("the conflict’s side “%s” is not an id"), values[i]);
      if (kind == NF_CONFLICT_ROW &&
          (!g_ascii_string_to_unsigned (values[i], 10, 1, G_MAXINT, &row, NULL) ||
           values[i][0] == '0'))
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                             _("the row conflict’s side “%s” is not a row number from 1"),
                             values[i]);
    }
  /* A cell's place: the table's id, row and column counted from 1; only
   * for a cell. A row's conflict names its table alone. */
  has_place = values[4] != NULL || values[5] != NULL;
  if (kind == NF_CONFLICT_ROW ? (values[3] == NULL || has_place)
                              : ((kind == NF_CONFLICT_CELL) != (values[3] != NULL) ||
                                 (values[3] != NULL) != (values[4] != NULL) ||
                                 (values[3] != NULL) != (values[5] != NULL)))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         kind == NF_CONFLICT_ROW
                           ? _("a row’s conflict needs a table, and no row or column")
                           : _("a cell’s conflict needs table, row and column, and only it has "
                               "them"));
  if (values[3] != NULL && !_nf_xml_is_id (values[3]))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the conflict’s table “%s” is not an id"), values[3]);
  for (guint i = 0; i < 2 && has_place; i++)
    if (!g_ascii_string_to_unsigned (values[4 + i], 10, 1, G_MAXUINT, &place[i], NULL))
      return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                           _("the conflict’s row or column “%s” is not a number from 1"),
                           values[4 + i]);
  conflicts = _nf_canvas_get_conflicts (self->canvas);
  if (conflicts->len >= NF_CANVAS_MAX_CONFLICTS)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_TOO_LARGE, line,
                         _("the file has more than %d conflicts"), NF_CANVAS_MAX_CONFLICTS);
  g_ptr_array_add (conflicts, _nf_conflict_new_cell (kind, values[3],
                                                     place[0] > 0 ? (guint) place[0] - 1 : 0,
                                                     place[1] > 0 ? (guint) place[1] - 1 : 0,
                                                     values[1], values[2]));
  /* Only a cell's conflict and a translated field's have content: each
   * side's cell, or the field's text with its translations as one. */
  _nf_xml_push (self, kind == NF_CONFLICT_CELL || _nf_conflict_kind_is_field (kind)
                        ? NF_XML_CONFLICT : NF_XML_EMPTY, name);
  return TRUE;
}

/* <ours> then <theirs>, each at most once, in a cell's conflict; step
 * counts the sides read. */
gboolean
_nf_xml_start_in_conflict (NfXmlReader    *self,
                           NfXmlFrame     *parent,
                           const char     *name,
                           const xmlChar  *uri,
                           int             nb_attributes,
                           const xmlChar **attributes)
{
  static const NfXmlAttrSpec spec[] = { { "metric" }, { NULL } };
  const char *metric;
  guint side;

  if (_nf_xml_is_named (name, uri, "ours") && parent->step == 0)
    side = 0;
  else if (_nf_xml_is_named (name, uri, "theirs") && parent->step < 2)
    side = 1;
  else
    return _nf_xml_unexpected (self, name, (const char *) uri,
                               parent->step == 0 ? "<ours> or <theirs>" : "<theirs>");
  if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, spec, &metric))
    return FALSE;
  if (metric != NULL && !nf_metric_key_is_valid (metric))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                         _("the metric “%s” is not a key of 1 to 64 lower-case letters, "
                           "digits and hyphens, like revenue or market-size"),
                         metric);
  parent->step = side + 1;
  *side_cell (current (self), side) = g_new0 (NfCell, 1);
  (*side_cell (current (self), side))->row_metric = g_strdup (metric);
  _nf_xml_push (self, NF_XML_CONFLICT_SIDE, name);
  self->frames[self->depth - 1].index = side;
  return TRUE;
}

/* A side's <cell>s: the cell as written, then its translations, read
 * as a row reads its cells. */
gboolean
_nf_xml_start_in_conflict_side (NfXmlReader    *self,
                                NfXmlFrame     *parent,
                                const char     *name,
                                const xmlChar  *uri,
                                int             nb_attributes,
                                const xmlChar **attributes)
{
  NfCell *cell = *side_cell (current (self), parent->index);
  gboolean is_translation;

  if (!_nf_xml_is_named (name, uri, "cell"))
    return _nf_xml_unexpected (self, name, (const char *) uri, "<cell>");
  if (!_nf_xml_read_cell (self, name, nb_attributes, attributes, parent->step == 0, cell,
                          &is_translation))
    return FALSE;
  if (!is_translation && parent->step != 0)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                         _("a side of a cell’s conflict holds one cell, then its translations"));
  parent->step = 1;
  _nf_xml_push_leaf (self, name, NF_LEAF_CONFLICT_CELL, parent->index);
  return TRUE;
}

gboolean
_nf_xml_end_conflict_cell (NfXmlReader      *self,
                           const NfXmlFrame *frame)
{
  NfCell *cell = *side_cell (current (self), frame->index);

  if (self->leaf_lang == NULL)
    {
      _nf_xml_end_cell (self, cell);
      return TRUE;
    }
  return _nf_xml_end_cell_translation (self, frame, cell);
}

gboolean
_nf_xml_end_conflict_side (NfXmlReader      *self,
                           const NfXmlFrame *frame)
{
  NfCell *cell = *side_cell (current (self), frame->index);

  if (frame->step == 0)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, frame->line,
                         _("the <%s> of a cell’s conflict holds no <cell>"), frame->name);
  if (cell->text == NULL)
    cell->text = g_strdup ("");
  return TRUE;
}
