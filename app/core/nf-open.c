/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-open"

#include "config.h"

#include <string.h>

#include "nf-canvas-xml.h"
#include "nf-import.h"
#include "nf-open.h"

/* Enough to get past a byte-order mark and any blank lines before the
 * first tag of any canvas we wrote or anyone would write by hand. */
#define SNIFF_SIZE 4096

typedef enum {
  KIND_UNKNOWN,
  KIND_CANVAS,
  KIND_WRITE_UP,
} Kind;

static gboolean
has_prefix (const char *p,
            const char *end,
            const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && memcmp (p, prefix, n) == 0;
}

static Kind
sniff (const char *data,
       gsize       length)
{
  const char *p = data;
  const char *end = data + length;
  const char *valid_end = NULL;

  /* Binary content (an image or archive renamed) is neither: the name
   * decides, so the message comes from the reader the user expected.
   * The head may end inside a character, so a short tail is allowed. */
  if (memchr (data, '\0', length) != NULL ||
      (!g_utf8_validate (data, length, &valid_end) && end - valid_end >= 4))
    return KIND_UNKNOWN;
  if (has_prefix (p, end, "\xef\xbb\xbf"))
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p == end)
    return KIND_UNKNOWN;
  if (has_prefix (p, end, "<?xml") || has_prefix (p, end, "<canvas"))
    return KIND_CANVAS;
  return KIND_WRITE_UP;
}

/* Only a regular file is read here: for anything else (missing, a
 * directory, a FIFO that would block) the canvas loader, which checks
 * before it reads, gives the clearest error. */
static Kind
sniff_file (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  char head[SNIFF_SIZE];
  gsize n = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return KIND_UNKNOWN;
  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n, NULL, NULL))
    return KIND_UNKNOWN;
  return sniff (head, n);
}

static gboolean
named_like_write_up (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  const char *suffixes[] = { ".md", ".markdown", ".txt" };

  if (base == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (base, suffixes[i]))
      return TRUE;
  return FALSE;
}

NfCanvas *
nf_load_any_file (GFile         *file,
                  gboolean      *out_imported,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return nf_load_any_file_with_etag (file, out_imported, NULL, cancellable, error);
}

NfCanvas *
nf_load_any_file_with_etag (GFile         *file,
                            gboolean      *out_imported,
                            char         **out_etag,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return nf_load_any_file_full (file, out_imported, out_etag, NULL, cancellable, error);
}

NfCanvas *
nf_load_any_file_full (GFile         *file,
                       gboolean      *out_imported,
                       char         **out_etag,
                       GPtrArray    **out_warnings,
                       GCancellable  *cancellable,
                       GError       **error)
{
  Kind kind;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  kind = sniff_file (file);

  /* An empty or unreadable file has no content to go by; its name decides
   * whose error message the user sees. */
  if (kind == KIND_UNKNOWN)
    kind = named_like_write_up (file) ? KIND_WRITE_UP : KIND_CANVAS;

  if (out_imported != NULL)
    *out_imported = kind == KIND_WRITE_UP;
  if (out_warnings)
    *out_warnings = NULL;
  if (kind == KIND_WRITE_UP)
    return nf_import_from_file_full (file, cancellable, out_warnings, error);
  return nf_canvas_load_from_file_with_etag (file, out_etag, cancellable, error);
}
