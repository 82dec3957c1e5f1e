/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "nf-card-layout.h"
#include "nf-compare-layout.h"

G_BEGIN_DECLS

/* What nf_compare_render() reads of a laid-out comparison. */

typedef struct {
  NfNote       *note;
  NfCardLayout *card;      /* owned by the layout's cache */
  NfDiffKind    kind;
  const NfDiffEntry *entry; /* NULL for a note no entry names */
  guint         canvas;
  int           band;      /* differences only between companies: the
                            * row of matched notes (near, in some) it is
                            * aligned in across columns, else -1 */
  gboolean      visible;
  NfRect        rect;
  NfRect        mark;
} NfCompareCard;

typedef struct {
  GArray      *cards;      /* NfCompareCard */
  NfRect       rect;
  guint        n_hidden;
  PangoLayout *more;       /* "+N more", or NULL */
  double       more_x, more_y;
  PangoLayout *empty;      /* "—" for a cell without notes */
} NfCompareCell;

typedef struct {
  NfBlock       block;
  NfRect        rect;
  NfRect        title_rect;
  NfRect        glyph_rect;
  PangoLayout  *title;
  double        title_x, title_y;
  guint         n_bands;
  NfCompareCell cells[NF_DIFF_MAX_CANVASES];
} NfCompareRow;

/* What a comparison calls each canvas: its company, else its title, else
 * "Canvas N"; versions of one company, which share a name, are told apart
 * by their labels (a snapshot's name, a date) or else by their place.
 * Fills names[0 … n - 1] with new strings, in `lang` where the canvases
 * have a translation of their company or title. */
void                _nf_compare_canvas_names       (NfCanvas   **canvases,
                                                    guint        n,
                                                    const char  *lang,
                                                    char       **names);

const NfCompareRow *_nf_compare_layout_get_row    (NfCompareLayout *self,
                                                   guint            row);
/* An entry's mark as the legend names it: between canvases that are not
 * versions of one, a note in one of two is "Only here", not "added" or
 * "removed" (the diff's words for two versions). */
NfDiffKind          _nf_compare_layout_shown_kind (NfCompareLayout *self,
                                                   NfDiffKind       kind);
PangoLayout        *_nf_compare_layout_get_header (NfCompareLayout *self,
                                                   guint            canvas);
/* The chosen font size of the last allocation, and (for tests) the
 * height the rows need at another, without changing what is placed for
 * good: call nf_compare_layout_allocate() again afterwards. */
double              _nf_compare_layout_get_font_size (NfCompareLayout *self);
double              _nf_compare_layout_height_at     (NfCompareLayout *self,
                                                      double           font_size);

void _nf_compare_highlight_words (NfCardLayout      *card,
                                  const NfDiffEntry *entry,
                                  guint              canvas,
                                  const char        *lang,
                                  const NfGridStyle *style);

G_END_DECLS
