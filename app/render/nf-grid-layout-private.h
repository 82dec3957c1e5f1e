/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-grid-block-private.h"
#include "nf-grid-layout.h"

G_BEGIN_DECLS

/* What the grid renderer reads beyond the public queries: the block's
 * title, "+N more" and hint layouts and where they go. */
const NfGridBlock *_nf_grid_layout_get_block (NfGridLayout *self,
                                              NfBlock       block);

G_END_DECLS
