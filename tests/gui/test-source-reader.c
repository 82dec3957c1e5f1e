/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A write-up beside the canvas: its passages become notes that cite their
 * line, cited lines are marked, a note's citation leads back to its line,
 * and a file that is not text is refused with its name and line. */
#include "config.h"

#include <glib/gstdio.h>

#include "nf-canvas-view.h"
#include "nf-editor-page.h"
#include "nf-source-reader.h"
#include "nf-test-gui.h"

static const char write_up[] =
  "# Prose Co business model\n"                /* 1 */
  "\n"                                         /* 2 */
  "- **Cheap** and _fast_ delivery\n"          /* 3 */
  "  to small shops in   three cities.\n"      /* 4 */
  "\n"                                         /* 5 */
  "1. Suppliers of parts_and_tools\n";         /* 6 */

static void
select_lines (NfSourceReader *reader,
              int             first,
              int             end_line,
              int             end_offset)
{
  GtkTextView *view = GTK_TEXT_VIEW (nf_test_find_type (GTK_WIDGET (reader), GTK_TYPE_TEXT_VIEW));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, first - 1);
  gtk_text_buffer_get_iter_at_line_offset (buffer, &end, end_line - 1, end_offset);
  gtk_text_buffer_select_range (buffer, &start, &end);
}

/* The passage loses Markdown's marks and line breaks, keeps a word's own
 * underscores, and cites the lines it spans. */
static void
test_passage (void)
{
  NfSourceReader *reader = NF_SOURCE_READER (nf_source_reader_new ());
  GtkWidget *window = nf_test_show (GTK_WIDGET (reader), 500, 400);
  guint first = 0, last = 0;
  g_autofree char *passage = NULL;
  g_autofree char *numbered = NULL;
  g_autofree char *none = NULL;

  nf_source_reader_set_text (reader, write_up, "prose.md");
  g_assert_cmpuint (nf_source_reader_get_n_lines (reader), ==, 7);
  none = nf_source_reader_get_passage (reader, NULL, NULL);
  g_assert_null (none);

  /* Lines 3 and 4, ending at the very start of line 5: not line 5. */
  select_lines (reader, 3, 5, 0);
  passage = nf_source_reader_get_passage (reader, &first, &last);
  g_assert_cmpstr (passage, ==, "Cheap and fast delivery to small shops in three cities.");
  g_assert_cmpuint (first, ==, 3);
  g_assert_cmpuint (last, ==, 4);

  select_lines (reader, 6, 6, 32);
  numbered = nf_source_reader_get_passage (reader, &first, &last);
  g_assert_cmpstr (numbered, ==, "Suppliers of parts_and_tools");
  g_assert_cmpuint (first, ==, 6);

  /* The line numbers take room beside the text. */
  nf_test_settle (window);
  {
    GtkTextView *view = GTK_TEXT_VIEW (nf_test_find_type (GTK_WIDGET (reader), GTK_TYPE_TEXT_VIEW));
    GtkWidget *gutter = gtk_text_view_get_gutter (view, GTK_TEXT_WINDOW_LEFT);

    g_assert_nonnull (gutter);
    g_assert_cmpint (gtk_widget_get_width (gutter), >=, 10);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct {
  NfSourceReader *reader;
} Loaded;

static gboolean
reader_has_text (gpointer data)
{
  NfEditorPage *page = data;
  GtkWidget *reader = nf_editor_page_get_source_reader (page);

  return reader != NULL && gtk_widget_get_mapped (reader) &&
         nf_source_reader_get_file (NF_SOURCE_READER (reader)) != NULL;
}


static void
test_page (void)
{
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *canvas_path = g_build_filename (dir, "prose.ninefold", NULL);
  g_autofree char *md_path = g_build_filename (dir, "prose.md", NULL);
  g_autoptr(GFile) canvas_file = g_file_new_for_path (canvas_path);
  g_autoptr(GFile) md_file = g_file_new_for_path (md_path);
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  g_autoptr(NfDocument) document = nf_document_new (canvas, canvas_file, NULL);
  GtkWidget *page = nf_editor_page_new (document);
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *window;
  GtkWidget *view = nf_editor_page_get_canvas_view (NF_EDITOR_PAGE (page));
  NfSourceReader *reader;
  NfNote *note;
  NfSource *source;
  gboolean handled = FALSE;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  window = nf_test_show (overlay, 1366, 768);
  g_assert_true (g_file_set_contents (md_path, write_up, -1, NULL));
  nf_editor_page_open_source (NF_EDITOR_PAGE (page), md_file, 0);
  nf_test_wait_for (reader_has_text, page, 10, "the write-up to load");
  nf_test_settle (window);
  reader = NF_SOURCE_READER (nf_editor_page_get_source_reader (NF_EDITOR_PAGE (page)));
  /* Beside the canvas, both wide enough to use. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (reader)), >=, 280);
  g_assert_cmpint (gtk_widget_get_width (view), >=, 600);

  /* A passage to Value Propositions (key 4 / the menu's fourth block). */
  select_lines (reader, 3, 5, 0);
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.add-to-block", "i",
                              (gint32) NF_BLOCK_VALUE_PROPOSITIONS);
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_notes (canvas, NF_BLOCK_VALUE_PROPOSITIONS)), ==, 1);
  note = nf_test_note_at (canvas, NF_BLOCK_VALUE_PROPOSITIONS, 0);
  g_assert_cmpstr (nf_text_get (nf_note_get_text (note)), ==,
                   "Cheap and fast delivery to small shops in three cities.");
  g_assert_cmpuint (nf_note_get_cite_line (note), ==, 3);
  source = nf_canvas_find_source (canvas, nf_note_get_cite_source (note));
  g_assert_nonnull (source);
  /* Beside the canvas: cited by its name, so the two move together. */
  g_assert_cmpstr (nf_source_get_address (source), ==, "prose.md");
  g_assert_cmpstr (nf_source_get_title (source), ==, "Prose Co business model");
  g_assert_true (nf_source_reader_is_cited (reader, 3));
  g_assert_false (nf_source_reader_is_cited (reader, 6));
  g_assert_nonnull (nf_test_find_toast (window, "citing line 3"));
  nf_test_screenshot (window, "source-reader.png");

  /* A second passage reuses the source; a drop of the selection cites it. */
  select_lines (reader, 6, 6, 32);
  g_signal_emit_by_name (view, "text-dropped", (int) NF_BLOCK_KEY_PARTNERS, 0u,
                         "1. Suppliers of parts_and_tools", &handled);
  g_assert_true (handled);
  note = nf_test_note_at (canvas, NF_BLOCK_KEY_PARTNERS, 0);
  g_assert_cmpstr (nf_text_get (nf_note_get_text (note)), ==, "Suppliers of parts_and_tools");
  g_assert_cmpstr (nf_note_get_cite_source (note), ==, nf_source_get_id (source));
  g_assert_cmpuint (nf_note_get_cite_line (note), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_sources (canvas)), ==, 1);
  g_assert_true (nf_source_reader_is_cited (reader, 6));
  /* Text that is not the selection is not the reader's to cite. */
  handled = FALSE;
  g_signal_emit_by_name (view, "text-dropped", (int) NF_BLOCK_KEY_PARTNERS, 0u, "other text", &handled);
  g_assert_false (handled);

  /* From the first note back to its line. */
  gtk_widget_grab_focus (nf_canvas_view_get_card (NF_CANVAS_VIEW (view),
                                                  nf_test_note_at (canvas, NF_BLOCK_VALUE_PROPOSITIONS, 0)));
  nf_test_settle (window);
  select_lines (reader, 1, 1, 1);
  gtk_widget_activate_action (view, "page.show-cite", NULL);
  nf_test_settle (window);
  {
    guint first = 0;
    g_autofree char *passage = nf_source_reader_get_passage (reader, &first, NULL);

    g_assert_nonnull (passage);
    g_assert_cmpuint (first, ==, 3);
  }

  /* One undo takes the first passage's note and its new source back. */
  g_assert_true (nf_history_undo (nf_canvas_get_history (canvas)));
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_notes (canvas, NF_BLOCK_KEY_PARTNERS)), ==, 0);
  g_assert_true (nf_history_undo (nf_canvas_get_history (canvas)));
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_notes (canvas, NF_BLOCK_VALUE_PROPOSITIONS)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_sources (canvas)), ==, 0);
  nf_test_settle (window);
  g_assert_false (nf_source_reader_is_cited (reader, 3));

  gtk_window_destroy (GTK_WINDOW (window));
  nf_test_remove_tree (dir);
}

static gboolean
toast_shown (gpointer data)
{
  return nf_test_find_toast (GTK_WIDGET (data), "not UTF-8 text") != NULL;
}

/* Not text: refused with the file's name and the line, nothing shown. */
static void
test_refused (void)
{
  g_autofree char *dir = nf_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "scan.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  g_autoptr(NfDocument) document = nf_document_new (canvas, NULL, NULL);
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page = nf_editor_page_new (document);
  GtkWidget *window;
  GtkWidget *reader;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  window = nf_test_show (overlay, 1000, 700);
  g_assert_true (g_file_set_contents (path, "line one\nline two\n\xff\xfe binary", -1, NULL));
  nf_editor_page_open_source (NF_EDITOR_PAGE (page), file, 0);
  nf_test_wait_for (toast_shown, window, 10, "the refusal");
  {
    GtkWidget *label = nf_test_find_toast (window, "not UTF-8 text");
    const char *text = gtk_label_get_text (GTK_LABEL (label));

    g_assert_nonnull (strstr (text, "scan.txt:3:"));
  }
  reader = nf_editor_page_get_source_reader (NF_EDITOR_PAGE (page));
  g_assert_true (reader == NULL || !gtk_widget_get_visible (reader) ||
                 nf_source_reader_get_file (NF_SOURCE_READER (reader)) == NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  nf_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  if (!nf_test_gui_init (&argc, &argv))
    return 0;
  nf_test_gui_load_style ();
  g_test_add_func ("/source-reader/passage", test_passage);
  g_test_add_func ("/source-reader/page", test_page);
  g_test_add_func ("/source-reader/refused", test_refused);
  return g_test_run ();
}
