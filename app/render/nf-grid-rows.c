/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-card-layout-private.h"
#include "nf-grid-block-private.h"

/* The standard canvas gives the top rows two thirds of the height and
 * splits them evenly. A block with room to spare may lend it across a
 * row edge to a crowded one: each arrangement of the edges below is
 * scored by what its blocks' ladders say it costs to show them at the
 * heights it gives (measured at the text size chosen), plus a small
 * price per pixel an edge moves, so the standard grid stays when moving
 * gains nothing; and the shares below keep the grid reading as the
 * canvas. */
#define PRICE_PER_PIXEL 0.002

static const double bottom_shares[] = { 1.0, 0.95, 1.05, 0.9, 1.1, 0.85, 1.15, 0.8, 1.2, 0.75,
                                        1.25, 0.7, 1.3, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4 };
static const double middle_shares[] = { 0.5, 0.475, 0.525, 0.45, 0.55, 0.425, 0.575, 0.4, 0.6,
                                        0.375, 0.625, 0.35, 0.65 };

/* The edge between the top rows is its own on each side of the value
 * propositions: Key Activities over Key Resources and Customer
 * Relationships over Channels split their column independently, as
 * paper canvases often do, so one crowded block does not squeeze the
 * other side's. */
static guint
edge_index (NfBlock block,
            guint   i)
{
  return i == 1 && nf_block_place (block)->x >= 5 ? 4 : i;
}

double
_nf_grid_rows_edge (const double edges[NF_GRID_N_EDGES],
                    NfBlock      block,
                    guint        i)
{
  return edges[edge_index (block, i)];
}

static double
content_height (const NfGridStyle *style,
                const double       edges[NF_GRID_N_EDGES],
                const double       overhead[NF_N_BLOCKS],
                NfBlock            b)
{
  const NfBlockPlace *place = nf_block_place (b);

  return _nf_grid_rows_edge (edges, b, place->y + place->height) -
         _nf_grid_rows_edge (edges, b, place->y) - style->block_gap - overhead[b];
}

static double
ladders_cost (const NfGridStyle  *style,
              const double        edges[NF_GRID_N_EDGES],
              const NfGridLadder  ladders[NF_N_BLOCKS],
              const double        overhead[NF_N_BLOCKS])
{
  double sum = 0;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    sum += _nf_grid_ladder_cost (&ladders[b], content_height (style, edges, overhead, (NfBlock) b));
  return sum;
}

/* How far the edges leave blocks short of showing one card each: 0 when
 * every block with notes shows one. */
static double
short_of_least (const NfGridStyle *style,
                const double       edges[NF_GRID_N_EDGES],
                const double       overhead[NF_N_BLOCKS],
                const double       least[NF_N_BLOCKS])
{
  double sum = 0;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    sum += MAX (0.0, least[b] - content_height (style, edges, overhead, (NfBlock) b));
  return sum;
}

/* Each block's shortfall (as short_of_least() adds it) and cost (as
 * ladders_cost() does) at these edges. */
static void
block_scores (const NfGridStyle  *style,
              const double        edges[NF_GRID_N_EDGES],
              const NfGridLadder  ladders[NF_N_BLOCKS],
              const double        overhead[NF_N_BLOCKS],
              const double        least[NF_N_BLOCKS],
              double              lack_at[NF_N_BLOCKS],
              double              cost_at[NF_N_BLOCKS])
{
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      double h = content_height (style, edges, overhead, (NfBlock) b);

      lack_at[b] = MAX (0.0, least[b] - h);
      cost_at[b] = _nf_grid_ladder_cost (&ladders[b], h);
    }
}

/* The height the top rows share at this bottom share (gaps included). */
static double
top_rows (const NfGridStyle *style,
          double             height,
          double             bottom_share)
{
  double avail = height - 2 * style->margin + style->block_gap;

  return avail - avail / 3 * bottom_share;
}

static void
set_edges (const NfGridStyle *style,
           double             height,
           double             bottom_share,
           double             middle_share,
           double             right_share,
           double             edges[NF_GRID_N_EDGES])
{
  double avail = height - 2 * style->margin + style->block_gap;
  double top = top_rows (style, height, bottom_share);

  edges[0] = style->margin;
  edges[1] = style->margin + top * middle_share;
  edges[2] = style->margin + top;
  edges[3] = style->margin + avail;
  edges[4] = style->margin + top * right_share;
}

void
_nf_grid_rows_range (const NfGridStyle *style,
                     double             height,
                     const double       overhead[NF_N_BLOCKS],
                     NfBlock            block,
                     double            *fewest,
                     double            *most)
{
  double e[NF_GRID_N_EDGES];

  set_edges (style, height, 1.0, 0.5, 0.5, e);
  *fewest = *most = content_height (style, e, overhead, block);
  for (guint i = 0; i < G_N_ELEMENTS (bottom_shares); i++)
    for (guint j = 0; j < G_N_ELEMENTS (middle_shares); j++)
      {
        double h;

        set_edges (style, height, bottom_shares[i], middle_shares[j], middle_shares[j], e);
        h = content_height (style, e, overhead, block);
        *fewest = MIN (*fewest, h);
        *most = MAX (*most, h);
      }
}

/* Which middle share a block's height follows: its row edge between
 * the top rows is edges[1] left of the value propositions and edges[4]
 * right of them; the others follow the bottom share only. */
enum { FOLLOWS_NONE, FOLLOWS_LEFT, FOLLOWS_RIGHT };

static guint
block_follows (NfBlock b)
{
  const NfBlockPlace *place = nf_block_place (b);

  if (place->y > 1 || (place->y == 0 && place->height == 2))
    return FOLLOWS_NONE;
  return place->x >= 5 ? FOLLOWS_RIGHT : FOLLOWS_LEFT;
}

#define N_BOTTOM G_N_ELEMENTS (bottom_shares)
#define N_MIDDLE G_N_ELEMENTS (middle_shares)

double
_nf_grid_rows_balance (const NfGridStyle  *style,
                       double              height,
                       const NfGridLadder  ladders[NF_N_BLOCKS],
                       const double        overhead[NF_N_BLOCKS],
                       const double        least[NF_N_BLOCKS],
                       gboolean            balance,
                       double              edges[NF_GRID_N_EDGES])
{
  double standard[NF_GRID_N_EDGES], best_cost, best_short, best_unmet;
  /* Each block's cost and shortfall at each bottom share and the middle
   * share it follows: a block's height depends on one or two of the
   * three shares, so it is scored once per pair rather than once per
   * arrangement. The sums below add them in block order, as
   * ladders_cost() and short_of_least() do, so the edges chosen are the
   * same to the last bit. */
  double block_cost[NF_N_BLOCKS][N_BOTTOM][N_MIDDLE], lack_of[NF_N_BLOCKS][N_BOTTOM][N_MIDDLE];
  guint follows[NF_N_BLOCKS];

  set_edges (style, height, 1.0, 0.5, 0.5, standard);
  memcpy (edges, standard, sizeof standard);
  best_short = short_of_least (style, standard, overhead, least);
  best_unmet = best_cost = ladders_cost (style, standard, ladders, overhead);
  /* Unbalanced rows stay the standard thirds unless those leave a block
   * with notes showing none of them. */
  if (!balance && best_short <= 0)
    return best_unmet;
  if (best_cost <= 0 && best_short <= 0)
    return 0;
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      follows[b] = block_follows ((NfBlock) b);
      for (guint i = 0; i < N_BOTTOM; i++)
        for (guint m = 0; m < N_MIDDLE; m++)
          {
            double e[NF_GRID_N_EDGES], h;

            if (follows[b] == FOLLOWS_NONE && m > 0)
              {
                block_cost[b][i][m] = block_cost[b][i][0];
                lack_of[b][i][m] = lack_of[b][i][0];
                continue;
              }
            set_edges (style, height, bottom_shares[i], middle_shares[m], middle_shares[m], e);
            h = content_height (style, e, overhead, (NfBlock) b);
            block_cost[b][i][m] = _nf_grid_ladder_cost (&ladders[b], h);
            lack_of[b][i][m] = MAX (0.0, least[b] - h);
          }
    }
  /* A block that shows no card at all is worse than any amount of
   * content left out elsewhere: arrangements are compared first by how
   * far they leave blocks short of one card, then by their cost. */
  for (guint i = 0; i < N_BOTTOM; i++)
    {
      /* set_edges()'s edges, made once a share. */
      double top = top_rows (style, height, bottom_shares[i]);
      double e2 = style->margin + top, e1[N_MIDDLE];

      for (guint m = 0; m < N_MIDDLE; m++)
        e1[m] = style->margin + top * middle_shares[m];
      for (guint j = 0; j < N_MIDDLE; j++)
        for (guint k = 0; k < N_MIDDLE; k++)
          {
            double cost_sum, lack = 0, unmet = 0;
            guint pick[] = { 0, j, k };

            for (guint b = 0; b < NF_N_BLOCKS; b++)
              lack += lack_of[b][i][pick[follows[b]]];
            if (lack > best_short)
              continue;
            for (guint b = 0; b < NF_N_BLOCKS; b++)
              unmet += block_cost[b][i][pick[follows[b]]];
            cost_sum = unmet + PRICE_PER_PIXEL *
                       (fabs (e1[j] - standard[1]) / 2 + fabs (e1[k] - standard[4]) / 2 +
                        fabs (e2 - standard[2]));
            if (lack < best_short || cost_sum < best_cost)
              {
                best_short = lack;
                best_cost = cost_sum;
                best_unmet = unmet;
                set_edges (style, height, bottom_shares[i], middle_shares[j], middle_shares[k],
                           edges);
              }
          }
    }
  /* The shares above step by about ten pixels; a line of text is less.
   * Each edge then moves by single pixels while that shows more, so no
   * block keeps most of a line it cannot use beside one a few pixels
   * short of its next line. */
  if (best_unmet > 0)
    {
      /* Each block's shortfall and cost at the edges chosen: moving one
       * edge changes only the blocks it bounds, and the sums add the
       * others' as they were, in block order, to the same bits. */
      double lack_at[NF_N_BLOCKS], cost_at[NF_N_BLOCKS];
      guint bounds[NF_N_BLOCKS];

      for (guint b = 0; b < NF_N_BLOCKS; b++)
        {
          const NfBlockPlace *place = nf_block_place ((NfBlock) b);

          bounds[b] = (1u << edge_index ((NfBlock) b, place->y)) |
                      (1u << edge_index ((NfBlock) b, place->y + place->height));
        }
      block_scores (style, edges, ladders, overhead, least, lack_at, cost_at);
      for (guint round = 0; round < 3; round++)
        {
          gboolean moved = FALSE;

          for (guint i = 1; i < NF_GRID_N_EDGES; i++)
            {
              if (i == 3)
                continue;         /* the bottom of the grid */
              for (int d = -24; d <= 24; d++)
                {
                  double e[NF_GRID_N_EDGES], cost, lack = 0, unmet = 0;

                  if (d == 0)
                    continue;
                  memcpy (e, edges, sizeof e);
                  e[i] += d;
                  /* The edges keep their order. */
                  if (e[1] <= e[0] || e[4] <= e[0] || e[1] >= e[2] || e[4] >= e[2] ||
                      e[2] >= e[3])
                    continue;
                  for (guint b = 0; b < NF_N_BLOCKS; b++)
                    lack += bounds[b] & (1u << i)
                            ? MAX (0.0, least[b] - content_height (style, e, overhead, (NfBlock) b))
                            : lack_at[b];
                  if (lack > best_short)
                    continue;
                  for (guint b = 0; b < NF_N_BLOCKS; b++)
                    unmet += bounds[b] & (1u << i)
                             ? _nf_grid_ladder_cost (&ladders[b],
                                                     content_height (style, e, overhead,
                                                                     (NfBlock) b))
                             : cost_at[b];
                  cost = unmet + PRICE_PER_PIXEL *
                         (fabs (e[1] - standard[1]) / 2 + fabs (e[4] - standard[4]) / 2 +
                          fabs (e[2] - standard[2]));
                  if (lack < best_short || cost < best_cost - 1e-9)
                    {
                      best_short = lack;
                      best_cost = cost;
                      best_unmet = unmet;
                      memcpy (edges, e, sizeof e);
                      block_scores (style, edges, ladders, overhead, least, lack_at, cost_at);
                      moved = TRUE;
                    }
                }
            }
          if (!moved)
            break;
        }
    }
  return best_unmet;
}

/* The room a card's column of the block leaves below its last card. */
static double
room_below (const NfGridBlock *block,
            const NfRect      *card)
{
  double bottom = card->y + card->height;

  for (guint i = 0; i < block->cards->len; i++)
    {
      const NfRect *r = &g_array_index (block->cards, NfGridCard, i).rect;

      if (fabs (r->x - card->x) < 0.5)
        bottom = MAX (bottom, r->y + r->height);
    }
  return block->content_rect.y + block->content_rect.height - bottom;
}

double
_nf_grid_rows_spare (const NfGridBlock *block)
{
  double spare = G_MAXDOUBLE;

  if (block->cards == NULL || block->plan.overflow)
    return 0;
  for (guint i = 0; i < block->cards->len; i++)
    spare = MIN (spare, room_below (block, &g_array_index (block->cards, NfGridCard, i).rect));
  return spare == G_MAXDOUBLE ? block->content_rect.height : MAX (0.0, spare);
}

double
_nf_grid_rows_short_of_line (const NfGridBlock *block,
                             const NfGridStyle *style)
{
  double least = 0;

  if (block->cards == NULL || block->plan.overflow)
    return 0;
  for (guint i = 0; i < block->cards->len; i++)
    {
      const NfGridCard *card = &g_array_index (block->cards, NfGridCard, i);
      guint shown;
      double grown, need;

      if (!nf_card_layout_get_truncated (card->card))
        continue;
      (void) _nf_card_layout_get_shown_text_height (card->card, &shown);
      grown = nf_card_layout_measure_density (card->card, style, card->rect.width,
                                              nf_card_layout_get_font_size (card->card),
                                              NF_CARD_LINES, MAX (2u, shown + 1));
      need = grown - card->rect.height - room_below (block, &card->rect);
      if (need > 0 && (least == 0 || need < least))
        least = need;
    }
  return least;
}
