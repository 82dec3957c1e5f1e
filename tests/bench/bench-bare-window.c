/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-bench"

#include <stdlib.h>

#include <gtk/gtk.h>

/* The floor for Ninefold's start-up: a bare GTK 4 window of the same size
 * (`nf-bench-bare-window WIDTH HEIGHT`, as nf-bench-startup printed it),
 * quitting when its first frame has been painted. Prints the monotonic
 * clock (microseconds) at that moment, for nf-bench to subtract the time
 * it started us at. */

static gboolean done;

static void
after_paint (GdkFrameClock *clock,
             gpointer       user_data)
{
  if (done)
    return;
  done = TRUE;
  g_print ("first_frame_us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  gtk_window_destroy (GTK_WINDOW (user_data));
}

static void
realized (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint), window);
}

int
main (int    argc,
      char **argv)
{
  GtkWidget *window;
  int width = argc > 2 ? atoi (argv[1]) : 1280;
  int height = argc > 2 ? atoi (argv[2]) : 720;

  gtk_init ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_title (GTK_WINDOW (window), "bench");
  g_signal_connect (window, "realize", G_CALLBACK (realized), NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
