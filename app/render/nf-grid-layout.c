/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-card-layout-private.h"
#include "nf-grid-block-private.h"
#include "nf-grid-layout.h"
#include "nf-grid-layout-private.h"
#include "nf-render-private.h"

#define LADDER_MEMO 6

typedef struct {
  gboolean     used;
  double       width, size, fewest, most;
  guint        n_levels;
  NfGridLadder ladder;
} LadderMemo;

struct _NfGridLayout
{
  GObject        parent_instance;

  NfCanvas      *canvas;
  NfGridStyle   *style;
  char          *lang;
  PangoContext  *context;

  /* NfNote → NfCardLayout. Each card holds a reference on its note, so a
   * key never dangles; cards of notes gone from the canvas are swept. */
  GHashTable    *cards;
  GPtrArray     *scratch;

  double         width, height;
  gboolean       balance_rows;
  /* Ladders measured in this allocation, per block: the room-lending
   * tries change some columns' widths, and a block whose width did not
   * change needs the same ladder again. */
  LadderMemo     memo[NF_N_BLOCKS][LADDER_MEMO];
  guint          memo_next[NF_N_BLOCKS];
  NfBlock        focus_block;
  /* A note being written, not yet in the canvas, laid out in its place. */
  NfNote        *pending;
  NfBlock        pending_block;
  guint          pending_index;
  NfGridBlock    blocks[NF_N_BLOCKS];
};

enum {
  PROP_0,
  PROP_CANVAS,
  PROP_LANGUAGE,
  PROP_BALANCE_ROWS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (NfGridLayout, nf_grid_layout, G_TYPE_OBJECT)

static void
card_clear (gpointer data)
{
  NfGridCard *card = data;

  g_clear_object (&card->card);
}

static void
nf_grid_layout_dispose (GObject *object)
{
  NfGridLayout *self = NF_GRID_LAYOUT (object);

  for (guint i = 0; i < NF_N_BLOCKS; i++)
    {
      NfGridBlock *block = &self->blocks[i];

      g_clear_object (&block->title);
      g_clear_object (&block->title_alt);
      g_clear_object (&block->more);
      g_clear_object (&block->hint);
      g_clear_pointer (&block->cards, g_array_unref);
    }
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_object (&self->pending);
  g_clear_object (&self->context);
  g_clear_object (&self->canvas);
  G_OBJECT_CLASS (nf_grid_layout_parent_class)->dispose (object);
}

static void
nf_grid_layout_finalize (GObject *object)
{
  NfGridLayout *self = NF_GRID_LAYOUT (object);

  g_ptr_array_unref (self->scratch);
  nf_grid_style_free (self->style);
  g_free (self->lang);
  G_OBJECT_CLASS (nf_grid_layout_parent_class)->finalize (object);
}

static void
nf_grid_layout_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NfGridLayout *self = NF_GRID_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->lang);
      break;
    case PROP_BALANCE_ROWS:
      g_value_set_boolean (value, self->balance_rows);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_grid_layout_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NfGridLayout *self = NF_GRID_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      self->canvas = g_value_dup_object (value);
      break;
    case PROP_LANGUAGE:
      nf_grid_layout_set_language (self, g_value_get_string (value));
      break;
    case PROP_BALANCE_ROWS:
      nf_grid_layout_set_balance_rows (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_grid_layout_class_init (NfGridLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nf_grid_layout_dispose;
  object_class->finalize = nf_grid_layout_finalize;
  object_class->get_property = nf_grid_layout_get_property;
  object_class->set_property = nf_grid_layout_set_property;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, NF_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_BALANCE_ROWS] =
    g_param_spec_boolean ("balance-rows", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nf_grid_layout_init (NfGridLayout *self)
{
  self->cards = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->scratch = g_ptr_array_new ();
  self->style = nf_grid_style_new_light ();
  self->balance_rows = TRUE;
  self->focus_block = NF_BLOCK_NONE;
  for (guint i = 0; i < NF_N_BLOCKS; i++)
    {
      self->blocks[i].cards = g_array_new (FALSE, TRUE, sizeof (NfGridCard));
      g_array_set_clear_func (self->blocks[i].cards, card_clear);
    }
}

NfGridLayout *
nf_grid_layout_new (NfCanvas          *canvas,
                    const NfGridStyle *style,
                    const char        *lang)
{
  NfGridLayout *self;

  g_return_val_if_fail (NF_IS_CANVAS (canvas), NULL);

  self = g_object_new (NF_TYPE_GRID_LAYOUT,
                       "canvas", canvas,
                       "language", lang,
                       NULL);
  if (style != NULL)
    nf_grid_layout_set_style (self, style);
  return self;
}

NfCanvas *
nf_grid_layout_get_canvas (NfGridLayout *self)
{
  g_return_val_if_fail (NF_IS_GRID_LAYOUT (self), NULL);
  return self->canvas;
}

const NfGridStyle *
nf_grid_layout_get_style (NfGridLayout *self)
{
  g_return_val_if_fail (NF_IS_GRID_LAYOUT (self), NULL);
  return self->style;
}

static void
forget_block_text (NfGridLayout *self)
{
  for (guint i = 0; i < NF_N_BLOCKS; i++)
    {
      self->blocks[i].title_width = -1;
      self->blocks[i].title_alt_width = -1;
      self->blocks[i].hint_width = -1;
      self->blocks[i].more_count = G_MAXUINT;
    }
}

void
nf_grid_layout_set_style (NfGridLayout      *self,
                          const NfGridStyle *style)
{
  g_return_if_fail (NF_IS_GRID_LAYOUT (self));
  g_return_if_fail (style != NULL);

  if (nf_grid_style_equal (self->style, style))
    return;
  nf_grid_style_free (self->style);
  self->style = nf_grid_style_copy (style);
  nf_grid_layout_invalidate (self);
}

const char *
nf_grid_layout_get_language (NfGridLayout *self)
{
  g_return_val_if_fail (NF_IS_GRID_LAYOUT (self), NULL);
  return self->lang;
}

void
nf_grid_layout_set_language (NfGridLayout *self,
                             const char   *lang)
{
  g_return_if_fail (NF_IS_GRID_LAYOUT (self));

  if (self->context != NULL && g_strcmp0 (lang, self->lang) == 0)
    return;
  g_free (self->lang);
  self->lang = g_strdup (lang);
  /* The cards show other text now, and Han characters may want other
   * shapes: start afresh. */
  g_hash_table_remove_all (self->cards);
  for (guint i = 0; i < NF_N_BLOCKS; i++)
    {
      g_array_set_size (self->blocks[i].cards, 0);
      g_clear_object (&self->blocks[i].title);
      g_clear_object (&self->blocks[i].title_alt);
      g_clear_object (&self->blocks[i].more);
      g_clear_object (&self->blocks[i].hint);
    }
  forget_block_text (self);
  g_clear_object (&self->context);
  /* Tagged with the language of the text shown: the translation's, else
   * the canvas's own (not the reader's locale). */
  self->context = nf_render_pango_context_new (lang != NULL || self->canvas == NULL
                                               ? lang : nf_canvas_get_language (self->canvas));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

PangoContext *
nf_grid_layout_get_pango_context (NfGridLayout *self)
{
  g_return_val_if_fail (NF_IS_GRID_LAYOUT (self), NULL);
  return self->context;
}

void
nf_grid_layout_invalidate_note (NfGridLayout *self,
                                NfNote       *note)
{
  NfCardLayout *card;

  g_return_if_fail (NF_IS_GRID_LAYOUT (self));
  if ((card = g_hash_table_lookup (self->cards, note)))
    {
      nf_card_layout_sync (card);
      nf_card_layout_invalidate (card);
    }
}

void
nf_grid_layout_invalidate (NfGridLayout *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (NF_IS_GRID_LAYOUT (self));
  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    nf_card_layout_invalidate (value);
  forget_block_text (self);
}

static void
sweep_cards (NfGridLayout *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (key != self->pending &&
        nf_canvas_find_note (self->canvas, nf_note_get_id (key), NULL, NULL) != key)
      g_hash_table_iter_remove (&iter);
}

static NfCardLayout *
card_of (NfGridLayout *self,
         NfNote       *note)
{
  return _nf_card_layout_lookup (self->cards, self->context, note, self->lang);
}

/* The cards of a block's notes, in order, made or found in the cache;
 * they are appended to self->scratch. */
static guint
gather_cards (NfGridLayout *self,
              NfBlock       block)
{
  GListModel *notes = nf_canvas_get_notes (self->canvas, block);
  guint n = g_list_model_get_n_items (notes);
  gboolean pending = self->pending != NULL && self->pending_block == block;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NfNote) note = g_list_model_get_item (notes, i);

      if (pending && i == self->pending_index)
        g_ptr_array_add (self->scratch, card_of (self, self->pending));
      g_ptr_array_add (self->scratch, card_of (self, note));
    }
  if (pending && self->pending_index >= n)
    g_ptr_array_add (self->scratch, card_of (self, self->pending));
  return n + (pending ? 1 : 0);
}

/* Up to this many notes, a block tries clamped cards in every column
 * count before one-line cards. */
#define FEW_NOTES 8
/* What lending width must save (_nf_grid_ladder_cost()) to be worth
 * moving the columns: half of one card cut to nothing. */
#define LEND_MARGIN 5.0

/* Puts the block at rows [y0, y1) and its title and content inside. */
static void
place_block (NfGridLayout *self,
             NfGridBlock  *block,
             NfBlock       kind,
             double        y0,
             double        y1)
{
  const NfGridStyle *style = self->style;
  double top;

  block->rect.y = y0;
  block->rect.height = MAX (0.0, y1 - y0);
  _nf_grid_block_layout_title (block, self->context, style, kind);
  top = block->title_rect.y + block->title_rect.height + style->title_gap;
  block->content_rect = (NfRect) {
    block->rect.x + style->block_padding, top,
    MAX (0.0, block->rect.width - 2 * style->block_padding),
    MAX (0.0, block->rect.y + block->rect.height - style->block_padding - top),
  };
}

/* The size at step `i` down from the base, never below the smallest. */
static double
step_size (const NfGridStyle *style,
           guint              i)
{
  if (i == 0)
    return style->base_font_size;
  return MAX (style->min_font_size, style->base_font_size - i * style->font_size_step);
}

static guint
n_size_steps (const NfGridStyle *style)
{
  guint n = 0;

  if (style->font_size_step > 0)
    while (step_size (style, n) > style->min_font_size + 1e-6 && n < 64)
      n++;
  return n;
}

/* A focused block takes the whole grid and shows its notes as full cards
 * at the base size; the others are laid out empty, out of sight. */
static void
allocate_focus (NfGridLayout *self,
                double        width,
                double        height)
{
  const NfGridStyle *style = self->style;

  g_ptr_array_set_size (self->scratch, 0);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      NfGridBlock *block = &self->blocks[b];
      NfGridPlan plan;
      guint n;

      if ((NfBlock) b != self->focus_block)
        {
          block->rect = (NfRect) { style->margin, style->margin, 0, 0 };
          block->content_rect = block->rect;
          block->title_rect = block->rect;
          block->glyph_rect = block->rect;
          g_array_set_size (block->cards, 0);
          block->n_notes = g_list_model_get_n_items (nf_canvas_get_notes (self->canvas, (NfBlock) b));
          block->n_hidden = block->n_notes;
          block->scroll_height = 0;
          block->font_size = style->base_font_size;
          continue;
        }
      block->rect.x = style->margin;
      block->rect.width = MAX (0.0, width - 2 * style->margin);
      place_block (self, block, (NfBlock) b, style->margin, height - style->margin);
      n = gather_cards (self, (NfBlock) b);
      if (!_nf_grid_block_plan (style, block->content_rect.width, block->content_rect.height,
                                style->base_font_size, NF_CARD_FULL,
                                (NfCardLayout **) self->scratch->pdata, n, &plan))
        {
          /* Too many even for the whole grid: full cards row by row,
           * as tall as each needs, and the block scrolls. */
          _nf_grid_block_plan (style, block->content_rect.width, G_MAXDOUBLE / 4,
                               style->base_font_size, NF_CARD_FULL,
                               (NfCardLayout **) self->scratch->pdata, n, &plan);
        }
      _nf_grid_block_place (block, self->context, style, style->base_font_size, &plan,
                            (NfCardLayout **) self->scratch->pdata, n);
      if (n == 0)
        _nf_grid_block_layout_hint (block, self->context, style, (NfBlock) b);
    }
  g_ptr_array_set_size (self->scratch, 0);
}

/* The top band's five columns and the bottom band's two. */
#define N_TOP_COLUMNS    5
#define N_BOTTOM_COLUMNS 2
/* A column may lend or borrow width within these shares of its even
 * one, so the canvas still reads as the canvas. */
#define LEAST_SHARE 0.6
/* A column whose blocks show everything with room to spare, measured,
 * may give up to half its width (lend_room()). */
#define ROOM_LEAST_SHARE 0.5
#define MOST_SHARE  1.6
/* Room lent by columns that show everything with room to spare may take
 * a crowded column further: a canvas with one thin block beside a
 * full one (数跑科技's three partners beside twenty activities and
 * resources) reads better wide there than with cut notes beside an
 * empty half. */
#define ROOM_MOST_SHARE 1.8

/* One choice of the grid's column edges, and what it gives: the text
 * size, whether every block shows its whole text at it, what is cut by
 * the blocks' ladders (_nf_grid_rows_balance()), and the row edges. */
typedef struct {
  double       top[N_TOP_COLUMNS + 1];        /* in units, 0 … 10 */
  double       bottom[N_BOTTOM_COLUMNS + 1];
  double       size;
  gboolean     all_full;
  double       cost;
  double       edges[NF_GRID_N_EDGES];
  NfGridLadder ladders[NF_N_BLOCKS];
} Columns;

static void
columns_even (Columns *columns)
{
  for (guint i = 0; i <= N_TOP_COLUMNS; i++)
    columns->top[i] = i * 10.0 / N_TOP_COLUMNS;
  for (guint i = 0; i <= N_BOTTOM_COLUMNS; i++)
    columns->bottom[i] = i * 10.0 / N_BOTTOM_COLUMNS;
}

/* Where a block's column edges lie, in units: its place's on the even
 * grid, moved to the band's edges. */
static void
block_columns (const Columns *columns,
               NfBlock        block,
               double        *u0,
               double        *u1)
{
  const NfBlockPlace *place = nf_block_place (block);

  if (place->y < 2)
    {
      *u0 = columns->top[place->x / 2];
      *u1 = columns->top[(place->x + place->width) / 2];
    }
  else
    {
      *u0 = columns->bottom[place->x / 5];
      *u1 = columns->bottom[(place->x + place->width) / 5];
    }
}

/* Widths from each column's need, in proportion, each within its
 * shares of the even width; `n` columns over 10 units. Clamping one
 * column gives its excess or lack to the others, which may clamp them
 * in turn: a few rounds settle it. */
static void
share_widths (const double *need,
              guint         n,
              double        least,
              double        most,
              double       *edges)
{
  double even = 10.0 / n, total = 0, w[N_TOP_COLUMNS];
  gboolean fixed[N_TOP_COLUMNS] = { FALSE };

  g_assert (n <= N_TOP_COLUMNS);
  for (guint c = 0; c < n; c++)
    total += need[c];
  for (guint c = 0; c < n; c++)
    w[c] = total > 0 ? 10.0 * need[c] / total : even;
  for (guint round = 0; round < 2 * n; round++)
    {
      double fixed_sum = 0, free_sum = 0;
      gboolean changed = FALSE;

      for (guint c = 0; c < n; c++)
        if (!fixed[c] && (w[c] < least * even || w[c] > most * even))
          {
            w[c] = CLAMP (w[c], least * even, most * even);
            fixed[c] = TRUE;
            changed = TRUE;
          }
      if (!changed)
        break;
      for (guint c = 0; c < n; c++)
        {
          if (fixed[c])
            fixed_sum += w[c];
          else
            free_sum += w[c];
        }
      for (guint c = 0; c < n; c++)
        if (!fixed[c] && free_sum > 0)
          w[c] *= (10.0 - fixed_sum) / free_sum;
    }
  edges[0] = 0;
  for (guint c = 0; c < n; c++)
    edges[c + 1] = edges[c] + w[c];
  edges[n] = 10.0;
}

/* Puts every block at the columns' x and width, as tall as the grid,
 * for its title to be broken: what it leaves is the block's overhead. */
static void
place_columns (NfGridLayout  *self,
               const Columns *columns,
               double         width,
               double         height,
               double         overhead[NF_N_BLOCKS])
{
  const NfGridStyle *style = self->style;
  /* Ten units across, as nf_block_place() counts, with gaps only between
   * blocks. Edges land on whole pixels so borders stay crisp at scale 1. */
  double unit_w = (width - 2 * style->margin + style->block_gap) / 10.0;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      NfGridBlock *block = &self->blocks[b];
      double u0, u1, x0, x1;

      block_columns (columns, (NfBlock) b, &u0, &u1);
      x0 = round (style->margin + u0 * unit_w);
      x1 = round (style->margin + u1 * unit_w - style->block_gap);
      block->rect.x = x0;
      block->rect.width = MAX (0.0, x1 - x0);
      place_block (self, block, (NfBlock) b, style->margin, height);
      if (overhead != NULL)
        overhead[b] = block->content_rect.y - block->rect.y + style->block_padding;
    }
}

/* _nf_grid_block_ladder() for block b, or what it gave before in this
 * allocation for the same width, size, heights and steps. */
static void
block_ladder (NfGridLayout      *self,
              NfBlock            b,
              double             width,
              double             size,
              double             fewest,
              double             most,
              guint              n_levels,
              NfCardLayout     **cards,
              guint              n_cards,
              NfGridLadder      *ladder)
{
  LadderMemo *memo = self->memo[b];

  for (guint i = 0; i < LADDER_MEMO; i++)
    if (memo[i].used && memo[i].width == width && memo[i].size == size &&
        memo[i].fewest == fewest && memo[i].most == most && memo[i].n_levels == n_levels)
      {
        *ladder = memo[i].ladder;
        return;
      }
  _nf_grid_block_ladder (self->style, width, size, fewest, most, n_levels, cards, n_cards,
                         ladder);
  memo = &self->memo[b][self->memo_next[b]];
  self->memo_next[b] = (self->memo_next[b] + 1) % LADDER_MEMO;
  *memo = (LadderMemo) { TRUE, width, size, fewest, most, n_levels, *ladder };
}

/* The text size, row edges and ladders the columns give: the cards of
 * block b are self->scratch[first[b] … first[b + 1]). */
static void
try_columns (NfGridLayout *self,
             double        width,
             double        height,
             const guint   first[NF_N_BLOCKS + 1],
             Columns      *columns)
{
  const NfGridStyle *style = self->style;
  double fewest[NF_N_BLOCKS], most[NF_N_BLOCKS], overhead[NF_N_BLOCKS], least[NF_N_BLOCKS], crowd[NF_N_BLOCKS];
  NfGridLadder *ladders = columns->ladders;
  guint order[NF_N_BLOCKS];
  guint n_steps;
  gboolean all_full = FALSE;
  double size;

  /* Widths are fixed by the columns; what each block needs in height at
   * each step follows from them, and decides where the row edges go. */
  place_columns (self, columns, width, height, overhead);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      NfGridBlock *block = &self->blocks[b];
      guint n_cards = first[b + 1] - first[b];

      /* Past the most height any arrangement of the rows could give the
       * block, how much more it needs does not change which arrangement
       * is best: the measuring stops there. */
      _nf_grid_rows_range (style, height, overhead, (NfBlock) b, &fewest[b], &most[b]);
      /* What the densest cards need: the rows give it to every block
       * when some arrangement can, before anything else. */
      least[b] = _nf_grid_block_least (style, block->content_rect.width,
                                       style->min_font_size, n_cards);
      /* A lone note is the block's whole content: cut, it says
       * nothing. The rows give it its whole text (compact) before
       * anything else when some arrangement can. */
      if (n_cards == 1)
        {
          NfGridPlan plan;

          if (_nf_grid_block_plan (style, block->content_rect.width, G_MAXDOUBLE / 4,
                                   style->min_font_size, NF_CARD_COMPACT,
                                   (NfCardLayout **) self->scratch->pdata + first[b], 1, &plan))
            least[b] = MAX (least[b], plan.limit);
        }
      /* The edges are rounded to whole units after balancing. */
      if (least[b] > 0)
        least[b] += 2;
      crowd[b] = n_cards / MAX (1.0, block->content_rect.width * most[b]);
      order[b] = b;
    }
  /* The most crowded first: where full cards fail, they fail there, after
   * measuring few notes. */
  for (guint i = 1; i < NF_N_BLOCKS; i++)
    for (guint j = i; j > 0 && crowd[order[j]] > crowd[order[j - 1]]; j--)
      {
        guint t = order[j];

        order[j] = order[j - 1];
        order[j - 1] = t;
      }

  /* One text size for the whole canvas: the largest step at which some
   * arrangement of the rows gives every block the height to show its
   * notes' whole text (full cards, or compact ones with tags as marks),
   * measured. */
  n_steps = n_size_steps (style);
  size = step_size (style, n_steps);
  for (guint k = 0; k <= n_steps && !all_full; k++)
    {
      gboolean ok = TRUE;

      for (guint i = 0; i < NF_N_BLOCKS && ok; i++)
        {
          guint b = order[i];
          NfGridPlan plan;

          /* Whether the whole text fits even in the most height the
           * rows could give: the quick way to rule a size out. */
          if (!_nf_grid_block_plan (style, self->blocks[b].content_rect.width, most[b],
                                    step_size (style, k), NF_CARD_COMPACT,
                                    (NfCardLayout **) self->scratch->pdata + first[b],
                                    first[b + 1] - first[b], &plan))
            {
              ok = FALSE;
              break;
            }
          block_ladder (self, (NfBlock) b, self->blocks[b].content_rect.width,
                        step_size (style, k), fewest[b], most[b], 2,
                        (NfCardLayout **) self->scratch->pdata + first[b],
                        first[b + 1] - first[b], &ladders[b]);
          ok = ladders[b].req[1] <= most[b];
        }
      if (ok)
        {
          columns->cost = _nf_grid_rows_balance (style, height, ladders, overhead, least,
                                                 self->balance_rows, columns->edges);
          if (columns->cost < NF_GRID_OVERFLOW_COST)
            {
              all_full = TRUE;
              size = step_size (style, k);
            }
        }
    }
  /* Otherwise, at the smallest size, the rows go where the blocks' steps
   * down (compact, fewer lines, one line) cut the least text. */
  if (!all_full)
    {
      for (guint b = 0; b < NF_N_BLOCKS; b++)
        block_ladder (self, (NfBlock) b, self->blocks[b].content_rect.width, size,
                      fewest[b], most[b], NF_GRID_N_LEVELS,
                      (NfCardLayout **) self->scratch->pdata + first[b],
                      first[b + 1] - first[b], &ladders[b]);
      columns->cost = _nf_grid_rows_balance (style, height, ladders, overhead, least,
                                             self->balance_rows, columns->edges);
    }
  columns->size = size;
  columns->all_full = all_full;
}

/* The columns lend each other width by what their blocks' notes need,
 * at the even columns' widths: a column's blocks' needs together, over
 * the band's height, which every column shares. */
static void
lend_columns (NfGridLayout *self,
              const guint   first[NF_N_BLOCKS + 1],
              double        size,
              Columns      *columns)
{
  double top[N_TOP_COLUMNS] = { 0 }, bottom[N_BOTTOM_COLUMNS] = { 0 };

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      const NfBlockPlace *place = nf_block_place ((NfBlock) b);
      double need = _nf_grid_block_need (self->style, self->blocks[b].content_rect.width, size,
                                         (NfCardLayout **) self->scratch->pdata + first[b],
                                         first[b + 1] - first[b]);

      if (place->y < 2)
        top[place->x / 2] += need;
      else
        bottom[place->x / 5] += need;
    }
  share_widths (top, N_TOP_COLUMNS, LEAST_SHARE, MOST_SHARE, columns->top);
  share_widths (bottom, N_BOTTOM_COLUMNS, LEAST_SHARE, MOST_SHARE, columns->bottom);
}

/* What the columns would cut by the blocks' ladders guessed from their
 * characters (no line is broken), in the standard rows; the blocks'
 * overhead is the even columns'. */
static double
guess_cost (NfGridLayout  *self,
            const Columns *columns,
            double         width,
            double         height,
            const guint    first[NF_N_BLOCKS + 1],
            const double   overhead[NF_N_BLOCKS],
            double         size)
{
  const NfGridStyle *style = self->style;
  double unit_w = (width - 2 * style->margin + style->block_gap) / 10.0;
  double least[NF_N_BLOCKS] = { 0 }, edges[NF_GRID_N_EDGES];
  NfGridLadder ladders[NF_N_BLOCKS];

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      double u0, u1, x0, x1;

      block_columns (columns, (NfBlock) b, &u0, &u1);
      x0 = round (style->margin + u0 * unit_w);
      x1 = round (style->margin + u1 * unit_w - style->block_gap);
      _nf_grid_block_ladder_guess (style, MAX (0.0, x1 - x0 - 2 * style->block_padding), size,
                                   (NfCardLayout **) self->scratch->pdata + first[b],
                                   first[b + 1] - first[b], &ladders[b]);
    }
  /* The standard rows: balancing them for each guess costs more than
   * measuring the columns chosen. */
  return _nf_grid_rows_balance (style, height, ladders, overhead, least, FALSE, edges);
}

/* How much of its content height block b leaves empty at the columns'
 * measured ladders and rows (0 … 1), or -1 when it cuts its notes. */
static double
block_room (NfGridLayout  *self,
            const Columns *columns,
            const guint    first[NF_N_BLOCKS + 1],
            NfBlock        b)
{
  const NfGridStyle *style = self->style;
  const NfGridBlock *block = &self->blocks[b];
  const NfBlockPlace *place = nf_block_place (b);
  const NfGridLadder *ladder = &columns->ladders[b];
  double overhead = block->content_rect.y - block->rect.y + style->block_padding;
  double h = round (_nf_grid_rows_edge (columns->edges, b, place->y + place->height) -
                    style->block_gap) -
             round (_nf_grid_rows_edge (columns->edges, b, place->y)) - overhead;

  if (first[b + 1] == first[b])
    return 1;
  if (h <= 0)
    return -1;
  /* Whole text: full cards, or compact ones. */
  for (guint level = 0; level < MIN (2u, ladder->n_levels); level++)
    if (ladder->req[level] <= h)
      return (h - ladder->req[level]) / h;
  return -1;
}

/* The content height block b has at the columns' rows. */
static double
block_content_height (NfGridLayout  *self,
                      const Columns *columns,
                      NfBlock        b)
{
  const NfGridStyle *style = self->style;
  const NfGridBlock *block = &self->blocks[b];
  const NfBlockPlace *place = nf_block_place (b);
  double overhead = block->content_rect.y - block->rect.y + style->block_padding;

  return round (_nf_grid_rows_edge (columns->edges, b, place->y + place->height) -
                style->block_gap) -
         round (_nf_grid_rows_edge (columns->edges, b, place->y)) - overhead;
}

/* Whether every block of column c of a band shows its whole text
 * (compact cards at most) when the column is `units` wide, at the
 * columns' rows and text size. The cards keep their line breaks, so
 * each try re-measures little. */
static gboolean
column_holds (NfGridLayout  *self,
              const Columns *columns,
              const guint    first[NF_N_BLOCKS + 1],
              guint          band,
              guint          c,
              double         units,
              double         width)
{
  const NfGridStyle *style = self->style;
  double unit_w = (width - 2 * style->margin + style->block_gap) / 10.0;
  /* Edges are rounded to whole pixels, and a narrower title may take
   * one line more: a little is kept back. */
  double content_w = floor (units * unit_w) - 1 - style->block_gap - 2 * style->block_padding;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      const NfBlockPlace *place = nf_block_place ((NfBlock) b);
      guint n = first[b + 1] - first[b];
      NfGridPlan plan;

      if ((place->y < 2) != (band == 0) || n == 0)
        continue;
      if (band == 0 ? (c < place->x / 2u || c >= (guint) (place->x + place->width) / 2u)
                    : c != place->x / 5u)
        continue;
      if (!_nf_grid_block_plan (style, content_w, block_content_height (self, columns, (NfBlock) b),
                                columns->size, NF_CARD_COMPACT,
                                (NfCardLayout **) self->scratch->pdata + first[b], n, &plan))
        return FALSE;
    }
  return TRUE;
}

/* Columns whose blocks all show their whole text give width to the
 * columns of their band that cut notes, in one band (0 the top, 1 the
 * bottom): each gives `share` of what lies past the narrowest width at
 * which its blocks still show their whole text at the rows they have,
 * found by bisection, and never past its half-share floor. The rows
 * alone cannot move room across a column edge. FALSE when no column
 * has room beside one that cuts. */
static gboolean
lend_room (NfGridLayout  *self,
           const Columns *from,
           const guint    first[NF_N_BLOCKS + 1],
           guint          band,
           double         share,
           double         width,
           double         spare[N_TOP_COLUMNS],
           gboolean       lenders[N_TOP_COLUMNS],
           Columns       *to)
{
  double top_room[N_TOP_COLUMNS], bottom_room[N_BOTTOM_COLUMNS];
  guint n = band == 0 ? N_TOP_COLUMNS : N_BOTTOM_COLUMNS;
  double *room = band == 0 ? top_room : bottom_room;
  const double *edges = band == 0 ? from->top : from->bottom;
  double even = 10.0 / n, w[N_TOP_COLUMNS], freed = 0, cutting = 0;
  gboolean any_cut = FALSE;

  for (guint i = 0; i < N_TOP_COLUMNS; i++)
    top_room[i] = 1;
  for (guint i = 0; i < N_BOTTOM_COLUMNS; i++)
    bottom_room[i] = 1;
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      const NfBlockPlace *place = nf_block_place ((NfBlock) b);
      double r = block_room (self, from, first, (NfBlock) b);

      if (place->y < 2)
        for (guint c = place->x / 2; c < (guint) (place->x + place->width) / 2; c++)
          top_room[c] = MIN (top_room[c], r);
      else
        bottom_room[place->x / 5] = MIN (bottom_room[place->x / 5], r);
    }
  *to = *from;
  for (guint c = 0; c < N_TOP_COLUMNS; c++)
    lenders[c] = FALSE;
  for (guint c = 0; c < n; c++)
    any_cut = any_cut || room[c] < 0;
  if (!any_cut)
    return FALSE;
  for (guint c = 0; c < n; c++)
    {
      w[c] = edges[c + 1] - edges[c];
      if (room[c] >= 0 && spare[c] < 0)
        {
          /* The narrowest width that still holds the column, once per
           * column and columns' choice: the tries lend shares of it. */
          double lo = MIN (w[c], ROOM_LEAST_SHARE * even), hi = w[c];

          if (column_holds (self, from, first, band, c, lo, width))
            hi = lo;
          else
            for (guint i = 0; i < 7 && hi - lo > 0.01; i++)
              {
                double mid = (lo + hi) / 2;

                if (column_holds (self, from, first, band, c, mid, width))
                  hi = mid;
                else
                  lo = mid;
              }
          spare[c] = w[c] - hi;
        }
      if (room[c] >= 0 && spare[c] > 0)
        {
          freed += spare[c] * share;
          w[c] -= spare[c] * share;
          lenders[c] = TRUE;
        }
      else if (room[c] < 0)
        cutting += w[c];
    }
  if (freed <= 0.005 || cutting <= 0)
    return FALSE;
  for (guint c = 0; c < n; c++)
    if (room[c] < 0)
      w[c] += freed * w[c] / cutting;
  share_widths (w, n, ROOM_LEAST_SHARE, ROOM_MOST_SHARE, band == 0 ? to->top : to->bottom);
  return TRUE;
}

/* Lays block b out between its row edges: it steps down through the
 * densities until its notes fit; one that cannot hold even one-line
 * cards scrolls. */
static void
layout_block (NfGridLayout       *self,
              NfBlock             b,
              const double        edges[NF_GRID_N_EDGES],
              const NfGridLadder *ladder,
              double              size,
              NfCardLayout      **cards,
              guint               n)
{
  const NfGridStyle *style = self->style;
  NfGridBlock *block = &self->blocks[b];
  const NfBlockPlace *place = nf_block_place (b);
  NfGridPlan plan;
  gboolean fits = FALSE;
  NfCardDensity start = NF_CARD_FULL;

  place_block (self, block, b,
               round (_nf_grid_rows_edge (edges, b, place->y)),
               round (_nf_grid_rows_edge (edges, b, place->y + place->height) -
                      style->block_gap));
  /* From the first step its ladder says the block holds: the sparser
   * ones were measured not to fit (in the column counts that read
   * best). */
  for (guint level = 0; level < ladder->n_levels; level++)
    if (ladder->req[level] <= block->content_rect.height)
      {
        guint max_lines;

        _nf_grid_level_density (level, &start, &max_lines);
        break;
      }
  /* A few notes may still show more than one line each in more columns
   * than the ladder tried (a wide block's one row of cards); for many,
   * trying each column count costs too much. */
  if (n <= FEW_NOTES)
    start = MIN (start, NF_CARD_LINES);
  for (NfCardDensity d = start; d <= NF_CARD_LINE && !fits; d++)
    fits = _nf_grid_block_plan (style, block->content_rect.width,
                                block->content_rect.height, size, d, cards, n, &plan);
  if (!fits)
    _nf_grid_block_plan_overflow (style, block->content_rect.width,
                                  block->content_rect.height, size, n, &plan);
  _nf_grid_block_place (block, self->context, style, size, &plan, cards, n);
  if (n == 0)
    _nf_grid_block_layout_hint (block, self->context, style, b);
}

/* How much of its notes a placed block shows: its cards' heights, less
 * a lot for each card hidden. */
static double
block_shown (const NfGridBlock *block)
{
  double sum = -1000.0 * block->n_hidden;

  for (guint i = 0; block->cards != NULL && i < block->cards->len; i++)
    sum += g_array_index (block->cards, NfGridCard, i).rect.height;
  return sum;
}

/* The rows are shared by the blocks' ladders, which count a clamped
 * block's spare room in whole text lines; the cards as placed may need
 * a few pixels more for a cut card's next line. Where the block above
 * or below on the same side has those pixels free in every column,
 * the edge between them moves by them, kept only when the cut block
 * shows more and the other no less. */
static void
nudge_rows (NfGridLayout       *self,
            double              rows[NF_GRID_N_EDGES],
            const NfGridLadder  ladders[NF_N_BLOCKS],
            double              size,
            const guint         first[NF_N_BLOCKS + 1])
{
  static const struct {
    NfBlock upper, lower;
    guint   edge;
  } stacks[] = {
    { NF_BLOCK_KEY_ACTIVITIES, NF_BLOCK_KEY_RESOURCES, 1 },
    { NF_BLOCK_CUSTOMER_RELATIONSHIPS, NF_BLOCK_CHANNELS, 4 },
  };
  NfCardLayout **cards = (NfCardLayout **) self->scratch->pdata;

  for (guint s = 0; s < G_N_ELEMENTS (stacks); s++)
    for (guint round = 0; round < 4; round++)
      {
        gboolean moved = FALSE;

        for (guint k = 0; k < 2 && !moved; k++)
          {
            NfBlock cut = k == 0 ? stacks[s].upper : stacks[s].lower;
            NfBlock other = k == 0 ? stacks[s].lower : stacks[s].upper;
            double need = _nf_grid_rows_short_of_line (&self->blocks[cut], self->style);
            double was_cut, was_other, keep = rows[stacks[s].edge];

            if (need <= 0 || need > _nf_grid_rows_spare (&self->blocks[other]))
              continue;
            was_cut = block_shown (&self->blocks[cut]);
            was_other = block_shown (&self->blocks[other]);
            rows[stacks[s].edge] += (k == 0 ? 1 : -1) * ceil (need);
            for (guint j = 0; j < 2; j++)
              {
                NfBlock b = j == 0 ? cut : other;

                layout_block (self, b, rows, &ladders[b], size, cards + first[b],
                              first[b + 1] - first[b]);
              }
            moved = block_shown (&self->blocks[cut]) > was_cut + 0.5 &&
                    block_shown (&self->blocks[other]) >= was_other - 0.5;
            if (moved)
              continue;
            rows[stacks[s].edge] = keep;
            for (guint j = 0; j < 2; j++)
              {
                NfBlock b = j == 0 ? cut : other;

                layout_block (self, b, rows, &ladders[b], size, cards + first[b],
                              first[b + 1] - first[b]);
              }
          }
        if (!moved)
          break;
      }
}

static void
allocate_once (NfGridLayout *self,
               double        width,
               double        height)
{
  const NfGridStyle *style;
  guint first[NF_N_BLOCKS + 1];
  Columns even, lent, half;
  Columns *chosen;
  double overhead[NF_N_BLOCKS], cost;
  const NfGridLadder *ladders;
  double size, rows[NF_GRID_N_EDGES];
  style = self->style;
  self->width = width = MAX (width, 1.0);
  self->height = height = MAX (height, 1.0);
  if (self->focus_block != NF_BLOCK_NONE)
    {
      allocate_focus (self, width, height);
      if (g_hash_table_size (self->cards) > 0)
        sweep_cards (self);
      return;
    }

  g_ptr_array_set_size (self->scratch, 0);
  /* The cards may have changed since the last allocation. */
  memset (self->memo, 0, sizeof self->memo);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      first[b] = self->scratch->len;
      gather_cards (self, (NfBlock) b);
    }
  first[NF_N_BLOCKS] = self->scratch->len;

  /* The even columns unless the blocks' ladders, guessed from their
   * characters, say they cut text at the base size and lending width
   * (all the way to the columns' needs, or half way) cuts clearly less
   * at the base and the smallest size; then the chosen columns are
   * measured as the rows always were. */
  columns_even (&even);
  place_columns (self, &even, width, height, overhead);
  chosen = &even;
  cost = guess_cost (self, &even, width, height, first, overhead, style->base_font_size);
  if (cost > 0)
    {
      lent = even;
      lend_columns (self, first, style->min_font_size, &lent);
      half = lent;
      for (guint i = 0; i <= N_TOP_COLUMNS; i++)
        half.top[i] = (even.top[i] + lent.top[i]) / 2;
      for (guint i = 0; i <= N_BOTTOM_COLUMNS; i++)
        half.bottom[i] = (even.bottom[i] + lent.bottom[i]) / 2;
      if (memcmp (lent.top, even.top, sizeof lent.top) != 0 ||
          memcmp (lent.bottom, even.bottom, sizeof lent.bottom) != 0)
        {
          Columns *tries[] = { &half, &lent };

          cost += guess_cost (self, &even, width, height, first, overhead, style->min_font_size);
          for (guint t = 0; t < G_N_ELEMENTS (tries); t++)
            {
              double c = guess_cost (self, tries[t], width, height, first, overhead,
                                     style->base_font_size) +
                         guess_cost (self, tries[t], width, height, first, overhead,
                                     style->min_font_size);

              if (c < cost - LEND_MARGIN)
                {
                  chosen = tries[t];
                  cost = c;
                }
            }
        }
    }
  try_columns (self, width, height, first, chosen);
  /* Then room left beside cut notes goes across the column edges, while
   * that shows more, measured. */
  /* Not where a block scrolls whatever the rows give it: its cards are
   * one line each anyway, and each try is a measured pass. */
  gboolean scrolls = FALSE;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      const NfGridLadder *ladder = &chosen->ladders[b];

      scrolls = scrolls || (ladder->n_cards > 0 && ladder->n_levels > 0 &&
                            ladder->req[ladder->n_levels - 1] > height);
    }
  for (guint round = 0, tries = 0; round < 3 && !scrolls; round++)
    {
      gboolean lent_any = FALSE;

      for (guint band = 0; band < 2; band++)
        {
        double spare[N_TOP_COLUMNS];
        gboolean lenders[N_TOP_COLUMNS];

        for (guint c = 0; c < N_TOP_COLUMNS; c++)
          spare[c] = -1;
        for (guint halved = 0; halved < 3 && tries < 6; halved++)
          {
            Columns *next = chosen == &half ? &lent : &half;
            gboolean donor_cuts = FALSE;

            if (!lend_room (self, chosen, first, band, 1.0 / (1 << halved), width, spare, lenders, next))
              break;
            tries++;
            try_columns (self, width, height, first, next);
            /* A block that had room and lent it is not to cut its own
             * notes: that only moves the cut. */
            /* (A borrowing column may trade one of its blocks' room for
             * another's: the rows weigh that.) */
            for (guint b = 0; b < NF_N_BLOCKS && !donor_cuts; b++)
              {
                const NfBlockPlace *place = nf_block_place ((NfBlock) b);

                if ((place->y < 2) != (band == 0) ||
                    !lenders[band == 0 ? place->x / 2u : place->x / 5u])
                  continue;
                donor_cuts = block_room (self, next, first, (NfBlock) b) < 0 &&
                             block_room (self, chosen, first, (NfBlock) b) >= 0;
              }
            /* As much shown for less room left empty is also better;
             * otherwise less is lent. */
            if (!donor_cuts &&
                (next->size > chosen->size ||
                 (next->size == chosen->size && next->cost <= chosen->cost + 1e-6)))
              {
                chosen = next;
                lent_any = TRUE;
                break;
              }
          }
        }
      if (!lent_any)
        break;
    }
  /* The chosen columns' titles and overhead. */
  place_columns (self, chosen, width, height, NULL);
  ladders = chosen->ladders;
  size = chosen->size;

  memcpy (rows, chosen->edges, sizeof rows);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    layout_block (self, (NfBlock) b, rows, &ladders[b], size,
                  (NfCardLayout **) self->scratch->pdata + first[b], first[b + 1] - first[b]);
  if (self->balance_rows && !scrolls)
    nudge_rows (self, rows, ladders, size, first);
  g_ptr_array_set_size (self->scratch, 0);
  if (g_hash_table_size (self->cards) > first[NF_N_BLOCKS])
    sweep_cards (self);
}

void
nf_grid_layout_allocate (NfGridLayout *self,
                         double        width,
                         double        height)
{
  guint misses;

  g_return_if_fail (NF_IS_GRID_LAYOUT (self));

  misses = _nf_card_layout_get_n_count_misses ();
  allocate_once (self, width, height);
  /* The tries count a card's lines without Pango (nf-card-breaks.c).
   * Where Pango, laying a card out, breaks it otherwise, that card is
   * measured by Pango alone from then on, and this frame is laid out
   * again by Pango alone: what it would have been without counting. */
  if (_nf_card_layout_get_n_count_misses () != misses)
    {
      _nf_card_layout_hold_counts (TRUE);
      allocate_once (self, width, height);
      _nf_card_layout_hold_counts (FALSE);
    }
}

void
nf_grid_layout_set_pending_note (NfGridLayout *self,
                                 NfBlock       block,
                                 guint         index,
                                 NfNote       *note)
{
  g_return_if_fail (NF_IS_GRID_LAYOUT (self));
  g_return_if_fail (note == NULL || NF_IS_NOTE (note));
  g_return_if_fail (note == NULL || (block >= 0 && block < NF_N_BLOCKS));

  if (note != NULL)
    g_object_ref (note);
  if (self->pending != NULL && self->pending != note)
    g_hash_table_remove (self->cards, self->pending);
  g_clear_object (&self->pending);
  self->pending = note;
  self->pending_block = block;
  self->pending_index = index;
}

NfBlock
nf_grid_layout_get_focus_block (NfGridLayout *self)
{
  g_return_val_if_fail (NF_IS_GRID_LAYOUT (self), NF_BLOCK_NONE);
  return self->focus_block;
}

void
nf_grid_layout_set_focus_block (NfGridLayout *self,
                                NfBlock       block)
{
  g_return_if_fail (NF_IS_GRID_LAYOUT (self));
  g_return_if_fail (block == NF_BLOCK_NONE || (block >= 0 && block < NF_N_BLOCKS));

  if (self->focus_block == block)
    return;
  self->focus_block = block;
  /* The titles are broken for another width now. */
  forget_block_text (self);
}

gboolean
nf_grid_layout_get_balance_rows (NfGridLayout *self)
{
  g_return_val_if_fail (NF_IS_GRID_LAYOUT (self), FALSE);
  return self->balance_rows;
}

void
nf_grid_layout_set_balance_rows (NfGridLayout *self,
                                 gboolean      balance_rows)
{
  g_return_if_fail (NF_IS_GRID_LAYOUT (self));

  balance_rows = !!balance_rows;
  if (self->balance_rows == balance_rows)
    return;
  self->balance_rows = balance_rows;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALANCE_ROWS]);
}

double
nf_grid_layout_get_width (NfGridLayout *self)
{
  g_return_val_if_fail (NF_IS_GRID_LAYOUT (self), 0.0);
  return self->width;
}

double
nf_grid_layout_get_height (NfGridLayout *self)
{
  g_return_val_if_fail (NF_IS_GRID_LAYOUT (self), 0.0);
  return self->height;
}

const NfGridBlock *
_nf_grid_layout_get_block (NfGridLayout *self,
                           NfBlock       block)
{
  g_return_val_if_fail (NF_IS_GRID_LAYOUT (self), NULL);
  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, NULL);
  return &self->blocks[block];
}
