/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-history-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-gui-resources-private.h"
#include "nf-history-dialog.h"
#include "nf-versions-list.h"

struct _NfHistoryDialog
{
  AdwWindow        parent_instance;

  NfCanvas        *canvas;
  GFile           *file;
  NfGitLog        *log;
  GCancellable    *loading;
  GPtrArray       *ticks;       /* GtkCheckButton per row, in log order */

  AdwToastOverlay *toasts;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *status;
  GtkLabel        *intro;
  GtkListBox      *list;
};

G_DEFINE_FINAL_TYPE (NfHistoryDialog, nf_history_dialog, ADW_TYPE_WINDOW)

enum {
  COMPARE_REQUESTED,
  OPEN_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (NfHistoryDialog *self,
       const char      *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (escaped));
}

static char *
when (NfGitCommit *commit)
{
  /* Translators: when a commit was made, a strftime format */
  return g_date_time_format (nf_git_commit_get_time (commit), _("%-d %b %Y, %H:%M"));
}

NfCanvas *
nf_history_dialog_load (NfHistoryDialog  *self,
                        guint             index,
                        GError          **error)
{
  g_autoptr(NfGitCommit) commit = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *label = NULL;
  NfCanvas *version;

  g_return_val_if_fail (NF_IS_HISTORY_DIALOG (self), NULL);
  g_return_val_if_fail (self->log != NULL, NULL);

  commit = g_list_model_get_item (nf_git_log_get_commits (self->log), index);
  g_return_val_if_fail (commit != NULL, NULL);
  bytes = nf_git_log_read (self->log, nf_git_commit_get_id (commit), error);
  if (bytes == NULL)
    return NULL;
  base = g_file_get_basename (self->file);
  /* Translators: a file as a commit left it: "acme.ninefold at 1a2b3c4" */
  name = g_strdup_printf (_("%s at %s"), base, nf_git_commit_get_short_id (commit));
  version = nf_canvas_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name, error);
  if (version == NULL)
    return NULL;
  date = when (commit);
  /* The compare view's headers ("Current" beside it) and the tab tell the
   * versions apart by it. */
  label = g_strdup_printf ("%s · %s", nf_git_commit_get_short_id (commit), date);
  nf_canvas_set_version_name (version, label);
  nf_canvas_set_label (version, label);
  nf_canvas_mark_saved (version);
  return version;
}

static void
fill (NfHistoryDialog *self)
{
  GListModel *commits = nf_git_log_get_commits (self->log);
  guint n = g_list_model_get_n_items (commits);
  g_autofree char *base = g_file_get_basename (self->file);
  g_autofree char *intro = NULL;

  if (n == 0)
    {
      adw_status_page_set_title (self->status, _("No Commits Yet"));
      adw_status_page_set_description (self->status,
                                       _("Commit the canvas with git to keep its versions; they show here."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u commit changed %s. Tick two to compare them.",
                                        "%u commits changed %s. Tick two to compare them.", n),
                           n, base);
  gtk_label_set_text (self->intro, intro);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NfGitCommit) commit = g_list_model_get_item (commits, i);
      g_autofree char *date = when (commit);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s", nf_git_commit_get_author (commit),
                                                   date, nf_git_commit_get_short_id (commit));
      const char *summary = nf_git_commit_get_summary (commit);
      GtkWidget *row = adw_action_row_new ();

      /* A commit message is data: never read as markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *summary != '\0' ? summary : _("(no message)"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      nf_versions_add_tick (GTK_WIDGET (self), self->ticks, i, ADW_ACTION_ROW (row),
                            _("Tick to compare"), "history.compare-selected");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 nf_versions_row_button ("view-dual-symbolic", _("Compare with the Canvas as It Is Now"),
                                             "history.compare-current", i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 nf_versions_row_button ("document-open-symbolic", _("Open This Version in a New Tab"),
                                             "history.open", i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 nf_versions_row_button ("edit-undo-symbolic", _("Restore This Version"),
                                             "history.restore", i));
      gtk_list_box_append (self->list, row);
    }
  nf_versions_update_compare (GTK_WIDGET (self), self->ticks, "history.compare-selected");
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
log_loaded (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(NfHistoryDialog) self = data;
  g_autoptr(GError) error = NULL;
  NfGitLog *log = nf_git_log_new_finish (result, &error);

  gtk_spinner_stop (self->spinner);
  if (log == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_title (self->status,
                                 g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                                 ? _("Not in a Git Repository") : _("Can’t Read the History"));
      adw_status_page_set_description (self->status, NULL);
      /* The description is markup; the message names a file. */
      {
        g_autofree char *escaped = g_markup_escape_text (error->message, -1);

        adw_status_page_set_description (self->status, escaped);
      }
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->log = log;
  fill (self);
}

/* --- Actions --- */

static NfCanvas *
load_or_toast (NfHistoryDialog *self,
               guint            index)
{
  g_autoptr(GError) error = NULL;
  NfCanvas *version = nf_history_dialog_load (self, index, &error);

  if (version == NULL)
    toast (self, error->message);
  return version;
}

static void
compare_current_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  NfHistoryDialog *self = NF_HISTORY_DIALOG (widget);
  g_autoptr(NfCanvas) version = load_or_toast (self, g_variant_get_uint32 (parameter));

  if (version == NULL)
    return;
  g_signal_emit (self, signals[COMPARE_REQUESTED], 0, version, self->canvas);
  /* The comparison is in a tab behind this window: show it. */
  gtk_window_close (GTK_WINDOW (self));
}

static void
compare_selected_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  NfHistoryDialog *self = NF_HISTORY_DIALOG (widget);
  guint picked[2];

  if (!nf_versions_get_ticked (self->ticks, &picked[0], &picked[1]))
    return;
  {
    /* The log is newest first: the earlier commit is the later index. */
    g_autoptr(NfCanvas) earlier = load_or_toast (self, picked[1]);
    g_autoptr(NfCanvas) later = earlier != NULL ? load_or_toast (self, picked[0]) : NULL;

    if (earlier != NULL && later != NULL)
      {
        g_signal_emit (self, signals[COMPARE_REQUESTED], 0, earlier, later);
        gtk_window_close (GTK_WINDOW (self));
      }
  }
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NfHistoryDialog *self = NF_HISTORY_DIALOG (widget);
  g_autoptr(NfCanvas) version = load_or_toast (self, g_variant_get_uint32 (parameter));

  if (version == NULL)
    return;
  g_signal_emit (self, signals[OPEN_REQUESTED], 0, version, self->canvas);
  gtk_window_close (GTK_WINDOW (self));
}

static void
restore_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NfHistoryDialog *self = NF_HISTORY_DIALOG (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(NfCanvas) version = load_or_toast (self, index);
  g_autoptr(NfGitCommit) commit = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;

  if (version == NULL)
    return;
  nf_canvas_restore_version (self->canvas, version);
  commit = g_list_model_get_item (nf_git_log_get_commits (self->log), index);
  date = when (commit);
  /* Translators: %s is when the restored commit was made */
  message = g_strdup_printf (_("Restored the version of %s; Undo takes it back"), date);
  toast (self, message);
}

/* --- The type --- */

static void
nf_history_dialog_dispose (GObject *object)
{
  NfHistoryDialog *self = NF_HISTORY_DIALOG (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->canvas);
  g_clear_object (&self->file);
  g_clear_object (&self->log);
  g_clear_pointer (&self->ticks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), NF_TYPE_HISTORY_DIALOG);
  G_OBJECT_CLASS (nf_history_dialog_parent_class)->dispose (object);
}

static void
nf_history_dialog_class_init (NfHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_history_dialog_dispose;

  signals[COMPARE_REQUESTED] =
    g_signal_new ("compare-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, NF_TYPE_CANVAS, NF_TYPE_CANVAS);
  signals[OPEN_REQUESTED] =
    g_signal_new ("open-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, NF_TYPE_CANVAS, NF_TYPE_CANVAS);

  _nf_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NfHistoryDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, NfHistoryDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, NfHistoryDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, NfHistoryDialog, status);
  gtk_widget_class_bind_template_child (widget_class, NfHistoryDialog, intro);
  gtk_widget_class_bind_template_child (widget_class, NfHistoryDialog, list);
  gtk_widget_class_install_action (widget_class, "history.compare-current", "u", compare_current_activated);
  gtk_widget_class_install_action (widget_class, "history.compare-selected", NULL, compare_selected_activated);
  gtk_widget_class_install_action (widget_class, "history.open", "u", open_activated);
  gtk_widget_class_install_action (widget_class, "history.restore", "u", restore_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nf_history_dialog_init (NfHistoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->ticks = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.compare-selected", FALSE);
}

GtkWidget *
nf_history_dialog_new (GtkWindow *parent,
                       NfCanvas  *canvas,
                       GFile     *file)
{
  NfHistoryDialog *self;

  g_return_val_if_fail (NF_IS_CANVAS (canvas), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (NF_TYPE_HISTORY_DIALOG, "transient-for", parent, NULL);
  self->canvas = g_object_ref (canvas);
  self->file = g_object_ref (file);
  self->loading = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);
  nf_git_log_new_async (file, self->loading, log_loaded, g_object_ref (self));
  return GTK_WIDGET (self);
}

NfGitLog *
nf_history_dialog_get_log (NfHistoryDialog *self)
{
  g_return_val_if_fail (NF_IS_HISTORY_DIALOG (self), NULL);
  return self->log;
}
