/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-import"

#include "config.h"

#include <string.h>

#include "nf-i18n-private.h"

#include "nf-import-private.h"

/* What the canvas is called and whose business it describes, from what
 * the write-up says of itself: its front matter, its first heading or
 * line, or the "Business Model:" lines of its sections. */

gboolean
_nf_import_is_cjk (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA;
}

/* "Acme (AIHS) - Business Model: Key Partners": the block's name, or NULL. */
const char *
_nf_import_business_model_name (const char *text)
{
  static const char * const markers[] = {
    "business model canvas", "business model", "businessmodel", "商业模式画布", "商业模式",
  };
  g_autofree char *lower = g_ascii_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      const char *at = strstr (lower, markers[i]);
      const char *p;

      if (at == NULL)
        continue;
      p = text + (at - lower) + strlen (markers[i]);
      while (*p == ' ')
        p++;
      if (g_str_has_prefix (p, ":"))
        p += 1;
      else if (g_str_has_prefix (p, "："))
        p += strlen ("：");
      else
        return NULL;
      while (*p == ' ')
        p++;
      return *p ? p : NULL;
    }
  return NULL;
}

static gboolean
is_slug (const char *text)
{
  gboolean dash = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == '-' || *p == '_')
        dash = TRUE;
      else if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p)))
        return FALSE;
    }
  return dash;
}

/* "bitauto-group" → "Bitauto Group" */
static char *
unslug (const char *slug)
{
  g_autofree char *spaced = g_strdelimit (g_strdup (slug), "-_", ' ');
  g_auto(GStrv) words = g_strsplit (spaced, " ", -1);

  for (guint i = 0; words[i]; i++)
    words[i][0] = g_ascii_toupper (words[i][0]);
  return g_strjoinv (" ", words);
}

/* "Acme Corp (NASDAQ: ACME)" → "Acme Corp": a ticker is not the name;
 * nor are the punctuation and possessive that led to "business model". */
static char *
tidy_company (const char *text,
              gsize       length)
{
  static const char * const tails[] = {
    ":", "：", "-", "–", "—", ",", "，", "'s", "’s", "的",
  };
  g_autofree char *name = g_strstrip (g_strndup (text, length));
  gsize n;

  for (gboolean cut = TRUE; cut;)
    {
      cut = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (tails); i++)
        if (g_str_has_suffix (name, tails[i]))
          {
            name[strlen (name) - strlen (tails[i])] = '\0';
            g_strstrip (name);
            cut = TRUE;
          }
    }
  n = strlen (name);
  if (n > 0 && name[n - 1] == ')')
    {
      char *open = strrchr (name, '(');
      gboolean ticker = open != NULL && open != name && n - (open - name) <= 24;

      for (char *p = open ? open + 1 : NULL; p && ticker && *p != ')'; p++)
        ticker = g_ascii_isupper (*p) || g_ascii_isdigit (*p) || strchr (":. ", *p);
      if (ticker)
        *open = '\0';
    }
  g_strstrip (name);
  return *name ? g_steal_pointer (&name) : NULL;
}

static char *
company_from (const char *title)
{
  static const char * const markers[] = {
    "business model", "businessmodel", "business-model", "的商业模式", "商业模式",
  };
  g_autofree char *lower = g_ascii_strdown (title, -1);

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      const char *at = strstr (lower, markers[i]);
      const char *after;

      if (at == NULL)
        continue;
      after = at + strlen (markers[i]);
      if (g_str_has_prefix (after, "s"))
        after++;
      if (g_str_has_prefix (after, " canvas"))
        after += strlen (" canvas");
      /* "Business model of Acme" */
      if (g_str_has_prefix (after, " of ") || g_str_has_prefix (after, " for "))
        {
          after = strchr (after + 1, ' ') + 1;
          return tidy_company (title + (after - lower), strlen (after));
        }
      /* "Acme: Business Model Canvas", "Acme's business model" */
      if (at > lower)
        return tidy_company (title, at - lower);
      /* "Business Model Canvas: Acme", "Business model – Acme" */
      while (*after == ' ')
        after++;
      if (*after == ':' || *after == '-')
        {
          const char *rest = after + 1;

          while (*rest == ' ')
            rest++;
          if (*rest)
            return tidy_company (title + (rest - lower), strlen (rest));
        }
      if (g_str_has_prefix (after, "：") || g_str_has_prefix (after, "–") ||
          g_str_has_prefix (after, "—"))
        {
          const char *rest = g_utf8_next_char (after);

          while (*rest == ' ')
            rest++;
          if (*rest)
            return tidy_company (title + (rest - lower), strlen (rest));
        }
    }
  return NULL;
}

char *
_nf_import_title (NfImportText *text,
                  GArray       *items,
                  guint         first_section,
                  const char   *address)
{
  const char *front = text->front.title;

  if (front && *front && !is_slug (front))
    return g_strdup (front);
  /* "Businessmodel of Acme", "**Acme business model**": a line before
   * the sections that names the business is the title, whatever its
   * form; so is a top heading that does, anywhere. */
  for (guint i = 0; i < items->len; i++)
    {
      NfImportItem *item = &g_array_index (items, NfImportItem, i);
      g_autofree char *company = NULL;
      const char *section;
      NfImportMatch match;

      if (item->kind == NF_IMPORT_TABLE || item->kind == NF_IMPORT_LIST_ITEM)
        continue;
      section = _nf_import_business_model_name (item->text);
      if (section && _nf_import_match_block (section, &match) != NF_BLOCK_NONE)
        continue;  /* "Acme - Business Model: Channels" starts a section */
      if (
          g_utf8_strlen (item->text, -1) > 120 || g_str_has_suffix (item->text, ".") ||
          g_str_has_suffix (item->text, "。"))
        continue;
      if (i >= first_section && !(item->kind == NF_IMPORT_HEADING && item->level == 1))
        continue;
      if ((company = company_from (item->text)) != NULL)
        return g_strdup (item->text);
    }
  for (guint i = 0; i < first_section && i < items->len; i++)
    {
      NfImportItem *item = &g_array_index (items, NfImportItem, i);

      if (item->kind == NF_IMPORT_HEADING && *item->text)
        return g_strdup (item->text);
      if (text->line_mode && item->kind == NF_IMPORT_PARAGRAPH &&
          g_utf8_strlen (item->text, -1) <= 120 && !g_str_has_suffix (item->text, "."))
        return g_strdup (item->text);
    }
  if (front && *front)
    return unslug (front);
  {
    g_autofree char *base = g_strdup (address);
    char *dot = strrchr (base, '.');

    if (dot && dot != base)
      *dot = '\0';
    return g_strdup (*base ? base : _("Imported canvas"));
  }
}

char *
_nf_import_company (NfImportText *text,
                    GArray       *items,
                    const char   *title)
{
  char *company;

  if (text->front.company && *text->front.company)
    return g_strdup (text->front.company);
  if ((company = company_from (title)))
    return company;
  /* "Acme (ACME) - Business Model: Channels" */
  for (guint i = 0; i < items->len; i++)
    {
      NfImportItem *item = &g_array_index (items, NfImportItem, i);

      if (item->kind != NF_IMPORT_TABLE && _nf_import_business_model_name (item->text) &&
          (company = company_from (item->text)))
        return company;
    }
  if (text->front.title && (company = company_from (text->front.title)))
    return company;
  return g_strdup (title);
}
