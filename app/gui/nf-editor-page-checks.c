/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The checks beside a canvas: what `ninefold check` finds in it, each
 * finding one click from the note or table it is about. */
#define G_LOG_DOMAIN "nf-editor-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-canvas-view.h"
#include "nf-checks-panel.h"
#include "nf-editor-page-private.h"
#include "nf-table-editor.h"

void
_nf_editor_page_update_side (NfEditorPage *self)
{
  gboolean shown = (self->reader != NULL && gtk_widget_get_visible (self->reader)) ||
                   (self->checks != NULL && gtk_widget_get_visible (self->checks));
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (shown == gtk_widget_get_visible (self->side))
    return;
  gtk_widget_set_visible (self->side, shown);
  /* A source's text wants two fifths of the page to read; findings, short
   * lines that wrap, want less: the canvas beside them is what they point
   * at. */
  if (shown && width > 0)
    {
      gboolean reading = self->reader != NULL && gtk_widget_get_visible (self->reader);

      gtk_paned_set_position (self->paned,
                              width - MAX (320, reading ? width * 2 / 5 : width * 3 / 10));
    }
}

/* A finding's note, brought into view with the focus on its card; a
 * table's, in the tables' editor with the focus on its row (the first
 * for a finding about the whole table); a source's, in the reader, or
 * where its file was looked for. */
static void
show_subject (NfEditorPage *self,
              const char   *subject)
{
  NfCanvas *canvas = nf_document_get_canvas (self->document);
  guint row = 0;
  g_autofree char *id = nf_check_subject_id (subject, &row);
  NfNote *note = nf_canvas_find_note (canvas, id, NULL, NULL);
  NfMetricTable *table;
  NfSource *source;

  if (note != NULL)
    {
      adw_view_stack_set_visible_child_name (self->views, "canvas");
      nf_canvas_view_reveal_note (NF_CANVAS_VIEW (self->canvas_view), note);
    }
  else if ((table = nf_canvas_find_table (canvas, id, NULL)) != NULL)
    {
      GtkWidget *editor = nf_editor_page_get_table_editor (self);

      if (editor != NULL)
        nf_table_editor_show_row (NF_TABLE_EDITOR (editor), table, row > 0 ? row - 1 : 0);
    }
  else if ((source = nf_canvas_find_source (canvas, id)) != NULL)
    _nf_editor_page_show_source (self, source);
}

static void
check_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  NfEditorPage *self = NF_EDITOR_PAGE (widget);
  GFile *file = nf_document_get_file (self->document);
  g_autoptr(GFile) parent = file != NULL ? g_file_get_parent (file) : NULL;
  g_autofree char *dir = parent != NULL ? g_file_get_path (parent) : NULL;
  const char *dirs[] = { dir, NULL };

  _nf_editor_page_ensure (self);
  if (self->checks == NULL)
    {
      self->checks = nf_checks_panel_new ();
      gtk_widget_set_size_request (self->checks, 280, -1);
      gtk_widget_set_vexpand (self->checks, TRUE);
      g_signal_connect_object (self->checks, "show-subject", G_CALLBACK (show_subject), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->checks, "notify::visible",
                               G_CALLBACK (_nf_editor_page_update_side), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (self->side), self->checks);
    }
  nf_checks_panel_run (NF_CHECKS_PANEL (self->checks), nf_document_get_canvas (self->document),
                       dir != NULL ? dirs : NULL);
  gtk_widget_set_visible (self->checks, TRUE);
  _nf_editor_page_update_side (self);
}

void
_nf_editor_page_class_init_checks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.check", NULL, check_activated);
}
