/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-gui"

#include "config.h"

#include "nf-gui-resources.h"
#include "nf-gui-resources-private.h"

/* Registered by hand, not by the generated constructor: a static library's
 * object file that nothing references is left out of the link, and its
 * constructor with it. */
void
_nf_gui_ensure_resources (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      nf_gui_register_resource ();
      g_once_init_leave (&once, 1);
    }
}
