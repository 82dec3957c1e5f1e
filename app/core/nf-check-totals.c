/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-check"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-i18n-private.h"

#include "nf-check-figures-private.h"
#include "nf-diff-private.h"
#include "nf-diff.h"
#include "nf-metric-table.h"
#include "nf-number.h"

/* A cell as a part of a sum, or as the whole. */
typedef struct {
  double       value;
  double       rounding;  /* how far the value may be from what the text rounds */
  NfNumberKind kind;      /* money, percent, or a plain figure or count */
  char         sign[64];  /* its currency or unit: parts of other signs are not one sum */
} Amount;

/* Half a unit of the last digit written: "$2.5 million" may stand for
 * anything from 2.45 to 2.55 million, "1,200,000" for itself, "15" in a
 * column of percentages for 14.5 to 15.5 %. `value` is what the text
 * stands for, scaled as the reader scaled it. */
static double
half_unit (const Figure *figure,
           double        value)
{
  const char *dot = strchr (figure->digits, '.');
  guint decimals = dot ? (guint) strlen (dot + 1) : 0;
  double written = g_ascii_strtod (figure->digits, NULL);
  double scale = written != 0 ? fabs (value) / written : 1;

  return 0.5 * scale * pow (10, -(double) decimals);
}

/* A figure said in one or two digits ("$2 million") is read as meant,
 * not as anything from 1.5 to 2.5 million: a writer whose parts made 2.3
 * million would say so. Its rounding is at most 2.5 % of it. */
static double
as_meant (double rounding,
          double value)
{
  return MIN (rounding, 0.025 * fabs (value));
}

static void
set_sign (Amount       *amount,
          const char   *sign)
{
  g_strlcpy (amount->sign, sign ? sign : "", sizeof amount->sign);
}

/* The cell at r, c as an amount to add, or FALSE when it has no figure
 * that can be a part of a sum (a year, a rating, a duration, words). */
static gboolean
cell_amount (NfMetricTable *table,
             guint          r,
             guint          c,
             Amount        *out)
{
  const NfCell *cell = nf_metric_table_get_cell (table, r, c);
  NfColumn own;
  g_autoptr(GArray) figures = NULL;
  const Figure *figure;

  if (cell == NULL || !cell->has_value || cell->text == NULL)
    return FALSE;
  own = nf_cell_get_column (cell, nf_metric_table_get_column (table, c));
  if (own.type != NF_COLUMN_MONEY && own.type != NF_COLUMN_COUNT && own.type != NF_COLUMN_NUMBER &&
      own.type != NF_COLUMN_PERCENT)
    return FALSE;
  figures = _nf_check_find_figures (cell->text);
  if (figures->len == 0)
    return FALSE;
  figure = &g_array_index (figures, Figure, 0);
  if (figure->number.kind == NF_NUMBER_KIND_YEAR || figure->number.kind == NF_NUMBER_KIND_RATING ||
      figure->number.kind == NF_NUMBER_KIND_DURATION || figure->number.is_order)
    return FALSE;
  out->value = cell->value;
  out->rounding = as_meant (half_unit (figure, cell->value), cell->value);
  if (own.type == NF_COLUMN_PERCENT || figure->number.is_percent)
    {
      out->kind = NF_NUMBER_KIND_PERCENT;
      set_sign (out, "%");
    }
  else if (own.type == NF_COLUMN_MONEY || figure->number.currency[0])
    {
      out->kind = NF_NUMBER_KIND_MONEY;
      /* The text's own currency over the column's: "¥500" in a column of
       * dollars is yuan. */
      set_sign (out, figure->number.currency[0] ? figure->number.currency : own.unit);
    }
  else
    {
      out->kind = NF_NUMBER_KIND_COUNT;
      set_sign (out, figure->number.unit[0] ? figure->number.unit : own.unit);
    }
  return TRUE;
}

/* Whether a row's or column's label names a total ("Total", "合计",
 * "总计", "Sum"), and the label without that word in *out_rest. */
static gboolean
is_total_label (const char  *label,
                char       **out_rest)
{
  static const char * const words[] = { "total", "合计", "总计", "总和", "sum" };
  g_autofree char *lower = label ? g_utf8_strdown (label, -1) : NULL;

  if (lower == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      char *at = strstr (lower, words[i]);
      gsize len = strlen (words[i]);

      if (at == NULL)
        continue;
      /* A word of its own: "sum" is not in "consumer", "total" is in
       * "Total Salaries". */
      if ((guchar) *at < 0x80 &&
          ((at > lower && g_ascii_isalpha (at[-1])) || g_ascii_isalpha (at[len])))
        continue;
      if (out_rest)
        {
          memmove (at, at + len, strlen (at + len) + 1);
          *out_rest = g_strdup (g_strstrip (lower));
        }
      return TRUE;
    }
  return FALSE;
}

/* What a table's rows are parts of, from its title: "Marketing budget by
 * channel" and "营销费用（按渠道）" are parts of the marketing budget, so
 * the words before "by", "per", "按", "分" or a parenthesis, and without
 * "breakdown", "构成", "明细" or "分布". */
static char *
whole_named (const char *text)
{
  static const char * const cuts[] = {
    " by ", " per ", " across ", "(", "（", "按", "分渠道", "分部门", "分业务", "breakdown", "构成",
    "明细", "分布",
  };
  g_autofree char *lower = g_utf8_strdown (text ? text : "", -1);
  g_autofree char *folded = NULL;
  char *key;

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      char *at = strstr (lower, cuts[i]);

      if (at)
        *at = '\0';
    }
  g_strstrip (lower);
  if (*lower == '\0')
    return NULL;
  folded = nf_diff_metric_key (lower);
  key = _nf_check_canonical_key (folded);
  if (key != NULL && *key == '\0')
    g_clear_pointer (&key, g_free);
  return key;
}

/* Whether two folded phrases share a word of five letters or more (a
 * Chinese pair of characters is six bytes). */
static gboolean
shares_word (const char *a,
             const char *b)
{
  g_auto(GStrv) wa = g_strsplit (a, " ", -1);
  g_auto(GStrv) wb = g_strsplit (b, " ", -1);

  for (guint i = 0; wa[i]; i++)
    for (guint j = 0; wb[j]; j++)
      if (strlen (wa[i]) >= 5 && !_nf_check_is_filler (wa[i]) && g_str_equal (wa[i], wb[j]))
        return TRUE;
  return FALSE;
}

static char *
format_amount (double        value,
               const Amount *like)
{
  if (like->kind == NF_NUMBER_KIND_PERCENT)
    return nf_number_format_value (value, NF_NUMBER_KIND_PERCENT, NULL, NULL, NF_NUMBER_EXACT, FALSE, "en");
  return nf_number_format_value (value, like->kind == NF_NUMBER_KIND_MONEY ? NF_NUMBER_KIND_MONEY
                                                                          : NF_NUMBER_KIND_OTHER,
                                 like->kind == NF_NUMBER_KIND_MONEY && strlen (like->sign) == 3
                                   ? like->sign : NULL,
                                 NULL, NF_NUMBER_EXACT, FALSE, "en");
}

/* The sum of a column's rows but `skip`: FALSE when fewer than two rows
 * have figures, or when they are not of one kind and currency or unit
 * (dollars and yuan, or metres and feet, make no sum). *out holds the
 * parts' kind and sign, and the sum's rounding. */
static gboolean
column_sum (NfMetricTable *table,
            guint          c,
            guint          skip,
            Amount        *out)
{
  guint parts = 0;

  memset (out, 0, sizeof *out);
  for (guint r = 0; r < nf_metric_table_get_n_rows (table); r++)
    {
      Amount part;

      if (r == skip || !cell_amount (table, r, c, &part))
        continue;
      if (parts > 0 && (part.kind != out->kind || !g_str_equal (part.sign, out->sign)))
        return FALSE;
      if (parts == 0)
        {
          out->kind = part.kind;
          set_sign (out, part.sign);
        }
      out->value += part.value;
      out->rounding += part.rounding;
      parts++;
    }
  return parts >= 2;
}

/* Whether a whole counts what its parts do: a plain total ("20,000,000")
 * takes its parts' currency or unit, but not their percent. */
static gboolean
same_sign (const Amount *whole,
           const Amount *parts)
{
  if (whole->kind == NF_NUMBER_KIND_COUNT && whole->sign[0] == '\0')
    return parts->kind != NF_NUMBER_KIND_PERCENT;
  return whole->kind == parts->kind && g_str_equal (whole->sign, parts->sign);
}

/* Whether the whole is off the parts' sum by more than both round to. */
static gboolean
off (const Amount *sum,
     double        whole,
     double        whole_rounding_)
{
  return fabs (whole - sum->value) > sum->rounding + whole_rounding_ + 1e-9 * fabs (whole);
}

/* Whether a table's figures are all shares of one whole: its title or
 * the column says so ("Market share", "占比", "构成"). */
static gboolean
names_shares (const char *title,
              const char *column)
{
  static const char * const words[] = {
    "share", "percentage of", "proportion", "breakdown", "distribution", "split", "mix",
    "占比", "比例", "份额", "构成", "分布",
  };
  g_autofree char *joined = g_strconcat (title ? title : "", " ", column ? column : "", NULL);
  g_autofree char *both = g_utf8_strdown (joined, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (both, words[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_rest_label (const char *label)
{
  g_autofree char *lower = g_utf8_strdown (label ? label : "", -1);

  g_strstrip (lower);
  return g_str_equal (lower, "other") || g_str_equal (lower, "others") || g_str_equal (lower, "rest") ||
         g_str_has_prefix (lower, "other ") || g_str_has_prefix (lower, "其他") ||
         g_str_has_prefix (lower, "其它");
}

/* Shares of one whole make 100 %: more is a fault; less is one too when a
 * row holds "Other", so the list means to be complete. */
static void
check_shares (Check         *check,
              NfMetricTable *table,
              const char    *table_id,
              guint          c)
{
  Amount sum;
  gboolean complete = FALSE;
  g_autofree char *shown = NULL;

  if (!column_sum (table, c, G_MAXUINT, &sum) || sum.kind != NF_NUMBER_KIND_PERCENT)
    return;
  for (guint r = 0; r < nf_metric_table_get_n_rows (table); r++)
    complete |= is_rest_label (nf_metric_table_get_cell (table, r, 0)->text);
  if (!off (&sum, 1.0, 0) || (sum.value < 1.0 && !complete))
    return;
  shown = format_amount (sum.value, &sum);
  _nf_check_add (check, NF_CHECK_TOTAL, table_id,
                 g_strdup_printf (_("the shares in “%s” add up to %s, not 100%%"),
                                  nf_text_get (nf_metric_table_get_column (table, c)->name), shown));
}

/* A "Total" column against the columns of its kind in each row. */
static void
check_total_column (Check         *check,
                    NfMetricTable *table,
                    const char    *table_id,
                    guint          total_column)
{
  guint n_columns = nf_metric_table_get_n_columns (table);

  for (guint r = 0; r < nf_metric_table_get_n_rows (table); r++)
    {
      Amount whole, sum = { 0 };
      guint parts = 0;
      gboolean mixed = FALSE;

      if (!cell_amount (table, r, total_column, &whole))
        continue;
      for (guint c = 1; c < n_columns; c++)
        {
          Amount part;
          g_autofree char *name = NULL;

          if (c == total_column || !cell_amount (table, r, c, &part))
            continue;
          /* An average, a rate or a count per something is no part. */
          name = g_utf8_strdown (nf_text_get (nf_metric_table_get_column (table, c)->name), -1);
          if (strstr (name, "average") || strstr (name, "per ") || strstr (name, "rate") ||
              strstr (name, "平均") || strstr (name, "率"))
            continue;
          if (part.kind == NF_NUMBER_KIND_PERCENT)
            continue;
          if (parts == 0)
            {
              sum.kind = part.kind;
              set_sign (&sum, part.sign);
            }
          mixed |= part.kind != sum.kind || !g_str_equal (part.sign, sum.sign);
          sum.value += part.value;
          sum.rounding += part.rounding;
          parts++;
        }
      if (parts < 2 || mixed || !same_sign (&whole, &sum) || !off (&sum, whole.value, whole.rounding))
        continue;
      {
        g_autofree char *subject = g_strdup_printf ("%s row %u", table_id, r + 1);
        g_autofree char *shown = format_amount (sum.value, &whole);
        const NfCell *cell = nf_metric_table_get_cell (table, r, total_column);

        _nf_check_add (check, NF_CHECK_TOTAL, subject,
                       g_strdup_printf (_("the total “%s” is not the sum of the row’s other columns (%s)"),
                                        cell->text, shown));
      }
    }
}

/* A total another table states of what this table's rows are parts of:
 * a row "Total marketing budget" against a table "Marketing budget by
 * channel", "营销费用合计" against "营销费用（按渠道）". */
static void
check_other_tables (Check         *check,
                    NfMetricTable *table,
                    const char    *table_id,
                    const char    *whole_key)
{
  GListModel *tables = nf_canvas_get_tables (check->canvas);

  if (whole_key == NULL)
    return;
  for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr(NfMetricTable) other = g_list_model_get_item (tables, t);

      if (other == table)
        continue;
      for (guint r = 0; r < nf_metric_table_get_n_rows (other); r++)
        {
          g_autofree char *rest = NULL, *rest_key = NULL;

          if (!is_total_label (nf_metric_table_get_cell (other, r, 0)->text, &rest))
            continue;
          rest_key = whole_named (rest);
          if (rest_key == NULL || !g_str_equal (rest_key, whole_key))
            continue;
          for (guint oc = 1; oc < nf_metric_table_get_n_columns (other); oc++)
            {
              Amount whole, sum;
              guint matches = 0, match = 0;

              if (!cell_amount (other, r, oc, &whole))
                continue;
              /* The one column of this table of the whole's kind. */
              for (guint c = 1; c < nf_metric_table_get_n_columns (table); c++)
                if (column_sum (table, c, G_MAXUINT, &sum) && same_sign (&whole, &sum))
                  matches++, match = c;
              if (matches != 1 || !column_sum (table, match, G_MAXUINT, &sum) ||
                  !off (&sum, whole.value, as_meant (whole.rounding, whole.value)))
                continue;
              {
                g_autofree char *subject = g_strdup_printf ("%s row %u", nf_metric_table_get_id (other), r + 1);
                g_autofree char *shown = format_amount (sum.value, &sum);
                NfCheckFinding *finding;

                finding = _nf_check_add (check, NF_CHECK_TOTAL, table_id,
                                         g_strdup_printf (_("the rows add up to %s, but %s states “%s”"), shown,
                                                          subject, nf_metric_table_get_cell (other, r, oc)->text));
                finding->other = g_strdup (subject);
                finding->marked = _nf_check_is_marked (check->canvas, subject, table_id);
              }
            }
        }
    }
}

/* A note stating "$2.5 million in salaries" where the table is titled
 * "Salaries": the same measure, clearly. */
static void
check_notes (Check         *check,
             const char    *table_id,
             const Amount  *sum,
             const char    *title,
             GArray        *note_stated)
{
  for (guint i = 0; i < note_stated->len; i++)
    {
      Stated *s = &g_array_index (note_stated, Stated, i);
      const NfNumber *number = &s->figure->number;
      NfNumberKind kind = number->kind == NF_NUMBER_KIND_OTHER ? NF_NUMBER_KIND_COUNT : number->kind;
      g_autofree char *folded = s->figure->key ? _nf_diff_fold (s->figure->key) : NULL;
      NfCheckFinding *finding;

      /* What the figure measures, or where it names none ("about $2
       * million allocated to marketing"), the clause it stands in. */
      if (s->figure->clause != NULL)
        {
          char *both = g_strjoin (" ", folded ? folded : "", s->figure->clause, NULL);

          g_free (folded);
          folded = both;
        }
      if (folded == NULL || !shares_word (folded, title) || number->is_percent ||
          (kind != NF_NUMBER_KIND_MONEY && kind != NF_NUMBER_KIND_COUNT) || kind != sum->kind ||
          (kind == NF_NUMBER_KIND_MONEY && number->currency[0] && sum->sign[0] &&
           !g_str_equal (number->currency, sum->sign)) ||
          number->value > 2 * sum->value || number->value < sum->value / 2 ||
          !off (sum, number->value, as_meant (half_unit (s->figure, number->value), number->value)))
        continue;
      {
        g_autofree char *shown = format_amount (sum->value, sum);

        finding = _nf_check_add (check, NF_CHECK_TOTAL, table_id,
                                 g_strdup_printf (_("the rows add up to %s, but %s states “%s”"), shown,
                                                  s->subject, s->figure->text));
        finding->other = g_strdup (s->subject);
        finding->marked = _nf_check_is_marked (check->canvas, s->subject, table_id);
      }
    }
}

/* Whether the first column names its rows as measures ("Metric",
 * "指标"), each its own figure. */
static gboolean
lists_measures (NfMetricTable *table)
{
  static const char * const words[] = { "metric", "indicator", "measure", "kpi", "指标" };
  g_autofree char *name = g_utf8_strdown (nf_text_get (nf_metric_table_get_column (table, 0)->name), -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (name, words[i]))
      return TRUE;
  return FALSE;
}

void
_nf_check_totals (Check         *check,
                  NfMetricTable *table,
                  const char    *table_id,
                  GArray        *note_stated)
{
  guint n_rows = nf_metric_table_get_n_rows (table);
  guint n_columns = nf_metric_table_get_n_columns (table);
  guint total_row = G_MAXUINT, total_column = G_MAXUINT;
  const char *title_text = nf_text_get (nf_metric_table_get_title (table));
  g_autofree char *title = _nf_diff_fold (title_text);
  g_autofree char *whole_key = whole_named (title_text);

  /* A series over years is no sum of parts. */
  if (n_columns < 2 || n_rows < 1 || nf_metric_table_get_column (table, 0)->type == NF_COLUMN_YEAR)
    return;
  for (guint r = 0; r < n_rows; r++)
    if (is_total_label (nf_metric_table_get_cell (table, r, 0)->text, NULL))
      {
        /* "Total Registered Users" over "Total Rides Facilitated": a
         * table of several measures' totals, not parts and their sum. */
        if (total_row != G_MAXUINT)
          return;
        total_row = r;
      }
  for (guint c = 1; c < n_columns; c++)
    {
      g_autofree char *rest = NULL, *named = NULL;

      /* "Total" or "合计 (元)" alone: "Total Salaries" is a measure of
       * its own, which the rows are parts of. */
      if (!is_total_label (nf_text_get (nf_metric_table_get_column (table, c)->name), &rest) ||
          (named = whole_named (rest)) != NULL)
        continue;
      {
        /* "Total Vehicles Leased" beside "Total Revenue": totals of two
         * measures, not one sum of the other columns. */
        if (total_column != G_MAXUINT)
          {
            total_column = G_MAXUINT - 1;
            break;
          }
        total_column = c;
      }
    }
  if (total_column < G_MAXUINT - 1)
    check_total_column (check, table, table_id, total_column);
  /* Rows of "Metric" and "Value" state different measures, which no
   * one adds up, unless a row says it is their total. */
  if (n_rows < 2 || (total_row == G_MAXUINT && lists_measures (table)))
    return;

  for (guint c = 1; c < n_columns; c++)
    {
      Amount sum, whole;

      if (total_row == G_MAXUINT &&
          names_shares (title_text, nf_text_get (nf_metric_table_get_column (table, c)->name)))
        check_shares (check, table, table_id, c);
      if (!column_sum (table, c, total_row, &sum))
        continue;
      if (total_row != G_MAXUINT)
        {
          const NfCell *cell = nf_metric_table_get_cell (table, total_row, c);

          if (!cell_amount (table, total_row, c, &whole) || !same_sign (&whole, &sum) ||
              !off (&sum, whole.value, whole.rounding))
            continue;
          {
            g_autofree char *subject = g_strdup_printf ("%s row %u", table_id, total_row + 1);
            g_autofree char *shown = format_amount (sum.value, &sum);

            _nf_check_add (check, NF_CHECK_TOTAL, subject,
                           g_strdup_printf (_("the total “%s” is not the sum of the rows above it (%s)"),
                                            cell->text, shown));
          }
          continue;
        }
      if (sum.kind != NF_NUMBER_KIND_PERCENT)
        check_notes (check, table_id, &sum, title, note_stated);
    }
  if (total_row == G_MAXUINT)
    check_other_tables (check, table, table_id, whole_key);
}
