/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-tooltip"

#include "config.h"

#include <string.h>

#include "nf-tooltip.h"

/* Widest and narrowest measure of a card's tooltip, in characters. */
#define MAX_CHARS 56
#define MIN_CHARS 36

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
  return label;
}

void
nf_tooltip_set_wrapped_markup (GtkTooltip *tooltip,
                               const char *markup)
{
  g_return_if_fail (GTK_IS_TOOLTIP (tooltip));

  gtk_tooltip_set_custom (tooltip, nf_tooltip_label_new (markup));
}
