/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <string.h>

#include "nf-i18n-private.h"

#include "nf-compare-layout-private.h"
#include "nf-render-private.h"

/* What a comparison says in words: sentences for screen readers, and the
 * words a changed note gained or lost, highlighted on its cards. */

/* Marks the words of `ops` that this side of the edit has: on the old
 * note (canvas 0) what was deleted, on the new one what was inserted. The
 * ops were made from the notes' own text, so a translation shown instead
 * gets no marks. Background and strikethrough change no line breaks. */
void
_nf_compare_highlight_words (NfCardLayout      *card,
                             const NfDiffEntry *entry,
                             guint              canvas,
                             const char        *lang,
                             const NfGridStyle *style)
{
  PangoLayout *layout = nf_card_layout_get_text_layout (card);
  const char *shown = pango_layout_get_text (layout);
  NfDiffOpKind mine = canvas == 0 ? NF_DIFF_OP_DELETE : NF_DIFF_OP_INSERT;
  PangoAttrList *base = pango_layout_get_attributes (layout);
  PangoAttrList *attrs;
  g_autoptr(GString) rebuilt = g_string_new (NULL);
  NfColour colour;

  if (layout == NULL || entry->ops == NULL)
    return;
  for (guint i = 0; i < entry->ops->len; i++)
    {
      const NfDiffOp *op = g_ptr_array_index (entry->ops, i);

      if (op->kind == NF_DIFF_OP_SAME || op->kind == mine)
        g_string_append (rebuilt, op->text);
    }
  /* An ellipsized or translated card shows other text: leave it plain. */
  if (!g_str_equal (rebuilt->str, shown))
    return;

  nf_compare_mark_colour (canvas == 0 ? NF_DIFF_REMOVED : NF_DIFF_ADDED, style, &colour);
  attrs = base != NULL ? pango_attr_list_copy (base) : pango_attr_list_new ();
  for (guint i = 0, at = 0; i < entry->ops->len; i++)
    {
      const NfDiffOp *op = g_ptr_array_index (entry->ops, i);
      guint len = (guint) strlen (op->text);
      PangoAttribute *attr;

      if (op->kind != NF_DIFF_OP_SAME && op->kind != mine)
        continue;
      if (op->kind == mine && len > 0)
        {
          attr = pango_attr_background_new ((guint16) (colour.red * 65535), (guint16) (colour.green * 65535),
                                            (guint16) (colour.blue * 65535));
          attr->start_index = at;
          attr->end_index = at + len;
          pango_attr_list_insert (attrs, attr);
          attr = pango_attr_background_alpha_new (0x5000);
          attr->start_index = at;
          attr->end_index = at + len;
          pango_attr_list_insert (attrs, attr);
          if (canvas == 0)
            {
              attr = pango_attr_strikethrough_new (TRUE);
              attr->start_index = at;
              attr->end_index = at + len;
              pango_attr_list_insert (attrs, attr);
            }
        }
      at += len;
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  (void) lang;
}

void
nf_compare_layout_get_cell_summary (NfCompareLayout      *self,
                                    guint                 row,
                                    guint                 canvas,
                                    NfCompareCellSummary *out)
{
  const NfCompareCell *cell;

  g_return_if_fail (canvas < nf_compare_layout_get_n_canvases (self));
  cell = &_nf_compare_layout_get_row (self, row)->cells[canvas];
  *out = (NfCompareCellSummary) { cell->cards->len, cell->n_hidden, { 0 } };
  for (guint c = 0; c < cell->cards->len; c++)
    out->n_marked[g_array_index (cell->cards, NfCompareCard, c).kind]++;
}

/* Lower-case words for a sentence, as opposed to the legend's. */
static const char *
mark_phrase (NfDiffKind kind)
{
  switch (kind)
    {
    case NF_DIFF_ADDED:     return C_("compare", "added");
    case NF_DIFF_REMOVED:   return C_("compare", "removed");
    case NF_DIFF_CHANGED:   return C_("compare", "changed");
    case NF_DIFF_MOVED:     return C_("compare", "moved");
    case NF_DIFF_REORDERED: return C_("compare", "reordered");
    case NF_DIFF_SHARED:    return C_("compare", "shared by all");
    case NF_DIFF_SOME:      return C_("compare", "in some");
    case NF_DIFF_ONLY:      return C_("compare", "only here");
    case NF_DIFF_NEAR:      return C_("compare", "near match");
    default:                return "";
    }
}

char *
nf_compare_layout_describe_cell (NfCompareLayout *self,
                                 guint            row,
                                 guint            canvas)
{
  NfCompareCellSummary summary;
  GString *out = g_string_new (NULL);

  nf_compare_layout_get_cell_summary (self, row, canvas, &summary);
  /* Translators: "Revenue Streams, Alibaba: 3 notes" */
  g_string_append_printf (out, _("%s, %s: "),
                          nf_block_title (nf_compare_layout_get_row_block (self, row)),
                          nf_compare_layout_get_canvas_name (self, canvas));
  g_string_append_printf (out, nf_ngettext ("%u note", "%u notes", summary.n_notes),
                          summary.n_notes);
  for (guint k = 0; k <= NF_DIFF_NEAR; k++)
    if (summary.n_marked[k] > 0)
      g_string_append_printf (out, ", %u %s", summary.n_marked[k],
                              k == NF_DIFF_SHARED && nf_diff_is_versions (nf_compare_layout_get_diff (self))
                                ? C_("compare", "unchanged") : mark_phrase ((NfDiffKind) k));
  if (summary.n_hidden > 0)
    g_string_append_printf (out, nf_ngettext (", %u not shown", ", %u not shown",
                                              summary.n_hidden), summary.n_hidden);
  return g_string_free (out, FALSE);
}

#define SNIPPET_CHARS 80

static char *
snippet (NfCompareLayout *self,
         NfNote          *note)
{
  const char *lang = nf_compare_layout_get_language (self);
  const char *text = lang != NULL ? nf_text_for_language (nf_note_get_text (note), lang)
                                  : nf_text_get (nf_note_get_text (note));

  if (g_utf8_strlen (text, -1) <= SNIPPET_CHARS)
    return g_strdup (text);
  {
    g_autofree char *cut = g_utf8_substring (text, 0, SNIPPET_CHARS - 1);

    return g_strconcat (cut, "…", NULL);
  }
}

/* The other canvases that have the entry's note, "Alibaba, 数跑科技". */
static char *
other_names (NfCompareLayout   *self,
             const NfDiffEntry *entry,
             guint              canvas)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < nf_compare_layout_get_n_canvases (self); c++)
    if (c != canvas && entry->notes[c] != NULL)
      {
        if (out->len > 0)
          g_string_append (out, _(", "));
        g_string_append (out, nf_compare_layout_get_canvas_name (self, c));
      }
  return g_string_free (out, FALSE);
}

char *
nf_compare_layout_describe_card (NfCompareLayout *self,
                                 guint            row,
                                 guint            canvas,
                                 guint            card)
{
  const NfDiffEntry *entry = nf_compare_layout_get_card_entry (self, row, canvas, card);
  g_autofree char *others = NULL;

  if (entry == NULL)
    return NULL;
  others = other_names (self, entry, canvas);
  switch (_nf_compare_layout_shown_kind (self, entry->kind))
    {
    case NF_DIFF_ONLY:
      /* Translators: a note found in one compared canvas, e.g. "Only in Bitauto" */
      return g_strdup_printf (_("Only in %s"), nf_compare_layout_get_canvas_name (self, canvas));
    case NF_DIFF_SOME:
      /* Translators: the other canvases with the same note, e.g. "Also in Alibaba, Senmiao" */
      return g_strdup_printf (_("Also in %s"), others);
    case NF_DIFF_SHARED:
      return g_strdup (nf_diff_is_versions (nf_compare_layout_get_diff (self))
                         ? _("Unchanged") : _("In every canvas compared"));
    case NF_DIFF_NEAR:
      for (guint c = 0; c < nf_compare_layout_get_n_canvases (self); c++)
        if (c != canvas && entry->notes[c] != NULL)
          {
            g_autofree char *text = snippet (self, entry->notes[c]);

            /* Translators: the same idea in other words in another canvas:
             * the similarity (0–1), that canvas's name and its note, e.g.
             * "Near match (similarity 0.29) in Alibaba: “Biggest cost…”" */
            return g_strdup_printf (_("Near match (similarity %.2f) in %s: “%s”"), entry->score,
                                    nf_compare_layout_get_canvas_name (self, c), text);
          }
      return NULL;
    case NF_DIFF_CHANGED:
      for (guint c = 0; c < canvas; c++)
        if (entry->notes[c] != NULL)
          {
            g_autofree char *text = snippet (self, entry->notes[c]);

            /* Translators: a note's earlier text, e.g. "Changed from “Sells cars”" */
            return g_strdup_printf (_("Changed from “%s”"), text);
          }
      return g_strdup (mark_phrase (entry->kind));
    case NF_DIFF_MOVED:
      /* Translators: a note moved between blocks, e.g. "Moved from Channels to Customer Segments" */
      return g_strdup_printf (_("Moved from %s to %s"), nf_block_title (entry->block),
                              nf_block_title (entry->to_block));
    case NF_DIFF_ADDED:
    case NF_DIFF_REMOVED:
    case NF_DIFF_REORDERED:
    default:
      return g_strdup (mark_phrase (entry->kind));
    }
}
