/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NF_TYPE_HISTORY (nf_history_get_type ())

G_DECLARE_FINAL_TYPE (NfHistory, nf_history, NF, HISTORY, GObject)

/* The undo and redo stacks of one canvas. Every edit is an operation that
 * knows its inverse; undo applies the inverses of the last step in reverse
 * order, redo applies the step again. Properties: can-undo, can-redo,
 * undo-label, redo-label. Unlimited within a session. */
gboolean    nf_history_can_undo       (NfHistory *self);
gboolean    nf_history_can_redo       (NfHistory *self);
const char *nf_history_get_undo_label (NfHistory *self);
const char *nf_history_get_redo_label (NfHistory *self);
gboolean    nf_history_undo           (NfHistory *self);
gboolean    nf_history_redo           (NfHistory *self);
void        nf_history_clear          (NfHistory *self);

G_END_DECLS
