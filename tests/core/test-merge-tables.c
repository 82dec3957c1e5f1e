/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-merge-tables"

/* Tables merged by row and cell (nf-merge-tables.c), and conflicts
 * settled as one undoable step (nf-merge-resolve.c): by hand, then as
 * properties over random cell edits (seeded by GTest; `--seed` replays). */

#include <string.h>

#include <ninefold.h>

#include "nf-canvas-xml-private.h"
#include "nf-merge-private.h"

#include "merge-test-util.h"

/* Disjoint cells of one table: both edits, one table, no conflict. */
static void
test_disjoint_cells (void)
{
  g_autoptr(NfCanvas) base = table_canvas (3, 3);
  g_autoptr(NfCanvas) ours = copy_canvas (base);
  g_autoptr(NfCanvas) theirs = copy_canvas (base);
  g_autoptr(NfCanvas) merged = NULL;
  guint n = 99;

  set_cell (ours, 0, 1, "ours");
  set_cell (theirs, 2, 2, "theirs");
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_tables (merged)), ==, 1);
  g_assert_cmpstr (cell (merged, 0, 1), ==, "ours");
  g_assert_cmpstr (cell (merged, 2, 2), ==, "theirs");
  g_assert_cmpstr (cell (merged, 1, 1), ==, "r1 c1");
}

/* One cell two ways: a cell conflict naming the table, row and column,
 * written, read back, and settled with one undo step. */
static void
test_cell_conflict (void)
{
  g_autoptr(NfCanvas) base = table_canvas (2, 2);
  g_autoptr(NfCanvas) ours = copy_canvas (base);
  g_autoptr(NfCanvas) theirs = copy_canvas (base);
  g_autoptr(NfCanvas) merged = NULL, reread = NULL;
  g_autofree char *xml = NULL, *before = NULL, *after_undo = NULL;
  const NfConflict *c;
  guint n = 0;

  set_cell (ours, 1, 0, "ours");
  set_cell (theirs, 1, 0, "theirs");
  set_cell (theirs, 0, 1, "theirs too");
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_tables (merged)), ==, 1);
  g_assert_cmpstr (cell (merged, 0, 1), ==, "theirs too");
  xml = bytes_of (merged);
  g_assert_nonnull (strstr (xml, "<conflict kind=\"cell\" table=\"t1\" row=\"2\" column=\"1\" "
                                 "ours=\"ours\" theirs=\"theirs\"/>"));
  reread = copy_canvas (merged);
  g_assert_cmpuint (nf_canvas_get_n_conflicts (reread), ==, 1);
  c = nf_canvas_get_conflict (reread, 0);
  g_assert_cmpint (c->kind, ==, NF_CONFLICT_CELL);
  g_assert_cmpstr (c->table, ==, "t1");
  g_assert_cmpuint (c->row, ==, 1);
  g_assert_cmpuint (c->column, ==, 0);

  before = bytes_of (reread);
  nf_canvas_resolve_conflict (reread, 0, NF_CONFLICT_TAKE_THEIRS);
  g_assert_cmpuint (nf_canvas_get_n_conflicts (reread), ==, 0);
  g_assert_cmpstr (cell (reread, 1, 0), ==, "theirs");
  g_assert_true (nf_history_undo (nf_canvas_get_history (reread)));
  after_undo = bytes_of (reread);
  g_assert_cmpstr (after_undo, ==, before);
  g_assert_false (nf_history_can_undo (nf_canvas_get_history (reread)));
}

/* Taking our side of a cell conflict keeps our cell as it was, with its
 * translations: settling must lose nothing the side taken had. */
static void
test_resolve_keeps_translations (void)
{
  g_autoptr(NfCanvas) base = table_canvas (2, 2);
  g_autoptr(NfCanvas) ours = NULL;
  g_autoptr(NfCanvas) theirs = copy_canvas (base);
  g_autoptr(NfCanvas) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = bytes_of (base);
  g_autoptr(GString) edited = g_string_new (xml);
  const NfCell *kept;
  guint n = 0;

  g_assert_cmpuint (g_string_replace (edited, "<cell>r1 c0</cell>",
                                      "<cell>ours</cell><cell xml:lang=\"zh\">我们的</cell>", 1), ==, 1);
  ours = nf_canvas_load_from_data (edited->str, edited->len, "ours", &error);
  g_assert_no_error (error);
  set_cell (theirs, 1, 0, "theirs");
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 1);

  nf_canvas_resolve_conflict (merged, 0, NF_CONFLICT_TAKE_OURS);
  kept = nf_metric_table_get_cell (nf_canvas_find_table (merged, "t1", NULL), 1, 0);
  g_assert_cmpstr (kept->text, ==, "ours");
  g_assert_nonnull (kept->translations);
  g_assert_cmpstr (nf_cell_get_text_for_language (kept, "zh"), ==, "我们的");

  g_assert_true (nf_history_undo (nf_canvas_get_history (merged)));
  g_assert_cmpuint (nf_canvas_get_n_conflicts (merged), ==, 1);
  nf_canvas_resolve_conflict (merged, 0, NF_CONFLICT_TAKE_THEIRS);
  kept = nf_metric_table_get_cell (nf_canvas_find_table (merged, "t1", NULL), 1, 0);
  g_assert_cmpstr (kept->text, ==, "theirs");
  /* Their cell had no Chinese: ours, of other words, must not stay. */
  g_assert_null (kept->translations);
}

/* Taking their side gives their cell whole, translations included, also
 * after the merged file is saved and read again. */
static void
test_resolve_carries_their_translations (void)
{
  g_autoptr(NfCanvas) base = table_canvas (2, 2);
  g_autoptr(NfCanvas) ours = copy_canvas (base), theirs = copy_canvas (base);
  g_autoptr(NfCanvas) merged = NULL, reread = NULL;
  g_autofree char *xml = NULL, *before = NULL, *after = NULL;
  const NfCell *kept;
  guint n = 0;

  set_cell_translated (ours, 1, 1, "12", "十二");
  set_cell_translated (theirs, 1, 1, "15", "十五");
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 1);
  xml = bytes_of (merged);
  g_assert_nonnull (strstr (xml, "<conflict kind=\"cell\" table=\"t1\" row=\"2\" column=\"2\" "
                                 "ours=\"12\" theirs=\"15\">\n"
                                 "      <ours>\n        <cell>12</cell>\n"
                                 "        <cell xml:lang=\"zh\">十二</cell>\n      </ours>\n"
                                 "      <theirs>\n        <cell>15</cell>\n"
                                 "        <cell xml:lang=\"zh\">十五</cell>\n      </theirs>\n"
                                 "    </conflict>"));

  reread = copy_canvas (merged);
  before = bytes_of (reread);
  g_assert_cmpstr (before, ==, xml);
  nf_canvas_resolve_conflict (reread, 0, NF_CONFLICT_TAKE_THEIRS);
  kept = nf_metric_table_get_cell (nf_canvas_find_table (reread, "t1", NULL), 1, 1);
  g_assert_cmpstr (kept->text, ==, "15");
  g_assert_cmpstr (nf_cell_get_text_for_language (kept, "zh"), ==, "十五");
  g_assert_true (nf_history_undo (nf_canvas_get_history (reread)));
  after = bytes_of (reread);
  g_assert_cmpstr (after, ==, before);

  nf_canvas_resolve_conflict (reread, 0, NF_CONFLICT_TAKE_OURS);
  kept = nf_metric_table_get_cell (nf_canvas_find_table (reread, "t1", NULL), 1, 1);
  g_assert_cmpstr (kept->text, ==, "12");
  g_assert_cmpstr (nf_cell_get_text_for_language (kept, "zh"), ==, "十二");
}

/* A cell with its own type and unit (format 1.3) in a conflict keeps
 * them on both sides through a save: a conflict's cells are read as a
 * row's are. */
static void
test_typed_cell_conflict (void)
{
  g_autoptr(NfCanvas) base = table_canvas (2, 2);
  g_autoptr(NfCanvas) ours = copy_canvas (base), theirs = copy_canvas (base);
  g_autoptr(NfCanvas) merged = NULL, reread = NULL;
  g_autofree char *xml = NULL, *again = NULL;
  NfCanvas *sides[] = { ours, theirs };
  const char *texts[] = { "60 天", "90 天" }, *english[] = { "60 days", "90 days" };
  const NfCell *kept;
  guint n = 0;

  for (guint i = 0; i < 2; i++)
    {
      NfMetricTable *t = nf_canvas_find_table (sides[i], "t1", NULL);
      g_autoptr(NfText) unit = nf_text_new ("天"), words = nf_text_new (texts[i]);
      NfCell cell = { 0 };

      cell.text = (char *) texts[i];
      cell.has_value = TRUE;
      cell.value = i == 0 ? 60 : 90;
      cell.has_type = TRUE;
      cell.type = NF_COLUMN_NUMBER;
      cell.unit = nf_text_with_translation (unit, "en", "days");
      cell.translations = nf_text_with_translation (words, "en", english[i]);
      _nf_canvas_do (sides[i], _nf_edit_table_cell (t, 1, 1, &cell));
      g_clear_pointer (&cell.unit, nf_text_unref);
      g_clear_pointer (&cell.translations, nf_text_unref);
    }
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 1);
  xml = bytes_of (merged);
  g_assert_nonnull (strstr (xml, "<theirs>\n        <cell type=\"number\" unit=\"天\" "
                                 "value=\"90\">90 天</cell>"));

  reread = copy_canvas (merged);
  again = bytes_of (reread);
  g_assert_cmpstr (again, ==, xml);
  nf_canvas_resolve_conflict (reread, 0, NF_CONFLICT_TAKE_THEIRS);
  kept = nf_metric_table_get_cell (nf_canvas_find_table (reread, "t1", NULL), 1, 1);
  g_assert_cmpstr (kept->text, ==, "90 天");
  g_assert_true (kept->has_type);
  g_assert_cmpint (kept->type, ==, NF_COLUMN_NUMBER);
  g_assert_cmpstr (nf_cell_get_unit_for_language (kept, "en"), ==, "days");
  g_assert_cmpstr (nf_cell_get_text_for_language (kept, "en"), ==, "90 days");
}

/* Rows added below the base's on both sides are all kept; a row removed
 * on one side while the other edits another row merges (rows are matched
 * by their labels); without labels to match by, it keeps both whole
 * tables. */
static void
test_rows (void)
{
  g_autoptr(NfCanvas) base = table_canvas (2, 2);
  g_autoptr(NfCanvas) ours = copy_canvas (base);
  g_autoptr(NfCanvas) theirs = copy_canvas (base);
  g_autoptr(NfCanvas) merged = NULL;
  const char * const a[] = { "a0", "a1", NULL }, * const b[] = { "b0", "b1", NULL };
  guint n = 99;

  nf_canvas_insert_table_row (ours, nf_canvas_find_table (ours, "t1", NULL), 2, a);
  nf_canvas_insert_table_row (theirs, nf_canvas_find_table (theirs, "t1", NULL), 2, b);
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (nf_metric_table_get_n_rows (nf_canvas_find_table (merged, "t1", NULL)), ==, 4);

  g_clear_object (&merged);
  g_clear_object (&ours);
  g_clear_object (&theirs);
  ours = copy_canvas (base);
  theirs = copy_canvas (base);
  nf_canvas_remove_table_row (ours, nf_canvas_find_table (ours, "t1", NULL), 0);
  set_cell (theirs, 1, 1, "edited");
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_tables (merged)), ==, 1);
  g_assert_cmpuint (nf_metric_table_get_n_rows (nf_canvas_find_table (merged, "t1", NULL)), ==, 1);
  g_assert_cmpstr (cell (merged, 0, 0), ==, "r1 c0");
  g_assert_cmpstr (cell (merged, 0, 1), ==, "edited");

  /* The same with two rows labelled alike: nothing to match rows by. */
  g_clear_object (&merged);
  g_clear_object (&ours);
  g_clear_object (&theirs);
  set_cell (base, 1, 0, "r0 c0");
  ours = copy_canvas (base);
  theirs = copy_canvas (base);
  nf_canvas_remove_table_row (ours, nf_canvas_find_table (ours, "t1", NULL), 0);
  set_cell (theirs, 1, 1, "edited");
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (nf_canvas_get_conflict (merged, 0)->kind, ==, NF_CONFLICT_TABLE);
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_tables (merged)), ==, 2);
}

/* Take Ours, Take Theirs, Keep Both on two versions of a note and on a
 * title: each one step, and undo gives back the file byte for byte. */
static void
test_resolve (void)
{
  for (NfConflictChoice choice = NF_CONFLICT_TAKE_OURS; choice <= NF_CONFLICT_KEEP_BOTH; choice++)
    {
      g_autoptr(NfCanvas) base = table_canvas (1, 1);
      g_autoptr(NfCanvas) ours = NULL, theirs = NULL, merged = NULL;
      g_autoptr(NfText) ta = nf_text_new ("ours says"), tb = nf_text_new ("theirs says");
      g_autoptr(NfText) t0 = nf_text_new ("first");
      g_autoptr(NfNote) note = nf_note_new ("n1", t0);
      g_autofree char *before = NULL, *after = NULL;
      g_autoptr(GError) error = NULL;
      guint n = 0, index = 99;
      const NfConflict *c;

      nf_canvas_insert_note (base, NF_BLOCK_CHANNELS, 0, note, &error);
      g_assert_no_error (error);
      ours = copy_canvas (base);
      theirs = copy_canvas (base);
      nf_canvas_set_note_text (ours, nf_canvas_find_note (ours, "n1", NULL, NULL), ta);
      nf_canvas_set_note_text (theirs, nf_canvas_find_note (theirs, "n1", NULL, NULL), tb);
      nf_canvas_set_title (ours, "Ours");
      nf_canvas_set_title (theirs, "Theirs");
      merged = nf_merge (base, ours, theirs, &n);
      g_assert_cmpuint (n, ==, 2);
      c = nf_canvas_find_conflict (merged, NF_CONFLICT_NOTE, "n1", &index);
      g_assert_nonnull (c);
      before = bytes_of (merged);

      nf_canvas_resolve_conflict (merged, index, choice);
      g_assert_cmpuint (nf_canvas_get_n_conflicts (merged), ==, 1);
      g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_notes (merged, NF_BLOCK_CHANNELS)),
                        ==, choice == NF_CONFLICT_KEEP_BOTH ? 2 : 1);
      if (choice != NF_CONFLICT_KEEP_BOTH)
        {
          NfNote *left = g_list_model_get_item (nf_canvas_get_notes (merged, NF_BLOCK_CHANNELS), 0);

          g_assert_cmpstr (nf_text_get (nf_note_get_text (left)), ==,
                           choice == NF_CONFLICT_TAKE_OURS ? "ours says" : "theirs says");
          g_object_unref (left);
        }
      /* The title's conflict is the one left. */
      nf_canvas_resolve_conflict (merged, 0, choice);
      g_assert_cmpuint (nf_canvas_get_n_conflicts (merged), ==, 0);
      if (choice == NF_CONFLICT_TAKE_THEIRS)
        g_assert_cmpstr (nf_canvas_get_title (merged), ==, "Theirs");
      if (choice == NF_CONFLICT_TAKE_OURS)
        g_assert_cmpstr (nf_canvas_get_title (merged), ==, "Ours");

      g_assert_true (nf_history_undo (nf_canvas_get_history (merged)));
      g_assert_cmpuint (nf_canvas_get_n_conflicts (merged), ==, 1);
      g_assert_true (nf_history_undo (nf_canvas_get_history (merged)));
      after = bytes_of (merged);
      g_assert_cmpstr (after, ==, before);
    }
}

/* A rate set two ways: Take Theirs sets theirs, Take Ours ours, and undo
 * gives the merge back byte for byte. */
static void
test_resolve_rate (void)
{
  for (NfConflictChoice choice = NF_CONFLICT_TAKE_OURS; choice <= NF_CONFLICT_TAKE_THEIRS; choice++)
    {
      g_autoptr(NfCanvas) base = table_canvas (1, 1);
      g_autoptr(NfCanvas) ours = NULL, theirs = NULL, merged = NULL;
      g_autoptr(NfRate) r0 = nf_rate_new ("USD", "CNY", 7.1, NULL);
      g_autoptr(NfRate) ra = nf_rate_new ("USD", "CNY", 7.2, NULL);
      g_autoptr(NfRate) rb = nf_rate_new ("USD", "CNY", 7.3, "2025");
      g_autofree char *before = NULL, *after = NULL;
      NfRate *now;
      guint n = 0;

      nf_canvas_set_rate (base, r0);
      ours = copy_canvas (base);
      theirs = copy_canvas (base);
      nf_canvas_set_rate (ours, ra);
      nf_canvas_set_rate (theirs, rb);
      merged = nf_merge (base, ours, theirs, &n);
      g_assert_cmpuint (n, ==, 1);
      g_assert_cmpint (nf_canvas_get_conflict (merged, 0)->kind, ==, NF_CONFLICT_RATE);
      before = bytes_of (merged);
      nf_canvas_resolve_conflict (merged, 0, choice);
      g_assert_cmpuint (nf_canvas_get_n_conflicts (merged), ==, 0);
      now = nf_canvas_find_rate (merged, "USD", "CNY");
      g_assert_nonnull (now);
      g_assert_cmpfloat (nf_rate_get_value (now), ==, choice == NF_CONFLICT_TAKE_OURS ? 7.2 : 7.3);
      g_assert_true (nf_history_undo (nf_canvas_get_history (merged)));
      after = bytes_of (merged);
      g_assert_cmpstr (after, ==, before);
    }
}

/* Properties over random cell edits of one table on two sides: the
 * cells only one side changed are that side's; the cells both changed
 * the same way are that; the cells changed two ways are conflicts, and
 * only they; merging THEIRS with OURS swaps ours and theirs only; every
 * conflict settled and undone gives the merge back byte for byte. */
static void
test_properties (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint runs = g_test_slow () ? 2000 : 400;

  for (guint run = 0; run < runs; run++)
    {
      guint rows = g_rand_int_range (rand, 1, 6), columns = g_rand_int_range (rand, 1, 5);
      g_autoptr(NfCanvas) base = table_canvas (rows, columns);
      g_autoptr(NfCanvas) ours = copy_canvas (base), theirs = copy_canvas (base);
      g_autoptr(NfCanvas) merged = NULL, swapped = NULL;
      g_autofree char *before = NULL, *after = NULL;
      guint n = 0, n_swapped = 0, expected = 0;

      for (guint r = 0; r < rows; r++)
        for (guint c = 0; c < columns; c++)
          {
            int what = g_rand_int_range (rand, 0, 5);
            /* Some cells in Chinese too, on either side, so that a side's
             * translations must travel with its cell. */
            const char *zo = g_rand_boolean (rand) ? "我们" : NULL;
            const char *zt = g_rand_boolean (rand) ? "他们" : NULL;

            /* 0 neither, 1 ours, 2 theirs, 3 both alike, 4 both apart. */
            if (what == 1 || what == 3 || what == 4)
              set_cell_translated (ours, r, c, "ours", zo);
            if (what == 2 || what == 3)
              set_cell_translated (theirs, r, c, what == 3 ? "ours" : "theirs", what == 3 ? zo : zt);
            if (what == 4)
              set_cell_translated (theirs, r, c, "theirs", zt);
            expected += what == 4;
          }
      merged = nf_merge (base, ours, theirs, &n);
      swapped = nf_merge (base, theirs, ours, &n_swapped);
      g_assert_cmpuint (n, ==, expected);
      g_assert_cmpuint (n_swapped, ==, expected);
      g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_tables (merged)), ==, 1);
      for (guint r = 0; r < rows; r++)
        for (guint c = 0; c < columns; c++)
          {
            const char *o = cell (ours, r, c), *t = cell (theirs, r, c), *b = cell (base, r, c);
            const char *m = cell (merged, r, c);

            if (g_str_equal (o, b))
              g_assert_cmpstr (m, ==, t);
            else if (g_str_equal (t, b) || g_str_equal (o, t))
              g_assert_cmpstr (m, ==, o);
            else
              {
                gboolean found = FALSE;

                for (guint i = 0; i < n && !found; i++)
                  {
                    const NfConflict *x = nf_canvas_get_conflict (merged, i);
                    const NfConflict *y = nf_canvas_get_conflict (swapped, i);

                    found = x->row == r && x->column == c;
                    if (found)
                      {
                        g_assert_cmpstr (x->ours, ==, "ours");
                        g_assert_cmpstr (x->theirs, ==, "theirs");
                        g_assert_cmpstr (y->ours, ==, "theirs");
                        g_assert_cmpstr (y->theirs, ==, "ours");
                      }
                  }
                g_assert_true (found);
              }
          }
      before = bytes_of (merged);
      {
        /* Through the file and back: each side's cell is kept whole. */
        g_autoptr(NfCanvas) reread = copy_canvas (merged);
        g_autofree char *again = bytes_of (reread);

        g_assert_cmpstr (again, ==, before);
      }
      while (nf_canvas_get_n_conflicts (merged) > 0)
        {
          const NfConflict *x = nf_canvas_get_conflict (merged, 0);
          guint r = x->row, c = x->column;
          NfConflictChoice choice = g_rand_int_range (rand, 0, 3);
          NfCanvas *side = choice == NF_CONFLICT_TAKE_THEIRS ? theirs : ours;

          /* Keep Both leaves the cell the canvas holds: A's, here ours or
           * theirs by the merge's fixed order; compare only what was taken. */
          nf_canvas_resolve_conflict (merged, 0, choice);
          if (choice != NF_CONFLICT_KEEP_BOTH)
            g_assert_true (_nf_merge_cell_eq (
              nf_metric_table_get_cell (nf_canvas_find_table (merged, "t1", NULL), r, c),
              nf_metric_table_get_cell (nf_canvas_find_table (side, "t1", NULL), r, c)));
        }
      for (guint i = 0; i < n; i++)
        g_assert_true (nf_history_undo (nf_canvas_get_history (merged)));
      after = bytes_of (merged);
      g_assert_cmpstr (after, ==, before);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/merge-tables/disjoint-cells", test_disjoint_cells);
  g_test_add_func ("/merge-tables/cell-conflict", test_cell_conflict);
  g_test_add_func ("/merge-tables/rows", test_rows);
  g_test_add_func ("/merge-tables/resolve", test_resolve);
  g_test_add_func ("/merge-tables/resolve-keeps-translations", test_resolve_keeps_translations);
  g_test_add_func ("/merge-tables/resolve-carries-their-translations",
                   test_resolve_carries_their_translations);
  g_test_add_func ("/merge-tables/resolve-rate", test_resolve_rate);
  g_test_add_func ("/merge-tables/typed-cell-conflict", test_typed_cell_conflict);
  g_test_add_func ("/merge-tables/properties", test_properties);
  return g_test_run ();
}
