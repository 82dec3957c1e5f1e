/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <ninefold.h>

#include "nf-deck.h"

G_BEGIN_DECLS

#define NF_TYPE_PRINT_JOB (nf_print_job_get_type ())

G_DECLARE_FINAL_TYPE (NfPrintJob, nf_print_job, NF, PRINT_JOB, GObject)

/* Printing of canvases: the pages of their deck (nf-deck.h) through
 * GtkPrintOperation, each slide scaled to fit the paper, landscape. The
 * pages are drawn by the deck's own functions (NfDeckPages), so the
 * printout and GTK's preview show what the PDF export shows. The deck
 * is made from the canvases as they are when the job is created. */
NfPrintJob *nf_print_job_new          (NfCanvas               **canvases,
                                       guint                    n_canvases,
                                       const NfDeckOptions     *opts,
                                       GError                 **error);
guint       nf_print_job_get_n_pages  (NfPrintJob              *self);
/* The operation, set up (pages, landscape, draw-page); for tests and to
 * export to a file with GTK_PRINT_OPERATION_ACTION_EXPORT. */
GtkPrintOperation *nf_print_job_get_operation (NfPrintJob     *self);
/* Runs the print dialog (PRINT_DIALOG), the preview (PREVIEW), or an
 * export; as gtk_print_operation_run(). */
GtkPrintOperationResult nf_print_job_run (NfPrintJob             *self,
                                          GtkPrintOperationAction action,
                                          GtkWindow              *parent,
                                          GError                **error);

/* What the editor's and compare view's Print commands call: the print
 * dialog (whose Preview shows the pages) for the canvases' deck, with
 * the comparison slides when `compare`. A failure is shown in a message
 * dialog on `parent`. */
void        nf_print_canvases         (GtkWindow               *parent,
                                       NfCanvas               **canvases,
                                       guint                    n,
                                       gboolean                 compare);

G_END_DECLS
