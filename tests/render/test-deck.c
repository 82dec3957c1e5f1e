/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Decks checked from the outside, with poppler's tools: what a reader of
 * the PDF gets (pages, size, fonts, every note's text), not how we drew
 * it. The PDFs stay in the build folder for a person to look at. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <ninefold.h>

#include "nf-i18n-private.h"
#include "nf-render.h"

/* Runs a tool and returns its standard output, or NULL with the test
 * skipped when the tool is not installed. */
static char *
run_tool (const char *tool,
          ...)
{
  g_autofree char *found = g_find_program_in_path (tool);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;
  va_list ap;

  if (found == NULL)
    {
      g_autofree char *why = g_strdup_printf ("%s is not installed (poppler-utils)", tool);

      g_test_skip (why);
      return NULL;
    }
  g_ptr_array_add (argv, found);
  va_start (ap, tool);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static GPtrArray *
load_cases (void)
{
  GPtrArray *canvases = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; nf_case_resource_paths ()[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      NfCanvas *canvas = nf_canvas_load_case (i, &error);

      g_assert_no_error (error);
      g_ptr_array_add (canvases, canvas);
    }
  g_assert_cmpuint (canvases->len, ==, 4);
  return canvases;
}

static char *
pdfinfo_field (const char *info,
               const char *field)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], field) && lines[i][strlen (field)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (field) + 1));
  return NULL;
}

/* All whitespace and hyphens gone: line breaks, justification and
 * hyphenation then cannot hide a note's text from the comparison. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-' || c == 0x2010 || c == 0x00AD)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* strstr for binary data: a PDF holds NUL bytes. */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static guint
count_pages_with (char       **pages,
                  const char  *needle)
{
  guint n = 0;

  for (guint i = 0; pages[i] != NULL; i++)
    n += strstr (pages[i], needle) != NULL;
  return n;
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  guint *last = user_data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, ==, *last + 1);
  *last = done;
}

/* The text of the pages without their header bands (company, title,
 * page number: drawn first, so the first lines of pdftotext -raw), so a
 * note that runs onto the next slide reads as one. */
static char *
body_text (const char *text)
{
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  GString *out = g_string_new (NULL);

  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);
      g_autofree char *number = g_strdup_printf ("%u", p + 1);
      guint start = 0;

      for (guint l = 0; l < 3 && lines[l] != NULL; l++)
        if (g_str_equal (lines[l], number))
          start = l + 1;
      for (guint l = start; lines[l] != NULL; l++)
        g_string_append_printf (out, "%s\n", lines[l]);
    }
  return g_string_free (out, FALSE);
}

static void
check_notes_present (GPtrArray  *canvases,
                     const char *lang,
                     const char *text)
{
  g_autofree char *body = body_text (text);
  g_autofree char *all = squeeze (body);

  for (guint i = 0; i < canvases->len; i++)
    for (guint b = 0; b < NF_N_BLOCKS; b++)
      {
        GListModel *notes = nf_canvas_get_notes (g_ptr_array_index (canvases, i), b);

        for (guint n = 0; n < g_list_model_get_n_items (notes); n++)
          {
            g_autoptr(NfNote) note = g_list_model_get_item (notes, n);
            g_autofree char *want = squeeze (nf_text_for_language (nf_note_get_text (note), lang));

            if (strstr (all, want) == NULL)
              g_error ("note %s (%s) is not in the PDF: %s", nf_note_get_id (note),
                       lang ? lang : "own", want);
          }
      }
}

static void
check_fonts_embedded (const char *path)
{
  g_autofree char *fonts = run_tool ("pdffonts", path, NULL);
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0, n_latin = 0;

  if (fonts == NULL)
    return;
  lines = g_strsplit (fonts, "\n", -1);
  /* Two heading lines; then name … emb sub uni object-id generation. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint c = 0; cols[c] != NULL; c++)
        if (*cols[c] != '\0')
          g_ptr_array_add (words, cols[c]);
      if (words->len < 6)
        continue;
      n_fonts++;
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
      /* Latin text in a Latin face: a CJK face's Latin is full-width. */
      if (strstr (g_ptr_array_index (words, 0), "CJK") == NULL)
        n_latin++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
  g_assert_cmpuint (n_latin, >, 0);
}

static void
test_pdf_cases (void)
{
  g_autoptr(GPtrArray) canvases = load_cases ();
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "deck-cases.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pages_field = NULL;
  g_autofree char *size = NULL;
  g_autofree char *title = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *author = NULL;
  g_autofree char *raw = NULL;
  gsize raw_len;
  g_auto(GStrv) pages = NULL;
  NfDeckOptions opts;
  guint n_tables = 0, n_pages, done = 0;
  gboolean ok;

  nf_deck_options_init (&opts);
  opts.title = "Four business models";
  opts.author = "Ninefold tests";
  ok = nf_deck_export_pdf (canvases, &opts, path, NULL, progress_cb, &done, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  info = run_tool ("pdfinfo", path, NULL);
  if (info == NULL)
    return;
  pages_field = pdfinfo_field (info, "Pages");
  size = pdfinfo_field (info, "Page size");
  title = pdfinfo_field (info, "Title");
  creator = pdfinfo_field (info, "Creator");
  author = pdfinfo_field (info, "Author");
  g_assert_cmpstr (size, ==, "960 x 540 pts");
  g_assert_cmpstr (title, ==, "Four business models");
  g_assert_cmpstr (creator, ==, "Ninefold");
  g_assert_cmpstr (author, ==, "Ninefold tests");

  /* One page per slide drawn. Per canvas: its title slide, an overview,
   * its sources; metric tables share slides (Senmiao's 19 small tables
   * once took 19 slides). */
  n_pages = (guint) g_ascii_strtoull (pages_field, NULL, 10);
  g_assert_cmpuint (n_pages, ==, done);
  text = run_tool ("pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, n_pages);
  for (guint i = 0; i < canvases->len; i++)
    n_tables += g_list_model_get_n_items (nf_canvas_get_tables (g_ptr_array_index (canvases, i)));
  g_assert_cmpuint (count_pages_with (pages, "Sources"), >=, canvases->len);
  g_assert_cmpuint (count_pages_with (pages, "\nMetrics\n"), <=, n_tables / 2);
  g_assert_cmpuint (n_pages, <, 1 + 3 * canvases->len + n_tables);
  /* Nothing hidden, nothing cut. */
  g_assert_null (strstr (text, " more\n"));
  g_assert_null (strstr (text, "…\n"));
  g_assert_null (strstr (text, "more rows"));

  check_notes_present (canvases, NULL, text);
  check_fonts_embedded (path);

  /* Bookmarks: cairo writes the outline uncompressed. */
  g_file_get_contents (path, &raw, &raw_len, &error);
  g_assert_no_error (error);
  g_assert_true (contains_bytes (raw, raw_len, "/Outlines"));
  g_assert_true (contains_bytes (raw, raw_len, "/Title (Bitauto)"));
}

static void
test_pdf_language (void)
{
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "deck-shupao-en.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  NfDeckOptions opts;

  g_ptr_array_add (canvases, nf_canvas_load_case (3, &error));
  g_assert_no_error (error);
  nf_deck_options_init (&opts);
  opts.lang = "en";
  g_assert_true (nf_deck_export_pdf (canvases, &opts, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  text = run_tool ("pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);
  if (text == NULL)
    return;
  check_notes_present (canvases, "en", text);
  check_fonts_embedded (path);
}

/* Every word of the deck in the language asked for, whatever the
 * process speaks: block names, headings, the sources slide. The scope
 * around the English export stands in for a process in Chinese (the
 * tests run under C.UTF-8, where no zh_CN locale need exist). */
static void
test_pdf_words_language (void)
{
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *zh_path = g_test_build_filename (G_TEST_BUILT, "deck-shupao-zh-words.pdf", NULL);
  g_autofree char *en_path = g_test_build_filename (G_TEST_BUILT, "deck-shupao-en-words.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;
  NfLanguageScope chinese;
  NfDeckOptions opts;

  g_assert_cmpstr (nf_translate ("zh-CN", "Key Partners"), ==, "重要合作");
  g_assert_cmpstr (nf_translate ("zh", "Key Partners"), ==, "重要合作");
  g_assert_cmpstr (nf_translate ("en", "Key Partners"), ==, "Key Partners");

  g_ptr_array_add (canvases, nf_canvas_load_case (3, &error));
  g_assert_no_error (error);
  nf_deck_options_init (&opts);
  opts.lang = "zh-CN";
  g_assert_true (nf_deck_export_pdf (canvases, &opts, zh_path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  nf_language_scope_enter (&chinese, "zh-CN");
  g_assert_cmpstr (nf_block_title (NF_BLOCK_KEY_PARTNERS), ==, "重要合作");
  opts.lang = "en";
  g_assert_true (nf_deck_export_pdf (canvases, &opts, en_path, NULL, NULL, NULL, &error));
  nf_language_scope_leave (&chinese);
  g_assert_no_error (error);

  zh = run_tool ("pdftotext", "-raw", "-enc", "UTF-8", zh_path, "-", NULL);
  en = run_tool ("pdftotext", "-raw", "-enc", "UTF-8", en_path, "-", NULL);
  if (zh == NULL || en == NULL)
    return;
  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    {
      g_assert_nonnull (strstr (zh, nf_translate ("zh-CN", nf_block_title (b))));
      g_assert_nonnull (strstr (en, nf_translate ("en", nf_block_title (b))));
      g_assert_null (strstr (en, nf_translate ("zh-CN", nf_block_title (b))));
    }
  g_assert_nonnull (strstr (zh, "来源"));
  g_assert_nonnull (strstr (en, "Sources"));
}

static void
test_pdf_handouts (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *file = g_strdup_printf ("deck-%s.pdf", name);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *size = NULL;
  g_autofree char *text = NULL;
  NfDeckOptions opts;

  g_ptr_array_add (canvases, nf_canvas_load_case (2, &error));
  g_assert_no_error (error);
  nf_deck_options_init (&opts);
  g_assert_true (nf_deck_page_size_from_string (name, &opts.page_size));
  g_assert_true (nf_deck_export_pdf (canvases, &opts, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  info = run_tool ("pdfinfo", path, NULL);
  if (info == NULL)
    return;
  size = pdfinfo_field (info, "Page size");
  if (g_str_equal (name, "a4"))
    g_assert_true (g_str_has_prefix (size, "841.89 x 595.28 pts"));
  else
    g_assert_true (g_str_has_prefix (size, "792 x 612 pts"));
  text = run_tool ("pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);
  check_notes_present (canvases, NULL, text);
}

static void
test_png_dpi (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (0, &error);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "deck-bitauto-144.png", NULL);
  cairo_surface_t *image;

  g_assert_no_error (error);
  g_assert_true (nf_deck_export_png (canvas, NULL, 144, path, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1080);
  cairo_surface_destroy (image);
}

static void
test_svg_well_formed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = nf_canvas_load_case (3, &error);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "deck-shupao.svg", NULL);
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  g_assert_true (nf_deck_export_svg (canvas, NULL, path, &error));
  g_assert_no_error (error);
  out = run_tool ("xmllint", "--noout", "--nonet", path, NULL);
  /* run_tool asserts a zero exit status: xmllint parsed it. */
}

static void
cancel_after_three (guint    done,
                    guint    total,
                    gpointer user_data)
{
  if (done == 3)
    g_cancellable_cancel (user_data);
}

/* A failed or cancelled export leaves the old file as it was, and no
 * temporary file beside it. */
static void
test_atomic (void)
{
  g_autoptr(GPtrArray) canvases = load_cases ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nf-deck-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "deck.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "deck.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "old", -1, &error));

  g_cancellable_cancel (cancellable);
  g_assert_false (nf_deck_export_pdf (canvases, NULL, path, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  /* Cancelled halfway, from the progress callback as a GUI's button would. */
  g_cancellable_reset (cancellable);
  g_assert_false (nf_deck_export_pdf (canvases, NULL, path, cancellable,
                                      cancel_after_three, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  g_assert_false (nf_deck_export_pdf (canvases, NULL, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, NF_RENDER_ERROR, NF_RENDER_ERROR_WRITE);
  g_clear_error (&error);

  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  g_assert_true (nf_deck_export_pdf (canvases, NULL, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_unlink (path);
  g_rmdir (dir);
}

/* Bars stay inside their rectangle, grow from zero, and a negative value
 * points left of it. */
static void
test_chart (void)
{
  g_autoptr(NfGridStyle) style = nf_grid_style_new_light ();
  const char *labels[] = { "Alpha", "Beta", "Gamma" };
  const char *texts[] = { "100", "-50", "n/a" };
  double values[] = { 100, -50, NAN };
  NfRect rect = { 20, 20, 360, 120 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 160);
  cairo_t *cr = cairo_create (surface);
  unsigned char *data;
  int stride;

  nf_chart_render_bars (cr, &rect, labels, values, texts, G_N_ELEMENTS (values), style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_write_to_png (surface, g_test_get_filename (G_TEST_BUILT, "chart.png", NULL));

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 160; y++)
    for (int x = 0; x < 400; x++)
      if (!nf_rect_contains_point (&(NfRect) { 19, 19, 362, 122 }, x, y))
        g_assert_cmpuint (((guint32 *) (data + y * stride))[x], ==, 0);
  cairo_surface_destroy (surface);
}

/* Only the pages from `first` (from 0) for `n` pages, joined. */
static char *
pages_text (const char *text,
            guint       first,
            guint       n)
{
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  GString *out = g_string_new (NULL);

  for (guint p = first; p < first + n && pages[p] != NULL; p++)
    g_string_append_printf (out, "%s\f", pages[p]);
  return g_string_free (out, FALSE);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path, NULL);
  g_autofree char *field = NULL;

  if (info == NULL)
    return 0;
  field = pdfinfo_field (info, "Pages");
  return (guint) g_ascii_strtoull (field, NULL, 10);
}

/* The comparison slides come after the title and hold every note of
 * every canvas: on the block slides, or on their "continued" slides. */
static void
test_pdf_compare (void)
{
  g_autoptr(GPtrArray) canvases = load_cases ();
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "deck-compare.pdf", NULL);
  g_autofree char *plain = g_test_build_filename (G_TEST_BUILT, "deck-plain.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *compare_text = NULL;
  g_autofree char *raw = NULL;
  gsize raw_len;
  NfDeckOptions opts;
  guint done = 0, n_pages, n_plain;

  nf_deck_options_init (&opts);
  opts.title = "Four business models compared";
  g_assert_true (nf_deck_export_pdf (canvases, &opts, plain, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  opts.compare = TRUE;
  g_assert_true (nf_deck_export_pdf (canvases, &opts, path, NULL, progress_cb, &done, &error));
  g_assert_no_error (error);

  n_pages = pdf_pages (path);
  if (n_pages == 0)
    return;
  n_plain = pdf_pages (plain);
  g_assert_cmpuint (n_pages, ==, done);
  /* The overview, a slide per block at least, the metrics. */
  g_assert_cmpuint (n_pages, >=, n_plain + 1 + NF_N_BLOCKS + 1);

  text = run_tool ("pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);
  compare_text = pages_text (text, 1, n_pages - n_plain);
  check_notes_present (canvases, NULL, compare_text);
  check_notes_present (canvases, NULL, text);
  check_fonts_embedded (path);
  g_assert_nonnull (strstr (compare_text, "Metrics compared"));
  /* The overview has room for all nine blocks: none is cut off. */
  {
    g_autofree char *overview = pages_text (text, 1, 1);

    for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
      g_assert_nonnull (strstr (overview, nf_block_title (b)));
    /* A cut block says "+N more"; notes may say "more" themselves. */
    g_assert_false (g_regex_match_simple ("\\+[0-9]+ more", overview, 0, 0));
  }

  g_file_get_contents (path, &raw, &raw_len, &error);
  g_assert_no_error (error);
  g_assert_true (contains_bytes (raw, raw_len, "/Title (Comparison)"));
}

/* What printing draws: the same pages as the PDF, one at a time, in any
 * order. */
static cairo_surface_t *
draw_page (NfDeckPages *pages,
           guint        index)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 360);
  cairo_t *cr = cairo_create (image);

  nf_deck_pages_draw (pages, index, cr, 640, 360);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

/* Pages `from` to `n - 1` of the two decks are drawn alike, pixel for pixel. */
static void
assert_pages_match (NfDeckPages *a,
                    NfDeckPages *b,
                    guint        from,
                    guint        n)
{
  for (guint p = from; p < n; p++)
    {
      cairo_surface_t *x = draw_page (a, p);
      cairo_surface_t *y = draw_page (b, p);
      int stride = cairo_image_surface_get_stride (x);

      g_assert_cmpmem (cairo_image_surface_get_data (x), stride * 360,
                       cairo_image_surface_get_data (y), stride * 360);
      cairo_surface_destroy (x);
      cairo_surface_destroy (y);
    }
}

/* The grids are laid out ahead on worker threads, unless a canvas is in
 * the deck twice (then in the drawing thread): both give the same slides. */
static void
test_layouts_ahead (void)
{
  g_autoptr(GPtrArray) four = load_cases ();
  g_autoptr(GPtrArray) five = load_cases ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NfDeckPages) threaded = NULL;
  g_autoptr(NfDeckPages) inline_pages = NULL;
  NfDeckOptions opts;
  guint n;

  g_ptr_array_add (five, g_object_ref (g_ptr_array_index (five, 0)));
  nf_deck_options_init (&opts);
  opts.title = "Same title";
  threaded = nf_deck_pages_new (four, &opts, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  inline_pages = nf_deck_pages_new (five, &opts, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  n = nf_deck_pages_get_n_pages (threaded);
  g_assert_cmpuint (nf_deck_pages_get_n_pages (inline_pages), >, n);
  /* Page 0 is the title slide, which lists the canvases. */
  assert_pages_match (threaded, inline_pages, 1, n);
}

/* A deck of more than four canvases plans with four font maps, canvas i
 * with map i % 4, the two workers taking canvases as they come: the same
 * slides as the drawing thread planning each itself. */
static void
test_layouts_four_maps (void)
{
  g_autoptr(GPtrArray) twelve = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) thirteen = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NfDeckPages) threaded = NULL;
  g_autoptr(NfDeckPages) inline_pages = NULL;
  NfDeckOptions opts;
  guint n;

  for (guint r = 0; r < 3; r++)
    {
      g_autoptr(GPtrArray) four = load_cases ();

      for (guint i = 0; i < four->len; i++)
        g_ptr_array_add (twelve, g_object_ref (g_ptr_array_index (four, i)));
    }
  thirteen = g_ptr_array_copy (twelve, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (thirteen, g_object_unref);
  g_ptr_array_add (thirteen, g_object_ref (g_ptr_array_index (twelve, 0)));
  nf_deck_options_init (&opts);
  opts.title = "Same title";
  threaded = nf_deck_pages_new (twelve, &opts, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  inline_pages = nf_deck_pages_new (thirteen, &opts, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  n = nf_deck_pages_get_n_pages (threaded);
  g_assert_cmpuint (n, >, 12 * 5);
  g_assert_cmpuint (nf_deck_pages_get_n_pages (inline_pages), >, n);
  assert_pages_match (threaded, inline_pages, 1, n);
}

/* The workers' font maps are kept from one deck to the next, in slots a
 * deck holds while it runs; a deck made while another holds them makes
 * maps of its own. A deck is the same slides whichever maps it had: the
 * first deck (fresh maps), the next (kept ones) and two made at once on
 * two threads, each from its own canvases. */
static gpointer
pages_in_thread (gpointer data)
{
  GPtrArray *canvases = data;
  g_autoptr(GError) error = NULL;
  NfDeckPages *pages = nf_deck_pages_new (canvases, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return pages;
}

static void
assert_same_pages (NfDeckPages *a,
                   NfDeckPages *b)
{
  guint n = nf_deck_pages_get_n_pages (a);

  g_assert_cmpuint (nf_deck_pages_get_n_pages (b), ==, n);
  assert_pages_match (a, b, 0, n);
}

static void
test_font_map_slots (void)
{
  g_autoptr(GPtrArray) canvases = load_cases ();
  g_autoptr(GPtrArray) one = load_cases ();
  g_autoptr(GPtrArray) two = load_cases ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NfDeckPages) first = NULL;
  g_autoptr(NfDeckPages) again = NULL;
  g_autoptr(NfDeckPages) a = NULL;
  g_autoptr(NfDeckPages) b = NULL;
  GThread *ta, *tb;

  first = nf_deck_pages_new (canvases, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  again = nf_deck_pages_new (canvases, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_pages (first, again);

  ta = g_thread_new ("deck-a", pages_in_thread, one);
  tb = g_thread_new ("deck-b", pages_in_thread, two);
  a = g_thread_join (ta);
  b = g_thread_join (tb);
  assert_same_pages (first, a);
  assert_same_pages (first, b);
}

/* g_strstr_len() stops at a zero byte; a PDF's streams hold many. */
static const char *
find_bytes (const char *from,
            const char *end,
            const char *what)
{
  gsize n = strlen (what);

  for (const char *p = from; p + n <= end; p++)
    if (*p == *what && memcmp (p, what, n) == 0)
      return p;
  return NULL;
}

/* Every FlateDecode stream of a PDF that inflates to text (the pages'
 * content; fonts and images are binary), in the order they stand. */
static GPtrArray *
pdf_text_streams (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  gsize len;
  const char *p, *end;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  end = data + len;
  for (p = data; (p = find_bytes (p, end, "stream")) != NULL; p++)
    {
      const char *body = p + 6, *stop;
      g_autoptr(GConverter) zlib = NULL;
      g_autoptr(GByteArray) text = g_byte_array_new ();
      gsize in_off = 0;
      gboolean binary = FALSE;

      if (p > data && p[-1] == 'd')   /* "endstream" */
        continue;
      if (*body == '\r')
        body++;
      if (*body != '\n')
        continue;
      body++;
      stop = find_bytes (body, end, "endstream");
      if (stop == NULL)
        break;
      zlib = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      for (;;)
        {
          guint8 buf[8192];
          gsize read = 0, written = 0;
          GConverterResult r = g_converter_convert (zlib, body + in_off, stop - body - in_off,
                                                    buf, sizeof buf, G_CONVERTER_INPUT_AT_END,
                                                    &read, &written, NULL);

          if (r == G_CONVERTER_ERROR)
            break;
          in_off += read;
          g_byte_array_append (text, buf, written);
          if (r == G_CONVERTER_FINISHED)
            break;
        }
      for (guint i = 0; i < text->len && !binary; i++)
        binary = text->data[i] == 0 || text->data[i] > 0x7e;
      if (text->len > 0 && !binary)
        g_ptr_array_add (out, g_strndup ((const char *) text->data, text->len));
      p = stop;
    }
  return out;
}

/* In a page's content, how many paths are painted twice in a row (filled,
 * then stroked as a path of their own) and how many are filled and
 * stroked in one operation. Operands are gathered until their operator;
 * strings, names and arrays are taken as single operands. */
static void
count_outlines (const char *content,
                guint      *twice,
                guint      *once,
                guint      *strokes)
{
  g_auto(GStrv) tokens = g_regex_split_simple ("[ \\t\\r\\n]+", content, 0, 0);
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GString) operands = g_string_new (NULL);
  g_autofree char *filled = NULL;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *t = tokens[i];

      if (*t == '\0')
        continue;
      if (g_ascii_isdigit (*t) || *t == '-' || *t == '.' || *t == '/' || *t == '(' ||
          *t == '<' || *t == '[' || *t == ']')
        {
          g_string_append_printf (operands, "%s ", t);
          continue;
        }
      if (g_str_equal (t, "m") || g_str_equal (t, "l") || g_str_equal (t, "c") ||
          g_str_equal (t, "v") || g_str_equal (t, "y") || g_str_equal (t, "re") ||
          g_str_equal (t, "h"))
        g_string_append_printf (path, "%s%s ", operands->str, t);
      else if (g_str_equal (t, "f") || g_str_equal (t, "f*"))
        {
          g_free (filled);
          filled = g_strdup (path->str);
          g_string_truncate (path, 0);
        }
      else if (g_str_equal (t, "S") || g_str_equal (t, "s"))
        {
          (*strokes)++;
          *twice += filled != NULL && path->len > 0 && g_str_equal (filled, path->str);
          g_clear_pointer (&filled, g_free);
          g_string_truncate (path, 0);
        }
      else if (g_str_equal (t, "B") || g_str_equal (t, "B*") || g_str_equal (t, "b") ||
               g_str_equal (t, "b*"))
        {
          (*once)++;
          g_clear_pointer (&filled, g_free);
          g_string_truncate (path, 0);
        }
      else if (g_str_equal (t, "n") || g_str_equal (t, "W") || g_str_equal (t, "W*"))
        g_string_truncate (path, 0);
      g_string_truncate (operands, 0);
    }
}

/* A card's or a block's box is filled and outlined: a PDF can do both
 * with one path, and cairo writes one only when both colours are opaque.
 * Written twice, the deck's pages carried a third more numbers, each
 * printed one by one by cairo, the most of the time a deck takes. */
static void
test_outlines_once (void)
{
  g_autoptr(GPtrArray) canvases = load_cases ();
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "deck-outlines.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) streams = NULL;
  guint twice = 0, once = 0, strokes = 0;
  NfDeckOptions opts;

  nf_deck_options_init (&opts);
  opts.compare = TRUE;
  g_assert_true (nf_deck_export_pdf (canvases, &opts, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  streams = pdf_text_streams (path);
  g_assert_cmpuint (streams->len, >, 10);
  for (guint i = 0; i < streams->len; i++)
    count_outlines (g_ptr_array_index (streams, i), &twice, &once, &strokes);
  g_assert_cmpuint (twice, ==, 0);
  /* The four companies' notes, each on a card at least once. */
  g_assert_cmpuint (once, >, 100);
  /* A table's rules are filled rectangles: a stroke writes a line style,
   * a matrix and a translucent colour's state besides its path. What is
   * stroked is the block glyphs' few lines and the charts' zero lines. */
  g_test_message ("%u strokes", strokes);
  g_assert_cmpuint (strokes, <, 100);   /* 233 when rules were strokes */
}

static void
test_pages (void)
{
  g_autoptr(GPtrArray) canvases = load_cases ();
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "deck-pages.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NfDeckPages) pages = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  NfDeckOptions opts;
  guint n_pdf;

  g_ptr_array_set_size (canvases, 2);
  nf_deck_options_init (&opts);
  opts.compare = TRUE;
  pages = nf_deck_pages_new (canvases, &opts, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pages);
  g_assert_true (nf_deck_export_pdf (canvases, &opts, path, NULL, NULL, NULL, &error));
  n_pdf = pdf_pages (path);
  if (n_pdf > 0)
    g_assert_cmpuint (nf_deck_pages_get_n_pages (pages), ==, n_pdf);

  /* The last page first, into an A4-shaped area: drawn, within its box. */
  {
    guint last = nf_deck_pages_get_n_pages (pages) - 1;
    cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 842, 595);
    cairo_t *cr = cairo_create (image);
    guint32 *data;
    int stride;
    guint painted = 0;

    nf_deck_pages_draw (pages, last, cr, 842, 595);
    nf_deck_pages_draw (pages, 0, cr, 842, 595);
    cairo_destroy (cr);
    cairo_surface_flush (image);
    data = (guint32 *) cairo_image_surface_get_data (image);
    stride = cairo_image_surface_get_stride (image) / 4;
    for (int y = 0; y < 595; y++)
      for (int x = 0; x < 842; x++)
        painted += data[y * stride + x] != 0;
    /* 16:9 in 842 × 595 leaves bands above and below, untouched. */
    g_assert_cmpuint (data[0], ==, 0);
    g_assert_cmpuint (painted, >=, 842 * 470);
    cairo_surface_destroy (image);
  }

  /* Cancelled: no pages, an error. */
  g_cancellable_cancel (cancellable);
  g_assert_null (nf_deck_pages_new (canvases, &opts, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_compare_images (void)
{
  g_autoptr(GPtrArray) canvases = load_cases ();
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "deck-compare-120.png", NULL);
  g_autofree char *svg = g_test_build_filename (G_TEST_BUILT, "deck-compare.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  cairo_surface_t *image;

  g_assert_true (nf_deck_export_compare_png ((NfCanvas **) canvases->pdata, 4, NULL, 120, png,
                                             &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1600);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 900);
  cairo_surface_destroy (image);

  g_assert_true (nf_deck_export_compare_svg ((NfCanvas **) canvases->pdata, 4, NULL, svg, &error));
  g_assert_no_error (error);
  out = run_tool ("xmllint", "--noout", "--nonet", svg, NULL);

  g_assert_false (nf_deck_export_compare_svg ((NfCanvas **) canvases->pdata, 1, NULL, svg, &error));
  g_assert_error (error, NF_RENDER_ERROR, NF_RENDER_ERROR_FAILED);
}


/* A canvas with the tables given as XML (inside <tables>). */
static NfCanvas *
company_with_tables (const char *company,
                     const char *tables)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">"
    "<metadata><company>%s</company><title>Tables</title></metadata>"
    "<block kind=\"key-partners\"><note id=\"n1\"><text>A partner.</text></note></block>"
    "<block kind=\"key-activities\"/><block kind=\"key-resources\"/>"
    "<block kind=\"value-propositions\"/><block kind=\"customer-relationships\"/>"
    "<block kind=\"channels\"/><block kind=\"customer-segments\"/>"
    "<block kind=\"cost-structure\"/><block kind=\"revenue-streams\"/>"
    "<metrics>%s</metrics></canvas>", company, tables);
  NfCanvas *canvas = nf_canvas_load_from_data (xml, strlen (xml), "tables.ninefold", &error);

  g_assert_no_error (error);
  return canvas;
}

static NfCanvas *
canvas_with_tables (const char *tables)
{
  return company_with_tables ("Tabletop", tables);
}

/* One chart per kind of figure (percentages of one family: keeping
 * customers), each with two bars or more; a figure
 * alone of its kind (or currency) gets none. */
static void
test_chart_groups (void)
{
  g_autoptr(NfCanvas) canvas = canvas_with_tables (
    "<table id=\"t1\" block=\"key-resources\"><title>Mixed</title>"
    "<column type=\"text\"><name>Metric</name></column>"
    "<column type=\"number\"><name>Value</name></column>"
    "<row><cell>Registered users</cell><cell value=\"500000\">500,000</cell></row>"
    "<row><cell>Retention</cell><cell value=\"0.8\">80%</cell></row>"
    "<row><cell>App rating</cell><cell value=\"4.6\">4.6 stars</cell></row>"
    "<row><cell>Revenue</cell><cell value=\"9500000\">$9.5 million</cell></row>"
    "<row><cell>Active users</cell><cell value=\"200000\">200,000</cell></row>"
    "<row><cell>Repeat purchases</cell><cell value=\"0.12\">12%</cell></row>"
    "<row><cell>Store rating</cell><cell value=\"4.8\">4.8 stars</cell></row>"
    "<row><cell>Cost</cell><cell value=\"2000000\">$2 million</cell></row>"
    "<row><cell>Wait</cell><cell value=\"2\">2 minutes</cell></row>"
    "<row><cell>Fee</cell><cell value=\"300\">300元</cell></row>"
    "<row><cell>Listed</cell><cell value=\"2014\">FY2014</cell></row>"
    "</table>");
  g_autoptr(NfMetricTable) table = g_list_model_get_item (nf_canvas_get_tables (canvas), 0);
  g_autoptr(GPtrArray) groups = nf_chart_groups_new (table);
  const NfFigureKind want[] = { NF_FIGURE_COUNT, NF_FIGURE_PERCENT, NF_FIGURE_RATING, NF_FIGURE_MONEY };
  const guint rows[][2] = { { 0, 4 }, { 1, 5 }, { 2, 6 }, { 3, 7 } };

  g_assert_cmpuint (groups->len, ==, G_N_ELEMENTS (want));
  for (guint g = 0; g < groups->len; g++)
    {
      NfChartGroup *group = g_ptr_array_index (groups, g);

      g_assert_cmpint (group->kind, ==, want[g]);
      g_assert_cmpuint (group->bars->len, ==, 2);
      g_assert_cmpuint (g_array_index (group->bars, NfChartBar, 0).row, ==, rows[g][0]);
      g_assert_cmpuint (g_array_index (group->bars, NfChartBar, 1).row, ==, rows[g][1]);
    }
  g_assert_cmpstr (((NfChartGroup *) g_ptr_array_index (groups, 3))->unit, ==, "USD");
}

/* Durations compare in one unit; unlike units of a count do not. */
static void
test_figure_kind (void)
{
  NfNumber minutes, seconds, cars, users;
  char unit_a[64], unit_b[64];
  double fa, fb;

  g_assert_true (nf_number_parse ("2 minutes", &minutes));
  g_assert_true (nf_number_parse ("30 seconds", &seconds));
  g_assert_cmpint (nf_chart_figure_kind (&minutes, NULL, unit_a, &fa), ==, NF_FIGURE_DURATION);
  g_assert_cmpint (nf_chart_figure_kind (&seconds, NULL, unit_b, &fb), ==, NF_FIGURE_DURATION);
  g_assert_cmpstr (unit_a, ==, unit_b);
  g_assert_cmpfloat_with_epsilon (minutes.value * fa, 120, 1e-9);
  g_assert_cmpfloat_with_epsilon (seconds.value * fb, 30, 1e-9);

  g_assert_true (nf_number_parse ("6,000 cars", &cars));
  g_assert_true (nf_number_parse ("200,000 users", &users));
  g_assert_cmpint (nf_chart_figure_kind (&cars, NULL, unit_a, NULL), ==, NF_FIGURE_COUNT);
  g_assert_cmpint (nf_chart_figure_kind (&users, NULL, unit_b, NULL), ==, NF_FIGURE_COUNT);
  g_assert_cmpstr (unit_a, !=, unit_b);
}

/* A table too wide for its column wraps its sentences, never a figure
 * or a heading's word: "User Rating" above "4.7" stays two whole words. */
static void
test_table_headings_whole (void)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "deck-headings.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_string_append (xml, "<table id=\"r\" block=\"value-propositions\"><title>Ratings</title>"
                        "<column type=\"text\"><name>Feature</name></column>"
                        "<column type=\"text\"><name>Description</name></column>"
                        "<column type=\"number\"><name>Userrating Score</name></column>");
  for (guint r = 1; r <= 4; r++)
    g_string_append_printf (xml, "<row><cell>Feature number %u</cell><cell>A description long "
                            "enough to wrap over several lines in its column, as written by the "
                            "source, with more words than any slide column holds on one line "
                            "at body size</cell><cell value=\"4.%u\">4.%u</cell></row>", r, r, r);
  g_string_append (xml, "</table>");
  g_ptr_array_add (canvases, canvas_with_tables (xml->str));

  g_assert_true (nf_deck_export_pdf (canvases, NULL, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = run_tool ("pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);
  if (text == NULL)
    return;
  g_assert_nonnull (strstr (text, "4.1"));
  /* A word broken in the header comes out as its first piece, alone. */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    static const char * const words[] = { "Feature", "Description", "Userrating", "Score" };

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) parts = g_strsplit (lines[i], " ", -1);

        for (guint k = 0; parts[k] != NULL; k++)
          for (guint w = 0; w < G_N_ELEMENTS (words); w++)
            if (*parts[k] != '\0' && strlen (parts[k]) < strlen (words[w]) &&
                g_str_has_prefix (words[w], parts[k]) &&
                strlen (parts[k]) >= 2)
              g_error ("“%s” is broken: “%s” on a line of its own", words[w], parts[k]);
      }
  }
}

/* Small tables share a slide; a long one goes on to further slides with
 * its title and header row on each. */
static void
test_table_packing (void)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "deck-tables.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint small_page = 0, n_long = 0;

  for (guint t = 1; t <= 5; t++)
    {
      g_string_append_printf (xml, "<table id=\"s%u\" block=\"channels\"><title>Small table %u</title>"
                              "<column type=\"text\"><name>Item</name></column>"
                              "<column type=\"count\"><name>Count</name></column>", t, t);
      for (guint r = 1; r <= 3; r++)
        g_string_append_printf (xml, "<row><cell>Item %u.%u</cell><cell value=\"%u\">%u</cell></row>",
                                t, r, r * 10, r * 10);
      g_string_append (xml, "</table>");
    }
  g_string_append (xml, "<table id=\"long\" block=\"channels\"><title>Long table</title>"
                        "<column type=\"text\"><name>Quarter</name></column>"
                        "<column type=\"count\"><name>Units sold</name></column>");
  for (guint r = 1; r <= 90; r++)
    g_string_append_printf (xml, "<row><cell>Quarter %u</cell><cell value=\"%u\">%u</cell></row>",
                            r, r * 7, r * 7);
  g_string_append (xml, "</table>");
  g_ptr_array_add (canvases, canvas_with_tables (xml->str));

  g_assert_true (nf_deck_export_pdf (canvases, NULL, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = run_tool ("pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);
  if (text == NULL)
    return;
  pages = g_strsplit (text, "\f", -1);
  for (guint p = 0; pages[p] != NULL; p++)
    {
      /* No small table has a slide to itself. */
      if (strstr (pages[p], "Small table ") != NULL)
        {
          const char *first = strstr (pages[p], "Small table ");

          small_page++;
          g_assert_true (strstr (first + 1, "Small table ") != NULL ||
                         strstr (pages[p], "Long table") != NULL);
        }
      /* Every slide with rows of the long table has its header. */
      if (strstr (pages[p], "Long table") != NULL && strstr (pages[p], "Quarter 4") != NULL)
        {
          n_long++;
          g_assert_nonnull (strstr (pages[p], "Units sold"));
        }
    }
  /* Five tables of three rows (each with its chart): two slides at most. */
  g_assert_cmpuint (small_page, >, 0);
  g_assert_cmpuint (small_page, <=, 2);
  g_assert_cmpuint (n_long, >=, 2);
  g_assert_cmpuint (count_pages_with (pages, "Long table (continued)"), >=, 1);
  for (guint r = 1; r <= 90; r++)
    {
      g_autofree char *row = g_strdup_printf ("Quarter %u ", r);

      g_assert_nonnull (strstr (text, row));
    }
  g_assert_null (strstr (text, "more rows"));
}

/* A long table of aligned figures is set dense (two tables a slide at
 * 9.5 pt, the header on each): 600 aligned rows take at most 15 slides,
 * where one table a slide at body size took 30, and every row is there
 * once, in order. */
static void
test_aligned_long (void)
{
  enum { N_ROWS = 600 };
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "deck-aligned-long.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  NfDeckOptions opts;
  const char *at;

  for (guint c = 0; c < 2; c++)
    {
      g_autoptr(GString) xml = g_string_new ("<table id=\"t1\" block=\"channels\"><title>Regions</title>"
                                             "<column type=\"text\"><name>Region</name></column>"
                                             "<column type=\"count\" unit=\"cars\"><name>Cars sold</name></column>");

      for (guint r = 1; r <= N_ROWS; r++)
        g_string_append_printf (xml, "<row><cell>Region-%04u</cell><cell value=\"%u\">%u</cell></row>",
                                r, r * 10 + c, r * 10 + c);
      g_string_append (xml, "</table>");
      g_ptr_array_add (canvases, company_with_tables (c == 0 ? "Alpha" : "Beta", xml->str));
    }
  nf_deck_options_init (&opts);
  opts.compare = TRUE;
  g_assert_true (nf_deck_export_pdf (canvases, &opts, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = run_tool ("pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);
  if (text == NULL)
    return;
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (count_pages_with (pages, "Metrics compared"), <=, 15);
  g_assert_cmpuint (count_pages_with (pages, "Metrics compared"), >=, 2);
  at = strstr (text, "Metrics compared");
  g_assert_nonnull (at);
  for (guint r = 1; r <= N_ROWS; r++)
    {
      g_autofree char *label = g_strdup_printf ("Region-%04u", r);

      at = strstr (at, label);
      if (at == NULL)
        g_error ("%s is not on the metrics slides, or out of order", label);
    }
}

/* The compare deck charts aligned figures by the canvas decks' rules:
 * one chart per kind and unit, no figure beside an unlike one, none for
 * figures that do not compare (two currencies, no rate). */
static void
test_compare_charts (void)
{
  static const char *const rows[][3] = {
    /* label, Alpha, Beta (Gamma has downloads and a wait only) */
    { "Downloads", "<cell value=\"500000\">500,000</cell>", "<cell value=\"200000\">200,000</cell>" },
    { "Retention", "<cell value=\"0.8\">80%</cell>", "<cell value=\"0.6\">60%</cell>" },
    { "App rating", "<cell value=\"4.6\">4.6 stars</cell>", "<cell value=\"4.1\">4.1 stars</cell>" },
    { "Revenue", "<cell value=\"9500000\">$9.5 million</cell>", "<cell value=\"2000000\">$2 million</cell>" },
    { "Fee", "<cell value=\"300\">300元</cell>", "<cell value=\"40\">$40</cell>" },
  };
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "deck-compare-charts.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  NfDeckOptions opts;
  const char *metrics, *counts, *percent, *ratings, *money;

  for (guint c = 0; c < 2; c++)
    {
      g_autoptr(GString) xml = g_string_new ("<table id=\"t1\" block=\"channels\"><title>Key figures</title>"
                                             "<column type=\"text\"><name>Metric</name></column>"
                                             "<column type=\"number\"><name>Value</name></column>");

      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        g_string_append_printf (xml, "<row><cell>%s</cell>%s</row>", rows[r][0], rows[r][1 + c]);
      g_string_append (xml, "</table>");
      g_ptr_array_add (canvases, company_with_tables (c == 0 ? "Alpha" : "Beta", xml->str));
    }
  g_ptr_array_add (canvases, company_with_tables ("Gamma",
    "<table id=\"t1\" block=\"channels\"><title>Key figures</title>"
    "<column type=\"text\"><name>Metric</name></column>"
    "<column type=\"number\"><name>Value</name></column>"
    "<row><cell>Downloads</cell><cell value=\"50000\">50,000</cell></row>"
    "<row><cell>Wait</cell><cell value=\"2\">2 minutes</cell></row></table>"));

  nf_deck_options_init (&opts);
  opts.compare = TRUE;
  g_assert_true (nf_deck_export_pdf (canvases, &opts, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = run_tool ("pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);
  if (text == NULL)
    return;
  metrics = strstr (text, "Metrics compared");
  g_assert_nonnull (metrics);
  counts = strstr (metrics, "\nCounts\n");
  percent = strstr (metrics, "\nPercentages\n");
  ratings = strstr (metrics, "\nRatings (stars)\n");
  money = strstr (metrics, "\nMoney (USD)\n");
  g_assert_nonnull (counts);
  g_assert_nonnull (percent);
  g_assert_nonnull (ratings);
  g_assert_nonnull (money);
  /* Each kind has one chart, and it holds only its own figures. */
  g_assert_null (strstr (counts + 1, "\nCounts\n"));
  g_assert_null (strstr (percent + 1, "\nPercentages\n"));
  {
    g_autofree char *in_counts = g_strndup (counts, percent - counts);
    g_autofree char *in_percent = g_strndup (percent, ratings - percent);
    g_autofree char *in_ratings = g_strndup (ratings, money - ratings);

    g_assert_true (counts < percent && percent < ratings && ratings < money);
    g_assert_nonnull (strstr (in_counts, "500,000"));
    g_assert_nonnull (strstr (in_counts, "50,000"));
    g_assert_null (strstr (in_counts, "%"));
    g_assert_null (strstr (in_counts, "stars"));
    g_assert_nonnull (strstr (in_percent, "80%"));
    g_assert_null (strstr (in_percent, "stars"));
    g_assert_null (strstr (in_percent, "500,000"));
    g_assert_nonnull (strstr (in_ratings, "4.6 stars"));
    g_assert_null (strstr (in_ratings, "%"));
    g_assert_null (strstr (in_ratings, "$"));
    const char *end = strstr (money, "1 note · 1 table");   /* Alpha's title slide */
    g_autofree char *in_money = NULL;

    g_assert_nonnull (end);
    in_money = g_strndup (money, end - money);
    g_assert_nonnull (strstr (in_money, "$9.5 million"));
    /* The fee in two currencies without a rate compares with nothing. */
    g_assert_null (strstr (in_money, "Fee"));
    g_assert_null (strstr (in_money, "yuan"));
  }
}

/* A long table (laid out a row at a time, its columns sized from an
 * estimate) carries every row, each once, in order, with its header on
 * every slide; its figures are too many for a chart, and the slide says
 * so rather than drawing one. */
static void
test_long_table (void)
{
  enum { N_ROWS = 3000 };
  g_autoptr(GString) xml = g_string_new ("<table id=\"t1\" block=\"channels\"><title>Every region</title>"
                                         "<column type=\"text\"><name>Region</name></column>"
                                         "<column type=\"count\" unit=\"cars\"><name>Cars sold</name></column>"
                                         "<column type=\"text\"><name>Empty</name></column>");
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "deck-long-table.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  const char *at;
  guint n_table_pages = 0;

  for (guint r = 1; r <= N_ROWS; r++)
    g_string_append_printf (xml, "<row><cell>Region %u</cell><cell value=\"%u\">%u</cell><cell/></row>",
                            r, r * 37 % 10007, r * 37 % 10007);
  g_string_append (xml, "</table>");
  g_ptr_array_add (canvases, canvas_with_tables (xml->str));
  g_assert_true (nf_deck_export_pdf (canvases, NULL, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = run_tool ("pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);
  if (text == NULL)
    return;
  at = text;
  for (guint r = 1; r <= N_ROWS; r++)
    {
      g_autofree char *row = g_strdup_printf ("\nRegion %u %u\n", r, r * 37 % 10007);

      at = strstr (at, row);
      g_assert_nonnull (at);
    }
  pages = g_strsplit (text, "\f", -1);
  for (guint p = 0; pages[p] != NULL; p++)
    if (strstr (pages[p], "\nRegion ") != NULL)
      {
        n_table_pages++;
        g_assert_nonnull (strstr (pages[p], "Region Cars sold Empty"));
        g_assert_null (strstr (pages[p], "…"));
      }
  g_assert_cmpuint (n_table_pages, >=, N_ROWS / 60);
  g_assert_nonnull (strstr (text, "No chart: 3000 figures"));
}

/* A note taller than a column even at the least size goes on in the
 * next column at the body size: every word of it is in the deck, once,
 * in order, with a mark (not "…") where it goes on, and the block's other
 * notes after it. deck-lint checks the same deck's pages for text off
 * the page (tests/cli/check-deck-lint.sh). */
static void
test_long_note (void)
{
  enum { N_WORDS = 2500 };
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "deck-long-note.pdf", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *at;
  NfCanvas *canvas;

  for (guint w = 1; w <= N_WORDS; w++)
    g_string_append_printf (words, "%sword%u", w > 1 ? " " : "", w);
  xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">"
    "<metadata><company>Longnote</company><title>A very long note</title></metadata>"
    "<block kind=\"key-partners\"><note id=\"n1\"><text>A partner.</text></note></block>"
    "<block kind=\"key-activities\"/><block kind=\"key-resources\"/>"
    "<block kind=\"value-propositions\"><note id=\"n2\"><text>Short first.</text></note>"
    "<note id=\"n3\" evidence=\"tested\"><text>%s</text><tag>long</tag></note>"
    "<note id=\"n4\"><text>After the long one.</text></note></block>"
    "<block kind=\"customer-relationships\"/><block kind=\"channels\"/><block kind=\"customer-segments\"/>"
    "<block kind=\"cost-structure\"/><block kind=\"revenue-streams\"/></canvas>", words->str);
  canvas = nf_canvas_load_from_data (xml, strlen (xml), "long-note.ninefold", &error);
  g_assert_no_error (error);
  g_ptr_array_add (canvases, canvas);
  g_assert_true (nf_deck_export_pdf (canvases, NULL, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = run_tool ("pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);
  if (text == NULL)
    return;
  at = text;
  for (guint w = 1; w <= N_WORDS; w++)
    {
      g_autofree char *word = g_strdup_printf ("word%u", w);
      gsize n = strlen (word);

      /* The next whole word, not the start of a longer one. */
      while ((at = strstr (at, word)) != NULL && g_ascii_isdigit (at[n]))
        at += n;
      if (at == NULL)
        g_error ("word%u is not in the deck, or out of order", w);
      at += n;
    }
  g_assert_null (strstr (text, "…"));
  g_assert_nonnull (strstr (text, "(this note continues)"));
  g_assert_nonnull (strstr (text, "Value Propositions (continued)"));
  g_assert_nonnull (strstr (at, "After the long one."));
}

/* A note longer than a column never opens with a sliver at a column's
 * foot: behind 1 to 24 one-line notes, the long note's first slice (up
 * to the first "(this note continues)") always has at least four lines;
 * where fewer would fit it starts in the next column. Some of these
 * counts left it two or three lines there before. */
static void
test_long_note_start (void)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint w = 1; w <= 1500; w++)
    g_string_append_printf (words, "%sword%u", w > 1 ? " " : "", w);
  for (guint k = 1; k <= 24; k++)
    {
      g_autoptr(GString) fillers = g_string_new (NULL);
      g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "deck-long-note-start.pdf", NULL);
      g_autofree char *xml = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) lines = NULL;
      gboolean in_note = FALSE;
      guint n_lines = 0;
      NfCanvas *canvas;

      for (guint i = 0; i < k; i++)
        g_string_append_printf (fillers, "<note id=\"f%u\"><text>Filler note %u says little.</text></note>", i, i);
      xml = g_strdup_printf (
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">"
        "<metadata><company>Slice</company><title>Slices</title></metadata>"
        "<block kind=\"key-partners\"><note id=\"n1\"><text>A partner.</text></note></block>"
        "<block kind=\"key-activities\"/><block kind=\"key-resources\"/>"
        "<block kind=\"value-propositions\">%s<note id=\"n3\"><text>%s</text></note>"
        "<note id=\"n4\"><text>After the long one.</text></note></block>"
        "<block kind=\"customer-relationships\"/><block kind=\"channels\"/><block kind=\"customer-segments\"/>"
        "<block kind=\"cost-structure\"/><block kind=\"revenue-streams\"/></canvas>", fillers->str, words->str);
      canvas = nf_canvas_load_from_data (xml, strlen (xml), "slice.ninefold", &error);
      g_assert_no_error (error);
      g_ptr_array_add (canvases, canvas);
      g_assert_true (nf_deck_export_pdf (canvases, NULL, path, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      text = run_tool ("pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);
      if (text == NULL)
        return;
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (g_str_has_prefix (lines[i], "word1 "))
            in_note = TRUE;
          if (in_note && strstr (lines[i], "(this note continues)") != NULL)
            break;
          if (in_note && strstr (lines[i], "word") != NULL)
            n_lines++;
        }
      if (n_lines < 4)
        g_error ("behind %u notes the long note starts with %u lines at a column's foot", k, n_lines);
    }
}

/* Plain figures of no known kind are each their own measure in a table
 * whose rows are named (21 million cars, a 10-trillion market): no chart
 * puts them on one axis; down a column of a table by year they are one
 * series and are charted. */
static void
test_chart_plain_figures (void)
{
  g_autoptr(NfCanvas) named = canvas_with_tables (
    "<table id=\"t1\" block=\"customer-segments\"><title>汽车市场空间</title>"
    "<column type=\"text\"><name>指标</name></column>"
    "<column type=\"number\"><name>数值</name></column>"
    "<row><cell>2019年乘用车销量</cell><cell value=\"21000000\">2100多万</cell></row>"
    "<row><cell>汽车市场规模</cell><cell value=\"10000000000000\">10万亿级</cell></row>"
    "</table>");
  g_autoptr(NfCanvas) series = canvas_with_tables (
    "<table id=\"t1\" block=\"customer-segments\"><title>By year</title>"
    "<column type=\"year\"><name>Year</name></column>"
    "<column type=\"number\"><name>Index</name></column>"
    "<row><cell value=\"2019\">2019</cell><cell value=\"21000000\">2100多万</cell></row>"
    "<row><cell value=\"2020\">2020</cell><cell value=\"23000000\">2300多万</cell></row>"
    "</table>");
  g_autoptr(NfMetricTable) t1 = g_list_model_get_item (nf_canvas_get_tables (named), 0);
  g_autoptr(NfMetricTable) t2 = g_list_model_get_item (nf_canvas_get_tables (series), 0);
  g_autoptr(GPtrArray) g1 = nf_chart_groups_new (t1);
  g_autoptr(GPtrArray) g2 = nf_chart_groups_new (t2);

  g_assert_cmpuint (g1->len, ==, 0);
  g_assert_cmpuint (g2->len, ==, 1);
  g_assert_cmpuint (((NfChartGroup *) g_ptr_array_index (g2, 0))->bars->len, ==, 2);
}

/* A note at the limit of tags (NF_CANVAS_MAX_TAGS): its card's footer in
 * the deck shows the first tags and the count of the rest, as the window's
 * card does, instead of laying out all of them on every card it is drawn
 * on (a deck of such notes took seconds and hundreds of megabytes). */
static void
test_pdf_many_tags (void)
{
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "deck-many-tags.pdf", NULL);
  g_autoptr(GString) xml = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<canvas xmlns=\"urn:ninefold:canvas:1\" version=\"1.0\" xml:lang=\"en\">"
    "<metadata><company>Tags</company><title>T</title></metadata>");
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *rest = g_strdup_printf ("+%u", NF_CANVAS_MAX_TAGS - 48);
  NfDeckOptions opts;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      g_string_append_printf (xml, "<block kind=\"%s\">", nf_block_to_xml ((NfBlock) b));
      if (b == NF_BLOCK_CHANNELS)
        {
          g_string_append (xml, "<note id=\"n1\"><text>A note with every tag it may have</text>");
          for (guint i = 0; i < NF_CANVAS_MAX_TAGS; i++)
            g_string_append_printf (xml, "<tag>tag%04u</tag>", i);
          g_string_append (xml, "</note>");
        }
      g_string_append (xml, "</block>");
    }
  g_string_append (xml, "</canvas>");
  canvas = nf_canvas_load_from_data (xml->str, xml->len, "tags.ninefold", &error);
  g_assert_no_error (error);
  g_ptr_array_add (canvases, g_object_ref (canvas));
  nf_deck_options_init (&opts);
  opts.lang = "en";
  g_assert_true (nf_deck_export_pdf (canvases, &opts, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  out = run_tool ("pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);
  if (out == NULL)
    return;
  g_assert_nonnull (strstr (out, "#tag0000"));
  g_assert_nonnull (strstr (out, "#tag0047"));
  g_assert_null (strstr (out, "#tag0048"));
  g_assert_null (strstr (out, "#tag0999"));
  g_assert_nonnull (strstr (out, rest));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deck/pdf/cases", test_pdf_cases);
  g_test_add_func ("/deck/pdf/language", test_pdf_language);
  g_test_add_func ("/deck/pdf/words-language", test_pdf_words_language);
  g_test_add_func ("/deck/pdf/many-tags", test_pdf_many_tags);
  g_test_add_data_func ("/deck/pdf/a4", "a4", test_pdf_handouts);
  g_test_add_data_func ("/deck/pdf/letter", "letter", test_pdf_handouts);
  g_test_add_func ("/deck/pdf/atomic", test_atomic);
  g_test_add_func ("/deck/png/dpi", test_png_dpi);
  g_test_add_func ("/deck/svg/well-formed", test_svg_well_formed);
  g_test_add_func ("/deck/chart/bounds", test_chart);
  g_test_add_func ("/deck/chart/groups", test_chart_groups);
  g_test_add_func ("/deck/chart/figure-kind", test_figure_kind);
  g_test_add_func ("/deck/chart/plain-figures", test_chart_plain_figures);
  g_test_add_func ("/deck/tables/packing", test_table_packing);
  g_test_add_func ("/deck/tables/headings-whole", test_table_headings_whole);
  g_test_add_func ("/deck/tables/long", test_long_table);
  g_test_add_func ("/deck/notes/long", test_long_note);
  g_test_add_func ("/deck/notes/long-start", test_long_note_start);
  g_test_add_func ("/deck/pdf/compare", test_pdf_compare);
  g_test_add_func ("/deck/pdf/compare-charts", test_compare_charts);
  g_test_add_func ("/deck/tables/aligned-long", test_aligned_long);
  g_test_add_func ("/deck/pages", test_pages);
  g_test_add_func ("/deck/outlines-once", test_outlines_once);
  g_test_add_func ("/deck/layouts-ahead", test_layouts_ahead);
  g_test_add_func ("/deck/layouts-four-maps", test_layouts_four_maps);
  g_test_add_func ("/deck/font-map-slots", test_font_map_slots);
  g_test_add_func ("/deck/compare-images", test_compare_images);

  return g_test_run ();
}
