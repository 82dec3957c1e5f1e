/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <ninefold.h>

G_BEGIN_DECLS

#define NF_TYPE_HISTORY_DIALOG (nf_history_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NfHistoryDialog, nf_history_dialog, NF, HISTORY_DIALOG, AdwWindow)

/* The commits of the git repository that changed `file` (the canvas's
 * file), read in a worker thread: each can be compared with the canvas as
 * it is now (unsaved changes included) or with another commit, opened in
 * a tab of its own, or restored into the canvas as one undoable step.
 * Signals: ::compare-requested (NfCanvas *earlier, NfCanvas *later) and
 * ::open-requested (NfCanvas *version, NfCanvas *canvas): the version to
 * show read only, and the canvas it is a version of. */
GtkWidget *nf_history_dialog_new      (GtkWindow       *parent,
                                       NfCanvas        *canvas,
                                       GFile           *file);
/* NULL while the history is read, or when it could not be. */
NfGitLog  *nf_history_dialog_get_log  (NfHistoryDialog *self);
/* The version commit `index` of the log holds, as a detached canvas
 * labelled with the commit; NULL with an error naming file and commit. */
NfCanvas  *nf_history_dialog_load     (NfHistoryDialog *self,
                                       guint            index,
                                       GError         **error);

G_END_DECLS
