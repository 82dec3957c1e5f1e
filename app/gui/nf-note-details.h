/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "nf-canvas.h"
#include "nf-note.h"

G_BEGIN_DECLS

#define NF_TYPE_NOTE_DETAILS (nf_note_details_get_type ())

G_DECLARE_FINAL_TYPE (NfNoteDetails, nf_note_details, NF, NOTE_DETAILS, GtkPopover)

/* A popover to see and set a note's evidence level, cited source and
 * line, tags and translations. Each change is one undoable edit of the
 * canvas, made as soon as a field is changed (a text field: on Enter or
 * leaving it); it follows the note's changes, undo included. */
GtkWidget *nf_note_details_new      (NfCanvas      *canvas,
                                     NfNote        *note);
NfNote    *nf_note_details_get_note (NfNoteDetails *self);

G_END_DECLS
