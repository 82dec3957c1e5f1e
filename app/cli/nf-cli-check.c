/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-cli-private.h"

/* How much of check's output is held before it is written. */
#define CHECK_OUTPUT_CHUNK (1 << 20)

static char **source_dirs;

static const GOptionEntry entries[] = {
  { "sources", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &source_dirs,
    N_("Look for source files in DIR too (may be given more than once)"), N_("DIR") },
  { NULL }
};

static int
run_check (const NfCliCommand  *command,
           char               **args)
{
  g_auto(GStrv) extra = g_steal_pointer (&source_dirs);
  g_autoptr(GString) out = g_string_sized_new (4096);
  int status = NF_CLI_EXIT_OK;

  if (args[0] == NULL)
    return _nf_cli_usage_error (command, _("no FILE to check"));
  /* A check writes no canvas: the loads skip the check that each could
   * be saved again. */
  nf_canvas_set_loads_read_only (TRUE);

  for (guint i = 0; args[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (args[i]);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autoptr(NfCanvas) canvas = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) findings = NULL;
      g_autoptr(GPtrArray) infos = NULL;
      g_autofree char *name = g_filename_display_name (args[i]);
      g_autofree char *safe_name = _nf_cli_escape (name, -1);

      canvas = nf_canvas_load_from_file (file, NULL, &error);
      if (canvas == NULL)
        {
          _nf_cli_error (error);
          return NF_CLI_EXIT_USAGE;
        }
      /* A source's address is a file name beside the canvas, or in a
       * folder the user names. */
      if (parent)
        g_ptr_array_add (dirs, g_file_get_path (parent));
      for (guint k = 0; extra && extra[k]; k++)
        g_ptr_array_add (dirs, g_strdup (extra[k]));
      g_ptr_array_add (dirs, NULL);

      findings = nf_check_canvas (canvas, (const char * const *) dirs->pdata, &infos);
      g_string_truncate (out, 0);
      for (guint k = 0; k < infos->len; k++)
        {
          g_autofree char *safe = _nf_cli_escape (infos->pdata[k], -1);

          /* TRANSLATORS: a canvas file's name and a note on what was not checked */
          g_printerr (_("%s: info: %s\n"), safe_name, safe);
        }
      for (guint k = 0; k < findings->len; k++)
        {
          NfCheckFinding *finding = findings->pdata[k];
          g_autofree char *safe = _nf_cli_escape (finding->message, -1);
          g_autofree char *subject = _nf_cli_escape (finding->subject, -1);

          /* A conflict the canvas marks as such is said, and passes. */
          if (finding->marked)
            /* TRANSLATORS: as "%s: %s: %s" above, for a conflict the canvas marks */
            _nf_cli_append_strings (out, _("%s: %s: marked conflict: %s\n"), safe_name, subject, safe);
          else
            /* TRANSLATORS: a canvas file's name, a note or table row ("n35",
             * "t3 row 2"), and what is wrong with it */
            _nf_cli_append_strings (out, _("%s: %s: %s\n"), safe_name, subject, safe);
          /* Every part is escaped already, so the lines go out as they
           * are, a megabyte at a time rather than a write and a flush per
           * finding (100,000 findings spent a fifth of the check there). */
          if (out->len >= CHECK_OUTPUT_CHUNK)
            {
              if (!_nf_cli_write_stdout (out->str, out->len))
                return NF_CLI_EXIT_USAGE;
              g_string_truncate (out, 0);
            }
          if (!finding->marked)
            status = NF_CLI_EXIT_INVALID;
        }
      if (!_nf_cli_write_stdout (out->str, out->len))
        return NF_CLI_EXIT_USAGE;
      /* The last canvas and its findings go when the process ends, not
       * note by note. */
      if (args[i + 1] == NULL)
        {
          _nf_cli_keep_until_exit (g_steal_pointer (&canvas));
          _nf_cli_keep_until_exit (g_steal_pointer (&findings));
        }
    }
  return status;
}

const NfCliCommand _nf_cli_check = {
  .name = "check",
  .parameters = N_("FILE…"),
  .summary = N_("Check canvases against themselves and their sources"),
  .description = N_("Each FILE is a .ninefold canvas. Reported, a line each as “FILE: NOTE: "
                    "problem”: one measure stated with different values in different notes or "
                    "tables; a table whose rows do not add up to its total row or Total column, "
                    "to a total a note or another table states, or shares that do not make "
                    "the whole, within the rounding of the figures as written; a number of a "
                    "note or table row that its cited line lacks, or that is on a nearby line "
                    "instead; a cell whose text names a currency, percentage "
                    "or unit that its column drops; a note citing no source in a canvas that has "
                    "sources; two versions a merge left to choose between. A conflict the "
                    "canvas marks (<contradicts>) is printed as a “marked conflict” and does "
                    "not count as a finding. Source files are looked for beside the canvas, in each "
                    "--sources DIR, in $NF_SEEDS_DIR, then among the shipped cases' sources "
                    "(the build's and the installed ones); a source file not found is a "
                    "finding, and its citations are not checked.\n"
                    "\n"
                    "Exit status: 0 if nothing was found, 1 if anything was, 2 if a FILE cannot "
                    "be read or for a usage error."),
  .entries = entries,
  .run = run_check,
};
