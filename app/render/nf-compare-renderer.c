/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>

#include "nf-i18n-private.h"
#include <pango/pangocairo.h>

#include "nf-compare-layout-private.h"
#include "nf-compare-renderer.h"
#include "nf-grid-renderer.h"
#include "nf-render-private.h"

static void
draw_header (cairo_t           *cr,
             NfCompareLayout   *layout,
             const NfGridStyle *style)
{
  for (guint i = 0; i < nf_compare_layout_get_n_canvases (layout); i++)
    {
      PangoLayout *name = _nf_compare_layout_get_header (layout, i);
      NfColour colour;
      NfRect r;

      nf_compare_layout_get_column_rect (layout, i, &r);
      nf_compare_canvas_colour (i, style, &colour);
      _nf_render_rounded_rect (cr, &r, style->card_radius);
      _nf_render_set_colour (cr, &style->block_fill);
      cairo_fill (cr);
      /* The bar under the name is the colour the charts give this canvas. */
      cairo_save (cr);
      _nf_render_rounded_rect (cr, &r, style->card_radius);
      cairo_clip (cr);
      _nf_render_set_colour (cr, &colour);
      cairo_rectangle (cr, r.x, r.y + r.height - 4, r.width, 4);
      cairo_fill (cr);
      cairo_restore (cr);

      _nf_render_set_colour (cr, &style->title_text);
      cairo_move_to (cr, r.x + style->block_padding, r.y + style->card_padding);
      pango_cairo_show_layout (cr, name);
    }
}

static void
draw_cell (cairo_t             *cr,
           const NfCompareCell *cell,
           const NfGridStyle   *style)
{
  const NfRect *r = &cell->rect;

  _nf_render_rounded_rect (cr, r, style->block_radius);
  _nf_render_set_colour (cr, &style->block_fill);
  cairo_fill (cr);
  _nf_render_rounded_rect (cr, &(NfRect) { r->x + 0.5, r->y + 0.5, r->width - 1, r->height - 1 },
                           style->block_radius - 0.5);
  _nf_render_set_colour (cr, &style->block_border);
  cairo_stroke (cr);

  if (cell->cards->len == 0 && cell->empty != NULL)
    {
      _nf_render_set_colour (cr, &style->muted_text);
      cairo_move_to (cr, r->x + style->block_padding, r->y + style->block_padding);
      pango_cairo_show_layout (cr, cell->empty);
    }

  for (guint c = 0; c < cell->cards->len; c++)
    {
      const NfCompareCard *card = &g_array_index (cell->cards, NfCompareCard, c);
      NfColour mark;

      if (!card->visible)
        continue;
      cairo_save (cr);
      cairo_translate (cr, card->rect.x, card->rect.y);
      nf_card_render (cr, card->card, style);
      cairo_restore (cr);

      nf_compare_mark_colour (card->kind, style, &mark);
      _nf_render_rounded_rect (cr, &card->mark, card->mark.width / 2);
      _nf_render_set_colour (cr, &mark);
      cairo_fill (cr);
    }

  if (cell->more != NULL)
    {
      _nf_render_set_colour (cr, &style->muted_text);
      cairo_move_to (cr, cell->more_x, cell->more_y);
      pango_cairo_show_layout (cr, cell->more);
    }
}

void
nf_compare_render (cairo_t           *cr,
                   NfCompareLayout   *layout,
                   const NfGridStyle *style)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (NF_IS_COMPARE_LAYOUT (layout));
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  _nf_render_set_colour (cr, &style->background);
  cairo_rectangle (cr, 0, 0, nf_compare_layout_get_width (layout), nf_compare_layout_get_height (layout));
  cairo_fill (cr);
  cairo_set_line_width (cr, 1);

  if (nf_compare_layout_get_show_header (layout))
    draw_header (cr, layout, style);
  for (guint r = 0; r < nf_compare_layout_get_n_rows (layout); r++)
    {
      const NfCompareRow *row = _nf_compare_layout_get_row (layout, r);
      double inset = round (style->glyph_size * 0.18);
      NfColour tint = style->accent;

      tint.alpha = 0.14;
      _nf_render_rounded_rect (cr, &row->glyph_rect, style->glyph_size * 0.28);
      _nf_render_set_colour (cr, &tint);
      cairo_fill (cr);
      _nf_render_set_colour (cr, &style->accent);
      _nf_render_block_glyph (cr, row->block, row->glyph_rect.x + inset, row->glyph_rect.y + inset,
                              row->glyph_rect.width - 2 * inset);
      _nf_render_set_colour (cr, &style->title_text);
      cairo_move_to (cr, row->title_x, row->title_y);
      pango_cairo_show_layout (cr, row->title);

      for (guint i = 0; i < nf_compare_layout_get_n_canvases (layout); i++)
        draw_cell (cr, &row->cells[i], style);
    }
  cairo_restore (cr);
}

void
nf_compare_render_header (cairo_t           *cr,
                          NfCompareLayout   *layout,
                          const NfGridStyle *style)
{
  NfRect header;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (NF_IS_COMPARE_LAYOUT (layout));
  g_return_if_fail (style != NULL);

  nf_compare_layout_get_header_rect (layout, &header);
  cairo_save (cr);
  _nf_render_set_colour (cr, &style->background);
  cairo_rectangle (cr, 0, 0, nf_compare_layout_get_width (layout), header.y + header.height + style->margin / 2);
  cairo_fill (cr);
  draw_header (cr, layout, style);
  cairo_restore (cr);
}

/* The marks a kind of comparison uses, in the order the legend lists them. */
static const NfDiffKind version_marks[] = {
  NF_DIFF_SHARED, NF_DIFF_ADDED, NF_DIFF_REMOVED, NF_DIFF_CHANGED, NF_DIFF_MOVED, NF_DIFF_REORDERED,
};
static const NfDiffKind company_marks[] = {
  NF_DIFF_SHARED, NF_DIFF_SOME, NF_DIFF_ONLY, NF_DIFF_NEAR,
};

#define SWATCH 12.0

/* Walks the legend's items, flowing them into lines; draws them when `cr`
 * is not NULL. Returns the height. */
static double
legend_flow (cairo_t           *cr,
             gboolean           versions,
             const NfGridStyle *style,
             double             width)
{
  PangoContext *context = nf_render_pango_context_new (NULL);
  const NfDiffKind *marks = versions ? version_marks : company_marks;
  guint n = versions ? G_N_ELEMENTS (version_marks) : G_N_ELEMENTS (company_marks);
  double x = 0, y = 0, line_h = 0;
  double gap = style->card_gap * 2;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) text = _nf_render_layout_new (context);
      int tw, th;
      double item_w, item_h;

      _nf_render_set_font (text, style->font_family, style->base_font_size, PANGO_WEIGHT_NORMAL);
      /* Between versions, what every canvas shares is what did not change. */
      pango_layout_set_text (text, versions && marks[i] == NF_DIFF_SHARED ? _("Unchanged")
                                                                          : nf_compare_mark_label (marks[i]), -1);
      pango_layout_set_width (text, (int) (MAX (width - SWATCH - 6, 1) * PANGO_SCALE));
      pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (text, &tw, &th);
      item_w = SWATCH + 6 + tw;
      item_h = MAX (SWATCH, th);
      if (x > 0 && x + item_w > width)
        {
          x = 0;
          y += line_h + style->card_gap;
          line_h = 0;
        }
      if (cr != NULL)
        {
          NfColour colour;

          nf_compare_mark_colour (marks[i], style, &colour);
          _nf_render_rounded_rect (cr, &(NfRect) { x, y + (item_h - SWATCH) / 2, SWATCH, SWATCH }, 3);
          _nf_render_set_colour (cr, &colour);
          cairo_fill (cr);
          _nf_render_set_colour (cr, &style->title_text);
          cairo_move_to (cr, x + SWATCH + 6, y + (item_h - th) / 2);
          pango_cairo_show_layout (cr, text);
        }
      x += item_w + gap;
      line_h = MAX (line_h, item_h);
    }
  g_object_unref (context);
  return y + line_h;
}

double
nf_compare_legend_measure (gboolean           versions,
                           const NfGridStyle *style,
                           double             width)
{
  g_return_val_if_fail (style != NULL, 0);
  return legend_flow (NULL, versions, style, width);
}

void
nf_compare_legend_render (cairo_t           *cr,
                          gboolean           versions,
                          const NfGridStyle *style,
                          double             width)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  cairo_save (cr);
  legend_flow (cr, versions, style, width);
  cairo_restore (cr);
}

gboolean
nf_compare_render_to_png (NfCanvas         **canvases,
                          guint              n_canvases,
                          const char        *lang,
                          int                width,
                          double             scale,
                          const NfGridStyle *style,
                          const char        *path,
                          GError           **error)
{
  g_autoptr(NfCompareLayout) layout = NULL;
  g_autoptr(NfCompareMetrics) metrics = NULL;
  g_autofree char *name = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double legend_h, height;
  gboolean ok;

  g_return_val_if_fail (canvases != NULL, FALSE);
  g_return_val_if_fail (width > 0 && scale > 0, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  layout = nf_compare_layout_new (canvases, n_canvases);
  nf_compare_layout_set_language (layout, lang);
  nf_compare_layout_allocate (layout, style, width, 0);
  metrics = nf_compare_metrics_new (canvases, n_canvases);
  nf_compare_metrics_set_language (metrics, lang);
  nf_compare_metrics_allocate (metrics, style, width, 0);
  legend_h = nf_compare_legend_measure (nf_diff_is_versions (nf_compare_layout_get_diff (layout)),
                                        style, width - 2 * style->margin);
  height = style->margin + legend_h + nf_compare_layout_get_height (layout) +
           nf_compare_metrics_get_height (metrics);

  name = g_filename_display_name (path);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                        (int) ceil (height * scale));
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, NF_RENDER_ERROR, NF_RENDER_ERROR_FAILED,
                   _("Could not make a %d × %d image for “%s”: %s"),
                   (int) ceil (width * scale), (int) ceil (height * scale),
                   name, cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  _nf_render_set_colour (cr, &style->background);
  cairo_paint (cr);
  cairo_save (cr);
  cairo_translate (cr, style->margin, style->margin);
  nf_compare_legend_render (cr, nf_diff_is_versions (nf_compare_layout_get_diff (layout)),
                            style, width - 2 * style->margin);
  cairo_restore (cr);
  cairo_translate (cr, 0, style->margin + legend_h);
  nf_compare_render (cr, layout, style);
  cairo_translate (cr, 0, nf_compare_layout_get_height (layout));
  nf_compare_metrics_render (cr, metrics, style);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, NF_RENDER_ERROR, NF_RENDER_ERROR_WRITE,
                   _("Could not write “%s”: %s"), name, cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return FALSE;
    }
  ok = _nf_render_write_png (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}
