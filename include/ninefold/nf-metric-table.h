/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "nf-block.h"
#include "nf-text.h"

G_BEGIN_DECLS

typedef enum {
  NF_COLUMN_TEXT,
  NF_COLUMN_NUMBER,
  NF_COLUMN_MONEY,
  NF_COLUMN_PERCENT,
  NF_COLUMN_COUNT,
  NF_COLUMN_YEAR,
} NfColumnType;

const char *nf_column_type_to_xml   (NfColumnType  type);
gboolean    nf_column_type_from_xml (const char   *name,
                                     NfColumnType *out_type);

/* A row's own citation: the source's id and the line, or the range of
 * lines line..line_end (line_end == line for one line; 0 and 0 for
 * none). */
typedef struct {
  char  *source;
  guint  line;
  guint  line_end;
} NfRowCite;

/* A cell keeps the text as written; the value is what it parses to.
 * `row_metric` is the explicit meaning key of the row (<row metric="…">),
 * kept on the row's first cell so that it travels with the row's cells
 * through every edit and its undo; NULL on other cells and unmapped rows.
 * Read it with nf_metric_table_get_row_metric(). */
typedef struct {
  char     *text;
  double    value;
  gboolean  has_value;
  char     *row_metric;
  NfText   *translations; /* `text` with its xml:lang variants, or NULL when it has none */
  NfRowCite *row_cite;    /* the row's own citation, kept like row_metric; NULL on others */
  /* The cell's own kind, where it differs from its column's (<cell
   * type="percent">, format 1.3): "85%" among counts. `unit` is its unit
   * (or ISO 4217 code) with its xml:lang variants, or NULL. */
  gboolean      has_type;
  NfColumnType  type;
  NfText       *unit;
} NfCell;

/* The cell's text for a reader of `lang` (as nf_text_for_language picks
 * it), or the text as written when `lang` is NULL or has no variant: the
 * one accessor every export and view reads a cell's words through. */
const char *nf_cell_get_text_for_language (const NfCell *cell,
                                           const char   *lang);

typedef struct {
  NfText       *name;
  NfColumnType  type;
  char         *unit;   /* a unit, or an ISO 4217 code for money; may be NULL */
  char         *metric; /* the explicit meaning key (metric="…"), or NULL */
} NfColumn;

/* The column as one cell reads it: its name and metric, with the cell's
 * own type and unit (as written) where the cell has a type. Shallow: it
 * points into `column` and `cell`, and is freed with neither. Whatever
 * reads a figure's kind or unit from its column reads it through this. */
NfColumn    nf_cell_get_column      (const NfCell   *cell,
                                     const NfColumn *column);
/* The cell's own unit for a reader of `lang` (as nf_text_for_language
 * picks it), or NULL when the cell has none. */
const char *nf_cell_get_unit_for_language (const NfCell *cell,
                                           const char   *lang);

/* An explicit meaning key: 1 to 64 of a-z, 0-9 and "-", as in
 * metric="revenue"; it aligns figures across canvases whatever their labels. */
gboolean    nf_metric_key_is_valid  (const char   *key);

#define NF_TYPE_METRIC_TABLE (nf_metric_table_get_type ())

G_DECLARE_FINAL_TYPE (NfMetricTable, nf_metric_table, NF, METRIC_TABLE, GObject)

/* Changed only through NfCanvas's edit functions; emits "changed" after
 * every change to its title, block, columns or cells. */
NfMetricTable  *nf_metric_table_new             (const char    *id,
                                                 NfText        *title);
NfMetricTable  *nf_metric_table_copy            (NfMetricTable *self,
                                                 const char    *new_id);
const char     *nf_metric_table_get_id          (NfMetricTable *self);
NfText         *nf_metric_table_get_title       (NfMetricTable *self);
NfBlock         nf_metric_table_get_block       (NfMetricTable *self);
const char     *nf_metric_table_get_cite_source (NfMetricTable *self);
guint           nf_metric_table_get_cite_line   (NfMetricTable *self);
/* The last line the table cites: the first for one line, 0 for none. */
guint           nf_metric_table_get_cite_line_end (NfMetricTable *self);
guint           nf_metric_table_get_n_columns   (NfMetricTable *self);
const NfColumn *nf_metric_table_get_column      (NfMetricTable *self,
                                                 guint          column);
guint           nf_metric_table_get_n_rows      (NfMetricTable *self);
const NfCell   *nf_metric_table_get_cell        (NfMetricTable *self,
                                                 guint          row,
                                                 guint          column);
/* The row's explicit meaning key, or NULL when the file gives none. */
const char     *nf_metric_table_get_row_metric  (NfMetricTable *self,
                                                 guint          row);
/* The row's own citation (<row><cell>…</cell><cite …/></row>), or NULL
 * when the row cites nothing of its own (the table's cite covers it). */
const NfRowCite *nf_metric_table_get_row_cite (NfMetricTable *self,
                                               guint          row);
/* The column's explicit meaning key, or NULL. */
const char     *nf_metric_table_get_column_metric (NfMetricTable *self,
                                                   guint          column);
gboolean        nf_metric_table_equal           (NfMetricTable *a,
                                                 NfMetricTable *b);

G_END_DECLS
