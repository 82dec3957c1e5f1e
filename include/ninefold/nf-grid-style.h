/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "nf-evidence.h"
#include "nf-render-types.h"

G_BEGIN_DECLS

/* Everything that decides how a canvas looks, and nothing about what it
 * shows. Font sizes are in points at the render library's fixed 96 dpi
 * (so 10 pt is 13.3 layout units); lengths are in layout units. A plain
 * struct so a caller can start from a preset and adjust a field. */
typedef struct {
  NfColour background;          /* behind the blocks */
  NfColour block_fill;
  NfColour block_border;
  NfColour title_text;
  NfColour accent;              /* block glyphs */
  NfColour card_fill;           /* a note without a colour of its own */
  NfColour card_border;
  NfColour card_shadow;
  NfColour card_text;           /* on a light fill; dark fills get card_text_inverse */
  NfColour card_text_inverse;
  NfColour muted_text;          /* tags, hints, "+N more" */
  NfColour chip_fill;           /* behind a tag */
  NfColour evidence[NF_EVIDENCE_N_LEVELS];

  char    *font_family;         /* a comma-separated fallback list */
  double   title_font_size;
  double   base_font_size;      /* a card's text when everything fits */
  double   min_font_size;       /* never smaller than this, anywhere */
  double   font_size_step;      /* how much each shrinking step takes off */
  double   footer_font_scale;   /* tags and evidence, relative to the text */
  double   line_height;         /* of a card's lines, relative to the font
                                 * size: the same rhythm whichever face
                                 * the fallback list lands on */

  double   margin;              /* around the whole grid */
  double   block_gap;
  double   block_padding;
  double   block_radius;
  double   title_gap;           /* below a block's title */
  double   glyph_size;
  double   card_gap;
  double   card_padding;
  double   card_radius;
  double   card_min_width;      /* a block gets a second column of cards
                                 * only when both are at least this wide */
  double   evidence_edge;       /* width of the coloured edge */
  double   footer_gap;          /* between a card's text and its tags */
  double   tint;                /* how much of a note's own colour shows */
} NfGridStyle;

#define NF_TYPE_GRID_STYLE (nf_grid_style_get_type ())

GType        nf_grid_style_get_type        (void) G_GNUC_CONST;
/* Adwaita's palette: light cards on a light grey canvas, and its dark
 * counterpart. */
NfGridStyle *nf_grid_style_new_light       (void);
NfGridStyle *nf_grid_style_new_dark        (void);
NfGridStyle *nf_grid_style_copy            (const NfGridStyle *self);
void         nf_grid_style_free            (NfGridStyle       *self);
gboolean     nf_grid_style_equal           (const NfGridStyle *a,
                                            const NfGridStyle *b);

/* A note's fill: its own "#rrggbb" tinted into the card colour so text
 * stays readable in both palettes, or card_fill for NULL or a bad colour. */
void         nf_grid_style_card_fill       (const NfGridStyle *self,
                                            const char        *colour,
                                            NfColour          *out);
/* card_text or card_text_inverse, whichever reads better on `fill`. */
void         nf_grid_style_text_on         (const NfGridStyle *self,
                                            const NfColour    *fill,
                                            NfColour          *out);
/* `ink` itself when small text in it reads on `fill` (4.5:1), else
 * `ink` moved towards the text colour of `fill` until it does. */
void         nf_grid_style_ink_on          (const NfGridStyle *self,
                                            const NfColour    *ink,
                                            const NfColour    *fill,
                                            NfColour          *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NfGridStyle, nf_grid_style_free)

G_END_DECLS
