/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-diff"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-i18n-private.h"

#include "nf-diff-private.h"
#include "nf-number-private.h"

#include <ninefold/nf-number.h>

/* One measure named in either language. A label is aligned under a key
 * only when the whole label, folded and without a trailing word for
 * "number" or "amount" ("用户数", "营业收入额"), is one of these: a word
 * the labels merely contain ("Total Registered Users", "由超级会员介绍的
 * 用户") says nothing of whether they count the same thing. */
static const char * const synonyms[][8] = {
  { "market size", "市场规模", NULL },
  { "revenue", "营收", "收入", "营业收入", "营业额", "sales", "turnover", NULL },
  { "users", "用户", NULL },
  { "registered users", "注册用户", NULL },
  { "monthly active users", "月活跃用户", "月活用户", "mau", NULL },
  { "customers", "客户", NULL },
  { "employees", "员工", "staff", "headcount", "员工人数", "团队人数", NULL },
  { "profit", "利润", NULL },
  { "net profit", "净利润", "net income", NULL },
  { "gross margin", "毛利率", NULL },
  { "gross profit", "毛利", NULL },
};

/* Words Chinese labels end with for "the number of" or "the amount of". */
static const char * const counters[] = { "总数", "数量", "数", "量", "额", "规模" };

/* The synonyms folded once: folded phrase → key. Decks lay out in worker
 * threads, hence g_once. */
static GHashTable *
synonym_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
        for (guint j = 0; synonyms[i][j] != NULL; j++)
          g_hash_table_insert (t, _nf_diff_fold (synonyms[i][j]), (gpointer) synonyms[i][0]);
      g_once_init_leave (&table, t);
    }
  return table;
}

char *
nf_diff_metric_key (const char *label)
{
  GHashTable *table = synonym_table ();
  g_autofree char *folded = _nf_diff_fold (label);
  const char *key;

  if ((key = g_hash_table_lookup (table, folded)) != NULL)
    return g_strdup (key);
  /* Every counter is Chinese: a label ending in ASCII ends in none. */
  if (label == NULL || *label == '\0' || (guchar) label[strlen (label) - 1] < 0x80)
    return g_steal_pointer (&folded);
  for (guint k = 0; k < G_N_ELEMENTS (counters); k++)
    if (g_str_has_suffix (label, counters[k]) && strlen (label) > strlen (counters[k]))
      {
        g_autofree char *cut = g_strndup (label, strlen (label) - strlen (counters[k]));
        g_autofree char *bare = _nf_diff_fold (cut);

        if ((key = g_hash_table_lookup (table, bare)) != NULL)
          return g_strdup (key);
        break;
      }
  return g_steal_pointer (&folded);
}

/* What a row or column measures: the key the file gives (metric="gmv"),
 * else its label's. A key is read as words, hyphens between them, so that
 * "market-size" meets the label "market size" and "gross-margin" a row
 * labelled "Gross margin". */
static char *
row_meaning (NfMetricTable *table,
             guint          row)
{
  const char *metric = nf_metric_table_get_row_metric (table, row);

  /* In English where the label has it, as column names: translations
   * meet there. */
  return metric ? nf_diff_metric_key (metric)
                : nf_diff_metric_key (nf_cell_get_text_for_language (nf_metric_table_get_cell (table, row, 0), "en"));
}

/* A column's name in English where it has it (translations meet there),
 * else as written. */
static char *
column_meaning (NfMetricTable *table,
                guint          column)
{
  const char *metric = nf_metric_table_get_column_metric (table, column);

  return metric ? nf_diff_metric_key (metric)
                : nf_diff_metric_key (nf_text_for_language (nf_metric_table_get_column (table, column)->name, "en"));
}

static gboolean
column_is_label (NfMetricTable *table,
                 guint          column)
{
  NfColumnType type = nf_metric_table_get_column (table, column)->type;

  return column == 0 && (type == NF_COLUMN_TEXT || type == NF_COLUMN_YEAR);
}

char *
nf_diff_format_rate (NfRate *rate)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (NF_IS_RATE (rate), NULL);

  text = nf_rate_to_string (rate);
  if (nf_rate_get_date (rate) != NULL)
    /* Translators: an exchange rate and the day it is for, e.g.
     * "1 USD = 7.1884 CNY, 2024-12-31" */
    return g_strdup_printf (_("%s, %s"), text, nf_rate_get_date (rate));
  return g_steal_pointer (&text);
}

/* ------------------------------------------------------------------ */
/* Two to four canvases, row by row. */

struct _NfDiffMetrics
{
  guint      n_canvases;
  GPtrArray *tables;    /* references, so the rows' pointers stay valid */
  GArray    *rows;      /* NfDiffMetricRow, in the order first met */
  GArray    *aligned;   /* guint indices into rows: in two canvases or more */
  GArray    *unaligned[NF_DIFF_MAX_CANVASES]; /* indices: in that canvas only */
  GHashTable *shared[NF_DIFF_MAX_CANVASES];   /* that canvas's tables with an aligned row */
  GStringChunk *keys;   /* the rows' keys, each stored once */
  guint64    n_probes;  /* look-ups made to key and align the figures */
};

/* What aligning needs of a row while the rows are made, and no reader
 * after: one per row, freed at the end of nf_diff_metrics_new(). */
typedef struct
{
  /* On the first row of a key: per canvas, the number the next repeat of
   * the key in that canvas tries ("key (k)"), 0 while that canvas has not
   * used the key. */
  guint next_repeat[NF_DIFF_MAX_CANVASES];
  /* The next row with the same key and another kind, + 1; 0 for none. */
  guint next_kind;
} RowLink;

/* One table for the whole comparison: key → its first row + 1. A key is
 * used by a canvas when its first row's next_repeat is set for it, so the
 * canvases' "used" sets, the key-and-kind index and the rows' keys, three
 * tables and three copies of every key before, are this one and the
 * string chunk. */
typedef struct
{
  NfDiffMetrics *self;
  GHashTable    *index;
  RowLink       *links;
} Aligner;

/* A table's meanings, each worked out once: folding a label costs far
 * more than a cell, and a row's key (its metric on the first cell that
 * has one) is a scan of the row. Rows are keyed on first use. */
typedef struct
{
  NfMetricTable *table;
  gboolean       labelled;
  gboolean       by_year;
  guint          n_values;
  char         **columns;   /* column_meaning, per column, or NULL */
  char         **rows;      /* row_meaning (or the folded year), per row, or NULL */
} TableKeys;

static void
table_keys_init (TableKeys     *keys,
                 NfMetricTable *table,
                 gboolean       labelled)
{
  keys->table = table;
  keys->labelled = labelled;
  keys->by_year = labelled && nf_metric_table_get_column (table, 0)->type == NF_COLUMN_YEAR;
  keys->n_values = nf_metric_table_get_n_columns (table) - (labelled ? 1 : 0);
  keys->columns = g_new0 (char *, nf_metric_table_get_n_columns (table) + 1);
  keys->rows = g_new0 (char *, nf_metric_table_get_n_rows (table) + 1);
}

static void
table_keys_clear (TableKeys *keys)
{
  guint n_columns = nf_metric_table_get_n_columns (keys->table);
  guint n_rows = nf_metric_table_get_n_rows (keys->table);

  /* Not g_strfreev: entries not yet asked for are NULL in the middle. */
  for (guint c = 0; c < n_columns; c++)
    g_free (keys->columns[c]);
  for (guint r = 0; r < n_rows; r++)
    g_free (keys->rows[r]);
  g_free (keys->columns);
  g_free (keys->rows);
}

static const char *
table_keys_column (TableKeys *keys,
                   guint      column)
{
  if (keys->columns[column] == NULL)
    keys->columns[column] = column_meaning (keys->table, column);
  return keys->columns[column];
}

static const char *
table_keys_row (TableKeys *keys,
                guint      row)
{
  if (keys->rows[row] == NULL)
    keys->rows[row] = keys->by_year
      ? _nf_diff_fold (nf_metric_table_get_cell (keys->table, row, 0)->text)
      : row_meaning (keys->table, row);
  return keys->rows[row];
}

/* The measure a cell stands for, whatever the table around it: the row's
 * label in a labelled table (with the column's name when it has several
 * figures per row), the column's name and the year in a table by year,
 * the column's name elsewhere. Written into `out`, which every cell of a
 * diff reuses: a key per cell, hundreds of thousands at the limits, each
 * allocated and freed, was most of a table's cost. */
static void
cell_key (TableKeys *keys,
          guint      row,
          guint      column,
          GString   *out)
{
  const char *col_key = table_keys_column (keys, column);

  g_string_truncate (out, 0);
  if (keys->by_year)
    g_string_append_printf (out, "%s @ %s", col_key, table_keys_row (keys, row));
  else if (keys->labelled)
    {
      g_string_append (out, table_keys_row (keys, row));
      if (keys->n_values > 1)
        {
          g_string_append (out, " / ");
          g_string_append (out, col_key);
        }
    }
  else if (nf_metric_table_get_n_rows (keys->table) > 1)
    g_string_append_printf (out, "%s #%u", col_key, row + 1);
  else
    g_string_append (out, col_key);
}

/* As "%u", without printf's cost, which was a tenth of a wide table's diff. */
static void
append_uint (GString *out,
             guint    value)
{
  char digits[16];
  char *p = digits + sizeof digits;

  do
    *--p = (char) ('0' + value % 10);
  while ((value /= 10) > 0);
  g_string_append_len (out, p, digits + sizeof digits - p);
}

/* The first row of `key`, or G_MAXUINT for a key no canvas has used. */
static guint
aligner_find (Aligner    *aligner,
              const char *key)
{
  gpointer found;

  aligner->self->n_probes++;
  if (!g_hash_table_lookup_extended (aligner->index, key, NULL, &found))
    return G_MAXUINT;
  return GPOINTER_TO_UINT (found) - 1;
}

/* Makes `key` the key itself the first time `canvas` has it, else "key
 * (2)", "key (3)" …: the first of those the canvas has not used. Each key
 * keeps the number its next repeat tries first, so a thousand rows with
 * one label cost a thousand look-ups, not half a million. Returns the
 * key's first row, or G_MAXUINT when no canvas has used the key yet (the
 * caller then makes its row and marks it used by `canvas`). */
static guint
unique_key (Aligner *aligner,
            guint    canvas,
            GString *key)
{
  gsize length = key->len;
  guint first = aligner_find (aligner, key->str);
  RowLink *link;

  if (first == G_MAXUINT)
    return G_MAXUINT;
  link = &aligner->links[first];
  if (link->next_repeat[canvas] == 0)
    {
      link->next_repeat[canvas] = 2;
      return first;
    }
  for (guint k = link->next_repeat[canvas];; k++)
    {
      guint other;

      g_string_truncate (key, length);
      g_string_append (key, " (");
      append_uint (key, k);
      g_string_append_c (key, ')');
      other = aligner_find (aligner, key->str);
      if (other == G_MAXUINT || aligner->links[other].next_repeat[canvas] == 0)
        {
          link->next_repeat[canvas] = k + 1;
          if (other != G_MAXUINT)
            aligner->links[other].next_repeat[canvas] = 2;
          return other;
        }
    }
}

/* What the figure is counted or priced in: the currency for money (the
 * figure's own, else the column's), nothing for a percentage, else the
 * figure's unit or the column's. Interned: rows keep only pointers. */
static const char *
cell_unit (const NfColumn *col,
           const NfNumber *number)
{
  if (number->kind == NF_NUMBER_KIND_PERCENT || number->kind == NF_NUMBER_KIND_YEAR)
    return NULL;
  if (number->kind == NF_NUMBER_KIND_MONEY)
    {
      if (number->currency[0] != '\0')
        return g_intern_string (number->currency);
      return col->unit != NULL && col->unit[0] != '\0' ? col->unit : NULL;
    }
  if (number->unit[0] != '\0')
    return g_intern_string (number->unit);
  return col->unit != NULL && col->unit[0] != '\0' ? col->unit : NULL;
}

/* A new row for `key`, after row `after` of the same key (another kind),
 * or the key's first row when `after` is G_MAXUINT. */
static NfDiffMetricRow *
aligner_add_row (Aligner       *aligner,
                 const GString *key,
                 guint          after,
                 guint          canvas)
{
  NfDiffMetrics *self = aligner->self;
  NfDiffMetricRow fresh = { 0 };
  guint index = self->rows->len;

  if (after == G_MAXUINT)
    {
      fresh.key = g_string_chunk_insert_len (self->keys, key->str, (gssize) key->len);
      g_hash_table_insert (aligner->index, (gpointer) fresh.key, GUINT_TO_POINTER (index + 1));
      aligner->links[index].next_repeat[canvas] = 2;
    }
  else
    {
      fresh.key = g_array_index (self->rows, NfDiffMetricRow, after).key;
      aligner->links[after].next_kind = index + 1;
    }
  fresh.base = (guint8) canvas;
  g_array_append_val (self->rows, fresh);
  return &g_array_index (self->rows, NfDiffMetricRow, index);
}

static void
add_table (Aligner       *aligner,
           guint          canvas,
           NfMetricTable *table)
{
  NfDiffMetrics *self = aligner->self;
  guint n_columns = nf_metric_table_get_n_columns (table);
  gboolean labelled = n_columns > 1 && column_is_label (table, 0);
  g_autoptr(GString) key = g_string_new (NULL);
  TableKeys keys;

  table_keys_init (&keys, table, labelled);
  for (guint c = labelled ? 1 : 0; c < n_columns; c++)
    {
      const NfColumn *table_col = nf_metric_table_get_column (table, c);
      gboolean words = table_col->type == NF_COLUMN_TEXT || table_col->type == NF_COLUMN_YEAR;
      int rating = -1;  /* whether the column's name says rating, once asked */

      for (guint r = 0; r < nf_metric_table_get_n_rows (table); r++)
        {
          const NfCell *cell = nf_metric_table_get_cell (table, r, c);
          NfDiffMetricRow *row = NULL;
          NfNumber number;
          NfNumberKind kind;
          guint first, last = G_MAXUINT;
          /* A column of words can hold a figure typed on its own cell
           * (Senmiao's "$1.5 million"): that cell is a measure too. */
          NfColumn own = nf_cell_get_column (cell, table_col);
          const NfColumn *col = &own;

          if (!cell->has_value)
            continue;
          if (words && (!cell->has_type || col->type == NF_COLUMN_TEXT || col->type == NF_COLUMN_YEAR))
            continue;
          kind = _nf_number_kind_for_cell (table_col, cell, &number, &rating);
          /* The same measure twice in one canvas: keep them apart. */
          cell_key (&keys, r, c, key);
          first = unique_key (aligner, canvas, key);

          /* One measure is one label and one kind: a count of users and
           * a sum of money under one label are two rows. */
          for (guint i = first; i != G_MAXUINT; i = aligner->links[i].next_kind - 1)
            {
              NfDiffMetricRow *candidate = &g_array_index (self->rows, NfDiffMetricRow, i);

              if (candidate->kind == kind)
                {
                  row = candidate;
                  break;
                }
              last = i;
            }
          if (row == NULL)
            {
              row = aligner_add_row (aligner, key, last, canvas);
              row->kind = (guint8) kind;
              row->label = labelled ? nf_metric_table_get_cell (table, r, 0)->text
                                    : nf_text_get (col->name);
              row->table_title = nf_text_get (nf_metric_table_get_title (table));
              /* By year the measure is the column, and the year says when. */
              if (labelled && nf_metric_table_get_column (table, 0)->type == NF_COLUMN_YEAR)
                {
                  row->column = row->label;
                  row->label = nf_text_get (col->name);
                }
              else if (labelled && n_columns > 2)
                row->column = nf_text_get (col->name);
              row->type = (guint8) col->type;
            }
          row->tables[canvas] = table;
          row->rows[canvas] = r;
          row->columns[canvas] = c;
          row->present[canvas] = TRUE;
          row->values[canvas] = cell->value;
          row->numbers[canvas].kind = (guint8) number.kind;
          row->numbers[canvas].bound = (guint8) number.bound;
          row->numbers[canvas].is_order = number.is_order != FALSE;
          row->units[canvas] = g_intern_string (cell_unit (col, &number));
          row->n_present++;
        }
    }
  table_keys_clear (&keys);
}

static gboolean
same_unit (const char *a,
           const char *b)
{
  return g_ascii_strcasecmp (a ? a : "", b ? b : "") == 0;
}

/* The rate between two currencies that a compared canvas states: the one
 * whose figure it is first, then the base's, then any other. Nothing is
 * ever looked up elsewhere: a comparison converts only what its files say. */
static NfRate *
find_rate (NfCanvas  **canvases,
           guint       n_canvases,
           guint       owner,
           guint       base,
           const char *from,
           const char *to)
{
  NfRate *rate;

  if (!nf_currency_code_is_valid (from) || !nf_currency_code_is_valid (to))
    return NULL;
  if ((rate = nf_canvas_find_rate (canvases[owner], from, to)) != NULL ||
      (rate = nf_canvas_find_rate (canvases[base], from, to)) != NULL)
    return rate;
  for (guint i = 0; i < n_canvases; i++)
    if ((rate = nf_canvas_find_rate (canvases[i], from, to)) != NULL)
      return rate;
  return NULL;
}

/* As nf_number_is_approximate. */
static gboolean
figure_is_approximate (const NfDiffFigure *figure)
{
  return figure->bound != NF_NUMBER_EXACT || figure->is_order;
}

static void
compare_row (NfDiffMetricRow *row,
             NfCanvas       **canvases,
             guint            n_canvases)
{
  const char *unit = row->units[row->base];
  const NfDiffFigure *base = &row->numbers[row->base];

  row->comparable = row->n_present > 1;
  for (guint i = 0; i < n_canvases; i++)
    {
      if (!row->present[i])
        continue;
      row->converted[i] = row->values[i];
      if (!same_unit (row->units[i], unit))
        {
          NfRate *rate = row->kind == NF_NUMBER_KIND_MONEY
            ? find_rate (canvases, n_canvases, i, row->base, row->units[i], unit)
            : NULL;

          /* Money in two currencies, or counts of two things, do not
           * subtract, unless a canvas states the rate between them. */
          if (rate == NULL)
            row->comparable = FALSE;
          else
            {
              row->rates[i] = rate;
              row->converted[i] = g_ascii_strcasecmp (nf_rate_get_from (rate), row->units[i]) == 0
                ? row->values[i] * nf_rate_get_value (rate)
                : row->values[i] / nf_rate_get_value (rate);
            }
        }
    }

  /* What differs: a figure missing somewhere, units that do not compare,
   * another value, or the same value said otherwise ("over 9,000" and
   * "about 9,000"). */
  row->differs = row->n_present < n_canvases || !row->comparable;
  for (guint i = 0; i < n_canvases; i++)
    if (row->present[i] && i != row->base &&
        (row->converted[i] != row->converted[row->base] ||
         row->numbers[i].bound != base->bound || row->numbers[i].is_order != base->is_order))
      row->differs = TRUE;

  if (!row->comparable)
    {
      memset (row->rates, 0, sizeof row->rates);
      return;
    }
  for (guint i = 0; i < n_canvases; i++)
    if (row->present[i])
      {
        /* A difference is as exact as the least exact figure in it, and a
         * converted one only as exact as the rate. */
        row->approximate[i] = figure_is_approximate (&row->numbers[i]) ||
                              figure_is_approximate (base) || row->rates[i] != NULL;
      }
}

NfDiffMetrics *
nf_diff_metrics_new (NfCanvas **canvases,
                     guint      n_canvases)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  NfDiffMetrics *self;
  Aligner aligner;
  NfMetricTable *last_shared[NF_DIFF_MAX_CANVASES] = { NULL };
  gsize n_cells = 0;

  g_return_val_if_fail (canvases != NULL, NULL);
  g_return_val_if_fail (n_canvases >= 1 && n_canvases <= NF_DIFF_MAX_CANVASES, NULL);

  self = g_new0 (NfDiffMetrics, 1);
  self->n_canvases = n_canvases;
  self->tables = g_ptr_array_new_with_free_func (g_object_unref);
  /* Room for a row per cell at most, reserved at once: growing an array
   * of rows this size by doubling copied it over and over. Untouched, the
   * reserve costs address space, not memory. */
  for (guint i = 0; i < n_canvases; i++)
    {
      GListModel *tables = nf_canvas_get_tables (canvases[i]);

      for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
        {
          g_autoptr(NfMetricTable) table = g_list_model_get_item (tables, t);

          n_cells += (gsize) nf_metric_table_get_n_rows (table) * nf_metric_table_get_n_columns (table);
        }
    }
  n_cells = MIN (n_cells, G_MAXUINT - 1);
  self->rows = g_array_sized_new (FALSE, TRUE, sizeof (NfDiffMetricRow), (guint) n_cells);
  self->keys = g_string_chunk_new (64 * 1024);
  aligner.self = self;
  aligner.index = index;
  aligner.links = g_new0 (RowLink, n_cells + 1);
  self->aligned = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < NF_DIFF_MAX_CANVASES; i++)
    {
      self->unaligned[i] = g_array_new (FALSE, FALSE, sizeof (guint));
      self->shared[i] = g_hash_table_new (NULL, NULL);
    }

  for (guint i = 0; i < n_canvases; i++)
    {
      GListModel *tables = nf_canvas_get_tables (canvases[i]);

      for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
        {
          NfMetricTable *table = g_list_model_get_item (tables, t);

          g_ptr_array_add (self->tables, table);
          add_table (&aligner, i, table);
        }
    }
  g_free (aligner.links);
  for (guint r = 0; r < self->rows->len; r++)
    {
      NfDiffMetricRow *row = &g_array_index (self->rows, NfDiffMetricRow, r);

      compare_row (row, canvases, n_canvases);
      g_array_append_val (row->n_present > 1 ? self->aligned : self->unaligned[row->base], r);
      if (row->n_present > 1)
        for (guint i = 0; i < n_canvases; i++)
          if (row->present[i] && row->tables[i] != last_shared[i])
            {
              /* Rows come table by table: most are the last one's again. */
              g_hash_table_add (self->shared[i], row->tables[i]);
              last_shared[i] = row->tables[i];
            }
    }
  return self;
}

void
nf_diff_metrics_free (NfDiffMetrics *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->rows);
  g_array_unref (self->aligned);
  for (guint i = 0; i < NF_DIFF_MAX_CANVASES; i++)
    {
      g_array_unref (self->unaligned[i]);
      g_hash_table_unref (self->shared[i]);
    }
  g_ptr_array_unref (self->tables);
  g_string_chunk_free (self->keys);
  g_free (self);
}

guint64
_nf_diff_metrics_get_n_probes (const NfDiffMetrics *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_probes;
}

guint
nf_diff_metrics_get_n_canvases (const NfDiffMetrics *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_canvases;
}

guint
nf_diff_metrics_get_n_rows (const NfDiffMetrics *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->aligned->len;
}

const NfDiffMetricRow *
nf_diff_metrics_get_row (const NfDiffMetrics *self,
                         guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->aligned->len, NULL);
  return &g_array_index (self->rows, NfDiffMetricRow, g_array_index (self->aligned, guint, index));
}

guint
nf_diff_metrics_get_n_unaligned (const NfDiffMetrics *self,
                                 guint                canvas)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (canvas < self->n_canvases, 0);
  return self->unaligned[canvas]->len;
}

const NfDiffMetricRow *
nf_diff_metrics_get_unaligned (const NfDiffMetrics *self,
                               guint                canvas,
                               guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (canvas < self->n_canvases, NULL);
  g_return_val_if_fail (index < self->unaligned[canvas]->len, NULL);
  return &g_array_index (self->rows, NfDiffMetricRow, g_array_index (self->unaligned[canvas], guint, index));
}

gboolean
nf_diff_metrics_is_same (const NfDiffMetrics *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->n_canvases; i++)
    if (self->unaligned[i]->len > 0)
      return FALSE;
  for (guint r = 0; r < self->aligned->len; r++)
    if (nf_diff_metrics_get_row (self, r)->differs)
      return FALSE;
  return TRUE;
}

gboolean
nf_diff_metrics_table_is_only (const NfDiffMetrics *self,
                               guint                index,
                               NfMetricTable       *table)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->n_canvases, FALSE);

  return !g_hash_table_contains (self->shared[index], table);
}

/* ---- What a person reads ---- */

void
nf_diff_metric_row_get_words (const NfDiffMetricRow *row,
                              const char            *lang,
                              const char           **label,
                              const char           **column,
                              const char           **title)
{
  NfMetricTable *table;
  const NfColumn *col = NULL;
  const char *name = NULL;
  const char *l, *c, *t;

  g_return_if_fail (row != NULL);
  table = row->tables[row->base];
  if (table != NULL)
    {
      col = nf_metric_table_get_column (table, row->columns[row->base]);
      name = nf_text_get (col->name);
    }
  l = row->label != NULL ? row->label : row->key;
  c = row->column;
  t = row->table_title;
  /* The label and column are pointers into the table, so which of its
   * texts each is tells where its translation is. */
  if (col != NULL && lang != NULL && *lang != '\0')
    {
      const NfCell *first = nf_metric_table_get_n_columns (table) > 1
                            ? nf_metric_table_get_cell (table, row->rows[row->base], 0) : NULL;

      if (row->label != NULL && row->label == name)
        l = nf_text_for_language (col->name, lang);
      else if (first != NULL && row->label == first->text)
        l = nf_cell_get_text_for_language (first, lang);
      if (row->column != NULL && row->column == name)
        c = nf_text_for_language (col->name, lang);
      else if (first != NULL && row->column == first->text)
        c = nf_cell_get_text_for_language (first, lang);
      t = nf_text_for_language (nf_metric_table_get_title (table), lang);
    }
  if (label != NULL)
    *label = l;
  if (column != NULL)
    *column = c;
  if (title != NULL)
    *title = t;
}

const char *
nf_diff_metric_row_get_text (const NfDiffMetricRow *row,
                             guint                  canvas,
                             const char            *lang)
{
  g_return_val_if_fail (row != NULL && canvas < NF_DIFF_MAX_CANVASES, NULL);

  if (!row->present[canvas])
    return NULL;
  if (lang == NULL || *lang == '\0')
    return nf_metric_table_get_cell (row->tables[canvas], row->rows[canvas], row->columns[canvas])->text;
  return nf_cell_get_text_for_language (nf_metric_table_get_cell (row->tables[canvas], row->rows[canvas],
                                                                  row->columns[canvas]), lang);
}

char *
nf_diff_metric_row_format_value (const NfDiffMetricRow *row,
                                 guint                  canvas,
                                 const char            *lang)
{
  g_return_val_if_fail (row != NULL && canvas < NF_DIFF_MAX_CANVASES, NULL);

  if (!row->present[canvas])
    return NULL;
  return nf_number_format_cell (nf_metric_table_get_column (row->tables[canvas], row->columns[canvas]),
                                nf_metric_table_get_cell (row->tables[canvas], row->rows[canvas],
                                                          row->columns[canvas]),
                                lang);
}

/* A figure in the base's currency or unit, without a qualifier. */
static char *
in_base (const NfDiffMetricRow *row,
         double                 value,
         const char            *lang)
{
  const char *unit = row->units[row->base];

  return nf_number_format_value (value, row->kind,
                                 row->kind == NF_NUMBER_KIND_MONEY ? unit : NULL,
                                 row->kind == NF_NUMBER_KIND_MONEY ? NULL : unit,
                                 NF_NUMBER_EXACT, FALSE, lang);
}

char *
nf_diff_metric_row_format_converted (const NfDiffMetricRow *row,
                                     guint                  canvas,
                                     const char            *lang)
{
  g_autofree char *value = NULL;
  g_autofree char *rate = NULL;

  g_return_val_if_fail (row != NULL && canvas < NF_DIFF_MAX_CANVASES, NULL);

  if (!row->present[canvas] || row->rates[canvas] == NULL)
    return NULL;
  value = in_base (row, row->converted[canvas], lang);
  rate = nf_diff_format_rate (row->rates[canvas]);
  return g_strdup_printf ("≈ %s (%s)", value, rate);
}

double
nf_diff_metric_row_get_delta (const NfDiffMetricRow *row,
                              guint                  canvas)
{
  g_return_val_if_fail (row != NULL && canvas < NF_DIFF_MAX_CANVASES, 0);

  if (!row->comparable || !row->present[canvas])
    return 0;
  return row->converted[canvas] - row->converted[row->base];
}

double
nf_diff_metric_row_get_ratio (const NfDiffMetricRow *row,
                              guint                  canvas)
{
  g_return_val_if_fail (row != NULL && canvas < NF_DIFF_MAX_CANVASES, 0);

  if (!row->comparable || !row->present[canvas] || row->converted[row->base] == 0)
    return 0;
  return row->converted[canvas] / row->converted[row->base];
}

char *
nf_diff_metric_row_format_delta (const NfDiffMetricRow *row,
                                 guint                  canvas,
                                 const char            *lang)
{
  g_autofree char *magnitude = NULL;
  char digits[G_ASCII_DTOSTR_BUF_SIZE] = "";
  double delta, ratio;

  g_return_val_if_fail (row != NULL && canvas < NF_DIFF_MAX_CANVASES, NULL);

  if (!row->comparable || !row->present[canvas] || canvas == row->base)
    return NULL;
  delta = nf_diff_metric_row_get_delta (row, canvas);
  ratio = nf_diff_metric_row_get_ratio (row, canvas);
  /* A difference too large for a double has no figure worth printing: the
   * figures themselves say it. */
  if (!isfinite (delta))
    return NULL;
  /* Shares differ by percentage points, not by a percentage of them. */
  if (row->kind == NF_NUMBER_KIND_PERCENT)
    {
      g_autofree char *points = nf_number_format_value (fabs (delta) * 100, NF_NUMBER_KIND_OTHER, NULL, NULL,
                                                        NF_NUMBER_EXACT, FALSE, lang);
      gboolean zh = lang != NULL && g_ascii_strncasecmp (lang, "zh", 2) == 0;

      magnitude = g_strconcat (points, zh ? "个百分点" : " pts", NULL);
    }
  else
    magnitude = in_base (row, fabs (delta), lang);
  if (ratio != 0 && isfinite (ratio) && row->kind != NF_NUMBER_KIND_PERCENT)
    _nf_number_format_fixed2 (ratio, digits);
  /* Joined, not printed: a diff of 450,000 figures formats as many. */
  return g_strconcat (row->approximate[canvas] ? "≈" : "", delta > 0 ? "+" : delta < 0 ? "−" : "±",
                      magnitude, digits[0] != '\0' ? " ×" : "", digits, NULL);
}
