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
#include "nf-test-gui.h"
#include "nf-window.h"

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
  NfWindow *window = nf_test_new_window (960, 720);
  GtkWidget *label;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  label = nf_test_find_label (GTK_WIDGET (window), "没有打开的画布");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_null (nf_test_find_label (GTK_WIDGET (window), "No Canvases Open"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  nf_locale_init ();

  if (!nf_test_gui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui-zh/catalog", test_catalog);
  g_test_add_func ("/ui-zh/window", test_window);
  return g_test_run ();
}
