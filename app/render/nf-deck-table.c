/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-i18n-private.h"

#include "nf-chart.h"
#include "nf-deck-private.h"
#include "nf-render-private.h"

/* A canvas's metric tables as tidy tables (header row, numbers
 * right-aligned, each cell's text exactly as written), flowing through
 * the columns of as many slides as they need: several small tables share
 * a slide, a long one goes on in the next column with its title and
 * header row repeated. After each table, a bar chart per kind of figure
 * it holds (nf_chart_groups_new: counts with counts, money in one
 * currency, percentages with percentages…), never one figure alone. */

#define CELL_PAD_X 8.0
#define CELL_PAD_Y 5.0
#define TEXT_SIZE  12.0
#define HEAD_SIZE  12.0
#define TITLE_SIZE 13.0
#define CHART_SIZE 12.0
#define COLUMN_GAP 36.0
#define ITEM_GAP   26.0
/* More bars than a slide's two columns hold are no longer read as a
 * chart: a longer series is left to its table, and the slide says so. */
#define MAX_CHART_BARS 40

static char *
column_heading (NfDeck         *deck,
                const NfColumn *column)
{
  const char *name = column->name != NULL ? nf_text_for_language (column->name, deck->lang) : "";

  /* "Annual Revenue ($) (USD)" said its currency twice. */
  if (!nf_chart_name_says_unit (name, column->unit))
    return g_strdup_printf ("%s (%s)", name, column->unit);
  return g_strdup (name);
}

/* The column that names the rows in the chart: the first text column, or
 * else the first year column. */
static int
label_column (NfMetricTable *table)
{
  guint n = nf_metric_table_get_n_columns (table);

  for (guint c = 0; c < n; c++)
    if (nf_metric_table_get_column (table, c)->type == NF_COLUMN_TEXT)
      return (int) c;
  for (guint c = 0; c < n; c++)
    if (nf_metric_table_get_column (table, c)->type == NF_COLUMN_YEAR)
      return (int) c;
  return -1;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}

static void
draw_cell (NfDeck         *deck,
           PangoLayout    *layout,
           double          x,
           double          y,
           const NfColour *colour)
{
  _nf_render_set_colour (deck->cr, colour);
  cairo_move_to (deck->cr, x + CELL_PAD_X, y + CELL_PAD_Y);
  pango_cairo_show_layout (deck->cr, layout);
}

/* A cell's natural width estimated from its characters' advances, each
 * character measured once per table: a long table's columns are sized
 * without a Pango layout per cell. */
static double
estimate_width (NfDeck     *deck,
                GHashTable *advances,
                const char *text)
{
  double width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      gpointer found = g_hash_table_lookup (advances, GUINT_TO_POINTER (ch));
      double advance;

      if (found == NULL)
        {
          char one[8] = { 0 };
          g_autoptr(PangoLayout) l = NULL;

          g_unichar_to_utf8 (ch, one);
          l = _nf_deck_text (deck, one, TEXT_SIZE, PANGO_WEIGHT_NORMAL, -1);
          advance = layout_width (l);
          /* Stored plus one, so that a zero-width character is found. */
          g_hash_table_insert (advances, GUINT_TO_POINTER (ch), GINT_TO_POINTER ((int) (advance * 64) + 1));
        }
      else
        advance = (GPOINTER_TO_INT (found) - 1) / 64.0;
      width += advance;
    }
  return width;
}

/* The widest word of a heading, as set in the header row. */
static double
head_word_width (NfDeck     *deck,
                 const char *head)
{
  g_auto(GStrv) words = g_strsplit_set (head, " \n", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        g_autoptr(PangoLayout) l = _nf_deck_text (deck, words[i], HEAD_SIZE, PANGO_WEIGHT_BOLD, -1);

        widest = MAX (widest, layout_width (l));
      }
  return widest;
}

/* Column widths: each column's widest text, shrunk in proportion when the
 * table is wider than the room (the cells then wrap). A short table
 * measures every cell; a long one estimates each cell from its characters
 * and measures only the few widest of each column, so sizing it costs a
 * pass over its text, not a layout per cell. */
#define MEASURED_ROWS 64
#define WIDEST_KEPT    8

static double *
column_widths (NfDeck        *deck,
               NfMetricTable *table,
               double         room)
{
  guint n = nf_metric_table_get_n_columns (table);
  guint n_rows = nf_metric_table_get_n_rows (table);
  double *widths = g_new0 (double, MAX (n, 1));
  g_autofree double *heads = g_new0 (double, MAX (n, 1));
  g_autofree double *floors = g_new0 (double, MAX (n, 1));
  double total = 0, cells_total = 0, floors_total = 0, over_total = 0;
  g_autoptr(GHashTable) advances = n_rows > MEASURED_ROWS ? g_hash_table_new (NULL, NULL) : NULL;

  for (guint c = 0; c < n; c++)
    {
      g_autofree char *head = column_heading (deck, nf_metric_table_get_column (table, c));
      g_autoptr(PangoLayout) l = _nf_deck_text (deck, head, HEAD_SIZE, PANGO_WEIGHT_BOLD, -1);
      guint widest[WIDEST_KEPT];
      double widest_w[WIDEST_KEPT] = { 0 };
      guint n_widest = 0;

      heads[c] = layout_width (l) + 2 * CELL_PAD_X + 1;
      floors[c] = head_word_width (deck, head) + 2 * CELL_PAD_X + 1;
      widths[c] = 0;
      for (guint r = 0; r < n_rows; r++)
        {
          const char *text = _nf_deck_cell_text (deck, nf_metric_table_get_cell (table, r, c));
          double w;
          guint i;

          if (advances == NULL)
            {
              g_autoptr(PangoLayout) cell = _nf_deck_text (deck, text, TEXT_SIZE, PANGO_WEIGHT_NORMAL, -1);

              widths[c] = MAX (widths[c], layout_width (cell));
              continue;
            }
          /* The few widest by estimate, widest first. */
          w = estimate_width (deck, advances, text);
          if (n_widest == WIDEST_KEPT && w <= widest_w[WIDEST_KEPT - 1])
            continue;
          i = MIN (n_widest, WIDEST_KEPT - 1);
          n_widest = MIN (n_widest + 1, WIDEST_KEPT);
          for (; i > 0 && widest_w[i - 1] < w; i--)
            {
              widest[i] = widest[i - 1];
              widest_w[i] = widest_w[i - 1];
            }
          widest[i] = r;
          widest_w[i] = w;
        }
      /* Kerning and shaping make the estimate a little off either way:
       * the widest are measured, and no column is narrower than its
       * widest estimate. */
      for (guint i = 0; i < n_widest; i++)
        {
          g_autoptr(PangoLayout) cell =
            _nf_deck_text (deck, _nf_deck_cell_text (deck, nf_metric_table_get_cell (table, widest[i], c)),
                           TEXT_SIZE, PANGO_WEIGHT_NORMAL, -1);

          widths[c] = MAX (widths[c], MAX (layout_width (cell), widest_w[i]));
        }
      widths[c] += 2 * CELL_PAD_X + 1;
      cells_total += widths[c];
      total += MAX (widths[c], heads[c]);
      /* A figure reads whole (up to an even share: a figure column may
       * hold sentences), and a heading breaks between its words, never
       * inside one ("Us-er Ra-ti-ng" above "4.7"). */
      if (nf_metric_table_get_column (table, c)->type != NF_COLUMN_TEXT)
        floors[c] = MAX (floors[c], MIN (widths[c], room / MAX (n, 1)));
      floors[c] = MIN (floors[c], MAX (widths[c], heads[c]));
      floors_total += floors[c];
      over_total += MAX (widths[c] - floors[c], 0);
    }
  if (total <= room)
    for (guint c = 0; c < n; c++)
      widths[c] = MAX (widths[c], heads[c]);
  else if (cells_total <= room)
    {
      /* Headings wrap before any cell does: each column keeps its widest
       * cell, and what room is left goes to the headings wider than that
       * in proportion. */
      double excess = total - cells_total, spare = room - cells_total;

      for (guint c = 0; c < n; c++)
        widths[c] += heads[c] > widths[c] ? (heads[c] - widths[c]) * spare / excess : 0;
    }
  else if (floors_total < room && over_total > 0)
    {
      /* The text columns wrap: each column keeps its floor, and the room
       * above the floors goes to the wider ones in proportion. */
      for (guint c = 0; c < n; c++)
        widths[c] = floors[c] + MAX (widths[c] - floors[c], 0) * (room - floors_total) / over_total;
    }
  else
    for (guint c = 0; c < n; c++)
      widths[c] = MAX (widths[c] * room / cells_total, 2 * CELL_PAD_X + 24);
  return widths;
}

/* One row's layouts, wrapped to the column widths, and its height. */
static GPtrArray *
row_layouts (NfDeck        *deck,
             NfMetricTable *table,
             int            row,
             const double  *widths,
             double        *out_height)
{
  guint n = nf_metric_table_get_n_columns (table);
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_object_unref);

  *out_height = 0;
  for (guint c = 0; c < n; c++)
    {
      const NfColumn *column = nf_metric_table_get_column (table, c);
      g_autofree char *head = row < 0 ? column_heading (deck, column) : NULL;
      const char *text = row < 0 ? head : _nf_deck_cell_text (deck, nf_metric_table_get_cell (table, row, c));
      PangoLayout *l = _nf_deck_text_aligned (deck, text, row < 0 ? HEAD_SIZE : TEXT_SIZE,
                                              row < 0 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                              widths[c] - 2 * CELL_PAD_X,
                                              column->type != NF_COLUMN_TEXT ? PANGO_ALIGN_RIGHT
                                                                             : PANGO_ALIGN_LEFT);

      *out_height = MAX (*out_height, layout_height (l) + 2 * CELL_PAD_Y);
      g_ptr_array_add (cells, l);
    }
  return cells;
}

/* The same for a row set in `cells`, layouts of an earlier row of this
 * table: a long table's rows are drawn one at a time, so one layout per
 * column has its text replaced row by row, and no layout or font
 * description is made per cell. A cell of one line of cached glyphs
 * (most are) does not even set its layout's text: `fast` gets its text,
 * else NULL. */
static void
row_refill (NfDeck        *deck,
            NfMetricTable *table,
            guint          row,
            GPtrArray     *cells,
            NfDeckGlyphs  *glyphs,
            const char   **fast,
            double        *out_height)
{
  *out_height = 0;
  for (guint c = 0; c < cells->len; c++)
    {
      PangoLayout *l = g_ptr_array_index (cells, c);
      const char *text = _nf_deck_cell_text (deck, nf_metric_table_get_cell (table, row, c));
      double h;

      fast[c] = _nf_deck_glyphs_one_line (glyphs, l, text, &h) ? text : NULL;
      if (fast[c] == NULL)
        {
          pango_layout_set_text (l, text, -1);
          h = layout_height (l);
        }
      *out_height = MAX (*out_height, h + 2 * CELL_PAD_Y);
    }
}

static void
draw_row (NfDeck            *deck,
          GPtrArray         *cells,
          NfDeckGlyphs      *glyphs,
          const char *const *fast,
          const double      *widths,
          double        x,
          double        y,
          double        height,
          gboolean      header,
          gboolean      shaded)
{
  const NfGridStyle *style = deck->style;
  double total = 0;

  for (guint c = 0; c < cells->len; c++)
    total += widths[c];
  if (header || shaded)
    {
      NfColour fill = header ? style->accent : style->chip_fill;

      if (header)
        fill.alpha = 0.12;
      _nf_render_set_colour (deck->cr, &fill);
      cairo_rectangle (deck->cr, x, y, total, height);
      cairo_fill (deck->cr);
    }
  for (guint c = 0; c < cells->len; c++)
    {
      if (fast != NULL && fast[c] != NULL)
        {
          _nf_render_set_colour (deck->cr, &style->title_text);
          cairo_move_to (deck->cr, x + CELL_PAD_X, y + CELL_PAD_Y);
          _nf_deck_glyphs_show (glyphs, deck->cr, g_ptr_array_index (cells, c), fast[c]);
        }
      else
        draw_cell (deck, g_ptr_array_index (cells, c), x, y, &style->title_text);
      x += widths[c];
    }
  _nf_deck_rule (deck, x - total, x, y + height, header ? 1.5 : 0.75);
}

typedef struct {
  NfDeck     *deck;
  NfCanvas   *canvas;
  int         outline_parent;
  int         entry;          /* "Metrics", once there is a slide */
  guint       n_columns;
  double      column_width;
  double      top;
  double      bottom;
  guint       column;
  double      y;
  double      deepest;        /* the lowest a column of this slide reaches */
  gboolean    started;
} Flow;

static double
flow_x (Flow *flow)
{
  return NF_DECK_MARGIN + flow->column * (flow->column_width + COLUMN_GAP);
}

void
_nf_deck_metric_slide_close (NfDeck     *deck,
                             NfCanvas   *canvas,
                             const char *title)
{
  cairo_pattern_t *body = cairo_pop_group (deck->cr);

  _nf_deck_draw_header (deck, _nf_deck_company (canvas, deck->lang), title);
  cairo_save (deck->cr);
  cairo_set_source (deck->cr, body);
  cairo_paint (deck->cr);
  cairo_restore (deck->cr);
  cairo_pattern_destroy (body);
  _nf_deck_end_slide (deck);
}

static void
flow_next_column (Flow *flow)
{
  NfDeck *deck = flow->deck;

  flow->deepest = MAX (flow->deepest, flow->y);
  if (flow->started && ++flow->column < flow->n_columns)
    {
      flow->y = flow->top;
      return;
    }
  /* The header goes on as a slide is finished: the last one's names
   * the sources too when they join it (nf-deck-canvas.c). */
  if (flow->started)
    _nf_deck_metric_slide_close (deck, flow->canvas, _("Metrics"));
  _nf_deck_begin_page (deck);
  /* The slide's body goes in a group, so its header, named only once
   * the body is known, still comes first in the page's text. */
  cairo_push_group (deck->cr);
  if (!flow->started)
    flow->entry = _nf_deck_outline (deck, flow->outline_parent, _("Metrics"));
  flow->started = TRUE;
  flow->deepest = 0;
  flow->column = 0;
  flow->y = flow->top;
}

/* Room for `height` more, else the next column; an item's start also
 * leaves a gap after the one before. */
static void
flow_room (Flow    *flow,
           double   height,
           gboolean item_start)
{
  if (!flow->started)
    {
      flow_next_column (flow);
      return;
    }
  if (item_start && flow->y > flow->top)
    flow->y += ITEM_GAP;
  if (flow->y + height > flow->bottom && flow->y > flow->top)
    flow_next_column (flow);
}

static void
flow_show (Flow           *flow,
           PangoLayout    *layout,
           double          x,
           const NfColour *colour)
{
  cairo_save (flow->deck->cr);
  _nf_render_set_colour (flow->deck->cr, colour);
  cairo_move_to (flow->deck->cr, x, flow->y);
  pango_cairo_show_layout (flow->deck->cr, layout);
  cairo_restore (flow->deck->cr);
  flow->y += layout_height (layout);
}

static PangoLayout *
title_layout (Flow       *flow,
              const char *title,
              gboolean    continued,
              double      size)
{
  /* TRANSLATORS: a table's or chart's title where it goes on in another
   * column or slide; %s is the title. */
  g_autofree char *text = continued ? g_strdup_printf (_("%s (continued)"), title) : g_strdup (title);

  return _nf_deck_text (flow->deck, text, size, PANGO_WEIGHT_BOLD, flow->column_width);
}

/* A table's rows are laid out once each, in order, and drawn as soon as
 * their place is known: the slides follow from the measured heights in
 * one pass, and only one column's rows are alive at a time, whatever the
 * table's length. */
static void
flow_table (Flow          *flow,
            NfMetricTable *table,
            double        *widths)
{
  NfDeck *deck = flow->deck;
  guint n_rows = nf_metric_table_get_n_rows (table);
  NfText *title_text = nf_metric_table_get_title (table);
  const char *title = title_text != NULL ? nf_text_for_language (title_text, deck->lang) : "";
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GPtrArray) ahead = NULL;   /* rows laid out to see if the table fits a column */
  g_autoptr(GPtrArray) reused = NULL;  /* else one row's layouts, refilled */
  NfDeckGlyphs *glyphs = NULL;         /* for those */
  g_autofree const char **fast = g_new0 (const char *, nf_metric_table_get_n_columns (table) + 1);
  g_autofree double *ahead_h = NULL;
  double header_h, min_row;

  header = row_layouts (deck, table, -1, widths, &header_h);
  {
    g_autoptr(PangoLayout) one = _nf_deck_text (deck, "0", TEXT_SIZE, PANGO_WEIGHT_NORMAL, -1);

    min_row = layout_height (one) + 2 * CELL_PAD_Y;
  }
  /* A table that fits a column is kept whole: it starts a column rather
   * than leaving a row or two for the next. Only a table short enough to
   * fit at all is measured ahead for that (no row is lower than a line). */
  if (n_rows * min_row + header_h <= flow->bottom - flow->top)
    {
      g_autoptr(PangoLayout) head = title_layout (flow, title, FALSE, TITLE_SIZE);
      double whole = layout_height (head) + 6 + header_h;

      ahead = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      ahead_h = g_new0 (double, MAX (n_rows, 1));
      for (guint r = 0; r < n_rows; r++)
        {
          g_ptr_array_add (ahead, row_layouts (deck, table, (int) r, widths, &ahead_h[r]));
          whole += ahead_h[r];
        }
      if (whole <= flow->bottom - flow->top && flow->started)
        flow_room (flow, whole + (flow->y > flow->top ? ITEM_GAP : 0), FALSE);
    }

  for (guint r = 0; r < MAX (n_rows, 1); r++)
    {
      GPtrArray *cells = NULL;
      double h = 0;

      if (r % 256 == 255 && g_cancellable_is_cancelled (deck->cancellable))
        break;
      if (n_rows > 0 && ahead != NULL)
        {
          cells = g_ptr_array_index (ahead, r);
          h = ahead_h[r];
        }
      else if (n_rows > 0 && reused != NULL)
        row_refill (deck, table, r, cells = reused, glyphs, fast, &h);
      else if (n_rows > 0)
        {
          cells = reused = row_layouts (deck, table, (int) r, widths, &h);
          if (cells->len > 0)
            glyphs = _nf_deck_glyphs_new (g_ptr_array_index (cells, 0));
        }

      if (r == 0 || flow->y + h > flow->bottom)
        {
          g_autoptr(PangoLayout) head = title_layout (flow, title, r > 0, TITLE_SIZE);
          double need = layout_height (head) + 6 + header_h + h;

          if (r == 0)
            {
              flow_room (flow, need, TRUE);
              _nf_deck_outline (deck, flow->entry, title);
            }
          else
            flow_next_column (flow);
          flow_show (flow, head, flow_x (flow), &deck->style->accent);
          flow->y += 6;
          draw_row (deck, header, NULL, NULL, widths, flow_x (flow), flow->y, header_h, TRUE, FALSE);
          flow->y += header_h;
        }
      if (cells != NULL)
        {
          draw_row (deck, cells, glyphs, cells == reused && glyphs != NULL ? fast : NULL,
                    widths, flow_x (flow), flow->y, h, FALSE, r % 2 == 1);
          flow->y += h;
        }
    }
  _nf_deck_glyphs_free (glyphs);
}

/* What a bar is called: its row's label, and its column's name when the
 * chart holds figures of several columns. */
static char *
bar_label (Flow          *flow,
           NfMetricTable *table,
           NfChartGroup  *group,
           guint          index,
           gboolean       by_column)
{
  NfChartBar *bar = &g_array_index (group->bars, NfChartBar, index);
  int labels_from = label_column (table);
  g_autofree char *row = labels_from >= 0
    ? g_strdup (_nf_deck_cell_text (flow->deck, nf_metric_table_get_cell (table, bar->row, (guint) labels_from)))
    /* TRANSLATORS: a chart's bar for a table row without a label. */
    : g_strdup_printf (_("Row %u"), bar->row + 1);

  if (by_column)
    {
      g_autofree char *column = column_heading (flow->deck, nf_metric_table_get_column (table, bar->column));

      return g_strdup_printf ("%s — %s", row, column);
    }
  return g_steal_pointer (&row);
}

/* What names a chart before any other of its table is looked at: the
 * kind and unit of figures from several columns ("Amounts in USD"), else
 * its column's heading, or the table's title where the heading says
 * nothing ("Value"). */
static char *
base_caption (NfDeck        *deck,
              NfMetricTable *table,
              NfChartGroup  *group,
              gboolean      *out_by_column)
{
  const NfColumn *column = nf_metric_table_get_column (table, g_array_index (group->bars, NfChartBar, 0).column);
  NfText *title = nf_metric_table_get_title (table);
  gboolean by_column = FALSE;

  for (guint i = 1; i < group->bars->len; i++)
    by_column |= g_array_index (group->bars, NfChartBar, i).column !=
                 g_array_index (group->bars, NfChartBar, 0).column;
  if (out_by_column != NULL)
    *out_by_column = by_column;
  if (by_column)
    return nf_chart_group_title (group->kind, group->unit);
  if (column->name != NULL && !nf_chart_name_is_generic (nf_text_get (column->name)))
    return column_heading (deck, column);
  return g_strdup (title != NULL ? nf_text_for_language (title, deck->lang) : "");
}

/* A chart's caption, whether its bars are of several columns, and how
 * wide its values are set (at most three tenths of a column). Two charts
 * of one table that would have one caption are told apart by what their
 * figures are ("Amounts in USD"), never by a bare "Money". */
static char *
chart_caption (Flow          *flow,
               NfMetricTable *table,
               GPtrArray     *groups,
               guint          index,
               gboolean      *out_by_column,
               double        *out_value_w)
{
  NfDeck *deck = flow->deck;
  NfChartGroup *group = g_ptr_array_index (groups, index);
  gboolean by_column = FALSE, shared = FALSE;
  char *caption = base_caption (deck, table, group, &by_column);
  double value_w = 0;

  for (guint g = 0; g < groups->len && !shared; g++)
    {
      NfChartGroup *other = g_ptr_array_index (groups, g);
      g_autofree char *theirs = NULL;

      if (g == index || other->bars->len > MAX_CHART_BARS)
        continue;
      theirs = base_caption (deck, table, other, NULL);
      shared = g_str_equal (theirs, caption);
    }
  if (shared && !by_column)
    {
      g_autofree char *one = caption;
      g_autofree char *what = nf_chart_group_title (group->kind, group->unit);

      caption = g_strdup_printf ("%s — %s", one, what);
    }

  for (guint i = 0; i < group->bars->len; i++)
    {
      NfChartBar *bar = &g_array_index (group->bars, NfChartBar, i);
      g_autoptr(PangoLayout) v = _nf_deck_text (deck, _nf_deck_cell_text (deck, nf_metric_table_get_cell (table, bar->row, bar->column)),
                                                CHART_SIZE, PANGO_WEIGHT_NORMAL, -1);

      value_w = MAX (value_w, layout_width (v));
    }
  *out_value_w = MIN (value_w, flow->column_width * 0.3);
  *out_by_column = by_column;
  return caption;
}

/* The figures of a table that no chart holds though others do (a count
 * of rides beside counts of users), named as their bars would be; NULL
 * when every figure is charted or none is. Figures in a series too long
 * to chart are said apart. */
static char *
uncharted_figures (Flow          *flow,
                   NfMetricTable *table,
                   GPtrArray     *groups)
{
  guint n_rows = nf_metric_table_get_n_rows (table);
  guint n_columns = nf_metric_table_get_n_columns (table);
  int labels_from = label_column (table);
  g_autofree gboolean *charted = g_new0 (gboolean, MAX (n_rows * n_columns, 1));
  g_autoptr(GArray) left = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) names = g_string_new (NULL);
  gboolean any_chart = FALSE;
  int first_column = -1;
  gboolean columns_differ = FALSE;

  for (guint g = 0; g < groups->len; g++)
    {
      NfChartGroup *group = g_ptr_array_index (groups, g);

      any_chart |= group->bars->len <= MAX_CHART_BARS;
      for (guint i = 0; i < group->bars->len; i++)
        {
          NfChartBar *bar = &g_array_index (group->bars, NfChartBar, i);

          charted[bar->row * n_columns + bar->column] = TRUE;
        }
    }
  if (!any_chart)
    return NULL;
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const NfCell *cell = nf_metric_table_get_cell (table, r, c);
        NfColumnType type = nf_cell_get_column (cell, nf_metric_table_get_column (table, c)).type;

        if (!cell->has_value || type == NF_COLUMN_TEXT || type == NF_COLUMN_YEAR ||
            (int) c == labels_from || charted[r * n_columns + c])
          continue;
        if (first_column < 0)
          first_column = (int) c;
        columns_differ |= (int) c != first_column;
        g_array_append_val (left, (guint) { r * n_columns + c });
      }
  if (left->len == 0)
    return NULL;
  for (guint i = 0; i < left->len; i++)
    {
      guint at = g_array_index (left, guint, i);
      guint r = at / n_columns, c = at % n_columns;
      g_autofree char *row = labels_from >= 0
        ? g_strdup (_nf_deck_cell_text (flow->deck, nf_metric_table_get_cell (table, r, (guint) labels_from)))
        : g_strdup_printf (_("Row %u"), r + 1);

      if (i > 0)
        /* TRANSLATORS: between the names of figures in a list. */
        g_string_append (names, _(", "));
      g_string_append (names, row);
      if (columns_differ || labels_from < 0)
        {
          g_autofree char *column = column_heading (flow->deck, nf_metric_table_get_column (table, c));

          g_string_append_printf (names, " — %s", column);
        }
    }
  return g_strdup_printf (nf_ngettext ("Not charted: %s. No other figure here measures the same thing, so its bar would compare with nothing; the table gives it.",
                                       "Not charted: %s. No other figure here measures the same thing as any of these, so their bars would compare with nothing; the table gives them.",
                                       left->len),
                          names->str);
}

static void
flow_chart (Flow          *flow,
            NfMetricTable *table,
            GPtrArray     *groups,
            guint          index)
{
  NfDeck *deck = flow->deck;
  const NfGridStyle *style = deck->style;
  NfChartGroup *group = g_ptr_array_index (groups, index);
  gboolean by_column = FALSE;
  g_autofree char *caption = NULL;
  double lo = 0, hi = 0, label_w = flow->column_width * 0.38, value_w = 0;

  caption = chart_caption (flow, table, groups, index, &by_column, &value_w);
  for (guint i = 0; i < group->bars->len; i++)
    {
      NfChartBar *bar = &g_array_index (group->bars, NfChartBar, i);

      lo = MIN (lo, bar->value);
      hi = MAX (hi, bar->value);
    }
  {
    /* Kept whole when it fits a column, as a table is. */
    double whole = 40;

    for (guint i = 0; i < group->bars->len; i++)
      whole += 26;
    if (whole <= flow->bottom - flow->top && flow->started)
      flow_room (flow, whole + (flow->y > flow->top ? ITEM_GAP : 0), FALSE);
  }

  for (guint i = 0; i < group->bars->len; i++)
    {
      NfChartBar *bar = &g_array_index (group->bars, NfChartBar, i);
      g_autofree char *name = bar_label (flow, table, group, i, by_column);
      g_autoptr(PangoLayout) label = _nf_deck_text (deck, name, CHART_SIZE, PANGO_WEIGHT_NORMAL, label_w);
      g_autoptr(PangoLayout) value = _nf_deck_text (deck, _nf_deck_cell_text (deck, nf_metric_table_get_cell (table, bar->row, bar->column)),
                                                    CHART_SIZE, PANGO_WEIGHT_NORMAL, value_w + 1);
      double h = MAX (layout_height (label), layout_height (value)) + 8;
      double plot_x, plot_w, zero_x, x1, y;
      cairo_t *cr;

      if (i == 0 || flow->y + h > flow->bottom)
        {
          g_autoptr(PangoLayout) head = title_layout (flow, caption, i > 0, CHART_SIZE);

          if (i == 0)
            flow_room (flow, layout_height (head) + 6 + h, TRUE);
          else
            flow_next_column (flow);
          if (flow->y == flow->top)
            {
              /* Away from its table: the chart says which it is. */
              NfText *title = nf_metric_table_get_title (table);
              g_autofree char *named = g_strdup_printf ("%s — %s",
                                                        title != NULL ? nf_text_for_language (title, deck->lang) : "",
                                                        caption);

              g_clear_object (&head);
              head = title_layout (flow, named, i > 0, CHART_SIZE);
            }
          flow_show (flow, head, flow_x (flow), &style->title_text);
          flow->y += 6;
        }
      /* Only now: the bar may have gone on to another column. */
      plot_x = flow_x (flow) + label_w + 10;
      plot_w = flow->column_width - label_w - 10 - value_w - 8;
      zero_x = hi > lo ? plot_x + plot_w * (-lo) / (hi - lo) : plot_x;
      x1 = hi > lo ? plot_x + plot_w * (bar->value - lo) / (hi - lo) : plot_x;
      cr = deck->cr;
      y = flow->y;
      cairo_save (cr);
      _nf_render_set_colour (cr, &style->title_text);
      cairo_move_to (cr, flow_x (flow), y + 4);
      pango_cairo_show_layout (cr, label);
      _nf_render_set_colour (cr, &style->accent);
      cairo_rectangle (cr, MIN (zero_x, x1), y + h / 2 - 7, MAX (fabs (x1 - zero_x), 1), 14);
      cairo_fill (cr);
      _nf_render_set_colour (cr, &style->block_border);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, round (zero_x) + 0.5, y);
      cairo_line_to (cr, round (zero_x) + 0.5, y + h);
      cairo_stroke (cr);
      _nf_render_set_colour (cr, &style->muted_text);
      cairo_move_to (cr, MAX (zero_x, x1) + 6, y + h / 2 - layout_height (value) / 2);
      pango_cairo_show_layout (cr, value);
      cairo_restore (cr);
      flow->y += h;
    }
}

/* A line of muted text in the flow, under what it is about. */
static void
flow_remark (Flow       *flow,
             const char *text)
{
  g_autoptr(PangoLayout) l = _nf_deck_text (flow->deck, text, CHART_SIZE, PANGO_WEIGHT_NORMAL, flow->column_width);

  flow->y += 6;
  flow_room (flow, layout_height (l), FALSE);
  flow_show (flow, l, flow_x (flow), &flow->deck->style->muted_text);
}

/* Columns of the metric slides, and their width. */
static guint
flow_columns (const NfDeck *deck,
              double       *column_width)
{
  guint n_columns = deck->width >= 1000 ? 2 : 1;

  *column_width = (deck->width - 2 * NF_DECK_MARGIN - (n_columns - 1) * COLUMN_GAP) / n_columns;
  return n_columns;
}

/* Worked out on a worker thread while the drawing thread draws an
 * earlier canvas: measuring a long table's cells and reading its figures
 * for charts is much of its slides' cost. */
struct _NfDeckMetricsPlan {
  NfCanvas    *canvas;   /* which it is for; not referenced */
  guint        n_tables;
  double     **widths;   /* per table, taken by the slides */
  GPtrArray  **groups;   /* per table, NfChartGroup */
  NfDeckStash *stash;    /* the slides' layouts, made ahead */
};

/* Where a canvas's metric slides put their columns. */
static void
flow_init (Flow   *flow,
           NfDeck *deck)
{
  flow->deck = deck;
  flow->n_columns = flow_columns (deck, &flow->column_width);
  flow->top = NF_DECK_HEADER_HEIGHT + 22;
  flow->bottom = deck->height - NF_DECK_MARGIN * 0.6;
}

/* What flow_table() and flow_chart() lay out of `table` whatever the
 * flow (its title, header row and rows when it is kept whole, a long
 * one's first row; its charts' captions, values and labels), laid out
 * here, on a worker, and kept in deck->filling for the drawing thread.
 * A layout only the flow decides on (a title "continued") is made when
 * drawn. */
static void
prepare_table (Flow          *flow,
               NfMetricTable *table,
               const double  *widths,
               GPtrArray     *groups)
{
  NfDeck *deck = flow->deck;
  guint n_rows = nf_metric_table_get_n_rows (table);
  NfText *title_text = nf_metric_table_get_title (table);
  const char *title = title_text != NULL ? nf_text_for_language (title_text, deck->lang) : "";
  double header_h, min_row, h;

  g_ptr_array_unref (row_layouts (deck, table, -1, widths, &header_h));
  {
    g_autoptr(PangoLayout) one = _nf_deck_text (deck, "0", TEXT_SIZE, PANGO_WEIGHT_NORMAL, -1);

    min_row = layout_height (one) + 2 * CELL_PAD_Y;
  }
  g_object_unref (title_layout (flow, title, FALSE, TITLE_SIZE));
  if (n_rows * min_row + header_h <= flow->bottom - flow->top)
    {
      /* Measured to see if it fits a column, then drawn. */
      g_object_unref (title_layout (flow, title, FALSE, TITLE_SIZE));
      for (guint r = 0; r < n_rows; r++)
        g_ptr_array_unref (row_layouts (deck, table, (int) r, widths, &h));
    }
  else if (n_rows > 0)
    g_ptr_array_unref (row_layouts (deck, table, 0, widths, &h));

  for (guint g = 0; g < groups->len; g++)
    {
      NfChartGroup *group = g_ptr_array_index (groups, g);
      double label_w = flow->column_width * 0.38, value_w = 0;
      gboolean by_column = FALSE;
      g_autofree char *caption = NULL;

      if (group->bars->len > MAX_CHART_BARS)
        continue;
      caption = chart_caption (flow, table, groups, g, &by_column, &value_w);
      g_object_unref (title_layout (flow, caption, FALSE, CHART_SIZE));
      for (guint i = 0; i < group->bars->len; i++)
        {
          NfChartBar *bar = &g_array_index (group->bars, NfChartBar, i);
          g_autofree char *name = bar_label (flow, table, group, i, by_column);

          g_object_unref (_nf_deck_text (deck, name, CHART_SIZE, PANGO_WEIGHT_NORMAL, label_w));
          g_object_unref (_nf_deck_text (deck, _nf_deck_cell_text (deck, nf_metric_table_get_cell (table, bar->row, bar->column)),
                                         CHART_SIZE, PANGO_WEIGHT_NORMAL, value_w + 1));
        }
    }
}

NfDeckMetricsPlan *
_nf_deck_metrics_plan_new (NfDeck   *deck,
                           NfCanvas *canvas)
{
  GListModel *tables = nf_canvas_get_tables (canvas);
  NfDeckMetricsPlan *plan = g_new0 (NfDeckMetricsPlan, 1);
  Flow flow = { 0 };

  flow_init (&flow, deck);
  plan->canvas = canvas;
  plan->n_tables = g_list_model_get_n_items (tables);
  plan->widths = g_new0 (double *, MAX (plan->n_tables, 1));
  plan->groups = g_new0 (GPtrArray *, MAX (plan->n_tables, 1));
  plan->stash = _nf_deck_stash_new ();
  for (guint t = 0; t < plan->n_tables; t++)
    {
      g_autoptr(NfMetricTable) table = g_list_model_get_item (tables, t);

      plan->widths[t] = column_widths (deck, table, flow.column_width);
      plan->groups[t] = nf_chart_groups_new (table);
      deck->filling = plan->stash;
      prepare_table (&flow, table, plan->widths[t], plan->groups[t]);
      deck->filling = NULL;
    }
  return plan;
}

void
_nf_deck_metrics_plan_free (NfDeckMetricsPlan *plan)
{
  if (plan == NULL)
    return;
  for (guint t = 0; t < plan->n_tables; t++)
    {
      g_free (plan->widths[t]);
      g_clear_pointer (&plan->groups[t], g_ptr_array_unref);
    }
  g_free (plan->widths);
  g_free (plan->groups);
  _nf_deck_stash_free (plan->stash);
  g_free (plan);
}

void
_nf_deck_metric_slides (NfDeck     *deck,
                        NfCanvas   *canvas,
                        GListModel *tables,
                        int         outline_parent,
                        double     *out_open)
{
  NfDeckMetricsPlan *plan = deck->metrics;
  Flow flow = { 0 };

  flow_init (&flow, deck);
  flow.canvas = canvas;
  flow.outline_parent = outline_parent;
  /* A plan for another canvas or other tables (none should be) is not used. */
  if (plan != NULL && (plan->canvas != canvas || plan->n_tables != g_list_model_get_n_items (tables)))
    plan = NULL;
  deck->stash = plan != NULL ? plan->stash : NULL;

  for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr(NfMetricTable) table = g_list_model_get_item (tables, t);
      g_autoptr(GPtrArray) groups = NULL;
      g_autofree double *widths = NULL;
      guint n_uncharted = 0;

      if (g_cancellable_is_cancelled (deck->cancellable))
        break;
      widths = plan != NULL ? g_steal_pointer (&plan->widths[t]) : column_widths (deck, table, flow.column_width);
      flow_table (&flow, table, widths);
      groups = plan != NULL ? g_steal_pointer (&plan->groups[t]) : nf_chart_groups_new (table);
      for (guint g = 0; g < groups->len; g++)
        {
          NfChartGroup *group = g_ptr_array_index (groups, g);

          if (group->bars->len <= MAX_CHART_BARS)
            flow_chart (&flow, table, groups, g);
          else
            n_uncharted += group->bars->len;
        }
      {
        g_autofree char *left = uncharted_figures (&flow, table, groups);

        if (left != NULL)
          flow_remark (&flow, left);
      }
      if (n_uncharted > 0)
        {
          g_autofree char *why =
            /* TRANSLATORS: under a long metric table; %u is always more than 40. */
            g_strdup_printf (_("No chart: %u figures are more than a chart can show readably; the table above has each of them."),
                             n_uncharted);

          flow_remark (&flow, why);
        }
    }
  deck->stash = NULL;
  *out_open = -1;
  if (flow.started)
    *out_open = MAX (flow.deepest, flow.y);
}
