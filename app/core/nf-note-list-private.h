/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nf-note.h"

G_BEGIN_DECLS

/* A block's notes: a GListModel of NfNote kept in one array. GListStore
 * keeps a 40-byte sequence node per item and finds an item by walking a
 * tree; a canvas of 100,000 notes holds them for as long as it is open. */
#define NF_TYPE_NOTE_LIST (nf_note_list_get_type ())
G_DECLARE_FINAL_TYPE (NfNoteList, nf_note_list, NF, NOTE_LIST, GObject)

NfNoteList *nf_note_list_new    (void);
void        nf_note_list_insert (NfNoteList  *self,
                                 guint        index,
                                 NfNote      *note);
void        nf_note_list_remove (NfNoteList  *self,
                                 guint        index);
/* Appends n_notes notes, taking a reference to each: one items-changed. */
void        nf_note_list_append_many (NfNoteList  *self,
                                      NfNote     **notes,
                                      guint        n_notes);
gboolean    nf_note_list_find   (NfNoteList  *self,
                                 NfNote      *note,
                                 guint       *out_index);
/* The note at index, not a new reference; NULL past the end. */
NfNote     *nf_note_list_peek   (NfNoteList  *self,
                                 guint        index);

G_END_DECLS
