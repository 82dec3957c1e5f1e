/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Libraries only some commands need (libgit2 for a file's history,
 * libxlsxwriter for spreadsheets) are linked into small modules of ours
 * that the core opens the first time one of those commands runs, so a
 * start of the window or of another command neither loads them nor has
 * every later library search pass over them. Each module exports one
 * function, `nf_module_table`, returning a table of the library's
 * functions that begins with its own size (a table of another build's
 * layout is refused). */

/* The table of module `name` (its file NAME.NF_MODULE_SUFFIX, in the
 * first of: $NF_MODULE_DIR, the installed folder, the build's
 * folder), opened once per process; NULL with `error` set where it cannot
 * be opened. Safe from any thread. */
gconstpointer _nf_module_table   (const char  *name,
                                  gsize        size,
                                  GError     **error);
/* Whether `name` has been opened in this process (for tests). */
gboolean      _nf_module_is_open (const char  *name);

G_END_DECLS
