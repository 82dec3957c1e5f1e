/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "nf-card-layout-private.h"
#include "nf-grid-block-private.h"
#include "nf-render-private.h"

#define MAX_COLUMNS 8

/* Cards flow into columns as in a masonry wall: each goes to the shortest
 * column, which keeps note order reading left to right, top to bottom,
 * and wastes no height on uneven cards. */
typedef struct {
  guint  n_columns;
  double column_width;
  double column_gap;
  double row_gap;
  double top[MAX_COLUMNS];
} Wall;

/* A crowded block at the smallest font closes up its cards before it
 * hides any: half the gap between them, the same columns. */
static double
tight_gap (const NfGridStyle *style)
{
  return floor (style->card_gap / 2);
}

static void
wall_init (Wall              *wall,
           const NfGridStyle *style,
           double             width,
           double             row_gap)
{
  guint n = (guint) floor ((width + style->card_gap) /
                           (style->card_min_width + style->card_gap));

  wall->n_columns = CLAMP (n, 1, MAX_COLUMNS);
  wall->column_width = floor ((width - (wall->n_columns - 1) * style->card_gap) /
                              wall->n_columns);
  wall->column_gap = style->card_gap;
  wall->row_gap = row_gap;
  for (guint i = 0; i < MAX_COLUMNS; i++)
    wall->top[i] = 0;
}

static guint
wall_shortest (const Wall *wall)
{
  guint best = 0;

  for (guint i = 1; i < wall->n_columns; i++)
    if (wall->top[i] < wall->top[best])
      best = i;
  return best;
}

static gboolean
all_fit (const NfGridStyle *style,
         double             width,
         double             height,
         double             font_size,
         double             row_gap,
         NfCardLayout     **cards,
         guint              n_cards)
{
  Wall wall;

  wall_init (&wall, style, width, row_gap);
  for (guint i = 0; i < n_cards; i++)
    {
      guint c = wall_shortest (&wall);
      double h = nf_card_layout_measure (cards[i], style, wall.column_width,
                                         font_size, 0, NULL);

      if (wall.top[c] + h > height)
        return FALSE;
      wall.top[c] += h + row_gap;
    }
  return TRUE;
}

/* The size at step `i` down from the base, never below the smallest. */
static double
step_size (const NfGridStyle *style,
           guint              i)
{
  if (i == 0)
    return style->base_font_size;
  return MAX (style->min_font_size, style->base_font_size - i * style->font_size_step);
}

/* The largest size, in steps down from the base, at which every card
 * fits at the usual gap; the smallest when none does (`fits` says
 * which). Smaller type never makes a card taller, so whether all fit
 * changes once along the steps: the base is tried first (the rows were
 * balanced for it and its heights are measured already), then the
 * smallest (a crowded block, the common case in a deck, costs two
 * measurements rather than one per step), then the steps between are
 * halved. Each measurement breaks the lines of every card again, which
 * is what a layout costs. */
static double
fitting_size (const NfGridStyle *style,
              double             width,
              double             height,
              NfCardLayout     **cards,
              guint              n_cards,
              gboolean          *fits)
{
  guint lo, hi, n_steps = 0;

  if (style->font_size_step > 0)
    while (step_size (style, n_steps) > style->min_font_size + 1e-6)
      n_steps++;
  *fits = all_fit (style, width, height, step_size (style, 0), style->card_gap,
                   cards, n_cards);
  if (*fits || n_steps == 0)
    return step_size (style, 0);
  *fits = all_fit (style, width, height, step_size (style, n_steps), style->card_gap,
                   cards, n_cards);
  if (!*fits)
    return step_size (style, n_steps);
  /* Step lo does not fit, step hi does. */
  lo = 0;
  hi = n_steps;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (all_fit (style, width, height, step_size (style, mid), style->card_gap,
                   cards, n_cards))
        hi = mid;
      else
        lo = mid;
    }
  return step_size (style, hi);
}

double
_nf_grid_block_need (const NfGridStyle *style,
                     double             width,
                     double             font_size,
                     double             cap,
                     NfCardLayout     **cards,
                     guint              n_cards)
{
  Wall wall;
  double need = 0;

  wall_init (&wall, style, width, style->card_gap);
  for (guint i = 0; i < n_cards && need <= cap; i++)
    {
      guint c = wall_shortest (&wall);

      wall.top[c] += nf_card_layout_measure (cards[i], style, wall.column_width,
                                             font_size, 0, NULL) + style->card_gap;
      need = MAX (need, wall.top[c] - style->card_gap);
    }
  return need;
}

static double
marker_font_size (const NfGridStyle *style)
{
  return MAX (style->min_font_size,
              style->base_font_size * style->footer_font_scale);
}

#define MORE_PAD_X 10
#define MORE_PAD_Y 3

/* The "+N more" pill's layout is made once per block and its text set
 * only when N changes, so laying out again at the same size costs
 * nothing. Its height does not depend on N. */
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

/* The marker goes right under the cards, where the hidden ones would
 * continue, and never lower than the bottom of the block. */
static void
update_more (NfGridBlock       *block,
             PangoContext      *context,
             const NfGridStyle *style,
             double             top)
{
  PangoRectangle logical;
  double w, h = more_height (block, context, style);

  if (block->more_count != block->n_hidden)
    {
      /* Translators: a marker under the notes of a block that did not
       * fit; %u is how many are not shown. */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
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
  block->more_rect.y = block->content_rect.y +
                       MIN (top, block->content_rect.height - h);
  block->more_rect.width = w;
  block->more_rect.height = h;
  block->more_x = block->more_rect.x + MORE_PAD_X;
  block->more_y = block->more_rect.y + MORE_PAD_Y;
}

double
_nf_grid_block_least (NfGridBlock       *block,
                      PangoContext      *context,
                      const NfGridStyle *style,
                      double             width,
                      NfCardLayout     **cards,
                      guint              n_cards)
{
  Wall wall;
  double h;

  if (n_cards == 0)
    return 0;
  wall_init (&wall, style, width, tight_gap (style));
  /* The first card at the smallest size, cut to one line, and the
   * marker below it. The whole card at that size is what a crowded block
   * measures next; a line cut with an ellipsis may take a fraction more
   * or less than the same line whole, so a pixel to spare. */
  h = _nf_card_layout_measure_one_line (cards[0], style, wall.column_width,
                                        style->min_font_size) + 1;
  if (n_cards > 1)
    h += wall.row_gap + more_height (block, context, style);
  return h;
}

static void
add_card (NfGridBlock       *block,
          const NfGridStyle *style,
          Wall              *wall,
          guint              column,
          NfCardLayout      *card,
          double             font_size,
          double             max_height)
{
  NfGridCard placed;

  nf_card_layout_apply (card, style, wall->column_width, font_size, max_height);
  placed.card = g_object_ref (card);
  placed.rect.x = block->content_rect.x +
                  column * (wall->column_width + wall->column_gap);
  placed.rect.y = block->content_rect.y + wall->top[column];
  placed.rect.width = wall->column_width;
  placed.rect.height = nf_card_layout_get_height (card);
  g_array_append_val (block->cards, placed);
  wall->top[column] += placed.rect.height + wall->row_gap;
}

void
_nf_grid_block_pack (NfGridBlock       *block,
                     PangoContext      *context,
                     const NfGridStyle *style,
                     NfCardLayout     **cards,
                     guint              n_cards)
{
  const NfRect *area = &block->content_rect;
  double size = style->base_font_size;
  double reserve;
  gboolean fits;
  Wall wall;

  g_array_set_size (block->cards, 0);
  block->n_notes = n_cards;
  block->n_hidden = 0;

  /* The largest size, in steps from the base, at which every card fits;
   * at the smallest, closer together. */
  size = fitting_size (style, area->width, area->height, cards, n_cards, &fits);
  block->font_size = size;
  wall_init (&wall, style, area->width, style->card_gap);
  if (!fits)
    {
      wall_init (&wall, style, area->width, tight_gap (style));
      fits = all_fit (style, area->width, area->height, size, wall.row_gap,
                      cards, n_cards);
    }
  if (fits)
    {
      for (guint i = 0; i < n_cards; i++)
        add_card (block, style, &wall, wall_shortest (&wall), cards[i], size, 0);
      return;
    }

  /* Even the smallest size is too large: keep room for the marker and
   * lay out what fits, in order. */
  reserve = more_height (block, context, style) + wall.row_gap;
  for (guint i = 0; i < n_cards; i++)
    {
      guint c = wall_shortest (&wall);
      double room = area->height - (i + 1 < n_cards ? reserve : 0) - wall.top[c];
      double h = nf_card_layout_measure (cards[i], style, wall.column_width,
                                         size, 0, NULL);

      if (h <= room)
        {
          add_card (block, style, &wall, c, cards[i], size, 0);
          continue;
        }
      /* Rather than leave the room empty, show the note cut short with
       * an ellipsis, if two lines of it fit (any part of it, when the
       * column is empty: a note longer than the block is never only a
       * count). */
      if (room > 0)
        {
          guint n_lines = 0;
          double cut = _nf_card_layout_measure_lines (cards[i], style,
                                                      wall.column_width, size,
                                                      room, NULL, &n_lines);

          if (cut <= room && (n_lines >= 2 || wall.top[c] == 0))
            {
              add_card (block, style, &wall, c, cards[i], size, room);
              continue;
            }
        }
      /* A block with notes never shows only a count: when the rows left
       * no room even for one line of the first, it shows that line
       * anyway, and the marker keeps to the bottom. */
      if (i == 0)
        add_card (block, style, &wall, c, cards[i], size, MAX (room, 1.0));
      break;
    }
  block->n_hidden = n_cards - block->cards->len;
  if (block->n_hidden > 0)
    {
      double top = 0;

      for (guint c = 0; c < wall.n_columns; c++)
        top = MAX (top, wall.top[c]);
      update_more (block, context, style, top);
    }
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
