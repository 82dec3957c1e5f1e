/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nf-canvas.h"

G_BEGIN_DECLS

#define NF_TYPE_DOCUMENT (nf_document_get_type ())
G_DECLARE_FINAL_TYPE (NfDocument, nf_document, NF, DOCUMENT, GObject)

/* An open canvas and where it lives: its file (NULL for a new canvas, a
 * shipped case or an imported write-up, until saved), the etag of what was
 * read or last written (so a file changed by someone else is noticed
 * before it is overwritten), and an id that names its recovery copy.
 * Properties: file, busy (a save is running: the canvas must not be edited
 * meanwhile, since its modified state is settled when the save ends),
 * title, modified (the canvas's). */
NfDocument *nf_document_new                (NfCanvas      *canvas,
                                            GFile         *file,
                                            const char    *etag);
/* Opens a canvas file or imports a write-up (see nf_load_any_file) in a
 * worker thread. A write-up becomes a new, unsaved document: its file is
 * NULL, so the first save asks where. */
void        nf_document_load_async         (GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
NfDocument *nf_document_load_finish        (GAsyncResult        *result,
                                            GError             **error);
NfCanvas   *nf_document_get_canvas         (NfDocument    *self);
GFile      *nf_document_get_file           (NfDocument    *self);
const char *nf_document_get_etag           (NfDocument    *self);
gboolean    nf_document_get_busy           (NfDocument    *self);
/* Stable for the document's life; names its recovery copy. */
const char *nf_document_get_id             (NfDocument    *self);
void        _nf_document_set_id            (NfDocument    *self,
                                            const char    *id);
/* What a person calls it: the company, else the file's name, else
 * "Untitled Canvas". */
char       *nf_document_dup_title          (NfDocument    *self);
/* A file name to offer in Save As: the file's own, else the company's
 * name with ".ninefold". */
char       *nf_document_dup_suggested_name (NfDocument    *self);

/* Writes the canvas to `file` (NULL: its own file) atomically in a worker
 * thread. Unless `force`, a file changed on disk since it was read fails
 * with G_IO_ERROR_WRONG_ETAG and nothing is written. On success the
 * document takes the file and the new etag and the canvas is marked
 * saved; on failure nothing about the document changes (it stays
 * modified). */
void        nf_document_save_async         (NfDocument          *self,
                                            GFile               *file,
                                            gboolean             force,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    nf_document_save_finish        (NfDocument          *self,
                                            GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
