/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <string.h>

#include "nf-i18n-private.h"

#include "nf-deck-private.h"
#include "nf-render-private.h"

/* A note as a slide shows it: a card with the note's text, an edge in
 * its evidence level's colour, and a footer with its number in the
 * block, the evidence level in words and its tags. A compact card (the
 * overview's) shows the note's opening words and the page of the block
 * slide with its full text ("→ p. 7"); the compare overview's first
 * lines fade out instead. */

#define CARD_PAD_X  9.0
#define CARD_PAD_Y  6.0
#define CARD_EDGE   4.0
#define FOOTER_GAP  3.0
#define FOOTER_SIZE_MARK 9.5
#define MARK_SIZE   11.0   /* the warning sign of a conflicting note */
/* As many tags as a card in the window draws (nf-card-layout.c), then the
 * count of the rest: a note may have a thousand, and a footer laid out
 * with all of them on every card cost seconds per deck. */
#define FOOTER_TAGS_SHOWN 48

static char *
footer_text (NfNote     *note,
             guint       number,
             const char *label)
{
  g_autoptr(GString) s = g_string_new (label);
  NfEvidence evidence = nf_note_get_evidence (note);
  const char * const *tags = nf_note_get_tags (note);

  if (number > 0)
    g_string_append_printf (s, "%s%u", s->len > 0 ? "  ·  " : "", number);
  if (evidence != NF_EVIDENCE_NONE)
    {
      if (s->len > 0)
        g_string_append (s, "  ·  ");
      g_string_append (s, nf_evidence_title (evidence));
    }
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (i == FOOTER_TAGS_SHOWN)
        {
          g_string_append_printf (s, "  +%u", g_strv_length ((char **) tags) - i);
          break;
        }
      g_string_append (s, i == 0 && s->len > 0 ? "  ·  #" : i == 0 ? "#" : "  #");
      g_string_append (s, tags[i]);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The start of a note's text to name it by: its first words, or the
 * first characters of a text without spaces (Chinese). */
static char *
first_words (const char *text)
{
  enum { WORDS = 8, CHARS = 18 };
  const char *end = text;
  guint words = 0, chars = 0;
  gboolean spaced = strchr (text, ' ') != NULL;
  g_autofree char *start = NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      chars++;
      if (spaced ? (c == ' ' && ++words == WORDS) : chars > CHARS)
        break;
      end = g_utf8_next_char (p);
    }
  if (*end == '\0')
    return g_strdup (text);
  while (end > text && strchr (" ,;:.", end[-1]) != NULL)
    end--;
  start = g_strndup (text, end - text);
  /* TRANSLATORS: the first words of a note named on another note's
   * card, e.g. "Over 1 million rides since…". */
  return g_strdup_printf (C_("the start of a note", "%s…"), start);
}

/* The other side of each conflict the note is marked with, in words:
 * a note by its block, its number and its first words, a table by its
 * title (and a row by its number and label). */
static char *
conflict_text (NfDeck *deck,
               NfNote *note)
{
  const char * const *refs = nf_note_get_conflicts (note);
  g_autoptr(GString) names = g_string_new (NULL);

  if (refs[0] == NULL)
    return NULL;
  for (guint i = 0; refs[i] != NULL; i++)
    {
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      gboolean is_table = FALSE;
      guint row = 0;

      if (!nf_conflict_ref_parse (refs[i], &is_table, &id, &row))
        continue;
      if (!is_table)
        {
          NfBlock block = 0;
          guint index = 0;
          NfNote *other = deck->canvas != NULL ? nf_canvas_find_note (deck->canvas, id, &block, &index) : NULL;

          if (other != NULL)
            {
              g_autofree char *start = first_words (nf_text_for_language (nf_note_get_text (other), deck->lang));

              /* TRANSLATORS: a note named on a slide: its block, its
               * number in the block and its first words. */
              name = g_strdup_printf (_("%s %u: “%s”"), nf_block_title (block), index + 1, start);
            }
        }
      else
        {
          NfMetricTable *table = deck->canvas != NULL ? nf_canvas_find_table (deck->canvas, id, NULL) : NULL;

          if (table != NULL)
            {
              NfText *title = nf_metric_table_get_title (table);
              const char *t = title != NULL ? nf_text_for_language (title, deck->lang) : id;
              const char *label = NULL;

              for (guint c = 0; row > 0 && row <= nf_metric_table_get_n_rows (table) &&
                                c < nf_metric_table_get_n_columns (table) && label == NULL; c++)
                if (nf_metric_table_get_column (table, c)->type == NF_COLUMN_TEXT)
                  label = _nf_deck_cell_text (deck, nf_metric_table_get_cell (table, row - 1, c));
              if (row == 0)
                name = g_strdup_printf (_("table “%s”"), t);
              else if (label != NULL && *label != '\0')
                /* TRANSLATORS: a row of a metric table named on a slide:
                 * the table's title, the row's number and its label. */
                name = g_strdup_printf (_("table “%s”, row %u (%s)"), t, row, label);
              else
                name = g_strdup_printf (_("table “%s”, row %u"), t, row);
            }
        }
      if (names->len > 0)
        g_string_append (names, "; ");
      g_string_append (names, name != NULL ? name : id);
    }
  return g_strdup_printf (_("⚠ Conflicts with %s"), names->str);
}

void
_nf_deck_card_init (NfDeck     *deck,
                    NfDeckCard *card,
                    NfNote     *note,
                    guint       number,
                    double      width,
                    double      size,
                    double      footer_size,
                    guint       max_lines)
{
  _nf_deck_card_init_labelled (deck, card, note, NULL, number, width, size, footer_size, max_lines);
}

void
_nf_deck_card_init_labelled (NfDeck     *deck,
                             NfDeckCard *card,
                             NfNote     *note,
                             const char *label,
                             guint       number,
                             double      width,
                             double      size,
                             double      footer_size,
                             guint       max_lines)
{
  const char *text = nf_text_for_language (nf_note_get_text (note), deck->lang);
  double inner = width - 2 * CARD_PAD_X - CARD_EDGE;
  g_autofree char *conflict = conflict_text (deck, note);

  *card = (NfDeckCard) { .note = note, .size = size };
  /* A marked note's first line keeps clear of the mark in its corner. */
  card->text = _nf_deck_text (deck, text, size, PANGO_WEIGHT_NORMAL,
                              conflict != NULL ? inner - MARK_SIZE : inner);
  if (conflict != NULL)
    card->conflict = _nf_deck_text (deck, conflict, MAX (footer_size, FOOTER_SIZE_MARK),
                                     PANGO_WEIGHT_NORMAL, inner);
  if (footer_size > 0)
    {
      g_autofree char *foot = footer_text (note, number, label);

      if (*foot != '\0')
        card->footer = _nf_deck_text (deck, foot, footer_size, PANGO_WEIGHT_NORMAL, inner);
    }
  _nf_deck_card_limit (card, max_lines, TRUE);
}

void
_nf_deck_card_limit (NfDeckCard *card,
                     guint       max_lines,
                     gboolean    footer)
{
  guint n_lines = (guint) pango_layout_get_line_count (card->text);

  card->tight = max_lines == 1;
  card->n_lines = max_lines > 0 ? MIN (n_lines, max_lines) : n_lines;
  card->cut = card->n_lines < n_lines;
  if (card->cut)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (card->text);
      int y0 = 0, y1 = 0;

      for (guint i = 0; i < card->n_lines; i++)
        {
          pango_layout_iter_get_line_yrange (iter, i == 0 ? &y0 : NULL, &y1);
          pango_layout_iter_next_line (iter);
        }
      pango_layout_iter_free (iter);
      card->text_height = (double) (y1 - y0) / PANGO_SCALE;
    }
  else
    card->text_height = _nf_render_layout_height (card->text);
  card->height = card->text_height + 2 * (card->tight ? 1.0 : CARD_PAD_Y);
  /* What a note conflicts with is named where the note is whole, with
   * its footer; a compact card of the overview carries the mark only. */
  card->show_conflict = footer && card->conflict != NULL;
  if (card->show_conflict)
    card->height += FOOTER_GAP + _nf_render_layout_height (card->conflict);
  card->show_footer = footer && card->footer != NULL;
  if (card->show_footer)
    card->height += FOOTER_GAP + _nf_render_layout_height (card->footer);
}

void
_nf_deck_card_set_tight (NfDeckCard *card,
                         gboolean    tight)
{
  if (card->tight == tight)
    return;
  card->height += 2 * ((tight ? 1.0 : CARD_PAD_Y) - (card->tight ? 1.0 : CARD_PAD_Y));
  card->tight = tight;
}

void
_nf_deck_card_set_marks (NfDeckCard *card,
                         gboolean    marks)
{
  if (card->show_conflict)
    card->height -= FOOTER_GAP + _nf_render_layout_height (card->conflict);
  if (card->show_footer)
    card->height -= FOOTER_GAP + _nf_render_layout_height (card->footer);
  card->show_conflict = FALSE;
  card->show_footer = marks && card->footer != NULL;
  if (card->show_footer)
    card->height += FOOTER_GAP + _nf_render_layout_height (card->footer);
}

void
_nf_deck_card_clear (NfDeckCard *card)
{
  g_clear_object (&card->pointed);
  g_clear_object (&card->text);
  g_clear_object (&card->footer);
  g_clear_object (&card->conflict);
  g_clear_object (&card->mark);
}

/* The card's opening `len` bytes and the page with its full text. */
static char *
pointed_text (NfDeckCard *card,
              gsize       len,
              guint       page)
{
  /* TRANSLATORS: after the opening words of a note on a deck's
   * overview: the page (of the PDF) with its full text. */
  g_autofree char *ref = g_strdup_printf (_("→ p. %u"), page);

  return g_strdup_printf ("%.*s %s", (int) len, pango_layout_get_text (card->text), ref);
}

/* `len` less what a reader would not want before the pointer: spaces,
 * a comma, a dash, an opening bracket. */
static gboolean
trailing (gunichar c)
{
  static const gunichar marks[] = { ',', ';', ':', '(', '-', 0x2013, 0x2014,
                                    0xff0c, 0x3001, 0xff1b, 0xff1a, 0xff08 };

  if (g_unichar_isspace (c))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (c == marks[i])
      return TRUE;
  return FALSE;
}

static gsize
trim_end (const char *text,
          gsize       len)
{
  while (len > 0)
    {
      const char *prev = g_utf8_find_prev_char (text, text + len);

      if (prev == NULL || !trailing (g_utf8_get_char (prev)))
        break;
      len = (gsize) (prev - text);
    }
  return len;
}

/* What the card's own lines tell of the pointed text of its opening
 * `len` bytes, without laying it out: when the opening ends on the
 * card's last line after at least one whole word of it, the lines
 * before break as the card's do (the word that did not fit the line
 * above is still there, and still does not), so the pointed text's last
 * line holds the rest of the opening and then the pointer (measured
 * once, `suffix_w`). Wider than the line by more than `slack` (half an
 * em: far more than kerning at the joint can change), the pointer goes
 * on to a line the card does not have: TOO_LONG; narrower by as much,
 * it fits: FITS. Anything else is left to Pango. */
typedef enum {
  ASK_PANGO,
  TOO_LONG,
  FITS,
} Foreseen;

static Foreseen
foresee (NfDeckCard         *card,
         const char         *text,
         const PangoLogAttr *attrs,
         int                 n_attrs,
         gsize               len,
         int                 suffix_w,
         int                 slack)
{
  PangoLayoutLine *last = pango_layout_get_line_readonly (card->text, (int) card->n_lines - 1);
  const char *prev = g_utf8_find_prev_char (text, text + len);
  int width = pango_layout_get_width (card->text);
  glong start, end;
  gboolean whole_word = FALSE;
  int line = 0, x = 0;

  if (prev == NULL || last == NULL || (gsize) last->start_index >= len)
    return ASK_PANGO;
  start = g_utf8_pointer_to_offset (text, text + last->start_index);
  end = g_utf8_pointer_to_offset (text, text + len);
  for (glong k = start + 1; k < end && k < n_attrs && !whole_word; k++)
    whole_word = attrs[k].is_line_break;
  if (!whole_word)
    return ASK_PANGO;
  pango_layout_index_to_line_x (card->text, (int) (prev - text), TRUE, &line, &x);
  if (line != (int) card->n_lines - 1)
    return ASK_PANGO;
  if (x + suffix_w > width + slack)
    return TOO_LONG;
  if (x + suffix_w < width - slack)
    return FITS;
  return ASK_PANGO;
}

static gboolean point_exhaustive;

void
_nf_deck_card_point_set_exhaustive (gboolean exhaustive)
{
  point_exhaustive = exhaustive;
}

void
_nf_deck_card_point (NfDeckCard *card,
                     guint       digits)
{
  const char *text = pango_layout_get_text (card->text);
  const PangoLogAttr *attrs;
  g_autoptr(PangoLayout) probe = NULL;
  PangoLayoutLine *line;
  guint sample = 0;
  gsize end, first_unit = 0;
  int n_attrs, suffix_w = 0, slack;

  card->point_len = 0;
  if (!card->cut || card->n_lines == 0)
    return;
  for (guint i = 0; i < MAX (digits, 1); i++)
    sample = sample * 10 + 8;
  line = pango_layout_get_line_readonly (card->text, (int) card->n_lines - 1);
  end = (gsize) (line->start_index + line->length);
  attrs = pango_layout_get_log_attrs_readonly (card->text, &n_attrs);
  probe = pango_layout_copy (card->text);
  /* Each try lays the probe out again: the tries the card's own lines
   * already decide are not made (a Chinese note backs up a character at
   * a time, a dozen tries or more, each some 300,000 instructions). */
  {
    g_autofree char *pointer = pointed_text (card, 0, sample);

    pango_layout_set_text (probe, pointer, -1);
    pango_layout_set_width (probe, -1);
    pango_layout_get_size (probe, &suffix_w, NULL);
    pango_layout_set_width (probe, pango_layout_get_width (card->text));
    slack = (int) (card->size * PANGO_SCALE / 2);
  }
  /* Back from the end of the lines shown, a place where a line may
   * break (between words; between characters in Chinese) at a time,
   * until the words and the pointer fit those lines. */
  for (int k = 1; k < n_attrs; k++)
    if (attrs[k].is_line_break)
      {
        first_unit = (gsize) (g_utf8_offset_to_pointer (text, k) - text);
        break;
      }
  while (end > 0)
    {
      gsize len = trim_end (text, end);
      glong at;

      Foreseen foreseen = len > 0 && !point_exhaustive
        ? foresee (card, text, attrs, n_attrs, len, suffix_w, slack) : ASK_PANGO;

      if (foreseen == FITS)
        {
          card->point_len = len;
          return;
        }
      if (len > 0 && foreseen == ASK_PANGO)
        {
          g_autofree char *t = pointed_text (card, len, sample);

          pango_layout_set_text (probe, t, -1);
          if ((guint) pango_layout_get_line_count (probe) <= card->n_lines)
            {
              card->point_len = len;
              return;
            }
        }
      at = g_utf8_pointer_to_offset (text, text + end) - 1;
      while (at > 0 && (at >= n_attrs || !attrs[at].is_line_break))
        at--;
      if (at <= 0)
        break;
      end = (gsize) (g_utf8_offset_to_pointer (text, at) - text);
    }
  /* Not even one word and the pointer: the first word all the same. */
  card->point_len = trim_end (text, first_unit > 0 ? first_unit : strlen (text));
}

static guint n_pointers_ahead, n_pointers_late;

void
_nf_deck_card_count_pointers (guint *ahead,
                              guint *late)
{
  *ahead = (guint) g_atomic_int_get (&n_pointers_ahead);
  *late = (guint) g_atomic_int_get (&n_pointers_late);
}

/* The card's opening words and where it is in full: its own layout's
 * settings, another text. */
static PangoLayout *
pointer_layout (NfDeckCard *card,
                guint       page)
{
  g_autofree char *t = pointed_text (card, card->point_len, page);
  PangoLayout *layout = pango_layout_copy (card->text);

  pango_layout_set_text (layout, t, -1);
  return layout;
}

void
_nf_deck_card_lay_pointer (NfDeckCard *card,
                           guint       page)
{
  g_clear_object (&card->pointed);
  if (!card->cut || card->point_len == 0)
    return;
  card->pointed = pointer_layout (card, page);
  pango_layout_get_line_count (card->pointed);
  card->pointed_page = page;
}

/* Where each line of the card's text starts and ends, from its top. */
static void
line_range (NfDeckCard *card,
            guint       first,
            guint       last,
            double     *top,
            double     *bottom)
{
  PangoLayoutIter *iter = pango_layout_get_iter (card->text);
  int y0 = 0, y1 = 0;

  for (guint i = 0; i <= last; i++)
    {
      if (i == first)
        pango_layout_iter_get_line_yrange (iter, &y0, NULL);
      if (i == last)
        pango_layout_iter_get_line_yrange (iter, NULL, &y1);
      if (!pango_layout_iter_next_line (iter))
        break;
    }
  pango_layout_iter_free (iter);
  *top = (double) y0 / PANGO_SCALE;
  *bottom = (double) y1 / PANGO_SCALE;
}

static PangoLayout *
goes_on_mark (NfDeck *deck,
              double  width)
{
  /* TRANSLATORS: under part of a note too long for one column of a
   * slide; the rest follows in the next column or on the next slide. */
  return _nf_deck_text (deck, _("(this note continues)"), FOOTER_SIZE_MARK,
                        PANGO_WEIGHT_NORMAL, width);
}

guint
_nf_deck_card_fit_lines (NfDeck     *deck,
                         NfDeckCard *card,
                         guint       first,
                         double      room)
{
  guint n_lines = (guint) pango_layout_get_line_count (card->text);
  int inner_w = pango_layout_get_width (card->text);
  g_autoptr(PangoLayout) mark = goes_on_mark (deck, (double) inner_w / PANGO_SCALE);
  double mark_h = FOOTER_GAP + _nf_render_layout_height (mark);
  double footer_h = (card->footer != NULL ? FOOTER_GAP + _nf_render_layout_height (card->footer) : 0) +
                    (card->conflict != NULL ? FOOTER_GAP + _nf_render_layout_height (card->conflict) : 0);
  guint count = 0;

  for (guint last = first; last < n_lines; last++)
    {
      double top, bottom;

      line_range (card, first, last, &top, &bottom);
      if (bottom - top + 2 * CARD_PAD_Y + (last + 1 == n_lines ? footer_h : mark_h) > room)
        break;
      count = last - first + 1;
    }
  return count;
}

void
_nf_deck_card_slice (NfDeck     *deck,
                     NfDeckCard *card,
                     guint       first,
                     guint       count,
                     NfDeckCard *slice)
{
  guint n_lines = (guint) pango_layout_get_line_count (card->text);
  double top, bottom;

  g_return_if_fail (count > 0 && first + count <= n_lines);
  *slice = *card;
  slice->text = g_object_ref (card->text);
  slice->footer = card->footer != NULL ? g_object_ref (card->footer) : NULL;
  slice->conflict = card->conflict != NULL ? g_object_ref (card->conflict) : NULL;
  slice->mark = NULL;
  slice->pointed = NULL;
  slice->sliced = TRUE;
  slice->tight = FALSE;
  slice->cut = FALSE;
  slice->first_line = first;
  slice->n_lines = count;
  line_range (card, first, first + count - 1, &top, &bottom);
  slice->text_height = bottom - top;
  slice->height = slice->text_height + 2 * CARD_PAD_Y;
  slice->show_footer = first + count == n_lines && card->footer != NULL;
  slice->show_conflict = first + count == n_lines && card->conflict != NULL;
  if (slice->show_conflict)
    slice->height += FOOTER_GAP + _nf_render_layout_height (card->conflict);
  if (slice->show_footer)
    slice->height += FOOTER_GAP + _nf_render_layout_height (card->footer);
  else if (first + count < n_lines)
    {
      slice->mark = goes_on_mark (deck, (double) pango_layout_get_width (card->text) / PANGO_SCALE);
      slice->height += FOOTER_GAP + _nf_render_layout_height (slice->mark);
    }
}

void
_nf_deck_card_draw (NfDeck     *deck,
                    NfDeckCard *card,
                    double      x,
                    double      y,
                    double      width)
{
  const NfGridStyle *style = deck->style;
  cairo_t *cr = deck->cr;
  NfEvidence evidence = nf_note_get_evidence (card->note);
  NfColour fill, ink;
  NfRect rect = { x, y, width, card->height };
  double below;
  double tx = x + CARD_EDGE + CARD_PAD_X, ty = y + (card->tight ? 1.0 : CARD_PAD_Y);

  nf_grid_style_card_fill (style, nf_note_get_colour (card->note), &fill);
  nf_grid_style_text_on (style, &fill, &ink);

  cairo_save (cr);
  if (card->tight)
    cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
  else
    _nf_render_rounded_rect (cr, &rect, 4);
  if (card->tight)
    {
      _nf_render_set_colour (cr, &fill);
      cairo_fill (cr);
    }
  else
    _nf_render_fill_outlined (cr, &fill, &style->card_border, 0.75);
  _nf_render_set_colour (cr, evidence != NF_EVIDENCE_NONE ? &style->evidence[evidence] : &style->block_border);
  cairo_rectangle (cr, x + 1, y + (card->tight ? 1 : 3), CARD_EDGE, card->height - (card->tight ? 2 : 6));
  cairo_fill (cr);

  _nf_render_set_colour (cr, &ink);
  if (card->sliced)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (card->text);
      double top = 0;

      for (guint i = 0; i < card->first_line + card->n_lines; i++)
        {
          int y0, baseline;
          PangoRectangle logical;

          pango_layout_iter_get_line_yrange (iter, &y0, NULL);
          if (i == card->first_line)
            top = (double) y0 / PANGO_SCALE;
          if (i >= card->first_line)
            {
              pango_layout_iter_get_line_extents (iter, NULL, &logical);
              baseline = pango_layout_iter_get_baseline (iter);
              cairo_move_to (cr, tx + (double) logical.x / PANGO_SCALE,
                             ty + (double) baseline / PANGO_SCALE - top);
              pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
            }
          pango_layout_iter_next_line (iter);
        }
      pango_layout_iter_free (iter);
      if (card->mark != NULL)
        {
          _nf_render_set_colour (cr, &style->muted_text);
          cairo_move_to (cr, tx, ty + card->text_height + FOOTER_GAP);
          pango_cairo_show_layout (cr, card->mark);
        }
    }
  else if (!card->cut)
    {
      cairo_move_to (cr, tx, ty);
      pango_cairo_show_layout (cr, card->text);
    }
  else if (card->point_len > 0)
    {
      /* The opening words and where the note is in full: in the lines
       * the card was measured with (the pointer was fitted with a page
       * number as wide as any it names). */
      g_autoptr(PangoLayout) pointed = NULL;

      if (card->pointed != NULL && card->pointed_page == card->point_page)
        {
          pointed = g_object_ref (card->pointed);
          g_atomic_int_inc (&n_pointers_ahead);
        }
      else
        {
          g_atomic_int_inc (&n_pointers_late);
          pointed = pointer_layout (card, card->point_page);
        }
      cairo_move_to (cr, tx, ty);
      pango_cairo_show_layout (cr, pointed);
    }
  else
    {
      PangoLayoutIter *iter = pango_layout_get_iter (card->text);
      /* The last line shown is paler: the text goes on, on the block's
       * slide. (Lines break between words, so no word is cut.) */
      NfColour pale = nf_colour_mix (&ink, &fill, 0.45);

      for (guint i = 0; i < card->n_lines; i++)
        {
          int y0, y1, baseline;
          PangoRectangle logical;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          baseline = pango_layout_iter_get_baseline (iter);
          if (i + 1 == card->n_lines)
            _nf_render_set_colour (cr, &pale);
          cairo_move_to (cr, tx + (double) logical.x / PANGO_SCALE,
                         ty + (double) baseline / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
          pango_layout_iter_next_line (iter);
        }
      pango_layout_iter_free (iter);
    }

  below = ty + card->text_height;
  if (card->mark != NULL)
    below += FOOTER_GAP + _nf_render_layout_height (card->mark);
  if (card->show_conflict)
    {
      _nf_render_set_colour (cr, &ink);
      cairo_move_to (cr, tx, below + FOOTER_GAP);
      pango_cairo_show_layout (cr, card->conflict);
      below += FOOTER_GAP + _nf_render_layout_height (card->conflict);
    }
  if (card->show_footer)
    {
      _nf_render_set_colour (cr, &style->muted_text);
      cairo_move_to (cr, tx, below + FOOTER_GAP);
      pango_cairo_show_layout (cr, card->footer);
    }
  if (card->conflict != NULL && (!card->sliced || card->first_line == 0))
    _nf_render_draw_warning_sign (cr, x + width - MARK_SIZE - 3, y + (card->tight ? 1 : 3),
                                  MARK_SIZE);
  cairo_restore (cr);
}
