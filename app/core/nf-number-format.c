/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-number"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-i18n-private.h"

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

/* "31.5", "1", "2,235.1": at most two decimals, none trailing, and the
 * whole part grouped in thousands when asked. */
static char *
plain_number (double   value,
              gboolean group)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  GString *out = g_string_new (NULL);
  char *dot, *end;
  const char *digits;
  gsize n_whole;

  g_ascii_formatd (buf, sizeof buf, "%.2f", fabs (value) < 0.005 ? 0 : value);
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
    g_string_append_c (out, '-');
  n_whole = strcspn (digits, ".");
  for (gsize i = 0; i < n_whole; i++)
    {
      if (group && i > 0 && (n_whole - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  g_string_append (out, digits + n_whole);
  return g_string_free (out, FALSE);
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
  g_autofree char *number = NULL;
  g_autoptr(GString) core = g_string_new (NULL);
  GString *out;
  const char *scale = NULL;

  if (!isfinite (value))
    return g_strdup ("—");
  if (currency != NULL && currency[0] == '\0')
    currency = NULL;
  if (unit != NULL && unit[0] == '\0')
    unit = NULL;

  if (kind == NF_NUMBER_KIND_YEAR)
    g_string_printf (core, "%.0f", value);
  else if (kind == NF_NUMBER_KIND_PERCENT)
    {
      number = plain_number (value * 100, FALSE);
      g_string_printf (core, "%s%%", number);
    }
  else
    {
      if (zh && magnitude >= 1e12)
        number = plain_number (value / 1e12, TRUE), scale = "万亿";
      else if (zh && magnitude >= 1e8)
        number = plain_number (value / 1e8, TRUE), scale = "亿";
      else if (zh && magnitude >= 1e4)
        number = plain_number (value / 1e4, TRUE), scale = "万";
      else if (!zh && magnitude >= 1e12)
        number = plain_number (value / 1e12, TRUE), scale = " trillion";
      else if (!zh && magnitude >= 1e9)
        number = plain_number (value / 1e9, TRUE), scale = " billion";
      else if (!zh && magnitude >= 1e6)
        number = plain_number (value / 1e6, TRUE), scale = " million";
      else
        number = plain_number (value, TRUE);

      /* The sign goes before a currency symbol: "-$5". */
      if (number[0] == '-')
        g_string_append_c (core, '-');
      if (!zh && words != NULL && words->en_prefix != NULL)
        g_string_append (core, words->en_prefix);
      g_string_append (core, number[0] == '-' ? number + 1 : number);
      if (scale != NULL)
        g_string_append (core, scale);
      if (zh && words != NULL)
        g_string_append (core, words->zh_suffix);
      else if (!zh && words != NULL && words->en_suffix != NULL)
        g_string_append_printf (core, " %s", words->en_suffix);
      else if (words == NULL && currency != NULL && kind == NF_NUMBER_KIND_MONEY)
        g_string_append_printf (core, " %s", currency);
    }

  if (bound == NF_NUMBER_OVER)
    g_string_append_c (core, '+');
  if (is_order)
    g_string_append (core, zh ? "级" : "-level");

  out = g_string_new (NULL);
  switch (bound)
    {
    case NF_NUMBER_ABOUT:    g_string_append (out, "≈"); break;
    case NF_NUMBER_NEARLY:   g_string_append (out, zh ? "近" : "nearly "); break;
    case NF_NUMBER_UNDER:    g_string_append (out, zh ? "不到" : "under "); break;
    case NF_NUMBER_AT_LEAST: g_string_append (out, zh ? "至少" : "at least "); break;
    case NF_NUMBER_AT_MOST:  g_string_append (out, zh ? "最多" : "up to "); break;
    case NF_NUMBER_EXACT:
    case NF_NUMBER_OVER:
    default:
      break;
    }
  g_string_append (out, core->str);
  if (unit != NULL && kind != NF_NUMBER_KIND_MONEY && kind != NF_NUMBER_KIND_YEAR)
    {
      /* "21个", "$10/month", but "4.6 stars" */
      if (!starts_cjk (unit) && unit[0] != '/')
        g_string_append_c (out, ' ');
      g_string_append (out, unit);
    }
  else if (unit != NULL && kind == NF_NUMBER_KIND_MONEY && unit[0] == '/')
    g_string_append (out, unit);
  else if (unit != NULL && kind == NF_NUMBER_KIND_YEAR && !starts_cjk (unit))
    g_string_append (out, unit);  /* "2023E", an estimate */
  return g_string_free (out, FALSE);
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
