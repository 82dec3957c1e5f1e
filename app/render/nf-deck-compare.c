/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include "nf-i18n-private.h"
#include <glib/gstdio.h>

#include "nf-chart.h"
#include "nf-compare-renderer.h"
#include "nf-deck-private.h"
#include "nf-deck-themes-private.h"
#include "nf-grid-renderer.h"
#include "nf-render-private.h"

/* The comparison slides of a deck are set for reading: an overview table
 * of what each block shares, nearly shares and has in one company only,
 * with the shared and near notes in full; a slide per block with the
 * companies side by side and every note whole, going on to further
 * slides rather than hiding any; the aligned figures as a table split
 * across slides. The one image of a comparison (PNG, SVG) is still drawn
 * with the compare view's own layout and renderer (nf-compare-*.h). */

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

/* --- the comparison slides of a deck --- */

#define CMP_SIZE     12.0
#define CMP_FOOTER    9.5
#define CMP_HEAD     13.0
#define CMP_GAP      16.0

typedef struct {
  NfDeck          *deck;
  GPtrArray       *canvases;
  NfCompareLayout *layout;
  const NfDiff    *diff;
  GHashTable      *kinds;   /* NfNote → the NfDiffEntry that has it */
  int              parent;
} Compare;

/* Each note of the comparison → the entry that has it. */
static GHashTable *
kinds_new (GPtrArray    *canvases,
           const NfDiff *diff)
{
  GHashTable *kinds = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < nf_diff_get_n_entries (diff); i++)
    {
      const NfDiffEntry *e = nf_diff_get_entry (diff, i);

      for (guint c = 0; c < canvases->len; c++)
        if (e->notes[c] != NULL)
          g_hash_table_insert (kinds, e->notes[c], (gpointer) e);
    }
  return kinds;
}

/* What a note is in the comparison, for its card's footer. */
/* As the window's compare view names it: between two companies (not
 * versions) a note in one of them is "Only here", as its stripe is. */
static const char *
entry_label (const NfDiff      *diff,
             const NfDiffEntry *entry)
{
  if (entry == NULL)
    return NULL;
  if ((entry->kind == NF_DIFF_ADDED || entry->kind == NF_DIFF_REMOVED) && !nf_diff_is_versions (diff))
    return _("Only here");
  switch (entry->kind)
    {
    case NF_DIFF_SHARED: return _("Shared");
    case NF_DIFF_SOME: return _("Shared by some");
    case NF_DIFF_NEAR: return _("Near match");
    case NF_DIFF_ONLY: return _("Only here");
    case NF_DIFF_ADDED: return _("Added");
    case NF_DIFF_REMOVED: return _("Removed");
    case NF_DIFF_CHANGED: return _("Changed");
    case NF_DIFF_MOVED: return _("Moved");
    case NF_DIFF_REORDERED: return _("Reordered");
    default: return NULL;
    }
}

/* Under the overview's table, what the companies have in common: each
 * shared or near note, its block and every company's words for it, in
 * full, going on to further slides when they are many. Ends the slide. */
static void
common_notes (Compare *cmp,
              double   y)
{
  NfDeck *deck = cmp->deck;
  guint n = cmp->canvases->len;
  double x0 = NF_DECK_MARGIN, width = deck->width - 2 * NF_DECK_MARGIN;
  double top = NF_DECK_HEADER_HEIGHT + 24, bottom = deck->height - NF_DECK_MARGIN * 0.6;
  g_autofree char *names = names_of (cmp->canvases, deck->lang);
  gboolean headed = FALSE;

  for (guint i = 0; i < nf_diff_get_n_entries (cmp->diff); i++)
    {
      const NfDiffEntry *e = nf_diff_get_entry (cmp->diff, i);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(PangoLayout) l = NULL;
      double h;

      if (e->kind != NF_DIFF_SHARED && e->kind != NF_DIFF_SOME && e->kind != NF_DIFF_NEAR)
        continue;
      g_string_append_printf (text, "%s · %s", nf_block_title (e->block), entry_label (cmp->diff, e));
      for (guint c = 0; c < n; c++)
        if (e->notes[c] != NULL)
          g_string_append_printf (text, "\n%s: %s", nf_compare_layout_get_canvas_name (cmp->layout, c),
                                  nf_text_for_language (nf_note_get_text (e->notes[c]), deck->lang));
      l = _nf_deck_text (deck, text->str, 11, PANGO_WEIGHT_NORMAL, width);
      h = _nf_render_layout_height (l);
      if (!headed || y + h > bottom)
        {
          g_autoptr(PangoLayout) head = _nf_deck_text (deck, _("Shared and near notes"), 12,
                                                       PANGO_WEIGHT_BOLD, width);

          if (y + _nf_render_layout_height (head) + 8 + h > bottom)
            {
              _nf_deck_end_slide (deck);
              _nf_deck_begin_page (deck);
              _nf_deck_draw_header (deck, names, _("Shared and near notes (continued)"));
              y = top;
            }
          else
            {
              cairo_save (deck->cr);
              _nf_render_set_colour (deck->cr, &deck->style->accent);
              cairo_move_to (deck->cr, x0, y);
              pango_cairo_show_layout (deck->cr, head);
              cairo_restore (deck->cr);
              y += _nf_render_layout_height (head) + 8;
            }
          headed = TRUE;
        }
      cairo_save (deck->cr);
      _nf_render_set_colour (deck->cr, &deck->style->title_text);
      cairo_move_to (deck->cr, x0, y);
      pango_cairo_show_layout (deck->cr, l);
      cairo_restore (deck->cr);
      y += h + 10;
    }
  _nf_deck_end_slide (deck);
}

/* The overview: per block, how many notes are shared, near and only in
 * each company, as a table a room can read. */
static void
overview_table (Compare *cmp)
{
  NfDeck *deck = cmp->deck;
  guint n = cmp->canvases->len;
  gboolean versions = nf_diff_is_versions (cmp->diff);
  g_autofree char *names = names_of (cmp->canvases, deck->lang);
  guint n_cols = versions ? 5 : 3 + n;
  guint counts[NF_N_BLOCKS][3 + NF_DIFF_MAX_CANVASES] = { { 0 } };
  double x0 = NF_DECK_MARGIN, width = deck->width - 2 * NF_DECK_MARGIN;
  double first_w = MIN (260.0, width * 0.25), col_w = (width - first_w) / (n_cols - 1);
  double y = NF_DECK_HEADER_HEIGHT + 26, row_h;
  g_autoptr(GPtrArray) heads = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < nf_diff_get_n_entries (cmp->diff); i++)
    {
      const NfDiffEntry *e = nf_diff_get_entry (cmp->diff, i);
      guint *row = counts[e->block];

      if (versions)
        {
          guint col = e->kind == NF_DIFF_ADDED ? 1 : e->kind == NF_DIFF_REMOVED ? 2
                    : e->kind == NF_DIFF_CHANGED ? 3 : e->kind == NF_DIFF_MOVED ? 4 : 0;
          row[col]++;
        }
      else if (e->kind == NF_DIFF_SHARED || e->kind == NF_DIFF_SOME)
        row[0]++;
      else if (e->kind == NF_DIFF_NEAR)
        row[1]++;
      else
        for (guint c = 0; c < n; c++)
          if (e->notes[c] != NULL)
            row[2 + c]++;
    }

  g_ptr_array_add (heads, g_strdup (_("Block")));
  if (versions)
    {
      g_ptr_array_add (heads, g_strdup (_("Added")));
      g_ptr_array_add (heads, g_strdup (_("Removed")));
      g_ptr_array_add (heads, g_strdup (_("Changed")));
      g_ptr_array_add (heads, g_strdup (_("Moved")));
    }
  else
    {
      g_ptr_array_add (heads, g_strdup (_("Shared")));
      g_ptr_array_add (heads, g_strdup (_("Near match")));
      for (guint c = 0; c < n; c++)
        /* TRANSLATORS: a column of the comparison overview: the notes only
         * this company has; %s is its name. */
        g_ptr_array_add (heads, g_strdup_printf (_("Only in %s"),
                                                 nf_compare_layout_get_canvas_name (cmp->layout, c)));
    }

  _nf_deck_begin_page (deck);
  cmp->parent = _nf_deck_outline (deck, CAIRO_PDF_OUTLINE_ROOT, _("Comparison"));
  _nf_deck_draw_header (deck, names, _("How many notes each block shares, nearly shares, or has in one company only"));
  cairo_save (deck->cr);
  for (int r = -1; r < NF_N_BLOCKS; r++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_object_unref);

      row_h = 0;
      for (guint c = 0; c < n_cols; c++)
        {
          g_autofree char *text = r < 0 ? g_strdup (g_ptr_array_index (heads, c))
            : c == 0 ? g_strdup (nf_block_title ((NfBlock) r))
            : g_strdup_printf ("%u", counts[r][versions ? c : c - 1]);
          PangoLayout *l = _nf_deck_text (deck, text, r < 0 ? 11 : CMP_SIZE,
                                          r < 0 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                          (c == 0 ? first_w : col_w) - 16);

          if (c > 0)
            pango_layout_set_alignment (l, PANGO_ALIGN_RIGHT);
          row_h = MAX (row_h, _nf_render_layout_height (l) + 12);
          g_ptr_array_add (cells, l);
        }
      if (r < 0 || r % 2 == 1)
        {
          NfColour fill = r < 0 ? deck->style->accent : deck->style->chip_fill;

          if (r < 0)
            fill.alpha = 0.12;
          _nf_render_set_colour (deck->cr, &fill);
          cairo_rectangle (deck->cr, x0, y, width, row_h);
          cairo_fill (deck->cr);
        }
      for (guint c = 0; c < n_cols; c++)
        {
          double x = c == 0 ? x0 : x0 + first_w + (c - 1) * col_w;

          _nf_render_set_colour (deck->cr, &deck->style->title_text);
          cairo_move_to (deck->cr, x + 8, y + 6);
          pango_cairo_show_layout (deck->cr, g_ptr_array_index (cells, c));
        }
      y += row_h;
      _nf_deck_rule (deck, x0, x0 + width, y, r < 0 ? 1.5 : 0.75);
    }
  cairo_restore (deck->cr);
  common_notes (cmp, y + 24);
}

/* A block's slides worked out before any is drawn: each company's cards
 * measured once, and how many of them each slide takes. */
typedef struct {
  double   top, bottom;
  double   x[NF_DIFF_MAX_CANVASES], col_w[NF_DIFF_MAX_CANVASES];
  double   start[NF_DIFF_MAX_CANVASES];       /* under the company's name */
  GArray  *cards[NF_DIFF_MAX_CANVASES];       /* NfDeckCard, one a note */
  GArray  *quota[NF_DIFF_MAX_CANVASES];       /* guint a slide; NULL: as many as fit */
  guint    n_slides;                          /* 0: not known (a note is sliced) */
} BlockPlan;

static void
block_plan_clear (BlockPlan *plan)
{
  for (guint c = 0; c < NF_DIFF_MAX_CANVASES; c++)
    {
      if (plan->cards[c] != NULL)
        for (guint i = 0; i < plan->cards[c]->len; i++)
          _nf_deck_card_clear (&g_array_index (plan->cards[c], NfDeckCard, i));
      g_clear_pointer (&plan->cards[c], g_array_unref);
      g_clear_pointer (&plan->quota[c], g_array_unref);
    }
}

/* Whether a card goes on under `y`, as the slides place them: a card
 * that does not fit starts the next slide, unless the column is still
 * empty enough that it would not fit there either. */
static gboolean
card_fits (const BlockPlan *plan,
           double           y,
           double           height)
{
  return y + height <= plan->bottom || y <= plan->top + 40;
}

/* Fills `counts` with the cards each slide of column `c` takes, at most
 * `cap` a slide (0: the even share of what is left over the slides
 * left); FALSE when they need more than `n_slides` slides. */
static gboolean
column_fill (const BlockPlan *plan,
             guint            c,
             guint            cap,
             guint            n_slides,
             GArray          *counts)
{
  guint n = plan->cards[c]->len, next = 0;

  g_array_set_size (counts, 0);
  for (guint s = 0; s < n_slides && next < n; s++)
    {
      guint here = 0, limit = cap > 0 ? cap : (n - next + (n_slides - s) - 1) / (n_slides - s);
      double y = plan->start[c];

      while (next < n && here < limit)
        {
          double h = g_array_index (plan->cards[c], NfDeckCard, next).height;

          if (!card_fits (plan, y, h))
            break;
          y += h + 5;
          here++;
          next++;
        }
      g_array_append_val (counts, here);
    }
  return next == n;
}

/* Lays the columns out at `widths` (left to right, CMP_GAP apart) and
 * measures each company's cards in its column; FALSE when a note is too
 * tall for its column even at 9 pt (it is then sliced on the slides). */
static gboolean
block_plan_measure (Compare      *cmp,
                    NfBlock       block,
                    BlockPlan    *plan,
                    const double *widths)
{
  NfDeck *deck = cmp->deck;
  guint n = cmp->canvases->len;
  gboolean sliced = FALSE;
  double x = NF_DECK_MARGIN * 0.6;

  block_plan_clear (plan);
  plan->n_slides = 0;
  for (guint c = 0; c < n; c++)
    {
      NfCanvas *canvas = g_ptr_array_index (cmp->canvases, c);
      GListModel *notes = nf_canvas_get_notes (canvas, block);
      guint total = g_list_model_get_n_items (notes);
      g_autoptr(PangoLayout) head = NULL;

      plan->x[c] = x;
      plan->col_w[c] = widths[c];
      x += widths[c] + CMP_GAP;
      head = _nf_deck_text (deck, nf_compare_layout_get_canvas_name (cmp->layout, c),
                            CMP_HEAD, PANGO_WEIGHT_BOLD, plan->col_w[c]);
      plan->start[c] = plan->top + _nf_render_layout_height (head) + 8;
      plan->cards[c] = g_array_sized_new (FALSE, TRUE, sizeof (NfDeckCard), total);
      /* Its cards name what a note conflicts with in its canvas. */
      deck->canvas = canvas;
      for (guint i = 0; i < total; i++)
        {
          g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
          NfDeckCard card;
          double size = CMP_SIZE;

          do
            {
              _nf_deck_card_init_labelled (deck, &card, note,
                                           entry_label (cmp->diff, g_hash_table_lookup (cmp->kinds, note)),
                                           i + 1, plan->col_w[c], size, CMP_FOOTER, 0);
              if (card.height <= plan->bottom - plan->top - 40 || size <= 9)
                break;
              _nf_deck_card_clear (&card);
              size -= 1;
            }
          while (TRUE);
          sliced |= card.height > plan->bottom - plan->top - 40;
          g_array_append_val (plan->cards[c], card);
        }
    }
  deck->canvas = NULL;
  if (sliced)
    return FALSE;

  plan->n_slides = 1;
  for (guint c = 0; c < n; c++)
    {
      plan->quota[c] = g_array_new (FALSE, FALSE, sizeof (guint));
      column_fill (plan, c, G_MAXUINT, G_MAXUINT, plan->quota[c]);
      plan->n_slides = MAX (plan->n_slides, plan->quota[c]->len);
    }
  return TRUE;
}

/* Columns of even width first. When the block goes on over slides, the
 * room each company's notes take sets its column's width (a company of
 * many notes beside one of few would otherwise leave most of the slide
 * empty while its column runs on): the widths nearest to even that need
 * the fewest slides win. The greedy fill (every slide as full as it
 * goes) sets how many slides the block takes; each column then spreads
 * its cards evenly over them where heights allow, so that no
 * continuation carries one lonely card after a full slide. A note too
 * tall for any column at 9 pt is sliced line by line on the slides, and
 * its block keeps the greedy fill. */
static void
block_plan_init (Compare   *cmp,
                 NfBlock    block,
                 BlockPlan *plan)
{
  NfDeck *deck = cmp->deck;
  guint n = cmp->canvases->len;
  double avail = deck->width - 2 * NF_DECK_MARGIN * 0.6 - (n - 1) * CMP_GAP;
  double even[NF_DIFF_MAX_CANVASES], room[NF_DIFF_MAX_CANVASES], total_room = 0;
  double best[NF_DIFF_MAX_CANVASES];
  guint best_slides;

  memset (plan, 0, sizeof *plan);
  plan->top = NF_DECK_HEADER_HEIGHT + 20;
  plan->bottom = deck->height - NF_DECK_MARGIN * 0.6;
  for (guint c = 0; c < n; c++)
    even[c] = avail / n;
  if (!block_plan_measure (cmp, block, plan, even))
    return;
  if (plan->n_slides > 1)
    {
      /* The room a column's notes take at the even width, and a floor
       * of half the even width so a company's name and cards still read. */
      for (guint c = 0; c < n; c++)
        {
          room[c] = 0;
          for (guint i = 0; i < plan->cards[c]->len; i++)
            room[c] += g_array_index (plan->cards[c], NfDeckCard, i).height + 5;
          total_room += room[c];
        }
      memcpy (best, even, sizeof even);
      best_slides = plan->n_slides;
      for (guint step = 1; step <= 4 && total_room > 0; step++)
        {
          double t = step / 4.0, widths[NF_DIFF_MAX_CANVASES];
          double floor_w = avail / n * 0.5;

          for (guint c = 0; c < n; c++)
            widths[c] = (1 - t) * even[c]
                        + t * (floor_w + (avail - n * floor_w) * room[c] / total_room);
          if (block_plan_measure (cmp, block, plan, widths) && plan->n_slides < best_slides)
            {
              memcpy (best, widths, sizeof widths);
              best_slides = plan->n_slides;
            }
        }
      if (!block_plan_measure (cmp, block, plan, best))
        return;
    }
  if (plan->n_slides == 1)
    return;
  for (guint c = 0; c < n; c++)
    {
      guint most = 0, cards = plan->cards[c]->len;
      g_autoptr(GArray) spread = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint s = 0; s < plan->quota[c]->len; s++)
        most = MAX (most, g_array_index (plan->quota[c], guint, s));
      /* An even share a slide, else the smallest cap that still fits
       * (the greedy fill's own largest count always does). */
      if (column_fill (plan, c, 0, plan->n_slides, spread))
        {
          g_array_unref (plan->quota[c]);
          plan->quota[c] = g_steal_pointer (&spread);
          continue;
        }
      for (guint cap = (cards + plan->n_slides - 1) / plan->n_slides; cap < most; cap++)
        if (column_fill (plan, c, cap, plan->n_slides, spread))
          {
            g_array_unref (plan->quota[c]);
            plan->quota[c] = g_steal_pointer (&spread);
            break;
          }
    }
}

GArray *
_nf_deck_compare_block_counts (NfDeck    *deck,
                               GPtrArray *canvases,
                               NfBlock    block)
{
  g_autoptr(NfCompareLayout) layout = NULL;
  g_autoptr(GHashTable) kinds = NULL;
  Compare cmp = { 0 };
  BlockPlan plan;
  GArray *counts = NULL;

  g_return_val_if_fail (_nf_deck_can_compare (canvases->len), NULL);
  layout = comparison_new (deck, canvases);
  kinds = kinds_new (canvases, nf_compare_layout_get_diff (layout));
  cmp.deck = deck;
  cmp.canvases = canvases;
  cmp.layout = layout;
  cmp.diff = nf_compare_layout_get_diff (layout);
  cmp.kinds = kinds;
  block_plan_init (&cmp, block, &plan);
  if (plan.n_slides > 0)
    {
      counts = g_array_new (FALSE, TRUE, sizeof (guint));
      g_array_set_size (counts, plan.n_slides);
      for (guint c = 0; c < canvases->len; c++)
        for (guint s = 0; s < plan.quota[c]->len; s++)
          g_array_index (counts, guint, s) += g_array_index (plan.quota[c], guint, s);
    }
  block_plan_clear (&plan);
  return counts;
}

/* One block: the companies side by side, a column each, every note in
 * full; when a column runs out of room, all of them go on together on
 * the next slide, each column's cards shared out over the slides. */
static void
block_slides (Compare *cmp,
              NfBlock  block)
{
  NfDeck *deck = cmp->deck;
  guint n = cmp->canvases->len;
  g_autofree char *names = names_of (cmp->canvases, deck->lang);
  BlockPlan plan;
  guint next[NF_DIFF_MAX_CANVASES] = { 0 };
  guint next_line[NF_DIFF_MAX_CANVASES] = { 0 };   /* in a note going on */
  guint slide = 0;
  gboolean more = TRUE;

  block_plan_init (cmp, block, &plan);
  while (more && !g_cancellable_is_cancelled (deck->cancellable))
    {
      gboolean first = slide == 0;
      g_autofree char *title = first ? g_strdup (nf_block_title (block))
        : g_strdup_printf (_("%s (continued)"), nf_block_title (block));
      double top = plan.top, bottom = plan.bottom;

      _nf_deck_begin_page (deck);
      if (first)
        _nf_deck_outline (deck, cmp->parent, nf_block_title (block));
      _nf_deck_draw_header (deck, title, names);
      more = FALSE;
      for (guint c = 0; c < n; c++)
        {
          NfCanvas *canvas = g_ptr_array_index (cmp->canvases, c);
          guint total = plan.cards[c]->len, here = 0;
          guint quota = plan.quota[c] != NULL && slide < plan.quota[c]->len
                        ? g_array_index (plan.quota[c], guint, slide) : G_MAXUINT;
          double x = plan.x[c], y = top, col_w = plan.col_w[c];
          g_autoptr(PangoLayout) head = _nf_deck_text (deck, nf_compare_layout_get_canvas_name (cmp->layout, c),
                                                       CMP_HEAD, PANGO_WEIGHT_BOLD, col_w);

          deck->canvas = canvas;
          cairo_save (deck->cr);
          _nf_render_set_colour (deck->cr, &deck->style->accent);
          cairo_move_to (deck->cr, x, y);
          pango_cairo_show_layout (deck->cr, head);
          cairo_restore (deck->cr);
          y = plan.start[c];
          if (total == 0 && first)
            {
              g_autoptr(PangoLayout) none = _nf_deck_text (deck, _("No notes"), CMP_SIZE,
                                                           PANGO_WEIGHT_NORMAL, col_w);

              cairo_save (deck->cr);
              _nf_render_set_colour (deck->cr, &deck->style->muted_text);
              cairo_move_to (deck->cr, x, y);
              pango_cairo_show_layout (deck->cr, none);
              cairo_restore (deck->cr);
            }
          for (; next[c] < total; next[c]++, here++)
            {
              NfDeckCard *card = &g_array_index (plan.cards[c], NfDeckCard, next[c]);

              if (here >= quota)
                {
                  more = TRUE;
                  break;
                }
              if (card->height > bottom - top - 40)
                {
                  /* Taller than a column even at 9 pt: at the body size,
                   * a slice a slide, marked where it goes on. */
                  g_autoptr(NfNote) note = g_object_ref (card->note);
                  NfDeckCard full, slice;
                  guint count, n_lines;

                  _nf_deck_card_init_labelled (deck, &full, note,
                                               entry_label (cmp->diff, g_hash_table_lookup (cmp->kinds, note)),
                                               next[c] + 1, col_w, CMP_SIZE, CMP_FOOTER, 0);
                  n_lines = (guint) pango_layout_get_line_count (full.text);
                  count = _nf_deck_card_fit_lines (deck, &full, next_line[c], bottom - y);
                  if (count == 0 && y > top + 40)
                    {
                      _nf_deck_card_clear (&full);
                      more = TRUE;
                      break;
                    }
                  _nf_deck_card_slice (deck, &full, next_line[c], MAX (count, 1), &slice);
                  _nf_deck_card_draw (deck, &slice, x, y, col_w);
                  y += slice.height + 5;
                  _nf_deck_card_clear (&slice);
                  _nf_deck_card_clear (&full);
                  next_line[c] += MAX (count, 1);
                  if (next_line[c] < n_lines)
                    {
                      more = TRUE;
                      break;
                    }
                  next_line[c] = 0;
                  continue;
                }
              if (!card_fits (&plan, y, card->height))
                {
                  more = TRUE;
                  break;
                }
              _nf_deck_card_draw (deck, card, x, y, col_w);
              y += card->height + 5;
            }
        }
      slide++;
      _nf_deck_end_slide (deck);
    }
  deck->canvas = NULL;
  block_plan_clear (&plan);
}

/* The metric rows the canvases share (aligned: two or more have the
 * figure, as one measure of one kind), the one place the deck reads the
 * core's metric alignment. */
static GPtrArray *
aligned_rows (const NfDiffMetrics *metrics)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (guint i = 0; i < nf_diff_metrics_get_n_rows (metrics); i++)
    {
      const NfDiffMetricRow *row = nf_diff_metrics_get_row (metrics, i);

      if (row->n_present >= 2)
        g_ptr_array_add (rows, (gpointer) row);
    }
  return rows;
}

/* --- charts of the aligned figures --- */

/* As on a canvas's metric slides: more bars than this are left to the
 * table. */
#define CMP_MAX_BARS   40
#define CMP_CHART_SIZE 11.0
#define CMP_BAR        12.0

/* The aligned rows one chart may hold: one figure kind in one unit (a
 * row's figures are already in its base's unit, converted with a stated
 * rate where needed), only rows whose figures compare. */
typedef struct {
  NfFigureKind kind;
  char         unit[64];
  const NfDiffMetricRow *only;   /* figures of no known kind: one row a chart */
  GPtrArray   *rows;     /* const NfDiffMetricRow *, in table order */
  GArray      *factors;  /* double, one per row: into the kind's unit
                          * (durations: seconds) */
  guint        n_bars;
} CmpChart;

static void
cmp_chart_free (CmpChart *chart)
{
  g_ptr_array_unref (chart->rows);
  g_array_unref (chart->factors);
  g_free (chart);
}

static GPtrArray *
cmp_charts_new (GPtrArray *rows)
{
  GPtrArray *charts = g_ptr_array_new_with_free_func ((GDestroyNotify) cmp_chart_free);

  for (guint i = 0; i < rows->len; i++)
    {
      const NfDiffMetricRow *row = g_ptr_array_index (rows, i);
      NfNumber number = { 0 };
      NfColumn column = { NULL, row->type, (char *) row->units[row->base], NULL };
      CmpChart *chart = NULL;
      char unit[64];
      double factor = 1;
      NfFigureKind kind;
      guint n = 0;

      if (!row->comparable)
        continue;
      /* The base figure as the model holds it (the row keeps only its
       * kind): a plain whole number charts as a count. */
      if (row->tables[row->base] != NULL)
        nf_number_kind_for_cell (nf_metric_table_get_column (row->tables[row->base], row->columns[row->base]),
                                 nf_metric_table_get_cell (row->tables[row->base], row->rows[row->base],
                                                           row->columns[row->base]),
                                 &number);
      number.kind = row->kind;
      kind = nf_chart_figure_kind (&number, &column, unit, &factor);
      if (kind == NF_FIGURE_NONE || kind == NF_FIGURE_YEAR)
        continue;
      for (guint c = 0; c < NF_DIFF_MAX_CANVASES; c++)
        n += row->present[c] && isfinite (row->converted[c]);
      if (n == 0)
        continue;
      for (guint g = 0; g < charts->len && chart == NULL; g++)
        {
          CmpChart *candidate = g_ptr_array_index (charts, g);

          if (candidate->kind == kind && g_str_equal (candidate->unit, unit) &&
              candidate->only == (kind == NF_FIGURE_NUMBER ? row : NULL))
            chart = candidate;
        }
      if (chart == NULL)
        {
          chart = g_new0 (CmpChart, 1);
          chart->kind = kind;
          /* A plain figure says nothing of what it measures: only the
           * companies' figures of one measure share its chart. */
          chart->only = kind == NF_FIGURE_NUMBER ? row : NULL;
          g_strlcpy (chart->unit, unit, sizeof chart->unit);
          chart->rows = g_ptr_array_new ();
          chart->factors = g_array_new (FALSE, FALSE, sizeof (double));
          g_ptr_array_add (charts, chart);
        }
      g_ptr_array_add (chart->rows, (gpointer) row);
      g_array_append_val (chart->factors, factor);
      chart->n_bars += n;
    }
  /* One figure alone compares with nothing. */
  for (guint g = charts->len; g-- > 0;)
    if (((CmpChart *) g_ptr_array_index (charts, g))->n_bars < 2)
      g_ptr_array_remove_index (charts, g);
  return charts;
}

/* The row's label and column in the deck's language where the base
 * canvas translates them, else as written. */
static char *
cmp_row_label (const NfDiffMetricRow *row,
               const char            *lang)
{
  const char *label = NULL, *column = NULL;

  nf_diff_metric_row_get_words (row, lang, &label, &column, NULL);
  if (label == NULL)
    label = row->label;
  return column != NULL ? g_strdup_printf ("%s — %s", label, column) : g_strdup (label);
}

/* Starts a metrics slide (the first, or one going on) and returns its top. */
static double
metrics_page (Compare  *cmp,
              gboolean  first)
{
  g_autofree char *names = names_of (cmp->canvases, cmp->deck->lang);

  if (!first)
    _nf_deck_end_slide (cmp->deck);
  _nf_deck_begin_page (cmp->deck);
  if (first)
    _nf_deck_outline (cmp->deck, cmp->parent, _("Metrics"));
  _nf_deck_draw_header (cmp->deck, first ? _("Metrics compared") : _("Metrics compared (continued)"), names);
  return NF_DECK_HEADER_HEIGHT + 22;
}

/* The chart's title and a key of the companies' colours; returns the y
 * under them. */
static double
chart_head (Compare        *cmp,
            const CmpChart *chart,
            gboolean        continued,
            double          x0,
            double          y,
            double          width)
{
  NfDeck *deck = cmp->deck;
  g_autofree char *caption = chart->unit[0] != '\0' && chart->kind != NF_FIGURE_PERCENT && chart->kind != NF_FIGURE_DURATION
    /* TRANSLATORS: a chart's title: a kind of figure and its unit, "Money (USD)". */
    ? g_strdup_printf (_("%s (%s)"), nf_chart_figure_kind_title (chart->kind), chart->unit)
    : g_strdup (nf_chart_figure_kind_title (chart->kind));
  g_autofree char *title = continued ? g_strdup_printf (_("%s (continued)"), caption) : g_steal_pointer (&caption);
  g_autoptr(PangoLayout) head = _nf_deck_text (deck, title, 13, PANGO_WEIGHT_BOLD, width);
  double x = x0, key_h = 0;

  cairo_save (deck->cr);
  _nf_render_set_colour (deck->cr, &deck->style->accent);
  cairo_move_to (deck->cr, x0, y);
  pango_cairo_show_layout (deck->cr, head);
  y += _nf_render_layout_height (head) + 6;
  for (guint c = 0; c < cmp->canvases->len; c++)
    {
      g_autoptr(PangoLayout) name = _nf_deck_text (deck, nf_compare_layout_get_canvas_name (cmp->layout, c),
                                                   CMP_CHART_SIZE, PANGO_WEIGHT_NORMAL, -1);
      double h = _nf_render_layout_height (name);
      int w, lh;
      NfColour colour;

      pango_layout_get_pixel_size (name, &w, &lh);
      nf_compare_canvas_colour (c, deck->style, &colour);
      _nf_render_set_colour (deck->cr, &colour);
      cairo_rectangle (deck->cr, x, y + h / 2 - 5, 10, 10);
      cairo_fill (deck->cr);
      _nf_render_set_colour (deck->cr, &deck->style->title_text);
      cairo_move_to (deck->cr, x + 14, y);
      pango_cairo_show_layout (deck->cr, name);
      x += 14 + w + 20;
      key_h = MAX (key_h, h);
    }
  cairo_restore (deck->cr);
  return y + key_h + 8;
}

/* Each chart of like figures: per aligned row its label and a bar per
 * company that has the figure, in the company's colour, the figure as
 * written beside it. Rows go on to the next slide whole. */
static double
metrics_charts (Compare   *cmp,
                GPtrArray *rows,
                double     y)
{
  NfDeck *deck = cmp->deck;
  g_autoptr(GPtrArray) charts = cmp_charts_new (rows);
  double x0 = NF_DECK_MARGIN, width = deck->width - 2 * NF_DECK_MARGIN;
  double top = NF_DECK_HEADER_HEIGHT + 22, bottom = deck->height - NF_DECK_MARGIN * 0.6;
  double label_w = width * 0.3;
  guint n_uncharted = 0;

  for (guint g = 0; g < charts->len && !g_cancellable_is_cancelled (deck->cancellable); g++)
    {
      CmpChart *chart = g_ptr_array_index (charts, g);
      double lo = 0, hi = 0, value_w = 0;
      gboolean headed = FALSE;

      if (chart->n_bars > CMP_MAX_BARS)
        {
          n_uncharted += chart->n_bars;
          continue;
        }
      for (guint r = 0; r < chart->rows->len; r++)
        {
          const NfDiffMetricRow *row = g_ptr_array_index (chart->rows, r);
          double factor = g_array_index (chart->factors, double, r);

          for (guint c = 0; c < cmp->canvases->len; c++)
            if (row->present[c] && isfinite (row->converted[c]))
              {
                g_autofree char *text = nf_diff_metric_row_format_value (row, c, deck->lang);
                g_autoptr(PangoLayout) v = _nf_deck_text (deck, text != NULL ? text : "", CMP_CHART_SIZE,
                                                          PANGO_WEIGHT_NORMAL, -1);
                int w, h;

                lo = MIN (lo, row->converted[c] * factor);
                hi = MAX (hi, row->converted[c] * factor);
                pango_layout_get_pixel_size (v, &w, &h);
                value_w = MAX (value_w, w);
              }
        }
      value_w = MIN (value_w, width * 0.3);

      for (guint r = 0; r < chart->rows->len; r++)
        {
          const NfDiffMetricRow *row = g_ptr_array_index (chart->rows, r);
          double factor = g_array_index (chart->factors, double, r);
          g_autofree char *name = cmp_row_label (row, deck->lang);
          g_autoptr(PangoLayout) label = _nf_deck_text (deck, name, CMP_CHART_SIZE, PANGO_WEIGHT_NORMAL, label_w - 12);
          double plot_x = x0 + label_w, plot_w = width - label_w - value_w - 12;
          double zero_x = hi > lo ? plot_x + plot_w * (-lo) / (hi - lo) : plot_x;
          double pitch = CMP_BAR + 6, bars_h = 0, h, by;

          for (guint c = 0; c < cmp->canvases->len; c++)
            bars_h += row->present[c] && isfinite (row->converted[c]) ? pitch : 0;
          h = MAX (_nf_render_layout_height (label), bars_h) + 8;
          if (!headed || y + h > bottom)
            {
              if (y + h + 60 > bottom)
                y = metrics_page (cmp, FALSE);
              else if (y > top)
                y += CMP_GAP;
              y = chart_head (cmp, chart, headed, x0, y, width);
              headed = TRUE;
            }
          cairo_save (deck->cr);
          _nf_render_set_colour (deck->cr, &deck->style->title_text);
          cairo_move_to (deck->cr, x0, y + 2);
          pango_cairo_show_layout (deck->cr, label);
          by = y;
          for (guint c = 0; c < cmp->canvases->len; c++)
            {
              g_autofree char *text = NULL;
              g_autoptr(PangoLayout) v = NULL;
              double x1;
              NfColour colour;

              if (!row->present[c] || !isfinite (row->converted[c]))
                continue;
              text = nf_diff_metric_row_format_value (row, c, deck->lang);
              v = _nf_deck_text (deck, text != NULL ? text : "", CMP_CHART_SIZE, PANGO_WEIGHT_NORMAL, value_w + 1);
              x1 = hi > lo ? plot_x + plot_w * (row->converted[c] * factor - lo) / (hi - lo) : plot_x;
              nf_compare_canvas_colour (c, deck->style, &colour);
              _nf_render_set_colour (deck->cr, &colour);
              cairo_rectangle (deck->cr, MIN (zero_x, x1), by + (pitch - CMP_BAR) / 2,
                               MAX (fabs (x1 - zero_x), 1), CMP_BAR);
              cairo_fill (deck->cr);
              _nf_render_set_colour (deck->cr, &deck->style->muted_text);
              cairo_move_to (deck->cr, MAX (zero_x, x1) + 6, by + pitch / 2 - _nf_render_layout_height (v) / 2);
              pango_cairo_show_layout (deck->cr, v);
              by += pitch;
            }
          _nf_render_set_colour (deck->cr, &deck->style->block_border);
          cairo_set_line_width (deck->cr, 1);
          cairo_move_to (deck->cr, round (zero_x) + 0.5, y);
          cairo_line_to (deck->cr, round (zero_x) + 0.5, y + h - 4);
          cairo_stroke (deck->cr);
          cairo_restore (deck->cr);
          y += h;
        }
    }
  if (n_uncharted > 0)
    {
      /* TRANSLATORS: under the compared metrics; %u is always more than 40. */
      g_autofree char *why = g_strdup_printf (_("No chart: %u figures are more than a chart can show readably; the table above has each of them."),
                                              n_uncharted);
      g_autoptr(PangoLayout) l = _nf_deck_text (deck, why, CMP_CHART_SIZE, PANGO_WEIGHT_NORMAL, width);

      if (y + 8 + _nf_render_layout_height (l) > bottom)
        y = metrics_page (cmp, FALSE);
      else
        y += 8;
      cairo_save (deck->cr);
      _nf_render_set_colour (deck->cr, &deck->style->muted_text);
      cairo_move_to (deck->cr, x0, y);
      pango_cairo_show_layout (deck->cr, l);
      cairo_restore (deck->cr);
      y += _nf_render_layout_height (l);
    }
  return y;
}

/* The aligned figures as one table, a column per company, on as many
 * slides as it needs with its header repeated. Figures only one company
 * has are in that company's own metric slides. */
/* The aligned figures' table. A long one (more rows than two slides
 * hold at body size) is set dense: 9.5 pt, two tables side by side on a
 * slide, so 30,000 rows take a third of the slides; the figures are
 * short, so two still fit a row. Each column keeps one PangoLayout whose
 * text is replaced row by row: a row shapes its cells once (for its
 * height and its drawing alike) and makes no new layouts or font
 * descriptions. */
#define CMP_DENSE_SIZE  9.5
#define CMP_DENSE_HEAD 10.0
#define CMP_DENSE_GAP  24.0

typedef struct {
  Compare   *cmp;
  guint      n;            /* companies */
  gboolean   dense;
  guint      n_blocks;     /* tables side by side on a slide */
  double     x0, width, block_w, first_w, col_w;
  double     size, head_size, pad;
  double     top, bottom;  /* of the rows, under the header band */
  guint      block;        /* the one being filled */
  double     y;
  double     low;          /* the lowest row drawn on this slide */
  gboolean   started;
  PangoLayout **cells;     /* n + 1, reused for every row */
  NfDeckGlyphs *glyphs;    /* their glyphs, shaped once each */
  PangoLayout **heads;     /* n + 1 */
  double     head_h;
} AlignedTable;

static double
aligned_block_x (const AlignedTable *t,
                 guint               c)
{
  double x = t->x0 + t->block * (t->block_w + CMP_DENSE_GAP);

  return c == 0 ? x : x + t->first_w + (c - 1) * t->col_w;
}

static void
aligned_head (AlignedTable *t)
{
  cairo_t *cr = t->cmp->deck->cr;
  NfColour fill = t->cmp->deck->style->accent;

  cairo_save (cr);
  fill.alpha = 0.12;
  _nf_render_set_colour (cr, &fill);
  cairo_rectangle (cr, aligned_block_x (t, 0), t->y, t->block_w, t->head_h);
  cairo_fill (cr);
  _nf_render_set_colour (cr, &t->cmp->deck->style->title_text);
  for (guint c = 0; c <= t->n; c++)
    {
      cairo_move_to (cr, aligned_block_x (t, c) + 8, t->y + 6);
      pango_cairo_show_layout (cr, t->heads[c]);
    }
  cairo_restore (cr);
  t->y += t->head_h;
}

/* The next table of the slide, or a new slide. */
static void
aligned_next (AlignedTable *t)
{
  if (t->started && t->block + 1 < t->n_blocks)
    t->block++;
  else
    {
      t->top = metrics_page (t->cmp, !t->started);
      t->started = TRUE;
      t->block = 0;
      t->low = t->top;
    }
  t->y = t->top;
  aligned_head (t);
}

static void
metrics_slides (Compare *cmp)
{
  NfDeck *deck = cmp->deck;
  guint n = cmp->canvases->len;
  g_autoptr(GPtrArray) rows = aligned_rows (nf_diff_get_metrics (cmp->diff));
  AlignedTable t = { .cmp = cmp, .n = n };
  double line;

  t.x0 = NF_DECK_MARGIN;
  t.width = deck->width - 2 * NF_DECK_MARGIN;
  t.bottom = deck->height - NF_DECK_MARGIN * 0.6;
  t.size = CMP_SIZE;
  {
    /* Rows of one line at body size a slide holds. */
    g_autoptr(PangoLayout) probe = _nf_deck_text (deck, "0", CMP_SIZE, PANGO_WEIGHT_NORMAL, -1);
    double per_slide = (t.bottom - NF_DECK_HEADER_HEIGHT - 22 - 30) / (_nf_render_layout_height (probe) + 10);

    t.dense = rows->len > 2 * per_slide && t.width >= 900;
  }
  t.n_blocks = t.dense ? 2 : 1;
  t.size = t.dense ? CMP_DENSE_SIZE : CMP_SIZE;
  t.head_size = t.dense ? CMP_DENSE_HEAD : 11;
  t.pad = t.dense ? 6 : 10;
  t.block_w = (t.width - (t.n_blocks - 1) * CMP_DENSE_GAP) / t.n_blocks;
  t.first_w = t.block_w * (t.dense ? 0.30 : 0.34);
  t.col_w = (t.block_w - t.first_w) / n;

  if (rows->len == 0)
    {
      g_autoptr(PangoLayout) none = _nf_deck_text (deck, _("No figure is stated by more than one of these companies; each company's own figures are on its metric slides."),
                                                   CMP_SIZE, PANGO_WEIGHT_NORMAL, t.width);
      double y = metrics_page (cmp, TRUE);

      cairo_save (deck->cr);
      _nf_render_set_colour (deck->cr, &deck->style->muted_text);
      cairo_move_to (deck->cr, t.x0, y);
      pango_cairo_show_layout (deck->cr, none);
      cairo_restore (deck->cr);
      _nf_deck_end_slide (deck);
      return;
    }

  t.cells = g_new0 (PangoLayout *, n + 1);
  t.heads = g_new0 (PangoLayout *, n + 1);
  for (guint c = 0; c <= n; c++)
    {
      double w = (c == 0 ? t.first_w : t.col_w) - 16;

      t.cells[c] = _nf_deck_text (deck, "", t.size, PANGO_WEIGHT_NORMAL, w);
      t.heads[c] = _nf_deck_text (deck, c == 0 ? _("Measure") : nf_compare_layout_get_canvas_name (cmp->layout, c - 1),
                                  t.head_size, PANGO_WEIGHT_BOLD, w);
      if (c > 0)
        {
          pango_layout_set_alignment (t.cells[c], PANGO_ALIGN_RIGHT);
          pango_layout_set_alignment (t.heads[c], PANGO_ALIGN_RIGHT);
        }
      t.head_h = MAX (t.head_h, _nf_render_layout_height (t.heads[c]) + 12);
    }
  {
    g_autoptr(PangoLayout) probe = _nf_deck_text (deck, "0", t.size, PANGO_WEIGHT_NORMAL, -1);

    line = _nf_render_layout_height (probe);
  }
  t.glyphs = _nf_deck_glyphs_new (t.cells[0]);

  for (guint i = 0; i < rows->len && !g_cancellable_is_cancelled (deck->cancellable); i++)
    {
      const NfDiffMetricRow *row = g_ptr_array_index (rows, i);
      double h = line;
      g_autofree char **labels = g_new0 (char *, n + 2);
      g_autofree gboolean *fast = g_new0 (gboolean, n + 1);

      for (guint c = 0; c <= n; c++)
        {
          double one;

          if (c == 0)
            labels[c] = cmp_row_label (row, deck->lang);
          else if (row->present[c - 1])
            labels[c] = nf_diff_metric_row_format_value (row, c - 1, deck->lang);
          if (labels[c] == NULL)
            labels[c] = g_strdup ("—");
          /* A cell of one line is the common case: its height is known,
           * and most are one line of glyphs already shaped. */
          fast[c] = _nf_deck_glyphs_one_line (t.glyphs, t.cells[c], labels[c], &one);
          if (fast[c])
            continue;
          pango_layout_set_text (t.cells[c], labels[c], -1);
          if (pango_layout_get_line_count (t.cells[c]) > 1)
            h = MAX (h, _nf_render_layout_height (t.cells[c]));
        }
      h += t.pad;
      if (!t.started || t.y + h > t.bottom)
        aligned_next (&t);

      cairo_save (deck->cr);
      for (guint c = 0; c <= n; c++)
        {
          _nf_render_set_colour (deck->cr, c > 0 && !row->present[c - 1] ? &deck->style->muted_text
                                                                          : &deck->style->title_text);
          cairo_move_to (deck->cr, aligned_block_x (&t, c) + 8, t.y + t.pad / 2);
          if (fast[c])
            _nf_deck_glyphs_show (t.glyphs, deck->cr, t.cells[c], labels[c]);
          else
            pango_cairo_show_layout (deck->cr, t.cells[c]);
        }
      g_strfreev (g_steal_pointer (&labels));
      t.y += h;
      _nf_deck_rule (deck, aligned_block_x (&t, 0), aligned_block_x (&t, 0) + t.block_w, t.y, 0.75);
      cairo_restore (deck->cr);
      t.low = MAX (t.low, t.y);
    }
  for (guint c = 0; c <= n; c++)
    {
      g_object_unref (t.cells[c]);
      g_object_unref (t.heads[c]);
    }
  g_free (t.cells);
  g_free (t.heads);
  _nf_deck_glyphs_free (t.glyphs);
  /* The charts go under the lowest table of the slide. */
  if (t.started && !g_cancellable_is_cancelled (deck->cancellable))
    metrics_charts (cmp, rows, t.low);
  if (t.started)
    _nf_deck_end_slide (deck);
}

void
_nf_deck_compare_slides (NfDeck    *deck,
                         GPtrArray *canvases)
{
  g_autoptr(NfCompareLayout) layout = NULL;
  g_autoptr(GHashTable) kinds = NULL;
  Compare cmp = { 0 };

  if (!_nf_deck_can_compare (canvases->len))
    return;

  layout = comparison_new (deck, canvases);
  kinds = kinds_new (canvases, nf_compare_layout_get_diff (layout));
  cmp.deck = deck;
  cmp.canvases = canvases;
  cmp.layout = layout;
  cmp.diff = nf_compare_layout_get_diff (layout);
  cmp.kinds = kinds;

  overview_table (&cmp);
  for (NfBlock b = 0; b < NF_N_BLOCKS && !g_cancellable_is_cancelled (deck->cancellable); b++)
    if (block_has_notes (canvases, b))
      block_slides (&cmp, b);
  if (!g_cancellable_is_cancelled (deck->cancellable))
    {
      const char *names[NF_DIFF_MAX_CANVASES];

      for (guint c = 0; c < canvases->len; c++)
        names[c] = nf_compare_layout_get_canvas_name (layout, c);
      _nf_deck_themes_slides (deck, canvases, names, cmp.parent);
    }
  if (!g_cancellable_is_cancelled (deck->cancellable))
    metrics_slides (&cmp);
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
  NfLanguageScope scope;

  for (guint i = 0; i < n_canvases; i++)
    g_ptr_array_add (list, canvases[i]);
  nf_language_scope_enter (&scope, opts != NULL ? opts->lang : NULL);
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
  nf_language_scope_leave (&scope);
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
