/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-snapshots-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-gui-resources-private.h"
#include "nf-snapshots-dialog.h"
#include "nf-versions-list.h"

struct _NfSnapshotsDialog
{
  AdwWindow   parent_instance;

  NfCanvas   *canvas;
  GPtrArray  *ticks;        /* GtkCheckButton per row, in model order */

  GtkEntry   *name_entry;
  GtkListBox *list;
  GtkWidget  *compare_button;
};

G_DEFINE_FINAL_TYPE (NfSnapshotsDialog, nf_snapshots_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CANVAS,
  N_PROPS
};

enum {
  COMPARE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

char *
nf_snapshots_dialog_default_name (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);
  /* Translators: the default name of a snapshot, a strftime format */
  return g_date_time_format (time, _("%Y-%m-%d %H:%M"));
}

static NfSnapshot *
snapshot_at (NfSnapshotsDialog *self,
             guint              index)
{
  GListModel *snapshots = nf_canvas_get_snapshots (self->canvas);

  if (index >= g_list_model_get_n_items (snapshots))
    return NULL;
  return g_list_model_get_item (snapshots, index);
}

/* A detached canvas of a snapshot, labelled with the snapshot's name so
 * the compare view's headers tell the versions apart. */
static NfCanvas *
canvas_of (NfSnapshotsDialog *self,
           NfSnapshot        *snapshot)
{
  NfCanvas *canvas = nf_canvas_new_from_snapshot (self->canvas, snapshot);

  nf_canvas_set_label (canvas, nf_snapshot_get_name (snapshot));
  return canvas;
}

/* The rows are rebuilt whenever the list changes: a handful of snapshots,
 * and each row's actions carry its index. */
static void
rebuild (NfSnapshotsDialog *self)
{
  GListModel *snapshots = nf_canvas_get_snapshots (self->canvas);
  guint n = g_list_model_get_n_items (snapshots);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->ticks, 0);
  g_ptr_array_set_size (self->ticks, n);

  for (guint k = 0; k < n; k++)
    {
      guint i = n - 1 - k;   /* newest first */
      g_autoptr(NfSnapshot) snapshot = g_list_model_get_item (snapshots, i);
      g_autofree char *when = g_date_time_format (nf_snapshot_get_time (snapshot), _("%e %B %Y, %H:%M"));
      g_autofree char *tick_label = g_strdup_printf (_("Tick “%s” to compare"), nf_snapshot_get_name (snapshot));
      GtkWidget *row = adw_action_row_new ();

      /* Before the title: a name with "&" would not parse as markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), nf_snapshot_get_name (snapshot));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), g_strstrip (when));
      nf_versions_add_tick (GTK_WIDGET (self), self->ticks, i, ADW_ACTION_ROW (row), tick_label,
                            "snapshots.compare-selected");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 nf_versions_row_button ("view-dual-symbolic", _("Compare with the Current Canvas"),
                                             "snapshots.compare-current", i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 nf_versions_row_button ("edit-undo-symbolic", _("Restore This Snapshot"),
                                             "snapshots.restore", i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 nf_versions_row_button ("user-trash-symbolic", _("Delete This Snapshot"),
                                             "snapshots.remove", i));
      gtk_list_box_append (self->list, row);
    }
  if (n == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No snapshots yet. A snapshot keeps the canvas as it is now, "
                                          "to compare with or go back to later."));

      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 24);
      gtk_widget_set_margin_bottom (empty, 24);
      gtk_widget_set_margin_start (empty, 12);
      gtk_widget_set_margin_end (empty, 12);
      gtk_list_box_set_placeholder (self->list, empty);
    }
  nf_versions_update_compare (GTK_WIDGET (self), self->ticks, "snapshots.compare-selected");
}

static void
snapshots_changed (NfSnapshotsDialog *self)
{
  rebuild (self);
}

static void
take_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NfSnapshotsDialog *self = NF_SNAPSHOTS_DIALOG (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));

  if (name[0] == '\0')
    {
      g_free (name);
      name = nf_snapshots_dialog_default_name (now);
    }
  nf_canvas_take_snapshot (self->canvas, name, now);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NfSnapshotsDialog *self = NF_SNAPSHOTS_DIALOG (widget);
  g_autoptr(NfSnapshot) snapshot = snapshot_at (self, g_variant_get_uint32 (parameter));

  if (snapshot != NULL)
    nf_canvas_restore_snapshot (self->canvas, snapshot);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NfSnapshotsDialog *self = NF_SNAPSHOTS_DIALOG (widget);
  g_autoptr(NfSnapshot) snapshot = snapshot_at (self, g_variant_get_uint32 (parameter));

  if (snapshot != NULL)
    nf_canvas_remove_snapshot (self->canvas, snapshot);
}

static void
compare_current_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  NfSnapshotsDialog *self = NF_SNAPSHOTS_DIALOG (widget);
  g_autoptr(NfSnapshot) snapshot = snapshot_at (self, g_variant_get_uint32 (parameter));
  g_autoptr(NfCanvas) then = NULL;

  if (snapshot == NULL)
    return;
  then = canvas_of (self, snapshot);
  g_signal_emit (self, signals[COMPARE_REQUESTED], 0, then, self->canvas);
}

static void
compare_selected_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  NfSnapshotsDialog *self = NF_SNAPSHOTS_DIALOG (widget);
  g_autoptr(NfSnapshot) first = NULL, second = NULL;
  g_autoptr(NfCanvas) a = NULL;
  g_autoptr(NfCanvas) b = NULL;
  guint i, k;

  /* Model order is oldest first, so the first ticked is the earlier. */
  if (!nf_versions_get_ticked (self->ticks, &i, &k))
    return;
  first = snapshot_at (self, i);
  second = snapshot_at (self, k);
  a = canvas_of (self, first);
  b = canvas_of (self, second);
  if (a != NULL && b != NULL)
    g_signal_emit (self, signals[COMPARE_REQUESTED], 0, a, b);
}

NfCanvas *
nf_snapshots_dialog_get_canvas (NfSnapshotsDialog *self)
{
  g_assert (NF_IS_SNAPSHOTS_DIALOG (self));
  return self->canvas;
}

static void
nf_snapshots_dialog_constructed (GObject *object)
{
  NfSnapshotsDialog *self = NF_SNAPSHOTS_DIALOG (object);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *hint = nf_snapshots_dialog_default_name (now);

  G_OBJECT_CLASS (nf_snapshots_dialog_parent_class)->constructed (object);

  g_assert (NF_IS_CANVAS (self->canvas));
  gtk_entry_set_placeholder_text (self->name_entry, hint);
  g_signal_connect_object (nf_canvas_get_snapshots (self->canvas), "items-changed",
                           G_CALLBACK (snapshots_changed), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
nf_snapshots_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NfSnapshotsDialog *self = NF_SNAPSHOTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_snapshots_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  NfSnapshotsDialog *self = NF_SNAPSHOTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      self->canvas = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_snapshots_dialog_dispose (GObject *object)
{
  NfSnapshotsDialog *self = NF_SNAPSHOTS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NF_TYPE_SNAPSHOTS_DIALOG);
  g_clear_object (&self->canvas);

  G_OBJECT_CLASS (nf_snapshots_dialog_parent_class)->dispose (object);
}

static void
nf_snapshots_dialog_finalize (GObject *object)
{
  NfSnapshotsDialog *self = NF_SNAPSHOTS_DIALOG (object);

  g_ptr_array_unref (self->ticks);

  G_OBJECT_CLASS (nf_snapshots_dialog_parent_class)->finalize (object);
}

static void
nf_snapshots_dialog_class_init (NfSnapshotsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nf_snapshots_dialog_constructed;
  object_class->dispose = nf_snapshots_dialog_dispose;
  object_class->finalize = nf_snapshots_dialog_finalize;
  object_class->get_property = nf_snapshots_dialog_get_property;
  object_class->set_property = nf_snapshots_dialog_set_property;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, NF_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NfSnapshotsDialog::compare-requested:
   * @a: the earlier state, a detached canvas
   * @b: the later state: a detached canvas, or the live one
   */
  signals[COMPARE_REQUESTED] =
    g_signal_new ("compare-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, NF_TYPE_CANVAS, NF_TYPE_CANVAS);

  _nf_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-snapshots-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NfSnapshotsDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, NfSnapshotsDialog, list);
  gtk_widget_class_bind_template_child (widget_class, NfSnapshotsDialog, compare_button);

  gtk_widget_class_install_action (widget_class, "snapshots.take", NULL, take_action);
  gtk_widget_class_install_action (widget_class, "snapshots.restore", "u", restore_action);
  gtk_widget_class_install_action (widget_class, "snapshots.remove", "u", remove_action);
  gtk_widget_class_install_action (widget_class, "snapshots.compare-current", "u", compare_current_action);
  gtk_widget_class_install_action (widget_class, "snapshots.compare-selected", NULL, compare_selected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "snapshots.take", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nf_snapshots_dialog_init (NfSnapshotsDialog *self)
{
  self->ticks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nf_snapshots_dialog_new (GtkWindow *parent,
                         NfCanvas  *canvas)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NF_IS_CANVAS (canvas), NULL);

  return g_object_new (NF_TYPE_SNAPSHOTS_DIALOG,
                       "canvas", canvas,
                       "transient-for", parent,
                       NULL);
}
