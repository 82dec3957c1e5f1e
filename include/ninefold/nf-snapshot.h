/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "nf-block.h"
#include "nf-metric-table.h"
#include "nf-note.h"

G_BEGIN_DECLS

#define NF_TYPE_SNAPSHOT (nf_snapshot_get_type ())

G_DECLARE_FINAL_TYPE (NfSnapshot, nf_snapshot, NF, SNAPSHOT, GObject)

/* A frozen copy of a canvas's blocks and tables, with a name and a time.
 * Nothing changes a snapshot once it is made. */
const char    *nf_snapshot_get_name     (NfSnapshot *self);
GDateTime     *nf_snapshot_get_time     (NfSnapshot *self);
guint          nf_snapshot_get_n_notes  (NfSnapshot *self,
                                         NfBlock     block);
NfNote        *nf_snapshot_get_note     (NfSnapshot *self,
                                         NfBlock     block,
                                         guint       index);
guint          nf_snapshot_get_n_tables (NfSnapshot *self);
NfMetricTable *nf_snapshot_get_table    (NfSnapshot *self,
                                         guint       index);

G_END_DECLS
