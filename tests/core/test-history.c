/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <ninefold.h>

/* Each edit, undone, must give back a canvas equal to the one before it,
 * and redone, equal to the one after. A copy made through save/load gives
 * an independent "before" to compare with. */
static NfCanvas *
copy_of (NfCanvas *canvas)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = nf_canvas_save_to_bytes (canvas, &error);
  NfCanvas *copy;

  g_assert_no_error (error);
  copy = nf_canvas_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   "copy", &error);
  g_assert_no_error (error);
  return copy;
}

typedef void (*EditFunc) (NfCanvas *canvas);

static NfNote *
nth_note (NfCanvas *canvas,
          NfBlock   block,
          guint     i)
{
  NfNote *note = g_list_model_get_item (nf_canvas_get_notes (canvas, block), i);

  g_object_unref (note);  /* the canvas keeps it */
  return note;
}

static NfMetricTable *
first_table (NfCanvas *canvas)
{
  NfMetricTable *table = g_list_model_get_item (nf_canvas_get_tables (canvas), 0);

  g_object_unref (table);
  return table;
}

static void
edit_add (NfCanvas *canvas)
{
  g_autoptr(NfText) text = nf_text_new ("Added");
  g_autofree char *id = nf_canvas_new_note_id (canvas);
  g_autoptr(NfNote) note = nf_note_new (id, text);

  nf_canvas_insert_note (canvas, NF_BLOCK_CHANNELS, 1, note, NULL);
}

static void edit_remove (NfCanvas *c) { nf_canvas_remove_note (c, nth_note (c, NF_BLOCK_KEY_PARTNERS, 0)); }
static void edit_move (NfCanvas *c) { nf_canvas_move_note (c, nth_note (c, NF_BLOCK_CHANNELS, 0), NF_BLOCK_CUSTOMER_SEGMENTS, 1); }
static void edit_reorder (NfCanvas *c) { nf_canvas_move_note (c, nth_note (c, NF_BLOCK_CHANNELS, 1), NF_BLOCK_CHANNELS, 0); }
static void edit_colour (NfCanvas *c) { nf_canvas_set_note_colour (c, nth_note (c, NF_BLOCK_CHANNELS, 0), "#99c1f1"); }
static void edit_evidence (NfCanvas *c) { nf_canvas_set_note_evidence (c, nth_note (c, NF_BLOCK_CHANNELS, 0), NF_EVIDENCE_VALIDATED); }
static void edit_cite (NfCanvas *c) { nf_canvas_set_note_cite (c, nth_note (c, NF_BLOCK_CHANNELS, 0), "s1", 7); }
static void edit_company (NfCanvas *c) { nf_canvas_set_company (c, "Senmiao"); }
static void edit_label (NfCanvas *c) { nf_canvas_set_label (c, NULL); }

static void
edit_text (NfCanvas *c)
{
  g_autoptr(NfText) base = nf_text_new ("渠道");
  g_autoptr(NfText) text = nf_text_with_translation (base, "en", "Channels");

  nf_canvas_set_note_text (c, nth_note (c, NF_BLOCK_CHANNELS, 0), text);
}

static void
edit_tags (NfCanvas *c)
{
  const char *tags[] = { "online", "dealers", NULL };

  nf_canvas_set_note_tags (c, nth_note (c, NF_BLOCK_CHANNELS, 0), tags);
}

static void
edit_source (NfCanvas *c)
{
  g_autoptr(NfSource) s = nf_source_new ("s2", "Annual report", "Bitauto", "2015", NULL);

  nf_canvas_insert_source (c, 1, s, NULL);
}

static void
edit_replace_source (NfCanvas *c)
{
  g_autoptr(NfSource) s = nf_source_new ("s1", "Renamed", NULL, NULL, "x.txt");

  nf_canvas_replace_source (c, 0, s, NULL);
}

static void edit_cell (NfCanvas *c) { nf_canvas_set_table_cell (c, first_table (c), 0, 1, "$1.2 billion"); }
static void edit_add_row (NfCanvas *c) { nf_canvas_insert_table_row (c, first_table (c), 0, NULL); }
static void edit_remove_row (NfCanvas *c) { nf_canvas_remove_table_row (c, first_table (c), 0); }
static void edit_remove_column (NfCanvas *c) { nf_canvas_remove_table_column (c, first_table (c), 1); }
static void edit_table_block (NfCanvas *c) { nf_canvas_set_table_block (c, first_table (c), NF_BLOCK_NONE); }
static void edit_remove_table (NfCanvas *c) { nf_canvas_remove_table (c, first_table (c)); }

static void
edit_add_column (NfCanvas *c)
{
  g_autoptr(NfText) name = nf_text_new ("Share");
  nf_canvas_insert_table_column (c, first_table (c), 1, name, NF_COLUMN_PERCENT, NULL);
}

static void
edit_retype_column (NfCanvas *c)
{
  g_autoptr(NfText) name = nf_text_new ("Revenue as text");
  nf_canvas_set_table_column (c, first_table (c), 1, name, NF_COLUMN_TEXT, NULL);
}

/* A cell's own kind: its text stays and is read as the kind says; taking
 * the type away makes it its column's again and drops the unit; each is
 * one step that undo takes back whole; the same kind again is no step. */
static void
test_cell_kind (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  g_autoptr(NfText) title = nf_text_new ("Mix");
  g_autoptr(NfMetricTable) table = nf_metric_table_new ("t1", title);
  g_autoptr(NfText) name = nf_text_new ("Figure");
  const char * const row[] = { "85%", NULL };
  NfHistory *history = nf_canvas_get_history (canvas);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const NfCell *cell;
  NfMetricTable *t;

  nf_canvas_set_company (canvas, "Acme");
  nf_canvas_set_title (canvas, "Plan");
  nf_canvas_insert_table (canvas, 0, table, &error);
  g_assert_no_error (error);
  t = nf_canvas_find_table (canvas, "t1", NULL);
  nf_canvas_insert_table_column (canvas, t, 0, name, NF_COLUMN_TEXT, NULL);
  nf_canvas_insert_table_row (canvas, t, 0, row);
  cell = nf_metric_table_get_cell (t, 0, 0);
  g_assert_false (cell->has_type);
  g_assert_false (cell->has_value);

  nf_canvas_set_table_cell_kind (canvas, t, 0, 0, TRUE, NF_COLUMN_PERCENT, NULL);
  cell = nf_metric_table_get_cell (t, 0, 0);
  g_assert_true (cell->has_type);
  g_assert_cmpint (cell->type, ==, NF_COLUMN_PERCENT);
  g_assert_true (cell->has_value);
  g_assert_cmpfloat_with_epsilon (cell->value, 0.85, 1e-12);
  g_assert_cmpstr (cell->text, ==, "85%");
  g_assert_cmpstr (nf_history_get_undo_label (history), ==, "Change Cell Type");
  bytes = nf_canvas_save_to_bytes (canvas, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "<cell type=\"percent\" value=\"0.85\">85%</cell>"));

  /* The same kind again: no step of its own. */
  nf_canvas_set_table_cell_kind (canvas, t, 0, 0, TRUE, NF_COLUMN_PERCENT, "");
  g_assert_true (nf_history_undo (history));
  cell = nf_metric_table_get_cell (t, 0, 0);
  g_assert_false (cell->has_type);
  g_assert_false (cell->has_value);
  g_assert_true (nf_history_redo (history));
  g_assert_true (nf_metric_table_get_cell (t, 0, 0)->has_type);

  /* A unit with a type; no type takes the unit with it. */
  nf_canvas_set_table_cell_kind (canvas, t, 0, 0, TRUE, NF_COLUMN_NUMBER, "天");
  cell = nf_metric_table_get_cell (t, 0, 0);
  g_assert_cmpint (cell->type, ==, NF_COLUMN_NUMBER);
  g_assert_cmpstr (nf_text_get (cell->unit), ==, "天");
  nf_canvas_set_table_cell_kind (canvas, t, 0, 0, FALSE, NF_COLUMN_NUMBER, "天");
  cell = nf_metric_table_get_cell (t, 0, 0);
  g_assert_false (cell->has_type);
  g_assert_null (cell->unit);
  g_assert_false (cell->has_value);
  g_assert_true (nf_history_undo (history));
  cell = nf_metric_table_get_cell (t, 0, 0);
  g_assert_true (cell->has_type);
  g_assert_cmpstr (nf_text_get (cell->unit), ==, "天");
}

static void
edit_group (NfCanvas *c)
{
  nf_canvas_begin_group (c, "Several");
  edit_add (c);
  edit_move (c);
  edit_cell (c);
  nf_canvas_end_group (c);
}

static void
edit_snapshot_restore (NfCanvas *c)
{
  NfSnapshot *s = g_list_model_get_item (nf_canvas_get_snapshots (c), 0);

  nf_canvas_restore_snapshot (c, s);
  g_object_unref (s);
}

static NfCanvas *
make_canvas (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">\n"
    "<metadata><company>Bitauto</company><title>T</title><label>2015</label></metadata>\n"
    "<sources><source id=\"s1\"><title>Post</title></source></sources>\n"
    "<block kind=\"key-partners\"><note id=\"n1\"><text>Automakers</text></note></block>\n"
    "<block kind=\"key-activities\"/><block kind=\"key-resources\"/>\n"
    "<block kind=\"value-propositions\"/><block kind=\"customer-relationships\"/>\n"
    "<block kind=\"channels\"><note id=\"n2\"><text>Sales force</text><cite source=\"s1\" line=\"3\"/></note>"
    "<note id=\"n3\" colour=\"#f6d32d\"><text>Website</text><tag>web</tag></note></block>\n"
    "<block kind=\"customer-segments\"><note id=\"n4\"><text>Dealers</text></note></block>\n"
    "<block kind=\"cost-structure\"/><block kind=\"revenue-streams\"/>\n"
    "<metrics><table id=\"t1\" block=\"revenue-streams\"><title>Revenue</title>"
    "<column type=\"year\"><name>Year</name></column>"
    "<column type=\"money\" unit=\"USD\"><name>Revenue</name></column>"
    "<row><cell value=\"2015\">2015</cell><cell value=\"9500000\">$9.5 million</cell></row>"
    "<row><cell value=\"2016\">2016</cell><cell>n/a</cell></row></table></metrics>\n"
    "<snapshots><snapshot name=\"Start\" time=\"2026-01-01T00:00:00Z\">"
    "<block kind=\"key-partners\"/><block kind=\"key-activities\"/><block kind=\"key-resources\"/>"
    "<block kind=\"value-propositions\"/><block kind=\"customer-relationships\"/>"
    "<block kind=\"channels\"><note id=\"n2\"><text>Old</text></note></block>"
    "<block kind=\"customer-segments\"/><block kind=\"cost-structure\"/><block kind=\"revenue-streams\"/>"
    "</snapshot></snapshots>\n"
    "</canvas>\n";
  g_autoptr(GError) error = NULL;
  NfCanvas *canvas = nf_canvas_load_from_data (xml, sizeof xml - 1, "history.ninefold", &error);

  g_assert_no_error (error);
  return canvas;
}

static void
count (guint *counter)
{
  (*counter)++;
}

static void
test_undo_redo (gconstpointer data)
{
  EditFunc edit = (EditFunc) data;
  g_autoptr(NfCanvas) canvas = make_canvas ();
  g_autoptr(NfCanvas) before = copy_of (canvas);
  g_autoptr(NfCanvas) after = NULL;
  NfHistory *history = nf_canvas_get_history (canvas);
  guint changed = 0;

  g_signal_connect_swapped (canvas, "changed", G_CALLBACK (count), &changed);
  g_assert_false (nf_canvas_get_modified (canvas));
  g_assert_false (nf_history_can_undo (history));

  edit (canvas);
  g_assert_true (nf_canvas_get_modified (canvas));
  g_assert_true (nf_history_can_undo (history));
  g_assert_nonnull (nf_history_get_undo_label (history));
  g_assert_false (nf_canvas_equal (canvas, before));
  g_assert_cmpuint (changed, ==, 1);
  after = copy_of (canvas);

  for (guint round = 0; round < 3; round++)
    {
      g_assert_true (nf_history_undo (history));
      g_assert_true (nf_canvas_equal (canvas, before));
      g_assert_false (nf_canvas_get_modified (canvas));
      g_assert_false (nf_history_can_undo (history));
      g_assert_true (nf_history_can_redo (history));

      g_assert_true (nf_history_redo (history));
      g_assert_true (nf_canvas_equal (canvas, after));
      g_assert_true (nf_canvas_get_modified (canvas));
    }
}

static void
test_new_edit_forgets_redo (void)
{
  g_autoptr(NfCanvas) canvas = make_canvas ();
  NfHistory *history = nf_canvas_get_history (canvas);

  edit_company (canvas);
  nf_canvas_mark_saved (canvas);
  g_assert_false (nf_canvas_get_modified (canvas));
  g_assert_true (nf_history_undo (history));
  g_assert_true (nf_canvas_get_modified (canvas));
  edit_label (canvas);
  g_assert_false (nf_history_can_redo (history));
  /* The saved state is no longer reachable: modified for good. */
  g_assert_true (nf_canvas_get_modified (canvas));
  g_assert_true (nf_history_undo (history));
  g_assert_true (nf_canvas_get_modified (canvas));
}

static void
test_no_op_edits_record_nothing (void)
{
  g_autoptr(NfCanvas) canvas = make_canvas ();
  NfHistory *history = nf_canvas_get_history (canvas);

  nf_canvas_set_company (canvas, "Bitauto");
  nf_canvas_set_note_colour (canvas, nth_note (canvas, NF_BLOCK_CHANNELS, 1), "#F6D32D");
  nf_canvas_move_note (canvas, nth_note (canvas, NF_BLOCK_CHANNELS, 0), NF_BLOCK_CHANNELS, 0);
  nf_canvas_begin_group (canvas, "Empty");
  nf_canvas_end_group (canvas);
  g_assert_false (nf_history_can_undo (history));
  g_assert_false (nf_canvas_get_modified (canvas));
}

static void
test_many_steps (void)
{
  g_autoptr(NfCanvas) canvas = make_canvas ();
  g_autoptr(NfCanvas) before = copy_of (canvas);
  NfHistory *history = nf_canvas_get_history (canvas);
  guint n = 0;

  /* Unlimited within a session: a thousand steps all undo. */
  for (guint i = 0; i < 1000; i++)
    {
      switch (i % 4)
        {
        case 0: edit_add (canvas); break;
        case 1: edit_reorder (canvas); break;
        case 2: edit_cell (canvas); edit_tags (canvas); break;
        case 3: edit_text (canvas); break;
        }
    }
  while (nf_history_undo (history))
    n++;
  g_assert_cmpuint (n, >=, 1000);
  g_assert_true (nf_canvas_equal (canvas, before));
}

int
main (int argc, char **argv)
{
  static const struct { const char *name; EditFunc edit; } edits[] = {
    { "add", edit_add }, { "remove", edit_remove }, { "move", edit_move },
    { "reorder", edit_reorder }, { "text", edit_text }, { "colour", edit_colour },
    { "tags", edit_tags }, { "evidence", edit_evidence }, { "cite", edit_cite },
    { "company", edit_company }, { "label", edit_label }, { "source", edit_source },
    { "replace-source", edit_replace_source }, { "cell", edit_cell },
    { "add-row", edit_add_row }, { "remove-row", edit_remove_row },
    { "add-column", edit_add_column }, { "remove-column", edit_remove_column },
    { "retype-column", edit_retype_column }, { "table-block", edit_table_block },
    { "remove-table", edit_remove_table }, { "group", edit_group },
    { "restore-snapshot", edit_snapshot_restore },
  };

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *path = g_strdup_printf ("/history/undo-redo/%s", edits[i].name);
      g_test_add_data_func (path, (gconstpointer) edits[i].edit, test_undo_redo);
    }
  g_test_add_func ("/history/new-edit-forgets-redo", test_new_edit_forgets_redo);
  g_test_add_func ("/history/no-op", test_no_op_edits_record_nothing);
  g_test_add_func ("/history/many", test_many_steps);
  g_test_add_func ("/history/cell-kind", test_cell_kind);
  return g_test_run ();
}
