/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <ninefold.h>

G_BEGIN_DECLS

#define NF_TYPE_CANVAS_DETAILS (nf_canvas_details_get_type ())

G_DECLARE_FINAL_TYPE (NfCanvasDetails, nf_canvas_details, NF, CANVAS_DETAILS, AdwPreferencesWindow)

/* A window, transient for parent, that edits a canvas's own fields
 * (company, title, label, description, language), its sources and its
 * exchange rates (NfRatesGroup). Each
 * field commits as one undoable step on Enter, apply or leaving it, and
 * the window follows the canvas when it changes underneath. Actions, in
 * the group "details": add-source, remove-source (the source's index, "u"),
 * undo, redo. */
GtkWidget *nf_canvas_details_new        (GtkWindow       *parent,
                                         NfCanvas        *canvas);
NfCanvas  *nf_canvas_details_get_canvas (NfCanvasDetails *self);

G_END_DECLS
