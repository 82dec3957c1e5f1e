/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-diff"

#include "config.h"

#include <string.h>

#include "nf-diff-private.h"

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
        if (g_utf8_strlen (phrase, -1) > 1 ? strstr (folded, phrase) != NULL
                                           : g_str_equal (folded, phrase))
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

static gboolean
column_is_label (NfMetricTable *table,
                 guint          column)
{
  NfColumnType type = nf_metric_table_get_column (table, column)->type;

  return column == 0 && (type == NF_COLUMN_TEXT || type == NF_COLUMN_YEAR);
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
  g_autofree char *key = nf_diff_metric_key (label);
  guint n = nf_metric_table_get_n_rows (b);

  for (guint pass = 0; pass < 3; pass++)
    for (guint r = pass == 0 ? ra : 0; r < (pass == 0 ? MIN (ra + 1, n) : n); r++)
      {
        const char *other = nf_metric_table_get_cell (b, r, 0)->text;
        g_autofree char *k = pass < 2 ? _nf_diff_fold (other) : nf_diff_metric_key (other);

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
  g_autofree char *key = nf_diff_metric_key (name);
  guint n = nf_metric_table_get_n_columns (b);

  for (guint pass = 0; pass < 3; pass++)
    for (guint c = pass == 0 ? ca : first; c < (pass == 0 ? MIN (ca + 1, n) : n); c++)
      {
        const char *other = nf_text_for_language (nf_metric_table_get_column (b, c)->name, "en");
        g_autofree char *k = pass < 2 ? _nf_diff_fold (other) : nf_diff_metric_key (other);

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
