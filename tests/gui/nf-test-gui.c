/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-test-gui"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "nf-gui-resources-private.h"
#include "nf-test-gui.h"

/* GTK's built-in settings (fonts, theme) rather than the machine's, so
 * the tests measure the same everywhere; flags the environment already
 * gives GDK_DEBUG (CI adds gl-disable under AddressSanitizer) stay. */
void
nf_test_use_default_settings (void)
{
  const char *flags = g_getenv ("GDK_DEBUG");
  g_autofree char *both = NULL;

  if (flags == NULL || *flags == '\0')
    {
      g_setenv ("GDK_DEBUG", "default-settings", TRUE);
      return;
    }
  if (strstr (flags, "default-settings") != NULL)
    return;
  both = g_strconcat (flags, ",default-settings", NULL);
  g_setenv ("GDK_DEBUG", both, TRUE);
}

gboolean
nf_test_gui_init (int    *argc,
                  char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("1..0 # SKIP no display: run under xvfb-run\n");
      return FALSE;
    }

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  nf_test_use_default_settings ();
  /* The tests read the accessibility tree through GTK's test context, which
   * holds the same names and descriptions as the AT-SPI bridge without its
   * bus: a bus that is slow to start or shared with another session made
   * GTK warn, and gtk_test_init() turns that warning into an abort. */
  g_setenv ("GTK_A11Y", "test", FALSE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return TRUE;
}

void
nf_test_gui_load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  _nf_gui_ensure_resources ();
  gtk_css_provider_load_from_resource (provider, "/org/ninefold/Ninefold/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

double
nf_test_slowdown (void)
{
  const char *factor = g_getenv ("NF_TEST_SLOWDOWN");
  double value = factor != NULL ? g_ascii_strtod (factor, NULL) : 1;

  return value >= 1 ? value : 1;
}

void
nf_test_settle (GtkWidget *widget)
{
  for (int i = 0; i < 5; i++)
    gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

GtkWidget *
nf_test_show (GtkWidget *child,
              int        width,
              int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  for (guint i = 0; i < 500 && gtk_widget_get_width (child) < width; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gtk_widget_get_width (child), >, 0);
  nf_test_settle (window);
  return window;
}

NfWindow *
nf_test_new_window (int width,
                    int height)
{
  NfWindow *window = nf_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
give_up (gpointer data)
{
  g_error ("%s did not happen in time", (const char *) data);
  return G_SOURCE_REMOVE;
}

void
nf_test_wait_for (NfTestDone  done,
                  gpointer    data,
                  guint       seconds,
                  const char *what)
{
  guint timeout = g_timeout_add_seconds ((guint) (seconds * nf_test_slowdown ()), give_up, (gpointer) what);

  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

static gboolean
window_idle (gpointer data)
{
  return !nf_window_get_busy (data);
}

void
nf_test_wait_until_loaded (NfWindow *window)
{
  nf_test_wait_for (window_idle, window, 60, "loading the files");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

GtkWidget *
nf_test_find (GtkWidget    *root,
              NfTestMatch   match,
              gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = nf_test_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
find_all (GtkWidget    *root,
          NfTestMatch   match,
          gconstpointer data,
          GPtrArray    *found)
{
  if (match (root, data))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, match, data, found);
}

GPtrArray *
nf_test_find_all (GtkWidget    *root,
                  NfTestMatch   match,
                  gconstpointer data)
{
  GPtrArray *found = g_ptr_array_new ();

  find_all (root, match, data, found);
  return found;
}

static gboolean
is_type (GtkWidget    *widget,
         gconstpointer data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

GtkWidget *
nf_test_find_type (GtkWidget *root,
                   GType      type)
{
  return nf_test_find (root, is_type, GSIZE_TO_POINTER (type));
}

guint
nf_test_count_type (GtkWidget *root,
                    GType      type)
{
  g_autoptr(GPtrArray) all = nf_test_find_all (root, is_type, GSIZE_TO_POINTER (type));

  return all->len;
}

gboolean
nf_test_label_is (GtkWidget    *widget,
                  gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text);
}

gboolean
nf_test_label_contains (GtkWidget    *widget,
                        gconstpointer text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

gboolean
nf_test_tooltip_is (GtkWidget    *widget,
                    gconstpointer text)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

GtkWidget *
nf_test_find_label (GtkWidget  *root,
                    const char *text)
{
  return nf_test_find (root, nf_test_label_is, text);
}

static gboolean
is_toast_label (GtkWidget    *widget,
                gconstpointer text)
{
  if (!nf_test_label_contains (widget, text))
    return FALSE;
  /* libadwaita's toast widget is private: known by its type name. */
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    if (g_str_equal (G_OBJECT_TYPE_NAME (up), "AdwToastWidget"))
      return TRUE;
  return FALSE;
}

GtkWidget *
nf_test_find_toast (GtkWidget  *root,
                    const char *text)
{
  return nf_test_find (root, is_toast_label, text);
}

GtkWindow *
nf_test_find_toplevel (GtkWindow *parent,
                       GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if ((type == G_TYPE_INVALID || G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type)) &&
          gtk_window_get_transient_for (toplevel) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

void
nf_test_assert_showing (GtkWidget *widget)
{
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_is_visible (widget));
  g_assert_true (gtk_widget_get_mapped (widget));
}

gboolean
nf_test_accessible_label_is (GtkWidget  *widget,
                             const char *label)
{
  g_autofree char *mismatch = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  if (mismatch != NULL)
    g_test_message ("accessible label of %s: %s", G_OBJECT_TYPE_NAME (widget), mismatch);
  return mismatch == NULL;
}

cairo_surface_t *
nf_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_cmpint (w, >, 0);
  g_assert_cmpint (h, >, 0);
  /* A window that has just come up may still be fading in, with nothing
   * to draw yet. */
  for (guint i = 0; i < 100 && node == NULL; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (i > 0)
        gtk_test_widget_wait_for_draw (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

void
nf_test_pixel (cairo_surface_t *surface,
               int              x,
               int              y,
               guint8           rgb[3])
{
  const guint8 *row;
  guint32 pixel;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);
  pixel = ((const guint32 *) row)[x];
  rgb[0] = (pixel >> 16) & 0xff;
  rgb[1] = (pixel >> 8) & 0xff;
  rgb[2] = pixel & 0xff;
}

void
nf_test_screenshot (GtkWidget  *widget,
                    const char *name)
{
  cairo_surface_t *surface = nf_test_render (widget);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("screenshot: %s", path);
  cairo_surface_destroy (surface);
}

char *
nf_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ninefold-gui-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
nf_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        nf_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

gboolean
nf_test_trigger_is (GtkShortcutTrigger *trigger,
                    guint               keyval,
                    GdkModifierType     mods)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    return gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
           gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods;
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return nf_test_trigger_is (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods) ||
           nf_test_trigger_is (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, mods);
  return FALSE;
}

gboolean
nf_test_press_shortcut (GtkWidget       *view,
                        guint            keyval,
                        GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          if (nf_test_trigger_is (gtk_shortcut_get_trigger (shortcut), keyval, mods) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, view,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

NfNote *
nf_test_note_at (NfCanvas *canvas,
                 NfBlock   block,
                 guint     index)
{
  g_autoptr(NfNote) note = g_list_model_get_item (nf_canvas_get_notes (canvas, block), index);

  return note;  /* the canvas holds it */
}
