/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "nf-atomic-file.h"
#include "nf-deck.h"
#include "nf-grid-layout.h"

G_BEGIN_DECLS

/* Slides are laid out in layout units (1/96 inch, as the grid is): a
 * 16:9 page is 1280 × 720 of them. */
#define NF_DECK_HEADER_HEIGHT 76.0
#define NF_DECK_MARGIN        40.0

/* What every slide-drawing function shares: where it draws and with what. */
typedef struct {
  cairo_surface_t   *surface;   /* the PDF's, for the outline; else NULL */
  cairo_t           *cr;
  const NfGridStyle *style;
  const char        *lang;
  const char        *title;     /* the deck's */
  PangoContext      *pango;
  double             width;
  double             height;
  guint              page;      /* the page being drawn, from 1; 0 before the first */
  GCancellable      *cancellable;
  NfDeckProgress     progress;
  gpointer           progress_data;
  guint              done;
  guint              total;
  GPtrArray         *recordings; /* for NfDeckPages: a recording surface a page; else NULL */
  NfCanvas          *canvas;    /* whose cards are being made, to name what a note
                                 * conflicts with; NULL: named by id */
  struct _NfDeckMetricsPlan *metrics; /* the canvas being drawn's, worked out ahead; else NULL */
  struct _NfDeckStash *stash;   /* layouts made ahead for what is being drawn; else NULL */
  struct _NfDeckStash *filling; /* on a worker: where every layout made goes too; else NULL */
  struct _NfDeckLayouts *layouts; /* the workers planning the canvases; else NULL */
  guint              at;        /* with `layouts`: the canvas being drawn */
  GArray            *outlines;  /* NfDeckOutline, added to `surface` once the deck is drawn */
} NfDeck;

/* An entry of the PDF's outline, kept until every page is written. */
typedef struct {
  int    parent;   /* an earlier entry's number, from 1; 0 for the root */
  char  *text;
  guint  page;
} NfDeckOutline;

/* The deck's title: the options', else the single canvas's, else a
 * generic one. */
char        *_nf_deck_title          (GPtrArray           *canvases,
                                      const NfDeckOptions *opts);
/* The words of the deck in its language (NfDeckOptions.lang): each piece
 * of a canvas's text is looked up here, so every slide shows the same
 * translation. A canvas's name on slides: its company, else its title. */
const char  *_nf_deck_company        (NfCanvas            *canvas,
                                      const char          *lang);
/* The title slide's date in the language of the thread's translations
 * (nf_language_scope_enter), whatever the process's locale. */
char        *_nf_deck_format_date    (GDateTime           *date);
const char  *_nf_deck_canvas_title   (NfCanvas            *canvas,
                                      const char          *lang);
const char  *_nf_deck_cell_text      (const NfDeck        *deck,
                                      const NfCell        *cell);
/* The start of an atomic write of `path` (nf-atomic-file.h), and its end:
 * finishes and destroys `surface`, then puts the temporary in place of
 * `path` or removes it. */
NfAtomicFile *_nf_deck_begin_file    (const char          *path,
                                      GError             **error);
gboolean     _nf_deck_finish_file    (cairo_surface_t     *surface,
                                      NfAtomicFile        *file,
                                      const char          *path,
                                      GCancellable        *cancellable,
                                      GError             **error);
typedef gboolean (*NfDeckImageDraw) (cairo_surface_t *surface,
                                     double           scale,
                                     double           width,
                                     double           height,
                                     gpointer         data);
gboolean     _nf_deck_write_image    (const NfDeckOptions *opts,
                                      double               dpi,
                                      const char          *path,
                                      const char          *draw_error,
                                      NfDeckImageDraw      draw,
                                      gpointer             data,
                                      GError             **error);
/* Every slide of the deck, in order, from the title slide on. */
void         _nf_deck_draw_all       (NfDeck              *deck,
                                      GPtrArray           *canvases,
                                      const NfDeckOptions *opts,
                                      GDateTime           *date);
/* The comparison slides (nf-deck-compare.c): the whole comparison, each
 * block side by side, the metrics; and how many there will be at least. */
gboolean     _nf_deck_can_compare    (guint                n_canvases);
guint        _nf_deck_compare_n_slides (GPtrArray         *canvases);
void         _nf_deck_compare_slides (NfDeck              *deck,
                                      GPtrArray           *canvases);
/* For tests: how many cards each of `block`'s comparison slides shows,
 * all companies together (NULL: not known, a note is sliced). */
GArray      *_nf_deck_compare_block_counts (NfDeck    *deck,
                                            GPtrArray *canvases,
                                            NfBlock    block);

/* Ends the current page (if any) and starts the next, cleared. */
void         _nf_deck_begin_page     (NfDeck       *deck);
void         _nf_deck_end_slide      (NfDeck       *deck);
/* A table's rule from (x0, y) to (x1, y), `width` thick. */
void         _nf_deck_rule           (NfDeck       *deck,
                                      double        x0,
                                      double        x1,
                                      double        y,
                                      double        width);
/* An outline entry for the current page; returns its id for children.
 * Does nothing (returns 0) off a PDF. */
int          _nf_deck_outline        (NfDeck       *deck,
                                      int           parent,
                                      const char   *text);
/* The band at the top of a slide: the company, and a title under it. */
void         _nf_deck_draw_header    (NfDeck       *deck,
                                      const char   *company,
                                      const char   *title);
/* A layout of `text` at `size` points, wrapped at `width` (<= 0: no
 * wrapping), in the style's font. */
PangoLayout *_nf_deck_text           (NfDeck       *deck,
                                      const char   *text,
                                      double        size,
                                      PangoWeight   weight,
                                      double        width);

/* The same, its lines set with `align`: one made ahead and left in
 * deck->stash (nf-deck-stash.c) when there is one. */
PangoLayout *_nf_deck_text_aligned   (NfDeck        *deck,
                                      const char    *text,
                                      double         size,
                                      PangoWeight    weight,
                                      double         width,
                                      PangoAlignment align);

/* Layouts made ahead on a worker for the drawing thread (nf-deck-stash.c). */
typedef struct _NfDeckStash NfDeckStash;
NfDeckStash *_nf_deck_stash_new      (void);
void         _nf_deck_stash_free     (NfDeckStash   *stash);
/* Keeps `layout`, as _nf_deck_text_aligned() made it of the rest, in
 * `stash` (referenced), laid out now. */
void         _nf_deck_stash_put      (NfDeckStash   *stash,
                                      PangoLayout   *layout,
                                      const char    *text,
                                      double         size,
                                      PangoWeight    weight,
                                      double         width,
                                      PangoAlignment align);
/* One made so, taken out of `stash` (the caller's); NULL when none. */
PangoLayout *_nf_deck_stash_take     (NfDeckStash   *stash,
                                      const char    *text,
                                      double         size,
                                      PangoWeight    weight,
                                      double         width,
                                      PangoAlignment align);

/* A note as a card on a slide (nf-deck-cards.c): its text at `size`
 * points in `width`, at most `max_lines` lines (0: all; fewer than the
 * note has makes a compact card that fades out), and with `footer_size`
 * > 0 a footer of its number in its block (0: none), its evidence level
 * and its tags. */
typedef struct {
  NfNote      *note;
  PangoLayout *text;
  PangoLayout *footer;      /* NULL: none */
  PangoLayout *conflict;    /* "⚠ Conflicts with …", above the footer; NULL: none */
  double       size;
  guint        n_lines;     /* shown */
  gboolean     cut;
  gboolean     tight;       /* one line: a row of a list */
  gboolean     show_footer;
  gboolean     show_conflict;
  double       text_height;
  double       height;
  /* A slice of a note too long for a column: lines first_line on, and
   * `mark` under them where the note goes on (NULL on its last slice). */
  gboolean     sliced;
  guint        first_line;
  PangoLayout *mark;
  /* The overview's: the width it was laid out at, and its height whole. */
  double       width;
  double       full_height;
  /* A compact card of the overview that names the page with its full
   * text: the bytes of its opening words it shows (0: none, it fades),
   * and that page. */
  gsize        point_len;
  guint        point_page;
  /* Its opening words and that page, laid out ahead by a worker once the
   * page was known (NULL: laid out when drawn), and the page it names. */
  PangoLayout *pointed;
  guint        pointed_page;
} NfDeckCard;

void         _nf_deck_card_init      (NfDeck       *deck,
                                      NfDeckCard   *card,
                                      NfNote       *note,
                                      guint         number,
                                      double        width,
                                      double        size,
                                      double        footer_size,
                                      guint         max_lines);
/* The same, the footer led by `label` (may be NULL): "Shared", "Only here". */
void         _nf_deck_card_init_labelled (NfDeck   *deck,
                                      NfDeckCard   *card,
                                      NfNote       *note,
                                      const char   *label,
                                      guint         number,
                                      double        width,
                                      double        size,
                                      double        footer_size,
                                      guint         max_lines);
void         _nf_deck_card_draw      (NfDeck       *deck,
                                      NfDeckCard   *card,
                                      double        x,
                                      double        y,
                                      double        width);
/* Shows the card's first `max_lines` lines (0: all), with its footer
 * or not, without laying its text out again. */
void         _nf_deck_card_limit     (NfDeckCard   *card,
                                      guint         max_lines,
                                      gboolean      footer);
/* Padded as a card, or as a row of a list (one point above and below),
 * keeping the lines it shows. */
void         _nf_deck_card_set_tight (NfDeckCard   *card,
                                      gboolean      tight);
/* A compact card's marks: its footer (number, evidence, tags) under
 * the lines it shows, without the words naming what it conflicts with
 * (its warning sign stays). */
void         _nf_deck_card_set_marks (NfDeckCard   *card,
                                      gboolean      marks);
void         _nf_deck_card_clear     (NfDeckCard   *card);
/* Makes a cut card a pointer to the page with its full text: its opening
 * words, cut where a line may break, then "→ p. N", in the lines it
 * shows (a page number of up to `digits` digits). */
void         _nf_deck_card_point     (NfDeckCard   *card,
                                      guint         digits);
/* The pointed text of a card _nf_deck_card_point() made a pointer,
 * naming `page`, laid out now: drawing it then only shows it. */
void         _nf_deck_card_lay_pointer (NfDeckCard *card,
                                      guint         page);
/* Tests: how many pointers were drawn as laid out ahead, and how many
 * had to be laid out as they were drawn, since the process started. */
void         _nf_deck_card_count_pointers (guint *ahead,
                                      guint        *late);
/* Tests: every try of _nf_deck_card_point() laid out by Pango, none
 * ruled out by the card's own lines (what they compare it with). */
void         _nf_deck_card_point_set_exhaustive (gboolean exhaustive);
/* A note longer than a column goes on in the next: how many of the
 * card's lines from `first` a slice `room` high holds (0: not one), and
 * `slice` a copy of `card` (sharing its layouts) showing `count` lines
 * from `first`, its footer on the last slice and a mark that the note
 * goes on on the others. */
guint        _nf_deck_card_fit_lines (NfDeck       *deck,
                                      NfDeckCard   *card,
                                      guint         first,
                                      double        room);
void         _nf_deck_card_slice     (NfDeck       *deck,
                                      NfDeckCard   *card,
                                      guint         first,
                                      guint         count,
                                      NfDeckCard   *slice);

/* A canvas's slides (nf-deck-canvas.c, the overview in
 * nf-deck-overview.c): with `title_slide` its own title slide, then the
 * overview of the nine blocks, block slides for the notes of every block
 * the overview could not show whole at 12 pt, its metric slides and its
 * sources. */
typedef struct _NfDeckPlan NfDeckPlan;

/* The overview's packing and the block slides' flow, laid out with
 * `deck`'s Pango context, style, language and size (no drawing). */
NfDeckPlan  *_nf_deck_plan_new       (NfDeck       *deck,
                                      NfCanvas     *canvas);
void         _nf_deck_plan_free      (NfDeckPlan   *plan);
/* Lays out the pointers of the overview's compact cards to their block
 * slides, which start at `first_block_page`. */
void         _nf_deck_plan_lay_pointers (NfDeckPlan *plan,
                                      guint         first_block_page);
/* For tests: the overview's slides, and how many notes slide `page`
 * shows. */
guint        _nf_deck_plan_overview_pages (NfDeckPlan *plan);
guint        _nf_deck_plan_overview_notes (NfDeckPlan *plan,
                                           guint       page);
/* For tests: whether overview slide `page` shows a card of `block` cut,
 * and then for its column that leaves most room unused, that room and
 * the height the smallest line more of one of its cut cards would take. */
gboolean     _nf_deck_plan_block_room (NfDeckPlan  *plan,
                                       NfBlock      block,
                                       guint        page,
                                       double      *out_free,
                                       double      *out_need);
/* For tests: the styles of the cards overview slide `page` shows of
 * `block`, or'd: one bit when the block reads as one design. */
enum {
  NF_DECK_CARD_MARKED = 1 << 0,   /* padded, its footer under its lines */
  NF_DECK_CARD_COMPACT = 1 << 1,  /* padded, no footer */
  NF_DECK_CARD_ROW = 1 << 2,      /* a row of a list */
  NF_DECK_CARD_STYLES = 0xff,
  NF_DECK_CARD_CUT_MARKED = 1 << 8, /* besides: a card cut, with its marks */
};
guint        _nf_deck_plan_block_styles (NfDeckPlan *plan,
                                         NfBlock     block,
                                         guint       page);
/* For tests: the size of every card overview slide `page` shows (-1
 * when they differ, 0 for none). */
double       _nf_deck_plan_slide_size (NfDeckPlan *plan,
                                       guint       page);
/* For tests: the height the cards of `block` take on overview slide
 * `page` (its fullest column) and the height of its room for them;
 * FALSE when it shows none there, or it could not be smaller (at its
 * least width). */
gboolean     _nf_deck_plan_block_fill (NfDeckPlan  *plan,
                                       NfBlock      block,
                                       guint        page,
                                       double      *out_used,
                                       double      *out_room);
/* For tests: how many of the notes overview slide `page` shows of
 * `block` (`out_shown`) are a single faded line. */
guint        _nf_deck_plan_block_faded (NfDeckPlan *plan,
                                        NfBlock     block,
                                        guint       page,
                                        guint      *out_shown);
/* For tests: where note `index` of `block` is in full and at what size:
 * the overview (`out_slide` -1) or the block slide `out_slide` (from 0,
 * after the overview's), its first slice's when it is split; FALSE when
 * it is nowhere in full. */
gboolean     _nf_deck_plan_note_full (NfDeckPlan  *plan,
                                      NfBlock      block,
                                      guint        index,
                                      double      *out_size,
                                      int         *out_slide);
/* For tests: whether the overview shows the note as a compact card that
 * names a block slide (`out_slide`, from 0), and its size there. */
gboolean     _nf_deck_plan_note_pointer (NfDeckPlan *plan,
                                         NfBlock     block,
                                         guint       index,
                                         int        *out_slide,
                                         double     *out_size);
/* For tests: the smallest text of a note's card on the block slides (0:
 * none), and how many block slides there are. */
/* How much of a block slide's columns its headings and cards fill, 0 to 1. */
double       _nf_deck_plan_block_slide_fill (NfDeckPlan *plan,
                                             guint       slide);
double       _nf_deck_plan_block_slides_least (NfDeckPlan *plan,
                                               guint      *out_n_slides);
void         _nf_deck_canvas_slides  (NfDeck       *deck,
                                      NfCanvas     *canvas,
                                      NfDeckPlan   *plan,
                                      gboolean      title_slide);
/* A canvas's metric tables (nf-deck-table.c), several to a slide, a long
 * one split with its header repeated, each followed by a chart per kind
 * of figure it holds. The last slide is left open, its header not yet
 * drawn (_nf_deck_metric_slide_close ends it): `out_open` is how far
 * down its columns reach, or -1 for no slide. */
void         _nf_deck_metric_slides  (NfDeck       *deck,
                                      NfCanvas     *canvas,
                                      GListModel   *tables,
                                      int           outline_parent,
                                      double       *out_open);
/* Ends the metric slide left open, with `title` in its header. */
void         _nf_deck_metric_slide_close (NfDeck     *deck,
                                          NfCanvas   *canvas,
                                          const char *title);

/* What a canvas's metric slides need to know before their first row is
 * set (nf-deck-table.c): each table's column widths (its cells measured)
 * and its charts' groups (its figures read). Plain numbers, no Pango
 * objects, so one thread works them out and another draws with them. */
typedef struct _NfDeckMetricsPlan NfDeckMetricsPlan;

NfDeckMetricsPlan *_nf_deck_metrics_plan_new  (NfDeck            *deck,
                                               NfCanvas          *canvas);
void               _nf_deck_metrics_plan_free (NfDeckMetricsPlan *plan);

/* The canvases' plans worked out ahead of the slides, on worker threads
 * (nf-deck-layouts.c). take() waits for canvas i's plan (transfer full);
 * the drawer must free it and call done() for canvas i before its worker
 * may go on to another canvas, since they share that worker's Pango font
 * map. */
typedef struct _NfDeckLayouts NfDeckLayouts;

NfDeckLayouts *_nf_deck_layouts_new  (GPtrArray         *canvases,
                                      const NfGridStyle *style,
                                      const char        *lang,
                                      double             width,
                                      double             height);
NfDeckPlan    *_nf_deck_layouts_take (NfDeckLayouts     *self,
                                      NfDeck            *deck,
                                      guint              index);
/* Canvas i's metrics plan (transfer full), after take() for it. */
NfDeckMetricsPlan *_nf_deck_layouts_take_metrics (NfDeckLayouts *self,
                                      NfDeck            *deck,
                                      guint              index);
/* The drawing thread is at canvas `index`, whose block slides start at
 * `first_block_page`: its worker lays out the overview's pointers to
 * them meanwhile (see nf-deck-layouts.c). */
void           _nf_deck_layouts_at   (NfDeckLayouts     *self,
                                      guint              index,
                                      guint              first_block_page);
/* Waits until they are laid out (at once when no worker does it). */
void           _nf_deck_layouts_wait_pointers (NfDeckLayouts *self,
                                      guint              index);
void           _nf_deck_layouts_done (NfDeckLayouts     *self,
                                      guint              index);
void           _nf_deck_layouts_free (NfDeckLayouts     *self);

/* Glyphs of a long table's cells, shaped once each (nf-deck-glyphs.c):
 * a cell whose text is set as one line of them is drawn without setting
 * its layout's text. `like` gives the font. */
typedef struct _NfDeckGlyphs NfDeckGlyphs;

NfDeckGlyphs  *_nf_deck_glyphs_new      (PangoLayout       *like);
void           _nf_deck_glyphs_free     (NfDeckGlyphs      *glyphs);
/* TRUE, with the line's height, if `layout` would set `text` as one line
 * of cached glyphs; else the layout must set it. */
gboolean       _nf_deck_glyphs_one_line (NfDeckGlyphs      *glyphs,
                                         PangoLayout       *layout,
                                         const char        *text,
                                         double            *height);
/* Draws such a text at the current point as pango_cairo_show_layout
 * would draw `layout` holding it. */
void           _nf_deck_glyphs_show     (NfDeckGlyphs      *glyphs,
                                         cairo_t           *cr,
                                         PangoLayout       *layout,
                                         const char        *text);

G_END_DECLS
