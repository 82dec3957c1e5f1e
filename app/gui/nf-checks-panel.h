/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ninefold.h"

G_BEGIN_DECLS

#define NF_TYPE_CHECKS_PANEL (nf_checks_panel_get_type ())

G_DECLARE_FINAL_TYPE (NfChecksPanel, nf_checks_panel, NF, CHECKS_PANEL, GtkWidget)

/* The findings of `ninefold check` on a canvas, a row each; activating
 * a row emits "show-subject" with the note or table it is about ("n35",
 * "t3 row 2"), which the page brings into view. checks.refresh checks
 * again, checks.close hides the panel. */
GtkWidget *nf_checks_panel_new        (void);
/* Checks `canvas` now, its sources looked for in source_dirs. */
void       nf_checks_panel_run        (NfChecksPanel      *self,
                                       NfCanvas           *canvas,
                                       const char * const *source_dirs);
guint      nf_checks_panel_get_n_rows (NfChecksPanel      *self);

G_END_DECLS
