/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-i18n-private.h"

#include "nf-card-layout-private.h"
#include "nf-grid-block-private.h"
#include "nf-render-private.h"

#define MAX_COLUMNS 12
/* A clamped card shows at most this many lines; more is a compact one. */
#define MAX_LINES   6

/* How many column counts a block's ladder tries, from the fewest. */
#define LADDER_COLUMNS 2
/* Past this many cards a block's guessed ladder scores this many of
 * them (_nf_grid_block_ladder_guess()). */
#define GUESS_EXACT  512
#define GUESS_SAMPLE 256

/* What the rows are shared by: a card cut costs the share of its text
 * cut away, times this; */
#define CUT_WEIGHT      10.0
/* a card cut to one line this more; */
#define ONE_LINE_WEIGHT  2.0
/* a card whose tags show only as marks this. */
#define COMPACT_WEIGHT   0.25
/* a clamped card, even one that keeps all its lines, this more than a
 * compact one: it reads tighter, and the block is no longer the
 * whole text at a glance, so the rows give a block compact cards
 * before clamped ones when a few pixels do it. */
#define CLAMPED_WEIGHT   (COMPACT_WEIGHT + 0.05)

/* A card narrower than this at a density reads badly: FULL and COMPACT
 * keep the style's minimum, the clamped cards go to 40% of it (their
 * text is cut anyway; hovering or focusing one shows all of it). And a
 * card wider than twice the minimum makes lines too long to read, so a
 * wide block starts with that many columns. */
static double
min_card_width (const NfGridStyle *style,
                NfCardDensity      density)
{
  switch (density)
    {
    case NF_CARD_FULL:
      return style->card_min_width;
    case NF_CARD_COMPACT:
      return style->card_min_width * 0.75;
    case NF_CARD_LINES:
    case NF_CARD_LINE:
    default:
      return style->card_min_width * 0.4;
    }
}

static double
density_gap (const NfGridStyle *style,
             NfCardDensity      density)
{
  if (density == NF_CARD_FULL)
    return style->card_gap;
  if (density == NF_CARD_COMPACT)
    return round (style->card_gap * 0.75);
  return floor (style->card_gap * 0.4);
}

static guint
fewest_columns (const NfGridStyle *style,
                double             width)
{
  double widest = 2 * style->card_min_width;
  guint n = (guint) ceil ((width + style->card_gap) / (widest + style->card_gap));

  return CLAMP (n, 1, MAX_COLUMNS);
}

static guint
most_columns (const NfGridStyle *style,
              double             width,
              NfCardDensity      density)
{
  double gap = density_gap (style, density);
  guint n = (guint) floor ((width + gap) / (min_card_width (style, density) + gap));

  return CLAMP (n, fewest_columns (style, width), MAX_COLUMNS);
}

static double
column_width (double width,
              guint  n_columns,
              double gap)
{
  return MAX (1.0, floor ((width - (n_columns - 1) * gap) / n_columns));
}

/* The least a card can be at a density without measuring its text: one
 * line, and a line of footer for a full card with tags or evidence. */
static double
lower_bound (const NfGridStyle *style,
             double             font_size,
             NfCardDensity      density)
{
  double line = nf_card_layout_line_height (style, font_size);

  if (density == NF_CARD_FULL)
    return line + 2 * (style->card_padding - MAX (2.0, round (style->card_padding / 2)));
  return line;
}

/* What a clamped card grows by when it shows one line more (at most:
 * nf-card-layout.c rounds n lines up as a whole). */
static double
text_line (const NfGridStyle *style,
           double             font_size)
{
  return ceil (nf_card_layout_line_height (style, font_size) -
               2 * MAX (2.0, round (style->card_padding / 2)) + 0.5);
}

/* Column-major: down the first column until the next card would pass
 * `limit`, then the next column. `next` (may be NULL) gets the least
 * limit at which one of the breaks made up to where it stopped would not
 * be made (G_MAXDOUBLE: none was): below it, any limit breaks the same. */
static gboolean
columns_hold (const double *heights,
              guint         n_cards,
              guint         n_columns,
              double        gap,
              double        limit,
              double       *next)
{
  guint column = 0;
  double top = 0, least = G_MAXDOUBLE;
  gboolean held = TRUE;

  for (guint i = 0; i < n_cards; i++)
    {
      double h = heights[i];

      if (h > limit)
        {
          least = MIN (least, h);
          held = FALSE;
          break;
        }
      if (top > 0 && top + gap + h > limit)
        {
          least = MIN (least, top + gap + h);
          if (++column >= n_columns)
            {
              held = FALSE;
              break;
            }
          top = 0;
        }
      top += (top > 0 ? gap : 0) + h;
    }
  if (next != NULL)
    *next = least;
  return held;
}

gboolean
_nf_grid_block_plan (const NfGridStyle *style,
                     double             width,
                     double             height,
                     double             font_size,
                     NfCardDensity      density,
                     NfCardLayout     **cards,
                     guint              n_cards,
                     NfGridPlan        *plan)
{
  double gap = density_gap (style, density);
  guint lo = fewest_columns (style, width);
  guint hi = most_columns (style, width, density);
  g_autofree double *heights = NULL;
  double least = lower_bound (style, font_size, density);

  if (n_cards == 0)
    {
      *plan = (NfGridPlan) { density, 0, 1, column_width (width, 1, gap), gap, 0, FALSE };
      return TRUE;
    }
  /* Even at the least height each card could have, the columns could not
   * take them: no need to measure a line. */
  if (least > height || n_cards * (least + gap) - gap > hi * (height + gap))
    return FALSE;

  heights = g_new (double, n_cards);
  for (guint n = lo; n <= hi; n++)
    {
      double cw = column_width (width, n, style->card_gap);
      double total = 0, tallest = 0, a, b;
      gboolean fits = TRUE;
      guint max_lines = 0;

      if (n_cards * (least + gap) - gap > n * (height + gap))
        continue;
      /* Clamped cards show as many lines as the block has room for: the
       * most, from a few down to two, at which the columns hold them. */
      for (guint k = density == NF_CARD_LINES ? MAX_LINES : 0; ; k--)
        {
          /* What no card can be shorter than rules most arrangements out
           * before a line is broken. */
          for (guint i = 0; i < n_cards; i++)
            heights[i] = _nf_card_layout_least_height (cards[i], style, cw, font_size, density, k);
          if (!columns_hold (heights, n_cards, n, gap, height, NULL))
            {
              fits = FALSE;
              if (k <= 2)
                break;
              continue;
            }
          total = 0;
          tallest = 0;
          fits = TRUE;
          for (guint i = 0; i < n_cards && fits; i++)
            {
              heights[i] = nf_card_layout_measure_density (cards[i], style, cw, font_size,
                                                           density, k);
              tallest = MAX (tallest, heights[i]);
              total += heights[i] + gap;
              fits = heights[i] <= height && total - gap <= n * (height + gap);
            }
          fits = fits && columns_hold (heights, n_cards, n, gap, height, NULL);
          max_lines = k;
          if (fits || k <= 2)
            break;
        }
      if (!fits)
        continue;
      /* The columns balanced: the least limit that still holds them,
       * so the last column is not a stub below full ones. */
      a = MAX (tallest, (total - gap) / n - gap);
      b = height;
      if (columns_hold (heights, n_cards, n, gap, a, NULL))
        b = a;
      while (b - a > 0.5)
        {
          double mid = (a + b) / 2;

          if (columns_hold (heights, n_cards, n, gap, mid, NULL))
            b = mid;
          else
            a = mid;
        }
      *plan = (NfGridPlan) { density, max_lines, n, cw, gap, ceil (b), FALSE };
      /* Rounded up past the height: the height itself holds them. */
      if (plan->limit > height)
        plan->limit = height;
      return TRUE;
    }
  return FALSE;
}

void
_nf_grid_block_plan_overflow (const NfGridStyle *style,
                              double             width,
                              double             height,
                              double             font_size,
                              guint              n_cards,
                              NfGridPlan        *plan)
{
  double gap = density_gap (style, NF_CARD_LINE);
  guint n = most_columns (style, width, NF_CARD_LINE);
  double h = nf_card_layout_line_height (style, font_size);
  guint rows = (n_cards + n - 1) / n;

  *plan = (NfGridPlan) { NF_CARD_LINE, 1, n, column_width (width, n, gap), gap,
                         rows * (h + gap) - gap, rows * (h + gap) - gap > height };
}

/* The least limit at which `n_columns` column-major columns hold cards
 * of these heights, to half a pixel, rounded up: where halving the range
 * from the even share to the whole height stops. Filling columns greedily
 * makes the same breaks at every limit below the least height some column
 * would need to take the card that begins the next, so the exact least
 * limit is found by stepping from limit to such height, a few passes;
 * the halving then only compares its midpoints with it. */
static double
least_limit (const double *heights,
             guint         n_cards,
             guint         n_columns,
             double        gap)
{
  double total = 0, tallest = 0, a, b, least;
  gboolean found = FALSE;

  for (guint i = 0; i < n_cards; i++)
    {
      total += heights[i] + (i > 0 ? gap : 0);
      tallest = MAX (tallest, heights[i]);
    }
  a = MAX (tallest, (total + gap) / n_columns - gap);
  b = total;
  least = a;
  for (guint pass = 0; pass < 16 && !found; pass++)
    {
      double next;

      found = columns_hold (heights, n_cards, n_columns, gap, least, &next);
      if (!found)
        least = next;
    }
  if (found ? least <= a : columns_hold (heights, n_cards, n_columns, gap, a, NULL))
    return ceil (a);
  while (b - a > 0.5)
    {
      double mid = (a + b) / 2;

      /* Rarely not found (many columns breaking one after another): then
       * each midpoint is tried. */
      if (found ? mid >= least : columns_hold (heights, n_cards, n_columns, gap, mid, NULL))
        b = mid;
      else
        a = mid;
    }
  return ceil (b);
}

/* The limit a sample of a big block's cards, each standing for `scale`
 * cards, suggests for `n_columns` columns: the even share of their
 * height and gaps, plus half the tallest card a column leaves unfilled
 * at its foot on average. No search: a guess needs no half pixel. */
static double
summed_limit (const double *heights,
              guint         n_sampled,
              double        scale,
              guint         n_columns,
              double        gap)
{
  double total = 0, tallest = 0;

  for (guint i = 0; i < n_sampled; i++)
    {
      total += heights[i] + gap;
      tallest = MAX (tallest, heights[i]);
    }
  total *= scale;
  return ceil (MAX (tallest, total / n_columns - gap + (tallest + gap) / 2));
}

/* The limit whole cards would need by their estimated lines (no line
 * is broken). */
static double
estimate_limit (const NfGridStyle *style,
                NfCardLayout     **cards,
                guint              n_cards,
                guint              n_columns,
                double             cw,
                double             gap,
                double             font_size,
                NfCardDensity      density)
{
  double line = nf_card_layout_line_height (style, font_size) -
                2 * MAX (2.0, round (style->card_padding / 2));
  double fixed = density == NF_CARD_FULL ? 2 * style->card_padding
                                         : 2 * MAX (2.0, round (style->card_padding / 2));
  double total = 0;

  for (guint i = 0; i < n_cards; i++)
    total += fixed + gap +
             _nf_card_layout_estimate_lines (cards[i], style, cw, font_size, 0.5, 1.0) * line;
  return (total - gap) / n_columns;
}

double
_nf_grid_block_need (const NfGridStyle *style,
                     double             width,
                     double             font_size,
                     NfCardLayout     **cards,
                     guint              n_cards)
{
  double gap = density_gap (style, NF_CARD_COMPACT);

  if (n_cards == 0 || width < 1)
    return 0;
  return width * (estimate_limit (style, cards, n_cards, 1, width, gap, font_size,
                                  NF_CARD_COMPACT) + gap);
}

/* Level 2 is six lines, level 6 two. */
void
_nf_grid_level_density (guint          level,
               NfCardDensity *density,
               guint         *max_lines)
{
  *max_lines = 0;
  if (level == 0)
    *density = NF_CARD_FULL;
  else if (level == 1)
    *density = NF_CARD_COMPACT;
  else if (level + 1 < NF_GRID_N_LEVELS)
    {
      *density = NF_CARD_LINES;
      *max_lines = MAX_LINES + 2 - level;
    }
  else
    *density = NF_CARD_LINE;
}

void
_nf_grid_block_ladder (const NfGridStyle *style,
                       double             width,
                       double             font_size,
                       double             floor_height,
                       double             cap,
                       guint              n_levels,
                       NfCardLayout     **cards,
                       guint              n_cards,
                       NfGridLadder      *ladder)
{
  g_autofree double *heights = n_cards > 0 ? g_new (double, n_cards) : NULL;
  g_autofree double *bound = n_cards > 0 ? g_new (double, n_cards) : NULL;
  g_autofree double *wider = n_cards > 0 ? g_new (double, n_cards) : NULL;
  guint lo = fewest_columns (style, width);
  guint level;

  ladder->n_levels = n_levels = MIN (n_levels, NF_GRID_N_LEVELS);
  ladder->n_cards = n_cards;
  ladder->line = nf_card_layout_line_height (style, font_size) +
                 density_gap (style, NF_CARD_LINE);
  ladder->text_line = text_line (style, font_size);
  for (level = 0; level < n_levels; level++)
    {
      NfCardDensity density;
      guint max_lines, hi;
      double gap, best = G_MAXDOUBLE, cut = 0;
      gboolean have_wider = FALSE;

      _nf_grid_level_density (level, &density, &max_lines);
      gap = density_gap (style, density);
      /* A few column counts past the fewest tell how much a step needs
       * well enough to share the rows; the plan tries them all. */
      hi = MIN (most_columns (style, width, density), lo + LADDER_COLUMNS - 1);
      if (n_cards == 0)
        best = 0;
      /* Past the height every arrangement gives, fewer columns read
       * better and more gain nothing. */
      for (guint n = lo; n <= hi && n_cards > 0 && best > floor_height; n++)
        {
          /* The plan's own width, so what is measured here serves it;
           * the same at every step (_nf_grid_block_place() spreads the
           * columns over the width), so a card's text broken whole at
           * it serves every step. */
          double cw = column_width (width, n, style->card_gap);
          double limit;

          /* A card is no shorter than its least height, nor than it is
           * in a wider column: that rules most column counts out before
           * a line is broken. */
          for (guint i = 0; i < n_cards; i++)
            {
              bound[i] = _nf_card_layout_least_height (cards[i], style, cw, font_size,
                                                       density, max_lines);
              if (have_wider)
                bound[i] = MAX (bound[i], wider[i]);
            }
          limit = least_limit (bound, n_cards, n, gap);
          if (limit >= best || limit > cap)
            continue;
          /* Whole text far past the cap by the characters' average
           * widths is not measured: the block is crowded, and its
           * clamped steps are what the rows are shared by. */
          if ((density == NF_CARD_FULL || density == NF_CARD_COMPACT) &&
              estimate_limit (style, cards, n_cards, n, cw, gap, font_size, density) > cap * 1.25)
            continue;
          if (density != NF_CARD_LINE)
            for (guint i = 0; i < n_cards; i++)
              heights[i] = nf_card_layout_measure_density (cards[i], style, cw, font_size,
                                                           density, max_lines);
          else
            memcpy (heights, bound, n_cards * sizeof (double));
          memcpy (wider, heights, n_cards * sizeof (double));
          have_wider = TRUE;
          limit = least_limit (heights, n_cards, n, gap);
          if (limit >= best || limit > cap)
            continue;
          best = limit;
          cut = density >= NF_CARD_LINES ? CLAMPED_WEIGHT * n_cards : 0;
          if (density == NF_CARD_LINES || density == NF_CARD_LINE)
            {
              /* A clamped card's padding (nf-card-layout.c). */
              double pad = 2 * MAX (2.0, round (style->card_padding / 2));

              /* The share of each card's lines cut away: cutting a
               * long note to two lines loses more than a short one. */
              for (guint i = 0; i < n_cards; i++)
                {
                  double all = nf_card_layout_measure_density (cards[i], style, cw, font_size,
                                                               NF_CARD_LINES, 64);

                  if (all > heights[i] + 0.5)
                    cut += CUT_WEIGHT * (all - heights[i]) / MAX (1.0, all - pad) +
                           (density == NF_CARD_LINE ? ONE_LINE_WEIGHT : 0);
                }
            }
          else
            cut = density == NF_CARD_COMPACT ? COMPACT_WEIGHT * n_cards : 0;
        }
      /* The row edges are rounded to whole pixels after sharing. */
      ladder->req[level] = best < G_MAXDOUBLE && best > 0 ? best + 1 : best;
      ladder->cut[level] = cut;
      /* Every arrangement holds this step: what lies below it is never
       * asked for (_nf_grid_ladder_cost() stops at the first step held). */
      if (ladder->req[level] <= floor_height)
        break;
    }
  for (guint rest = level + 1; rest < n_levels; rest++)
    {
      ladder->req[rest] = ladder->req[level];
      ladder->cut[rest] = ladder->cut[level];
    }
}

void
_nf_grid_block_ladder_guess (const NfGridStyle *style,
                             double             width,
                             double             font_size,
                             NfCardLayout     **cards,
                             guint              n_cards,
                             NfGridLadder      *ladder)
{
  /* A big block's guess scores an even sample of its cards and sums it
   * up, so the guess costs the same at 10,000 notes as at 300; smaller
   * blocks (the cases) score every card as the measured pass would. */
  guint n_scored = n_cards > GUESS_EXACT ? GUESS_SAMPLE : n_cards;
  double scale = n_scored > 0 ? n_cards / (double) n_scored : 1;
  g_autofree double *heights = n_scored > 0 ? g_new (double, n_scored) : NULL;
  /* Each scored card's lines by its characters at each column count the
   * steps try: the same at every step, so estimated once. */
  g_autofree guint *lines = n_scored > 0 ? g_new (guint, n_scored * LADDER_COLUMNS) : NULL;
  gboolean estimated[LADDER_COLUMNS] = { FALSE };
  guint lo = fewest_columns (style, width);

  ladder->n_levels = NF_GRID_N_LEVELS;
  ladder->n_cards = n_cards;
  ladder->line = nf_card_layout_line_height (style, font_size) +
                 density_gap (style, NF_CARD_LINE);
  ladder->text_line = text_line (style, font_size);
  for (guint level = 0; level < NF_GRID_N_LEVELS; level++)
    {
      NfCardDensity density;
      guint max_lines, hi;
      double gap, best = n_cards == 0 ? 0 : G_MAXDOUBLE, cut = 0;
      double by_lines[64];

      for (guint k = 0; k < G_N_ELEMENTS (by_lines); k++)
        by_lines[k] = -1;
      _nf_grid_level_density (level, &density, &max_lines);
      gap = density_gap (style, density);
      hi = MIN (most_columns (style, width, density), lo + LADDER_COLUMNS - 1);
      for (guint n = lo; n <= hi && n_cards > 0; n++)
        {
          double cw = column_width (width, n, style->card_gap), limit, c = 0;
          guint *all = lines + (n - lo) * n_scored;

          if (!estimated[n - lo])
            {
              /* The characters' average widths, as _nf_card_layout_guess_height(). */
              for (guint i = 0; i < n_scored; i++)
                all[i] = _nf_card_layout_estimate_lines (cards[n_scored == n_cards ? i
                                                               : (guint) ((i + 0.5) * scale)],
                                                         style, cw, font_size, 0.5, 1.0);
              estimated[n - lo] = TRUE;
            }
          for (guint i = 0; i < n_scored; i++)
            {
              NfCardLayout *card = cards[n_scored == n_cards ? i
                                         : (guint) ((i + 0.5) * scale)];

              /* Past full cards a height depends on the line count alone. */
              if (density != NF_CARD_FULL && all[i] < G_N_ELEMENTS (by_lines))
                {
                  if (by_lines[all[i]] < 0)
                    by_lines[all[i]] = _nf_card_layout_height_of_lines (card, style, font_size,
                                                                        density, max_lines,
                                                                        all[i]);
                  heights[i] = by_lines[all[i]];
                }
              else
                heights[i] = _nf_card_layout_height_of_lines (card, style, font_size,
                                                              density, max_lines, all[i]);
              /* As _nf_grid_block_ladder() counts what is cut. */
              if (density == NF_CARD_LINE && all[i] > 1)
                c += CUT_WEIGHT * (all[i] - 1) / (double) all[i] + ONE_LINE_WEIGHT;
              else if (density == NF_CARD_LINES && all[i] > MAX (2u, max_lines))
                c += CUT_WEIGHT * (all[i] - MAX (2u, max_lines)) / (double) all[i];
            }
          c *= scale;
          if (density == NF_CARD_COMPACT)
            c = COMPACT_WEIGHT * n_cards;
          else if (density >= NF_CARD_LINES)
            c += CLAMPED_WEIGHT * n_cards;
          limit = n_scored == n_cards ? least_limit (heights, n_cards, n, gap)
                                      : summed_limit (heights, n_scored, scale, n, gap);
          if (limit < best)
            {
              best = limit;
              cut = c;
            }
        }
      ladder->req[level] = best < G_MAXDOUBLE && best > 0 ? best + 1 : best;
      ladder->cut[level] = cut;
    }
}

/* A card costs the share of its text cut away, and a little more cut to
 * one line; compact (tags as marks) a little; a block that cannot show
 * its cards at all most. */
double
_nf_grid_ladder_cost (const NfGridLadder *ladder,
                      double              height)
{
  double prev_cost = 0, prev_req = G_MAXDOUBLE;

  if (ladder->n_cards == 0 || ladder->n_levels == 0)
    return 0;
  for (guint level = 0; level < ladder->n_levels; level++)
    {
      double req = ladder->req[level];
      double cost = ladder->cut[level];

      if (req >= prev_req)
        continue;       /* no better than the step above */
      if (height >= req)
        {
          /* Between two steps below the full cards: the spare lines go
           * to cut cards (_nf_grid_block_place()); between compact and
           * full cards nothing changes. */
          if (level > 1 && prev_req < G_MAXDOUBLE && prev_req > req)
            {
              /* Only whole lines of room show more: a block given less
               * than a line more shows nothing more. */
              double gained = ladder->text_line > 0
                              ? floor ((height - req) / ladder->text_line) * ladder->text_line
                              : height - req;

              return cost + (prev_cost - cost) * MIN (1.0, gained / (prev_req - req));
            }
          return cost;
        }
      prev_cost = cost;
      prev_req = req;
    }
  /* Not even the last step: the cards would scroll, each line short a
   * card more hidden. */
  return NF_GRID_OVERFLOW_COST + ladder->n_cards * NF_GRID_OVERFLOW_COST +
         (prev_req < G_MAXDOUBLE ? (prev_req - height) / MAX (1.0, ladder->line) : 1000);
}

double
_nf_grid_block_least (const NfGridStyle *style,
                      double             width,
                      double             font_size,
                      guint              n_cards)
{
  NfGridPlan plan;

  if (n_cards == 0)
    return 0;
  _nf_grid_block_plan_overflow (style, width, G_MAXDOUBLE, font_size, n_cards, &plan);
  return plan.limit;
}

static double
marker_font_size (const NfGridStyle *style)
{
  return MAX (style->min_font_size,
              style->base_font_size * style->footer_font_scale);
}

#define MORE_PAD_X 10
#define MORE_PAD_Y 3

/* The "+N more" sign of a block that scrolls, drawn only where nothing
 * can scroll (a PNG, a PDF): made once per block, its text set only when
 * N changes. */
static double
more_height (NfGridBlock       *block,
             PangoContext      *context,
             const NfGridStyle *style)
{
  PangoRectangle logical;

  if (block->more == NULL)
    {
      block->more = _nf_render_layout_new (context);
      pango_layout_set_text (block->more, "+", -1);
      block->more_count = G_MAXUINT;
    }
  _nf_render_set_font (block->more, style->font_family,
                       marker_font_size (style), PANGO_WEIGHT_SEMIBOLD);
  pango_layout_get_extents (block->more, NULL, &logical);
  return ceil (logical.height / (double) PANGO_SCALE) + 2 * MORE_PAD_Y;
}

/* At the bottom of the block, over the last row that shows. */
static void
update_more (NfGridBlock       *block,
             PangoContext      *context,
             const NfGridStyle *style)
{
  PangoRectangle logical;
  double w, h = more_height (block, context, style);

  if (block->more_count != block->n_hidden)
    {
      /* Translators: a marker under the notes of a block that did not
       * fit; %u is how many are not shown. */
      g_autofree char *text = g_strdup_printf (nf_ngettext (
                                                            "+%u more",
                                                            "+%u more",
                                                            block->n_hidden),
                                               block->n_hidden);
      pango_layout_set_text (block->more, text, -1);
      block->more_count = block->n_hidden;
      _nf_render_count_measure ();
    }
  pango_layout_get_extents (block->more, NULL, &logical);
  w = ceil (logical.width / (double) PANGO_SCALE) + 2 * MORE_PAD_X;
  w = MIN (w, block->content_rect.width);
  block->more_rect.x = round (block->content_rect.x +
                              (block->content_rect.width - w) / 2);
  block->more_rect.y = block->content_rect.y + MAX (0.0, block->content_rect.height - h);
  block->more_rect.width = w;
  block->more_rect.height = h;
  block->more_x = block->more_rect.x + MORE_PAD_X;
  block->more_y = block->more_rect.y + MORE_PAD_Y;
}

/* Which column each card of a column-major plan goes to, from the
 * heights it will have. */
static void
assign_columns (const NfGridPlan *plan,
                const double     *heights,
                guint             n_cards,
                guint            *columns)
{
  guint column = 0;
  double top = 0;

  for (guint i = 0; i < n_cards; i++)
    {
      if (i > 0)
        {
          if (top + plan->gap + heights[i] > plan->limit + 0.5 && column + 1 < plan->n_columns)
            {
              column++;
              top = 0;
            }
          else
            top += plan->gap;
        }
      columns[i] = column;
      top += heights[i];
    }
}

/* Clamped cards cut short while their column has room below: each takes
 * one more line in turn, top first, while the room holds it, so no text
 * stays cut beside empty space. The plan's line count is the least each
 * card shows; `lines` gets what each shows now (1 for a one-line card). */
static void
fill_columns (const NfGridStyle *style,
              const NfGridPlan  *plan,
              double             font_size,
              double             height,
              NfCardLayout     **cards,
              guint              n_cards,
              double            *heights,
              const guint       *columns,
              guint             *lines)
{
  g_autofree double *room = g_new0 (double, plan->n_columns);
  g_autofree gboolean *cut = g_new (gboolean, n_cards);
  gboolean grew = TRUE;

  for (guint c = 0; c < plan->n_columns; c++)
    room[c] = height;
  for (guint i = 0; i < n_cards; i++)
    {
      room[columns[i]] -= heights[i] + (i > 0 && columns[i - 1] == columns[i] ? plan->gap : 0);
      lines[i] = plan->density == NF_CARD_LINE ? 1 : MAX (2u, plan->max_lines);
      cut[i] = TRUE;
    }
  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < n_cards; i++)
        {
          double h;

          if (!cut[i] || room[columns[i]] < 1)
            continue;
          h = nf_card_layout_measure_density (cards[i], style, plan->column_width, font_size,
                                              NF_CARD_LINES, MAX (2u, lines[i] + 1));
          if (h <= heights[i] + 0.25)
            cut[i] = FALSE;           /* every line shows already */
          else if (h - heights[i] <= room[columns[i]] + 0.25)
            {
              room[columns[i]] -= h - heights[i];
              heights[i] = h;
              lines[i] = MAX (2u, lines[i] + 1);
              grew = TRUE;
            }
        }
    }
}

void
_nf_grid_block_place (NfGridBlock       *block,
                      PangoContext      *context,
                      const NfGridStyle *style,
                      double             font_size,
                      const NfGridPlan  *plan,
                      NfCardLayout     **cards,
                      guint              n_cards)
{
  const NfRect *area = &block->content_rect;
  gboolean stacked = !plan->overflow && plan->limit > 0;
  gboolean clamped = plan->density == NF_CARD_LINES || plan->density == NF_CARD_LINE;
  g_autofree guint *columns = NULL;
  g_autofree guint *lines = NULL;
  guint column = 0;
  double top = 0, bottom = 0;

  g_array_set_size (block->cards, 0);
  block->n_notes = n_cards;
  block->n_hidden = 0;
  block->font_size = font_size;
  block->plan = *plan;

  if (stacked && clamped && n_cards > 0)
    {
      g_autofree double *heights = g_new (double, n_cards);

      columns = g_new (guint, n_cards);
      lines = g_new (guint, n_cards);
      for (guint i = 0; i < n_cards; i++)
        heights[i] = nf_card_layout_measure_density (cards[i], style, plan->column_width,
                                                     font_size, plan->density, plan->max_lines);
      assign_columns (plan, heights, n_cards, columns);
      fill_columns (style, plan, font_size, area->height, cards, n_cards, heights, columns, lines);
    }

  for (guint i = 0; i < n_cards; i++)
    {
      NfGridCard placed;
      double h;

      if (lines != NULL && lines[i] > MAX (1u, plan->max_lines))
        nf_card_layout_apply_density (cards[i], style, plan->column_width, font_size,
                                      NF_CARD_LINES, lines[i]);
      else
        nf_card_layout_apply_density (cards[i], style, plan->column_width, font_size,
                                      plan->density, plan->max_lines);
      h = nf_card_layout_get_height (cards[i]);
      if (!stacked)
        {
          /* Row by row, so scrolling down reads on. */
          column = i % plan->n_columns;
          top = (i / plan->n_columns) * (nf_card_layout_line_height (style, font_size) +
                                         plan->gap);
        }
      else if (columns != NULL)
        {
          if (i > 0 && columns[i] != column)
            {
              column = columns[i];
              top = 0;
            }
          else if (i > 0)
            top += plan->gap;
        }
      else if (i > 0)
        {
          if (top + plan->gap + h > plan->limit + 0.5 && column + 1 < plan->n_columns)
            {
              column++;
              top = 0;
            }
          else
            top += plan->gap;
        }
      placed.card = g_object_ref (cards[i]);
      /* The columns spread over the whole width, the last flush with its
       * right edge, whatever gap their width was found with. */
      placed.rect.x = area->x;
      if (column > 0)
        placed.rect.x += round (column * MAX (plan->column_width + plan->gap,
                                              (area->width - plan->column_width) /
                                              (plan->n_columns - 1)));
      placed.rect.y = area->y + top;
      placed.rect.width = plan->column_width;
      placed.rect.height = h;
      g_array_append_val (block->cards, placed);
      if (stacked)
        top += h;
      bottom = MAX (bottom, placed.rect.y + h - area->y);
      if (placed.rect.y + h > area->y + area->height + 0.5)
        block->n_hidden++;
    }
  block->scroll_height = bottom;
  if (block->n_hidden > 0)
    update_more (block, context, style);
}

/* Between a block's glyph and its title. */
#define GLYPH_GAP 8

/* No word of the title sticks out of its width. */
static gboolean
title_fits (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width <= pango_layout_get_width (layout);
}

void
_nf_grid_block_layout_title (NfGridBlock       *block,
                             PangoContext      *context,
                             const NfGridStyle *style,
                             NfBlock            kind)
{
  double x = block->rect.x + style->block_padding;
  double y = block->rect.y + style->block_padding;
  double width = MAX (1.0, block->rect.width - 2 * style->block_padding);
  double glyph, line_h, text_h, glyph_top, text_top;
  PangoRectangle logical, line;

  /* A title on one line beside its glyph stays so at any width it still
   * fits in: Pango would break it the same, so it is not broken again
   * (a window being resized gives every block a new width each frame).
   * Left to right only: a right-to-left line is placed from the width
   * the layout was given, which would stay the old one. */
  if (block->title_width != width && block->title != NULL && block->title_width > 0 &&
      block->has_glyph && pango_layout_get_line_count (block->title) == 1 &&
      pango_layout_get_line_readonly (block->title, 0)->resolved_dir == PANGO_DIRECTION_LTR)
    {
      pango_layout_get_extents (block->title, NULL, &logical);
      if (logical.width <= (int) (MAX (1.0, width - style->glyph_size - GLYPH_GAP) *
                                  PANGO_SCALE))
        {
          block->title_width = width;
          if (block->title_alt_width == width)
            block->title_alt_width = -1;
        }
    }
  if (block->title_width != width && block->title_alt != NULL &&
      block->title_alt_width == width)
    {
      PangoLayout *t = block->title;
      gboolean g = block->has_glyph;

      block->title = block->title_alt;
      block->title_alt = t;
      block->title_alt_width = block->title_width;
      block->title_width = width;
      block->has_glyph = block->alt_has_glyph;
      block->alt_has_glyph = g;
    }
  else if (block->title_width != width && block->title != NULL && block->title_width > 0)
    {
      PangoLayout *t = block->title_alt;

      block->title_alt = block->title;
      block->title_alt_width = block->title_width;
      block->alt_has_glyph = block->has_glyph;
      block->title = t;
      block->title_width = -1;
    }
  if (block->title == NULL)
    {
      block->title = _nf_render_layout_new (context);
      block->title_width = -1;
    }
  if (block->title_width != width)
    {
      _nf_render_set_font (block->title, style->font_family,
                           style->title_font_size, PANGO_WEIGHT_BOLD);
      pango_layout_set_text (block->title, nf_block_title (kind), -1);
      /* Whole words beside the glyph; in a block too narrow for that,
       * whole words without it (it only decorates); only then broken
       * words. */
      block->has_glyph = TRUE;
      pango_layout_set_wrap (block->title, PANGO_WRAP_WORD);
      pango_layout_set_width (block->title,
                              (int) (MAX (1.0, width - style->glyph_size - GLYPH_GAP) *
                                     PANGO_SCALE));
      if (!title_fits (block->title))
        {
          block->has_glyph = FALSE;
          pango_layout_set_width (block->title, (int) (width * PANGO_SCALE));
          if (!title_fits (block->title))
            pango_layout_set_wrap (block->title, PANGO_WRAP_WORD_CHAR);
        }
      block->title_width = width;
      _nf_render_count_measure ();
    }
  glyph = block->has_glyph ? style->glyph_size : 0;
  pango_layout_get_extents (block->title, NULL, &logical);
  pango_layout_line_get_extents (pango_layout_get_line_readonly (block->title, 0),
                                 NULL, &line);
  line_h = line.height / (double) PANGO_SCALE;
  text_h = logical.height / (double) PANGO_SCALE;

  /* The glyph sits beside the first line, centred on it. */
  glyph_top = y + MAX (0.0, (line_h - glyph) / 2);
  text_top = y + MAX (0.0, (glyph - line_h) / 2);
  block->glyph_rect = (NfRect) { x, round (glyph_top), glyph, glyph };
  block->title_x = block->has_glyph ? x + glyph + GLYPH_GAP : x;
  block->title_y = text_top;
  block->title_rect = (NfRect) { x, y, width,
                                 ceil (MAX (glyph_top + glyph, text_top + text_h) - y) };
}

void
_nf_grid_block_layout_hint (NfGridBlock       *block,
                            PangoContext      *context,
                            const NfGridStyle *style,
                            NfBlock            kind)
{

  if (block->hint == NULL)
    {
      block->hint = _nf_render_layout_new (context);
      pango_layout_set_wrap (block->hint, PANGO_WRAP_WORD_CHAR);
      block->hint_width = -1;
    }
  if (block->hint_width != block->content_rect.width)
    {
      _nf_render_set_font (block->hint, style->font_family,
                           style->base_font_size, PANGO_WEIGHT_NORMAL);
      pango_layout_set_text (block->hint, nf_block_hint (kind), -1);
      pango_layout_set_width (block->hint,
                              (int) (MAX (1.0, block->content_rect.width) * PANGO_SCALE));
      block->hint_width = block->content_rect.width;
      _nf_render_count_measure ();
    }
  block->hint_x = block->content_rect.x;
  block->hint_y = block->content_rect.y;
}
