/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nf-canvas-card.h"
#include "nf-canvas-view.h"
#include "nf-gui-resources-private.h"
#include "nf-window.h"

struct _NfWindow
{
  AdwApplicationWindow  parent_instance;

  GListStore           *canvases;
  /* Cancelled when the window goes, so late loads touch nothing. */
  GCancellable         *cancellable;
  GtkNativeDialog      *chooser;
  guint                 n_loading;
  guint                 n_errors;

  AdwWindowTitle       *window_title;
  GtkSpinner           *spinner;
  GtkSpinner           *loading_spinner;
  GtkStack             *stack;
  GtkWidget            *errors_box;
  GtkListBox           *errors_list;
  GtkWidget            *canvases_box;
  GtkListBox           *canvases_list;
  GtkWidget            *back_button;
  GtkWidget            *editor;     /* the NfCanvasView shown, or NULL */
};

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
  GPtrArray *canvases;  /* NfCanvas, or NULL where that file failed */
  GPtrArray *errors;    /* GError, or NULL where that file opened */
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
  g_ptr_array_unref (batch->canvases);
  g_ptr_array_unref (batch->errors);
  g_free (batch);
}

static void
update_state (NfWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->canvases));
  gboolean busy = self->n_loading > 0;
  g_autofree char *subtitle = NULL;

  g_assert (NF_IS_WINDOW (self));

  if (n > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u canvas", "%u canvases", n), n);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_spinner_set_spinning (self->loading_spinner, busy);
  gtk_widget_set_visible (self->errors_box, self->n_errors > 0);
  gtk_widget_set_visible (self->canvases_box, n > 0);

  if (self->editor != NULL)
    return;
  if (n > 0 || self->n_errors > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (busy)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
set_n_loading (NfWindow *self,
               guint     n_loading)
{
  gboolean was_busy = self->n_loading > 0;

  self->n_loading = n_loading;
  update_state (self);
  if (was_busy != (n_loading > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
dismiss_clicked (GtkButton *button,
                 NfWindow  *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (self->errors_list, row);
  self->n_errors--;
  update_state (self);
}

/* A persistent row rather than a toast: with several files failing, each
 * needs its own message, and it should stay until the user has read it. */
static void
add_error (NfWindow     *self,
           const char   *name,
           const GError *error)
{
  g_autofree char *title = g_strdup_printf (_("Could not open “%s”"), name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  GtkWidget *dismiss = gtk_button_new_from_icon_name ("window-close-symbolic");

  /* File names and messages are text, not Pango markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  gtk_widget_set_valign (dismiss, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dismiss, "flat");
  gtk_widget_add_css_class (dismiss, "circular");
  gtk_widget_set_tooltip_text (dismiss, _("Dismiss"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dismiss),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dismiss"),
                                  -1);
  g_signal_connect_object (dismiss, "clicked", G_CALLBACK (dismiss_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dismiss);

  gtk_list_box_append (self->errors_list, row);
  self->n_errors++;
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);

  return base != NULL ? g_filename_display_name (base) : g_file_get_parse_name (file);
}

static void
batch_finish (Batch *batch)
{
  NfWindow *self = batch->self;

  for (guint i = 0; i < batch->files->len; i++)
    {
      NfCanvas *canvas = g_ptr_array_index (batch->canvases, i);

      if (canvas != NULL)
        g_list_store_append (self->canvases, canvas);
      else
        {
          g_autofree char *name = file_display_name (g_ptr_array_index (batch->files, i));

          add_error (self, name, g_ptr_array_index (batch->errors, i));
        }
    }
  set_n_loading (self, self->n_loading - batch->files->len);
}

static void
file_opened_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree Slot *slot = user_data;
  Batch *batch = slot->batch;
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_load_any_file_finish (result, &error);

  if (canvas != NULL)
    g_ptr_array_index (batch->canvases, slot->index) = g_steal_pointer (&canvas);
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
  Batch *batch;

  g_return_if_fail (NF_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (n_files == 0)
    return;

  batch = g_new0 (Batch, 1);
  batch->self = g_object_ref (self);
  batch->pending = n_files;
  batch->files = g_ptr_array_new_with_free_func (g_object_unref);
  batch->canvases = g_ptr_array_new_with_free_func (unref_if_set);
  batch->errors = g_ptr_array_new_with_free_func (free_error_if_set);
  g_ptr_array_set_size (batch->canvases, n_files);
  g_ptr_array_set_size (batch->errors, n_files);

  set_n_loading (self, self->n_loading + n_files);

  for (guint i = 0; i < n_files; i++)
    {
      Slot *slot = g_new0 (Slot, 1);

      slot->batch = batch;
      slot->index = i;
      g_ptr_array_add (batch->files, g_object_ref (files[i]));
      nf_load_any_file_async (files[i], self->cancellable, file_opened_cb, slot);
    }
}

void
nf_window_open_cases (NfWindow *self)
{
  const char * const *paths = nf_case_resource_paths ();

  g_return_if_fail (NF_IS_WINDOW (self));

  /* They come from memory and are small: no need for a thread. */
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NfCanvas) canvas = nf_canvas_load_case (i, &error);

      if (canvas != NULL)
        g_list_store_append (self->canvases, canvas);
      else
        add_error (self, strrchr (paths[i], '/') + 1, error);
    }
  update_state (self);
}

GListModel *
nf_window_get_canvases (NfWindow *self)
{
  g_return_val_if_fail (NF_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->canvases);
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

  return self->n_errors;
}

static void
chooser_response (GtkNativeDialog *chooser,
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
  g_clear_object (&self->chooser);
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
      gtk_native_dialog_show (self->chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Open Canvases"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), canvas_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), write_up_filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), all_filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response), self, 0);

  /* A native dialog is not kept alive by being shown. */
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  return nf_canvas_card_new (NF_CANVAS (item));
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

  g_clear_object (&self->canvases);
  g_clear_object (&self->cancellable);

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

static void back_action    (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter);
static void row_activated  (NfWindow      *self,
                            GtkListBoxRow *row);

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
  gtk_widget_class_bind_template_child (widget_class, NfWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, NfWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, NfWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, NfWindow, errors_box);
  gtk_widget_class_bind_template_child (widget_class, NfWindow, errors_list);
  gtk_widget_class_bind_template_child (widget_class, NfWindow, canvases_box);
  gtk_widget_class_bind_template_child (widget_class, NfWindow, canvases_list);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_bind_template_child (widget_class, NfWindow, back_button);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);

  g_type_ensure (NF_TYPE_CANVAS_CARD);
}

static void
update_editor_title (NfWindow *self)
{
  NfCanvas *canvas;
  g_autofree char *title = NULL;

  if (self->editor == NULL)
    return;
  canvas = nf_canvas_view_get_canvas (NF_CANVAS_VIEW (self->editor));
  /* A bullet before the name while there are unsaved changes. */
  title = g_strdup_printf (nf_canvas_get_modified (canvas) ? "• %s" : "%s",
                           nf_canvas_get_company (canvas) != NULL ? nf_canvas_get_company (canvas) : _("Untitled"));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, "");
}

static void
close_editor (NfWindow *self)
{
  if (self->editor == NULL)
    return;
  g_signal_handlers_disconnect_by_func (nf_canvas_view_get_canvas (NF_CANVAS_VIEW (self->editor)),
                                        update_editor_title, self);
  gtk_stack_remove (self->stack, g_steal_pointer (&self->editor));
  gtk_widget_set_visible (self->back_button, FALSE);
  adw_window_title_set_title (self->window_title, _("Ninefold"));
  update_state (self);
}

void
nf_window_show_canvas (NfWindow *self,
                       NfCanvas *canvas)
{
  g_return_if_fail (NF_IS_WINDOW (self));
  g_return_if_fail (NF_IS_CANVAS (canvas));

  close_editor (self);
  self->editor = nf_canvas_view_new (canvas);
  gtk_stack_add_named (self->stack, self->editor, "editor");
  gtk_stack_set_visible_child (self->stack, self->editor);
  gtk_widget_set_visible (self->back_button, TRUE);
  g_signal_connect_object (canvas, "changed", G_CALLBACK (update_editor_title), self, G_CONNECT_SWAPPED);
  update_editor_title (self);
  gtk_widget_grab_focus (nf_canvas_view_get_block (NF_CANVAS_VIEW (self->editor), NF_BLOCK_VALUE_PROPOSITIONS));
}

GtkWidget *
nf_window_get_canvas_view (NfWindow *self)
{
  g_return_val_if_fail (NF_IS_WINDOW (self), NULL);
  return self->editor;
}

static void
row_activated (NfWindow      *self,
               GtkListBoxRow *row)
{
  g_autoptr(NfCanvas) canvas = g_list_model_get_item (G_LIST_MODEL (self->canvases),
                                                      gtk_list_box_row_get_index (row));

  if (canvas != NULL)
    nf_window_show_canvas (self, canvas);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  close_editor (NF_WINDOW (widget));
}

static void
nf_window_init (NfWindow *self)
{
  self->canvases = g_list_store_new (NF_TYPE_CANVAS);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_bind_model (self->canvases_list, G_LIST_MODEL (self->canvases),
                           create_card, NULL, NULL);
  g_signal_connect_object (self->canvases_list, "row-activated", G_CALLBACK (row_activated),
                           self, G_CONNECT_SWAPPED);
  update_state (self);
}

NfWindow *
nf_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (NF_TYPE_WINDOW, "application", application, NULL);
}
