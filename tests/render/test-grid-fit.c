/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-grid-fit"

#include "config.h"

#include <math.h>
#include <string.h>

#include <ninefold.h>
#include <nf-render.h>

#include "nf-test-render.h"
#include <pango/pangocairo.h>

#include "nf-card-layout-private.h"

#include "nf-grid-block-private.h"

/* Every note in sight: at the sizes the window gives its canvas view,
 * each case lays out every one of its notes inside its block, none over
 * another, each card as tall as its text needs at its density, in one
 * text size for the whole canvas no smaller than the readable minimum;
 * the cards fill columns top to bottom. A canvas too big even for
 * one-line cards scrolls block by block, and still lays every note out. */

#define N_CASES 4
/* 9 pt: 12 px at 96 dpi (nf-grid-style.c). */
#define READABLE_MIN 9.0

/* The canvas view's allocation in a window of 1366 × 768 and of
 * 1920 × 1080 (measured under Xvfb: the window's bars and the
 * Canvas/Metric Tables switcher take the rest), and in the window's
 * default size (1280 × 720, which GTK gives as 1270 × 710 under Xvfb);
 * test-canvas-view checks the view itself at that default size. */
static const struct {
  int width, height;
} view_sizes[] = {
  { 1356, 630 },
  { 1910, 942 },
  { 1270, 582 },
  /* A larger screen's and a big one's, beside them. */
  { 1600, 860 },
  { 2400, 1300 },
};

/* The interface in Chinese shows the notes' Chinese text, as the app
 * does (nf_ui_note_language()); NULL is each note's own text. */
static char *
chinese_tag (void)
{
  return nf_language_tag_normalise ("zh_CN");
}

static gboolean
inside (const NfRect *in,
        const NfRect *out)
{
  return in->x >= out->x - 0.5 && in->y >= out->y - 0.5 &&
         in->x + in->width <= out->x + out->width + 0.5 &&
         in->y + in->height <= out->y + out->height + 0.5;
}

static gboolean
overlap (const NfRect *a,
         const NfRect *b)
{
  return a->x < b->x + b->width - 0.5 && b->x < a->x + a->width - 0.5 &&
         a->y < b->y + b->height - 0.5 && b->y < a->y + a->height - 0.5;
}

static double
logical_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

/* The card is at least as tall as the text it shows (and, full, its
 * footer), and shows all of it unless its density clamps the lines. */
static void
assert_card_holds_text (NfCardLayout *card,
                        const NfRect *rect)
{
  NfCardDensity density = nf_card_layout_get_density (card);
  PangoLayout *footer = nf_card_layout_get_footer_layout (card);
  guint n_lines;
  double need = ceil (_nf_card_layout_get_shown_text_height (card, &n_lines));

  g_assert_cmpfloat (rect->height, ==, nf_card_layout_get_height (card));
  g_assert_cmpfloat (rect->width, ==, nf_card_layout_get_width (card));
  if (density == NF_CARD_FULL && footer != NULL)
    need += logical_height (footer);
  g_assert_cmpfloat (rect->height, >=, need);
  g_assert_cmpint (n_lines, >=, 1);
  if (density == NF_CARD_FULL || density == NF_CARD_COMPACT)
    g_assert_false (nf_card_layout_get_truncated (card));
  if (density == NF_CARD_LINE)
    g_assert_cmpint (n_lines, ==, 1);
}

/* Cards of a block that does not scroll run down the first column, then
 * the next from the top, and so on. */
static void
assert_columns (NfGridLayout *layout,
                NfBlock       block)
{
  guint n = nf_grid_layout_get_n_cards (layout, block);
  NfRect content, prev = { 0 };

  nf_grid_layout_get_content_rect (layout, block, &content);
  for (guint i = 0; i < n; i++)
    {
      NfRect r;

      nf_grid_layout_get_card (layout, block, i, &r);
      if (i == 0 || r.x > prev.x + 0.5)
        g_assert_cmpfloat (fabs (r.y - content.y), <, 0.5);
      else
        {
          g_assert_cmpfloat (fabs (r.x - prev.x), <, 0.5);
          g_assert_cmpfloat (r.y, >=, prev.y + prev.height);
        }
      prev = r;
    }
}

/* Every note of every block laid out; fully visible unless its block
 * scrolls (and then within the block's width, below its top, the
 * scroll height covering them all); no two cards meet; one text size. */
static void
assert_all_laid_out (NfGridLayout *layout,
                     gboolean      may_scroll)
{
  NfCanvas *canvas = nf_grid_layout_get_canvas (layout);
  double size = -1;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      guint n = g_list_model_get_n_items (nf_canvas_get_notes (canvas, (NfBlock) b));
      gboolean scrolls = nf_grid_layout_get_scrolls (layout, (NfBlock) b);
      g_autofree NfRect *rects = g_new (NfRect, MAX (n, 1));
      NfRect content;

      nf_grid_layout_get_content_rect (layout, (NfBlock) b, &content);
      g_assert_cmpuint (nf_grid_layout_get_n_cards (layout, (NfBlock) b), ==, n);
      if (!may_scroll)
        {
          g_assert_false (scrolls);
          g_assert_cmpuint (nf_grid_layout_get_n_hidden (layout, (NfBlock) b), ==, 0);
          g_assert_false (nf_grid_layout_get_more_rect (layout, (NfBlock) b, &(NfRect) { 0 }));
        }
      if (n == 0)
        continue;
      if (size < 0)
        size = nf_grid_layout_get_font_size (layout, (NfBlock) b);
      g_assert_cmpfloat (nf_grid_layout_get_font_size (layout, (NfBlock) b), ==, size);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NfNote) note = g_list_model_get_item (nf_canvas_get_notes (canvas, (NfBlock) b), i);
          NfCardLayout *card = nf_grid_layout_get_card (layout, (NfBlock) b, i, &rects[i]);
          NfRect wide = content;

          g_assert_true (nf_card_layout_get_note (card) == note);
          g_assert_cmpfloat (nf_card_layout_get_font_size (card), ==, size);
          if (scrolls)
            wide.height = nf_grid_layout_get_scroll_height (layout, (NfBlock) b);
          g_assert_true (inside (&rects[i], &wide));
          assert_card_holds_text (card, &rects[i]);
          for (guint j = 0; j < i; j++)
            g_assert_false (overlap (&rects[i], &rects[j]));
        }
      if (!scrolls)
        assert_columns (layout, (NfBlock) b);
    }
  g_assert_cmpfloat (size, >=, READABLE_MIN);
}

/* No text is cut beside room that could show it: in a block of clamped
 * cards, a card cut short has no room for one more line below the last
 * card of its column. */
static void
assert_no_cut_beside_room (NfGridLayout *layout)
{
  const NfGridStyle *style = nf_grid_layout_get_style (layout);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      guint n = nf_grid_layout_get_n_cards (layout, (NfBlock) b);
      NfRect content;

      if (nf_grid_layout_get_scrolls (layout, (NfBlock) b))
        continue;
      nf_grid_layout_get_content_rect (layout, (NfBlock) b, &content);
      for (guint i = 0; i < n; i++)
        {
          NfRect r;
          NfCardLayout *card = nf_grid_layout_get_card (layout, (NfBlock) b, i, &r);
          double bottom = 0, more;
          guint lines;

          if (!nf_card_layout_get_truncated (card))
            continue;
          /* The bottom of the card's column. */
          for (guint j = 0; j < n; j++)
            {
              NfRect o;

              nf_grid_layout_get_card (layout, (NfBlock) b, j, &o);
              if (fabs (o.x - r.x) < 0.5)
                bottom = MAX (bottom, o.y + o.height);
            }
          lines = MAX (1u, nf_card_layout_get_max_lines (card));
          more = nf_card_layout_measure_density (card, style, r.width,
                                                 nf_card_layout_get_font_size (card),
                                                 NF_CARD_LINES, MAX (2u, lines + 1)) - r.height;
          g_test_message ("block %u card %u: cut, %.0f px below its column, %.0f more for a line",
                          b, i, content.y + content.height - bottom, more);
          g_assert_cmpfloat (content.y + content.height - bottom, <, more);
          /* Measuring left the card as laid out. */
          nf_card_layout_apply_density (card, style, r.width, nf_card_layout_get_font_size (card),
                                        nf_card_layout_get_density (card),
                                        nf_card_layout_get_max_lines (card));
        }
    }
}

/* A block with a single note shows its whole text. */
static void
assert_lone_notes_whole (NfGridLayout *layout)
{
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    if (nf_grid_layout_get_n_cards (layout, (NfBlock) b) == 1)
      {
        NfRect r;

        g_assert_false (nf_card_layout_get_truncated (nf_grid_layout_get_card (layout, (NfBlock) b,
                                                                               0, &r)));
      }
}

/* Blocks stacked in one column share it by a movable edge: one is not
 * left cutting its notes while the other has, empty, more than the
 * height that would show them whole (with room for the edge's steps). */
static void
assert_stacks_shared (NfGridLayout *layout)
{
  static const NfBlock stacks[][2] = {
    { NF_BLOCK_KEY_ACTIVITIES, NF_BLOCK_KEY_RESOURCES },
    { NF_BLOCK_CUSTOMER_RELATIONSHIPS, NF_BLOCK_CHANNELS },
  };
  const NfGridStyle *style = nf_grid_layout_get_style (layout);
  /* The edge moves in steps of a fortieth of the rows' height. */
  double slack = nf_grid_layout_get_height (layout) / 40 + 2;

  for (guint s = 0; s < G_N_ELEMENTS (stacks); s++)
    for (guint k = 0; k < 2; k++)
      {
        NfBlock cut = stacks[s][k], other = stacks[s][1 - k];
        guint n = nf_grid_layout_get_n_cards (layout, cut);
        g_autofree NfCardLayout **cards = g_new0 (NfCardLayout *, MAX (n, 1));
        gboolean any_cut = FALSE;
        NfRect content, other_content;
        double spare, used = 0;
        NfGridPlan plan;

        for (guint i = 0; i < n; i++)
          {
            NfRect r;

            cards[i] = nf_grid_layout_get_card (layout, cut, i, &r);
            any_cut |= nf_card_layout_get_truncated (cards[i]);
          }
        if (!any_cut)
          continue;
        nf_grid_layout_get_content_rect (layout, other, &other_content);
        for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, other); i++)
          {
            NfRect r;

            nf_grid_layout_get_card (layout, other, i, &r);
            used = MAX (used, r.y + r.height - other_content.y);
          }
        spare = other_content.height - used;
        nf_grid_layout_get_content_rect (layout, cut, &content);
        g_test_message ("%s cut, %s has %.0f px spare", nf_block_title (cut),
                        nf_block_title (other), spare);
        if (spare <= slack)
          continue;
        g_assert_false (_nf_grid_block_plan (style, content.width, content.height + spare - slack,
                                             nf_grid_layout_get_font_size (layout, cut),
                                             NF_CARD_COMPACT, cards, n, &plan));
        /* Planning measured the cards: lay the canvas out again. */
        nf_grid_layout_allocate (layout, nf_grid_layout_get_width (layout),
                                 nf_grid_layout_get_height (layout));
      }
}

static void
test_cases_all_visible (void)
{
  g_autofree char *zh = chinese_tag ();
  const char *langs[] = { NULL, "en", zh };

  for (guint c = 0; c < N_CASES; c++)
    {
      g_autoptr(NfCanvas) canvas = nf_test_load_case (c);

      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        for (guint s = 0; s < G_N_ELEMENTS (view_sizes); s++)
          {
            g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, NULL, langs[l]);

            g_test_message ("case %u, %s, %d × %d", c, langs[l] ? langs[l] : "own text",
                            view_sizes[s].width, view_sizes[s].height);
            nf_grid_layout_allocate (layout, view_sizes[s].width, view_sizes[s].height);
            assert_all_laid_out (layout, FALSE);
            assert_lone_notes_whole (layout);
            assert_no_cut_beside_room (layout);
            assert_stacks_shared (layout);
            /* Dark is the same layout. */
            {
              g_autoptr(NfGridStyle) dark = nf_grid_style_new_dark ();

              nf_grid_layout_set_style (layout, dark);
              nf_grid_layout_allocate (layout, view_sizes[s].width, view_sizes[s].height);
              assert_all_laid_out (layout, FALSE);
            }
          }
    }
}

/* Whether a block shows some card cut or at a step below compact. */
static gboolean
block_cuts (NfGridLayout *layout,
            NfBlock       block)
{
  for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, block); i++)
    {
      NfRect r;
      NfCardLayout *card = nf_grid_layout_get_card (layout, block, i, &r);

      if (nf_card_layout_get_truncated (card) ||
          nf_card_layout_get_density (card) > NF_CARD_COMPACT)
        return TRUE;
    }
  return FALSE;
}

/* The share of a block's height its cards leave empty below them. */
static double
block_empty (NfGridLayout *layout,
             NfBlock       block)
{
  NfRect rect, content;
  double bottom;

  nf_grid_layout_get_block_rect (layout, block, &rect);
  nf_grid_layout_get_content_rect (layout, block, &content);
  bottom = content.y;
  for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, block); i++)
    {
      NfRect r;

      nf_grid_layout_get_card (layout, block, i, &r);
      bottom = MAX (bottom, r.y + r.height);
    }
  return (content.y + content.height - bottom) / MAX (1.0, rect.height);
}

/* Columns lend each other width: no block with notes is left with more
 * than a third of its height empty while another block of its band (the
 * five columns at the top, the two at the bottom) cuts its notes. The
 * bands and the blocks' order stay the canvas's, and every column keeps
 * a readable share of the width. */
static void
test_columns_lend (void)
{
  g_autofree char *zh = chinese_tag ();
  const char *langs[] = { NULL, "en", zh };

  for (guint c = 0; c < N_CASES; c++)
    {
      g_autoptr(NfCanvas) canvas = nf_test_load_case (c);

      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        for (guint s = 0; s < G_N_ELEMENTS (view_sizes); s++)
          {
            g_autoptr(NfGridLayout) layout = NULL;
            double width = view_sizes[s].width;

            layout = nf_grid_layout_new (canvas, NULL, langs[l]);
            nf_grid_layout_allocate (layout, view_sizes[s].width, view_sizes[s].height);
            for (guint b = 0; b < NF_N_BLOCKS; b++)
              {
                const NfBlockPlace *place = nf_block_place ((NfBlock) b);
                double empty = block_empty (layout, (NfBlock) b);
                NfRect rect;

                /* Still where the canvas has it, no narrower than 0.5
                 * and no wider than 1.6 times its even share; up to 1.8
                 * times only with room lent by a narrower column of its
                 * band whose blocks all show their whole text. */
                nf_grid_layout_get_block_rect (layout, (NfBlock) b, &rect);
                g_assert_cmpfloat (rect.width, >=, 0.5 * place->width * width / 10 - 24);
                g_assert_cmpfloat (rect.width, <=, 1.8 * place->width * width / 10);
                if (rect.width > 1.6 * place->width * width / 10)
                  {
                    gboolean lent = FALSE;

                    for (guint o = 0; o < NF_N_BLOCKS; o++)
                      {
                        const NfBlockPlace *other = nf_block_place ((NfBlock) o);
                        NfRect orect;

                        nf_grid_layout_get_block_rect (layout, (NfBlock) o, &orect);
                        lent |= (other->y < 2) == (place->y < 2) &&
                                orect.width < other->width * width / 10 - 10 &&
                                !block_cuts (layout, (NfBlock) o);
                      }
                    g_assert_true (lent);
                  }
                for (guint o = 0; o < NF_N_BLOCKS; o++)
                  {
                    const NfBlockPlace *other = nf_block_place ((NfBlock) o);
                    NfRect orect;

                    nf_grid_layout_get_block_rect (layout, (NfBlock) o, &orect);
                    if (other->y == place->y && other->x > place->x)
                      g_assert_cmpfloat (orect.x, >, rect.x + rect.width);
                  }
                if (nf_grid_layout_get_n_cards (layout, (NfBlock) b) == 0 || empty <= 0.35)
                  continue;
                for (guint o = 0; o < NF_N_BLOCKS; o++)
                  {
                    gboolean same_band = (nf_block_place ((NfBlock) o)->y < 2) == (place->y < 2);

                    if (o == b || !same_band || !block_cuts (layout, (NfBlock) o))
                      continue;
                    g_test_message ("case %u, %s, %d × %d: %s %.0f%% empty beside %s cut",
                                    c, langs[l] ? langs[l] : "own text",
                                    view_sizes[s].width, view_sizes[s].height,
                                    nf_block_title ((NfBlock) b), 100 * empty,
                                    nf_block_title ((NfBlock) o));
                    g_test_fail ();
                  }
              }
          }
    }
}

/* The room a card's column leaves below its last card, in the block's
 * content. */
static double
room_below (NfGridLayout *layout,
            NfBlock       block,
            const NfRect *card)
{
  NfRect content;
  double bottom = card->y + card->height;

  nf_grid_layout_get_content_rect (layout, block, &content);
  for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, block); i++)
    {
      NfRect r;

      nf_grid_layout_get_card (layout, block, i, &r);
      if (fabs (r.x - card->x) < 0.5)
        bottom = MAX (bottom, r.y + r.height);
    }
  return content.y + content.height - bottom;
}

/* The pixels every column of a block can give up without cutting a
 * card: the least room below a column's last card. */
static double
spare_below (NfGridLayout *layout,
             NfBlock       block)
{
  NfRect content;
  double spare = G_MAXDOUBLE;

  nf_grid_layout_get_content_rect (layout, block, &content);
  for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, block); i++)
    {
      NfRect r;

      nf_grid_layout_get_card (layout, block, i, &r);
      spare = MIN (spare, room_below (layout, block, &r));
    }
  return spare == G_MAXDOUBLE ? content.height : spare;
}

/* The fewest pixels a block needs, below what its columns leave, for a
 * cut card of it to show one line more; 0 when it cuts none. */
static double
short_of_line (NfGridLayout      *layout,
               const NfGridStyle *style,
               NfBlock            block)
{
  double least = 0;

  for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, block); i++)
    {
      NfRect r;
      NfCardLayout *card = nf_grid_layout_get_card (layout, block, i, &r);
      guint shown;
      double grown, need;

      if (!nf_card_layout_get_truncated (card))
        continue;
      (void) _nf_card_layout_get_shown_text_height (card, &shown);
      grown = nf_card_layout_measure_density (card, style, r.width,
                                              nf_card_layout_get_font_size (card),
                                              NF_CARD_LINES, MAX (2u, shown + 1));
      need = grown - r.height - room_below (layout, block, &r);
      if (need > 0 && (least == 0 || need < least))
        least = need;
    }
  return least;
}

/* Room is where the notes are: no block cuts a card a few pixels short
 * of its next line while the block it shares a row edge with has those
 * pixels to spare, and no block is left with a fifth of
 * its height empty (and more than three lines) while a block of its band
 * cuts its notes. The rows and the columns are chosen together. */
static void
test_room_beside_cuts (void)
{
  g_autofree char *zh = chinese_tag ();
  const char *langs[] = { NULL, "en", zh };
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();

  for (guint c = 0; c < N_CASES; c++)
    {
      g_autoptr(NfCanvas) canvas = nf_test_load_case (c);

      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        for (guint s = 0; s < G_N_ELEMENTS (view_sizes); s++)
          {
            g_autoptr(NfGridLayout) layout = NULL;
            double line;

            layout = nf_grid_layout_new (canvas, NULL, langs[l]);
            nf_grid_layout_allocate (layout, view_sizes[s].width, view_sizes[s].height);
            line = nf_grid_layout_get_font_size (layout, NF_BLOCK_KEY_PARTNERS) * 96 / 72 *
                   style->line_height;
            for (guint b = 0; b < NF_N_BLOCKS; b++)
              {
                const NfBlockPlace *place = nf_block_place ((NfBlock) b);
                double empty = block_empty (layout, (NfBlock) b);
                NfRect rect;

                /* The blocks one above the other in a column of the top
                 * band share their height by one edge of their own: a
                 * block that cuts a card a few pixels short of its next
                 * line is not left beside one with those pixels unused. */
                if (b == NF_BLOCK_KEY_ACTIVITIES || b == NF_BLOCK_CUSTOMER_RELATIONSHIPS)
                  {
                    NfBlock below = b == NF_BLOCK_KEY_ACTIVITIES ? NF_BLOCK_KEY_RESOURCES
                                                                 : NF_BLOCK_CHANNELS;

                    for (guint k = 0; k < 2; k++)
                      {
                        NfBlock cut = k == 0 ? (NfBlock) b : below;
                        NfBlock other = k == 0 ? below : (NfBlock) b;
                        double need = short_of_line (layout, style, cut);
                        double spare = spare_below (layout, other);

                        /* The rows are whole pixels apart: two of slack. */
                        if (need <= 0 || spare < need + 2)
                          continue;
                        g_test_message ("case %u, %s, %d × %d: %s cuts a card %.0f px short "
                                        "of a line beside %s with %.0f px to spare",
                                        c, langs[l] ? langs[l] : "own text",
                                        view_sizes[s].width, view_sizes[s].height,
                                        nf_block_title (cut), need, nf_block_title (other), spare);
                        g_test_fail ();
                      }
                  }
                nf_grid_layout_get_block_rect (layout, (NfBlock) b, &rect);
                if (nf_grid_layout_get_n_cards (layout, (NfBlock) b) == 0 || empty <= 0.2 ||
                    empty * rect.height < 3 * line)
                  continue;
                /* A column already at its narrowest readable width (half
                 * its share) has nothing more to lend: a fifth empty is
                 * allowed there (the third of /grid-fit/columns-lend is
                 * not). */
                if (rect.width <= 0.5 * place->width * view_sizes[s].width / 10 + 2)
                  continue;
                for (guint o = 0; o < NF_N_BLOCKS; o++)
                  {
                    gboolean same_band = (nf_block_place ((NfBlock) o)->y < 2) == (place->y < 2);

                    if (o == b || !same_band || !block_cuts (layout, (NfBlock) o))
                      continue;
                    g_test_message ("case %u, %s, %d × %d: %s %.0f%% empty (%.0f px wide) beside %s cut",
                                    c, langs[l] ? langs[l] : "own text",
                                    view_sizes[s].width, view_sizes[s].height,
                                    nf_block_title ((NfBlock) b), 100 * empty, rect.width,
                                    nf_block_title ((NfBlock) o));
                    g_test_fail ();
                  }
              }
          }
    }
}

/* A case with room to spare keeps full cards; the crowded one steps
 * down to the smallest size, then in density, but not all the way in
 * every block. */
static void
test_roomy_and_crowded (void)
{
  g_autoptr(NfCanvas) bitauto = nf_test_load_case (0);
  g_autoptr(NfCanvas) senmiao = nf_test_load_case (2);
  g_autoptr(NfGridLayout) roomy = nf_grid_layout_new (bitauto, NULL, NULL);
  g_autoptr(NfGridLayout) crowded = nf_grid_layout_new (senmiao, NULL, NULL);
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  gboolean some_full = FALSE;

  /* Room to spare goes to a larger text size, as long as every note
   * shows its whole text (some as compact cards, tags as marks). */
  nf_grid_layout_allocate (roomy, 1910, 942);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    g_assert_cmpint (nf_grid_layout_get_density (roomy, (NfBlock) b), <=, NF_CARD_COMPACT);
  g_assert_cmpfloat (nf_grid_layout_get_font_size (roomy, NF_BLOCK_KEY_PARTNERS), >,
                     style->min_font_size);
  assert_all_laid_out (roomy, FALSE);

  nf_grid_layout_allocate (crowded, 1356, 630);
  assert_all_laid_out (crowded, FALSE);
  g_assert_cmpfloat (nf_grid_layout_get_font_size (crowded, NF_BLOCK_KEY_PARTNERS), ==,
                     style->min_font_size);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    some_full |= nf_grid_layout_get_density (crowded, (NfBlock) b) <= NF_CARD_LINES &&
                 nf_grid_layout_get_density (crowded, (NfBlock) b) != NF_CARD_LINE;
  g_assert_true (some_full);
}

static const char *const words[] = {
  "revenue", "platform", "dealers", "subscription", "advertising", "data",
  "automakers", "services", "leads", "marketing", "cloud", "partners",
  "transactions", "merchants", "an", "of", "the", "and", "with", "for",
  "internationalisation", "B2B", "2,235.1万", "$9.5 million",
};
static const char *const han[] = {
  "数字化营销平台", "汽车品牌", "阿里云", "中台", "运营工具", "按效果分成",
  "经销商", "客户体验云", "新零售", "，", "。",
};

static void
append_text (GString *xml,
             GRand   *rand,
             gboolean chinese)
{
  guint n = (guint) g_rand_int_range (rand, 1, 60);

  for (guint i = 0; i < n; i++)
    {
      if (chinese)
        g_string_append (xml, han[g_rand_int_range (rand, 0, G_N_ELEMENTS (han))]);
      else
        {
          if (i > 0)
            g_string_append_c (xml, ' ');
          g_string_append (xml, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }
    }
}

/* A canvas of `n_notes` notes spread unevenly over the blocks: English
 * and Chinese text of any length from a word to a paragraph, tags and
 * evidence levels, the same every run for a seed. */
static NfCanvas *
generated_canvas (guint32 seed,
                  guint   n_notes)
{
  static const char *const evidence[] = { NULL, "assumption", "tested", "validated" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">\n"
                                         "  <metadata>\n    <company>Generated</company>\n    <title>Generated</title>\n"
                                         "  </metadata>\n");
  g_autoptr(GError) error = NULL;
  guint per_block[NF_N_BLOCKS] = { 0 };
  guint id = 1;
  NfCanvas *canvas;

  for (guint i = 0; i < n_notes; i++)
    per_block[g_rand_int_range (rand, 0, NF_N_BLOCKS) * g_rand_int_range (rand, 0, 2)]++;
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      g_string_append_printf (xml, "  <block kind=\"%s\">\n", nf_block_to_xml ((NfBlock) b));
      for (guint i = 0; i < per_block[b]; i++)
        {
          const char *level = evidence[g_rand_int_range (rand, 0, G_N_ELEMENTS (evidence))];
          gboolean chinese = g_rand_int_range (rand, 0, 3) == 0;
          guint n_tags = (guint) g_rand_int_range (rand, 0, 4);

          g_string_append_printf (xml, "    <note id=\"g%u\"", id++);
          if (level != NULL)
            g_string_append_printf (xml, " evidence=\"%s\"", level);
          g_string_append (xml, ">\n      <text>");
          append_text (xml, rand, chinese);
          g_string_append (xml, "</text>\n");
          for (guint t = 0; t < n_tags; t++)
            g_string_append_printf (xml, "      <tag>%s%u</tag>\n",
                                    chinese ? "探索" : "growth", t);
          g_string_append (xml, "    </note>\n");
        }
      g_string_append (xml, "  </block>\n");
    }
  g_string_append (xml, "</canvas>\n");
  canvas = nf_canvas_load_from_data (xml->str, xml->len, "generated", &error);
  g_assert_no_error (error);
  return canvas;
}

static void
test_generated (void)
{
  static const struct { int w, h; } sizes[] = { { 1356, 630 }, { 1910, 942 }, { 800, 500 } };

  for (guint32 seed = 1; seed <= 12; seed++)
    {
      g_autoptr(NfCanvas) canvas = generated_canvas (seed, 10 + seed * 17);

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, NULL, NULL);

          nf_grid_layout_allocate (layout, sizes[s].w, sizes[s].h);
          assert_all_laid_out (layout, TRUE);
        }
    }
}

/* A 1,000-note canvas: every note still laid out; the blocks too small
 * even for one-line cards scroll, the others do not; nothing hides the
 * notes of a block that fits. */
static void
test_thousand (void)
{
  g_autoptr(NfCanvas) canvas = generated_canvas (7, 1000);
  g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, NULL, NULL);
  guint n_scroll = 0;

  nf_grid_layout_allocate (layout, 1910, 942);
  assert_all_laid_out (layout, TRUE);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      NfRect content;

      nf_grid_layout_get_content_rect (layout, (NfBlock) b, &content);
      if (nf_grid_layout_get_scrolls (layout, (NfBlock) b))
        {
          n_scroll++;
          g_assert_cmpint (nf_grid_layout_get_density (layout, (NfBlock) b), ==, NF_CARD_LINE);
          g_assert_cmpfloat (nf_grid_layout_get_scroll_height (layout, (NfBlock) b), >, content.height);
          g_assert_cmpuint (nf_grid_layout_get_n_hidden (layout, (NfBlock) b), >, 0);
        }
      else
        g_assert_cmpuint (nf_grid_layout_get_n_hidden (layout, (NfBlock) b), ==, 0);
    }
  g_assert_cmpuint (n_scroll, >, 0);
}

/* A clamped card drawn from its text broken whole (the renderer cuts its
 * last line) measures as the same card clamped by Pango: as tall, as
 * many lines, cut or not alike; and its pixels stay inside the card. */
static void
test_clamp_from_whole (void)
{
  guint n_own = 0;

  for (guint32 seed = 1; seed <= 6; seed++)
    {
      g_autoptr(NfCanvas) canvas = generated_canvas (seed, 120 + seed * 40);
      g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
      g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, style, NULL);

      nf_grid_layout_allocate (layout, 1366, 768);
      for (guint b = 0; b < NF_N_BLOCKS; b++)
        for (guint i = 0; i < nf_grid_layout_get_n_cards (layout, (NfBlock) b); i++)
          {
            NfRect r;
            NfCardLayout *card = nf_grid_layout_get_card (layout, (NfBlock) b, i, &r);
            NfCardDensity density = nf_card_layout_get_density (card);
            guint max_lines = nf_card_layout_get_max_lines (card), own_lines, lines;
            double height = nf_card_layout_get_height (card);
            gboolean truncated = nf_card_layout_get_truncated (card);
            cairo_surface_t *image;
            cairo_t *cr;
            const guint32 *data;
            int stride, w, h;

            if (_nf_card_layout_get_clamp_lines (card) == 0)
              continue;
            n_own++;
            g_assert_true (density == NF_CARD_LINES || density == NF_CARD_LINE);
            g_assert_true (truncated);
            (void) _nf_card_layout_get_shown_text_height (card, &own_lines);

            /* The renderer's cut stays inside the text's width. */
            w = (int) ceil (r.width) + 2;
            h = (int) ceil (r.height) + 2;
            image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
            cr = cairo_create (image);
            nf_card_render (cr, card, style);
            cairo_destroy (cr);
            cairo_surface_flush (image);
            data = (const guint32 *) (gconstpointer) cairo_image_surface_get_data (image);
            stride = cairo_image_surface_get_stride (image) / 4;
            for (int y = 0; y < h; y++)
              for (int x = (int) ceil (r.width) + 1; x < w; x++)
                g_assert_cmpuint (data[y * stride + x] >> 24, ==, 0);
            cairo_surface_destroy (image);

            /* Laid out afresh, Pango clamps it. */
            nf_card_layout_invalidate (card);
            _nf_card_layout_apply_pango_clamp (card, style, r.width,
                                               nf_card_layout_get_font_size (card), density,
                                               max_lines);
            g_assert_cmpuint (_nf_card_layout_get_clamp_lines (card), ==, 0);
            lines = (guint) pango_layout_get_line_count (nf_card_layout_get_text_layout (card));
            g_assert_cmpuint (lines, ==, own_lines);
            g_assert_cmpfloat (nf_card_layout_get_height (card), ==, height);
            g_assert_true (nf_card_layout_get_truncated (card));
          }
    }
  /* Crowded enough that some cards are cut from their whole text. */
  g_assert_cmpuint (n_own, >, 0);
}

/* The line starts of a card's text as laid out now. */
static GArray *
line_starts (NfCardLayout *card)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (int));

  for (GSList *l = pango_layout_get_lines_readonly (nf_card_layout_get_text_layout (card));
       l != NULL; l = l->next)
    g_array_append_val (starts, ((PangoLayoutLine *) l->data)->start_index);
  return starts;
}

/* A card asked for a width whose lines it already has at another keeps
 * them rather than breaking its text again: at every width of a resize,
 * either way, it measures and breaks as a card laid out afresh there. */
static void
test_breaks_reused (void)
{
  g_autofree char *zh = chinese_tag ();
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  guint n_kept = 0, n_checked = 0;

  for (guint c = 0; c < N_CASES; c++)
    for (guint l = 0; l < 2; l++)
      {
        g_autoptr(NfCanvas) canvas = nf_test_load_case (c);
        const char *lang = l == 0 ? NULL : zh;
        PangoContext *context = nf_render_pango_context_new (lang != NULL ? lang
                                                             : nf_canvas_get_language (canvas));

        for (guint b = 0; b < NF_N_BLOCKS; b += l == 0 ? 1 : 2)
          {
            GListModel *notes = nf_canvas_get_notes (canvas, (NfBlock) b);

            for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
              {
                g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
                g_autoptr(NfCardLayout) swept = nf_card_layout_new (context, note, lang);
                g_autoptr(NfCardLayout) fresh = nf_card_layout_new (context, note, lang);
                double size = l == 0 ? 10.5 : 9.5;

                for (int step = 0; step < 74; step++)
                  {
                    /* Narrower in small steps, then wider by leaps. */
                    double w = step < 40 ? 260 - 2 * step
                               : step < 60 ? 180 - 4 * (step - 40) : 110 + 17 * (step - 60);
                    g_autoptr(GArray) a = NULL;
                    g_autoptr(GArray) f = NULL;
                    guint serial;

                    serial = pango_layout_get_serial (nf_card_layout_get_text_layout (swept));
                    g_assert_cmpfloat (nf_card_layout_measure_density (swept, style, w, size,
                                                                       NF_CARD_COMPACT, 0), ==,
                                       nf_card_layout_measure_density (fresh, style, w, size,
                                                                       NF_CARD_COMPACT, 0));
                    nf_card_layout_apply (swept, style, w, size, 0);
                    if (pango_layout_get_serial (nf_card_layout_get_text_layout (swept)) == serial)
                      n_kept++;
                    nf_card_layout_invalidate (fresh);
                    nf_card_layout_apply (fresh, style, w, size, 0);
                    g_assert_cmpfloat (nf_card_layout_get_height (swept), ==,
                                       nf_card_layout_get_height (fresh));
                    a = line_starts (swept);
                    f = line_starts (fresh);
                    g_assert_cmpuint (a->len, ==, f->len);
                    g_assert_cmpmem (a->data, a->len * sizeof (int), f->data, f->len * sizeof (int));
                    if (nf_card_layout_get_footer_layout (fresh) != NULL)
                      g_assert_cmpint (pango_layout_get_line_count (nf_card_layout_get_footer_layout (swept)),
                                       ==,
                                       pango_layout_get_line_count (nf_card_layout_get_footer_layout (fresh)));
                    nf_card_layout_invalidate (fresh);
                    n_checked++;
                  }
              }
          }
        g_object_unref (context);
      }
  /* Many small steps move no line. */
  g_test_message ("%u of %u widths kept the lines", n_kept, n_checked);
  g_assert_cmpuint (n_kept, >, n_checked / 20);
}

/* A focused block shows every note as a full card at the base size over
 * the whole area; the others have no cards; unfocused, all is back. */
static void
test_focus (void)
{
  g_autoptr(NfCanvas) canvas = nf_test_load_case (2);
  g_autoptr(NfGridLayout) layout = nf_grid_layout_new (canvas, NULL, NULL);
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  guint n = g_list_model_get_n_items (nf_canvas_get_notes (canvas, NF_BLOCK_KEY_ACTIVITIES));
  NfRect block, content;

  nf_grid_layout_set_focus_block (layout, NF_BLOCK_KEY_ACTIVITIES);
  nf_grid_layout_allocate (layout, 1356, 630);
  nf_grid_layout_get_block_rect (layout, NF_BLOCK_KEY_ACTIVITIES, &block);
  nf_grid_layout_get_content_rect (layout, NF_BLOCK_KEY_ACTIVITIES, &content);
  g_assert_cmpfloat (block.width, >, 1356 - 2 * style->margin - 1);
  g_assert_cmpuint (nf_grid_layout_get_n_cards (layout, NF_BLOCK_KEY_ACTIVITIES), ==, n);
  g_assert_cmpint (nf_grid_layout_get_density (layout, NF_BLOCK_KEY_ACTIVITIES), ==, NF_CARD_FULL);
  g_assert_cmpfloat (nf_grid_layout_get_font_size (layout, NF_BLOCK_KEY_ACTIVITIES), ==,
                     style->base_font_size);
  for (guint i = 0; i < n; i++)
    {
      NfRect r;
      NfCardLayout *card = nf_grid_layout_get_card (layout, NF_BLOCK_KEY_ACTIVITIES, i, &r);

      g_assert_true (inside (&r, &content));
      g_assert_false (nf_card_layout_get_truncated (card));
      assert_card_holds_text (card, &r);
    }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    if (b != NF_BLOCK_KEY_ACTIVITIES)
      g_assert_cmpuint (nf_grid_layout_get_n_cards (layout, (NfBlock) b), ==, 0);

  nf_grid_layout_set_focus_block (layout, NF_BLOCK_NONE);
  nf_grid_layout_allocate (layout, 1356, 630);
  assert_all_laid_out (layout, FALSE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/grid-fit/cases-all-visible", test_cases_all_visible);
  g_test_add_func ("/grid-fit/roomy-and-crowded", test_roomy_and_crowded);
  g_test_add_func ("/grid-fit/columns-lend", test_columns_lend);
  g_test_add_func ("/grid-fit/room-beside-cuts", test_room_beside_cuts);
  g_test_add_func ("/grid-fit/generated", test_generated);
  g_test_add_func ("/grid-fit/thousand", test_thousand);
  g_test_add_func ("/grid-fit/focus", test_focus);
  g_test_add_func ("/grid-fit/clamp-from-whole", test_clamp_from_whole);
  g_test_add_func ("/grid-fit/breaks-reused", test_breaks_reused);
  return g_test_run ();
}
