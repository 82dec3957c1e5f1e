/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-merge"

#include "config.h"

#include <string.h>


#include "nf-canvas-private.h"
#include "nf-canvas-xml.h"
#include "nf-canvas-xml-private.h"
#include "nf-merge-run-private.h"
#include "nf-metric-table-private.h"
#include "nf-note-private.h"
#include "nf-number.h"
#include "nf-rate.h"
#include "nf-snapshot.h"
#include "nf-source.h"
#include "nf-snapshot-private.h"

/* The merge is symmetric by construction: the two sides are put in a
 * fixed order (A, the one whose bytes sort first, then B) and merged as
 * A and B; only the conflicts say which of them was "ours". So merging
 * OURS with THEIRS and THEIRS with OURS give the same canvas, up to the
 * sides a conflict names. */

static const char * const kind_names[NF_N_CONFLICT_KINDS] = {
  "note", "table", "source", "company", "title", "label", "description", "language", "rate",
  "cell", "row",
};

const char *
nf_conflict_kind_to_xml (NfConflictKind kind)
{
  g_return_val_if_fail (kind < NF_N_CONFLICT_KINDS, NULL);
  return kind_names[kind];
}

gboolean
nf_conflict_kind_from_xml (const char     *name,
                           NfConflictKind *out_kind)
{
  for (guint i = 0; i < NF_N_CONFLICT_KINDS; i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
nf_conflict_kind_is_item (NfConflictKind kind)
{
  return kind == NF_CONFLICT_NOTE || kind == NF_CONFLICT_TABLE || kind == NF_CONFLICT_SOURCE;
}

NfConflict *
_nf_conflict_new (NfConflictKind  kind,
                  const char     *ours,
                  const char     *theirs)
{
  NfConflict *c = g_new0 (NfConflict, 1);

  c->kind = kind;
  c->ours = g_strdup (ours);
  c->theirs = g_strdup (theirs);
  return c;
}

NfConflict *
_nf_conflict_new_cell (NfConflictKind  kind,
                       const char     *table,
                       guint           row,
                       guint           column,
                       const char     *ours,
                       const char     *theirs)
{
  NfConflict *c = _nf_conflict_new (kind, ours, theirs);

  c->table = g_strdup (table);
  c->row = row;
  c->column = column;
  return c;
}

static NfCell *
cell_dup (const NfCell *cell)
{
  NfCell *copy;

  if (cell == NULL)
    return NULL;
  copy = g_new0 (NfCell, 1);
  _nf_cell_copy (cell, copy);
  return copy;
}

static void
cell_free (NfCell *cell)
{
  if (cell != NULL)
    _nf_cells_free (cell, 1);
}

void
_nf_conflict_set_cells (NfConflict   *conflict,
                        const NfCell *ours,
                        const NfCell *theirs)
{
  NfCell *o = cell_dup (ours), *t = cell_dup (theirs);

  cell_free (conflict->ours_cell);
  cell_free (conflict->theirs_cell);
  conflict->ours_cell = o;
  conflict->theirs_cell = t;
}

NfConflict *
_nf_conflict_copy (const NfConflict *conflict)
{
  NfConflict *c = _nf_conflict_new_cell (conflict->kind, conflict->table, conflict->row,
                                         conflict->column, conflict->ours, conflict->theirs);

  _nf_conflict_set_cells (c, conflict->ours_cell, conflict->theirs_cell);
  return c;
}

void
_nf_conflict_free (NfConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->ours);
  g_free (conflict->theirs);
  g_free (conflict->table);
  cell_free (conflict->ours_cell);
  cell_free (conflict->theirs_cell);
  g_free (conflict);
}

static gboolean
opt_cell_eq (const NfCell *a,
             const NfCell *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return _nf_merge_cell_eq (a, b);
}

gboolean
_nf_conflict_equal (const NfConflict *a,
                    const NfConflict *b)
{
  return a->kind == b->kind && g_strcmp0 (a->ours, b->ours) == 0 &&
         g_strcmp0 (a->theirs, b->theirs) == 0 && g_strcmp0 (a->table, b->table) == 0 &&
         a->row == b->row && a->column == b->column &&
         opt_cell_eq (a->ours_cell, b->ours_cell) && opt_cell_eq (a->theirs_cell, b->theirs_cell);
}

int
nf_conflict_row_of (const NfConflict *conflict,
                    gboolean          ours)
{
  const char *side;
  guint64 row;

  g_return_val_if_fail (conflict != NULL, -1);
  side = ours ? conflict->ours : conflict->theirs;
  if (conflict->kind != NF_CONFLICT_ROW || side == NULL ||
      !g_ascii_string_to_unsigned (side, 10, 1, G_MAXINT, &row, NULL))
    return -1;
  return (int) row - 1;
}

gboolean
nf_canvas_has_conflict (NfCanvas       *self,
                        NfConflictKind  kind,
                        const char     *id)
{
  guint n = nf_canvas_get_n_conflicts (self);

  for (guint i = 0; i < n; i++)
    {
      const NfConflict *c = nf_canvas_get_conflict (self, i);

      if (c->kind == kind && (g_strcmp0 (c->ours, id) == 0 || g_strcmp0 (c->theirs, id) == 0))
        return TRUE;
    }
  return FALSE;
}

/* --- The merge --- */

void
_nf_merge_add_conflict (NfMergeRun     *m,
                        NfConflictKind  kind,
                        const char     *a,
                        const char     *b)
{
  g_ptr_array_add (m->conflicts, _nf_conflict_new (kind, m->swapped ? b : a, m->swapped ? a : b));
}

char *
_nf_merge_fresh_id (NfMergeRun *m,
                    const char *id)
{
  for (guint k = 2;; k++)
    {
      g_autofree char *candidate = strlen (id) < 240 ? g_strdup_printf ("%s.%u", id, k)
                                                     : g_strdup_printf ("m%u", k);

      if (!g_hash_table_contains (m->used_ids, candidate))
        {
          g_hash_table_add (m->used_ids, g_strdup (candidate));
          return g_steal_pointer (&candidate);
        }
    }
}

/* --- Metadata --- */

/* A field's text with its xml:lang variants, as one NfText. */
static NfText *
field_text (NfCanvas      *canvas,
            NfCanvasField  field)
{
  const char *value = _nf_canvas_get_field (canvas, field);
  NfText *tr = _nf_canvas_get_field_translations (canvas, field);

  return tr != NULL ? nf_text_with_primary (tr, value != NULL ? value : "") : nf_text_new (value);
}

/* A side of a field's conflict as a cell: the text and its translations,
 * so that the conflict carries every language of each side and taking a
 * side gives all of them back (the cell is the format's one carrier of a
 * text with its variants inside <conflict>). */
static NfCell *
field_cell (NfCanvas      *canvas,
            NfCanvasField  field)
{
  NfCell *cell = g_new0 (NfCell, 1);
  const char *value = _nf_canvas_get_field (canvas, field);
  NfText *tr = _nf_canvas_get_field_translations (canvas, field);

  cell->text = g_strdup (value != NULL ? value : "");
  if (tr != NULL && nf_text_get_n_translations (tr) > 0)
    cell->translations = nf_text_with_primary (tr, cell->text);
  return cell;
}

/* Each field merged language by language: a language changed on one side
 * takes that side. The same language (or the field's own text) changed
 * two ways is a conflict of the whole field, which keeps A's and carries
 * both sides' texts with all their translations. */
static void
merge_fields (NfMergeRun *m)
{
  static const NfConflictKind kinds[NF_N_FIELDS] = {
    NF_CONFLICT_COMPANY, NF_CONFLICT_TITLE, NF_CONFLICT_LABEL, NF_CONFLICT_DESCRIPTION,
    NF_CONFLICT_LANGUAGE,
  };

  for (guint f = 0; f < NF_N_FIELDS; f++)
    {
      const char *v[N_SIDES];
      NfText *t[N_SIDES];
      g_autoptr(NfText) merged = NULL;
      gboolean conflict = FALSE;
      int pick;

      for (int s = 0; s < N_SIDES; s++)
        {
          v[s] = _nf_canvas_get_field (m->canvas[s], f);
          t[s] = field_text (m->canvas[s], f);
        }
      /* The own text by the raw values: an absent label is not "". */
      pick = NF_MERGE3 (_nf_merge_str_eq, v[BASE], v[SIDE_A], v[SIDE_B]);
      merged = _nf_merge_text (t[BASE], t[SIDE_A], t[SIDE_B], 0, &conflict);
      if (pick < 0 || conflict)
        {
          NfConflict *c;
          NfCell *cells[2] = { field_cell (m->canvas[SIDE_A], f),
                               field_cell (m->canvas[SIDE_B], f) };
          int ours = m->swapped ? 1 : 0;

          c = _nf_conflict_new (kinds[f], cells[ours]->text, cells[1 - ours]->text);
          if (cells[0]->translations != NULL || cells[1]->translations != NULL)
            _nf_conflict_set_cells (c, cells[ours], cells[1 - ours]);
          else if (pick < 0)
            {
              /* No translations: the texts as they were (NULL for none). */
              g_free (c->ours);
              g_free (c->theirs);
              c->ours = g_strdup (v[m->swapped ? SIDE_B : SIDE_A]);
              c->theirs = g_strdup (v[m->swapped ? SIDE_A : SIDE_B]);
            }
          g_ptr_array_add (m->conflicts, c);
          for (guint i = 0; i < 2; i++)
            _nf_cells_free (cells[i], 1);
          _nf_canvas_set_field (m->out, f, v[SIDE_A]);
          _nf_canvas_set_field_translations (m->out, f,
                                             _nf_canvas_get_field_translations (m->canvas[SIDE_A], f));
        }
      else
        {
          _nf_canvas_set_field (m->out, f, v[SIDE_A + pick]);
          _nf_canvas_set_field_translations (m->out, f, merged);
        }
      for (int s = 0; s < N_SIDES; s++)
        nf_text_unref (t[s]);
    }
}

/* --- Sources, rates, tables: whole items by key --- */

typedef gboolean (*ItemEqual) (gpointer a, gpointer b);
typedef const char *(*ItemKey) (gpointer item, char **scratch);
typedef gpointer (*ItemRename) (gpointer item, const char *id);
/* Both sides changed the item: merged finely, or NULL to keep both. */
typedef gpointer (*ItemMerge) (NfMergeRun *m, gpointer v[N_SIDES]);

static const char *
source_key (gpointer item, char **scratch)
{
  return nf_source_get_id (item);
}

static const char *
table_key (gpointer item, char **scratch)
{
  return nf_metric_table_get_id (item);
}

static const char *
rate_key (gpointer item, char **scratch)
{
  const char *from = nf_rate_get_from (item), *to = nf_rate_get_to (item);

  *scratch = strcmp (from, to) < 0 ? g_strconcat (from, " ", to, NULL)
                                   : g_strconcat (to, " ", from, NULL);
  return *scratch;
}

static gboolean
source_equal0 (gpointer a, gpointer b)
{
  return a == b || (a != NULL && b != NULL && nf_source_equal (a, b));
}

static gboolean
table_equal0 (gpointer a, gpointer b)
{
  return a == b || (a != NULL && b != NULL && nf_metric_table_equal (a, b));
}

static gboolean
rate_equal0 (gpointer a, gpointer b)
{
  return a == b || (a != NULL && b != NULL && nf_rate_equal (a, b));
}

static gpointer
source_rename (gpointer item, const char *id)
{
  return nf_source_new (id, nf_source_get_title (item), nf_source_get_publisher (item),
                        nf_source_get_date (item), nf_source_get_address (item));
}

static gpointer
table_rename (gpointer item, const char *id)
{
  return nf_metric_table_copy (item, id);
}

static char *
rate_describe (NfRate *r)
{
  g_autofree char *value = nf_number_format_xml (nf_rate_get_value (r));

  if (nf_rate_get_date (r) != NULL)
    return g_strdup_printf ("%s %s %s %s", nf_rate_get_from (r), nf_rate_get_to (r), value,
                            nf_rate_get_date (r));
  return g_strdup_printf ("%s %s %s", nf_rate_get_from (r), nf_rate_get_to (r), value);
}

static GHashTable *
index_model (GListModel *model,
             ItemKey     key)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      gpointer item = g_list_model_get_item (model, i);
      g_autofree char *scratch = NULL;
      const char *k = key (item, &scratch);

      g_hash_table_replace (map, g_strdup (k), item);
    }
  return map;
}

static gboolean
same_keys (GListModel *a,
           GListModel *b,
           ItemKey     key)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (a, i);
      g_autoptr(GObject) y = g_list_model_get_item (b, i);
      g_autofree char *sx = NULL;
      g_autofree char *sy = NULL;

      if (!g_str_equal (key (x, &sx), key (y, &sy)))
        return FALSE;
    }
  return TRUE;
}

/* The merged list: A's items in A's order (B's when A kept the list as
 * it was), then the other side's additions in its order; conflicting versions of B under a fresh id after A's. Rates
 * (rename NULL) keep A's value and record B's. */
static GPtrArray *merge_items_finely (NfMergeRun     *m,
                                      GListModel     *models[N_SIDES],
                                      ItemKey         key,
                                      ItemEqual       equal,
                                      ItemRename      rename,
                                      ItemMerge       fine,
                                      NfConflictKind  kind);

static gpointer
table_merge (NfMergeRun *m,
             gpointer    v[N_SIDES])
{
  NfMetricTable *t[N_SIDES] = { v[BASE], v[SIDE_A], v[SIDE_B] };

  return _nf_merge_table (m, t);
}

static GPtrArray *
merge_items (NfMergeRun          *m,
             GListModel     *models[N_SIDES],
             ItemKey         key,
             ItemEqual       equal,
             ItemRename      rename,
             NfConflictKind  kind)
{
  return merge_items_finely (m, models, key, equal, rename, NULL, kind);
}

static GPtrArray *
merge_items_finely (NfMergeRun     *m,
                    GListModel     *models[N_SIDES],
                    ItemKey         key,
                    ItemEqual       equal,
                    ItemRename      rename,
                    ItemMerge       fine,
                    NfConflictKind  kind)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTable *map[N_SIDES];
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  int first;

  for (int s = 0; s < N_SIDES; s++)
    map[s] = index_model (models[s], key);
  /* B's order when A left the list as it was. */
  first = same_keys (models[SIDE_A], models[BASE], key) ? SIDE_B : SIDE_A;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0, side = pass == 0 ? first : SIDE_A + SIDE_B - first;
         i < g_list_model_get_n_items (models[side]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (models[side], i);
        g_autofree char *scratch = NULL;
        const char *k = key (item, &scratch);
        gpointer v[N_SIDES];
        int pick;

        if (!g_hash_table_add (done, g_strdup (k)))
          continue;
        for (int s = 0; s < N_SIDES; s++)
          v[s] = g_hash_table_lookup (map[s], k);
        pick = NF_MERGE3 (equal, v[BASE], v[SIDE_A], v[SIDE_B]);
        if (pick >= 0)
          {
            if (v[SIDE_A + pick] != NULL)
              g_ptr_array_add (out, g_object_ref (v[SIDE_A + pick]));
            continue;
          }
        if (v[SIDE_A] == NULL || v[SIDE_B] == NULL)
          {
            /* Deleted on one side, changed on the other: the change stays. */
            gpointer kept = v[SIDE_A] != NULL ? v[SIDE_A] : v[SIDE_B];
            g_autofree char *desc = kind == NF_CONFLICT_RATE ? rate_describe (kept) : NULL;
            const char *name = desc != NULL ? desc : k;

            g_ptr_array_add (out, g_object_ref (kept));
            _nf_merge_add_conflict (m, kind, v[SIDE_A] != NULL ? name : NULL,
                          v[SIDE_B] != NULL ? name : NULL);
            continue;
          }
        if (fine != NULL && v[BASE] != NULL)
          {
            gpointer merged = fine (m, v);

            if (merged != NULL)
              {
                g_ptr_array_add (out, merged);
                continue;
              }
          }
        g_ptr_array_add (out, g_object_ref (v[SIDE_A]));
        if (rename == NULL)
          {
            g_autofree char *da = rate_describe (v[SIDE_A]);
            g_autofree char *db = rate_describe (v[SIDE_B]);

            _nf_merge_add_conflict (m, kind, da, db);
          }
        else
          {
            g_autofree char *id = _nf_merge_fresh_id (m, k);

            g_ptr_array_add (out, rename (v[SIDE_B], id));
            /* Both added the same id: two things, not a conflict. */
            if (v[BASE] != NULL)
              _nf_merge_add_conflict (m, kind, k, id);
          }
      }
  for (int s = 0; s < N_SIDES; s++)
    g_hash_table_unref (map[s]);
  return out;
}

/* --- Snapshots: by name and time; they do not change once taken --- */

static char *
snapshot_key (NfSnapshot *s)
{
  g_autofree char *time = _nf_snapshot_format_time (nf_snapshot_get_time (s));

  return g_strconcat (time, "\n", nf_snapshot_get_name (s), NULL);
}

static gboolean
has_snapshot (NfCanvas   *canvas,
              const char *key)
{
  GListModel *list = nf_canvas_get_snapshots (canvas);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(NfSnapshot) s = g_list_model_get_item (list, i);
      g_autofree char *k = snapshot_key (s);

      if (g_str_equal (k, key))
        return TRUE;
    }
  return FALSE;
}

static int
compare_snapshots (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return g_date_time_compare (nf_snapshot_get_time ((NfSnapshot *) a),
                              nf_snapshot_get_time ((NfSnapshot *) b));
}

static void
merge_snapshots (NfMergeRun *m)
{
  GListStore *store = _nf_canvas_get_snapshot_store (m->out);
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_list_store_remove_all (store);
  for (int side = SIDE_A; side <= SIDE_B; side++)
    {
      GListModel *list = nf_canvas_get_snapshots (m->canvas[side]);
      int other = side == SIDE_A ? SIDE_B : SIDE_A;

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(NfSnapshot) s = g_list_model_get_item (list, i);
          char *key = snapshot_key (s);

          if (!g_hash_table_add (done, key))
            continue;
          /* Kept unless the other side removed it. */
          if (has_snapshot (m->canvas[other], key) || !has_snapshot (m->canvas[BASE], key))
            g_list_store_append (store, s);
        }
    }
  g_list_store_sort (store, compare_snapshots, NULL);
}

/* --- Conflicts already in the files --- */

static gboolean
list_has (GPtrArray        *list,
          const NfConflict *c)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (_nf_conflict_equal (g_ptr_array_index (list, i), c))
      return TRUE;
  return FALSE;
}

static void
merge_old_conflicts (NfMergeRun *m)
{
  for (int side = SIDE_A; side <= SIDE_B; side++)
    {
      GPtrArray *mine = _nf_canvas_get_conflicts (m->canvas[side]);
      GPtrArray *other = _nf_canvas_get_conflicts (m->canvas[side == SIDE_A ? SIDE_B : SIDE_A]);
      GPtrArray *base = _nf_canvas_get_conflicts (m->canvas[BASE]);

      for (guint i = 0; i < mine->len; i++)
        {
          const NfConflict *c = g_ptr_array_index (mine, i);

          /* One side resolved it: resolved. */
          if (list_has (base, c) && !list_has (other, c))
            continue;
          if (!list_has (m->conflicts, c))
            g_ptr_array_add (m->conflicts, _nf_conflict_copy (c));
        }
    }
}

static void
collect_ids (NfMergeRun *m)
{
  for (int s = 0; s < N_SIDES; s++)
    {
      GListModel *lists[2] = { nf_canvas_get_sources (m->canvas[s]),
                               nf_canvas_get_tables (m->canvas[s]) };
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, m->where[s]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (m->used_ids, g_strdup (key));
      for (guint l = 0; l < 2; l++)
        for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
          {
            g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);

            g_hash_table_add (m->used_ids, g_strdup (l == 0 ? nf_source_get_id ((NfSource *) item)
                                                            : nf_metric_table_get_id ((NfMetricTable *) item)));
          }
    }
}

static void
replace_store (GListStore *store,
               GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

/* A canvas with A's version and the elements of newer formats A kept;
 * the merge fills in the rest. */
static NfCanvas *
new_canvas_like (NfCanvas *a)
{
  NfCanvas *out = nf_canvas_new ();
  GPtrArray *from[2] = { _nf_canvas_get_metadata_extensions (a), _nf_canvas_get_extensions (a) };
  GPtrArray *to[2] = { _nf_canvas_get_metadata_extensions (out), _nf_canvas_get_extensions (out) };

  _nf_canvas_set_version (out, nf_canvas_get_version (a));
  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < from[l]->len; i++)
      g_ptr_array_add (to[l], g_strdup (g_ptr_array_index (from[l], i)));
  return out;
}

/* A total order of canvases, for putting the sides in a fixed order: the
 * notes first (cheap, and where two edited versions differ), the bytes
 * when the notes say nothing. */
static int
compare_sides (NfCanvas *a,
               NfCanvas *b)
{
  g_autoptr(GBytes) bytes_a = NULL;
  g_autoptr(GBytes) bytes_b = NULL;

  for (NfBlock bl = 0; bl < NF_N_BLOCKS; bl++)
    {
      GListModel *la = nf_canvas_get_notes (a, bl), *lb = nf_canvas_get_notes (b, bl);
      guint na = g_list_model_get_n_items (la), nb = g_list_model_get_n_items (lb);

      if (na != nb)
        return na < nb ? -1 : 1;
      for (guint i = 0; i < na; i++)
        {
          g_autoptr(NfNote) x = g_list_model_get_item (la, i);
          g_autoptr(NfNote) y = g_list_model_get_item (lb, i);
          int c = strcmp (nf_note_get_id (x), nf_note_get_id (y));

          if (c == 0)
            c = strcmp (nf_text_get (nf_note_get_text (x)), nf_text_get (nf_note_get_text (y)));
          if (c != 0)
            return c;
        }
    }
  bytes_a = _nf_canvas_serialize (a, NULL);
  bytes_b = _nf_canvas_serialize (b, NULL);
  if (bytes_a == NULL || bytes_b == NULL)
    return 0;
  return g_bytes_compare (bytes_a, bytes_b);
}

NfCanvas *
nf_merge (NfCanvas *base,
          NfCanvas *ours,
          NfCanvas *theirs,
          guint    *out_n_conflicts)
{
  NfMergeRun m = { { base, ours, theirs }, FALSE, NULL, NULL, { NULL, NULL, NULL }, NULL, NULL };
  GListModel *models[N_SIDES];
  g_autoptr(GPtrArray) list = NULL;
  NfCanvas *out;

  g_return_val_if_fail (NF_IS_CANVAS (base) && NF_IS_CANVAS (ours) && NF_IS_CANVAS (theirs),
                        NULL);

  if (compare_sides (theirs, ours) < 0)
    {
      m.canvas[SIDE_A] = theirs;
      m.canvas[SIDE_B] = ours;
      m.swapped = TRUE;
    }

  m.out = out = new_canvas_like (m.canvas[SIDE_A]);
  m.conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) _nf_conflict_free);
  m.used_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m.placed = _nf_merge_placed_new ();
  for (int s = 0; s < N_SIDES; s++)
    m.where[s] = _nf_merge_index_notes (m.canvas[s]);
  collect_ids (&m);

  merge_fields (&m);

  for (int s = 0; s < N_SIDES; s++)
    models[s] = nf_canvas_get_sources (m.canvas[s]);
  list = merge_items (&m, models, source_key, source_equal0, source_rename, NF_CONFLICT_SOURCE);
  replace_store (_nf_canvas_get_source_store (out), list);
  g_clear_pointer (&list, g_ptr_array_unref);

  for (int s = 0; s < N_SIDES; s++)
    models[s] = nf_canvas_get_rates (m.canvas[s]);
  list = merge_items (&m, models, rate_key, rate_equal0, NULL, NF_CONFLICT_RATE);
  replace_store (_nf_canvas_get_rate_store (out), list);
  g_clear_pointer (&list, g_ptr_array_unref);

  _nf_merge_notes (&m);

  for (int s = 0; s < N_SIDES; s++)
    models[s] = nf_canvas_get_tables (m.canvas[s]);
  list = merge_items_finely (&m, models, table_key, table_equal0, table_rename,
                             table_merge, NF_CONFLICT_TABLE);
  while (g_list_model_get_n_items (nf_canvas_get_tables (out)) > 0)
    _nf_canvas_remove_table_raw (out, 0);
  for (guint i = 0; i < list->len; i++)
    {
      /* Copies: the tables of the inputs stay theirs. */
      NfMetricTable *t = g_ptr_array_index (list, i);
      g_autoptr(NfMetricTable) copy = nf_metric_table_copy (t, nf_metric_table_get_id (t));

      _nf_canvas_insert_table_raw (out, i, copy);
    }
  g_clear_pointer (&list, g_ptr_array_unref);

  merge_snapshots (&m);
  merge_old_conflicts (&m);

  g_ptr_array_set_size (_nf_canvas_get_conflicts (out), 0);
  g_ptr_array_extend_and_steal (_nf_canvas_get_conflicts (out), g_steal_pointer (&m.conflicts));

  for (int s = 0; s < N_SIDES; s++)
    g_hash_table_unref (m.where[s]);
  g_hash_table_unref (m.used_ids);
  g_ptr_array_unref (m.placed);

  if (out_n_conflicts != NULL)
    *out_n_conflicts = nf_canvas_get_n_conflicts (out);
  return out;
}

GBytes *
nf_merge_bytes (GBytes             *base,
                GBytes             *ours,
                GBytes             *theirs,
                const char * const  names[3],
                guint              *out_n_conflicts,
                GError            **error)
{
  GBytes *in[N_SIDES] = { base, ours, theirs };
  NfCanvas *canvas[N_SIDES] = { NULL, NULL, NULL };
  g_autoptr(NfCanvas) merged = NULL;
  GBytes *result = NULL;

  for (int s = 0; s < N_SIDES; s++)
    {
      gsize size;
      const char *data = g_bytes_get_data (in[s], &size);

      canvas[s] = nf_canvas_load_from_data (data != NULL ? data : "", size, names[s], error);
      if (canvas[s] == NULL)
        goto out;
    }
  /* Read, so a broken side is an error even then; but a side that did not
   * change gives the other exactly as it is. */
  if (g_bytes_equal (base, theirs) || g_bytes_equal (ours, theirs))
    {
      if (out_n_conflicts != NULL)
        *out_n_conflicts = nf_canvas_get_n_conflicts (canvas[SIDE_A]);
      result = g_bytes_ref (ours);
    }
  else if (g_bytes_equal (base, ours))
    {
      if (out_n_conflicts != NULL)
        *out_n_conflicts = nf_canvas_get_n_conflicts (canvas[SIDE_B]);
      result = g_bytes_ref (theirs);
    }
  else
    {
      merged = nf_merge (canvas[BASE], canvas[SIDE_A], canvas[SIDE_B], out_n_conflicts);
      result = _nf_canvas_serialize (merged, error);
    }
out:
  for (int s = 0; s < N_SIDES; s++)
    g_clear_object (&canvas[s]);
  return result;
}
