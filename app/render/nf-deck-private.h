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
} NfDeck;

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
/* One metric table: the table, and bars for its numeric columns. More
 * rows than fit go on further slides, the header row repeated. */
void         _nf_deck_table_slides   (NfDeck        *deck,
                                      NfCanvas      *canvas,
                                      NfMetricTable *table,
                                      int            outline_parent);

G_END_DECLS
