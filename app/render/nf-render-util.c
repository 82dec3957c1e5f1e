/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>

#include "nf-i18n-private.h"

#include "nf-atomic-file.h"
#include "nf-card-layout.h"
#include "nf-grid-renderer.h"
#include "nf-render-private.h"

static guint n_layouts_created;
static guint n_scratch_layouts;
static guint n_measures;

PangoLayout *
_nf_render_layout_new (PangoContext *context)
{
  g_atomic_int_inc (&n_layouts_created);
  return pango_layout_new (context);
}

PangoLayout *
_nf_render_scratch_layout_new (PangoContext *context)
{
  g_atomic_int_inc (&n_scratch_layouts);
  return pango_layout_new (context);
}

guint
_nf_render_get_n_scratch_layouts (void)
{
  return (guint) g_atomic_int_get (&n_scratch_layouts);
}

void
_nf_render_count_measure (void)
{
  g_atomic_int_inc (&n_measures);
}

guint
_nf_render_get_n_layouts_created (void)
{
  return (guint) g_atomic_int_get (&n_layouts_created);
}

guint
_nf_render_get_n_measures (void)
{
  return (guint) g_atomic_int_get (&n_measures);
}

void
_nf_render_set_font (PangoLayout *layout,
                     const char  *family,
                     double       size,
                     PangoWeight  weight)
{
  const PangoFontDescription *now = pango_layout_get_font_description (layout);
  int units = (int) round (size * PANGO_SCALE);
  g_autoptr(PangoFontDescription) desc = NULL;

  /* The same font again, told without making a description to compare
   * (a card's layouts are given theirs at every measure). */
  if (now != NULL &&
      pango_font_description_get_set_fields (now) ==
        (PANGO_FONT_MASK_FAMILY | PANGO_FONT_MASK_SIZE | PANGO_FONT_MASK_WEIGHT) &&
      pango_font_description_get_size (now) == units &&
      !pango_font_description_get_size_is_absolute (now) &&
      pango_font_description_get_weight (now) == weight &&
      g_strcmp0 (pango_font_description_get_family (now), family) == 0)
    return;
  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, family);
  pango_font_description_set_size (desc, units);
  pango_font_description_set_weight (desc, weight);
  if (now != NULL && pango_font_description_equal (now, desc))
    return;
  pango_layout_set_font_description (layout, desc);
}

void
_nf_render_rounded_rect (cairo_t      *cr,
                         const NfRect *r,
                         double        radius)
{
  double x = r->x, y = r->y, w = r->width, h = r->height;

  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
_nf_render_set_colour (cairo_t        *cr,
                       const NfColour *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

/* Fills the current path and outlines it. On a PDF, cairo writes the two
 * as one path (`B`) only when both colours are opaque, so a translucent
 * border over an opaque fill is mixed with it first: a card's path is
 * then written once where it was twice (a third of a deck's numbers,
 * which cairo prints one by one). The outer half of the line mixes with
 * the fill instead of what is under it: a difference of a few levels in
 * a line under a point wide. */
void
_nf_render_fill_outlined (cairo_t        *cr,
                          const NfColour *fill,
                          const NfColour *border,
                          double          line_width)
{
  NfColour edge = fill->alpha >= 1.0 ? nf_colour_over (border, fill) : *border;

  _nf_render_set_colour (cr, fill);
  cairo_fill_preserve (cr);
  _nf_render_set_colour (cr, &edge);
  cairo_set_line_width (cr, line_width);
  cairo_stroke (cr);
}

PangoContext *
nf_render_pango_context_new (const char *lang)
{
  PangoContext *context;
  cairo_font_options_t *options;

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (context, 96.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  if (lang != NULL)
    pango_context_set_language (context, pango_language_from_string (lang));
  return context;
}

PangoLayout *
_nf_render_wrapped_layout (PangoContext *context,
                           const char   *family,
                           const char   *text,
                           gboolean      markup,
                           double        size,
                           PangoWeight   weight,
                           double        width)
{
  PangoLayout *layout = _nf_render_layout_new (context);

  _nf_render_set_font (layout, family, size, weight);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  _nf_render_count_measure ();
  return layout;
}

double
_nf_render_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

double
_nf_render_layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* A PNG written through the one atomic replace: any old file at `path`
 * stays whole if writing fails. */
gboolean
_nf_render_write_png (cairo_surface_t  *surface,
                      const char       *path,
                      GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  NfAtomicFile *out;
  cairo_status_t status;

  if (!(out = nf_atomic_file_begin (file, NF_ATOMIC_FILE_NONE, NULL, &local_error)))
    {
      g_set_error (error, NF_RENDER_ERROR, NF_RENDER_ERROR_WRITE,
                   _("Could not write “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  status = cairo_surface_write_to_png (surface, nf_atomic_file_get_temp_path (out));
  if (status != CAIRO_STATUS_SUCCESS)
    {
      nf_atomic_file_abort (out);
      g_set_error (error, NF_RENDER_ERROR, NF_RENDER_ERROR_WRITE,
                   _("Could not write “%s”: %s"), display, cairo_status_to_string (status));
      return FALSE;
    }
  if (!nf_atomic_file_commit (out, NULL, NULL, &local_error))
    {
      g_set_error (error, NF_RENDER_ERROR, NF_RENDER_ERROR_WRITE,
                   _("Could not write “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* The warning sign of a note marked as conflicting, with its top left at
 * (x, y): amber with a dark "!", which reads on light and dark cards
 * alike. Window, compare view and slides draw this one sign. */
void
_nf_render_draw_warning_sign (cairo_t *cr,
                              double   x,
                              double   y,
                              double   size)
{
  double cx = x + size / 2, y1 = y + size * 0.9;

  cairo_save (cr);
  cairo_move_to (cr, cx, y);
  cairo_line_to (cr, x + size, y1);
  cairo_line_to (cr, x, y1);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 0xe5 / 255.0, 0xa5 / 255.0, 0x0a / 255.0);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.15, 0.1, 0);
  cairo_rectangle (cr, cx - size * 0.06, y + size * 0.3, size * 0.12, size * 0.32);
  cairo_rectangle (cr, cx - size * 0.06, y + size * 0.68, size * 0.12, size * 0.12);
  cairo_fill (cr);
  cairo_restore (cr);
}
