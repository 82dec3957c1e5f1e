/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "nf-block.h"
#include "nf-render-types.h"

G_BEGIN_DECLS

/* Writes `surface` as a PNG at `path`, atomically (nf-atomic-file.h). */
gboolean     _nf_render_write_png             (cairo_surface_t  *surface,
                                               const char       *path,
                                               GError          **error);

/* Every PangoLayout the render library makes comes from here, so tests
 * can prove that drawing a frame, or laying out again at the same size,
 * makes none. */
PangoLayout *_nf_render_layout_new            (PangoContext *context);
/* Counts the text measurements (Pango line breaking) done, for the same
 * reason. */
void         _nf_render_count_measure         (void);
guint        _nf_render_get_n_layouts_created (void);
/* A layout made to shape a text once and dropped at once (a card's line
 * counts, nf-card-breaks.c): counted apart, as no layout is kept. */
PangoLayout *_nf_render_scratch_layout_new    (PangoContext *context);
guint        _nf_render_get_n_scratch_layouts (void);
guint        _nf_render_get_n_measures        (void);

/* Sets a layout's font to `family` at `size` points, unless it is
 * already that: changing the font makes Pango break the lines again. */
void         _nf_render_set_font              (PangoLayout  *layout,
                                               const char   *family,
                                               double        size,
                                               PangoWeight   weight);

/* A layout of `text` (Pango markup when `markup`) wrapped to `width`
 * at `size` points: the one way the renderers measure a label. */
PangoLayout *_nf_render_wrapped_layout        (PangoContext *context,
                                               const char   *family,
                                               const char   *text,
                                               gboolean      markup,
                                               double        size,
                                               PangoWeight   weight,
                                               double        width);
double       _nf_render_layout_height         (PangoLayout  *layout);
double       _nf_render_layout_width          (PangoLayout  *layout);
void         _nf_render_rounded_rect          (cairo_t      *cr,
                                               const NfRect *rect,
                                               double        radius);
void         _nf_render_draw_warning_sign     (cairo_t        *cr,
                                               double          x,
                                               double          y,
                                               double          size);
void         _nf_render_set_colour            (cairo_t        *cr,
                                               const NfColour *colour);
void         _nf_render_fill_outlined         (cairo_t        *cr,
                                               const NfColour *fill,
                                               const NfColour *border,
                                               double          line_width);
/* A simple line drawing for each block, in the box (x, y, size, size). */
void         _nf_render_block_glyph           (cairo_t      *cr,
                                               NfBlock       block,
                                               double        x,
                                               double        y,
                                               double        size);

G_END_DECLS
