/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <pango/pangocairo.h>

#include "nf-card-layout-private.h"
#include "nf-grid-renderer.h"
#include "nf-render-private.h"

static void
draw_footer (cairo_t           *cr,
             NfCardLayout      *card,
             const NfGridStyle *style,
             NfEvidence         evidence,
             const NfColour    *muted,
             double             width,
             double             height)
{
  PangoLayout *footer = nf_card_layout_get_footer_layout (card);
  const NfCardChip *chips;
  const NfRect *evidence_rect = NULL;
  guint n_chips;
  double x, y;

  if (footer == NULL)
    return;
  chips = _nf_card_layout_get_chips (card, &n_chips);
  for (guint i = 0; i < n_chips; i++)
    {
      NfColour fill = style->chip_fill;

      if (chips[i].evidence && evidence != NF_EVIDENCE_NONE)
        {
          fill = style->evidence[evidence];
          fill.alpha = 0.14;
          evidence_rect = &chips[i].rect;
        }
      _nf_render_rounded_rect (cr, &chips[i].rect, chips[i].rect.height / 2);
      _nf_render_set_colour (cr, &fill);
      cairo_fill (cr);
    }

  /* One layout, two colours: the evidence level in its own colour, the
   * tags muted. Clipping keeps the colours out of the layout, which
   * stays the same for every style. */
  _nf_card_layout_get_footer_origin (card, &x, &y);
  cairo_save (cr);
  if (evidence_rect != NULL)
    {
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_rectangle (cr, evidence_rect->x, evidence_rect->y,
                       evidence_rect->width, evidence_rect->height);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_clip (cr);
    }
  _nf_render_set_colour (cr, muted);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, footer);
  cairo_restore (cr);

  if (evidence_rect != NULL)
    {
      cairo_save (cr);
      cairo_rectangle (cr, evidence_rect->x, evidence_rect->y,
                       evidence_rect->width, evidence_rect->height);
      cairo_clip (cr);
      _nf_render_set_colour (cr, &style->evidence[evidence]);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, footer);
      cairo_restore (cr);
    }
}

void
nf_card_render (cairo_t           *cr,
                NfCardLayout      *card,
                const NfGridStyle *style)
{
  NfNote *note;
  NfEvidence evidence;
  NfColour fill, text, muted;
  NfRect box, edge;
  double x, y;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (NF_IS_CARD_LAYOUT (card));
  g_return_if_fail (style != NULL);

  note = nf_card_layout_get_note (card);
  evidence = nf_note_get_evidence (note);
  box = (NfRect) { 0, 0, nf_card_layout_get_width (card),
                   nf_card_layout_get_height (card) };
  if (box.width <= 0 || box.height <= 0)
    return;
  nf_grid_style_card_fill (style, nf_note_get_colour (note), &fill);
  nf_grid_style_text_on (style, &fill, &text);
  /* On a note's own colour the palette's muted grey may not read; a
   * blend of the text into the fill always does. */
  if (nf_note_get_colour (note) != NULL)
    muted = nf_colour_mix (&text, &fill, 0.35);
  else
    muted = style->muted_text;

  cairo_save (cr);

  /* A one-unit shadow under the card lifts it off the block, as
   * Adwaita's cards are. */
  cairo_save (cr);
  cairo_translate (cr, 0, 1);
  _nf_render_rounded_rect (cr, &box, style->card_radius);
  _nf_render_set_colour (cr, &style->card_shadow);
  cairo_fill (cr);
  cairo_restore (cr);

  /* Everything inside the card is clipped to it; the caller's own clip
   * comes back with the restore. */
  cairo_save (cr);
  _nf_render_rounded_rect (cr, &box, style->card_radius);
  _nf_render_set_colour (cr, &fill);
  cairo_fill_preserve (cr);
  cairo_clip (cr);

  if (evidence != NF_EVIDENCE_NONE)
    {
      edge = (NfRect) { 0, 0, style->evidence_edge, box.height };
      _nf_render_set_colour (cr, &style->evidence[evidence]);
      cairo_rectangle (cr, edge.x, edge.y, edge.width, edge.height);
      cairo_fill (cr);
    }

  _nf_card_layout_get_text_origin (card, &x, &y);
  _nf_render_set_colour (cr, &text);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, nf_card_layout_get_text_layout (card));

  draw_footer (cr, card, style, evidence, &muted, box.width, box.height);

  cairo_restore (cr);
  _nf_render_rounded_rect (cr, &(NfRect) { 0.5, 0.5, box.width - 1, box.height - 1 },
                           style->card_radius - 0.5);
  _nf_render_set_colour (cr, &style->card_border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  cairo_restore (cr);
}
