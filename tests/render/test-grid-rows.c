/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-grid-rows"

#include "config.h"

#include <math.h>
#include <string.h>

#include <ninefold.h>
#include <nf-render.h>

#include "nf-grid-block-private.h"

/* The rows' search scores each block once per share it depends on and
 * sums the scores (nf-grid-rows.c); it must choose exactly the edges,
 * and return exactly the cost, of the search that scored every
 * arrangement whole. That search is kept here as the reference. */

#define PRICE_PER_PIXEL 0.002

static const double bottom_shares[] = { 1.0, 0.95, 1.05, 0.9, 1.1, 0.85, 1.15, 0.8, 1.2, 0.75,
                                        1.25, 0.7, 1.3, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4 };
static const double middle_shares[] = { 0.5, 0.475, 0.525, 0.45, 0.55, 0.425, 0.575, 0.4, 0.6,
                                        0.375, 0.625, 0.35, 0.65 };

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

static void
set_edges (const NfGridStyle *style,
           double             height,
           double             bottom_share,
           double             middle_share,
           double             right_share,
           double             edges[NF_GRID_N_EDGES])
{
  double avail = height - 2 * style->margin + style->block_gap;
  double bottom = avail / 3 * bottom_share;
  double top = avail - bottom;

  edges[0] = style->margin;
  edges[1] = style->margin + top * middle_share;
  edges[2] = style->margin + top;
  edges[3] = style->margin + avail;
  edges[4] = style->margin + top * right_share;
}

static double
reference_balance (const NfGridStyle  *style,
                       double              height,
                       const NfGridLadder  ladders[NF_N_BLOCKS],
                       const double        overhead[NF_N_BLOCKS],
                       const double        least[NF_N_BLOCKS],
                       gboolean            balance,
                       double              edges[NF_GRID_N_EDGES])
{
  double standard[NF_GRID_N_EDGES], best_cost, best_short, best_unmet;

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
  /* A block that shows no card at all is worse than any amount of
   * content left out elsewhere: arrangements are compared first by how
   * far they leave blocks short of one card, then by their cost. */
  for (guint i = 0; i < G_N_ELEMENTS (bottom_shares); i++)
    for (guint j = 0; j < G_N_ELEMENTS (middle_shares); j++)
      for (guint k = 0; k < G_N_ELEMENTS (middle_shares); k++)
      {
        double e[NF_GRID_N_EDGES], cost, lack, unmet;

        set_edges (style, height, bottom_shares[i], middle_shares[j], middle_shares[k], e);
        lack = short_of_least (style, e, overhead, least);
        if (lack > best_short)
          continue;
        unmet = ladders_cost (style, e, ladders, overhead);
        cost = unmet + PRICE_PER_PIXEL *
               (fabs (e[1] - standard[1]) / 2 + fabs (e[4] - standard[4]) / 2 +
                fabs (e[2] - standard[2]));
        if (lack < best_short || cost < best_cost)
          {
            best_short = lack;
            best_cost = cost;
            best_unmet = unmet;
            memcpy (edges, e, sizeof e);
          }
      }
  /* The shares above step by about ten pixels; a line of text is less.
   * Each edge then moves by single pixels while that shows more, so no
   * block keeps most of a line it cannot use beside one a few pixels
   * short of its next line. */
  if (best_unmet > 0)
    for (guint round = 0; round < 3; round++)
      {
        gboolean moved = FALSE;

        for (guint i = 1; i < NF_GRID_N_EDGES; i++)
          {
            if (i == 3)
              continue;         /* the bottom of the grid */
            for (int d = -24; d <= 24; d++)
              {
                double e[NF_GRID_N_EDGES], cost, lack, unmet;

                if (d == 0)
                  continue;
                memcpy (e, edges, sizeof e);
                e[i] += d;
                /* The edges keep their order. */
                if (e[1] <= e[0] || e[4] <= e[0] || e[1] >= e[2] || e[4] >= e[2] ||
                    e[2] >= e[3])
                  continue;
                lack = short_of_least (style, e, overhead, least);
                if (lack > best_short)
                  continue;
                unmet = ladders_cost (style, e, ladders, overhead);
                cost = unmet + PRICE_PER_PIXEL *
                       (fabs (e[1] - standard[1]) / 2 + fabs (e[4] - standard[4]) / 2 +
                        fabs (e[2] - standard[2]));
                if (lack < best_short || cost < best_cost - 1e-9)
                  {
                    best_short = lack;
                    best_cost = cost;
                    best_unmet = unmet;
                    memcpy (edges, e, sizeof e);
                    moved = TRUE;
                  }
              }
          }
        if (!moved)
          break;
      }
  return best_unmet;
}

/* A ladder as the grid makes them: steps that need less height as they
 * show less, costing more; now and then a block without notes, or one
 * whose steps are all out of reach. */
static void
random_ladder (GRand        *rand,
               NfGridLadder *ladder)
{
  double req = g_rand_double_range (rand, 60, 1400), cut = 0;

  memset (ladder, 0, sizeof *ladder);
  ladder->n_cards = g_rand_int_range (rand, 0, 4) == 0 ? 0 : (guint) g_rand_int_range (rand, 1, 40);
  ladder->n_levels = g_rand_int_range (rand, 0, 6) == 0 ? 2 : NF_GRID_N_LEVELS;
  ladder->line = g_rand_double_range (rand, 14, 22);
  ladder->text_line = g_rand_int_range (rand, 0, 3) == 0 ? 0 : g_rand_double_range (rand, 12, 18);
  for (guint l = 0; l < ladder->n_levels; l++)
    {
      ladder->req[l] = l == 0 && g_rand_int_range (rand, 0, 5) == 0 ? G_MAXDOUBLE : round (req);
      ladder->cut[l] = cut;
      req *= g_rand_double_range (rand, 0.55, 1.0);
      cut += g_rand_double_range (rand, 0, 12);
    }
}

static void
test_same_edges (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  guint n_moved = 0;

  for (guint run = 0; run < 3000; run++)
    {
      NfGridLadder ladders[NF_N_BLOCKS];
      double overhead[NF_N_BLOCKS], least[NF_N_BLOCKS];
      double fast[NF_GRID_N_EDGES], slow[NF_GRID_N_EDGES], standard[NF_GRID_N_EDGES];
      double height = g_rand_double_range (rand, 300, 1500);
      gboolean balance = g_rand_int_range (rand, 0, 8) != 0;
      double a, b;

      for (guint k = 0; k < NF_N_BLOCKS; k++)
        {
          random_ladder (rand, &ladders[k]);
          overhead[k] = g_rand_double_range (rand, 30, 70);
          least[k] = ladders[k].n_cards == 0 ? 0 : g_rand_double_range (rand, 0, height / 4);
        }
      a = _nf_grid_rows_balance (style, height, ladders, overhead, least, balance, fast);
      b = reference_balance (style, height, ladders, overhead, least, balance, slow);
      g_assert_cmpmem (fast, sizeof fast, slow, sizeof slow);
      g_assert_true (memcmp (&a, &b, sizeof a) == 0);
      set_edges (style, height, 1.0, 0.5, 0.5, standard);
      n_moved += memcmp (fast, standard, sizeof fast) != 0;
    }
  /* Most runs move some edge: the search was exercised. */
  g_test_message ("%u of 3000 runs moved an edge", n_moved);
  g_assert_cmpuint (n_moved, >, 1000);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/grid-rows/same-edges", test_same_edges);
  return g_test_run ();
}
