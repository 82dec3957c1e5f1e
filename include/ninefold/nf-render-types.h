/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Plain value types shared by the render library. Coordinates are in
 * layout units: one unit is one device-independent pixel (1/96 inch) at a
 * cairo scale of 1. HiDPI screens and print pick their own scale on the
 * cairo_t; the layout never changes with it. */

typedef struct {
  double x, y, width, height;
} NfRect;

typedef struct {
  double red, green, blue, alpha;
} NfColour;

gboolean nf_rect_contains_point (const NfRect *rect,
                                 double        x,
                                 double        y);
/* TRUE when `inner` lies wholly inside `outer`, allowing `slack` units
 * for rounding. */
gboolean nf_rect_contains_rect  (const NfRect *outer,
                                 const NfRect *inner,
                                 double        slack);
gboolean nf_rect_intersects     (const NfRect *a,
                                 const NfRect *b);

/* Reads "#rrggbb" (the file format's spelling of a note colour). */
gboolean nf_colour_parse        (const char   *spec,
                                 NfColour     *out);
/* Relative luminance (WCAG), for picking readable text on a fill. */
double   nf_colour_luminance    (const NfColour *colour);
/* `a` moved towards `b` by `t` in [0, 1]; alpha too. */
NfColour nf_colour_mix          (const NfColour *a,
                                 const NfColour *b,
                                 double          t);
/* `top` (translucent) painted on the opaque `under`: opaque. */
NfColour nf_colour_over         (const NfColour *top,
                                 const NfColour *under);

G_END_DECLS
