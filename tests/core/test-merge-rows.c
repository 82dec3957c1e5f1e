/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-merge-rows"

/* Rows matched by their labels (nf-merge-tables.c): moves, inserts and
 * removals that meet edits on the other side, the row conflicts
 * (kind="row") they leave, and settling them (nf-merge-resolve.c). */

#include <string.h>

#include <ninefold.h>

#include "nf-merge-private.h"

#include "merge-test-util.h"

static NfMetricTable *
t1 (NfCanvas *canvas)
{
  return nf_canvas_find_table (canvas, "t1", NULL);
}

static guint
n_rows (NfCanvas *canvas)
{
  return nf_metric_table_get_n_rows (t1 (canvas));
}

static void
insert_row (NfCanvas   *canvas,
            guint       row,
            const char *label,
            const char *value)
{
  const char * const cells[] = { label, value, NULL };

  nf_canvas_insert_table_row (canvas, t1 (canvas), row, cells);
}

/* A row moved on one side and edited on the other: one table, the edit in
 * the moved row. */
static void
test_moved_and_edited (void)
{
  g_autoptr(NfCanvas) base = table_canvas (3, 2);
  g_autoptr(NfCanvas) ours = copy_canvas (base), theirs = copy_canvas (base);
  g_autoptr(NfCanvas) merged = NULL;
  guint n = 99;

  /* Ours moves the last row to the top. */
  nf_canvas_remove_table_row (ours, t1 (ours), 2);
  insert_row (ours, 0, "r2 c0", "r2 c1");
  set_cell (theirs, 2, 1, "edited");
  set_cell (theirs, 0, 1, "also");
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_tables (merged)), ==, 1);
  g_assert_cmpuint (n_rows (merged), ==, 3);
  g_assert_cmpstr (cell (merged, 0, 0), ==, "r2 c0");
  g_assert_cmpstr (cell (merged, 0, 1), ==, "edited");
  g_assert_cmpstr (cell (merged, 1, 0), ==, "r0 c0");
  g_assert_cmpstr (cell (merged, 1, 1), ==, "also");
  g_assert_cmpstr (cell (merged, 2, 0), ==, "r1 c0");
}

/* Both insert rows at one place: all kept, each after the row it followed,
 * no conflict; one label added two ways is a row conflict. */
static void
test_both_insert (void)
{
  g_autoptr(NfCanvas) base = table_canvas (3, 2);
  g_autoptr(NfCanvas) ours = copy_canvas (base), theirs = copy_canvas (base);
  g_autoptr(NfCanvas) merged = NULL, swapped = NULL;
  g_autofree char *xml = NULL;
  const NfConflict *c;
  guint n = 99, n_swapped = 99;

  insert_row (ours, 1, "ours new", "1");
  insert_row (theirs, 1, "theirs new", "2");
  insert_row (ours, 0, "both", "3");
  insert_row (theirs, 0, "both", "4");
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (n_rows (merged), ==, 7);
  c = nf_canvas_get_conflict (merged, 0);
  g_assert_cmpint (c->kind, ==, NF_CONFLICT_ROW);
  g_assert_cmpstr (c->table, ==, "t1");
  /* Both versions in the table, next to each other. */
  g_assert_cmpstr (cell (merged, nf_conflict_row_of (c, TRUE), 1), ==, "3");
  g_assert_cmpstr (cell (merged, nf_conflict_row_of (c, FALSE), 1), ==, "4");
  g_assert_cmpint (ABS (nf_conflict_row_of (c, TRUE) - nf_conflict_row_of (c, FALSE)), ==, 1);
  /* The other inserts follow r0. */
  g_assert_cmpstr (cell (merged, 2, 0), ==, "r0 c0");
  g_assert_true ((g_str_equal (cell (merged, 3, 0), "ours new") &&
                  g_str_equal (cell (merged, 4, 0), "theirs new")) ||
                 (g_str_equal (cell (merged, 3, 0), "theirs new") &&
                  g_str_equal (cell (merged, 4, 0), "ours new")));
  g_assert_cmpstr (cell (merged, 5, 0), ==, "r1 c0");

  /* The file names the two rows, and reads back the same. */
  xml = bytes_of (merged);
  g_assert_nonnull (strstr (xml, "<conflict kind=\"row\" table=\"t1\" ours=\""));
  {
    g_autoptr(NfCanvas) reread = copy_canvas (merged);
    g_autofree char *again = bytes_of (reread);

    g_assert_cmpstr (again, ==, xml);
  }

  /* Symmetric up to the names of the sides. */
  swapped = nf_merge (base, theirs, ours, &n_swapped);
  g_assert_cmpuint (n_swapped, ==, 1);
  g_assert_cmpint (nf_conflict_row_of (nf_canvas_get_conflict (swapped, 0), TRUE), ==,
                   nf_conflict_row_of (c, FALSE));
}

/* One side removes a row the other edits: the edit stays, as a row
 * conflict with one version; each choice is one step that undo takes back
 * byte for byte, and cell conflicts below a removed row move up with it. */
static void
test_removed_and_edited (void)
{
  for (NfConflictChoice choice = NF_CONFLICT_TAKE_OURS; choice <= NF_CONFLICT_KEEP_BOTH; choice++)
    {
      g_autoptr(NfCanvas) base = table_canvas (3, 2);
      g_autoptr(NfCanvas) ours = copy_canvas (base), theirs = copy_canvas (base);
      g_autoptr(NfCanvas) merged = NULL;
      g_autofree char *before = NULL, *after = NULL;
      const NfConflict *c;
      guint n = 99, index = 0;

      nf_canvas_remove_table_row (ours, t1 (ours), 0);
      set_cell (theirs, 0, 1, "edited");
      /* And a cell conflict on the row after it. */
      set_cell (ours, 1, 1, "ours");
      set_cell (theirs, 2, 1, "theirs");
      merged = nf_merge (base, ours, theirs, &n);
      g_assert_cmpuint (n, ==, 2);
      g_assert_cmpuint (n_rows (merged), ==, 3);
      for (guint i = 0; i < n; i++)
        if (nf_canvas_get_conflict (merged, i)->kind == NF_CONFLICT_ROW)
          index = i;
      c = nf_canvas_get_conflict (merged, index);
      g_assert_cmpint (c->kind, ==, NF_CONFLICT_ROW);
      g_assert_null (c->ours);
      g_assert_cmpstr (c->theirs, ==, "1");
      g_assert_cmpstr (cell (merged, 0, 1), ==, "edited");
      before = bytes_of (merged);

      nf_canvas_resolve_conflict (merged, index, choice);
      g_assert_cmpuint (nf_canvas_get_n_conflicts (merged), ==, 1);
      g_assert_cmpuint (n_rows (merged), ==, choice == NF_CONFLICT_TAKE_OURS ? 2 : 3);
      c = nf_canvas_get_conflict (merged, 0);
      g_assert_cmpint (c->kind, ==, NF_CONFLICT_CELL);
      /* The cell conflict still names r2's cell. */
      g_assert_cmpstr (cell (merged, c->row, 0), ==, "r2 c0");
      nf_canvas_resolve_conflict (merged, 0, NF_CONFLICT_TAKE_THEIRS);
      g_assert_cmpstr (cell (merged, choice == NF_CONFLICT_TAKE_OURS ? 1 : 2, 1), ==, "theirs");

      g_assert_true (nf_history_undo (nf_canvas_get_history (merged)));
      g_assert_true (nf_history_undo (nf_canvas_get_history (merged)));
      after = bytes_of (merged);
      g_assert_cmpstr (after, ==, before);
      g_assert_false (nf_history_can_undo (nf_canvas_get_history (merged)));
    }
}

/* Deleting one version's row by hand settles its row conflict. */
static void
test_row_deleted_by_hand (void)
{
  g_autoptr(NfCanvas) base = table_canvas (2, 2);
  g_autoptr(NfCanvas) ours = copy_canvas (base), theirs = copy_canvas (base);
  g_autoptr(NfCanvas) merged = NULL;
  guint n = 0;

  insert_row (ours, 2, "new", "1");
  insert_row (theirs, 2, "new", "2");
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (n_rows (merged), ==, 4);
  nf_canvas_remove_table_row (merged, t1 (merged), 3);
  g_assert_cmpuint (nf_canvas_get_n_conflicts (merged), ==, 0);
  g_assert_true (nf_history_undo (nf_canvas_get_history (merged)));
  g_assert_cmpuint (nf_canvas_get_n_conflicts (merged), ==, 1);
}

/* Rows moved on both sides differently cannot be matched in one order:
 * both whole tables. */
static void
test_moved_both_ways (void)
{
  g_autoptr(NfCanvas) base = table_canvas (3, 2);
  g_autoptr(NfCanvas) ours = copy_canvas (base), theirs = copy_canvas (base);
  g_autoptr(NfCanvas) merged = NULL;
  guint n = 0;

  nf_canvas_remove_table_row (ours, t1 (ours), 2);
  insert_row (ours, 0, "r2 c0", "r2 c1");
  nf_canvas_remove_table_row (theirs, t1 (theirs), 0);
  insert_row (theirs, 2, "r0 c0", "r0 c1");
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (nf_canvas_get_conflict (merged, 0)->kind, ==, NF_CONFLICT_TABLE);
}

/* The loader's rules for a row conflict. */
static void
test_load (void)
{
  static const struct { const char *attrs; gboolean ok; } cases[] = {
    { "kind=\"row\" table=\"t1\" ours=\"1\" theirs=\"2\"", TRUE },
    { "kind=\"row\" table=\"t1\" theirs=\"2\"", TRUE },
    { "kind=\"row\" ours=\"1\"", FALSE },
    { "kind=\"row\" table=\"t1\" row=\"1\" column=\"1\" ours=\"1\"", FALSE },
    { "kind=\"row\" table=\"t1\" ours=\"0\"", FALSE },
    { "kind=\"row\" table=\"t1\" ours=\"one\"", FALSE },
  };
  g_autoptr(NfCanvas) base = table_canvas (2, 2);
  g_autofree char *xml = bytes_of (base);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new (xml);
      g_autofree char *conflicts = g_strdup_printf ("</metrics>\n  <conflicts><conflict %s/>"
                                                    "</conflicts>", cases[i].attrs);
      g_autoptr(NfCanvas) canvas = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (g_string_replace (text, "</metrics>", conflicts, 1), ==, 1);
      canvas = nf_canvas_load_from_data (text->str, text->len, "row", &error);
      if (cases[i].ok)
        g_assert_no_error (error);
      else
        g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_INVALID);
    }
}

static gboolean has_label (NfCanvas   *canvas,
                           const char *label);

/* A row's label renamed on one side while the other edits one of its cells
 * and rows move or are added around it: one row, renamed and edited, no
 * conflict (before, a removal meeting an edit and an added row). */
static void
test_renamed_and_edited (void)
{
  g_autoptr(NfCanvas) base = table_canvas (3, 2);
  g_autoptr(NfCanvas) ours = copy_canvas (base), theirs = copy_canvas (base);
  g_autoptr(NfCanvas) merged = NULL, swapped = NULL;
  guint n = 99;

  set_cell (ours, 1, 0, "Renamed");
  insert_row (ours, 0, "Added", "1");
  set_cell (theirs, 1, 1, "edited");
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (n_rows (merged), ==, 4);
  g_assert_cmpstr (cell (merged, 0, 0), ==, "Added");
  g_assert_cmpstr (cell (merged, 2, 0), ==, "Renamed");
  g_assert_cmpstr (cell (merged, 2, 1), ==, "edited");
  g_assert_false (has_label (merged, "r1 c0"));
  swapped = nf_merge (base, theirs, ours, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpstr (cell (swapped, 2, 0), ==, "Renamed");
  g_assert_cmpstr (cell (swapped, 2, 1), ==, "edited");
}

/* A label renamed on one side, the rows reordered on the other: the
 * other's order, the new label in its place. And a rename that meets the
 * row's removal is an edit meeting a removal: a row conflict. */
static void
test_renamed_and_reordered (void)
{
  g_autoptr(NfCanvas) base = table_canvas (3, 2);
  g_autoptr(NfCanvas) ours = copy_canvas (base), theirs = copy_canvas (base);
  g_autoptr(NfCanvas) gone = copy_canvas (base);
  g_autoptr(NfCanvas) merged = NULL, removed = NULL;
  guint n = 99;

  set_cell (ours, 0, 0, "Renamed");
  nf_canvas_remove_table_row (theirs, t1 (theirs), 2);
  insert_row (theirs, 0, "r2 c0", "r2 c1");
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (n_rows (merged), ==, 3);
  g_assert_cmpstr (cell (merged, 0, 0), ==, "r2 c0");
  g_assert_cmpstr (cell (merged, 1, 0), ==, "Renamed");
  g_assert_cmpstr (cell (merged, 1, 1), ==, "r0 c1");
  g_assert_cmpstr (cell (merged, 2, 0), ==, "r1 c0");

  nf_canvas_remove_table_row (gone, t1 (gone), 0);
  removed = nf_merge (base, ours, gone, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (nf_canvas_get_conflict (removed, 0)->kind, ==, NF_CONFLICT_ROW);
  g_assert_true (has_label (removed, "Renamed"));
}

/* Two base rows alike but for their labels: a renamed one could be
 * either, so no guess is made (a removal and an addition, as before). */
static void
test_rename_ambiguous (void)
{
  g_autoptr(NfCanvas) base = table_canvas (3, 2);
  g_autoptr(NfCanvas) ours = NULL, theirs = NULL, merged = NULL;
  guint n = 99;

  set_cell (base, 0, 1, "same");
  set_cell (base, 1, 1, "same");
  ours = copy_canvas (base);
  theirs = copy_canvas (base);
  set_cell (ours, 0, 0, "Renamed");
  nf_canvas_remove_table_row (ours, t1 (ours), 1);
  set_cell (theirs, 0, 1, "edited");
  merged = nf_merge (base, ours, theirs, &n);
  /* Guessed, "Renamed" would take the edit silently; unguessed, r0 is
   * removed on our side and edited on theirs. */
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (nf_canvas_get_conflict (merged, 0)->kind, ==, NF_CONFLICT_ROW);
  g_assert_true (has_label (merged, "Renamed"));
  g_assert_true (has_label (merged, "r0 c0"));
  g_assert_false (has_label (merged, "r1 c0"));
}

/* A random script of row inserts, removals, moves, renames and cell edits. */
static void
edit_rows (GRand    *rand,
           NfCanvas *canvas,
           const char *side,
           GPtrArray  *words)
{
  guint steps = g_rand_int_range (rand, 0, 4);

  for (guint s = 0; s < steps; s++)
    {
      guint rows = n_rows (canvas);
      int what = g_rand_int_range (rand, 0, 6);

      if (what == 5)
        {
          /* One language of the title, a column's name or a row's label:
           * both sides pick from the same two, so some meet and some not. */
          static const char * const langs[] = { "zh", "fr" };
          guint where = g_rand_int_range (rand, 0, rows > 0 ? 3 : 2);
          const char *lang = langs[g_rand_int_range (rand, 0, 2)];
          char *value = g_strdup_printf ("[%s %s %u]", side, lang, words->len);

          set_table_words (canvas, where, where == 1 ? g_rand_int_range (rand, 0, 2)
                                                     : where == 2 ? g_rand_int_range (rand, 0, rows) : 0,
                           lang, value);
          g_ptr_array_add (words, value);
        }
      else if (what == 0 || rows == 0)
        {
          g_autofree char *label = g_strdup_printf ("%s %u", side, g_rand_int_range (rand, 0, 3));

          insert_row (canvas, g_rand_int_range (rand, 0, rows + 1), label, side);
        }
      else if (what == 1)
        nf_canvas_remove_table_row (canvas, t1 (canvas), g_rand_int_range (rand, 0, rows));
      else if (what == 2)
        set_cell (canvas, g_rand_int_range (rand, 0, rows), 1, side);
      else if (what == 4)
        {
          /* A label renamed: the row is the same row to the other side. */
          g_autofree char *label = g_strdup_printf ("%s renamed %u", side, g_rand_int_range (rand, 0, 3));

          set_cell (canvas, g_rand_int_range (rand, 0, rows), 0, label);
        }
      else
        {
          guint from = g_rand_int_range (rand, 0, rows);
          g_autofree char *label = g_strdup (cell (canvas, from, 0));
          g_autofree char *value = g_strdup (cell (canvas, from, 1));

          nf_canvas_remove_table_row (canvas, t1 (canvas), from);
          insert_row (canvas, g_rand_int_range (rand, 0, rows), label, value);
        }
    }
}

/* Whether a row labelled `label` is in any table of the canvas. */
static gboolean
has_label (NfCanvas   *canvas,
           const char *label)
{
  GListModel *tables = nf_canvas_get_tables (canvas);

  for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
    {
      g_autoptr(NfMetricTable) t = g_list_model_get_item (tables, i);

      for (guint r = 0; r < nf_metric_table_get_n_rows (t); r++)
        if (g_str_equal (nf_metric_table_get_cell (t, r, 0)->text, label))
          return TRUE;
    }
  return FALSE;
}

/* Whether the merge has row `r` of `side` under a label the other side
 * gave it: its value with one of the other side's labels. */
static gboolean
renamed_by (NfCanvas *merged,
            NfCanvas *side,
            guint     r,
            NfCanvas *other)
{
  for (guint m = 0; m < n_rows (merged); m++)
    if (g_str_equal (cell (merged, m, 1), cell (side, r, 1)))
      for (guint o = 0; o < n_rows (other); o++)
        if (g_str_equal (cell (other, o, 0), cell (merged, m, 0)))
          return TRUE;
  return FALSE;
}

/* Whether a cell conflict names `text` as one side: a row relabelled in
 * place on one side (an edit of its label cell) and edited on the other
 * keeps the other's edits in its cells' conflicts. */
static gboolean
in_cell_conflict (NfCanvas   *canvas,
                  const char *text)
{
  for (guint i = 0; i < nf_canvas_get_n_conflicts (canvas); i++)
    {
      const NfConflict *c = nf_canvas_get_conflict (canvas, i);

      if (c->kind == NF_CONFLICT_CELL &&
          (g_strcmp0 (c->ours, text) == 0 || g_strcmp0 (c->theirs, text) == 0))
        return TRUE;
    }
  return FALSE;
}

/* Whether `side` has this row as the base had it. */
static gboolean
row_as_in (NfCanvas *side,
           guint     row,
           NfCanvas *base)
{
  for (guint r = 0; r < n_rows (base); r++)
    if (g_str_equal (cell (base, r, 0), cell (side, row, 0)) &&
        g_str_equal (cell (base, r, 1), cell (side, row, 1)))
      return TRUE;
  return FALSE;
}

static char *
tables_of (NfCanvas *canvas)
{
  GListModel *tables = nf_canvas_get_tables (canvas);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (tables); i++)
    {
      g_autoptr(NfMetricTable) t = g_list_model_get_item (tables, i);

      for (guint r = 0; r < nf_metric_table_get_n_rows (t); r++)
        g_string_append_printf (out, "%s|%s|%s\n", nf_metric_table_get_id (t),
                                nf_metric_table_get_cell (t, r, 0)->text,
                                nf_metric_table_get_cell (t, r, 1)->text);
    }
  return g_string_free (out, FALSE);
}

/* Over random scripts on two sides (renames among them): the merge is
 * symmetric up to the sides' names; no row that either side added or
 * edited is lost (it is in a table, under its label or one the other side
 * renamed it to, or its words are one side of a cell conflict); settling
 * every conflict and undoing gives the merge back byte for byte. */
static void
test_properties (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint runs = g_getenv ("NF_TEST_SLOWDOWN") != NULL ? 300 : 2000;
  guint n_row_conflicts = 0, n_words_kept = 0;

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(NfCanvas) base = table_canvas (g_rand_int_range (rand, 0, 5), 2);
      g_autoptr(NfCanvas) ours = copy_canvas (base), theirs = copy_canvas (base);
      g_autoptr(NfCanvas) merged = NULL, swapped = NULL;
      g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *before = NULL, *after = NULL, *rows_m = NULL, *rows_s = NULL;
      guint n = 0, n_swapped = 0, steps = 0;

      edit_rows (rand, ours, "ours", words);
      edit_rows (rand, theirs, "theirs", words);
      merged = nf_merge (base, ours, theirs, &n);
      swapped = nf_merge (base, theirs, ours, &n_swapped);
      g_assert_cmpuint (n, ==, n_swapped);
      rows_m = tables_of (merged);
      rows_s = tables_of (swapped);
      g_assert_cmpstr (rows_m, ==, rows_s);
      for (guint i = 0; i < n; i++)
        {
          const NfConflict *x = nf_canvas_get_conflict (merged, i);
          const NfConflict *y = nf_canvas_get_conflict (swapped, i);

          g_assert_cmpint (x->kind, ==, y->kind);
          g_assert_cmpstr (x->ours, ==, y->theirs);
          g_assert_cmpstr (x->theirs, ==, y->ours);
          n_row_conflicts += x->kind == NF_CONFLICT_ROW;
        }
      for (int side = 0; side < 2; side++)
        {
          NfCanvas *c = side == 0 ? ours : theirs;

          for (guint r = 0; r < n_rows (c); r++)
            if (!row_as_in (c, r, base))
              g_assert_true (has_label (merged, cell (c, r, 0)) ||
                             renamed_by (merged, c, r, side == 0 ? theirs : ours) ||
                             in_cell_conflict (merged, cell (c, r, 0)) ||
                             in_cell_conflict (merged, cell (c, r, 1)));
        }

      before = bytes_of (merged);
      /* No translation a side wrote and kept is dropped: it is in the
       * merged table, or carried by a conflict (a cell's side, or the
       * other version of a whole table). */
      {
        g_autofree char *ours_xml = bytes_of (ours);
        g_autofree char *theirs_xml = bytes_of (theirs);

        for (guint i = 0; i < words->len; i++)
          {
            const char *w = g_ptr_array_index (words, i);

            if ((strstr (ours_xml, w) != NULL || strstr (theirs_xml, w) != NULL) &&
                strstr (before, w) == NULL)
              g_error ("run %u: the merge lost the translation %s\n%s", run, w, before);
            n_words_kept++;
          }
      }
      {
        g_autoptr(NfCanvas) reread = copy_canvas (merged);
        g_autofree char *again = bytes_of (reread);

        g_assert_cmpstr (again, ==, before);
      }
      while (nf_canvas_get_n_conflicts (merged) > 0)
        {
          nf_canvas_resolve_conflict (merged, 0, g_rand_int_range (rand, 0, 3));
          steps++;
        }
      for (guint i = 0; i < steps; i++)
        g_assert_true (nf_history_undo (nf_canvas_get_history (merged)));
      after = bytes_of (merged);
      g_assert_cmpstr (after, ==, before);
    }
  /* The scripts do reach row conflicts, and translate. */
  g_assert_cmpuint (n_row_conflicts, >, 0);
  g_assert_cmpuint (n_words_kept, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/merge-rows/moved-and-edited", test_moved_and_edited);
  g_test_add_func ("/merge-rows/both-insert", test_both_insert);
  g_test_add_func ("/merge-rows/removed-and-edited", test_removed_and_edited);
  g_test_add_func ("/merge-rows/deleted-by-hand", test_row_deleted_by_hand);
  g_test_add_func ("/merge-rows/moved-both-ways", test_moved_both_ways);
  g_test_add_func ("/merge-rows/renamed-and-edited", test_renamed_and_edited);
  g_test_add_func ("/merge-rows/renamed-and-reordered", test_renamed_and_reordered);
  g_test_add_func ("/merge-rows/rename-ambiguous", test_rename_ambiguous);
  g_test_add_func ("/merge-rows/load", test_load);
  g_test_add_func ("/merge-rows/properties", test_properties);
  return g_test_run ();
}

