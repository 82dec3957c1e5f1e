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

/* How much of its note a card shows, from the most to the least: the
 * grid steps down through them, block by block, until a block's notes
 * all fit. The text size is the same at every step; only the card's
 * padding, its footer and how many of its lines show change, so the
 * steps after the first cost no further line breaking to measure. */
typedef enum {
  NF_CARD_FULL,       /* the whole text, tags and evidence written out */
  NF_CARD_COMPACT,    /* the whole text; tags as small marks, evidence as its edge */
  NF_CARD_LINES,      /* at most a few lines of text (two or more, as the
                       * block has room), cut with an ellipsis; marks */
  NF_CARD_LINE,       /* one line of text, cut with an ellipsis; marks */
} NfCardDensity;

#define NF_CARD_N_DENSITIES (NF_CARD_LINE + 1)

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
/* The height of the card at this width, font size and density (LINES
 * shows at most `max_lines` lines, 2 when 0). FULL is
 * nf_card_layout_measure() without a limit; the denser steps reuse its
 * line breaking, and LINE needs none at all. */
double        nf_card_layout_measure_density (NfCardLayout      *self,
                                              const NfGridStyle *style,
                                              double             width,
                                              double             font_size,
                                              NfCardDensity      density,
                                              guint              max_lines);
/* The height of a one-line card at this size, for any note. */
double        nf_card_layout_line_height     (const NfGridStyle *style,
                                              double             font_size);
/* Fixes the size and density the card is drawn at. */
void          nf_card_layout_apply_density   (NfCardLayout      *self,
                                              const NfGridStyle *style,
                                              double             width,
                                              double             font_size,
                                              NfCardDensity      density,
                                              guint              max_lines);
NfCardDensity nf_card_layout_get_density     (NfCardLayout      *self);
/* The most lines a LINES card shows (0 for the other densities). */
guint         nf_card_layout_get_max_lines   (NfCardLayout      *self);
/* How many tags the card shows as marks (denser than FULL). */
guint         nf_card_layout_get_n_tags      (NfCardLayout      *self);
/* Fixes the size the card is drawn at (measuring it if need be), FULL. */
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
