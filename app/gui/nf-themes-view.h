/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <ninefold.h>

G_BEGIN_DECLS

#define NF_TYPE_THEMES_VIEW (nf_themes_view_get_type ())

G_DECLARE_FINAL_TYPE (NfThemesView, nf_themes_view, NF, THEMES_VIEW, GtkWidget)

/* The themes of 2 to 4 canvases (nf-themes.h) as a matrix per block:
 * a row per theme, a column per company, each cell a button saying how
 * many of that company's notes carry the theme; pressing it lists those
 * notes in a popover. The company names stay above the scrolling rows.
 * The canvases are kept alive; call nf_themes_view_refresh() when they
 * change. */
GtkWidget      *nf_themes_view_new          (NfCanvas      **canvases,
                                             guint           n_canvases,
                                             const char    **names);
/* NULL or "" reads notes in the language most canvases are written in. */
void            nf_themes_view_set_language (NfThemesView   *self,
                                             const char     *lang);
void            nf_themes_view_refresh      (NfThemesView   *self);
const NfThemes *nf_themes_view_get_themes   (NfThemesView   *self);
/* The cell button of a theme (index in its block) and canvas, or NULL
 * for an empty cell. */
GtkWidget      *nf_themes_view_get_cell     (NfThemesView   *self,
                                             NfBlock         block,
                                             guint           theme,
                                             guint           canvas);
GtkWidget      *nf_themes_view_get_header   (NfThemesView   *self);
GtkWidget      *nf_themes_view_get_scroller (NfThemesView   *self);
/* The popover a cell opened last, or NULL. */
GtkPopover     *nf_themes_view_get_popover  (NfThemesView   *self);

G_END_DECLS
