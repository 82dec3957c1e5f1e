/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-xml"

#include "config.h"

#include <string.h>

#include "nf-i18n-private.h"
#include <libxml/SAX2.h>
#include <libxml/tree.h>

#include "nf-canvas-private.h"
#include "nf-canvas-xml-read-private.h"
#include "nf-merge-private.h"
#include "nf-metric-table-private.h"
#include "nf-note-private.h"
#include "nf-snapshot-private.h"

#define is_ours _nf_xml_is_ours
#define is_named _nf_xml_is_named

/* The element-by-element reading of a canvas: the content model of
 * resources/ninefold-1.rng as a small state machine per element (its
 * frame's `step`), with messages that name the element, the value and the
 * line. Blocks and notes are in nf-canvas-xml-read-notes.c, tables and
 * rates in nf-canvas-xml-read-metrics.c. */

static const char * const field_names[] = { "company", "title", "label", "description" };
static const char * const source_part_names[] = { "title", "publisher", "date", "address" };

static gboolean
check_encoding (NfXmlReader *self)
{
  const char *enc = (const char *) (self->ctxt->encoding ? self->ctxt->encoding
                                                         : self->ctxt->input->encoding);

  if (enc == NULL ||
      g_ascii_strcasecmp (enc, "UTF-8") == 0 ||
      g_ascii_strcasecmp (enc, "UTF8") == 0 ||
      g_ascii_strcasecmp (enc, "UTF-16") == 0 ||
      g_ascii_strcasecmp (enc, "US-ASCII") == 0 ||
      g_ascii_strcasecmp (enc, "ASCII") == 0)
    return TRUE;
  return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, 1,
                       _("the file says it is in the “%s” encoding; Ninefold files are UTF-8"),
                       enc);
}

static const char *
find_attr (int             nb_attributes,
           const xmlChar **attributes,
           const char     *name,
           gboolean        xml_ns,
           char           *buf,
           gsize           size)
{
  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;
      gsize len = (gsize) (a[4] - a[3]);

      if (strcmp ((const char *) a[0], name) == 0 &&
          (xml_ns ? a[2] != NULL && strcmp ((const char *) a[2], (const char *) XML_XML_NAMESPACE) == 0
                  : a[2] == NULL))
        {
          len = MIN (len, size - 1);
          memcpy (buf, a[3], len);
          buf[len] = '\0';
          return buf;
        }
    }
  return NULL;
}

static gboolean
start_canvas (NfXmlReader    *self,
              const char     *name,
              const xmlChar  *uri,
              int             nb_attributes,
              const xmlChar **attributes)
{
  static const NfXmlAttrSpec spec[] = { { "version" }, { "lang", TRUE }, { NULL } };
  const char *values[2];
  char version[64], lang[NF_LANGUAGE_TAG_MAX + 2];
  const char *p;
  guint64 major = 0;
  int line = _nf_xml_line (self);
  guint digits = 0;

  if (uri != NULL && g_str_has_prefix ((const char *) uri, NF_CANVAS_NS_PREFIX) && !is_ours (uri))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_NEWER_VERSION, line,
                         _("the file was written by a newer version of Ninefold "
                           "(namespace “%s”); this version reads format 1"),
                         (const char *) uri);
  if (uri == NULL && g_str_equal (name, "canvas"))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("this is not a Ninefold canvas: its root element <canvas> has no "
                           "namespace; a canvas starts with <canvas xmlns=\"%s\">"),
                         NF_CANVAS_NS);
  if (!is_named (name, uri, "canvas"))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("this is not a Ninefold canvas: its root element is <%s>%s%s%s, "
                           "not <canvas> in the namespace %s"),
                         name, uri ? " (" : "", uri ? (const char *) uri : "", uri ? ")" : "",
                         NF_CANVAS_NS);
  if (!check_encoding (self))
    return FALSE;
  if (!find_attr (nb_attributes, attributes, "lang", TRUE, lang, sizeof lang))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the <canvas> element has no xml:lang attribute saying "
                           "which language the canvas is written in"));
  if (!find_attr (nb_attributes, attributes, "version", FALSE, version, sizeof version))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the <canvas> element has no version attribute"));
  if (!g_ascii_isdigit (version[0]) ||
      (major = g_ascii_strtoull (version, (char **) &p, 10), *p != '.') ||
      !g_ascii_isdigit (p[1]))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the version “%s” is not of the form MAJOR.MINOR"), version);
  if (major > 1)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_NEWER_VERSION, line,
                         _("the file was written by a newer version of Ninefold "
                           "(format %s); this version reads format 1"),
                         version);
  /* Exactly 1.MINOR with one to four digits, as the schema says. */
  for (p = version + 2; g_ascii_isdigit (*p); p++)
    digits++;
  if (version[0] != '1' || version[1] != '.' || digits < 1 || digits > 4 || *p != '\0')
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the version “%s” is not a Ninefold format version"), version);

  if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, spec, values))
    return FALSE;
  if (!_nf_xml_is_language (values[1]))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the canvas language “%s” is not a language tag like en or zh-CN"),
                         values[1]);
  if (strlen (values[1]) > NF_LANGUAGE_TAG_MAX)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_TOO_LARGE, line,
                         _("the canvas language is longer than %d characters, the most "
                           "a language tag may be"), NF_LANGUAGE_TAG_MAX);
  _nf_canvas_set_version (self->canvas, values[0]);
  _nf_canvas_set_field (self->canvas, NF_FIELD_LANGUAGE, values[1]);
  self->extensions_allowed = g_ascii_strtoull (version + 2, NULL, 10) > NF_FORMAT_MINOR;
  self->note_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->canvas_notes = TRUE;
  _nf_xml_push (self, NF_XML_CANVAS, "canvas");
  return TRUE;
}

static gboolean
missing_block (NfXmlReader *self,
               guint        seen,
               int          line)
{
  return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                       _("the block “%s” is missing; a canvas has all nine"),
                       nf_block_to_xml (seen));
}

static gboolean
start_metrics (NfXmlReader *self,
               gboolean     of_canvas)
{
  if (self->tables == NULL)
    self->tables = g_ptr_array_new_with_free_func (g_object_unref);
  g_clear_pointer (&self->table_ids, g_hash_table_unref);
  self->table_ids = g_hash_table_new (g_str_hash, g_str_equal);
  _nf_xml_push (self, NF_XML_METRICS, "metrics");
  self->frames[self->depth - 1].index = of_canvas;
  return TRUE;
}

/* Canvas steps: 0 before <metadata>, 1 after it, 2 + n after <sources>
 * or n blocks, 11 after the blocks, 12 after <metrics>, 13 after
 * <conflicts>, 14 after <snapshots> or an extension. */
#define CANVAS_BLOCKS 2
#define CANVAS_AFTER_BLOCKS (CANVAS_BLOCKS + NF_N_BLOCKS)

static gboolean
start_in_canvas (NfXmlReader    *self,
                 NfXmlFrame     *parent,
                 const char     *name,
                 const xmlChar  *uri,
                 int             nb_attributes,
                 const xmlChar **attributes)
{
  if (parent->step == 0)
    {
      if (!is_named (name, uri, "metadata"))
        return _nf_xml_unexpected (self, name, (const char *) uri, "<metadata>");
      parent->step = 1;
      if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, NULL, NULL))
        return FALSE;
      _nf_xml_push (self, NF_XML_METADATA, "metadata");
      return TRUE;
    }
  if (parent->step == 1 && is_named (name, uri, "sources"))
    {
      parent->step = CANVAS_BLOCKS;
      if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, NULL, NULL))
        return FALSE;
      _nf_xml_push (self, NF_XML_SOURCES, "sources");
      return TRUE;
    }
  if (parent->step < CANVAS_AFTER_BLOCKS)
    {
      guint seen = parent->step <= CANVAS_BLOCKS ? 0 : parent->step - CANVAS_BLOCKS;
      g_autofree char *expected = g_strdup_printf ("<block kind=\"%s\">", nf_block_to_xml (seen));

      if (!is_named (name, uri, "block"))
        return _nf_xml_unexpected (self, name, (const char *) uri, expected);
      parent->step = CANVAS_BLOCKS + seen + 1;
      return _nf_xml_start_block (self, seen, name, nb_attributes, attributes);
    }
  if (parent->step == CANVAS_AFTER_BLOCKS && is_named (name, uri, "metrics"))
    {
      parent->step++;
      self->rate_pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      return _nf_xml_read_attrs (self, name, nb_attributes, attributes, NULL, NULL) &&
             start_metrics (self, TRUE);
    }
  if (parent->step <= CANVAS_AFTER_BLOCKS + 1 && is_named (name, uri, "conflicts"))
    {
      parent->step = CANVAS_AFTER_BLOCKS + 2;
      if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, NULL, NULL))
        return FALSE;
      _nf_xml_push (self, NF_XML_CONFLICTS, "conflicts");
      return TRUE;
    }
  if (parent->step <= CANVAS_AFTER_BLOCKS + 2 && is_named (name, uri, "snapshots"))
    {
      parent->step = CANVAS_AFTER_BLOCKS + 3;
      if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, NULL, NULL))
        return FALSE;
      _nf_xml_push (self, NF_XML_SNAPSHOTS, "snapshots");
      return TRUE;
    }
  return FALSE;  /* an extension: the caller takes it */
}

static gboolean
start_in_metadata (NfXmlReader    *self,
                   NfXmlFrame     *parent,
                   const char     *name,
                   const xmlChar  *uri,
                   int             nb_attributes,
                   const xmlChar **attributes)
{
  /* A field said again is a translation of it (company, title and
   * description only: a label is a date or version). */
  if (parent->step >= 1 && parent->step - 1 != NF_FIELD_LABEL &&
      parent->step <= G_N_ELEMENTS (field_names) &&
      is_named (name, uri, field_names[parent->step - 1]))
    {
      if (!_nf_xml_start_translatable (self, name, NF_LEAF_FIELD_TRANSLATION, nb_attributes,
                                       attributes))
        return FALSE;
      self->frames[self->depth - 1].index = parent->step - 1;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (is_named (name, uri, field_names[i]) &&
        (i < 2 ? parent->step == i : parent->step >= 2 && parent->step <= i))
      {
        parent->step = i + 1;
        return _nf_xml_start_plain_leaf (self, name, NF_LEAF_FIELD, i, nb_attributes, attributes);
      }
  if (parent->step < 2)
    {
      g_autofree char *expected = g_strdup_printf ("<%s>", field_names[parent->step]);

      return _nf_xml_unexpected (self, name, (const char *) uri, expected);
    }
  return FALSE;
}

static gboolean
start_source (NfXmlReader    *self,
              const char     *name,
              const xmlChar  *uri,
              int             nb_attributes,
              const xmlChar **attributes)
{
  static const NfXmlAttrSpec spec[] = { { "id" }, { NULL } };
  const char *id;

  if (!is_named (name, uri, "source"))
    return _nf_xml_unexpected (self, name, (const char *) uri, "<source>");
  if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, spec, &id))
    return FALSE;
  if (!_nf_xml_is_id (id))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                         _("the source id “%s” is not an id: a letter or “_” followed by "
                           "letters, digits, “-”, “_” or “.”, at most 256"),
                         id ? id : "");
  if (g_hash_table_contains (self->source_ids, id))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_DUPLICATE, _nf_xml_line (self),
                         _("the source id “%s” is used twice"), id);
  self->source_id = g_strdup (id);
  _nf_xml_push (self, NF_XML_SOURCE, "source");
  return TRUE;
}

static gboolean
start_in_source (NfXmlReader    *self,
                 NfXmlFrame     *parent,
                 const char     *name,
                 const xmlChar  *uri,
                 int             nb_attributes,
                 const xmlChar **attributes)
{
  for (guint i = 0; i < G_N_ELEMENTS (source_part_names); i++)
    if (is_named (name, uri, source_part_names[i]) &&
        (i == 0 ? parent->step == 0 : parent->step >= 1 && parent->step <= i))
      {
        parent->step = i + 1;
        return _nf_xml_start_plain_leaf (self, name, NF_LEAF_SOURCE_PART, i, nb_attributes, attributes);
      }
  return _nf_xml_unexpected (self, name, (const char *) uri,
                             parent->step == 0 ? "<title>" : "<publisher>, <date> or <address>");
}

static gboolean
start_snapshot (NfXmlReader    *self,
                const char     *name,
                const xmlChar  *uri,
                int             nb_attributes,
                const xmlChar **attributes)
{
  static const NfXmlAttrSpec spec[] = { { "name" }, { "time" }, { NULL } };
  const char *values[2];
  const char *time;
  int line = _nf_xml_line (self);

  if (!is_named (name, uri, "snapshot"))
    return _nf_xml_unexpected (self, name, (const char *) uri, "<snapshot>");
  if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, spec, values))
    return FALSE;
  time = values[1];
  if (values[0] == NULL)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("a <snapshot> has no name attribute"));
  if (strlen (values[0]) > NF_CANVAS_MAX_FIELD_SIZE)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_TOO_LARGE, line,
                         _("the name of the snapshot is longer than %d KiB"),
                         NF_CANVAS_MAX_FIELD_SIZE / 1024);
  if (time == NULL || strlen (time) != 20 || time[19] != 'Z' || time[10] != 'T' ||
      !(self->snapshot_time = g_date_time_new_from_iso8601 (time, NULL)))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the snapshot time “%s” is not a date and time in UTC, "
                           "like 2026-11-20T09:30:00Z"),
                         time ? time : "");
  /* The canvas's own marks are all read by now, and checked against
   * its notes and tables rather than the snapshot's. */
  if (!_nf_xml_check_refs (self, NULL, NULL))
    return FALSE;
  self->snapshot_name = g_strdup (values[0]);
  _nf_xml_clear_blocks (self);
  g_clear_pointer (&self->note_ids, g_hash_table_unref);
  self->note_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->canvas_notes = FALSE;
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  self->tables = g_ptr_array_new_with_free_func (g_object_unref);
  _nf_xml_push (self, NF_XML_SNAPSHOT, "snapshot");
  return TRUE;
}

/* Snapshot steps: n blocks read, then NF_N_BLOCKS + 1 after <metrics>. */
/* <conflict kind="…" ours="…" theirs="…"/>: at least one side; the sides
 * of a note, table or source are ids (which need not be in the file: a
 * conflict whose versions are gone is dropped on save). */
static gboolean
read_conflict (NfXmlReader    *self,
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

  if (!is_named (name, uri, "conflict"))
    return _nf_xml_unexpected (self, name, (const char *) uri, "<conflict>");
  if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, spec, values))
    return FALSE;
  if (values[0] == NULL || !nf_conflict_kind_from_xml (values[0], &kind))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the conflict kind “%s” is not one of note, table, source, company, "
                           "title, label, description, language, rate or cell"),
                         values[0] != NULL ? values[0] : "");
  if (values[1] == NULL && values[2] == NULL)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the conflict names neither side (ours, theirs)"));
  for (guint i = 1; i < 3; i++)
    {
      if (values[i] == NULL)
        continue;
      if (strlen (values[i]) > NF_CANVAS_MAX_FIELD_SIZE)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_TOO_LARGE, line,
                             _("a side of the conflict is longer than %d bytes"),
                             NF_CANVAS_MAX_FIELD_SIZE);
      if (nf_conflict_kind_is_item (kind) && !_nf_xml_is_id (values[i]))
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                             _("the conflict’s side “%s” is not an id"), values[i]);
    }
  /* A cell's place: the table's id, row and column counted from 1; only
   * for a cell. */
  if ((kind == NF_CONFLICT_CELL) != (values[3] != NULL) ||
      (values[3] != NULL) != (values[4] != NULL) || (values[3] != NULL) != (values[5] != NULL))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("a cell’s conflict needs table, row and column, and only it has them"));
  if (values[3] != NULL && !_nf_xml_is_id (values[3]))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, line,
                         _("the conflict’s table “%s” is not an id"), values[3]);
  for (guint i = 0; i < 2 && values[3] != NULL; i++)
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
  _nf_xml_push (self, NF_XML_EMPTY, name);
  return TRUE;
}

static gboolean
start_in_snapshot (NfXmlReader    *self,
                   NfXmlFrame     *parent,
                   const char     *name,
                   const xmlChar  *uri,
                   int             nb_attributes,
                   const xmlChar **attributes)
{
  if (parent->step < NF_N_BLOCKS)
    {
      g_autofree char *expected = g_strdup_printf ("<block kind=\"%s\">",
                                                   nf_block_to_xml (parent->step));

      if (!is_named (name, uri, "block"))
        return _nf_xml_unexpected (self, name, (const char *) uri, expected);
      return _nf_xml_start_block (self, parent->step++, name, nb_attributes, attributes);
    }
  if (parent->step == NF_N_BLOCKS && is_named (name, uri, "metrics"))
    {
      parent->step++;
      return _nf_xml_read_attrs (self, name, nb_attributes, attributes, NULL, NULL) &&
             start_metrics (self, FALSE);
    }
  return _nf_xml_unexpected (self, name, (const char *) uri,
                             parent->step == NF_N_BLOCKS ? "<metrics> or the end of the snapshot"
                                                         : "the end of the snapshot");
}

void
_nf_xml_start_element (void           *ctx,
                       const xmlChar  *localname,
                       const xmlChar  *prefix,
                       const xmlChar  *uri,
                       int             nb_namespaces,
                       const xmlChar **namespaces,
                       int             nb_attributes,
                       int             nb_defaulted,
                       const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  NfXmlReader *self = ctxt->_private;
  const char *name = (const char *) localname;
  NfXmlFrame *parent;
  GPtrArray *into = NULL;
  const char *expected = NULL;

  /* Nothing more once the file is refused, by us or by libxml2. */
  if (self->error != NULL || !ctxt->wellFormed)
    return;
  if (!_nf_xml_check_attr_chars (self, nb_attributes, attributes))
    return;
  if (self->ext_depth > 0)
    {
      if (!_nf_xml_count_extension_node (self))
        return;
      self->ext_depth++;
      xmlSAX2StartElementNs (ctx, localname, prefix, uri, nb_namespaces, namespaces,
                             nb_attributes, nb_defaulted, attributes);
      return;
    }
  if (self->depth == 0)
    {
      start_canvas (self, name, uri, nb_attributes, attributes);
      return;
    }

  parent = &self->frames[self->depth - 1];
  switch (parent->kind)
    {
    case NF_XML_LEAF:
      _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                    _("the element <%s> is inside <%s>, which holds only text"),
                    name, parent->name);
      return;
    case NF_XML_EMPTY:
      _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                    _("the element <%s> is inside <%s>, which must be empty"),
                    name, parent->name);
      return;
    case NF_XML_CANVAS:
      if (start_in_canvas (self, parent, name, uri, nb_attributes, attributes) || self->error)
        return;
      parent->step = CANVAS_AFTER_BLOCKS + 3;
      into = _nf_canvas_get_extensions (self->canvas);
      expected = _("the end of the canvas");
      break;
    case NF_XML_METADATA:
      if (start_in_metadata (self, parent, name, uri, nb_attributes, attributes) || self->error)
        return;
      parent->step = G_N_ELEMENTS (field_names);
      into = _nf_canvas_get_metadata_extensions (self->canvas);
      expected = _("the end of the metadata");
      break;
    case NF_XML_SOURCES:
      start_source (self, name, uri, nb_attributes, attributes);
      return;
    case NF_XML_SOURCE:
      start_in_source (self, parent, name, uri, nb_attributes, attributes);
      return;
    case NF_XML_BLOCK:
      _nf_xml_start_note (self, name, uri, nb_attributes, attributes);
      return;
    case NF_XML_NOTE:
      if (_nf_xml_start_in_note (self, parent, name, uri, nb_attributes, attributes) || self->error)
        return;
      into = _nf_note_get_extensions (self->note);
      expected = _("the end of the note");
      break;
    case NF_XML_METRICS:
      _nf_xml_start_in_metrics (self, parent, name, uri, nb_attributes, attributes);
      return;
    case NF_XML_TABLE:
      if (_nf_xml_start_in_table (self, parent, name, uri, nb_attributes, attributes) || self->error)
        return;
      into = _nf_metric_table_get_extensions (self->table);
      expected = _("the end of the table");
      break;
    case NF_XML_COLUMN:
      _nf_xml_start_in_column (self, parent, name, uri, nb_attributes, attributes);
      return;
    case NF_XML_ROW:
      _nf_xml_start_in_row (self, parent, name, uri, nb_attributes, attributes);
      return;
    case NF_XML_SNAPSHOTS:
      start_snapshot (self, name, uri, nb_attributes, attributes);
      return;
    case NF_XML_SNAPSHOT:
      start_in_snapshot (self, parent, name, uri, nb_attributes, attributes);
      return;
    case NF_XML_CONFLICTS:
      read_conflict (self, name, uri, nb_attributes, attributes);
      return;
    default:
      g_assert_not_reached ();
    }
  _nf_xml_start_extension (self, into, expected, localname, prefix, uri, nb_namespaces,
                           namespaces, nb_attributes, nb_defaulted, attributes);
}

static gboolean
end_leaf (NfXmlReader      *self,
          const NfXmlFrame *frame)
{
  switch (frame->leaf)
    {
    case NF_LEAF_FIELD:
      _nf_canvas_set_field (self->canvas, (NfCanvasField) frame->index, self->text->str);
      return TRUE;
    case NF_LEAF_FIELD_TRANSLATION:
      {
        NfText *had = _nf_canvas_get_field_translations (self->canvas, frame->index);
        g_autoptr(NfText) base = NULL;
        g_autoptr(NfText) next = NULL;

        if (self->leaf_lang == NULL)
          return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, frame->line,
                               _("a second <%s> must say its language with xml:lang"),
                               frame->name);
        base = had ? nf_text_ref (had)
                   : nf_text_new (_nf_canvas_get_field (self->canvas, frame->index));
        if (nf_text_lookup (base, self->leaf_lang) != NULL)
          return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, frame->line,
                               _("there are two <%s> translations in “%s”"), frame->name,
                               self->leaf_lang);
        next = nf_text_with_translation (base, self->leaf_lang, self->text->str);
        _nf_canvas_set_field_translations (self->canvas, frame->index, next);
        return TRUE;
      }
    case NF_LEAF_SOURCE_PART:
      g_free (self->source_parts[frame->index]);
      self->source_parts[frame->index] = g_strdup (self->text->str);
      return TRUE;
    case NF_LEAF_NOTE_TEXT:
      return _nf_xml_add_translatable (self, frame);
    case NF_LEAF_TAG:
      return _nf_xml_end_tag (self, frame);
    default:
      return _nf_xml_end_metrics_leaf (self, frame);
    }
}

static gboolean
end_element (NfXmlReader      *self,
             const NfXmlFrame *frame,
             const NfXmlFrame *parent)
{
  switch (frame->kind)
    {
    case NF_XML_LEAF:
      return end_leaf (self, frame);
    case NF_XML_CANVAS:
      if (frame->step < CANVAS_AFTER_BLOCKS)
        return missing_block (self, frame->step <= CANVAS_BLOCKS ? 0 : frame->step - CANVAS_BLOCKS,
                              _nf_xml_line (self));
      if (!_nf_xml_check_refs (self, NULL, NULL))
        return FALSE;
      self->complete = TRUE;
      return TRUE;
    case NF_XML_METADATA:
      if (frame->step < 2)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, frame->line,
                             _("the <metadata> has no <%s>"), field_names[frame->step]);
      return TRUE;
    case NF_XML_SOURCE:
      {
        g_autoptr(NfSource) source = NULL;

        if (frame->step == 0)
          return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, frame->line,
                               _("the source “%s” has no <title>"), self->source_id);
        source = nf_source_new (self->source_id, self->source_parts[0], self->source_parts[1],
                                self->source_parts[2], self->source_parts[3]);
        g_list_store_append (_nf_canvas_get_source_store (self->canvas), source);
        g_hash_table_add (self->source_ids, g_steal_pointer (&self->source_id));
        for (guint i = 0; i < G_N_ELEMENTS (self->source_parts); i++)
          g_clear_pointer (&self->source_parts[i], g_free);
        return TRUE;
      }
    case NF_XML_BLOCK:
      if (parent->kind == NF_XML_CANVAS)
        {
          GPtrArray *notes = self->notes[frame->index];

          if (self->model != NULL &&
              self->block_notes != g_list_model_get_n_items (
                                     nf_canvas_get_notes (self->model, frame->index)))
            return _nf_xml_differs (self);
          _nf_canvas_splice_notes (self->canvas, frame->index, (NfNote **) notes->pdata,
                                   notes->len);
          g_clear_pointer (&self->notes[frame->index], g_ptr_array_unref);
          /* The canvas keeps its own id → note table: the reader's set
           * holds only the block being read, not a second copy. */
          g_hash_table_remove_all (self->note_ids);
        }
      return TRUE;
    case NF_XML_NOTE:
      return _nf_xml_end_note (self, frame, parent);
    case NF_XML_METRICS:
      if (frame->index)  /* the canvas's own */
        {
          for (guint i = 0; i < self->tables->len; i++)
            _nf_canvas_insert_table_raw (self->canvas, i, g_ptr_array_index (self->tables, i));
          g_clear_pointer (&self->tables, g_ptr_array_unref);
        }
      return TRUE;
    case NF_XML_TABLE:
    case NF_XML_COLUMN:
    case NF_XML_ROW:
      return _nf_xml_end_metrics_element (self, frame);
    case NF_XML_SNAPSHOT:
      {
        g_autoptr(NfSnapshot) snapshot = NULL;

        if (frame->step < NF_N_BLOCKS)
          return missing_block (self, frame->step, _nf_xml_line (self));
        if (!_nf_xml_check_refs (self, self->notes, self->tables))
          return FALSE;
        snapshot = _nf_snapshot_new (self->snapshot_name, self->snapshot_time, self->notes,
                                     g_steal_pointer (&self->tables));
        memset (self->notes, 0, sizeof self->notes);  /* taken over */
        g_clear_pointer (&self->snapshot_name, g_free);
        g_clear_pointer (&self->snapshot_time, g_date_time_unref);
        g_list_store_append (_nf_canvas_get_snapshot_store (self->canvas), snapshot);
        return TRUE;
      }
    default:
      return TRUE;
    }
}

void
_nf_xml_end_element (void          *ctx,
                     const xmlChar *localname,
                     const xmlChar *prefix,
                     const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = ctx;
  NfXmlReader *self = ctxt->_private;
  NfXmlFrame *frame;

  /* Nothing more once the file is refused, by us or by libxml2. */
  if (self->error != NULL || !ctxt->wellFormed)
    return;
  if (self->ext_depth > 0)
    {
      xmlSAX2EndElementNs (ctx, localname, prefix, uri);
      if (--self->ext_depth == 0)
        _nf_xml_end_extension (self);
      return;
    }
  g_assert (self->depth > 0);
  frame = &self->frames[--self->depth];
  end_element (self, frame, self->depth > 0 ? &self->frames[self->depth - 1] : NULL);
}

