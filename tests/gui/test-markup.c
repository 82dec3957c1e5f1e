/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-markup"

/* Text from a file is data, never Pango markup: a company, a file, a
 * source or a snapshot named like a link shows those characters as they
 * are, wherever the window shows it (titles, tabs and their tooltips,
 * toasts, rows, dialogs), and GTK has nothing to warn about (warnings are
 * fatal here). Run under `dbus-run-session -- xvfb-run -a`. */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "nf-canvas-details.h"
#include "nf-canvas-xml.h"
#include "nf-export-dialog.h"
#include "nf-snapshots-dialog.h"
#include "nf-test-gui.h"
#include "nf-window-private.h"

/* Valid markup: shown as markup, it would be a live link reading
 * "Click here". */
#define LINK "<a href=\"https://x.invalid\">Click here</a> & Co"
/* Not valid markup ("&" alone, "<b>" unclosed): shown as markup, it
 * would be blank with a warning. A file name cannot hold "/". */
#define BROKEN "<b>Q & A"

static gboolean
canvas_saved (gpointer data)
{
  return !nf_canvas_get_modified (data);
}

/* A folder named BROKEN inside a new temporary folder. */
static char *
hostile_dir (char **out_top)
{
  char *top = nf_test_make_tmpdir ();
  char *dir = g_build_filename (top, BROKEN, NULL);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  *out_top = top;
  return dir;
}

static char *
write_hostile (const char *dir,
               const char *company)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (0, &error);
  char *path = g_build_filename (dir, BROKEN ".ninefold", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_error (error);
  nf_canvas_set_company (canvas, company);
  nf_canvas_save_to_file (canvas, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static void
open_path (NfWindow   *window,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  nf_window_open_files (window, &file, 1);
  nf_test_wait_until_loaded (window);
  nf_test_settle (GTK_WIDGET (window));
}

/* The text is shown, as it is, by a label under root. */
static void
assert_literal (GtkWidget  *root,
                const char *text)
{
  GtkWidget *label = nf_test_find (root, nf_test_label_contains, text);

  if (label == NULL)
    g_error ("no label shows “%s” as it is", text);
  nf_test_assert_showing (label);
}

static gboolean
has_tooltip_text (GtkWidget    *widget,
                  gconstpointer text)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  return tooltip != NULL && strstr (tooltip, text) != NULL;
}

/* Window title, tab title and tooltip, the Saved toast, the list's card. */
static void
test_window (void)
{
  g_autofree char *top = NULL;
  g_autofree char *dir = hostile_dir (&top);
  g_autofree char *path = write_hostile (dir, LINK);
  NfWindow *window = nf_test_new_window (1366, 768);
  NfDocument *document;

  open_path (window, path);
  document = _nf_window_get_document (window);
  g_assert_nonnull (document);
  assert_literal (GTK_WIDGET (window->window_title), LINK);
  assert_literal (GTK_WIDGET (window->tab_bar), LINK);
  /* The tab's tooltip names the folder, BROKEN. */
  g_assert_nonnull (nf_test_find (GTK_WIDGET (window->tab_bar), has_tooltip_text, BROKEN));
  g_assert_null (nf_test_find (GTK_WIDGET (window), nf_test_label_is, "Click here"));

  nf_canvas_set_label (nf_document_get_canvas (document), "v2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  nf_test_wait_for (canvas_saved, nf_document_get_canvas (document), 30, "saving");
  nf_test_settle (GTK_WIDGET (window));
  nf_test_assert_showing (nf_test_find_toast (GTK_WIDGET (window), "Saved “" BROKEN ".ninefold”"));
  nf_test_screenshot (GTK_WIDGET (window), "markup-window.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  nf_test_settle (GTK_WIDGET (window));
  assert_literal (GTK_WIDGET (window->home), LINK);

  gtk_window_destroy (GTK_WINDOW (window));
  nf_test_remove_tree (dir);
  nf_test_remove_tree (top);
}

/* A file that cannot be opened: its row on the list, its toast on a tab. */
static void
test_open_error (void)
{
  g_autofree char *top = NULL;
  g_autofree char *dir = hostile_dir (&top);
  g_autofree char *broken = g_build_filename (dir, BROKEN ".ninefold", NULL);
  g_autofree char *good = g_build_filename (top, "good.ninefold", NULL);
  NfWindow *window = nf_test_new_window (1366, 768);

  g_assert_true (g_file_set_contents (broken, "<canvas", -1, NULL));
  {
    g_autoptr(NfCanvas) canvas = nf_canvas_load_case (1, NULL);
    g_autoptr(GFile) file = g_file_new_for_path (good);

    g_assert_true (nf_canvas_save_to_file (canvas, file, NULL, NULL, NULL, NULL));
  }
  open_path (window, good);
  open_path (window, broken);
  g_assert_cmpuint (nf_window_get_n_errors (window), ==, 1);
  nf_test_assert_showing (nf_test_find_toast (GTK_WIDGET (window), "Could not open “" BROKEN ".ninefold”"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  nf_test_settle (GTK_WIDGET (window));
  assert_literal (GTK_WIDGET (window->home), "Could not open “" BROKEN ".ninefold”");
  /* The message names the path, folder and all. */
  assert_literal (GTK_WIDGET (window->home), BROKEN G_DIR_SEPARATOR_S BROKEN ".ninefold");

  gtk_window_destroy (GTK_WINDOW (window));
  nf_test_remove_tree (dir);
  nf_test_remove_tree (top);
}

/* The offer of work kept from a crash. */
static void
test_recovery (void)
{
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(NfRecovery) recovery = nf_recovery_new (folder);
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (1, NULL);
  g_autoptr(NfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  NfWindow *window;

  nf_canvas_set_company (canvas, LINK);
  document = nf_document_new (canvas, NULL, NULL);
  g_assert_true (nf_recovery_write_now (recovery, document, &error));
  g_assert_no_error (error);

  window = nf_test_new_window (1366, 768);
  nf_window_set_recovery (window, recovery);
  g_assert_cmpuint (nf_window_offer_recovered (window), ==, 1);
  nf_test_settle (GTK_WIDGET (window));
  assert_literal (GTK_WIDGET (window->home), LINK);
  gtk_window_destroy (GTK_WINDOW (window));
  nf_test_remove_tree (dir);
}

/* Rows of the canvas-details and snapshots windows, the export dialog's
 * file row. */
static void
test_dialogs (void)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (0, NULL);
  g_autoptr(NfSource) source = nf_source_new ("s9", LINK, BROKEN, NULL, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/" BROKEN ".pdf");
  g_autoptr(GError) error = NULL;
  NfCanvas *canvases[1] = { canvas };
  GtkWidget *window;

  g_assert_true (nf_canvas_insert_source (canvas, 0, source, &error));
  g_assert_no_error (error);
  g_object_unref (nf_canvas_take_snapshot (canvas, LINK, now));

  window = nf_canvas_details_new (NULL, canvas);
  gtk_window_present (GTK_WINDOW (window));
  nf_test_settle (window);
  assert_literal (window, LINK);
  assert_literal (window, BROKEN);
  gtk_window_destroy (GTK_WINDOW (window));

  window = nf_snapshots_dialog_new (NULL, canvas);
  gtk_window_present (GTK_WINDOW (window));
  nf_test_settle (window);
  assert_literal (window, LINK);
  gtk_window_destroy (GTK_WINDOW (window));

  window = nf_export_dialog_new (NULL, canvases, 1, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  nf_export_dialog_set_file (NF_EXPORT_DIALOG (window), file);
  nf_test_settle (window);
  assert_literal (window, BROKEN ".pdf");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A comparison's tab: its title and tooltip are the companies. */
static void
test_compare_tab (void)
{
  g_autoptr(NfCanvas) a = nf_canvas_load_case (0, NULL);
  g_autoptr(NfCanvas) b = nf_canvas_load_case (1, NULL);
  NfCanvas *canvases[2] = { a, b };
  NfWindow *window = nf_test_new_window (1366, 768);

  nf_canvas_set_company (a, LINK);
  nf_canvas_set_company (b, BROKEN);
  nf_window_compare (window, canvases, 2);
  nf_test_settle (GTK_WIDGET (window));
  assert_literal (GTK_WIDGET (window->tab_bar), LINK " | " BROKEN);
  g_assert_nonnull (nf_test_find (GTK_WIDGET (window->tab_bar), has_tooltip_text, LINK " | " BROKEN));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *state = NULL;
  int status;

  state = g_dir_make_tmp ("ninefold-markup-XXXXXX", NULL);
  g_assert_nonnull (state);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  if (!nf_test_gui_init (&argc, &argv))
    {
      g_rmdir (state);
      return 0;
    }

  g_test_add_func ("/gui/markup/window", test_window);
  g_test_add_func ("/gui/markup/open-error", test_open_error);
  g_test_add_func ("/gui/markup/recovery", test_recovery);
  g_test_add_func ("/gui/markup/dialogs", test_dialogs);
  g_test_add_func ("/gui/markup/compare-tab", test_compare_tab);
  status = g_test_run ();
  nf_test_remove_tree (state);
  return status;
}
