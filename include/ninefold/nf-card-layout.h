/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "nf-grid-style.h"
#include "nf-note.h"

G_BEGIN_DECLS

/* A Pango context for the render library's layouts: the default cairo
 * font map at a fixed 96 dpi with unhinted metrics and unrounded glyph
 * positions, so text breaks into the same lines on screen at any scale,
 * in a PNG and in a PDF. `lang` (a language tag, may be NULL) picks the
 * shapes of Han characters. */
PangoContext *nf_render_pango_context_new (const char *lang);

#define NF_TYPE_CARD_LAYOUT (nf_card_layout_get_type ())

G_DECLARE_FINAL_TYPE (NfCardLayout, nf_card_layout, NF, CARD_LAYOUT, GObject)

/* The text of one note card, broken into lines, and its measurements:
 * what the grid lays out and what an editor's card widget draws with
 * nf_card_render(). A card is `width` wide; its height follows from its
 * text, tags and evidence at a font size.
 *
 * Measuring is remembered per (width, font size, height limit), so asking
 * again costs nothing; the remembered answers are forgotten when the
 * note's text, tags or evidence change (see nf_card_layout_sync(); NfText
 * is immutable, so a new pointer is the only way text changes) or when
 * the caller says the style changed (nf_card_layout_invalidate()). */
NfCardLayout *nf_card_layout_new          (PangoContext      *context,
                                           NfNote            *note,
                                           const char        *lang);
NfNote       *nf_card_layout_get_note     (NfCardLayout      *self);
/* Re-reads the note; TRUE when what it shows changed. */
gboolean      nf_card_layout_sync         (NfCardLayout      *self);
void          nf_card_layout_invalidate   (NfCardLayout      *self);

/* The height of the card at this width and font size (points). With
 * max_height > 0 the text is cut short with an ellipsis to stay within
 * it, and `out_truncated` says so; at least one line of text is kept, so
 * the answer can still exceed max_height, meaning it does not fit. */
double        nf_card_layout_measure      (NfCardLayout      *self,
                                           const NfGridStyle *style,
                                           double             width,
                                           double             font_size,
                                           double             max_height,
                                           gboolean          *out_truncated);
/* Fixes the size the card is drawn at (measuring it if need be). */
void          nf_card_layout_apply        (NfCardLayout      *self,
                                           const NfGridStyle *style,
                                           double             width,
                                           double             font_size,
                                           double             max_height);

double        nf_card_layout_get_width     (NfCardLayout     *self);
double        nf_card_layout_get_height    (NfCardLayout     *self);
double        nf_card_layout_get_font_size (NfCardLayout     *self);
/* The footer's (tags, evidence) size, never below the style's minimum. */
double        nf_card_layout_get_footer_font_size (NfCardLayout *self);
gboolean      nf_card_layout_get_truncated (NfCardLayout     *self);
PangoLayout  *nf_card_layout_get_text_layout   (NfCardLayout *self);
/* NULL when the note has neither tags nor an evidence level. */
PangoLayout  *nf_card_layout_get_footer_layout (NfCardLayout *self);

G_END_DECLS
