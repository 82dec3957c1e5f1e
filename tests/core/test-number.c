/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <ninefold.h>
#include <nf-number.h>

#include "nf-number-private.h"

typedef struct {
  const char *text;
  double      value;
  gboolean    percent;
  const char *currency;  /* "" for none */
  int         year;
  const char *unit;      /* "" for none */
  const char *qualifier; /* "" for none */
} Good;

static const Good good[] = {
  { "$9.5 million", 9500000, FALSE, "USD", 0, "", "" },
  { "31.5 Billion", 31500000000.0, FALSE, "", 0, "", "" },
  { "15%", 0.15, TRUE, "", 0, "", "" },
  { "2,235.1万", 22351000, FALSE, "", 0, "", "" },
  { "2,235.1万辆", 22351000, FALSE, "", 0, "辆", "" },
  { "1,394.30 billion", 1394300000000.0, FALSE, "", 0, "", "" },
  { "¥3.2亿", 320000000, FALSE, "CNY", 0, "", "" },
  { "￥3.2亿", 320000000, FALSE, "CNY", 0, "", "" },
  { "RMB 3.2 亿元", 320000000, FALSE, "CNY", 0, "", "" },
  { "3.2亿美元", 320000000, FALSE, "USD", 0, "", "" },
  { "1.2万亿元", 1.2e12, FALSE, "CNY", 0, "", "" },
  { "300百万", 300000000, FALSE, "", 0, "", "" },
  { "€12k", 12000, FALSE, "EUR", 0, "", "" },
  { "US$ 1.2 bn", 1200000000, FALSE, "USD", 0, "", "" },
  { "USD 40 million", 40000000, FALSE, "USD", 0, "", "" },
  { "40 million USD", 40000000, FALSE, "USD", 0, "", "" },
  { "5m USD", 5000000, FALSE, "USD", 0, "", "" },
  { "$5m", 5000000, FALSE, "USD", 0, "", "" },
  { "5M", 5000000, FALSE, "", 0, "", "" },
  { "12.5 million dollars", 12500000, FALSE, "USD", 0, "", "" },
  { "(12.5)", -12.5, FALSE, "", 0, "", "" },
  { "($1.2 million)", -1200000, FALSE, "USD", 0, "", "" },
  { "-3.4%", -0.034, TRUE, "", 0, "", "" },
  { "−3.4%", -0.034, TRUE, "", 0, "", "" },
  { "+5%", 0.05, TRUE, "", 0, "", "" },
  { "-$5", -5, FALSE, "USD", 0, "", "" },
  { "约2%", 0.02, TRUE, "", 0, "", "约" },
  { "about 500", 500, FALSE, "", 0, "", "about" },
  { "over 24,000 dealers", 24000, FALSE, "", 0, "dealers", "over" },
  { "500+", 500, FALSE, "", 0, "", "+" },
  { "3000余台", 3000, FALSE, "", 0, "台", "余" },
  { "6000台", 6000, FALSE, "", 0, "台", "" },
  { "2019", 2019, FALSE, "", 2019, "", "" },
  { "2021年", 2021, FALSE, "", 2021, "年", "" },
  { "2023E", 2023, FALSE, "", 2023, "E", "" },
  { "FY2021", 2021, FALSE, "", 2021, "", "" },
  { "FY 21", 2021, FALSE, "", 2021, "", "" },
  { "２，２３５．１％", 22.351, TRUE, "", 0, "", "" },
  { "１５％", 0.15, TRUE, "", 0, "", "" },
  { "15 percent", 0.15, TRUE, "", 0, "", "" },
  { "15 per cent", 0.15, TRUE, "", 0, "", "" },
  { "15% per year", 0.15, TRUE, "", 0, "per year", "" },
  { "60% participation rate", 0.6, TRUE, "", 0, "participation rate", "" },
  { "4.6 stars", 4.6, FALSE, "", 0, "stars", "" },
  { "2 minutes", 2, FALSE, "", 0, "minutes", "" },
  { "5 km", 5, FALSE, "", 0, "km", "" },
  { "5 m", 5, FALSE, "", 0, "m", "" },
  { "$10/month", 10, FALSE, "USD", 0, "/month", "" },
  { "7 million", 7000000, FALSE, "", 0, "", "" },
  { "7 millions", 7000000, FALSE, "", 0, "", "" },
  { "$3,000", 3000, FALSE, "USD", 0, "", "" },
  { "15,000,000", 15000000, FALSE, "", 0, "", "" },
  { "0.15", 0.15, FALSE, "", 0, "", "" },
  { "15.", 15, FALSE, "", 0, "", "" },
  { "  42  ", 42, FALSE, "", 0, "", "" },
  { "1 lakh", 100000, FALSE, "", 0, "", "" },
  { "3 crore", 30000000, FALSE, "", 0, "", "" },
  { "0", 0, FALSE, "", 0, "", "" },
  { "-0", 0, FALSE, "", 0, "", "" },
  { "12345678901234567890", 12345678901234567890.0, FALSE, "", 0, "", "" },
  { "12,345,678,901,234,567,890", 12345678901234567890.0, FALSE, "", 0, "", "" },
};

static const char * const bad[] = {
  "", "   ", "n/a", "N/A", "NA", "-", "—", "NaN", "nan", "inf", "-inf", "Infinity",
  "1e400", "1e3", "1E5", "0x1p3", "0x10", "1,5", "12,34,567", "1,2345", "1.234.567",
  "1.2.3", "--5", "+-5", "$-$5", "10-15%", "10–15%", "4% to 12%", "$2-3 million",
  "between 4% and 12%", "5:3", "24/7", "(12.5", "-(12.5)", "$5%", "$3 元",
  "Tesla", "Q3", "$", "%", ".5", "five", "1 000", "1'000",
  "$1.5 million investment in 2023", "Increased satisfaction by 25%",
  "70% of customers utilized this service",
  "亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿1",
};

static void
test_parse_good (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      NfNumber n;

      g_test_message ("%s", good[i].text);
      g_assert_true (nf_number_parse (good[i].text, &n));
      g_assert_cmpfloat (n.value, ==, good[i].value);
      g_assert_cmpint (n.is_percent, ==, good[i].percent);
      g_assert_cmpstr (n.currency, ==, good[i].currency);
      g_assert_cmpint (n.year, ==, good[i].year);
      g_assert_cmpstr (n.unit, ==, good[i].unit);
      g_assert_cmpstr (n.qualifier, ==, good[i].qualifier);
      g_assert_true (isfinite (n.value));
    }
}

static void
test_parse_bad (void)
{
  NfNumber n;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (nf_number_parse (bad[i], &n));
    }
  g_assert_false (nf_number_parse (NULL, &n));
  g_assert_false (nf_number_parse ("(12\036[\365", &n));  /* not UTF-8 */
  g_assert_false (nf_number_parse ("12\xff", &n));
  /* Beyond a double, and beyond any figure: refused, not infinite. */
  for (guint digits = 309; digits <= 2000; digits += 300)
    {
      g_autofree char *huge = g_strnfill (digits, '9');
      g_autofree char *tiny = g_strconcat ("0.", huge, "%", NULL);

      g_assert_false (nf_number_parse (huge, &n));
      if (digits > 400)
        g_assert_false (nf_number_parse (tiny, &n));
    }
  /* The same numbers, once written sanely, do parse: the refusals above
   * are about the form, not the digits. */
  g_assert_true (nf_number_parse ("10%", NULL));
  g_assert_true (nf_number_parse ("1,500", NULL));
  g_assert_true (nf_number_parse ("1000", NULL));
}

static void
test_parse_details (void)
{
  NfNumber n;

  g_assert_true (nf_number_parse ("$9.5 million", &n));
  g_assert_cmpstr (n.scale_word, ==, "million");
  g_assert_cmpint (n.scale, ==, 6);
  g_assert_true (n.is_whole);
  g_assert_true (nf_number_parse ("2,235.1万", &n));
  g_assert_cmpstr (n.scale_word, ==, "万");
  g_assert_cmpint (n.scale, ==, 4);
  g_assert_true (n.is_whole);
  g_assert_true (nf_number_parse ("1.2万亿", &n));
  g_assert_cmpstr (n.scale_word, ==, "万亿");
  g_assert_cmpint (n.scale, ==, 12);
  g_assert_true (nf_number_parse ("2.5", &n));
  g_assert_false (n.is_whole);
  g_assert_null (n.scale_word);
  g_assert_true (nf_number_parse ("FY2021", &n));
  g_assert_true (n.is_fiscal);
  g_assert_true (nf_number_parse ("1800", &n));
  g_assert_cmpint (n.year, ==, 1800);
  g_assert_true (nf_number_parse ("1799", &n));
  g_assert_cmpint (n.year, ==, 0);
  g_assert_true (nf_number_parse ("2,019", &n));
  g_assert_cmpint (n.year, ==, 0);
  g_assert_true (nf_number_parse ("2019 revenue", &n));
  g_assert_cmpint (n.year, ==, 0);
  g_assert_cmpfloat (n.value, ==, 2019);
  /* The value is the decimal read once, not a product with binary error. */
  g_assert_true (nf_number_parse ("0.1 million", &n));
  g_assert_cmpfloat (n.value, ==, 100000);
  g_assert_true (nf_number_parse ("1.1%", &n));
  g_assert_cmpfloat (n.value, ==, 0.011);
}

typedef struct {
  const char   *text;
  NfColumnType  type;
  gboolean      has_value;
  double        value;
} ColumnCase;

static const ColumnCase column_cases[] = {
  { "Tesla", NF_COLUMN_TEXT, FALSE, 0 },
  { "15", NF_COLUMN_TEXT, FALSE, 0 },
  { "2019", NF_COLUMN_YEAR, TRUE, 2019 },
  { "FY2021", NF_COLUMN_YEAR, TRUE, 2021 },
  { "2021年", NF_COLUMN_YEAR, TRUE, 2021 },
  { "19", NF_COLUMN_YEAR, FALSE, 0 },
  { "3000", NF_COLUMN_YEAR, FALSE, 0 },
  { "2,019", NF_COLUMN_YEAR, FALSE, 0 },
  { "$2019", NF_COLUMN_YEAR, FALSE, 0 },
  { "15%", NF_COLUMN_PERCENT, TRUE, 0.15 },
  { "15", NF_COLUMN_PERCENT, TRUE, 0.15 },
  { "12.3", NF_COLUMN_PERCENT, TRUE, 0.123 },
  { "约2%", NF_COLUMN_PERCENT, TRUE, 0.02 },
  { "$15", NF_COLUMN_PERCENT, FALSE, 0 },
  { "15 million", NF_COLUMN_PERCENT, FALSE, 0 },
  { "25,000", NF_COLUMN_COUNT, TRUE, 25000 },
  { "7 million", NF_COLUMN_COUNT, TRUE, 7000000 },
  { "2,235.1万", NF_COLUMN_COUNT, TRUE, 22351000 },
  { "2.5", NF_COLUMN_COUNT, FALSE, 0 },
  { "-3", NF_COLUMN_COUNT, FALSE, 0 },
  { "15%", NF_COLUMN_COUNT, FALSE, 0 },
  { "$300", NF_COLUMN_COUNT, FALSE, 0 },
  { "$9.5 million", NF_COLUMN_MONEY, TRUE, 9500000 },
  { "9,500,000", NF_COLUMN_MONEY, TRUE, 9500000 },
  { "(12.5)", NF_COLUMN_MONEY, TRUE, -12.5 },
  { "15%", NF_COLUMN_MONEY, FALSE, 0 },
  { "4.6 stars", NF_COLUMN_NUMBER, TRUE, 4.6 },
  { "80%", NF_COLUMN_NUMBER, TRUE, 0.8 },
  { "$5,600,000", NF_COLUMN_NUMBER, TRUE, 5600000 },
  { "N/A", NF_COLUMN_NUMBER, FALSE, 0 },
  { "10-15%", NF_COLUMN_PERCENT, FALSE, 0 },
};

static void
test_parse_for_column (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_cases); i++)
    {
      const ColumnCase *c = &column_cases[i];
      double value = -12345;

      g_test_message ("%s as %s", c->text, nf_column_type_to_xml (c->type));
      g_assert_cmpint (nf_number_parse_for_column (c->text, c->type, &value), ==, c->has_value);
      if (c->has_value)
        g_assert_cmpfloat (value, ==, c->value);
      else
        g_assert_cmpfloat (value, ==, -12345);  /* untouched */
    }
}

typedef struct {
  double      value;
  const char *text;
} Formatted;

static void
test_format_xml (void)
{
  static const Formatted cases[] = {
    { 9500000, "9500000" }, { 0.15, "0.15" }, { 1394300000000.0, "1394300000000" },
    { 22351000, "22351000" }, { 0, "0" }, { -0.0, "0" }, { -12.5, "-12.5" },
    { 0.1, "0.1" }, { 1.0 / 3, "0.3333333333333333" }, { 1e-6, "0.000001" },
    { 1e-7, "1e-7" }, { 1e21, "1e21" }, { 1e20, "100000000000000000000" },
    { 123456789012345678.0, "123456789012345680" }, { 1.5e300, "1.5e300" },
    { -2.5e-10, "-2.5e-10" }, { 5e-324, "5e-324" }, { 1.7976931348623157e308, "1.7976931348623157e308" },
    { 2019, "2019" }, { 0.034, "0.034" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = nf_number_format_xml (cases[i].value);
      double back;

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_true (nf_number_parse_xml (text, &back));
      g_assert_cmpfloat (back, ==, cases[i].value);
    }
}

static void
test_parse_xml_strict (void)
{
  static const char * const refused[] = {
    "", " 1", "1 ", "+1", "01", "-01", "1.", ".5", "1e", "1e+5", "1E5", "0x10", "0x1p3",
    "nan", "NaN", "inf", "-inf", "infinity", "1e400", "-1e400", "1,5", "1_000", "--1",
    "1.5.2", "१२", "１２",
  };
  static const struct { const char *text; double value; } accepted[] = {
    { "0", 0 }, { "-0", 0 }, { "9500000", 9500000 }, { "0.15", 0.15 }, { "1e-7", 1e-7 },
    { "1.5e300", 1.5e300 }, { "-12.5", -12.5 }, { "1.50", 1.5 },
  };
  double value;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("%s", refused[i]);
      g_assert_false (nf_number_parse_xml (refused[i], &value));
    }
  g_assert_false (nf_number_parse_xml (NULL, &value));
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_assert_true (nf_number_parse_xml (accepted[i].text, &value));
      g_assert_cmpfloat (value, ==, accepted[i].value);
    }
}

static gboolean
has_exponent (const char *text)
{
  return strchr (text, 'e') != NULL;
}

static void
check_round_trip (double value)
{
  g_autofree char *text = nf_number_format_xml (value);
  double back = NAN;
  double magnitude = fabs (value);

  g_assert_true (nf_number_parse_xml (text, &back));
  if (back != value)
    g_error ("%.17g was written as %s, which reads back as %.17g", value, text, back);
  if (magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21))
    g_assert_true (has_exponent (text));
  else
    g_assert_false (has_exponent (text));
  /* Shortest: one digit fewer would not do. */
  if (magnitude != 0)
    {
      char shorter[64];
      GString *significant = g_string_new (NULL);
      guint digits;

      for (const char *p = text; *p && *p != 'e'; p++)
        if (g_ascii_isdigit (*p) && !(significant->len == 0 && *p == '0'))
          g_string_append_c (significant, *p);
      while (significant->len > 0 && significant->str[significant->len - 1] == '0')
        g_string_truncate (significant, significant->len - 1);
      digits = significant->len;
      g_string_free (significant, TRUE);
      if (digits > 1)
        {
          char format[16];

          g_snprintf (format, sizeof format, "%%.%ue", digits - 2);
          g_ascii_formatd (shorter, sizeof shorter, format, value);
          g_assert_cmpfloat (g_ascii_strtod (shorter, NULL), !=, value);
        }
    }
}

/* Bare digits ("998", "2021"), most of a table, take a short way through
 * the parser, the loader and the writer: each must give what the whole
 * way gives. A space before the digits sends the parser the whole way. */
static void
test_fast_paths (void)
{
  GRand *rand = g_rand_new_with_seed (20261206);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  static const char * const fixed[] = {
    "0", "7", "00", "0042", "998", "1799", "1800", "2021", "2200", "2201", "9999", "10000",
    "123456789012345", "999999999999999", "1234567890123456",
  };
  NfColumn plain = { nf_text_new ("c"), NF_COLUMN_NUMBER, NULL, NULL };
  NfColumn rating = { nf_text_new ("User Rating"), NF_COLUMN_NUMBER, NULL, NULL };
  NfColumn year = { nf_text_new ("Year"), NF_COLUMN_YEAR, NULL, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    g_ptr_array_add (texts, g_strdup (fixed[i]));
  for (guint i = 0; i < 5000; i++)
    g_ptr_array_add (texts, g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             (guint64) g_rand_double_range (rand, 0, 1e15) /
                                             (guint64) pow (10, g_rand_int_range (rand, 0, 15))));
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = texts->pdata[i];
      g_autofree char *spaced = g_strconcat (" ", text, NULL);
      g_autofree char *negative = g_strconcat ("-", text, NULL);
      NfColumn *columns[] = { &plain, &rating, &year };
      NfNumber fast, whole;
      double value, expected;

      g_assert_cmpint (nf_number_parse (text, &fast), ==, nf_number_parse (spaced, &whole));
      g_assert_true (memcmp (&fast, &whole, sizeof fast) == 0);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          NfCell a = { .text = (char *) text }, b = { .text = spaced };

          g_assert_cmpint (nf_number_kind_for_cell (columns[c], &a, &fast), ==,
                           nf_number_kind_for_cell (columns[c], &b, &whole));
          g_assert_true (memcmp (&fast, &whole, sizeof fast) == 0);
        }
      /* The loader's reading of value="…", against strtod. */
      for (guint k = 0; k < 2; k++)
        {
          const char *xml = k ? negative : text;

          if (xml[k] == '0' && xml[k + 1] != '\0')
            {
              g_assert_false (nf_number_parse_xml (xml, &value));
              continue;
            }
          g_assert_true (nf_number_parse_xml (xml, &value));
          expected = g_ascii_strtod (xml, NULL) + 0.0;
          g_assert_cmpfloat (value, ==, expected);
          g_assert_true (value != 0 || !signbit (value));  /* no -0 */
          check_round_trip (value);
          check_round_trip (-value);
        }
    }
  /* Whole numbers about 2^53, either side of the short way out. */
  {
    static const double edges[] = { 9007199254740990.0, 9007199254740991.0, 9007199254740992.0,
                                    9007199254740994.0, 1e15, 1e16 };

    for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
      check_round_trip (edges[i]), check_round_trip (-edges[i]);
  }
  nf_text_unref (plain.name);
  nf_text_unref (rating.name);
  nf_text_unref (year.name);
  g_rand_free (rand);
}

static void
test_round_trip_random (void)
{
  GRand *rand = g_rand_new_with_seed (20261120);

  for (guint i = 0; i < 200000; i++)
    {
      union { guint64 bits; double value; } u;
      double value;

      switch (i % 4)
        {
        case 0:  /* any bit pattern: all exponents */
          u.bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
          value = u.value;
          break;
        case 1:  /* figures of the size business texts have */
          value = g_rand_double_range (rand, -1e13, 1e13);
          break;
        case 2:  /* short decimals, as people write them */
          value = (double) g_rand_int_range (rand, -10000000, 10000000) /
                  pow (10, g_rand_int_range (rand, 0, 9));
          break;
        default:  /* near the edges of the plain notation */
          value = pow (10, g_rand_double_range (rand, -8, 23));
          break;
        }
      if (!isfinite (value))
        continue;
      check_round_trip (value);
    }
  g_rand_free (rand);
}

static void
test_locale_independent (void)
{
  NfNumber n;
  g_autofree char *text = NULL;

  /* If a decimal-comma locale is installed, it must change nothing. */
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL && setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("no decimal-comma locale installed");
      return;
    }
  g_assert_true (nf_number_parse ("2,235.1万", &n));
  g_assert_cmpfloat (n.value, ==, 22351000);
  text = nf_number_format_xml (0.15);
  g_assert_cmpstr (text, ==, "0.15");
  setlocale (LC_NUMERIC, "C");
}

/* Qualifiers in either language mean one thing each, and the figure keeps
 * them, its currency and its unit when shown. */
static void
test_qualifiers (void)
{
  static const struct {
    const char *text;
    NfNumberQualifier bound;
    gboolean order;
    NfNumberKind kind;
    const char *en, *zh;
  } cases[] = {
    { "10%左右", NF_NUMBER_ABOUT, FALSE, NF_NUMBER_KIND_PERCENT, "≈10%", "≈10%" },
    { "约2%", NF_NUMBER_ABOUT, FALSE, NF_NUMBER_KIND_PERCENT, "≈2%", "≈2%" },
    { "about 500", NF_NUMBER_ABOUT, FALSE, NF_NUMBER_KIND_OTHER, "≈500", "≈500" },
    { "around 80%", NF_NUMBER_ABOUT, FALSE, NF_NUMBER_KIND_PERCENT, "≈80%", "≈80%" },
    { "~5 km", NF_NUMBER_ABOUT, FALSE, NF_NUMBER_KIND_OTHER, "≈5 km", "≈5 km" },
    { "approximately $9.5 million", NF_NUMBER_ABOUT, FALSE, NF_NUMBER_KIND_MONEY, "≈$9.5 million", "≈950万美元" },
    { "100多个", NF_NUMBER_OVER, FALSE, NF_NUMBER_KIND_COUNT, "100+个", "100+个" },
    { "3000余台", NF_NUMBER_OVER, FALSE, NF_NUMBER_KIND_COUNT, "3,000+台", "3,000+台" },
    { "200人以上", NF_NUMBER_OVER, FALSE, NF_NUMBER_KIND_COUNT, "200+人", "200+人" },
    { "over 24,000 dealers", NF_NUMBER_OVER, FALSE, NF_NUMBER_KIND_COUNT, "24,000+ dealers", "2.4万+ dealers" },
    { "more than 350 million", NF_NUMBER_OVER, FALSE, NF_NUMBER_KIND_OTHER, "350 million+", "3.5亿+" },
    { "500+ users", NF_NUMBER_OVER, FALSE, NF_NUMBER_KIND_COUNT, "500+ users", "500+ users" },
    { "近1个亿", NF_NUMBER_NEARLY, FALSE, NF_NUMBER_KIND_OTHER, "nearly 100 million", "近1亿" },
    { "近1亿元", NF_NUMBER_NEARLY, FALSE, NF_NUMBER_KIND_MONEY, "nearly 100 million yuan", "近1亿元" },
    { "nearly 200", NF_NUMBER_NEARLY, FALSE, NF_NUMBER_KIND_OTHER, "nearly 200", "近200" },
    { "almost 3 hours", NF_NUMBER_NEARLY, FALSE, NF_NUMBER_KIND_DURATION, "nearly 3 hours", "近3 hours" },
    { "10万亿级", NF_NUMBER_EXACT, TRUE, NF_NUMBER_KIND_OTHER, "10 trillion-level", "10万亿级" },
    { "$9.5 million", NF_NUMBER_EXACT, FALSE, NF_NUMBER_KIND_MONEY, "$9.5 million", "950万美元" },
    { "4.6 stars", NF_NUMBER_EXACT, FALSE, NF_NUMBER_KIND_RATING, "4.6 stars", "4.6 stars" },
    { "2 minutes", NF_NUMBER_EXACT, FALSE, NF_NUMBER_KIND_DURATION, "2 minutes", "2 minutes" },
    { "60天", NF_NUMBER_EXACT, FALSE, NF_NUMBER_KIND_DURATION, "60天", "60天" },
    { "2,235.1万辆", NF_NUMBER_EXACT, FALSE, NF_NUMBER_KIND_COUNT, "22.35 million辆", "2,235.1万辆" },
    { "FY2021", NF_NUMBER_EXACT, FALSE, NF_NUMBER_KIND_YEAR, "2021", "2021" },
    { "less than 5%", NF_NUMBER_UNDER, FALSE, NF_NUMBER_KIND_PERCENT, "under 5%", "不到5%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      NfNumber n;
      g_autofree char *en = NULL;
      g_autofree char *zh = NULL;

      g_test_message ("%s", cases[i].text);
      g_assert_true (nf_number_parse (cases[i].text, &n));
      g_assert_cmpint (n.bound, ==, cases[i].bound);
      g_assert_cmpint (n.is_order, ==, cases[i].order);
      g_assert_cmpstr (nf_number_kind_to_string (n.kind), ==, nf_number_kind_to_string (cases[i].kind));
      g_assert_cmpint (nf_number_is_approximate (&n), ==, cases[i].bound != NF_NUMBER_EXACT || cases[i].order);
      en = nf_number_format (&n, "en");
      zh = nf_number_format (&n, "zh_CN");
      g_assert_cmpstr (en, ==, cases[i].en);
      g_assert_cmpstr (zh, ==, cases[i].zh);
    }
}

/* Every figure of the four cases, as the compare view, the deck and
 * `ninefold diff` show it: its kind, and its display in English and in
 * Chinese. A cell is named by case, table id, row and column. */
typedef struct {
  guint         case_index;
  const char   *table;
  guint         row, column;
  NfNumberKind  kind;
  const char   *en;
  const char   *zh;
} CaseCell;

#include "test-number-cases.h"

static void
test_case_cells (void)
{
  gboolean dump = g_getenv ("NF_DUMP_CELLS") != NULL;
  guint checked = 0;

  for (guint c = 0; c < 4; c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NfCanvas) canvas = nf_canvas_load_case (c, &error);
      GListModel *tables;

      g_assert_no_error (error);
      tables = nf_canvas_get_tables (canvas);
      for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
        {
          g_autoptr(NfMetricTable) table = g_list_model_get_item (tables, t);

          for (guint r = 0; r < nf_metric_table_get_n_rows (table); r++)
            for (guint k = 0; k < nf_metric_table_get_n_columns (table); k++)
              {
                const NfColumn *col = nf_metric_table_get_column (table, k);
                const NfCell *cell = nf_metric_table_get_cell (table, r, k);
                NfNumberKind kind;
                g_autofree char *en = NULL;
                g_autofree char *zh = NULL;
                const CaseCell *want = NULL;

                if (!cell->has_value)
                  continue;
                kind = nf_number_kind_for_cell (col, cell, NULL);
                en = nf_number_format_cell (col, cell, "en");
                zh = nf_number_format_cell (col, cell, "zh");
                if (dump)
                  {
                    printf ("  { %u, \"%s\", %u, %u, NF_NUMBER_KIND_%s, \"%s\", \"%s\" }, /* %s */\n",
                             c, nf_metric_table_get_id (table), r, k,
                             g_ascii_strup (nf_number_kind_to_string (kind), -1), en, zh, cell->text);
                    continue;
                  }
                for (guint i = 0; i < G_N_ELEMENTS (case_cells); i++)
                  if (case_cells[i].case_index == c && g_str_equal (case_cells[i].table, nf_metric_table_get_id (table)) &&
                      case_cells[i].row == r && case_cells[i].column == k)
                    want = &case_cells[i];
                g_assert_nonnull (want);
                g_assert_cmpstr (nf_number_kind_to_string (kind), ==, nf_number_kind_to_string (want->kind));
                g_assert_cmpstr (en, ==, want->en);
                g_assert_cmpstr (zh, ==, want->zh);
                checked++;
              }
        }
    }
  if (!dump)
    g_assert_cmpuint (checked, ==, G_N_ELEMENTS (case_cells));
}

/* A whole number is written by its digits, not through "%.2f": the text
 * is the same as the long way's, which a figure a hair off whole takes. */
static void
test_format_whole (void)
{
  static const double fixed[] = { 0, -0.0, 1, -1, 999, 1000, -1000, 12345, 999999, -999999, 100000 };
  GRand *rand = g_rand_new_with_seed (19);

  for (guint i = 0; i < G_N_ELEMENTS (fixed) + 5000; i++)
    {
      double v = i < G_N_ELEMENTS (fixed) ? fixed[i] : (double) g_rand_int_range (rand, -999999, 1000000);
      double near = v < 0 ? v - 0.001 : v + 0.001;
      g_autofree char *whole = nf_number_format_value (v, NF_NUMBER_KIND_OTHER, NULL, NULL,
                                                       NF_NUMBER_EXACT, FALSE, "en");
      g_autofree char *slow = nf_number_format_value (near, NF_NUMBER_KIND_OTHER, NULL, NULL,
                                                      NF_NUMBER_EXACT, FALSE, "en");
      g_autofree char *share = nf_number_format_value (v / 100, NF_NUMBER_KIND_PERCENT, NULL, NULL,
                                                       NF_NUMBER_EXACT, FALSE, "en");

      g_assert_cmpstr (whole, ==, slow);
      g_assert_cmpint (strlen (share), >, 1);
    }
  g_rand_free (rand);
}

/* The hundredths written without printf are printf's, byte for byte:
 * exact halves (0.125, 2.5/100) go to the even digit, values a hair
 * under a half (1.005, 2.675 as doubles) round down, and the ranges the
 * fast path leaves to printf (negative, tiny, huge, not finite) too. */
static void
test_format_fixed2 (void)
{
  static const double fixed[] = {
    0, -0.0, 0.005, 0.015, 0.125, 0.375, 0.625, 0.875, 1.005, 1.015, 1.025, 2.675, 4.35,
    0.045, 0.994999, 0.995, 0.9950000000000001, 9.995, 99.995, 1.0 / 3, 2.0 / 3, 1e-300,
    1e-310, 5e-324, 0.001, 12.5 / 100, 1e12 + 0.005, 9999999999999.995, 1e13, 1e13 + 1,
    1e15, 1e300, -0.001, -0.005, -1.005, -2.675, -1e12, 4730.0, 1.6, 2.19, INFINITY,
    -INFINITY, NAN,
  };
  GRand *rand = g_rand_new_with_seed (2026);

  for (guint i = 0; i < G_N_ELEMENTS (fixed) + 600000; i++)
    {
      char ours[G_ASCII_DTOSTR_BUF_SIZE], theirs[G_ASCII_DTOSTR_BUF_SIZE];
      double v;

      if (i < G_N_ELEMENTS (fixed))
        v = fixed[i];
      else if (i % 4 == 0)
        /* Exact halves of a hundredth and their neighbours. */
        v = nextafter ((g_rand_int_range (rand, 0, 2000000) + 0.5) / 100.0,
                       g_rand_boolean (rand) ? INFINITY : -INFINITY);
      else if (i % 4 == 1)
        v = g_rand_int_range (rand, 0, 1 << 30) / 8.0 / 100.0;
      else if (i % 4 == 2)
        v = g_rand_double_range (rand, 0, 100);
      else
        v = ldexp (g_rand_double (rand), g_rand_int_range (rand, -60, 50));
      _nf_number_format_fixed2 (v, ours);
      g_ascii_formatd (theirs, sizeof theirs, "%.2f", v);
      if (strcmp (ours, theirs) != 0)
        g_error ("%.17g: %s, printf %s", v, ours, theirs);
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/number/parse/good", test_parse_good);
  g_test_add_func ("/number/parse/bad", test_parse_bad);
  g_test_add_func ("/number/parse/details", test_parse_details);
  g_test_add_func ("/number/parse/for-column", test_parse_for_column);
  g_test_add_func ("/number/xml/format", test_format_xml);
  g_test_add_func ("/number/xml/strict", test_parse_xml_strict);
  g_test_add_func ("/number/xml/random-round-trips", test_round_trip_random);
  g_test_add_func ("/number/fast-paths", test_fast_paths);
  g_test_add_func ("/number/locale-independent", test_locale_independent);
  g_test_add_func ("/number/qualifiers", test_qualifiers);
  g_test_add_func ("/number/case-cells", test_case_cells);
  g_test_add_func ("/number/format-whole", test_format_whole);
  g_test_add_func ("/number/format-fixed2", test_format_fixed2);
  return g_test_run ();
}
