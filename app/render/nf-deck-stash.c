/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include "nf-deck-private.h"

/* Layouts made ahead on a worker thread for the drawing thread to take:
 * Pango's shaping and line breaking of a slide's texts then happens
 * beside cairo writing the pages before, not after it. A layout is
 * taken by all that makes it (text, size, weight, width, alignment), so
 * one made ahead and one made on the spot are the same; what was not
 * made ahead is made on the spot, and what is never taken is dropped
 * with the stash. */

struct _NfDeckStash
{
  GHashTable *layouts;   /* key → GPtrArray of PangoLayout, taken from the end */
};

static char *
stash_key (const char     *text,
           double          size,
           PangoWeight     weight,
           double          width,
           PangoAlignment  align)
{
  return g_strdup_printf ("%a %d %a %d %s", size, (int) weight, width > 0 ? width : -1.0,
                          (int) align, text != NULL ? text : "");
}

NfDeckStash *
_nf_deck_stash_new (void)
{
  NfDeckStash *stash = g_new0 (NfDeckStash, 1);

  stash->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  return stash;
}

void
_nf_deck_stash_free (NfDeckStash *stash)
{
  if (stash == NULL)
    return;
  g_hash_table_unref (stash->layouts);
  g_free (stash);
}

void
_nf_deck_stash_put (NfDeckStash    *stash,
                    PangoLayout    *layout,
                    const char     *text,
                    double          size,
                    PangoWeight     weight,
                    double          width,
                    PangoAlignment  align)
{
  char *key = stash_key (text, size, weight, width, align);
  GPtrArray *list = g_hash_table_lookup (stash->layouts, key);

  /* Laid out now, on this thread. */
  pango_layout_get_line_count (layout);
  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (stash->layouts, key, list);
    }
  else
    g_free (key);
  g_ptr_array_add (list, g_object_ref (layout));
}

PangoLayout *
_nf_deck_stash_take (NfDeckStash    *stash,
                     const char     *text,
                     double          size,
                     PangoWeight     weight,
                     double          width,
                     PangoAlignment  align)
{
  g_autofree char *key = NULL;
  GPtrArray *list;

  if (stash == NULL || g_hash_table_size (stash->layouts) == 0)
    return NULL;
  key = stash_key (text, size, weight, width, align);
  list = g_hash_table_lookup (stash->layouts, key);
  if (list == NULL || list->len == 0)
    return NULL;
  return g_ptr_array_steal_index (list, list->len - 1);
}
