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
  NfExportDialog *self;        /* for progress; a reference */
} NfExportJob;

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
