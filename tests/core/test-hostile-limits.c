/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The limits of docs/THREATS.md, each from both sides: just under it a
 * canvas loads and saves; past it the file is refused, quickly, with a
 * message naming the file and the limit. Also characters the loader
 * refuses, language tags it keeps whole, and extensions that keep their
 * namespace. Set NF_TEST_SKIP_HUGE to leave out the files of megabytes
 * (the valgrind run does). */
#define G_LOG_DOMAIN "test-hostile-limits"

#include "config.h"

#include <string.h>
#include <time.h>

#include <ninefold.h>

#include "nf-canvas-xml-private.h"

#define HEAD_VERSION(v, lang, extra) \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<canvas xmlns=\"urn:ninefold:canvas:1\"" extra " version=\"" v "\" xml:lang=\"" lang "\">\n"
#define META "<metadata><company>Limits Co</company><title>T</title></metadata>\n"
#define BLOCKS_AFTER_FIRST \
  "<block kind=\"key-activities\"/>\n<block kind=\"key-resources\"/>\n" \
  "<block kind=\"value-propositions\"/>\n<block kind=\"customer-relationships\"/>\n" \
  "<block kind=\"channels\"/>\n<block kind=\"customer-segments\"/>\n" \
  "<block kind=\"cost-structure\"/>\n<block kind=\"revenue-streams\"/>\n"

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

/* A canvas whose first block holds `note` (the markup of one note). */
static GString *
canvas_with_note (const char *note)
{
  GString *s = g_string_new (HEAD_VERSION ("1.0", "en", "") META "<block kind=\"key-partners\">");

  g_string_append (s, note);
  g_string_append (s, "</block>\n" BLOCKS_AFTER_FIRST "</canvas>\n");
  return s;
}

static NfCanvas *
load (GString  *s,
      GError  **error)
{
  /* CPU time, which a machine busy with other work does not inflate. */
  clock_t start = clock ();
  NfCanvas *canvas = nf_canvas_load_from_data (s->str, s->len, "limits.ninefold", error);
  double elapsed = (clock () - start) / (double) CLOCKS_PER_SEC;

  g_test_message ("%.1f KB in %.3f s of CPU time", s->len / 1000.0, elapsed);
  g_assert_cmpfloat (elapsed, <, 1 * slowdown ());
  return canvas;
}

static void
assert_refused (GString    *s,
                const char *expect)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = load (s, &error);
  g_autofree char *lower = NULL;

  g_assert_null (canvas);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "limits.ninefold"));
  lower = g_utf8_strdown (error->message, -1);
  if (strstr (lower, expect) == NULL)
    g_error ("the message does not say “%s”: %s", expect, error->message);
}

/* Loads, saves, and loads the saved bytes to an equal canvas. */
static NfCanvas *
assert_loads_and_saves (GString *s)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = load (s, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NfCanvas) again = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (canvas);
  bytes = nf_canvas_save_to_bytes (canvas, &error);
  g_assert_no_error (error);
  again = nf_canvas_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    "saved", &error);
  g_assert_no_error (error);
  g_assert_true (nf_canvas_equal (canvas, again));
  return g_steal_pointer (&canvas);
}

/* ---- characters ---- */

static void
test_refused_characters (void)
{
  /* Raw, as a reference in text, and as a reference in an attribute. */
  static const struct { const char *raw; const char *ref; const char *expect; } chars[] = {
    { "\x7f", "&#x7F;", "u+007f" },
    { "\xc2\x85", "&#x85;", "u+0085" },
    { "\xc2\x9b", "&#x9B;", "u+009b" },
    { "\xef\xb7\x90", "&#xFDD0;", "u+fdd0" },
    { "\xef\xb7\xaf", "&#xFDEF;", "u+fdef" },
    { "\xf0\x9f\xbf\xbe", "&#x1FFFE;", "u+1fffe" },
    { "\xf4\x8f\xbf\xbf", "&#x10FFFF;", "u+10ffff" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (chars); i++)
    {
      g_autofree char *raw = g_strdup_printf ("<note id=\"n1\"><text>a%sb</text></note>", chars[i].raw);
      g_autofree char *ref = g_strdup_printf ("<note id=\"n1\"><text>a%sb</text></note>", chars[i].ref);
      g_autofree char *attr = g_strdup_printf ("<note id=\"n1\"><text>a</text>"
                                               "<cite source=\"s%s\"/></note>", chars[i].ref);
      GString *s;

      s = canvas_with_note (raw);
      assert_refused (s, chars[i].expect);
      g_string_free (s, TRUE);
      s = canvas_with_note (ref);
      assert_refused (s, chars[i].expect);
      g_string_free (s, TRUE);
      s = canvas_with_note (attr);
      assert_refused (s, chars[i].expect);
      g_string_free (s, TRUE);
    }
}

/* Text that enters the model another way (typing, pasting, importing)
 * loses them, so a save never writes what the loader refuses. */
static void
test_cleaned_characters (void)
{
  g_autofree char *clean = nf_text_clean ("a\x7f" "b\xc2\x85" "c\xc2\x9b" "d\xef\xb7\x90"
                                          "e\xf0\x9f\xbf\xbe" "f\xc2\xa0g", -1);

  g_assert_cmpstr (clean, ==, "abcdef\xc2\xa0g");
  g_assert_false (nf_text_is_clean ("x\xc2\x9b"));
  g_assert_true (nf_text_is_clean ("x\xc2\xa0 数"));
}

/* ---- language tags ---- */

#define LANG36 "en-abcdefgh-ijklmnop-qrstuvwx-yz0123"

static void
test_long_language (void)
{
  g_autoptr(GString) s = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(NfNote) note = NULL;
  g_autoptr(GString) over = NULL;
  g_autoptr(GString) tag = g_string_new ("en");

  g_assert_cmpuint (strlen (LANG36), ==, 36);
  s = g_string_new (HEAD_VERSION ("1.0", LANG36, "") META "<block kind=\"key-partners\">"
                    "<note id=\"n1\"><text>a</text><text xml:lang=\"" LANG36 "\">b</text></note>"
                    "</block>\n" BLOCKS_AFTER_FIRST "</canvas>\n");
  canvas = assert_loads_and_saves (s);
  g_assert_cmpstr (nf_canvas_get_language (canvas), ==, LANG36);
  note = g_list_model_get_item (nf_canvas_get_notes (canvas, NF_BLOCK_KEY_PARTNERS), 0);
  g_assert_cmpstr (nf_text_lookup (nf_note_get_text (note), LANG36), ==, "b");

  while (tag->len <= NF_LANGUAGE_TAG_MAX)
    g_string_append (tag, "-abcdefg");
  over = g_string_new (NULL);
  g_string_printf (over, "<note id=\"n1\"><text>a</text><text xml:lang=\"%s\">b</text></note>",
                   tag->str);
  {
    g_autoptr(GString) c = canvas_with_note (over->str);

    assert_refused (c, "longer than");
  }
}

/* ---- counts ---- */

static GString *
note_with_translations (guint n,
                        gboolean sorted)
{
  GString *note = g_string_new ("<note id=\"n1\"><text>a</text>");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (note, "<text xml:lang=\"x-%05u\">t</text>",
                            sorted ? i : n - 1 - i);
  g_string_append (note, "</note>");
  return note;
}

static void
test_translations (void)
{
  g_autoptr(GString) at = note_with_translations (NF_CANVAS_MAX_TRANSLATIONS, TRUE);
  g_autoptr(GString) unsorted = note_with_translations (NF_CANVAS_MAX_TRANSLATIONS, FALSE);
  g_autoptr(GString) past = note_with_translations (30000, TRUE);
  GString *s;

  s = canvas_with_note (at->str);
  g_object_unref (assert_loads_and_saves (s));
  g_string_free (s, TRUE);
  s = canvas_with_note (unsorted->str);
  g_object_unref (assert_loads_and_saves (s));
  g_string_free (s, TRUE);
  s = canvas_with_note (past->str);
  assert_refused (s, "translations");
  g_string_free (s, TRUE);
}

static GString *
canvas_with_table (guint n_columns,
                   guint n_name_translations,
                   guint n_rows)
{
  GString *s = g_string_new (HEAD_VERSION ("1.0", "en", "") META
                             "<block kind=\"key-partners\"/>\n" BLOCKS_AFTER_FIRST
                             "<metrics><table id=\"t1\"><title>T</title>");

  for (guint c = 0; c < n_columns; c++)
    {
      g_string_append (s, "<column type=\"text\"><name>c</name>");
      for (guint t = 0; t < n_name_translations; t++)
        g_string_append_printf (s, "<name xml:lang=\"x-%05u\">c</name>", t);
      g_string_append (s, "</column>");
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (s, "<row>");
      for (guint c = 0; c < n_columns; c++)
        g_string_append (s, "<cell/>");
      g_string_append (s, "</row>\n");
    }
  g_string_append (s, "</table></metrics>\n</canvas>\n");
  return s;
}

static void
test_tables (void)
{
  GString *s;

  s = canvas_with_table (1, 20000, 1);
  assert_refused (s, "translations");
  g_string_free (s, TRUE);
  s = canvas_with_table (NF_CANVAS_MAX_COLUMNS, 0, 2);
  g_object_unref (assert_loads_and_saves (s));
  g_string_free (s, TRUE);
  s = canvas_with_table (NF_CANVAS_MAX_COLUMNS + 1, 0, 1);
  assert_refused (s, "columns");
  g_string_free (s, TRUE);
  s = canvas_with_table (3, 0, NF_CANVAS_MAX_ROWS);
  g_object_unref (assert_loads_and_saves (s));
  g_string_free (s, TRUE);
  s = canvas_with_table (3, 0, NF_CANVAS_MAX_ROWS + 1);
  assert_refused (s, "rows");
  g_string_free (s, TRUE);
}

static void
test_tags (void)
{
  GString *note = g_string_new ("<note id=\"n1\"><text>a</text>");
  GString *s;

  for (guint i = 0; i < NF_CANVAS_MAX_TAGS; i++)
    g_string_append_printf (note, "<tag>t%u</tag>", i);
  g_string_append (note, "</note>");
  s = canvas_with_note (note->str);
  g_object_unref (assert_loads_and_saves (s));
  g_string_free (s, TRUE);

  g_string_truncate (note, note->len - strlen ("</note>"));
  for (guint i = NF_CANVAS_MAX_TAGS; i < 10000; i++)
    g_string_append_printf (note, "<tag>t%u</tag>", i);
  g_string_append (note, "</note>");
  s = canvas_with_note (note->str);
  assert_refused (s, "tags");
  g_string_free (s, TRUE);
  g_string_free (note, TRUE);
}

/* A canvas of `n_tables` tables of `n_rows` rows of one number cell:
 * NF_CANVAS_MAX_CELLS is of all the tables together. */
static GString *
canvas_with_cells (guint n_tables,
                   guint n_rows)
{
  GString *s = g_string_new (HEAD_VERSION ("1.0", "en", "") META
                             "<block kind=\"key-partners\"/>\n" BLOCKS_AFTER_FIRST "<metrics>\n");

  for (guint t = 0; t < n_tables; t++)
    {
      g_string_append_printf (s, "<table id=\"t%u\"><title>T</title>"
                                 "<column type=\"number\"><name>c</name></column>\n", t + 1);
      for (guint r = 0; r < n_rows; r++)
        g_string_append_printf (s, "<row><cell value=\"%u\">%u</cell></row>\n", r, r);
      g_string_append (s, "</table>\n");
    }
  g_string_append (s, "</metrics>\n</canvas>\n");
  return s;
}

/* At the limit a canvas loads and saves; one cell more, in another
 * table, is refused with the file, the line of that cell and the limit. */
static void
test_cells (void)
{
  guint n_tables = NF_CANVAS_MAX_CELLS / NF_CANVAS_MAX_ROWS;
  g_autofree char *where = NULL;
  g_autofree char *limit = g_strdup_printf ("%d", NF_CANVAS_MAX_CELLS);
  g_autoptr(GError) error = NULL;
  NfCanvas *canvas;
  GString *s;

  g_assert_cmpint (NF_CANVAS_MAX_CELLS % NF_CANVAS_MAX_ROWS, ==, 0);
  s = canvas_with_cells (n_tables, NF_CANVAS_MAX_ROWS);
  g_object_unref (assert_loads_and_saves (s));
  g_string_free (s, TRUE);

  s = canvas_with_cells (n_tables, NF_CANVAS_MAX_ROWS);
  /* One more table of one row, after the last: its cell is the one over. */
  g_string_truncate (s, s->len - strlen ("</metrics>\n</canvas>\n"));
  g_string_append (s, "<table id=\"over\"><title>T</title>"
                      "<column type=\"number\"><name>c</name></column>\n"
                      "<row><cell value=\"1\">1</cell></row>\n</table>\n</metrics>\n</canvas>\n");
  assert_refused (s, "cells");
  canvas = load (s, &error);
  g_assert_null (canvas);
  /* The line of the extra table's row, the one after its start. */
  {
    const char *over = strstr (s->str, "<table id=\"over\"");
    guint line = 2;

    for (const char *p = s->str; p < over; p++)
      line += *p == '\n';
    where = g_strdup_printf ("limits.ninefold, line %u:", line);
  }
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, where));
  g_assert_nonnull (strstr (error->message, limit));
  g_string_free (s, TRUE);
}

/* Each attribute is counted once, whatever its value holds: “>” and “=”
 * inside quotes, blanks around “=”. 64 pass the count (and are then
 * refused as attributes the format does not have); 65 are over it. */
static void
test_attribute_values (void)
{
  for (guint n = NF_CANVAS_MAX_ATTRIBUTES; n <= NF_CANVAS_MAX_ATTRIBUTES + 1; n++)
    {
      GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<canvas ");
      g_autoptr(GError) error = NULL;
      g_autoptr(NfCanvas) canvas = NULL;

      /* xmlns, version and xml:lang are three of them. */
      for (guint i = 0; i + 3 < n; i++)
        g_string_append_printf (s, i % 2 ? "a%u = '>=>' " : "a%u=\"x>y=z\"\n", i);
      g_string_append (s, "xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">\n"
                          META "<block kind=\"key-partners\"/>\n" BLOCKS_AFTER_FIRST "</canvas>\n");
      canvas = load (s, &error);
      g_assert_null (canvas);
      g_test_message ("%u: %s", n, error->message);
      if (n > NF_CANVAS_MAX_ATTRIBUTES)
        g_assert_nonnull (strstr (error->message, "attributes and namespace declarations"));
      else
        g_assert_nonnull (strstr (error->message, "not part of the Ninefold format"));
      g_string_free (s, TRUE);
    }
}

/* libxml2 checks each attribute against all before it: counted first. */
static void
test_attributes (void)
{
  guint counts[] = { 200000, 1400000 };

  for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
    {
      GString *s;

      if (k == 1 && skip_huge ())
        return;
      s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<canvas ");
      for (guint i = 0; i < counts[k]; i++)
        g_string_append_printf (s, k == 0 ? "xmlns:p%u=\"urn:x\" " : "a%x='' ", i);
      g_string_append (s, "xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">\n"
                          META "<block kind=\"key-partners\"/>\n" BLOCKS_AFTER_FIRST "</canvas>\n");
      assert_refused (s, "attributes");
      g_string_free (s, TRUE);
    }
}

static void
test_extension_nodes (void)
{
  GString *s;

  if (skip_huge ())
    return;
  s = g_string_new (HEAD_VERSION ("1.4", "en", "") META "<block kind=\"key-partners\">"
                    "<note id=\"n1\"><text>a</text><future>");
  for (guint i = 0; i < 3300000; i++)
    g_string_append (s, "<x/>");
  g_string_append (s, "</future></note></block>\n" BLOCKS_AFTER_FIRST "</canvas>\n");
  assert_refused (s, "newer version");
  g_string_free (s, TRUE);
}

/* ---- extensions keep their namespace ---- */

static void
test_extension_namespace (void)
{
  g_autoptr(GString) s = g_string_new (
    HEAD_VERSION ("1.4", "en", " xmlns:x=\"urn:example:x\"")
    "<metadata><company>Limits Co</company><title>T</title>"
    "<x:title x:kind=\"a\">ext</x:title><future><x:sub>t</x:sub></future></metadata>\n"
    "<block kind=\"key-partners\"/>\n" BLOCKS_AFTER_FIRST "</canvas>\n");
  g_autoptr(NfCanvas) canvas = assert_loads_and_saves (s);
  g_autoptr(GBytes) bytes = nf_canvas_save_to_bytes (canvas, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_nonnull (strstr (text, "<x:title xmlns:x=\"urn:example:x\" x:kind=\"a\">ext</x:title>"));
  g_assert_nonnull (strstr (text, "<x:sub>t</x:sub>"));
}

/* ---- the loader and the writer agree on size ---- */

/* Under 16 MiB as written, but over it in the canonical form (each “>”
 * becomes “&gt;”): refused when loaded, since it could not be saved. */
static void
test_canonical_size (void)
{
  GString *s;
  g_autofree char *gt = NULL;

  if (skip_huge ())
    return;
  gt = g_strnfill (60000, '>');
  s = g_string_new (HEAD_VERSION ("1.0", "en", "") META "<block kind=\"key-partners\">");
  for (guint i = 0; i < 90; i++)
    g_string_append_printf (s, "<note id=\"n%u\"><text>%s</text></note>\n", i + 1, gt);
  g_string_append (s, "</block>\n" BLOCKS_AFTER_FIRST "</canvas>\n");
  g_assert_cmpuint (s->len, <, NF_CANVAS_MAX_FILE_SIZE);
  assert_refused (s, "could not be saved");
  /* A process that never writes a canvas (diff, check) reads it. */
  nf_canvas_set_loads_read_only (TRUE);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NfCanvas) canvas = load (s, &error);

    g_assert_no_error (error);
    g_assert_nonnull (canvas);
  }
  nf_canvas_set_loads_read_only (FALSE);
  assert_refused (s, "could not be saved");
  g_string_free (s, TRUE);
}

/* Blank lines after the root mean nothing; libxml2 alone refuses more
 * than 10 MB of them ("Huge input lookup"). */
static void
test_trailing_newlines (void)
{
  GString *s = canvas_with_note ("<note id=\"n1\"><text>a</text></note>");

  if (skip_huge ())
    {
      g_string_free (s, TRUE);
      return;
    }
  for (guint i = 0; i < 12 * 1000 * 1000; i++)
    g_string_append_c (s, '\n');
  g_object_unref (assert_loads_and_saves (s));
  g_string_free (s, TRUE);
}

/* The size check of a large file counts the canonical bytes without
 * making them, and without working out the version they would declare
 * (always "1.N", the length of the one read): the count is the length of
 * the bytes a save makes, also when the save declares a newer version
 * than the file did. */
static void
test_canonical_count (void)
{
  GString *s = canvas_with_note ("<note id=\"n1\"><text>a &gt; b &amp; “c”</text><tag>t</tag></note>"
                                 "<note id=\"n2\"><text>b</text></note>");
  g_autoptr(NfCanvas) canvas = assert_loads_and_saves (s);
  g_autoptr(GBytes) bytes = NULL;

  g_string_free (s, TRUE);
  bytes = _nf_canvas_serialize (canvas, NULL);
  g_assert_cmpuint (_nf_canvas_canonical_size (canvas), ==, g_bytes_get_size (bytes));
  /* "reported" came in 1.1: the save says so; the count's length holds. */
  nf_canvas_set_note_evidence (canvas, nf_canvas_find_note (canvas, "n2", NULL, NULL),
                               NF_EVIDENCE_REPORTED);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = _nf_canvas_serialize (canvas, NULL);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), -1, "version=\"1.1\""));
  g_assert_cmpuint (_nf_canvas_canonical_size (canvas), ==, g_bytes_get_size (bytes));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile-limits/characters/refused", test_refused_characters);
  g_test_add_func ("/hostile-limits/characters/cleaned", test_cleaned_characters);
  g_test_add_func ("/hostile-limits/language/long", test_long_language);
  g_test_add_func ("/hostile-limits/translations", test_translations);
  g_test_add_func ("/hostile-limits/tables", test_tables);
  g_test_add_func ("/hostile-limits/tags", test_tags);
  g_test_add_func ("/hostile-limits/attributes", test_attributes);
  g_test_add_func ("/hostile-limits/attributes/values", test_attribute_values);
  g_test_add_func ("/hostile-limits/cells", test_cells);
  g_test_add_func ("/hostile-limits/extension/nodes", test_extension_nodes);
  g_test_add_func ("/hostile-limits/extension/namespace", test_extension_namespace);
  g_test_add_func ("/hostile-limits/canonical-size", test_canonical_size);
  g_test_add_func ("/hostile-limits/canonical-count", test_canonical_count);
  g_test_add_func ("/hostile-limits/trailing-newlines", test_trailing_newlines);
  return g_test_run ();
}
