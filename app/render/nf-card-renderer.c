/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>

#include <hb.h>
#include <pango/pangocairo.h>

#include "nf-card-cache-private.h"
#include "nf-card-layout-private.h"
#include "nf-grid-renderer.h"
#include "nf-render-private.h"

/* How much of its level's colour an evidence chip's fill takes. */
#define EVIDENCE_TINT 0.14

/* Clips to rectangles rounded to whole device pixels. cairo treats such
 * a clip as a region, which keeps its fast paths for glyphs
 * and fills; a clip on a curve or a fraction of a pixel makes it draw
 * every later operation through a mask, which costs more than the card
 * itself. */
static void
clip_device_rects (cairo_t      *cr,
                   const NfRect *rects,
                   guint         n_rects)
{
  cairo_matrix_t matrix;

  cairo_get_matrix (cr, &matrix);
  for (guint i = 0; i < n_rects; i++)
    {
      double x0 = rects[i].x, y0 = rects[i].y;
      double x1 = x0 + rects[i].width, y1 = y0 + rects[i].height;

      cairo_user_to_device (cr, &x0, &y0);
      cairo_user_to_device (cr, &x1, &y1);
      cairo_identity_matrix (cr);
      /* Rounded to whole pixels the same way everywhere, so rectangles
       * that meet stay edge to edge. */
      x0 = round (x0);
      y0 = round (y0);
      x1 = round (x1);
      y1 = round (y1);
      if (x1 < x0)
        {
          double t = x0;
          x0 = x1;
          x1 = t;
        }
      if (y1 < y0)
        {
          double t = y0;
          y0 = y1;
          y1 = t;
        }
      cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
      cairo_set_matrix (cr, &matrix);
    }
  cairo_clip (cr);
}

static void
clip_device_rect (cairo_t *cr,
                  double   x,
                  double   y,
                  double   width,
                  double   height)
{
  clip_device_rects (cr, &(NfRect) { x, y, width, height }, 1);
}

static void
draw_footer (cairo_t           *cr,
             NfCardLayout      *card,
             const NfGridStyle *style,
             NfEvidence         evidence,
             const NfColour    *fill,
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
  /* The tags' chips in one path; the evidence level's on its own. */
  for (guint i = 0; i < n_chips; i++)
    {
      if (chips[i].evidence && evidence != NF_EVIDENCE_NONE)
        evidence_rect = &chips[i].rect;
      else
        _nf_render_rounded_rect (cr, &chips[i].rect, chips[i].rect.height / 2);
    }
  if (n_chips > (evidence_rect != NULL ? 1u : 0u))
    {
      _nf_render_set_colour (cr, &style->chip_fill);
      cairo_fill (cr);
    }
  if (evidence_rect != NULL)
    {
      NfColour tint = style->evidence[evidence];

      tint.alpha = EVIDENCE_TINT;
      _nf_render_rounded_rect (cr, evidence_rect, evidence_rect->height / 2);
      _nf_render_set_colour (cr, &tint);
      cairo_fill (cr);
    }

  /* One layout, two colours: the evidence level in its own colour, the
   * tags muted. Clipping keeps the colours out of the layout, which
   * stays the same for every style. The evidence chip comes first, on the
   * first line, and the tags after it, so the line splits at the chip's
   * right edge: the tags' lines below it and the tags right of it. */
  _nf_card_layout_get_footer_origin (card, &x, &y);
  if (evidence_rect == NULL)
    {
      _nf_render_set_colour (cr, muted);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, footer);
      return;
    }
  {
    double split = evidence_rect->x + evidence_rect->width;
    double below = evidence_rect->y + evidence_rect->height;

    NfColour chip = nf_colour_mix (fill, &style->evidence[evidence], EVIDENCE_TINT), ink;

    nf_grid_style_ink_on (style, &style->evidence[evidence], &chip, &ink);
    cairo_save (cr);
    clip_device_rect (cr, 0, 0, split, below);
    _nf_render_set_colour (cr, &ink);
    cairo_move_to (cr, x, y);
    pango_cairo_show_layout (cr, footer);
    cairo_restore (cr);

    /* The rest: right of the chip, and every line below it. */
    cairo_save (cr);
    clip_device_rects (cr, (const NfRect[]) { { split, 0, width - split, below },
                                              { 0, below, width, MAX (0, height - below) } },
                       2);
    _nf_render_set_colour (cr, muted);
    cairo_move_to (cr, x, y);
    pango_cairo_show_layout (cr, footer);
    cairo_restore (cr);
  }
}

/* The coloured edge along the card's left side, following its rounded
 * corners: the left half of the inner rounded box, cut at the edge's
 * width with straight lines, so no curved clip is needed. */
static void
edge_path (cairo_t *cr,
           double   width,
           double   height,
           double   radius,
           double   edge)
{
  double r = MIN (radius, MIN (width, height) / 2);

  if (edge >= r)
    {
      cairo_move_to (cr, edge, 0);
      cairo_line_to (cr, edge, height);
      cairo_line_to (cr, r, height);
      cairo_arc (cr, r, height - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, r, r, r, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
    }
  else
    {
      /* Narrower than the corners: the strip between the arcs, with the
       * arcs' own ends where the strip meets them. */
      double dy = r - sqrt (MAX (0, r * r - (r - edge) * (r - edge)));

      cairo_move_to (cr, edge, dy);
      cairo_line_to (cr, edge, height - dy);
      cairo_arc (cr, r, height - r, r, G_PI - acos ((r - edge) / r), G_PI);
      cairo_line_to (cr, 0, r);
      cairo_arc (cr, r, r, r, G_PI, G_PI + acos ((r - edge) / r));
      cairo_close_path (cr);
    }
}

/* A denser card writes no tags: a dot per tag down its right padding
 * says there are some (the evidence level stays its coloured edge), and
 * the full card, the tooltip and the details show them. */
static void
draw_marks (cairo_t           *cr,
            NfCardLayout      *card,
            const NfGridStyle *style,
            const NfColour    *muted,
            double             width,
            double             height,
            double             top)
{
  guint n = nf_card_layout_get_n_tags (card);
  double r = MAX (1.0, style->card_padding / 4);
  double x = width - (style->card_padding + style->evidence_edge / 2 + 2) / 2;
  double y = MAX (top + r + 1, MAX (style->card_padding / 2, r + 2) + r);

  if (n == 0 || y + r > height - 2)
    return;
  for (guint i = 0; i < n && y + r <= height - 2; i++, y += 3 * r)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
    }
  _nf_render_set_colour (cr, muted);
  cairo_fill (cr);
}

/* A note marked as conflicting with another note or a table carries a
 * warning sign in its top right corner, on every surface that draws
 * cards (window, compare view, slides): amber with a dark "!", which
 * reads on light and dark cards alike. Returns how far down it reaches,
 * so the tag dots start below it. */
static double
draw_conflict_mark (cairo_t           *cr,
                    NfNote            *note,
                    const NfGridStyle *style,
                    double             width,
                    double             height)
{
  double size = MAX (7.0, style->card_padding * 1.3);
  double x1 = width - 3, y0 = 3;
  double x0 = x1 - size, y1 = y0 + size * 0.9;

  if (nf_note_get_conflicts (note)[0] == NULL || width < size * 3 || height < size + 6)
    return 0;
  _nf_render_draw_warning_sign (cr, x0, y0, size);
  return y1;
}

/* The advance of a space in `font`, as Pango sets it (whole pixels when
 * the context rounds glyph positions). */
static int
space_advance (PangoFont    *font,
               PangoContext *context)
{
  hb_font_t *hb = font != NULL ? pango_font_get_hb_font (font) : NULL;
  hb_codepoint_t glyph = 0;
  int w;

  if (hb == NULL || !hb_font_get_nominal_glyph (hb, ' ', &glyph))
    return 0;
  w = (int) hb_font_get_glyph_h_advance (hb, glyph);
  return pango_context_get_round_glyph_positions (context) ? PANGO_UNITS_ROUND (w) : w;
}

/* Walks the glyphs from the start of `line` on, end to end (as Pango sets
 * the rest of a paragraph it ellipsizes on one line), keeping whole
 * clusters while they fit in `room`; draws them at (lx, by) when `cr` is
 * not NULL. Returns how wide they are, and the language of the run where
 * they stop (or of the last one). */
static int
walk_rest (cairo_t          *cr,
           PangoLayout      *text,
           PangoLayoutIter  *iter,
           int               room,
           double            lx,
           double            by,
           PangoLanguage   **out_lang)
{
  const char *str = pango_layout_get_text (text);
  PangoContext *context = pango_layout_get_context (text);
  PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
  int at = 0;

  *out_lang = NULL;
  for (gboolean full = TRUE; full; )
    {
      for (GSList *l = line->runs; l != NULL && full; l = l->next)
        {
          PangoGlyphItem *run = l->data;
          PangoGlyphString *glyphs = run->glyphs;
          int kept = 0, w = 0;

          *out_lang = run->item->analysis.language;
          if (run->item->analysis.level % 2 != 0)
            {
              /* Right to left: kept whole or not at all. */
              w = pango_glyph_string_get_width (glyphs);
              if (at + w <= room)
                kept = glyphs->num_glyphs;
              else
                w = 0;
            }
          else
            for (int g = 0; g < glyphs->num_glyphs;)
              {
                int end = g, cw = 0;

                while (end < glyphs->num_glyphs &&
                       glyphs->log_clusters[end] == glyphs->log_clusters[g])
                  cw += glyphs->glyphs[end++].geometry.width;
                /* Pango gives the space a line ends with no width; on
                 * one line it has its own. */
                if (cw == 0 && str[run->item->offset + glyphs->log_clusters[g]] == ' ')
                  cw = space_advance (run->item->analysis.font, context);
                if (at + w + cw > room)
                  break;
                w += cw;
                g = kept = end;
              }
          if (kept > 0 && cr != NULL)
            {
              PangoGlyphString part = *glyphs;

              part.num_glyphs = kept;
              cairo_move_to (cr, lx + at / (double) PANGO_SCALE, by);
              pango_cairo_show_glyph_string (cr, run->item->analysis.font, &part);
            }
          at += w;
          full = kept == glyphs->num_glyphs;
        }
      if (full && pango_layout_iter_next_line (iter))
        line = pango_layout_iter_get_line_readonly (iter);
      else
        full = FALSE;
    }
  return at;
}

/* The first `n_lines` lines of the whole text, the last cut with an
 * ellipsis as Pango cuts one: the clusters that fit with the ellipsis
 * after them. */
static void
show_clamped (cairo_t           *cr,
              NfCardLayout      *card,
              const NfGridStyle *style,
              guint              n_lines,
              double             x,
              double             y)
{
  PangoLayout *text = _nf_card_layout_get_drawn_layout (card);
  PangoLayoutIter *iter = pango_layout_get_iter (text);
  PangoRectangle logical;
  double lx, by;
  int width = _nf_card_layout_get_text_width (card);

  for (guint i = 0; i + 1 < n_lines; i++)
    {
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + logical.x / (double) PANGO_SCALE,
                     y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
      if (!pango_layout_iter_next_line (iter))
        break;
    }
  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  lx = x + logical.x / (double) PANGO_SCALE;
  by = y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE;
  {
    PangoLayoutIter *probe = pango_layout_iter_copy (iter);
    PangoLayout *ellipsis = _nf_card_layout_get_ellipsis (card, style, FALSE);
    PangoLanguage *lang = NULL;
    PangoRectangle ell;
    int at;

    /* Pango picks the ellipsis by the language where the text stops,
     * and cuts the text for its width: found with "…", then cut again
     * for "..." after Han text. */
    pango_layout_get_extents (ellipsis, NULL, &ell);
    walk_rest (NULL, text, probe, width - ell.width, lx, by, &lang);
    pango_layout_iter_free (probe);
    if (lang != NULL && pango_language_includes_script (lang, PANGO_SCRIPT_HAN))
      {
        ellipsis = _nf_card_layout_get_ellipsis (card, style, TRUE);
        pango_layout_get_extents (ellipsis, NULL, &ell);
      }
    at = walk_rest (cr, text, iter, width - ell.width, lx, by, &lang);
    cairo_move_to (cr, lx + at / (double) PANGO_SCALE, by);
    pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (ellipsis, 0));
  }
  pango_layout_iter_free (iter);
}

/* The card's fill colour, its text's and its muted text's. */
static void
card_colours (NfNote            *note,
              const NfGridStyle *style,
              NfColour          *fill,
              NfColour          *text,
              NfColour          *muted)
{
  nf_grid_style_card_fill (style, nf_note_get_colour (note), fill);
  nf_grid_style_text_on (style, fill, text);
  /* On a note's own colour the palette's muted grey may not read; a
   * blend of the text into the fill always does. */
  if (muted == NULL)
    return;
  if (nf_note_get_colour (note) != NULL)
    *muted = nf_colour_mix (text, fill, 0.35);
  else
    *muted = style->muted_text;
}

/* A card's box of `width` × `height` units: shadow, border, fill and
 * evidence edge. */
void
_nf_card_render_box (cairo_t           *cr,
                     const NfGridStyle *style,
                     double             width,
                     double             height,
                     const NfColour    *fill,
                     NfEvidence         evidence)
{
  NfRect box = { 0, 0, width, height };

  if (box.width <= 0 || box.height <= 0)
    return;

  cairo_save (cr);

  /* cairo rasterises a curved fill row by row over its whole box, and
   * every operation has a fixed cost besides: a card is drawn with few
   * operations over few pixels. No curved clip (it would turn every later
   * operation into a masked one), no stroke (its outline is rasterised
   * as a polygon of its own), shapes of one colour in one path. */

  /* A one-unit shadow under the card lifts it off the block, as
   * Adwaita's cards are. Only its bottom edge shows, so only the rows
   * below the lower corners are drawn. */
  cairo_save (cr);
  clip_device_rect (cr, 0, box.height - style->card_radius - 1, box.width,
                    style->card_radius + 2);
  cairo_translate (cr, 0, 1);
  _nf_render_rounded_rect (cr, &box, style->card_radius);
  _nf_render_set_colour (cr, &style->card_shadow);
  cairo_fill (cr);
  cairo_restore (cr);

  /* The one-unit border as a ring, then the fill inside it. */
  _nf_render_rounded_rect (cr, &box, style->card_radius);
  _nf_render_rounded_rect (cr, &(NfRect) { 1, 1, box.width - 2, box.height - 2 },
                           style->card_radius - 1);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  _nf_render_set_colour (cr, &style->card_border);
  cairo_fill (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  _nf_render_rounded_rect (cr, &(NfRect) { 1, 1, box.width - 2, box.height - 2 },
                           style->card_radius - 1);
  _nf_render_set_colour (cr, fill);
  cairo_fill (cr);

  if (evidence != NF_EVIDENCE_NONE && box.width > 2 && box.height > 2)
    {
      cairo_translate (cr, 1, 1);
      edge_path (cr, box.width - 2, box.height - 2, style->card_radius - 1,
                 style->evidence_edge - 1);
      _nf_render_set_colour (cr, &style->evidence[evidence]);
      cairo_fill (cr);
    }

  cairo_restore (cr);
}

/* The card's box. It reads only the card's size, the note's colour and
 * evidence and the style, so the card cache can keep one drawing for
 * every card alike (nf-card-cache.c). */
void
_nf_card_render_chrome (cairo_t           *cr,
                        NfCardLayout      *card,
                        const NfGridStyle *style)
{
  NfNote *note = nf_card_layout_get_note (card);
  NfColour fill, text;

  card_colours (note, style, &fill, &text, NULL);
  _nf_card_render_box (cr, style, nf_card_layout_get_width (card),
                       nf_card_layout_get_height (card), &fill,
                       nf_note_get_evidence (note));
}

/* What is drawn on the card's box: its text, footer and marks. */
void
_nf_card_render_content (cairo_t           *cr,
                         NfCardLayout      *card,
                         const NfGridStyle *style)
{
  NfNote *note = nf_card_layout_get_note (card);
  NfEvidence evidence = nf_note_get_evidence (note);
  NfColour fill, text, muted;
  NfRect box = { 0, 0, nf_card_layout_get_width (card), nf_card_layout_get_height (card) };
  double x, y;

  if (box.width <= 0 || box.height <= 0)
    return;
  card_colours (note, style, &fill, &text, &muted);

  cairo_save (cr);

  /* The layouts are broken and cut short to fit the card; the clip only
   * catches ink that leans out of its box. */
  clip_device_rect (cr, 1, 1, box.width - 2, box.height - 2);
  _nf_card_layout_get_text_origin (card, &x, &y);
  _nf_render_set_colour (cr, &text);
  if (_nf_card_layout_get_clamp_lines (card) > 0)
    show_clamped (cr, card, style, _nf_card_layout_get_clamp_lines (card), x, y);
  else
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, _nf_card_layout_get_drawn_layout (card));
    }

  draw_footer (cr, card, style, evidence, &fill, &muted, box.width, box.height);
  {
    double below = draw_conflict_mark (cr, note, style, box.width, box.height);

    if (nf_card_layout_get_density (card) != NF_CARD_FULL)
      draw_marks (cr, card, style, &muted, box.width, box.height, below);
  }

  cairo_restore (cr);
}

/* Everything this reads (the card's layouts, chips and size, the note's
 * colour and evidence, the style) must be in the key of the retained
 * card pixels (nf-card-cache.c), or a card shown from them goes stale. */
void
nf_card_render (cairo_t           *cr,
                NfCardLayout      *card,
                const NfGridStyle *style)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (NF_IS_CARD_LAYOUT (card));
  g_return_if_fail (style != NULL);

  _nf_card_render_chrome (cr, card, style);
  _nf_card_render_content (cr, card, style);
}
