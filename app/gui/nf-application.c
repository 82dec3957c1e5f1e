/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-application.h"
#include "nf-gui-resources-private.h"
#include "nf-window.h"

struct _NfApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (NfApplication, nf_application, ADW_TYPE_APPLICATION)

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  NfApplication *self = user_data;

  g_assert (NF_IS_APPLICATION (self));

  g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  NfApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  GtkWidget *about;

  g_assert (NF_IS_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", _("Ninefold"),
                        /* Until the app icon is installed, a stand-in that exists
                         * everywhere rather than a broken image. */
                        "application-icon", gtk_icon_theme_has_icon (theme, NF_APP_ID)
                                              ? NF_APP_ID : "view-grid-symbolic",
                        "version", NF_VERSION,
                        "comments", _("Business-model canvases you can compare, cite and keep in git"),
                        "developer-name", _("The Ninefold developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        "transient-for", parent,
                        "modal", TRUE,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
nf_application_startup (GApplication *application)
{
  NfApplication *self = NF_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (nf_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}

static NfWindow *
new_window (NfApplication *self)
{
  return nf_window_new (GTK_APPLICATION (self));
}

static void
nf_application_activate (GApplication *application)
{
  NfApplication *self = NF_APPLICATION (application);
  NfWindow *window = new_window (self);

  nf_window_open_cases (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
nf_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  NfApplication *self = NF_APPLICATION (application);
  NfWindow *window = new_window (self);

  nf_window_open_files (window, files, (guint) n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static void
nf_application_class_init (NfApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = nf_application_startup;
  app_class->activate = nf_application_activate;
  app_class->open = nf_application_open;
}

static void
nf_application_init (NfApplication *self)
{
  /* Before startup, which loads style.css and the shortcuts window from
   * the resource base path. */
  _nf_gui_ensure_resources ();
}

NfApplication *
nf_application_new (void)
{
  return g_object_new (NF_TYPE_APPLICATION,
                       "application-id", NF_APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/ninefold/Ninefold",
                       NULL);
}
