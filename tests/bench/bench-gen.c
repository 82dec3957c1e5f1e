/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-bench"

#include "config.h"

#include <glib.h>
#ifdef G_OS_UNIX
#include <sys/resource.h>
#endif

#include <math.h>

#include "bench.h"
#include "nf-canvas-private.h"
#include "nf-note-private.h"

/* Words of the kind the case write-ups use, so line breaking, shaping and
 * font fallback see what they see in real canvases. */
static const char *english[] = {
  "dealers", "platform", "advertising", "pricing", "data", "partners",
  "subscription", "drivers", "logistics", "merchants", "finance", "cloud",
  "customers", "channel", "revenue", "leads", "service", "marketplace",
  "analytics", "membership", "insurance", "payments", "used cars", "mobile",
};
static const char *chinese[] = {
  "经销商", "平台", "广告", "定价", "数据", "合作伙伴", "订阅", "司机", "物流",
  "商家", "金融", "云服务", "客户", "渠道", "收入", "线索", "服务", "会员",
};
static const char *tags[] = { "growth", "data", "ads", "finance", "渠道", "用户" };
static const char *colours[] = { "#f6d32d", "#8ff0a4", "#99c1f1", "#f66151" };

static char *
make_text (GRand *rand)
{
  GString *s = g_string_new (NULL);
  guint n_words = (guint) g_rand_int_range (rand, 4, 12);
  gboolean zh = g_rand_int_range (rand, 0, 3) == 0;

  for (guint w = 0; w < n_words; w++)
    {
      /* Mostly one language a note, with the other mixed in, as the
       * write-ups have it ("与JD.com合作", "revenue 营收"). */
      gboolean this_zh = g_rand_int_range (rand, 0, 5) == 0 ? !zh : zh;

      if (this_zh)
        g_string_append (s, chinese[g_rand_int_range (rand, 0, G_N_ELEMENTS (chinese))]);
      else
        {
          if (s->len > 0)
            g_string_append_c (s, ' ');
          g_string_append (s, english[g_rand_int_range (rand, 0, G_N_ELEMENTS (english))]);
        }
    }
  g_string_append_printf (s, " %u", g_rand_int_range (rand, 1, 1000));
  return g_string_free (s, FALSE);
}

static NfNote *
make_note (GRand      *rand,
           const char *id_prefix,
           guint       number)
{
  g_autofree char *id = g_strdup_printf ("%s%u", id_prefix, number);
  g_autofree char *str = make_text (rand);
  g_autoptr(NfText) text = nf_text_new (str);
  NfNote *note = nf_note_new (id, text);
  guint r = (guint) g_rand_int_range (rand, 0, 12);

  if (r < 4)
    {
      const char *t[] = { tags[r], tags[(r + 3) % G_N_ELEMENTS (tags)], NULL };
      _nf_note_set_tags (note, t + (r & 1));
    }
  if (r % 3 == 0)
    _nf_note_set_evidence (note, (NfEvidence) (1 + r % 3));
  if (r == 5)
    _nf_note_set_colour (note, colours[number % G_N_ELEMENTS (colours)]);
  if (r > 8)
    _nf_note_set_cite (note, "s1", number + 1);
  return note;
}

static void
add_table (NfCanvas *canvas,
           GRand    *rand,
           guint     number)
{
  static const char *years[] = { "2019", "2020", "2021", "2022", "2023", "2024" };
  g_autofree char *id = nf_canvas_new_table_id (canvas);
  g_autofree char *title_str = g_strdup_printf ("Revenue 营收 %u", number);
  g_autoptr(NfText) title = nf_text_new (title_str);
  g_autoptr(NfMetricTable) table = nf_metric_table_new (id, title);
  g_autoptr(NfText) c0 = nf_text_new ("Year");
  g_autoptr(NfText) c1 = nf_text_new ("Revenue");
  g_autoptr(NfText) c2 = nf_text_new ("营收");
  g_autoptr(NfText) c3 = nf_text_new ("Share");
  NfMetricTable *t;

  nf_canvas_insert_table (canvas, G_MAXUINT, table, NULL);
  t = table;
  nf_canvas_set_table_block (canvas, t, (NfBlock) (number % NF_N_BLOCKS));
  nf_canvas_insert_table_column (canvas, t, 0, c0, NF_COLUMN_YEAR, NULL);
  nf_canvas_insert_table_column (canvas, t, 1, c1, NF_COLUMN_MONEY, "USD");
  nf_canvas_insert_table_column (canvas, t, 2, c2, NF_COLUMN_MONEY, "CNY");
  nf_canvas_insert_table_column (canvas, t, 3, c3, NF_COLUMN_PERCENT, NULL);
  for (guint r = 0; r < G_N_ELEMENTS (years); r++)
    {
      g_autofree char *usd = g_strdup_printf ("$%u.%u million", g_rand_int_range (rand, 1, 900),
                                              g_rand_int_range (rand, 0, 10));
      g_autofree char *cny = g_strdup_printf ("%u,%03u.%u万", g_rand_int_range (rand, 1, 99),
                                              g_rand_int_range (rand, 0, 1000),
                                              g_rand_int_range (rand, 0, 10));
      g_autofree char *share = g_strdup_printf ("%u.%u%%", g_rand_int_range (rand, 0, 100),
                                                g_rand_int_range (rand, 0, 10));
      const char *cells[] = { years[r], usd, cny, share };

      nf_canvas_insert_table_row (canvas, t, r, cells);
    }
}

NfCanvas *
bench_canvas_new (guint       n_notes,
                  guint32     seed,
                  const char *id_prefix)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  g_autoptr(NfSource) source = nf_source_new ("s1", "Benchmark write-up", NULL, NULL,
                                              "bench.md");
  g_autofree char *company = g_strdup_printf ("Bench %u (%s)", n_notes, id_prefix);
  GPtrArray *notes[NF_N_BLOCKS];
  guint n_tables = CLAMP (n_notes / 2000, 2, 40);

  nf_canvas_set_company (canvas, company);
  nf_canvas_set_title (canvas, "Benchmark canvas 基准");
  nf_canvas_insert_source (canvas, 0, source, NULL);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    notes[b] = g_ptr_array_new_with_free_func (g_object_unref);
  /* Uneven, as real canvases are: value propositions and customer
   * segments hold more than key resources. */
  for (guint i = 0; i < n_notes; i++)
    {
      static const NfBlock weights[] = {
        0, 1, 2, 3, 3, 3, 4, 5, 6, 6, 7, 8, 8,
      };
      NfBlock b = weights[g_rand_int_range (rand, 0, G_N_ELEMENTS (weights))];

      g_ptr_array_add (notes[b], make_note (rand, id_prefix, i + 1));
    }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      _nf_canvas_splice_notes (canvas, (NfBlock) b, (NfNote **) notes[b]->pdata,
                               notes[b]->len);
      g_ptr_array_unref (notes[b]);
    }
  for (guint t = 0; t < n_tables; t++)
    add_table (canvas, rand, t);

  nf_history_clear (nf_canvas_get_history (canvas));
  nf_canvas_mark_saved (canvas);
  return g_steal_pointer (&canvas);
}

void
bench_canvas_edit (NfCanvas *canvas,
                   guint32   seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      GListModel *model = nf_canvas_get_notes (canvas, (NfBlock) b);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (all, g_list_model_get_item (model, i));
    }
  n = all->len;
  for (guint i = 0; i < n; i++)
    {
      NfNote *note = g_ptr_array_index (all, i);
      guint r = (guint) g_rand_int_range (rand, 0, 100);

      if (r < 5)
        {
          g_autofree char *str = g_strdup_printf ("%s 更新 revised",
                                                  nf_text_get (nf_note_get_text (note)));
          g_autoptr(NfText) text = nf_text_new (str);

          nf_canvas_set_note_text (canvas, note, text);
        }
      else if (r < 7)
        nf_canvas_remove_note (canvas, note);
      else if (r < 8)
        nf_canvas_move_note (canvas, note, (NfBlock) g_rand_int_range (rand, 0, NF_N_BLOCKS), 0);
    }
  for (guint i = 0; i < n / 50; i++)
    {
      g_autofree char *id = nf_canvas_new_note_id (canvas);
      g_autofree char *str = make_text (rand);
      g_autoptr(NfText) text = nf_text_new (str);
      g_autoptr(NfNote) note = nf_note_new (id, text);

      nf_canvas_insert_note (canvas, (NfBlock) g_rand_int_range (rand, 0, NF_N_BLOCKS),
                             G_MAXUINT, note, NULL);
    }
}

double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time this process has used, in milliseconds (NAN where getrusage()
 * is missing): on a machine busy with other work, what a case costs
 * apart from waiting for a core. */
double
bench_cpu_ms (void)
{
#ifdef G_OS_UNIX
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) == 0)
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
#endif
  return NAN;
}

/* -1 where getrusage() is missing (Windows): the table says "—". */
glong
bench_peak_rss_kb (void)
{
#ifdef G_OS_UNIX
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) == 0)
    return usage.ru_maxrss;
#endif
  return -1;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (double *values,
              guint   n)
{
  g_return_val_if_fail (n > 0, 0.0);
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}
