/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The nine blocks of Osterwalder's canvas, in canvas (and file) order. */
typedef enum {
  NF_BLOCK_KEY_PARTNERS,
  NF_BLOCK_KEY_ACTIVITIES,
  NF_BLOCK_KEY_RESOURCES,
  NF_BLOCK_VALUE_PROPOSITIONS,
  NF_BLOCK_CUSTOMER_RELATIONSHIPS,
  NF_BLOCK_CHANNELS,
  NF_BLOCK_CUSTOMER_SEGMENTS,
  NF_BLOCK_COST_STRUCTURE,
  NF_BLOCK_REVENUE_STREAMS,
  NF_N_BLOCKS,
  NF_BLOCK_NONE = -1,
} NfBlock;

/* Where a block sits in the standard layout, in a grid ten units wide and
 * three rows high: the top five columns are two units wide each, the bottom
 * two blocks five units each. */
typedef struct {
  guint x, y, width, height;
} NfBlockPlace;

const char         *nf_block_to_xml     (NfBlock     block);
gboolean            nf_block_from_xml   (const char *name,
                                         NfBlock    *out_block);
const char         *nf_block_title      (NfBlock     block);
const char         *nf_block_hint       (NfBlock     block);
const char         *nf_block_icon_name  (NfBlock     block);
const NfBlockPlace *nf_block_place      (NfBlock     block);

G_END_DECLS
