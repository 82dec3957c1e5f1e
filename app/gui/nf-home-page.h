/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <ninefold.h>

G_BEGIN_DECLS

#define NF_TYPE_HOME_PAGE (nf_home_page_get_type ())
G_DECLARE_FINAL_TYPE (NfHomePage, nf_home_page, NF, HOME_PAGE, GtkWidget)

/* The window's first tab: changes recovered from a session that crashed,
 * files that could not be opened, the open canvases as cards, and recent
 * files. It acts only through the window's actions (win.show-canvas,
 * win.restore-recovered, win.discard-recovered, win.open-recent,
 * win.compare), so it holds no document logic of its own. */
GtkWidget *nf_home_page_new                (GListModel      *canvases);
void       nf_home_page_set_busy           (NfHomePage      *self,
                                            gboolean         busy);
void       nf_home_page_add_error          (NfHomePage      *self,
                                            const char      *name,
                                            const GError    *error);
guint      nf_home_page_get_n_errors       (NfHomePage      *self);
/* An array of NfRecoveryEntry; replaces what is shown. */
void       nf_home_page_set_recovered      (NfHomePage      *self,
                                            GPtrArray       *entries);
/* Rows in Recent Files: the settings' recent-files that still exist. */
guint      nf_home_page_get_n_recent       (NfHomePage      *self);
guint      nf_home_page_get_n_recovered    (NfHomePage      *self);
void       nf_home_page_remove_recovered   (NfHomePage      *self,
                                            const char      *id);

G_END_DECLS
