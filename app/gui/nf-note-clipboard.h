/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "nf-canvas.h"

G_BEGIN_DECLS

/* The clipboard format of whole notes between Ninefold windows: a
 * GVariant of every field a note has (text and its translations, tags,
 * colour, evidence, source and line). Other programs get plain text. */
#define NF_NOTES_MIME_TYPE "application/x-ninefold-notes"

/* A provider of both formats for notes (NfNote), in the order given. */
GdkContentProvider *nf_note_clipboard_provide (GPtrArray   *notes,
                                               const char  *language);
/* Parses what nf_note_clipboard_provide() serialised, from anywhere: a
 * GPtrArray of detached notes with the fields that came intact, NULL
 * (with error) for bytes that are no list of notes. */
GPtrArray          *nf_note_clipboard_parse   (GBytes      *bytes,
                                               GError     **error);
/* Inserts copies of `notes` into `block` from `index` as one undoable
 * step; a cited source the canvas lacks is dropped. Returns the notes
 * inserted (owned by the canvas). */
GPtrArray          *nf_note_clipboard_insert  (NfCanvas    *canvas,
                                               GPtrArray   *notes,
                                               NfBlock      block,
                                               guint        index,
                                               const char  *label);

G_END_DECLS
