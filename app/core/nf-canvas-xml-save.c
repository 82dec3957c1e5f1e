/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-xml"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-i18n-private.h"
#include <libxml/xmlwriter.h>

#include "nf-canvas-private.h"
#include "nf-merge-private.h"
#include "nf-canvas-xml-private.h"
#include "nf-metric-table-private.h"
#include "nf-note-private.h"
#include "nf-number.h"
#include "nf-snapshot-private.h"

/* The canonical bytes are made by our own emitter, which writes exactly
 * what libxml2's xmlTextWriter writes with indentation on and "  " as
 * its indent string (tests/core/test-save-emitter.c compares the two,
 * byte for byte): the same code in write_canvas drives either. The
 * emitter costs a tenth of the writer per element, and it can also count
 * the bytes without making them, which the loader does to see whether a
 * large file could be saved again. The xmlTextWriter path is kept as the
 * reference for that test and as the floor the benchmark measures. */
#define MAX_DEPTH 32

typedef enum {
  OPEN_NAME,  /* "<name attr=…": the start tag not yet closed */
  OPEN_TEXT,  /* closed: content or children follow */
} OpenState;

typedef struct {
  xmlTextWriterPtr w;       /* the reference path, or NULL */
  GString         *out;     /* our emitter's bytes, or NULL to count */
  gsize            size;    /* what our emitter has made (or counted) */
  guint            depth;
  gboolean         failed;
  gboolean         doindent;
  const char      *names[MAX_DEPTH];
  guint8           states[MAX_DEPTH];
  const char      *version; /* the format version written */
} Writer;

static void
check (Writer *wr,
       int     ret)
{
  if (ret < 0)
    wr->failed = TRUE;
}

/* Most writes are a few bytes ("<", a name, "=\""): copied straight into
 * the string where it has room, as GLib 2.76's inline append does; GLib
 * 2.74's g_string_append_len() cost more per call than the copy (a tenth
 * of a save of 100,000 notes). */
static inline void
emit (Writer     *wr,
      const char *bytes,
      gsize       len)
{
  GString *out = wr->out;

  if (out != NULL)
    {
      if (G_LIKELY (out->len + len < out->allocated_len))
        {
          memcpy (out->str + out->len, bytes, len);
          out->len += len;
          out->str[out->len] = '\0';
        }
      else
        g_string_append_len (out, bytes, (gssize) len);
    }
  wr->size += len;
}

static inline void
emit_indent (Writer *wr,
             guint   levels)
{
  static const char spaces[] = "                                ";

  while (levels > 0)
    {
      guint n = MIN (levels, (sizeof spaces - 1) / 2);

      emit (wr, spaces, 2 * n);
      levels -= n;
    }
}

/* What xmlTextWriter does before any content: an open start tag is
 * closed (without a newline: content follows on the same line). */
static void
close_start_tag (Writer *wr)
{
  if (wr->depth > 0 && wr->states[wr->depth - 1] == OPEN_NAME)
    {
      emit (wr, ">", 1);
      wr->states[wr->depth - 1] = OPEN_TEXT;
    }
}

static void
raw (Writer     *wr,
     const char *text,
     gsize       len)
{
  if (wr->w != NULL)
    {
      check (wr, xmlTextWriterWriteRawLen (wr->w, (const xmlChar *) text, (int) len));
      return;
    }
  close_start_tag (wr);
  wr->doindent = FALSE;
  emit (wr, text, len);
}

static void
start (Writer     *wr,
       const char *name)
{
  gsize len;

  if (wr->w != NULL)
    {
      check (wr, xmlTextWriterStartElement (wr->w, (const xmlChar *) name));
      wr->depth++;
      return;
    }
  if (wr->depth >= MAX_DEPTH)
    {
      wr->failed = TRUE;
      return;
    }
  /* A child element: the parent's start tag ends its line. */
  if (wr->depth > 0 && wr->states[wr->depth - 1] == OPEN_NAME)
    {
      emit (wr, ">\n", 2);
      wr->states[wr->depth - 1] = OPEN_TEXT;
    }
  emit_indent (wr, wr->depth);
  len = strlen (name);
  emit (wr, "<", 1);
  emit (wr, name, len);
  wr->names[wr->depth] = name;
  wr->states[wr->depth] = OPEN_NAME;
  wr->depth++;
}

static void
end (Writer *wr)
{
  const char *name;

  if (wr->w != NULL)
    {
      check (wr, xmlTextWriterEndElement (wr->w));
      wr->depth--;
      return;
    }
  if (wr->depth == 0 || wr->depth > MAX_DEPTH)
    {
      wr->failed = TRUE;
      return;
    }
  name = wr->names[wr->depth - 1];
  if (wr->states[wr->depth - 1] == OPEN_NAME)
    emit (wr, "/>", 2);
  else
    {
      /* The end tag goes on a line of its own after child elements, and
       * right after text. */
      if (wr->doindent)
        emit_indent (wr, wr->depth - 1);
      emit (wr, "</", 2);
      emit (wr, name, strlen (name));
      emit (wr, ">", 1);
    }
  wr->doindent = TRUE;
  emit (wr, "\n", 1);
  wr->depth--;
}

/* libxml2's escaping of attribute values (xmlBufAttrSerializeTxtContent),
 * for text that is clean UTF-8: the rest is written as it is. */
static void
attr_value (Writer     *wr,
            const char *value)
{
  const char *p = value;

  for (;;)
    {
      gsize run = strcspn (p, "&<>\"\t\n\r");

      emit (wr, p, run);
      p += run;
      switch (*p)
        {
        case '\0': return;
        case '&': emit (wr, "&amp;", 5); break;
        case '<': emit (wr, "&lt;", 4); break;
        case '>': emit (wr, "&gt;", 4); break;
        case '"': emit (wr, "&quot;", 6); break;
        case '\t': emit (wr, "&#9;", 4); break;
        case '\n': emit (wr, "&#10;", 5); break;
        case '\r': emit (wr, "&#13;", 5); break;
        default: break;
        }
      p++;
    }
}

static void
attr (Writer     *wr,
      const char *name,
      const char *value)
{
  if (value == NULL)
    return;
  if (wr->w != NULL)
    {
      check (wr, xmlTextWriterWriteAttribute (wr->w, (const xmlChar *) name,
                                              (const xmlChar *) value));
      return;
    }
  if (wr->depth == 0 || wr->depth > MAX_DEPTH || wr->states[wr->depth - 1] != OPEN_NAME)
    {
      wr->failed = TRUE;
      return;
    }
  emit (wr, " ", 1);
  emit (wr, name, strlen (name));
  emit (wr, "=\"", 2);
  attr_value (wr, value);
  emit (wr, "\"", 1);
}

/* libxml2 escapes quotes in text content too, which makes ordinary prose
 * hard to read and diff. Text in the model is already clean (valid UTF-8,
 * XML characters only, no CR), so only & < > need escaping here. */
static void
content (Writer     *wr,
         const char *text)
{
  g_autoptr(GString) escaped = NULL;
  gsize clean = strcspn (text, "&<>");
  const char *p;

  if (text[clean] == '\0')
    {
      raw (wr, text, clean);
      return;
    }
  escaped = g_string_sized_new (strlen (text) + 16);
  for (p = text; *p; )
    {
      gsize run = strcspn (p, "&<>");

      g_string_append_len (escaped, p, (gssize) run);
      p += run;
      switch (*p)
        {
        case '&': g_string_append_len (escaped, "&amp;", 5); p++; break;
        case '<': g_string_append_len (escaped, "&lt;", 4); p++; break;
        case '>': g_string_append_len (escaped, "&gt;", 4); p++; break;
        default: break;
        }
    }
  raw (wr, escaped->str, escaped->len);
}

static void
element (Writer     *wr,
         const char *name,
         const char *text)
{
  if (text == NULL)
    return;
  start (wr, name);
  content (wr, text);
  end (wr);
}

static void
translations_of (Writer     *wr,
                 const char *name,
                 NfText     *text)
{
  if (text == NULL)
    return;
  for (guint i = 0; i < nf_text_get_n_translations (text); i++)
    {
      const char *lang;
      const char *value = nf_text_get_translation (text, i, &lang);

      start (wr, name);
      attr (wr, "xml:lang", lang);
      content (wr, value);
      end (wr);
    }
}

/* A cell's translations, each with the cell's own unit in its language
 * where the cell has one. */
static void
cell_translations (Writer       *wr,
                   const NfCell *cell)
{
  if (cell->translations == NULL)
    return;
  for (guint i = 0; i < nf_text_get_n_translations (cell->translations); i++)
    {
      const char *lang;
      const char *value = nf_text_get_translation (cell->translations, i, &lang);

      start (wr, "cell");
      attr (wr, "xml:lang", lang);
      if (cell->has_type && cell->unit != NULL)
        attr (wr, "unit", nf_text_lookup (cell->unit, lang));
      content (wr, value);
      end (wr);
    }
}

static void
translatable (Writer     *wr,
              const char *name,
              NfText     *text)
{
  element (wr, name, nf_text_get (text));
  translations_of (wr, name, text);
}

/* A metadata field as written, then its translations. */
static void
field (Writer        *wr,
       const char    *name,
       NfCanvas      *canvas,
       NfCanvasField  which)
{
  const char *value = _nf_canvas_get_field (canvas, which);

  if (value == NULL)
    return;
  element (wr, name, value);
  translations_of (wr, name, _nf_canvas_get_field_translations (canvas, which));
}

/* Extensions are written back as they were read. The writer does not
 * indent raw text, and once an element has any it no longer indents its
 * end tag either; so both are done here, to keep the canonical layout. */
static void
indent (Writer   *wr,
        gboolean  newline,
        guint     depth)
{
  g_autofree char *spaces = g_strnfill (2 * depth, ' ');
  g_autofree char *text = g_strconcat (newline ? "\n" : "", spaces, NULL);

  raw (wr, text, strlen (text));
}

/* An extension always follows an element the format defines (a note's
 * text, a table's title…), after which the writer has already ended the
 * line. */
static void
extensions (Writer    *wr,
            GPtrArray *list)
{
  if (list == NULL || list->len == 0)
    return;
  for (guint i = 0; i < list->len; i++)
    {
      indent (wr, i > 0, wr->depth);
      const char *ext = g_ptr_array_index (list, i);

      raw (wr, ext, strlen (ext));
    }
  indent (wr, TRUE, wr->depth - 1);
}

static void
cite (Writer     *wr,
      const char *source,
      guint       line,
      guint       line_end)
{
  if (source == NULL)
    return;
  start (wr, "cite");
  attr (wr, "source", source);
  if (line > 0)
    {
      char buf[32];

      if (line_end > line)
        g_snprintf (buf, sizeof buf, "%u-%u", line, line_end);
      else
        g_snprintf (buf, sizeof buf, "%u", line);
      attr (wr, "line", buf);
    }
  end (wr);
}

static void
contradicts (Writer *wr,
             NfNote *n)
{
  const char * const *refs = nf_note_get_conflicts (n);

  for (guint i = 0; refs[i]; i++)
    {
      g_autofree char *id = NULL;
      gboolean is_table = FALSE;
      guint row = 0;

      if (!nf_conflict_ref_parse (refs[i], &is_table, &id, &row))
        continue;
      start (wr, "contradicts");
      attr (wr, is_table ? "table" : "note", id);
      if (row > 0)
        {
          char buf[16];

          g_snprintf (buf, sizeof buf, "%u", row);
          attr (wr, "row", buf);
        }
      end (wr);
    }
}

static void
note (Writer *wr,
      NfNote *n)
{
  const char * const *tags = nf_note_get_tags (n);

  start (wr, "note");
  attr (wr, "id", nf_note_get_id (n));
  attr (wr, "colour", nf_note_get_colour (n));
  attr (wr, "evidence", nf_evidence_to_xml (nf_note_get_evidence (n)));
  translatable (wr, "text", nf_note_get_text (n));
  for (guint i = 0; tags[i]; i++)
    element (wr, "tag", tags[i]);
  cite (wr, nf_note_get_cite_source (n), nf_note_get_cite_line (n),
        nf_note_get_cite_line_end (n));
  contradicts (wr, n);
  extensions (wr, _nf_note_peek_extensions (n));
  end (wr);
}

/* A cell as a row holds it (and as a cell's conflict holds each side). */
static void
cell_of (Writer       *wr,
         const NfCell *cell)
{
  start (wr, "cell");
  if (cell->has_type)
    {
      attr (wr, "type", nf_column_type_to_xml (cell->type));
      if (cell->unit != NULL)
        attr (wr, "unit", nf_text_get (cell->unit));
    }
  if (cell->has_value)
    {
      /* A whole figure, as nearly all are, without an allocation. */
      if (fabs (cell->value) < 9007199254740992.0 && cell->value == floor (cell->value) &&
          cell->value != 0)
        {
          char digits[24];
          char *p = digits + sizeof digits;
          guint64 n = (guint64) fabs (cell->value);

          *--p = '\0';
          do
            *--p = (char) ('0' + n % 10);
          while ((n /= 10) > 0);
          if (cell->value < 0)
            *--p = '-';
          attr (wr, "value", p);
        }
      else
        {
          g_autofree char *value = nf_number_format_xml (cell->value);
          attr (wr, "value", value);
        }
    }
  content (wr, cell->text);
  end (wr);
  cell_translations (wr, cell);
}

static void
table (Writer        *wr,
       NfMetricTable *t)
{
  NfBlock block = nf_metric_table_get_block (t);
  guint n_cols = nf_metric_table_get_n_columns (t);
  guint n_rows = nf_metric_table_get_n_rows (t);

  start (wr, "table");
  attr (wr, "id", nf_metric_table_get_id (t));
  if (block != NF_BLOCK_NONE)
    attr (wr, "block", nf_block_to_xml (block));
  translatable (wr, "title", nf_metric_table_get_title (t));
  for (guint c = 0; c < n_cols; c++)
    {
      const NfColumn *col = nf_metric_table_get_column (t, c);

      start (wr, "column");
      attr (wr, "type", nf_column_type_to_xml (col->type));
      attr (wr, "unit", col->unit);
      attr (wr, "metric", col->metric);
      translatable (wr, "name", col->name);
      end (wr);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      start (wr, "row");
      attr (wr, "metric", nf_metric_table_get_row_metric (t, r));
      for (guint c = 0; c < n_cols; c++)
        {
          cell_of (wr, nf_metric_table_get_cell (t, r, c));
        }
      {
        const NfRowCite *rc = nf_metric_table_get_row_cite (t, r);

        if (rc != NULL)
          cite (wr, rc->source, rc->line, rc->line_end);
      }
      end (wr);
    }
  cite (wr, nf_metric_table_get_cite_source (t), nf_metric_table_get_cite_line (t),
        nf_metric_table_get_cite_line_end (t));
  extensions (wr, _nf_metric_table_peek_extensions (t));
  end (wr);
}

static void
blocks_of_canvas (Writer   *wr,
                  NfCanvas *canvas)
{
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      GListModel *notes = nf_canvas_get_notes (canvas, b);
      guint n = g_list_model_get_n_items (notes);

      start (wr, "block");
      attr (wr, "kind", nf_block_to_xml (b));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NfNote) item = g_list_model_get_item (notes, i);
          note (wr, item);
        }
      end (wr);
    }
}

static void
snapshot (Writer     *wr,
          NfSnapshot *s)
{
  g_autofree char *time = _nf_snapshot_format_time (nf_snapshot_get_time (s));
  guint n_tables = nf_snapshot_get_n_tables (s);

  start (wr, "snapshot");
  attr (wr, "name", nf_snapshot_get_name (s));
  attr (wr, "time", time);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      start (wr, "block");
      attr (wr, "kind", nf_block_to_xml (b));
      for (guint i = 0; i < nf_snapshot_get_n_notes (s, b); i++)
        note (wr, nf_snapshot_get_note (s, b, i));
      end (wr);
    }
  if (n_tables > 0)
    {
      start (wr, "metrics");
      for (guint i = 0; i < n_tables; i++)
        table (wr, nf_snapshot_get_table (s, i));
      end (wr);
    }
  end (wr);
}

/* The minor version a note needs: 2 for a conflict mark or a range of
 * lines, 1 for "reported", else 0. */
static guint
note_minor (NfNote *n)
{
  if (nf_note_get_conflicts (n)[0] != NULL ||
      nf_note_get_cite_line_end (n) > nf_note_get_cite_line (n))
    return 2;
  return nf_note_get_evidence (n) == NF_EVIDENCE_REPORTED ? 1 : 0;
}

static guint
table_minor (NfMetricTable *t)
{
  /* A cell's own type came in 1.3. */
  for (guint r = 0; r < nf_metric_table_get_n_rows (t); r++)
    for (guint c = 0; c < nf_metric_table_get_n_columns (t); c++)
      if (nf_metric_table_get_cell (t, r, c)->has_type)
        return 3;
  if (nf_metric_table_get_cite_line_end (t) > nf_metric_table_get_cite_line (t))
    return 2;
  for (guint r = 0; r < nf_metric_table_get_n_rows (t); r++)
    if (nf_metric_table_get_row_cite (t, r) != NULL)
      return 2;
  return 0;
}

/* A conflict whose versions are no longer in the canvas (the note was
 * deleted, one side taken by hand) is resolved: it is not written. */
static gboolean
conflict_is_live (NfCanvas         *canvas,
                  const NfConflict *c)
{
  const char *ids[2] = { c->ours, c->theirs };

  if (c->kind == NF_CONFLICT_CELL || c->kind == NF_CONFLICT_ROW)
    return nf_canvas_find_table (canvas, c->table, NULL) != NULL;
  if (!nf_conflict_kind_is_item (c->kind))
    return TRUE;
  for (guint i = 0; i < 2; i++)
    {
      if (ids[i] == NULL)
        continue;
      if (c->kind == NF_CONFLICT_NOTE && nf_canvas_find_note (canvas, ids[i], NULL, NULL) != NULL)
        return TRUE;
      if (c->kind == NF_CONFLICT_TABLE && nf_canvas_find_table (canvas, ids[i], NULL) != NULL)
        return TRUE;
      if (c->kind == NF_CONFLICT_SOURCE && nf_canvas_find_source (canvas, ids[i]) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* "reported" came in format 1.1, conflict marks, ranges of lines and
 * rows' own citations in 1.2, cells' own types in 1.3: a file that uses them says so, and one that
 * does not keeps the version it had. */
static const char *
format_version (NfCanvas *canvas)
{
  const char *version = nf_canvas_get_version (canvas);
  GListModel *snapshots = nf_canvas_get_snapshots (canvas);
  GListModel *tables = nf_canvas_get_tables (canvas);
  guint have = (guint) g_ascii_strtoull (version + 2, NULL, 10);
  guint need = 0;

  for (guint b = 0; b < NF_N_BLOCKS && need < 3; b++)
    {
      GListModel *notes = nf_canvas_get_notes (canvas, b);

      for (guint i = 0; i < g_list_model_get_n_items (notes) && need < 3; i++)
        {
          g_autoptr(NfNote) n = g_list_model_get_item (notes, i);
          need = MAX (need, note_minor (n));
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (tables) && need < 3; i++)
    {
      g_autoptr(NfMetricTable) t = g_list_model_get_item (tables, i);
      need = MAX (need, table_minor (t));
    }
  for (guint i = 0; i < g_list_model_get_n_items (snapshots) && need < 3; i++)
    {
      g_autoptr(NfSnapshot) s = g_list_model_get_item (snapshots, i);

      for (guint b = 0; b < NF_N_BLOCKS && need < 3; b++)
        for (guint k = 0; k < nf_snapshot_get_n_notes (s, b) && need < 3; k++)
          need = MAX (need, note_minor (nf_snapshot_get_note (s, b, k)));
      for (guint k = 0; k < nf_snapshot_get_n_tables (s) && need < 3; k++)
        need = MAX (need, table_minor (nf_snapshot_get_table (s, k)));
    }
  if (need <= have)
    return version;
  return need == 3 ? "1.3" : need == 2 ? "1.2" : "1.1";
}

/* A cell's conflict writes its sides' cells only where the texts alone
 * would not give them back: a translation, a meaning key, a value the
 * column's type does not read from the text (any field NfCell gains that
 * the merge weighs counts too). */
static gboolean
conflict_needs_cells (NfCanvas         *canvas,
                      const NfConflict *c)
{
  NfMetricTable *table = nf_canvas_find_table (canvas, c->table, NULL);
  const NfCell *cells[2] = { c->ours_cell, c->theirs_cell };
  const char *texts[2] = { c->ours, c->theirs };
  gboolean needs = FALSE;

  if (cells[0] == NULL || cells[1] == NULL)
    return FALSE;
  for (guint side = 0; side < 2 && !needs; side++)
    {
      NfCell parsed = { 0 };

      if (c->column >= nf_metric_table_get_n_columns (table))
        return TRUE;
      _nf_cell_init_parsed (&parsed, texts[side] != NULL ? texts[side] : "",
                            nf_metric_table_get_column (table, c->column)->type);
      needs = !_nf_merge_cell_eq (&parsed, cells[side]);
      _nf_cell_clear (&parsed);
    }
  return needs;
}

static void
conflicts (Writer   *wr,
           NfCanvas *canvas)
{
  guint n = nf_canvas_get_n_conflicts (canvas);
  gboolean started = FALSE;

  for (guint i = 0; i < n; i++)
    {
      const NfConflict *c = nf_canvas_get_conflict (canvas, i);

      if (!conflict_is_live (canvas, c))
        continue;
      if (!started)
        start (wr, "conflicts");
      started = TRUE;
      start (wr, "conflict");
      attr (wr, "kind", nf_conflict_kind_to_xml (c->kind));
      if (c->kind == NF_CONFLICT_CELL)
        {
          g_autofree char *row = g_strdup_printf ("%u", c->row + 1);
          g_autofree char *column = g_strdup_printf ("%u", c->column + 1);

          attr (wr, "table", c->table);
          attr (wr, "row", row);
          attr (wr, "column", column);
        }
      else if (c->kind == NF_CONFLICT_ROW)
        attr (wr, "table", c->table);
      attr (wr, "ours", c->ours);
      attr (wr, "theirs", c->theirs);
      if ((c->kind == NF_CONFLICT_CELL && conflict_needs_cells (canvas, c)) ||
          (_nf_conflict_kind_is_field (c->kind) && c->ours_cell != NULL &&
           c->theirs_cell != NULL))
        for (guint side = 0; side < 2; side++)
          {
            const NfCell *cell = side == 0 ? c->ours_cell : c->theirs_cell;

            start (wr, side == 0 ? "ours" : "theirs");
            attr (wr, "metric", cell->row_metric);
            cell_of (wr, cell);
            end (wr);
          }
      end (wr);
    }
  if (started)
    end (wr);
}

static void
write_canvas (Writer   *wr,
              NfCanvas *canvas)
{
  GListModel *sources = nf_canvas_get_sources (canvas);
  GListModel *tables = nf_canvas_get_tables (canvas);
  GListModel *rates = nf_canvas_get_rates (canvas);
  GListModel *snapshots = nf_canvas_get_snapshots (canvas);

  static const char declaration[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  if (wr->w != NULL)
    check (wr, xmlTextWriterStartDocument (wr->w, NULL, "UTF-8", NULL));
  else
    emit (wr, declaration, sizeof declaration - 1);
  start (wr, "canvas");
  attr (wr, "xmlns", NF_CANVAS_NS);
  /* Counting, the version written is "1.N" like the one read, whichever
   * it is: the scan of every note and cell for what needs a newer one can
   * wait for a real write. */
  if (wr->out == NULL && wr->w == NULL && strlen (nf_canvas_get_version (canvas)) == 3)
    wr->version = nf_canvas_get_version (canvas);
  else
    wr->version = format_version (canvas);
  attr (wr, "version", wr->version);
  attr (wr, "xml:lang", nf_canvas_get_language (canvas));

  start (wr, "metadata");
  field (wr, "company", canvas, NF_FIELD_COMPANY);
  field (wr, "title", canvas, NF_FIELD_TITLE);
  element (wr, "label", nf_canvas_get_label (canvas));
  field (wr, "description", canvas, NF_FIELD_DESCRIPTION);
  extensions (wr, _nf_canvas_get_metadata_extensions (canvas));
  end (wr);

  if (g_list_model_get_n_items (sources) > 0)
    {
      start (wr, "sources");
      for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
        {
          g_autoptr(NfSource) s = g_list_model_get_item (sources, i);

          start (wr, "source");
          attr (wr, "id", nf_source_get_id (s));
          element (wr, "title", nf_source_get_title (s));
          element (wr, "publisher", nf_source_get_publisher (s));
          element (wr, "date", nf_source_get_date (s));
          element (wr, "address", nf_source_get_address (s));
          end (wr);
        }
      end (wr);
    }

  blocks_of_canvas (wr, canvas);

  if (g_list_model_get_n_items (tables) + g_list_model_get_n_items (rates) > 0)
    {
      start (wr, "metrics");
      for (guint i = 0; i < g_list_model_get_n_items (rates); i++)
        {
          g_autoptr(NfRate) r = g_list_model_get_item (rates, i);
          g_autofree char *value = nf_number_format_xml (nf_rate_get_value (r));

          start (wr, "rate");
          attr (wr, "from", nf_rate_get_from (r));
          attr (wr, "to", nf_rate_get_to (r));
          attr (wr, "value", value);
          attr (wr, "date", nf_rate_get_date (r));
          end (wr);
        }
      for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
        {
          g_autoptr(NfMetricTable) t = g_list_model_get_item (tables, i);
          table (wr, t);
        }
      end (wr);
    }
  conflicts (wr, canvas);
  if (g_list_model_get_n_items (snapshots) > 0)
    {
      start (wr, "snapshots");
      for (guint i = 0; i < g_list_model_get_n_items (snapshots); i++)
        {
          g_autoptr(NfSnapshot) s = g_list_model_get_item (snapshots, i);
          snapshot (wr, s);
        }
      end (wr);
    }
  extensions (wr, _nf_canvas_get_extensions (canvas));
  end (wr);
  if (wr->w != NULL)
    check (wr, xmlTextWriterEndDocument (wr->w));
  else if (wr->depth != 0)
    wr->failed = TRUE;
}

/* The canonical bytes, not yet read back, and the format version they
 * say (the model's or a newer one: see format_version). */
static GBytes *
serialize (NfCanvas    *self,
           const char **out_version,
           GError     **error)
{
  Writer wr = { 0 };

  wr.out = g_string_sized_new (64 * 1024);
  write_canvas (&wr, self);
  if (wr.failed)
    {
      g_string_free (wr.out, TRUE);
      g_set_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_IO,
                   _("The canvas could not be turned into XML"));
      return NULL;
    }
  if (out_version != NULL)
    *out_version = wr.version;
  return g_string_free_to_bytes (wr.out);
}

GBytes *
_nf_canvas_serialize (NfCanvas  *self,
                      GError   **error)
{
  return serialize (self, NULL, error);
}

/* The same bytes through libxml2's xmlTextWriter: what the emitter is
 * checked against, and the benchmark's floor for a save. */
GBytes *
_nf_canvas_serialize_with_libxml (NfCanvas *self)
{
  xmlBufferPtr buffer;
  GBytes *bytes;
  Writer wr = { 0 };

  buffer = xmlBufferCreate ();
  /* Grown by doubling, not to the exact size of each write. */
  if (buffer != NULL)
    xmlBufferSetAllocationScheme (buffer, XML_BUFFER_ALLOC_DOUBLEIT);
  wr.w = xmlNewTextWriterMemory (buffer, 0);
  if (wr.w == NULL)
    {
      xmlBufferFree (buffer);
      return NULL;
    }
  check (&wr, xmlTextWriterSetIndent (wr.w, 1));
  check (&wr, xmlTextWriterSetIndentString (wr.w, (const xmlChar *) "  "));
  write_canvas (&wr, self);
  xmlFreeTextWriter (wr.w);  /* flushes into the buffer */
  if (wr.failed)
    {
      xmlBufferFree (buffer);
      return NULL;
    }
  bytes = g_bytes_new (xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

/* The size of the canonical bytes, counted rather than made: more than
 * NF_CANVAS_MAX_FILE_SIZE means “too large”. */
gsize
_nf_canvas_canonical_size (NfCanvas *self)
{
  Writer wr = { 0 };

  write_canvas (&wr, self);
  return wr.failed ? G_MAXSIZE : wr.size;
}

GBytes *
nf_canvas_save_to_bytes (NfCanvas  *self,
                         GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(NfCanvas) reread = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *version = NULL;
  gboolean differs = FALSE;

  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);

  if (!(bytes = serialize (self, &version, error)))
    return NULL;
  /* The loader's limit, said as what it is rather than as a failed read. */
  if (g_bytes_get_size (bytes) > NF_CANVAS_MAX_FILE_SIZE)
    {
      g_set_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_TOO_LARGE,
                   _("Nothing was saved: written out, the canvas would be %.1f MiB, more "
                     "than the %d MiB a canvas file may be; move some notes or tables to "
                     "another canvas"),
                   g_bytes_get_size (bytes) / (1024.0 * 1024.0),
                   NF_CANVAS_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Never write what we could not read back: the bytes go through the same
   * loader a user's file does, with all its checks, and must give the same
   * canvas. The notes, nearly all of a large canvas, are compared with
   * ours as they are read rather than built a second time. */
  reread = _nf_canvas_load_from_data_full (g_bytes_get_data (bytes, NULL),
                                           g_bytes_get_size (bytes), _("the saved canvas"),
                                           self, &differs, &local_error);
  if (reread == NULL && !differs)
    {
      g_set_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_IO,
                   _("Nothing was saved: the canvas would not read back (%s)"),
                   local_error->message);
      return NULL;
    }
  /* The version written may be newer than the model's (see
   * format_version); that is the one difference allowed. */
  if (!differs && g_str_equal (nf_canvas_get_version (reread), version))
    _nf_canvas_set_version (reread, nf_canvas_get_version (self));
  if (differs || !_nf_canvas_equal_but_notes (self, reread))
    {
      g_set_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_IO,
                   _("Nothing was saved: the canvas would not read back the same"));
      return NULL;
    }
  return g_steal_pointer (&bytes);
}
