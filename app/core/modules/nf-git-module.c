/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The `ninefold-git` module: libgit2, linked here rather than into the
 * program, so it is loaded only when a file's history is first read. */
#define G_LOG_DOMAIN "nf-git"

#include <gmodule.h>

#include "nf-git-lib-private.h"

#define M(name) .name = git_##name

static const NfGitLib table = {
  .size = sizeof (NfGitLib),
  M (libgit2_init), M (error_last),
  M (repository_open), M (repository_discover), M (repository_workdir), M (repository_free),
  M (revwalk_new), M (revwalk_sorting), M (revwalk_push_head), M (revwalk_next), M (revwalk_free),
  M (commit_lookup), M (commit_tree), M (commit_summary), M (commit_parentcount),
  M (commit_parent), M (commit_id), M (commit_author), M (commit_free),
  M (tree_entry_bypath), M (tree_entry_type), M (tree_entry_id), M (tree_entry_free), M (tree_free),
  M (oid_tostr_s), M (oid_fromstr), M (oid_equal), M (oid_cpy),
  M (buf_dispose),
  M (blob_lookup), M (blob_rawsize), M (blob_rawcontent), M (blob_free),
};

G_MODULE_EXPORT const NfGitLib *nf_module_table (void);

G_MODULE_EXPORT const NfGitLib *
nf_module_table (void)
{
  return &table;
}
