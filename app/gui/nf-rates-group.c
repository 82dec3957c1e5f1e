/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-rates-group"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-gui-resources-private.h"
#include "nf-rates-group.h"

struct _NfRatesGroup
{
  AdwPreferencesGroup  parent_instance;

  NfCanvas            *canvas;
  GPtrArray           *rows;       /* AdwActionRow, one per rate */

  GtkWidget           *form_row;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkEntry            *value_entry;
  GtkEntry            *date_entry;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (NfRatesGroup, nf_rates_group, ADW_TYPE_PREFERENCES_GROUP)

static GtkWidget *
create_row (NfRate *rate,
            guint   index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *title = nf_rate_to_string (rate);
  g_autofree char *remove_label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (nf_rate_get_date (rate) != NULL)
    {
      /* Translators: the date an exchange rate is for */
      g_autofree char *subtitle = g_strdup_printf (_("As of %s"), nf_rate_get_date (rate));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  gtk_widget_set_tooltip_text (row, _("Edit this rate"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "rates.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "u", index);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Exchange Rate"));
  /* Translators: the accessible name of a button, e.g. "Remove 1 USD = 7.1884 CNY" */
  remove_label = g_strdup_printf (_("Remove %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "rates.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", index);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
rates_changed (NfRatesGroup *self)
{
  GListModel *rates = nf_canvas_get_rates (self->canvas);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < g_list_model_get_n_items (rates); i++)
    {
      g_autoptr(NfRate) rate = g_list_model_get_item (rates, i);
      GtkWidget *row = create_row (rate, i);

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
}

static void
show_error (NfRatesGroup *self,
            GtkEntry     *entry,
            const char   *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (entry != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (entry));
    }
}

static void
clear_errors (NfRatesGroup *self)
{
  GtkEntry *entries[] = { self->from_entry, self->to_entry, self->value_entry, self->date_entry };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (entries[i]), "error");
  show_error (self, NULL, NULL);
}

static char *
entry_text (GtkEntry *entry,
            gboolean  upper)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  return upper ? g_ascii_strup (text, -1) : g_steal_pointer (&text);
}

/* Reads a rate as people write it: "7.1884", "7,1884" or " 7.18 ". */
static gboolean
parse_value (const char *text,
             double     *out)
{
  g_autofree char *dotted = g_strdup (text);
  char *end = NULL;

  g_strdelimit (dotted, ",", '.');
  *out = g_ascii_strtod (dotted, &end);
  return *dotted != '\0' && end != NULL && *end == '\0';
}

static void
set_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  NfRatesGroup *self = NF_RATES_GROUP (widget);
  g_autofree char *from = entry_text (self->from_entry, TRUE);
  g_autofree char *to = entry_text (self->to_entry, TRUE);
  g_autofree char *value_text = entry_text (self->value_entry, FALSE);
  g_autofree char *date = entry_text (self->date_entry, FALSE);
  g_autoptr(NfRate) rate = NULL;
  double value = 0;
  GtkEntry *where = NULL;
  const char *problem = NULL;

  clear_errors (self);
  if (!nf_currency_code_is_valid (from))
    {
      where = self->from_entry;
      problem = _("Give the first currency as a three-letter code, such as USD.");
    }
  else if (!nf_currency_code_is_valid (to))
    {
      where = self->to_entry;
      problem = _("Give the second currency as a three-letter code, such as CNY.");
    }
  else if (g_str_equal (from, to))
    {
      where = self->to_entry;
      problem = _("A rate needs two different currencies.");
    }
  else if (!parse_value (value_text, &value) || !(value > 0) || value > 1e15)
    {
      where = self->value_entry;
      problem = _("The rate must be a number greater than zero, such as 7.1884.");
    }
  else if (*date != '\0' && !nf_rate_date_is_valid (date))
    {
      where = self->date_entry;
      problem = _("Write the date as 2024-12-31, 2024-12 or 2024, or leave it empty.");
    }
  if (problem != NULL)
    {
      show_error (self, where, problem);
      return;
    }

  rate = nf_rate_new (from, to, value, *date != '\0' ? date : NULL);
  g_return_if_fail (rate != NULL);
  nf_canvas_set_rate (self->canvas, rate);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->from_entry));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NfRatesGroup *self = NF_RATES_GROUP (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index < g_list_model_get_n_items (nf_canvas_get_rates (self->canvas)))
    nf_canvas_remove_rate (self->canvas, index);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  NfRatesGroup *self = NF_RATES_GROUP (widget);
  g_autoptr(NfRate) rate = g_list_model_get_item (nf_canvas_get_rates (self->canvas),
                                                  g_variant_get_uint32 (parameter));
  char value[G_ASCII_DTOSTR_BUF_SIZE];

  if (rate == NULL)
    return;
  clear_errors (self);
  g_ascii_formatd (value, sizeof value, "%.10g", nf_rate_get_value (rate));
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), nf_rate_get_from (rate));
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), nf_rate_get_to (rate));
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), value);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry),
                         nf_rate_get_date (rate) ? nf_rate_get_date (rate) : "");
  gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
}

static void
on_entry_activate (NfRatesGroup *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "rates.set", NULL);
}

static void
nf_rates_group_dispose (GObject *object)
{
  NfRatesGroup *self = NF_RATES_GROUP (object);

  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_data (nf_canvas_get_rates (self->canvas), self);
  g_clear_object (&self->canvas);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), NF_TYPE_RATES_GROUP);

  G_OBJECT_CLASS (nf_rates_group_parent_class)->dispose (object);
}

static void
nf_rates_group_class_init (NfRatesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_rates_group_dispose;

  _nf_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-rates-group.ui");
  gtk_widget_class_bind_template_child (widget_class, NfRatesGroup, form_row);
  gtk_widget_class_bind_template_child (widget_class, NfRatesGroup, from_entry);
  gtk_widget_class_bind_template_child (widget_class, NfRatesGroup, to_entry);
  gtk_widget_class_bind_template_child (widget_class, NfRatesGroup, value_entry);
  gtk_widget_class_bind_template_child (widget_class, NfRatesGroup, date_entry);
  gtk_widget_class_bind_template_child (widget_class, NfRatesGroup, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);

  gtk_widget_class_install_action (widget_class, "rates.set", NULL, set_action);
  gtk_widget_class_install_action (widget_class, "rates.remove", "u", remove_action);
  gtk_widget_class_install_action (widget_class, "rates.edit", "u", edit_action);
}

static void
nf_rates_group_init (NfRatesGroup *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nf_rates_group_new (void)
{
  return g_object_new (NF_TYPE_RATES_GROUP, NULL);
}

void
nf_rates_group_set_canvas (NfRatesGroup *self,
                           NfCanvas     *canvas)
{
  g_return_if_fail (NF_IS_RATES_GROUP (self));
  g_return_if_fail (NF_IS_CANVAS (canvas));

  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_data (nf_canvas_get_rates (self->canvas), self);
  g_set_object (&self->canvas, canvas);
  g_signal_connect_swapped (nf_canvas_get_rates (canvas), "items-changed",
                            G_CALLBACK (rates_changed), self);
  rates_changed (self);
}
