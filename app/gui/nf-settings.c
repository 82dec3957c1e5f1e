/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-settings"

#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "nf-settings.h"
#include "nf-settings-resources.h"

#define COMPILED_SCHEMA "/org/ninefold/Ninefold/settings/gschemas.compiled"

/* GSettings reads schemas only from a folder, so the compiled copy linked
 * into the program is written to the cache first — under a name that is
 * its checksum, so every build gets its own and none is rewritten while
 * another instance reads it. */
static gboolean
write_schema (const char  *base,
              GBytes      *bytes,
              const char  *sum,
              char       **out_dir,
              GError     **error)
{
  g_autofree char *dir = g_build_filename (base, "ninefold", "schemas", sum, NULL);
  g_autofree char *path = g_build_filename (dir, "gschemas.compiled", NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "%s: %s", dir, g_strerror (saved));
          return FALSE;
        }
      if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                (gssize) g_bytes_get_size (bytes), error))
        return FALSE;
    }
  *out_dir = g_steal_pointer (&dir);
  return TRUE;
}

/* GSettings reads schemas only from a folder, so the compiled copy linked
 * into the program is written out first — into the cache, else the
 * temporary folder, under a name that is its checksum, so every build gets
 * its own and none is rewritten while another instance reads it. */
static GSettingsSchemaSource *
embedded_source (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *dir = NULL;

  bytes = g_resources_lookup_data (COMPILED_SCHEMA, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (!write_schema (g_get_user_cache_dir (), bytes, sum, &dir, NULL) &&
      !write_schema (g_get_tmp_dir (), bytes, sum, &dir, error))
    return NULL;
  return g_settings_schema_source_new_from_directory (dir,
                                                      g_settings_schema_source_get_default (),
                                                      TRUE, error);
}

static GSettingsSchema *
find_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) own = NULL;
  g_autoptr(GError) error = NULL;
  GSettingsSchema *schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, NF_APP_ID, TRUE);
  if (schema != NULL)
    return schema;

  own = embedded_source (&error);
  if (own == NULL)
    g_error ("The settings schema %s is not installed, and its built-in copy cannot be used: %s",
             NF_APP_ID, error->message);
  schema = g_settings_schema_source_lookup (own, NF_APP_ID, FALSE);
  if (schema == NULL)
    g_error ("The built-in settings schema lacks %s", NF_APP_ID);
  return schema;
}

GSettings *
nf_settings_new (void)
{
  static GSettingsSchema *schema;

  if (g_once_init_enter (&schema))
    {
      nf_settings_register_resource ();
      g_once_init_leave (&schema, find_schema ());
    }
  return g_settings_new_full (schema, NULL, NULL);
}
