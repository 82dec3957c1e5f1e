/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-card-layout.h"
#include "nf-render-types.h"

G_BEGIN_DECLS

/* The card of `note` in `cards` (NfNote → NfCardLayout, owning its
 * values), made in `context` and added there when missing, else brought
 * up to date with its note: how a layout keeps its cards across frames. */
NfCardLayout     *_nf_card_layout_lookup            (GHashTable   *cards,
                                                     PangoContext *context,
                                                     NfNote       *note,
                                                     const char   *lang);

/* A rounded box drawn behind a tag or the evidence level, in card
 * coordinates. */
typedef struct {
  NfRect   rect;
  gboolean evidence;
} NfCardChip;

void              _nf_card_layout_get_text_origin   (NfCardLayout *self,
                                                     double       *x,
                                                     double       *y);
void              _nf_card_layout_get_footer_origin (NfCardLayout *self,
                                                     double       *x,
                                                     double       *y);
/* nf_card_layout_measure(), also saying how many lines of text show. */
double            _nf_card_layout_measure_lines     (NfCardLayout      *self,
                                                     const NfGridStyle *style,
                                                     double             width,
                                                     double             font_size,
                                                     double             max_height,
                                                     gboolean          *out_truncated,
                                                     guint             *out_n_lines);
/* The height of the card cut to its first line (no taller than the
 * whole card), from the whole card's layout at this size; a line cut
 * with an ellipsis may be a fraction shorter. */
double            _nf_card_layout_measure_one_line  (NfCardLayout      *self,
                                                     const NfGridStyle *style,
                                                     double             width,
                                                     double             font_size);
/* Lines of text at this width, estimated from the characters without
 * breaking any: with each narrow character `narrow_em` and each wide one
 * `wide_em` wide (in ems). */
guint             _nf_card_layout_estimate_lines    (NfCardLayout      *self,
                                                     const NfGridStyle *style,
                                                     double             width,
                                                     double             font_size,
                                                     double             narrow_em,
                                                     double             wide_em);
/* A height the card is never shorter than at this density, found
 * without breaking lines: what the grid rules plans out with. */
double            _nf_card_layout_least_height      (NfCardLayout      *self,
                                                     const NfGridStyle *style,
                                                     double             width,
                                                     double             font_size,
                                                     NfCardDensity      density,
                                                     guint              max_lines);
/* The height the card likely has at this density, by its characters'
 * average widths, without breaking lines; `n_lines` gets the lines its
 * whole text likely takes. */
double            _nf_card_layout_guess_height      (NfCardLayout      *self,
                                                     const NfGridStyle *style,
                                                     double             width,
                                                     double             font_size,
                                                     NfCardDensity      density,
                                                     guint              max_lines,
                                                     guint             *n_lines);
/* The height of a card whose whole text takes `n` lines, at this
 * density: what _nf_card_layout_guess_height() gives for its estimate. */
double            _nf_card_layout_height_of_lines   (NfCardLayout      *self,
                                                     const NfGridStyle *style,
                                                     double             font_size,
                                                     NfCardDensity      density,
                                                     guint              max_lines,
                                                     guint              n);
/* How many lines of the text layout a clamped card shows when the
 * renderer must cut the last with an ellipsis of its own (the layout
 * holds the whole text); 0 when the layout is drawn as it is. */
guint             _nf_card_layout_get_clamp_lines   (NfCardLayout *self);
/* nf_card_layout_apply_density() with the text clamped by Pango rather
 * than cut from the whole text: what tests compare the cut with. */
void              _nf_card_layout_apply_pango_clamp (NfCardLayout      *self,
                                                     const NfGridStyle *style,
                                                     double             width,
                                                     double             font_size,
                                                     NfCardDensity      density,
                                                     guint              max_lines);
/* The text layout as the renderer draws it: for a one-line card it may
 * hold only the beginning of the text (the lines shown are the whole
 * text's), where nf_card_layout_get_text_layout() gives the whole. */
PangoLayout      *_nf_card_layout_get_drawn_layout  (NfCardLayout *self);
/* The bytes of the text the drawn layout holds when it holds only its
 * beginning, 0 when it holds the whole: what tests check. */
guint             _nf_card_layout_get_text_cut      (NfCardLayout *self);
/* The width (Pango units) the text is broken for; the layout's own may
 * differ where the lines are the same. */
int               _nf_card_layout_get_text_width    (NfCardLayout *self);
/* The style a one-line card placed but not yet laid out will be laid out
 * with (NULL if none): such cards share one copy (issue 18). */
const NfGridStyle *_nf_card_layout_peek_pending_style (NfCardLayout *self);
/* The height of the text as drawn (the first lines of a card the
 * renderer clamps) and how many lines show: what tests check. */
double            _nf_card_layout_get_shown_text_height (NfCardLayout *self,
                                                         guint        *out_n_lines);
/* What Pango ends a line it cuts with, in the card's font and size: "…",
 * or after Han text "..." (Pango's choice where the face has no "⋯"). */
PangoLayout      *_nf_card_layout_get_ellipsis      (NfCardLayout      *self,
                                                     const NfGridStyle *style,
                                                     gboolean           dots);
/* The whole text's lines at this size and its height in pixels (as a
 * compact card's text), counted from the text shaped once without
 * breaking it (nf-card-breaks.c); FALSE where only Pango can tell.
 * What the layout's tries measure with, and tests check against Pango. */
gboolean          _nf_card_layout_count_lines       (NfCardLayout      *self,
                                                     const NfGridStyle *style,
                                                     double             width,
                                                     double             font_size,
                                                     guint             *n_lines,
                                                     double            *text_height);
/* How many counts Pango has contradicted since start (each makes the
 * grid lay out again, by Pango alone for that card). */
guint             _nf_card_layout_get_n_count_misses (void);
/* For tests: counts as they are, none (Pango measures every try), or
 * each a line too many (so Pango contradicts them). */
typedef enum {
  NF_COUNT_ON,
  NF_COUNT_OFF,
  NF_COUNT_SKEWED,
} NfCountMode;
void              _nf_card_layout_set_count_mode    (NfCountMode mode);
/* While held, this thread's measures are Pango's alone, none counted
 * (and no count made before is used). */
void              _nf_card_layout_hold_counts       (gboolean    hold);
const NfCardChip *_nf_card_layout_get_chips         (NfCardLayout *self,
                                                     guint        *n_chips);

G_END_DECLS
