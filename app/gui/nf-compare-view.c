/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-compare-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <nf-compare-renderer.h>

#include "nf-compare-view.h"
#include "nf-conflict-words.h"
#include "nf-gui-resources-private.h"
#include "nf-themes-view.h"
#include "nf-tooltip.h"

struct _NfCompareView
{
  GtkWidget         parent_instance;

  NfCanvas         *canvases[NF_DIFF_MAX_CANVASES];
  guint             n_canvases;
  NfCompareLayout  *layout;
  NfCompareMetrics *metrics;
  NfGridStyle      *style;

  gboolean          differences_only;
  gboolean          show_themes;
  int               block;
  char             *language;      /* "" for the notes' own text */

  double            laid_out_width;
  double            pending_width;    /* what the drawing area was given */
  gboolean          stale;            /* options or canvases changed */
  gboolean          ready;            /* the layouts have been allocated */
  guint             relayout_source;
  GPtrArray        *row_widgets;
  GPtrArray        *cell_widgets;
  GPtrArray        *metric_widgets;
  GPtrArray        *column_widgets;

  GtkWidget        *toolbar;
  GtkDropDown      *block_dropdown;
  GtkDropDown      *language_dropdown;
  GtkWidget        *diff_label;
  GtkWidget        *diff_switch;
  GtkWidget        *scroller;
  GtkDrawingArea   *header_area;
  GtkWidget        *header_fixed;
  GtkDrawingArea   *legend_area;
  GtkDrawingArea   *compare_area;
  GtkWidget        *cells_fixed;
  GtkDrawingArea   *metrics_area;
  GtkWidget        *metrics_fixed;
  GtkStack         *pages;
  GtkWidget        *themes_page;
  GtkWidget        *themes_button;
  GtkWidget        *pinned_heading;
  GtkWidget        *themes_view;      /* made when first shown */
};

G_DEFINE_FINAL_TYPE (NfCompareView, nf_compare_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DIFFERENCES_ONLY,
  PROP_BLOCK,
  PROP_LANGUAGE,
  PROP_SHOW_THEMES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The language choices, in the drop-down's order. */
static const char * const languages[] = { "", "en", "zh" };

static gboolean relayout_idle (gpointer user_data);

static void
invalidate (NfCompareView *self)
{
  self->stale = TRUE;
  if (self->pending_width > 0 && self->relayout_source == 0)
    self->relayout_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, relayout_idle, self, NULL);
}

/* A focusable stand-in for part of the drawing, so screen readers and the
 * keyboard can reach what GTK 4.8 cannot expose inside one widget. */
static GtkWidget *
focus_child (GtkWidget    *fixed,
             const NfRect *rect,
             const char   *label)
{
  GtkWidget *child = g_object_new (GTK_TYPE_BOX,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                   "focusable", TRUE,
                                   "width-request", (int) MAX (1, floor (rect->width)),
                                   "height-request", (int) MAX (1, floor (rect->height)),
                                   "tooltip-text", NULL,
                                   NULL);

  gtk_widget_add_css_class (child, "nf-compare-focus");
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_fixed_put (GTK_FIXED (fixed), child, rect->x, rect->y);
  return child;
}

/* What hovering a card says: what its mark means, for a near match which
 * note of which company it matches and how closely, and, for a note
 * marked as conflicting, with what. */
char *
nf_compare_view_describe_card (NfCompareView *self,
                               guint          row,
                               guint          canvas,
                               guint          card)
{
  NfNote *note;
  g_autofree char *mark = NULL;
  g_autofree char *conflicts = NULL;

  g_return_val_if_fail (NF_IS_COMPARE_VIEW (self), NULL);
  g_return_val_if_fail (canvas < self->n_canvases, NULL);

  note = nf_compare_layout_get_card_note (self->layout, row, canvas, card, NULL, NULL);
  mark = nf_compare_layout_describe_card (self->layout, row, canvas, card);
  conflicts = note != NULL ? nf_describe_note_conflicts (note, self->canvases[canvas]) : NULL;
  if (mark != NULL && conflicts != NULL)
    return g_strconcat (mark, "\n", conflicts, NULL);
  return mark != NULL ? g_steal_pointer (&mark) : g_steal_pointer (&conflicts);
}

static gboolean
compare_query_tooltip (NfCompareView *self,
                       int            x,
                       int            y,
                       gboolean       keyboard,
                       GtkTooltip    *tooltip)
{
  if (keyboard || !self->ready)
    return FALSE;
  for (guint row = 0; row < nf_compare_layout_get_n_rows (self->layout); row++)
    for (guint canvas = 0; canvas < self->n_canvases; canvas++)
      for (guint k = 0; k < nf_compare_layout_get_n_cards (self->layout, row, canvas); k++)
        {
          NfRect r;
          g_autofree char *text = NULL;
          g_autofree char *escaped = NULL;

          nf_compare_layout_get_card_note (self->layout, row, canvas, k, NULL, &r);
          if (x < r.x || y < r.y || x >= r.x + r.width || y >= r.y + r.height)
            continue;
          text = nf_compare_view_describe_card (self, row, canvas, k);
          if (text == NULL)
            return FALSE;
          escaped = g_markup_escape_text (text, -1);
          nf_tooltip_set_wrapped_markup (tooltip, escaped);
          gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) r.x, (int) r.y,
                                                               (int) r.width, (int) r.height });
          return TRUE;
        }
  return FALSE;
}

/* What a cell's notes are marked as conflicting with, for a screen
 * reader, which reaches the cell but not each card drawn in it; NULL for
 * none. */
static char *
describe_cell_conflicts (NfCompareView *self,
                         guint          row,
                         guint          canvas)
{
  g_autoptr(GString) out = NULL;

  for (guint k = 0; k < nf_compare_layout_get_n_cards (self->layout, row, canvas); k++)
    {
      NfNote *note = nf_compare_layout_get_card_note (self->layout, row, canvas, k, NULL, NULL);
      g_autofree char *conflicts = note != NULL ? nf_describe_note_conflicts (note, self->canvases[canvas])
                                                : NULL;
      const char *text;
      g_autofree char *start = NULL;

      if (conflicts == NULL)
        continue;
      text = nf_text_get (nf_note_get_text (note));
      start = g_utf8_strlen (text, -1) > 40 ? g_utf8_substring (text, 0, 40) : g_strdup (text);
      if (out == NULL)
        out = g_string_new (NULL);
      else
        g_string_append (out, " ");
      /* TRANSLATORS: a note's id and the start of its text, then what it conflicts with,
       * e.g. "n17 (“Leasing revenue…”): ⚠ Conflicts with n81 (“…”)." */
      g_string_append_printf (out, _("%s (“%s%s”): %s."), nf_note_get_id (note), start,
                              g_utf8_strlen (text, -1) > 40 ? "…" : "", conflicts);
    }
  return out != NULL ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static void
clear_children (GtkWidget *fixed,
                GPtrArray *widgets)
{
  for (guint i = 0; i < widgets->len; i++)
    gtk_fixed_remove (GTK_FIXED (fixed), g_ptr_array_index (widgets, i));
  g_ptr_array_set_size (widgets, 0);
}

static void
rebuild_children (NfCompareView *self)
{
  guint n_rows = nf_compare_layout_get_n_rows (self->layout);

  clear_children (self->cells_fixed, self->row_widgets);
  clear_children (self->cells_fixed, self->cell_widgets);
  clear_children (self->metrics_fixed, self->metric_widgets);
  clear_children (self->header_fixed, self->column_widgets);

  for (guint c = 0; c < self->n_canvases; c++)
    {
      g_autofree char *label = NULL;
      guint total = 0;
      NfRect rect;

      for (guint r = 0; r < n_rows; r++)
        {
          NfCompareCellSummary summary;

          nf_compare_layout_get_cell_summary (self->layout, r, c, &summary);
          total += summary.n_notes;
        }
      /* Translators: a column of the comparison, "Alibaba: 42 notes shown" */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u note shown", "%s: %u notes shown", total),
                               nf_compare_layout_get_canvas_name (self->layout, c), total);
      nf_compare_layout_get_column_rect (self->layout, c, &rect);
      g_ptr_array_add (self->column_widgets, focus_child (self->header_fixed, &rect, label));
    }

  for (guint r = 0; r < n_rows; r++)
    {
      NfBlock block = nf_compare_layout_get_row_block (self->layout, r);
      g_autoptr(GString) label = g_string_new (nf_block_title (block));
      guint total = 0;
      NfRect rect;

      for (guint c = 0; c < self->n_canvases; c++)
        {
          NfCompareCellSummary summary;

          nf_compare_layout_get_cell_summary (self->layout, r, c, &summary);
          total += summary.n_notes;
        }
      g_string_append (label, ": ");
      g_string_append_printf (label, g_dngettext (GETTEXT_PACKAGE, "%u note in %u canvases",
                                                  "%u notes in %u canvases", total),
                              total, self->n_canvases);
      nf_compare_layout_get_title_rect (self->layout, r, &rect);
      g_ptr_array_add (self->row_widgets, focus_child (self->cells_fixed, &rect, label->str));
      for (guint c = 0; c < self->n_canvases; c++)
        {
          g_autofree char *text = nf_compare_layout_describe_cell (self->layout, r, c);
          g_autofree char *conflicts = describe_cell_conflicts (self, r, c);
          GtkWidget *cell;

          nf_compare_layout_get_cell_rect (self->layout, r, c, &rect);
          cell = focus_child (self->cells_fixed, &rect, text);
          if (conflicts != NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                            conflicts, -1);
          g_ptr_array_add (self->cell_widgets, cell);
        }
    }
  for (guint r = 0; r < nf_compare_metrics_get_n_rows (self->metrics); r++)
    {
      g_autofree char *text = nf_compare_metrics_describe_row (self->metrics, r);
      NfRect rect;

      nf_compare_metrics_get_row (self->metrics, r, &rect);
      g_ptr_array_add (self->metric_widgets, focus_child (self->metrics_fixed, &rect, text));
    }
}

/* The block whose title band has scrolled out of sight while its cards
 * are still in view keeps its name pinned at the top. The heading has a
 * height of its own: while the next block's title comes up under it, or
 * the block's own title still shows below it, it would be drawn over a
 * title, so it waits. */
static void
update_pinned (NfCompareView *self)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double top = gtk_adjustment_get_value (vadj);
  double offset = gtk_widget_get_height (GTK_WIDGET (self->legend_area));
  const char *title = NULL;
  int height = 0;
  NfRect row, band;
  guint r;

  for (r = 0; self->ready && r < nf_compare_layout_get_n_rows (self->layout); r++)
    {
      nf_compare_layout_get_row_rect (self->layout, r, &row);
      nf_compare_layout_get_title_rect (self->layout, r, &band);
      if (band.y + offset < top && row.y + row.height + offset > top)
        {
          title = nf_block_title (nf_compare_layout_get_row_block (self->layout, r));
          break;
        }
    }
  if (title != NULL)
    {
      /* Measured shown and with its text: a hidden widget measures 0. */
      gtk_label_set_text (GTK_LABEL (self->pinned_heading), title);
      gtk_widget_set_visible (self->pinned_heading, TRUE);
      gtk_widget_measure (self->pinned_heading, GTK_ORIENTATION_VERTICAL,
                          gtk_widget_get_width (self->scroller), NULL, &height, NULL, NULL);
      /* The next title starts below this row's bottom. */
      if (row.y + row.height + offset < top + height || band.y + band.height + offset > top + height)
        title = NULL;
    }
  gtk_widget_set_visible (self->pinned_heading, title != NULL);
}

GtkWidget *
nf_compare_view_get_pinned_heading (NfCompareView *self)
{
  g_assert (NF_IS_COMPARE_VIEW (self));
  return self->pinned_heading;
}

GtkWidget *
nf_compare_view_get_scroller (NfCompareView *self)
{
  g_assert (NF_IS_COMPARE_VIEW (self));
  return self->scroller;
}

GtkWidget *
nf_compare_view_get_header (NfCompareView *self)
{
  g_assert (NF_IS_COMPARE_VIEW (self));
  return GTK_WIDGET (self->header_area);
}

GtkWidget *
nf_compare_view_get_themes_view (NfCompareView *self)
{
  g_assert (NF_IS_COMPARE_VIEW (self));
  return self->themes_view;
}

/* Lays both parts out at the width the scroller gives them; heights follow. */
static void
relayout (NfCompareView *self,
          double         width)
{
  const char *lang = self->language[0] != '\0' ? self->language : NULL;

  if (width <= 0 || (width == self->laid_out_width && !self->stale))
    return;
  self->laid_out_width = width;
  self->stale = FALSE;
  self->ready = TRUE;
  nf_compare_layout_set_differences_only (self->layout, self->differences_only);
  nf_compare_layout_set_block (self->layout, self->block);
  nf_compare_layout_set_language (self->layout, lang);
  nf_compare_layout_allocate (self->layout, self->style, width, 0);
  nf_compare_metrics_set_language (self->metrics, lang);
  /* Between versions, differences only leaves out the figures that stayed. */
  nf_compare_metrics_set_hide_unchanged (self->metrics, self->differences_only &&
                                         nf_diff_is_versions (nf_compare_layout_get_diff (self->layout)));
  nf_compare_metrics_allocate (self->metrics, self->style, width, 0);

  {
    NfRect header;

    nf_compare_layout_get_header_rect (self->layout, &header);
    gtk_drawing_area_set_content_height (self->header_area,
                                         (int) ceil (header.y + header.height + self->style->margin / 2));
  }
  gtk_drawing_area_set_content_height (self->compare_area,
                                       (int) ceil (nf_compare_layout_get_height (self->layout)));
  gtk_drawing_area_set_content_height (self->metrics_area,
                                       (int) ceil (nf_compare_metrics_get_height (self->metrics)));
  gtk_drawing_area_set_content_height (self->legend_area,
                                       (int) ceil (nf_compare_legend_measure (
                                         nf_diff_is_versions (nf_compare_layout_get_diff (self->layout)),
                                         self->style, width - 2 * self->style->margin) + self->style->margin));
  rebuild_children (self);
  update_pinned (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->legend_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->header_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->compare_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->metrics_area));
}

static gboolean
relayout_idle (gpointer user_data)
{
  NfCompareView *self = user_data;

  self->relayout_source = 0;
  relayout (self, self->pending_width);
  return G_SOURCE_REMOVE;
}

/* Heights follow from the width, but a size may not change while GTK is
 * handing sizes out: lay out just after. */
static void
area_resize (GtkDrawingArea *area,
             int             width,
             int             height,
             NfCompareView  *self)
{
  self->pending_width = width;
  if ((width != self->laid_out_width || self->stale) && self->relayout_source == 0)
    self->relayout_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, relayout_idle, self, NULL);
}

static void
draw_legend (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  NfCompareView *self = user_data;

  cairo_set_source_rgba (cr, self->style->background.red, self->style->background.green,
                         self->style->background.blue, 1);
  cairo_paint (cr);
  cairo_translate (cr, self->style->margin, self->style->margin);
  nf_compare_legend_render (cr, nf_diff_is_versions (nf_compare_layout_get_diff (self->layout)),
                            self->style, width - 2 * self->style->margin);
}

static void
draw_compare (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  NfCompareView *self = user_data;

  /* Laying out happens on resize; a frame only draws. */
  if (self->ready)
    nf_compare_render (cr, self->layout, self->style);
}

static void
draw_header (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  NfCompareView *self = user_data;

  if (self->ready)
    nf_compare_render_header (cr, self->layout, self->style);
}

static void
draw_metrics (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  NfCompareView *self = user_data;

  if (self->ready)
    nf_compare_metrics_render (cr, self->metrics, self->style);
}

static void
update_style (NfCompareView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_clear_pointer (&self->style, nf_grid_style_free);
  self->style = adw_style_manager_get_dark (manager) ? nf_grid_style_new_dark ()
                                                     : nf_grid_style_new_light ();
  invalidate (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->legend_area));
}

/* A canvas changed: compare afresh, keeping the options. */
static void
canvas_changed (NfCompareView *self)
{
  g_clear_object (&self->layout);
  g_clear_object (&self->metrics);
  self->ready = FALSE;
  self->layout = nf_compare_layout_new (self->canvases, self->n_canvases);
  /* The names stay in view above the scrolling rows. */
  nf_compare_layout_set_show_header (self->layout, FALSE);
  self->metrics = nf_compare_metrics_new (self->canvases, self->n_canvases);
  if (self->themes_view != NULL)
    nf_themes_view_refresh (NF_THEMES_VIEW (self->themes_view));
  invalidate (self);
}

void
nf_compare_view_set_show_themes (NfCompareView *self,
                                 gboolean       show_themes)
{
  g_assert (NF_IS_COMPARE_VIEW (self));
  show_themes = !!show_themes;
  if (self->show_themes == show_themes)
    return;
  self->show_themes = show_themes;
  if (show_themes && self->themes_view == NULL)
    {
      const char *names[NF_DIFF_MAX_CANVASES];

      for (guint i = 0; i < self->n_canvases; i++)
        names[i] = nf_compare_layout_get_canvas_name (self->layout, i);
      self->themes_view = nf_themes_view_new (self->canvases, self->n_canvases, names);
      nf_themes_view_set_language (NF_THEMES_VIEW (self->themes_view), self->language);
      gtk_box_append (GTK_BOX (self->themes_page), self->themes_view);
    }
  gtk_stack_set_visible_child_name (self->pages, show_themes ? "themes" : "notes");
  /* The notes' options mean nothing to the matrix. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->block_dropdown), !show_themes);
  gtk_widget_set_sensitive (self->diff_label, !show_themes);
  gtk_widget_set_sensitive (self->diff_switch, !show_themes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_THEMES]);
}

void
nf_compare_view_set_differences_only (NfCompareView *self,
                                      gboolean       differences_only)
{
  g_assert (NF_IS_COMPARE_VIEW (self));
  differences_only = !!differences_only;
  if (self->differences_only == differences_only)
    return;
  self->differences_only = differences_only;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIFFERENCES_ONLY]);
}

void
nf_compare_view_set_block (NfCompareView *self,
                           int            block)
{
  g_assert (NF_IS_COMPARE_VIEW (self));
  g_return_if_fail (block >= NF_COMPARE_ALL_BLOCKS && block < NF_N_BLOCKS);
  if (self->block == block)
    return;
  self->block = block;
  gtk_drop_down_set_selected (self->block_dropdown, (guint) (block + 1));
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCK]);
}

void
nf_compare_view_set_language (NfCompareView *self,
                              const char    *lang)
{
  g_assert (NF_IS_COMPARE_VIEW (self));
  if (lang == NULL)
    lang = "";
  if (g_strcmp0 (self->language, lang) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (lang);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i], lang))
      gtk_drop_down_set_selected (self->language_dropdown, i);
  if (self->themes_view != NULL)
    nf_themes_view_set_language (NF_THEMES_VIEW (self->themes_view), lang);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

static void
block_selected (GtkDropDown   *dropdown,
                GParamSpec    *pspec,
                NfCompareView *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected != GTK_INVALID_LIST_POSITION)
    nf_compare_view_set_block (self, (int) selected - 1);
}

static void
language_selected (GtkDropDown   *dropdown,
                   GParamSpec    *pspec,
                   NfCompareView *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected < G_N_ELEMENTS (languages))
    nf_compare_view_set_language (self, languages[selected]);
}

NfCompareLayout *
nf_compare_view_get_layout (NfCompareView *self)
{
  g_assert (NF_IS_COMPARE_VIEW (self));
  return self->layout;
}

NfCompareMetrics *
nf_compare_view_get_metrics (NfCompareView *self)
{
  g_assert (NF_IS_COMPARE_VIEW (self));
  return self->metrics;
}

guint
nf_compare_view_get_n_cells (NfCompareView *self)
{
  g_assert (NF_IS_COMPARE_VIEW (self));
  return self->cell_widgets->len;
}

GtkWidget *
nf_compare_view_get_cell (NfCompareView *self,
                          guint          index)
{
  g_assert (NF_IS_COMPARE_VIEW (self));
  g_return_val_if_fail (index < self->cell_widgets->len, NULL);
  return g_ptr_array_index (self->cell_widgets, index);
}

GtkWidget *
nf_compare_view_get_row_widget (NfCompareView *self,
                                guint          row)
{
  g_assert (NF_IS_COMPARE_VIEW (self));
  g_return_val_if_fail (row < self->row_widgets->len, NULL);
  return g_ptr_array_index (self->row_widgets, row);
}

static void
nf_compare_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NfCompareView *self = NF_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DIFFERENCES_ONLY:
      g_value_set_boolean (value, self->differences_only);
      break;
    case PROP_BLOCK:
      g_value_set_int (value, self->block);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_SHOW_THEMES:
      g_value_set_boolean (value, self->show_themes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_compare_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NfCompareView *self = NF_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DIFFERENCES_ONLY:
      nf_compare_view_set_differences_only (self, g_value_get_boolean (value));
      break;
    case PROP_BLOCK:
      nf_compare_view_set_block (self, g_value_get_int (value));
      break;
    case PROP_LANGUAGE:
      nf_compare_view_set_language (self, g_value_get_string (value));
      break;
    case PROP_SHOW_THEMES:
      nf_compare_view_set_show_themes (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_compare_view_dispose (GObject *object)
{
  NfCompareView *self = NF_COMPARE_VIEW (object);
  GtkWidget *child;

  for (guint i = 0; i < self->n_canvases; i++)
    if (self->canvases[i] != NULL)
      g_signal_handlers_disconnect_by_func (self->canvases[i], canvas_changed, self);
  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), update_style, self);
  g_clear_handle_id (&self->relayout_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NF_TYPE_COMPARE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->layout);
  g_clear_object (&self->metrics);
  for (guint i = 0; i < NF_DIFF_MAX_CANVASES; i++)
    g_clear_object (&self->canvases[i]);

  G_OBJECT_CLASS (nf_compare_view_parent_class)->dispose (object);
}

static void
nf_compare_view_finalize (GObject *object)
{
  NfCompareView *self = NF_COMPARE_VIEW (object);

  g_clear_pointer (&self->style, nf_grid_style_free);
  g_clear_pointer (&self->language, g_free);
  g_ptr_array_unref (self->row_widgets);
  g_ptr_array_unref (self->cell_widgets);
  g_ptr_array_unref (self->metric_widgets);
  g_ptr_array_unref (self->column_widgets);

  G_OBJECT_CLASS (nf_compare_view_parent_class)->finalize (object);
}

/* Focus goes to the first control, so the view's shortcuts (Ctrl+D,
 * Ctrl+T, Ctrl+digit) work as soon as it opens. */
static gboolean
nf_compare_view_grab_focus (GtkWidget *widget)
{
  NfCompareView *self = NF_COMPARE_VIEW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->block_dropdown));
}

static void
nf_compare_view_class_init (NfCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_compare_view_dispose;
  object_class->finalize = nf_compare_view_finalize;
  object_class->get_property = nf_compare_view_get_property;
  object_class->set_property = nf_compare_view_set_property;
  widget_class->grab_focus = nf_compare_view_grab_focus;

  properties[PROP_DIFFERENCES_ONLY] =
    g_param_spec_boolean ("differences-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLOCK] =
    g_param_spec_int ("block", NULL, NULL, NF_COMPARE_ALL_BLOCKS, NF_N_BLOCKS - 1, NF_COMPARE_ALL_BLOCKS,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_THEMES] =
    g_param_spec_boolean ("show-themes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _nf_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NfCompareView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, NfCompareView, block_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NfCompareView, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NfCompareView, diff_label);
  gtk_widget_class_bind_template_child (widget_class, NfCompareView, diff_switch);
  gtk_widget_class_bind_template_child (widget_class, NfCompareView, scroller);
  gtk_widget_class_bind_template_child (widget_class, NfCompareView, header_area);
  gtk_widget_class_bind_template_child (widget_class, NfCompareView, header_fixed);
  gtk_widget_class_bind_template_child (widget_class, NfCompareView, legend_area);
  gtk_widget_class_bind_template_child (widget_class, NfCompareView, compare_area);
  gtk_widget_class_bind_template_child (widget_class, NfCompareView, cells_fixed);
  gtk_widget_class_bind_template_child (widget_class, NfCompareView, metrics_area);
  gtk_widget_class_bind_template_child (widget_class, NfCompareView, metrics_fixed);
  gtk_widget_class_bind_template_child (widget_class, NfCompareView, pages);
  gtk_widget_class_bind_template_child (widget_class, NfCompareView, themes_page);
  gtk_widget_class_bind_template_child (widget_class, NfCompareView, themes_button);
  gtk_widget_class_bind_template_child (widget_class, NfCompareView, pinned_heading);

  gtk_widget_class_install_property_action (widget_class, "compare.differences-only", "differences-only");
  gtk_widget_class_install_property_action (widget_class, "compare.block", "block");
  gtk_widget_class_install_property_action (widget_class, "compare.language", "language");
  gtk_widget_class_install_property_action (widget_class, "compare.show-themes", "show-themes");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "compare.show-themes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "compare.differences-only", NULL);
  /* Ctrl, as in the canvas: the tab view takes Alt+digits, first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "compare.block", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "compare.block", "i", -1);
  for (int b = 0; b < NF_N_BLOCKS; b++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + b, GDK_CONTROL_MASK,
                                           "compare.block", "i", b);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1 + b, GDK_CONTROL_MASK,
                                           "compare.block", "i", b);
    }

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nf-compare-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nf_compare_view_init (NfCompareView *self)
{
  g_autoptr(GtkStringList) blocks = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) langs = gtk_string_list_new (NULL);

  self->block = NF_COMPARE_ALL_BLOCKS;
  self->language = g_strdup ("");
  self->row_widgets = g_ptr_array_new ();
  self->cell_widgets = g_ptr_array_new ();
  self->metric_widgets = g_ptr_array_new ();
  self->column_widgets = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  gtk_string_list_append (blocks, _("All Nine Blocks"));
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    gtk_string_list_append (blocks, nf_block_title ((NfBlock) b));
  gtk_drop_down_set_model (self->block_dropdown, G_LIST_MODEL (blocks));
  gtk_string_list_append (langs, _("Own Text"));
  gtk_string_list_append (langs, _("English"));
  gtk_string_list_append (langs, _("Chinese"));
  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (langs));
  g_signal_connect (self->block_dropdown, "notify::selected", G_CALLBACK (block_selected), self);
  g_signal_connect (self->language_dropdown, "notify::selected", G_CALLBACK (language_selected), self);

  gtk_drawing_area_set_draw_func (self->legend_area, draw_legend, self, NULL);
  gtk_drawing_area_set_draw_func (self->header_area, draw_header, self, NULL);
  gtk_drawing_area_set_draw_func (self->compare_area, draw_compare, self, NULL);
  gtk_drawing_area_set_draw_func (self->metrics_area, draw_metrics, self, NULL);
  g_signal_connect (self->compare_area, "resize", G_CALLBACK (area_resize), self);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->compare_area), TRUE);
  g_signal_connect_swapped (self->compare_area, "query-tooltip", G_CALLBACK (compare_query_tooltip), self);
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                            "value-changed", G_CALLBACK (update_pinned), self);

  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (update_style), self);
}

GtkWidget *
nf_compare_view_new (NfCanvas **canvases,
                     guint      n_canvases)
{
  NfCompareView *self;

  g_return_val_if_fail (canvases != NULL, NULL);
  g_return_val_if_fail (n_canvases >= 2 && n_canvases <= NF_DIFF_MAX_CANVASES, NULL);

  self = g_object_new (NF_TYPE_COMPARE_VIEW, NULL);
  self->n_canvases = n_canvases;
  for (guint i = 0; i < n_canvases; i++)
    {
      self->canvases[i] = g_object_ref (canvases[i]);
      g_signal_connect_swapped (canvases[i], "changed", G_CALLBACK (canvas_changed), self);
    }
  self->layout = nf_compare_layout_new (self->canvases, n_canvases);
  nf_compare_layout_set_show_header (self->layout, FALSE);
  self->metrics = nf_compare_metrics_new (self->canvases, n_canvases);
  update_style (self);
  return GTK_WIDGET (self);
}
