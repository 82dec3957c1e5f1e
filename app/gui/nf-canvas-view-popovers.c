/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-view"

#include "config.h"

#include <glib/gi18n.h>

#include "nf-canvas-view-private.h"
#include "nf-note.h"
#include "nf-text.h"

/* The grid's popovers: a note's context menu (edit, tags, colour,
 * delete), the tags entry, and the list of every note of a block. */

/* The colours the context menu offers: GNOME's palette, light enough
 * that nf_grid_style_card_fill() keeps text readable in both styles. */
static const struct {
  const char *colour;
  const char *name;
} palette[] = {
  { "#f9f06b", N_("Yellow") },
  { "#ffbe6f", N_("Orange") },
  { "#f66151", N_("Red") },
  { "#dc8add", N_("Purple") },
  { "#99c1f1", N_("Blue") },
  { "#8ff0a4", N_("Green") },
  { "#cdab8f", N_("Brown") },
};

const char *
_nf_canvas_view_colour_name (const char *colour)
{
  for (guint i = 0; colour != NULL && i < G_N_ELEMENTS (palette); i++)
    if (g_ascii_strcasecmp (colour, palette[i].colour) == 0)
      return _(palette[i].name);
  return NULL;
}

/* --- Tags: an entry in a popover --- */

static void
on_tags_activate (NfCanvasView *self,
                  GtkEntry     *entry)
{
  g_autoptr(GPtrArray) targets = _nf_canvas_view_targets (self);
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (entry)), ",", -1);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (nf_text_clean (parts[i], -1));

      if (*tag != '\0')
        g_ptr_array_add (tags, tag);
      else
        g_free (tag);
    }
  g_ptr_array_add (tags, NULL);
  if (targets->len > 1)
    nf_canvas_begin_group (self->canvas, _("Change Tags"));
  for (guint i = 0; i < targets->len; i++)
    nf_canvas_set_note_tags (self->canvas, g_ptr_array_index (targets, i),
                             (const char * const *) tags->pdata);
  if (targets->len > 1)
    nf_canvas_end_group (self->canvas);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static gboolean
note_rect (NfCanvasView *self,
           NfNote       *note,
           NfRect       *out)
{
  gboolean found = note != NULL && nf_grid_layout_get_card_rect (self->layout, note, out);

  if (!found)
    nf_grid_layout_get_block_rect (self->layout, self->current_block, out);
  _nf_canvas_view_from_layout (self, out);
  return found;
}

static void commit_rows (NfCanvasView *self,
                         GtkWidget    *list);

static void
on_popover_closed (NfCanvasView *self,
                   GtkPopover   *popover)
{
  GtkWidget *rows = g_object_get_data (G_OBJECT (popover), "nf-rows");

  if (rows != NULL)
    commit_rows (self, rows);
  /* Focus returns to the grid, on the note the popover was for. */
  if (!_nf_canvas_view_focus_note (self, self->anchor))
    gtk_widget_grab_focus (self->blocks[self->current_block]);
}

GtkWidget *
_nf_canvas_view_new_popover (NfCanvasView *self,
             GtkWidget    *popover)
{
  g_signal_connect_object (popover, "closed", G_CALLBACK (on_popover_closed), self, G_CONNECT_SWAPPED);
  return popover;
}

static void
edit_tags_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  NfNote *note = _nf_canvas_view_action_note (self);
  GtkWidget *popover, *box, *label, *entry;
  g_autofree char *joined = NULL;
  NfRect r;

  if (note == NULL)
    return;
  joined = g_strjoinv (", ", (char **) nf_note_get_tags (note));
  popover = _nf_canvas_view_new_popover (self, gtk_popover_new ());
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new (_("Tags, separated by commas"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), joined != NULL ? joined : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 28);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_tags_activate), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), entry);
  note_rect (self, note, &r);
  _nf_canvas_view_show_popover (self, popover, &r);
  gtk_widget_grab_focus (entry);
}

/* --- The context menu --- */

static GMenuModel *
note_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new (), colours = g_menu_new (), end = g_menu_new ();

  g_menu_append (edit, _("_Edit"), "view.edit-note");
  g_menu_append (edit, _("_Tags…"), "view.edit-tags");
  g_menu_append (edit, _("De_tails…"), "view.note-details");
  /* The editor page around the view shows the write-up it cites. */
  g_menu_append (edit, _("Show in _Source"), "page.show-cite");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  {
    g_autoptr(GMenuItem) swatches = g_menu_item_new (NULL, NULL);

    /* The colours as swatches (see palette_row()), then "none". */
    g_menu_item_set_attribute (swatches, "custom", "s", "palette");
    g_menu_append_item (colours, swatches);
  }
  g_menu_append (colours, _("No Colour"), "view.set-colour::");
  g_menu_append_section (menu, _("Colour"), G_MENU_MODEL (colours));
  g_menu_append (end, _("_Copy"), "view.copy-notes");
  g_menu_append (end, _("Cu_t"), "view.cut-notes");
  g_menu_append (end, _("D_uplicate"), "view.duplicate-note");
  g_menu_append (end, _("_Delete"), "view.delete-note");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (end));
  return G_MENU_MODEL (menu);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  GdkRGBA colour;
  double r = MIN (width, height) / 2.0 - 1;

  gdk_rgba_parse (&colour, palette[GPOINTER_TO_UINT (data)].colour);
  cairo_arc (cr, width / 2.0, height / 2.0, r, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &colour);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* A row of round colour buttons; the note's own colour is marked as
 * checked (for screen readers too). */
static GtkWidget *
palette_row (GtkPopover *popover,
             NfNote     *note)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  const char *current = note != NULL ? nf_note_get_colour (note) : NULL;

  gtk_widget_set_halign (row, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *swatch = gtk_drawing_area_new ();
      gboolean checked = current != NULL && g_ascii_strcasecmp (current, palette[i].colour) == 0;

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 18);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 18);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, GUINT_TO_POINTER (i), NULL);
      gtk_button_set_child (GTK_BUTTON (button), swatch);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_add_css_class (button, "nf-swatch");
      if (checked)
        gtk_widget_add_css_class (button, "checked");
      gtk_widget_set_tooltip_text (button, _(palette[i].name));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(palette[i].name), -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_PRESSED,
                                   checked ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                                   -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "view.set-colour");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", palette[i].colour);
      g_signal_connect_object (button, "clicked", G_CALLBACK (gtk_popover_popdown), popover,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      gtk_box_append (GTK_BOX (row), button);
    }
  return row;
}

static GMenuModel *
block_menu (void)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, _("_Add Note"), "view.add-note");
  g_menu_append (menu, _("_Paste"), "view.paste-notes");
  g_menu_append (menu, _("_Show All Notes"), "view.edit-note");
  return G_MENU_MODEL (menu);
}

void
_nf_canvas_view_open_menu (NfCanvasView *self,
                           double        x,
                           double        y)
{
  NfNote *note = _nf_canvas_view_action_note (self);
  g_autoptr(GMenuModel) model = note != NULL ? note_menu () : block_menu ();
  g_autoptr(GMenuModel) conflict = _nf_canvas_view_conflict_menu (self, note);
  GtkWidget *popover;
  NfRect r;

  if (conflict != NULL)
    g_menu_prepend_section (G_MENU (model), _("Conflict from a Merge"), conflict);
  popover = _nf_canvas_view_new_popover (self, gtk_popover_menu_new_from_model (model));

  if (note != NULL)
    gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover),
                                palette_row (GTK_POPOVER (popover), note), "palette");

  if (x >= 0 && y >= 0)
    r = (NfRect) { x, y, 1, 1 };
  else
    note_rect (self, note, &r);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), x < 0);
  _nf_canvas_view_show_popover (self, popover, &r);
}

static void
note_menu_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _nf_canvas_view_open_menu (NF_CANVAS_VIEW (widget), -1, -1);
}

/* --- Every note of a block, for those hidden behind "+N more" --- */

/* Writes one row of a block's list back to its note, if it changed. */
static void
commit_row (NfCanvasView *self,
            GtkTextView  *row)
{
  NfNote *note = g_object_get_data (G_OBJECT (row), "nf-note");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (row);
  GtkTextIter start, end;
  g_autofree char *raw = NULL, *value = NULL;
  NfText *old = nf_note_get_text (note);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  raw = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  value = g_strstrip (nf_text_clean (raw, -1));
  if (*value == '\0' || nf_canvas_find_note (self->canvas, nf_note_get_id (note), NULL, NULL) != note)
    return;
  if (old == NULL || g_strcmp0 (_nf_canvas_view_shown_text (self, old), value) != 0)
    {
      g_autoptr(NfText) text = _nf_canvas_view_edited_text (self, old, value);

      nf_canvas_set_note_text (self->canvas, note, text);
    }
}

/* Enter commits a row (a note is one paragraph); Shift+Enter is left to
 * the text view. */
static gboolean
on_row_key (GtkEventControllerKey *controller,
            guint                  keyval,
            guint                  keycode,
            GdkModifierType        state,
            NfCanvasView          *self)
{
  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter) || (state & GDK_SHIFT_MASK) != 0)
    return FALSE;
  commit_row (self, GTK_TEXT_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
  return TRUE;
}

static void
commit_rows (NfCanvasView *self,
             GtkWidget    *list)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_TEXT_VIEW (row))
      commit_row (self, GTK_TEXT_VIEW (row));
}

static void
show_block_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  NfBlock block = (NfBlock) g_variant_get_int32 (parameter);
  GListModel *notes;
  GtkWidget *popover, *box, *title, *scroller, *list;
  g_autofree char *heading = NULL;
  guint n;
  NfRect r;

  if (block < 0 || block >= NF_N_BLOCKS)
    return;
  self->current_block = block;
  g_clear_object (&self->anchor);
  notes = nf_canvas_get_notes (self->canvas, block);
  n = g_list_model_get_n_items (notes);
  popover = _nf_canvas_view_new_popover (self, gtk_popover_new ());
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u note", "%s, %u notes", n),
                             _(nf_block_title (block)), n);
  title = gtk_label_new (heading);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
      NfText *text = nf_note_get_text (note);
      GtkWidget *row = gtk_text_view_new ();
      GtkEventController *key = gtk_event_controller_key_new ();
      const char *value = _nf_canvas_view_shown_text (self, text);

      /* Whole notes, wrapped, each editable in place. */
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (row)), value, -1);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (row), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (row), FALSE);
      gtk_widget_add_css_class (row, "nf-note-row");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, value, -1);
      g_object_set_data_full (G_OBJECT (row), "nf-note", g_object_ref (note), g_object_unref);
      g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_row_key), self, 0);
      gtk_widget_add_controller (row, key);
      gtk_box_append (GTK_BOX (list), row);
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_widget_set_size_request (scroller, 420, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  /* Edits not yet committed with Enter are kept when the list closes. */
  g_object_set_data (G_OBJECT (popover), "nf-rows", list);
  nf_grid_layout_get_block_rect (self->layout, block, &r);
  _nf_canvas_view_from_layout (self, &r);
  _nf_canvas_view_show_popover (self, popover, &r);
  if (n > 0)
    gtk_widget_grab_focus (gtk_widget_get_first_child (list));
}

void
_nf_canvas_view_class_init_popovers (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.edit-tags", NULL, edit_tags_activated);
  gtk_widget_class_install_action (widget_class, "view.note-menu", NULL, note_menu_activated);
  gtk_widget_class_install_action (widget_class, "view.show-block", "i", show_block_activated);
}
