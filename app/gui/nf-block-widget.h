/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "nf-block.h"
#include "nf-grid-layout.h"
#include "nf-grid-style.h"
#include "nf-note.h"

G_BEGIN_DECLS

#define NF_TYPE_BLOCK_WIDGET (nf_block_widget_get_type ())
G_DECLARE_FINAL_TYPE (NfBlockWidget, nf_block_widget, NF, BLOCK_WIDGET, GtkWidget)

/* One block of the editor's grid: a focusable LIST labelled "Channels,
 * 4 notes", the parent of the NfNoteCards of every one of its notes.
 * When the grid could not fit them even as one-line cards, the block
 * scrolls on its own (a scrollbar at its right, the wheel, and focus
 * moving to a card out of sight). The frame and title are drawn by the
 * grid below it. */
GtkWidget *nf_block_widget_new            (NfBlock            block);
NfBlock    nf_block_widget_get_block      (NfBlockWidget     *self);
/* Takes the block's cards from a freshly allocated layout, reusing the
 * card widgets it has. */
void       nf_block_widget_sync           (NfBlockWidget     *self,
                                           NfGridLayout      *layout,
                                           const NfGridStyle *style);
/* The card widgets made so far: of a block that scrolls, those down to a
 * margin past its page, not one per note. */
guint      nf_block_widget_get_n_cards    (NfBlockWidget     *self);
/* How many card widgets all block widgets have made, for tests. */
guint      _nf_block_widget_get_n_cards_made (void);
GtkWidget *nf_block_widget_get_card       (NfBlockWidget     *self,
                                           guint              index);
/* The index of the note's card, or -1 when it has none here. */
int        nf_block_widget_find_card      (NfBlockWidget     *self,
                                           NfNote            *note);
/* The gap (0 … n cards) between cards nearest to a height in the
 * block's coordinates, and the line (height 0) that marks it. */
guint      nf_block_widget_gap_at         (NfBlockWidget     *self,
                                           double             y);
void       nf_block_widget_get_gap_line   (NfBlockWidget     *self,
                                           guint              index,
                                           NfRect            *out);
/* Highlights the block as a drop target with a line at gap `index`;
 * -1 takes the highlight away. */
void       nf_block_widget_set_drop_gap   (NfBlockWidget     *self,
                                           int                index);
int        nf_block_widget_get_drop_gap   (NfBlockWidget     *self);
gboolean   nf_block_widget_get_scrolls    (NfBlockWidget     *self);
GtkAdjustment *nf_block_widget_get_adjustment (NfBlockWidget *self);
void       nf_block_widget_scroll_to_card (NfBlockWidget     *self,
                                           guint              index);

G_END_DECLS
