/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <ninefold.h>

#include "nf-export-sheet.h"
#include "nf-module-private.h"
#include "nf-stderr-hold-private.h"

/* Spreadsheets are read back as a third party would: CSV with Python's
 * csv module, XLSX unzipped and its sheet XML read. */

static const char csv_read[] =
  "import csv, sys\n"
  "rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))\n"
  "sys.stdout.write('\\x1e'.join('\\x1f'.join(r) for r in rows))\n";

static char *
run_python (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer) "python3");
  g_ptr_array_add (argv, (gpointer) "-c");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error))
    g_error ("python3: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3 failed: %s", err);
  return out;
}

/* A table whose cells hold every kind of trouble for CSV. */
static NfCanvas *
hostile_canvas (void)
{
  NfCanvas *canvas = nf_canvas_new ();
  g_autoptr(NfText) title = nf_text_new ("Figures, \"quoted\"");
  g_autoptr(NfMetricTable) table = nf_metric_table_new ("t1", title);
  g_autoptr(NfText) label = nf_text_new ("Label");
  g_autoptr(NfText) revenue = nf_text_new ("Revenue");
  g_autoptr(NfText) share = nf_text_new ("Share");
  g_autoptr(NfText) cars = nf_text_new ("Cars");
  const char *row1[] = { "Acme, Inc.", "$9.5 million", "15%", "6,000", NULL };
  const char *row2[] = { "say \"hi\"", "12", "7.5%", "约200辆", NULL };
  const char *row3[] = { "two\nlines", "n/a", "", " 3 ", NULL };
  const char *row4[] = { "数跑科技：“引号”", "2,235.1万", "85%", "21", NULL };

  nf_canvas_set_company (canvas, "Acme");
  nf_canvas_set_title (canvas, "Acme's figures");
  g_assert_true (nf_canvas_insert_table (canvas, 0, table, NULL));
  nf_canvas_insert_table_column (canvas, table, 0, label, NF_COLUMN_TEXT, NULL);
  nf_canvas_insert_table_column (canvas, table, 1, revenue, NF_COLUMN_MONEY, "USD");
  nf_canvas_insert_table_column (canvas, table, 2, share, NF_COLUMN_PERCENT, NULL);
  nf_canvas_insert_table_column (canvas, table, 3, cars, NF_COLUMN_COUNT, "cars");
  nf_canvas_insert_table_row (canvas, table, 0, row1);
  nf_canvas_insert_table_row (canvas, table, 1, row2);
  nf_canvas_insert_table_row (canvas, table, 2, row3);
  nf_canvas_insert_table_row (canvas, table, 3, row4);
  return canvas;
}

static void
test_csv_read_back (void)
{
  g_autoptr(NfCanvas) canvas = hostile_canvas ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nf-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) rows = NULL;
  g_auto(GStrv) paths = NULL;

  g_assert_no_error (error);
  paths = nf_export_csv_paths (canvas, NULL, path);
  g_assert_cmpuint (g_strv_length (paths), ==, 1);
  g_assert_cmpstr (paths[0], ==, path);  /* one table: OUT itself */
  g_assert_true (nf_export_csv (canvas, NULL, path, NULL, &error));
  g_assert_no_error (error);
  text = run_python ((const char *[]) { csv_read, path, NULL });
  rows = g_strsplit (text, "\x1e", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, 5);
  g_assert_cmpstr (rows[0], ==, "Label\x1fRevenue [USD]\x1fRevenue (as written)\x1fShare\x1f"
                                "Cars [cars]\x1f" "Cars (as written)");
  /* Figures as plain numbers, the text beside where it says more. */
  g_assert_cmpstr (rows[1], ==, "Acme, Inc.\x1f" "9500000\x1f$9.5 million\x1f" "15%\x1f" "6000\x1f");
  g_assert_cmpstr (rows[2], ==, "say \"hi\"\x1f" "12\x1f\x1f" "7.5%\x1f" "200\x1f约200辆");
  g_assert_cmpstr (rows[3], ==, "two\nlines\x1fn/a\x1f\x1f\x1f" "3\x1f");
  g_assert_cmpstr (rows[4], ==, "数跑科技：“引号”\x1f" "22351000\x1f" "2,235.1万\x1f" "85%\x1f" "21\x1f");

  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);  /* nothing else left beside it */
}

/* Several tables: one CSV each, named for them, and in English. */
static void
test_csv_per_table (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (3, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nf-csv-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "shupao.csv", NULL);
  g_auto(GStrv) paths = nf_export_csv_paths (canvas, "en", path);
  guint n = g_list_model_get_n_items (nf_canvas_get_tables (canvas));

  g_assert_cmpuint (g_strv_length (paths), ==, n);
  g_assert_true (g_str_has_suffix (paths[0], "shupao-1-company-figures.csv"));
  {
    /* A title without Latin letters names the file by the table's id. */
    g_auto(GStrv) as_written = nf_export_csv_paths (canvas, NULL, path);

    g_assert_true (g_str_has_suffix (as_written[0], "shupao-1-t1.csv"));
  }
  g_assert_true (nf_export_csv (canvas, "en", path, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *text = run_python ((const char *[]) { csv_read, paths[i], NULL });

      if (i == 0)
        g_assert_true (g_str_has_prefix (text, "Metric\x1fValue\x1fValue (as written)\x1e"
                                               "Team size\x1f" "200\x1fnearly 200 people"));
      g_unlink (paths[i]);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static const char xlsx_check[] =
  "import re, sys, zipfile\n"
  "z = zipfile.ZipFile(sys.argv[1])\n"
  "book = z.read('xl/workbook.xml').decode()\n"
  "names = re.findall(r'<sheet name=\"([^\"]*)\"', book)\n"
  "styles = z.read('xl/styles.xml').decode()\n"
  "fmts = dict(re.findall(r'<numFmt numFmtId=\"(\\d+)\" formatCode=\"([^\"]*)\"', styles))\n"
  "xfs = re.findall(r'<xf numFmtId=\"(\\d+)\"', styles.split('<cellXfs')[1])\n"
  "sheet = z.read('xl/worksheets/sheet1.xml').decode()\n"
  "cells = re.findall(r'<c r=\"([A-Z]+\\d+)\"(?: s=\"(\\d+)\")?( t=\"s\")?><v>([^<]*)</v>', sheet)\n"
  "out = []\n"
  "for ref, s, shared, v in cells:\n"
  "    if shared: continue\n"
  "    out.append('%s=%s|%s' % (ref, v, fmts.get(xfs[int(s or 0)], xfs[int(s or 0)])))\n"
  "print(len(names), names[0])\n"
  "print('\\n'.join(out))\n";

static void
test_xlsx_numbers (void)
{
  g_autoptr(NfCanvas) canvas = hostile_canvas ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nf-xlsx-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  /* libxlsxwriter comes from its module, opened by the first spreadsheet
   * (this test's; the CSV tests before it need none). */
  g_assert_false (_nf_module_is_open ("ninefold-xlsx"));
  g_assert_true (nf_export_xlsx (canvas, NULL, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (_nf_module_is_open ("ninefold-xlsx"));
  text = run_python ((const char *[]) { xlsx_check, path, NULL });
  g_test_message ("%s", text);
  /* One sheet, named for the table; numbers with their unit in the format. */
  g_assert_true (g_str_has_prefix (text, "1 Figures, \"quoted\"\n") ||
                 g_str_has_prefix (text, "1 Figures, &quot;quoted&quot;\n"));
  g_assert_nonnull (strstr (text, "\nB2=9500000|#,##0 &quot;USD&quot;\n"));
  g_assert_nonnull (strstr (text, "\nD2=0.15|0%\n"));
  g_assert_nonnull (strstr (text, "\nD3=0.075|0.0#%\n"));
  g_assert_nonnull (strstr (text, "\nE2=6000|#,##0 &quot;cars&quot;\n"));
  g_assert_nonnull (strstr (text, "\nB5=22351000|#,##0 &quot;USD&quot;\n"));
  /* A cell that is no number stays text: no numeric B4. */
  g_assert_null (strstr (text, "\nB4="));

  /* Written again over itself: replaced, nothing left beside it. */
  g_assert_true (nf_export_xlsx (canvas, NULL, path, NULL, &error));
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_xlsx_cases_and_compare (void)
{
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nf-xlsx-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);

  for (guint i = 0; i < 4; i++)
    {
      NfCanvas *canvas = nf_canvas_load_case (i, NULL);
      g_autofree char *text = NULL;
      g_autofree char *first = NULL;

      g_ptr_array_add (canvases, canvas);
      g_assert_true (nf_export_xlsx (canvas, "en", path, NULL, &error));
      g_assert_no_error (error);
      text = run_python ((const char *[]) { xlsx_check, path, NULL });
      first = g_strdup_printf ("%u ", g_list_model_get_n_items (nf_canvas_get_tables (canvas)));
      g_assert_true (g_str_has_prefix (text, first));
    }
  g_assert_true (nf_export_compare_xlsx ((NfCanvas **) canvases->pdata, 4, NULL, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (nf_export_compare_csv ((NfCanvas **) canvases->pdata, 4, "en", csv, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = run_python ((const char *[]) { csv_read, csv, NULL });

    g_assert_true (g_str_has_prefix (text, "Table\x1fMetric\x1f"));
    g_assert_nonnull (strstr (text, "Shupao Technology (as written)"));
  }
  /* The sheet's own words in the language asked for. */
  g_assert_true (nf_export_compare_csv ((NfCanvas **) canvases->pdata, 4, "zh-CN", csv, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = run_python ((const char *[]) { csv_read, csv, NULL });

    g_assert_false (g_str_has_prefix (text, "Table\x1f"));
    g_assert_null (strstr (text, "(as written)"));
  }
  g_unlink (path);
  g_unlink (csv);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* While standard error is held for libxlsxwriter, its "[ERROR]" lines
 * are dropped and anything else written meanwhile is passed on, in order,
 * after what came before the hold. */
static void
test_stderr_hold (void)
{
  if (g_test_subprocess ())
    {
      static const char * const drop[] = { "[ERROR]", "[WARNING]", NULL };
      NfStderrHold *hold;

      fprintf (stderr, "before\n");
      hold = _nf_stderr_hold_begin ();
      fprintf (stderr, "[ERROR][packager.c:1541]: Error in closing member\n");
      fprintf (stderr, "a warning of another thread\n");
      fprintf (stderr, "[WARNING] something\n");
      _nf_stderr_hold_end (hold, drop);
      fprintf (stderr, "after\n");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*ERROR*");
  g_test_trap_assert_stderr_unmatched ("*WARNING*");
  g_test_trap_assert_stderr ("before\na warning of another thread\nafter\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export-sheet/csv-read-back", test_csv_read_back);
  g_test_add_func ("/export-sheet/stderr-hold", test_stderr_hold);
  g_test_add_func ("/export-sheet/csv-per-table", test_csv_per_table);
  g_test_add_func ("/export-sheet/xlsx-numbers", test_xlsx_numbers);
  g_test_add_func ("/export-sheet/xlsx-cases-and-compare", test_xlsx_cases_and_compare);
  return g_test_run ();
}
