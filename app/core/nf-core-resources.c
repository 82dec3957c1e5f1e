/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-core"

#include "config.h"

#include "nf-core-resources.h"
#include "nf-core-resources-private.h"

void
_nf_core_ensure_resources (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      nf_core_register_resource ();
      g_once_init_leave (&once, 1);
    }
}
