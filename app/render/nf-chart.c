/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-i18n-private.h"
#include <pango/pangocairo.h>

#include "nf-card-layout.h"
#include "nf-chart.h"
#include "nf-render-private.h"

/* Bars never get thinner than this, nor thicker: a two-row table should
 * not turn into two slabs. */
#define MIN_BAR 6.0
#define MAX_BAR 28.0

static PangoLayout *
text_layout (PangoContext      *context,
             const NfGridStyle *style,
             const char        *text,
             double             size,
             double             width)
{
  PangoLayout *layout = _nf_render_layout_new (context);

  _nf_render_set_font (layout, style->font_family, size, PANGO_WEIGHT_NORMAL);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return layout;
}

void
nf_chart_render_bars (cairo_t            *cr,
                      const NfRect       *rect,
                      const char * const *labels,
                      const double       *values,
                      const char * const *value_labels,
                      guint               n,
                      const NfGridStyle  *style)
{
  nf_chart_render_bars_coloured (cr, rect, labels, values, value_labels, NULL, n, style);
}

void
nf_chart_render_bars_coloured (cairo_t            *cr,
                               const NfRect       *rect,
                               const char * const *labels,
                               const double       *values,
                               const char * const *value_labels,
                               const NfColour     *colours,
                               guint               n,
                               const NfGridStyle  *style)
{
  PangoContext *context;
  double lo = 0, hi = 0, size, row, bar, label_w = 0, value_w = 0;
  double plot_x, plot_w, zero_x;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (rect != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (n == 0 || values != NULL);

  if (n == 0 || rect->width <= 0 || rect->height <= 0)
    return;

  for (guint i = 0; i < n; i++)
    if (isfinite (values[i]))
      {
        lo = MIN (lo, values[i]);
        hi = MAX (hi, values[i]);
      }

  row = rect->height / n;
  size = CLAMP (row * 0.75 / (96.0 / 72.0) / 1.3, style->min_font_size, style->base_font_size);
  /* Many rows in little room: bars thin out rather than overlap. */
  bar = MIN (CLAMP (row * 0.6, MIN_BAR, MAX_BAR), row * 0.8);
  context = nf_render_pango_context_new (NULL);

  /* Labels take what they need, up to a third of the width. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) l = text_layout (context, style, labels ? labels[i] : NULL,
                                              size, rect->width / 3);
      g_autofree char *plain = g_strdup_printf ("%.15g", values[i]);
      g_autoptr(PangoLayout) v = text_layout (context, style,
                                              value_labels ? value_labels[i] : plain,
                                              size, rect->width * 0.4);

      label_w = MAX (label_w, _nf_render_layout_width (l));
      value_w = MAX (value_w, _nf_render_layout_width (v));
    }

  plot_x = rect->x + label_w + 8;
  plot_w = rect->width - label_w - 8 - value_w - 8;
  if (plot_w < 10)
    plot_w = 10;
  zero_x = hi > lo ? plot_x + plot_w * (-lo) / (hi - lo) : plot_x;

  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);

  /* The zero line, so bars visibly start somewhere. */
  _nf_render_set_colour (cr, &style->block_border);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, round (zero_x) + 0.5, rect->y);
  cairo_line_to (cr, round (zero_x) + 0.5, rect->y + rect->height);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *plain = g_strdup_printf ("%.15g", values[i]);
      g_autoptr(PangoLayout) l = text_layout (context, style, labels ? labels[i] : NULL,
                                              size, label_w);
      g_autoptr(PangoLayout) v = text_layout (context, style,
                                              value_labels ? value_labels[i] : plain,
                                              size, value_w + 1);
      double cy = rect->y + row * (i + 0.5);
      double end = zero_x;
      int lw, lh;

      pango_layout_get_pixel_size (l, &lw, &lh);
      _nf_render_set_colour (cr, &style->title_text);
      cairo_move_to (cr, rect->x + label_w - lw, cy - lh / 2.0);
      pango_cairo_show_layout (cr, l);

      if (isfinite (values[i]) && hi > lo)
        {
          double x0 = zero_x;
          double x1 = plot_x + plot_w * (values[i] - lo) / (hi - lo);

          _nf_render_set_colour (cr, colours != NULL ? &colours[i] : &style->accent);
          cairo_rectangle (cr, MIN (x0, x1), cy - bar / 2, MAX (fabs (x1 - x0), 1), bar);
          cairo_fill (cr);
          end = MAX (x0, x1);
        }

      pango_layout_get_pixel_size (v, &lw, &lh);
      _nf_render_set_colour (cr, &style->muted_text);
      cairo_move_to (cr, end + 6, cy - lh / 2.0);
      pango_cairo_show_layout (cr, v);
    }
  cairo_restore (cr);
  g_object_unref (context);
}

/* --- which figures may share a chart --- */

static gboolean
unit_in (const char         *unit,
         const char * const *words,
         double             *out_factor,
         const double       *factors)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_equal (unit, words[i]))
      {
        if (out_factor != NULL && factors != NULL)
          *out_factor = factors[i];
        return TRUE;
      }
  return FALSE;
}

/* The unit a figure of `kind` is compared in, and the factor into it. */
static NfFigureKind
figure_unit (NfNumberKind    kind,
             const NfNumber *number,
             const NfColumn *column,
             char            unit[64],
             double         *out_factor)
{
  static const char * const durations[] = {
    "second", "seconds", "sec", "s", "秒", "秒钟",
    "minute", "minutes", "min", "mins", "分钟",
    "hour", "hours", "h", "hrs", "小时", "个小时",
    "day", "days", "天", "日",
    "week", "weeks", "周", "星期", "个星期",
    "month", "months", "个月", "月",
    "year", "years", "yr", "yrs", "年", NULL };
  static const double seconds[] = {
    1, 1, 1, 1, 1, 1,
    60, 60, 60, 60, 60,
    3600, 3600, 3600, 3600, 3600, 3600,
    86400, 86400, 86400, 86400,
    604800, 604800, 604800, 604800, 604800,
    2629800, 2629800, 2629800, 2629800,
    31557600, 31557600, 31557600, 31557600, 31557600 };
  g_autofree char *lower = NULL;
  double factor = 1;

  G_STATIC_ASSERT (G_N_ELEMENTS (durations) == G_N_ELEMENTS (seconds) + 1);
  unit[0] = '\0';
  if (out_factor != NULL)
    *out_factor = 1;
  /* The cell's own unit, else the column's. */
  if (number != NULL && number->unit[0] != '\0')
    lower = g_utf8_strdown (number->unit, -1);
  else if (column != NULL && column->unit != NULL && *column->unit != '\0')
    lower = g_utf8_strdown (column->unit, -1);
  else
    lower = g_strdup ("");
  g_strstrip (lower);

  switch (kind)
    {
    case NF_NUMBER_KIND_YEAR:
      return NF_FIGURE_YEAR;
    case NF_NUMBER_KIND_PERCENT:
      g_strlcpy (unit, "%", 64);
      return NF_FIGURE_PERCENT;
    case NF_NUMBER_KIND_MONEY:
      g_strlcpy (unit, number != NULL && number->currency[0] != '\0' ? number->currency
                       : column != NULL && column->unit != NULL ? column->unit : "", 64);
      return NF_FIGURE_MONEY;
    case NF_NUMBER_KIND_RATING:
      /* Stars with stars; "8.5分" out of ten is another scale. */
      g_strlcpy (unit, g_str_equal (lower, "分") || g_str_equal (lower, "points") ? lower : "stars", 64);
      return NF_FIGURE_RATING;
    case NF_NUMBER_KIND_DURATION:
      unit_in (lower, durations, &factor, seconds);
      g_strlcpy (unit, "s", 64);
      if (out_factor != NULL)
        *out_factor = factor;
      return NF_FIGURE_DURATION;
    case NF_NUMBER_KIND_COUNT:
      g_strlcpy (unit, lower, 64);
      return NF_FIGURE_COUNT;
    case NF_NUMBER_KIND_OTHER:
    default:
      g_strlcpy (unit, lower, 64);
      if (number != NULL && number->is_whole && number->value >= 0 && number->scale_word == NULL &&
          (column == NULL || column->type == NF_COLUMN_NUMBER || column->type == NF_COLUMN_COUNT))
        return NF_FIGURE_COUNT;
      return NF_FIGURE_NUMBER;
    }
}

NfFigureKind
nf_chart_figure_kind (const NfNumber *number,
                      const NfColumn *column,
                      char            unit[64],
                      double         *out_factor)
{
  NfNumberKind kind = NF_NUMBER_KIND_OTHER;

  unit[0] = '\0';
  if (out_factor != NULL)
    *out_factor = 1;
  if (column != NULL && column->type == NF_COLUMN_TEXT)
    return NF_FIGURE_NONE;
  if (number != NULL && number->kind != NF_NUMBER_KIND_OTHER)
    kind = number->kind;
  else if (column != NULL)
    kind = column->type == NF_COLUMN_YEAR ? NF_NUMBER_KIND_YEAR
         : column->type == NF_COLUMN_MONEY ? NF_NUMBER_KIND_MONEY
         : column->type == NF_COLUMN_PERCENT ? NF_NUMBER_KIND_PERCENT
         : column->type == NF_COLUMN_COUNT ? NF_NUMBER_KIND_COUNT : NF_NUMBER_KIND_OTHER;
  return figure_unit (kind, number, column, unit, out_factor);
}

/* A cell's kind is the core's (nf_number_kind_for_cell); the chart adds
 * only the unit it compares in. */
static NfFigureKind
cell_kind (const NfColumn *column,
           const NfCell   *cell,
           char            unit[64],
           double         *out_factor)
{
  NfNumber number;
  NfNumberKind kind;
  NfColumn own = nf_cell_get_column (cell, column);

  unit[0] = '\0';
  *out_factor = 1;
  column = &own;
  if (column->type == NF_COLUMN_TEXT)
    return NF_FIGURE_NONE;
  kind = nf_number_kind_for_cell (column, cell, &number);
  return figure_unit (kind, &number, column, unit, out_factor);
}

const char *
nf_chart_figure_kind_title (NfFigureKind kind)
{
  switch (kind)
    {
    case NF_FIGURE_COUNT: return _("Counts");
    case NF_FIGURE_NUMBER: return _("Figures");
    case NF_FIGURE_MONEY: return _("Money");
    case NF_FIGURE_PERCENT: return _("Percentages");
    case NF_FIGURE_RATING: return _("Ratings");
    case NF_FIGURE_DURATION: return _("Durations");
    case NF_FIGURE_YEAR:
    case NF_FIGURE_NONE:
    default: return "";
    }
}

char *
nf_chart_group_title (NfFigureKind  kind,
                      const char   *unit)
{
  gboolean has_unit = unit != NULL && *unit != '\0';

  switch (kind)
    {
    case NF_FIGURE_MONEY:
      /* TRANSLATORS: a chart's title: sums of money in one currency; %s is its ISO code, "USD". */
      return has_unit ? g_strdup_printf (_("Amounts in %s"), unit) : g_strdup (_("Amounts of money"));
    case NF_FIGURE_PERCENT:
      /* TRANSLATORS: a chart's title: figures that are percentages. */
      return g_strdup (_("Shares and rates in %"));
    case NF_FIGURE_COUNT:
      /* TRANSLATORS: a chart's title: counts of things; %s is what is counted, "vehicles". */
      return has_unit ? g_strdup_printf (_("Numbers of %s"), unit) : g_strdup (_("Counts"));
    case NF_FIGURE_NUMBER:
      /* TRANSLATORS: a chart's title: figures in a unit; %s is the unit, "km". */
      return has_unit ? g_strdup_printf (_("Figures in %s"), unit) : g_strdup (_("Figures"));
    case NF_FIGURE_RATING:
    case NF_FIGURE_DURATION:
      return g_strdup (nf_chart_figure_kind_title (kind));
    case NF_FIGURE_YEAR:
    case NF_FIGURE_NONE:
    default:
      return g_strdup ("");
    }
}

static const struct {
  const char *code;
  const char *says[6];  /* what in a name says the currency, lower-cased */
} currency_names[] = {
  { "USD", { "$", "usd", "dollar", "美元", NULL } },
  { "CNY", { "¥", "￥", "cny", "rmb", "yuan", "元" } },
  { "EUR", { "€", "eur", "euro", "欧元", NULL } },
  { "GBP", { "£", "gbp", "pound", "英镑", NULL } },
  { "HKD", { "hk$", "hkd", "港元", "港币", NULL } },
  { "JPY", { "¥", "jpy", "yen", "日元", NULL } },
};

gboolean
nf_chart_name_says_unit (const char *name,
                         const char *unit)
{
  g_autofree char *folded_name = NULL;
  g_autofree char *folded_unit = NULL;

  if (unit == NULL || *unit == '\0')
    return TRUE;
  if (name == NULL || *name == '\0')
    return FALSE;
  folded_name = g_utf8_casefold (name, -1);
  folded_unit = g_utf8_casefold (unit, -1);
  if (strstr (folded_name, folded_unit) != NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (currency_names); i++)
    if (g_ascii_strcasecmp (unit, currency_names[i].code) == 0)
      for (guint k = 0; k < G_N_ELEMENTS (currency_names[i].says) && currency_names[i].says[k] != NULL; k++)
        if (strstr (folded_name, currency_names[i].says[k]) != NULL)
          return TRUE;
  return FALSE;
}

void
nf_chart_group_free (NfChartGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->unit);
  g_array_unref (group->bars);
  g_free (group);
}

/* --- which measure a figure is of --- */

static gboolean
is_han (gunichar c)
{
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/* Lower-case ASCII words of `text`; bytes of other scripts are kept
 * inside words. */
static GStrv
words_of (const char *text)
{
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = text; ; p++)
    {
      if (*p != '\0' && (g_ascii_isalnum (*p) || (guchar) *p >= 0x80))
        {
          g_string_append_c (word, g_ascii_tolower (*p));
          continue;
        }
      if (word->len > 0)
        g_strv_builder_add (out, word->str);
      g_string_truncate (word, 0);
      if (*p == '\0')
        break;
    }
  return g_strv_builder_end (out);
}

/* Whether TEXT holds one of WORDS as a whole word, or one of HAN (Han
 * text has no spaces to split words at) anywhere; with BY_AMOUNT, also
 * "by" before a figure ("reduced churn by 30%"), the amount of a change. */
static gboolean
text_names (const char         *text,
            const char * const *words,
            const char * const *han,
            gboolean            by_amount)
{
  g_auto(GStrv) tokens = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (guint i = 0; han[i] != NULL; i++)
    if (strstr (text, han[i]) != NULL)
      return TRUE;
  tokens = words_of (text);
  for (guint t = 0; tokens[t] != NULL; t++)
    {
      if (g_strv_contains (words, tokens[t]))
        return TRUE;
      if (by_amount && g_str_equal (tokens[t], "by") && tokens[t + 1] != NULL &&
          g_ascii_isdigit (tokens[t + 1][0]))
        return TRUE;
    }
  return FALSE;
}

/* "Rides per user per month", "Average order", "人均消费", "每月订单",
 * "100元/月": a figure over something else. A rate never shares an axis
 * with totals, however alike their kind and unit. */
static gboolean
names_rate (const char *text)
{
  static const char * const words[] = { "per", "average", "avg", "mean", "each", "every", NULL };
  static const char * const han[] = { "每", "平均", "人均", "均值", "/", "／", NULL };

  return text_names (text, words, han, FALSE);
}

/* Words that say a figure is a count without saying of what. */
static gboolean
generic_word (const char *word)
{
  static const char * const generic[] = {
    "number", "no", "total", "count", "amount", "sum", "value", "values", "figure", "figures",
    "metric", "metrics", "measure", "quantity", "overall", "cumulative", "all", "the", "a", "an",
    "size", "volume", "level", "index", "status", "basis", "plus", NULL };

  return g_strv_contains (generic, word);
}

/* Plural nouns that do not end in "s", and what they count. */
static const char *
irregular_plural (const char *word)
{
  static const char * const words[] = {
    "people", "person", "staff", "person", "personnel", "person", "employees", "person",
    "workers", "person", "children", "child", "men", "person", "women", "person", NULL };

  for (guint i = 0; words[i] != NULL; i += 2)
    if (g_str_equal (word, words[i]))
      return words[i + 1];
  return NULL;
}

static gboolean
looks_plural (const char *word)
{
  gsize len = strlen (word);

  return len >= 3 && word[len - 1] == 's' && !g_str_has_suffix (word, "ss") &&
         !g_str_has_suffix (word, "us") && !g_str_has_suffix (word, "is") &&
         g_ascii_isalpha (word[0]);
}

/* Chinese puts the thing counted last: 注册用户 and 月活跃用户 count 户,
 * 乘车次数 counts 次; a head not among the common ones is its last two
 * characters (用户全生命周期节点 counts 节点). A plain "数值" says
 * nothing of what is counted: NULL. */
static char *
han_noun (const char *text)
{
  static const char * const suffixes[] = {
    "数量", "总数", "总量", "数目", "个数", "合计", "总计", "规模", "数据", "数值", "数字",
    "指标", "累计", "数", "量", "值", NULL };
  static const char heads[] =
    "户人员工车辆单店家企司次件台个城市站机款品座所校院床位套张份项笔名";
  g_autoptr(GString) s = g_string_new (NULL);
  gboolean again = TRUE;
  const char *last;
  gunichar c;

  /* The words outside brackets: "用户（万）" counts 户. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch == '(' || ch == 0xff08)
        {
          while (*p != '\0' && g_utf8_get_char (p) != ')' && g_utf8_get_char (p) != 0xff09)
            p = g_utf8_next_char (p);
          if (*p == '\0')
            break;
          continue;
        }
      if (is_han (ch))
        g_string_append_unichar (s, ch);
    }
  while (again && s->len > 0)
    {
      again = FALSE;
      for (guint i = 0; suffixes[i] != NULL; i++)
        if (g_str_has_suffix (s->str, suffixes[i]))
          {
            if (g_str_equal (suffixes[i], "数") && g_str_has_suffix (s->str, "人数"))
              break;
            g_string_truncate (s, s->len - strlen (suffixes[i]));
            again = TRUE;
            break;
          }
    }
  if (s->len == 0)
    return NULL;
  if (g_str_has_suffix (s->str, "人数"))
    g_string_truncate (s, s->len - strlen ("数"));
  last = g_utf8_find_prev_char (s->str, s->str + s->len);
  c = g_utf8_get_char (last);
  for (const char *h = heads; *h != '\0'; h = g_utf8_next_char (h))
    if (g_utf8_get_char (h) == c)
      return g_strdup (last);
  /* Another head: the word it ends with (节点 touchpoints, 环节 steps). */
  if (last > s->str)
    last = g_utf8_find_prev_char (s->str, last);
  return g_strdup (last);
}

/* What a label counts, as one word ("user" for "Total Registered Users",
 * "ride" for "Total Rides Facilitated", "户" for "注册用户数"), or NULL
 * when it names no counted thing (a company, a year, "Value"). */
static char *
count_noun (const char *text)
{
  g_auto(GStrv) tokens = NULL;
  static const char * const cuts[] = {
    "in", "at", "on", "for", "from", "by", "with", "since", "during", "across", "to",
    "within", "over", "under", "as", "via", NULL };
  guint start = 0, end;

  if (text == NULL || *text == '\0')
    return NULL;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_han (g_utf8_get_char (p)))
      return han_noun (text);
  tokens = words_of (text);
  end = g_strv_length (tokens);
  /* "Cars in the fleet": what is counted comes before the preposition;
   * "Number of stores": after "of" when only "number" is before it. */
  for (guint t = 0; t < end; t++)
    {
      if (g_strv_contains (cuts, tokens[t]) && t > start)
        {
          end = t;
          break;
        }
      if (g_str_equal (tokens[t], "of"))
        {
          gboolean all_generic = TRUE;

          for (guint k = start; k < t; k++)
            all_generic = all_generic && (generic_word (tokens[k]) || *tokens[k] == '\0');
          if (all_generic)
            start = t + 1;
          else
            {
              end = t;
              break;
            }
        }
    }
  for (guint t = end; t-- > start;)
    {
      const char *word = tokens[t];
      const char *irregular = irregular_plural (word);
      gsize len = strlen (word);

      if (irregular != NULL)
        return g_strdup (irregular);
      if (generic_word (word) || !looks_plural (word))
        continue;
      if (g_str_has_suffix (word, "ies") && len > 4)
        {
          g_autofree char *stem = g_strndup (word, len - 3);

          return g_strconcat (stem, "y", NULL);
        }
      return g_strndup (word, len - 1);
    }
  return NULL;
}

/* The text that names the first text column's cell of a row, as written. */
static const char *
row_label (NfMetricTable *table,
           guint          row)
{
  guint n_columns = nf_metric_table_get_n_columns (table);

  for (guint c = 0; c < n_columns; c++)
    if (nf_metric_table_get_column (table, c)->type == NF_COLUMN_TEXT)
      return nf_metric_table_get_cell (table, row, c)->text;
  return NULL;
}

/* What names a measure: a label's rate ("rate:" and the label), else
 * the thing it counts, else "". */
static char *
label_key (const char *text)
{
  char *noun;

  if (names_rate (text))
    return g_strconcat ("rate:", text, NULL);
  noun = count_noun (text);
  return noun != NULL ? noun : g_strdup ("");
}

/* A column's name says which measure its figures are when it names a
 * rate or a counted thing, and also when it names anything at all
 * ("Employee Count" down departments): the rows are then what is
 * measured, not the measure ("Operations" counts no operations). Only a
 * generic name ("Value", "数值") leaves the measure to the rows. */
static char *
column_key (const char *name)
{
  char *key = label_key (name);
  g_auto(GStrv) tokens = NULL;

  if (*key != '\0' || name == NULL)
    return key;
  g_free (key);
  tokens = words_of (name);
  for (guint t = g_strv_length (tokens); t-- > 0;)
    if (!generic_word (tokens[t]) && g_ascii_isalpha (tokens[t][0]))
      return g_strconcat ("column:", tokens[t], NULL);
  return g_strdup ("");
}

gboolean
nf_chart_name_is_generic (const char *name)
{
  static const char * const han[] = { "数值", "值", "数据", "指标", "数量", "数字", NULL };
  g_autofree char *key = NULL;
  g_autofree char *bare = NULL;

  if (name == NULL || *name == '\0')
    return TRUE;
  bare = g_strstrip (g_strdup (name));
  if (g_strv_contains (han, bare))
    return TRUE;
  key = column_key (name);
  return *key == '\0';
}

/* Which family of percentage a label names: a share of something
 * ("Market share", "占比"), a change ("Revenue growth", "同比增长"), a
 * margin, a rate of conversion or of keeping customers, a fall; else the
 * label's last word (its head: "Accuracy", "准确率"), else "". A share
 * of customers and a growth rate are both "%" but never one axis. */
static char *
percent_family (const char *text)
{
  static const struct {
    const char *family;
    const char *words[12];
  } families[] = {
    { "change", { "growth", "grow", "grew", "increase", "rise", "yoy", "cagr", "change",
                  "增长", "增速", "同比", "环比" } },
    { "fall", { "decline", "decrease", "reduction", "drop", "fall", "saving", "savings",
                "下降", "减少", "降低", "节省" } },
    { "margin", { "margin", "margins", "profitability", "毛利", "利润率", "净利" } },
    { "share", { "share", "proportion", "penetration", "portion", "coverage",
                 "占比", "份额", "渗透", "比例", "覆盖" } },
    { "keep", { "retention", "churn", "repurchase", "repeat", "loyalty", "留存", "复购",
                "流失" } },
    { "conversion", { "conversion", "win", "success", "click", "转化", "成交率", "成功率" } },
  };
  g_auto(GStrv) tokens = NULL;
  gboolean han = FALSE;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  tokens = words_of (text);
  for (guint f = 0; f < G_N_ELEMENTS (families); f++)
    for (guint w = 0; w < G_N_ELEMENTS (families[f].words) && families[f].words[w] != NULL; w++)
      {
        const char *word = families[f].words[w];

        if ((guchar) word[0] >= 0x80 ? strstr (text, word) != NULL : g_strv_contains ((const char * const *) tokens, word))
          return g_strdup (families[f].family);
      }
  for (const char *p = text; *p != '\0' && !han; p = g_utf8_next_char (p))
    han = is_han (g_utf8_get_char (p));
  if (han)
    {
      g_autofree char *noun = han_noun (text);

      return g_strconcat ("head:", noun != NULL ? noun : "", NULL);
    }
  for (guint t = g_strv_length (tokens); t-- > 0;)
    if (!generic_word (tokens[t]) && !g_str_equal (tokens[t], "rate") &&
        !g_str_equal (tokens[t], "ratio") && !g_str_equal (tokens[t], "percent") &&
        g_ascii_isalpha (tokens[t][0]))
      return g_strconcat ("head:", tokens[t], NULL);
  return g_strdup ("");
}

/* Whether a figure's own words say it is a change ("Reduced churn by
 * 30%", "40% increase in repeat transactions", "同比增长20%") rather
 * than a share or level ("70% of customers"): the two are both "%" but
 * never comparable bars, whatever the row or column is called. */
static gboolean
names_change (const char *text)
{
  static const char * const words[] = {
    "growth", "grow", "grew", "grown", "grows", "increase", "increased", "increases",
    "rise", "rose", "risen", "rises", "yoy", "cagr", "change", "changed", "decline",
    "declined", "declines", "decrease", "decreased", "decreases", "reduction", "reduce",
    "reduced", "reduces", "drop", "dropped", "fall", "fell", "fallen", "improved",
    "improvement", "boost", "boosted", "raised", "lowered", "cut", "saving", "savings", NULL
  };
  static const char * const han[] = {
    "增长", "增加", "增速", "下降", "减少", "降低", "提升", "提高", "同比", "环比", "上升",
    "下滑", "节省", NULL
  };

  return text_names (text, words, han, TRUE);
}

/* Which measure a figure is of, beyond its kind and unit: counts of
 * users and counts of rides are both plain counts, and money per user
 * and money in total are both dollars. The column's name says it when
 * it names a rate or a counted thing ("Users" down a table of
 * companies), else the row's label ("Total Registered Users" beside
 * "Value"). A rate is its own measure, named by the label that makes it
 * one, so a column of one rate by year is still one series; money is
 * told apart only by rates (a currency already names what it counts). */
static const char *
measure_key (const char   *column_key,
             const char   *row_key,
             NfFigureKind  kind)
{
  if (kind != NF_FIGURE_COUNT && kind != NF_FIGURE_NUMBER && kind != NF_FIGURE_MONEY)
    return "";
  if (g_str_has_prefix (column_key, "rate:"))
    return column_key;
  if (g_str_has_prefix (row_key, "rate:"))
    return row_key;
  if (kind == NF_FIGURE_MONEY)
    return "";
  return *column_key != '\0' ? column_key : row_key;
}

GPtrArray *
nf_chart_groups_new (NfMetricTable *table)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) nf_chart_group_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);   /* a group's measure */
  g_autoptr(GPtrArray) column_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) column_families = g_ptr_array_new_with_free_func (g_free);
  guint n_rows, n_columns;
  gboolean labelled = FALSE;

  g_return_val_if_fail (NF_IS_METRIC_TABLE (table), groups);

  n_rows = nf_metric_table_get_n_rows (table);
  n_columns = nf_metric_table_get_n_columns (table);
  /* Rows named by a text column are each a measure of their own: plain
   * figures of no known kind ("2100多万" cars, "10万亿级" yuan) say
   * nothing of which measure they are, so they share a chart only as a
   * series, down one column of a table by year or unlabelled. */
  for (guint c = 0; c < n_columns && !labelled; c++)
    labelled = nf_metric_table_get_column (table, c)->type == NF_COLUMN_TEXT;
  for (guint c = 0; c < n_columns; c++)
    {
      const NfColumn *column = nf_metric_table_get_column (table, c);

      const char *name = column->name != NULL ? nf_text_get (column->name) : NULL;

      g_ptr_array_add (column_keys, column_key (name));
      g_ptr_array_add (column_families, percent_family (name));
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *row_key = label_key (row_label (table, r));
      g_autofree char *row_family = percent_family (row_label (table, r));

      for (guint c = 0; c < n_columns; c++)
      {
        const NfColumn *column = nf_metric_table_get_column (table, c);
        const NfCell *cell = nf_metric_table_get_cell (table, r, c);
        char unit[64];
        double factor;
        NfFigureKind kind;
        NfChartGroup *group = NULL;
        NfChartBar bar;
        const char *key;
        g_autofree char *percent_key = NULL;

        /* A cell's own type counts: a figure typed in a column of words. */
        if (!cell->has_value || nf_cell_get_column (cell, column).type == NF_COLUMN_TEXT)
          continue;
        kind = cell_kind (column, cell, unit, &factor);
        if (kind == NF_FIGURE_NONE || kind == NF_FIGURE_YEAR || (kind == NF_FIGURE_NUMBER && labelled))
          continue;
        key = measure_key (g_ptr_array_index (column_keys, c), row_key, kind);
        /* A percentage's family: the column's when it names one (a
         * column of shares by company), else the row's. */
        if (kind == NF_FIGURE_PERCENT)
          {
            const char *family = g_ptr_array_index (column_families, c);

            key = *family != '\0' && !g_str_has_prefix (family, "head:") ? family
                  : *row_family != '\0' ? row_family : family;
            /* A change and a level never share an axis, even in one
             * row or one column of one family. */
            percent_key = g_strconcat (g_str_equal (key, "change") || g_str_equal (key, "fall") ||
                                       names_change (cell->text) ? "delta|" : "level|", key, NULL);
            key = percent_key;
          }
        for (guint g = 0; g < groups->len && group == NULL; g++)
          {
            NfChartGroup *candidate = g_ptr_array_index (groups, g);

            if (candidate->kind == kind && g_str_equal (candidate->unit, unit) &&
                g_str_equal (g_ptr_array_index (keys, g), key) &&
                (kind != NF_FIGURE_NUMBER || g_array_index (candidate->bars, NfChartBar, 0).column == c))
              group = candidate;
          }
        if (group == NULL)
          {
            group = g_new0 (NfChartGroup, 1);
            group->kind = kind;
            group->unit = g_strdup (unit);
            group->bars = g_array_new (FALSE, FALSE, sizeof (NfChartBar));
            g_ptr_array_add (groups, group);
            g_ptr_array_add (keys, g_strdup (key));
          }
        bar = (NfChartBar) { r, c, cell->value * factor };
        g_array_append_val (group->bars, bar);
      }
    }
  /* One figure alone compares with nothing. */
  for (guint g = groups->len; g-- > 0;)
    if (((NfChartGroup *) g_ptr_array_index (groups, g))->bars->len < 2)
      g_ptr_array_remove_index (groups, g);
  return groups;
}
