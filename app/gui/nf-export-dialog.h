/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <ninefold.h>

#include "nf-deck.h"

G_BEGIN_DECLS

typedef enum {
  NF_EXPORT_WHAT_CANVAS,      /* the first canvas given: the one in view */
  NF_EXPORT_WHAT_ALL,         /* every canvas given, in a deck */
  NF_EXPORT_WHAT_COMPARISON,  /* the canvases given, compared (2 to 4) */
} NfExportWhat;

typedef enum {
  NF_EXPORT_FORMAT_PDF,
  NF_EXPORT_FORMAT_PNG,
  NF_EXPORT_FORMAT_SVG,
  NF_EXPORT_FORMAT_MARKDOWN,
  NF_EXPORT_FORMAT_CSV,       /* the metric tables: a CSV per table */
  NF_EXPORT_FORMAT_XLSX,      /* the metric tables: a sheet per table */
} NfExportFormat;

#define NF_TYPE_EXPORT_DIALOG (nf_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (NfExportDialog, nf_export_dialog, NF, EXPORT_DIALOG, AdwWindow)

/* The Export dialog: what (this canvas, all the canvases, or their
 * comparison), the format, the page size, a PNG's resolution and the
 * file; then Export, with progress. It exports copies of the canvases
 * taken when Export is pressed, in a worker thread, so editing can go on
 * meanwhile; Cancel stops it and leaves any old file as it was. On
 * success it emits "exported" with the file and closes; a failure is
 * shown in the dialog. Above the choices, a preview of the first pages;
 * a language choice picks translations. `canvases[0]` is "this canvas"; with `compare`
 * the comparison is chosen to begin with. Modal and transient for
 * `parent`; present it with gtk_window_present(). */
GtkWidget      *nf_export_dialog_new            (GtkWindow      *parent,
                                                 NfCanvas      **canvases,
                                                 guint           n_canvases,
                                                 gboolean        compare);

/* What the rows show, for the lead's callers and for tests. */
void            nf_export_dialog_set_what       (NfExportDialog *self,
                                                 NfExportWhat    what);
NfExportWhat    nf_export_dialog_get_what       (NfExportDialog *self);
void            nf_export_dialog_set_format     (NfExportDialog *self,
                                                 NfExportFormat  format);
NfExportFormat  nf_export_dialog_get_format     (NfExportDialog *self);
NfDeckPageSize  nf_export_dialog_get_page_size  (NfExportDialog *self);
void            nf_export_dialog_set_page_size  (NfExportDialog *self,
                                                 NfDeckPageSize  size);
void            nf_export_dialog_set_dpi        (NfExportDialog *self,
                                                 double          dpi);
/* The language of the texts that have translations ("en", "zh"), or
 * NULL for them as written. */
void            nf_export_dialog_set_language   (NfExportDialog *self,
                                                 const char     *lang);
const char     *nf_export_dialog_get_language   (NfExportDialog *self);
/* The preview of the first pages (drawn by the deck's own code in a
 * worker), or NULL while it is being drawn or for a format without pages
 * ("notify::preview"). */
GdkPaintable   *nf_export_dialog_get_preview    (NfExportDialog *self);
/* The file to write; the chooser sets it too. */
void            nf_export_dialog_set_file       (NfExportDialog *self,
                                                 GFile          *file);
GFile          *nf_export_dialog_get_file       (NfExportDialog *self);
/* TRUE while an export runs ("notify::busy"). */
gboolean        nf_export_dialog_get_busy       (NfExportDialog *self);
/* The message shown after a failure or a cancel, or NULL. */
const char     *nf_export_dialog_get_message    (NfExportDialog *self);

G_END_DECLS
