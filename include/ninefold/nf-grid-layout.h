/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "nf-canvas.h"
#include "nf-card-layout.h"
#include "nf-grid-style.h"
#include "nf-render-types.h"

G_BEGIN_DECLS

#define NF_TYPE_GRID_LAYOUT (nf_grid_layout_get_type ())

G_DECLARE_FINAL_TYPE (NfGridLayout, nf_grid_layout, NF, GRID_LAYOUT, GObject)

/* Where everything of a canvas goes in the standard nine-block layout at
 * a given size: the blocks, their titles, and every note card with its
 * text broken into lines. It holds no widget state, so the editor, the
 * compare view and the exports share it; drawing is nf_grid_render().
 *
 * Sizes are in layout units (see nf-render-types.h). Text is shaped with
 * nf_render_pango_context_new(): 96 dpi, unhinted metrics, so the same
 * size lays out the same on any surface and at any cairo scale.
 *
 * When a block's notes do not fit, their font shrinks step by step down
 * to the style's minimum; if they still do not fit, the first ones are
 * laid out and the rest counted as hidden, for a "+N more" marker. A note
 * too long for a block on its own is cut short with an ellipsis.
 *
 * Laying out again is cheap: each note's lines and measurements are kept
 * and reused while its text and the card width stay the same. The
 * layout notices changed text itself (NfText is immutable, so a new
 * pointer is new text); nf_grid_layout_invalidate_note() forces it.
 *
 * Block titles and the evidence labels follow the user interface's
 * language (gettext); `lang` picks the notes' own translations. A NULL
 * style is the light one; the layout keeps a copy. */
NfGridLayout      *nf_grid_layout_new             (NfCanvas          *canvas,
                                                   const NfGridStyle *style,
                                                   const char        *lang);
NfCanvas          *nf_grid_layout_get_canvas      (NfGridLayout      *self);
const NfGridStyle *nf_grid_layout_get_style       (NfGridLayout      *self);
void               nf_grid_layout_set_style       (NfGridLayout      *self,
                                                   const NfGridStyle *style);
/* The language notes are shown in (nf_text_for_language()); NULL for
 * each note's own text. */
const char        *nf_grid_layout_get_language    (NfGridLayout      *self);
void               nf_grid_layout_set_language    (NfGridLayout      *self,
                                                   const char        *lang);
PangoContext      *nf_grid_layout_get_pango_context (NfGridLayout    *self);
/* Whether a crowded block may take height from a roomy one across a row
 * edge (the default); off, the rows are the standard thirds, as a side
 * by side comparison of canvases may want. */
gboolean           nf_grid_layout_get_balance_rows (NfGridLayout     *self);
void               nf_grid_layout_set_balance_rows (NfGridLayout     *self,
                                                    gboolean          balance_rows);

/* Lays the canvas out at this size, reusing what it can; call it after
 * the canvas or the size changed, before drawing. */
void               nf_grid_layout_allocate        (NfGridLayout      *self,
                                                   double             width,
                                                   double             height);
double             nf_grid_layout_get_width       (NfGridLayout      *self);
double             nf_grid_layout_get_height      (NfGridLayout      *self);
void               nf_grid_layout_invalidate_note (NfGridLayout      *self,
                                                   NfNote            *note);
void               nf_grid_layout_invalidate      (NfGridLayout      *self);

void               nf_grid_layout_get_block_rect  (NfGridLayout      *self,
                                                   NfBlock            block,
                                                   NfRect            *out_rect);
/* The glyph and the title together. */
void               nf_grid_layout_get_title_rect  (NfGridLayout      *self,
                                                   NfBlock            block,
                                                   NfRect            *out_rect);
/* Where the cards go. */
void               nf_grid_layout_get_content_rect (NfGridLayout     *self,
                                                    NfBlock           block,
                                                    NfRect           *out_rect);
/* The font size (points) of the block's cards. */
double             nf_grid_layout_get_font_size   (NfGridLayout      *self,
                                                   NfBlock            block);

/* The cards laid out in a block, in note order; the notes after them are
 * hidden. */
guint              nf_grid_layout_get_n_cards     (NfGridLayout      *self,
                                                   NfBlock            block);
NfCardLayout      *nf_grid_layout_get_card        (NfGridLayout      *self,
                                                   NfBlock            block,
                                                   guint              index,
                                                   NfRect            *out_rect);
guint              nf_grid_layout_get_n_hidden    (NfGridLayout      *self,
                                                   NfBlock            block);
/* FALSE when nothing in the block is hidden. */
gboolean           nf_grid_layout_get_more_rect   (NfGridLayout      *self,
                                                   NfBlock            block,
                                                   NfRect            *out_rect);
/* FALSE when the note is hidden or not in the canvas. */
gboolean           nf_grid_layout_get_card_rect   (NfGridLayout      *self,
                                                   NfNote            *note,
                                                   NfRect            *out_rect);

NfBlock            nf_grid_layout_block_at        (NfGridLayout      *self,
                                                   double             x,
                                                   double             y);
NfNote            *nf_grid_layout_note_at         (NfGridLayout      *self,
                                                   double             x,
                                                   double             y,
                                                   NfBlock           *out_block);

G_END_DECLS
