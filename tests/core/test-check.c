/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <ninefold.h>

static NfCanvas *
load_check (const char *name,
            char      **out_dir)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "check", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  NfCanvas *canvas = nf_canvas_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  if (out_dir)
    *out_dir = g_path_get_dirname (path);
  return canvas;
}

/* The finding of that kind about that subject, or NULL. */
static NfCheckFinding *
find (GPtrArray   *findings,
      NfCheckKind  kind,
      const char  *subject)
{
  for (guint i = 0; i < findings->len; i++)
    {
      NfCheckFinding *finding = findings->pdata[i];

      if (finding->kind == kind && g_str_equal (finding->subject, subject))
        return finding;
    }
  return NULL;
}

static void
test_flawed (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(NfCanvas) canvas = load_check ("flawed.ninefold", &dir);
  const char *dirs[] = { dir, NULL };
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GPtrArray) findings = nf_check_canvas (canvas, dirs, &infos);
  NfCheckFinding *f;

  g_assert_cmpuint (infos->len, ==, 0);
  /* (a) one measure, two values: named with the other side */
  f = find (findings, NF_CHECK_CONFLICT, "n1");
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (f->message, "n2"));
  g_assert_nonnull (strstr (f->message, "200,000"));
  /* (b) parts against a total a note states, and against a total row */
  f = find (findings, NF_CHECK_TOTAL, "t1");
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (f->message, "n5"));
  g_assert_nonnull (strstr (f->message, "$2.8 million"));
  g_assert_nonnull (find (findings, NF_CHECK_TOTAL, "t2 row 3"));
  /* (c) a number its line lacks, (d) one on the next line */
  f = find (findings, NF_CHECK_NOT_CITED, "n3");
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (f->message, "$12 million"));
  f = find (findings, NF_CHECK_WRONG_LINE, "n4");
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (f->message, "line 7"));
  g_assert_nonnull (find (findings, NF_CHECK_WRONG_LINE, "t2 row 2"));
  g_assert_null (find (findings, NF_CHECK_NOT_CITED, "n1"));
  g_assert_null (find (findings, NF_CHECK_WRONG_LINE, "n1"));
  /* (e) a unit and a currency the column drops */
  g_assert_nonnull (find (findings, NF_CHECK_KIND_DROPPED, "t2 row 1"));
  g_assert_nonnull (find (findings, NF_CHECK_KIND_DROPPED, "t2 row 2"));
  g_assert_null (find (findings, NF_CHECK_KIND_DROPPED, "t1 row 1"));
  /* (f) a note citing nothing */
  g_assert_nonnull (find (findings, NF_CHECK_NO_SOURCE, "n6"));
  g_assert_null (find (findings, NF_CHECK_NO_SOURCE, "n1"));
}

static void
test_clean (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(NfCanvas) canvas = load_check ("clean.ninefold", &dir);
  const char *dirs[] = { dir, NULL };
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GPtrArray) findings = nf_check_canvas (canvas, dirs, &infos);

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s: %s", ((NfCheckFinding *) findings->pdata[i])->subject,
                    ((NfCheckFinding *) findings->pdata[i])->message);
  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_cmpuint (infos->len, ==, 0);
}

/* Without the source file the citations go unchecked, and it is said. */
static void
test_source_missing (void)
{
  g_autoptr(NfCanvas) canvas = load_check ("flawed.ninefold", NULL);
  const char *dirs[] = { "/nonexistent-ninefold-dir", NULL };
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GPtrArray) findings = nf_check_canvas (canvas, dirs, &infos);

  g_assert_cmpuint (infos->len, ==, 1);
  g_assert_nonnull (strstr (infos->pdata[0], "source.md"));
  g_assert_null (find (findings, NF_CHECK_NOT_CITED, "n3"));
  g_assert_null (find (findings, NF_CHECK_WRONG_LINE, "n4"));
  g_assert_nonnull (find (findings, NF_CHECK_CONFLICT, "n1"));
}

static guint
count_unmarked (GPtrArray *findings)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += !((NfCheckFinding *) findings->pdata[i])->marked;
  return n;
}

/* A page that contradicts itself: the same measure under other words
 * ("skilled workers" and "support agents" are both the company's people;
 * "leases generated revenues" and "leasing fees" one revenue), a total a
 * note states that the table's rows do not make, and a row citing the
 * wrong line of its own. Ranges of lines hold figures of two lines. */
static void
test_contradictions (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(NfCanvas) canvas = load_check ("contradict.ninefold", &dir);
  const char *dirs[] = { dir, NULL };
  g_autoptr(GPtrArray) findings = nf_check_canvas (canvas, dirs, NULL);
  NfCheckFinding *f;
  NfNote *n6 = nf_canvas_find_note (canvas, "n6", NULL, NULL);

  f = find (findings, NF_CHECK_CONFLICT, "n1");
  g_assert_nonnull (f);
  g_assert_cmpstr (f->other, ==, "n2");
  g_assert_false (f->marked);
  f = find (findings, NF_CHECK_CONFLICT, "n3");
  g_assert_nonnull (f);
  g_assert_cmpstr (f->other, ==, "n4");
  f = find (findings, NF_CHECK_TOTAL, "t1");
  g_assert_nonnull (f);
  g_assert_cmpstr (f->other, ==, "n5");
  g_assert_nonnull (strstr (f->message, "$2.3 million"));
  /* The row's own cite is checked, closely: line 9 has not $800,000. */
  f = find (findings, NF_CHECK_WRONG_LINE, "t1 row 2");
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (f->message, "line 10"));
  g_assert_null (find (findings, NF_CHECK_WRONG_LINE, "t1 row 1"));
  /* 4.5 stars on line 11, 2023 on line 12: the range holds both. */
  g_assert_null (find (findings, NF_CHECK_WRONG_LINE, "n6"));
  g_assert_null (find (findings, NF_CHECK_NOT_CITED, "n6"));
  g_assert_cmpuint (count_unmarked (findings), ==, findings->len);

  /* Cited as one line, the second figure is elsewhere. */
  nf_canvas_set_note_cite (canvas, n6, "s1", 11);
  {
    g_autoptr(GPtrArray) again = nf_check_canvas (canvas, dirs, NULL);

    g_assert_nonnull (find (again, NF_CHECK_WRONG_LINE, "n6"));
  }
}

/* The same canvas with the conflicts marked (either side's mark will do,
 * a mark on a table covers its total) and the row citing its line: the
 * conflicts are said as marked, and what is left is the merge's. */
static void
test_marked (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(NfCanvas) canvas = load_check ("marked.ninefold", &dir);
  const char *dirs[] = { dir, NULL };
  g_autoptr(GPtrArray) findings = nf_check_canvas (canvas, dirs, NULL);
  NfCheckFinding *f;
  NfNote *n2 = nf_canvas_find_note (canvas, "n2", NULL, NULL);

  f = find (findings, NF_CHECK_CONFLICT, "n1");
  g_assert_nonnull (f);
  g_assert_true (f->marked);
  f = find (findings, NF_CHECK_CONFLICT, "n3");
  g_assert_nonnull (f);
  g_assert_true (f->marked);
  f = find (findings, NF_CHECK_TOTAL, "t1");
  g_assert_nonnull (f);
  g_assert_true (f->marked);
  g_assert_null (find (findings, NF_CHECK_WRONG_LINE, "t1 row 2"));
  /* An unresolved merge is a finding, naming the other version. */
  f = find (findings, NF_CHECK_MERGE, "n6");
  g_assert_nonnull (f);
  g_assert_cmpstr (f->other, ==, "n7");
  g_assert_false (f->marked);

  /* Unmarking makes it a finding again. */
  nf_canvas_remove_note_conflict (canvas, n2, "n1");
  {
    g_autoptr(GPtrArray) again = nf_check_canvas (canvas, dirs, NULL);

    g_assert_false (find (again, NF_CHECK_CONFLICT, "n1")->marked);
  }
}

static void
test_subject_id (void)
{
  guint row = 99;
  g_autofree char *a = nf_check_subject_id ("t3 row 2", &row);
  g_autofree char *b = NULL;

  g_assert_cmpstr (a, ==, "t3");
  g_assert_cmpuint (row, ==, 2);
  b = nf_check_subject_id ("n35", &row);
  g_assert_cmpstr (b, ==, "n35");
  g_assert_cmpuint (row, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/check/flawed", test_flawed);
  g_test_add_func ("/check/clean", test_clean);
  g_test_add_func ("/check/source-missing", test_source_missing);
  g_test_add_func ("/check/contradictions", test_contradictions);
  g_test_add_func ("/check/marked", test_marked);
  g_test_add_func ("/check/subject-id", test_subject_id);
  return g_test_run ();
}
