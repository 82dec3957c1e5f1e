/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-extensions"

#include "config.h"

#include "nf-extensions-private.h"

static gpointer
copy_string (gconstpointer src,
             gpointer      data)
{
  return g_strdup (src);
}

GPtrArray *
_nf_extensions_copy (GPtrArray *extensions)
{
  if (extensions == NULL || extensions->len == 0)
    return NULL;
  return g_ptr_array_copy (extensions, copy_string, NULL);
}

gboolean
_nf_extensions_equal (GPtrArray *a,
                      GPtrArray *b)
{
  guint na = a ? a->len : 0, nb = b ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (!g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}
