/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <ninefold.h>
#include <nf-compare-layout.h>
#include <nf-compare-metrics.h>

G_BEGIN_DECLS

#define NF_TYPE_COMPARE_VIEW (nf_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (NfCompareView, nf_compare_view, NF, COMPARE_VIEW, GtkWidget)

/* 2 to 4 canvases side by side, block by block, with what the diff says of
 * each note marked, a legend, and the aligned metric tables and bar charts
 * beneath; it scrolls vertically. Drawing is the render library's
 * (nf-compare-renderer.h), the same as the deck's compare slides; each
 * block row and each cell is also a focusable child with an accessible
 * label ("Revenue Streams, Alibaba: 3 notes, 3 only here").
 *
 * Actions, in the group "compare" (all property actions, so menus, the
 * controls and shortcuts share them): differences-only (Ctrl+D), block
 * ("i": -1 for all nine, or an NfBlock; Ctrl+0 … Ctrl+9), language ("s":
 * "" for each note's own text, "en" or "zh"). The canvases are kept
 * alive and re-compared when one changes. */
GtkWidget       *nf_compare_view_new                  (NfCanvas      **canvases,
                                                       guint           n_canvases);
NfCompareLayout *nf_compare_view_get_layout           (NfCompareView  *self);
NfCompareMetrics*nf_compare_view_get_metrics          (NfCompareView  *self);
void             nf_compare_view_set_differences_only (NfCompareView  *self,
                                                       gboolean        differences_only);
/* -1 (NF_COMPARE_ALL_BLOCKS) or an NfBlock. */
void             nf_compare_view_set_block            (NfCompareView  *self,
                                                       int             block);
/* NULL or "" for the notes' own text, else a language tag. */
void             nf_compare_view_set_language         (NfCompareView  *self,
                                                       const char     *lang);
/* The focusable children: one per block row shown, and one per cell
 * (row-major, n_canvases per row). */
guint            nf_compare_view_get_n_cells          (NfCompareView  *self);
GtkWidget       *nf_compare_view_get_cell             (NfCompareView  *self,
                                                       guint           index);
GtkWidget       *nf_compare_view_get_row_widget       (NfCompareView  *self,
                                                       guint           row);
/* What hovering a card says (its tooltip): its mark, and what its note
 * is marked as conflicting with; NULL for nothing. A cell's accessible
 * description names the conflicts of its notes. */
char            *nf_compare_view_describe_card        (NfCompareView  *self,
                                                       guint           row,
                                                       guint           canvas,
                                                       guint           card);
/* The themes matrix (nf-themes-view.h) in place of the notes; Ctrl+T,
 * action "compare.show-themes". The matrix is made when first shown. */
void             nf_compare_view_set_show_themes      (NfCompareView  *self,
                                                       gboolean        show_themes);
GtkWidget       *nf_compare_view_get_themes_view      (NfCompareView  *self);
/* What stays in view while the notes scroll: the company names above
 * them, and the name of the block whose title has scrolled away. */
GtkWidget       *nf_compare_view_get_header           (NfCompareView  *self);
GtkWidget       *nf_compare_view_get_pinned_heading   (NfCompareView  *self);
GtkWidget       *nf_compare_view_get_scroller         (NfCompareView  *self);

G_END_DECLS
