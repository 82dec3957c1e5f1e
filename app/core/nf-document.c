/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-document"

#include "config.h"

#include "nf-i18n-private.h"

#include "nf-canvas-xml.h"
#include "nf-document.h"
#include "nf-open.h"

struct _NfDocument
{
  GObject   parent_instance;

  NfCanvas *canvas;
  GFile    *file;
  char     *etag;
  char     *id;
  guint     busy : 1;
};

G_DEFINE_FINAL_TYPE (NfDocument, nf_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CANVAS,
  PROP_FILE,
  PROP_BUSY,
  PROP_TITLE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
canvas_changed (NfDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
canvas_modified (NfDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
nf_document_dispose (GObject *object)
{
  NfDocument *self = NF_DOCUMENT (object);

  if (self->canvas != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->canvas, canvas_changed, self);
      g_signal_handlers_disconnect_by_func (self->canvas, canvas_modified, self);
    }
  g_clear_object (&self->canvas);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (nf_document_parent_class)->dispose (object);
}

static void
nf_document_finalize (GObject *object)
{
  NfDocument *self = NF_DOCUMENT (object);

  g_free (self->etag);
  g_free (self->id);
  G_OBJECT_CLASS (nf_document_parent_class)->finalize (object);
}

static void
nf_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NfDocument *self = NF_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_TITLE:
      g_value_take_string (value, nf_document_dup_title (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, nf_canvas_get_modified (self->canvas));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_document_class_init (NfDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nf_document_dispose;
  object_class->finalize = nf_document_finalize;
  object_class->get_property = nf_document_get_property;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, NF_TYPE_CANVAS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The canvas's, here too, so a view of documents watches one object. */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nf_document_init (NfDocument *self)
{
  self->id = g_uuid_string_random ();
}

NfDocument *
nf_document_new (NfCanvas   *canvas,
                 GFile      *file,
                 const char *etag)
{
  NfDocument *self;

  g_return_val_if_fail (NF_IS_CANVAS (canvas), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (NF_TYPE_DOCUMENT, NULL);
  self->canvas = g_object_ref (canvas);
  self->file = file != NULL ? g_object_ref (file) : NULL;
  self->etag = g_strdup (etag);
  g_signal_connect_swapped (canvas, "changed", G_CALLBACK (canvas_changed), self);
  g_signal_connect_swapped (canvas, "notify::modified", G_CALLBACK (canvas_modified), self);
  return self;
}

NfCanvas *
nf_document_get_canvas (NfDocument *self)
{
  g_return_val_if_fail (NF_IS_DOCUMENT (self), NULL);
  return self->canvas;
}

GFile *
nf_document_get_file (NfDocument *self)
{
  g_return_val_if_fail (NF_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
nf_document_get_etag (NfDocument *self)
{
  g_return_val_if_fail (NF_IS_DOCUMENT (self), NULL);
  return self->etag;
}

gboolean
nf_document_get_busy (NfDocument *self)
{
  g_return_val_if_fail (NF_IS_DOCUMENT (self), FALSE);
  return self->busy;
}

const char *
nf_document_get_id (NfDocument *self)
{
  g_return_val_if_fail (NF_IS_DOCUMENT (self), NULL);
  return self->id;
}

void
_nf_document_set_id (NfDocument *self,
                     const char *id)
{
  g_return_if_fail (NF_IS_DOCUMENT (self));
  g_return_if_fail (id != NULL);

  g_free (self->id);
  self->id = g_strdup (id);
}

static char *
file_display_basename (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);

  return base != NULL ? g_filename_display_name (base) : g_file_get_parse_name (file);
}

char *
nf_document_dup_title (NfDocument *self)
{
  const char *company;

  g_return_val_if_fail (NF_IS_DOCUMENT (self), NULL);

  company = nf_canvas_get_company (self->canvas);
  if (company != NULL && *company != '\0')
    return g_strdup (company);
  if (self->file != NULL)
    return file_display_basename (self->file);
  return g_strdup (_("Untitled Canvas"));
}

char *
nf_document_dup_suggested_name (NfDocument *self)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (NF_IS_DOCUMENT (self), NULL);

  if (self->file != NULL)
    return file_display_basename (self->file);
  title = nf_document_dup_title (self);
  /* A company name can hold a slash or other characters no file name may. */
  g_strdelimit (title, "/\\:*?\"<>|", '-');
  return g_strconcat (title, ".ninefold", NULL);
}

typedef struct {
  GBytes *bytes;
  GFile  *file;
  char   *etag;      /* NULL: do not check */
  char   *new_etag;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_bytes_unref (data->bytes);
  g_object_unref (data->file);
  g_free (data->etag);
  g_free (data->new_etag);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (nf_canvas_bytes_save_to_file (data->bytes, data->file, data->etag,
                                    &data->new_etag, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_busy (NfDocument *self,
          gboolean    busy)
{
  if (self->busy == !!busy)
    return;
  self->busy = !!busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
nf_document_save_async (NfDocument          *self,
                        GFile               *file,
                        gboolean             force,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SaveData *data;
  GBytes *bytes;
  gboolean same_file;

  g_return_if_fail (NF_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (file != NULL || self->file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nf_document_save_async);

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("The canvas is already being saved"));
      return;
    }
  if (file == NULL)
    file = self->file;
  /* The canvas is read here, on its own thread; the worker sees bytes. */
  if (!(bytes = nf_canvas_save_to_bytes (self->canvas, &error)))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* The message says what is wrong with the canvas; say where too. */
      g_prefix_error (&error, "%s: ", name);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  same_file = self->file != NULL && g_file_equal (file, self->file);

  data = g_new0 (SaveData, 1);
  data->bytes = bytes;
  data->file = g_object_ref (file);
  /* Another file's etag means nothing here; a new name is written as is
   * (the file chooser has asked about replacing it). */
  data->etag = !force && same_file ? g_strdup (self->etag) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  set_busy (self, TRUE);
  g_task_run_in_thread (task, save_thread);
}

gboolean
nf_document_save_finish (NfDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  SaveData *data;

  g_return_val_if_fail (NF_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (data == NULL)  /* refused before it started: nothing was changed */
    return g_task_propagate_boolean (G_TASK (result), error);

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  g_free (self->etag);
  self->etag = g_steal_pointer (&data->new_etag);
  if (self->file == NULL || !g_file_equal (self->file, data->file))
    {
      g_set_object (&self->file, data->file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  nf_canvas_mark_saved (self->canvas);
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  g_autofree char *etag = NULL;
  gboolean imported = FALSE;
  g_autoptr(NfCanvas) canvas = nf_load_any_file_with_etag (file, &imported, &etag,
                                                           cancellable, &error);

  if (canvas == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, nf_document_new (canvas, imported ? NULL : file, etag),
                           g_object_unref);
}

void
nf_document_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, nf_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

NfDocument *
nf_document_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
