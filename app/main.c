/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-main"

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "nf-application.h"
#include "nf-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(NfApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Decided before anything touches GTK, so the commands run where there
   * is no display. */
  if (argc > 1 && nf_cli_is_subcommand (argv[1]))
    return nf_cli_run (argc, argv);

  app = nf_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
