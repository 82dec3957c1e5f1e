/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-label-fonts"

#include "config.h"

#include <pango/pangocairo.h>

#include "nf-label-fonts.h"

struct _NfLabelFonts
{
  PangoFontDescription *font;
  cairo_font_options_t *options;
  double                resolution;
  gboolean              round_positions;
  PangoLanguage        *language;
};

/* Read off the widget's own Pango context, so whatever GTK derives from
 * its settings (and however a later GTK derives it) is what we copy. */
NfLabelFonts *
nf_label_fonts_new_for_widget (GtkWidget *widget)
{
  PangoContext *context;
  const cairo_font_options_t *options;
  NfLabelFonts *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  context = gtk_widget_get_pango_context (widget);
  options = pango_cairo_context_get_font_options (context);
  self = g_new0 (NfLabelFonts, 1);
  self->font = pango_font_description_copy (pango_context_get_font_description (context));
  self->options = options != NULL ? cairo_font_options_copy (options) : cairo_font_options_create ();
  self->resolution = pango_cairo_context_get_resolution (context);
  self->round_positions = pango_context_get_round_glyph_positions (context);
  self->language = pango_context_get_language (context);
  return self;
}

void
nf_label_fonts_free (NfLabelFonts *self)
{
  if (self == NULL)
    return;
  pango_font_description_free (self->font);
  cairo_font_options_destroy (self->options);
  g_free (self);
}

PangoContext *
nf_label_fonts_create_context (const NfLabelFonts *self,
                               PangoFontMap       *font_map)
{
  PangoContext *context;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (PANGO_IS_FONT_MAP (font_map), NULL);

  context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_font_options (context, self->options);
  pango_cairo_context_set_resolution (context, self->resolution);
  pango_context_set_round_glyph_positions (context, self->round_positions);
  pango_context_set_language (context, self->language);
  pango_context_set_font_description (context, self->font);
  return context;
}

static void
load_with_metrics (PangoFontMap               *font_map,
                   PangoContext               *context,
                   const PangoFontDescription *font,
                   PangoLanguage              *language)
{
  PangoFont *loaded = pango_font_map_load_font (font_map, context, font);

  if (loaded != NULL)
    {
      pango_font_metrics_unref (pango_font_get_metrics (loaded, language));
      g_object_unref (loaded);
    }
}

/* Fonts found, opened and measured, fallbacks included: a third of the
 * instructions GTK spent presenting the first window (20 M of 48 M),
 * a Chinese tab title's font 10 M of them. Glyphs are not drawn here:
 * that cost more than it saved. */
void
nf_label_fonts_warm (const NfLabelFonts *self,
                     PangoFontMap       *font_map,
                     const char         *text)
{
  PangoContext *context;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) bold = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (PANGO_IS_FONT_MAP (font_map));

  context = nf_label_fonts_create_context (self, font_map);
  if (text != NULL && *text != '\0')
    {
      layout = pango_layout_new (context);
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, NULL, NULL);
    }
  load_with_metrics (font_map, context, self->font, self->language);
  bold = pango_font_description_copy (self->font);
  pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);
  load_with_metrics (font_map, context, bold, self->language);
  g_object_unref (context);
}
