/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nf-canvas-view.h"
#include "nf-editor-page.h"
#include "nf-gui-resources-private.h"
#include "nf-home-page.h"
#include "nf-locale.h"
#include "nf-settings.h"
#include "nf-window-private.h"

G_DEFINE_FINAL_TYPE (NfWindow, nf_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One call to open_files: results are kept until the last file is in, so
 * canvases appear in the order they were asked for, whatever order the
 * threads finish in. */
typedef struct {
  NfWindow  *self;
  guint      pending;
  GPtrArray *files;
  GPtrArray *documents; /* NfDocument, or NULL where that file failed */
  GPtrArray *errors;    /* GError, or NULL where that file opened */
  gboolean   show_last; /* select the last file's tab when they are in */
} Batch;

typedef struct {
  Batch *batch;
  guint  index;
} Slot;

/* The results arrays have a hole where each file did not produce one. */
static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
free_error_if_set (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

static void
batch_free (Batch *batch)
{
  g_object_unref (batch->self);
  g_ptr_array_unref (batch->files);
  g_ptr_array_unref (batch->documents);
  g_ptr_array_unref (batch->errors);
  g_free (batch);
}

/* A toast's title is Pango markup; the message, naming files and
 * canvases, is text. */
static AdwToast *
new_toast (const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  return adw_toast_new (escaped);
}

NfDocument *
_nf_window_get_document (NfWindow *self)
{
  AdwTabPage *page = adw_tab_view_get_selected_page (self->tab_view);
  GtkWidget *child = page != NULL ? adw_tab_page_get_child (page) : NULL;

  return NF_IS_EDITOR_PAGE (child) ? nf_editor_page_get_document (NF_EDITOR_PAGE (child)) : NULL;
}

AdwTabPage *
_nf_window_find_page (NfWindow   *self,
                      NfDocument *document)
{
  guint n = adw_tab_view_get_n_pages (self->tab_view);

  for (guint i = 0; i < n; i++)
    {
      AdwTabPage *page = adw_tab_view_get_nth_page (self->tab_view, i);
      GtkWidget *child = adw_tab_page_get_child (page);

      if (NF_IS_EDITOR_PAGE (child) && nf_editor_page_get_document (NF_EDITOR_PAGE (child)) == document)
        return page;
    }
  return NULL;
}

/* What tells a document apart from another open one with the same title
 * (two versions of one company): its label (a snapshot's name, a date)
 * where no other has it, else its file's name, else (by_place) its place
 * in the list. */
static char *
distinction (NfWindow   *self,
             NfDocument *document,
             const char *title,
             gboolean   *by_place)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  const char *label = nf_canvas_get_label (nf_document_get_canvas (document));
  GFile *file = nf_document_get_file (document);
  g_autofree char *base = file != NULL ? g_file_get_basename (file) : NULL;
  gboolean shared = FALSE, label_shared = label == NULL || *label == '\0', base_shared = base == NULL;
  guint position = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NfDocument) other = g_list_model_get_item (G_LIST_MODEL (self->documents), i);
      g_autofree char *other_title = NULL;
      GFile *other_file;

      if (other == document)
        {
          position = i + 1;
          continue;
        }
      other_title = nf_document_dup_title (other);
      if (!g_str_equal (other_title, title))
        continue;
      shared = TRUE;
      if (g_strcmp0 (label, nf_canvas_get_label (nf_document_get_canvas (other))) == 0)
        label_shared = TRUE;
      other_file = nf_document_get_file (other);
      if (base != NULL && other_file != NULL)
        {
          g_autofree char *other_base = g_file_get_basename (other_file);

          base_shared = base_shared || g_str_equal (base, other_base);
        }
    }
  *by_place = FALSE;
  if (!shared)
    return NULL;
  if (!label_shared)
    return g_strdup (label);
  if (!base_shared)
    return g_filename_display_name (base);
  *by_place = TRUE;
  return g_strdup_printf ("%u", position);
}

static char *
page_title (NfWindow   *self,
            NfDocument *document)
{
  g_autofree char *title = nf_document_dup_title (document);
  gboolean by_place;
  g_autofree char *apart = distinction (self, document, title, &by_place);

  if (apart != NULL && by_place)
    {
      g_autofree char *told = g_strdup_printf ("%s (%s)", title, apart);

      g_free (title);
      title = g_steal_pointer (&told);
    }
  else if (apart != NULL)
    {
      /* TRANSLATORS: a tab's title when two open canvases share a name:
       * the name, then what tells this one apart (a label, a file name). */
      g_autofree char *told = g_strdup_printf (_("%s — %s"), title, apart);

      g_free (title);
      title = g_steal_pointer (&told);
    }
  /* A bullet before the name while there are unsaved changes, as in the
   * window title. */
  if (nf_canvas_get_modified (nf_document_get_canvas (document)))
    return g_strdup_printf ("• %s", title);
  return g_steal_pointer (&title);
}

static char *
document_location (NfDocument *document)
{
  GFile *file = nf_document_get_file (document);
  g_autoptr(GFile) parent = NULL;

  if (file == NULL)
    return g_strdup (_("Not saved yet"));
  parent = g_file_get_parent (file);
  return parent != NULL ? g_file_get_parse_name (parent) : g_file_get_parse_name (file);
}

void
_nf_window_update_state (NfWindow *self)
{
  NfDocument *document = _nf_window_get_document (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  gboolean busy = self->n_loading > 0 || self->n_saving > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  nf_home_page_set_busy (self->home, self->n_loading > 0);

  if (document != NULL)
    {
      g_autofree char *title = page_title (self, document);
      g_autofree char *location = document_location (document);

      adw_window_title_set_title (self->window_title, title);
      adw_window_title_set_subtitle (self->window_title, location);
    }
  else
    {
      g_autofree char *subtitle = NULL;

      if (n > 0)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u canvas", "%u canvases", n), n);
      adw_window_title_set_title (self->window_title, _("Ninefold"));
      adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
    }

  gtk_widget_set_visible (self->save_button, document != NULL);
  _nf_window_update_actions (self);
}

/* A tab's tooltip is Pango markup; a path is text. */
static void
set_page_tooltip (AdwTabPage *page,
                  const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_tab_page_set_tooltip (page, escaped);
}

static void
set_page_labels (NfWindow   *self,
                 AdwTabPage *page,
                 NfDocument *document)
{
  g_autofree char *title = page_title (self, document);
  g_autofree char *location = document_location (document);

  adw_tab_page_set_title (page, title);
  set_page_tooltip (page, location);
  adw_tab_page_set_loading (page, nf_document_get_busy (document));
}

/* Every tab's title: one document's name can decide another's. */
static void
update_page_titles (NfWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NfDocument) document = g_list_model_get_item (G_LIST_MODEL (self->documents), i);
      AdwTabPage *page = _nf_window_find_page (self, document);

      if (page != NULL)
        set_page_labels (self, page, document);
    }
}

/* A page gets its title and tooltip before its tab is made. The tab bar
 * makes a tab as a page is attached, and the tab sets its tooltip again
 * on each later change of either, which GTK 4.8 answers with a pointer
 * query (three X round trips): labelled first, each of a start-up's five
 * tabs sets it three times instead of five. Connected before the tab bar
 * has the view, so this runs before the bar's own handler. */
static void
page_attached (NfWindow   *self,
               AdwTabPage *page,
               int         position,
               AdwTabView *view)
{
  GtkWidget *child = adw_tab_page_get_child (page);

  if (child == GTK_WIDGET (self->home))
    {
      adw_tab_page_set_title (page, _("Canvases"));
      adw_tab_page_set_tooltip (page, _("All open canvases"));
    }
  else if (NF_IS_EDITOR_PAGE (child))
    set_page_labels (self, page, nf_editor_page_get_document (NF_EDITOR_PAGE (child)));
}

static void
document_changed (NfWindow   *self,
                  GParamSpec *pspec,
                  NfDocument *document)
{
  update_page_titles (self);
  _nf_window_update_state (self);
}

/* A canvas shown to work on has the keyboard on its centre block, where
 * Insert adds a note and the arrows move between blocks. */
static void
focus_canvas (GtkWidget *editor)
{
  GtkWidget *view = nf_editor_page_get_canvas_view (NF_EDITOR_PAGE (editor));

  gtk_widget_grab_focus (nf_canvas_view_get_block (NF_CANVAS_VIEW (view),
                                                   NF_BLOCK_VALUE_PROPOSITIONS));
}

void
_nf_window_add_document (NfWindow   *self,
                         NfDocument *document,
                         gboolean    select)
{
  GtkWidget *editor;
  AdwTabPage *page;

  g_list_store_append (self->documents, document);
  g_list_store_append (self->canvases, nf_document_get_canvas (document));

  /* Its widgets are built when the tab is first shown. */
  editor = nf_editor_page_new (document);
  /* The notes as the interface speaks, where a translation exists. */
  nf_editor_page_set_language (NF_EDITOR_PAGE (editor), nf_ui_note_language ());
  page = adw_tab_view_append (self->tab_view, editor);
  adw_tab_page_set_icon (page, NULL);
  g_signal_connect_object (document, "notify::title", G_CALLBACK (document_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::file", G_CALLBACK (document_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::busy", G_CALLBACK (document_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (document_changed), self,
                           G_CONNECT_SWAPPED);
  document_changed (self, NULL, document);

  if (self->recovery != NULL)
    nf_recovery_watch (self->recovery, document);
  if (select)
    {
      adw_tab_view_set_selected_page (self->tab_view, page);
      focus_canvas (editor);
    }
  _nf_window_update_state (self);
}

/* The document leaves the window: its tab has gone, or is going. */
void
_nf_window_remove_document (NfWindow   *self,
                            NfDocument *document)
{
  guint position;

  if (self->recovery != NULL)
    nf_recovery_forget (self->recovery, document);
  if (g_list_store_find (self->documents, document, &position))
    {
      g_list_store_remove (self->documents, position);
      g_list_store_remove (self->canvases, position);
    }
  update_page_titles (self);
  _nf_window_update_state (self);
}

static NfDocument *
find_document_for_file (NfWindow *self,
                        GFile    *file)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->documents)); i++)
    {
      g_autoptr(NfDocument) document = g_list_model_get_item (G_LIST_MODEL (self->documents), i);
      GFile *f = nf_document_get_file (document);

      if (f != NULL && g_file_equal (f, file))
        return document;
    }
  return NULL;
}

void
_nf_window_set_n_loading (NfWindow *self,
                          guint     n_loading)
{
  gboolean was_busy = self->n_loading > 0;

  self->n_loading = n_loading;
  _nf_window_update_state (self);
  if (was_busy != (n_loading > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);

  return base != NULL ? g_filename_display_name (base) : g_file_get_parse_name (file);
}

/* The reason in an error message, without the path it starts with (the
 * toast names the file already). */
static const char *
error_reason (GFile        *file,
              const GError *error)
{
  g_autofree char *path = g_file_get_parse_name (file);
  const char *message = error->message;

  if (g_str_has_prefix (message, path))
    {
      message += strlen (path);
      message += strspn (message, ":, ");
    }
  return *message != '\0' ? message : error->message;
}

static void
open_error_dismissed (NfWindow *self)
{
  self->open_error_toast = NULL;
}

/* Errors of an open go to the list page, one row per file; the user on a
 * canvas tab would not see that, so the tab shows a toast naming the file
 * and the reason, with the way to the list. */
static void
report_errors (NfWindow  *self,
               Batch     *batch)
{
  gboolean on_list = adw_tab_view_get_selected_page (self->tab_view) == self->home_page;
  g_autofree char *message = NULL;
  guint n_failed = 0;
  AdwToast *toast;

  for (guint i = 0; i < batch->files->len; i++)
    {
      GFile *file = g_ptr_array_index (batch->files, i);
      const GError *error = g_ptr_array_index (batch->errors, i);
      g_autofree char *name = NULL;

      if (g_ptr_array_index (batch->documents, i) != NULL || error == NULL)
        continue;
      name = file_display_name (file);
      nf_home_page_add_error (self->home, name, error);
      if (n_failed++ == 0)
        message = g_strdup_printf (_("Could not open “%s”: %s"), name, error_reason (file, error));
    }
  if (n_failed == 0 || on_list)
    return;
  if (n_failed > 1)
    {
      g_free (message);
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Could not open %u file", "Could not open %u files",
                                              n_failed), n_failed);
    }
  if (self->open_error_toast != NULL && g_strcmp0 (self->open_error_text, message) == 0)
    return;
  toast = new_toast (message);
  self->open_error_toast = toast;
  g_free (self->open_error_text);
  self->open_error_text = g_steal_pointer (&message);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (open_error_dismissed), self, G_CONNECT_SWAPPED);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.back");
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
batch_finish (Batch *batch)
{
  NfWindow *self = batch->self;
  gboolean first = TRUE;
  AdwTabPage *last = NULL;

  report_errors (self, batch);
  for (guint i = 0; i < batch->files->len; i++)
    {
      NfDocument *document = g_ptr_array_index (batch->documents, i);
      GFile *file = g_ptr_array_index (batch->files, i);

      if (document == NULL)
        continue;
      /* A file opened twice would be two documents racing to save. */
      if (nf_document_get_file (document) != NULL &&
          find_document_for_file (self, nf_document_get_file (document)) != NULL)
        {
          AdwTabPage *page = _nf_window_find_page (self, find_document_for_file (self, file));

          if (page != NULL && first)
            adw_tab_view_set_selected_page (self->tab_view, page);
          if (page != NULL)
            last = page;
          first = FALSE;
          continue;
        }
      if (nf_document_get_file (document) != NULL)
        _nf_window_remember_file (self, file);
      /* Opening one file shows it; opening many fills the list. */
      _nf_window_add_document (self, document, batch->files->len == 1);
      last = _nf_window_find_page (self, document);
    }
  if (batch->show_last && last != NULL)
    adw_tab_view_set_selected_page (self->tab_view, last);
  _nf_window_set_n_loading (self, self->n_loading - batch->files->len);
}

static void
file_opened_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree Slot *slot = user_data;
  Batch *batch = slot->batch;
  g_autoptr(GError) error = NULL;
  g_autoptr(NfDocument) document = nf_document_load_finish (result, &error);

  if (document != NULL)
    g_ptr_array_index (batch->documents, slot->index) = g_steal_pointer (&document);
  else
    g_ptr_array_index (batch->errors, slot->index) = g_steal_pointer (&error);

  if (--batch->pending > 0)
    return;
  if (!g_cancellable_is_cancelled (batch->self->cancellable))
    batch_finish (batch);
  batch_free (batch);
}

void
nf_window_open_files (NfWindow  *self,
                      GFile    **files,
                      guint      n_files)
{
  nf_window_open_files_full (self, files, n_files, FALSE);
}

void
nf_window_open_files_full (NfWindow  *self,
                           GFile    **files,
                           guint      n_files,
                           gboolean   show_last)
{
  Batch *batch;

  g_return_if_fail (NF_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (n_files == 0)
    return;

  batch = g_new0 (Batch, 1);
  batch->self = g_object_ref (self);
  batch->pending = n_files;
  batch->show_last = show_last;
  batch->files = g_ptr_array_new_with_free_func (g_object_unref);
  batch->documents = g_ptr_array_new_with_free_func (unref_if_set);
  batch->errors = g_ptr_array_new_with_free_func (free_error_if_set);
  g_ptr_array_set_size (batch->documents, n_files);
  g_ptr_array_set_size (batch->errors, n_files);

  _nf_window_set_n_loading (self, self->n_loading + n_files);

  for (guint i = 0; i < n_files; i++)
    {
      Slot *slot = g_new0 (Slot, 1);

      slot->batch = batch;
      slot->index = i;
      g_ptr_array_add (batch->files, g_object_ref (files[i]));
      nf_document_load_async (files[i], self->cancellable, file_opened_cb, slot);
    }
}

void
_nf_window_add_case (NfWindow     *self,
                     guint         index,
                     NfCanvas     *canvas,
                     const GError *error)
{
  const char * const *paths = nf_case_resource_paths ();

  g_return_if_fail (NF_IS_WINDOW (self));
  g_return_if_fail (canvas != NULL || error != NULL);

  /* Each is a new document with no file: saving asks where, so the
   * shipped case itself can never be overwritten. */
  if (canvas != NULL)
    {
      g_autoptr(NfDocument) document = nf_document_new (canvas, NULL, NULL);

      _nf_window_add_document (self, document, FALSE);
    }
  else
    nf_home_page_add_error (self->home, strrchr (paths[index], '/') + 1, error);
}

void
nf_window_open_cases (NfWindow *self)
{
  const char * const *paths = nf_case_resource_paths ();

  g_return_if_fail (NF_IS_WINDOW (self));

  /* They come from memory and are small: no need for a thread. (The
   * application loads them in one while GTK starts up, and hands them
   * to _nf_window_add_case().) */
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NfCanvas) canvas = nf_canvas_load_case (i, &error);

      _nf_window_add_case (self, i, canvas, error);
    }
  _nf_window_update_state (self);
}

void
_nf_window_offer_layout (NfWindow     *self,
                         NfGridLayout *layout)
{
  NfCanvas *canvas = nf_grid_layout_get_canvas (layout);
  g_autoptr(NfDocument) document = NULL;
  AdwTabPage *page;
  guint position;

  if (!g_list_store_find (self->canvases, canvas, &position))
    return;
  document = g_list_model_get_item (G_LIST_MODEL (self->documents), position);
  /* Kept by the page until its view is built, when it is first shown. */
  if ((page = _nf_window_find_page (self, document)) != NULL)
    _nf_editor_page_offer_layout (NF_EDITOR_PAGE (adw_tab_page_get_child (page)), layout);
}

GListModel *
nf_window_get_canvases (NfWindow *self)
{
  g_return_val_if_fail (NF_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->canvases);
}

GListModel *
nf_window_get_documents (NfWindow *self)
{
  g_return_val_if_fail (NF_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->documents);
}

gboolean
nf_window_get_busy (NfWindow *self)
{
  g_return_val_if_fail (NF_IS_WINDOW (self), FALSE);
  return self->n_loading > 0;
}

guint
nf_window_get_n_errors (NfWindow *self)
{
  g_return_val_if_fail (NF_IS_WINDOW (self), 0);
  return nf_home_page_get_n_errors (self->home);
}

void
nf_window_show_canvas (NfWindow *self,
                       NfCanvas *canvas)
{
  guint position;
  g_autoptr(NfDocument) document = NULL;
  AdwTabPage *page;

  g_return_if_fail (NF_IS_WINDOW (self));
  g_return_if_fail (NF_IS_CANVAS (canvas));

  if (!g_list_store_find (self->canvases, canvas, &position))
    {
      g_autoptr(NfDocument) fresh = nf_document_new (canvas, NULL, NULL);

      _nf_window_add_document (self, fresh, TRUE);
      return;
    }
  document = g_list_model_get_item (G_LIST_MODEL (self->documents), position);
  if ((page = _nf_window_find_page (self, document)) != NULL)
    {
      adw_tab_view_set_selected_page (self->tab_view, page);
      focus_canvas (adw_tab_page_get_child (page));
    }
}

GtkWidget *
nf_window_get_canvas_view (NfWindow *self)
{
  AdwTabPage *page;
  GtkWidget *child;

  g_return_val_if_fail (NF_IS_WINDOW (self), NULL);

  page = adw_tab_view_get_selected_page (self->tab_view);
  child = page != NULL ? adw_tab_page_get_child (page) : NULL;
  return NF_IS_EDITOR_PAGE (child) ? nf_editor_page_get_canvas_view (NF_EDITOR_PAGE (child)) : NULL;
}

void
nf_window_set_recovery (NfWindow   *self,
                        NfRecovery *recovery)
{
  g_return_if_fail (NF_IS_WINDOW (self));
  g_return_if_fail (recovery == NULL || NF_IS_RECOVERY (recovery));

  if (!g_set_object (&self->recovery, recovery) || recovery == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->documents)); i++)
    {
      g_autoptr(NfDocument) document = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      nf_recovery_watch (recovery, document);
    }
}

guint
nf_window_offer_recovered (NfWindow *self)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (NF_IS_WINDOW (self), 0);

  if (self->recovery == NULL)
    return 0;
  entries = nf_recovery_list (self->recovery);
  nf_home_page_set_recovered (self->home, entries);
  if (entries->len > 0)
    adw_tab_view_set_selected_page (self->tab_view, self->home_page);
  return entries->len;
}

guint
nf_window_get_n_recovered (NfWindow *self)
{
  g_return_val_if_fail (NF_IS_WINDOW (self), 0);
  return nf_home_page_get_n_recovered (self->home);
}

void
_nf_window_toast (NfWindow   *self,
                  const char *message)
{
  AdwToast *toast = new_toast (message);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
launched (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Could not open the export: %s", error->message);
}

static void
open_exported (AdwToast  *toast,
               GtkWidget *window)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "nf-uri");
  g_autoptr(GdkAppLaunchContext) context =
    gdk_display_get_app_launch_context (gtk_widget_get_display (window));

  /* GtkFileLauncher is GTK 4.10; this is what it does underneath. */
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, launched, NULL);
}

void
_nf_window_toast_exported (NfWindow *self,
                           GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = path != NULL ? g_filename_display_basename (path) : g_file_get_uri (file);
  /* A toast's title is markup: a file name is data. */
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *title = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (file);
  gboolean whole = g_file_query_exists (file, NULL);
  AdwToast *toast;

  title = whole ? g_strdup_printf (_("Exported “%s”"), escaped)
                : g_strdup_printf (_("Exported the tables of “%s”"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 6);
  adw_toast_set_button_label (toast, whole ? _("Open") : _("Open Folder"));
  g_object_set_data_full (G_OBJECT (toast), "nf-uri",
                          whole || parent == NULL ? g_file_get_uri (file) : g_file_get_uri (parent),
                          g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_exported), self, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

#define MAX_RECENT_FILES 10

/* Newest first, once each, as the list page shows them. */
void
_nf_window_remember_file (NfWindow *self,
                          GFile    *file)
{
  g_autoptr(GSettings) settings = nf_settings_new ();
  g_auto(GStrv) old = g_settings_get_strv (settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) uris = NULL;
  guint n = 1;

  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_FILES; i++)
    if (!g_str_equal (old[i], uri))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  uris = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-files", (const char * const *) uris);
}

/* The size is remembered, not the position: placing windows is the
 * window manager's business. */
static void
restore_window_state (NfWindow *self)
{
  g_autoptr(GSettings) settings = nf_settings_new ();
  int width = g_settings_get_int (settings, "window-width");
  int height = g_settings_get_int (settings, "window-height");

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* What a window of the default size showed of its first canvas view
 * (1280x720 gave 1270x582), with the default theme and fonts; with others the
 * view simply lays its canvas out itself. /startup/first-case-* check it. */
#define VIEW_CHROME_WIDTH  10
#define VIEW_CHROME_HEIGHT 138

gboolean
_nf_window_first_view_size (int *width,
                            int *height)
{
  g_autoptr(GSettings) settings = nf_settings_new ();

  if (g_settings_get_boolean (settings, "window-maximized"))
    return FALSE;
  *width = g_settings_get_int (settings, "window-width") - VIEW_CHROME_WIDTH;
  *height = g_settings_get_int (settings, "window-height") - VIEW_CHROME_HEIGHT;
  return *width > 0 && *height > 0;
}

void
_nf_window_save_window_state (NfWindow *self)
{
  g_autoptr(GSettings) settings = nf_settings_new ();
  int width = 0, height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
}

/* A menu button's popover builds a widget per item as soon as it gets
 * its model: given on first opening instead (and on every opening, as GTK
 * asks; the model stays once set). */
static void
create_menu_popup (GtkMenuButton *button,
                   gpointer       menu)
{
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, menu);
}

/* A screen reader lands on a menu button's inner toggle button, which in
 * GTK 4.8 has no name of its own ("GtkImage"): it gets the button's. */
static void
label_menu_button (GtkMenuButton *button)
{
  GtkWidget *inner = gtk_widget_get_first_child (GTK_WIDGET (button));
  const char *label = gtk_widget_get_tooltip_text (GTK_WIDGET (button));

  if (GTK_IS_BUTTON (inner) && label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* A tab picked while the keyboard is in neither the pages nor the tab bar
 * (Alt+2 at start, with a header bar button focused, or nothing): it goes
 * to the page, for a canvas as opening one from the list does. Focus that
 * was in the old page AdwTabView has already moved; focus on the tab bar
 * stays where it is, for moving from tab to tab. */
static void
focus_selected_page (NfWindow *self)
{
  AdwTabPage *page = adw_tab_view_get_selected_page (self->tab_view);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *child;

  if (page == NULL)
    return;
  child = adw_tab_page_get_child (page);
  if (focus != NULL &&
      (focus == child || gtk_widget_is_ancestor (focus, child) ||
       gtk_widget_is_ancestor (focus, GTK_WIDGET (self->tab_bar))))
    return;
  if (NF_IS_EDITOR_PAGE (child))
    focus_canvas (child);
  else
    gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}

static void
selected_page_changed (NfWindow *self)
{
  focus_selected_page (self);
  _nf_window_update_state (self);
}

static void
nf_window_dispose (GObject *object)
{
  NfWindow *self = NF_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), NF_TYPE_WINDOW);

  G_OBJECT_CLASS (nf_window_parent_class)->dispose (object);
}

static void
nf_window_finalize (GObject *object)
{
  NfWindow *self = NF_WINDOW (object);

  g_clear_object (&self->documents);
  g_clear_object (&self->canvases);
  g_clear_object (&self->recovery);
  g_clear_object (&self->cancellable);
  g_free (self->open_error_text);

  G_OBJECT_CLASS (nf_window_parent_class)->finalize (object);
}

static void
nf_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NfWindow *self = NF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, nf_window_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_window_class_init (NfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_window_dispose;
  object_class->finalize = nf_window_finalize;
  object_class->get_property = nf_window_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _nf_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NfWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, NfWindow, new_menu_button);
  gtk_widget_class_bind_template_child (widget_class, NfWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, NfWindow, new_menu);
  gtk_widget_class_bind_template_child (widget_class, NfWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, NfWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, NfWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, NfWindow, tab_bar);
  gtk_widget_class_bind_template_child (widget_class, NfWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, NfWindow, toasts);

  _nf_window_class_init_actions (klass);
  _nf_window_class_init_view_actions (klass);
}

static void
nf_window_init (NfWindow *self)
{
  self->documents = g_list_store_new (NF_TYPE_DOCUMENT);
  self->canvases = g_list_store_new (NF_TYPE_CANVAS);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->new_menu_button, create_menu_popup,
                                         self->new_menu, NULL);
  gtk_menu_button_set_create_popup_func (self->main_menu_button, create_menu_popup,
                                         self->primary_menu, NULL);
  label_menu_button (self->new_menu_button);
  label_menu_button (self->main_menu_button);
  restore_window_state (self);

  g_signal_connect_object (self->tab_view, "page-attached", G_CALLBACK (page_attached), self,
                           G_CONNECT_SWAPPED);
  /* Given here, not in the template: after page_attached, and while the
   * view has no pages (libadwaita 1.2 lays out the tabs of a view given
   * with pages back to front). */
  adw_tab_bar_set_view (self->tab_bar, self->tab_view);
  self->home = NF_HOME_PAGE (nf_home_page_new (G_LIST_MODEL (self->canvases)));
  self->home_page = adw_tab_view_append_pinned (self->tab_view, GTK_WIDGET (self->home));
  {
    g_autoptr(GIcon) icon = g_themed_icon_new ("view-grid-symbolic");

    adw_tab_page_set_icon (self->home_page, icon);
  }

  g_signal_connect_object (self->tab_view, "notify::selected-page",
                           G_CALLBACK (selected_page_changed), self, G_CONNECT_SWAPPED);
  _nf_window_init_actions (self);
  _nf_window_update_state (self);
}

NfWindow *
nf_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (NF_TYPE_WINDOW, "application", application, NULL);
}
