/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include <libxml/parser.h>

#include "nf-canvas-xml-private.h"

G_BEGIN_DECLS

/* The loader reads the file in one pass of libxml2's SAX2 parser: no tree
 * is built (except for the elements of a newer minor version, which are
 * kept verbatim), and the structure that resources/ninefold-1.rng
 * specifies is checked element by element as the model is built
 * (nf-canvas-xml-read.c, -read-notes.c, -read-metrics.c, with the
 * reader's tools in nf-canvas-xml-reader.c). tests/core/test-schema.c
 * checks that this refuses everything the schema refuses. */

typedef enum {
  NF_XML_CANVAS,
  NF_XML_METADATA,
  NF_XML_SOURCES,
  NF_XML_SOURCE,
  NF_XML_BLOCK,
  NF_XML_NOTE,
  NF_XML_METRICS,
  NF_XML_TABLE,
  NF_XML_COLUMN,
  NF_XML_ROW,
  NF_XML_SNAPSHOTS,
  NF_XML_SNAPSHOT,
  NF_XML_CONFLICTS,
  NF_XML_CONFLICT,      /* a cell's: <ours>, <theirs> */
  NF_XML_CONFLICT_SIDE, /* index: 0 ours, 1 theirs; its <cell>s */
  NF_XML_EMPTY,      /* <cite>, <rate>: attributes only */
  NF_XML_LEAF,       /* text only: <company>, <text>, <tag>, <cell>… */
} NfXmlKind;

/* What a leaf's text becomes when it ends. */
typedef enum {
  NF_LEAF_FIELD,       /* <metadata>'s children; `index` is the field */
  NF_LEAF_SOURCE_PART, /* index: title, publisher, date, address */
  NF_LEAF_NOTE_TEXT,
  NF_LEAF_TAG,
  NF_LEAF_TABLE_TITLE,
  NF_LEAF_COLUMN_NAME,
  NF_LEAF_CELL,
  NF_LEAF_CELL_TRANSLATION, /* <cell xml:lang="…">: the cell before it, translated */
  NF_LEAF_FIELD_TRANSLATION, /* <company xml:lang="…"> etc.; `index` is the field */
  NF_LEAF_CONFLICT_CELL,     /* a side's cell in a cell's conflict; `index` is the side */
} NfXmlLeaf;

typedef struct {
  NfXmlKind   kind;
  const char *name;   /* the element's local name, in the parser's dictionary */
  int         line;
  guint       step;   /* how far through its content the element is */
  NfXmlLeaf   leaf;
  guint       index;
} NfXmlFrame;

/* The known part of the format nests at most 7 deep (canvas, snapshots,
 * snapshot, metrics, table, column, name); the elements of a newer minor
 * version are built as a tree by libxml2 (ext_*) and take no frames. */
#define NF_XML_MAX_FRAMES 8

/* A <contradicts> read, checked against the canvas's (or the
 * snapshot's) notes and tables once they are all read. */
typedef struct {
  char *note_id;
  char *ref;
  int   line;
} NfXmlRef;

typedef struct {
  const char *name;         /* for messages */
  xmlParserCtxtPtr ctxt;
  GError     *error;        /* the first refusal; the parser is stopped */
  int         doctype_line;
  gboolean    extensions_allowed;
  guint       n_notes;
  guint       n_cells;

  NfXmlFrame  frames[NF_XML_MAX_FRAMES];
  guint       depth;
  guint       ext_depth;    /* > 0 inside an extension being kept */
  xmlNodePtr  ext_node;
  GPtrArray  *ext_into;

  GString    *text;         /* the text of the current leaf */
  char       *leaf_lang;    /* its xml:lang, for translatable leaves */
  char        attr_buf[4096];
  GPtrArray  *attr_heap;    /* attribute values too long for attr_buf */

  NfCanvas   *canvas;
  GHashTable *source_ids;   /* of the canvas: cites point into it */
  GHashTable *note_ids;     /* of the canvas's block or the snapshot being read */
  gboolean    canvas_notes; /* reading the canvas's blocks, not a snapshot's */
  /* A save's check of its own bytes: when set, each note of the canvas's
   * blocks is compared with this canvas's note at the same place as it
   * is read, then dropped, so no second set of notes is built. */
  NfCanvas   *model;
  guint       block_notes;  /* notes of the current block read so far */
  NfNote     *expected;     /* the model's note at the place being read */
  gboolean    differs;      /* the bytes do not give the model's notes */
  NfNote     *scratch;      /* the note object reused for the comparing */
  GHashTable *table_ids;    /* of the <metrics> being read */
  GHashTable *rate_pairs;   /* "CNYUSD" → the rate, either way round */
  GPtrArray  *notes[NF_N_BLOCKS];
  GPtrArray  *tables;

  /* The source, note, table, column, row or snapshot being read. */
  char       *source_parts[4];
  char       *source_id;
  char       *note_id;
  char       *note_colour;
  NfEvidence  note_evidence;
  NfText     *texts;        /* a note's text, a table's title, a column's name */
  GHashTable *text_langs;   /* the languages of `texts`, lower case */
  guint       ext_nodes;    /* kept verbatim so far */
  NfNote     *note;
  GPtrArray  *tags;
  GHashTable *tag_set;
  char       *table_id;
  NfBlock     table_block;
  NfMetricTable *table;
  NfColumn    column;
  NfCell     *cells;
  guint       n_row_cells;
  char       *row_metric;
  NfRowCite  *row_cite;
  GPtrArray  *note_conflicts; /* the refs of the note being read */
  GHashTable *conflict_set;   /* the same, once they are many */
  GArray     *pending_refs;   /* NfXmlRef: checked once their scope is read */
  double      cell_number;
  gboolean    cell_has_number;
  gboolean    cell_has_type;  /* the cell's own type (format 1.3) */
  NfColumnType cell_type;
  char       *cell_unit;      /* its own unit, as written; or a translated cell's */
  char       *snapshot_name;
  GDateTime  *snapshot_time;
  gboolean    complete;     /* </canvas> was read */
} NfXmlReader;

typedef struct {
  const char *name;
  gboolean    xml_ns;       /* xml:lang */
} NfXmlAttrSpec;

static inline gboolean
_nf_xml_is_ours (const xmlChar *uri)
{
  return uri != NULL && strcmp ((const char *) uri, NF_CANVAS_NS) == 0;
}

static inline gboolean
_nf_xml_is_named (const char    *name,
                  const xmlChar *uri,
                  const char    *wanted)
{
  return uri != NULL && strcmp ((const char *) uri, NF_CANVAS_NS) == 0 &&
         strcmp (name, wanted) == 0;
}

void     _nf_xml_reader_init          (NfXmlReader        *self,
                                       const char         *name,
                                       xmlParserCtxtPtr    ctxt);
void     _nf_xml_reader_clear         (NfXmlReader        *self);
/* Sets the refusal (the first one counts) and stops the parser; returns
 * FALSE, so a check can end with "return _nf_xml_fail (…)". */
gboolean _nf_xml_differs              (NfXmlReader        *self);
gboolean _nf_xml_fail                 (NfXmlReader        *self,
                                       int                 code,
                                       int                 line,
                                       const char         *format,
                                       ...) G_GNUC_PRINTF (4, 5);
int      _nf_xml_line                 (NfXmlReader        *self);
/* Copies the attributes named in spec (NUL-terminated, in the reader's
 * scratch space) into values; refuses any other attribute. */
gboolean _nf_xml_read_attrs           (NfXmlReader        *self,
                                       const char         *element,
                                       int                 nb_attributes,
                                       const xmlChar     **attributes,
                                       const NfXmlAttrSpec *spec,
                                       const char        **values);
gboolean _nf_xml_is_id                (const char         *value);
gboolean _nf_xml_is_language          (const char         *value);
void     _nf_xml_push                 (NfXmlReader        *self,
                                       NfXmlKind           kind,
                                       const char         *name);
void     _nf_xml_push_leaf            (NfXmlReader        *self,
                                       const char         *name,
                                       NfXmlLeaf           leaf,
                                       guint               index);
gboolean _nf_xml_unexpected           (NfXmlReader        *self,
                                       const char         *name,
                                       const char         *uri,
                                       const char         *expected);
gboolean _nf_xml_start_plain_leaf     (NfXmlReader        *self,
                                       const char         *name,
                                       NfXmlLeaf           leaf,
                                       guint               index,
                                       int                 nb_attributes,
                                       const xmlChar     **attributes);
gboolean _nf_xml_start_translatable   (NfXmlReader        *self,
                                       const char         *name,
                                       NfXmlLeaf           leaf,
                                       int                 nb_attributes,
                                       const xmlChar     **attributes);
/* A sequence of translatable leaves: the first without xml:lang, the
 * rest translations. Adds the leaf that just ended to self->texts. */
gboolean _nf_xml_add_translatable     (NfXmlReader        *self,
                                       const NfXmlFrame   *frame);
/* nf-canvas-xml-read-conflicts.c */
gboolean _nf_xml_read_conflict        (NfXmlReader        *self,
                                       const char         *name,
                                       const xmlChar      *uri,
                                       int                 nb_attributes,
                                       const xmlChar     **attributes);
gboolean _nf_xml_start_in_conflict    (NfXmlReader        *self,
                                       NfXmlFrame         *parent,
                                       const char         *name,
                                       const xmlChar      *uri,
                                       int                 nb_attributes,
                                       const xmlChar     **attributes);
gboolean _nf_xml_start_in_conflict_side (NfXmlReader      *self,
                                       NfXmlFrame         *parent,
                                       const char         *name,
                                       const xmlChar      *uri,
                                       int                 nb_attributes,
                                       const xmlChar     **attributes);
gboolean _nf_xml_end_conflict_cell    (NfXmlReader        *self,
                                       const NfXmlFrame   *frame);
gboolean _nf_xml_end_conflict_side    (NfXmlReader        *self,
                                       const NfXmlFrame   *frame);
gboolean _nf_xml_read_cite            (NfXmlReader        *self,
                                       const char         *element,
                                       int                 nb_attributes,
                                       const xmlChar     **attributes,
                                       char              **out_source,
                                       guint              *out_line,
                                       guint              *out_line_end);

void     _nf_xml_clear_note           (NfXmlReader        *self);
void     _nf_xml_clear_blocks         (NfXmlReader        *self);
/* An element at a place where the format lets a newer minor version add
 * one: refused in a file of a version this release knows, else kept in
 * `into` once it ends. */
gboolean _nf_xml_count_extension_node (NfXmlReader        *self);
gboolean _nf_xml_check_chars          (NfXmlReader        *self,
                                       const char         *text,
                                       gsize               length);
gboolean _nf_xml_check_attr_chars     (NfXmlReader        *self,
                                       int                 nb_attributes,
                                       const xmlChar     **attributes);
gboolean _nf_xml_start_extension      (NfXmlReader        *self,
                                       GPtrArray          *into,
                                       const char         *expected,
                                       const xmlChar      *localname,
                                       const xmlChar      *prefix,
                                       const xmlChar      *uri,
                                       int                 nb_namespaces,
                                       const xmlChar     **namespaces,
                                       int                 nb_attributes,
                                       int                 nb_defaulted,
                                       const xmlChar     **attributes);
void     _nf_xml_end_extension        (NfXmlReader        *self);

/* nf-canvas-xml-read-notes.c */
gboolean _nf_xml_start_block          (NfXmlReader        *self,
                                       guint               seen,
                                       const char         *name,
                                       int                 nb_attributes,
                                       const xmlChar     **attributes);
gboolean _nf_xml_start_note           (NfXmlReader        *self,
                                       const char         *name,
                                       const xmlChar      *uri,
                                       int                 nb_attributes,
                                       const xmlChar     **attributes);
/* FALSE without a refusal: an extension of the note. */
gboolean _nf_xml_start_in_note        (NfXmlReader        *self,
                                       NfXmlFrame         *parent,
                                       const char         *name,
                                       const xmlChar      *uri,
                                       int                 nb_attributes,
                                       const xmlChar     **attributes);
/* Checks the <contradicts> read since the last call against the notes
 * and tables they name: the canvas's (notes, tables NULL) or those of the
 * snapshot being read. */
gboolean _nf_xml_check_refs           (NfXmlReader        *self,
                                       GPtrArray         **notes,
                                       GPtrArray          *tables);
void     _nf_xml_clear_refs           (NfXmlReader        *self);
gboolean _nf_xml_end_tag              (NfXmlReader        *self,
                                       const NfXmlFrame   *frame);
gboolean _nf_xml_end_note             (NfXmlReader        *self,
                                       const NfXmlFrame   *frame,
                                       const NfXmlFrame   *block);

/* nf-canvas-xml-read-metrics.c */
gboolean _nf_xml_start_in_metrics     (NfXmlReader        *self,
                                       NfXmlFrame         *parent,
                                       const char         *name,
                                       const xmlChar      *uri,
                                       int                 nb_attributes,
                                       const xmlChar     **attributes);
gboolean _nf_xml_start_in_table       (NfXmlReader        *self,
                                       NfXmlFrame         *parent,
                                       const char         *name,
                                       const xmlChar      *uri,
                                       int                 nb_attributes,
                                       const xmlChar     **attributes);
gboolean _nf_xml_start_in_column      (NfXmlReader        *self,
                                       NfXmlFrame         *parent,
                                       const char         *name,
                                       const xmlChar      *uri,
                                       int                 nb_attributes,
                                       const xmlChar     **attributes);
gboolean _nf_xml_read_cell            (NfXmlReader        *self,
                                       const char         *name,
                                       int                 nb_attributes,
                                       const xmlChar     **attributes,
                                       gboolean            first,
                                       const NfCell       *translated,
                                       gboolean           *is_translation);
void     _nf_xml_end_cell             (NfXmlReader        *self,
                                       NfCell             *cell);
gboolean _nf_xml_end_cell_translation (NfXmlReader        *self,
                                       const NfXmlFrame   *frame,
                                       NfCell             *cell);
gboolean _nf_xml_start_in_row         (NfXmlReader        *self,
                                       NfXmlFrame         *parent,
                                       const char         *name,
                                       const xmlChar      *uri,
                                       int                 nb_attributes,
                                       const xmlChar     **attributes);
gboolean _nf_xml_end_metrics_element  (NfXmlReader        *self,
                                       const NfXmlFrame   *frame);
gboolean _nf_xml_end_metrics_leaf     (NfXmlReader        *self,
                                       const NfXmlFrame   *frame);
void     _nf_xml_clear_table          (NfXmlReader        *self);

/* nf-canvas-xml-read.c: the SAX2 callbacks */
void     _nf_xml_start_element        (void               *ctx,
                                       const xmlChar      *localname,
                                       const xmlChar      *prefix,
                                       const xmlChar      *uri,
                                       int                 nb_namespaces,
                                       const xmlChar     **namespaces,
                                       int                 nb_attributes,
                                       int                 nb_defaulted,
                                       const xmlChar     **attributes);
void     _nf_xml_end_element          (void               *ctx,
                                       const xmlChar      *localname,
                                       const xmlChar      *prefix,
                                       const xmlChar      *uri);
void     _nf_xml_characters           (void               *ctx,
                                       const xmlChar      *ch,
                                       int                 len);
void     _nf_xml_comment              (void               *ctx,
                                       const xmlChar      *value);
void     _nf_xml_processing_instruction (void             *ctx,
                                         const xmlChar    *target,
                                         const xmlChar    *data);

G_END_DECLS
