/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "nf-chart.h"
#include "nf-deck-private.h"
#include "nf-render-private.h"

/* A metric table as a tidy table (header row, numbers right-aligned, each
 * cell's text exactly as written) beside a bar chart of every numeric
 * column. Cells wrap rather than being cut, and rows that do not fit go
 * on a further slide, so every cell of the table is in the deck. */

#define CELL_PAD_X 8.0
#define CELL_PAD_Y 5.0
#define TEXT_SIZE  10.0
#define CHART_GAP  36.0

static gboolean
is_numeric (const NfColumn *column)
{
  return column->type == NF_COLUMN_NUMBER || column->type == NF_COLUMN_MONEY ||
         column->type == NF_COLUMN_PERCENT || column->type == NF_COLUMN_COUNT;
}

/* Bars compare; one value alone has nothing to compare with. */
static gboolean
has_values (NfMetricTable *table,
            guint          column)
{
  guint n = 0;

  for (guint r = 0; r < nf_metric_table_get_n_rows (table); r++)
    if (nf_metric_table_get_cell (table, r, column)->has_value)
      n++;
  return n >= 2;
}

static char *
column_heading (NfDeck         *deck,
                const NfColumn *column)
{
  const char *name = column->name != NULL ? nf_text_for_language (column->name, deck->lang) : "";

  if (column->unit != NULL && *column->unit != '\0' && strstr (name, column->unit) == NULL)
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

/* Column widths: each column's widest text, shrunk in proportion when the
 * table is wider than the room (the cells then wrap). */
static double *
column_widths (NfDeck        *deck,
               NfMetricTable *table,
               double         room)
{
  guint n = nf_metric_table_get_n_columns (table);
  double *widths = g_new0 (double, MAX (n, 1));
  double total = 0;

  for (guint c = 0; c < n; c++)
    {
      g_autofree char *head = column_heading (deck, nf_metric_table_get_column (table, c));
      g_autoptr(PangoLayout) l = _nf_deck_text (deck, head, TEXT_SIZE, PANGO_WEIGHT_BOLD, -1);

      widths[c] = layout_width (l);
      for (guint r = 0; r < nf_metric_table_get_n_rows (table); r++)
        {
          g_autoptr(PangoLayout) cell =
            _nf_deck_text (deck, _nf_deck_cell_text (deck, nf_metric_table_get_cell (table, r, c)),
                           TEXT_SIZE, PANGO_WEIGHT_NORMAL, -1);

          widths[c] = MAX (widths[c], layout_width (cell));
        }
      widths[c] += 2 * CELL_PAD_X + 1;
      total += widths[c];
    }
  if (total > room)
    for (guint c = 0; c < n; c++)
      widths[c] = MAX (widths[c] * room / total, 2 * CELL_PAD_X + 24);
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
      PangoLayout *l = _nf_deck_text (deck, text, TEXT_SIZE,
                                      row < 0 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                      widths[c] - 2 * CELL_PAD_X);

      if (column->type != NF_COLUMN_TEXT)
        pango_layout_set_alignment (l, PANGO_ALIGN_RIGHT);
      *out_height = MAX (*out_height, layout_height (l) + 2 * CELL_PAD_Y);
      g_ptr_array_add (cells, l);
    }
  return cells;
}

static void
draw_row (NfDeck       *deck,
          GPtrArray    *cells,
          const double *widths,
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
      draw_cell (deck, g_ptr_array_index (cells, c), x, y, &style->title_text);
      x += widths[c];
    }
  _nf_render_set_colour (deck->cr, &style->block_border);
  cairo_set_line_width (deck->cr, header ? 1.5 : 0.75);
  cairo_move_to (deck->cr, x - total, y + height);
  cairo_line_to (deck->cr, x, y + height);
  cairo_stroke (deck->cr);
}

static void
draw_charts (NfDeck        *deck,
             NfMetricTable *table,
             guint          first,
             guint          last,
             const NfRect  *area)
{
  guint n = nf_metric_table_get_n_columns (table);
  int labels_from = label_column (table);
  g_autoptr(GPtrArray) numeric = g_ptr_array_new ();
  guint n_rows = last - first;
  double each;

  for (guint c = 0; c < n; c++)
    if (is_numeric (nf_metric_table_get_column (table, c)) && has_values (table, c))
      g_ptr_array_add (numeric, GUINT_TO_POINTER (c));
  if (numeric->len == 0 || n_rows == 0)
    return;

  each = area->height / numeric->len;
  for (guint k = 0; k < numeric->len; k++)
    {
      guint c = GPOINTER_TO_UINT (g_ptr_array_index (numeric, k));
      g_autofree char *head = column_heading (deck, nf_metric_table_get_column (table, c));
      g_autoptr(PangoLayout) caption = _nf_deck_text (deck, head, TEXT_SIZE, PANGO_WEIGHT_BOLD,
                                                      area->width);
      g_autofree const char **labels = g_new0 (const char *, n_rows);
      g_autofree const char **texts = g_new0 (const char *, n_rows);
      g_autofree double *values = g_new0 (double, n_rows);
      g_autofree char **numbers = g_new0 (char *, n_rows + 1);
      double top = area->y + k * each;
      double caption_h = layout_height (caption) + 6;
      NfRect bars;

      for (guint r = 0; r < n_rows; r++)
        {
          const NfCell *cell = nf_metric_table_get_cell (table, first + r, c);

          numbers[r] = g_strdup_printf (_("Row %u"), first + r + 1);
          labels[r] = labels_from >= 0
            ? _nf_deck_cell_text (deck, nf_metric_table_get_cell (table, first + r, (guint) labels_from))
            : numbers[r];
          texts[r] = _nf_deck_cell_text (deck, cell);
          values[r] = cell->has_value ? cell->value : NAN;
        }

      _nf_render_set_colour (deck->cr, &deck->style->title_text);
      cairo_move_to (deck->cr, area->x, top);
      pango_cairo_show_layout (deck->cr, caption);
      bars = (NfRect) { area->x, top + caption_h, area->width,
                        MIN (each - caption_h - 12, 34.0 * n_rows) };
      nf_chart_render_bars (deck->cr, &bars, labels, values, texts, n_rows, deck->style);
      g_strfreev (g_steal_pointer (&numbers));
    }
}

void
_nf_deck_table_slides (NfDeck        *deck,
                       NfCanvas      *canvas,
                       NfMetricTable *table,
                       int            outline_parent)
{
  guint n_rows = nf_metric_table_get_n_rows (table);
  NfText *title_text = nf_metric_table_get_title (table);
  const char *title = title_text != NULL ? nf_text_for_language (title_text, deck->lang) : "";
  const char *company = _nf_deck_company (canvas, deck->lang);
  gboolean charted = FALSE;
  g_autofree double *widths = NULL;
  double table_room, top, bottom;
  guint row = 0;
  gboolean first_page = TRUE;

  for (guint c = 0; c < nf_metric_table_get_n_columns (table); c++)
    charted |= is_numeric (nf_metric_table_get_column (table, c)) && has_values (table, c);

  table_room = deck->width - 2 * NF_DECK_MARGIN;
  if (charted)
    table_room = table_room * 0.55 - CHART_GAP / 2;
  widths = column_widths (deck, table, table_room);
  top = NF_DECK_HEADER_HEIGHT + 28;
  bottom = deck->height - NF_DECK_MARGIN;

  do
    {
      g_autoptr(GPtrArray) header = NULL;
      double y = top, height, table_width = 0;
      guint first = row;

      _nf_deck_begin_page (deck);
      if (first_page)
        _nf_deck_outline (deck, outline_parent, title);
      if (first_page)
        _nf_deck_draw_header (deck, company, title);
      else
        {
          /* TRANSLATORS: a table slide's header when its rows run onto
           * another slide; %s is the table's title. */
          g_autofree char *more = g_strdup_printf (_("%s (continued)"), title);

          _nf_deck_draw_header (deck, company, more);
        }
      first_page = FALSE;

      header = row_layouts (deck, table, -1, widths, &height);
      draw_row (deck, header, widths, NF_DECK_MARGIN, y, height, TRUE, FALSE);
      y += height;

      /* At least one row per slide, or a huge cell would loop forever. */
      while (row < n_rows)
        {
          g_autoptr(GPtrArray) cells = row_layouts (deck, table, (int) row, widths, &height);

          if (y + height > bottom && row > first)
            break;
          draw_row (deck, cells, widths, NF_DECK_MARGIN, y, height, FALSE, (row - first) % 2 == 1);
          y += height;
          row++;
        }

      for (guint c = 0; c < nf_metric_table_get_n_columns (table); c++)
        table_width += widths[c];
      if (charted)
        {
          double x = NF_DECK_MARGIN + table_width + CHART_GAP;
          NfRect area = { x, top, deck->width - NF_DECK_MARGIN - x, bottom - top };

          draw_charts (deck, table, first, row, &area);
        }
      _nf_deck_end_slide (deck);
    }
  while (row < n_rows && !g_cancellable_is_cancelled (deck->cancellable));
}
