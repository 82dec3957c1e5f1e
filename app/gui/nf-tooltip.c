/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-tooltip"

#include "config.h"

#include <string.h>

#include "nf-tooltip.h"

/* Widest and narrowest measure of a card's tooltip, in characters. */
#define MAX_CHARS 56
#define MIN_CHARS 36

/* GTK 4.8 gives a wrapping label the natural width of the longest line
 * it may have (max-width-chars); the tooltip window takes that width and
 * the height the text needs there, then lays the label out at the least
 * width that keeps that height (width-for-height), so the lines come out
 * shorter than the tooltip and a dark band is left right of the text.
 * Asking at most for that least width (and a character to spare) keeps
 * the tooltip to its text. */
static void
fit_measure_to_text (GtkLabel *label)
{
  g_autoptr(PangoLayout) layout = pango_layout_copy (gtk_label_get_layout (label));
  PangoContext *context = pango_layout_get_context (layout);
  PangoFontMetrics *metrics = pango_context_get_metrics (context,
                                                         pango_context_get_font_description (context),
                                                         pango_context_get_language (context));
  /* As GtkLabel counts a character. */
  int char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                        pango_font_metrics_get_approximate_digit_width (metrics));
  int low, high, height, chars;

  pango_font_metrics_unref (metrics);
  if (char_width <= 0)
    return;
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  high = MAX_CHARS * char_width;
  pango_layout_set_width (layout, high);
  pango_layout_get_size (layout, NULL, &height);
  low = 0;
  /* The least width at which the text is no taller than at the measure. */
  while (high - low > PANGO_SCALE)
    {
      int mid = low + (high - low) / 2;
      int h;

      pango_layout_set_width (layout, mid);
      pango_layout_get_size (layout, NULL, &h);
      if (h <= height)
        high = mid;
      else
        low = mid;
    }
  chars = (high + char_width - 1) / char_width + 1;
  gtk_label_set_max_width_chars (label, CLAMP (chars, 1, MAX_CHARS));
}

/* A wrapping label asks for as little as one character's width. GTK 4.8's
 * tooltip window sizes its surface from the natural width but lays out a
 * custom child height-for-width from the minimum, so a long note came out
 * as a column of single, hyphenated words under a wide empty surface.
 * Asking for a minimum of a short line (or the whole text, when shorter)
 * keeps both measures close, and words whole. */
GtkWidget *
nf_tooltip_label_new (const char *markup)
{
  GtkWidget *label = gtk_label_new (NULL);
  const char *text;
  glong longest = 0;

  gtk_label_set_markup (GTK_LABEL (label), markup != NULL ? markup : "");
  text = gtk_label_get_text (GTK_LABEL (label));
  while (*text != '\0')
    {
      const char *end = strchr (text, '\n');
      gsize length = end != NULL ? (gsize) (end - text) : strlen (text);

      longest = MAX (longest, g_utf8_strlen (text, (gssize) length));
      text += length + (end != NULL ? 1 : 0);
    }
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Whole words; a single word longer than the line (an address) may
   * still break. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), (int) MIN (longest, MIN_CHARS));
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  fit_measure_to_text (GTK_LABEL (label));
  return label;
}

void
nf_tooltip_set_wrapped_markup (GtkTooltip *tooltip,
                               const char *markup)
{
  g_return_if_fail (GTK_IS_TOOLTIP (tooltip));

  gtk_tooltip_set_custom (tooltip, nf_tooltip_label_new (markup));
}

/* GTK 4.8 answers a tooltip set on a shown widget as if the pointer had
 * moved: on X11 three round trips to the server (0.3 ms on Xvfb), for a
 * widget no pointer can be over yet. Hidden for the moment it is set,
 * the widget skips that; with no parent, hiding it disturbs nothing. */
void
nf_tooltip_set_text_unparented (GtkWidget  *widget,
                                const char *text)
{
  gboolean visible;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (gtk_widget_get_parent (widget) == NULL);

  visible = gtk_widget_get_visible (widget);
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, visible);
}
