/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Checks panel: win.check lists what `ninefold check` finds in the
 * canvas in view, and a finding is one click from its note. */
#include "config.h"

#include <string.h>

#include "nf-canvas-view.h"
#include "nf-checks-panel.h"
#include "nf-editor-page.h"
#include "nf-note-card.h"
#include "nf-test-gui.h"

static gboolean
is_finding_of (GtkWidget    *widget,
               gconstpointer subject)
{
  return GTK_IS_LIST_BOX_ROW (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "nf-subject"), subject) == 0;
}

static void
test_senmiao (void)
{
  NfWindow *window = nf_test_new_window (1366, 768);
  g_autoptr(NfCanvas) senmiao = NULL;
  GListModel *canvases;
  GtkWidget *view, *panel, *row, *focus;
  NfNote *n17;

  nf_window_open_cases (window);
  nf_test_wait_until_loaded (window);
  canvases = nf_window_get_canvases (window);
  for (guint i = 0; i < g_list_model_get_n_items (canvases) && senmiao == NULL; i++)
    {
      g_autoptr(NfCanvas) canvas = g_list_model_get_item (canvases, i);

      if (g_str_has_prefix (nf_canvas_get_company (canvas), "Senmiao"))
        senmiao = g_object_ref (canvas);
    }
  g_assert_nonnull (senmiao);
  nf_window_show_canvas (window, senmiao);
  nf_test_settle (GTK_WIDGET (window));
  view = nf_window_get_canvas_view (window);
  g_assert_nonnull (view);
  g_assert_true (nf_canvas_view_get_canvas (NF_CANVAS_VIEW (view)) == senmiao);

  /* Ctrl+Shift+K, as the menu's item does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check", NULL));
  nf_test_settle (GTK_WIDGET (window));
  panel = nf_test_find_type (GTK_WIDGET (window), NF_TYPE_CHECKS_PANEL);
  g_assert_nonnull (panel);
  nf_test_assert_showing (panel);
  g_assert_cmpint (gtk_widget_get_width (panel), >=, 280);
  g_assert_cmpint (gtk_widget_get_width (view), >=, 600);
  g_assert_cmpuint (nf_checks_panel_get_n_rows (NF_CHECKS_PANEL (panel)), >=, 5);

  /* The leasing revenue stated twice, $15 million in n17 and $4 million
   * in n81: a row, and activating it focuses n17's card. */
  row = nf_test_find (panel, is_finding_of, "n17");
  g_assert_nonnull (row);
  nf_test_assert_showing (row);
  nf_test_screenshot (GTK_WIDGET (window), "checks-panel.png");
  g_signal_emit_by_name (row, "activate");
  nf_test_settle (GTK_WIDGET (window));
  n17 = nf_canvas_find_note (senmiao, "n17", NULL, NULL);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (NF_IS_NOTE_CARD (focus));
  g_assert_true (nf_note_card_get_note (NF_NOTE_CARD (focus)) == n17);

  /* Marked as conflicting, the pair is said as marked and the card says
   * with what, in its accessible description. */
  g_assert_true (nf_canvas_add_note_conflict (senmiao, n17, "n81", NULL));
  gtk_widget_activate_action (panel, "checks.refresh", NULL);
  nf_test_settle (GTK_WIDGET (window));
  row = nf_test_find (panel, is_finding_of, "n17");
  g_assert_nonnull (row);
  g_assert_nonnull (nf_test_find (row, nf_test_label_is, "Marked"));
  {
    g_autofree char *tooltip = nf_note_card_get_tooltip_markup (NF_NOTE_CARD (focus));

    g_assert_nonnull (strstr (tooltip, "Conflicts with n81"));
  }

  gtk_widget_activate_action (panel, "checks.close", NULL);
  nf_test_settle (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_visible (panel));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  if (!nf_test_gui_init (&argc, &argv))
    return 0;
  nf_test_gui_load_style ();
  g_test_add_func ("/gui/checks-panel/senmiao", test_senmiao);
  return g_test_run ();
}
