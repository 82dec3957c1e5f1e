/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nf-canvas.h"

G_BEGIN_DECLS

/* Turns a business-model write-up (Markdown, or plain text with one
 * paragraph a line) into a canvas: each section named after a block
 * ("### Key Partners", "Partners", "Acme - Business Model: Channels", a
 * close misspelling or a synonym) gives that block one note per paragraph
 * or list item, and one metric table per pipe table, each citing its line
 * in the input as source "s1". The canvas comes with no history and
 * unmodified: the import is where editing starts.
 *
 * `name` is what error messages call the input; its base name becomes the
 * source's address. Input over NF_CANVAS_MAX_FILE_SIZE is refused with
 * NF_CANVAS_ERROR_TOO_LARGE, input with no business-model section with
 * NF_CANVAS_ERROR_NOT_A_CANVAS. Safe to call from any thread; time and
 * memory grow linearly with the input. */
NfCanvas *nf_import_from_data (const char   *data,
                               gsize         length,
                               const char   *name,
                               GError      **error);
NfCanvas *nf_import_from_file (GFile        *file,
                               GCancellable *cancellable,
                               GError      **error);

/* The same, also giving what the importer mended in the write-up (an
 * empty heading, a paragraph glued to a list item, emphasis markers or
 * list numbers left out of a note) as GErrors in NF_CANVAS_ERROR naming
 * the input and the line, for the user to check; an empty array when
 * nothing was mended, NULL when the import fails. */
NfCanvas *nf_import_from_data_full (const char   *data,
                                    gsize         length,
                                    const char   *name,
                                    GPtrArray   **out_warnings,
                                    GError      **error);
NfCanvas *nf_import_from_file_full (GFile        *file,
                                    GCancellable *cancellable,
                                    GPtrArray   **out_warnings,
                                    GError      **error);

/* A passage of a write-up (a few lines of Markdown or plain text) as the
 * text of one note, read as the importer reads it: markup, list numbers
 * and heading marks gone, white space collapsed. NULL when nothing is
 * left. */
char     *nf_import_passage_text   (const char   *passage);

G_END_DECLS
