/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <ninefold.h>

G_BEGIN_DECLS

#define NF_TYPE_CANVAS_CARD (nf_canvas_card_get_type ())

G_DECLARE_FINAL_TYPE (NfCanvasCard, nf_canvas_card, NF, CANVAS_CARD, GtkListBoxRow)

/* A summary of one open canvas: company, title, note counts per block laid
 * out like the canvas itself, and metric tables. Follows the canvas's edits. */
GtkWidget *nf_canvas_card_new        (NfCanvas     *canvas);
NfCanvas  *nf_canvas_card_get_canvas (NfCanvasCard *self);

G_END_DECLS
