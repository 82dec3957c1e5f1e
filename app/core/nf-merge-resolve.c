/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-merge-resolve"

#include "config.h"

#include "nf-i18n-private.h"

#include "nf-canvas-private.h"
#include "nf-edit-private.h"
#include "nf-merge-private.h"
#include "nf-metric-table-private.h"
#include "nf-rate.h"
#include "nf-source.h"

/* Settling what a merge left open, in the app: each choice is one step of
 * the history, so Ctrl+Z brings the conflict back as it was. */

const NfConflict *
nf_canvas_find_conflict (NfCanvas       *self,
                         NfConflictKind  kind,
                         const char     *id,
                         guint          *out_index)
{
  guint n;

  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);

  n = nf_canvas_get_n_conflicts (self);
  for (guint i = 0; i < n && id != NULL; i++)
    {
      const NfConflict *c = nf_canvas_get_conflict (self, i);

      if (c->kind == kind && (g_strcmp0 (c->ours, id) == 0 || g_strcmp0 (c->theirs, id) == 0))
        {
          if (out_index != NULL)
            *out_index = i;
          return c;
        }
    }
  return NULL;
}

gboolean
nf_conflict_is_ours (const NfConflict *conflict,
                     const char       *id)
{
  g_return_val_if_fail (conflict != NULL, FALSE);
  return g_strcmp0 (conflict->ours, id) == 0;
}

static void
remove_item (NfCanvas       *self,
             NfConflictKind  kind,
             const char     *id)
{
  guint index;

  switch (kind)
    {
    case NF_CONFLICT_NOTE:
      {
        NfNote *note = nf_canvas_find_note (self, id, NULL, NULL);

        if (note != NULL)
          nf_canvas_remove_note (self, note);
      }
      break;
    case NF_CONFLICT_TABLE:
      {
        NfMetricTable *table = nf_canvas_find_table (self, id, NULL);

        if (table != NULL)
          nf_canvas_remove_table (self, table);
      }
      break;
    case NF_CONFLICT_SOURCE:
      {
        GListModel *sources = nf_canvas_get_sources (self);

        for (index = 0; index < g_list_model_get_n_items (sources); index++)
          {
            g_autoptr(NfSource) source = g_list_model_get_item (sources, index);

            if (g_strcmp0 (nf_source_get_id (source), id) == 0)
              {
                nf_canvas_remove_source (self, index);
                break;
              }
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A rate as a conflict names it: "FROM TO VALUE [DATE]". */
static NfRate *
parse_rate (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, " ", 5);
  guint n = g_strv_length (parts);
  char *end = NULL;
  double value;

  if (n < 3 || n > 4)
    return NULL;
  value = g_ascii_strtod (parts[2], &end);
  if (end == parts[2] || *end != '\0')
    return NULL;
  return nf_rate_new (parts[0], parts[1], value, n == 4 ? parts[3] : NULL);
}

static void
take_rate (NfCanvas   *self,
           const char *take,
           const char *other)
{
  g_autoptr(NfRate) rate = parse_rate (take != NULL ? take : other);
  GListModel *rates = nf_canvas_get_rates (self);
  NfRate *have;

  if (rate == NULL)
    return;
  if (take != NULL)
    {
      nf_canvas_set_rate (self, rate);
      return;
    }
  /* The side taken deleted the rate. */
  have = nf_canvas_find_rate (self, nf_rate_get_from (rate), nf_rate_get_to (rate));
  for (guint i = 0; have != NULL && i < g_list_model_get_n_items (rates); i++)
    {
      g_autoptr(NfRate) r = g_list_model_get_item (rates, i);

      if (r == have)
        {
          nf_canvas_remove_rate (self, i);
          break;
        }
    }
}

/* A field's conflict that carries each side's translations (as a cell):
 * the side taken gives its every language back, in the same step. */
static void
take_field_translations (NfCanvas         *self,
                         const NfConflict *c,
                         const char       *take)
{
  static const struct { NfConflictKind kind; NfCanvasField field; } fields[] = {
    { NF_CONFLICT_COMPANY, NF_FIELD_COMPANY }, { NF_CONFLICT_TITLE, NF_FIELD_TITLE },
    { NF_CONFLICT_LABEL, NF_FIELD_LABEL }, { NF_CONFLICT_DESCRIPTION, NF_FIELD_DESCRIPTION },
  };
  const NfCell *whole = take == c->ours ? c->ours_cell : c->theirs_cell;

  if (whole == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].kind == c->kind)
      {
        NfText *have = _nf_canvas_get_field_translations (self, fields[i].field);
        g_autoptr(NfText) want = NULL;

        if (whole->translations != NULL)
          want = nf_text_with_primary (whole->translations,
                                       _nf_canvas_get_field (self, fields[i].field) != NULL
                                         ? _nf_canvas_get_field (self, fields[i].field) : "");
        if ((have == NULL) != (want == NULL) ||
            (have != NULL && !nf_text_equal (have, want)))
          _nf_canvas_do (self, _nf_edit_set_field_translations (fields[i].field, have, want));
      }
}

static void
take_value (NfCanvas         *self,
            const NfConflict *c,
            const char       *take)
{
  switch (c->kind)
    {
    case NF_CONFLICT_COMPANY:
      nf_canvas_set_company (self, take);
      break;
    case NF_CONFLICT_TITLE:
      nf_canvas_set_title (self, take);
      break;
    case NF_CONFLICT_LABEL:
      nf_canvas_set_label (self, take);
      break;
    case NF_CONFLICT_DESCRIPTION:
      nf_canvas_set_description (self, take);
      break;
    case NF_CONFLICT_LANGUAGE:
      nf_canvas_set_language (self, take);
      break;
    case NF_CONFLICT_RATE:
      take_rate (self, take, take == c->ours ? c->theirs : c->ours);
      break;
    case NF_CONFLICT_CELL:
      {
        NfMetricTable *table = nf_canvas_find_table (self, c->table, NULL);
        const NfCell *whole = take == c->ours ? c->ours_cell : c->theirs_cell;

        if (table == NULL || c->row >= nf_metric_table_get_n_rows (table) ||
            c->column >= nf_metric_table_get_n_columns (table))
          break;
        if (whole == NULL)
          nf_canvas_set_table_cell (self, table, c->row, c->column, take != NULL ? take : "");
        else
          {
            const NfCell *have = nf_metric_table_get_cell (table, c->row, c->column);
            NfCell cell = { 0 };

            /* That side's cell whole; the row's own citation is the row's,
             * which the merge settled apart from this cell. */
            _nf_cell_copy (whole, &cell);
            _nf_row_cite_free (cell.row_cite);
            cell.row_cite = _nf_row_cite_copy (have->row_cite);
            _nf_canvas_do (self, _nf_edit_table_cell (table, c->row, c->column, &cell));
            _nf_cell_clear (&cell);
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
  take_field_translations (self, c, take);
}

/* Rows of `table_id` from `row` (from 0) on moved by `shift`, in the
 * conflicts that name them; those of a removed row go. Part of the edit
 * that inserts or removes the row. */
void
_nf_canvas_shift_conflict_rows (NfCanvas   *self,
                                const char *table_id,
                                guint       row,
                                int         shift)
{
  GPtrArray *list = _nf_canvas_get_conflicts (self);

  for (guint i = list->len; i-- > 0;)
    {
      const NfConflict *c = g_ptr_array_index (list, i);
      NfConflict *moved;
      gboolean gone = FALSE, changed = FALSE;

      if ((c->kind != NF_CONFLICT_CELL && c->kind != NF_CONFLICT_ROW) ||
          g_strcmp0 (c->table, table_id) != 0)
        continue;
      moved = _nf_conflict_copy (c);
      if (c->kind == NF_CONFLICT_CELL && c->row >= row)
        {
          gone = shift < 0 && c->row == row;
          moved->row = (guint) ((int) c->row + shift);
          changed = TRUE;
        }
      for (int side = 0; side < 2 && c->kind == NF_CONFLICT_ROW; side++)
        {
          int at = nf_conflict_row_of (c, side == 0);
          char **text = side == 0 ? &moved->ours : &moved->theirs;

          if (at < 0 || (guint) at < row)
            continue;
          /* One version's row removed by hand settles it, as deleting
           * one version of a note does. */
          gone = gone || (shift < 0 && (guint) at == row);
          g_free (*text);
          *text = g_strdup_printf ("%d", at + shift + 1);
          changed = TRUE;
        }
      if (changed || gone)
        {
          _nf_canvas_do (self, _nf_edit_insert_conflict (i, c, TRUE));
          if (!gone)
            _nf_canvas_do (self, _nf_edit_insert_conflict (i, moved, FALSE));
        }
      _nf_conflict_free (moved);
    }
}

/* A row conflict: the version not taken leaves the table. */
static void
take_row (NfCanvas         *self,
          const NfConflict *c,
          gboolean          ours)
{
  NfMetricTable *table = nf_canvas_find_table (self, c->table, NULL);
  int drop = nf_conflict_row_of (c, !ours);

  if (table == NULL || drop < 0 || (guint) drop >= nf_metric_table_get_n_rows (table) ||
      drop == nf_conflict_row_of (c, ours))
    return;
  nf_canvas_remove_table_row (self, table, (guint) drop);
}

void
nf_canvas_resolve_conflict (NfCanvas         *self,
                            guint             index,
                            NfConflictChoice  choice)
{
  const char *labels[] = { N_("Take Ours"), N_("Take Theirs"), N_("Keep Both") };
  NfConflict *c;

  g_return_if_fail (NF_IS_CANVAS (self));
  g_return_if_fail (index < nf_canvas_get_n_conflicts (self));
  g_return_if_fail (choice <= NF_CONFLICT_KEEP_BOTH);

  /* A copy: the edits below may not touch the list, but the strings must
   * outlive any of them. */
  c = _nf_conflict_copy (nf_canvas_get_conflict (self, index));
  nf_canvas_begin_group (self, _(labels[choice]));
  /* The conflict goes first, so that removing a row does not move it. */
  _nf_canvas_do (self, _nf_edit_insert_conflict (index, c, TRUE));
  if (c->kind == NF_CONFLICT_ROW)
    {
      if (choice != NF_CONFLICT_KEEP_BOTH)
        take_row (self, c, choice == NF_CONFLICT_TAKE_OURS);
    }
  else if (choice != NF_CONFLICT_KEEP_BOTH)
    {
      const char *take = choice == NF_CONFLICT_TAKE_OURS ? c->ours : c->theirs;
      const char *drop = choice == NF_CONFLICT_TAKE_OURS ? c->theirs : c->ours;

      if (nf_conflict_kind_is_item (c->kind))
        {
          if (drop != NULL && g_strcmp0 (drop, take) != 0)
            remove_item (self, c->kind, drop);
        }
      else
        take_value (self, c, take);
    }
  nf_canvas_end_group (self);
  _nf_conflict_free (c);
}

/* What validate and the conflict bar both say of a side: two sides with
 * one text differ in their translations, so those are named. */
char *
nf_conflict_side_describe (const char   *text,
                           const NfCell *cell,
                           const NfCell *other)
{
  GString *out = g_string_new (text);
  gboolean any = FALSE;

  for (guint i = 0; cell != NULL && cell->translations != NULL &&
                    i < nf_text_get_n_translations (cell->translations); i++)
    {
      const char *lang;
      const char *value = nf_text_get_translation (cell->translations, i, &lang);
      const char *was = other != NULL && other->translations != NULL
                          ? nf_text_lookup (other->translations, lang) : NULL;

      if (g_strcmp0 (was, value) == 0)
        continue;
      g_string_append_printf (out, any ? "; %s: %s" : " (%s: %s", lang, value);
      any = TRUE;
    }
  if (any)
    g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}
