/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "nf-card-layout.h"
#include "nf-deck-private.h"
#include "nf-render-private.h"

/* A deck is read, not browsed: a note the grid hid behind "+N more" or cut
 * short with an ellipsis would otherwise be lost from the PDF. These
 * slides give each such note in full, grouped by block, flowing line by
 * line through columns and onto as many slides as it takes. */

#define N_COLUMNS  2
#define COLUMN_GAP 36.0
#define TEXT_SIZE  10.5
#define HEAD_SIZE  11.5

typedef struct {
  NfDeck     *deck;
  const char *company;
  const char *subtitle;
  int         outline_parent;
  gboolean    started;
  guint       column;
  double      column_width;
  double      top;
  double      bottom;
  double      y;
} Flow;

static void
flow_new_page (Flow *flow)
{
  NfDeck *deck = flow->deck;

  if (flow->started)
    _nf_deck_end_slide (deck);
  _nf_deck_begin_page (deck);
  if (!flow->started)
    _nf_deck_outline (deck, flow->outline_parent, _("Notes, continued"));
  _nf_deck_draw_header (deck, flow->company, flow->subtitle);
  flow->started = TRUE;
  flow->column = 0;
  flow->y = flow->top;
}

static void
flow_next_column (Flow *flow)
{
  if (++flow->column >= N_COLUMNS)
    flow_new_page (flow);
  else
    flow->y = flow->top;
}

static double
flow_x (Flow *flow)
{
  return NF_DECK_MARGIN + flow->column * (flow->column_width + COLUMN_GAP);
}

static double
first_line_height (PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int y0, y1;

  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
  pango_layout_iter_free (iter);
  return (double) (y1 - y0) / PANGO_SCALE;
}

/* Lines go where there is room, so a long note may continue in the next
 * column: nothing is clipped, however long. */
static void
flow_layout (Flow           *flow,
             PangoLayout    *layout,
             const NfColour *colour)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      cairo_t *cr;
      int y0, y1, baseline;
      double h;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = pango_layout_iter_get_baseline (iter);
      h = (double) (y1 - y0) / PANGO_SCALE;
      if (flow->y + h > flow->bottom && flow->y > flow->top)
        flow_next_column (flow);
      /* Only now: a new page may bring a new cairo_t (NfDeckPages). */
      cr = flow->deck->cr;
      _nf_render_set_colour (cr, colour);
      cairo_move_to (cr, flow_x (flow) + (double) logical.x / PANGO_SCALE,
                     flow->y + (double) (baseline - y0) / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, line);
      flow->y += h;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* The notes of a block that the grid did not show in full, in order. */
static GPtrArray *
notes_not_shown (NfCanvas     *canvas,
                 NfGridLayout *layout,
                 NfBlock       block)
{
  GListModel *notes = nf_canvas_get_notes (canvas, block);
  guint n_cards = nf_grid_layout_get_n_cards (layout, block);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
      gboolean whole = FALSE;

      if (i < n_cards)
        {
          NfRect rect, content;
          NfCardLayout *card = nf_grid_layout_get_card (layout, block, i, &rect);

          /* A block that would scroll on screen shows on the page only the
           * cards inside it. */
          nf_grid_layout_get_content_rect (layout, block, &content);
          whole = card != NULL && !nf_card_layout_get_truncated (card) &&
                  rect.y + rect.height <= content.y + content.height + 0.5;
        }
      if (!whole)
        g_ptr_array_add (out, g_steal_pointer (&note));
    }
  return out;
}

void
_nf_deck_note_slides (NfDeck             *deck,
                      const char         *company,
                      const char         *subtitle,
                      const char * const *headings,
                      GPtrArray         **groups,
                      guint               n_groups,
                      int                 outline_parent)
{
  Flow flow = { 0 };
  g_autoptr(PangoLayout) bullet = NULL;
  int bullet_w = 0;

  flow.deck = deck;
  flow.company = company;
  flow.subtitle = subtitle;
  flow.outline_parent = outline_parent;
  flow.column_width = (deck->width - 2 * NF_DECK_MARGIN - (N_COLUMNS - 1) * COLUMN_GAP) / N_COLUMNS;
  flow.top = NF_DECK_HEADER_HEIGHT + 24;
  flow.bottom = deck->height - NF_DECK_MARGIN * 0.75;

  for (guint b = 0; b < n_groups; b++)
    {
      GPtrArray *notes = groups[b];
      g_autoptr(PangoLayout) heading = NULL;

      if (notes == NULL || notes->len == 0)
        continue;
      if (!flow.started)
        flow_new_page (&flow);
      if (bullet == NULL)
        {
          bullet = _nf_deck_text (deck, "•  ", TEXT_SIZE, PANGO_WEIGHT_NORMAL, -1);
          pango_layout_get_size (bullet, &bullet_w, NULL);
        }

      heading = _nf_deck_text (deck, headings[b], HEAD_SIZE,
                               PANGO_WEIGHT_BOLD, flow.column_width);
      for (guint i = 0; i < notes->len; i++)
        {
          NfNote *note = g_ptr_array_index (notes, i);
          const char *text = nf_text_for_language (nf_note_get_text (note), deck->lang);
          g_autofree char *item = g_strconcat ("•  ", text, NULL);
          g_autoptr(PangoLayout) para = _nf_deck_text (deck, item, TEXT_SIZE,
                                                       PANGO_WEIGHT_NORMAL, flow.column_width);

          /* A hanging indent: wrapped lines start under the text, not the bullet. */
          pango_layout_set_indent (para, -bullet_w);

          if (i == 0)
            {
              /* A heading never ends a column on its own. */
              if (flow.y > flow.top)
                flow.y += 10;
              if (flow.y + first_line_height (heading) + 4 + first_line_height (para) > flow.bottom &&
                  flow.y > flow.top)
                flow_next_column (&flow);
              flow_layout (&flow, heading, &deck->style->accent);
              flow.y += 4;
            }
          flow_layout (&flow, para, &deck->style->card_text);
          flow.y += 5;
        }
    }

  if (flow.started)
    _nf_deck_end_slide (deck);
}

void
_nf_deck_overflow_slides (NfDeck       *deck,
                          NfCanvas     *canvas,
                          NfGridLayout *layout,
                          int           outline_parent)
{
  const char *title = _nf_deck_canvas_title (canvas, deck->lang);
  const char *company = _nf_deck_company (canvas, deck->lang);
  g_autofree char *subtitle = NULL;
  const char *headings[NF_N_BLOCKS];
  GPtrArray *groups[NF_N_BLOCKS];

  /* TRANSLATORS: the header of slides that give the notes a canvas slide
   * could not show in full; %s is the canvas's title. */
  subtitle = g_strdup_printf (_("%s — notes continued"), title != NULL ? title : "");
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      headings[b] = nf_block_title ((NfBlock) b);
      groups[b] = notes_not_shown (canvas, layout, (NfBlock) b);
    }
  _nf_deck_note_slides (deck, company != NULL && *company != '\0' ? company : title, subtitle,
                        headings, groups, NF_N_BLOCKS, outline_parent);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    g_ptr_array_unref (groups[b]);
}
