/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-deck-private.h"

G_BEGIN_DECLS

/* What a canvas's slides share between the overview (nf-deck-overview.c)
 * and the block slides (nf-deck-canvas.c): the plan of both, worked out
 * ahead, in layout units. */

#define OV_GAP         8.0    /* between blocks */
#define OV_PAD         7.0    /* inside a block */
#define OV_HEAD_SIZE  10.5
#define OV_MIN_SIZE    9.0
#define CARD_GAP       5.0
#define BLOCK_SIZE    12.0    /* a note's text on a block slide */
#define FOOTER_SIZE    9.5
#define HEAD_SIZE     14.0
#define COLUMN_GAP    22.0
#define BLOCK_GAP     18.0
#define MIN_START_LINES 4     /* of a long note at a column's foot */
#define BOTTOM_LEAST   3.5    /* tenths of the width a bottom block keeps */

/* How a block is shown on the overview. */
typedef struct {
  NfRect   rect;        /* the block's box */
  NfRect   inner;       /* where its cards go */
  guint    n_notes;
  guint    n_columns;
  gboolean full;        /* every note whole, with its footer */
  double   size;
  guint    per_page;    /* notes an overview slide holds */
  gboolean ref_in_head; /* the slide with them in full named beside the heading */
  int      slide;       /* its first block slide, from 0; -1 for none */
  NfDeckCard *cards;    /* as the overview shows them */
  double  *area;        /* each card's room, from its text's length */
  int     *note_slide;  /* each note's block slide, from 0 (its first slice's); -1: none */
} OvBlock;

/* How an overview slide shares its room: the top row's column edges and
 * the edge between Cost Structure and Revenue Streams, in tenths of the
 * width; the top rows' part of the height, and the part of Key
 * Activities' and of Customer Relationships' column that goes to the
 * upper block. And the blocks' boxes so placed. */
typedef struct {
  double edges[6];
  double bottom_edge;
  double top;
  double left;
  double right;
  NfRect rect[NF_N_BLOCKS];
  NfRect inner[NF_N_BLOCKS];
  gboolean ref_in_head[NF_N_BLOCKS];
} PageSplit;

struct _NfDeckPlan {
  OvBlock   blocks[NF_N_BLOCKS];
  GArray   *placed;         /* Placed (nf-deck-canvas.c) */
  double    column_width;   /* of the block slides' columns */
  guint     n_pages;        /* of the overview */
  GArray   *splits;         /* PageSplit, one per overview slide */
  NfCanvas *canvas;         /* while it is planned */
  double    least[5];       /* each top column's least width, in tenths */
  double    block_top;      /* the block slides' columns: where they start, */
  double    block_bottom;   /* where a full one ends, */
  guint     block_columns;  /* and how many a slide has */
  GArray   *sources;        /* SourceItem (nf-deck-canvas.c), laid out */
};

/* Note `index` of `block`, borrowed: the canvas holds it. */
NfNote      *_nf_deck_note_at         (NfCanvas     *canvas,
                                       NfBlock       block,
                                       guint         index);
/* The height of a line of text at `size`. */
double       _nf_deck_line_height     (NfDeck       *deck,
                                       double        size,
                                       PangoWeight   weight);
void         _nf_deck_cards_free      (NfDeckCard   *cards,
                                       guint         n);
/* The cards [first, first + n) column by column in `inner`; returns how
 * many fit, and draws them when `draw` (nf-deck-overview-slides.c). */
guint        _nf_deck_overview_pack_cards (NfDeck       *deck,
                                       NfDeckCard   *cards,
                                       guint         first,
                                       guint         n,
                                       const NfRect *inner,
                                       guint         n_columns,
                                       gboolean      draw);
/* The notes [*first, *first + *n) of `ov` that overview slide `page` of
 * `n_pages` shows. */
void         _nf_deck_overview_slice  (const OvBlock *ov,
                                       guint         page,
                                       guint         n_pages,
                                       guint        *first,
                                       guint        *n);
/* The overview's slides and every block's cards on them. */
void         _nf_deck_overview_plan   (NfDeck       *deck,
                                       NfDeckPlan   *plan);
/* The blocks' boxes on overview slide `page`. */
void         _nf_deck_overview_use_page (NfDeckPlan *plan,
                                       guint         page);
/* Block `block` on overview slide `page` of `n_pages`, its compact cards
 * naming the pages from `first_block_page` on. */
void         _nf_deck_overview_draw_block (NfDeck   *deck,
                                       NfBlock       block,
                                       OvBlock      *ov,
                                       guint         page,
                                       guint         n_pages,
                                       guint         first_block_page);

G_END_DECLS
