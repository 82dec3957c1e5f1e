/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>

#include "nf-i18n-private.h"

#include "nf-deck-plan-private.h"
#include "nf-render-private.h"

/* A canvas's overview: all nine blocks and every note, at a size a room
 * can read (9 pt at the least). Each block tries its notes whole at
 * falling sizes, then as their opening words with the page of their
 * full text, and only when even one line each does not fit does the
 * overview go on to a second slide. A canvas whose notes all fit whole
 * at 12 pt has no other slide of notes. */

static const double larger_sizes[] = { 12, 11, 10 };   /* than OV_MIN_SIZE */

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
    _nf_deck_card_init (deck, &cards[i], _nf_deck_note_at (canvas, block, i), i + 1, col_w, size,
                        OV_MIN_SIZE, 0);
  return cards;
}

/* Where the nine blocks go on an overview slide: the canvas's own
 * arrangement, each slide's columns as wide and its rows as high as the
 * notes it shows ask, within limits that keep the canvas's shape (a
 * block of two short notes is not given the room of one of twenty, to
 * stand half empty beside it). */
static void
place_blocks (NfDeck          *deck,
              NfDeckPlan      *plan,
              const PageSplit *split)
{
  double x0 = NF_DECK_MARGIN * 0.6, y0 = NF_DECK_HEADER_HEIGHT + 12;
  double w = deck->width - 2 * x0, h = deck->height - y0 - NF_DECK_MARGIN * 0.5;
  double rows[4] = { 0, 0, h * split->top, h };
  double head = _nf_deck_line_height (deck, OV_HEAD_SIZE, PANGO_WEIGHT_BOLD);
  double foot = _nf_deck_line_height (deck, OV_MIN_SIZE, PANGO_WEIGHT_NORMAL);
  /* The same words as a compact card's pointer (nf-deck-cards.c): one
   * name for the page everywhere. */
  g_autofree char *sample = g_strdup_printf (_("→ p. %u"), 888);
  g_autoptr(PangoLayout) ref = _nf_deck_text (deck, sample, OV_MIN_SIZE, PANGO_WEIGHT_NORMAL, -1);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      const NfBlockPlace *place = nf_block_place ((NfBlock) b);
      OvBlock *ov = &plan->blocks[b];
      double left, right, room;

      if (place->y < 2)
        {
          left = split->edges[place->x / 2];
          right = split->edges[place->x / 2 + 1];
        }
      else
        {
          left = place->x == 0 ? 0 : split->bottom_edge;
          right = place->x == 0 ? split->bottom_edge : 10;
        }
      rows[1] = rows[2] * (place->x < 5 ? split->left : split->right);
      ov->rect = (NfRect) { x0 + left * w / 10 + OV_GAP / 2, y0 + rows[place->y] + OV_GAP / 2,
                            (right - left) * w / 10 - OV_GAP,
                            rows[place->y + place->height] - rows[place->y] - OV_GAP };
      g_autoptr(PangoLayout) title = _nf_deck_text (deck, nf_block_title ((NfBlock) b), OV_HEAD_SIZE,
                                                    PANGO_WEIGHT_BOLD, -1);

      /* Where the notes are in full goes beside the heading, or else
       * under the cards. */
      ov->ref_in_head = _nf_render_layout_width (title) + 12 + _nf_render_layout_width (ref) <=
                        ov->rect.width - 2 * OV_PAD;
      room = ov->rect.height - 2 * OV_PAD - head - 4 - (ov->ref_in_head ? 0 : foot + 2);
      ov->inner = (NfRect) { ov->rect.x + OV_PAD, ov->rect.y + OV_PAD + head + 4,
                             ov->rect.width - 2 * OV_PAD, room };
      ov->n_columns = ov->inner.width >= 420 ? 2 : 1;
    }
}

/* The blocks' boxes on overview slide `page`. */
void
_nf_deck_overview_use_page (NfDeckPlan *plan,
          guint       page)
{
  PageSplit *split = &g_array_index (plan->splits, PageSplit, MIN (page, plan->splits->len - 1));

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      plan->blocks[b].rect = split->rect[b];
      plan->blocks[b].inner = split->inner[b];
      plan->blocks[b].ref_in_head = split->ref_in_head[b];
      plan->blocks[b].n_columns = split->inner[b].width >= 420 ? 2 : 1;
    }
}

/* About how much room a note's card takes, from its text's length
 * alone (before it is laid out, which is done once, at the width its
 * column is given): a wide character takes two narrow ones' room, and
 * each card its padding and footer. */
static double
note_area (NfDeck *deck,
           NfNote *note)
{
  const char *text = nf_text_for_language (nf_note_get_text (note), deck->lang);
  guint cells = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    cells += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return cells * 6.0 * 15.0 * 1.2 + 200 * 36 + (nf_note_get_conflicts (note)[0] != NULL ? 200 * 30 : 0);
}

/* The columns share the width by their notes' room: each as wide as
 * makes their heights alike, between 1.5 tenths (or what its
 * headings take on one line) and 4 tenths of the width
 * (the bottom blocks between 3.5 and 6.5 tenths). `area`: each block's
 * notes', without its heading. */
static void
share_widths (NfDeckPlan   *plan,
              const double *area,
              PageSplit    *split)
{
  static const double hi = 4.0, heading = 200 * 40;
  double col[5], width[5];

  col[0] = area[NF_BLOCK_KEY_PARTNERS] + heading;
  col[1] = area[NF_BLOCK_KEY_ACTIVITIES] + area[NF_BLOCK_KEY_RESOURCES] + 2 * heading;
  col[2] = area[NF_BLOCK_VALUE_PROPOSITIONS] + heading;
  col[3] = area[NF_BLOCK_CUSTOMER_RELATIONSHIPS] + area[NF_BLOCK_CHANNELS] + 2 * heading;
  col[4] = area[NF_BLOCK_CUSTOMER_SEGMENTS] + heading;
  /* Shared in proportion, a column held at a limit leaving the rest to
   * the others: the widths are col / k within their limits, for the k
   * at which they fill the row. */
  {
    double k_lo = 1e-9, k_hi = 1e12;

    for (guint round = 0; round < 60; round++)
      {
        double k = sqrt (k_lo * k_hi), sum = 0;

        for (guint c = 0; c < 5; c++)
          sum += CLAMP (col[c] / k, plan->least[c], hi);
        if (sum > 10)
          k_lo = k;
        else
          k_hi = k;
      }
    for (guint c = 0; c < 5; c++)
      width[c] = CLAMP (col[c] / k_hi, plan->least[c], hi);
  }
  split->edges[0] = 0;
  for (guint c = 0; c < 5; c++)
    split->edges[c + 1] = split->edges[c] + width[c];
  split->edges[5] = 10;
  split->bottom_edge = CLAMP (10 * (area[NF_BLOCK_COST_STRUCTURE] + heading) /
                              (area[NF_BLOCK_COST_STRUCTURE] + area[NF_BLOCK_REVENUE_STREAMS] + 2 * heading),
                              BOTTOM_LEAST, 10 - BOTTOM_LEAST);
}

/* The height block `b`'s share of overview slide `page` asks for with
 * every note whole at the least size, its box and heading included. */
static double
block_need (NfDeckPlan *plan,
            NfBlock     b,
            guint       page)
{
  OvBlock *ov = &plan->blocks[b];
  double chrome = ov->rect.height - ov->inner.height;
  double total = 0, tallest = 0;
  guint first, n;

  _nf_deck_overview_slice (ov, page, plan->n_pages, &first, &n);
  if (n == 0)
    return chrome + 16;
  for (guint i = first; i < first + n; i++)
    {
      total += ov->cards[i].full_height + CARD_GAP;
      tallest = MAX (tallest, ov->cards[i].full_height);
    }
  if (ov->n_columns > 1)
    total = total / ov->n_columns + tallest / 2;
  return chrome + total;
}

/* The part of `total` that goes to a block asking `a` beside one asking
 * `b`: in proportion when both fit or neither fits in half; else the
 * one that does gets what it asks, and the other the rest. */
static double
split_by_need (double a,
               double b,
               double total,
               double lo,
               double hi)
{
  double part;

  if (a + b <= total || (a > total / 2 && b > total / 2))
    part = a / (a + b);
  else if (a <= total / 2)
    part = a / total;
  else
    part = 1 - b / total;
  return CLAMP (part, lo, hi);
}

/* Slide `page`'s rows shared by what its blocks' shares ask. */
static void
share_heights (NfDeck     *deck,
               NfDeckPlan *plan,
               guint       page,
               PageSplit  *split)
{
  double h = deck->height - (NF_DECK_HEADER_HEIGHT + 12) - NF_DECK_MARGIN * 0.5;
  double need[NF_N_BLOCKS], top, bottom;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    need[b] = block_need (plan, (NfBlock) b, page) + OV_GAP;
  top = MAX (MAX (need[NF_BLOCK_KEY_PARTNERS], need[NF_BLOCK_VALUE_PROPOSITIONS]),
             MAX (need[NF_BLOCK_CUSTOMER_SEGMENTS],
                  MAX (need[NF_BLOCK_KEY_ACTIVITIES] + need[NF_BLOCK_KEY_RESOURCES],
                       need[NF_BLOCK_CUSTOMER_RELATIONSHIPS] + need[NF_BLOCK_CHANNELS])));
  bottom = MAX (need[NF_BLOCK_COST_STRUCTURE], need[NF_BLOCK_REVENUE_STREAMS]);
  split->top = split_by_need (top, bottom, h, 0.55, 0.88);
  split->left = split_by_need (need[NF_BLOCK_KEY_ACTIVITIES], need[NF_BLOCK_KEY_RESOURCES],
                               h * split->top, 0.12, 0.88);
  split->right = split_by_need (need[NF_BLOCK_CUSTOMER_RELATIONSHIPS], need[NF_BLOCK_CHANNELS],
                                h * split->top, 0.12, 0.88);
}

/* A block whose notes all fit as their first lines gives the height
 * they leave unused back to them: a line more to each cut card in turn,
 * first to last, for as long as every card still fits. Nothing is shown
 * faded while a line of it would fit in the block's own room. The cards
 * keep one style, with their marks or without. */
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
          if (_nf_deck_overview_pack_cards (deck, ov->cards, first, n, &ov->inner, ov->n_columns, FALSE) == n)
            grew = TRUE;
          else
            *card = before;   /* the same layouts: only the counts change */
        }
    }
}

/* The cards [first, first + n) cut to their first three, two or one
 * lines, whichever is the most that fits, each with its marks (number,
 * evidence, tags) under its lines as a whole card has them: one design
 * across the slide. With `plain`, without marks: whole when they fit
 * so, else cut, and rows of one line only when nothing else fits.
 * FALSE when nothing fits; `out_fitted`: how many fit as one line. */
static gboolean
compact_share (NfDeck   *deck,
               OvBlock  *ov,
               guint     first,
               guint     n,
               gboolean  plain,
               guint    *out_fitted)
{
  int marks = !plain;

  for (guint lines = plain ? 4 : 3; lines >= 1; lines--)
    for (int tight = 0; tight <= (plain && lines == 1); tight++)
      {
        guint fitted;

        /* `plain` tries every note whole first (4: no limit). */
        for (guint i = first; i < first + n; i++)
          {
            _nf_deck_card_limit (&ov->cards[i], lines == 4 ? 0 : lines, FALSE);
            _nf_deck_card_set_tight (&ov->cards[i], tight);
            _nf_deck_card_set_marks (&ov->cards[i], marks);
          }
        fitted = _nf_deck_overview_pack_cards (deck, ov->cards, first, n, &ov->inner, ov->n_columns, FALSE);
        if (out_fitted != NULL && lines == 1 && !tight)
          *out_fitted = fitted;
        if (fitted == n)
          {
            fill_block (deck, ov, first, n, tight, marks);
            return TRUE;
          }
      }
  return FALSE;
}

/* Whether the cards [first, first + n) fit whole, each with its footer
 * (left so when they do). */
static gboolean
share_whole (NfDeck  *deck,
             OvBlock *ov,
             guint    first,
             guint    n)
{
  for (guint i = first; i < first + n; i++)
    _nf_deck_card_limit (&ov->cards[i], 0, TRUE);
  return _nf_deck_overview_pack_cards (deck, ov->cards, first, n, &ov->inner, ov->n_columns, FALSE) == n;
}

/* Places overview slide `page` for the shares it shows: columns as wide
 * as their cards' room (as their text's length tells), each share's
 * cards laid out again where its column's width changed, then rows as
 * high as those cards whole. Kept as the slide's split. */
static void
place_page (NfDeck     *deck,
            NfDeckPlan *plan,
            guint       page)
{
  PageSplit split = { .top = 0.7, .left = 0.5, .right = 0.5 };
  double area[NF_N_BLOCKS];

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      OvBlock *ov = &plan->blocks[b];
      guint first, n;

      _nf_deck_overview_slice (ov, page, plan->n_pages, &first, &n);
      area[b] = 0;
      for (guint i = first; i < first + n; i++)
        area[b] += ov->area[i];
    }
  share_widths (plan, area, &split);
  place_blocks (deck, plan, &split);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      OvBlock *ov = &plan->blocks[b];
      double col_w = (ov->inner.width - (ov->n_columns - 1) * CARD_GAP) / ov->n_columns;
      guint first, n;

      _nf_deck_overview_slice (ov, page, plan->n_pages, &first, &n);
      for (guint i = first; i < first + n; i++)
        if (fabs (ov->cards[i].width - col_w) > 0.01 || ov->cards[i].size != OV_MIN_SIZE)
          {
            _nf_deck_card_clear (&ov->cards[i]);
            _nf_deck_card_init (deck, &ov->cards[i], _nf_deck_note_at (plan->canvas, (NfBlock) b, i), i + 1,
                                col_w, OV_MIN_SIZE, OV_MIN_SIZE, 0);
            ov->cards[i].width = col_w;
            ov->cards[i].full_height = ov->cards[i].height;
          }
    }
  share_heights (deck, plan, page, &split);
  place_blocks (deck, plan, &split);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      split.rect[b] = plan->blocks[b].rect;
      split.inner[b] = plan->blocks[b].inner;
      split.ref_in_head[b] = plan->blocks[b].ref_in_head;
    }
  if (page < plan->splits->len)
    g_array_index (plan->splits, PageSplit, page) = split;
  else
    g_array_append_val (plan->splits, split);
}

/* Each block's share of slide `page` laid out in the boxes its split
 * gives: whole, else cut (with marks unless `plain`). FALSE when a share
 * does not fit so. */
static gboolean
refit_page (NfDeck     *deck,
            NfDeckPlan *plan,
            guint       page,
            gboolean    plain)
{
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      OvBlock *ov = &plan->blocks[b];
      guint first, n;

      _nf_deck_overview_slice (ov, page, plan->n_pages, &first, &n);
      if (n == 0 || (!plain && share_whole (deck, ov, first, n)))
        continue;
      if (!compact_share (deck, ov, first, n, plain, NULL))
        return FALSE;
    }
  return TRUE;
}

/* Whether a card of block `b`'s share of slide `page` is cut. */
static gboolean
share_cut (NfDeckPlan *plan,
           NfBlock     b,
           guint       page)
{
  OvBlock *ov = &plan->blocks[b];
  guint first, n;

  _nf_deck_overview_slice (ov, page, plan->n_pages, &first, &n);
  for (guint i = first; i < first + n; i++)
    if (ov->cards[i].cut)
      return TRUE;
  return FALSE;
}

/* The least height block `b`'s box takes for its share of slide `page`
 * as its cards are now laid out (at the size and in the style the slide
 * is set in). */
static double
share_height (NfDeck     *deck,
              NfDeckPlan *plan,
              NfBlock     b,
              guint       page)
{
  OvBlock *ov = &plan->blocks[b];
  NfRect inner = ov->inner;
  double lo = 0, hi = ov->inner.height;
  guint first, n;

  _nf_deck_overview_slice (ov, page, plan->n_pages, &first, &n);
  if (n == 0)
    return ov->rect.height - ov->inner.height + 16;
  for (guint round = 0; round < 14; round++)
    {
      inner.height = (lo + hi) / 2;
      if (_nf_deck_overview_pack_cards (deck, ov->cards, first, n, &inner, ov->n_columns, FALSE) == n)
        hi = inner.height;
      else
        lo = inner.height;
    }
  return ov->rect.height - ov->inner.height + hi + 1;
}

/* The row heights were shared by the cards' needs as estimated before
 * the slide's cards were set: where a top block cuts its notes while
 * the bottom row shows its own whole, the bottom row keeps only the
 * height its cards take as set, and the top row takes the rest, and
 * the slide is laid out again (kept as it was when that does not fit). */
static void
give_top_room (NfDeck     *deck,
               NfDeckPlan *plan,
               guint       page,
               gboolean    plain)
{
  PageSplit *split = &g_array_index (plan->splits, PageSplit, MIN (page, plan->splits->len - 1));
  PageSplit before = *split;
  double h = deck->height - (NF_DECK_HEADER_HEIGHT + 12) - NF_DECK_MARGIN * 0.5;
  gboolean top_cut = FALSE;
  double bottom, top;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    if (nf_block_place ((NfBlock) b)->y < 2)
      top_cut = top_cut || share_cut (plan, (NfBlock) b, page);
  if (!top_cut || share_cut (plan, NF_BLOCK_COST_STRUCTURE, page) ||
      share_cut (plan, NF_BLOCK_REVENUE_STREAMS, page))
    return;
  bottom = MAX (share_height (deck, plan, NF_BLOCK_COST_STRUCTURE, page),
                share_height (deck, plan, NF_BLOCK_REVENUE_STREAMS, page)) + OV_GAP;
  top = MIN (1 - bottom / h, 0.88);
  if (top <= split->top + 0.005)
    return;
  split->top = top;
  place_blocks (deck, plan, split);
  if (!refit_page (deck, plan, page, plain))
    {
      *split = before;
      place_blocks (deck, plan, split);
      refit_page (deck, plan, page, plain);
    }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      split->rect[b] = plan->blocks[b].rect;
      split->inner[b] = plan->blocks[b].inner;
      split->ref_in_head[b] = plan->blocks[b].ref_in_head;
    }
}

/* Every block's cards at `size`, whole: TRUE (and kept) when every
 * block fits so on the overview's one slide. */
static gboolean
fit_all_at (NfDeck     *deck,
            NfDeckPlan *plan,
            double      size)
{
  NfDeckCard *cards[NF_N_BLOCKS] = { NULL };
  gboolean fits = TRUE;

  for (guint b = 0; b < NF_N_BLOCKS && fits; b++)
    {
      OvBlock *ov = &plan->blocks[b];

      if (ov->n_notes == 0)
        continue;
      cards[b] = make_cards (deck, plan->canvas, (NfBlock) b, ov, size);
      fits = _nf_deck_overview_pack_cards (deck, cards[b], 0, ov->n_notes, &ov->inner, ov->n_columns, FALSE) == ov->n_notes;
    }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      OvBlock *ov = &plan->blocks[b];

      if (cards[b] == NULL)
        continue;
      if (fits)
        {
          _nf_deck_cards_free (ov->cards, ov->n_notes);
          ov->cards = cards[b];
          ov->size = size;
        }
      else
        _nf_deck_cards_free (cards[b], ov->n_notes);
    }
  return fits;
}

/* Slide `page`'s cards, every one whole, at `size`: TRUE (and kept)
 * when they all fit so. */
static gboolean
fit_page_at (NfDeck     *deck,
             NfDeckPlan *plan,
             guint       page,
             double      size)
{
  NfDeckCard *cards[NF_N_BLOCKS] = { NULL };
  guint firsts[NF_N_BLOCKS], counts[NF_N_BLOCKS];
  gboolean fits = TRUE;

  for (guint b = 0; b < NF_N_BLOCKS && fits; b++)
    {
      OvBlock *ov = &plan->blocks[b];
      double col_w = (ov->inner.width - (ov->n_columns - 1) * CARD_GAP) / ov->n_columns;

      _nf_deck_overview_slice (ov, page, plan->n_pages, &firsts[b], &counts[b]);
      if (counts[b] == 0)
        continue;
      cards[b] = g_new0 (NfDeckCard, counts[b]);
      for (guint i = 0; i < counts[b]; i++)
        {
          guint at = firsts[b] + i;

          _nf_deck_card_init (deck, &cards[b][i], _nf_deck_note_at (plan->canvas, (NfBlock) b, at), at + 1,
                              col_w, size, OV_MIN_SIZE, 0);
          cards[b][i].width = col_w;
          cards[b][i].full_height = ov->cards[at].full_height;
        }
      fits = _nf_deck_overview_pack_cards (deck, cards[b], 0, counts[b], &ov->inner, ov->n_columns, FALSE) == counts[b];
    }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      OvBlock *ov = &plan->blocks[b];

      if (cards[b] == NULL)
        continue;
      for (guint i = 0; i < counts[b]; i++)
        {
          NfDeckCard *keep = fits ? &ov->cards[firsts[b] + i] : &cards[b][i];

          _nf_deck_card_clear (keep);
          if (fits)
            *keep = cards[b][i];
        }
      g_free (cards[b]);
    }
  return fits;
}

/* Lays every block's share of every overview slide out: the slide
 * placed for its shares, then each share whole when it fits, else as
 * cut cards with their marks, else (`plain`) without. FALSE when a
 * share does not fit at all. */
static gboolean
spread_pages (NfDeck     *deck,
              NfDeckPlan *plan,
              gboolean    plain)
{
  g_array_set_size (plan->splits, 0);
  for (guint page = 0; page < plan->n_pages; page++)
    {
      gboolean whole = TRUE, fits = TRUE;

      place_page (deck, plan, page);
      for (guint tries = 0; ; tries++)
        {
          PageSplit *split = &g_array_index (plan->splits, PageSplit, page);
          const NfBlockPlace *place;
          int failed = -1;

          whole = TRUE;
          for (guint b = 0; b < NF_N_BLOCKS && failed < 0; b++)
            {
              OvBlock *ov = &plan->blocks[b];
              guint first, n;

              _nf_deck_overview_slice (ov, page, plan->n_pages, &first, &n);
              if (n == 0 || (!plain && share_whole (deck, ov, first, n)))
                continue;
              whole = FALSE;
              if (!compact_share (deck, ov, first, n, plain, NULL))
                failed = (int) b;
            }
          if (failed < 0)
            break;
          /* A stacked block that does not fit takes room from the block
           * above or below it, a step at a time, before the slide gives
           * up its marks (or, without, before the overview takes a
           * slide more). */
          place = nf_block_place ((NfBlock) failed);
          if (tries == 4 || place->y >= 2 || place->height != 1)
            {
              fits = FALSE;
              break;
            }
          {
            double *part = place->x < 5 ? &split->left : &split->right;

            *part = place->y == 0 ? MIN (*part + 0.08, 0.88) : MAX (*part - 0.08, 0.12);
          }
          place_blocks (deck, plan, split);
          for (guint b = 0; b < NF_N_BLOCKS; b++)
            {
              split->rect[b] = plan->blocks[b].rect;
              split->inner[b] = plan->blocks[b].inner;
              split->ref_in_head[b] = plan->blocks[b].ref_in_head;
            }
        }
      if (!fits)
        return FALSE;
      if (!whole)
        give_top_room (deck, plan, page, plain);
      /* A slide that shows every note whole shows them as large as
       * they all fit, at one size. */
      for (guint s = 0; whole && s < G_N_ELEMENTS (larger_sizes); s++)
        if (fit_page_at (deck, plan, page, larger_sizes[s]))
          break;
    }
  return TRUE;
}

/* The overview: one slide when every block shows all its notes there,
 * whole at one size from 12 down to 9 pt, or cut to their first lines
 * with their marks; else as many slides as that takes, each block's
 * notes shared over them and each slide placed for its own. Every card
 * of a slide is at one size and in one design: only a block too full
 * for that on MARKED_PAGES slides shows rows of first lines. */
void
_nf_deck_overview_plan (NfDeck     *deck,
               NfDeckPlan *plan)
{
  guint most = 1, estimate;
  gboolean whole = TRUE, plain = FALSE;

  for (guint c = 0; c < 5; c++)
    plan->least[c] = 1.5;
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      const NfBlockPlace *place = nf_block_place ((NfBlock) b);
      g_autoptr(PangoLayout) title = _nf_deck_text (deck, nf_block_title ((NfBlock) b), OV_HEAD_SIZE,
                                                    PANGO_WEIGHT_BOLD, -1);
      double w = deck->width - 2 * NF_DECK_MARGIN * 0.6;

      if (place->y < 2)
        plan->least[place->x / 2] = MAX (plan->least[place->x / 2],
                                         (_nf_render_layout_width (title) + 2 * OV_PAD + OV_GAP + 4) * 10 / w);
    }
  plan->n_pages = 1;
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      OvBlock *ov = &plan->blocks[b];

      ov->slide = -1;
      ov->full = TRUE;
      ov->size = OV_MIN_SIZE;
      ov->per_page = ov->n_notes;
      most = MAX (most, ov->n_notes);
      if (ov->n_notes == 0)
        continue;
      /* Laid out by place_page(), at the width it gives them. */
      ov->cards = g_new0 (NfDeckCard, ov->n_notes);
      ov->area = g_new (double, ov->n_notes);
      for (guint i = 0; i < ov->n_notes; i++)
        ov->area[i] = note_area (deck, _nf_deck_note_at (plan->canvas, (NfBlock) b, i));
    }
  place_page (deck, plan, 0);
  for (guint b = 0; b < NF_N_BLOCKS && whole; b++)
    whole = plan->blocks[b].n_notes == 0 ||
            share_whole (deck, &plan->blocks[b], 0, plan->blocks[b].n_notes);
  if (whole)
    {
      for (guint s = 0; s < G_N_ELEMENTS (larger_sizes); s++)
        if (fit_all_at (deck, plan, larger_sizes[s]))
          break;
      return;
    }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      OvBlock *ov = &plan->blocks[b];
      guint n = ov->n_notes, fitted = 0;

      if (n == 0 || share_whole (deck, ov, 0, n))
        continue;
      ov->full = FALSE;
      if (compact_share (deck, ov, 0, n, FALSE, NULL))
        continue;
      /* The notes' marks are on the block slides: the overview gives
       * them up before it takes a second slide. */
      plain = TRUE;
      if (!compact_share (deck, ov, 0, n, TRUE, &fitted))
        ov->per_page = MAX (fitted, 1);
    }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    if (plan->blocks[b].n_notes > 0)
      plan->n_pages = MAX (plan->n_pages, (plan->blocks[b].n_notes + plan->blocks[b].per_page - 1) /
                                          plan->blocks[b].per_page);
  if (plan->n_pages == 1 && !plain)
    {
      give_top_room (deck, plan, 0, FALSE);
      return;
    }
  /* One design across the slide: every card without its marks when one
   * block's do not fit (their room shared again for it); and a slide
   * more only when even one line of each note does not (hundreds of
   * notes): from the slides the first packing asked for. */
  estimate = plan->n_pages;
  plan->n_pages = 1;
  if (spread_pages (deck, plan, FALSE) || spread_pages (deck, plan, TRUE))
    return;
  plan->n_pages = MIN (estimate > 4 ? estimate : 2, most);
  while (!spread_pages (deck, plan, FALSE) && !spread_pages (deck, plan, TRUE) &&
         plan->n_pages < most)
    plan->n_pages++;
}
