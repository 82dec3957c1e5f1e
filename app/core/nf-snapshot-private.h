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

/* The time as the file states it, "2026-11-20T09:30:00Z": four digits of
 * year always (g_date_time_format's %Y drops the zeros of year 821, which
 * the loader then refuses). */
char       *_nf_snapshot_format_time (GDateTime *time);

G_END_DECLS
