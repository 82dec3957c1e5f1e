/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Ninefold"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "nf-canvas-view.h"
#include "nf-canvas-xml.h"
#include "nf-grid-renderer.h"
#include "nf-grid-style.h"
#include "nf-history.h"
#include "nf-note.h"
#include "nf-text.h"

/* --- NfNoteCard: one laid-out note --- */

struct _NfNoteCard
{
  GtkWidget     parent_instance;
  NfNote       *note;
  NfCardLayout *card;
  const NfGridStyle *style;     /* the view's */
};

G_DEFINE_FINAL_TYPE (NfNoteCard, nf_note_card, GTK_TYPE_WIDGET)

static void
nf_note_card_dispose (GObject *object)
{
  NfNoteCard *self = NF_NOTE_CARD (object);

  g_clear_object (&self->note);
  g_clear_object (&self->card);
  G_OBJECT_CLASS (nf_note_card_parent_class)->dispose (object);
}

static void
nf_note_card_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  NfNoteCard *self = NF_NOTE_CARD (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  if (self->card == NULL || self->style == NULL || w <= 0 || h <= 0)
    return;

  {
    cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                             &GRAPHENE_RECT_INIT (-3, -3, w + 6, h + 6));

    nf_card_render (cr, self->card, self->style);
    if (gtk_widget_has_focus (widget))
      {
        const NfColour *a = &self->style->accent;

        cairo_set_source_rgba (cr, a->red, a->green, a->blue, 1);
        cairo_set_line_width (cr, 2);
        cairo_rectangle (cr, -1, -1, w + 2, h + 2);
        cairo_stroke (cr);
      }
    cairo_destroy (cr);
  }
}

static void
nf_note_card_class_init (NfNoteCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_note_card_dispose;
  widget_class->snapshot = nf_note_card_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  gtk_widget_class_set_css_name (widget_class, "nf-note-card");
}

static void
nf_note_card_init (NfNoteCard *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_VISIBLE);
}

static void
nf_note_card_set (NfNoteCard        *self,
                  NfCardLayout      *card,
                  const NfGridStyle *style)
{
  NfNote *note = nf_card_layout_get_note (card);
  NfText *text = nf_note_get_text (note);

  g_set_object (&self->card, card);
  g_set_object (&self->note, note);
  self->style = style;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? nf_text_get (text) : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

NfNote *
nf_note_card_get_note (NfNoteCard *self)
{
  g_return_val_if_fail (NF_IS_NOTE_CARD (self), NULL);
  return self->note;
}

/* --- NfBlockWidget: one block, the parent of its cards --- */

struct _NfBlockWidget
{
  GtkWidget  parent_instance;
  NfBlock    block;
  GPtrArray *cards;             /* NfNoteCard, unowned (they are children) */
  GArray    *rects;             /* NfRect of each card, in block coordinates */
};

G_DEFINE_FINAL_TYPE (NfBlockWidget, nf_block_widget, GTK_TYPE_WIDGET)

static void
nf_block_widget_dispose (GObject *object)
{
  NfBlockWidget *self = NF_BLOCK_WIDGET (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->rects, g_array_unref);
  G_OBJECT_CLASS (nf_block_widget_parent_class)->dispose (object);
}

static void
nf_block_widget_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  NfBlockWidget *self = NF_BLOCK_WIDGET (widget);

  for (guint i = 0; i < self->cards->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (self->cards, i);
      const NfRect *r = &g_array_index (self->rects, NfRect, i);

      if (!gtk_widget_get_child_visible (card))
        continue;
      gtk_widget_size_allocate (card,
                                &(GtkAllocation) { (int) r->x, (int) r->y,
                                                   MAX (1, (int) r->width),
                                                   MAX (1, (int) r->height) },
                                -1);
    }
}

static void
nf_block_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  if (gtk_widget_has_focus (widget))
    {
      int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
      GdkRGBA colour = { 0.21, 0.52, 0.89, 1 };
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colours[4] = { colour, colour, colour, colour };
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, w, h), 6);
      gtk_snapshot_append_border (snapshot, &outline, widths, colours);
    }
  GTK_WIDGET_CLASS (nf_block_widget_parent_class)->snapshot (widget, snapshot);
}

static void
nf_block_widget_class_init (NfBlockWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_block_widget_dispose;
  widget_class->size_allocate = nf_block_widget_size_allocate;
  widget_class->snapshot = nf_block_widget_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
  gtk_widget_class_set_css_name (widget_class, "nf-block");
}

static void
nf_block_widget_init (NfBlockWidget *self)
{
  self->cards = g_ptr_array_new ();
  self->rects = g_array_new (FALSE, TRUE, sizeof (NfRect));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

NfBlock
nf_block_widget_get_block (NfBlockWidget *self)
{
  g_return_val_if_fail (NF_IS_BLOCK_WIDGET (self), NF_BLOCK_NONE);
  return self->block;
}

/* Shows the block's laid-out cards, reusing the card widgets it has. */
static void
nf_block_widget_sync (NfBlockWidget     *self,
                      NfGridLayout      *layout,
                      const NfGridStyle *style)
{
  NfCanvas *canvas = nf_grid_layout_get_canvas (layout);
  guint n_cards = nf_grid_layout_get_n_cards (layout, self->block);
  guint n_notes = g_list_model_get_n_items (nf_canvas_get_notes (canvas, self->block));
  NfRect block_rect;
  g_autofree char *label = NULL;

  nf_grid_layout_get_block_rect (layout, self->block, &block_rect);
  g_array_set_size (self->rects, n_cards);
  for (guint i = 0; i < n_cards; i++)
    {
      NfRect r;
      NfCardLayout *card = nf_grid_layout_get_card (layout, self->block, i, &r);

      if (i >= self->cards->len)
        {
          GtkWidget *widget = g_object_new (NF_TYPE_NOTE_CARD, NULL);

          gtk_widget_set_parent (widget, GTK_WIDGET (self));
          g_ptr_array_add (self->cards, widget);
        }
      nf_note_card_set (g_ptr_array_index (self->cards, i), card, style);
      gtk_widget_set_child_visible (g_ptr_array_index (self->cards, i), TRUE);
      r.x -= block_rect.x;
      r.y -= block_rect.y;
      g_array_index (self->rects, NfRect, i) = r;
    }
  /* Cards no longer needed go away, so focus never lands on a stale one. */
  while (self->cards->len > n_cards)
    {
      GtkWidget *widget = g_ptr_array_steal_index (self->cards, self->cards->len - 1);

      gtk_widget_unparent (widget);
    }

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u note", "%s, %u notes", n_notes),
                           _(nf_block_title (self->block)), n_notes);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* --- NfCanvasView --- */

struct _NfCanvasView
{
  GtkWidget     parent_instance;
  NfCanvas     *canvas;
  NfGridLayout *layout;
  NfGridStyle  *style;
  GtkWidget    *blocks[NF_N_BLOCKS];
  GtkWidget    *editor;         /* an entry over the card, while a note is edited */
  NfNote       *edited;
  int           laid_width, laid_height;
  gboolean      dirty;
  NfBlock       current_block;  /* where add-note puts a note */
};

G_DEFINE_FINAL_TYPE (NfCanvasView, nf_canvas_view, GTK_TYPE_WIDGET)

static void update_actions (NfCanvasView *self);

static void
relayout (NfCanvasView *self)
{
  self->dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_canvas_changed (NfCanvasView *self)
{
  nf_grid_layout_invalidate (self->layout);
  relayout (self);
  update_actions (self);
}

static void
on_dark_changed (NfCanvasView    *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *manager)
{
  g_clear_pointer (&self->style, nf_grid_style_free);
  self->style = adw_style_manager_get_dark (manager) ? nf_grid_style_new_dark ()
                                                      : nf_grid_style_new_light ();
  if (self->layout != NULL)
    nf_grid_layout_set_style (self->layout, self->style);
  relayout (self);
}

static void
nf_canvas_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 320;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 1366 : 768;
}

static void
nf_canvas_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);

  if (self->layout == NULL)
    return;
  if (self->dirty || width != self->laid_width || height != self->laid_height)
    {
      nf_grid_layout_allocate (self->layout, width, height);
      self->laid_width = width;
      self->laid_height = height;
      self->dirty = FALSE;
      for (guint b = 0; b < NF_N_BLOCKS; b++)
        nf_block_widget_sync (NF_BLOCK_WIDGET (self->blocks[b]), self->layout, self->style);
    }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      NfRect r;

      nf_grid_layout_get_block_rect (self->layout, (NfBlock) b, &r);
      gtk_widget_size_allocate (self->blocks[b],
                                &(GtkAllocation) { (int) r.x, (int) r.y,
                                                   MAX (1, (int) r.width),
                                                   MAX (1, (int) r.height) },
                                -1);
    }
  if (self->editor != NULL)
    {
      NfRect r = { 0, 0, 0, 0 };
      int min_h, min_w;

      gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
      gtk_widget_measure (self->editor, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      if (!nf_grid_layout_get_card_rect (self->layout, self->edited, &r))
        nf_grid_layout_get_content_rect (self->layout, self->current_block, &r);
      gtk_widget_size_allocate (self->editor,
                                &(GtkAllocation) { (int) r.x, (int) r.y,
                                                   MAX (min_w, (int) r.width),
                                                   MAX (min_h, (int) r.height) },
                                -1);
    }
}

static void
nf_canvas_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);

  if (self->layout != NULL && self->laid_width > 0 && self->laid_height > 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                               &GRAPHENE_RECT_INIT (0, 0,
                                                                    self->laid_width,
                                                                    self->laid_height));

      nf_grid_render (cr, self->layout, self->style);
      cairo_destroy (cr);
    }
  GTK_WIDGET_CLASS (nf_canvas_view_parent_class)->snapshot (widget, snapshot);
}

static NfNote *
focused_note (NfCanvasView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && NF_IS_NOTE_CARD (focus) &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NF_NOTE_CARD (focus)->note;
  return NULL;
}

static void
update_actions (NfCanvasView *self)
{
  NfHistory *history = self->canvas != NULL ? nf_canvas_get_history (self->canvas) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.undo",
                                 history != NULL && nf_history_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.redo",
                                 history != NULL && nf_history_can_redo (history));
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  nf_history_undo (nf_canvas_get_history (NF_CANVAS_VIEW (widget)->canvas));
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  nf_history_redo (nf_canvas_get_history (NF_CANVAS_VIEW (widget)->canvas));
}

static void
add_note_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  g_autofree char *id = nf_canvas_new_note_id (self->canvas);
  g_autoptr(NfText) text = nf_text_new (_("New note"));
  g_autoptr(NfNote) note = nf_note_new (id, text);
  g_autoptr(GError) error = NULL;
  NfBlock block = self->current_block;
  NfNote *after = focused_note (self);
  GListModel *notes = nf_canvas_get_notes (self->canvas, block);
  guint n = 0;

  /* After the focused note, else first: where it is shown, even in a block
   * whose last notes are hidden behind "+N more". */
  for (guint i = 0; after != NULL && i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(NfNote) item = g_list_model_get_item (notes, i);

      if (item == after)
        n = i + 1;
    }

  if (!nf_canvas_insert_note (self->canvas, block, n, note, &error))
    {
      g_warning ("Could not add a note: %s", error->message);
      return;
    }
  nf_canvas_view_edit_note (self, note);
}

static void
delete_note_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  NfNote *note = focused_note (self);

  if (note != NULL)
    {
      g_autoptr(NfNote) keep = g_object_ref (note);

      nf_canvas_remove_note (self->canvas, keep);
      gtk_widget_grab_focus (self->blocks[self->current_block]);
    }
}

static void
on_focus_changed (NfCanvasView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    if (NF_IS_BLOCK_WIDGET (w))
      {
        self->current_block = NF_BLOCK_WIDGET (w)->block;
        break;
      }
}

static void
nf_canvas_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (nf_canvas_view_parent_class)->root (widget);
  g_signal_connect_object (gtk_widget_get_root (widget), "notify::focus-widget",
                           G_CALLBACK (on_focus_changed), widget, G_CONNECT_SWAPPED);
}

static void
nf_canvas_view_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), on_focus_changed, widget);
  GTK_WIDGET_CLASS (nf_canvas_view_parent_class)->unroot (widget);
}

static void
nf_canvas_view_dispose (GObject *object)
{
  NfCanvasView *self = NF_CANVAS_VIEW (object);

  if (self->editor != NULL)
    {
      gtk_widget_unparent (self->editor);
      self->editor = NULL;
    }
  g_clear_object (&self->edited);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    g_clear_pointer (&self->blocks[b], gtk_widget_unparent);
  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_data (self->canvas, self);
  g_clear_object (&self->canvas);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->style, nf_grid_style_free);
  G_OBJECT_CLASS (nf_canvas_view_parent_class)->dispose (object);
}

static void
nf_canvas_view_class_init (NfCanvasViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_canvas_view_dispose;
  widget_class->measure = nf_canvas_view_measure;
  widget_class->size_allocate = nf_canvas_view_size_allocate;
  widget_class->snapshot = nf_canvas_view_snapshot;
  widget_class->root = nf_canvas_view_root;
  widget_class->unroot = nf_canvas_view_unroot;
  gtk_widget_class_set_css_name (widget_class, "nf-canvas-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "view.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "view.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "view.add-note", NULL, add_note_activated);
  gtk_widget_class_install_action (widget_class, "view.delete-note", NULL, delete_note_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "view.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "view.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "view.add-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "view.delete-note", NULL);
}

static void
nf_canvas_view_init (NfCanvasView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->current_block = NF_BLOCK_VALUE_PROPOSITIONS;
  self->style = adw_style_manager_get_dark (manager) ? nf_grid_style_new_dark ()
                                                      : nf_grid_style_new_light ();
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_dark_changed),
                           self, G_CONNECT_SWAPPED);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      self->blocks[b] = g_object_new (NF_TYPE_BLOCK_WIDGET, NULL);
      NF_BLOCK_WIDGET (self->blocks[b])->block = (NfBlock) b;
      gtk_widget_set_parent (self->blocks[b], GTK_WIDGET (self));
    }
}

GtkWidget *
nf_canvas_view_new (NfCanvas *canvas)
{
  NfCanvasView *self;

  g_return_val_if_fail (NF_IS_CANVAS (canvas), NULL);

  self = g_object_new (NF_TYPE_CANVAS_VIEW, NULL);
  self->canvas = g_object_ref (canvas);
  self->layout = nf_grid_layout_new (canvas, self->style, NULL);
  g_signal_connect_object (canvas, "changed", G_CALLBACK (on_canvas_changed),
                           self, G_CONNECT_SWAPPED);
  update_actions (self);
  relayout (self);
  return GTK_WIDGET (self);
}

NfCanvas *
nf_canvas_view_get_canvas (NfCanvasView *self)
{
  g_return_val_if_fail (NF_IS_CANVAS_VIEW (self), NULL);
  return self->canvas;
}

NfGridLayout *
nf_canvas_view_get_layout (NfCanvasView *self)
{
  g_return_val_if_fail (NF_IS_CANVAS_VIEW (self), NULL);
  return self->layout;
}

GtkWidget *
nf_canvas_view_get_block (NfCanvasView *self,
                          NfBlock       block)
{
  g_return_val_if_fail (NF_IS_CANVAS_VIEW (self), NULL);
  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, NULL);
  return self->blocks[block];
}

GtkWidget *
nf_canvas_view_get_card (NfCanvasView *self,
                         NfNote       *note)
{
  g_return_val_if_fail (NF_IS_CANVAS_VIEW (self), NULL);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      NfBlockWidget *block = NF_BLOCK_WIDGET (self->blocks[b]);

      for (guint i = 0; i < block->cards->len; i++)
        if (NF_NOTE_CARD (g_ptr_array_index (block->cards, i))->note == note)
          return g_ptr_array_index (block->cards, i);
    }
  return NULL;
}

static void
close_editor (NfCanvasView *self)
{
  if (self->editor != NULL)
    {
      GtkWidget *editor = g_steal_pointer (&self->editor);
      gboolean had_focus = gtk_widget_has_focus (editor) ||
                           gtk_widget_get_focus_child (editor) != NULL;

      gtk_widget_unparent (editor);
      if (had_focus && self->edited != NULL)
        {
          GtkWidget *card = nf_canvas_view_get_card (self, self->edited);

          gtk_widget_grab_focus (card != NULL ? card : self->blocks[self->current_block]);
        }
    }
  g_clear_object (&self->edited);
}

static void
on_editor_activate (NfCanvasView *self,
                    GtkEntry     *entry)
{
  const char *value = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->edited != NULL)
    {
      NfText *old = nf_note_get_text (self->edited);

      if (old == NULL || g_strcmp0 (nf_text_get (old), value) != 0)
        {
          g_autoptr(NfText) text = old != NULL ? nf_text_with_primary (old, value)
                                               : nf_text_new (value);

          nf_canvas_set_note_text (self->canvas, self->edited, text);
        }
    }
  close_editor (self);
}

static gboolean
on_editor_key (NfCanvasView          *self,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  close_editor (self);          /* Escape: nothing changes */
  return TRUE;
}

void
nf_canvas_view_edit_note (NfCanvasView *self,
                          NfNote       *note)
{
  GtkWidget *entry;
  GtkEventController *key;
  NfText *text;

  g_return_if_fail (NF_IS_CANVAS_VIEW (self));
  g_return_if_fail (NF_IS_NOTE (note));

  close_editor (self);
  self->edited = g_object_ref (note);
  entry = gtk_entry_new ();
  self->editor = entry;
  text = nf_note_get_text (note);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? nf_text_get (text) : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note text"), -1);
  gtk_widget_set_parent (entry, GTK_WIDGET (self));
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_editor_activate),
                           self, G_CONNECT_SWAPPED);
  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_editor_key),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (entry, key);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_grab_focus (entry);
}
