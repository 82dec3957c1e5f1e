/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Export dialog and printing, under a real (virtual) display: run
 * with `dbus-run-session -- xvfb-run -a meson test --suite gui`. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "nf-export-dialog.h"
#include "nf-export-markdown.h"
#include "nf-print.h"
#include "nf-test-gui.h"

static GPtrArray *
load_cases (guint n)
{
  GPtrArray *canvases = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      NfCanvas *canvas = nf_canvas_load_case (i, &error);

      g_assert_no_error (error);
      g_ptr_array_add (canvases, canvas);
    }
  return canvases;
}

static gboolean
idle (gpointer data)
{
  return !nf_export_dialog_get_busy (data);
}

static void
wait_until_idle (NfExportDialog *dialog)
{
  nf_test_wait_for (idle, dialog, 60, "the export");
}

/* strstr for binary data: a PDF holds NUL bytes. */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
on_exported (NfExportDialog *dialog,
             GFile          *file,
             gpointer        user_data)
{
  GFile **out = user_data;

  *out = g_object_ref (file);
}

/* The dialog as a user drives it: choose, Export, wait, a PDF appears
 * and the dialog closes. */
static void
test_export_pdf (void)
{
  g_autoptr(GPtrArray) canvases = load_cases (2);
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "deck.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) exported = NULL;
  g_autofree char *data = NULL;
  gsize length;
  GtkWidget *parent = gtk_window_new ();
  GtkWidget *dialog;

  dialog = nf_export_dialog_new (GTK_WINDOW (parent), (NfCanvas **) canvases->pdata, 2, TRUE);
  g_object_ref_sink (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (parent));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpint (nf_export_dialog_get_what (NF_EXPORT_DIALOG (dialog)), ==, NF_EXPORT_WHAT_COMPARISON);
  g_assert_cmpint (nf_export_dialog_get_format (NF_EXPORT_DIALOG (dialog)), ==, NF_EXPORT_FORMAT_PDF);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_ROLE_WINDOW);

  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &exported);
  nf_export_dialog_set_page_size (NF_EXPORT_DIALOG (dialog), NF_DECK_PAGE_A4);
  nf_export_dialog_set_file (NF_EXPORT_DIALOG (dialog), file);
  g_assert_true (gtk_widget_activate_action (dialog, "export.export", NULL));
  g_assert_true (nf_export_dialog_get_busy (NF_EXPORT_DIALOG (dialog)));
  wait_until_idle (NF_EXPORT_DIALOG (dialog));

  g_assert_null (nf_export_dialog_get_message (NF_EXPORT_DIALOG (dialog)));
  g_assert_nonnull (exported);
  g_assert_true (g_file_equal (exported, file));
  g_assert_false (gtk_widget_get_visible (dialog));
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* A4 landscape: cairo writes the page's box as it was given. */
  g_assert_true (contains_bytes (data, length, "/MediaBox [ 0 0 841.89 595.28 ]"));

  /* The next export starts from the page size of this one. */
  {
    GtkWidget *next = nf_export_dialog_new (GTK_WINDOW (parent), (NfCanvas **) canvases->pdata, 1, FALSE);

    g_assert_cmpint (nf_export_dialog_get_page_size (NF_EXPORT_DIALOG (next)), ==, NF_DECK_PAGE_A4);
    gtk_window_destroy (GTK_WINDOW (next));
  }

  g_object_unref (dialog);
  gtk_window_destroy (GTK_WINDOW (parent));
  nf_test_remove_tree (dir);
}

/* Cancel while the deck is being written: the old file is as it was, and
 * the dialog says so and stays open. */
static void
test_cancel (void)
{
  g_autoptr(GPtrArray) canvases = load_cases (4);
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "deck.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *data = NULL;
  GtkWidget *dialog;
  GError *error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  dialog = nf_export_dialog_new (NULL, (NfCanvas **) canvases->pdata, 4, TRUE);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  nf_export_dialog_set_file (NF_EXPORT_DIALOG (dialog), file);
  g_assert_true (gtk_widget_activate_action (dialog, "export.export", NULL));
  g_assert_true (nf_export_dialog_get_busy (NF_EXPORT_DIALOG (dialog)));
  g_assert_true (gtk_widget_activate_action (dialog, "export.cancel", NULL));
  wait_until_idle (NF_EXPORT_DIALOG (dialog));

  g_assert_nonnull (nf_export_dialog_get_message (NF_EXPORT_DIALOG (dialog)));
  g_assert_nonnull (strstr (nf_export_dialog_get_message (NF_EXPORT_DIALOG (dialog)), "cancelled"));
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_cmpstr (data, ==, "old");

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  nf_test_remove_tree (dir);
}

/* Choices that make no file are refused with a reason; the file's name
 * follows the format; Markdown comes back as the same canvas. */
static void
test_choices (void)
{
  g_autoptr(GPtrArray) canvases = load_cases (2);
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "canvas.pdf", NULL);
  g_autofree char *md_path = g_build_filename (dir, "canvas.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *md = NULL;
  gsize md_len;
  g_autoptr(NfCanvas) back = NULL;
  GError *error = NULL;
  GtkWidget *dialog;
  NfExportDialog *self;

  dialog = nf_export_dialog_new (NULL, (NfCanvas **) canvases->pdata, 2, FALSE);
  g_object_ref_sink (dialog);
  self = NF_EXPORT_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpint (nf_export_dialog_get_what (self), ==, NF_EXPORT_WHAT_CANVAS);
  nf_export_dialog_set_file (self, file);

  nf_export_dialog_set_what (self, NF_EXPORT_WHAT_ALL);
  nf_export_dialog_set_format (self, NF_EXPORT_FORMAT_PNG);
  g_assert_nonnull (nf_export_dialog_get_message (self));
  g_assert_true (g_str_has_suffix (g_file_peek_path (nf_export_dialog_get_file (self)), "canvas.png"));
  /* Refused: nothing starts. */
  gtk_widget_activate_action (dialog, "export.export", NULL);
  g_assert_false (nf_export_dialog_get_busy (self));

  nf_export_dialog_set_what (self, NF_EXPORT_WHAT_COMPARISON);
  nf_export_dialog_set_format (self, NF_EXPORT_FORMAT_MARKDOWN);
  g_assert_nonnull (nf_export_dialog_get_message (self));

  nf_export_dialog_set_what (self, NF_EXPORT_WHAT_CANVAS);
  g_assert_null (nf_export_dialog_get_message (self));
  g_assert_cmpstr (g_file_peek_path (nf_export_dialog_get_file (self)), ==, md_path);
  g_assert_true (gtk_widget_activate_action (dialog, "export.export", NULL));
  wait_until_idle (self);
  g_assert_null (nf_export_dialog_get_message (self));

  g_assert_true (g_file_get_contents (md_path, &md, &md_len, &error));

  /* A folder that is not there: the dialog says why and stays. */
  {
    g_autofree char *bad_path = g_build_filename (dir, "no-such-folder", "deck.pdf", NULL);
    g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
    GtkWidget *second = nf_export_dialog_new (NULL, (NfCanvas **) canvases->pdata, 2, FALSE);

    gtk_window_present (GTK_WINDOW (second));
    nf_export_dialog_set_file (NF_EXPORT_DIALOG (second), bad);
    g_assert_true (gtk_widget_activate_action (second, "export.export", NULL));
    wait_until_idle (NF_EXPORT_DIALOG (second));
    g_assert_nonnull (nf_export_dialog_get_message (NF_EXPORT_DIALOG (second)));
    g_assert_nonnull (strstr (nf_export_dialog_get_message (NF_EXPORT_DIALOG (second)), "deck.pdf"));
    g_assert_true (gtk_widget_get_visible (second));
    g_assert_false (g_file_query_exists (bad, NULL));
    gtk_window_destroy (GTK_WINDOW (second));
  }
  back = nf_import_from_data (md, md_len, "canvas.md", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nf_canvas_get_n_notes (back), ==,
                    nf_canvas_get_n_notes (g_ptr_array_index (canvases, 0)));

  g_object_unref (dialog);
  nf_test_remove_tree (dir);
}

/* Printing draws the deck's pages: exported through GtkPrintOperation,
 * the file has as many pages as the deck. */
static void
test_print (void)
{
  g_autoptr(GPtrArray) canvases = load_cases (2);
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(NfPrintJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *pdfinfo = NULL;
  gsize length;
  NfDeckOptions opts;
  GtkPrintOperationResult result;
  guint n_pages = 0;

  nf_deck_options_init (&opts);
  opts.compare = TRUE;
  job = nf_print_job_new ((NfCanvas **) canvases->pdata, 2, &opts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nf_print_job_get_n_pages (job), >=, 1 + 1 + NF_N_BLOCKS + 2);

  gtk_print_operation_set_export_filename (nf_print_job_get_operation (job), path);
  result = nf_print_job_run (job, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  pdfinfo = g_find_program_in_path ("pdfinfo");
  if (pdfinfo != NULL)
    {
      const char *argv[] = { pdfinfo, path, NULL };
      g_autofree char *info = NULL;
      const char *pages;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, &info, NULL, &status, &error));
      pages = strstr (info, "\nPages:");
      g_assert_nonnull (pages);
      n_pages = (guint) g_ascii_strtoull (pages + strlen ("\nPages:") + strspn (pages + strlen ("\nPages:"), " "), NULL, 10);
      g_assert_cmpuint (n_pages, ==, nf_print_job_get_n_pages (job));
    }
  nf_test_remove_tree (dir);
}

/* Half a second of the main loop: the bar moves on meanwhile, which
 * nf_test_settle() would wait out. */
static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* How far the bar has gone, in slides, from its text. */
static guint
done_slides (GtkWidget *dialog)
{
  GtkWidget *bar = NULL;
  const char *text;

  for (GtkWidget *w = gtk_widget_get_first_child (dialog); w != NULL;)
    {
      if (GTK_IS_PROGRESS_BAR (w))
        {
          bar = w;
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL && w != dialog)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == dialog) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (bar);
  text = gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar));
  return text != NULL && g_str_has_prefix (text, "Slide ") ? (guint) g_ascii_strtoull (text + 6, NULL, 10) : 0;
}

static GdkTexture *wait_for_preview (NfExportDialog *dialog);

/* Three slides into an export, or done with it (the dialog closes). */
static gboolean
under_way_or_over (gpointer data)
{
  GtkWidget *dialog = data;

  return !gtk_widget_get_visible (dialog) ||
         !nf_export_dialog_get_busy (NF_EXPORT_DIALOG (dialog)) ||
         done_slides (dialog) >= 3;
}

/* For a person to look at: the dialog in both styles with its preview,
 * a deck's first pages and an image's slide (PNGs in the build folder). */
static void
test_look (void)
{
  g_autoptr(GPtrArray) canvases = load_cases (3);
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/Business models.pdf");
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *busy_path = g_build_filename (dir, "busy.pdf", NULL);
  g_autoptr(GFile) busy_file = g_file_new_for_path (busy_path);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *dialog;

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (manager, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
      dialog = g_object_ref (nf_export_dialog_new (NULL, (NfCanvas **) canvases->pdata, 3, TRUE));
      gtk_window_present (GTK_WINDOW (dialog));
      nf_export_dialog_set_file (NF_EXPORT_DIALOG (dialog), file);
      wait_for_preview (NF_EXPORT_DIALOG (dialog));
      settle ();
      nf_test_screenshot (dialog, dark ? "export-dialog-dark.png" : "export-dialog.png");
      nf_export_dialog_set_what (NF_EXPORT_DIALOG (dialog), NF_EXPORT_WHAT_ALL);
      nf_export_dialog_set_what (NF_EXPORT_DIALOG (dialog), NF_EXPORT_WHAT_CANVAS);
      nf_export_dialog_set_format (NF_EXPORT_DIALOG (dialog), NF_EXPORT_FORMAT_PNG);
      wait_for_preview (NF_EXPORT_DIALOG (dialog));
      settle ();
      nf_test_screenshot (dialog, dark ? "export-dialog-png-dark.png" : "export-dialog-png.png");
      if (!dark)
        {
          /* Busy: the bar, and the options greyed out. */
          nf_export_dialog_set_what (NF_EXPORT_DIALOG (dialog), NF_EXPORT_WHAT_COMPARISON);
          nf_export_dialog_set_format (NF_EXPORT_DIALOG (dialog), NF_EXPORT_FORMAT_PDF);
          nf_export_dialog_set_file (NF_EXPORT_DIALOG (dialog), busy_file);
          g_assert_true (gtk_widget_activate_action (dialog, "export.export", NULL));
          /* (This waited while the dialog was hidden, for ever when the
           * export was over and the dialog closed before three slides.) */
          nf_test_wait_for (under_way_or_over, dialog, 60, "the export to be under way");
          /* On a fast machine the deck can be done (and the dialog
           * closed) before there is a busy state to look at. */
          if (nf_export_dialog_get_busy (NF_EXPORT_DIALOG (dialog)))
            {
              settle ();
              if (nf_export_dialog_get_busy (NF_EXPORT_DIALOG (dialog)))
                nf_test_screenshot (dialog, "export-dialog-busy.png");
              gtk_widget_activate_action (dialog, "export.cancel", NULL);
              wait_until_idle (NF_EXPORT_DIALOG (dialog));
            }
        }
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_object_unref (dialog);
    }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  nf_test_remove_tree (dir);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("pdftotext: %s", error->message);
  return out;
}

static gboolean
preview_timeout (gpointer data)
{
  g_error ("no preview after 60 s");
  return G_SOURCE_REMOVE;
}

static GdkTexture *
wait_for_preview (NfExportDialog *dialog)
{
  guint timeout = g_timeout_add_seconds (60, preview_timeout, NULL);

  while (nf_export_dialog_get_preview (dialog) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  g_assert_true (GDK_IS_TEXTURE (nf_export_dialog_get_preview (dialog)));
  return GDK_TEXTURE (nf_export_dialog_get_preview (dialog));
}

/* How many of the texture's pixels differ from its first: a blank image
 * has none. */
static guint
distinct_pixels (GdkTexture *texture)
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  g_autofree guint32 *data = g_new (guint32, (gsize) w * h);
  guint n = 0;

  gdk_texture_download (texture, (guchar *) data, (gsize) w * 4);
  for (gsize i = 0; i < (gsize) w * h; i++)
    n += data[i] != data[0];
  return n;
}

/* The preview shows the first pages as the deck draws them, on screen;
 * the language choice changes them and the file written. */
static void
test_preview_and_language (void)
{
  g_autoptr(GPtrArray) canvases = load_cases (4);
  NfCanvas *shupao = g_ptr_array_index (canvases, 3);
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "shupao.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog = nf_export_dialog_new (NULL, &shupao, 1, FALSE);
  NfExportDialog *self = NF_EXPORT_DIALOG (dialog);
  GdkTexture *first;
  GtkWidget *picture = NULL;
  g_autofree char *text = NULL;

  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  first = wait_for_preview (self);
  /* Three 16:9 pages side by side, with something drawn on them. */
  g_assert_cmpint (gdk_texture_get_width (first), >, 2 * gdk_texture_get_height (first));
  g_assert_cmpuint (distinct_pixels (first), >, 1000);
  gtk_test_widget_wait_for_draw (dialog);
  for (GtkWidget *w = gtk_widget_get_first_child (dialog); w != NULL && picture == NULL;)
    {
      if (GTK_IS_PICTURE (w))
        picture = w;
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL && w != dialog)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == dialog) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (picture);
  g_assert_true (gtk_widget_get_mapped (picture));
  g_assert_cmpint (gtk_widget_get_width (picture), >, 200);
  g_assert_cmpint (gtk_widget_get_height (picture), >=, 100);

  /* English: a new preview, and the deck has the English table title. */
  g_object_ref (first);
  nf_export_dialog_set_language (self, "en");
  g_assert_cmpstr (nf_export_dialog_get_language (self), ==, "en");
  g_assert_true (wait_for_preview (self) != first);
  g_object_unref (first);
  nf_export_dialog_set_file (self, file);
  g_assert_true (gtk_widget_activate_action (dialog, "export.export", NULL));
  wait_until_idle (self);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Company figures"));
  g_assert_nonnull (strstr (text, "Team size"));
  g_assert_null (strstr (text, "团队人数"));

  /* No pages, no preview: a spreadsheet. */
  {
    GtkWidget *again = nf_export_dialog_new (NULL, &shupao, 1, FALSE);

    nf_export_dialog_set_format (NF_EXPORT_DIALOG (again), NF_EXPORT_FORMAT_XLSX);
    g_assert_null (nf_export_dialog_get_preview (NF_EXPORT_DIALOG (again)));
    gtk_window_destroy (GTK_WINDOW (again));
  }
  g_object_unref (dialog);
  nf_test_remove_tree (dir);
}

/* CSV and XLSX from the dialog: the tables, in the chosen language. */
static void
test_spreadsheets (void)
{
  g_autoptr(GPtrArray) canvases = load_cases (4);
  NfCanvas *shupao = g_ptr_array_index (canvases, 3);
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *xlsx = g_build_filename (dir, "shupao.xlsx", NULL);
  g_autofree char *first_csv = g_build_filename (dir, "shupao-1-company-figures.csv", NULL);
  g_autofree char *data = NULL;

  for (guint f = 0; f < 2; f++)
    {
      GtkWidget *dialog = nf_export_dialog_new (NULL, &shupao, 1, FALSE);
      g_autofree char *path = g_build_filename (dir, "shupao.pdf", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_object_ref_sink (dialog);
      gtk_window_present (GTK_WINDOW (dialog));
      nf_export_dialog_set_file (NF_EXPORT_DIALOG (dialog), file);
      nf_export_dialog_set_language (NF_EXPORT_DIALOG (dialog), "en");
      nf_export_dialog_set_format (NF_EXPORT_DIALOG (dialog),
                                   f == 0 ? NF_EXPORT_FORMAT_XLSX : NF_EXPORT_FORMAT_CSV);
      /* The file's name follows the format. */
      g_assert_true (g_str_has_suffix (g_file_peek_path (nf_export_dialog_get_file (NF_EXPORT_DIALOG (dialog))),
                                       f == 0 ? ".xlsx" : ".csv"));
      g_assert_true (gtk_widget_activate_action (dialog, "export.export", NULL));
      wait_until_idle (NF_EXPORT_DIALOG (dialog));
      g_assert_null (nf_export_dialog_get_message (NF_EXPORT_DIALOG (dialog)));
      g_object_unref (dialog);
    }
  g_assert_true (g_file_get_contents (xlsx, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "PK"));
  g_clear_pointer (&data, g_free);
  g_assert_true (g_file_get_contents (first_csv, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "Team size,200,nearly 200 people"));
  nf_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  if (!nf_test_gui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/gui/export-dialog/pdf", test_export_pdf);
  g_test_add_func ("/gui/export-dialog/cancel", test_cancel);
  g_test_add_func ("/gui/export-dialog/choices", test_choices);
  g_test_add_func ("/gui/print/pages", test_print);
  g_test_add_func ("/gui/export-dialog/look", test_look);
  g_test_add_func ("/gui/export-dialog/preview-and-language", test_preview_and_language);
  g_test_add_func ("/gui/export-dialog/spreadsheets", test_spreadsheets);

  return g_test_run ();
}
