/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line against hostile or careless use: writing over its own
 * input, standard output on a full disk, control characters in names and
 * files, bad option values, and differences no figure can say. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <ninefold.h>

#include "nf-test-cli.h"

#ifdef G_OS_UNIX
#include <unistd.h>
#endif

static const char write_up[] =
  "# Prose Co\n\n## Key Partners\n\n- Suppliers of parts\n\n"
  "## Value Propositions\n\n- Cheap and fast\n\n## Customer Segments\n\n- Small shops\n";

static char *
canvas_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "resources", "cases",
                                "000-bitauto.ninefold", NULL);
}

static void
assert_file_is (const char *path,
                const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

/* `export prose.md -o prose.md` would put generated Markdown in place of
 * what someone wrote: refused, under any name for the same file. */
static void
test_export_over_input (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nf-cli-hostile-XXXXXX", NULL);
  g_autofree char *prose = g_build_filename (dir, "prose.md", NULL);
  g_autofree char *link = g_build_filename (dir, "link.md", NULL);
  g_autofree char *out = g_build_filename (dir, "other.md", NULL);

  g_assert_true (g_file_set_contents (prose, write_up, -1, NULL));
  {
    g_autoptr(NfTestRun) run = NF_RUN ("export", prose, "-o", prose);

    g_assert_cmpint (run->status, ==, 2);
    g_assert_nonnull (strstr (run->err, "prose.md"));
    g_assert_nonnull (strstr (run->err, "another name"));
    assert_file_is (prose, write_up);
  }
#ifdef G_OS_UNIX
  g_assert_cmpint (symlink ("prose.md", link), ==, 0);
  {
    g_autoptr(NfTestRun) run = NF_RUN ("export", prose, "-o", link);

    g_assert_cmpint (run->status, ==, 2);
    assert_file_is (prose, write_up);
  }
#endif
  {
    g_autoptr(NfTestRun) run = NF_RUN ("convert", prose, "-o", prose);

    g_assert_cmpint (run->status, ==, 2);
    g_assert_nonnull (strstr (run->err, "write-up"));
    assert_file_is (prose, write_up);
  }
  {
    g_autoptr(NfTestRun) run = NF_RUN ("export", prose, "-o", out);

    g_assert_cmpint (run->status, ==, 0);
  }
  g_unlink (prose);
  g_unlink (link);
  g_unlink (out);
  g_rmdir (dir);
}

/* A failed write of standard output is a failure, said as one. */
static void
test_stdout_full (void)
{
  g_autofree char *canvas = canvas_path ();

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full here");
      return;
    }
  {
    g_autoptr(NfTestRun) run = NF_RUN_TO ("/dev/full", "info", canvas);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->err, "standard output"));
  }
  {
    g_autoptr(NfTestRun) run = NF_RUN_TO ("/dev/full", "validate", canvas);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_nonnull (strstr (run->err, "standard output"));
  }
  {
    g_autoptr(NfTestRun) run = NF_RUN_TO ("/dev/full", "convert", canvas, "-o", "-");

    g_assert_cmpint (run->status, ==, 1);
  }
}

/* No control character reaches the terminal raw: not from a file's name,
 * not from a write-up's text. */
static void
test_control_characters (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nf-cli-hostile-XXXXXX", NULL);
  g_autofree char *named = g_build_filename (dir, "red\x1b[31m\xc2\x9b" "2J.ninefold", NULL);
  g_autofree char *prose = g_build_filename (dir, "prose.md", NULL);
  g_autofree char *hostile = g_strdup_printf ("# Prose \x1b[2J Co\xc2\x9b" "31m\n\n%s",
                                              write_up + strlen ("# Prose Co\n\n"));
  g_autofree char *canvas = canvas_path ();
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (canvas, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (named, contents, length, NULL));
  g_assert_true (g_file_set_contents (prose, hostile, -1, NULL));
  {
    g_autoptr(NfTestRun) run = NF_RUN ("validate", named);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_null (strchr (run->out, '\x1b'));
    g_assert_null (strstr (run->out, "\xc2\x9b"));
    g_assert_nonnull (strstr (run->out, "\\u001B[31m"));
  }
  {
    g_autoptr(NfTestRun) run = NF_RUN ("info", prose);

    g_assert_cmpint (run->status, ==, 0);
    g_assert_null (strchr (run->out, '\x1b'));
    g_assert_null (strstr (run->out, "\xc2\x9b"));
  }
  {
    g_autofree char *missing = g_build_filename (dir, "gone\x1b]0;x\x07.ninefold", NULL);
    g_autoptr(NfTestRun) run = NF_RUN ("validate", missing);

    g_assert_cmpint (run->status, ==, 1);
    g_assert_null (strchr (run->err, '\x1b'));
    g_assert_null (strchr (run->err, '\x07'));
  }
  {
    /* A right-to-left override shows "evil\u202Eenifn.txt" as a name ending
     * otherwise on a terminal that honours it. */
    g_autofree char *spoof = g_build_filename (dir, "evil\xe2\x80\xae" "txt.ninefold", NULL);
    g_autoptr(NfTestRun) run = NULL;

    g_assert_true (g_file_set_contents (spoof, contents, length, NULL));
    run = NF_RUN ("validate", spoof);
    g_assert_cmpint (run->status, ==, 0);
    g_assert_null (strstr (run->out, "\xe2\x80\xae"));
    g_assert_nonnull (strstr (run->out, "\\u202E"));
    g_unlink (spoof);
  }
  g_unlink (named);
  g_unlink (prose);
  g_rmdir (dir);
}

/* Citations of long ranges: the format allows 100,000 lines a range, and
 * 100,000 notes citing such ranges hung `check`, which read each line
 * again for each note. The check reads a bounded number of lines and says
 * that the rest were not checked. */
static void
test_check_cite_ranges (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nf-cli-hostile-XXXXXX", NULL);
  g_autofree char *seed = g_build_filename (dir, "seed.txt", NULL);
  g_autofree char *canvas = g_build_filename (dir, "ranges.ninefold", NULL);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GString) xml = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.2\" xml:lang=\"en\">"
    "<metadata><company>Ranges</company><title>T</title></metadata>"
    "<sources><source id=\"s1\"><title>S</title><address>seed.txt</address></source></sources>"
    "<block kind=\"key-partners\">");
  g_autoptr(NfTestRun) run = NULL;

  for (guint i = 1; i <= 2000; i++)
    g_string_append_printf (lines, "Line %u says nothing of staff.\n", i);
  for (guint i = 1; i <= 400; i++)
    g_string_append_printf (xml, "<note id=\"n%u\"><text>We had 5,000 staff.</text>"
                                 "<cite source=\"s1\" line=\"1-2000\"/></note>", i);
  g_string_append (xml, "</block>");
  for (guint b = 1; b < NF_N_BLOCKS; b++)
    g_string_append_printf (xml, "<block kind=\"%s\"/>", nf_block_to_xml ((NfBlock) b));
  g_string_append (xml, "</canvas>");
  g_assert_true (g_file_set_contents (seed, lines->str, (gssize) lines->len, NULL));
  g_assert_true (g_file_set_contents (canvas, xml->str, (gssize) xml->len, NULL));
  run = NF_RUN ("check", canvas, "--sources", dir);
  /* The first notes are checked (5 is on none of their lines) … */
  g_assert_nonnull (strstr (run->out, "n1: "));
  g_assert_null (strstr (run->out, "n400: "));
  /* … and the check says where it stopped. */
  g_assert_nonnull (strstr (run->err, "not checked"));
  g_unlink (seed);
  g_unlink (canvas);
  g_rmdir (dir);
}

/* Bad option values are refused, naming the option. */
static void
test_option_values (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nf-cli-hostile-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "one.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "deck.pdf", NULL);
  g_autofree char *canvas = canvas_path ();
  struct { const char *option; const char *value; const char *out; } cases[] = {
    { "--dpi", "0", png },
    { "--dpi", "-3", png },
    { "--dpi", "5000", png },
    { "--title", "\xff\xfe", pdf },
    { "--title", "a\x01z", pdf },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NfTestRun) run = NF_RUN ("export", canvas, "-o", cases[i].out, cases[i].option,
                                cases[i].value);

      g_assert_cmpint (run->status, ==, 2);
      g_assert_nonnull (strstr (run->err, cases[i].option));
      g_assert_false (g_file_test (cases[i].out, G_FILE_TEST_EXISTS));
    }
  g_rmdir (dir);
}

static char *
metric_canvas (const char *dir,
               const char *value)
{
  g_autofree char *name = g_strdup_printf ("m%s.ninefold", value);
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">\n"
    "<metadata><company>Metric Co</company><title>T</title></metadata>\n"
    "<block kind=\"key-partners\"/><block kind=\"key-activities\"/>"
    "<block kind=\"key-resources\"/><block kind=\"value-propositions\"/>"
    "<block kind=\"customer-relationships\"/><block kind=\"channels\"/>"
    "<block kind=\"customer-segments\"/><block kind=\"cost-structure\"/>"
    "<block kind=\"revenue-streams\"/>\n"
    "<metrics><table id=\"t1\" block=\"revenue-streams\"><title>Money</title>"
    "<column type=\"number\"><name>N</name></column>"
    "<row metric=\"revenue\"><cell value=\"%s\">%s</cell></row></table></metrics>\n"
    "</canvas>\n", value, value);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* A ratio to zero and a difference past a double's range print no figure
 * (“×inf”, “+—”): the figures themselves are shown. */
static void
test_diff_without_figures (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nf-cli-hostile-XXXXXX", NULL);
  g_autofree char *zero = metric_canvas (dir, "0");
  g_autofree char *five = metric_canvas (dir, "5");
  g_autofree char *big = metric_canvas (dir, "1e308");
  g_autofree char *small = metric_canvas (dir, "-1e308");

  {
    g_autoptr(NfTestRun) run = NF_RUN ("diff", zero, five);

    g_assert_nonnull (strstr (run->out, "0 | 5"));
    g_assert_null (strstr (run->out, "inf"));
  }
  {
    g_autoptr(NfTestRun) run = NF_RUN ("diff", big, small);

    g_assert_nonnull (strstr (run->out, "1e308 | -1e308"));
    g_assert_null (strstr (run->out, "—"));
    g_assert_null (strstr (run->out, "inf"));
  }
  g_unlink (zero);
  g_unlink (five);
  g_unlink (big);
  g_unlink (small);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!nf_test_cli_init (argc, argv))
    return 1;

  g_test_add_func ("/cli-hostile/export-over-input", test_export_over_input);
  g_test_add_func ("/cli-hostile/stdout-full", test_stdout_full);
  g_test_add_func ("/cli-hostile/control-characters", test_control_characters);
  g_test_add_func ("/cli-hostile/option-values", test_option_values);
  g_test_add_func ("/cli-hostile/diff-without-figures", test_diff_without_figures);
  g_test_add_func ("/cli-hostile/check-cite-ranges", test_check_cite_ranges);
  return g_test_run ();
}
