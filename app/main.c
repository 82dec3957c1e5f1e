/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-main"

#include "config.h"

#include <glib/gi18n-lib.h>

#if NF_HAVE_GUI
#include "nf-application.h"
#endif
#include "nf-cli.h"
#include "nf-locale.h"

int
main (int    argc,
      char **argv)
{
#if NF_HAVE_GUI
  g_autoptr(NfApplication) app = NULL;
#endif

  /* First of all: GLib decides at its first translation whether to
   * translate, by the catalogs bound then (the build folder's when run
   * uninstalled). */
  nf_locale_init ();

#if NF_HAVE_GUI
  /* Decided before anything touches GTK, so the commands run where there
   * is no display. */
  if (argc > 1 && nf_cli_is_subcommand (argv[1]))
    return nf_cli_run (argc, argv);

  app = nf_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
#else
  /* Built with -Dgui=disabled: there is no window to fall back to. */
  return nf_cli_run_without_window (argc, argv);
#endif
}
