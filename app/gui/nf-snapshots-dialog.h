/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <ninefold.h>

G_BEGIN_DECLS

#define NF_TYPE_SNAPSHOTS_DIALOG (nf_snapshots_dialog_get_type ())

G_DECLARE_FINAL_TYPE (NfSnapshotsDialog, nf_snapshots_dialog, NF, SNAPSHOTS_DIALOG, AdwWindow)

/* A window, transient for parent, listing a canvas's named snapshots
 * (newest first) and acting on them. Actions, in the group "snapshots":
 * take (names it from the entry, or the date and time when empty;
 * Ctrl+Return), restore ("u", the snapshot's index in
 * nf_canvas_get_snapshots(); one undoable step), remove ("u"),
 * compare-current ("u": the snapshot against the canvas as it is now) and
 * compare-selected (the two ticked snapshots, older first).
 *
 * Comparing emits "compare-requested" (NfCanvas *a, NfCanvas *b): `a` the
 * earlier state as a detached canvas (nf_canvas_new_from_snapshot()), `b`
 * a later snapshot likewise or the live canvas itself; the window opens
 * a compare view for them. */
GtkWidget *nf_snapshots_dialog_new        (GtkWindow         *parent,
                                           NfCanvas          *canvas);
NfCanvas  *nf_snapshots_dialog_get_canvas (NfSnapshotsDialog *self);
/* The name the next snapshot gets when the entry is left empty. */
char      *nf_snapshots_dialog_default_name (GDateTime       *time);

G_END_DECLS
