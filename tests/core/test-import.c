/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include <ninefold.h>
#include <nf-import.h>
#include <nf-number.h>

#include "nf-module-private.h"

static const char *seed_files[] = {
  "000_953608acea1fed08.txt",
  "001_0c405d4466c5069d.txt",
  "002_d863bc466fb00166.txt",
  "003_c7b08720972efeb3.txt",
};

/* --- helpers ------------------------------------------------------------ */

static char *
seed_path (guint index)
{
  const char *dir = g_getenv ("NF_SEEDS_DIR");

  if (dir == NULL)
    return NULL;
  return g_build_filename (dir, seed_files[index], NULL);
}

static gboolean
skip_without_seeds (void)
{
  if (g_getenv ("NF_SEEDS_DIR") == NULL)
    {
      g_test_skip ("NF_SEEDS_DIR is not set");
      return TRUE;
    }
  return FALSE;
}

static NfCanvas *
import_seed (guint    index,
             GStrv   *out_lines,
             GError **error)
{
  g_autofree char *path = seed_path (index);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  if (out_lines)
    *out_lines = g_strsplit (data, "\n", -1);
  return nf_import_from_file (file, NULL, error);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static NfCanvas *
import_data_file (const char *name,
                  GError    **error)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return nf_import_from_file (file, NULL, error);
}

static NfCanvas *
import_ok (const char *name)
{
  g_autoptr(GError) error = NULL;
  NfCanvas *canvas = import_data_file (name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (canvas);
  return canvas;
}

static NfCanvas *
import_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  NfCanvas *canvas = nf_import_from_data (text, strlen (text), "inline.md", &error);

  g_assert_no_error (error);
  g_assert_nonnull (canvas);
  return canvas;
}

static guint
n_notes (NfCanvas *canvas,
         NfBlock   block)
{
  return g_list_model_get_n_items (nf_canvas_get_notes (canvas, block));
}

static NfNote *
note_at (NfCanvas *canvas,
         NfBlock   block,
         guint     index)
{
  g_autoptr(NfNote) note = g_list_model_get_item (nf_canvas_get_notes (canvas, block), index);

  g_assert_nonnull (note);
  return note;  /* the canvas holds it */
}

static const char *
note_text (NfNote *note)
{
  return nf_text_get (nf_note_get_text (note));
}

/* The note of the block whose text starts with prefix, or NULL. */
static NfNote *
find_note (NfCanvas   *canvas,
           NfBlock     block,
           const char *prefix)
{
  for (guint i = 0; i < n_notes (canvas, block); i++)
    {
      NfNote *note = note_at (canvas, block, i);

      if (g_str_has_prefix (note_text (note), prefix))
        return note;
    }
  return NULL;
}

static void
assert_note (NfCanvas   *canvas,
             NfBlock     block,
             const char *prefix,
             guint       line)
{
  NfNote *note = find_note (canvas, block, prefix);

  if (note == NULL)
    g_error ("no note in %s starts with “%s”", nf_block_to_xml (block), prefix);
  g_assert_cmpstr (nf_note_get_cite_source (note), ==, "s1");
  g_assert_cmpuint (nf_note_get_cite_line (note), ==, line);
}

static gboolean
any_note_contains (NfCanvas   *canvas,
                   const char *needle)
{
  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    for (guint i = 0; i < n_notes (canvas, b); i++)
      if (strstr (note_text (note_at (canvas, b, i)), needle))
        return TRUE;
  return FALSE;
}

static NfMetricTable *
table_at (NfCanvas *canvas,
          guint     index)
{
  g_autoptr(NfMetricTable) table = g_list_model_get_item (nf_canvas_get_tables (canvas), index);

  g_assert_nonnull (table);
  return table;
}

static guint
n_tables (NfCanvas *canvas)
{
  return g_list_model_get_n_items (nf_canvas_get_tables (canvas));
}

static const char *
table_title (NfMetricTable *table)
{
  return nf_text_get (nf_metric_table_get_title (table));
}

static void
assert_cell (NfMetricTable *table,
             guint          row,
             guint          column,
             const char    *text,
             gboolean       has_value,
             double         value)
{
  const NfCell *cell = nf_metric_table_get_cell (table, row, column);

  g_assert_cmpstr (cell->text, ==, text);
  g_assert_cmpint (cell->has_value, ==, has_value);
  if (has_value)
    g_assert_cmpfloat (cell->value, ==, value);
}

static void
assert_column (NfMetricTable *table,
               guint          column,
               const char    *name,
               NfColumnType   type,
               const char    *unit)
{
  const NfColumn *def = nf_metric_table_get_column (table, column);

  g_assert_cmpstr (nf_text_get (def->name), ==, name);
  g_assert_cmpstr (nf_column_type_to_xml (def->type), ==, nf_column_type_to_xml (type));
  g_assert_cmpstr (def->unit, ==, unit);
}

/* The line as a note would show it: white space runs as one space. */
static char *
collapsed (const char *line)
{
  GString *out = g_string_new (NULL);

  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (out->len && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* What every import promises, whatever the input: a fresh document that
 * saves, loads back the same, and cites lines that exist and say what
 * the notes say. */
static void
check_invariants (NfCanvas  *canvas,
                  GStrv      lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(NfCanvas) loaded = NULL;
  NfHistory *history = nf_canvas_get_history (canvas);

  g_assert_false (nf_history_can_undo (history));
  g_assert_false (nf_history_can_redo (history));
  g_assert_false (nf_canvas_get_modified (canvas));
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_sources (canvas)), ==, 1);
  g_assert_nonnull (nf_canvas_find_source (canvas, "s1"));

  saved = nf_canvas_save_to_bytes (canvas, &error);
  g_assert_no_error (error);
  loaded = nf_canvas_load_from_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                     "saved.ninefold", &error);
  g_assert_no_error (error);
  g_assert_true (nf_canvas_equal (canvas, loaded));

  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    for (guint i = 0; i < n_notes (canvas, b); i++)
      {
        NfNote *note = note_at (canvas, b, i);
        const char *text = note_text (note);
        guint line = nf_note_get_cite_line (note);

        g_assert_cmpstr (nf_note_get_cite_source (note), ==, "s1");
        g_assert_true (nf_text_is_clean (text));
        g_assert_null (strstr (text, "  "));
        g_assert_null (strstr (text, "\u00a0"));
        g_assert_false (g_ascii_isspace (text[0]));
        g_assert_cmpuint (strlen (text), >, 0);
        if (lines == NULL)
          continue;
        g_assert_cmpuint (line, >=, 1);
        g_assert_cmpuint (line, <=, g_strv_length (lines));
        {
          /* The note, or what follows its sub-heading, begins on that
           * line: the first words, as far as the source spells them
           * alike. */
          const char *colon = strstr (text, ": ");
          g_autofree char *start = g_strndup (text, 24);
          g_autofree char *after = colon ? g_strndup (colon + 2, 24) : NULL;
          g_autofree char *source = collapsed (lines[line - 1]);

          if (!strstr (source, start) && !(after && strstr (source, after)))
            g_error ("note “%s” cites line %u, which reads “%s”", text, line, lines[line - 1]);
        }
      }
  for (guint t = 0; t < n_tables (canvas); t++)
    {
      NfMetricTable *table = table_at (canvas, t);

      g_assert_cmpstr (nf_metric_table_get_cite_source (table), ==, "s1");
      if (lines)
        g_assert_nonnull (strchr (lines[nf_metric_table_get_cite_line (table) - 1], '|'));
    }
}

/* --- the seeds --------------------------------------------------------- */

static void
test_seed_000 (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  NfSource *source;
  static const guint expected[NF_N_BLOCKS] = { 3, 1, 3, 3, 3, 3, 3, 2, 3 };

  if (skip_without_seeds ())
    return;
  canvas = import_seed (0, &lines, &error);
  g_assert_no_error (error);

  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    g_assert_cmpuint (n_notes (canvas, b), ==, expected[b]);
  g_assert_cmpuint (n_tables (canvas), ==, 0);

  g_assert_cmpstr (nf_canvas_get_company (canvas), ==, "BitAuto Group");
  g_assert_cmpstr (nf_canvas_get_title (canvas), ==, "Businessmodel of BitAuto Group");
  g_assert_cmpstr (nf_canvas_get_language (canvas), ==, "en");
  source = nf_canvas_find_source (canvas, "s1");
  g_assert_cmpstr (nf_source_get_title (source), ==, "Businessmodel of BitAuto Group");
  g_assert_cmpstr (nf_source_get_address (source), ==, "000_953608acea1fed08.txt");

  assert_note (canvas, NF_BLOCK_CUSTOMER_SEGMENTS, "Bitauto primarily caters to auto dealers", 11);
  assert_note (canvas, NF_BLOCK_CUSTOMER_SEGMENTS, "Major Automakers – The growth", 13);
  assert_note (canvas, NF_BLOCK_CUSTOMER_SEGMENTS, "New / Old Car Dealers – The company", 14);
  /* " ### Value Proposition", indented, right after the list */
  assert_note (canvas, NF_BLOCK_VALUE_PROPOSITIONS, "Bitauto distinguishes itself", 17);
  assert_note (canvas, NF_BLOCK_CHANNELS, "Bitauto has employed an experienced sales force", 25);
  assert_note (canvas, NF_BLOCK_CUSTOMER_RELATIONSHIPS, "To enhance customer experience", 33);
  assert_note (canvas, NF_BLOCK_KEY_ACTIVITIES, "Bitauto’s business model caters", 41);
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Bitauto has partnered with over 590", 45);
  assert_note (canvas, NF_BLOCK_KEY_RESOURCES, "Its database is a rich source", 55);
  assert_note (canvas, NF_BLOCK_COST_STRUCTURE, "The company’s biggest cost driver", 61);
  assert_note (canvas, NF_BLOCK_REVENUE_STREAMS, "Additionally, the company also generates", 71);
  /* The list item's marker is not part of its text. */
  g_assert_true (g_str_has_suffix (note_text (find_note (canvas, NF_BLOCK_CUSTOMER_SEGMENTS,
                                                         "Major Automakers")),
                                   "agreements with 63 automakers."));

  /* Front matter and the document's own heading are not notes. */
  g_assert_false (any_note_contains (canvas, "layout"));
  g_assert_false (any_note_contains (canvas, "bitauto-group"));
  g_assert_false (any_note_contains (canvas, "Businessmodel of"));
  check_invariants (canvas, lines);
}

static void
test_seed_001 (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  static const guint expected[NF_N_BLOCKS] = { 6, 1, 2, 6, 1, 1, 1, 1, 4 };
  static const char * const partner_kinds[] = {
    "Marketing Affiliates", "Logistics Service Providers", "Retail Operational Partners",
    "Independent Software Vendors", "Professional Service Providers",
  };

  if (skip_without_seeds ())
    return;
  canvas = import_seed (1, &lines, &error);
  g_assert_no_error (error);

  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    g_assert_cmpuint (n_notes (canvas, b), ==, expected[b]);
  g_assert_cmpstr (nf_canvas_get_company (canvas), ==, "Alibaba Group");

  /* "operate:  buyers" has a no-break space in the source */
  assert_note (canvas, NF_BLOCK_CUSTOMER_SEGMENTS, "Alibaba has a multi-sided business model", 11);
  g_assert_nonnull (strstr (note_text (note_at (canvas, NF_BLOCK_CUSTOMER_SEGMENTS, 0)),
                            "in order to operate: buyers and sellers."));
  assert_note (canvas, NF_BLOCK_VALUE_PROPOSITIONS, "Alibaba offers five primary value", 15);
  assert_note (canvas, NF_BLOCK_VALUE_PROPOSITIONS, "The company has established a powerful", 25);
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Alibaba maintains the following types", 41);
  for (guint i = 0; i < G_N_ELEMENTS (partner_kinds); i++)
    {
      /* Each list item is a note, in order, on its own line. */
      NfNote *note = note_at (canvas, NF_BLOCK_KEY_PARTNERS, i + 1);

      g_assert_true (g_str_has_prefix (note_text (note), partner_kinds[i]));
      g_assert_cmpuint (nf_note_get_cite_line (note), ==, 43 + i);
    }
  /* " ### Key Resources", indented, right after the list of partners */
  assert_note (canvas, NF_BLOCK_KEY_RESOURCES, "Alibaba’s main resource is its proprietary", 50);
  assert_note (canvas, NF_BLOCK_KEY_RESOURCES, "Lastly, as a startup", 52);
  assert_note (canvas, NF_BLOCK_REVENUE_STREAMS, "Alibaba has three revenue streams:", 60);
  assert_note (canvas, NF_BLOCK_REVENUE_STREAMS, "Commissions – Revenues generated", 62);
  assert_note (canvas, NF_BLOCK_REVENUE_STREAMS, "Service Fees – Revenues generated", 64);
  check_invariants (canvas, lines);
}

/* --- 002: every table of the source, cell by cell ------------------------ */

typedef struct {
  guint      header_line;  /* 1-based */
  GPtrArray *rows;         /* GStrv per row, the header first */
  NfBlock    block;
} SourceTable;

static void
source_table_free (gpointer data)
{
  SourceTable *table = data;

  g_ptr_array_unref (table->rows);
  g_free (table);
}

static GStrv
split_row (const char *line)
{
  g_autofree char *copy = g_strstrip (g_strdup (line));
  char *start = copy;
  gsize n = strlen (copy);
  g_auto(GStrv) cells = NULL;

  if (n > 0 && copy[n - 1] == '|')
    copy[--n] = '\0';
  if (*start == '|')
    start++;
  cells = g_strsplit (start, "|", -1);
  for (guint i = 0; cells[i]; i++)
    g_strstrip (cells[i]);
  return g_steal_pointer (&cells);
}

/* The source's tables, found without the importer: a line with pipes over
 * a line of dashes and pipes, then rows while lines have pipes. The block
 * is the last "Business Model: X" line above. */
static GPtrArray *
source_tables (GStrv lines)
{
  static const struct { const char *name; NfBlock block; } sections[] = {
    { "Key Partnerships", NF_BLOCK_KEY_PARTNERS }, { "Key Activities", NF_BLOCK_KEY_ACTIVITIES },
    { "Key Resources", NF_BLOCK_KEY_RESOURCES },
    { "Value Propositions", NF_BLOCK_VALUE_PROPOSITIONS },
    { "Customer Relationships", NF_BLOCK_CUSTOMER_RELATIONSHIPS },
    { "Channels", NF_BLOCK_CHANNELS }, { "Customer Segments", NF_BLOCK_CUSTOMER_SEGMENTS },
    { "Cost Structure", NF_BLOCK_COST_STRUCTURE }, { "Revenue Streams", NF_BLOCK_REVENUE_STREAMS },
  };
  g_autoptr(GRegex) delimiter = g_regex_new ("^\\s*\\|?\\s*-+\\s*(\\|\\s*-+\\s*)*\\|?\\s*$", 0, 0, NULL);
  GPtrArray *tables = g_ptr_array_new_with_free_func (source_table_free);
  NfBlock block = NF_BLOCK_NONE;

  for (guint i = 0; lines[i]; i++)
    {
      const char *marker = strstr (lines[i], "Business Model: ");

      if (marker)
        for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
          if (g_str_equal (marker + strlen ("Business Model: "), sections[s].name))
            block = sections[s].block;
      if (strchr (lines[i], '|') && lines[i + 1] && g_regex_match (delimiter, lines[i + 1], 0, NULL))
        {
          SourceTable *table = g_new0 (SourceTable, 1);

          table->header_line = i + 1;
          table->block = block;
          table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
          g_ptr_array_add (table->rows, split_row (lines[i]));
          for (i += 2; lines[i] && strchr (lines[i], '|'); i++)
            g_ptr_array_add (table->rows, split_row (lines[i]));
          i--;
          g_ptr_array_add (tables, table);
        }
    }
  return tables;
}

/* An oracle for the figures 002's tables hold, independent of nf-number:
 * "$22.6 billion", "25,000", "15%", "4.6 stars", "15% per year". A bare
 * number under a "(%)" header is in percentage points. */
static gboolean
figure_value (const char *text,
              const char *header,
              double     *out)
{
  g_autoptr(GRegex) figure = g_regex_new (
    "^(\\$)?([0-9]{1,3}(?:,[0-9]{3})*|[0-9]+)(\\.[0-9]+)?"
    "(?: (million|billion|Billion))?(%)?(?: (?:stars|minutes|per year|annually))?$",
    0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *whole = NULL, *fraction = NULL, *scale = NULL, *percent = NULL;
  g_autofree char *digits = NULL, *decimal = NULL;
  int power = 0;

  if (!g_regex_match (figure, text, 0, &match))
    return FALSE;
  whole = g_match_info_fetch (match, 2);
  fraction = g_match_info_fetch (match, 3);
  scale = g_match_info_fetch (match, 4);
  percent = g_match_info_fetch (match, 5);
  digits = g_strdelimit (g_strdup (whole), ",", ' ');
  {
    g_auto(GStrv) groups = g_strsplit (digits, " ", -1);

    g_free (digits);
    digits = g_strjoinv ("", groups);
  }
  if (scale && *scale)
    power = g_ascii_strcasecmp (scale, "million") == 0 ? 6 : 9;
  if ((percent && *percent) || strstr (header, "(%)"))
    power -= 2;
  decimal = g_strdup_printf ("%s%se%d", digits, fraction ? fraction : "", power);
  *out = g_ascii_strtod (decimal, NULL);
  return TRUE;
}

static void
test_seed_002 (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  guint figures = 0, cells = 0;

  if (skip_without_seeds ())
    return;
  canvas = import_seed (2, &lines, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (nf_canvas_get_company (canvas), ==, "Senmiao Technology Limited");
  g_assert_cmpstr (nf_canvas_get_title (canvas), ==,
                   "Senmiao Technology Limited (AIHS): Business Model Canvas");
  g_assert_cmpstr (nf_canvas_get_language (canvas), ==, "en");
  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    g_assert_cmpuint (n_notes (canvas, b), >, 0);

  /* Sub-headings lead their paragraph; the note cites the paragraph. */
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS,
               "Ridesharing platforms: Senmiao Technology Limited collaborates", 13);
  assert_note (canvas, NF_BLOCK_KEY_RESOURCES, "Financial capital: As of the latest", 47);
  assert_note (canvas, NF_BLOCK_KEY_RESOURCES, "The company has also raised capital", 48);
  assert_note (canvas, NF_BLOCK_KEY_RESOURCES, "Collaboration with a leading Chinese", 55);
  assert_note (canvas, NF_BLOCK_REVENUE_STREAMS, "Interest from Vehicle Loans: The company", 197);
  /* "Partner networks" under Channels is a sub-heading there, not Key
   * Partners starting again. */
  assert_note (canvas, NF_BLOCK_CHANNELS, "Partner networks: Senmiao collaborates", 140);
  g_assert_null (find_note (canvas, NF_BLOCK_KEY_PARTNERS, "Partner networks"));
  /* The bundle's advertising before the first section is not a note. */
  g_assert_false (any_note_contains (canvas, "Fully Editable"));
  g_assert_false (any_note_contains (canvas, "Business Model:"));

  expected = source_tables (lines);
  g_assert_cmpuint (expected->len, ==, 19);
  g_assert_cmpuint (n_tables (canvas), ==, expected->len);
  for (guint t = 0; t < expected->len; t++)
    {
      SourceTable *source = expected->pdata[t];
      NfMetricTable *table = table_at (canvas, t);
      GStrv header = source->rows->pdata[0];
      guint n_columns = g_strv_length (header);

      g_assert_cmpuint (nf_metric_table_get_cite_line (table), ==, source->header_line);
      g_assert_cmpint (nf_metric_table_get_block (table), ==, source->block);
      g_assert_cmpuint (nf_metric_table_get_n_columns (table), ==, n_columns);
      g_assert_cmpuint (nf_metric_table_get_n_rows (table), ==, source->rows->len - 1);
      for (guint c = 0; c < n_columns; c++)
        g_assert_cmpstr (nf_text_get (nf_metric_table_get_column (table, c)->name), ==, header[c]);
      for (guint r = 1; r < source->rows->len; r++)
        {
          GStrv row = source->rows->pdata[r];

          g_assert_cmpuint (g_strv_length (row), ==, n_columns);
          for (guint c = 0; c < n_columns; c++)
            {
              const NfCell *cell = nf_metric_table_get_cell (table, r - 1, c);
              double value;

              g_assert_cmpstr (cell->text, ==, row[c]);
              cells++;
              if (!figure_value (row[c], header[c], &value))
                continue;
              /* Every figure of every table has its value. */
              figures++;
              if (!cell->has_value || cell->value != value)
                g_error ("table %u, row %u, column “%s”: “%s” should be %.17g", t + 1, r,
                         header[c], row[c], value);
            }
        }
    }
  g_assert_cmpuint (cells, ==, 137);
  g_assert_cmpuint (figures, ==, 74);

  /* A few by hand, with their columns. */
  g_assert_cmpstr (table_title (table_at (canvas, 0)), ==, "Vehicle suppliers");
  assert_column (table_at (canvas, 0), 1, "Market Share (%)", NF_COLUMN_PERCENT, NULL);
  assert_column (table_at (canvas, 0), 2, "Annual Revenue ($)", NF_COLUMN_MONEY, "USD");
  assert_cell (table_at (canvas, 0), 0, 1, "15", TRUE, 0.15);
  assert_cell (table_at (canvas, 0), 0, 2, "31.5 Billion", TRUE, 31500000000.0);
  assert_column (table_at (canvas, 1), 0, "Leasing Period (Months)", NF_COLUMN_NUMBER, "months");
  assert_column (table_at (canvas, 2), 0, "Year", NF_COLUMN_YEAR, NULL);
  assert_column (table_at (canvas, 2), 1, "Potential Drivers", NF_COLUMN_COUNT, NULL);
  assert_cell (table_at (canvas, 7), 1, 1, "80%", TRUE, 0.8);
  assert_cell (table_at (canvas, 11), 0, 1, "7 million", TRUE, 7000000);
  assert_cell (table_at (canvas, 11), 0, 3, "15% per year", TRUE, 0.15);
  assert_cell (table_at (canvas, 14), 0, 1, "$22.6 billion", TRUE, 22600000000.0);
  /* "$9.5 million" of interest income, as the revenue table states it */
  g_assert_cmpstr (table_title (table_at (canvas, 18)), ==, "Subscription Fees");
  assert_column (table_at (canvas, 18), 1, "Amount (USD)", NF_COLUMN_MONEY, "USD");
  assert_column (table_at (canvas, 18), 2, "Fiscal Year", NF_COLUMN_YEAR, NULL);
  assert_cell (table_at (canvas, 18), 0, 1, "9,500,000", TRUE, 9500000);
  assert_cell (table_at (canvas, 18), 0, 2, "2022", TRUE, 2022);
  /* Prose in a cell stays prose: no figure is guessed out of it. */
  assert_column (table_at (canvas, 5), 1, "Investment/Impact", NF_COLUMN_TEXT, NULL);
  assert_cell (table_at (canvas, 5), 2, 1, "N/A", FALSE, 0);
  check_invariants (canvas, lines);
}

static void
test_seed_003_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = NULL;

  if (skip_without_seeds ())
    return;
  /* An interview in Chinese about marketing: no canvas sections. */
  canvas = import_seed (3, NULL, &error);
  g_assert_null (canvas);
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_NOT_A_CANVAS);
  g_assert_nonnull (strstr (error->message, seed_files[3]));
}

/* --- robustness cases ---------------------------------------------------- */

static void
test_front_matter (void)
{
  g_autoptr(NfCanvas) canvas = import_ok ("front-matter.md");
  NfSource *source = nf_canvas_find_source (canvas, "s1");

  g_assert_cmpstr (nf_canvas_get_title (canvas), ==, "Business model of Acme Robotics");
  g_assert_cmpstr (nf_canvas_get_company (canvas), ==, "Acme Robotics Ltd");
  g_assert_cmpstr (nf_source_get_title (source), ==, "Business model of Acme Robotics");
  g_assert_cmpstr (nf_source_get_date (source), ==, "2024-03-01");
  g_assert_cmpstr (nf_source_get_address (source), ==, "front-matter.md");
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Acme buys its motors", 15);
  assert_note (canvas, NF_BLOCK_CUSTOMER_SEGMENTS, "Mid-sized warehouses", 19);
  assert_note (canvas, NF_BLOCK_REVENUE_STREAMS, "Robots are leased at $1,200 a month.", 23);
  g_assert_false (any_note_contains (canvas, "layout"));
  g_assert_false (any_note_contains (canvas, "robotics"));
  check_invariants (canvas, NULL);
}

static void
test_indented_heading (void)
{
  g_autoptr(NfCanvas) canvas = import_ok ("indented-heading.md");

  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_PARTNERS), ==, 2);
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Payment processors – Card payments", 6);
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_RESOURCES), ==, 1);
  assert_note (canvas, NF_BLOCK_KEY_RESOURCES, "The software platform", 9);
  assert_note (canvas, NF_BLOCK_CHANNELS, "An app store listing", 13);
  check_invariants (canvas, NULL);
}

typedef struct {
  const char *file;
  const char *texts[NF_N_BLOCKS];  /* the one note of each block, or NULL */
} OnePerBlock;

static void
test_one_per_block (gconstpointer data)
{
  const OnePerBlock *expect = data;
  g_autoptr(NfCanvas) canvas = import_ok (expect->file);
  guint total = 0;

  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    {
      if (expect->texts[b] == NULL)
        {
          g_assert_cmpuint (n_notes (canvas, b), ==, 0);
          continue;
        }
      g_assert_cmpuint (n_notes (canvas, b), >=, 1);
      g_assert_nonnull (find_note (canvas, b, expect->texts[b]));
      total += n_notes (canvas, b);
    }
  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    total -= expect->texts[b] ? 1 : 0;
  g_assert_cmpuint (total, ==, 0);
  check_invariants (canvas, NULL);
}

static const OnePerBlock synonyms = {
  "synonyms.md", {
    "Suppliers of parts.", "Assembly of kits.", "A factory in Ohio.", "Cheap, sturdy kits.",
    "A user forum.", "Online shop and hobby stores.", "Hobbyists and schools.",
    "Parts and labour.", "Kit sales and spare parts.",
  }
};

static const OnePerBlock typos = {
  "typos.md", {
    "Note under a typo of Key Partners.", "Note under a typo of Key Activities.",
    "Note under a typo of Key Resources.", "Note under a typo of Value Propositions.",
    "Note under a typo of Customer Relationships.", "Note under a typo of Channels.",
    "Note under a typo of Customer Segments.", "Note under a typo of Cost Structure.",
    "Note under a typo of Revenue Streams.",
  }
};

static const OnePerBlock bracketed = {
  "bracketed.md", {
    "Bracketed partners note.", NULL, NULL, "Numbered and explained value note.", NULL,
    "Channels with an explanation note.", "Bracketed segments note.", NULL,
    "Numbered revenue note.",
  }
};

static const OnePerBlock bold_headings = {
  "bold-headings.md", {
    "Bold Co relies on two logistics firms.", NULL, NULL, NULL, NULL, NULL,
    "Small retailers in Spain.", NULL, "Monthly subscriptions.",
  }
};

static const OnePerBlock conclusion = {
  "conclusion.md", {
    "Partners note.", NULL, NULL, NULL, NULL, NULL, "Segments note.", NULL, "Revenue note.",
  }
};

static void
test_synonyms_more (void)
{
  g_autoptr(NfCanvas) canvas = import_ok ("synonyms-more.md");

  /* "Key Partnerships" and "Partner Network" both mean Key Partners. */
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_PARTNERS), ==, 2);
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Note for key partnerships.", 4);
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Note for partner network.", 7);
  assert_note (canvas, NF_BLOCK_REVENUE_STREAMS, "Note for revenue sources.", 10);
  assert_note (canvas, NF_BLOCK_COST_STRUCTURE, "Note for cost structure.", 13);
  assert_note (canvas, NF_BLOCK_VALUE_PROPOSITIONS, "Note for value propositions.", 16);
  assert_note (canvas, NF_BLOCK_CUSTOMER_SEGMENTS, "Note for customer segment.", 19);
  assert_note (canvas, NF_BLOCK_CHANNELS, "Note for channel.", 22);
  assert_note (canvas, NF_BLOCK_KEY_RESOURCES, "Note for key resource.", 25);
  assert_note (canvas, NF_BLOCK_KEY_ACTIVITIES, "Note for key activities.", 28);
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_CUSTOMER_RELATIONSHIPS), ==, 0);
  check_invariants (canvas, NULL);
}

static void
test_typos_far_heading_ends_section (void)
{
  g_autoptr(NfCanvas) canvas = import_ok ("typos.md");

  g_assert_false (any_note_contains (canvas, "too far from any block name"));
}

static void
test_empty_heading (void)
{
  g_autoptr(NfCanvas) canvas = import_ok ("empty-heading.md");

  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_PARTNERS), ==, 3);
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Second partners note", 9);
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Third partners note", 13);
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_CHANNELS), ==, 1);
  check_invariants (canvas, NULL);
}

static void
test_tables (void)
{
  g_autoptr(NfCanvas) canvas = import_ok ("tables.md");
  NfMetricTable *revenue, *units, *costs;

  g_assert_cmpuint (n_tables (canvas), ==, 3);
  revenue = table_at (canvas, 0);
  units = table_at (canvas, 1);
  costs = table_at (canvas, 2);

  /* Leading pipes, and no blank line before or after: the line after the
   * last row is a paragraph, not a row. */
  g_assert_cmpstr (table_title (revenue), ==, "Revenue Streams table 1");
  g_assert_cmpint (nf_metric_table_get_block (revenue), ==, NF_BLOCK_REVENUE_STREAMS);
  g_assert_cmpuint (nf_metric_table_get_cite_line (revenue), ==, 6);
  g_assert_cmpuint (nf_metric_table_get_n_rows (revenue), ==, 2);
  assert_column (revenue, 0, "Year", NF_COLUMN_YEAR, NULL);
  assert_column (revenue, 1, "Revenue", NF_COLUMN_MONEY, "USD");
  assert_column (revenue, 2, "Growth", NF_COLUMN_PERCENT, NULL);
  assert_cell (revenue, 0, 0, "2021", TRUE, 2021);
  assert_cell (revenue, 0, 1, "$9.5 million", TRUE, 9500000);
  assert_cell (revenue, 1, 2, "26.3%", TRUE, 0.263);
  assert_note (canvas, NF_BLOCK_REVENUE_STREAMS, "A paragraph straight after the table", 10);

  /* No leading pipes; titled by the sub-heading above it */
  g_assert_cmpstr (table_title (units), ==, "Units sold");
  g_assert_cmpuint (nf_metric_table_get_cite_line (units), ==, 16);
  assert_column (units, 0, "Product", NF_COLUMN_TEXT, NULL);
  assert_column (units, 1, "Units", NF_COLUMN_COUNT, NULL);
  assert_column (units, 2, "Share (%)", NF_COLUMN_PERCENT, NULL);
  assert_cell (units, 1, 1, "9,000", TRUE, 9000);
  assert_cell (units, 0, 2, "40", TRUE, 0.4);
  assert_cell (units, 0, 0, "Basic", FALSE, 0);

  /* Inline markup reduced to text, escaped pipes kept, n/a without value */
  g_assert_cmpstr (table_title (costs), ==, "Cost Structure table 1");
  g_assert_cmpint (nf_metric_table_get_block (costs), ==, NF_BLOCK_COST_STRUCTURE);
  assert_column (costs, 1, "Cost (RMB)", NF_COLUMN_MONEY, "CNY");
  assert_cell (costs, 0, 1, "¥3.2亿", TRUE, 320000000);
  assert_cell (costs, 1, 1, "2,235.1万", TRUE, 22351000);
  assert_cell (costs, 2, 1, "n/a", FALSE, 0);
  assert_cell (costs, 0, 2, "bold and a link", FALSE, 0);
  assert_cell (costs, 1, 2, "a | pipe", FALSE, 0);
  assert_cell (costs, 2, 2, "code", FALSE, 0);
  check_invariants (canvas, NULL);
}

static void
test_plain_lines (void)
{
  g_autoptr(NfCanvas) canvas = import_ok ("plain-lines.txt");
  NfMetricTable *supply, *revenue;

  g_assert_cmpstr (nf_canvas_get_company (canvas), ==, "Lumen Solar Inc.");
  g_assert_cmpstr (nf_canvas_get_title (canvas), ==, "Lumen Solar Inc. (LUMN): Business Model Canvas");
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_PARTNERS), ==, 3);
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Panel makers: Lumen buys panels", 4);
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Installers: Certified installers", 6);
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Partner networks: Lumen works with", 12);
  assert_note (canvas, NF_BLOCK_REVENUE_STREAMS, "Leases: Households lease", 15);
  assert_note (canvas, NF_BLOCK_COST_STRUCTURE, "Panels and labour are the largest", 21);

  g_assert_cmpuint (n_tables (canvas), ==, 2);
  supply = table_at (canvas, 0);
  revenue = table_at (canvas, 1);
  g_assert_cmpuint (nf_metric_table_get_cite_line (supply), ==, 7);
  g_assert_cmpuint (nf_metric_table_get_n_rows (supply), ==, 2);
  assert_column (supply, 2, "Annual Spend ($)", NF_COLUMN_MONEY, "USD");
  assert_cell (supply, 1, 1, "30", TRUE, 0.3);
  assert_cell (supply, 1, 2, "7.5 million", TRUE, 7500000);
  g_assert_cmpint (nf_metric_table_get_block (revenue), ==, NF_BLOCK_REVENUE_STREAMS);
  g_assert_cmpstr (table_title (revenue), ==, "Leases");
  assert_column (revenue, 0, "Year", NF_COLUMN_YEAR, NULL);
  assert_cell (revenue, 1, 1, "55,500,000", TRUE, 55500000);
  check_invariants (canvas, NULL);
}

static void
test_biographies_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = import_data_file ("biographies.md", &error);

  g_assert_null (canvas);
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_NOT_A_CANVAS);
  g_assert_nonnull (strstr (error->message, "biographies.md"));
}

static void
test_chinese (void)
{
  g_autoptr(NfCanvas) canvas = import_ok ("chinese.md");
  NfMetricTable *table;

  g_assert_cmpstr (nf_canvas_get_language (canvas), ==, "zh");
  g_assert_cmpstr (nf_canvas_get_company (canvas), ==, "数跑科技");
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "与吉利、奇瑞等主机厂合作", 5);
  assert_note (canvas, NF_BLOCK_CUSTOMER_SEGMENTS, "汽车品牌主机厂和经销商。", 9);
  table = table_at (canvas, 0);
  g_assert_cmpstr (table_title (table), ==, "收入来源 表1");
  assert_column (table, 0, "年份", NF_COLUMN_YEAR, NULL);
  assert_column (table, 1, "收入", NF_COLUMN_MONEY, "CNY");
  assert_column (table, 2, "增长", NF_COLUMN_PERCENT, NULL);
  assert_cell (table, 0, 0, "2019年", TRUE, 2019);
  assert_cell (table, 1, 1, "2，235.1万元", TRUE, 22351000);
  assert_cell (table, 0, 2, "约2%", TRUE, 0.02);
  assert_cell (table, 1, 2, "１５％", TRUE, 0.15);
  check_invariants (canvas, NULL);
}

/* --- text-level behaviour ------------------------------------------------ */

static void
test_line_endings (void)
{
  static const char * const variants[] = {
    "## Key Partners\n\nOne.\n\n## Channels\n\nTwo,\nwrapped.\n",
    "## Key Partners\r\n\r\nOne.\r\n\r\n## Channels\r\n\r\nTwo,\r\nwrapped.\r\n",
    "## Key Partners\r\rOne.\r\r## Channels\r\rTwo,\rwrapped.\r",
    "\xef\xbb\xbf## Key Partners\n\nOne.\n\n## Channels\n\nTwo,\nwrapped.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(NfCanvas) canvas = import_text (variants[i]);

      assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "One.", 3);
      /* A hard-wrapped paragraph is one note, its line breaks spaces. */
      assert_note (canvas, NF_BLOCK_CHANNELS, "Two, wrapped.", 7);
      g_assert_cmpuint (n_notes (canvas, NF_BLOCK_CHANNELS), ==, 1);
    }
}

static void
test_inline_markup (void)
{
  g_autoptr(NfCanvas) canvas = import_text (
    "# Business model of Markup Co\n"
    "\n"
    "## Key Partners\n"
    "\n"
    "**Bold**, *italic*, `code`, [a link](https://example.com \"t\"), ![an image](x.png),\n"
    "<span>html</span>, AT&amp;T, a hard  \n"
    "break and an escaped \\*star\\*.\n"
    "\n"
    "- Outer item\n"
    "  - Inner item\n"
    "  - Second inner\n"
    "- Last item\n"
    "\n"
    "> A quoted paragraph.\n"
    "\n"
    "```\n"
    "code block, not a note\n"
    "```\n"
    "\n"
    "## Channels\n"
    "\n"
    "The web.\n");
  static const char * const partners[] = {
    "Bold, italic, code, a link, an image, html, AT&T, a hard break and an escaped *star*.",
    "Outer item", "Inner item", "Second inner", "Last item", "A quoted paragraph.",
  };
  static const guint lines[] = { 5, 9, 10, 11, 12, 14 };

  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_PARTNERS), ==, G_N_ELEMENTS (partners));
  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    {
      NfNote *note = note_at (canvas, NF_BLOCK_KEY_PARTNERS, i);

      g_assert_cmpstr (note_text (note), ==, partners[i]);
      g_assert_cmpuint (nf_note_get_cite_line (note), ==, lines[i]);
    }
  g_assert_false (any_note_contains (canvas, "code block"));
}

static void
test_sub_heading_kept (void)
{
  g_autoptr(NfCanvas) canvas = import_text (
    "## Key Partners\n\n"
    "### Suppliers:\n\nTwo mills.\n\nA third one.\n\n"
    "### Alone\n\n"
    "### Banks\n\n| Bank | Loan |\n|---|---|\n| A | $5m |\n\nAfter the table.\n\n"
    "## Channels\n\nWeb.\n");

  /* Prefixed once; a sub-heading with nothing under it stays a note. */
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Suppliers: Two mills.", 5);
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "A third one.", 7);
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Alone", 9);
  g_assert_cmpstr (note_text (find_note (canvas, NF_BLOCK_KEY_PARTNERS, "Alone")), ==, "Alone");
  /* Titling a table does not stop it leading the paragraph after. */
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Banks: After the table.", 17);
  g_assert_cmpstr (table_title (table_at (canvas, 0)), ==, "Banks");
  assert_cell (table_at (canvas, 0), 0, 1, "$5m", TRUE, 5000000);
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_PARTNERS), ==, 4);
}

static void
test_one_weak_section_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) weak = NULL;
  g_autoptr(NfCanvas) strong = NULL;
  const char *law_firm = "# Smith & Co\n\n## Partners\n\nJane Smith and John Doe.\n";
  const char *one_block = "# Acme\n\n## Key Partners\n\nTwo suppliers.\n";

  /* "Partners" alone may be a law firm's page; "Key Partners" is not. */
  weak = nf_import_from_data (law_firm, strlen (law_firm), "partners.md", &error);
  g_assert_null (weak);
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_NOT_A_CANVAS);
  g_clear_error (&error);
  strong = nf_import_from_data (one_block, strlen (one_block), "acme.md", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_notes (strong, NF_BLOCK_KEY_PARTNERS), ==, 1);
}

static void
test_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = NULL;
  g_autoptr(GString) wide = g_string_new ("## Key Partners\n\nA.\n\n## Channels\n\n");
  g_autoptr(GString) long_note = g_string_new ("## Key Partners\n\n");
  g_autoptr(NfCanvas) canvas = NULL;
  static const char garbage[] = "\x01\x02\xff\xfe\x00 ## Key\x00 Partners";
  gsize max = NF_CANVAS_MAX_FILE_SIZE;

  huge = g_malloc (max + 1);
  memset (huge, 'a', max + 1);
  g_assert_null (nf_import_from_data (huge, max + 1, "huge.md", &error));
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* 400 columns over 300 rows: 120400 cells */
  for (guint c = 0; c < 400; c++)
    g_string_append (wide, "a|");
  g_string_append_c (wide, '\n');
  for (guint c = 0; c < 400; c++)
    g_string_append (wide, "-|");
  g_string_append_c (wide, '\n');
  for (guint r = 0; r < 300; r++)
    g_string_append (wide, "|\n");
  g_assert_null (nf_import_from_data (wide->str, wide->len, "wide.md", &error));
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "line 7"));
  g_clear_error (&error);

  g_assert_null (nf_import_from_data ("", 0, "empty.md", &error));
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_NOT_A_CANVAS);
  g_clear_error (&error);
  g_assert_null (nf_import_from_data (garbage, sizeof garbage - 1, "garbage.bin", &error));
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_NOT_A_CANVAS);
  g_clear_error (&error);

  /* A note longer than a field may be is cut, not refused at save. */
  while (long_note->len < 3 * NF_CANVAS_MAX_FIELD_SIZE)
    g_string_append (long_note, "word word word word word word word word ");
  g_string_append (long_note, "\n\n## Channels\n\nWeb.\n");
  canvas = nf_import_from_data (long_note->str, long_note->len, "long.md", &error);
  g_assert_no_error (error);
  {
    const char *text = note_text (note_at (canvas, NF_BLOCK_KEY_PARTNERS, 0));

    g_assert_cmpuint (strlen (text), <=, NF_CANVAS_MAX_FIELD_SIZE);
    g_assert_cmpuint (strlen (text), >, NF_CANVAS_MAX_FIELD_SIZE - 8);
    g_assert_true (g_str_has_suffix (text, "…"));
  }
  check_invariants (canvas, NULL);
}

static void
test_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "import", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) missing = g_file_get_child (folder, "no-such-file.md");

  g_assert_null (nf_import_from_file (folder, NULL, &error));
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_IO);
  g_clear_error (&error);
  g_assert_null (nf_import_from_file (missing, NULL, &error));
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "no-such-file.md"));
}

/* cmark-gfm 0.29.0.gfm.6 is quadratic on these shapes; the importer must
 * stay linear. Unguarded, each of these takes minutes. */
/* Time limits stretch under valgrind or sanitizers, which set
 * NF_TEST_SLOWDOWN; the limits themselves stay what a user gets. */
static double
slowdown (void)
{
  const char *factor = g_getenv ("NF_TEST_SLOWDOWN");
  double value = factor ? g_ascii_strtod (factor, NULL) : 1;

  return value >= 1 ? value : 1;
}

static void
test_hostile_inputs_are_fast (void)
{
  const gsize size = 2 * 1024 * 1024;
  const char *head = "## Key Partners\n\nA.\n\n## Channels\n\nB.\n\n";
  GPtrArray *inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_free);
  GString *s;

  /* Paragraphs of seven long lines of brackets (blank lines between keep
   * it Markdown, not plain text) */
  s = g_string_new (head);
  while (s->len < size)
    {
      for (guint line = 0; line < 7; line++)
        {
          for (guint i = 0; i < 10000; i++)
            g_string_append (s, "![[]()");
          g_string_append_c (s, '\n');
        }
      g_string_append_c (s, '\n');
    }
  g_ptr_array_add (inputs, g_string_free (s, FALSE));
  /* Deep block quotes over long lines */
  s = g_string_new (head);
  while (s->len < size)
    {
      for (guint i = 0; i < 20000; i++)
        g_string_append_c (s, '>');
      for (guint i = 0; i < 20000; i++)
        g_string_append (s, "a*");
      g_string_append (s, "\n\n");
    }
  g_ptr_array_add (inputs, g_string_free (s, FALSE));
  s = g_string_new (head);
  for (guint i = 0; s->len < size; i++)
    g_string_append_printf (s, "# Custmer Segmnets %c%c\n", 'a' + i % 26, 'a' + i / 26 % 26);
  g_ptr_array_add (inputs, g_string_free (s, FALSE));
  s = g_string_new (head);
  while (s->len < size)
    {
      for (guint c = 0; c < 300; c++)
        g_string_append (s, "a|");
      g_string_append_c (s, '\n');
      for (guint c = 0; c < 300; c++)
        g_string_append (s, "-|");
      g_string_append_c (s, '\n');
      for (guint r = 0; r < 300; r++)
        g_string_append (s, "|\n");
      g_string_append_c (s, '\n');
    }
  g_ptr_array_add (inputs, g_string_free (s, FALSE));

  for (guint i = 0; i < inputs->len; i++)
    {
      const char *input = inputs->pdata[i];
      /* CPU time, which a machine busy with other work does not inflate:
       * the bound catches a quadratic path, not a slow machine. */
      clock_t start = clock ();
      g_autoptr(GError) error = NULL;
      g_autoptr(NfCanvas) canvas = nf_import_from_data (input, strlen (input), "hostile.md",
                                                        &error);
      double seconds = (clock () - start) / (double) CLOCKS_PER_SEC;

      g_test_message ("hostile input %u: %.2f s", i, seconds);
      g_assert_true (canvas != NULL || error != NULL);
      g_assert_cmpfloat (seconds, <, 20 * slowdown ());
    }
  g_ptr_array_unref (inputs);
}

/* --- repairs (issue 16) ---------------------------------------------- */

static NfCanvas *
import_warned (const char  *text,
               GPtrArray  **out_warnings)
{
  g_autoptr(GError) error = NULL;
  NfCanvas *canvas = nf_import_from_data_full (text, strlen (text), "mended.md", out_warnings,
                                               &error);

  g_assert_no_error (error);
  g_assert_nonnull (canvas);
  g_assert_nonnull (*out_warnings);
  return canvas;
}

/* The warning for a line, which must name the input and the line. */
static const char *
warning_at (GPtrArray *warnings,
            guint      line)
{
  g_autofree char *prefix = g_strdup_printf ("mended.md, line %u: ", line);

  for (guint i = 0; i < warnings->len; i++)
    {
      const GError *warning = warnings->pdata[i];

      g_assert_true (g_error_matches (warning, NF_CANVAS_ERROR, NF_CANVAS_ERROR_INVALID));
      if (g_str_has_prefix (warning->message, prefix))
        return warning->message + strlen (prefix);
    }
  return NULL;
}

static void
test_paragraph_after_list_item (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(NfCanvas) canvas = import_warned (
    "## Key Partners\n"
    "\n"
    "- Two mills supply the pulp.\n"
    "The mills were bought in 2019.\n"
    "- A lender that\n"
    "wraps its line.\n"
    "\n"
    "## Channels\n"
    "\n"
    "Web.\n", &warnings);

  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Two mills supply the pulp.", 3);
  g_assert_cmpstr (note_text (find_note (canvas, NF_BLOCK_KEY_PARTNERS, "Two mills")), ==,
                   "Two mills supply the pulp.");
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "The mills were bought in 2019.", 4);
  /* A wrapped item that has not ended its sentence stays whole. */
  g_assert_cmpstr (note_text (find_note (canvas, NF_BLOCK_KEY_PARTNERS, "A lender")), ==,
                   "A lender that wraps its line.");
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_PARTNERS), ==, 3);
  g_assert_nonnull (warning_at (warnings, 4));
  g_assert_cmpuint (warnings->len, ==, 1);
}

/* An item without its full stop, then a sentence of its own in capitals
 * ("Acme also works…"): two notes, said. An item that wants more words
 * ("…with", "…and") or a line going on in lower case is one item. */
static void
test_paragraph_after_item_without_stop (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(NfCanvas) canvas = import_warned (
    "## Key Partners\n"
    "\n"
    "- Component suppliers in Shenzhen\n"
    "Acme also works with two universities on motion control.\n"
    "- Joint ventures with KBB and\n"
    "CADA provide data on used cars.\n"
    "- Partnered with over 590 providers in China\n"
    "to distribute its pricing.\n"
    "\n"
    "## Channels\n"
    "\n"
    "Web.\n", &warnings);

  g_assert_cmpstr (note_text (find_note (canvas, NF_BLOCK_KEY_PARTNERS, "Component")), ==,
                   "Component suppliers in Shenzhen");
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Acme also works with two universities on motion control.", 4);
  g_assert_cmpstr (note_text (find_note (canvas, NF_BLOCK_KEY_PARTNERS, "Joint")), ==,
                   "Joint ventures with KBB and CADA provide data on used cars.");
  g_assert_cmpstr (note_text (find_note (canvas, NF_BLOCK_KEY_PARTNERS, "Partnered")), ==,
                   "Partnered with over 590 providers in China to distribute its pricing.");
  g_assert_cmpuint (n_notes (canvas, NF_BLOCK_KEY_PARTNERS), ==, 4);
  g_assert_nonnull (warning_at (warnings, 4));
  g_assert_cmpuint (warnings->len, ==, 1);
}

static void
test_empty_heading_warned (void)
{
  g_autofree char *path = data_path ("empty-heading.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_import_from_file_full (file, NULL, &warnings, &error);
  g_autofree char *line7 = g_strdup_printf ("%s, line 7: ", path);
  g_autofree char *line11 = g_strdup_printf ("%s, line 11: ", path);

  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 2);
  /* Named where it is, and where its text went. */
  g_assert_true (g_str_has_prefix (((GError *) warnings->pdata[0])->message, line7));
  g_assert_true (g_str_has_prefix (((GError *) warnings->pdata[1])->message, line11));
  g_assert_nonnull (strstr (((GError *) warnings->pdata[0])->message,
                            nf_block_title (NF_BLOCK_KEY_PARTNERS)));
  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Second partners note", 9);

  /* A clean write-up gives an empty list. */
  {
    g_autoptr(GPtrArray) none = NULL;
    g_autoptr(NfCanvas) clean = import_warned ("## Key Partners\n\nBanks.\n\n## Channels\n\nWeb.\n",
                                               &none);

    g_assert_cmpuint (none->len, ==, 0);
  }
}

typedef struct {
  const char *text;
  const char *title;
  const char *company;
} TitleCase;

static void
test_title_from_text (void)
{
  static const TitleCase cases[] = {
    { "Businessmodel of Acme Rides\n\nAn intro.\n\n## Key Partners\n\nBanks.\n\n## Channels\n\nWeb.\n",
      "Businessmodel of Acme Rides", "Acme Rides" },
    { "# Zeta Freight business model\n\n## Key Partners\n\nBanks.\n\n## Channels\n\nWeb.\n",
      "Zeta Freight business model", "Zeta Freight" },
    { "**Business Model Canvas: Omni Ltd (NYSE: OMN)**\n\n## Key Partners\n\nBanks.\n\n"
      "## Channels\n\nWeb.\n",
      "Business Model Canvas: Omni Ltd (NYSE: OMN)", "Omni Ltd" },
    { "Notes from class\n\n## Key Partners\n\nBanks.\n\n## Channels\n\nWeb.\n\n"
      "# The business model of Kappa\n\nMore.\n",
      "The business model of Kappa", "Kappa" },
    /* A sentence about business models names no business. */
    { "We study how business models of platforms work.\n\n## Key Partners\n\nBanks.\n\n"
      "## Channels\n\nWeb.\n",
      "mended", "mended" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) warnings = NULL;
      g_autoptr(NfCanvas) canvas = import_warned (cases[i].text, &warnings);

      g_assert_cmpstr (nf_canvas_get_title (canvas), ==, cases[i].title);
      g_assert_cmpstr (nf_canvas_get_company (canvas), ==, cases[i].company);
    }
}

static void
test_stray_markup (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(NfCanvas) canvas = import_warned (
    "## Key Partners\n"                                   /* 1 */
    "\n"
    "### 1. Advertising\n"                                /* 3 */
    "\n"
    "Sold to *Fortune *500 brands.\n"                     /* 5 */
    "\n"
    "**2) Fees**\n"                                       /* 7 */
    "\n"
    "- **Ride fees**, 20% of each *ride.\n"               /* 9 */
    "- 3.Leasing\n"                                       /* 10 */
    "\n"
    "Kept: snake_case, a*b, 5 * 3, \\*escaped\\*, 1.5 million, `x*`.\n"  /* 12 */
    "\n"
    "1\\. is escaped, not a list.\n"                     /* 14 */
    "\n"
    "## Channels\n"
    "\n"
    "Web.\n", &warnings);

  assert_note (canvas, NF_BLOCK_KEY_PARTNERS, "Advertising: Sold to Fortune 500 brands.", 5);
  g_assert_cmpstr (note_text (find_note (canvas, NF_BLOCK_KEY_PARTNERS, "Advertising")), ==,
                   "Advertising: Sold to Fortune 500 brands.");
  g_assert_cmpstr (note_text (find_note (canvas, NF_BLOCK_KEY_PARTNERS, "Fees")), ==,
                   "Fees: Ride fees, 20% of each ride.");
  g_assert_cmpstr (note_text (find_note (canvas, NF_BLOCK_KEY_PARTNERS, "Leasing")), ==,
                   "Leasing");
  g_assert_cmpstr (note_text (find_note (canvas, NF_BLOCK_KEY_PARTNERS, "Kept")), ==,
                   "Kept: snake_case, a*b, 5 * 3, *escaped*, 1.5 million, x*.");
  g_assert_cmpstr (note_text (find_note (canvas, NF_BLOCK_KEY_PARTNERS, "1.")), ==,
                   "1. is escaped, not a list.");
  g_assert_false (any_note_contains (canvas, "**"));
  g_assert_nonnull (warning_at (warnings, 3));
  g_assert_nonnull (warning_at (warnings, 5));
  g_assert_nonnull (warning_at (warnings, 7));
  g_assert_nonnull (warning_at (warnings, 9));
  g_assert_nonnull (warning_at (warnings, 10));
  g_assert_null (warning_at (warnings, 12));
  g_assert_null (warning_at (warnings, 14));
}

/* A passage taken in the source reader reads as the importer reads the
 * same lines: the note texts must agree. */
static void
test_passage_text (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "### Key Partners", "Key Partners" },
    { "1. Advertising on the *home page*", "Advertising on the home page" },
    { "- Suppliers of parts_and_tools\n  and of [spare wheels](https://example.com/w)",
      "Suppliers of parts_and_tools and of spare wheels" },
    { "Over 1.5 million users in\n**three** cities.", "Over 1.5 million users in three cities." },
    { "A \\*literal\\* star and 5 * 3", "A *literal* star and 5 * 3" },
    { "*Fortune *500 partners", "Fortune 500 partners" },
    { "> quoted `code_span` here", "quoted code_span here" },
    { "| Year | Users |\n|---|---|\n| 2022 | 1,000 |", "Year Users 2022 1,000" },
    { "3、广告收入", "广告收入" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = nf_import_passage_text (cases[i].in);

      g_assert_cmpstr (text, ==, cases[i].out);
    }
  g_assert_null (nf_import_passage_text (""));
  g_assert_null (nf_import_passage_text ("   \n\n  "));
  g_assert_null (nf_import_passage_text ("***"));
}

/* cmark-gfm comes from its module, opened by the first write-up read and
 * not before. Runs first. */
static void
test_markdown_module (void)
{
  g_autofree char *text = NULL;

  g_assert_false (_nf_module_is_open ("ninefold-markdown"));
  text = nf_import_passage_text ("A *first* [passage](https://example.com).");
  g_assert_cmpstr (text, ==, "A first passage.");
  g_assert_true (_nf_module_is_open ("ninefold-markdown"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/markdown-module", test_markdown_module);
  g_test_add_func ("/import/seed/000", test_seed_000);
  g_test_add_func ("/import/seed/001", test_seed_001);
  g_test_add_func ("/import/seed/002", test_seed_002);
  g_test_add_func ("/import/seed/003-refused", test_seed_003_refused);
  g_test_add_func ("/import/front-matter", test_front_matter);
  g_test_add_func ("/import/indented-heading", test_indented_heading);
  g_test_add_data_func ("/import/synonyms", &synonyms, test_one_per_block);
  g_test_add_func ("/import/synonyms-more", test_synonyms_more);
  g_test_add_data_func ("/import/typos", &typos, test_one_per_block);
  g_test_add_func ("/import/typos-far", test_typos_far_heading_ends_section);
  g_test_add_data_func ("/import/bracketed", &bracketed, test_one_per_block);
  g_test_add_data_func ("/import/bold-headings", &bold_headings, test_one_per_block);
  g_test_add_data_func ("/import/conclusion-ends-section", &conclusion, test_one_per_block);
  g_test_add_func ("/import/empty-heading", test_empty_heading);
  g_test_add_func ("/import/tables", test_tables);
  g_test_add_func ("/import/plain-lines", test_plain_lines);
  g_test_add_func ("/import/biographies-refused", test_biographies_refused);
  g_test_add_func ("/import/chinese", test_chinese);
  g_test_add_func ("/import/line-endings", test_line_endings);
  g_test_add_func ("/import/inline-markup", test_inline_markup);
  g_test_add_func ("/import/sub-headings", test_sub_heading_kept);
  g_test_add_func ("/import/one-weak-section-refused", test_one_weak_section_refused);
  g_test_add_func ("/import/limits", test_limits);
  g_test_add_func ("/import/file-errors", test_file_errors);
  g_test_add_func ("/import/hostile-inputs-are-fast", test_hostile_inputs_are_fast);
  g_test_add_func ("/import/repair/paragraph-after-list-item", test_paragraph_after_list_item);
  g_test_add_func ("/import/repair/paragraph-after-item-without-stop",
                   test_paragraph_after_item_without_stop);
  g_test_add_func ("/import/repair/empty-heading", test_empty_heading_warned);
  g_test_add_func ("/import/repair/title-from-text", test_title_from_text);
  g_test_add_func ("/import/repair/stray-markup", test_stray_markup);
  g_test_add_func ("/import/passage-text", test_passage_text);
  return g_test_run ();
}
