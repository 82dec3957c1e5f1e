/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <ninefold.h>

#include "nf-canvas-xml-private.h"

#ifdef G_OS_UNIX
#include <unistd.h>
#endif

static GBytes *
save (NfCanvas *canvas)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = nf_canvas_save_to_bytes (canvas, &error);

  g_assert_no_error (error);
  return bytes;
}

static NfCanvas *
load (GBytes     *bytes,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  NfCanvas *canvas = nf_canvas_load_from_data (g_bytes_get_data (bytes, NULL),
                                               g_bytes_get_size (bytes), name, &error);

  g_assert_no_error (error);
  return canvas;
}

static void
assert_bytes_equal (GBytes     *expected,
                    GBytes     *actual,
                    const char *what)
{
  if (!g_bytes_equal (expected, actual))
    {
      g_autofree char *a = g_strndup (g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
      g_autofree char *b = g_strndup (g_bytes_get_data (actual, NULL), g_bytes_get_size (actual));

      g_printerr ("%s: expected\n%s\n--- got\n%s\n", what, a, b);
      g_assert_not_reached ();
    }
}

/* Every canonical file in tests/data/good reads and writes back to the
 * same bytes, except the BOM one, which is written without its BOM. */
static void
test_good_files_round_trip (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "good", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(GBytes) in = NULL, out = NULL, again = NULL;
      g_autoptr(NfCanvas) canvas = NULL, reread = NULL;
      gsize len;

      if (!g_str_has_suffix (name, ".ninefold"))
        continue;
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      in = g_bytes_new (data, len);
      canvas = load (in, name);
      out = save (canvas);
      if (g_str_has_prefix (name, "bom"))
        {
          g_autoptr(GBytes) stripped = g_bytes_new (data + 3, len - 3);
          g_assert_true (memcmp (data, "\xef\xbb\xbf", 3) == 0);
          assert_bytes_equal (stripped, out, name);
        }
      else
        assert_bytes_equal (in, out, name);
      reread = load (out, name);
      g_assert_true (nf_canvas_equal (canvas, reread));
      again = save (reread);
      assert_bytes_equal (out, again, name);
      n++;
    }
  g_assert_cmpuint (n, >=, 3);
}

/* The explicit meaning keys of rows and columns are read, kept through
 * the editor's changes and their undo, and written back as they were. */
static void
test_metric_keys (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "metric-keys.ninefold", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GBytes) in = NULL, out = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(NfMetricTable) table = NULL;
  g_autoptr(NfText) name = nf_text_new ("FY 2023");
  NfHistory *history;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  in = g_bytes_new (data, len);
  canvas = load (in, "metric-keys.ninefold");
  history = nf_canvas_get_history (canvas);
  table = g_list_model_get_item (nf_canvas_get_tables (canvas), 0);
  g_assert_cmpstr (nf_metric_table_get_row_metric (table, 0), ==, "gmv");
  g_assert_null (nf_metric_table_get_row_metric (table, 1));
  g_assert_cmpstr (nf_metric_table_get_row_metric (table, 2), ==, "market-size");
  g_assert_null (nf_metric_table_get_column_metric (table, 0));
  g_assert_cmpstr (nf_metric_table_get_column_metric (table, 1), ==, "fy-2023");

  /* Relabelling a row or renaming a column keeps what it measures. */
  nf_canvas_set_table_cell (canvas, table, 0, 0, "GMV");
  nf_canvas_set_table_column (canvas, table, 1, name, NF_COLUMN_MONEY, "CNY");
  g_assert_cmpstr (nf_metric_table_get_row_metric (table, 0), ==, "gmv");
  g_assert_cmpstr (nf_metric_table_get_column_metric (table, 1), ==, "fy-2023");
  /* A row deleted and brought back, or a column put before the label. */
  nf_canvas_remove_table_row (canvas, table, 2);
  g_assert_true (nf_history_undo (history));
  g_assert_cmpstr (nf_metric_table_get_row_metric (table, 2), ==, "market-size");
  nf_canvas_insert_table_column (canvas, table, 0, name, NF_COLUMN_TEXT, NULL);
  g_assert_cmpstr (nf_metric_table_get_row_metric (table, 0), ==, "gmv");
  g_assert_null (nf_metric_table_get_column_metric (table, 0));
  g_assert_cmpstr (nf_metric_table_get_column_metric (table, 2), ==, "fy-2023");

  while (nf_history_undo (history))
    ;
  out = save (canvas);
  assert_bytes_equal (in, out, "metric-keys.ninefold after undo");

  g_assert_true (nf_metric_key_is_valid ("revenue"));
  g_assert_true (nf_metric_key_is_valid ("fy-2023"));
  g_assert_false (nf_metric_key_is_valid (""));
  g_assert_false (nf_metric_key_is_valid ("Revenue"));
  g_assert_false (nf_metric_key_is_valid ("market size"));
  g_assert_false (nf_metric_key_is_valid ("收入"));
}

/* A canvas that differs only in a key is not the same canvas. */
static void
test_metric_keys_compared (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "metric-keys.ninefold", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GString) other = NULL;
  g_autoptr(GBytes) a = NULL, b = NULL, c = NULL;
  g_autoptr(NfCanvas) ca = NULL, cb = NULL, cc = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  a = g_bytes_new (data, len);
  other = g_string_new (data);
  g_string_replace (other, "<row metric=\"gmv\">", "<row metric=\"sales\">", 1);
  b = g_bytes_new (other->str, other->len);
  g_string_replace (other, " metric=\"fy-2023\"", "", 1);
  c = g_bytes_new (other->str, other->len);
  ca = load (a, "a");
  cb = load (b, "b");
  cc = load (c, "c");
  g_assert_false (nf_canvas_equal (ca, cb));
  g_assert_false (nf_canvas_equal (cb, cc));
}

static const char minimal_head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"%s\" xml:lang=\"en\">\n"
  "  <metadata>\n    <company>C</company>\n    <title>T</title>\n%s  </metadata>\n"
  "  <block kind=\"key-partners\">\n"
  "    <note id=\"n1\">\n      <text>x</text>\n%s    </note>\n"
  "  </block>\n"
  "  <block kind=\"key-activities\"/>\n  <block kind=\"key-resources\"/>\n"
  "  <block kind=\"value-propositions\"/>\n  <block kind=\"customer-relationships\"/>\n"
  "  <block kind=\"channels\"/>\n  <block kind=\"customer-segments\"/>\n"
  "  <block kind=\"cost-structure\"/>\n  <block kind=\"revenue-streams\"/>\n"
  "%s</canvas>\n";

static void
test_newer_minor_keeps_unknown_elements (void)
{
  g_autofree char *xml = g_strdup_printf (minimal_head, "1.4",
                                          "    <x-meta kind=\"a\">kept</x-meta>\n",
                                          "      <x-foo a=\"1\"><x-bar/>text</x-foo>\n",
                                          "  <x-end/>\n");
  g_autoptr(GBytes) in = g_bytes_new (xml, strlen (xml));
  g_autoptr(NfCanvas) canvas = load (in, "minor.ninefold");
  g_autoptr(GBytes) out = save (canvas);
  g_autofree char *text = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));

  g_assert_cmpstr (nf_canvas_get_version (canvas), ==, "1.4");
  g_assert_nonnull (strstr (text, "version=\"1.4\""));
  g_assert_nonnull (strstr (text, "<x-meta kind=\"a\">kept</x-meta>"));
  g_assert_nonnull (strstr (text, "<x-foo a=\"1\"><x-bar/>text</x-foo>"));
  g_assert_nonnull (strstr (text, "<x-end/>"));
  assert_bytes_equal (in, out, "minor");

  /* An edit elsewhere keeps them too. */
  nf_canvas_set_company (canvas, "Changed");
  {
    g_autoptr(GBytes) edited = save (canvas);
    g_autofree char *t2 = g_strndup (g_bytes_get_data (edited, NULL), g_bytes_get_size (edited));
    g_assert_nonnull (strstr (t2, "<x-foo a=\"1\"><x-bar/>text</x-foo>"));
  }
}

static void
test_same_version_refuses_unknown_elements (void)
{
  g_autofree char *xml = g_strdup_printf (minimal_head, "1.0", "",
                                          "      <x-foo/>\n", "");
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_from_data (xml, strlen (xml), "typo.ninefold", &error);

  g_assert_null (canvas);
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "typo.ninefold"));
  g_assert_nonnull (strstr (error->message, "line 10"));
  g_assert_nonnull (strstr (error->message, "x-foo"));
}

/* Strings with every kind of trouble go in; what comes out always reads
 * back, and equals the cleaned model. */
static char *
random_string (GRand *rand)
{
  static const char *pieces[] = {
    "a", "Z", " ", "\n", "\t", "\r", "&", "<", ">", "\"", "'", "]]>", "\x01", "\x0b",
    "\x7f", "\xff", "\xc0\xaf", "\xed\xa0\x80", "\xef\xbf\xbe", "数跑", "科技", "e\xcc\x81",
    "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", "\xe2\x80\xae", "\xf0\x9f\x9a\x97", "2,235.1万", "$9.5 million",
  };
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 0, 20);

  for (guint i = 0; i < n; i++)
    g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return g_string_free (s, FALSE);
}

static NfCanvas *
random_canvas (GRand *rand)
{
  NfCanvas *canvas = nf_canvas_new ();
  g_autofree char *company = random_string (rand);
  g_autofree char *title = random_string (rand);

  nf_canvas_set_company (canvas, company);
  nf_canvas_set_title (canvas, title);
  if (g_rand_boolean (rand))
    {
      g_autofree char *label = random_string (rand);
      nf_canvas_set_label (canvas, label);
    }
  for (guint i = g_rand_int_range (rand, 0, 12); i > 0; i--)
    {
      g_autofree char *id = nf_canvas_new_note_id (canvas);
      g_autofree char *s = random_string (rand);
      g_autofree char *tr = random_string (rand);
      g_autofree char *tag = random_string (rand);
      g_autoptr(NfText) base = nf_text_new (s);
      g_autoptr(NfText) text = nf_text_with_translation (base, g_rand_boolean (rand) ? "en" : "zh-CN", tr);
      g_autoptr(NfNote) note = nf_note_new (id, text);
      const char *tags[] = { tag, "x", NULL };

      nf_canvas_insert_note (canvas, g_rand_int_range (rand, 0, NF_N_BLOCKS), 0, note, NULL);
      nf_canvas_set_note_tags (canvas, note, tags);
      if (g_rand_boolean (rand))
        {
          /* The 1.0 levels: "reported" makes the file 1.1, so the read-back
           * canvas differs in version by design (see /xml/reported-level). */
          static const NfEvidence levels[] = { NF_EVIDENCE_NONE, NF_EVIDENCE_ASSUMPTION,
                                               NF_EVIDENCE_TESTED, NF_EVIDENCE_VALIDATED };

          nf_canvas_set_note_evidence (canvas, note, levels[g_rand_int_range (rand, 0, 4)]);
        }
    }
  if (g_rand_boolean (rand))
    {
      g_autoptr(NfText) title_t = nf_text_new ("t");
      g_autoptr(NfMetricTable) table = nf_metric_table_new ("t1", title_t);

      nf_canvas_insert_table (canvas, 0, table, NULL);
      for (guint c = 0; c < 3; c++)
        {
          g_autofree char *name = random_string (rand);
          g_autoptr(NfText) name_t = nf_text_new (name);
          nf_canvas_insert_table_column (canvas, table, c, name_t, g_rand_int_range (rand, 0, 6), NULL);
        }
      for (guint r = g_rand_int_range (rand, 0, 5); r > 0; r--)
        {
          g_autofree char *a = random_string (rand);
          g_autofree char *b = g_strdup_printf ("%g", g_rand_double_range (rand, -1e12, 1e12));
          g_autofree char *c = g_strdup_printf ("%d%%", g_rand_int_range (rand, -100, 100));
          const char *cells[] = { a, b, c, NULL };
          nf_canvas_insert_table_row (canvas, table, 0, cells);
        }
    }
  return canvas;
}

static void
test_random_round_trips (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  guint runs = g_test_slow () ? 10000 : 1000;

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(NfCanvas) canvas = random_canvas (rand);
      g_autoptr(GBytes) bytes = save (canvas);
      g_autoptr(NfCanvas) reread = load (bytes, "random");

      g_assert_true (nf_canvas_equal (canvas, reread));
    }
}


/* The canonical bytes come from our own emitter; libxml2's xmlTextWriter,
 * driven by the same code, is the reference: every good file, random
 * canvases with every awkward character in text and in attribute values
 * (a snapshot's name), byte for byte, and the count the loader uses to
 * decide whether a file could be saved again is their exact size. */
static void
assert_emitter_matches (NfCanvas   *canvas,
                        const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ours = _nf_canvas_serialize (canvas, &error);
  g_autoptr(GBytes) reference = _nf_canvas_serialize_with_libxml (canvas);

  g_assert_no_error (error);
  g_assert_nonnull (reference);
  assert_bytes_equal (reference, ours, what);
  g_assert_cmpuint (_nf_canvas_canonical_size (canvas), ==, g_bytes_get_size (reference));
}

static void
test_emitter_matches_libxml (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "good", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(GBytes) in = NULL;
      g_autoptr(NfCanvas) canvas = NULL;
      gsize len;

      if (!g_str_has_suffix (name, ".ninefold"))
        continue;
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      in = g_bytes_new (data, len);
      canvas = load (in, name);
      assert_emitter_matches (canvas, name);
      n++;
    }
  g_assert_cmpuint (n, >=, 3);
  for (guint i = 0; i < 500; i++)
    {
      g_autoptr(NfCanvas) canvas = random_canvas (rand);

      if (g_rand_boolean (rand))
        {
          g_autofree char *snapshot = random_string (rand);
          g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 12, 6, 3, 0, 0);
          g_autofree char *clean = nf_text_clean (snapshot, -1);

          nf_canvas_take_snapshot (canvas, *clean ? clean : "s", time);
        }
      assert_emitter_matches (canvas, "random");
    }
}


/* The loader checks note ids against the canvas's own table for the
 * blocks already read and its own set for the block being read; a
 * snapshot's notes are a set of their own and may share the canvas's. */
static void
test_note_ids_per_block_and_snapshot (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 12, 6, 3, 0, 0);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NfCanvas) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *same_block = g_strdup_printf (minimal_head, "1.0", "",
                                                 "    </note>\n    <note id=\"n1\">\n"
                                                 "      <text>y</text>\n", "");
  g_autoptr(NfCanvas) refused = NULL;

  nf_canvas_set_company (canvas, "C");
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", b);
      g_autoptr(NfText) text = nf_text_new (id);
      g_autoptr(NfNote) note = nf_note_new (id, text);

      nf_canvas_insert_note (canvas, b, 0, note, NULL);
    }
  nf_canvas_take_snapshot (canvas, "before", time);
  bytes = save (canvas);
  reread = load (bytes, "snapshot");
  g_assert_true (nf_canvas_equal (canvas, reread));
  g_assert_cmpuint (nf_canvas_get_n_notes (reread), ==, NF_N_BLOCKS);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", b);
      NfBlock found;

      g_assert_nonnull (nf_canvas_find_note (reread, id, &found, NULL));
      g_assert_cmpint (found, ==, b);
    }

  refused = nf_canvas_load_from_data (same_block, strlen (same_block), "same.ninefold", &error);
  g_assert_null (refused);
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "line 11"));
}

/* --- Files --- */

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ninefold-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static NfCanvas *
small_canvas (const char *company)
{
  NfCanvas *canvas = nf_canvas_new ();
  g_autoptr(NfText) text = nf_text_new ("note");
  g_autoptr(NfNote) note = nf_note_new ("n1", text);

  nf_canvas_set_company (canvas, company);
  nf_canvas_insert_note (canvas, NF_BLOCK_CHANNELS, 0, note, NULL);
  return canvas;
}

/* "reported" is written, read back and listed; a file using it says
 * format 1.1, one without stays 1.0 (issue 16). */
static void
test_reported_level (void)
{
  g_autoptr(NfCanvas) canvas = small_canvas ("Reported Co");
  g_autoptr(NfNote) note = g_list_model_get_item (nf_canvas_get_notes (canvas, NF_BLOCK_CHANNELS), 0);
  gboolean listed = FALSE;

  {
    g_autoptr(GBytes) plain = save (canvas);
    g_autofree char *text = g_strndup (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));

    g_assert_nonnull (strstr (text, "version=\"1.0\""));
  }
  nf_canvas_set_note_evidence (canvas, note, NF_EVIDENCE_REPORTED);
  {
    g_autoptr(GBytes) bytes = save (canvas);
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_autoptr(NfCanvas) back = load (bytes, "reported.ninefold");
    g_autoptr(NfNote) read = g_list_model_get_item (nf_canvas_get_notes (back, NF_BLOCK_CHANNELS), 0);
    g_autoptr(GBytes) again = save (back);

    g_assert_nonnull (strstr (text, "version=\"1.1\""));
    g_assert_nonnull (strstr (text, "evidence=\"reported\""));
    g_assert_cmpint (nf_note_get_evidence (read), ==, NF_EVIDENCE_REPORTED);
    assert_bytes_equal (bytes, again, "reported");
  }
  /* A 1.0 file with the level still loads. */
  {
    static const char xml[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">\n"
      "  <metadata><company>C</company><title>T</title></metadata>\n"
      "  <block kind=\"key-partners\"><note id=\"n1\" evidence=\"reported\">"
      "<text>x</text></note></block><block kind=\"key-activities\"/>"
      "<block kind=\"key-resources\"/><block kind=\"value-propositions\"/>"
      "<block kind=\"customer-relationships\"/><block kind=\"channels\"/>"
      "<block kind=\"customer-segments\"/><block kind=\"cost-structure\"/>"
      "<block kind=\"revenue-streams\"/>\n"
      "</canvas>\n";
    g_autoptr(GBytes) in = g_bytes_new_static (xml, strlen (xml));
    g_autoptr(NfCanvas) old = load (in, "old.ninefold");
    g_autoptr(NfNote) n1 = g_list_model_get_item (nf_canvas_get_notes (old, NF_BLOCK_KEY_PARTNERS), 0);

    g_assert_cmpint (nf_note_get_evidence (n1), ==, NF_EVIDENCE_REPORTED);
  }
  /* Lists take their levels from the model, in order of strength. */
  g_assert_cmpstr (nf_evidence_to_xml (NF_EVIDENCE_REPORTED), ==, "reported");
  for (NfEvidence e = NF_EVIDENCE_NONE; e < NF_EVIDENCE_N_LEVELS; e++)
    listed |= g_str_equal (nf_evidence_title (e), "Reported");
  g_assert_true (listed);
  g_assert_cmpint (NF_EVIDENCE_ASSUMPTION, <, NF_EVIDENCE_REPORTED);
  g_assert_cmpint (NF_EVIDENCE_REPORTED, <, NF_EVIDENCE_TESTED);
}


static NfCanvas *
load_good (const char *file)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", file, NULL);
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  bytes = g_bytes_new (data, len);
  return load (bytes, file);
}

static char *
save_text (NfCanvas *canvas)
{
  g_autoptr(GBytes) bytes = save (canvas);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Conflict marks, ranges of lines and rows' own citations (format 1.2):
 * read, edited with undo, kept pointing at what is there, and a file
 * that uses none of them keeps its version (issue 16). */
static void
test_marks (void)
{
  g_autoptr(NfCanvas) canvas = load_good ("marks.ninefold");
  NfNote *n1 = nf_canvas_find_note (canvas, "n1", NULL, NULL);
  NfNote *n2 = nf_canvas_find_note (canvas, "n2", NULL, NULL);
  NfNote *n3 = nf_canvas_find_note (canvas, "n3", NULL, NULL);
  NfMetricTable *t1 = nf_canvas_find_table (canvas, "t1", NULL);
  NfHistory *history = nf_canvas_get_history (canvas);
  const NfRowCite *rc;
  g_autoptr(GError) error = NULL;
  const char *bad[] = { "n404", NULL };
  const char *self_ref[] = { "n2", NULL };
  const char *both[] = { "n1", "#t1/1", NULL };

  g_assert_cmpuint (nf_note_get_cite_line (n1), ==, 73);
  g_assert_cmpuint (nf_note_get_cite_line_end (n1), ==, 74);
  g_assert_cmpuint (nf_note_get_cite_line_end (n2), ==, 81);
  g_assert_cmpuint (g_strv_length ((char **) nf_note_get_conflicts (n1)), ==, 2);
  g_assert_true (nf_note_conflicts_with (n1, "n2"));
  g_assert_true (nf_note_conflicts_with (n1, "#t1/2"));
  g_assert_true (nf_note_conflicts_with (n3, "#t1"));
  rc = nf_metric_table_get_row_cite (t1, 1);
  g_assert_nonnull (rc);
  g_assert_cmpstr (rc->source, ==, "s1");
  g_assert_cmpuint (rc->line, ==, 35);
  g_assert_cmpuint (rc->line_end, ==, 37);

  /* Hostile edits are refused with a message, and change nothing. */
  g_assert_false (nf_canvas_set_note_conflicts (canvas, n2, bad, &error));
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "n404"));
  g_clear_error (&error);
  g_assert_false (nf_canvas_set_note_conflicts (canvas, n2, self_ref, &error));
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (nf_note_get_conflicts (n2)[0]);

  /* Marking and unmarking are single undoable steps. */
  g_assert_true (nf_canvas_set_note_conflicts (canvas, n2, both, &error));
  g_assert_no_error (error);
  g_assert_true (nf_note_conflicts_with (n2, "#t1/1"));
  nf_history_undo (history);
  g_assert_null (nf_note_get_conflicts (n2)[0]);
  nf_history_redo (history);
  g_assert_true (nf_note_conflicts_with (n2, "n1"));
  nf_canvas_remove_note_conflict (canvas, n2, "n1");
  g_assert_false (nf_note_conflicts_with (n2, "n1"));
  g_assert_true (nf_note_conflicts_with (n2, "#t1/1"));

  /* A row inserted before a marked row moves the mark with the row;
   * deleting the row drops the mark; one undo each brings it all back. */
  nf_canvas_insert_table_row (canvas, t1, 0, NULL);
  g_assert_true (nf_note_conflicts_with (n1, "#t1/3"));
  g_assert_true (nf_note_conflicts_with (n2, "#t1/2"));
  g_assert_true (nf_note_conflicts_with (n3, "#t1"));
  nf_history_undo (history);
  g_assert_true (nf_note_conflicts_with (n1, "#t1/2"));
  nf_canvas_remove_table_row (canvas, t1, 1);
  g_assert_false (nf_note_conflicts_with (n1, "#t1/2"));
  g_assert_true (nf_note_conflicts_with (n1, "n2"));
  g_assert_true (nf_note_conflicts_with (n2, "#t1/1"));
  {
    g_autofree char *text = save_text (canvas);  /* must read back */
    g_assert_nonnull (strstr (text, "<contradicts table=\"t1\" row=\"1\"/>"));
  }
  nf_history_undo (history);
  g_assert_true (nf_note_conflicts_with (n1, "#t1/2"));
  g_assert_true (nf_note_conflicts_with (n2, "#t1/1"));

  /* Deleting a note drops the marks naming it, and undo restores both. */
  nf_canvas_remove_note (canvas, n2);
  g_assert_false (nf_note_conflicts_with (n1, "n2"));
  g_free (save_text (canvas));
  nf_history_undo (history);
  g_assert_true (nf_note_conflicts_with (n1, "n2"));

  /* Ranges and row citations are undoable edits too. */
  nf_canvas_set_note_cite_range (canvas, n2, "s1", 80, 82);
  g_assert_cmpuint (nf_note_get_cite_line_end (n2), ==, 82);
  nf_history_undo (history);
  g_assert_cmpuint (nf_note_get_cite_line (n2), ==, 81);
  g_assert_cmpuint (nf_note_get_cite_line_end (n2), ==, 81);
  nf_canvas_set_table_row_cite (canvas, t1, 0, NULL, 0, 0);
  g_assert_null (nf_metric_table_get_row_cite (t1, 0));
  nf_history_undo (history);
  g_assert_cmpuint (nf_metric_table_get_row_cite (t1, 0)->line, ==, 32);
  nf_canvas_set_table_cell (canvas, t1, 0, 0, "Web");
  g_assert_cmpuint (nf_metric_table_get_row_cite (t1, 0)->line, ==, 32);
}

/* The version says 1.2 only while something of 1.2 is used: a 1.0 file
 * saved untouched stays 1.0, and a mark added makes it 1.2. */
static void
test_marks_version (void)
{
  g_autoptr(NfCanvas) canvas = small_canvas ("Versions Co");
  g_autoptr(NfNote) n1 = g_list_model_get_item (nf_canvas_get_notes (canvas, NF_BLOCK_CHANNELS), 0);
  g_autoptr(NfText) text = nf_text_new ("other");
  g_autoptr(NfNote) n2 = nf_note_new ("n2", text);
  g_autoptr(NfSource) source = nf_source_new ("s1", "Write-up", NULL, NULL, NULL);
  const char *refs[] = { "n2", NULL };
  g_autofree char *plain = NULL, *marked = NULL, *ranged = NULL;

  g_assert_true (nf_canvas_insert_note (canvas, NF_BLOCK_CHANNELS, 1, n2, NULL));
  g_assert_true (nf_canvas_insert_source (canvas, 0, source, NULL));
  nf_canvas_set_note_cite (canvas, n1, "s1", 12);
  plain = save_text (canvas);
  g_assert_nonnull (strstr (plain, "version=\"1.0\""));
  g_assert_nonnull (strstr (plain, "line=\"12\""));
  g_assert_true (nf_canvas_set_note_conflicts (canvas, n1, refs, NULL));
  marked = save_text (canvas);
  g_assert_nonnull (strstr (marked, "version=\"1.2\""));
  g_assert_nonnull (strstr (marked, "<contradicts note=\"n2\"/>"));
  nf_history_undo (nf_canvas_get_history (canvas));
  nf_canvas_set_note_cite_range (canvas, n1, "s1", 12, 14);
  ranged = save_text (canvas);
  g_assert_nonnull (strstr (ranged, "version=\"1.2\""));
  g_assert_nonnull (strstr (ranged, "line=\"12-14\""));
}

static char *
read_all (const char *path)
{
  char *data = NULL;

  if (!g_file_get_contents (path, &data, NULL, NULL))
    return NULL;
  return data;
}

static void
test_save_keeps_backup_and_checks_etag (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "a.ninefold", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NfCanvas) first = small_canvas ("First");
  g_autoptr(NfCanvas) second = small_canvas ("Second");
  g_autoptr(NfCanvas) loaded = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *etag2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (nf_canvas_save_to_file (first, file, NULL, &etag, NULL, &error));
  g_assert_no_error (error);
  loaded = nf_canvas_load_from_file_with_etag (file, &etag2, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (nf_canvas_equal (first, loaded));
  g_assert_cmpstr (etag, ==, etag2);

  g_assert_true (nf_canvas_save_to_file (second, file, etag, NULL, NULL, &error));
  g_assert_no_error (error);
  contents = read_all (backup);
  g_assert_nonnull (strstr (contents, "<company>First</company>"));

  /* Someone else changed the file: an old etag must not overwrite it. */
  g_assert_true (g_file_set_contents (path, "changed behind our back", -1, NULL));
  g_assert_false (nf_canvas_save_to_file (first, file, etag, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_pointer (&contents, g_free);
  contents = read_all (path);
  g_assert_cmpstr (contents, ==, "changed behind our back");
}

#ifdef G_OS_UNIX
static void
test_save_through_symlink (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *target = g_build_filename (dir, "real.ninefold", NULL);
  g_autofree char *link = g_build_filename (dir, "link.ninefold", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(NfCanvas) canvas = small_canvas ("Linked");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.ninefold", link), ==, 0);
  g_assert_true (nf_canvas_save_to_file (canvas, link_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* The link is still a link, and the file it names has the new canvas. */
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  contents = read_all (target);
  g_assert_nonnull (strstr (contents, "<company>Linked</company>"));
}

static void
test_save_refuses_hard_link_and_loops (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "a.ninefold", NULL);
  g_autofree char *other = g_build_filename (dir, "b.ninefold", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop.ninefold", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) loop_file = g_file_new_for_path (loop);
  g_autoptr(NfCanvas) canvas = small_canvas ("X");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "original", -1, NULL));
  g_assert_cmpint (link (path, other), ==, 0);
  g_assert_false (nf_canvas_save_to_file (canvas, file, NULL, NULL, NULL, &error));
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "a.ninefold"));
  g_assert_nonnull (strstr (error->message, "hard link"));
  contents = read_all (path);
  g_assert_cmpstr (contents, ==, "original");
  g_clear_error (&error);

  g_assert_cmpint (symlink ("loop.ninefold", loop), ==, 0);
  g_assert_false (nf_canvas_save_to_file (canvas, loop_file, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
}

static void
test_save_into_read_only_folder (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "a.ninefold", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NfCanvas) canvas = small_canvas ("X");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores folder permissions");
      return;
    }
  g_assert_true (g_file_set_contents (path, "original", -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_false (nf_canvas_save_to_file (canvas, file, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "a.ninefold"));
  g_chmod (dir, 0755);
  contents = read_all (path);
  g_assert_cmpstr (contents, ==, "original");
}

#endif

/* Company, title, description and cells carry xml:lang variants; every
 * reader of the model gets them through one accessor each. */
static void
test_translations (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "translations.ninefold", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GBytes) in = NULL;
  g_autoptr(NfCanvas) canvas = NULL, plain = NULL;
  g_autoptr(NfMetricTable) table = NULL;
  g_autoptr(GString) edited = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  in = g_bytes_new (data, len);
  canvas = load (in, "translations.ninefold");
  g_assert_cmpstr (nf_canvas_get_company_for_language (canvas, "en"), ==, "Shupao Technology");
  g_assert_cmpstr (nf_canvas_get_company_for_language (canvas, NULL), ==, "数跑科技");
  g_assert_cmpstr (nf_canvas_get_company_for_language (canvas, "fr"), ==, "数跑科技");
  g_assert_cmpstr (nf_canvas_get_title_for_language (canvas, "en_GB.UTF-8"), ==,
                   "Business model of Shupao Technology");
  g_assert_cmpstr (nf_canvas_get_title_for_language (canvas, "ja"), ==, "数跑科技のビジネスモデル");
  g_assert_nonnull (strstr (nf_canvas_get_description_for_language (canvas, "en"), "\"quotes\""));
  table = g_list_model_get_item (nf_canvas_get_tables (canvas), 0);
  g_assert_cmpstr (nf_cell_get_text_for_language (nf_metric_table_get_cell (table, 0, 1), "en"), ==,
                   "22.351 million yuan");
  g_assert_cmpstr (nf_cell_get_text_for_language (nf_metric_table_get_cell (table, 0, 1), NULL), ==,
                   "2,235.1万元");
  g_assert_true (nf_metric_table_get_cell (table, 0, 1)->has_value);
  g_assert_cmpstr (nf_cell_get_text_for_language (nf_metric_table_get_cell (table, 1, 1), "en-GB"), ==,
                   "undisclosed");
  g_assert_cmpstr (nf_cell_get_text_for_language (nf_metric_table_get_cell (table, 1, 1), "en-US"), ==,
                   "not disclosed");

  /* A translation is part of what the canvas is. */
  edited = g_string_new (data);
  g_string_replace (edited, "22.351 million yuan", "22 million yuan", 1);
  g_string_replace (edited, "Shupao Technology</company>", "Shupao</company>", 1);
  {
    g_autoptr(GBytes) b = g_bytes_new (edited->str, edited->len);
    plain = load (b, "edited.ninefold");
  }
  g_assert_false (nf_canvas_equal (canvas, plain));

  /* Editing a cell's words keeps its translations (as a note's do). */
  nf_canvas_set_table_cell (canvas, table, 0, 1, "2,235.1 万元");
  g_assert_cmpstr (nf_cell_get_text_for_language (nf_metric_table_get_cell (table, 0, 1), "en"), ==,
                   "22.351 million yuan");
}

static void
assert_refused (const char *data,
                const char *find,
                const char *replace,
                const char *words)
{
  g_autoptr(GString) bad = g_string_new (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = NULL;

  g_assert_cmpuint (g_string_replace (bad, find, replace, 1), ==, 1);
  canvas = nf_canvas_load_from_data (bad->str, bad->len, "bad.ninefold", &error);
  g_assert_null (canvas);
  g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_INVALID);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

static void
test_translations_refused (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "translations.ninefold", NULL);
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  assert_refused (data, "<cell xml:lang=\"en\">2018</cell>",
                  "<cell xml:lang=\"en\" value=\"2018\">2018</cell>", "no value");
  assert_refused (data, "<cell value=\"2018\">2018年</cell>",
                  "<cell xml:lang=\"zh\">2018年</cell>", "first <cell>");
  assert_refused (data, "<cell xml:lang=\"en-GB\">", "<cell xml:lang=\"en\">", "two <cell>");
  assert_refused (data, "<company xml:lang=\"en\">", "<company>", "xml:lang");
  assert_refused (data, "<title xml:lang=\"ja\">", "<title xml:lang=\"en\">", "two <title>");
  assert_refused (data, "<cell xml:lang=\"en-GB\">", "<cell xml:lang=\"1x\">", "language tag");
}

/* A snapshot of year 821 loads, so it must save as it loaded: four digits
 * of year ("0821"), which the loader reads back (found by fuzz-merge). */
static void
test_snapshot_early_year (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "full.ninefold", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *early = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(NfCanvas) again = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "time=\"2026-11-20T09:30:00Z\""));
  {
    char *at = strstr (xml, "time=\"2026-11-20");

    memcpy (at + strlen ("time=\""), "0821", 4);
  }
  canvas = nf_canvas_load_from_data (xml, strlen (xml), "early.ninefold", &error);
  g_assert_no_error (error);
  bytes = nf_canvas_save_to_bytes (canvas, &error);
  g_assert_no_error (error);
  early = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (early, "time=\"0821-11-20T09:30:00Z\""));
  again = nf_canvas_load_from_data (early, strlen (early), "saved", &error);
  g_assert_no_error (error);
  g_assert_true (nf_canvas_equal (canvas, again));
}

/* A cell's own type and unit (format 1.3) stay with it when its text is
 * edited, and read the new text; a file without them keeps its version. */
static void
test_cell_kind_edit (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "cell-kinds.ninefold", NULL);
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GBytes) in = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(NfMetricTable) table = NULL;
  const NfCell *cell;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  in = g_bytes_new (data, length);
  canvas = load (in, "cell-kinds.ninefold");
  table = g_list_model_get_item (nf_canvas_get_tables (canvas), 0);
  nf_canvas_set_table_cell (canvas, table, 2, 1, "90天");
  cell = nf_metric_table_get_cell (table, 2, 1);
  g_assert_true (cell->has_type);
  g_assert_cmpint (cell->type, ==, NF_COLUMN_NUMBER);
  g_assert_cmpstr (nf_cell_get_unit_for_language (cell, "en"), ==, "days");
  g_assert_cmpstr (nf_cell_get_unit_for_language (cell, NULL), ==, "天");
  g_assert_true (cell->has_value);
  g_assert_cmpfloat (cell->value, ==, 90);
  nf_canvas_set_table_cell (canvas, table, 1, 1, "75%");
  g_assert_cmpfloat_with_epsilon (nf_metric_table_get_cell (table, 1, 1)->value, 0.75, 1e-12);

  /* Without a typed cell, the version the file had. */
  {
    /* The cells' own types and units, not the columns' types. */
    g_autoptr(GRegex) typed = g_regex_new ("(<cell( xml:lang=\"en\")?) (type|unit)=\"[^\"]*\"( unit=\"[^\"]*\")?",
                                           0, 0, NULL);
    g_autofree char *plain = g_regex_replace (typed, data, -1, 0, "\\1", 0, NULL);
    g_autoptr(GBytes) plain_in = NULL;
    g_autoptr(NfCanvas) plain_canvas = NULL;
    g_autoptr(GBytes) out = NULL;
    char *p;

    p = strstr (plain, "version=\"1.3\"");
    g_assert_nonnull (p);
    p[11] = '2';
    plain_in = g_bytes_new (plain, strlen (plain));
    plain_canvas = load (plain_in, "plain.ninefold");
    out = save (plain_canvas);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (out, NULL), g_bytes_get_size (out), "version=\"1.2\""));
    g_assert_null (g_strstr_len (g_bytes_get_data (out, NULL), g_bytes_get_size (out), " unit="));
  }
}

/* A save reads its bytes back through the loader but compares the
 * blocks' notes with the model as they are read, without a second set of
 * notes (issue 18). Bytes that give other notes than the model's, at any
 * place, in any field, one more or one fewer, must be caught. */
static NfCanvas *
compare_canvas (void)
{
  NfCanvas *canvas = nf_canvas_new ();

  nf_canvas_set_company (canvas, "Compare Co");
  for (guint b = 0; b < NF_N_BLOCKS; b += 4)
    for (guint i = 0; i < 3; i++)
      {
        g_autofree char *id = g_strdup_printf ("n%u_%u", b, i);
        g_autofree char *words = g_strdup_printf ("note %u of block %u", i, b);
        g_autoptr(NfText) text = nf_text_new (words);
        g_autoptr(NfNote) note = nf_note_new (id, text);

        g_assert_true (nf_canvas_insert_note (canvas, b, i, note, NULL));
      }
  return canvas;
}

static NfNote *
note_at (NfCanvas *canvas,
         NfBlock   block,
         guint     index)
{
  g_autoptr(NfNote) note = g_list_model_get_item (nf_canvas_get_notes (canvas, block), index);

  g_assert_nonnull (note);
  return note;  /* the canvas keeps it */
}

static gboolean
reads_back_as (GBytes   *bytes,
               NfCanvas *model)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) reread = NULL;
  gboolean differs = TRUE;

  reread = _nf_canvas_load_from_data_full (g_bytes_get_data (bytes, NULL),
                                           g_bytes_get_size (bytes), "test", model,
                                           &differs, &error);
  if (reread == NULL)
    {
      /* Only a difference may stop it: the bytes are a good canvas. */
      g_assert_true (differs);
      return FALSE;
    }
  g_assert_no_error (error);
  g_assert_false (differs);
  /* The notes were compared, not kept. */
  g_assert_cmpuint (nf_canvas_get_n_notes (reread), ==, 0);
  return TRUE;
}

static void
test_read_back_compares_notes (void)
{
  g_autoptr(NfCanvas) canvas = compare_canvas ();
  g_autoptr(GBytes) bytes = save (canvas);
  static const NfBlock blocks[] = { 0, 4, 8 };

  g_assert_true (reads_back_as (bytes, canvas));
  for (guint k = 0; k < G_N_ELEMENTS (blocks); k++)
    for (guint i = 0; i < 3; i++)
      {
        const char * const tags[] = { "extra", NULL };
        g_autoptr(NfText) other = nf_text_new ("changed");

        /* Each field of a note at the start, middle and end of a block. */
        for (guint field = 0; field < 4; field++)
          {
            g_autoptr(NfCanvas) model = compare_canvas ();
            NfNote *note = note_at (model, blocks[k], i);

            if (field == 0)
              nf_canvas_set_note_text (model, note, other);
            else if (field == 1)
              nf_canvas_set_note_colour (model, note, "#123456");
            else if (field == 2)
              nf_canvas_set_note_tags (model, note, tags);
            else
              nf_canvas_set_note_evidence (model, note, NF_EVIDENCE_TESTED);
            g_assert_false (reads_back_as (bytes, model));
          }
        {
          g_autoptr(NfCanvas) model = compare_canvas ();

          nf_canvas_remove_note (model, note_at (model, blocks[k], i));
          g_assert_false (reads_back_as (bytes, model));
        }
        {
          g_autoptr(NfCanvas) model = compare_canvas ();
          g_autoptr(NfText) text = nf_text_new ("one more");
          g_autoptr(NfNote) more = nf_note_new ("more", text);

          g_assert_true (nf_canvas_insert_note (model, blocks[k], i, more, NULL));
          g_assert_false (reads_back_as (bytes, model));
        }
      }
  {
    /* The same notes in another order, and one moved to another block. */
    g_autoptr(NfCanvas) swapped = compare_canvas ();
    g_autoptr(NfCanvas) moved = compare_canvas ();

    nf_canvas_move_note (swapped, note_at (swapped, 4, 0), 4, 2);
    g_assert_false (reads_back_as (bytes, swapped));
    nf_canvas_move_note (moved, note_at (moved, 8, 2), 0, 3);
    g_assert_false (reads_back_as (bytes, moved));
  }
  {
    /* A model with a note more in a block the bytes leave empty. */
    g_autoptr(NfCanvas) model = compare_canvas ();
    g_autoptr(NfText) text = nf_text_new ("elsewhere");
    g_autoptr(NfNote) more = nf_note_new ("elsewhere", text);

    g_assert_true (nf_canvas_insert_note (model, 1, 0, more, NULL));
    g_assert_false (reads_back_as (bytes, model));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xml/good-files-round-trip", test_good_files_round_trip);
  g_test_add_func ("/xml/newer-minor-keeps-extensions", test_newer_minor_keeps_unknown_elements);
  g_test_add_func ("/xml/same-version-refuses-unknown", test_same_version_refuses_unknown_elements);
  g_test_add_func ("/xml/random-round-trips", test_random_round_trips);
  g_test_add_func ("/xml/emitter-matches-libxml", test_emitter_matches_libxml);
  g_test_add_func ("/xml/read-back-compares-notes", test_read_back_compares_notes);
  g_test_add_func ("/xml/note-ids-per-block-and-snapshot", test_note_ids_per_block_and_snapshot);
  g_test_add_func ("/xml/metric-keys", test_metric_keys);
  g_test_add_func ("/xml/translations", test_translations);
  g_test_add_func ("/xml/translations-refused", test_translations_refused);
  g_test_add_func ("/xml/metric-keys-compared", test_metric_keys_compared);
  g_test_add_func ("/xml/reported-level", test_reported_level);
  g_test_add_func ("/xml/marks", test_marks);
  g_test_add_func ("/xml/marks-version", test_marks_version);
  g_test_add_func ("/file/backup-and-etag", test_save_keeps_backup_and_checks_etag);
#ifdef G_OS_UNIX
  g_test_add_func ("/file/symlink", test_save_through_symlink);
  g_test_add_func ("/xml/snapshot-early-year", test_snapshot_early_year);
  g_test_add_func ("/xml/cell-kind-edit", test_cell_kind_edit);
  g_test_add_func ("/file/hard-link-and-loop", test_save_refuses_hard_link_and_loops);
  g_test_add_func ("/file/read-only-folder", test_save_into_read_only_folder);
#endif
  return g_test_run ();
}
