/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-checks-panel"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-checks-panel.h"
#include "nf-gui-resources-private.h"

struct _NfChecksPanel
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkLabel   *summary;
  GtkListBox *list;

  NfCanvas   *canvas;
  GStrv       source_dirs;
  guint       n_rows;
};

G_DEFINE_FINAL_TYPE (NfChecksPanel, nf_checks_panel, GTK_TYPE_WIDGET)

enum {
  SHOW_SUBJECT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_activated (NfChecksPanel *self,
               GtkListBoxRow *row)
{
  const char *subject = g_object_get_data (G_OBJECT (row), "nf-subject");

  if (subject != NULL)
    g_signal_emit (self, signals[SHOW_SUBJECT], 0, subject);
}

/* A row: the subject and what was found, both the file's words, so
 * escaped (an action row's title and subtitle are markup). */
static GtkWidget *
finding_row (NfCanvas             *canvas,
             const NfCheckFinding *finding)
{
  GtkWidget *row = adw_action_row_new ();
  NfSource *source = finding->kind == NF_CHECK_SOURCE_MISSING
                     ? nf_canvas_find_source (canvas, finding->subject) : NULL;
  /* A source by its title (else its file), which the user knows it by,
   * not by its id. */
  const char *name = source == NULL ? finding->subject
                     : nf_source_get_title (source) != NULL && *nf_source_get_title (source)
                     ? nf_source_get_title (source) : nf_source_get_address (source);
  g_autofree char *title = g_markup_escape_text (name, -1);
  g_autofree char *message = g_markup_escape_text (finding->message, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (finding->marked)
    {
      GtkWidget *mark = gtk_label_new (_("Marked"));

      gtk_widget_add_css_class (mark, "dim-label");
      gtk_widget_set_tooltip_text (mark, _("The canvas marks this conflict as such"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
    }
  else
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "nf-subject", g_strdup (finding->subject), g_free);
  {
    g_autofree char *description = g_strdup_printf ("%s: %s", name, finding->message);

    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  }
  return row;
}

static void
refill (NfChecksPanel *self)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  GtkWidget *child;
  guint open = 0, marked = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_rows = 0;
  if (self->canvas == NULL)
    return;
  findings = nf_check_canvas (self->canvas, (const char * const *) self->source_dirs, &infos);
  /* Open findings first: the marked ones are there to be seen, not done. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < findings->len; i++)
      {
        NfCheckFinding *finding = findings->pdata[i];

        if (finding->marked != (pass == 1))
          continue;
        gtk_list_box_append (self->list, finding_row (self->canvas, finding));
        self->n_rows++;
        if (finding->marked)
          marked++;
        else
          open++;
      }
  {
    g_autofree char *found = open == 0
      ? g_strdup (_("Nothing to look at."))
      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding to look at.",
                                      "%u findings to look at.", open), open);
    g_autofree char *text = marked == 0
      ? g_strdup (found)
      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u conflict is marked as such.",
                                      "%s %u conflicts are marked as such.", marked),
                         found, marked);

    if (infos->len > 0)
      {
        g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%s Citations of %u source were not checked: its file was not found.",
                                                              "%s Citations of %u sources were not checked: their files were not found.",
                                                              infos->len),
                                                 text, infos->len);
        gtk_label_set_text (self->summary, more);
      }
    else
      gtk_label_set_text (self->summary, text);
  }
}

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  refill (NF_CHECKS_PANEL (widget));
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_widget_set_visible (widget, FALSE);
}

static void
nf_checks_panel_dispose (GObject *object)
{
  NfChecksPanel *self = NF_CHECKS_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NF_TYPE_CHECKS_PANEL);
  g_clear_object (&self->canvas);
  G_OBJECT_CLASS (nf_checks_panel_parent_class)->dispose (object);
}

static void
nf_checks_panel_finalize (GObject *object)
{
  NfChecksPanel *self = NF_CHECKS_PANEL (object);

  g_strfreev (self->source_dirs);
  G_OBJECT_CLASS (nf_checks_panel_parent_class)->finalize (object);
}

static void
nf_checks_panel_class_init (NfChecksPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_checks_panel_dispose;
  object_class->finalize = nf_checks_panel_finalize;

  signals[SHOW_SUBJECT] =
    g_signal_new ("show-subject", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  _nf_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-checks-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, NfChecksPanel, box);
  gtk_widget_class_bind_template_child (widget_class, NfChecksPanel, summary);
  gtk_widget_class_bind_template_child (widget_class, NfChecksPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_install_action (widget_class, "checks.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "checks.close", NULL, close_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nf_checks_panel_init (NfChecksPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nf_checks_panel_new (void)
{
  return g_object_new (NF_TYPE_CHECKS_PANEL, NULL);
}

void
nf_checks_panel_run (NfChecksPanel      *self,
                     NfCanvas           *canvas,
                     const char * const *source_dirs)
{
  g_return_if_fail (NF_IS_CHECKS_PANEL (self));
  g_return_if_fail (NF_IS_CANVAS (canvas));

  g_set_object (&self->canvas, canvas);
  g_strfreev (self->source_dirs);
  self->source_dirs = g_strdupv ((char **) source_dirs);
  refill (self);
}

guint
nf_checks_panel_get_n_rows (NfChecksPanel *self)
{
  g_return_val_if_fail (NF_IS_CHECKS_PANEL (self), 0);
  return self->n_rows;
}
