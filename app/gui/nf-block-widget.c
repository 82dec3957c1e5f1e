/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-block-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "nf-block-widget.h"
#include "nf-canvas.h"
#include "nf-note-card.h"
#include "nf-text.h"

struct _NfBlockWidget
{
  GtkWidget          parent_instance;
  NfBlock            block;
  GPtrArray         *cards;     /* NfNoteCard, unowned (they are children) */
  GArray            *rects;     /* NfRect of each card, in block coordinates */
  NfRect             content;   /* where cards go, in block coordinates */
  GtkAdjustment     *adj;       /* the cards' scroll offset, when they overflow */
  GtkWidget         *bar;       /* its scrollbar, at the content's right edge */
  gboolean           scrolls;
  NfRect             title;     /* in block coordinates */
  /* A focused card cut short shows its whole text, over the cards below
   * it, until focus leaves it: */
  int                expanded;  /* its index, or -1 */
  double             expanded_from;     /* its height in the grid */
  NfCardDensity      grid_density;
  guint              grid_lines;
  gboolean           alone;     /* shown alone over the whole grid */
  const NfGridStyle *style;     /* the view's */
  int                drop_gap;
  /* The layout the cards come from: a block that scrolls gets card
   * widgets only down to a margin past its page, more as it scrolls. */
  NfGridLayout      *layout;
};

/* Card widgets kept below a scrolling block's page: enough for keyboard
 * moves and assistive tools to see the cards near the page, few enough
 * that a block of 100,000 notes does not make 100,000 widgets (each with
 * its accessible object) before the first frame. */
#define NF_BLOCK_CARD_MARGIN 256

static guint n_cards_made;

G_DEFINE_FINAL_TYPE (NfBlockWidget, nf_block_widget, GTK_TYPE_WIDGET)

static void
nf_block_widget_dispose (GObject *object)
{
  NfBlockWidget *self = NF_BLOCK_WIDGET (object);
  GtkWidget *child;

  self->bar = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->rects, g_array_unref);
  g_clear_object (&self->adj);
  g_clear_object (&self->layout);
  G_OBJECT_CLASS (nf_block_widget_parent_class)->dispose (object);
}

static void
allocate_rect (GtkWidget    *child,
               const NfRect *r)
{
  gtk_widget_size_allocate (child,
                            &(GtkAllocation) { (int) r->x, (int) r->y,
                                               MAX (1, (int) r->width),
                                               MAX (1, (int) r->height) },
                            -1);
}

static void
nf_block_widget_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  NfBlockWidget *self = NF_BLOCK_WIDGET (widget);
  double offset = self->scrolls ? gtk_adjustment_get_value (self->adj) : 0;

  for (guint i = 0; i < self->cards->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (self->cards, i);
      NfRect r = g_array_index (self->rects, NfRect, i);

      r.y -= offset;
      /* Cards scrolled out of the block are not drawn nor picked. */
      gtk_widget_set_child_visible (card, r.y + r.height > self->content.y &&
                                          r.y < self->content.y + self->content.height);
      allocate_rect (card, &r);
    }
  gtk_widget_set_child_visible (self->bar, self->scrolls);
  if (self->scrolls)
    {
      int bar_w;

      gtk_widget_measure (self->bar, GTK_ORIENTATION_HORIZONTAL, -1, &bar_w, NULL, NULL, NULL);
      gtk_widget_measure (self->bar, GTK_ORIENTATION_VERTICAL, -1, NULL, NULL, NULL, NULL);
      /* In the block's right padding, inside its border. */
      allocate_rect (self->bar, &(NfRect) { MAX (self->content.x + self->content.width,
                                                 width - bar_w - 1),
                                            self->content.y, MAX (1, bar_w),
                                            self->content.height });
    }
}

static void
reapply (NfBlockWidget *self,
         guint          index,
         NfCardDensity  density,
         guint          max_lines)
{
  GtkWidget *widget = g_ptr_array_index (self->cards, index);
  NfCardLayout *card = nf_note_card_get_card (NF_NOTE_CARD (widget));
  NfRect *r = &g_array_index (self->rects, NfRect, index);

  nf_card_layout_apply_density (card, self->style, r->width, nf_card_layout_get_font_size (card),
                                density, max_lines);
  gtk_widget_queue_draw (widget);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
collapse (NfBlockWidget *self)
{
  if (self->expanded < 0 || (guint) self->expanded >= self->cards->len)
    {
      self->expanded = -1;
      return;
    }
  reapply (self, (guint) self->expanded, self->grid_density, self->grid_lines);
  g_array_index (self->rects, NfRect, self->expanded).height = self->expanded_from;
  self->expanded = -1;
}

static void
expand (NfBlockWidget *self,
        guint          index)
{
  NfCardLayout *card = nf_note_card_get_card (g_ptr_array_index (self->cards, index));

  if (card == NULL || self->style == NULL || !nf_card_layout_get_truncated (card))
    return;
  self->grid_density = nf_card_layout_get_density (card);
  self->grid_lines = nf_card_layout_get_max_lines (card);
  self->expanded_from = g_array_index (self->rects, NfRect, index).height;
  self->expanded = (int) index;
  reapply (self, index, NF_CARD_COMPACT, 0);
  g_array_index (self->rects, NfRect, index).height = nf_card_layout_get_height (card);
}

/* Keeps a card being focused in sight in a block that scrolls, and
 * shows a card cut short whole while it has focus. */
static void
nf_block_widget_set_focus_child (GtkWidget *widget,
                                 GtkWidget *child)
{
  NfBlockWidget *self = NF_BLOCK_WIDGET (widget);
  guint i;

  GTK_WIDGET_CLASS (nf_block_widget_parent_class)->set_focus_child (widget, child);
  if (self->expanded >= 0 &&
      (child == NULL || (guint) self->expanded >= self->cards->len ||
       g_ptr_array_index (self->cards, self->expanded) != child))
    collapse (self);
  if (child != NULL && g_ptr_array_find (self->cards, child, &i))
    {
      if (self->scrolls)
        nf_block_widget_scroll_to_card (self, i);
      if (self->expanded < 0)
        expand (self, i);
    }
}

void
nf_block_widget_scroll_to_card (NfBlockWidget *self,
                                guint          index)
{
  const NfRect *r;
  double value, top, bottom;

  g_return_if_fail (NF_IS_BLOCK_WIDGET (self));
  if (!self->scrolls || index >= self->rects->len)
    return;
  r = &g_array_index (self->rects, NfRect, index);
  value = gtk_adjustment_get_value (self->adj);
  top = r->y - self->content.y;
  bottom = top + r->height;
  if (top < value)
    gtk_adjustment_set_value (self->adj, top);
  else if (bottom > value + self->content.height)
    gtk_adjustment_set_value (self->adj, bottom - self->content.height);
}

static gboolean
on_scroll (NfBlockWidget            *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  /* Ctrl+scroll zooms the canvas; a block that does not scroll lets the
   * canvas have it too. */
  if (!self->scrolls || (state & GDK_CONTROL_MASK) != 0)
    return FALSE;
  gtk_adjustment_set_value (self->adj, gtk_adjustment_get_value (self->adj) + dy * 40);
  return TRUE;
}

void
nf_block_widget_get_gap_line (NfBlockWidget *self,
                              guint          index,
                              NfRect        *out)
{
  double gap = self->style != NULL ? self->style->card_gap : 6;

  if (self->rects->len == 0)
    *out = (NfRect) { self->content.x, self->content.y, self->content.width, 0 };
  else if (index < self->rects->len)
    {
      const NfRect *r = &g_array_index (self->rects, NfRect, index);

      *out = (NfRect) { r->x, r->y - gap / 2, r->width, 0 };
    }
  else
    {
      const NfRect *r = &g_array_index (self->rects, NfRect, self->rects->len - 1);

      *out = (NfRect) { r->x, r->y + r->height + gap / 2, r->width, 0 };
    }
}

/* The cards of a block that scrolls stay inside its content, below
 * the title. */
static void
snapshot_children (NfBlockWidget *self,
                   GtkSnapshot   *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->scrolls)
    gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->content.x - 2, self->content.y,
                                                           self->content.width + 4,
                                                           self->content.height + 2));
  /* A card shown whole over the others goes last. */
  for (guint i = 0; i < self->cards->len; i++)
    if ((int) i != self->expanded)
      gtk_widget_snapshot_child (widget, g_ptr_array_index (self->cards, i), snapshot);
  if (self->expanded >= 0 && (guint) self->expanded < self->cards->len)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->cards, self->expanded), snapshot);
  if (self->scrolls)
    gtk_snapshot_pop (snapshot);
  gtk_widget_snapshot_child (widget, self->bar, snapshot);
}

static void
nf_block_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  NfBlockWidget *self = NF_BLOCK_WIDGET (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  NfColour accent = self->style != NULL ? self->style->accent
                                        : (NfColour) { 0.21, 0.52, 0.89, 1 };
  GdkRGBA colour = { accent.red, accent.green, accent.blue, 1 };

  if (self->drop_gap >= 0)
    {
      GdkRGBA tint = colour;
      GskRoundedRect area;
      NfRect line;

      tint.alpha = 0.12;
      gsk_rounded_rect_init_from_rect (&area, &GRAPHENE_RECT_INIT (0, 0, w, h), 6);
      gtk_snapshot_push_rounded_clip (snapshot, &area);
      gtk_snapshot_append_color (snapshot, &tint, &GRAPHENE_RECT_INIT (0, 0, w, h));
      gtk_snapshot_pop (snapshot);
      nf_block_widget_get_gap_line (self, (guint) self->drop_gap, &line);
      gtk_snapshot_append_color (snapshot, &colour,
                                 &GRAPHENE_RECT_INIT (line.x, line.y - 1.5, line.width, 3));
    }
  if (gtk_widget_has_focus (widget) || self->drop_gap >= 0)
    {
      float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colours[4] = { colour, colour, colour, colour };
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, w, h), 6);
      gtk_snapshot_append_border (snapshot, &outline, widths, colours);
    }
  snapshot_children (self, snapshot);
}

static void
nf_block_widget_class_init (NfBlockWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_block_widget_dispose;
  widget_class->size_allocate = nf_block_widget_size_allocate;
  widget_class->snapshot = nf_block_widget_snapshot;
  widget_class->set_focus_child = nf_block_widget_set_focus_child;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
  gtk_widget_class_set_css_name (widget_class, "nf-block");
}

/* A click on the title shows the block alone over the grid; on the
 * title of a block shown alone, the whole canvas again. The press is
 * the title's: the grid's own clicks (focus, double-click to add) do not
 * see it. */
static void
on_title_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  NfBlockWidget   *self)
{
  if (n_press != 1 || !nf_rect_contains_point (&self->title, x, y))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (self->alone)
    gtk_widget_activate_action (GTK_WIDGET (self), "view.unfocus-block", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "view.focus-block", "i", (gint32) self->block);
}

/* How many cards need a widget: all of a block that does not scroll;
 * of one that does, those above the bottom of its page (cards run row by
 * row there, so their tops never go up) and a margin more. */
static guint
cards_wanted (NfBlockWidget *self)
{
  double bottom;
  guint n = self->rects->len, i;

  if (!self->scrolls)
    return n;
  bottom = self->content.y + gtk_adjustment_get_value (self->adj) + self->content.height;
  for (i = 0; i < n && g_array_index (self->rects, NfRect, i).y < bottom; i++)
    ;
  return MIN (n, i + NF_BLOCK_CARD_MARGIN);
}

/* Makes the card widgets from the last made down to `n`. */
static void
make_cards (NfBlockWidget *self,
            guint          n)
{
  const char *lang;

  if (self->layout == NULL)
    return;
  n = MIN (n, nf_grid_layout_get_n_cards (self->layout, self->block));
  lang = nf_grid_layout_get_language (self->layout);
  for (guint i = self->cards->len; i < n; i++)
    {
      NfCardLayout *card = nf_grid_layout_get_card (self->layout, self->block, i, NULL);
      NfText *text = nf_note_get_text (nf_card_layout_get_note (card));
      GtkWidget *widget = nf_note_card_new ();

      n_cards_made++;
      gtk_widget_insert_before (widget, GTK_WIDGET (self), self->bar);
      g_ptr_array_add (self->cards, widget);
      nf_note_card_set_card (NF_NOTE_CARD (widget), card, self->style,
                             text != NULL ? nf_text_for_language (text, lang) : "");
    }
}

static void
on_scrolled (NfBlockWidget *self)
{
  guint wanted = cards_wanted (self);

  if (wanted > self->cards->len)
    make_cards (self, wanted);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

guint
_nf_block_widget_get_n_cards_made (void)
{
  return n_cards_made;
}

static void
nf_block_widget_init (NfBlockWidget *self)
{
  GtkEventController *scroll;
  GtkGesture *click;

  self->cards = g_ptr_array_new ();
  self->rects = g_array_new (FALSE, TRUE, sizeof (NfRect));
  self->drop_gap = -1;
  self->expanded = -1;
  self->adj = g_object_ref_sink (gtk_adjustment_new (0, 0, 1, 1, 1, 1));
  g_signal_connect_swapped (self->adj, "value-changed", G_CALLBACK (on_scrolled), self);
  self->bar = gtk_scrollbar_new (GTK_ORIENTATION_VERTICAL, self->adj);
  gtk_widget_set_parent (self->bar, GTK_WIDGET (self));
  gtk_widget_set_child_visible (self->bar, FALSE);
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_title_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (gtk_widget_queue_draw), NULL);
}

GtkWidget *
nf_block_widget_new (NfBlock block)
{
  NfBlockWidget *self;

  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, NULL);

  self = g_object_new (NF_TYPE_BLOCK_WIDGET, NULL);
  self->block = block;
  return GTK_WIDGET (self);
}

NfBlock
nf_block_widget_get_block (NfBlockWidget *self)
{
  g_return_val_if_fail (NF_IS_BLOCK_WIDGET (self), NF_BLOCK_NONE);
  return self->block;
}

void
nf_block_widget_sync (NfBlockWidget     *self,
                      NfGridLayout      *layout,
                      const NfGridStyle *style)
{
  NfCanvas *canvas;
  const char *lang;
  guint n_cards, n_notes;
  NfRect block_rect, content;
  g_autofree char *label = NULL;

  g_return_if_fail (NF_IS_BLOCK_WIDGET (self));
  g_return_if_fail (NF_IS_GRID_LAYOUT (layout));

  /* The layout has just applied every card at its place's density. */
  self->expanded = -1;
  canvas = nf_grid_layout_get_canvas (layout);
  lang = nf_grid_layout_get_language (layout);
  n_cards = nf_grid_layout_get_n_cards (layout, self->block);
  n_notes = g_list_model_get_n_items (nf_canvas_get_notes (canvas, self->block));
  self->style = style;
  nf_grid_layout_get_block_rect (layout, self->block, &block_rect);
  nf_grid_layout_get_content_rect (layout, self->block, &content);
  self->content = (NfRect) { content.x - block_rect.x, content.y - block_rect.y,
                             content.width, content.height };
  g_set_object (&self->layout, layout);
  g_array_set_size (self->rects, n_cards);
  for (guint i = 0; i < n_cards; i++)
    {
      NfRect *r = &g_array_index (self->rects, NfRect, i);

      nf_grid_layout_get_card (layout, self->block, i, r);
      r->x -= block_rect.x;
      r->y -= block_rect.y;
    }
  self->scrolls = nf_grid_layout_get_scrolls (layout, self->block);
  if (self->scrolls)
    {
      double page = content.height;
      double upper = nf_grid_layout_get_scroll_height (layout, self->block);

      /* Quietly: the cards are made below, once the offset is known. */
      g_signal_handlers_block_by_func (self->adj, on_scrolled, self);
      gtk_adjustment_configure (self->adj, CLAMP (gtk_adjustment_get_value (self->adj), 0,
                                                  MAX (0, upper - page)),
                                0, upper, 24, page * 0.9, page);
      g_signal_handlers_unblock_by_func (self->adj, on_scrolled, self);
    }
  else
    gtk_adjustment_set_value (self->adj, 0);
  {
    /* Cards already made stay (one may have focus) unless the notes are
     * gone; the first are given their new layouts. */
    guint keep = MIN (n_cards, MAX (cards_wanted (self), self->cards->len));

    /* Cards no longer needed go away, so focus never lands on a stale one. */
    while (self->cards->len > keep)
      gtk_widget_unparent (g_ptr_array_steal_index (self->cards, self->cards->len - 1));
    for (guint i = 0; i < self->cards->len; i++)
      {
        NfCardLayout *card = nf_grid_layout_get_card (layout, self->block, i, NULL);
        NfText *text = nf_note_get_text (nf_card_layout_get_note (card));

        nf_note_card_set_card (g_ptr_array_index (self->cards, i), card, style,
                               text != NULL ? nf_text_for_language (text, lang) : "");
      }
    make_cards (self, keep);
  }
  nf_grid_layout_get_title_rect (layout, self->block, &self->title);
  self->title.x -= block_rect.x;
  self->title.y -= block_rect.y;
  self->alone = nf_grid_layout_get_focus_block (layout) == self->block;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u note", "%s, %u notes", n_notes),
                           _(nf_block_title (self->block)), n_notes);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  {
    /* Translators: %u is the block's place in the canvas, 1 to 9. */
    g_autofree char *how = self->alone ? g_strdup (_("Shown alone; Escape shows the whole canvas"))
                                       : g_strdup_printf (_("Ctrl+%u shows this block alone"),
                                                          (guint) self->block + 1);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, how, -1);
  }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
nf_block_widget_get_n_cards (NfBlockWidget *self)
{
  g_return_val_if_fail (NF_IS_BLOCK_WIDGET (self), 0);
  return self->cards->len;
}

GtkWidget *
nf_block_widget_get_card (NfBlockWidget *self,
                          guint          index)
{
  g_return_val_if_fail (NF_IS_BLOCK_WIDGET (self), NULL);
  return index < self->cards->len ? g_ptr_array_index (self->cards, index) : NULL;
}

int
nf_block_widget_find_card (NfBlockWidget *self,
                           NfNote        *note)
{
  g_return_val_if_fail (NF_IS_BLOCK_WIDGET (self), -1);

  for (guint i = 0; i < self->cards->len; i++)
    if (nf_note_card_get_note (g_ptr_array_index (self->cards, i)) == note)
      return (int) i;
  /* A note further down a block that scrolls gets its card now, so that
   * searching, undoing or focusing can still reach it. */
  if (self->layout == NULL)
    return -1;
  for (guint i = self->cards->len; i < self->rects->len &&
       i < nf_grid_layout_get_n_cards (self->layout, self->block); i++)
    if (nf_card_layout_get_note (nf_grid_layout_get_card (self->layout, self->block,
                                                          i, NULL)) == note)
      {
        make_cards (self, i + 1);
        gtk_widget_queue_allocate (GTK_WIDGET (self));
        return i < self->cards->len ? (int) i : -1;
      }
  return -1;
}

guint
nf_block_widget_gap_at (NfBlockWidget *self,
                        double         y)
{
  guint gap = 0;

  g_return_val_if_fail (NF_IS_BLOCK_WIDGET (self), 0);

  /* Cards run in reading order, so those whose middle is above the point
   * come before it. */
  for (guint i = 0; i < self->rects->len; i++)
    {
      const NfRect *r = &g_array_index (self->rects, NfRect, i);

      if (r->y + r->height / 2 < y)
        gap = i + 1;
    }
  return gap;
}

void
nf_block_widget_set_drop_gap (NfBlockWidget *self,
                              int            index)
{
  g_return_if_fail (NF_IS_BLOCK_WIDGET (self));

  index = MAX (index, -1);
  if (self->drop_gap == index)
    return;
  self->drop_gap = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
nf_block_widget_get_drop_gap (NfBlockWidget *self)
{
  g_return_val_if_fail (NF_IS_BLOCK_WIDGET (self), -1);
  return self->drop_gap;
}

gboolean
nf_block_widget_get_scrolls (NfBlockWidget *self)
{
  g_return_val_if_fail (NF_IS_BLOCK_WIDGET (self), FALSE);
  return self->scrolls;
}

GtkAdjustment *
nf_block_widget_get_adjustment (NfBlockWidget *self)
{
  g_return_val_if_fail (NF_IS_BLOCK_WIDGET (self), NULL);
  return self->adj;
}
