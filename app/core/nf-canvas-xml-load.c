/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

#include "nf-canvas-private.h"
#include "nf-canvas-xml-private.h"
#include "nf-core-resources-private.h"
#include "nf-metric-table-private.h"
#include "nf-note-private.h"
#include "nf-number.h"
#include "nf-snapshot-private.h"

/* Untrusted files are read with network access, DTD loading, entity
 * substitution, XInclude and "huge" mode all off. On top of that any
 * DOCTYPE is refused the moment the parser meets it (before an entity can
 * be declared, which is the only defence against quadratic blowup), and
 * the external entity loader refuses everything, since XML_PARSE_NONET
 * still lets file:// through. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA)

typedef struct {
  const char *name;        /* for messages */
  int         doctype_line;
  gboolean    extensions_allowed;
  guint       n_notes;
  guint       n_cells;
  GHashTable *source_ids;
} Loader;

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
  Loader *loader = ctxt->_private;

  loader->doctype_line = xmlSAX2GetLineNumber (ctxt);
  xmlStopParser (ctxt);
}

static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  xmlSetExternalEntityLoader (deny_external_entity);
  return NULL;
}

static xmlRelaxNGPtr
get_schema (void)
{
  static gsize once;
  static xmlRelaxNGPtr schema;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GBytes) bytes = NULL;
      xmlRelaxNGParserCtxtPtr pctxt;
      gsize size;
      const char *data;

      _nf_core_ensure_resources ();
      bytes = g_resources_lookup_data ("/org/ninefold/Ninefold/core/ninefold-1.rng", 0, NULL);
      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &size);
      pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) size);
      schema = xmlRelaxNGParse (pctxt);
      xmlRelaxNGFreeParserCtxt (pctxt);
      g_assert (schema != NULL);
      g_once_init_leave (&once, 1);
    }
  return schema;
}

/* libxml2's messages end in a newline and are in English; they are kept as
 * the detail after our own translated words. */
static char *
xml_message (const xmlError *err)
{
  char *msg = g_strdup (err && err->message ? err->message : "");

  return g_strstrip (msg);
}

static gboolean
check_encoding (xmlDocPtr    doc,
                Loader      *loader,
                GError     **error)
{
  const char *enc = (const char *) doc->encoding;

  if (enc == NULL ||
      g_ascii_strcasecmp (enc, "UTF-8") == 0 ||
      g_ascii_strcasecmp (enc, "UTF8") == 0 ||
      g_ascii_strcasecmp (enc, "UTF-16") == 0 ||
      g_ascii_strcasecmp (enc, "US-ASCII") == 0 ||
      g_ascii_strcasecmp (enc, "ASCII") == 0)
    return TRUE;
  _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, 1,
                     _("the file says it is in the “%s” encoding; Ninefold files are UTF-8"),
                     enc);
  return FALSE;
}

static xmlDocPtr
parse (const char  *data,
       gsize        length,
       Loader      *loader,
       GError     **error)
{
  static GOnce once = G_ONCE_INIT;
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;

  g_once (&once, init_libxml, NULL);
  /* Error handlers are per thread in libxml2, and loads run in threads. */
  xmlSetStructuredErrorFunc (NULL, ignore_structured_error);
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_IO, loader->name, 0, _("out of memory"));
      return NULL;
    }
  ctxt->_private = loader;
  ctxt->sax->internalSubset = on_doctype;

  doc = xmlCtxtReadMemory (ctxt, data, (int) length, NULL, NULL, PARSE_OPTIONS);

  if (loader->doctype_line > 0)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, loader->doctype_line,
                         _("the file has a DOCTYPE declaration; Ninefold files never do, "
                           "and it could hide entities or external references"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc == NULL || !ctxt->wellFormed)
    {
      const xmlError *err = xmlCtxtGetLastError (ctxt);
      g_autofree char *detail = xml_message (err);
      int line = err ? err->line : 0;

      if (err && err->code == XML_ERR_DOCUMENT_EMPTY)
        _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, 0,
                           _("this is not a Ninefold canvas: it is not an XML file"));
      else if (err && err->code == XML_ERR_UNDECLARED_ENTITY)
        _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line,
                           _("the file refers to an entity, which Ninefold files never do (%s)"),
                           detail);
      else if (err && (err->code == XML_ERR_INVALID_CHAR ||
                       err->code == XML_ERR_INVALID_CHARREF))
        _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line,
                           _("the file contains a character that is not allowed in XML (%s)"),
                           detail);
      else if (detail && strstr (detail, "Excessive depth"))
        _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, loader->name, line,
                           _("the elements are nested too deeply"));
      else if (err && (err->code == XML_ERR_INVALID_ENCODING ||
                       err->code == XML_ERR_UNSUPPORTED_ENCODING))
        _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line,
                           _("the file is not valid UTF-8 text (%s)"), detail);
      else
        _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line,
                           _("the file is damaged or not well-formed XML (%s)"), detail);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      /* Cannot happen with on_doctype in place; kept as a second lock. */
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, 1,
                         _("the file has a DOCTYPE declaration; Ninefold files never do, "
                           "and it could hide entities or external references"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (!check_encoding (doc, loader, error))
    g_clear_pointer (&doc, xmlFreeDoc);

  xmlFreeParserCtxt (ctxt);
  return doc;
}

/* Checks libxml2 would make too, but here they can say exactly what is
 * wrong: an encoding error with its byte offset, and a file of nothing. */
static gboolean
check_bytes (const char  *data,
             gsize        length,
             Loader      *loader,
             GError     **error)
{
  const char *end;
  gsize offset;
  gboolean blank = TRUE;

  gsize start = 0;

  /* A UTF-16 file carries its byte order mark; libxml2 converts it. */
  if (length >= 2 && ((guchar) data[0] == 0xFE || (guchar) data[0] == 0xFF))
    return TRUE;
  /* Anything whose first visible character is not "<" — a picture, an
   * archive, a write-up — is not XML at all; saying so beats a byte offset. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    start = 3;
  while (start < length && g_ascii_isspace (data[start]))
    start++;
  if (start < length && data[start] != '<')
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, 0,
                         _("this is not a Ninefold canvas: it is not an XML file"));
      return FALSE;
    }
  if (!g_utf8_validate_len (data, length, &end))
    {
      int line = 1;

      offset = (gsize) (end - data);
      for (const char *p = data; p < end; p++)
        if (*p == '\n')
          line++;
      /* The offsets as plain %lu, not G_GSIZE_FORMAT: xgettext cannot see
       * through a macro, and the messages would never be translated. */
      if (offset < length && data[offset] == '\0')
        _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line,
                           _("the file contains a NUL character (byte %lu), "
                             "which is not allowed in XML; it is probably not a canvas"),
                           (unsigned long) offset);
      else
        _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line,
                           _("the file is not valid UTF-8 text (byte %lu)"),
                           (unsigned long) offset);
      return FALSE;
    }
  for (gsize i = 0; i < length && blank; i++)
    blank = g_ascii_isspace (data[i]);
  if (blank)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, 0, _("the file is empty"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         node->ns != NULL && g_str_equal ((const char *) node->ns->href, NF_CANVAS_NS) &&
         (name == NULL || g_str_equal ((const char *) node->name, name));
}

static xmlNodePtr
first_element (xmlNodePtr parent)
{
  for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE)
      return n;
  return NULL;
}

static xmlNodePtr
next_element (xmlNodePtr node)
{
  for (xmlNodePtr n = node->next; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE)
      return n;
  return NULL;
}

static int
line_of (xmlNodePtr node)
{
  return (int) xmlGetLineNo (node);
}

static char *
attr_of (xmlNodePtr  node,
         const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static gboolean
check_version (xmlNodePtr   root,
               Loader      *loader,
               guint       *out_minor,
               GError     **error)
{
  g_autofree char *version = (char *) xmlGetNoNsProp (root, (const xmlChar *) "version");
  guint64 major, minor;
  char *end;

  if (root->ns != NULL &&
      g_str_has_prefix ((const char *) root->ns->href, NF_CANVAS_NS_PREFIX) &&
      !g_str_equal ((const char *) root->ns->href, NF_CANVAS_NS))
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_NEWER_VERSION, loader->name, line_of (root),
                         _("the file was written by a newer version of Ninefold "
                           "(namespace “%s”); this version reads format 1"),
                         (const char *) root->ns->href);
      return FALSE;
    }
  if (!g_str_equal ((const char *) root->name, "canvas") || !is_element (root, NULL))
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (root),
                         _("this is not a Ninefold canvas: its root element is <%s>%s%s%s, "
                           "not <canvas> in the namespace %s"),
                         (const char *) root->name,
                         root->ns ? " (" : "",
                         root->ns ? (const char *) root->ns->href : "",
                         root->ns ? ")" : "",
                         NF_CANVAS_NS);
      return FALSE;
    }
  if (!xmlHasNsProp (root, (const xmlChar *) "lang", XML_XML_NAMESPACE))
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (root),
                         _("the <canvas> element has no xml:lang attribute saying "
                           "which language the canvas is written in"));
      return FALSE;
    }
  if (version == NULL)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (root),
                         _("the <canvas> element has no version attribute"));
      return FALSE;
    }
  if (!g_ascii_isdigit (version[0]) ||
      (major = g_ascii_strtoull (version, &end, 10), *end != '.') ||
      !g_ascii_isdigit (end[1]) ||
      (minor = g_ascii_strtoull (end + 1, &end, 10), *end != '\0'))
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (root),
                         _("the version “%s” is not of the form MAJOR.MINOR"), version);
      return FALSE;
    }
  if (major > 1)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_NEWER_VERSION, loader->name, line_of (root),
                         _("the file was written by a newer version of Ninefold "
                           "(format %s); this version reads format 1"),
                         version);
      return FALSE;
    }
  if (major < 1 || minor > 9999)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (root),
                         _("the version “%s” is not a Ninefold format version"), version);
      return FALSE;
    }
  *out_minor = (guint) minor;
  return TRUE;
}

/* Attribute values and the order of the nine blocks are checked before
 * the schema, because RelaxNG can only say that something somewhere does
 * not fit; these messages name the value and the element. */
static gboolean
check_blocks_order (xmlNodePtr   parent,
                    Loader      *loader,
                    GError     **error)
{
  guint seen = 0;
  int last_line = line_of (parent);

  for (xmlNodePtr n = first_element (parent); n; n = next_element (n))
    {
      g_autofree char *kind = NULL;
      NfBlock block;

      if (!is_element (n, "block"))
        continue;
      kind = attr_of (n, "kind");
      last_line = line_of (n);
      if (!nf_block_from_xml (kind, &block))
        {
          _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (n),
                             _("there is no block called “%s”; the nine are key-partners, "
                               "key-activities, key-resources, value-propositions, "
                               "customer-relationships, channels, customer-segments, "
                               "cost-structure and revenue-streams"),
                             kind ? kind : "");
          return FALSE;
        }
      if ((guint) block < seen)
        {
          _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (n),
                             _("the block “%s” appears twice, or out of canvas order"), kind);
          return FALSE;
        }
      if ((guint) block > seen)
        {
          _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (n),
                             _("the block “%s” is missing, or the blocks are out of canvas order"),
                             nf_block_to_xml (seen));
          return FALSE;
        }
      seen++;
    }
  if (seen < NF_N_BLOCKS)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, last_line,
                         _("the block “%s” is missing; a canvas has all nine"),
                         nf_block_to_xml (seen));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_utc_time (const char *time)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (time == NULL || strlen (time) != 20 || time[19] != 'Z')
    return FALSE;
  parsed = g_date_time_new_from_iso8601 (time, NULL);
  return parsed != NULL;
}

static gboolean
check_values (xmlNodePtr   node,
              Loader      *loader,
              GError     **error)
{
  for (xmlNodePtr n = first_element (node); n; n = next_element (n))
    {
      const char *name = (const char *) n->name;
      g_autofree char *value = NULL;

      if (!is_element (n, NULL))
        continue;
      if ((g_str_equal (name, "row") || g_str_equal (name, "column")) &&
          (value = attr_of (n, "metric")) && !nf_metric_key_is_valid (value))
        {
          _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (n),
                             _("the metric “%s” is not a key of 1 to 64 lower-case letters, "
                               "digits and hyphens, like revenue or market-size"),
                             value);
          return FALSE;
        }
      g_clear_pointer (&value, g_free);
      if (g_str_equal (name, "note"))
        {
          g_autofree char *evidence = attr_of (n, "evidence");

          if (!xmlHasProp (n, (const xmlChar *) "id"))
            {
              _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (n),
                                 _("a note has no id attribute"));
              return FALSE;
            }

          value = attr_of (n, "colour");
          if (value && !nf_colour_is_valid (value))
            {
              _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (n),
                                 _("the colour “%s” is not of the form #rrggbb"), value);
              return FALSE;
            }
          if (evidence && !nf_evidence_from_xml (evidence, NULL))
            {
              _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (n),
                                 _("the evidence level “%s” is not one of assumption, tested "
                                   "or validated"),
                                 evidence);
              return FALSE;
            }
        }
      else if (g_str_equal (name, "cell") && (value = attr_of (n, "value")))
        {
          double number;

          if (!nf_number_parse_xml (value, &number))
            {
              _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (n),
                                 _("the cell value “%s” is not a finite number written as "
                                   "Ninefold writes numbers"),
                                 value);
              return FALSE;
            }
        }
      else if (g_str_equal (name, "column") && (value = attr_of (n, "type")) &&
               !nf_column_type_from_xml (value, NULL))
        {
          _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (n),
                             _("the column type “%s” is not one of text, number, money, "
                               "percent, count or year"),
                             value);
          return FALSE;
        }
      else if (g_str_equal (name, "table"))
        {
          gboolean has_column = FALSE;

          value = attr_of (n, "block");
          if (value && !nf_block_from_xml (value, NULL))
            {
              _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (n),
                                 _("the table names the block “%s”, which does not exist"),
                                 value);
              return FALSE;
            }
          for (xmlNodePtr c = first_element (n); c && !has_column; c = next_element (c))
            has_column = is_element (c, "column");
          if (!has_column)
            {
              _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (n),
                                 _("the table has no <column>; a table needs at least one"));
              return FALSE;
            }
        }
      else if (g_str_equal (name, "snapshot"))
        {
          value = attr_of (n, "time");
          if (!is_utc_time (value))
            {
              _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (n),
                                 _("the snapshot time “%s” is not a date and time in UTC, "
                                   "like 2026-11-20T09:30:00Z"),
                                 value ? value : "");
              return FALSE;
            }
          if (!check_blocks_order (n, loader, error))
            return FALSE;
        }
      else if (g_str_equal (name, "cite") && (value = attr_of (n, "line")))
        {
          guint64 line;

          if (!g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT32, &line, NULL))
            {
              _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (n),
                                 _("the cited line “%s” is not a line number (1 or more)"),
                                 value);
              return FALSE;
            }
        }
      if (!check_values (n, loader, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct {
  int   line;
  char *node;
  char *message;
} FirstError;

/* RelaxNG reports the innermost problem first and then a vague "failed to
 * validate content" for every enclosing element; the first is the one a
 * person can act on. */
static void
keep_first_error (void        *data,
                  xmlErrorPtr  err)
{
  FirstError *first = data;

  if (first->message != NULL || err == NULL)
    return;
  first->line = err->line;
  first->message = g_strstrip (g_strdup (err->message ? err->message : ""));
  if (err->node && ((xmlNodePtr) err->node)->type == XML_ELEMENT_NODE)
    {
      first->node = g_strdup ((const char *) ((xmlNodePtr) err->node)->name);
      if (first->line <= 0)
        first->line = line_of (err->node);
    }
}

/* libxml2's RelaxNG validator keeps, for a zeroOrMore, one state per
 * place the repetition could stop, and checks every new state against all
 * the others: validating n sibling notes costs n² (2.7 s for a block of
 * 23,000 notes). The schema gives a block exactly zeroOrMore(note), so a
 * block is valid exactly when each slice of its children is. The
 * validator therefore sees the document several times, each block holding
 * one slice of at most SLICE nodes; the other lists (sources, tables)
 * are validated in the first round and left out of the later ones, where
 * they would be checked again for nothing (both are optional, so leaving
 * them out keeps the rest valid). A canvas whose blocks are all short
 * takes one round, as before. */
#define SLICE 512

typedef struct {
  xmlNodePtr  parent;
  GPtrArray  *children;  /* every child node, text included, in order */
  gboolean    is_block;  /* sliced; otherwise whole in round 0, then out */
} Slot;

static void
slot_clear (gpointer data)
{
  Slot *slot = data;

  g_ptr_array_unref (slot->children);
}

static void
add_slot (GArray     *slots,
          xmlNodePtr  parent,
          gboolean    is_block)
{
  Slot slot = { parent, g_ptr_array_new (), is_block };

  for (xmlNodePtr n = parent->children; n; n = n->next)
    g_ptr_array_add (slot.children, n);
  g_array_append_val (slots, slot);
}

/* The blocks of the canvas and of its snapshots, and the lists that only
 * need one look. */
static void
collect_slots (xmlNodePtr  parent,
               GArray     *slots,
               guint      *out_longest)
{
  for (xmlNodePtr n = parent->children; n; n = n->next)
    {
      if (is_element (n, "block"))
        {
          add_slot (slots, n, TRUE);
          *out_longest = MAX (*out_longest,
                              g_array_index (slots, Slot, slots->len - 1).children->len);
        }
      else if (is_element (n, "sources") || is_element (n, "metrics"))
        add_slot (slots, n, FALSE);
      else if (is_element (n, "snapshots"))
        {
          for (xmlNodePtr snap = n->children; snap; snap = snap->next)
            if (is_element (snap, "snapshot"))
              collect_slots (snap, slots, out_longest);
        }
    }
}

/* Shows the parent only children [start, end), or none, by cutting the
 * list at the two ends; slot_unshow() joins it again. Touching only the
 * ends matters: the nodes of a large file lie all over memory, and
 * walking them all in every round would cost more than the validation. */
static void
slot_show (Slot  *slot,
           guint  start,
           guint  end)
{
  GPtrArray *c = slot->children;

  end = MIN (end, c->len);
  if (start >= end)
    {
      slot->parent->children = slot->parent->last = NULL;
      return;
    }
  slot->parent->children = g_ptr_array_index (c, start);
  slot->parent->last = g_ptr_array_index (c, end - 1);
  ((xmlNodePtr) g_ptr_array_index (c, start))->prev = NULL;
  ((xmlNodePtr) g_ptr_array_index (c, end - 1))->next = NULL;
}

static void
slot_unshow (Slot  *slot,
             guint  start,
             guint  end)
{
  GPtrArray *c = slot->children;

  end = MIN (end, c->len);
  if (start < end)
    {
      if (start > 0)
        ((xmlNodePtr) g_ptr_array_index (c, start))->prev = g_ptr_array_index (c, start - 1);
      if (end < c->len)
        ((xmlNodePtr) g_ptr_array_index (c, end - 1))->next = g_ptr_array_index (c, end);
    }
  slot->parent->children = c->len > 0 ? g_ptr_array_index (c, 0) : NULL;
  slot->parent->last = c->len > 0 ? g_ptr_array_index (c, c->len - 1) : NULL;
}

static int
validate_sliced (xmlRelaxNGValidCtxtPtr vctxt,
                 xmlDocPtr              doc)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  guint longest = 0;
  int ret = 0;

  g_array_set_clear_func (slots, slot_clear);
  collect_slots (xmlDocGetRootElement (doc), slots, &longest);
  if (longest <= SLICE)
    return xmlRelaxNGValidateDoc (vctxt, doc);

  for (guint start = 0; start < longest && ret == 0; start += SLICE)
    {
      for (guint i = 0; i < slots->len; i++)
        {
          Slot *slot = &g_array_index (slots, Slot, i);

          if (slot->is_block)
            slot_show (slot, start, start + SLICE);
          else if (start > 0)
            slot_show (slot, 0, 0);
        }
      ret = xmlRelaxNGValidateDoc (vctxt, doc);
      for (guint i = 0; i < slots->len; i++)
        {
          Slot *slot = &g_array_index (slots, Slot, i);

          if (slot->is_block)
            slot_unshow (slot, start, start + SLICE);
          else
            slot_unshow (slot, 0, 0);
        }
    }
  return ret;
}

static gboolean
validate (xmlDocPtr    doc,
          Loader      *loader,
          GError     **error)
{
  xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt (get_schema ());
  FirstError first = { 0 };
  int ret;

  xmlRelaxNGSetValidStructuredErrors (vctxt, keep_first_error, &first);
  ret = validate_sliced (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);

  if (ret != 0)
    {
      if (first.node)
        _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, first.line,
                           _("the element <%s> does not follow the Ninefold format (%s)"),
                           first.node, first.message);
      else
        _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, first.line,
                           _("the file does not follow the Ninefold format (%s)"),
                           first.message ? first.message : "");
    }
  g_free (first.node);
  g_free (first.message);
  return ret == 0;
}

/* The text of an element the schema says holds only text. */
static char *
text_of (xmlNodePtr   node,
         Loader      *loader,
         GError     **error)
{
  g_autofree char *content = (char *) xmlNodeGetContent (node);

  if (content == NULL)
    return g_strdup ("");
  if (strlen (content) > NF_CANVAS_MAX_FIELD_SIZE)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, loader->name, line_of (node),
                         _("the text of <%s> is longer than %d KiB"),
                         (const char *) node->name, NF_CANVAS_MAX_FIELD_SIZE / 1024);
      return NULL;
    }
  return g_steal_pointer (&content);
}

static char *
lang_of (xmlNodePtr node)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) "lang", XML_XML_NAMESPACE);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* An element this release does not know: kept verbatim when the file's
 * minor version is newer than ours, refused otherwise (a typo in a file
 * of our own version must not vanish on the next save). */
static gboolean
take_extension (xmlNodePtr   node,
                GPtrArray   *into,
                Loader      *loader,
                GError     **error)
{
  xmlBufferPtr buf;

  if (!loader->extensions_allowed)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (node),
                         _("the element <%s> is not part of the Ninefold format"),
                         (const char *) node->name);
      return FALSE;
    }
  buf = xmlBufferCreate ();
  xmlNodeDump (buf, node->doc, node, 0, 0);
  g_ptr_array_add (into, g_strndup ((const char *) xmlBufferContent (buf),
                                    (gsize) xmlBufferLength (buf)));
  xmlBufferFree (buf);
  return TRUE;
}

/* A sequence of <NAME> elements: the first in the canvas's language, the
 * rest translations. Returns the first element after them. */
static NfText *
read_translatable (xmlNodePtr  *cursor,
                   const char  *name,
                   Loader      *loader,
                   GError     **error)
{
  g_autoptr(NfText) text = NULL;
  xmlNodePtr node = *cursor;

  for (; is_element (node, name); node = next_element (node))
    {
      g_autofree char *value = text_of (node, loader, error);
      g_autofree char *lang = NULL;

      if (value == NULL)
        return NULL;
      lang = lang_of (node);
      if (text == NULL)
        {
          if (lang != NULL)
            {
              _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (node),
                                 _("the first <%s> must be in the canvas’s language, without xml:lang"),
                                 name);
              return NULL;
            }
          text = nf_text_new (value);
        }
      else if (lang == NULL)
        {
          _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (node),
                             _("a second <%s> must say its language with xml:lang"), name);
          return NULL;
        }
      else if (nf_text_lookup (text, lang) != NULL)
        {
          _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (node),
                             _("there are two <%s> translations in “%s”"), name, lang);
          return NULL;
        }
      else
        {
          NfText *next = nf_text_with_translation (text, lang, value);
          nf_text_unref (text);
          text = next;
        }
    }
  *cursor = node;
  return g_steal_pointer (&text);
}

static gboolean
read_cite (xmlNodePtr   node,
           Loader      *loader,
           char       **out_source,
           guint       *out_line,
           GError     **error)
{
  g_autofree char *source = attr_of (node, "source");
  g_autofree char *line = attr_of (node, "line");

  if (!g_hash_table_contains (loader->source_ids, source))
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_NOT_FOUND, loader->name, line_of (node),
                         _("the citation names the source “%s”, which the file does not list"),
                         source);
      return FALSE;
    }
  *out_line = line ? (guint) g_ascii_strtoull (line, NULL, 10) : 0;
  *out_source = g_steal_pointer (&source);
  return TRUE;
}

static NfNote *
read_note (xmlNodePtr   node,
           GHashTable  *ids,
           Loader      *loader,
           GError     **error)
{
  g_autofree char *id = attr_of (node, "id");
  g_autofree char *colour = attr_of (node, "colour");
  g_autofree char *evidence = attr_of (node, "evidence");
  /* Most notes have no tags or a few: no set to build for them. */
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GHashTable) seen_tags = NULL;
  g_autoptr(NfNote) note = NULL;
  g_autoptr(NfText) text = NULL;
  NfEvidence level = NF_EVIDENCE_NONE;
  xmlNodePtr child;

  if (g_hash_table_contains (ids, id))
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_DUPLICATE, loader->name, line_of (node),
                         _("the note id “%s” is used twice"), id);
      return NULL;
    }
  if (++loader->n_notes > NF_CANVAS_MAX_NOTES)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, loader->name, line_of (node),
                         _("the file has more than %d notes"), NF_CANVAS_MAX_NOTES);
      return NULL;
    }

  child = first_element (node);
  if (!(text = read_translatable (&child, "text", loader, error)))
    return NULL;
  note = nf_note_new (id, text);
  if (colour)
    _nf_note_set_colour (note, colour);
  if (evidence && nf_evidence_from_xml (evidence, &level))
    _nf_note_set_evidence (note, level);

  for (; is_element (child, "tag"); child = next_element (child))
    {
      g_autofree char *tag = text_of (child, loader, error);
      g_autofree char *stripped = NULL;

      if (tag == NULL)
        return NULL;
      stripped = g_strstrip (g_strdup (tag));
      /* Tags are a set of non-blank words: anything else would change on
       * the next save, so it is refused here. */
      if (*stripped == '\0' || !g_str_equal (stripped, tag))
        {
          _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (child),
                             _("a <tag> must be a word or phrase without surrounding spaces"));
          return NULL;
        }
      if (tags == NULL)
        tags = g_ptr_array_new_with_free_func (g_free);
      /* A linear look for the few tags a note has; a set past that, so a
       * hostile note with many tags stays linear. */
      if (seen_tags == NULL && tags->len >= 8)
        {
          seen_tags = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint i = 0; i < tags->len; i++)
            g_hash_table_add (seen_tags, g_ptr_array_index (tags, i));
        }
      if (seen_tags != NULL ? g_hash_table_contains (seen_tags, tag)
                            : g_ptr_array_find_with_equal_func (tags, tag, g_str_equal, NULL))
        {
          _nf_xml_set_error (error, NF_CANVAS_ERROR_DUPLICATE, loader->name, line_of (child),
                             _("the note “%s” has the tag “%s” twice"), id, tag);
          return NULL;
        }
      g_ptr_array_add (tags, g_steal_pointer (&tag));
      if (seen_tags != NULL)
        g_hash_table_add (seen_tags, g_ptr_array_index (tags, tags->len - 1));
    }
  if (tags != NULL)
    {
      g_ptr_array_add (tags, NULL);
      _nf_note_set_tags (note, (const char * const *) tags->pdata);
    }

  if (is_element (child, "cite"))
    {
      g_autofree char *source = NULL;
      guint line;

      if (!read_cite (child, loader, &source, &line, error))
        return NULL;
      _nf_note_set_cite (note, source, line);
      child = next_element (child);
    }
  for (; child; child = next_element (child))
    if (!take_extension (child, _nf_note_get_extensions (note), loader, error))
      return NULL;

  g_hash_table_add (ids, g_strdup (id));
  return g_steal_pointer (&note);
}

static gboolean
read_blocks (xmlNodePtr  *cursor,
             GPtrArray  **notes,
             GHashTable  *ids,
             Loader      *loader,
             GError     **error)
{
  xmlNodePtr node = *cursor;

  for (guint b = 0; b < NF_N_BLOCKS; b++, node = next_element (node))
    {
      g_autofree char *kind = attr_of (node, "kind");

      if (!is_element (node, "block") || !g_str_equal (kind, nf_block_to_xml (b)))
        {
          _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name,
                             node ? line_of (node) : 0,
                             _("expected the block “%s” here; the nine blocks must come "
                               "in canvas order"),
                             nf_block_to_xml (b));
          return FALSE;
        }
      notes[b] = g_ptr_array_new_with_free_func (g_object_unref);
      for (xmlNodePtr child = first_element (node); child; child = next_element (child))
        {
          NfNote *note = read_note (child, ids, loader, error);

          if (note == NULL)
            return FALSE;
          g_ptr_array_add (notes[b], note);
        }
    }
  *cursor = node;
  return TRUE;
}

static gboolean
read_row (xmlNodePtr      node,
          NfMetricTable  *table,
          Loader         *loader,
          GError        **error)
{
  guint n = nf_metric_table_get_n_columns (table);
  NfCell *cells = g_new0 (NfCell, n);
  guint c = 0;

  if ((guint) xmlChildElementCount (node) != n)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (node),
                         _("the row has %u cells but the table has %u columns"),
                         (guint) xmlChildElementCount (node), n);
      goto fail;
    }
  for (xmlNodePtr cell = first_element (node); cell; cell = next_element (cell), c++)
    {
      g_autofree char *value = attr_of (cell, "value");
      char *text;

      if (++loader->n_cells > NF_CANVAS_MAX_CELLS)
        {
          _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, loader->name, line_of (cell),
                             _("the file has more than %d table cells"), NF_CANVAS_MAX_CELLS);
          goto fail;
        }
      if (!(text = text_of (cell, loader, error)))
        goto fail;
      cells[c].text = text;
      if (value != NULL)
        {
          if (!nf_number_parse_xml (value, &cells[c].value))
            {
              _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (cell),
                                 _("the cell value “%s” is not a finite number written as "
                                   "Ninefold writes numbers"),
                                 value);
              goto fail;
            }
          cells[c].has_value = TRUE;
        }
    }
  if (n > 0)
    cells[0].row_metric = attr_of (node, "metric");
  _nf_metric_table_insert_row (table, nf_metric_table_get_n_rows (table), cells);
  return TRUE;

fail:
  _nf_cells_free (cells, n);
  return FALSE;
}

static NfMetricTable *
read_table (xmlNodePtr   node,
            GHashTable  *ids,
            Loader      *loader,
            GError     **error)
{
  g_autofree char *id = attr_of (node, "id");
  g_autofree char *block = attr_of (node, "block");
  g_autoptr(NfMetricTable) table = NULL;
  g_autoptr(NfText) title = NULL;
  xmlNodePtr child = first_element (node);
  NfBlock kind = NF_BLOCK_NONE;

  if (g_hash_table_contains (ids, id))
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_DUPLICATE, loader->name, line_of (node),
                         _("the table id “%s” is used twice"), id);
      return NULL;
    }
  if (block != NULL && !nf_block_from_xml (block, &kind))
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (node),
                         _("the table “%s” names the block “%s”, which does not exist"),
                         id, block);
      return NULL;
    }
  if (!(title = read_translatable (&child, "title", loader, error)))
    return NULL;
  table = nf_metric_table_new (id, title);
  _nf_metric_table_set_block (table, kind);

  for (; is_element (child, "column"); child = next_element (child))
    {
      g_autofree char *type = attr_of (child, "type");
      xmlNodePtr name_node = first_element (child);
      NfColumn column = { 0 };

      nf_column_type_from_xml (type, &column.type);
      column.unit = attr_of (child, "unit");
      if (column.unit && !*column.unit)
        g_clear_pointer (&column.unit, g_free);
      column.metric = attr_of (child, "metric");
      if (!(column.name = read_translatable (&name_node, "name", loader, error)))
        {
          _nf_column_clear (&column);
          return NULL;
        }
      _nf_metric_table_insert_column (table, nf_metric_table_get_n_columns (table), &column, NULL);
    }
  for (; is_element (child, "row"); child = next_element (child))
    if (!read_row (child, table, loader, error))
      return NULL;
  if (is_element (child, "cite"))
    {
      g_autofree char *source = NULL;
      guint line;

      if (!read_cite (child, loader, &source, &line, error))
        return NULL;
      _nf_metric_table_set_cite (table, source, line);
      child = next_element (child);
    }
  for (; child; child = next_element (child))
    if (!take_extension (child, _nf_metric_table_get_extensions (table), loader, error))
      return NULL;

  g_hash_table_add (ids, g_strdup (id));
  return g_steal_pointer (&table);
}

static GPtrArray *
read_metrics (xmlNodePtr   node,
              Loader      *loader,
              GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_object_unref);

  for (xmlNodePtr child = first_element (node); child; child = next_element (child))
    {
      NfMetricTable *table = read_table (child, ids, loader, error);

      if (table == NULL)
        return NULL;
      g_ptr_array_add (tables, table);
    }
  return g_steal_pointer (&tables);
}

static void
free_note_arrays (GPtrArray **notes)
{
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    g_clear_pointer (&notes[b], g_ptr_array_unref);
}

static NfSnapshot *
read_snapshot (xmlNodePtr   node,
               Loader      *loader,
               GError     **error)
{
  g_autofree char *name = attr_of (node, "name");
  g_autofree char *time = attr_of (node, "time");
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (time, NULL);
  g_autoptr(GPtrArray) tables = NULL;
  GPtrArray *notes[NF_N_BLOCKS] = { NULL };
  xmlNodePtr child = first_element (node);

  if (when == NULL)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader->name, line_of (node),
                         _("the snapshot time “%s” is not a real date and time"), time);
      return NULL;
    }
  if (!read_blocks (&child, notes, ids, loader, error))
    {
      free_note_arrays (notes);
      return NULL;
    }
  if (is_element (child, "metrics"))
    tables = read_metrics (child, loader, error);
  else
    tables = g_ptr_array_new_with_free_func (g_object_unref);
  if (tables == NULL)
    {
      free_note_arrays (notes);
      return NULL;
    }
  return _nf_snapshot_new (name, when, notes, g_steal_pointer (&tables));
}

static gboolean
read_metadata (xmlNodePtr   node,
               NfCanvas    *canvas,
               Loader      *loader,
               GError     **error)
{
  static const struct { const char *name; NfCanvasField field; } fields[] = {
    { "company", NF_FIELD_COMPANY },
    { "title", NF_FIELD_TITLE },
    { "label", NF_FIELD_LABEL },
    { "description", NF_FIELD_DESCRIPTION },
  };
  xmlNodePtr child = first_element (node);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (is_element (child, fields[i].name))
      {
        g_autofree char *value = text_of (child, loader, error);

        if (value == NULL)
          return FALSE;
        _nf_canvas_set_field (canvas, fields[i].field, value);
        child = next_element (child);
      }
  for (; child; child = next_element (child))
    if (!take_extension (child, _nf_canvas_get_metadata_extensions (canvas), loader, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_sources (xmlNodePtr   node,
              NfCanvas    *canvas,
              Loader      *loader,
              GError     **error)
{
  for (xmlNodePtr child = first_element (node); child; child = next_element (child))
    {
      g_autofree char *id = attr_of (child, "id");
      char *parts[4] = { NULL };  /* title, publisher, date, address */
      static const char *names[4] = { "title", "publisher", "date", "address" };
      xmlNodePtr part = first_element (child);
      g_autoptr(NfSource) source = NULL;
      gboolean ok = TRUE;

      if (g_hash_table_contains (loader->source_ids, id))
        {
          _nf_xml_set_error (error, NF_CANVAS_ERROR_DUPLICATE, loader->name, line_of (child),
                             _("the source id “%s” is used twice"), id);
          return FALSE;
        }
      for (guint i = 0; i < 4 && ok; i++)
        if (is_element (part, names[i]))
          {
            ok = (parts[i] = text_of (part, loader, error)) != NULL;
            part = next_element (part);
          }
      if (ok)
        {
          source = nf_source_new (id, parts[0], parts[1], parts[2], parts[3]);
          g_list_store_append (_nf_canvas_get_source_store (canvas), source);
          g_hash_table_add (loader->source_ids, g_steal_pointer (&id));
        }
      for (guint i = 0; i < 4; i++)
        g_free (parts[i]);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static NfCanvas *
build (xmlDocPtr    doc,
       Loader      *loader,
       GError     **error)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  g_autoptr(GHashTable) note_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *notes[NF_N_BLOCKS] = { NULL };
  xmlNodePtr root = xmlDocGetRootElement (doc);
  xmlNodePtr node = first_element (root);
  g_autofree char *version = attr_of (root, "version");
  g_autofree char *lang = lang_of (root);

  _nf_canvas_set_version (canvas, version);
  _nf_canvas_set_field (canvas, NF_FIELD_LANGUAGE, lang);

  if (!read_metadata (node, canvas, loader, error))
    return NULL;
  node = next_element (node);
  if (is_element (node, "sources"))
    {
      if (!read_sources (node, canvas, loader, error))
        return NULL;
      node = next_element (node);
    }
  if (!read_blocks (&node, notes, note_ids, loader, error))
    {
      free_note_arrays (notes);
      return NULL;
    }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    _nf_canvas_splice_notes (canvas, b, (NfNote **) notes[b]->pdata, notes[b]->len);
  free_note_arrays (notes);

  if (is_element (node, "metrics"))
    {
      g_autoptr(GPtrArray) tables = read_metrics (node, loader, error);

      if (tables == NULL)
        return NULL;
      for (guint i = 0; i < tables->len; i++)
        _nf_canvas_insert_table_raw (canvas, i, g_ptr_array_index (tables, i));
      node = next_element (node);
    }
  if (is_element (node, "snapshots"))
    {
      for (xmlNodePtr child = first_element (node); child; child = next_element (child))
        {
          g_autoptr(NfSnapshot) snapshot = read_snapshot (child, loader, error);

          if (snapshot == NULL)
            return NULL;
          g_list_store_append (_nf_canvas_get_snapshot_store (canvas), snapshot);
        }
      node = next_element (node);
    }
  for (; node; node = next_element (node))
    if (!take_extension (node, _nf_canvas_get_extensions (canvas), loader, error))
      return NULL;

  return g_steal_pointer (&canvas);
}

NfCanvas *
nf_canvas_load_from_data (const char  *data,
                          gsize        length,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(GHashTable) source_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Loader loader = { name ? name : _("(unnamed)"), 0, FALSE, 0, 0, source_ids };
  xmlDocPtr doc;
  NfCanvas *canvas = NULL;
  guint minor = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length == 0)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_INVALID, loader.name, 0, _("the file is empty"));
      return NULL;
    }
  if (length > NF_CANVAS_MAX_FILE_SIZE)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, loader.name, 0,
                         _("the file is larger than %d MiB, the most a canvas may be"),
                         NF_CANVAS_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!check_bytes (data, length, &loader, error))
    return NULL;
  if (!(doc = parse (data, length, &loader, error)))
    return NULL;
  if (check_version (xmlDocGetRootElement (doc), &loader, &minor, error) &&
      check_blocks_order (xmlDocGetRootElement (doc), &loader, error) &&
      check_values (xmlDocGetRootElement (doc), &loader, error) &&
      validate (doc, &loader, error))
    {
      loader.extensions_allowed = minor > NF_FORMAT_MINOR;
      canvas = build (doc, &loader, error);
      if (canvas)
        nf_canvas_mark_saved (canvas);
    }
  xmlFreeDoc (doc);
  return canvas;
}
