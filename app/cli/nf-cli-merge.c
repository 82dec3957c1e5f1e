/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "nf-atomic-file.h"
#include "nf-cli-private.h"

static char *output;

static const GOptionEntry entries[] = {
  { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &output,
    N_("Write the merged canvas to OUT (“-” for standard output)"), N_("OUT") },
  { NULL }
};

/* Exit statuses of merge, as git's merge drivers report them. */
enum {
  MERGE_CLEAN     = 0,
  MERGE_CONFLICTS = 1,
  MERGE_ERROR     = 2,
};

/* The whole file, refused before reading when larger than a canvas may be. */
static GBytes *
read_input (const char  *path,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize size;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > NF_CANVAS_MAX_FILE_SIZE)
    {
      g_set_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_TOO_LARGE,
                   _("“%s” is larger than a canvas may be (%d MB)"), path,
                   NF_CANVAS_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &data, &size, NULL, error))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&data), size);
}

static int
run_merge (const NfCliCommand  *command,
           char               **args)
{
  g_autofree char *out = g_steal_pointer (&output);
  g_autoptr(GBytes) base = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GBytes) theirs = NULL;
  GBytes **in[3] = { &base, &ours, &theirs };
  g_autoptr(GBytes) merged = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[3];
  const char *target;
  guint n_conflicts = 0;
  gsize size;
  const char *data;

  if (g_strv_length (args) != 3)
    {
      _nf_cli_usage_error (command, _("merge takes three files: BASE OURS THEIRS"));
      return MERGE_ERROR;
    }
  if (out != NULL && *out == '\0')
    {
      _nf_cli_usage_error (command, _("the output name is empty"));
      return MERGE_ERROR;
    }
  /* -o may name OURS, which a clean merge replaces anyway, but not the
   * base or their version: a merge with conflicts would take its place. */
  if (out != NULL && !g_str_equal (out, "-"))
    {
      g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (out);

      for (guint i = 0; i < 3; i += 2)
        {
          g_autoptr(GFile) in_file = g_file_new_for_commandline_arg (args[i]);

          if (nf_atomic_file_same_file (in_file, out_file))
            {
              _nf_cli_usage_error (command,
                                   _("“%s” is the base or their version being merged; write the "
                                     "merge over OURS or under another name"), out);
              return MERGE_ERROR;
            }
        }
    }
  for (guint i = 0; i < 3; i++)
    {
      names[i] = args[i];
      *in[i] = read_input (args[i], &error);
      if (*in[i] == NULL)
        {
          _nf_cli_error (error);
          return MERGE_ERROR;
        }
    }

  merged = nf_merge_bytes (base, ours, theirs, names, &n_conflicts, &error);
  if (merged == NULL)
    {
      _nf_cli_error (error);
      return MERGE_ERROR;
    }

  /* Without -o a clean merge replaces OURS, as git merge-file does; a
   * merge with conflicts is written only where -o says. */
  target = out != NULL ? out : args[1];
  if (out == NULL && n_conflicts > 0)
    {
      g_autofree char *safe = _nf_cli_escape (args[1], -1);

      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "ninefold: the merge has %u conflict; “%s” is left as it was. "
                               "Add “-o OUT” to write the canvas with its conflict marked.\n",
                               "ninefold: the merge has %u conflicts; “%s” is left as it was. "
                               "Add “-o OUT” to write the canvas with its conflicts marked.\n",
                               n_conflicts),
                  n_conflicts, safe);
      return MERGE_CONFLICTS;
    }

  data = g_bytes_get_data (merged, &size);
  if (g_str_equal (target, "-"))
    {
      if (!_nf_cli_write_stdout (data, size))
        return MERGE_ERROR;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (target);

      if (!nf_atomic_file_replace_contents (file, data, size, NF_ATOMIC_FILE_NONE, NULL, NULL,
                                            NULL, &error))
        {
          g_autofree char *safe = _nf_cli_escape (target, -1);
          g_autofree char *reason = _nf_cli_escape (error->message, -1);

          g_printerr (_("ninefold: could not write “%s”: %s\n"), safe, reason);
          return MERGE_ERROR;
        }
    }

  if (n_conflicts > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "ninefold: %u conflict, marked in the canvas\n",
                               "ninefold: %u conflicts, marked in the canvas\n", n_conflicts),
                  n_conflicts);
      return MERGE_CONFLICTS;
    }
  return MERGE_CLEAN;
}

const NfCliCommand _nf_cli_merge = {
  .name = "merge",
  .parameters = N_("BASE OURS THEIRS [-o OUT]"),
  .summary = N_("Merge two edited versions of a canvas with their common ancestor"),
  .description = N_("A three-way merge by identity: notes, tables and sources by id, rates by "
                    "their currencies, snapshots by name and time. An edit made on one side is "
                    "taken; edits of different things, or of different fields of one note (one "
                    "moves it, the other rewrites it), both are. Where both sides changed the "
                    "same field differently, both versions are kept and the canvas lists the "
                    "conflict in <conflicts>. When OURS or THEIRS is byte for byte BASE, the "
                    "result is the other side as it is.\n"
                    "\n"
                    "Without -o a clean merge replaces OURS; a merge with conflicts is written "
                    "only with -o. OUT is replaced atomically. As git's merge driver: "
                    "“ninefold merge %O %A %B -o %A”.\n"
                    "\n"
                    "Exit status: 0 for a clean merge, 1 when conflicts were written (or, "
                    "without -o, found), 2 when a file cannot be read or written or for a "
                    "usage error."),
  .entries = entries,
  .run = run_merge,
};
