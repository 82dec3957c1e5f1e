/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-i18n-private.h"
#include <pango/pangocairo.h>

#include "nf-card-cache-private.h"
#include "nf-grid-frames-private.h"
#include "nf-grid-layout-private.h"
#include "nf-grid-renderer.h"
#include "nf-render-private.h"

/* The cards of a full 1920 × 1080 grid take about 5 MB of pixels, four
 * times that at scale 2: room for them and a zoom step's worth more. */
#define CARD_CACHE_BYTES (48u << 20)

G_DEFINE_QUARK (nf-render-error-quark, nf_render_error)
static G_DEFINE_QUARK (nf-grid-card-cache, card_cache)

/* The pixels of a layout's cards, kept as long as the layout, which is
 * what a window redrawing the same grid frame after frame holds on to. */
NfCardCache *
_nf_grid_render_get_card_cache (NfGridLayout *layout)
{
  NfCardCache *cache = g_object_get_qdata (G_OBJECT (layout), card_cache_quark ());

  if (cache == NULL)
    {
      cache = nf_card_cache_new (CARD_CACHE_BYTES);
      g_object_set_qdata_full (G_OBJECT (layout), card_cache_quark (), cache, g_object_unref);
    }
  return cache;
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

/* --- Drawing -------------------------------------------------------- */

static gboolean
boxes_meet (const double a[4],
            const double b[4])
{
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/* A rectangle of the grid in the target's pixels, grown by `grow` units. */
static void
to_box (const cairo_matrix_t *m,
        const double          device[4],
        const NfRect         *r,
        double                grow,
        double                box[4])
{
  box[0] = (m->xx * (r->x - grow) + m->x0) * device[0] + device[2];
  box[1] = (m->yy * (r->y - grow) + m->y0) * device[1] + device[3];
  box[2] = (m->xx * (r->x + r->width + grow) + m->x0) * device[0] + device[2];
  box[3] = (m->yy * (r->y + r->height + grow) + m->y0) * device[1] + device[3];
}

/* Which of a block's cards can be copied onto it, fill and all: those
 * whose images lie on the block's fill (inside its content, short of its
 * title and border) and meet neither "+N more" nor another card's. */
static void
find_on_block (const NfGridBlock    *block,
               const NfGridStyle    *style,
               const cairo_matrix_t *m,
               const double          device[4],
               gboolean             *on_block)
{
  double boxes[NF_GRID_MAX_CHECKED][4];
  double room[4], more[4] = { 0 };
  guint n = block->cards->len;

  memset (on_block, 0, MIN (n, NF_GRID_MAX_CHECKED) * sizeof (gboolean));
  if (n > NF_GRID_MAX_CHECKED || !(m->xx > 0 && m->yy > 0) ||
      MIN (style->block_padding, style->title_gap) < 2)
    return;
  to_box (m, device, &block->content_rect, MIN (style->block_padding, style->title_gap) - 1,
          room);
  if (block->n_hidden > 0 && block->more != NULL)
    to_box (m, device, &block->more_rect, 0, more);
  for (guint i = 0; i < n; i++)
    {
      const NfGridCard *card = &g_array_index (block->cards, NfGridCard, i);

      _nf_card_cache_image_box (card->card, m, device, card->rect.x, card->rect.y, boxes[i]);
      on_block[i] = boxes[i][0] >= room[0] && boxes[i][1] >= room[1] &&
                    boxes[i][2] <= room[2] && boxes[i][3] <= room[3] &&
                    !(block->n_hidden > 0 && block->more != NULL &&
                      boxes_meet (boxes[i], more));
    }
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (boxes_meet (boxes[i], boxes[j]))
        on_block[i] = on_block[j] = FALSE;
}

/* Whether a card is out of its block's page (a block that scrolls shows
 * on a page the cards that fit, and "+N more" for the rest). */
static gboolean
below_page (const NfGridBlock *block,
            const NfRect      *at)
{
  return at->y + at->height > block->content_rect.y + block->content_rect.height + 0.5;
}

static int
hole_order (gconstpointer a,
            gconstpointer b)
{
  const int *ha = a, *hb = b;

  return (ha[0] > hb[0]) - (ha[0] < hb[0]);
}

/* Which cards lie on their block's fill, and which of them will cover
 * their image's pixels whole when drawn from pixels onto `cr` with
 * `clip` (_nf_card_cache_draw_raster() copies them, on_block). */
static void
plan_cards (cairo_t           *cr,
            NfGridLayout      *layout,
            const NfGridStyle *style,
            const NfCardClip  *clip,
            NfGridCardPlan          *plan)
{
  cairo_matrix_t m;
  double device[4];
  gboolean copied = style->block_fill.alpha >= 1.0 &&
                    cairo_get_operator (cr) == CAIRO_OPERATOR_OVER;

  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (cairo_get_group_target (cr), &device[0], &device[1]);
  cairo_surface_get_device_offset (cairo_get_group_target (cr), &device[2], &device[3]);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      const NfGridBlock *block = _nf_grid_layout_get_block (layout, (NfBlock) b);
      NfGridBlockPlan *bp = &plan->blocks[b];

      bp->n_holes = 0;
      memset (bp->covered, 0, sizeof bp->covered);
      if (block->rect.width <= 0 || block->rect.height <= 0 || block->title == NULL)
        {
          memset (bp->on_block, 0, sizeof bp->on_block);
          continue;
        }
      find_on_block (block, style, &m, device, bp->on_block);
      for (guint i = 0; i < MIN (block->cards->len, NF_GRID_MAX_CHECKED) && copied; i++)
        {
          const NfGridCard *card = &g_array_index (block->cards, NfGridCard, i);
          double box[4];

          if (!bp->on_block[i] || below_page (block, &card->rect) ||
              !(nf_card_layout_get_width (card->card) > 0) ||
              !(nf_card_layout_get_height (card->card) > 0))
            continue;
          _nf_card_cache_image_box (card->card, &m, device, card->rect.x, card->rect.y, box);
          if (!_nf_card_clip_keeps_whole (clip, box))
            continue;
          bp->covered[i] = TRUE;
          bp->holes[bp->n_holes][0] = (int) box[0];
          bp->holes[bp->n_holes][1] = (int) box[1];
          bp->holes[bp->n_holes][2] = (int) box[2];
          bp->holes[bp->n_holes][3] = (int) box[3];
          bp->n_holes++;
        }
      qsort (bp->holes, bp->n_holes, sizeof bp->holes[0], hole_order);
    }
}

/* Fills the target's pixels `box` with the block's fill, as the block's
 * box would have been written there. */
static void
fill_hole (cairo_t           *cr,
           const NfGridStyle *style,
           const int          box[4])
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  double dsx, dsy, dox, doy;

  cairo_surface_get_device_scale (target, &dsx, &dsy);
  cairo_surface_get_device_offset (target, &dox, &doy);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_scale (cr, 1 / dsx, 1 / dsy);
  cairo_translate (cr, -dox, -doy);
  cairo_rectangle (cr, box[0], box[1], box[2] - box[0], box[3] - box[1]);
  _nf_render_set_colour (cr, &style->block_fill);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* `plan` (NULL: no card on its block): what the cards cover of the
 * frames just drawn under them; `direct`: the frames were drawn
 * straight onto the target, not kept, and so are the cards with no
 * pixels kept, and the frames left the covered cards' boxes unwritten.
 * `clip`: the target's, read when `cache` is not NULL. */
static void
draw_cards (cairo_t           *cr,
            NfGridLayout      *layout,
            const NfGridStyle *style,
            NfCardCache       *cache,
            const NfCardClip  *clip,
            const NfGridCardPlan    *plan,
            gboolean           direct)
{
  double clip_x0, clip_y0, clip_x1, clip_y1;

  cairo_clip_extents (cr, &clip_x0, &clip_y0, &clip_x1, &clip_y1);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      const NfGridBlock *block = _nf_grid_layout_get_block (layout, (NfBlock) b);
      const NfGridBlockPlan *bp = plan != NULL && cache != NULL ? &plan->blocks[b] : NULL;

      if (block->rect.width <= 0 || block->rect.height <= 0 || block->title == NULL)
        continue;

      for (guint i = 0; i < block->cards->len; i++)
        {
          const NfGridCard *card = &g_array_index (block->cards, NfGridCard, i);
          const NfRect *at = &card->rect;
          gboolean on_block = bp != NULL && i < NF_GRID_MAX_CHECKED && bp->on_block[i];

          if (below_page (block, at))
            continue;
          /* A repaint of part of the grid draws only the cards in it
           * (with a unit for the shadow and the edges' anti-aliasing). */
          if (at->x - 1 >= clip_x1 || at->x + at->width + 1 <= clip_x0 ||
              at->y - 1 >= clip_y1 || at->y + at->height + 2 <= clip_y0)
            continue;
          if (cache != NULL &&
              _nf_card_cache_draw_raster (cache, cr, clip, card->card, style, at->x, at->y,
                                          on_block, direct))
            continue;
          /* Not drawn from pixels after all: its box was left unwritten. */
          if (direct && on_block && bp->covered[i])
            {
              double box[4], device[4];
              cairo_matrix_t m;
              int hole[4];

              cairo_get_matrix (cr, &m);
              cairo_surface_get_device_scale (cairo_get_group_target (cr), &device[0], &device[1]);
              cairo_surface_get_device_offset (cairo_get_group_target (cr), &device[2], &device[3]);
              _nf_card_cache_image_box (card->card, &m, device, at->x, at->y, box);
              for (guint k = 0; k < 4; k++)
                hole[k] = (int) box[k];
              fill_hole (cr, style, hole);
            }
          cairo_save (cr);
          cairo_translate (cr, at->x, at->y);
          nf_card_render (cr, card->card, style);
          cairo_restore (cr);
        }
      if (block->n_hidden > 0 && block->more != NULL)
        draw_more (cr, block, style);
    }
}

void
_nf_grid_render_forget (NfGridLayout *layout)
{
  NfCardCache *cache = g_object_get_qdata (G_OBJECT (layout), card_cache_quark ());

  if (cache != NULL)
    nf_card_cache_clear (cache);
  _nf_grid_frames_forget (layout);
}

void
_nf_grid_render_afresh (cairo_t           *cr,
                        NfGridLayout      *layout,
                        const NfGridStyle *style)
{
  cairo_save (cr);
  _nf_grid_frames_draw (cr, layout, style);
  draw_cards (cr, layout, style, NULL, NULL, NULL, FALSE);
  cairo_restore (cr);
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
  NfCardCache *cache = NULL;
  NfCardClip clip = { { 0 }, NULL, FALSE };
  NfGridCardPlan *plan = NULL;
  gboolean raster, direct = FALSE;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (NF_IS_GRID_LAYOUT (layout));
  g_return_if_fail (style != NULL);

  /* Retained pixels only onto an image: a PDF, an SVG or a recording
   * surface (which may end up in either) keeps vectors. */
  raster = cairo_surface_get_type (cairo_get_group_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE;
  cairo_save (cr);
  if (raster)
    _nf_card_clip_init (&clip, cr);
  /* Only cards drawn over the frames lie on their blocks' fill. */
  if (raster && parts == NF_GRID_PART_ALL)
    {
      plan = g_new (NfGridCardPlan, 1);
      plan_cards (cr, layout, style, &clip, plan);
    }
  if ((parts & NF_GRID_PART_FRAMES) != 0 &&
      !(raster && _nf_grid_frames_draw_retained (cr, layout, style, &clip, plan, &direct)))
    _nf_grid_frames_draw (cr, layout, style);
  if ((parts & NF_GRID_PART_CARDS) != 0)
    {
      if (raster)
        {
          cache = _nf_grid_render_get_card_cache (layout);
          _nf_card_cache_use_style (cache, style);
        }
      draw_cards (cr, layout, style, cache, raster ? &clip : NULL, plan, direct);
    }
  g_free (plan);
  _nf_card_clip_clear (&clip);
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
  gboolean ok;

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
  /* Drawn once and thrown away: pixels kept for another frame would only
   * cost memory. */
  _nf_grid_render_afresh (cr, layout, style);
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
  ok = _nf_render_write_png (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}
