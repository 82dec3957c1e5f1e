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
 * pango_cairo_font_map_get_default() is one per thread. Two workers plan
 * the canvases in order, each taking the next one when it is free, and
 * canvas i is laid out with font map i % n_maps, which the drawer then
 * draws it with. Canvas i is planned only once the drawer is done with
 * canvas i - n_maps, the last one of that map, and has dropped its
 * layout: at any moment a font map is used by one thread, a worker laying
 * out or the drawer drawing, never both.
 *
 * Two maps would do for that, but then canvas i + 2 waits for the drawer
 * to finish canvas i, so only one worker plans at a time, and planning a
 * canvas takes longer than drawing it (in the 100-canvas deck 1.9 s of
 * CPU planning to 1.4 s drawing): the drawer waited for each plan. With
 * four maps both workers plan while the drawer draws. A deck of four
 * canvases or fewer keeps two maps: it has nothing to plan that far
 * ahead, and each new map sorts the system's fonts again (below). The
 * workers take the canvases as they come, not by turns, because some
 * canvases take far longer to plan than others (many tables).
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
#define N_MAPS    (2 * N_WORKERS)

static GMutex        slot_locks[N_MAPS];
static PangoFontMap *slot_maps[N_MAPS];

struct _NfDeckLayouts
{
  GMutex             lock;
  GCond              cond;
  GPtrArray         *canvases;   /* NfCanvas, referenced */
  NfGridStyle       *style;
  char              *lang;
  double             width, height;
  NfDeckPlan       **layouts;    /* the planned ones not yet taken */
  NfDeckPlan       **planned;    /* every one planned, taken or not */
  guint              next_plan;     /* the next canvas a worker plans */
  guint              next_pointed;  /* the next whose pointers are laid out */
  NfDeckMetricsPlan **metrics;   /* their metric tables' */
  gboolean          *ready;
  gboolean          *done;       /* the drawer is finished with it */
  gboolean          *at;         /* the drawer has reached it, */
  guint             *first_block_page; /* and its block slides start there */
  gboolean          *pointed;    /* its overview's pointers are laid out */
  gboolean           stop;
  gboolean           inline_only;  /* no workers: take() lays out itself */
  GThread           *workers[N_WORKERS];
  guint              n_maps;
  PangoFontMap      *maps[N_MAPS];        /* canvas i's is maps[i % n_maps] */
  gboolean           slot_held[N_MAPS];
};

/* A worker's next task, under the lock: the overview's pointers of the
 * canvas the drawer has reached (the drawer waits for them), else the
 * next canvas to plan once its font map is free. FALSE when there is
 * nothing left to do. */
static gboolean
next_task (NfDeckLayouts *self,
           guint         *index,
           gboolean      *pointers)
{
  guint n = self->canvases->len;

  for (;;)
    {
      if (self->stop)
        return FALSE;
      if (self->next_pointed < n && self->at[self->next_pointed] && self->ready[self->next_pointed])
        {
          *index = self->next_pointed++;
          *pointers = TRUE;
          return TRUE;
        }
      if (self->next_plan < n &&
          (self->next_plan < self->n_maps || self->done[self->next_plan - self->n_maps]))
        {
          *index = self->next_plan++;
          *pointers = FALSE;
          return TRUE;
        }
      if (self->next_plan >= n && self->next_pointed >= n)
        return FALSE;
      g_cond_wait (&self->cond, &self->lock);
    }
}

static gpointer
work (gpointer data)
{
  NfDeckLayouts *self = data;
  NfLanguageScope scope;
  guint i;
  gboolean pointers;

  nf_language_scope_enter (&scope, self->lang);
  g_mutex_lock (&self->lock);
  while (next_task (self, &i, &pointers))
    {
      g_mutex_unlock (&self->lock);
      if (pointers)
        {
          /* The overview's compact cards name the pages of their notes
           * in full, known once the drawer reaches this canvas. It then
           * writes the page before and draws the canvas's title slide,
           * with its own font map; meanwhile a worker lays those
           * pointers out with the canvas's map, which the drawer does
           * not use until they are done. The plan is the drawer's by
           * now, but it reads no card before. */
          _nf_deck_plan_lay_pointers (self->planned[i], self->first_block_page[i]);
          g_mutex_lock (&self->lock);
          self->pointed[i] = TRUE;
        }
      else
        {
          /* The canvas's font map, used by no other thread meanwhile. */
          PangoContext *pango = nf_render_pango_context_new (self->lang);
          NfDeck measure = { 0 };
          NfDeckPlan *layout;
          NfDeckMetricsPlan *metrics;

          pango_context_set_font_map (pango, self->maps[i % self->n_maps]);
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
          self->planned[i] = layout;
          self->metrics[i] = metrics;
          self->ready[i] = TRUE;
        }
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->lock);
  nf_language_scope_leave (&scope);
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
  self->planned = g_new0 (NfDeckPlan *, MAX (canvases->len, 1));
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
  self->n_maps = canvases->len > N_MAPS ? N_MAPS : N_WORKERS;
  for (guint m = 0; m < self->n_maps && m < canvases->len && !self->inline_only; m++)
    {
      self->slot_held[m] = g_mutex_trylock (&slot_locks[m]);
      if (self->slot_held[m])
        {
          if (slot_maps[m] == NULL)
            slot_maps[m] = pango_cairo_font_map_new ();
          self->maps[m] = g_object_ref (slot_maps[m]);
        }
      else
        self->maps[m] = pango_cairo_font_map_new ();
    }
  for (guint w = 0; w < N_WORKERS && w < canvases->len && !self->inline_only; w++)
    self->workers[w] = g_thread_new ("nf-deck-layout", work, self);
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
  for (guint m = 0; m < N_MAPS; m++)
    {
      g_clear_object (&self->maps[m]);
      if (self->slot_held[m])
        g_mutex_unlock (&slot_locks[m]);
    }
  g_free (self->layouts);
  g_free (self->planned);
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
