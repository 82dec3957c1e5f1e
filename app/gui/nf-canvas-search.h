/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "nf-canvas-view.h"

G_BEGIN_DECLS

#define NF_TYPE_CANVAS_SEARCH (nf_canvas_search_get_type ())

G_DECLARE_FINAL_TYPE (NfCanvasSearch, nf_canvas_search, NF, CANVAS_SEARCH, GtkWidget)

/* The canvas view's find bar: searches note text in every language,
 * tags and cited sources' names, filters by tag, evidence and colour;
 * the cards that match are marked and the rest dimmed while it shows. */
GtkWidget *nf_canvas_search_new            (NfCanvasView   *view);
/* Matches again and marks the cards (after an edit or a new layout). */
void       nf_canvas_search_refresh        (NfCanvasSearch *self);
/* The notes that match, in canvas order; NULL while nothing is sought. */
GPtrArray *nf_canvas_search_get_matches    (NfCanvasSearch *self);
/* The match the count names ("3 of 12"), -1 for none. */
int        nf_canvas_search_get_current    (NfCanvasSearch *self);
/* Moves to the next (+1) or previous (-1) match and focuses its card. */
void       nf_canvas_search_step           (NfCanvasSearch *self,
                                            int             direction);
GtkWidget *nf_canvas_search_get_entry      (NfCanvasSearch *self);
const char *nf_canvas_search_get_count_text (NfCanvasSearch *self);
/* The filters' drop-downs (tag, evidence, colour); item 0 is "any". */
GtkDropDown *nf_canvas_search_get_filter   (NfCanvasSearch *self,
                                            guint           which);

G_END_DECLS
