/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <ninefold.h>

G_BEGIN_DECLS

#define NF_TYPE_WINDOW (nf_window_get_type ())

G_DECLARE_FINAL_TYPE (NfWindow, nf_window, NF, WINDOW, AdwApplicationWindow)

NfWindow   *nf_window_new           (GtkApplication  *application);
/* The four case companies that ship with Ninefold. */
void        nf_window_open_cases    (NfWindow        *self);
/* Canvas files and write-ups, loaded in the background. A file that fails
 * is reported in the window, naming it; the others open regardless, in
 * the order given. */
void        nf_window_open_files    (NfWindow        *self,
                                     GFile          **files,
                                     guint            n_files);
/* A GListModel of NfCanvas: what the window shows. */
GListModel *nf_window_get_canvases  (NfWindow        *self);
/* Whether files are still loading ("busy" notifies when that changes). */
gboolean    nf_window_get_busy      (NfWindow        *self);
/* How many load errors are shown and not yet dismissed. */
guint       nf_window_get_n_errors  (NfWindow        *self);
/* Shows one canvas in the editor (an NfCanvasView), as activating its
 * card in the list does; win.back goes back to the list. */
void        nf_window_show_canvas   (NfWindow        *self,
                                     NfCanvas        *canvas);
/* The editor shown, or NULL on the list. */
GtkWidget  *nf_window_get_canvas_view (NfWindow      *self);

G_END_DECLS
