/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nf-document.h"

G_BEGIN_DECLS

#define NF_TYPE_RECOVERY (nf_recovery_get_type ())
G_DECLARE_FINAL_TYPE (NfRecovery, nf_recovery, NF, RECOVERY, GObject)

/* Crash insurance. A watched document with unsaved changes is written to
 * a folder of its own (`ID.ninefold` beside `ID.info`, a key file naming
 * the original file, its etag and the time) a few seconds after each
 * change; the copy is deleted when the document is saved, closed or back
 * at its saved state. Whatever is in the folder when the app starts was
 * left by a session that did not end cleanly, and can be offered back. */
NfRecovery *nf_recovery_new             (GFile       *folder);
/* $XDG_STATE_HOME/ninefold/recovery (or the platform's equivalent). */
GFile      *nf_recovery_default_folder  (void);
GFile      *nf_recovery_get_folder      (NfRecovery  *self);
/* Seconds between a change and its copy being written (default 2). */
void        nf_recovery_set_interval    (NfRecovery  *self,
                                         guint        seconds);

void        nf_recovery_watch           (NfRecovery  *self,
                                         NfDocument  *document);
/* Stops watching and deletes the copy: for a document closed on purpose. */
void        nf_recovery_forget          (NfRecovery  *self,
                                         NfDocument  *document);
/* Writes the copy now (tests, and before a risky operation). */
gboolean    nf_recovery_write_now       (NfRecovery  *self,
                                         NfDocument  *document,
                                         GError     **error);

typedef struct {
  char      *id;
  char      *title;     /* the company or file name, for the offer */
  GFile     *file;      /* the original, or NULL if it was never saved */
  GDateTime *time;      /* when the copy was written */
} NfRecoveryEntry;

void        nf_recovery_entry_free      (NfRecoveryEntry *entry);
/* The copies present, newest first. Call at start-up, before watching. */
GPtrArray  *nf_recovery_list            (NfRecovery  *self);
/* The copy as a document (modified, with the original file and the etag
 * it had, so an original changed since is not overwritten unasked). The
 * copy stays until the document is saved or forgotten; the caller should
 * watch the document. */
NfDocument *nf_recovery_restore         (NfRecovery  *self,
                                         const char  *id,
                                         GError     **error);
void        nf_recovery_discard         (NfRecovery  *self,
                                         const char  *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NfRecoveryEntry, nf_recovery_entry_free)

G_END_DECLS
