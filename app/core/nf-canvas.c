/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas"

#include "config.h"

#include <string.h>

#include "nf-i18n-private.h"

#include "nf-canvas-private.h"
#include "nf-extensions-private.h"
#include "nf-merge-private.h"
#include "nf-metric-table-private.h"
#include "nf-note-list-private.h"
#include "nf-note-private.h"
#include "nf-snapshot-private.h"
#include "nf-number.h"

struct _NfCanvas {
  GObject     parent_instance;
  char       *fields[NF_N_FIELDS];
  NfText     *field_translations[NF_N_FIELDS];
  char       *version;
  GListStore *sources;
  GListStore *rates;
  NfNoteList *notes[NF_N_BLOCKS];
  GListStore *tables;
  GListStore *snapshots;
  GHashTable *note_ids;   /* id → NfNote, for every note in a block */
  GHashTable *table_ids;  /* id → NfMetricTable */
  GPtrArray  *metadata_extensions;
  GPtrArray  *extensions;
  GPtrArray  *conflicts;  /* NfConflict, from a merge; NULL when none */
  NfHistory  *history;
  gboolean    modified;
  char       *snapshot_name;  /* made by nf_canvas_new_from_snapshot, or a version's */
};

G_DEFINE_FINAL_TYPE (NfCanvas, nf_canvas, G_TYPE_OBJECT)

G_DEFINE_QUARK (nf-canvas-error-quark, nf_canvas_error)

enum {
  PROP_0,
  PROP_COMPANY,
  PROP_TITLE,
  PROP_LABEL,
  PROP_DESCRIPTION,
  PROP_LANGUAGE,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  NOTE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
nf_canvas_dispose (GObject *object)
{
  NfCanvas *self = (NfCanvas *) object;

  g_clear_object (&self->history);
  g_clear_object (&self->sources);
  g_clear_object (&self->rates);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    g_clear_object (&self->notes[b]);
  g_clear_object (&self->tables);
  g_clear_object (&self->snapshots);
  g_clear_pointer (&self->note_ids, g_hash_table_unref);
  g_clear_pointer (&self->table_ids, g_hash_table_unref);

  G_OBJECT_CLASS (nf_canvas_parent_class)->dispose (object);
}

static void
nf_canvas_finalize (GObject *object)
{
  NfCanvas *self = (NfCanvas *) object;

  for (guint f = 0; f < NF_N_FIELDS; f++)
    {
      g_free (self->fields[f]);
      g_clear_pointer (&self->field_translations[f], nf_text_unref);
    }
  g_free (self->version);
  g_free (self->snapshot_name);
  g_clear_pointer (&self->metadata_extensions, g_ptr_array_unref);
  g_clear_pointer (&self->extensions, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);

  G_OBJECT_CLASS (nf_canvas_parent_class)->finalize (object);
}

static void
nf_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NfCanvas *self = NF_CANVAS (object);

  switch (prop_id)
    {
    case PROP_COMPANY:
    case PROP_TITLE:
    case PROP_LABEL:
    case PROP_DESCRIPTION:
    case PROP_LANGUAGE:
      g_value_set_string (value, self->fields[prop_id - PROP_COMPANY]);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_canvas_class_init (NfCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nf_canvas_dispose;
  object_class->finalize = nf_canvas_finalize;
  object_class->get_property = nf_canvas_get_property;

  properties[PROP_COMPANY] =
    g_param_spec_string ("company", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "en",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted once after every edit, undo or redo: what autosave and a
   * window's title watch. Views that draw watch the list models. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /* Emitted as a note's field changes (an edit, undo or redo), before
   * "changed": one handler for the canvas in place of a "notify" handler
   * per note, which at 100,000 notes costs more memory than the notes. */
  signals[NOTE_CHANGED] =
    g_signal_new ("note-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, NF_TYPE_NOTE);
}

static void
nf_canvas_init (NfCanvas *self)
{
  self->fields[NF_FIELD_COMPANY] = g_strdup ("");
  self->fields[NF_FIELD_TITLE] = g_strdup ("");
  self->fields[NF_FIELD_LANGUAGE] = g_strdup ("en");
  self->version = g_strdup ("1.0");
  self->sources = g_list_store_new (NF_TYPE_SOURCE);
  self->rates = g_list_store_new (NF_TYPE_RATE);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    self->notes[b] = nf_note_list_new ();
  self->tables = g_list_store_new (NF_TYPE_METRIC_TABLE);
  self->snapshots = g_list_store_new (NF_TYPE_SNAPSHOT);
  self->note_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->table_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->history = _nf_history_new (self);
}

NfCanvas *
nf_canvas_new (void)
{
  return g_object_new (NF_TYPE_CANVAS, NULL);
}

/* --- Reading --- */

const char *
nf_canvas_get_company (NfCanvas *self)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  return self->fields[NF_FIELD_COMPANY];
}

const char *
nf_canvas_get_title (NfCanvas *self)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  return self->fields[NF_FIELD_TITLE];
}

const char *
nf_canvas_get_label (NfCanvas *self)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  return self->fields[NF_FIELD_LABEL];
}

const char *
nf_canvas_get_description (NfCanvas *self)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  return self->fields[NF_FIELD_DESCRIPTION];
}

const char *
nf_canvas_get_language (NfCanvas *self)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  return self->fields[NF_FIELD_LANGUAGE];
}

static const char *
field_for_language (NfCanvas      *self,
                    NfCanvasField  field,
                    const char    *lang)
{
  NfText *tr = self->field_translations[field];

  if (tr != NULL && lang != NULL)
    {
      const char *hit = nf_text_for_language (tr, lang);

      if (hit != nf_text_get (tr))
        return hit;
    }
  return self->fields[field];
}

const char *
nf_canvas_get_company_for_language (NfCanvas   *self,
                                    const char *lang)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  return field_for_language (self, NF_FIELD_COMPANY, lang);
}

const char *
nf_canvas_get_title_for_language (NfCanvas   *self,
                                  const char *lang)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  return field_for_language (self, NF_FIELD_TITLE, lang);
}

const char *
nf_canvas_get_description_for_language (NfCanvas   *self,
                                        const char *lang)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  return field_for_language (self, NF_FIELD_DESCRIPTION, lang);
}

const char *
nf_canvas_get_version (NfCanvas *self)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  return self->version;
}

GListModel *
nf_canvas_get_sources (NfCanvas *self)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  return G_LIST_MODEL (self->sources);
}

GListModel *
nf_canvas_get_rates (NfCanvas *self)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  return G_LIST_MODEL (self->rates);
}

NfRate *
nf_canvas_find_rate (NfCanvas   *self,
                     const char *from,
                     const char *to)
{
  guint n;

  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rates));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NfRate) rate = g_list_model_get_item (G_LIST_MODEL (self->rates), i);

      const char *f = nf_rate_get_from (rate), *t = nf_rate_get_to (rate);

      if ((g_strcmp0 (f, from) == 0 && g_strcmp0 (t, to) == 0) ||
          (g_strcmp0 (f, to) == 0 && g_strcmp0 (t, from) == 0))
        return rate;  /* the store keeps it alive */
    }
  return NULL;
}

NfSource *
nf_canvas_find_source (NfCanvas   *self,
                       const char *id)
{
  guint n;

  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);

  if (id == NULL)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NfSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (g_str_equal (nf_source_get_id (source), id))
        return source;  /* the store keeps it alive */
    }
  return NULL;
}

GListModel *
nf_canvas_get_notes (NfCanvas *self,
                     NfBlock   block)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, NULL);
  return G_LIST_MODEL (self->notes[block]);
}

guint
nf_canvas_get_n_notes (NfCanvas *self)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), 0);
  return g_hash_table_size (self->note_ids);
}

static gboolean
find_in_store (GListStore *store,
               gpointer    item,
               guint      *out_index)
{
  return g_list_store_find (store, item, out_index);
}

NfNote *
nf_canvas_find_note (NfCanvas   *self,
                     const char *id,
                     NfBlock    *out_block,
                     guint      *out_index)
{
  NfNote *note;

  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);

  if (id == NULL || !(note = g_hash_table_lookup (self->note_ids, id)))
    return NULL;
  if (out_block || out_index)
    for (guint b = 0; b < NF_N_BLOCKS; b++)
      {
        guint index;

        if (nf_note_list_find (self->notes[b], note, &index))
          {
            if (out_block)
              *out_block = (NfBlock) b;
            if (out_index)
              *out_index = index;
            break;
          }
      }
  return note;
}

GListModel *
nf_canvas_get_tables (NfCanvas *self)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  return G_LIST_MODEL (self->tables);
}

NfMetricTable *
nf_canvas_find_table (NfCanvas   *self,
                      const char *id,
                      guint      *out_index)
{
  NfMetricTable *table;

  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);

  if (id == NULL || !(table = g_hash_table_lookup (self->table_ids, id)))
    return NULL;
  if (out_index)
    find_in_store (self->tables, table, out_index);
  return table;
}

GListModel *
nf_canvas_get_snapshots (NfCanvas *self)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  return G_LIST_MODEL (self->snapshots);
}

NfHistory *
nf_canvas_get_history (NfCanvas *self)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  return self->history;
}

gboolean
nf_canvas_get_modified (NfCanvas *self)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), FALSE);
  return self->modified;
}

static void
update_modified (NfCanvas *self)
{
  gboolean modified = !_nf_history_at_saved (self->history);

  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

void
nf_canvas_mark_saved (NfCanvas *self)
{
  g_return_if_fail (NF_IS_CANVAS (self));
  _nf_history_mark_saved (self->history);
  update_modified (self);
}

void
nf_canvas_mark_unsaved (NfCanvas *self)
{
  g_return_if_fail (NF_IS_CANVAS (self));
  _nf_history_mark_unsaved (self->history);
  update_modified (self);
}

static char *
new_id (GHashTable *ids,
        char        prefix)
{
  /* Counting up from the number of ids keeps this O(1) in the usual case
   * of ids numbered densely from 1. */
  for (guint n = g_hash_table_size (ids) + 1;; n++)
    {
      char *id = g_strdup_printf ("%c%u", prefix, n);

      if (!g_hash_table_contains (ids, id))
        return id;
      g_free (id);
    }
}

char *
nf_canvas_new_note_id (NfCanvas *self)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  return new_id (self->note_ids, 'n');
}

char *
nf_canvas_new_table_id (NfCanvas *self)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  return new_id (self->table_ids, 't');
}

static gboolean
stores_equal (GListModel *a,
              GListModel *b,
              GEqualFunc  equal)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) ia = g_list_model_get_item (a, i);
      g_autoptr(GObject) ib = g_list_model_get_item (b, i);

      if (!equal (ia, ib))
        return FALSE;
    }
  return TRUE;
}

static gboolean
snapshot_equal (gconstpointer pa,
                gconstpointer pb)
{
  NfSnapshot *a = (NfSnapshot *) pa, *b = (NfSnapshot *) pb;

  if (!g_str_equal (nf_snapshot_get_name (a), nf_snapshot_get_name (b)) ||
      !g_date_time_equal (nf_snapshot_get_time (a), nf_snapshot_get_time (b)) ||
      nf_snapshot_get_n_tables (a) != nf_snapshot_get_n_tables (b))
    return FALSE;
  for (guint bl = 0; bl < NF_N_BLOCKS; bl++)
    {
      guint n = nf_snapshot_get_n_notes (a, bl);

      if (n != nf_snapshot_get_n_notes (b, bl))
        return FALSE;
      for (guint i = 0; i < n; i++)
        if (!nf_note_equal (nf_snapshot_get_note (a, bl, i), nf_snapshot_get_note (b, bl, i)))
          return FALSE;
    }
  for (guint i = 0; i < nf_snapshot_get_n_tables (a); i++)
    if (!nf_metric_table_equal (nf_snapshot_get_table (a, i), nf_snapshot_get_table (b, i)))
      return FALSE;
  return TRUE;
}

static gboolean
source_equal (gconstpointer a,
              gconstpointer b)
{
  return nf_source_equal ((NfSource *) a, (NfSource *) b);
}

static gboolean
rate_equal (gconstpointer a,
            gconstpointer b)
{
  return nf_rate_equal ((NfRate *) a, (NfRate *) b);
}

static gboolean
note_equal (gconstpointer a,
            gconstpointer b)
{
  return nf_note_equal ((NfNote *) a, (NfNote *) b);
}

static gboolean
table_equal (gconstpointer a,
             gconstpointer b)
{
  return nf_metric_table_equal ((NfMetricTable *) a, (NfMetricTable *) b);
}

static gboolean
conflicts_equal (GPtrArray *a,
                 GPtrArray *b)
{
  guint n = a != NULL ? a->len : 0;

  if (n != (b != NULL ? b->len : 0))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!_nf_conflict_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

static gboolean
canvas_equal (NfCanvas *a,
              NfCanvas *b,
              gboolean  notes)
{

  for (guint f = 0; f < NF_N_FIELDS; f++)
    {
      NfText *ta = a->field_translations[f], *tb = b->field_translations[f];

      if (g_strcmp0 (a->fields[f], b->fields[f]) != 0)
        return FALSE;
      if ((ta == NULL) != (tb == NULL) || (ta != NULL && !nf_text_equal (ta, tb)))
        return FALSE;
    }
  if (!g_str_equal (a->version, b->version) ||
      !_nf_extensions_equal (a->metadata_extensions, b->metadata_extensions) ||
      !_nf_extensions_equal (a->extensions, b->extensions) ||
      !conflicts_equal (a->conflicts, b->conflicts))
    return FALSE;
  if (!stores_equal (G_LIST_MODEL (a->sources), G_LIST_MODEL (b->sources), source_equal) ||
      !stores_equal (G_LIST_MODEL (a->rates), G_LIST_MODEL (b->rates), rate_equal))
    return FALSE;
  for (guint bl = 0; notes && bl < NF_N_BLOCKS; bl++)
    if (!stores_equal (G_LIST_MODEL (a->notes[bl]), G_LIST_MODEL (b->notes[bl]), note_equal))
      return FALSE;
  return stores_equal (G_LIST_MODEL (a->tables), G_LIST_MODEL (b->tables), table_equal) &&
         stores_equal (G_LIST_MODEL (a->snapshots), G_LIST_MODEL (b->snapshots), snapshot_equal);
}

gboolean
nf_canvas_equal (NfCanvas *a,
                 NfCanvas *b)
{
  g_return_val_if_fail (NF_IS_CANVAS (a) && NF_IS_CANVAS (b), FALSE);

  return canvas_equal (a, b, TRUE);
}

/* All but the blocks' notes: a save's read-back compares those as it
 * reads them (_nf_canvas_load_from_data_full). */
gboolean
_nf_canvas_equal_but_notes (NfCanvas *a,
                            NfCanvas *b)
{
  g_assert (NF_IS_CANVAS (a) && NF_IS_CANVAS (b));

  return canvas_equal (a, b, FALSE);
}

/* --- Raw changes: no history, no "changed" --- */

const char *
_nf_canvas_get_field (NfCanvas      *self,
                      NfCanvasField  field)
{
  g_assert (NF_IS_CANVAS (self));
  g_assert (field < NF_N_FIELDS);
  return self->fields[field];
}

NfText *
_nf_canvas_get_field_translations (NfCanvas      *self,
                                   NfCanvasField  field)
{
  g_assert (NF_IS_CANVAS (self));
  g_assert (field < NF_N_FIELDS);
  return self->field_translations[field];
}

void
_nf_canvas_set_field_translations (NfCanvas      *self,
                                   NfCanvasField  field,
                                   NfText        *translations)
{
  g_assert (NF_IS_CANVAS (self));
  g_assert (field < NF_N_FIELDS);
  if (translations != NULL && nf_text_get_n_translations (translations) == 0)
    translations = NULL;
  if (translations != NULL)
    nf_text_ref (translations);
  g_clear_pointer (&self->field_translations[field], nf_text_unref);
  self->field_translations[field] = translations;
}

void
_nf_canvas_set_field (NfCanvas      *self,
                      NfCanvasField  field,
                      const char    *value)
{
  g_autofree char *clean = NULL;

  g_assert (NF_IS_CANVAS (self));
  g_assert (field < NF_N_FIELDS);

  /* Company and title always have a value, the language defaults to
   * English, and an empty label or description is no label at all. */
  clean = nf_text_clean (value, -1);
  if (field == NF_FIELD_LANGUAGE)
    {
      char *tag = nf_language_tag_normalise (clean);

      g_free (clean);
      clean = tag ? tag : g_strdup ("");
    }
  if (*clean == '\0' && field == NF_FIELD_LANGUAGE)
    {
      g_free (clean);
      clean = g_strdup ("en");
    }
  else if (*clean == '\0' && field > NF_FIELD_TITLE)
    g_clear_pointer (&clean, g_free);

  if (g_strcmp0 (self->fields[field], clean) == 0)
    return;
  g_free (self->fields[field]);
  self->fields[field] = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY + field]);
}

void
_nf_canvas_set_version (NfCanvas   *self,
                        const char *version)
{
  g_assert (NF_IS_CANVAS (self));
  g_free (self->version);
  self->version = g_strdup (version);
}

GListStore *
_nf_canvas_get_source_store (NfCanvas *self)
{
  return self->sources;
}

GListStore *
_nf_canvas_get_rate_store (NfCanvas *self)
{
  return self->rates;
}

GListStore *
_nf_canvas_get_table_store (NfCanvas *self)
{
  return self->tables;
}

GListStore *
_nf_canvas_get_snapshot_store (NfCanvas *self)
{
  return self->snapshots;
}

void
_nf_canvas_insert_note_raw (NfCanvas *self,
                            NfBlock   block,
                            guint     index,
                            NfNote   *note)
{
  g_assert (NF_IS_CANVAS (self));
  g_assert (!g_hash_table_contains (self->note_ids, nf_note_get_id (note)));

  /* The id string belongs to the note, which the store keeps alive. */
  g_hash_table_insert (self->note_ids, (gpointer) nf_note_get_id (note), note);
  nf_note_list_insert (self->notes[block], index, note);
}

void
_nf_canvas_remove_note_raw (NfCanvas *self,
                            NfBlock   block,
                            guint     index)
{
  NfNote *note = nf_note_list_peek (self->notes[block], index);

  g_assert (note != NULL);
  g_hash_table_remove (self->note_ids, nf_note_get_id (note));
  nf_note_list_remove (self->notes[block], index);
}

void
_nf_canvas_splice_notes (NfCanvas  *self,
                         NfBlock    block,
                         NfNote   **notes,
                         guint      n_notes)
{
  for (guint i = 0; i < n_notes; i++)
    g_hash_table_insert (self->note_ids, (gpointer) nf_note_get_id (notes[i]), notes[i]);
  nf_note_list_append_many (self->notes[block], notes, n_notes);
}

void
_nf_canvas_insert_table_raw (NfCanvas      *self,
                             guint          index,
                             NfMetricTable *table)
{
  g_assert (!g_hash_table_contains (self->table_ids, nf_metric_table_get_id (table)));
  g_hash_table_insert (self->table_ids, (gpointer) nf_metric_table_get_id (table), table);
  g_list_store_insert (self->tables, index, table);
}

void
_nf_canvas_remove_table_raw (NfCanvas *self,
                             guint     index)
{
  g_autoptr(NfMetricTable) table = g_list_model_get_item (G_LIST_MODEL (self->tables), index);

  g_assert (table != NULL);
  g_hash_table_remove (self->table_ids, nf_metric_table_get_id (table));
  g_list_store_remove (self->tables, index);
}

GPtrArray *
_nf_canvas_get_metadata_extensions (NfCanvas *self)
{
  if (self->metadata_extensions == NULL)
    self->metadata_extensions = g_ptr_array_new_with_free_func (g_free);
  return self->metadata_extensions;
}

GPtrArray *
_nf_canvas_get_conflicts (NfCanvas *self)
{
  if (self->conflicts == NULL)
    self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) _nf_conflict_free);
  return self->conflicts;
}

guint
nf_canvas_get_n_conflicts (NfCanvas *self)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), 0);
  return self->conflicts != NULL ? self->conflicts->len : 0;
}

const NfConflict *
nf_canvas_get_conflict (NfCanvas *self,
                        guint     index)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  g_return_val_if_fail (index < nf_canvas_get_n_conflicts (self), NULL);
  return g_ptr_array_index (self->conflicts, index);
}

GPtrArray *
_nf_canvas_get_extensions (NfCanvas *self)
{
  if (self->extensions == NULL)
    self->extensions = g_ptr_array_new_with_free_func (g_free);
  return self->extensions;
}

void
_nf_canvas_emit_note_changed (NfCanvas *self,
                              NfNote   *note)
{
  g_signal_emit (self, signals[NOTE_CHANGED], 0, note);
}

void
_nf_canvas_emit_changed (NfCanvas *self)
{
  update_modified (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_nf_canvas_do (NfCanvas *self,
               NfEdit   *edit)
{
  _nf_edit_apply (edit, self, FALSE);
  _nf_history_record (self->history, edit);
}

/* --- Edits --- */

/* Each public edit is a group, so it gets a label for the Undo menu item
 * and "changed" is emitted once it is whole. */
static void
begin (NfCanvas   *self,
       const char *label)
{
  _nf_history_begin_group (self->history, label);
}

static void
end (NfCanvas *self)
{
  if (_nf_history_end_group (self->history))
    _nf_canvas_emit_changed (self);
}

void
nf_canvas_begin_group (NfCanvas   *self,
                       const char *label)
{
  g_return_if_fail (NF_IS_CANVAS (self));
  begin (self, label);
}

void
nf_canvas_end_group (NfCanvas *self)
{
  g_return_if_fail (NF_IS_CANVAS (self));
  end (self);
}

static void
set_field (NfCanvas      *self,
           NfCanvasField  field,
           const char    *value,
           const char    *label)
{
  g_autofree char *old = g_strdup (self->fields[field]);

  _nf_canvas_set_field (self, field, value);
  if (g_strcmp0 (old, self->fields[field]) == 0)
    return;
  begin (self, label);
  _nf_history_record (self->history, _nf_edit_set_field (field, old, self->fields[field]));
  end (self);
}

void
nf_canvas_set_company (NfCanvas   *self,
                       const char *company)
{
  g_return_if_fail (NF_IS_CANVAS (self));
  set_field (self, NF_FIELD_COMPANY, company, _("Change Company"));
}

void
nf_canvas_set_title (NfCanvas   *self,
                     const char *title)
{
  g_return_if_fail (NF_IS_CANVAS (self));
  set_field (self, NF_FIELD_TITLE, title, _("Change Title"));
}

void
nf_canvas_set_label (NfCanvas   *self,
                     const char *label)
{
  g_return_if_fail (NF_IS_CANVAS (self));
  set_field (self, NF_FIELD_LABEL, label, _("Change Label"));
}

void
nf_canvas_set_description (NfCanvas   *self,
                           const char *description)
{
  g_return_if_fail (NF_IS_CANVAS (self));
  set_field (self, NF_FIELD_DESCRIPTION, description, _("Change Description"));
}

void
nf_canvas_set_language (NfCanvas   *self,
                        const char *language)
{
  g_return_if_fail (NF_IS_CANVAS (self));
  set_field (self, NF_FIELD_LANGUAGE, language, _("Change Language"));
}

static gboolean
check_source_id (NfCanvas   *self,
                 NfSource   *source,
                 NfSource   *replacing,
                 GError    **error)
{
  NfSource *other = nf_canvas_find_source (self, nf_source_get_id (source));

  if (other != NULL && other != replacing)
    {
      g_set_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_DUPLICATE,
                   _("There is already a source with the id “%s”"),
                   nf_source_get_id (source));
      return FALSE;
    }
  return TRUE;
}

gboolean
nf_canvas_insert_source (NfCanvas  *self,
                         guint      index,
                         NfSource  *source,
                         GError   **error)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (NF_IS_SOURCE (source), FALSE);

  if (!check_source_id (self, source, NULL, error))
    return FALSE;
  index = MIN (index, g_list_model_get_n_items (G_LIST_MODEL (self->sources)));
  begin (self, _("Add Source"));
  _nf_canvas_do (self, _nf_edit_insert_source (index, source, FALSE));
  end (self);
  return TRUE;
}

void
nf_canvas_remove_source (NfCanvas *self,
                         guint     index)
{
  g_autoptr(NfSource) source = NULL;

  g_return_if_fail (NF_IS_CANVAS (self));
  source = g_list_model_get_item (G_LIST_MODEL (self->sources), index);
  g_return_if_fail (source != NULL);

  begin (self, _("Remove Source"));
  _nf_canvas_do (self, _nf_edit_insert_source (index, source, TRUE));
  end (self);
}

gboolean
nf_canvas_replace_source (NfCanvas  *self,
                          guint      index,
                          NfSource  *source,
                          GError   **error)
{
  g_autoptr(NfSource) old = NULL;

  g_return_val_if_fail (NF_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (NF_IS_SOURCE (source), FALSE);
  old = g_list_model_get_item (G_LIST_MODEL (self->sources), index);
  g_return_val_if_fail (old != NULL, FALSE);

  if (!check_source_id (self, source, old, error))
    return FALSE;
  begin (self, _("Edit Source"));
  _nf_canvas_do (self, _nf_edit_replace_source (index, old, source));
  end (self);
  return TRUE;
}

static guint
rate_index (NfCanvas *self,
            NfRate   *rate)
{
  guint index = G_MAXUINT;

  g_list_store_find (self->rates, rate, &index);
  return index;
}

void
nf_canvas_set_rate (NfCanvas *self,
                    NfRate   *rate)
{
  NfRate *old;

  g_return_if_fail (NF_IS_CANVAS (self));
  g_return_if_fail (NF_IS_RATE (rate));

  old = nf_canvas_find_rate (self, nf_rate_get_from (rate), nf_rate_get_to (rate));
  if (old != NULL && nf_rate_equal (old, rate))
    return;
  begin (self, _("Set Exchange Rate"));
  if (old != NULL)
    _nf_canvas_do (self, _nf_edit_replace_rate (rate_index (self, old), old, rate));
  else
    _nf_canvas_do (self, _nf_edit_insert_rate (g_list_model_get_n_items (G_LIST_MODEL (self->rates)),
                                               rate, FALSE));
  end (self);
}

void
nf_canvas_remove_rate (NfCanvas *self,
                       guint     index)
{
  g_autoptr(NfRate) rate = NULL;

  g_return_if_fail (NF_IS_CANVAS (self));
  rate = g_list_model_get_item (G_LIST_MODEL (self->rates), index);
  g_return_if_fail (rate != NULL);

  begin (self, _("Remove Exchange Rate"));
  _nf_canvas_do (self, _nf_edit_insert_rate (index, rate, TRUE));
  end (self);
}

gboolean
nf_canvas_insert_note (NfCanvas  *self,
                       NfBlock    block,
                       guint      index,
                       NfNote    *note,
                       GError   **error)
{
  guint n;

  g_return_val_if_fail (NF_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, FALSE);
  g_return_val_if_fail (NF_IS_NOTE (note), FALSE);

  if (g_hash_table_contains (self->note_ids, nf_note_get_id (note)))
    {
      g_set_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_DUPLICATE,
                   _("There is already a note with the id “%s”"), nf_note_get_id (note));
      return FALSE;
    }
  if (g_hash_table_size (self->note_ids) >= 1000000)
    {
      g_set_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_TOO_LARGE,
                   _("A canvas can hold at most a million notes"));
      return FALSE;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->notes[block]));
  _nf_canvas_keep_live_conflicts (self, note);
  begin (self, _("Add Note"));
  _nf_canvas_do (self, _nf_edit_insert_note (block, MIN (index, n), note, FALSE));
  end (self);
  return TRUE;
}

static gboolean
locate_note (NfCanvas *self,
             NfNote   *note,
             NfBlock  *out_block,
             guint    *out_index)
{
  return nf_canvas_find_note (self, nf_note_get_id (note), out_block, out_index) == note;
}

void
nf_canvas_remove_note (NfCanvas *self,
                       NfNote   *note)
{
  NfBlock block;
  guint index;

  g_return_if_fail (NF_IS_CANVAS (self));
  g_return_if_fail (NF_IS_NOTE (note));
  g_return_if_fail (locate_note (self, note, &block, &index));

  begin (self, _("Delete Note"));
  _nf_canvas_remap_conflicts (self, FALSE, nf_note_get_id (note), 0, 0);
  _nf_canvas_do (self, _nf_edit_insert_note (block, index, note, TRUE));
  end (self);
}

void
nf_canvas_move_note (NfCanvas *self,
                     NfNote   *note,
                     NfBlock   to_block,
                     guint     to_index)
{
  NfBlock block;
  guint index, n;

  g_return_if_fail (NF_IS_CANVAS (self));
  g_return_if_fail (NF_IS_NOTE (note));
  g_return_if_fail (to_block >= 0 && to_block < NF_N_BLOCKS);
  g_return_if_fail (locate_note (self, note, &block, &index));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->notes[to_block]));
  if (to_block == block)
    n--;
  to_index = MIN (to_index, n);
  if (to_block == block && to_index == index)
    return;
  begin (self, _("Move Note"));
  _nf_canvas_do (self, _nf_edit_move_note (note, block, index, to_block, to_index));
  end (self);
}

#define NOTE_EDIT(label, make)                              \
  G_STMT_START {                                            \
    g_return_if_fail (NF_IS_CANVAS (self));                 \
    g_return_if_fail (NF_IS_NOTE (note));                   \
    g_return_if_fail (locate_note (self, note, NULL, NULL));\
    begin (self, label);                                    \
    _nf_canvas_do (self, make);                             \
    end (self);                                             \
  } G_STMT_END

void
nf_canvas_set_note_text (NfCanvas *self,
                         NfNote   *note,
                         NfText   *text)
{
  g_return_if_fail (text != NULL);
  if (nf_text_equal (nf_note_get_text (note), text))
    return;
  NOTE_EDIT (_("Edit Note"), _nf_edit_note_text (note, text));
}

void
nf_canvas_set_note_colour (NfCanvas   *self,
                           NfNote     *note,
                           const char *colour)
{
  g_autofree char *lower = NULL;

  g_return_if_fail (colour == NULL || nf_colour_is_valid (colour));
  lower = colour ? g_ascii_strdown (colour, -1) : NULL;
  if (g_strcmp0 (nf_note_get_colour (note), lower) == 0)
    return;
  NOTE_EDIT (_("Change Colour"), _nf_edit_note_colour (note, lower));
}

void
nf_canvas_set_note_tags (NfCanvas           *self,
                         NfNote             *note,
                         const char * const *tags)
{
  NOTE_EDIT (_("Change Tags"), _nf_edit_note_tags (note, tags));
}

void
nf_canvas_set_note_evidence (NfCanvas   *self,
                             NfNote     *note,
                             NfEvidence  evidence)
{
  g_return_if_fail (evidence <= NF_EVIDENCE_VALIDATED);
  if (nf_note_get_evidence (note) == evidence)
    return;
  NOTE_EDIT (_("Change Evidence"), _nf_edit_note_evidence (note, evidence));
}

void
nf_canvas_set_note_cite (NfCanvas   *self,
                         NfNote     *note,
                         const char *source_id,
                         guint       line)
{
  NOTE_EDIT (_("Change Source"), _nf_edit_note_cite (note, source_id, line, line));
}

#undef NOTE_EDIT

gboolean
nf_canvas_insert_table (NfCanvas       *self,
                        guint           index,
                        NfMetricTable  *table,
                        GError        **error)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (NF_IS_METRIC_TABLE (table), FALSE);

  if (g_hash_table_contains (self->table_ids, nf_metric_table_get_id (table)))
    {
      g_set_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_DUPLICATE,
                   _("There is already a table with the id “%s”"),
                   nf_metric_table_get_id (table));
      return FALSE;
    }
  index = MIN (index, g_list_model_get_n_items (G_LIST_MODEL (self->tables)));
  begin (self, _("Add Table"));
  _nf_canvas_do (self, _nf_edit_insert_table (index, table, FALSE));
  end (self);
  return TRUE;
}

static gboolean
locate_table (NfCanvas      *self,
              NfMetricTable *table,
              guint         *out_index)
{
  return nf_canvas_find_table (self, nf_metric_table_get_id (table), out_index) == table;
}

void
nf_canvas_remove_table (NfCanvas      *self,
                        NfMetricTable *table)
{
  guint index;

  g_return_if_fail (NF_IS_CANVAS (self));
  g_return_if_fail (NF_IS_METRIC_TABLE (table));
  g_return_if_fail (locate_table (self, table, &index));

  begin (self, _("Delete Table"));
  _nf_canvas_remap_conflicts (self, TRUE, nf_metric_table_get_id (table), 0, 0);
  _nf_canvas_do (self, _nf_edit_insert_table (index, table, TRUE));
  end (self);
}

#define TABLE_EDIT_CHECK()                                  \
  g_return_if_fail (NF_IS_CANVAS (self));                   \
  g_return_if_fail (NF_IS_METRIC_TABLE (table));            \
  g_return_if_fail (locate_table (self, table, NULL))

void
nf_canvas_set_table_title (NfCanvas      *self,
                           NfMetricTable *table,
                           NfText        *title)
{
  TABLE_EDIT_CHECK ();
  g_return_if_fail (title != NULL);

  if (nf_text_equal (nf_metric_table_get_title (table), title))
    return;
  begin (self, _("Rename Table"));
  _nf_canvas_do (self, _nf_edit_table_title (table, title));
  end (self);
}

void
nf_canvas_set_table_block (NfCanvas      *self,
                           NfMetricTable *table,
                           NfBlock        block)
{
  TABLE_EDIT_CHECK ();
  g_return_if_fail (block >= NF_BLOCK_NONE && block < NF_N_BLOCKS);

  if (nf_metric_table_get_block (table) == block)
    return;
  begin (self, _("Move Table"));
  _nf_canvas_do (self, _nf_edit_table_block (table, block));
  end (self);
}

void
nf_canvas_insert_table_row (NfCanvas           *self,
                            NfMetricTable      *table,
                            guint               row,
                            const char * const *cells)
{
  guint n;
  NfCell *parsed;

  TABLE_EDIT_CHECK ();

  n = nf_metric_table_get_n_columns (table);
  row = MIN (row, nf_metric_table_get_n_rows (table));
  parsed = g_new0 (NfCell, MAX (n, 1));
  for (guint c = 0; c < n; c++)
    {
      const char *text = "";

      if (cells != NULL && cells[c] == NULL)
        cells = NULL;  /* a short row: the rest stays empty */
      if (cells != NULL)
        text = cells[c];
      _nf_cell_init_parsed (&parsed[c], text, nf_metric_table_get_column (table, c)->type);
    }
  begin (self, _("Add Row"));
  _nf_canvas_remap_conflicts (self, TRUE, nf_metric_table_get_id (table), row + 1, 1);
  _nf_canvas_shift_conflict_rows (self, nf_metric_table_get_id (table), row, 1);
  _nf_canvas_do (self, _nf_edit_table_row (table, row, parsed, FALSE));
  end (self);
  _nf_cells_free (parsed, n);
}

void
nf_canvas_remove_table_row (NfCanvas      *self,
                            NfMetricTable *table,
                            guint          row)
{
  TABLE_EDIT_CHECK ();
  g_return_if_fail (row < nf_metric_table_get_n_rows (table));

  begin (self, _("Delete Row"));
  _nf_canvas_remap_conflicts (self, TRUE, nf_metric_table_get_id (table), row + 1, -1);
  _nf_canvas_shift_conflict_rows (self, nf_metric_table_get_id (table), row, -1);
  _nf_canvas_do (self, _nf_edit_table_row (table, row, NULL, TRUE));
  end (self);
}

void
nf_canvas_insert_table_column (NfCanvas      *self,
                               NfMetricTable *table,
                               guint          column,
                               NfText        *name,
                               NfColumnType   type,
                               const char    *unit)
{
  NfColumn def;

  TABLE_EDIT_CHECK ();
  g_return_if_fail (type <= NF_COLUMN_YEAR);

  def = (NfColumn) { name, type, (char *) ((unit && *unit) ? unit : NULL) };
  column = MIN (column, nf_metric_table_get_n_columns (table));
  begin (self, _("Add Column"));
  _nf_canvas_do (self, _nf_edit_table_column (table, column, &def, NULL, FALSE));
  end (self);
}

void
nf_canvas_remove_table_column (NfCanvas      *self,
                               NfMetricTable *table,
                               guint          column)
{
  TABLE_EDIT_CHECK ();
  g_return_if_fail (column < nf_metric_table_get_n_columns (table));

  begin (self, _("Delete Column"));
  _nf_canvas_do (self, _nf_edit_table_column (table, column, NULL, NULL, TRUE));
  end (self);
}

static void
set_cell (NfCanvas      *self,
          NfMetricTable *table,
          guint          row,
          guint          column,
          const char    *text)
{
  const NfColumn *def = nf_metric_table_get_column (table, column);
  const NfCell *old = nf_metric_table_get_cell (table, row, column);
  NfCell cell = { 0 };

  /* A cell's own type stays with it and reads its new text. */
  _nf_cell_init_parsed (&cell, text, old->has_type ? old->type : def->type);
  cell.has_type = old->has_type;
  cell.type = old->type;
  cell.unit = old->unit ? nf_text_ref (old->unit) : NULL;
  /* Translations stay with the cell, as a note's do when its text is
   * edited: losing them silently would be worse than one to look over. */
  if (old->translations != NULL)
    cell.translations = nf_text_with_primary (old->translations, cell.text);
  if (g_strcmp0 (cell.text, old->text) != 0 || cell.has_value != old->has_value ||
      (cell.has_value && memcmp (&cell.value, &old->value, sizeof (double)) != 0))
    _nf_canvas_do (self, _nf_edit_table_cell (table, row, column, &cell));
  _nf_cell_clear (&cell);
}

/* A new type reads every cell of the column again: "15%" is 0.15 in a
 * percent column but no number at all in a year column. The text stays. */
void
nf_canvas_set_table_column (NfCanvas      *self,
                            NfMetricTable *table,
                            guint          column,
                            NfText        *name,
                            NfColumnType   type,
                            const char    *unit)
{
  NfColumn def;
  gboolean retype;

  TABLE_EDIT_CHECK ();
  g_return_if_fail (column < nf_metric_table_get_n_columns (table));
  g_return_if_fail (name != NULL && type <= NF_COLUMN_YEAR);

  retype = nf_metric_table_get_column (table, column)->type != type;
  def = (NfColumn) { name, type, (char *) ((unit && *unit) ? unit : NULL) };
  begin (self, _("Change Column"));
  _nf_canvas_do (self, _nf_edit_table_set_column (table, column, &def));
  if (retype)
    for (guint r = 0; r < nf_metric_table_get_n_rows (table); r++)
      {
        g_autofree char *text = g_strdup (nf_metric_table_get_cell (table, r, column)->text);
        set_cell (self, table, r, column, text);
      }
  end (self);
}

void
nf_canvas_set_table_cell (NfCanvas      *self,
                          NfMetricTable *table,
                          guint          row,
                          guint          column,
                          const char    *text)
{
  TABLE_EDIT_CHECK ();
  g_return_if_fail (row < nf_metric_table_get_n_rows (table));
  g_return_if_fail (column < nf_metric_table_get_n_columns (table));

  begin (self, _("Edit Cell"));
  set_cell (self, table, row, column, text ? text : "");
  end (self);
}

void
nf_canvas_set_table_cell_for_language (NfCanvas      *self,
                                       NfMetricTable *table,
                                       guint          row,
                                       guint          column,
                                       const char    *lang,
                                       const char    *text)
{
  const NfCell *old;
  NfCell cell = { 0 };

  TABLE_EDIT_CHECK ();
  g_return_if_fail (row < nf_metric_table_get_n_rows (table));
  g_return_if_fail (column < nf_metric_table_get_n_columns (table));

  old = nf_metric_table_get_cell (table, row, column);
  /* Shown as written: the text itself, read again for its value. */
  if (lang == NULL || old->translations == NULL ||
      nf_text_for_language (old->translations, lang) == nf_text_get (old->translations))
    {
      nf_canvas_set_table_cell (self, table, row, column, text);
      return;
    }
  /* A translation is words for a reader; the figure stays the original's. */
  _nf_cell_copy (old, &cell);
  g_clear_pointer (&cell.translations, nf_text_unref);
  cell.translations = nf_text_edited_for_language (old->translations, lang, text ? text : "");
  if (!nf_text_equal (cell.translations, old->translations))
    {
      begin (self, _("Edit Cell"));
      _nf_canvas_do (self, _nf_edit_table_cell (table, row, column, &cell));
      end (self);
    }
  _nf_cell_clear (&cell);
}

/* The text stays as written and is read again as the new kind says:
 * "85%" is 0.85 as a percent but no number as a year. */
void
nf_canvas_set_table_cell_kind (NfCanvas      *self,
                               NfMetricTable *table,
                               guint          row,
                               guint          column,
                               gboolean       has_type,
                               NfColumnType   type,
                               const char    *unit)
{
  const NfCell *old;
  NfCell cell = { 0 };

  TABLE_EDIT_CHECK ();
  g_return_if_fail (row < nf_metric_table_get_n_rows (table));
  g_return_if_fail (column < nf_metric_table_get_n_columns (table));
  g_return_if_fail (type <= NF_COLUMN_YEAR);
  g_return_if_fail (unit == NULL || g_utf8_strlen (unit, -1) <= 64);

  old = nf_metric_table_get_cell (table, row, column);
  _nf_cell_copy (old, &cell);
  cell.has_type = has_type;
  cell.type = has_type ? type : NF_COLUMN_TEXT;
  g_clear_pointer (&cell.unit, nf_text_unref);
  /* A unit comes only with a type (the format's rule). Its translations
   * stay while the unit itself is the same; a new unit drops them, as
   * "days" no longer translates a unit changed from 天 to 月. */
  if (has_type && unit != NULL && *unit != '\0')
    cell.unit = old->unit != NULL && g_strcmp0 (nf_text_get (old->unit), unit) == 0
                  ? nf_text_ref (old->unit) : nf_text_new (unit);
  cell.has_value = nf_number_parse_for_column (cell.text, has_type ? type
                                                                   : nf_metric_table_get_column (table, column)->type,
                                               &cell.value);
  if (!cell.has_value)
    cell.value = 0;
  if (!_nf_cell_kind_equal (&cell, old) || cell.has_value != old->has_value ||
      (cell.has_value && memcmp (&cell.value, &old->value, sizeof (double)) != 0))
    {
      begin (self, _("Change Cell Type"));
      _nf_canvas_do (self, _nf_edit_table_cell (table, row, column, &cell));
      end (self);
    }
  _nf_cell_clear (&cell);
}

#undef TABLE_EDIT_CHECK

/* --- Snapshots --- */

NfSnapshot *
nf_canvas_take_snapshot (NfCanvas   *self,
                         const char *name,
                         GDateTime  *time)
{
  GPtrArray *notes[NF_N_BLOCKS];
  GPtrArray *tables;
  g_autoptr(GDateTime) now = NULL;
  NfSnapshot *snapshot;
  guint n;

  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (time == NULL)
    time = now = g_date_time_new_now_utc ();
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->notes[b]));
      notes[b] = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NfNote) note = g_list_model_get_item (G_LIST_MODEL (self->notes[b]), i);
          g_ptr_array_add (notes[b], nf_note_copy (note, NULL));
        }
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tables));
  tables = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NfMetricTable) table = g_list_model_get_item (G_LIST_MODEL (self->tables), i);
      g_ptr_array_add (tables, nf_metric_table_copy (table, NULL));
    }
  snapshot = _nf_snapshot_new (name, time, notes, tables);

  begin (self, _("Take Snapshot"));
  _nf_canvas_do (self, _nf_edit_insert_snapshot (g_list_model_get_n_items (G_LIST_MODEL (self->snapshots)),
                                                 snapshot, FALSE));
  end (self);
  g_object_unref (snapshot);  /* the store holds it */
  return snapshot;
}

void
nf_canvas_remove_snapshot (NfCanvas   *self,
                           NfSnapshot *snapshot)
{
  guint index;

  g_return_if_fail (NF_IS_CANVAS (self));
  g_return_if_fail (g_list_store_find (self->snapshots, snapshot, &index));

  begin (self, _("Delete Snapshot"));
  _nf_canvas_do (self, _nf_edit_insert_snapshot (index, snapshot, TRUE));
  end (self);
}

/* Restoring removes every note and table and inserts copies of the
 * snapshot's, all in one step, so undo gives back exactly what was there.
 * The copies are fresh objects: the snapshot itself never changes. */
void
nf_canvas_restore_snapshot (NfCanvas   *self,
                            NfSnapshot *snapshot)
{
  g_return_if_fail (NF_IS_CANVAS (self));
  g_return_if_fail (NF_IS_SNAPSHOT (snapshot));

  begin (self, _("Restore Snapshot"));
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->notes[b])); i > 0; i--)
      {
        g_autoptr(NfNote) note = g_list_model_get_item (G_LIST_MODEL (self->notes[b]), i - 1);
        _nf_canvas_do (self, _nf_edit_insert_note (b, i - 1, note, TRUE));
      }
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->tables)); i > 0; i--)
    {
      g_autoptr(NfMetricTable) table = g_list_model_get_item (G_LIST_MODEL (self->tables), i - 1);
      _nf_canvas_do (self, _nf_edit_insert_table (i - 1, table, TRUE));
    }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    for (guint i = 0; i < nf_snapshot_get_n_notes (snapshot, b); i++)
      {
        g_autoptr(NfNote) copy = nf_note_copy (nf_snapshot_get_note (snapshot, b, i), NULL);
        _nf_canvas_do (self, _nf_edit_insert_note (b, i, copy, FALSE));
      }
  for (guint i = 0; i < nf_snapshot_get_n_tables (snapshot); i++)
    {
      g_autoptr(NfMetricTable) copy = nf_metric_table_copy (nf_snapshot_get_table (snapshot, i), NULL);
      _nf_canvas_do (self, _nf_edit_insert_table (i, copy, FALSE));
    }
  end (self);
}

void
nf_canvas_restore_version (NfCanvas *self,
                           NfCanvas *version)
{
  GListModel *sources;

  g_return_if_fail (NF_IS_CANVAS (self));
  g_return_if_fail (NF_IS_CANVAS (version));
  g_return_if_fail (self != version);

  begin (self, _("Restore Version"));
  nf_canvas_set_company (self, nf_canvas_get_company (version));
  nf_canvas_set_title (self, nf_canvas_get_title (version));
  nf_canvas_set_label (self, nf_canvas_get_label (version));
  nf_canvas_set_description (self, nf_canvas_get_description (version));
  /* The version's sources, so that its notes' citations hold; sources
   * only this canvas has stay, as notes elsewhere may cite them. */
  sources = nf_canvas_get_sources (version);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(NfSource) source = g_list_model_get_item (sources, i);
      GListModel *mine = nf_canvas_get_sources (self);
      gboolean found = FALSE;

      for (guint k = 0; !found && k < g_list_model_get_n_items (mine); k++)
        {
          g_autoptr(NfSource) have = g_list_model_get_item (mine, k);

          if (g_strcmp0 (nf_source_get_id (have), nf_source_get_id (source)) == 0)
            {
              found = TRUE;
              if (!nf_source_equal (have, source))
                nf_canvas_replace_source (self, k, source, NULL);
            }
        }
      if (!found)
        nf_canvas_insert_source (self, g_list_model_get_n_items (mine), source, NULL);
    }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->notes[b])); i > 0; i--)
      {
        g_autoptr(NfNote) note = g_list_model_get_item (G_LIST_MODEL (self->notes[b]), i - 1);
        _nf_canvas_do (self, _nf_edit_insert_note (b, i - 1, note, TRUE));
      }
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->tables)); i > 0; i--)
    {
      g_autoptr(NfMetricTable) table = g_list_model_get_item (G_LIST_MODEL (self->tables), i - 1);
      _nf_canvas_do (self, _nf_edit_insert_table (i - 1, table, TRUE));
    }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (version->notes[b])); i++)
      {
        g_autoptr(NfNote) note = g_list_model_get_item (G_LIST_MODEL (version->notes[b]), i);
        g_autoptr(NfNote) copy = nf_note_copy (note, NULL);
        _nf_canvas_do (self, _nf_edit_insert_note (b, i, copy, FALSE));
      }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (version->tables)); i++)
    {
      g_autoptr(NfMetricTable) table = g_list_model_get_item (G_LIST_MODEL (version->tables), i);
      g_autoptr(NfMetricTable) copy = nf_metric_table_copy (table, NULL);
      _nf_canvas_do (self, _nf_edit_insert_table (i, copy, FALSE));
    }
  end (self);
}

NfCanvas *
nf_canvas_new_from_snapshot (NfCanvas   *self,
                             NfSnapshot *snapshot)
{
  NfCanvas *copy;
  guint n;

  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  g_return_val_if_fail (NF_IS_SNAPSHOT (snapshot), NULL);

  copy = nf_canvas_new ();
  for (guint f = 0; f < NF_N_FIELDS; f++)
    {
      _nf_canvas_set_field (copy, f, self->fields[f]);
      _nf_canvas_set_field_translations (copy, f, self->field_translations[f]);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NfSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);
      g_list_store_append (copy->sources, source);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->rates));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NfRate) rate = g_list_model_get_item (G_LIST_MODEL (self->rates), i);
      g_list_store_append (copy->rates, rate);
    }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    for (guint i = 0; i < nf_snapshot_get_n_notes (snapshot, b); i++)
      {
        g_autoptr(NfNote) note = nf_note_copy (nf_snapshot_get_note (snapshot, b, i), NULL);
        _nf_canvas_insert_note_raw (copy, b, i, note);
      }
  for (guint i = 0; i < nf_snapshot_get_n_tables (snapshot); i++)
    {
      g_autoptr(NfMetricTable) table = nf_metric_table_copy (nf_snapshot_get_table (snapshot, i), NULL);
      _nf_canvas_insert_table_raw (copy, i, table);
    }
  copy->snapshot_name = g_strdup (nf_snapshot_get_name (snapshot));
  return copy;
}

void
nf_canvas_set_version_name (NfCanvas   *self,
                            const char *name)
{
  g_return_if_fail (NF_IS_CANVAS (self));

  g_free (self->snapshot_name);
  self->snapshot_name = g_strdup (name);
}

const char *
nf_canvas_get_snapshot_name (NfCanvas *self)
{
  g_return_val_if_fail (NF_IS_CANVAS (self), NULL);
  return self->snapshot_name;
}
