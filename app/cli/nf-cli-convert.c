/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "nf-atomic-file.h"
#include "nf-cli-private.h"

static char *output;

static const GOptionEntry entries[] = {
  { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &output,
    N_("Write the canvas to OUT (“-” for standard output)"), N_("OUT") },
  { NULL }
};

static gboolean
write_stdout (GBytes  *bytes,
              GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write to standard output: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static int
run_convert (const NfCliCommand  *command,
             char               **args)
{
  g_autofree char *out = g_steal_pointer (&output);
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GFile) in_file = NULL;
  gboolean imported = FALSE;

  if (args[0] == NULL)
    return _nf_cli_usage_error (command, _("no input FILE to convert"));
  if (args[1] != NULL)
    return _nf_cli_usage_error (command, _("convert takes one input FILE, not several"));
  if (out == NULL || *out == '\0')
    return _nf_cli_usage_error (command, _("no output given: add “-o OUT”"));

  in_file = g_file_new_for_commandline_arg (args[0]);
  canvas = nf_load_any_file_full (in_file, &imported, NULL, &warnings, NULL, &error);
  if (canvas == NULL)
    {
      _nf_cli_error (error);
      return NF_CLI_EXIT_INVALID;
    }
  /* What the importer mended, a line each, for the writer to check. */
  for (guint i = 0; warnings && i < warnings->len; i++)
    _nf_cli_warning (warnings->pdata[i]);
  /* A canvas may be rewritten in place (its old form kept as “OUT~”), but
   * a write-up is prose someone wrote: canvas XML does not replace it. */
  if (imported && !g_str_equal (out, "-"))
    {
      g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (out);

      if (nf_atomic_file_same_file (in_file, out_file))
        return _nf_cli_usage_error (command,
                                    _("“%s” is the write-up being converted; write the canvas "
                                      "under another name"), out);
    }

  if (g_str_equal (out, "-"))
    {
      g_autoptr(GBytes) bytes = nf_canvas_save_to_bytes (canvas, &error);

      if (bytes == NULL || !write_stdout (bytes, &error))
        {
          _nf_cli_error (error);
          return NF_CLI_EXIT_INVALID;
        }
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (out);

      if (!nf_canvas_save_to_file (canvas, file, NULL, NULL, NULL, &error))
        {
          _nf_cli_error (error);
          return NF_CLI_EXIT_INVALID;
        }
    }
  return NF_CLI_EXIT_OK;
}

const NfCliCommand _nf_cli_convert = {
  .name = "convert",
  .parameters = N_("FILE -o OUT"),
  .summary = N_("Write a canvas or a write-up as a canonical canvas file"),
  .description = N_("FILE is a .ninefold canvas or a write-up (Markdown or plain text with a "
                    "heading per canvas block), told apart by content. The result is checked "
                    "and written to OUT in the canonical form, so the same canvas always gives "
                    "the same bytes. OUT is replaced atomically: it holds either its old or its "
                    "new content, never a mix, and the old one is kept as “OUT~”.\n"
                    "\n"
                    "Exit status: 0 on success, 1 if FILE cannot be read or OUT cannot be "
                    "written, 2 for a usage error."),
  .entries = entries,
  .run = run_convert,
};
