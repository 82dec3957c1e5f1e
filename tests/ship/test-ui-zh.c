/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-zh"

/* The window under LANGUAGE=zh_CN speaks Chinese: the text domain is set
 * up as main() does it (nf_locale_init), from the build folder's catalogs,
 * and the window's own labels come out translated. Needs a display:
 * `dbus-run-session -- xvfb-run -a meson test --suite gui`. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <ninefold.h>

#include "nf-locale.h"
#include "nf-window.h"

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_str_equal (gtk_label_get_text (GTK_LABEL (root)), text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_catalog (void)
{
  g_assert_cmpstr (nf_ui_note_language (), ==, "zh-CN");
  g_assert_cmpstr (nf_block_title (NF_BLOCK_VALUE_PROPOSITIONS), ==, "价值主张");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window", "Keyboard Shortcuts"), ==, "键盘快捷键");
}

static void
test_window (void)
{
  NfWindow *window = nf_window_new (NULL);
  GtkWidget *label;

  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  label = find_label (GTK_WIDGET (window), "没有打开的画布");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_null (find_label (GTK_WIDGET (window), "No Canvases Open"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  nf_locale_init ();

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("1..0 # SKIP no display: run under xvfb-run\n");
      return 0;
    }
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GDK_DEBUG", "default-settings", TRUE);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_setenv ("GTK_A11Y", "none", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui-zh/catalog", test_catalog);
  g_test_add_func ("/ui-zh/window", test_window);
  return g_test_run ();
}
