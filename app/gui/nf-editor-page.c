/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-editor-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-canvas-view.h"
#include "nf-conflict-bar.h"
#include "nf-editor-page-private.h"
#include "nf-gui-resources-private.h"
#include "nf-table-editor.h"

G_DEFINE_FINAL_TYPE (NfEditorPage, nf_editor_page, GTK_TYPE_WIDGET)

static void canvas_edited (NfEditorPage *self);

static void
view_changed (NfEditorPage *self)
{
  if (self->zoom != NULL)
    gtk_widget_set_visible (self->zoom,
                            adw_view_stack_get_visible_child (self->views) == self->canvas_view);
  if (adw_view_stack_get_visible_child (self->views) == self->tables)
    {
      GFile *file = nf_document_get_file (self->document);
      g_autoptr(GFile) parent = file != NULL ? g_file_get_parent (file) : NULL;
      g_autofree char *dir = parent != NULL ? g_file_get_path (parent) : NULL;
      const char *dirs[] = { dir, NULL };

      if (adw_bin_get_child (ADW_BIN (self->tables)) == NULL)
        {
          GtkWidget *editor = nf_table_editor_new (nf_document_get_canvas (self->document));

          /* A version from git: its tables are read, never edited. */
          nf_table_editor_set_read_only (NF_TABLE_EDITOR (editor), self->version_of != NULL);
          /* In the language the canvas shows the notes in. */
          nf_table_editor_set_language (NF_TABLE_EDITOR (editor),
                                        nf_canvas_view_get_language (NF_CANVAS_VIEW (self->canvas_view)));
          adw_bin_set_child (ADW_BIN (self->tables), editor);
        }
      /* Again each time: the canvas may have been saved elsewhere. */
      nf_table_editor_set_source_dirs (NF_TABLE_EDITOR (adw_bin_get_child (ADW_BIN (self->tables))), dirs);
    }
}

/* The metric tables' editor, built on first use. */
GtkWidget *
nf_editor_page_get_table_editor (NfEditorPage *self)
{
  g_return_val_if_fail (NF_IS_EDITOR_PAGE (self), NULL);

  _nf_editor_page_ensure (self);
  adw_view_stack_set_visible_child (self->views, self->tables);
  return adw_bin_get_child (ADW_BIN (self->tables));
}

static void
busy_changed (NfEditorPage *self)
{
  if (self->built)
    gtk_widget_set_sensitive (GTK_WIDGET (self->views), !nf_document_get_busy (self->document));
}

/* The switcher makes its buttons when it gets the stack: only for a page
 * that is shown, as most tabs are not until the user picks them. */
static void
nf_editor_page_map (GtkWidget *widget)
{
  NfEditorPage *self = NF_EDITOR_PAGE (widget);

  _nf_editor_page_ensure (self);
  if (adw_view_switcher_get_stack (self->switcher) == NULL)
    adw_view_switcher_set_stack (self->switcher, self->views);
  GTK_WIDGET_CLASS (nf_editor_page_parent_class)->map (widget);
}

static void
nf_editor_page_dispose (GObject *object)
{
  NfEditorPage *self = NF_EDITOR_PAGE (object);

  _nf_editor_page_dispose_source (self);
  g_clear_object (&self->version_of);
  if (self->offered != NULL)
    canvas_edited (self);
  if (self->built)
    gtk_widget_dispose_template (GTK_WIDGET (self), NF_TYPE_EDITOR_PAGE);
  g_clear_object (&self->document);
  g_clear_pointer (&self->language, g_free);
  G_OBJECT_CLASS (nf_editor_page_parent_class)->dispose (object);
}

/* F8 and Shift+F8 walk a merge's conflicts wherever the focus is in the
 * window, for the page in view. */
static gboolean
conflict_key (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  NfEditorPage *self = NF_EDITOR_PAGE (widget);

  if (!gtk_widget_get_mapped (widget) || self->conflict_bar == NULL ||
      !gtk_widget_get_visible (self->conflict_bar))
    return FALSE;
  nf_conflict_bar_go (NF_CONFLICT_BAR (self->conflict_bar), g_variant_get_int32 (args));
  return TRUE;
}

/* The conflict bar's current conflict, in the view that shows it. */
static void
show_conflict_canvas (NfEditorPage *self)
{
  adw_view_stack_set_visible_child (self->views, self->canvas_view);
}

static void
show_conflict_table (NfEditorPage  *self,
                     NfMetricTable *table,
                     guint          row,
                     guint          column)
{
  GtkWidget *editor = nf_editor_page_get_table_editor (self);

  /* The editor keeps the cell asked for until it is bound and shown. */
  if (editor != NULL)
    nf_table_editor_show_cell (NF_TABLE_EDITOR (editor), table, row, column);
}

static void
add_conflict_keys (NfEditorPage *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();
  const int steps[2] = { 1, -1 };

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (keys), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < 2; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new_with_arguments (
                                            gtk_keyval_trigger_new (GDK_KEY_F8, i == 0 ? 0 : GDK_SHIFT_MASK),
                                            gtk_callback_action_new (conflict_key, NULL, NULL),
                                            "i", steps[i]));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

static void
nf_editor_page_class_init (NfEditorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_editor_page_dispose;
  widget_class->map = nf_editor_page_map;

  _nf_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-editor-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NfEditorPage, box);
  gtk_widget_class_bind_template_child (widget_class, NfEditorPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, NfEditorPage, switcher);
  gtk_widget_class_bind_template_child (widget_class, NfEditorPage, views);
  gtk_widget_class_bind_template_child (widget_class, NfEditorPage, paned);
  gtk_widget_class_bind_template_child (widget_class, NfEditorPage, side);
  _nf_editor_page_class_init_source (widget_class);
  _nf_editor_page_class_init_checks (widget_class);
  _nf_editor_page_class_init_version (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
nf_editor_page_init (NfEditorPage *self)
{
}

void
nf_editor_page_add_view (NfEditorPage *self,
                         GtkWidget    *child,
                         const char   *name,
                         const char   *title,
                         const char   *icon_name)
{
  g_autoptr(GtkSelectionModel) pages = NULL;

  g_return_if_fail (NF_IS_EDITOR_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  _nf_editor_page_ensure (self);
  adw_view_stack_add_titled (self->views, child, name, title);
  adw_view_stack_page_set_icon_name (adw_view_stack_get_page (self->views, child), icon_name);
  /* A switcher with one button says nothing. */
  pages = adw_view_stack_get_pages (self->views);
  gtk_widget_set_visible (self->toolbar, g_list_model_get_n_items (G_LIST_MODEL (pages)) > 1);
}

/* Until it is built, an edit of the canvas would make a layout offered
 * beforehand wrong. */
static void
canvas_edited (NfEditorPage *self)
{
  g_clear_object (&self->offered);
  g_signal_handlers_disconnect_by_func (nf_document_get_canvas (self->document), canvas_edited, self);
}

/* The bar is made when the canvas first has conflicts (most never do:
 * made for every canvas, its buttons' tooltips alone cost six X round
 * trips of start-up); once made, it hides itself when they are gone. */
static gboolean
add_conflict_bar (NfEditorPage *self)
{
  if (self->conflict_bar != NULL ||
      nf_canvas_get_n_conflicts (nf_document_get_canvas (self->document)) == 0)
    return FALSE;
  self->conflict_bar = nf_conflict_bar_new (NF_CANVAS_VIEW (self->canvas_view));
  gtk_box_insert_child_after (GTK_BOX (self->box), self->conflict_bar, self->toolbar);
  g_signal_connect_object (self->conflict_bar, "show-canvas", G_CALLBACK (show_conflict_canvas), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->conflict_bar, "show-table", G_CALLBACK (show_conflict_table), self,
                           G_CONNECT_SWAPPED);
  return TRUE;
}

static void
canvas_changed (NfEditorPage *self)
{
  add_conflict_bar (self);
}

void
_nf_editor_page_ensure (NfEditorPage *self)
{
  if (self->built)
    return;
  self->built = TRUE;
  g_signal_handlers_disconnect_by_func (nf_document_get_canvas (self->document), canvas_edited, self);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->canvas_view = nf_canvas_view_new (nf_document_get_canvas (self->document));
  if (self->language != NULL)
    nf_canvas_view_set_language (NF_CANVAS_VIEW (self->canvas_view), self->language);
  if (self->offered != NULL)
    _nf_canvas_view_adopt_layout (NF_CANVAS_VIEW (self->canvas_view), self->offered);
  g_clear_object (&self->offered);
  nf_editor_page_add_view (self, self->canvas_view, "canvas", _("Canvas"), "view-grid-symbolic");
  /* The canvas's zoom control at the toolbar's end, off the cards. */
  self->zoom = nf_canvas_view_take_zoom_control (NF_CANVAS_VIEW (self->canvas_view));
  gtk_widget_set_margin_end (self->zoom, 6);
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (self->toolbar), self->zoom);
  g_object_unref (self->zoom);
  /* Built when first shown: most documents are never looked at as tables,
   * and Senmiao's nineteen would cost start-up time for nothing. */
  self->tables = adw_bin_new ();
  nf_editor_page_add_view (self, self->tables, "tables", _("Metric Tables"),
                           "x-office-spreadsheet-symbolic");
  g_signal_connect_object (self->views, "notify::visible-child", G_CALLBACK (view_changed), self,
                           G_CONNECT_SWAPPED);
  busy_changed (self);
  /* A merged file opens at its first conflict. */
  if (add_conflict_bar (self))
    nf_conflict_bar_go (NF_CONFLICT_BAR (self->conflict_bar), 0);
  g_signal_connect_object (nf_document_get_canvas (self->document), "changed",
                           G_CALLBACK (canvas_changed), self, G_CONNECT_SWAPPED);
  _nf_editor_page_init_source (self);
}

GtkWidget *
nf_editor_page_new (NfDocument *document)
{
  NfEditorPage *self;

  g_return_val_if_fail (NF_IS_DOCUMENT (document), NULL);

  self = g_object_new (NF_TYPE_EDITOR_PAGE, NULL);
  self->document = g_object_ref (document);
  g_signal_connect_object (document, "notify::busy", G_CALLBACK (busy_changed), self,
                           G_CONNECT_SWAPPED);
  add_conflict_keys (self);
  return GTK_WIDGET (self);
}

gboolean
nf_editor_page_get_built (NfEditorPage *self)
{
  g_return_val_if_fail (NF_IS_EDITOR_PAGE (self), FALSE);
  return self->built;
}

void
nf_editor_page_set_language (NfEditorPage *self,
                             const char   *language)
{
  g_return_if_fail (NF_IS_EDITOR_PAGE (self));

  if (self->built)
    {
      GtkWidget *tables = adw_bin_get_child (ADW_BIN (self->tables));

      nf_canvas_view_set_language (NF_CANVAS_VIEW (self->canvas_view), language);
      if (tables != NULL)
        nf_table_editor_set_language (NF_TABLE_EDITOR (tables), language);
      return;
    }
  g_free (self->language);
  self->language = g_strdup (language);
}

void
_nf_editor_page_offer_layout (NfEditorPage *self,
                              NfGridLayout *layout)
{
  NfCanvas *canvas;

  g_return_if_fail (NF_IS_EDITOR_PAGE (self));
  g_return_if_fail (NF_IS_GRID_LAYOUT (layout));

  if (self->built)
    {
      _nf_canvas_view_adopt_layout (NF_CANVAS_VIEW (self->canvas_view), layout);
      return;
    }
  canvas = nf_document_get_canvas (self->document);
  if (self->offered == NULL)
    {
      g_signal_connect_swapped (canvas, "changed", G_CALLBACK (canvas_edited), self);
      g_signal_connect_swapped (canvas, "note-changed", G_CALLBACK (canvas_edited), self);
    }
  g_set_object (&self->offered, layout);
}

NfDocument *
nf_editor_page_get_document (NfEditorPage *self)
{
  g_return_val_if_fail (NF_IS_EDITOR_PAGE (self), NULL);
  return self->document;
}

GtkWidget *
nf_editor_page_get_conflict_bar (NfEditorPage *self)
{
  g_return_val_if_fail (NF_IS_EDITOR_PAGE (self), NULL);
  _nf_editor_page_ensure (self);
  return self->conflict_bar;
}

GtkWidget *
nf_editor_page_get_canvas_view (NfEditorPage *self)
{
  g_return_val_if_fail (NF_IS_EDITOR_PAGE (self), NULL);
  _nf_editor_page_ensure (self);
  return self->canvas_view;
}
