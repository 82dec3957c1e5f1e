/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The table editor's row bar: the current row's own citation, its source
 * and line or range of lines, checked against the source's file. */
#define G_LOG_DOMAIN "nf-table-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nf-table-editor-private.h"

static void
show_row_error (NfTableEditor *self,
                const char    *message)
{
  GtkWidget *entry = GTK_WIDGET (self->row_lines_entry);

  gtk_label_set_text (self->row_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->row_error), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The canvas's sources, and a cited id it does not list (shown, not
 * lost); the model is only replaced when they change. */
static void
fill_row_sources (NfTableEditor *self,
                  const char    *cited)
{
  GListModel *sources = nf_canvas_get_sources (self->canvas);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_auto(GStrv) new_ids = NULL;
  gboolean listed = cited == NULL;
  const char *table_source = self->table != NULL ? nf_metric_table_get_cite_source (self->table) : NULL;

  /* A row without a citation of its own is covered by the table's: the
   * first item says so, rather than "No source" beside a cited table. */
  if (table_source != NULL && *table_source != '\0')
    {
      NfSource *source = nf_canvas_find_source (self->canvas, table_source);
      const char *title = source != NULL ? nf_source_get_title (source) : NULL;
      g_autofree char *item =
        /* TRANSLATORS: the row source drop-down's item for a row that cites
         * nothing of its own, so its table's citation covers it; %s is the
         * table's source. */
        g_strdup_printf (_("As the table: %s"), title != NULL && *title != '\0' ? title : table_source);

      gtk_string_list_append (names, item);
    }
  else
    gtk_string_list_append (names, _("No source"));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(NfSource) source = g_list_model_get_item (sources, i);
      const char *title = nf_source_get_title (source);

      g_strv_builder_add (ids, nf_source_get_id (source));
      gtk_string_list_append (names, title != NULL && *title != '\0' ? title : nf_source_get_id (source));
      listed = listed || g_strcmp0 (cited, nf_source_get_id (source)) == 0;
    }
  if (!listed)
    {
      g_strv_builder_add (ids, cited);
      gtk_string_list_append (names, cited);
    }
  new_ids = g_strv_builder_end (ids);
  /* A source renamed keeps its id: the names are compared too. */
  if (self->row_source_ids != NULL &&
      g_strv_equal ((const char * const *) new_ids, (const char * const *) self->row_source_ids) &&
      G_IS_LIST_MODEL (gtk_drop_down_get_model (self->row_source_dropdown)) &&
      g_list_model_get_n_items (gtk_drop_down_get_model (self->row_source_dropdown)) ==
        g_list_model_get_n_items (G_LIST_MODEL (names)))
    {
      GListModel *shown = gtk_drop_down_get_model (self->row_source_dropdown);
      gboolean same = TRUE;

      for (guint i = 0; same && i < g_list_model_get_n_items (shown); i++)
        same = g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (shown), i),
                          gtk_string_list_get_string (names, i)) == 0;
      if (same)
        return;
    }
  g_strfreev (self->row_source_ids);
  self->row_source_ids = g_steal_pointer (&new_ids);
  self->updating++;
  gtk_drop_down_set_model (self->row_source_dropdown, G_LIST_MODEL (names));
  self->updating--;
}

void
_nf_table_editor_update_row_bar (NfTableEditor *self)
{
  guint n = self->table != NULL ? nf_metric_table_get_n_rows (self->table) : 0;
  const NfRowCite *cite;
  g_autofree char *label = NULL;
  g_autofree char *lines = NULL;
  guint row, selected = 0;

  nf_table_view_get_cursor (self->view, &row, NULL);
  gtk_widget_set_sensitive (self->row_box, row < n);
  if (row >= n)
    return;
  if (row != self->shown_row)
    {
      _nf_table_editor_clean_editable (GTK_EDITABLE (self->row_lines_entry));
      self->shown_row = row;
    }
  cite = nf_metric_table_get_row_cite (self->table, row);
  fill_row_sources (self, cite != NULL ? cite->source : NULL);
  /* TRANSLATORS: before the fields of the current row, e.g. "Row 2 of 5". */
  label = g_strdup_printf (_("Row %u of %u"), row + 1, n);
  gtk_label_set_text (self->row_label, label);
  for (guint i = 0; cite != NULL && self->row_source_ids[i] != NULL; i++)
    if (g_strcmp0 (self->row_source_ids[i], cite->source) == 0)
      selected = i + 1;
  self->updating++;
  gtk_drop_down_set_selected (self->row_source_dropdown, selected);
  self->updating--;
  if (cite != NULL && cite->line_end > cite->line)
    lines = g_strdup_printf ("%u–%u", cite->line, cite->line_end);
  else if (cite != NULL && cite->line > 0)
    lines = g_strdup_printf ("%u", cite->line);
  _nf_table_editor_show_text (self, GTK_EDITABLE (self->row_lines_entry), lines);
  /* The table's lines, dimmed, where the row has none of its own. */
  {
    guint t_line = nf_metric_table_get_cite_line (self->table);
    guint t_end = nf_metric_table_get_cite_line_end (self->table);
    g_autofree char *hint = NULL;

    if (cite == NULL && nf_metric_table_get_cite_source (self->table) != NULL && t_line > 0)
      hint = t_end > t_line ? g_strdup_printf ("%u–%u", t_line, t_end) : g_strdup_printf ("%u", t_line);
    gtk_entry_set_placeholder_text (self->row_lines_entry, hint != NULL ? hint : _("e.g. 73–74"));
  }
  if (!_nf_table_editor_is_dirty (self->row_lines_entry))
    show_row_error (self, NULL);
}

/* "73", "73-74" or "73–74" (spaces allowed); "" for none. FALSE for
 * anything else. */
static gboolean
parse_lines (const char *text,
             guint      *out_line,
             guint      *out_line_end)
{
  guint64 first = 0, last = 0;
  char *end;

  *out_line = *out_line_end = 0;
  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return TRUE;
  if (!g_ascii_isdigit (*text))
    return FALSE;
  first = last = g_ascii_strtoull (text, &end, 10);
  while (g_ascii_isspace (*end))
    end++;
  if (*end == '-' || g_str_has_prefix (end, "–") || g_str_has_prefix (end, "—"))
    {
      end += *end == '-' ? 1 : strlen ("–");
      while (g_ascii_isspace (*end))
        end++;
      if (!g_ascii_isdigit (*end))
        return FALSE;
      last = g_ascii_strtoull (end, &end, 10);
      while (g_ascii_isspace (*end))
        end++;
    }
  if (*end != '\0' || first > G_MAXUINT || last > G_MAXUINT)
    return FALSE;
  *out_line = (guint) first;
  *out_line_end = (guint) last;
  return TRUE;
}

/* How many lines the source's file has, when it is found where
 * `ninefold check` looks (its address, relative to the canvas's folder);
 * 0 when it is not. */
static guint
source_n_lines (NfTableEditor *self,
                NfSource      *source)
{
  const char *address = source != NULL ? nf_source_get_address (source) : NULL;

  if (address == NULL || *address == '\0' || strstr (address, "://") != NULL)
    return 0;
  for (guint i = 0; g_path_is_absolute (address) ? i == 0 : self->source_dirs != NULL && self->source_dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_path_is_absolute (address) ? g_strdup (address)
                                                           : g_build_filename (self->source_dirs[i], address, NULL);
      g_autofree char *data = NULL;
      gsize length = 0;
      guint lines = 0;

      if (!g_file_get_contents (path, &data, &length, NULL))
        continue;
      for (gsize k = 0; k < length; k++)
        lines += data[k] == '\n';
      if (length > 0 && data[length - 1] != '\n')
        lines++;
      return lines;
    }
  return 0;
}

/* The row's source and lines, from the fields, as one undoable step; a
 * range the source cannot have is said and not kept. `from_source`: the
 * drop-down changed, where "No source" takes the lines away too. */
static void
commit_row_cite_full (NfTableEditor *self,
                      gboolean       from_source)
{
  guint n = self->table != NULL ? nf_metric_table_get_n_rows (self->table) : 0;
  guint selected = gtk_drop_down_get_selected (self->row_source_dropdown);
  const char *source_id = NULL;
  const NfRowCite *cite;
  g_autofree char *text = NULL;
  guint row = self->shown_row, line = 0, line_end = 0;
  NfSource *source;

  if (self->updating > 0 || row >= n)
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && self->row_source_ids != NULL &&
      selected <= g_strv_length (self->row_source_ids))
    source_id = self->row_source_ids[selected - 1];
  cite = nf_metric_table_get_row_cite (self->table, row);
  if (!from_source && !_nf_table_editor_is_dirty (self->row_lines_entry))
    return;
  text = _nf_table_editor_editable_take_text (GTK_EDITABLE (self->row_lines_entry));
  if (!parse_lines (text, &line, &line_end))
    {
      g_object_set_data (G_OBJECT (self->row_lines_entry), "nf-dirty", GINT_TO_POINTER (TRUE));
      show_row_error (self, _("Write a line number, such as 12, or a range, such as 73–74."));
      return;
    }
  if (line == 0 && *g_strstrip (text) != '\0')
    {
      g_object_set_data (G_OBJECT (self->row_lines_entry), "nf-dirty", GINT_TO_POINTER (TRUE));
      show_row_error (self, _("Lines are counted from 1."));
      return;
    }
  if (source_id == NULL && line > 0 && !from_source)
    {
      g_object_set_data (G_OBJECT (self->row_lines_entry), "nf-dirty", GINT_TO_POINTER (TRUE));
      show_row_error (self, _("Choose the source these lines are in first."));
      return;
    }
  if (source_id == NULL)
    line = line_end = 0;
  if (line_end < line)
    {
      g_object_set_data (G_OBJECT (self->row_lines_entry), "nf-dirty", GINT_TO_POINTER (TRUE));
      show_row_error (self, _("A range runs from its first line to a later one, such as 73–74."));
      return;
    }
  source = source_id != NULL ? nf_canvas_find_source (self->canvas, source_id) : NULL;
  if (line_end > 0)
    {
      guint lines = source_n_lines (self, source);

      if (lines > 0 && line_end > lines)
        {
          const char *title = nf_source_get_title (source);
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Line %u is past the end of “%s”, which has %u line.",
                                          "Line %u is past the end of “%s”, which has %u lines.", lines),
                             line_end, title != NULL && *title != '\0' ? title : source_id, lines);

          g_object_set_data (G_OBJECT (self->row_lines_entry), "nf-dirty", GINT_TO_POINTER (TRUE));
          show_row_error (self, message);
          return;
        }
    }
  show_row_error (self, NULL);
  if (cite != NULL && g_strcmp0 (cite->source, source_id) == 0 && cite->line == line && cite->line_end == line_end)
    {
      _nf_table_editor_update_row_bar (self);
      return;
    }
  if (cite == NULL && source_id == NULL)
    {
      _nf_table_editor_update_row_bar (self);
      return;
    }
  nf_canvas_set_table_row_cite (self->canvas, self->table, row, source_id, line, line_end);
  _nf_table_editor_update_row_bar (self);
}

void
_nf_table_editor_commit_row_lines (NfTableEditor *self)
{
  commit_row_cite_full (self, FALSE);
}

void
_nf_table_editor_row_source_selected (NfTableEditor *self)
{
  if (self->updating > 0)
    return;
  /* The lines typed with it go in the same step. */
  g_object_set_data (G_OBJECT (self->row_lines_entry), "nf-dirty", GINT_TO_POINTER (TRUE));
  commit_row_cite_full (self, TRUE);
}
