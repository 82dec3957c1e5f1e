/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <ninefold.h>

G_BEGIN_DECLS

#define NF_TYPE_WINDOW (nf_window_get_type ())

G_DECLARE_FINAL_TYPE (NfWindow, nf_window, NF, WINDOW, AdwApplicationWindow)

/* The main window: a pinned "Canvases" tab listing what is open, and a tab
 * per open document (an NfEditorPage). */
NfWindow   *nf_window_new              (GtkApplication  *application);
/* The four case companies that ship with Ninefold, as unsaved copies. */
void        nf_window_open_cases       (NfWindow        *self);
/* Canvas files and write-ups, loaded in the background. A file that fails
 * is reported in the window, naming it; the others open regardless, in
 * the order given. */
void        nf_window_open_files       (NfWindow        *self,
                                        GFile          **files,
                                        guint            n_files);
/* The same; with show_last, the last file's tab is shown once they are
 * in (files handed to a window already in use). */
void        nf_window_open_files_full  (NfWindow        *self,
                                        GFile          **files,
                                        guint            n_files,
                                        gboolean         show_last);
/* A GListModel of NfCanvas: what the window shows. */
GListModel *nf_window_get_canvases     (NfWindow        *self);
/* A GListModel of NfDocument, in the same order. */
GListModel *nf_window_get_documents    (NfWindow        *self);
/* Whether files are still loading ("busy" notifies when that changes). */
gboolean    nf_window_get_busy         (NfWindow        *self);
/* How many load errors are shown and not yet dismissed. */
guint       nf_window_get_n_errors     (NfWindow        *self);
/* Selects the canvas's tab, as activating its card does; win.back goes
 * back to the list. */
void        nf_window_show_canvas      (NfWindow        *self,
                                        NfCanvas        *canvas);
/* The canvas view of the selected tab, or NULL on the list. */
GtkWidget  *nf_window_get_canvas_view  (NfWindow        *self);
/* Where unsaved changes are kept against a crash; NULL for none. */
void        nf_window_set_recovery     (NfWindow        *self,
                                        NfRecovery      *recovery);
/* Lists what a crashed session left in the recovery folder on the list
 * page, each with Restore and Discard; returns how many. */
guint       nf_window_offer_recovered  (NfWindow        *self);
guint       nf_window_get_n_recovered  (NfWindow        *self);
/* Opens a tab comparing 2 to 4 canvases side by side; returns its view. */
GtkWidget  *nf_window_compare          (NfWindow        *self,
                                        NfCanvas       **canvases,
                                        guint            n_canvases);

G_END_DECLS
