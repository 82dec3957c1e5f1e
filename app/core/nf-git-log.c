/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-git"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "nf-git-lib-private.h"
#include "nf-i18n-private.h"

#include "nf-git-log.h"
#include "nf-module-private.h"

struct _NfGitLog
{
  GObject     parent_instance;

  GFile      *file;
  char       *repository;    /* the work tree's .git, as libgit2 found it */
  char       *path;          /* the file in the repository, '/'-separated */
  GListStore *commits;
};

G_DEFINE_FINAL_TYPE (NfGitLog, nf_git_log, G_TYPE_OBJECT)

/* libgit2, from its module: set once, by ensure_libgit2. */
static const NfGitLib *git;

static void repository_free (git_repository *p) { git->repository_free (p); }
static void revwalk_free (git_revwalk *p) { git->revwalk_free (p); }
static void commit_free (git_commit *p) { git->commit_free (p); }
static void tree_free (git_tree *p) { git->tree_free (p); }
static void tree_entry_free (git_tree_entry *p) { git->tree_entry_free (p); }
static void blob_free (git_blob *p) { git->blob_free (p); }

G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_repository, repository_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_revwalk, revwalk_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_commit, commit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree, tree_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_tree_entry, tree_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (git_blob, blob_free)

/* Opens the module the first time a history is read (once: a module
 * missing now stays missing). */
static gboolean
ensure_libgit2 (GError **error)
{
  static gsize done = 0;
  static GError *load_error;

  if (g_once_init_enter (&done))
    {
      const NfGitLib *lib = _nf_module_table ("ninefold-git", sizeof (NfGitLib), &load_error);

      if (lib != NULL)
        lib->libgit2_init ();
      git = lib;
      g_once_init_leave (&done, 1);
    }
  if (git == NULL && error != NULL)
    *error = g_error_copy (load_error);
  return git != NULL;
}

/* libgit2's last message, for a failure about `name`. */
static void
set_git_error (GError    **error,
               const char *name,
               const char *doing)
{
  const git_error *e = git->error_last ();

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s: %s", name, doing,
               e != NULL && e->message != NULL ? e->message : _("unknown error"));
}

/* Symbolic links resolved, so the file and the work tree compare. */
static char *
real_path (const char *path)
{
#ifdef G_OS_UNIX
  char *resolved = realpath (path, NULL);

  if (resolved != NULL)
    {
      char *copy = g_strdup (resolved);

      free (resolved);
      return copy;
    }
#endif
  return g_canonicalize_filename (path, NULL);
}

static gboolean
entry_id (git_commit *commit,
          const char *path,
          git_oid    *out)
{
  g_autoptr(git_tree) tree = NULL;
  g_autoptr(git_tree_entry) entry = NULL;

  if (git->commit_tree (&tree, commit) != 0 ||
      git->tree_entry_bypath (&entry, tree, path) != 0 ||
      git->tree_entry_type (entry) != GIT_OBJECT_BLOB)
    return FALSE;
  git->oid_cpy (out, git->tree_entry_id (entry));
  return TRUE;
}

static NfGitCommit *
commit_info (git_commit *commit)
{
  const git_signature *author = git->commit_author (commit);
  const char *summary = git->commit_summary (commit);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (author != NULL ? author->when.time : 0);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (author != NULL ? author->when.offset * 60 : 0);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  g_autofree char *name = g_utf8_make_valid (author != NULL && author->name != NULL ? author->name : "", -1);
  g_autofree char *line = g_utf8_make_valid (summary != NULL ? summary : "", -1);

  return nf_git_commit_new (git->oid_tostr_s (git->commit_id (commit)), name, local, line);
}

static gboolean
open_repository (NfGitLog        *self,
                 git_repository **out,
                 GError         **error)
{
  g_autofree char *name = g_file_get_parse_name (self->file);

  if (git->repository_open (out, self->repository) != 0)
    {
      set_git_error (error, name, _("cannot open its git repository"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
walk (NfGitLog      *self,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_revwalk) walker = NULL;
  g_autofree char *name = g_file_get_parse_name (self->file);
  git_oid oid;
  guint looked = 0, listed = 0;

  if (!open_repository (self, &repo, error))
    return FALSE;
  if (git->revwalk_new (&walker, repo) != 0)
    {
      set_git_error (error, name, _("cannot read its history"));
      return FALSE;
    }
  git->revwalk_sorting (walker, GIT_SORT_TIME);
  /* No commit yet: an empty history, not an error. */
  if (git->revwalk_push_head (walker) != 0)
    return TRUE;
  while (looked < NF_GIT_LOG_MAX_WALK && listed < NF_GIT_LOG_MAX_COMMITS &&
         git->revwalk_next (&oid, walker) == 0)
    {
      g_autoptr(git_commit) commit = NULL;
      git_oid here, before;
      gboolean has, had = FALSE;

      looked++;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (git->commit_lookup (&commit, repo, &oid) != 0)
        continue;
      has = entry_id (commit, self->path, &here);
      if (!has)
        continue;
      if (git->commit_parentcount (commit) > 0)
        {
          g_autoptr(git_commit) parent = NULL;

          if (git->commit_parent (&parent, commit, 0) == 0)
            had = entry_id (parent, self->path, &before);
        }
      if (had && git->oid_equal (&here, &before))
        continue;
      {
        g_autoptr(NfGitCommit) info = commit_info (commit);

        g_list_store_append (self->commits, info);
        listed++;
      }
    }
  return TRUE;
}

NfGitLog *
nf_git_log_new (GFile         *file,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(NfGitLog) self = NULL;
  g_autoptr(git_repository) repo = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *real = NULL;
  g_autofree char *workdir = NULL;
  git_buf found = GIT_BUF_INIT;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!ensure_libgit2 (error))
    return NULL;
  name = g_file_get_parse_name (file);
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s is not in a git repository"), name);
      return NULL;
    }
  real = real_path (path);
  if (git->repository_discover (&found, real, 0, NULL) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s is not in a git repository"), name);
      return NULL;
    }
  self = g_object_new (NF_TYPE_GIT_LOG, NULL);
  self->file = g_object_ref (file);
  self->repository = g_strdup (found.ptr);
  git->buf_dispose (&found);
  if (!open_repository (self, &repo, error))
    return NULL;
  if (git->repository_workdir (repo) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s is not in a git repository"), name);
      return NULL;
    }
  workdir = real_path (git->repository_workdir (repo));
  if (!g_str_has_prefix (real, workdir) || (real[strlen (workdir)] != G_DIR_SEPARATOR &&
                                            !g_str_has_suffix (workdir, G_DIR_SEPARATOR_S)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s is not in a git repository"), name);
      return NULL;
    }
  self->path = g_strdup (real + strlen (workdir) + (real[strlen (workdir)] == G_DIR_SEPARATOR));
#ifdef G_OS_WIN32
  g_strdelimit (self->path, "\\", '/');
#endif
  if (!walk (self, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

static void
new_in_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  NfGitLog *log = nf_git_log_new (G_FILE (data), cancellable, &error);

  if (log == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, log, g_object_unref);
}

void
nf_git_log_new_async (GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, nf_git_log_new_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, new_in_thread);
}

NfGitLog *
nf_git_log_new_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
nf_git_log_get_file (NfGitLog *self)
{
  g_return_val_if_fail (NF_IS_GIT_LOG (self), NULL);
  return self->file;
}

GListModel *
nf_git_log_get_commits (NfGitLog *self)
{
  g_return_val_if_fail (NF_IS_GIT_LOG (self), NULL);
  return G_LIST_MODEL (self->commits);
}

GBytes *
nf_git_log_read (NfGitLog    *self,
                 const char  *id,
                 GError     **error)
{
  g_autoptr(git_repository) repo = NULL;
  g_autoptr(git_commit) commit = NULL;
  g_autoptr(git_blob) blob = NULL;
  g_autofree char *name = NULL;
  git_oid oid, blob_id;

  g_return_val_if_fail (NF_IS_GIT_LOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  name = g_file_get_parse_name (self->file);
  if (!open_repository (self, &repo, error))
    return NULL;
  if (git->oid_fromstr (&oid, id) != 0 || git->commit_lookup (&commit, repo, &oid) != 0)
    {
      set_git_error (error, name, _("no such commit"));
      return NULL;
    }
  if (!entry_id (commit, self->path, &blob_id) || git->blob_lookup (&blob, repo, &blob_id) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s is not in commit %.7s"), name, id);
      return NULL;
    }
  return g_bytes_new (git->blob_rawcontent (blob), (gsize) git->blob_rawsize (blob));
}

static void
nf_git_log_finalize (GObject *object)
{
  NfGitLog *self = NF_GIT_LOG (object);

  g_clear_object (&self->file);
  g_free (self->repository);
  g_free (self->path);
  g_clear_object (&self->commits);
  G_OBJECT_CLASS (nf_git_log_parent_class)->finalize (object);
}

static void
nf_git_log_class_init (NfGitLogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nf_git_log_finalize;
}

static void
nf_git_log_init (NfGitLog *self)
{
  self->commits = g_list_store_new (NF_TYPE_GIT_COMMIT);
}
