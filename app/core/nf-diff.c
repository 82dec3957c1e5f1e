/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-diff"

#include "config.h"

#include <string.h>

#include "nf-diff-private.h"

/* Below this Jaccard score (of words without stop words and plural
 * endings, nf-diff-text.c) two notes are different ideas, not rewordings.
 * Tuned on the four cases: at 0.2 "Biggest cost driver is selling and
 * administrative expense…" meets "Biggest cost driver is cost of
 * revenue…" and "Service fees from customers… for digital marketing
 * solutions" meets "Advertising fees charged… for online marketing
 * services"; below it, pairs share one incidental word ("service
 * providers" of the internet and of photography). */
#define NEAR_THRESHOLD 0.2
/* Tokens in more notes than this say little about which note is which and
 * would make candidate generation quadratic; they are left out of the index. */
#define MAX_POSTING 64

struct _NfDiff {
  NfCanvas *canvases[NF_DIFF_MAX_CANVASES];
  guint     n_canvases;
  gboolean  versions;
  GArray   *entries;
  NfDiffMetrics *metrics;
};

typedef struct {
  NfBlock block;
  guint   index;
} Place;

static void
entry_clear (NfDiffEntry *entry)
{
  for (guint i = 0; i < NF_DIFF_MAX_CANVASES; i++)
    g_clear_object (&entry->notes[i]);
  g_clear_pointer (&entry->ops, g_ptr_array_unref);
}

static NfDiffEntry *
add_entry (NfDiff     *self,
           NfDiffKind  kind,
           NfBlock     block,
           double      score)
{
  NfDiffEntry entry = { .kind = kind, .block = block, .to_block = block, .score = score };

  g_array_append_val (self->entries, entry);
  return &g_array_index (self->entries, NfDiffEntry, self->entries->len - 1);
}

static void
set_note (NfDiffEntry *entry,
          guint        canvas,
          NfNote      *note)
{
  g_set_object (&entry->notes[canvas], note);
}

/* nf_canvas_find_note walks the blocks; a table keeps the diff linear. */
static GHashTable *
index_places (NfCanvas *canvas)
{
  GHashTable *places = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      GListModel *notes = nf_canvas_get_notes (canvas, b);
      guint n = g_list_model_get_n_items (notes);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
          Place *place = g_new (Place, 1);

          place->block = b;
          place->index = i;
          /* The canvas keeps the note, and so its id, alive. */
          g_hash_table_insert (places, (gpointer) nf_note_get_id (note), place);
        }
    }
  return places;
}

static gboolean
looks_like_versions (NfCanvas   *a,
                     NfCanvas   *b,
                     GHashTable *places_b)
{
  if (g_strcmp0 (nf_canvas_get_company (a), nf_canvas_get_company (b)) != 0)
    return FALSE;
  for (guint blk = 0; blk < NF_N_BLOCKS; blk++)
    {
      GListModel *notes = nf_canvas_get_notes (a, blk);

      for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
        {
          g_autoptr(NfNote) note = g_list_model_get_item (notes, i);

          if (g_hash_table_contains (places_b, nf_note_get_id (note)))
            return TRUE;
        }
    }
  /* Two empty canvases of one company are versions with nothing changed. */
  return nf_canvas_get_n_notes (a) == 0 && nf_canvas_get_n_notes (b) == 0;
}

/* Marks the notes that stay in place: a longest increasing run of their
 * positions in the new version (patience style, O(n log n)). */
static gboolean *
stable_marks (GArray *positions)
{
  guint n = positions->len, len = 0;
  g_autofree guint *tail = g_new (guint, n + 1);
  g_autofree guint *prev = g_new (guint, n + 1);
  gboolean *keep = g_new0 (gboolean, n + 1);

  for (guint i = 0; i < n; i++)
    {
      guint v = g_array_index (positions, guint, i), lo = 0, hi = len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (positions, guint, tail[mid]) < v)
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? tail[lo - 1] : G_MAXUINT;
      tail[lo] = i;
      if (lo == len)
        len++;
    }
  for (guint i = len > 0 ? tail[len - 1] : G_MAXUINT; i != G_MAXUINT; i = prev[i])
    keep[i] = TRUE;
  return keep;
}

static void
diff_versions (NfDiff      *self,
               GHashTable  *places_b,
               NfDiffFlags  flags)
{
  NfCanvas *a = self->canvases[0], *b = self->canvases[1];
  g_autoptr(GHashTable) places_a = index_places (a);

  for (guint blk = 0; blk < NF_N_BLOCKS; blk++)
    {
      GListModel *notes = nf_canvas_get_notes (a, blk);
      GListModel *notes_b = nf_canvas_get_notes (b, blk);
      guint n = g_list_model_get_n_items (notes);
      g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) staying = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autofree gboolean *keep = NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
          Place *place = g_hash_table_lookup (places_b, nf_note_get_id (note));
          g_autoptr(NfNote) other = NULL;

          if (place == NULL)
            {
              set_note (add_entry (self, NF_DIFF_REMOVED, blk, 0), 0, note);
              continue;
            }
          other = g_list_model_get_item (nf_canvas_get_notes (b, place->block), place->index);
          if ((guint) place->block != blk)
            {
              NfDiffEntry *entry = add_entry (self, NF_DIFF_MOVED, blk, 1);

              entry->to_block = place->block;
              set_note (entry, 0, note);
              set_note (entry, 1, other);
            }
          else
            {
              g_array_append_val (positions, place->index);
              g_array_append_val (staying, i);
            }
          if (!nf_note_equal (note, other))
            {
              const char *old_text = nf_text_get (nf_note_get_text (note));
              const char *new_text = nf_text_get (nf_note_get_text (other));
              NfDiffEntry *entry = add_entry (self, NF_DIFF_CHANGED, blk,
                                              nf_diff_similarity (old_text, new_text));

              entry->to_block = place->block;
              set_note (entry, 0, note);
              set_note (entry, 1, other);
              entry->ops = nf_diff_words (old_text, new_text);
            }
        }

      if (!(flags & NF_DIFF_FLAGS_IGNORE_REORDER))
        {
          keep = stable_marks (positions);
          for (guint k = 0; k < staying->len; k++)
            if (!keep[k])
              {
                guint i = g_array_index (staying, guint, k);
                g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
                g_autoptr(NfNote) other =
                  g_list_model_get_item (notes_b, g_array_index (positions, guint, k));
                NfDiffEntry *entry = add_entry (self, NF_DIFF_REORDERED, blk, 1);

                set_note (entry, 0, note);
                set_note (entry, 1, other);
              }
        }

      for (guint j = 0; j < g_list_model_get_n_items (notes_b); j++)
        {
          g_autoptr(NfNote) other = g_list_model_get_item (notes_b, j);

          if (!g_hash_table_contains (places_a, nf_note_get_id (other)))
            set_note (add_entry (self, NF_DIFF_ADDED, blk, 0), 1, other);
        }
    }
}

/* ---- Different companies: match by meaning ---- */

typedef struct {
  NfNote *notes[NF_DIFF_MAX_CANVASES];
  guint   n_present;
} Group;

typedef struct {
  NfNote *note;
  Group  *group;
  GArray *tokens;
} Item;

static void
item_clear (Item *item)
{
  g_clear_pointer (&item->tokens, g_array_unref);
}

/* The text compared: in a common language when the canvases differ in
 * theirs, with the tags added so that shared tags pull notes together. */
static char *
comparable_text (NfNote     *note,
                 const char *lang)
{
  NfText *text = nf_note_get_text (note);
  const char *s = lang != NULL ? nf_text_for_language (text, lang) : nf_text_get (text);
  const char * const *tags = nf_note_get_tags (note);
  GString *out = g_string_new (s);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_string_append_printf (out, " %s", tags[i]);
  return g_string_free (out, FALSE);
}

static const char *
common_language (NfDiff *self)
{
  for (guint c = 1; c < self->n_canvases; c++)
    {
      const char *x = nf_canvas_get_language (self->canvases[0]);
      const char *y = nf_canvas_get_language (self->canvases[c]);
      gsize nx = x ? strcspn (x, "-_") : 0, ny = y ? strcspn (y, "-_") : 0;

      if (nx != ny || (nx > 0 && g_ascii_strncasecmp (x, y, nx) != 0))
        return "en";
    }
  return NULL;
}

static void
link_near (NfDiff  *self,
           NfBlock  blk,
           GArray  *items[],
           guint    c,
           guint    d)
{
  GArray *target = items[d];
  g_autoptr(GHashTable) index = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  g_autofree guint *counts = g_new0 (guint, target->len + 1);
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint j = 0; j < target->len; j++)
    {
      Item *item = &g_array_index (target, Item, j);

      if (item->group->notes[c] != NULL)
        continue;
      for (guint t = 0; t < item->tokens->len; t++)
        {
          gpointer key = GUINT_TO_POINTER (g_array_index (item->tokens, guint32, t));
          GArray *posting = g_hash_table_lookup (index, key);

          if (posting == NULL)
            g_hash_table_insert (index, key, posting = g_array_new (FALSE, FALSE, sizeof (guint)));
          g_array_append_val (posting, j);
        }
    }

  for (guint i = 0; i < items[c]->len; i++)
    {
      Item *item = &g_array_index (items[c], Item, i);
      guint best = G_MAXUINT;
      double best_score = NEAR_THRESHOLD;

      if (item->group->notes[d] != NULL)
        continue;
      g_array_set_size (touched, 0);
      for (guint t = 0; t < item->tokens->len; t++)
        {
          GArray *posting = g_hash_table_lookup (index, GUINT_TO_POINTER (g_array_index (item->tokens, guint32, t)));

          if (posting == NULL || posting->len > MAX_POSTING)
            continue;
          for (guint k = 0; k < posting->len; k++)
            {
              guint j = g_array_index (posting, guint, k);

              if (counts[j]++ == 0)
                g_array_append_val (touched, j);
            }
        }
      for (guint k = 0; k < touched->len; k++)
        {
          guint j = g_array_index (touched, guint, k);
          double score = _nf_diff_jaccard (item->tokens, g_array_index (target, Item, j).tokens);

          counts[j] = 0;
          if (score > best_score || (score == best_score && j < best))
            best = j, best_score = score;
        }
      if (best != G_MAXUINT)
        {
          NfDiffEntry *entry = add_entry (self, NF_DIFF_NEAR, blk, best_score);

          set_note (entry, c, item->note);
          set_note (entry, d, g_array_index (target, Item, best).note);
        }
    }
}

static void
diff_meaning (NfDiff *self)
{
  const char *lang = common_language (self);

  for (guint blk = 0; blk < NF_N_BLOCKS; blk++)
    {
      g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
      GArray *items[NF_DIFF_MAX_CANVASES] = { NULL, };

      for (guint c = 0; c < self->n_canvases; c++)
        {
          GListModel *notes = nf_canvas_get_notes (self->canvases[c], blk);
          guint n = g_list_model_get_n_items (notes);

          items[c] = g_array_sized_new (FALSE, TRUE, sizeof (Item), n);
          g_array_set_clear_func (items[c], (GDestroyNotify) item_clear);
          for (guint i = 0; i < n; i++)
            {
              g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
              g_autofree char *text = comparable_text (note, lang);
              char *key = _nf_diff_fold (text);
              Group *group = g_hash_table_lookup (by_key, key);
              Item item = { note, NULL, NULL };

              if (group == NULL || group->notes[c] != NULL)
                {
                  group = g_new0 (Group, 1);
                  g_ptr_array_add (groups, group);
                  /* A duplicate within one canvas starts a group of its own. */
                  g_hash_table_replace (by_key, key, group);
                }
              else
                g_free (key);
              group->notes[c] = note;
              group->n_present++;
              item.group = group;
              item.tokens = _nf_diff_token_set (text);
              g_array_append_val (items[c], item);
            }
        }

      for (guint g = 0; g < groups->len; g++)
        {
          Group *group = g_ptr_array_index (groups, g);
          NfDiffKind kind;
          NfDiffEntry *entry;

          if (group->n_present == self->n_canvases)
            kind = NF_DIFF_SHARED;
          else if (group->n_present > 1)
            kind = NF_DIFF_SOME;
          else if (self->n_canvases == 2)
            kind = group->notes[0] != NULL ? NF_DIFF_REMOVED : NF_DIFF_ADDED;
          else
            kind = NF_DIFF_ONLY;
          entry = add_entry (self, kind, blk, 1);
          for (guint c = 0; c < self->n_canvases; c++)
            set_note (entry, c, group->notes[c]);
        }

      for (guint c = 0; c < self->n_canvases; c++)
        for (guint d = c + 1; d < self->n_canvases; d++)
          link_near (self, blk, items, c, d);

      for (guint c = 0; c < self->n_canvases; c++)
        g_array_unref (items[c]);
    }
}

NfDiff *
nf_diff_new (NfCanvas    **canvases,
             guint         n_canvases,
             NfDiffFlags   flags)
{
  NfDiff *self;

  g_return_val_if_fail (canvases != NULL, NULL);
  g_return_val_if_fail (n_canvases >= 2 && n_canvases <= NF_DIFF_MAX_CANVASES, NULL);

  self = g_new0 (NfDiff, 1);
  self->n_canvases = n_canvases;
  for (guint c = 0; c < n_canvases; c++)
    self->canvases[c] = g_object_ref (canvases[c]);
  self->entries = g_array_new (FALSE, TRUE, sizeof (NfDiffEntry));
  g_array_set_clear_func (self->entries, (GDestroyNotify) entry_clear);
  self->metrics = nf_diff_metrics_new (self->canvases, n_canvases);

  if (n_canvases == 2)
    {
      g_autoptr(GHashTable) places_b = index_places (canvases[1]);

      self->versions = looks_like_versions (canvases[0], canvases[1], places_b);
      if (self->versions)
        {
          diff_versions (self, places_b, flags);
          return self;
        }
    }
  diff_meaning (self);
  return self;
}

void
nf_diff_free (NfDiff *self)
{
  if (self == NULL)
    return;
  for (guint c = 0; c < self->n_canvases; c++)
    g_clear_object (&self->canvases[c]);
  g_array_unref (self->entries);
  nf_diff_metrics_free (self->metrics);
  g_free (self);
}

guint
nf_diff_get_n_canvases (const NfDiff *self)
{
  return self->n_canvases;
}

NfCanvas *
nf_diff_get_canvas (const NfDiff *self,
                    guint         index)
{
  g_return_val_if_fail (index < self->n_canvases, NULL);
  return self->canvases[index];
}

gboolean
nf_diff_is_versions (const NfDiff *self)
{
  return self->versions;
}

guint
nf_diff_get_n_entries (const NfDiff *self)
{
  return self->entries->len;
}

const NfDiffEntry *
nf_diff_get_entry (const NfDiff *self,
                   guint         index)
{
  g_return_val_if_fail (index < self->entries->len, NULL);
  return &g_array_index (self->entries, NfDiffEntry, index);
}

gboolean
nf_diff_is_same (const NfDiff *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, NfDiffEntry, i).kind != NF_DIFF_SHARED)
      return FALSE;
  return nf_diff_metrics_is_same (self->metrics);
}

const NfDiffMetrics *
nf_diff_get_metrics (const NfDiff *self)
{
  return self->metrics;
}
