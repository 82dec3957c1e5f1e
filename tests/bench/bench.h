/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <ninefold.h>

G_BEGIN_DECLS

/* A canvas of n_notes notes, spread over the nine blocks, in mixed
 * English and Chinese, some with tags, colours and evidence levels, and a
 * few metric tables. The same seed gives the same canvas. Note ids are
 * `id_prefix` and a number, so two canvases with different prefixes share
 * no ids (different companies to nf_diff) and with the same prefix are
 * versions of one. Built without history, as the loader builds one. */
NfCanvas *bench_canvas_new       (guint        n_notes,
                                  guint32      seed,
                                  const char  *id_prefix);
/* A later version of `canvas`: about 5% of the notes reworded, 2% removed,
 * 2% added and 1% moved to another block, through the edit API. */
void      bench_canvas_edit      (NfCanvas    *canvas,
                                  guint32      seed);

/* Wall-clock milliseconds since some fixed point. */
double    bench_now_ms           (void);
/* CPU milliseconds this process has used so far. */
double    bench_cpu_ms           (void);
/* Peak resident memory of this process, in kB. */
glong     bench_peak_rss_kb      (void);
/* Sorts and returns the median of n values. */
double    bench_median           (double      *values,
                                  guint        n);

/* Each case prints "key value" lines for the driver to read:
 * ms (the median), floor_ms, reps, note and n/a. */
int       bench_run_case         (const char  *name,
                                  const char  *arg,
                                  const char  *work_dir);

G_END_DECLS
