/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-cli-private.h"

/* A valid file that a merge left with conflicts: not done yet. */

static gboolean
print_conflicts (const char *path,
                 NfCanvas   *canvas)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = nf_canvas_get_n_conflicts (canvas);

  /* TRANSLATORS: %s is a file name, %u how many conflicts it has. */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                            "%s: %u conflict left by a merge\n",
                                            "%s: %u conflicts left by a merge\n", n),
                          name, n);
  for (guint i = 0; i < n; i++)
    {
      const NfConflict *c = nf_canvas_get_conflict (canvas, i);
      g_autofree char *ours = _nf_cli_escape (c->ours != NULL ? c->ours : _("(deleted)"), -1);
      g_autofree char *theirs = _nf_cli_escape (c->theirs != NULL ? c->theirs : _("(deleted)"), -1);

      if (c->kind == NF_CONFLICT_CELL)
        {
          g_autofree char *table = _nf_cli_escape (c->table, -1);

          /* TRANSLATORS: a cell's conflict: the table's id, the row and
           * column (from 1), then the two sides' texts. */
          g_string_append_printf (out, _("  cell of %s, row %u, column %u: ours %s, theirs %s\n"),
                                  table, c->row + 1, c->column + 1, ours, theirs);
          continue;
        }
      if (c->kind == NF_CONFLICT_ROW)
        {
          g_autofree char *table = _nf_cli_escape (c->table, -1);

          /* TRANSLATORS: a row's conflict: the table's id, then the row
           * numbers (from 1) of the two sides' versions, or "(deleted)". */
          g_string_append_printf (out, _("  row of %s: ours row %s, theirs row %s\n"),
                                  table, ours, theirs);
          continue;
        }
      /* TRANSLATORS: one conflict: its kind (note, table, title…, as in
       * the file), then the two sides' ids or values. */
      {
        g_autofree char *ours_all = nf_conflict_side_describe (c->ours != NULL ? c->ours : _("(deleted)"),
                                                       c->ours_cell, c->theirs_cell);
        g_autofree char *theirs_all = nf_conflict_side_describe (c->theirs != NULL ? c->theirs : _("(deleted)"),
                                                         c->theirs_cell, c->ours_cell);
        g_autofree char *ours_esc = _nf_cli_escape (ours_all, -1);
        g_autofree char *theirs_esc = _nf_cli_escape (theirs_all, -1);

        g_string_append_printf (out, _("  %s: ours %s, theirs %s\n"),
                                nf_conflict_kind_to_xml (c->kind), ours_esc, theirs_esc);
      }
    }
  return _nf_cli_print (out->str);
}

static int
run_validate (const NfCliCommand  *command,
              char               **args)
{
  int status = NF_CLI_EXIT_OK;

  if (args[0] == NULL)
    return _nf_cli_usage_error (command, _("no FILE to validate"));

  /* Every file is checked even after a failure, so one run reports them all. */
  for (guint i = 0; args[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (args[i]);
      g_autoptr(NfCanvas) canvas = NULL;
      g_autoptr(GError) error = NULL;

      canvas = nf_canvas_load_from_file (file, NULL, &error);
      if (canvas == NULL)
        {
          _nf_cli_error (error);
          status = NF_CLI_EXIT_INVALID;
        }
      else if (nf_canvas_get_n_conflicts (canvas) > 0)
        {
          if (!print_conflicts (args[i], canvas))
            return NF_CLI_EXIT_INVALID;
          status = NF_CLI_EXIT_INVALID;
        }
      else
        {
          g_autofree char *name = g_filename_display_name (args[i]);
          /* TRANSLATORS: printed for a file that passed; %s is its name. */
          g_autofree char *line = g_strdup_printf (_("%s: ok\n"), name);

          if (!_nf_cli_print (line))
            return NF_CLI_EXIT_INVALID;
        }
    }
  return status;
}

const NfCliCommand _nf_cli_validate = {
  .name = "validate",
  .parameters = N_("FILE…"),
  .summary = N_("Check that canvas files are well formed and valid"),
  .description = N_("Each FILE is read as Ninefold reads it when opening it: it must be a "
                    "well-formed .ninefold file that follows the format's schema and rules. "
                    "A valid file is reported as “FILE: ok” on standard output; every problem "
                    "goes to standard error with the file and line it was found at. A valid "
                    "file that a merge left with conflicts (ninefold merge) is reported with "
                    "them, on standard output, and counts as not done.\n"
                    "\n"
                    "Exit status: 0 if every file is valid and has no conflicts, 1 if any is "
                    "not valid or has conflicts, 2 for a usage error."),
  .entries = NULL,
  .run = run_validate,
};
