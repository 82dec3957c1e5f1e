/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "nf-block-widget.h"
#include "nf-canvas.h"
#include "nf-grid-layout.h"
#include "nf-note-card.h"

G_BEGIN_DECLS

#define NF_TYPE_CANVAS_VIEW (nf_canvas_view_get_type ())
G_DECLARE_FINAL_TYPE (NfCanvasView, nf_canvas_view, NF, CANVAS_VIEW, GtkWidget)

/* One canvas as the nine-block grid: the frames and titles drawn through
 * the render library, and each block and each laid-out note a focusable
 * child widget (NfBlockWidget, NfNoteCard) with an accessible role and
 * label. Arrow keys walk the notes and blocks as the canvas lays them
 * out; its actions (view.add-note, view.edit-note, view.delete-note,
 * view.move-note, view.set-colour, view.edit-tags, view.note-menu,
 * view.show-block, view.undo, view.redo) work on the focused note and
 * the selection, through NfCanvas's edit functions, so all are undoable;
 * view.zoom-in, view.zoom-out and view.zoom-fit scale it. A note is
 * dragged by its id (a string) onto any block.
 *
 * Property "language": NULL shows each note's own text, a language tag
 * its translation where it has one. */
GtkWidget    *nf_canvas_view_new            (NfCanvas     *canvas);
NfCanvas     *nf_canvas_view_get_canvas     (NfCanvasView *self);
NfGridLayout *nf_canvas_view_get_layout     (NfCanvasView *self);
/* Takes `layout`, already laid out for this view's canvas (the start-up
 * thread's), if its style and language are the view's: the first frame
 * at that size then lays nothing out again. Returns whether it did. */
gboolean      _nf_canvas_view_adopt_layout  (NfCanvasView *self,
                                             NfGridLayout *layout);
/* How many times the view laid its grid out itself (an adopted layout
 * at the view's size counts none): for tests. */
guint         _nf_canvas_view_get_n_allocations (NfCanvasView *self);
GtkWidget    *nf_canvas_view_get_block      (NfCanvasView *self,
                                             NfBlock       block);
/* The card of a note, or NULL while it is hidden. */
GtkWidget    *nf_canvas_view_get_card       (NfCanvasView *self,
                                             NfNote       *note);
/* Opens the in-place editor on a note's card. */
void          nf_canvas_view_edit_note      (NfCanvasView *self,
                                             NfNote       *note);
/* Opens the in-place editor for a note not yet in the canvas, at `index`
 * of `block`; the note is added (one undo step) only when the edit is
 * committed with some text. */
void          nf_canvas_view_add_note_at    (NfCanvasView *self,
                                             NfBlock       block,
                                             guint         index);
/* What a drop does: moves `note` to the gap `index` of `block` (counted
 * with the note still in place), as one undo step. FALSE when that is
 * where it is already. */
/* The note the note actions apply to: the focused card's, or the one a
 * menu was opened for; NULL for none. */
NfNote       *nf_canvas_view_get_action_note (NfCanvasView *self);
gboolean      nf_canvas_view_drop_note      (NfCanvasView *self,
                                             NfNote       *note,
                                             NfBlock       block,
                                             guint         index);

/* 1 fits the canvas to the view; view.zoom-in, view.zoom-out and
 * view.zoom-fit (Ctrl+plus, Ctrl+minus, Ctrl+0, Ctrl+scroll) change it,
 * up to 4, and the view scrolls while it is above 1. */
double        nf_canvas_view_get_zoom       (NfCanvasView *self);
/* The view shows its zoom control (− 100 % +, and a way back from a
 * block shown alone) over its bottom right corner; a page with a toolbar
 * takes it to show there instead, off the cards. Transfer full. */
GtkWidget    *nf_canvas_view_take_zoom_control (NfCanvasView *self);

const char   *nf_canvas_view_get_language   (NfCanvasView *self);
void          nf_canvas_view_set_language   (NfCanvasView *self,
                                             const char   *language);

/* The selected notes (Ctrl+click, Shift+arrows), in canvas order; the
 * focused note is not counted unless selected. */
GPtrArray    *nf_canvas_view_get_selection  (NfCanvasView *self);
void          nf_canvas_view_select_note    (NfCanvasView *self,
                                             NfNote       *note,
                                             gboolean      selected);
/* Moves the focus to the note's card (scrolled into view when zoomed),
 * as a search match or a check's finding is shown. */
gboolean      nf_canvas_view_reveal_note    (NfCanvasView *self,
                                             NfNote       *note);

/* A read-only view (a version from git) disables every action that
 * edits (adding, editing, moving, deleting, colours, tags, details,
 * pasting, conflicts, undo and redo) and takes no drop. */
void          nf_canvas_view_set_read_only  (NfCanvasView *self,
                                             gboolean      read_only);
gboolean      nf_canvas_view_get_read_only  (NfCanvasView *self);
/* Selects the note alone, scrolls its card into sight and focuses it. */
void          nf_canvas_view_show_note      (NfCanvasView *self,
                                             NfNote       *note);

G_END_DECLS
