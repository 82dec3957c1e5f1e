/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "nf-print.h"

struct _NfPrintJob {
  GObject            parent_instance;
  NfDeckPages       *pages;
  GtkPrintOperation *operation;
};

G_DEFINE_FINAL_TYPE (NfPrintJob, nf_print_job, G_TYPE_OBJECT)

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page_nr,
           NfPrintJob        *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  nf_deck_pages_draw (self->pages, (guint) page_nr, cr,
                      gtk_print_context_get_width (context),
                      gtk_print_context_get_height (context));
}

static void
nf_print_job_dispose (GObject *object)
{
  NfPrintJob *self = NF_PRINT_JOB (object);

  if (self->operation != NULL)
    g_signal_handlers_disconnect_by_data (self->operation, self);
  g_clear_object (&self->operation);
  G_OBJECT_CLASS (nf_print_job_parent_class)->dispose (object);
}

static void
nf_print_job_finalize (GObject *object)
{
  NfPrintJob *self = NF_PRINT_JOB (object);

  g_clear_pointer (&self->pages, nf_deck_pages_free);
  G_OBJECT_CLASS (nf_print_job_parent_class)->finalize (object);
}

static void
nf_print_job_class_init (NfPrintJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nf_print_job_dispose;
  object_class->finalize = nf_print_job_finalize;
}

static void
nf_print_job_init (NfPrintJob *self)
{
}

NfPrintJob *
nf_print_job_new (NfCanvas            **canvases,
                  guint                 n_canvases,
                  const NfDeckOptions  *opts,
                  GError              **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(NfPrintJob) self = NULL;
  NfDeckPages *pages;

  g_return_val_if_fail (canvases != NULL && n_canvases > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < n_canvases; i++)
    g_ptr_array_add (list, canvases[i]);
  /* Drawn now, from the canvases as they are: printing happens later,
   * page by page, and must not see edits made meanwhile. */
  pages = nf_deck_pages_new (list, opts, NULL, NULL, NULL, error);
  if (pages == NULL)
    return NULL;

  self = g_object_new (NF_TYPE_PRINT_JOB, NULL);
  self->pages = pages;
  self->operation = gtk_print_operation_new ();
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (self->operation, setup);
  gtk_print_operation_set_n_pages (self->operation, (int) nf_deck_pages_get_n_pages (pages));
  gtk_print_operation_set_unit (self->operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (self->operation, TRUE);
  gtk_print_operation_set_job_name (self->operation, _("Business model canvases"));
  g_signal_connect (self->operation, "draw-page", G_CALLBACK (draw_page), self);
  return g_steal_pointer (&self);
}

guint
nf_print_job_get_n_pages (NfPrintJob *self)
{
  g_return_val_if_fail (NF_IS_PRINT_JOB (self), 0);
  return nf_deck_pages_get_n_pages (self->pages);
}

GtkPrintOperation *
nf_print_job_get_operation (NfPrintJob *self)
{
  g_return_val_if_fail (NF_IS_PRINT_JOB (self), NULL);
  return self->operation;
}

GtkPrintOperationResult
nf_print_job_run (NfPrintJob               *self,
                  GtkPrintOperationAction   action,
                  GtkWindow                *parent,
                  GError                  **error)
{
  g_return_val_if_fail (NF_IS_PRINT_JOB (self), GTK_PRINT_OPERATION_RESULT_ERROR);
  return gtk_print_operation_run (self->operation, action, parent, error);
}

static void
show_error (GtkWindow *parent,
            GError    *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could not print"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Ends an asynchronous run: the job lets go of the operation. */
static void
operation_done (GtkPrintOperation       *operation,
                GtkPrintOperationResult  result,
                gpointer                 user_data)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (user_data, error);
    }
  g_object_set_data (G_OBJECT (operation), "nf-print-job", NULL);
}

void
nf_print_canvases (GtkWindow  *parent,
                   NfCanvas  **canvases,
                   guint       n,
                   gboolean    compare)
{
  g_autoptr(NfPrintJob) job = NULL;
  g_autoptr(GError) error = NULL;
  NfDeckOptions opts;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (canvases != NULL && n > 0);

  nf_deck_options_init (&opts);
  opts.compare = compare && n >= 2 && n <= 4;
  job = nf_print_job_new (canvases, n, &opts, &error);
  if (job == NULL)
    {
      show_error (parent, error);
      return;
    }
  /* The operation keeps itself alive while its dialog is up; the job
   * rides along on it, for draw-page. */
  g_object_set_data_full (G_OBJECT (job->operation), "nf-print-job", g_object_ref (job),
                          g_object_unref);
  gtk_print_operation_set_allow_async (job->operation, TRUE);
  g_signal_connect (job->operation, "done", G_CALLBACK (operation_done), parent);
  if (nf_print_job_run (job, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (parent, error);
}
