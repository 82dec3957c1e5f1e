/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Standard error held back while a library that prints its own failures
 * works (libxlsxwriter's "[ERROR] workbook_close(): …"): we say the same
 * failure once, with the file's name. What else is written meanwhile
 * (another thread's warning) is passed on when the hold ends; the lines
 * starting with one of `drop` are not. One hold at a time in a process:
 * a second waits. */
typedef struct _NfStderrHold NfStderrHold;

NfStderrHold *_nf_stderr_hold_begin (void);
void          _nf_stderr_hold_end   (NfStderrHold       *hold,
                                     const char * const *drop);

G_END_DECLS
