/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-editor-page.h"
#include "nf-window-private.h"

/* --- Saving: one request walks from "where?" through "changed on disk?"
 * to done, and tells its caller (a plain save, closing a tab, closing the
 * window) whether the document is now safe on disk. --- */

typedef void (*SavedFunc) (NfWindow   *self,
                           NfDocument *document,
                           gboolean    saved,
                           gpointer    user_data);

typedef struct {
  NfWindow   *self;
  NfDocument *document;
  GFile      *file;
  SavedFunc   done;
  gpointer    user_data;
} SaveRequest;

static void
save_request_finish (SaveRequest *request,
                     gboolean     saved)
{
  if (request->done != NULL)
    request->done (request->self, request->document, saved, request->user_data);
  g_object_unref (request->self);
  g_object_unref (request->document);
  g_clear_object (&request->file);
  g_free (request);
}

static void ask_file_and_write (SaveRequest *request);
static void write_document     (SaveRequest *request,
                                gboolean     force);

static AdwMessageDialog *
new_message (NfWindow   *self,
             const char *heading,
             const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  return dialog;
}

static void
changed_on_disk_response (AdwMessageDialog *dialog,
                          const char       *response,
                          SaveRequest      *request)
{
  if (g_str_equal (response, "overwrite"))
    write_document (request, TRUE);
  else if (g_str_equal (response, "save-as"))
    {
      g_clear_object (&request->file);
      ask_file_and_write (request);
    }
  else
    save_request_finish (request, FALSE);
}

static void
document_saved (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SaveRequest *request = user_data;
  NfWindow *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = nf_document_dup_title (request->document);

  self->n_saving--;
  _nf_window_update_state (self);

  if (nf_document_save_finish (request->document, result, &error))
    {
      /* The file's name: after Save As the canvas's name says nothing of
       * where it went. */
      g_autofree char *base = g_file_get_basename (nf_document_get_file (request->document));
      g_autofree char *shown = g_filename_display_name (base);
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), shown);

      _nf_window_remember_file (self, nf_document_get_file (request->document));
      _nf_window_toast (self, message);
      save_request_finish (request, TRUE);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” Changed on Disk"), title);
      AdwMessageDialog *dialog =
        new_message (self, heading,
                     _("The file was changed by someone else after you opened it. "
                       "Saving now would replace their changes with yours."));

      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "save-as", _("Save _As…"),
                                        "overwrite", _("_Replace Their Changes"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "save-as");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (changed_on_disk_response), request);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  {
    g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), title);
    AdwMessageDialog *dialog = new_message (self, heading, error->message);

    adw_message_dialog_add_response (dialog, "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
    save_request_finish (request, FALSE);
  }
}

static void
write_document (SaveRequest *request,
                gboolean     force)
{
  NfWindow *self = request->self;

  self->n_saving++;
  _nf_window_update_state (self);
  nf_document_save_async (request->document, request->file, force, self->cancellable,
                          document_saved, request);
}

static GtkFileFilter *
new_filter (const char         *name,
            const char * const *suffixes)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  return filter;
}

static void
save_chooser_response (GtkNativeDialog *chooser,
                       int              response,
                       SaveRequest     *request)
{
  NfWindow *self = request->self;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL)
    {
      save_request_finish (request, FALSE);
      return;
    }
  /* A name typed without the extension still opens from the file manager. */
  {
    g_autofree char *base = g_file_get_basename (file);

    if (base != NULL && !g_str_has_suffix (base, ".ninefold"))
      {
        g_autofree char *named = g_strconcat (base, ".ninefold", NULL);
        g_autoptr(GFile) parent = g_file_get_parent (file);

        if (parent != NULL)
          g_set_object (&file, g_file_get_child (parent, named));
      }
  }
  request->file = g_steal_pointer (&file);
  write_document (request, FALSE);
}

static void
ask_file_and_write (SaveRequest *request)
{
  NfWindow *self = request->self;
  static const char * const canvases[] = { "ninefold", NULL };
  g_autoptr(GtkFileFilter) filter = new_filter (_("Ninefold Canvases"), canvases);
  g_autofree char *name = nf_document_dup_suggested_name (request->document);
  GFile *current = nf_document_get_file (request->document);
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  chooser = gtk_file_chooser_native_new (_("Save Canvas"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (current != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), current, NULL);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_response), request);

  /* A native dialog is not kept alive by being shown: the window holds one
   * reference, the response handler the one from _new (). */
  self->chooser = g_object_ref (GTK_NATIVE_DIALOG (chooser));
  gtk_native_dialog_show (self->chooser);
}

static void
save_document (NfWindow   *self,
               NfDocument *document,
               gboolean    ask_name,
               SavedFunc   done,
               gpointer    user_data)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->self = g_object_ref (self);
  request->document = g_object_ref (document);
  request->done = done;
  request->user_data = user_data;

  if (nf_document_get_busy (document))
    {
      save_request_finish (request, FALSE);
      return;
    }
  if (ask_name || nf_document_get_file (document) == NULL)
    ask_file_and_write (request);
  else
    write_document (request, FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NfWindow *self = NF_WINDOW (widget);
  NfDocument *document = _nf_window_get_document (self);

  if (document != NULL)
    save_document (self, document, g_str_equal (action_name, "win.save-as"), NULL, NULL);
}

/* --- Closing a tab, and the window --- */

static void
tab_saved_then_close (NfWindow   *self,
                      NfDocument *document,
                      gboolean    saved,
                      gpointer    user_data)
{
  AdwTabPage *page = _nf_window_find_page (self, document);

  if (page == NULL)
    return;
  if (saved)
    _nf_window_remove_document (self, document);
  adw_tab_view_close_page_finish (self->tab_view, page, saved);
}

static void
close_tab_response (AdwMessageDialog *dialog,
                    const char       *response,
                    NfDocument       *document)
{
  NfWindow *self = NF_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  AdwTabPage *page = _nf_window_find_page (self, document);

  if (page == NULL)
    return;
  if (g_str_equal (response, "save"))
    save_document (self, document, FALSE, tab_saved_then_close, NULL);
  else if (g_str_equal (response, "discard"))
    {
      _nf_window_remove_document (self, document);
      adw_tab_view_close_page_finish (self->tab_view, page, TRUE);
    }
  else
    adw_tab_view_close_page_finish (self->tab_view, page, FALSE);
}

static AdwMessageDialog *
new_save_changes_dialog (NfWindow   *self,
                         const char *body)
{
  AdwMessageDialog *dialog = new_message (self, _("Save Changes?"), body);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

static gboolean
close_page_cb (NfWindow   *self,
               AdwTabPage *page)
{
  GtkWidget *child = adw_tab_page_get_child (page);
  NfDocument *document;

  /* The list stays; a comparison holds nothing of its own to lose. */
  if (!NF_IS_EDITOR_PAGE (child))
    {
      adw_tab_view_close_page_finish (self->tab_view, page, page != self->home_page);
      return GDK_EVENT_STOP;
    }
  document = nf_editor_page_get_document (NF_EDITOR_PAGE (child));
  if (!nf_canvas_get_modified (nf_document_get_canvas (document)) || self->may_close)
    {
      _nf_window_remove_document (self, document);
      adw_tab_view_close_page_finish (self->tab_view, page, TRUE);
      return GDK_EVENT_STOP;
    }

  {
    g_autofree char *title = nf_document_dup_title (document);
    g_autofree char *body = g_strdup_printf (_("“%s” has unsaved changes. "
                                               "Changes which are not saved will be permanently lost."),
                                             title);
    AdwMessageDialog *dialog = new_save_changes_dialog (self, body);

    g_signal_connect_data (dialog, "response", G_CALLBACK (close_tab_response),
                           g_object_ref (document), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
    gtk_window_present (GTK_WINDOW (dialog));
  }
  return GDK_EVENT_STOP;
}

static GPtrArray *
modified_documents (NfWindow *self)
{
  GPtrArray *modified = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->documents)); i++)
    {
      NfDocument *document = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (nf_canvas_get_modified (nf_document_get_canvas (document)))
        g_ptr_array_add (modified, document);
      else
        g_object_unref (document);
    }
  return modified;
}

static void
close_now (NfWindow *self)
{
  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void save_all_next (NfWindow  *self,
                           GPtrArray *pending);

static void
one_saved_for_close (NfWindow   *self,
                     NfDocument *document,
                     gboolean    saved,
                     gpointer    user_data)
{
  GPtrArray *pending = user_data;

  if (!saved)
    {
      /* Cancelled or failed: the window stays, with that work in it. */
      g_ptr_array_unref (pending);
      return;
    }
  save_all_next (self, pending);
}

static void
save_all_next (NfWindow  *self,
               GPtrArray *pending)
{
  g_autoptr(NfDocument) next = NULL;

  if (pending->len == 0)
    {
      g_ptr_array_unref (pending);
      close_now (self);
      return;
    }
  next = g_ptr_array_steal_index (pending, 0);
  save_document (self, next, FALSE, one_saved_for_close, pending);
}

static gboolean
close_when_idle (gpointer user_data)
{
  close_now (user_data);
  return G_SOURCE_REMOVE;
}

static void
close_window_response (AdwMessageDialog *dialog,
                       const char       *response,
                       NfWindow         *self)
{
  if (g_str_equal (response, "save"))
    save_all_next (self, modified_documents (self));
  else if (g_str_equal (response, "discard"))
    /* Not from inside the dialog's own signal: the window would be gone
     * while its dialog still points at it. */
    g_idle_add_full (G_PRIORITY_DEFAULT, close_when_idle, g_object_ref (self), g_object_unref);
}

static gboolean
close_request_cb (NfWindow *self)
{
  g_autoptr(GPtrArray) modified = NULL;

  if (!self->may_close)
    {
      modified = modified_documents (self);
      if (modified->len > 0)
        {
          GString *names = g_string_new (NULL);
          g_autofree char *body = NULL;
          AdwMessageDialog *dialog;

          for (guint i = 0; i < modified->len; i++)
            {
              g_autofree char *title = nf_document_dup_title (g_ptr_array_index (modified, i));

              /* TRANSLATORS: between the names of canvases with unsaved changes */
              g_string_append_printf (names, "%s“%s”", i > 0 ? _(", ") : "", title);
            }
          body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s has unsaved changes. Changes which are not saved will be permanently lost.",
                                               "%s have unsaved changes. Changes which are not saved will be permanently lost.",
                                               modified->len),
                                  names->str);
          g_string_free (names, TRUE);
          dialog = new_save_changes_dialog (self, body);
          adw_message_dialog_set_response_label (dialog, "discard", _("_Discard All"));
          adw_message_dialog_set_response_label (dialog, "save", _("_Save All"));
          g_signal_connect_object (dialog, "response", G_CALLBACK (close_window_response), self, 0);
          gtk_window_present (GTK_WINDOW (dialog));
          return GDK_EVENT_STOP;
        }
    }

  _nf_window_save_window_state (self);
  /* Closed on purpose: whatever was unsaved was discarded by choice, so
   * its recovery copy must not be offered next time. */
  while (g_list_model_get_n_items (G_LIST_MODEL (self->documents)) > 0)
    {
      g_autoptr(NfDocument) document = g_list_model_get_item (G_LIST_MODEL (self->documents), 0);

      _nf_window_remove_document (self, document);
    }
  return GDK_EVENT_PROPAGATE;
}

/* --- Opening --- */

static void
open_chooser_response (GtkNativeDialog *chooser,
                       int              response,
                       NfWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) list = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint n = g_list_model_get_n_items (list);
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (files, g_list_model_get_item (list, i));
      nf_window_open_files (self, (GFile **) files->pdata, files->len);
    }
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NfWindow *self = NF_WINDOW (widget);
  static const char * const all[] = { "ninefold", "md", "markdown", "txt", NULL };
  static const char * const canvases[] = { "ninefold", NULL };
  static const char * const write_ups[] = { "md", "markdown", "txt", NULL };
  g_autoptr(GtkFileFilter) all_filter = new_filter (_("Canvases and Write-ups"), all);
  g_autoptr(GtkFileFilter) canvas_filter = new_filter (_("Ninefold Canvases"), canvases);
  g_autoptr(GtkFileFilter) write_up_filter = new_filter (_("Write-ups"), write_ups);
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }

  chooser = gtk_file_chooser_native_new (C_("dialog title", "Open Canvases"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), canvas_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), write_up_filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), all_filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_chooser_response), self, 0);

  /* A native dialog is not kept alive by being shown. */
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  nf_window_open_files (NF_WINDOW (widget), &file, 1);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         NfWindow      *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  nf_window_open_files (self, (GFile **) files->pdata, files->len);
  return files->len > 0;
}

/* --- New documents --- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  g_autoptr(NfCanvas) canvas = nf_canvas_new ();
  g_autoptr(NfDocument) document = nf_document_new (canvas, NULL, NULL);

  _nf_window_add_document (NF_WINDOW (widget), document, TRUE);
}

static void
new_from_case_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NfWindow *self = NF_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (g_variant_get_uint32 (parameter), &error);
  g_autoptr(NfDocument) document = NULL;

  if (canvas == NULL)
    {
      nf_home_page_add_error (self->home, _("case company"), error);
      return;
    }
  document = nf_document_new (canvas, NULL, NULL);
  _nf_window_add_document (self, document, TRUE);
}

/* --- Recovered work --- */

static void
restore_recovered_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  NfWindow *self = NF_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NfDocument) document = NULL;

  if (self->recovery == NULL)
    return;
  document = nf_recovery_restore (self->recovery, id, &error);
  nf_home_page_remove_recovered (self->home, id);
  if (document == NULL)
    {
      nf_home_page_add_error (self->home, _("recovered changes"), error);
      return;
    }
  _nf_window_add_document (self, document, TRUE);
}

static void
discard_recovered_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  NfWindow *self = NF_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  if (self->recovery != NULL)
    nf_recovery_discard (self->recovery, id);
  nf_home_page_remove_recovered (self->home, id);
}

/* --- Tabs --- */

static void
show_canvas_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NfWindow *self = NF_WINDOW (widget);
  g_autoptr(NfCanvas) canvas = g_list_model_get_item (G_LIST_MODEL (self->canvases),
                                                      g_variant_get_uint32 (parameter));

  if (canvas != NULL)
    nf_window_show_canvas (self, canvas);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NfWindow *self = NF_WINDOW (widget);

  adw_tab_view_set_selected_page (self->tab_view, self->home_page);
}

static void
close_tab_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NfWindow *self = NF_WINDOW (widget);
  AdwTabPage *page = adw_tab_view_get_selected_page (self->tab_view);

  if (page != NULL && page != self->home_page)
    adw_tab_view_close_page (self->tab_view, page);
}

/* --- Help --- */

/* Built on first use rather than by GtkApplication for every window (it
 * would, from gtk/help-overlay.ui): a shortcuts window is many widgets,
 * about a twentieth of start-up. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/ninefold/Ninefold/nf-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* Modal, hidden on close, and gone with the window. */
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

void
_nf_window_update_actions (NfWindow *self)
{
  NfDocument *document = _nf_window_get_document (self);
  AdwTabPage *selected = adw_tab_view_get_selected_page (self->tab_view);
  GtkWidget *child = selected != NULL ? adw_tab_page_get_child (selected) : NULL;
  /* A version from git shown read only is never saved. */
  gboolean editable = document != NULL && !nf_document_get_busy (document) &&
                      !(NF_IS_EDITOR_PAGE (child) && nf_editor_page_get_read_only (NF_EDITOR_PAGE (child)));
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.save", editable);
  gtk_widget_action_set_enabled (widget, "win.save-as", editable);
  gtk_widget_action_set_enabled (widget, "win.close-tab",
                                 adw_tab_view_get_selected_page (self->tab_view) != self->home_page);
  gtk_widget_action_set_enabled (widget, "win.back",
                                 adw_tab_view_get_selected_page (self->tab_view) != self->home_page);
  _nf_window_update_view_actions (self);
}

void
_nf_window_class_init_actions (NfWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-case", "u", new_from_case_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.close-tab", NULL, close_tab_action);
  gtk_widget_class_install_action (widget_class, "win.show-canvas", "u", show_canvas_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.restore-recovered", "s", restore_recovered_action);
  gtk_widget_class_install_action (widget_class, "win.discard-recovered", "s", discard_recovered_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close-tab", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.back", NULL);
}

void
_nf_window_init_actions (NfWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (self->tab_view, "close-page", G_CALLBACK (close_page_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}
