/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "nf-grid-frames-private.h"
#include "nf-grid-layout-private.h"
#include "nf-render-private.h"

/* The blocks' frames of the grid (background, boxes, glyphs, titles,
 * hints): drawn as vectors, kept as an image for the frames after, or
 * written straight onto an image target (nf-grid-renderer.c draws the
 * cards over them). */

/* The glyph on a faint accent square, like a GNOME settings row's. */
static void
draw_glyph (cairo_t           *cr,
            const NfRect      *r,
            NfBlock            kind,
            const NfGridStyle *style)
{
  NfColour tint = style->accent;
  double inset = round (style->glyph_size * 0.18);

  tint.alpha = 0.14;
  _nf_render_rounded_rect (cr, r, style->glyph_size * 0.28);
  _nf_render_set_colour (cr, &tint);
  cairo_fill (cr);
  _nf_render_set_colour (cr, &style->accent);
  _nf_render_block_glyph (cr, kind, r->x + inset, r->y + inset, r->width - 2 * inset);
}

/* A block's glyph as pixels on the block's fill, kept for the frames
 * after: its strokes cost more than the rest of the block's frame. */
typedef struct {
  NfBlock          kind;
  NfRect           rect;         /* glyph_rect, less its whole pixels */
  double           sx, sy;
  NfColour         accent, fill;
  double           glyph_size;
  cairo_surface_t *surface;      /* NULL: none kept */
} GlyphTile;

static void
glyph_tile_clear (GlyphTile *tile)
{
  g_clear_pointer (&tile->surface, cairo_surface_destroy);
}

/* Copies the glyph of `r` onto the image `cr` draws on from a tile drawn
 * on the block's fill, when the target's pixels under it are all that
 * fill (the block's box written or drawn there) and the tile lies
 * inside the image: the picture drawing the glyph there gives, moved by
 * whole pixels. FALSE, drawing nothing, otherwise. */
static gboolean
draw_glyph_tile (cairo_t           *cr,
                 const NfRect      *r,
                 NfBlock            kind,
                 const NfGridStyle *style,
                 GlyphTile         *tile)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  double dsx, dsy, dox, doy, px, py, ix, iy, sx, sy;
  int x0, y0, w, h, ts, ds;
  const guint32 *src;
  guint32 *dst, fill;
  cairo_matrix_t m;
  NfRect rel;

  cairo_get_matrix (cr, &m);
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32 ||
      m.xy != 0 || m.yx != 0 || !(m.xx > 0) || !(m.yy > 0) ||
      cairo_get_operator (cr) != CAIRO_OPERATOR_OVER ||
      cairo_get_antialias (cr) != CAIRO_ANTIALIAS_DEFAULT)
    return FALSE;
  cairo_surface_get_device_scale (target, &dsx, &dsy);
  cairo_surface_get_device_offset (target, &dox, &doy);
  sx = m.xx * dsx;
  sy = m.yy * dsy;
  /* Where the rect's corner lands, and the tile's pixel box with a pixel
   * to spare around its anti-aliasing. */
  px = (m.xx * r->x + m.x0) * dsx + dox;
  py = (m.yy * r->y + m.y0) * dsy + doy;
  ix = floor (px);
  iy = floor (py);
  rel = (NfRect) { (px - ix) / sx, (py - iy) / sy, r->width, r->height };
  x0 = (int) ix - 1;
  y0 = (int) iy - 1;
  w = (int) ceil (px - ix + r->width * sx) + 2;
  h = (int) ceil (py - iy + r->height * sy) + 2;
  if (x0 < 0 || y0 < 0 || x0 + w > cairo_image_surface_get_width (target) ||
      y0 + h > cairo_image_surface_get_height (target))
    return FALSE;

  if (tile->surface == NULL || tile->kind != kind || tile->sx != sx || tile->sy != sy ||
      memcmp (&tile->rect, &rel, sizeof rel) != 0 ||
      memcmp (&tile->accent, &style->accent, sizeof style->accent) != 0 ||
      memcmp (&tile->fill, &style->block_fill, sizeof style->block_fill) != 0 ||
      tile->glyph_size != style->glyph_size)
    {
      cairo_t *tcr;

      glyph_tile_clear (tile);
      tile->kind = kind;
      tile->rect = rel;
      tile->sx = sx;
      tile->sy = sy;
      tile->accent = style->accent;
      tile->fill = style->block_fill;
      tile->glyph_size = style->glyph_size;
      tile->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      tcr = cairo_create (tile->surface);
      _nf_render_set_colour (tcr, &style->block_fill);
      cairo_paint (tcr);
      cairo_translate (tcr, 1, 1);
      cairo_scale (tcr, sx, sy);
      draw_glyph (tcr, &rel, kind, style);
      cairo_destroy (tcr);
      cairo_surface_flush (tile->surface);
      if (cairo_surface_status (tile->surface) != CAIRO_STATUS_SUCCESS)
        {
          glyph_tile_clear (tile);
          return FALSE;
        }
    }
  if (cairo_image_surface_get_width (tile->surface) != w ||
      cairo_image_surface_get_height (tile->surface) != h)
    return FALSE;

  src = (const guint32 *) (gpointer) cairo_image_surface_get_data (tile->surface);
  ts = cairo_image_surface_get_stride (tile->surface) / 4;
  /* The tile's corner is the fill alone. */
  fill = src[0];
  cairo_surface_flush (target);
  dst = (guint32 *) (gpointer) cairo_image_surface_get_data (target);
  ds = cairo_image_surface_get_stride (target) / 4;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (dst[(gsize) (y0 + y) * ds + x0 + x] != fill)
        return FALSE;
  for (int y = 0; y < h; y++)
    memcpy (dst + (gsize) (y0 + y) * ds + x0, src + (gsize) y * ts, (gsize) w * sizeof *dst);
  cairo_surface_mark_dirty_rectangle (target, x0, y0, w, h);
  return TRUE;
}

/* `tiles` (NULL: none): the glyphs kept as pixels, one per block. */
static void
draw_title (cairo_t           *cr,
            const NfGridBlock *block,
            NfBlock            kind,
            const NfGridStyle *style,
            GlyphTile         *tiles)
{
  if (block->has_glyph &&
      (tiles == NULL || !draw_glyph_tile (cr, &block->glyph_rect, kind, style, &tiles[kind])))
    draw_glyph (cr, &block->glyph_rect, kind, style);

  _nf_render_set_colour (cr, &style->title_text);
  cairo_move_to (cr, block->title_x, block->title_y);
  pango_cairo_show_layout (cr, block->title);
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

/* The pixels [box[0], box[2]) × [box[1], box[3]) of `image` the block's
 * box covers when frame_box_by_slices() can write it there (the layout's
 * origin on the image's pixel (ox, oy) at (sx, sy) pixels a unit): on
 * whole pixels, inside the image, large enough for its corners. FALSE
 * otherwise. (A clip never cuts a box: draw_frames_direct() writes
 * boxes only where the clip keeps the whole layout.) */
static gboolean
frame_box_pixels (cairo_surface_t   *image,
                  const NfRect      *r,
                  double             sx,
                  double             sy,
                  int                ox,
                  int                oy,
                  const NfGridStyle *style,
                  int                box[4])
{
  double x0 = ox + r->x * sx, y0 = oy + r->y * sy, w = r->width * sx, h = r->height * sy;
  int cx = (int) ceil ((style->block_radius + 1) * sx) + 2;
  int cy = (int) ceil ((style->block_radius + 1) * sy) + 2;
  int ix, iy, iw, ih;

  if (!whole_pixels (x0) || !whole_pixels (y0) || !whole_pixels (w) || !whole_pixels (h) ||
      cairo_image_surface_get_format (image) != CAIRO_FORMAT_ARGB32)
    return FALSE;
  ix = (int) round (x0);
  iy = (int) round (y0);
  iw = (int) round (w);
  ih = (int) round (h);
  if (iw < 2 * cx + 1 || ih < 2 * cy + 1 || ix < 0 || iy < 0 ||
      ix + iw > cairo_image_surface_get_width (image) ||
      iy + ih > cairo_image_surface_get_height (image))
    return FALSE;
  box[0] = ix;
  box[1] = iy;
  box[2] = ix + iw;
  box[3] = iy + ih;
  return TRUE;
}

/* Copies the pixels of `row` to `d` (both `w` pixels, `d` on the image's
 * pixel (x0, y)) but where one of the `holes` (pixel boxes x0, y0, x1,
 * y1, by x0, apart) lies. */
static void
write_row (guint32       *d,
           const guint32 *row,
           int            x0,
           int            y,
           int            w,
           const int    (*holes)[4],
           guint          n_holes)
{
  int at = 0;

  for (guint k = 0; k < n_holes; k++)
    {
      int h0, h1;

      if (y < holes[k][1] || y >= holes[k][3])
        continue;
      h0 = CLAMP (holes[k][0] - x0, 0, w);
      h1 = CLAMP (holes[k][2] - x0, 0, w);
      if (h0 > at)
        memcpy (d + at, row + at, (gsize) (h0 - at) * sizeof *d);
      at = MAX (at, h1);
    }
  if (at < w)
    memcpy (d + at, row + at, (gsize) (w - at) * sizeof *d);
}

/* Writes the block's box (fill and border) into `image`, the frames'
 * image (or the target) with its background drawn and the layout's
 * origin on its pixel (ox, oy) at (sx, sy) pixels a unit, from a small
 * box of the same corners: on whole pixels the corners are the small
 * box's moved by whole pixels, and every row and column between them is
 * its middle one. A stroked curve over a block's whole height costs as
 * much as the block has rows; this costs a copy. Nothing is written in
 * the `holes` (pixel boxes, by x0, apart), where cards' pixels will
 * be copied whole. `box` is the block's pixels, as frame_box_pixels()
 * found them. FALSE, writing nothing, where no memory was to be had. */
/* A block's box the least size that holds its corners, on the
 * background, drawn as draw_frames() draws: every block's box is made
 * of its slices (frame_box_by_slices()). NULL if it cannot be made. */
static cairo_surface_t *
frame_tile (const NfGridStyle *style,
            double             sx,
            double             sy)
{
  int cx = (int) ceil ((style->block_radius + 1) * sx) + 2;
  int cy = (int) ceil ((style->block_radius + 1) * sy) + 2;
  int tw = 2 * cx + 1, th = 2 * cy + 1;
  cairo_surface_t *small = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, tw, th);
  cairo_t *cr = cairo_create (small);

  _nf_render_set_colour (cr, &style->background);
  cairo_rectangle (cr, 0, 0, tw, th);
  cairo_fill (cr);
  cairo_scale (cr, sx, sy);
  cairo_set_line_width (cr, 1);
  frame_box (cr, &(NfRect) { 0, 0, tw / sx, th / sy }, style);
  cairo_destroy (cr);
  cairo_surface_flush (small);
  if (cairo_surface_status (small) != CAIRO_STATUS_SUCCESS)
    g_clear_pointer (&small, cairo_surface_destroy);
  return small;
}

static gboolean
frame_box_by_slices (cairo_surface_t   *image,
                     cairo_surface_t   *small,
                     const int          box[4],
                     double             sx,
                     double             sy,
                     const NfGridStyle *style,
                     const int        (*holes)[4],
                     guint              n_holes)
{
  int cx = (int) ceil ((style->block_radius + 1) * sx) + 2;
  int cy = (int) ceil ((style->block_radius + 1) * sy) + 2;
  int tw = 2 * cx + 1, th = 2 * cy + 1, ix, iy, iw, ih, ts, ds;
  const guint32 *src;
  guint32 *dst, *row, *middle;

  if (small == NULL)
    return FALSE;
  ix = box[0];
  iy = box[1];
  iw = box[2] - box[0];
  ih = box[3] - box[1];

  cairo_surface_flush (image);
  src = (const guint32 *) (gpointer) cairo_image_surface_get_data (small);
  dst = (guint32 *) (gpointer) cairo_image_surface_get_data (image);
  ts = cairo_image_surface_get_stride (small) / 4;
  ds = cairo_image_surface_get_stride (image) / 4;
  /* A corner row made anew for each, the middle rows all one. */
  row = g_new (guint32, 2 * (gsize) iw);
  middle = row + iw;
  for (int y = 0; y < ih; y++)
    {
      int ty = y < cy ? y : y >= ih - cy ? y - (ih - th) : cy;
      const guint32 *sr = src + (gsize) ty * ts;
      guint32 *d = dst + (gsize) (iy + y) * ds + ix;
      guint32 *make = ty == cy ? middle : row;
      guint32 mid = sr[cx];

      if (ty != cy || y == cy)
        {
          memcpy (make, sr, cx * sizeof *make);
          for (int x = cx; x < iw - cx; x++)
            make[x] = mid;
          memcpy (make + iw - cx, sr + tw - cx, cx * sizeof *make);
        }
      write_row (d, make, ix, iy + y, iw, holes, n_holes);
    }
  g_free (row);
  cairo_surface_mark_dirty_rectangle (image, ix, iy, iw, ih);
  return TRUE;
}

/* Where and how draw_frames_into() may write blocks' boxes as pixels. */
typedef struct {
  cairo_surface_t  *image;      /* NULL: every box drawn as vectors */
  double            sx, sy;     /* pixels a unit */
  int               ox, oy;     /* the pixel of the layout's origin */
  const NfGridCardPlan *plan;     /* the cards' holes in the boxes, or NULL */
  GlyphTile        *tiles;      /* the blocks' glyphs as pixels, or NULL */
} Slices;

/* The background and every block's frame, title and hint;
 * the blocks' boxes written straight into the image `cr` draws on where
 * `slices` says they can be, the background only around those. */
static void
draw_frames_into (cairo_t           *cr,
                  NfGridLayout      *layout,
                  const NfGridStyle *style,
                  const Slices      *slices)
{
  gboolean sliced[NF_N_BLOCKS] = { FALSE };
  int boxes[NF_N_BLOCKS][4] = { { 0 } };
  cairo_surface_t *tile = NULL;

  cairo_rectangle (cr, 0, 0, nf_grid_layout_get_width (layout),
                   nf_grid_layout_get_height (layout));
  for (guint b = 0; b < NF_N_BLOCKS && slices->image != NULL; b++)
    {
      const NfGridBlock *block = _nf_grid_layout_get_block (layout, (NfBlock) b);

      sliced[b] = block->rect.width > 0 && block->rect.height > 0 && block->title != NULL &&
                  frame_box_pixels (slices->image, &block->rect, slices->sx, slices->sy,
                                    slices->ox, slices->oy, style, boxes[b]);
      /* Whole pixels: the background's fill leaves them whole. */
      if (sliced[b])
        cairo_rectangle (cr, block->rect.x, block->rect.y, block->rect.width,
                         block->rect.height);
      /* One box's pixels make every block's. */
      if (sliced[b] && tile == NULL)
        tile = frame_tile (style, slices->sx, slices->sy);
    }
  _nf_render_set_colour (cr, &style->background);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_fill (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_line_width (cr, 1);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      const NfGridBlock *block = _nf_grid_layout_get_block (layout, (NfBlock) b);
      const NfGridBlockPlan *plan = slices->plan != NULL ? &slices->plan->blocks[b] : NULL;

      if (!(block->rect.width > 0 && block->rect.height > 0 && block->title != NULL))
        continue;
      if (!sliced[b] ||
          !frame_box_by_slices (slices->image, tile, boxes[b], slices->sx, slices->sy, style,
                                plan != NULL ? (const int (*)[4]) plan->holes : NULL,
                                plan != NULL ? plan->n_holes : 0))
        {
          /* Written or not, the background is under it. */
          if (sliced[b])
            {
              _nf_render_set_colour (cr, &style->background);
              cairo_rectangle (cr, block->rect.x, block->rect.y, block->rect.width,
                               block->rect.height);
              cairo_fill (cr);
            }
          frame_box (cr, &block->rect, style);
        }
      draw_title (cr, block, (NfBlock) b, style, slices->tiles);
      if (block->n_notes == 0 && block->hint != NULL)
        draw_hint (cr, block, style);
    }
  g_clear_pointer (&tile, cairo_surface_destroy);
}

void
_nf_grid_frames_draw (cairo_t           *cr,
                      NfGridLayout      *layout,
                      const NfGridStyle *style)
{
  draw_frames_into (cr, layout, style, &(Slices) { NULL, 1, 1, 0, 0, NULL, NULL });
}

/* --- Retained pixels of the frames ---------------------------------- */

/* What decides the frames' pixels besides the style and the device
 * transform: per block, where everything goes and the layouts drawn
 * (held, so a pointer cannot come back as another layout, and their
 * serials, which change when Pango lays them out again). */
typedef struct {
  NfRect       rect, glyph_rect, content_rect;
  PangoLayout *title, *hint;
  guint        title_serial, hint_serial;
  double       title_x, title_y, hint_x, hint_y;
  gboolean     has_glyph;
} BlockKey;

typedef struct {
  BlockKey         blocks[NF_N_BLOCKS];
  double           width, height;
  double           sx, sy, fx, fy;
  NfGridStyle     *style;
  cairo_surface_t *surface;
  int              surface_width, surface_height;
  /* FALSE when the frames of the keys were drawn onto the target and
   * the surface still holds older ones. */
  gboolean         drawn;
  GlyphTile        tiles[NF_N_BLOCKS];
} Frames;

static G_DEFINE_QUARK (nf-grid-frames, frames)

static void
block_key_clear (BlockKey *key)
{
  g_clear_object (&key->title);
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
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    glyph_tile_clear (&frames->tiles[b]);
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

/* Keeps the keys of the frames about to be drawn. */
static void
frames_set_keys (Frames      *frames,
                 BlockKey     keys[NF_N_BLOCKS],
                 const NfGridStyle *style,
                 double       width,
                 double       height,
                 double       sx,
                 double       sy,
                 double       fx,
                 double       fy)
{
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      block_key_clear (&frames->blocks[b]);
      /* With its padding, which the comparison reads. */
      memcpy (&frames->blocks[b], &keys[b], sizeof keys[b]);
      if (keys[b].title != NULL)
        g_object_ref (keys[b].title);
      if (keys[b].hint != NULL)
        g_object_ref (keys[b].hint);
    }
  frames->width = width;
  frames->height = height;
  frames->sx = sx;
  frames->sy = sy;
  frames->fx = fx;
  frames->fy = fy;
  g_clear_pointer (&frames->style, nf_grid_style_free);
  frames->style = nf_grid_style_copy (style);
  frames->surface_width = (int) ceil (fx + width * sx);
  frames->surface_height = (int) ceil (fy + height * sy);
}

/* Draws the frames of a frame not expected to come again as it is (the
 * previous one had other frames: a resize, a zoom step) straight onto
 * the target, as the retained image would show them: the background,
 * then each block's box written over it as pixels, titles and hints
 * drawn under the caller's own transformation. Only where the image
 * would be copied whole (opaque, starting on a pixel corner, whole
 * pixels wide and high, cairo's defaults): FALSE otherwise, drawing
 * nothing. */
static gboolean
draw_frames_direct (cairo_t           *cr,
                    NfGridLayout      *layout,
                    const NfGridStyle *style,
                    const NfCardClip  *clip,
                    const NfGridCardPlan *plan,
                    GlyphTile         *tiles,
                    cairo_surface_t   *target,
                    double             sx,
                    double             sy,
                    double             px,
                    double             py)
{
  double width = nf_grid_layout_get_width (layout);
  double height = nf_grid_layout_get_height (layout);

  /* cairo composites text that a clip cuts through a mask, a fraction of
   * a pixel away from text drawn whole: the titles are drawn whole into
   * the retained image, so only a clip that leaves the frames whole
   * gives the same picture. */
  if (clip == NULL || px != floor (px) || py != floor (py) ||
      !whole_pixels (width * sx) || !whole_pixels (height * sy) ||
      !_nf_card_clip_keeps_whole (clip, (const double[4]) { px, py, px + round (width * sx),
                                                            py + round (height * sy) }) ||
      style->background.alpha < 1.0 || cairo_get_operator (cr) != CAIRO_OPERATOR_OVER ||
      cairo_get_antialias (cr) != CAIRO_ANTIALIAS_DEFAULT ||
      cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32)
    return FALSE;
  cairo_save (cr);
  draw_frames_into (cr, layout, style,
                    &(Slices) { target, sx, sy, (int) px, (int) py, plan, tiles });
  cairo_restore (cr);
  return TRUE;
}

/* Draws the frames onto an image from pixels kept on the layout, drawn
 * again only when something they show changed. FALSE when the device
 * transform is not a plain scale, for the caller to draw vectors. Sets
 * `out_direct` when the frames were drawn onto the target without
 * being kept (draw_frames_direct()): the cards of such a frame are not
 * kept either. */
gboolean
_nf_grid_frames_draw_retained (cairo_t              *cr,
                               NfGridLayout         *layout,
                               const NfGridStyle    *style,
                               const NfCardClip     *clip,
                               const NfGridCardPlan *plan,
                               gboolean             *out_direct)
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

  *out_direct = FALSE;
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
  /* A first frame is kept: the next is most likely the same. A frame
   * after another of other frames is most likely followed by yet
   * another (a window being resized), and is only kept when it comes
   * again. */
  if (!same && frames != NULL &&
      draw_frames_direct (cr, layout, style, clip, plan, frames->tiles, target, sx, sy, px, py))
    {
      frames_set_keys (frames, keys, style, width, height, sx, sy, px - ix, py - iy);
      frames->drawn = FALSE;
      *out_direct = TRUE;
      return TRUE;
    }
  if (!same || !frames->drawn)
    {
      cairo_t *fcr;

      if (frames == NULL)
        {
          frames = g_new0 (Frames, 1);
          g_object_set_qdata_full (G_OBJECT (layout), frames_quark (), frames, frames_free);
        }
      if (!same)
        frames_set_keys (frames, keys, style, width, height, sx, sy, px - ix, py - iy);
      /* An image at least as large, and not much larger, is drawn over
       * rather than made again: a new one of a whole screen costs its
       * pages, and a window being resized asks for a new size each frame. */
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
      /* An opaque background from a pixel corner over whole pixels
       * covers every pixel copied: nothing to clear under it. */
      if (!(frames->fx == 0 && frames->fy == 0 && whole_pixels (width * sx) &&
            whole_pixels (height * sy) && style->background.alpha >= 1.0))
        {
          cairo_set_operator (fcr, CAIRO_OPERATOR_CLEAR);
          cairo_rectangle (fcr, 0, 0, frames->surface_width, frames->surface_height);
          cairo_fill (fcr);
          cairo_set_operator (fcr, CAIRO_OPERATOR_OVER);
        }
      cairo_translate (fcr, frames->fx, frames->fy);
      cairo_scale (fcr, sx, sy);
      draw_frames_into (fcr, layout, style,
                        &(Slices) { frames->fx == 0 && frames->fy == 0 ? frames->surface : NULL,
                                    sx, sy, 0, 0, NULL, frames->tiles });
      cairo_destroy (fcr);
      cairo_surface_flush (frames->surface);
      frames->drawn = TRUE;
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


void
_nf_grid_frames_forget (NfGridLayout *layout)
{
  g_object_set_qdata (G_OBJECT (layout), frames_quark (), NULL);
}
