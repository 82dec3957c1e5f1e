/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-export-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nf-export-dialog.h"
#include "nf-settings.h"
#include "nf-export-dialog-private.h"
#include "nf-gui-resources-private.h"

struct _NfExportDialog {
  AdwWindow       parent_instance;

  GtkWidget      *what_row;
  GtkWidget      *format_row;
  GtkWidget      *lang_row;
  GtkWidget      *size_row;
  GtkWidget      *preview_frame;
  GtkWidget      *preview_picture;
  GtkWidget      *dpi_row;
  GtkWidget      *dpi_spin;
  GtkWidget      *file_row;
  GtkWidget      *options_group;
  GtkWidget      *message_label;
  GtkWidget      *progress_bar;

  GPtrArray      *canvases;      /* the originals, read only on this thread */
  NfExportWhat    whats[3];      /* what each item of what_row stands for */
  guint           n_whats;
  GFile          *file;
  GCancellable   *cancellable;   /* while busy */
  GtkFileChooserNative *chooser;
  char           *message;
  GCancellable   *preview_cancellable; /* while the preview is drawn */
  guint           preview_source;      /* a redraw waiting for choices to settle */
};

G_DEFINE_FINAL_TYPE (NfExportDialog, nf_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_PREVIEW,
  N_PROPS
};

enum {
  EXPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const extensions[] = {
  [NF_EXPORT_FORMAT_PDF] = ".pdf",
  [NF_EXPORT_FORMAT_PNG] = ".png",
  [NF_EXPORT_FORMAT_SVG] = ".svg",
  [NF_EXPORT_FORMAT_MARKDOWN] = ".md",
  [NF_EXPORT_FORMAT_CSV] = ".csv",
  [NF_EXPORT_FORMAT_XLSX] = ".xlsx",
};

/* The language row's items: NULL is the texts as written. */
static const struct { const char *lang; const char *name; } languages[] = {
  { NULL, N_("As written") },
  { "en", N_("English") },
  { "zh", N_("Chinese") },
};

static gboolean
has_pages (NfExportFormat format)
{
  return format == NF_EXPORT_FORMAT_PDF || format == NF_EXPORT_FORMAT_PNG ||
         format == NF_EXPORT_FORMAT_SVG;
}

static gboolean
is_sheet (NfExportFormat format)
{
  return format == NF_EXPORT_FORMAT_CSV || format == NF_EXPORT_FORMAT_XLSX;
}

/* --- The dialog --- */

void
_nf_export_dialog_show_progress (NfExportDialog *self,
                                 guint           done,
                                 guint           total)
{
  g_autofree char *text = NULL;

  /* A late report from a job already over says nothing. */
  if (self->cancellable == NULL || total == 0)
    return;
  text = g_strdup_printf (_("Slide %u of %u"), done, total);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), (double) done / total);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress_bar), text);
}

static NfExportWhat
current_what (NfExportDialog *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->what_row));

  return i < self->n_whats ? self->whats[i] : NF_EXPORT_WHAT_CANVAS;
}

/* Why the choices cannot be exported as they are, or NULL. */
static const char *
problem (NfExportDialog *self)
{
  NfExportWhat what = current_what (self);
  NfExportFormat format = nf_export_dialog_get_format (self);

  if (what == NF_EXPORT_WHAT_ALL && is_sheet (format))
    return _("A spreadsheet holds one canvas's tables, or the metrics of a comparison.");
  if (what == NF_EXPORT_WHAT_ALL && format != NF_EXPORT_FORMAT_PDF)
    return _("An image or a Markdown file holds one canvas: export all the canvases as a PDF deck.");
  if (what == NF_EXPORT_WHAT_CANVAS && is_sheet (format) &&
      g_list_model_get_n_items (nf_canvas_get_tables (g_ptr_array_index (self->canvases, 0))) == 0)
    return _("This canvas has no metric tables to put in a spreadsheet.");
  if (what == NF_EXPORT_WHAT_COMPARISON && format == NF_EXPORT_FORMAT_MARKDOWN)
    return _("Markdown holds one canvas: export the comparison as a PDF deck, a PNG or an SVG.");
  return NULL;
}

static void
set_message (NfExportDialog *self,
             const char     *message,
             gboolean        is_error)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->message_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->message_label, message != NULL);
  if (is_error)
    gtk_widget_add_css_class (self->message_label, "error");
  else
    gtk_widget_remove_css_class (self->message_label, "error");
}

static void
update (NfExportDialog *self)
{
  NfExportFormat format = nf_export_dialog_get_format (self);
  gboolean busy = self->cancellable != NULL;
  const char *why = problem (self);

  gtk_widget_set_sensitive (self->options_group, !busy);
  gtk_widget_set_sensitive (self->size_row, has_pages (format));
  gtk_widget_set_visible (self->preview_frame, has_pages (format));
  gtk_widget_set_visible (self->dpi_row, format == NF_EXPORT_FORMAT_PNG);
  if (self->file != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (self->file);

      /* Shown as text: the row's use-markup is off (nf-export-dialog.ui). */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->file_row), name);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->file_row), _("None chosen"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export",
                                 !busy && why == NULL && self->file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", !busy);
  if (!busy)
    set_message (self, why, FALSE);
}

/* A chosen file follows the format: "deck.pdf" becomes "deck.png". */
static void
match_extension (NfExportDialog *self)
{
  g_autofree char *base = NULL;
  g_autofree char *renamed = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) file = NULL;
  const char *want = extensions[nf_export_dialog_get_format (self)];
  char *dot;

  if (self->file == NULL)
    return;
  base = g_file_get_basename (self->file);
  if (g_str_has_suffix (base, want))
    return;
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  renamed = g_strconcat (base, want, NULL);
  parent = g_file_get_parent (self->file);
  if (parent == NULL)
    return;
  file = g_file_get_child (parent, renamed);
  g_set_object (&self->file, file);
}

/* Saved copies of what would be exported, for a worker to load. */
static GPtrArray *
canvas_bytes (NfExportDialog  *self,
              NfExportWhat     what,
              GError         **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  for (guint i = 0; i < (what == NF_EXPORT_WHAT_CANVAS ? 1 : self->canvases->len); i++)
    {
      GBytes *bytes = nf_canvas_save_to_bytes (g_ptr_array_index (self->canvases, i), error);

      if (bytes == NULL)
        return NULL;
      g_ptr_array_add (all, bytes);
    }
  return g_steal_pointer (&all);
}

static void
preview_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(NfExportDialog) self = user_data;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);

  /* A later preview replaced this one, or the dialog went. */
  if (g_task_get_cancellable (G_TASK (result)) != self->preview_cancellable ||
      self->preview_picture == NULL)
    return;
  g_clear_object (&self->preview_cancellable);
  gtk_picture_set_paintable (GTK_PICTURE (self->preview_picture), GDK_PAINTABLE (texture));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEW]);
}

static gboolean
start_preview (gpointer data)
{
  NfExportDialog *self = data;
  NfExportFormat format = nf_export_dialog_get_format (self);
  NfExportWhat what = current_what (self);
  g_autoptr(GTask) task = NULL;
  NfExportPreviewJob *job;
  GPtrArray *bytes;

  self->preview_source = 0;
  if (!has_pages (format) || problem (self) != NULL ||
      !(bytes = canvas_bytes (self, what, NULL)))
    return G_SOURCE_REMOVE;
  job = g_new0 (NfExportPreviewJob, 1);
  job->bytes = bytes;
  job->compare = what == NF_EXPORT_WHAT_COMPARISON;
  job->size = nf_export_dialog_get_page_size (self);
  job->lang = g_strdup (nf_export_dialog_get_language (self));
  /* A deck's first pages; an image is the slide after the title. */
  job->first = format == NF_EXPORT_FORMAT_PDF ? 0 : 1;
  job->n_pages = format == NF_EXPORT_FORMAT_PDF ? 3 : 1;
  self->preview_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->preview_cancellable, preview_done, g_object_ref (self));
  g_task_set_source_tag (task, start_preview);
  g_task_set_task_data (task, job, (GDestroyNotify) _nf_export_preview_job_free);
  g_task_run_in_thread (task, _nf_export_preview_thread);
  return G_SOURCE_REMOVE;
}

/* The preview is drawn again once the choices settle. */
static void
schedule_preview (NfExportDialog *self)
{
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (gtk_picture_get_paintable (GTK_PICTURE (self->preview_picture)) != NULL)
    {
      gtk_picture_set_paintable (GTK_PICTURE (self->preview_picture), NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEW]);
    }
  self->preview_source = g_timeout_add (150, start_preview, self);
}

static void
choices_changed (NfExportDialog *self)
{
  match_extension (self);
  update (self);
  schedule_preview (self);
}

static void
set_busy (NfExportDialog *self,
          gboolean        busy)
{
  if (busy)
    self->cancellable = g_cancellable_new ();
  else
    g_clear_object (&self->cancellable);
  gtk_widget_set_visible (self->progress_bar, busy);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), 0);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress_bar), _("Preparing…"));
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(NfExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_object_ref (self->file);

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_message (self, _("Export cancelled. Any earlier file of that name is as it was."), FALSE);
      else
        set_message (self, error->message, TRUE);
      return;
    }
  {
    g_autoptr(GSettings) settings = nf_settings_new ();

    g_settings_set_enum (settings, "export-page-size", (int) nf_export_dialog_get_page_size (self));
  }
  g_signal_emit (self, signals[EXPORTED], 0, file);
  gtk_window_close (GTK_WINDOW (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NfExportDialog *self = NF_EXPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  NfExportJob *job;

  if (self->cancellable != NULL || self->file == NULL || problem (self) != NULL)
    return;

  job = g_new0 (NfExportJob, 1);
  job->bytes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  job->what = current_what (self);
  job->format = nf_export_dialog_get_format (self);
  job->size = (NfDeckPageSize) adw_combo_row_get_selected (ADW_COMBO_ROW (self->size_row));
  job->dpi = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->dpi_spin));
  job->file = g_object_ref (self->file);
  job->lang = g_strdup (nf_export_dialog_get_language (self));
  job->self = g_object_ref (self);

  /* Copies as they are now: the worker never touches the live canvases. */
  {
    g_autoptr(GError) error = NULL;
    GPtrArray *bytes = canvas_bytes (self, job->what, &error);

    if (bytes == NULL)
      {
        set_message (self, error->message, TRUE);
        _nf_export_job_free (job);
        return;
      }
    g_ptr_array_unref (job->bytes);
    job->bytes = bytes;
  }

  set_busy (self, TRUE);
  set_message (self, NULL, FALSE);
  task = g_task_new (NULL, self->cancellable, export_done, g_object_ref (self));
  g_task_set_source_tag (task, export_action);
  g_task_set_task_data (task, job, (GDestroyNotify) _nf_export_job_free);
  g_task_run_in_thread (task, _nf_export_job_thread);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NfExportDialog *self = NF_EXPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  NfExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      nf_export_dialog_set_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  static const char * const filter_names[] = {
    N_("PDF documents"), N_("PNG images"), N_("SVG images"), N_("Markdown files"),
    N_("CSV files"), N_("Excel workbooks"),
  };
  static const char * const patterns[] = { "*.pdf", "*.png", "*.svg", "*.md", "*.csv", "*.xlsx" };
  NfExportDialog *self = NF_EXPORT_DIALOG (widget);
  NfExportFormat format = nf_export_dialog_get_format (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  NfCanvas *canvas = g_ptr_array_index (self->canvases, 0);
  const char *company = nf_canvas_get_company (canvas);
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export To"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_filter_set_name (filter, _(filter_names[format]));
  gtk_file_filter_add_pattern (filter, patterns[format]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), self->file, NULL);
  else
    {
      name = g_strconcat (current_what (self) == NF_EXPORT_WHAT_CANVAS && company != NULL && *company
                            ? company : _("Business models"),
                          extensions[format], NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
close_request (GtkWindow *window)
{
  NfExportDialog *self = NF_EXPORT_DIALOG (window);

  /* Closing is cancelling: the old file stays, no half file is left. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (nf_export_dialog_parent_class)->close_request (window);
}

static void
nf_export_dialog_dispose (GObject *object)
{
  NfExportDialog *self = NF_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->canvases, g_ptr_array_unref);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NF_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (nf_export_dialog_parent_class)->dispose (object);
}

static void
nf_export_dialog_finalize (GObject *object)
{
  NfExportDialog *self = NF_EXPORT_DIALOG (object);

  g_free (self->message);
  G_OBJECT_CLASS (nf_export_dialog_parent_class)->finalize (object);
}

static void
nf_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NfExportDialog *self = NF_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, nf_export_dialog_get_busy (self));
      break;
    case PROP_PREVIEW:
      g_value_set_object (value, nf_export_dialog_get_preview (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_export_dialog_class_init (NfExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nf_export_dialog_dispose;
  object_class->finalize = nf_export_dialog_finalize;
  object_class->get_property = nf_export_dialog_get_property;
  window_class->close_request = close_request;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREVIEW] =
    g_param_spec_object ("preview", NULL, NULL, GDK_TYPE_PAINTABLE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted with the GFile written, just before the dialog closes. */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  _nf_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NfExportDialog, what_row);
  gtk_widget_class_bind_template_child (widget_class, NfExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, NfExportDialog, lang_row);
  gtk_widget_class_bind_template_child (widget_class, NfExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, NfExportDialog, preview_frame);
  gtk_widget_class_bind_template_child (widget_class, NfExportDialog, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, NfExportDialog, dpi_row);
  gtk_widget_class_bind_template_child (widget_class, NfExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, NfExportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, NfExportDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, NfExportDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, NfExportDialog, progress_bar);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "export.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "export.choose-file", NULL);
}

static void
nf_export_dialog_init (NfExportDialog *self)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sizes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) langs = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (formats, _("PDF slide deck"));
  gtk_string_list_append (formats, _("PNG image"));
  gtk_string_list_append (formats, _("SVG image"));
  gtk_string_list_append (formats, _("Markdown write-up"));
  gtk_string_list_append (formats, _("Tables as CSV"));
  gtk_string_list_append (formats, _("Tables as Excel workbook (XLSX)"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->format_row), G_LIST_MODEL (formats));
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    gtk_string_list_append (langs, _(languages[i].name));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->lang_row), G_LIST_MODEL (langs));
  /* In NfDeckPageSize's order. */
  gtk_string_list_append (sizes, _("Slides, 16:9"));
  gtk_string_list_append (sizes, _("A4 landscape"));
  gtk_string_list_append (sizes, _("Letter landscape"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->size_row), G_LIST_MODEL (sizes));
  /* The page size last exported to (the settings' enum is in the same order). */
  {
    g_autoptr(GSettings) settings = nf_settings_new ();

    adw_combo_row_set_selected (ADW_COMBO_ROW (self->size_row),
                                (guint) g_settings_get_enum (settings, "export-page-size"));
  }

  g_signal_connect_swapped (self->what_row, "notify::selected", G_CALLBACK (choices_changed), self);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (choices_changed), self);
  g_signal_connect_swapped (self->lang_row, "notify::selected", G_CALLBACK (schedule_preview), self);
  g_signal_connect_swapped (self->size_row, "notify::selected", G_CALLBACK (schedule_preview), self);
}

GtkWidget *
nf_export_dialog_new (GtkWindow  *parent,
                      NfCanvas  **canvases,
                      guint       n_canvases,
                      gboolean    compare)
{
  NfExportDialog *self;
  g_autoptr(GtkStringList) whats = gtk_string_list_new (NULL);

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (canvases != NULL && n_canvases > 0, NULL);

  self = g_object_new (NF_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->canvases = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_canvases; i++)
    g_ptr_array_add (self->canvases, g_object_ref (canvases[i]));

  self->whats[self->n_whats++] = NF_EXPORT_WHAT_CANVAS;
  gtk_string_list_append (whats, _("This canvas"));
  if (n_canvases > 1)
    {
      self->whats[self->n_whats++] = NF_EXPORT_WHAT_ALL;
      gtk_string_list_append (whats, _("All open canvases"));
    }
  if (n_canvases >= 2 && n_canvases <= 4)
    {
      self->whats[self->n_whats++] = NF_EXPORT_WHAT_COMPARISON;
      gtk_string_list_append (whats, _("The comparison"));
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->what_row), G_LIST_MODEL (whats));
  if (compare)
    nf_export_dialog_set_what (self, NF_EXPORT_WHAT_COMPARISON);
  update (self);
  schedule_preview (self);
  return GTK_WIDGET (self);
}

void
nf_export_dialog_set_what (NfExportDialog *self,
                           NfExportWhat    what)
{
  g_return_if_fail (NF_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < self->n_whats; i++)
    if (self->whats[i] == what)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->what_row), i);
}

NfExportWhat
nf_export_dialog_get_what (NfExportDialog *self)
{
  g_return_val_if_fail (NF_IS_EXPORT_DIALOG (self), NF_EXPORT_WHAT_CANVAS);
  return current_what (self);
}

void
nf_export_dialog_set_format (NfExportDialog *self,
                             NfExportFormat  format)
{
  g_return_if_fail (NF_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= NF_EXPORT_FORMAT_XLSX);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->format_row), format);
}

NfExportFormat
nf_export_dialog_get_format (NfExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (NF_IS_EXPORT_DIALOG (self), NF_EXPORT_FORMAT_PDF);
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row));
  return selected <= NF_EXPORT_FORMAT_XLSX ? (NfExportFormat) selected : NF_EXPORT_FORMAT_PDF;
}

NfDeckPageSize
nf_export_dialog_get_page_size (NfExportDialog *self)
{
  g_return_val_if_fail (NF_IS_EXPORT_DIALOG (self), NF_DECK_PAGE_WIDE);
  return (NfDeckPageSize) adw_combo_row_get_selected (ADW_COMBO_ROW (self->size_row));
}

void
nf_export_dialog_set_page_size (NfExportDialog *self,
                                NfDeckPageSize  size)
{
  g_return_if_fail (NF_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->size_row), size);
}

void
nf_export_dialog_set_dpi (NfExportDialog *self,
                          double          dpi)
{
  g_return_if_fail (NF_IS_EXPORT_DIALOG (self));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->dpi_spin), dpi);
}

void
nf_export_dialog_set_file (NfExportDialog *self,
                           GFile          *file)
{
  g_return_if_fail (NF_IS_EXPORT_DIALOG (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->file, file);
  update (self);
}

GFile *
nf_export_dialog_get_file (NfExportDialog *self)
{
  g_return_val_if_fail (NF_IS_EXPORT_DIALOG (self), NULL);
  return self->file;
}

gboolean
nf_export_dialog_get_busy (NfExportDialog *self)
{
  g_return_val_if_fail (NF_IS_EXPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

const char *
nf_export_dialog_get_message (NfExportDialog *self)
{
  g_return_val_if_fail (NF_IS_EXPORT_DIALOG (self), NULL);
  return self->message;
}

void
nf_export_dialog_set_language (NfExportDialog *self,
                               const char     *lang)
{
  g_return_if_fail (NF_IS_EXPORT_DIALOG (self));
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i].lang, lang) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->lang_row), i);
}

const char *
nf_export_dialog_get_language (NfExportDialog *self)
{
  guint i;

  g_return_val_if_fail (NF_IS_EXPORT_DIALOG (self), NULL);
  i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->lang_row));
  return i < G_N_ELEMENTS (languages) ? languages[i].lang : NULL;
}

GdkPaintable *
nf_export_dialog_get_preview (NfExportDialog *self)
{
  g_return_val_if_fail (NF_IS_EXPORT_DIALOG (self), NULL);
  return gtk_picture_get_paintable (GTK_PICTURE (self->preview_picture));
}
