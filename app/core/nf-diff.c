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
/* How much shared tags add to the score: a note filed under all of the
 * other's tags (nf-diff-text.c) is about the same thing however its author
 * worded it, so tags alone lift a pair over the threshold. "Advertising
 * is the second major source…" and "Advertising fees charged to
 * advertisers…" share one word of nineteen but both say #advertising. */
#define TAG_WEIGHT 0.25
/* Matchings are found exactly (the Hungarian method, cubic) in groups of
 * notes linked by candidate pairs up to this many cells (notes of one
 * side times the other's); larger groups, which only come of thousands
 * of like notes, are paired best score first. */
#define EXACT_CELLS 16384
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
  GArray *tags;
} Item;

/* A candidate near match: the i-th note of one canvas's block, the j-th of
 * the other's; `root` names the group of notes linked to it. */
typedef struct {
  guint  i, j;
  guint  root;
  double score;
} Edge;

static void
item_clear (Item *item)
{
  g_clear_pointer (&item->tokens, g_array_unref);
  g_clear_pointer (&item->tags, g_array_unref);
}

/* How alike two notes are: the share of words they have in common, and
 * more when they are filed under the same tags. */
static double
near_score (const Item *a,
            const Item *b)
{
  return MIN (1.0, _nf_diff_jaccard (a->tokens, b->tokens) +
                   TAG_WEIGHT * _nf_diff_tag_overlap (a->tags, b->tags));
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

static guint
find_root (guint *parent,
           guint  x)
{
  while (parent[x] != x)
    x = parent[x] = parent[parent[x]];
  return x;
}

static int
compare_edges (gconstpointer pa,
               gconstpointer pb)
{
  const Edge *a = pa, *b = pb;

  if (a->root != b->root)
    return a->root < b->root ? -1 : 1;
  if (a->score != b->score)
    return a->score > b->score ? -1 : 1;
  if (a->i != b->i)
    return a->i < b->i ? -1 : 1;
  return (a->j > b->j) - (a->j < b->j);
}

static int
compare_edges_by_note (gconstpointer pa,
                       gconstpointer pb)
{
  const Edge *a = pa, *b = pb;

  return a->i != b->i ? (a->i > b->i) - (a->i < b->i) : (a->j > b->j) - (a->j < b->j);
}

/* The least-cost assignment of n rows to distinct ones of m >= n columns
 * (the Hungarian method with potentials, O(n²m)); cost is row-major. */
static void
hungarian (const double *cost,
           guint         n,
           guint         m,
           guint        *row_to_col)
{
  g_autofree double *u = g_new0 (double, n + 1);
  g_autofree double *v = g_new0 (double, m + 1);
  g_autofree double *minv = g_new (double, m + 1);
  g_autofree guint *p = g_new0 (guint, m + 1);
  g_autofree guint *way = g_new0 (guint, m + 1);
  g_autofree gboolean *used = g_new (gboolean, m + 1);

  for (guint i = 1; i <= n; i++)
    {
      guint j0 = 0;

      p[0] = i;
      for (guint j = 0; j <= m; j++)
        minv[j] = G_MAXDOUBLE, used[j] = FALSE;
      do
        {
          guint i0 = p[j0], j1 = 0;
          double delta = G_MAXDOUBLE;

          used[j0] = TRUE;
          for (guint j = 1; j <= m; j++)
            if (!used[j])
              {
                double cur = cost[(gsize) (i0 - 1) * m + (j - 1)] - u[i0] - v[j];

                if (cur < minv[j])
                  minv[j] = cur, way[j] = j0;
                if (minv[j] < delta)
                  delta = minv[j], j1 = j;
              }
          for (guint j = 0; j <= m; j++)
            if (used[j])
              u[p[j]] += delta, v[j] -= delta;
            else
              minv[j] -= delta;
          j0 = j1;
        }
      while (p[j0] != 0);
      do
        {
          guint j1 = way[j0];

          p[j0] = p[j1];
          j0 = j1;
        }
      while (j0 != 0);
    }
  for (guint j = 1; j <= m; j++)
    if (p[j] != 0)
      row_to_col[p[j] - 1] = j - 1;
}

/* Pairs the notes of one group exactly: the pairing of greatest total
 * score. A pair that is not a candidate costs nothing, so it stands for
 * a note left unpaired. `edges` are the group's, best first. */
static void
pair_exactly (const Edge *edges,
              guint       n_edges,
              guint       n_src,
              guint       n_tgt,
              const guint *src_local,
              const guint *tgt_local,
              GArray     *chosen)
{
  gboolean by_src = n_src <= n_tgt;
  guint rows = by_src ? n_src : n_tgt, cols = by_src ? n_tgt : n_src;
  g_autofree double *cost = g_new0 (double, (gsize) rows * cols);
  g_autofree guint *edge_at = g_new (guint, (gsize) rows * cols);
  g_autofree guint *row_to_col = g_new (guint, rows);

  for (gsize k = 0; k < (gsize) rows * cols; k++)
    edge_at[k] = G_MAXUINT;
  for (guint e = 0; e < n_edges; e++)
    {
      guint a = src_local[edges[e].i], b = tgt_local[edges[e].j];
      gsize cell = by_src ? (gsize) a * cols + b : (gsize) b * cols + a;

      cost[cell] = -edges[e].score;
      edge_at[cell] = e;
    }
  hungarian (cost, rows, cols, row_to_col);
  for (guint r = 0; r < rows; r++)
    {
      guint e = edge_at[(gsize) r * cols + row_to_col[r]];

      if (e != G_MAXUINT)
        g_array_append_val (chosen, edges[e]);
    }
}

/* Chooses near matches, each note in one at most, so that the pairing is
 * best as a whole: one at a time, the best match of the first note can be
 * the only match of a second, which is then left alone while two good
 * pairs were there. Candidates fall into groups of notes linked by them;
 * each group is paired on its own. Returns the pairs in the first
 * canvas's note order. */
static GArray *
choose_pairs (GArray *edges,
              guint   n_src,
              guint   n_tgt)
{
  GArray *chosen = g_array_new (FALSE, FALSE, sizeof (Edge));
  g_autofree guint *parent = g_new (guint, n_src + n_tgt);
  g_autofree guint *local = g_new (guint, n_src + n_tgt);
  g_autofree gboolean *taken = g_new0 (gboolean, n_src + n_tgt);

  for (guint x = 0; x < n_src + n_tgt; x++)
    parent[x] = x, local[x] = G_MAXUINT;
  for (guint e = 0; e < edges->len; e++)
    {
      Edge *edge = &g_array_index (edges, Edge, e);
      guint a = find_root (parent, edge->i), b = find_root (parent, n_src + edge->j);

      if (a != b)
        parent[MAX (a, b)] = MIN (a, b);
    }
  for (guint e = 0; e < edges->len; e++)
    {
      Edge *edge = &g_array_index (edges, Edge, e);

      edge->root = find_root (parent, edge->i);
    }
  g_array_sort (edges, compare_edges);

  for (guint start = 0, end; start < edges->len; start = end)
    {
      const Edge *group = &g_array_index (edges, Edge, start);
      guint n_a = 0, n_b = 0;

      for (end = start; end < edges->len && g_array_index (edges, Edge, end).root == group->root; end++)
        {
          const Edge *edge = &g_array_index (edges, Edge, end);

          if (local[edge->i] == G_MAXUINT)
            local[edge->i] = n_a++;
          if (local[n_src + edge->j] == G_MAXUINT)
            local[n_src + edge->j] = n_b++;
        }
      if ((guint64) n_a * n_b <= EXACT_CELLS)
        pair_exactly (group, end - start, n_a, n_b, local, local + n_src, chosen);
      else
        for (guint e = start; e < end; e++)
          {
            const Edge *edge = &g_array_index (edges, Edge, e);

            if (!taken[edge->i] && !taken[n_src + edge->j])
              {
                taken[edge->i] = taken[n_src + edge->j] = TRUE;
                g_array_append_val (chosen, *edge);
              }
          }
      for (guint e = start; e < end; e++)
        {
          const Edge *edge = &g_array_index (edges, Edge, e);

          local[edge->i] = local[n_src + edge->j] = G_MAXUINT;
        }
    }
  g_array_sort (chosen, compare_edges_by_note);
  return chosen;
}

static void
index_tokens (GHashTable *index,
              GArray     *tokens,
              guint       j)
{
  for (guint t = 0; t < tokens->len; t++)
    {
      gpointer key = GUINT_TO_POINTER (g_array_index (tokens, guint32, t));
      GArray *posting = g_hash_table_lookup (index, key);

      if (posting == NULL)
        g_hash_table_insert (index, key, posting = g_array_new (FALSE, FALSE, sizeof (guint)));
      g_array_append_val (posting, j);
    }
}

static void
touch_postings (GHashTable *index,
                GArray     *tokens,
                guint      *counts,
                GArray     *touched)
{
  for (guint t = 0; t < tokens->len; t++)
    {
      GArray *posting = g_hash_table_lookup (index, GUINT_TO_POINTER (g_array_index (tokens, guint32, t)));

      if (posting == NULL || posting->len > MAX_POSTING)
        continue;
      for (guint k = 0; k < posting->len; k++)
        {
          guint j = g_array_index (posting, guint, k);

          if (counts[j]++ == 0)
            g_array_append_val (touched, j);
        }
    }
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
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  g_autoptr(GArray) chosen = NULL;

  for (guint j = 0; j < target->len; j++)
    {
      Item *item = &g_array_index (target, Item, j);

      if (item->group->notes[c] != NULL)
        continue;
      index_tokens (index, item->tokens, j);
      index_tokens (index, item->tags, j);
    }

  for (guint i = 0; i < items[c]->len; i++)
    {
      Item *item = &g_array_index (items[c], Item, i);

      if (item->group->notes[d] != NULL)
        continue;
      g_array_set_size (touched, 0);
      touch_postings (index, item->tokens, counts, touched);
      touch_postings (index, item->tags, counts, touched);
      for (guint k = 0; k < touched->len; k++)
        {
          guint j = g_array_index (touched, guint, k);
          Edge edge = { i, j, 0, near_score (item, &g_array_index (target, Item, j)) };

          counts[j] = 0;
          if (edge.score >= NEAR_THRESHOLD)
            g_array_append_val (edges, edge);
        }
    }

  chosen = choose_pairs (edges, items[c]->len, target->len);
  for (guint k = 0; k < chosen->len; k++)
    {
      const Edge *edge = &g_array_index (chosen, Edge, k);
      NfDiffEntry *entry = add_entry (self, NF_DIFF_NEAR, blk, edge->score);

      set_note (entry, c, g_array_index (items[c], Item, edge->i).note);
      set_note (entry, d, g_array_index (target, Item, edge->j).note);
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
              item.tags = _nf_diff_tag_set (nf_note_get_tags (note));
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
