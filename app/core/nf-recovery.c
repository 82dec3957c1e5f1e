/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-recovery"

#include "config.h"

#include <string.h>

#include "nf-i18n-private.h"

#include "nf-canvas-xml.h"
#include "nf-recovery.h"

#define GROUP "Recovery"

struct _NfRecovery
{
  GObject     parent_instance;

  GFile      *folder;
  guint       interval;
  GHashTable *watches;    /* document id → Watch */
};

G_DEFINE_FINAL_TYPE (NfRecovery, nf_recovery, G_TYPE_OBJECT)

typedef struct {
  NfRecovery *recovery;   /* not a reference: the recovery owns the watch */
  NfDocument *document;
  guint       timeout_id;
  gulong      changed_id;
  gulong      modified_id;
} Watch;

static void
watch_free (Watch *watch)
{
  NfCanvas *canvas = nf_document_get_canvas (watch->document);

  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  g_clear_signal_handler (&watch->changed_id, canvas);
  g_clear_signal_handler (&watch->modified_id, canvas);
  g_object_unref (watch->document);
  g_free (watch);
}

static void
nf_recovery_dispose (GObject *object)
{
  NfRecovery *self = NF_RECOVERY (object);

  /* Copies stay on disk: a recovery that goes away with unsaved work
   * still watched is what a crash looks like to the next session. */
  g_clear_pointer (&self->watches, g_hash_table_unref);
  g_clear_object (&self->folder);
  G_OBJECT_CLASS (nf_recovery_parent_class)->dispose (object);
}

static void
nf_recovery_class_init (NfRecoveryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nf_recovery_dispose;
}

static void
nf_recovery_init (NfRecovery *self)
{
  self->interval = 2;
  self->watches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) watch_free);
}

NfRecovery *
nf_recovery_new (GFile *folder)
{
  NfRecovery *self;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (NF_TYPE_RECOVERY, NULL);
  self->folder = g_object_ref (folder);
  return self;
}

GFile *
nf_recovery_default_folder (void)
{
  return g_file_new_build_filename (g_get_user_state_dir (), "ninefold", "recovery", NULL);
}

GFile *
nf_recovery_get_folder (NfRecovery *self)
{
  g_return_val_if_fail (NF_IS_RECOVERY (self), NULL);
  return self->folder;
}

void
nf_recovery_set_interval (NfRecovery *self,
                          guint       seconds)
{
  g_return_if_fail (NF_IS_RECOVERY (self));
  self->interval = CLAMP (seconds, 1, 600);
}

static GFile *
copy_file (NfRecovery *self,
           const char *id,
           const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_file_get_child (self->folder, name);
}

static void
delete_copy (GFile      *folder,
             const char *id)
{
  static const char * const suffixes[] = { ".info", ".ninefold", ".ninefold~", NULL };

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (id, suffixes[i], NULL);
      g_autoptr(GFile) file = g_file_get_child (folder, name);

      g_file_delete (file, NULL, NULL);
    }
}

typedef struct {
  GFile  *folder;
  char   *id;
  GBytes *canvas;
  char   *info;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_object_unref (data->folder);
  g_free (data->id);
  g_bytes_unref (data->canvas);
  g_free (data->info);
  g_free (data);
}

/* The canvas first, then the key file that makes it visible to list(), so
 * a copy interrupted half-way is never offered. */
static gboolean
write_copy (WriteData  *data,
            GError    **error)
{
  g_autofree char *canvas_name = g_strconcat (data->id, ".ninefold", NULL);
  g_autofree char *info_name = g_strconcat (data->id, ".info", NULL);
  g_autoptr(GFile) canvas_file = g_file_get_child (data->folder, canvas_name);
  g_autoptr(GFile) info_file = g_file_get_child (data->folder, info_name);
  g_autofree char *info_path = g_file_get_path (info_file);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_make_directory_with_parents (data->folder, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!nf_canvas_bytes_save_to_file (data->canvas, canvas_file, NULL, NULL, NULL, error))
    return FALSE;
  return g_file_set_contents (info_path, data->info, -1, error);
}

static WriteData *
prepare_copy (NfRecovery  *self,
              NfDocument  *document,
              GError     **error)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autofree char *title = nf_document_dup_title (document);
  GFile *file = nf_document_get_file (document);
  GBytes *bytes;
  WriteData *data;

  if (!(bytes = nf_canvas_save_to_bytes (nf_document_get_canvas (document), error)))
    return NULL;

  g_key_file_set_string (info, GROUP, "Title", title);
  g_key_file_set_string (info, GROUP, "Time", stamp);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_key_file_set_string (info, GROUP, "File", uri);
      if (nf_document_get_etag (document) != NULL)
        g_key_file_set_string (info, GROUP, "Etag", nf_document_get_etag (document));
    }

  data = g_new0 (WriteData, 1);
  data->folder = g_object_ref (self->folder);
  data->id = g_strdup (nf_document_get_id (document));
  data->canvas = bytes;
  data->info = g_key_file_to_data (info, NULL, NULL);
  return data;
}

gboolean
nf_recovery_write_now (NfRecovery  *self,
                       NfDocument  *document,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  WriteData *data;
  gboolean ok;

  g_return_val_if_fail (NF_IS_RECOVERY (self), FALSE);
  g_return_val_if_fail (NF_IS_DOCUMENT (document), FALSE);

  if (!(data = prepare_copy (self, document, error)))
    return FALSE;
  ok = write_copy (data, error);
  write_data_free (data);
  return ok;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_copy (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
write_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  NfRecovery *self = NF_RECOVERY (object);
  WriteData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  Watch *watch;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not write the recovery copy of “%s”: %s", data->id, error->message);

  /* Saved, reverted or closed while the copy was being written: the copy
   * is stale and must not be offered later. */
  watch = self->watches != NULL ? g_hash_table_lookup (self->watches, data->id) : NULL;
  if (watch == NULL || !nf_canvas_get_modified (nf_document_get_canvas (watch->document)))
    delete_copy (data->folder, data->id);
}

static gboolean
timeout_cb (gpointer user_data)
{
  Watch *watch = user_data;
  NfRecovery *self = watch->recovery;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  watch->timeout_id = 0;
  if (!(data = prepare_copy (self, watch->document, &error)))
    {
      g_warning ("Could not prepare a recovery copy: %s", error->message);
      return G_SOURCE_REMOVE;
    }
  task = g_task_new (self, NULL, write_done, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
  return G_SOURCE_REMOVE;
}

static void
canvas_changed (Watch *watch)
{
  if (!nf_canvas_get_modified (nf_document_get_canvas (watch->document)))
    return;
  if (watch->timeout_id == 0)
    watch->timeout_id = g_timeout_add_seconds (watch->recovery->interval, timeout_cb, watch);
}

static void
modified_changed (Watch *watch)
{
  if (nf_canvas_get_modified (nf_document_get_canvas (watch->document)))
    {
      canvas_changed (watch);
      return;
    }
  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  delete_copy (watch->recovery->folder, nf_document_get_id (watch->document));
}

void
nf_recovery_watch (NfRecovery *self,
                   NfDocument *document)
{
  NfCanvas *canvas;
  Watch *watch;

  g_return_if_fail (NF_IS_RECOVERY (self));
  g_return_if_fail (NF_IS_DOCUMENT (document));

  if (g_hash_table_contains (self->watches, nf_document_get_id (document)))
    return;

  canvas = nf_document_get_canvas (document);
  watch = g_new0 (Watch, 1);
  watch->recovery = self;
  watch->document = g_object_ref (document);
  watch->changed_id = g_signal_connect_swapped (canvas, "changed",
                                                G_CALLBACK (canvas_changed), watch);
  watch->modified_id = g_signal_connect_swapped (canvas, "notify::modified",
                                                 G_CALLBACK (modified_changed), watch);
  g_hash_table_insert (self->watches, g_strdup (nf_document_get_id (document)), watch);
  canvas_changed (watch);
}

void
nf_recovery_forget (NfRecovery *self,
                    NfDocument *document)
{
  g_return_if_fail (NF_IS_RECOVERY (self));
  g_return_if_fail (NF_IS_DOCUMENT (document));

  g_hash_table_remove (self->watches, nf_document_get_id (document));
  delete_copy (self->folder, nf_document_get_id (document));
}

void
nf_recovery_entry_free (NfRecoveryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->title);
  g_clear_object (&entry->file);
  g_clear_pointer (&entry->time, g_date_time_unref);
  g_free (entry);
}

static NfRecoveryEntry *
read_entry (NfRecovery *self,
            const char *id,
            char      **out_etag)
{
  g_autoptr(GFile) info_file = copy_file (self, id, ".info");
  g_autoptr(GFile) canvas_file = copy_file (self, id, ".ninefold");
  g_autofree char *info_path = g_file_get_path (info_file);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *stamp = NULL;
  g_autofree char *uri = NULL;
  NfRecoveryEntry *entry;

  if (info_path == NULL || !g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL) ||
      !g_file_query_exists (canvas_file, NULL))
    return NULL;

  entry = g_new0 (NfRecoveryEntry, 1);
  entry->id = g_strdup (id);
  entry->title = g_key_file_get_string (info, GROUP, "Title", NULL);
  if (entry->title == NULL)
    entry->title = g_strdup (_("Untitled Canvas"));
  stamp = g_key_file_get_string (info, GROUP, "Time", NULL);
  entry->time = stamp != NULL ? g_date_time_new_from_iso8601 (stamp, NULL) : NULL;
  if (entry->time == NULL)
    entry->time = g_date_time_new_from_unix_utc (0);
  uri = g_key_file_get_string (info, GROUP, "File", NULL);
  entry->file = uri != NULL ? g_file_new_for_uri (uri) : NULL;
  if (out_etag != NULL)
    *out_etag = g_key_file_get_string (info, GROUP, "Etag", NULL);
  return entry;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const NfRecoveryEntry *ea = *(NfRecoveryEntry * const *) a;
  const NfRecoveryEntry *eb = *(NfRecoveryEntry * const *) b;
  int by_time = g_date_time_compare (eb->time, ea->time);

  return by_time != 0 ? by_time : g_strcmp0 (ea->id, eb->id);
}

GPtrArray *
nf_recovery_list (NfRecovery *self)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GPtrArray *entries;

  g_return_val_if_fail (NF_IS_RECOVERY (self), NULL);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) nf_recovery_entry_free);
  children = g_file_enumerate_children (self->folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (children == NULL)
    return entries;

  for (;;)
    {
      GFileInfo *child = NULL;
      const char *name;
      g_autofree char *id = NULL;
      NfRecoveryEntry *entry;

      if (!g_file_enumerator_iterate (children, &child, NULL, NULL, NULL) || child == NULL)
        break;
      name = g_file_info_get_name (child);
      if (!g_str_has_suffix (name, ".info"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".info"));
      /* Someone else's file in our folder, or a copy still running: skip. */
      if (g_hash_table_contains (self->watches, id) || !g_uuid_string_is_valid (id))
        continue;
      if ((entry = read_entry (self, id, NULL)) != NULL)
        g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, newest_first);
  return entries;
}

NfDocument *
nf_recovery_restore (NfRecovery  *self,
                     const char  *id,
                     GError     **error)
{
  g_autoptr(NfRecoveryEntry) entry = NULL;
  g_autoptr(GFile) canvas_file = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  g_autofree char *etag = NULL;
  NfDocument *document;

  g_return_val_if_fail (NF_IS_RECOVERY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!g_uuid_string_is_valid (id) || !(entry = read_entry (self, id, &etag)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The recovered copy is no longer there"));
      return NULL;
    }
  canvas_file = copy_file (self, id, ".ninefold");
  if (!(canvas = nf_canvas_load_from_file (canvas_file, NULL, error)))
    return NULL;

  document = nf_document_new (canvas, entry->file, etag);
  _nf_document_set_id (document, id);
  nf_canvas_mark_unsaved (canvas);
  return document;
}

void
nf_recovery_discard (NfRecovery *self,
                     const char *id)
{
  g_return_if_fail (NF_IS_RECOVERY (self));
  g_return_if_fail (id != NULL);

  if (g_uuid_string_is_valid (id))
    delete_copy (self->folder, id);
}
