/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-application.h"
#include "nf-gui-resources-private.h"
#include "nf-settings.h"
#include "nf-window.h"

struct _NfApplication
{
  AdwApplication  parent_instance;

  /* One per process, shared by its windows, so each copy has one writer. */
  NfRecovery     *recovery;
};

G_DEFINE_FINAL_TYPE (NfApplication, nf_application, ADW_TYPE_APPLICATION)

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  NfApplication *self = user_data;
  GList *windows;

  g_assert (NF_IS_APPLICATION (self));

  /* Through each window's close, so unsaved work is asked about; the
   * application ends when its last window has gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
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

  G_APPLICATION_CLASS (nf_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
}

static NfWindow *
new_window (NfApplication *self)
{
  NfWindow *window = nf_window_new (GTK_APPLICATION (self));
  gboolean first = self->recovery == NULL;

  if (first)
    {
      g_autoptr(GFile) folder = nf_recovery_default_folder ();
      g_autoptr(GSettings) settings = nf_settings_new ();

      self->recovery = nf_recovery_new (folder);
      nf_recovery_set_interval (self->recovery, g_settings_get_uint (settings, "autosave-interval"));
    }
  nf_window_set_recovery (window, self->recovery);
  /* What a crashed session left is offered once, in the first window. */
  if (first)
    nf_window_offer_recovered (window);
  return window;
}

static void
nf_application_activate (GApplication *application)
{
  NfApplication *self = NF_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  NfWindow *window;

  /* Started again while running: the window is already there. */
  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }
  window = new_window (self);
  nf_window_open_cases (window);
  if (nf_window_get_n_recovered (window) > 0)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
nf_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  NfApplication *self = NF_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  NfWindow *window = NF_IS_WINDOW (active) ? NF_WINDOW (active) : new_window (self);

  nf_window_open_files (window, files, (guint) n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static void
nf_application_dispose (GObject *object)
{
  NfApplication *self = NF_APPLICATION (object);

  g_clear_object (&self->recovery);
  G_OBJECT_CLASS (nf_application_parent_class)->dispose (object);
}

static void
nf_application_class_init (NfApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = nf_application_dispose;

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
                       /* Unique: a second start hands its files to the
                        * first, so one process owns the recovery folder. */
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/ninefold/Ninefold",
                       NULL);
}
