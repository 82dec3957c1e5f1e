/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-number"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-i18n-private.h"
#include "nf-number-private.h"

#include "nf-number.h"
#include "nf-rate.h"

/* Figures are written in the language of what is shown (a canvas, a deck,
 * the CLI's output), which need not be the interface's: a Chinese deck
 * made on an English desktop writes "3.2亿元". So the words of a figure
 * come from these two tables by `lang`, not from the message catalog. */
typedef struct {
  const char *code;
  const char *en_prefix;   /* "$9.5 million" */
  const char *en_suffix;   /* "9.5 million yuan" */
  const char *zh_suffix;   /* "950万美元" */
} CurrencyWords;

static const CurrencyWords currency_words[] = {
  { "USD", "$", NULL, "美元" },
  { "EUR", "€", NULL, "欧元" },
  { "GBP", "£", NULL, "英镑" },
  { "HKD", "HK$", NULL, "港元" },
  { "CNY", NULL, "yuan", "元" },
  { "JPY", NULL, "yen", "日元" },
};

const char *
nf_number_kind_to_string (NfNumberKind kind)
{
  static const char * const names[] = {
    [NF_NUMBER_KIND_OTHER] = "other",
    [NF_NUMBER_KIND_COUNT] = "count",
    [NF_NUMBER_KIND_MONEY] = "money",
    [NF_NUMBER_KIND_PERCENT] = "percent",
    [NF_NUMBER_KIND_RATING] = "rating",
    [NF_NUMBER_KIND_DURATION] = "duration",
    [NF_NUMBER_KIND_YEAR] = "year",
  };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (names), "other");
  return names[kind];
}

const char *
nf_number_kind_get_label (NfNumberKind kind)
{
  switch (kind)
    {
    /* TRANSLATORS: kinds of figures in a metric table */
    case NF_NUMBER_KIND_COUNT:    return _("count");
    case NF_NUMBER_KIND_MONEY:    return _("money");
    case NF_NUMBER_KIND_PERCENT:  return _("percentage");
    case NF_NUMBER_KIND_RATING:   return _("rating");
    case NF_NUMBER_KIND_DURATION: return _("duration");
    case NF_NUMBER_KIND_YEAR:     return _("year");
    case NF_NUMBER_KIND_OTHER:
    default:                      return _("figure");
    }
}

char *
_nf_number_whole_digits (guint64  magnitude,
                         char    *buf_end)
{
  char *p = buf_end;

  *--p = '\0';
  do
    *--p = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) > 0);
  return p;
}

/* "%.2f" of `value`, as printf writes it in the C locale, into `buf`
 * (G_ASCII_DTOSTR_BUF_SIZE bytes). printf through g_ascii_formatd cost
 * 1,500 instructions a figure, most of a long diff's ratios; this is a
 * tenth of it. The hundredths are found exactly: fma() gives the sign of
 * 100·value − n without rounding the product first, so a value just
 * under a half rounds down and an exact half goes to the even digit, as
 * printf does. Outside the fast range (negative, tiny, beyond 10^13),
 * printf itself. */
void
_nf_number_format_fixed2 (double  value,
                          char   *buf)
{
  char whole[24];
  const char *digits;
  double hundredths, d;
  guint64 h;
  gsize n;

  if (!(value == 0 && !signbit (value)) && !(value >= 1e-300 && value < 1e13))
    {
      g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, "%.2f", value);
      return;
    }
  hundredths = floor (value * 100.0);
  while (hundredths > 0 && fma (value, 100.0, -hundredths) < 0)
    hundredths -= 1;
  while (fma (value, 100.0, -(hundredths + 1)) >= 0)
    hundredths += 1;
  d = fma (value, 100.0, -(hundredths + 0.5));
  h = (guint64) hundredths;
  if (d > 0 || (d == 0 && h % 2 == 1))
    h++;
  digits = _nf_number_whole_digits (h / 100, whole + sizeof whole);
  n = strlen (digits);
  memcpy (buf, digits, n);
  buf[n] = '.';
  buf[n + 1] = (char) ('0' + h % 100 / 10);
  buf[n + 2] = (char) ('0' + h % 10);
  buf[n + 3] = '\0';
}

/* The longest plain_number writes: printf's digits cut to the buffer,
 * a comma every three and a sign. */
#define PLAIN_NUMBER_SIZE (2 * G_ASCII_DTOSTR_BUF_SIZE)

/* "31.5", "1", "2,235.1": at most two decimals, none trailing, and the
 * whole part grouped in thousands when asked; into `out`, with no
 * allocation (a long diff formats a figure per cell). */
static void
plain_number (double    value,
              gboolean  group,
              char     *out)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *dot, *end;
  const char *digits;
  gsize n_whole;

  /* A whole number prints as its digits: "%.2f" cost 3,000 instructions a
   * figure, most of a long diff's text. Below 2^53 the conversion is exact. */
  if (value == floor (value) && fabs (value) < 9007199254740992.0)
    {
      gint64 whole = (gint64) value;
      char *p = _nf_number_whole_digits (whole < 0 ? (guint64) -whole : (guint64) whole, buf + sizeof buf);

      if (whole < 0)
        *--p = '-';
      memmove (buf, p, (gsize) (buf + sizeof buf - p));
    }
  else
    _nf_number_format_fixed2 (fabs (value) < 0.005 ? 0 : value, buf);
  if ((dot = strchr (buf, '.')) != NULL)
    {
      end = buf + strlen (buf) - 1;
      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *dot = '\0';
    }
  digits = buf[0] == '-' ? buf + 1 : buf;
  if (buf[0] == '-')
    *out++ = '-';
  n_whole = strcspn (digits, ".");
  for (gsize i = 0; i < n_whole; i++)
    {
      if (group && i > 0 && (n_whole - i) % 3 == 0)
        *out++ = ',';
      *out++ = digits[i];
    }
  strcpy (out, digits + n_whole);
}

static gboolean
starts_cjk (const char *text)
{
  return text != NULL && g_utf8_get_char (text) >= 0x2E80;
}

static const CurrencyWords *
find_currency (const char *code)
{
  for (gsize i = 0; code != NULL && i < G_N_ELEMENTS (currency_words); i++)
    if (g_ascii_strcasecmp (code, currency_words[i].code) == 0)
      return &currency_words[i];
  return NULL;
}

/* A figure's words, gathered on the stack and copied out once: a long
 * diff formats one per cell, and a GString cost more than the figure. */
typedef struct {
  char    stack[128];
  GString *heap;   /* once the words outgrow the stack */
  gsize    len;
} Words;

static void
words_add (Words      *w,
           const char *text)
{
  gsize n = strlen (text);

  if (w->heap == NULL && w->len + n < sizeof w->stack)
    {
      memcpy (w->stack + w->len, text, n);
      w->len += n;
      return;
    }
  if (w->heap == NULL)
    w->heap = g_string_new_len (w->stack, (gssize) w->len);
  g_string_append_len (w->heap, text, (gssize) n);
}

static char *
words_free (Words *w)
{
  if (w->heap != NULL)
    return g_string_free (w->heap, FALSE);
  return g_strndup (w->stack, w->len);
}

char *
nf_number_format_value (double             value,
                        NfNumberKind       kind,
                        const char        *currency,
                        const char        *unit,
                        NfNumberQualifier  bound,
                        gboolean           is_order,
                        const char        *lang)
{
  gboolean zh = lang != NULL && g_ascii_strncasecmp (lang, "zh", 2) == 0;
  double magnitude = fabs (value);
  const CurrencyWords *words = kind == NF_NUMBER_KIND_MONEY ? find_currency (currency) : NULL;
  char number[PLAIN_NUMBER_SIZE];
  Words out = { .len = 0 };
  const char *scale = NULL;

  if (!isfinite (value))
    return g_strdup ("—");
  if (currency != NULL && currency[0] == '\0')
    currency = NULL;
  if (unit != NULL && unit[0] == '\0')
    unit = NULL;

  /* One string, written in order. */
  switch (bound)
    {
    case NF_NUMBER_ABOUT:    words_add (&out, "≈"); break;
    case NF_NUMBER_NEARLY:   words_add (&out, zh ? "近" : "nearly "); break;
    case NF_NUMBER_UNDER:    words_add (&out, zh ? "不到" : "under "); break;
    case NF_NUMBER_AT_LEAST: words_add (&out, zh ? "至少" : "at least "); break;
    case NF_NUMBER_AT_MOST:  words_add (&out, zh ? "最多" : "up to "); break;
    case NF_NUMBER_EXACT:
    case NF_NUMBER_OVER:
    default:
      break;
    }

  if (kind == NF_NUMBER_KIND_YEAR)
    {
      g_autofree char *year = g_strdup_printf ("%.0f", value);

      words_add (&out, year);
    }
  else if (kind == NF_NUMBER_KIND_PERCENT)
    {
      plain_number (value * 100, FALSE, number);
      words_add (&out, number);
      words_add (&out, "%");
    }
  else
    {
      if (zh && magnitude >= 1e12)
        plain_number (value / 1e12, TRUE, number), scale = "万亿";
      else if (zh && magnitude >= 1e8)
        plain_number (value / 1e8, TRUE, number), scale = "亿";
      else if (zh && magnitude >= 1e4)
        plain_number (value / 1e4, TRUE, number), scale = "万";
      else if (!zh && magnitude >= 1e12)
        plain_number (value / 1e12, TRUE, number), scale = " trillion";
      else if (!zh && magnitude >= 1e9)
        plain_number (value / 1e9, TRUE, number), scale = " billion";
      else if (!zh && magnitude >= 1e6)
        plain_number (value / 1e6, TRUE, number), scale = " million";
      else
        plain_number (value, TRUE, number);

      /* The sign goes before a currency symbol: "-$5". */
      if (number[0] == '-')
        words_add (&out, "-");
      if (!zh && words != NULL && words->en_prefix != NULL)
        words_add (&out, words->en_prefix);
      words_add (&out, number[0] == '-' ? number + 1 : number);
      if (scale != NULL)
        words_add (&out, scale);
      if (zh && words != NULL)
        words_add (&out, words->zh_suffix);
      else if (!zh && words != NULL && words->en_suffix != NULL)
        {
          words_add (&out, " ");
          words_add (&out, words->en_suffix);
        }
      else if (words == NULL && currency != NULL && kind == NF_NUMBER_KIND_MONEY)
        {
          words_add (&out, " ");
          words_add (&out, currency);
        }
    }

  if (bound == NF_NUMBER_OVER)
    words_add (&out, "+");
  if (is_order)
    words_add (&out, zh ? "级" : "-level");

  if (unit != NULL && kind != NF_NUMBER_KIND_MONEY && kind != NF_NUMBER_KIND_YEAR)
    {
      /* "21个", "$10/month", but "4.6 stars" */
      if (!starts_cjk (unit) && unit[0] != '/')
        words_add (&out, " ");
      words_add (&out, unit);
    }
  else if (unit != NULL && kind == NF_NUMBER_KIND_MONEY && unit[0] == '/')
    words_add (&out, unit);
  else if (unit != NULL && kind == NF_NUMBER_KIND_YEAR && !starts_cjk (unit))
    words_add (&out, unit);  /* "2023E", an estimate */
  return words_free (&out);
}

char *
nf_number_format (const NfNumber *number,
                  const char     *lang)
{
  g_return_val_if_fail (number != NULL, NULL);
  return nf_number_format_value (number->value, number->kind, number->currency, number->unit,
                                 number->bound, number->is_order, lang);
}

char *
nf_number_format_cell (const NfColumn *column,
                       const NfCell   *cell,
                       const char     *lang)
{
  NfNumber n;
  NfNumberKind kind;
  const char *currency, *unit, *own_unit;
  gboolean parsed;
  NfColumn own;

  g_return_val_if_fail (column != NULL && cell != NULL, NULL);

  own = nf_cell_get_column (cell, column);
  column = &own;

  kind = nf_number_kind_for_cell (column, cell, &n);
  parsed = nf_number_parse (cell->text, NULL);
  /* Text that does not read as one figure says more as written than any
   * value taken from it. */
  if (!cell->has_value || !parsed)
    return g_strdup (cell->text != NULL ? cell->text : "");

  currency = n.currency[0] != '\0' ? n.currency : NULL;
  if (currency == NULL && kind == NF_NUMBER_KIND_MONEY && nf_currency_code_is_valid (column->unit))
    currency = column->unit;
  unit = n.unit[0] != '\0' ? n.unit : NULL;
  /* A cell's own unit has its words in the reader's language ("60天" is
   * "60 days" in English), where the text's unit has only the source's. */
  own_unit = cell->has_type ? nf_cell_get_unit_for_language (cell, lang) : NULL;
  if (own_unit != NULL && !nf_currency_code_is_valid (own_unit))
    unit = own_unit;
  /* The column's unit where the figure names none ("25,000" under
   * "vehicles"); a currency column's unit is its currency. */
  if (unit == NULL && column->unit != NULL && !nf_currency_code_is_valid (column->unit) &&
      kind != NF_NUMBER_KIND_PERCENT)
    unit = column->unit;
  return nf_number_format_value (cell->value, kind, currency, unit, n.bound, n.is_order, lang);
}
