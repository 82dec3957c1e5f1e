/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-bench"

#include <stdlib.h>

#include <adwaita.h>

/* A second floor for Ninefold's start-up, beside the bare GTK window: the
 * least a libadwaita application shows, an AdwApplication's window with a
 * header bar and nothing else, of the same size (`nf-bench-bare-adw-window
 * WIDTH HEIGHT`), quitting when its first frame has been painted. Prints
 * the monotonic clock (microseconds) at that moment, as
 * nf-bench-bare-window does. What it costs beyond the bare GTK window is
 * libadwaita's own start-up, which any application built on it pays. */

static gboolean done;
static int width = 1280, height = 720;

static void
after_paint (GdkFrameClock *clock,
             gpointer       user_data)
{
  if (done)
    return;
  done = TRUE;
  g_print ("first_frame_us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (G_APPLICATION (user_data));
}

static void
realized (GtkWidget      *window,
          GtkApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint), app);
}

static void
activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_title (GTK_WINDOW (window), "bench");
  g_signal_connect (window, "realize", G_CALLBACK (realized), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = NULL;

  if (argc > 2)
    {
      width = atoi (argv[1]);
      height = atoi (argv[2]);
    }
  /* As Ninefold starts (nf-application.c): GTK's own default theme, which
   * libadwaita replaces at once, is never parsed: the cheapest libadwaita
   * start-up we know of, so that the floor does not flatter us. */
  if (g_getenv ("GTK_THEME") == NULL)
    {
      g_setenv ("GTK_THEME", "Adwaita-empty", FALSE);
      gtk_init ();
      gtk_settings_get_default ();   /* where GTK reads the theme */
      g_unsetenv ("GTK_THEME");
    }
  /* Not unique: nothing to ask of the session bus before the window. */
  app = adw_application_new ("org.ninefold.BenchBareWindow", G_APPLICATION_NON_UNIQUE);
  /* Nor is the icon theme read twice (nf_application_new() says why). */
  g_application_set_resource_base_path (G_APPLICATION (app), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
