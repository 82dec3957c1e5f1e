/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "nf-canvas.h"
#include "nf-diff.h"
#include "nf-grid-style.h"
#include "nf-render-types.h"

G_BEGIN_DECLS

/* Pass as `block` to show all nine blocks. */
#define NF_COMPARE_ALL_BLOCKS (-1)

/* Language choices of the compare view: each note in its own text, or
 * its English or Chinese translation where it has one. */
#define NF_COMPARE_LANG_OWN NULL
#define NF_COMPARE_LANG_EN  "en"
#define NF_COMPARE_LANG_ZH  "zh"

#define NF_TYPE_COMPARE_LAYOUT (nf_compare_layout_get_type ())

G_DECLARE_FINAL_TYPE (NfCompareLayout, nf_compare_layout, NF, COMPARE_LAYOUT, GObject)

/* Where everything of a side-by-side comparison of 2 to 4 canvases goes:
 * a header row with each canvas's name and colour, then per block a title
 * band and one column per canvas holding that canvas's notes of the block
 * as cards (nf-card-layout.h), each with a mark saying what the diff says
 * of it (shared, in some, only here, near match; or for versions of one
 * company added, removed, changed, moved). No GTK: the compare view and
 * the deck's compare slides lay out and draw with the same calls.
 *
 * The layout owns an NfDiff of the canvases (nf_diff_new()); the canvases
 * must stay alive while it does. Sizes are layout units (nf-render-types.h).
 *
 * Use: new → set the options → allocate at a width (and optionally a
 * height) → nf_compare_render() (nf-compare-renderer.h). Setting an
 * option needs a new allocate. */
NfCompareLayout *nf_compare_layout_new                (NfCanvas         **canvases,
                                                       guint              n_canvases);
NfDiff          *nf_compare_layout_get_diff           (NfCompareLayout   *self);
guint            nf_compare_layout_get_n_canvases     (NfCompareLayout   *self);
NfCanvas        *nf_compare_layout_get_canvas         (NfCompareLayout   *self,
                                                       guint              index);
/* A canvas's name in the header: its company, else its title, else
 * "Canvas N". */
const char      *nf_compare_layout_get_canvas_name    (NfCompareLayout   *self,
                                                       guint              index);

/* Hides what every canvas shares (SHARED entries); FALSE by default. */
void             nf_compare_layout_set_differences_only (NfCompareLayout *self,
                                                         gboolean         differences_only);
gboolean         nf_compare_layout_get_differences_only (NfCompareLayout *self);
/* FALSE leaves the header row out of the page (the rows start at the
 * top), for a screen that keeps it in view with
 * nf_compare_render_header() while the rows scroll; TRUE by default. The
 * header is laid out either way. */
void             nf_compare_layout_set_show_header    (NfCompareLayout   *self,
                                                       gboolean           show_header);
gboolean         nf_compare_layout_get_show_header    (NfCompareLayout   *self);
/* One NfBlock, or NF_COMPARE_ALL_BLOCKS (the default). */
void             nf_compare_layout_set_block          (NfCompareLayout   *self,
                                                       int                block);
int              nf_compare_layout_get_block          (NfCompareLayout   *self);
/* NF_COMPARE_LANG_OWN (NULL), or a language tag such as "en" or "zh". */
void             nf_compare_layout_set_language       (NfCompareLayout   *self,
                                                       const char        *lang);
const char      *nf_compare_layout_get_language       (NfCompareLayout   *self);

/* Lays everything out `width` wide. With max_height <= 0 the height
 * follows from the content (nf_compare_layout_get_height()). With
 * max_height > 0 (a slide) the cards' font shrinks step by step to the
 * style's minimum, and then each cell keeps the cards that fit and counts
 * the rest as hidden, drawn as "+N more"; the height is then at most
 * max_height. The style is copied; NULL is the light one. */
void             nf_compare_layout_allocate           (NfCompareLayout   *self,
                                                       const NfGridStyle *style,
                                                       double             width,
                                                       double             max_height);
double           nf_compare_layout_get_width          (NfCompareLayout   *self);
double           nf_compare_layout_get_height         (NfCompareLayout   *self);

/* The header row's box, and one canvas's name box in it. */
void             nf_compare_layout_get_header_rect    (NfCompareLayout   *self,
                                                       NfRect            *out);
void             nf_compare_layout_get_column_rect    (NfCompareLayout   *self,
                                                       guint              canvas,
                                                       NfRect            *out);

/* The blocks shown, in canvas order: nine, or the one in focus. */
guint            nf_compare_layout_get_n_rows         (NfCompareLayout   *self);
NfBlock          nf_compare_layout_get_row_block      (NfCompareLayout   *self,
                                                       guint              row);
/* A block's whole row (title band and cells), and its title band. */
void             nf_compare_layout_get_row_rect       (NfCompareLayout   *self,
                                                       guint              row,
                                                       NfRect            *out);
void             nf_compare_layout_get_title_rect     (NfCompareLayout   *self,
                                                       guint              row,
                                                       NfRect            *out);
/* One canvas's cell of a row, where its cards go. */
void             nf_compare_layout_get_cell_rect      (NfCompareLayout   *self,
                                                       guint              row,
                                                       guint              canvas,
                                                       NfRect            *out);

/* What one cell shows, for drawing and for accessible labels. */
typedef struct {
  guint n_notes;                   /* cards shown and hidden */
  guint n_hidden;                  /* counted in "+N more" */
  guint n_marked[NF_DIFF_NEAR + 1];/* cards per NfDiffKind */
} NfCompareCellSummary;

void             nf_compare_layout_get_cell_summary   (NfCompareLayout   *self,
                                                       guint              row,
                                                       guint              canvas,
                                                       NfCompareCellSummary *out);
/* A sentence for screen readers: "Revenue Streams, Alibaba: 3 notes,
 * 1 only here". Translated; free with g_free(). */
char            *nf_compare_layout_describe_cell      (NfCompareLayout   *self,
                                                       guint              row,
                                                       guint              canvas);

/* The cards of a cell, in that canvas's note order, with what the diff
 * says of each and its box in layout coordinates; a hidden card (counted
 * in "+N more") has an empty box. The mark strip lies right of the card,
 * outside its box. */
guint            nf_compare_layout_get_n_cards        (NfCompareLayout   *self,
                                                       guint              row,
                                                       guint              canvas);
NfNote          *nf_compare_layout_get_card_note      (NfCompareLayout   *self,
                                                       guint              row,
                                                       guint              canvas,
                                                       guint              card,
                                                       NfDiffKind        *out_kind,
                                                       NfRect            *out_rect);
/* The diff entry a card shows, or NULL for a note no entry names. */
const NfDiffEntry *nf_compare_layout_get_card_entry   (NfCompareLayout   *self,
                                                       guint              row,
                                                       guint              canvas,
                                                       guint              card);
/* What a card's mark means, for its tooltip: "Only in Bitauto", "Also in
 * Alibaba, Senmiao Technology", "Near match (similarity 0.29) of
 * Alibaba’s “Biggest cost driver is…”", "Changed from “…”". */
char            *nf_compare_layout_describe_card      (NfCompareLayout   *self,
                                                       guint              row,
                                                       guint              canvas,
                                                       guint              card);
/* The mark strip beside a card, filled with nf_compare_mark_colour(). */
void             nf_compare_layout_get_mark_rect      (NfCompareLayout   *self,
                                                       guint              row,
                                                       guint              canvas,
                                                       guint              card,
                                                       NfRect            *out);

/* Colours shared by the view, the legend and the slides. A mark's colour
 * is readable in both palettes (dark chooses lighter shades). */
void             nf_compare_mark_colour               (NfDiffKind         kind,
                                                       const NfGridStyle *style,
                                                       NfColour          *out);
/* The colour of canvas `index` (0–3) in headers and charts. */
void             nf_compare_canvas_colour             (guint              index,
                                                       const NfGridStyle *style,
                                                       NfColour          *out);
/* The legend's words for a mark, translated: "Shared by all", "In some",
 * "Only here", "Near match", "Added", "Removed", "Changed", "Moved",
 * "Reordered". */
const char      *nf_compare_mark_label                (NfDiffKind         kind);


G_END_DECLS
