/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nf-canvas-view-private.h"
#include "nf-history.h"
#include "nf-note.h"
#include "nf-text.h"

void
_nf_canvas_view_update_actions (NfCanvasView *self)
{
  NfHistory *history = self->canvas != NULL && !self->read_only ? nf_canvas_get_history (self->canvas)
                                                                  : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.undo",
                                 history != NULL && nf_history_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.redo",
                                 history != NULL && nf_history_can_redo (history));
}

void
nf_canvas_view_set_read_only (NfCanvasView *self,
                              gboolean      read_only)
{
  static const char * const editing[] = {
    "view.add-note", "view.edit-note", "view.delete-note", "view.move-note", "view.set-colour",
    "view.cut-notes", "view.paste-notes", "view.duplicate-note", "view.edit-tags",
    "view.note-details", "view.resolve-conflict",
  };

  g_return_if_fail (NF_IS_CANVAS_VIEW (self));

  self->read_only = !!read_only;
  if (self->read_only)
    _nf_canvas_view_close_editor (self);
  for (guint i = 0; i < G_N_ELEMENTS (editing); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), editing[i], !self->read_only);
  _nf_canvas_view_update_actions (self);
}

gboolean
nf_canvas_view_get_read_only (NfCanvasView *self)
{
  g_return_val_if_fail (NF_IS_CANVAS_VIEW (self), FALSE);
  return self->read_only;
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _nf_canvas_view_close_editor (NF_CANVAS_VIEW (widget));
  nf_history_undo (nf_canvas_get_history (NF_CANVAS_VIEW (widget)->canvas));
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _nf_canvas_view_close_editor (NF_CANVAS_VIEW (widget));
  nf_history_redo (nf_canvas_get_history (NF_CANVAS_VIEW (widget)->canvas));
}

/* --- The in-place editor --- */

/* The note text the editor holds, as a commit keeps it. */
static char *
editor_value (GtkWidget *editor)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
  GtkTextIter start, end;
  g_autofree char *raw = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  raw = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* A note is one paragraph: pasted line breaks become spaces. */
  g_strdelimit (raw, "\r\n", ' ');
  return g_strstrip (nf_text_clean (raw, -1));
}

/* While a new note is written, a stand-in with its text stands at its
 * place in the layout, so the cards after it move down and make room for
 * the editor instead of lying under it. Made again when the text takes
 * another line, not on every key: each time the grid is laid out again. */
static void
update_pending (NfCanvasView *self)
{
  g_autofree char *value = NULL;
  g_autofree char *id = NULL;
  g_autoptr(NfText) text = NULL;
  int height;

  if (self->editor == NULL || self->edited != NULL || self->layout == NULL)
    return;
  height = _nf_canvas_view_editor_text_height (self->editor, MAX (1, gtk_widget_get_width (self->editor)));
  if (self->pending != NULL && height == self->pending_height)
    return;
  value = editor_value (self->editor);
  /* An empty note is a card of one line. */
  text = nf_text_new (*value != '\0' ? value : "\u00a0");
  id = nf_canvas_new_note_id (self->canvas);
  g_clear_object (&self->pending);
  self->pending = nf_note_new (id, text);
  self->pending_height = height;
  nf_grid_layout_set_pending_note (self->layout, self->new_block, self->new_index, self->pending);
  self->dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
clear_pending (NfCanvasView *self)
{
  if (self->pending == NULL)
    return;
  g_clear_object (&self->pending);
  if (self->layout != NULL)
    nf_grid_layout_set_pending_note (self->layout, NF_BLOCK_NONE, 0, NULL);
  self->dirty = TRUE;
}

void
_nf_canvas_view_close_editor (NfCanvasView *self)
{
  GtkWidget *editor = g_steal_pointer (&self->editor);
  g_autoptr(NfNote) edited = g_steal_pointer (&self->edited);

  clear_pending (self);
  if (editor == NULL)
    return;
  /* The editor is already forgotten, so the focus leaving it commits
   * nothing more. */
  if (gtk_widget_has_focus (editor) || gtk_widget_get_focus_child (editor) != NULL)
    {
      /* Back to the note edited, or the one focused before a new note was
       * begun (the anchor), else the block. */
      if (!_nf_canvas_view_focus_note (self, edited != NULL ? edited : self->anchor))
        gtk_widget_grab_focus (self->blocks[edited == NULL ? self->new_block : self->current_block]);
    }
  gtk_widget_unparent (editor);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
commit_editor (NfCanvasView *self)
{
  g_autofree char *value = NULL;
  g_autoptr(NfNote) added = NULL;

  if (self->editor == NULL)
    return;
  value = editor_value (self->editor);
  if (self->edited == NULL && *value != '\0')
    {
      g_autofree char *id = nf_canvas_new_note_id (self->canvas);
      g_autoptr(NfText) text = nf_text_new (value);
      g_autoptr(GError) error = NULL;

      added = nf_note_new (id, text);
      if (!nf_canvas_insert_note (self->canvas, self->new_block, self->new_index, added, &error))
        {
          g_warning ("Could not add a note: %s", error->message);
          g_clear_object (&added);
        }
      else
        {
          /* Focus is in the editor, so the anchor is still the note
           * focused when the new one was begun. */
          g_set_object (&self->added, added);
          g_set_object (&self->added_after, self->anchor);
        }
    }
  else if (self->edited != NULL && *value != '\0')
    {
      NfText *old = nf_note_get_text (self->edited);

      /* Only the variant shown is edited; the other languages stay. */
      if (old == NULL || g_strcmp0 (_nf_canvas_view_shown_text (self, old), value) != 0)
        {
          g_autoptr(NfText) text = _nf_canvas_view_edited_text (self, old, value);

          nf_canvas_set_note_text (self->canvas, self->edited, text);
        }
    }
  /* An emptied note keeps its text: deleting is Delete's job. */
  if (added != NULL)
    {
      g_clear_object (&self->edited);
      self->edited = g_object_ref (added);
    }
  _nf_canvas_view_close_editor (self);
}

static gboolean
on_editor_key (NfCanvasView          *self,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Escape)
    {
      _nf_canvas_view_close_editor (self);   /* nothing changes */
      return TRUE;
    }
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_SHIFT_MASK) == 0)
    {
      commit_editor (self);
      return TRUE;
    }
  return FALSE;
}

static gboolean
commit_after_leave (gpointer data)
{
  NfCanvasView *self = data;
  GtkWidget *focus;

  if (self->editor == NULL)
    return G_SOURCE_REMOVE;
  /* The window losing focus to another one leaves the editor open: its
   * focus widget is still in it. */
  focus = _nf_canvas_view_focus_widget (self);
  if (focus == NULL || (focus != self->editor && !gtk_widget_is_ancestor (focus, self->editor)))
    commit_editor (self);
  return G_SOURCE_REMOVE;
}

static void
on_editor_leave (NfCanvasView       *self,
                 GtkEventController *controller)
{
  /* Not now: the window is between two focus widgets, and committing
   * removes the entry and may focus the new card. */
  if (self->editor == gtk_event_controller_get_widget (controller))
    g_idle_add_full (G_PRIORITY_HIGH_IDLE, commit_after_leave, g_object_ref (self), g_object_unref);
}

/* The editor writes in the card's face and size (the block's, at the
 * zoom), so the text does not jump when editing starts or ends. */
static void
match_card_font (NfCanvasView *self,
                 GtkWidget    *editor)
{
  NfBlock block = self->edited != NULL ? self->current_block : self->new_block;
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autofree char *css = NULL;
  char size[G_ASCII_DTOSTR_BUF_SIZE];

  if (self->edited != NULL)
    nf_canvas_find_note (self->canvas, nf_note_get_id (self->edited), &block, NULL);
  g_ascii_formatd (size, sizeof size, "%.2f", nf_grid_layout_get_font_size (self->layout, block));
  css = g_strdup_printf ("textview.nf-note-editor { font-family: %s; font-size: %spt; }",
                         self->style->font_family, size);
  gtk_css_provider_load_from_data (provider, css, -1);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (editor),
                                  GTK_STYLE_PROVIDER (provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
open_editor (NfCanvasView *self,
             const char   *initial)
{
  GtkWidget *entry = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (entry));
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkTextIter end;

  /* A text view, not an entry, so a long note shows whole, wrapped over
   * its card; Enter commits (before the view would break the line). */
  self->editor = entry;
  gtk_text_buffer_set_text (buffer, initial, -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (entry), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (entry), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (entry), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (entry), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (entry), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (entry), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note text"), -1);
  gtk_widget_add_css_class (entry, "nf-note-editor");
  match_card_font (self, entry);
  gtk_widget_set_parent (entry, GTK_WIDGET (self));
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_editor_key), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (entry, key);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_editor_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (entry, focus);
  /* It grows with its text (see _nf_canvas_view_allocate_overlays()). */
  g_signal_connect_object (buffer, "changed", G_CALLBACK (gtk_widget_queue_allocate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (update_pending), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_grab_focus (entry);
}

void
nf_canvas_view_edit_note (NfCanvasView *self,
                          NfNote       *note)
{
  NfText *text;

  g_return_if_fail (NF_IS_CANVAS_VIEW (self));
  g_return_if_fail (NF_IS_NOTE (note));

  if (self->read_only)
    return;
  commit_editor (self);
  self->edited = g_object_ref (note);
  text = nf_note_get_text (note);
  open_editor (self, _nf_canvas_view_shown_text (self, text));
}

void
nf_canvas_view_add_note_at (NfCanvasView *self,
                            NfBlock       block,
                            guint         index)
{
  g_return_if_fail (NF_IS_CANVAS_VIEW (self));
  g_return_if_fail (block >= 0 && block < NF_N_BLOCKS);

  if (self->read_only)
    return;
  commit_editor (self);
  self->new_block = block;
  self->new_index = MIN (index, g_list_model_get_n_items (nf_canvas_get_notes (self->canvas, block)));
  self->current_block = block;
  open_editor (self, "");
  update_pending (self);
}

static void
add_note_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  NfNote *after = _nf_canvas_view_action_note (self);
  NfBlock block = self->current_block;
  guint index = 0;

  /* After the focused note, else first: where it is shown, even in a
   * block whose last notes are hidden behind "+N more". */
  if (after != NULL)
    {
      nf_canvas_find_note (self->canvas, nf_note_get_id (after), &block, &index);
      index++;
    }
  nf_canvas_view_add_note_at (self, block, index);
}

/* --- Edits of the focused note and the selection --- */

static void
edit_note_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  NfNote *note = _nf_canvas_view_action_note (self);

  if (note != NULL)
    nf_canvas_view_edit_note (self, note);
  else if (g_list_model_get_n_items (nf_canvas_get_notes (self->canvas, self->current_block)) > 0)
    gtk_widget_activate_action (widget, "view.show-block", "i", (gint32) self->current_block);
  else
    nf_canvas_view_add_note_at (self, self->current_block, 0);
}

static void
delete_note_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  g_autoptr(GPtrArray) targets = _nf_canvas_view_targets (self);
  NfNote *focused = _nf_canvas_view_action_note (self);
  NfBlock block = self->current_block;
  guint index = 0;

  if (targets->len == 0)
    return;
  if (focused != NULL)
    nf_canvas_find_note (self->canvas, nf_note_get_id (focused), &block, &index);
  if (targets->len > 1)
    nf_canvas_begin_group (self->canvas, _("Delete Notes"));
  for (guint i = 0; i < targets->len; i++)
    nf_canvas_remove_note (self->canvas, g_ptr_array_index (targets, i));
  if (targets->len > 1)
    nf_canvas_end_group (self->canvas);
  _nf_canvas_view_clear_selection (self);
  _nf_canvas_view_toast_undo (self, targets->len);

  /* Focus goes to the note that took the deleted one's place. */
  {
    GtkWidget *card = nf_block_widget_get_card (NF_BLOCK_WIDGET (self->blocks[block]), index);
    guint n = nf_block_widget_get_n_cards (NF_BLOCK_WIDGET (self->blocks[block]));

    if (card == NULL && n > 0)
      card = nf_block_widget_get_card (NF_BLOCK_WIDGET (self->blocks[block]), n - 1);
    gtk_widget_grab_focus (card != NULL ? card : self->blocks[block]);
  }
}

/* --- Undo from a toast --- */

/* The toast of the last deletion, held by the view (a strong reference,
 * so a toast the overlay has let go of is never read after its end). */
#define UNDO_TOAST "nf-undo-toast"

static void
on_undo_toast_clicked (NfCanvasView *self,
                       AdwToast     *toast)
{
  NfHistory *history = nf_canvas_get_history (self->canvas);

  /* Only while the deletion is still the last step: an edit after it
   * made the toast stale (and dismissed it, but a click may race that). */
  if (g_object_get_data (G_OBJECT (self), UNDO_TOAST) == toast &&
      g_object_get_data (G_OBJECT (toast), "nf-stale") == NULL &&
      nf_history_can_undo (history))
    {
      _nf_canvas_view_close_editor (self);
      nf_history_undo (history);
    }
}

static void
on_edit_after_toast (AdwToast *toast)
{
  if (g_object_get_data (G_OBJECT (toast), "nf-stale") != NULL)
    return;
  g_object_set_data (G_OBJECT (toast), "nf-stale", GINT_TO_POINTER (1));
  adw_toast_dismiss (toast);
}

/* A toast that says what was deleted and undoes it, shown by the
 * nearest toast overlay (the window's); none without one. */
void
_nf_canvas_view_toast_undo (NfCanvasView *self,
                            guint         n_deleted)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *previous = g_object_get_data (G_OBJECT (self), UNDO_TOAST);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (overlay == NULL || n_deleted == 0)
    return;
  if (previous != NULL)
    on_edit_after_toast (previous);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Note deleted", "%u notes deleted",
                                        n_deleted), n_deleted);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 8);
  g_object_set_data_full (G_OBJECT (self), UNDO_TOAST, g_object_ref (toast), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_toast_clicked), self,
                           G_CONNECT_SWAPPED);
  /* Any later edit (undo included) makes the toast's promise stale. */
  g_signal_connect_object (self->canvas, "changed", G_CALLBACK (on_edit_after_toast), toast,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
move_note_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  NfNote *note = _nf_canvas_view_action_note (self);
  const char *where = g_variant_get_string (parameter, NULL);
  NfBlock block = NF_BLOCK_NONE;
  guint index = 0, n;
  g_autoptr(NfNote) keep = NULL;

  if (note == NULL || nf_canvas_find_note (self->canvas, nf_note_get_id (note), &block, &index) == NULL)
    return;
  keep = g_object_ref (note);
  n = g_list_model_get_n_items (nf_canvas_get_notes (self->canvas, block));
  if (g_str_equal (where, "up") && index > 0)
    nf_canvas_move_note (self->canvas, note, block, index - 1);
  else if (g_str_equal (where, "down") && index + 1 < n)
    nf_canvas_move_note (self->canvas, note, block, index + 1);
  else if (g_str_equal (where, "left") || g_str_equal (where, "right"))
    {
      GtkWidget *card = nf_canvas_view_get_card (self, note);
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);
      NfBlock to;
      NfRect r;
      guint gap;

      if (card != NULL && !gtk_widget_compute_bounds (card, widget, &bounds))
        return;
      to = _nf_canvas_view_neighbour (self, block,
                                      bounds.origin.x + bounds.size.width / 2,
                                      bounds.origin.y + bounds.size.height / 2,
                                      g_str_equal (where, "left") ? NF_DIRECTION_LEFT
                                                                  : NF_DIRECTION_RIGHT);
      if (to == NF_BLOCK_NONE)
        return;
      /* Beside the notes at the same height, where the eye already is. */
      nf_grid_layout_get_block_rect (self->layout, to, &r);
      _nf_canvas_view_from_layout (self, &r);
      gap = nf_block_widget_gap_at (NF_BLOCK_WIDGET (self->blocks[to]),
                                    bounds.origin.y + bounds.size.height / 2 - r.y);
      nf_canvas_move_note (self->canvas, note, to, gap);
    }
  else
    return;
  _nf_canvas_view_focus_note (self, note);
}

static void
set_colour_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  g_autoptr(GPtrArray) targets = _nf_canvas_view_targets (self);
  const char *colour = g_variant_get_string (parameter, NULL);

  if (*colour != '\0' && !nf_colour_is_valid (colour))
    return;
  if (targets->len > 1)
    nf_canvas_begin_group (self->canvas, _("Change Colour"));
  for (guint i = 0; i < targets->len; i++)
    nf_canvas_set_note_colour (self->canvas, g_ptr_array_index (targets, i),
                               *colour != '\0' ? colour : NULL);
  if (targets->len > 1)
    nf_canvas_end_group (self->canvas);
}

/* --- Keys --- */

/* A key that works on the grid only, not while typing in the editor or
 * a popover's entry. */
static gboolean
grid_key (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  const char *action, *target;

  if (!_nf_canvas_view_grid_has_focus (NF_CANVAS_VIEW (widget)))
    return FALSE;
  g_variant_get (args, "(&s&s)", &action, &target);
  /* Alt+Left on a block, not a note, is left to the window. */
  if (g_str_equal (action, "view.move-note") &&
      _nf_canvas_view_focused_note (NF_CANVAS_VIEW (widget)) == NULL)
    return FALSE;
  return gtk_widget_activate_action_variant (widget, action,
                                             *target != '\0' ? g_variant_new_string (target) : NULL);
}

static void
add_grid_key (GtkWidgetClass  *widget_class,
              guint            keyval,
              GdkModifierType  mods,
              const char      *action,
              const char      *target)
{
  gtk_widget_class_add_binding (widget_class, keyval, mods, grid_key, "(ss)", action, target);
}

void
_nf_canvas_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "view.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "view.add-note", NULL, add_note_activated);
  gtk_widget_class_install_action (widget_class, "view.edit-note", NULL, edit_note_activated);
  gtk_widget_class_install_action (widget_class, "view.delete-note", NULL, delete_note_activated);
  gtk_widget_class_install_action (widget_class, "view.move-note", "s", move_note_activated);
  gtk_widget_class_install_action (widget_class, "view.set-colour", "s", set_colour_activated);
  _nf_canvas_view_class_init_popovers (widget_class);
  _nf_canvas_view_class_init_clipboard (widget_class);
  _nf_canvas_view_class_init_search (widget_class);
  _nf_canvas_view_class_init_details (widget_class);
  _nf_canvas_view_class_init_conflicts (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "view.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "view.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "view.redo", NULL);
  add_grid_key (widget_class, GDK_KEY_Insert, 0, "view.add-note", "");
  add_grid_key (widget_class, GDK_KEY_KP_Insert, 0, "view.add-note", "");
  add_grid_key (widget_class, GDK_KEY_a, 0, "view.add-note", "");
  add_grid_key (widget_class, GDK_KEY_Return, 0, "view.edit-note", "");
  add_grid_key (widget_class, GDK_KEY_KP_Enter, 0, "view.edit-note", "");
  add_grid_key (widget_class, GDK_KEY_F2, 0, "view.edit-note", "");
  add_grid_key (widget_class, GDK_KEY_Delete, 0, "view.delete-note", "");
  add_grid_key (widget_class, GDK_KEY_KP_Delete, 0, "view.delete-note", "");
  add_grid_key (widget_class, GDK_KEY_Menu, 0, "view.note-menu", "");
  add_grid_key (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "view.note-menu", "");
  add_grid_key (widget_class, GDK_KEY_t, 0, "view.edit-tags", "");
  for (GdkModifierType mods = GDK_ALT_MASK; mods != 0;
       mods = mods == GDK_ALT_MASK ? GDK_CONTROL_MASK : 0)
    {
      add_grid_key (widget_class, GDK_KEY_Up, mods, "view.move-note", "up");
      add_grid_key (widget_class, GDK_KEY_Down, mods, "view.move-note", "down");
    }
  add_grid_key (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "view.move-note", "left");
  add_grid_key (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "view.move-note", "right");
}
