/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nf-canvas.h"

G_BEGIN_DECLS

/* Opens what a user picked: a canvas file, or a write-up (Markdown or plain
 * text) that the importer turns into a canvas. The content decides, not the
 * name; a file with no content to go by (empty, unreadable, missing) is
 * treated as its name suggests, so the error comes from the right reader.
 * Blocking: a GUI calls it through nf_document_load_async. */
NfCanvas *nf_load_any_file        (GFile               *file,
                                   gboolean            *out_imported,
                                   GCancellable        *cancellable,
                                   GError             **error);
/* The same, also giving the etag of a canvas file as read (NULL for a
 * write-up, which is never written back). */
NfCanvas *nf_load_any_file_with_etag (GFile           *file,
                                      gboolean        *out_imported,
                                      char           **out_etag,
                                      GCancellable    *cancellable,
                                      GError         **error);
/* Either, also giving what the importer mended in a write-up (see
 * nf_import_from_file_full); a canvas file gives no warnings (NULL). */
NfCanvas *nf_load_any_file_full   (GFile               *file,
                                   gboolean            *out_imported,
                                   char               **out_etag,
                                   GPtrArray          **out_warnings,
                                   GCancellable        *cancellable,
                                   GError             **error);
G_END_DECLS
