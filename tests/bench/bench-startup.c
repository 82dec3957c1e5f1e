/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-bench"

#include "config.h"

#include <sys/resource.h>
#include <time.h>

#include "nf-application.h"
#include "nf-canvas-view.h"
#include "nf-locale.h"
#include "nf-window.h"

/* Ninefold's start-up as a user sees it: the real application, its window
 * with the case companies, the first of them open in the editor, up to
 * the first painted frame. Built from the GUI library rather than by
 * adding a benchmark switch to the app. The window has the size the app
 * gives it (the saved size, else the default), as a user's has. Prints
 * the monotonic clock (microseconds) at the first frame, as
 * nf-bench-bare-window does, the window's size (the floor is a bare
 * window of that size) and how many times the case's view laid it out
 * itself (0 when it showed the layout start-up made). */

static gboolean done;
static gint64 main_us;   /* the clock as main() began */
/* Started with a file (`nf-bench-startup FILE`): how much memory the
 * window takes to show it. Once the file's canvas is in the editor and two
 * frames have been painted with it, prints the peak resident memory. */
static gboolean opening_file;
static guint frames_with_canvas;
static GtkWidget *the_window;
/* NF_BENCH_FROM_LIST=1: as a user starts, on the list page; its first
 * frame is painted, then the first case is opened as its card's click
 * does, and the clock stops at the first frame showing it. */
static gboolean from_list;
static gboolean list_painted;

static void
print_peak_rss (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) == 0)
    g_print ("peak_kb %ld\n", usage.ru_maxrss);
}

static void
after_paint (GdkFrameClock *clock,
             GApplication  *app)
{
  if (opening_file)
    {
      GListModel *canvases = nf_window_get_canvases (NF_WINDOW (the_window));

      if (g_list_model_get_n_items (canvases) == 0 || nf_window_get_busy (NF_WINDOW (the_window)))
        return;
      if (frames_with_canvas++ == 0)
        {
          g_autoptr(NfCanvas) canvas = g_list_model_get_item (canvases, 0);

          nf_window_show_canvas (NF_WINDOW (the_window), canvas);
        }
      if (frames_with_canvas < 3)
        {
          gtk_widget_queue_draw (the_window);
          return;
        }
      if (done)
        return;
      done = TRUE;
      print_peak_rss ();
      g_application_quit (app);
      return;
    }
  if (done)
    return;
  if (from_list && !list_painted)
    {
      list_painted = TRUE;
      g_print ("list_frame_us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      gtk_widget_activate_action (the_window, "win.show-canvas", "u", 0);
      return;
    }
  done = TRUE;
  g_print ("first_frame_us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  /* How much of the time since main() the main thread spent running
   * (the rest it waited: for other threads, the X server, the disk). */
  {
    struct timespec cpu;

    if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu) == 0)
      g_print ("main_thread_cpu_us %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT "\n",
               (gint64) cpu.tv_sec * G_USEC_PER_SEC + cpu.tv_nsec / 1000,
               g_get_monotonic_time () - main_us);
  }
  {
    GtkWidget *view = nf_window_get_canvas_view (NF_WINDOW (the_window));
    int width = 0, height = 0;

    gtk_window_get_default_size (GTK_WINDOW (the_window), &width, &height);
    g_print ("window %dx%d\n", width, height);
    if (view != NULL)
      g_print ("view_layouts %u\n", _nf_canvas_view_get_n_allocations (NF_CANVAS_VIEW (view)));
  }
  print_peak_rss ();
  g_application_quit (app);
}

/* A file loads in a thread: look again until it is there. */
static gboolean
poll_loaded (gpointer data)
{
  if (done)
    return G_SOURCE_REMOVE;
  gtk_widget_queue_draw (the_window);
  return G_SOURCE_CONTINUE;
}

/* The application has loaded the cases by the time it presents the
 * window; opening one here puts it in the first frame. */
static void
realized (GtkWidget    *widget,
          GApplication *app)
{
  NfWindow *window = NF_WINDOW (widget);
  g_autoptr(NfCanvas) first = g_list_model_get_item (nf_window_get_canvases (window), 0);

  the_window = widget;
  if (opening_file)
    g_timeout_add (20, poll_loaded, NULL);
  else if (first != NULL && !from_list)
    nf_window_show_canvas (window, first);
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (after_paint), app);
}

static void
window_added (GtkApplication *app,
              GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (realized), app);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(NfApplication) app = NULL;

  main_us = g_get_monotonic_time ();
  /* As app/main.c starts. */
  nf_locale_init ();

  opening_file = argc > 1;
  from_list = g_strcmp0 (g_getenv ("NF_BENCH_FROM_LIST"), "1") == 0;
  app = nf_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (window_added), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
