/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-import"

#include "config.h"

#include <string.h>

#include "nf-i18n-private.h"

#include "nf-canvas-private.h"
#include "nf-canvas-xml.h"
#include "nf-canvas-xml-private.h"
#include "nf-import-private.h"
#include "nf-metric-table-private.h"
#include "nf-note-private.h"

#define SOURCE_ID "s1"

/* How a section of a write-up is announced. */
typedef enum {
  STYLE_NONE,
  STYLE_HEADING,         /* a Markdown heading: "### Key Partners" */
  STYLE_BUSINESS_MODEL,  /* "Acme - Business Model: Key Partners" */
  STYLE_PSEUDO,          /* a bold paragraph, or a short line in plain text */
} Style;

typedef struct {
  Style         style;
  NfBlock       block;
  NfImportMatch match;
} Candidate;

typedef struct {
  NfBlock  block;
  guint    line;
  char    *text;
} PlannedNote;

typedef struct {
  NfBlock       block;
  char         *title;   /* NULL: "<Block> table <number>" */
  guint         number;
  NfImportItem *item;
} PlannedTable;

/* The import decided before the canvas is built, so a refusal costs no
 * model objects. */
typedef struct {
  NfImportText  text;
  GArray       *items;
  Candidate    *candidates;
  GArray       *notes;    /* PlannedNote */
  GArray       *tables;   /* PlannedTable */
  guint         block_tables[NF_N_BLOCKS + 1];
  guint64       n_cells;
  NfImportItem *oversized;   /* the first table past a table's limits */
  guint         filled;   /* bit per block with content */
  guint         strong;   /* bit per block entered by its own name */
  guint         first_section;  /* item index of the first section, or len */

  /* the section being read */
  NfBlock       current;
  char         *sub;      /* the pending sub-heading, or NULL */
  guint         sub_line;
  gboolean      sub_in_note;
  gboolean      sub_in_table;
} Plan;

static void
planned_note_clear (gpointer data)
{
  g_free (((PlannedNote *) data)->text);
}

static void
planned_table_clear (gpointer data)
{
  g_free (((PlannedTable *) data)->title);
}

static void
plan_clear (Plan *plan)
{
  _nf_import_text_clear (&plan->text);
  g_clear_pointer (&plan->items, g_array_unref);
  g_clear_pointer (&plan->candidates, g_free);
  g_clear_pointer (&plan->notes, g_array_unref);
  g_clear_pointer (&plan->tables, g_array_unref);
  g_clear_pointer (&plan->sub, g_free);
}

static gboolean
ends_with_cjk (const char *text)
{
  const char *last = *text ? g_utf8_find_prev_char (text, text + strlen (text)) : NULL;

  return last && _nf_import_is_cjk (g_utf8_get_char (last));
}

/* In plain text a sub-heading is a short line that is not a sentence. */
static gboolean
is_short_line (const char *text)
{
  static const char * const stops[] = {
    ".", ",", ";", ":", "!", "?", "。", "，", "；", "：", "！", "？", "…", ")",
  };
  glong chars = g_utf8_strlen (text, -1);
  guint words = 1;

  if (chars == 0 || chars > 60)
    return FALSE;
  for (const char *p = text; *p; p++)
    words += *p == ' ';
  if (words > 8)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    if (g_str_has_suffix (text, stops[i]))
      return FALSE;
  return TRUE;
}

static void
classify (Plan *plan)
{
  plan->candidates = g_new0 (Candidate, plan->items->len);
  for (guint i = 0; i < plan->items->len; i++)
    {
      NfImportItem *item = &g_array_index (plan->items, NfImportItem, i);
      Candidate *c = &plan->candidates[i];
      const char *name;

      c->block = NF_BLOCK_NONE;
      if (item->kind == NF_IMPORT_TABLE || item->kind == NF_IMPORT_LIST_ITEM)
        continue;
      if ((name = _nf_import_business_model_name (item->text)))
        c->style = STYLE_BUSINESS_MODEL;
      else if (item->kind == NF_IMPORT_HEADING)
        c->style = STYLE_HEADING, name = item->text;
      else if (item->emphasised || (plan->text.line_mode && is_short_line (item->text)))
        c->style = STYLE_PSEUDO, name = item->text;
      else
        continue;
      c->block = _nf_import_match_block (name, &c->match);
    }
}

static void
add_note (Plan       *plan,
          const char *text,
          guint       line)
{
  PlannedNote note = { plan->current, line, g_strdup (text) };

  g_array_append_val (plan->notes, note);
  plan->filled |= 1u << plan->current;
}

/* A sub-heading no paragraph or table took is kept as a note of its own:
 * nothing of the write-up's sections is dropped. */
static void
flush_sub (Plan *plan)
{
  if (plan->sub && !plan->sub_in_note && !plan->sub_in_table && plan->current != NF_BLOCK_NONE)
    add_note (plan, plan->sub, plan->sub_line);
  g_clear_pointer (&plan->sub, g_free);
}

static void
enter (Plan    *plan,
       NfBlock  block,
       gboolean strong)
{
  flush_sub (plan);
  plan->current = block;
  if (strong && block != NF_BLOCK_NONE)
    plan->strong |= 1u << block;
}

static void
sub_heading (Plan               *plan,
             const NfImportItem *item)
{
  flush_sub (plan);
  if (plan->current == NF_BLOCK_NONE || *item->text == '\0')
    return;
  plan->sub = g_strdup (item->text);
  plan->sub_line = item->line;
  plan->sub_in_note = plan->sub_in_table = FALSE;
}

/* "Ridesharing platforms" over "Senmiao collaborates with…" makes
 * "Ridesharing platforms: Senmiao collaborates with…": the note reads on
 * its own, and cites the paragraph, where its facts are. */
static void
paragraph (Plan               *plan,
           const NfImportItem *item)
{
  g_autofree char *joined = NULL;
  const char *glue;

  if (plan->current == NF_BLOCK_NONE || *item->text == '\0')
    return;
  if (plan->sub == NULL || plan->sub_in_note)
    {
      add_note (plan, item->text, item->line);
      return;
    }
  if (g_str_has_suffix (plan->sub, "："))
    glue = "";
  else if (g_str_has_suffix (plan->sub, ":"))
    glue = " ";
  else
    glue = ends_with_cjk (plan->sub) ? "：" : ": ";
  joined = g_strconcat (plan->sub, glue, item->text, NULL);
  if (strlen (joined) > NF_CANVAS_MAX_FIELD_SIZE)
    {
      char *cut = _nf_import_collapse (joined, NF_CANVAS_MAX_FIELD_SIZE);

      g_free (joined);
      joined = cut;
    }
  plan->sub_in_note = TRUE;
  add_note (plan, joined, item->line);
}

static void
table (Plan         *plan,
       NfImportItem *item)
{
  guint index = plan->current == NF_BLOCK_NONE ? NF_N_BLOCKS : (guint) plan->current;
  PlannedTable planned = { plan->current, NULL, ++plan->block_tables[index], item };

  if (plan->sub && !plan->sub_in_table)
    {
      planned.title = g_strdup (plan->sub);
      plan->sub_in_table = TRUE;
    }
  g_array_append_val (plan->tables, planned);
  plan->n_cells += item->cells->len;
  /* The header row is not a row of the table. */
  if (plan->oversized == NULL && item->n_columns > 0 &&
      (item->n_columns > NF_CANVAS_MAX_COLUMNS ||
       item->cells->len / item->n_columns > NF_CANVAS_MAX_ROWS + 1))
    plan->oversized = item;
  if (plan->current != NF_BLOCK_NONE)
    plan->filled |= 1u << plan->current;
}

/* Which way of announcing sections the write-up uses, and at which
 * heading level: the level most block headings have. */
static Style
choose_style (Plan  *plan,
              guint *out_level)
{
  guint levels[7] = { 0 };
  gboolean business = FALSE, pseudo = FALSE, heading = FALSE;

  for (guint i = 0; i < plan->items->len; i++)
    {
      Candidate *c = &plan->candidates[i];
      NfImportItem *item = &g_array_index (plan->items, NfImportItem, i);

      if (c->block == NF_BLOCK_NONE)
        continue;
      business |= c->style == STYLE_BUSINESS_MODEL;
      pseudo |= c->style == STYLE_PSEUDO;
      if (c->style == STYLE_HEADING)
        heading = TRUE, levels[MIN (item->level, 6)]++;
    }
  *out_level = 6;
  for (guint l = 6; l >= 1; l--)
    if (levels[l] >= levels[*out_level])
      *out_level = l;
  return business ? STYLE_BUSINESS_MODEL : heading ? STYLE_HEADING :
         pseudo ? STYLE_PSEUDO : STYLE_NONE;
}

static void
read_sections (Plan *plan)
{
  guint level;
  Style style = choose_style (plan, &level);

  plan->current = NF_BLOCK_NONE;
  plan->first_section = plan->items->len;
  if (style == STYLE_NONE)
    return;

  for (guint i = 0; i < plan->items->len; i++)
    {
      NfImportItem *item = &g_array_index (plan->items, NfImportItem, i);
      Candidate *c = &plan->candidates[i];
      NfBlock before = plan->current;

      if (item->kind == NF_IMPORT_HEADING && *item->text == '\0')
        {
          /* An empty heading announces nothing; what follows stays where
           * it was, and the writer hears of it. */
          if (plan->current != NF_BLOCK_NONE)
            _nf_import_text_repair (&plan->text, item->line,
                                    _("an empty heading; the text under it stays in %s"),
                                    nf_block_title (plan->current));
          else
            _nf_import_text_repair (&plan->text, item->line, _("an empty heading"));
          continue;
        }

      if (c->style == STYLE_BUSINESS_MODEL)
        enter (plan, c->block, TRUE);
      else if (item->kind == NF_IMPORT_HEADING)
        {
          gboolean section_level = style != STYLE_HEADING || item->level <= level;

          if (c->block != NF_BLOCK_NONE && section_level)
            enter (plan, c->block, c->match == NF_IMPORT_MATCH_EXACT);
          else if (style == STYLE_HEADING && section_level)
            enter (plan, NF_BLOCK_NONE, FALSE);  /* "## Conclusion" ends it */
          else
            sub_heading (plan, item);
        }
      else if (c->style == STYLE_PSEUDO)
        {
          if (style == STYLE_PSEUDO && c->block != NF_BLOCK_NONE)
            enter (plan, c->block, c->match == NF_IMPORT_MATCH_EXACT);
          else
            sub_heading (plan, item);
        }
      else if (item->kind == NF_IMPORT_TABLE)
        table (plan, item);
      else
        paragraph (plan, item);

      if (before == NF_BLOCK_NONE && plan->current != NF_BLOCK_NONE && plan->first_section > i)
        plan->first_section = i;
    }
  flush_sub (plan);
}

static void
count_scripts (const char *text,
               guint64    *han,
               guint64    *latin)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        *latin += g_ascii_isalpha (c);
      else if (_nf_import_is_cjk (c))
        (*han)++;
    }
}

/* Chinese when Han characters outnumber Latin letters in what was kept. */
static const char *
document_language (Plan *plan)
{
  guint64 han = 0, latin = 0;

  if (plan->text.front.language)
    return plan->text.front.language;
  for (guint i = 0; i < plan->notes->len; i++)
    count_scripts (g_array_index (plan->notes, PlannedNote, i).text, &han, &latin);
  for (guint i = 0; i < plan->tables->len; i++)
    {
      GPtrArray *cells = g_array_index (plan->tables, PlannedTable, i).item->cells;

      for (guint k = 0; k < cells->len; k++)
        count_scripts (cells->pdata[k], &han, &latin);
    }
  return han > latin ? "zh" : "en";
}

/* --- building the canvas ---------------------------------------------- */

static gboolean
build_table (NfCanvas           *canvas,
             const PlannedTable *planned,
             const char         *language,
             GError            **error)
{
  NfImportItem *item = planned->item;
  guint n_columns = item->n_columns;
  guint n_rows = item->cells->len / n_columns;
  g_autofree char *id = nf_canvas_new_table_id (canvas);
  g_autofree char *title = NULL;
  g_autoptr(NfText) title_text = NULL;
  g_autoptr(NfMetricTable) metric = NULL;
  const char * const *cells = (const char * const *) item->cells->pdata;

  gboolean chinese = g_str_has_prefix (language, "zh");

  /* A made-up title is content in the canvas's language, not the UI's. */
  if (planned->title)
    title = g_strdup (planned->title);
  else if (planned->block != NF_BLOCK_NONE)
    title = g_strdup_printf (chinese ? "%s 表%u" : "%s table %u",
                             _nf_import_block_name (planned->block, language), planned->number);
  else
    title = g_strdup_printf (chinese ? "表%u" : "Table %u", planned->number);

  title_text = nf_text_new (title);
  metric = nf_metric_table_new (id, title_text);
  /* The model has no public edit for a table's source: set it while the
   * table is still ours alone, before it joins the canvas. */
  _nf_metric_table_set_cite (metric, SOURCE_ID, item->line);
  if (!nf_canvas_insert_table (canvas, G_MAXUINT, metric, error))
    return FALSE;
  nf_canvas_set_table_block (canvas, metric, planned->block);

  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GPtrArray) column = g_ptr_array_new ();
      g_autoptr(NfText) name = NULL;
      NfImportColumn typed;

      for (guint r = 1; r < n_rows; r++)
        g_ptr_array_add (column, (gpointer) cells[r * n_columns + c]);
      _nf_import_type_column ((const char * const *) column->pdata, column->len,
                              cells[c], c, &typed);
      name = nf_text_new (cells[c]);
      nf_canvas_insert_table_column (canvas, metric, c, name, typed.type, typed.unit);
      g_free (typed.unit);
    }
  for (guint r = 1; r < n_rows; r++)
    nf_canvas_insert_table_row (canvas, metric, r - 1, cells + r * n_columns);
  return TRUE;
}

static NfCanvas *
build_canvas (Plan       *plan,
              const char *address,
              GError    **error)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  g_autofree char *title = _nf_import_title (&plan->text, plan->items, plan->first_section,
                                             address);
  g_autofree char *company = _nf_import_company (&plan->text, plan->items, title);
  const char *language = document_language (plan);
  g_autoptr(NfSource) source = nf_source_new (SOURCE_ID, title, NULL, plan->text.front.date,
                                              address);
  GPtrArray *notes[NF_N_BLOCKS];

  /* Built as the file loader builds a canvas, straight into the model:
   * going through the undoable edits would record a step per note (8.5 µs
   * and 800 bytes each) only for the history to be cleared below. The
   * ids are the ones nf_canvas_new_note_id() would give, in input order. */
  if (plan->notes->len > NF_CANVAS_MAX_NOTES)
    {
      g_set_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_TOO_LARGE,
                   _("A canvas can hold at most a million notes"));
      return NULL;
    }
  _nf_canvas_set_field (canvas, NF_FIELD_COMPANY, company);
  _nf_canvas_set_field (canvas, NF_FIELD_TITLE, title);
  _nf_canvas_set_field (canvas, NF_FIELD_LANGUAGE, language);
  if (plan->text.front.description)
    _nf_canvas_set_field (canvas, NF_FIELD_DESCRIPTION, plan->text.front.description);
  g_list_store_append (_nf_canvas_get_source_store (canvas), source);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    notes[b] = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < plan->notes->len; i++)
    {
      PlannedNote *planned = &g_array_index (plan->notes, PlannedNote, i);
      g_autofree char *id = g_strdup_printf ("n%u", i + 1);
      g_autoptr(NfText) text = nf_text_new (planned->text);
      NfNote *note = nf_note_new (id, text);

      _nf_note_set_cite (note, SOURCE_ID, planned->line);
      g_ptr_array_add (notes[planned->block], note);
    }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      _nf_canvas_splice_notes (canvas, (NfBlock) b, (NfNote **) notes[b]->pdata, notes[b]->len);
      g_ptr_array_unref (notes[b]);
    }

  /* Tables are few; their rows are typed and parsed by the edits. */
  nf_canvas_begin_group (canvas, _("Import"));
  for (guint i = 0; i < plan->tables->len; i++)
    if (!build_table (canvas, &g_array_index (plan->tables, PlannedTable, i),
                      nf_canvas_get_language (canvas), error))
      {
        nf_canvas_end_group (canvas);
        return NULL;
      }
  nf_canvas_end_group (canvas);

  /* The import is where this canvas starts: nothing to undo, nothing to
   * save yet. */
  nf_history_clear (nf_canvas_get_history (canvas));
  nf_canvas_mark_saved (canvas);
  return g_steal_pointer (&canvas);
}

/* CR LF and lone CR end lines as LF does (nf_text_clean would drop a lone
 * CR and join its lines); a byte-order mark is no content. */
static char *
normalise_input (const char *data,
                 gsize       length)
{
  g_autofree char *folded = g_malloc (length + 1);
  gsize n = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, length -= 3;
  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '\r')
        {
          folded[n++] = '\n';
          if (i + 1 < length && data[i + 1] == '\n')
            i++;
        }
      else
        folded[n++] = data[i];
    }
  folded[n] = '\0';
  return nf_text_clean (folded, (gssize) n);
}

static int
compare_repairs (gconstpointer a,
                 gconstpointer b)
{
  guint la = ((const NfImportRepair *) a)->line, lb = ((const NfImportRepair *) b)->line;

  return la < lb ? -1 : la > lb;
}

static GPtrArray *
repairs_to_warnings (NfImportText *text,
                     const char   *name)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  /* Found in passes (text, Markdown, sections): told in line order. */
  g_array_sort (text->repairs, compare_repairs);
  for (guint i = 0; i < text->repairs->len; i++)
    {
      NfImportRepair *repair = &g_array_index (text->repairs, NfImportRepair, i);
      GError *warning = NULL;

      _nf_xml_set_error (&warning, NF_CANVAS_ERROR_INVALID, name, (int) repair->line, "%s",
                         repair->message);
      g_ptr_array_add (warnings, warning);
    }
  return warnings;
}

static NfCanvas *
import (const char  *data,
        gsize        length,
        const char  *name,
        const char  *address,
        GPtrArray  **out_warnings,
        GError     **error)
{
  g_autofree char *input = NULL;
  Plan plan = { 0 };
  NfCanvas *canvas = NULL;

  if (length > NF_CANVAS_MAX_FILE_SIZE)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, name, 0,
                         _("the write-up is larger than %d MiB, the most Ninefold imports"),
                         NF_CANVAS_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  input = normalise_input (data, length);
  if (!_nf_import_text_prepare (&plan.text, input, name, error))
    goto out;
  g_clear_pointer (&input, g_free);

  plan.items = _nf_import_markdown_items (&plan.text, NF_CANVAS_MAX_NOTES, error);
  if (plan.items == NULL)
    goto out;
  if (plan.items->len > NF_CANVAS_MAX_NOTES)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, name, 0,
                         _("the write-up has more than %d paragraphs, more than a canvas "
                           "may hold"),
                         NF_CANVAS_MAX_NOTES);
      goto out;
    }
  plan.notes = g_array_new (FALSE, FALSE, sizeof (PlannedNote));
  g_array_set_clear_func (plan.notes, planned_note_clear);
  plan.tables = g_array_new (FALSE, FALSE, sizeof (PlannedTable));
  g_array_set_clear_func (plan.tables, planned_table_clear);
  classify (&plan);
  read_sections (&plan);

  /* One section named by a synonym ("Partners") may be chance; two
   * blocks, or one named outright, make a canvas. */
  if (!(g_bit_nth_lsf (plan.filled, -1) != g_bit_nth_msf (plan.filled, -1) ||
        (plan.filled & plan.strong) != 0))
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_NOT_A_CANVAS, name, 0,
                         _("this does not read as a business model: no section is about "
                           "partners, activities, resources, value propositions, customer "
                           "relationships, channels, customer segments, costs or revenue"));
      goto out;
    }
  if (plan.n_cells > NF_CANVAS_MAX_CELLS)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, name, 0,
                         _("the write-up's tables have more than %d cells, more than a "
                           "canvas may hold"),
                         NF_CANVAS_MAX_CELLS);
      goto out;
    }
  if (plan.oversized != NULL)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, name, (int) plan.oversized->line,
                         _("the table has more than %d rows or %d columns, more than a "
                           "canvas's table may hold"),
                         NF_CANVAS_MAX_ROWS, NF_CANVAS_MAX_COLUMNS);
      goto out;
    }
  canvas = build_canvas (&plan, address, error);
  if (canvas && out_warnings)
    *out_warnings = repairs_to_warnings (&plan.text, name);

out:
  plan_clear (&plan);
  return canvas;
}

NfCanvas *
nf_import_from_data (const char  *data,
                     gsize        length,
                     const char  *name,
                     GError     **error)
{
  return nf_import_from_data_full (data, length, name, NULL, error);
}

NfCanvas *
nf_import_from_data_full (const char  *data,
                          gsize        length,
                          const char  *name,
                          GPtrArray  **out_warnings,
                          GError     **error)
{
  g_autofree char *address = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = _("write-up");
  address = g_path_get_basename (name);
  if (out_warnings)
    *out_warnings = NULL;
  return import (data ? data : "", length, name, address, out_warnings, error);
}

NfCanvas *
nf_import_from_file (GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return nf_import_from_file_full (file, cancellable, NULL, error);
}

NfCanvas *
nf_import_from_file_full (GFile         *file,
                          GCancellable  *cancellable,
                          GPtrArray    **out_warnings,
                          GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_warnings)
    *out_warnings = NULL;
  name = g_file_get_parse_name (file);
  address = g_file_get_basename (file);

  /* Check the kind and size before reading a byte: a FIFO or a device
   * would hang us, a huge file eat memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_autofree char *problem = _nf_file_io_problem (local_error);

      _nf_xml_set_error (error, NF_CANVAS_ERROR_IO, name, 0, "%s", problem);
      return NULL;
    }
  /* GIO reports a link it cannot follow (a loop, or one to nothing) as
   * the link itself. */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SYMBOLIC_LINK)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_IO, name, 0, "%s", _nf_file_symlink_problem (file));
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_IO, name, 0, "%s",
                         _nf_file_not_regular_problem (file, g_file_info_get_file_type (info),
                                                       FALSE));
      return NULL;
    }
  if (g_file_info_get_size (info) > NF_CANVAS_MAX_FILE_SIZE)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, name, 0,
                         _("the write-up is larger than %d MiB, the most Ninefold imports"),
                         NF_CANVAS_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  stream = g_file_read (file, cancellable, &local_error);
  if (stream)
    {
      g_autoptr(GByteArray) buffer = g_byte_array_sized_new (g_file_info_get_size (info) + 1);
      guint8 chunk[64 * 1024];
      gssize got;

      /* Read to the end, or one byte past the cap: a file may grow while
       * it is read. */
      while ((got = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk,
                                         cancellable, &local_error)) > 0 &&
             buffer->len <= NF_CANVAS_MAX_FILE_SIZE)
        g_byte_array_append (buffer, chunk, (guint) got);
      if (got >= 0)
        bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
    }
  if (bytes == NULL)
    {
      g_autofree char *problem = _nf_file_io_problem (local_error);

      _nf_xml_set_error (error, NF_CANVAS_ERROR_IO, name, 0, "%s", problem);
      return NULL;
    }
  return import (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name, address,
                 out_warnings, error);
}
