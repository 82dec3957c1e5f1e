/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-block"

#include "config.h"

#include "nf-i18n-private.h"

#include "nf-block.h"

/* The one table that spells blocks out: nothing else may. */
static const struct {
  const char   *xml;
  const char   *title;
  const char   *hint;
  const char   *icon;
  NfBlockPlace  place;
} blocks[NF_N_BLOCKS] = {
  { "key-partners", N_("Key Partners"),
    N_("Who helps us: suppliers, alliances, joint ventures"),
    "system-users-symbolic", { 0, 0, 2, 2 } },
  { "key-activities", N_("Key Activities"),
    N_("What we must do well to deliver the value"),
    "emblem-system-symbolic", { 2, 0, 2, 1 } },
  { "key-resources", N_("Key Resources"),
    N_("What we need: people, platforms, brands, capital"),
    "drive-harddisk-symbolic", { 2, 1, 2, 1 } },
  { "value-propositions", N_("Value Propositions"),
    N_("What we offer and which problem it solves"),
    "starred-symbolic", { 4, 0, 2, 2 } },
  { "customer-relationships", N_("Customer Relationships"),
    N_("How we win, keep and grow customers"),
    "emblem-favorite-symbolic", { 6, 0, 2, 1 } },
  { "channels", N_("Channels"),
    N_("How we reach customers and deliver"),
    "mail-send-symbolic", { 6, 1, 2, 1 } },
  { "customer-segments", N_("Customer Segments"),
    N_("For whom we create value"),
    "avatar-default-symbolic", { 8, 0, 2, 2 } },
  { "cost-structure", N_("Cost Structure"),
    N_("What the model costs to run"),
    "go-down-symbolic", { 0, 2, 5, 1 } },
  { "revenue-streams", N_("Revenue Streams"),
    N_("What customers pay for, and how"),
    "go-up-symbolic", { 5, 2, 5, 1 } },
};

const char *
nf_block_to_xml (NfBlock block)
{
  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, NULL);
  return blocks[block].xml;
}

gboolean
nf_block_from_xml (const char *name,
                   NfBlock    *out_block)
{
  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < NF_N_BLOCKS; i++)
    if (g_str_equal (name, blocks[i].xml))
      {
        if (out_block)
          *out_block = (NfBlock) i;
        return TRUE;
      }
  return FALSE;
}

const char *
nf_block_title (NfBlock block)
{
  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, NULL);
  return _(blocks[block].title);
}

const char *
nf_block_hint (NfBlock block)
{
  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, NULL);
  return _(blocks[block].hint);
}

const char *
nf_block_icon_name (NfBlock block)
{
  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, NULL);
  return blocks[block].icon;
}

const NfBlockPlace *
nf_block_place (NfBlock block)
{
  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, NULL);
  return &blocks[block].place;
}
