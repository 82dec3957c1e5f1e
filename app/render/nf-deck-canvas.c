/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include "nf-i18n-private.h"

#include "nf-deck-plan-private.h"
#include "nf-render-private.h"

/* A canvas's slides: an overview with all nine blocks and every note, at
 * a size a room can read (9 pt at the least); then, for the blocks whose
 * notes the overview could not show whole at 12 pt, their notes in full
 * at 12 pt on block slides, blocks sharing a slide when they fit and a long block
 * going on to the next one, a note split only when it is taller than a
 * column (marked where it goes on). The overview is planned in
 * nf-deck-overview.c. */

/* Between a metric slide's last table or chart and the sources under it. */
#define SOURCES_GAP 20

/* One card, or a block heading, placed on a block slide. */
typedef struct {
  NfBlock     block;
  guint       slide;
  guint       column;
  double      y;
  gboolean    heading;
  gboolean    continued;   /* a heading where a block goes on */
  NfDeckCard  card;        /* unless a heading */
  PangoLayout *layout;     /* a heading's */
} Placed;

/* What a canvas's slides will hold, worked out ahead (nf-deck-layouts.c
 * does it on another core while the slides before are written): the
 * overview's packing, with its cards laid out, and the block slides'
 * flow. The overview names the slides where notes are in full, so both
 * are known before either is drawn. */

/* Which blocks the overview shows in full: every note whole, marks and
 * all, at the body size. Any other block's notes go on block slides in
 * full at the body size, where the overview's compact cards point. */
static void
settle_blocks (NfDeckPlan *plan)
{
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      OvBlock *ov = &plan->blocks[b];
      gboolean whole = TRUE;

      for (guint i = 0; i < ov->n_notes; i++)
        whole = whole && !ov->cards[i].cut && ov->cards[i].show_footer &&
                ov->cards[i].size >= BLOCK_SIZE &&
                (ov->cards[i].conflict == NULL || ov->cards[i].show_conflict);
      ov->full = whole;
    }
}

/* --- block slides --- */

typedef struct {
  NfDeck   *deck;
  GArray   *placed;      /* Placed */
  guint     n_columns;
  double    column_width;
  double    top;
  double    bottom;
  guint     slide;
  guint     column;
  double    y;
  gboolean  started;
  /* Cards laid out by an earlier flow of the same notes, taken in order
   * instead of laying each out again (a card's layout does not depend on
   * where the columns end), or NULL. */
  GArray   *made;        /* NfDeckCard */
  guint     made_next;
} BlockFlow;

static void
placed_clear (gpointer data)
{
  Placed *p = data;

  if (p->heading)
    g_clear_object (&p->layout);
  else
    _nf_deck_card_clear (&p->card);
}

static void
flow_next_column (BlockFlow *flow)
{
  if (++flow->column >= flow->n_columns)
    {
      flow->column = 0;
      flow->slide++;
    }
  flow->y = flow->top;
}

static void
flow_heading (BlockFlow *flow,
              NfBlock    block,
              gboolean   continued)
{
  g_autofree char *text = continued
    /* TRANSLATORS: a block's heading where its notes go on in another
     * column or slide; %s is the block's name. */
    ? g_strdup_printf (_("%s (continued)"), nf_block_title (block))
    : g_strdup (nf_block_title (block));
  Placed p = { .block = block, .slide = flow->slide, .column = flow->column, .y = flow->y,
               .heading = TRUE, .continued = continued };

  p.layout = _nf_deck_text (flow->deck, text, HEAD_SIZE, PANGO_WEIGHT_BOLD, flow->column_width);
  flow->y += _nf_render_layout_height (p.layout) + 6;
  g_array_append_val (flow->placed, p);
}

/* A note taller than a column even at the least size: in slices, a
 * column each, every slice but the last marked as going on (its card is
 * `p->card`, whose layouts the slices share). */
static void
flow_long_note (BlockFlow *flow,
                NfBlock    block,
                OvBlock   *ov,
                Placed    *p,
                gboolean   first_of_block,
                double     head)
{
  guint n_lines = (guint) pango_layout_get_line_count (p->card.text);
  guint first = 0;
  gboolean fresh = FALSE;   /* in a column of its own: any line goes here */
  /* A note that opens with two or three lines at a column's foot reads
   * as a fragment: it starts there only with MIN_START_LINES lines or a
   * third of it, whichever is more, but never asks for more than a third of
   * what a column under a heading holds (a very long note would then
   * never start anywhere but at a column's top, however empty the
   * column). */
  guint column_lines = _nf_deck_card_fit_lines (flow->deck, &p->card, 0, flow->bottom - flow->top - head);
  guint need = MIN (MAX (MIN_START_LINES, n_lines / 3), MAX (column_lines / 3, 1));

  if (first_of_block)
    {
      if (flow->started)
        {
          if (_nf_deck_card_fit_lines (flow->deck, &p->card, 0,
                                       flow->bottom - flow->y - BLOCK_GAP - head) < need)
            flow_next_column (flow);
          else
            flow->y += BLOCK_GAP;
        }
      flow->started = TRUE;
      ov->slide = (int) flow->slide;
      fresh = flow->y <= flow->top;
      flow_heading (flow, block, FALSE);
    }
  else if (flow->y > flow->top &&
           _nf_deck_card_fit_lines (flow->deck, &p->card, 0, flow->bottom - flow->y) < need)
    {
      flow_next_column (flow);
      flow_heading (flow, block, TRUE);
      fresh = TRUE;
    }
  while (first < n_lines)
    {
      Placed q = { .block = block };
      guint count = _nf_deck_card_fit_lines (flow->deck, &p->card, first, flow->bottom - flow->y);

      if (count == 0)
        {
          /* Not a line here: the next column, where a whole column's
           * room holds several. */
          if (fresh)
            count = 1;
          else
            {
              flow_next_column (flow);
              flow_heading (flow, block, TRUE);
              fresh = TRUE;
              continue;
            }
        }
      _nf_deck_card_slice (flow->deck, &p->card, first, count, &q.card);
      q.slide = flow->slide;
      q.column = flow->column;
      q.y = flow->y;
      flow->y += q.card.height + CARD_GAP;
      g_array_append_val (flow->placed, q);
      first += count;
      if (first < n_lines)
        {
          flow_next_column (flow);
          flow_heading (flow, block, TRUE);
          fresh = TRUE;
        }
    }
  _nf_deck_card_clear (&p->card);
}

/* Every note of the block, whole, in columns across slides. A block
 * starts under the one before when its heading and first note fit. */
static void
flow_block (BlockFlow *flow,
            NfCanvas  *canvas,
            NfBlock    block,
            OvBlock   *ov)
{
  double head = _nf_deck_line_height (flow->deck, HEAD_SIZE, PANGO_WEIGHT_BOLD) + 6;
  double room = flow->bottom - flow->top;

  ov->note_slide = g_new (int, MAX (ov->n_notes, 1));
  for (guint i = 0; i < ov->n_notes; i++)
    {
      Placed p = { .block = block };

      /* Every note at the body size: one longer than a column goes on
       * in the next. */
      if (flow->made != NULL && flow->made_next < flow->made->len)
        p.card = g_array_index (flow->made, NfDeckCard, flow->made_next++);
      else
        _nf_deck_card_init (flow->deck, &p.card, _nf_deck_note_at (canvas, block, i), i + 1,
                            flow->column_width, BLOCK_SIZE, FOOTER_SIZE, 0);
      if (p.card.height > room - head)
        {
          guint from = flow->placed->len;

          flow_long_note (flow, block, ov, &p, i == 0, head);
          ov->note_slide[i] = -1;
          for (guint k = from; k < flow->placed->len && ov->note_slide[i] < 0; k++)
            if (!g_array_index (flow->placed, Placed, k).heading)
              ov->note_slide[i] = (int) g_array_index (flow->placed, Placed, k).slide;
          continue;
        }
      if (i == 0)
        {
          if (flow->started)
            {
              if (flow->y + BLOCK_GAP + head + p.card.height > flow->bottom)
                flow_next_column (flow);
              else
                flow->y += BLOCK_GAP;
            }
          flow->started = TRUE;
          ov->slide = (int) flow->slide;
          flow_heading (flow, block, FALSE);
        }
      else if (flow->y + p.card.height > flow->bottom)
        {
          flow_next_column (flow);
          flow_heading (flow, block, TRUE);
        }
      p.slide = flow->slide;
      p.column = flow->column;
      p.y = flow->y;
      flow->y += p.card.height + CARD_GAP;
      ov->note_slide[i] = (int) p.slide;
      g_array_append_val (flow->placed, p);
    }
}

static void
draw_block_slides (NfDeck   *deck,
                   NfCanvas *canvas,
                   GArray   *placed,
                   double    column_width,
                   int       outline_parent)
{
  guint k = 0;

  while (k < placed->len && !g_cancellable_is_cancelled (deck->cancellable))
    {
      guint slide = g_array_index (placed, Placed, k).slide;
      g_autoptr(GString) names = g_string_new (NULL);
      guint end = k;

      /* Every block the slide holds, in order, a block going on from the
       * last slide said to be: a slide that opened with "Channels
       * (continued)" was headed "Customer Segments" alone. */
      for (; end < placed->len && g_array_index (placed, Placed, end).slide == slide; end++)
        {
          Placed *p = &g_array_index (placed, Placed, end);
          gboolean named = FALSE;

          for (guint b = k; b < end && !named; b++)
            named = g_array_index (placed, Placed, b).block == p->block;
          if (named)
            continue;
          if (names->len > 0)
            g_string_append (names, " · ");
          if (p->heading && !p->continued)
            g_string_append (names, nf_block_title (p->block));
          else
            /* TRANSLATORS: the header of a slide where a block's notes go on. */
            g_string_append_printf (names, _("%s (continued)"), nf_block_title (p->block));
        }

      _nf_deck_begin_page (deck);
      _nf_deck_draw_header (deck, _nf_deck_company (canvas, deck->lang), names->str);
      for (; k < end; k++)
        {
          Placed *p = &g_array_index (placed, Placed, k);
          double x = NF_DECK_MARGIN + p->column * (column_width + COLUMN_GAP);

          if (p->heading)
            {
              if (!p->continued)
                _nf_deck_outline (deck, outline_parent, nf_block_title (p->block));
              cairo_save (deck->cr);
              _nf_render_set_colour (deck->cr, &deck->style->accent);
              cairo_move_to (deck->cr, x, p->y);
              pango_cairo_show_layout (deck->cr, p->layout);
              cairo_restore (deck->cr);
            }
          else
            _nf_deck_card_draw (deck, &p->card, x, p->y, column_width);
        }
      _nf_deck_end_slide (deck);
    }
}

/* --- the canvas's title and its sources --- */

static void
draw_canvas_title (NfDeck   *deck,
                   NfCanvas *canvas)
{
  const NfGridStyle *style = deck->style;
  double x = NF_DECK_MARGIN * 2, width = deck->width - 4 * NF_DECK_MARGIN, y;
  const char *title = _nf_deck_canvas_title (canvas, deck->lang);
  const char *description = nf_canvas_get_description_for_language (canvas, deck->lang);
  guint n_tables = g_list_model_get_n_items (nf_canvas_get_tables (canvas));
  guint n_sources = g_list_model_get_n_items (nf_canvas_get_sources (canvas));
  g_autofree char *counts = NULL;
  g_autoptr(PangoLayout) name = NULL;
  g_autoptr(PangoLayout) sub = NULL;
  g_autoptr(PangoLayout) about = NULL;
  g_autoptr(PangoLayout) facts = NULL;
  cairo_t *cr = deck->cr;

  {
    guint n_notes = nf_canvas_get_n_notes (canvas);
    /* Each count its own plural: "1 tables" reads wrong in English. */
    g_autofree char *notes = g_strdup_printf (nf_ngettext ("%u note", "%u notes", n_notes),
                                              n_notes);
    g_autofree char *tables = g_strdup_printf (nf_ngettext ("%u table", "%u tables", n_tables),
                                               n_tables);
    g_autofree char *sources = g_strdup_printf (nf_ngettext ("%u source", "%u sources", n_sources),
                                                n_sources);

    /* TRANSLATORS: on a canvas's title slide: how many notes, metric
     * tables and sources it has, e.g. "33 notes · 1 table · 1 source". */
    counts = g_strdup_printf (_("%s · %s · %s"), notes, tables, sources);
  }
  name = _nf_deck_text (deck, _nf_deck_company (canvas, deck->lang), 30, PANGO_WEIGHT_BOLD, width);
  sub = _nf_deck_text (deck, title != NULL && g_strcmp0 (title, _nf_deck_company (canvas, deck->lang)) != 0
                       ? title : "", 16, PANGO_WEIGHT_NORMAL, width);
  about = _nf_deck_text (deck, description, 13, PANGO_WEIGHT_NORMAL, width);
  facts = _nf_deck_text (deck, counts, 12, PANGO_WEIGHT_NORMAL, width);

  cairo_save (cr);
  _nf_render_set_colour (cr, &style->accent);
  cairo_rectangle (cr, 0, 0, 14, deck->height);
  cairo_fill (cr);
  y = deck->height * 0.22;
  _nf_render_set_colour (cr, &style->title_text);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, name);
  y += _nf_render_layout_height (name) + 8;
  _nf_render_set_colour (cr, &style->muted_text);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, sub);
  y += _nf_render_layout_height (sub) + 18;
  _nf_render_set_colour (cr, &style->accent);
  cairo_rectangle (cr, x, y, 96, 4);
  cairo_fill (cr);
  y += 22;
  if (description != NULL && *description != '\0')
    {
      /* A long description gives way: smaller, down to body size. */
      if (y + _nf_render_layout_height (about) > deck->height - 110)
        _nf_render_set_font (about, style->font_family, 12, PANGO_WEIGHT_NORMAL);
      _nf_render_set_colour (cr, &style->title_text);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, about);
      y += _nf_render_layout_height (about) + 18;
    }
  _nf_render_set_colour (cr, &style->muted_text);
  cairo_move_to (cr, x, MAX (y, deck->height - 90));
  pango_cairo_show_layout (cr, facts);
  cairo_restore (cr);
}

/* "Key Partners 1–3, 5; Channels 2": the notes citing `id`, by number. */
static void
append_citers (NfDeck     *deck,
               GString    *out,
               NfCanvas   *canvas,
               const char *id)
{
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      GListModel *notes = nf_canvas_get_notes (canvas, (NfBlock) b);
      guint n = g_list_model_get_n_items (notes);
      gboolean named = FALSE;
      guint run = 0;

      for (guint i = 0; i <= n; i++)
        {
          gboolean cites = FALSE;

          if (i < n)
            cites = g_strcmp0 (nf_note_get_cite_source (_nf_deck_note_at (canvas, (NfBlock) b, i)), id) == 0;
          if (cites)
            {
              if (run++ == 0)
                {
                  if (!named)
                    {
                      if (out->len > 0)
                        g_string_append (out, "; ");
                      g_string_append_printf (out, "%s %u", nf_block_title ((NfBlock) b), i + 1);
                      named = TRUE;
                    }
                  else
                    g_string_append_printf (out, ", %u", i + 1);
                }
              continue;
            }
          if (run > 1)
            g_string_append_printf (out, "–%u", i);
          run = 0;
        }
    }
  for (guint t = 0; t < g_list_model_get_n_items (nf_canvas_get_tables (canvas)); t++)
    {
      g_autoptr(NfMetricTable) table = g_list_model_get_item (nf_canvas_get_tables (canvas), t);
      NfText *title = nf_metric_table_get_title (table);

      if (g_strcmp0 (nf_metric_table_get_cite_source (table), id) != 0)
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      /* TRANSLATORS: a metric table that cites a source; %s is its title. */
      g_string_append_printf (out, _("table “%s”"),
                              title != NULL ? nf_text_for_language (title, deck->lang) : "");
    }
}

/* One source as the sources list sets it. */
typedef struct {
  PangoLayout *head;
  PangoLayout *sub;      /* NULL without publisher, date or address */
  PangoLayout *by;
  double       height;
} SourceItem;

static void
source_item_clear (gpointer data)
{
  SourceItem *item = data;

  g_clear_object (&item->head);
  g_clear_object (&item->sub);
  g_clear_object (&item->by);
}

static GArray *
source_items (NfDeck   *deck,
              NfCanvas *canvas,
              double    width)
{
  GListModel *sources = nf_canvas_get_sources (canvas);
  guint n = g_list_model_get_n_items (sources);
  GArray *items = g_array_sized_new (FALSE, TRUE, sizeof (SourceItem), n);

  g_array_set_clear_func (items, source_item_clear);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NfSource) source = g_list_model_get_item (sources, i);
      g_autoptr(GString) details = g_string_new (NULL);
      g_autoptr(GString) citers = g_string_new (NULL);
      g_autofree char *cited = NULL;
      const char *parts[] = { nf_source_get_publisher (source), nf_source_get_date (source),
                              nf_source_get_address (source) };
      const char *title = nf_source_get_title (source);
      SourceItem item = { 0 };

      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        if (parts[k] != NULL && *parts[k] != '\0')
          {
            if (details->len > 0)
              g_string_append (details, " · ");
            g_string_append (details, parts[k]);
          }
      append_citers (deck, citers, canvas, nf_source_get_id (source));
      cited = citers->len > 0
        /* TRANSLATORS: under a source on the sources slide: the notes (by
         * block and number) and tables that cite it. */
        ? g_strdup_printf (_("Cited by %s"), citers->str)
        : g_strdup (_("Cited by no note or table"));
      item.head = _nf_deck_text (deck, title != NULL && *title != '\0' ? title : nf_source_get_id (source),
                                 13, PANGO_WEIGHT_BOLD, width);
      if (details->len > 0)
        item.sub = _nf_deck_text (deck, details->str, 10.5, PANGO_WEIGHT_NORMAL, width);
      item.by = _nf_deck_text (deck, cited, 12, PANGO_WEIGHT_NORMAL, width);
      item.height = _nf_render_layout_height (item.head) + 4 +
                    (item.sub != NULL ? _nf_render_layout_height (item.sub) + 4 : 0) +
                    _nf_render_layout_height (item.by);
      g_array_append_val (items, item);
    }
  return items;
}

/* Each source with what cites it, on as many slides as the list needs.
 * `open` is how far down the last metric slide, left open, is filled
 * (-1 for none): a list that fits under its tables and charts goes
 * there, under a heading, and the slide is "Metrics and sources"; a
 * short list had a slide of its own, mostly white, beside a slide of
 * one small table. */
static void
sources_slides (NfDeck   *deck,
                NfCanvas *canvas,
                GArray   *planned,
                int       outline_parent,
                double    open)
{
  const char *company = _nf_deck_company (canvas, deck->lang);
  double width = deck->width - 2 * NF_DECK_MARGIN;
  double top = NF_DECK_HEADER_HEIGHT + 24, bottom = deck->height - NF_DECK_MARGIN * 0.75;
  double y = top;
  gboolean started = FALSE;
  guint merged_page = 0;   /* the open metric slide, when they join it */
  g_autoptr(GArray) items = planned != NULL ? g_array_ref (planned) : source_items (deck, canvas, width);

  if (open >= 0)
    {
      g_autoptr(PangoLayout) heading = NULL;
      double need = 0;

      for (guint i = 0; i < items->len; i++)
        need += g_array_index (items, SourceItem, i).height + (i > 0 ? 20 : 0);
      heading = _nf_deck_text (deck, _("Sources"), HEAD_SIZE, PANGO_WEIGHT_BOLD, width);
      need += _nf_render_layout_height (heading) + 8;
      /* Down to where the metric slide's own columns end. */
      if (items->len > 0 && open + SOURCES_GAP + need <= deck->height - NF_DECK_MARGIN * 0.6)
        {
          y = open + SOURCES_GAP;
          bottom = deck->height - NF_DECK_MARGIN * 0.6;
          merged_page = deck->page;
          _nf_deck_outline (deck, outline_parent, _("Sources"));
          cairo_save (deck->cr);
          _nf_render_set_colour (deck->cr, &deck->style->accent);
          cairo_move_to (deck->cr, NF_DECK_MARGIN, y);
          pango_cairo_show_layout (deck->cr, heading);
          cairo_restore (deck->cr);
          y += _nf_render_layout_height (heading) + 8;
          started = TRUE;
        }
      if (!started)
        _nf_deck_metric_slide_close (deck, canvas, _("Metrics"));
    }

  for (guint i = 0; i < items->len && !g_cancellable_is_cancelled (deck->cancellable); i++)
    {
      SourceItem *item = &g_array_index (items, SourceItem, i);

      if (!started || (y + item->height > bottom && y > top))
        {
          if (started)
            _nf_deck_end_slide (deck);
          _nf_deck_begin_page (deck);
          if (!started)
            _nf_deck_outline (deck, outline_parent, _("Sources"));
          _nf_deck_draw_header (deck, company, _("Sources"));
          started = TRUE;
          y = top;
        }
      cairo_save (deck->cr);
      _nf_render_set_colour (deck->cr, &deck->style->title_text);
      cairo_move_to (deck->cr, NF_DECK_MARGIN, y);
      pango_cairo_show_layout (deck->cr, item->head);
      y += _nf_render_layout_height (item->head) + 4;
      if (item->sub != NULL)
        {
          _nf_render_set_colour (deck->cr, &deck->style->muted_text);
          cairo_move_to (deck->cr, NF_DECK_MARGIN, y);
          pango_cairo_show_layout (deck->cr, item->sub);
          y += _nf_render_layout_height (item->sub) + 4;
        }
      _nf_render_set_colour (deck->cr, &deck->style->card_text);
      cairo_move_to (deck->cr, NF_DECK_MARGIN, y);
      pango_cairo_show_layout (deck->cr, item->by);
      y += _nf_render_layout_height (item->by) + 20;
      cairo_restore (deck->cr);
    }
  if (open >= 0 && y > top && items->len > 0 && started &&
      deck->page == merged_page)
    /* TRANSLATORS: the header of a slide with a canvas's metric
     * tables and, under them, its sources. */
    _nf_deck_metric_slide_close (deck, canvas, _("Metrics and sources"));
  else if (started)
    _nf_deck_end_slide (deck);
}

/* How many slides the flow takes with columns ending at `bottom`: the
 * same steps as flow_block for notes that each fit a column. */
static guint
simulate_slides (BlockFlow *flow,
                 GArray    *heights,
                 GArray    *starts,
                 double     head,
                 double     bottom)
{
  guint slide = 0, column = 0, s = 0;
  double y = flow->top;
  gboolean started = FALSE;

  for (guint k = 0; k < heights->len; k++)
    {
      double h = g_array_index (heights, double, k);
      gboolean first = s < starts->len && g_array_index (starts, guint, s) == k;
      gboolean next = FALSE;

      while (first && s < starts->len && g_array_index (starts, guint, s) == k)
        s++;
      if (first)
        {
          if (started)
            {
              if (y + BLOCK_GAP + head + h > bottom)
                next = TRUE;
              else
                y += BLOCK_GAP;
            }
          started = TRUE;
        }
      else if (y + h > bottom)
        next = TRUE;
      if (next)
        {
          if (++column >= flow->n_columns)
            {
              column = 0;
              slide++;
            }
          y = flow->top;
        }
      if (first || next)
        y += head;
      y += h + CARD_GAP;
    }
  return slide + 1;
}

/* Every block not shown whole on the overview, in order, from the first
 * block slide. */
static void
flow_blocks (BlockFlow  *flow,
             NfCanvas   *canvas,
             NfDeckPlan *plan)
{
  g_array_set_size (flow->placed, 0);
  flow->slide = 0;
  flow->column = 0;
  flow->y = flow->top;
  flow->started = FALSE;
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    if (!plan->blocks[b].full)
      {
        g_clear_pointer (&plan->blocks[b].note_slide, g_free);
        flow_block (flow, canvas, (NfBlock) b, &plan->blocks[b]);
      }
}

/* flow_blocks() again, with the cards the last flow laid out: no note is
 * sliced (balance_blocks() leaves such a flow as it is), so the cards
 * come back in the order flow_block() asks for them. */
static void
reflow_blocks (BlockFlow  *flow,
               NfCanvas   *canvas,
               NfDeckPlan *plan)
{
  g_autoptr(GArray) made = g_array_new (FALSE, FALSE, sizeof (NfDeckCard));

  for (guint k = 0; k < flow->placed->len; k++)
    {
      Placed *p = &g_array_index (flow->placed, Placed, k);

      if (!p->heading)
        {
          g_array_append_val (made, p->card);
          p->card = (NfDeckCard) { 0 };
        }
    }
  flow->made = made;
  flow->made_next = 0;
  flow_blocks (flow, canvas, plan);
  flow->made = NULL;
  /* Every card goes back into the flow; any left over would be lost. */
  g_warn_if_fail (flow->made_next == made->len);
  for (guint k = flow->made_next; k < made->len; k++)
    _nf_deck_card_clear (&g_array_index (made, NfDeckCard, k));
}

/* The greedy flow fills every slide but the last to its foot, which
 * left a last slide of three notes two-thirds white. Columns as short
 * as still give the same number of slides (and slice no note that was
 * whole) share the notes evenly over them. Only the cards' heights
 * matter, so the shorter columns are tried on those first and the flow
 * runs again only for the one chosen. */
static void
balance_blocks (BlockFlow  *flow,
                NfCanvas   *canvas,
                NfDeckPlan *plan)
{
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  double head = _nf_deck_line_height (flow->deck, HEAD_SIZE, PANGO_WEIGHT_BOLD) + 6;
  double full = flow->bottom, lo, hi;
  guint n_slides = 0;

  for (guint k = 0; k < flow->placed->len; k++)
    {
      Placed *p = &g_array_index (flow->placed, Placed, k);

      n_slides = MAX (n_slides, p->slide + 1);
      if (p->heading && !p->continued)
        g_array_append_val (starts, heights->len);
      else if (!p->heading)
        {
          if (p->card.sliced)
            return;   /* a note over several columns: left as it flows */
          g_array_append_val (heights, p->card.height);
        }
    }
  if (n_slides < 2)
    return;
  /* The fewest columns' room that still holds every card whole. */
  lo = flow->top + head;
  for (guint k = 0; k < heights->len; k++)
    lo = MAX (lo, flow->top + head + g_array_index (heights, double, k));
  hi = full;
  if (simulate_slides (flow, heights, starts, head, lo) <= n_slides)
    hi = lo;
  else
    while (hi - lo > 4)
      {
        double mid = (lo + hi) / 2;

        if (simulate_slides (flow, heights, starts, head, mid) <= n_slides)
          hi = mid;
        else
          lo = mid;
      }
  if (hi >= full - 1)
    return;
  flow->bottom = hi;
  reflow_blocks (flow, canvas, plan);
  flow->bottom = full;
  /* A heading wrapped on two lines can take what the count did not see:
   * then the flow as it was. */
  if (g_array_index (flow->placed, Placed, flow->placed->len - 1).slide + 1 > n_slides)
    reflow_blocks (flow, canvas, plan);
}

NfDeckPlan *
_nf_deck_plan_new (NfDeck   *deck,
                   NfCanvas *canvas)
{
  NfDeckPlan *plan = g_new0 (NfDeckPlan, 1);
  BlockFlow flow = { 0 };

  /* The cards name the notes and tables a note conflicts with. */
  deck->canvas = canvas;
  plan->placed = g_array_new (FALSE, TRUE, sizeof (Placed));
  g_array_set_clear_func (plan->placed, placed_clear);
  plan->splits = g_array_new (FALSE, TRUE, sizeof (PageSplit));
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    plan->blocks[b].n_notes = g_list_model_get_n_items (nf_canvas_get_notes (canvas, (NfBlock) b));
  plan->canvas = canvas;
  _nf_deck_overview_plan (deck, plan);
  plan->canvas = NULL;
  settle_blocks (plan);
  flow.deck = deck;
  flow.placed = plan->placed;
  flow.n_columns = deck->width >= 1000 ? 3 : 2;
  flow.column_width = (deck->width - 2 * NF_DECK_MARGIN - (flow.n_columns - 1) * COLUMN_GAP) / flow.n_columns;
  flow.top = NF_DECK_HEADER_HEIGHT + 22;
  flow.bottom = deck->height - NF_DECK_MARGIN * 0.6;
  flow_blocks (&flow, canvas, plan);
  balance_blocks (&flow, canvas, plan);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    if (!plan->blocks[b].full)
      {
        OvBlock *ov = &plan->blocks[b];

        /* Its compact cards name the page of their full text, a number
         * of up to four digits. */
        for (guint i = 0; i < ov->n_notes; i++)
          _nf_deck_card_point (&ov->cards[i], 4);
      }
  /* Laid out here, on a worker, rather than by the drawing thread. */
  plan->sources = source_items (deck, canvas, deck->width - 2 * NF_DECK_MARGIN);
  plan->block_top = flow.top;
  plan->block_bottom = deck->height - NF_DECK_MARGIN * 0.6;
  plan->block_columns = flow.n_columns;
  plan->column_width = flow.column_width;
  deck->canvas = NULL;
  return plan;
}

gboolean
_nf_deck_plan_note_full (NfDeckPlan *plan,
                         NfBlock     block,
                         guint       index,
                         double     *out_size,
                         int        *out_slide)
{
  OvBlock *ov = &plan->blocks[block];
  NfDeckCard *card = &ov->cards[index];

  *out_size = 0;
  *out_slide = -1;
  if (ov->full)
    {
      *out_size = card->size;
      return !card->cut && card->show_footer;
    }
  for (guint k = 0; k < plan->placed->len; k++)
    {
      Placed *p = &g_array_index (plan->placed, Placed, k);

      if (p->heading || p->block != block || p->card.note != card->note)
        continue;
      if (p->card.cut || (p->card.sliced && p->card.first_line != 0))
        return FALSE;
      *out_size = p->card.size;
      *out_slide = (int) p->slide;
      return TRUE;
    }
  return FALSE;
}

gboolean
_nf_deck_plan_note_pointer (NfDeckPlan *plan,
                            NfBlock     block,
                            guint       index,
                            int        *out_slide,
                            double     *out_size)
{
  OvBlock *ov = &plan->blocks[block];
  NfDeckCard *card = &ov->cards[index];

  *out_slide = ov->note_slide != NULL ? ov->note_slide[index] : -1;
  *out_size = card->size;
  return card->cut && card->point_len > 0;
}

double
_nf_deck_plan_block_slides_least (NfDeckPlan *plan,
                                  guint      *out_n_slides)
{
  double least = 0;

  *out_n_slides = 0;
  for (guint k = 0; k < plan->placed->len; k++)
    {
      Placed *p = &g_array_index (plan->placed, Placed, k);

      *out_n_slides = MAX (*out_n_slides, p->slide + 1);
      if (!p->heading && (least == 0 || p->card.size < least))
        least = p->card.size;
    }
  return least;
}

double
_nf_deck_plan_block_slide_fill (NfDeckPlan *plan,
                                guint       slide)
{
  double used = 0;
  guint column = G_MAXUINT;
  double y = 0, end = 0;

  for (guint k = 0; k <= plan->placed->len; k++)
    {
      Placed *p = k < plan->placed->len ? &g_array_index (plan->placed, Placed, k) : NULL;

      if (p != NULL && p->slide != slide)
        continue;
      if (p == NULL || p->column != column)
        {
          if (column != G_MAXUINT)
            used += end - plan->block_top;
          if (p == NULL)
            break;
          column = p->column;
        }
      y = p->y;
      end = y + (p->heading ? _nf_render_layout_height (p->layout) : p->card.height);
    }
  return plan->block_columns > 0
    ? used / (plan->block_columns * (plan->block_bottom - plan->block_top)) : 0;
}

void
_nf_deck_plan_free (NfDeckPlan *plan)
{
  if (plan == NULL)
    return;
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      _nf_deck_cards_free (plan->blocks[b].cards, plan->blocks[b].n_notes);
      g_free (plan->blocks[b].area);
      g_free (plan->blocks[b].note_slide);
    }
  g_array_unref (plan->placed);
  g_array_unref (plan->splits);
  g_clear_pointer (&plan->sources, g_array_unref);
  g_free (plan);
}

void
_nf_deck_canvas_slides (NfDeck     *deck,
                        NfCanvas   *canvas,
                        NfDeckPlan *plan,
                        gboolean    title_slide)
{
  GListModel *tables = nf_canvas_get_tables (canvas);
  guint n_pages = plan->n_pages, first_block_page;
  double open = -1;
  int entry;

  /* The page the block slides start at is known now: the worker that
   * planned this canvas lays out the overview's pointers to them while
   * the page before is written and the title slide drawn. */
  if (deck->layouts != NULL)
    _nf_deck_layouts_at (deck->layouts, deck->at, deck->page + (title_slide ? 2 : 1) + n_pages);
  if (title_slide)
    {
      _nf_deck_begin_page (deck);
      entry = _nf_deck_outline (deck, CAIRO_PDF_OUTLINE_ROOT, _nf_deck_company (canvas, deck->lang));
      draw_canvas_title (deck, canvas);
      _nf_deck_end_slide (deck);
      _nf_deck_begin_page (deck);
    }
  else
    {
      _nf_deck_begin_page (deck);
      entry = _nf_deck_outline (deck, CAIRO_PDF_OUTLINE_ROOT, _nf_deck_company (canvas, deck->lang));
    }
  _nf_deck_outline (deck, entry, _("Overview"));
  first_block_page = deck->page + n_pages;
  if (deck->layouts != NULL)
    _nf_deck_layouts_wait_pointers (deck->layouts, deck->at);
  for (guint page = 0; page < n_pages; page++)
    {
      const char *title = _nf_deck_canvas_title (canvas, deck->lang);
      g_autofree char *sub = n_pages > 1
        /* TRANSLATORS: the header of an overview that takes several
         * slides; %s is the canvas's title, then slide i of n. */
        ? g_strdup_printf (_("%s — overview, %u of %u"), title != NULL ? title : "", page + 1, n_pages)
        : g_strdup (title != NULL ? title : "");

      if (page > 0)
        _nf_deck_begin_page (deck);
      _nf_deck_draw_header (deck, _nf_deck_company (canvas, deck->lang), sub);
      _nf_deck_overview_use_page (plan, page);
      for (guint b = 0; b < NF_N_BLOCKS; b++)
        _nf_deck_overview_draw_block (deck, (NfBlock) b, &plan->blocks[b], page, n_pages, first_block_page);
      _nf_deck_end_slide (deck);
    }

  draw_block_slides (deck, canvas, plan->placed, plan->column_width, entry);
  _nf_deck_metric_slides (deck, canvas, tables, entry, &open);
  sources_slides (deck, canvas, plan->sources, entry, open);
}
