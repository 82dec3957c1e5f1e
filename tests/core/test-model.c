/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <ninefold.h>

typedef struct {
  guint position, removed, added, calls;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *seen)
{
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
  seen->calls++;
}

static NfNote *
add_note (NfCanvas   *canvas,
          NfBlock     block,
          const char *text)
{
  g_autofree char *id = nf_canvas_new_note_id (canvas);
  g_autoptr(NfText) t = nf_text_new (text);
  g_autoptr(NfNote) note = nf_note_new (id, t);
  g_autoptr(GError) error = NULL;

  g_assert_true (nf_canvas_insert_note (canvas, block, G_MAXUINT, note, &error));
  g_assert_no_error (error);
  return note;  /* the canvas holds it */
}

static void
test_notes_insert_remove_move (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  GListModel *channels = nf_canvas_get_notes (canvas, NF_BLOCK_CHANNELS);
  GListModel *segments = nf_canvas_get_notes (canvas, NF_BLOCK_CUSTOMER_SEGMENTS);
  ItemsChanged seen = { 0 };
  NfNote *a, *b, *c;
  NfBlock block;
  guint index;

  g_signal_connect (channels, "items-changed", G_CALLBACK (on_items_changed), &seen);

  a = add_note (canvas, NF_BLOCK_CHANNELS, "Sales force in 186 cities");
  b = add_note (canvas, NF_BLOCK_CHANNELS, "Website");
  c = add_note (canvas, NF_BLOCK_CHANNELS, "Exhibitions");
  g_assert_cmpuint (seen.calls, ==, 3);
  g_assert_cmpuint (seen.position, ==, 2);
  g_assert_cmpuint (seen.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (channels), ==, 3);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, 3);
  g_assert_cmpstr (nf_note_get_id (a), !=, nf_note_get_id (b));

  /* Move b to the other block, at the front. */
  nf_canvas_move_note (canvas, b, NF_BLOCK_CUSTOMER_SEGMENTS, 0);
  g_assert_cmpuint (g_list_model_get_n_items (channels), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (segments), ==, 1);
  g_assert_true (nf_canvas_find_note (canvas, nf_note_get_id (b), &block, &index) == b);
  g_assert_cmpint (block, ==, NF_BLOCK_CUSTOMER_SEGMENTS);
  g_assert_cmpuint (index, ==, 0);

  /* Reorder within a block: c to the front. */
  nf_canvas_move_note (canvas, c, NF_BLOCK_CHANNELS, 0);
  {
    g_autoptr(NfNote) first = g_list_model_get_item (channels, 0);
    g_assert_true (first == c);
  }

  nf_canvas_remove_note (canvas, a);
  g_assert_cmpuint (g_list_model_get_n_items (channels), ==, 1);
  g_assert_null (nf_canvas_find_note (canvas, "n1", NULL, NULL));
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, 2);
}

static void
test_duplicate_note_id_refused (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  g_autoptr(NfText) t = nf_text_new ("x");
  g_autoptr(NfNote) one = nf_note_new ("n1", t);
  g_autoptr(NfNote) two = nf_note_new ("n1", t);
  g_autoptr(GError) error = NULL;

  g_assert_true (nf_canvas_insert_note (canvas, NF_BLOCK_KEY_PARTNERS, 0, one, NULL));
  g_assert_false (nf_canvas_insert_note (canvas, NF_BLOCK_KEY_ACTIVITIES, 0, two, &error));
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "n1"));
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, 1);
}

static void
count (guint *counter)
{
  (*counter)++;
}

static void
test_note_properties_notify (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  NfNote *note = add_note (canvas, NF_BLOCK_VALUE_PROPOSITIONS, "Integrated advertising");
  const char *tags[] = { "ads", " ads ", "", "dealers", NULL };
  guint notified = 0;

  g_signal_connect_swapped (note, "notify::colour", G_CALLBACK (count), &notified);

  nf_canvas_set_note_colour (canvas, note, "#F6D32D");
  g_assert_cmpstr (nf_note_get_colour (note), ==, "#f6d32d");
  g_assert_cmpuint (notified, ==, 1);
  nf_canvas_set_note_colour (canvas, note, "#f6d32d");  /* no change, no step */
  g_assert_cmpuint (notified, ==, 1);

  nf_canvas_set_note_tags (canvas, note, tags);
  g_assert_cmpuint (g_strv_length ((char **) nf_note_get_tags (note)), ==, 2);
  g_assert_cmpstr (nf_note_get_tags (note)[0], ==, "ads");
  g_assert_cmpstr (nf_note_get_tags (note)[1], ==, "dealers");

  nf_canvas_set_note_evidence (canvas, note, NF_EVIDENCE_TESTED);
  g_assert_cmpint (nf_note_get_evidence (note), ==, NF_EVIDENCE_TESTED);

  {
    g_autoptr(NfText) t = nf_text_new ("Integrated \x01 advertising");
    nf_canvas_set_note_text (canvas, note, t);
    g_assert_cmpstr (nf_text_get (nf_note_get_text (note)), ==, "Integrated  advertising");
  }
}

static NfMetricTable *
make_table (NfCanvas *canvas)
{
  g_autoptr(NfText) title = nf_text_new ("Revenue");
  g_autoptr(NfText) year = nf_text_new ("Year");
  g_autoptr(NfText) revenue = nf_text_new ("Revenue");
  g_autoptr(NfText) share = nf_text_new ("Share");
  g_autofree char *id = nf_canvas_new_table_id (canvas);
  g_autoptr(NfMetricTable) table = nf_metric_table_new (id, title);
  const char *row1[] = { "2021", "$9.5 million", "15%", NULL };
  const char *row2[] = { "FY2023", "31.5 Billion", "n/a", NULL };

  g_assert_true (nf_canvas_insert_table (canvas, 0, table, NULL));
  nf_canvas_insert_table_column (canvas, table, 0, year, NF_COLUMN_YEAR, NULL);
  nf_canvas_insert_table_column (canvas, table, 1, revenue, NF_COLUMN_MONEY, "USD");
  nf_canvas_insert_table_column (canvas, table, 2, share, NF_COLUMN_PERCENT, NULL);
  nf_canvas_insert_table_row (canvas, table, 0, row1);
  nf_canvas_insert_table_row (canvas, table, 1, row2);
  return table;
}

static void
test_table_cells_parse_and_keep_text (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  NfMetricTable *table = make_table (canvas);
  const NfCell *cell;

  g_assert_cmpuint (nf_metric_table_get_n_columns (table), ==, 3);
  g_assert_cmpuint (nf_metric_table_get_n_rows (table), ==, 2);

  cell = nf_metric_table_get_cell (table, 0, 1);
  g_assert_cmpstr (cell->text, ==, "$9.5 million");
  g_assert_true (cell->has_value);
  g_assert_cmpfloat (cell->value, ==, 9500000);

  cell = nf_metric_table_get_cell (table, 0, 2);
  g_assert_true (cell->has_value);
  g_assert_cmpfloat_with_epsilon (cell->value, 0.15, 1e-12);

  /* Text that does not parse is kept, and flagged by having no value. */
  cell = nf_metric_table_get_cell (table, 1, 2);
  g_assert_cmpstr (cell->text, ==, "n/a");
  g_assert_false (cell->has_value);

  nf_canvas_set_table_cell (canvas, table, 1, 2, "12.5%");
  cell = nf_metric_table_get_cell (table, 1, 2);
  g_assert_true (cell->has_value);
  g_assert_cmpfloat_with_epsilon (cell->value, 0.125, 1e-12);

  /* Retyping a column reads its cells again; the text never changes. */
  {
    g_autoptr(NfText) name = nf_text_new ("Share");
    nf_canvas_set_table_column (canvas, table, 2, name, NF_COLUMN_TEXT, NULL);
  }
  cell = nf_metric_table_get_cell (table, 0, 2);
  g_assert_cmpstr (cell->text, ==, "15%");
  g_assert_false (cell->has_value);

  nf_canvas_remove_table_column (canvas, table, 0);
  g_assert_cmpuint (nf_metric_table_get_n_columns (table), ==, 2);
  g_assert_cmpstr (nf_metric_table_get_cell (table, 1, 0)->text, ==, "31.5 Billion");

  nf_canvas_remove_table_row (canvas, table, 0);
  g_assert_cmpuint (nf_metric_table_get_n_rows (table), ==, 1);
}

static void
test_snapshot_is_frozen_and_restorable (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  NfNote *note = add_note (canvas, NF_BLOCK_KEY_PARTNERS, "Automakers");
  NfMetricTable *table = make_table (canvas);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 20, 9, 30, 0);
  NfSnapshot *snapshot;
  g_autoptr(NfCanvas) frozen = NULL;

  snapshot = nf_canvas_take_snapshot (canvas, "Before the workshop", when);
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_snapshots (canvas)), ==, 1);
  g_assert_cmpuint (nf_snapshot_get_n_notes (snapshot, NF_BLOCK_KEY_PARTNERS), ==, 1);

  {
    g_autoptr(NfText) t = nf_text_new ("Automakers and dealers");
    nf_canvas_set_note_text (canvas, note, t);
  }
  nf_canvas_set_table_cell (canvas, table, 0, 0, "2022");
  add_note (canvas, NF_BLOCK_CHANNELS, "New channel");

  /* The snapshot did not follow the edits. */
  g_assert_cmpstr (nf_text_get (nf_note_get_text (nf_snapshot_get_note (snapshot, NF_BLOCK_KEY_PARTNERS, 0))),
                   ==, "Automakers");
  g_assert_cmpstr (nf_metric_table_get_cell (nf_snapshot_get_table (snapshot, 0), 0, 0)->text, ==, "2021");

  frozen = nf_canvas_new_from_snapshot (canvas, snapshot);
  g_assert_cmpuint (nf_canvas_get_n_notes (frozen), ==, 1);

  nf_canvas_restore_snapshot (canvas, snapshot);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_notes (canvas, NF_BLOCK_CHANNELS)), ==, 0);
  {
    g_autoptr(NfNote) restored = g_list_model_get_item (nf_canvas_get_notes (canvas, NF_BLOCK_KEY_PARTNERS), 0);
    g_autoptr(NfMetricTable) t = g_list_model_get_item (nf_canvas_get_tables (canvas), 0);

    g_assert_cmpstr (nf_text_get (nf_note_get_text (restored)), ==, "Automakers");
    g_assert_cmpstr (nf_metric_table_get_cell (t, 0, 0)->text, ==, "2021");
  }

  /* Restoring is one undoable step. */
  g_assert_true (nf_history_undo (nf_canvas_get_history (canvas)));
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, 2);
}

static void
test_equal_sees_every_field (void)
{
  g_autoptr(NfCanvas) a = nf_canvas_new ();
  g_autoptr(NfCanvas) b = nf_canvas_new ();

  g_assert_true (nf_canvas_equal (a, b));
  nf_canvas_set_company (a, "Bitauto");
  g_assert_false (nf_canvas_equal (a, b));
  nf_canvas_set_company (b, "Bitauto");
  g_assert_true (nf_canvas_equal (a, b));
  add_note (a, NF_BLOCK_CHANNELS, "x");
  g_assert_false (nf_canvas_equal (a, b));
  add_note (b, NF_BLOCK_CHANNELS, "x");
  g_assert_true (nf_canvas_equal (a, b));
  make_table (a);
  g_assert_false (nf_canvas_equal (a, b));
}

/* Restoring an earlier version of a file: everything it holds, one undo. */
static void
test_restore_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (0, &error);
  g_autoptr(NfCanvas) version = nf_canvas_load_case (0, &error);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(NfCanvas) original = NULL;
  g_autoptr(NfNote) gone = NULL;
  g_autoptr(NfSource) extra = nf_source_new ("s9", "Annual report", NULL, NULL, "report.md");

  g_assert_no_error (error);
  before = nf_canvas_save_to_bytes (canvas, &error);
  g_assert_no_error (error);
  original = nf_canvas_load_from_data (g_bytes_get_data (before, NULL), g_bytes_get_size (before),
                                       "before", &error);
  g_assert_no_error (error);
  /* The earlier version: another company name, a note fewer, a source
   * more that a note cites. */
  nf_canvas_set_company (version, "Bitauto (2015)");
  gone = g_list_model_get_item (nf_canvas_get_notes (version, NF_BLOCK_KEY_PARTNERS), 0);
  nf_canvas_remove_note (version, gone);
  g_assert_true (nf_canvas_insert_source (version, 1, extra, &error));
  {
    g_autoptr(NfNote) cites = g_list_model_get_item (nf_canvas_get_notes (version, NF_BLOCK_CHANNELS), 0);

    nf_canvas_set_note_cite (version, cites, "s9", 4);
  }

  nf_canvas_restore_version (canvas, version);
  g_assert_true (nf_canvas_equal (canvas, version));
  g_assert_true (nf_history_undo (nf_canvas_get_history (canvas)));
  g_assert_true (nf_canvas_equal (canvas, original));
  g_assert_true (nf_history_redo (nf_canvas_get_history (canvas)));
  g_assert_true (nf_canvas_equal (canvas, version));
}

/* The room a table has is the room the file format gives it: rows and
 * columns of one table, and cells of the whole canvas counted as the
 * file holds them (translations of a cell each one more), so an edit the
 * window allows is always one a save can write and a load read back. */
static guint
cells_in_file (NfCanvas *canvas)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = nf_canvas_save_to_bytes (canvas, &error);
  g_autofree char *text = NULL;
  guint n = 0;

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  for (const char *p = text; (p = strstr (p, "<cell")) != NULL; p += 5)
    if (p[5] == ' ' || p[5] == '>' || p[5] == '/')
      n++;
  return n;
}

static void
test_table_room (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (3, &error);
  g_autoptr(NfText) title = nf_text_new ("Wide");
  g_autoptr(NfMetricTable) wide = nf_metric_table_new ("room-wide", title);
  g_autofree const char **row = g_new0 (const char *, 21);
  NfMetricTable *small;
  guint in_file, fits;

  g_assert_no_error (error);
  g_assert_true (nf_canvas_insert_table (canvas, 0, wide, NULL));
  for (guint c = 0; c < 20; c++)
    {
      g_autofree char *name = g_strdup_printf ("C%u", c);
      g_autoptr(NfText) text = nf_text_new (name);

      nf_canvas_insert_table_column (canvas, wide, c, text, NF_COLUMN_NUMBER, NULL);
      row[c] = "1";
    }
  nf_canvas_insert_table_row (canvas, wide, 0, row);

  /* 数跑科技 translates its labels: the count must see them. */
  in_file = cells_in_file (canvas);
  g_assert_cmpuint (in_file, >, 20);
  fits = (NF_CANVAS_MAX_CELLS - in_file) / 20;
  g_assert_cmpuint (fits, <, NF_CANVAS_MAX_ROWS - 1);
  g_assert_true (nf_canvas_check_table_room (canvas, wide, fits, 0, &error));
  g_assert_no_error (error);
  g_assert_false (nf_canvas_check_table_room (canvas, wide, fits + 1, 0, &error));
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "100000"));
  g_clear_error (&error);

  /* Rows and columns of one table, whatever the cells. */
  small = g_list_model_get_item (nf_canvas_get_tables (canvas), 1);
  g_object_unref (small);
  g_assert_false (nf_canvas_check_table_room (canvas, small,
                                              NF_CANVAS_MAX_ROWS - nf_metric_table_get_n_rows (small) + 1,
                                              0, &error));
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "10000"));
  g_clear_error (&error);
  g_assert_false (nf_canvas_check_table_room (canvas, small, 0,
                                              NF_CANVAS_MAX_COLUMNS - nf_metric_table_get_n_columns (small) + 1,
                                              &error));
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "1000"));
  g_clear_error (&error);
  g_assert_true (nf_canvas_check_table_room (canvas, small, 1, 1, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/notes", test_notes_insert_remove_move);
  g_test_add_func ("/model/duplicate-id", test_duplicate_note_id_refused);
  g_test_add_func ("/model/note-properties", test_note_properties_notify);
  g_test_add_func ("/model/table-cells", test_table_cells_parse_and_keep_text);
  g_test_add_func ("/model/snapshots", test_snapshot_is_frozen_and_restorable);
  g_test_add_func ("/model/equal", test_equal_sees_every_field);
  g_test_add_func ("/model/restore-version", test_restore_version);
  g_test_add_func ("/model/table-room", test_table_room);
  return g_test_run ();
}
