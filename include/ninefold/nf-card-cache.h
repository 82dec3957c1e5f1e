/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "nf-card-layout.h"
#include "nf-grid-style.h"
#include "nf-render-types.h"

G_BEGIN_DECLS

#define NF_TYPE_CARD_CACHE (nf_card_cache_get_type ())

G_DECLARE_FINAL_TYPE (NfCardCache, nf_card_cache, NF, CARD_CACHE, GObject)

/* Retained pixels of note cards. Drawing a card costs rasterising its
 * rounded fills and compositing its glyphs; a card's pixels change only
 * when what nf_card_render() reads changes: the card's lines (its Pango
 * layouts), its size, the note's colour and evidence level, the style,
 * and the device scale and the fraction of a pixel the card starts at.
 * The cache keeps one image per card, keyed by exactly that, and draws
 * it again with one blit while the key holds.
 *
 * An entry lives no longer than its NfCardLayout. The cache holds at
 * most `max_bytes` of pixels (the least recently drawn go first), but
 * always the last card drawn. Like a cairo_t, a cache is for one thread
 * at a time. */
NfCardCache     *nf_card_cache_new           (gsize              max_bytes);

/* Draws the card at the origin of `cr`, as nf_card_render() does: from
 * retained pixels onto an image surface drawn at an axis-aligned scale,
 * as vectors onto anything else (PDF, SVG, a recording surface), which
 * must stay resolution independent. */
void             nf_card_cache_draw          (NfCardCache       *self,
                                              cairo_t           *cr,
                                              NfCardLayout      *card,
                                              const NfGridStyle *style);

/* The card's pixels at `scale` device pixels per layout unit, with its
 * origin on a pixel corner: an ARGB32 image surface owned by the cache
 * (take a reference to keep it), drawn again only when the key changed,
 * so while you hold one, another pointer means new pixels. `out_rect` receives the part of
 * card space it covers, a little more than the card (its shadow, and
 * room for anti-aliasing). NULL when the card has no size or no image
 * could be made (too large, no memory): then draw it with
 * nf_card_render(). */
cairo_surface_t *nf_card_cache_get_pixels    (NfCardCache       *self,
                                              NfCardLayout      *card,
                                              const NfGridStyle *style,
                                              double             scale,
                                              NfRect            *out_rect);

/* A cache that has drawn `card` ahead of time (in the thread that laid
 * it out, say), left with the card for whichever widget first draws it:
 * that widget takes it as its own and has the pixels without drawing.
 * The card keeps a reference until then, or until it goes. */
void             nf_card_cache_offer         (NfCardCache       *self,
                                              NfCardLayout      *card);
/* The cache offered with `card`, or NULL; the caller owns it. */
NfCardCache     *nf_card_cache_take_offered  (NfCardLayout      *card);

void             nf_card_cache_clear         (NfCardCache       *self);
/* Bytes of pixels held, and how many card images were drawn in all:
 * what tests and benchmarks watch. */
gsize            nf_card_cache_get_n_bytes   (NfCardCache       *self);
guint            nf_card_cache_get_n_renders (NfCardCache       *self);

G_END_DECLS
