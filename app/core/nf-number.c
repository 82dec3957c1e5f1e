/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-number"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "nf-number.h"
#include "nf-number-private.h"
#include "nf-rate.h"

/* More digits than any real figure has; also bounds the work per cell. */
#define MAX_DIGITS 400
#define MAX_UNIT_WORDS 4

typedef struct {
  const char *token;
  const char *code;
} Currency;

/* Longest first where one is a prefix of another ("US$" before "$"). A
 * bare "¥" is taken as yuan: Ninefold's write-ups are about Chinese firms
 * far more often than Japanese ones, and "JPY" or "日元" say yen. */
static const Currency prefix_currencies[] = {
  { "US$", "USD" }, { "HK$", "HKD" }, { "NT$", "TWD" }, { "A$", "AUD" },
  { "C$", "CAD" }, { "S$", "SGD" }, { "R$", "BRL" }, { "$", "USD" },
  { "€", "EUR" }, { "£", "GBP" }, { "¥", "CNY" }, { "₹", "INR" },
  { "₩", "KRW" }, { "Rs.", "INR" }, { "Rs", "INR" },
};

/* Codes are matched as whole words, before or after the number. */
static const Currency code_currencies[] = {
  { "RMB", "CNY" }, { "CNY", "CNY" }, { "USD", "USD" }, { "EUR", "EUR" },
  { "GBP", "GBP" }, { "JPY", "JPY" }, { "HKD", "HKD" }, { "INR", "INR" },
  { "KRW", "KRW" }, { "TWD", "TWD" }, { "AUD", "AUD" }, { "CAD", "CAD" },
  { "SGD", "SGD" }, { "CHF", "CHF" },
};

static const Currency suffix_currencies[] = {
  { "人民币", "CNY" }, { "美元", "USD" }, { "欧元", "EUR" }, { "英镑", "GBP" },
  { "日元", "JPY" }, { "港元", "HKD" }, { "港币", "HKD" }, { "元", "CNY" },
  { "块", "CNY" }, { "US dollars", "USD" }, { "dollars", "USD" },
  { "dollar", "USD" }, { "yuan", "CNY" }, { "euros", "EUR" }, { "euro", "EUR" },
  { "€", "EUR" }, { "$", "USD" }, { "£", "GBP" },
};

typedef struct {
  const char *token;
  int         power;
  const char *canonical;
  gboolean    needs_currency;  /* "5m" is five metres unless it is money */
} Scale;

/* Case-sensitive where case matters ("M" is million, "m" metres). */
static const Scale scales[] = {
  { "thousand", 3, "thousand", FALSE }, { "million", 6, "million", FALSE },
  { "billion", 9, "billion", FALSE }, { "trillion", 12, "trillion", FALSE },
  { "lakh", 5, "lakh", FALSE }, { "crore", 7, "crore", FALSE },
  { "mln", 6, "million", FALSE }, { "bln", 9, "billion", FALSE },
  { "mn", 6, "million", FALSE }, { "bn", 9, "billion", FALSE },
  { "tn", 12, "trillion", FALSE }, { "mm", 6, "million", TRUE },
  { "k", 3, "thousand", FALSE }, { "K", 3, "thousand", FALSE },
  { "M", 6, "million", FALSE }, { "B", 9, "billion", FALSE },
  { "m", 6, "million", TRUE }, { "b", 9, "billion", TRUE },
  { "T", 12, "trillion", TRUE },
};

typedef struct {
  const char        *token;
  NfNumberQualifier  bound;
} Qualifier;

/* Longest first where one is a prefix of another ("约合" before "约"). */
static const Qualifier leading_qualifiers[] = {
  { "approximately", NF_NUMBER_ABOUT }, { "approx.", NF_NUMBER_ABOUT },
  { "approx", NF_NUMBER_ABOUT }, { "about", NF_NUMBER_ABOUT },
  { "around", NF_NUMBER_ABOUT }, { "roughly", NF_NUMBER_ABOUT },
  { "circa", NF_NUMBER_ABOUT }, { "ca.", NF_NUMBER_ABOUT },
  { "nearly", NF_NUMBER_NEARLY }, { "almost", NF_NUMBER_NEARLY },
  { "over", NF_NUMBER_OVER }, { "more than", NF_NUMBER_OVER },
  { "less than", NF_NUMBER_UNDER }, { "under", NF_NUMBER_UNDER },
  { "up to", NF_NUMBER_AT_MOST }, { "at least", NF_NUMBER_AT_LEAST },
  { "at most", NF_NUMBER_AT_MOST }, { "above", NF_NUMBER_OVER },
  { "below", NF_NUMBER_UNDER }, { "some", NF_NUMBER_ABOUT },
  { "estimated", NF_NUMBER_ABOUT }, { "est.", NF_NUMBER_ABOUT },
  { "~", NF_NUMBER_ABOUT }, { "≈", NF_NUMBER_ABOUT },
  { "<=", NF_NUMBER_AT_MOST }, { ">=", NF_NUMBER_AT_LEAST },
  { "<", NF_NUMBER_UNDER }, { ">", NF_NUMBER_OVER },
  { "≤", NF_NUMBER_AT_MOST }, { "≥", NF_NUMBER_AT_LEAST },
  { "大约", NF_NUMBER_ABOUT }, { "大概", NF_NUMBER_ABOUT },
  { "约合", NF_NUMBER_ABOUT }, { "约", NF_NUMBER_ABOUT },
  { "将近", NF_NUMBER_NEARLY }, { "近", NF_NUMBER_NEARLY },
  { "超过", NF_NUMBER_OVER }, { "突破", NF_NUMBER_OVER },
  { "逾", NF_NUMBER_OVER }, { "超", NF_NUMBER_OVER },
  { "不到", NF_NUMBER_UNDER }, { "不足", NF_NUMBER_UNDER },
  { "至少", NF_NUMBER_AT_LEAST }, { "最多", NF_NUMBER_AT_MOST },
};

static const Qualifier trailing_qualifiers[] = {
  { "+", NF_NUMBER_OVER }, { "以上", NF_NUMBER_OVER }, { "左右", NF_NUMBER_ABOUT },
  { "有余", NF_NUMBER_OVER }, { "多", NF_NUMBER_OVER }, { "余", NF_NUMBER_OVER },
  { "以下", NF_NUMBER_UNDER },
};

/* Units that say what a figure is other than a count of things. Matched
 * on the unit's first word, lower-cased, or (CJK) its start. */
static const char * const duration_units[] = {
  "seconds", "second", "secs", "sec", "minutes", "minute", "mins", "min",
  "hours", "hour", "hrs", "hr", "days", "day", "weeks", "week", "months",
  "month", "years", "year",
  "秒", "分钟", "小时", "天", "日", "周", "星期", "个月", "月", "年",
};

static const char * const rating_units[] = {
  "stars", "star", "points", "out", "星", "颗星", "分",
};

/* Measures (lengths, weights, energy), ratios and rates: not counts. */
static const char * const other_units[] = {
  "km", "m", "cm", "mm", "kg", "g", "t", "tons", "tonnes", "kwh", "mwh", "gwh",
  "mw", "gw", "kw", "gb", "tb", "mb", "x", "times", "per", "annually", "yearly",
  "monthly", "daily", "a", "each", "倍", "公里", "千米", "米", "吨", "千瓦时",
  "平方米", "次/", "每",
};

static const char * const percent_words[] = {
  "%", "percent", "per cent", "pct", "个百分点", "百分点",
};

static const char * const year_units[] = {
  "年度", "财年", "年",
};

/* Full-width forms, odd spaces and the minus sign, folded to what the
 * parser below reads. Chinese text writes "２，２３５．１％" as often as
 * "2,235.1%". */
/* Digits of a figure, at most MAX_DIGITS of them (scan_digits refuses
 * more), kept on the stack: a table or a check parses figures by the
 * hundred thousand. */
typedef struct {
  gsize len;
  char  str[MAX_DIGITS + 2];
} Digits;

static inline void
digits_append (Digits *d,
               char    c)
{
  d->str[d->len++] = c;
  d->str[d->len] = '\0';
}

/* Appends to a buffer the caller sized to the text's length: folding never
 * lengthens a character (a full-width form is three bytes, its ASCII one;
 * U+FFE5 is three, U+00A5 two). */
typedef struct {
  char *str;
  gsize len;
} FoldOut;

static inline void
fold_append_c (FoldOut *out,
               char     c)
{
  out->str[out->len++] = c;
}

static inline void
fold_append_unichar (FoldOut  *out,
                     gunichar  c)
{
  out->len += (gsize) g_unichar_to_utf8 (c, out->str + out->len);
}

static char *
fold (const char *text,
      char       *buffer)
{
  FoldOut real = { buffer, 0 };
  FoldOut *out = &real;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c;

      /* Most figures are ASCII: copy those bytes as they are. */
      if ((guchar) *p < 0x80)
        {
          fold_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
          continue;
        }
      c = g_utf8_get_char (p);
      if (c >= 0xFF01 && c <= 0xFF5E)
        fold_append_c (out, (char) (c - 0xFF01 + 0x21));
      else if (c == 0x3000 || c == 0x00A0 || c == 0x2007 || c == 0x2009 ||
               c == 0x202F || c == '\t' || c == '\n' || c == '\r')
        fold_append_c (out, ' ');
      else if (c == 0x2212)
        fold_append_c (out, '-');
      else if (c == 0xFFE5)
        fold_append_unichar (out, 0x00A5);
      else
        fold_append_unichar (out, c);
    }
  out->str[out->len] = '\0';
  return out->str;
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ')
    p++;
  return p;
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalpha (c);
}

/* Matches token at p: case-insensitively for ASCII letters when asked, and
 * as a whole word when the token ends in a letter. */
static const char *
match (const char *p,
       const char *token,
       gboolean    ignore_case)
{
  gsize n;

  /* Most tokens fail on their first byte: say so before measuring them. */
  if (g_ascii_tolower (*p) != g_ascii_tolower (*token))
    return NULL;
  n = strlen (token);
  if (ignore_case ? g_ascii_strncasecmp (p, token, n) != 0 : strncmp (p, token, n) != 0)
    return NULL;
  if (is_word_char (token[n - 1]) && is_word_char (p[n]))
    return NULL;
  return p + n;
}

static const char *
match_any (const char         *p,
           const char * const *tokens,
           gsize               n_tokens)
{
  for (gsize i = 0; i < n_tokens; i++)
    {
      const char *end = match (p, tokens[i], TRUE);

      if (end)
        return end;
    }
  return NULL;
}

static const char *
match_qualifier (const char      *p,
                 const Qualifier *table,
                 gsize            n,
                 NfNumber        *out)
{
  for (gsize i = 0; i < n; i++)
    {
      const char *end = match (p, table[i].token, TRUE);

      if (end)
        {
          gsize used = strlen (out->qualifier);

          if (used > 0 && used + 1 < sizeof out->qualifier)
            out->qualifier[used++] = ' ';
          if (used + (end - p) < sizeof out->qualifier)
            {
              memcpy (out->qualifier + used, p, end - p);
              out->qualifier[used + (end - p)] = '\0';
            }
          /* "约100多": the first word says most about the figure. */
          if (out->bound == NF_NUMBER_EXACT)
            out->bound = table[i].bound;
          return end;
        }
    }
  return NULL;
}

static const char *
match_currency (const char     *p,
                const Currency *table,
                gsize           n,
                const char    **out_code)
{
  for (gsize i = 0; i < n; i++)
    {
      /* Codes are upper case; "usd" in prose is not one. */
      const char *end = match (p, table[i].token, table != code_currencies);

      if (end)
        {
          *out_code = table[i].code;
          return end;
        }
    }
  return NULL;
}

static gboolean
set_currency (NfNumber   *out,
              const char *code)
{
  if (out->currency[0] && !g_str_equal (out->currency, code))
    return FALSE;  /* "$3 元" says two things */
  g_strlcpy (out->currency, code, sizeof out->currency);
  return TRUE;
}

static const char *
match_scale (const char *p,
             gboolean    has_currency,
             NfNumber   *out)
{
  static const struct { const char *cjk; int power; } cjk[] = {
    { "十", 1 }, { "百", 2 }, { "千", 3 }, { "万", 4 }, { "亿", 8 },
  };
  const char *start = p;
  char written[16];
  int power = 0;
  guint n = 0;
  /* Once, not per scale: every word after every figure comes here. */
  char first = g_ascii_tolower (*p);

  for (gsize i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      gsize length;
      gboolean ignore_case;
      const char *end;
      char token_first = scales[i].token[0];

      /* Both ways below match the token's first letter, in either case. */
      if (first != (token_first >= 'A' && token_first <= 'Z' ? token_first + ('a' - 'A') : token_first))
        continue;
      length = strlen (scales[i].token);
      /* Single letters and "mm" keep their case: "M" is a million, "m" a
       * metre and "mm" a millimetre unless the figure is money. */
      ignore_case = length > 1 && !g_str_equal (scales[i].token, "mm");
      end = match (p, scales[i].token, ignore_case);

      /* "5 millions", as some write */
      if (end == NULL && length > 3 && g_ascii_strncasecmp (p, scales[i].token, length) == 0 &&
          (p[length] == 's' || p[length] == 'S') && !is_word_char (p[length + 1]))
        end = p + length + 1;
      if (end == NULL || (scales[i].needs_currency && !has_currency))
        continue;
      out->scale = scales[i].power;
      out->scale_word = scales[i].canonical;
      return end;
    }

  /* "百万", "千万", "万亿": the multipliers compose by product. Three at
   * most, which every real figure needs; "百分点" is a percentage point,
   * not a hundred. */
  if (g_str_has_prefix (p, "百分点"))
    return NULL;
  /* "1个亿" is spoken for "1亿". */
  if (g_str_has_prefix (p, "个") &&
      (g_str_has_prefix (p + strlen ("个"), "亿") || g_str_has_prefix (p + strlen ("个"), "万")))
    p += strlen ("个"), start = p;
  for (gboolean more = TRUE; more && n < 3;)
    {
      more = FALSE;
      for (gsize i = 0; i < G_N_ELEMENTS (cjk) && n < 3; i++)
        if (g_str_has_prefix (p, cjk[i].cjk))
          {
            power += cjk[i].power;
            p += strlen (cjk[i].cjk);
            n++;
            more = TRUE;
          }
    }
  if (n == 0)
    return NULL;
  g_strlcpy (written, start, MIN ((gsize) (p - start) + 1, sizeof written));
  out->scale = power;
  /* Few distinct forms exist (three of five characters), so interning
   * them costs a bounded amount once. */
  out->scale_word = g_intern_string (written);
  return p;
}

/* The digits of "2,235.1": integer digits without separators, fraction
 * digits. Separators must group by three from the first group of one to
 * three digits: "1,5" may be a European decimal comma, so it is no number. */
static const char *
scan_digits (const char *p,
             Digits     *int_digits,
             Digits     *frac_digits)
{
  const char *start = p;
  gsize group = 0;
  gboolean grouped = FALSE;

  while (g_ascii_isdigit (*p) || (*p == ',' && g_ascii_isdigit (p[1])))
    {
      if (*p == ',')
        {
          if ((!grouped && (group == 0 || group > 3)) || (grouped && group != 3))
            return NULL;
          grouped = TRUE;
          group = 0;
        }
      else
        {
          /* More digits than MAX_DIGITS are refused below in any case. */
          if (int_digits->len + frac_digits->len >= MAX_DIGITS + 1)
            return NULL;
          digits_append (int_digits, *p);
          group++;
        }
      p++;
    }
  if (p == start || (grouped && group != 3))
    return NULL;
  if (*p == '.' && g_ascii_isdigit (p[1]))
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          if (int_digits->len + frac_digits->len >= MAX_DIGITS + 1)
            return NULL;
          digits_append (frac_digits, *p++);
        }
    }
  /* "1.2.3", "1,23", "1.": not one number */
  if (*p == '.' && g_ascii_isdigit (p[1]))
    return NULL;
  if (*p == ',' && g_ascii_isdigit (p[1]))
    return NULL;
  if (int_digits->len + frac_digits->len > MAX_DIGITS)
    return NULL;
  return p;
}

static gboolean
has_digit (const char *p)
{
  for (; *p; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

static gboolean
scan_unit (const char *p,
           NfNumber   *out)
{
  gunichar first;
  guint words = 1;
  char unit[sizeof out->unit];
  gsize n;

  /* What g_strstrip would leave, without the copy. */
  while (g_ascii_isspace (*p))
    p++;
  n = strlen (p);
  while (n > 0 && g_ascii_isspace (p[n - 1]))
    n--;
  if (n == 0)
    return TRUE;
  if (n >= sizeof out->unit)
    return FALSE;
  memcpy (unit, p, n);
  unit[n] = '\0';
  first = g_utf8_get_char (unit);
  if (!(g_unichar_isalpha (first) || first == '/' || first == 0x00B0))
    return FALSE;
  if (has_digit (unit) || strlen (unit) >= sizeof out->unit)
    return FALSE;
  for (const char *q = unit; *q; q++)
    if (*q == ' ' && q[1] != ' ')
      words++;
  if (words > MAX_UNIT_WORDS)
    return FALSE;
  g_strlcpy (out->unit, unit, sizeof out->unit);
  return TRUE;
}

/* "200人以上", "5 years or so": a qualifier after the unit. */
static void
take_trailing_qualifier (NfNumber *out)
{
  for (gsize i = 0; i < G_N_ELEMENTS (trailing_qualifiers); i++)
    {
      const char *token = trailing_qualifiers[i].token;
      gsize n = strlen (out->unit), k = strlen (token);

      if ((guchar) token[0] >= 0x80 && n > k && g_str_has_suffix (out->unit, token))
        {
          out->unit[n - k] = '\0';
          g_strstrip (out->unit);
          if (out->bound == NF_NUMBER_EXACT)
            out->bound = trailing_qualifiers[i].bound;
          if (strlen (out->qualifier) + k + 2 < sizeof out->qualifier)
            {
              if (out->qualifier[0] != '\0')
                strcat (out->qualifier, " ");
              strcat (out->qualifier, token);
            }
          return;
        }
    }
}

/* "10万亿级", "千万级别": a magnitude, not a count of 级. */
static void
take_order (NfNumber *out)
{
  static const char * const words[] = { "级别", "级" };

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (out->unit, words[i]))
      {
        gsize n = strlen (words[i]);

        memmove (out->unit, out->unit + n, strlen (out->unit + n) + 1);
        g_strstrip (out->unit);
        out->is_order = TRUE;
        return;
      }
}

static gboolean
unit_is (const char         *unit,
         const char * const *words,
         gsize               n_words)
{
  gsize n;
  char first;

  if (unit == NULL || *unit == '\0')
    return FALSE;
  if ((guchar) unit[0] >= 0x80)
    {
      for (gsize i = 0; i < n_words; i++)
        if ((guchar) words[i][0] >= 0x80 && g_str_has_prefix (unit, words[i]))
          return TRUE;
      return FALSE;
    }
  n = strcspn (unit, " /");
  first = g_ascii_tolower (unit[0]);
  for (gsize i = 0; i < n_words; i++)
    if (words[i][0] == first &&
        strlen (words[i]) == n && g_ascii_strncasecmp (unit, words[i], n) == 0)
      return TRUE;
  return FALSE;
}

/* What a unit says a figure measures; OTHER for none. */
static NfNumberKind
unit_kind (const char *unit)
{
  if (unit == NULL || *unit == '\0')
    return NF_NUMBER_KIND_OTHER;
  if (unit_is (unit, duration_units, G_N_ELEMENTS (duration_units)))
    return NF_NUMBER_KIND_DURATION;
  if (unit_is (unit, rating_units, G_N_ELEMENTS (rating_units)))
    return NF_NUMBER_KIND_RATING;
  if (unit[0] == '/' || unit_is (unit, other_units, G_N_ELEMENTS (other_units)))
    return NF_NUMBER_KIND_OTHER;
  return NF_NUMBER_KIND_COUNT;
}

static NfNumberKind
text_kind (const NfNumber *n)
{
  if (n->currency[0] != '\0')
    return NF_NUMBER_KIND_MONEY;
  if (n->is_percent)
    return NF_NUMBER_KIND_PERCENT;
  if (n->year != 0)
    return NF_NUMBER_KIND_YEAR;
  return unit_kind (n->unit);
}

/* Whether the digits, moved by power places, leave nothing after the
 * point. */
static gboolean
digits_whole (const Digits *int_digits,
              const Digits *frac_digits,
              int           power)
{
  gssize point = (gssize) int_digits->len + power;
  gssize length = (gssize) (int_digits->len + frac_digits->len);
  char all[2 * MAX_DIGITS + 4];

  memcpy (all, int_digits->str, int_digits->len);
  memcpy (all + int_digits->len, frac_digits->str, frac_digits->len + 1);

  for (gssize i = CLAMP (point, 0, length); i < length; i++)
    if (all[i] != '0')
      return FALSE;
  return TRUE;
}

/* Builds "digits.fractione<power>" and lets g_ascii_strtod round once, so
 * "2,235.1万" is exactly 22351000 rather than 2235.1 * 10000 with its
 * binary error, and "15%" the double nearest 0.15. */
static gboolean
compose (const Digits *int_digits,
         const Digits *frac_digits,
         int           power,
         gboolean      negative,
         double       *out)
{
  char text[2 * MAX_DIGITS + 32];
  char exponent[16];
  char *end = NULL, *t = text;
  guint magnitude = power < 0 ? -(guint) power : (guint) power;
  gsize n_exponent = 0;
  double value;

  /* "%s%s.%se%d" by hand: printf was a tenth of a check of many notes. */
  if (negative)
    *t++ = '-';
  memcpy (t, int_digits->str, int_digits->len);
  t += int_digits->len;
  *t++ = '.';
  if (frac_digits->len)
    memcpy (t, frac_digits->str, frac_digits->len), t += frac_digits->len;
  else
    *t++ = '0';
  *t++ = 'e';
  if (power < 0)
    *t++ = '-';
  do
    exponent[n_exponent++] = (char) ('0' + magnitude % 10), magnitude /= 10;
  while (magnitude > 0);
  while (n_exponent > 0)
    *t++ = exponent[--n_exponent];
  *t = '\0';
  errno = 0;
  value = g_ascii_strtod (text, &end);
  if (errno == ERANGE || end == NULL || *end != '\0' || !isfinite (value))
    return FALSE;
  *out = value == 0 ? 0 : value;  /* no -0 */
  return TRUE;
}

static gboolean
parse_fiscal_year (const char *p,
                   NfNumber   *out)
{
  const char *end;
  gsize n = 0;
  int year = 0;

  if (g_ascii_strncasecmp (p, "FY", 2) != 0)
    return FALSE;
  p = skip_spaces (p + 2);
  for (end = p; g_ascii_isdigit (*end); end++)
    year = year * 10 + (*end - '0'), n++;
  if (!(n == 2 || n == 4) || *skip_spaces (end) != '\0')
    return FALSE;
  if (n == 2)
    year += 2000;
  if (year < NF_NUMBER_MIN_YEAR || year > NF_NUMBER_MAX_YEAR)
    return FALSE;
  out->value = year;
  out->year = year;
  out->is_fiscal = TRUE;
  out->is_whole = TRUE;
  out->kind = NF_NUMBER_KIND_YEAR;
  return TRUE;
}

/* "998", "2021": up to 15 digits and nothing else, most of a table's
 * cells, read without the allocations and look-ups of the whole parser,
 * to the same result (which test-number checks against it). */
static gboolean
parse_bare_digits (const char *text,
                   int         extra_power,
                   NfNumber   *out)
{
  guint64 value = 0;
  gsize n = 0;

  if (extra_power != 0)
    return FALSE;
  for (; g_ascii_isdigit (text[n]); n++)
    {
      if (n == 15)
        return FALSE;
      value = value * 10 + (guint64) (text[n] - '0');
    }
  if (n == 0 || text[n] != '\0')
    return FALSE;
  out->value = (double) value;
  out->is_whole = TRUE;
  if (n == 4 && value >= NF_NUMBER_MIN_YEAR && value <= NF_NUMBER_MAX_YEAR)
    out->year = (int) value;
  out->kind = out->year != 0 ? NF_NUMBER_KIND_YEAR : NF_NUMBER_KIND_OTHER;
  return TRUE;
}

static gboolean
parse_internal (const char *text,
                int         extra_power,
                NfNumber   *out)
{
  char stack[256];
  g_autofree char *heap = NULL;
  char *folded;
  Digits int_digits_real, frac_digits_real;
  Digits *int_digits = &int_digits_real, *frac_digits = &frac_digits_real;
  const char *p, *end, *code = NULL;
  gboolean negative = FALSE, signed_ = FALSE, paren = FALSE;
  gsize len;
  int power;

  memset (out, 0, sizeof *out);
  if (text != NULL && parse_bare_digits (text, extra_power, out))
    return TRUE;
  /* The model's text is always valid UTF-8; other callers' may not be. */
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  int_digits->len = frac_digits->len = 0;
  int_digits->str[0] = frac_digits->str[0] = '\0';

  len = strlen (text);
  if (len >= sizeof stack)
    heap = g_malloc (len + 1);
  folded = g_strstrip (fold (text, heap ? heap : stack));
  /* A figure ending a sentence: "15." */
  len = strlen (folded);
  if (len > 1 && strchr (".,;", folded[len - 1]) && folded[len - 2] != ' ' &&
      !g_str_has_suffix (folded, "Rs."))
    folded[len - 1] = '\0';
  else if (g_str_has_suffix (folded, "。"))
    folded[len - strlen ("。")] = '\0';
  p = folded;

  if (parse_fiscal_year (p, out))
    return TRUE;

  /* No qualifier, sign, bracket or currency starts with a digit, and none
   * of what may follow the digits matches at the end of the text: a bare
   * figure ("998", "2,235.1", most of a table) skips those look-ups, which
   * cost far more than reading the digits. */
  if (!g_ascii_isdigit (*p))
    {
      if ((end = match_qualifier (p, leading_qualifiers, G_N_ELEMENTS (leading_qualifiers), out)))
        p = skip_spaces (end);
      if (*p == '(')
        paren = TRUE, p = skip_spaces (p + 1);
      if (*p == '-' || *p == '+')
        negative = *p == '-', signed_ = TRUE, p++;
      if ((end = match_currency (p, prefix_currencies, G_N_ELEMENTS (prefix_currencies), &code)) ||
          (end = match_currency (p, code_currencies, G_N_ELEMENTS (code_currencies), &code)))
        {
          set_currency (out, code);
          p = skip_spaces (end);
          if (!signed_ && (*p == '-' || *p == '+'))
            negative = *p == '-', signed_ = TRUE, p++;
        }
    }

  if (!(end = scan_digits (p, int_digits, frac_digits)))
    return FALSE;
  p = end;
  if (*p == '\0')
    goto after_digits;

  /* "3000余台", "500+ users" */
  if ((end = match_qualifier (p, trailing_qualifiers, G_N_ELEMENTS (trailing_qualifiers), out)))
    p = end;
  if ((end = match_scale (skip_spaces (p), out->currency[0] != '\0', out)))
    p = end;
  else if ((end = match_scale (skip_spaces (p), TRUE, out)) &&
           (match_currency (skip_spaces (end), suffix_currencies,
                            G_N_ELEMENTS (suffix_currencies), &code) ||
            match_currency (skip_spaces (end), code_currencies,
                            G_N_ELEMENTS (code_currencies), &code)))
    p = end;  /* "5m USD": the currency comes after */
  else
    out->scale = 0, out->scale_word = NULL;
  if ((end = match_qualifier (p, trailing_qualifiers, G_N_ELEMENTS (trailing_qualifiers), out)))
    p = end;
  if ((end = match_currency (skip_spaces (p), suffix_currencies,
                             G_N_ELEMENTS (suffix_currencies), &code)) ||
      (end = match_currency (skip_spaces (p), code_currencies,
                             G_N_ELEMENTS (code_currencies), &code)))
    {
      if (!set_currency (out, code))
        return FALSE;
      p = end;
    }
  if ((end = match_any (skip_spaces (p), percent_words, G_N_ELEMENTS (percent_words))))
    {
      if (out->currency[0])
        return FALSE;
      out->is_percent = TRUE;
      p = end;
    }
after_digits:
  if (paren)
    {
      p = skip_spaces (p);
      if (*p != ')' || negative)
        return FALSE;
      negative = TRUE;
      p++;
    }
  if ((end = match_qualifier (p, trailing_qualifiers, G_N_ELEMENTS (trailing_qualifiers), out)))
    p = end;
  if (*p != '\0' && *p != ' ' && !g_unichar_isalpha (g_utf8_get_char (p)) &&
      *p != '/' && g_utf8_get_char (p) != 0x00B0)
    return FALSE;  /* "10-15%", "5:3" */
  if (!scan_unit (p, out))
    return FALSE;

  power = out->scale + (out->is_percent ? -2 : 0) + extra_power;
  if (!compose (int_digits, frac_digits, power, negative, &out->value))
    return FALSE;
  out->is_whole = digits_whole (int_digits, frac_digits, power);

  /* A year is four bare digits, perhaps "年" or a letter after it
   * ("2021E", an estimate). */
  if (int_digits->len == 4 && frac_digits->len == 0 && !negative && !signed_ &&
      !out->currency[0] && !out->scale && !out->is_percent && !paren &&
      out->qualifier[0] == '\0' && strchr (folded, ',') == NULL &&
      out->value >= NF_NUMBER_MIN_YEAR && out->value <= NF_NUMBER_MAX_YEAR)
    {
      gboolean year_unit = out->unit[0] == '\0' ||
                           (g_ascii_isupper (out->unit[0]) && out->unit[1] == '\0');

      for (gsize i = 0; i < G_N_ELEMENTS (year_units); i++)
        year_unit |= g_str_equal (out->unit, year_units[i]);
      if (year_unit)
        out->year = (int) out->value;
    }
  take_trailing_qualifier (out);
  take_order (out);
  out->kind = text_kind (out);
  return TRUE;
}

gboolean
nf_number_parse (const char *text,
                 NfNumber   *out)
{
  NfNumber local;

  return parse_internal (text, 0, out ? out : &local);
}

gboolean
nf_number_parse_for_column (const char   *text,
                            NfColumnType  type,
                            double       *out_value)
{
  NfNumber n;
  double value;

  if (type == NF_COLUMN_TEXT || !parse_internal (text, 0, &n))
    return FALSE;

  switch (type)
    {
    case NF_COLUMN_YEAR:
      if (n.year == 0)
        return FALSE;
      value = n.year;
      break;
    case NF_COLUMN_PERCENT:
      if (n.currency[0] || n.is_fiscal)
        return FALSE;
      /* A bare number in a percent column is in points; a scaled one
       * ("15 million") is not a share of anything. */
      if (!n.is_percent && (n.scale || !parse_internal (text, -2, &n)))
        return FALSE;
      value = n.value;
      break;
    case NF_COLUMN_COUNT:
      if (n.is_percent || n.currency[0] || !n.is_whole || n.value < 0)
        return FALSE;
      value = n.value;
      break;
    case NF_COLUMN_MONEY:
      if (n.is_percent)
        return FALSE;
      value = n.value;
      break;
    case NF_COLUMN_NUMBER:
      value = n.value;
      break;
    case NF_COLUMN_TEXT:
    default:
      return FALSE;
    }
  if (out_value)
    *out_value = value;
  return TRUE;
}

char *
nf_number_format_xml (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char digits[32];
  int exponent = 0, n_digits = 0;
  gboolean negative;
  GString *out;

  g_return_val_if_fail (isfinite (value), g_strdup ("0"));

  if (value == 0)
    return g_strdup ("0");
  /* A whole number below 2^53 is its own shortest form: the search below
   * would find its digits and write them out with zeros to the point.
   * Most figures in a table are whole. */
  if (fabs (value) < 9007199254740992.0 && value == floor (value))
    {
      char whole[24];
      char *p = whole + sizeof whole;
      guint64 n = (guint64) fabs (value);

      *--p = '\0';
      do
        *--p = (char) ('0' + n % 10);
      while ((n /= 10) > 0);
      if (value < 0)
        *--p = '-';
      return g_strdup (p);
    }

  /* The fewest significant digits that read back exactly: at most 17. */
  for (int precision = 0; precision < 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%de", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  /* buf is "-d.ddde±xx": split it into digits and a decimal exponent. */
  negative = buf[0] == '-';
  for (const char *p = buf + negative; *p && *p != 'e'; p++)
    if (g_ascii_isdigit (*p))
      digits[n_digits++] = *p;
  digits[n_digits] = '\0';
  exponent = (int) g_ascii_strtoll (strchr (buf, 'e') + 1, NULL, 10);
  while (n_digits > 1 && digits[n_digits - 1] == '0')
    digits[--n_digits] = '\0';

  out = g_string_new (negative ? "-" : "");
  if (fabs (value) >= 1e-6 && fabs (value) < 1e21)
    {
      if (exponent >= 0)
        {
          for (int i = 0; i <= MAX (exponent, n_digits - 1); i++)
            {
              if (i == exponent + 1)
                g_string_append_c (out, '.');
              g_string_append_c (out, i < n_digits ? digits[i] : '0');
            }
        }
      else
        {
          g_string_append (out, "0.");
          for (int i = 0; i < -exponent - 1; i++)
            g_string_append_c (out, '0');
          g_string_append (out, digits);
        }
    }
  else
    {
      g_string_append_c (out, digits[0]);
      if (n_digits > 1)
        g_string_append_printf (out, ".%s", digits + 1);
      g_string_append_printf (out, "e%d", exponent);
    }
  return g_string_free (out, FALSE);
}

gboolean
nf_number_parse_xml (const char *text,
                     double     *out)
{
  const char *p = text;
  double value;
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  if (*p == '-')
    p++;
  if (!g_ascii_isdigit (*p) || (p[0] == '0' && g_ascii_isdigit (p[1])))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    {
      if (!g_ascii_isdigit (*++p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p == 'e')
    {
      p++;
      if (*p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p != '\0')
    return FALSE;

  /* Up to 15 digits are exact in a double: no need for strtod (and its
   * locale), which was most of a large table's load. */
  if (p - text <= 15 && strspn (text + (text[0] == '-'), "0123456789") == (gsize) (p - text) - (text[0] == '-'))
    {
      guint64 whole = 0;

      for (const char *q = text + (text[0] == '-'); q < p; q++)
        whole = whole * 10 + (guint64) (*q - '0');
      value = text[0] == '-' ? -(double) whole : (double) whole;
      if (out)
        *out = value + 0.0;  /* -0 + +0 is +0 */
      return TRUE;
    }

  errno = 0;
  value = g_ascii_strtod (text, &end);
  /* ERANGE alone is no refusal: glibc sets it for subnormals, which
   * format_xml writes and must read back. */
  if (end != p || !isfinite (value))
    return FALSE;
  /* -0 is 0: the writer has one spelling for it, and a value that could
   * not be written back as read would make the canvas unsaveable. */
  value += 0.0;  /* -0 + +0 is +0 */
  if (out)
    *out = value;
  return TRUE;
}

gboolean
nf_number_is_approximate (const NfNumber *number)
{
  g_return_val_if_fail (number != NULL, FALSE);
  return number->bound != NF_NUMBER_EXACT || number->is_order;
}

/* Whether the ASCII text `name` holds one of `words` whatever its case;
 * for any other text, *lower is its lower-case copy for the caller to
 * search. */
static gboolean
ascii_contains_word (const char         *name,
                     const char * const *words,
                     gsize               n_words,
                     char              **lower)
{
  gsize length = 0;

  for (const char *p = name; *p; p++, length++)
    if ((guchar) *p >= 0x80)
      {
        *lower = g_utf8_strdown (name, -1);
        return FALSE;
      }
  for (gsize i = 0; i < n_words; i++)
    {
      gsize n = strlen (words[i]);

      if ((guchar) words[i][0] >= 0x80)
        continue;
      for (gsize at = 0; at + n <= length; at++)
        if (g_ascii_strncasecmp (name + at, words[i], n) == 0)
          return TRUE;
    }
  return FALSE;
}

static gboolean
name_says_rating (const NfColumn *column)
{
  static const char * const words[] = { "rating", "score", "评分", "评级", "星级" };
  const char *langs[] = { NULL, "en" };

  if (column->name == NULL)
    return FALSE;
  for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      const char *name = langs[l] ? nf_text_for_language (column->name, langs[l]) : nf_text_get (column->name);
      g_autofree char *lower = NULL;

      if (name == NULL)
        continue;
      /* Asked once per cell of a column of bare figures: an ASCII name is
       * lowered in place of a copy. */
      if (ascii_contains_word (name, words, G_N_ELEMENTS (words), &lower))
        return TRUE;
      for (gsize i = 0; lower && i < G_N_ELEMENTS (words); i++)
        if (strstr (lower, words[i]) != NULL)
          return TRUE;
    }
  return FALSE;
}

NfNumberKind
nf_number_kind_for_cell (const NfColumn *column,
                         const NfCell   *cell,
                         NfNumber       *out_number)
{
  int rating = -1;

  return _nf_number_kind_for_cell (column, cell, out_number, &rating);
}

NfNumberKind
_nf_number_kind_for_cell (const NfColumn *column,
                          const NfCell   *cell,
                          NfNumber       *out_number,
                          int            *rating)
{
  NfNumber local;
  NfNumber *n = out_number ? out_number : &local;
  gboolean parsed;
  NfNumberKind kind;
  NfColumn own;

  g_return_val_if_fail (column != NULL && cell != NULL, NF_NUMBER_KIND_OTHER);

  /* A cell's own type and unit go before its column's. */
  own = nf_cell_get_column (cell, column);
  column = &own;

  parsed = parse_internal (cell->text, 0, n);
  if (!parsed)
    memset (n, 0, sizeof *n);
  /* Four bare digits are a year only where the column or the text says
   * so; "2000" stores in a column of figures is a count. */
  if (parsed && n->kind == NF_NUMBER_KIND_YEAR && !n->is_fiscal && n->unit[0] == '\0' &&
      column->type != NF_COLUMN_YEAR)
    n->kind = NF_NUMBER_KIND_OTHER;

  switch (column->type)
    {
    case NF_COLUMN_YEAR:
      kind = NF_NUMBER_KIND_YEAR;
      break;
    case NF_COLUMN_PERCENT:
      kind = NF_NUMBER_KIND_PERCENT;
      break;
    case NF_COLUMN_MONEY:
      kind = parsed && n->is_percent ? NF_NUMBER_KIND_PERCENT : NF_NUMBER_KIND_MONEY;
      break;
    case NF_COLUMN_COUNT:
      if (parsed && n->kind != NF_NUMBER_KIND_OTHER && n->kind != NF_NUMBER_KIND_YEAR)
        kind = n->kind;
      else if (unit_kind (column->unit) == NF_NUMBER_KIND_DURATION)
        kind = NF_NUMBER_KIND_DURATION;
      else
        kind = NF_NUMBER_KIND_COUNT;
      break;
    case NF_COLUMN_NUMBER:
    case NF_COLUMN_TEXT:
    default:
      if (parsed && n->kind != NF_NUMBER_KIND_OTHER)
        kind = n->kind;
      else if (column->unit != NULL && nf_currency_code_is_valid (column->unit))
        kind = NF_NUMBER_KIND_MONEY;
      else if (column->unit != NULL && unit_kind (column->unit) != NF_NUMBER_KIND_OTHER)
        kind = unit_kind (column->unit);
      else if (*rating == 1 || (*rating == -1 && (*rating = name_says_rating (column))))
        kind = NF_NUMBER_KIND_RATING;
      else
        kind = NF_NUMBER_KIND_OTHER;
      break;
    }
  n->kind = kind;
  return kind;
}
