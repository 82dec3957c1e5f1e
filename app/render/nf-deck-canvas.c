/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <cairo-pdf.h>
#include "nf-i18n-private.h"

#include "nf-deck-private.h"
#include "nf-render-private.h"

/* A canvas's slides: an overview with all nine blocks and every note, at
 * a size a room can read (9 pt at the least); then, for the blocks whose
 * notes the overview could only show the start of, their notes in full on
 * block slides, blocks sharing a slide when they fit and a long block
 * going on to the next one, a note split only when it is taller than a
 * column at the least size (marked where it goes on). The overview packs
 * itself: each block tries its notes whole at falling sizes, then as
 * their first lines, and only when even one line each does not fit does
 * the overview go on to a second slide. */

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
#define DENSE_MIN_NOTES 6     /* a block of fewer is never worth a slide more */

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
} OvBlock;

/* One card, or a block heading, placed on a block slide. */
typedef struct {
  NfBlock     block;
  guint       slide;
  guint       column;
  double      y;
  gboolean    heading;
  gboolean    continued;   /* a heading where a block goes on */
  NfDeckCard  card;        /* unless a heading */
  PangoLayout *layout;     /* a heading's */
} Placed;

static NfNote *
note_at (NfCanvas *canvas,
         NfBlock   block,
         guint     index)
{
  NfNote *note = g_list_model_get_item (nf_canvas_get_notes (canvas, block), index);

  /* The canvas holds it: a borrowed pointer is safe for the deck's life. */
  g_object_unref (note);
  return note;
}

/* The cards [first, first + n) column by column; returns how many fit,
 * and draws them when `draw`. */
static guint
pack_cards (NfDeck       *deck,
            NfDeckCard   *cards,
            guint         first,
            guint         n,
            const NfRect *inner,
            guint         n_columns,
            gboolean      draw)
{
  double col_w = (inner->width - (n_columns - 1) * CARD_GAP) / n_columns;
  double y = inner->y;
  guint column = 0, placed = 0;

  for (guint i = first; i < first + n; i++)
    {
      NfDeckCard *card = &cards[i];

      if (y + card->height > inner->y + inner->height && y > inner->y)
        {
          if (++column >= n_columns)
            break;
          y = inner->y;
        }
      if (y + card->height > inner->y + inner->height)
        break;
      if (draw)
        _nf_deck_card_draw (deck, card, inner->x + column * (col_w + CARD_GAP), y, col_w);
      y += card->height + (card->tight ? 1 : CARD_GAP);
      placed++;
    }
  return placed;
}

static NfDeckCard *
make_cards (NfDeck   *deck,
            NfCanvas *canvas,
            NfBlock   block,
            OvBlock  *ov,
            double    size)
{
  NfDeckCard *cards = g_new0 (NfDeckCard, MAX (ov->n_notes, 1));
  double col_w = (ov->inner.width - (ov->n_columns - 1) * CARD_GAP) / ov->n_columns;

  for (guint i = 0; i < ov->n_notes; i++)
    _nf_deck_card_init (deck, &cards[i], note_at (canvas, block, i), i + 1, col_w, size,
                        OV_MIN_SIZE, 0);
  return cards;
}

static void
free_cards (NfDeckCard *cards,
            guint       n)
{
  for (guint i = 0; cards != NULL && i < n; i++)
    _nf_deck_card_clear (&cards[i]);
  g_free (cards);
}

static double
layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static double
line_height (NfDeck     *deck,
             double      size,
             PangoWeight weight)
{
  g_autoptr(PangoLayout) l = _nf_deck_text (deck, "Ag", size, weight, -1);

  return _nf_render_layout_height (l);
}

/* Where the nine blocks go on an overview slide: the canvas's own
 * arrangement, ten columns wide, the bottom row a little lower. */
static double
share (guint  a,
       guint  b,
       double lo,
       double hi)
{
  return a + b == 0 ? (lo + hi) / 2 : CLAMP ((double) a / (a + b), lo, hi);
}

/* The rows share the height by the notes they hold, within limits that
 * keep the canvas's shape: a block of many notes gets more room. */
static void
overview_rects (NfDeck  *deck,
                OvBlock *blocks)
{
  double x0 = NF_DECK_MARGIN * 0.6, y0 = NF_DECK_HEADER_HEIGHT + 12;
  double w = deck->width - 2 * x0, h = deck->height - y0 - NF_DECK_MARGIN * 0.5;
  guint n[NF_N_BLOCKS];
  guint top, bottom;
  double split_left, split_right, rows[4];

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    n[b] = blocks[b].n_notes;
  top = MAX (MAX (n[NF_BLOCK_KEY_PARTNERS], n[NF_BLOCK_VALUE_PROPOSITIONS]),
             MAX (n[NF_BLOCK_CUSTOMER_SEGMENTS],
                  MAX (n[NF_BLOCK_KEY_ACTIVITIES] + n[NF_BLOCK_KEY_RESOURCES],
                       n[NF_BLOCK_CUSTOMER_RELATIONSHIPS] + n[NF_BLOCK_CHANNELS])));
  /* The bottom blocks are wide: two notes to a line. */
  bottom = (MAX (n[NF_BLOCK_COST_STRUCTURE], n[NF_BLOCK_REVENUE_STREAMS]) + 1) / 2 + 1;
  rows[0] = 0;
  rows[3] = h;
  rows[2] = h * (1 - share (bottom, top, 0.18, 0.4));
  split_left = share (n[NF_BLOCK_KEY_ACTIVITIES] + 1, n[NF_BLOCK_KEY_RESOURCES] + 1, 0.3, 0.7);
  split_right = share (n[NF_BLOCK_CUSTOMER_RELATIONSHIPS] + 1, n[NF_BLOCK_CHANNELS] + 1, 0.3, 0.7);
  double head = line_height (deck, OV_HEAD_SIZE, PANGO_WEIGHT_BOLD);
  double foot = line_height (deck, OV_MIN_SIZE, PANGO_WEIGHT_NORMAL);
  /* TRANSLATORS: on the overview, beside a block's name: the slide
   * with its notes in full. */
  g_autofree char *sample = g_strdup_printf (_("→ slide %u"), 888);
  g_autoptr(PangoLayout) ref = _nf_deck_text (deck, sample, OV_MIN_SIZE, PANGO_WEIGHT_NORMAL, -1);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      const NfBlockPlace *place = nf_block_place ((NfBlock) b);
      OvBlock *ov = &blocks[b];

      double split = place->x < 5 ? split_left : split_right;

      rows[1] = rows[2] * split;
      ov->rect = (NfRect) { x0 + place->x * w / 10 + OV_GAP / 2, y0 + rows[place->y] + OV_GAP / 2,
                            place->width * w / 10 - OV_GAP,
                            rows[place->y + place->height] - rows[place->y] - OV_GAP };
      g_autoptr(PangoLayout) title = _nf_deck_text (deck, nf_block_title ((NfBlock) b), OV_HEAD_SIZE,
                                                    PANGO_WEIGHT_BOLD, -1);
      double room;

      /* Where the notes are in full goes beside the heading, or else
       * under the cards. */
      ov->ref_in_head = layout_width (title) + 12 + layout_width (ref) <=
                        ov->rect.width - 2 * OV_PAD;
      room = ov->rect.height - 2 * OV_PAD - head - 4 - (ov->ref_in_head ? 0 : foot + 2);
      ov->inner = (NfRect) { ov->rect.x + OV_PAD, ov->rect.y + OV_PAD + head + 4,
                             ov->rect.width - 2 * OV_PAD, room };
      ov->n_columns = ov->inner.width >= 420 ? 2 : 1;
    }
}

/* A block whose notes all fit as their first lines gives the height
 * they leave unused back to them: a line more to each cut card in turn,
 * first to last, for as long as every card still fits. Nothing is shown
 * faded while a line of it would fit in the block's own room. The cards
 * keep one style, `tight` rows or padded cards, and none gets a footer:
 * a block reads as one list, not as a few whole cards among rows (the
 * note's number, evidence and tags are on its block slide). */
static void
fill_block (NfDeck   *deck,
            OvBlock  *ov,
            guint     first,
            guint     n,
            gboolean  tight,
            gboolean  marks)
{
  gboolean grew = TRUE;

  while (grew)
    {
      grew = FALSE;
      for (guint i = first; i < first + n; i++)
        {
          NfDeckCard *card = &ov->cards[i];
          NfDeckCard before = *card;

          if (!card->cut)
            continue;
          _nf_deck_card_limit (card, card->n_lines + 1, FALSE);
          _nf_deck_card_set_tight (card, tight);
          _nf_deck_card_set_marks (card, marks);
          if (pack_cards (deck, ov->cards, first, n, &ov->inner, ov->n_columns, FALSE) == n)
            grew = TRUE;
          else
            *card = before;   /* the same layouts: only the counts change */
        }
    }
}

/* The cards [first, first + n) cut to their first three, two or one
 * lines, whichever is the most that fits, all in one style (rows when
 * one line each), then filled. FALSE when one line each does not fit. */
static gboolean
compact_share (NfDeck  *deck,
               OvBlock *ov,
               guint    first,
               guint    n,
               guint   *out_fitted)
{
  /* The note's evidence and tags go under every card's lines when they
   * fit at two lines a note or more; else none has them (they are on the
   * block slide). */
  for (guint lines = 3; lines >= 1; lines--)
    for (int marks = lines >= 2; marks >= 0; marks--)
      {
        guint fitted;

        for (guint i = first; i < first + n; i++)
          {
            _nf_deck_card_limit (&ov->cards[i], lines, FALSE);
            _nf_deck_card_set_tight (&ov->cards[i], lines == 1);
            _nf_deck_card_set_marks (&ov->cards[i], marks);
          }
        fitted = pack_cards (deck, ov->cards, first, n, &ov->inner, ov->n_columns, FALSE);
        if (out_fitted != NULL && !marks)
          *out_fitted = fitted;
        if (fitted == n)
          {
            fill_block (deck, ov, first, n, lines == 1, marks);
            return TRUE;
          }
      }
  return FALSE;
}

/* The largest that shows every note of the block: whole at 12 down to 9
 * pt, else the first three, two lines, one line of each. Laid out at 9 pt
 * first: a block that does not fit whole at 9 pt (most of a full
 * canvas's) fits at no larger size, and its compact cards are the same
 * layouts, cut shorter. */
static void
fit_block (NfDeck   *deck,
           NfCanvas *canvas,
           NfBlock   block,
           OvBlock  *ov)
{
  static const double larger[] = { 12, 11, 10 };
  guint n = ov->n_notes, fitted = 0, faded = 0;

  ov->slide = -1;
  ov->per_page = n;
  ov->full = TRUE;
  ov->size = OV_MIN_SIZE;
  if (n == 0)
    return;
  ov->cards = make_cards (deck, canvas, block, ov, OV_MIN_SIZE);
  if (pack_cards (deck, ov->cards, 0, n, &ov->inner, ov->n_columns, FALSE) == n)
    {
      for (guint s = 0; s < G_N_ELEMENTS (larger); s++)
        {
          NfDeckCard *cards = make_cards (deck, canvas, block, ov, larger[s]);

          if (pack_cards (deck, cards, 0, n, &ov->inner, ov->n_columns, FALSE) == n)
            {
              free_cards (ov->cards, n);
              ov->cards = cards;
              ov->size = larger[s];
              return;
            }
          free_cards (cards, n);
        }
      return;
    }
  ov->full = FALSE;
  if (!compact_share (deck, ov, 0, n, &fitted))
    {
      ov->per_page = MAX (fitted, 1);
      return;
    }
  /* A block that shows most of its notes as one faded line each is a
   * list of starts nobody can read from a room: its notes go over two
   * slides, each with twice the room (数跑科技 in English or on A4). */
  for (guint i = 0; i < n; i++)
    faded += ov->cards[i].cut && ov->cards[i].n_lines == 1;
  if (n >= DENSE_MIN_NOTES && 2 * faded > n)
    ov->per_page = (n + 1) / 2;
}

/* The notes of `ov` that overview slide `page` of `n_pages` shows: each
 * block's notes shared in order, the earlier slides taking the odd one,
 * so that every slide is about as full as the others. */
static void
overview_slice (const OvBlock *ov,
                guint          page,
                guint          n_pages,
                guint         *first,
                guint         *n)
{
  guint start = (page * ov->n_notes + n_pages - 1) / n_pages;
  guint end = ((page + 1) * ov->n_notes + n_pages - 1) / n_pages;

  *first = MIN (start, ov->n_notes);
  *n = MIN (end, ov->n_notes) - *first;
}

/* Lays a block's notes out again for an overview of `n_pages` slides:
 * each slide's share packed afresh, as long as the share allows, then
 * given the room it leaves (a share of half the notes need not be cut
 * to the one line the whole block was). FALSE when a share does not fit
 * even at a line a note. */
static gboolean
spread_block (NfDeck  *deck,
              OvBlock *ov,
              guint    n_pages)
{
  gboolean whole = TRUE;

  for (guint page = 0; page < n_pages; page++)
    {
      guint first, n;
      gboolean fitted = FALSE;

      overview_slice (ov, page, n_pages, &first, &n);
      if (n == 0)
        continue;
      if (ov->full)
        {
          if (pack_cards (deck, ov->cards, first, n, &ov->inner, ov->n_columns, FALSE) < n)
            return FALSE;
          continue;
        }
      /* A share that fits whole, footers and all, is shown so. */
      for (guint i = first; i < first + n; i++)
        _nf_deck_card_limit (&ov->cards[i], 0, TRUE);
      fitted = pack_cards (deck, ov->cards, first, n, &ov->inner, ov->n_columns, FALSE) == n;
      if (!fitted && !compact_share (deck, ov, first, n, NULL))
        return FALSE;
    }
  /* Shares that show every note whole, footer and all, need no block
   * slide. */
  for (guint i = 0; i < ov->n_notes; i++)
    whole = whole && !ov->cards[i].cut && ov->cards[i].show_footer &&
            (ov->cards[i].conflict == NULL || ov->cards[i].show_conflict);
  ov->full = ov->full || whole;
  return TRUE;
}

/* --- block slides --- */

typedef struct {
  NfDeck   *deck;
  GArray   *placed;      /* Placed */
  guint     n_columns;
  double    column_width;
  double    top;
  double    bottom;
  guint     slide;
  guint     column;
  double    y;
  gboolean  started;
} BlockFlow;

static void
placed_clear (gpointer data)
{
  Placed *p = data;

  if (p->heading)
    g_clear_object (&p->layout);
  else
    _nf_deck_card_clear (&p->card);
}

static void
flow_next_column (BlockFlow *flow)
{
  if (++flow->column >= flow->n_columns)
    {
      flow->column = 0;
      flow->slide++;
    }
  flow->y = flow->top;
}

static void
flow_heading (BlockFlow *flow,
              NfBlock    block,
              gboolean   continued)
{
  g_autofree char *text = continued
    /* TRANSLATORS: a block's heading where its notes go on in another
     * column or slide; %s is the block's name. */
    ? g_strdup_printf (_("%s (continued)"), nf_block_title (block))
    : g_strdup (nf_block_title (block));
  Placed p = { .block = block, .slide = flow->slide, .column = flow->column, .y = flow->y,
               .heading = TRUE, .continued = continued };

  p.layout = _nf_deck_text (flow->deck, text, HEAD_SIZE, PANGO_WEIGHT_BOLD, flow->column_width);
  flow->y += _nf_render_layout_height (p.layout) + 6;
  g_array_append_val (flow->placed, p);
}

/* A note taller than a column even at the least size: in slices, a
 * column each, every slice but the last marked as going on (its card is
 * `p->card`, whose layouts the slices share). */
static void
flow_long_note (BlockFlow *flow,
                NfBlock    block,
                OvBlock   *ov,
                Placed    *p,
                gboolean   first_of_block,
                double     head)
{
  guint n_lines = (guint) pango_layout_get_line_count (p->card.text);
  guint first = 0;
  gboolean fresh = FALSE;   /* in a column of its own: any line goes here */
  /* A note that opens with two or three lines at a column's foot reads
   * as a fragment: it starts there only with MIN_START_LINES lines or a
   * third of it, whichever is more, but never asks for more than a third of
   * what a column under a heading holds (a very long note would then
   * never start anywhere but at a column's top, however empty the
   * column). */
  guint column_lines = _nf_deck_card_fit_lines (flow->deck, &p->card, 0, flow->bottom - flow->top - head);
  guint need = MIN (MAX (MIN_START_LINES, n_lines / 3), MAX (column_lines / 3, 1));

  if (first_of_block)
    {
      if (flow->started)
        {
          if (_nf_deck_card_fit_lines (flow->deck, &p->card, 0,
                                       flow->bottom - flow->y - BLOCK_GAP - head) < need)
            flow_next_column (flow);
          else
            flow->y += BLOCK_GAP;
        }
      flow->started = TRUE;
      ov->slide = (int) flow->slide;
      fresh = flow->y <= flow->top;
      flow_heading (flow, block, FALSE);
    }
  else if (flow->y > flow->top &&
           _nf_deck_card_fit_lines (flow->deck, &p->card, 0, flow->bottom - flow->y) < need)
    {
      flow_next_column (flow);
      flow_heading (flow, block, TRUE);
      fresh = TRUE;
    }
  while (first < n_lines)
    {
      Placed q = { .block = block };
      guint count = _nf_deck_card_fit_lines (flow->deck, &p->card, first, flow->bottom - flow->y);

      if (count == 0)
        {
          /* Not a line here: the next column, where a whole column's
           * room holds several. */
          if (fresh)
            count = 1;
          else
            {
              flow_next_column (flow);
              flow_heading (flow, block, TRUE);
              fresh = TRUE;
              continue;
            }
        }
      _nf_deck_card_slice (flow->deck, &p->card, first, count, &q.card);
      q.slide = flow->slide;
      q.column = flow->column;
      q.y = flow->y;
      flow->y += q.card.height + CARD_GAP;
      g_array_append_val (flow->placed, q);
      first += count;
      if (first < n_lines)
        {
          flow_next_column (flow);
          flow_heading (flow, block, TRUE);
          fresh = TRUE;
        }
    }
  _nf_deck_card_clear (&p->card);
}

/* Every note of the block, whole, in columns across slides. A block
 * starts under the one before when its heading and first note fit. */
static void
flow_block (BlockFlow *flow,
            NfCanvas  *canvas,
            NfBlock    block,
            OvBlock   *ov)
{
  double head = line_height (flow->deck, HEAD_SIZE, PANGO_WEIGHT_BOLD) + 6;
  double room = flow->bottom - flow->top;

  for (guint i = 0; i < ov->n_notes; i++)
    {
      Placed p = { .block = block };
      double size = BLOCK_SIZE;

      /* A note longer than a column gets smaller type, down to the
       * least; one longer still goes on in the next column. */
      do
        {
          _nf_deck_card_init (flow->deck, &p.card, note_at (canvas, block, i), i + 1,
                              flow->column_width, size, FOOTER_SIZE, 0);
          if (p.card.height <= room - head || size <= OV_MIN_SIZE)
            break;
          _nf_deck_card_clear (&p.card);
          size -= 1;
        }
      while (TRUE);

      if (p.card.height > room - head)
        {
          /* Split anyway: then at the body size. */
          _nf_deck_card_clear (&p.card);
          _nf_deck_card_init (flow->deck, &p.card, note_at (canvas, block, i), i + 1,
                              flow->column_width, BLOCK_SIZE, FOOTER_SIZE, 0);
          flow_long_note (flow, block, ov, &p, i == 0, head);
          continue;
        }
      if (i == 0)
        {
          if (flow->started)
            {
              if (flow->y + BLOCK_GAP + head + p.card.height > flow->bottom)
                flow_next_column (flow);
              else
                flow->y += BLOCK_GAP;
            }
          flow->started = TRUE;
          ov->slide = (int) flow->slide;
          flow_heading (flow, block, FALSE);
        }
      else if (flow->y + p.card.height > flow->bottom)
        {
          flow_next_column (flow);
          flow_heading (flow, block, TRUE);
        }
      p.slide = flow->slide;
      p.column = flow->column;
      p.y = flow->y;
      flow->y += p.card.height + CARD_GAP;
      g_array_append_val (flow->placed, p);
    }
}

static void
draw_block_slides (NfDeck   *deck,
                   NfCanvas *canvas,
                   GArray   *placed,
                   double    column_width,
                   int       outline_parent)
{
  guint k = 0;

  while (k < placed->len && !g_cancellable_is_cancelled (deck->cancellable))
    {
      guint slide = g_array_index (placed, Placed, k).slide;
      g_autoptr(GString) names = g_string_new (NULL);
      guint end = k;

      for (; end < placed->len && g_array_index (placed, Placed, end).slide == slide; end++)
        {
          Placed *p = &g_array_index (placed, Placed, end);

          if (p->heading && !p->continued)
            {
              if (names->len > 0)
                g_string_append (names, " · ");
              g_string_append (names, nf_block_title (p->block));
            }
        }
      if (names->len == 0)
        /* TRANSLATORS: the header of a slide where a block's notes go on. */
        g_string_append_printf (names, _("%s (continued)"),
                                nf_block_title (g_array_index (placed, Placed, k).block));

      _nf_deck_begin_page (deck);
      _nf_deck_draw_header (deck, _nf_deck_company (canvas, deck->lang), names->str);
      for (; k < end; k++)
        {
          Placed *p = &g_array_index (placed, Placed, k);
          double x = NF_DECK_MARGIN + p->column * (column_width + COLUMN_GAP);

          if (p->heading)
            {
              if (!p->continued)
                _nf_deck_outline (deck, outline_parent, nf_block_title (p->block));
              cairo_save (deck->cr);
              _nf_render_set_colour (deck->cr, &deck->style->accent);
              cairo_move_to (deck->cr, x, p->y);
              pango_cairo_show_layout (deck->cr, p->layout);
              cairo_restore (deck->cr);
            }
          else
            _nf_deck_card_draw (deck, &p->card, x, p->y, column_width);
        }
      _nf_deck_end_slide (deck);
    }
}

/* --- the overview --- */

static void
draw_overview_block (NfDeck   *deck,
                     NfBlock   block,
                     OvBlock  *ov,
                     guint     page,
                     guint     n_pages,
                     guint     first_block_page)
{
  const NfGridStyle *style = deck->style;
  cairo_t *cr = deck->cr;
  g_autoptr(PangoLayout) head = _nf_deck_text (deck, nf_block_title (block), OV_HEAD_SIZE,
                                               PANGO_WEIGHT_BOLD, ov->rect.width - 2 * OV_PAD);
  guint first, n;
  g_autofree char *foot = NULL;

  overview_slice (ov, page, n_pages, &first, &n);
  cairo_save (cr);
  _nf_render_rounded_rect (cr, &ov->rect, 6);
  _nf_render_set_colour (cr, &style->block_fill);
  cairo_fill_preserve (cr);
  _nf_render_set_colour (cr, &style->block_border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  pango_layout_set_ellipsize (head, PANGO_ELLIPSIZE_NONE);
  _nf_render_set_colour (cr, &style->accent);
  cairo_move_to (cr, ov->rect.x + OV_PAD, ov->rect.y + OV_PAD);
  pango_cairo_show_layout (cr, head);
  cairo_restore (cr);

  if (ov->n_notes == 0)
    foot = g_strdup (_("No notes"));
  else if (n == 0)
    {
      /* Fewer notes than overview slides: the block says where they
       * are rather than standing empty beside full ones. */
      guint at = 0, at_n = 0;
      g_autofree char *where = NULL;
      g_autoptr(PangoLayout) l = NULL;

      while (at + 1 < n_pages && (overview_slice (ov, at, n_pages, &first, &at_n), at_n == 0))
        at++;
      /* TRANSLATORS: in a block of an overview of several slides that
       * holds no notes on this slide: the slide of the overview that
       * shows them. */
      where = g_strdup_printf (nf_ngettext ("Its note: overview slide %u",
                                             "Its notes: overview slide %u", ov->n_notes),
                               deck->page - page + at);
      l = _nf_deck_text (deck, where, OV_MIN_SIZE, PANGO_WEIGHT_NORMAL, ov->inner.width);
      cairo_save (cr);
      _nf_render_set_colour (cr, &style->muted_text);
      cairo_move_to (cr, ov->inner.x, ov->inner.y);
      pango_cairo_show_layout (cr, l);
      cairo_restore (cr);
    }
  else
    pack_cards (deck, ov->cards, first, n, &ov->inner, ov->n_columns, TRUE);
  if (ov->slide >= 0)
    foot = g_strdup_printf (_("→ slide %u"), first_block_page + (guint) ov->slide);
  if (foot != NULL)
    {
      g_autoptr(PangoLayout) l = _nf_deck_text (deck, foot, OV_MIN_SIZE, PANGO_WEIGHT_NORMAL, -1);
      int w, h;

      pango_layout_get_pixel_size (l, &w, &h);
      cairo_save (cr);
      _nf_render_set_colour (cr, &style->muted_text);
      if (ov->ref_in_head && ov->n_notes > 0)
        cairo_move_to (cr, ov->rect.x + ov->rect.width - OV_PAD - w, ov->rect.y + OV_PAD + 2);
      else
        cairo_move_to (cr, ov->rect.x + ov->rect.width - OV_PAD - w,
                       ov->rect.y + ov->rect.height - OV_PAD / 2 - h);
      pango_cairo_show_layout (cr, l);
      cairo_restore (cr);
    }
}

/* --- the canvas's title and its sources --- */

static void
draw_canvas_title (NfDeck   *deck,
                   NfCanvas *canvas)
{
  const NfGridStyle *style = deck->style;
  double x = NF_DECK_MARGIN * 2, width = deck->width - 4 * NF_DECK_MARGIN, y;
  const char *title = _nf_deck_canvas_title (canvas, deck->lang);
  const char *description = nf_canvas_get_description_for_language (canvas, deck->lang);
  guint n_tables = g_list_model_get_n_items (nf_canvas_get_tables (canvas));
  guint n_sources = g_list_model_get_n_items (nf_canvas_get_sources (canvas));
  g_autofree char *counts = NULL;
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) sub = NULL;
  g_autoptr(PangoLayout) about = NULL;
  g_autoptr(PangoLayout) facts = NULL;
  cairo_t *cr = deck->cr;

  {
    guint n_notes = nf_canvas_get_n_notes (canvas);
    /* Each count its own plural: "1 tables" reads wrong in English. */
    g_autofree char *notes = g_strdup_printf (nf_ngettext ("%u note", "%u notes", n_notes),
                                              n_notes);
    g_autofree char *tables = g_strdup_printf (nf_ngettext ("%u table", "%u tables", n_tables),
                                               n_tables);
    g_autofree char *sources = g_strdup_printf (nf_ngettext ("%u source", "%u sources", n_sources),
                                                n_sources);

    /* TRANSLATORS: on a canvas's title slide: how many notes, metric
     * tables and sources it has, e.g. "33 notes · 1 table · 1 source". */
    counts = g_strdup_printf (_("%s · %s · %s"), notes, tables, sources);
  }
  name = _nf_deck_text (deck, _nf_deck_company (canvas, deck->lang), 30, PANGO_WEIGHT_BOLD, width);
  sub = _nf_deck_text (deck, title != NULL && g_strcmp0 (title, _nf_deck_company (canvas, deck->lang)) != 0
                       ? title : "", 16, PANGO_WEIGHT_NORMAL, width);
  about = _nf_deck_text (deck, description, 13, PANGO_WEIGHT_NORMAL, width);
  facts = _nf_deck_text (deck, counts, 12, PANGO_WEIGHT_NORMAL, width);

  cairo_save (cr);
  _nf_render_set_colour (cr, &style->accent);
  cairo_rectangle (cr, 0, 0, 14, deck->height);
  cairo_fill (cr);
  y = deck->height * 0.22;
  _nf_render_set_colour (cr, &style->title_text);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, name);
  y += _nf_render_layout_height (name) + 8;
  _nf_render_set_colour (cr, &style->muted_text);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, sub);
  y += _nf_render_layout_height (sub) + 18;
  _nf_render_set_colour (cr, &style->accent);
  cairo_rectangle (cr, x, y, 96, 4);
  cairo_fill (cr);
  y += 22;
  if (description != NULL && *description != '\0')
    {
      /* A long description gives way: smaller, down to body size. */
      if (y + _nf_render_layout_height (about) > deck->height - 110)
        _nf_render_set_font (about, style->font_family, 12, PANGO_WEIGHT_NORMAL);
      _nf_render_set_colour (cr, &style->title_text);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, about);
      y += _nf_render_layout_height (about) + 18;
    }
  _nf_render_set_colour (cr, &style->muted_text);
  cairo_move_to (cr, x, MAX (y, deck->height - 90));
  pango_cairo_show_layout (cr, facts);
  cairo_restore (cr);
}

/* "Key Partners 1–3, 5; Channels 2": the notes citing `id`, by number. */
static void
append_citers (NfDeck     *deck,
               GString    *out,
               NfCanvas   *canvas,
               const char *id)
{
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      GListModel *notes = nf_canvas_get_notes (canvas, (NfBlock) b);
      guint n = g_list_model_get_n_items (notes);
      gboolean named = FALSE;
      guint run = 0;

      for (guint i = 0; i <= n; i++)
        {
          gboolean cites = FALSE;

          if (i < n)
            cites = g_strcmp0 (nf_note_get_cite_source (note_at (canvas, (NfBlock) b, i)), id) == 0;
          if (cites)
            {
              if (run++ == 0)
                {
                  if (!named)
                    {
                      if (out->len > 0)
                        g_string_append (out, "; ");
                      g_string_append_printf (out, "%s %u", nf_block_title ((NfBlock) b), i + 1);
                      named = TRUE;
                    }
                  else
                    g_string_append_printf (out, ", %u", i + 1);
                }
              continue;
            }
          if (run > 1)
            g_string_append_printf (out, "–%u", i);
          run = 0;
        }
    }
  for (guint t = 0; t < g_list_model_get_n_items (nf_canvas_get_tables (canvas)); t++)
    {
      g_autoptr(NfMetricTable) table = g_list_model_get_item (nf_canvas_get_tables (canvas), t);
      NfText *title = nf_metric_table_get_title (table);

      if (g_strcmp0 (nf_metric_table_get_cite_source (table), id) != 0)
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      /* TRANSLATORS: a metric table that cites a source; %s is its title. */
      g_string_append_printf (out, _("table “%s”"),
                              title != NULL ? nf_text_for_language (title, deck->lang) : "");
    }
}

/* Each source with what cites it, on as many slides as the list needs. */
static void
sources_slides (NfDeck   *deck,
                NfCanvas *canvas,
                int       outline_parent)
{
  GListModel *sources = nf_canvas_get_sources (canvas);
  guint n = g_list_model_get_n_items (sources);
  double width = deck->width - 2 * NF_DECK_MARGIN;
  double top = NF_DECK_HEADER_HEIGHT + 24, bottom = deck->height - NF_DECK_MARGIN * 0.75;
  double y = top;
  gboolean started = FALSE;

  for (guint i = 0; i < n && !g_cancellable_is_cancelled (deck->cancellable); i++)
    {
      g_autoptr(NfSource) source = g_list_model_get_item (sources, i);
      g_autoptr(GString) details = g_string_new (NULL);
      g_autoptr(GString) citers = g_string_new (NULL);
      g_autofree char *cited = NULL;
      const char *parts[] = { nf_source_get_publisher (source), nf_source_get_date (source),
                              nf_source_get_address (source) };
      const char *title = nf_source_get_title (source);
      g_autoptr(PangoLayout) head = NULL;
      g_autoptr(PangoLayout) sub = NULL;
      g_autoptr(PangoLayout) by = NULL;
      double h;

      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        if (parts[k] != NULL && *parts[k] != '\0')
          {
            if (details->len > 0)
              g_string_append (details, " · ");
            g_string_append (details, parts[k]);
          }
      append_citers (deck, citers, canvas, nf_source_get_id (source));
      cited = citers->len > 0
        /* TRANSLATORS: under a source on the sources slide: the notes (by
         * block and number) and tables that cite it. */
        ? g_strdup_printf (_("Cited by %s"), citers->str)
        : g_strdup (_("Cited by no note or table"));
      head = _nf_deck_text (deck, title != NULL && *title != '\0' ? title : nf_source_get_id (source),
                            13, PANGO_WEIGHT_BOLD, width);
      sub = _nf_deck_text (deck, details->str, 10.5, PANGO_WEIGHT_NORMAL, width);
      by = _nf_deck_text (deck, cited, 12, PANGO_WEIGHT_NORMAL, width);
      h = _nf_render_layout_height (head) + 4 + (details->len > 0 ? _nf_render_layout_height (sub) + 4 : 0) +
          _nf_render_layout_height (by);

      if (!started || (y + h > bottom && y > top))
        {
          if (started)
            _nf_deck_end_slide (deck);
          _nf_deck_begin_page (deck);
          if (!started)
            _nf_deck_outline (deck, outline_parent, _("Sources"));
          _nf_deck_draw_header (deck, _nf_deck_company (canvas, deck->lang), _("Sources"));
          started = TRUE;
          y = top;
        }
      cairo_save (deck->cr);
      _nf_render_set_colour (deck->cr, &deck->style->title_text);
      cairo_move_to (deck->cr, NF_DECK_MARGIN, y);
      pango_cairo_show_layout (deck->cr, head);
      y += _nf_render_layout_height (head) + 4;
      if (details->len > 0)
        {
          _nf_render_set_colour (deck->cr, &deck->style->muted_text);
          cairo_move_to (deck->cr, NF_DECK_MARGIN, y);
          pango_cairo_show_layout (deck->cr, sub);
          y += _nf_render_layout_height (sub) + 4;
        }
      _nf_render_set_colour (deck->cr, &deck->style->card_text);
      cairo_move_to (deck->cr, NF_DECK_MARGIN, y);
      pango_cairo_show_layout (deck->cr, by);
      y += _nf_render_layout_height (by) + 20;
      cairo_restore (deck->cr);
    }
  if (started)
    _nf_deck_end_slide (deck);
}

/* What a canvas's slides will hold, worked out ahead (nf-deck-layouts.c
 * does it on another core while the slides before are written): the
 * overview's packing, with its cards laid out, and the block slides'
 * flow. The overview names the slides where notes are in full, so both
 * are known before either is drawn. */
struct _NfDeckPlan {
  OvBlock   blocks[NF_N_BLOCKS];
  GArray   *placed;         /* Placed */
  double    column_width;   /* of the block slides' columns */
  guint     n_pages;        /* of the overview */
};

NfDeckPlan *
_nf_deck_plan_new (NfDeck   *deck,
                   NfCanvas *canvas)
{
  NfDeckPlan *plan = g_new0 (NfDeckPlan, 1);
  BlockFlow flow = { 0 };

  /* The cards name the notes and tables a note conflicts with. */
  deck->canvas = canvas;
  plan->placed = g_array_new (FALSE, TRUE, sizeof (Placed));
  g_array_set_clear_func (plan->placed, placed_clear);
  plan->n_pages = 1;
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    plan->blocks[b].n_notes = g_list_model_get_n_items (nf_canvas_get_notes (canvas, (NfBlock) b));
  overview_rects (deck, plan->blocks);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      OvBlock *ov = &plan->blocks[b];

      fit_block (deck, canvas, (NfBlock) b, ov);
      if (ov->n_notes > 0)
        plan->n_pages = MAX (plan->n_pages, (ov->n_notes + ov->per_page - 1) / ov->per_page);
    }
  /* An overview of several slides shares every block's notes over them
   * all, rather than filling the first and leaving a note or two for the
   * last; a slide more when a share does not fit after all. */
  if (plan->n_pages > 1)
    for (gboolean spread = FALSE; !spread; )
      {
        spread = TRUE;
        for (guint b = 0; b < NF_N_BLOCKS && spread; b++)
          if (plan->blocks[b].n_notes > 0)
            spread = spread_block (deck, &plan->blocks[b], plan->n_pages);
        if (!spread)
          plan->n_pages++;
      }
  flow.deck = deck;
  flow.placed = plan->placed;
  flow.n_columns = deck->width >= 1000 ? 3 : 2;
  flow.column_width = (deck->width - 2 * NF_DECK_MARGIN - (flow.n_columns - 1) * COLUMN_GAP) / flow.n_columns;
  flow.top = NF_DECK_HEADER_HEIGHT + 22;
  flow.bottom = deck->height - NF_DECK_MARGIN * 0.6;
  flow.y = flow.top;
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    if (!plan->blocks[b].full)
      flow_block (&flow, canvas, (NfBlock) b, &plan->blocks[b]);
  plan->column_width = flow.column_width;
  deck->canvas = NULL;
  return plan;
}

guint
_nf_deck_plan_overview_pages (NfDeckPlan *plan)
{
  return plan->n_pages;
}

guint
_nf_deck_plan_overview_notes (NfDeckPlan *plan,
                              guint       page)
{
  guint total = 0;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      guint first, n;

      overview_slice (&plan->blocks[b], page, plan->n_pages, &first, &n);
      total += n;
    }
  return total;
}

gboolean
_nf_deck_plan_block_room (NfDeckPlan *plan,
                          NfBlock     block,
                          guint       page,
                          double     *out_free,
                          double     *out_need)
{
  OvBlock *ov = &plan->blocks[block];
  guint first, n;
  double free_at[2] = { 0, 0 }, need_at[2] = { G_MAXDOUBLE, G_MAXDOUBLE };
  double y = ov->inner.y, bottom = ov->inner.y + ov->inner.height, gap = 0;
  guint column = 0;
  gboolean cut = FALSE;

  *out_free = 0;
  *out_need = G_MAXDOUBLE;
  overview_slice (ov, page, plan->n_pages, &first, &n);
  if (n == 0)
    return FALSE;
  for (guint i = first; i < first + n; i++)
    {
      NfDeckCard *card = &ov->cards[i];

      if (y + card->height > bottom && y > ov->inner.y)
        {
          free_at[column] = bottom - y + gap;
          column = MIN (column + 1, 1);
          y = ov->inner.y;
        }
      if (card->cut)
        {
          NfDeckCard grown = *card;

          _nf_deck_card_limit (&grown, card->n_lines + 1, FALSE);
          _nf_deck_card_set_tight (&grown, card->tight);
          _nf_deck_card_set_marks (&grown, card->show_footer);
          need_at[column] = MIN (need_at[column], grown.height - card->height);
          cut = TRUE;
        }
      gap = card->tight ? 1 : CARD_GAP;
      y += card->height + gap;
    }
  /* A column's last card needs no gap below it. */
  free_at[column] = bottom - y + gap;
  for (guint c = 0; c <= column; c++)
    if (need_at[c] < G_MAXDOUBLE && free_at[c] - need_at[c] > *out_free - *out_need)
      {
        *out_free = free_at[c];
        *out_need = need_at[c];
      }
  return cut;
}

guint
_nf_deck_plan_block_styles (NfDeckPlan *plan,
                            NfBlock     block,
                            guint       page)
{
  OvBlock *ov = &plan->blocks[block];
  guint first, n, styles = 0;

  overview_slice (ov, page, plan->n_pages, &first, &n);
  for (guint i = first; i < first + n; i++)
    styles |= ov->cards[i].tight ? NF_DECK_CARD_ROW
            : ov->cards[i].show_footer ? NF_DECK_CARD_MARKED : NF_DECK_CARD_COMPACT;
  for (guint i = first; i < first + n; i++)
    if (ov->cards[i].cut && ov->cards[i].show_footer)
      styles |= NF_DECK_CARD_CUT_MARKED;
  return styles;
}

guint
_nf_deck_plan_block_faded (NfDeckPlan *plan,
                           NfBlock     block,
                           guint       page,
                           guint      *out_shown)
{
  OvBlock *ov = &plan->blocks[block];
  guint first, n, faded = 0;

  overview_slice (ov, page, plan->n_pages, &first, &n);
  for (guint i = first; i < first + n; i++)
    faded += ov->cards[i].cut && ov->cards[i].n_lines == 1;
  *out_shown = n;
  return faded;
}

void
_nf_deck_plan_free (NfDeckPlan *plan)
{
  if (plan == NULL)
    return;
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    free_cards (plan->blocks[b].cards, plan->blocks[b].n_notes);
  g_array_unref (plan->placed);
  g_free (plan);
}

void
_nf_deck_canvas_slides (NfDeck     *deck,
                        NfCanvas   *canvas,
                        NfDeckPlan *plan,
                        gboolean    title_slide)
{
  GListModel *tables = nf_canvas_get_tables (canvas);
  guint n_pages = plan->n_pages, first_block_page;
  int entry;

  if (title_slide)
    {
      _nf_deck_begin_page (deck);
      entry = _nf_deck_outline (deck, CAIRO_PDF_OUTLINE_ROOT, _nf_deck_company (canvas, deck->lang));
      draw_canvas_title (deck, canvas);
      _nf_deck_end_slide (deck);
      _nf_deck_begin_page (deck);
    }
  else
    {
      _nf_deck_begin_page (deck);
      entry = _nf_deck_outline (deck, CAIRO_PDF_OUTLINE_ROOT, _nf_deck_company (canvas, deck->lang));
    }
  _nf_deck_outline (deck, entry, _("Overview"));
  first_block_page = deck->page + n_pages;
  for (guint page = 0; page < n_pages; page++)
    {
      const char *title = _nf_deck_canvas_title (canvas, deck->lang);
      g_autofree char *sub = n_pages > 1
        /* TRANSLATORS: the header of an overview that takes several
         * slides; %s is the canvas's title, then slide i of n. */
        ? g_strdup_printf (_("%s — overview, %u of %u"), title != NULL ? title : "", page + 1, n_pages)
        : g_strdup (title != NULL ? title : "");

      if (page > 0)
        _nf_deck_begin_page (deck);
      _nf_deck_draw_header (deck, _nf_deck_company (canvas, deck->lang), sub);
      for (guint b = 0; b < NF_N_BLOCKS; b++)
        draw_overview_block (deck, (NfBlock) b, &plan->blocks[b], page, n_pages, first_block_page);
      _nf_deck_end_slide (deck);
    }

  draw_block_slides (deck, canvas, plan->placed, plan->column_width, entry);
  _nf_deck_metric_slides (deck, canvas, tables, entry);
  sources_slides (deck, canvas, entry);
}
