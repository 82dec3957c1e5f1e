/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-deck-pointers"

#include "config.h"

#include <glib/gstdio.h>

#include <ninefold.h>

#include "nf-deck-private.h"
#include "nf-i18n-private.h"
#include "nf-render-private.h"

/* A compact card of the overview shows a note's opening words and the
 * page of its full text ("→ p. 29"), as many words as fit the lines it
 * shows. Finding them backs up from the end of those lines one place a
 * line may break at a time, each try laid out by Pango; tries the
 * card's own lines already decide (clearly too long, clearly fitting)
 * are not laid out. That must never change the words: every note of the four cases (as written, English,
 * Chinese), cut to one, two and three lines at the overview's sizes and
 * a spread of widths, gets the same opening with and without it. */

static void
test_same_as_every_try (void)
{
  static const char * const langs[] = { NULL, "en", "zh_CN" };
  static const double sizes[] = { 9, 12 };
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  guint n_compared = 0, n_chinese = 0;

  for (guint c = 0; c < 4; c++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(NfCanvas) canvas = nf_canvas_load_case (c, &error);
        g_autoptr(GObject) pango = NULL;
        NfLanguageScope scope;
        NfDeck measure = { 0 };

        g_assert_no_error (error);
        pango = G_OBJECT (nf_render_pango_context_new (langs[l]));
        measure.pango = PANGO_CONTEXT (pango);
        measure.style = style;
        measure.lang = langs[l];
        measure.canvas = canvas;
        nf_language_scope_enter (&scope, langs[l]);
        for (guint b = 0; b < NF_N_BLOCKS; b++)
          {
            GListModel *notes = nf_canvas_get_notes (canvas, (NfBlock) b);

            for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
              for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
                for (double width = 90; width <= 330; width += 30)
                  for (guint lines = 1; lines <= 3; lines++)
                    {
                      g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
                      NfDeckCard card;
                      gsize skipping, every;

                      _nf_deck_card_init (&measure, &card, note, i + 1, width, sizes[s], 9.5, lines);
                      if (card.cut)
                        {
                          _nf_deck_card_point_set_exhaustive (FALSE);
                          _nf_deck_card_point (&card, 4);
                          skipping = card.point_len;
                          _nf_deck_card_point_set_exhaustive (TRUE);
                          _nf_deck_card_point (&card, 4);
                          every = card.point_len;
                          _nf_deck_card_point_set_exhaustive (FALSE);
                          if (skipping != every)
                            g_error ("case %u, %s, block %u, note %u at %.0f pt, %.0f wide, %u lines: "
                                     "opening of %zu bytes, every try gives %zu (“%s”)",
                                     c, langs[l] ? langs[l] : "as written", b, i + 1, sizes[s], width,
                                     lines, skipping, every, pango_layout_get_text (card.text));
                          n_compared++;
                          if (g_utf8_get_char (pango_layout_get_text (card.text)) >= 0x2e80)
                            n_chinese++;
                        }
                      _nf_deck_card_clear (&card);
                    }
          }
        nf_language_scope_leave (&scope);
      }
  g_test_message ("%u openings compared, %u of them of Chinese notes", n_compared, n_chinese);
  /* Enough of both kinds that a wrong skip would show. */
  g_assert_cmpuint (n_compared, >, 10000);
  g_assert_cmpuint (n_chinese, >, 1000);
}

/* The pointers are laid out by the worker that planned their canvas,
 * once the drawing thread reaches it and knows the page its block
 * slides start at; the drawing thread only shows them. A page number
 * guessed wrong would still be drawn right (laid out late), so this
 * counts: every pointer of the cases' decks (one deck of the four, one
 * of Bitauto alone, with and without compare slides) drawn as laid out
 * ahead, none late. */
static void
test_laid_out_ahead (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nf-deck-pointers-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deck.pdf", NULL);
  guint ahead0, late0, ahead, late;

  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;
      NfDeckOptions opts;

      for (guint c = 0; c < (run == 1 ? 1u : 4u); c++)
        {
          NfCanvas *canvas = nf_canvas_load_case (c, &error);

          g_assert_no_error (error);
          g_ptr_array_add (canvases, canvas);
        }
      nf_deck_options_init (&opts);
      opts.compare = run == 2;
      _nf_deck_card_count_pointers (&ahead0, &late0);
      g_assert_true (nf_deck_export_pdf (canvases, &opts, path, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      _nf_deck_card_count_pointers (&ahead, &late);
      g_test_message ("deck %u: %u pointers laid out ahead, %u late", run, ahead - ahead0, late - late0);
      g_assert_cmpuint (ahead - ahead0, >, 5);
      g_assert_cmpuint (late - late0, ==, 0);
    }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/deck-pointers/same-as-every-try", test_same_as_every_try);
  g_test_add_func ("/deck-pointers/laid-out-ahead", test_laid_out_ahead);
  return g_test_run ();
}
