/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <ninefold.h>

G_BEGIN_DECLS

/* Opens a canvas file or a write-up, told apart by content as the command
 * line does: a file starting with `<?xml` or `<canvas` is a canvas, loaded
 * with nf_canvas_load_file_async(); anything else goes to the importer, in
 * a thread. */
void      _nf_open_file_async  (GFile                *file,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data);
NfCanvas *_nf_open_file_finish (GAsyncResult         *result,
                                GError              **error);

G_END_DECLS
