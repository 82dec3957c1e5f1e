/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "nf-block.h"
#include "nf-card-layout.h"
#include "nf-grid-style.h"
#include "nf-render-types.h"

G_BEGIN_DECLS

typedef struct {
  NfCardLayout *card;
  NfRect        rect;
} NfGridCard;

/* One block of the grid as laid out: nf-grid-layout.c holds nine and
 * answers queries, nf-grid-block.c lays one out, nf-grid-renderer.c
 * draws it. Text origins are the top-left corners to hand to
 * pango_cairo_show_layout(). */
typedef struct {
  NfRect        rect;
  NfRect        title_rect;
  NfRect        glyph_rect;
  NfRect        content_rect;
  PangoLayout  *title;
  double        title_x, title_y;
  double        title_width;      /* what `title` is broken for */
  gboolean      has_glyph;        /* FALSE in a block too narrow for it */
  PangoLayout  *more;
  guint         more_count;       /* what `more` says */
  NfRect        more_rect;
  double        more_x, more_y;
  PangoLayout  *hint;
  double        hint_width;
  double        hint_x, hint_y;

  double        font_size;
  guint         n_notes;
  guint         n_hidden;
  GArray       *cards;            /* NfGridCard, in note order */
} NfGridBlock;

/* Places `cards` (every note of the block, in order) into block->content_rect,
 * shrinking their font and hiding the last ones as needed; fills
 * block->cards, font_size, n_hidden and the more marker. */
void _nf_grid_block_pack         (NfGridBlock       *block,
                                  PangoContext      *context,
                                  const NfGridStyle *style,
                                  NfCardLayout     **cards,
                                  guint              n_cards);
/* The height the block's cards take at `font_size` when nothing limits
 * it: what it would need to show every note. Measuring stops once the
 * need passes `cap` (the answer is then only known to exceed it), so a
 * block of many thousand notes costs what fits in the cap. */
double _nf_grid_block_need       (const NfGridStyle *style,
                                  double             width,
                                  double             font_size,
                                  double             cap,
                                  NfCardLayout     **cards,
                                  guint              n_cards);
/* The least content height at which the block shows a card: its first
 * note cut to one line at the smallest size, and "+N more" below when
 * there are others; 0 for a block without notes. */
double _nf_grid_block_least      (NfGridBlock       *block,
                                  PangoContext      *context,
                                  const NfGridStyle *style,
                                  double             width,
                                  NfCardLayout     **cards,
                                  guint              n_cards);
/* The least and the most content height an arrangement of the rows
 * can give `block`. */
void   _nf_grid_rows_range       (const NfGridStyle *style,
                                  double             height,
                                  const double       overhead[NF_N_BLOCKS],
                                  NfBlock            block,
                                  double            *fewest,
                                  double            *most);
/* The y of the four row edges of the grid (the top, the two edges
 * between rows, the bottom, with the gap below each row included), moved
 * from the standard thirds when `balance` and some block needs room
 * another can spare. need[] and overhead[] are each block's content
 * height wanted and its height taken by padding and title; least[] the
 * content height below which a block would show no card, which the
 * rows give every block when some arrangement can (even with `balance`
 * off). */
void   _nf_grid_rows_balance     (const NfGridStyle *style,
                                  double             height,
                                  const double       need[NF_N_BLOCKS],
                                  const double       overhead[NF_N_BLOCKS],
                                  const double       least[NF_N_BLOCKS],
                                  gboolean           balance,
                                  double             edges[4]);
/* Breaks the title into lines (only when the width changed) and places
 * it and the glyph at the top of block->rect. */
void _nf_grid_block_layout_title (NfGridBlock       *block,
                                  PangoContext      *context,
                                  const NfGridStyle *style,
                                  NfBlock            kind);
/* The block's hint, shown in place of cards when it has none. */
void _nf_grid_block_layout_hint  (NfGridBlock       *block,
                                  PangoContext      *context,
                                  const NfGridStyle *style,
                                  NfBlock            kind);

G_END_DECLS
