/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-merge"

#include "config.h"

#include <string.h>

#include "nf-merge-run-private.h"
#include "nf-metric-table-private.h"

/* A table changed on both sides is merged by row and cell, so that two
 * people filling in different figures of one table both keep theirs;
 * only the same cell changed two ways is a conflict (kind="cell"). Rows
 * have no ids, so they are matched by place, and only where that cannot
 * be wrong: both sides kept the base's rows in place and edited cells, or
 * added rows after them. Anything else (a row removed or moved on one
 * side while the other changed rows, columns changed both ways) keeps
 * both tables, as a conflict of the whole table. */

static gboolean
cell_eq (const NfCell *a,
         const NfCell *b)
{
  if (g_strcmp0 (a->text, b->text) != 0 || a->has_value != b->has_value ||
      g_strcmp0 (a->row_metric, b->row_metric) != 0)
    return FALSE;
  if ((a->translations == NULL) != (b->translations == NULL) ||
      (a->translations != NULL && !nf_text_equal (a->translations, b->translations)) ||
      !_nf_cell_kind_equal (a, b))
    return FALSE;
  return !a->has_value || memcmp (&a->value, &b->value, sizeof (double)) == 0;
}

static gboolean
row_eq (NfMetricTable *a,
        guint          ra,
        NfMetricTable *b,
        guint          rb)
{
  for (guint c = 0; c < nf_metric_table_get_n_columns (a); c++)
    if (!cell_eq (nf_metric_table_get_cell (a, ra, c), nf_metric_table_get_cell (b, rb, c)))
      return FALSE;
  return TRUE;
}

/* The first `n` rows of `a` are the base's. */
static gboolean
starts_with_rows (NfMetricTable *a,
                  NfMetricTable *base)
{
  guint n = nf_metric_table_get_n_rows (base);

  if (nf_metric_table_get_n_rows (a) < n)
    return FALSE;
  for (guint r = 0; r < n; r++)
    if (!row_eq (a, r, base, r))
      return FALSE;
  return TRUE;
}

static NfCell *
copy_row (NfMetricTable *t,
          guint          row)
{
  guint n = nf_metric_table_get_n_columns (t);
  NfCell *cells = g_new0 (NfCell, n);

  for (guint c = 0; c < n; c++)
    _nf_cell_copy (nf_metric_table_get_cell (t, row, c), &cells[c]);
  return cells;
}

static void
append_row (NfMetricTable *out,
            NfCell        *cells)
{
  _nf_metric_table_insert_row (out, nf_metric_table_get_n_rows (out), cells);
}

/* Everything but the rows (title, block, cite, columns), for the
 * three-way rule on the table's head. */
static NfMetricTable *
head_of (NfMetricTable *t)
{
  NfMetricTable *head = nf_metric_table_copy (t, nf_metric_table_get_id (t));

  while (nf_metric_table_get_n_rows (head) > 0)
    _nf_cells_free (_nf_metric_table_remove_row (head, 0), nf_metric_table_get_n_columns (head));
  return head;
}

static gboolean
head_eq (gpointer a,
         gpointer b)
{
  return nf_metric_table_equal (a, b);
}

NfMetricTable *
_nf_merge_table (NfMergeRun    *m,
                 NfMetricTable *t[N_SIDES])
{
  NfMetricTable *head[N_SIDES];
  g_autoptr(NfMetricTable) out = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) _nf_conflict_free);
  NfMetricTable *base = t[BASE], *a = t[SIDE_A], *b = t[SIDE_B];
  guint n_columns = nf_metric_table_get_n_columns (base);
  guint n_rows = nf_metric_table_get_n_rows (base);
  int pick;

  if (nf_metric_table_get_n_columns (a) != n_columns || nf_metric_table_get_n_columns (b) != n_columns)
    return NULL;
  for (int s = 0; s < N_SIDES; s++)
    head[s] = head_of (t[s]);
  pick = NF_MERGE3 (head_eq, head[BASE], head[SIDE_A], head[SIDE_B]);
  if (pick >= 0)
    out = g_object_ref (head[SIDE_A + pick]);
  for (int s = 0; s < N_SIDES; s++)
    g_object_unref (head[s]);
  if (out == NULL)
    return NULL;

  if (nf_metric_table_equal (base, a) || (starts_with_rows (a, base) &&
                                          nf_metric_table_get_n_rows (a) == n_rows))
    for (guint r = 0; r < nf_metric_table_get_n_rows (b); r++)
      append_row (out, copy_row (b, r));
  else if (starts_with_rows (b, base) && nf_metric_table_get_n_rows (b) == n_rows)
    for (guint r = 0; r < nf_metric_table_get_n_rows (a); r++)
      append_row (out, copy_row (a, r));
  else if (starts_with_rows (a, base) && starts_with_rows (b, base))
    {
      /* Rows added after the base's on both sides: A's, then B's that A
       * did not add too. */
      guint na = nf_metric_table_get_n_rows (a);

      for (guint r = 0; r < na; r++)
        append_row (out, copy_row (a, r));
      for (guint r = n_rows; r < nf_metric_table_get_n_rows (b); r++)
        {
          gboolean dup = FALSE;

          for (guint k = n_rows; k < na && !dup; k++)
            dup = row_eq (a, k, b, r);
          if (!dup)
            append_row (out, copy_row (b, r));
        }
    }
  else if (nf_metric_table_get_n_rows (a) == n_rows && nf_metric_table_get_n_rows (b) == n_rows)
    {
      /* The same rows in place on both sides: cell by cell. */
      for (guint r = 0; r < n_rows; r++)
        {
          NfCell *row = g_new0 (NfCell, n_columns);

          for (guint c = 0; c < n_columns; c++)
            {
              const NfCell *v[N_SIDES];

              for (int s = 0; s < N_SIDES; s++)
                v[s] = nf_metric_table_get_cell (t[s], r, c);
              pick = NF_MERGE3 (cell_eq, v[BASE], v[SIDE_A], v[SIDE_B]);
              /* A's place for a cell's meaning key; a conflict keeps A's. */
              _nf_cell_copy (v[pick >= 0 ? SIDE_A + pick : SIDE_A], &row[c]);
              if (pick < 0)
                {
                  const char *ta = v[SIDE_A]->text, *tb = v[SIDE_B]->text;

                  g_ptr_array_add (cells, _nf_conflict_new_cell (NF_CONFLICT_CELL,
                                                                 nf_metric_table_get_id (out), r, c,
                                                                 m->swapped ? tb : ta,
                                                                 m->swapped ? ta : tb));
                }
            }
          append_row (out, row);
        }
    }
  else
    return NULL;

  for (guint i = 0; i < cells->len; i++)
    g_ptr_array_add (m->conflicts, g_steal_pointer (&g_ptr_array_index (cells, i)));
  g_ptr_array_set_free_func (cells, NULL);
  return g_steal_pointer (&out);
}
