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
  if (g_hash_table_contains (self->note_ids, values[0]) ||
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
  self->note = nf_note_new (self->note_id, self->texts);
  g_clear_pointer (&self->texts, nf_text_unref);
  if (self->note_colour)
    _nf_note_set_colour (self->note, self->note_colour);
  if (self->note_evidence != NF_EVIDENCE_NONE)
    _nf_note_set_evidence (self->note, self->note_evidence);
}

/* Note steps: 0 before <text>, 1 in the texts, 2 in the tags, 3 after
 * <cite>, 4 in the extensions. */
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
      guint line;

      parent->step = 3;
      if (!_nf_xml_read_cite (self, name, nb_attributes, attributes, &source, &line))
        return FALSE;
      _nf_note_set_cite (self->note, source, line);
      return TRUE;
    }
  parent->step = 4;
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
  /* The set keeps the note's own id: the note outlives it. */
  g_hash_table_add (self->note_ids, (gpointer) nf_note_get_id (self->note));
  g_ptr_array_add (self->notes[block->index], g_steal_pointer (&self->note));
  _nf_xml_clear_note (self);
  return TRUE;
}

