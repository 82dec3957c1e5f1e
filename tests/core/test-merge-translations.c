/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-merge-translations"

/* Translations in a merge: every translated text (the canvas's company,
 * title and description, a note's text, a table's title, a column's name,
 * a row's label) merges language by language, and the same language
 * changed two ways is a conflict; no side's translation is dropped
 * silently. */

#include <string.h>

#include <ninefold.h>

#include "nf-canvas-xml-private.h"
#include "nf-merge-private.h"
#include "nf-metric-table-private.h"

#include "merge-test-util.h"

static void
set_field_lang (NfCanvas      *canvas,
                NfCanvasField  field,
                const char    *lang,
                const char    *value)
{
  NfText *have = _nf_canvas_get_field_translations (canvas, field);
  g_autoptr(NfText) plain = have != NULL ? nf_text_ref (have)
                                         : nf_text_new (_nf_canvas_get_field (canvas, field));
  g_autoptr(NfText) next = nf_text_with_translation (plain, lang, value);

  _nf_canvas_set_field_translations (canvas, field, next);
}

static const char *
field_lang (NfCanvas      *canvas,
            NfCanvasField  field,
            const char    *lang)
{
  NfText *t = _nf_canvas_get_field_translations (canvas, field);

  return t != NULL ? nf_text_lookup (t, lang) : NULL;
}

static NfCanvas *
field_base (void)
{
  NfCanvas *base = nf_canvas_new ();

  nf_canvas_set_company (base, "Acme");
  nf_canvas_set_title (base, "Plan");
  nf_canvas_set_description (base, "What we do");
  set_field_lang (base, NF_FIELD_COMPANY, "zh", "阿克米");
  set_field_lang (base, NF_FIELD_TITLE, "zh", "计划");
  set_field_lang (base, NF_FIELD_DESCRIPTION, "zh", "我们做什么");
  return base;
}

/* The same language of a field changed two ways, its own text kept on
 * both: a conflict of the field that carries each side's translations,
 * written and read back, validated, and settled as one undoable step. */
static void
check_field_conflict (NfCanvasField  field,
                      NfConflictKind kind)
{
  g_autoptr(NfCanvas) base = field_base ();
  g_autoptr(NfCanvas) ours = copy_canvas (base);
  g_autoptr(NfCanvas) theirs = copy_canvas (base);
  g_autoptr(NfCanvas) merged = NULL;
  g_autoptr(NfCanvas) reread = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *again = NULL;
  const NfConflict *c;
  guint n = 0;

  set_field_lang (ours, field, "zh", "我们的");
  set_field_lang (theirs, field, "zh", "他们的");
  set_field_lang (theirs, field, "fr", "le leur");

  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 1);
  c = nf_canvas_get_conflict (merged, 0);
  g_assert_cmpint (c->kind, ==, kind);
  g_assert_nonnull (c->ours_cell);
  g_assert_nonnull (c->theirs_cell);
  g_assert_cmpstr (nf_text_lookup (c->ours_cell->translations, "zh"), ==, "我们的");
  g_assert_cmpstr (nf_text_lookup (c->theirs_cell->translations, "zh"), ==, "他们的");
  g_assert_cmpstr (nf_text_lookup (c->theirs_cell->translations, "fr"), ==, "le leur");

  /* Symmetric: the other way round names the sides the other way. */
  {
    g_autoptr(NfCanvas) back = nf_merge (base, theirs, ours, &n);

    g_assert_cmpuint (n, ==, 1);
    c = nf_canvas_get_conflict (back, 0);
    g_assert_cmpstr (nf_text_lookup (c->ours_cell->translations, "zh"), ==, "他们的");
  }

  /* Written with each side's translations, and read back the same. */
  xml = bytes_of (merged);
  g_assert_nonnull (strstr (xml, "<cell xml:lang=\"zh\">他们的</cell>"));
  g_assert_nonnull (strstr (xml, "<cell xml:lang=\"fr\">le leur</cell>"));
  reread = copy_canvas (merged);
  again = bytes_of (reread);
  g_assert_cmpstr (again, ==, xml);
  g_assert_true (nf_canvas_equal (reread, merged));

  /* Taking theirs gives their every language; undo brings it all back. */
  nf_canvas_resolve_conflict (reread, 0, NF_CONFLICT_TAKE_THEIRS);
  g_assert_cmpuint (nf_canvas_get_n_conflicts (reread), ==, 0);
  g_assert_cmpstr (field_lang (reread, field, "zh"), ==, "他们的");
  g_assert_cmpstr (field_lang (reread, field, "fr"), ==, "le leur");
  g_assert_true (nf_history_undo (nf_canvas_get_history (reread)));
  g_assert_cmpuint (nf_canvas_get_n_conflicts (reread), ==, 1);
  g_clear_pointer (&again, g_free);
  again = bytes_of (reread);
  g_assert_cmpstr (again, ==, xml);
  nf_canvas_resolve_conflict (reread, 0, NF_CONFLICT_TAKE_OURS);
  g_assert_cmpstr (field_lang (reread, field, "zh"), ==, "我们的");
  g_assert_null (field_lang (reread, field, "fr"));
}

static void
test_company_conflict (void)
{
  check_field_conflict (NF_FIELD_COMPANY, NF_CONFLICT_COMPANY);
}

static void
test_title_conflict (void)
{
  check_field_conflict (NF_FIELD_TITLE, NF_CONFLICT_TITLE);
}

static void
test_description_conflict (void)
{
  check_field_conflict (NF_FIELD_DESCRIPTION, NF_CONFLICT_DESCRIPTION);
}

/* Different languages on each side, or a language on one side and the
 * text on the other: both, silently. */
static void
test_fields_merge_per_language (void)
{
  g_autoptr(NfCanvas) base = field_base ();
  g_autoptr(NfCanvas) ours = copy_canvas (base);
  g_autoptr(NfCanvas) theirs = copy_canvas (base);
  g_autoptr(NfCanvas) merged = NULL;
  guint n = 1;

  set_field_lang (ours, NF_FIELD_COMPANY, "zh", "新阿克米");
  set_field_lang (theirs, NF_FIELD_COMPANY, "fr", "Acmé");
  nf_canvas_set_title (ours, "New plan");
  set_field_lang (theirs, NF_FIELD_TITLE, "zh", "新计划");

  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpstr (field_lang (merged, NF_FIELD_COMPANY, "zh"), ==, "新阿克米");
  g_assert_cmpstr (field_lang (merged, NF_FIELD_COMPANY, "fr"), ==, "Acmé");
  g_assert_cmpstr (nf_canvas_get_title (merged), ==, "New plan");
  g_assert_cmpstr (field_lang (merged, NF_FIELD_TITLE, "zh"), ==, "新计划");
}

/* The text changed two ways: the conflict carries the translations too,
 * so taking theirs does not leave our Chinese beside their English. */
static void
test_text_conflict_keeps_translations (void)
{
  g_autoptr(NfCanvas) base = field_base ();
  g_autoptr(NfCanvas) ours = copy_canvas (base);
  g_autoptr(NfCanvas) theirs = copy_canvas (base);
  g_autoptr(NfCanvas) merged = NULL;
  g_autoptr(NfCanvas) reread = NULL;
  guint n = 0;

  nf_canvas_set_company (ours, "Acme Ours");
  set_field_lang (ours, NF_FIELD_COMPANY, "zh", "我们的");
  nf_canvas_set_company (theirs, "Acme Theirs");
  set_field_lang (theirs, NF_FIELD_COMPANY, "zh", "他们的");
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 1);
  reread = copy_canvas (merged);
  nf_canvas_resolve_conflict (reread, 0, NF_CONFLICT_TAKE_THEIRS);
  g_assert_cmpstr (nf_canvas_get_company (reread), ==, "Acme Theirs");
  g_assert_cmpstr (field_lang (reread, NF_FIELD_COMPANY, "zh"), ==, "他们的");
}

/* A note's translation changed two ways: both versions of the note stay. */
static void
test_note_translation_conflict (void)
{
  g_autoptr(NfCanvas) base = nf_canvas_new ();
  g_autoptr(NfCanvas) ours = NULL;
  g_autoptr(NfCanvas) theirs = NULL;
  g_autoptr(NfCanvas) merged = NULL;
  g_autoptr(NfText) text = nf_text_new ("Cheap");
  g_autoptr(NfNote) note = nf_note_new ("n1", text);
  NfCanvas *sides[2];
  const char *zh[2] = { "便宜", "廉价" };
  guint n = 0;

  nf_canvas_set_company (base, "C");
  nf_canvas_set_title (base, "T");
  nf_canvas_insert_note (base, NF_BLOCK_VALUE_PROPOSITIONS, 0, note, NULL);
  ours = copy_canvas (base);
  theirs = copy_canvas (base);
  sides[0] = ours;
  sides[1] = theirs;
  for (guint i = 0; i < 2; i++)
    {
      NfNote *mine = nf_canvas_find_note (sides[i], "n1", NULL, NULL);
      g_autoptr(NfText) t = nf_text_with_translation (nf_note_get_text (mine), "zh", zh[i]);

      nf_canvas_set_note_text (sides[i], mine, t);
    }
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (nf_canvas_has_conflict (merged, NF_CONFLICT_NOTE, "n1"));
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_notes (merged, NF_BLOCK_VALUE_PROPOSITIONS)),
                    ==, 2);
}

/* A table's title, a column's name, a row's label (its first cell), each
 * translated two ways: a conflict, with both versions kept. */
static void
check_table_conflict (guint what)
{
  g_autoptr(NfCanvas) base = table_canvas (2, 2);
  g_autoptr(NfCanvas) ours = copy_canvas (base);
  g_autoptr(NfCanvas) theirs = copy_canvas (base);
  g_autoptr(NfCanvas) merged = NULL;
  NfCanvas *sides[2] = { ours, theirs };
  const char *zh[2] = { "我们的", "他们的" };
  g_autofree char *xml = NULL;
  guint n = 0;

  for (guint i = 0; i < 2; i++)
    {
      NfMetricTable *t = nf_canvas_find_table (sides[i], "t1", NULL);

      if (what == 0)
        {
          g_autoptr(NfText) title = nf_text_with_translation (nf_metric_table_get_title (t), "zh", zh[i]);

          nf_canvas_set_table_title (sides[i], t, title);
        }
      else if (what == 1)
        {
          const NfColumn *col = nf_metric_table_get_column (t, 1);
          g_autoptr(NfText) name = nf_text_with_translation (col->name, "zh", zh[i]);

          nf_canvas_set_table_column (sides[i], t, 1, name, col->type, col->unit);
        }
      else
        {
          NfCell cell = { 0 };
          g_autoptr(NfText) words = nf_text_new (nf_metric_table_get_cell (t, 1, 0)->text);

          _nf_cell_copy (nf_metric_table_get_cell (t, 1, 0), &cell);
          cell.translations = nf_text_with_translation (words, "zh", zh[i]);
          _nf_canvas_do (sides[i], _nf_edit_table_cell (t, 1, 0, &cell));
          _nf_cell_clear (&cell);
        }
    }
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 1);
  xml = bytes_of (merged);
  g_assert_nonnull (strstr (xml, zh[0]));
  g_assert_nonnull (strstr (xml, zh[1]));
}

static const NfText *
table_words (NfCanvas *canvas,
             guint     what)
{
  NfMetricTable *t = nf_canvas_find_table (canvas, "t1", NULL);

  if (what == 0)
    return nf_metric_table_get_title (t);
  if (what == 1)
    return nf_metric_table_get_column (t, 1)->name;
  return nf_metric_table_get_cell (t, 1, 0)->translations;
}

/* A table's title, a column's name, a row's label: one language edited on
 * each side (and a figure beside them on one side) merge silently, both
 * ways round, with every language of both sides in the one table. */
static void
test_table_words_per_language (void)
{
  for (guint what = 0; what < 3; what++)
    {
      g_autoptr(NfCanvas) base = table_canvas (2, 2);
      g_autoptr(NfCanvas) ours = NULL;
      g_autoptr(NfCanvas) theirs = NULL;

      set_table_words (base, what, 1, "zh", "原来");
      ours = copy_canvas (base);
      theirs = copy_canvas (base);
      set_table_words (ours, what, 1, "zh", "我们的");
      set_table_words (theirs, what, 1, "fr", "le leur");
      set_cell (theirs, 0, 1, "42");
      for (guint way = 0; way < 2; way++)
        {
          g_autoptr(NfCanvas) merged = way == 0 ? nf_merge (base, ours, theirs, NULL)
                                                : nf_merge (base, theirs, ours, NULL);
          const NfText *words = table_words (merged, what);

          g_assert_cmpuint (nf_canvas_get_n_conflicts (merged), ==, 0);
          g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_tables (merged)), ==, 1);
          g_assert_nonnull (words);
          g_assert_cmpstr (nf_text_lookup (words, "zh"), ==, "我们的");
          g_assert_cmpstr (nf_text_lookup (words, "fr"), ==, "le leur");
          g_assert_cmpstr (cell (merged, 0, 1), ==, "42");
          g_assert_cmpstr (cell (merged, 1, 0), ==, "r1 c0");
        }
    }
}

/* A row's label translated two ways in one language: a conflict of that
 * cell only (not the table), each side carrying its translations, and
 * taking theirs gives their every language back as one undoable step. */
static void
test_row_label_cell_conflict (void)
{
  g_autoptr(NfCanvas) base = table_canvas (2, 2);
  g_autoptr(NfCanvas) ours = copy_canvas (base);
  g_autoptr(NfCanvas) theirs = copy_canvas (base);
  g_autoptr(NfCanvas) merged = NULL;
  g_autoptr(NfCanvas) reread = NULL;
  const NfConflict *c;
  guint n = 0;

  set_table_words (ours, 2, 1, "zh", "我们的");
  set_table_words (theirs, 2, 1, "zh", "他们的");
  set_table_words (theirs, 2, 1, "fr", "le leur");
  merged = nf_merge (base, ours, theirs, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (nf_canvas_get_tables (merged)), ==, 1);
  c = nf_canvas_get_conflict (merged, 0);
  g_assert_cmpint (c->kind, ==, NF_CONFLICT_CELL);
  g_assert_cmpuint (c->row, ==, 1);
  g_assert_cmpuint (c->column, ==, 0);
  g_assert_cmpstr (nf_text_lookup (c->ours_cell->translations, "zh"), ==, "我们的");
  g_assert_cmpstr (nf_text_lookup (c->theirs_cell->translations, "zh"), ==, "他们的");
  g_assert_cmpstr (nf_text_lookup (c->theirs_cell->translations, "fr"), ==, "le leur");
  reread = copy_canvas (merged);
  nf_canvas_resolve_conflict (reread, 0, NF_CONFLICT_TAKE_THEIRS);
  g_assert_cmpstr (nf_text_lookup (table_words (reread, 2), "zh"), ==, "他们的");
  g_assert_cmpstr (nf_text_lookup (table_words (reread, 2), "fr"), ==, "le leur");
  g_assert_true (nf_history_undo (nf_canvas_get_history (reread)));
  g_assert_cmpuint (nf_canvas_get_n_conflicts (reread), ==, 1);
}

static void
test_table_title_conflict (void)
{
  check_table_conflict (0);
}

static void
test_column_name_conflict (void)
{
  check_table_conflict (1);
}

static void
test_row_label_conflict (void)
{
  check_table_conflict (2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/merge-translations/company", test_company_conflict);
  g_test_add_func ("/merge-translations/title", test_title_conflict);
  g_test_add_func ("/merge-translations/description", test_description_conflict);
  g_test_add_func ("/merge-translations/per-language", test_fields_merge_per_language);
  g_test_add_func ("/merge-translations/text-conflict", test_text_conflict_keeps_translations);
  g_test_add_func ("/merge-translations/note", test_note_translation_conflict);
  g_test_add_func ("/merge-translations/table-title", test_table_title_conflict);
  g_test_add_func ("/merge-translations/column-name", test_column_name_conflict);
  g_test_add_func ("/merge-translations/row-label", test_row_label_conflict);
  g_test_add_func ("/merge-translations/table-per-language", test_table_words_per_language);
  g_test_add_func ("/merge-translations/row-label-cell", test_row_label_cell_conflict);
  return g_test_run ();
}
