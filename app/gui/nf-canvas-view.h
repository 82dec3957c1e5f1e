/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "nf-canvas.h"
#include "nf-grid-layout.h"

G_BEGIN_DECLS

#define NF_TYPE_CANVAS_VIEW (nf_canvas_view_get_type ())
G_DECLARE_FINAL_TYPE (NfCanvasView, nf_canvas_view, NF, CANVAS_VIEW, GtkWidget)

#define NF_TYPE_BLOCK_WIDGET (nf_block_widget_get_type ())
G_DECLARE_FINAL_TYPE (NfBlockWidget, nf_block_widget, NF, BLOCK_WIDGET, GtkWidget)

#define NF_TYPE_NOTE_CARD (nf_note_card_get_type ())
G_DECLARE_FINAL_TYPE (NfNoteCard, nf_note_card, NF, NOTE_CARD, GtkWidget)

/* One canvas as the nine-block grid: the frames and titles drawn through
 * the render library, and each block and each laid-out note a focusable
 * child widget (NfBlockWidget, NfNoteCard) with an accessible role and
 * label. Its actions: view.add-note (in the focused block), view.delete-note,
 * view.undo and view.redo. */
GtkWidget    *nf_canvas_view_new            (NfCanvas     *canvas);
NfCanvas     *nf_canvas_view_get_canvas     (NfCanvasView *self);
NfGridLayout *nf_canvas_view_get_layout     (NfCanvasView *self);
GtkWidget    *nf_canvas_view_get_block      (NfCanvasView *self,
                                             NfBlock       block);
/* The card of a note, or NULL while it is hidden. */
GtkWidget    *nf_canvas_view_get_card       (NfCanvasView *self,
                                             NfNote       *note);
/* Opens the in-place editor on a note's card. */
void          nf_canvas_view_edit_note      (NfCanvasView *self,
                                             NfNote       *note);

NfBlock       nf_block_widget_get_block     (NfBlockWidget *self);
NfNote       *nf_note_card_get_note         (NfNoteCard    *self);

G_END_DECLS
