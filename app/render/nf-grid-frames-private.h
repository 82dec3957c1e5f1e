/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "nf-card-cache-private.h"
#include "nf-grid-layout.h"

G_BEGIN_DECLS

/* The most cards of one block whose images are checked against each
 * other; a block showing more has them blended. */
#define NF_GRID_MAX_CHECKED 128

/* What a frame's cards will cover of their block, found before the
 * frames are drawn. */
typedef struct {
  /* The card's image lies on the block's fill and nothing else. */
  gboolean on_block[NF_GRID_MAX_CHECKED];
  /* And its pixels will be copied over it whole (opaque, in the clip):
   * nothing need be written under it first. */
  gboolean covered[NF_GRID_MAX_CHECKED];
  int      holes[NF_GRID_MAX_CHECKED][4];   /* the covered boxes, by x0 */
  guint    n_holes;
} NfGridBlockPlan;

typedef struct {
  NfGridBlockPlan blocks[NF_N_BLOCKS];
} NfGridCardPlan;

/* The frames (background, blocks' boxes, glyphs, titles, hints) as
 * vectors, whatever the target. */
void     _nf_grid_frames_draw          (cairo_t              *cr,
                                        NfGridLayout         *layout,
                                        const NfGridStyle    *style);
/* The frames onto an image from pixels kept on the layout, drawn again
 * only when something they show changed; or, for a frame after one of
 * other frames (a resize, a zoom step), straight onto the target without
 * keeping them, the blocks' boxes left unwritten under the cards `plan`
 * says cover them (`out_direct` set: their cards are then to be drawn
 * straight too). FALSE, drawing nothing, when the device transform is
 * not a plain scale. `clip`: the target's. */
gboolean _nf_grid_frames_draw_retained (cairo_t              *cr,
                                        NfGridLayout         *layout,
                                        const NfGridStyle    *style,
                                        const NfCardClip     *clip,
                                        const NfGridCardPlan *plan,
                                        gboolean             *out_direct);
/* Drops the frames' kept pixels. */
void     _nf_grid_frames_forget        (NfGridLayout         *layout);

G_END_DECLS
