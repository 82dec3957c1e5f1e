/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The source reader beside a canvas: opening a write-up, turning its
 * passages into notes that cite it, and going from a note's citation to
 * its line. */
#define G_LOG_DOMAIN "nf-editor-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nf-canvas-view.h"
#include "nf-editor-page-private.h"
#include "nf-source-file.h"
#include "nf-source-reader.h"

static void
toast (NfEditorPage *self,
       const char   *text,
       const char   *button,
       const char   *action,
       GVariant     *target)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *t;

  if (overlay == NULL)
    {
      g_message ("%s", text);
      return;
    }
  /* The title is markup (libadwaita 1.2 has no plain toasts), and the
   * text carries file and block names. */
  {
    g_autofree char *escaped = g_markup_escape_text (text, -1);

    t = adw_toast_new (escaped);
  }
  if (button != NULL)
    {
      adw_toast_set_button_label (t, button);
      adw_toast_set_action_name (t, action);
      adw_toast_set_action_target_value (t, target);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
}

static NfCanvas *
page_canvas (NfEditorPage *self)
{
  return nf_document_get_canvas (self->document);
}

/* Where a source's address points: a file URI, an absolute path, or a
 * path relative to the canvas's own file. NULL for a web address or a
 * relative path of a canvas not saved anywhere yet. */
static GFile *
resolve_address (NfEditorPage *self,
                 const char   *address)
{
  const char *scheme;
  GFile *canvas_file;
  g_autoptr(GFile) parent = NULL;

  if (address == NULL || *address == '\0')
    return NULL;
  scheme = g_uri_peek_scheme (address);
  if (scheme != NULL && g_str_equal (scheme, "file"))
    return g_file_new_for_uri (address);
  if (scheme != NULL && strlen (scheme) > 1)  /* "c:" is a Windows drive */
    return NULL;
  if (g_path_is_absolute (address))
    return g_file_new_for_path (address);
  canvas_file = nf_document_get_file (self->document);
  parent = canvas_file != NULL ? g_file_get_parent (canvas_file) : NULL;
  return parent != NULL ? g_file_resolve_relative_path (parent, address) : NULL;
}

/* A source's file, looked for as `ninefold check` looks: beside the
 * canvas, then among the shipped cases' sources (a case opened from the
 * app has no folder of its own). */
static GFile *
locate_source (NfEditorPage  *self,
               NfSource      *source,
               GPtrArray    **out_tried)
{
  GFile *canvas_file = nf_document_get_file (self->document);
  g_autoptr(GFile) parent = canvas_file != NULL ? g_file_get_parent (canvas_file) : NULL;
  g_autofree char *dir = parent != NULL ? g_file_get_path (parent) : NULL;
  const char *dirs[] = { dir, NULL };

  return nf_source_locate (source, dir != NULL ? dirs : NULL, NULL, out_tried);
}

/* The canvas's source for `file`: one whose address leads to it, or, for
 * an address that is a bare file name (as the shipped cases give), one of
 * the same name. */
static NfSource *
find_source_for (NfEditorPage *self,
                 GFile        *file)
{
  GListModel *sources = nf_canvas_get_sources (page_canvas (self));
  g_autofree char *base = g_file_get_basename (file);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(NfSource) source = g_list_model_get_item (sources, i);
      const char *address = nf_source_get_address (source);
      g_autoptr(GFile) resolved = resolve_address (self, address);

      if ((resolved != NULL && g_file_equal (resolved, file)) ||
          (address != NULL && strchr (address, '/') == NULL && g_strcmp0 (address, base) == 0))
        return source;
    }
  return NULL;
}

/* The first heading of a write-up, else its file name. */
static char *
title_for (const char *text,
           GFile      *file)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", 40);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] == '#')
      {
        char *title = g_strstrip (g_strdup (lines[i] + strspn (lines[i], "#")));

        if (*title != '\0')
          return title;
        g_free (title);
      }
  return g_file_get_basename (file);
}

/* The reader's file as a source of the canvas, added (undoably) when it
 * is not one yet. */
static NfSource *
ensure_source (NfEditorPage   *self,
               NfSourceReader *reader)
{
  NfCanvas *canvas = page_canvas (self);
  GFile *file = nf_source_reader_get_file (reader);
  NfSource *found;
  g_autoptr(NfSource) source = NULL;
  g_autofree char *id = NULL;
  g_autofree char *address = NULL;
  g_autofree char *title = NULL;
  GFile *canvas_file = nf_document_get_file (self->document);
  g_autoptr(GFile) parent = canvas_file != NULL ? g_file_get_parent (canvas_file) : NULL;
  g_autoptr(GError) error = NULL;

  if (file == NULL)
    return NULL;
  found = find_source_for (self, file);
  if (found != NULL)
    return found;
  for (guint n = g_list_model_get_n_items (nf_canvas_get_sources (canvas)) + 1; id == NULL; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("s%u", n);

      if (nf_canvas_find_source (canvas, candidate) == NULL)
        id = g_steal_pointer (&candidate);
    }
  /* Relative to the canvas when beside or below it, so the pair moves
   * together; else the whole path. */
  address = parent != NULL ? g_file_get_relative_path (parent, file) : NULL;
  if (address == NULL)
    address = g_file_get_path (file);
  if (address == NULL)
    address = g_file_get_uri (file);
  title = title_for (nf_source_reader_get_text (reader), file);
  source = nf_source_new (id, title, NULL, NULL, address);
  if (!nf_canvas_insert_source (canvas, g_list_model_get_n_items (nf_canvas_get_sources (canvas)),
                                source, &error))
    {
      toast (self, error->message, NULL, NULL, NULL);
      return NULL;
    }
  return nf_canvas_find_source (canvas, id);
}

static void
refresh_cited (NfEditorPage *self)
{
  NfSourceReader *reader = NF_SOURCE_READER (self->reader);
  NfCanvas *canvas = page_canvas (self);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  GFile *file;
  NfSource *source;

  if (reader == NULL || (file = nf_source_reader_get_file (reader)) == NULL)
    return;
  source = find_source_for (self, file);
  for (guint b = 0; source != NULL && b < NF_N_BLOCKS; b++)
    {
      GListModel *notes = nf_canvas_get_notes (canvas, (NfBlock) b);

      for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
        {
          g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
          guint line = nf_note_get_cite_line (note);

          if (line > 0 && g_strcmp0 (nf_note_get_cite_source (note), nf_source_get_id (source)) == 0)
            g_array_append_val (lines, line);
        }
    }
  nf_source_reader_set_cited (reader, lines);
}

/* The reader's selected passage as a note of `block` at `index`, citing
 * the write-up's first line of it; one undoable step. */
static NfNote *
add_passage (NfEditorPage *self,
             NfBlock       block,
             guint         index)
{
  NfSourceReader *reader = NF_SOURCE_READER (self->reader);
  NfCanvas *canvas = page_canvas (self);
  guint first = 0, last = 0;
  g_autofree char *passage = nf_source_reader_get_passage (reader, &first, &last);
  g_autofree char *id = NULL;
  g_autoptr(NfText) text = NULL;
  g_autoptr(NfNote) note = NULL;
  g_autoptr(GError) error = NULL;
  NfSource *source;
  gboolean inserted;

  if (passage == NULL)
    return NULL;
  nf_canvas_begin_group (canvas, _("Add Passage"));
  source = ensure_source (self, reader);
  id = nf_canvas_new_note_id (canvas);
  text = nf_text_new (passage);
  note = nf_note_new (id, text);
  index = MIN (index, g_list_model_get_n_items (nf_canvas_get_notes (canvas, block)));
  inserted = nf_canvas_insert_note (canvas, block, index, note, &error);
  if (inserted && source != NULL)
    nf_canvas_set_note_cite (canvas, note, nf_source_get_id (source), first);
  nf_canvas_end_group (canvas);
  if (!inserted)
    {
      toast (self, error->message, NULL, NULL, NULL);
      return NULL;
    }
  refresh_cited (self);
  {
    /* Translators: a note made from a passage of a write-up; %s is a
     * block of the canvas, %u the line it cites. */
    g_autofree char *message = g_strdup_printf (_("Added to %s, citing line %u"),
                                                nf_block_title (block), first);

    toast (self, message, _("_Edit"), "page.edit-note", g_variant_new_string (id));
  }
  return note;
}

static void
on_add_passage (NfEditorPage   *self,
                int             block,
                NfSourceReader *reader)
{
  if (block >= 0 && block < NF_N_BLOCKS)
    add_passage (self, (NfBlock) block, G_MAXUINT);
}

/* A drag of the reader's selection onto a block: the text arrives as a
 * string; when it is the selection, the note cites it. */
static gboolean
on_text_dropped (NfEditorPage *self,
                 int           block,
                 guint         index,
                 const char   *text,
                 NfCanvasView *view)
{
  g_autofree char *selected = NULL;

  if (self->reader == NULL || !gtk_widget_get_visible (self->reader))
    return FALSE;
  selected = nf_source_reader_get_selected_text (NF_SOURCE_READER (self->reader));
  if (g_strcmp0 (selected, text) != 0)
    return FALSE;
  return add_passage (self, (NfBlock) block, index) != NULL;
}

static void
ensure_reader (NfEditorPage *self)
{
  _nf_editor_page_ensure (self);
  if (self->reader != NULL)
    return;
  self->reader = nf_source_reader_new ();
  gtk_widget_set_size_request (self->reader, 280, -1);
  /* Shown once its text is in. */
  gtk_widget_set_visible (self->reader, FALSE);
  g_signal_connect_object (self->reader, "add-passage", G_CALLBACK (on_add_passage), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_vexpand (self->reader, TRUE);
  g_signal_connect_object (self->reader, "notify::visible", G_CALLBACK (_nf_editor_page_update_side),
                           self, G_CONNECT_SWAPPED);
  gtk_box_prepend (GTK_BOX (self->side), self->reader);
}

static void
show_reader (NfEditorPage *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (gtk_widget_get_visible (self->reader))
    return;
  gtk_widget_set_visible (self->reader, TRUE);
  /* Two fifths of the page for the text, the rest for the canvas. */
  if (width > 0)
    gtk_paned_set_position (self->paned, width - MAX (320, width * 2 / 5));
}

static void
reader_loaded (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  NfSourceReader *reader = NF_SOURCE_READER (object);
  g_autoptr(GError) error = NULL;
  NfEditorPage *self;

  if (!nf_source_reader_load_finish (reader, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          toast (NF_EDITOR_PAGE (data), error->message, NULL, NULL, NULL);
          g_clear_object (&NF_EDITOR_PAGE (data)->reader_loading);
        }
      g_object_unref (data);
      return;
    }
  self = NF_EDITOR_PAGE (data);
  g_clear_object (&self->reader_loading);
  show_reader (self);
  refresh_cited (self);
  if (self->reader_line > 0)
    nf_source_reader_show_line (reader, self->reader_line);
  gtk_widget_grab_focus (self->reader);
  g_object_unref (self);
}

void
nf_editor_page_open_source (NfEditorPage *self,
                            GFile        *file,
                            guint         line)
{
  g_return_if_fail (NF_IS_EDITOR_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  ensure_reader (self);
  self->reader_line = line;
  /* Already open: only the line to show. */
  if (nf_source_reader_get_file (NF_SOURCE_READER (self->reader)) != NULL &&
      g_file_equal (nf_source_reader_get_file (NF_SOURCE_READER (self->reader)), file) &&
      self->reader_loading == NULL)
    {
      show_reader (self);
      refresh_cited (self);
      if (line > 0)
        nf_source_reader_show_line (NF_SOURCE_READER (self->reader), line);
      return;
    }
  g_cancellable_cancel (self->reader_loading);
  g_clear_object (&self->reader_loading);
  self->reader_loading = g_cancellable_new ();
  nf_source_reader_load_async (NF_SOURCE_READER (self->reader), file, self->reader_loading,
                               reader_loaded, g_object_ref (self));
}

/* A source from the Checks panel: its text in the reader, or, when its
 * file is not found, why, in the reader's place: where it was looked
 * for, and what to do. */
void
_nf_editor_page_show_source (NfEditorPage *self,
                             NfSource     *source)
{
  g_autoptr(GPtrArray) tried = NULL;
  g_autoptr(GFile) file = locate_source (self, source, &tried);
  const char *address = nf_source_get_address (source);
  const char *title = nf_source_get_title (source);
  g_autoptr(GString) places = g_string_new (NULL);
  g_autofree char *message = NULL;

  if (file != NULL)
    {
      nf_editor_page_open_source (self, file, 0);
      return;
    }
  for (guint i = 0; tried != NULL && i < tried->len; i++)
    g_string_append_printf (places, "  %s\n", (const char *) tried->pdata[i]);
  message = tried != NULL && tried->len > 0
    /* Translators: %s is a source's file name, then the list of places,
     * one a line. */
    ? g_strdup_printf (_("The file “%s” was not found. Ninefold looked for it here:\n\n%s\n"
                         "Open a saved copy with Open Source Text, or correct the source’s "
                         "address in Canvas Details."), address, places->str)
    : g_strdup_printf (_("“%s” is not a file on this computer, so its citations can’t be "
                         "checked. Open a saved copy with Open Source Text."),
                       address != NULL ? address : "");
  ensure_reader (self);
  g_cancellable_cancel (self->reader_loading);
  g_clear_object (&self->reader_loading);
  nf_source_reader_show_missing (NF_SOURCE_READER (self->reader),
                                 title != NULL && *title != '\0' ? title : address, message);
  show_reader (self);
  _nf_editor_page_update_side (self);
}

GtkWidget *
nf_editor_page_get_source_reader (NfEditorPage *self)
{
  g_return_val_if_fail (NF_IS_EDITOR_PAGE (self), NULL);
  return self->reader;
}

/* --- Actions --- */

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         data)
{
  NfEditorPage *self = NF_EDITOR_PAGE (data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        nf_editor_page_open_source (self, file, 0);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
open_source_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  NfEditorPage *self = NF_EDITOR_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  static const char * const suffixes[] = { "md", "markdown", "txt", "text", NULL };

  chooser = gtk_file_chooser_native_new (_("Open Source Text"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Write-ups (Markdown, text)"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *pattern = g_strdup_printf ("*.%s", suffixes[i]);

      gtk_file_filter_add_pattern (filter, pattern);
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* From a note to the line it cites, in the reader. */
static void
show_cite_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NfEditorPage *self = NF_EDITOR_PAGE (widget);
  NfNote *note;
  NfSource *source;
  g_autoptr(GFile) file = NULL;

  _nf_editor_page_ensure (self);
  note = nf_canvas_view_get_action_note (NF_CANVAS_VIEW (self->canvas_view));
  if (note == NULL)
    return;
  source = nf_note_get_cite_source (note) != NULL
           ? nf_canvas_find_source (page_canvas (self), nf_note_get_cite_source (note)) : NULL;
  if (source == NULL)
    {
      toast (self, _("This note cites no source"), NULL, NULL, NULL);
      return;
    }
  /* Already open under another name (a bare file name in the address). */
  if (self->reader != NULL && nf_source_reader_get_file (NF_SOURCE_READER (self->reader)) != NULL &&
      find_source_for (self, nf_source_reader_get_file (NF_SOURCE_READER (self->reader))) == source)
    file = g_object_ref (nf_source_reader_get_file (NF_SOURCE_READER (self->reader)));
  else
    file = locate_source (self, source, NULL);
  if (file == NULL || !g_file_query_exists (file, NULL))
    {
      g_autofree char *message = NULL;
      const char *address = nf_source_get_address (source);

      /* Translators: %s is a source's address (a file name or a web
       * address) that could not be opened beside the canvas. */
      message = g_strdup_printf (_("Can’t open “%s” here; open a saved copy with Open Source Text"),
                                 address != NULL ? address : nf_source_get_title (source));
      toast (self, message, _("_Open…"), "page.open-source", NULL);
      return;
    }
  nf_editor_page_open_source (self, file, nf_note_get_cite_line (note));
}

static void
edit_note_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NfEditorPage *self = NF_EDITOR_PAGE (widget);
  NfNote *note = nf_canvas_find_note (page_canvas (self), g_variant_get_string (parameter, NULL),
                                      NULL, NULL);

  _nf_editor_page_ensure (self);
  if (note != NULL)
    nf_canvas_view_edit_note (NF_CANVAS_VIEW (self->canvas_view), note);
}

void
_nf_editor_page_class_init_source (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.open-source", NULL, open_source_activated);
  gtk_widget_class_install_action (widget_class, "page.show-cite", NULL, show_cite_activated);
  gtk_widget_class_install_action (widget_class, "page.edit-note", "s", edit_note_activated);
}

void
_nf_editor_page_init_source (NfEditorPage *self)
{
  g_signal_connect_object (self->canvas_view, "text-dropped", G_CALLBACK (on_text_dropped), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page_canvas (self), "changed", G_CALLBACK (refresh_cited), self,
                           G_CONNECT_SWAPPED);
}

void
_nf_editor_page_dispose_source (NfEditorPage *self)
{
  g_cancellable_cancel (self->reader_loading);
  g_clear_object (&self->reader_loading);
}
