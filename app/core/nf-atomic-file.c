/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include "nf-i18n-private.h"
#include <glib/gstdio.h>

#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include "nf-atomic-file.h"

/* Most systems allow 255 bytes in one name; a temporary named after a
 * target that already uses them must be shortened, not fail. */
#define NAME_LIMIT 255
#define TEMP_SUFFIX_LEN 7  /* ".XXXXXX" */

struct _NfAtomicFile {
  char             *target;     /* the real file, symlinks resolved */
  char             *temp;
  char             *backup;     /* NULL without NF_ATOMIC_FILE_BACKUP */
  int               fd;
  gboolean          existed;
  GStatBuf          old;
};

static void (*step_hook) (const char *step);

void
_nf_atomic_file_set_step_hook (void (*hook) (const char *step))
{
  step_hook = hook;
}

static void
step (const char *name)
{
  if (step_hook != NULL)
    step_hook (name);
}

static void
set_errno_error (GError **error,
                 int      saved)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
}

/* Follows symbolic links to the file they name, so that the link is kept
 * and its target replaced rather than the link turned into a file. */
static char *
resolve_symlinks (const char  *path,
                  GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops < 40; hops++)
    {
      g_autofree char *target = NULL;
      g_autofree char *dir = NULL;
      GStatBuf buf;

      if (g_lstat (current, &buf) != 0 || !S_ISLNK (buf.st_mode))
        return g_steal_pointer (&current);
      target = g_file_read_link (current, NULL);
      if (target == NULL)
        return g_steal_pointer (&current);
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (target) ? g_strdup (target)
                                           : g_build_filename (dir, target, NULL);
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                       _("the file is a chain of too many symbolic links, or a loop"));
  return NULL;
}

/* “.NAME.” with NAME cut (at a character boundary) so that the temporary's
 * whole name fits the system's limit. */
static char *
temp_prefix (const char *base)
{
  gsize len = strlen (base);
  gsize room = NAME_LIMIT - 1 - TEMP_SUFFIX_LEN;

  if (len > room)
    {
      len = room;
      while (len > 0 && ((guchar) base[len] & 0xC0) == 0x80)
        len--;
    }
  return g_strdup_printf (".%.*s", (int) len, base);
}

/* A killed write leaves its temporary (never in place of the target);
 * the next write to the same target removes those of this user. */
static void
remove_stray_temporaries (const char *dir,
                          const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  gsize prefix_len = strlen (prefix);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf buf;

      if (strlen (name) != prefix_len + TEMP_SUFFIX_LEN ||
          strncmp (name, prefix, prefix_len) != 0 || name[prefix_len] != '.')
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &buf) != 0 || !S_ISREG (buf.st_mode) || buf.st_nlink != 1)
        continue;
#ifdef G_OS_UNIX
      if (buf.st_uid != getuid ())
        continue;
#endif
      g_unlink (path);
    }
}

/* Earlier versions saved through GIO's g_file_replace_contents, whose
 * temporary is “.goutputstream-XXXXXX” with nothing of the target in its
 * name; a kill left it behind for good. Any GIO program makes such names,
 * so one is removed only when it is clearly a canvas of ours that nothing
 * is writing any more: a regular file of this user with no other name,
 * untouched for a while, whose first bytes are a Ninefold canvas. */
#define GIO_TEMP_PREFIX ".goutputstream-"
#ifndef O_NOFOLLOW
#define O_NOFOLLOW 0
#endif
#define GIO_TEMP_MIN_AGE 60 /* seconds */

static gboolean
is_gio_temp_name (const char *name)
{
  gsize prefix_len = strlen (GIO_TEMP_PREFIX);

  if (strncmp (name, GIO_TEMP_PREFIX, prefix_len) != 0 || strlen (name) != prefix_len + 6)
    return FALSE;
  for (const char *p = name + prefix_len; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

static gboolean
starts_as_canvas (const char *path)
{
  char head[1024];
  gssize n;
  int fd = g_open (path, O_RDONLY | O_NOFOLLOW, 0);

  if (fd < 0)
    return FALSE;
  n = read (fd, head, sizeof head - 1);
  g_close (fd, NULL);
  if (n <= 0)
    return FALSE;
  head[n] = '\0';
  /* The declaration, then the root in the canvas namespace. */
  return g_str_has_prefix (head, "<?xml") && strstr (head, "<canvas") != NULL &&
         strstr (head, "\"urn:ninefold:canvas:") != NULL;
}

static void
remove_stray_gio_temporaries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf buf;

      if (!is_gio_temp_name (name))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &buf) != 0 || !S_ISREG (buf.st_mode) || buf.st_nlink != 1 ||
          now - (gint64) buf.st_mtime < GIO_TEMP_MIN_AGE)
        continue;
#ifdef G_OS_UNIX
      if (buf.st_uid != getuid ())
        continue;
#endif
      if (starts_as_canvas (path))
        g_unlink (path);
    }
}

static void
atomic_file_free (NfAtomicFile *self)
{
  if (self->fd >= 0)
    g_close (self->fd, NULL);
  g_free (self->target);
  g_free (self->temp);
  g_free (self->backup);
  g_free (self);
}

static gboolean
check_etag (const char  *target,
            const char  *etag,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL || g_strcmp0 (g_file_info_get_etag (info), etag) == 0)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                       _("the file was changed on disk since it was opened"));
  return FALSE;
}

NfAtomicFile *
nf_atomic_file_begin (GFile              *file,
                      NfAtomicFileFlags   flags,
                      const char         *etag,
                      GError            **error)
{
  NfAtomicFile *self;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_peek_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("only files on this computer can be written"));
      return NULL;
    }

  self = g_new0 (NfAtomicFile, 1);
  self->fd = -1;
  if (!(self->target = resolve_symlinks (path, error)))
    goto fail;
  base = g_path_get_basename (self->target);
  dir = g_path_get_dirname (self->target);

  if (g_stat (self->target, &self->old) == 0)
    {
      self->existed = TRUE;
      if (S_ISDIR (self->old.st_mode))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                               _("this is a folder; choose a file name to save to"));
          goto fail;
        }
      if (!S_ISREG (self->old.st_mode))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                               _("this is not a regular file, so it cannot be replaced"));
          goto fail;
        }
    }
  else if (errno != ENOENT)
    {
      set_errno_error (error, errno);
      goto fail;
    }

  if ((flags & NF_ATOMIC_FILE_BACKUP) && strlen (base) < NAME_LIMIT)
    self->backup = g_strconcat (self->target, "~", NULL);

  /* Replacing a hard-linked file by rename would leave its other names
   * pointing at the old content; rewriting it in place is not atomic.
   * Neither is safe, so say so — unless the other name is the backup link
   * an interrupted write of ours made. */
  if (self->existed && self->old.st_nlink > 1)
    {
      g_autofree char *backup = g_strconcat (self->target, "~", NULL);
      GStatBuf buf;

      if (!(self->old.st_nlink == 2 && g_lstat (backup, &buf) == 0 &&
            buf.st_dev == self->old.st_dev && buf.st_ino == self->old.st_ino))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("the file has other hard links, so it cannot be replaced "
                                 "safely; save it under another name"));
          goto fail;
        }
    }
  if (self->existed && etag != NULL && !check_etag (self->target, etag, error))
    goto fail;

  prefix = temp_prefix (base);
  remove_stray_temporaries (dir, prefix);
  if (flags & NF_ATOMIC_FILE_BACKUP)
    remove_stray_gio_temporaries (dir);
  {
    g_autofree char *name = g_strconcat (prefix, ".XXXXXX", NULL);

    self->temp = g_build_filename (dir, name, NULL);
  }
  /* The mode given here goes through the umask, as for any new file. */
  self->fd = g_mkstemp_full (self->temp, O_RDWR, 0666);
  if (self->fd < 0)
    {
      set_errno_error (error, errno);
      g_clear_pointer (&self->temp, g_free);
      goto fail;
    }
#ifdef G_OS_UNIX
  /* A replaced file keeps its owner and permissions. */
  if (self->existed)
    {
      if (fchown (self->fd, self->old.st_uid, self->old.st_gid) != 0)
        {
          /* Not ours to give away: the group alone, then the mode. */
          G_GNUC_UNUSED int ignored = fchown (self->fd, (uid_t) -1, self->old.st_gid);
        }
      fchmod (self->fd, self->old.st_mode & 07777);
    }
#endif
  step ("temporary");
  return self;

fail:
  atomic_file_free (self);
  return NULL;
}

const char *
nf_atomic_file_get_temp_path (NfAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp;
}

gboolean
nf_atomic_file_write (NfAtomicFile  *self,
                      const void    *data,
                      gsize          length,
                      GError       **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL, FALSE);

  while (length > 0)
    {
      gssize n = write (self->fd, p, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          set_errno_error (error, n < 0 ? errno : ENOSPC);
          return FALSE;
        }
      p += n;
      length -= (gsize) n;
    }
  return TRUE;
}

#ifdef G_OS_UNIX
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY, 0);

  if (fd >= 0)
    {
      g_fsync (fd);
      g_close (fd, NULL);
    }
}
#endif

gboolean
nf_atomic_file_commit (NfAtomicFile  *self,
                       char         **out_etag,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  step ("written");
  /* The bytes are on the disk before the name points at them, or a crash
   * of the system could leave the new name on an empty file. */
  if (g_fsync (self->fd) != 0)
    {
      set_errno_error (error, errno);
      nf_atomic_file_abort (self);
      return FALSE;
    }
  if (!g_close (self->fd, NULL))
    {
      self->fd = -1;
      set_errno_error (error, EIO);
      nf_atomic_file_abort (self);
      return FALSE;
    }
  self->fd = -1;
  step ("synced");
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      nf_atomic_file_abort (self);
      return FALSE;
    }

#ifdef G_OS_UNIX
  if (self->backup != NULL && self->existed)
    {
      GStatBuf buf;

      /* Our own link from an interrupted write is already the backup. */
      if (!(g_lstat (self->backup, &buf) == 0 && buf.st_dev == self->old.st_dev &&
            buf.st_ino == self->old.st_ino))
        {
          g_unlink (self->backup);
          if (link (self->target, self->backup) != 0 && errno != ENAMETOOLONG &&
              errno != EPERM && errno != ENOTSUP)
            {
              int saved = errno;

              g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANT_CREATE_BACKUP,
                           _("the backup copy could not be made: %s"), g_strerror (saved));
              nf_atomic_file_abort (self);
              return FALSE;
            }
          step ("backup");
        }
    }
#endif

  if (g_rename (self->temp, self->target) != 0)
    {
      set_errno_error (error, errno);
      nf_atomic_file_abort (self);
      return FALSE;
    }
  step ("renamed");
#ifdef G_OS_UNIX
  sync_folder (self->target);
#endif
  if (out_etag != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (self->target);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      *out_etag = info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
    }
  g_clear_pointer (&self->temp, g_free);
  atomic_file_free (self);
  return TRUE;
}

void
nf_atomic_file_abort (NfAtomicFile *self)
{
  if (self == NULL)
    return;
  if (self->temp != NULL)
    g_unlink (self->temp);
  atomic_file_free (self);
}

/* A file that is not on this computer (a GVFS location): GIO's replace,
 * closed with a cancelled GCancellable on a write error so that GIO drops
 * its temporary instead of renaming a short file into place. */
static gboolean
replace_remote (GFile         *file,
                const void    *data,
                gsize          length,
                gboolean       backup,
                const char    *etag,
                char         **out_etag,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;

  out = g_file_replace (file, etag, backup, G_FILE_CREATE_NONE, cancellable, error);
  if (out == NULL)
    return FALSE;
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), data, length, NULL, cancellable, error))
    {
      g_autoptr(GCancellable) abort = g_cancellable_new ();

      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error))
    return FALSE;
  if (out_etag)
    *out_etag = g_file_output_stream_get_etag (out);
  return TRUE;
}

gboolean
nf_atomic_file_replace_contents (GFile              *file,
                                 const void         *data,
                                 gsize               length,
                                 NfAtomicFileFlags   flags,
                                 const char         *etag,
                                 char              **out_etag,
                                 GCancellable       *cancellable,
                                 GError            **error)
{
  NfAtomicFile *self;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (g_file_peek_path (file) == NULL)
    return replace_remote (file, data, length, (flags & NF_ATOMIC_FILE_BACKUP) != 0, etag,
                           out_etag, cancellable, error);
  if (!(self = nf_atomic_file_begin (file, flags, etag, error)))
    return FALSE;
  if (!nf_atomic_file_write (self, data, length, error))
    {
      nf_atomic_file_abort (self);
      return FALSE;
    }
  return nf_atomic_file_commit (self, out_etag, cancellable, error);
}

gboolean
nf_atomic_file_same_file (GFile *a,
                          GFile *b)
{
  const char *pa = g_file_peek_path (a);
  const char *pb = g_file_peek_path (b);
  GStatBuf sa, sb;

  if (pa == NULL || pb == NULL)
    return g_file_equal (a, b);
  if (g_stat (pa, &sa) != 0 || g_stat (pb, &sb) != 0)
    return g_file_equal (a, b);
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
