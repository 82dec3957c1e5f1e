/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas"

#include "config.h"

#include <string.h>

#include "nf-i18n-private.h"

#include "nf-canvas-private.h"
#include "nf-canvas-xml.h"
#include "nf-edit-private.h"
#include "nf-metric-table-private.h"
#include "nf-note-private.h"

/* Conflict marks and citations of ranges and rows (format 1.2): their
 * edits, and keeping every mark pointing at something that is there, so
 * that whatever the canvas holds can be saved and read back. */

static gboolean
ref_is_live (NfCanvas   *self,
             const char *ref)
{
  g_autofree char *id = NULL;
  gboolean is_table = FALSE;
  guint row = 0;
  NfMetricTable *table;

  if (!nf_conflict_ref_parse (ref, &is_table, &id, &row))
    return FALSE;
  if (!is_table)
    return nf_canvas_find_note (self, id, NULL, NULL) != NULL;
  table = nf_canvas_find_table (self, id, NULL);
  return table != NULL && row <= nf_metric_table_get_n_rows (table);
}

gboolean
nf_canvas_set_note_conflicts (NfCanvas            *self,
                              NfNote              *note,
                              const char * const  *refs,
                              GError             **error)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  g_return_val_if_fail (NF_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (NF_IS_NOTE (note), FALSE);
  g_return_val_if_fail (nf_canvas_find_note (self, nf_note_get_id (note), NULL, NULL) == note, FALSE);

  for (guint i = 0; refs != NULL && refs[i] != NULL; i++)
    {
      if (!ref_is_live (self, refs[i]))
        {
          g_set_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_NOT_FOUND,
                       _("The canvas has nothing called “%s” to mark a conflict with"), refs[i]);
          return FALSE;
        }
      if (g_str_equal (refs[i], nf_note_get_id (note)))
        {
          g_set_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_INVALID,
                       _("A note cannot conflict with itself"));
          return FALSE;
        }
      if (g_ptr_array_find_with_equal_func (seen, refs[i], g_str_equal, NULL))
        {
          g_set_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_DUPLICATE,
                       _("“%s” is named twice"), refs[i]);
          return FALSE;
        }
      if (seen->len >= NF_CANVAS_MAX_CONFLICT_MARKS)
        {
          g_set_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_TOO_LARGE,
                       _("A note can be marked as conflicting with at most %d things"),
                       NF_CANVAS_MAX_CONFLICT_MARKS);
          return FALSE;
        }
      g_ptr_array_add (seen, (gpointer) refs[i]);
    }
  g_ptr_array_add (seen, NULL);
  if (g_strv_equal (nf_note_get_conflicts (note), (const char * const *) seen->pdata))
    return TRUE;
  nf_canvas_begin_group (self, _("Mark Conflict"));
  _nf_canvas_do (self, _nf_edit_note_conflicts (note, (const char * const *) seen->pdata));
  nf_canvas_end_group (self);
  return TRUE;
}

gboolean
nf_canvas_add_note_conflict (NfCanvas    *self,
                             NfNote      *note,
                             const char  *ref,
                             GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) refs = NULL;

  g_return_val_if_fail (NF_IS_NOTE (note), FALSE);
  g_return_val_if_fail (ref != NULL, FALSE);

  if (nf_note_conflicts_with (note, ref))
    return TRUE;
  g_strv_builder_addv (builder, (const char **) nf_note_get_conflicts (note));
  g_strv_builder_add (builder, ref);
  refs = g_strv_builder_end (builder);
  return nf_canvas_set_note_conflicts (self, note, (const char * const *) refs, error);
}

void
nf_canvas_remove_note_conflict (NfCanvas   *self,
                                NfNote     *note,
                                const char *ref)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *old;
  g_auto(GStrv) refs = NULL;

  g_return_if_fail (NF_IS_NOTE (note));

  old = nf_note_get_conflicts (note);
  for (guint i = 0; old[i]; i++)
    if (g_strcmp0 (old[i], ref) != 0)
      g_strv_builder_add (builder, old[i]);
  refs = g_strv_builder_end (builder);
  nf_canvas_set_note_conflicts (self, note, (const char * const *) refs, NULL);
}

void
nf_canvas_set_note_cite_range (NfCanvas   *self,
                               NfNote     *note,
                               const char *source_id,
                               guint       line,
                               guint       line_end)
{
  g_return_if_fail (NF_IS_CANVAS (self));
  g_return_if_fail (NF_IS_NOTE (note));
  g_return_if_fail (nf_canvas_find_note (self, nf_note_get_id (note), NULL, NULL) == note);

  if (source_id == NULL || *source_id == '\0')
    line = line_end = 0;
  if (line == 0 || line_end < line)
    line_end = line;
  if (g_strcmp0 (nf_note_get_cite_source (note), source_id) == 0 &&
      nf_note_get_cite_line (note) == line && nf_note_get_cite_line_end (note) == line_end)
    return;
  nf_canvas_begin_group (self, _("Change Source"));
  _nf_canvas_do (self, _nf_edit_note_cite (note, source_id, line, line_end));
  nf_canvas_end_group (self);
}

void
nf_canvas_set_table_row_cite (NfCanvas      *self,
                              NfMetricTable *table,
                              guint          row,
                              const char    *source_id,
                              guint          line,
                              guint          line_end)
{
  g_autoptr(NfRowCite) cite = NULL;

  g_return_if_fail (NF_IS_CANVAS (self));
  g_return_if_fail (NF_IS_METRIC_TABLE (table));
  g_return_if_fail (nf_canvas_find_table (self, nf_metric_table_get_id (table), NULL) == table);
  g_return_if_fail (row < nf_metric_table_get_n_rows (table));

  cite = _nf_row_cite_new (source_id, line, line_end);
  if (_nf_row_cite_equal (cite, nf_metric_table_get_row_cite (table, row)))
    return;
  nf_canvas_begin_group (self, _("Change Source"));
  _nf_canvas_do (self, _nf_edit_table_row_cite (table, row, cite));
  nf_canvas_end_group (self);
}

/* Rewrites every mark naming `id` (a note, or with is_table a table):
 * drops it, or for a table's rows, moves row numbers past `row` (counted
 * from 1) by `shift` and drops marks of a removed row. Part of the edit
 * that removes or inserts, so one undo takes both back. */
void
_nf_canvas_remap_conflicts (NfCanvas   *self,
                            gboolean    is_table,
                            const char *id,
                            guint       row,
                            int         shift)
{
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      GListModel *notes = nf_canvas_get_notes (self, b);

      for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
        {
          g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
          const char * const *refs = nf_note_get_conflicts (note);
          g_autoptr(GStrvBuilder) builder = NULL;
          g_auto(GStrv) next = NULL;
          gboolean changed = FALSE;

          if (refs[0] == NULL)
            continue;
          builder = g_strv_builder_new ();
          for (guint k = 0; refs[k]; k++)
            {
              g_autofree char *ref_id = NULL;
              gboolean ref_table = FALSE;
              guint ref_row = 0;

              if (!nf_conflict_ref_parse (refs[k], &ref_table, &ref_id, &ref_row) ||
                  ref_table != is_table || !g_str_equal (ref_id, id))
                {
                  g_strv_builder_add (builder, refs[k]);
                  continue;
                }
              changed = TRUE;
              /* The thing itself goes (row 0), or the one row does. */
              if (row == 0 || ref_row == row)
                {
                  if (shift > 0 && ref_row == row)
                    {
                      g_autofree char *moved = nf_conflict_ref_for_table (id, ref_row + 1);
                      g_strv_builder_add (builder, moved);
                    }
                  continue;
                }
              if (ref_row > row)
                {
                  g_autofree char *moved = nf_conflict_ref_for_table (id, (guint) ((int) ref_row + shift));
                  g_strv_builder_add (builder, moved);
                }
              else
                g_strv_builder_add (builder, refs[k]);
            }
          if (!changed)
            continue;
          next = g_strv_builder_end (builder);
          _nf_canvas_do (self, _nf_edit_note_conflicts (note, (const char * const *) next));
        }
    }
}

/* A note from elsewhere (pasted, duplicated) keeps only the marks that
 * name something in this canvas. */
void
_nf_canvas_keep_live_conflicts (NfCanvas *self,
                                NfNote   *note)
{
  const char * const *refs = nf_note_get_conflicts (note);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) next = NULL;

  if (refs[0] == NULL)
    return;
  builder = g_strv_builder_new ();
  for (guint k = 0; refs[k]; k++)
    if (ref_is_live (self, refs[k]) && !g_str_equal (refs[k], nf_note_get_id (note)))
      g_strv_builder_add (builder, refs[k]);
  next = g_strv_builder_end (builder);
  _nf_note_set_conflicts (note, (const char * const *) next);
}
