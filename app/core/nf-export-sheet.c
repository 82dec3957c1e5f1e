/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-export"

#include "config.h"

#include <math.h>
#include <errno.h>
#include <string.h>

#include "nf-i18n-private.h"
#include "nf-module-private.h"
#include "nf-xlsx-lib-private.h"
#include <glib/gstdio.h>

#include "nf-atomic-file.h"
#include "nf-canvas-xml.h"
#include "nf-diff.h"
#include "nf-export-sheet.h"
#include "nf-number.h"
#include "nf-stderr-hold-private.h"

/* Tables become sheets first, then CSV or XLSX: the two formats hold the
 * same columns, and a comparison is one more way of filling a sheet. */

typedef struct {
  char         *text;      /* as shown: the words, or the text as written */
  double        value;
  gboolean      has_value;
  NfColumnType  type;      /* of a figure */
  char         *unit;      /* of a figure: a unit or currency, or NULL */
} SheetCell;

typedef struct {
  char     *title;
  char     *id;            /* the table's, for a file name; may be NULL */
  guint     n_columns;
  GPtrArray *header;       /* of char* */
  GArray   *cells;         /* of SheetCell, row by row */
} Sheet;

static void
sheet_cell_clear (gpointer data)
{
  SheetCell *cell = data;

  g_free (cell->text);
  g_free (cell->unit);
}

static Sheet *
sheet_new (const char *title)
{
  Sheet *sheet = g_new0 (Sheet, 1);

  sheet->title = g_strdup (title);
  sheet->header = g_ptr_array_new_with_free_func (g_free);
  sheet->cells = g_array_new (FALSE, TRUE, sizeof (SheetCell));
  g_array_set_clear_func (sheet->cells, sheet_cell_clear);
  return sheet;
}

static void
sheet_free (gpointer data)
{
  Sheet *sheet = data;

  g_free (sheet->title);
  g_free (sheet->id);
  g_ptr_array_unref (sheet->header);
  g_array_unref (sheet->cells);
  g_free (sheet);
}

static void
add_text (Sheet      *sheet,
          const char *text)
{
  SheetCell cell = { g_strdup (text ? text : ""), 0, FALSE, NF_COLUMN_TEXT, NULL };

  g_array_append_val (sheet->cells, cell);
}

static void
add_figure (Sheet        *sheet,
            const char   *text,
            double        value,
            NfColumnType  type,
            const char   *unit)
{
  SheetCell cell = { g_strdup (text ? text : ""), value, TRUE, type,
                     unit != NULL && *unit != '\0' ? g_strdup (unit) : NULL };

  g_array_append_val (sheet->cells, cell);
}

/* The plain form of a figure, as a spreadsheet reads it back: "22351000",
 * "0.15" shown as "15%". */
static char *
plain_number (double       value,
              NfColumnType type)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (type == NF_COLUMN_PERCENT)
    return g_strconcat (g_ascii_formatd (buf, sizeof buf, "%.12g", value * 100), "%", NULL);
  return nf_number_format_xml (value);
}

/* Whether the text as written says only what the number does ("6,000",
 * "85%", "2018"): then a column beside it would repeat it. */
static gboolean
text_is_number (const char   *text,
                double        value,
                NfColumnType  type)
{
  g_autofree char *plain = plain_number (value, type);
  g_autoptr(GString) bare = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != ',' && *p != ' ')
      g_string_append_c (bare, *p);
  return g_str_equal (bare->str, plain);
}

static gboolean
is_figure_column (NfMetricTable *table,
                  guint          column)
{
  if (nf_metric_table_get_column (table, column)->type == NF_COLUMN_TEXT)
    return FALSE;
  for (guint r = 0; r < nf_metric_table_get_n_rows (table); r++)
    if (nf_metric_table_get_cell (table, r, column)->has_value)
      return TRUE;
  return FALSE;
}

static char *
written_header (const char *name)
{
  /* TRANSLATORS: the header of a spreadsheet column that keeps a figure's
   * text as written ("近200人") beside the number; %s is the column's name. */
  return g_strdup_printf (_("%s (as written)"), name);
}

static Sheet *
sheet_of_table (NfMetricTable *table,
                const char    *lang)
{
  NfText *title = nf_metric_table_get_title (table);
  guint n_cols = nf_metric_table_get_n_columns (table);
  guint n_rows = nf_metric_table_get_n_rows (table);
  g_autofree gboolean *figures = g_new0 (gboolean, MAX (n_cols, 1));
  g_autofree gboolean *beside = g_new0 (gboolean, MAX (n_cols, 1));
  Sheet *sheet = sheet_new (title ? nf_text_for_language (title, lang) : "");

  sheet->id = g_strdup (nf_metric_table_get_id (table));

  for (guint c = 0; c < n_cols; c++)
    {
      const NfColumn *column = nf_metric_table_get_column (table, c);
      const char *name = column->name ? nf_text_for_language (column->name, lang) : "";

      figures[c] = is_figure_column (table, c);
      for (guint r = 0; figures[c] && r < n_rows; r++)
        {
          const NfCell *cell = nf_metric_table_get_cell (table, r, c);

          beside[c] |= cell->has_value &&
                       !text_is_number (nf_cell_get_text_for_language (cell, lang), cell->value,
                                        nf_cell_get_column (cell, column).type);
        }
      g_ptr_array_add (sheet->header, g_strdup (name));
      if (beside[c])
        g_ptr_array_add (sheet->header, written_header (name));
    }
  sheet->n_columns = sheet->header->len;

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_cols; c++)
      {
        const NfColumn *column = nf_metric_table_get_column (table, c);
        const NfCell *cell = nf_metric_table_get_cell (table, r, c);
        const char *text = nf_cell_get_text_for_language (cell, lang);
        /* A cell's own type and unit before its column's. */
        NfColumnType type = nf_cell_get_column (cell, column).type;
        const char *unit = cell->has_type ? nf_cell_get_unit_for_language (cell, lang) : column->unit;

        if (figures[c] && cell->has_value)
          add_figure (sheet, text, cell->value, type, unit);
        else
          add_text (sheet, text);
        if (beside[c])
          add_text (sheet, cell->has_value && !text_is_number (text, cell->value, type)
                           ? text : "");
      }
  return sheet;
}

static GPtrArray *
sheets_of_canvas (NfCanvas   *canvas,
                  const char *lang)
{
  GListModel *tables = nf_canvas_get_tables (canvas);
  GPtrArray *sheets = g_ptr_array_new_with_free_func (sheet_free);
  NfLanguageScope scope;

  /* The sheets' own words ("as written") in the language of their
   * figures' labels; errors stay in the user's. */
  nf_language_scope_enter (&scope, lang);
  for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr(NfMetricTable) table = g_list_model_get_item (tables, t);

      g_ptr_array_add (sheets, sheet_of_table (table, lang));
    }
  nf_language_scope_leave (&scope);
  return sheets;
}

/* The row's label in `lang`: the first canvas's label cell, translated
 * where it has a translation. */
static const char *
row_label (const NfDiffMetricRow *row,
           guint                  n_canvases,
           const char            *lang)
{
  for (guint i = 0; i < n_canvases; i++)
    if (row->tables[i] != NULL && row->label != NULL)
      for (guint c = 0; c < nf_metric_table_get_n_columns (row->tables[i]); c++)
        {
          const NfCell *cell = nf_metric_table_get_cell (row->tables[i], row->rows[i], c);

          if (g_strcmp0 (cell->text, row->label) == 0)
            return nf_cell_get_text_for_language (cell, lang);
        }
  return row->label ? row->label : "";
}

/* The one place that reads NfDiffMetrics: the aligned rows (at least two
 * canvases have them) as one sheet. */
static Sheet *
sheet_of_comparison (NfCanvas   **canvases,
                     guint        n_canvases,
                     const char  *lang)
{
  g_autoptr(NfDiffMetrics) metrics = nf_diff_metrics_new (canvases, n_canvases);
  NfLanguageScope scope;
  Sheet *sheet;

  nf_language_scope_enter (&scope, lang);
  sheet = sheet_new (_("Metrics compared"));

  g_ptr_array_add (sheet->header, g_strdup (_("Table")));
  g_ptr_array_add (sheet->header, g_strdup (_("Metric")));
  g_ptr_array_add (sheet->header, g_strdup (_("Column or year")));
  for (guint i = 0; i < n_canvases; i++)
    {
      const char *name = nf_canvas_get_company_for_language (canvases[i], lang);

      if (name == NULL || *name == '\0')
        name = nf_canvas_get_title_for_language (canvases[i], lang);
      g_ptr_array_add (sheet->header, g_strdup (name));
      g_ptr_array_add (sheet->header, written_header (name));
    }
  sheet->n_columns = sheet->header->len;

  for (guint r = 0; r < nf_diff_metrics_get_n_rows (metrics); r++)
    {
      const NfDiffMetricRow *row = nf_diff_metrics_get_row (metrics, r);
      const char *table_title = row->table_title;

      if (row->n_present < 2)
        continue;
      for (guint i = 0; i < n_canvases; i++)
        if (row->tables[i] != NULL)
          {
            table_title = nf_text_for_language (nf_metric_table_get_title (row->tables[i]), lang);
            break;
          }
      add_text (sheet, table_title);
      add_text (sheet, row_label (row, n_canvases, lang));
      add_text (sheet, row->column);
      for (guint i = 0; i < n_canvases; i++)
        {
          const char *text = "";
          NfColumnType type = NF_COLUMN_TEXT;

          if (row->tables[i] != NULL)
            {
              const NfCell *cell = nf_metric_table_get_cell (row->tables[i], row->rows[i], row->columns[i]);

              text = nf_cell_get_text_for_language (cell, lang);
              /* The cell's own type, as the sheet of its table writes it. */
              type = nf_cell_get_column (cell, nf_metric_table_get_column (row->tables[i], row->columns[i])).type;
            }
          if (row->present[i])
            add_figure (sheet, text, row->values[i], type, row->units[i]);
          else
            add_text (sheet, "");
          add_text (sheet, row->present[i] && !text_is_number (text, row->values[i], type) ? text : "");
        }
    }
  nf_language_scope_leave (&scope);
  return sheet;
}

/* --- CSV --- */

static void
csv_field (GString    *out,
           const char *text)
{
  gsize n = strlen (text);

  /* Quoted when a reader would otherwise split, join or trim it. */
  if (strpbrk (text, ",\"\r\n") == NULL && (n == 0 || (text[0] != ' ' && text[n - 1] != ' ')))
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
csv_header (const Sheet *sheet,
            guint        column)
{
  const char *name = g_ptr_array_index (sheet->header, column);
  const char *unit = NULL;
  guint n_rows = sheet->n_columns ? sheet->cells->len / sheet->n_columns : 0;

  /* The unit in brackets, once for the column, as the numbers are bare. */
  for (guint r = 0; r < n_rows && unit == NULL; r++)
    {
      const SheetCell *cell = &g_array_index (sheet->cells, SheetCell, r * sheet->n_columns + column);

      if (cell->has_value && cell->unit != NULL && cell->type != NF_COLUMN_PERCENT)
        unit = cell->unit;
    }
  return unit != NULL ? g_strdup_printf ("%s [%s]", name, unit) : g_strdup (name);
}

static GBytes *
csv_of (const Sheet *sheet)
{
  GString *out = g_string_new ("\xef\xbb\xbf");  /* UTF-8, for spreadsheets */

  for (guint c = 0; c < sheet->n_columns; c++)
    {
      g_autofree char *header = csv_header (sheet, c);

      if (c > 0)
        g_string_append_c (out, ',');
      csv_field (out, header);
    }
  g_string_append (out, "\r\n");
  for (guint i = 0; i < sheet->cells->len; i++)
    {
      const SheetCell *cell = &g_array_index (sheet->cells, SheetCell, i);

      if (i % sheet->n_columns > 0)
        g_string_append_c (out, ',');
      if (cell->has_value)
        {
          g_autofree char *plain = plain_number (cell->value, cell->type);

          csv_field (out, plain);
        }
      else
        csv_field (out, cell->text);
      if (i % sheet->n_columns == sheet->n_columns - 1)
        g_string_append (out, "\r\n");
    }
  return g_string_free_to_bytes (out);
}

static gboolean
write_bytes (GBytes        *bytes,
             const char    *path,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local = NULL;
  g_autofree char *name = NULL;

  /* The one atomic replace, without the "name~" backup a canvas keeps:
   * an export is made again at will. */
  if (nf_atomic_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       NF_ATOMIC_FILE_NONE, NULL, NULL, cancellable, &local))
    return TRUE;
  /* The replace gives the reason alone; a table's CSV is one of many
   * files, so the message names which. */
  name = g_filename_display_basename (path);
  g_set_error (error, local->domain, local->code, _("Could not write “%s”: %s"), name,
               local->message);
  return FALSE;
}

static char *
slug_of (const char *title,
         const char *id)
{
  GString *slug = g_string_new (NULL);

  for (const char *p = title; *p && slug->len < 40; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (slug, g_ascii_tolower (*p));
    else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
      g_string_append_c (slug, '-');
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  /* A title without Latin letters ("公司概况"): the table's id, which is
   * an NCName and may hold what a file name should not only as "." */
  if (slug->len == 0)
    for (const char *p = id; p != NULL && *p && slug->len < 40; p++)
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
        g_string_append_c (slug, g_ascii_tolower (*p));
  if (slug->len == 0)
    g_string_append (slug, "table");
  return g_string_free (slug, FALSE);
}

static GStrv
csv_paths_of (GPtrArray  *sheets,
              const char *path)
{
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  g_autofree char *stem = NULL;

  if (sheets->len == 1)
    {
      g_strv_builder_add (paths, path);
      return g_strv_builder_end (paths);
    }
  stem = g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".CSV")
    ? g_strndup (path, strlen (path) - 4) : g_strdup (path);
  for (guint i = 0; i < sheets->len; i++)
    {
      const Sheet *sheet = g_ptr_array_index (sheets, i);
      g_autofree char *slug = slug_of (sheet->title, sheet->id);
      g_autofree char *one = g_strdup_printf ("%s-%u-%s.csv", stem, i + 1, slug);

      g_strv_builder_add (paths, one);
    }
  return g_strv_builder_end (paths);
}

GStrv
nf_export_csv_paths (NfCanvas   *canvas,
                     const char *lang,
                     const char *path)
{
  g_autoptr(GPtrArray) sheets = NULL;

  g_return_val_if_fail (NF_IS_CANVAS (canvas), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  sheets = sheets_of_canvas (canvas, lang);
  return csv_paths_of (sheets, path);
}

static gboolean
no_tables (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The canvas has no metric tables to export"));
  return FALSE;
}

gboolean
nf_export_csv (NfCanvas      *canvas,
               const char    *lang,
               const char    *path,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GPtrArray) sheets = NULL;
  g_auto(GStrv) paths = NULL;

  g_return_val_if_fail (NF_IS_CANVAS (canvas), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  sheets = sheets_of_canvas (canvas, lang);
  if (sheets->len == 0)
    return no_tables (error);
  paths = csv_paths_of (sheets, path);
  for (guint i = 0; i < sheets->len; i++)
    {
      g_autoptr(GBytes) bytes = csv_of (g_ptr_array_index (sheets, i));

      if (!write_bytes (bytes, paths[i], cancellable, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
nf_export_compare_csv (NfCanvas     **canvases,
                       guint          n_canvases,
                       const char    *lang,
                       const char    *path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  Sheet *sheet;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (n_canvases >= 2 && n_canvases <= NF_DIFF_MAX_CANVASES, FALSE);
  sheet = sheet_of_comparison (canvases, n_canvases, lang);
  bytes = csv_of (sheet);
  sheet_free (sheet);
  return write_bytes (bytes, path, cancellable, error);
}

/* --- XLSX --- */

/* The number format that shows a figure as its column means it: money
 * with its currency, a percentage as one, a count or measure with its
 * unit; decimals only where the figure has them. */
static char *
number_format (const SheetCell *cell)
{
  g_autoptr(GString) unit = g_string_new (NULL);
  double scaled = cell->type == NF_COLUMN_PERCENT ? cell->value * 100 : cell->value;
  gboolean whole = fabs (scaled - round (scaled)) < 1e-9;
  const char *digits;

  if (cell->type == NF_COLUMN_YEAR)
    return g_strdup ("0");
  if (cell->type == NF_COLUMN_PERCENT)
    return g_strdup (whole ? "0%" : "0.0#%");
  digits = whole ? "#,##0" : cell->type == NF_COLUMN_MONEY ? "#,##0.00" : "#,##0.0##";
  /* A unit from the file goes in quotes, which it may not hold itself. */
  for (const char *p = cell->unit; p != NULL && *p; p++)
    if (*p != '"' && *p != '\\')
      g_string_append_c (unit, *p);
  if (unit->len == 0)
    return g_strdup (digits);
  return g_strdup_printf ("%s \"%s\"", digits, unit->str);
}

/* Excel's rules for sheet names: 1 to 31 characters, none of []:*?/\,
 * not beginning or ending with ', unique regardless of case. */
static char *
sheet_name (const char  *title,
            guint        index,
            GHashTable  *used)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *folded = NULL;
  glong n = 0;

  for (const char *p = title; *p && n < 28; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int) c) != NULL && c < 0x80)
        c = ' ';
      if (c < 0x20)
        c = ' ';
      g_string_append_unichar (name, c);
    }
  g_strstrip (name->str);
  g_string_set_size (name, strlen (name->str));
  while (name->len > 0 && name->str[0] == '\'')
    g_string_erase (name, 0, 1);
  while (name->len > 0 && name->str[name->len - 1] == '\'')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_printf (name, "%u", index + 1);
  folded = g_utf8_casefold (name->str, -1);
  if (g_hash_table_contains (used, folded))
    {
      g_string_append_printf (name, " %u", index + 1);
      g_free (folded);
      folded = g_utf8_casefold (name->str, -1);
    }
  g_hash_table_add (used, g_steal_pointer (&folded));
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* Excel keeps at most 32767 characters in a cell. */
static char *
cell_string (const char *text)
{
  if (g_utf8_strlen (text, -1) <= 32767)
    return g_strdup (text);
  return g_utf8_substring (text, 0, 32767);
}

/* `saved_errno`: the system's reason, when the library failed on a write
 * (its own text for that is only “Zip generic error ZIP_ERRNO”). */
static gboolean
xlsx_failed (const NfXlsxLib *xl,
             lxw_error   err,
             int         saved_errno,
             const char *path,
             GError    **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (saved_errno != 0)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Could not write “%s”: %s"), name, g_strerror (saved_errno));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), name,
                 xl->lxw_strerror (err));
  return FALSE;
}

static gboolean
write_sheet (const NfXlsxLib *xl,
             lxw_workbook *book,
             const Sheet  *sheet,
             guint         index,
             GHashTable   *used,
             GHashTable   *formats,
             lxw_format   *bold,
             lxw_error    *err)
{
  g_autofree char *name = sheet_name (sheet->title, index, used);
  lxw_worksheet *ws = xl->workbook_add_worksheet (book, name);
  guint n_rows = sheet->n_columns ? sheet->cells->len / sheet->n_columns : 0;
  g_autofree double *widths = g_new0 (double, MAX (sheet->n_columns, 1));

  if (ws == NULL)
    {
      *err = LXW_ERROR_SHEETNAME_ALREADY_USED;
      return FALSE;
    }
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      g_autofree char *header = cell_string (g_ptr_array_index (sheet->header, c));

      if ((*err = xl->worksheet_write_string (ws, 0, (lxw_col_t) c, header, bold)) != LXW_NO_ERROR)
        return FALSE;
      widths[c] = g_utf8_strlen (header, -1);
    }
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < sheet->n_columns; c++)
      {
        const SheetCell *cell = &g_array_index (sheet->cells, SheetCell, r * sheet->n_columns + c);
        double width = g_utf8_strlen (cell->text, -1);

        if (cell->has_value)
          {
            g_autofree char *code = number_format (cell);
            lxw_format *format = g_hash_table_lookup (formats, code);

            if (format == NULL)
              {
                format = xl->workbook_add_format (book);
                xl->format_set_num_format (format, code);
                g_hash_table_insert (formats, g_steal_pointer (&code), format);
              }
            *err = xl->worksheet_write_number (ws, r + 1, (lxw_col_t) c, cell->value, format);
            width = 14;
          }
        else if (*cell->text != '\0')
          {
            g_autofree char *text = cell_string (cell->text);

            *err = xl->worksheet_write_string (ws, r + 1, (lxw_col_t) c, text, NULL);
          }
        if (*err != LXW_NO_ERROR)
          return FALSE;
        widths[c] = MAX (widths[c], width);
      }
  for (guint c = 0; c < sheet->n_columns; c++)
    xl->worksheet_set_column (ws, (lxw_col_t) c, (lxw_col_t) c, CLAMP (widths[c] * 1.2 + 2, 8, 60), NULL);
  xl->worksheet_freeze_panes (ws, 1, 0);
  return TRUE;
}

/* libxlsxwriter writes to a file name of its own; it writes into a private
 * folder, and the result goes over `path` by the atomic replace. */
static gboolean
write_xlsx (GPtrArray     *sheets,
            const char    *path,
            GCancellable  *cancellable,
            GError       **error)
{
  /* The library is opened at the first spreadsheet (nf-module-private.h). */
  const NfXlsxLib *xl = _nf_module_table ("ninefold-xlsx", sizeof (NfXlsxLib), error);
  g_autofree char *dir = xl != NULL ? g_dir_make_tmp ("ninefold-xlsx-XXXXXX", error) : NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_workbook *book;
  lxw_format *bold;
  lxw_error err = LXW_NO_ERROR;
  /* libxlsxwriter prints its failures itself, naming its temporary file;
   * ours below names the user's, with the system's reason. */
  static const char * const lxw_lines[] = { "[ERROR]", "[WARNING]", NULL };
  NfStderrHold *hold;
  g_autofree char *data = NULL;
  gsize length;
  gboolean ok = TRUE;

  if (dir == NULL)
    return FALSE;
  tmp = g_build_filename (dir, "export.xlsx", NULL);
  options.tmpdir = dir;
  hold = _nf_stderr_hold_begin ();
  book = xl->workbook_new_opt (tmp, &options);
  if (book == NULL)
    {
      int saved_errno = errno;

      _nf_stderr_hold_end (hold, lxw_lines);
      g_rmdir (dir);
      return xlsx_failed (xl, LXW_ERROR_CREATING_XLSX_FILE, saved_errno, path, error);
    }
  _nf_stderr_hold_end (hold, lxw_lines);
  bold = xl->workbook_add_format (book);
  xl->format_set_bold (bold);
  for (guint i = 0; ok && i < sheets->len; i++)
    ok = write_sheet (xl, book, g_ptr_array_index (sheets, i), i, used, formats, bold, &err);
  /* Closing frees the workbook, written or not; it is where the writes are. */
  hold = _nf_stderr_hold_begin ();
  errno = 0;
  if (ok)
    err = xl->workbook_close (book);
  else
    xl->workbook_close (book);
  if (!ok || err != LXW_NO_ERROR)
    {
      int saved_errno = ok && (err == LXW_ERROR_ZIP_FILE_OPERATION
                               || err == LXW_ERROR_ZIP_CLOSE) ? errno : 0;

      _nf_stderr_hold_end (hold, lxw_lines);
      g_unlink (tmp);
      g_rmdir (dir);
      return xlsx_failed (xl, err, saved_errno, path, error);
    }
  _nf_stderr_hold_end (hold, lxw_lines);
  ok = g_file_get_contents (tmp, &data, &length, error);
  g_unlink (tmp);
  g_rmdir (dir);
  if (ok)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), length);

      ok = write_bytes (bytes, path, cancellable, error);
    }
  return ok;
}

gboolean
nf_export_xlsx (NfCanvas      *canvas,
                const char    *lang,
                const char    *path,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) sheets = NULL;

  g_return_val_if_fail (NF_IS_CANVAS (canvas), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  sheets = sheets_of_canvas (canvas, lang);
  if (sheets->len == 0)
    return no_tables (error);
  return write_xlsx (sheets, path, cancellable, error);
}

gboolean
nf_export_compare_xlsx (NfCanvas     **canvases,
                        guint          n_canvases,
                        const char    *lang,
                        const char    *path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func (sheet_free);

  g_return_val_if_fail (n_canvases >= 2 && n_canvases <= NF_DIFF_MAX_CANVASES, FALSE);
  g_ptr_array_add (sheets, sheet_of_comparison (canvases, n_canvases, lang));
  return write_xlsx (sheets, path, cancellable, error);
}
