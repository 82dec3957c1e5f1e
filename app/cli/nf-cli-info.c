/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-cli-private.h"

#define COLUMN_GAP 2

/* A canvas's text may hold line breaks and tabs; a table row may not. */
static char *
one_line (const char *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  g_strdelimit (copy, "\t\r\n", ' ');
  return g_strstrip (g_steal_pointer (&copy));
}

static void
append_field (GString    *out,
              guint       width,
              const char *label,
              const char *value)
{
  g_autofree char *line = one_line (value);

  _nf_cli_append_padded (out, label, width + COLUMN_GAP, FALSE);
  g_string_append_printf (out, "%s\n", line);
}

static void
append_sources (GString  *out,
                NfCanvas *canvas)
{
  GListModel *sources = nf_canvas_get_sources (canvas);
  guint n = g_list_model_get_n_items (sources);
  guint width = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NfSource) source = g_list_model_get_item (sources, i);

      width = MAX (width, _nf_cli_display_width (nf_source_get_id (source)));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NfSource) source = g_list_model_get_item (sources, i);
      g_autofree char *title = one_line (nf_source_get_title (source));
      const char *details[] = {
        nf_source_get_publisher (source),
        nf_source_get_date (source),
        nf_source_get_address (source),
      };
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint d = 0; d < G_N_ELEMENTS (details); d++)
        if (details[d] != NULL && *details[d] != '\0')
          {
            g_autofree char *detail = one_line (details[d]);

            if (line->len > 0)
              g_string_append (line, " · ");
            g_string_append (line, detail);
          }

      g_string_append (out, "  ");
      _nf_cli_append_padded (out, nf_source_get_id (source), width + COLUMN_GAP, FALSE);
      g_string_append_printf (out, "%s\n", title);
      if (line->len > 0)
        {
          _nf_cli_append_padded (out, "", 2 + width + COLUMN_GAP, FALSE);
          g_string_append_printf (out, "%s\n", line->str);
        }
    }
}

static void
append_blocks (GString  *out,
               NfCanvas *canvas)
{
  const char *heading = _("Block");
  const char *notes = _("Notes");
  const char *total = _("Total");
  guint width = MAX (_nf_cli_display_width (heading), _nf_cli_display_width (total));
  guint count_width = _nf_cli_display_width (notes);

  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    width = MAX (width, _nf_cli_display_width (nf_block_title (b)));

  _nf_cli_append_padded (out, heading, width + COLUMN_GAP, FALSE);
  g_string_append_printf (out, "%s\n", notes);

  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    {
      g_autofree char *count = g_strdup_printf ("%u", g_list_model_get_n_items (nf_canvas_get_notes (canvas, b)));

      _nf_cli_append_padded (out, nf_block_title (b), width + COLUMN_GAP, FALSE);
      _nf_cli_append_padded (out, count, count_width, TRUE);
      g_string_append_c (out, '\n');
    }

  {
    g_autofree char *count = g_strdup_printf ("%u", nf_canvas_get_n_notes (canvas));

    _nf_cli_append_padded (out, total, width + COLUMN_GAP, FALSE);
    _nf_cli_append_padded (out, count, count_width, TRUE);
    g_string_append_c (out, '\n');
  }
}

enum { COL_ID, COL_BLOCK, COL_ROWS, COL_COLUMNS, COL_TITLE, N_COLS };

/* Title last, so a long one does not push the short columns apart. */
static void
append_tables (GString  *out,
               NfCanvas *canvas)
{
  GListModel *tables = nf_canvas_get_tables (canvas);
  guint n = g_list_model_get_n_items (tables);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint widths[N_COLS] = { 0 };
  const gboolean right[N_COLS] = { FALSE, FALSE, TRUE, TRUE, FALSE };

  g_ptr_array_add (cells, g_strdup (_("ID")));
  g_ptr_array_add (cells, g_strdup (_("Block")));
  g_ptr_array_add (cells, g_strdup (_("Rows")));
  g_ptr_array_add (cells, g_strdup (_("Columns")));
  g_ptr_array_add (cells, g_strdup (_("Title")));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NfMetricTable) table = g_list_model_get_item (tables, i);
      NfBlock block = nf_metric_table_get_block (table);

      g_ptr_array_add (cells, g_strdup (nf_metric_table_get_id (table)));
      /* TRANSLATORS: a metric table that belongs to no block. */
      g_ptr_array_add (cells, g_strdup (block == NF_BLOCK_NONE ? _("—") : nf_block_title (block)));
      g_ptr_array_add (cells, g_strdup_printf ("%u", nf_metric_table_get_n_rows (table)));
      g_ptr_array_add (cells, g_strdup_printf ("%u", nf_metric_table_get_n_columns (table)));
      g_ptr_array_add (cells, one_line (nf_text_get (nf_metric_table_get_title (table))));
    }

  for (guint i = 0; i < cells->len; i++)
    widths[i % N_COLS] = MAX (widths[i % N_COLS], _nf_cli_display_width (g_ptr_array_index (cells, i)));

  for (guint i = 0; i < cells->len; i++)
    {
      guint col = i % N_COLS;

      if (col == 0)
        g_string_append (out, "  ");
      if (col == N_COLS - 1)
        g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (cells, i));
      else
        {
          _nf_cli_append_padded (out, g_ptr_array_index (cells, i), widths[col], right[col]);
          _nf_cli_append_padded (out, "", COLUMN_GAP, FALSE);
        }
    }
}

static void
append_rates (GString  *out,
              NfCanvas *canvas)
{
  GListModel *rates = nf_canvas_get_rates (canvas);

  for (guint i = 0; i < g_list_model_get_n_items (rates); i++)
    {
      g_autoptr(NfRate) rate = g_list_model_get_item (rates, i);
      g_autofree char *text = nf_rate_to_string (rate);

      g_string_append_printf (out, "  %s", text);
      if (nf_rate_get_date (rate) != NULL)
        g_string_append_printf (out, " (%s)", nf_rate_get_date (rate));
      g_string_append_c (out, '\n');
    }
}

static void
append_info (GString  *out,
             NfCanvas *canvas,
             gboolean  imported)
{
  const char *labels[] = {
    _("Company"), _("Title"), _("Label"), _("Language"), _("Format"),
    _("Sources"), _("Metric tables"), _("Snapshots"), _("Exchange rates"),
  };
  guint width = 0;
  guint n_sources = g_list_model_get_n_items (nf_canvas_get_sources (canvas));
  guint n_tables = g_list_model_get_n_items (nf_canvas_get_tables (canvas));
  guint n_snapshots = g_list_model_get_n_items (nf_canvas_get_snapshots (canvas));
  guint n_rates = g_list_model_get_n_items (nf_canvas_get_rates (canvas));
  const char *label = nf_canvas_get_label (canvas);
  g_autofree char *format = NULL;
  g_autofree char *count = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    width = MAX (width, _nf_cli_display_width (labels[i]));

  if (imported)
    format = g_strdup (_("write-up, imported"));
  else
    /* TRANSLATORS: %s is the file format's version, such as "1.0". */
    format = g_strdup_printf (_("Ninefold canvas, version %s"), nf_canvas_get_version (canvas));

  append_field (out, width, _("Company"), nf_canvas_get_company (canvas));
  append_field (out, width, _("Title"), nf_canvas_get_title (canvas));
  if (label != NULL && *label != '\0')
    append_field (out, width, _("Label"), label);
  append_field (out, width, _("Language"), nf_canvas_get_language (canvas));
  append_field (out, width, _("Format"), format);
  if (n_snapshots > 0)
    {
      g_autofree char *snapshots = g_strdup_printf ("%u", n_snapshots);

      append_field (out, width, _("Snapshots"), snapshots);
    }

  count = g_strdup_printf ("%u", n_sources);
  g_string_append_c (out, '\n');
  append_field (out, width, _("Sources"), count);
  append_sources (out, canvas);

  g_string_append_c (out, '\n');
  append_blocks (out, canvas);

  g_free (count);
  count = g_strdup_printf ("%u", n_tables);
  g_string_append_c (out, '\n');
  append_field (out, width, _("Metric tables"), count);
  if (n_tables > 0)
    append_tables (out, canvas);
  if (n_rates > 0)
    {
      g_free (count);
      count = g_strdup_printf ("%u", n_rates);
      g_string_append_c (out, '\n');
      append_field (out, width, _("Exchange rates"), count);
      append_rates (out, canvas);
    }
}

static int
run_info (const NfCliCommand  *command,
          char               **args)
{
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = NULL;
  gboolean imported = FALSE;

  if (args[0] == NULL)
    return _nf_cli_usage_error (command, _("no FILE to describe"));
  if (args[1] != NULL)
    return _nf_cli_usage_error (command, _("info takes one FILE, not several"));

  canvas = _nf_cli_load_any (args[0], &imported, &error);
  if (canvas == NULL)
    {
      _nf_cli_error (error);
      return NF_CLI_EXIT_INVALID;
    }

  out = g_string_new (NULL);
  append_info (out, canvas, imported);
  if (!_nf_cli_print (out->str))
    return NF_CLI_EXIT_INVALID;
  return NF_CLI_EXIT_OK;
}

const NfCliCommand _nf_cli_info = {
  .name = "info",
  .parameters = N_("FILE"),
  .summary = N_("Describe a canvas or a write-up"),
  .description = N_("Prints what FILE holds: its company, title, label, language and sources; "
                    "the nine blocks in canvas order with how many notes each has; and its "
                    "metric tables with their block and size. FILE is a .ninefold canvas or a "
                    "write-up (Markdown or plain text), told apart by content; a write-up is "
                    "described as the importer reads it.\n"
                    "\n"
                    "Exit status: 0 on success, 1 if FILE cannot be read, 2 for a usage error."),
  .entries = NULL,
  .run = run_info,
};
