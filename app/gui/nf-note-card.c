/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-note-card"

#include "config.h"

#include <glib/gi18n.h>

#include "nf-canvas-view.h"
#include "nf-conflict-words.h"
#include "nf-card-cache.h"
#include "nf-grid-renderer.h"
#include "nf-merge.h"
#include "nf-note-card.h"
#include "nf-snapshot-pixels.h"
#include "nf-tooltip.h"

struct _NfNoteCard
{
  GtkWidget          parent_instance;
  NfNote            *note;
  NfCardLayout      *card;
  const NfGridStyle *style;     /* the view's; it outlives its cards */
  gboolean           selected;
  char              *text;      /* as shown, whole, for the tooltip */
  char              *description;  /* evidence, tags and source, as told */
  NfConflictSide     conflict;  /* which version of a merge's conflict it is */

  /* The card's pixels at the screen's scale, drawn once per change of
   * what they show, and the texture made of them where the renderer
   * wants one: a frame that draws the card again costs a blit, not a
   * rasterisation. */
  NfCardCache       *cache;
  cairo_surface_t   *pixels;
  GdkTexture        *texture;
};

G_DEFINE_FINAL_TYPE (NfNoteCard, nf_note_card, GTK_TYPE_WIDGET)

static void draw_conflict_mark (NfNoteCard  *self,
                                GtkSnapshot *snapshot,
                                int          w,
                                int          h);

static void
nf_note_card_dispose (GObject *object)
{
  NfNoteCard *self = NF_NOTE_CARD (object);

  g_clear_object (&self->note);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_object (&self->card);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->pixels, cairo_surface_destroy);
  g_clear_object (&self->cache);
  G_OBJECT_CLASS (nf_note_card_parent_class)->dispose (object);
}

/* The card's rounded shape, `inset` inside it (outside when negative). */
static void
rounded (cairo_t *cr,
         double   inset,
         double   radius,
         int      w,
         int      h)
{
  double x = inset, y = inset, rw = w - 2 * inset, rh = h - 2 * inset;
  double r = MAX (0, MIN (radius - inset, MIN (rw, rh) / 2));

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + rw - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + rw - r, y + rh - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + rh - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
ring (cairo_t        *cr,
      const NfColour *colour,
      double          width,
      double          inset,
      double          radius,
      int             w,
      int             h)
{
  rounded (cr, inset, radius, w, h);
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
nf_note_card_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  NfNoteCard *self = NF_NOTE_CARD (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  cairo_surface_t *pixels;
  NfRect rect;
  cairo_t *cr;

  if (self->card == NULL || self->style == NULL || w <= 0 || h <= 0)
    return;

  /* One card per widget: a budget of nothing keeps just the last one.
   * Start-up may have drawn the card already (nf-application.c). */
  if (self->cache == NULL)
    self->cache = nf_card_cache_take_offered (self->card);
  if (self->cache == NULL)
    self->cache = nf_card_cache_new (0);
  pixels = nf_card_cache_get_pixels (self->cache, self->card, self->style, scale, &rect);
  if (pixels != NULL && pixels != self->pixels)
    {
      g_clear_pointer (&self->pixels, cairo_surface_destroy);
      self->pixels = cairo_surface_reference (pixels);
      g_clear_object (&self->texture);
    }
  /* The image has one pixel per device pixel and starts on one, since a
   * widget sits at whole logical pixels: it maps one to one. */
  if (pixels != NULL)
    nf_snapshot_append_pixels (snapshot, self->pixels, &self->texture,
                               &GRAPHENE_RECT_INIT (rect.x, rect.y, rect.width, rect.height),
                               nf_snapshot_paints_directly (widget));
  draw_conflict_mark (self, snapshot, w, h);
  if (pixels != NULL && !self->selected && !gtk_widget_has_focus (widget))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (-4, -4, w + 8, h + 8));
  if (pixels == NULL)
    nf_card_render (cr, self->card, self->style);
  /* The accent ring sits on a ring of the canvas background, so it stands
   * out from any note colour and from the block in both palettes. */
  if (self->selected)
    {
      NfColour tint = self->style->accent;

      tint.alpha = 0.18;
      rounded (cr, 0, self->style->card_radius, w, h);
      cairo_set_source_rgba (cr, tint.red, tint.green, tint.blue, tint.alpha);
      cairo_fill (cr);
      ring (cr, &self->style->accent, 2, 1, self->style->card_radius, w, h);
    }
  if (gtk_widget_has_focus (widget))
    {
      ring (cr, &self->style->background, 4, -2, self->style->card_radius, w, h);
      ring (cr, &self->style->accent, 2, -2, self->style->card_radius, w, h);
    }
  cairo_destroy (cr);
}

static GdkContentProvider *
drag_prepare (NfNoteCard    *self,
              double         x,
              double         y,
              GtkDragSource *source)
{
  if (self->note == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_STRING, nf_note_get_id (self->note));
}

static void
drag_begin (NfNoteCard    *self,
            GdkDrag       *drag,
            GtkDragSource *source)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, 0, 0);
}


/* A version of a note that a merge left in conflict: a ring in the
 * warning colour and a badge with "!" at the top right corner, drawn
 * over the cached card (the PDF of a canvas shows no conflicts). */
static void
draw_conflict_mark (NfNoteCard  *self,
                    GtkSnapshot *snapshot,
                    int          w,
                    int          h)
{
  /* GNOME's orange, lighter on a dark canvas. */
  gboolean dark = self->style->background.red + self->style->background.green +
                  self->style->background.blue < 1.5;
  NfColour warn = dark ? (NfColour) { 1.0, 0.639, 0.282, 1.0 } : (NfColour) { 0.902, 0.380, 0.0, 1.0 };
  double r = 7, cx = w - 2, cy = 2;
  cairo_t *cr;

  if (self->conflict == NF_CONFLICT_SIDE_NONE)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (-4, -8, w + 12, h + 12));
  cairo_set_dash (cr, (double[]) { 5, 3 }, 2, 0);
  ring (cr, &warn, 2, 1, self->style->card_radius, w, h);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_arc (cr, cx, cy, r + 1.5, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, self->style->background.red, self->style->background.green,
                         self->style->background.blue, 1);
  cairo_fill (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, warn.red, warn.green, warn.blue, 1);
  cairo_fill (cr);
  /* The "!" as a bar and a dot, so the badge needs no font. */
  cairo_set_source_rgba (cr, 1, 1, 1, 1);
  cairo_rectangle (cr, cx - 1, cy - 4.5, 2, 5.5);
  cairo_fill (cr);
  cairo_arc (cr, cx, cy + 3, 1.1, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
}

/* Which version of a merge's conflict the card's note is. */
static NfConflictSide
conflict_side (NfNoteCard *self,
               NfCanvas   *canvas,
               gboolean   *out_other_deleted)
{
  const NfConflict *c;

  if (canvas == NULL || self->note == NULL || nf_canvas_get_n_conflicts (canvas) == 0)
    return NF_CONFLICT_SIDE_NONE;
  c = nf_canvas_find_conflict (canvas, NF_CONFLICT_NOTE, nf_note_get_id (self->note), NULL);
  if (c == NULL)
    return NF_CONFLICT_SIDE_NONE;
  if (out_other_deleted != NULL)
    *out_other_deleted = c->ours == NULL || c->theirs == NULL;
  return nf_conflict_is_ours (c, nf_note_get_id (self->note)) ? NF_CONFLICT_SIDE_OURS
                                                              : NF_CONFLICT_SIDE_THEIRS;
}

static char *
describe_conflict (NfConflictSide side,
                   gboolean       other_deleted)
{
  if (side == NF_CONFLICT_SIDE_OURS)
    return g_strdup (other_deleted ? _("Conflict: ours, which they deleted")
                                   : _("Conflict: ours, beside their version"));
  return g_strdup (other_deleted ? _("Conflict: theirs, which we deleted")
                                 : _("Conflict: theirs, beside our version"));
}

/* What a card says besides its text: a conflict, evidence, tags and the
 * cited source, for the tooltip and for screen readers; NULL for nothing. */
static char *
describe (NfNoteCard *self,
          gboolean    lines)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), NF_TYPE_CANVAS_VIEW);
  NfCanvas *canvas = view != NULL ? nf_canvas_view_get_canvas (NF_CANVAS_VIEW (view)) : NULL;
  const char * const *tags = nf_note_get_tags (self->note);
  const char *cite = nf_note_get_cite_source (self->note);
  const char *sep = lines ? "\n" : ". ";
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean other_deleted = FALSE;
  char *conflicts = nf_describe_note_conflicts (self->note, canvas);

  self->conflict = conflict_side (self, canvas, &other_deleted);
  if (self->conflict != NF_CONFLICT_SIDE_NONE)
    g_ptr_array_add (parts, describe_conflict (self->conflict, other_deleted));
  if (conflicts != NULL)
    g_ptr_array_add (parts, conflicts);
  if (nf_note_get_evidence (self->note) != NF_EVIDENCE_NONE)
    g_ptr_array_add (parts, g_strdup_printf (_("Evidence: %s"),
                                             nf_evidence_title (nf_note_get_evidence (self->note))));
  if (tags != NULL && tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) tags);

      g_ptr_array_add (parts, g_strdup_printf (_("Tags: %s"), joined));
    }
  if (cite != NULL)
    {
      NfSource *source = canvas != NULL ? nf_canvas_find_source (canvas, cite) : NULL;
      const char *title = source != NULL && nf_source_get_title (source) != NULL &&
                          *nf_source_get_title (source) != '\0' ? nf_source_get_title (source) : cite;

      if (nf_note_get_cite_line_end (self->note) > nf_note_get_cite_line (self->note))
        g_ptr_array_add (parts, g_strdup_printf (_("Source: %s, lines %u–%u"), title,
                                                 nf_note_get_cite_line (self->note),
                                                 nf_note_get_cite_line_end (self->note)));
      else if (nf_note_get_cite_line (self->note) > 0)
        g_ptr_array_add (parts, g_strdup_printf (_("Source: %s, line %u"), title,
                                                 nf_note_get_cite_line (self->note)));
      else
        g_ptr_array_add (parts, g_strdup_printf (_("Source: %s"), title));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (sep, (char **) parts->pdata);
}

/* The whole text (a compact card may cut it short), then the details;
 * all of it is the file's data, so escaped. */
char *
nf_note_card_get_tooltip_markup (NfNoteCard *self)
{
  g_autofree char *details = NULL, *text = NULL;

  g_return_val_if_fail (NF_IS_NOTE_CARD (self), NULL);

  if (self->note == NULL || self->text == NULL)
    return NULL;
  details = describe (self, TRUE);
  text = g_markup_escape_text (self->text, -1);
  if (details != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (details, -1);

      return g_strdup_printf ("%s\n<small>%s</small>", text, escaped);
    }
  return g_steal_pointer (&text);
}

static gboolean
on_query_tooltip (NfNoteCard *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  g_autofree char *markup = nf_note_card_get_tooltip_markup (self);

  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_custom (tooltip, nf_tooltip_label_new (markup));
  return TRUE;
}

GtkWidget *
nf_note_card_new_tooltip_label (NfNoteCard *self)
{
  g_autofree char *markup = NULL;

  g_return_val_if_fail (NF_IS_NOTE_CARD (self), NULL);

  markup = nf_note_card_get_tooltip_markup (self);
  return markup != NULL ? nf_tooltip_label_new (markup) : NULL;
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
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_VISIBLE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  /* The ring is drawn here, not by CSS, so a focus change must redraw. */
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (gtk_widget_queue_draw), NULL);
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));
}

GtkWidget *
nf_note_card_new (void)
{
  return g_object_new (NF_TYPE_NOTE_CARD, NULL);
}

void
nf_note_card_set_card (NfNoteCard        *self,
                       NfCardLayout      *card,
                       const NfGridStyle *style,
                       const char        *label)
{
  g_return_if_fail (NF_IS_NOTE_CARD (self));
  g_return_if_fail (NF_IS_CARD_LAYOUT (card));

  g_set_object (&self->card, card);
  g_set_object (&self->note, nf_card_layout_get_note (card));
  self->style = style;
  {
    g_autofree char *description = describe (self, FALSE);

    if (description == NULL)
      description = g_strdup ("");
    /* A layout syncs every card: only what changed goes to the
     * accessibility tree, which tells assistive technologies. */
    if (g_strcmp0 (self->text, label != NULL ? label : "") != 0 ||
        g_strcmp0 (self->description, description) != 0)
      {
        g_free (self->text);
        self->text = g_strdup (label != NULL ? label : "");
        g_free (self->description);
        self->description = g_steal_pointer (&description);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, self->text,
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                        -1);
      }
  }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

NfConflictSide
nf_note_card_get_conflict (NfNoteCard *self)
{
  g_return_val_if_fail (NF_IS_NOTE_CARD (self), NF_CONFLICT_SIDE_NONE);
  return self->conflict;
}

NfNote *
nf_note_card_get_note (NfNoteCard *self)
{
  g_return_val_if_fail (NF_IS_NOTE_CARD (self), NULL);
  return self->note;
}

NfCardLayout *
nf_note_card_get_card (NfNoteCard *self)
{
  g_return_val_if_fail (NF_IS_NOTE_CARD (self), NULL);
  return self->card;
}

gboolean
nf_note_card_get_selected (NfNoteCard *self)
{
  g_return_val_if_fail (NF_IS_NOTE_CARD (self), FALSE);
  return self->selected;
}

void
nf_note_card_set_selected (NfNoteCard *self,
                           gboolean    selected)
{
  g_return_if_fail (NF_IS_NOTE_CARD (self));

  selected = !!selected;
  if (self->selected == selected)
    return;
  self->selected = selected;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

NfCardCache *
_nf_note_card_get_cache (NfNoteCard *self)
{
  g_return_val_if_fail (NF_IS_NOTE_CARD (self), NULL);
  return self->cache;
}
