/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-xml"

#include "config.h"

#include <string.h>

#include "nf-i18n-private.h"
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "nf-canvas-xml-read-private.h"

/* Untrusted files are read with network access, DTD loading, entity
 * substitution, XInclude and "huge" mode all off. On top of that any
 * DOCTYPE is refused the moment the parser meets it (before an entity can
 * be declared, which is the only defence against quadratic blowup), and
 * the external entity loader refuses everything, since XML_PARSE_NONET
 * still lets file:// through. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA)

void
_nf_xml_set_error (GError     **error,
                   int          code,
                   const char  *name,
                   int          line,
                   const char  *format,
                   ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    /* TRANSLATORS: a file's name, a line number in it, and what is wrong */
    g_set_error (error, NF_CANVAS_ERROR, code, _("%s, line %d: %s"), name, line, problem);
  else
    g_set_error (error, NF_CANVAS_ERROR, code, "%s: %s", name, problem);
}

static xmlParserInputPtr
deny_external_entity (const char       *url,
                      const char       *id,
                      xmlParserCtxtPtr  ctxt)
{
  return NULL;
}

static void
ignore_structured_error (void        *data,
                         xmlErrorPtr  error)
{
}

static void
ignore_generic_error (void       *ctx,
                      const char *msg,
                      ...)
{
}

static void
on_doctype (void          *ctx,
            const xmlChar *name,
            const xmlChar *external_id,
            const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  NfXmlReader *reader = ctxt->_private;

  reader->doctype_line = xmlSAX2GetLineNumber (ctxt);
  xmlStopParser (ctxt);
}

static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  xmlSetExternalEntityLoader (deny_external_entity);
  return NULL;
}

/* libxml2's messages end in a newline and are in English; they are kept as
 * the detail after our own translated words. */
static char *
xml_message (const xmlError *err)
{
  char *msg = g_strdup (err && err->message ? err->message : "");

  return g_strstrip (msg);
}

/* g_utf8_validate_len() for a whole file, without NULs: the markup is
 * ASCII, taken eight bytes at a time; each other character is checked on
 * its own. Returns the start of the first bad character, or NULL. */
static const char *
find_bad_utf8 (const char *data,
               gsize       length)
{
  const guchar *p = (const guchar *) data;
  const guchar *end = p + length;

  while (p < end)
    {
      guint64 word;
      gsize n;
      const char *stop;

      if (end - p >= 8)
        {
          memcpy (&word, p, 8);
          /* No byte with its high bit set, and no zero byte. */
          if ((word & 0x8080808080808080ull) == 0 &&
              ((word - 0x0101010101010101ull) & ~word & 0x8080808080808080ull) == 0)
            {
              p += 8;
              continue;
            }
        }
      if (*p == 0)
        return (const char *) p;
      if (*p < 0x80)
        {
          p++;
          continue;
        }
      n = (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
      if (n == 0 || (gsize) (end - p) < n ||
          !g_utf8_validate_len ((const char *) p, n, &stop))
        return (const char *) p;
      p += n;
    }
  return NULL;
}

/* Checks libxml2 would make too, but here they can say exactly what is
 * wrong: an encoding error with its byte offset, and a file of nothing. */
static gboolean
check_bytes (const char  *data,
             gsize        length,
             const char  *name,
             GError     **error)
{
  const char *end;
  gsize offset;
  gboolean blank = TRUE;

  gsize start = 0;

  /* A UTF-16 file carries its byte order mark; libxml2 converts it, but
   * says only “Premature end of data” at a lone surrogate. */
  if (length >= 2 && ((guchar) data[0] == 0xFE || (guchar) data[0] == 0xFF))
    {
      gboolean big = (guchar) data[0] == 0xFE;

      for (gsize i = 2; i + 1 < length; i += 2)
        {
          guint unit = big ? ((guchar) data[i] << 8) | (guchar) data[i + 1]
                           : ((guchar) data[i + 1] << 8) | (guchar) data[i];

          if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < length)
            {
              guint next = big ? ((guchar) data[i + 2] << 8) | (guchar) data[i + 3]
                               : ((guchar) data[i + 3] << 8) | (guchar) data[i + 2];

              if (next >= 0xDC00 && next <= 0xDFFF)
                {
                  i += 2;
                  continue;
                }
            }
          if (unit >= 0xD800 && unit <= 0xDFFF)
            {
              _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, name, 0,
                                 _("the file is not valid UTF-16 text: a lone surrogate "
                                   "(byte %lu)"), (unsigned long) i);
              return FALSE;
            }
        }
      return TRUE;
    }
  /* Anything whose first visible character is not "<" — a picture, an
   * archive, a write-up — is not XML at all; saying so beats a byte offset. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    start = 3;
  while (start < length && g_ascii_isspace (data[start]))
    start++;
  if (start < length && data[start] != '<')
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, name, 0,
                         _("this is not a Ninefold canvas: it is not an XML file"));
      return FALSE;
    }
  if ((end = find_bad_utf8 (data, length)) != NULL)
    {
      int line = 1;

      offset = (gsize) (end - data);
      for (const char *p = data; p < end; p++)
        if (*p == '\n')
          line++;
      /* The offsets as plain %lu, not G_GSIZE_FORMAT: xgettext cannot see
       * through a macro, and the messages would never be translated. */
      if (offset < length && data[offset] == '\0')
        _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, name, line,
                           _("the file contains a NUL character (byte %lu), "
                             "which is not allowed in XML; it is probably not a canvas"),
                           (unsigned long) offset);
      else
        _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, name, line,
                           _("the file is not valid UTF-8 text (byte %lu)"),
                           (unsigned long) offset);
      return FALSE;
    }
  for (gsize i = 0; i < length && blank; i++)
    blank = g_ascii_isspace (data[i]);
  if (blank)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, name, 0, _("the file is empty"));
      return FALSE;
    }
  return TRUE;
}

static int
line_at (const char *data,
         const char *at)
{
  int line = 1;

  for (const char *p = data; (p = memchr (p, '\n', (gsize) (at - p))) != NULL; p++)
    line++;
  return line;
}

static const char *
skip_past (const char *p,
           const char *end,
           const char *marker)
{
  const char *hit = g_strstr_len (p, end - p, marker);

  return hit != NULL ? hit + strlen (marker) : end;
}

/* libxml2 2.9.14 compares each attribute of an element (and each
 * namespace declaration) with all the ones before it, before any callback
 * of ours runs: a million attributes on one element take minutes. So the
 * start tags are counted here first, in one pass. Markup is ASCII, and
 * “<” never appears raw in text or in attribute values. */
static gboolean
check_attribute_counts (const char  *data,
                        gsize        length,
                        const char  *name,
                        GError     **error)
{
  const char *end = data + length;
  const char *p = data;

  while ((p = memchr (p, '<', (gsize) (end - p))) != NULL)
    {
      const char *tag = p++;
      const char *gt;
      guint n = 0;

      if (p < end && *p == '!')
        {
          if (end - p >= 3 && p[1] == '-' && p[2] == '-')
            p = skip_past (p, end, "-->");
          else if (end - p >= 8 && memcmp (p, "![CDATA[", 8) == 0)
            p = skip_past (p, end, "]]>");
          else
            return TRUE;  /* a DOCTYPE: the parser refuses it */
          continue;
        }
      if (p < end && *p == '?')
        {
          p = skip_past (p, end, "?>");
          continue;
        }
      /* Found a run at a time, not byte by byte (a quarter of a large
       * file's loading once). In a well-formed tag an "=" outside quotes
       * only ever joins an attribute to its quoted value, and an end tag
       * has neither; where the file is not well-formed the parser stops
       * at that tag, before anything after it could cost. */
      if ((gt = memchr (p, '>', (gsize) (end - p))) == NULL)
        return TRUE;
      for (;;)
        {
          const char *eq = memchr (p, '=', (gsize) (gt - p));
          const char *close;

          if (eq == NULL)
            break;
          p = eq + 1;
          while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
            p++;
          if (p == end || (*p != '"' && *p != '\''))
            return TRUE;
          if ((close = memchr (p + 1, *p, (gsize) (end - p - 1))) == NULL)
            return TRUE;
          p = close + 1;
          if (++n > NF_CANVAS_MAX_ATTRIBUTES)
            {
              gsize len = strcspn (tag + 1, " \t\r\n/>");

              _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, name, line_at (data, tag),
                                 _("the element <%.*s> has more than %d attributes and namespace "
                                   "declarations, the most an element may have"),
                                 (int) MIN (len, 64), tag + 1, NF_CANVAS_MAX_ATTRIBUTES);
              return FALSE;
            }
          /* A ">" inside the value did not end the tag. */
          if (close > gt && (gt = memchr (p, '>', (gsize) (end - p))) == NULL)
            return TRUE;
        }
      p = gt + 1;
    }
  return TRUE;
}

/* libxml2's own refusals: the file is not well-formed XML. */
static void
set_parse_error (xmlParserCtxtPtr   ctxt,
                 const char        *name,
                 GError           **error)
{
  const xmlError *err = xmlCtxtGetLastError (ctxt);
  g_autofree char *detail = xml_message (err);
  int line = err ? err->line : 0;

  if (err && err->code == XML_ERR_DOCUMENT_EMPTY)
    _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, name, 0,
                       _("this is not a Ninefold canvas: it is not an XML file"));
  else if (err && err->code == XML_ERR_UNDECLARED_ENTITY)
    _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, name, line,
                       _("the file refers to an entity, which Ninefold files never do (%s)"),
                       detail);
  else if (err && (err->code == XML_ERR_INVALID_CHAR ||
                   err->code == XML_ERR_INVALID_CHARREF))
    _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, name, line,
                       _("the file contains a character that is not allowed in XML (%s)"),
                       detail);
  else if (detail && strstr (detail, "Huge input lookup"))
    _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, name, line,
                       _("the file has a run of more than 10 MB without markup (text or "
                         "blank lines) in one place, more than a canvas ever holds"));
  else if (detail && strstr (detail, "Excessive depth"))
    _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, name, line,
                       _("the elements are nested too deeply"));
  else if (err && (err->code == XML_ERR_INVALID_ENCODING ||
                   err->code == XML_ERR_UNSUPPORTED_ENCODING))
    _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, name, line,
                       _("the file is not valid UTF-8 text (%s)"), detail);
  else
    _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, name, line,
                       _("the file is damaged or not well-formed XML (%s)"), detail);
}

typedef struct {
  const char *p;
  gsize       left;
} MemoryInput;

static int
read_memory (void *context,
             char *buffer,
             int   len)
{
  MemoryInput *in = context;
  gsize n = MIN (in->left, (gsize) MAX (len, 0));

  memcpy (buffer, in->p, n);
  in->p += n;
  in->left -= n;
  return (int) n;
}

/* One pass of the SAX2 parser with the reader's callbacks: no tree, and
 * the canvas is built as the file is read. */
static NfCanvas *
parse (const char  *data,
       gsize        length,
       const char  *name,
       NfCanvas    *model,
       gboolean    *differs,
       GError     **error)
{
  static GOnce once = G_ONCE_INIT;
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  NfXmlReader reader;
  NfCanvas *canvas = NULL;

  g_once (&once, init_libxml, NULL);
  /* Error handlers are per thread in libxml2, and loads run in threads. */
  xmlSetStructuredErrorFunc (NULL, ignore_structured_error);
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_IO, name, 0, _("out of memory"));
      return NULL;
    }
  _nf_xml_reader_init (&reader, name, ctxt);
  reader.model = model;
  ctxt->_private = &reader;
  /* The document libxml2 starts is kept: extensions are built in it. */
  ctxt->sax->internalSubset = on_doctype;
  ctxt->sax->externalSubset = NULL;
  ctxt->sax->startElementNs = _nf_xml_start_element;
  ctxt->sax->endElementNs = _nf_xml_end_element;
  ctxt->sax->characters = _nf_xml_characters;
  ctxt->sax->ignorableWhitespace = _nf_xml_characters;
  ctxt->sax->comment = _nf_xml_comment;
  ctxt->sax->processingInstruction = _nf_xml_processing_instruction;

  /* Read through a callback rather than with xmlCtxtReadMemory, which
   * first copies the whole file into a buffer of its own (a second file's
   * worth of peak memory, 15 MB at 100,000 notes): the parser pulls 4 kB
   * at a time and lets go of what it has read, as it does from a file. */
  {
    MemoryInput in = { data, length };

    doc = xmlCtxtReadIO (ctxt, read_memory, NULL, &in, NULL, NULL, PARSE_OPTIONS);
  }

  if (reader.doctype_line > 0)
    _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, name, reader.doctype_line,
                       _("the file has a DOCTYPE declaration; Ninefold files never do, "
                         "and it could hide entities or external references"));
  else if (reader.error != NULL)
    g_propagate_error (error, g_steal_pointer (&reader.error));
  else if (doc == NULL || !ctxt->wellFormed)
    set_parse_error (ctxt, name, error);
  else if (!reader.complete)
    _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, name, 0,
                       _("this is not a Ninefold canvas: it has no <canvas> element"));
  else
    canvas = g_steal_pointer (&reader.canvas);
  if (differs != NULL)
    *differs = reader.differs;

  g_clear_pointer (&doc, xmlFreeDoc);
  _nf_xml_reader_clear (&reader);
  xmlFreeParserCtxt (ctxt);
  return canvas;
}

/* Set once by a process that never writes a canvas (`ninefold diff`,
 * `check`), before its loads begin. */
static gint loads_read_only;

void
nf_canvas_set_loads_read_only (gboolean read_only)
{
  g_atomic_int_set (&loads_read_only, read_only != FALSE);
}

NfCanvas *
nf_canvas_load_from_data (const char  *data,
                          gsize        length,
                          const char  *name,
                          GError     **error)
{
  return _nf_canvas_load_from_data_full (data, length, name, NULL, NULL, error);
}

/* Anything that loads can be saved: a file under the size limit could
 * still grow past it in the canonical form (indentation, escaped “>”),
 * which the writer would then refuse. Escaping and indenting at most
 * multiply the size by less than eight, so only files over an eighth of
 * the limit are written out to check. A process that never writes a
 * canvas (nf_canvas_set_loads_read_only()) skips the count: it was a
 * tenth of the CPU time of a diff of three large canvases.
 *
 * `model` is set for a save's read-back of its own canonical bytes (which
 * need no size check): every check is made as for any file, but the
 * canvas's notes are compared with the model's as they are read and not
 * kept, so the canvas returned has none; `differs` says whether a note
 * was not the model's. The rest is compared with
 * _nf_canvas_equal_but_notes. */
NfCanvas *
_nf_canvas_load_from_data_full (const char  *data,
                                gsize        length,
                                const char  *name,
                                NfCanvas    *model,
                                gboolean    *differs,
                                GError     **error)
{
  NfCanvas *canvas;
  gboolean check_canonical = model == NULL && !g_atomic_int_get (&loads_read_only);

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = _("(unnamed)");
  if (length == 0)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, name, 0, _("the file is empty"));
      return NULL;
    }
  if (length > NF_CANVAS_MAX_FILE_SIZE)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, name, 0,
                         _("the file is larger than %d MiB, the most a canvas may be"),
                         NF_CANVAS_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!check_bytes (data, length, name, error))
    return NULL;
  /* Blank lines after the root mean nothing, but libxml2 refuses more
   * than 10 MB of them. */
  if ((guchar) data[0] != 0xFE && (guchar) data[0] != 0xFF)
    {
      while (length > 1 && g_ascii_isspace (data[length - 1]))
        length--;
      if (!check_attribute_counts (data, length, name, error))
        return NULL;
    }
  if (differs != NULL)
    *differs = FALSE;
  canvas = parse (data, length, name, model, differs, error);
  if (canvas && check_canonical && length > NF_CANVAS_MAX_FILE_SIZE / 8)
    {
      if (_nf_canvas_canonical_size (canvas) > NF_CANVAS_MAX_FILE_SIZE)
        {
          _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, name, 0,
                             _("written out in Ninefold's own form (indented, “>” escaped) "
                               "the canvas would be larger than %d MiB, the most a canvas "
                               "may be, so it could not be saved again"),
                             NF_CANVAS_MAX_FILE_SIZE / (1024 * 1024));
          g_clear_object (&canvas);
          return NULL;
        }
    }
  if (canvas)
    nf_canvas_mark_saved (canvas);
  return canvas;
}
