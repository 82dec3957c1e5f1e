/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-versions-list"

#include "config.h"

#include "nf-versions-list.h"

typedef struct {
  GtkWidget  *owner;    /* not a reference: the ticks are inside it */
  GPtrArray  *ticks;
  const char *action;   /* static */
} Tick;

static void
tick_free (gpointer data,
           GClosure *closure)
{
  Tick *tick = data;

  g_ptr_array_unref (tick->ticks);
  g_free (tick);
}

static void
tick_toggled (GtkCheckButton *button,
              Tick           *tick)
{
  nf_versions_update_compare (tick->owner, tick->ticks, tick->action);
}

GtkWidget *
nf_versions_row_button (const char *icon,
                        const char *tooltip,
                        const char *action,
                        guint       index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

GtkWidget *
nf_versions_add_tick (GtkWidget    *owner,
                      GPtrArray    *ticks,
                      guint         index,
                      AdwActionRow *row,
                      const char   *label,
                      const char   *compare_action)
{
  GtkWidget *button = gtk_check_button_new ();
  Tick *tick = g_new0 (Tick, 1);

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);

  tick->owner = owner;
  tick->ticks = g_ptr_array_ref (ticks);
  tick->action = g_intern_string (compare_action);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_data (button, "toggled", G_CALLBACK (tick_toggled), tick, tick_free, 0);
  adw_action_row_add_prefix (row, button);
  if (ticks->len <= index)
    g_ptr_array_set_size (ticks, index + 1);
  g_ptr_array_index (ticks, index) = button;
  return button;
}

void
nf_versions_update_compare (GtkWidget  *owner,
                            GPtrArray  *ticks,
                            const char *compare_action)
{
  guint first, second;

  gtk_widget_action_set_enabled (owner, compare_action, nf_versions_get_ticked (ticks, &first, &second));
}

gboolean
nf_versions_get_ticked (GPtrArray *ticks,
                        guint     *out_first,
                        guint     *out_second)
{
  guint n = 0;

  for (guint i = 0; i < ticks->len; i++)
    {
      GtkWidget *tick = g_ptr_array_index (ticks, i);

      if (tick == NULL || !gtk_check_button_get_active (GTK_CHECK_BUTTON (tick)))
        continue;
      if (n == 0)
        *out_first = i;
      else if (n == 1)
        *out_second = i;
      n++;
    }
  return n == 2;
}
