/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What Ninefold remembers (schema org.ninefold.Ninefold): window-width,
 * window-height, window-maximized, recent-files, autosave-interval and
 * export-page-size. Uses the installed schema when there is one, else the
 * copy compiled into the program, so it works from the build folder, in
 * tests (with GSETTINGS_BACKEND=memory) and on systems where the schema
 * was not installed. Never NULL.
 *
 * The first call also registers the application icon under the
 * application's resource path, where GtkApplication's icon theme looks,
 * so the window and About dialog have it even when it is not installed. */
GSettings *nf_settings_new (void);

G_END_DECLS
