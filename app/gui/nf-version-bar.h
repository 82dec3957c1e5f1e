/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NF_TYPE_VERSION_BAR (nf_version_bar_get_type ())
G_DECLARE_FINAL_TYPE (NfVersionBar, nf_version_bar, NF, VERSION_BAR, GtkWidget)

/* The banner over a version shown read only: `title` ("Version of … —
 * read only"), then Restore This Version (page.restore-version) and
 * Compare With Current (page.compare-version). */
GtkWidget *nf_version_bar_new (const char *title);

G_END_DECLS
