/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-file"

#include "config.h"

#include <errno.h>
#include <string.h>

#include "nf-i18n-private.h"
#include <glib/gstdio.h>

#include "nf-atomic-file.h"
#include "nf-canvas-private.h"
#include "nf-canvas-xml-private.h"
#include "nf-core-resources-private.h"

#define QUERY_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
  G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
  G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," \
  G_FILE_ATTRIBUTE_ETAG_VALUE

static char *
display_name (GFile *file)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);

  return g_steal_pointer (&parse_name);
}

/* GIO's messages repeat the path, which our messages already start with:
 * the reason alone, for the canvas loader and the importer alike. */
char *
_nf_file_io_problem (const GError *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return g_strdup (_("there is no such file"));
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return g_strdup (_("you do not have permission to read this file"));
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    return g_strdup (_("there is no such file: a part of its path is a file, not a folder"));
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_FILENAME_TOO_LONG))
    return g_strdup (_("the file name is too long for this system"));
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS))
    return g_strdup (_("the file is a loop of symbolic links"));
  if (cause->domain == G_IO_ERROR)
    {
      /* “Error opening file “/a/b”: Input/output error”: the part after
       * the file's name is the reason. */
      const char *colon = strrchr (cause->message, ':');

      if (colon != NULL && colon[1] == ' ' && colon[2] != '\0')
        return g_strdup (colon + 2);
    }
  return g_strdup (cause->message);
}

static void
set_io_error (GError       **error,
              const char    *name,
              const GError  *cause)
{
  g_autofree char *problem = _nf_file_io_problem (cause);

  _nf_xml_set_error (error, NF_CANVAS_ERROR_IO, name, 0, "%s", problem);
}

/* GIO does not fail a query it may not make (a folder on the way without
 * search permission): it reports a file of unknown type. */
const char *
_nf_file_not_regular_problem (GFile     *file,
                              GFileType  type,
                              gboolean   canvas)
{
  const char *path = g_file_peek_path (file);
  GStatBuf buf;

  if (type == G_FILE_TYPE_DIRECTORY)
    return canvas ? _("this is a folder, not a canvas file") : _("this is a folder, not a write-up");
  if (type == G_FILE_TYPE_UNKNOWN && path != NULL && g_stat (path, &buf) != 0 && errno == EACCES)
    return _("you do not have permission to read this file (or to open a folder on its path)");
  return _("this is not a regular file");
}

const char *
_nf_file_symlink_problem (GFile *file)
{
  const char *path = g_file_peek_path (file);
  GStatBuf buf;

  if (path != NULL && g_stat (path, &buf) != 0 && errno == ENOENT)
    return _("the file is a symbolic link to a file that does not exist");
  return _("the file is a loop of symbolic links");
}

/* Reads the whole file after checking, before a byte is read, that it is a
 * regular file of a size we accept: a FIFO, a device or a huge file would
 * otherwise hang us or eat memory. */
static GBytes *
read_canvas_file (GFile         *file,
                  char         **out_etag,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *name = display_name (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) after = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  goffset size;

  info = g_file_query_info (file, QUERY_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      set_io_error (error, name, local_error);
      return NULL;
    }
  /* GIO reports a link it cannot follow (a loop, or one to nothing) as
   * the link itself. */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SYMBOLIC_LINK)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_IO, name, 0, "%s",
                         _nf_file_symlink_problem (file));
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_IO, name, 0, "%s",
                         _nf_file_not_regular_problem (file, g_file_info_get_file_type (info),
                                                       TRUE));
      return NULL;
    }
  size = g_file_info_get_size (info);
  if (size > NF_CANVAS_MAX_FILE_SIZE)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, name, 0,
                         _("the file is larger than %d MiB, the most a canvas may be"),
                         NF_CANVAS_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      set_io_error (error, name, local_error);
      return NULL;
    }
  /* One byte more than the cap tells a file that grew while we read it. */
  bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), NF_CANVAS_MAX_FILE_SIZE + 1,
                                     cancellable, &local_error);
  if (bytes == NULL)
    {
      set_io_error (error, name, local_error);
      return NULL;
    }
  if (g_bytes_get_size (bytes) > NF_CANVAS_MAX_FILE_SIZE)
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, name, 0,
                         _("the file is larger than %d MiB, the most a canvas may be"),
                         NF_CANVAS_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  after = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                          cancellable, NULL);
  if (after != NULL &&
      (g_file_info_get_size (after) != (goffset) g_bytes_get_size (bytes) ||
       g_strcmp0 (g_file_info_get_etag (after), g_file_info_get_etag (info)) != 0))
    {
      _nf_xml_set_error (error, NF_CANVAS_ERROR_IO, name, 0,
                         _("the file changed while it was being read; try again"));
      return NULL;
    }
  if (out_etag)
    *out_etag = g_strdup (g_file_info_get_etag (after ? after : info));
  return g_steal_pointer (&bytes);
}

NfCanvas *
nf_canvas_load_from_file_with_etag (GFile         *file,
                                    char         **out_etag,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GBytes) bytes = NULL;
  NfCanvas *canvas;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(bytes = read_canvas_file (file, &etag, cancellable, error)))
    return NULL;
  name = display_name (file);
  canvas = nf_canvas_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     name, error);
  if (canvas && out_etag)
    *out_etag = g_steal_pointer (&etag);
  return canvas;
}

NfCanvas *
nf_canvas_load_from_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return nf_canvas_load_from_file_with_etag (file, NULL, cancellable, error);
}

gboolean
nf_canvas_save_to_file (NfCanvas      *self,
                        GFile         *file,
                        const char    *etag,
                        char         **out_etag,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (NF_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(bytes = nf_canvas_save_to_bytes (self, &local_error)))
    {
      g_autofree char *name = display_name (file);

      /* The message says what is wrong with the canvas; say where too. */
      g_prefix_error (&local_error, "%s: ", name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return nf_canvas_bytes_save_to_file (bytes, file, etag, out_etag, cancellable, error);
}

gboolean
nf_canvas_bytes_save_to_file (GBytes        *bytes,
                              GFile         *file,
                              const char    *etag,
                              char         **out_etag,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (nf_atomic_file_replace_contents (file, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), NF_ATOMIC_FILE_BACKUP,
                                       etag, out_etag, cancellable, &local_error))
    return TRUE;
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  name = display_name (file);
  _nf_xml_set_error (error, NF_CANVAS_ERROR_IO, name, 0,
                     _("could not save: %s"), local_error->message);
  return FALSE;
}

static const char * const case_paths[] = {
  "/org/ninefold/Ninefold/core/cases/000-bitauto.ninefold",
  "/org/ninefold/Ninefold/core/cases/001-alibaba.ninefold",
  "/org/ninefold/Ninefold/core/cases/002-senmiao.ninefold",
  "/org/ninefold/Ninefold/core/cases/003-shupao.ninefold",
  NULL
};

const char * const *
nf_case_resource_paths (void)
{
  _nf_core_ensure_resources ();
  return case_paths;
}

NfCanvas *
nf_canvas_load_case (guint    index,
                     GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *base;

  g_return_val_if_fail (index < G_N_ELEMENTS (case_paths) - 1, NULL);

  _nf_core_ensure_resources ();
  bytes = g_resources_lookup_data (case_paths[index], 0, error);
  if (bytes == NULL)
    return NULL;
  base = strrchr (case_paths[index], '/') + 1;
  return nf_canvas_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   base, error);
}
