/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include "nf-card-layout.h"
#include "nf-deck-private.h"
#include "nf-i18n-private.h"

/* Planning a canvas's slides (shaping every card at the sizes the
 * overview tries) is a good part of drawing them; cairo writing the pages
 * is the rest. So the next canvases are planned on other cores while
 * cairo writes the current one.
 *
 * Pango's font maps are not to be used by two threads at once, and
 * pango_cairo_font_map_get_default() is one per thread. Two workers take
 * turns, canvas i on worker i % 2, each with its own font map, and a
 * worker starts canvas i + 2 only once the drawing thread is done with
 * canvas i and has dropped its layout: at any moment a font map is used by
 * one thread, the worker laying out or the drawer drawing, never both.
 *
 * A worker only reads its canvas, while the drawer reads another; but
 * reading a GListStore moves its cached position, so two threads must
 * not read one canvas. A deck that holds one canvas twice is laid out
 * in the drawing thread, as before.
 *
 * A font map sorts the system's fonts for every face and size it is
 * asked for (fontconfig's FcFontSort), and a new one starts with nothing
 * sorted: a fresh map per worker made each deck pay for that again, a
 * seventh of the compare deck's instructions. So each worker's map is
 * kept for the next deck, in a slot a deck holds while it runs; a deck
 * that finds a slot taken (another deck being made at once) makes a
 * map of its own for it. */

#define N_WORKERS 2

static GMutex        slot_locks[N_WORKERS];
static PangoFontMap *slot_maps[N_WORKERS];

struct _NfDeckLayouts
{
  GMutex             lock;
  GCond              cond;
  GPtrArray         *canvases;   /* NfCanvas, referenced */
  NfGridStyle       *style;
  char              *lang;
  double             width, height;
  NfDeckPlan       **layouts;    /* the planned ones not yet taken */
  NfDeckMetricsPlan **metrics;   /* their metric tables' */
  gboolean          *ready;
  gboolean          *done;       /* the drawer is finished with it */
  gboolean          *at;         /* the drawer has reached it, */
  guint             *first_block_page; /* and its block slides start there */
  gboolean          *pointed;    /* its overview's pointers are laid out */
  gboolean           stop;
  gboolean           inline_only;  /* no workers: take() lays out itself */
  GThread           *workers[N_WORKERS];
  PangoFontMap      *maps[N_WORKERS];     /* worker i's */
  gboolean           slot_held[N_WORKERS];
};

typedef struct {
  NfDeckLayouts *self;
  guint          first;
} Worker;

static gpointer
work (gpointer data)
{
  Worker *w = data;
  NfDeckLayouts *self = w->self;
  NfLanguageScope scope;

  nf_language_scope_enter (&scope, self->lang);

  for (guint i = w->first; i < self->canvases->len; i += N_WORKERS)
    {
      NfDeckPlan *layout;
      NfDeckMetricsPlan *metrics;
      PangoContext *pango;
      NfDeck measure = { 0 };
      guint first_block_page;

      g_mutex_lock (&self->lock);
      while (!self->stop && i >= N_WORKERS && !self->done[i - N_WORKERS])
        g_cond_wait (&self->cond, &self->lock);
      if (self->stop)
        {
          g_mutex_unlock (&self->lock);
          break;
        }
      g_mutex_unlock (&self->lock);

      /* This worker's own font map, used by no other thread meanwhile. */
      pango = nf_render_pango_context_new (self->lang);
      pango_context_set_font_map (pango, self->maps[w->first]);
      measure.pango = pango;
      measure.style = self->style;
      measure.lang = self->lang;
      measure.width = self->width;
      measure.height = self->height;
      layout = _nf_deck_plan_new (&measure, g_ptr_array_index (self->canvases, i));
      metrics = _nf_deck_metrics_plan_new (&measure, g_ptr_array_index (self->canvases, i));
      g_object_unref (pango);

      g_mutex_lock (&self->lock);
      self->layouts[i] = layout;
      self->metrics[i] = metrics;
      self->ready[i] = TRUE;
      g_cond_broadcast (&self->cond);

      /* The overview's compact cards name the pages of their notes in
       * full, known once the drawer reaches this canvas. It then writes
       * the page before and draws the canvas's title slide, with its own
       * font map; meanwhile this worker lays those pointers out with
       * its map, which the drawer does not use until they are done. The
       * plan is the drawer's by now, but it reads no card before. */
      while (!self->stop && !self->at[i])
        g_cond_wait (&self->cond, &self->lock);
      if (self->stop)
        {
          g_mutex_unlock (&self->lock);
          break;
        }
      first_block_page = self->first_block_page[i];
      g_mutex_unlock (&self->lock);

      _nf_deck_plan_lay_pointers (layout, first_block_page);

      g_mutex_lock (&self->lock);
      self->pointed[i] = TRUE;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->lock);
    }
  nf_language_scope_leave (&scope);
  g_free (w);
  return NULL;
}

NfDeckLayouts *
_nf_deck_layouts_new (GPtrArray         *canvases,
                      const NfGridStyle *style,
                      const char        *lang,
                      double             width,
                      double             height)
{
  NfDeckLayouts *self = g_new0 (NfDeckLayouts, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->canvases = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < canvases->len; i++)
    g_ptr_array_add (self->canvases, g_object_ref (g_ptr_array_index (canvases, i)));
  self->style = nf_grid_style_copy (style);
  self->lang = g_strdup (lang);
  self->width = width;
  self->height = height;
  self->layouts = g_new0 (NfDeckPlan *, MAX (canvases->len, 1));
  self->metrics = g_new0 (NfDeckMetricsPlan *, MAX (canvases->len, 1));
  self->ready = g_new0 (gboolean, MAX (canvases->len, 1));
  self->done = g_new0 (gboolean, MAX (canvases->len, 1));
  self->at = g_new0 (gboolean, MAX (canvases->len, 1));
  self->first_block_page = g_new0 (guint, MAX (canvases->len, 1));
  self->pointed = g_new0 (gboolean, MAX (canvases->len, 1));
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < canvases->len && !self->inline_only; i++)
      if (!g_hash_table_add (seen, g_ptr_array_index (canvases, i)))
        self->inline_only = TRUE;
  }
  for (guint w = 0; w < N_WORKERS && w < canvases->len && !self->inline_only; w++)
    {
      Worker *worker = g_new0 (Worker, 1);

      worker->self = self;
      worker->first = w;
      self->slot_held[w] = g_mutex_trylock (&slot_locks[w]);
      if (self->slot_held[w])
        {
          if (slot_maps[w] == NULL)
            slot_maps[w] = pango_cairo_font_map_new ();
          self->maps[w] = g_object_ref (slot_maps[w]);
        }
      else
        self->maps[w] = pango_cairo_font_map_new ();
      self->workers[w] = g_thread_new ("nf-deck-layout", work, worker);
    }
  return self;
}

NfDeckPlan *
_nf_deck_layouts_take (NfDeckLayouts *self,
                       NfDeck        *deck,
                       guint          index)
{
  NfDeckPlan *layout;

  g_return_val_if_fail (index < self->canvases->len, NULL);

  if (self->inline_only)
    return _nf_deck_plan_new (deck, g_ptr_array_index (self->canvases, index));
  g_mutex_lock (&self->lock);
  while (!self->ready[index])
    g_cond_wait (&self->cond, &self->lock);
  layout = g_steal_pointer (&self->layouts[index]);
  g_mutex_unlock (&self->lock);
  return layout;
}

NfDeckMetricsPlan *
_nf_deck_layouts_take_metrics (NfDeckLayouts *self,
                               NfDeck        *deck,
                               guint          index)
{
  NfDeckMetricsPlan *metrics;

  g_return_val_if_fail (index < self->canvases->len, NULL);

  if (self->inline_only)
    return _nf_deck_metrics_plan_new (deck, g_ptr_array_index (self->canvases, index));
  g_mutex_lock (&self->lock);
  while (!self->ready[index])
    g_cond_wait (&self->cond, &self->lock);
  metrics = g_steal_pointer (&self->metrics[index]);
  g_mutex_unlock (&self->lock);
  return metrics;
}

void
_nf_deck_layouts_at (NfDeckLayouts *self,
                     guint          index,
                     guint          first_block_page)
{
  g_return_if_fail (index < self->canvases->len);

  if (self->inline_only)
    return;
  g_mutex_lock (&self->lock);
  self->first_block_page[index] = first_block_page;
  self->at[index] = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

void
_nf_deck_layouts_wait_pointers (NfDeckLayouts *self,
                                guint          index)
{
  g_return_if_fail (index < self->canvases->len);

  if (self->inline_only)
    return;
  g_mutex_lock (&self->lock);
  while (!self->pointed[index] && self->at[index])
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
}

void
_nf_deck_layouts_done (NfDeckLayouts *self,
                       guint          index)
{
  g_return_if_fail (index < self->canvases->len);

  g_mutex_lock (&self->lock);
  self->done[index] = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

void
_nf_deck_layouts_free (NfDeckLayouts *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->lock);
  self->stop = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  for (guint w = 0; w < N_WORKERS; w++)
    if (self->workers[w] != NULL)
      g_thread_join (self->workers[w]);
  /* Layouts made but never taken (a cancelled export): their workers have
   * ended, so nothing else uses their font maps now. */
  for (guint i = 0; i < self->canvases->len; i++)
    {
      g_clear_pointer (&self->layouts[i], _nf_deck_plan_free);
      g_clear_pointer (&self->metrics[i], _nf_deck_metrics_plan_free);
    }
  /* Every layout made with a slot's map is gone: the next deck may have it. */
  for (guint w = 0; w < N_WORKERS; w++)
    {
      g_clear_object (&self->maps[w]);
      if (self->slot_held[w])
        g_mutex_unlock (&slot_locks[w]);
    }
  g_free (self->layouts);
  g_free (self->metrics);
  g_free (self->ready);
  g_free (self->done);
  g_free (self->at);
  g_free (self->first_block_page);
  g_free (self->pointed);
  g_ptr_array_unref (self->canvases);
  nf_grid_style_free (self->style);
  g_free (self->lang);
  g_cond_clear (&self->cond);
  g_mutex_clear (&self->lock);
  g_free (self);
}
