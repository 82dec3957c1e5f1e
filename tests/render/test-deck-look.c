/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a deck's reader sees on its slides: which figures share a chart,
 * how the overview spends a block's room, and the marks on its cards. */
#include "config.h"

#include <string.h>

#include <ninefold.h>

#include "nf-deck-private.h"
#include "nf-i18n-private.h"
#include "nf-render.h"

static NfCanvas *
canvas_with_tables (const char *tables)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">"
    "<metadata><company>Charts</company><title>Tables</title></metadata>"
    "<block kind=\"key-partners\"><note id=\"n1\"><text>A partner.</text></note></block>"
    "<block kind=\"key-activities\"/><block kind=\"key-resources\"/>"
    "<block kind=\"value-propositions\"/><block kind=\"customer-relationships\"/>"
    "<block kind=\"channels\"/><block kind=\"customer-segments\"/>"
    "<block kind=\"cost-structure\"/><block kind=\"revenue-streams\"/>"
    "<metrics>%s</metrics></canvas>", tables);
  NfCanvas *canvas = nf_canvas_load_from_data (xml, strlen (xml), "charts.ninefold", &error);

  g_assert_no_error (error);
  return canvas;
}

/* The groups of the table, as "kind:row,row;kind:row,row". */
static char *
groups_of (NfMetricTable *table)
{
  g_autoptr(GPtrArray) groups = nf_chart_groups_new (table);
  GString *out = g_string_new (NULL);

  for (guint g = 0; g < groups->len; g++)
    {
      NfChartGroup *group = g_ptr_array_index (groups, g);

      g_string_append_printf (out, "%s%d:", g > 0 ? ";" : "", group->kind);
      for (guint b = 0; b < group->bars->len; b++)
        g_string_append_printf (out, "%s%u", b > 0 ? "," : "",
                                g_array_index (group->bars, NfChartBar, b).row);
    }
  return g_string_free (out, FALSE);
}

static char *
groups_of_xml (const char *table_xml)
{
  g_autoptr(NfCanvas) canvas = canvas_with_tables (table_xml);
  g_autoptr(NfMetricTable) table = g_list_model_get_item (nf_canvas_get_tables (canvas), 0);

  return groups_of (table);
}

/* Senmiao's "Key customer metrics": 200,000 registered users, 50,000
 * monthly active users, 5 rides per user per month and 1,000,000 rides,
 * all plain counts in one column. Only the two counts of users share a
 * chart: the rate stands beside no total, and the rides have no other
 * count of rides to stand beside. */
static void
test_chart_senmiao_customers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) senmiao = nf_canvas_load_case (2, &error);
  GListModel *tables;
  gboolean found = FALSE;

  g_assert_no_error (error);
  tables = nf_canvas_get_tables (senmiao);
  for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr(NfMetricTable) table = g_list_model_get_item (tables, t);
      g_autofree char *groups = NULL;

      if (g_strcmp0 (nf_text_get (nf_metric_table_get_title (table)), "Key customer metrics") != 0)
        continue;
      found = TRUE;
      groups = groups_of (table);
      g_assert_cmpstr (groups, ==, "1:0,1");
    }
  g_assert_true (found);
}

#define ROW(label, value, text) \
  "<row><cell>" label "</cell><cell value=\"" value "\">" text "</cell></row>"
#define METRIC_TABLE(rows) \
  "<table id=\"t1\" block=\"customer-segments\"><title>T</title>" \
  "<column type=\"text\"><name>Metric</name></column>" \
  "<column type=\"number\"><name>Value</name></column>" rows "</table>"

/* Counts of the same noun share a chart whatever else the labels say;
 * counts of other nouns, rates and lone figures get none. In English,
 * in Chinese, in money and down a column. */
static void
test_chart_counts_by_noun (void)
{
  struct {
    const char *xml;
    const char *want;
  } cases[] = {
    /* Stores two ways; employees alone; a rate per store. */
    { METRIC_TABLE (ROW ("Stores in China", "500", "500")
                    ROW ("Employees", "3000", "3,000")
                    ROW ("Stores abroad", "200", "200")
                    ROW ("Average orders per store per day", "120", "120")
                    ROW ("Number of franchise stores", "80", "80")),
      "1:0,2,4" },
    /* Users and downloads: unlike nouns, no chart at all. */
    { METRIC_TABLE (ROW ("Downloads", "500000", "500,000")
                    ROW ("Users", "200000", "200,000")),
      "" },
    /* Chinese: 用户 twice (one with 数), 订单 once, rates 每月 and 人均. */
    { METRIC_TABLE (ROW ("注册用户", "1000000", "1000000")
                    ROW ("累计订单量", "5000000", "5000000")
                    ROW ("月活跃用户数", "300000", "300000")
                    ROW ("每月订单", "400000", "400000")
                    ROW ("人均订单", "5", "5")
                    ROW ("订单/月", "400000", "400000")),
      "1:0,2" },
    /* 数跑科技's touchpoints and lead steps, both "个": unlike things. */
    { METRIC_TABLE (ROW ("用户全生命周期节点", "21", "21个")
                    ROW ("线索管理环节", "12", "12个")
                    ROW ("从首次接触品牌广告到交付成交的一般周期", "60", "60天")),
      "" },
    /* Money: totals share a chart; money per user does not join them. */
    { METRIC_TABLE (ROW ("Revenue", "10000000", "$10 million")
                    ROW ("Revenue per user", "20", "$20")
                    ROW ("Cost", "6000000", "$6 million")),
      "3:0,2" },
    /* A rate down a column of years is one series. */
    { "<table id=\"t1\" block=\"customer-segments\"><title>T</title>"
      "<column type=\"year\"><name>Year</name></column>"
      "<column type=\"number\"><name>Rides per user per month</name></column>"
      "<row><cell value=\"2021\">2021</cell><cell value=\"4\">4</cell></row>"
      "<row><cell value=\"2022\">2022</cell><cell value=\"5\">5</cell></row>"
      "</table>",
      "1:0,1" },
    /* Companies down the rows, the column names the count. */
    { "<table id=\"t1\" block=\"customer-segments\"><title>T</title>"
      "<column type=\"text\"><name>Company</name></column>"
      "<column type=\"number\"><name>Active buyers</name></column>"
      "<column type=\"number\"><name>Stores</name></column>"
      "<row><cell>Alibaba</cell><cell value=\"900\">900</cell><cell value=\"30\">30</cell></row>"
      "<row><cell>Tencent</cell><cell value=\"1000\">1,000</cell><cell value=\"20\">20</cell></row>"
      "</table>",
      "1:0,1;1:0,1" },
    /* Senmiao's salaries by department: the column counts employees,
     * whatever the departments are called ("Operations" is no count of
     * operations). */
    { "<table id=\"t1\" block=\"cost-structure\"><title>T</title>"
      "<column type=\"text\"><name>Department</name></column>"
      "<column type=\"count\" unit=\"employees\"><name>Employee Count</name></column>"
      "<row><cell>Development</cell><cell value=\"15\">15</cell></row>"
      "<row><cell>Marketing</cell><cell value=\"8\">8</cell></row>"
      "<row><cell>Operations</cell><cell value=\"10\">10</cell></row>"
      "<row><cell>Administration</cell><cell value=\"5\">5</cell></row>"
      "</table>",
      "1:0,1,2,3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = groups_of_xml (cases[i].xml);

      if (g_strcmp0 (got, cases[i].want) != 0)
        g_error ("case %u: groups %s, want %s", i, got, cases[i].want);
    }
}

/* Percentages share a chart only within one measure family named by
 * the labels' words: shares with shares, growth with growth; a share of
 * customers never stands beside a growth rate, and a family of one gets
 * no chart. */
static void
test_chart_percent_families (void)
{
  struct {
    const char *xml;
    const char *want;
  } cases[] = {
    /* Two shares, one growth rate: the shares alone chart. */
    { METRIC_TABLE (ROW ("Share of customers in tier-1 cities", "60", "60%")
                    ROW ("Revenue growth rate", "35", "35%")
                    ROW ("Market share", "12", "12%")),
      "4:0,2" },
    /* A share and a growth rate: nothing comparable. */
    { METRIC_TABLE (ROW ("Customer share", "80", "80%")
                    ROW ("Year-on-year growth", "25", "25%")),
      "" },
    /* Chinese: 占比 twice, 增长率 twice, 转化率 once. */
    { METRIC_TABLE (ROW ("一线城市客户占比", "40", "40%")
                    ROW ("营收同比增长率", "30", "30%")
                    ROW ("线上销售占比", "55", "55%")
                    ROW ("用户增长率", "20", "20%")
                    ROW ("线索转化率", "8", "8%")),
      "4:0,2;4:1,3" },
    /* Companies down the rows, two percent columns of unlike meaning:
     * one chart a column. */
    { "<table id=\"t1\" block=\"customer-segments\"><title>T</title>"
      "<column type=\"text\"><name>Company</name></column>"
      "<column type=\"percent\"><name>Market share</name></column>"
      "<column type=\"percent\"><name>Revenue growth</name></column>"
      "<row><cell>A</cell><cell value=\"30\">30%</cell><cell value=\"12\">12%</cell></row>"
      "<row><cell>B</cell><cell value=\"20\">20%</cell><cell value=\"40\">40%</cell></row>"
      "</table>",
      "4:0,1;4:0,1" },
    /* Senmiao's customer relationships: "70% of customers utilized"
     * (a share) beside "Reduced churn rates by 30%" (a change) in one
     * row: not comparable, so no chart. */
    { "<table id=\"t1\" block=\"customer-relationships\"><title>T</title>"
      "<column type=\"text\"><name>Customer Relationship Aspect</name></column>"
      "<column type=\"text\"><name>Investment/Impact</name></column>"
      "<column type=\"percent\"><name>Statistical Data</name></column>"
      "<row><cell>Personal Account Management</cell>"
      "<cell type=\"percent\" value=\"0.7\">70% of customers utilized this service</cell>"
      "<cell value=\"0.3\">Reduced churn rates by 30%</cell></row>"
      "</table>",
      "" },
    /* One percent column: the levels chart apart from the changes, by
     * the figures' own words. */
    { "<table id=\"t1\" block=\"customer-relationships\"><title>T</title>"
      "<column type=\"percent\"><name>Impact</name></column>"
      "<row><cell value=\"0.85\">Engaged 85% of the customer base</cell></row>"
      "<row><cell value=\"0.6\">60% participation rate</cell></row>"
      "<row><cell value=\"0.4\">40% increase in repeat transactions</cell></row>"
      "<row><cell value=\"0.25\">Increased satisfaction by 25%</cell></row>"
      "</table>",
      "4:0,1;4:2,3" },
    /* The same in Chinese: 覆盖 and 参与 are levels; 下降 and 同比提升
     * are changes. */
    { "<table id=\"t1\" block=\"customer-relationships\"><title>T</title>"
      "<column type=\"percent\"><name>影响</name></column>"
      "<row><cell value=\"0.7\">覆盖70%的客户</cell></row>"
      "<row><cell value=\"0.6\">60%的用户参与</cell></row>"
      "<row><cell value=\"0.3\">流失率下降30%</cell></row>"
      "<row><cell value=\"0.4\">复购同比提升40%</cell></row>"
      "</table>",
      "4:0,1;4:2,3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = groups_of_xml (cases[i].xml);

      if (g_strcmp0 (got, cases[i].want) != 0)
        g_error ("case %u: groups %s, want %s", i, got, cases[i].want);
    }
}

/* The path g_find_program_in_path() returns is freed here: a test that
 * dropped it leaked it under LeakSanitizer whenever no stale copy of the
 * pointer happened to be left on the stack. */
static gboolean
have_pdftotext (void)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");

  return tool != NULL;
}

/* pdftotext's words of a PDF, every run of white space one space (a
 * slide wraps a name wherever its column ends); NULL with the test
 * skipped without poppler's tools. */
static char *
pdf_words (const char *path)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  const char *argv[] = { NULL, "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) words = NULL;
  int status = 0;

  if (tool == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return NULL;
    }
  argv[0] = tool;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  words = g_regex_split_simple ("\\s+", out, 0, 0);
  return g_strjoinv (" ", words);
}

static guint
count_of (const char *text,
          const char *what)
{
  guint n = 0;

  for (const char *at = strstr (text, what); at != NULL; at = strstr (at + 1, what))
    n++;
  return n;
}

/* The deck of case `index`, or with `compare` of case 0 and it compared. */
static char *
export_case (guint       index,
             const char *lang,
             gboolean    compare,
             const char *name)
{
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autoptr(GError) error = NULL;
  NfDeckOptions opts;

  if (compare)
    {
      g_ptr_array_add (canvases, nf_canvas_load_case (0, &error));
      g_assert_no_error (error);
    }
  g_ptr_array_add (canvases, nf_canvas_load_case (index, &error));
  g_assert_no_error (error);
  nf_deck_options_init (&opts);
  opts.lang = lang;
  opts.compare = compare;
  g_assert_true (nf_deck_export_pdf (canvases, &opts, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return pdf_words (path);
}

/* Senmiao's notes marked as conflicting carry the mark on the slides,
 * with the other side named in words: a note by its block, number and
 * first words, a table by its title and a row by its number and label;
 * in English and in Chinese (the deck's language, not the process's). */
/* The deck a plan is measured for, as nf_deck_export_pdf() sets it up:
 * the page in layout units (1/96 in) from its size in points. */
static void
measure_init (NfDeck            *measure,
              PangoContext      *pango,
              const NfGridStyle *style,
              NfDeckPageSize     size,
              const char        *lang)
{
  double w, h;

  nf_deck_page_size_get (size, &w, &h);
  *measure = (NfDeck) { 0 };
  measure->pango = pango;
  measure->style = style;
  measure->lang = lang;
  measure->width = w * 96.0 / 72.0;
  measure->height = h * 96.0 / 72.0;
}

static void
test_conflict_marks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) senmiao = nf_canvas_load_case (2, &error);
  g_autofree char *en = NULL;
  g_autofree char *zh = NULL;
  g_autofree char *cmp = NULL;
  guint marked = 0;

  g_assert_no_error (error);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      GListModel *notes = nf_canvas_get_notes (senmiao, (NfBlock) b);

      for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
        {
          g_autoptr(NfNote) note = g_list_model_get_item (notes, i);

          marked += nf_note_get_conflicts (note)[0] != NULL;
        }
    }
  g_assert_cmpuint (marked, >=, 8);

  en = export_case (2, "en", FALSE, "deck-conflicts-en.pdf");
  if (en == NULL)
    return;
  /* Every marked note is whole once, on the overview or a block slide. */
  g_assert_cmpuint (count_of (en, "⚠ Conflicts with "), >=, marked);
  /* n30's staff beside n21's 200 agents, and the salary table. */
  g_assert_nonnull (strstr (en, "⚠ Conflicts with Key Activities 8: “Customer support: over 200 agents"));
  g_assert_nonnull (strstr (en, "Employee salaries by department"));
  /* n81's $4 million beside the first row of the leasing table. */
  g_assert_nonnull (strstr (en, "table “Vehicle leasing”, row 1"));

  zh = export_case (2, "zh_CN", FALSE, "deck-conflicts-zh.pdf");
  g_assert_cmpuint (count_of (zh, "⚠ 与"), >=, marked);
  g_assert_nonnull (strstr (zh, "第 8 条：“Customer support: over 200 agents"));
  g_assert_null (strstr (zh, "Conflicts with"));

  /* The compare deck's block slides name the other side in its canvas:
   * every marked note once there, and once on Senmiao's own slides. */
  cmp = export_case (2, "en", TRUE, "deck-conflicts-compare.pdf");
  g_assert_cmpuint (count_of (cmp, "⚠ Conflicts with "), >=, 2 * marked);
  g_assert_nonnull (strstr (cmp, "⚠ Conflicts with Key Activities 8: “Customer support: over 200 agents"));
}

/* The overview gives a block's unused height to its cards before it
 * shows any faded: no block shows a card cut while its own column has
 * room left for that card's next line. Bitauto's Customer Relationships
 * showed three notes faded at two lines over a half-empty block. The
 * four cases, on every page size, as written, in English and in
 * Chinese, on every slide of an overview of several. An overview of
 * several slides shares the notes evenly: 数跑科技's showed 55 notes
 * crammed on its first slide and one Key Resources note, cut to a faded
 * line, alone on the second. Each block's cards on a slide share one
 * style: after the fill, Bitauto's and 数跑科技's blocks mixed whole
 * cards with footers and one-line rows. (A block of many notes may show
 * them as single lines, each naming the page of its full text.) */
static void
test_overview_fills_blocks (void)
{
  static const char * const langs[] = { NULL, "en", "zh_CN" };
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  guint n_cut = 0, n_split = 0, n_cut_marked = 0, n_styled = 0;

  for (guint c = 0; c < 4; c++)
    for (guint size = NF_DECK_PAGE_WIDE; size <= NF_DECK_PAGE_LETTER; size++)
      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(NfCanvas) canvas = nf_canvas_load_case (c, &error);
          g_autoptr(GObject) pango = G_OBJECT (nf_render_pango_context_new (langs[l]));
          NfDeck measure;
          NfLanguageScope scope;
          NfDeckPlan *plan;
          guint n_pages;

          g_assert_no_error (error);
          measure_init (&measure, PANGO_CONTEXT (pango), style, (NfDeckPageSize) size, langs[l]);
          nf_language_scope_enter (&scope, langs[l]);
          plan = _nf_deck_plan_new (&measure, canvas);
          n_pages = _nf_deck_plan_overview_pages (plan);
          n_split += n_pages > 1;
          for (guint page = 0; page < n_pages; page++)
            {
              guint shown = _nf_deck_plan_overview_notes (plan, page);

              guint slide_styles = 0;
              double slide_size = _nf_deck_plan_slide_size (plan, page);
              gboolean crowded = FALSE;
              double emptiest = 1, bottom_fill = -1;
              NfBlock emptiest_block = 0;
              gboolean top_cuts = FALSE, bottom_cuts = FALSE;

              /* Each slide at least two-thirds of its even share of the
               * notes: no slide two-thirds empty beside a full one. */
              if (n_pages > 1 && 3 * shown * n_pages < 2 * nf_canvas_get_n_notes (canvas))
                g_error ("%s, page %u, %s: overview slide %u of %u shows %u of %u notes",
                         nf_canvas_get_company (canvas), size, langs[l] ? langs[l] : "as written",
                         page + 1, n_pages, shown, nf_canvas_get_n_notes (canvas));
              for (guint b = 0; b < NF_N_BLOCKS; b++)
                {
                  double room, need;
                  guint styles = _nf_deck_plan_block_styles (plan, (NfBlock) b, page);

                  /* One design a block: not a few whole cards with
                   * footers among rows of first lines. */
                  n_cut_marked += (styles & NF_DECK_CARD_CUT_MARKED) != 0;
                  styles &= NF_DECK_CARD_STYLES;
                  slide_styles |= styles;
                  {
                    double used, space;

                    gboolean measured = _nf_deck_plan_block_fill (plan, (NfBlock) b, page, &used, &space);

                    if (measured && used / space < emptiest)
                      {
                        emptiest = used / space;
                        emptiest_block = (NfBlock) b;
                      }
                    if (measured && nf_block_place ((NfBlock) b)->y == 2)
                      bottom_fill = MAX (bottom_fill, used / space);
                  }
                  {
                    double r, nd;
                    gboolean cuts = _nf_deck_plan_block_room (plan, (NfBlock) b, page, &r, &nd);

                    if (nf_block_place ((NfBlock) b)->y == 2)
                      bottom_cuts = bottom_cuts || cuts;
                    else
                      top_cuts = top_cuts || cuts;
                  }
                  if ((styles & (styles - 1)) != 0)
                    g_error ("%s, page %u, %s, overview slide %u: %s mixes card styles (%#x)",
                             nf_canvas_get_company (canvas), size,
                             langs[l] ? langs[l] : "as written", page + 1,
                             nf_block_title ((NfBlock) b), styles);

                  if (!_nf_deck_plan_block_room (plan, (NfBlock) b, page, &room, &need))
                    continue;
                  n_cut++;
                  crowded = TRUE;
                  if (room >= need)
                    g_error ("%s, page %u, %s, overview slide %u: %s shows a card cut with %.1f "
                             "of its room unused, and a line more of it takes %.1f",
                             nf_canvas_get_company (canvas), size,
                             langs[l] ? langs[l] : "as written", page + 1,
                             nf_block_title ((NfBlock) b), room, need);
                }
              /* The slide reads as one design: every card at one size,
               * in one style across the nine blocks (Alibaba's showed
               * whole cards at 12 pt beside rows of first lines). */
              if (slide_size < 0)
                g_error ("%s, page %u, %s, overview slide %u: cards at several sizes",
                         nf_canvas_get_company (canvas), size,
                         langs[l] ? langs[l] : "as written", page + 1);
              n_styled += slide_styles == NF_DECK_CARD_MARKED;
              /* Cards without marks and one-line rows of a block too
               * full for them are one design: each a note's opening
               * words and the page of its full text. */
              if (slide_styles == (NF_DECK_CARD_COMPACT | NF_DECK_CARD_ROW))
                slide_styles = NF_DECK_CARD_COMPACT;
              if ((slide_styles & (slide_styles - 1)) != 0)
                g_error ("%s, page %u, %s, overview slide %u: the blocks mix card styles (%#x)",
                         nf_canvas_get_company (canvas), size,
                         langs[l] ? langs[l] : "as written", page + 1, slide_styles);
              /* Blocks are sized by their notes: where one block has to
               * cut its notes, none beside it stands more than half
               * empty (Alibaba's Customer Segments filled a third of its
               * box beside a Value Propositions of one-line rows). */
              /* The bottom row keeps no more height than its cards take
               * at the size the slide is set in while a top block cuts
               * its notes: the fuller of its two blocks is full (Bitauto's
               * Revenue Streams stood at 60 % under four top blocks of
               * compact cards). */
              if (top_cuts && !bottom_cuts && bottom_fill >= 0 && bottom_fill < 0.9)
                g_error ("%s, page %u, %s, overview slide %u: the bottom row fills %.0f %% of its "
                         "room while a top block cuts its notes",
                         nf_canvas_get_company (canvas), size,
                         langs[l] ? langs[l] : "as written", page + 1, 100 * bottom_fill);
              /* Rows take their heights by what their cards take at the
               * size the slide is set in: Bitauto's bottom row stood
               * about half empty under a top row of cut notes. The
               * slides of 16:9 and A4, as written and in English, hold
               * each block at least about 55 % full (数跑科技's second
               * slide's Channels fills 55.0 % at 16:9); the rest half. */
              if (crowded && emptiest < (size != NF_DECK_PAGE_LETTER && l < 2 ? 0.54 : 0.5))
                g_error ("%s, page %u, %s, overview slide %u: %s fills %.0f %% of its room "
                         "while another block cuts its notes",
                         nf_canvas_get_company (canvas), size,
                         langs[l] ? langs[l] : "as written", page + 1,
                         nf_block_title (emptiest_block), 100 * emptiest);
            }
          _nf_deck_plan_free (plan);
          nf_language_scope_leave (&scope);
        }
  /* The cases are full enough that some blocks must cut. */
  g_assert_cmpuint (n_cut, >, 0);
  (void) n_split;
  /* Compact cards keep the note's evidence and tags under their first
   * lines where the block has room for them: they carried only the
   * warning sign. */
  g_assert_cmpuint (n_cut_marked, >, 0);
  /* Whole cards and cut ones alike carry their marks. */
  g_assert_cmpuint (n_styled, >, 0);
}

/* `text` without its white space and hyphens, so text wrapped across
 * lines matches (pdftotext joins a word broken after its hyphen). */
static char *
flat_text (const char *text,
           gsize       len)
{
  GString *flat = g_string_new (NULL);

  for (const char *p = text; p < text + len && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && *p != '-')
      g_string_append_unichar (flat, g_utf8_get_char (p));
  return g_string_free (flat, FALSE);
}

/* The deck's pages as pdftotext gives them (split at form feeds). */
static GPtrArray *
pdf_pages (const char *path)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  const char *argv[] = { NULL, "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) pages = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  int status = 0;

  argv[0] = tool;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = g_strsplit (out, "\f", -1);
  for (guint i = 0; pages[i] != NULL; i++)
    g_ptr_array_add (result, g_strdup (pages[i]));
  return result;
}

/* Every compact card's pointer on the deck's pages, "→ p. N" ("→ 第 N
 * 页"), names a page (not its own) that holds the words before it:
 * the note's full text. Returns how many pointers there are. */
static guint
check_pointers (const char *path,
                const char *what)
{
  g_autoptr(GPtrArray) pages = pdf_pages (path);
  g_autoptr(GRegex) re = g_regex_new ("→\\s*(p\\.|第)\\s*([0-9]+)\\b", 0, 0, NULL);
  g_autoptr(GRegex) other = g_regex_new ("→\\s*[[:alpha:]]+\\s*[0-9]", 0, 0, NULL);
  guint n = 0;

  for (guint i = 0; i < pages->len; i++)
    {
      const char *text = g_ptr_array_index (pages, i);
      g_autoptr(GMatchInfo) match = NULL;
      g_autoptr(GMatchInfo) stray = NULL;

      /* One word for a page: the block headings said "→ slide 4" beside
       * cards saying "→ p. 4". */
      for (g_regex_match (other, text, 0, &stray); g_match_info_matches (stray);
           g_match_info_next (stray, NULL))
        {
          g_autofree char *found = g_match_info_fetch (stray, 0);

          g_error ("%s, page %u: a pointer worded “%s”", what, i + 1, found);
        }

      for (g_regex_match (re, text, 0, &match); g_match_info_matches (match);
           g_match_info_next (match, NULL))
        {
          g_autofree char *digits = g_match_info_fetch (match, 2);
          guint target = (guint) g_ascii_strtoull (digits, NULL, 10);
          int start, end;
          g_autofree char *flat = NULL;
          g_autofree char *there = NULL;
          const char *before;
          g_autofree char *words = NULL;

          g_match_info_fetch_pos (match, 0, &start, &end);
          /* The eight characters before the arrow: the card's last
           * words (a card's text reads on from the card above it only
           * past its start, which has more than eight). */
          flat = flat_text (text, (gsize) start);
          before = flat + strlen (flat);
          for (guint k = 0; k < 8 && before > flat; k++)
            before = g_utf8_prev_char (before);
          words = g_strdup (before);
          n++;
          if (target == i + 1 || target == 0 || target > pages->len)
            g_error ("%s, page %u: a pointer to page %u", what, i + 1, target);
          /* A block heading's pointer stands on a line of its own, after
           * no words of a card. */
          {
            int k = start;

            while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t'))
              k--;
            if (k == 0 || text[k - 1] == '\n')
              continue;
          }
          there = flat_text (g_ptr_array_index (pages, target - 1),
                             strlen (g_ptr_array_index (pages, target - 1)));
          if (strstr (there, words) == NULL)
            g_error ("%s, page %u: “%s → p. %u”, but page %u does not hold “%s”",
                     what, i + 1, words, target, target, words);
        }
    }
  return n;
}

/* Body text at 12 pt: every note of the four cases, on 16:9 and A4, as
 * written and in English, is in full on some page at 12 pt or more
 * (the overview, or a block slide); no card of a block slide is below
 * 12 pt nor one of the overview below 9 pt; every compact card of the
 * overview points at the block slide with its full text, and in the
 * PDF the page it names holds the card's words. The overviews set
 * notes whole at 10 and 11 pt with no block slide repeating them, 64 %
 * of the deck's characters below 12 pt. A canvas whose notes all fit
 * one overview slide at 12 pt takes no block slide. */
static void
test_body_at_twelve (void)
{
  static const char * const langs[] = { NULL, "en" };
  static const NfDeckPageSize sizes[] = { NF_DECK_PAGE_WIDE, NF_DECK_PAGE_A4 };
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  guint n_pointed = 0, n_block_slides = 0;

  if (!have_pdftotext ())
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }
  for (guint c = 0; c < 4; c++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(NfCanvas) canvas = nf_canvas_load_case (c, &error);
          g_autoptr(GObject) pango = G_OBJECT (nf_render_pango_context_new (langs[l]));
          g_autofree char *what = NULL;
          g_autofree char *name = g_strdup_printf ("deck-body-%u-%u-%u.pdf", c, s, l);
          g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
          g_autoptr(GPtrArray) canvases = g_ptr_array_new ();
          NfDeck measure;
          NfDeckOptions opts;
          NfLanguageScope scope;
          NfDeckPlan *plan;
          guint n_slides = 0, n_overview, pointed = 0, n_headed = 0;
          double least;

          g_assert_no_error (error);
          what = g_strdup_printf ("%s, %s, %s", nf_canvas_get_company (canvas),
                                  s == 0 ? "16:9" : "A4", langs[l] ? langs[l] : "as written");
          measure_init (&measure, PANGO_CONTEXT (pango), style, sizes[s], langs[l]);
          nf_language_scope_enter (&scope, langs[l]);
          plan = _nf_deck_plan_new (&measure, canvas);
          n_overview = _nf_deck_plan_overview_pages (plan);
          least = _nf_deck_plan_block_slides_least (plan, &n_slides);
          n_block_slides += n_slides;
          if (least > 0 && least < 12)
            g_error ("%s: a block slide sets a note at %.1f pt", what, least);
          for (guint page = 0; page < n_overview; page++)
            {
              double size = _nf_deck_plan_slide_size (plan, page);

              if (size != 0 && size < 9)
                g_error ("%s: overview slide %u at %.1f pt", what, page + 1, size);
            }
          for (guint b = 0; b < NF_N_BLOCKS; b++)
            for (guint i = 0; i < g_list_model_get_n_items (nf_canvas_get_notes (canvas, (NfBlock) b)); i++)
              {
                double size = 0, at = 0;
                int slide = -1, points = -1;

                if (!_nf_deck_plan_note_full (plan, (NfBlock) b, i, &size, &slide))
                  g_error ("%s: %s %u is nowhere in full", what, nf_block_title ((NfBlock) b), i + 1);
                /* Its heading on the overview names its block slide too. */
                if (i == 0 && slide >= 0)
                  n_headed++;
                if (size < 12)
                  g_error ("%s: %s %u is in full only at %.1f pt (%s)", what,
                           nf_block_title ((NfBlock) b), i + 1, size,
                           slide < 0 ? "the overview" : "a block slide");
                if (_nf_deck_plan_note_pointer (plan, (NfBlock) b, i, &points, &at))
                  {
                    pointed++;
                    if (at < 9)
                      g_error ("%s: %s %u's compact card at %.1f pt", what,
                               nf_block_title ((NfBlock) b), i + 1, at);
                    if (points != slide || slide < 0)
                      g_error ("%s: %s %u's compact card names block slide %d, its full text is on %d",
                               what, nf_block_title ((NfBlock) b), i + 1, points + 1, slide + 1);
                  }
              }
          _nf_deck_plan_free (plan);
          nf_language_scope_leave (&scope);

          /* The pages named in the PDF hold the words. */
          g_ptr_array_add (canvases, canvas);
          nf_deck_options_init (&opts);
          opts.lang = langs[l];
          opts.page_size = sizes[s];
          g_assert_true (nf_deck_export_pdf (canvases, &opts, path, NULL, NULL, NULL, &error));
          g_assert_no_error (error);
          /* The cards' pointers and the headings', all "→ p. N". */
          g_assert_cmpuint (check_pointers (path, what), >=, pointed + n_headed);
          n_pointed += pointed;
        }
  /* The cases are full enough for compact cards and block slides. */
  g_assert_cmpuint (n_pointed, >, 0);
  g_assert_cmpuint (n_block_slides, >, 0);

  /* One short note: the overview at 12 pt is all. */
  {
    g_autoptr(NfCanvas) small = canvas_with_tables ("");
    g_autoptr(GObject) pango = G_OBJECT (nf_render_pango_context_new ("en"));
    NfDeck measure;
    NfDeckPlan *plan;
    guint n_slides = 0;
    double size = 0;
    int slide = 0;

    measure_init (&measure, PANGO_CONTEXT (pango), style, NF_DECK_PAGE_WIDE, "en");
    plan = _nf_deck_plan_new (&measure, small);
    g_assert_true (_nf_deck_plan_note_full (plan, NF_BLOCK_KEY_PARTNERS, 0, &size, &slide));
    g_assert_cmpfloat (size, >=, 12);
    g_assert_cmpint (slide, ==, -1);
    _nf_deck_plan_block_slides_least (plan, &n_slides);
    g_assert_cmpuint (n_slides, ==, 0);
    _nf_deck_plan_free (plan);
  }
}

/* A block with fewer notes than its overview has slides says on the
 * slide that shows none of them where they are: 数跑科技's Cost
 * Structure, one note, stood empty on the second overview slide. */
static void
test_overview_names_empty_share (void)
{
  g_autofree char *en = export_case (3, "en", FALSE, "deck-overview-share-en.pdf");
  g_autofree char *zh = export_case (3, "zh_CN", FALSE, "deck-overview-share-zh.pdf");

  if (en == NULL)
    return;
  g_assert_nonnull (strstr (en, "Its note: overview slide "));
  g_assert_nonnull (strstr (zh, "本栏便笺见概览第 "));
}

/* A canvas of `n` notes in Key Partners (of varied length), for a
 * comparison slide of many cards. */
static NfCanvas *
canvas_with_partners (const char *company,
                      guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *xml = NULL;
  NfCanvas *canvas;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (notes, "<note id=\"p%u\"><text>Partner %u of %s", i, i, company);
      for (guint w = 0; w < (i * 7) % 23; w++)
        g_string_append (notes, " supplies parts and services");
      g_string_append (notes, ".</text></note>");
    }
  xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">"
    "<metadata><company>%s</company><title>Partners</title></metadata>"
    "<block kind=\"key-partners\">%s</block>"
    "<block kind=\"key-activities\"/><block kind=\"key-resources\"/>"
    "<block kind=\"value-propositions\"/><block kind=\"customer-relationships\"/>"
    "<block kind=\"channels\"/><block kind=\"customer-segments\"/>"
    "<block kind=\"cost-structure\"/><block kind=\"revenue-streams\"/>"
    "</canvas>", company, notes->str);
  canvas = nf_canvas_load_from_data (xml, strlen (xml), "partners.ninefold", &error);
  g_assert_no_error (error);
  return canvas;
}

/* Every card of a compare block slide's comparison, and no
 * continuation with fewer than a third of the cards of the fullest
 * slide of its block: Key Activities of the four cases went on to a
 * third slide of one 数跑科技 card after two full ones. */
static guint
check_compare_blocks (GPtrArray  *canvases,
                      guint       size,
                      const char *lang)
{
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(GObject) pango = G_OBJECT (nf_render_pango_context_new (lang));
  NfDeck measure;
  NfLanguageScope scope;
  guint n_continued = 0;

  measure_init (&measure, PANGO_CONTEXT (pango), style, (NfDeckPageSize) size, lang);
  nf_language_scope_enter (&scope, lang);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      g_autoptr(GArray) counts = _nf_deck_compare_block_counts (&measure, canvases, (NfBlock) b);
      guint most = 0, sum = 0, notes = 0;

      g_assert_nonnull (counts);
      for (guint c = 0; c < canvases->len; c++)
        notes += g_list_model_get_n_items (nf_canvas_get_notes (g_ptr_array_index (canvases, c), (NfBlock) b));
      for (guint s = 0; s < counts->len; s++)
        {
          most = MAX (most, g_array_index (counts, guint, s));
          sum += g_array_index (counts, guint, s);
        }
      g_assert_cmpuint (sum, ==, notes);
      n_continued += counts->len > 1;
      for (guint s = 1; s < counts->len; s++)
        if (3 * g_array_index (counts, guint, s) < most)
          g_error ("%s, page %u, %s: compare slide %u of %u of %s shows %u cards, the fullest %u",
                   nf_canvas_get_company (g_ptr_array_index (canvases, 0)), size,
                   lang != NULL ? lang : "as written", s + 1, counts->len,
                   nf_block_title ((NfBlock) b), g_array_index (counts, guint, s), most);
    }
  nf_language_scope_leave (&scope);
  return n_continued;
}

static void
test_compare_blocks_balanced (void)
{
  static const char * const langs[] = { NULL, "en" };
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_continued = 0;

  for (guint c = 0; c < 4; c++)
    {
      g_autoptr(GError) error = NULL;
      NfCanvas *canvas = nf_canvas_load_case (c, &error);

      g_assert_no_error (error);
      g_ptr_array_add (cases, canvas);
    }
  for (guint size = NF_DECK_PAGE_WIDE; size <= NF_DECK_PAGE_LETTER; size++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      n_continued += check_compare_blocks (cases, size, langs[l]);
  /* The cases' blocks do go on to further slides. */
  g_assert_cmpuint (n_continued, >, 0);

  /* Columns sized by the room their notes take: the four cases' Key
   * Activities (10 and 12 notes beside 2 and 2) fill two slides, where
   * even columns ran over three, each about 60% full. */
  {
    g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
    g_autoptr(GObject) pango = G_OBJECT (nf_render_pango_context_new (NULL));
    g_autoptr(GArray) counts = NULL;
    NfDeck measure;

    measure_init (&measure, PANGO_CONTEXT (pango), style, NF_DECK_PAGE_WIDE, NULL);
    counts = _nf_deck_compare_block_counts (&measure, cases, NF_BLOCK_KEY_ACTIVITIES);
    g_assert_nonnull (counts);
    g_assert_cmpuint (counts->len, ==, 2);
  }

  /* One company with many notes in a block beside one with few. */
  for (guint n = 12; n <= 60; n += 4)
    {
      g_autoptr(GPtrArray) pair = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (pair, canvas_with_partners ("Many", n));
      g_ptr_array_add (pair, canvas_with_partners ("Few", 2));
      check_compare_blocks (pair, NF_DECK_PAGE_WIDE, NULL);
    }
}

/* The block slides share a canvas's notes evenly: each but the last
 * fills at least 55 % of its columns, and the last at least 35 %, or
 * else the blocks could not be shared more evenly over the same
 * slides. Bitauto's last block slide held Revenue Streams' three notes
 * alone, two-thirds white (28 %), after one filled to its foot. */
static void
test_block_slides_even (void)
{
  static const char * const langs[] = { NULL, "en" };
  static const NfDeckPageSize sizes[] = { NF_DECK_PAGE_WIDE, NF_DECK_PAGE_A4, NF_DECK_PAGE_LETTER };
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  guint n_checked = 0;

  for (guint c = 0; c < 4; c++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(NfCanvas) canvas = nf_canvas_load_case (c, &error);
          g_autoptr(GObject) pango = G_OBJECT (nf_render_pango_context_new (langs[l]));
          NfDeck measure;
          NfLanguageScope scope;
          NfDeckPlan *plan;
          guint n_slides = 0;
          double least_fill = 1;

          g_assert_no_error (error);
          measure_init (&measure, PANGO_CONTEXT (pango), style, sizes[s], langs[l]);
          nf_language_scope_enter (&scope, langs[l]);
          plan = _nf_deck_plan_new (&measure, canvas);
          _nf_deck_plan_block_slides_least (plan, &n_slides);
          for (guint k = 0; k < n_slides; k++)
            {
              double fill = _nf_deck_plan_block_slide_fill (plan, k);
              gboolean last = k + 1 == n_slides;

              g_test_message ("%s, size %u, %s: block slide %u of %u filled %.0f %%",
                              nf_canvas_get_company (canvas), s, langs[l] ? langs[l] : "own",
                              k + 1, n_slides, fill * 100);
              if (!last)
                least_fill = MIN (least_fill, fill);
              if (n_slides > 1 && ((!last && fill < 0.55) || (last && fill < 0.35)))
                g_error ("%s, page size %u, %s: block slide %u of %u is %.0f %% filled",
                         nf_canvas_get_company (canvas), s, langs[l] ? langs[l] : "as written",
                         k + 1, n_slides, fill * 100);
              n_checked++;
            }
          _nf_deck_plan_free (plan);
          nf_language_scope_leave (&scope);
        }
  g_assert_cmpuint (n_checked, >, 0);
}

/* A canvas's few metrics and its sources share a slide when both fit
 * it: Bitauto's one 3-row table and its one source took a slide each,
 * both mostly white. 数跑科技's metric slides are full, so its sources
 * keep a slide of their own. */
static void
test_metrics_and_sources (void)
{
  static const struct { guint c; gboolean merged; } cases[] = { { 0, TRUE }, { 1, TRUE }, { 3, FALSE } };

  if (!have_pdftotext ())
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NfCanvas) canvas = nf_canvas_load_case (cases[k].c, &error);
      g_autoptr(GPtrArray) canvases = g_ptr_array_new ();
      g_autofree char *name = g_strdup_printf ("deck-sources-%u.pdf", cases[k].c);
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
      g_autoptr(GPtrArray) pages = NULL;
      g_autoptr(NfMetricTable) table = NULL;
      g_autoptr(NfSource) source = NULL;
      NfDeckOptions opts;
      int metrics = -1, sources = -1;

      g_assert_no_error (error);
      table = g_list_model_get_item (nf_canvas_get_tables (canvas), 0);
      source = g_list_model_get_item (nf_canvas_get_sources (canvas), 0);
      g_assert_nonnull (table);
      g_assert_nonnull (source);
      g_ptr_array_add (canvases, canvas);
      nf_deck_options_init (&opts);
      opts.lang = "en";
      g_assert_true (nf_deck_export_pdf (canvases, &opts, path, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      pages = pdf_pages (path);
      for (guint i = 0; i < pages->len; i++)
        {
          const char *text = g_ptr_array_index (pages, i);

          if (strstr (text, "Metrics") != NULL && metrics < 0 && i > 1)
            metrics = (int) i;
          if (strstr (text, nf_source_get_title (source)) != NULL && strstr (text, "Cited by") != NULL)
            sources = (int) i;
        }
      g_assert_cmpint (metrics, >=, 0);
      g_assert_cmpint (sources, >=, 0);
      if (cases[k].merged)
        {
          g_assert_nonnull (strstr (g_ptr_array_index (pages, sources), "Metrics and sources"));
          g_assert_cmpint (sources, ==, metrics);
        }
      else
        g_assert_cmpint (sources, >, metrics);
      /* The sources are the canvas's last slide either way. */
      g_assert_cmpint (sources + 1, ==, (int) pages->len - (*(char *) g_ptr_array_index (pages, pages->len - 1) == '\0'));
    }
}

/* The title slide's date is in the deck's language, not the process's
 * LC_TIME (an English deck on a Chinese desktop said "7 十二月 2026"),
 * and a Chinese deck writes it as Chinese readers do, with no zh locale
 * installed (the tests run in C.UTF-8). */
static void
test_title_date (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 12, 7, 9, 0, 0);
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  static const struct { const char *lang; const char *want; } cases[] = {
    { "zh", "2026年12月7日" }, { "zh-CN", "2026年12月7日" }, { "en", "7 December 2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      NfLanguageScope scope;
      g_autofree char *when = NULL;

      nf_language_scope_enter (&scope, cases[i].lang);
      when = _nf_deck_format_date (date);
      nf_language_scope_leave (&scope);
      g_assert_cmpstr (when, ==, cases[i].want);
    }

  if (!have_pdftotext ())
    return;
  g_ptr_array_add (canvases, nf_canvas_load_case (3, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i += 2)
    {
      g_autofree char *name = g_strdup_printf ("deck-date-%s.pdf", cases[i].lang);
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
      g_autoptr(GPtrArray) pages = NULL;
      NfDeckOptions opts;

      nf_deck_options_init (&opts);
      opts.lang = cases[i].lang;
      opts.date = date;
      g_assert_true (nf_deck_export_pdf (canvases, &opts, path, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      pages = pdf_pages (path);
      g_assert_nonnull (strstr (g_ptr_array_index (pages, 0), cases[i].want));
      g_assert_null (strstr (g_ptr_array_index (pages, 0), "十二月"));
    }
}

/* A block slide's header names every block on it: one that opened with
 * "Channels (continued)" was headed "Customer Segments" alone. */
static void
test_block_slide_headers (void)
{
  guint n_checked = 0;

  if (!have_pdftotext ())
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }
  for (guint c = 0; c < 4; c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *name = g_strdup_printf ("deck-headers-%u.pdf", c);
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
      g_autoptr(GPtrArray) pages = NULL;
      NfDeckOptions opts;

      g_ptr_array_add (canvases, nf_canvas_load_case (c, &error));
      g_assert_no_error (error);
      nf_deck_options_init (&opts);
      opts.lang = "en";
      g_assert_true (nf_deck_export_pdf (canvases, &opts, path, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      pages = pdf_pages (path);
      for (guint i = 1; i < pages->len; i++)
        {
          g_auto(GStrv) lines = g_strsplit (g_ptr_array_index (pages, i), "\n", -1);
          g_autoptr(GPtrArray) kept = g_ptr_array_new ();
          const char *header;

          for (guint l = 0; lines[l] != NULL; l++)
            if (*g_strstrip (lines[l]) != '\0')
              g_ptr_array_add (kept, lines[l]);
          if (kept->len < 4)
            continue;
          header = g_ptr_array_index (kept, 2);
          /* Only the block slides, whose headers are blocks' names. */
          {
            gboolean blocks = FALSE;

            for (NfBlock b = NF_BLOCK_KEY_PARTNERS; b <= NF_BLOCK_REVENUE_STREAMS; b++)
              blocks |= g_str_has_prefix (header, nf_block_title (b));
            if (!blocks)
              continue;
          }
          for (guint l = 3; l < kept->len; l++)
            for (NfBlock b = NF_BLOCK_KEY_PARTNERS; b <= NF_BLOCK_REVENUE_STREAMS; b++)
              {
                const char *title = nf_block_title (b);
                g_autofree char *going_on = g_strdup_printf ("%s (continued)", title);
                const char *line = g_ptr_array_index (kept, l);

                if (g_str_equal (line, going_on) || g_str_equal (line, title))
                  {
                    if (strstr (header, title) == NULL)
                      g_error ("case %u, page %u: “%s” is on the slide headed “%s”", c, i + 1, line, header);
                    n_checked++;
                  }
              }
        }
    }
  g_assert_cmpuint (n_checked, >, 0);
}

/* Senmiao's metric slides: a heading that names its unit gets no second
 * one ("Annual Revenue ($) (USD)"), a chart's title says what its
 * figures are rather than "Money", and the rows a chart leaves out are
 * named under it ("Key customer metrics" charted two of four rows and
 * said nothing). */
static void
test_metric_headings_and_charts (void)
{
  g_autofree char *words = NULL;
  g_autofree char *flat = NULL;

  g_assert_true (nf_chart_name_says_unit ("Annual Revenue ($)", "USD"));
  g_assert_true (nf_chart_name_says_unit ("Leasing Period (Months)", "months"));
  g_assert_true (nf_chart_name_says_unit ("Potential Drivers", "drivers"));
  g_assert_true (nf_chart_name_says_unit ("营收（亿元）", "CNY"));
  g_assert_true (nf_chart_name_says_unit ("Revenue (usd)", "USD"));
  g_assert_false (nf_chart_name_says_unit ("Revenue", "USD"));
  g_assert_false (nf_chart_name_says_unit ("Total Vehicles Leased", "cars"));
  g_assert_true (nf_chart_name_is_generic ("Value"));
  g_assert_true (nf_chart_name_is_generic ("数值"));
  g_assert_false (nf_chart_name_is_generic ("Annual Revenue ($)"));

  words = export_case (2, "en", FALSE, "deck-senmiao-metrics.pdf");
  if (words == NULL)
    return;
  for (guint i = 0; i < 3; i++)
    {
      static const char * const twice[] = { "($) (USD)", "(Months) (months)", "Drivers (drivers)" };

      if (strstr (words, twice[i]) != NULL)
        g_error ("a heading says its unit twice: “%s”", twice[i]);
    }
  g_assert_null (strstr (words, "— Money"));
  g_assert_null (strstr (words, "— Percentages"));
  flat = flat_text (words, strlen (words));
  g_assert_nonnull (strstr (flat, "Notcharted:AverageRidesperUserperMonth,TotalRidesFacilitated."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/deck-look/chart/senmiao-customers", test_chart_senmiao_customers);
  g_test_add_func ("/deck-look/chart/counts-by-noun", test_chart_counts_by_noun);
  g_test_add_func ("/deck-look/chart/percent-families", test_chart_percent_families);
  g_test_add_func ("/deck-look/conflict-marks", test_conflict_marks);
  g_test_add_func ("/deck-look/overview-fills-blocks", test_overview_fills_blocks);
  g_test_add_func ("/deck-look/overview-names-empty-share", test_overview_names_empty_share);
  g_test_add_func ("/deck-look/body-at-twelve", test_body_at_twelve);
  g_test_add_func ("/deck-look/block-slides-even", test_block_slides_even);
  g_test_add_func ("/deck-look/metrics-and-sources", test_metrics_and_sources);
  g_test_add_func ("/deck-look/title-date", test_title_date);
  g_test_add_func ("/deck-look/metric-headings-and-charts", test_metric_headings_and_charts);
  g_test_add_func ("/deck-look/block-slide-headers", test_block_slide_headers);
  g_test_add_func ("/deck-look/compare-blocks-balanced", test_compare_blocks_balanced);
  return g_test_run ();
}
