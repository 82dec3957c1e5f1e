/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The label every card's tooltip shows: wrapped at a readable measure,
 * never narrower than a short line (see nf-tooltip.c for why). */
GtkWidget *nf_tooltip_label_new (const char *markup);
/* Puts such a label in a tooltip. */
void       nf_tooltip_set_wrapped_markup (GtkTooltip *tooltip,
                                          const char *markup);

/* gtk_widget_set_tooltip_text() for a widget not yet in a parent (so
 * not on screen), without the pointer query GTK makes for a shown one. */
void       nf_tooltip_set_text_unparented (GtkWidget  *widget,
                                           const char *text);

G_END_DECLS
