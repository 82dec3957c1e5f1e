/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-check.h"

G_BEGIN_DECLS

/* How many pairs of stated figures the last nf_check_canvas() on this
 * thread compared: tests hold it to the pairs that share a measure, so
 * that a return to comparing every pair fails without timing. */
guint64 _nf_check_get_n_comparisons (void);

G_END_DECLS
