/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The parts a list of versions shares (commits in the history dialog,
 * snapshots in the snapshots dialog): a flat button per action on a row,
 * and a tick per row of which exactly two enable "compare the two". */

/* An icon button that activates `action` with the row's `index` ("u");
 * the tooltip is its accessible label too. */
GtkWidget *nf_versions_row_button     (const char   *icon,
                                       const char   *tooltip,
                                       const char   *action,
                                       guint         index);
/* Puts a tick at the start of `row`, labelled `label` for screen
 * readers, and keeps it at `ticks[index]` (the array is grown as needed);
 * ticking enables `compare_action` on `owner` while exactly two are. */
GtkWidget *nf_versions_add_tick       (GtkWidget    *owner,
                                       GPtrArray    *ticks,
                                       guint         index,
                                       AdwActionRow *row,
                                       const char   *label,
                                       const char   *compare_action);
void       nf_versions_update_compare (GtkWidget    *owner,
                                       GPtrArray    *ticks,
                                       const char   *compare_action);
/* The indices of the two ticked rows, lower first; FALSE unless exactly
 * two are ticked. */
gboolean   nf_versions_get_ticked     (GPtrArray    *ticks,
                                       guint        *out_first,
                                       guint        *out_second);

G_END_DECLS
