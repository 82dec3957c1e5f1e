/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "nf-canvas-view.h"

G_BEGIN_DECLS

#define NF_TYPE_CONFLICT_BAR (nf_conflict_bar_get_type ())
G_DECLARE_FINAL_TYPE (NfConflictBar, nf_conflict_bar, NF, CONFLICT_BAR, GtkWidget)

/* The banner over a canvas that a merge left conflicts in: "N conflicts
 * from a merge", the current one told in words, Previous and Next
 * (conflicts.previous, conflicts.next: Shift+F8, F8), which select and
 * scroll to a conflicting note's card, and Take Ours, Take Theirs, Keep
 * Both (conflicts.resolve) for the current conflict of any kind: a note,
 * a table, a cell, a source, a metadata field or a rate. Hidden while the
 * canvas has none. Signals, as a conflict is shown: "show-canvas" for a
 * note's, "show-table" (table, row, column) for a cell's or a row's, for
 * the page to bring the view it is in to the front. */
GtkWidget *nf_conflict_bar_new          (NfCanvasView  *view);
/* Which conflict is current (its index in the canvas's list). */
guint      nf_conflict_bar_get_current  (NfConflictBar *self);
/* Makes the next (step 1) or previous (-1) conflict current and shows it;
 * step 0 shows the current one again. */
void       nf_conflict_bar_go           (NfConflictBar *self,
                                         int            step);

G_END_DECLS
