/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <ninefold.h>

static void
test_clean_drops_what_xml_forbids (void)
{
  g_autofree char *a = nf_text_clean ("a\x01" "b\x0b" "c\x1f" "d\te\nf", -1);
  g_autofree char *b = nf_text_clean ("line\r\nnext\rlast", -1);
  g_autofree char *c = nf_text_clean ("bad \xff\xfe bytes", -1);
  g_autofree char *d = nf_text_clean ("\xef\xbf\xbe nonchar", -1);  /* U+FFFE */
  g_autofree char *e = nf_text_clean ("\xed\xa0\x80 surrogate", -1);
  g_autofree char *f = nf_text_clean (NULL, -1);

  g_assert_cmpstr (a, ==, "abcd\te\nf");
  g_assert_cmpstr (b, ==, "line\nnext\nlast");
  g_assert_true (g_utf8_validate (c, -1, NULL));
  g_assert_true (g_str_has_prefix (c, "bad "));
  g_assert_true (g_str_has_suffix (c, " bytes"));
  g_assert_true (nf_text_is_clean (c));
  g_assert_cmpstr (d, ==, " nonchar");
  g_assert_true (nf_text_is_clean (e));
  g_assert_cmpstr (f, ==, "");
  g_assert_false (nf_text_is_clean ("a\x01"));
  g_assert_false (nf_text_is_clean ("\xff"));
  g_assert_true (nf_text_is_clean ("数跑科技 — fine"));
}

static void
test_translations_sorted_and_replaced (void)
{
  g_autoptr(NfText) base = nf_text_new ("数跑科技");
  g_autoptr(NfText) one = nf_text_with_translation (base, "fr", "Shupao (fr)");
  g_autoptr(NfText) two = nf_text_with_translation (one, "en", "Shupao");
  g_autoptr(NfText) three = nf_text_with_translation (two, "en", "Shupao Technology");
  g_autoptr(NfText) removed = nf_text_with_translation (three, "fr", NULL);
  const char *lang;

  g_assert_cmpuint (nf_text_get_n_translations (base), ==, 0);
  g_assert_cmpuint (nf_text_get_n_translations (two), ==, 2);
  g_assert_cmpstr (nf_text_get_translation (two, 0, &lang), ==, "Shupao");
  g_assert_cmpstr (lang, ==, "en");
  g_assert_cmpstr (nf_text_get_translation (two, 1, &lang), ==, "Shupao (fr)");
  g_assert_cmpuint (nf_text_get_n_translations (three), ==, 2);
  g_assert_cmpstr (nf_text_lookup (three, "en"), ==, "Shupao Technology");
  g_assert_cmpuint (nf_text_get_n_translations (removed), ==, 1);
  g_assert_null (nf_text_lookup (removed, "fr"));
  /* The original is untouched: texts are values. */
  g_assert_cmpstr (nf_text_lookup (two, "en"), ==, "Shupao");
}

static void
test_for_language (void)
{
  g_autoptr(NfText) base = nf_text_new ("线索转化率约2%");
  g_autoptr(NfText) text = nf_text_with_translation (base, "en", "Lead conversion about 2%");

  g_assert_cmpstr (nf_text_for_language (text, "en"), ==, "Lead conversion about 2%");
  g_assert_cmpstr (nf_text_for_language (text, "en_GB.UTF-8"), ==, "Lead conversion about 2%");
  g_assert_cmpstr (nf_text_for_language (text, "en-US"), ==, "Lead conversion about 2%");
  g_assert_cmpstr (nf_text_for_language (text, "zh_CN"), ==, "线索转化率约2%");
  g_assert_cmpstr (nf_text_for_language (text, NULL), ==, "线索转化率约2%");
  g_assert_cmpstr (nf_text_for_language (base, "en"), ==, "线索转化率约2%");
}

static void
test_language_tags_normalised (void)
{
  g_autoptr(NfText) base = nf_text_new ("x");
  g_autoptr(NfText) a = nf_text_with_translation (base, "zh_CN.UTF-8", "中");
  g_autoptr(NfText) b = nf_text_with_translation (base, "bad lang!", "y");
  const char *lang;

  nf_text_get_translation (a, 0, &lang);
  g_assert_cmpstr (lang, ==, "zh-CN");
  /* Not a language tag: refused rather than written into a bad file. */
  g_assert_cmpuint (nf_text_get_n_translations (b), ==, 0);
}

static void
test_equal (void)
{
  g_autoptr(NfText) a = nf_text_new ("x");
  g_autoptr(NfText) b = nf_text_new ("x");
  g_autoptr(NfText) c = nf_text_with_translation (a, "en", "y");
  g_autoptr(NfText) d = nf_text_with_translation (b, "en", "y");
  g_autoptr(NfText) e = nf_text_with_translation (b, "en", "z");

  g_assert_true (nf_text_equal (a, b));
  g_assert_false (nf_text_equal (a, c));
  g_assert_true (nf_text_equal (c, d));
  g_assert_false (nf_text_equal (c, e));
}

/* Random bytes, biased to the edges (controls, CR, U+FFFE/U+FFFF, broken
 * and valid multi-byte sequences): cleaning gives clean text, cleaning
 * clean text changes nothing, and clean text is kept byte for byte. */
static void
test_clean_random (void)
{
  static const char * const pieces[] = {
    "a", " ", "\t", "\n", "\r", "\r\n", "\x01", "\x1f", "\x7f", "\xc2\x85", "é", "汽车",
    "\xef\xbf\xbe", "\xef\xbf\xbf", "\xef\xbf\xbd", "\xef\xbf", "\xff", "\xed\xa0\x80",
    "\xf0\x9f\x98\x80", "\xf4\x90\x80\x80", "\xc0\xaf",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) in = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 12);
      g_autofree char *once = NULL;
      g_autofree char *twice = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append (in, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      once = nf_text_clean (in->str, (gssize) in->len);
      twice = nf_text_clean (once, -1);
      g_assert_true (nf_text_is_clean (once));
      g_assert_cmpstr (once, ==, twice);
      if (nf_text_is_clean (in->str))
        g_assert_cmpstr (once, ==, in->str);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/clean", test_clean_drops_what_xml_forbids);
  g_test_add_func ("/text/clean-random", test_clean_random);
  g_test_add_func ("/text/translations", test_translations_sorted_and_replaced);
  g_test_add_func ("/text/for-language", test_for_language);
  g_test_add_func ("/text/language-tags", test_language_tags_normalised);
  g_test_add_func ("/text/equal", test_equal);
  return g_test_run ();
}
