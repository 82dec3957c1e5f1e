/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How GTK sets the text of its labels on this display: the user's font,
 * hinting and antialiasing, resolution and language. Read on the main
 * thread once the display is open; used on any thread after. */
typedef struct _NfLabelFonts NfLabelFonts;

NfLabelFonts *nf_label_fonts_new_for_widget (GtkWidget          *widget);
void          nf_label_fonts_free           (NfLabelFonts       *self);
/* A context of `font_map` that picks the fonts a label would. */
PangoContext *nf_label_fonts_create_context (const NfLabelFonts *self,
                                             PangoFontMap       *font_map);
/* Loads into `font_map` what labels showing `text` will need: the font
 * and its bold, their metrics, and the fonts `text` falls back to (a
 * Chinese title's). */
void          nf_label_fonts_warm           (const NfLabelFonts *self,
                                             PangoFontMap       *font_map,
                                             const char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NfLabelFonts, nf_label_fonts_free)

G_END_DECLS
