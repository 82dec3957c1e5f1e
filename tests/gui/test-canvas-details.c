/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The canvas-details window, under a real (virtual) display: run it with
 * `dbus-run-session -- xvfb-run -a meson test --suite gui`. */
#define G_LOG_DOMAIN "test-canvas-details"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>

#include "nf-canvas-details.h"
#include "nf-canvas-xml.h"
#include "nf-rates-group.h"
#include "nf-test-gui.h"

#define SENMIAO 2
#define SHUPAO  3

static GtkWidget *
show_details (NfCanvas *canvas)
{
  GtkWidget *window = nf_canvas_details_new (NULL, canvas);

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 740);
  gtk_window_present (GTK_WINDOW (window));
  nf_test_settle (window);
  return window;
}

/* The nth entry row titled so under root, in depth-first order. */
static GtkWidget *
find_row_from (GtkWidget  *root,
               const char *title,
               guint      *nth)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (ADW_IS_ENTRY_ROW (c) && g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)), title) &&
          (*nth)-- == 0)
        return c;
      found = find_row_from (c, title, nth);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title,
          guint       nth)
{
  return find_row_from (root, title, &nth);
}

/* Types into a row and presses Enter, as a user would. */
static void
type_into (GtkWidget  *row,
           const char *text)
{
  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
}

static void
test_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (SENMIAO, &error);
  g_autoptr(NfCanvas) pristine = nf_canvas_load_case (SENMIAO, NULL);
  g_autofree char *company = NULL;
  GtkWidget *window, *row, *language, *view;
  NfHistory *history;

  g_assert_no_error (error);
  history = nf_canvas_get_history (canvas);
  company = g_strdup (nf_canvas_get_company (canvas));
  window = show_details (canvas);

  row = find_row (window, "Company", 0);
  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Company");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, company);

  /* Typing alone changes nothing; Enter commits, as one step. */
  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Acme");
  gtk_editable_set_text (GTK_EDITABLE (row), "Acme Motors");
  g_assert_cmpstr (nf_canvas_get_company (canvas), ==, company);
  g_assert_false (nf_history_can_undo (history));
  g_signal_emit_by_name (row, "entry-activated");
  g_assert_cmpstr (nf_canvas_get_company (canvas), ==, "Acme Motors");

  g_assert_true (gtk_widget_activate_action (window, "details.undo", NULL));
  g_assert_cmpstr (nf_canvas_get_company (canvas), ==, company);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, company);
  g_assert_false (nf_history_can_undo (history));
  g_assert_true (gtk_widget_activate_action (window, "details.redo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Acme Motors");

  /* The window follows edits from elsewhere. */
  nf_canvas_set_company (canvas, "Senmiao");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Senmiao");
  nf_history_undo (history);
  nf_history_undo (history);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, company);

  /* A company is required: an empty one is flagged, never stored. */
  type_into (row, "  ");
  g_assert_cmpstr (nf_canvas_get_company (canvas), ==, company);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  type_into (row, company);
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (nf_history_can_undo (history));

  /* Leaving a field commits it too. */
  row = find_row (window, "Label or Date", 0);
  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "2023");
  gtk_widget_grab_focus (find_row (window, "Title", 0));
  g_assert_cmpstr (nf_canvas_get_label (canvas), ==, "2023");

  language = find_row (window, "Language (a tag such as “en” or “zh-CN”)", 0);
  g_assert_nonnull (language);
  type_into (language, "not a tag!");
  g_assert_cmpstr (nf_canvas_get_language (canvas), ==, "en");
  g_assert_true (gtk_widget_has_css_class (language, "error"));
  type_into (language, "zh_CN");
  g_assert_cmpstr (nf_canvas_get_language (canvas), ==, "zh-CN");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (language)), ==, "zh-CN");

  /* The description is several lines, committed when the focus leaves. */
  view = nf_test_find_type (window, GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (view);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, "Description");
  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "First line.\nSecond line.", -1);
  gtk_widget_grab_focus (language);
  g_assert_cmpstr (nf_canvas_get_description (canvas), ==, "First line.\nSecond line.");

  while (nf_history_can_undo (history))
    g_assert_true (gtk_widget_activate_action (window, "details.undo", NULL));
  g_assert_true (nf_canvas_equal (canvas, pristine));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (language)), ==, "en");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_sources (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (SHUPAO, NULL);
  g_autoptr(NfCanvas) pristine = nf_canvas_load_case (SHUPAO, NULL);
  GListModel *sources = nf_canvas_get_sources (canvas);
  guint n = g_list_model_get_n_items (sources);
  g_autoptr(NfSource) added = NULL;
  GtkWidget *window, *title, *publisher;
  guint n_rows;

  g_assert_cmpuint (n, ==, 1);
  window = show_details (canvas);
  n_rows = nf_test_count_type (window, ADW_TYPE_EXPANDER_ROW);
  g_assert_cmpuint (n_rows, ==, n);
  title = find_row (window, "Title", 1);
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "爱分析专访数跑科技CEO段云飞：汽车数字化营销");

  g_assert_true (gtk_widget_activate_action (window, "details.add-source", NULL));
  nf_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, n + 1);
  added = g_list_model_get_item (sources, n);
  g_assert_cmpstr (nf_source_get_id (added), ==, "s2");
  n_rows = nf_test_count_type (window, ADW_TYPE_EXPANDER_ROW);
  g_assert_cmpuint (n_rows, ==, n + 1);

  /* The new source's title has the focus. */
  title = find_row (window, "Title", 2);
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), title));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (title))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "s2: Title");
  type_into (title, "Annual report");
  publisher = find_row (window, "Publisher", 1);
  type_into (publisher, "Shupao");
  g_clear_object (&added);
  added = g_list_model_get_item (sources, n);
  g_assert_cmpstr (nf_source_get_title (added), ==, "Annual report");
  g_assert_cmpstr (nf_source_get_publisher (added), ==, "Shupao");
  g_assert_cmpstr (nf_source_get_id (added), ==, "s2");

  /* A source needs a title. */
  type_into (title, "");
  g_assert_true (gtk_widget_has_css_class (title, "error"));
  g_clear_object (&added);
  added = g_list_model_get_item (sources, n);
  g_assert_cmpstr (nf_source_get_title (added), ==, "Annual report");

  /* Undo drops typing not yet committed, and shows the source again. */
  gtk_editable_set_text (GTK_EDITABLE (publisher), "Typed, not committed");
  g_assert_true (gtk_widget_activate_action (window, "details.undo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (publisher)), ==, "");
  g_assert_true (gtk_widget_activate_action (window, "details.redo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (publisher)), ==, "Shupao");

  g_assert_true (gtk_widget_activate_action (window, "details.remove-source", "u", n));
  nf_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, n);
  n_rows = nf_test_count_type (window, ADW_TYPE_EXPANDER_ROW);
  g_assert_cmpuint (n_rows, ==, n);

  g_assert_true (gtk_widget_activate_action (window, "details.undo", NULL));
  nf_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, n + 1);
  while (nf_history_can_undo (nf_canvas_get_history (canvas)))
    g_assert_true (gtk_widget_activate_action (window, "details.undo", NULL));
  g_assert_true (nf_canvas_equal (canvas, pristine));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_type (GtkWidget *root,
              GType      type,
              GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_type (c, type, out);
}

static void
fill_rate (GPtrArray  *entries,
           const char *from,
           const char *value,
           const char *to,
           const char *date)
{
  const char *texts[] = { from, value, to, date };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, i)), texts[i]);
}

static guint
count_rate_rows (GtkWidget *group)
{
  return nf_test_count_type (group, ADW_TYPE_ACTION_ROW);
}

/* Exchange rates: set as people type them, refused with a message naming
 * the field, replaced for the same pair either way round, edited,
 * removed, and every step undoable. */
static void
test_rates (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (SENMIAO, NULL);
  g_autoptr(NfCanvas) pristine = nf_canvas_load_case (SENMIAO, NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GListModel *rates = nf_canvas_get_rates (canvas);
  GtkWidget *window, *group, *error_label = NULL;
  NfRate *rate;

  window = show_details (canvas);
  group = nf_test_find_type (window, NF_TYPE_RATES_GROUP);
  g_assert_nonnull (group);
  collect_type (group, GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (entries->len, ==, 4);   /* from, rate, to, date */
  collect_type (group, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "error"))
      error_label = g_ptr_array_index (labels, i);
  g_assert_nonnull (error_label);
  g_assert_cmpuint (count_rate_rows (group), ==, 0);

  /* Lower-case codes and a decimal comma are read as meant. */
  fill_rate (entries, "usd", "7,1884", " CNY ", "2024-12-31");
  g_assert_true (gtk_widget_activate_action (group, "rates.set", NULL));
  nf_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (rates), ==, 1);
  rate = nf_canvas_find_rate (canvas, "USD", "CNY");
  g_assert_nonnull (rate);
  g_assert_cmpstr (nf_rate_get_from (rate), ==, "USD");
  g_assert_cmpfloat (nf_rate_get_value (rate), ==, 7.1884);
  g_assert_cmpstr (nf_rate_get_date (rate), ==, "2024-12-31");
  g_assert_cmpuint (count_rate_rows (group), ==, 1);
  g_assert_nonnull (nf_test_find_type (group, ADW_TYPE_ACTION_ROW));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (nf_test_find_type (group, ADW_TYPE_ACTION_ROW))),
                   ==, "1 USD = 7.1884 CNY");
  /* The form is cleared for the next one. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (entries, 0))), ==, "");

  /* Refused, with the reason, the field marked and nothing changed. */
  fill_rate (entries, "US", "7", "CNY", "");
  g_assert_true (gtk_widget_activate_action (group, "rates.set", NULL));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "three-letter"));
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (entries, 0), "error"));
  fill_rate (entries, "EUR", "-2", "CNY", "");
  g_assert_true (gtk_widget_activate_action (group, "rates.set", NULL));
  g_assert_false (gtk_widget_has_css_class (g_ptr_array_index (entries, 0), "error"));
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (entries, 1), "error"));
  fill_rate (entries, "EUR", "8", "CNY", "2024-13-01");
  g_assert_true (gtk_widget_activate_action (group, "rates.set", NULL));
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (entries, 3), "error"));
  fill_rate (entries, "CNY", "1", "CNY", "");
  g_assert_true (gtk_widget_activate_action (group, "rates.set", NULL));
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (entries, 2), "error"));
  g_assert_cmpuint (g_list_model_get_n_items (rates), ==, 1);

  /* The same pair the other way round replaces it; undo brings it back. */
  fill_rate (entries, "CNY", "0.14", "USD", "");
  g_assert_true (gtk_widget_activate_action (group, "rates.set", NULL));
  nf_test_settle (window);
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpuint (g_list_model_get_n_items (rates), ==, 1);
  g_assert_cmpstr (nf_rate_get_from (nf_canvas_find_rate (canvas, "USD", "CNY")), ==, "CNY");
  g_assert_true (gtk_widget_activate_action (window, "details.undo", NULL));
  nf_test_settle (window);
  g_assert_cmpstr (nf_rate_get_from (nf_canvas_find_rate (canvas, "USD", "CNY")), ==, "USD");

  /* Editing fills the form with the rate. */
  g_assert_true (gtk_widget_activate_action (group, "rates.edit", "u", 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (entries, 0))), ==, "USD");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (entries, 1))), ==, "7.1884");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (entries, 3))), ==, "2024-12-31");

  g_assert_true (gtk_widget_activate_action (group, "rates.remove", "u", 0));
  nf_test_settle (window);
  g_assert_cmpuint (g_list_model_get_n_items (rates), ==, 0);
  g_assert_cmpuint (count_rate_rows (group), ==, 0);
  g_assert_true (gtk_widget_activate_action (window, "details.undo", NULL));
  nf_test_settle (window);
  g_assert_cmpuint (count_rate_rows (group), ==, 1);
  nf_test_screenshot (window, "canvas-details-rates.png");

  while (nf_history_can_undo (nf_canvas_get_history (canvas)))
    g_assert_true (gtk_widget_activate_action (window, "details.undo", NULL));
  g_assert_true (nf_canvas_equal (canvas, pristine));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_screenshots (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  guint cases[] = { SENMIAO, SHUPAO };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (int dark = 0; dark < 2; dark++)
      {
        g_autoptr(NfCanvas) canvas = nf_canvas_load_case (cases[c], NULL);
        g_autofree char *name = g_strdup_printf ("canvas-details-%u-%s.png", cases[c], dark ? "dark" : "light");
        GtkWidget *window, *expander;

        adw_style_manager_set_color_scheme (manager, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
        window = show_details (canvas);
        expander = nf_test_find_type (window, ADW_TYPE_EXPANDER_ROW);
        if (expander != NULL)
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
        /* Let the header's cross-fade finish. */
        for (gint64 end = g_get_monotonic_time () + 600 * G_TIME_SPAN_MILLISECOND; g_get_monotonic_time () < end;)
          g_main_context_iteration (NULL, FALSE);
        nf_test_settle (window);
        nf_test_screenshot (window, name);
        gtk_window_destroy (GTK_WINDOW (window));
      }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int    argc,
      char **argv)
{
  if (!nf_test_gui_init (&argc, &argv))
    return 0;
  /* The application loads the style sheet; here there is none. */
  nf_test_gui_load_style ();

  g_test_add_func ("/gui/canvas-details/fields", test_fields);
  g_test_add_func ("/gui/canvas-details/sources", test_sources);
  g_test_add_func ("/gui/canvas-details/rates", test_rates);
  g_test_add_func ("/gui/canvas-details/screenshots", test_screenshots);

  return g_test_run ();
}
