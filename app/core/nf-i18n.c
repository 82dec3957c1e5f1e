/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-i18n"

#include "config.h"

#include "nf-i18n-private.h"
#include "nf-locale.h"
#include "nf-text.h"

/* Why read the .mo files ourselves: gettext picks its catalog from the
 * process's locale, and the only ways to make it answer in another
 * language are setlocale() to a locale that may not be installed (a
 * C.UTF-8 machine has no zh_CN.UTF-8) or changing $LANGUAGE and bumping
 * _nl_msg_cat_cntr, which is GNU-only, touches the whole process and
 * races with every other thread. The .mo format is small, fixed and
 * documented (GNU gettext manual, "The Format of GNU MO Files"), and the
 * same on Linux, MSYS2 and Homebrew; reading it gives a catalog per
 * language that any thread can use at once without changing anything
 * global. */

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

typedef struct {
  const char *text;   /* the forms, each NUL-terminated */
  guint32     length; /* of all the forms with the NULs between them */
} Translation;

typedef struct {
  char       *data;     /* the .mo file; keys and values point into it */
  gsize       length;
  GHashTable *strings;  /* msgid (the singular) -> Translation */
  guint       nplurals;
  enum { PLURAL_NONE, PLURAL_NOT_ONE, PLURAL_ABOVE_ONE } rule;
} Catalog;

G_LOCK_DEFINE_STATIC (catalogs);
static GHashTable *catalogs;  /* language tag -> Catalog, kept for the process */

static GPrivate chosen = G_PRIVATE_INIT (NULL);  /* Catalog of this thread's scope */

static guint32
read_u32 (const char *data,
          gsize       offset,
          gboolean    swapped)
{
  guint32 v;

  memcpy (&v, data + offset, sizeof v);
  return swapped ? GUINT32_SWAP_LE_BE (v) : v;
}

/* "Plural-Forms: nplurals=2; plural=(n != 1);" from the header entry.
 * Only the rules of the languages we may ship are understood (one form;
 * n != 1; n > 1); another rule reads as n != 1, the commonest. */
static void
read_plural_forms (Catalog    *self,
                   const char *header)
{
  const char *p = header != NULL ? strstr (header, "Plural-Forms:") : NULL;
  g_autoptr(GString) expr = g_string_new (NULL);
  const char *e;

  self->nplurals = 2;
  self->rule = PLURAL_NOT_ONE;
  if (p == NULL)
    return;
  e = strstr (p, "nplurals=");
  if (e != NULL)
    self->nplurals = (guint) CLAMP (g_ascii_strtoull (e + 9, NULL, 10), 1, 6);
  e = strstr (p, "plural=");
  if (e == NULL)
    return;
  for (e += 7; *e != '\0' && *e != ';' && *e != '\n'; e++)
    if (!g_ascii_isspace (*e) && *e != '(' && *e != ')')
      g_string_append_c (expr, *e);
  if (self->nplurals == 1 || g_str_equal (expr->str, "0"))
    self->rule = PLURAL_NONE;
  else if (g_str_equal (expr->str, "n>1"))
    self->rule = PLURAL_ABOVE_ONE;
}

static gboolean
catalog_load (Catalog    *self,
              const char *path)
{
  gboolean swapped;
  guint32 n, originals, translations;

  if (!g_file_get_contents (path, &self->data, &self->length, NULL))
    return FALSE;
  if (self->length < 28)
    return FALSE;
  swapped = read_u32 (self->data, 0, FALSE) == MO_MAGIC_SWAPPED;
  if (!swapped && read_u32 (self->data, 0, FALSE) != MO_MAGIC)
    return FALSE;
  /* Major revision 0 or 1; 1 only adds system-dependent strings, in a
   * table of their own that we do not need. */
  if ((read_u32 (self->data, 4, swapped) >> 16) > 1)
    return FALSE;
  n = read_u32 (self->data, 8, swapped);
  originals = read_u32 (self->data, 12, swapped);
  translations = read_u32 (self->data, 16, swapped);
  if (originals > self->length || translations > self->length ||
      n > (self->length - originals) / 8 || n > (self->length - translations) / 8)
    return FALSE;

  self->strings = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (self->data, originals + 8 * i, swapped);
      guint32 ooff = read_u32 (self->data, originals + 8 * i + 4, swapped);
      guint32 tlen = read_u32 (self->data, translations + 8 * i, swapped);
      guint32 toff = read_u32 (self->data, translations + 8 * i + 4, swapped);
      Translation *t;

      /* Each string is followed by a NUL that its length leaves out. */
      if (ooff >= self->length || olen >= self->length - ooff || self->data[ooff + olen] != '\0' ||
          toff >= self->length || tlen >= self->length - toff || self->data[toff + tlen] != '\0')
        continue;
      if (olen == 0)
        {
          read_plural_forms (self, self->data + toff);
          continue;
        }
      t = g_new (Translation, 1);
      t->text = self->data + toff;
      t->length = tlen;
      g_hash_table_insert (self->strings, self->data + ooff, t);
    }
  return TRUE;
}

/* The first (by name) catalog folder of a language given without its
 * region: "zh" finds zh_CN/. */
static char *
regional_folder (const char *primary)
{
  g_autoptr(GDir) dir = NULL;
  g_autofree char *prefix = g_strconcat (primary, "_", NULL);
  char *best = NULL;
  const char *name;

  /* Tested first: g_dir_open() translates an error nobody asked for (see
   * nf-locale.c). */
  if (g_file_test (nf_locale_dir (), G_FILE_TEST_IS_DIR))
    dir = g_dir_open (nf_locale_dir (), 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && (best == NULL || strcmp (name, best) < 0))
      {
        g_free (best);
        best = g_strdup (name);
      }
  return best;
}

/* zh-CN looks in zh_CN/, then zh/, then (for "zh") zh_*; a language we
 * have no catalog for gets an empty one: the messages as written, in
 * English. */
static Catalog *
catalog_new (const char *tag)
{
  Catalog *self = g_new0 (Catalog, 1);
  g_autofree char *full = g_strdup (tag);
  g_autofree char *primary = g_strndup (tag, strcspn (tag, "-"));
  g_autofree char *regional = regional_folder (primary);
  const char *candidates[] = { full, primary, regional };

  g_strdelimit (full, "-", '_');
  for (guint i = 0; i < G_N_ELEMENTS (candidates) && candidates[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (nf_locale_dir (), candidates[i], "LC_MESSAGES",
                                                GETTEXT_PACKAGE ".mo", NULL);

      if (catalog_load (self, path))
        return self;
      g_clear_pointer (&self->strings, g_hash_table_destroy);
      g_clear_pointer (&self->data, g_free);
    }
  self->strings = g_hash_table_new (g_str_hash, g_str_equal);
  self->nplurals = 2;
  self->rule = PLURAL_NOT_ONE;
  return self;
}

static Catalog *
catalog_for (const char *lang)
{
  g_autofree char *tag = lang != NULL ? nf_language_tag_normalise (lang) : NULL;
  Catalog *catalog;

  if (tag == NULL)
    return NULL;
  G_LOCK (catalogs);
  if (catalogs == NULL)
    catalogs = g_hash_table_new (g_str_hash, g_str_equal);
  catalog = g_hash_table_lookup (catalogs, tag);
  if (catalog == NULL)
    {
      catalog = catalog_new (tag);
      g_hash_table_insert (catalogs, g_steal_pointer (&tag), catalog);
    }
  G_UNLOCK (catalogs);
  return catalog;
}

static const Translation *
lookup (Catalog    *catalog,
        const char *msgid)
{
  return msgid[0] != '\0' ? g_hash_table_lookup (catalog->strings, msgid) : NULL;
}

const char *
nf_translate (const char *lang,
              const char *msgid)
{
  Catalog *catalog = catalog_for (lang);
  const Translation *t;

  if (catalog == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  t = lookup (catalog, msgid);
  return t != NULL && t->length > 0 ? t->text : msgid;
}

const char *
nf_gettext (const char *msgid)
{
  Catalog *catalog = g_private_get (&chosen);
  const Translation *t;

  if (catalog == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  t = lookup (catalog, msgid);
  return t != NULL && t->length > 0 ? t->text : msgid;
}

const char *
nf_pgettext (const char *msgctxtid,
             gsize       msgidoffset)
{
  Catalog *catalog = g_private_get (&chosen);
  const Translation *t;

  if (catalog == NULL)
    return g_dpgettext (GETTEXT_PACKAGE, msgctxtid, msgidoffset);
  t = lookup (catalog, msgctxtid);
  return t != NULL && t->length > 0 ? t->text : msgctxtid + msgidoffset;
}

const char *
nf_ngettext (const char *msgid,
             const char *msgid_plural,
             gulong      n)
{
  Catalog *catalog = g_private_get (&chosen);
  const Translation *t;
  guint form;
  const char *text;

  if (catalog == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  t = lookup (catalog, msgid);
  if (t == NULL || t->length == 0)
    return n == 1 ? msgid : msgid_plural;
  switch (catalog->rule)
    {
    case PLURAL_NONE: form = 0; break;
    case PLURAL_ABOVE_ONE: form = n > 1; break;
    case PLURAL_NOT_ONE:
    default: form = n != 1; break;
    }
  form = MIN (form, catalog->nplurals - 1);
  /* Walk to the form; a catalog with fewer forms than it says gives its
   * last one. */
  text = t->text;
  for (guint i = 0; i < form; i++)
    {
      const char *next = text + strlen (text) + 1;

      if (next > t->text + t->length)
        break;
      text = next;
    }
  return text;
}

void
nf_language_scope_enter (NfLanguageScope *scope,
                         const char      *lang)
{
  g_return_if_fail (scope != NULL);

  scope->previous = g_private_get (&chosen);
  g_private_set (&chosen, catalog_for (lang));
}

void
nf_language_scope_leave (NfLanguageScope *scope)
{
  g_return_if_fail (scope != NULL);

  g_private_set (&chosen, scope->previous);
}
