/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Finding a source's file: one lookup for `check`, the source reader and
 * a note's citation, so that what one finds the others find too. */
#define G_LOG_DOMAIN "nf-source"

#include "config.h"

#include <string.h>

#include "nf-source-file.h"

GPtrArray *
nf_source_case_folders (void)
{
  GPtrArray *folders = g_ptr_array_new_with_free_func (g_free);
  const char *seeds = g_getenv ("NF_SEEDS_DIR");
  const char * const *data_dirs = g_get_system_data_dirs ();

  if (seeds != NULL && *seeds != '\0')
    g_ptr_array_add (folders, g_strdup (seeds));
  g_ptr_array_add (folders, g_strdup (NF_CASE_SOURCES_BUILD_DIR));
  /* The data folder of the installation first; then each system data
   * folder, which is where a relocated or staged installation
   * ($XDG_DATA_DIRS) has them. */
  g_ptr_array_add (folders, g_strdup (NF_CASE_SOURCES_INSTALLED_DIR));
  for (guint i = 0; data_dirs[i] != NULL; i++)
    {
      char *folder = g_build_filename (data_dirs[i], "ninefold", "cases", "sources", NULL);

      if (g_ptr_array_find_with_equal_func (folders, folder, g_str_equal, NULL))
        g_free (folder);
      else
        g_ptr_array_add (folders, folder);
    }
  return folders;
}

GFile *
nf_source_locate (NfSource           *source,
                  const char * const *dirs,
                  gboolean           *out_local,
                  GPtrArray         **out_tried)
{
  const char *address;
  const char *scheme;
  g_autofree char *local = NULL;
  g_autoptr(GPtrArray) folders = NULL;
  g_autoptr(GPtrArray) tried = g_ptr_array_new_with_free_func (g_free);
  GFile *found = NULL;

  g_return_val_if_fail (NF_IS_SOURCE (source), NULL);

  if (out_local)
    *out_local = FALSE;
  if (out_tried)
    *out_tried = NULL;
  address = nf_source_get_address (source);
  if (address == NULL || *address == '\0')
    return NULL;
  scheme = g_uri_peek_scheme (address);
  if (scheme != NULL && g_str_equal (scheme, "file"))
    local = g_filename_from_uri (address, NULL, NULL);
  else if (scheme == NULL || strlen (scheme) == 1)  /* "c:" is a Windows drive */
    local = g_strdup (address);
  if (local == NULL)
    return NULL;
  if (out_local)
    *out_local = TRUE;

  if (g_path_is_absolute (local))
    {
      g_ptr_array_add (tried, g_strdup (local));
      if (g_file_test (local, G_FILE_TEST_IS_REGULAR))
        found = g_file_new_for_path (local);
    }
  else
    {
      folders = nf_source_case_folders ();
      for (guint i = 0; dirs != NULL && dirs[i] != NULL; i++)
        g_ptr_array_insert (folders, (int) i, g_strdup (dirs[i]));
      for (guint i = 0; i < folders->len && found == NULL; i++)
        {
          char *path = g_build_filename (folders->pdata[i], local, NULL);

          g_ptr_array_add (tried, path);
          if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
            found = g_file_new_for_path (path);
        }
    }
  if (out_tried)
    *out_tried = g_steal_pointer (&tried);
  return found;
}
