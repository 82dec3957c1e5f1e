/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-view"

#include "config.h"

#include <math.h>

#include "nf-canvas-view-private.h"

/* The grid's input: arrow keys that follow the canvas's layout, the
 * selection, clicks and drag and drop. */

static void
centre_of (NfCanvasView *self,
           GtkWidget    *widget,
           double       *x,
           double       *y)
{
  graphene_rect_t bounds;

  if (gtk_widget_compute_bounds (widget, GTK_WIDGET (self), &bounds))
    {
      *x = bounds.origin.x + bounds.size.width / 2;
      *y = bounds.origin.y + bounds.size.height / 2;
    }
  else
    *x = *y = 0;
}

NfBlock
_nf_canvas_view_neighbour (NfCanvasView *self,
                           NfBlock       from,
                           double        x,
                           double        y,
                           NfDirection   direction)
{
  NfRect a;
  NfBlock best = NF_BLOCK_NONE;
  double best_score = INFINITY;

  _nf_canvas_view_to_layout (self, &x, &y);
  nf_grid_layout_get_block_rect (self->layout, from, &a);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      NfRect r;
      double gap, off;

      if ((NfBlock) b == from)
        continue;
      nf_grid_layout_get_block_rect (self->layout, (NfBlock) b, &r);
      /* Only blocks wholly on that side, scored by how far away they are
       * and how far the point is from facing them. */
      switch (direction)
        {
        case NF_DIRECTION_LEFT:
          gap = a.x - (r.x + r.width);
          off = y < r.y ? r.y - y : y > r.y + r.height ? y - r.y - r.height : 0;
          break;
        case NF_DIRECTION_RIGHT:
          gap = r.x - (a.x + a.width);
          off = y < r.y ? r.y - y : y > r.y + r.height ? y - r.y - r.height : 0;
          break;
        case NF_DIRECTION_UP:
          gap = a.y - (r.y + r.height);
          off = x < r.x ? r.x - x : x > r.x + r.width ? x - r.x - r.width : 0;
          break;
        case NF_DIRECTION_DOWN:
        default:
          gap = r.y - (a.y + a.height);
          off = x < r.x ? r.x - x : x > r.x + r.width ? x - r.x - r.width : 0;
          break;
        }
      if (gap < -1)
        continue;
      if (gap + 4 * off < best_score)
        {
          best_score = gap + 4 * off;
          best = (NfBlock) b;
        }
    }
  return best;
}

/* Focus in `to`, on the card nearest to height `y` (view coordinates),
 * or its first or last card, or the block itself when it has none. */
static GtkWidget *
landing (NfCanvasView *self,
         NfBlock       to,
         double        y,
         int           which)   /* 0 nearest, -1 last, 1 first */
{
  NfBlockWidget *block = _nf_canvas_view_block_widget (self, to);
  guint n = nf_block_widget_get_n_cards (block);
  GtkWidget *best = NULL;
  double best_d = INFINITY;

  if (n == 0)
    return GTK_WIDGET (block);
  if (which != 0)
    return nf_block_widget_get_card (block, which > 0 ? 0 : n - 1);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *card = nf_block_widget_get_card (block, i);
      double cx, cy;

      centre_of (self, card, &cx, &cy);
      if (fabs (cy - y) < best_d)
        {
          best_d = fabs (cy - y);
          best = card;
        }
    }
  return best;
}

static void
select_note (NfCanvasView *self,
             NfNote       *note)
{
  if (note != NULL)
    g_hash_table_add (self->selection, g_object_ref (note));
}

/* Arrow keys, Home and End; with Shift they extend the selection. */
static gboolean
move_focus (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  GtkWidget *focus = _nf_canvas_view_focus_widget (self), *target = NULL;
  NfBlockWidget *block = focus != NULL ? _nf_canvas_view_block_of (self, focus) : NULL;
  int direction;
  gboolean extend;
  int index, n;
  double x, y;

  if (!_nf_canvas_view_grid_has_focus (self))
    return FALSE;
  g_variant_get (args, "(ib)", &direction, &extend);
  n = (int) nf_block_widget_get_n_cards (block);
  index = NF_IS_NOTE_CARD (focus) ? nf_block_widget_find_card (block, nf_note_card_get_note (NF_NOTE_CARD (focus))) : -1;
  centre_of (self, focus, &x, &y);

  switch (direction)
    {
    case -1:    /* Home */
    case -2:    /* End */
      target = n > 0 ? nf_block_widget_get_card (block, direction == -1 ? 0 : n - 1) : NULL;
      break;
    case NF_DIRECTION_UP:
      if (index > 0)
        target = nf_block_widget_get_card (block, index - 1);
      break;
    case NF_DIRECTION_DOWN:
      if (index + 1 < n)
        target = nf_block_widget_get_card (block, index + 1);
      break;
    default:
      break;
    }
  if (target == NULL && direction >= 0)
    {
      NfBlock to = _nf_canvas_view_neighbour (self, nf_block_widget_get_block (block), x, y,
                                              (NfDirection) direction);

      if (to != NF_BLOCK_NONE)
        target = landing (self, to, y,
                          direction == NF_DIRECTION_UP ? -1 : direction == NF_DIRECTION_DOWN ? 1 : 0);
    }
  if (target == NULL)
    return TRUE;    /* at the edge: the key is still ours */

  if (extend)
    {
      if (NF_IS_NOTE_CARD (focus))
        select_note (self, nf_note_card_get_note (NF_NOTE_CARD (focus)));
      if (NF_IS_NOTE_CARD (target))
        select_note (self, nf_note_card_get_note (NF_NOTE_CARD (target)));
      _nf_canvas_view_sync_selection (self);
    }
  else
    _nf_canvas_view_clear_selection (self);
  gtk_widget_grab_focus (target);
  return TRUE;
}

static gboolean
escape_pressed (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);

  if (!_nf_canvas_view_grid_has_focus (self) || g_hash_table_size (self->selection) == 0)
    return FALSE;
  _nf_canvas_view_clear_selection (self);
  return TRUE;
}

/* --- Pointer: focus, Ctrl+click selection, double-click, context menu --- */

gboolean
_nf_canvas_view_click (NfCanvasView    *self,
                       int              n_press,
                       guint            button,
                       GdkModifierType  state,
                       double           x,
                       double           y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  NfBlockWidget *block = picked != NULL ? _nf_canvas_view_block_of (self, picked) : NULL;
  NfNoteCard *card = NULL;

  if (block == NULL)
    return FALSE;
  for (GtkWidget *w = picked; w != NULL && w != GTK_WIDGET (block); w = gtk_widget_get_parent (w))
    if (NF_IS_NOTE_CARD (w))
      card = NF_NOTE_CARD (w);
  if (picked != GTK_WIDGET (block) && card == NULL)
    return FALSE;   /* the "+N more" button handles its own clicks */

  if (card != NULL)
    {
      NfNote *note = nf_note_card_get_note (card);

      if (button == GDK_BUTTON_PRIMARY && (state & GDK_CONTROL_MASK) != 0)
        {
          NfNote *focused = _nf_canvas_view_focused_note (self);

          /* The note focused before joins, so Ctrl+click picks a set. */
          if (focused != NULL && focused != note)
            select_note (self, focused);
          if (!g_hash_table_remove (self->selection, note))
            select_note (self, note);
          _nf_canvas_view_sync_selection (self);
        }
      else if (button != GDK_BUTTON_SECONDARY || !g_hash_table_contains (self->selection, note))
        _nf_canvas_view_clear_selection (self);
      gtk_widget_grab_focus (GTK_WIDGET (card));
      if (button == GDK_BUTTON_SECONDARY)
        _nf_canvas_view_open_menu (self, x, y);
      else if (n_press == 2 && button == GDK_BUTTON_PRIMARY)
        nf_canvas_view_edit_note (self, note);
    }
  else
    {
      NfRect r;

      _nf_canvas_view_clear_selection (self);
      gtk_widget_grab_focus (GTK_WIDGET (block));
      if (button == GDK_BUTTON_SECONDARY)
        _nf_canvas_view_open_menu (self, x, y);
      else if (n_press == 2 && button == GDK_BUTTON_PRIMARY)
        {
          double lx = x, ly = y;

          _nf_canvas_view_to_layout (self, &lx, &ly);
          nf_grid_layout_get_block_rect (self->layout, nf_block_widget_get_block (block), &r);
          nf_canvas_view_add_note_at (self, nf_block_widget_get_block (block),
                                      nf_block_widget_gap_at (block, ly - r.y));
        }
    }
  return TRUE;
}

static void
on_pressed (NfCanvasView    *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (button == 0)
    button = GDK_BUTTON_PRIMARY;    /* a synthesised press has no button */
  if (_nf_canvas_view_click (self, n_press, button, state, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* --- Drag and drop: the value is the note's id --- */

static void
clear_drop (NfCanvasView *self)
{
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    nf_block_widget_set_drop_gap (_nf_canvas_view_block_widget (self, (NfBlock) b), -1);
}

static NfBlock
drop_place (NfCanvasView *self,
            double        x,
            double        y,
            guint        *out_gap)
{
  NfBlock block;
  NfRect r;

  _nf_canvas_view_to_layout (self, &x, &y);
  block = nf_grid_layout_block_at (self->layout, x, y);
  if (block == NF_BLOCK_NONE)
    return NF_BLOCK_NONE;
  nf_grid_layout_get_block_rect (self->layout, block, &r);
  *out_gap = nf_block_widget_gap_at (_nf_canvas_view_block_widget (self, block), y - r.y);
  return block;
}

static guint text_dropped_signal;

static GdkDragAction
on_drop_motion (NfCanvasView  *self,
                double         x,
                double         y,
                GtkDropTarget *target)
{
  guint gap = 0;
  NfBlock block = drop_place (self, x, y, &gap);
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    nf_block_widget_set_drop_gap (_nf_canvas_view_block_widget (self, (NfBlock) b),
                                  (NfBlock) b == block ? (int) gap : -1);
  if (block == NF_BLOCK_NONE)
    return 0;
  /* A card moves; text from elsewhere (a write-up beside the canvas,
   * another app) is copied into a new note. */
  return drop != NULL && (gdk_drop_get_actions (drop) & GDK_ACTION_MOVE) == 0
         ? GDK_ACTION_COPY : GDK_ACTION_MOVE;
}

/* Text that is not a card becomes a note at the drop place: whoever
 * handles ::text-dropped first (the source reader, to cite its lines),
 * else a plain note with that text. */
static gboolean
drop_text (NfCanvasView *self,
           NfBlock       block,
           guint         gap,
           const char   *text)
{
  g_autofree char *plain = g_strstrip (g_strdup (text));
  g_autoptr(NfText) note_text = NULL;
  g_autoptr(NfNote) note = NULL;
  g_autofree char *id = NULL;
  gboolean handled = FALSE;
  GString *one_line;

  if (*plain == '\0' || !g_utf8_validate (plain, -1, NULL))
    return FALSE;
  g_signal_emit (self, text_dropped_signal, 0, (int) block, gap, text, &handled);
  if (handled)
    return TRUE;
  one_line = g_string_new (NULL);
  for (const char *p = plain; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (one_line, *p);
    else if (one_line->len > 0 && one_line->str[one_line->len - 1] != ' ')
      g_string_append_c (one_line, ' ');
  note_text = nf_text_new (one_line->str);
  g_string_free (one_line, TRUE);
  id = nf_canvas_new_note_id (self->canvas);
  note = nf_note_new (id, note_text);
  gap = MIN (gap, g_list_model_get_n_items (nf_canvas_get_notes (self->canvas, block)));
  if (!nf_canvas_insert_note (self->canvas, block, gap, note, NULL))
    return FALSE;
  _nf_canvas_view_focus_note (self, note);
  return TRUE;
}

static gboolean
on_drop (NfCanvasView  *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  guint gap = 0;
  NfBlock block = drop_place (self, x, y, &gap);
  const char *id = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;
  NfNote *note = id != NULL ? nf_canvas_find_note (self->canvas, id, NULL, NULL) : NULL;

  clear_drop (self);
  if (block == NF_BLOCK_NONE || id == NULL)
    return FALSE;
  /* A card of another canvas offers only to move: not text to copy. */
  if (note == NULL)
    return gtk_drop_target_get_current_drop (target) != NULL &&
           (gdk_drop_get_actions (gtk_drop_target_get_current_drop (target)) & GDK_ACTION_COPY) != 0 &&
           drop_text (self, block, gap, id);
  nf_canvas_view_drop_note (self, note, block, gap);
  return TRUE;
}


static void
add_move_binding (GtkWidgetClass  *widget_class,
                  guint            keyval,
                  guint            kp_keyval,
                  int              direction)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, move_focus, "(ib)", direction, FALSE);
  gtk_widget_class_add_binding (widget_class, kp_keyval, 0, move_focus, "(ib)", direction, FALSE);
  gtk_widget_class_add_binding (widget_class, keyval, GDK_SHIFT_MASK, move_focus, "(ib)", direction, TRUE);
  gtk_widget_class_add_binding (widget_class, kp_keyval, GDK_SHIFT_MASK, move_focus, "(ib)", direction, TRUE);
}


gboolean
nf_canvas_view_drop_note (NfCanvasView *self,
                          NfNote       *note,
                          NfBlock       block,
                          guint         index)
{
  NfBlock from = NF_BLOCK_NONE;
  guint at = 0;
  g_autoptr(NfNote) keep = NULL;

  g_return_val_if_fail (NF_IS_CANVAS_VIEW (self), FALSE);
  g_return_val_if_fail (NF_IS_NOTE (note), FALSE);
  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, FALSE);

  if (self->read_only ||
      nf_canvas_find_note (self->canvas, nf_note_get_id (note), &from, &at) != note)
    return FALSE;
  index = MIN (index, g_list_model_get_n_items (nf_canvas_get_notes (self->canvas, block)));
  /* The gap counts the note itself when it moves down its own block. */
  if (from == block && at < index)
    index--;
  if (from == block && at == index)
    return FALSE;
  keep = g_object_ref (note);
  nf_canvas_move_note (self->canvas, note, block, index);
  _nf_canvas_view_focus_note (self, note);
  return TRUE;
}


NfNote *
nf_canvas_view_get_action_note (NfCanvasView *self)
{
  g_return_val_if_fail (NF_IS_CANVAS_VIEW (self), NULL);
  return _nf_canvas_view_action_note (self);
}


void
nf_canvas_view_select_note (NfCanvasView *self,
                            NfNote       *note,
                            gboolean      selected)
{
  g_return_if_fail (NF_IS_CANVAS_VIEW (self));
  g_return_if_fail (NF_IS_NOTE (note));

  if (selected)
    select_note (self, note);
  else
    g_hash_table_remove (self->selection, note);
  _nf_canvas_view_sync_selection (self);
}


void
_nf_canvas_view_class_init_input (GtkWidgetClass *widget_class)
{
  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, NF_DIRECTION_LEFT);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, NF_DIRECTION_RIGHT);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, NF_DIRECTION_UP);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, NF_DIRECTION_DOWN);
  add_move_binding (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, -1);
  add_move_binding (widget_class, GDK_KEY_End, GDK_KEY_KP_End, -2);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_pressed, NULL);

  /* ::text-dropped (block, index, text) → handled: text that is not a
   * card was dropped at that place; TRUE when a handler made the note. */
  text_dropped_signal =
    g_signal_new ("text-dropped", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 3, G_TYPE_INT, G_TYPE_UINT, G_TYPE_STRING);
}

void
_nf_canvas_view_init_input (NfCanvasView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE | GDK_ACTION_COPY);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (drop, "motion", G_CALLBACK (on_drop_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drop, "enter", G_CALLBACK (on_drop_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drop, "leave", G_CALLBACK (clear_drop), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
