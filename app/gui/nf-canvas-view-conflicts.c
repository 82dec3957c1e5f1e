/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-view-conflicts"

#include "config.h"

#include <glib/gi18n.h>

#include "nf-canvas-view-private.h"
#include "nf-merge.h"

/* A note a merge left in conflict: its menu and details offer Take Ours,
 * Take Theirs and Keep Both (view.resolve-conflict), each one step of the
 * history. */

const NfConflict *
_nf_canvas_view_note_conflict (NfCanvasView *self,
                               NfNote       *note,
                               guint        *out_index)
{
  if (note == NULL || nf_canvas_get_n_conflicts (self->canvas) == 0)
    return NULL;
  return nf_canvas_find_conflict (self->canvas, NF_CONFLICT_NOTE, nf_note_get_id (note), out_index);
}

gboolean
_nf_conflict_choice_from_string (const char       *name,
                                 NfConflictChoice *out_choice)
{
  static const char * const names[] = { "ours", "theirs", "both" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *out_choice = (NfConflictChoice) i;
        return TRUE;
      }
  return FALSE;
}

GMenuModel *
_nf_canvas_view_conflict_menu (NfCanvasView *self,
                               NfNote       *note)
{
  GMenu *menu;

  if (_nf_canvas_view_note_conflict (self, note, NULL) == NULL)
    return NULL;
  menu = g_menu_new ();
  g_menu_append (menu, _("Take _Ours"), "view.resolve-conflict::ours");
  g_menu_append (menu, _("Take _Theirs"), "view.resolve-conflict::theirs");
  g_menu_append (menu, _("_Keep Both"), "view.resolve-conflict::both");
  return G_MENU_MODEL (menu);
}

static void
resolve_conflict_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  NfNote *note = _nf_canvas_view_action_note (self);
  const NfConflict *c;
  NfConflictChoice choice;
  g_autofree char *keep = NULL;
  NfNote *kept;
  guint index;

  if (!_nf_conflict_choice_from_string (g_variant_get_string (parameter, NULL), &choice))
    return;
  c = _nf_canvas_view_note_conflict (self, note, &index);
  if (c == NULL)
    return;
  keep = g_strdup (choice == NF_CONFLICT_TAKE_OURS ? c->ours :
                   choice == NF_CONFLICT_TAKE_THEIRS ? c->theirs : nf_note_get_id (note));
  _nf_canvas_view_close_editor (self);
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  nf_canvas_resolve_conflict (self->canvas, index, choice);
  /* Focus stays on the version kept, not on a card that is gone. */
  kept = keep != NULL ? nf_canvas_find_note (self->canvas, keep, NULL, NULL) : NULL;
  if (kept != NULL)
    nf_canvas_view_show_note (self, kept);
}

void
nf_canvas_view_show_note (NfCanvasView *self,
                          NfNote       *note)
{
  NfRect r;

  g_return_if_fail (NF_IS_CANVAS_VIEW (self));
  g_return_if_fail (NF_IS_NOTE (note));

  /* A page just opened has no cards until its first layout: the note is
   * shown by that layout (_nf_canvas_view_show_pending), not by polling
   * frames for its card. */
  g_clear_object (&self->pending_show);
  if (nf_canvas_view_get_card (self, note) == NULL)
    {
      if (nf_canvas_find_note (self->canvas, nf_note_get_id (note), NULL, NULL) == note)
        {
          self->pending_show = g_object_ref (note);
          gtk_widget_queue_allocate (GTK_WIDGET (self));
        }
      return;
    }
  if (nf_grid_layout_get_card_rect (self->layout, note, &r))
    _nf_canvas_view_scroll_to (self, &r);
  _nf_canvas_view_focus_note (self, note);
  _nf_canvas_view_clear_selection (self);
  nf_canvas_view_select_note (self, note, TRUE);
}

void
_nf_canvas_view_show_pending (NfCanvasView *self)
{
  g_autoptr(NfNote) note = NULL;

  if (self->pending_show == NULL)
    return;
  /* Tried at the first layout only: a note that layout hides (or one
   * deleted meanwhile) is given up rather than shown at some later
   * layout, when focus would jump under the user's hands. */
  note = g_steal_pointer (&self->pending_show);
  if (nf_canvas_find_note (self->canvas, nf_note_get_id (note), NULL, NULL) == note &&
      nf_canvas_view_get_card (self, note) != NULL)
    nf_canvas_view_show_note (self, note);
}

/* The grid draws marks from the canvas's conflicts: settling one (or
 * undoing that) must lay the cards out again even when no note moved. */
void
_nf_canvas_view_check_conflicts (NfCanvasView *self)
{
  guint n = nf_canvas_get_n_conflicts (self->canvas);

  if (n != self->n_conflicts)
    {
      self->n_conflicts = n;
      self->dirty = TRUE;
    }
}

void
_nf_canvas_view_class_init_conflicts (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.resolve-conflict", "s",
                                   resolve_conflict_activated);
}
