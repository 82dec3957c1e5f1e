/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NF_TYPE_GIT_COMMIT (nf_git_commit_get_type ())

/* One commit of a git repository that changed a canvas's file: what the
 * history shows of it. Immutable. */
G_DECLARE_FINAL_TYPE (NfGitCommit, nf_git_commit, NF, GIT_COMMIT, GObject)

NfGitCommit *nf_git_commit_new          (const char *id,
                                         const char *author,
                                         GDateTime  *time,
                                         const char *summary);
/* The full hexadecimal id, and its first seven digits. */
const char  *nf_git_commit_get_id       (NfGitCommit *self);
const char  *nf_git_commit_get_short_id (NfGitCommit *self);
const char  *nf_git_commit_get_author   (NfGitCommit *self);
GDateTime   *nf_git_commit_get_time     (NfGitCommit *self);
/* The message's first paragraph, on one line. */
const char  *nf_git_commit_get_summary  (NfGitCommit *self);

G_END_DECLS
