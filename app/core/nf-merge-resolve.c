/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-merge-resolve"

#include "config.h"

#include "nf-i18n-private.h"

#include "nf-canvas-private.h"
#include "nf-edit-private.h"
#include "nf-merge-private.h"
#include "nf-metric-table.h"
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

        if (table != NULL && c->row < nf_metric_table_get_n_rows (table) &&
            c->column < nf_metric_table_get_n_columns (table))
          nf_canvas_set_table_cell (self, table, c->row, c->column, take != NULL ? take : "");
      }
      break;
    default:
      g_assert_not_reached ();
    }
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
  c = _nf_conflict_new_cell (nf_canvas_get_conflict (self, index)->kind,
                             nf_canvas_get_conflict (self, index)->table,
                             nf_canvas_get_conflict (self, index)->row,
                             nf_canvas_get_conflict (self, index)->column,
                             nf_canvas_get_conflict (self, index)->ours,
                             nf_canvas_get_conflict (self, index)->theirs);
  nf_canvas_begin_group (self, _(labels[choice]));
  if (choice != NF_CONFLICT_KEEP_BOTH)
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
  _nf_canvas_do (self, _nf_edit_insert_conflict (index, c, TRUE));
  nf_canvas_end_group (self);
  _nf_conflict_free (c);
}
