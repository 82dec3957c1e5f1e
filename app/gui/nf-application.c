/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-application"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "nf-application.h"
#include "nf-card-cache.h"
#include "nf-grid-layout.h"
#include "nf-gui-resources-private.h"
#include "nf-label-fonts.h"
#include "nf-locale.h"
#include "nf-settings.h"
#include "nf-window-private.h"

/* What a thread prepares while the main thread opens the display and
 * parses the theme (most of start-up, and one core's work): the case
 * companies, loaded, and a font map that has already laid out the first
 * of them, so its fonts, shaping plans and glyph sizes are in memory when
 * the window lays out the same text, and the pixels of the cards it shows
 * first. Once the display is open, the main thread tells it how GTK sets
 * its labels' text, and it loads the fonts the window's labels will ask
 * for. The main thread takes the font map as its default only after the
 * thread has ended: a font map is not for two threads at once. */
typedef struct {
  GThread      *thread;
  char         *lang;
  int           width, height;  /* the first view's, or 0: lay nothing out */
  PangoFontMap *font_map;
  NfGridLayout *layout;     /* the first case's, laid out: its view takes it */
  GPtrArray    *canvases;   /* NfCanvas, or NULL where that case failed */
  GPtrArray    *errors;     /* GError, or NULL where that case loaded */
  GMutex        lock;
  GCond         told;
  gboolean      label_fonts_told;  /* the fonts, or that there will be none */
  NfLabelFonts *label_fonts;
} Preload;

struct _NfApplication
{
  AdwApplication  parent_instance;

  /* One per process, shared by its windows, so each copy has one writer. */
  NfRecovery     *recovery;
  Preload        *preload;
  /* GTK_THEME was ours, set for the display's opening only. */
  gboolean        set_gtk_theme;
  /* Started with files to open: the cases, and their thread, are not
   * wanted (opening would wait for the thread to lay the first out). */
  gboolean        opening_files;
  gboolean        preloaded;
};

/* libadwaita's base theme for GTK: libadwaita's own sheets do the styling. */
#define EMPTY_THEME "Adwaita-empty"
#define RESOURCE_PATH "/org/ninefold/Ninefold"
#define ICONS_RESOURCE_PATH RESOURCE_PATH "/icons"

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

  /* Not installed (the build folder, a Windows or macOS bundle without
   * it): the app icon from our resources. Added here, not at start-up:
   * a path added to a theme that has been read makes GTK read it again. */
  if (!gtk_icon_theme_has_icon (theme, NF_APP_ID))
    gtk_icon_theme_add_resource_path (theme, ICONS_RESOURCE_PATH);
  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", _("Ninefold"),
                        "application-icon", NF_APP_ID,
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

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
free_error_if_set (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

/* The cards the first frame shows, drawn here as their widgets would draw
 * them at one device pixel per unit, each left with its card for the
 * widget to take: 22 M of the first frame's 59 M instructions, moved
 * off the main thread.
 * Another scale, or the dark style, draws them again there. */
static void
draw_shown_cards (NfGridLayout      *layout,
                  const NfGridStyle *style)
{
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      NfRect content;

      nf_grid_layout_get_content_rect (layout, (NfBlock) b, &content);
      for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, (NfBlock) b); i++)
        {
          NfRect r;
          NfCardLayout *card = nf_grid_layout_get_card (layout, (NfBlock) b, i, &r);
          g_autoptr(NfCardCache) cache = NULL;

          /* Below a scrolling block's fold: drawn when scrolled to. */
          if (r.y >= content.y + content.height)
            break;
          cache = nf_card_cache_new (0);
          if (nf_card_cache_get_pixels (cache, card, style, 1, NULL) != NULL)
            nf_card_cache_offer (cache, card);
        }
    }
}

/* The fonts of the labels the window shows first (its tabs name the cases),
 * loaded while the main thread parses libadwaita's style sheet. */
static void
warm_label_fonts (Preload *preload)
{
  g_autoptr(GString) titles = g_string_new (NULL);
  NfLabelFonts *fonts;

  g_mutex_lock (&preload->lock);
  while (!preload->label_fonts_told)
    g_cond_wait (&preload->told, &preload->lock);
  fonts = preload->label_fonts;
  g_mutex_unlock (&preload->lock);
  if (fonts == NULL)
    return;
  for (guint i = 0; i < preload->canvases->len; i++)
    {
      NfCanvas *canvas = g_ptr_array_index (preload->canvases, i);

      if (canvas != NULL)
        g_string_append_printf (titles, "%s ", nf_canvas_get_title (canvas));
    }
  nf_label_fonts_warm (fonts, preload->font_map, titles->str);
}

static gpointer
preload_thread (gpointer data)
{
  Preload *preload = data;
  const char * const *paths = nf_case_resource_paths ();
  NfCanvas *first;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      GError *error = NULL;
      NfCanvas *canvas = nf_canvas_load_case (i, &error);

      g_ptr_array_add (preload->canvases, canvas);
      g_ptr_array_add (preload->errors, error);
    }

  /* The grid layout shapes its text with this thread's default font map. */
  preload->font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (preload->font_map));
  first = preload->canvases->len > 0 ? g_ptr_array_index (preload->canvases, 0) : NULL;
  if (first != NULL)
    {
      g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();

      /* Laid out only at the size its view will have: at any other the
       * view would lay it out again. Otherwise shaping a case warms
       * the fonts as much. */
      preload->layout = nf_grid_layout_new (first, style, preload->lang);
      nf_grid_layout_allocate (preload->layout,
                               preload->width > 0 ? preload->width : 1270,
                               preload->height > 0 ? preload->height : 582);
      if (preload->width <= 0)
        g_clear_object (&preload->layout);
      else
        draw_shown_cards (preload->layout, style);
    }
  warm_label_fonts (preload);
  pango_cairo_font_map_set_default (NULL);
  return NULL;
}

static void
preload_start (NfApplication *self)
{
  Preload *preload;

  if (self->opening_files)
    return;
  preload = g_new0 (Preload, 1);
  self->preloaded = TRUE;
  preload->lang = g_strdup (nf_ui_note_language ());
  if (!_nf_window_first_view_size (&preload->width, &preload->height))
    preload->width = preload->height = 0;
  g_mutex_init (&preload->lock);
  g_cond_init (&preload->told);
  preload->canvases = g_ptr_array_new_with_free_func (unref_if_set);
  preload->errors = g_ptr_array_new_with_free_func (free_error_if_set);
  preload->thread = g_thread_new ("nf-preload", preload_thread, preload);
  self->preload = preload;
}

static void
preload_free (Preload *preload)
{
  g_mutex_clear (&preload->lock);
  g_cond_clear (&preload->told);
  g_clear_pointer (&preload->label_fonts, nf_label_fonts_free);
  g_free (preload->lang);
  g_clear_object (&preload->layout);
  g_clear_object (&preload->font_map);
  g_ptr_array_unref (preload->canvases);
  g_ptr_array_unref (preload->errors);
  g_free (preload);
}

/* Tells the thread how labels set their text (NULL: no display, no
 * labels); only the first telling counts. Takes `fonts`. */
static void
preload_tell_label_fonts (Preload      *preload,
                          NfLabelFonts *fonts)
{
  g_mutex_lock (&preload->lock);
  if (!preload->label_fonts_told)
    {
      preload->label_fonts_told = TRUE;
      preload->label_fonts = g_steal_pointer (&fonts);
      g_cond_signal (&preload->told);
    }
  g_mutex_unlock (&preload->lock);
  nf_label_fonts_free (fonts);
}

/* Waits for the thread, once, and makes its font map the main thread's
 * default before any widget of a window has made a Pango context (the
 * label that only told the thread how labels look had one of its own). */
static void
preload_join (NfApplication *self)
{
  Preload *preload = self->preload;

  if (preload == NULL || preload->thread == NULL)
    return;
  preload_tell_label_fonts (preload, NULL);
  g_thread_join (g_steal_pointer (&preload->thread));
  pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (preload->font_map));
}

static void
preload_discard (NfApplication *self)
{
  preload_join (self);
  g_clear_pointer (&self->preload, preload_free);
}

/* What AdwApplication loads from a resource base path (we have none:
 * see nf_application_new()), at the priority it gives it. */
static void
load_style_sheet (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
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
  static const char *help_accels[] = { "<Control>question", NULL };

  /* Before GTK starts: the thread runs while it does. */
  preload_start (self);

  /* GTK opens the display, and makes its settings, here rather than in
   * the chain-up below, so the theme GTK_THEME named (see nf_application_init) is what it parses, and
   * the variable is gone before libadwaita looks: libadwaita loads its own
   * style sheets, and sets the same empty theme, only where GTK_THEME is
   * unset. Unsetting leaves the environment's array in place, so the
   * threads already running cannot read freed memory. */
  if (gtk_init_check ())
    {
      gtk_settings_get_default ();   /* where GTK reads the theme */
      /* A label asks its Pango context of GTK as any label will. Its
       * class is one every window needs anyway. */
      if (self->preload != NULL)
        {
          GtkWidget *label = g_object_ref_sink (gtk_label_new (NULL));

          preload_tell_label_fonts (self->preload, nf_label_fonts_new_for_widget (label));
          g_object_unref (label);
        }
    }
  if (self->set_gtk_theme)
    g_unsetenv ("GTK_THEME");
  self->set_gtk_theme = FALSE;

  G_APPLICATION_CLASS (nf_application_parent_class)->startup (application);
  load_style_sheet ();
  /* Where libadwaita left the theme to the system (as it does beside
   * elementary's Granite), GTK must read the theme it names after all. */
  if (g_getenv ("GTK_THEME") == NULL)
    {
      GtkSettings *settings = gtk_settings_get_default ();
      g_autofree char *theme = NULL;

      g_object_get (settings, "gtk-theme-name", &theme, NULL);
      if (g_strcmp0 (theme, EMPTY_THEME) != 0)
        g_object_notify (G_OBJECT (settings), "gtk-theme-name");
    }

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  /* As GtkApplication would set them for a gtk/help-overlay.ui; the
   * window builds its shortcuts window when first asked instead. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         help_accels);
}

/* Runs before startup, in the process the user started: whether its
 * arguments name files (anything not an option; all after "--").
 * Started again while running, the files go to the first process and
 * this one never starts up. A wrong guess costs only time: without the
 * thread, activation loads the cases itself. */
static gboolean
nf_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  NfApplication *self = NF_APPLICATION (application);
  char **args = *arguments;
  gboolean options = TRUE;

  for (guint i = 1; args[i] != NULL; i++)
    {
      if (options && g_str_equal (args[i], "--"))
        options = FALSE;
      else if (!options || (args[i][0] != '-' && args[i][0] != '\0'))
        self->opening_files = TRUE;
    }
  return G_APPLICATION_CLASS (nf_application_parent_class)->local_command_line (application,
                                                                                arguments,
                                                                                exit_status);
}

static void
nf_application_shutdown (GApplication *application)
{
  NfApplication *self = NF_APPLICATION (application);

  /* Never opened a window: the thread must still end before we do. */
  preload_discard (self);
  G_APPLICATION_CLASS (nf_application_parent_class)->shutdown (application);
}

static NfWindow *
new_window (NfApplication *self)
{
  NfWindow *window;
  gboolean first = self->recovery == NULL;

  preload_join (self);
  window = nf_window_new (GTK_APPLICATION (self));

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
  /* The cases the start-up thread loaded, or, started some other way, now. */
  if (self->preload != NULL)
    {
      for (guint i = 0; i < self->preload->canvases->len; i++)
        _nf_window_add_case (window, i, g_ptr_array_index (self->preload->canvases, i),
                             g_ptr_array_index (self->preload->errors, i));
      /* The thread laid the first case out at the size its view has in a
       * window of the default size: the first frame that shows it need
       * not do it again (a third of start-up's instructions). */
      if (self->preload->layout != NULL)
        _nf_window_offer_layout (window, self->preload->layout);
      g_clear_pointer (&self->preload, preload_free);
      _nf_window_update_state (window);
    }
  else
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

  /* Started to open files: the cases are not wanted. */
  preload_discard (self);
  /* Into a running window the user wants to see what was opened; a new
   * window with many files shows them all on its list. */
  nf_window_open_files_full (window, files, (guint) n_files, NF_IS_WINDOW (active) || n_files == 1);
  gtk_window_present (GTK_WINDOW (window));
}

static void
nf_application_dispose (GObject *object)
{
  NfApplication *self = NF_APPLICATION (object);

  g_clear_object (&self->recovery);
  preload_discard (self);
  G_OBJECT_CLASS (nf_application_parent_class)->dispose (object);
}

static void
nf_application_class_init (NfApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = nf_application_dispose;

  app_class->local_command_line = nf_application_local_command_line;
  app_class->startup = nf_application_startup;
  app_class->shutdown = nf_application_shutdown;
  app_class->activate = nf_application_activate;
  app_class->open = nf_application_open;
}

static void
nf_application_init (NfApplication *self)
{
  /* Before startup, which loads style.css from them. */
  _nf_gui_ensure_resources ();

  /* GTK parses its default theme as it opens the display (80 M
   * instructions, a sixth of a bare window's start-up), and libadwaita
   * replaces it by its empty theme at once. Naming the empty theme from
   * the start skips that parse. Set here, before GApplication starts any
   * thread (setting may move the environment), and only where the user
   * has not chosen a theme this way. */
  if (g_getenv ("GTK_THEME") == NULL)
    self->set_gtk_theme = g_setenv ("GTK_THEME", EMPTY_THEME, FALSE);
}

gboolean
_nf_application_get_preloaded (NfApplication *self)
{
  g_return_val_if_fail (NF_IS_APPLICATION (self), FALSE);
  return self->preloaded;
}

NfApplication *
nf_application_new (void)
{
  return g_object_new (NF_TYPE_APPLICATION,
                       "application-id", NF_APP_ID,
                       /* Unique: a second start hands its files to the
                        * first, so one process owns the recovery folder. */
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       /* None: GtkApplication would add its icons folder to the
                        * icon theme GTK has begun reading in a thread, and
                        * libadwaita its own a moment later, each time making
                        * GTK read the theme again and the window wait for it.
                        * With no base path only libadwaita adds one, as it
                        * makes the theme; style.css is loaded below. */
                       "resource-base-path", NULL,
                       NULL);
}
