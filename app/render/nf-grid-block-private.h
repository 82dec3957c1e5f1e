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

/* How a block's cards are arranged: at what density, in how many
 * columns, filled top to bottom up to `limit` (column-major), or, when
 * `overflow`, one-line cards row by row past the block's height, which
 * then scrolls. */
typedef struct {
  NfCardDensity density;
  guint         max_lines;        /* of LINES: as many as the block has room for */
  guint         n_columns;
  double        column_width;
  double        gap;
  double        limit;
  gboolean      overflow;
} NfGridPlan;

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
  /* The title broken for the width before: the grid tries two widths of
   * columns each frame (nf-grid-layout.c), and breaks each once. */
  PangoLayout  *title_alt;
  double        title_alt_width;
  gboolean      alt_has_glyph;
  PangoLayout  *more;
  guint         more_count;       /* what `more` says */
  NfRect        more_rect;
  double        more_x, more_y;
  PangoLayout  *hint;
  double        hint_width;
  double        hint_x, hint_y;

  double        font_size;
  NfGridPlan    plan;
  double        scroll_height;    /* of all the cards; above the content
                                   * rect's height when the block scrolls */
  guint         n_notes;
  guint         n_hidden;
  GArray       *cards;            /* NfGridCard, in note order */
} NfGridBlock;

/* The steps a block's cards can be shown at, from the whole text down:
 * full, compact, clamped to 6 … 2 lines, one line. */
#define NF_GRID_N_LEVELS 8

/* What each step needs: the least content height that holds every card
 * at it (measured, in the best column count; G_MAXDOUBLE past `cap`),
 * and how many cards show cut there. The rows are shared by it. */
typedef struct {
  double req[NF_GRID_N_LEVELS];
  double cut[NF_GRID_N_LEVELS];
  guint  n_levels;                /* of req and cut filled */
  guint  n_cards;
  double line;                    /* a one-line card and its gap */
  double text_line;               /* what a clamped card grows by a line */
} NfGridLadder;

/* The density and line count of a ladder's step. */
void   _nf_grid_level_density    (guint              level,
                                  NfCardDensity     *density,
                                  guint             *max_lines);

/* What a block costs when its height holds not even the ladder's last
 * step, at the least. */
#define NF_GRID_OVERFLOW_COST 40.0

/* Fills the ladder's first `n_levels` steps at `font_size`, for content
 * heights from `floor_height` (what every arrangement of the rows
 * gives: steps below one that fits in it copy it) to `cap`. */
void   _nf_grid_block_ladder     (const NfGridStyle *style,
                                  double             width,
                                  double             font_size,
                                  double             floor_height,
                                  double             cap,
                                  guint              n_levels,
                                  NfCardLayout     **cards,
                                  guint              n_cards,
                                  NfGridLadder      *ladder);
/* The ladder by the characters' average widths, every step, without
 * breaking a line: what the grid weighs column widths by. */
void   _nf_grid_block_ladder_guess (const NfGridStyle *style,
                                    double             width,
                                    double             font_size,
                                    NfCardLayout     **cards,
                                    guint              n_cards,
                                    NfGridLadder      *ladder);
/* What showing a block at content height `height` costs by its ladder:
 * 0 when every card shows whole, more for each card cut and the more
 * the fewer lines it keeps, in between where the height lies between
 * two steps (the cards of a column take spare lines one by one). */
double _nf_grid_ladder_cost      (const NfGridLadder *ladder,
                                  double              height);

/* Whether `cards` fit width × height at this font size and density,
 * trying column counts from the fewest (the widest, most readable
 * cards); fills `plan` when they do. */
gboolean _nf_grid_block_plan     (const NfGridStyle *style,
                                  double             width,
                                  double             height,
                                  double             font_size,
                                  NfCardDensity      density,
                                  NfCardLayout     **cards,
                                  guint              n_cards,
                                  NfGridPlan        *plan);
/* The densest plan, one-line cards in as many columns as the width
 * takes, row by row: it never fails, and overflows when the block is
 * too small even for it. */
void   _nf_grid_block_plan_overflow (const NfGridStyle *style,
                                     double             width,
                                     double             height,
                                     double             font_size,
                                     guint              n_cards,
                                     NfGridPlan        *plan);
/* Places every card by `plan` into block->content_rect, from the top;
 * fills block->cards, font_size, plan, scroll_height and n_hidden (the
 * cards not wholly inside the content rect). */
void   _nf_grid_block_place      (NfGridBlock       *block,
                                  PangoContext      *context,
                                  const NfGridStyle *style,
                                  double             font_size,
                                  const NfGridPlan  *plan,
                                  NfCardLayout     **cards,
                                  guint              n_cards);
/* The content height the densest plan needs to show every card without
 * scrolling (no text is measured for it); 0 for a block without notes. */
double _nf_grid_block_least      (const NfGridStyle *style,
                                  double             width,
                                  double             font_size,
                                  guint              n_cards);
/* The area the block's notes would cover as compact cards in one
 * column of `width`, by their characters' average widths (no line is
 * broken): what the columns of the grid share their width by. */
double _nf_grid_block_need       (const NfGridStyle *style,
                                  double             width,
                                  double             font_size,
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
#define NF_GRID_N_EDGES 5
/* Where row edge i (0 … 3) lies for a block: edges[1] on the left of the
 * value propositions, edges[4] on their right. */
double _nf_grid_rows_edge        (const double       edges[NF_GRID_N_EDGES],
                                  NfBlock            block,
                                  guint              i);
/* The y of the row edges of the grid (the top, the two edges between
 * rows, the bottom, with the gap below each row included, and the edge
 * between the top rows right of the value propositions): the standard
 * thirds unless `balance` and another arrangement shows more of the
 * notes by the blocks' ladders (the least total
 * _nf_grid_ladder_cost()). overhead[] is each block's height taken by
 * padding and title; least[] the content height below which a block
 * would show no card, which the rows give every block when some
 * arrangement can (even with `balance` off). Returns the total cost of
 * the edges chosen: 0 when every block shows its cards whole. */
double _nf_grid_rows_balance     (const NfGridStyle  *style,
                                  double              height,
                                  const NfGridLadder  ladders[NF_N_BLOCKS],
                                  const double        overhead[NF_N_BLOCKS],
                                  const double        least[NF_N_BLOCKS],
                                  gboolean            balance,
                                  double              edges[NF_GRID_N_EDGES]);
/* Breaks the title into lines (only when the width changed) and places
 * it and the glyph at the top of block->rect. */
/* For the row edge two blocks stacked in a column share, after their
 * cards are placed: the fewest pixels the block lacks, below what its
 * columns leave, for a cut card to show one line more (0 when it cuts
 * none), and the pixels every column of it can give up. */
double _nf_grid_rows_short_of_line (const NfGridBlock *block,
                                    const NfGridStyle *style);
double _nf_grid_rows_spare       (const NfGridBlock *block);
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
