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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/check/flawed", test_flawed);
  g_test_add_func ("/check/clean", test_clean);
  g_test_add_func ("/check/source-missing", test_source_missing);
  return g_test_run ();
}
