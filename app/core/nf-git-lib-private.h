/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <git2.h>

/* The libgit2 functions a file's history uses, from the `ninefold-git`
 * module (see nf-module-private.h): each member has its function's type. */
#define NF_GIT_LIB_MEMBER(name) __typeof__ (git_##name) *name

typedef struct {
  gsize size;
  NF_GIT_LIB_MEMBER (libgit2_init);
  NF_GIT_LIB_MEMBER (error_last);
  NF_GIT_LIB_MEMBER (repository_open);
  NF_GIT_LIB_MEMBER (repository_discover);
  NF_GIT_LIB_MEMBER (repository_workdir);
  NF_GIT_LIB_MEMBER (repository_free);
  NF_GIT_LIB_MEMBER (revwalk_new);
  NF_GIT_LIB_MEMBER (revwalk_sorting);
  NF_GIT_LIB_MEMBER (revwalk_push_head);
  NF_GIT_LIB_MEMBER (revwalk_next);
  NF_GIT_LIB_MEMBER (revwalk_free);
  NF_GIT_LIB_MEMBER (commit_lookup);
  NF_GIT_LIB_MEMBER (commit_tree);
  NF_GIT_LIB_MEMBER (commit_summary);
  NF_GIT_LIB_MEMBER (commit_parentcount);
  NF_GIT_LIB_MEMBER (commit_parent);
  NF_GIT_LIB_MEMBER (commit_id);
  NF_GIT_LIB_MEMBER (commit_author);
  NF_GIT_LIB_MEMBER (commit_free);
  NF_GIT_LIB_MEMBER (tree_entry_bypath);
  NF_GIT_LIB_MEMBER (tree_entry_type);
  NF_GIT_LIB_MEMBER (tree_entry_id);
  NF_GIT_LIB_MEMBER (tree_entry_free);
  NF_GIT_LIB_MEMBER (tree_free);
  NF_GIT_LIB_MEMBER (oid_tostr_s);
  NF_GIT_LIB_MEMBER (oid_fromstr);
  NF_GIT_LIB_MEMBER (oid_equal);
  NF_GIT_LIB_MEMBER (oid_cpy);
  NF_GIT_LIB_MEMBER (buf_dispose);
  NF_GIT_LIB_MEMBER (blob_lookup);
  NF_GIT_LIB_MEMBER (blob_rawsize);
  NF_GIT_LIB_MEMBER (blob_rawcontent);
  NF_GIT_LIB_MEMBER (blob_free);
} NfGitLib;

#undef NF_GIT_LIB_MEMBER
