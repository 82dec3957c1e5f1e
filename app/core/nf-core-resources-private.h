/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The schema and the case canvases are compiled into the core; this makes
 * them visible under /org/ninefold/Ninefold/core. Cheap after the first call. */
void _nf_core_ensure_resources (void);

G_END_DECLS
