/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nf-git-commit.h"

G_BEGIN_DECLS

#define NF_TYPE_GIT_LOG (nf_git_log_get_type ())

/* The commits of a git repository that changed one file, newest first,
 * and the file's bytes as each of them left it. The repository is read
 * with libgit2: no git program, no network, nothing written. */
G_DECLARE_FINAL_TYPE (NfGitLog, nf_git_log, NF, GIT_LOG, GObject)

/* At most this many commits are listed, and this many looked at. */
#define NF_GIT_LOG_MAX_COMMITS 500
#define NF_GIT_LOG_MAX_WALK    20000

/* Fails with G_IO_ERROR_NOT_FOUND, naming the file, when it is not in a
 * git work tree; a repository without commits gives an empty log. */
NfGitLog   *nf_git_log_new          (GFile               *file,
                                     GCancellable        *cancellable,
                                     GError             **error);
/* The same in a worker thread. */
void        nf_git_log_new_async    (GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
NfGitLog   *nf_git_log_new_finish   (GAsyncResult        *result,
                                     GError             **error);

GFile      *nf_git_log_get_file     (NfGitLog            *self);
/* A GListModel of NfGitCommit, newest first. */
GListModel *nf_git_log_get_commits  (NfGitLog            *self);
/* The file as commit `id` left it. */
GBytes     *nf_git_log_read         (NfGitLog            *self,
                                     const char          *id,
                                     GError             **error);

G_END_DECLS
