/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-i18n-private.h"
#include <pango/pangocairo.h>

#include "nf-card-cache-private.h"
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
frame_box (cairo_t           *cr,
           const NfRect      *r,
           const NfGridStyle *style)
{
  _nf_render_rounded_rect (cr, r, style->block_radius);
  _nf_render_set_colour (cr, &style->block_fill);
  cairo_fill (cr);
  _nf_render_rounded_rect (cr, &(NfRect) { r->x + 0.5, r->y + 0.5,
                                           r->width - 1, r->height - 1 },
                           style->block_radius - 0.5);
  _nf_render_set_colour (cr, &style->block_border);
  cairo_stroke (cr);
}

static gboolean
whole_pixels (double v)
{
  return fabs (v - round (v)) < 1e-6;
}

/* Writes the block's box (fill and border) into `image`, the frames'
 * image with its background drawn and the layout's origin on its pixel
 * (0, 0) at (sx, sy) pixels a unit, from a small box of the same
 * corners: on whole pixels the corners are the small box's moved by
 * whole pixels, and every row and column between them is its middle one.
 * A stroked curve over a block's whole height costs as much as the block
 * has rows; this costs a copy. FALSE, writing nothing, when the block
 * is not on whole pixels or too small. */
static gboolean
frame_box_by_slices (cairo_surface_t   *image,
                     const NfRect      *r,
                     double             sx,
                     double             sy,
                     const NfGridStyle *style)
{
  double x0 = r->x * sx, y0 = r->y * sy, w = r->width * sx, h = r->height * sy;
  int cx = (int) ceil ((style->block_radius + 1) * sx) + 2;
  int cy = (int) ceil ((style->block_radius + 1) * sy) + 2;
  int tw = 2 * cx + 1, th = 2 * cy + 1, ix, iy, iw, ih, ts, ds;
  cairo_surface_t *small;
  cairo_t *cr;
  const guint32 *src;
  guint32 *dst;

  if (!whole_pixels (x0) || !whole_pixels (y0) || !whole_pixels (w) || !whole_pixels (h) ||
      cairo_image_surface_get_format (image) != CAIRO_FORMAT_ARGB32)
    return FALSE;
  ix = (int) round (x0);
  iy = (int) round (y0);
  iw = (int) round (w);
  ih = (int) round (h);
  if (iw < tw || ih < th || ix < 0 || iy < 0 ||
      ix + iw > cairo_image_surface_get_width (image) ||
      iy + ih > cairo_image_surface_get_height (image))
    return FALSE;

  /* The small box on the background, drawn as draw_frames() draws. */
  small = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, tw, th);
  cr = cairo_create (small);
  _nf_render_set_colour (cr, &style->background);
  cairo_rectangle (cr, 0, 0, tw, th);
  cairo_fill (cr);
  cairo_scale (cr, sx, sy);
  cairo_set_line_width (cr, 1);
  frame_box (cr, &(NfRect) { 0, 0, tw / sx, th / sy }, style);
  cairo_destroy (cr);
  cairo_surface_flush (small);
  if (cairo_surface_status (small) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (small);
      return FALSE;
    }

  cairo_surface_flush (image);
  src = (const guint32 *) (gpointer) cairo_image_surface_get_data (small);
  dst = (guint32 *) (gpointer) cairo_image_surface_get_data (image);
  ts = cairo_image_surface_get_stride (small) / 4;
  ds = cairo_image_surface_get_stride (image) / 4;
  for (int y = 0; y < ih; y++)
    {
      int ty = y < cy ? y : y >= ih - cy ? y - (ih - th) : cy;
      const guint32 *sr = src + (gsize) ty * ts;
      guint32 *d = dst + (gsize) (iy + y) * ds + ix;
      guint32 mid = sr[cx];

      /* The middle rows are all the first of them. */
      if (y > cy && y < ih - cy)
        {
          memcpy (d, d - ds, iw * sizeof *d);
          continue;
        }
      memcpy (d, sr, cx * sizeof *d);
      for (int x = cx; x < iw - cx; x++)
        d[x] = mid;
      memcpy (d + iw - cx, sr + tw - cx, cx * sizeof *d);
    }
  cairo_surface_mark_dirty (image);
  cairo_surface_destroy (small);
  return TRUE;
}

static void
draw_frame (cairo_t           *cr,
            const NfGridBlock *block,
            NfBlock            kind,
            const NfGridStyle *style,
            cairo_surface_t   *slices_into,
            double             sx,
            double             sy)
{
  if (slices_into == NULL ||
      !frame_box_by_slices (slices_into, &block->rect, sx, sy, style))
    frame_box (cr, &block->rect, style);

  draw_title (cr, block, kind, style);
  if (block->n_notes == 0 && block->hint != NULL)
    draw_hint (cr, block, style);
}

/* The background and every block's frame, title, "+N more" and hint;
 * the blocks' boxes written straight into `slices_into` where they can
 * be (the image `cr` draws on, at (sx, sy) pixels a unit from its
 * pixel (0, 0)), or NULL. */
static void
draw_frames_into (cairo_t           *cr,
                  NfGridLayout      *layout,
                  const NfGridStyle *style,
                  cairo_surface_t   *slices_into,
                  double             sx,
                  double             sy)
{
  _nf_render_set_colour (cr, &style->background);
  cairo_rectangle (cr, 0, 0, nf_grid_layout_get_width (layout),
                   nf_grid_layout_get_height (layout));
  cairo_fill (cr);
  cairo_set_line_width (cr, 1);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      const NfGridBlock *block = _nf_grid_layout_get_block (layout, (NfBlock) b);

      if (block->rect.width > 0 && block->rect.height > 0 && block->title != NULL)
        draw_frame (cr, block, (NfBlock) b, style, slices_into, sx, sy);
    }
}

static void
draw_frames (cairo_t           *cr,
             NfGridLayout      *layout,
             const NfGridStyle *style)
{
  draw_frames_into (cr, layout, style, NULL, 1, 1);
}

/* --- Retained pixels of the frames ---------------------------------- */

/* What decides the frames' pixels besides the style and the device
 * transform: per block, where everything goes and the layouts drawn
 * (held, so a pointer cannot come back as another layout, and their
 * serials, which change when Pango lays them out again). */
typedef struct {
  NfRect       rect, glyph_rect, more_rect, content_rect;
  PangoLayout *title, *more, *hint;
  guint        title_serial, more_serial, hint_serial;
  double       title_x, title_y, more_x, more_y, hint_x, hint_y;
  gboolean     has_glyph;
} BlockKey;

typedef struct {
  BlockKey         blocks[NF_N_BLOCKS];
  double           width, height;
  double           sx, sy, fx, fy;
  NfGridStyle     *style;
  cairo_surface_t *surface;
  int              surface_width, surface_height;
} Frames;

static G_DEFINE_QUARK (nf-grid-frames, frames)

static void
block_key_clear (BlockKey *key)
{
  g_clear_object (&key->title);
  g_clear_object (&key->more);
  g_clear_object (&key->hint);
}

static void
frames_free (gpointer data)
{
  Frames *frames = data;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    block_key_clear (&frames->blocks[b]);
  g_clear_pointer (&frames->style, nf_grid_style_free);
  g_clear_pointer (&frames->surface, cairo_surface_destroy);
  g_free (frames);
}

static void
read_block_key (const NfGridBlock *block,
                BlockKey          *key)
{
  memset (key, 0, sizeof *key);
  if (!(block->rect.width > 0 && block->rect.height > 0 && block->title != NULL))
    return;
  key->rect = block->rect;
  key->title = block->title;
  key->title_serial = pango_layout_get_serial (block->title);
  key->title_x = block->title_x;
  key->title_y = block->title_y;
  key->has_glyph = block->has_glyph;
  if (block->has_glyph)
    key->glyph_rect = block->glyph_rect;
  if (block->n_notes == 0 && block->hint != NULL)
    {
      key->hint = block->hint;
      key->hint_serial = pango_layout_get_serial (block->hint);
      key->content_rect = block->content_rect;
      key->hint_x = block->hint_x;
      key->hint_y = block->hint_y;
    }
}

/* Draws the frames onto an image from pixels kept on the layout, drawn
 * again only when something they show changed. FALSE when the device
 * transform is not a plain scale, for the caller to draw vectors. */
static gboolean
draw_frames_retained (cairo_t           *cr,
                      NfGridLayout      *layout,
                      const NfGridStyle *style)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  Frames *frames = g_object_get_qdata (G_OBJECT (layout), frames_quark ());
  double width = nf_grid_layout_get_width (layout);
  double height = nf_grid_layout_get_height (layout);
  double dsx, dsy, dox, doy, px, py, ix, iy, sx, sy;
  gboolean same;
  BlockKey keys[NF_N_BLOCKS];
  cairo_pattern_t *pattern;
  cairo_matrix_t m, pm;

  cairo_get_matrix (cr, &m);
  if (m.xy != 0 || m.yx != 0 || !(m.xx > 0) || !(m.yy > 0))
    return FALSE;
  cairo_surface_get_device_scale (target, &dsx, &dsy);
  cairo_surface_get_device_offset (target, &dox, &doy);
  sx = m.xx * dsx;
  sy = m.yy * dsy;
  px = m.x0 * dsx + dox;
  py = m.y0 * dsy + doy;
  ix = floor (px);
  iy = floor (py);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    read_block_key (_nf_grid_layout_get_block (layout, (NfBlock) b), &keys[b]);
  same = frames != NULL && frames->width == width && frames->height == height &&
         frames->sx == sx && frames->sy == sy &&
         fabs (frames->fx - (px - ix)) < 1.0 / 512 && fabs (frames->fy - (py - iy)) < 1.0 / 512 &&
         nf_grid_style_equal (frames->style, style) &&
         memcmp (frames->blocks, keys, sizeof keys) == 0;
  if (!same)
    {
      cairo_t *fcr;

      if (frames == NULL)
        {
          frames = g_new0 (Frames, 1);
          g_object_set_qdata_full (G_OBJECT (layout), frames_quark (), frames, frames_free);
        }
      for (guint b = 0; b < NF_N_BLOCKS; b++)
        {
          block_key_clear (&frames->blocks[b]);
          /* With its padding, which the comparison reads. */
          memcpy (&frames->blocks[b], &keys[b], sizeof keys[b]);
          if (keys[b].title != NULL)
            g_object_ref (keys[b].title);
          if (keys[b].more != NULL)
            g_object_ref (keys[b].more);
          if (keys[b].hint != NULL)
            g_object_ref (keys[b].hint);
        }
      frames->width = width;
      frames->height = height;
      frames->sx = sx;
      frames->sy = sy;
      frames->fx = px - ix;
      frames->fy = py - iy;
      g_clear_pointer (&frames->style, nf_grid_style_free);
      frames->style = nf_grid_style_copy (style);
      /* An image at least as large, and not much larger, is drawn over
       * rather than made again: a new one of a whole screen costs its
       * pages, and a window being resized asks for a new size each frame. */
      frames->surface_width = (int) ceil (frames->fx + width * sx);
      frames->surface_height = (int) ceil (frames->fy + height * sy);
      if (frames->surface != NULL)
        {
          int cw = cairo_image_surface_get_width (frames->surface);
          int ch = cairo_image_surface_get_height (frames->surface);

          if (cw < frames->surface_width || ch < frames->surface_height ||
              (double) cw * ch > 1.5 * MAX (1, frames->surface_width) *
                                 MAX (1, frames->surface_height))
            g_clear_pointer (&frames->surface, cairo_surface_destroy);
        }
      if (frames->surface == NULL)
        frames->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                      MAX (1, frames->surface_width),
                                                      MAX (1, frames->surface_height));
      fcr = cairo_create (frames->surface);
      cairo_set_operator (fcr, CAIRO_OPERATOR_CLEAR);
      cairo_rectangle (fcr, 0, 0, frames->surface_width, frames->surface_height);
      cairo_fill (fcr);
      cairo_set_operator (fcr, CAIRO_OPERATOR_OVER);
      cairo_translate (fcr, frames->fx, frames->fy);
      cairo_scale (fcr, sx, sy);
      draw_frames_into (fcr, layout, style,
                        frames->fx == 0 && frames->fy == 0 ? frames->surface : NULL, sx, sy);
      cairo_destroy (fcr);
      cairo_surface_flush (frames->surface);
    }

  cairo_save (cr);
  cairo_identity_matrix (cr);
  /* Opaque all over (it starts on a pixel corner and fills whole
   * pixels), the image can replace what is under it: a plain copy. */
  if (frames->fx == 0 && frames->fy == 0 &&
      frames->surface_width == width * sx && frames->surface_height == height * sy &&
      frames->style->background.alpha >= 1.0 &&
      cairo_get_operator (cr) == CAIRO_OPERATOR_OVER)
    cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  pattern = cairo_pattern_create_for_surface (frames->surface);
  cairo_matrix_init (&pm, dsx, 0, 0, dsy, dox - ix, doy - iy);
  cairo_pattern_set_matrix (pattern, &pm);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
  cairo_set_source (cr, pattern);
  cairo_rectangle (cr, (ix - dox) / dsx, (iy - doy) / dsy,
                   frames->surface_width / dsx, frames->surface_height / dsy);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);
  cairo_restore (cr);
  return TRUE;
}

/* --- Drawing -------------------------------------------------------- */

/* The most cards of one block whose images are checked against each
 * other; a block showing more has them blended. */
#define MAX_CHECKED 128

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
  double boxes[MAX_CHECKED][4];
  double room[4], more[4] = { 0 };
  guint n = block->cards->len;

  memset (on_block, 0, MIN (n, MAX_CHECKED) * sizeof (gboolean));
  if (n > MAX_CHECKED || !(m->xx > 0 && m->yy > 0) ||
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

/* `on_frames`: the frames were just drawn under the cards, so the block
 * fill is what lies around them. */
static void
draw_cards (cairo_t           *cr,
            NfGridLayout      *layout,
            const NfGridStyle *style,
            NfCardCache       *cache,
            gboolean           on_frames)
{
  double clip_x0, clip_y0, clip_x1, clip_y1;
  gboolean on_block[MAX_CHECKED];
  cairo_matrix_t m;
  double device[4];
  NfCardClip clip = { { 0 }, NULL, FALSE };

  cairo_clip_extents (cr, &clip_x0, &clip_y0, &clip_x1, &clip_y1);
  if (cache != NULL)
    _nf_card_clip_init (&clip, cr);
  cairo_get_matrix (cr, &m);
  cairo_surface_get_device_scale (cairo_get_group_target (cr), &device[0], &device[1]);
  cairo_surface_get_device_offset (cairo_get_group_target (cr), &device[2], &device[3]);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      const NfGridBlock *block = _nf_grid_layout_get_block (layout, (NfBlock) b);

      if (block->rect.width <= 0 || block->rect.height <= 0 || block->title == NULL)
        continue;
      if (cache != NULL && on_frames)
        find_on_block (block, style, &m, device, on_block);
      else
        memset (on_block, 0, sizeof on_block);

      for (guint i = 0; i < block->cards->len; i++)
        {
          const NfGridCard *card = &g_array_index (block->cards, NfGridCard, i);
          const NfRect *at = &card->rect;

          /* A block that scrolls shows on a page the cards that fit,
           * and "+N more" for the rest. */
          if (at->y + at->height > block->content_rect.y + block->content_rect.height + 0.5)
            continue;
          /* A repaint of part of the grid draws only the cards in it
           * (with a unit for the shadow and the edges' anti-aliasing). */
          if (at->x - 1 >= clip_x1 || at->x + at->width + 1 <= clip_x0 ||
              at->y - 1 >= clip_y1 || at->y + at->height + 2 <= clip_y0)
            continue;
          if (cache != NULL &&
              _nf_card_cache_draw_raster (cache, cr, &clip, card->card, style, at->x, at->y,
                                          i < MAX_CHECKED && on_block[i]))
            continue;
          cairo_save (cr);
          cairo_translate (cr, at->x, at->y);
          nf_card_render (cr, card->card, style);
          cairo_restore (cr);
        }
      if (block->n_hidden > 0 && block->more != NULL)
        draw_more (cr, block, style);
    }
  _nf_card_clip_clear (&clip);
}

void
_nf_grid_render_forget (NfGridLayout *layout)
{
  NfCardCache *cache = g_object_get_qdata (G_OBJECT (layout), card_cache_quark ());

  if (cache != NULL)
    nf_card_cache_clear (cache);
  g_object_set_qdata (G_OBJECT (layout), frames_quark (), NULL);
}

void
_nf_grid_render_afresh (cairo_t           *cr,
                        NfGridLayout      *layout,
                        const NfGridStyle *style)
{
  cairo_save (cr);
  draw_frames (cr, layout, style);
  draw_cards (cr, layout, style, NULL, FALSE);
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
  gboolean raster;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (NF_IS_GRID_LAYOUT (layout));
  g_return_if_fail (style != NULL);

  /* Retained pixels only onto an image: a PDF, an SVG or a recording
   * surface (which may end up in either) keeps vectors. */
  raster = cairo_surface_get_type (cairo_get_group_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE;
  cairo_save (cr);
  if ((parts & NF_GRID_PART_FRAMES) != 0 &&
      !(raster && draw_frames_retained (cr, layout, style)))
    draw_frames (cr, layout, style);
  if ((parts & NF_GRID_PART_CARDS) != 0)
    {
      if (raster)
        {
          cache = _nf_grid_render_get_card_cache (layout);
          _nf_card_cache_use_style (cache, style);
        }
      draw_cards (cr, layout, style, cache, (parts & NF_GRID_PART_FRAMES) != 0);
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
