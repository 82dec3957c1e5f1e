/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* A card's text shaped once at one size, from which the lines Pango
 * would break it into at any width are counted without shaping again:
 * the layout's tries measure many widths a frame, and Pango 1.50 shapes
 * the text anew for each (issues 13 and 18). */
typedef struct _NfCardBreaks NfCardBreaks;

/* From `layout` laid out unwrapped (no width), with the text, font and
 * attributes the wrapped layout has. NULL for text the count cannot
 * follow exactly (several paragraphs, tabs, right-to-left runs, missing
 * glyphs): such text is always broken by Pango. */
NfCardBreaks *_nf_card_breaks_new   (PangoLayout  *layout,
                                     int           line_height);
void          _nf_card_breaks_free  (NfCardBreaks *breaks);
/* The lines the text breaks into at `width` (Pango units) wrapped by
 * words and characters, their logical height and the first line's
 * (Pango units), as pango_layout_get_line_count(),
 * pango_layout_get_extents() and the first line's extents give them;
 * FALSE where this cannot be told without Pango (a word wider than the
 * line, a break that inserts a hyphen or whose glyphs are kerned). */
gboolean      _nf_card_breaks_count (NfCardBreaks *breaks,
                                     int           width,
                                     guint        *n_lines,
                                     int          *height,
                                     int          *first_height);

G_END_DECLS
