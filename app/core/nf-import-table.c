/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-import"

#include "config.h"

#include <string.h>

#include "nf-import-private.h"
#include "nf-number.h"

/* Cells that say "no figure here"; they count neither for nor against a
 * column being numeric. */
static const char * const not_available[] = {
  "n/a", "na", "n.a.", "-", "–", "—", "--", "tbd", "tba", "none", "nil", "null", "?", "…",
  "...", "/", "不适用", "无", "暂无", "未披露",
};

static const char * const year_words[] = {
  "year", "years", "fy", "fiscal", "period", "date", "年", "年份", "年度", "财年",
};

static const char * const count_words[] = {
  "number", "count", "no.", "#", "total", "users", "drivers", "vehicles", "customers",
  "employees", "staff", "downloads", "followers", "subscribers", "calls", "units", "rides",
  "members", "stores", "shops", "partners", "dealers", "listings", "headcount", "people",
  "cars", "orders", "transactions", "accounts", "clients", "merchants", "sellers", "buyers",
  "数量", "人数", "用户数", "次数", "家数", "台", "辆", "户",
};

static const char * const scale_words[] = {
  "thousand", "million", "billion", "trillion", "mn", "bn", "k", "千", "万", "亿",
};

static const struct { const char *token; const char *code; gboolean word; } header_currencies[] = {
  { "US$", "USD", FALSE }, { "HK$", "HKD", FALSE }, { "$", "USD", FALSE },
  { "€", "EUR", FALSE }, { "£", "GBP", FALSE }, { "¥", "CNY", FALSE }, { "￥", "CNY", FALSE },
  { "人民币", "CNY", FALSE }, { "美元", "USD", FALSE }, { "元", "CNY", FALSE },
  { "usd", "USD", TRUE }, { "rmb", "CNY", TRUE }, { "cny", "CNY", TRUE },
  { "eur", "EUR", TRUE }, { "gbp", "GBP", TRUE }, { "jpy", "JPY", TRUE },
  { "hkd", "HKD", TRUE }, { "dollars", "USD", TRUE }, { "yuan", "CNY", TRUE },
};

static gboolean
is_not_available (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (not_available); i++)
    if (g_ascii_strcasecmp (text, not_available[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether lower (a lower-cased header) has word as a whole word; words
 * that are not ASCII letters are matched anywhere. */
static gboolean
has_word (const char *lower,
          const char *word)
{
  gsize n = strlen (word);
  gboolean ascii_word = g_ascii_isalpha (word[0]) && g_ascii_isalpha (word[n - 1]);

  for (const char *p = strstr (lower, word); p; p = strstr (p + 1, word))
    {
      if (!ascii_word)
        return TRUE;
      if ((p == lower || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[n]))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_any_word (const char         *lower,
              const char * const *words,
              gsize               n_words)
{
  for (gsize i = 0; i < n_words; i++)
    if (has_word (lower, words[i]))
      return TRUE;
  return FALSE;
}

static const char *
header_currency (const char *header,
                 const char *lower)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_currencies); i++)
    if (header_currencies[i].word ? has_word (lower, header_currencies[i].token)
                                  : strstr (header, header_currencies[i].token) != NULL)
      return header_currencies[i].code;
  return NULL;
}

/* "Leasing Period (Months)" measures in months: the last parenthesised
 * word, if it is a plain unit and neither money, percent nor a scale. */
static char *
header_unit (const char *header)
{
  const char *open = strrchr (header, '(');
  const char *close = open ? strchr (open, ')') : NULL;
  g_autofree char *inside = NULL;
  g_autofree char *lower = NULL;
  guint words = 1;

  if (close == NULL || close - open < 2 || close - open > 24)
    return NULL;
  inside = g_strstrip (g_strndup (open + 1, close - open - 1));
  for (const char *p = inside; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ')
        words++;
      else if (!g_unichar_isalpha (c))
        return NULL;
    }
  lower = g_utf8_strdown (inside, -1);
  if (*lower == '\0' || words > 2 || header_currency (inside, lower) ||
      has_any_word (lower, scale_words, G_N_ELEMENTS (scale_words)) ||
      has_word (lower, "percent"))
    return NULL;
  return g_steal_pointer (&lower);
}

void
_nf_import_type_column (const char * const *cells,
                        guint               n_cells,
                        const char         *header,
                        guint               index,
                        NfImportColumn     *out)
{
  g_autofree char *lower = g_utf8_strdown (header ? header : "", -1);
  const char *currency = header_currency (header ? header : "", lower);
  guint considered = 0, parsed = 0;
  gboolean all_year = TRUE, all_percent = TRUE, all_money = TRUE, all_counts = TRUE;
  gboolean any_percent = FALSE, any_money = FALSE, same_unit = TRUE, same_currency = TRUE;
  char cell_currency[4] = "";
  char cell_unit[64] = "";
  gboolean header_year = has_any_word (lower, year_words, G_N_ELEMENTS (year_words));
  gboolean header_percent = strstr (lower, "%") || strstr (lower, "％") ||
                            has_word (lower, "percent") || has_word (lower, "percentage") ||
                            has_word (lower, "百分比") || has_word (lower, "占比");
  gboolean count_hint = has_any_word (lower, count_words, G_N_ELEMENTS (count_words));

  out->type = NF_COLUMN_TEXT;
  out->unit = NULL;

  for (guint i = 0; i < n_cells; i++)
    {
      NfNumber n;

      if (cells[i] == NULL || *cells[i] == '\0' || is_not_available (cells[i]))
        continue;
      considered++;
      if (!nf_number_parse (cells[i], &n))
        continue;
      if (parsed++ == 0)
        {
          g_strlcpy (cell_currency, n.currency, sizeof cell_currency);
          g_strlcpy (cell_unit, n.unit, sizeof cell_unit);
        }
      same_currency &= g_str_equal (cell_currency, n.currency);
      same_unit &= g_str_equal (cell_unit, n.unit);
      all_year &= n.year != 0;
      all_percent &= n.is_percent;
      any_percent |= n.is_percent;
      all_money &= n.currency[0] != '\0';
      any_money |= n.currency[0] != '\0';
      all_counts &= n.is_whole && n.value >= 0 && !n.is_percent && !n.currency[0];
      /* "6000台", "300 cars" say what they count */
      if (has_any_word (n.unit, count_words, G_N_ELEMENTS (count_words)))
        count_hint = TRUE;
    }

  /* A column of prose with a figure here and there stays prose. */
  if (parsed == 0 || parsed * 2 <= considered)
    return;

  if (header_year && all_year)
    out->type = NF_COLUMN_YEAR;
  else if (header_percent && !any_money)
    out->type = NF_COLUMN_PERCENT;
  else if (currency && !any_percent)
    {
      out->type = NF_COLUMN_MONEY;
      out->unit = g_strdup (currency);
    }
  else if (all_year && index == 0)
    out->type = NF_COLUMN_YEAR;
  else if (all_percent)
    out->type = NF_COLUMN_PERCENT;
  else if (all_money)
    {
      out->type = NF_COLUMN_MONEY;
      out->unit = same_currency ? g_strdup (cell_currency) : NULL;
    }
  else if (all_counts && count_hint)
    out->type = NF_COLUMN_COUNT;
  else
    out->type = NF_COLUMN_NUMBER;

  if (out->type == NF_COLUMN_NUMBER || out->type == NF_COLUMN_COUNT)
    {
      out->unit = header_unit (header ? header : "");
      if (out->unit == NULL && same_unit && cell_unit[0] && parsed == considered)
        out->unit = g_strdup (cell_unit);
    }
}
