/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "nf-card-cache.h"
#include "nf-card-layout.h"
#include "nf-grid-style.h"
#include "nf-note.h"

G_BEGIN_DECLS

#define NF_TYPE_NOTE_CARD (nf_note_card_get_type ())
G_DECLARE_FINAL_TYPE (NfNoteCard, nf_note_card, NF, NOTE_CARD, GtkWidget)

/* Which version of a merge's conflict a card shows (nf-merge.h). */
typedef enum {
  NF_CONFLICT_SIDE_NONE,
  NF_CONFLICT_SIDE_OURS,
  NF_CONFLICT_SIDE_THEIRS,
} NfConflictSide;

/* One laid-out note of the editor's grid: a focusable LIST_ITEM labelled
 * with the note's text, showing the card's pixels as the render library
 * draws them (nf_card_render(), kept by an NfCardCache at the widget's
 * scale, so a redraw of an unchanged card is a texture),
 * and a drag source whose value is the note's id (a string). */
GtkWidget *nf_note_card_new          (void);
/* Shows `card` (which the grid layout owns) in `style`; `label` is the
 * text shown, for the accessible label. */
void       nf_note_card_set_card     (NfNoteCard        *self,
                                      NfCardLayout      *card,
                                      const NfGridStyle *style,
                                      const char        *label);
NfNote    *nf_note_card_get_note     (NfNoteCard        *self);
/* Marked with a ring and a badge, and said in the accessible
 * description ("Conflict: ours, …"). */
NfConflictSide nf_note_card_get_conflict (NfNoteCard    *self);
NfCardLayout *nf_note_card_get_card  (NfNoteCard        *self);
gboolean   nf_note_card_get_selected (NfNoteCard        *self);
void       nf_note_card_set_selected (NfNoteCard        *self,
                                      gboolean           selected);
/* What hovering the card shows: its whole text, then its evidence, tags
 * and source, as escaped Pango markup. */
char      *nf_note_card_get_tooltip_markup (NfNoteCard  *self);
/* The label its tooltip shows (a new widget, NULL for none). */
GtkWidget *nf_note_card_new_tooltip_label (NfNoteCard  *self);
/* The pixels it keeps (NULL before its first frame). For tests. */
NfCardCache *_nf_note_card_get_cache (NfNoteCard        *self);

G_END_DECLS
