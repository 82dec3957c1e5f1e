/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-settings"

#include "config.h"

#include <string.h>

#include <ninefold.h>

#include "nf-locale.h"
#include "nf-settings.h"

/* Run with no schema installed anywhere GSettings looks
 * (GSETTINGS_SCHEMA_DIR pointing at an empty folder, XDG_DATA_DIRS
 * likewise), so nf_settings_new() must fall back to the copy linked into
 * the program, as it does from the build folder and on systems where the
 * schema was not installed. */

static void
test_defaults (void)
{
  g_autoptr(GSettings) settings = nf_settings_new ();
  g_auto(GStrv) recent = NULL;
  g_autofree char *page = NULL;

  g_assert_nonnull (settings);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), >=, 360);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), >=, 294);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  recent = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpuint (g_strv_length (recent), ==, 0);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-interval"), ==, 2);
  /* And the icon is where GtkApplication's icon theme looks. */
  g_assert_true (g_resources_get_info ("/org/ninefold/Ninefold/icons/scalable/apps/org.ninefold.Ninefold.svg",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));
  page = g_settings_get_string (settings, "export-page-size");
  g_assert_cmpstr (page, ==, "16:9");
}

static void
test_round_trip (void)
{
  g_autoptr(GSettings) a = nf_settings_new ();
  g_autoptr(GSettings) b = nf_settings_new ();
  const char *files[] = { "file:///tmp/a.ninefold", "file:///tmp/b.md", NULL };
  g_auto(GStrv) recent = NULL;
  g_autofree char *page = NULL;

  g_assert_true (g_settings_set_int (a, "window-width", 1366));
  g_assert_true (g_settings_set_boolean (a, "window-maximized", TRUE));
  g_assert_true (g_settings_set_strv (a, "recent-files", files));
  g_assert_true (g_settings_set_uint (a, "autosave-interval", 30));
  g_assert_true (g_settings_set_string (a, "export-page-size", "a4"));

  /* A second object on the same backend sees what the first wrote. */
  g_assert_cmpint (g_settings_get_int (b, "window-width"), ==, 1366);
  g_assert_true (g_settings_get_boolean (b, "window-maximized"));
  recent = g_settings_get_strv (b, "recent-files");
  g_assert_cmpstrv (recent, files);
  g_assert_cmpuint (g_settings_get_uint (b, "autosave-interval"), ==, 30);
  page = g_settings_get_string (b, "export-page-size");
  g_assert_cmpstr (page, ==, "a4");

  g_settings_reset (a, "window-width");
  g_settings_reset (a, "window-maximized");
  g_settings_reset (a, "recent-files");
  g_settings_reset (a, "autosave-interval");
  g_settings_reset (a, "export-page-size");
}

static void
test_ranges (void)
{
  g_autoptr(GSettings) settings = nf_settings_new ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) autosave = NULL;
  g_autoptr(GSettingsSchemaKey) page = NULL;
  g_autoptr(GVariant) zero = g_variant_ref_sink (g_variant_new_uint32 (0));
  g_autoptr(GVariant) one = g_variant_ref_sink (g_variant_new_uint32 (1));
  g_autoptr(GVariant) most = g_variant_ref_sink (g_variant_new_uint32 (600));
  g_autoptr(GVariant) too_many = g_variant_ref_sink (g_variant_new_uint32 (601));
  g_autoptr(GVariant) letter = g_variant_ref_sink (g_variant_new_string ("letter"));
  g_autoptr(GVariant) a3 = g_variant_ref_sink (g_variant_new_string ("a3"));

  g_object_get (settings, "settings-schema", &schema, NULL);
  autosave = g_settings_schema_get_key (schema, "autosave-interval");
  g_assert_false (g_settings_schema_key_range_check (autosave, zero));
  g_assert_true (g_settings_schema_key_range_check (autosave, one));
  g_assert_true (g_settings_schema_key_range_check (autosave, most));
  g_assert_false (g_settings_schema_key_range_check (autosave, too_many));

  page = g_settings_schema_get_key (schema, "export-page-size");
  g_assert_true (g_settings_schema_key_range_check (page, letter));
  g_assert_false (g_settings_schema_key_range_check (page, a3));
}

/* What the lead's grid is given for picking the notes' language, and what
 * it then shows of the Shupao case: under Chinese its Chinese notes (the
 * canvas's own language), otherwise their English translations. */
static void
test_note_language (void)
{
  const char *expected = g_getenv ("NF_TEST_EXPECT_LANG");
  const char *lang = nf_ui_note_language ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "resources", "cases",
                                                 "003-shupao.ninefold", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(NfNote) note = NULL;
  GListModel *notes;
  const char *text;

  g_assert_nonnull (expected);
  g_assert_cmpstr (lang, ==, expected);

  canvas = nf_canvas_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  notes = nf_canvas_get_notes (canvas, NF_BLOCK_KEY_PARTNERS);
  note = g_list_model_get_item (notes, 0);
  text = nf_text_for_language (nf_note_get_text (note), lang);

  if (g_str_has_prefix (lang, "zh"))
    g_assert_nonnull (strstr (text, "阿里云"));
  else
    g_assert_nonnull (strstr (text, "Alibaba Cloud"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/settings/defaults", test_defaults);
  g_test_add_func ("/settings/round-trip", test_round_trip);
  g_test_add_func ("/settings/ranges", test_ranges);
  g_test_add_func ("/locale/note-language", test_note_language);

  return g_test_run ();
}
