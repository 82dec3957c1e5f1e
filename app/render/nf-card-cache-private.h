/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-card-cache.h"
#include "nf-grid-layout.h"

G_BEGIN_DECLS

/* The caller's clip in the target's own pixels, read once for all the
 * cards of a frame: cairo copies its rectangle list on every read. */
typedef struct {
  double                  extents[4];  /* x0, y0, x1, y1 */
  cairo_rectangle_list_t *list;        /* NULL when the clip is no list
                                        * of rectangles (or none) */
  gboolean                unknown;     /* it could not be read */
} NfCardClip;

void     _nf_card_clip_init         (NfCardClip        *clip,
                                     cairo_t           *cr);
void     _nf_card_clip_clear        (NfCardClip        *clip);

/* Forgets every card drawn in another style; cheap when it is the same. */
void     _nf_card_cache_use_style   (NfCardCache       *self,
                                     const NfGridStyle *style);
/* nf_card_cache_draw() of the card at (x, y) once the style is set,
 * without saving the cairo state: the source is left changed. With
 * `on_block`, the caller promises that the card's image (its box, a unit
 * below for the shadow and a device pixel around) lies on the style's
 * block fill and on nothing else: it is kept already on that fill, and
 * copied rather than blended. FALSE, drawing nothing, when `cr` is not
 * an image at an axis-aligned scale or the card has no pixels (no size,
 * or no image could be made), or when `clip` (of `cr`, read once by
 * the caller) cuts the card's image. With `direct` (a frame not expected
 * to come again as it is), a card on the block with no pixels kept for
 * it is drawn straight onto the target, the same pixels, and not kept. */
gboolean _nf_card_cache_draw_raster (NfCardCache       *self,
                                     cairo_t           *cr,
                                     const NfCardClip  *clip,
                                     NfCardLayout      *card,
                                     const NfGridStyle *style,
                                     double             x,
                                     double             y,
                                     gboolean           on_block,
                                     gboolean           direct);
/* How many cards were drawn straight onto the target. For tests. */
guint    _nf_card_cache_get_n_direct (NfCardCache      *self);
/* Whether `clip` leaves the target pixels [box[0], box[2]) ×
 * [box[1], box[3]) whole. */
gboolean _nf_card_clip_keeps_whole  (const NfCardClip  *clip,
                                     const double       box[4]);

/* The target pixels [box[0], box[2]) × [box[1], box[3]) the image of a
 * card drawn at (x, y) covers, under the matrix `m` onto a target of
 * device scale (device[0], device[1]) and offset (device[2], device[3]). */
void     _nf_card_cache_image_box   (NfCardLayout         *card,
                                     const cairo_matrix_t *m,
                                     const double          device[4],
                                     double                x,
                                     double                y,
                                     double                box[4]);

/* nf_card_render() in two halves: the card's box (shadow, border, fill,
 * evidence edge), which depends only on its size, the note's colour and
 * evidence and the style, and what is drawn on it. */
void     _nf_card_render_chrome     (cairo_t           *cr,
                                     NfCardLayout      *card,
                                     const NfGridStyle *style);
void     _nf_card_render_box        (cairo_t           *cr,
                                     const NfGridStyle *style,
                                     double             width,
                                     double             height,
                                     const NfColour    *fill,
                                     NfEvidence         evidence);
void     _nf_card_render_content    (cairo_t           *cr,
                                     NfCardLayout      *card,
                                     const NfGridStyle *style);

/* A card's box of `width` × `height` units at `scale`, with PAD pixels
 * around, as a card's image is begun from the small box kept for its
 * corners; NULL when such a card is drawn whole instead. For tests. */
cairo_surface_t *_nf_card_cache_box_image (NfCardCache       *self,
                                           const NfGridStyle *style,
                                           double             width,
                                           double             height,
                                           double             scale,
                                           const char        *colour,
                                           NfEvidence         evidence,
                                           gboolean           backdrop);

/* The cache nf_grid_render() draws the layout's cards from onto images;
 * made on first use, freed with the layout. */
NfCardCache *_nf_grid_render_get_card_cache (NfGridLayout *layout);

/* Drops the pixels kept for the layout's frames and cards, as if it had
 * never been drawn: what a first frame costs, for benchmarks. */
void         _nf_grid_render_forget         (NfGridLayout      *layout);
/* nf_grid_render() with nothing retained, whatever the target: what
 * retained pixels must look like, for tests and benchmarks. */
void         _nf_grid_render_afresh         (cairo_t           *cr,
                                             NfGridLayout      *layout,
                                             const NfGridStyle *style);

G_END_DECLS
