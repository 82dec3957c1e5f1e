/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nf-source.h"

G_BEGIN_DECLS

/* Where a source's file is, looked for as `ninefold check` and the source
 * reader both look: a file URI or an absolute path as it is; a relative
 * one in each of `dirs` in order (the canvas's own folder first, then
 * folders the user gave), then in the folders of the shipped cases'
 * sources: $NF_SEEDS_DIR, the build's copy (resources/cases/sources) and
 * the installed one (ninefold/cases/sources in the data folder Ninefold
 * was installed to, and in each of $XDG_DATA_DIRS).
 *
 * Returns the file found, or NULL: for a web address (and *out_local
 * FALSE), or when no file is at any of those places (and *out_local
 * TRUE). out_tried, when not NULL, gets the paths looked at, in order
 * (a GPtrArray of strings to free). */
GFile *nf_source_locate (NfSource           *source,
                         const char * const *dirs,
                         gboolean           *out_local,
                         GPtrArray         **out_tried);

/* The folders the shipped cases' sources are looked for in, after the
 * canvas's own: as nf_source_locate() walks them (strings to free). */
GPtrArray *nf_source_case_folders (void);

G_END_DECLS
