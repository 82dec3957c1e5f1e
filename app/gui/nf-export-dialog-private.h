/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-export-dialog.h"

G_BEGIN_DECLS

/* One export, as the dialog hands it to its worker (nf-export-dialog-job.c). */
typedef struct {
  GPtrArray      *bytes;       /* GBytes of each canvas, saved on the main thread */
  NfExportWhat    what;
  NfExportFormat  format;
  NfDeckPageSize  size;
  double          dpi;
  GFile          *file;
  char           *lang;        /* translations to show, or NULL */
  NfExportDialog *self;        /* for progress; a reference */
} NfExportJob;

/* The preview's pages, drawn in a worker; the task returns a GdkTexture. */
typedef struct {
  GPtrArray      *bytes;       /* as NfExportJob's */
  gboolean        compare;
  NfDeckPageSize  size;
  char           *lang;
  guint           first;       /* the first page shown, from 0 */
  guint           n_pages;     /* at most this many */
} NfExportPreviewJob;

void _nf_export_preview_job_free     (NfExportPreviewJob *job);
void _nf_export_preview_thread       (GTask          *task,
                                      gpointer        source,
                                      gpointer        task_data,
                                      GCancellable   *cancellable);

void _nf_export_job_free             (NfExportJob    *job);
/* A GTaskThreadFunc; the task's data is the NfExportJob. */
void _nf_export_job_thread           (GTask          *task,
                                      gpointer        source,
                                      gpointer        task_data,
                                      GCancellable   *cancellable);
/* On the main thread: the bar shows slide `done` of `total`. */
void _nf_export_dialog_show_progress (NfExportDialog *self,
                                      guint           done,
                                      guint           total);

G_END_DECLS
