/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include "nf-grid-layout.h"
#include "nf-grid-layout-private.h"

/* Where things are in a laid-out grid: for drawing, for the editor's
 * child widgets and for hit-testing. */

/* Each query starts from the block, checking the arguments on the way. */
#define GET_BLOCK(block, val) \
  const NfGridBlock *data = _nf_grid_layout_get_block (self, block); \
  if (data == NULL) \
    return val

void
nf_grid_layout_get_block_rect (NfGridLayout *self,
                               NfBlock       block,
                               NfRect       *out_rect)
{
  GET_BLOCK (block, );
  *out_rect = data->rect;
}

void
nf_grid_layout_get_title_rect (NfGridLayout *self,
                               NfBlock       block,
                               NfRect       *out_rect)
{
  GET_BLOCK (block, );
  *out_rect = data->title_rect;
}

void
nf_grid_layout_get_content_rect (NfGridLayout *self,
                                 NfBlock       block,
                                 NfRect       *out_rect)
{
  GET_BLOCK (block, );
  *out_rect = data->content_rect;
}

double
nf_grid_layout_get_font_size (NfGridLayout *self,
                              NfBlock       block)
{
  GET_BLOCK (block, 0.0);
  return data->font_size;
}

NfCardDensity
nf_grid_layout_get_density (NfGridLayout *self,
                            NfBlock       block)
{
  GET_BLOCK (block, NF_CARD_FULL);
  return data->plan.density;
}

double
nf_grid_layout_get_scroll_height (NfGridLayout *self,
                                  NfBlock       block)
{
  GET_BLOCK (block, 0.0);
  return data->scroll_height;
}

gboolean
nf_grid_layout_get_scrolls (NfGridLayout *self,
                            NfBlock       block)
{
  GET_BLOCK (block, FALSE);
  return data->scroll_height > data->content_rect.height + 0.5;
}

guint
nf_grid_layout_get_n_cards (NfGridLayout *self,
                            NfBlock       block)
{
  GET_BLOCK (block, 0);
  return data->cards->len;
}

NfCardLayout *
nf_grid_layout_get_card (NfGridLayout *self,
                         NfBlock       block,
                         guint         index,
                         NfRect       *out_rect)
{
  const NfGridCard *card;

  GET_BLOCK (block, NULL);
  g_return_val_if_fail (index < data->cards->len, NULL);
  card = &g_array_index (data->cards, NfGridCard, index);
  if (out_rect)
    *out_rect = card->rect;
  return card->card;
}

guint
nf_grid_layout_get_n_hidden (NfGridLayout *self,
                             NfBlock       block)
{
  GET_BLOCK (block, 0);
  return data->n_hidden;
}

gboolean
nf_grid_layout_get_more_rect (NfGridLayout *self,
                              NfBlock       block,
                              NfRect       *out_rect)
{
  GET_BLOCK (block, FALSE);
  if (data->n_hidden == 0)
    return FALSE;
  *out_rect = data->more_rect;
  return TRUE;
}

gboolean
nf_grid_layout_get_card_rect (NfGridLayout *self,
                              NfNote       *note,
                              NfRect       *out_rect)
{
  g_return_val_if_fail (NF_IS_GRID_LAYOUT (self), FALSE);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      GArray *cards = _nf_grid_layout_get_block (self, b)->cards;

      for (guint i = 0; i < cards->len; i++)
        {
          const NfGridCard *card = &g_array_index (cards, NfGridCard, i);

          if (nf_card_layout_get_note (card->card) == note)
            {
              *out_rect = card->rect;
              return TRUE;
            }
        }
    }
  return FALSE;
}

NfBlock
nf_grid_layout_block_at (NfGridLayout *self,
                         double        x,
                         double        y)
{
  g_return_val_if_fail (NF_IS_GRID_LAYOUT (self), NF_BLOCK_NONE);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    if (nf_rect_contains_point (&_nf_grid_layout_get_block (self, b)->rect, x, y))
      return (NfBlock) b;
  return NF_BLOCK_NONE;
}

NfNote *
nf_grid_layout_note_at (NfGridLayout *self,
                        double        x,
                        double        y,
                        NfBlock      *out_block)
{
  NfBlock b = nf_grid_layout_block_at (self, x, y);
  GArray *cards;

  if (out_block)
    *out_block = b;
  if (b == NF_BLOCK_NONE)
    return NULL;
  cards = _nf_grid_layout_get_block (self, b)->cards;
  for (guint i = 0; i < cards->len; i++)
    {
      const NfGridCard *card = &g_array_index (cards, NfGridCard, i);

      if (nf_rect_contains_point (&card->rect, x, y))
        return nf_card_layout_get_note (card->card);
    }
  return NULL;
}

