/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>

#include <hb.h>
#include <pango/pangocairo.h>

#include "nf-card-breaks-private.h"
#include "nf-card-layout.h"
#include "nf-card-layout-private.h"
#include "nf-render-private.h"

#define MAX_TAGS_SHOWN 48

/* Pango's units are points at the context's resolution, which the render
 * library fixes at 96 dpi. */
#define PX_PER_PT (96.0 / 72.0)
#define MEMO_MAX  24

typedef struct {
  double   width, font_size, max_height;
  NfCardDensity density;
  guint    max_lines;   /* of LINES */
  double   height;
  double   text_h;      /* the whole text, unclamped (FULL only) */
  double   one_line;    /* the card cut to its first line */
  gboolean truncated;
  guint    n_lines;
  /* The text widths (Pango units) over which the text, and the footer's
   * widths over which the footer, break into the same lines, so this
   * serves them too: [lo, hi), empty when lo >= hi. */
  int      lo, hi;
  int      footer_lo, footer_hi;
  /* Counted from the text shaped once (NfCardBreaks), not by Pango:
   * checked against Pango's lines when the card is laid out at it. */
  gboolean counted;
} Measure;

typedef struct {
  int      start, end;
  gboolean evidence;
} Span;

typedef struct _SharedStyle SharedStyle;

struct _NfCardLayout
{
  GObject         parent_instance;

  NfNote         *note;
  const char     *lang;            /* interned */
  PangoContext   *context;
  PangoLayout    *text;
  PangoLayout    *footer;

  /* What the layouts show, to notice when the note changes. */
  NfText         *shown_text;
  GStrv           shown_tags;
  NfEvidence      shown_evidence;
  guint           has_footer : 1;
  /* The footer's layout, spans and attributes are made when first
   * needed (ensure_footer()): most cards of a big canvas are only ever
   * one line, and a footer each was a PangoLayout each (issue 18). The
   * arrays are made when first filled, for the same reason. */
  guint           footer_stale : 1;
  guint           synced : 1;
  GArray         *spans;
  PangoAttrList  *footer_attrs;

  GArray         *memo;
  /* The text shaped once at `breaks_size`, which counts its lines at any
   * width for the layout's tries; NULL where it cannot (or is not made
   * yet: `breaks_made`). `no_breaks` once a count disagreed with Pango:
   * that card is measured by Pango alone from then on. */
  NfCardBreaks   *breaks;
  double          breaks_size, breaks_line_height;
  guint           breaks_made : 1;
  guint           no_breaks : 1;
  /* The shown text's characters, narrow and wide (Han, kana, full-width
   * forms), for estimates that need no line breaking. */
  guint           n_narrow, n_wide;
  /* How many first lines [text_lo, text_hi) below keeps: all of them
   * (G_MAXUINT), or those a clamped card shows from the beginning of its
   * text and the line after them, which its ellipsis reads. */
  guint           text_range_lines;
  double          text_attr_size, text_attr_line_height;
  double          footer_attr_size, footer_attr_line_height;
  guint           footer_plain : 1;    /* the tags may break inside: one is wider than the card */
  /* The text widths (Pango units) over which the text layout's lines as
   * they are now stay the same, and the footer's likewise: a card asked
   * for another width in them is not laid out again (Pango 1.50 shapes
   * the whole text again on every new width). Empty when lo >= hi. */
  int             text_lo, text_hi;
  int             footer_lo, footer_hi;
  /* The layouts' serials when their ranges were found: anything else
   * that lays them out again (a font, attributes) voids the ranges. */
  guint           text_serial, footer_serial;
  /* The width the text counts as broken at: Pango's own may be another
   * one within [text_lo, text_hi). */
  int             text_width;

  /* The size the layouts are broken for, and what follows from it. */
  guint           is_set : 1;
  /* The text is broken whole (no ellipsis, no height), so a clamped card
   * at the same size can be drawn from its first lines. */
  guint           unclamped : 1;
  /* Lines drawn from the whole layout, the last cut with an ellipsis of
   * our own; 0 when the layout is drawn as it is. */
  guint           clamp_lines;
  /* A one-line card placed but not yet laid out: its height needs no
   * Pango (nf_card_layout_line_height()), and a card below a scrolling
   * block's page may never be drawn. Laid out when first read. */
  guint           pending : 1;
  guint           text_stale : 1;      /* `text` is yet to be made or given the shown text */
  /* Bytes of the shown text that `text` holds when it holds only its
   * beginning (a one-line card: see lay_out_beginning()), 0 when whole;
   * set_size() lays out `cut_wanted` bytes. */
  guint           text_cut;
  guint           cut_wanted;
  SharedStyle    *pending_style;   /* kept while it is the same */
  Measure         now;
  double          footer_font_size;
  double          line_height;
  double          text_x, text_y, footer_x, footer_y;
  GArray         *chips;
};

G_DEFINE_FINAL_TYPE (NfCardLayout, nf_card_layout, G_TYPE_OBJECT)

/* A style that pending cards share: each of 100,000 one-line cards kept a
 * copy of its own, 77 MB of the window showing them (issue 18). Cards are
 * laid out by worker threads too, so the sharing takes a lock; the last
 * copy made is the one the next card shares. */
struct _SharedStyle {
  NfGridStyle *style;
  guint        refs;   /* under shared_lock */
};

static GMutex shared_lock;
static SharedStyle *latest_shared;   /* not a reference */

static SharedStyle *
shared_style_get (const NfGridStyle *style)
{
  SharedStyle *shared;

  g_mutex_lock (&shared_lock);
  if (latest_shared != NULL && nf_grid_style_equal (latest_shared->style, style))
    shared = latest_shared;
  else
    {
      shared = g_new (SharedStyle, 1);
      shared->style = nf_grid_style_copy (style);
      shared->refs = 0;
      latest_shared = shared;
    }
  shared->refs++;
  g_mutex_unlock (&shared_lock);
  return shared;
}

static void
shared_style_release (SharedStyle *shared)
{
  g_mutex_lock (&shared_lock);
  if (--shared->refs == 0)
    {
      if (latest_shared == shared)
        latest_shared = NULL;
      nf_grid_style_free (shared->style);
      g_free (shared);
    }
  g_mutex_unlock (&shared_lock);
}

static void
nf_card_layout_dispose (GObject *object)
{
  NfCardLayout *self = NF_CARD_LAYOUT (object);

  g_clear_object (&self->note);
  g_clear_object (&self->context);
  g_clear_object (&self->text);
  g_clear_object (&self->footer);
  g_clear_pointer (&self->shown_text, nf_text_unref);
  g_clear_pointer (&self->footer_attrs, pango_attr_list_unref);
  G_OBJECT_CLASS (nf_card_layout_parent_class)->dispose (object);
}

static void
nf_card_layout_finalize (GObject *object)
{
  NfCardLayout *self = NF_CARD_LAYOUT (object);

  g_strfreev (self->shown_tags);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->memo, g_array_unref);
  g_clear_pointer (&self->breaks, _nf_card_breaks_free);
  g_clear_pointer (&self->chips, g_array_unref);
  g_clear_pointer (&self->pending_style, shared_style_release);
  G_OBJECT_CLASS (nf_card_layout_parent_class)->finalize (object);
}

static void
nf_card_layout_class_init (NfCardLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nf_card_layout_dispose;
  object_class->finalize = nf_card_layout_finalize;
}

static void
nf_card_layout_init (NfCardLayout *self)
{
  (void) self;
}

NfCardLayout *
nf_card_layout_new (PangoContext *context,
                    NfNote       *note,
                    const char   *lang)
{
  NfCardLayout *self;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (NF_IS_NOTE (note), NULL);

  self = g_object_new (NF_TYPE_CARD_LAYOUT, NULL);
  self->context = g_object_ref (context);
  self->note = g_object_ref (note);
  self->lang = g_intern_string (lang);
  nf_card_layout_sync (self);
  return self;
}

NfNote *
nf_card_layout_get_note (NfCardLayout *self)
{
  g_return_val_if_fail (NF_IS_CARD_LAYOUT (self), NULL);
  return self->note;
}

void
nf_card_layout_invalidate (NfCardLayout *self)
{
  g_return_if_fail (NF_IS_CARD_LAYOUT (self));
  if (self->memo != NULL)
    g_array_set_size (self->memo, 0);
  g_clear_pointer (&self->breaks, _nf_card_breaks_free);
  self->breaks_made = FALSE;
  self->no_breaks = FALSE;
  self->text_attr_size = 0;
  self->footer_attr_size = 0;
  self->text_lo = self->footer_lo = 1;
  self->text_hi = self->footer_hi = 0;
  self->is_set = FALSE;
  self->pending = FALSE;
}

static gboolean
tags_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal (a, b);
}

/* The note's footer changed: whether it has one is known now, the rest
 * when first needed. */
static void
rebuild_footer (NfCardLayout *self)
{
  self->has_footer = self->shown_evidence != NF_EVIDENCE_NONE ||
                     (self->shown_tags != NULL && self->shown_tags[0] != NULL);
  self->footer_stale = TRUE;
  self->footer_attr_size = 0;
  self->footer_lo = 1;
  self->footer_hi = 0;
}

static void
ensure_footer (NfCardLayout *self)
{
  g_autoptr(GString) s = NULL;
  PangoAttrList *attrs;

  if (!self->footer_stale)
    return;
  self->footer_stale = FALSE;
  s = g_string_new (NULL);
  attrs = pango_attr_list_new ();
  if (self->spans == NULL)
    self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_array_set_size (self->spans, 0);
  if (self->shown_evidence != NF_EVIDENCE_NONE)
    {
      Span span = { 0, 0, TRUE };
      g_string_append (s, nf_evidence_title (self->shown_evidence));
      span.end = (int) s->len;
      g_array_append_val (self->spans, span);
    }
  /* A card has room for a few lines of tags; placing each chip walks the
   * lines, so a note with a thousand tags shows the first ones and the
   * count of the rest. */
  for (guint i = 0; self->shown_tags && self->shown_tags[i]; i++)
    {
      Span span = { 0, 0, FALSE };

      if (i == MAX_TAGS_SHOWN)
        {
          g_string_append_printf (s, "\xe2\x80\x83+%u", g_strv_length (self->shown_tags) - i);
          break;
        }

      /* An em space: room for the chips' padding, and a place to break. */
      if (s->len > 0)
        g_string_append (s, "\xe2\x80\x83");
      span.start = (int) s->len;
      g_string_append_c (s, '#');
      g_string_append (s, self->shown_tags[i]);
      span.end = (int) s->len;
      g_array_append_val (self->spans, span);
    }
  /* A tag is one word: keep it on one line where it can be. */
  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);
      PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

      attr->start_index = (guint) span->start;
      attr->end_index = (guint) span->end;
      pango_attr_list_insert (attrs, attr);
    }
  g_clear_pointer (&self->footer_attrs, pango_attr_list_unref);
  self->footer_attrs = attrs;

  if (s->len == 0)
    return;
  if (self->footer == NULL)
    {
      self->footer = _nf_render_layout_new (self->context);
      pango_layout_set_wrap (self->footer, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (self->footer, s->str, (int) s->len);
  pango_layout_set_attributes (self->footer, self->footer_attrs);
  self->footer_attr_size = 0;
  self->footer_lo = 1;
  self->footer_hi = 0;
}

NfCardLayout *
_nf_card_layout_lookup (GHashTable   *cards,
                        PangoContext *context,
                        NfNote       *note,
                        const char   *lang)
{
  NfCardLayout *card = g_hash_table_lookup (cards, note);

  if (card == NULL)
    {
      card = nf_card_layout_new (context, note, lang);
      g_hash_table_insert (cards, note, card);
    }
  else
    nf_card_layout_sync (card);
  return card;
}

gboolean
nf_card_layout_sync (NfCardLayout *self)
{
  NfText *text;
  const char * const *tags;
  NfEvidence evidence;
  gboolean changed = FALSE;

  g_return_val_if_fail (NF_IS_CARD_LAYOUT (self), FALSE);

  text = nf_note_get_text (self->note);
  tags = nf_note_get_tags (self->note);
  evidence = nf_note_get_evidence (self->note);

  if (text != self->shown_text)
    {
      const char *shown = text ? nf_text_for_language (text, self->lang) : "";

      g_clear_pointer (&self->shown_text, nf_text_unref);
      self->shown_text = text ? nf_text_ref (text) : NULL;
      /* The Pango layout is made or given the text when first measured:
       * a card below a scrolling block's page may never be (issue 18). */
      self->text_stale = TRUE;
      self->n_narrow = self->n_wide = 0;
      for (const char *p = shown; *p; p = g_utf8_next_char (p))
        {
          if (g_unichar_iswide (g_utf8_get_char (p)))
            self->n_wide++;
          else
            self->n_narrow++;
        }
      changed = TRUE;
    }
  if (!self->synced ||
      !tags_equal (tags, (const char * const *) self->shown_tags) ||
      evidence != self->shown_evidence)
    {
      g_strfreev (self->shown_tags);
      self->shown_tags = g_strdupv ((char **) tags);
      self->shown_evidence = evidence;
      rebuild_footer (self);
      self->synced = TRUE;
      changed = TRUE;
    }
  if (changed)
    nf_card_layout_invalidate (self);
  return changed;
}

/* A fixed line height, so cards keep the same rhythm whether the text
 * lands on Cantarell or on a CJK face with tall lines. */
static void
set_attributes (PangoLayout   *layout,
                PangoAttrList *base,
                double         font_size,
                double         line_height)
{
  PangoAttrList *attrs = base ? pango_attr_list_copy (base) : pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_line_height_new_absolute (
                                   (int) round (font_size * PX_PER_PT * line_height *
                                                PANGO_SCALE)));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

static void
find_chips (NfCardLayout *self)
{
  const char *str = pango_layout_get_text (self->footer);
  double chip_pad = self->footer_x - self->text_x;
  double line_max = self->footer_font_size * PX_PER_PT * 1.45;
  double line_h = self->footer_font_size * PX_PER_PT * self->line_height;

  if (self->chips == NULL)
    self->chips = g_array_new (FALSE, FALSE, sizeof (NfCardChip));
  g_array_set_size (self->chips, 0);
  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);
      int last = (int) (g_utf8_prev_char (str + span->end) - str);
      PangoRectangle a, b;
      NfCardChip chip;
      double h;

      pango_layout_index_to_pos (self->footer, span->start, &a);
      pango_layout_index_to_pos (self->footer, last, &b);
      /* A tag broken over two lines gets no box rather than a wrong one. */
      if (a.y != b.y)
        continue;
      /* Lines of chips keep a gap between them. */
      h = MIN (MIN (a.height / (double) PANGO_SCALE, line_max), line_h - 3);
      chip.rect.x = self->footer_x + a.x / (double) PANGO_SCALE - chip_pad;
      chip.rect.width = (b.x + b.width - a.x) / (double) PANGO_SCALE + 2 * chip_pad;
      chip.rect.y = self->footer_y + a.y / (double) PANGO_SCALE +
                    (a.height / (double) PANGO_SCALE - h) / 2;
      chip.rect.height = h;
      chip.evidence = span->evidence;
      g_array_append_val (self->chips, chip);
    }
}

/* The top and bottom padding of the denser cards. */
static double
compact_pad (const NfGridStyle *style)
{
  return MAX (2.0, round (style->card_padding / 2));
}

/* One line of a card's text: the fixed line height (set_attributes()). */
static double
line_px (const NfGridStyle *style,
         double             font_size)
{
  return round (font_size * PX_PER_PT * style->line_height * PANGO_SCALE) /
         (double) PANGO_SCALE;
}

/* n lines of clamped text: Pango rounds a line's box a little past the
 * fixed height (half a unit at most), so this stays on the safe side. */
static double
lines_px (const NfGridStyle *style,
          double             font_size,
          guint              n_lines)
{
  return ceil (MAX (1u, n_lines) * (line_px (style, font_size) + 0.5));
}

double
nf_card_layout_line_height (const NfGridStyle *style,
                            double             font_size)
{
  g_return_val_if_fail (style != NULL, 0.0);
  return 2 * compact_pad (style) + lines_px (style, font_size, 1);
}

/* Breaks the lines for this size: the one place a card's text is laid
 * out. */
static void
ensure_text (NfCardLayout *self)
{
  if (!self->text_stale && self->text != NULL)
    return;
  if (self->text == NULL)
    {
      self->text = _nf_render_layout_new (self->context);
      pango_layout_set_wrap (self->text, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (self->text, self->shown_text != NULL
                                     ? nf_text_for_language (self->shown_text, self->lang) : "",
                         self->text_cut > 0 ? (int) self->text_cut : -1);
  self->text_stale = FALSE;
  self->text_lo = 1;
  self->text_hi = 0;
}

/* The advance of a space in `font`, as Pango sets it. */
static int
space_advance (PangoFont    *font,
               PangoContext *context)
{
  hb_font_t *hb = font != NULL ? pango_font_get_hb_font (font) : NULL;
  hb_codepoint_t glyph = 0;
  int w;

  if (hb == NULL || !hb_font_get_nominal_glyph (hb, ' ', &glyph))
    return -1;
  w = (int) hb_font_get_glyph_h_advance (hb, glyph);
  return pango_context_get_round_glyph_positions (context) ? PANGO_UNITS_ROUND (w) : w;
}

/* The least of `line` that would move up to the line before it were
 * that wider: its first word (to the first place Pango may break a line
 * by words), or, where the line starts inside a word broken by
 * characters or its first word runs on past it, its first cluster.
 * Pango units; 0 when it cannot be told. */
static int
first_word_width (PangoLayout        *layout,
                  PangoLayoutLine    *line,
                  const PangoLogAttr *attrs,
                  int                 n_attrs)
{
  const char *str = pango_layout_get_text (layout);
  const char *p = str + line->start_index, *end = p + line->length;
  int offset = (int) g_utf8_pointer_to_offset (str, p), word_end = -1, w = 0;
  gboolean by_chars;

  if (line->runs == NULL || offset >= n_attrs)
    return 0;
  by_chars = !attrs[offset].is_line_break;
  /* The byte where the first word ends: the next place to break. */
  if (!by_chars)
    for (const char *q = g_utf8_next_char (p); q < end; q = g_utf8_next_char (q))
      {
        offset++;
        if (offset < n_attrs && attrs[offset].is_line_break)
          {
            word_end = (int) (q - str);
            break;
          }
      }
  for (GSList *r = line->runs; r != NULL; r = r->next)
    {
      PangoGlyphItem *run = r->data;
      PangoGlyphString *glyphs = run->glyphs;

      for (int g = 0; g < glyphs->num_glyphs; g++)
        {
          int at = run->item->offset + glyphs->log_clusters[g];

          if (by_chars || word_end < 0)
            {
              /* The first cluster only. */
              if (at != line->start_index)
                return w;
            }
          else if (at >= word_end || g_unichar_isspace (g_utf8_get_char (str + at)))
            return w;   /* the spaces after a word need no room at a line's end */
          w += glyphs->glyphs[g].geometry.width;
        }
    }
  return by_chars || word_end < 0 ? w : 0;
}

/* The widths (Pango units) at which `layout`, wrapped by words (and by
 * characters inside a word no line holds), breaks into the lines it has
 * now. Pango fills each line greedily: the lines stay while each still
 * fits (with the space it ends with, which Pango draws with no width)
 * and nothing of the next line would fit after it, that space included
 * (not even its first cluster, the least that could move up); only the
 * first `n_lines` lines are read. Empty (lo >= hi) where that cannot be
 * told cheaply: right-to-left text, a line ending in a run of spaces or
 * another blank. */
static void
breaks_range (PangoLayout *layout,
              guint        n_lines,
              int         *lo,
              int         *hi)
{
  const char *str = pango_layout_get_text (layout);
  PangoContext *context = pango_layout_get_context (layout);
  int least = 0, most = G_MAXINT, n_attrs, laid;
  const PangoLogAttr *attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  guint index = 0;

  *lo = 1;
  *hi = 0;
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL && index < n_lines;
       l = l->next, index++)
    {
      PangoLayoutLine *line = l->data;
      PangoLayoutLine *next = l->next != NULL ? l->next->data : NULL;
      PangoRectangle logical;
      int w;

      if (line->resolved_dir != PANGO_DIRECTION_LTR)
        return;
      pango_layout_line_get_extents (line, NULL, &logical);
      if (logical.x != 0)
        return;
      w = logical.width;
      for (GSList *r = line->runs; r != NULL; r = r->next)
        if (((PangoGlyphItem *) r->data)->item->analysis.level % 2 != 0)
          return;
      if (line->length > 0)
        {
          const char *end = str + line->start_index + line->length;
          const char *last = g_utf8_prev_char (end);
          gunichar c = g_utf8_get_char (last);

          if (g_unichar_isspace (c) || c == 0x200B)
            {
              PangoGlyphItem *run;
              int space;

              if (c != ' ' || last == str + line->start_index ||
                  g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (last))) ||
                  line->runs == NULL)
                return;
              run = g_slist_last (line->runs)->data;
              space = space_advance (run->item->analysis.font, context);
              if (space < 0)
                return;
              w += space;
            }
        }
      least = MAX (least, w);
      if (next != NULL && !next->is_paragraph_start)
        {
          int first = first_word_width (layout, next, attrs, n_attrs);

          if (first <= 0)
            return;
          /* The word would follow the space the line ends with, at
           * its full width. */
          most = MIN (most, w + first);
        }
    }
  /* Pango broke these lines at the layout's width: nothing moved up
   * there, so nothing does at any width between that and the least
   * that holds them, whatever the sums above say (a line's first word
   * is not always where Pango would break it). */
  laid = pango_layout_get_width (layout);
  if (laid > 0 && least <= laid && most <= laid)
    most = laid + 1;
  *lo = least;
  *hi = most;
}

static guint n_count_misses;
static NfCountMode count_mode = NF_COUNT_ON;
/* Set while the grid lays a frame out again after a miss: by Pango
 * alone, on this thread (cards are laid out by worker threads too). */
static GPrivate counts_held;

void
_nf_card_layout_hold_counts (gboolean hold)
{
  g_private_set (&counts_held, GINT_TO_POINTER (hold));
}

static inline gboolean
counting (void)
{
  return count_mode != NF_COUNT_OFF && g_private_get (&counts_held) == NULL;
}

void
_nf_card_layout_set_count_mode (NfCountMode mode)
{
  count_mode = mode;
}

guint
_nf_card_layout_get_n_count_misses (void)
{
  return (guint) g_atomic_int_get (&n_count_misses);
}

/* Pango has broken the whole text at `now`: a count made at that size
 * that says otherwise is wrong, and so may be the card's other counts.
 * Pango measures the card from now on; the grid, seeing the miss, lays
 * out again (nf_grid_layout_allocate()). */
static void
check_counts (NfCardLayout *self)
{
  for (guint i = 0; self->memo != NULL && i < self->memo->len; i++)
    {
      const Measure *m = &g_array_index (self->memo, Measure, i);

      if (m->counted && m->width == self->now.width && m->font_size == self->now.font_size &&
          (m->n_lines != self->now.n_lines || m->text_h != self->now.text_h))
        {
          g_debug ("line count %u (%.0f px) for %u (%.0f px) at width %.1f: measured by Pango",
                   m->n_lines, m->text_h, self->now.n_lines, self->now.text_h, m->width);
          g_array_set_size (self->memo, 0);
          g_clear_pointer (&self->breaks, _nf_card_breaks_free);
          self->breaks_made = TRUE;
          self->no_breaks = TRUE;
          g_atomic_int_inc (&n_count_misses);
          return;
        }
    }
}

/* The footer's text size for cards at `font_size`. */
static double
footer_size_for (const NfGridStyle *style,
                 double             font_size)
{
  return MAX (style->min_font_size, font_size * style->footer_font_scale);
}

/* The padding around the footer's chips at that size. */
static double
chip_pad_for (double footer_font_size)
{
  return round (footer_font_size * PX_PER_PT * 0.3);
}

/* The footer (evidence and tags) laid out for text `text_width` wide:
 * its height in pixels. Its lines are kept, as the text's, while the
 * width stays in their range (footer_lo, footer_hi). */
static double
footer_height (NfCardLayout      *self,
               const NfGridStyle *style,
               double             text_width)
{
  double footer_width = MAX (1.0, text_width - 2 * chip_pad_for (self->footer_font_size));
  int fw = (int) (footer_width * PANGO_SCALE);
  PangoRectangle logical;

  ensure_footer (self);
  _nf_render_set_font (self->footer, style->font_family,
                       self->footer_font_size, PANGO_WEIGHT_NORMAL);
  if (self->footer_plain || self->footer_attr_size != self->footer_font_size ||
      self->footer_attr_line_height != style->line_height)
    {
      set_attributes (self->footer, self->footer_attrs, self->footer_font_size,
                      style->line_height);
      self->footer_attr_size = self->footer_font_size;
      self->footer_attr_line_height = style->line_height;
      self->footer_plain = FALSE;
      self->footer_lo = 1;
      self->footer_hi = 0;
    }
  if (fw >= self->footer_lo && fw < self->footer_hi &&
      pango_layout_get_serial (self->footer) == self->footer_serial)
    pango_layout_get_extents (self->footer, NULL, &logical);
  else
    {
      pango_layout_set_width (self->footer, fw);
      pango_layout_get_extents (self->footer, NULL, &logical);
      /* A tag wider than the card must break after all. */
      if (logical.width > fw)
        {
          set_attributes (self->footer, NULL, self->footer_font_size,
                          style->line_height);
          self->footer_plain = TRUE;
          pango_layout_get_extents (self->footer, NULL, &logical);
          self->footer_lo = 1;
          self->footer_hi = 0;
        }
      else
        {
          breaks_range (self->footer, G_MAXUINT, &self->footer_lo, &self->footer_hi);
          self->footer_serial = pango_layout_get_serial (self->footer);
        }
    }
  return ceil (logical.height / (double) PANGO_SCALE);
}

static void
set_size (NfCardLayout      *self,
          const NfGridStyle *style,
          double             width,
          double             font_size,
          double             max_height,
          NfCardDensity      density,
          guint              max_lines)
{
  /* The evidence edge lies in the left padding; the right matches it
   * (and holds the tag marks of the denser steps), the same at every
   * density so the text breaks into the same lines. */
  double inset_x = style->card_padding + style->evidence_edge / 2 + 2;
  double inset_y = density == NF_CARD_FULL ? style->card_padding : compact_pad (style);
  double text_width = MAX (1.0, width - 2 * inset_x);
  double fixed = 2 * inset_y;
  double chip_pad = 0;
  PangoRectangle logical;

  _nf_render_count_measure ();
  if (self->text_cut != self->cut_wanted)
    {
      self->text_cut = self->cut_wanted;
      self->text_stale = TRUE;
    }
  ensure_text (self);

  self->footer_font_size = footer_size_for (style, font_size);
  self->line_height = style->line_height;
  self->now.density = density;
  self->now.max_lines = density == NF_CARD_LINES ? MAX (2u, max_lines) : 0;
  if (self->has_footer && density == NF_CARD_FULL)
    {
      chip_pad = chip_pad_for (self->footer_font_size);
      fixed += style->footer_gap + footer_height (self, style, text_width);
      self->now.footer_lo = self->footer_lo;
      self->now.footer_hi = self->footer_hi;
    }

  else
    {
      self->now.footer_lo = 0;
      self->now.footer_hi = G_MAXINT;
    }

  _nf_render_set_font (self->text, style->font_family, font_size,
                       PANGO_WEIGHT_NORMAL);
  /* New attributes make Pango break the lines again even when they are
   * the same: set them only when the size changed, so a card measured
   * whole and then shown compact at the same width is broken once. */
  if (self->text_attr_size != font_size || self->text_attr_line_height != style->line_height)
    {
      set_attributes (self->text, NULL, font_size, style->line_height);
      self->text_attr_size = font_size;
      self->text_attr_line_height = style->line_height;
      self->text_lo = 1;
      self->text_hi = 0;
    }
  self->text_width = (int) (text_width * PANGO_SCALE);
  /* Whole text whose lines stay the same at this width keeps them. */
  if (!(density != NF_CARD_LINES && density != NF_CARD_LINE && max_height <= 0 &&
        self->text_width >= self->text_lo && self->text_width < self->text_hi &&
        pango_layout_get_serial (self->text) == self->text_serial &&
        pango_layout_get_ellipsize (self->text) == PANGO_ELLIPSIZE_NONE))
    {
      self->text_lo = 1;
      self->text_hi = 0;
      pango_layout_set_width (self->text, self->text_width);
    }
  if (density == NF_CARD_LINES || density == NF_CARD_LINE)
    {
      pango_layout_set_ellipsize (self->text, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (self->text, density == NF_CARD_LINES
                                           ? -(int) self->now.max_lines : -1);
    }
  else if (max_height > 0)
    {
      pango_layout_set_ellipsize (self->text, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (self->text,
                               (int) (MAX (1.0, max_height - fixed) * PANGO_SCALE));
    }
  else
    {
      pango_layout_set_ellipsize (self->text, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_height (self->text, -1);
    }
  self->unclamped = !(density == NF_CARD_LINES || density == NF_CARD_LINE || max_height > 0);
  self->clamp_lines = 0;
  self->pending = FALSE;
  pango_layout_get_extents (self->text, NULL, &logical);
  if (self->unclamped && self->text_lo >= self->text_hi)
    {
      breaks_range (self->text, G_MAXUINT, &self->text_lo, &self->text_hi);
      self->text_range_lines = G_MAXUINT;
      self->text_serial = pango_layout_get_serial (self->text);
    }
  else if (self->unclamped && pango_layout_get_serial (self->text) != self->text_serial)
    {
      /* Laid out again by something else: its range is found afresh. */
      breaks_range (self->text, G_MAXUINT, &self->text_lo, &self->text_hi);
      self->text_range_lines = G_MAXUINT;
      self->text_serial = pango_layout_get_serial (self->text);
    }
  if (self->unclamped)
    {
      self->now.lo = self->text_lo;
      self->now.hi = self->text_hi;
    }
  else
    {
      self->now.lo = 1;
      self->now.hi = 0;
    }

  self->now.width = width;
  self->now.font_size = font_size;
  self->now.max_height = max_height;
  self->now.text_h = ceil (logical.height / (double) PANGO_SCALE);
  self->now.n_lines = (guint) pango_layout_get_line_count (self->text);
  /* Clamped cards count whole lines of the fixed height, as
   * nf_card_layout_measure_density() does without laying them out. */
  if (density == NF_CARD_LINES || density == NF_CARD_LINE)
    self->now.text_h = MAX (self->now.text_h, lines_px (style, font_size, self->now.n_lines));
  self->now.height = fixed + self->now.text_h;
  self->now.truncated = (max_height > 0 || density == NF_CARD_LINES || density == NF_CARD_LINE) &&
                        pango_layout_is_ellipsized (self->text);
  if (self->now.n_lines > 1)
    {
      PangoRectangle line;

      pango_layout_line_get_extents (pango_layout_get_line_readonly (self->text, 0),
                                     NULL, &line);
      self->now.one_line = MIN (self->now.height,
                                fixed + ceil (line.height / (double) PANGO_SCALE));
    }
  else
    self->now.one_line = self->now.height;
  self->now.counted = FALSE;
  self->is_set = TRUE;
  if (self->unclamped && self->text_cut == 0)
    check_counts (self);

  self->text_x = inset_x;
  self->text_y = inset_y;
  self->footer_x = inset_x + chip_pad;
  self->footer_y = inset_y + self->now.text_h + style->footer_gap;
  if (self->chips != NULL)
    g_array_set_size (self->chips, 0);
  if (self->has_footer && density == NF_CARD_FULL)
    find_chips (self);
}

static gboolean
same_size (const Measure *m,
           double         width,
           double         font_size,
           double         max_height)
{
  return m->width == width && m->font_size == font_size &&
         m->max_height == max_height && m->density == NF_CARD_FULL;
}

/* The text's width (Pango units) in a card `width` wide, as set_size()
 * breaks it. */
static int
text_width_of (const NfGridStyle *style,
               double             width)
{
  double inset_x = style->card_padding + style->evidence_edge / 2 + 2;

  return (int) (MAX (1.0, width - 2 * inset_x) * PANGO_SCALE);
}

/* Whether the whole card measured in `m` measures the same at `width`:
 * the same size, and its text and footer break into the same lines. */
static gboolean
serves (const Measure     *m,
        const NfGridStyle *style,
        double             width,
        double             font_size,
        gboolean           full)
{
  double chip_pad;
  int tw, fw;

  if (m->font_size != font_size || m->max_height != 0 ||
      !(m->density == NF_CARD_FULL || (!full && m->density == NF_CARD_COMPACT)))
    return FALSE;
  if (m->width == width)
    return TRUE;
  tw = text_width_of (style, width);
  if (tw < m->lo || tw >= m->hi)
    return FALSE;
  if (!full)
    return TRUE;
  chip_pad = chip_pad_for (footer_size_for (style, font_size));
  fw = (int) (MAX (1.0, tw / (double) PANGO_SCALE - 2 * chip_pad) * PANGO_SCALE);
  return fw >= m->footer_lo && fw < m->footer_hi;
}

double
nf_card_layout_measure (NfCardLayout      *self,
                        const NfGridStyle *style,
                        double             width,
                        double             font_size,
                        double             max_height,
                        gboolean          *out_truncated)
{
  return _nf_card_layout_measure_lines (self, style, width, font_size,
                                        max_height, out_truncated, NULL);
}

static gboolean count_full (NfCardLayout      *self,
                            const NfGridStyle *style,
                            double             width,
                            double             font_size,
                            Measure           *m);
static gboolean counting   (void);

double
_nf_card_layout_measure_lines (NfCardLayout      *self,
                               const NfGridStyle *style,
                               double             width,
                               double             font_size,
                               double             max_height,
                               gboolean          *out_truncated,
                               guint             *out_n_lines)
{
  gboolean counts = counting ();
  Measure counted;

  g_return_val_if_fail (NF_IS_CARD_LAYOUT (self), 0.0);
  g_return_val_if_fail (style != NULL, 0.0);

  max_height = MAX (max_height, 0.0);
  for (guint i = self->memo != NULL ? self->memo->len : 0; i-- > 0; )
    {
      const Measure *m = &g_array_index (self->memo, Measure, i);

      if ((counts || !m->counted) &&
          (same_size (m, width, font_size, max_height) ||
           (max_height == 0 && serves (m, style, width, font_size, TRUE))))
        {
          if (out_truncated)
            *out_truncated = m->truncated;
          if (out_n_lines)
            *out_n_lines = m->n_lines;
          return m->height;
        }
    }
  /* Counted, the text layout stays broken where it is drawn: measuring
   * whole cards at the widths of other column counts broke it again at
   * each, and again at its own (most of a resize frame's shaping). */
  if (max_height == 0 && counts && count_full (self, style, width, font_size, &counted))
    {
      if (self->memo == NULL)
        self->memo = g_array_new (FALSE, FALSE, sizeof (Measure));
      if (self->memo->len >= MEMO_MAX)
        g_array_set_size (self->memo, 0);
      g_array_append_val (self->memo, counted);
      if (out_truncated)
        *out_truncated = FALSE;
      if (out_n_lines)
        *out_n_lines = counted.n_lines;
      return counted.height;
    }
  if (!(self->is_set && same_size (&self->now, width, font_size, max_height)))
    set_size (self, style, width, font_size, max_height, NF_CARD_FULL, 0);
  if (self->memo == NULL)
    self->memo = g_array_new (FALSE, FALSE, sizeof (Measure));
  if (self->memo->len >= MEMO_MAX)
    g_array_set_size (self->memo, 0);
  g_array_append_val (self->memo, self->now);
  if (out_truncated)
    *out_truncated = self->now.truncated;
  if (out_n_lines)
    *out_n_lines = self->now.n_lines;
  return self->now.height;
}

double
_nf_card_layout_measure_one_line (NfCardLayout      *self,
                                  const NfGridStyle *style,
                                  double             width,
                                  double             font_size)
{
  g_return_val_if_fail (NF_IS_CARD_LAYOUT (self), 0.0);

  /* Measured whole, which also serves whoever asks for the whole card at
   * this size next. */
  nf_card_layout_measure (self, style, width, font_size, 0, NULL);
  for (guint i = 0; self->memo != NULL && i < self->memo->len; i++)
    {
      const Measure *m = &g_array_index (self->memo, Measure, i);

      if (same_size (m, width, font_size, 0) || serves (m, style, width, font_size, TRUE))
        return m->one_line;
    }
  return self->now.one_line;
}

void
nf_card_layout_apply (NfCardLayout      *self,
                      const NfGridStyle *style,
                      double             width,
                      double             font_size,
                      double             max_height)
{
  g_return_if_fail (NF_IS_CARD_LAYOUT (self));
  g_return_if_fail (style != NULL);

  max_height = MAX (max_height, 0.0);
  if (!(self->is_set && same_size (&self->now, width, font_size, max_height)))
    set_size (self, style, width, font_size, max_height, NF_CARD_FULL, 0);
}

/* The fixed line height set_attributes() gives, in Pango units. */
static int
breaks_line_height (const NfGridStyle *style,
                    double             font_size)
{
  return (int) round (font_size * PX_PER_PT * style->line_height * PANGO_SCALE);
}

/* The text shaped once at this size, kept for its line counts. */
static NfCardBreaks *
ensure_breaks (NfCardLayout      *self,
               const NfGridStyle *style,
               double             font_size)
{
  g_autoptr(PangoLayout) layout = NULL;
  const char *shown;
  int line_height;

  if (self->no_breaks || !counting ())
    return NULL;
  if (self->breaks_made && self->breaks_size == font_size &&
      self->breaks_line_height == style->line_height)
    return self->breaks;
  g_clear_pointer (&self->breaks, _nf_card_breaks_free);
  self->breaks_made = TRUE;
  self->breaks_size = font_size;
  self->breaks_line_height = style->line_height;
  shown = self->shown_text != NULL ? nf_text_for_language (self->shown_text, self->lang) : "";
  if (*shown == '\0')
    return NULL;
  /* As ensure_text() and set_size() make the text layout, unwrapped. */
  layout = _nf_render_scratch_layout_new (self->context);
  pango_layout_set_text (layout, shown, -1);
  _nf_render_set_font (layout, style->font_family, font_size, PANGO_WEIGHT_NORMAL);
  set_attributes (layout, NULL, font_size, style->line_height);
  line_height = breaks_line_height (style, font_size);
  self->breaks = _nf_card_breaks_new (layout, line_height);
  return self->breaks;
}

/* The whole text's lines at this size as Pango would break them,
 * counted without Pango: what set_size() gives a compact card. */
static gboolean
count_lines (NfCardLayout      *self,
             const NfGridStyle *style,
             double             width,
             double             font_size,
             Measure           *m,
             double            *first_h)
{
  NfCardBreaks *breaks = ensure_breaks (self, style, font_size);
  guint n_lines;
  int height, first;

  if (breaks == NULL ||
      !_nf_card_breaks_count (breaks, text_width_of (style, width), &n_lines, &height, &first))
    return FALSE;
  if (G_UNLIKELY (count_mode == NF_COUNT_SKEWED))
    {
      n_lines++;
      height += breaks_line_height (style, font_size);
    }
  *m = (Measure) {
    .width = width,
    .font_size = font_size,
    .density = NF_CARD_COMPACT,
    .text_h = ceil (height / (double) PANGO_SCALE),
    .n_lines = n_lines,
    .lo = 1,
    .hi = 0,
    .footer_lo = 0,
    .footer_hi = G_MAXINT,
    .counted = TRUE,
  };
  if (first_h != NULL)
    *first_h = ceil (first / (double) PANGO_SCALE);
  m->height = 2 * compact_pad (style) + m->text_h;
  m->one_line = MIN (m->height, 2 * compact_pad (style) + lines_px (style, font_size, 1));
  return TRUE;
}

gboolean
_nf_card_layout_count_lines (NfCardLayout      *self,
                             const NfGridStyle *style,
                             double             width,
                             double             font_size,
                             guint             *n_lines,
                             double            *text_height)
{
  Measure m;

  g_return_val_if_fail (NF_IS_CARD_LAYOUT (self), FALSE);
  if (!count_lines (self, style, width, font_size, &m, NULL))
    return FALSE;
  *n_lines = m.n_lines;
  *text_height = m.text_h;
  return TRUE;
}

/* A whole card's measure without laying its text out: the line count
 * (count_lines()) and the footer laid out, as set_size() measures a
 * full card. */
static gboolean
count_full (NfCardLayout      *self,
            const NfGridStyle *style,
            double             width,
            double             font_size,
            Measure           *m)
{
  double inset_x = style->card_padding + style->evidence_edge / 2 + 2;
  double text_width = MAX (1.0, width - 2 * inset_x);
  double fixed = 2 * style->card_padding, first_h;

  if (!count_lines (self, style, width, font_size, m, &first_h))
    return FALSE;
  m->density = NF_CARD_FULL;
  if (self->has_footer)
    {
      self->footer_font_size = footer_size_for (style, font_size);
      fixed += style->footer_gap + footer_height (self, style, text_width);
      m->footer_lo = self->footer_lo;
      m->footer_hi = self->footer_hi;
    }
  m->height = fixed + m->text_h;
  m->one_line = m->n_lines > 1 ? MIN (m->height, fixed + first_h) : m->height;
  return TRUE;
}

/* The whole text's lines at this size (text_h, n_lines), from the memo
 * or made. The denser steps need no footer, so none is laid out for
 * them: a whole card measured later at this size breaks no text again. */
static const Measure *
full_measure (NfCardLayout      *self,
              const NfGridStyle *style,
              double             width,
              double             font_size)
{
  Measure counted;
  gboolean counts = counting ();

  /* Newest first: a window being resized asks for a width near the last
   * one, which the newest measures serve (any that serves gives the same
   * lines). */
  for (guint i = self->memo != NULL ? self->memo->len : 0; i-- > 0; )
    {
      const Measure *m = &g_array_index (self->memo, Measure, i);

      if ((counts || !m->counted) && serves (m, style, width, font_size, FALSE))
        return m;
    }
  if (count_lines (self, style, width, font_size, &counted, NULL))
    {
      if (self->memo == NULL)
        self->memo = g_array_new (FALSE, FALSE, sizeof (Measure));
      if (self->memo->len >= MEMO_MAX)
        g_array_set_size (self->memo, 0);
      g_array_append_val (self->memo, counted);
      return &g_array_index (self->memo, Measure, self->memo->len - 1);
    }
  /* Cheap when the text is broken at this size already (a clamped card
   * drawn from it): Pango keeps its lines while nothing it reads changes. */
  set_size (self, style, width, font_size, 0, NF_CARD_COMPACT, 0);
  if (self->memo == NULL)
    self->memo = g_array_new (FALSE, FALSE, sizeof (Measure));
  if (self->memo->len >= MEMO_MAX)
    g_array_set_size (self->memo, 0);
  g_array_append_val (self->memo, self->now);
  return &self->now;
}

double
nf_card_layout_measure_density (NfCardLayout      *self,
                                const NfGridStyle *style,
                                double             width,
                                double             font_size,
                                NfCardDensity      density,
                                guint              max_lines)
{
  const Measure *m;

  g_return_val_if_fail (NF_IS_CARD_LAYOUT (self), 0.0);
  g_return_val_if_fail (style != NULL, 0.0);

  switch (density)
    {
    case NF_CARD_FULL:
      return nf_card_layout_measure (self, style, width, font_size, 0, NULL);
    case NF_CARD_LINE:
      return nf_card_layout_line_height (style, font_size);
    case NF_CARD_COMPACT:
      m = full_measure (self, style, width, font_size);
      return 2 * compact_pad (style) + m->text_h;
    case NF_CARD_LINES:
    default:
      m = full_measure (self, style, width, font_size);
      return 2 * compact_pad (style) +
             lines_px (style, font_size, CLAMP (m->n_lines, 1u, MAX (2u, max_lines)));
    }
}

guint
_nf_card_layout_estimate_lines (NfCardLayout      *self,
                                const NfGridStyle *style,
                                double             width,
                                double             font_size,
                                double             narrow_em,
                                double             wide_em)
{
  double inset_x = style->card_padding + style->evidence_edge / 2 + 2;
  double text_width = MAX (1.0, width - 2 * inset_x);
  double em = font_size * PX_PER_PT;
  double run = (self->n_narrow * narrow_em + self->n_wide * wide_em) * em;

  return MAX (1u, (guint) ceil (run / text_width - 1e-9));
}


double
_nf_card_layout_least_height (NfCardLayout      *self,
                              const NfGridStyle *style,
                              double             width,
                              double             font_size,
                              NfCardDensity      density,
                              guint              max_lines)
{
  /* No face sets a character narrower than these (an "i" or a space is
   * about a quarter of an em; Han characters a whole one). */
  guint n = _nf_card_layout_estimate_lines (self, style, width, font_size, 0.2, 0.9);

  return _nf_card_layout_height_of_lines (self, style, font_size, density, max_lines, n);
}

double
_nf_card_layout_guess_height (NfCardLayout      *self,
                              const NfGridStyle *style,
                              double             width,
                              double             font_size,
                              NfCardDensity      density,
                              guint              max_lines,
                              guint             *n_lines)
{
  /* The characters' average widths (nf-grid-block.c's estimate). */
  guint n = _nf_card_layout_estimate_lines (self, style, width, font_size, 0.5, 1.0);

  if (n_lines != NULL)
    *n_lines = n;
  return _nf_card_layout_height_of_lines (self, style, font_size, density, max_lines, n);
}

double
_nf_card_layout_height_of_lines (NfCardLayout      *self,
                 const NfGridStyle *style,
                 double             font_size,
                 NfCardDensity      density,
                 guint              max_lines,
                 guint              n)
{
  double line = line_px (style, font_size);

  switch (density)
    {
    case NF_CARD_FULL:
      return 2 * style->card_padding + floor (n * line) +
             (self->has_footer ? style->footer_gap + floor (line * style->footer_font_scale) : 0);
    case NF_CARD_COMPACT:
      return 2 * compact_pad (style) + floor (n * line);
    case NF_CARD_LINES:
      return 2 * compact_pad (style) + lines_px (style, font_size, MIN (n, MAX (2u, max_lines)));
    case NF_CARD_LINE:
    default:
      return nf_card_layout_line_height (style, font_size);
    }
}

/* A clamped card from the text already broken whole at its size: its
 * first lines, the last cut by the renderer with an ellipsis. Pango
 * would break the text again to ellipsize it; this breaks nothing. The
 * height is what set_size() gives the card clamped by Pango, whose lines
 * all have the fixed height. */
static void
clamp_whole (NfCardLayout      *self,
             const NfGridStyle *style,
             NfCardDensity      density,
             guint              max_lines)
{
  guint most = density == NF_CARD_LINES ? MAX (2u, max_lines) : 1;
  guint total, shown;
  double pad = compact_pad (style);
  PangoLayoutIter *iter;
  int y0 = 0, y1 = 0;

  ensure_text (self);
  total = (guint) pango_layout_get_line_count (self->text);
  shown = MIN (total, most);
  iter = pango_layout_get_iter (self->text);

  for (guint i = 0; i + 1 < shown; i++)
    pango_layout_iter_next_line (iter);
  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
  pango_layout_iter_free (iter);

  self->now.density = density;
  self->now.max_lines = density == NF_CARD_LINES ? MAX (2u, max_lines) : 0;
  self->now.n_lines = shown;
  self->now.truncated = total > shown;
  self->now.text_h = MAX (ceil (y1 / (double) PANGO_SCALE),
                          lines_px (style, self->now.font_size, shown));
  self->now.height = 2 * pad + self->now.text_h;
  self->now.one_line = MIN (self->now.height, 2 * pad + lines_px (style, self->now.font_size, 1));
  self->clamp_lines = self->now.truncated ? shown : 0;
  self->text_y = pad;
  self->footer_y = pad + self->now.text_h + style->footer_gap;
  if (self->chips != NULL)
    g_array_set_size (self->chips, 0);
}

static gboolean lay_out_beginning (NfCardLayout      *self,
                                   const NfGridStyle *style,
                                   double             width,
                                   double             font_size,
                                   NfCardDensity      density,
                                   guint              max_lines);

void
nf_card_layout_apply_density (NfCardLayout      *self,
                              const NfGridStyle *style,
                              double             width,
                              double             font_size,
                              NfCardDensity      density,
                              guint              max_lines)
{
  g_return_if_fail (NF_IS_CARD_LAYOUT (self));
  g_return_if_fail (style != NULL);

  if (density == NF_CARD_FULL)
    {
      nf_card_layout_apply (self, style, width, font_size, 0);
      return;
    }
  if (self->is_set && self->now.width == width && self->now.font_size == font_size &&
      self->now.max_height == 0 && self->now.density == density &&
      (density != NF_CARD_LINES || self->now.max_lines == MAX (2u, max_lines)))
    return;
  if (density != NF_CARD_COMPACT && self->is_set && self->unclamped && !self->pending &&
      self->now.width == width && self->now.font_size == font_size)
    {
      clamp_whole (self, style, density, max_lines);
      return;
    }
  if (density == NF_CARD_LINE)
    {
      /* What set_size() would give, without breaking a line: one line
       * of the fixed height, cut or not. */
      self->pending = TRUE;
      if (self->pending_style == NULL || !nf_grid_style_equal (self->pending_style->style, style))
        {
          g_clear_pointer (&self->pending_style, shared_style_release);
          self->pending_style = shared_style_get (style);
        }
      self->is_set = TRUE;
      self->unclamped = FALSE;
      self->clamp_lines = 0;
      self->now.width = width;
      self->now.font_size = font_size;
      self->now.max_height = 0;
      self->now.density = NF_CARD_LINE;
      self->now.max_lines = 0;
      self->now.height = nf_card_layout_line_height (style, font_size);
      self->footer_font_size = footer_size_for (style, font_size);
      if (self->chips != NULL)
        g_array_set_size (self->chips, 0);
      return;
    }
  if (density == NF_CARD_LINES)
    {
      /* The beginning of the text, or the whole text, at this width
       * (which a resize that moves no line keeps), then its first lines. */
      if (!lay_out_beginning (self, style, width, font_size, density, max_lines))
        {
          set_size (self, style, width, font_size, 0, NF_CARD_COMPACT, 0);
          clamp_whole (self, style, density, max_lines);
        }
      return;
    }
  set_size (self, style, width, font_size, 0, density, max_lines);
}

void
_nf_card_layout_apply_pango_clamp (NfCardLayout      *self,
                                   const NfGridStyle *style,
                                   double             width,
                                   double             font_size,
                                   NfCardDensity      density,
                                   guint              max_lines)
{
  set_size (self, style, width, font_size, 0, density, max_lines);
}

const NfGridStyle *
_nf_card_layout_peek_pending_style (NfCardLayout *self)
{
  g_return_val_if_fail (NF_IS_CARD_LAYOUT (self), NULL);
  return self->pending_style != NULL ? self->pending_style->style : NULL;
}

/* Where to cut the shown text for a card of `n_lines` lines whose text
 * is `text_width` pixels wide, trying for the `attempt`th time: past
 * what the lines likely hold (the characters' average widths, a fifth
 * to spare, twice that each further attempt), then two more places a
 * line may break and three characters: enough for Pango to break the
 * lines as it breaks the whole text, and for the renderer's ellipsis to
 * find where it stops (lay_out_beginning() checks both). 0 when the cut
 * would keep the whole text, or the text is one that only the whole of
 * it sets right: right-to-left (the paragraph's direction and the
 * levels of its neutral characters are read from all of it) or of
 * several paragraphs (the renderer's ellipsis runs on across short
 * ones). */
static guint
cut_for_lines (const char *str,
               double      text_width,
               double      font_size,
               guint       n_lines,
               guint       attempt)
{
  double em = font_size * PX_PER_PT;
  double room = text_width * 1.2 * n_lines * (1u << attempt), at = 0;
  guint breaks = 0, extra = 0;
  const char *p;

  for (p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 ||
          c == 0x2028 || c == 0x2029 ||
          (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) ||
          (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0x10800 && c <= 0x10FFF) ||
          (c >= 0x1E800 && c <= 0x1EFFF) || c == 0x200F || c == 0x061C ||
          (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        return 0;
      if (at < room)
        at += (g_unichar_iswide (c) ? 1.0 : 0.55) * em;
      else if (breaks < 2)
        breaks += c == ' ' || g_unichar_iswide (c);
      else if (++extra > 3)
        break;
    }
  return *p != '\0' ? (guint) (p - str) : 0;
}

/* Whether the beginning of the text in `layout` breaks its first
 * `n_lines` lines as the whole text does, and holds whatever of the line
 * after them the renderer's ellipsis may reach: a line after that has a
 * place to break three characters or more before the cut. Pango's
 * greedy breaking chooses each line's end by the text up to the next
 * line's first place to break, and the ellipsis never reaches past it:
 * the next line's first word did not fit on the last line shown, nor
 * will it with an ellipsis. */
static gboolean
beginning_serves (PangoLayout *layout,
                  guint        n_lines)
{
  const char *str = pango_layout_get_text (layout);
  const PangoLogAttr *attrs;
  PangoLayoutLine *second;
  int n_attrs, from;

  if (pango_layout_get_line_count (layout) < (int) n_lines + 1)
    return FALSE;
  second = pango_layout_get_line_readonly (layout, (int) n_lines);
  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  from = (int) g_utf8_pointer_to_offset (str, str + second->start_index);
  /* n_attrs counts the position after the last character too. */
  for (int i = from + 1; i <= n_attrs - 1 - 3; i++)
    if (attrs[i].is_line_break)
      return TRUE;
  return FALSE;
}

/* Whether the text as it is laid out now, whole or its beginning, keeps
 * its first `n_lines` lines and the one after at `width` and
 * `font_size` (every line when `n_lines` is G_MAXUINT): set_size() then
 * breaks nothing (it keeps lines while the text width stays in their
 * range). */
static gboolean
lines_hold (NfCardLayout      *self,
            const NfGridStyle *style,
            double             width,
            double             font_size,
            guint              n_lines)
{
  int tw = text_width_of (style, width);

  return self->text != NULL && !self->text_stale &&
         (self->text_range_lines == G_MAXUINT || self->text_range_lines > n_lines) &&
         self->text_attr_size == font_size &&
         self->text_attr_line_height == style->line_height &&
         tw >= self->text_lo && tw < self->text_hi &&
         pango_layout_get_serial (self->text) == self->text_serial &&
         pango_layout_get_ellipsize (self->text) == PANGO_ELLIPSIZE_NONE;
}

/* A clamped card (one line, or `max_lines` lines) laid out `width`
 * wide from the beginning of its text: Pango breaks and shapes only
 * that, where the whole text cost the 1,000-note first frame 95 M of its
 * 137 M instructions (issue 13), and a resize frame of 200 notes a
 * sixth of its own. The lines, the renderer's cut and so the pixels are
 * those of the whole text; a caller that reads the text layout itself
 * gets the whole text (ensure_whole()). FALSE where the beginning would
 * be all of it or would not do. */
static gboolean
lay_out_beginning (NfCardLayout      *self,
                   const NfGridStyle *style,
                   double             width,
                   double             font_size,
                   NfCardDensity      density,
                   guint              max_lines)
{
  const char *shown = self->shown_text != NULL
                      ? nf_text_for_language (self->shown_text, self->lang) : "";
  double text_width = text_width_of (style, width) / (double) PANGO_SCALE;
  guint n_lines = density == NF_CARD_LINES ? MAX (2u, max_lines) : 1;

  /* The whole text broken at this width already: clamped from it. */
  if (self->text_cut == 0 && lines_hold (self, style, width, font_size, G_MAXUINT))
    return FALSE;
  /* A beginning laid out at another width serves while its lines hold:
   * whether it serves depends on where its lines break, nothing else. A
   * window being resized keeps most cards' lines from frame to frame. */
  if (self->text_cut > 0 && lines_hold (self, style, width, font_size, n_lines))
    {
      self->cut_wanted = self->text_cut;
      set_size (self, style, width, font_size, 0, NF_CARD_COMPACT, 0);
      self->cut_wanted = 0;
      if (beginning_serves (self->text, n_lines))
        {
          clamp_whole (self, style, density, max_lines);
          self->unclamped = FALSE;
          return TRUE;
        }
    }
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      guint cut = cut_for_lines (shown, text_width, font_size, n_lines, attempt);

      if (cut == 0)
        break;
      self->cut_wanted = cut;
      set_size (self, style, width, font_size, 0, NF_CARD_COMPACT, 0);
      self->cut_wanted = 0;
      if (beginning_serves (self->text, n_lines))
        {
          /* Only the lines shown and the one after them (where the
           * ellipsis stops: its glyphs, and a hyphen Pango puts where it
           * breaks inside a word, are read) need hold at another width. */
          breaks_range (self->text, n_lines + 1, &self->text_lo, &self->text_hi);
          self->text_range_lines = n_lines + 1;
          clamp_whole (self, style, density, max_lines);
          /* Its lines are not the whole text's: nothing else clamps from them. */
          self->unclamped = FALSE;
          return TRUE;
        }
    }
  return FALSE;
}

/* Whether the whole text is broken at the card's size already (the grid
 * measured it so while choosing the density): then set_size() keeps its
 * lines, cheaper than laying out the beginning anew. As set_size()
 * decides. */
static gboolean
whole_text_ready (NfCardLayout      *self,
                  const NfGridStyle *style)
{
  return self->text_cut == 0 &&
         lines_hold (self, style, self->now.width, self->now.font_size, G_MAXUINT);
}

static void
ensure_laid_out (NfCardLayout *self)
{
  if (self->pending &&
      (whole_text_ready (self, self->pending_style->style) ||
       !lay_out_beginning (self, self->pending_style->style, self->now.width,
                           self->now.font_size, NF_CARD_LINE, 0)))
    {
      set_size (self, self->pending_style->style, self->now.width, self->now.font_size, 0,
                NF_CARD_COMPACT, 0);
      clamp_whole (self, self->pending_style->style, NF_CARD_LINE, 0);
    }
}

/* The card laid out as ensure_laid_out() does, from the whole text. */
static void
ensure_whole (NfCardLayout *self)
{
  ensure_laid_out (self);
  if (self->text_cut == 0)
    return;
  if (self->is_set && self->now.density == NF_CARD_LINE && self->pending_style != NULL)
    {
      set_size (self, self->pending_style->style, self->now.width, self->now.font_size, 0,
                NF_CARD_COMPACT, 0);
      clamp_whole (self, self->pending_style->style, NF_CARD_LINE, 0);
    }
  else
    {
      self->text_cut = 0;
      self->text_stale = TRUE;
    }
}

NfCardDensity
nf_card_layout_get_density (NfCardLayout *self)
{
  g_return_val_if_fail (NF_IS_CARD_LAYOUT (self), NF_CARD_FULL);
  return self->is_set ? self->now.density : NF_CARD_FULL;
}

guint
nf_card_layout_get_max_lines (NfCardLayout *self)
{
  g_return_val_if_fail (NF_IS_CARD_LAYOUT (self), 0);
  return self->is_set ? self->now.max_lines : 0;
}

guint
nf_card_layout_get_n_tags (NfCardLayout *self)
{
  g_return_val_if_fail (NF_IS_CARD_LAYOUT (self), 0);
  return self->shown_tags != NULL ? g_strv_length (self->shown_tags) : 0;
}

double
nf_card_layout_get_width (NfCardLayout *self)
{
  g_return_val_if_fail (NF_IS_CARD_LAYOUT (self), 0.0);
  return self->is_set ? self->now.width : 0.0;
}

double
nf_card_layout_get_height (NfCardLayout *self)
{
  g_return_val_if_fail (NF_IS_CARD_LAYOUT (self), 0.0);
  return self->is_set ? self->now.height : 0.0;
}

double
nf_card_layout_get_font_size (NfCardLayout *self)
{
  g_return_val_if_fail (NF_IS_CARD_LAYOUT (self), 0.0);
  return self->now.font_size;
}

double
nf_card_layout_get_footer_font_size (NfCardLayout *self)
{
  g_return_val_if_fail (NF_IS_CARD_LAYOUT (self), 0.0);
  return self->footer_font_size;
}

gboolean
nf_card_layout_get_truncated (NfCardLayout *self)
{
  g_return_val_if_fail (NF_IS_CARD_LAYOUT (self), FALSE);
  ensure_laid_out (self);
  return self->is_set && self->now.truncated;
}

PangoLayout *
nf_card_layout_get_text_layout (NfCardLayout *self)
{
  g_return_val_if_fail (NF_IS_CARD_LAYOUT (self), NULL);
  ensure_whole (self);
  ensure_text (self);
  return self->text;
}

PangoLayout *
_nf_card_layout_get_drawn_layout (NfCardLayout *self)
{
  ensure_laid_out (self);
  ensure_text (self);
  return self->text;
}

guint
_nf_card_layout_get_text_cut (NfCardLayout *self)
{
  ensure_laid_out (self);
  return self->text_cut;
}

PangoLayout *
nf_card_layout_get_footer_layout (NfCardLayout *self)
{
  g_return_val_if_fail (NF_IS_CARD_LAYOUT (self), NULL);
  if (!(self->has_footer && (!self->is_set || self->now.density == NF_CARD_FULL)))
    return NULL;
  ensure_footer (self);
  return self->footer;
}

void
_nf_card_layout_get_text_origin (NfCardLayout *self,
                                 double       *x,
                                 double       *y)
{
  ensure_laid_out (self);
  *x = self->text_x;
  *y = self->text_y;
}

void
_nf_card_layout_get_footer_origin (NfCardLayout *self,
                                   double       *x,
                                   double       *y)
{
  ensure_laid_out (self);
  *x = self->footer_x;
  *y = self->footer_y;
}

const NfCardChip *
_nf_card_layout_get_chips (NfCardLayout *self,
                           guint        *n_chips)
{
  if (self->chips == NULL)
    {
      *n_chips = 0;
      return NULL;
    }
  *n_chips = self->chips->len;
  return (const NfCardChip *) (gpointer) self->chips->data;
}

int
_nf_card_layout_get_text_width (NfCardLayout *self)
{
  ensure_laid_out (self);
  return self->text_width;
}

guint
_nf_card_layout_get_clamp_lines (NfCardLayout *self)
{
  ensure_laid_out (self);
  return self->is_set ? self->clamp_lines : 0;
}

static G_DEFINE_QUARK (nf-card-ellipsis, ellipsis)
static G_DEFINE_QUARK (nf-card-ellipsis-dots, ellipsis_dots)

PangoLayout *
_nf_card_layout_get_ellipsis (NfCardLayout      *self,
                              const NfGridStyle *style,
                              gboolean           dots)
{
  GQuark quark = dots ? ellipsis_dots_quark () : ellipsis_quark ();
  PangoLayout *ellipsis = g_object_get_qdata (G_OBJECT (self->context), quark);

  /* One per context (each thread has its own), its font set only when
   * the size changes: the cards of a grid share one size. */
  if (ellipsis == NULL)
    {
      ellipsis = _nf_render_layout_new (self->context);
      pango_layout_set_text (ellipsis, dots ? "..." : "\xe2\x80\xa6", -1);
      g_object_set_qdata_full (G_OBJECT (self->context), quark, ellipsis, g_object_unref);
    }
  _nf_render_set_font (ellipsis, style->font_family, self->now.font_size, PANGO_WEIGHT_NORMAL);
  return ellipsis;
}

double
_nf_card_layout_get_shown_text_height (NfCardLayout *self,
                                       guint        *out_n_lines)
{
  PangoRectangle logical;
  guint n = _nf_card_layout_get_clamp_lines (self);

  ensure_laid_out (self);
  ensure_text (self);
  if (n == 0)
    {
      pango_layout_get_extents (self->text, NULL, &logical);
      if (out_n_lines)
        *out_n_lines = (guint) pango_layout_get_line_count (self->text);
      return logical.height / (double) PANGO_SCALE;
    }
  else
    {
      PangoLayoutIter *iter = pango_layout_get_iter (self->text);
      int y0, y1;

      for (guint i = 0; i + 1 < n; i++)
        pango_layout_iter_next_line (iter);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_free (iter);
      if (out_n_lines)
        *out_n_lines = n;
      return y1 / (double) PANGO_SCALE;
    }
}
