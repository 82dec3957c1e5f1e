/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "nf-compare-renderer.h"
#include "nf-deck-private.h"
#include "nf-grid-renderer.h"
#include "nf-render-private.h"

/* The comparison slides draw with the compare view's own layout and
 * renderer (nf-compare-*.h), under the deck's header band: one slide with
 * all nine blocks, one per block with every canvas side by side, and the
 * metrics. A slide too small for a block's notes shows "+N more" (the
 * layout's); the notes it hid follow in full on "continued" slides, so
 * the deck loses nothing. */

#define GAP 10.0

gboolean
_nf_deck_can_compare (guint n_canvases)
{
  return n_canvases >= 2 && n_canvases <= 4;
}

static char *
names_of (GPtrArray  *canvases,
          const char *lang)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < canvases->len; i++)
    {
      if (i > 0)
        g_string_append (names, " · ");
      g_string_append (names, _nf_deck_company (g_ptr_array_index (canvases, i), lang));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
block_has_notes (GPtrArray *canvases,
                 NfBlock    block)
{
  for (guint i = 0; i < canvases->len; i++)
    if (g_list_model_get_n_items (nf_canvas_get_notes (g_ptr_array_index (canvases, i), block)) > 0)
      return TRUE;
  return FALSE;
}

guint
_nf_deck_compare_n_slides (GPtrArray *canvases)
{
  guint n = 2;

  if (!_nf_deck_can_compare (canvases->len))
    return 0;
  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    n += block_has_notes (canvases, b);
  return n;
}

/* The nine blocks on one slide: smaller type and tighter boxes than on
 * screen, so each block keeps a card and its "+N more". */
static NfGridStyle *
overview_style (const NfGridStyle *style)
{
  NfGridStyle *compact = nf_grid_style_copy (style);

  compact->base_font_size = MIN (compact->base_font_size, 8.5);
  compact->min_font_size = MIN (compact->min_font_size, 7.0);
  compact->block_padding = MIN (compact->block_padding, 5.0);
  compact->card_gap = MIN (compact->card_gap, 3.0);
  compact->title_gap = MIN (compact->title_gap, 3.0);
  compact->block_gap = MIN (compact->block_gap, 6.0);
  compact->margin = MIN (compact->margin, 12.0);
  compact->title_font_size = MIN (compact->title_font_size, 9.5);
  compact->glyph_size = MIN (compact->glyph_size, 15.0);
  compact->line_height = MIN (compact->line_height, 1.25);
  compact->footer_gap = MIN (compact->footer_gap, 2.0);
  return compact;
}

/* The legend under the header band, then `layout` allocated for `block`
 * in what is left, for the caller to see what it hid.
 * Rows have a least height (a title, a card, "+N more"): when nine of
 * them need more than the slide, the layout is made at a larger size and
 * drawn scaled down to fit, rather than cut off at the bottom. */
static void
draw_comparison (NfDeck          *deck,
                 NfCompareLayout *layout,
                 int              block)
{
  gboolean versions = nf_diff_is_versions (nf_compare_layout_get_diff (layout));
  g_autoptr(NfGridStyle) compact = block == NF_COMPARE_ALL_BLOCKS ? overview_style (deck->style) : NULL;
  const NfGridStyle *style = compact != NULL ? compact : deck->style;
  double legend_w = deck->width - 2 * NF_DECK_MARGIN * 0.6;
  double legend_h = nf_compare_legend_measure (versions, deck->style, legend_w);
  double top = NF_DECK_HEADER_HEIGHT + GAP;
  double avail, height, scale = 1.0;

  nf_compare_layout_set_block (layout, block);
  cairo_save (deck->cr);
  cairo_translate (deck->cr, NF_DECK_MARGIN * 0.6, top);
  nf_compare_legend_render (deck->cr, versions, deck->style, legend_w);
  cairo_restore (deck->cr);

  top += legend_h + GAP / 2;
  avail = deck->height - top;
  for (guint attempt = 0; attempt < 4; attempt++)
    {
      nf_compare_layout_allocate (layout, style, deck->width / scale, avail / scale);
      height = nf_compare_layout_get_height (layout);
      if (height * scale <= avail + 0.5)
        break;
      scale = MAX (scale * avail / (height * scale), 0.5);
    }
  height = nf_compare_layout_get_height (layout);
  if (height * scale > avail)
    scale = avail / height;
  g_debug ("comparison of block %d drawn at %.2f", block, scale);

  cairo_save (deck->cr);
  cairo_translate (deck->cr, 0, top);
  cairo_scale (deck->cr, scale, scale);
  nf_compare_render (deck->cr, layout, style);
  cairo_restore (deck->cr);
}

/* One layout serves every comparison slide of a deck, each slide setting
 * its block: the comparison of the canvases (nf_diff_new(), the costly
 * part of making one) is worked out once. */
static NfCompareLayout *
comparison_new (NfDeck    *deck,
                GPtrArray *canvases)
{
  NfCompareLayout *layout = nf_compare_layout_new ((NfCanvas **) canvases->pdata, canvases->len);

  nf_compare_layout_set_language (layout, deck->lang);
  return layout;
}

/* Per canvas, the notes a block slide counted in "+N more". */
static void
hidden_notes_slides (NfDeck          *deck,
                     GPtrArray       *canvases,
                     NfCompareLayout *layout,
                     NfBlock          block,
                     int              outline_parent)
{
  guint n = canvases->len;
  g_autofree const char **headings = g_new0 (const char *, n);
  g_autofree GPtrArray **groups = g_new0 (GPtrArray *, n);
  g_autofree char *title = NULL;
  g_autofree char *names = names_of (canvases, deck->lang);
  gboolean any = FALSE;

  for (guint c = 0; c < n; c++)
    {
      headings[c] = nf_compare_layout_get_canvas_name (layout, c);
      groups[c] = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint row = 0; row < nf_compare_layout_get_n_rows (layout); row++)
        for (guint k = 0; k < nf_compare_layout_get_n_cards (layout, row, c); k++)
          {
            NfRect rect;
            NfNote *note = nf_compare_layout_get_card_note (layout, row, c, k, NULL, &rect);

            if (note != NULL && rect.width <= 0)
              {
                g_ptr_array_add (groups[c], g_object_ref (note));
                any = TRUE;
              }
          }
    }
  if (any)
    {
      /* TRANSLATORS: header of slides giving the notes of a block that the
       * comparison slide had no room for; %s is the block's name. */
      title = g_strdup_printf (_("%s — notes continued"), nf_block_title (block));
      _nf_deck_note_slides (deck, title, names, headings, groups, n, outline_parent);
    }
  for (guint c = 0; c < n; c++)
    g_ptr_array_unref (groups[c]);
}

/* Returns the outline entry the other comparison slides go under. */
static int
overview_slide (NfDeck          *deck,
                GPtrArray       *canvases,
                NfCompareLayout *layout)
{
  g_autofree char *names = names_of (canvases, deck->lang);
  int parent;

  _nf_deck_begin_page (deck);
  parent = _nf_deck_outline (deck, CAIRO_PDF_OUTLINE_ROOT, _("Comparison"));
  _nf_deck_draw_header (deck, names, _("The nine blocks compared; each block follows on its own slide"));
  draw_comparison (deck, layout, NF_COMPARE_ALL_BLOCKS);
  _nf_deck_end_slide (deck);
  return parent;
}

static void
block_slides (NfDeck          *deck,
              GPtrArray       *canvases,
              NfCompareLayout *layout,
              NfBlock          block,
              int              parent)
{
  g_autofree char *names = names_of (canvases, deck->lang);
  int entry;

  _nf_deck_begin_page (deck);
  entry = _nf_deck_outline (deck, parent, nf_block_title (block));
  _nf_deck_draw_header (deck, nf_block_title (block), names);
  draw_comparison (deck, layout, block);
  _nf_deck_end_slide (deck);
  hidden_notes_slides (deck, canvases, layout, block, entry);
}

/* The metrics table and its charts. Rows that do not fit are left out
 * and counted by the layout ("+N more rows"); each canvas's tables follow
 * in full later in the deck. Whatever still does not fit is drawn scaled
 * down, never cut off. */
static void
metrics_slide (NfDeck    *deck,
               GPtrArray *canvases,
               int        parent)
{
  g_autoptr(NfCompareMetrics) metrics = nf_compare_metrics_new ((NfCanvas **) canvases->pdata,
                                                                canvases->len);
  g_autofree char *names = names_of (canvases, deck->lang);
  double top = NF_DECK_HEADER_HEIGHT + GAP;
  double avail = deck->height - top;
  double height, scale = 1.0;

  nf_compare_metrics_set_language (metrics, deck->lang);
  nf_compare_metrics_allocate (metrics, deck->style, deck->width, avail);
  if (nf_compare_metrics_get_n_rows (metrics) == 0)
    return;
  height = nf_compare_metrics_get_height (metrics);
  if (height > avail)
    scale = avail / height;

  _nf_deck_begin_page (deck);
  _nf_deck_outline (deck, parent, _("Metrics"));
  _nf_deck_draw_header (deck, _("Metrics compared"), names);
  cairo_save (deck->cr);
  cairo_translate (deck->cr, 0, top);
  cairo_scale (deck->cr, scale, scale);
  nf_compare_metrics_render (deck->cr, metrics, deck->style);
  cairo_restore (deck->cr);
  _nf_deck_end_slide (deck);
}

void
_nf_deck_compare_slides (NfDeck    *deck,
                         GPtrArray *canvases)
{
  g_autoptr(NfCompareLayout) layout = NULL;
  int parent;

  if (!_nf_deck_can_compare (canvases->len))
    return;

  layout = comparison_new (deck, canvases);
  parent = overview_slide (deck, canvases, layout);
  for (NfBlock b = 0; b < NF_N_BLOCKS && !g_cancellable_is_cancelled (deck->cancellable); b++)
    if (block_has_notes (canvases, b))
      block_slides (deck, canvases, layout, b, parent);
  if (!g_cancellable_is_cancelled (deck->cancellable))
    metrics_slide (deck, canvases, parent);
}

/* --- One image of a comparison --- */

static gboolean
draw_compare_image (NfCanvas           **canvases,
                    guint                n_canvases,
                    const NfDeckOptions *opts,
                    cairo_surface_t     *surface,
                    double               scale,
                    double               width,
                    double               height)
{
  g_autoptr(NfGridStyle) light = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(NfCompareLayout) layout = NULL;
  g_autofree char *names = NULL;
  NfDeck deck = { 0 };
  cairo_status_t status;

  for (guint i = 0; i < n_canvases; i++)
    g_ptr_array_add (list, canvases[i]);
  if (opts == NULL || opts->style == NULL)
    light = nf_grid_style_new_light ();
  deck.cr = cairo_create (surface);
  deck.style = light != NULL ? light : opts->style;
  deck.lang = opts != NULL ? opts->lang : NULL;
  deck.pango = nf_render_pango_context_new (deck.lang);
  deck.width = width;
  deck.height = height;
  cairo_scale (deck.cr, scale, scale);
  _nf_deck_begin_page (&deck);
  names = names_of (list, deck.lang);
  _nf_deck_draw_header (&deck, names, _("The nine blocks compared"));
  layout = comparison_new (&deck, list);
  draw_comparison (&deck, layout, NF_COMPARE_ALL_BLOCKS);
  status = cairo_status (deck.cr);
  cairo_destroy (deck.cr);
  g_object_unref (deck.pango);
  return status == CAIRO_STATUS_SUCCESS;
}

static gboolean
check_count (guint    n_canvases,
             GError **error)
{
  if (_nf_deck_can_compare (n_canvases))
    return TRUE;
  g_set_error (error, NF_RENDER_ERROR, NF_RENDER_ERROR_FAILED,
               _("A comparison needs two to four canvases, not %u"), n_canvases);
  return FALSE;
}

typedef struct {
  NfCanvas           **canvases;
  guint                n_canvases;
  const NfDeckOptions *opts;
} Compared;

static gboolean
draw_compared (cairo_surface_t *surface,
               double           scale,
               double           width,
               double           height,
               gpointer         data)
{
  Compared *c = data;

  return draw_compare_image (c->canvases, c->n_canvases, c->opts, surface, scale, width, height);
}

gboolean
nf_deck_export_compare_png (NfCanvas           **canvases,
                            guint                n_canvases,
                            const NfDeckOptions *opts,
                            double               dpi,
                            const char          *path,
                            GError             **error)
{
  Compared c = { canvases, n_canvases, opts };

  g_return_val_if_fail (canvases != NULL, FALSE);
  g_return_val_if_fail (dpi > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_count (n_canvases, error))
    return FALSE;
  return _nf_deck_write_image (opts, dpi, path, _("Could not draw the comparison for “%s”: %s"),
                               draw_compared, &c, error);
}

gboolean
nf_deck_export_compare_svg (NfCanvas           **canvases,
                            guint                n_canvases,
                            const NfDeckOptions *opts,
                            const char          *path,
                            GError             **error)
{
  Compared c = { canvases, n_canvases, opts };

  g_return_val_if_fail (canvases != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_count (n_canvases, error))
    return FALSE;
  return _nf_deck_write_image (opts, 0, path, _("Could not draw the comparison for “%s”: %s"),
                               draw_compared, &c, error);
}
