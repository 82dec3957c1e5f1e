/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include "nf-i18n-private.h"

#include "nf-deck-themes-private.h"
#include "nf-locale.h"
#include "nf-render-private.h"
#include "nf-themes.h"

/* The themes matrix of the compare view, set for a room: the blocks one
 * after another, as many as fit on a slide (a slide a block group), each
 * theme a row with a cell per company saying how many of its notes carry
 * it. A slide never hides a theme: a block longer than the room left goes
 * on to the next slide under its heading again, the column heads repeated
 * on every slide. Type stays at reading size (12 pt, 9 pt at least). */

#define BODY_SIZE  12.0
#define HEAD_SIZE  12.0
#define BLOCK_SIZE 13.0
#define NOTE_SIZE  11.0
#define ROW_PAD     4.5
#define BLOCK_GAP  10.0

typedef enum {
  ITEM_BLOCK,       /* a block's heading */
  ITEM_THEME,       /* a theme's row */
  ITEM_NONE,        /* a block with notes but no theme */
} ItemKind;

typedef struct {
  ItemKind     kind;
  NfBlock      block;
  guint        theme;
  double       height;
  PangoLayout *cells[1 + NF_THEMES_MAX_CANVASES];  /* label, then each company */
} Item;

typedef struct {
  NfDeck            *deck;
  const NfThemes    *themes;
  guint              n;
  const char *const *names;
  double             x0;
  double             width;
  double             first_w;
  double             col_w;
} Matrix;

static void
item_clear (gpointer data)
{
  Item *item = data;

  for (guint i = 0; i < G_N_ELEMENTS (item->cells); i++)
    g_clear_object (&item->cells[i]);
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

static PangoLayout *
block_heading (Matrix     *m,
               NfBlock     block,
               gboolean    continued)
{
  g_autofree char *text = continued ? g_strdup_printf (_("%s (continued)"), nf_block_title (block))
                                    : g_strdup (nf_block_title (block));

  return _nf_deck_text (m->deck, text, BLOCK_SIZE, PANGO_WEIGHT_BOLD, m->width);
}

/* Every row laid out once, so the slides can be planned by height. */
static GArray *
make_items (Matrix    *m,
            GPtrArray *canvases)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  g_array_set_clear_func (items, item_clear);
  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    {
      guint n_themes = nf_themes_get_n_themes (m->themes, b);
      Item head = { .kind = ITEM_BLOCK, .block = b };

      if (!block_has_notes (canvases, b))
        continue;
      head.cells[0] = block_heading (m, b, FALSE);
      head.height = BLOCK_GAP + _nf_render_layout_height (head.cells[0]) + 4;
      g_array_append_val (items, head);
      if (n_themes == 0)
        {
          Item none = { .kind = ITEM_NONE, .block = b };

          none.cells[0] = _nf_deck_text (m->deck, _("No theme: too few notes share a tag or a word."),
                                         BODY_SIZE, PANGO_WEIGHT_NORMAL, m->width - 16);
          none.height = _nf_render_layout_height (none.cells[0]) + 2 * ROW_PAD;
          g_array_append_val (items, none);
          continue;
        }
      for (guint t = 0; t < n_themes; t++)
        {
          const NfTheme *theme = nf_themes_get_theme (m->themes, b, t);
          g_autofree char *shown = theme->tagged ? g_strconcat ("#", theme->label, NULL) : g_strdup (theme->label);
          Item row = { .kind = ITEM_THEME, .block = b, .theme = t };
          double h;

          row.cells[0] = _nf_deck_text (m->deck, shown, BODY_SIZE, PANGO_WEIGHT_NORMAL, m->first_w - 16);
          h = _nf_render_layout_height (row.cells[0]);
          for (guint c = 0; c < m->n; c++)
            {
              guint k = theme->notes[c]->len;
              g_autofree char *text = NULL;

              if (k > 0)
                /* Translators: a cell of the themes matrix: how many of a
                 * company's notes carry the theme */
                text = g_strdup_printf (nf_ngettext ("%u note", "%u notes", k), k);
              row.cells[1 + c] = _nf_deck_text (m->deck, text != NULL ? text : "—", BODY_SIZE,
                                                PANGO_WEIGHT_NORMAL, m->col_w - 16);
              pango_layout_set_alignment (row.cells[1 + c], PANGO_ALIGN_CENTER);
              h = MAX (h, _nf_render_layout_height (row.cells[1 + c]));
            }
          row.height = h + 2 * ROW_PAD;
          g_array_append_val (items, row);
        }
    }
  return items;
}

/* The column heads: "Theme", then each company. Returns their height. */
static double
draw_column_heads (Matrix *m,
                   double  y)
{
  NfDeck *deck = m->deck;
  g_autoptr(GPtrArray) heads = g_ptr_array_new_with_free_func (g_object_unref);
  double h = 0;
  NfColour fill = deck->style->accent;

  for (guint c = 0; c <= m->n; c++)
    {
      PangoLayout *l = _nf_deck_text (deck, c == 0 ? _("Theme") : m->names[c - 1], HEAD_SIZE,
                                      PANGO_WEIGHT_BOLD, (c == 0 ? m->first_w : m->col_w) - 16);

      if (c > 0)
        pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
      h = MAX (h, _nf_render_layout_height (l) + 12);
      g_ptr_array_add (heads, l);
    }
  cairo_save (deck->cr);
  fill.alpha = 0.16;
  _nf_render_set_colour (deck->cr, &fill);
  cairo_rectangle (deck->cr, m->x0, y, m->width, h);
  cairo_fill (deck->cr);
  _nf_render_set_colour (deck->cr, &deck->style->title_text);
  for (guint c = 0; c <= m->n; c++)
    {
      cairo_move_to (deck->cr, (c == 0 ? m->x0 : m->x0 + m->first_w + (c - 1) * m->col_w) + 8, y + 6);
      pango_cairo_show_layout (deck->cr, g_ptr_array_index (heads, c));
    }
  cairo_restore (deck->cr);
  return h;
}

static double
draw_item (Matrix     *m,
           const Item *item,
           double      y)
{
  NfDeck *deck = m->deck;
  cairo_t *cr = deck->cr;

  cairo_save (cr);
  switch (item->kind)
    {
    case ITEM_BLOCK:
      _nf_render_set_colour (cr, &deck->style->accent);
      cairo_move_to (cr, m->x0, y + BLOCK_GAP);
      pango_cairo_show_layout (cr, item->cells[0]);
      break;
    case ITEM_NONE:
      _nf_render_set_colour (cr, &deck->style->muted_text);
      cairo_move_to (cr, m->x0 + 8, y + ROW_PAD);
      pango_cairo_show_layout (cr, item->cells[0]);
      break;
    case ITEM_THEME:
      {
        const NfTheme *theme = nf_themes_get_theme (m->themes, item->block, item->theme);

        for (guint c = 0; c < m->n; c++)
          if (theme->notes[c]->len > 0)
            {
              NfColour fill = deck->style->accent;

              /* Shared themes stand out from one company's own. */
              fill.alpha = theme->n_canvases >= 2 ? 0.22 : 0.08;
              _nf_render_set_colour (cr, &fill);
              cairo_rectangle (cr, m->x0 + m->first_w + c * m->col_w + 3, y + 2, m->col_w - 6, item->height - 4);
              cairo_fill (cr);
            }
        for (guint c = 0; c <= m->n; c++)
          {
            gboolean empty = c > 0 && theme->notes[c - 1]->len == 0;

            _nf_render_set_colour (cr, empty ? &deck->style->muted_text : &deck->style->title_text);
            cairo_move_to (cr, (c == 0 ? m->x0 : m->x0 + m->first_w + (c - 1) * m->col_w) + 8, y + ROW_PAD);
            pango_cairo_show_layout (cr, item->cells[c]);
          }
        _nf_deck_rule (deck, m->x0, m->x0 + m->width, y + item->height, 0.75);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
  return item->height;
}

/* How far the items from `start` go on one slide with `room` below the
 * column heads: whole blocks while they fit; a block that does not fit
 * starts the next slide, unless it would not fit on one either, when it
 * fills this one and goes on. Always at least one row. */
static guint
plan_slide (GArray *items,
            guint   start,
            double  room)
{
  double used = 0;
  guint i = start;

  while (i < items->len)
    {
      const Item *item = &g_array_index (items, Item, i);

      if (item->kind == ITEM_BLOCK && i > start)
        {
          double block_h = 0;
          guint j = i;

          do
            block_h += g_array_index (items, Item, j++).height;
          while (j < items->len && g_array_index (items, Item, j).kind != ITEM_BLOCK);
          /* Keep a block whole on the next slide when it fits there; else
           * start it here if its heading and a few rows fit. */
          if (used + block_h > room && (block_h <= room || used + item->height + 3 * 30.0 > room))
            break;
        }
      if (used + item->height > room && i > start)
        break;
      used += item->height;
      i++;
    }
  /* A heading alone at the foot of a slide goes with its rows. */
  if (i > start + 1 && g_array_index (items, Item, i - 1).kind == ITEM_BLOCK)
    i--;
  return i;
}

static char *
slide_title (GArray *items,
             guint   start,
             guint   end)
{
  g_autoptr(GString) blocks = g_string_new (NULL);
  int last = -1;

  for (guint i = start; i < end; i++)
    {
      const Item *item = &g_array_index (items, Item, i);

      if ((int) item->block == last)
        continue;
      if (last >= 0)
        g_string_append (blocks, " · ");
      g_string_append (blocks, nf_block_title (item->block));
      last = (int) item->block;
    }
  /* Translators: a slide's title, with the blocks on it:
   * "Themes: Key partners · Key activities" */
  return g_strdup_printf (_("Themes: %s"), blocks->str);
}

void
_nf_deck_themes_slides (NfDeck            *deck,
                        GPtrArray         *canvases,
                        const char *const *names,
                        int                parent)
{
  g_autoptr(NfThemes) themes = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(GString) heading = g_string_new (NULL);
  g_autoptr(PangoLayout) intro = NULL;
  double top = NF_DECK_HEADER_HEIGHT + 20, bottom = deck->height - NF_DECK_MARGIN * 0.6;
  Matrix m = { 0 };
  guint start = 0;
  gboolean first = TRUE;

  g_return_if_fail (canvases->len >= 1 && canvases->len <= NF_THEMES_MAX_CANVASES);

  /* The deck's language where most notes can be read in it; else the
   * one most canvases are written in, so the columns meet on words. */
  themes = nf_themes_new ((NfCanvas **) canvases->pdata, canvases->len,
                          nf_themes_pick_language ((NfCanvas **) canvases->pdata, canvases->len,
                                                   deck->lang != NULL ? deck->lang : nf_ui_note_language ()),
                          0);
  m.deck = deck;
  m.themes = themes;
  m.n = canvases->len;
  m.names = names;
  m.x0 = NF_DECK_MARGIN;
  m.width = deck->width - 2 * NF_DECK_MARGIN;
  m.first_w = m.width * (m.n > 3 ? 0.28 : 0.34);
  m.col_w = (m.width - m.first_w) / m.n;
  items = make_items (&m, canvases);
  if (items->len == 0)
    return;

  for (guint c = 0; c < m.n; c++)
    g_string_append_printf (heading, "%s%s", c > 0 ? " · " : "", names[c]);
  intro = _nf_deck_text (deck, _("A theme is a tag (#) or a word the notes of a block use; a cell counts the company's notes with it, darker where companies share the theme."),
                         NOTE_SIZE, PANGO_WEIGHT_NORMAL, m.width);

  while (start < items->len && !g_cancellable_is_cancelled (deck->cancellable))
    {
      double y = top, room, heads_h;
      g_autofree char *title = NULL;
      guint end;

      /* The column heads are measured by drawing them; their height is
       * the same on every slide, so the first slide's serves to plan. */
      heads_h = 0;
      {
        g_autoptr(PangoLayout) probe = _nf_deck_text (deck, _("Theme"), HEAD_SIZE, PANGO_WEIGHT_BOLD, m.first_w - 16);

        heads_h = _nf_render_layout_height (probe) + 12;
        for (guint c = 0; c < m.n; c++)
          {
            g_autoptr(PangoLayout) l = _nf_deck_text (deck, names[c], HEAD_SIZE, PANGO_WEIGHT_BOLD, m.col_w - 16);

            heads_h = MAX (heads_h, _nf_render_layout_height (l) + 12);
          }
      }
      if (first)
        y += _nf_render_layout_height (intro) + 10;
      room = bottom - y - heads_h;
      /* A slide that goes on with a block repeats its heading. */
      if (g_array_index (items, Item, start).kind != ITEM_BLOCK)
        {
          g_autoptr(PangoLayout) again = block_heading (&m, g_array_index (items, Item, start).block, TRUE);

          room -= BLOCK_GAP + _nf_render_layout_height (again) + 4;
        }
      end = plan_slide (items, start, room);
      title = slide_title (items, start, end);

      _nf_deck_begin_page (deck);
      if (first)
        _nf_deck_outline (deck, parent, _("Themes"));
      _nf_deck_draw_header (deck, title, heading->str);
      if (first)
        {
          cairo_save (deck->cr);
          _nf_render_set_colour (deck->cr, &deck->style->muted_text);
          cairo_move_to (deck->cr, m.x0, top);
          pango_cairo_show_layout (deck->cr, intro);
          cairo_restore (deck->cr);
        }
      y += draw_column_heads (&m, y);
      if (g_array_index (items, Item, start).kind != ITEM_BLOCK)
        {
          g_autoptr(PangoLayout) again = block_heading (&m, g_array_index (items, Item, start).block, TRUE);
          Item cont = { .kind = ITEM_BLOCK, .block = g_array_index (items, Item, start).block };

          cont.cells[0] = again;
          cont.height = BLOCK_GAP + _nf_render_layout_height (again) + 4;
          y += draw_item (&m, &cont, y);
        }
      for (guint i = start; i < end; i++)
        y += draw_item (&m, &g_array_index (items, Item, i), y);
      _nf_deck_end_slide (deck);
      start = end;
      first = FALSE;
    }
}
