/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-fonts"

/* Latin text is set in a Latin face and Chinese in the CJK face: a CJK
 * face covers Latin punctuation too, with full-width shapes, so "’" taken
 * from it reads "Bitauto’ s". */

#include "config.h"

#include <string.h>

#include <ninefold.h>
#include <nf-render.h>
#include <pango/pangocairo.h>

#ifdef NF_TEST_FONTCONFIG
#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#endif

#define APOSTROPHE "Bitauto’s"
#define CJK_FAMILY "Noto Sans CJK SC"

/* The family of the face that draws the character at byte index. */
static char *
family_at (PangoLayout *layout,
           int          index)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  char *family = NULL;

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run != NULL && index >= run->item->offset && index < run->item->offset + run->item->length)
        {
          g_autoptr(PangoFontDescription) desc = pango_font_describe (run->item->analysis.font);

          family = g_strdup (pango_font_description_get_family (desc));
          break;
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  g_assert_nonnull (family);
  return family;
}

static gboolean
is_cjk_face (const char *family)
{
  return strstr (family, "CJK") != NULL;
}

/* In the canvas font: the letters and the apostrophe of "Bitauto’s" come
 * from one Latin face; Han characters beside them from the SC face. */
static void
check_text (PangoContext *context,
            const char   *family)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (family);
  const char *text = APOSTROPHE " 数跑科技";
  int apostrophe = (int) (strstr (text, "’") - text);
  int han = (int) (strstr (text, "数") - text);
  g_autofree char *letters = NULL;
  g_autofree char *mark = NULL;
  g_autofree char *chinese = NULL;

  pango_font_description_set_family (desc, family);
  pango_font_description_set_size (desc, 10 * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  letters = family_at (layout, 0);
  mark = family_at (layout, apostrophe);
  chinese = family_at (layout, han);
  g_test_message ("%s: B in %s, ’ in %s, 数 in %s", pango_language_to_string (pango_context_get_language (context)),
                  letters, mark, chinese);
  g_assert_false (is_cjk_face (letters));
  g_assert_false (is_cjk_face (mark));
  g_assert_cmpstr (mark, ==, letters);
  g_assert_cmpstr (chinese, ==, CJK_FAMILY);
}

/* The contexts the renderer makes, untagged and tagged Chinese. */
static void
test_contexts (void)
{
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  const char *langs[] = { NULL, "en", "zh-CN", "zh" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      PangoContext *context = nf_render_pango_context_new (langs[i]);

      check_text (context, style->font_family);
      g_object_unref (context);
    }
}

/* A card of the grid, as drawn in the window and the decks. */
static void
test_card (void)
{
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autoptr(GObject) context = G_OBJECT (nf_render_pango_context_new ("en"));
  g_autoptr(NfText) text = nf_text_new ("Bitauto’s dealers pay for leads");
  g_autoptr(NfNote) note = nf_note_new ("n1", text);
  g_autoptr(NfCardLayout) card = nf_card_layout_new (PANGO_CONTEXT (context), note, NULL);
  PangoLayout *layout;
  g_autofree char *letters = NULL;
  g_autofree char *mark = NULL;

  nf_card_layout_apply (card, style, 300, style->base_font_size, 0);
  layout = nf_card_layout_get_text_layout (card);
  g_assert_nonnull (layout);
  letters = family_at (layout, 0);
  mark = family_at (layout, (int) (strstr (pango_layout_get_text (layout), "’") - pango_layout_get_text (layout)));
  g_assert_false (is_cjk_face (mark));
  g_assert_cmpstr (mark, ==, letters);
}

/* A canvas's own text is tagged with its language, not the reader's. */
static void
test_grid_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (0, &error);
  g_autoptr(NfGridLayout) layout = NULL;
  PangoContext *context;

  g_assert_no_error (error);
  nf_canvas_set_language (canvas, "zh-CN");
  layout = nf_grid_layout_new (canvas, NULL, NULL);
  context = nf_grid_layout_get_pango_context (layout);
  g_assert_cmpstr (pango_language_to_string (pango_context_get_language (context)), ==, "zh-cn");
  nf_grid_layout_set_language (layout, "en");
  context = nf_grid_layout_get_pango_context (layout);
  g_assert_cmpstr (pango_language_to_string (pango_context_get_language (context)), ==, "en");
}

#ifdef NF_TEST_FONTCONFIG
/* The file of the face named so on this machine, or NULL. */
static char *
font_file (const char *family)
{
  FcPattern *pattern = FcPatternBuild (NULL, FC_FAMILY, FcTypeString, family, NULL);
  FcObjectSet *objects = FcObjectSetBuild (FC_FILE, FC_FAMILY, NULL);
  FcFontSet *set = FcFontList (NULL, pattern, objects);
  char *file = NULL;

  for (int i = 0; set != NULL && i < set->nfont && file == NULL; i++)
    {
      FcChar8 *path;

      if (FcPatternGetString (set->fonts[i], FC_FILE, 0, &path) == FcResultMatch)
        file = g_strdup ((const char *) path);
    }
  if (set != NULL)
    FcFontSetDestroy (set);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
  return file;
}

/* A machine with only the fonts of a bare Debian install (DejaVu) and
 * the CJK face: neither Cantarell nor Noto Sans. The apostrophe must
 * still come from a Latin face, which the order of the family list
 * decides. */
static void
test_without_cantarell (void)
{
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  g_autofree char *dejavu = font_file ("DejaVu Sans");
  g_autofree char *cjk = font_file (CJK_FAMILY);
  g_autoptr(PangoFontMap) map = NULL;
  g_autoptr(GObject) context = NULL;
  FcConfig *config;

  if (dejavu == NULL || cjk == NULL)
    {
      g_test_skip ("DejaVu Sans or " CJK_FAMILY " is not installed");
      return;
    }
  config = FcConfigCreate ();
  g_assert_true (FcConfigAppFontAddFile (config, (const FcChar8 *) dejavu));
  g_assert_true (FcConfigAppFontAddFile (config, (const FcChar8 *) cjk));
  map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  g_assert_nonnull (map);
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
  FcConfigDestroy (config);
  context = G_OBJECT (pango_font_map_create_context (map));
  pango_context_set_language (PANGO_CONTEXT (context), pango_language_from_string ("en"));
  check_text (PANGO_CONTEXT (context), style->font_family);
}
#endif

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fonts/contexts", test_contexts);
  g_test_add_func ("/fonts/card", test_card);
  g_test_add_func ("/fonts/grid-language", test_grid_language);
#ifdef NF_TEST_FONTCONFIG
  g_test_add_func ("/fonts/without-cantarell", test_without_cantarell);
#endif
  return g_test_run ();
}
