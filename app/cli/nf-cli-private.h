/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <ninefold.h>

G_BEGIN_DECLS

typedef enum {
  NF_CLI_EXIT_OK      = 0,
  NF_CLI_EXIT_INVALID = 1,
  NF_CLI_EXIT_USAGE   = 2,
} NfCliExit;

typedef struct _NfCliCommand NfCliCommand;

struct _NfCliCommand {
  const char         *name;
  /* Untranslated (N_): GOptionContext translates them when it prints help,
   * with the domain set in _nf_cli_context_new(). */
  const char         *parameters;
  const char         *summary;
  const char         *description;
  const GOptionEntry *entries;
  /* Called after the options are parsed; args are the operands only. */
  int               (*run) (const NfCliCommand  *command,
                            char               **args);
};

extern const NfCliCommand _nf_cli_validate;
extern const NfCliCommand _nf_cli_info;
extern const NfCliCommand _nf_cli_convert;
extern const NfCliCommand _nf_cli_export;
extern const NfCliCommand _nf_cli_diff;
extern const NfCliCommand _nf_cli_check;
extern const NfCliCommand _nf_cli_merge;

GOptionContext *_nf_cli_context_new     (const NfCliCommand *command);
int             _nf_cli_usage_error     (const NfCliCommand *command,
                                         const char         *format,
                                         ...) G_GNUC_PRINTF (2, 3);
void            _nf_cli_error           (const GError       *error);
/* "ninefold: warning: …" on standard error. */
void            _nf_cli_warning         (const GError       *warning);

/* A canvas file or a write-up, told apart by content: canvases start with
 * `<?xml` or `<canvas`, anything else is handed to the importer. */
NfCanvas       *_nf_cli_load_any        (const char         *path,
                                         gboolean           *out_imported,
                                         GError            **error);

/* What the commands print: control characters escaped, and a failed
 * write of standard output reported (FALSE: the command fails). */
char           *_nf_cli_escape          (const char         *text,
                                         gssize              length);
gboolean        _nf_cli_print           (const char         *text);
void            _nf_cli_append_strings  (GString            *out,
                                         const char         *format,
                                         const char         *a,
                                         const char         *b,
                                         const char         *c);
gboolean        _nf_cli_write_stdout    (const char         *data,
                                         gsize               length);
/* Keeps `data` until the process exits, never freed: see nf-cli-util.c. */
void            _nf_cli_keep_until_exit (gpointer            data);

/* Terminal columns a string takes: CJK characters take two. */
guint           _nf_cli_display_width   (const char         *text);
void            _nf_cli_append_padded   (GString            *out,
                                         const char         *text,
                                         guint               width,
                                         gboolean            right);

char           *_nf_cli_wrap            (const char         *text,
                                         guint               width);

G_END_DECLS
