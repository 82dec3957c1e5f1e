/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-export-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-export-dialog-private.h"
#include "nf-export-markdown.h"

/* The Export dialog's worker thread. It sees only copies of the canvases,
 * loaded from the bytes the dialog saved on the main thread, so the
 * canvases can be edited while it runs; and it reports progress back to
 * the main thread, never touching a widget itself. */

void
_nf_export_job_free (NfExportJob *job)
{
  g_ptr_array_unref (job->bytes);
  g_object_unref (job->file);
  g_object_unref (job->self);
  g_free (job);
}

typedef struct {
  NfExportDialog *self;
  guint           done;
  guint           total;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *p = data;

  _nf_export_dialog_show_progress (p->self, p->done, p->total);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *p = data;

  g_object_unref (p->self);
  g_free (p);
}

/* Called in the worker: the bar is updated on the main thread. */
static void
job_progress (guint    done,
              guint    total,
              gpointer user_data)
{
  NfExportJob *job = user_data;
  Progress *p = g_new0 (Progress, 1);

  p->self = g_object_ref (job->self);
  p->done = done;
  p->total = total;
  g_idle_add_full (G_PRIORITY_DEFAULT, show_progress, p, progress_free);
}

static gboolean
run_job (NfExportJob   *job,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_file_get_path (job->file);
  NfDeckOptions opts;

  for (guint i = 0; i < job->bytes->len; i++)
    {
      gsize size;
      const char *data = g_bytes_get_data (g_ptr_array_index (job->bytes, i), &size);
      NfCanvas *canvas = nf_canvas_load_from_data (data, size, "export", error);

      if (canvas == NULL)
        return FALSE;
      g_ptr_array_add (canvases, canvas);
    }
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Ninefold can export only to a local file"));
      return FALSE;
    }

  nf_deck_options_init (&opts);
  opts.page_size = job->size;
  opts.compare = job->what == NF_EXPORT_WHAT_COMPARISON;
  switch (job->format)
    {
    case NF_EXPORT_FORMAT_PDF:
      return nf_deck_export_pdf (canvases, &opts, path, cancellable, job_progress, job, error);
    case NF_EXPORT_FORMAT_PNG:
      if (opts.compare)
        return nf_deck_export_compare_png ((NfCanvas **) canvases->pdata, canvases->len, &opts,
                                           job->dpi, path, error);
      return nf_deck_export_png (g_ptr_array_index (canvases, 0), &opts, job->dpi, path, error);
    case NF_EXPORT_FORMAT_SVG:
      if (opts.compare)
        return nf_deck_export_compare_svg ((NfCanvas **) canvases->pdata, canvases->len, &opts,
                                           path, error);
      return nf_deck_export_svg (g_ptr_array_index (canvases, 0), &opts, path, error);
    case NF_EXPORT_FORMAT_MARKDOWN:
    default:
      return nf_export_markdown_to_file (g_ptr_array_index (canvases, 0), NULL, job->file,
                                         cancellable, error);
    }
}

void
_nf_export_job_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GError *error = NULL;

  if (run_job (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}
