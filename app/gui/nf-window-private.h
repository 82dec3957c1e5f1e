/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-grid-layout.h"
#include "nf-home-page.h"
#include "nf-window.h"

G_BEGIN_DECLS

struct _NfWindow
{
  AdwApplicationWindow  parent_instance;

  GListStore           *documents;  /* NfDocument, in tab order of opening */
  GListStore           *canvases;   /* their canvases, in the same order */
  NfRecovery           *recovery;
  /* Cancelled when the window goes, so late loads touch nothing. */
  GCancellable         *cancellable;
  GtkNativeDialog      *chooser;
  guint                 n_loading;
  guint                 n_saving;
  /* Set once the user has settled every unsaved document on close. */
  gboolean              may_close;

  AdwWindowTitle       *window_title;
  GtkMenuButton        *new_menu_button;
  GtkMenuButton        *main_menu_button;
  GMenuModel           *new_menu;
  GMenuModel           *primary_menu;
  GtkSpinner           *spinner;
  GtkWidget            *save_button;
  AdwTabBar            *tab_bar;
  AdwTabView           *tab_view;
  AdwToastOverlay      *toasts;
  /* The toast of the last failed open while it shows, and its text: the
   * same failure again does not queue a second one. */
  AdwToast             *open_error_toast;
  char                 *open_error_text;
  NfHomePage           *home;
  AdwTabPage           *home_page;
};

NfDocument *_nf_window_get_document        (NfWindow   *self);
AdwTabPage *_nf_window_find_page           (NfWindow   *self,
                                            NfDocument *document);
void        _nf_window_add_document        (NfWindow   *self,
                                            NfDocument *document,
                                            gboolean    select);
void        _nf_window_remove_document     (NfWindow   *self,
                                            NfDocument *document);
/* Case `index` of nf_case_resource_paths(), loaded into `canvas`, or the
 * error that loading it gave. */
void        _nf_window_add_case            (NfWindow     *self,
                                            guint         index,
                                            NfCanvas     *canvas,
                                            const GError *error);
/* A layout of one of the window's canvases, laid out elsewhere; its view
 * takes it if it fits (_nf_canvas_view_adopt_layout()). */
void        _nf_window_offer_layout        (NfWindow     *self,
                                            NfGridLayout *layout);
/* The size the canvas view of a window of the saved (or default) size
 * will have, from what restore_window_state() sets and the chrome
 * around the view (the window's shadow, header bar, tab bar and the
 * editor page's switcher). FALSE when it can't be known before the
 * window shows (maximized: the window manager decides). */
gboolean    _nf_window_first_view_size     (int          *width,
                                            int          *height);
void        _nf_window_set_n_loading       (NfWindow   *self,
                                            guint       n_loading);
void        _nf_window_update_state        (NfWindow   *self);
void        _nf_window_update_actions      (NfWindow   *self);
/* A short-lived message over every tab. `message` is plain text (it is
 * escaped: a toast's title is Pango markup). */
void        _nf_window_toast               (NfWindow   *self,
                                            const char *message);
/* "Exported “name”" with a button that opens the file, or its folder
 * when the export is several files beside it (CSV tables). */
void        _nf_window_toast_exported      (NfWindow   *self,
                                            GFile      *file);
void        _nf_window_save_window_state   (NfWindow   *self);
void        _nf_window_remember_file       (NfWindow   *self,
                                            GFile      *file);
void        _nf_window_class_init_actions  (NfWindowClass *klass);
void        _nf_window_class_init_view_actions (NfWindowClass *klass);
void        _nf_window_update_view_actions (NfWindow   *self);
void        _nf_window_init_actions        (NfWindow   *self);

G_END_DECLS
