/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the checks of nf-check.c and nf-check-totals.c share: the figures
 * read from notes and cells, and the findings being made. */

#include "nf-check.h"
#include "nf-metric-table.h"
#include "nf-number.h"

G_BEGIN_DECLS

/* A figure found in a note's or a cell's text. */
typedef struct {
  char     *text;     /* as written: "over 1 million registered users" */
  char     *digits;   /* the number's digits, separators dropped: "1", "5600000" */
  char     *key;      /* what it measures, folded, or NULL when the text does not say */
  char     *clause;   /* the clause it stands in, folded: what else it may be about */
  NfNumber  number;
} Figure;

/* Where a figure stands, for conflicts between notes and tables. */
typedef struct {
  const char *subject;
  Figure     *figure;
} Stated;

typedef struct {
  NfCanvas   *canvas;
  GPtrArray  *findings;
  GHashTable *sources;  /* id → GStrv of lines, or NULL when not found */
  GHashTable *n_lines;  /* GStrv → its length, counted once */
  guint64     n_scans;  /* source lines read for figures so far */
  gboolean    scans_spent; /* citations past CITE_SCAN_BUDGET were not checked */
  GPtrArray  *strings;  /* subjects kept alive */
} Check;

NfCheckFinding *_nf_check_add            (Check       *check,
                                          NfCheckKind  kind,
                                          const char  *subject,
                                          char        *message);
gboolean        _nf_check_is_marked      (NfCanvas    *canvas,
                                          const char  *a,
                                          const char  *b);
gboolean        _nf_check_is_filler      (const char  *word);
/* Every figure of a text, as an array of Figure. */
GArray         *_nf_check_find_figures   (const char  *text);
void            _nf_check_figure_clear   (gpointer     figure);
char           *_nf_check_canonical_key  (const char  *key);

/* Parts against their wholes: a table's Total row or column, a total a
 * note or another table states, shares against 100 %. `stated` holds the
 * notes' figures and every table row's, by subject. */
void            _nf_check_totals         (Check         *check,
                                          NfMetricTable *table,
                                          const char    *table_id,
                                          GArray        *note_stated);

G_END_DECLS
