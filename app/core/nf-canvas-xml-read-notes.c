/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-xml"

#include "config.h"

#include <string.h>

#include "nf-i18n-private.h"

#include "nf-canvas-private.h"
#include "nf-canvas-xml-read-private.h"
#include "nf-note-private.h"

#define is_named _nf_xml_is_named

/* The nine blocks of the canvas or of a snapshot, and their notes. */

/* The nine blocks of the canvas or of a snapshot, in order; `step` of the
 * parent counts those read. */
gboolean
_nf_xml_start_block (NfXmlReader    *self,
                     guint           seen,
                     const char     *name,
                     int             nb_attributes,
                     const xmlChar **attributes)
{
  static const NfXmlAttrSpec spec[] = { { "kind" }, { NULL } };
  const char *kind;
  NfBlock block;
  int line = _nf_xml_line (self);

  if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, spec, &kind))
    return FALSE;
  if (!nf_block_from_xml (kind, &block))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("there is no block called “%s”; the nine are key-partners, "
                           "key-activities, key-resources, value-propositions, "
                           "customer-relationships, channels, customer-segments, "
                           "cost-structure and revenue-streams"),
                         kind ? kind : "");
  if ((guint) block < seen)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the block “%s” appears twice, or out of canvas order"), kind);
  if ((guint) block > seen)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the block “%s” is missing, or the blocks are out of canvas order"),
                         nf_block_to_xml (seen));
  g_assert (self->notes[block] == NULL);
  self->notes[block] = g_ptr_array_new_with_free_func (g_object_unref);
  self->block_notes = 0;
  _nf_xml_push (self, NF_XML_BLOCK, "block");
  self->frames[self->depth - 1].index = block;
  return TRUE;
}

gboolean
_nf_xml_start_note (NfXmlReader    *self,
                    const char     *name,
                    const xmlChar  *uri,
                    int             nb_attributes,
                    const xmlChar **attributes)
{
  static const NfXmlAttrSpec spec[] = { { "id" }, { "colour" }, { "evidence" }, { NULL } };
  const char *values[3];
  int line = _nf_xml_line (self);

  if (!is_named (name, uri, "note"))
    return _nf_xml_unexpected (self, name, (const char *) uri, "<note>");
  if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, spec, values))
    return FALSE;
  if (values[0] == NULL)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line, _("a note has no id attribute"));
  if (!_nf_xml_is_id (values[0]))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the note id “%s” is not an id: a letter or “_” followed by "
                           "letters, digits, “-”, “_” or “.”, at most 256"),
                         values[0]);
  if (self->model != NULL && self->canvas_notes)
    {
      GListModel *model_notes = nf_canvas_get_notes (self->model,
                                                     self->frames[self->depth - 1].index);
      g_autoptr(NfNote) expected = g_list_model_get_item (model_notes, self->block_notes);

      /* The model keeps its notes alive for the whole read. */
      self->expected = expected;
      if (expected == NULL || !g_str_equal (nf_note_get_id (expected), values[0]))
        return _nf_xml_differs (self);
      /* Every note read is the model's note at its place, so an id used
       * twice in the file is one the model's id table maps elsewhere. */
      if (g_hash_table_contains (self->note_ids, values[0]) ||
          nf_canvas_find_note (self->model, values[0], NULL, NULL) != expected)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_DUPLICATE, line,
                             _("the note id “%s” is used twice"), values[0]);
    }
  else if (g_hash_table_contains (self->note_ids, values[0]) ||
           (self->canvas_notes && nf_canvas_find_note (self->canvas, values[0], NULL, NULL)))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_DUPLICATE, line,
                         _("the note id “%s” is used twice"), values[0]);
  if (++self->n_notes > NF_CANVAS_MAX_NOTES)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_TOO_LARGE, line,
                         _("the file has more than %d notes"), NF_CANVAS_MAX_NOTES);
  if (values[1] != NULL && !nf_colour_is_valid (values[1]))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the colour “%s” is not of the form #rrggbb"), values[1]);
  if (values[2] != NULL && !nf_evidence_from_xml (values[2], &self->note_evidence))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the evidence level “%s” is not one of assumption, reported, "
                           "tested or validated"),
                         values[2]);
  self->note_id = g_strdup (values[0]);
  self->note_colour = g_strdup (values[1]);
  _nf_xml_push (self, NF_XML_NOTE, "note");
  return TRUE;
}

/* The note is made once its texts are read. */
static void
ensure_note (NfXmlReader *self)
{
  if (self->note != NULL)
    return;
  if (self->scratch != NULL)
    {
      /* A save's read-back: one note object serves every note compared. */
      self->note = g_steal_pointer (&self->scratch);
      _nf_note_reset (self->note, self->note_id, self->texts);
    }
  else
    self->note = nf_note_new (self->note_id, self->texts);
  _nf_note_set_loading (self->note, TRUE);
  g_clear_pointer (&self->texts, nf_text_unref);
  if (self->note_colour)
    _nf_note_set_colour (self->note, self->note_colour);
  if (self->note_evidence != NF_EVIDENCE_NONE)
    _nf_note_set_evidence (self->note, self->note_evidence);
}

/* <contradicts note="n81"/>, <contradicts table="t7"/> or
 * <contradicts table="t7" row="3"/>: what the note is marked as
 * conflicting with. The ids are checked once all notes and tables are
 * read (_nf_xml_check_refs). */
static gboolean
read_contradicts (NfXmlReader    *self,
                  const char     *name,
                  int             nb_attributes,
                  const xmlChar **attributes)
{
  static const NfXmlAttrSpec spec[] = { { "note" }, { "table" }, { "row" }, { NULL } };
  const char *values[3];
  int line = _nf_xml_line (self);
  guint64 row = 0;
  g_autofree char *ref = NULL;
  NfXmlRef pending;

  if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, spec, values))
    return FALSE;
  if ((values[0] == NULL) == (values[1] == NULL))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("a <contradicts> names either a note or a table: one of note=\"…\" "
                           "and table=\"…\""));
  if (!_nf_xml_is_id (values[0] ? values[0] : values[1]))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("“%s” in <contradicts> is not an id"),
                         values[0] ? values[0] : values[1]);
  if (values[2] != NULL &&
      (values[1] == NULL ||
       !g_ascii_string_to_unsigned (values[2], 10, 1, NF_CANVAS_MAX_ROWS, &row, NULL)))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the row “%s” in <contradicts> is not a row number of a table "
                           "(1 to %d, with table=\"…\")"),
                         values[2], NF_CANVAS_MAX_ROWS);
  if (values[0] != NULL && g_str_equal (values[0], self->note_id))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the note “%s” is marked as conflicting with itself"), self->note_id);
  ref = values[0] ? g_strdup (values[0]) : nf_conflict_ref_for_table (values[1], (guint) row);
  if (self->note_conflicts == NULL)
    self->note_conflicts = g_ptr_array_new_with_free_func (g_free);
  if (self->note_conflicts->len >= NF_CANVAS_MAX_CONFLICT_MARKS)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_TOO_LARGE, line,
                         _("the note “%s” is marked as conflicting with more than %d things"),
                         self->note_id, NF_CANVAS_MAX_CONFLICT_MARKS);
  /* A linear look for the few marks a real note has; a set past that, so
   * a note with the most marks allowed is read in linear time, not
   * half a million comparisons. */
  if (self->conflict_set == NULL && self->note_conflicts->len >= 8)
    {
      self->conflict_set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < self->note_conflicts->len; i++)
        g_hash_table_add (self->conflict_set, g_ptr_array_index (self->note_conflicts, i));
    }
  if (self->conflict_set != NULL
      ? g_hash_table_contains (self->conflict_set, ref)
      : g_ptr_array_find_with_equal_func (self->note_conflicts, ref, g_str_equal, NULL))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_DUPLICATE, line,
                         _("the note “%s” is marked twice as conflicting with “%s”"),
                         self->note_id, ref);
  if (self->conflict_set != NULL)
    g_hash_table_add (self->conflict_set, ref);
  if (self->pending_refs == NULL)
    self->pending_refs = g_array_new (FALSE, FALSE, sizeof (NfXmlRef));
  pending.note_id = g_strdup (self->note_id);
  pending.ref = g_strdup (ref);
  pending.line = line;
  g_array_append_val (self->pending_refs, pending);
  g_ptr_array_add (self->note_conflicts, g_steal_pointer (&ref));
  _nf_xml_push (self, NF_XML_EMPTY, name);
  return TRUE;
}

void
_nf_xml_clear_refs (NfXmlReader *self)
{
  if (self->pending_refs == NULL)
    return;
  for (guint i = 0; i < self->pending_refs->len; i++)
    {
      NfXmlRef *r = &g_array_index (self->pending_refs, NfXmlRef, i);

      g_free (r->note_id);
      g_free (r->ref);
    }
  g_array_set_size (self->pending_refs, 0);
}

gboolean
_nf_xml_check_refs (NfXmlReader  *self,
                    GPtrArray   **notes,
                    GPtrArray    *tables)
{
  g_autoptr(GHashTable) note_ids = NULL;
  g_autoptr(GHashTable) table_ids = NULL;

  if (self->pending_refs == NULL || self->pending_refs->len == 0)
    return TRUE;
  if (notes != NULL)
    {
      note_ids = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint b = 0; b < NF_N_BLOCKS; b++)
        for (guint i = 0; notes[b] != NULL && i < notes[b]->len; i++)
          g_hash_table_add (note_ids, (gpointer) nf_note_get_id (g_ptr_array_index (notes[b], i)));
      table_ids = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; tables != NULL && i < tables->len; i++)
        g_hash_table_insert (table_ids,
                             (gpointer) nf_metric_table_get_id (g_ptr_array_index (tables, i)),
                             g_ptr_array_index (tables, i));
    }
  for (guint i = 0; i < self->pending_refs->len; i++)
    {
      NfXmlRef *r = &g_array_index (self->pending_refs, NfXmlRef, i);
      g_autofree char *id = NULL;
      guint row = 0;
      gboolean is_table = FALSE;
      NfMetricTable *table;

      nf_conflict_ref_parse (r->ref, &is_table, &id, &row);
      if (!is_table)
        {
          if (notes ? g_hash_table_contains (note_ids, id)
                    : nf_canvas_find_note (self->model ? self->model : self->canvas,
                                           id, NULL, NULL) != NULL)
            continue;
          return _nf_xml_fail (self, NF_CANVAS_ERROR_NOT_FOUND, r->line,
                               notes ? _("the note “%s” is marked as conflicting with the note "
                                         "“%s”, which its snapshot does not have")
                                     : _("the note “%s” is marked as conflicting with the note "
                                         "“%s”, which the canvas does not have"),
                               r->note_id, id);
        }
      table = notes ? g_hash_table_lookup (table_ids, id) : nf_canvas_find_table (self->canvas, id, NULL);
      if (table == NULL)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_NOT_FOUND, r->line,
                             notes ? _("the note “%s” is marked as conflicting with the table "
                                       "“%s”, which its snapshot does not have")
                                   : _("the note “%s” is marked as conflicting with the table "
                                       "“%s”, which the canvas does not have"),
                             r->note_id, id);
      if (row > nf_metric_table_get_n_rows (table))
        return _nf_xml_fail (self, NF_CANVAS_ERROR_NOT_FOUND, r->line,
                             _("the note “%s” is marked as conflicting with row %u of the "
                               "table “%s”, which has %u rows"),
                             r->note_id, row, id, nf_metric_table_get_n_rows (table));
    }
  _nf_xml_clear_refs (self);
  return TRUE;
}

/* Note steps: 0 before <text>, 1 in the texts, 2 in the tags, 3 after
 * <cite>, 4 in the <contradicts>, 5 in the extensions. */
gboolean
_nf_xml_start_in_note (NfXmlReader    *self,
                       NfXmlFrame     *parent,
                       const char     *name,
                       const xmlChar  *uri,
                       int             nb_attributes,
                       const xmlChar **attributes)
{
  if (parent->step <= 1 && is_named (name, uri, "text"))
    {
      parent->step = 1;
      return _nf_xml_start_translatable (self, name, NF_LEAF_NOTE_TEXT, nb_attributes, attributes);
    }
  if (parent->step == 0)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                         _("the note “%s” must begin with its <text>, not <%s>"),
                         self->note_id, name);
  ensure_note (self);
  if (parent->step <= 2 && is_named (name, uri, "tag"))
    {
      parent->step = 2;
      return _nf_xml_start_plain_leaf (self, name, NF_LEAF_TAG, 0, nb_attributes, attributes);
    }
  if (parent->step <= 2 && is_named (name, uri, "cite"))
    {
      g_autofree char *source = NULL;
      guint line, line_end;

      parent->step = 3;
      if (!_nf_xml_read_cite (self, name, nb_attributes, attributes, &source, &line, &line_end))
        return FALSE;
      _nf_note_set_cite_range (self->note, source, line, line_end);
      return TRUE;
    }
  if (parent->step <= 4 && is_named (name, uri, "contradicts"))
    {
      parent->step = 4;
      return read_contradicts (self, name, nb_attributes, attributes);
    }
  parent->step = 5;
  return FALSE;  /* an extension */
}

gboolean
_nf_xml_end_tag (NfXmlReader      *self,
                 const NfXmlFrame *frame)
{
  g_autofree char *stripped = g_strstrip (g_strdup (self->text->str));
  const char *tag = self->text->str;

  /* Tags are a set of non-blank words: anything else would change on the
   * next save, so it is refused here. */
  if (*stripped == '\0' || strcmp (stripped, tag) != 0)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, frame->line,
                         _("a <tag> must be a word or phrase without surrounding spaces"));
  if (self->tags == NULL)
    self->tags = g_ptr_array_new_with_free_func (g_free);
  if (self->tags->len >= NF_CANVAS_MAX_TAGS)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_TOO_LARGE, frame->line,
                         _("the note “%s” has more than %d tags, the most a note may have"),
                         self->note_id, NF_CANVAS_MAX_TAGS);
  /* A linear look for the few tags a note has; a set past that, so a
   * hostile note with many tags stays linear. */
  if (self->tag_set == NULL && self->tags->len >= 8)
    {
      self->tag_set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < self->tags->len; i++)
        g_hash_table_add (self->tag_set, g_ptr_array_index (self->tags, i));
    }
  if (self->tag_set != NULL ? g_hash_table_contains (self->tag_set, tag)
                            : g_ptr_array_find_with_equal_func (self->tags, tag, g_str_equal, NULL))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_DUPLICATE, frame->line,
                         _("the note “%s” has the tag “%s” twice"), self->note_id, tag);
  g_ptr_array_add (self->tags, g_strdup (tag));
  if (self->tag_set != NULL)
    g_hash_table_add (self->tag_set, g_ptr_array_index (self->tags, self->tags->len - 1));
  return TRUE;
}

gboolean
_nf_xml_end_note (NfXmlReader      *self,
                  const NfXmlFrame *frame,
                  const NfXmlFrame *block)
{
  if (frame->step == 0)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, frame->line,
                         _("the note “%s” has no <text>"), self->note_id);
  ensure_note (self);
  if (self->tags != NULL)
    {
      g_ptr_array_add (self->tags, NULL);
      _nf_note_set_tags (self->note, (const char * const *) self->tags->pdata);
    }
  if (self->note_conflicts != NULL)
    {
      g_ptr_array_add (self->note_conflicts, NULL);
      _nf_note_set_conflicts (self->note, (const char * const *) self->note_conflicts->pdata);
    }
  if (self->model != NULL && self->canvas_notes)
    {
      NfNote *expected = self->expected;

      if (!nf_note_equal (self->note, expected))
        return _nf_xml_differs (self);
      /* The model's note stands for the one read, which goes. */
      g_hash_table_add (self->note_ids, (gpointer) nf_note_get_id (expected));
      self->block_notes++;
      self->expected = NULL;
      self->scratch = g_steal_pointer (&self->note);
      _nf_xml_clear_note (self);
      return TRUE;
    }
  _nf_note_set_loading (self->note, FALSE);
  /* The set keeps the note's own id: the note outlives it. */
  g_hash_table_add (self->note_ids, (gpointer) nf_note_get_id (self->note));
  g_ptr_array_add (self->notes[block->index], g_steal_pointer (&self->note));
  _nf_xml_clear_note (self);
  return TRUE;
}

