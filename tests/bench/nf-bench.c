/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-bench"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>

#include <glib/gstdio.h>
#ifdef G_OS_UNIX
#include <sys/resource.h>
#include <sys/wait.h>
#endif

#include "bench.h"

/* The benchmark driver. `nf-bench` runs every case in a process of its
 * own (so each has its own peak memory), reads what it prints and writes
 * one Markdown table with the targets of issue 7 and whether they hold.
 * `nf-bench --case NAME [ARG] WORKDIR` runs one case. */

typedef struct {
  GHashTable *values;   /* key → double, as the case printed them */
  char       *na;       /* why the row has no numbers, or NULL */
  gboolean    skipped;  /* left out by NF_BENCH_ONLY */
} Result;

static char *self_dir;
static char *self_path;
static guint n_failed;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->values, g_hash_table_unref);
  g_clear_pointer (&r->na, g_free);
  r->skipped = FALSE;
}

/* NF_BENCH_ONLY=load,grid,… runs only those cases (load, load-marks, check, save, grid, resize, drag,
 * diff-cases, diff-versions, diff-companies, diff-tables, merge, themes, import, pdf, startup, commands,
 * window-memory):
 * profiling one thing should not wait for all the others. */
static gboolean
wanted (const char *name)
{
  const char *only = g_getenv ("NF_BENCH_ONLY");
  g_auto(GStrv) names = NULL;

  /* The canvases the rows read are made whatever is picked. */
  if (only == NULL || *only == '\0' || g_str_equal (name, "gen"))
    return TRUE;
  names = g_strsplit (only, ",", -1);
  return g_strv_contains ((const char * const *) names, name);
}

static double
get (Result     *r,
     const char *key)
{
  double *v = r->values ? g_hash_table_lookup (r->values, key) : NULL;

  return v ? *v : NAN;
}

static void
parse_output (Result     *r,
              const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  r->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *space = strchr (lines[i], ' ');

      if (g_str_has_prefix (lines[i], "n/a "))
        {
          g_free (r->na);
          r->na = g_strdup (lines[i] + 4);
        }
      else if (space != NULL)
        {
          double *v = g_new (double, 1);

          *v = g_ascii_strtod (space + 1, NULL);
          g_hash_table_insert (r->values, g_strndup (lines[i], (gsize) (space - lines[i])), v);
        }
    }
}

static void
run_case (Result     *r,
          const char *name,
          const char *arg,
          const char *work_dir)
{
  const char *argv[] = { self_path, "--case", name, arg ? arg : "-", work_dir, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!wanted (name))
    {
      r->skipped = TRUE;
      return;
    }

  g_printerr ("  %s %s…\n", name, arg ? arg : "");
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      r->na = g_strdup_printf ("failed: %s", error->message);
      g_printerr ("%s", err ? err : "");
      return;
    }
  parse_output (r, out);
}

/* Start-up: from starting the program to its first painted frame, as the
 * program reports it on the same monotonic clock. */
/* The "peak_kb N" line a program printed, or NAN. */
static double
peak_kb_of (const char *out)
{
  const char *line = strstr (out, "peak_kb ");

  return line ? g_ascii_strtod (line + strlen ("peak_kb "), NULL) : NAN;
}

/* The window's memory (issue 18): `nf-bench-startup FILE` opens the file,
 * shows it in the editor, paints it and prints its peak resident memory. */
static double
run_window_memory (const char  *file,
                   char       **out_error)
{
  g_autofree char *path = g_build_filename (self_dir, "nf-bench-startup", NULL);
  const char *argv[] = { path, file, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      *out_error = g_strdup (error->message);
      return NAN;
    }
  return peak_kb_of (out);
}

/* One start of `program` (with `args`, or none): milliseconds to its first
 * frame; its output in `out_text` when asked for. */
/* CPU time (user + system, ms) of the children reaped so far. */
static double
children_cpu_ms (void)
{
#ifdef G_OS_UNIX
  struct rusage usage;

  if (getrusage (RUSAGE_CHILDREN, &usage) == 0)
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
#endif
  return NAN;
}

static double
run_startup_once (const char  *program,
                  const char  *width,
                  const char  *height,
                  char       **out_text,
                  double      *out_cpu_ms,
                  char       **out_error)
{
  double cpu = children_cpu_ms ();
  g_autofree char *path = g_build_filename (self_dir, program, NULL);
  const char *argv[] = { path, width, height, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  const char *line;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      *out_error = g_strdup (error->message);
      return NAN;
    }
  line = strstr (out, "first_frame_us ");
  if (line == NULL)
    {
      *out_error = g_strdup ("no frame was painted");
      return NAN;
    }
  /* g_spawn_sync() has reaped the program: its threads' CPU time is in. */
  *out_cpu_ms = children_cpu_ms () - cpu;
  if (out_text != NULL)
    {
      g_free (*out_text);
      *out_text = g_strdup (out);
    }
  return (g_ascii_strtoll (line + strlen ("first_frame_us "), NULL, 10) - start) / 1000.0;
}

/* Start-up against a bare GTK window of the size Ninefold's window had
 * (the app's own default: the bench runs with settings in memory). */
static void
run_startup (Result *r)
{
  double ours[11], bare[11], ours_cpu[11], bare_cpu[11], peak_kb = NAN;
  double adw[11], adw_cpu[11];
  guint n = G_N_ELEMENTS (ours);
  char width[16] = "1280", height[16] = "720";
  guint view_layouts = G_MAXUINT;

  if (!wanted ("startup"))
    {
      r->skipped = TRUE;
      return;
    }
  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    {
      r->na = g_strdup ("no display (run-bench.sh runs it under xvfb-run)");
      return;
    }
  g_printerr ("  start-up…\n");
  /* Alternating, and one of each first to warm the disk cache. */
  for (guint i = 0; i <= n; i++)
    {
      char *error = NULL;
      g_autofree char *text = NULL;
      double a_cpu = NAN, b_cpu = NAN, c_cpu = NAN;
      double a = run_startup_once ("nf-bench-startup", NULL, NULL, &text, &a_cpu, &error);
      double b, c = NAN;
      const char *line;

      if (text != NULL)
        {
          int w, h;

          peak_kb = peak_kb_of (text);
          if ((line = strstr (text, "window ")) != NULL &&
              sscanf (line, "window %dx%d", &w, &h) == 2 && w > 0 && h > 0)
            {
              g_snprintf (width, sizeof width, "%d", w);
              g_snprintf (height, sizeof height, "%d", h);
            }
          if ((line = strstr (text, "view_layouts ")) != NULL)
            view_layouts = (guint) g_ascii_strtoull (line + strlen ("view_layouts "), NULL, 10);
        }
      b = isnan (a) ? NAN : run_startup_once ("nf-bench-bare-window", width, height, NULL, &b_cpu, &error);
      if (error == NULL)
        c = run_startup_once ("nf-bench-bare-adw-window", width, height, NULL, &c_cpu, &error);
      if (error != NULL)
        {
          r->na = g_strdup_printf ("failed: %s", error);
          g_free (error);
          return;
        }
      if (i > 0)
        {
          ours[i - 1] = a;
          bare[i - 1] = b;
          ours_cpu[i - 1] = a_cpu;
          bare_cpu[i - 1] = b_cpu;
          adw[i - 1] = c;
          adw_cpu[i - 1] = c_cpu;
        }
    }
  /* Whether the first frame showed the layout the start-up thread made,
   * as a user's does, or laid the case out again. */
  g_printerr ("  start-up window %sx%s; the case's view laid it out itself %u time(s)\n",
              width, height, view_layouts);
  r->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (r->values, g_strdup ("ms"), g_memdup2 (&(double) { bench_median (ours, n) }, sizeof (double)));
  g_hash_table_insert (r->values, g_strdup ("floor_ms"), g_memdup2 (&(double) { bench_median (bare, n) }, sizeof (double)));
  g_hash_table_insert (r->values, g_strdup ("reps"), g_memdup2 (&(double) { n }, sizeof (double)));
  g_hash_table_insert (r->values, g_strdup ("peak_kb"), g_memdup2 (&peak_kb, sizeof (double)));
  g_hash_table_insert (r->values, g_strdup ("cpu_ms"), g_memdup2 (&(double) { bench_median (ours_cpu, n) }, sizeof (double)));
  g_hash_table_insert (r->values, g_strdup ("floor_cpu_ms"), g_memdup2 (&(double) { bench_median (bare_cpu, n) }, sizeof (double)));
  g_hash_table_insert (r->values, g_strdup ("adw_ms"), g_memdup2 (&(double) { bench_median (adw, n) }, sizeof (double)));
  g_hash_table_insert (r->values, g_strdup ("adw_cpu_ms"), g_memdup2 (&(double) { bench_median (adw_cpu, n) }, sizeof (double)));
}


/* The window showing the 100,000-note canvas: its peak resident memory,
 * and what it adds to the window with the cases (the start-up row's
 * peak), against the file's size: the target is under 8×. */
static void
print_window_memory (const char *work_dir,
                     double      startup_kb)
{
  g_autofree char *file = g_build_filename (work_dir, "notes-100000.ninefold", NULL);
  char *error = NULL;
  GStatBuf st;
  double kb, added_mb, file_mb;
  gboolean pass;

  if (!wanted ("window-memory"))
    return;
  if (!g_getenv ("DISPLAY") && !g_getenv ("WAYLAND_DISPLAY"))
    {
      g_print ("| window showing a 100,000-note canvas | n/a (no display) | | | | < 8× the file | n/a |\n");
      return;
    }
  g_printerr ("  window memory…\n");
  kb = run_window_memory (file, &error);
  if (isnan (kb) || isnan (startup_kb) || g_stat (file, &st) != 0)
    {
      g_print ("| window showing a 100,000-note canvas | n/a (%s) | | | | < 8× the file | n/a |\n",
               error ? error : "no peak memory printed");
      g_free (error);
      return;
    }
  file_mb = st.st_size / (1024.0 * 1024.0);
  added_mb = (kb - startup_kb) / 1024.0;
  pass = added_mb < 8 * file_mb;
  if (!pass)
    n_failed++;
  g_print ("| window showing a 100,000-note canvas (%.1f MB), peak RSS over the window with the "
           "cases (%.0f MB) | +%.0f MB | — | %.2f× the file | %.0f MB | < 8× the file | %s |\n",
           file_mb, startup_kb / 1024, added_mb, added_mb / file_mb, kb / 1024,
           pass ? "pass" : "**FAIL**");
}

/* --- the table ------------------------------------------------------ */

typedef enum {
  FLOOR_NONE,
  FLOOR_SLOWER,   /* the floor is the faster one: show ours / floor */
  FLOOR_FASTER,   /* the floor is the naive one: show floor / ours */
} FloorKind;

typedef struct {
  double    max_ms;       /* 0: none */
  double    max_ratio;    /* ours / floor, FLOOR_SLOWER; 0: none */
  double    min_speedup;  /* floor / ours, FLOOR_FASTER; 0: none */
  double    max_peak_mb;  /* 0: none */
} Target;

static char *
format_ms (double ms)
{
  if (isnan (ms))
    return g_strdup ("—");
  if (ms >= 1000)
    return g_strdup_printf ("%.2f s", ms / 1000);
  if (ms >= 100)
    return g_strdup_printf ("%.0f ms", ms);
  if (ms >= 10)
    return g_strdup_printf ("%.1f ms", ms);
  return g_strdup_printf ("%.2f ms", ms);
}

static void
print_row (const char   *label,
           Result       *r,
           const char   *floor_name,
           FloorKind     floor_kind,
           const Target *target)
{
  g_autoptr(GString) want = g_string_new (NULL);
  g_autofree char *ms = NULL, *floor_ms = NULL, *ratio = NULL, *peak = NULL;
  double t = get (r, "ms"), f = get (r, "floor_ms"), kb = get (r, "peak_kb");
  gboolean pass = TRUE;

  if (r->skipped)
    return;

  if (target->max_ratio > 0)
    g_string_append_printf (want, "≤ %g× %s", target->max_ratio, floor_name);
  if (target->min_speedup > 0)
    g_string_append_printf (want, "≥ %g× faster than %s", target->min_speedup, floor_name);
  if (target->max_ms > 0)
    g_string_append_printf (want, "%s< %g ms", want->len ? ", " : "", target->max_ms);
  if (target->max_peak_mb > 0)
    g_string_append_printf (want, "%s< %g MB peak", want->len ? ", " : "", target->max_peak_mb);

  if (r->na != NULL)
    {
      g_print ("| %s | n/a (%s) | | | | %s | %s |\n", label, r->na,
               want->len ? want->str : "—", want->len ? "n/a" : "");
      return;
    }

  ms = format_ms (t);
  if (floor_kind != FLOOR_NONE && !isnan (f))
    {
      g_autofree char *fs = format_ms (f);

      floor_ms = g_strdup_printf ("%s %s", floor_name, fs);
      if (floor_kind == FLOOR_SLOWER)
        ratio = g_strdup_printf ("%.2f×", t / f);
      else
        ratio = g_strdup_printf ("%.2f× as fast", f / t);
    }
  peak = isnan (kb) || kb < 0 ? g_strdup ("—") : g_strdup_printf ("%.0f MB", kb / 1024);

  /* Which parts of a target with several miss, when some hold. */
  {
    g_autoptr(GString) missed = g_string_new (NULL);
    guint n_parts = 0;

    if (target->max_ms > 0 && ++n_parts && !(t < target->max_ms))
      g_string_append (missed, missed->len ? ", time" : "time");
    if (target->max_ratio > 0 && ++n_parts && !(t / f <= target->max_ratio))
      g_string_append (missed, missed->len ? ", ratio" : "ratio");
    if (target->min_speedup > 0 && ++n_parts && !(f / t >= target->min_speedup))
      g_string_append (missed, missed->len ? ", ratio" : "ratio");
    if (target->max_peak_mb > 0 && ++n_parts && !(kb / 1024 < target->max_peak_mb))
      g_string_append (missed, missed->len ? ", memory" : "memory");
    pass = missed->len == 0;
    if (!pass)
      n_failed++;

    g_print ("| %s | %s | %s | %s | %s | %s | %s%s%s%s |\n", label, ms,
             floor_ms ? floor_ms : "—", ratio ? ratio : "—", peak,
             want->len ? want->str : "—",
             want->len == 0 ? "" : pass ? "pass" : "**FAIL**",
             !pass && n_parts > 1 ? " (" : "", !pass && n_parts > 1 ? missed->str : "",
             !pass && n_parts > 1 ? ")" : "");
  }
}

/* A row of two figures the start-up row measured, one the other's floor,
 * with no target. */
static void
print_pair (const char *label,
            double      ms,
            const char *floor_name,
            double      floor_ms)
{
  Result pair = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free) };

  g_hash_table_insert (pair.values, g_strdup ("ms"), g_memdup2 (&ms, sizeof ms));
  g_hash_table_insert (pair.values, g_strdup ("floor_ms"), g_memdup2 (&floor_ms, sizeof floor_ms));
  print_row (label, &pair, floor_name, FLOOR_SLOWER, &(Target) { 0 });
  result_clear (&pair);
}

/* The start-up row once more against the second floor, the bare
 * libadwaita window, and that floor against the first, wall clock and CPU
 * time: what libadwaita's own start-up costs, which the 1.25× target
 * against the bare GTK window has to leave room for. */
static void
print_startup_adw_rows (Result *r)
{
  if (r->skipped || r->na != NULL || isnan (get (r, "adw_ms")))
    return;
  print_pair ("start-up to first frame, a case open", get (r, "ms"),
              "bare libadwaita window", get (r, "adw_ms"));
  print_pair ("bare libadwaita window (AdwApplication, header bar)", get (r, "adw_ms"),
              "bare GTK window", get (r, "floor_ms"));
  print_pair ("start-up to first frame (CPU time, all threads)", get (r, "cpu_ms"),
              "bare libadwaita window", get (r, "adw_cpu_ms"));
  print_pair ("bare libadwaita window (CPU time, all threads)", get (r, "adw_cpu_ms"),
              "bare GTK window", get (r, "floor_cpu_ms"));
}

/* The row's medians become its CPU-time medians. */
static void
use_cpu_times (Result *r)
{
  if (r->values == NULL)
    return;
  g_hash_table_insert (r->values, g_strdup ("ms"),
                       g_memdup2 (&(double) { get (r, "cpu_ms") }, sizeof (double)));
  g_hash_table_insert (r->values, g_strdup ("floor_ms"),
                       g_memdup2 (&(double) { get (r, "floor_cpu_ms") }, sizeof (double)));
  g_hash_table_insert (r->values, g_strdup ("peak_kb"),
                       g_memdup2 (&(double) { NAN }, sizeof (double)));
}

/* A deck's row again in CPU time over its threads, without a target:
 * the targets are wall-clock, but a shared machine's wall clock is not
 * a fair reading and CPU time is. */
static void
print_pdf_cpu (const char *label,
               Result     *r)
{
  g_autofree char *cpu_label = g_strdup_printf ("%s (CPU time, all threads)", label);

  if (r->skipped || r->na != NULL || isnan (get (r, "cpu_ms")))
    return;
  use_cpu_times (r);
  print_row (cpu_label, r, NULL, FLOOR_NONE, &(Target) { 0 });
}

/* A canvas of `n_notes` notes "We had N staff.", N from 101 up. */
static void
write_staff_canvas (const char *path,
                    guint       n_notes)
{
  static const char * const kinds[] = { "key-partners", "key-activities", "key-resources",
                                        "value-propositions", "customer-relationships",
                                        "channels", "customer-segments", "cost-structure",
                                        "revenue-streams" };
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.2\" "
                                         "xml:lang=\"en\">\n  <metadata>\n    <company>Staff</company>\n"
                                         "    <title>One measure</title>\n  </metadata>\n");
  g_autoptr(GError) error = NULL;
  guint n = 0;

  for (guint b = 0; b < G_N_ELEMENTS (kinds); b++)
    {
      g_string_append_printf (xml, "  <block kind=\"%s\">\n", kinds[b]);
      for (; n < n_notes * (b + 1) / G_N_ELEMENTS (kinds); n++)
        g_string_append_printf (xml, "    <note id=\"n%u\"><text>We had %u staff.</text></note>\n",
                                n + 1, n + 101);
      g_string_append (xml, "  </block>\n");
    }
  g_string_append (xml, "</canvas>\n");
  if (!g_file_set_contents (path, xml->str, xml->len, &error))
    g_error ("%s", error->message);
}

/* A canvas of `n_notes` notes, each marked as conflicting with the
 * `per_note` notes after it (cyclically). */
static void
write_marks_canvas (const char *path,
                    guint       n_notes,
                    guint       per_note)
{
  static const char * const kinds[] = { "key-partners", "key-activities", "key-resources",
                                        "value-propositions", "customer-relationships",
                                        "channels", "customer-segments", "cost-structure",
                                        "revenue-streams" };
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.2\" "
                                         "xml:lang=\"en\">\n  <metadata>\n    <company>Marks</company>\n"
                                         "    <title>Many conflict marks</title>\n  </metadata>\n");
  g_autoptr(GError) error = NULL;
  guint n = 0;

  for (guint b = 0; b < G_N_ELEMENTS (kinds); b++)
    {
      g_string_append_printf (xml, "  <block kind=\"%s\">\n", kinds[b]);
      for (; n < n_notes * (b + 1) / G_N_ELEMENTS (kinds); n++)
        {
          g_string_append_printf (xml, "    <note id=\"n%u\">\n      <text>Note %u</text>\n", n + 1, n + 1);
          for (guint k = 1; k <= per_note; k++)
            g_string_append_printf (xml, "      <contradicts note=\"n%u\"/>\n", (n + k) % n_notes + 1);
          g_string_append (xml, "    </note>\n");
        }
      g_string_append (xml, "  </block>\n");
    }
  g_string_append (xml, "</canvas>\n");
  if (!g_file_set_contents (path, xml->str, xml->len, &error))
    g_error ("%s", error->message);
}

/* Three canvases at the limit of 100,000 table cells, every cell a
 * figure (10 tables of 10,000 rows of one unlabelled number column: the
 * most figures a diff can be given), the figures of each canvas
 * different. The worst diff a legal canvas allows. */
static void
write_rows_canvas (const char *path,
                   guint       seed)
{
  static const char * const kinds[] = { "key-activities", "key-resources",
                                        "value-propositions", "customer-relationships",
                                        "channels", "customer-segments", "cost-structure",
                                        "revenue-streams" };
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" "
                                         "xml:lang=\"en\"><metadata><company>Tables</company>"
                                         "<title>T</title></metadata><block kind=\"key-partners\">"
                                         "<note id=\"n1\"><text>Dealers of Tables.</text></note></block>");
  g_autoptr(GError) error = NULL;

  for (guint b = 0; b < G_N_ELEMENTS (kinds); b++)
    g_string_append_printf (xml, "<block kind=\"%s\"/>", kinds[b]);
  g_string_append (xml, "<metrics>");
  for (guint t = 0; t < NF_CANVAS_MAX_CELLS / 10000; t++)
    {
      g_string_append_printf (xml, "<table id=\"t%u\" block=\"revenue-streams\"><title>T %u</title>"
                              "<column type=\"number\"><name>c</name></column>", t + 1, t + 1);
      for (guint r = 0; r < 10000; r++)
        {
          guint v = (r * 7919 + seed * 104729) % 100000 + 1;

          g_string_append_printf (xml, "<row><cell value=\"%u\">%u</cell></row>", v, v);
        }
      g_string_append (xml, "</table>");
    }
  g_string_append (xml, "</metrics></canvas>");
  if (!g_file_set_contents (path, xml->str, xml->len, &error))
    g_error ("%s", error->message);
}

/* A whole `ninefold` command as a user runs it, its output thrown away:
 * its CPU time (user + system, all threads) and peak memory, from the
 * child's own resource usage. NAN when it could not run. */
static double
run_command_cpu (const char * const *args,
                 double             *out_peak_kb)
{
#ifdef G_OS_UNIX
  g_autofree char *ninefold = g_build_filename (self_dir, "..", "..", "app", "ninefold", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  GPid pid;
  int status;

  g_ptr_array_add (argv, ninefold);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_async (NULL, (char **) argv->pdata, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    return NAN;
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) > 1)
    return NAN;
  g_spawn_close_pid (pid);
  *out_peak_kb = MAX (*out_peak_kb, (double) usage.ru_maxrss);
  return usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3 +
         usage.ru_stime.tv_sec * 1e3 + usage.ru_stime.tv_usec / 1e3;
#else
  return NAN;
#endif
}

/* Issue 19's two commands that missed the second as a whole process:
 * `ninefold check` of 100,000 notes of one measure and `ninefold diff`
 * of three canvases at the table-cell limit, judged in CPU time (a busy machine's
 * wall clock is no fair reading), against `ninefold validate` of the same
 * files (the same start-up and loading, nothing else). */
static void
run_commands (const char *work_dir)
{
  g_autofree char *staff = g_build_filename (work_dir, "staff-100000.ninefold", NULL);
  char *rows[3];
  struct {
    const char *label;
    const char *args[5];
    const char *floor[5];
  } commands[2];

  if (!wanted ("commands"))
    return;
  write_staff_canvas (staff, 100000);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("rows-%u.ninefold", i);

      rows[i] = g_build_filename (work_dir, name, NULL);
      write_rows_canvas (rows[i], i);
    }
  commands[0] = (typeof (commands[0])) {
    "`ninefold check`, 100,000 notes of one measure, whole process, CPU time",
    { "check", staff, NULL }, { "validate", staff, NULL } };
  commands[1] = (typeof (commands[1])) {
    "`ninefold diff` of three canvases at the limit (100,000 figures each), whole process, CPU time",
    { "diff", rows[0], rows[1], rows[2], NULL }, { "validate", rows[0], rows[1], rows[2], NULL } };
  g_printerr ("  whole commands…\n");
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      double ours[5], floor[5], peak_kb = 0, floor_peak_kb = 0;
      Result r = { 0 };

      for (guint i = 0; i < G_N_ELEMENTS (ours); i++)
        {
          ours[i] = run_command_cpu (commands[c].args, &peak_kb);
          floor[i] = run_command_cpu (commands[c].floor, &floor_peak_kb);
        }
      r.values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (r.values, g_strdup ("ms"),
                           g_memdup2 (&(double) { bench_median (ours, G_N_ELEMENTS (ours)) }, sizeof (double)));
      g_hash_table_insert (r.values, g_strdup ("floor_ms"),
                           g_memdup2 (&(double) { bench_median (floor, G_N_ELEMENTS (floor)) }, sizeof (double)));
      g_hash_table_insert (r.values, g_strdup ("peak_kb"), g_memdup2 (&peak_kb, sizeof (double)));
      if (isnan (get (&r, "ms")))
        r.na = g_strdup ("the command failed");
      print_row (commands[c].label, &r, "validate", FLOOR_SLOWER,
                 &(Target) { .max_ms = 1000, .max_peak_mb = 200 });
      result_clear (&r);
    }
  for (guint i = 0; i < 3; i++)
    {
      g_unlink (rows[i]);
      g_free (rows[i]);
    }
}

static int
run_all (void)
{
  static const guint sizes[] = { 100, 1000, 10000, 100000 };
  static const guint grid_sizes[] = { 36, 200, 1000 };
  static const guint resize_sizes[] = { 200, 1000, 10000 };
  g_autoptr(GError) error = NULL;
  g_autofree char *work_dir = g_dir_make_tmp ("nf-bench-XXXXXX", &error);
  Result r = { 0 };

  if (work_dir == NULL)
    g_error ("%s", error->message);

  g_printerr ("Generating canvases in %s…\n", work_dir);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", sizes[i]);

      run_case (&r, "gen", n, work_dir);
      if (r.na != NULL)
        g_error ("could not generate a canvas of %s notes: %s", n, r.na);
      result_clear (&r);
    }

  g_printerr ("Running…\n");
  g_print ("| Case | Median | Floor | Ratio | Peak RSS | Target | Result |\n");
  g_print ("|---|---:|---:|---:|---:|---|---|\n");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("notes-%u.ninefold", sizes[i]);
      g_autofree char *path = g_build_filename (work_dir, name, NULL);
      g_autofree char *label = NULL;
      /* Issue 18: within 3× libxml2's streaming reader over the same
       * bytes from 1,000 notes up (at 100 notes the process's fixed
       * costs dominate), and at 100,000 notes a peak under 4× the
       * file's size (the program, the file's bytes and the canvas). */
      Target target = { .max_ratio = sizes[i] >= 1000 ? 3 : 0 };

      run_case (&r, "load", path, work_dir);
      if (sizes[i] == 100000)
        {
          target.max_ms = 1500;
          target.max_peak_mb = 4 * get (&r, "bytes") / (1024 * 1024);
        }
      label = g_strdup_printf ("load + validate, %u notes (%.1f MB; the load's peak %.0f B/note)",
                               sizes[i], get (&r, "bytes") / 1e6, get (&r, "bytes_per_note"));
      /* Wall clock (the 1.5 s and the memory), then the ratio in CPU
       * time, which waiting for a shared CPU does not blur. */
      print_row (label, &r, "streaming reader", FLOOR_SLOWER,
                 &(Target) { .max_ms = target.max_ms, .max_peak_mb = target.max_peak_mb });
      g_clear_pointer (&label, g_free);
      label = g_strdup_printf ("load + validate, %u notes, CPU time", sizes[i]);
      use_cpu_times (&r);
      print_row (label, &r, "streaming reader", FLOOR_SLOWER,
                 &(Target) { .max_ratio = target.max_ratio });
      result_clear (&r);
    }
  /* Issue 19: 500,000 conflict marks, 500 on each of 1,000 notes (12.5
   * MB), once 1.05 s to validate: each mark was looked for among the
   * note's earlier ones. Judged in CPU time. */
  if (wanted ("load-marks"))
    {
      g_autofree char *path = g_build_filename (work_dir, "marks-500000.ninefold", NULL);

      write_marks_canvas (path, 1000, 500);
      run_case (&r, "load-marks", path, work_dir);
      print_row ("load + validate, 500,000 conflict marks on 1,000 notes", &r, "streaming reader",
                 FLOOR_SLOWER, &(Target) { .max_peak_mb = 200 });
      use_cpu_times (&r);
      print_row ("load + validate, 500,000 conflict marks on 1,000 notes, CPU time", &r,
                 "streaming reader", FLOOR_SLOWER, &(Target) { .max_ms = 1000 });
      result_clear (&r);
    }
  /* Issue 19: 100,000 notes stating one measure, each with its own value
   * (2.1 s of CPU once, half of it parsing the notes' figures). Judged in
   * CPU time, against loading the canvas. */
  run_commands (work_dir);
  if (wanted ("check"))
    {
      g_autofree char *path = g_build_filename (work_dir, "staff-100000.ninefold", NULL);

      write_staff_canvas (path, 100000);
      run_case (&r, "check", path, work_dir);
      use_cpu_times (&r);
      print_row ("check, 100,000 notes of one measure, CPU time", &r, "loading it",
                 FLOOR_SLOWER, &(Target) { .max_ms = 1000 });
      result_clear (&r);
    }
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("notes-%u.ninefold", sizes[i]);
      g_autofree char *path = g_build_filename (work_dir, name, NULL);
      g_autofree char *label = g_strdup_printf ("save, %u notes", sizes[i]);
      /* Issue 18: a save (canonical bytes, read back and compared, the
       * atomic replace) within 2× xmlTextWriter writing the same tree
       * through the same atomic replace. */
      Target target = { .max_ratio = sizes[i] == 100000 ? 2 : 0 };

      run_case (&r, "save", path, work_dir);
      print_row (label, &r, "xmlTextWriter", FLOOR_SLOWER, &(Target) { 0 });
      g_clear_pointer (&label, g_free);
      label = g_strdup_printf ("save, %u notes, CPU time", sizes[i]);
      use_cpu_times (&r);
      print_row (label, &r, "xmlTextWriter", FLOOR_SLOWER, &target);
      result_clear (&r);
    }
  for (guint i = 0; i < G_N_ELEMENTS (grid_sizes); i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", grid_sizes[i]);
      g_autofree char *label = NULL;
      Target target = { 0 };

      if (grid_sizes[i] == 200)
        target = (Target) { .min_speedup = 5, .max_ms = 4 };
      else if (grid_sizes[i] == 1000)
        target = (Target) { .max_ms = 16 };
      run_case (&r, "grid", n, work_dir);
      label = g_strdup_printf ("grid frame 1920×1080, %u notes, all laid out (%.0f in sight)",
                               grid_sizes[i], get (&r, "cards_shown"));
      print_row (label, &r, "naive", FLOOR_FASTER, &target);
      /* What filling the card pixel cache costs, beside the same floor;
       * at 1,000 notes (issue 13) a first draw of the all-visible grid
       * is to take less than a 60 Hz frame. */
      if ((grid_sizes[i] == 200 || grid_sizes[i] == 1000) && r.values != NULL)
        {
          g_hash_table_insert (r.values, g_strdup ("ms"),
                               g_memdup2 (&(double) { get (&r, "cold_ms") }, sizeof (double)));
          g_hash_table_insert (r.values, g_strdup ("floor_ms"),
                               g_memdup2 (&(double) { get (&r, "cold_floor_ms") },
                                          sizeof (double)));
          g_autofree char *cold_label =
            g_strdup_printf ("grid frame, first draw (cold cache), %u notes", grid_sizes[i]);

          print_row (cold_label, &r, "naive", FLOOR_FASTER,
                     grid_sizes[i] == 1000 ? &(Target) { .max_ms = 16 } : &(Target) { 0 });
        }
      result_clear (&r);
    }
  /* Issue 13: a frame of a window being resized or zoomed, cold; issue
   * 18: the same at 1,000 and 10,000 notes, against the same floor. */
  for (guint i = 0; i < G_N_ELEMENTS (resize_sizes); i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", resize_sizes[i]);
      g_autofree char *label = NULL;

      run_case (&r, "resize", n, work_dir);
      label = g_strdup_printf ("resize/zoom frame (cold layout + draw), %u notes (%.0f in sight)",
                               resize_sizes[i], get (&r, "cards_shown"));
      print_row (label, &r, "naive", FLOOR_FASTER,
                 resize_sizes[i] == 200 ? &(Target) { .min_speedup = 1, .max_ms = 8 }
                                        : &(Target) { .min_speedup = 1 });
      result_clear (&r);
    }
  run_case (&r, "drag", "200", work_dir);
  print_row ("drag frame, 200 notes (damaged area + dragged card)", &r, NULL, FLOOR_NONE,
             &(Target) { .max_ms = 2 });
  result_clear (&r);

  run_case (&r, "diff-cases", NULL, work_dir);
  print_row ("diff of the four case companies", &r, NULL, FLOOR_NONE, &(Target) { 0 });
  result_clear (&r);
  run_case (&r, "diff-versions", NULL, work_dir);
  print_row ("diff of two versions of a 10,000-note canvas", &r, NULL, FLOOR_NONE,
             &(Target) { .max_ms = 1000 });
  result_clear (&r);
  run_case (&r, "diff-companies", NULL, work_dir);
  print_row ("diff of two different 10,000-note canvases", &r, NULL, FLOOR_NONE,
             &(Target) { .max_ms = 1000 });
  result_clear (&r);

  /* Issue 19: tables at the limits once took 15 s and 19 s to compare.
   * Against loading the same canvases from their bytes, in the same
   * process: wall clock with the memory, then CPU time, on which the
   * second is judged. */
  {
    static const struct { const char *arg, *label; } tables[] = {
      { "wide", "diff of a 999-column, 100-row table with itself" },
      { "rows", "diff of three canvases of 50,000 table rows (100,000 cells, the limit)" },
      { "same-label", "diff of two 10,000-row tables, every row one label" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        g_autofree char *cpu_label = g_strdup_printf ("%s, CPU time", tables[i].label);

        run_case (&r, "diff-tables", tables[i].arg, work_dir);
        print_row (tables[i].label, &r, "loading them", FLOOR_SLOWER,
                   &(Target) { .max_peak_mb = 200 });
        use_cpu_times (&r);
        print_row (cpu_label, &r, "loading them", FLOOR_SLOWER, &(Target) { .max_ms = 1000 });
        result_clear (&r);
      }
  }
  run_case (&r, "merge", NULL, work_dir);
  print_row ("merge of two edited versions of a 10,000-note canvas", &r,
             "the whole of ninefold merge (read 3, merge, write)", FLOOR_NONE,
             &(Target) { .max_ms = 200 });
  result_clear (&r);

  run_case (&r, "themes", "1000", work_dir);
  print_row ("themes of four 1,000-note canvases (core; the view: nf-bench-themes-view)", &r, NULL,
             FLOOR_NONE, &(Target) { .max_ms = 100 });
  result_clear (&r);

  run_case (&r, "import", "10000", work_dir);
  print_row ("import a 10,000-note Markdown write-up", &r, NULL, FLOOR_NONE, &(Target) { 0 });
  result_clear (&r);

  run_case (&r, "pdf", "cases", work_dir);
  print_row ("PDF of the four companies", &r, NULL, FLOOR_NONE, &(Target) { 0 });
  result_clear (&r);
  run_case (&r, "pdf", "compare", work_dir);
  print_row ("PDF of the four companies with compare slides", &r, NULL, FLOOR_NONE,
             &(Target) { .max_ms = 1000 });
  print_pdf_cpu ("PDF of the four companies with compare slides", &r);
  result_clear (&r);
  run_case (&r, "pdf", "100", work_dir);
  print_row ("PDF of a 100-canvas deck", &r, NULL, FLOOR_NONE, &(Target) { .max_ms = 2000 });
  print_pdf_cpu ("PDF of a 100-canvas deck", &r);
  result_clear (&r);
  run_case (&r, "pdf", "table", work_dir);
  print_row ("PDF of a canvas with a 10,000-row table", &r, NULL, FLOOR_NONE,
             &(Target) { .max_ms = 1000 });
  result_clear (&r);
  run_case (&r, "pdf", "compare-table", work_dir);
  print_row ("PDF of four such canvases with compare slides", &r, NULL, FLOOR_NONE,
             &(Target) { .max_ms = 1000 });
  print_pdf_cpu ("PDF of four such canvases with compare slides", &r);
  result_clear (&r);

  run_startup (&r);
  print_row ("start-up to first frame, a case open", &r, "bare GTK window", FLOOR_SLOWER,
             &(Target) { .max_ratio = 1.25 });
  print_startup_adw_rows (&r);
  print_window_memory (work_dir, get (&r, "peak_kb"));
  /* Again in CPU time (both processes, all threads), which the load on
   * a shared machine changes less than the wall clock. */
  if (!r.skipped && r.na == NULL && !isnan (get (&r, "cpu_ms")))
    {
      use_cpu_times (&r);
      print_row ("start-up to first frame (CPU time, all threads)", &r, "bare GTK window",
                 FLOOR_SLOWER, &(Target) { 0 });
    }
  result_clear (&r);

  /* Only our own files: the work folder holds nothing else. */
  {
    g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (work_dir, name, NULL);
        g_remove (path);
      }
    g_rmdir (work_dir);
  }
  g_printerr ("%u target(s) missed\n", n_failed);
  return n_failed > 0 ? 1 : 0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *cwd = g_get_current_dir ();

  setlocale (LC_ALL, "");
  self_path = g_path_is_absolute (argv[0]) ? g_strdup (argv[0])
                                           : g_build_filename (cwd, argv[0], NULL);
  self_dir = g_path_get_dirname (self_path);

  if (argc == 5 && g_str_equal (argv[1], "--case"))
    return bench_run_case (argv[2], g_str_equal (argv[3], "-") ? NULL : argv[3], argv[4]);
  if (argc != 1)
    {
      g_printerr ("usage: nf-bench\n       nf-bench --case NAME ARG|- WORKDIR\n");
      return 2;
    }
  return run_all ();
}
