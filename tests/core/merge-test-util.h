/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the merge tests share: a canvas copied through its own bytes (as a
 * branch would hold it), and those bytes as a string to compare. */

#include <ninefold.h>

#include "nf-canvas-private.h"
#include "nf-canvas-xml-private.h"
#include "nf-edit-private.h"
#include "nf-metric-table-private.h"

static inline NfCanvas *
copy_canvas (NfCanvas *canvas)
{
  g_autoptr(GBytes) bytes = _nf_canvas_serialize (canvas, NULL);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  NfCanvas *copy = nf_canvas_load_from_data (data, size, "copy", &error);

  g_assert_no_error (error);
  return copy;
}

static inline char *
bytes_of (NfCanvas *canvas)
{
  g_autoptr(GBytes) bytes = _nf_canvas_serialize (canvas, NULL);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A canvas with one table t1 of `rows` × `columns` text cells "rR cC". */
static inline NfCanvas *
table_canvas (guint rows,
              guint columns)
{
  NfCanvas *canvas = nf_canvas_new ();
  g_autoptr(NfText) title = nf_text_new ("Figures");
  g_autoptr(NfMetricTable) table = nf_metric_table_new ("t1", title);
  g_autoptr(GError) error = NULL;
  NfMetricTable *t;

  nf_canvas_set_company (canvas, "C");
  nf_canvas_set_title (canvas, "T");
  nf_canvas_insert_table (canvas, 0, table, &error);
  g_assert_no_error (error);
  t = nf_canvas_find_table (canvas, "t1", NULL);
  for (guint c = 0; c < columns; c++)
    {
      g_autofree char *name = g_strdup_printf ("c%u", c);
      g_autoptr(NfText) n = nf_text_new (name);

      nf_canvas_insert_table_column (canvas, t, c, n, NF_COLUMN_TEXT, NULL);
    }
  for (guint r = 0; r < rows; r++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      for (guint c = 0; c < columns; c++)
        g_ptr_array_add (cells, g_strdup_printf ("r%u c%u", r, c));
      g_ptr_array_add (cells, NULL);
      nf_canvas_insert_table_row (canvas, t, r, (const char * const *) cells->pdata);
    }
  return canvas;
}

static inline const char *
cell (NfCanvas *canvas,
      guint     row,
      guint     column)
{
  NfMetricTable *t = nf_canvas_find_table (canvas, "t1", NULL);

  return nf_metric_table_get_cell (t, row, column)->text;
}

static inline void
set_cell (NfCanvas   *canvas,
          guint       row,
          guint       column,
          const char *text)
{
  nf_canvas_set_table_cell (canvas, nf_canvas_find_table (canvas, "t1", NULL), row, column, text);
}

/* The cell at (row, column) of t1 set whole: `text`, and `zh` as its
 * Chinese words when not NULL; one step, as any edit. */
static inline void
set_cell_translated (NfCanvas   *canvas,
                     guint       row,
                     guint       column,
                     const char *text,
                     const char *zh)
{
  NfMetricTable *t = nf_canvas_find_table (canvas, "t1", NULL);
  g_autoptr(NfText) words = nf_text_new (text);
  NfCell cell = { 0 };

  cell.text = (char *) text;
  cell.translations = zh != NULL ? nf_text_with_translation (words, "zh", zh) : NULL;
  _nf_canvas_do (canvas, _nf_edit_table_cell (t, row, column, &cell));
  g_clear_pointer (&cell.translations, nf_text_unref);
}

/* Sets `lang` of t1's title (what 0), column `index`'s name (1) or row
 * `index`'s label (2) to `value`, through the canvas's edits. */
static inline void
set_table_words (NfCanvas   *canvas,
                 guint       what,
                 guint       index,
                 const char *lang,
                 const char *value)
{
  NfMetricTable *t = nf_canvas_find_table (canvas, "t1", NULL);

  if (what == 0)
    {
      g_autoptr(NfText) title = nf_text_with_translation (nf_metric_table_get_title (t), lang, value);

      nf_canvas_set_table_title (canvas, t, title);
    }
  else if (what == 1)
    {
      const NfColumn *col = nf_metric_table_get_column (t, index);
      g_autoptr(NfText) name = nf_text_with_translation (col->name, lang, value);

      nf_canvas_set_table_column (canvas, t, index, name, col->type, col->unit);
    }
  else
    {
      const NfCell *was = nf_metric_table_get_cell (t, index, 0);
      NfCell cell = { 0 };
      g_autoptr(NfText) words = was->translations != NULL ? nf_text_ref (was->translations)
                                                          : nf_text_new (was->text);

      _nf_cell_copy (was, &cell);
      g_clear_pointer (&cell.translations, nf_text_unref);
      cell.translations = nf_text_with_translation (words, lang, value);
      _nf_canvas_do (canvas, _nf_edit_table_cell (t, index, 0, &cell));
      _nf_cell_clear (&cell);
    }
}
