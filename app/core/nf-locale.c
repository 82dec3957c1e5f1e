/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-locale"

#include "config.h"

#include <locale.h>

#include "nf-i18n-private.h"

#include "nf-locale.h"
#include "nf-text.h"
#include "resources/nf-build-paths.h"

/* Whether `dir` holds a catalog of ours for any language: the build
 * folder's po/ always does once built, an empty prefix does not. */
static gboolean
has_catalogs (const char *dir)
{
  g_autoptr(GDir) entries = NULL;
  const char *name;

  /* Tested first because g_dir_open() translates its error message even
   * when nobody asks for it, and GLib decides once, at its first
   * translation, whether to translate at all — from the catalog of ours
   * bound at that moment, which here is not yet the right one. */
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return FALSE;
  entries = g_dir_open (dir, 0, NULL);
  if (entries == NULL)
    return FALSE;
  while ((name = g_dir_read_name (entries)) != NULL)
    {
      g_autofree char *mo = g_build_filename (dir, name, "LC_MESSAGES",
                                              GETTEXT_PACKAGE ".mo", NULL);

      if (g_file_test (mo, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }
  return FALSE;
}

static char *
find_locale_dir (void)
{
  const char *env = g_getenv ("NF_LOCALEDIR");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

#ifdef G_OS_WIN32
  {
    /* Installers put the program in PREFIX\bin and may be moved anywhere:
     * the compiled-in prefix means nothing there. */
    g_autofree char *base = g_win32_get_package_installation_directory_of_module (NULL);

    if (base != NULL)
      {
        char *dir = g_build_filename (base, "share", "locale", NULL);

        if (has_catalogs (dir))
          return dir;
        g_free (dir);
      }
  }
#endif

  /* Installed catalogs win; the build folder's are for ./run and the tests,
   * where nothing is installed yet. */
  if (!has_catalogs (LOCALEDIR) && has_catalogs (NF_BUILD_LOCALEDIR))
    return g_strdup (NF_BUILD_LOCALEDIR);
  return g_strdup (LOCALEDIR);
}

const char *
nf_locale_dir (void)
{
  static char *dir;

  if (g_once_init_enter (&dir))
    g_once_init_leave (&dir, find_locale_dir ());
  return dir;
}

void
nf_locale_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, nf_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static char *
find_ui_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      char *tag;

      /* The untranslated interface is in English. */
      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX") ||
          g_str_has_prefix (names[i], "C."))
        return g_strdup ("en");
      tag = nf_language_tag_normalise (names[i]);
      if (tag != NULL)
        return tag;
    }
  return g_strdup ("en");
}

const char *
nf_ui_note_language (void)
{
  static char *lang;

  if (g_once_init_enter (&lang))
    g_once_init_leave (&lang, find_ui_language ());
  return lang;
}
