/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The window templates, style sheet and shortcuts are compiled into the
 * GUI library; this makes them visible under /org/ninefold/Ninefold.
 * Cheap after the first call. */
void _nf_gui_ensure_resources (void);

G_END_DECLS
