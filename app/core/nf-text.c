/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-text"

#include "config.h"

#include <string.h>

#include "nf-text-private.h"

typedef struct {
  char *lang;
  char *text;
} Translation;

struct _NfText {
  gatomicrefcount  ref_count;
  guint            n_translations;  /* beside the count: 24 bytes, not 32 */
  char            *text;
  Translation     *translations;
};

G_DEFINE_BOXED_TYPE (NfText, nf_text, nf_text_ref, nf_text_unref)

/* XML 1.0's characters, less the ones the loader refuses (docs/THREATS.md):
 * DEL, the C1 controls and the non-characters. */
static gboolean
is_xml_char (gunichar c)
{
  if (c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0xFDD0 && c <= 0xFDEF) ||
      (c & 0xFFFE) == 0xFFFE)
    return FALSE;
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/* Clean is valid UTF-8 without NUL, C0 controls but tab and LF, DEL,
 * C1 controls (C2 80–C2 9F) and non-characters (EF B7 90–AF, EF BF BE/BF,
 * and the last two of each plane); surrogates and overlong forms are not
 * valid UTF-8. One pass, ASCII eight bytes at a time: this runs on every
 * text, id and tag a file holds. */
static gboolean
is_clean (const char *text,
          gsize       n)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + n;

  while (p < end)
    {
      guchar c = *p;

      if (end - p >= 8)
        {
          guint64 w;

          memcpy (&w, p, 8);
          /* No high bit, no byte under 0x20, no DEL. */
          if ((w & 0x8080808080808080ull) == 0 &&
              ((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull) == 0 &&
              (((w ^ 0x7F7F7F7F7F7F7F7Full) - 0x0101010101010101ull) &
               ~(w ^ 0x7F7F7F7F7F7F7F7Full) & 0x8080808080808080ull) == 0)
            {
              p += 8;
              continue;
            }
        }
      if (c < 0x80)
        {
          if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
            return FALSE;
          p++;
        }
      else if (c >= 0xC2 && c <= 0xDF)
        {
          if (end - p < 2 || (p[1] & 0xC0) != 0x80 || (c == 0xC2 && p[1] <= 0x9F))
            return FALSE;
          p += 2;
        }
      else if (c >= 0xE0 && c <= 0xEF)
        {
          guchar lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;

          if (end - p < 3 || p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80)
            return FALSE;
          if (c == 0xEF && ((p[1] == 0xBF && p[2] >= 0xBE) ||
                            (p[1] == 0xB7 && p[2] >= 0x90 && p[2] <= 0xAF)))
            return FALSE;
          p += 3;
        }
      else if (c >= 0xF0 && c <= 0xF4)
        {
          guchar lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;

          if (end - p < 4 || p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80 ||
              (p[3] & 0xC0) != 0x80)
            return FALSE;
          if ((p[1] & 0x0F) == 0x0F && p[2] == 0xBF && p[3] >= 0xBE)
            return FALSE;
          p += 4;
        }
      else
        return FALSE;
    }
  return TRUE;
}

/* libxml2's writer passes control characters and broken UTF-8 through
 * unchanged, giving files that no longer parse; so text is made safe
 * where it enters the model, and the writer can trust it. */
char *
nf_text_clean (const char *text,
               gssize      length)
{
  g_autofree char *valid = NULL;
  gsize n;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  /* Nearly all text is clean already (the loader's comes from libxml2,
   * which checked it), and cleaning character by character was a third
   * of loading a small canvas: copy clean text as it is. */
  n = length < 0 ? strlen (text) : (gsize) length;
  if (is_clean (text, n))
    return g_strndup (text, n);

  valid = g_utf8_make_valid (text, length);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* XML reads CR LF and a lone CR as LF; doing the same here keeps a
       * saved text equal to the one in the model. */
      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
          continue;
        }
      if (is_xml_char (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
nf_text_is_clean (const char *text)
{
  const char *end;

  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, &end))
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '\r' || !is_xml_char (c))
        return FALSE;
    }
  return TRUE;
}

static NfText *
text_alloc (const char *text,
            guint       n_translations)
{
  g_autofree char *cleaned = NULL;
  gsize n = text ? strlen (text) : 0;
  NfText *self;

  if (text != NULL && !is_clean (text, n))
    {
      cleaned = nf_text_clean (text, -1);
      text = cleaned;
      n = strlen (cleaned);
    }
  /* The text lives in the same block as the NfText: one allocation per
   * note's text rather than two. */
  self = g_malloc (sizeof (NfText) + n + 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->text = (char *) (self + 1);
  if (n > 0)
    memcpy (self->text, text, n);
  self->text[n] = '\0';
  self->n_translations = n_translations;
  self->translations = n_translations ? g_new0 (Translation, n_translations) : NULL;
  return self;
}

NfText *
nf_text_new (const char *text)
{
  return text_alloc (text, 0);
}

NfText *
nf_text_ref (NfText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
nf_text_unref (NfText *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint i = 0; i < self->n_translations; i++)
    {
      g_free (self->translations[i].lang);
      g_free (self->translations[i].text);
    }
  g_free (self->translations);
  g_free (self);
}

const char *
nf_text_get (const NfText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

guint
nf_text_get_n_translations (const NfText *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_translations;
}

const char *
nf_text_get_translation (const NfText *self,
                         guint         index,
                         const char  **out_lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_translations, NULL);
  if (out_lang)
    *out_lang = self->translations[index].lang;
  return self->translations[index].text;
}

const char *
nf_text_lookup (const NfText *self,
                const char   *lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (lang == NULL)
    return NULL;
  for (guint i = 0; i < self->n_translations; i++)
    if (g_ascii_strcasecmp (self->translations[i].lang, lang) == 0)
      return self->translations[i].text;
  return NULL;
}

/* The variant for a reader of `lang` ("en", "zh_CN.UTF-8", "en-GB"):
 * an exact translation, else one of the same primary language, else the
 * original text. */
const char *
nf_text_for_language (const NfText *self,
                      const char   *lang)
{
  g_autofree char *primary = NULL;
  const char *hit;
  gsize n;

  g_return_val_if_fail (self != NULL, NULL);
  if (lang == NULL || self->n_translations == 0)
    return self->text;
  if ((hit = nf_text_lookup (self, lang)))
    return hit;
  n = strcspn (lang, "-_.@");
  primary = g_strndup (lang, n);
  for (guint i = 0; i < self->n_translations; i++)
    {
      const char *tl = self->translations[i].lang;
      gsize tn = strcspn (tl, "-_.@");
      if (tn == n && g_ascii_strncasecmp (tl, primary, n) == 0)
        return self->translations[i].text;
    }
  return self->text;
}

/* Locale names ("zh_CN.UTF-8", "sr@latin") become language tags ("zh-CN",
 * "sr"), the form xml:lang takes; anything else that is not a tag is kept
 * out of the model rather than written into a file that would not load. */
char *
nf_language_tag_normalise (const char *lang)
{
  gsize n;
  char *tag;

  if (lang == NULL)
    return NULL;
  n = strcspn (lang, ".@");
  tag = g_strndup (lang, n);

  g_strdelimit (tag, "_", '-');
  for (const char *p = tag; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      {
        g_free (tag);
        return NULL;
      }
  if (*tag == '\0' || n > NF_LANGUAGE_TAG_MAX)
    {
      g_free (tag);
      return NULL;
    }
  return tag;
}

static NfText *
text_copy_with (const NfText *self,
                const char   *primary,
                const char   *lang,
                const char   *text)
{
  NfText *copy;
  guint n = 0;

  g_autofree char *tag = lang ? nf_language_tag_normalise (lang) : NULL;

  /* At most one more translation than before. */
  copy = text_alloc (primary ? primary : self->text, self->n_translations + 1);
  for (guint i = 0; i < self->n_translations; i++)
    {
      const Translation *t = &self->translations[i];

      if (tag != NULL && g_ascii_strcasecmp (t->lang, tag) == 0)
        continue;
      copy->translations[n].lang = g_strdup (t->lang);
      copy->translations[n].text = g_strdup (t->text);
      n++;
    }
  if (tag != NULL && text != NULL)
    {
      copy->translations[n].lang = g_strdup (tag);
      copy->translations[n].text = nf_text_clean (text, -1);
      n++;
    }
  copy->n_translations = n;

  /* Keep translations sorted so equal texts give equal files. */
  for (guint a = 1; a < n; a++)
    for (guint b = a; b > 0 && g_ascii_strcasecmp (copy->translations[b - 1].lang,
                                                   copy->translations[b].lang) > 0; b--)
      {
        Translation tmp = copy->translations[b];
        copy->translations[b] = copy->translations[b - 1];
        copy->translations[b - 1] = tmp;
      }
  return copy;
}

/* For the loader, on a text it alone holds: adds a translation in its
 * sorted place. A canonical file lists them sorted, so each lands at the
 * end and loading stays linear; the array grows by doubling. */
void
_nf_text_add_translation (NfText     *self,
                          const char *lang,
                          const char *text)
{
  guint n = self->n_translations;
  guint at = n;

  if (n == 0 || (n & (n - 1)) == 0)
    self->translations = g_renew (Translation, self->translations, MAX (2 * n, 1));
  while (at > 0 && g_ascii_strcasecmp (self->translations[at - 1].lang, lang) > 0)
    at--;
  memmove (self->translations + at + 1, self->translations + at,
           (n - at) * sizeof (Translation));
  self->translations[at].lang = g_strdup (lang);
  self->translations[at].text = nf_text_clean (text, -1);
  self->n_translations = n + 1;
}

NfText *
nf_text_with_primary (const NfText *self,
                      const char   *text)
{
  g_return_val_if_fail (self != NULL, NULL);
  return text_copy_with (self, text, NULL, NULL);
}

/* text NULL removes the translation. */
NfText *
nf_text_with_translation (const NfText *self,
                          const char   *lang,
                          const char   *text)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lang != NULL && *lang, NULL);
  return text_copy_with (self, NULL, lang, text);
}

NfText *
nf_text_edited_for_language (const NfText *self,
                             const char   *lang,
                             const char   *text)
{
  const char *shown;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  shown = lang != NULL ? nf_text_for_language (self, lang) : nf_text_get (self);
  /* Under the translation's own tag ("en" for a reader of "en-GB"). */
  for (guint i = 0; shown != nf_text_get (self) && i < self->n_translations; i++)
    if (self->translations[i].text == shown)
      return nf_text_with_translation (self, self->translations[i].lang, text);
  return nf_text_with_primary (self, text);
}

gboolean
nf_text_equal (const NfText *a,
               const NfText *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (!g_str_equal (a->text, b->text) || a->n_translations != b->n_translations)
    return FALSE;
  for (guint i = 0; i < a->n_translations; i++)
    if (!g_str_equal (a->translations[i].lang, b->translations[i].lang) ||
        !g_str_equal (a->translations[i].text, b->translations[i].text))
      return FALSE;
  return TRUE;
}
