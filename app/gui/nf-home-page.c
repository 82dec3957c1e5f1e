/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-home-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-canvas-card.h"
#include "nf-gui-resources-private.h"
#include "nf-home-page.h"
#include "nf-settings.h"

#define MAX_RECENT 8

struct _NfHomePage
{
  GtkWidget         parent_instance;

  GListModel       *canvases;
  GSettings        *settings;   /* recent-files */
  guint             n_errors;
  guint             n_recovered;
  gboolean          busy;
  gboolean          built;
  gboolean          cards_bound;

  GtkStack         *stack;
  GtkSpinner       *loading_spinner;
  GtkWidget        *recovered_box;
  GtkListBox       *recovered_list;
  GtkWidget        *errors_box;
  GtkListBox       *errors_list;
  GtkWidget        *canvases_box;
  GtkListBox       *canvases_list;
  GtkWidget        *recent_box;
  GtkListBox       *recent_list;
};

G_DEFINE_FINAL_TYPE (NfHomePage, nf_home_page, GTK_TYPE_WIDGET)

static void ensure_built (NfHomePage *self);

static void
update_state (NfHomePage *self)
{
  guint n = self->canvases != NULL ? g_list_model_get_n_items (self->canvases) : 0;

  if (!self->built)
    return;

  gtk_spinner_set_spinning (self->loading_spinner, self->busy);
  gtk_widget_set_visible (self->errors_box, self->n_errors > 0);
  gtk_widget_set_visible (self->recovered_box, self->n_recovered > 0);
  gtk_widget_set_visible (self->canvases_box, n > 0);

  if (n > 0 || self->n_errors > 0 || self->n_recovered > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (self->busy)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static GtkWidget *
new_round_button (const char *icon_name,
                  const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static void
dismiss_clicked (GtkButton  *button,
                 NfHomePage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (self->errors_list, row);
  self->n_errors--;
  update_state (self);
}

/* A persistent row rather than a toast: with several files failing, each
 * needs its own message, and it should stay until the user has read it. */
void
nf_home_page_add_error (NfHomePage   *self,
                        const char   *name,
                        const GError *error)
{
  g_autofree char *title = NULL;
  g_autofree char *key = NULL;
  GtkWidget *row, *icon, *dismiss;

  g_return_if_fail (NF_IS_HOME_PAGE (self));
  g_return_if_fail (name != NULL && error != NULL);

  ensure_built (self);

  /* The same failure again (the file opened twice) replaces its row, so
   * rows do not stack up; the newest goes last. */
  key = g_strconcat (name, "\n", error->message, NULL);
  for (GtkWidget *old = gtk_widget_get_first_child (GTK_WIDGET (self->errors_list));
       old != NULL; old = gtk_widget_get_next_sibling (old))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (old), "nf-error-key"), key) == 0)
      {
        gtk_list_box_remove (self->errors_list, old);
        self->n_errors--;
        break;
      }

  title = g_strdup_printf (_("Could not open “%s”"), name);
  row = adw_action_row_new ();
  icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  dismiss = new_round_button ("window-close-symbolic", _("Dismiss"));

  /* File names and messages are text, not Pango markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_signal_connect_object (dismiss, "clicked", G_CALLBACK (dismiss_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dismiss);
  g_object_set_data_full (G_OBJECT (row), "nf-error-key", g_steal_pointer (&key), g_free);

  gtk_list_box_append (self->errors_list, row);
  self->n_errors++;
  update_state (self);
}

guint
nf_home_page_get_n_errors (NfHomePage *self)
{
  g_return_val_if_fail (NF_IS_HOME_PAGE (self), 0);
  return self->n_errors;
}

void
nf_home_page_set_busy (NfHomePage *self,
                       gboolean    busy)
{
  g_return_if_fail (NF_IS_HOME_PAGE (self));
  self->busy = busy;
  update_state (self);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

void
nf_home_page_set_recovered (NfHomePage *self,
                            GPtrArray  *entries)
{
  g_return_if_fail (NF_IS_HOME_PAGE (self));

  /* Nothing kept, and nothing shown yet: nothing to build for. */
  if (!self->built && (entries == NULL || entries->len == 0))
    return;
  ensure_built (self);
  clear_list (self->recovered_list);
  self->n_recovered = 0;
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const NfRecoveryEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (entry->time);
      /* TRANSLATORS: when unsaved changes were last kept, e.g. "Kept Mon 23 Nov, 11:05" */
      g_autofree char *when = g_date_time_format (local, _("Kept %a %e %b, %H:%M"));
      g_autofree char *where = entry->file != NULL ? g_file_get_parse_name (entry->file) : NULL;
      g_autofree char *subtitle = where != NULL ? g_strdup_printf ("%s — %s", when, where)
                                                : g_strdup_printf (_("%s — never saved"), when);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *restore = gtk_button_new_with_mnemonic (_("_Restore"));
      GtkWidget *discard = new_round_button ("user-trash-symbolic", _("Discard These Changes"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("document-open-recent-symbolic"));
      gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (restore, "suggested-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "win.restore-recovered");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (restore), "s", entry->id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (discard), "win.discard-recovered");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (discard), "s", entry->id);
      /* Red as a warning; libadwaita 1.2 draws a flat button with
       * "destructive-action" white on nothing, so not that class. */
      gtk_widget_add_css_class (discard, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
      gtk_widget_set_name (row, entry->id);
      gtk_list_box_append (self->recovered_list, row);
      self->n_recovered++;
    }
  update_state (self);
}

guint
nf_home_page_get_n_recovered (NfHomePage *self)
{
  g_return_val_if_fail (NF_IS_HOME_PAGE (self), 0);
  return self->n_recovered;
}

void
nf_home_page_remove_recovered (NfHomePage *self,
                               const char *id)
{
  g_return_if_fail (NF_IS_HOME_PAGE (self));

  if (!self->built)
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->recovered_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), id) == 0)
      {
        gtk_list_box_remove (self->recovered_list, row);
        self->n_recovered--;
        break;
      }
  update_state (self);
}

static void
update_recent (NfHomePage *self)
{
  g_auto(GStrv) uris = g_settings_get_strv (self->settings, "recent-files");
  guint n = 0;

  clear_list (self->recent_list);
  for (guint i = 0; uris[i] != NULL && n < MAX_RECENT; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *name = NULL;
      g_autofree char *where = NULL;
      GtkWidget *row;

      /* Moved or deleted since: nothing to open. */
      if (base == NULL || !g_file_query_exists (file, NULL))
        continue;
      name = g_filename_display_name (base);
      where = g_file_get_parse_name (file);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uris[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->recent_list, row);
      n++;
    }
  gtk_widget_set_visible (self->recent_box, n > 0);
}

guint
nf_home_page_get_n_recent (NfHomePage *self)
{
  guint n = 0;

  g_return_val_if_fail (NF_IS_HOME_PAGE (self), 0);
  ensure_built (self);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static void
canvas_activated (NfHomePage    *self,
                  GtkListBoxRow *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-canvas", "u",
                              (guint32) gtk_list_box_row_get_index (row));
}

static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  return nf_canvas_card_new (NF_CANVAS (item));
}

/* The page is built when first shown, or first given something to show
 * (a file that failed, changes kept from a crash), not with the window:
 * a start that opens a canvas straight away would build it, style it and
 * realize it for nobody (18 M instructions of start-up). The cards wait
 * for the first showing either way: they are measured as they are made
 * (labels in two scripts). */
static void
ensure_built (NfHomePage *self)
{
  if (self->built)
    return;
  self->built = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->canvases_list, "row-activated", G_CALLBACK (canvas_activated),
                           self, G_CONNECT_SWAPPED);
  self->settings = nf_settings_new ();
  g_signal_connect_object (self->settings, "changed::recent-files", G_CALLBACK (update_recent),
                           self, G_CONNECT_SWAPPED);
  update_recent (self);
  update_state (self);
}

static void
nf_home_page_map (GtkWidget *widget)
{
  NfHomePage *self = NF_HOME_PAGE (widget);

  ensure_built (self);
  if (!self->cards_bound && self->canvases != NULL)
    {
      self->cards_bound = TRUE;
      gtk_list_box_bind_model (self->canvases_list, self->canvases, create_card, NULL, NULL);
    }
  GTK_WIDGET_CLASS (nf_home_page_parent_class)->map (widget);
}

static void
nf_home_page_dispose (GObject *object)
{
  NfHomePage *self = NF_HOME_PAGE (object);

  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), NF_TYPE_HOME_PAGE);
  g_clear_object (&self->canvases);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (nf_home_page_parent_class)->dispose (object);
}

static void
nf_home_page_class_init (NfHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_home_page_dispose;
  widget_class->map = nf_home_page_map;

  _nf_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NfHomePage, stack);
  gtk_widget_class_bind_template_child (widget_class, NfHomePage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, NfHomePage, recovered_box);
  gtk_widget_class_bind_template_child (widget_class, NfHomePage, recovered_list);
  gtk_widget_class_bind_template_child (widget_class, NfHomePage, errors_box);
  gtk_widget_class_bind_template_child (widget_class, NfHomePage, errors_list);
  gtk_widget_class_bind_template_child (widget_class, NfHomePage, canvases_box);
  gtk_widget_class_bind_template_child (widget_class, NfHomePage, canvases_list);
  gtk_widget_class_bind_template_child (widget_class, NfHomePage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, NfHomePage, recent_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (NF_TYPE_CANVAS_CARD);
}

static void
nf_home_page_init (NfHomePage *self)
{
}

GtkWidget *
nf_home_page_new (GListModel *canvases)
{
  NfHomePage *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (canvases), NULL);

  self = g_object_new (NF_TYPE_HOME_PAGE, NULL);
  self->canvases = g_object_ref (canvases);
  g_signal_connect_object (canvases, "items-changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  update_state (self);
  return GTK_WIDGET (self);
}
