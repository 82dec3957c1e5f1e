/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "nf-metric-table.h"

G_BEGIN_DECLS

/* The years a YEAR column (and NfNumber.year) accepts. */
#define NF_NUMBER_MIN_YEAR 1800
#define NF_NUMBER_MAX_YEAR 2200

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
  char        unit[64];      /* the trailing unit as written, "" if none */
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

G_END_DECLS
