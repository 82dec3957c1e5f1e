/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-view"

#include "config.h"

#include <adwaita.h>

#include "nf-canvas-view-private.h"
#include "nf-grid-renderer.h"
#include "nf-note.h"
#include "nf-text.h"

enum {
  PROP_0,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (NfCanvasView, nf_canvas_view, GTK_TYPE_WIDGET)

NfBlockWidget *
_nf_canvas_view_block_widget (NfCanvasView *self,
                              NfBlock       block)
{
  return NF_BLOCK_WIDGET (self->blocks[block]);
}

GtkWidget *
_nf_canvas_view_focus_widget (NfCanvasView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root != NULL ? gtk_root_get_focus (root) : NULL;
}

/* The block a widget of the grid belongs to, or NULL for anything else
 * (the editor, a popover). */
NfBlockWidget *
_nf_canvas_view_block_of (NfCanvasView *self,
                          GtkWidget    *widget)
{
  for (GtkWidget *w = widget; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    if (NF_IS_BLOCK_WIDGET (w))
      return gtk_widget_get_parent (w) == GTK_WIDGET (self) ? NF_BLOCK_WIDGET (w) : NULL;
  return NULL;
}

gboolean
_nf_canvas_view_grid_has_focus (NfCanvasView *self)
{
  GtkWidget *focus = _nf_canvas_view_focus_widget (self);

  return focus != NULL && _nf_canvas_view_block_of (self, focus) != NULL &&
         (NF_IS_NOTE_CARD (focus) || NF_IS_BLOCK_WIDGET (focus));
}

NfNote *
_nf_canvas_view_focused_note (NfCanvasView *self)
{
  GtkWidget *focus = _nf_canvas_view_focus_widget (self);

  if (focus != NULL && NF_IS_NOTE_CARD (focus) && _nf_canvas_view_block_of (self, focus) != NULL)
    return nf_note_card_get_note (NF_NOTE_CARD (focus));
  return NULL;
}

static gboolean
in_canvas (NfCanvasView *self,
           NfNote       *note)
{
  return note != NULL &&
         nf_canvas_find_note (self->canvas, nf_note_get_id (note), NULL, NULL) == note;
}

NfNote *
_nf_canvas_view_action_note (NfCanvasView *self)
{
  NfNote *note = _nf_canvas_view_focused_note (self);

  if (note == NULL && !_nf_canvas_view_grid_has_focus (self) && in_canvas (self, self->anchor))
    note = self->anchor;
  return note;
}

GPtrArray *
_nf_canvas_view_targets (NfCanvasView *self)
{
  GPtrArray *targets = g_ptr_array_new_with_free_func (g_object_unref);
  NfNote *note = _nf_canvas_view_action_note (self);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      GListModel *notes = nf_canvas_get_notes (self->canvas, (NfBlock) b);

      for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
        {
          NfNote *item = g_list_model_get_item (notes, i);

          if (item == note || g_hash_table_contains (self->selection, item))
            g_ptr_array_add (targets, item);
          else
            g_object_unref (item);
        }
    }
  return targets;
}

void
_nf_canvas_view_sync_selection (NfCanvasView *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!in_canvas (self, key))
      g_hash_table_iter_remove (&iter);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    for (guint i = 0; i < nf_block_widget_get_n_cards (_nf_canvas_view_block_widget (self, (NfBlock) b)); i++)
      {
        NfNoteCard *card = NF_NOTE_CARD (nf_block_widget_get_card (_nf_canvas_view_block_widget (self, (NfBlock) b), i));

        nf_note_card_set_selected (card, g_hash_table_contains (self->selection,
                                                                nf_note_card_get_note (card)));
      }
}

void
_nf_canvas_view_clear_selection (NfCanvasView *self)
{
  g_hash_table_remove_all (self->selection);
  _nf_canvas_view_sync_selection (self);
}

/* Lays the canvas out now, at the last size, so the cards match the
 * model as soon as it changed; focus stays on its note. The layout keeps
 * every note's lines and notices changed ones itself, so this reuses
 * almost everything. */
static void
sync_layout (NfCanvasView *self)
{
  GtkWidget *focus = _nf_canvas_view_focus_widget (self);
  NfBlockWidget *focus_block = focus != NULL ? _nf_canvas_view_block_of (self, focus) : NULL;
  g_autoptr(NfNote) focus_note = NULL;
  int focus_index = -1;

  if (self->layout == NULL || self->laid_width <= 0 || self->laid_height <= 0)
    return;
  if (focus_block != NULL && NF_IS_NOTE_CARD (focus))
    {
      NfNote *note = nf_note_card_get_note (NF_NOTE_CARD (focus));

      focus_note = note != NULL ? g_object_ref (note) : NULL;
      focus_index = nf_block_widget_find_card (focus_block, focus_note);
    }

  /* An adopted layout is laid out already, if at this size. */
  if (!self->prelaid ||
      nf_grid_layout_get_width (self->layout) != self->laid_width ||
      nf_grid_layout_get_height (self->layout) != self->laid_height)
    {
      nf_grid_layout_allocate (self->layout, self->laid_width, self->laid_height);
      self->n_allocations++;
    }
  self->prelaid = FALSE;
  self->dirty = FALSE;
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    nf_block_widget_sync (_nf_canvas_view_block_widget (self, (NfBlock) b), self->layout, self->style);
  _nf_canvas_view_sync_selection (self);
  _nf_canvas_view_sync_search (self);

  /* Card widgets are reused by position, so the focused widget may now
   * show another note: follow the note, or stay near where it was. The
   * note just added, gone (its add undone): back to where the add began,
   * the note focused then or its block. */
  if (focus_note != NULL && !_nf_canvas_view_focus_note (self, focus_note))
    {
      guint n = nf_block_widget_get_n_cards (focus_block);

      if (focus_note == self->added)
        {
          if (!_nf_canvas_view_focus_note (self, self->added_after))
            gtk_widget_grab_focus (GTK_WIDGET (focus_block));
        }
      else if (n > 0)
        gtk_widget_grab_focus (nf_block_widget_get_card (focus_block,
                                                         MIN ((guint) MAX (focus_index, 0), n - 1)));
      else
        gtk_widget_grab_focus (GTK_WIDGET (focus_block));
    }
  _nf_canvas_view_show_pending (self);
}

void
_nf_canvas_view_sync (NfCanvasView *self)
{
  sync_layout (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
mark_dirty (NfCanvasView *self)
{
  self->dirty = TRUE;
  self->prelaid = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* The grid is laid out again only when a block's notes or a note
 * changed (they mark it dirty first), not for metadata or tables; and
 * then once, after the whole edit, so focus can follow a moved note. */
static void
on_canvas_changed (NfCanvasView *self)
{
  _nf_canvas_view_check_conflicts (self);
  if (self->dirty)
    _nf_canvas_view_sync (self);
  _nf_canvas_view_update_actions (self);
}

static void
on_dark_changed (NfCanvasView    *self,
                 GParamSpec      *pspec,
                 AdwStyleManager *manager)
{
  g_clear_pointer (&self->base_style, nf_grid_style_free);
  self->base_style = adw_style_manager_get_dark (manager) ? nf_grid_style_new_dark ()
                                                           : nf_grid_style_new_light ();
  _nf_canvas_view_scale_style (self);
  self->dirty = TRUE;
  _nf_canvas_view_sync (self);
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
allocate_rect (GtkWidget    *child,
               const NfRect *r,
               gboolean      at_least_natural)
{
  int min_w = 1, min_h = 1;

  if (at_least_natural)
    {
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
    }
  gtk_widget_size_allocate (child,
                            &(GtkAllocation) { (int) r->x, (int) r->y,
                                               MAX (min_w, (int) r->width),
                                               MAX (min_h, (int) r->height) },
                            -1);
}

static void
nf_canvas_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  int laid_width, laid_height;

  if (self->layout == NULL)
    return;
  /* The find bar covers no block: the grid is laid out below it. */
  self->top_inset = _nf_canvas_view_search_inset (self, width);
  _nf_canvas_view_update_scroll (self, width, MAX (1, height - self->top_inset),
                                 &laid_width, &laid_height);
  if (self->dirty || laid_width != self->laid_width || laid_height != self->laid_height)
    {
      self->laid_width = laid_width;
      self->laid_height = laid_height;
      sync_layout (self);
    }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      NfBlock focus = nf_grid_layout_get_focus_block (self->layout);
      NfRect r;

      /* Blocks behind a focused one are out of sight and of reach. */
      gtk_widget_set_child_visible (self->blocks[b], focus == NF_BLOCK_NONE || focus == (NfBlock) b);
      nf_grid_layout_get_block_rect (self->layout, (NfBlock) b, &r);
      _nf_canvas_view_from_layout (self, &r);
      allocate_rect (self->blocks[b], &r, FALSE);
    }
  _nf_canvas_view_allocate_overlays (self, width, height);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
  _nf_canvas_view_allocate_bars (self, width, height);
}

static void
nf_canvas_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);

  /* Frames and titles only: each card widget draws its own card. */
  if (self->layout != NULL && self->laid_width > 0 && self->laid_height > 0)
    {
      double sx = 0, sy = 0;
      cairo_t *cr;

      /* Only the part in sight, however far it is zoomed. */
      _nf_canvas_view_to_layout (self, &sx, &sy);
      cr = gtk_snapshot_append_cairo (snapshot,
                                      &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                           gtk_widget_get_height (widget)));
      cairo_translate (cr, -sx, -sy);
      nf_grid_render_parts (cr, self->layout, self->style, NF_GRID_PART_FRAMES);
      /* A new note's editor in an empty block covers the block's hint. */
      if (self->editor != NULL && self->edited == NULL &&
          nf_grid_layout_get_n_cards (self->layout, self->new_block) == 0)
        {
          const NfColour *fill = &self->style->block_fill;
          NfRect r;

          nf_grid_layout_get_content_rect (self->layout, self->new_block, &r);
          cairo_set_source_rgba (cr, fill->red, fill->green, fill->blue, 1);
          cairo_rectangle (cr, r.x, r.y, r.width, r.height);
          cairo_fill (cr);
        }
      cairo_destroy (cr);
    }
  GTK_WIDGET_CLASS (nf_canvas_view_parent_class)->snapshot (widget, snapshot);
}

gboolean
_nf_canvas_view_focus_note (NfCanvasView *self,
                            NfNote       *note)
{
  GtkWidget *card = note != NULL ? nf_canvas_view_get_card (self, note) : NULL;

  return card != NULL && gtk_widget_grab_focus (card);
}

gboolean
nf_canvas_view_reveal_note (NfCanvasView *self,
                            NfNote       *note)
{
  g_return_val_if_fail (NF_IS_CANVAS_VIEW (self), FALSE);
  g_return_val_if_fail (NF_IS_NOTE (note), FALSE);

  return _nf_canvas_view_focus_note (self, note);
}

/* --- The type --- */

static void
on_focus_changed (NfCanvasView *self)
{
  GtkWidget *focus = _nf_canvas_view_focus_widget (self);
  NfBlockWidget *block = focus != NULL ? _nf_canvas_view_block_of (self, focus) : NULL;

  if (block == NULL)
    return;     /* into a popover or the editor: the anchor stays */
  self->current_block = nf_block_widget_get_block (block);
  if (self->zoom > 1.0)
    {
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (focus, GTK_WIDGET (self), &bounds))
        {
          NfRect r = { bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height };

          /* A card cut short grows to its whole text as it takes focus,
           * before it is allocated again. */
          if (NF_IS_NOTE_CARD (focus) && nf_note_card_get_card (NF_NOTE_CARD (focus)) != NULL)
            r.height = MAX (r.height, nf_card_layout_get_height (nf_note_card_get_card (NF_NOTE_CARD (focus))));

          _nf_canvas_view_to_layout (self, &r.x, &r.y);
          _nf_canvas_view_scroll_to (self, &r);
        }
    }
  g_clear_object (&self->anchor);
  if (NF_IS_NOTE_CARD (focus) && nf_note_card_get_note (NF_NOTE_CARD (focus)) != NULL)
    self->anchor = g_object_ref (nf_note_card_get_note (NF_NOTE_CARD (focus)));
  _nf_canvas_view_update_actions (self);
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

  _nf_canvas_view_close_editor (self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->search, gtk_widget_unparent);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    g_clear_pointer (&self->blocks[b], gtk_widget_unparent);
  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_data (self->canvas, self);
  g_clear_pointer (&self->selection, g_hash_table_unref);
  g_clear_object (&self->anchor);
  g_clear_object (&self->added);
  g_clear_object (&self->added_after);
  g_clear_object (&self->pending_show);
  g_clear_object (&self->pending);
  g_clear_object (&self->canvas);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->style, nf_grid_style_free);
  g_clear_pointer (&self->base_style, nf_grid_style_free);
  g_clear_pointer (&self->hbar, gtk_widget_unparent);
  g_clear_pointer (&self->vbar, gtk_widget_unparent);
  if (self->zoom_box != NULL && gtk_widget_get_parent (self->zoom_box) == GTK_WIDGET (self))
    gtk_widget_unparent (self->zoom_box);
  g_clear_object (&self->zoom_box);
  g_clear_object (&self->hadj);
  g_clear_object (&self->vadj);
  G_OBJECT_CLASS (nf_canvas_view_parent_class)->dispose (object);
}

static void
nf_canvas_view_finalize (GObject *object)
{
  NfCanvasView *self = NF_CANVAS_VIEW (object);

  g_free (self->language);
  G_OBJECT_CLASS (nf_canvas_view_parent_class)->finalize (object);
}

static void
nf_canvas_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NfCanvasView *self = NF_CANVAS_VIEW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_canvas_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NfCanvasView *self = NF_CANVAS_VIEW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      nf_canvas_view_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_canvas_view_class_init (NfCanvasViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_canvas_view_dispose;
  object_class->finalize = nf_canvas_view_finalize;
  object_class->get_property = nf_canvas_view_get_property;
  object_class->set_property = nf_canvas_view_set_property;
  widget_class->measure = nf_canvas_view_measure;
  widget_class->size_allocate = nf_canvas_view_size_allocate;
  widget_class->snapshot = nf_canvas_view_snapshot;
  widget_class->root = nf_canvas_view_root;
  widget_class->unroot = nf_canvas_view_unroot;
  gtk_widget_class_set_css_name (widget_class, "nf-canvas-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _nf_canvas_view_class_init_input (widget_class);
  _nf_canvas_view_class_init_actions (widget_class);
  _nf_canvas_view_class_init_zoom (widget_class);
}

static void
nf_canvas_view_init (NfCanvasView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->current_block = NF_BLOCK_VALUE_PROPOSITIONS;
  self->selection = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  _nf_canvas_view_init_zoom (self);
  self->base_style = adw_style_manager_get_dark (manager) ? nf_grid_style_new_dark ()
                                                           : nf_grid_style_new_light ();
  _nf_canvas_view_scale_style (self);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_dark_changed),
                           self, G_CONNECT_SWAPPED);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      self->blocks[b] = nf_block_widget_new ((NfBlock) b);
      gtk_widget_set_parent (self->blocks[b], GTK_WIDGET (self));
    }

  _nf_canvas_view_init_input (self);
}

GtkWidget *
nf_canvas_view_new (NfCanvas *canvas)
{
  NfCanvasView *self;

  g_return_val_if_fail (NF_IS_CANVAS (canvas), NULL);

  self = g_object_new (NF_TYPE_CANVAS_VIEW, NULL);
  self->canvas = g_object_ref (canvas);
  self->layout = nf_grid_layout_new (canvas, self->style, NULL);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      GListModel *notes = nf_canvas_get_notes (canvas, (NfBlock) b);

      g_signal_connect_object (notes, "items-changed", G_CALLBACK (mark_dirty),
                               self, G_CONNECT_SWAPPED);
    }
  /* One handler for every note's edits (a handler per note cost 33 MB at
   * 100,000 notes). */
  g_signal_connect_object (canvas, "note-changed", G_CALLBACK (mark_dirty),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (canvas, "changed", G_CALLBACK (on_canvas_changed),
                           self, G_CONNECT_SWAPPED);
  self->n_conflicts = nf_canvas_get_n_conflicts (canvas);
  _nf_canvas_view_update_actions (self);
  self->dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
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

gboolean
_nf_canvas_view_adopt_layout (NfCanvasView *self,
                              NfGridLayout *layout)
{
  g_return_val_if_fail (NF_IS_CANVAS_VIEW (self), FALSE);
  g_return_val_if_fail (NF_IS_GRID_LAYOUT (layout), FALSE);

  /* Only a fresh view: one laid out or shown has cards of its own. */
  if (self->laid_width > 0 || !self->dirty ||
      nf_grid_layout_get_canvas (layout) != self->canvas ||
      nf_grid_layout_get_focus_block (layout) != NF_BLOCK_NONE ||
      !nf_grid_layout_get_balance_rows (layout) ||
      g_strcmp0 (nf_grid_layout_get_language (layout), self->language) != 0 ||
      !nf_grid_style_equal (nf_grid_layout_get_style (layout), self->style))
    return FALSE;
  g_set_object (&self->layout, layout);
  self->prelaid = TRUE;
  return TRUE;
}

guint
_nf_canvas_view_get_n_allocations (NfCanvasView *self)
{
  g_return_val_if_fail (NF_IS_CANVAS_VIEW (self), 0);
  return self->n_allocations;
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
      int i = nf_block_widget_find_card (_nf_canvas_view_block_widget (self, (NfBlock) b), note);

      if (i >= 0)
        return nf_block_widget_get_card (_nf_canvas_view_block_widget (self, (NfBlock) b), (guint) i);
    }
  return NULL;
}

const char *
nf_canvas_view_get_language (NfCanvasView *self)
{
  g_return_val_if_fail (NF_IS_CANVAS_VIEW (self), NULL);
  return self->language;
}

void
nf_canvas_view_set_language (NfCanvasView *self,
                             const char   *language)
{
  g_return_if_fail (NF_IS_CANVAS_VIEW (self));

  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  self->prelaid = FALSE;
  if (self->layout != NULL)
    nf_grid_layout_set_language (self->layout, language);
  self->dirty = TRUE;
  _nf_canvas_view_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

GPtrArray *
nf_canvas_view_get_selection (NfCanvasView *self)
{
  GPtrArray *selected = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (NF_IS_CANVAS_VIEW (self), selected);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      GListModel *notes = nf_canvas_get_notes (self->canvas, (NfBlock) b);

      for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
        {
          NfNote *item = g_list_model_get_item (notes, i);

          if (g_hash_table_contains (self->selection, item))
            g_ptr_array_add (selected, item);
          else
            g_object_unref (item);
        }
    }
  return selected;
}

void
_nf_canvas_view_show_popover (NfCanvasView *self,
                              GtkWidget    *popover,
                              const NfRect *rect)
{
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  self->popover = popover;
  self->popover_rect = *rect;
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover),
                               &(GdkRectangle) { (int) rect->x, (int) rect->y,
                                                 MAX (1, (int) rect->width),
                                                 MAX (1, (int) rect->height) });
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  gtk_popover_popup (GTK_POPOVER (popover));
}

const char *
_nf_canvas_view_shown_text (NfCanvasView *self,
                            NfText       *text)
{
  if (text == NULL)
    return "";
  return self->language != NULL ? nf_text_for_language (text, self->language) : nf_text_get (text);
}

NfText *
_nf_canvas_view_edited_text (NfCanvasView *self,
                             NfText       *old,
                             const char   *value)
{
  const char *shown;

  if (old == NULL)
    return nf_text_new (value);
  /* The translation for_language () picked, under its own tag ("en" for
   * a reader of "en-GB"). */
  shown = _nf_canvas_view_shown_text (self, old);
  for (guint i = 0; shown != nf_text_get (old) && i < nf_text_get_n_translations (old); i++)
    {
      const char *lang = NULL;

      if (nf_text_get_translation (old, i, &lang) == shown)
        return nf_text_with_translation (old, lang, value);
    }
  return nf_text_with_primary (old, value);
}
