/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <ninefold.h>

G_BEGIN_DECLS

#define NF_TYPE_RATES_GROUP (nf_rates_group_get_type ())

G_DECLARE_FINAL_TYPE (NfRatesGroup, nf_rates_group, NF, RATES_GROUP, AdwPreferencesGroup)

/* The exchange rates a canvas states, which comparisons use to put money
 * in two currencies side by side: a row per rate (activate it to edit it,
 * or remove it) and a form to set one. Every change is one undoable step
 * of the canvas. Actions, in the group "rates": set (reads the form),
 * remove (the rate's index, "u"), edit (the rate's index, "u": fills the
 * form with it). */
GtkWidget *nf_rates_group_new        (void);
void       nf_rates_group_set_canvas (NfRatesGroup *self,
                                      NfCanvas     *canvas);

G_END_DECLS
