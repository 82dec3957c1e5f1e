/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "nf-canvas.h"
#include "nf-grid-style.h"

G_BEGIN_DECLS

typedef enum {
  NF_DECK_PAGE_WIDE,     /* 16:9 slides, 960 × 540 pt */
  NF_DECK_PAGE_A4,       /* A4 landscape handouts */
  NF_DECK_PAGE_LETTER,   /* US Letter landscape handouts */
} NfDeckPageSize;

typedef struct {
  NfDeckPageSize     page_size;
  const char        *title;     /* NULL: the canvas's title, or a generic one */
  const char        *author;    /* PDF metadata; may be NULL */
  const char        *lang;      /* the translation of every text that has one (notes, titles, names, cells); NULL: as written */
  GDateTime         *date;      /* on the title slide; NULL for now */
  const NfGridStyle *style;     /* NULL for the light style */
  gboolean           compare;   /* after the title: the canvases compared (2 to 4) */
} NfDeckOptions;

/* Called after each slide is drawn; `total` is an estimate that can grow
 * when a canvas needs overflow slides. */
typedef void (*NfDeckProgress) (guint    done,
                                guint    total,
                                gpointer user_data);

void     nf_deck_options_init           (NfDeckOptions  *opts);
/* Page size in points. */
void     nf_deck_page_size_get          (NfDeckPageSize  size,
                                         double         *out_width,
                                         double         *out_height);
/* "16:9", "a4" or "letter" (any case). */
gboolean nf_deck_page_size_from_string  (const char     *name,
                                         NfDeckPageSize *out_size);

/* A slide deck of NfCanvas: a title slide; with `compare` (2 to 4
 * canvases) an overview of what the blocks share, each block with the
 * companies side by side and the aligned metrics; then per canvas (after
 * its own title slide when there are several) an overview of the nine
 * blocks with every note, block slides with the notes in full where the
 * overview could show only their start, its metric tables several to a
 * slide with a chart per kind of figure, and its sources. Every note and
 * cell is in full; no text is below 9 pt. With an outline and
 * metadata. The file is written to a temporary name beside `path` and
 * moved over it only when complete, so a failed or cancelled export
 * leaves any old file untouched. */
gboolean nf_deck_export_pdf  (GPtrArray           *canvases,
                              const NfDeckOptions *opts,
                              const char          *path,
                              GCancellable        *cancellable,
                              NfDeckProgress       progress,
                              gpointer             user_data,
                              GError             **error);

/* One canvas's grid slide (header band and grid, at the options' page
 * size, 16:9 by default) as a PNG at `dpi` (96 gives 1280 × 720 pixels
 * for 16:9) or as an SVG. Notes that do not fit show as "+N more": one
 * image has no continuation slides. Written atomically, as the PDF is.
 * `opts` may be NULL. */
gboolean nf_deck_export_png  (NfCanvas            *canvas,
                              const NfDeckOptions *opts,
                              double               dpi,
                              const char          *path,
                              GError             **error);
gboolean nf_deck_export_svg  (NfCanvas            *canvas,
                              const NfDeckOptions *opts,
                              const char          *path,
                              GError             **error);

/* The comparison of 2 to 4 canvases (header, all nine blocks, legend;
 * "+N more" where a block has no room) as one image, at the options'
 * page size. Written atomically. */
gboolean nf_deck_export_compare_png (NfCanvas           **canvases,
                                     guint                n_canvases,
                                     const NfDeckOptions *opts,
                                     double               dpi,
                                     const char          *path,
                                     GError             **error);
gboolean nf_deck_export_compare_svg (NfCanvas           **canvases,
                                     guint                n_canvases,
                                     const NfDeckOptions *opts,
                                     const char          *path,
                                     GError             **error);

/* The deck's pages drawn once, to be drawn again one by one in any order:
 * what printing uses, so the printout and its preview show the same
 * pages as the PDF. Holds no reference to the canvases. */
typedef struct _NfDeckPages NfDeckPages;

NfDeckPages *nf_deck_pages_new       (GPtrArray           *canvases,
                                      const NfDeckOptions *opts,
                                      GCancellable        *cancellable,
                                      NfDeckProgress       progress,
                                      gpointer             user_data,
                                      GError             **error);
guint        nf_deck_pages_get_n_pages (NfDeckPages       *self);
/* Draws page `index` (from 0) scaled to fit `width` × `height` of the
 * cairo_t's user space, centred, keeping its proportions. */
void         nf_deck_pages_draw      (NfDeckPages         *self,
                                      guint                index,
                                      cairo_t             *cr,
                                      double               width,
                                      double               height);
void         nf_deck_pages_free      (NfDeckPages         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NfDeckPages, nf_deck_pages_free)

G_END_DECLS
