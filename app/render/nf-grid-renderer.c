/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "nf-grid-layout-private.h"
#include "nf-grid-renderer.h"
#include "nf-render-private.h"

G_DEFINE_QUARK (nf-render-error-quark, nf_render_error)

static void
draw_title (cairo_t           *cr,
            const NfGridBlock *block,
            NfBlock            kind,
            const NfGridStyle *style)
{
  NfColour tint = style->accent;
  double inset = round (style->glyph_size * 0.18);

  /* The glyph on a faint accent square, like a GNOME settings row's. */
  if (block->has_glyph)
    {
      tint.alpha = 0.14;
      _nf_render_rounded_rect (cr, &block->glyph_rect, style->glyph_size * 0.28);
      _nf_render_set_colour (cr, &tint);
      cairo_fill (cr);
      _nf_render_set_colour (cr, &style->accent);
      _nf_render_block_glyph (cr, kind,
                              block->glyph_rect.x + inset, block->glyph_rect.y + inset,
                              block->glyph_rect.width - 2 * inset);
    }

  _nf_render_set_colour (cr, &style->title_text);
  cairo_move_to (cr, block->title_x, block->title_y);
  pango_cairo_show_layout (cr, block->title);
}

static void
draw_more (cairo_t           *cr,
           const NfGridBlock *block,
           const NfGridStyle *style)
{
  _nf_render_rounded_rect (cr, &block->more_rect, block->more_rect.height / 2);
  _nf_render_set_colour (cr, &style->chip_fill);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_rectangle (cr, block->more_rect.x, block->more_rect.y,
                   block->more_rect.width, block->more_rect.height);
  cairo_clip (cr);
  _nf_render_set_colour (cr, &style->muted_text);
  cairo_move_to (cr, block->more_x, block->more_y);
  pango_cairo_show_layout (cr, block->more);
  cairo_restore (cr);
}

static void
draw_hint (cairo_t           *cr,
           const NfGridBlock *block,
           const NfGridStyle *style)
{
  const NfRect *area = &block->content_rect;

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);
  _nf_render_set_colour (cr, &style->muted_text);
  cairo_move_to (cr, block->hint_x, block->hint_y);
  pango_cairo_show_layout (cr, block->hint);
  cairo_restore (cr);
}

static void
draw_frame (cairo_t           *cr,
            const NfGridBlock *block,
            NfBlock            kind,
            const NfGridStyle *style)
{
  const NfRect *r = &block->rect;

  _nf_render_rounded_rect (cr, r, style->block_radius);
  _nf_render_set_colour (cr, &style->block_fill);
  cairo_fill (cr);
  _nf_render_rounded_rect (cr, &(NfRect) { r->x + 0.5, r->y + 0.5,
                                           r->width - 1, r->height - 1 },
                           style->block_radius - 0.5);
  _nf_render_set_colour (cr, &style->block_border);
  cairo_stroke (cr);

  draw_title (cr, block, kind, style);
  if (block->n_hidden > 0 && block->more != NULL)
    draw_more (cr, block, style);
  if (block->n_notes == 0 && block->hint != NULL)
    draw_hint (cr, block, style);
}

void
nf_grid_render (cairo_t           *cr,
                NfGridLayout      *layout,
                const NfGridStyle *style)
{
  nf_grid_render_parts (cr, layout, style, NF_GRID_PART_ALL);
}

void
nf_grid_render_parts (cairo_t           *cr,
                      NfGridLayout      *layout,
                      const NfGridStyle *style,
                      NfGridParts        parts)
{
  gboolean frames = (parts & NF_GRID_PART_FRAMES) != 0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (NF_IS_GRID_LAYOUT (layout));
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  if (frames)
    {
      _nf_render_set_colour (cr, &style->background);
      cairo_rectangle (cr, 0, 0, nf_grid_layout_get_width (layout),
                       nf_grid_layout_get_height (layout));
      cairo_fill (cr);
    }
  cairo_set_line_width (cr, 1);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      const NfGridBlock *block = _nf_grid_layout_get_block (layout, (NfBlock) b);
      const NfRect *r = &block->rect;

      if (r->width <= 0 || r->height <= 0 || block->title == NULL)
        continue;
      if (frames)
        draw_frame (cr, block, (NfBlock) b, style);
      if ((parts & NF_GRID_PART_CARDS) == 0)
        continue;
      for (guint i = 0; i < block->cards->len; i++)
        {
          const NfGridCard *card = &g_array_index (block->cards, NfGridCard, i);

          cairo_save (cr);
          cairo_translate (cr, card->rect.x, card->rect.y);
          nf_card_render (cr, card->card, style);
          cairo_restore (cr);
        }
    }
  cairo_restore (cr);
}

gboolean
nf_canvas_render_to_png (NfCanvas          *canvas,
                         const char        *lang,
                         int                width,
                         int                height,
                         double             scale,
                         const NfGridStyle *style,
                         const char        *path,
                         GError           **error)
{
  g_autoptr(NfGridLayout) layout = NULL;
  g_autofree char *name = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (NF_IS_CANVAS (canvas), FALSE);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_filename_display_name (path);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (width * scale),
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
  layout = nf_grid_layout_new (canvas, style, lang);
  nf_grid_layout_allocate (layout, width, height);
  nf_grid_render (cr, layout, style);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, NF_RENDER_ERROR, NF_RENDER_ERROR_FAILED,
                   _("Could not draw the canvas for “%s”: %s"),
                   name, cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cairo_surface_flush (surface);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, NF_RENDER_ERROR, NF_RENDER_ERROR_WRITE,
                   _("Could not write “%s”: %s"),
                   name, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
