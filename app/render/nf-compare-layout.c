/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-i18n-private.h"

#include "nf-card-layout-private.h"
#include "nf-compare-layout-private.h"
#include "nf-render-private.h"

struct _NfCompareLayout
{
  GObject       parent_instance;

  NfCanvas     *canvases[NF_DIFF_MAX_CANVASES];
  char         *names[NF_DIFF_MAX_CANVASES];
  guint         n_canvases;
  NfDiff       *diff;

  gboolean      differences_only;
  gboolean      show_header;
  int           block;
  char         *lang;

  NfGridStyle  *style;
  PangoContext *context;
  GHashTable   *cards;      /* NfNote → NfCardLayout, for this language */
  PangoLayout  *headers[NF_DIFF_MAX_CANVASES];
  NfRect        header_rect;
  NfRect        column_rects[NF_DIFF_MAX_CANVASES];
  GArray       *rows;       /* NfCompareRow */
  double        width;
  double        height;
  double        font_size;  /* the cards', chosen by the last allocation */
};

G_DEFINE_FINAL_TYPE (NfCompareLayout, nf_compare_layout, G_TYPE_OBJECT)

/* Room beside each card for the coloured strip saying what the diff says. */
#define MARK_WIDTH 6.0
#define MARK_GAP   4.0

static void
row_clear (gpointer data)
{
  NfCompareRow *row = data;

  g_clear_object (&row->title);
  for (guint i = 0; i < NF_DIFF_MAX_CANVASES; i++)
    {
      g_clear_pointer (&row->cells[i].cards, g_array_unref);
      g_clear_object (&row->cells[i].more);
      g_clear_object (&row->cells[i].empty);
    }
}

static void
nf_compare_layout_finalize (GObject *object)
{
  NfCompareLayout *self = (NfCompareLayout *) object;

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  for (guint i = 0; i < NF_DIFF_MAX_CANVASES; i++)
    {
      g_clear_object (&self->headers[i]);
      g_clear_object (&self->canvases[i]);
      g_clear_pointer (&self->names[i], g_free);
    }
  g_clear_object (&self->context);
  g_clear_pointer (&self->style, nf_grid_style_free);
  g_clear_pointer (&self->diff, nf_diff_free);
  g_clear_pointer (&self->lang, g_free);

  G_OBJECT_CLASS (nf_compare_layout_parent_class)->finalize (object);
}

static void
nf_compare_layout_class_init (NfCompareLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nf_compare_layout_finalize;
}

static void
nf_compare_layout_init (NfCompareLayout *self)
{
  self->block = NF_COMPARE_ALL_BLOCKS;
  self->show_header = TRUE;
  self->rows = g_array_new (FALSE, TRUE, sizeof (NfCompareRow));
  g_array_set_clear_func (self->rows, row_clear);
  self->cards = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

NfCompareLayout *
nf_compare_layout_new (NfCanvas **canvases,
                       guint      n_canvases)
{
  NfCompareLayout *self;

  g_return_val_if_fail (canvases != NULL, NULL);
  g_return_val_if_fail (n_canvases >= 2 && n_canvases <= NF_DIFF_MAX_CANVASES, NULL);

  self = g_object_new (NF_TYPE_COMPARE_LAYOUT, NULL);
  self->n_canvases = n_canvases;
  for (guint i = 0; i < n_canvases; i++)
    self->canvases[i] = g_object_ref (canvases[i]);
  _nf_compare_canvas_names (self->canvases, n_canvases, NULL, self->names);
  self->diff = nf_diff_new (self->canvases, n_canvases, NF_DIFF_FLAGS_NONE);
  return self;
}

NfDiff *
nf_compare_layout_get_diff (NfCompareLayout *self)
{
  g_return_val_if_fail (NF_IS_COMPARE_LAYOUT (self), NULL);
  return self->diff;
}

guint
nf_compare_layout_get_n_canvases (NfCompareLayout *self)
{
  g_return_val_if_fail (NF_IS_COMPARE_LAYOUT (self), 0);
  return self->n_canvases;
}

NfCanvas *
nf_compare_layout_get_canvas (NfCompareLayout *self,
                              guint            index)
{
  g_return_val_if_fail (NF_IS_COMPARE_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->n_canvases, NULL);
  return self->canvases[index];
}

const char *
nf_compare_layout_get_canvas_name (NfCompareLayout *self,
                                   guint            index)
{
  g_return_val_if_fail (NF_IS_COMPARE_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->n_canvases, NULL);
  return self->names[index];
}

void
nf_compare_layout_set_differences_only (NfCompareLayout *self,
                                        gboolean         differences_only)
{
  g_return_if_fail (NF_IS_COMPARE_LAYOUT (self));
  self->differences_only = !!differences_only;
}

gboolean
nf_compare_layout_get_differences_only (NfCompareLayout *self)
{
  g_return_val_if_fail (NF_IS_COMPARE_LAYOUT (self), FALSE);
  return self->differences_only;
}

void
nf_compare_layout_set_show_header (NfCompareLayout *self,
                                   gboolean         show_header)
{
  g_return_if_fail (NF_IS_COMPARE_LAYOUT (self));
  self->show_header = !!show_header;
}

gboolean
nf_compare_layout_get_show_header (NfCompareLayout *self)
{
  g_return_val_if_fail (NF_IS_COMPARE_LAYOUT (self), TRUE);
  return self->show_header;
}

void
nf_compare_layout_set_block (NfCompareLayout *self,
                             int              block)
{
  g_return_if_fail (NF_IS_COMPARE_LAYOUT (self));
  g_return_if_fail (block == NF_COMPARE_ALL_BLOCKS || (block >= 0 && block < NF_N_BLOCKS));
  self->block = block;
}

int
nf_compare_layout_get_block (NfCompareLayout *self)
{
  g_return_val_if_fail (NF_IS_COMPARE_LAYOUT (self), NF_COMPARE_ALL_BLOCKS);
  return self->block;
}

void
nf_compare_layout_set_language (NfCompareLayout *self,
                                const char      *lang)
{
  g_return_if_fail (NF_IS_COMPARE_LAYOUT (self));
  if (g_strcmp0 (self->lang, lang) == 0)
    return;
  g_free (self->lang);
  self->lang = g_strdup (lang);
  for (guint i = 0; i < self->n_canvases; i++)
    g_free (self->names[i]);
  _nf_compare_canvas_names (self->canvases, self->n_canvases, self->lang, self->names);
  /* Cards remember their language, and the context picks Han shapes. */
  g_hash_table_remove_all (self->cards);
  g_clear_object (&self->context);
}

const char *
nf_compare_layout_get_language (NfCompareLayout *self)
{
  g_return_val_if_fail (NF_IS_COMPARE_LAYOUT (self), NULL);
  return self->lang;
}

static PangoLayout *
text_layout (NfCompareLayout *self,
             const char      *text,
             double           size,
             PangoWeight      weight,
             double           width)
{
  return _nf_render_wrapped_layout (self->context, self->style->font_family, text, FALSE,
                                    size, weight, width);
}


/* What the diff says of each note: a note of canvas `i` is keyed by its
 * pointer, which is unique across canvases. Versions list only what
 * changed, so a note in no entry is one every version shares. */
static GHashTable *
note_kinds (NfCompareLayout *self)
{
  GHashTable *kinds = g_hash_table_new (NULL, NULL);

  for (guint e = 0; e < nf_diff_get_n_entries (self->diff); e++)
    {
      const NfDiffEntry *entry = nf_diff_get_entry (self->diff, e);

      for (guint i = 0; i < self->n_canvases; i++)
        if (entry->notes[i] != NULL)
          g_hash_table_insert (kinds, entry->notes[i], GUINT_TO_POINTER (e + 1));
    }
  return kinds;
}

/* The band of each note matched across companies in the row's block, by
 * note: matches that share a note share a band, so that a chain (Bitauto's
 * service fees near Alibaba's, Alibaba's near Senmiao's) sits level, not
 * each pair in a band of its own with the middle note in one of them. */
static GHashTable *
note_bands (NfCompareLayout *self,
            NfBlock          block,
            guint           *n_bands)
{
  GHashTable *bands = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) merged = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer note, value;

  for (guint e = 0; e < nf_diff_get_n_entries (self->diff); e++)
    {
      const NfDiffEntry *entry = nf_diff_get_entry (self->diff, e);
      guint n = 0, band = G_MAXUINT;

      if (entry->block != block || (entry->kind != NF_DIFF_NEAR && entry->kind != NF_DIFF_SOME))
        continue;
      for (guint c = 0; c < self->n_canvases; c++)
        n += entry->notes[c] != NULL;
      if (n < 2)
        continue;
      for (guint c = 0; c < self->n_canvases && band == G_MAXUINT; c++)
        if (entry->notes[c] != NULL && g_hash_table_contains (bands, entry->notes[c]))
          band = GPOINTER_TO_UINT (g_hash_table_lookup (bands, entry->notes[c])) - 1;
      if (band == G_MAXUINT)
        {
          band = merged->len;
          g_array_append_val (merged, band);
        }
      for (guint c = 0; c < self->n_canvases; c++)
        {
          guint other;

          if (entry->notes[c] == NULL)
            continue;
          other = GPOINTER_TO_UINT (g_hash_table_lookup (bands, entry->notes[c]));
          /* Bands are held one more than their number, so 0 is none. */
          if (other != 0)
            {
              guint a = other - 1, b = band;

              while (g_array_index (merged, guint, a) != a)
                a = g_array_index (merged, guint, a);
              while (g_array_index (merged, guint, b) != b)
                b = g_array_index (merged, guint, b);
              g_array_index (merged, guint, MAX (a, b)) = MIN (a, b);
            }
          g_hash_table_insert (bands, entry->notes[c], GUINT_TO_POINTER (band + 1));
        }
    }

  /* Each merged band by its first: numbered in order of appearance. */
  for (guint b = 0; b < merged->len; b++)
    {
      guint root = b, number = G_MAXUINT;

      while (g_array_index (merged, guint, root) != root)
        root = g_array_index (merged, guint, root);
      if (root == b)
        number = order->len;
      else
        number = g_array_index (order, guint, root);
      g_array_append_val (order, number);
    }
  g_hash_table_iter_init (&iter, bands);
  while (g_hash_table_iter_next (&iter, &note, &value))
    g_hash_table_iter_replace (&iter, GUINT_TO_POINTER (g_array_index (order, guint, GPOINTER_TO_UINT (value) - 1) + 1));
  *n_bands = 0;
  for (guint b = 0; b < merged->len; b++)
    *n_bands += g_array_index (merged, guint, b) == b;
  return bands;
}

/* Each canvas's notes of the row's block, in that canvas's own order.
 * Differences only between companies hides what they all share and puts
 * the notes matched across companies (near matches, notes some share)
 * first, each match in a band of its own so they sit side by side. */
static void
collect_cards (NfCompareLayout *self,
               NfCompareRow    *row,
               GHashTable      *kinds)
{
  gboolean bands = self->differences_only && !nf_diff_is_versions (self->diff);
  g_autoptr(GHashTable) band_of = NULL;
  guint n_bands = 0;

  if (bands)
    band_of = note_bands (self, row->block, &n_bands);
  for (guint i = 0; i < self->n_canvases; i++)
    {
      GListModel *notes = nf_canvas_get_notes (self->canvases[i], row->block);

      for (guint k = 0; k < g_list_model_get_n_items (notes); k++)
        {
          g_autoptr(NfNote) note = g_list_model_get_item (notes, k);
          guint e = GPOINTER_TO_UINT (g_hash_table_lookup (kinds, note));
          NfCompareCard card = { 0 };

          card.entry = e > 0 ? nf_diff_get_entry (self->diff, e - 1) : NULL;
          card.kind = card.entry != NULL ? _nf_compare_layout_shown_kind (self, card.entry->kind)
                                         : NF_DIFF_SHARED;
          card.canvas = i;
          card.band = -1;
          if (self->differences_only && card.kind == NF_DIFF_SHARED)
            continue;
          if (bands && (card.kind == NF_DIFF_NEAR || card.kind == NF_DIFF_SOME))
            card.band = (int) GPOINTER_TO_UINT (g_hash_table_lookup (band_of, note)) - 1;
          card.note = note;
          card.card = _nf_card_layout_lookup (self->cards, self->context, note, self->lang);
          g_array_append_val (row->cells[i].cards, card);
        }
    }
  row->n_bands = n_bands;
  for (guint i = 0; i < self->n_canvases && row->n_bands > 0; i++)
    {
      GArray *cards = row->cells[i].cards;
      GArray *sorted = g_array_sized_new (FALSE, TRUE, sizeof (NfCompareCard), cards->len);

      /* Matched notes first, by band; the rest in their own order. */
      for (int band = 0; band <= (int) row->n_bands; band++)
        for (guint c = 0; c < cards->len; c++)
          {
            const NfCompareCard *card = &g_array_index (cards, NfCompareCard, c);

            if (card->band == (band < (int) row->n_bands ? band : -1))
              g_array_append_val (sorted, *card);
          }
      g_array_unref (cards);
      row->cells[i].cards = sorted;
    }
}

/* Stacks a cell's cards from `y`, within `budget` of height when it is
 * positive; returns the height used. */
static double
stack_cell (NfCompareLayout *self,
            NfCompareCell   *cell,
            double           x,
            double           y,
            double           width,
            double           font_size,
            double           budget,
            const double    *band_tops,
            guint            n_bands)
{
  const NfGridStyle *style = self->style;
  double card_w = width - 2 * style->block_padding - MARK_WIDTH - MARK_GAP;
  double top = y + style->block_padding;
  double cy = top;
  double more_h = 0;

  cell->n_hidden = 0;
  g_clear_object (&cell->more);
  if (cell->cards->len == 0)
    {
      if (cell->empty == NULL)
        cell->empty = text_layout (self, "—", style->base_font_size, PANGO_WEIGHT_NORMAL, card_w);
      return _nf_render_layout_height (cell->empty) + 2 * style->block_padding;
    }

  for (guint c = 0; c < cell->cards->len; c++)
    {
      NfCompareCard *card = &g_array_index (cell->cards, NfCompareCard, c);
      gboolean last = c + 1 == cell->cards->len;
      /* Room for "+N more" below, unless this is the last card. */
      double reserve = last ? 0 : ceil (style->base_font_size * style->footer_font_scale * 96 / 72 *
                                        style->line_height) + style->card_gap;
      double left, h;

      /* A matched note sits level with its match in the other columns;
       * the unmatched ones start below every band. */
      if (n_bands > 0)
        cy = MAX (cy, band_tops[card->band >= 0 ? (guint) card->band : n_bands]);
      left = budget > 0 ? top + budget - cy - reserve : 0;
      h = nf_card_layout_measure (card->card, style, card_w, font_size, 0, NULL);

      if (budget > 0 && c > 0 && h > left)
        {
          g_autofree char *text = NULL;

          cell->n_hidden = cell->cards->len - c;
          for (guint k = c; k < cell->cards->len; k++)
            g_array_index (cell->cards, NfCompareCard, k).visible = FALSE;
          text = g_strdup_printf (nf_ngettext ("+%u more", "+%u more", cell->n_hidden),
                                  cell->n_hidden);
          cell->more = text_layout (self, text, style->base_font_size * style->footer_font_scale,
                                    PANGO_WEIGHT_NORMAL, card_w);
          more_h = _nf_render_layout_height (cell->more);
          cell->more_x = x + style->block_padding;
          cell->more_y = cy;
          break;
        }
      nf_card_layout_apply (card->card, style, card_w, font_size,
                            budget > 0 && c == 0 ? MAX (left, 1) : 0);
      h = nf_card_layout_get_height (card->card);
      if (card->kind == NF_DIFF_CHANGED && card->entry->ops != NULL)
        _nf_compare_highlight_words (card->card, card->entry, card->canvas, self->lang, style);
      card->visible = TRUE;
      card->rect = (NfRect) { x + style->block_padding, cy, card_w, h };
      card->mark = (NfRect) { x + width - style->block_padding - MARK_WIDTH, cy, MARK_WIDTH, h };
      cy += h + style->card_gap;
    }
  return cy - style->card_gap - y + more_h + (more_h > 0 ? style->card_gap : 0) + style->block_padding;
}

/* Where each band of matched notes starts, from `top`, and (last) where
 * the unmatched notes start: each band as tall as its tallest card. */
static double *
band_offsets (NfCompareLayout    *self,
              const NfCompareRow *row,
              double              top,
              double              font_size)
{
  const NfGridStyle *style = self->style;
  double *tops = g_new0 (double, row->n_bands + 1);
  g_autofree double *heights = g_new0 (double, row->n_bands);
  g_autofree double *column = g_new0 (double, row->n_bands);

  for (guint i = 0; i < self->n_canvases; i++)
    {
      const NfCompareCell *cell = &row->cells[i];
      double card_w = self->column_rects[i].width - 2 * style->block_padding - MARK_WIDTH - MARK_GAP;

      /* A chain of matches can hold two notes of one company. */
      memset (column, 0, sizeof (double) * row->n_bands);
      for (guint c = 0; c < cell->cards->len; c++)
        {
          const NfCompareCard *card = &g_array_index (cell->cards, NfCompareCard, c);

          if (card->band < 0)
            continue;
          if (column[card->band] > 0)
            column[card->band] += style->card_gap;
          column[card->band] += nf_card_layout_measure (card->card, style, card_w, font_size, 0, NULL);
          heights[card->band] = MAX (heights[card->band], column[card->band]);
        }
    }
  tops[0] = top;
  for (guint b = 0; b < row->n_bands; b++)
    tops[b + 1] = tops[b] + heights[b] + style->card_gap;
  return tops;
}

/* Lays every row out at one font size; returns the total height. The
 * budgets (per row, for the cards) apply when positive. */
static double
place_rows (NfCompareLayout *self,
            double           font_size,
            const double    *budgets)
{
  const NfGridStyle *style = self->style;
  double y = self->show_header ? self->header_rect.y + self->header_rect.height + style->block_gap
                               : style->margin;
  g_autofree double *band_tops = NULL;

  for (guint r = 0; r < self->rows->len; r++)
    {
      NfCompareRow *row = &g_array_index (self->rows, NfCompareRow, r);
      double band = style->glyph_size + style->title_gap;
      double cell_h = 0;

      row->title_rect = (NfRect) { style->margin, y, self->width - 2 * style->margin, band };
      row->title_x = style->margin + style->glyph_size + style->title_gap;
      row->title_y = y + (style->glyph_size - _nf_render_layout_height (row->title)) / 2;
      row->glyph_rect = (NfRect) { style->margin, y, style->glyph_size, style->glyph_size };
      if (row->n_bands > 0)
        {
          g_free (band_tops);
          band_tops = band_offsets (self, row, y + band + style->block_padding, font_size);
        }
      for (guint i = 0; i < self->n_canvases; i++)
        {
          const NfRect *col = &self->column_rects[i];

          cell_h = MAX (cell_h, stack_cell (self, &row->cells[i], col->x, y + band, col->width,
                                            font_size, budgets ? budgets[r] : 0, band_tops, row->n_bands));
        }
      for (guint i = 0; i < self->n_canvases; i++)
        row->cells[i].rect = (NfRect) { self->column_rects[i].x, y + band,
                                        self->column_rects[i].width, cell_h };
      row->rect = (NfRect) { style->margin, y, self->width - 2 * style->margin, band + cell_h };
      y += band + cell_h + style->block_gap;
    }
  return y - style->block_gap + style->margin;
}

static void
invalidate_card (gpointer key,
                 gpointer value,
                 gpointer user_data)
{
  nf_card_layout_invalidate (value);
}

void
nf_compare_layout_allocate (NfCompareLayout   *self,
                            const NfGridStyle *style,
                            double             width,
                            double             max_height)
{
  g_autoptr(NfGridStyle) light = NULL;
  GHashTable *kinds;
  double col_w, header_h = 0, total, font;

  g_return_if_fail (NF_IS_COMPARE_LAYOUT (self));

  if (style == NULL)
    style = light = nf_grid_style_new_light ();
  if (self->style == NULL || !nf_grid_style_equal (self->style, style))
    {
      g_clear_pointer (&self->style, nf_grid_style_free);
      self->style = nf_grid_style_copy (style);
      g_hash_table_foreach (self->cards, invalidate_card, NULL);
    }
  if (self->context == NULL)
    self->context = nf_render_pango_context_new (self->lang);

  self->width = MAX (width, 2 * style->margin + self->n_canvases * 40);
  col_w = (self->width - 2 * style->margin - (self->n_canvases - 1) * style->block_gap) / self->n_canvases;

  for (guint i = 0; i < self->n_canvases; i++)
    {
      self->column_rects[i] = (NfRect) { style->margin + i * (col_w + style->block_gap),
                                         style->margin, col_w, 0 };
      g_clear_object (&self->headers[i]);
      self->headers[i] = text_layout (self, self->names[i], style->title_font_size * 1.15,
                                      PANGO_WEIGHT_BOLD, col_w - 2 * style->block_padding);
      pango_layout_set_ellipsize (self->headers[i], PANGO_ELLIPSIZE_END);
      pango_layout_set_height (self->headers[i], -2);
      header_h = MAX (header_h, _nf_render_layout_height (self->headers[i]));
    }
  /* Text, then a coloured bar the charts' bars repeat. */
  header_h += 2 * style->card_padding + 4;
  self->header_rect = (NfRect) { style->margin, style->margin, self->width - 2 * style->margin, header_h };
  for (guint i = 0; i < self->n_canvases; i++)
    self->column_rects[i].height = header_h;

  g_array_set_size (self->rows, 0);
  kinds = note_kinds (self);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      NfCompareRow row = { 0 };

      if (self->block != NF_COMPARE_ALL_BLOCKS && (int) b != self->block)
        continue;
      row.block = (NfBlock) b;
      row.title = text_layout (self, nf_block_title ((NfBlock) b), style->title_font_size,
                               PANGO_WEIGHT_BOLD, self->width - 2 * style->margin - style->glyph_size);
      pango_layout_set_ellipsize (row.title, PANGO_ELLIPSIZE_END);
      for (guint i = 0; i < self->n_canvases; i++)
        row.cells[i].cards = g_array_new (FALSE, TRUE, sizeof (NfCompareCard));
      g_array_append_val (self->rows, row);
      collect_cards (self, &g_array_index (self->rows, NfCompareRow, self->rows->len - 1), kinds);
      if (self->differences_only)
        {
          /* A block where nothing differs is left out, not shown as "—". */
          NfCompareRow *added = &g_array_index (self->rows, NfCompareRow, self->rows->len - 1);
          guint n = 0;

          for (guint i = 0; i < self->n_canvases; i++)
            n += added->cells[i].cards->len;
          if (n == 0)
            g_array_set_size (self->rows, self->rows->len - 1);
        }
    }
  g_hash_table_unref (kinds);

  font = style->base_font_size;
  total = place_rows (self, font, NULL);
  if (max_height > 0 && total > max_height)
    {
      /* The largest size, in steps down from the base, at which it fits.
       * Smaller text never needs more room, so bisect rather than lay
       * every card out again at every step (a slide's layout was mostly
       * that): the smallest size first, as crowded slides end there. */
      guint n = (guint) floor ((style->base_font_size - style->min_font_size) / style->font_size_step + 1e-6);
      guint lo = 0, hi = n;   /* lo does not fit; hi fits, or is the smallest */
      double at_hi;

      at_hi = n > 0 ? place_rows (self, style->base_font_size - n * style->font_size_step, NULL) : total;
      if (at_hi <= max_height)
        while (hi - lo > 1)
          {
            guint mid = lo + (hi - lo) / 2;
            double t = place_rows (self, style->base_font_size - mid * style->font_size_step, NULL);

            if (t <= max_height)
              hi = mid, at_hi = t;
            else
              lo = mid;
          }
      font = style->base_font_size - hi * style->font_size_step;
      /* The rows hold the last size tried: place them at the chosen one. */
      total = place_rows (self, font, NULL);
      g_warn_if_fail (total == at_hi);
    }
  if (max_height > 0 && total > max_height)
    {
      /* Each row's cards get a share of what is left, in proportion to
       * what they would need. */
      g_autofree double *budgets = g_new0 (double, self->rows->len);
      double fixed = (self->show_header ? self->header_rect.y + self->header_rect.height : 0) + style->margin;
      double need = 0;

      for (guint r = 0; r < self->rows->len; r++)
        {
          NfCompareRow *row = &g_array_index (self->rows, NfCompareRow, r);

          fixed += row->title_rect.height + 2 * style->block_padding + style->block_gap;
          budgets[r] = row->rect.height - row->title_rect.height - 2 * style->block_padding;
          need += budgets[r];
        }
      for (guint r = 0; r < self->rows->len; r++)
        budgets[r] = MAX (1, floor ((max_height - fixed) * budgets[r] / MAX (need, 1)));
      total = place_rows (self, font, budgets);
    }
  self->height = total;
  self->font_size = font;
}

double
_nf_compare_layout_get_font_size (NfCompareLayout *self)
{
  return self->font_size;
}

double
_nf_compare_layout_height_at (NfCompareLayout *self,
                              double           font_size)
{
  return place_rows (self, font_size, NULL);
}

double
nf_compare_layout_get_width (NfCompareLayout *self)
{
  g_return_val_if_fail (NF_IS_COMPARE_LAYOUT (self), 0);
  return self->width;
}

double
nf_compare_layout_get_height (NfCompareLayout *self)
{
  g_return_val_if_fail (NF_IS_COMPARE_LAYOUT (self), 0);
  return self->height;
}

void
nf_compare_layout_get_header_rect (NfCompareLayout *self,
                                   NfRect          *out)
{
  g_return_if_fail (NF_IS_COMPARE_LAYOUT (self));
  *out = self->header_rect;
}

void
nf_compare_layout_get_column_rect (NfCompareLayout *self,
                                   guint            canvas,
                                   NfRect          *out)
{
  g_return_if_fail (NF_IS_COMPARE_LAYOUT (self));
  g_return_if_fail (canvas < self->n_canvases);
  *out = self->column_rects[canvas];
}

guint
nf_compare_layout_get_n_rows (NfCompareLayout *self)
{
  g_return_val_if_fail (NF_IS_COMPARE_LAYOUT (self), 0);
  return self->rows->len;
}

const NfCompareRow *
_nf_compare_layout_get_row (NfCompareLayout *self,
                            guint            row)
{
  g_return_val_if_fail (NF_IS_COMPARE_LAYOUT (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return &g_array_index (self->rows, NfCompareRow, row);
}

PangoLayout *
_nf_compare_layout_get_header (NfCompareLayout *self,
                               guint            canvas)
{
  g_return_val_if_fail (NF_IS_COMPARE_LAYOUT (self), NULL);
  g_return_val_if_fail (canvas < self->n_canvases, NULL);
  return self->headers[canvas];
}

NfBlock
nf_compare_layout_get_row_block (NfCompareLayout *self,
                                 guint            row)
{
  return _nf_compare_layout_get_row (self, row)->block;
}

void
nf_compare_layout_get_row_rect (NfCompareLayout *self,
                                guint            row,
                                NfRect          *out)
{
  *out = _nf_compare_layout_get_row (self, row)->rect;
}

void
nf_compare_layout_get_title_rect (NfCompareLayout *self,
                                  guint            row,
                                  NfRect          *out)
{
  *out = _nf_compare_layout_get_row (self, row)->title_rect;
}

void
nf_compare_layout_get_cell_rect (NfCompareLayout *self,
                                 guint            row,
                                 guint            canvas,
                                 NfRect          *out)
{
  g_return_if_fail (canvas < self->n_canvases);
  *out = _nf_compare_layout_get_row (self, row)->cells[canvas].rect;
}

guint
nf_compare_layout_get_n_cards (NfCompareLayout *self,
                               guint            row,
                               guint            canvas)
{
  g_return_val_if_fail (canvas < self->n_canvases, 0);
  return _nf_compare_layout_get_row (self, row)->cells[canvas].cards->len;
}

static const NfCompareCard *
get_card (NfCompareLayout *self,
          guint            row,
          guint            canvas,
          guint            card)
{
  const NfCompareCell *cell;

  g_return_val_if_fail (canvas < self->n_canvases, NULL);
  cell = &_nf_compare_layout_get_row (self, row)->cells[canvas];
  g_return_val_if_fail (card < cell->cards->len, NULL);
  return &g_array_index (cell->cards, NfCompareCard, card);
}

NfNote *
nf_compare_layout_get_card_note (NfCompareLayout *self,
                                 guint            row,
                                 guint            canvas,
                                 guint            card,
                                 NfDiffKind      *out_kind,
                                 NfRect          *out_rect)
{
  const NfCompareCard *c = get_card (self, row, canvas, card);

  if (out_kind != NULL)
    *out_kind = c->kind;
  if (out_rect != NULL)
    *out_rect = c->visible ? c->rect : (NfRect) { 0, 0, 0, 0 };
  return c->note;
}

const NfDiffEntry *
nf_compare_layout_get_card_entry (NfCompareLayout *self,
                                  guint            row,
                                  guint            canvas,
                                  guint            card)
{
  return get_card (self, row, canvas, card)->entry;
}

void
nf_compare_layout_get_mark_rect (NfCompareLayout *self,
                                 guint            row,
                                 guint            canvas,
                                 guint            card,
                                 NfRect          *out)
{
  const NfCompareCard *c = get_card (self, row, canvas, card);

  *out = c->visible ? c->mark : (NfRect) { 0, 0, 0, 0 };
}

NfDiffKind
_nf_compare_layout_shown_kind (NfCompareLayout *self,
                               NfDiffKind       kind)
{
  if ((kind == NF_DIFF_ADDED || kind == NF_DIFF_REMOVED) && !nf_diff_is_versions (self->diff))
    return NF_DIFF_ONLY;
  return kind;
}
