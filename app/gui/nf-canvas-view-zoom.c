/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "nf-block-widget.h"
#include "nf-canvas-view-private.h"
#include "nf-tooltip.h"

#define ZOOM_STEP 1.25
#define ZOOM_MIN  0.5
#define ZOOM_MAX  4.0

/* Zooming scales every length and font of the style. Zoomed in, the
 * canvas is laid out at the scaled size and scrolls: fewer notes in
 * sight, larger. Zoomed out, it is laid out at the view's size with the
 * smaller style, so more of each note shows (fuller cards) in smaller
 * type. Either way it is drawn natively at the new size, so text stays
 * sharp at any zoom and on any screen scale. */
void
_nf_canvas_view_scale_style (NfCanvasView *self)
{
  NfGridStyle *style = nf_grid_style_copy (self->base_style);
  double z = self->zoom;

  self->prelaid = FALSE;

  style->title_font_size *= z;
  style->base_font_size *= z;
  style->min_font_size *= z;
  style->font_size_step *= z;
  style->margin *= z;
  style->block_gap *= z;
  style->block_padding *= z;
  style->block_radius *= z;
  style->title_gap *= z;
  style->glyph_size *= z;
  style->card_gap *= z;
  style->card_padding *= z;
  style->card_radius *= z;
  style->card_min_width *= z;
  style->evidence_edge *= z;
  style->footer_gap *= z;
  g_clear_pointer (&self->style, nf_grid_style_free);
  self->style = style;
  if (self->layout != NULL)
    nf_grid_layout_set_style (self->layout, self->style);
}

void
_nf_canvas_view_to_layout (NfCanvasView *self,
                           double       *x,
                           double       *y)
{
  *x += gtk_adjustment_get_value (self->hadj);
  *y += gtk_adjustment_get_value (self->vadj) - self->top_inset;
}

void
_nf_canvas_view_from_layout (NfCanvasView *self,
                             NfRect       *rect)
{
  rect->x -= gtk_adjustment_get_value (self->hadj);
  rect->y -= gtk_adjustment_get_value (self->vadj) - self->top_inset;
}

static void
configure (GtkAdjustment *adj,
           double         upper,
           double         page)
{
  gtk_adjustment_configure (adj,
                            CLAMP (gtk_adjustment_get_value (adj), 0, MAX (0, upper - page)),
                            0, MAX (upper, page), page * 0.1, page * 0.9, page);
}

void
_nf_canvas_view_update_scroll (NfCanvasView *self,
                               int           width,
                               int           height,
                               int          *out_width,
                               int          *out_height)
{
  *out_width = (int) round (width * MAX (self->zoom, 1.0));
  *out_height = (int) round (height * MAX (self->zoom, 1.0));
  configure (self->hadj, *out_width, width);
  configure (self->vadj, *out_height, height);
}

void
_nf_canvas_view_allocate_bars (NfCanvasView *self,
                               int           width,
                               int           height)
{
  gboolean zoomed = self->zoom > 1.0;
  int h_h = 0, v_w = 0, box_w, box_h;

  /* The zoom control, in the bottom right corner (clear of the
   * scrollbars), unless the page shows it in its toolbar. */
  if (gtk_widget_get_parent (self->zoom_box) == GTK_WIDGET (self))
    {
  gtk_widget_measure (self->zoom_box, GTK_ORIENTATION_HORIZONTAL, -1, &box_w, NULL, NULL, NULL);
  gtk_widget_measure (self->zoom_box, GTK_ORIENTATION_VERTICAL, box_w, &box_h, NULL, NULL, NULL);
  gtk_widget_size_allocate (self->zoom_box,
                            &(GtkAllocation) { MAX (0, width - box_w - 18), MAX (0, height - box_h - 16),
                                               box_w, box_h }, -1);
    }

  /* Overlay scrollbars, over the grid's margin, shown only while zoomed. */
  gtk_widget_set_child_visible (self->hbar, zoomed);
  gtk_widget_set_child_visible (self->vbar, zoomed);
  if (!zoomed)
    return;
  gtk_widget_measure (self->hbar, GTK_ORIENTATION_VERTICAL, -1, &h_h, NULL, NULL, NULL);
  gtk_widget_measure (self->vbar, GTK_ORIENTATION_HORIZONTAL, -1, &v_w, NULL, NULL, NULL);
  gtk_widget_measure (self->hbar, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_measure (self->vbar, GTK_ORIENTATION_VERTICAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (self->hbar,
                            &(GtkAllocation) { 0, height - h_h, MAX (1, width - v_w), h_h }, -1);
  gtk_widget_size_allocate (self->vbar,
                            &(GtkAllocation) { width - v_w, 0, v_w, MAX (1, height - h_h) }, -1);
}

void
_nf_canvas_view_scroll_to (NfCanvasView *self,
                           const NfRect *rect)
{
  GtkAdjustment *adjs[2] = { self->hadj, self->vadj };
  double starts[2] = { rect->x, rect->y }, sizes[2] = { rect->width, rect->height };

  for (guint i = 0; i < 2; i++)
    {
      double value = gtk_adjustment_get_value (adjs[i]);
      double page = gtk_adjustment_get_page_size (adjs[i]);
      double pad = 12;

      if (starts[i] - pad < value)
        gtk_adjustment_set_value (adjs[i], starts[i] - pad);
      else if (starts[i] + sizes[i] + pad > value + page)
        gtk_adjustment_set_value (adjs[i], MIN (starts[i] - pad, starts[i] + sizes[i] + pad - page));
    }
}

static void
update_zoom_actions (NfCanvasView *self)
{
  g_autofree char *percent = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.zoom-out", self->zoom > ZOOM_MIN + 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.zoom-fit", fabs (self->zoom - 1.0) > 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.zoom-in", self->zoom < ZOOM_MAX - 1e-6);
  gtk_widget_set_sensitive (self->zoom_out, self->zoom > ZOOM_MIN + 1e-6);
  gtk_widget_set_sensitive (self->zoom_in, self->zoom < ZOOM_MAX - 1e-6);
  /* Translators: the zoom level shown between the zoom buttons. */
  percent = g_strdup_printf (_("%d %%"), (int) round (self->zoom * 100));
  gtk_button_set_label (GTK_BUTTON (self->zoom_label), percent);
}

/* Zooms about a point of the view (the pointer, or the middle), so what
 * is under it stays there. */
static void
zoom_to (NfCanvasView *self,
         double        zoom,
         double        x,
         double        y)
{
  double lx = x, ly = y, ratio;

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (fabs (zoom - self->zoom) < 1e-6)
    return;
  _nf_canvas_view_to_layout (self, &lx, &ly);
  /* The layout grows only past 1; below it the view is the layout. */
  ratio = MAX (zoom, 1.0) / MAX (self->zoom, 1.0);
  self->zoom = zoom;
  _nf_canvas_view_scale_style (self);
  {
    int w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));
    int lw, lh;

    _nf_canvas_view_update_scroll (self, w, h, &lw, &lh);
    gtk_adjustment_set_value (self->hadj, lx * ratio - x);
    gtk_adjustment_set_value (self->vadj, ly * ratio - y);
  }
  self->dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_zoom_actions (self);
}

static void
zoom_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  double zoom = g_str_equal (action_name, "view.zoom-in") ? self->zoom * ZOOM_STEP
              : g_str_equal (action_name, "view.zoom-out") ? self->zoom / ZOOM_STEP
              : 1.0;

  /* Snap to fit when a step lands close to it. */
  if (fabs (zoom - 1.0) < 0.05)
    zoom = 1.0;
  zoom_to (self, zoom, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static gboolean
on_scroll (NfCanvasView             *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) != 0)
    {
      GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
      double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      double y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

      if (event != NULL)
        {
          double ex, ey;

          if (gdk_event_get_position (event, &ex, &ey))
            {
              graphene_point_t p;
              GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));

              if (gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                            &GRAPHENE_POINT_INIT (ex, ey), &p))
                {
                  x = p.x;
                  y = p.y;
                }
            }
        }
      zoom_to (self, self->zoom * pow (ZOOM_STEP, -dy), x, y);
      return TRUE;
    }
  if (self->zoom <= 1.0 + 1e-6)
    return FALSE;
  gtk_adjustment_set_value (self->hadj, gtk_adjustment_get_value (self->hadj) + dx * 40);
  gtk_adjustment_set_value (self->vadj, gtk_adjustment_get_value (self->vadj) + dy * 40);
  return TRUE;
}

static void
on_scrolled (NfCanvasView *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The control may live outside the view (an editor page puts it in its
 * toolbar), where the view's actions cannot be reached by name: each
 * button activates its action on the view, and follows its state. */
static void
on_zoom_clicked (GtkButton    *button,
                 NfCanvasView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), g_object_get_data (G_OBJECT (button), "nf-action"),
                              NULL);
}

static GtkWidget *
zoom_button (NfCanvasView *self,
             const char   *icon,
             const char   *label,
             const char   *action)
{
  GtkWidget *button = icon != NULL ? gtk_button_new_from_icon_name (icon)
                                   : gtk_button_new_with_label ("100 %");

  gtk_widget_add_css_class (button, "flat");
  nf_tooltip_set_text_unparented (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "nf-action", (gpointer) action);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_zoom_clicked), self, 0);
  gtk_widget_set_focus_on_click (button, FALSE);
  return button;
}

/* − 100 % + and, while a block is shown alone, a way back: an OSD bar
 * over the corner of the grid, as image viewers have. */
static void
build_zoom_box (NfCanvasView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "osd");
  gtk_widget_add_css_class (box, "toolbar");
  gtk_widget_add_css_class (box, "nf-zoom-control");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Zoom"), -1);
  self->back_button = zoom_button (self, "go-previous-symbolic", _("Show the Whole Canvas"),
                                   "view.unfocus-block");
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_box_append (GTK_BOX (box), self->back_button);
  self->zoom_out = zoom_button (self, "zoom-out-symbolic", _("Zoom Out"), "view.zoom-out");
  gtk_box_append (GTK_BOX (box), self->zoom_out);
  self->zoom_label = zoom_button (self, NULL, _("Fit to Window"), "view.zoom-fit");
  gtk_widget_add_css_class (self->zoom_label, "numeric");
  gtk_box_append (GTK_BOX (box), self->zoom_label);
  self->zoom_in = zoom_button (self, "zoom-in-symbolic", _("Zoom In"), "view.zoom-in");
  gtk_box_append (GTK_BOX (box), self->zoom_in);
  /* The view keeps a reference: the control may move to a page's
   * toolbar and go with the page, while the view still updates it. */
  self->zoom_box = g_object_ref_sink (box);
  gtk_widget_set_parent (box, GTK_WIDGET (self));
}

void
_nf_canvas_view_focus_block (NfCanvasView *self,
                             NfBlock       block)
{
  NfGridLayout *layout = self->layout;
  GtkWidget *target;

  if (layout == NULL || nf_grid_layout_get_focus_block (layout) == block)
    return;
  if (self->editor != NULL)
    _nf_canvas_view_close_editor (self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  nf_grid_layout_set_focus_block (layout, block);
  gtk_adjustment_set_value (self->hadj, 0);
  gtk_adjustment_set_value (self->vadj, 0);
  self->dirty = TRUE;
  _nf_canvas_view_sync (self);
  gtk_widget_set_visible (self->back_button, block != NF_BLOCK_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.unfocus-block", block != NF_BLOCK_NONE);
  target = self->blocks[block != NF_BLOCK_NONE ? block : self->current_block];
  if (block != NF_BLOCK_NONE)
    {
      self->current_block = block;
      if (nf_block_widget_get_n_cards (NF_BLOCK_WIDGET (target)) > 0)
        target = nf_block_widget_get_card (NF_BLOCK_WIDGET (target), 0);
    }
  gtk_widget_grab_focus (target);
}

static void
focus_block_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  int block = g_variant_get_int32 (parameter);

  if (block >= 0 && block < NF_N_BLOCKS)
    _nf_canvas_view_focus_block (self, (NfBlock) block);
}

static void
unfocus_block_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _nf_canvas_view_focus_block (NF_CANVAS_VIEW (widget), NF_BLOCK_NONE);
}

/* Escape leaves a block shown alone (after clearing a selection, which
 * the input's own Escape does first). */
static gboolean
escape_pressed (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);

  if (self->layout == NULL || nf_grid_layout_get_focus_block (self->layout) == NF_BLOCK_NONE)
    return FALSE;
  _nf_canvas_view_focus_block (self, NF_BLOCK_NONE);
  return TRUE;
}

void
_nf_canvas_view_init_zoom (NfCanvasView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.unfocus-block", FALSE);
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  self->zoom = 1.0;
  self->hadj = g_object_ref_sink (gtk_adjustment_new (0, 0, 1, 1, 1, 1));
  self->vadj = g_object_ref_sink (gtk_adjustment_new (0, 0, 1, 1, 1, 1));
  g_signal_connect_object (self->hadj, "value-changed", G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vadj, "value-changed", G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
  self->hbar = gtk_scrollbar_new (GTK_ORIENTATION_HORIZONTAL, self->hadj);
  self->vbar = gtk_scrollbar_new (GTK_ORIENTATION_VERTICAL, self->vadj);
  gtk_widget_set_parent (self->hbar, GTK_WIDGET (self));
  gtk_widget_set_parent (self->vbar, GTK_WIDGET (self));
  gtk_widget_set_child_visible (self->hbar, FALSE);
  gtk_widget_set_child_visible (self->vbar, FALSE);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_scroll), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  build_zoom_box (self);
  update_zoom_actions (self);
}

void
_nf_canvas_view_class_init_zoom (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "view.zoom-out", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "view.zoom-fit", NULL, zoom_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "view.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "view.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "view.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "view.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "view.zoom-fit", NULL);

  gtk_widget_class_install_action (widget_class, "view.focus-block", "i", focus_block_activated);
  gtk_widget_class_install_action (widget_class, "view.unfocus-block", NULL, unfocus_block_activated);
  /* Ctrl+1 … Ctrl+9: the blocks in canvas order (NfBlock's). Not Alt:
   * the tab view takes Alt+1 … Alt+9 to switch tabs, first. */
  for (int b = 0; b < NF_N_BLOCKS; b++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + b, GDK_CONTROL_MASK,
                                           "view.focus-block", "i", b);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1 + b, GDK_CONTROL_MASK,
                                           "view.focus-block", "i", b);
    }
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_pressed, NULL);
}

GtkWidget *
nf_canvas_view_take_zoom_control (NfCanvasView *self)
{
  GtkWidget *box;

  g_return_val_if_fail (NF_IS_CANVAS_VIEW (self), NULL);
  g_return_val_if_fail (gtk_widget_get_parent (self->zoom_box) == GTK_WIDGET (self), NULL);

  box = g_object_ref (self->zoom_box);
  gtk_widget_unparent (box);
  /* No taller than the view switcher beside it, so the canvas keeps its
   * height. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_data (css, "button { min-height: 20px; padding-top: 2px; "
                                     "padding-bottom: 2px; }", -1);
    for (GtkWidget *b = gtk_widget_get_first_child (box); b != NULL; b = gtk_widget_get_next_sibling (b))
      gtk_style_context_add_provider (gtk_widget_get_style_context (b), GTK_STYLE_PROVIDER (css),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  /* Plain buttons in a toolbar that already pads them. */
  gtk_widget_remove_css_class (box, "osd");
  gtk_widget_remove_css_class (box, "toolbar");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  return box;
}

double
nf_canvas_view_get_zoom (NfCanvasView *self)
{
  g_return_val_if_fail (NF_IS_CANVAS_VIEW (self), 1.0);
  return self->zoom;
}
