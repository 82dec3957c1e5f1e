/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <ninefold.h>

#include "nf-check-private.h"
#include "nf-i18n-private.h"
#include "nf-check-figures-private.h"

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
  /* A rating and revenue make no sum: the "Total" below them is not
   * held to one. */
  g_assert_null (find (findings, NF_CHECK_TOTAL, "t2 row 3"));
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

  NfCheckFinding *missing = find (findings, NF_CHECK_SOURCE_MISSING, "s1");

  /* Not silence: a finding that names the file. */
  g_assert_cmpuint (infos->len, ==, 0);
  g_assert_nonnull (missing);
  g_assert_nonnull (strstr (missing->message, "source.md"));
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


#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.3\" xml:lang=\"%s\">\n" \
  "<metadata><company>C</company><title>C</title></metadata>\n"
#define EMPTY_BLOCKS \
  "<block kind=\"key-activities\"/><block kind=\"key-resources\"/>" \
  "<block kind=\"value-propositions\"/><block kind=\"customer-relationships\"/>" \
  "<block kind=\"channels\"/><block kind=\"customer-segments\"/><block kind=\"cost-structure\"/>" \
  "<block kind=\"revenue-streams\"/>"

/* Notes, one a text, in Key Partners, then `metrics` (may be ""). */
static NfCanvas *
canvas_of (const char         *lang,
           const char * const *texts,
           const char         *metrics)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  NfCanvas *canvas;

  g_string_append_printf (xml, HEAD, lang);
  g_string_append (xml, "<block kind=\"key-partners\">");
  for (guint i = 0; texts[i]; i++)
    g_string_append_printf (xml, "<note id=\"n%u\"><text>%s</text></note>", i + 1, texts[i]);
  g_string_append (xml, "</block>" EMPTY_BLOCKS);
  g_string_append (xml, metrics);
  g_string_append (xml, "</canvas>\n");
  canvas = nf_canvas_load_from_data (xml->str, xml->len, "test.ninefold", &error);
  g_assert_no_error (error);
  return canvas;
}

static gboolean
has_conflict (GPtrArray  *findings,
              const char *a,
              const char *b)
{
  for (guint i = 0; i < findings->len; i++)
    {
      NfCheckFinding *f = findings->pdata[i];

      if (f->kind == NF_CHECK_CONFLICT &&
          ((g_str_equal (f->subject, a) && g_strcmp0 (f->other, b) == 0) ||
           (g_str_equal (f->subject, b) && g_strcmp0 (f->other, a) == 0)))
        return TRUE;
    }
  return FALSE;
}

/* A whole and a qualified part of it counted in one noun ("82 automakers
 * in China", "agreements with 63 automakers") are two measures; the same
 * measure stated twice with different values is still a conflict. */
static void
test_part_of_whole (void)
{
  static const char * const en[] = {
    "About 500 dealers in the region.",
    "It has signed agreements with 120 dealers.",
    "900 dealers in the network.",
    "Agreements with 300 dealers.",
    NULL
  };
  static const char * const zh[] = {
    "全国约300家经销商。",
    "签约的有120家经销商。",
    "共600家经销商。",
    "其中80家经销商。",
    NULL
  };
  g_autoptr(NfCanvas) english = canvas_of ("en", en, "");
  g_autoptr(NfCanvas) chinese = canvas_of ("zh", zh, "");
  g_autoptr(GPtrArray) found_en = nf_check_canvas (english, NULL, NULL);
  g_autoptr(GPtrArray) found_zh = nf_check_canvas (chinese, NULL, NULL);

  for (guint i = 0; i < found_zh->len; i++)
    g_test_message ("%s: %s", ((NfCheckFinding *) found_zh->pdata[i])->subject,
                    ((NfCheckFinding *) found_zh->pdata[i])->message);
  /* The whole against a part: not one measure. */
  g_assert_false (has_conflict (found_en, "n1", "n2"));
  g_assert_false (has_conflict (found_en, "n3", "n2"));
  g_assert_false (has_conflict (found_zh, "n1", "n2"));
  g_assert_false (has_conflict (found_zh, "n1", "n4"));
  g_assert_false (has_conflict (found_zh, "n2", "n4"));
  /* The whole stated twice, and the part stated twice. */
  g_assert_true (has_conflict (found_en, "n1", "n3"));
  g_assert_true (has_conflict (found_en, "n2", "n4"));
  g_assert_true (has_conflict (found_zh, "n1", "n3"));
}

/* Chinese words of one family are one measure, as English ones are:
 * 员工 and 人员 count people, 汽车 and 车辆 (and vehicles) cars. */
static void
test_chinese_families (void)
{
  static const char * const zh[] = {
    "公司有200名员工。", "团队共600名人员。", "卖出6000辆汽车。", "共售出20000台车辆。",
    "Sold 1,000 vehicles.", NULL
  };
  g_autoptr(NfCanvas) canvas = canvas_of ("zh", zh, "");
  g_autoptr(GPtrArray) findings = nf_check_canvas (canvas, NULL, NULL);

  g_assert_true (has_conflict (findings, "n1", "n2"));
  g_assert_true (has_conflict (findings, "n3", "n4"));
  g_assert_true (has_conflict (findings, "n4", "n5"));
  /* People are not cars. */
  g_assert_false (has_conflict (findings, "n1", "n3"));
}

/* Chinese measure words of any length meet their family: 用户数 and
 * 用户, 注册用户数 and 注册用户, 营收 and 营业收入, 员工人数 and 员工. */
static void
test_chinese_word_lengths (void)
{
  static const char * const zh[] = {
    "用户数超过100万。",          /* n1: users */
    "平台拥有300万用户。",        /* n2: users */
    "注册用户数达到50万。",       /* n3: registered users */
    "平台有200万注册用户。",      /* n4: registered users */
    "营收5亿元。",                /* n5: revenue */
    "营业收入达到12亿元。",       /* n6: revenue */
    "员工人数500。",              /* n7: people */
    "公司有200名员工。",          /* n8: people */
    NULL
  };
  g_autoptr(NfCanvas) canvas = canvas_of ("zh", zh, "");
  g_autoptr(GPtrArray) findings = nf_check_canvas (canvas, NULL, NULL);

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s: %s", ((NfCheckFinding *) findings->pdata[i])->subject,
                    ((NfCheckFinding *) findings->pdata[i])->message);
  g_assert_true (has_conflict (findings, "n1", "n2"));
  g_assert_true (has_conflict (findings, "n3", "n4"));
  g_assert_true (has_conflict (findings, "n5", "n6"));
  g_assert_true (has_conflict (findings, "n7", "n8"));
  /* Users are not registered users, as in English. */
  g_assert_false (has_conflict (findings, "n1", "n3"));
  g_assert_false (has_conflict (findings, "n2", "n4"));
}

/* False friends: a word holding a family's word is not that family when
 * it says more (收入增长 is growth, not revenue; 活跃用户 are not 注册用户;
 * 车主 own cars and are no cars). */
static void
test_chinese_false_friends (void)
{
  static const char * const zh[] = {
    "营收10亿元。",               /* n1: revenue */
    "收入增长2亿元。",            /* n2: revenue growth, an amount too */
    "注册用户100万。",            /* n3 */
    "活跃用户20万。",             /* n4 */
    "收入增长率30%。",            /* n5: a rate */
    "营收增长率5%。",             /* n6: the same rate */
    "毛利率60%。",                /* n7: another rate */
    "销售6000辆汽车。",           /* n8: cars */
    "服务车主2万人。",            /* n9: car owners */
    NULL
  };
  g_autoptr(NfCanvas) canvas = canvas_of ("zh", zh, "");
  g_autoptr(GPtrArray) findings = nf_check_canvas (canvas, NULL, NULL);

  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s: %s", ((NfCheckFinding *) findings->pdata[i])->subject,
                    ((NfCheckFinding *) findings->pdata[i])->message);
  g_assert_false (has_conflict (findings, "n1", "n2"));
  g_assert_false (has_conflict (findings, "n3", "n4"));
  g_assert_false (has_conflict (findings, "n5", "n7"));
  g_assert_false (has_conflict (findings, "n6", "n7"));
  g_assert_false (has_conflict (findings, "n8", "n9"));
  /* One rate stated twice still disagrees. */
  g_assert_true (has_conflict (findings, "n5", "n6"));
}

/* Figures are compared only with figures of their own measure: 400
 * figures of 20 measures make at most 2 × 21 comparisons a measure, not
 * 79,800 in all; and the findings come in the order of the notes. */
static void
test_grouped_comparisons (void)
{
  static const char * const measures[] = {
    "apples", "pears", "plums", "lemons", "grapes", "melons", "cherries", "peaches", "figs", "dates",
    "kiwis", "limes", "mangoes", "olives", "quinces", "berries", "apricots", "guavas", "papayas", "yams",
  };
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  for (guint i = 0; i < 400; i++)
    g_ptr_array_add (texts, g_strdup_printf ("%u %s.", 100 + (i / 20) * 50, measures[i % 20]));
  g_ptr_array_add (texts, NULL);
  canvas = canvas_of ("en", (const char * const *) texts->pdata, "");
  findings = nf_check_canvas (canvas, NULL, NULL);
  g_assert_cmpuint (_nf_check_get_n_comparisons (), <=, 20 * 2 * 21);
  g_assert_cmpuint (findings->len, <=, 400);
  /* Each measure: 100, 150, … 1,050; two differ by over a quarter unless
   * neighbours from 200 up. */
  g_assert_cmpuint (findings->len, >, 0);
  for (guint i = 1; i < findings->len; i++)
    {
      NfCheckFinding *a = findings->pdata[i - 1], *b = findings->pdata[i];
      guint64 na = g_ascii_strtoull (a->subject + 1, NULL, 10);
      guint64 nb = g_ascii_strtoull (b->subject + 1, NULL, 10);
      guint64 oa = g_ascii_strtoull (a->other + 1, NULL, 10);
      guint64 ob = g_ascii_strtoull (b->other + 1, NULL, 10);

      g_assert_true (na < nb || (na == nb && oa < ob));
    }
}

/* 2,000 notes stating one measure, each with its own value, once made
 * 938,000 findings (every pair): now each figure is said at most once,
 * against the first note, which says how many others differ from it. */
static void
test_one_measure_many_values (void)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  NfCheckFinding *f;

  for (guint i = 0; i < 2000; i++)
    g_ptr_array_add (texts, g_strdup_printf ("%u apples.", 100 + i * 20));
  g_ptr_array_add (texts, NULL);
  canvas = canvas_of ("en", (const char * const *) texts->pdata, "");
  findings = nf_check_canvas (canvas, NULL, NULL);
  g_assert_cmpuint (findings->len, <=, 2000);
  g_assert_cmpuint (_nf_check_get_n_comparisons (), <=, 2 * 2001);
  /* 100 against 120 is within a quarter; from 140 on every note differs. */
  g_assert_cmpuint (findings->len, ==, 1998);
  f = find (findings, NF_CHECK_CONFLICT, "n3");
  g_assert_nonnull (f);
  g_assert_cmpstr (f->other, ==, "n1");
  g_assert_nonnull (strstr (f->message, "1997 more"));
  g_assert_null (find (findings, NF_CHECK_CONFLICT, "n2"));
  g_assert_cmpstr (((NfCheckFinding *) findings->pdata[findings->len - 1])->subject, ==, "n2000");
}

/* A cell's own type keeps what its column does not: "85%" among counts,
 * "60天" with its unit, which reads "60 days" in English. */
static void
test_cell_kind (void)
{
  static const char * const none[] = { NULL };
  static const char metrics[] =
    "<metrics><table id=\"t1\"><title>T</title>"
    "<column type=\"text\"><name>Item</name></column>"
    "<column type=\"number\"><name>Value</name></column>"
    "<row><cell>Staff</cell><cell value=\"200\">200</cell></row>"
    "<row><cell>Share in R&amp;D</cell><cell type=\"percent\" value=\"0.85\">85%</cell></row>"
    "<row><cell>Cycle</cell><cell type=\"number\" unit=\"天\" value=\"60\">60天</cell>"
    "<cell xml:lang=\"en\" unit=\"days\">60 days</cell></row>"
    "<row><cell>Growth</cell><cell value=\"0.11\">11%</cell></row>"
    "</table></metrics>";
  g_autoptr(NfCanvas) canvas = canvas_of ("zh", none, metrics);
  g_autoptr(GPtrArray) findings = nf_check_canvas (canvas, NULL, NULL);
  g_autoptr(NfMetricTable) table = g_list_model_get_item (nf_canvas_get_tables (canvas), 0);
  const NfColumn *column = nf_metric_table_get_column (table, 1);
  g_autofree char *en = nf_number_format_cell (column, nf_metric_table_get_cell (table, 2, 1), "en");
  g_autofree char *zh = nf_number_format_cell (column, nf_metric_table_get_cell (table, 2, 1), "zh");

  g_assert_null (find (findings, NF_CHECK_KIND_DROPPED, "t1 row 2"));
  g_assert_null (find (findings, NF_CHECK_KIND_DROPPED, "t1 row 3"));
  /* Untyped, it is still said. */
  g_assert_nonnull (find (findings, NF_CHECK_KIND_DROPPED, "t1 row 4"));
  g_assert_cmpint (nf_number_kind_for_cell (column, nf_metric_table_get_cell (table, 1, 1), NULL), ==,
                   NF_NUMBER_KIND_PERCENT);
  g_assert_cmpstr (en, ==, "60 days");
  g_assert_cmpstr (zh, ==, "60天");
  /* Not a part of a sum either: the table has no total to miss. */
  g_assert_null (find (findings, NF_CHECK_TOTAL, "t1"));
}

/* Senmiao's t6 keeps "$1.5 million investment in 2023" and "70% of
 * customers…" in a column of words, each cell typed on its own: compare
 * lines them up by the cell's type, not skipped as the column's text. */
static const char typed_in_text[] =
  "<metrics><table id=\"t1\"><title>Service</title>"
  "<column type=\"text\"><name>Aspect</name></column>"
  "<column type=\"text\"><name>Investment</name></column>"
  "<row><cell>Customer service</cell>"
  "<cell type=\"money\" unit=\"USD\" value=\"%s\">%s</cell></row>"
  "<row><cell>Account management</cell>"
  "<cell type=\"percent\" value=\"%s\">%s</cell></row>"
  "<row><cell>Feedback</cell><cell>N/A</cell></row>"
  "</table></metrics>";

static void
test_typed_cells_in_text_column (void)
{
  static const char * const none[] = { NULL };
  g_autofree char *m1 = g_strdup_printf (typed_in_text, "1500000", "$1.5 million investment in 2023",
                                         "0.7", "70% of customers");
  g_autofree char *m2 = g_strdup_printf (typed_in_text, "2000000", "$2 million in 2024",
                                         "0.75", "75% of customers");
  g_autoptr(NfCanvas) a = canvas_of ("en", none, m1);
  g_autoptr(NfCanvas) b = canvas_of ("en", none, m2);
  g_autoptr(NfDiffMetrics) metrics = nf_diff_metrics_new ((NfCanvas *[]) { a, b }, 2);
  g_autoptr(GPtrArray) findings = nf_check_canvas (a, NULL, NULL);
  const NfDiffMetricRow *money = NULL, *share = NULL;

  for (guint i = 0; i < nf_diff_metrics_get_n_rows (metrics); i++)
    {
      const NfDiffMetricRow *row = nf_diff_metrics_get_row (metrics, i);

      if (row->kind == NF_NUMBER_KIND_MONEY)
        money = row;
      else if (row->kind == NF_NUMBER_KIND_PERCENT)
        share = row;
    }
  /* Two measures, both canvases, nothing left over: "N/A" is no figure. */
  g_assert_cmpuint (nf_diff_metrics_get_n_rows (metrics), ==, 2);
  g_assert_cmpuint (nf_diff_metrics_get_n_unaligned (metrics, 0), ==, 0);
  g_assert_nonnull (money);
  g_assert_nonnull (share);
  g_assert_cmpuint (money->n_present, ==, 2);
  g_assert_cmpint (money->type, ==, NF_COLUMN_MONEY);
  g_assert_cmpstr (money->units[0], ==, "USD");
  g_assert_cmpfloat_with_epsilon (nf_diff_metric_row_get_delta (money, 1), 500000, 1e-6);
  g_assert_cmpuint (share->n_present, ==, 2);
  g_assert_cmpint (share->type, ==, NF_COLUMN_PERCENT);
  /* Typed, the cells keep their kind: nothing dropped. */
  g_assert_null (find (findings, NF_CHECK_KIND_DROPPED, "t1 row 1"));
  g_assert_null (find (findings, NF_CHECK_KIND_DROPPED, "t1 row 2"));
}


/* A table of `columns` (XML) and `rows` ("A|1|2;B|3|4"), typed as the
 * columns say; money in dollars unless the cell says otherwise. */
static void
add_table (GString    *xml,
           const char *id,
           const char *title,
           const char *columns,
           const char *rows)
{
  g_auto(GStrv) lines = g_strsplit (rows, ";", -1);

  g_string_append_printf (xml, "<table id=\"%s\"><title>%s</title>%s", id, title, columns);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "|", -1);

      g_string_append (xml, "<row>");
      for (guint c = 0; cells[c]; c++)
        {
          /* The column's type, as the XML above names it. */
          g_autofree char *tag = g_strdup_printf ("<column type=\"");
          const char *at = columns;
          NfColumnType type = NF_COLUMN_TEXT;
          double value;

          for (guint k = 0; k <= c && at; k++)
            at = strstr (at + (k ? 1 : 0), tag);
          if (at && g_str_has_prefix (at + strlen (tag), "money"))
            type = NF_COLUMN_MONEY;
          else if (at && g_str_has_prefix (at + strlen (tag), "percent"))
            type = NF_COLUMN_PERCENT;
          else if (at && g_str_has_prefix (at + strlen (tag), "number"))
            type = NF_COLUMN_NUMBER;
          if (c > 0 && nf_number_parse_for_column (cells[c], type, &value))
            {
              g_autofree char *written = nf_number_format_xml (value);

              g_string_append_printf (xml, "<cell value=\"%s\">%s</cell>", written, cells[c]);
            }
          else
            g_string_append_printf (xml, "<cell>%s</cell>", cells[c]);
        }
      g_string_append (xml, "</row>");
    }
  g_string_append (xml, "</table>");
}

#define COLS_MONEY "<column type=\"text\"><name>Item</name></column>" \
  "<column type=\"money\" unit=\"USD\"><name>Amount</name></column>"
#define COLS_SHARE "<column type=\"text\"><name>Segment</name></column>" \
  "<column type=\"percent\"><name>Share of revenue</name></column>"

static void
log_findings (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s: %s", ((NfCheckFinding *) findings->pdata[i])->subject,
                    ((NfCheckFinding *) findings->pdata[i])->message);
}

/* Parts against their whole, in English: a Total row, a Total column,
 * within the figures' rounding; dollars and yuan make no sum; shares make
 * 100 %; a total a note or another table states. */
static void
test_totals_english (void)
{
  static const char * const notes[] = {
    "A marketing budget of $3 million.",        /* n1: the rows make 2 million */
    "About $2 million for marketing budget.",   /* n2: they do */
    NULL
  };
  g_autoptr(GString) xml = g_string_new ("<metrics>");
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  NfCheckFinding *f;

  add_table (xml, "t1", "Costs by team", COLS_MONEY,
             "Developers|$1.2 million;Support|$800,000;Total|$2.5 million");
  add_table (xml, "t2", "Costs by site", COLS_MONEY,
             "Berlin|$1.2 million;Lyon|$800,000;Total|$2 million");
  /* 1.2 + 0.8 = 2.0 against 2.1: each may be 0.05 million off as written. */
  add_table (xml, "t3", "Costs by year", COLS_MONEY,
             "Rent|1.2 million;Wages|0.8 million;Total|2.1 million");
  /* 1.21 + 0.80 = 2.01 against 2.2: written closer, they do not make it. */
  add_table (xml, "t4", "Costs by quarter", COLS_MONEY,
             "Rent|1.21 million;Wages|0.80 million;Total|2.2 million");
  /* Dollars and yuan: refused from the sum, whatever the total says. */
  add_table (xml, "t5", "Costs by country", COLS_MONEY,
             "US|$1 million;China|¥5 million;Total|$9 million");
  add_table (xml, "t6", "Spending",
             "<column type=\"text\"><name>Item</name></column>"
             "<column type=\"money\" unit=\"USD\"><name>2022</name></column>"
             "<column type=\"money\" unit=\"USD\"><name>2023</name></column>"
             "<column type=\"money\" unit=\"USD\"><name>Total</name></column>",
             "Ads|100,000|200,000|300,000;Events|50,000|60,000|200,000");
  add_table (xml, "t7", "Revenue mix", COLS_SHARE, "Retail|50%;Wholesale|30%;Online|30%");
  add_table (xml, "t8", "Revenue mix 2", COLS_SHARE, "Retail|50%;Wholesale|30%;Other|20%");
  add_table (xml, "t9", "Revenue mix 3", COLS_SHARE, "Retail|33%;Wholesale|33%;Other|33%");
  add_table (xml, "t10", "Revenue mix 4", COLS_SHARE, "Retail|40%;Wholesale|30%;Other|10%");
  /* The largest few of a market: no "Other", no whole to make. */
  add_table (xml, "t11", "Suppliers", COLS_SHARE, "A|15%;B|12%;C|10%");
  add_table (xml, "t12", "Marketing budget by channel", COLS_MONEY,
             "Digital|$1,200,000;Partnerships|$500,000;Events|$300,000");
  add_table (xml, "t13", "Summary", COLS_MONEY, "Total marketing budget|$2.6 million;Total costs|$5 million");
  /* Several measures listed, not parts of one. */
  add_table (xml, "t14", "Key marketing metrics",
             "<column type=\"text\"><name>Metric</name></column>"
             "<column type=\"number\"><name>Value</name></column>",
             "Campaigns|12;Channels|4;Markets|9");
  g_string_append (xml, "</metrics>");
  canvas = canvas_of ("en", notes, xml->str);
  findings = nf_check_canvas (canvas, NULL, NULL);
  log_findings (findings);

  f = find (findings, NF_CHECK_TOTAL, "t1 row 3");
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (f->message, "$2.5 million"));
  g_assert_nonnull (strstr (f->message, "$2 million"));
  g_assert_null (find (findings, NF_CHECK_TOTAL, "t2 row 3"));
  g_assert_null (find (findings, NF_CHECK_TOTAL, "t3 row 3"));
  g_assert_nonnull (find (findings, NF_CHECK_TOTAL, "t4 row 3"));
  g_assert_null (find (findings, NF_CHECK_TOTAL, "t5 row 3"));
  g_assert_null (find (findings, NF_CHECK_TOTAL, "t6 row 1"));
  f = find (findings, NF_CHECK_TOTAL, "t6 row 2");
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (f->message, "110,000"));
  f = find (findings, NF_CHECK_TOTAL, "t7");
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (f->message, "110%"));
  g_assert_null (find (findings, NF_CHECK_TOTAL, "t8"));
  g_assert_null (find (findings, NF_CHECK_TOTAL, "t9"));
  f = find (findings, NF_CHECK_TOTAL, "t10");
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (f->message, "80%"));
  g_assert_null (find (findings, NF_CHECK_TOTAL, "t11"));
  g_assert_null (find (findings, NF_CHECK_TOTAL, "t14"));
  /* t12's rows make $2 million: n1's $3 million and t13's $2.6 million
   * are not that; n2's is. */
  {
    gboolean by_n1 = FALSE, by_n2 = FALSE, by_t13 = FALSE;

    for (guint i = 0; i < findings->len; i++)
      {
        NfCheckFinding *g = findings->pdata[i];

        if (g->kind != NF_CHECK_TOTAL || !g_str_equal (g->subject, "t12"))
          continue;
        by_n1 |= g_strcmp0 (g->other, "n1") == 0;
        by_n2 |= g_strcmp0 (g->other, "n2") == 0;
        by_t13 |= g_strcmp0 (g->other, "t13 row 1") == 0;
      }
    g_assert_true (by_n1);
    g_assert_false (by_n2);
    g_assert_true (by_t13);
  }
}

/* The same in Chinese: 合计 and 总计 rows, 占比 making 100 %, 辆 and 台
 * refused from one sum, a note and another table's 合计. */
static void
test_totals_chinese (void)
{
  static const char * const notes[] = {
    "营销费用共300万元。",   /* n1: the rows make 200万 */
    NULL
  };
  g_autoptr(GString) xml = g_string_new ("<metrics>");
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  NfCheckFinding *f;

#define COLS_YUAN "<column type=\"text\"><name>渠道</name></column>" \
  "<column type=\"money\" unit=\"CNY\"><name>金额</name></column>"
  add_table (xml, "t1", "营销费用（按渠道）", COLS_YUAN, "线上|120万元;线下|80万元");
  add_table (xml, "t2", "研发投入", COLS_YUAN, "软件|120万元;硬件|80万元;合计|250万元");
  add_table (xml, "t3", "人员成本", COLS_YUAN, "工资|120万元;社保|80万元;总计|200万元");
  add_table (xml, "t4", "车辆",
             "<column type=\"text\"><name>车型</name></column>"
             "<column type=\"number\"><name>数量</name></column>",
             "轿车|6,000辆;客车|2万台;合计|9万辆");
  add_table (xml, "t5", "收入构成",
             "<column type=\"text\"><name>业务</name></column>"
             "<column type=\"percent\"><name>占比</name></column>",
             "软件|60%;服务|30%;其他|20%");
  add_table (xml, "t6", "收入构成二",
             "<column type=\"text\"><name>业务</name></column>"
             "<column type=\"percent\"><name>占比</name></column>",
             "软件|60%;服务|30%;其他|10%");
  add_table (xml, "t7", "汇总", COLS_YUAN, "营销费用合计|260万元");
  g_string_append (xml, "</metrics>");
  canvas = canvas_of ("zh", notes, xml->str);
  findings = nf_check_canvas (canvas, NULL, NULL);
  log_findings (findings);

  f = find (findings, NF_CHECK_TOTAL, "t2 row 3");
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (f->message, "250万元"));
  g_assert_null (find (findings, NF_CHECK_TOTAL, "t3 row 3"));
  g_assert_null (find (findings, NF_CHECK_TOTAL, "t4 row 3"));
  f = find (findings, NF_CHECK_TOTAL, "t5");
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (f->message, "110%"));
  g_assert_null (find (findings, NF_CHECK_TOTAL, "t6"));
  {
    gboolean by_n1 = FALSE, by_t7 = FALSE;

    for (guint i = 0; i < findings->len; i++)
      {
        NfCheckFinding *g = findings->pdata[i];

        if (g->kind != NF_CHECK_TOTAL || !g_str_equal (g->subject, "t1"))
          continue;
        by_n1 |= g_strcmp0 (g->other, "n1") == 0;
        by_t7 |= g_strcmp0 (g->other, "t7 row 1") == 0;
      }
    g_assert_true (by_n1);
    g_assert_true (by_t7);
  }
}

/* The keys of figures are remembered per thread: asked again, after
 * thousands of other phrases (past the point where the memory is
 * emptied), and from another thread, each phrase gets the key it got the
 * first time, and a phrase that names no measure still names none. */
static gpointer
figure_keys (gpointer data)
{
  const char * const *texts = data;
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autoptr(GArray) figures = _nf_check_find_figures (texts[i]);

      g_assert_cmpuint (figures->len, ==, 1);
      g_ptr_array_add (keys, g_strdup (g_array_index (figures, Figure, 0).key));
      g_ptr_array_add (keys, _nf_check_canonical_key (g_array_index (figures, Figure, 0).key));
    }
  return keys;
}

static void
test_key_cache (void)
{
  static const char * const texts[] = {
    "We had 101 staff.", "Revenue reached $5 million.", "5,000 registered users as of March",
    "It was 42.", "营业收入达到 3,000 万元", "1,200 skilled workers", NULL
  };
  g_autoptr(GPtrArray) first = figure_keys ((gpointer) texts);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) elsewhere = NULL;

  for (guint i = 0; i < 5000; i++)
    {
      /* A word of its own for each, which no stem cuts (no final s):
       * "zbaa", "zbab" … */
      static const char last[] = "abcdefghijklmnopqrtuvwxyz";
      char word[8] = { 'z', (char) ('b' + i / 625), (char) ('a' + i / 25 % 25),
                       last[i % 25], '\0' };
      g_autofree char *text = g_strdup_printf ("We sold %u %s.", i + 1, word);
      g_autoptr(GArray) figures = _nf_check_find_figures (text);
      const char *key = word;
      g_autofree char *canonical = NULL;

      g_assert_cmpuint (figures->len, ==, 1);
      g_assert_cmpstr (g_array_index (figures, Figure, 0).key, ==, key);
      canonical = _nf_check_canonical_key (key);
      g_assert_cmpstr (canonical, ==, key);
    }
  again = figure_keys ((gpointer) texts);
  elsewhere = g_thread_join (g_thread_new ("keys", figure_keys, (gpointer) texts));
  g_assert_cmpuint (first->len, ==, again->len);
  for (guint i = 0; i < first->len; i++)
    {
      g_test_message ("key %u: %s", i, (char *) first->pdata[i]);
      g_assert_cmpstr (first->pdata[i], ==, again->pdata[i]);
      g_assert_cmpstr (first->pdata[i], ==, elsewhere->pdata[i]);
    }
  /* The words say what is counted, and the families still meet. */
  g_assert_cmpstr (first->pdata[0], ==, "employees");
  g_assert_cmpstr (first->pdata[1], ==, "people");
  g_assert_cmpstr (first->pdata[2], ==, "revenue");
  g_assert_cmpstr (first->pdata[4], ==, "registered users");
  g_assert_cmpstr (first->pdata[11], ==, "people");
  g_assert_null (first->pdata[6]);
  g_assert_null (first->pdata[7]);
}

/* The conflict messages are put together without printf: in English
 * and in Chinese, whose translation reorders the arguments ("%4$s …
 * “%3$s”"), each is byte for byte what printf makes of the same format,
 * for a pair and for a figure many notes differ from. */
static void
test_message_format (void)
{
  static const char * const few[] = { "We had 101 staff.", "We had 150 staff.", NULL };
  static const char * const langs[] = { "en", "zh-CN" };
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 2000; i++)
    g_ptr_array_add (many, g_strdup_printf ("We had %u staff.", 100 + i * 20));
  g_ptr_array_add (many, NULL);
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      NfLanguageScope scope;
      g_autoptr(NfCanvas) pair = canvas_of ("en", few, "");
      g_autoptr(NfCanvas) crowd = canvas_of ("en", (const char * const *) many->pdata, "");
      g_autoptr(GPtrArray) pair_findings = NULL;
      g_autoptr(GPtrArray) crowd_findings = NULL;
      g_autofree char *pair_expected = NULL;
      g_autofree char *crowd_expected = NULL;
      NfCheckFinding *f, *g;

      nf_language_scope_enter (&scope, langs[l]);
      pair_findings = nf_check_canvas (pair, NULL, NULL);
      crowd_findings = nf_check_canvas (crowd, NULL, NULL);
      pair_expected = g_strdup_printf (_("“%s” (%s) here, but “%s” in %s"),
                                       "101 staff", "employees", "150 staff", "n2");
      crowd_expected = g_strdup_printf (nf_ngettext ("“%s” (%s) here, but “%s” in %s, which states it "
                                                     "first; %u more note or row differs from it too",
                                                     "“%s” (%s) here, but “%s” in %s, which states it "
                                                     "first; %u more notes or rows differ from it too",
                                                     1997),
                                        "140 staff", "employees", "100 staff", "n1", 1997);
      nf_language_scope_leave (&scope);
      f = find (pair_findings, NF_CHECK_CONFLICT, "n1");
      g = find (crowd_findings, NF_CHECK_CONFLICT, "n3");
      g_assert_nonnull (f);
      g_assert_nonnull (g);
      g_test_message ("%s\n%s", f->message, g->message);
      g_assert_cmpstr (f->message, ==, pair_expected);
      g_assert_cmpstr (g->message, ==, crowd_expected);
      if (l == 1)
        g_assert_nonnull (strstr (f->message, "n2 中为“150 staff”"));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/check/flawed", test_flawed);
  g_test_add_func ("/check/key-cache", test_key_cache);
  g_test_add_func ("/check/message-format", test_message_format);
  g_test_add_func ("/check/clean", test_clean);
  g_test_add_func ("/check/source-missing", test_source_missing);
  g_test_add_func ("/check/contradictions", test_contradictions);
  g_test_add_func ("/check/marked", test_marked);
  g_test_add_func ("/check/subject-id", test_subject_id);
  g_test_add_func ("/check/part-of-whole", test_part_of_whole);
  g_test_add_func ("/check/grouped-comparisons", test_grouped_comparisons);
  g_test_add_func ("/check/one-measure-many-values", test_one_measure_many_values);
  g_test_add_func ("/check/cell-kind", test_cell_kind);
  g_test_add_func ("/check/chinese-families", test_chinese_families);
  g_test_add_func ("/check/chinese-word-lengths", test_chinese_word_lengths);
  g_test_add_func ("/check/chinese-false-friends", test_chinese_false_friends);
  g_test_add_func ("/check/typed-cells-in-text-column", test_typed_cells_in_text_column);
  g_test_add_func ("/check/totals/english", test_totals_english);
  g_test_add_func ("/check/totals/chinese", test_totals_chinese);
  return g_test_run ();
}
