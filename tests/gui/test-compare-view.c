/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The compare view and the snapshots dialog, under a real (virtual)
 * display: `dbus-run-session -- xvfb-run -a meson test --suite gui`. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>

#include "nf-compare-view.h"
#include "nf-snapshots-dialog.h"
#include "nf-test-gui.h"

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             guint      nth)
{
  guint seen = 0;
  GPtrArray *stack = g_ptr_array_new ();
  GtkWidget *found = NULL;

  g_ptr_array_add (stack, root);
  /* Breadth first keeps the rows in the order they are shown. */
  for (guint i = 0; i < stack->len && found == NULL; i++)
    {
      GtkWidget *w = g_ptr_array_index (stack, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && seen++ == nth)
        found = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_ptr_array_unref (stack);
  return found;
}

static void
load_cases (NfCanvas **canvases)
{
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GError) error = NULL;

      canvases[i] = nf_canvas_load_case (i, &error);
      g_assert_no_error (error);
    }
}

static void
assert_labels (NfCompareView *view)
{
  NfCompareLayout *layout = nf_compare_view_get_layout (view);
  guint n = nf_compare_layout_get_n_canvases (layout);

  g_assert_cmpuint (nf_compare_view_get_n_cells (view), ==, nf_compare_layout_get_n_rows (layout) * n);
  for (guint r = 0; r < nf_compare_layout_get_n_rows (layout); r++)
    {
      GtkWidget *row = nf_compare_view_get_row_widget (view, r);

      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_ROLE_GROUP);
      g_assert_true (gtk_widget_get_focusable (row));
      for (guint c = 0; c < n; c++)
        {
          GtkWidget *cell = nf_compare_view_get_cell (view, r * n + c);
          g_autofree char *label = nf_compare_layout_describe_cell (layout, r, c);
          g_autofree char *prefix = g_strdup_printf ("%s, %s: ",
                                                     nf_block_title (nf_compare_layout_get_row_block (layout, r)),
                                                     nf_compare_layout_get_canvas_name (layout, c));

          g_assert_true (g_str_has_prefix (label, prefix));
          gtk_test_accessible_assert_role (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_ROLE_GROUP);
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
          g_assert_true (gtk_widget_get_focusable (cell));
          g_assert_cmpint (gtk_widget_get_width (cell), >, 100);
        }
    }
}

static void
test_cases (void)
{
  NfCanvas *canvases[4];
  GtkWidget *view, *window;
  NfCompareLayout *layout;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  load_cases (canvases);
  view = nf_compare_view_new (canvases, 4);
  window = nf_test_show (view, 1366, 768);
  layout = nf_compare_view_get_layout (NF_COMPARE_VIEW (view));
  g_assert_cmpuint (nf_compare_layout_get_n_rows (layout), ==, NF_N_BLOCKS);
  g_assert_cmpfloat (nf_compare_layout_get_width (layout), >, 1000);
  assert_labels (NF_COMPARE_VIEW (view));
  {
    g_autofree char *label = nf_compare_layout_describe_cell (layout, NF_BLOCK_REVENUE_STREAMS, 1);

    g_assert_true (g_str_has_prefix (label, "Revenue Streams, Alibaba: "));
    g_assert_nonnull (strstr (label, "only here"));
  }
  nf_test_screenshot (window, "compare-view-light.png");
  {
    GtkWidget *scroller = find_widget (view, GTK_TYPE_SCROLLED_WINDOW, 0);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    /* The metric table and charts beneath the blocks. */
    g_assert_cmpfloat (gtk_adjustment_get_upper (adj), >,
                       nf_compare_layout_get_height (layout) +
                       nf_compare_metrics_get_height (nf_compare_view_get_metrics (NF_COMPARE_VIEW (view))) - 1);
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    nf_test_settle (window);
    nf_test_screenshot (window, "compare-view-metrics.png");
    gtk_adjustment_set_value (adj, 0);
  }

  /* Differences only, through the action the switch and Ctrl+D use. */
  gtk_widget_activate_action (view, "compare.differences-only", NULL);
  nf_test_settle (window);
  g_assert_true (nf_compare_layout_get_differences_only (layout));
  for (guint r = 0; r < nf_compare_layout_get_n_rows (layout); r++)
    for (guint c = 0; c < 4; c++)
      {
        NfCompareCellSummary summary;

        nf_compare_layout_get_cell_summary (layout, r, c, &summary);
        g_assert_cmpuint (summary.n_marked[NF_DIFF_SHARED], ==, 0);
      }
  assert_labels (NF_COMPARE_VIEW (view));

  /* Focus on one block, as Alt+9 does. */
  gtk_widget_activate_action (view, "compare.block", "i", (int) NF_BLOCK_REVENUE_STREAMS);
  nf_test_settle (window);
  g_assert_cmpuint (nf_compare_layout_get_n_rows (layout), ==, 1);
  g_assert_cmpuint (nf_compare_view_get_n_cells (NF_COMPARE_VIEW (view)), ==, 4);
  assert_labels (NF_COMPARE_VIEW (view));
  {
    g_autofree char *label = nf_compare_layout_describe_cell (layout, 0, 3);

    g_assert_true (g_str_has_prefix (label, "Revenue Streams, 数跑科技: "));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (nf_compare_view_get_cell (NF_COMPARE_VIEW (view), 3)),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  }

  /* Chinese translations, and the dark style. */
  gtk_widget_activate_action (view, "compare.language", "s", "zh");
  gtk_widget_activate_action (view, "compare.block", "i", -1);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  nf_test_settle (window);
  g_assert_cmpstr (nf_compare_layout_get_language (layout), ==, "zh");
  g_assert_cmpuint (nf_compare_layout_get_n_rows (layout), ==, NF_N_BLOCKS);
  nf_test_screenshot (window, "compare-view-dark-zh.png");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 4; i++)
    g_object_unref (canvases[i]);
}

typedef struct {
  NfCanvas *a, *b;
  guint     n;
} Requested;

static void
on_compare_requested (NfSnapshotsDialog *dialog,
                      NfCanvas          *a,
                      NfCanvas          *b,
                      Requested         *req)
{
  g_set_object (&req->a, a);
  g_set_object (&req->b, b);
  req->n++;
}

static void
test_snapshots (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (1, &error);
  GListModel *snapshots;
  GtkWidget *dialog, *entry;
  NfNote *first;
  guint n_before, n_after;
  Requested req = { NULL, NULL, 0 };

  g_assert_no_error (error);
  snapshots = nf_canvas_get_snapshots (canvas);
  g_assert_cmpuint (g_list_model_get_n_items (snapshots), ==, 0);
  dialog = nf_snapshots_dialog_new (NULL, canvas);
  g_signal_connect (dialog, "compare-requested", G_CALLBACK (on_compare_requested), &req);
  gtk_window_present (GTK_WINDOW (dialog));
  nf_test_settle (dialog);

  /* Take one by name, one by the default name (the date). */
  entry = find_widget (dialog, GTK_TYPE_ENTRY, 0);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Before the edit");
  gtk_widget_activate_action (dialog, "snapshots.take", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (snapshots), ==, 1);
  {
    g_autoptr(NfSnapshot) s = g_list_model_get_item (snapshots, 0);

    g_assert_cmpstr (nf_snapshot_get_name (s), ==, "Before the edit");
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  n_before = nf_canvas_get_n_notes (canvas);
  first = g_list_model_get_item (nf_canvas_get_notes (canvas, NF_BLOCK_KEY_PARTNERS), 0);
  nf_canvas_remove_note (canvas, first);
  g_object_unref (first);
  n_after = nf_canvas_get_n_notes (canvas);
  g_assert_cmpuint (n_after, ==, n_before - 1);

  gtk_widget_activate_action (dialog, "snapshots.take", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (snapshots), ==, 2);
  {
    g_autoptr(NfSnapshot) s = g_list_model_get_item (snapshots, 1);
    g_autofree char *name = nf_snapshots_dialog_default_name (nf_snapshot_get_time (s));

    g_assert_cmpstr (nf_snapshot_get_name (s), ==, name);
  }
  nf_test_settle (dialog);
  /* Listed newest first, each row with its name. */
  g_assert_nonnull (find_widget (dialog, ADW_TYPE_ACTION_ROW, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find_widget (dialog, ADW_TYPE_ACTION_ROW, 1))),
                   ==, "Before the edit");
  nf_test_screenshot (dialog, "snapshots-dialog.png");

  /* Restore the first: the note is back, and undo takes it away again. */
  gtk_widget_activate_action (dialog, "snapshots.restore", "u", 0);
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, n_before);
  g_assert_true (nf_history_undo (nf_canvas_get_history (canvas)));
  g_assert_cmpuint (nf_canvas_get_n_notes (canvas), ==, n_after);

  /* Compare the first with now: a detached earlier canvas and the live one. */
  gtk_widget_activate_action (dialog, "snapshots.compare-current", "u", 0);
  g_assert_cmpuint (req.n, ==, 1);
  g_assert_true (req.b == canvas);
  g_assert_true (req.a != canvas);
  g_assert_cmpuint (nf_canvas_get_n_notes (req.a), ==, n_before);
  {
    GtkWidget *view = nf_compare_view_new ((NfCanvas *[]) { req.a, req.b }, 2);
    GtkWidget *window = nf_test_show (view, 1366, 768);
    NfCompareLayout *layout = nf_compare_view_get_layout (NF_COMPARE_VIEW (view));
    guint removed = 0;

    g_assert_true (nf_diff_is_versions (nf_compare_layout_get_diff (layout)));
    for (guint r = 0; r < nf_compare_layout_get_n_rows (layout); r++)
      {
        NfCompareCellSummary summary;

        nf_compare_layout_get_cell_summary (layout, r, 0, &summary);
        removed += summary.n_marked[NF_DIFF_REMOVED];
      }
    g_assert_cmpuint (removed, ==, 1);
    assert_labels (NF_COMPARE_VIEW (view));
    nf_test_screenshot (window, "compare-view-versions.png");
    gtk_window_destroy (GTK_WINDOW (window));
  }

  /* Tick both and compare them: two detached canvases, older first. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (dialog, GTK_TYPE_CHECK_BUTTON, 0)), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (dialog, GTK_TYPE_CHECK_BUTTON, 1)), TRUE);
  gtk_widget_activate_action (dialog, "snapshots.compare-selected", NULL);
  g_assert_cmpuint (req.n, ==, 2);
  g_assert_true (req.a != canvas && req.b != canvas);
  g_assert_cmpuint (nf_canvas_get_n_notes (req.a), ==, n_before);
  g_assert_cmpuint (nf_canvas_get_n_notes (req.b), ==, n_after);

  /* Delete: the list follows. */
  gtk_widget_activate_action (dialog, "snapshots.remove", "u", 1);
  g_assert_cmpuint (g_list_model_get_n_items (snapshots), ==, 1);
  nf_test_settle (dialog);
  g_assert_null (find_widget (dialog, ADW_TYPE_ACTION_ROW, 1));

  g_clear_object (&req.a);
  g_clear_object (&req.b);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  if (!nf_test_gui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/gui/compare-view/cases", test_cases);
  g_test_add_func ("/gui/snapshots-dialog", test_snapshots);

  return g_test_run ();
}
