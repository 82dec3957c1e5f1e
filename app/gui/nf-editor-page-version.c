/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-editor-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-canvas-view.h"
#include "nf-editor-page-private.h"
#include "nf-table-editor.h"
#include "nf-version-bar.h"
#include "nf-window.h"

/* A commit's version in a tab: read only, since it is what git holds, and
 * a way back to the canvas it is a version of. */

void
nf_editor_page_set_version_of (NfEditorPage *self,
                               NfCanvas     *canvas)
{
  NfCanvas *version;
  const char *name;
  g_autofree char *title = NULL;

  g_return_if_fail (NF_IS_EDITOR_PAGE (self));
  g_return_if_fail (NF_IS_CANVAS (canvas));
  g_return_if_fail (self->version_of == NULL);

  _nf_editor_page_ensure (self);
  self->version_of = g_object_ref (canvas);
  version = nf_document_get_canvas (self->document);
  name = nf_canvas_get_snapshot_name (version);
  /* Translators: %s names a commit: its short id and when it was made. */
  title = g_strdup_printf (_("Version of %s — read only"),
                           name != NULL ? name : nf_canvas_get_label (version));
  self->version_bar = nf_version_bar_new (title);
  gtk_box_insert_child_after (GTK_BOX (self->box), self->version_bar, self->toolbar);
  nf_canvas_view_set_read_only (NF_CANVAS_VIEW (self->canvas_view), TRUE);
  /* The tables show as they are, and take no edit. */
  if (adw_bin_get_child (ADW_BIN (self->tables)) != NULL)
    nf_table_editor_set_read_only (NF_TABLE_EDITOR (adw_bin_get_child (ADW_BIN (self->tables))), TRUE);
}

gboolean
nf_editor_page_get_read_only (NfEditorPage *self)
{
  g_return_val_if_fail (NF_IS_EDITOR_PAGE (self), FALSE);
  return self->version_of != NULL;
}

static void
restore_version_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  NfEditorPage *self = NF_EDITOR_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->version_of == NULL)
    return;
  nf_canvas_restore_version (self->version_of, nf_document_get_canvas (self->document));
  /* Where it went, so Ctrl+Z is at hand. */
  if (NF_IS_WINDOW (root))
    nf_window_show_canvas (NF_WINDOW (root), self->version_of);
}

static void
compare_version_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  NfEditorPage *self = NF_EDITOR_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  NfCanvas *pair[2];

  if (self->version_of == NULL || !NF_IS_WINDOW (root))
    return;
  pair[0] = nf_document_get_canvas (self->document);
  pair[1] = self->version_of;
  nf_window_compare (NF_WINDOW (root), pair, 2);
}

void
_nf_editor_page_class_init_version (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.restore-version", NULL, restore_version_activated);
  gtk_widget_class_install_action (widget_class, "page.compare-version", NULL, compare_version_activated);
}
