/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

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
} NfDeck;

/* The deck's title: the options', else the single canvas's, else a
 * generic one. */
char        *_nf_deck_title          (GPtrArray           *canvases,
                                      const NfDeckOptions *opts);
/* The words of the deck in its language (NfDeckOptions.lang): each piece
 * of a canvas's text is looked up here, so every slide shows the same
 * translation. A canvas's name on slides: its company, else its title. */
const char  *_nf_deck_company        (NfCanvas            *canvas,
                                      const char          *lang);
const char  *_nf_deck_canvas_title   (NfCanvas            *canvas,
                                      const char          *lang);
const char  *_nf_deck_cell_text      (const NfDeck        *deck,
                                      const NfCell        *cell);
/* A temporary file beside `path` for an atomic write, and the end of
 * one: finishes and destroys `surface`, then renames `tmp` over `path`
 * or removes it. */
char        *_nf_deck_temp_path      (const char          *path,
                                      GError             **error);
gboolean     _nf_deck_finish_file    (cairo_surface_t     *surface,
                                      const char          *tmp,
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

/* Ends the current page (if any) and starts the next, cleared. */
void         _nf_deck_begin_page     (NfDeck       *deck);
void         _nf_deck_end_slide      (NfDeck       *deck);
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

/* The notes a grid slide hid or cut short, in full, on as many
 * 'continued' slides as they need; none when every note was shown. */
void         _nf_deck_overflow_slides (NfDeck       *deck,
                                       NfCanvas     *canvas,
                                       NfGridLayout *layout,
                                       int           outline_parent);
/* Groups of notes in full, each under its heading, flowing line by line
 * through two columns on as many slides as they need ("continued"
 * slides); groups may be NULL or empty, and none gives no slide. */
void         _nf_deck_note_slides    (NfDeck             *deck,
                                      const char         *company,
                                      const char         *subtitle,
                                      const char * const *headings,
                                      GPtrArray         **groups,
                                      guint               n_groups,
                                      int                 outline_parent);
/* One metric table: the table, and bars for its numeric columns. More
 * rows than fit go on further slides, the header row repeated. */
void         _nf_deck_table_slides   (NfDeck        *deck,
                                      NfCanvas      *canvas,
                                      NfMetricTable *table,
                                      int            outline_parent);

/* The canvases' grids laid out at the slide's size ahead of the slides,
 * on worker threads (nf-deck-layouts.c). take() waits for canvas i's
 * layout (transfer full); the drawer must drop it and call done() for
 * canvas i before its worker may go on to another canvas, since they
 * share that worker's Pango font map. */
typedef struct _NfDeckLayouts NfDeckLayouts;

NfDeckLayouts *_nf_deck_layouts_new  (GPtrArray         *canvases,
                                      const NfGridStyle *style,
                                      const char        *lang,
                                      double             width,
                                      double             height);
NfGridLayout  *_nf_deck_layouts_take (NfDeckLayouts     *self,
                                      guint              index);
void           _nf_deck_layouts_done (NfDeckLayouts     *self,
                                      guint              index);
void           _nf_deck_layouts_free (NfDeckLayouts     *self);

G_END_DECLS
