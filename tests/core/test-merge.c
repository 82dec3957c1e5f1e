/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-merge"

/* The three-way merge (nf-merge.c): a few cases by hand, then its
 * properties over thousands of random edit scripts a run (seeded by
 * GTest, so `--seed` replays a failure). */

#include <ninefold.h>

#include "nf-canvas-xml-private.h"
#include "nf-merge-private.h"

#include "merge-test-util.h"

static const char * const colours[] = { NULL, "#f6d32d", "#62a0ea", "#e01b24" };

static NfNote *
add_note (NfCanvas   *canvas,
          NfBlock     block,
          const char *text)
{
  g_autofree char *id = nf_canvas_new_note_id (canvas);
  g_autoptr(NfText) t = nf_text_new (text);
  g_autoptr(NfNote) note = nf_note_new (id, t);
  g_autoptr(GError) error = NULL;

  nf_canvas_insert_note (canvas, block, g_list_model_get_n_items (nf_canvas_get_notes (canvas, block)),
                         note, &error);
  g_assert_no_error (error);
  return note;
}

static NfCanvas *
random_base (GRand *rand)
{
  NfCanvas *canvas = nf_canvas_new ();
  guint n = g_rand_int_range (rand, 0, 25);

  nf_canvas_set_company (canvas, "Company");
  nf_canvas_set_title (canvas, "Title");
  if (g_rand_boolean (rand))
    {
      g_autoptr(NfText) plain = nf_text_new ("Company");
      g_autoptr(NfText) zh = nf_text_with_translation (plain, "zh", "公司");

      _nf_canvas_set_field_translations (canvas, NF_FIELD_COMPANY, zh);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("base note %u", i);

      add_note (canvas, g_rand_int_range (rand, 0, NF_N_BLOCKS), text);
    }
  return canvas;
}

static GPtrArray *
all_notes (NfCanvas *canvas)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_object_unref);

  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    {
      GListModel *list = nf_canvas_get_notes (canvas, b);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (notes, g_list_model_get_item (list, i));
    }
  return notes;
}

/* Notes the script may touch: when `parity` is 0 or 1, only base notes
 * whose number has that parity (so two sides' scripts are disjoint). */
static gboolean
may_touch (NfNote *note,
           int     parity)
{
  const char *id = nf_note_get_id (note);

  if (parity < 0)
    return TRUE;
  return (g_ascii_strtoull (id + 1, NULL, 10) % 2) == (guint) parity;
}

/* The translated canvas fields the scripts edit. */
static const NfCanvasField translated_fields[] = { NF_FIELD_COMPANY, NF_FIELD_TITLE,
                                                   NF_FIELD_DESCRIPTION };
static const NfConflictKind translated_kinds[] = { NF_CONFLICT_COMPANY, NF_CONFLICT_TITLE,
                                                   NF_CONFLICT_DESCRIPTION };

/* Sets one language of a canvas field (as the loader would hold it). */
static void
set_field_translation (NfCanvas      *canvas,
                       NfCanvasField  field,
                       const char    *lang,
                       const char    *value)
{
  NfText *have;
  g_autoptr(NfText) plain = NULL;
  g_autoptr(NfText) next = NULL;

  if (_nf_canvas_get_field (canvas, field) == NULL)
    _nf_canvas_set_field (canvas, field, "Described");
  have = _nf_canvas_get_field_translations (canvas, field);
  plain = have != NULL ? nf_text_ref (have) : nf_text_new (_nf_canvas_get_field (canvas, field));
  next = nf_text_with_translation (plain, lang, value);
  _nf_canvas_set_field_translations (canvas, field, next);
}

/* A random edit script on `canvas`; `tag` marks the texts it writes.
 * `edited` collects the ids it changed or added; `deleted` those it
 * removed. */
static void
random_edits (GRand      *rand,
              NfCanvas   *canvas,
              const char *tag,
              int         parity,
              GHashTable *edited,
              GHashTable *deleted)
{
  guint n = g_rand_int_range (rand, 0, 6);

  for (guint e = 0; e < n; e++)
    {
      g_autoptr(GPtrArray) notes = all_notes (canvas);
      g_autoptr(GPtrArray) mine = g_ptr_array_new ();
      NfNote *note;
      guint op = g_rand_int_range (rand, 0, 7);

      for (guint i = 0; i < notes->len; i++)
        if (may_touch (notes->pdata[i], parity) &&
            !g_hash_table_contains (deleted, nf_note_get_id (notes->pdata[i])))
          g_ptr_array_add (mine, notes->pdata[i]);
      if (op == 0 || mine->len == 0)
        {
          g_autofree char *text = g_strdup_printf ("%s added %u", tag, e);
          NfBlock block = parity < 0 ? g_rand_int_range (rand, 0, NF_N_BLOCKS)
                                     : (NfBlock) (parity * 4);

          note = add_note (canvas, block, text);
          /* A fresh id may be one the script deleted. */
          g_hash_table_remove (deleted, nf_note_get_id (note));
          g_hash_table_add (edited, g_strdup (nf_note_get_id (note)));
          continue;
        }
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          /* A field's translation: disjoint scripts keep to a language each. */
          static const char * const langs[] = { "zh", "fr" };
          guint f = g_rand_int_range (rand, 0, G_N_ELEMENTS (translated_fields));
          const char *lang = parity < 0 ? langs[g_rand_int_range (rand, 0, 2)] : langs[parity];
          g_autofree char *value = g_strdup_printf ("%s %s %u", tag, lang, e);

          set_field_translation (canvas, translated_fields[f], lang, value);
          continue;
        }
      note = mine->pdata[g_rand_int_range (rand, 0, mine->len)];
      if (op != 1)
        g_hash_table_add (edited, g_strdup (nf_note_get_id (note)));
      switch (op)
        {
        case 1:
          if (g_hash_table_contains (edited, nf_note_get_id (note)))
            break;  /* a note the script made or changed stays */
          g_hash_table_add (deleted, g_strdup (nf_note_get_id (note)));
          nf_canvas_remove_note (canvas, note);
          break;
        case 2:
          {
            g_autofree char *text = g_strdup_printf ("%s text %u", tag, e);
            g_autoptr(NfText) t = nf_text_new (text);

            nf_canvas_set_note_text (canvas, note, t);
            break;
          }
        case 3:
          nf_canvas_set_note_colour (canvas, note, colours[g_rand_int_range (rand, 0, 4)]);
          break;
        case 4:
          {
            const char *tags[] = { tag, NULL };

            nf_canvas_set_note_tags (canvas, note, tags);
            break;
          }
        case 5:
          nf_canvas_move_note (canvas, note, g_rand_int_range (rand, 0, NF_N_BLOCKS),
                               g_rand_int_range (rand, 0, 2));
          break;
        default:
          {
            g_autoptr(NfText) t =
              nf_text_with_translation (nf_note_get_text (note), "en", tag);

            nf_canvas_set_note_text (canvas, note, t);
            break;
          }
        }
    }
}

static gboolean
has_text (NfCanvas   *canvas,
          const char *text)
{
  g_autoptr(GPtrArray) notes = all_notes (canvas);

  for (guint i = 0; i < notes->len; i++)
    if (g_str_equal (nf_text_get (nf_note_get_text (notes->pdata[i])), text))
      return TRUE;
  return FALSE;
}

/* Every note of `side` is in the merge, by id or (added on both sides
 * under one id) by its text — unless the other side deleted it and this
 * side left it as it was in the base. */
static void
assert_keeps (NfCanvas *base,
              NfCanvas *side,
              NfCanvas *other,
              NfCanvas *merged)
{
  g_autoptr(GPtrArray) notes = all_notes (side);

  for (guint i = 0; i < notes->len; i++)
    {
      NfNote *note = notes->pdata[i];
      const char *id = nf_note_get_id (note);
      NfBlock block_side, block_base;
      NfNote *in_base = nf_canvas_find_note (base, id, &block_base, NULL);

      nf_canvas_find_note (side, id, &block_side, NULL);
      if (in_base != NULL && nf_note_equal (in_base, note) && block_side == block_base &&
          nf_canvas_find_note (other, id, NULL, NULL) == NULL)
        continue;
      if (nf_canvas_find_note (merged, id, NULL, NULL) == NULL &&
          !has_text (merged, nf_text_get (nf_note_get_text (note))))
        g_error ("the merge lost the note %s (“%s”)", id, nf_text_get (nf_note_get_text (note)));
    }
}

static const char *
lookup0 (const NfText *text,
         const char   *lang)
{
  return text != NULL ? nf_text_lookup (text, lang) : NULL;
}

/* Every language of a translated field that `side` changed from the base
 * is in the merge as that side wrote it, or is one side of a conflict of
 * that field which carries it: never dropped silently. */
static void
assert_keeps_translations (NfCanvas *base,
                           NfCanvas *side,
                           gboolean  is_ours,
                           NfCanvas *merged)
{
  for (guint f = 0; f < G_N_ELEMENTS (translated_fields); f++)
    {
      NfText *mine = _nf_canvas_get_field_translations (side, translated_fields[f]);
      NfText *was = _nf_canvas_get_field_translations (base, translated_fields[f]);
      NfText *got = _nf_canvas_get_field_translations (merged, translated_fields[f]);

      for (guint i = 0; mine != NULL && i < nf_text_get_n_translations (mine); i++)
        {
          const char *lang;
          const char *value = nf_text_get_translation (mine, i, &lang);
          gboolean kept = FALSE;

          if (g_strcmp0 (lookup0 (was, lang), value) == 0 ||
              g_strcmp0 (lookup0 (got, lang), value) == 0)
            continue;
          for (guint k = 0; k < nf_canvas_get_n_conflicts (merged) && !kept; k++)
            {
              const NfConflict *c = nf_canvas_get_conflict (merged, k);
              const NfCell *cell = is_ours ? c->ours_cell : c->theirs_cell;

              kept = c->kind == translated_kinds[f] && cell != NULL &&
                     g_strcmp0 (lookup0 (cell->translations, lang), value) == 0;
            }
          if (!kept)
            g_error ("the merge lost %s's %s translation “%s” of field %u silently",
                     is_ours ? "ours" : "theirs", lang, value, translated_fields[f]);
        }
    }
}

/* The canvas's bytes with its conflicts' sides swapped. */
static char *
bytes_swapped (NfCanvas *canvas)
{
  GPtrArray *conflicts = _nf_canvas_get_conflicts (canvas);

  for (guint i = 0; i < conflicts->len; i++)
    {
      NfConflict *c = conflicts->pdata[i];
      char *t = c->ours;

      NfCell *cell = c->ours_cell;

      c->ours = c->theirs;
      c->theirs = t;
      c->ours_cell = c->theirs_cell;
      c->theirs_cell = cell;
    }
  return bytes_of (canvas);
}

static guint
n_runs (void)
{
  /* Fewer under the sanitizers and valgrind, which slow everything. */
  return g_getenv ("NF_TEST_SLOWDOWN") != NULL ? 400 : 3000;
}

static void
test_properties (void)
{
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());
  guint conflicts_seen = 0;

  for (guint run = 0; run < n_runs (); run++)
    {
      g_autoptr(NfCanvas) base = random_base (rand);
      g_autoptr(NfCanvas) ours = copy_canvas (base);
      g_autoptr(NfCanvas) theirs = copy_canvas (base);
      g_autoptr(NfCanvas) merged = NULL;
      g_autoptr(NfCanvas) back = NULL;
      g_autoptr(NfCanvas) same_a = NULL;
      g_autoptr(NfCanvas) same_b = NULL;
      g_autoptr(GHashTable) ours_edited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) ours_deleted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) theirs_edited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) theirs_deleted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      gboolean disjoint = run % 2 == 0;
      g_autofree char *ours_bytes = NULL;
      g_autofree char *theirs_bytes = NULL;
      g_autofree char *got = NULL;
      g_autofree char *got_back = NULL;
      g_autofree char *text = NULL;
      guint n_conflicts = 0, n_back = 0;

      random_edits (rand, ours, "ours", disjoint ? 0 : -1, ours_edited, ours_deleted);
      random_edits (rand, theirs, "theirs", disjoint ? 1 : -1, theirs_edited, theirs_deleted);
      ours_bytes = bytes_of (ours);
      theirs_bytes = bytes_of (theirs);

      /* No change on one side: the other, byte for byte. */
      same_a = nf_merge (base, ours, base, NULL);
      same_b = nf_merge (base, base, theirs, NULL);
      text = bytes_of (same_a);
      g_assert_cmpstr (text, ==, ours_bytes);
      g_clear_pointer (&text, g_free);
      text = bytes_of (same_b);
      g_assert_cmpstr (text, ==, theirs_bytes);

      /* Symmetric, up to which side a conflict names first. */
      merged = nf_merge (base, ours, theirs, &n_conflicts);
      back = nf_merge (base, theirs, ours, &n_back);
      g_assert_cmpuint (n_conflicts, ==, n_back);
      got = bytes_of (merged);
      got_back = bytes_swapped (back);
      g_assert_cmpstr (got, ==, got_back);
      conflicts_seen += n_conflicts > 0;

      /* The merge reads back as it was written. */
      {
        g_autoptr(NfCanvas) reread = copy_canvas (merged);

        g_assert_true (nf_canvas_equal (reread, merged));
      }

      /* Never loses a note either side kept. */
      assert_keeps (base, ours, theirs, merged);
      assert_keeps (base, theirs, ours, merged);
      assert_keeps_translations (base, ours, TRUE, merged);
      assert_keeps_translations (base, theirs, FALSE, merged);

      /* Disjoint edits: both applied, no conflict. */
      if (disjoint)
        {
          GHashTable *edited[2] = { ours_edited, theirs_edited };
          GHashTable *deleted[2] = { ours_deleted, theirs_deleted };
          NfCanvas *side[2] = { ours, theirs };

          g_assert_cmpuint (n_conflicts, ==, 0);
          for (guint s = 0; s < 2; s++)
            {
              GHashTableIter iter;
              gpointer id;

              g_hash_table_iter_init (&iter, edited[s]);
              while (g_hash_table_iter_next (&iter, &id, NULL))
                {
                  NfBlock want_block, got_block;
                  NfNote *want = nf_canvas_find_note (side[s], id, &want_block, NULL);
                  NfNote *have = nf_canvas_find_note (merged, id, &got_block, NULL);

                  if (want == NULL)
                    continue;  /* added, then deleted again */
                  if (have == NULL || !nf_note_equal (want, have) || want_block != got_block)
                    {
                      /* Added on both sides under one id: kept under a new one. */
                      if (nf_canvas_find_note (base, id, NULL, NULL) != NULL)
                        g_error ("run %u side %u: %s lost its edit (have %p, block %d/%d)\n%s\n---ours\n%s\n---theirs\n%s\n---merged\n%s",
                                 run, s, (char *) id, (void *) have, want_block, got_block, bytes_of (base), ours_bytes, theirs_bytes, got);
                      g_assert_true (has_text (merged, nf_text_get (nf_note_get_text (want))));
                      g_assert_null (nf_canvas_find_note (base, id, NULL, NULL));
                    }
                }
              g_hash_table_iter_init (&iter, deleted[s]);
              while (g_hash_table_iter_next (&iter, &id, NULL))
                g_assert_null (nf_canvas_find_note (merged, id, NULL, NULL));
            }
        }
    }
  /* The scripts do reach conflicts, or the symmetry check checked little. */
  g_assert_cmpuint (conflicts_seen, >, 0);
  g_rand_free (rand);
}

/* One moves a note while the other rewrites it: both, silently. */
static void
test_move_and_edit (void)
{
  g_autoptr(NfCanvas) base = nf_canvas_new ();
  g_autoptr(NfCanvas) ours = NULL;
  g_autoptr(NfCanvas) theirs = NULL;
  g_autoptr(NfCanvas) merged = NULL;
  g_autoptr(NfText) text = nf_text_new ("rewritten");
  NfNote *note;
  NfBlock block;
  guint n_conflicts = 99;

  nf_canvas_set_company (base, "C");
  nf_canvas_set_title (base, "T");
  add_note (base, NF_BLOCK_KEY_PARTNERS, "first");
  add_note (base, NF_BLOCK_KEY_PARTNERS, "second");
  ours = copy_canvas (base);
  theirs = copy_canvas (base);
  note = nf_canvas_find_note (ours, "n1", NULL, NULL);
  nf_canvas_move_note (ours, note, NF_BLOCK_CHANNELS, 0);
  note = nf_canvas_find_note (theirs, "n1", NULL, NULL);
  nf_canvas_set_note_text (theirs, note, text);
  /* And both add a note to one block. */
  add_note (ours, NF_BLOCK_COST_STRUCTURE, "ours new");
  add_note (theirs, NF_BLOCK_COST_STRUCTURE, "theirs new");

  merged = nf_merge (base, ours, theirs, &n_conflicts);
  g_assert_cmpuint (n_conflicts, ==, 0);
  note = nf_canvas_find_note (merged, "n1", &block, NULL);
  g_assert_nonnull (note);
  g_assert_cmpint (block, ==, NF_BLOCK_CHANNELS);
  g_assert_cmpstr (nf_text_get (nf_note_get_text (note)), ==, "rewritten");
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_notes (merged, NF_BLOCK_COST_STRUCTURE)),
                    ==, 2);
  g_assert_true (has_text (merged, "ours new"));
  g_assert_true (has_text (merged, "theirs new"));
}

/* Both rewrite one note: both versions, and a conflict naming them. */
static void
test_conflict_written (void)
{
  g_autoptr(NfCanvas) base = nf_canvas_new ();
  g_autoptr(NfCanvas) ours = NULL;
  g_autoptr(NfCanvas) theirs = NULL;
  g_autoptr(NfCanvas) merged = NULL;
  g_autoptr(NfCanvas) reread = NULL;
  g_autoptr(NfText) a = nf_text_new ("ours says");
  g_autoptr(NfText) b = nf_text_new ("theirs says");
  g_autofree char *xml = NULL;
  const NfConflict *c;
  guint n_conflicts = 0;

  nf_canvas_set_company (base, "C");
  nf_canvas_set_title (base, "T");
  add_note (base, NF_BLOCK_KEY_PARTNERS, "first");
  ours = copy_canvas (base);
  theirs = copy_canvas (base);
  nf_canvas_set_note_text (ours, nf_canvas_find_note (ours, "n1", NULL, NULL), a);
  nf_canvas_set_note_text (theirs, nf_canvas_find_note (theirs, "n1", NULL, NULL), b);
  nf_canvas_set_title (ours, "Ours");
  nf_canvas_set_title (theirs, "Theirs");

  merged = nf_merge (base, ours, theirs, &n_conflicts);
  g_assert_cmpuint (n_conflicts, ==, 2);
  g_assert_true (nf_canvas_has_conflict (merged, NF_CONFLICT_NOTE, "n1"));
  g_assert_true (has_text (merged, "ours says"));
  g_assert_true (has_text (merged, "theirs says"));
  xml = bytes_of (merged);
  g_assert_nonnull (strstr (xml, "<conflict kind=\"title\" ours=\"Ours\" theirs=\"Theirs\"/>"));
  reread = copy_canvas (merged);
  g_assert_cmpuint (nf_canvas_get_n_conflicts (reread), ==, 2);
  c = nf_canvas_get_conflict (reread, 1);
  g_assert_cmpint (c->kind, ==, NF_CONFLICT_NOTE);
  g_assert_cmpstr (nf_text_get (nf_note_get_text (nf_canvas_find_note (reread, c->ours, NULL, NULL))),
                   ==, "ours says");
  g_assert_cmpstr (nf_text_get (nf_note_get_text (nf_canvas_find_note (reread, c->theirs, NULL, NULL))),
                   ==, "theirs says");

  /* Deleting one version resolves it: the marker is not written again. */
  nf_canvas_remove_note (reread, nf_canvas_find_note (reread, c->theirs, NULL, NULL));
  nf_canvas_remove_note (reread, nf_canvas_find_note (reread, c->ours, NULL, NULL));
  g_clear_pointer (&xml, g_free);
  xml = bytes_of (reread);
  g_assert_null (strstr (xml, "kind=\"note\""));
  g_assert_nonnull (strstr (xml, "kind=\"title\""));
}

/* The loader's checks and limits on the markers. */
static void
test_bad_markers (void)
{
  static const char * const bad[] = {
    "<conflict kind=\"nothing\" ours=\"n1\"/>",
    "<conflict kind=\"note\"/>",
    "<conflict kind=\"note\" ours=\"1 not an id\"/>",
    "<conflict kind=\"note\" ours=\"n1\" colour=\"#000000\"/>",
    "<conflict kind=\"note\" ours=\"n1\"><note/></conflict>",
    "<note id=\"n1\"><text>x</text></note>",
  };
  static const char head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">"
    "<metadata><company>C</company><title>T</title></metadata>"
    "<block kind=\"key-partners\"/><block kind=\"key-activities\"/><block kind=\"key-resources\"/>"
    "<block kind=\"value-propositions\"/><block kind=\"customer-relationships\"/>"
    "<block kind=\"channels\"/><block kind=\"customer-segments\"/>"
    "<block kind=\"cost-structure\"/><block kind=\"revenue-streams\"/>";

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *xml = g_strconcat (head, "<conflicts>", bad[i], "</conflicts></canvas>", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(NfCanvas) canvas = nf_canvas_load_from_data (xml, strlen (xml), "bad", &error);

      g_assert_null (canvas);
      g_assert_error (error, NF_CANVAS_ERROR, NF_CANVAS_ERROR_INVALID);
    }
  {
    /* After the snapshots is too late. */
    g_autofree char *xml = g_strconcat (head, "<snapshots/><conflicts/></canvas>", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(NfCanvas) canvas = nf_canvas_load_from_data (xml, strlen (xml), "late", &error);

    g_assert_null (canvas);
  }
  {
    g_autofree char *xml = g_strconcat (head, "<conflicts><conflict kind=\"rate\" ours=\"USD CNY 7\"/>"
                                        "</conflicts></canvas>", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(NfCanvas) canvas = nf_canvas_load_from_data (xml, strlen (xml), "good", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (nf_canvas_get_n_conflicts (canvas), ==, 1);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/merge/move-and-edit", test_move_and_edit);
  g_test_add_func ("/merge/conflict-written", test_conflict_written);
  g_test_add_func ("/merge/bad-markers", test_bad_markers);
  g_test_add_func ("/merge/properties", test_properties);
  return g_test_run ();
}
