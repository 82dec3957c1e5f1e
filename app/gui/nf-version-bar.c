/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-version-bar"

#include "config.h"

#include "nf-gui-resources-private.h"
#include "nf-version-bar.h"

struct _NfVersionBar
{
  GtkWidget  parent_instance;
  GtkLabel  *title_label;
  GtkLabel  *reason_label;
};

G_DEFINE_FINAL_TYPE (NfVersionBar, nf_version_bar, GTK_TYPE_WIDGET)

static void
nf_version_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), NF_TYPE_VERSION_BAR);
  /* The template's box is not a bound child: it goes by hand. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
      gtk_widget_unparent (child);
  }
  G_OBJECT_CLASS (nf_version_bar_parent_class)->dispose (object);
}

static void
nf_version_bar_class_init (NfVersionBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_version_bar_dispose;

  _nf_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-version-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, NfVersionBar, title_label);
  gtk_widget_class_bind_template_child (widget_class, NfVersionBar, reason_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nf-version-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nf_version_bar_init (NfVersionBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nf_version_bar_new (const char *title)
{
  NfVersionBar *self = g_object_new (NF_TYPE_VERSION_BAR, NULL);

  /* The commit's name is the file's data: set as text, never markup. */
  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (self->reason_label), -1);
  return GTK_WIDGET (self);
}
