/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-module"

#include "config.h"

#include <gio/gio.h>
#include <gmodule.h>

#include "nf-i18n-private.h"
#include "nf-module-private.h"

typedef gconstpointer (*TableFunc) (void);


static GMutex lock;
static GHashTable *opened;   /* name → table */

static gconstpointer
open_module (const char  *name,
             gsize        size,
             GError     **error)
{
  /* The installed folder before the build's: an installed program finds
   * its modules there and never reaches the folder it was built in, which
   * may be gone or (a build under /tmp) writable by anyone. A program run
   * from its build usually finds nothing installed; a module installed by
   * another build holds the same library's functions, and a table of
   * another layout is refused. */
  const char *dirs[] = { g_getenv ("NF_MODULE_DIR"), NF_MODULE_INSTALLED_DIR, NF_MODULE_BUILD_DIR };
  g_autofree char *tried = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;
      GModule *module;
      TableFunc table_func;
      const gsize *table;

      if (dirs[i] == NULL || dirs[i][0] == '\0')
        continue;
      path = g_strconcat (dirs[i], G_DIR_SEPARATOR_S, name, "." NF_MODULE_SUFFIX, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          if (tried == NULL)
            tried = g_strdup (path);
          continue;
        }
      /* Local: the library's symbols stay out of the process's global
       * scope, which every later dlopen searches. */
      module = g_module_open (path, G_MODULE_BIND_LOCAL);
      if (module == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot load %s: %s"), path,
                       g_module_error ());
          return NULL;
        }
      if (!g_module_symbol (module, "nf_module_table", (gpointer *) &table_func) ||
          (table = table_func ()) == NULL || *table != size)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Cannot load %s: it belongs to another version of Ninefold"), path);
          g_module_close (module);
          return NULL;
        }
      /* Kept open for the process's life: its functions are in use. */
      g_module_make_resident (module);
      return table;
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Cannot load %s: it is not installed"),
               tried != NULL ? tried : name);
  return NULL;
}

gconstpointer
_nf_module_table (const char  *name,
                  gsize        size,
                  GError     **error)
{
  gconstpointer table;

  g_return_val_if_fail (name != NULL, NULL);

  g_mutex_lock (&lock);
  if (opened == NULL)
    opened = g_hash_table_new (g_str_hash, g_str_equal);
  table = g_hash_table_lookup (opened, name);
  if (table != NULL && *(const gsize *) table != size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot load %s: it belongs to another version of Ninefold"), name);
      table = NULL;
    }
  else if (table == NULL)
    {
      table = open_module (name, size, error);
      if (table != NULL)
        g_hash_table_insert (opened, (gpointer) g_intern_string (name), (gpointer) table);
    }
  g_mutex_unlock (&lock);
  return table;
}

gboolean
_nf_module_is_open (const char *name)
{
  gboolean open;

  g_mutex_lock (&lock);
  open = opened != NULL && g_hash_table_contains (opened, name);
  g_mutex_unlock (&lock);
  return open;
}
