/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nf-cli-private.h"
#include "nf-atomic-file.h"
#include "nf-deck.h"
#include "nf-export-markdown.h"
#include "nf-export-sheet.h"

static char *output;
static char *page_size;
static char *lang;
static char *title;
static int dpi = G_MININT;  /* G_MININT: not given */
static gboolean compare;

static const GOptionEntry entries[] = {
  { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &output,
    N_("Write to OUT; its extension (.pdf, .png, .svg, .md, .csv or .xlsx) picks the format"), N_("OUT") },
  { "page-size", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &page_size,
    N_("Page size: 16:9 (the default), a4 or letter (landscape)"), N_("SIZE") },
  { "dpi", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &dpi,
    N_("Resolution of a PNG (default 96: 1280 × 720 pixels)"), N_("N") },
  { "lang", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &lang,
    N_("Show the translations into LANG of every text that has one: titles, notes, table titles, column names and row labels"), N_("LANG") },
  { "compare", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &compare,
    N_("Compare the canvases (2 to 4): in a PDF, comparison slides after the title; "
       "as a PNG or SVG, one image of the comparison"), NULL },
  { "title", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &title,
    N_("The deck's title (default: the canvas's title)"), N_("TEXT") },
  { NULL }
};

typedef enum {
  FORMAT_PDF,
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_MARKDOWN,
  FORMAT_CSV,
  FORMAT_XLSX,
} Format;

static gboolean
format_of (const char *path,
           Format     *out)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".pdf"))
    *out = FORMAT_PDF;
  else if (g_str_has_suffix (lower, ".png"))
    *out = FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *out = FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    *out = FORMAT_MARKDOWN;
  else if (g_str_has_suffix (lower, ".csv"))
    *out = FORMAT_CSV;
  else if (g_str_has_suffix (lower, ".xlsx"))
    *out = FORMAT_XLSX;
  else
    return FALSE;
  return TRUE;
}

/* "cases" names the four canvases shipped with Ninefold, always: what a
 * word means should not change with the folder it is typed in (a folder
 * "cases" left in /tmp made the word read it, and fail). A file or folder
 * of that name is "./cases", and a note says so when one is there. */
static gboolean
load_inputs (char      **args,
             GPtrArray  *canvases,
             GError    **error)
{
  for (guint i = 0; args[i] != NULL; i++)
    {
      NfCanvas *canvas;

      if (g_str_equal (args[i], "cases"))
        {
          if (g_file_test (args[i], G_FILE_TEST_EXISTS))
            {
              g_printerr ("ninefold: ");
              g_printerr (g_file_test (args[i], G_FILE_TEST_IS_DIR)
                          ? _("“cases” is the four case canvases shipped with Ninefold; for the "
                              "folder named “cases” here, write “./cases”")
                          : _("“cases” is the four case canvases shipped with Ninefold; for the "
                              "file named “cases” here, write “./cases”"));
              g_printerr ("\n");
            }
          for (guint c = 0; nf_case_resource_paths ()[c] != NULL; c++)
            {
              canvas = nf_canvas_load_case (c, error);
              if (canvas == NULL)
                return FALSE;
              g_ptr_array_add (canvases, canvas);
            }
          continue;
        }
      canvas = _nf_cli_load_any (args[i], NULL, error);
      if (canvas == NULL)
        return FALSE;
      g_ptr_array_add (canvases, canvas);
    }
  return TRUE;
}

static int
run_export (const NfCliCommand  *command,
            char               **args)
{
  g_autofree char *out = g_steal_pointer (&output);
  g_autofree char *size_name = g_steal_pointer (&page_size);
  g_autofree char *language = g_steal_pointer (&lang);
  g_autofree char *deck_title = g_steal_pointer (&title);
  g_autoptr(GPtrArray) canvases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *lang_tag = NULL;
  NfDeckOptions opts;
  Format format;
  int resolution = dpi;
  gboolean ok;

  dpi = G_MININT;
  nf_deck_options_init (&opts);
  opts.compare = compare;
  compare = FALSE;
  if (args[0] == NULL)
    return _nf_cli_usage_error (command, _("no input FILE to export"));
  if (out == NULL || *out == '\0')
    return _nf_cli_usage_error (command, _("no output given: add “-o OUT”"));
  if (!format_of (out, &format))
    return _nf_cli_usage_error (command, _("cannot tell the format of “%s”: end it in .pdf, .png, .svg, .md, .csv or .xlsx"),
                                out);
  if (size_name != NULL && !nf_deck_page_size_from_string (size_name, &opts.page_size))
    return _nf_cli_usage_error (command, _("unknown page size “%s”: use 16:9, a4 or letter"),
                                size_name);
  if (resolution == G_MININT)
    resolution = 96;
  else if (resolution < 1 || resolution > 1200)
    return _nf_cli_usage_error (command, _("--dpi must be between 1 and 1200"));
  if (deck_title != NULL && !g_utf8_validate (deck_title, -1, NULL))
    return _nf_cli_usage_error (command, _("--title is not valid UTF-8 text"));
  if (deck_title != NULL && !nf_text_is_clean (deck_title))
    return _nf_cli_usage_error (command, _("--title holds a control character; give it as "
                                           "plain text"));
  if (language != NULL)
    {
      lang_tag = nf_language_tag_normalise (language);
      if (lang_tag == NULL)
        return _nf_cli_usage_error (command, _("“%s” is not a language tag"), language);
      opts.lang = lang_tag;
    }
  opts.title = deck_title;

  /* An export never takes the place of what it was made from: a
   * hand-written write-up exported to its own name would be lost. */
  {
    g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (out);

    for (guint i = 0; args[i] != NULL; i++)
      {
        g_autoptr(GFile) in_file = g_file_new_for_commandline_arg (args[i]);

        if (nf_atomic_file_same_file (in_file, out_file))
          return _nf_cli_usage_error (command,
                                      _("“%s” is one of the files being exported; write the "
                                        "export under another name"), out);
      }
  }

  if (!load_inputs (args, canvases, &error))
    {
      _nf_cli_error (error);
      return NF_CLI_EXIT_INVALID;
    }
  if (opts.compare && (canvases->len < 2 || canvases->len > 4))
    return _nf_cli_usage_error (command, _("--compare takes two to four canvases, not %u"),
                                canvases->len);
  if (opts.compare && format == FORMAT_MARKDOWN)
    return _nf_cli_usage_error (command, _("--compare makes a PDF, PNG or SVG, not Markdown"));
  if (format == FORMAT_MARKDOWN && canvases->len != 1)
    return _nf_cli_usage_error (command, _("a Markdown file holds one canvas; export several to a PDF"));
  if ((format == FORMAT_CSV || format == FORMAT_XLSX) && !opts.compare && canvases->len != 1)
    return _nf_cli_usage_error (command, _("a spreadsheet holds one canvas's tables; add --compare "
                                           "to line up the metrics of two to four"));
  if (format != FORMAT_PDF && format != FORMAT_MARKDOWN && !opts.compare && canvases->len != 1)
    return _nf_cli_usage_error (command, _("a PNG or SVG holds one canvas; export several to a PDF"));

  switch (format)
    {
    case FORMAT_PDF:
      ok = nf_deck_export_pdf (canvases, &opts, out, NULL, NULL, NULL, &error);
      break;
    case FORMAT_PNG:
      if (opts.compare)
        ok = nf_deck_export_compare_png ((NfCanvas **) canvases->pdata, canvases->len, &opts,
                                         resolution, out, &error);
      else
        ok = nf_deck_export_png (g_ptr_array_index (canvases, 0), &opts, resolution, out, &error);
      break;
    case FORMAT_MARKDOWN:
      {
        g_autoptr(GFile) file = g_file_new_for_commandline_arg (out);

        ok = nf_export_markdown_to_file (g_ptr_array_index (canvases, 0), opts.lang, file,
                                         NULL, &error);
      }
      break;
    case FORMAT_CSV:
      if (opts.compare)
        ok = nf_export_compare_csv ((NfCanvas **) canvases->pdata, canvases->len, opts.lang, out,
                                    NULL, &error);
      else
        {
          g_auto(GStrv) paths = nf_export_csv_paths (g_ptr_array_index (canvases, 0), opts.lang, out);

          ok = nf_export_csv (g_ptr_array_index (canvases, 0), opts.lang, out, NULL, &error);
          /* Say where the tables went when they are not in OUT itself. */
          for (guint i = 0; ok && paths[i] != NULL && !(i == 0 && g_str_equal (paths[i], out)); i++)
            g_print ("%s\n", paths[i]);
        }
      break;
    case FORMAT_XLSX:
      if (opts.compare)
        ok = nf_export_compare_xlsx ((NfCanvas **) canvases->pdata, canvases->len, opts.lang, out,
                                     NULL, &error);
      else
        ok = nf_export_xlsx (g_ptr_array_index (canvases, 0), opts.lang, out, NULL, &error);
      break;
    case FORMAT_SVG:
    default:
      if (opts.compare)
        ok = nf_deck_export_compare_svg ((NfCanvas **) canvases->pdata, canvases->len, &opts,
                                         out, &error);
      else
        ok = nf_deck_export_svg (g_ptr_array_index (canvases, 0), &opts, out, &error);
      break;
    }
  if (!ok)
    {
      _nf_cli_error (error);
      return NF_CLI_EXIT_INVALID;
    }
  return NF_CLI_EXIT_OK;
}

const NfCliCommand _nf_cli_export = {
  .name = "export",
  .parameters = N_("FILE… -o OUT.pdf|OUT.png|OUT.svg|OUT.md|OUT.csv|OUT.xlsx [--compare]"),
  .summary = N_("Export canvases as a PDF slide deck, one canvas as a PNG, SVG or Markdown, "
                "or metric tables as a spreadsheet"),
  .description = N_("Each FILE is a .ninefold canvas or a write-up; the word “cases” stands "
                    "for the four case canvases shipped with Ninefold. A PDF is a deck: a "
                    "title slide, then for each canvas an overview of its nine blocks with "
                    "every note, slides with the notes in full of blocks the overview could "
                    "only show the start of, its metric tables with a chart per kind of "
                    "figure, and its sources. A PNG "
                    "or SVG is one canvas's slide, or with --compare one image of the "
                    "comparison; with --compare a PDF also has, after its title, slides "
                    "comparing all nine blocks, each block, and the metrics. A .md file is "
                    "one canvas as a Markdown write-up that “ninefold convert” reads back. "
                    "A .xlsx file holds a canvas's metric tables, one sheet per table: "
                    "figures are numbers with their unit or currency in the number format, "
                    "and a column “… (as written)” keeps the text where it says more than "
                    "the number. A .csv file holds one table (UTF-8, comma-separated, "
                    "figures in plain units, percentages as 15%); a canvas with several "
                    "tables gives one CSV per table, named OUT-1-slug.csv, OUT-2-slug.csv… "
                    "beside OUT, and their names are printed. With --compare, a .csv or "
                    ".xlsx holds the metrics the canvases share, lined up, a figure and "
                    "its text per canvas. "
                    "OUT is written whole or not at all: a "
                    "failed export leaves any old OUT as it was.\n"
                    "\n"
                    "Exit status: 0 on success, 1 if a FILE cannot be read or OUT cannot be "
                    "written, 2 for a usage error."),
  .entries = entries,
  .run = run_export,
};
