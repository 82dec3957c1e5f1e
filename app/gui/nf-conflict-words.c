/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-conflict-words"

#include "config.h"

#include <glib/gi18n.h>

#include "nf-conflict-words.h"

/* The other side of each conflict the note is marked with, in words: a
 * note by its id and the start of its text, a table by its title. */
char *
nf_describe_note_conflicts (NfNote   *note,
                            NfCanvas *canvas)
{
  const char * const *refs = nf_note_get_conflicts (note);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (refs[0] == NULL)
    return NULL;
  for (guint i = 0; refs[i]; i++)
    {
      g_autofree char *id = NULL;
      gboolean is_table = FALSE;
      guint row = 0;

      if (!nf_conflict_ref_parse (refs[i], &is_table, &id, &row))
        continue;
      if (!is_table)
        {
          NfNote *other = canvas ? nf_canvas_find_note (canvas, id, NULL, NULL) : NULL;
          const char *text = other ? nf_text_get (nf_note_get_text (other)) : NULL;
          g_autofree char *start = NULL;

          if (text == NULL)
            {
              g_ptr_array_add (names, g_strdup (id));
              continue;
            }
          start = g_utf8_strlen (text, -1) > 40 ? g_utf8_substring (text, 0, 40) : g_strdup (text);
          g_ptr_array_add (names, g_strdup_printf (_("%s (“%s%s”)"), id, start,
                                                   g_utf8_strlen (text, -1) > 40 ? "…" : ""));
        }
      else
        {
          NfMetricTable *table = canvas ? nf_canvas_find_table (canvas, id, NULL) : NULL;
          const char *title = table ? nf_text_get (nf_metric_table_get_title (table)) : id;

          g_ptr_array_add (names, row > 0 ? g_strdup_printf (_("row %u of the table “%s”"), row, title)
                                          : g_strdup_printf (_("the table “%s”"), title));
        }
    }
  g_ptr_array_add (names, NULL);
  {
    g_autofree char *joined = g_strjoinv ("; ", (char **) names->pdata);

    return g_strdup_printf (_("⚠ Conflicts with %s"), joined);
  }
}
