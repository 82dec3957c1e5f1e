/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <errno.h>
#include <math.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include "nf-i18n-private.h"
#include <glib/gstdio.h>

#include "nf-card-cache-private.h"
#include "nf-deck-private.h"
#include "nf-grid-renderer.h"
#include "nf-render-private.h"

#define UNITS_PER_POINT (96.0 / 72.0)

void
nf_deck_options_init (NfDeckOptions *opts)
{
  g_return_if_fail (opts != NULL);
  *opts = (NfDeckOptions) { .page_size = NF_DECK_PAGE_WIDE };
}

void
nf_deck_page_size_get (NfDeckPageSize  size,
                       double         *out_width,
                       double         *out_height)
{
  /* Landscape throughout: a canvas is wider than it is tall. */
  static const double sizes[][2] = {
    [NF_DECK_PAGE_WIDE] = { 960, 540 },
    [NF_DECK_PAGE_A4] = { 841.89, 595.28 },
    [NF_DECK_PAGE_LETTER] = { 792, 612 },
  };

  if ((guint) size >= G_N_ELEMENTS (sizes))
    size = NF_DECK_PAGE_WIDE;
  *out_width = sizes[size][0];
  *out_height = sizes[size][1];
}

gboolean
nf_deck_page_size_from_string (const char     *name,
                               NfDeckPageSize *out_size)
{
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_str_equal (name, "16:9") || g_ascii_strcasecmp (name, "wide") == 0)
    *out_size = NF_DECK_PAGE_WIDE;
  else if (g_ascii_strcasecmp (name, "a4") == 0)
    *out_size = NF_DECK_PAGE_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *out_size = NF_DECK_PAGE_LETTER;
  else
    return FALSE;
  return TRUE;
}

PangoLayout *
_nf_deck_text (NfDeck      *deck,
               const char  *text,
               double       size,
               PangoWeight  weight,
               double       width)
{
  return _nf_deck_text_aligned (deck, text, size, weight, width, PANGO_ALIGN_LEFT);
}

PangoLayout *
_nf_deck_text_aligned (NfDeck         *deck,
                       const char     *text,
                       double          size,
                       PangoWeight     weight,
                       double          width,
                       PangoAlignment  align)
{
  PangoLayout *layout = _nf_deck_stash_take (deck->stash, text, size, weight, width, align);

  if (layout != NULL)
    return layout;
  layout = _nf_render_layout_new (deck->pango);
  _nf_render_set_font (layout, deck->style->font_family, size, weight);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (align != PANGO_ALIGN_LEFT)
    pango_layout_set_alignment (layout, align);
  if (deck->filling != NULL)
    _nf_deck_stash_put (deck->filling, layout, text, size, weight, width, align);
  return layout;
}

void
_nf_deck_begin_page (NfDeck *deck)
{
  if (deck->recordings != NULL)
    {
      /* A page of its own, for a printer to ask for in any order. */
      cairo_rectangle_t extents = { 0, 0, deck->width, deck->height };
      cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

      g_clear_pointer (&deck->cr, cairo_destroy);
      deck->cr = cairo_create (page);
      g_ptr_array_add (deck->recordings, page);
    }
  else if (deck->page > 0)
    cairo_show_page (deck->cr);
  deck->page++;
  cairo_save (deck->cr);
  cairo_set_source_rgb (deck->cr, 1, 1, 1);
  cairo_paint (deck->cr);
  cairo_restore (deck->cr);
}

/* A stroke costs cairo a PDF's line style, a matrix and a translucent
 * colour's graphics state besides its path, and a table has a rule
 * under every row: a rectangle filled in the border's colour as it looks
 * on the (white) slide is a quarter of the numbers, which cairo prints
 * one by one. The same pixels but for the rule's ends, square here. */
void
_nf_deck_rule (NfDeck *deck,
               double  x0,
               double  x1,
               double  y,
               double  width)
{
  static const NfColour white = { 1, 1, 1, 1 };
  NfColour solid = nf_colour_over (&deck->style->block_border, &white);

  _nf_render_set_colour (deck->cr, &solid);
  cairo_rectangle (deck->cr, x0, y - width / 2, x1 - x0, width);
  cairo_fill (deck->cr);
}

void
_nf_deck_end_slide (NfDeck *deck)
{
  deck->done++;
  deck->total = MAX (deck->total, deck->done);
  if (deck->progress != NULL)
    deck->progress (deck->done, deck->total, deck->progress_data);
}

int
_nf_deck_outline (NfDeck     *deck,
                  int         parent,
                  const char *text)
{
  NfDeckOutline entry = { .parent = parent, .page = deck->page };

  if (deck->surface == NULL || text == NULL || *text == '\0')
    return 0;
  if (deck->outlines == NULL)
    deck->outlines = g_array_new (FALSE, FALSE, sizeof (NfDeckOutline));
  entry.text = g_strdup (text);
  g_array_append_val (deck->outlines, entry);
  return (int) deck->outlines->len;
}

/* The outline goes in only once every page is written: a deck that
 * could not be written (a full disk) stopped counting its pages where
 * it failed, and an entry naming a later one trips an assertion in
 * cairo as the surface is destroyed. */
static void
add_outlines (NfDeck  *deck,
              gboolean written)
{
  g_autofree int *ids = NULL;

  if (deck->outlines == NULL)
    return;
  ids = g_new0 (int, deck->outlines->len + 1);
  for (guint i = 0; i < deck->outlines->len; i++)
    {
      NfDeckOutline *entry = &g_array_index (deck->outlines, NfDeckOutline, i);

      if (written)
        {
          g_autofree char *link = g_strdup_printf ("page=%u", entry->page);

          ids[i + 1] = cairo_pdf_surface_add_outline (deck->surface, ids[entry->parent],
                                                      entry->text, link, 0);
        }
      g_free (entry->text);
    }
  g_clear_pointer (&deck->outlines, g_array_unref);
}

void
_nf_deck_draw_header (NfDeck     *deck,
                      const char *company,
                      const char *title)
{
  const NfGridStyle *style = deck->style;
  double text_width = deck->width - 2 * NF_DECK_MARGIN - 80;
  g_autoptr(PangoLayout) name = _nf_deck_text (deck, company, 20, PANGO_WEIGHT_BOLD, -1);
  g_autoptr(PangoLayout) sub = _nf_deck_text (deck, title, 11, PANGO_WEIGHT_NORMAL, -1);
  g_autofree char *number = g_strdup_printf ("%u", deck->page);
  g_autoptr(PangoLayout) page = _nf_deck_text (deck, number, 10, PANGO_WEIGHT_NORMAL, -1);
  cairo_t *cr = deck->cr;
  double name_top, sub_top;
  gboolean tall = FALSE;   /* set in a CJK face */
  int w, h;

  /* One line each: a header that wrapped would eat the grid's room. */
  pango_layout_set_width (name, (int) (text_width * PANGO_SCALE));
  pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (sub, (int) (text_width * PANGO_SCALE));
  pango_layout_set_ellipsize (sub, PANGO_ELLIPSIZE_END);

  cairo_save (cr);
  _nf_render_set_colour (cr, &style->block_fill);
  cairo_rectangle (cr, 0, 0, deck->width, NF_DECK_HEADER_HEIGHT);
  cairo_fill (cr);
  _nf_render_set_colour (cr, &style->accent);
  cairo_rectangle (cr, 0, NF_DECK_HEADER_HEIGHT - 3, deck->width, 3);
  cairo_fill (cr);

  /* A PDF reader may box a glyph by its embedded font's bounding box:
   * PyMuPDF does (and deck-lint through it), and the CJK face's box
   * reaches 1.81 em above the baseline, although the font's ascent is
   * 1.16 em. With its top at 12, a Chinese title's glyph boxes started
   * above the page and the title was left out of the page's text. Such
   * a title goes lower, and the line under it closes up to its glyphs
   * to stay in the band. */
  for (const char *p = company != NULL ? company : ""; *p != '\0' && !tall; p = g_utf8_next_char (p))
    tall = g_utf8_get_char (p) >= 0x2e80;
  name_top = 12;
  if (tall)
    {
      /* 18 pt: at 20 the line under it would not fit the band. */
      _nf_render_set_font (name, style->font_family, 18, PANGO_WEIGHT_BOLD);
      name_top = MAX (12, 18 * (96.0 / 72.0) * 1.83 - (double) pango_layout_get_baseline (name) / PANGO_SCALE);
    }
  _nf_render_set_colour (cr, &style->title_text);
  cairo_move_to (cr, NF_DECK_MARGIN * 0.6, name_top);
  pango_cairo_show_layout (cr, name);
  pango_layout_get_pixel_size (name, &w, &h);
  sub_top = name_top + h + 2;
  if (tall)
    {
      PangoRectangle name_ink, sub_ink;

      pango_layout_get_pixel_extents (name, &name_ink, NULL);
      pango_layout_get_pixel_extents (sub, &sub_ink, NULL);
      sub_top = MIN (sub_top, NF_DECK_HEADER_HEIGHT - 6 - (sub_ink.y + sub_ink.height));
      sub_top = MAX (sub_top, name_top + name_ink.y + name_ink.height + 2 - sub_ink.y);
    }
  _nf_render_set_colour (cr, &style->muted_text);
  cairo_move_to (cr, NF_DECK_MARGIN * 0.6, sub_top);
  pango_cairo_show_layout (cr, sub);

  /* A lone PNG or SVG is no page of anything. */
  if (deck->surface != NULL)
    {
      pango_layout_get_pixel_size (page, &w, &h);
      cairo_move_to (cr, deck->width - NF_DECK_MARGIN * 0.6 - w, 14);
      pango_cairo_show_layout (cr, page);
    }
  cairo_restore (cr);
}

static char *
deck_title (GPtrArray           *canvases,
            const NfDeckOptions *opts)
{
  if (opts->title != NULL && *opts->title != '\0')
    return g_strdup (opts->title);
  if (canvases->len == 1)
    {
      NfCanvas *canvas = g_ptr_array_index (canvases, 0);
      const char *title = _nf_deck_canvas_title (canvas, opts->lang);

      if (*title != '\0')
        return g_strdup (title);
    }
  if (opts->compare && canvases->len >= 2)
    return g_strdup (_("Business models compared"));
  return g_strdup (_("Business models"));
}

char *
_nf_deck_title (GPtrArray           *canvases,
                const NfDeckOptions *opts)
{
  NfLanguageScope scope;
  char *title;

  nf_language_scope_enter (&scope, opts->lang);
  title = deck_title (canvases, opts);
  nf_language_scope_leave (&scope);
  return title;
}

const char *
_nf_deck_company (NfCanvas   *canvas,
                  const char *lang)
{
  const char *company = nf_canvas_get_company_for_language (canvas, lang);

  if (company == NULL || *company == '\0')
    company = nf_canvas_get_title_for_language (canvas, lang);
  if (company == NULL || *company == '\0')
    company = _("Untitled canvas");
  return company;
}

const char *
_nf_deck_canvas_title (NfCanvas   *canvas,
                       const char *lang)
{
  const char *title = nf_canvas_get_title_for_language (canvas, lang);

  return title != NULL ? title : "";
}

const char *
_nf_deck_cell_text (const NfDeck *deck,
                    const NfCell *cell)
{
  return nf_cell_get_text_for_language (cell, deck->lang);
}

static const char *
month_name (int month)
{
  switch (month)
    {
    case 1: return C_("month", "January");
    case 2: return C_("month", "February");
    case 3: return C_("month", "March");
    case 4: return C_("month", "April");
    case 5: return C_("month", "May");
    case 6: return C_("month", "June");
    case 7: return C_("month", "July");
    case 8: return C_("month", "August");
    case 9: return C_("month", "September");
    case 10: return C_("month", "October");
    case 11: return C_("month", "November");
    case 12: return C_("month", "December");
    default: return "";
    }
}

/* The date in the deck's language (the thread's, see nf-i18n-private.h),
 * not the process's LC_TIME: an English deck made on a Chinese desktop
 * said "7 十二月 2026", and a Chinese one needs no zh locale installed.
 * So the month's name comes from the catalog, never from %B. */
char *
_nf_deck_format_date (GDateTime *date)
{
  /* TRANSLATORS: the date on a deck's title slide, in
   * g_date_time_format()'s codes: %-d the day, %-m the month's number,
   * %Y the year, %B the month's name (from the "month" strings here, not
   * the system's). Chinese: "%Y年%-m月%-d日". */
  g_autoptr(GString) format = g_string_new (C_("deck date", "%-d %B %Y"));

  g_string_replace (format, "%B", month_name (g_date_time_get_month (date)), 0);
  return g_date_time_format (date, format->str);
}

static void
draw_title_slide (NfDeck    *deck,
                  GPtrArray *canvases,
                  GDateTime *date)
{
  const NfGridStyle *style = deck->style;
  double width = deck->width - 2 * NF_DECK_MARGIN * 2;
  g_autoptr(GString) companies = g_string_new (NULL);
  g_autofree char *when = _nf_deck_format_date (date);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) names = NULL;
  g_autoptr(PangoLayout) day = NULL;
  cairo_t *cr;
  double x = NF_DECK_MARGIN * 2, y;
  int w, h;

  for (guint i = 0; i < canvases->len; i++)
    {
      if (i > 0)
        g_string_append (companies, " · ");
      g_string_append (companies, _nf_deck_company (g_ptr_array_index (canvases, i), deck->lang));
    }

  _nf_deck_begin_page (deck);
  cr = deck->cr;  /* the page's: NfDeckPages gives each its own */
  _nf_deck_outline (deck, CAIRO_PDF_OUTLINE_ROOT, deck->title);
  title = _nf_deck_text (deck, deck->title, 34, PANGO_WEIGHT_BOLD, width);
  names = _nf_deck_text (deck, companies->str, 16, PANGO_WEIGHT_NORMAL, width);
  day = _nf_deck_text (deck, when, 12, PANGO_WEIGHT_NORMAL, width);

  cairo_save (cr);
  _nf_render_set_colour (cr, &style->accent);
  cairo_rectangle (cr, 0, 0, 14, deck->height);
  cairo_fill (cr);

  y = deck->height * 0.34;
  _nf_render_set_colour (cr, &style->title_text);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, title);
  pango_layout_get_pixel_size (title, &w, &h);
  y += h + 24;
  _nf_render_set_colour (cr, &style->accent);
  cairo_rectangle (cr, x, y, 96, 4);
  cairo_fill (cr);
  y += 28;
  _nf_render_set_colour (cr, &style->title_text);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, names);
  pango_layout_get_pixel_size (names, &w, &h);
  y += h + 14;
  _nf_render_set_colour (cr, &style->muted_text);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, day);
  cairo_restore (cr);
  _nf_deck_end_slide (deck);
}

/* The header band and the editor's grid beneath it: the one image of a
 * canvas (PNG, SVG). */
static void
draw_canvas_slide (NfDeck       *deck,
                   NfCanvas     *canvas,
                   NfGridLayout *layout)
{
  _nf_deck_draw_header (deck, _nf_deck_company (canvas, deck->lang),
                        _nf_deck_canvas_title (canvas, deck->lang));
  cairo_save (deck->cr);
  cairo_translate (deck->cr, 0, NF_DECK_HEADER_HEIGHT);
  /* A slide is drawn once: keeping its pixels would only cost. */
  _nf_grid_render_afresh (deck->cr, layout, deck->style);
  cairo_restore (deck->cr);
}

/* Every slide, in order: what the PDF writes and the printer prints. */
void
_nf_deck_draw_all (NfDeck              *deck,
                   GPtrArray           *canvases,
                   const NfDeckOptions *opts,
                   GDateTime           *date)
{
  NfDeckLayouts *layouts;
  NfLanguageScope scope;

  /* Every label of the deck (block names, headings, evidence levels…) in
   * the deck's language, not the user's; the workers planning slides
   * choose it for themselves. */
  nf_language_scope_enter (&scope, deck->lang);
  deck->total = 1 + (opts->compare ? _nf_deck_compare_n_slides (canvases) : 0);
  for (guint i = 0; i < canvases->len; i++)
    deck->total += 2 + g_list_model_get_n_items (nf_canvas_get_tables (g_ptr_array_index (canvases, i))) / 3;

  draw_title_slide (deck, canvases, date);
  if (opts->compare && !g_cancellable_is_cancelled (deck->cancellable))
    _nf_deck_compare_slides (deck, canvases);

  layouts = _nf_deck_layouts_new (canvases, deck->style, deck->lang, deck->width, deck->height);
  /* A deck of one canvas has its title slide already. */
  for (guint i = 0; i < canvases->len && !g_cancellable_is_cancelled (deck->cancellable); i++)
    {
      NfDeckPlan *plan = _nf_deck_layouts_take (layouts, deck, i);

      deck->metrics = _nf_deck_layouts_take_metrics (layouts, deck, i);
      deck->layouts = layouts;
      deck->at = i;
      _nf_deck_canvas_slides (deck, g_ptr_array_index (canvases, i), plan, canvases->len > 1);
      deck->layouts = NULL;
      /* Freed before its worker may use its font map again. */
      _nf_deck_plan_free (plan);
      g_clear_pointer (&deck->metrics, _nf_deck_metrics_plan_free);
      _nf_deck_layouts_done (layouts, i);
    }
  _nf_deck_layouts_free (layouts);
  nf_language_scope_leave (&scope);
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, NF_RENDER_ERROR, NF_RENDER_ERROR_WRITE,
               _("Could not write “%s”: %s"), display, reason);
}

NfAtomicFile *
_nf_deck_begin_file (const char  *path,
                     GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;
  NfAtomicFile *out = nf_atomic_file_begin (file, NF_ATOMIC_FILE_NONE, NULL, &local_error);

  if (out == NULL)
    set_write_error (error, path, local_error->message);
  return out;
}

gboolean
_nf_deck_finish_file (cairo_surface_t  *surface,
                      NfAtomicFile     *file,
                      const char       *path,
                      GCancellable     *cancellable,
                      GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      nf_atomic_file_abort (file);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, NF_RENDER_ERROR,
                   status == CAIRO_STATUS_WRITE_ERROR ? NF_RENDER_ERROR_WRITE : NF_RENDER_ERROR_FAILED,
                   _("Could not write “%s”: %s"), display, cairo_status_to_string (status));
      nf_atomic_file_abort (file);
      return FALSE;
    }
  if (!nf_atomic_file_commit (file, NULL, cancellable, &local_error))
    {
      set_write_error (error, path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
set_metadata (cairo_surface_t *surface,
              const char      *title,
              const char      *author,
              GPtrArray       *canvases,
              const char      *lang,
              GDateTime       *date)
{
  g_autoptr(GString) subject = g_string_new (NULL);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S");

  for (guint i = 0; i < canvases->len; i++)
    {
      if (i > 0)
        g_string_append (subject, ", ");
      g_string_append (subject, _nf_deck_company (g_ptr_array_index (canvases, i), lang));
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject->str);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Ninefold");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
}

gboolean
nf_deck_export_pdf (GPtrArray           *canvases,
                    const NfDeckOptions *opts,
                    const char          *path,
                    GCancellable        *cancellable,
                    NfDeckProgress       progress,
                    gpointer             user_data,
                    GError             **error)
{
  NfDeckOptions defaults;
  g_autoptr(NfGridStyle) light = NULL;
  g_autoptr(GDateTime) date = NULL;
  PangoContext *pango;
  g_autofree char *title = NULL;
  NfAtomicFile *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double wpt, hpt;
  NfDeck deck = { 0 };

  g_return_val_if_fail (canvases != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (opts == NULL)
    {
      nf_deck_options_init (&defaults);
      opts = &defaults;
    }
  if (opts->style == NULL)
    light = nf_grid_style_new_light ();
  date = opts->date != NULL ? g_date_time_ref (opts->date) : g_date_time_new_now_local ();
  title = _nf_deck_title (canvases, opts);

  tmp = _nf_deck_begin_file (path, error);
  if (tmp == NULL)
    return FALSE;

  nf_deck_page_size_get (opts->page_size, &wpt, &hpt);
  surface = cairo_pdf_surface_create (nf_atomic_file_get_temp_path (tmp), wpt, hpt);
  set_metadata (surface, title, opts->author, canvases, opts->lang, date);
  pango = nf_render_pango_context_new (opts->lang);

  deck.surface = surface;
  deck.cr = cairo_create (surface);
  deck.style = opts->style != NULL ? opts->style : light;
  deck.lang = opts->lang;
  deck.title = title;
  deck.pango = pango;
  deck.width = wpt * UNITS_PER_POINT;
  deck.height = hpt * UNITS_PER_POINT;
  deck.cancellable = cancellable;
  deck.progress = progress;
  deck.progress_data = user_data;

  cairo_scale (deck.cr, 1 / UNITS_PER_POINT, 1 / UNITS_PER_POINT);
  _nf_deck_draw_all (&deck, canvases, opts, date);

  status = cairo_status (deck.cr);
  add_outlines (&deck, status == CAIRO_STATUS_SUCCESS);
  cairo_destroy (deck.cr);
  g_object_unref (pango);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, NF_RENDER_ERROR, NF_RENDER_ERROR_FAILED,
                   _("Could not draw the deck for “%s”: %s"), display,
                   cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      nf_atomic_file_abort (tmp);
      return FALSE;
    }
  return _nf_deck_finish_file (surface, tmp, path, cancellable, error);
}

static gboolean
export_one (NfCanvas            *canvas,
            const NfDeckOptions *opts,
            cairo_surface_t     *surface,
            double               scale,
            double               width,
            double               height)
{
  g_autoptr(NfGridStyle) light = NULL;
  PangoContext *pango = nf_render_pango_context_new (opts != NULL ? opts->lang : NULL);
  g_autoptr(NfGridLayout) layout = NULL;
  NfDeck deck = { 0 };
  cairo_status_t status;
  NfLanguageScope scope;

  if (opts == NULL || opts->style == NULL)
    light = nf_grid_style_new_light ();
  deck.cr = cairo_create (surface);
  deck.style = light != NULL ? light : opts->style;
  deck.lang = opts != NULL ? opts->lang : NULL;
  deck.pango = pango;
  nf_language_scope_enter (&scope, deck.lang);
  deck.width = width;
  deck.height = height;
  cairo_scale (deck.cr, scale, scale);
  _nf_deck_begin_page (&deck);
  layout = nf_grid_layout_new (canvas, deck.style, deck.lang);
  nf_grid_layout_allocate (layout, deck.width, deck.height - NF_DECK_HEADER_HEIGHT);
  draw_canvas_slide (&deck, canvas, layout);
  status = cairo_status (deck.cr);
  cairo_destroy (deck.cr);
  g_clear_object (&layout);
  g_object_unref (pango);
  nf_language_scope_leave (&scope);
  return status == CAIRO_STATUS_SUCCESS;
}

/* One image (PNG at `dpi`, or SVG when `dpi` is 0) of the options' page
 * size, drawn by `draw` and written atomically. `draw_error` is the
 * translated message for a drawing that failed, with the file name and
 * cairo's reason as its two %s. */
gboolean
_nf_deck_write_image (const NfDeckOptions  *opts,
                      double                dpi,
                      const char           *path,
                      const char           *draw_error,
                      NfDeckImageDraw       draw,
                      gpointer              data,
                      GError              **error)
{
  NfAtomicFile *tmp = NULL;
  g_autofree char *display = g_filename_display_name (path);
  cairo_surface_t *surface;
  double wpt, hpt, scale;
  cairo_status_t status;

  nf_deck_page_size_get (opts != NULL ? opts->page_size : NF_DECK_PAGE_WIDE, &wpt, &hpt);
  if (dpi <= 0)
    {
      if (!(tmp = _nf_deck_begin_file (path, error)))
        return FALSE;
      surface = cairo_svg_surface_create (nf_atomic_file_get_temp_path (tmp), wpt, hpt);
      draw (surface, 1 / UNITS_PER_POINT, wpt * UNITS_PER_POINT, hpt * UNITS_PER_POINT, data);
      return _nf_deck_finish_file (surface, tmp, path, NULL, error);
    }

  scale = dpi / 96.0;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) round (wpt * UNITS_PER_POINT * scale),
                                        (int) round (hpt * UNITS_PER_POINT * scale));
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS ||
      !draw (surface, scale, wpt * UNITS_PER_POINT, hpt * UNITS_PER_POINT, data))
    {
      g_set_error (error, NF_RENDER_ERROR, NF_RENDER_ERROR_FAILED, draw_error, display,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return FALSE;
    }
  if (!(tmp = _nf_deck_begin_file (path, error)))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  status = cairo_surface_write_to_png (surface, nf_atomic_file_get_temp_path (tmp));
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, NF_RENDER_ERROR, NF_RENDER_ERROR_WRITE,
                   _("Could not write “%s”: %s"), display, cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      nf_atomic_file_abort (tmp);
      return FALSE;
    }
  return _nf_deck_finish_file (surface, tmp, path, NULL, error);
}

typedef struct {
  NfCanvas            *canvas;
  const NfDeckOptions *opts;
} OneCanvas;

static gboolean
draw_one (cairo_surface_t *surface,
          double           scale,
          double           width,
          double           height,
          gpointer         data)
{
  OneCanvas *one = data;

  return export_one (one->canvas, one->opts, surface, scale, width, height);
}

gboolean
nf_deck_export_png (NfCanvas            *canvas,
                    const NfDeckOptions *opts,
                    double               dpi,
                    const char          *path,
                    GError             **error)
{
  OneCanvas one = { canvas, opts };

  g_return_val_if_fail (NF_IS_CANVAS (canvas), FALSE);
  g_return_val_if_fail (dpi > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return _nf_deck_write_image (opts, dpi, path, _("Could not draw the canvas for “%s”: %s"),
                               draw_one, &one, error);
}

gboolean
nf_deck_export_svg (NfCanvas            *canvas,
                    const NfDeckOptions *opts,
                    const char          *path,
                    GError             **error)
{
  OneCanvas one = { canvas, opts };

  g_return_val_if_fail (NF_IS_CANVAS (canvas), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return _nf_deck_write_image (opts, 0, path, _("Could not draw the canvas for “%s”: %s"),
                               draw_one, &one, error);
}
