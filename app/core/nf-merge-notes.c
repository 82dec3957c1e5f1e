/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-merge"

#include "config.h"

#include <string.h>

#include "nf-canvas-private.h"
#include "nf-merge-run-private.h"
#include "nf-note-private.h"

/* The notes of a merge: each note field by field (text per language,
 * colour, tags, evidence, cite, block), then each block's order. */

typedef struct {
  NfNote  *note;
  NfBlock  block;
  guint    index;
} Where;

typedef struct {
  NfNote  *note;      /* owned: the merged version */
  NfBlock  block;
  int      side;      /* whose position it takes: SIDE_A or SIDE_B */
  char    *anchor;    /* the id it has on that side */
  gboolean after_anchor;  /* a conflict's second version: right after the first */
} Placed;

static void
placed_free (Placed *p)
{
  g_clear_object (&p->note);
  g_free (p->anchor);
  g_free (p);
}

GPtrArray *
_nf_merge_placed_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) placed_free);
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal (a, b);
}

GHashTable *
_nf_merge_index_notes (NfCanvas *canvas)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    {
      GListModel *notes = nf_canvas_get_notes (canvas, b);

      for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
        {
          NfNote *note = g_list_model_get_item (notes, i);
          Where *w = g_new0 (Where, 1);

          g_object_unref (note);  /* the store keeps it */
          w->note = note;
          w->block = b;
          w->index = i;
          g_hash_table_replace (map, (gpointer) nf_note_get_id (note), w);
        }
    }
  return map;
}

static gboolean
note_same (const Where *a,
           const Where *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->block == b->block && nf_note_equal (a->note, b->note);
}

/* One text, language by language. Sets *conflict when a language was
 * changed both ways; `prefer` says whose value the conflict takes. */
NfText *
_nf_merge_text (NfText   *base,
                NfText   *a,
                NfText   *b,
                int       prefer,
                gboolean *conflict)
{
  const NfText *t[N_SIDES] = { base, a, b };
  g_autoptr(GPtrArray) langs = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *primary[N_SIDES];
  NfText *out;
  int pick;

  for (int s = 0; s < N_SIDES; s++)
    primary[s] = nf_text_get (t[s]);
  pick = NF_MERGE3 (_nf_merge_str_eq, primary[BASE], primary[SIDE_A], primary[SIDE_B]);
  if (pick < 0)
    {
      *conflict = TRUE;
      pick = prefer;
    }
  out = nf_text_new (primary[SIDE_A + pick]);

  for (int s = SIDE_A; s <= SIDE_B; s++)
    for (guint i = 0; i < nf_text_get_n_translations (t[s]); i++)
      {
        const char *lang;

        nf_text_get_translation (t[s], i, &lang);
        if (g_hash_table_add (seen, (gpointer) lang))
          g_ptr_array_add (langs, (gpointer) lang);
      }
  for (guint i = 0; i < langs->len; i++)
    {
      const char *lang = g_ptr_array_index (langs, i);
      const char *v[N_SIDES];
      NfText *next;

      for (int s = 0; s < N_SIDES; s++)
        v[s] = nf_text_lookup (t[s], lang);
      pick = NF_MERGE3 (_nf_merge_str_eq, v[BASE], v[SIDE_A], v[SIDE_B]);
      if (pick < 0)
        {
          *conflict = TRUE;
          pick = prefer;
        }
      if (v[SIDE_A + pick] == NULL)
        continue;
      next = nf_text_with_translation (out, lang, v[SIDE_A + pick]);
      nf_text_unref (out);
      out = next;
    }
  return out;
}

/* A note changed on both sides, field by field; `prefer` (0 or 1) is the
 * side whose values the fields changed both ways take. */
static NfNote *
merge_note (const Where *w[N_SIDES],
            int          prefer,
            const char  *id,
            NfBlock     *out_block,
            gboolean    *conflict)
{
  NfNote *n[N_SIDES] = { w[BASE]->note, w[SIDE_A]->note, w[SIDE_B]->note };
  NfNote *out = nf_note_copy (n[SIDE_A + prefer], id);
  g_autoptr(NfText) text = _nf_merge_text (nf_note_get_text (n[BASE]), nf_note_get_text (n[SIDE_A]),
                                       nf_note_get_text (n[SIDE_B]), prefer, conflict);
  const char *colour[N_SIDES], *cite[N_SIDES];
  const char * const *tags[N_SIDES];
  int pick;

  _nf_note_set_text (out, text);
  for (int s = 0; s < N_SIDES; s++)
    {
      colour[s] = nf_note_get_colour (n[s]);
      tags[s] = nf_note_get_tags (n[s]);
      cite[s] = nf_note_get_cite_source (n[s]);
    }

  pick = NF_MERGE3 (_nf_merge_str_eq, colour[BASE], colour[SIDE_A], colour[SIDE_B]);
  if (pick < 0)
    *conflict = TRUE, pick = prefer;
  _nf_note_set_colour (out, colour[SIDE_A + pick]);

  pick = NF_MERGE3 (strv_equal0, tags[BASE], tags[SIDE_A], tags[SIDE_B]);
  if (pick < 0)
    *conflict = TRUE, pick = prefer;
  _nf_note_set_tags (out, tags[SIDE_A + pick]);

  pick = NF_MERGE3 (_nf_merge_int_eq, nf_note_get_evidence (n[BASE]), nf_note_get_evidence (n[SIDE_A]),
                 nf_note_get_evidence (n[SIDE_B]));
  if (pick < 0)
    *conflict = TRUE, pick = prefer;
  _nf_note_set_evidence (out, nf_note_get_evidence (n[SIDE_A + pick]));

  /* The cite is one field: its source and line together. */
  {
    gboolean same_ab = _nf_merge_str_eq (cite[SIDE_A], cite[SIDE_B]) &&
                       nf_note_get_cite_line (n[SIDE_A]) == nf_note_get_cite_line (n[SIDE_B]);
    gboolean a_base = _nf_merge_str_eq (cite[SIDE_A], cite[BASE]) &&
                      nf_note_get_cite_line (n[SIDE_A]) == nf_note_get_cite_line (n[BASE]);
    gboolean b_base = _nf_merge_str_eq (cite[SIDE_B], cite[BASE]) &&
                      nf_note_get_cite_line (n[SIDE_B]) == nf_note_get_cite_line (n[BASE]);

    pick = a_base ? 1 : b_base ? 0 : same_ab ? 0 : -1;
    if (pick < 0)
      *conflict = TRUE, pick = prefer;
    _nf_note_set_cite_range (out, cite[SIDE_A + pick], nf_note_get_cite_line (n[SIDE_A + pick]),
                             nf_note_get_cite_line_end (n[SIDE_A + pick]));
  }

  pick = NF_MERGE3 (_nf_merge_int_eq, w[BASE]->block, w[SIDE_A]->block, w[SIDE_B]->block);
  if (pick < 0)
    *conflict = TRUE, pick = prefer;
  *out_block = w[SIDE_A + pick]->block;
  return out;
}

static void
place (NfMergeRun      *m,
       NfNote     *note,
       NfBlock     block,
       int         side,
       const char *anchor,
       gboolean    after_anchor)
{
  Placed *p = g_new0 (Placed, 1);

  p->note = note;
  p->block = block;
  p->side = side;
  p->anchor = g_strdup (anchor);
  p->after_anchor = after_anchor;
  g_ptr_array_add (m->placed, p);
}

/* Decides every note's version(s) and block. */
static void
merge_notes (NfMergeRun *m)
{
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

  for (int side = SIDE_A; side <= SIDE_B; side++)
    for (NfBlock bl = 0; bl < NF_N_BLOCKS; bl++)
      {
        GListModel *notes = nf_canvas_get_notes (m->canvas[side], bl);

        for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
          {
            g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
            const char *id = nf_note_get_id (note);
            const Where *w[N_SIDES];

            if (!g_hash_table_add (done, (gpointer) id))
              continue;
            for (int s = 0; s < N_SIDES; s++)
              w[s] = g_hash_table_lookup (m->where[s], id);

            if (w[BASE] == NULL)
              {
                /* Added: once when both added the same, else both. */
                if (w[SIDE_A] != NULL)
                  place (m, nf_note_copy (w[SIDE_A]->note, id), w[SIDE_A]->block, SIDE_A, id,
                         FALSE);
                if (w[SIDE_B] != NULL && !note_same (w[SIDE_A], w[SIDE_B]))
                  {
                    g_autofree char *new_id = w[SIDE_A] != NULL ? _nf_merge_fresh_id (m, id) : g_strdup (id);

                    place (m, nf_note_copy (w[SIDE_B]->note, new_id), w[SIDE_B]->block, SIDE_B,
                           id, FALSE);
                  }
                continue;
              }
            if (w[SIDE_A] == NULL || w[SIDE_B] == NULL)
              {
                const Where *kept = w[SIDE_A] != NULL ? w[SIDE_A] : w[SIDE_B];
                int kept_side = w[SIDE_A] != NULL ? SIDE_A : SIDE_B;

                if (kept == NULL || note_same (kept, w[BASE]))
                  continue;  /* deleted on both sides, or on one and untouched */
                place (m, nf_note_copy (kept->note, id), kept->block, kept_side, id, FALSE);
                _nf_merge_add_conflict (m, NF_CONFLICT_NOTE, w[SIDE_A] != NULL ? id : NULL,
                              w[SIDE_B] != NULL ? id : NULL);
                continue;
              }
            {
              gboolean conflict = FALSE;
              NfBlock block_a, block_b;
              NfNote *a;
              int pos_side;

              /* Most notes: unchanged on a side, the other's as it is. */
              if (note_same (w[SIDE_A], w[BASE]) || note_same (w[SIDE_B], w[BASE]))
                {
                  int taken = note_same (w[SIDE_A], w[BASE]) ? SIDE_B : SIDE_A;

                  place (m, nf_note_copy (w[taken]->note, id), w[taken]->block, taken, id, FALSE);
                  continue;
                }
              a = merge_note (w, 0, id, &block_a, &conflict);
              /* Position: A's unless only B moved it. */
              pos_side = w[SIDE_A]->block == w[BASE]->block &&
                         w[SIDE_A]->index == w[BASE]->index ? SIDE_B : SIDE_A;

              if (!conflict)
                {
                  place (m, a, block_a, block_a == w[pos_side]->block ? pos_side :
                         block_a == w[SIDE_A]->block ? SIDE_A : SIDE_B, id, FALSE);
                  continue;
                }
              {
                g_autofree char *new_id = _nf_merge_fresh_id (m, id);
                NfNote *b = merge_note (w, 1, new_id, &block_b, &conflict);

                place (m, a, block_a, block_a == w[SIDE_A]->block ? SIDE_A : SIDE_B, id, FALSE);
                place (m, b, block_b, block_b == w[SIDE_B]->block ? SIDE_B : SIDE_A, id,
                       block_a == block_b);
                _nf_merge_add_conflict (m, NF_CONFLICT_NOTE, id, new_id);
              }
            }
          }
      }
}

/* The ids of a block on one side, among those in the block on all three
 * sides: whether that side reordered them. */
static gboolean
reordered (NfMergeRun   *m,
           int      side,
           NfBlock  block)
{
  GListModel *mine = nf_canvas_get_notes (m->canvas[side], block);
  GListModel *base = nf_canvas_get_notes (m->canvas[BASE], block);
  guint i = 0, j = 0;
  guint n_mine = g_list_model_get_n_items (mine), n_base = g_list_model_get_n_items (base);

  /* Walks both lists over the notes each has in common with the other. */
  for (;;)
    {
      g_autoptr(NfNote) x = NULL;
      g_autoptr(NfNote) y = NULL;
      const Where *wx = NULL, *wy = NULL;

      for (; i < n_mine; i++)
        {
          g_clear_object (&x);
          x = g_list_model_get_item (mine, i);
          wx = g_hash_table_lookup (m->where[BASE], nf_note_get_id (x));
          if (wx != NULL && wx->block == block)
            break;
        }
      for (; j < n_base; j++)
        {
          g_clear_object (&y);
          y = g_list_model_get_item (base, j);
          wy = g_hash_table_lookup (m->where[side], nf_note_get_id (y));
          if (wy != NULL && wy->block == block)
            break;
        }
      if (i >= n_mine || j >= n_base)
        return (i < n_mine) != (j < n_base);
      if (!g_str_equal (nf_note_get_id (x), nf_note_get_id (y)))
        return TRUE;
      i++, j++;
    }
}

static guint
index_of_id (GPtrArray  *list,
             const char *id)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (nf_note_get_id (((Placed *) g_ptr_array_index (list, i))->note), id))
      return i;
  return G_MAXUINT;
}

/* Orders each block: the skeleton is A's order, or B's when only B
 * reordered it; every other note goes after the nearest note before it on
 * its own side that is already there. */
static void
order_block (NfMergeRun     *m,
             NfBlock    block,
             GPtrArray *into)
{
  int skeleton = reordered (m, SIDE_A, block) || !reordered (m, SIDE_B, block) ? SIDE_A : SIDE_B;
  GListModel *seq = nf_canvas_get_notes (m->canvas[skeleton], block);
  g_autoptr(GHashTable) by_anchor = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) in = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) in_ids = g_hash_table_new (g_str_hash, g_str_equal);

  /* First versions by the id they have on their side; when both sides
   * added one id, the skeleton's. */
  for (guint i = 0; i < m->placed->len; i++)
    {
      Placed *p = g_ptr_array_index (m->placed, i);
      Placed *there;

      if (p->block != block || p->after_anchor)
        continue;
      there = g_hash_table_lookup (by_anchor, p->anchor);
      if (there == NULL || (there->side != skeleton && p->side == skeleton))
        g_hash_table_insert (by_anchor, p->anchor, p);
    }
  for (guint i = 0; i < g_list_model_get_n_items (seq); i++)
    {
      g_autoptr(NfNote) note = g_list_model_get_item (seq, i);
      Placed *p = g_hash_table_lookup (by_anchor, nf_note_get_id (note));

      if (p != NULL)
        {
          g_ptr_array_add (into, p);
          g_hash_table_add (in, p);
          g_hash_table_add (in_ids, (gpointer) nf_note_get_id (p->note));
        }
    }
  for (guint i = 0; i < m->placed->len; i++)
    {
      Placed *p = g_ptr_array_index (m->placed, i);
      GListModel *own;
      guint at = 0;
      const Where *w;

      if (p->block != block || g_hash_table_contains (in, p))
        continue;
      own = nf_canvas_get_notes (m->canvas[p->side], block);
      w = g_hash_table_lookup (m->where[p->side], p->anchor);
      if (p->after_anchor)
        {
          guint k = index_of_id (into, p->anchor);

          at = k != G_MAXUINT ? k + 1 : into->len;
        }
      else if (w != NULL && w->block == block)
        {
          for (guint k = w->index; k-- > 0;)
            {
              g_autoptr(NfNote) before = g_list_model_get_item (own, k);

              if (g_hash_table_contains (in_ids, nf_note_get_id (before)))
                {
                  at = index_of_id (into, nf_note_get_id (before)) + 1;
                  break;
                }
            }
        }
      else
        at = into->len;
      /* After the conflicts' second versions already there. */
      while (at < into->len && ((Placed *) g_ptr_array_index (into, at))->after_anchor)
        at++;
      g_ptr_array_insert (into, at, p);
      g_hash_table_add (in, p);
      g_hash_table_add (in_ids, (gpointer) nf_note_get_id (p->note));
    }
}

static void
write_notes (NfMergeRun *m)
{
  /* All out first: a note may come back under its id in another block. */
  for (NfBlock bl = 0; bl < NF_N_BLOCKS; bl++)
    while (g_list_model_get_n_items (nf_canvas_get_notes (m->out, bl)) > 0)
      _nf_canvas_remove_note_raw (m->out, bl,
                                  g_list_model_get_n_items (nf_canvas_get_notes (m->out, bl)) - 1);
  for (NfBlock bl = 0; bl < NF_N_BLOCKS; bl++)
    {
      g_autoptr(GPtrArray) order = g_ptr_array_new ();
      g_autofree NfNote **notes = NULL;

      order_block (m, bl, order);
      notes = g_new (NfNote *, order->len + 1);
      for (guint i = 0; i < order->len; i++)
        notes[i] = ((Placed *) g_ptr_array_index (order, i))->note;
      _nf_canvas_splice_notes (m->out, bl, notes, order->len);
    }
}

void
_nf_merge_notes (NfMergeRun *m)
{
  merge_notes (m);
  write_notes (m);
}
