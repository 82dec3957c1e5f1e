/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-import.h"

G_BEGIN_DECLS

/* --- nf-import-text.c: the input made ready for cmark --------------- */

/* What YAML (or TOML) front matter says; each NULL when it says nothing. */
typedef struct {
  char *title;
  char *company;
  char *date;
  char *language;
  char *description;
} NfImportFrontMatter;

/* A piece of the prepared text that cmark parses on its own: parsing in
 * pieces keeps cmark's memory (about 200 bytes a byte in the worst case)
 * bounded however large the input. Pieces end where Markdown cannot carry
 * a block over: a blank line before an unindented line. */
typedef struct {
  gsize start;       /* byte offsets in NfImportText.text */
  gsize end;
  guint first_line;  /* index in line_map of the piece's first line */
} NfImportChunk;

/* Something the importer mended in the write-up ("an empty heading",
 * "emphasis markers left out"), for the user to check. */
typedef struct {
  guint  line;     /* in the input, from 1 */
  char  *message;  /* translated */
} NfImportRepair;

typedef struct {
  GString             *text;      /* what cmark reads */
  GArray              *line_map;  /* guint per line of text: its 1-based line
                                   * in the input, 0 for lines we added */
  GArray              *chunks;    /* NfImportChunk */
  gboolean             line_mode; /* plain text, one paragraph a line */
  NfImportFrontMatter  front;
  GArray              *repairs;   /* NfImportRepair, in the order found */
} NfImportText;

/* Backslash-escaped "*" and "_" travel through cmark as these private-use
 * characters, so that markers cmark left unmatched can be told from the
 * ones the writer meant as text. */
#define NF_IMPORT_ESCAPED_STAR       0xE000
#define NF_IMPORT_ESCAPED_UNDERSCORE 0xE001
/* An escaped "." or ")" ("1\. not a list") keeps its stand-in until the
 * list numbering has been looked for. */
#define NF_IMPORT_ESCAPED_DOT        0xE002
#define NF_IMPORT_ESCAPED_PAREN      0xE003

void     _nf_import_text_repair  (NfImportText  *self,
                                  guint          line,
                                  const char    *format,
                                  ...) G_GNUC_PRINTF (3, 4);

/* Folds line ends, lifts front matter out, gives every pipe table blank
 * lines around it (cmark needs them, and would otherwise take the next
 * line of text as a row), puts each line of plain text in a paragraph of
 * its own, and defuses the inputs on which cmark-gfm 0.29 goes quadratic
 * (deep nesting, long runs of brackets). Line numbers survive in
 * line_map. Fails only on a table too large to import. */
gboolean _nf_import_text_prepare (NfImportText  *self,
                                  const char    *input,
                                  const char    *name,
                                  GError       **error);
void     _nf_import_text_clear   (NfImportText  *self);
/* The input line a line of a chunk (1-based, as cmark counts) came from. */
guint    _nf_import_text_line    (NfImportText  *self,
                                  const NfImportChunk *chunk,
                                  int            chunk_line);

/* Collapses runs of white space (any Unicode space) to one space and
 * trims; never longer than max_bytes, cut at a character with "…". */
char    *_nf_import_collapse     (const char    *text,
                                  gsize          max_bytes);

/* --- nf-import-markdown.c: the Markdown tree as a flat list -------- */

typedef enum {
  NF_IMPORT_HEADING,
  NF_IMPORT_PARAGRAPH,
  NF_IMPORT_LIST_ITEM,
  NF_IMPORT_TABLE,
} NfImportKind;

typedef struct {
  NfImportKind  kind;
  guint         line;        /* in the input, from 1 */
  guint         level;       /* headings: 1 to 6 */
  gboolean      emphasised;  /* a paragraph all in bold or italics */
  char         *text;        /* plain text, white space collapsed */
  guint         n_columns;   /* tables */
  GPtrArray    *cells;       /* tables: cell texts, row by row, header first */
} NfImportItem;

/* Parses each chunk with cmark-gfm (and its table extension) and lists
 * headings, paragraphs, list items and tables in document order, with
 * inline markup reduced to its text. Code and HTML are left out. Stops
 * after a little more than max_items. NULL, with `error` set, where
 * cmark-gfm's module cannot be opened. */
GArray  *_nf_import_markdown_items (NfImportText  *text,
                                    guint          max_items,
                                    GError       **error);

/* --- nf-import-blocks.c: which block a heading names --------------- */

typedef enum {
  NF_IMPORT_MATCH_NONE,
  NF_IMPORT_MATCH_FUZZY,     /* within a small edit distance of a name */
  NF_IMPORT_MATCH_SYNONYM,   /* "Partners", "Revenue Model", "渠道" */
  NF_IMPORT_MATCH_EXACT,     /* the block's own name, any case or number */
} NfImportMatch;

NfBlock     _nf_import_match_block  (const char    *heading,
                                     NfImportMatch *out_match);
/* The block's name in the canvas's language ("en" or "zh"), for titles
 * the importer makes up; not the translated UI title. */
const char *_nf_import_block_name   (NfBlock        block,
                                     const char    *language);

/* --- nf-import-meta.c: what the write-up says of itself ----------- */

gboolean    _nf_import_is_cjk              (gunichar      c);
/* "Acme (AIHS) - Business Model: Key Partners": the block's name, or NULL. */
const char *_nf_import_business_model_name (const char   *text);
/* The front matter's title, else the first heading (or, in plain text,
 * the first short line) before the first section, else the file name. */
char       *_nf_import_title               (NfImportText *text,
                                            GArray       *items,
                                            guint         first_section,
                                            const char   *address);
/* The front matter's company, else the name before or after "business
 * model" in the title or a section line, tickers dropped. */
char       *_nf_import_company             (NfImportText *text,
                                            GArray       *items,
                                            const char   *title);

/* --- nf-import-table.c: metric tables from pipe tables ------------- */

typedef struct {
  NfColumnType  type;
  char         *unit;  /* or NULL */
} NfImportColumn;

/* Types a column by what its cells say and what its header hints
 * ("Share (%)", "Revenue ($)", "Year", "Number of drivers"). */
void _nf_import_type_column (const char * const *cells,
                             guint               n_cells,
                             const char         *header,
                             guint               index,
                             NfImportColumn     *out);

G_END_DECLS
