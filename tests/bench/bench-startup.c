/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-bench"

#include "config.h"

#include "nf-application.h"
#include "nf-locale.h"
#include "nf-window.h"

/* Ninefold's start-up as a user sees it: the real application, its window
 * with the case companies, the first of them open in the editor, up to
 * the first painted frame. Built from the GUI library rather than by
 * adding a benchmark switch to the app. Prints the monotonic clock
 * (microseconds) at the first frame, as nf-bench-bare-window does. */

static gboolean done;

static void
after_paint (GdkFrameClock *clock,
             GApplication  *app)
{
  if (done)
    return;
  done = TRUE;
  g_print ("first_frame_us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (app);
}

/* The application has loaded the cases by the time it presents the
 * window; opening one here puts it in the first frame. */
static void
realized (GtkWidget    *widget,
          GApplication *app)
{
  NfWindow *window = NF_WINDOW (widget);
  g_autoptr(NfCanvas) first = g_list_model_get_item (nf_window_get_canvases (window), 0);

  if (first != NULL)
    nf_window_show_canvas (window, first);
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (after_paint), app);
}

static void
window_added (GtkApplication *app,
              GtkWindow      *window)
{
  gtk_window_set_default_size (window, 1280, 800);
  g_signal_connect (window, "realize", G_CALLBACK (realized), app);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(NfApplication) app = NULL;

  /* As app/main.c starts. */
  nf_locale_init ();

  app = nf_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (window_added), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
