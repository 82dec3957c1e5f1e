/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "nf-metric-table.h"

G_BEGIN_DECLS

/* The years a YEAR column (and NfNumber.year) accepts. */
#define NF_NUMBER_MIN_YEAR 1800
#define NF_NUMBER_MAX_YEAR 2200

/* What a figure measures, so that only like is set beside like: a count
 * of things (users, cars, 个, 辆), money (a currency), a percentage or
 * share, a rating (stars, a score out of five or ten), a duration
 * (minutes, days, 天), a year, or any other figure (a ratio, an average,
 * a bare number with nothing to say what it counts). */
typedef enum {
  NF_NUMBER_KIND_OTHER,
  NF_NUMBER_KIND_COUNT,
  NF_NUMBER_KIND_MONEY,
  NF_NUMBER_KIND_PERCENT,
  NF_NUMBER_KIND_RATING,
  NF_NUMBER_KIND_DURATION,
  NF_NUMBER_KIND_YEAR,
} NfNumberKind;

#define NF_NUMBER_N_KINDS (NF_NUMBER_KIND_YEAR + 1)

/* What a qualifier says of the figure, whatever the language it is written
 * in: "about", "~", "约", "左右" are ABOUT; "over", "more than", "+", "多",
 * "余", "以上", "超过", "突破" are OVER; "nearly", "almost", "近", "将近"
 * are NEARLY; "under", "less than", "不到", "以下" are UNDER; "at least",
 * "至少" AT_LEAST; "up to", "at most", "最多" AT_MOST. */
typedef enum {
  NF_NUMBER_EXACT,
  NF_NUMBER_ABOUT,
  NF_NUMBER_OVER,
  NF_NUMBER_NEARLY,
  NF_NUMBER_UNDER,
  NF_NUMBER_AT_LEAST,
  NF_NUMBER_AT_MOST,
} NfNumberQualifier;

/* A figure as business write-ups state it, read into a value in plain
 * units: "$9.5 million" is 9500000 USD, "15%" is 0.15, "2,235.1万" is
 * 22351000, "¥3.2亿" is 320000000 CNY, "(12.5)" is -12.5.
 *
 * What a figure may look like, in this order, each part optional but the
 * number: a qualifier ("about", "over", "约", "~", "<"…), an opening
 * parenthesis (accounting negative), a sign, a currency ("$", "US$", "€",
 * "¥", "RMB", "USD"…), the number (ASCII or full-width digits; thousands
 * separated by "," in groups of three; a "." decimal point), a scale
 * ("k", "million", "bn", "万", "亿", "百万"…), a currency after it ("元",
 * "美元", "USD", "dollars"…), a percent sign ("%", "％", "percent"), the
 * closing parenthesis, a trailing qualifier ("+", "以上", "左右", "多", "余")
 * and a unit of at most four words and no digits ("台", "stars", "per
 * year"). Text before the number other than a known qualifier, a second
 * number anywhere (so ranges such as "10-15%" and "4% to 12%"), exponents
 * ("1e3"), hex, "1,5", NaN, infinities and values beyond a double all fail:
 * the caller keeps the text and has no value, which is always safe.
 *
 * Locale-independent. */
typedef struct {
  double      value;         /* plain units; a percentage as a fraction */
  gboolean    is_percent;
  gboolean    is_whole;      /* the value, scaled, has no fractional part */
  gboolean    is_fiscal;     /* written as a fiscal year, "FY2021" */
  int         year;          /* the year the text names ("2019", "FY21",
                              * "2021年"), in [MIN_YEAR, MAX_YEAR]; else 0 */
  int         scale;         /* the power of ten of the scale word, 0 if none */
  const char *scale_word;    /* canonical: "thousand", "million", "billion",
                              * "trillion", "lakh", "crore", or the CJK
                              * multipliers as written; NULL if none */
  char        currency[4];   /* ISO 4217 code, "" if none */
  char        qualifier[32]; /* as written, e.g. "约", "about", "over", "+" */
  char        unit[64];      /* the trailing unit as written, "" if none;
                              * without "级" (see is_order) */
  NfNumberQualifier bound;   /* what qualifier[] says, normalised */
  gboolean    is_order;      /* an order of magnitude: "10万亿级", "千万级别" */
  NfNumberKind kind;         /* from the text alone: MONEY with a currency,
                              * PERCENT, YEAR, DURATION or RATING by the
                              * unit (minutes, 天; stars, 星), COUNT with any
                              * other unit (users, 个, 辆), else OTHER */
} NfNumber;

gboolean  nf_number_parse            (const char   *text,
                                      NfNumber     *out);

/* The value a cell of a column of this type has, or FALSE for none:
 * TEXT never has one; YEAR takes only a year; PERCENT takes percentages as
 * fractions, and a bare number as percentage points ("15" in a column
 * headed "Share (%)" is 0.15), but no money and no scaled figure; COUNT
 * takes only whole, non-negative numbers that are not money or percent;
 * MONEY takes any figure but a percentage (the column's unit names the
 * currency); NUMBER takes any figure, percentages as fractions. */
gboolean  nf_number_parse_for_column (const char   *text,
                                      NfColumnType  type,
                                      double       *out_value);

/* The shortest decimal that g_ascii_strtod reads back to the same double;
 * without an exponent for magnitudes in [1e-6, 1e21) ("9500000", "0.15",
 * "1394300000000"), with one otherwise ("1e-7", "1.5e300"). -0 is
 * written "0". The value must be finite. */
char     *nf_number_format_xml       (double        value);

/* Reads exactly what nf_number_format_xml writes, and nothing looser: an
 * optional "-", digits without needless leading zeros, then optionally
 * a fraction and an exponent ("e", an optional "-", digits); no spaces,
 * no "+", no hex, finite. */
gboolean  nf_number_parse_xml        (const char   *text,
                                      double       *out);

/* Whether the figure is not exact: qualified (about, over, nearly…) or an
 * order of magnitude. A difference taken with it is approximate too. */
gboolean     nf_number_is_approximate (const NfNumber *number);

/* What a cell of a metric table measures: its text's kind where the text
 * says (a currency, "%", a unit), else the column's (type, unit such as
 * "months" or "stars", and a name such as "User Rating"). The parsed text
 * goes to out_number when given (zeroed, with kind set, when the text does
 * not parse). This is the one classification every view and the diff use. */
NfNumberKind nf_number_kind_for_cell  (const NfColumn *column,
                                       const NfCell   *cell,
                                       NfNumber       *out_number);

/* "count", "money", "percent", "rating", "duration", "year", "other":
 * stable names for files and tests. */
const char  *nf_number_kind_to_string (NfNumberKind    kind);
/* The kind's name for a person, translated ("count", "money", "percentage"…). */
const char  *nf_number_kind_get_label (NfNumberKind    kind);

/* A figure in plain units written for a person, magnitude normalised
 * ("9.5 million", "2,235.1万" when lang is "zh", "10万亿"), with its
 * currency ("$9.5 million", "9.5 million yuan", "3.2亿元") or unit ("4.6
 * stars", "21个"), and its qualifier ("≈10%", "100+", "nearly 100
 * million yuan", "order of 10 trillion" / "10万亿级"). A percentage is a
 * fraction (0.15 is "15%"). NULL or "" currency and unit for none; the
 * currency is an ISO 4217 code. */
char        *nf_number_format_value   (double             value,
                                       NfNumberKind       kind,
                                       const char        *currency,
                                       const char        *unit,
                                       NfNumberQualifier  bound,
                                       gboolean           is_order,
                                       const char        *lang);
/* A parsed figure as above: what it says, in the reader's language. */
char        *nf_number_format         (const NfNumber    *number,
                                       const char        *lang);
/* What a cell shows: its parsed figure formatted (with the column's
 * currency or unit where the text names none), or the text as written
 * when it does not parse ("Increased satisfaction by 25%", "上亿"). */
char        *nf_number_format_cell    (const NfColumn    *column,
                                       const NfCell      *cell,
                                       const char        *lang);

G_END_DECLS
