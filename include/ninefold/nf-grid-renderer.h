/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "nf-canvas.h"
#include "nf-card-layout.h"
#include "nf-grid-layout.h"
#include "nf-grid-style.h"

G_BEGIN_DECLS

#define NF_RENDER_ERROR (nf_render_error_quark ())

typedef enum {
  NF_RENDER_ERROR_FAILED,   /* cairo could not make or draw the surface */
  NF_RENDER_ERROR_WRITE,    /* the file could not be written */
} NfRenderError;

GQuark   nf_render_error_quark   (void);

/* Draws a laid-out canvas (see nf_grid_layout_allocate()) onto `cr` at
 * the origin, filling width × height of the layout with the background.
 * Makes no layouts and breaks no lines: it only draws. Any cairo_t will
 * do: a widget's snapshot, a PDF or SVG page, an image. On an image
 * surface the frames and each card are drawn from pixels kept with the
 * layout (nf-card-cache.h), made again only when what they show changes;
 * vector surfaces always get vectors. */
void     nf_grid_render          (cairo_t           *cr,
                                  NfGridLayout      *layout,
                                  const NfGridStyle *style);

/* What nf_grid_render_parts() draws. The editor draws the frames itself
 * and lets each card widget draw its own card, so no card is drawn twice. */
typedef enum {
  NF_GRID_PART_FRAMES = 1 << 0,   /* background, blocks, titles, "+N more", hints */
  NF_GRID_PART_CARDS  = 1 << 1,
  NF_GRID_PART_ALL    = NF_GRID_PART_FRAMES | NF_GRID_PART_CARDS,
} NfGridParts;

void     nf_grid_render_parts    (cairo_t           *cr,
                                  NfGridLayout      *layout,
                                  const NfGridStyle *style,
                                  NfGridParts        parts);

/* Draws one note card at the origin, at the size it was last laid out at
 * (nf_card_layout_apply()): its fill (the note's colour, tinted), the
 * evidence level as a coloured edge and a labelled chip, its text and its
 * tags. Nothing is drawn outside the card. The grid calls it for every
 * card; an editor's card widget calls it for its own. */
void     nf_card_render          (cairo_t           *cr,
                                  NfCardLayout      *card,
                                  const NfGridStyle *style);

/* Lays the canvas out at width × height and writes it as a PNG of
 * (width × scale) × (height × scale) pixels. `lang` picks the notes'
 * translations, as nf_grid_layout_new() does. */
gboolean nf_canvas_render_to_png (NfCanvas          *canvas,
                                  const char        *lang,
                                  int                width,
                                  int                height,
                                  double             scale,
                                  const NfGridStyle *style,
                                  const char        *path,
                                  GError           **error);

G_END_DECLS
