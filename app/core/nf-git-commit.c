/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-git"

#include "config.h"

#include "nf-git-commit.h"

struct _NfGitCommit
{
  GObject    parent_instance;

  char      *id;
  char      *short_id;
  char      *author;
  GDateTime *time;
  char      *summary;
};

G_DEFINE_FINAL_TYPE (NfGitCommit, nf_git_commit, G_TYPE_OBJECT)

static void
nf_git_commit_finalize (GObject *object)
{
  NfGitCommit *self = NF_GIT_COMMIT (object);

  g_free (self->id);
  g_free (self->short_id);
  g_free (self->author);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->summary);
  G_OBJECT_CLASS (nf_git_commit_parent_class)->finalize (object);
}

static void
nf_git_commit_class_init (NfGitCommitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nf_git_commit_finalize;
}

static void
nf_git_commit_init (NfGitCommit *self)
{
}

NfGitCommit *
nf_git_commit_new (const char *id,
                   const char *author,
                   GDateTime  *time,
                   const char *summary)
{
  NfGitCommit *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (time != NULL, NULL);

  self = g_object_new (NF_TYPE_GIT_COMMIT, NULL);
  self->id = g_strdup (id);
  self->short_id = g_strndup (id, 7);
  self->author = g_strdup (author != NULL ? author : "");
  self->time = g_date_time_ref (time);
  self->summary = g_strdup (summary != NULL ? summary : "");
  return self;
}

const char *
nf_git_commit_get_id (NfGitCommit *self)
{
  g_return_val_if_fail (NF_IS_GIT_COMMIT (self), NULL);
  return self->id;
}

const char *
nf_git_commit_get_short_id (NfGitCommit *self)
{
  g_return_val_if_fail (NF_IS_GIT_COMMIT (self), NULL);
  return self->short_id;
}

const char *
nf_git_commit_get_author (NfGitCommit *self)
{
  g_return_val_if_fail (NF_IS_GIT_COMMIT (self), NULL);
  return self->author;
}

GDateTime *
nf_git_commit_get_time (NfGitCommit *self)
{
  g_return_val_if_fail (NF_IS_GIT_COMMIT (self), NULL);
  return self->time;
}

const char *
nf_git_commit_get_summary (NfGitCommit *self)
{
  g_return_val_if_fail (NF_IS_GIT_COMMIT (self), NULL);
  return self->summary;
}
