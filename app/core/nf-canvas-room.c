/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas"

#include "config.h"

#include "nf-i18n-private.h"

#include "nf-canvas.h"
#include "nf-canvas-xml.h"
#include "nf-metric-table.h"
#include "nf-text.h"

/* The loader refuses a canvas past its table limits, so an edit that
 * would cross one is refused before it is made: otherwise the window
 * would hold work that no save could write back. Cells are counted as
 * the file holds them: every cell of every row, and each translation
 * of a cell as one more. */
static guint64
count_cells (NfCanvas *canvas)
{
  GListModel *tables = nf_canvas_get_tables (canvas);
  guint64 n = 0;

  for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr(NfMetricTable) table = g_list_model_get_item (tables, t);
      guint rows = nf_metric_table_get_n_rows (table);
      guint cols = nf_metric_table_get_n_columns (table);

      n += (guint64) rows * cols;
      for (guint r = 0; r < rows; r++)
        for (guint c = 0; c < cols; c++)
          {
            const NfCell *cell = nf_metric_table_get_cell (table, r, c);

            if (cell != NULL && cell->translations != NULL)
              n += nf_text_get_n_translations (cell->translations);
          }
    }
  return n;
}

gboolean
nf_canvas_check_table_room (NfCanvas      *self,
                            NfMetricTable *table,
                            guint          add_rows,
                            guint          add_columns,
                            GError       **error)
{
  guint rows, cols;
  guint64 cells;

  g_return_val_if_fail (NF_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (NF_IS_METRIC_TABLE (table), FALSE);

  rows = nf_metric_table_get_n_rows (table);
  cols = nf_metric_table_get_n_columns (table);
  if ((guint64) rows + add_rows > NF_CANVAS_MAX_ROWS)
    {
      g_set_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_TOO_LARGE,
                   _("the table would have %u rows; a table may have at most %d"),
                   (guint) MIN ((guint64) rows + add_rows, G_MAXUINT), NF_CANVAS_MAX_ROWS);
      return FALSE;
    }
  if ((guint64) cols + add_columns > NF_CANVAS_MAX_COLUMNS)
    {
      g_set_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_TOO_LARGE,
                   _("the table would have %u columns; a table may have at most %d"),
                   (guint) MIN ((guint64) cols + add_columns, G_MAXUINT), NF_CANVAS_MAX_COLUMNS);
      return FALSE;
    }
  /* New rows bring a cell for every column, new columns one for every
   * row (and for the new rows). */
  cells = count_cells (self) + (guint64) add_rows * cols +
          (guint64) add_columns * ((guint64) rows + add_rows);
  if (cells > NF_CANVAS_MAX_CELLS)
    {
      /* The count as text: a 64-bit format macro in the message would
       * cut the message short for the translators' tools. */
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, cells);

      g_set_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_TOO_LARGE,
                   _("the canvas’s tables would have %s cells; a canvas may have at most %d"),
                   count, NF_CANVAS_MAX_CELLS);
      return FALSE;
    }
  return TRUE;
}
