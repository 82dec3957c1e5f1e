/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-xml"

#include "config.h"

#include <string.h>

#include "nf-i18n-private.h"
#include <libxml/SAX2.h>
#include <libxml/tree.h>

#include "nf-canvas-xml-read-private.h"
#include "nf-note-private.h"
#include "nf-text-private.h"

/* The reader's tools: its state, refusals, attributes, the checks of
 * ids and languages, leaves and their text, and the elements of a newer
 * minor version kept verbatim. The elements themselves are read in
 * nf-canvas-xml-read.c, -read-notes.c and -read-metrics.c. */

/* The names the schema's extension pattern excludes: in the canvas's
 * namespace these are never an extension, wherever they appear. */
static const char * const format_names[] = {
  "canvas", "metadata", "company", "title", "label", "description", "sources", "source",
  "publisher", "date", "address", "block", "note", "text", "tag", "cite", "contradicts", "metrics", "table",
  "column", "name", "row", "cell", "snapshots", "snapshot", "conflicts", "conflict",
  "ours", "theirs", NULL
};

void
_nf_xml_reader_init (NfXmlReader      *self,
                     const char       *name,
                     xmlParserCtxtPtr  ctxt)
{
  memset (self, 0, sizeof *self);
  self->name = name;
  self->ctxt = ctxt;
  self->text = g_string_sized_new (256);
  self->attr_heap = g_ptr_array_new_with_free_func (g_free);
  self->source_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->canvas = nf_canvas_new ();
}

void
_nf_xml_clear_note (NfXmlReader *self)
{
  g_clear_pointer (&self->note_id, g_free);
  g_clear_pointer (&self->note_colour, g_free);
  g_clear_pointer (&self->texts, nf_text_unref);
  g_clear_object (&self->note);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->tag_set, g_hash_table_unref);
  g_clear_pointer (&self->conflict_set, g_hash_table_unref);
  g_clear_pointer (&self->note_conflicts, g_ptr_array_unref);
  self->note_evidence = NF_EVIDENCE_NONE;
}

void
_nf_xml_clear_blocks (NfXmlReader *self)
{
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    g_clear_pointer (&self->notes[b], g_ptr_array_unref);
}

void
_nf_xml_reader_clear (NfXmlReader *self)
{
  /* The id sets point into notes and tables: gone before them. */
  g_clear_pointer (&self->note_ids, g_hash_table_unref);
  g_clear_pointer (&self->table_ids, g_hash_table_unref);
  g_clear_pointer (&self->rate_pairs, g_hash_table_unref);
  g_clear_pointer (&self->source_ids, g_hash_table_unref);
  _nf_xml_clear_note (self);
  g_clear_object (&self->scratch);
  _nf_xml_clear_table (self);
  _nf_xml_clear_blocks (self);
  _nf_xml_clear_refs (self);
  g_clear_pointer (&self->pending_refs, g_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->source_parts); i++)
    g_clear_pointer (&self->source_parts[i], g_free);
  g_clear_pointer (&self->source_id, g_free);
  g_clear_pointer (&self->snapshot_name, g_free);
  g_clear_pointer (&self->snapshot_time, g_date_time_unref);
  g_clear_pointer (&self->leaf_lang, g_free);
  g_clear_pointer (&self->cell_unit, g_free);
  g_clear_pointer (&self->text_langs, g_hash_table_unref);
  g_clear_pointer (&self->attr_heap, g_ptr_array_unref);
  if (self->text)
    g_string_free (g_steal_pointer (&self->text), TRUE);
  g_clear_object (&self->canvas);
  g_clear_error (&self->error);
}

/* The bytes being checked for a save do not give the model's notes:
 * the read stops, and the save says so in its own words. */
gboolean
_nf_xml_differs (NfXmlReader *self)
{
  self->differs = TRUE;
  if (self->error == NULL)
    self->error = g_error_new_literal (NF_CANVAS_ERROR, NF_CANVAS_ERROR_IO,
                                       "the notes read back differ");
  xmlStopParser (self->ctxt);
  return FALSE;
}

int
_nf_xml_line (NfXmlReader *self)
{
  return xmlSAX2GetLineNumber (self->ctxt);
}

gboolean
_nf_xml_fail (NfXmlReader *self,
              int          code,
              int          line,
              const char  *format,
              ...)
{
  if (self->error == NULL)
    {
      g_autofree char *problem = NULL;
      va_list args;

      va_start (args, format);
      problem = g_strdup_vprintf (format, args);
      va_end (args);
      _nf_xml_set_error (&self->error, code, self->name, line, "%s", problem);
    }
  xmlStopParser (self->ctxt);
  return FALSE;
}

#define is_ours _nf_xml_is_ours

gboolean
_nf_xml_read_attrs (NfXmlReader          *self,
                    const char           *element,
                    int                   nb_attributes,
                    const xmlChar       **attributes,
                    const NfXmlAttrSpec  *spec,
                    const char          **values)
{
  gsize used = 0;
  guint n_spec = 0;

  g_ptr_array_set_size (self->attr_heap, 0);
  for (; spec != NULL && spec[n_spec].name != NULL; n_spec++)
    values[n_spec] = NULL;
  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;
      const char *local = (const char *) a[0];
      const char *prefix = (const char *) a[1];
      const char *uri = (const char *) a[2];
      gsize len = (gsize) (a[4] - a[3]);
      guint j;

      for (j = 0; j < n_spec; j++)
        if (strcmp (local, spec[j].name) == 0 &&
            (spec[j].xml_ns ? uri != NULL && strcmp (uri, (const char *) XML_XML_NAMESPACE) == 0
                            : uri == NULL))
          break;
      if (j == n_spec)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                             _("the element <%s> has the attribute “%s%s%s”, which is not "
                               "part of the Ninefold format"),
                             element, prefix ? prefix : "", prefix ? ":" : "", local);
      if (used + len + 1 <= sizeof self->attr_buf)
        {
          memcpy (self->attr_buf + used, a[3], len);
          self->attr_buf[used + len] = '\0';
          values[j] = self->attr_buf + used;
          used += len + 1;
        }
      else
        {
          char *copy = g_strndup ((const char *) a[3], len);

          g_ptr_array_add (self->attr_heap, copy);
          values[j] = copy;
        }
    }
  return TRUE;
}

/* xsd:NCName of at most 256 characters, without the surrounding spaces
 * the schema would collapse: the ids Ninefold writes. */
gboolean
_nf_xml_is_id (const char *value)
{
  return value != NULL && xmlValidateNCName ((const xmlChar *) value, 0) == 0 &&
         g_utf8_strlen (value, -1) <= 256;
}

/* xsd:language: [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})* */
gboolean
_nf_xml_is_language (const char *value)
{
  const char *p = value;
  gboolean first = TRUE;

  if (value == NULL)
    return FALSE;
  for (;;)
    {
      guint n = 0;

      while (first ? g_ascii_isalpha (p[n]) : g_ascii_isalnum (p[n]))
        n++;
      if (n < 1 || n > 8)
        return FALSE;
      p += n;
      if (*p == '\0')
        return TRUE;
      if (*p++ != '-')
        return FALSE;
      first = FALSE;
    }
}

void
_nf_xml_push (NfXmlReader *self,
              NfXmlKind    kind,
              const char  *name)
{
  NfXmlFrame *frame;

  /* Leaves and empty elements take no children, so the known format can
   * never go deeper than the frames there are. */
  g_assert (self->depth < NF_XML_MAX_FRAMES);
  frame = &self->frames[self->depth++];
  frame->kind = kind;
  frame->name = name;
  frame->line = _nf_xml_line (self);
  frame->step = 0;
  frame->index = 0;
}

void
_nf_xml_push_leaf (NfXmlReader *self,
                   const char  *name,
                   NfXmlLeaf    leaf,
                   guint        index)
{
  _nf_xml_push (self, NF_XML_LEAF, name);
  self->frames[self->depth - 1].leaf = leaf;
  self->frames[self->depth - 1].index = index;
  g_string_truncate (self->text, 0);
}

gboolean
_nf_xml_unexpected (NfXmlReader   *self,
                    const char    *name,
                    const char    *uri,
                    const char    *expected)
{
  NfXmlFrame *parent = &self->frames[self->depth - 1];

  if (uri != NULL && !is_ours ((const xmlChar *) uri))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                         _("the element <%s> (namespace %s) is not allowed inside <%s>; "
                           "expected %s"),
                         name, uri, parent->name, expected);
  return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                       _("the element <%s> is not allowed here inside <%s>; expected %s"),
                       name, parent->name, expected);
}

/* A leaf that may carry xml:lang (<text>, <title> of a table, <name>). */
gboolean
_nf_xml_start_translatable (NfXmlReader    *self,
                            const char     *name,
                            NfXmlLeaf       leaf,
                            int             nb_attributes,
                            const xmlChar **attributes)
{
  static const NfXmlAttrSpec spec[] = { { "lang", TRUE }, { NULL } };
  const char *lang;

  if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, spec, &lang))
    return FALSE;
  if (lang != NULL && !_nf_xml_is_language (lang))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                         _("the xml:lang “%s” of <%s> is not a language tag like en or zh-CN"),
                         lang, name);
  if (lang != NULL && strlen (lang) > NF_LANGUAGE_TAG_MAX)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_TOO_LARGE, _nf_xml_line (self),
                         _("the xml:lang of <%s> is longer than %d characters, the most "
                           "a language tag may be"), name, NF_LANGUAGE_TAG_MAX);
  g_free (self->leaf_lang);
  self->leaf_lang = g_strdup (lang);
  _nf_xml_push_leaf (self, name, leaf, 0);
  return TRUE;
}

gboolean
_nf_xml_start_plain_leaf (NfXmlReader    *self,
                          const char     *name,
                          NfXmlLeaf       leaf,
                          guint           index,
                          int             nb_attributes,
                          const xmlChar **attributes)
{
  if (!_nf_xml_read_attrs (self, name, nb_attributes, attributes, NULL, NULL))
    return FALSE;
  _nf_xml_push_leaf (self, name, leaf, index);
  return TRUE;
}

gboolean
_nf_xml_add_translatable (NfXmlReader      *self,
                          const NfXmlFrame *frame)
{
  const char *lang = self->leaf_lang;

  if (self->texts == NULL)
    {
      if (lang != NULL)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, frame->line,
                             _("the first <%s> must be in the canvas’s language, without xml:lang"),
                             frame->name);
      self->texts = nf_text_new (self->text->str);
      if (self->text_langs != NULL)
        g_hash_table_remove_all (self->text_langs);
    }
  else if (lang == NULL)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, frame->line,
                         _("a second <%s> must say its language with xml:lang"), frame->name);
  else
    {
      char *key = g_ascii_strdown (lang, -1);

      if (self->text_langs == NULL)
        self->text_langs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (!g_hash_table_add (self->text_langs, key))
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, frame->line,
                             _("there are two <%s> translations in “%s”"), frame->name, lang);
      if (nf_text_get_n_translations (self->texts) >= NF_CANVAS_MAX_TRANSLATIONS)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_TOO_LARGE, frame->line,
                             _("the <%s> has more than %d translations, the most one may have"),
                             frame->name, NF_CANVAS_MAX_TRANSLATIONS);
      _nf_text_add_translation (self->texts, lang, self->text->str);
    }
  return TRUE;
}

gboolean
_nf_xml_read_cite (NfXmlReader     *self,
                   const char      *element,
                   int              nb_attributes,
                   const xmlChar  **attributes,
                   char           **out_source,
                   guint           *out_line,
                   guint           *out_line_end)
{
  static const NfXmlAttrSpec spec[] = { { "source" }, { "line" }, { NULL } };
  const char *values[2];
  guint64 line = 0, line_end = 0;

  if (!_nf_xml_read_attrs (self, element, nb_attributes, attributes, spec, values))
    return FALSE;
  if (values[0] == NULL)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                         _("a <cite> has no source attribute"));
  if (!g_hash_table_contains (self->source_ids, values[0]))
    return _nf_xml_fail (self, NF_CANVAS_ERROR_NOT_FOUND, _nf_xml_line (self),
                         _("the citation names the source “%s”, which the file does not list"),
                         values[0]);
  if (values[1] != NULL)
    {
      const char *dash = strchr (values[1], '-');
      g_autofree char *first = dash ? g_strndup (values[1], dash - values[1]) : g_strdup (values[1]);

      /* "73-74": a range, written only when it is one, first < last, so a
       * range reads back to the bytes it was read from. */
      if (!g_ascii_string_to_unsigned (first, 10, 1, G_MAXUINT32, &line, NULL) ||
          (dash && !g_ascii_string_to_unsigned (dash + 1, 10, 1, G_MAXUINT32, &line_end, NULL)))
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                             _("the cited line “%s” is not a line number (1 or more) or a "
                               "range of lines like 73-74"), values[1]);
      if (dash && line_end <= line)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                             _("the cited lines “%s” do not run forward: write one line as "
                               "“%u”, a range as first-last with first < last"),
                             values[1], (guint) line);
      if (dash && line_end - line >= NF_CANVAS_MAX_CITE_LINES)
        return _nf_xml_fail (self, NF_CANVAS_ERROR_TOO_LARGE, _nf_xml_line (self),
                             _("the cited lines “%s” are more than %d lines"),
                             values[1], NF_CANVAS_MAX_CITE_LINES);
    }
  *out_source = g_strdup (values[0]);
  *out_line = (guint) line;
  *out_line_end = (guint) line_end;
  _nf_xml_push (self, NF_XML_EMPTY, element);
  return TRUE;
}

/* An element this release does not know: kept verbatim when the file's
 * minor version is newer than ours, refused otherwise (a typo in a file
 * of our own version must not vanish on the next save). libxml2 builds
 * its subtree, which is written out and dropped when it ends. */
gboolean
_nf_xml_start_extension (NfXmlReader    *self,
                         GPtrArray      *into,
                         const char     *expected,
                         const xmlChar  *localname,
                         const xmlChar  *prefix,
                         const xmlChar  *uri,
                         int             nb_namespaces,
                         const xmlChar **namespaces,
                         int             nb_attributes,
                         int             nb_defaulted,
                         const xmlChar **attributes)
{
  const char *name = (const char *) localname;

  if (is_ours (uri) && g_strv_contains (format_names, name))
    return _nf_xml_unexpected (self, name, (const char *) uri, expected);
  if (!self->extensions_allowed)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                         _("the element <%s> is not part of the Ninefold format"), name);
  self->ext_depth = 1;
  self->ext_into = into;
  /* libxml2 builds the extension as a tree of its own, without the
   * elements around it, so a prefix declared on one of them (x: on the
   * root) would be lost and the element written back in no namespace or
   * in ours. Its top element declares every prefix in scope instead. */
  {
    g_autoptr(GPtrArray) all = g_ptr_array_new ();
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    for (int i = 0; i < nb_namespaces; i++)
      {
        const xmlChar *ns_prefix = namespaces[2 * i];

        g_ptr_array_add (all, (gpointer) ns_prefix);
        g_ptr_array_add (all, (gpointer) namespaces[2 * i + 1]);
        g_hash_table_add (seen, (gpointer) (ns_prefix ? (const char *) ns_prefix : ""));
      }
    for (int i = self->ctxt->nsNr - 2; i >= 0; i -= 2)
      {
        const char *ns_prefix = (const char *) self->ctxt->nsTab[i];

        if (ns_prefix == NULL || g_hash_table_contains (seen, ns_prefix))
          continue;
        g_hash_table_add (seen, (gpointer) ns_prefix);
        g_ptr_array_add (all, (gpointer) ns_prefix);
        g_ptr_array_add (all, (gpointer) self->ctxt->nsTab[i + 1]);
      }
    xmlSAX2StartElementNs (self->ctxt, localname, prefix, uri, (int) (all->len / 2),
                           (const xmlChar **) all->pdata, nb_attributes, nb_defaulted,
                           attributes);
  }
  self->ext_node = self->ctxt->node;
  return _nf_xml_count_extension_node (self);
}

/* Extensions are kept as a libxml2 tree, a few hundred bytes a node: past
 * a count no real file reaches, the file is refused. */
gboolean
_nf_xml_count_extension_node (NfXmlReader *self)
{
  if (++self->ext_nodes <= NF_CANVAS_MAX_EXTENSION_NODES)
    return TRUE;
  return _nf_xml_fail (self, NF_CANVAS_ERROR_TOO_LARGE, _nf_xml_line (self),
                       _("the file has more than %d elements, texts and comments of a newer "
                         "version of the format, the most Ninefold keeps"),
                       NF_CANVAS_MAX_EXTENSION_NODES);
}

void
_nf_xml_end_extension (NfXmlReader *self)
{
  xmlBufferPtr buf;

  if (self->ext_node == NULL)
    return;
  buf = xmlBufferCreate ();
  xmlNodeDump (buf, self->ext_node->doc, self->ext_node, 0, 0);
  g_ptr_array_add (self->ext_into, g_strndup ((const char *) xmlBufferContent (buf),
                                              (gsize) xmlBufferLength (buf)));
  xmlBufferFree (buf);
  xmlUnlinkNode (self->ext_node);
  xmlFreeNode (self->ext_node);
  self->ext_node = NULL;
}

/* XML 1.0 allows DEL, the C1 controls (U+0080–U+009F: U+009B is a
 * one-character terminal escape) and the non-characters (U+FDD0–U+FDEF
 * and the last two of every plane), but none is text anyone writes; they
 * only disguise or break what shows it. libxml2 has already refused
 * invalid UTF-8 and the C0 controls. Returns the first, or 0. */
static gunichar
find_refused_char (const char *text,
                   gsize       length)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + length;

  for (; p < end; p++)
    {
      if (*p < 0x7F || (*p > 0x7F && *p < 0xC2))
        continue;
      if (*p == 0x7F)
        return 0x7F;
      if (*p == 0xC2 && end - p > 1 && p[1] <= 0x9F)
        return p[1];
      if (*p == 0xEF && end - p > 2 &&
          ((p[1] == 0xB7 && p[2] >= 0x90 && p[2] <= 0xAF) || (p[1] == 0xBF && p[2] >= 0xBE)))
        return ((gunichar) (p[0] & 0x0F) << 12) | ((gunichar) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      if (*p >= 0xF0 && end - p > 3 && (p[1] & 0x0F) == 0x0F && p[2] == 0xBF && p[3] >= 0xBE)
        return ((gunichar) (p[0] & 0x07) << 18) | ((gunichar) (p[1] & 0x3F) << 12) |
               ((gunichar) (p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    }
  return 0;
}

gboolean
_nf_xml_check_chars (NfXmlReader *self,
                     const char  *text,
                     gsize        length)
{
  gunichar c = find_refused_char (text, length);

  if (c == 0)
    return TRUE;
  if (c <= 0x9F)
    return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                         _("the file holds the control character U+%04X, which Ninefold "
                           "refuses: it is not text, and could disguise what is shown"),
                         (guint) c);
  return _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                       _("the file holds the non-character U+%04X, which Ninefold refuses: "
                         "it is not text, and could disguise what is shown"), (guint) c);
}

/* The same for every attribute value of an element. */
gboolean
_nf_xml_check_attr_chars (NfXmlReader    *self,
                          int             nb_attributes,
                          const xmlChar **attributes)
{
  for (int i = 0; i < nb_attributes; i++)
    {
      const xmlChar **a = attributes + 5 * i;

      if (!_nf_xml_check_chars (self, (const char *) a[3], (gsize) (a[4] - a[3])))
        return FALSE;
    }
  return TRUE;
}

void
_nf_xml_characters (void          *ctx,
                    const xmlChar *ch,
                    int            len)
{
  xmlParserCtxtPtr ctxt = ctx;
  NfXmlReader *self = ctxt->_private;
  NfXmlFrame *frame;

  if (self->error != NULL || !ctxt->wellFormed || self->depth == 0)
    return;
  if (!_nf_xml_check_chars (self, (const char *) ch, (gsize) len))
    return;
  if (self->ext_depth > 0)
    {
      if (_nf_xml_count_extension_node (self))
        xmlSAX2Characters (ctx, ch, len);
      return;
    }
  frame = &self->frames[self->depth - 1];
  if (frame->kind == NF_XML_LEAF)
    {
      if (self->text->len + (gsize) len > NF_CANVAS_MAX_FIELD_SIZE)
        {
          _nf_xml_fail (self, NF_CANVAS_ERROR_TOO_LARGE, frame->line,
                        _("the text of <%s> is longer than %d KiB"),
                        frame->name, NF_CANVAS_MAX_FIELD_SIZE / 1024);
          return;
        }
      g_string_append_len (self->text, (const char *) ch, len);
      return;
    }
  for (int i = 0; i < len; i++)
    if (ch[i] != ' ' && ch[i] != '\n' && ch[i] != '\t' && ch[i] != '\r')
      {
        const char *start = (const char *) ch + i;
        const char *end;

        /* At most 20 bytes of it, cut at a character boundary. */
        g_utf8_validate_len (start, MIN ((gsize) (len - i), 20), &end);
        if (frame->kind == NF_XML_EMPTY)
          _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                        _("the element <%s> must be empty, but it holds text (“%.*s”)"),
                        frame->name, (int) (end - start), start);
        else
          _nf_xml_fail (self, NF_CANVAS_ERROR_INVALID, _nf_xml_line (self),
                        _("the element <%s> holds text (“%.*s”) where only elements belong"),
                        frame->name, (int) (end - start), start);
        return;
      }
}

/* Comments and processing instructions mean nothing to Ninefold; inside
 * an extension they are part of what is kept verbatim. */
void
_nf_xml_comment (void          *ctx,
                 const xmlChar *value)
{
  NfXmlReader *self = ((xmlParserCtxtPtr) ctx)->_private;

  if (self->ext_depth > 0 && self->error == NULL && _nf_xml_count_extension_node (self) &&
      _nf_xml_check_chars (self, (const char *) value, strlen ((const char *) value)))
    xmlSAX2Comment (ctx, value);
}

void
_nf_xml_processing_instruction (void          *ctx,
                                const xmlChar *target,
                                const xmlChar *data)
{
  NfXmlReader *self = ((xmlParserCtxtPtr) ctx)->_private;

  if (self->ext_depth > 0 && self->error == NULL && _nf_xml_count_extension_node (self))
    xmlSAX2ProcessingInstruction (ctx, target, data);
}

