/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-export-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-export-dialog-private.h"
#include "nf-export-markdown.h"
#include "nf-export-sheet.h"

/* The Export dialog's worker thread. It sees only copies of the canvases,
 * loaded from the bytes the dialog saved on the main thread, so the
 * canvases can be edited while it runs; and it reports progress back to
 * the main thread, never touching a widget itself. */

void
_nf_export_job_free (NfExportJob *job)
{
  g_ptr_array_unref (job->bytes);
  g_object_unref (job->file);
  g_free (job->lang);
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

/* Copies of the canvases, in the worker. */
static GPtrArray *
load_copies (GPtrArray  *bytes,
             GError    **error)
{
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < bytes->len; i++)
    {
      gsize size;
      const char *data = g_bytes_get_data (g_ptr_array_index (bytes, i), &size);
      NfCanvas *canvas = nf_canvas_load_from_data (data, size, "export", error);

      if (canvas == NULL)
        return NULL;
      g_ptr_array_add (canvases, canvas);
    }
  return g_steal_pointer (&canvases);
}

static gboolean
run_job (NfExportJob   *job,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GPtrArray) canvases = load_copies (job->bytes, error);
  g_autofree char *path = g_file_get_path (job->file);
  NfDeckOptions opts;

  if (canvases == NULL)
    return FALSE;
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Ninefold can export only to a local file"));
      return FALSE;
    }

  nf_deck_options_init (&opts);
  opts.page_size = job->size;
  opts.compare = job->what == NF_EXPORT_WHAT_COMPARISON;
  opts.lang = job->lang;
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
    case NF_EXPORT_FORMAT_CSV:
      if (opts.compare)
        return nf_export_compare_csv ((NfCanvas **) canvases->pdata, canvases->len, job->lang,
                                      path, cancellable, error);
      return nf_export_csv (g_ptr_array_index (canvases, 0), job->lang, path, cancellable, error);
    case NF_EXPORT_FORMAT_XLSX:
      if (opts.compare)
        return nf_export_compare_xlsx ((NfCanvas **) canvases->pdata, canvases->len, job->lang,
                                       path, cancellable, error);
      return nf_export_xlsx (g_ptr_array_index (canvases, 0), job->lang, path, cancellable, error);
    case NF_EXPORT_FORMAT_MARKDOWN:
    default:
      return nf_export_markdown_to_file (g_ptr_array_index (canvases, 0), job->lang, job->file,
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

/* --- The preview --- */

/* The picture is made at the size it is shown (a GtkPicture asks for its
 * image's size, and the dialog does not grow): three pages fit its width. */
#define PREVIEW_WIDTH 620
#define PREVIEW_GAP   10

void
_nf_export_preview_job_free (NfExportPreviewJob *job)
{
  g_ptr_array_unref (job->bytes);
  g_free (job->lang);
  g_free (job);
}

/* The first pages as the deck draws them, side by side on one image. */
void
_nf_export_preview_thread (GTask        *task,
                           gpointer      source,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  NfExportPreviewJob *job = task_data;
  GError *error = NULL;
  g_autoptr(GPtrArray) canvases = load_copies (job->bytes, &error);
  g_autoptr(NfDeckPages) pages = NULL;
  g_autoptr(GBytes) pixels = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  NfDeckOptions opts;
  double page_w, page_h;
  int width, height, page_width, page_height;
  guint n;

  if (canvases == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  nf_deck_options_init (&opts);
  opts.page_size = job->size;
  opts.compare = job->compare;
  opts.lang = job->lang;
  pages = nf_deck_pages_new (canvases, &opts, cancellable, NULL, NULL, &error);
  if (pages == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  n = nf_deck_pages_get_n_pages (pages);
  n = n > job->first ? MIN (n - job->first, job->n_pages) : 0;
  if (n == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no pages");
      return;
    }
  nf_deck_page_size_get (job->size, &page_w, &page_h);
  page_width = n == 1 ? PREVIEW_WIDTH * 3 / 5 : (PREVIEW_WIDTH - 2 * PREVIEW_GAP) / 3;
  page_height = (int) (page_width * page_h / page_w + 0.5);
  width = (int) n * page_width + ((int) n - 1) * PREVIEW_GAP;
  height = page_height;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  for (guint i = 0; i < n; i++)
    {
      double x = i * (page_width + PREVIEW_GAP);

      cairo_save (cr);
      cairo_translate (cr, x, 0);
      cairo_rectangle (cr, 0, 0, page_width, page_height);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
      nf_deck_pages_draw (pages, job->first + i, cr, page_width, page_height);
      cairo_restore (cr);
      /* A hairline, so a white slide shows as a page on a light dialog. */
      cairo_rectangle (cr, x + 0.5, 0.5, page_width - 1, page_height - 1);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* cairo's ARGB32 is GDK's default memory format. */
  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        (gsize) cairo_image_surface_get_stride (surface) * height);
  g_task_return_pointer (task,
                         gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels,
                                                 (gsize) cairo_image_surface_get_stride (surface)),
                         g_object_unref);
  cairo_surface_destroy (surface);
}
