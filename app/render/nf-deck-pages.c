/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include "nf-i18n-private.h"

#include "nf-card-layout.h"
#include "nf-deck-private.h"
#include "nf-grid-renderer.h"

/* A printer asks for pages one at a time and in any order, and a preview
 * asks again; the deck draws front to back. So the deck is drawn once
 * into a recording surface per page, which replays as vectors and text:
 * printed pages are as sharp as the PDF's. */
struct _NfDeckPages {
  GPtrArray *recordings;
  double     width;   /* of a page, in layout units */
  double     height;
};

NfDeckPages *
nf_deck_pages_new (GPtrArray           *canvases,
                   const NfDeckOptions *opts,
                   GCancellable        *cancellable,
                   NfDeckProgress       progress,
                   gpointer             user_data,
                   GError             **error)
{
  NfDeckOptions defaults;
  g_autoptr(NfGridStyle) light = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) recordings = NULL;
  NfDeckPages *self;
  double wpt, hpt;
  NfDeck deck = { 0 };

  g_return_val_if_fail (canvases != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (opts == NULL)
    {
      nf_deck_options_init (&defaults);
      opts = &defaults;
    }
  if (opts->style == NULL)
    light = nf_grid_style_new_light ();
  date = opts->date != NULL ? g_date_time_ref (opts->date) : g_date_time_new_now_local ();
  title = _nf_deck_title (canvases, opts);
  recordings = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);

  nf_deck_page_size_get (opts->page_size, &wpt, &hpt);
  deck.recordings = recordings;
  deck.style = opts->style != NULL ? opts->style : light;
  deck.lang = opts->lang;
  deck.title = title;
  deck.pango = nf_render_pango_context_new (opts->lang);
  deck.width = wpt * 96.0 / 72.0;
  deck.height = hpt * 96.0 / 72.0;
  deck.cancellable = cancellable;
  deck.progress = progress;
  deck.progress_data = user_data;

  _nf_deck_draw_all (&deck, canvases, opts, date);
  g_clear_pointer (&deck.cr, cairo_destroy);
  g_object_unref (deck.pango);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  for (guint i = 0; i < recordings->len; i++)
    {
      cairo_status_t status = cairo_surface_status (g_ptr_array_index (recordings, i));

      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, NF_RENDER_ERROR, NF_RENDER_ERROR_FAILED,
                       _("Could not draw page %u: %s"), i + 1, cairo_status_to_string (status));
          return NULL;
        }
    }

  self = g_new0 (NfDeckPages, 1);
  self->recordings = g_steal_pointer (&recordings);
  self->width = deck.width;
  self->height = deck.height;
  return self;
}

guint
nf_deck_pages_get_n_pages (NfDeckPages *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->recordings->len;
}

void
nf_deck_pages_draw (NfDeckPages *self,
                    guint        index,
                    cairo_t     *cr,
                    double       width,
                    double       height)
{
  double scale;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->recordings->len);
  g_return_if_fail (cr != NULL);

  scale = MIN (width / self->width, height / self->height);
  cairo_save (cr);
  cairo_translate (cr, (width - self->width * scale) / 2, (height - self->height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_clip (cr);
  cairo_set_source_surface (cr, g_ptr_array_index (self->recordings, index), 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

void
nf_deck_pages_free (NfDeckPages *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->recordings);
  g_free (self);
}
