/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The compare view and the snapshots dialog, under a real (virtual)
 * display: `dbus-run-session -- xvfb-run -a meson test --suite gui`. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "nf-compare-view.h"
#include "nf-snapshots-dialog.h"
#include "nf-themes-view.h"
#include "nf-compare-picker.h"
#include "nf-settings.h"
#include "nf-window.h"
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

    g_autofree char *senmiao = nf_compare_layout_describe_cell (layout, NF_BLOCK_REVENUE_STREAMS, 2);

    /* Alibaba's commissions, advertising and service fees each meet
     * another company's; Senmiao has notes no one else has. */
    g_assert_true (g_str_has_prefix (label, "Revenue Streams, Alibaba: "));
    g_assert_nonnull (strstr (label, "3 near match"));
    g_assert_true (g_str_has_prefix (senmiao, "Revenue Streams, Senmiao Technology: "));
    g_assert_nonnull (strstr (senmiao, "only here"));
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

  /* Focus on one block, as Ctrl+9 does. */
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

/* Company names and the block's name stay in view while the notes scroll. */
static void
test_sticky (void)
{
  NfCanvas *canvases[4];
  GtkWidget *view, *window, *header, *pinned;
  GtkAdjustment *adj;
  NfCompareLayout *layout;
  graphene_rect_t before, after;
  NfRect row;
  double legend;

  load_cases (canvases);
  view = nf_compare_view_new (canvases, 4);
  window = nf_test_show (view, 1366, 768);
  layout = nf_compare_view_get_layout (NF_COMPARE_VIEW (view));
  header = nf_compare_view_get_header (NF_COMPARE_VIEW (view));
  pinned = nf_compare_view_get_pinned_heading (NF_COMPARE_VIEW (view));
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (nf_compare_view_get_scroller (NF_COMPARE_VIEW (view))));
  g_assert_true (gtk_widget_compute_bounds (header, window, &before));
  g_assert_cmpfloat (before.size.height, >, 20);
  g_assert_false (gtk_widget_get_visible (pinned));

  /* Into the middle of the fourth block's cards. */
  legend = gtk_widget_get_height (find_widget (view, GTK_TYPE_DRAWING_AREA, 1));
  nf_compare_layout_get_row_rect (layout, 3, &row);
  gtk_adjustment_set_value (adj, legend + row.y + row.height / 2);
  nf_test_settle (window);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 200);
  g_assert_true (gtk_widget_compute_bounds (header, window, &after));
  g_assert_cmpfloat (after.origin.y, ==, before.origin.y);
  g_assert_cmpfloat (after.size.height, ==, before.size.height);
  g_assert_true (gtk_widget_get_visible (pinned));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pinned)), ==,
                   nf_block_title (nf_compare_layout_get_row_block (layout, 3)));
  {
    graphene_rect_t p, sc;

    /* Pinned at the top of the scrolled part, just under the names. */
    g_assert_true (gtk_widget_compute_bounds (pinned, window, &p));
    g_assert_true (gtk_widget_compute_bounds (nf_compare_view_get_scroller (NF_COMPARE_VIEW (view)), window, &sc));
    g_assert_cmpfloat (p.origin.y, ==, sc.origin.y);
    g_assert_cmpfloat (p.origin.y, >=, after.origin.y + after.size.height);
    g_assert_cmpfloat (p.size.height, >, 10);
  }
  nf_test_screenshot (window, "compare-view-sticky.png");

  gtk_adjustment_set_value (adj, 0);
  nf_test_settle (window);
  g_assert_false (gtk_widget_get_visible (pinned));

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 4; i++)
    g_object_unref (canvases[i]);
}

/* The pinned heading, where shown, covers no other block's title, and its
 * own only once that has gone under it whole: one heading is never drawn
 * over another. Returns whether it is shown. */
static gboolean
pinned_is_clear (GtkWidget *view)
{
  NfCompareView *cv = NF_COMPARE_VIEW (view);
  NfCompareLayout *layout = nf_compare_view_get_layout (cv);
  GtkWidget *pinned = nf_compare_view_get_pinned_heading (cv);
  GtkWidget *scroller = nf_compare_view_get_scroller (cv);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  double legend = gtk_widget_get_height (find_widget (view, GTK_TYPE_DRAWING_AREA, 1));
  graphene_rect_t p;

  if (!gtk_widget_get_visible (pinned) || !gtk_widget_get_mapped (pinned))
    return FALSE;
  g_assert_true (gtk_widget_compute_bounds (pinned, scroller, &p));
  g_assert_cmpfloat (p.size.height, >, 10);
  for (guint r = 0; r < nf_compare_layout_get_n_rows (layout); r++)
    {
      NfRect band;
      double top, bottom;

      nf_compare_layout_get_title_rect (layout, r, &band);
      top = legend + band.y - gtk_adjustment_get_value (adj);
      bottom = top + band.height;
      if (bottom <= p.origin.y || top >= p.origin.y + p.size.height)
        continue;
      g_test_message ("at %.0f: pinned %s over %s's title (%.0f–%.0f, pinned %.0f–%.0f)",
                      gtk_adjustment_get_value (adj), gtk_label_get_text (GTK_LABEL (pinned)),
                      nf_block_title (nf_compare_layout_get_row_block (layout, r)), top, bottom,
                      p.origin.y, p.origin.y + p.size.height);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pinned)), ==,
                       nf_block_title (nf_compare_layout_get_row_block (layout, r)));
      g_assert_cmpfloat (bottom, <=, p.origin.y + p.size.height);
    }
  return TRUE;
}

/* Two companies at 1920×1080, scrolled past every block's title in small
 * steps and to the end: the pinned heading of the block above never sits
 * on the next block's title (it did at the end, on Cost Structure). */
static void
test_sticky_clear (void)
{
  NfCanvas *canvases[4];
  GtkWidget *view, *window;
  GtkAdjustment *adj;
  NfCompareLayout *layout;
  guint n_shown = 0;
  double legend;

  /* The heading's padding, and so its height, is the app's style's. */
  nf_test_gui_load_style ();
  load_cases (canvases);
  view = nf_compare_view_new (canvases, 2);
  window = nf_test_show (view, 1920, 1080);
  layout = nf_compare_view_get_layout (NF_COMPARE_VIEW (view));
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (nf_compare_view_get_scroller (NF_COMPARE_VIEW (view))));
  legend = gtk_widget_get_height (find_widget (view, GTK_TYPE_DRAWING_AREA, 1));

  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
  nf_test_settle (window);
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 0);
  n_shown += pinned_is_clear (view);
  nf_test_screenshot (window, "compare-view-sticky-end.png");

  for (guint r = 1; r < nf_compare_layout_get_n_rows (layout); r++)
    {
      NfRect band;

      nf_compare_layout_get_title_rect (layout, r, &band);
      for (int d = -48; d <= 8; d += 8)
        {
          gtk_adjustment_set_value (adj, legend + band.y + d);
          nf_test_settle (window);
          n_shown += pinned_is_clear (view);
        }
    }
  /* The check saw the heading pinned, not only hidden. */
  g_assert_cmpuint (n_shown, >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 4; i++)
    g_object_unref (canvases[i]);
}

/* Differences only between companies: nothing shared is left, and the
 * notes matched across companies sit side by side at the top. */
static void
test_differences_near (void)
{
  NfCanvas *canvases[4];
  GtkWidget *view, *window;
  NfCompareLayout *layout;
  guint n_near = 0;

  load_cases (canvases);
  view = nf_compare_view_new (canvases, 4);
  window = nf_test_show (view, 1366, 768);
  layout = nf_compare_view_get_layout (NF_COMPARE_VIEW (view));
  gtk_widget_activate_action (view, "compare.differences-only", NULL);
  nf_test_settle (window);
  for (guint r = 0; r < nf_compare_layout_get_n_rows (layout); r++)
    for (guint c = 0; c < 4; c++)
      for (guint k = 0; k < nf_compare_layout_get_n_cards (layout, r, c); k++)
        {
          NfDiffKind kind;
          NfRect rect, other_rect, cell;
          const NfDiffEntry *entry = nf_compare_layout_get_card_entry (layout, r, c, k);

          nf_compare_layout_get_card_note (layout, r, c, k, &kind, &rect);
          g_assert_cmpint (kind, !=, NF_DIFF_SHARED);
          if (kind != NF_DIFF_NEAR)
            continue;
          n_near++;
          /* Its match in another column starts level with it. */
          for (guint o = 0; o < 4; o++)
            if (o != c && entry->notes[o] != NULL)
              for (guint j = 0; j < nf_compare_layout_get_n_cards (layout, r, o); j++)
                if (nf_compare_layout_get_card_note (layout, r, o, j, NULL, &other_rect) == entry->notes[o])
                  g_assert_cmpfloat (other_rect.y, ==, rect.y);
          /* Matches come before the notes only one company has. */
          for (guint j = 0; j < k; j++)
            {
              NfDiffKind before;

              nf_compare_layout_get_card_note (layout, r, c, j, &before, NULL);
              g_assert_cmpint (before, !=, NF_DIFF_ONLY);
            }
          nf_compare_layout_get_cell_rect (layout, r, c, &cell);
          g_assert_cmpfloat (rect.y, >=, cell.y);
        }
  g_assert_cmpuint (n_near, >=, 2);
  nf_test_screenshot (window, "compare-view-differences.png");
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 4; i++)
    g_object_unref (canvases[i]);
}

/* The themes matrix: a cell's button lists the notes behind it. */
static void
test_themes (void)
{
  NfCanvas *canvases[4];
  GtkWidget *view, *window, *themes_view, *cell = NULL;
  const NfThemes *themes;
  const NfTheme *theme = NULL;
  guint canvas = 0;
  GtkPopover *popover;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  nf_test_gui_load_style ();
  load_cases (canvases);
  view = nf_compare_view_new (canvases, 4);
  window = nf_test_show (view, 1366, 768);
  g_assert_null (nf_compare_view_get_themes_view (NF_COMPARE_VIEW (view)));
  gtk_widget_activate_action (view, "compare.show-themes", NULL);
  nf_test_settle (window);
  themes_view = nf_compare_view_get_themes_view (NF_COMPARE_VIEW (view));
  g_assert_nonnull (themes_view);
  g_assert_true (gtk_widget_get_mapped (themes_view));
  themes = nf_themes_view_get_themes (NF_THEMES_VIEW (themes_view));
  g_assert_cmpstr (nf_themes_get_language (themes), ==, "en");

  /* A theme of the key resources two companies or more have. */
  for (guint t = 0; t < nf_themes_get_n_themes (themes, NF_BLOCK_KEY_RESOURCES) && theme == NULL; t++)
    {
      const NfTheme *candidate = nf_themes_get_theme (themes, NF_BLOCK_KEY_RESOURCES, t);

      if (candidate->n_canvases < 2)
        continue;
      theme = candidate;
      for (canvas = 0; candidate->notes[canvas]->len == 0; canvas++)
        ;
      cell = nf_themes_view_get_cell (NF_THEMES_VIEW (themes_view), NF_BLOCK_KEY_RESOURCES, t, canvas);
      for (guint i = 0; i < 4; i++)
        g_assert_true ((nf_themes_view_get_cell (NF_THEMES_VIEW (themes_view), NF_BLOCK_KEY_RESOURCES, t, i) != NULL) ==
                       (candidate->notes[i]->len > 0));
    }
  g_assert_nonnull (theme);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_get_mapped (cell));
  g_assert_cmpint (gtk_widget_get_width (cell), >, 100);
  {
    g_autofree char *label = g_strdup_printf ("%s, %s: %u %s", nf_compare_layout_get_canvas_name (
                                                nf_compare_view_get_layout (NF_COMPARE_VIEW (view)), canvas),
                                              theme->label, theme->notes[canvas]->len,
                                              theme->notes[canvas]->len == 1 ? "note" : "notes");

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  }
  nf_test_screenshot (window, "compare-view-themes.png");

  g_signal_emit_by_name (cell, "clicked");
  nf_test_settle (window);
  popover = nf_themes_view_get_popover (NF_THEMES_VIEW (themes_view));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  {
    guint n = 0;
    GtkWidget *label, *first = NULL;

    /* One label per note, with the note's text, in the canvas's order. */
    for (guint i = 0; (label = find_widget (GTK_WIDGET (popover), GTK_TYPE_LABEL, i)) != NULL; i++)
      if (gtk_widget_has_css_class (label, "nf-theme-note"))
        {
          if (n++ == 0)
            first = label;
          g_assert_true (gtk_widget_get_mapped (label));
        }
    g_assert_cmpuint (n, ==, theme->notes[canvas]->len);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (first)), ==,
                     nf_text_get (nf_note_get_text (g_ptr_array_index (theme->notes[canvas], 0))));
  }
  nf_test_screenshot (window, "compare-view-themes-popover.png");
  gtk_popover_popdown (popover);
  nf_test_settle (window);
  g_assert_null (nf_themes_view_get_popover (NF_THEMES_VIEW (themes_view)));

  /* In Chinese, dark: the matrix is made again in that language. */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_widget_activate_action (view, "compare.language", "s", "zh");
  nf_test_settle (window);
  g_assert_cmpstr (nf_themes_get_language (nf_themes_view_get_themes (NF_THEMES_VIEW (themes_view))), ==, "zh");
  nf_test_screenshot (window, "compare-view-themes-dark-zh.png");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  /* Back to the notes. */
  gtk_widget_activate_action (view, "compare.show-themes", NULL);
  nf_test_settle (window);
  g_assert_false (gtk_widget_get_mapped (themes_view));
  g_assert_true (gtk_widget_get_mapped (nf_compare_view_get_scroller (NF_COMPARE_VIEW (view))));

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 4; i++)
    g_object_unref (canvases[i]);
}

static NfComparePicker *
find_picker (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (NF_IS_COMPARE_PICKER (w) && gtk_widget_get_visible (w))
        return NF_COMPARE_PICKER (w);
    }
  return NULL;
}

/* Compare asks what to compare: the picker's choice is what the view shows. */
static void
test_picker (void)
{
  NfWindow *window = nf_window_new (NULL);
  GListModel *canvases;
  NfComparePicker *picker;
  NfCanvas *bitauto;
  GtkWidget *view;
  NfCompareLayout *layout;
  guint snapshot = G_MAXUINT, alibaba = G_MAXUINT, senmiao = G_MAXUINT;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2016, 3, 1, 12, 0, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  nf_window_open_cases (window);
  nf_test_settle (GTK_WIDGET (window));
  canvases = nf_window_get_canvases (window);
  g_assert_cmpuint (g_list_model_get_n_items (canvases), ==, 4);
  bitauto = g_list_model_get_item (canvases, 0);
  g_object_unref (bitauto);
  nf_canvas_take_snapshot (bitauto, "FY2015 baseline", when);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL);
  nf_test_settle (GTK_WIDGET (window));
  picker = find_picker ();
  g_assert_nonnull (picker);
  /* Four open canvases and Bitauto's snapshot; the cases are open already. */
  g_assert_cmpuint (nf_compare_picker_get_n_choices (picker), ==, 5);
  /* Enter compares: the focus starts on the Compare button. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (picker));

    g_assert_true (GTK_IS_BUTTON (focus));
    g_assert_true (gtk_widget_has_css_class (focus, "suggested-action"));
  }
  /* At first the open ones, as Compare used to take them. */
  g_assert_cmpuint (nf_compare_picker_get_n_chosen (picker), ==, 4);
  for (guint i = 0; i < nf_compare_picker_get_n_choices (picker); i++)
    {
      const char *title = nf_compare_picker_get_choice_title (picker, i);

      if (g_str_equal (title, "Bitauto — FY2015 baseline"))
        snapshot = i;
      else if (g_str_equal (title, "Alibaba"))
        alibaba = i;
      else if (g_str_equal (title, "Senmiao Technology"))
        senmiao = i;
      nf_compare_picker_set_chosen (picker, i, FALSE);
    }
  g_assert_cmpuint (snapshot, <, alibaba);
  g_assert_cmpuint (alibaba, <, senmiao);
  nf_compare_picker_set_chosen (picker, snapshot, TRUE);
  nf_test_settle (GTK_WIDGET (picker));
  /* One is not a comparison. */
  gtk_widget_activate_action (GTK_WIDGET (picker), "picker.compare", NULL);
  nf_test_settle (GTK_WIDGET (picker));
  g_assert_true (find_picker () == picker);
  nf_compare_picker_set_chosen (picker, alibaba, TRUE);
  nf_compare_picker_set_chosen (picker, senmiao, TRUE);
  g_assert_cmpuint (nf_compare_picker_get_n_chosen (picker), ==, 3);
  nf_test_settle (GTK_WIDGET (picker));
  g_test_message ("picker mapped %d %dx%d", gtk_widget_get_mapped (GTK_WIDGET (picker)),
                  gtk_widget_get_width (GTK_WIDGET (picker)), gtk_widget_get_height (GTK_WIDGET (picker)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  nf_test_screenshot (GTK_WIDGET (picker), "compare-picker.png");
  gtk_widget_activate_action (GTK_WIDGET (picker), "picker.compare", NULL);
  nf_test_settle (GTK_WIDGET (window));
  g_assert_null (find_picker ());

  view = find_widget (GTK_WIDGET (window), NF_TYPE_COMPARE_VIEW, 0);
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (view));
  layout = nf_compare_view_get_layout (NF_COMPARE_VIEW (view));
  g_assert_cmpuint (nf_compare_layout_get_n_canvases (layout), ==, 3);
  /* The focus is in the new view, so its shortcuts work at once. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), view));
  g_assert_cmpstr (nf_compare_layout_get_canvas_name (layout, 0), ==, "Bitauto");
  g_assert_cmpstr (nf_canvas_get_snapshot_name (nf_compare_layout_get_canvas (layout, 0)), ==, "FY2015 baseline");
  g_assert_cmpstr (nf_compare_layout_get_canvas_name (layout, 1), ==, "Alibaba");
  g_assert_cmpstr (nf_compare_layout_get_canvas_name (layout, 2), ==, "Senmiao Technology");
  g_assert_true (nf_compare_layout_get_canvas (layout, 1) == g_list_model_get_item (canvases, 1));
  g_object_unref (nf_compare_layout_get_canvas (layout, 1));

  /* Bitauto now against its snapshot: "FY2015 baseline" and "Current". */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", NULL);
  nf_test_settle (GTK_WIDGET (window));
  picker = find_picker ();
  g_assert_nonnull (picker);
  for (guint i = 0; i < nf_compare_picker_get_n_choices (picker); i++)
    nf_compare_picker_set_chosen (picker, i, g_str_has_prefix (nf_compare_picker_get_choice_title (picker, i),
                                                               "Bitauto"));
  g_assert_cmpuint (nf_compare_picker_get_n_chosen (picker), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (picker), "picker.compare", NULL);
  nf_test_settle (GTK_WIDGET (window));
  view = NULL;
  for (guint i = 0; (view = find_widget (GTK_WIDGET (window), NF_TYPE_COMPARE_VIEW, i)) != NULL; i++)
    if (gtk_widget_get_mapped (view))
      break;
  g_assert_nonnull (view);
  layout = nf_compare_view_get_layout (NF_COMPARE_VIEW (view));
  g_assert_cmpstr (nf_compare_layout_get_canvas_name (layout, 0), ==, "Current");
  g_assert_cmpstr (nf_compare_layout_get_canvas_name (layout, 1), ==, "FY2015 baseline");
  nf_test_screenshot (GTK_WIDGET (window), "compare-view-snapshot-current.png");

  gtk_window_destroy (GTK_WINDOW (window));
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
    /* Named by the snapshot and "Current", not "Alibaba (2)". */
    g_assert_cmpstr (nf_compare_layout_get_canvas_name (layout, 0), ==, "Before the edit");
    g_assert_cmpstr (nf_compare_layout_get_canvas_name (layout, 1), ==, "Current");
    nf_test_screenshot (window, "compare-view-versions.png");

    /* Differences only: the one block that changed; no unchanged figure. */
    g_assert_cmpuint (nf_compare_metrics_get_n_rows (nf_compare_view_get_metrics (NF_COMPARE_VIEW (view))), >, 0);
    gtk_widget_activate_action (view, "compare.differences-only", NULL);
    nf_test_settle (window);
    g_assert_cmpuint (nf_compare_layout_get_n_rows (layout), ==, 1);
    g_assert_cmpint (nf_compare_layout_get_row_block (layout, 0), ==, NF_BLOCK_KEY_PARTNERS);
    g_assert_cmpuint (nf_compare_metrics_get_n_rows (nf_compare_view_get_metrics (NF_COMPARE_VIEW (view))), ==, 0);
    assert_labels (NF_COMPARE_VIEW (view));
    nf_test_screenshot (window, "compare-view-versions-differences.png");
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

static void
picked_cb (NfComparePicker *picker,
           GPtrArray       *canvases,
           GPtrArray      **out)
{
  *out = g_ptr_array_ref (canvases);
}

static guint
choice_index (NfComparePicker *picker,
              const char      *title)
{
  for (guint i = 0; i < nf_compare_picker_get_n_choices (picker); i++)
    if (g_str_equal (nf_compare_picker_get_choice_title (picker, i), title))
      return i;
  g_assert_not_reached ();
}

/* Until the picker has read its recent files (bounded: a read that never
 * ends fails the test rather than hanging it). */
static void
wait_loaded (NfComparePicker *picker)
{
  for (guint i = 0; i < 100000 && nf_compare_picker_get_loading (picker); i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (nf_compare_picker_get_loading (picker));
}

/* A recent file is read in a worker thread: the picker says which while
 * it waits (the choices set aside), names the file that cannot be read
 * and stays open, and compares once every file is in. */
static void
test_picker_recent (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nf-picker-XXXXXX", &error);
  g_autofree char *good = g_build_filename (dir, "alibaba copy.ninefold", NULL);
  g_autofree char *bad = g_build_filename (dir, "broken.ninefold", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(NfCanvas) alibaba = nf_canvas_load_case (1, NULL);
  g_autoptr(GSettings) settings = nf_settings_new ();
  g_autoptr(GListStore) none = g_list_store_new (NF_TYPE_CANVAS);
  g_autoptr(GListStore) no_docs = g_list_store_new (NF_TYPE_DOCUMENT);
  g_autoptr(GPtrArray) got = NULL;
  g_autofree char *good_uri = g_file_get_uri (good_file);
  g_autofree char *bad_uri = g_file_get_uri (bad_file);
  const char *recent[] = { good_uri, bad_uri, NULL };
  NfComparePicker *picker;
  const char *message;
  guint bitauto_i, good_i, bad_i;

  g_assert_no_error (error);
  nf_canvas_set_company (alibaba, "Alibaba copy");
  g_assert_true (nf_canvas_save_to_file (alibaba, good_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (bad, "<?xml version=\"1.0\"?>\n<canvas><block", -1, &error));
  g_assert_no_error (error);
  g_settings_set_strv (settings, "recent-files", recent);

  picker = NF_COMPARE_PICKER (nf_compare_picker_new (NULL, G_LIST_MODEL (none), G_LIST_MODEL (no_docs), NULL));
  g_signal_connect (picker, "compare", G_CALLBACK (picked_cb), &got);
  gtk_window_present (GTK_WINDOW (picker));
  nf_test_settle (GTK_WIDGET (picker));
  bitauto_i = choice_index (picker, "Bitauto");
  good_i = choice_index (picker, "alibaba copy.ninefold");
  bad_i = choice_index (picker, "broken.ninefold");
  nf_compare_picker_set_chosen (picker, bitauto_i, TRUE);
  nf_compare_picker_set_chosen (picker, bad_i, TRUE);

  gtk_widget_activate_action (GTK_WIDGET (picker), "picker.compare", NULL);
  /* At once, before the read is done: what it waits for. */
  g_assert_true (nf_compare_picker_get_loading (picker));
  message = nf_compare_picker_get_message (picker);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "“broken.ninefold”"));
  wait_loaded (picker);
  nf_test_settle (GTK_WIDGET (picker));
  g_assert_null (got);
  g_assert_true (find_picker () == picker);
  message = nf_compare_picker_get_message (picker);
  g_assert_nonnull (message);
  g_test_message ("%s", message);
  /* The whole path, so the reader knows which file. */
  g_assert_nonnull (strstr (message, bad));
  nf_test_screenshot (GTK_WIDGET (picker), "compare-picker-error.png");

  nf_compare_picker_set_chosen (picker, bad_i, FALSE);
  nf_compare_picker_set_chosen (picker, good_i, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (picker), "picker.compare", NULL);
  g_assert_true (nf_compare_picker_get_loading (picker));
  g_assert_nonnull (strstr (nf_compare_picker_get_message (picker), "alibaba copy.ninefold"));
  /* Compare waits: a second press starts nothing. */
  gtk_widget_activate_action (GTK_WIDGET (picker), "picker.compare", NULL);
  for (guint i = 0; i < 100000 && got == NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (got);
  g_assert_cmpuint (got->len, ==, 2);
  g_assert_cmpstr (nf_canvas_get_company (g_ptr_array_index (got, 0)), ==, "Bitauto");
  g_assert_cmpstr (nf_canvas_get_company (g_ptr_array_index (got, 1)), ==, "Alibaba copy");
  for (guint i = 0; i < 1000 && find_picker () != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (find_picker ());

  g_settings_reset (settings, "recent-files");
  g_unlink (good);
  g_unlink (bad);
  g_rmdir (dir);
}

/* A note marked as conflicting carries the mark in the compare view too,
 * and the view names the other side: the card's tooltip, and for a
 * screen reader the description of the cell that holds the card. The
 * marks are made here, on Alibaba's first Key Partners note: another
 * note, and a row of a table. */
static void
test_conflicts (void)
{
  NfCanvas *canvases[2];
  g_autoptr(GError) error = NULL;
  GtkWidget *view, *window, *cell;
  NfCompareLayout *layout;
  NfNote *note, *other;
  NfMetricTable *table;
  g_autofree char *refs_row = NULL;
  g_autofree char *expected_conflicts = NULL;
  g_autofree char *expected_cell = NULL;
  g_autofree char *problem = NULL;
  guint row = G_MAXUINT, card = G_MAXUINT;
  const char *other_text, *text;

  canvases[0] = nf_canvas_load_case (1, &error);
  g_assert_no_error (error);
  canvases[1] = nf_canvas_load_case (0, &error);
  g_assert_no_error (error);
  note = g_list_model_get_item (nf_canvas_get_notes (canvases[0], NF_BLOCK_KEY_PARTNERS), 0);
  g_object_unref (note);
  other = g_list_model_get_item (nf_canvas_get_notes (canvases[0], NF_BLOCK_REVENUE_STREAMS), 0);
  g_object_unref (other);
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_tables (canvases[0])), >, 0);
  table = g_list_model_get_item (nf_canvas_get_tables (canvases[0]), 0);
  g_object_unref (table);
  g_assert_cmpuint (nf_metric_table_get_n_rows (table), >=, 1);
  refs_row = g_strdup_printf ("#%s/1", nf_metric_table_get_id (table));
  g_assert_true (nf_canvas_add_note_conflict (canvases[0], note, nf_note_get_id (other), NULL));
  g_assert_true (nf_canvas_add_note_conflict (canvases[0], note, refs_row, NULL));

  view = nf_compare_view_new (canvases, 2);
  window = nf_test_show (view, 1366, 768);
  layout = nf_compare_view_get_layout (NF_COMPARE_VIEW (view));
  for (guint r = 0; r < nf_compare_layout_get_n_rows (layout); r++)
    for (guint k = 0; k < nf_compare_layout_get_n_cards (layout, r, 0); k++)
      if (nf_compare_layout_get_card_note (layout, r, 0, k, NULL, NULL) == note)
        {
          row = r;
          card = k;
        }
  g_assert_cmpuint (row, !=, G_MAXUINT);

  other_text = nf_text_get (nf_note_get_text (other));
  expected_conflicts = g_strdup_printf ("⚠ Conflicts with %s (“%.*s%s”); row 1 of the table “%s”",
                                        nf_note_get_id (other),
                                        (int) (g_utf8_offset_to_pointer (other_text, MIN (40, g_utf8_strlen (other_text, -1))) - other_text),
                                        other_text, g_utf8_strlen (other_text, -1) > 40 ? "…" : "",
                                        nf_text_get (nf_metric_table_get_title (table)));
  {
    g_autofree char *tooltip = nf_compare_view_describe_card (NF_COMPARE_VIEW (view), row, 0, card);

    g_assert_nonnull (tooltip);
    g_assert_nonnull (strstr (tooltip, expected_conflicts));
  }
  /* The other company's cards name no conflict. */
  for (guint k = 0; k < nf_compare_layout_get_n_cards (layout, row, 1); k++)
    {
      g_autofree char *tooltip = nf_compare_view_describe_card (NF_COMPARE_VIEW (view), row, 1, k);

      g_assert_true (tooltip == NULL || strstr (tooltip, "Conflicts with") == NULL);
    }

  text = nf_text_get (nf_note_get_text (note));
  expected_cell = g_strdup_printf ("%s (“%.*s%s”): %s.", nf_note_get_id (note),
                                   (int) (g_utf8_offset_to_pointer (text, MIN (40, g_utf8_strlen (text, -1))) - text),
                                   text, g_utf8_strlen (text, -1) > 40 ? "…" : "", expected_conflicts);
  cell = nf_compare_view_get_cell (NF_COMPARE_VIEW (view), row * 2);
  g_assert_nonnull (cell);
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                expected_cell);
  g_assert_null (problem);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (nf_compare_view_get_cell (NF_COMPARE_VIEW (view), row * 2 + 1)),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  nf_test_screenshot (window, "compare-view-conflicts.png");
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (canvases[0]);
  g_object_unref (canvases[1]);
}

int
main (int    argc,
      char **argv)
{
  if (!nf_test_gui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/gui/compare-view/cases", test_cases);
  g_test_add_func ("/gui/compare-view/conflicts", test_conflicts);
  g_test_add_func ("/gui/snapshots-dialog", test_snapshots);
  g_test_add_func ("/gui/compare-view/sticky", test_sticky);
  g_test_add_func ("/gui/compare-view/sticky-clear", test_sticky_clear);
  g_test_add_func ("/gui/compare-view/differences-near", test_differences_near);
  g_test_add_func ("/gui/compare-view/themes", test_themes);
  g_test_add_func ("/gui/compare-view/picker", test_picker);
  g_test_add_func ("/gui/compare-view/picker-recent", test_picker_recent);

  return g_test_run ();
}
