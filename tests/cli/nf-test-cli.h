/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every command-line test needs: running the built `ninefold` as a
 * user would, with no display, and the shipped cases. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  int   status;
  char *out;
  char *err;
} NfTestRun;

void       nf_test_run_free     (NfTestRun *run);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NfTestRun, nf_test_run_free)

/* Takes the binary's path from argv[1] (after g_test_init); FALSE with a
 * usage line printed when it is missing. */
gboolean   nf_test_cli_init     (int    argc,
                                 char **argv);

/* Runs ninefold with `args` (NULL-terminated). Standard output goes to
 * `stdout_path` when given, else is captured in `out`. */
NfTestRun *nf_test_run_to       (const char         *stdout_path,
                                 const char * const *args);
/* As nf_test_run_to, in folder `cwd` (NULL: this one). */
NfTestRun *nf_test_run_in       (const char         *cwd,
                                 const char         *stdout_path,
                                 const char * const *args);
NfTestRun *nf_test_run          (const char *first,
                                 ...) G_GNUC_NULL_TERMINATED;

/* The shipped cases, sorted; NULL (and the test skipped) if there are none. */
GPtrArray *nf_test_case_files   (void);

#define NF_RUN(...) nf_test_run_to (NULL, (const char * const []) { __VA_ARGS__, NULL })
#define NF_RUN_TO(path, ...) nf_test_run_to (path, (const char * const []) { __VA_ARGS__, NULL })

G_END_DECLS
