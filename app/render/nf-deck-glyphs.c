/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <string.h>

#include "nf-deck-private.h"

/* A long table's cells set from glyphs shaped once each. Setting a
 * PangoLayout's text itemizes, shapes and breaks it: some 60,000
 * instructions for a cell of a few characters, which made most of a
 * 10,000-row table's slides. A cell's text is mostly a few of the same
 * characters again, so each character is shaped alone once, and each
 * pair of neighbours once to prove that shaping them together changes
 * nothing (no kerning, ligature or fallback font between them); a text
 * made only of such characters and pairs, with room on one line, is the
 * very glyphs and positions its layout would have, drawn without one.
 * Any other text (wrapping, scripts whose shaping looks further, a font
 * it falls back to) is left to the layout. */

typedef struct {
  PangoGlyph        glyph;
  PangoGlyphUnit    width;
  PangoGlyphVisAttr attr;
} Glyph;

struct _NfDeckGlyphs {
  PangoLayout      *probe;    /* the cells' font, no width */
  PangoFont        *font;     /* the one every cached glyph is from */
  int               height;   /* a line's, Pango units */
  int               baseline;
  GHashTable       *glyphs;   /* gunichar → Glyph, or the `none` mark */
  GHashTable       *pairs;    /* two gunichars → TRUE if set apart as together */
  PangoItem        *item;     /* reused for every text drawn */
  PangoGlyphString *run;
  int               width;    /* of the text last looked at */
};

static Glyph none;

/* Characters whose glyph never depends on more than its neighbours:
 * Latin, punctuation, currency signs. */
static gboolean
plain_char (gunichar ch)
{
  return (ch >= 0x21 && ch <= 0x7e) || ch == ' ' ||
         (ch >= 0xa1 && ch <= 0x24f && ch != 0xad) ||
         (ch >= 0x2010 && ch <= 0x2027) || (ch >= 0x2030 && ch <= 0x205e) ||
         (ch >= 0x20a0 && ch <= 0x20cf);
}

/* The probe's single run, if its text set as one line of one run. */
static PangoGlyphItem *
probe_run (NfDeckGlyphs *g,
           const char   *text)
{
  PangoLayoutLine *line;

  pango_layout_set_text (g->probe, text, -1);
  if (pango_layout_get_line_count (g->probe) != 1)
    return NULL;
  line = pango_layout_get_line_readonly (g->probe, 0);
  if (line->runs == NULL || line->runs->next != NULL)
    return NULL;
  return line->runs->data;
}

static const Glyph *
glyph_of (NfDeckGlyphs *g,
          gunichar      ch)
{
  Glyph *glyph = g_hash_table_lookup (g->glyphs, GUINT_TO_POINTER (ch));
  char one[8] = { 0 };
  PangoGlyphItem *run;
  PangoGlyphInfo *info;
  int w, h;

  if (glyph != NULL)
    return glyph == &none ? NULL : glyph;
  g_unichar_to_utf8 (ch, one);
  run = probe_run (g, one);
  pango_layout_get_size (g->probe, &w, &h);
  info = run != NULL && run->glyphs->num_glyphs == 1 ? &run->glyphs->glyphs[0] : NULL;
  if (info == NULL || run->item->analysis.level % 2 != 0 || run->item->analysis.extra_attrs != NULL ||
      info->geometry.x_offset != 0 || info->geometry.y_offset != 0 ||
      (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0 || info->glyph == PANGO_GLYPH_EMPTY ||
      (g->font != NULL && (run->item->analysis.font != g->font || h != g->height ||
                           pango_layout_get_baseline (g->probe) != g->baseline)))
    {
      g_hash_table_insert (g->glyphs, GUINT_TO_POINTER (ch), &none);
      return NULL;
    }
  if (g->font == NULL)
    {
      g->font = g_object_ref (run->item->analysis.font);
      g->height = h;
      g->baseline = pango_layout_get_baseline (g->probe);
    }
  glyph = g_new (Glyph, 1);
  glyph->glyph = info->glyph;
  glyph->width = info->geometry.width;
  glyph->attr = info->attr;
  g_hash_table_insert (g->glyphs, GUINT_TO_POINTER (ch), glyph);
  return glyph;
}

static guint
pair_hash (gconstpointer key)
{
  const gunichar *pair = key;

  return pair[0] * 31u + pair[1];
}

static gboolean
pair_equal (gconstpointer a,
            gconstpointer b)
{
  return memcmp (a, b, 2 * sizeof (gunichar)) == 0;
}

static gboolean
pair_apart (NfDeckGlyphs *g,
            gunichar      a,
            const Glyph  *ga,
            gunichar      b,
            const Glyph  *gb)
{
  gunichar key[2] = { a, b };
  gpointer found = g_hash_table_lookup (g->pairs, key);
  char two[16] = { 0 };
  PangoGlyphItem *run;
  gboolean apart;
  int len_a;

  if (found != NULL)
    return GPOINTER_TO_INT (found) == 1;
  len_a = g_unichar_to_utf8 (a, two);
  g_unichar_to_utf8 (b, two + len_a);
  run = probe_run (g, two);
  apart = run != NULL && run->glyphs->num_glyphs == 2 && run->item->analysis.font == g->font &&
          run->glyphs->log_clusters[0] == 0 && run->glyphs->log_clusters[1] == len_a;
  for (int i = 0; apart && i < 2; i++)
    {
      const PangoGlyphInfo *info = &run->glyphs->glyphs[i];
      const Glyph *want = i == 0 ? ga : gb;

      apart = info->glyph == want->glyph && info->geometry.width == want->width &&
              info->geometry.x_offset == 0 && info->geometry.y_offset == 0;
    }
  g_hash_table_insert (g->pairs, g_memdup2 (key, sizeof key), GINT_TO_POINTER (apart ? 1 : 2));
  return apart;
}

NfDeckGlyphs *
_nf_deck_glyphs_new (PangoLayout *like)
{
  NfDeckGlyphs *g = g_new0 (NfDeckGlyphs, 1);

  g->probe = pango_layout_new (pango_layout_get_context (like));
  pango_layout_set_font_description (g->probe, pango_layout_get_font_description (like));
  g->glyphs = g_hash_table_new_full (NULL, NULL, NULL, NULL);
  g->pairs = g_hash_table_new_full (pair_hash, pair_equal, g_free, NULL);
  g->run = pango_glyph_string_new ();
  return g;
}

static void
free_glyph (gpointer key,
            gpointer value,
            gpointer data)
{
  if (value != &none)
    g_free (value);
}

void
_nf_deck_glyphs_free (NfDeckGlyphs *g)
{
  if (g == NULL)
    return;
  g_hash_table_foreach (g->glyphs, free_glyph, NULL);
  g_hash_table_unref (g->glyphs);
  g_hash_table_unref (g->pairs);
  g_clear_pointer (&g->item, pango_item_free);
  pango_glyph_string_free (g->run);
  g_clear_object (&g->font);
  g_object_unref (g->probe);
  g_free (g);
}

/* Whether `layout` (of the font the cache was made for) would set `text`
 * as one line of the cached glyphs; they are then in the run. */
static gboolean
fill_run (NfDeckGlyphs *g,
          PangoLayout  *layout,
          const char   *text)
{
  int room = pango_layout_get_width (layout);
  gunichar prev = 0;
  const Glyph *prev_glyph = NULL;
  guint n = 0;

  if (text == NULL || *text == '\0' || *text == ' ' || pango_layout_get_indent (layout) != 0 ||
      pango_layout_get_justify (layout) || pango_layout_get_attributes (layout) != NULL ||
      pango_layout_get_font_description (layout) == NULL ||
      !pango_font_description_equal (pango_layout_get_font_description (layout),
                                     pango_layout_get_font_description (g->probe)))
    return FALSE;
  g->width = 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      const Glyph *glyph = plain_char (ch) ? glyph_of (g, ch) : NULL;

      if (glyph == NULL || (prev_glyph != NULL && !pair_apart (g, prev, prev_glyph, ch, glyph)))
        return FALSE;
      if (n >= (guint) g->run->num_glyphs)
        pango_glyph_string_set_size (g->run, (int) MAX (n + 1, 2 * n));
      g->run->glyphs[n].glyph = glyph->glyph;
      g->run->glyphs[n].geometry.width = glyph->width;
      g->run->glyphs[n].geometry.x_offset = 0;
      g->run->glyphs[n].geometry.y_offset = 0;
      g->run->glyphs[n].attr = glyph->attr;
      g->run->log_clusters[n] = (int) (p - text);
      g->width += glyph->width;
      n++;
      prev = ch;
      prev_glyph = glyph;
    }
  /* A trailing space would be set apart at a line's end. */
  if (prev == ' ')
    return FALSE;
  pango_glyph_string_set_size (g->run, (int) n);
  return room < 0 || g->width < room;
}

gboolean
_nf_deck_glyphs_one_line (NfDeckGlyphs *g,
                          PangoLayout  *layout,
                          const char   *text,
                          double       *height)
{
  PangoAlignment align = pango_layout_get_alignment (layout);

  if ((align != PANGO_ALIGN_LEFT && align != PANGO_ALIGN_RIGHT) || !fill_run (g, layout, text))
    return FALSE;
  *height = (double) g->height / PANGO_SCALE;
  return TRUE;
}

/* Draws `text` as pango_cairo_show_layout would draw `layout` holding
 * it, at the current point; only for a text _nf_deck_glyphs_one_line
 * took. */
void
_nf_deck_glyphs_show (NfDeckGlyphs *g,
                      cairo_t      *cr,
                      PangoLayout  *layout,
                      const char   *text)
{
  int room = pango_layout_get_width (layout);
  PangoGlyphItem run;
  double x, y;
  int dx = 0;

  g_return_if_fail (fill_run (g, layout, text));
  if (pango_layout_get_alignment (layout) == PANGO_ALIGN_RIGHT && room >= 0)
    dx = room - g->width;
  if (g->item == NULL)
    {
      g->item = pango_item_new ();
      g->item->analysis.font = g_object_ref (g->font);
      g->item->analysis.gravity = PANGO_GRAVITY_SOUTH;
      g->item->analysis.script = PANGO_SCRIPT_COMMON;
    }
  g->item->offset = 0;
  g->item->length = (int) strlen (text);
  g->item->num_chars = g->run->num_glyphs;
  run = (PangoGlyphItem) { .item = g->item, .glyphs = g->run };
  cairo_get_current_point (cr, &x, &y);
  cairo_move_to (cr, x + (double) dx / PANGO_SCALE, y + (double) g->baseline / PANGO_SCALE);
  pango_cairo_show_glyph_item (cr, text, &run);
  cairo_move_to (cr, x, y);
}
