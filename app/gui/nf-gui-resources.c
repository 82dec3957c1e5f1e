/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-gui"

#include "config.h"

#include <gtk/gtk.h>

#include "nf-gui-resources.h"
#include "nf-gui-resources-private.h"

/* Every GTK class our templates name. GtkBuilder finds a class not yet
 * registered by looking up its get_type function in every loaded library
 * (0.3 M instructions each; nine of them made 5.5 M of start-up). The
 * test /startup/template-types checks the list against the .ui files. */
static void
ensure_template_types (void)
{
  const GType types[] = {
    GTK_TYPE_ADJUSTMENT, GTK_TYPE_BOX, GTK_TYPE_BUTTON, GTK_TYPE_CENTER_BOX,
    GTK_TYPE_DRAWING_AREA, GTK_TYPE_DROP_DOWN, GTK_TYPE_ENTRY, GTK_TYPE_FIXED,
    GTK_TYPE_FRAME, GTK_TYPE_GRID, GTK_TYPE_IMAGE, GTK_TYPE_LABEL, GTK_TYPE_LIST_BOX,
    GTK_TYPE_MENU_BUTTON, GTK_TYPE_OVERLAY, GTK_TYPE_PANED, GTK_TYPE_PICTURE,
    GTK_TYPE_POPOVER, GTK_TYPE_PROGRESS_BAR, GTK_TYPE_REVEALER, GTK_TYPE_SCROLLED_WINDOW,
    GTK_TYPE_SEARCH_ENTRY, GTK_TYPE_SEPARATOR, GTK_TYPE_SHORTCUTS_GROUP,
    GTK_TYPE_SHORTCUTS_SECTION, GTK_TYPE_SHORTCUTS_SHORTCUT, GTK_TYPE_SHORTCUTS_WINDOW,
    GTK_TYPE_SPIN_BUTTON, GTK_TYPE_SPINNER, GTK_TYPE_STACK, GTK_TYPE_STACK_PAGE,
    GTK_TYPE_SWITCH, GTK_TYPE_TEXT_VIEW, GTK_TYPE_TOGGLE_BUTTON,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (types); i++)
    g_type_ensure (types[i]);
}

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
      ensure_template_types ();
      g_once_init_leave (&once, 1);
    }
}
