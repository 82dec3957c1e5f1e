/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nf-canvas.h"

G_BEGIN_DECLS

/* Limits checked before and while parsing, so a hostile file is refused
 * early, with bounded time and memory. */
#define NF_CANVAS_MAX_FILE_SIZE   (16 * 1024 * 1024)
#define NF_CANVAS_MAX_FIELD_SIZE  (64 * 1024)
#define NF_CANVAS_MAX_NOTES       1000000
/* Past what any real canvas has, so that every path (loading, drawing,
 * comparing, exporting) stays fast; docs/THREATS.md lists them. */
#define NF_CANVAS_MAX_TRANSLATIONS 1000     /* of one text, title or name */
#define NF_CANVAS_MAX_TAGS         1000     /* on one note */
#define NF_CANVAS_MAX_CONFLICT_MARKS 1000   /* <contradicts> on one note */
#define NF_CANVAS_MAX_CITE_LINES   100000   /* in one cited range of lines */
#define NF_CANVAS_MAX_COLUMNS      1000     /* of one table */
#define NF_CANVAS_MAX_ROWS         10000    /* of one table */
/* Of all the tables of a canvas, translations included: three canvases
 * at it compare (`ninefold diff`) within a second of CPU time. */
#define NF_CANVAS_MAX_CELLS        100000
#define NF_CANVAS_MAX_ATTRIBUTES   64       /* on one element, with namespace declarations */
#define NF_CANVAS_MAX_EXTENSION_NODES 100000 /* elements, texts and comments kept verbatim */

/* For a process that only reads canvases and never writes one (`ninefold
 * diff` and `check`): loads then skip the check that the canvas, written
 * out again in the canonical form, would stay under the size limit (which
 * every other load makes: anything that loads can be saved). */
void      nf_canvas_set_loads_read_only (gboolean read_only);

/* `name` is what error messages call the input (a file's display name). */
NfCanvas *nf_canvas_load_from_data  (const char   *data,
                                     gsize         length,
                                     const char   *name,
                                     GError      **error);
NfCanvas *nf_canvas_load_from_file  (GFile        *file,
                                     GCancellable *cancellable,
                                     GError      **error);
/* The canonical bytes: the same canvas always gives the same bytes. Fails
 * only if the result would not load back. */
GBytes   *nf_canvas_save_to_bytes   (NfCanvas     *self,
                                     GError      **error);
/* Atomic: the file is either the whole old or the whole new content; the
 * old one is kept as `name~`. A symlink is followed to its target, and the
 * target replaced atomically; a file with several hard links is refused,
 * since replacing it would split it from its other names. With an etag,
 * a file changed on disk since it was read is refused with
 * G_IO_ERROR_WRONG_ETAG, and nothing is written. */
gboolean  nf_canvas_save_to_file    (NfCanvas     *self,
                                     GFile        *file,
                                     const char   *etag,
                                     char        **out_etag,
                                     GCancellable *cancellable,
                                     GError      **error);
/* The same, for bytes from nf_canvas_save_to_bytes: what a save in a
 * worker thread calls, so the canvas is read only on its own thread. */
gboolean  nf_canvas_bytes_save_to_file (GBytes       *bytes,
                                        GFile        *file,
                                        const char   *etag,
                                        char        **out_etag,
                                        GCancellable *cancellable,
                                        GError      **error);

/* Like load_from_file, also giving the etag of what was read. */
NfCanvas *nf_canvas_load_from_file_with_etag (GFile        *file,
                                              char        **out_etag,
                                              GCancellable *cancellable,
                                              GError      **error);

/* The four case companies shipped with Ninefold, as resource paths. */
const char * const *nf_case_resource_paths (void);
NfCanvas *nf_canvas_load_case       (guint         index,
                                     GError      **error);

G_END_DECLS
