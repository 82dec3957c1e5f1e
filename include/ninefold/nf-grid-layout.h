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
 * Every note is laid out, always. The whole canvas has ONE text size:
 * the largest step from the style's base_font_size down to its
 * min_font_size (the readable minimum, 9 pt = 12 px in the presets) at
 * which every block holds its notes as full cards. When even the
 * smallest size does not do, each block on its own steps down through
 * the densities of NfCardDensity (full → compact → two lines → one line,
 * the clamped ones cut with an ellipsis) until its notes fit, in as few
 * columns as will take them, each column filled top to bottom and the
 * columns balanced. Rows lend height to crowded blocks (see
 * balance-rows), first so that every block can hold one-line cards. A
 * block that cannot hold even those lays its one-line cards out row by
 * row past its bottom: nf_grid_layout_get_scrolls() says so and
 * nf_grid_layout_get_scroll_height() how far; a window scrolls such a
 * block on its own, a page (PNG, PDF) shows what fits and "+N more".
 * So nf_grid_layout_allocate() is also the answer to "every note of this
 * canvas at the densest step this area needs".
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
/* The font size (points) of the block's cards: the same in every block
 * (but a focused one's). */
double             nf_grid_layout_get_font_size   (NfGridLayout      *self,
                                                   NfBlock            block);
/* The density of the block's cards. */
NfCardDensity      nf_grid_layout_get_density     (NfGridLayout      *self,
                                                   NfBlock            block);
/* How tall the block's cards are together, from the top of its content
 * rect; more than the content rect when the block scrolls. */
double             nf_grid_layout_get_scroll_height (NfGridLayout    *self,
                                                     NfBlock          block);
gboolean           nf_grid_layout_get_scrolls     (NfGridLayout      *self,
                                                   NfBlock            block);

/* A block shown alone over the whole area, with every note as a full
 * card at the base size (scrolling when they need more); the other
 * blocks get empty rectangles and no cards. NF_BLOCK_NONE (the default)
 * for the whole canvas. Takes effect at the next allocate. */
NfBlock            nf_grid_layout_get_focus_block (NfGridLayout      *self);
void               nf_grid_layout_set_focus_block (NfGridLayout      *self,
                                                   NfBlock            block);

/* A note being written (not in the canvas yet), laid out as if it stood
 * at `index` among the block's notes, so the cards after it make room
 * for it; NULL for none. The layout keeps a reference. Takes effect at
 * the next allocate. */
void               nf_grid_layout_set_pending_note (NfGridLayout    *self,
                                                    NfBlock          block,
                                                    guint            index,
                                                    NfNote          *note);

/* The cards laid out in a block, in note order: every note of the block
 * (none in a block hidden by another's focus). Cards of a scrolling
 * block may lie below its content rect. */
guint              nf_grid_layout_get_n_cards     (NfGridLayout      *self,
                                                   NfBlock            block);
NfCardLayout      *nf_grid_layout_get_card        (NfGridLayout      *self,
                                                   NfBlock            block,
                                                   guint              index,
                                                   NfRect            *out_rect);
/* How many of the block's cards are not wholly inside its content rect
 * (below it in a block that scrolls), as a page without scrolling would
 * lose them. */
guint              nf_grid_layout_get_n_hidden    (NfGridLayout      *self,
                                                   NfBlock            block);
/* Where a page draws "+N more" over a scrolling block; FALSE when
 * nothing in the block is hidden. */
gboolean           nf_grid_layout_get_more_rect   (NfGridLayout      *self,
                                                   NfBlock            block,
                                                   NfRect            *out_rect);
/* FALSE when the note is not in the canvas (or its block is hidden by
 * another's focus). */
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
