/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>

#include "nf-i18n-private.h"

#include "nf-deck-plan-private.h"
#include "nf-render-private.h"

/* The overview's slides as drawn from its plan (nf-deck-overview.c):
 * which notes each slide shows, a block's cards packed in its columns
 * and drawn, and what each slide holds, for the tests to read. */

NfNote *
_nf_deck_note_at (NfCanvas *canvas,
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
guint
_nf_deck_overview_pack_cards (NfDeck       *deck,
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

void
_nf_deck_cards_free (NfDeckCard *cards,
            guint       n)
{
  for (guint i = 0; cards != NULL && i < n; i++)
    _nf_deck_card_clear (&cards[i]);
  g_free (cards);
}

double
_nf_deck_line_height (NfDeck     *deck,
             double      size,
             PangoWeight weight)
{
  g_autoptr(PangoLayout) l = _nf_deck_text (deck, "Ag", size, weight, -1);

  return _nf_render_layout_height (l);
}


/* The notes of `ov` that overview slide `page` of `n_pages` shows: each
 * block's notes in order, shared by the room they take whole (a note
 * goes to the slide where the middle of its room falls, the earlier
 * slide on an edge), so that every slide is about as full as the
 * others. */
void
_nf_deck_overview_slice (const OvBlock *ov,
                         guint          page,
                         guint          n_pages,
                         guint         *first,
                         guint         *n)
{
  double total = 0, before = 0;
  guint start = ov->n_notes, end = ov->n_notes;

  if (n_pages <= 1 || ov->area == NULL)
    {
      *first = page == 0 ? 0 : ov->n_notes;
      *n = page == 0 ? ov->n_notes : 0;
      return;
    }
  for (guint i = 0; i < ov->n_notes; i++)
    total += ov->area[i];
  for (guint i = 0; i < ov->n_notes; i++)
    {
      double mid = before + ov->area[i] / 2;
      int at = (int) ceil (mid / total * n_pages - 1e-9) - 1;

      before += ov->area[i];
      if ((guint) MAX (at, 0) < page)
        continue;
      if ((guint) MAX (at, 0) > page)
        {
          end = i;
          break;
        }
      if (start == ov->n_notes)
        start = i;
    }
  if (start == ov->n_notes)
    end = start;
  *first = start;
  *n = end - start;
}

void
_nf_deck_plan_lay_pointers (NfDeckPlan *plan,
                            guint       first_block_page)
{
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      OvBlock *ov = &plan->blocks[b];

      /* The pages _nf_deck_overview_draw_block() names. */
      for (guint i = 0; ov->note_slide != NULL && i < ov->n_notes; i++)
        _nf_deck_card_lay_pointer (&ov->cards[i], first_block_page + (guint) MAX (ov->note_slide[i], 0));
    }
}

void
_nf_deck_overview_draw_block (NfDeck   *deck,
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

  _nf_deck_overview_slice (ov, page, n_pages, &first, &n);
  cairo_save (cr);
  _nf_render_rounded_rect (cr, &ov->rect, 6);
  _nf_render_fill_outlined (cr, &style->block_fill, &style->block_border, 1);
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

      while (at + 1 < n_pages && (_nf_deck_overview_slice (ov, at, n_pages, &first, &at_n), at_n == 0))
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
    {
      for (guint i = first; ov->note_slide != NULL && i < first + n; i++)
        ov->cards[i].point_page = first_block_page + (guint) MAX (ov->note_slide[i], 0);
      _nf_deck_overview_pack_cards (deck, ov->cards, first, n, &ov->inner, ov->n_columns, TRUE);
    }
  if (ov->slide >= 0 && foot == NULL)
    /* TRANSLATORS: on the overview, beside a block's name or under its
     * cards: the page with its notes in full. */
    foot = g_strdup_printf (_("→ p. %u"), first_block_page + (guint) ov->slide);
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

      _nf_deck_overview_slice (&plan->blocks[b], page, plan->n_pages, &first, &n);
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
  double y, bottom, gap = 0;
  guint column = 0;
  gboolean cut = FALSE;

  _nf_deck_overview_use_page (plan, page);
  y = ov->inner.y;
  bottom = ov->inner.y + ov->inner.height;
  *out_free = 0;
  *out_need = G_MAXDOUBLE;
  _nf_deck_overview_slice (ov, page, plan->n_pages, &first, &n);
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

  _nf_deck_overview_slice (ov, page, plan->n_pages, &first, &n);
  for (guint i = first; i < first + n; i++)
    styles |= ov->cards[i].tight ? NF_DECK_CARD_ROW
            : ov->cards[i].show_footer ? NF_DECK_CARD_MARKED : NF_DECK_CARD_COMPACT;
  for (guint i = first; i < first + n; i++)
    if (ov->cards[i].cut && ov->cards[i].show_footer)
      styles |= NF_DECK_CARD_CUT_MARKED;
  return styles;
}

double
_nf_deck_plan_slide_size (NfDeckPlan *plan,
                          guint       page)
{
  double size = 0;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      OvBlock *ov = &plan->blocks[b];
      guint first, n;

      _nf_deck_overview_slice (ov, page, plan->n_pages, &first, &n);
      for (guint i = first; i < first + n; i++)
        {
          if (size > 0 && ov->cards[i].size != size)
            return -1;
          size = ov->cards[i].size;
        }
    }
  return size;
}

gboolean
_nf_deck_plan_block_fill (NfDeckPlan *plan,
                          NfBlock     block,
                          guint       page,
                          double     *out_used,
                          double     *out_room)
{
  OvBlock *ov = &plan->blocks[block];
  double y, used = 0;
  guint first, n;

  const NfBlockPlace *place = nf_block_place (block);
  PageSplit *split;

  _nf_deck_overview_use_page (plan, page);
  _nf_deck_overview_slice (ov, page, plan->n_pages, &first, &n);
  *out_room = ov->inner.height;
  *out_used = 0;
  split = &g_array_index (plan->splits, PageSplit, MIN (page, plan->splits->len - 1));
  /* A top block already as narrow as its heading lets it be has no
   * room to give. */
  if (place->y < 2 &&
      split->edges[place->x / 2 + 1] - split->edges[place->x / 2] <= plan->least[place->x / 2] + 1e-6)
    return FALSE;
  /* Nor a bottom block at its least width. */
  if (place->y == 2 && (place->x == 0 ? split->bottom_edge : 10 - split->bottom_edge) <= BOTTOM_LEAST + 1e-6)
    return FALSE;
  y = ov->inner.y;
  for (guint i = first; i < first + n; i++)
    {
      NfDeckCard *card = &ov->cards[i];

      if (y + card->height > ov->inner.y + ov->inner.height && y > ov->inner.y)
        y = ov->inner.y;
      y += card->height;
      used = MAX (used, y - ov->inner.y);
      y += card->tight ? 1 : CARD_GAP;
    }
  *out_used = used;
  return n > 0;
}

guint
_nf_deck_plan_block_faded (NfDeckPlan *plan,
                           NfBlock     block,
                           guint       page,
                           guint      *out_shown)
{
  OvBlock *ov = &plan->blocks[block];
  guint first, n, faded = 0;

  _nf_deck_overview_slice (ov, page, plan->n_pages, &first, &n);
  for (guint i = first; i < first + n; i++)
    faded += ov->cards[i].cut && ov->cards[i].n_lines == 1;
  *out_shown = n;
  return faded;
}
