/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-canvas-details.h"
#include "nf-compare-picker.h"
#include "nf-compare-view.h"
#include "nf-editor-page.h"
#include "nf-export-dialog.h"
#include "nf-history-dialog.h"
#include "nf-print.h"
#include "nf-snapshots-dialog.h"
#include "nf-window-private.h"

/* The window's commands that open another view of its canvases: the
 * comparison (a tab), and the details, snapshots, export and print
 * dialogs. */

#define COMPARED_KEY "nf-compared-canvases"

static GPtrArray *
compared_canvases (GtkWidget *page)
{
  return page != NULL ? g_object_get_data (G_OBJECT (page), COMPARED_KEY) : NULL;
}

static GtkWidget *
selected_child (NfWindow *self)
{
  AdwTabPage *page = adw_tab_view_get_selected_page (self->tab_view);

  return page != NULL ? adw_tab_page_get_child (page) : NULL;
}

/* The tab's title: the columns' names, after the company when every
 * column is a version of one ("Bitauto: FY2015 baseline | Current"). */
static char *
compare_title (NfCompareView *view,
               GPtrArray     *canvases)
{
  NfCompareLayout *layout = nf_compare_view_get_layout (view);
  GString *title = g_string_new (NULL);
  const char *company = nf_canvas_get_company (g_ptr_array_index (canvases, 0));
  gboolean versions = company != NULL && *company != '\0';
  gboolean snapshots = FALSE;

  for (guint i = 1; versions && i < canvases->len; i++)
    versions = g_strcmp0 (company, nf_canvas_get_company (g_ptr_array_index (canvases, i))) == 0;
  for (guint i = 0; i < canvases->len; i++)
    snapshots |= nf_canvas_get_snapshot_name (g_ptr_array_index (canvases, i)) != NULL;
  if (versions && snapshots)
    g_string_append_printf (title, "%s: ", company);
  for (guint i = 0; i < canvases->len; i++)
    g_string_append_printf (title, "%s%s", i > 0 ? " | " : "", nf_compare_layout_get_canvas_name (layout, i));
  return g_string_free (title, FALSE);
}

/* Opens a tab comparing 2 to 4 canvases; returns the view. */
GtkWidget *
nf_window_compare (NfWindow  *self,
                   NfCanvas **canvases,
                   guint      n_canvases)
{
  GPtrArray *kept;
  GtkWidget *view;
  AdwTabPage *page;
  g_autofree char *title = NULL;
  g_autoptr(GIcon) icon = NULL;

  g_return_val_if_fail (NF_IS_WINDOW (self), NULL);
  g_return_val_if_fail (n_canvases >= 2 && n_canvases <= NF_DIFF_MAX_CANVASES, NULL);

  kept = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_canvases; i++)
    g_ptr_array_add (kept, g_object_ref (canvases[i]));

  view = nf_compare_view_new (canvases, n_canvases);
  g_object_set_data_full (G_OBJECT (view), COMPARED_KEY, kept, (GDestroyNotify) g_ptr_array_unref);
  page = adw_tab_view_append (self->tab_view, view);
  title = compare_title (NF_COMPARE_VIEW (view), kept);
  adw_tab_page_set_title (page, title);
  {
    /* A tab's tooltip is Pango markup; company names are text. */
    g_autofree char *tooltip = g_markup_escape_text (title, -1);

    adw_tab_page_set_tooltip (page, tooltip);
  }
  icon = g_themed_icon_new ("view-dual-symbolic");
  adw_tab_page_set_icon (page, icon);
  adw_tab_view_set_selected_page (self->tab_view, page);
  gtk_widget_grab_focus (view);
  return view;
}

static void
picked (NfWindow  *self,
        GPtrArray *canvases)
{
  nf_window_compare (self, (NfCanvas **) canvases->pdata, canvases->len);
}

/* What to compare is chosen, not taken: the open canvases (the one in
 * view and the next ones ticked), their snapshots, the cases, recent
 * files. */
static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NfWindow *self = NF_WINDOW (widget);
  NfDocument *current = _nf_window_get_document (self);
  GtkWidget *picker;

  picker = nf_compare_picker_new (GTK_WINDOW (self), G_LIST_MODEL (self->canvases),
                                  G_LIST_MODEL (self->documents),
                                  current != NULL ? nf_document_get_canvas (current) : NULL);
  g_signal_connect_object (picker, "compare", G_CALLBACK (picked), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
}

/* A dialog's two versions (snapshots, commits) side by side. */
static void
pair_compare_requested (NfWindow *self,
                        NfCanvas *a,
                        NfCanvas *b)
{
  NfCanvas *pair[2] = { a, b };

  nf_window_compare (self, pair, 2);
}

static void
snapshots_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NfWindow *self = NF_WINDOW (widget);
  NfDocument *document = _nf_window_get_document (self);
  GtkWidget *dialog;

  if (document == NULL)
    return;
  dialog = nf_snapshots_dialog_new (GTK_WINDOW (self), nf_document_get_canvas (document));
  g_signal_connect_object (dialog, "compare-requested", G_CALLBACK (pair_compare_requested),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A commit's version in a tab of its own, read only: a detached canvas
 * that nothing edits or saves, with a way to restore it into the canvas
 * or compare the two. */
static void
history_open_requested (NfWindow *self,
                        NfCanvas *version,
                        NfCanvas *canvas)
{
  g_autoptr(NfDocument) document = nf_document_new (version, NULL, NULL);
  GtkWidget *page;

  _nf_window_add_document (self, document, TRUE);
  page = adw_tab_page_get_child (adw_tab_view_get_selected_page (self->tab_view));
  if (NF_IS_EDITOR_PAGE (page))
    nf_editor_page_set_version_of (NF_EDITOR_PAGE (page), canvas);
  _nf_window_update_actions (self);
}

/* The versions git keeps of the canvas's file. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NfWindow *self = NF_WINDOW (widget);
  NfDocument *document = _nf_window_get_document (self);
  GtkWidget *dialog;

  if (document == NULL)
    return;
  if (nf_document_get_file (document) == NULL)
    {
      _nf_window_toast (self, _("Save the canvas in a git repository to see its history"));
      return;
    }
  dialog = nf_history_dialog_new (GTK_WINDOW (self), nf_document_get_canvas (document),
                                  nf_document_get_file (document));
  g_signal_connect_object (dialog, "compare-requested", G_CALLBACK (pair_compare_requested),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "open-requested", G_CALLBACK (history_open_requested),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A write-up beside the canvas in view (see NfSourceReader). */
static void
open_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NfWindow *self = NF_WINDOW (widget);
  GtkWidget *view = nf_window_get_canvas_view (self);
  GtkWidget *page = view != NULL ? gtk_widget_get_ancestor (view, NF_TYPE_EDITOR_PAGE) : NULL;

  if (page != NULL)
    gtk_widget_activate_action (page, "page.open-source", NULL);
}

/* The findings of a check of the canvas in view, beside it. */
static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  NfWindow *self = NF_WINDOW (widget);
  GtkWidget *view = nf_window_get_canvas_view (self);
  GtkWidget *page = view != NULL ? gtk_widget_get_ancestor (view, NF_TYPE_EDITOR_PAGE) : NULL;

  if (page != NULL)
    gtk_widget_activate_action (page, "page.check", NULL);
}

static void
details_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NfWindow *self = NF_WINDOW (widget);
  NfDocument *document = _nf_window_get_document (self);

  if (document != NULL)
    gtk_window_present (GTK_WINDOW (nf_canvas_details_new (GTK_WINDOW (self),
                                                           nf_document_get_canvas (document))));
}

/* What an export or a print is of: the comparison in view, else the
 * canvas in view followed by the others, else all open canvases. */
static GPtrArray *
canvases_in_view (NfWindow *self,
                  gboolean *out_compare)
{
  GPtrArray *compared = compared_canvases (selected_child (self));
  NfDocument *current = _nf_window_get_document (self);
  GPtrArray *canvases = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->canvases));

  *out_compare = compared != NULL;
  if (compared != NULL)
    {
      for (guint i = 0; i < compared->len; i++)
        g_ptr_array_add (canvases, g_object_ref (g_ptr_array_index (compared, i)));
      return canvases;
    }
  if (current != NULL)
    g_ptr_array_add (canvases, g_object_ref (nf_document_get_canvas (current)));
  for (guint i = 0; i < n; i++)
    {
      NfCanvas *canvas = g_list_model_get_item (G_LIST_MODEL (self->canvases), i);

      if (current != NULL && canvas == nf_document_get_canvas (current))
        g_object_unref (canvas);
      else
        g_ptr_array_add (canvases, canvas);
    }
  return canvases;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NfWindow *self = NF_WINDOW (widget);
  gboolean compare = FALSE;
  g_autoptr(GPtrArray) canvases = canvases_in_view (self, &compare);
  GtkWidget *dialog;

  if (canvases->len == 0)
    return;
  dialog = nf_export_dialog_new (GTK_WINDOW (self), (NfCanvas **) canvases->pdata, canvases->len,
                                 compare);
  /* From the list, the natural thing to export is all of them. */
  if (!compare && _nf_window_get_document (self) == NULL)
    nf_export_dialog_set_what (NF_EXPORT_DIALOG (dialog), NF_EXPORT_WHAT_ALL);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (_nf_window_toast_exported), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  NfWindow *self = NF_WINDOW (widget);
  gboolean compare = FALSE;
  g_autoptr(GPtrArray) canvases = canvases_in_view (self, &compare);
  guint n = canvases->len;

  /* The editor prints its canvas; the list prints them all. */
  if (!compare && _nf_window_get_document (self) != NULL)
    n = 1;
  if (n > 0)
    nf_print_canvases (GTK_WINDOW (self), (NfCanvas **) canvases->pdata, n, compare);
}

void
_nf_window_update_view_actions (NfWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  NfDocument *document = _nf_window_get_document (self);
  gboolean compare_in_view = compared_canvases (selected_child (self)) != NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->canvases));
  GtkWidget *child = selected_child (self);
  /* A version from git shown read only has nothing to edit or take. */
  gboolean writable = document != NULL &&
                      !(NF_IS_EDITOR_PAGE (child) && nf_editor_page_get_read_only (NF_EDITOR_PAGE (child)));

  /* Even with nothing open there are the cases to compare. */
  gtk_widget_action_set_enabled (widget, "win.compare", TRUE);
  gtk_widget_action_set_enabled (widget, "win.snapshots", writable);
  gtk_widget_action_set_enabled (widget, "win.history", writable);
  gtk_widget_action_set_enabled (widget, "win.details", writable);
  gtk_widget_action_set_enabled (widget, "win.open-source", document != NULL);
  gtk_widget_action_set_enabled (widget, "win.check", document != NULL);
  gtk_widget_action_set_enabled (widget, "win.export", n > 0 || compare_in_view);
  gtk_widget_action_set_enabled (widget, "win.print", n > 0 || compare_in_view);
}

void
_nf_window_class_init_view_actions (NfWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.snapshots", NULL, snapshots_action);
  gtk_widget_class_install_action (widget_class, "win.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.details", NULL, details_action);
  gtk_widget_class_install_action (widget_class, "win.open-source", NULL, open_source_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-source", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-source", NULL);
  gtk_widget_class_install_action (widget_class, "win.check", NULL, check_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.check", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_K, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.check", NULL);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  /* Not Ctrl+Shift+D: GTK takes that (and Ctrl+Shift+I) for its
   * inspector, which Debian's GTK enables by default. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.compare", NULL);
}
