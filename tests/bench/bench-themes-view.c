/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-bench"

#include "config.h"

#include "bench.h"
#include "nf-themes-view.h"

/* The themes matrix of four 1,000-note canvases as a user sees it
 * appear: from asking for it (themes computed, rows built) to the first
 * frame painted with it, in a 1920×1080 window. Needs a display; prints
 * "ms" (the median of 7) as nf-bench's cases do. */

static gboolean painted;

static void
after_paint (GdkFrameClock *clock,
             gpointer       user_data)
{
  painted = TRUE;
}

int
main (int    argc,
      char **argv)
{
  static const char * const prefixes[] = { "a", "b", "c", "d" };
  const char *names[] = { "Company A", "Company B", "Company C", "Company D" };
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) builds = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  NfCanvas *canvases[4];
  GtkWidget *window;

  gtk_init ();
  adw_init ();
  for (guint i = 0; i < 4; i++)
    canvases[i] = bench_canvas_new (1000, 11 + i, prefixes[i]);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_frame_clock (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint), NULL);
  for (guint r = 0; r < 8; r++)
    {
      double t0 = bench_now_ms (), c0 = bench_cpu_ms (), t, tb, c;

      painted = FALSE;
      gtk_window_set_child (GTK_WINDOW (window), nf_themes_view_new (canvases, 4, names));
      tb = bench_now_ms () - t0;
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      t = bench_now_ms () - t0;
      c = bench_cpu_ms () - c0;
      /* The first warms fonts and styles, as the rest of the app has. */
      if (r > 0)
        {
          g_array_append_val (times, t);
          g_array_append_val (builds, tb);
          g_array_append_val (cpu, c);
        }
      gtk_window_set_child (GTK_WINDOW (window), NULL);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_print ("reps %u\n", times->len);
  g_print ("ms %.4f\n", bench_median ((double *) (gpointer) times->data, times->len));
  /* Of which computing the themes and making the widgets. */
  /* What it cost this process, apart from waiting for a core (the X
   * server's and the compositor's work is not in it). */
  g_print ("cpu_ms %.4f\n", bench_median ((double *) (gpointer) cpu->data, cpu->len));
  g_print ("build_ms %.4f\n", bench_median ((double *) (gpointer) builds->data, builds->len));
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 4; i++)
    g_object_unref (canvases[i]);
  return 0;
}
