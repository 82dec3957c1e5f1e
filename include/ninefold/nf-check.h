/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nf-canvas.h"

G_BEGIN_DECLS

/* What a check of a canvas against itself and its sources can find. */
typedef enum {
  NF_CHECK_CONFLICT,      /* one measure stated with different values */
  NF_CHECK_TOTAL,         /* a table's parts do not add up to its total */
  NF_CHECK_NOT_CITED,     /* a number the cited line does not have */
  NF_CHECK_WRONG_LINE,    /* the number is on a nearby line instead */
  NF_CHECK_KIND_DROPPED,  /* a cell names a currency, percent or unit its column drops */
  NF_CHECK_NO_SOURCE,     /* a note citing nothing in a canvas with sources */
  NF_CHECK_MERGE,         /* a merge left two versions to choose between (<conflicts>) */
  NF_CHECK_SOURCE_MISSING, /* a source file that is not where its address says */
} NfCheckKind;

typedef struct {
  NfCheckKind  kind;
  char        *subject;  /* "n35", "t3 row 2", "t3" */
  char        *message;  /* translated, names the other side where there is one */
  char        *other;    /* the other side ("n54", "t3"), or NULL */
  gboolean     marked;   /* a conflict the canvas marks as such: said, not a finding */
} NfCheckFinding;

/* The id of the note or table a subject or other side names ("t3" for
 * "t3 row 2"), and the row from 1 (0 for none). */
char *nf_check_subject_id (const char *subject,
                           guint      *out_row);

void nf_check_finding_free (NfCheckFinding *finding);

/* Checks a canvas: figures that disagree across notes and tables, totals,
 * cells whose text says more than their column keeps, notes citing
 * nothing, and, for every source whose file is found (its address taken
 * relative to each of source_dirs, in order), that each number of a note
 * or table row is on the line it cites. A source that is not found is
 * said in out_infos (translated strings), and its citations are not
 * checked. Conservative: a finding is meant to be worth a look. */
GPtrArray *nf_check_canvas (NfCanvas           *canvas,
                            const char * const *source_dirs,
                            GPtrArray         **out_infos);

G_END_DECLS
