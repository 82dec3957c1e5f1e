/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <ninefold.h>

#include "nf-diff-private.h"

static void
add_note (NfCanvas   *canvas,
          NfBlock     block,
          const char *id,
          const char *text,
          const char *en)
{
  g_autoptr(NfText) t = nf_text_new (text);
  g_autoptr(NfNote) note = NULL;
  g_autoptr(GError) error = NULL;

  if (en != NULL)
    {
      NfText *with = nf_text_with_translation (t, "en", en);

      nf_text_unref (t);
      t = with;
    }
  note = nf_note_new (id, t);
  g_assert_true (nf_canvas_insert_note (canvas, block,
                                        g_list_model_get_n_items (nf_canvas_get_notes (canvas, block)),
                                        note, &error));
  g_assert_no_error (error);
}

static NfCanvas *
make_canvas (const char *company,
             const char *lang)
{
  NfCanvas *canvas = nf_canvas_new ();

  nf_canvas_set_company (canvas, company);
  nf_canvas_set_language (canvas, lang);
  return canvas;
}

/* A line per entry, to compare whole diffs at once. */
static char *
describe (NfDiff *diff)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < nf_diff_get_n_entries (diff); i++)
    {
      const NfDiffEntry *e = nf_diff_get_entry (diff, i);

      g_string_append_printf (out, "%d %s>%s %.3f", e->kind, nf_block_to_xml (e->block),
                              nf_block_to_xml (e->to_block), e->score);
      for (guint c = 0; c < nf_diff_get_n_canvases (diff); c++)
        g_string_append_printf (out, " %s", e->notes[c] ? nf_note_get_id (e->notes[c]) : "-");
      for (guint k = 0; e->ops != NULL && k < e->ops->len; k++)
        {
          const NfDiffOp *op = g_ptr_array_index (e->ops, k);

          g_string_append_printf (out, " %c[%s]", "=-+"[op->kind], op->text);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static NfDiff *
diff2 (NfCanvas *a,
       NfCanvas *b)
{
  NfCanvas *both[] = { a, b };

  return nf_diff_new (both, 2, NF_DIFF_FLAGS_NONE);
}

static void
test_identical (void)
{
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NfCanvas) a = nf_canvas_load_case (i, &error);
      g_autoptr(NfCanvas) b = nf_canvas_load_case (i, &error);
      g_autoptr(NfDiff) diff = NULL;

      g_assert_no_error (error);
      diff = diff2 (a, b);
      g_assert_true (nf_diff_is_versions (diff));
      g_assert_true (nf_diff_is_same (diff));
      g_assert_cmpuint (nf_diff_get_n_entries (diff), ==, 0);
    }
}

static void
test_disjoint (void)
{
  g_autoptr(NfCanvas) a = make_canvas ("A Corp", "en");
  g_autoptr(NfCanvas) b = make_canvas ("B Corp", "en");
  g_autoptr(NfDiff) diff = NULL;
  g_autofree char *text = NULL;

  add_note (a, NF_BLOCK_CHANNELS, "n1", "Sales through retail shops", NULL);
  add_note (b, NF_BLOCK_CHANNELS, "n1", "A mobile application for ordering", NULL);
  diff = diff2 (a, b);
  text = describe (diff);
  g_assert_false (nf_diff_is_versions (diff));
  g_assert_false (nf_diff_is_same (diff));
  g_assert_cmpstr (text, ==,
                   "1 channels>channels 1.000 n1 -\n"
                   "0 channels>channels 1.000 - n1\n");
}

static void
test_edit_words (void)
{
  g_autoptr(NfCanvas) a = make_canvas ("Co", "en");
  g_autoptr(NfCanvas) b = make_canvas ("Co", "en");
  g_autoptr(NfDiff) diff = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) zh = nf_diff_words ("我们通过网站销售", "我们通过门店销售");
  const NfDiffOp *op;

  add_note (a, NF_BLOCK_CHANNELS, "n1", "Sales through retail shops.", NULL);
  add_note (b, NF_BLOCK_CHANNELS, "n1", "Sales through online shops.", NULL);
  diff = diff2 (a, b);
  text = describe (diff);
  g_assert_true (g_str_has_prefix (text, "2 channels>channels"));
  g_assert_true (g_str_has_suffix (text, "n1 n1 =[Sales through ] -[retail] +[online] =[ shops.]\n"));

  g_assert_cmpuint (zh->len, ==, 4);
  op = g_ptr_array_index (zh, 1);
  g_assert_cmpint (op->kind, ==, NF_DIFF_OP_DELETE);
  g_assert_cmpstr (op->text, ==, "网站");
  op = g_ptr_array_index (zh, 2);
  g_assert_cmpint (op->kind, ==, NF_DIFF_OP_INSERT);
  g_assert_cmpstr (op->text, ==, "门店");
}

static void
test_moves_and_reorder (void)
{
  g_autoptr(NfCanvas) a = make_canvas ("Co", "en");
  g_autoptr(NfCanvas) b = make_canvas ("Co", "en");
  g_autoptr(NfDiff) diff = NULL;
  g_autoptr(NfDiff) quiet = NULL;
  g_autofree char *text = NULL;
  NfCanvas *both[2];

  add_note (a, NF_BLOCK_CHANNELS, "n1", "one", NULL);
  add_note (a, NF_BLOCK_CHANNELS, "n2", "two", NULL);
  add_note (a, NF_BLOCK_CHANNELS, "n3", "three", NULL);
  add_note (b, NF_BLOCK_CHANNELS, "n2", "two", NULL);
  add_note (b, NF_BLOCK_CHANNELS, "n1", "one", NULL);
  add_note (b, NF_BLOCK_CUSTOMER_SEGMENTS, "n3", "three", NULL);
  diff = diff2 (a, b);
  text = describe (diff);
  g_assert_cmpstr (text, ==,
                   "3 channels>customer-segments 1.000 n3 n3\n"
                   "4 channels>channels 1.000 n1 n1\n");
  both[0] = a, both[1] = b;
  quiet = nf_diff_new (both, 2, NF_DIFF_FLAGS_IGNORE_REORDER);
  g_assert_cmpuint (nf_diff_get_n_entries (quiet), ==, 1);
}

/* Similarity is of what notes say: stop words do not count, plural
 * endings are one word, CJK text is compared by character pairs. */
static void
test_similarity (void)
{
  g_assert_cmpfloat (nf_diff_similarity ("Service fees for the drivers", "service fee of a driver"), ==, 1.0);
  g_assert_cmpfloat (nf_diff_similarity ("Companies in the cities", "company city"), ==, 1.0);
  /* Sharing only stop words is sharing nothing. */
  g_assert_cmpfloat (nf_diff_similarity ("the fees of the platform", "the drivers of the fleet"), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (nf_diff_similarity ("汽车营销", "汽车数字化营销"), 2.0 / 7.0, 1e-9);
}

static void
test_translations (void)
{
  g_autoptr(NfCanvas) zh = make_canvas ("甲公司", "zh-CN");
  g_autoptr(NfCanvas) en = make_canvas ("B Corp", "en");
  g_autoptr(NfDiff) diff = NULL;
  g_autofree char *text = NULL;

  add_note (zh, NF_BLOCK_CHANNELS, "n1", "通过零售门店销售", "Sales through retail shops");
  add_note (zh, NF_BLOCK_CHANNELS, "n2", "线上广告", "Online advertising on search engines");
  add_note (en, NF_BLOCK_CHANNELS, "n1", "Sales through retail shops", NULL);
  add_note (en, NF_BLOCK_CHANNELS, "n2", "Advertising on search engines online and offline", NULL);
  diff = diff2 (zh, en);
  text = describe (diff);
  g_assert_cmpstr (text, ==,
                   "5 channels>channels 1.000 n1 n1\n"
                   "1 channels>channels 1.000 n2 -\n"
                   "0 channels>channels 1.000 - n2\n"
                   "8 channels>channels 0.800 n2 n2\n");
  g_assert_cmpfloat (nf_diff_similarity ("中国的市场规模", "中国市场规模很大"), >, 0.3);
}

static void
test_cases_deterministic (void)
{
  NfCanvas *cases[4];
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GError) error = NULL;

      cases[i] = nf_canvas_load_case (i, &error);
      g_assert_no_error (error);
    }
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(NfDiff) diff = nf_diff_new (cases, 4, NF_DIFF_FLAGS_NONE);
      char *text = describe (diff);

      g_assert_false (nf_diff_is_same (diff));
      if (round == 0)
        first = text;
      else
        second = text;
    }
  g_assert_cmpstr (first, ==, second);
  for (guint i = 0; i < 4; i++)
    g_object_unref (cases[i]);
}

/* The near matches of a diff of two canvases, as "A-id B-id" lines in the
 * first canvas's order; asserts that no note is in two of them. */
static char *
near_pairs (NfDiff *diff)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < nf_diff_get_n_entries (diff); i++)
    {
      const NfDiffEntry *e = nf_diff_get_entry (diff, i);

      if (e->kind != NF_DIFF_NEAR)
        continue;
      for (guint c = 0; c < 2; c++)
        {
          g_assert_nonnull (e->notes[c]);
          g_assert_false (g_hash_table_contains (seen, e->notes[c]));
          g_hash_table_add (seen, e->notes[c]);
        }
      g_string_append_printf (out, "%s %s\n", nf_note_get_id (e->notes[0]), nf_note_get_id (e->notes[1]));
    }
  return g_string_free (out, FALSE);
}

/* Near matches are chosen as a whole: "Commissions from sellers on the
 * marketplace" is nearest "Marketplace commissions…" (0.75), but that is
 * the only match of "Premium listings…" (0.4), and the commission note
 * has another good one (0.5). Taking the best match note by note, in
 * either canvas's order or best score first, pairs one and leaves two
 * alone; the best pairing pairs both. */
static void
test_near_pairing (void)
{
  for (guint order = 0; order < 2; order++)
    {
      g_autoptr(NfCanvas) a = make_canvas ("A Corp", "en");
      g_autoptr(NfCanvas) b = make_canvas ("B Corp", "en");
      g_autoptr(NfDiff) diff = NULL;
      g_autoptr(NfDiff) back = NULL;
      g_autofree char *pairs = NULL;
      g_autofree char *back_pairs = NULL;

      if (order == 0)
        {
          add_note (a, NF_BLOCK_REVENUE_STREAMS, "a1", "Commissions from sellers on the marketplace", NULL);
          add_note (a, NF_BLOCK_REVENUE_STREAMS, "a2", "Premium listings on the marketplace", NULL);
        }
      else
        {
          add_note (a, NF_BLOCK_REVENUE_STREAMS, "a2", "Premium listings on the marketplace", NULL);
          add_note (a, NF_BLOCK_REVENUE_STREAMS, "a1", "Commissions from sellers on the marketplace", NULL);
        }
      add_note (b, NF_BLOCK_REVENUE_STREAMS, "b1", "Marketplace commissions from sellers for listings", NULL);
      add_note (b, NF_BLOCK_REVENUE_STREAMS, "b2", "Commissions from sellers for payments", NULL);
      g_assert_cmpfloat (nf_diff_similarity ("Commissions from sellers on the marketplace",
                                             "Marketplace commissions from sellers for listings"), >,
                         nf_diff_similarity ("Commissions from sellers on the marketplace",
                                             "Commissions from sellers for payments"));

      diff = diff2 (a, b);
      pairs = near_pairs (diff);
      g_assert_cmpstr (pairs, ==, order == 0 ? "a1 b2\na2 b1\n" : "a2 b1\na1 b2\n");
      /* The same pairs whichever canvas comes first. */
      back = diff2 (b, a);
      back_pairs = near_pairs (back);
      g_assert_cmpstr (back_pairs, ==, "b1 a2\nb2 a1\n");
    }
}

/* More notes than there are partners: each note is in one near match at
 * most, and the pairing is the one of greatest total similarity. */
static void
test_near_one_each (void)
{
  g_autoptr(NfCanvas) a = make_canvas ("A Corp", "en");
  g_autoptr(NfCanvas) b = make_canvas ("B Corp", "en");
  g_autoptr(NfDiff) diff = NULL;
  g_autofree char *pairs = NULL;

  add_note (a, NF_BLOCK_CHANNELS, "a1", "Retail shops in large cities", NULL);
  add_note (a, NF_BLOCK_CHANNELS, "a2", "Retail shops in small towns", NULL);
  add_note (a, NF_BLOCK_CHANNELS, "a3", "Retail shops and kiosks", NULL);
  add_note (b, NF_BLOCK_CHANNELS, "b1", "Retail shops in cities", NULL);
  add_note (b, NF_BLOCK_CHANNELS, "b2", "Kiosks in towns", NULL);
  diff = diff2 (a, b);
  pairs = near_pairs (diff);
  /* a1-b1 0.75 and a2-b2 0.2 (1/5: "towns"), or a1-b1 with a3-b2 0.25
   * (1/4: "kiosks"): the second is better. */
  g_assert_cmpstr (pairs, ==, "a1 b1\na3 b2\n");
}

/* Notes filed under the same tags are about the same thing even when
 * they share few words; tags they do not share take nothing away. */
static void
test_near_tags (void)
{
  g_autoptr(NfCanvas) a = make_canvas ("A Corp", "en");
  g_autoptr(NfCanvas) b = make_canvas ("B Corp", "en");
  g_autoptr(NfDiff) diff = NULL;
  g_autofree char *pairs = NULL;
  const char *ads[] = { "Advertising", NULL };
  const char *both[] = { "advertising", "automakers", NULL };
  const char *fleet[] = { "fleet", NULL };
  NfNote *note;

  add_note (a, NF_BLOCK_REVENUE_STREAMS, "a1", "Banner placements sold to car makers", NULL);
  add_note (a, NF_BLOCK_REVENUE_STREAMS, "a2", "Leasing cars to drivers", NULL);
  add_note (b, NF_BLOCK_REVENUE_STREAMS, "b1", "Promoted search results paid for by brands", NULL);
  add_note (b, NF_BLOCK_REVENUE_STREAMS, "b2", "Rental income from vehicles", NULL);
  note = g_list_model_get_item (nf_canvas_get_notes (a, NF_BLOCK_REVENUE_STREAMS), 0);
  nf_canvas_set_note_tags (a, note, both);
  g_object_unref (note);
  note = g_list_model_get_item (nf_canvas_get_notes (b, NF_BLOCK_REVENUE_STREAMS), 0);
  nf_canvas_set_note_tags (b, note, ads);
  g_object_unref (note);
  note = g_list_model_get_item (nf_canvas_get_notes (b, NF_BLOCK_REVENUE_STREAMS), 1);
  nf_canvas_set_note_tags (b, note, fleet);
  g_object_unref (note);
  g_assert_cmpfloat (nf_diff_similarity ("Banner placements sold to car makers",
                                         "Promoted search results paid for by brands"), ==, 0.0);

  diff = diff2 (a, b);
  pairs = near_pairs (diff);
  /* a2 and b2 share no word and one of them has no tags. */
  g_assert_cmpstr (pairs, ==, "a1 b1\n");
}

/* The shipped cases: Bitauto's advertising and service fees meet
 * Alibaba's advertising and service fees, not each other's. */
static void
test_near_cases (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) bitauto = nf_canvas_load_case (0, &error);
  g_autoptr(NfCanvas) alibaba = nf_canvas_load_case (1, &error);
  g_autoptr(NfDiff) diff = NULL;
  guint n_found = 0;

  g_assert_no_error (error);
  diff = diff2 (bitauto, alibaba);
  g_free (near_pairs (diff));
  for (guint i = 0; i < nf_diff_get_n_entries (diff); i++)
    {
      const NfDiffEntry *e = nf_diff_get_entry (diff, i);
      const char *x, *y;

      if (e->kind != NF_DIFF_NEAR || e->block != NF_BLOCK_REVENUE_STREAMS)
        continue;
      x = nf_text_get (nf_note_get_text (e->notes[0]));
      y = nf_text_get (nf_note_get_text (e->notes[1]));
      if (g_str_has_prefix (x, "Advertising is the second major source"))
        {
          g_assert_true (g_str_has_prefix (y, "Advertising fees charged to advertisers"));
          n_found++;
        }
      else if (g_str_has_prefix (x, "Service fees from customers"))
        {
          g_assert_true (g_str_has_prefix (y, "Service fees for various online services"));
          n_found++;
        }
    }
  g_assert_cmpuint (n_found, ==, 2);
}

static NfCanvas *
generated (const char *company,
           guint       seed)
{
  static const char *words[] = {
    "customer", "market", "platform", "sales", "online", "retail", "partner", "data",
    "service", "mobile", "price", "growth", "brand", "supply", "cost", "user",
  };
  NfCanvas *canvas = make_canvas (company, "en");
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 10000; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *id = g_strdup_printf ("n%u", i + 1);

      for (guint w = 0; w < 8; w++)
        g_string_append_printf (text, "%s%u ", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                g_rand_int_range (rand, 0, 2000));
      add_note (canvas, i % NF_N_BLOCKS, id, text->str, NULL);
    }
  return canvas;
}

/* Big canvases: every note is accounted for exactly once on each side.
 * How fast is for the benchmarks (tests/bench), not for a unit test. */
static void
test_large (void)
{
  g_autoptr(NfCanvas) a = generated ("Big", 1);
  g_autoptr(NfCanvas) b = generated ("Other", 2);
  g_autoptr(NfCanvas) c = generated ("Big", 1);
  g_autoptr(NfDiff) diff = diff2 (a, b);
  g_autoptr(NfDiff) versions = diff2 (a, c);
  g_autoptr(GHashTable) seen_a = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) seen_b = g_hash_table_new (NULL, NULL);
  GHashTable *seen[2] = { seen_a, seen_b };

  g_assert_true (nf_diff_is_same (versions));
  g_assert_false (nf_diff_is_same (diff));
  for (guint i = 0; i < nf_diff_get_n_entries (diff); i++)
    {
      const NfDiffEntry *entry = nf_diff_get_entry (diff, i);

      for (guint side = 0; side < 2; side++)
        if (entry->notes[side] != NULL)
          {
            g_assert_false (g_hash_table_contains (seen[side], entry->notes[side]));
            g_hash_table_add (seen[side], entry->notes[side]);
          }
    }
  g_assert_cmpuint (g_hash_table_size (seen[0]), ==, nf_canvas_get_n_notes (a));
  g_assert_cmpuint (g_hash_table_size (seen[1]), ==, nf_canvas_get_n_notes (b));
}

static void
add_money_table (NfCanvas   *canvas,
                 const char *title,
                 const char *column,
                 const char *currency,
                 const char *amount)
{
  g_autoptr(NfText) heading = nf_text_new (title);
  g_autoptr(NfMetricTable) table = nf_metric_table_new ("t1", heading);
  g_autoptr(NfText) year = nf_text_new ("Year");
  g_autoptr(NfText) name = nf_text_new (column);
  g_autoptr(GError) error = NULL;
  const char *cells[] = { "2020", amount };

  g_assert_true (nf_canvas_insert_table (canvas, 0, table, &error));
  g_assert_no_error (error);
  nf_canvas_set_table_block (canvas, table, NF_BLOCK_REVENUE_STREAMS);
  nf_canvas_insert_table_column (canvas, table, 0, year, NF_COLUMN_YEAR, NULL);
  nf_canvas_insert_table_column (canvas, table, 1, name, NF_COLUMN_MONEY, currency);
  nf_canvas_insert_table_row (canvas, table, 0, cells);
}

static void
test_metrics (void)
{
  g_autoptr(NfCanvas) a = make_canvas ("A", "en");
  g_autoptr(NfCanvas) b = make_canvas ("B", "zh-CN");
  g_autoptr(NfCanvas) c = make_canvas ("C", "en");
  g_autoptr(NfDiff) ab = NULL;
  g_autoptr(NfDiff) ac = NULL;
  const NfDiffMetricRow *row;
  g_autofree char *key = nf_diff_metric_key ("营业收入");

  g_assert_cmpstr (key, ==, "revenue");
  add_money_table (a, "Revenue", "Revenue", "CNY", "100");
  add_money_table (b, "收入", "收入", "CNY", "150");
  add_money_table (c, "Revenue", "Revenue", "USD", "20");
  /* The diff owns the one alignment of figures. */
  ab = diff2 (a, b);
  g_assert_cmpuint (nf_diff_metrics_get_n_rows (nf_diff_get_metrics (ab)), ==, 1);
  row = nf_diff_metrics_get_row (nf_diff_get_metrics (ab), 0);
  g_assert_true (row->comparable);
  g_assert_true (row->differs);
  g_assert_cmpint (row->kind, ==, NF_NUMBER_KIND_MONEY);
  g_assert_cmpfloat_with_epsilon (nf_diff_metric_row_get_delta (row, 1), 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (nf_diff_metric_row_get_ratio (row, 1), 1.5, 1e-9);
  g_assert_false (nf_diff_is_same (ab));

  ac = diff2 (a, c);
  g_assert_cmpuint (nf_diff_metrics_get_n_rows (nf_diff_get_metrics (ac)), ==, 1);
  row = nf_diff_metrics_get_row (nf_diff_get_metrics (ac), 0);
  g_assert_false (row->comparable);
  g_assert_cmpfloat (nf_diff_metric_row_get_delta (row, 1), ==, 0);
}

/* Two to four canvases, row by row: what is where, what compares. */
static void
test_metrics_many (void)
{
  g_autoptr(NfCanvas) a = make_canvas ("A", "en");
  g_autoptr(NfCanvas) b = make_canvas ("B", "zh-CN");
  g_autoptr(NfCanvas) c = make_canvas ("C", "en");
  g_autoptr(NfCanvas) d = make_canvas ("D", "en");
  g_autoptr(NfDiffMetrics) all = NULL;
  g_autoptr(NfDiffMetrics) two = NULL;
  g_autoptr(NfText) heading = nf_text_new ("Audience");
  g_autoptr(NfMetricTable) users = nf_metric_table_new ("t1", heading);
  g_autoptr(NfText) metric = nf_text_new ("Metric");
  g_autoptr(NfText) value = nf_text_new ("Value");
  g_autoptr(GError) error = NULL;
  const char *row[] = { "Registered users", "2,235.1万" };
  const NfDiffMetricRow *m;
  g_autofree char *k1 = nf_diff_metric_key ("注册用户数");
  g_autofree char *k2 = nf_diff_metric_key ("用户全生命周期节点");

  /* A whole label names a measure, in either language; a word inside a
   * label does not ("用户全生命周期节点" counts stages, not users). */
  g_assert_cmpstr (k1, ==, "registered users");
  g_assert_cmpstr (k2, !=, "users");

  add_money_table (a, "Revenue", "Revenue", "CNY", "100");
  add_money_table (b, "收入", "收入", "CNY", "150");
  add_money_table (c, "Revenue", "Revenue", "USD", "20");
  g_assert_true (nf_canvas_insert_table (d, 0, users, &error));
  g_assert_no_error (error);
  nf_canvas_insert_table_column (d, users, 0, metric, NF_COLUMN_TEXT, NULL);
  nf_canvas_insert_table_column (d, users, 1, value, NF_COLUMN_COUNT, NULL);
  nf_canvas_insert_table_row (d, users, 0, row);

  two = nf_diff_metrics_new ((NfCanvas *[]) { a, b }, 2);
  g_assert_cmpuint (nf_diff_metrics_get_n_canvases (two), ==, 2);
  g_assert_cmpuint (nf_diff_metrics_get_n_rows (two), ==, 1);
  m = nf_diff_metrics_get_row (two, 0);
  g_assert_true (m->comparable);
  g_assert_cmpuint (m->n_present, ==, 2);
  g_assert_cmpfloat_with_epsilon (nf_diff_metric_row_get_delta (m, 1), 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (nf_diff_metric_row_get_ratio (m, 1), 1.5, 1e-9);
  g_assert_cmpstr (m->units[1], ==, "CNY");

  all = nf_diff_metrics_new ((NfCanvas *[]) { a, b, c, d }, 4);
  g_assert_cmpuint (nf_diff_metrics_get_n_rows (all), ==, 1);
  m = nf_diff_metrics_get_row (all, 0);
  g_assert_cmpuint (m->n_present, ==, 3);
  g_assert_true (m->present[0] && m->present[1] && m->present[2] && !m->present[3]);
  /* Yuan and dollars are kept apart: no rate is given. */
  g_assert_false (m->comparable);
  g_assert_cmpfloat (nf_diff_metric_row_get_delta (m, 2), ==, 0);
  g_assert_cmpuint (nf_diff_metrics_get_n_unaligned (all, 0), ==, 0);
  g_assert_cmpuint (nf_diff_metrics_get_n_unaligned (all, 3), ==, 1);
  m = nf_diff_metrics_get_unaligned (all, 3, 0);
  g_assert_cmpstr (m->key, ==, "registered users");
  g_assert_cmpuint (m->n_present, ==, 1);
  g_assert_true (m->present[3]);
  g_assert_cmpfloat (m->values[3], ==, 22351000);
  g_assert_true (nf_diff_metrics_table_is_only (all, 3, users));
  g_assert_false (nf_diff_metrics_table_is_only (all, 0, nf_diff_metrics_get_row (all, 0)->tables[0]));
}

/* Yuan and dollars compare only through a rate a compared canvas states:
 * the figure's own canvas first, then the base's; undone, it is gone. */
static void
test_metrics_rates (void)
{
  g_autoptr(NfCanvas) a = make_canvas ("A", "en");
  g_autoptr(NfCanvas) b = make_canvas ("B", "zh-CN");
  g_autoptr(NfCanvas) c = make_canvas ("C", "en");
  g_autoptr(NfRate) usd_cny = nf_rate_new ("USD", "CNY", 7, "2023-12-31");
  g_autoptr(NfRate) cny_usd = nf_rate_new ("CNY", "USD", 0.125, NULL);
  g_autoptr(NfRate) eur_cny = nf_rate_new ("EUR", "CNY", 8, NULL);
  NfCanvas *three[] = { a, b, c };
  const NfDiffMetricRow *m;

  add_money_table (a, "Revenue", "Revenue", "CNY", "100");
  add_money_table (b, "收入", "收入", "CNY", "150");
  add_money_table (c, "Revenue", "Revenue", "USD", "20");

  /* A rate between other currencies does not help. */
  nf_canvas_set_rate (c, eur_cny);
  {
    g_autoptr(NfDiffMetrics) all = nf_diff_metrics_new (three, 3);

    m = nf_diff_metrics_get_row (all, 0);
    g_assert_false (m->comparable);
    g_assert_null (m->rates[2]);
  }

  /* The base canvas states CNY → USD: dollars are divided by it. */
  nf_canvas_set_rate (a, cny_usd);
  {
    g_autoptr(NfDiffMetrics) all = nf_diff_metrics_new (three, 3);

    m = nf_diff_metrics_get_row (all, 0);
    g_assert_true (m->comparable);
    g_assert_true (m->rates[2] == cny_usd);
    g_assert_null (m->rates[1]);
    g_assert_cmpfloat_with_epsilon (m->converted[2], 160, 1e-9);
    g_assert_cmpfloat_with_epsilon (m->values[2], 20, 1e-9);
    g_assert_cmpfloat_with_epsilon (nf_diff_metric_row_get_delta (m, 2), 60, 1e-9);
    g_assert_cmpfloat_with_epsilon (nf_diff_metric_row_get_ratio (m, 2), 1.6, 1e-9);
    g_assert_cmpfloat_with_epsilon (nf_diff_metric_row_get_delta (m, 1), 50, 1e-9);
  }

  /* The figure's own canvas wins over the base's. */
  nf_canvas_set_rate (c, usd_cny);
  {
    g_autoptr(NfDiffMetrics) all = nf_diff_metrics_new (three, 3);

    m = nf_diff_metrics_get_row (all, 0);
    g_assert_true (m->rates[2] == usd_cny);
    g_assert_cmpfloat_with_epsilon (m->converted[2], 140, 1e-9);
    g_assert_cmpfloat_with_epsilon (nf_diff_metric_row_get_ratio (m, 2), 1.4, 1e-9);
  }

  /* Undo takes the rate back, and with it the conversion. */
  g_assert_true (nf_history_undo (nf_canvas_get_history (c)));
  g_assert_null (nf_canvas_find_rate (c, "CNY", "USD"));
  g_assert_true (nf_history_undo (nf_canvas_get_history (a)));
  g_assert_null (nf_canvas_find_rate (a, "USD", "CNY"));
  {
    g_autoptr(NfDiffMetrics) all = nf_diff_metrics_new (three, 3);

    m = nf_diff_metrics_get_row (all, 0);
    g_assert_false (m->comparable);
    g_assert_null (m->rates[2]);
  }
}

/* One rate per pair of currencies, either way round; bad rates are no rates. */
static void
test_rates_model (void)
{
  g_autoptr(NfCanvas) canvas = make_canvas ("A", "en");
  g_autoptr(NfRate) r1 = nf_rate_new ("USD", "CNY", 7.1884, "2024-12-31");
  g_autoptr(NfRate) r2 = nf_rate_new ("CNY", "USD", 0.14, "2024");
  g_autoptr(NfRate) again = nf_rate_new ("USD", "CNY", 7.1884, "2024-12-31");

  g_assert_null (nf_rate_new ("usd", "CNY", 7, NULL));
  g_assert_null (nf_rate_new ("USD", "USD", 1, NULL));
  g_assert_null (nf_rate_new ("USD", "CNY", 0, NULL));
  g_assert_null (nf_rate_new ("USD", "CNY", -7, NULL));
  g_assert_null (nf_rate_new ("USD", "CNY", INFINITY, NULL));
  g_assert_null (nf_rate_new ("USD", "CNY", NAN, NULL));
  g_assert_null (nf_rate_new ("USD", "CNY", 7, "2023-02-29"));
  g_assert_null (nf_rate_new ("USDX", "CNY", 7, NULL));
  g_assert_true (nf_rate_date_is_valid ("2024-02-29"));
  g_assert_true (nf_rate_date_is_valid ("2024-12"));
  g_assert_false (nf_rate_date_is_valid ("2024-13"));
  g_assert_false (nf_rate_date_is_valid ("24-01-01"));
  g_assert_true (nf_rate_equal (r1, again));
  g_assert_false (nf_rate_equal (r1, r2));

  nf_canvas_set_rate (canvas, r1);
  g_assert_true (nf_canvas_get_modified (canvas));
  g_assert_true (nf_canvas_find_rate (canvas, "CNY", "USD") == r1);
  /* The same pair the other way round replaces it, in place. */
  nf_canvas_set_rate (canvas, r2);
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_rates (canvas)), ==, 1);
  g_assert_true (nf_canvas_find_rate (canvas, "USD", "CNY") == r2);
  g_assert_true (nf_history_undo (nf_canvas_get_history (canvas)));
  g_assert_true (nf_canvas_find_rate (canvas, "USD", "CNY") == r1);
  nf_canvas_remove_rate (canvas, 0);
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_rates (canvas)), ==, 0);
  g_assert_true (nf_history_undo (nf_canvas_get_history (canvas)));
  g_assert_true (nf_canvas_find_rate (canvas, "USD", "CNY") == r1);
  g_assert_true (nf_history_redo (nf_canvas_get_history (canvas)));
  g_assert_null (nf_canvas_find_rate (canvas, "USD", "CNY"));
}

/* A canvas with one table of key figures: a label column, then a money
 * column in `currency`; `row_attr` and `column_attr` go on the row and the
 * money column (such as  metric="gmv"). */
static NfCanvas *
load_figures (const char *lang,
              const char *title,
              const char *label,
              const char *column,
              const char *column_attr,
              const char *currency,
              const char *row_attr,
              const char *text,
              const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"%s\">\n"
    "  <metadata>\n    <company>C</company>\n    <title>T</title>\n  </metadata>\n"
    "  <block kind=\"key-partners\"/>\n  <block kind=\"key-activities\"/>\n"
    "  <block kind=\"key-resources\"/>\n  <block kind=\"value-propositions\"/>\n"
    "  <block kind=\"customer-relationships\"/>\n  <block kind=\"channels\"/>\n"
    "  <block kind=\"customer-segments\"/>\n  <block kind=\"cost-structure\"/>\n"
    "  <block kind=\"revenue-streams\"/>\n"
    "  <metrics>\n    <table id=\"t1\">\n      <title>%s</title>\n"
    "      <column type=\"text\">\n        <name>Metric</name>\n      </column>\n"
    "      <column type=\"money\" unit=\"%s\"%s>\n        <name>%s</name>\n      </column>\n"
    "      <row%s>\n        <cell>%s</cell>\n        <cell value=\"%s\">%s</cell>\n      </row>\n"
    "    </table>\n  </metrics>\n</canvas>\n",
    lang, title, currency, column_attr, column, row_attr, label, value, text);
  NfCanvas *canvas = nf_canvas_load_from_data (xml, strlen (xml), "figures.ninefold", &error);

  g_assert_no_error (error);
  return canvas;
}

/* Labels that share no word align by the key the files give, and only by
 * it; the pairwise diff needs the columns keyed too, as their names differ. */
static void
test_metrics_explicit_key (void)
{
  g_autoptr(NfCanvas) en = load_figures ("en", "Key figures", "GMV", "FY2023", " metric=\"fy-2023\"", "CNY",
                                         " metric=\"gmv\"", "100", "100");
  g_autoptr(NfCanvas) zh = load_figures ("zh", "Key figures", "交易额", "2023财年", " metric=\"fy-2023\"", "CNY",
                                         " metric=\"gmv\"", "150", "150");
  g_autoptr(NfCanvas) en_bare = load_figures ("en", "Key figures", "GMV", "FY2023", "", "CNY",
                                              "", "100", "100");
  g_autoptr(NfCanvas) zh_bare = load_figures ("zh", "Key figures", "交易额", "2023财年", "", "CNY",
                                              "", "150", "150");
  g_autoptr(NfCanvas) other = load_figures ("en", "Key figures", "GMV", "FY2023", "", "CNY",
                                            " metric=\"sales\"", "100", "100");
  g_autoptr(NfDiffMetrics) keyed = nf_diff_metrics_new ((NfCanvas *[]) { en, zh }, 2);
  g_autoptr(NfDiffMetrics) bare = nf_diff_metrics_new ((NfCanvas *[]) { en_bare, zh_bare }, 2);
  g_autoptr(NfDiffMetrics) apart = nf_diff_metrics_new ((NfCanvas *[]) { other, en_bare }, 2);
  g_autoptr(NfCanvas) margin = load_figures ("en", "Key figures", "Gross margin", "FY2023", "", "CNY",
                                             "", "1", "1");
  g_autoptr(NfCanvas) margin_keyed = load_figures ("zh", "Key figures", "毛利", "2023财年", "", "CNY",
                                                   " metric=\"gross-margin\"", "2", "2");
  g_autoptr(NfCanvas) size = load_figures ("zh", "Key figures", "市场规模", "2023年", "", "CNY",
                                           "", "1", "1");
  g_autoptr(NfCanvas) size_keyed = load_figures ("en", "Key figures", "TAM", "FY2023", "", "CNY",
                                                 " metric=\"market-size\"", "2", "2");
  g_autoptr(NfDiffMetrics) gross = nf_diff_metrics_new ((NfCanvas *[]) { margin, margin_keyed }, 2);
  g_autoptr(NfDiffMetrics) market = nf_diff_metrics_new ((NfCanvas *[]) { size, size_keyed }, 2);
  g_autoptr(NfDiff) pair = diff2 (en, zh);
  g_autoptr(NfDiff) pair_bare = diff2 (en_bare, zh_bare);
  const NfDiffMetricRow *m;

  g_assert_cmpuint (nf_diff_metrics_get_n_rows (keyed), ==, 1);
  m = nf_diff_metrics_get_row (keyed, 0);
  g_assert_cmpstr (m->key, ==, "gmv");
  g_assert_cmpuint (m->n_present, ==, 2);
  g_assert_true (m->comparable);
  g_assert_cmpfloat_with_epsilon (nf_diff_metric_row_get_delta (m, 1), 50, 1e-9);
  g_assert_cmpuint (nf_diff_metrics_get_n_rows (nf_diff_get_metrics (pair)), ==, 1);
  g_assert_cmpfloat_with_epsilon (nf_diff_metric_row_get_delta (nf_diff_metrics_get_row (nf_diff_get_metrics (pair), 0), 1), 50, 1e-9);

  /* Words that differ, with no key, are two measures: one figure each. */
  g_assert_cmpuint (nf_diff_metrics_get_n_rows (bare), ==, 0);
  g_assert_cmpuint (nf_diff_metrics_get_n_unaligned (bare, 0), ==, 1);
  g_assert_cmpuint (nf_diff_metrics_get_n_unaligned (bare, 1), ==, 1);
  g_assert_cmpuint (nf_diff_metrics_get_n_rows (nf_diff_get_metrics (pair_bare)), ==, 0);

  /* Two keys that differ keep apart even the same words. */
  g_assert_cmpuint (nf_diff_metrics_get_n_rows (apart), ==, 0);
  g_assert_cmpuint (nf_diff_metrics_get_n_unaligned (apart, 0), ==, 1);
  /* A key meets the same words, and the measures the guesses know. */
  g_assert_cmpuint (nf_diff_metrics_get_n_rows (gross), ==, 1);
  g_assert_cmpuint (nf_diff_metrics_get_n_rows (market), ==, 1);
}

/* A column's key stands for its name: in a table by year, "营业额" marked
 * revenue lines up with a column called Revenue. */
static void
test_metrics_column_key (void)
{
  g_autoptr(NfCanvas) a = make_canvas ("A", "en");
  g_autoptr(NfCanvas) zh = load_figures ("zh", "Key figures", "2020", "营业额", " metric=\"revenue\"",
                                         "CNY", "", "150", "150");
  g_autoptr(NfCanvas) zh_bare = load_figures ("zh", "Key figures", "2020", "营业额", "",
                                              "CNY", "", "150", "150");
  g_autoptr(NfDiffMetrics) keyed = NULL;
  g_autoptr(NfDiffMetrics) bare = NULL;
  g_autoptr(NfMetricTable) t = NULL;
  g_autoptr(NfText) year = nf_text_new ("Year");

  add_money_table (a, "Revenue", "Revenue", "CNY", "100");
  /* Make zh's first column a year column, as in add_money_table. */
  t = g_list_model_get_item (nf_canvas_get_tables (zh), 0);
  nf_canvas_set_table_column (zh, t, 0, year, NF_COLUMN_YEAR, NULL);
  g_clear_object (&t);
  t = g_list_model_get_item (nf_canvas_get_tables (zh_bare), 0);
  nf_canvas_set_table_column (zh_bare, t, 0, year, NF_COLUMN_YEAR, NULL);

  keyed = nf_diff_metrics_new ((NfCanvas *[]) { a, zh }, 2);
  bare = nf_diff_metrics_new ((NfCanvas *[]) { a, zh_bare }, 2);
  g_assert_cmpuint (nf_diff_metrics_get_n_rows (keyed), ==, 1);
  g_assert_cmpstr (nf_diff_metrics_get_row (keyed, 0)->key, ==, "revenue @ 2020");
  g_assert_true (nf_diff_metrics_get_row (keyed, 0)->comparable);
  /* "营业额" is also a whole label the table of measures knows. */
  g_assert_cmpuint (nf_diff_metrics_get_n_rows (bare), ==, 1);
}

/* A word or a kind in common never aligns two figures: Senmiao's "Total
 * Registered Users 200,000" and 数跑科技's "由超级会员介绍的用户 6,000个"
 * were once set against each other ("-194,000 ×0.03"). Each company's
 * figures are listed apart instead. */
static void
test_metrics_unlike (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) senmiao = nf_canvas_load_case (2, &error);
  g_autoptr(NfCanvas) shupao = nf_canvas_load_case (3, &error);
  g_autoptr(NfDiff) diff = diff2 (senmiao, shupao);
  const NfDiffMetrics *metrics = nf_diff_get_metrics (diff);
  gboolean found[2] = { FALSE, FALSE };

  g_assert_no_error (error);
  for (guint r = 0; r < nf_diff_metrics_get_n_rows (metrics); r++)
    {
      const NfDiffMetricRow *row = nf_diff_metrics_get_row (metrics, r);

      /* Whatever aligns is one measure of one kind in both. */
      g_assert_cmpint (row->numbers[0].kind, ==, row->numbers[1].kind);
      g_assert_cmpstr (nf_diff_metric_row_get_text (row, 1, NULL), !=, "6,000个");
    }
  for (guint c = 0; c < 2; c++)
    for (guint r = 0; r < nf_diff_metrics_get_n_unaligned (metrics, c); r++)
      {
        const NfDiffMetricRow *row = nf_diff_metrics_get_unaligned (metrics, c, r);

        g_assert_true (row->present[c] && !row->present[1 - c]);
        if (g_strcmp0 (row->label, c == 0 ? "Total Registered Users" : "由超级会员介绍的用户") == 0)
          found[c] = TRUE;
      }
  g_assert_true (found[0] && found[1]);
  g_assert_false (nf_diff_is_same (diff));
}

/* Three canvases, the third's revenue another: the diff says they differ,
 * whatever reads it; the same three alike are the same. */
static void
test_metrics_three (void)
{
  g_autoptr(NfCanvas) a = make_canvas ("A", "en");
  g_autoptr(NfCanvas) b = make_canvas ("A", "en");
  g_autoptr(NfCanvas) c = make_canvas ("A", "en");
  g_autoptr(NfCanvas) d = make_canvas ("A", "en");
  g_autoptr(NfDiff) differ = NULL;
  g_autoptr(NfDiff) same = NULL;
  const NfDiffMetricRow *row;
  g_autofree char *delta = NULL;

  add_money_table (a, "Revenue", "Revenue", "CNY", "100");
  add_money_table (b, "Revenue", "Revenue", "CNY", "100");
  add_money_table (c, "Revenue", "Revenue", "CNY", "about 120");
  add_money_table (d, "Revenue", "Revenue", "CNY", "100");
  differ = nf_diff_new ((NfCanvas *[]) { a, b, c }, 3, NF_DIFF_FLAGS_NONE);
  same = nf_diff_new ((NfCanvas *[]) { a, b, d }, 3, NF_DIFF_FLAGS_NONE);
  g_assert_false (nf_diff_is_same (differ));
  g_assert_true (nf_diff_is_same (same));
  row = nf_diff_metrics_get_row (nf_diff_get_metrics (differ), 0);
  g_assert_true (row->differs);
  /* The approximate figure's difference is approximate. */
  g_assert_true (row->approximate[2]);
  g_assert_false (row->approximate[1]);
  delta = nf_diff_metric_row_format_delta (row, 2, "en");
  g_assert_cmpstr (delta, ==, "≈+20 yuan ×1.20");
}

/* A canvas of one metrics table, written as XML: `n_rows` rows of
 * `n_columns` figures, each row labelled by `label` (printf with the row's
 * number, or the same label on every row), each figure `offset` + its
 * column, except row `changed_row`, one more. */
static NfCanvas *
load_table (guint       n_rows,
            guint       n_columns,
            const char *label,
            guint       changed_row)
{
  g_autoptr(GString) xml = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">"
    "<metadata><company>Wide</company><title>T</title></metadata>");
  g_autoptr(GError) error = NULL;
  NfCanvas *canvas;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    g_string_append_printf (xml, "<block kind=\"%s\"/>", nf_block_to_xml ((NfBlock) b));
  g_string_append (xml, "<metrics><table id=\"t1\" block=\"revenue-streams\"><title>T</title>"
                        "<column type=\"text\"><name>Item</name></column>");
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (xml, "<column type=\"number\"><name>c%u</name></column>", c);
  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (xml, "<row><cell>");
      g_string_append_printf (xml, label, r);
      g_string_append (xml, "</cell>");
      for (guint c = 0; c < n_columns; c++)
        {
          guint v = c + (r == changed_row ? 1 : 0);

          g_string_append_printf (xml, "<cell value=\"%u\">%u</cell>", v, v);
        }
      g_string_append (xml, "</row>");
    }
  g_string_append (xml, "</table></metrics></canvas>");
  canvas = nf_canvas_load_from_data (xml->str, xml->len, "table.ninefold", &error);
  g_assert_no_error (error);
  return canvas;
}

/* Tables at the limits (10,000 rows, 1,000 columns): every figure is one
 * row, aligned with its twin, rows under one label told apart in order,
 * and only the changed figure differs. How fast is for tests/bench. */
static void
test_metrics_large (void)
{
  struct { guint rows, columns; const char *label; } cases[] = {
    { 10000, 1, "same", },     /* one label: "same", "same (2)", … */
    { 10000, 1, "", },         /* no label at all */
    { 10000, 1, "row %u", },
    { 2, 999, "row %u", },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      guint n = cases[k].rows * cases[k].columns, changed = cases[k].rows / 2;
      g_autoptr(NfCanvas) a = load_table (cases[k].rows, cases[k].columns, cases[k].label, G_MAXUINT);
      g_autoptr(NfCanvas) b = load_table (cases[k].rows, cases[k].columns, cases[k].label, changed);
      g_autoptr(NfCanvas) c = load_table (cases[k].rows, cases[k].columns, cases[k].label, G_MAXUINT);
      NfCanvas *three[] = { a, b, c };
      g_autoptr(NfDiff) same = diff2 (a, c);
      g_autoptr(NfDiff) diff = nf_diff_new (three, 3, NF_DIFF_FLAGS_NONE);
      const NfDiffMetrics *metrics = nf_diff_get_metrics (diff);
      g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
      guint n_differ = 0;
      GListModel *tables = nf_canvas_get_tables (a);
      g_autoptr(NfMetricTable) table = g_list_model_get_item (tables, 0);

      g_assert_true (nf_diff_is_same (same));
      g_assert_true (nf_diff_metrics_is_same (nf_diff_get_metrics (same)));
      g_assert_cmpuint (nf_diff_metrics_get_n_rows (metrics), ==, n);
      for (guint i = 0; i < 3; i++)
        g_assert_cmpuint (nf_diff_metrics_get_n_unaligned (metrics, i), ==, 0);
      g_assert_false (nf_diff_metrics_table_is_only (metrics, 0, table));
      for (guint r = 0; r < n; r++)
        {
          const NfDiffMetricRow *row = nf_diff_metrics_get_row (metrics, r);

          g_assert_true (g_hash_table_add (keys, (gpointer) row->key));
          g_assert_cmpuint (row->n_present, ==, 3);
          /* The same row and column in every canvas: the n-th "same" meets
           * the n-th "same". */
          g_assert_cmpuint (row->rows[0], ==, row->rows[1]);
          g_assert_cmpuint (row->rows[0], ==, row->rows[2]);
          g_assert_cmpuint (row->columns[0], ==, row->columns[2]);
          if (row->differs)
            {
              n_differ++;
              g_assert_cmpuint (row->rows[1], ==, changed);
              g_assert_cmpfloat (nf_diff_metric_row_get_delta (row, 1), ==, 1);
            }
        }
      g_assert_cmpuint (n_differ, ==, cases[k].columns);
    }
  {
    g_autoptr(NfCanvas) a = load_table (3, 1, "same", G_MAXUINT);
    g_autoptr(NfDiff) diff = diff2 (a, a);
    const NfDiffMetrics *metrics = nf_diff_get_metrics (diff);

    g_assert_cmpuint (nf_diff_metrics_get_n_rows (metrics), ==, 3);
    g_assert_cmpstr (nf_diff_metrics_get_row (metrics, 0)->key, ==, "same");
    g_assert_cmpstr (nf_diff_metrics_get_row (metrics, 1)->key, ==, "same (2)");
    g_assert_cmpstr (nf_diff_metrics_get_row (metrics, 2)->key, ==, "same (3)");
  }
}

/* A canvas of `n_tables` tables like load_table's, every table with the
 * same row labels. */
static NfCanvas *
load_tables (guint       n_tables,
             guint       n_rows,
             const char *label,
             guint       offset)
{
  g_autoptr(GString) xml = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">"
    "<metadata><company>Rows</company><title>T</title></metadata>");
  g_autoptr(GError) error = NULL;
  NfCanvas *canvas;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    g_string_append_printf (xml, "<block kind=\"%s\"/>", nf_block_to_xml ((NfBlock) b));
  g_string_append (xml, "<metrics>");
  for (guint t = 0; t < n_tables; t++)
    {
      g_string_append_printf (xml, "<table id=\"t%u\" block=\"revenue-streams\"><title>T%u</title>"
                                   "<column type=\"text\"><name>Item</name></column>"
                                   "<column type=\"number\"><name>n</name></column>", t, t);
      for (guint r = 0; r < n_rows; r++)
        {
          g_string_append (xml, "<row><cell>");
          g_string_append_printf (xml, label, r);
          g_string_append_printf (xml, "</cell><cell value=\"%u\">%u</cell></row>", r + offset, r + offset);
        }
      g_string_append (xml, "</table>");
    }
  g_string_append (xml, "</metrics></canvas>");
  canvas = nf_canvas_load_from_data (xml->str, xml->len, "tables.ninefold", &error);
  g_assert_no_error (error);
  return canvas;
}

/* The quadratic corners of issue 19, at the limits: three canvases of
 * 50,000 table rows (5 tables whose rows share their labels, so every
 * label repeats 5 times: the 100,000 cells a canvas may hold), 10,000 rows
 * under one label, and 999 columns by 100 rows (the same limit). Each figure must cost a few look-ups whatever the repeats:
 * the count, not the clock, says so (a search that tried every earlier
 * "label (k)" again made 50 million for the one label). At these sizes a
 * quadratic diff would also run for hours, past the test's timeout. */
static void
test_metrics_limits (void)
{
  {
    g_autoptr(NfCanvas) a = load_tables (5, 10000, "row %u", 0);
    g_autoptr(NfCanvas) b = load_tables (5, 10000, "row %u", 1);
    g_autoptr(NfCanvas) c = load_tables (5, 10000, "row %u", 0);
    g_autoptr(NfDiff) diff = nf_diff_new ((NfCanvas *[]) { a, b, c }, 3, NF_DIFF_FLAGS_NONE);
    const NfDiffMetrics *metrics = nf_diff_get_metrics (diff);
    const NfDiffMetricRow *row;

    g_assert_cmpuint (nf_diff_metrics_get_n_rows (metrics), ==, 50000);
    /* The last table's row 9999 is the 5th of its label in each canvas. */
    row = nf_diff_metrics_get_row (metrics, 49999);
    g_assert_cmpstr (row->key, ==, "row 9999 (5)");
    g_assert_cmpuint (row->n_present, ==, 3);
    g_assert_cmpfloat (nf_diff_metric_row_get_delta (row, 1), ==, 1);
    g_assert_cmpfloat (nf_diff_metric_row_get_delta (row, 2), ==, 0);
    g_assert_cmpuint (_nf_diff_metrics_get_n_probes (metrics), <=, 3 * 3 * 50000);
  }
  {
    g_autoptr(NfCanvas) a = load_tables (1, 10000, "same", 0);
    g_autoptr(NfCanvas) b = load_tables (1, 10000, "same", 0);
    g_autoptr(NfDiff) diff = diff2 (a, b);
    const NfDiffMetrics *metrics = nf_diff_get_metrics (diff);

    g_assert_true (nf_diff_metrics_is_same (metrics));
    g_assert_cmpstr (nf_diff_metrics_get_row (metrics, 9999)->key, ==, "same (10000)");
    g_assert_cmpuint (_nf_diff_metrics_get_n_probes (metrics), <=, 3 * 2 * 10000);
  }
  {
    g_autoptr(NfCanvas) a = load_table (100, 999, "row %u", G_MAXUINT);
    g_autoptr(NfDiff) diff = diff2 (a, a);
    const NfDiffMetrics *metrics = nf_diff_get_metrics (diff);

    g_assert_cmpuint (nf_diff_metrics_get_n_rows (metrics), ==, 100 * 999);
    g_assert_true (nf_diff_is_same (diff));
    g_assert_cmpuint (_nf_diff_metrics_get_n_probes (metrics), <=, 3 * 2 * 100 * 999);
  }
}


/* A canvas of tables given as (column type, figure) pairs, each one row
 * labelled `label`: the kind of a figure follows its column's type. */
static NfCanvas *
load_kinds (const char *label,
            const char *const *types,
            const char *const *figures,
            guint       n)
{
  g_autoptr(GString) xml = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">"
    "<metadata><company>Kinds</company><title>T</title></metadata>");
  g_autoptr(GError) error = NULL;
  NfCanvas *canvas;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    g_string_append_printf (xml, "<block kind=\"%s\"/>", nf_block_to_xml ((NfBlock) b));
  g_string_append (xml, "<metrics>");
  for (guint t = 0; t < n; t++)
    g_string_append_printf (xml, "<table id=\"t%u\" block=\"revenue-streams\"><title>T%u</title>"
                                 "<column type=\"text\"><name>Item</name></column>"
                                 "<column type=\"%s\"%s><name>Value</name></column>"
                                 "<row><cell>%s</cell><cell value=\"100\">%s</cell></row></table>",
                            t + 1, t + 1, types[t],
                            g_str_equal (types[t], "money") ? " unit=\"USD\"" : "",
                            label, figures[t]);
  g_string_append (xml, "</metrics></canvas>");
  canvas = nf_canvas_load_from_data (xml->str, xml->len, "kinds.ninefold", &error);
  g_assert_no_error (error);
  return canvas;
}

/* One key, several kinds, repeats: a figure meets the row of its own key
 * and kind wherever that row stands in the key's chain of kinds, and a
 * repeat within a canvas takes the next "key (k)" whatever its kind. */
static void
test_metrics_kinds_one_key (void)
{
  const char *money_first[] = { "money", "number" };
  const char *count_first[] = { "number", "money" };
  const char *money_figures[] = { "$100", "100" };
  const char *count_figures[] = { "100", "$100" };
  g_autoptr(NfCanvas) a = load_kinds ("Widgets", money_first, money_figures, 2);
  g_autoptr(NfCanvas) b = load_kinds ("Widgets", count_first, count_figures, 2);
  g_autoptr(NfCanvas) c = load_kinds ("Widgets", count_first, count_figures, 2);
  g_autoptr(NfDiff) diff = nf_diff_new ((NfCanvas *[]) { a, b, c }, 3, NF_DIFF_FLAGS_NONE);
  const NfDiffMetrics *metrics = nf_diff_get_metrics (diff);

  guint8 plain;

  /* b and c agree; a's money "widgets" and plain "widgets (2)" meet no
   * figure of their kind under their key. */
  g_assert_cmpuint (nf_diff_metrics_get_n_rows (metrics), ==, 2);
  g_assert_cmpuint (nf_diff_metrics_get_n_unaligned (metrics, 0), ==, 2);
  g_assert_cmpuint (nf_diff_metrics_get_n_unaligned (metrics, 1), ==, 0);
  plain = nf_diff_metrics_get_unaligned (metrics, 0, 1)->kind;
  g_assert_cmpint (plain, !=, NF_NUMBER_KIND_MONEY);
  g_assert_cmpint (nf_diff_metrics_get_unaligned (metrics, 0, 0)->kind, ==, NF_NUMBER_KIND_MONEY);
  for (guint r = 0; r < 2; r++)
    {
      const NfDiffMetricRow *row = nf_diff_metrics_get_row (metrics, r);

      g_assert_true (!row->present[0] && row->present[1] && row->present[2]);
      g_assert_cmpstr (row->key, ==, r == 0 ? "widgets" : "widgets (2)");
      g_assert_cmpint (row->kind, ==, (r == 0 ? plain : NF_NUMBER_KIND_MONEY));
      g_assert_false (row->differs && row->n_present == 3);
    }
  g_assert_cmpstr (nf_diff_metrics_get_unaligned (metrics, 0, 0)->key, ==, "widgets");
  g_assert_cmpstr (nf_diff_metrics_get_unaligned (metrics, 0, 1)->key, ==, "widgets (2)");
}

/* A row is made for every figure compared: it stays small (it was 424
 * bytes, most of a diff's memory at the limits). */
static void
test_metrics_row_size (void)
{
  g_assert_cmpuint (sizeof (NfDiffMetricRow), <=, 256);
}

/* ASCII labels fold the short way, to the same text as the whole way. */
static void
test_fold_ascii (void)
{
  static const char * const fixed[] = {
    "", " ", "Revenue", "  Total   Registered USERS ", "a-b_c.d", "\x01x\x7f y\t", "R&D (2024)",
    "100%", "x1y2 Z3", "!!!", "MAU/DAU",
  };
  GRand *rand = g_rand_new_with_seed (19);

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    {
      g_autofree char *fast = _nf_diff_fold (fixed[i]);
      g_autofree char *slow = _nf_diff_fold_slow (fixed[i]);

      g_assert_cmpstr (fast, ==, slow);
    }
  for (guint i = 0; i < 5000; i++)
    {
      char text[24];
      guint n = (guint) g_rand_int_range (rand, 0, sizeof text);
      g_autofree char *fast = NULL;
      g_autofree char *slow = NULL;

      for (guint j = 0; j < n; j++)
        text[j] = (char) g_rand_int_range (rand, 1, 128);
      text[n] = '\0';
      fast = _nf_diff_fold (text);
      slow = _nf_diff_fold_slow (text);
      g_assert_cmpstr (fast, ==, slow);
    }
  g_rand_free (rand);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diff/identical", test_identical);
  g_test_add_func ("/diff/disjoint", test_disjoint);
  g_test_add_func ("/diff/edit-words", test_edit_words);
  g_test_add_func ("/diff/moves-and-reorder", test_moves_and_reorder);
  g_test_add_func ("/diff/similarity", test_similarity);
  g_test_add_func ("/diff/translations", test_translations);
  g_test_add_func ("/diff/cases-deterministic", test_cases_deterministic);
  g_test_add_func ("/diff/near-pairing", test_near_pairing);
  g_test_add_func ("/diff/near-one-each", test_near_one_each);
  g_test_add_func ("/diff/near-tags", test_near_tags);
  g_test_add_func ("/diff/near-cases", test_near_cases);
  g_test_add_func ("/diff/metrics", test_metrics);
  g_test_add_func ("/diff/metrics-many", test_metrics_many);
  g_test_add_func ("/diff/metrics-rates", test_metrics_rates);
  g_test_add_func ("/diff/rates-model", test_rates_model);
  g_test_add_func ("/diff/metrics-explicit-key", test_metrics_explicit_key);
  g_test_add_func ("/diff/metrics-column-key", test_metrics_column_key);
  g_test_add_func ("/diff/metrics-unlike", test_metrics_unlike);
  g_test_add_func ("/diff/metrics-three", test_metrics_three);
  g_test_add_func ("/diff/large", test_large);
  g_test_add_func ("/diff/metrics-large", test_metrics_large);
  g_test_add_func ("/diff/metrics-limits", test_metrics_limits);
  g_test_add_func ("/diff/metrics-kinds-one-key", test_metrics_kinds_one_key);
  g_test_add_func ("/diff/metrics-row-size", test_metrics_row_size);
  g_test_add_func ("/diff/fold-ascii", test_fold_ascii);
  return g_test_run ();
}
