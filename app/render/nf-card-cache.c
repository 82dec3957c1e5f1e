/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "nf-card-cache.h"
#include "nf-card-cache-private.h"
#include "nf-card-layout-private.h"
#include "nf-grid-renderer.h"

/* Room around the card's own box, in device pixels, for the edges'
 * anti-aliasing; the shadow's unit below comes on top. */
#define PAD 1

/* How many bytes of card boxes (nf_card_render_chrome) are kept for
 * cards alike; past it they are all dropped and drawn again. */
#define MAX_CHROME_BYTES (8u << 20)

/* Everything nf_card_render() reads, as it was when the pixels were
 * drawn. The layouts' serials change whenever Pango lays them out again
 * (text, attributes, width, font, ellipsis, context); the entry lives
 * no longer than its card, so the layouts' pointers cannot be reused. */
typedef struct {
  guint        text_serial;
  PangoLayout *footer;          /* NULL when the card shows none */
  guint        footer_serial;
  guint        density;
  guint        clamp_lines;     /* of a card cut by the renderer */
  guint        n_tags;
  double       width, height;
  NfEvidence   evidence;
  gboolean     conflicting;
  const char  *colour;          /* the note's; an entry keeps a copy */
  double       sx, sy;          /* device pixels per unit */
  double       fx, fy;          /* where the origin falls inside a pixel */
  gboolean     backdrop;        /* drawn onto the style's block fill */
} Key;

typedef struct {
  NfCardCache     *cache;
  NfCardLayout    *card;        /* weak */
  Key              key;
  char            *colour;
  cairo_surface_t *surface;
  cairo_pattern_t *pattern;     /* of surface, unfiltered */
  int              width, height;
  gsize            n_bytes;
  GList            link;        /* in cache->lru, most recent first */
} Entry;

/* What a card's box (_nf_card_render_chrome) depends on besides the
 * style, which is the cache's own. Compared as bytes: made with every
 * byte zeroed first. */
typedef struct {
  int        w, h;              /* the image's pixels */
  double     width, height, sx, sy, fx, fy;
  NfColour   fill;
  NfEvidence evidence;
  gboolean   backdrop;
} ChromeKey;

static guint
chrome_key_hash (gconstpointer key)
{
  const guchar *p = key;
  guint32 h = 2166136261u;

  for (gsize i = 0; i < sizeof (ChromeKey); i++)
    h = (h ^ p[i]) * 16777619u;
  return h;
}

static gboolean
chrome_key_equal (gconstpointer a,
                  gconstpointer b)
{
  return memcmp (a, b, sizeof (ChromeKey)) == 0;
}

struct _NfCardCache
{
  GObject      parent_instance;

  gsize        max_bytes;
  gsize        n_bytes;
  guint        n_renders;
  guint        n_direct;        /* cards drawn onto the target, not kept */
  NfGridStyle *style;           /* what every entry was drawn in */
  GHashTable  *entries;         /* NfCardLayout → Entry */
  GQueue       lru;
  /* The boxes of the cards drawn, by what they depend on (chrome_key()):
   * the cards of a block share a width and most share a few heights, so
   * a frame of new cards rasterises a few boxes and copies the rest. */
  GHashTable  *chromes;         /* ChromeKey → cairo_surface_t */
  gsize        chrome_bytes;
};

G_DEFINE_FINAL_TYPE (NfCardCache, nf_card_cache, G_TYPE_OBJECT)

static void card_gone (gpointer  data,
                       GObject  *where_the_card_was);

static void
entry_free (gpointer data)
{
  Entry *entry = data;
  NfCardCache *self = entry->cache;

  g_queue_unlink (&self->lru, &entry->link);
  self->n_bytes -= entry->n_bytes;
  cairo_pattern_destroy (entry->pattern);
  cairo_surface_destroy (entry->surface);
  g_free (entry->colour);
  g_free (entry);
}

static void
forget_all (NfCardCache *self)
{
  GHashTableIter iter;
  gpointer card;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &card, NULL))
    g_object_weak_unref (card, card_gone, self);
  g_hash_table_remove_all (self->entries);
  g_hash_table_remove_all (self->chromes);
  self->chrome_bytes = 0;
}

static void
card_gone (gpointer  data,
           GObject  *where_the_card_was)
{
  NfCardCache *self = data;

  g_hash_table_remove (self->entries, where_the_card_was);
}

static void
nf_card_cache_finalize (GObject *object)
{
  NfCardCache *self = NF_CARD_CACHE (object);

  forget_all (self);
  g_hash_table_unref (self->entries);
  g_hash_table_unref (self->chromes);
  g_clear_pointer (&self->style, nf_grid_style_free);
  G_OBJECT_CLASS (nf_card_cache_parent_class)->finalize (object);
}

static void
nf_card_cache_class_init (NfCardCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nf_card_cache_finalize;
}

static void
nf_card_cache_init (NfCardCache *self)
{
  self->entries = g_hash_table_new_full (NULL, NULL, NULL, entry_free);
  self->chromes = g_hash_table_new_full (chrome_key_hash, chrome_key_equal, g_free,
                                         (GDestroyNotify) cairo_surface_destroy);
  g_queue_init (&self->lru);
}

NfCardCache *
nf_card_cache_new (gsize max_bytes)
{
  NfCardCache *self = g_object_new (NF_TYPE_CARD_CACHE, NULL);

  self->max_bytes = max_bytes;
  return self;
}

static GQuark
offered_quark (void)
{
  return g_quark_from_static_string ("nf-card-cache-offered");
}

void
nf_card_cache_offer (NfCardCache  *self,
                     NfCardLayout *card)
{
  g_return_if_fail (NF_IS_CARD_CACHE (self));
  g_return_if_fail (NF_IS_CARD_LAYOUT (card));

  g_object_set_qdata_full (G_OBJECT (card), offered_quark (), g_object_ref (self), g_object_unref);
}

NfCardCache *
nf_card_cache_take_offered (NfCardLayout *card)
{
  g_return_val_if_fail (NF_IS_CARD_LAYOUT (card), NULL);

  return g_object_steal_qdata (G_OBJECT (card), offered_quark ());
}

void
nf_card_cache_clear (NfCardCache *self)
{
  g_return_if_fail (NF_IS_CARD_CACHE (self));
  forget_all (self);
}

gsize
nf_card_cache_get_n_bytes (NfCardCache *self)
{
  g_return_val_if_fail (NF_IS_CARD_CACHE (self), 0);
  return self->n_bytes;
}

guint
nf_card_cache_get_n_renders (NfCardCache *self)
{
  g_return_val_if_fail (NF_IS_CARD_CACHE (self), 0);
  return self->n_renders;
}

guint
_nf_card_cache_get_n_direct (NfCardCache *self)
{
  return self->n_direct;
}

void
_nf_card_cache_use_style (NfCardCache       *self,
                          const NfGridStyle *style)
{
  if (self->style != NULL && nf_grid_style_equal (self->style, style))
    return;
  forget_all (self);
  g_clear_pointer (&self->style, nf_grid_style_free);
  self->style = nf_grid_style_copy (style);
}

static void
read_key (NfCardLayout *card,
          double        sx,
          double        sy,
          double        fx,
          double        fy,
          gboolean      backdrop,
          Key          *key)
{
  NfNote *note = nf_card_layout_get_note (card);

  key->text_serial = pango_layout_get_serial (_nf_card_layout_get_drawn_layout (card));
  key->footer = nf_card_layout_get_footer_layout (card);
  key->footer_serial = key->footer != NULL ? pango_layout_get_serial (key->footer) : 0;
  key->density = nf_card_layout_get_density (card);
  key->clamp_lines = _nf_card_layout_get_clamp_lines (card);
  key->n_tags = nf_card_layout_get_n_tags (card);
  key->width = nf_card_layout_get_width (card);
  key->height = nf_card_layout_get_height (card);
  key->evidence = nf_note_get_evidence (note);
  key->conflicting = nf_note_get_conflicts (note)[0] != NULL;
  key->colour = nf_note_get_colour (note);
  key->sx = sx;
  key->sy = sy;
  key->fx = fx;
  key->fy = fy;
  key->backdrop = backdrop;
}

static gboolean
same_key (const Key *a,
          const Key *b)
{
  /* A card laid out once sits at the same fraction of a pixel frame
   * after frame; a hair's difference would not show. */
  const double eps = 1.0 / 512;

  return a->text_serial == b->text_serial &&
         a->footer == b->footer &&
         a->footer_serial == b->footer_serial &&
         a->density == b->density && a->clamp_lines == b->clamp_lines && a->n_tags == b->n_tags &&
         a->width == b->width && a->height == b->height &&
         a->evidence == b->evidence && a->conflicting == b->conflicting &&
         g_strcmp0 (a->colour, b->colour) == 0 &&
         a->sx == b->sx && a->sy == b->sy && a->backdrop == b->backdrop &&
         fabs (a->fx - b->fx) < eps && fabs (a->fy - b->fy) < eps;
}

static void
trim (NfCardCache *self,
      Entry       *keep)
{
  while (self->n_bytes > self->max_bytes && self->lru.tail != NULL &&
         self->lru.tail->data != keep)
    {
      Entry *old = self->lru.tail->data;

      g_object_weak_unref (G_OBJECT (old->card), card_gone, self);
      g_hash_table_remove (self->entries, old->card);
    }
}

static const cairo_user_data_key_t pixels_key;

/* The largest side of an image cairo makes. */
#define MAX_IMAGE_SIDE 32767

/* An image whose pixels are not cleared first (a card's image is
 * covered whole by its box's): clearing is most of what making a small
 * image costs. */
static cairo_surface_t *
image_uncleared (int w,
                 int h)
{
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, w);
  guchar *data;
  cairo_surface_t *surface;

  /* A size cairo refuses is refused by it, before any memory is taken. */
  if (w <= 0 || h <= 0 || w > MAX_IMAGE_SIDE || h > MAX_IMAGE_SIDE || stride <= 0)
    return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  data = g_try_malloc ((gsize) stride * (gsize) h);
  if (data == NULL)
    return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  surface = cairo_image_surface_create_for_data (data, CAIRO_FORMAT_ARGB32, w, h, stride);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS ||
      cairo_surface_set_user_data (surface, &pixels_key, data, g_free) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_free (data);
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
    }
  return surface;
}

/* An image w × h pixels begun as draw_pixels() begins one: the block's
 * fill under it when `key->backdrop`, else nothing. */
static cairo_t *
begin_image (const NfGridStyle *style,
             const Key         *key,
             int                w,
             int                h,
             cairo_surface_t  **out_surface)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);

  /* Every pixel opaque, as it will look on its block: copied, not blended. */
  if (key->backdrop)
    {
      cairo_set_source_rgba (cr, style->block_fill.red, style->block_fill.green,
                             style->block_fill.blue, style->block_fill.alpha);
      cairo_paint (cr);
    }
  *out_surface = surface;
  return cr;
}

/* A card's box of `width` × `height` units drawn into an image w × h
 * pixels as draw_pixels() places it, kept for every card that would draw
 * the same pixels: the same size and fraction of a pixel, fill and
 * evidence (the style is the cache's own). */
static cairo_surface_t *
box_pixels (NfCardCache       *self,
            const NfGridStyle *style,
            const Key         *key,
            int                w,
            int                h,
            double             width,
            double             height)
{
  ChromeKey id;
  cairo_surface_t *surface;
  cairo_t *cr;

  memset (&id, 0, sizeof id);
  id.w = w;
  id.h = h;
  id.width = width;
  id.height = height;
  id.sx = key->sx;
  id.sy = key->sy;
  id.fx = key->fx;
  id.fy = key->fy;
  nf_grid_style_card_fill (style, key->colour, &id.fill);
  id.evidence = key->evidence;
  id.backdrop = key->backdrop;
  surface = g_hash_table_lookup (self->chromes, &id);
  if (surface != NULL)
    return surface;

  if (self->chrome_bytes > MAX_CHROME_BYTES)
    {
      g_hash_table_remove_all (self->chromes);
      self->chrome_bytes = 0;
    }
  cr = begin_image (style, key, w, h, &surface);
  cairo_translate (cr, PAD + key->fx, PAD + key->fy);
  cairo_scale (cr, key->sx, key->sy);
  _nf_card_render_box (cr, style, width, height, &id.fill, id.evidence);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  g_hash_table_insert (self->chromes, g_memdup2 (&id, sizeof id), surface);
  self->chrome_bytes += (gsize) cairo_image_surface_get_stride (surface) * (gsize) h;
  return surface;
}

/* Writes the card's box into `surface` (w × h, uncleared) from a small
 * box of the same corners: when the card starts on a pixel corner and
 * its size is whole pixels, its corners are the small box's corners
 * moved by whole pixels (the same polygon, rasterised the same), and
 * every row and column between them is the small box's middle one. A
 * resize gives every card a new width; this draws no curve for it.
 * FALSE, writing nothing, when the card is not such a card. */
static gboolean
box_by_slices (NfCardCache       *self,
               const NfGridStyle *style,
               const Key         *key,
               int                w,
               int                h,
               cairo_surface_t   *surface,
               int                ox,
               int                oy)
{
  double wpx = key->width * key->sx, hpx = (key->height + 1) * key->sy;
  int cx, cy, tw, th, ts, ds;
  const guint32 *src;
  guint32 *dst;
  cairo_surface_t *small;

  if (key->fx != 0 || key->fy != 0 ||
      fabs (wpx - round (wpx)) > 1e-6 || fabs (hpx - round (hpx)) > 1e-6 ||
      cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS ||
      cairo_image_surface_get_format (surface) != CAIRO_FORMAT_ARGB32 ||
      ox < 0 || oy < 0 || ox + w > cairo_image_surface_get_width (surface) ||
      oy + h > cairo_image_surface_get_height (surface))
    return FALSE;
  /* Room for the corners' curves and the evidence edge across, the
   * curves and the shadow's unit (its clip begins a unit above the
   * lower curves) down, and a pixel to spare. */
  cx = (int) ceil ((MAX (style->card_radius, style->evidence_edge) + 1) * key->sx) + PAD + 1;
  cy = (int) ceil ((style->card_radius + 2) * key->sy) + PAD + 1;
  tw = 2 * cx + 1;
  th = 2 * cy + 1;
  if (w < tw || h < th)
    return FALSE;
  small = box_pixels (self, style, key, tw, th, (tw - 2 * PAD) / key->sx,
                      (th - 2 * PAD) / key->sy - 1);
  if (small == NULL)
    return FALSE;

  cairo_surface_flush (surface);
  src = (const guint32 *) (gpointer) cairo_image_surface_get_data (small);
  dst = (guint32 *) (gpointer) cairo_image_surface_get_data (surface);
  ts = cairo_image_surface_get_stride (small) / 4;
  ds = cairo_image_surface_get_stride (surface) / 4;
  for (int y = 0; y < h; y++)
    {
      int ty = y < cy ? y : y >= h - cy ? y - (h - th) : cy;
      const guint32 *s = src + (gsize) ty * ts;
      guint32 *d = dst + (gsize) (oy + y) * ds + ox;
      guint32 mid = s[cx];

      /* The middle rows are all the first of them. */
      if (y > cy && y < h - cy)
        {
          memcpy (d, d - ds, w * sizeof *d);
          continue;
        }
      memcpy (d, s, cx * sizeof *d);
      for (int x = cx; x < w - cx; x++)
        d[x] = mid;
      memcpy (d + w - cx, s + tw - cx, cx * sizeof *d);
    }
  cairo_surface_mark_dirty_rectangle (surface, ox, oy, w, h);
  return TRUE;
}

/* The size of a card's image in pixels: the card and the unit of shadow
 * under it at its scale and fraction of a pixel, PAD around. */
static int
image_width (const Key *key)
{
  return (int) ceil (key->fx + key->width * key->sx) + 2 * PAD;
}

static int
image_height (const Key *key)
{
  return (int) ceil (key->fy + (key->height + 1) * key->sy) + 2 * PAD;
}

/* Draws the card into a new image of its own, `key` saying at what
 * scale and fraction of a pixel: its box copied from the one kept for
 * cards alike, its text and marks drawn on it. */
static cairo_surface_t *
draw_pixels (NfCardCache       *self,
             NfCardLayout      *card,
             const NfGridStyle *style,
             const Key         *key,
             int               *out_width,
             int               *out_height)
{
  int w = image_width (key), h = image_height (key);
  cairo_surface_t *surface, *chrome;
  cairo_t *cr;

  surface = image_uncleared (w, h);
  if (box_by_slices (self, style, key, w, h, surface, 0, 0))
    cr = cairo_create (surface);
  else if ((chrome = box_pixels (self, style, key, w, h, key->width, key->height)) != NULL)
    {
      cr = cairo_create (surface);
      cairo_set_source_surface (cr, chrome, 0, 0);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
    }
  else
    {
      /* No image for the box: the card's own, cleared, as ever. */
      cairo_surface_destroy (surface);
      cr = begin_image (style, key, w, h, &surface);
      cairo_translate (cr, PAD + key->fx, PAD + key->fy);
      cairo_scale (cr, key->sx, key->sy);
      _nf_card_render_chrome (cr, card, style);
      cairo_identity_matrix (cr);
    }
  cairo_translate (cr, PAD + key->fx, PAD + key->fy);
  cairo_scale (cr, key->sx, key->sy);
  _nf_card_render_content (cr, card, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  self->n_renders++;
  *out_width = w;
  *out_height = h;
  return surface;
}

cairo_surface_t *
_nf_card_cache_box_image (NfCardCache       *self,
                          const NfGridStyle *style,
                          double             width,
                          double             height,
                          double             scale,
                          const char        *colour,
                          NfEvidence         evidence,
                          gboolean           backdrop)
{
  Key key;
  int w = (int) ceil (width * scale) + 2 * PAD;
  int h = (int) ceil ((height + 1) * scale) + 2 * PAD;
  cairo_surface_t *surface;

  _nf_card_cache_use_style (self, style);
  memset (&key, 0, sizeof key);
  key.width = width;
  key.height = height;
  key.sx = key.sy = scale;
  key.colour = colour;
  key.evidence = evidence;
  key.backdrop = backdrop;
  surface = image_uncleared (w, h);
  if (!box_by_slices (self, style, &key, w, h, surface, 0, 0))
    g_clear_pointer (&surface, cairo_surface_destroy);
  return surface;
}

static Entry *
lookup (NfCardCache       *self,
        NfCardLayout      *card,
        const NfGridStyle *style,
        double             sx,
        double             sy,
        double             fx,
        double             fy,
        gboolean           backdrop)
{
  Entry *entry;
  Key key;

  read_key (card, sx, sy, fx, fy, backdrop, &key);
  if (key.width <= 0 || key.height <= 0)
    return NULL;
  entry = g_hash_table_lookup (self->entries, card);
  if (entry != NULL && same_key (&entry->key, &key))
    {
      if (self->lru.head != &entry->link)
        {
          g_queue_unlink (&self->lru, &entry->link);
          g_queue_push_head_link (&self->lru, &entry->link);
        }
      return entry;
    }

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->cache = self;
      entry->card = card;
      entry->link.data = entry;
      g_object_weak_ref (G_OBJECT (card), card_gone, self);
      g_hash_table_insert (self->entries, card, entry);
    }
  else
    {
      g_queue_unlink (&self->lru, &entry->link);
      self->n_bytes -= entry->n_bytes;
      g_clear_pointer (&entry->pattern, cairo_pattern_destroy);
      g_clear_pointer (&entry->surface, cairo_surface_destroy);
      g_clear_pointer (&entry->colour, g_free);
      entry->n_bytes = 0;
    }
  entry->colour = g_strdup (key.colour);
  entry->key = key;
  entry->key.colour = entry->colour;
  entry->surface = draw_pixels (self, card, style, &key, &entry->width, &entry->height);
  g_queue_push_head_link (&self->lru, &entry->link);
  if (cairo_surface_status (entry->surface) != CAIRO_STATUS_SUCCESS)
    {
      /* Too large an image, or no memory: the caller draws vectors. */
      g_object_weak_unref (G_OBJECT (card), card_gone, self);
      g_hash_table_remove (self->entries, card);
      return NULL;
    }
  entry->pattern = cairo_pattern_create_for_surface (entry->surface);
  cairo_pattern_set_filter (entry->pattern, CAIRO_FILTER_NEAREST);
  entry->n_bytes = (gsize) cairo_image_surface_get_stride (entry->surface) *
                   (gsize) entry->height;
  self->n_bytes += entry->n_bytes;
  trim (self, entry);
  return entry;
}

cairo_surface_t *
nf_card_cache_get_pixels (NfCardCache       *self,
                          NfCardLayout      *card,
                          const NfGridStyle *style,
                          double             scale,
                          NfRect            *out_rect)
{
  Entry *entry;

  g_return_val_if_fail (NF_IS_CARD_CACHE (self), NULL);
  g_return_val_if_fail (NF_IS_CARD_LAYOUT (card), NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  _nf_card_cache_use_style (self, style);
  entry = lookup (self, card, style, scale, scale, 0, 0, FALSE);
  if (entry == NULL)
    return NULL;
  if (out_rect != NULL)
    *out_rect = (NfRect) { -PAD / scale, -PAD / scale,
                           entry->width / scale, entry->height / scale };
  return entry->surface;
}

void
_nf_card_cache_image_box (NfCardLayout         *card,
                          const cairo_matrix_t *m,
                          const double          device[4],
                          double                x,
                          double                y,
                          double                box[4])
{
  double sx = m->xx * device[0], sy = m->yy * device[1];
  double px = (m->xx * x + m->x0) * device[0] + device[2];
  double py = (m->yy * y + m->y0) * device[1] + device[3];
  double ix = floor (px), iy = floor (py);

  /* As draw_pixels() sizes the image and the blit places it. */
  box[0] = ix - PAD;
  box[1] = iy - PAD;
  box[2] = box[0] + ceil (px - ix + nf_card_layout_get_width (card) * sx) + 2 * PAD;
  box[3] = box[1] + ceil (py - iy + (nf_card_layout_get_height (card) + 1) * sy) + 2 * PAD;
}

/* Copies all of `from` into `to` with its pixel (0, 0) at (x, y). */
static void
copy_pixels (cairo_surface_t *from,
             cairo_surface_t *to,
             int              x,
             int              y)
{
  int w = cairo_image_surface_get_width (from), h = cairo_image_surface_get_height (from);
  int fs = cairo_image_surface_get_stride (from), ts = cairo_image_surface_get_stride (to);
  const guchar *src = cairo_image_surface_get_data (from);
  guchar *dst = cairo_image_surface_get_data (to);

  cairo_surface_flush (to);
  for (int row = 0; row < h; row++)
    memcpy (dst + (gsize) (y + row) * ts + (gsize) x * 4, src + (gsize) row * fs, (gsize) w * 4);
  cairo_surface_mark_dirty_rectangle (to, x, y, w, h);
}

/* Draws the card straight onto `target` (an image, the card's origin on
 * its pixel (ix, iy) plus (key->fx, key->fy)), pixel for pixel what
 * draw_pixels() would draw into its own image and the blit would copy
 * there: the box written where the image's would go, the content drawn
 * under the same transformation moved by whole pixels. The card's image
 * must lie on the block fill and inside the caller's clip (the box is
 * written, not drawn). FALSE, drawing nothing, when it cannot be. */
static gboolean
draw_direct (NfCardCache       *self,
             cairo_t           *cr,
             cairo_surface_t   *target,
             NfCardLayout      *card,
             const NfGridStyle *style,
             const Key         *key,
             int                ix,
             int                iy,
             const double       device[4])
{
  int w = image_width (key), h = image_height (key);
  int x0 = ix - PAD, y0 = iy - PAD;
  cairo_matrix_t m, dm;

  /* A card's image is drawn with cairo's defaults; a caller's other
   * anti-aliasing would draw other pixels. */
  if (cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32 ||
      cairo_get_antialias (cr) != CAIRO_ANTIALIAS_DEFAULT ||
      x0 < 0 || y0 < 0 || x0 + w > cairo_image_surface_get_width (target) ||
      y0 + h > cairo_image_surface_get_height (target))
    return FALSE;
  if (!box_by_slices (self, style, key, w, h, target, x0, y0))
    {
      cairo_surface_t *chrome = box_pixels (self, style, key, w, h, key->width, key->height);

      if (chrome == NULL)
        return FALSE;
      copy_pixels (chrome, target, x0, y0);
    }
  cairo_get_matrix (cr, &m);
  cairo_matrix_init (&dm, key->sx / device[0], 0, 0, key->sy / device[1],
                     (ix + key->fx - device[2]) / device[0],
                     (iy + key->fy - device[3]) / device[1]);
  cairo_set_matrix (cr, &dm);
  _nf_card_render_content (cr, card, style);
  cairo_set_matrix (cr, &m);
  self->n_direct++;
  return TRUE;
}

gboolean
_nf_card_cache_draw_raster (NfCardCache       *self,
                            cairo_t           *cr,
                            const NfCardClip  *clip,
                            NfCardLayout      *card,
                            const NfGridStyle *style,
                            double             x,
                            double             y,
                            gboolean           on_block,
                            gboolean           direct)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_matrix_t m, pm;
  double dsx, dsy, dox, doy, px, py, ix, iy;
  Entry *entry;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  cairo_get_matrix (cr, &m);
  if (m.xy != 0 || m.yx != 0 || !(m.xx > 0) || !(m.yy > 0))
    return FALSE;

  /* Where the card's origin lands, in the target's own pixels. */
  cairo_surface_get_device_scale (target, &dsx, &dsy);
  cairo_surface_get_device_offset (target, &dox, &doy);
  px = (m.xx * x + m.x0) * dsx + dox;
  py = (m.yy * y + m.y0) * dsy + doy;
  ix = floor (px);
  iy = floor (py);
  {
    double device[4] = { dsx, dsy, dox, doy }, box[4];

    _nf_card_cache_image_box (card, &m, device, x, y, box);
    if (!_nf_card_clip_keeps_whole (clip, box))
      return FALSE;
  }
  on_block = on_block && style->block_fill.alpha >= 1.0 &&
             cairo_get_operator (cr) == CAIRO_OPERATOR_OVER;
  /* A card with no pixels kept for this frame, on a frame that is not
   * expected to come again as it is (a resize, a zoom step), is drawn
   * onto the target at once: its own image would be made, filled and
   * copied for one frame. */
  if (direct && on_block)
    {
      double device[4] = { dsx, dsy, dox, doy };
      Entry *kept = g_hash_table_lookup (self->entries, card);
      Key key;

      read_key (card, m.xx * dsx, m.yy * dsy, px - ix, py - iy, TRUE, &key);
      if (key.width <= 0 || key.height <= 0)
        return FALSE;
      if ((kept == NULL || !same_key (&kept->key, &key)) &&
          draw_direct (self, cr, target, card, style, &key, (int) ix, (int) iy, device))
        return TRUE;
    }
  entry = lookup (self, card, style, m.xx * dsx, m.yy * dsy, px - ix, py - iy, on_block);
  if (entry == NULL)
    return FALSE;

  /* One pixel of the image on one pixel of the target, at a whole
   * pixel: cairo copies it without filtering. The caller's matrix comes
   * back, its source does not: the grid saves its state once for all its
   * cards. */
  cairo_identity_matrix (cr);
  cairo_matrix_init (&pm, dsx, 0, 0, dsy, dox - (ix - PAD), doy - (iy - PAD));
  cairo_pattern_set_matrix (entry->pattern, &pm);
  cairo_set_source (cr, entry->pattern);
  cairo_rectangle (cr, (ix - PAD - dox) / dsx, (iy - PAD - doy) / dsy,
                   entry->width / dsx, entry->height / dsy);
  if (on_block)
    cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_fill (cr);
  if (on_block)
    cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  cairo_set_matrix (cr, &m);
  return TRUE;
}

void
nf_card_cache_draw (NfCardCache       *self,
                    cairo_t           *cr,
                    NfCardLayout      *card,
                    const NfGridStyle *style)
{
  g_return_if_fail (NF_IS_CARD_CACHE (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (NF_IS_CARD_LAYOUT (card));
  g_return_if_fail (style != NULL);

  _nf_card_cache_use_style (self, style);
  cairo_save (cr);
  {
    NfCardClip clip;

    _nf_card_clip_init (&clip, cr);
    if (!_nf_card_cache_draw_raster (self, cr, &clip, card, style, 0, 0, FALSE, FALSE))
      nf_card_render (cr, card, style);
    _nf_card_clip_clear (&clip);
  }
  cairo_restore (cr);
}
