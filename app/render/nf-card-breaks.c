/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <hb.h>
#include <hb-ot.h>
#include <string.h>

#include "nf-card-breaks-private.h"

/* Pango 1.50 fills a line greedily, item by item: an item that fits
 * whole goes on; one that does not is broken at the last place a line
 * may break that fits, judged by the widths its characters have in the
 * item shaped whole (near the line's end, by the part shaped alone:
 * the same widths where no kerning or ligature joins the glyphs either
 * side of the break, which is checked once here); with no such place,
 * it backs up to the last item that had one. This follows those steps
 * (pango-layout.c, process_line() and process_item()) over widths kept
 * from one shaping, and gives up where they would need shaping that
 * this cannot stand in for: the caller then asks Pango. */

#define MAX_TAGS  4
#define MAX_ITEMS 64

enum {
  CAN_BREAK = 1 << 0,   /* a line may break before this character */
  WHITE     = 1 << 1,   /* this character is white space */
  HYPHEN    = 1 << 2,   /* a break before this character inserts a hyphen */
  UNSAFE    = 1 << 3,   /* the glyphs before this break are kerned or joined across it */
};

typedef struct {
  int           start, end;   /* characters */
  int           safe;         /* how far from the line's end Pango measures a break by shaping */
  int           top;          /* logical top at the fixed line height, on the baseline */
  guint         tag;          /* its script's baseline (index into tags) */
  hb_position_t base[MAX_TAGS];
} Item;

struct _NfCardBreaks {
  int     n_chars;
  int     line_height;
  int    *widths;
  guint8 *flags;              /* n_chars + 1 */
  Item   *items;
  guint   n_items;
};

typedef enum {
  GIVE_UP,
  NONE_FIT,
  SOME_FIT,
  ALL_FIT,
  EMPTY_FIT,
} Fit;

void
_nf_card_breaks_free (NfCardBreaks *breaks)
{
  if (breaks == NULL)
    return;
  g_free (breaks->widths);
  g_free (breaks->flags);
  g_free (breaks->items);
  g_free (breaks);
}

/* Marks the breaks inside `run` whose glyph before them would shape to
 * another width alone: a break inside a cluster, or a glyph whose width
 * is not its own advance (kerned against the next). */
static void
check_joints (NfCardBreaks   *breaks,
              PangoGlyphItem *run,
              const char     *text,
              int             start,
              gboolean        round)
{
  PangoItem *item = run->item;
  PangoGlyphString *glyphs = run->glyphs;
  hb_font_t *hb = pango_font_get_hb_font (item->analysis.font);
  const char *p = text + item->offset;
  int c = start;
  g_autofree int *first_glyph = g_new (int, item->num_chars + 1);

  for (int i = 0; i <= item->num_chars; i++)
    first_glyph[i] = -1;
  for (int g = 0; g < glyphs->num_glyphs; g++)
    {
      const char *at = text + item->offset + glyphs->log_clusters[g];

      while (p < at)
        {
          p = g_utf8_next_char (p);
          c++;
        }
      if (first_glyph[c - start] < 0)
        first_glyph[c - start] = g;
    }
  for (int i = start + 1; i < start + item->num_chars; i++)
    {
      int g = first_glyph[i - start];
      PangoGlyphInfo *before;
      int advance;

      if (!(breaks->flags[i] & CAN_BREAK))
        continue;
      if (g <= 0)
        {
          breaks->flags[i] |= UNSAFE;
          continue;
        }
      before = &glyphs->glyphs[g - 1];
      if (hb == NULL || (before->glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0 ||
          before->glyph == PANGO_GLYPH_EMPTY)
        {
          breaks->flags[i] |= UNSAFE;
          continue;
        }
      advance = (int) hb_font_get_glyph_h_advance (hb, before->glyph);
      if (round)
        advance = PANGO_UNITS_ROUND (advance);
      if (before->geometry.width != advance)
        breaks->flags[i] |= UNSAFE;
    }
}

NfCardBreaks *
_nf_card_breaks_new (PangoLayout *layout,
                     int          line_height)
{
  const char *text = pango_layout_get_text (layout);
  gboolean round = pango_context_get_round_glyph_positions (pango_layout_get_context (layout));
  NfCardBreaks *breaks;
  const PangoLogAttr *attrs;
  PangoLayoutLine *line;
  int n_attrs, start = 0;
  guint n_runs;
#if HB_VERSION_ATLEAST(4,0,0)
  hb_ot_layout_baseline_tag_t tags[MAX_TAGS];
  hb_tag_t script_tags[MAX_ITEMS], lang_tags[MAX_ITEMS];
  hb_font_t *fonts[MAX_ITEMS];
  guint n_tags = 0;
#endif

  if (pango_layout_get_line_count (layout) != 1 ||
      pango_layout_get_unknown_glyphs_count (layout) > 0 ||
      strchr (text, '\t') != NULL)
    return NULL;
  line = pango_layout_get_line_readonly (layout, 0);
  n_runs = g_slist_length (line->runs);
  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  if (line->resolved_dir != PANGO_DIRECTION_LTR || n_attrs < 2 || n_runs == 0 ||
      n_runs > MAX_ITEMS)
    return NULL;

  breaks = g_new0 (NfCardBreaks, 1);
  breaks->n_chars = n_attrs - 1;
  breaks->line_height = line_height;
  breaks->widths = g_new0 (int, breaks->n_chars);
  breaks->flags = g_new0 (guint8, breaks->n_chars + 1);
  breaks->items = g_new0 (Item, n_runs);
  for (int i = 0; i <= breaks->n_chars; i++)
    {
      if (attrs[i].is_line_break)
        breaks->flags[i] |= CAN_BREAK;
      if (i < breaks->n_chars && attrs[i].is_white)
        breaks->flags[i] |= WHITE;
      if (attrs[i].break_inserts_hyphen)
        breaks->flags[i] |= HYPHEN;
      /* A break that takes the character before it away: rare, and the
       * widths before it would change. */
      if (attrs[i].break_removes_preceding)
        goto give_up;
    }
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      PangoItem *item = run->item;
      Item *it = &breaks->items[breaks->n_items];
      PangoRectangle logical;
      PangoFontMetrics *metrics;

      if (item->analysis.level % 2 != 0 || item->analysis.font == NULL ||
          (item->analysis.flags & PANGO_ANALYSIS_FLAG_CENTERED_BASELINE) != 0 ||
          start + item->num_chars > breaks->n_chars ||
          g_utf8_pointer_to_offset (text, text + item->offset) != start)
        goto give_up;
      it->start = start;
      it->end = start + item->num_chars;
      pango_glyph_item_get_logical_widths (run, text, breaks->widths + start);
      pango_glyph_string_extents (run->glyphs, item->analysis.font, NULL, &logical);
      /* The run's box at the fixed line height (Pango 1.50's
       * pango_layout_run_get_extents_and_height()). */
      it->top = logical.y - (line_height - logical.height) / 2;
      metrics = pango_font_get_metrics (item->analysis.font, item->analysis.language);
      it->safe = pango_font_metrics_get_approximate_char_width (metrics) * 3;
      pango_font_metrics_unref (metrics);
      check_joints (breaks, run, text, start, round);
#if HB_VERSION_ATLEAST(4,0,0)
      {
        hb_script_t script = (hb_script_t) g_unicode_script_to_iso15924 (item->analysis.script);
        hb_language_t language =
          hb_language_from_string (pango_language_to_string (item->analysis.language), -1);
        hb_tag_t st[HB_OT_MAX_TAGS_PER_SCRIPT], lt[HB_OT_MAX_TAGS_PER_LANGUAGE];
        unsigned int n_st = HB_OT_MAX_TAGS_PER_SCRIPT, n_lt = HB_OT_MAX_TAGS_PER_LANGUAGE;
        hb_ot_layout_baseline_tag_t tag = hb_ot_layout_get_horizontal_baseline_tag_for_script (script);
        guint t;

        hb_ot_tags_from_script_and_language (script, language, &n_st, st, &n_lt, lt);
        if (n_st == 0)
          goto give_up;
        script_tags[breaks->n_items] = st[n_st - 1];
        lang_tags[breaks->n_items] = n_lt > 0 ? lt[n_lt - 1] : HB_TAG_NONE;
        fonts[breaks->n_items] = pango_font_get_hb_font (item->analysis.font);
        for (t = 0; t < n_tags && tags[t] != tag; t++)
          ;
        if (t == n_tags)
          {
            if (n_tags == MAX_TAGS)
              goto give_up;
            tags[n_tags++] = tag;
          }
        it->tag = t;
      }
#endif
      start = it->end;
      breaks->n_items++;
    }
  if (start != breaks->n_chars)
    goto give_up;
#if HB_VERSION_ATLEAST(4,0,0)
  /* Each run on a line sits on the baseline the line's first run's
   * script uses (pango-layout.c, apply_baseline_shift()). */
  for (guint i = 0; i < breaks->n_items; i++)
    for (guint t = 0; t < n_tags; t++)
      hb_ot_layout_get_baseline_with_fallback (fonts[i], tags[t], HB_DIRECTION_LTR,
                                               script_tags[i], lang_tags[i],
                                               &breaks->items[i].base[t]);
#endif
  return breaks;

give_up:
  _nf_card_breaks_free (breaks);
  return NULL;
}

static inline gboolean
can_break_at (const NfCardBreaks *breaks,
              int                 offset)
{
  return offset == breaks->n_chars || (breaks->flags[offset] & CAN_BREAK) != 0;
}

/* What a break before character `pos` adds to the width before it: a
 * white character before it takes no room at the line's end. A hyphen
 * (never at a break this follows) counts as nothing, which is all the
 * loop below asks of it there. */
static inline int
extra_width (const NfCardBreaks *breaks,
             int                 pos,
             int                 start)
{
  if (breaks->flags[pos] & HYPHEN)
    return 0;
  if (pos > start && (breaks->flags[pos - 1] & WHITE))
    return -breaks->widths[pos - 1];
  return 0;
}

/* process_item(): puts what fits of item k, from character *s on, on a
 * line with `remaining` room left and `n_runs` runs on it already. */
static Fit
fit_item (const NfCardBreaks *breaks,
          guint               k,
          int                *s_inout,
          int                *remaining_inout,
          guint               n_runs,
          gboolean            force_fit,
          gboolean            no_break_at_end,
          gboolean            is_last)
{
  const Item *it = &breaks->items[k];
  int s = *s_inout, n = it->end - s, remaining = *remaining_inout;
  int width = 0, extra = 0, break_num, break_width, break_extra;

  for (int i = s; i < it->end; i++)
    width += breaks->widths[i];
  if (!no_break_at_end && can_break_at (breaks, it->end))
    {
      if (it->end < breaks->n_chars && (breaks->flags[it->end] & HYPHEN))
        return GIVE_UP;
      extra = extra_width (breaks, it->end, s);
    }
  /* It fits whole: shaped again alone, it is as wide. */
  if ((width + extra <= remaining || (n == 1 && n_runs == 0)) && !no_break_at_end)
    {
      *remaining_inout = MAX (remaining - width, 0);
      return ALL_FIT;
    }

  break_width = width;
  break_extra = extra;
  break_num = n;
  width = 0;
  for (int num = 0; num < (no_break_at_end ? n : n + 1); num++)
    {
      int pos = s + num;

      extra = extra_width (breaks, pos, s);
      if (MIN (width + extra, width) > remaining + it->safe && break_num < n)
        break;
      if (can_break_at (breaks, pos) && (num > 0 || n_runs > 0))
        {
          if (pos < breaks->n_chars && (breaks->flags[pos] & HYPHEN))
            return GIVE_UP;
          if (num == 0 || width + extra < remaining - it->safe)
            {
              break_num = num;
              break_width = width;
              break_extra = extra;
            }
          else
            {
              /* Pango shapes the part before the break alone: as wide
               * as its characters here, where no glyph joins across. */
              int e = 0;

              if (num < n && (breaks->flags[pos] & UNSAFE))
                return GIVE_UP;
              if (num > 0 && (num < n || !is_last) && (breaks->flags[pos - 1] & WHITE))
                e = -breaks->widths[pos - 1];
              if (break_num == n || width + e <= remaining || width + e < break_width + break_extra)
                {
                  break_num = num;
                  break_width = width;
                  break_extra = e;
                }
            }
        }
      if (num < n)
        width += breaks->widths[pos];
    }
  /* Pango would try again breaking between any characters. */
  if (force_fit && break_width + break_extra > remaining)
    return GIVE_UP;
  if (!force_fit && break_width + break_extra > remaining)
    return NONE_FIT;
  *remaining_inout = MAX (remaining - (break_width + break_extra), 0);
  if (break_num == n)
    return ALL_FIT;
  if (break_num == 0)
    return EMPTY_FIT;
  *s_inout = s + break_num;
  return SOME_FIT;
}

static gboolean
can_break_in (const NfCardBreaks *breaks,
              int                 start,
              int                 n,
              gboolean            at_start)
{
  for (int i = at_start ? 0 : 1; i < n; i++)
    if (can_break_at (breaks, start + i))
      return TRUE;
  return FALSE;
}

/* A line's logical height: the union of its runs' boxes (and the
 * baseline), each moved to the first run's baseline. */
static int
line_extent (const NfCardBreaks *breaks,
             const guint        *runs,
             guint               n_runs)
{
  const Item *first = &breaks->items[runs[0]];
  int top = 0, bottom = 0;

  for (guint r = 0; r < n_runs; r++)
    {
      const Item *it = &breaks->items[runs[r]];
      int t = it->top - (first->base[first->tag] - it->base[first->tag]);

      top = MIN (top, t);
      bottom = MAX (bottom, t + breaks->line_height);
    }
  return bottom - top;
}

gboolean
_nf_card_breaks_count (NfCardBreaks *breaks,
                       int           width,
                       guint        *n_lines,
                       int          *height,
                       int          *first_height)
{
  guint runs[MAX_ITEMS];
  guint k = 0, lines = 0;
  int s, total = 0, extent, first = 0;

  g_return_val_if_fail (breaks != NULL, FALSE);

  s = breaks->items[0].start;
  while (k < breaks->n_items)
    {
      gboolean have_break = FALSE;
      int remaining = width, break_remaining = 0, break_s = 0;
      guint break_k = 0, break_runs = 0, n_runs = 0;

      if (lines > (guint) breaks->n_chars)
        return FALSE;
      while (k < breaks->n_items)
        {
          int old_s = s, old_remaining = remaining;
          gboolean first_in_line = n_runs == 0;
          Fit fit = fit_item (breaks, k, &s, &remaining, n_runs, !have_break, FALSE,
                              k + 1 == breaks->n_items);

          if (fit == GIVE_UP)
            return FALSE;
          if (fit == ALL_FIT)
            {
              runs[n_runs++] = k;
              if (can_break_in (breaks, old_s, breaks->items[k].end - old_s, !first_in_line))
                {
                  have_break = TRUE;
                  break_remaining = old_remaining;
                  break_s = old_s;
                  break_k = k;
                  break_runs = n_runs - 1;
                }
              k++;
              if (k < breaks->n_items)
                s = breaks->items[k].start;
              continue;
            }
          if (fit == SOME_FIT)
            runs[n_runs++] = k;
          else if (fit == NONE_FIT)
            {
              /* Back to the last item a line could break in, broken
               * there however little fits. */
              n_runs = break_runs;
              k = break_k;
              s = break_s;
              remaining = break_remaining;
              fit = fit_item (breaks, k, &s, &remaining, n_runs, TRUE, TRUE,
                              k + 1 == breaks->n_items);
              if (fit == SOME_FIT)
                runs[n_runs++] = k;
              else if (fit != EMPTY_FIT)
                return FALSE;
            }
          break;
        }
      if (n_runs == 0)
        return FALSE;
      extent = line_extent (breaks, runs, n_runs);
      if (lines == 0)
        first = extent;
      total += extent;
      lines++;
    }
  *n_lines = lines;
  *height = total;
  if (first_height != NULL)
    *first_height = first;
  return TRUE;
}
