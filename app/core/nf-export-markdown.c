/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-export"

#include "config.h"

#include <string.h>

#include "nf-i18n-private.h"

#include "nf-atomic-file.h"
#include "nf-export-markdown.h"

/* The write-up is shaped for the importer (docs/IMPORT.md): block
 * sections are level-2 headings, so the level-1 title is no section and
 * a level-2 heading that names no block ("Sources") ends the last one;
 * a level-3 heading right above a pipe table titles it. Tables come
 * after a block's notes, since the importer would glue a sub-heading
 * onto the paragraph after it. */

/* Text on one line: Markdown would join the lines of a list item or a
 * cell anyway, and a line break in a cell would end the table. */
static char *
one_line (const char *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  g_strdelimit (copy, "\r\n\t", ' ');
  return g_strdup (g_strstrip (copy));
}

/* Backslash-escapes what CommonMark (and GFM's tables and strikethrough)
 * would read as markup, so the importer gets the text back as written. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    in_table)
{
  g_autofree char *line = one_line (text);
  const char *p = line;

  /* What starts a block: "#", "-", "+", "*", ">", "=", "1.", "1)". */
  if (strchr ("#-+*>=", *p) != NULL && *p != '\0')
    {
      g_string_append_c (out, '\\');
      g_string_append_c (out, *p++);
    }
  else if (g_ascii_isdigit (*p))
    {
      const char *d = p;

      while (g_ascii_isdigit (*d))
        d++;
      if (*d == '.' || *d == ')')
        {
          g_string_append_len (out, p, d - p);
          g_string_append_c (out, '\\');
          g_string_append_c (out, *d);
          p = d + 1;
        }
    }

  for (; *p != '\0'; p++)
    {
      /* "&" only before what could be an entity; "!" needs no escape
       * once "[" has one. */
      if ((*p != '&' && strchr ("\\`*_[]<>~", *p) != NULL) || (in_table && *p == '|') ||
          (*p == '&' && (g_ascii_isalpha (p[1]) || p[1] == '#')))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
append_front_value (GString    *out,
                    const char *key,
                    const char *value)
{
  g_autofree char *line = NULL;

  if (value == NULL || *value == '\0')
    return;
  line = one_line (value);
  /* A YAML double-quoted scalar: whatever the text holds (quotes, ":",
   * "#", a leading "*", "&" or "!"), a YAML parser and the importer read
   * it back as it was. Only "\\", "\"" and what YAML does not allow
   * unescaped (C0 and C1 controls, DEL, lone surrogates cannot occur)
   * need escapes. */
  g_string_append_printf (out, "%s: \"", key);
  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\\' || c == '"')
        g_string_append_printf (out, "\\%c", (char) c);
      else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
        g_string_append_printf (out, "\\x%02x", c);
      else if (c == 0xfeff)
        g_string_append (out, "\\ufeff");  /* a BOM mid-stream is refused */
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_string_append (out, "\"\n");
}

/* The column's header, with its unit in brackets ("Drivers (drivers)")
 * unless it ends so already: the importer reads a unit only from there. */
static char *
column_header (const NfColumn *column,
               const char     *lang)
{
  const char *name = column->name != NULL ? nf_text_for_language (column->name, lang) : "";
  g_autofree char *bracketed = NULL;

  if (column->unit == NULL || *column->unit == '\0')
    return g_strdup (name);
  bracketed = g_strdup_printf ("(%s)", column->unit);
  if (g_str_has_suffix (name, bracketed))
    return g_strdup (name);
  if (*name == '\0')
    return g_steal_pointer (&bracketed);
  return g_strdup_printf ("%s %s", name, bracketed);
}

static void
append_table (GString       *out,
              NfMetricTable *table,
              const char    *lang)
{
  NfText *title = nf_metric_table_get_title (table);
  guint n_columns = nf_metric_table_get_n_columns (table);
  guint n_rows = nf_metric_table_get_n_rows (table);

  if (n_columns == 0)
    return;
  if (title != NULL && *nf_text_for_language (title, lang) != '\0')
    {
      g_string_append (out, "### ");
      append_escaped (out, nf_text_for_language (title, lang), FALSE);
      g_string_append (out, "\n\n");
    }

  g_string_append_c (out, '|');
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *header = column_header (nf_metric_table_get_column (table, c), lang);

      g_string_append_c (out, ' ');
      append_escaped (out, header, TRUE);
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|");
  for (guint c = 0; c < n_columns; c++)
    {
      NfColumnType type = nf_metric_table_get_column (table, c)->type;

      /* Figures right-aligned, as a reader expects them. */
      g_string_append (out, type == NF_COLUMN_TEXT ? " --- |" : " ---: |");
    }
  g_string_append_c (out, '\n');
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append_c (out, '|');
      for (guint c = 0; c < n_columns; c++)
        {
          const NfCell *cell = nf_metric_table_get_cell (table, r, c);

          g_string_append_c (out, ' ');
          append_escaped (out, cell != NULL ? nf_cell_get_text_for_language (cell, lang) : "", TRUE);
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static void
append_tables_of (GString    *out,
                  NfCanvas   *canvas,
                  NfBlock     block,
                  const char *lang)
{
  GListModel *tables = nf_canvas_get_tables (canvas);

  for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
    {
      g_autoptr(NfMetricTable) table = g_list_model_get_item (tables, i);

      if (nf_metric_table_get_block (table) == block)
        append_table (out, table, lang);
    }
}

static void
append_sources (GString  *out,
                NfCanvas *canvas)
{
  GListModel *sources = nf_canvas_get_sources (canvas);
  guint n = g_list_model_get_n_items (sources);

  if (n == 0)
    return;
  g_string_append_printf (out, "## %s\n\n", _("Sources"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NfSource) source = g_list_model_get_item (sources, i);
      const char *fields[] = {
        nf_source_get_publisher (source), nf_source_get_date (source),
      };
      const char *title = nf_source_get_title (source);
      const char *address = nf_source_get_address (source);

      g_string_append (out, "- ");
      append_escaped (out, title != NULL && *title ? title : nf_source_get_id (source), FALSE);
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        if (fields[f] != NULL && *fields[f] != '\0')
          {
            g_string_append (out, ", ");
            append_escaped (out, fields[f], FALSE);
          }
      if (address != NULL && *address != '\0')
        {
          g_string_append (out, ": ");
          append_escaped (out, address, FALSE);
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

/* "key-partners" gives "Key Partners": the English name, which the
 * importer knows whatever the locale (nf_block_title is translated). */
static char *
block_name (NfBlock block)
{
  char *name = g_strdup (nf_block_to_xml (block));

  for (char *p = name; *p != '\0'; p++)
    {
      if (*p == '-')
        *p = ' ';
      else if (p == name || p[-1] == ' ')
        *p = g_ascii_toupper (*p);
    }
  return name;
}

static gboolean
has_unplaced_tables (NfCanvas *canvas)
{
  GListModel *tables = nf_canvas_get_tables (canvas);

  for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
    {
      g_autoptr(NfMetricTable) table = g_list_model_get_item (tables, i);

      if (nf_metric_table_get_block (table) == NF_BLOCK_NONE)
        return TRUE;
    }
  return FALSE;
}

char *
nf_export_markdown (NfCanvas   *canvas,
                    const char *lang)
{
  GString *out = g_string_new (NULL);
  GListModel *sources;
  const char *title;
  const char *date = NULL;

  g_return_val_if_fail (NF_IS_CANVAS (canvas), NULL);

  sources = nf_canvas_get_sources (canvas);
  if (g_list_model_get_n_items (sources) > 0)
    {
      g_autoptr(NfSource) first = g_list_model_get_item (sources, 0);

      date = nf_source_get_date (first);
    }
  title = nf_canvas_get_title_for_language (canvas, lang);
  if (title == NULL || *title == '\0')
    title = nf_canvas_get_company_for_language (canvas, lang);
  if (title == NULL || *title == '\0')
    title = _("Untitled canvas");

  g_string_append (out, "---\n");
  append_front_value (out, "title", title);
  append_front_value (out, "company", nf_canvas_get_company_for_language (canvas, lang));
  append_front_value (out, "date", date);
  append_front_value (out, "language", lang != NULL ? lang : nf_canvas_get_language (canvas));
  append_front_value (out, "description", nf_canvas_get_description_for_language (canvas, lang));
  g_string_append (out, "---\n\n# ");
  append_escaped (out, title, FALSE);
  g_string_append (out, "\n\n");

  for (NfBlock block = 0; block < NF_N_BLOCKS; block++)
    {
      GListModel *notes = nf_canvas_get_notes (canvas, block);
      guint n = g_list_model_get_n_items (notes);
      g_autofree char *name = block_name (block);

      g_string_append_printf (out, "## %s\n\n", name);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NfNote) note = g_list_model_get_item (notes, i);

          g_string_append (out, "- ");
          append_escaped (out, nf_text_for_language (nf_note_get_text (note), lang), FALSE);
          g_string_append_c (out, '\n');
        }
      if (n > 0)
        g_string_append_c (out, '\n');
      append_tables_of (out, canvas, block, lang);
    }

  if (has_unplaced_tables (canvas))
    {
      g_string_append_printf (out, "## %s\n\n", _("Other metrics"));
      append_tables_of (out, canvas, NF_BLOCK_NONE, lang);
    }
  append_sources (out, canvas);
  return g_string_free (out, FALSE);
}

gboolean
nf_export_markdown_to_file (NfCanvas     *canvas,
                            const char   *lang,
                            GFile        *file,
                            GCancellable *cancellable,
                            GError      **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (NF_IS_CANVAS (canvas), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = nf_export_markdown (canvas, lang);
  if (!nf_atomic_file_replace_contents (file, text, strlen (text), NF_ATOMIC_FILE_NONE, NULL,
                                        NULL, cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
