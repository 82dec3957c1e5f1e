/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-bench"

#include "config.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "bench.h"
#include "nf-check.h"
#include "nf-canvas-xml-private.h"
#include "nf-card-cache-private.h"
#include "nf-render-private.h"
#include "nf-render.h"

#define FRAME_WIDTH  1920
#define FRAME_HEIGHT 1080

static void
report (const char *key,
        double      value)
{
  g_print ("%s %.4f\n", key, value);
}

static void
report_times (GArray *times,
              GArray *floor_times)
{
  report ("reps", times->len);
  report ("ms", bench_median ((double *) (gpointer) times->data, times->len));
  if (floor_times != NULL && floor_times->len > 0)
    report ("floor_ms", bench_median ((double *) (gpointer) floor_times->data,
                                      floor_times->len));
}

/* The same medians in this process's CPU time: on a machine shared with
 * other work an operation longer than a scheduler slice waits for the CPU
 * at random, and the wall-clock median of a 2 ms load was seen anywhere
 * between 2 and 24 ms while the 1 ms floor beside it stayed put. */
static void
report_cpu (GArray *cpu,
            GArray *floor_cpu)
{
  report ("cpu_ms", bench_median ((double *) (gpointer) cpu->data, cpu->len));
  report ("floor_cpu_ms", bench_median ((double *) (gpointer) floor_cpu->data, floor_cpu->len));
}

static guint
reps_for (guint n_notes)
{
  return n_notes >= 100000 ? 3 : n_notes >= 10000 ? 7 : n_notes >= 1000 ? 21 : 41;
}

/* --- load, validate, save ------------------------------------------ */

/* What `xmllint --stream --noout` does: libxml2's streaming reader over
 * the whole file, every node visited, nothing kept. */
static void
stream_read (const char *data,
             gsize       length)
{
  xmlTextReaderPtr reader = xmlReaderForMemory (data, (int) length, NULL, NULL,
                                                XML_PARSE_NONET | XML_PARSE_NOCDATA);
  int ret;

  g_assert (reader != NULL);
  while ((ret = xmlTextReaderRead (reader)) == 1)
    ;
  g_assert (ret == 0);
  xmlFreeTextReader (reader);
}

static int
case_load (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  gsize length;
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_notes = 0;
  glong before_kb, after_kb;

  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  /* A first load warms what a process does once (fonts aside, GType
   * registration, libxml2's initialisation), measured by the start-up
   * row, not here. It is also the one whose memory is measured: the
   * peak before it (the program and the file's bytes) and after. */
  before_kb = bench_peak_rss_kb ();
  {
    g_autoptr(NfCanvas) warm = nf_canvas_load_from_data (data, length, path, &error);
    if (warm == NULL)
      g_error ("%s", error->message);
    n_notes = nf_canvas_get_n_notes (warm);
    after_kb = bench_peak_rss_kb ();
  }
  stream_read (data, length);
  for (guint r = 0; r < reps_for (n_notes); r++)
    {
      double t0, t1, t2, c0, c1, c2;
      NfCanvas *canvas;

      /* Interleaved, so both see the same state of the machine. */
      c0 = bench_cpu_ms ();
      t0 = bench_now_ms ();
      stream_read (data, length);
      t1 = bench_now_ms () - t0;
      c1 = bench_cpu_ms () - c0;
      c0 = bench_cpu_ms ();
      t0 = bench_now_ms ();
      canvas = nf_canvas_load_from_data (data, length, path, &error);
      t2 = bench_now_ms () - t0;
      c2 = bench_cpu_ms () - c0;
      g_assert (canvas != NULL);
      g_object_unref (canvas);
      g_array_append_val (floor_times, t1);
      g_array_append_val (times, t2);
      g_array_append_val (floor_cpu, c1);
      g_array_append_val (cpu, c2);
    }
  report ("notes", n_notes);
  report ("bytes", (double) length);
  /* The peak a load adds, per note: the canvas, the parser and what the
   * loader keeps while it reads. */
  report ("bytes_per_note", (after_kb - before_kb) * 1024.0 / MAX (n_notes, 1));
  report_times (times, floor_times);
  report_cpu (cpu, floor_cpu);
  return 0;
}

static int
case_save (const char *path,
           const char *work_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) in = g_file_new_for_path (path);
  g_autoptr(NfCanvas) canvas = nf_canvas_load_from_file (in, NULL, &error);
  g_autofree char *out_path = g_build_filename (work_dir, "saved.ninefold", NULL);
  g_autofree char *floor_path = g_build_filename (work_dir, "floor.ninefold", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GFile) floor_out = g_file_new_for_path (floor_path);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_notes;

  if (canvas == NULL)
    g_error ("%s", error->message);
  n_notes = nf_canvas_get_n_notes (canvas);
  for (guint r = 0; r < reps_for (n_notes); r++)
    {
      double t0, t, c0, c;
      GBytes *bytes;

      /* The floor: libxml2's xmlTextWriter writes the same tree (the
       * same elements, attributes and indentation), then the same atomic
       * replace of the file; no read-back. Interleaved with the save. */
      c0 = bench_cpu_ms ();
      t0 = bench_now_ms ();
      bytes = _nf_canvas_serialize_with_libxml (canvas);
      if (bytes == NULL ||
          !nf_canvas_bytes_save_to_file (bytes, floor_out, NULL, NULL, NULL, &error))
        g_error ("the floor failed: %s", error ? error->message : "no bytes");
      g_bytes_unref (bytes);
      t = bench_now_ms () - t0;
      c = bench_cpu_ms () - c0;
      g_array_append_val (floor_times, t);
      g_array_append_val (floor_cpu, c);

      c0 = bench_cpu_ms ();
      t0 = bench_now_ms ();
      if (!nf_canvas_save_to_file (canvas, out, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      t = bench_now_ms () - t0;
      c = bench_cpu_ms () - c0;
      g_array_append_val (times, t);
      g_array_append_val (cpu, c);
    }
  report ("notes", n_notes);
  report_times (times, floor_times);
  report_cpu (cpu, floor_cpu);
  return 0;
}

/* --- grid frames ---------------------------------------------------- */

/* What drawing costs without a layout cache: a fresh Pango layout per
 * note per frame, as a first attempt at a canvas widget would do. The
 * cards go where the grid put them, so both draw the same picture. */
static void
draw_naive (cairo_t           *cr,
            NfGridLayout      *layout,
            const NfGridStyle *style)
{
  cairo_set_source_rgb (cr, style->background.red, style->background.green,
                        style->background.blue);
  cairo_paint (cr);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      NfRect rect, content;
      double size = nf_grid_layout_get_font_size (layout, (NfBlock) b);
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style->font_family);

      pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
      nf_grid_layout_get_block_rect (layout, (NfBlock) b, &rect);
      cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
      cairo_set_source_rgb (cr, style->block_fill.red, style->block_fill.green,
                            style->block_fill.blue);
      cairo_fill (cr);
      nf_grid_layout_get_content_rect (layout, (NfBlock) b, &content);
      for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, (NfBlock) b); i++)
        {
          NfCardLayout *card = nf_grid_layout_get_card (layout, (NfBlock) b, i, &rect);
          NfNote *note = nf_card_layout_get_note (card);
          const char * const *tags = nf_note_get_tags (note);
          PangoLayout *text;

          /* The cards in sight, as nf_grid_render() draws: those below a
           * scrolling block's page are not drawn by either. */
          if (rect.y + rect.height > content.y + content.height + 0.5)
            continue;
          text = pango_cairo_create_layout (cr);

          cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
          cairo_set_source_rgb (cr, style->card_fill.red, style->card_fill.green,
                                style->card_fill.blue);
          cairo_fill (cr);
          pango_layout_set_font_description (text, font);
          pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
          pango_layout_set_width (text, (int) ((rect.width - 16) * PANGO_SCALE));
          pango_layout_set_height (text, (int) ((rect.height - 12) * PANGO_SCALE));
          pango_layout_set_text (text, nf_text_get (nf_note_get_text (note)), -1);
          cairo_set_source_rgb (cr, style->card_text.red, style->card_text.green,
                                style->card_text.blue);
          cairo_move_to (cr, rect.x + 8, rect.y + 6);
          pango_cairo_show_layout (cr, text);
          g_object_unref (text);
          if (tags != NULL && tags[0] != NULL)
            {
              g_autofree char *joined = g_strjoinv ("  #", (char **) tags);
              PangoLayout *footer = pango_cairo_create_layout (cr);

              pango_layout_set_font_description (footer, font);
              pango_layout_set_text (footer, joined, -1);
              cairo_move_to (cr, rect.x + 8, rect.y + rect.height - 18);
              pango_cairo_show_layout (cr, footer);
              g_object_unref (footer);
            }
        }
    }
}

static int
case_grid (guint n_notes)
{
  g_autoptr(NfCanvas) canvas = bench_canvas_new (n_notes, 7, "n");
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         FRAME_WIDTH, FRAME_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  double t0, t;
  guint shown = 0;

  t0 = bench_now_ms ();
  nf_grid_layout_allocate (layout, FRAME_WIDTH, FRAME_HEIGHT);
  report ("layout_ms", bench_now_ms () - t0);
  /* Every note is laid out; those in sight are the ones not below a
   * scrolling block's content. */
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    shown += nf_grid_layout_get_n_cards (layout, (NfBlock) b) -
             nf_grid_layout_get_n_hidden (layout, (NfBlock) b);
  report ("cards_shown", shown);

  /* The first frame fills the font caches; frames after it are what a
   * redraw costs. */
  nf_grid_render (cr, layout, style);
  draw_naive (cr, layout, style);
  for (guint r = 0; r < 31; r++)
    {
      t0 = bench_now_ms ();
      nf_grid_render (cr, layout, style);
      cairo_surface_flush (surface);
      t = bench_now_ms () - t0;
      g_array_append_val (times, t);

      t0 = bench_now_ms ();
      draw_naive (cr, layout, style);
      cairo_surface_flush (surface);
      t = bench_now_ms () - t0;
      g_array_append_val (floor_times, t);
    }
  report_times (times, floor_times);
  /* Every card drawn once, in the first frame, and kept. */
  report ("card_renders", nf_card_cache_get_n_renders (_nf_grid_render_get_card_cache (layout)));
  report ("card_bytes", nf_card_cache_get_n_bytes (_nf_grid_render_get_card_cache (layout)));

  /* A first draw: the same frame with the retained pixels dropped, so
   * the frames and each card are drawn and kept again. What a new
   * layout, a zoom step or a change of style costs once. */
  g_array_set_size (times, 0);
  g_array_set_size (floor_times, 0);
  for (guint r = 0; r < 15; r++)
    {
      _nf_grid_render_forget (layout);
      t0 = bench_now_ms ();
      nf_grid_render (cr, layout, style);
      cairo_surface_flush (surface);
      t = bench_now_ms () - t0;
      g_array_append_val (times, t);

      t0 = bench_now_ms ();
      draw_naive (cr, layout, style);
      cairo_surface_flush (surface);
      t = bench_now_ms () - t0;
      g_array_append_val (floor_times, t);
    }
  report ("cold_ms", bench_median ((double *) (gpointer) times->data, times->len));
  report ("cold_floor_ms", bench_median ((double *) (gpointer) floor_times->data,
                                         floor_times->len));

  /* Where a frame's time goes: the blocks (background, frames, titles)
   * and the cards apart. */
  g_array_set_size (times, 0);
  g_array_set_size (floor_times, 0);
  for (guint r = 0; r < 15; r++)
    {
      t0 = bench_now_ms ();
      nf_grid_render_parts (cr, layout, style, NF_GRID_PART_FRAMES);
      cairo_surface_flush (surface);
      t = bench_now_ms () - t0;
      g_array_append_val (times, t);
      t0 = bench_now_ms ();
      nf_grid_render_parts (cr, layout, style, NF_GRID_PART_CARDS);
      cairo_surface_flush (surface);
      t = bench_now_ms () - t0;
      g_array_append_val (floor_times, t);
    }
  report ("frames_ms", bench_median ((double *) (gpointer) times->data, times->len));
  report ("cards_ms", bench_median ((double *) (gpointer) floor_times->data, floor_times->len));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}

/* A resize or zoom frame: the grid laid out at a size it has not had
 * (every card broken into lines again, the one text size and each
 * block's density searched afresh) and drawn, its pixels made anew. The
 * floor draws the same cards naively, a fresh Pango layout per note. */
/* One timed frame of case_resize(), a function of its own so a profiler
 * can count it apart from the warm-up (callgrind --toggle-collect). */
static G_GNUC_NO_INLINE double
resize_frame (NfGridLayout      *layout,
              const NfGridStyle *style,
              cairo_t           *cr,
              double             width,
              double             height,
              double            *out_layout_ms)
{
  double t0 = bench_now_ms ();

  nf_grid_layout_allocate (layout, width, height);
  *out_layout_ms = bench_now_ms () - t0;
  nf_grid_render (cr, layout, style);
  cairo_surface_flush (cairo_get_target (cr));
  return bench_now_ms () - t0;
}

/* How many frames the frame cases time: NF_BENCH_FRAMES overrides it, so
 * a run under a profiler need not take minutes. */
static guint
frames_or (guint n)
{
  const char *env = g_getenv ("NF_BENCH_FRAMES");

  return env != NULL && *env != '\0' ? MAX (1u, (guint) g_ascii_strtoull (env, NULL, 10)) : n;
}

static G_GNUC_NO_INLINE double
naive_frame (NfGridLayout      *layout,
             const NfGridStyle *style,
             cairo_t           *cr)
{
  double t0 = bench_now_ms ();

  draw_naive (cr, layout, style);
  cairo_surface_flush (cairo_get_target (cr));
  return bench_now_ms () - t0;
}

static int
case_resize (guint n_notes)
{
  g_autoptr(NfCanvas) canvas = bench_canvas_new (n_notes, 7, "n");
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         FRAME_WIDTH, FRAME_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layout_times = g_array_new (FALSE, FALSE, sizeof (double));
  double t, t1;
  guint densities[NF_CARD_N_DENSITIES] = { 0 };

  /* Warm the fonts, as any window has by its first resize. */
  nf_grid_layout_allocate (layout, FRAME_WIDTH, FRAME_HEIGHT);
  nf_grid_render (cr, layout, style);
  draw_naive (cr, layout, style);
  for (guint r = 0, n = frames_or (n_notes >= 10000 ? 7 : 21); r < n; r++)
    {
      /* A window dragged narrower and shorter, a few units per frame. */
      double w = FRAME_WIDTH - 7 * (r + 1), h = FRAME_HEIGHT - 5 * (r + 1);
      guint m0 = _nf_render_get_n_measures ();

      t = resize_frame (layout, style, cr, w, h, &t1);
      if (r == n - 1)
        report ("measures_per_frame", _nf_render_get_n_measures () - m0);
      g_array_append_val (times, t);
      g_array_append_val (layout_times, t1);

      t = naive_frame (layout, style, cr);
      g_array_append_val (floor_times, t);
    }
  report_times (times, floor_times);
  report ("layout_ms", bench_median ((double *) (gpointer) layout_times->data, layout_times->len));
  {
    guint shown = 0;

    for (guint b = 0; b < NF_N_BLOCKS; b++)
      shown += nf_grid_layout_get_n_cards (layout, (NfBlock) b) -
               nf_grid_layout_get_n_hidden (layout, (NfBlock) b);
    report ("cards_shown", shown);
  }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    densities[nf_grid_layout_get_density (layout, (NfBlock) b)]++;
  for (guint d = 0; d < NF_CARD_N_DENSITIES; d++)
    {
      g_autofree char *key = g_strdup_printf ("blocks_density_%u", d);

      report (key, densities[d]);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}

/* A drag repaints what moved: the grid as it was when the drag began
 * (kept in a surface), under the card's old and new places, then the
 * card at the pointer; and finds the drop place under the pointer. */
static int
case_drag (guint n_notes)
{
  g_autoptr(NfCanvas) canvas = bench_canvas_new (n_notes, 7, "n");
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);
  cairo_surface_t *screen = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                        FRAME_WIDTH, FRAME_HEIGHT);
  cairo_surface_t *grid = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                      FRAME_WIDTH, FRAME_HEIGHT);
  cairo_t *cr = cairo_create (grid);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(NfCardCache) dragged = nf_card_cache_new (0);
  NfCardLayout *card;
  NfRect start, old;
  const guint n_frames = 121;

  nf_grid_layout_allocate (layout, FRAME_WIDTH, FRAME_HEIGHT);
  nf_grid_render (cr, layout, style);
  cairo_destroy (cr);
  card = nf_grid_layout_get_card (layout, NF_BLOCK_KEY_PARTNERS, 0, &start);
  g_assert (card != NULL);
  old = start;

  cr = cairo_create (screen);
  cairo_set_source_surface (cr, grid, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  /* From the top left block to the bottom right one. */
  for (guint f = 0; f <= n_frames; f++)
    {
      double x = start.x + (FRAME_WIDTH - 400 - start.x) * f / n_frames;
      double y = start.y + (FRAME_HEIGHT - 200 - start.y) * f / n_frames;
      NfRect now = { round (x), round (y), start.width, start.height };
      NfBlock over;
      double t0 = bench_now_ms (), t;

      (void) nf_grid_layout_note_at (layout, x + 10, y + 10, &over);
      (void) nf_grid_layout_block_at (layout, x + 10, y + 10);
      cr = cairo_create (screen);
      cairo_rectangle (cr, old.x - 2, old.y - 2, old.width + 4, old.height + 5);
      cairo_rectangle (cr, now.x - 2, now.y - 2, now.width + 4, now.height + 5);
      cairo_clip (cr);
      cairo_set_source_surface (cr, grid, 0, 0);
      cairo_paint (cr);
      cairo_translate (cr, now.x, now.y);
      /* In the editor the dragged card is a widget showing its retained
       * pixels, from a cache of its own. */
      nf_card_cache_draw (dragged, cr, card, style);
      cairo_destroy (cr);
      cairo_surface_flush (screen);
      t = bench_now_ms () - t0;
      if (f > 0)
        g_array_append_val (times, t);
      old = now;
    }
  report_times (times, NULL);
  cairo_surface_destroy (grid);
  cairo_surface_destroy (screen);
  return 0;
}

/* --- diff ----------------------------------------------------------- */

/* One timed diff, a function of its own so that callgrind's
 * --toggle-collect=diff_once counts it and not the canvases' making. */
static G_GNUC_NO_INLINE NfDiff *
diff_once (NfCanvas **canvases,
           guint      n)
{
  return nf_diff_new (canvases, n, NF_DIFF_FLAGS_NONE);
}

static int
run_diff (NfCanvas **canvases,
          guint      n,
          guint      reps)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_entries = 0;

  for (guint r = 0; r < reps; r++)
    {
      double t0 = bench_now_ms (), t;
      NfDiff *diff = diff_once (canvases, n);

      t = bench_now_ms () - t0;
      n_entries = nf_diff_get_n_entries (diff);
      nf_diff_free (diff);
      g_array_append_val (times, t);
    }
  report ("entries", n_entries);
  report_times (times, NULL);
  return 0;
}

static int
case_diff_cases (void)
{
  NfCanvas *cases[4];
  int ret;

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GError) error = NULL;

      cases[i] = nf_canvas_load_case (i, &error);
      if (cases[i] == NULL)
        g_error ("%s", error->message);
    }
  ret = run_diff (cases, 4, 41);
  for (guint i = 0; i < 4; i++)
    g_object_unref (cases[i]);
  return ret;
}

static int
case_diff_10k (gboolean versions)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) a = bench_canvas_new (10000, 1, versions ? "n" : "a");
  g_autoptr(NfCanvas) b = NULL;
  NfCanvas *pair[2];

  if (versions)
    {
      g_autoptr(GBytes) bytes = nf_canvas_save_to_bytes (a, &error);

      g_assert (bytes != NULL);
      b = nf_canvas_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    "copy", &error);
      g_assert (b != NULL);
      bench_canvas_edit (b, 2);
    }
  else
    b = bench_canvas_new (10000, 2, "b");
  pair[0] = a;
  pair[1] = b;
  return run_diff (pair, 2, 7);
}

/* --- tables -------------------------------------------------------- */

/* What a figure column of a generated table holds. */
typedef struct {
  const char *type;   /* as the file writes it: "number", "count", "money", "percent" */
  const char *unit;   /* or NULL */
  const char *name;
} BenchColumn;

/* A canvas of metric tables, as a file's bytes: `n_tables` tables of
 * `n_rows` rows, each a label (`label`, printf with the row from 1) and
 * `n_columns` figures whose types cycle through `columns` (numbered
 * names when they repeat). The figures depend on the row, the column and
 * `seed`: canvases of one seed are the same, of two seeds differ in every
 * figure. One generator for the diff's and the deck's tables. */
typedef struct {
  const char        *company;
  const char        *title;     /* of each table */
  guint              n_tables;
  guint              n_rows;
  const char        *label;
  const BenchColumn *columns;
  guint              n_kinds;   /* entries in `columns` */
  guint              n_columns;
  guint              seed;
} TableSpec;

static const BenchColumn number_column[] = { { "number", NULL, "c" } };
static const BenchColumn sales_columns[] = {
  { "count", "cars", "Cars sold" }, { "money", "USD", "Revenue" }, { "percent", NULL, "Margin" },
};

static GBytes *
table_canvas_bytes (const TableSpec *spec)
{
  GString *xml = g_string_new (NULL);

  g_string_append_printf (xml,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">"
    "<metadata><company>%s</company><title>%s</title></metadata>"
    "<block kind=\"key-partners\"><note id=\"n1\"><text>Dealers of %s.</text></note></block>",
    spec->company, spec->title, spec->company);
  for (guint b = NF_BLOCK_KEY_PARTNERS + 1; b < NF_N_BLOCKS; b++)
    g_string_append_printf (xml, "<block kind=\"%s\"/>", nf_block_to_xml ((NfBlock) b));
  g_string_append (xml, "<metrics>");
  for (guint t = 0; t < spec->n_tables; t++)
    {
      g_string_append_printf (xml, "<table id=\"t%u\" block=\"revenue-streams\"><title>%s", t + 1,
                              spec->title);
      if (spec->n_tables > 1)
        g_string_append_printf (xml, " %u", t + 1);
      g_string_append (xml, "</title><column type=\"text\"><name>Item</name></column>");
      for (guint c = 0; c < spec->n_columns; c++)
        {
          const BenchColumn *col = &spec->columns[c % spec->n_kinds];

          g_string_append_printf (xml, "<column type=\"%s\"", col->type);
          if (col->unit != NULL)
            g_string_append_printf (xml, " unit=\"%s\"", col->unit);
          g_string_append_printf (xml, "><name>%s", col->name);
          if (spec->n_columns > spec->n_kinds)
            g_string_append_printf (xml, " %u", c + 1);
          g_string_append (xml, "</name></column>");
        }
      for (guint r = 0; r < spec->n_rows; r++)
        {
          guint v = (r * 7919 + spec->seed * 104729) % 100000 + 1;

          g_string_append (xml, "<row><cell>");
          g_string_append_printf (xml, spec->label, r + 1);
          g_string_append (xml, "</cell>");
          for (guint c = 0; c < spec->n_columns; c++)
            {
              const char *type = spec->columns[c % spec->n_kinds].type;
              guint f = v + c;

              if (g_str_equal (type, "money"))
                g_string_append_printf (xml, "<cell value=\"%u\">$%u</cell>", f * 13, f * 13);
              else if (g_str_equal (type, "percent"))
                g_string_append_printf (xml, "<cell value=\"0.%02u\">%u%%</cell>", f % 100, f % 100);
              else
                g_string_append_printf (xml, "<cell value=\"%u\">%u</cell>", f, f);
            }
          g_string_append (xml, "</row>");
        }
      g_string_append (xml, "</table>");
    }
  g_string_append (xml, "</metrics></canvas>");
  return g_string_free_to_bytes (xml);
}

static NfCanvas *
table_canvas_load (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  NfCanvas *canvas = nf_canvas_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                               "tables.ninefold", &error);

  if (canvas == NULL)
    g_error ("%s", error->message);
  return canvas;
}

static NfCanvas *
table_canvas (const TableSpec *spec)
{
  g_autoptr(GBytes) bytes = table_canvas_bytes (spec);

  return table_canvas_load (bytes);
}

/* Tables at the limits issue 19 timed: a 999-column table (100 rows, the
 * 100,000 cells a canvas may hold) with itself, three canvases of 5 tables
 * of 10,000 rows (at the same limit), and two of 10,000 rows under one
 * label. The floor is loading the same
 * canvases from their bytes, in the same process, interleaved; the two are
 * also timed in CPU time, on which the row is judged on a busy machine. */
static int
case_diff_tables (const char *which)
{
  TableSpec spec = { "Tables", "T", 1, 100, "row %u", number_column, 1, 999, 0 };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  GBytes *bytes[3] = { NULL, NULL, NULL };
  guint n = 2, n_entries = 0, n_rows = 0;

  if (g_strcmp0 (which, "same-label") == 0)
    spec.n_rows = 10000, spec.n_columns = 1, spec.label = "same";
  else if (g_strcmp0 (which, "rows") == 0)
    spec.n_tables = 5, spec.n_rows = 10000, spec.n_columns = 1, n = 3;
  for (guint i = 0; i < n; i++)
    {
      /* The wide table is compared with itself, the others differ. */
      spec.seed = g_strcmp0 (which, "wide") == 0 ? 0 : i;
      bytes[i] = table_canvas_bytes (&spec);
    }
  for (guint r = 0; r < frames_or (5); r++)
    {
      NfCanvas *canvases[3] = { NULL, NULL, NULL };
      double t0, c0, t, c;
      NfDiff *diff;

      c0 = bench_cpu_ms ();
      t0 = bench_now_ms ();
      for (guint i = 0; i < n; i++)
        canvases[i] = table_canvas_load (bytes[i]);
      t = bench_now_ms () - t0;
      c = bench_cpu_ms () - c0;
      g_array_append_val (floor_times, t);
      g_array_append_val (floor_cpu, c);

      c0 = bench_cpu_ms ();
      t0 = bench_now_ms ();
      diff = diff_once (canvases, n);
      t = bench_now_ms () - t0;
      c = bench_cpu_ms () - c0;
      g_array_append_val (times, t);
      g_array_append_val (cpu, c);
      n_entries = nf_diff_get_n_entries (diff);
      n_rows = nf_diff_metrics_get_n_rows (nf_diff_get_metrics (diff));
      nf_diff_free (diff);
      for (guint i = 0; i < n; i++)
        g_object_unref (canvases[i]);
    }
  for (guint i = 0; i < n; i++)
    g_bytes_unref (bytes[i]);
  report ("entries", n_entries);
  report ("aligned", n_rows);
  report_times (times, floor_times);
  report_cpu (cpu, floor_cpu);
  return 0;
}

/* --- check ---------------------------------------------------------- */

/* `check` of a canvas whose notes all state one measure with different
 * values ("We had N staff."), issue 19's worst case for it: every note's
 * figures are found and parsed, and each differing figure reported. The
 * floor is loading the canvas from its bytes, in the same process. */
static int
case_check (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  const char *no_dirs[] = { NULL };
  gsize length;
  guint n_findings = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  for (guint r = 0; r < frames_or (3); r++)
    {
      g_autoptr(NfCanvas) canvas = NULL;
      g_autoptr(GPtrArray) findings = NULL;
      g_autoptr(GPtrArray) infos = NULL;
      double t0, c0, t, c;

      c0 = bench_cpu_ms ();
      t0 = bench_now_ms ();
      canvas = nf_canvas_load_from_data (data, length, path, &error);
      t = bench_now_ms () - t0;
      c = bench_cpu_ms () - c0;
      if (canvas == NULL)
        g_error ("%s", error->message);
      g_array_append_val (floor_times, t);
      g_array_append_val (floor_cpu, c);

      c0 = bench_cpu_ms ();
      t0 = bench_now_ms ();
      findings = nf_check_canvas (canvas, no_dirs, &infos);
      t = bench_now_ms () - t0;
      c = bench_cpu_ms () - c0;
      g_array_append_val (times, t);
      g_array_append_val (cpu, c);
      n_findings = findings->len;
    }
  report ("findings", n_findings);
  report_times (times, floor_times);
  report_cpu (cpu, floor_cpu);
  return 0;
}

/* --- merge ---------------------------------------------------------- */

static NfCanvas *
edited_copy (NfCanvas *canvas,
             guint32   seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = nf_canvas_save_to_bytes (canvas, &error);
  NfCanvas *copy;

  g_assert (bytes != NULL);
  copy = nf_canvas_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   "copy", &error);
  g_assert (copy != NULL);
  bench_canvas_edit (copy, seed);
  return copy;
}

/* Two people's edits of one 10,000-note canvas (each ~5% reworded, 2%
 * removed, 2% added, 1% moved), merged: nf_merge on the canvases in
 * memory; the floor is the whole of `ninefold merge` but starting the
 * process: nf_merge_bytes, reading the three files' bytes, merging and
 * writing the result. */
static int
case_merge (void)
{
  g_autoptr(NfCanvas) base = bench_canvas_new (10000, 1, "n");
  g_autoptr(NfCanvas) ours = edited_copy (base, 2);
  g_autoptr(NfCanvas) theirs = edited_copy (base, 3);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) whole = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  GBytes *bytes[3];
  const char * const names[3] = { "base", "ours", "theirs" };
  guint n_conflicts = 0;

  bytes[0] = nf_canvas_save_to_bytes (base, NULL);
  bytes[1] = nf_canvas_save_to_bytes (ours, NULL);
  bytes[2] = nf_canvas_save_to_bytes (theirs, NULL);
  for (guint r = 0; r < 7; r++)
    {
      double t0 = bench_now_ms (), c0 = bench_cpu_ms (), t, c;
      NfCanvas *merged = nf_merge (base, ours, theirs, &n_conflicts);
      GBytes *out;

      t = bench_now_ms () - t0;
      c = bench_cpu_ms () - c0;
      g_array_append_val (times, t);
      g_array_append_val (cpu, c);
      g_object_unref (merged);

      t0 = bench_now_ms ();
      out = nf_merge_bytes (bytes[0], bytes[1], bytes[2], names, NULL, NULL);
      t = bench_now_ms () - t0;
      g_assert (out != NULL);
      g_bytes_unref (out);
      g_array_append_val (whole, t);
    }
  for (guint i = 0; i < 3; i++)
    g_bytes_unref (bytes[i]);
  report ("conflicts", n_conflicts);
  report ("cpu_ms", bench_median ((double *) (gpointer) cpu->data, cpu->len));
  report_times (times, whole);
  return 0;
}

/* --- themes --------------------------------------------------------- */

/* The themes of four different 1,000-note canvases: what the compare
 * view's themes matrix computes before it builds its rows. */
static int
case_themes (guint n_notes)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  NfCanvas *canvases[4];
  static const char * const prefixes[] = { "a", "b", "c", "d" };
  guint n_themes = 0;

  for (guint i = 0; i < 4; i++)
    canvases[i] = bench_canvas_new (n_notes, 11 + i, prefixes[i]);
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < 21; r++)
    {
      double t0 = bench_now_ms (), c0 = bench_cpu_ms (), t, c;
      NfThemes *themes = nf_themes_new (canvases, 4, NULL, 0);

      t = bench_now_ms () - t0;
      c = bench_cpu_ms () - c0;
      g_array_append_val (cpu, c);
      n_themes = 0;
      for (guint b = 0; b < NF_N_BLOCKS; b++)
        n_themes += nf_themes_get_n_themes (themes, b);
      nf_themes_free (themes);
      g_array_append_val (times, t);
    }
  report ("themes", n_themes);
  report ("cpu_ms", bench_median ((double *) (gpointer) cpu->data, cpu->len));
  report_times (times, NULL);
  for (guint i = 0; i < 4; i++)
    g_object_unref (canvases[i]);
  return 0;
}

/* --- PDF ------------------------------------------------------------ */

/* what: "cases", "compare" (the cases with compare slides), "100" (the
 * cases 25 times), "table" (one canvas with a 10,000-row table) or
 * "compare-table" (four such canvases with compare slides). */
static int
case_pdf (const char *what,
          const char *work_dir)
{
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_build_filename (work_dir, "deck.pdf", NULL);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean compare = g_str_equal (what, "compare") || g_str_equal (what, "compare-table");
  gboolean tables = g_str_has_suffix (what, "table");
  guint n = g_str_equal (what, "100") ? 100 : g_str_equal (what, "table") ? 1 : 4;
  guint reps = n > 4 || tables ? 3u : 7u;
  NfDeckOptions opts;

#ifndef BENCH_HAVE_DECK_COMPARE
  if (compare)
    {
      g_print ("n/a not built yet\n");
      return 0;
    }
#endif
  for (guint i = 0; i < n; i++)
    {
      static const char *const companies[] = { "Alpha", "Beta", "Gamma", "Delta" };
      g_autoptr(GError) error = NULL;
      /* Each company's rows have the same labels, so four of them align
       * every figure in a comparison. */
      TableSpec spec = { companies[i % 4], "Sales by region", 1, 10000, "Region %u",
                         sales_columns, G_N_ELEMENTS (sales_columns), G_N_ELEMENTS (sales_columns), i };
      NfCanvas *canvas = tables ? table_canvas (&spec) : nf_canvas_load_case (i % 4, &error);

      if (canvas == NULL)
        g_error ("%s", error->message);
      g_ptr_array_add (canvases, canvas);
    }
  nf_deck_options_init (&opts);
#ifdef BENCH_HAVE_DECK_COMPARE
  opts.compare = compare;
#endif
  /* NF_BENCH_REPS=1 runs a deck once: for callgrind, which counts
   * instructions and needs no median. */
  if (g_getenv ("NF_BENCH_REPS") != NULL)
    reps = (guint) MAX (g_ascii_strtoull (g_getenv ("NF_BENCH_REPS"), NULL, 10), 1);
  for (guint r = 0; r < reps; r++)
    {
      g_autoptr(GError) error = NULL;
      double t0 = bench_now_ms (), c0 = bench_cpu_ms (), t, c;

      if (!nf_deck_export_pdf (canvases, &opts, path, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      t = bench_now_ms () - t0;
      c = bench_cpu_ms () - c0;
      g_array_append_val (times, t);
      g_array_append_val (cpu, c);
    }
  report_times (times, NULL);
  /* The process's CPU time, every thread's: what a loaded machine does
   * not inflate (on an idle two-core one the wall time is less, the
   * workers running beside the drawing thread). */
  report ("cpu_ms", bench_median ((double *) (gpointer) cpu->data, cpu->len));
  return 0;
}

/* --- import --------------------------------------------------------- */

/* A Markdown write-up with a section per block and a list item per note:
 * what the importer turns into a canvas. */
static int
case_import (guint n_notes)
{
  g_autoptr(NfCanvas) canvas = bench_canvas_new (n_notes, 3, "n");
  g_autoptr(GString) md = g_string_new ("# Bench — business model\n\n");
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      GListModel *notes = nf_canvas_get_notes (canvas, (NfBlock) b);

      g_string_append_printf (md, "## %s\n\n", nf_block_to_xml ((NfBlock) b));
      for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
        {
          g_autoptr(NfNote) note = g_list_model_get_item (notes, i);

          g_string_append_printf (md, "- %s\n", nf_text_get (nf_note_get_text (note)));
        }
      g_string_append_c (md, '\n');
    }
  for (guint r = 0; r < reps_for (n_notes); r++)
    {
      g_autoptr(GError) error = NULL;
      double t0 = bench_now_ms (), t;
      NfCanvas *imported = nf_import_from_data (md->str, md->len, "bench.md", &error);

      t = bench_now_ms () - t0;
      if (imported == NULL)
        g_error ("%s", error->message);
      report ("notes", nf_canvas_get_n_notes (imported));
      g_object_unref (imported);
      g_array_append_val (times, t);
    }
  report_times (times, NULL);
  return 0;
}

/* --- generation ----------------------------------------------------- */

static int
case_gen (guint       n_notes,
          const char *work_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = bench_canvas_new (n_notes, 1, "n");
  g_autoptr(GBytes) bytes = nf_canvas_save_to_bytes (canvas, &error);
  g_autofree char *name = g_strdup_printf ("notes-%u.ninefold", n_notes);
  g_autofree char *path = g_build_filename (work_dir, name, NULL);

  if (bytes == NULL)
    g_error ("%s", error->message);
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                            (gssize) g_bytes_get_size (bytes), &error))
    g_error ("%s", error->message);
  report ("bytes", (double) g_bytes_get_size (bytes));
  return 0;
}

int
bench_run_case (const char *name,
                const char *arg,
                const char *work_dir)
{
  guint n = arg ? (guint) g_ascii_strtoull (arg, NULL, 10) : 0;
  int ret = 2;

  if (g_str_equal (name, "gen"))
    ret = case_gen (n, work_dir);
  else if (g_str_equal (name, "load") || g_str_equal (name, "load-marks"))
    ret = case_load (arg);
  else if (g_str_equal (name, "save"))
    ret = case_save (arg, work_dir);
  else if (g_str_equal (name, "grid"))
    ret = case_grid (n);
  else if (g_str_equal (name, "resize"))
    ret = case_resize (n);
  else if (g_str_equal (name, "drag"))
    ret = case_drag (n);
  else if (g_str_equal (name, "diff-cases"))
    ret = case_diff_cases ();
  else if (g_str_equal (name, "diff-versions"))
    ret = case_diff_10k (TRUE);
  else if (g_str_equal (name, "diff-companies"))
    ret = case_diff_10k (FALSE);
  else if (g_str_equal (name, "diff-tables"))
    ret = case_diff_tables (arg);
  else if (g_str_equal (name, "check"))
    ret = case_check (arg);
  else if (g_str_equal (name, "merge"))
    ret = case_merge ();
  else if (g_str_equal (name, "import"))
    ret = case_import (n);
  else if (g_str_equal (name, "themes"))
    ret = case_themes (n);
  else if (g_str_equal (name, "pdf"))
    ret = case_pdf (arg, work_dir);
  else
    g_printerr ("unknown case %s\n", name);
  report ("peak_kb", (double) bench_peak_rss_kb ());
  return ret;
}
