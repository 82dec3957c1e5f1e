/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-cli"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "nf-cli.h"
#include "nf-cli-private.h"
#include "nf-locale.h"

static int run_help (const NfCliCommand  *command,
                     char               **args);

static const NfCliCommand help_command = {
  .name = "help",
  .parameters = N_("[COMMAND]"),
  .summary = N_("Show help for ninefold or for one of its commands"),
  .description = NULL,
  .entries = NULL,
  .run = run_help,
};

static const NfCliCommand * const commands[] = {
  &_nf_cli_validate,
  &_nf_cli_info,
  &_nf_cli_convert,
  &_nf_cli_export,
  &_nf_cli_diff,
  &_nf_cli_check,
  &_nf_cli_merge,
  &help_command,
};

static const NfCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i]->name))
      return commands[i];
  return NULL;
}

static gboolean
is_tool_option (const char *arg)
{
  return g_str_equal (arg, "--help") ||
         g_str_equal (arg, "-h") ||
         g_str_equal (arg, "--version");
}

/* Lower-case letters, digits and dashes, as a command name is spelled. */
static gboolean
reads_like_command (const char *arg)
{
  if (!g_ascii_islower (arg[0]))
    return FALSE;
  for (const char *p = arg; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

gboolean
nf_cli_is_subcommand (const char *arg)
{
  if (arg == NULL)
    return FALSE;
  if (find_command (arg) != NULL || is_tool_option (arg))
    return TRUE;
  /* The window takes no options of its own, and "--" means "files follow".
   * GApplication's --gapplication-service is left to it, for D-Bus
   * activation. */
  if (arg[0] == '-' && arg[1] != '\0' && !g_str_equal (arg, "--"))
    return !g_str_has_prefix (arg, "--gapplication-");
  return reads_like_command (arg) && !g_file_test (arg, G_FILE_TEST_EXISTS);
}

GOptionContext *
_nf_cli_context_new (const NfCliCommand *command)
{
  GOptionContext *context = g_option_context_new (command->parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, command->summary);
  if (command->description != NULL)
    {
      /* Translated here to be wrapped; looking the result up again when
       * the help is printed finds nothing and leaves it as it is. */
      g_autofree char *description = _nf_cli_wrap (_(command->description), 78);

      g_option_context_set_description (context, description);
    }
  if (command->entries != NULL)
    g_option_context_add_main_entries (context, command->entries, GETTEXT_PACKAGE);
  return context;
}

int
_nf_cli_usage_error (const NfCliCommand *command,
                     const char         *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  {
    g_autofree char *safe = _nf_cli_escape (message, -1);

    g_printerr ("ninefold: %s\n", safe);
  }
  if (command != NULL)
    /* TRANSLATORS: %s is a command name, such as "validate". */
    g_printerr (_("Run “ninefold %s --help” to see how to use it.\n"), command->name);
  else
    g_printerr (_("Run “ninefold --help” to see the commands.\n"));
  return NF_CLI_EXIT_USAGE;
}

void
_nf_cli_error (const GError *error)
{
  g_autofree char *safe = _nf_cli_escape (error->message, -1);

  g_printerr ("ninefold: %s\n", safe);
}

void
_nf_cli_warning (const GError *warning)
{
  g_autofree char *safe = _nf_cli_escape (warning->message, -1);

  /* TRANSLATORS: what the importer mended, e.g. "notes.md, line 7: an empty heading" */
  g_printerr (_("ninefold: warning: %s\n"), safe);
}

/* Two columns, the first padded to its widest entry. */
static void
append_table (GString     *out,
              const char  *heading,
              const char  *rows[][2],
              guint        n_rows)
{
  guint width = 0;

  for (guint i = 0; i < n_rows; i++)
    width = MAX (width, _nf_cli_display_width (rows[i][0]));

  g_string_append_printf (out, "%s\n", heading);
  for (guint i = 0; i < n_rows; i++)
    {
      g_string_append (out, "  ");
      _nf_cli_append_padded (out, rows[i][0], width + 3, FALSE);
      g_string_append_printf (out, "%s\n", rows[i][1]);
    }
}

static void
print_tool_help (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *usage[][2] = {
#if NF_HAVE_GUI
    { _("ninefold [FILE…]"), _("Open canvases and write-ups in a window") },
#endif
    { _("ninefold COMMAND [OPTION…]"), _("Run a command, without a window") },
  };
  const char *names[G_N_ELEMENTS (commands)][2];
  const char *options[][2] = {
    { "-h, --help", _("Show this help") },
    { "--version", _("Show the version") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      names[i][0] = commands[i]->name;
      names[i][1] = _(commands[i]->summary);
    }

  append_table (out, _("Usage:"), usage, G_N_ELEMENTS (usage));
  g_string_append_printf (out, "\n%s\n\n",
                          _("Business-model canvases: check them, describe them and convert write-ups into them."));
  append_table (out, _("Commands:"), names, G_N_ELEMENTS (names));
  g_string_append_c (out, '\n');
  append_table (out, _("Options:"), options, G_N_ELEMENTS (options));
  g_string_append_c (out, '\n');
  g_string_append (out, _("Run “ninefold help COMMAND” or “ninefold COMMAND --help” for more on a command.\n"));
  g_print ("%s", out->str);
}

static void
print_command_help (const NfCliCommand *command)
{
  g_autoptr(GOptionContext) context = _nf_cli_context_new (command);
  g_autofree char *name = g_strconcat ("ninefold ", command->name, NULL);
  g_autofree char *help = NULL;

  /* GOptionContext writes the program name into its usage line. */
  g_set_prgname (name);
  help = g_option_context_get_help (context, TRUE, NULL);
  g_set_prgname ("ninefold");
  g_print ("%s", help);
}

static int
run_help (const NfCliCommand  *command,
          char               **args)
{
  const NfCliCommand *topic;

  if (args[0] == NULL)
    {
      print_tool_help ();
      return NF_CLI_EXIT_OK;
    }
  if (args[1] != NULL)
    return _nf_cli_usage_error (command, _("help takes one command, not several"));

  topic = find_command (args[0]);
  if (topic == NULL)
    return _nf_cli_usage_error (NULL, _("“%s” is not a ninefold command"), args[0]);
  print_command_help (topic);
  return NF_CLI_EXIT_OK;
}

/* Drops the "--" that GOptionContext leaves where it stopped parsing, so
 * `ninefold info -- -odd-name.ninefold` reaches the file. */
static void
drop_separator (char **args)
{
  for (guint i = 0; args[i] != NULL; i++)
    if (g_str_equal (args[i], "--"))
      {
        g_free (args[i]);
        memmove (&args[i], &args[i + 1], (g_strv_length (&args[i + 1]) + 1) * sizeof (char *));
        return;
      }
}

static int
run_command (const NfCliCommand  *command,
             char               **argv)
{
  g_autoptr(GOptionContext) context = _nf_cli_context_new (command);
  g_autofree char *name = g_strconcat ("ninefold ", command->name, NULL);
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  gboolean parsed;

  /* --help prints and exits inside the parse; its usage line names the
   * program, so name it after the command meanwhile. */
  g_set_prgname (name);
  parsed = g_option_context_parse_strv (context, &args, &error);
  g_set_prgname ("ninefold");
  if (!parsed)
    return _nf_cli_usage_error (command, "%s", error->message);

  drop_separator (args);
  return command->run (command, args + 1);
}

static void
setup_process (void)
{
  g_set_prgname ("ninefold");
  /* main() may have bound the installed catalogs only; run from the build
   * folder (or with $NF_LOCALEDIR) the commands speak the user's language
   * too. */
  bindtextdomain (GETTEXT_PACKAGE, nf_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

int
nf_cli_run_without_window (int    argc,
                           char **argv)
{
  if (argc > 1 && nf_cli_is_subcommand (argv[1]))
    return nf_cli_run (argc, argv);

  setup_process ();
  return _nf_cli_usage_error (NULL, _("this ninefold was built without its window; it runs commands only"));
}

int
nf_cli_run (int    argc,
            char **argv)
{
  const NfCliCommand *command;
  const char *arg;

  setup_process ();

  if (argc < 2)
    return _nf_cli_usage_error (NULL, _("no command given"));
  arg = argv[1];

  if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
    {
      print_tool_help ();
      return NF_CLI_EXIT_OK;
    }
  if (g_str_equal (arg, "--version"))
    {
      g_print ("ninefold %s\n", NF_VERSION);
      return NF_CLI_EXIT_OK;
    }

  command = find_command (arg);
  if (command != NULL)
    return run_command (command, argv + 1);

  if (arg[0] == '-')
    return _nf_cli_usage_error (NULL, _("unknown option “%s”"), arg);
  return _nf_cli_usage_error (NULL, _("“%s” is not a ninefold command"), arg);
}
