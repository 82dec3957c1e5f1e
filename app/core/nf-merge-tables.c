/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-merge"

#include "config.h"

#include <string.h>

#include "nf-merge-run-private.h"
#include "nf-metric-table-private.h"

/* A table changed on both sides is merged by row and cell, so that two
 * people filling in different figures of one table both keep theirs;
 * only the same cell changed two ways is a conflict (kind="cell"). Rows
 * have no ids. Where every row of the three versions has its own label
 * (the first column's text, non-empty and unique), rows are matched by it,
 * and a row relabelled on one side with the rest of it untouched keeps
 * the base's label as its identity (find_renames):
 * a row moved on one side and edited on the other merges, rows added by
 * both are all kept, and a row removed on one side and edited on the other
 * (or added by both under one label differently) is a row conflict
 * (kind="row") with both versions in the table. Without labels rows are
 * matched by place, and only where that cannot be wrong: both sides kept
 * the base's rows in place and edited cells, or added rows after them.
 * Anything else (columns changed both ways, rows moved on both sides
 * differently, unlabelled rows removed while the other side edits) keeps
 * both tables, as a conflict of the whole table. */

gboolean
_nf_merge_cell_eq (const NfCell *a,
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
    if (!_nf_merge_cell_eq (nf_metric_table_get_cell (a, ra, c), nf_metric_table_get_cell (b, rb, c)))
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

/* The head with its words (title, column names) emptied: what the head
 * merge weighs apart from the words, which merge language by language. */
static NfMetricTable *
head_without_words (NfMetricTable *head)
{
  NfMetricTable *bare = nf_metric_table_copy (head, nf_metric_table_get_id (head));
  g_autoptr(NfText) empty = nf_text_new ("");

  _nf_metric_table_set_title (bare, empty);
  for (guint c = 0; c < nf_metric_table_get_n_columns (bare); c++)
    {
      NfColumn column = { 0 }, old = { 0 };

      _nf_column_copy (nf_metric_table_get_column (bare, c), &column);
      nf_text_unref (column.name);
      column.name = nf_text_ref (empty);
      _nf_metric_table_set_column (bare, c, &column, &old);
      _nf_column_clear (&old);
    }
  return bare;
}

/* The table's head three ways: the title and each column's name merge
 * language by language, like a note's text, so that one person's Chinese
 * title and another's French one both stay; the rest (block, cite,
 * columns' types, units and keys) by the three-way rule. NULL when
 * anything, or one language of a word, changed two ways: then both
 * tables are kept, each with all its translations. */
static NfMetricTable *
merge_head (NfMetricTable *head[N_SIDES])
{
  NfMetricTable *bare[N_SIDES];
  NfMetricTable *out = NULL;
  gboolean conflict = FALSE;
  int pick = NF_MERGE3 (head_eq, head[BASE], head[SIDE_A], head[SIDE_B]);

  if (pick >= 0)
    return g_object_ref (head[SIDE_A + pick]);
  for (int s = 0; s < N_SIDES; s++)
    bare[s] = head_without_words (head[s]);
  pick = NF_MERGE3 (head_eq, bare[BASE], bare[SIDE_A], bare[SIDE_B]);
  for (int s = 0; s < N_SIDES; s++)
    g_object_unref (bare[s]);
  if (pick < 0)
    return NULL;

  out = nf_metric_table_copy (head[SIDE_A + pick], nf_metric_table_get_id (head[SIDE_A]));
  {
    g_autoptr(NfText) title = _nf_merge_text (nf_metric_table_get_title (head[BASE]),
                                              nf_metric_table_get_title (head[SIDE_A]),
                                              nf_metric_table_get_title (head[SIDE_B]), 0, &conflict);

    _nf_metric_table_set_title (out, title);
  }
  for (guint c = 0; c < nf_metric_table_get_n_columns (out) && !conflict; c++)
    {
      NfColumn column = { 0 }, old = { 0 };
      NfText *names[N_SIDES];

      for (int s = 0; s < N_SIDES; s++)
        names[s] = nf_metric_table_get_column (head[s], c)->name;
      _nf_column_copy (nf_metric_table_get_column (out, c), &column);
      nf_text_unref (column.name);
      column.name = _nf_merge_text (names[BASE], names[SIDE_A], names[SIDE_B], 0, &conflict);
      _nf_metric_table_set_column (out, c, &column, &old);
      _nf_column_clear (&old);
    }
  if (conflict)
    g_clear_object (&out);
  return out;
}

/* A cell changed on both sides where only its translations may differ
 * both ways: the rest (text as written, value, kind, the row's key) by
 * the three-way rule, the translations language by language. FALSE, and
 * `out` untouched, when the rest or one language changed two ways. */
static gboolean
merge_cell_by_language (const NfCell *v[N_SIDES],
                        NfCell       *out)
{
  NfCell bare[N_SIDES];
  NfText *words[N_SIDES];
  gboolean conflict = FALSE;
  int pick;

  for (int s = 0; s < N_SIDES; s++)
    {
      bare[s] = *v[s];  /* shallow, only to compare */
      bare[s].translations = NULL;
    }
  pick = NF_MERGE3 (_nf_merge_cell_eq, &bare[BASE], &bare[SIDE_A], &bare[SIDE_B]);
  if (pick < 0)
    return FALSE;
  for (int s = 0; s < N_SIDES; s++)
    words[s] = v[s]->translations != NULL ? nf_text_ref (v[s]->translations)
                                          : nf_text_new (v[s]->text != NULL ? v[s]->text : "");
  {
    g_autoptr(NfText) merged = _nf_merge_text (words[BASE], words[SIDE_A], words[SIDE_B], 0,
                                               &conflict);

    if (!conflict)
      {
        _nf_cell_copy (v[SIDE_A + pick], out);
        g_clear_pointer (&out->translations, nf_text_unref);
        if (nf_text_get_n_translations (merged) > 0)
          out->translations = nf_text_ref (merged);
      }
  }
  for (int s = 0; s < N_SIDES; s++)
    nf_text_unref (words[s]);
  return !conflict;
}

/* One row present in all three, cell by cell into `row` (n_columns,
 * filled): a cell changed on one side takes that change, one changed two
 * ways keeps A's and is a cell conflict at `out_row`. */
static NfCell *
merge_row (NfMergeRun    *m,
           NfMetricTable *t[N_SIDES],
           const guint    r[N_SIDES],
           const char    *table_id,
           guint          out_row,
           GPtrArray     *conflicts)
{
  guint n_columns = nf_metric_table_get_n_columns (t[BASE]);
  NfCell *row = g_new0 (NfCell, MAX (n_columns, 1));

  for (guint c = 0; c < n_columns; c++)
    {
      const NfCell *v[N_SIDES];
      int pick;

      for (int s = 0; s < N_SIDES; s++)
        v[s] = nf_metric_table_get_cell (t[s], r[s], c);
      pick = NF_MERGE3 (_nf_merge_cell_eq, v[BASE], v[SIDE_A], v[SIDE_B]);
      if (pick < 0 && merge_cell_by_language (v, &row[c]))
        continue;
      /* A's place for a cell's meaning key; a conflict keeps A's. */
      _nf_cell_copy (v[pick >= 0 ? SIDE_A + pick : SIDE_A], &row[c]);
      if (pick < 0)
        {
          const NfCell *ours = v[m->swapped ? SIDE_B : SIDE_A];
          const NfCell *theirs = v[m->swapped ? SIDE_A : SIDE_B];
          NfConflict *conflict = _nf_conflict_new_cell (NF_CONFLICT_CELL, table_id, out_row, c,
                                                        ours->text, theirs->text);

          /* Each side's cell whole, so that taking it gives exactly it. */
          _nf_conflict_set_cells (conflict, ours, theirs);
          g_ptr_array_add (conflicts, conflict);
        }
    }
  return row;
}

/* --- Rows matched by their labels --- */

/* One version's rows by identity: each row's key is its label, or, for a
 * row whose label this side renamed (the base's label gone, the rest of
 * the row as in the base), the base's label, so that a rename on one side
 * meets an edit or a move on the other as one row. */
typedef struct {
  NfMetricTable *t;
  GHashTable    *index;   /* key → row + 1, borrowing the tables' strings */
  GHashTable    *labels;  /* the rows' own labels, renamed or not */
  const char   **keys;    /* per row */
} Rows;

static const char *
label (NfMetricTable *t,
       guint          r)
{
  return nf_metric_table_get_cell (t, r, 0)->text;
}

static const char *
key (const Rows *rows,
     guint       r)
{
  return rows->keys[r];
}

static void
rows_clear (Rows *rows)
{
  g_clear_pointer (&rows->index, g_hash_table_unref);
  g_clear_pointer (&rows->labels, g_hash_table_unref);
  g_clear_pointer (&rows->keys, g_free);
}

/* Every row's label as its key; FALSE when a row has no label or shares
 * one, so that labels cannot match rows. */
static gboolean
rows_init (Rows          *rows,
           NfMetricTable *t)
{
  guint n = nf_metric_table_get_n_rows (t);

  rows->t = t;
  if (nf_metric_table_get_n_columns (t) == 0)
    return FALSE;
  rows->index = g_hash_table_new (g_str_hash, g_str_equal);
  rows->keys = g_new0 (const char *, MAX (n, 1));
  for (guint r = 0; r < n; r++)
    {
      const char *l = label (t, r);

      if (l == NULL || *l == '\0' || g_hash_table_contains (rows->index, l))
        return FALSE;
      rows->keys[r] = l;
      g_hash_table_insert (rows->index, (gpointer) l, GUINT_TO_POINTER (r + 1));
    }
  rows->labels = g_hash_table_ref (rows->index);
  rows->index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint r = 0; r < n; r++)
    g_hash_table_insert (rows->index, (gpointer) rows->keys[r], GUINT_TO_POINTER (r + 1));
  return TRUE;
}

/* Whether row `r` of `t` is row `rb` of the base but for its label. */
static gboolean
same_but_label (NfMetricTable *t,
                guint          r,
                NfMetricTable *base,
                guint          rb)
{
  for (guint c = 1; c < nf_metric_table_get_n_columns (t); c++)
    if (!_nf_merge_cell_eq (nf_metric_table_get_cell (t, r, c), nf_metric_table_get_cell (base, rb, c)))
      return FALSE;
  return TRUE;
}

/* A side's renamed rows take the base's labels as keys: a base row whose
 * label the side lacks is matched to the one new row of the side that is
 * the same but for its label, when exactly one is and it is the same
 * for no other lost row (a table of like rows gives no guess), and the
 * other side did not add a row of that new label (then both are kept as
 * added under one label). Both sides are read as they were, not as
 * renamed, so that A and B are treated alike. */
static void
find_renames (Rows       *side,
              const Rows *base,
              const Rows *other)
{
  guint n_base = nf_metric_table_get_n_rows (base->t);
  guint n = nf_metric_table_get_n_rows (side->t);

  guint n_lost = 0, n_new = 0;

  if (nf_metric_table_get_n_columns (side->t) < 2)
    return;
  for (guint rb = 0; rb < n_base; rb++)
    n_lost += !g_hash_table_contains (side->index, key (base, rb));
  for (guint r = 0; r < n; r++)
    n_new += !g_hash_table_contains (base->index, side->keys[r]);
  /* Each lost row is tried against each new one: a table relabelled
   * wholesale is left to be a removal and an addition. */
  if ((guint64) n_lost * n_new > 250000)
    return;
  for (guint rb = 0; rb < n_base; rb++)
    {
      int found = -1;
      gboolean unique = TRUE;

      if (g_hash_table_contains (side->index, key (base, rb)))
        continue;
      for (guint r = 0; r < n && unique; r++)
        if (!g_hash_table_contains (base->index, side->keys[r]) && side->keys[r] == label (side->t, r) &&
            !g_hash_table_contains (other->labels, side->keys[r]) &&
            same_but_label (side->t, r, base->t, rb))
          unique = found < 0 ? (found = (int) r, TRUE) : FALSE;
      if (found < 0 || !unique)
        continue;
      for (guint lost = 0; lost < n_base && unique; lost++)
        if (lost != rb && !g_hash_table_contains (side->index, key (base, lost)) &&
            same_but_label (side->t, (guint) found, base->t, lost))
          unique = FALSE;
      if (!unique)
        continue;
      g_hash_table_remove (side->index, side->keys[found]);
      side->keys[found] = key (base, rb);
      g_hash_table_insert (side->index, (gpointer) key (base, rb), GUINT_TO_POINTER ((guint) found + 1));
    }
}

/* Whether every row of `t` that the base has too is at the base's place:
 * cells may have been edited and rows relabelled (which reads as an edit
 * of the label), nothing moved. */
static gboolean
rows_in_place (const Rows *t,
               const Rows *base)
{
  for (guint r = 0; r < nf_metric_table_get_n_rows (t->t); r++)
    {
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (base->index, key (t, r)));

      if (at != 0 && at - 1 != r)
        return FALSE;
    }
  return TRUE;
}

/* The keys `t` shares with both `x` and `y`, in t's order. */
static GPtrArray *
shared_order (const Rows *t,
              const Rows *x,
              const Rows *y)
{
  GPtrArray *order = g_ptr_array_new ();

  for (guint r = 0; r < nf_metric_table_get_n_rows (t->t); r++)
    if (g_hash_table_contains (x->index, key (t, r)) && g_hash_table_contains (y->index, key (t, r)))
      g_ptr_array_add (order, (gpointer) key (t, r));
  return order;
}

static gboolean
same_order (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (strcmp (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

/* Whether `t` keeps the rows it shares with the base in the base's order. */
static gboolean
keeps_order (const Rows *t,
             const Rows *base)
{
  g_autoptr(GPtrArray) in_t = shared_order (t, base, base);
  g_autoptr(GPtrArray) in_base = shared_order (base, t, t);

  return same_order (in_t, in_base);
}

static void
add_row_conflict (NfMergeRun *m,
                  GPtrArray  *conflicts,
                  const char *table_id,
                  int         row_a,
                  int         row_b)
{
  g_autofree char *a = row_a >= 0 ? g_strdup_printf ("%d", row_a + 1) : NULL;
  g_autofree char *b = row_b >= 0 ? g_strdup_printf ("%d", row_b + 1) : NULL;
  NfConflict *c = _nf_conflict_new_cell (NF_CONFLICT_ROW, table_id, 0, 0,
                                         m->swapped ? b : a, m->swapped ? a : b);

  g_ptr_array_add (conflicts, c);
}

/* The rows in order: the side that moved rows (A when neither did) gives
 * the order, and the other side's rows it lacks follow the row they follow
 * there. */
static GPtrArray *
row_order (const Rows *first,
           const Rows *second)
{
  g_autoptr(GHashTable) after = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) head = g_ptr_array_new ();
  GPtrArray *order = g_ptr_array_new ();
  const char *prev = NULL;

  for (guint r = 0; r < nf_metric_table_get_n_rows (second->t); r++)
    {
      const char *l = key (second, r);
      GPtrArray *list;

      if (g_hash_table_contains (first->index, l))
        {
          prev = l;
          continue;
        }
      if (prev == NULL)
        list = head;
      else if ((list = g_hash_table_lookup (after, prev)) == NULL)
        g_hash_table_insert (after, (gpointer) prev, list = g_ptr_array_new ());
      g_ptr_array_add (list, (gpointer) l);
    }
  g_ptr_array_extend (order, head, NULL, NULL);
  for (guint r = 0; r < nf_metric_table_get_n_rows (first->t); r++)
    {
      GPtrArray *list = g_hash_table_lookup (after, key (first, r));

      g_ptr_array_add (order, (gpointer) key (first, r));
      if (list != NULL)
        g_ptr_array_extend (order, list, NULL, NULL);
    }
  return order;
}

static gboolean
merge_by_labels (NfMergeRun    *m,
                 NfMetricTable *t[N_SIDES],
                 Rows           rows[N_SIDES],
                 NfMetricTable *out,
                 GPtrArray     *conflicts)
{
  const char *id = nf_metric_table_get_id (out);
  gboolean a_moved = !keeps_order (&rows[SIDE_A], &rows[BASE]);
  gboolean b_moved = !keeps_order (&rows[SIDE_B], &rows[BASE]);
  g_autoptr(GPtrArray) order = NULL;

  if (a_moved && b_moved)
    {
      /* Both moved rows: only the same order of the rows they share will do. */
      g_autoptr(GPtrArray) in_a = shared_order (&rows[SIDE_A], &rows[SIDE_B], &rows[SIDE_B]);
      g_autoptr(GPtrArray) in_b = shared_order (&rows[SIDE_B], &rows[SIDE_A], &rows[SIDE_A]);

      if (!same_order (in_a, in_b))
        return FALSE;
    }
  order = b_moved && !a_moved ? row_order (&rows[SIDE_B], &rows[SIDE_A])
                              : row_order (&rows[SIDE_A], &rows[SIDE_B]);

  for (guint i = 0; i < order->len; i++)
    {
      const char *l = g_ptr_array_index (order, i);
      guint at[N_SIDES];
      guint out_row = nf_metric_table_get_n_rows (out);

      for (int s = 0; s < N_SIDES; s++)
        at[s] = GPOINTER_TO_UINT (g_hash_table_lookup (rows[s].index, l));
      if (at[SIDE_A] != 0 && at[SIDE_B] != 0)
        {
          guint r[N_SIDES] = { at[BASE] - 1, at[SIDE_A] - 1, at[SIDE_B] - 1 };

          if (at[BASE] != 0)
            append_row (out, merge_row (m, t, r, id, out_row, conflicts));
          else if (row_eq (t[SIDE_A], r[SIDE_A], t[SIDE_B], r[SIDE_B]))
            append_row (out, copy_row (t[SIDE_A], r[SIDE_A]));
          else
            {
              /* Added by both under one label, differently: both. */
              append_row (out, copy_row (t[SIDE_A], r[SIDE_A]));
              append_row (out, copy_row (t[SIDE_B], r[SIDE_B]));
              add_row_conflict (m, conflicts, id, (int) out_row, (int) out_row + 1);
            }
        }
      else
        {
          int side = at[SIDE_A] != 0 ? SIDE_A : SIDE_B;
          guint r = at[side] - 1;

          if (at[BASE] == 0)
            append_row (out, copy_row (t[side], r));  /* added on one side */
          else if (!row_eq (t[side], r, t[BASE], at[BASE] - 1))
            {
              /* Removed on one side, edited on the other: the edit stays
               * until someone chooses. */
              append_row (out, copy_row (t[side], r));
              add_row_conflict (m, conflicts, id, side == SIDE_A ? (int) out_row : -1,
                                side == SIDE_B ? (int) out_row : -1);
            }
          /* else removed on one side, untouched on the other: gone */
        }
    }
  return TRUE;
}

NfMetricTable *
_nf_merge_table (NfMergeRun    *m,
                 NfMetricTable *t[N_SIDES])
{
  NfMetricTable *head[N_SIDES];
  Rows rows[N_SIDES] = { { 0 } };
  g_autoptr(NfMetricTable) out = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) _nf_conflict_free);
  NfMetricTable *base = t[BASE], *a = t[SIDE_A], *b = t[SIDE_B];
  guint n_columns = nf_metric_table_get_n_columns (base);
  guint n_rows = nf_metric_table_get_n_rows (base);
  gboolean labelled = TRUE, ok = TRUE;

  if (nf_metric_table_get_n_columns (a) != n_columns || nf_metric_table_get_n_columns (b) != n_columns)
    return NULL;
  for (int s = 0; s < N_SIDES; s++)
    head[s] = head_of (t[s]);
  out = merge_head (head);
  for (int s = 0; s < N_SIDES; s++)
    g_object_unref (head[s]);
  if (out == NULL)
    return NULL;

  for (int s = 0; s < N_SIDES; s++)
    labelled = rows_init (&rows[s], t[s]) && labelled;
  if (labelled)
    {
      find_renames (&rows[SIDE_A], &rows[BASE], &rows[SIDE_B]);
      find_renames (&rows[SIDE_B], &rows[BASE], &rows[SIDE_A]);
    }

  if (nf_metric_table_equal (base, a) || (starts_with_rows (a, base) &&
                                          nf_metric_table_get_n_rows (a) == n_rows))
    for (guint r = 0; r < nf_metric_table_get_n_rows (b); r++)
      append_row (out, copy_row (b, r));
  else if (starts_with_rows (b, base) && nf_metric_table_get_n_rows (b) == n_rows)
    for (guint r = 0; r < nf_metric_table_get_n_rows (a); r++)
      append_row (out, copy_row (a, r));
  else if (!labelled && starts_with_rows (a, base) && starts_with_rows (b, base))
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
  else if (nf_metric_table_get_n_rows (a) == n_rows && nf_metric_table_get_n_rows (b) == n_rows &&
           (!labelled || (rows_in_place (&rows[SIDE_A], &rows[BASE]) && rows_in_place (&rows[SIDE_B], &rows[BASE]))))
    {
      /* The same rows in place on both sides: cell by cell. */
      for (guint r = 0; r < n_rows; r++)
        {
          guint at[N_SIDES] = { r, r, r };

          append_row (out, merge_row (m, t, at, nf_metric_table_get_id (out), r, conflicts));
        }
    }
  else if (labelled)
    ok = merge_by_labels (m, t, rows, out, conflicts);
  else
    ok = FALSE;

  for (int s = 0; s < N_SIDES; s++)
    rows_clear (&rows[s]);
  if (!ok)
    return NULL;
  for (guint i = 0; i < conflicts->len; i++)
    g_ptr_array_add (m->conflicts, g_steal_pointer (&g_ptr_array_index (conflicts, i)));
  g_ptr_array_set_free_func (conflicts, NULL);
  return g_steal_pointer (&out);
}
