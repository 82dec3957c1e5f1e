/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-import"

#include "config.h"

#include "nf-canvas-xml.h"
#include "nf-import-private.h"

/* The same reading as an import, so that a passage taken by hand and a
 * write-up imported whole give a note the same text: links by their
 * text, emphasis and list numbers gone, escapes honoured. */
char *
nf_import_passage_text (const char *passage)
{
  NfImportText text = { 0 };
  g_autoptr(GString) out = NULL;
  g_autoptr(GArray) items = NULL;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (passage != NULL, NULL);

  if (!_nf_import_text_prepare (&text, passage, "passage", NULL))
    {
      _nf_import_text_clear (&text);
      return NULL;
    }
  items = _nf_import_markdown_items (&text, NF_CANVAS_MAX_NOTES, NULL);
  if (items == NULL)
    {
      _nf_import_text_clear (&text);
      return NULL;
    }
  out = g_string_new (NULL);
  for (guint i = 0; i < items->len; i++)
    {
      const NfImportItem *item = &g_array_index (items, NfImportItem, i);

      if (item->kind == NF_IMPORT_TABLE)
        {
          for (guint c = 0; item->cells != NULL && c < item->cells->len; c++)
            g_string_append_printf (out, " %s", (const char *) g_ptr_array_index (item->cells, c));
        }
      else if (item->text != NULL)
        g_string_append_printf (out, " %s", item->text);
    }
  _nf_import_text_clear (&text);
  joined = _nf_import_collapse (out->str, NF_CANVAS_MAX_FIELD_SIZE);
  return *joined ? g_steal_pointer (&joined) : NULL;
}
