/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The command line: `ninefold validate | info | convert | help`. It runs
 * without GTK, so it works on a server, in CI and with no display. */

/* Whether `arg` (argv[1]) belongs to the command line rather than the
 * window: a subcommand, a command-line option, or something that reads
 * as a mistyped one (an option the window does not take, or a bare word
 * that names no file) — those get a usage error instead of a window
 * complaining it cannot open “valdiate”. */
gboolean nf_cli_is_subcommand (const char  *arg);

/* Runs the command in argv[1] and returns the process's exit status:
 * 0 done, 1 invalid input, 2 usage error. */
int      nf_cli_run           (int          argc,
                               char       **argv);

/* The program built without its window (-Dgui=disabled): a command runs
 * as with nf_cli_run(); anything else (no arguments, file names) is a
 * usage error that says the window is missing, status 2. */
int      nf_cli_run_without_window (int     argc,
                                    char  **argv);

G_END_DECLS
