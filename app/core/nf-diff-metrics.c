/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-diff"

#include "config.h"

#include <string.h>

#include "nf-diff-private.h"

#include <ninefold/nf-number.h>

/* Different words for one measure, across the languages of the cases.
 * The first word of a row is the key; a label containing any of the
 * phrases (folded) is aligned under it. */
static const char * const synonyms[][6] = {
  { "market size", "市场规模", "market value", NULL },
  { "revenue", "营收", "收入", "营业收入", "sales", NULL },
  { "users", "用户", "customers", "客户", NULL },
  { "employees", "staff", "员工", "人", "headcount", NULL },
  { "profit", "利润", "净利润", NULL },
  { "year", "年份", "年", NULL },
};

/* Chinese labels put the measure last ("注册用户" but not
 * "用户全生命周期节点", a count of stages), perhaps with a word for
 * "number" or "amount" after it; Latin ones may have it anywhere. */
static gboolean
phrase_matches (const char *folded,
                const char *raw,
                const char *phrase)
{
  static const char * const counters[] = { "", "数", "数量", "总数", "量", "额", "规模" };

  for (const char *p = raw; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      {
        for (guint k = 0; k < G_N_ELEMENTS (counters); k++)
          {
            g_autofree char *with = g_strconcat (raw, counters[k], NULL);
            g_autofree char *fold = _nf_diff_fold (with);

            if (g_str_has_suffix (folded, fold))
              return TRUE;
          }
        return FALSE;
      }
  return strstr (folded, phrase) != NULL;
}

char *
nf_diff_metric_key (const char *label)
{
  g_autofree char *folded = _nf_diff_fold (label);

  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    for (guint j = 0; synonyms[i][j] != NULL; j++)
      {
        g_autofree char *phrase = _nf_diff_fold (synonyms[i][j]);

        /* A one-character phrase ("人", "年") is too common inside other
         * labels ("2019年") to be looked for anywhere but on its own. */
        if (g_utf8_strlen (phrase, -1) <= 1 ? g_str_equal (folded, phrase)
                                            : phrase_matches (folded, synonyms[i][j], phrase))
          return g_strdup (synonyms[i][0]);
      }
  return g_steal_pointer (&folded);
}

static char *
text_key (NfText *text)
{
  /* English is where the synonyms and the other canvas most likely meet. */
  return nf_diff_metric_key (nf_text_for_language (text, "en"));
}

/* What a row or column measures: the key the file gives (metric="gmv"),
 * else the one guessed from its words. A key is read as words, hyphens
 * between them, so that "market-size" meets the guess "market size" and
 * "gross-margin" a row labelled "Gross margin". */
static char *
row_meaning (NfMetricTable *table,
             guint          row)
{
  const char *metric = nf_metric_table_get_row_metric (table, row);

  return metric ? _nf_diff_fold (metric) : nf_diff_metric_key (nf_metric_table_get_cell (table, row, 0)->text);
}

static char *
column_meaning (NfMetricTable *table,
                guint          column)
{
  const char *metric = nf_metric_table_get_column_metric (table, column);

  return metric ? _nf_diff_fold (metric)
                : nf_diff_metric_key (nf_text_for_language (nf_metric_table_get_column (table, column)->name, "en"));
}

static gboolean
column_is_label (NfMetricTable *table,
                 guint          column)
{
  NfColumnType type = nf_metric_table_get_column (table, column)->type;

  return column == 0 && (type == NF_COLUMN_TEXT || type == NF_COLUMN_YEAR);
}

/* Two explicit keys that differ say two measures, whatever the words. */
static gboolean
keys_differ (const char *a,
             const char *b)
{
  return a != NULL && b != NULL && !g_str_equal (a, b);
}

/* The same place first, then the same words, then the same meaning: so
 * a table compared with itself lines up even with repeated labels. */
static int
find_row (NfMetricTable *a,
          guint          ra,
          NfMetricTable *b)
{
  const char *label = nf_metric_table_get_cell (a, ra, 0)->text;
  g_autofree char *fold = _nf_diff_fold (label);
  g_autofree char *key = row_meaning (a, ra);
  guint n = nf_metric_table_get_n_rows (b);

  for (guint pass = 0; pass < 3; pass++)
    for (guint r = pass == 0 ? ra : 0; r < (pass == 0 ? MIN (ra + 1, n) : n); r++)
      {
        const char *other = nf_metric_table_get_cell (b, r, 0)->text;
        g_autofree char *k = pass < 2 ? _nf_diff_fold (other) : row_meaning (b, r);

        if (keys_differ (nf_metric_table_get_row_metric (a, ra), nf_metric_table_get_row_metric (b, r)))
          continue;
        if (g_str_equal (k, pass < 2 ? fold : key))
          return (int) r;
      }
  return -1;
}

static int
find_column (NfMetricTable *a,
             guint          ca,
             NfMetricTable *b,
             guint          first)
{
  const char *name = nf_text_for_language (nf_metric_table_get_column (a, ca)->name, "en");
  g_autofree char *fold = _nf_diff_fold (name);
  g_autofree char *key = column_meaning (a, ca);
  guint n = nf_metric_table_get_n_columns (b);

  for (guint pass = 0; pass < 3; pass++)
    for (guint c = pass == 0 ? ca : first; c < (pass == 0 ? MIN (ca + 1, n) : n); c++)
      {
        const char *other = nf_text_for_language (nf_metric_table_get_column (b, c)->name, "en");
        g_autofree char *k = pass < 2 ? _nf_diff_fold (other) : column_meaning (b, c);

        if (keys_differ (nf_metric_table_get_column_metric (a, ca), nf_metric_table_get_column_metric (b, c)))
          continue;
        if (c >= first && g_str_equal (k, pass < 2 ? fold : key))
          return (int) c;
      }
  return -1;
}

static void
align_tables (NfMetricTable *a,
              NfMetricTable *b,
              GArray        *cells)
{
  gboolean labelled = nf_metric_table_get_n_columns (a) > 0 && nf_metric_table_get_n_columns (b) > 0 &&
                      column_is_label (a, 0) && column_is_label (b, 0);

  guint first = labelled ? 1 : 0;

  for (guint ca = first; ca < nf_metric_table_get_n_columns (a); ca++)
    {
      int cb = find_column (a, ca, b, first);
      const NfColumn *col_a = nf_metric_table_get_column (a, ca);
      const NfColumn *col_b;
      gboolean comparable;

      if (cb < 0)
        continue;
      col_b = nf_metric_table_get_column (b, cb);
      /* Money in two currencies, or counts of two things, do not subtract. */
      comparable = col_a->type == col_b->type &&
                   g_ascii_strcasecmp (col_a->unit ? col_a->unit : "",
                                       col_b->unit ? col_b->unit : "") == 0;
      for (guint ra = 0; ra < nf_metric_table_get_n_rows (a); ra++)
        {
          int rb = labelled ? find_row (a, ra, b) : (ra < nf_metric_table_get_n_rows (b) ? (int) ra : -1);
          const NfCell *x, *y;
          NfDiffCell cell = { { a, b }, { ra, 0 }, { ca, cb }, { 0, 0 }, FALSE, 0, 0 };

          if (rb < 0)
            continue;
          x = nf_metric_table_get_cell (a, ra, ca);
          y = nf_metric_table_get_cell (b, rb, cb);
          if (!x->has_value || !y->has_value)
            continue;
          cell.rows[1] = rb;
          cell.values[0] = x->value;
          cell.values[1] = y->value;
          cell.comparable = comparable;
          if (comparable)
            {
              cell.delta = y->value - x->value;
              cell.ratio = x->value != 0 ? y->value / x->value : 0;
            }
          g_array_append_val (cells, cell);
        }
    }
}

void
_nf_diff_metrics (NfCanvas *a,
                  NfCanvas *b,
                  GArray   *cells)
{
  GListModel *tables_a = nf_canvas_get_tables (a);
  GListModel *tables_b = nf_canvas_get_tables (b);

  for (guint i = 0; i < g_list_model_get_n_items (tables_a); i++)
    {
      g_autoptr(NfMetricTable) ta = g_list_model_get_item (tables_a, i);
      g_autofree char *key_a = text_key (nf_metric_table_get_title (ta));
      g_autoptr(GArray) set_a = _nf_diff_token_set (key_a);

      guint n_b = g_list_model_get_n_items (tables_b);

      /* The same place first, so that a canvas lines up with itself. */
      for (guint k = 0; k <= n_b; k++)
        {
          guint j = k == 0 ? i : k - 1;
          g_autoptr(NfMetricTable) tb = j < n_b ? g_list_model_get_item (tables_b, j) : NULL;
          g_autofree char *key_b = NULL;
          g_autoptr(GArray) set_b = NULL;

          if (tb == NULL)
            continue;
          key_b = text_key (nf_metric_table_get_title (tb));
          set_b = _nf_diff_token_set (key_b);
          if (nf_metric_table_get_block (ta) != nf_metric_table_get_block (tb))
            continue;
          if (g_str_equal (key_a, key_b) || _nf_diff_jaccard (set_a, set_b) >= 0.5)
            {
              align_tables (ta, tb, cells);
              break;
            }
        }
    }
}

/* ------------------------------------------------------------------ */
/* Two to four canvases, row by row. */

struct _NfDiffMetrics
{
  guint      n_canvases;
  GPtrArray *tables;    /* references, so the rows' pointers stay valid */
  GArray    *rows;      /* NfDiffMetricRow */
};

static void
metric_row_clear (gpointer data)
{
  NfDiffMetricRow *row = data;

  g_clear_pointer (&row->key, g_free);
}

/* The measure a cell stands for, whatever the table around it: the row's
 * label in a labelled table (with the column's name when it has several
 * figures per row), the column's name and the year in a table by year,
 * the column's name elsewhere. */
static char *
cell_key (NfMetricTable *table,
          guint          row,
          guint          column,
          gboolean       labelled)
{
  g_autofree char *col_key = column_meaning (table, column);
  guint n_values = nf_metric_table_get_n_columns (table) - (labelled ? 1 : 0);

  if (labelled && nf_metric_table_get_column (table, 0)->type == NF_COLUMN_YEAR)
    {
      g_autofree char *year = _nf_diff_fold (nf_metric_table_get_cell (table, row, 0)->text);

      return g_strdup_printf ("%s @ %s", col_key, year);
    }
  if (labelled)
    {
      g_autofree char *row_key = row_meaning (table, row);

      return n_values > 1 ? g_strdup_printf ("%s / %s", row_key, col_key) : g_steal_pointer (&row_key);
    }
  if (nf_metric_table_get_n_rows (table) > 1)
    return g_strdup_printf ("%s #%u", col_key, row + 1);
  return g_steal_pointer (&col_key);
}

static const char *
cell_unit (const NfColumn *col,
           const NfCell   *cell)
{
  if (col->unit != NULL && col->unit[0] != '\0')
    return col->unit;
  if (col->type == NF_COLUMN_MONEY)
    {
      NfNumber number;

      /* A currency written in the figure, when the column names none;
       * a static string, since the rows keep only pointers. */
      if (nf_number_parse (cell->text, &number) && number.currency[0] != '\0')
        return g_intern_string (number.currency);
    }
  return NULL;
}

static void
add_table (NfDiffMetrics *self,
           guint          canvas,
           NfMetricTable *table,
           GHashTable    *index,
           GHashTable    *seen)
{
  guint n_columns = nf_metric_table_get_n_columns (table);
  gboolean labelled = n_columns > 1 && column_is_label (table, 0);

  for (guint c = labelled ? 1 : 0; c < n_columns; c++)
    {
      const NfColumn *col = nf_metric_table_get_column (table, c);

      if (col->type == NF_COLUMN_TEXT || col->type == NF_COLUMN_YEAR)
        continue;
      for (guint r = 0; r < nf_metric_table_get_n_rows (table); r++)
        {
          const NfCell *cell = nf_metric_table_get_cell (table, r, c);
          g_autofree char *key = NULL;
          NfDiffMetricRow *row;
          gpointer found;

          if (!cell->has_value)
            continue;
          key = cell_key (table, r, c, labelled);
          /* The same measure twice in one canvas: keep them apart. */
          for (guint k = 2; g_hash_table_contains (seen, key); k++)
            {
              g_autofree char *base = cell_key (table, r, c, labelled);

              g_free (key);
              key = g_strdup_printf ("%s (%u)", base, k);
            }
          g_hash_table_add (seen, g_strdup (key));

          if (g_hash_table_lookup_extended (index, key, NULL, &found))
            row = &g_array_index (self->rows, NfDiffMetricRow, GPOINTER_TO_UINT (found));
          else
            {
              NfDiffMetricRow fresh = { 0 };

              fresh.key = g_strdup (key);
              fresh.label = labelled ? nf_metric_table_get_cell (table, r, 0)->text
                                     : nf_text_get (col->name);
              fresh.table_title = nf_text_get (nf_metric_table_get_title (table));
              /* By year the measure is the column, and the year says when. */
              if (labelled && nf_metric_table_get_column (table, 0)->type == NF_COLUMN_YEAR)
                {
                  fresh.column = fresh.label;
                  fresh.label = nf_text_get (col->name);
                }
              else if (labelled && n_columns > 2)
                fresh.column = nf_text_get (col->name);
              fresh.type = col->type;
              fresh.base = canvas;
              g_array_append_val (self->rows, fresh);
              g_hash_table_insert (index, g_strdup (key), GUINT_TO_POINTER (self->rows->len - 1));
              row = &g_array_index (self->rows, NfDiffMetricRow, self->rows->len - 1);
            }
          row->tables[canvas] = table;
          row->rows[canvas] = r;
          row->columns[canvas] = c;
          row->present[canvas] = TRUE;
          row->values[canvas] = cell->value;
          row->texts[canvas] = cell->text;
          row->units[canvas] = cell_unit (col, cell);
          row->n_present++;
        }
    }
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

static void
compare_row (NfDiffMetricRow *row,
             NfCanvas       **canvases,
             guint            n_canvases)
{
  NfColumnType type = row->tables[row->base] != NULL
    ? nf_metric_table_get_column (row->tables[row->base], row->columns[row->base])->type
    : row->type;
  const char *unit = row->units[row->base];

  row->comparable = row->n_present > 1;
  for (guint i = 0; i < n_canvases; i++)
    {
      const NfColumn *col;

      if (!row->present[i])
        continue;
      col = nf_metric_table_get_column (row->tables[i], row->columns[i]);
      row->converted[i] = row->values[i];
      if (col->type != type)
        row->comparable = FALSE;
      else if (!same_unit (row->units[i], unit))
        {
          NfRate *rate = type == NF_COLUMN_MONEY
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
  if (!row->comparable)
    {
      memset (row->rates, 0, sizeof row->rates);
      return;
    }
  for (guint i = 0; i < n_canvases; i++)
    if (row->present[i])
      {
        row->deltas[i] = row->converted[i] - row->converted[row->base];
        row->ratios[i] = row->converted[row->base] != 0 ? row->converted[i] / row->converted[row->base] : 0;
      }
}

NfDiffMetrics *
nf_diff_metrics_new (NfCanvas **canvases,
                     guint      n_canvases)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  NfDiffMetrics *self;

  g_return_val_if_fail (canvases != NULL, NULL);
  g_return_val_if_fail (n_canvases >= 1 && n_canvases <= NF_DIFF_MAX_CANVASES, NULL);

  self = g_new0 (NfDiffMetrics, 1);
  self->n_canvases = n_canvases;
  self->tables = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_array_new (FALSE, TRUE, sizeof (NfDiffMetricRow));
  g_array_set_clear_func (self->rows, metric_row_clear);

  for (guint i = 0; i < n_canvases; i++)
    {
      GListModel *tables = nf_canvas_get_tables (canvases[i]);
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
        {
          NfMetricTable *table = g_list_model_get_item (tables, t);

          g_ptr_array_add (self->tables, table);
          add_table (self, i, table, index, seen);
        }
    }
  for (guint r = 0; r < self->rows->len; r++)
    compare_row (&g_array_index (self->rows, NfDiffMetricRow, r), canvases, n_canvases);
  return self;
}

void
nf_diff_metrics_free (NfDiffMetrics *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->rows);
  g_ptr_array_unref (self->tables);
  g_free (self);
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
  return self->rows->len;
}

const NfDiffMetricRow *
nf_diff_metrics_get_row (const NfDiffMetrics *self,
                         guint                index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return &g_array_index (self->rows, NfDiffMetricRow, index);
}

gboolean
nf_diff_metrics_table_is_only (const NfDiffMetrics *self,
                               guint                index,
                               NfMetricTable       *table)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->n_canvases, FALSE);

  for (guint r = 0; r < self->rows->len; r++)
    {
      const NfDiffMetricRow *row = &g_array_index (self->rows, NfDiffMetricRow, r);

      if (row->tables[index] == table && row->n_present > 1)
        return FALSE;
    }
  return TRUE;
}
