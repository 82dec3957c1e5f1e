/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The one way Ninefold replaces a file the user named: canvases, PDF
 * decks, PNG and SVG images, Markdown write-ups, and every export to come
 * (CSV, XLSX…) go through it. After it, the target is either the whole old
 * file or the whole new one, whatever happens (a full disk, a file-size
 * limit, a crash or SIGKILL at any moment), and a failed write leaves no
 * temporary file behind.
 *
 * The sequence: a temporary file beside the target (same folder, so the
 * rename stays on one file system; its name is cut to fit the system's
 * limit however long the target's is), the new bytes, fsync, optionally
 * a hard link of the old file as “NAME~”, rename over the target, fsync of
 * the folder. A symbolic link is followed: the file it names is replaced
 * and the link kept. A target with other hard links is refused (a rename
 * would split it, rewriting in place is not atomic) — except the one link
 * this sequence makes itself, “NAME~”, which a crash between the link and
 * the rename leaves behind; stray temporaries of an earlier killed write
 * to the same target are removed too. So a save recovers from its own
 * leftovers.
 *
 * Errors are in G_IO_ERROR; their message is the reason alone (“No space
 * left on device”), already translated, without the file's name: put the
 * name before it, as the callers' messages do (“Could not write “%s”: %s”).
 * G_IO_ERROR_WRONG_ETAG says the file changed on disk since `etag` was
 * read.
 *
 * Writers that hand bytes over call nf_atomic_file_replace_contents().
 * Writers that stream (or a library that wants a file name, like cairo)
 * call nf_atomic_file_begin(), then write with nf_atomic_file_write() or
 * to nf_atomic_file_get_temp_path(), then nf_atomic_file_commit() — or
 * nf_atomic_file_abort() on any failure of their own. Both commit and
 * abort free the NfAtomicFile.
 */

typedef enum {
  NF_ATOMIC_FILE_NONE   = 0,
  NF_ATOMIC_FILE_BACKUP = 1 << 0,  /* keep the old file as “NAME~” */
} NfAtomicFileFlags;

typedef struct _NfAtomicFile NfAtomicFile;

NfAtomicFile *nf_atomic_file_begin           (GFile              *file,
                                              NfAtomicFileFlags   flags,
                                              const char         *etag,
                                              GError            **error);
const char   *nf_atomic_file_get_temp_path   (NfAtomicFile       *self);
gboolean      nf_atomic_file_write           (NfAtomicFile       *self,
                                              const void         *data,
                                              gsize               length,
                                              GError            **error);
gboolean      nf_atomic_file_commit          (NfAtomicFile       *self,
                                              char              **out_etag,
                                              GCancellable       *cancellable,
                                              GError            **error);
void          nf_atomic_file_abort           (NfAtomicFile       *self);

gboolean      nf_atomic_file_replace_contents (GFile             *file,
                                               const void        *data,
                                               gsize              length,
                                               NfAtomicFileFlags  flags,
                                               const char        *etag,
                                               char             **out_etag,
                                               GCancellable      *cancellable,
                                               GError           **error);

/* Whether two paths name the same file (after links of both kinds), so a
 * command can refuse to write over one of its own inputs. */
gboolean      nf_atomic_file_same_file       (GFile              *a,
                                              GFile              *b);

/* For tests only: called with the name of each step of the sequence
 * ("temporary", "written", "synced", "backup", "renamed") as it is done,
 * so a test can kill the process there. */
void          _nf_atomic_file_set_step_hook  (void (*hook) (const char *step));

G_END_DECLS
