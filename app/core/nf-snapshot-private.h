/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-snapshot.h"

G_BEGIN_DECLS

/* Takes over the arrays: notes[NF_N_BLOCKS] of NfNote, tables of
 * NfMetricTable. The objects in them must not be changed afterwards. */
NfSnapshot *_nf_snapshot_new  (const char  *name,
                               GDateTime   *time,
                               GPtrArray  **notes,
                               GPtrArray   *tables);

G_END_DECLS
