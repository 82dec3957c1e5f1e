/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile inputs too big, too odd or too alive to check in: made at test
 * time in a temporary folder. Each must be refused with a message that
 * names the file and the problem, or loaded, within bounded time and
 * memory. Time limits stretch by NF_TEST_SLOWDOWN (valgrind, sanitizers);
 * set NF_TEST_SKIP_HUGE to leave out the cases that build tens of
 * megabytes (the valgrind run does). */
#define G_LOG_DOMAIN "test-hostile"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <ninefold.h>

#ifdef G_OS_UNIX
#include <sys/resource.h>
#include <unistd.h>
#endif

#define MIB (1024 * 1024)

#define CANVAS_HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">\n" \
  "<metadata><company>Hostile Co</company><title>T</title></metadata>\n"
#define OTHER_BLOCKS \
  "<block kind=\"key-activities\"/>\n<block kind=\"key-resources\"/>\n" \
  "<block kind=\"value-propositions\"/>\n<block kind=\"customer-relationships\"/>\n" \
  "<block kind=\"channels\"/>\n<block kind=\"customer-segments\"/>\n" \
  "<block kind=\"cost-structure\"/>\n"

static double
slowdown (void)
{
  const char *factor = g_getenv ("NF_TEST_SLOWDOWN");
  double value = factor ? g_ascii_strtod (factor, NULL) : 1;

  return value >= 1 ? value : 1;
}

static gboolean
skip_huge (void)
{
  if (g_getenv ("NF_TEST_SKIP_HUGE") == NULL)
    return FALSE;
  g_test_skip ("NF_TEST_SKIP_HUGE is set");
  return TRUE;
}

/* Peak resident memory of this process so far, in KiB (0 if unknown). */
static glong
peak_rss_kib (void)
{
#ifdef G_OS_UNIX
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) == 0)
    return usage.ru_maxrss;
#endif
  return 0;
}

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ninefold-hostile-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static char *
write_tmp (const char *dir,
           const char *name,
           GString    *content)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, content->str, content->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_chmod (path, 0644);
      if (g_remove (path) != 0)
        g_rmdir (path);
    }
  g_rmdir (dir);
}

/* The message names the file, and says `expect` in the words after it. */
static void
assert_message (const GError *error,
                const char   *name,
                const char   *expect)
{
  const char *at;
  g_autofree char *lower = NULL;

  g_assert_nonnull (error);
  g_test_message ("%s → %s", name, error->message);
  at = strstr (error->message, name);
  if (at == NULL)
    g_error ("the message for %s does not name it: %s", name, error->message);
  lower = g_utf8_strdown (at + strlen (name), -1);
  if (expect != NULL && strstr (lower, expect) == NULL)
    g_error ("the message for %s does not say “%s”: %s", name, expect, error->message);
}

/* Loads a file that must be refused within `seconds`, saying `expect`. */
static void
assert_file_refused (const char *path,
                     const char *expect,
                     double      seconds)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  g_autofree char *base = g_path_get_basename (path);
  gint64 start = g_get_monotonic_time ();
  double elapsed;

  canvas = nf_load_any_file (file, NULL, NULL, &error);
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_null (canvas);
  assert_message (error, base, expect);
  g_test_message ("%s refused in %.3f s", base, elapsed);
  g_assert_cmpfloat (elapsed, <, seconds * slowdown ());
}

/* ---- size ---- */

/* A sparse 100 MB file is refused by its size alone: fast, and without
 * reading it into memory. Runs first, so the peak memory is still ours. */
static void
test_size_100mb (void)
{
  g_autofree char *dir = make_tmpdir ();
  const char *names[] = { "hundred.ninefold", "hundred.md" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      FILE *f = g_fopen (path, "wb");
      glong before, after;

      g_assert_nonnull (f);
      fputs (CANVAS_HEAD, f);
      g_assert_cmpint (fseek (f, 100 * 1000 * 1000 - 1, SEEK_SET), ==, 0);
      fputc ('\n', f);
      fclose (f);

      before = peak_rss_kib ();
      assert_file_refused (path, "larger than", 1);
      after = peak_rss_kib ();
      g_test_message ("peak RSS %ld → %ld KiB", before, after);
      if (before > 0)
        g_assert_cmpint (after - before, <, 16 * 1024);
      g_remove (path);
    }
  remove_tree (dir);
}

/* ---- notes ---- */

static GString *
canvas_with_notes (guint       n_notes,
                   const char *text)
{
  GString *s = g_string_sized_new (n_notes * 40 + 1024);

  g_string_append (s, CANVAS_HEAD "<block kind=\"key-partners\">\n");
  for (guint i = 0; i < n_notes; i++)
    g_string_append_printf (s, "<note id=\"n%u\"><text>%s</text></note>\n", i + 1, text);
  g_string_append (s, "</block>\n" OTHER_BLOCKS "<block kind=\"revenue-streams\"/>\n</canvas>\n");
  return s;
}

/* A million notes cannot fit in the largest file a canvas may be: refused
 * by size, from a file and from memory alike. */
static void
test_notes_million (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  GString *s;

  if (skip_huge ())
    return;
  dir = make_tmpdir ();
  s = canvas_with_notes (1000000, "x");
  g_assert_cmpuint (s->len, >, NF_CANVAS_MAX_FILE_SIZE);
  path = write_tmp (dir, "million-notes.ninefold", s);
  assert_file_refused (path, "larger than", 1);

  canvas = nf_canvas_load_from_data (s->str, s->len, "million-notes", &error);
  g_assert_null (canvas);
  assert_message (error, "million-notes", "larger than");
  g_string_free (s, TRUE);
  remove_tree (dir);
}

/* Many notes in one block load in bounded time and memory. libxml2's
 * RelaxNG validation alone takes time quadratic in the children of one
 * element (80 000 notes in one block took 7 s, 160 000 took 37 s), which
 * the loader must work around. */
static void
test_notes_many (void)
{
  const guint n = 40000;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  GString *s;
  gint64 start;
  double elapsed;
  glong before, after;

  if (skip_huge ())
    return;
  dir = make_tmpdir ();
  s = canvas_with_notes (n, "x");
  path = write_tmp (dir, "many-notes.ninefold", s);
  g_string_free (s, TRUE);
  file = g_file_new_for_path (path);

  before = peak_rss_kib ();
  start = g_get_monotonic_time ();
  canvas = nf_canvas_load_from_file (file, NULL, &error);
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  after = peak_rss_kib ();
  g_assert_no_error (error);
  g_test_message ("%u notes in one block loaded in %.2f s, peak RSS %ld → %ld KiB",
                  n, elapsed, before, after);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, n);
  /* About five times what it takes on a slow, shared two-core machine. */
  g_assert_cmpfloat (elapsed, <, 10 * slowdown ());
  if (before > 0 && slowdown () == 1)
    g_assert_cmpint (after - before, <, 256 * 1024);
  remove_tree (dir);
}

/* As many notes as fit in the largest file a canvas may be, all in one
 * block: the worst case for the validator. Loads within a bound. */
static void
test_notes_fill (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  guint n;
  GString *s;
  gint64 start;
  double elapsed;
  glong before, after;

  if (skip_huge ())
    return;
  /* Each note line is 40 bytes or so; fill up to just under the cap. */
  s = canvas_with_notes (1, "x");
  n = (NF_CANVAS_MAX_FILE_SIZE - s->len) / 41;
  g_string_free (s, TRUE);
  s = canvas_with_notes (n, "x");
  g_assert_cmpuint (s->len, <=, NF_CANVAS_MAX_FILE_SIZE);
  g_assert_cmpuint (s->len, >, NF_CANVAS_MAX_FILE_SIZE - 1024 * 1024);
  dir = make_tmpdir ();
  path = write_tmp (dir, "full-of-notes.ninefold", s);
  g_string_free (s, TRUE);
  file = g_file_new_for_path (path);

  before = peak_rss_kib ();
  start = g_get_monotonic_time ();
  canvas = nf_canvas_load_from_file (file, NULL, &error);
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  after = peak_rss_kib ();
  g_test_message ("%u notes (16 MiB, one block) read in %.2f s, peak RSS %ld → %ld KiB",
                  n, elapsed, before, after);
  g_assert_cmpfloat (elapsed, <, 30 * slowdown ());
  /* Unindented, the file is under the limit; in the canonical form it is
   * over it, so it could not be saved again: refused, saying so, as the
   * loader and the writer agree on what a canvas may be. */
  assert_message (error, "full-of-notes.ninefold", "could not be saved");
  g_assert_null (canvas);
  /* The parse tree of 16 MiB of tiny elements is most of it. */
  if (before > 0 && slowdown () == 1)
    g_assert_cmpint (after - before, <, 1024 * 1024);
  remove_tree (dir);
}

/* A write-up can say a million things in 4 MB; the importer keeps at most
 * NF_CANVAS_MAX_NOTES, so whatever it gives can be saved and loaded. */
static void
test_notes_million_import (void)
{
  GString *s;
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  gint64 start;
  double elapsed;

  if (skip_huge ())
    return;
  s = g_string_new ("# Million Co\n\n## Key Partners\n\n");
  for (guint i = 0; i <= NF_CANVAS_MAX_NOTES; i++)
    g_string_append (s, "- a\n");
  start = g_get_monotonic_time ();
  canvas = nf_import_from_data (s->str, s->len, "million.md", &error);
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_string_free (s, TRUE);
  if (canvas != NULL)
    {
      g_test_message ("imported %u notes in %.2f s", nf_canvas_get_n_notes (canvas), elapsed);
      g_assert_cmpuint (nf_canvas_get_n_notes (canvas), <=, NF_CANVAS_MAX_NOTES);
    }
  else
    {
      g_test_message ("refused in %.2f s", elapsed);
      assert_message (error, "million.md", "more than");
    }
  g_assert_cmpfloat (elapsed, <, 30 * slowdown ());
}

/* ---- one huge field ---- */

static void
test_field_1mb (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = NULL;
  g_autofree char *big = g_malloc (MIB + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  GString *s;

  for (guint i = 0; i < MIB; i++)
    big[i] = 'a' + i % 26;
  big[MIB] = '\0';

  s = canvas_with_notes (1, big);
  path = write_tmp (dir, "megabyte-note.ninefold", s);
  g_string_free (s, TRUE);
  assert_file_refused (path, "line 5", 1);

  /* Just under the field limit loads and keeps every byte. */
  big[NF_CANVAS_MAX_FIELD_SIZE] = '\0';
  s = canvas_with_notes (1, big);
  canvas = nf_canvas_load_from_data (s->str, s->len, "just-under", &error);
  g_string_free (s, TRUE);
  g_assert_no_error (error);
  {
    g_autoptr(NfNote) note = g_list_model_get_item (nf_canvas_get_notes (canvas, NF_BLOCK_KEY_PARTNERS), 0);

    g_assert_cmpstr (nf_text_get (nf_note_get_text (note)), ==, big);
  }
  g_clear_object (&canvas);

  /* In a write-up, one 1 MB paragraph imports within the field limit. */
  s = g_string_new ("# Big Co\n\n## Key Partners\n\n");
  big[MIB] = '\0';
  for (guint i = 0; i < MIB; i += 8)
    big[i] = ' ';
  g_string_append (s, big);
  g_string_append_c (s, '\n');
  canvas = nf_import_from_data (s->str, s->len, "big.md", &error);
  g_string_free (s, TRUE);
  if (canvas != NULL)
    {
      g_autoptr(NfNote) note = g_list_model_get_item (nf_canvas_get_notes (canvas, NF_BLOCK_KEY_PARTNERS), 0);

      g_assert_cmpuint (strlen (nf_text_get (nf_note_get_text (note))), <=, NF_CANVAS_MAX_FIELD_SIZE);
    }
  else
    assert_message (error, "big.md", NULL);
  remove_tree (dir);
}

/* ---- tables ---- */

static GString *
canvas_with_rows (guint n_rows)
{
  GString *s = g_string_sized_new (n_rows * 32 + 1024);

  g_string_append (s, CANVAS_HEAD "<block kind=\"key-partners\"/>\n" OTHER_BLOCKS
                      "<block kind=\"revenue-streams\"/>\n<metrics>\n"
                      "<table id=\"t1\" block=\"revenue-streams\"><title>Rows</title>\n"
                      "<column type=\"number\"><name>N</name></column>\n");
  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (s, "<row><cell value=\"%u\">%u</cell></row>\n", i, i);
  g_string_append (s, "</table>\n</metrics>\n</canvas>\n");
  return s;
}

static void
test_table_million_rows (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GString *s;

  if (skip_huge ())
    return;
  dir = make_tmpdir ();
  s = canvas_with_rows (1000000);
  path = write_tmp (dir, "million-rows.ninefold", s);
  g_string_free (s, TRUE);
  assert_file_refused (path, "larger than", 1);
  remove_tree (dir);
}

/* A million-row pipe table is 10 MB of write-up, under the size limit: it
 * imports (or is refused) in bounded time. */
static void
test_table_million_rows_import (void)
{
  GString *s;
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  gint64 start;
  double elapsed;

  if (skip_huge ())
    return;
  s = g_string_new ("# Rows Co\n\n## Revenue Streams\n\n| Year | Revenue |\n|---|---|\n");
  for (guint i = 0; i < 1000000; i++)
    g_string_append_printf (s, "|%u|%u|\n", 1000 + i % 1000, i);
  start = g_get_monotonic_time ();
  canvas = nf_import_from_data (s->str, s->len, "rows.md", &error);
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_string_free (s, TRUE);
  if (canvas != NULL)
    {
      GListModel *tables = nf_canvas_get_tables (canvas);
      g_autoptr(NfMetricTable) table = NULL;

      g_assert_cmpuint (g_list_model_get_n_items (tables), ==, 1);
      table = g_list_model_get_item (tables, 0);
      g_test_message ("imported %u rows in %.2f s", nf_metric_table_get_n_rows (table), elapsed);
    }
  else
    {
      g_test_message ("refused in %.2f s", elapsed);
      assert_message (error, "rows.md", NULL);
    }
  g_assert_cmpfloat (elapsed, <, 30 * slowdown ());
}

/* ---- numbers ---- */

static GString *
canvas_with_cell (const char *value_attr,
                  const char *text)
{
  GString *s = canvas_with_rows (0);
  g_autofree char *row = value_attr != NULL
    ? g_markup_printf_escaped ("<row><cell value=\"%s\">%s</cell></row>\n", value_attr, text)
    : g_markup_printf_escaped ("<row><cell>%s</cell></row>\n", text);

  g_string_replace (s, "</table>", "", 1);
  g_string_replace (s, "</metrics>", "", 1);
  g_string_replace (s, "</canvas>\n", "", 1);
  g_string_append (s, row);
  g_string_append (s, "</table>\n</metrics>\n</canvas>\n");
  return s;
}

static const NfCell *
only_cell (NfCanvas *canvas)
{
  g_autoptr(NfMetricTable) table = g_list_model_get_item (nf_canvas_get_tables (canvas), 0);

  g_assert_cmpuint (nf_metric_table_get_n_rows (table), ==, 1);
  /* The canvas holds the table, so the cell outlives our reference. */
  return nf_metric_table_get_cell (table, 0, 0);
}

/* Saved and loaded again, the canvas gives the same bytes. */
static void
assert_round_trip (NfCanvas *canvas)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = nf_canvas_save_to_bytes (canvas, &error);
  g_autoptr(NfCanvas) again = NULL;
  g_autoptr(GBytes) second = NULL;

  g_assert_no_error (error);
  again = nf_canvas_load_from_data (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                    "round-trip", &error);
  g_assert_no_error (error);
  g_assert_true (nf_canvas_equal (canvas, again));
  second = nf_canvas_save_to_bytes (again, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));
}

/* The format's value attribute is a finite number written as Ninefold
 * writes numbers: NaN and 1e400 are refused, naming the value; -0 and a
 * 20-digit integer are numbers (the latter rounded to a double, its text
 * kept as written). As cell text without a value, anything is text. */
static void
test_numbers_in_cells (void)
{
  const char *refused[] = { "NaN", "nan", "1e400", "-1e400", "Infinity", "0x10", "+1", "1.", ".5" };
  const struct { const char *value; double number; } kept[] = {
    { "-0", 0 },
    { "12345678901234567890", 12345678901234567890.0 },
    { "-99999999999999999999", -99999999999999999999.0 },
    { "1e-400", 0 },
  };
  const char *texts[] = { "NaN", "1e400", "-0", "12345678901234567890", "∞", "١٢٣" };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      GString *s = canvas_with_cell (refused[i], refused[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(NfCanvas) canvas = nf_canvas_load_from_data (s->str, s->len, "numbers", &error);
      g_autofree char *lower = g_ascii_strdown (refused[i], -1);

      g_string_free (s, TRUE);
      g_assert_null (canvas);
      assert_message (error, "numbers", lower);
      assert_message (error, "numbers", "line ");
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      GString *s = canvas_with_cell (kept[i].value, kept[i].value);
      g_autoptr(GError) error = NULL;
      g_autoptr(NfCanvas) canvas = nf_canvas_load_from_data (s->str, s->len, "numbers", &error);
      const NfCell *cell;

      g_string_free (s, TRUE);
      if (error != NULL)
        g_error ("%s: %s", kept[i].value, error->message);
      cell = only_cell (canvas);
      g_assert_true (cell->has_value);
      g_assert_cmpfloat (cell->value, ==, kept[i].number);
      g_assert_cmpstr (cell->text, ==, kept[i].value);
      /* Regression: -0 read as -0.0 was written as "0", and the save's
       * read-back check then refused to save the canvas at all. */
      g_assert_false (cell->value == 0 && signbit (cell->value));
      assert_round_trip (canvas);
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GString *s = canvas_with_cell (NULL, texts[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(NfCanvas) canvas = nf_canvas_load_from_data (s->str, s->len, "numbers", &error);
      const NfCell *cell;

      g_string_free (s, TRUE);
      g_assert_no_error (error);
      cell = only_cell (canvas);
      g_assert_false (cell->has_value);
      g_assert_cmpstr (cell->text, ==, texts[i]);
      assert_round_trip (canvas);
    }
}

/* In a write-up the importer reads figures; what it cannot read as a
 * finite number stays text, and nothing it keeps fails to save and load. */
static void
test_numbers_in_import (void)
{
  const char *cells[] = { "NaN", "1e400", "-0", "12345678901234567890", "Infinity", "-1e-400" };
  GString *s = g_string_new ("# Numbers Co\n\n## Revenue Streams\n\n| Year | Revenue |\n|---|---|\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(NfMetricTable) table = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_string_append_printf (s, "| %u | %s |\n", 2001 + i, cells[i]);
  canvas = nf_import_from_data (s->str, s->len, "numbers.md", &error);
  g_string_free (s, TRUE);
  g_assert_no_error (error);
  table = g_list_model_get_item (nf_canvas_get_tables (canvas), 0);
  g_assert_cmpuint (nf_metric_table_get_n_rows (table), ==, G_N_ELEMENTS (cells));
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      const NfCell *cell = nf_metric_table_get_cell (table, i, 1);

      g_test_message ("%s → has_value %d, %g", cells[i], cell->has_value, cell->value);
      g_assert_cmpstr (cell->text, ==, cells[i]);
      if (cell->has_value)
        g_assert_true (isfinite (cell->value));
    }
  /* NaN, 1e400 and Infinity are not finite numbers: text only. */
  g_assert_false (nf_metric_table_get_cell (table, 0, 1)->has_value);
  g_assert_false (nf_metric_table_get_cell (table, 1, 1)->has_value);
  g_assert_false (nf_metric_table_get_cell (table, 4, 1)->has_value);
  assert_round_trip (canvas);
}

/* ---- text ---- */

/* Right-to-left and left-to-right mixed, bidi controls, stacked combining
 * marks, emoji sequences: all text, kept byte for byte. */
static void
test_bidi_and_combining (void)
{
  const char *texts[] = {
    "Revenue \u202Eevil.exe\u202C and \u2067مرحبا\u2069 with שלום 123",
    "\u200F\u05E2\u05D1\u05E8\u05D9\u05EA (Hebrew) then English, then 中文",
    "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A\u035B\u035C\u035D\u035E\u035F"
      "\u0360\u0361\u0362a\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308l\u0489g\u0489o",
    "e\u0301 vs \u00E9 (not normalised), \U0001F469\u200D\U0001F469\u200D\U0001F467 family",
    "\u0627\u0644\u0639\u0631\u0628\u064A\u0629 \u0661\u0662\u0663 % \u200E%",
  };
  GString *s = g_string_new (CANVAS_HEAD "<block kind=\"key-partners\">\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  GListModel *notes;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *escaped = g_markup_escape_text (texts[i], -1);

      g_string_append_printf (s, "<note id=\"n%u\"><text>%s</text></note>\n", i + 1, escaped);
    }
  g_string_append (s, "</block>\n" OTHER_BLOCKS "<block kind=\"revenue-streams\"/>\n</canvas>\n");
  canvas = nf_canvas_load_from_data (s->str, s->len, "bidi", &error);
  g_string_free (s, TRUE);
  g_assert_no_error (error);
  notes = nf_canvas_get_notes (canvas, NF_BLOCK_KEY_PARTNERS);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, G_N_ELEMENTS (texts));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(NfNote) note = g_list_model_get_item (notes, i);

      g_assert_cmpstr (nf_text_get (nf_note_get_text (note)), ==, texts[i]);
    }
  assert_round_trip (canvas);
}

/* Overlong and other invalid UTF-8 in a canvas is refused, naming the
 * line and byte. */
static void
test_overlong_utf8 (void)
{
  const char *sequences[] = {
    "\xC0\xAF",                 /* '/' in two bytes */
    "\xE0\x80\xAF",             /* '/' in three */
    "\xF0\x80\x80\xAF",         /* '/' in four */
    "\xC1\xBF",
    "\xED\xA0\x80",             /* a surrogate */
    "\xF4\x90\x80\x80",         /* past U+10FFFF */
  };
  g_autofree char *dir = make_tmpdir ();

  for (guint i = 0; i < G_N_ELEMENTS (sequences); i++)
    {
      g_autofree char *text = g_strconcat ("before ", sequences[i], " after", NULL);
      GString *s = canvas_with_notes (3, "ok");
      g_autofree char *name = g_strdup_printf ("overlong-%u.ninefold", i);
      g_autofree char *md_name = g_strdup_printf ("overlong-%u.md", i);
      g_autofree char *path = NULL;
      g_autofree char *md_path = NULL;
      GString *md = g_string_new ("# Co\n\n## Channels\n\n");
      const char *at;

      /* Into the second note, on line 6. */
      at = strstr (s->str, "<note id=\"n2\"><text>ok");
      g_string_insert (s, at - s->str + strlen ("<note id=\"n2\"><text>"), text);
      path = write_tmp (dir, name, s);
      assert_file_refused (path, "line 6", 1);
      assert_file_refused (path, "utf-8", 1);
      assert_file_refused (path, "byte", 1);
      g_string_free (s, TRUE);

      /* A write-up is repaired instead (docs/IMPORT.md): the bad bytes
       * become U+FFFD, never the character they spell in disguise. */
      g_string_append_printf (md, "- %s\n", text);
      md_path = write_tmp (dir, md_name, md);
      g_string_free (md, TRUE);
      {
        g_autoptr(GFile) file = g_file_new_for_path (md_path);
        g_autoptr(GError) error = NULL;
        g_autoptr(NfCanvas) canvas = nf_load_any_file (file, NULL, NULL, &error);
        g_autoptr(NfNote) note = NULL;
        const char *got;

        g_assert_no_error (error);
        note = g_list_model_get_item (nf_canvas_get_notes (canvas, NF_BLOCK_CHANNELS), 0);
        got = nf_text_get (nf_note_get_text (note));
        g_assert_true (g_utf8_validate (got, -1, NULL));
        g_assert_true (g_str_has_prefix (got, "before "));
        g_assert_true (g_str_has_suffix (got, " after"));
        g_assert_null (strchr (got, '/'));
        g_assert_nonnull (strstr (got, "\xEF\xBF\xBD"));
      }
    }
  remove_tree (dir);
}

/* ---- the file system ---- */

static void
test_symlink_loop (void)
{
#ifdef G_OS_UNIX
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *self = g_build_filename (dir, "self.ninefold", NULL);
  g_autofree char *a = g_build_filename (dir, "a.ninefold", NULL);
  g_autofree char *b = g_build_filename (dir, "b.md", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.ninefold", NULL);

  g_assert_cmpint (symlink ("nowhere.ninefold", dangling), ==, 0);
  assert_file_refused (dangling, "does not exist", 1);
  g_assert_cmpint (symlink ("self.ninefold", self), ==, 0);
  g_assert_cmpint (symlink ("b.md", a), ==, 0);
  g_assert_cmpint (symlink ("a.ninefold", b), ==, 0);
  assert_file_refused (self, "loop", 1);
  assert_file_refused (a, "loop", 1);
  /* A write-up's name: the importer reads it, and says the same. */
  assert_file_refused (b, "loop", 1);
  remove_tree (dir);
#else
  g_test_skip ("no symbolic links here");
#endif
}

static void
test_unreadable (void)
{
#ifdef G_OS_UNIX
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *md = NULL;
  GString *s;

  /* Root reads it anyway; test_not_a_directory covers root. */
  if (geteuid () == 0)
    {
      g_test_skip ("root can read a file whatever its mode");
      return;
    }
  dir = make_tmpdir ();
  s = canvas_with_notes (1, "x");
  path = write_tmp (dir, "locked.ninefold", s);
  md = write_tmp (dir, "locked.md", s);
  g_string_free (s, TRUE);
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  g_assert_cmpint (g_chmod (md, 0), ==, 0);
  assert_file_refused (path, "permission", 1);
  assert_file_refused (md, "permission", 1);
  remove_tree (dir);
#else
  g_test_skip ("no file modes here");
#endif
}

/* A file that GIO lets us look at but not open, as it reports a file we
 * may not read (EACCES → G_IO_ERROR_PERMISSION_DENIED): everything is the
 * real file's but opening it. Root reads any file, so test_unreadable
 * skips there; this checks the same message whoever runs the test. */
#define TEST_TYPE_LOCKED_FILE (test_locked_file_get_type ())
G_DECLARE_FINAL_TYPE (TestLockedFile, test_locked_file, TEST, LOCKED_FILE, GObject)

struct _TestLockedFile
{
  GObject  parent_instance;
  GFile   *real;
};

static void test_locked_file_iface_init (GFileIface *iface);

G_DEFINE_TYPE_WITH_CODE (TestLockedFile, test_locked_file, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_FILE, test_locked_file_iface_init))

static GFile *
test_locked_file_new (const char *path)
{
  TestLockedFile *self = g_object_new (TEST_TYPE_LOCKED_FILE, NULL);

  self->real = g_file_new_for_path (path);
  return G_FILE (self);
}

static GFile *
locked_dup (GFile *file)
{
  return test_locked_file_new (g_file_peek_path (TEST_LOCKED_FILE (file)->real));
}

static guint
locked_hash (GFile *file)
{
  return g_file_hash (TEST_LOCKED_FILE (file)->real);
}

static gboolean
locked_equal (GFile *a,
              GFile *b)
{
  return TEST_IS_LOCKED_FILE (b) && g_file_equal (TEST_LOCKED_FILE (a)->real, TEST_LOCKED_FILE (b)->real);
}

static gboolean
locked_is_native (GFile *file)
{
  return TRUE;
}

static char *
locked_get_basename (GFile *file)
{
  return g_file_get_basename (TEST_LOCKED_FILE (file)->real);
}

static char *
locked_get_path (GFile *file)
{
  return g_file_get_path (TEST_LOCKED_FILE (file)->real);
}

static char *
locked_get_uri (GFile *file)
{
  return g_file_get_uri (TEST_LOCKED_FILE (file)->real);
}

static char *
locked_get_parse_name (GFile *file)
{
  return g_file_get_parse_name (TEST_LOCKED_FILE (file)->real);
}

static GFileInfo *
locked_query_info (GFile                *file,
                   const char           *attributes,
                   GFileQueryInfoFlags   flags,
                   GCancellable         *cancellable,
                   GError              **error)
{
  return g_file_query_info (TEST_LOCKED_FILE (file)->real, attributes, flags, cancellable, error);
}

static GFileInputStream *
locked_read (GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  /* GIO's own words for EACCES on open(). */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (EACCES),
               "Error opening file “%s”: %s", name, g_strerror (EACCES));
  return NULL;
}

static void
test_locked_file_iface_init (GFileIface *iface)
{
  iface->dup = locked_dup;
  iface->hash = locked_hash;
  iface->equal = locked_equal;
  iface->is_native = locked_is_native;
  iface->get_basename = locked_get_basename;
  iface->get_path = locked_get_path;
  iface->get_uri = locked_get_uri;
  iface->get_parse_name = locked_get_parse_name;
  iface->query_info = locked_query_info;
  iface->read_fn = locked_read;
}

static void
test_locked_file_finalize (GObject *object)
{
  g_clear_object (&TEST_LOCKED_FILE (object)->real);
  G_OBJECT_CLASS (test_locked_file_parent_class)->finalize (object);
}

static void
test_locked_file_class_init (TestLockedFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_locked_file_finalize;
}

static void
test_locked_file_init (TestLockedFile *self)
{
}

/* Permission denied reads "permission", naming the file, for a canvas and
 * a write-up alike (issue 19: it once read "this is not a regular file"). */
static void
test_permission_denied (void)
{
  g_autofree char *dir = make_tmpdir ();
  static const char * const names[] = { "locked.ninefold", "locked.md" };
  GString *s = canvas_with_notes (1, "x");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = write_tmp (dir, names[i], s);
      g_autoptr(GFile) file = test_locked_file_new (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(NfCanvas) canvas = nf_load_any_file (file, NULL, NULL, &error);

      g_assert_null (canvas);
      g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_IO);
      assert_message (error, names[i], "you do not have permission to read this file");
      /* The reason once, not GIO's sentence with the path again. */
      g_assert_null (strstr (error->message, "Error opening"));
    }
  g_string_free (s, TRUE);
  remove_tree (dir);
}

/* Fails for root too: a "folder" that is a file, and a name too long. */
static void
test_not_a_directory (void)
{
  g_autofree char *dir = make_tmpdir ();
  GString *s = canvas_with_notes (1, "x");
  g_autofree char *file = write_tmp (dir, "plain.ninefold", s);
  g_autofree char *inside = g_build_filename (file, "inner.ninefold", NULL);
  g_autofree char *inside_md = g_build_filename (file, "inner.md", NULL);
  GString *long_name = g_string_new (NULL);
  g_autofree char *too_long = NULL;

  g_string_free (s, TRUE);
  assert_file_refused (inside, "not a folder", 1);
  assert_file_refused (inside_md, NULL, 1);

  for (guint i = 0; i < 300; i++)
    g_string_append_c (long_name, 'n');
  g_string_append (long_name, ".ninefold");
  too_long = g_build_filename (dir, long_name->str, NULL);
  g_string_free (long_name, TRUE);
  assert_file_refused (too_long, "too long", 1);
  remove_tree (dir);
}

typedef struct {
  char          *path;
  GBytes        *versions[2];
  volatile gint  stop;
} Writer;

/* Rewrites the file in place, alternating two canvases, and appends junk
 * now and then: a reader sees every state a torn read could give. */
static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  guint i = 0;

  while (!g_atomic_int_get (&w->stop))
    {
      GBytes *bytes = w->versions[i % 2];
      FILE *f = g_fopen (w->path, (i % 3 == 2) ? "ab" : "r+b");

      if (f != NULL)
        {
          fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), f);
          fclose (f);
        }
      i++;
      g_usleep (50);
      /* Keep the file from growing without end. */
      if (i % 64 == 0)
        g_file_set_contents (w->path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
    }
  return NULL;
}

static void
test_changing_file (void)
{
  g_autofree char *dir = make_tmpdir ();
  GString *one = canvas_with_notes (2000, "first version");
  GString *two = canvas_with_notes (2000, "second, longer version of it");
  Writer w = { NULL, };
  GThread *thread;
  guint loaded = 0, refused = 0;
  gint64 end;

  w.path = write_tmp (dir, "moving.ninefold", one);
  w.versions[0] = g_string_free_to_bytes (one);
  w.versions[1] = g_string_free_to_bytes (two);
  thread = g_thread_new ("writer", writer_thread, &w);

  end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    {
      g_autoptr(GFile) file = g_file_new_for_path (w.path);
      g_autoptr(GError) error = NULL;
      g_autoptr(NfCanvas) canvas = nf_canvas_load_from_file (file, NULL, &error);

      if (canvas != NULL)
        {
          g_autoptr(NfNote) note = g_list_model_get_item (nf_canvas_get_notes (canvas, NF_BLOCK_KEY_PARTNERS), 0);
          const char *text = nf_text_get (nf_note_get_text (note));

          /* A consistent load is one of the versions, whole. */
          g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, 2000);
          g_assert_true (g_str_equal (text, "first version") ||
                         g_str_equal (text, "second, longer version of it"));
          loaded++;
        }
      else
        {
          /* Hundreds of these: checked, not logged. */
          g_assert_nonnull (error);
          g_assert_nonnull (strstr (error->message, "moving.ninefold"));
          refused++;
        }
    }
  g_atomic_int_set (&w.stop, 1);
  g_thread_join (thread);
  g_test_message ("while it changed: %u loads, %u clear refusals", loaded, refused);
  g_assert_cmpuint (loaded + refused, >, 0);

  g_bytes_unref (w.versions[0]);
  g_bytes_unref (w.versions[1]);
  g_free (w.path);
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/size/100mb", test_size_100mb);
  g_test_add_func ("/hostile/notes/million", test_notes_million);
  g_test_add_func ("/hostile/notes/many", test_notes_many);
  g_test_add_func ("/hostile/notes/fill", test_notes_fill);
  g_test_add_func ("/hostile/notes/million-import", test_notes_million_import);
  g_test_add_func ("/hostile/field/1mb", test_field_1mb);
  g_test_add_func ("/hostile/table/million-rows", test_table_million_rows);
  g_test_add_func ("/hostile/table/million-rows-import", test_table_million_rows_import);
  g_test_add_func ("/hostile/numbers/cells", test_numbers_in_cells);
  g_test_add_func ("/hostile/numbers/import", test_numbers_in_import);
  g_test_add_func ("/hostile/text/bidi-combining", test_bidi_and_combining);
  g_test_add_func ("/hostile/text/overlong-utf8", test_overlong_utf8);
  g_test_add_func ("/hostile/fs/symlink-loop", test_symlink_loop);
  g_test_add_func ("/hostile/fs/unreadable", test_unreadable);
  g_test_add_func ("/hostile/fs/permission-denied", test_permission_denied);
  g_test_add_func ("/hostile/fs/not-a-directory", test_not_a_directory);
  g_test_add_func ("/hostile/fs/changing", test_changing_file);
  return g_test_run ();
}
