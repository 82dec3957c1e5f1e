/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-cli"

#include "config.h"

#include <math.h>

#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "nf-cli-private.h"
#include "nf-compare-layout.h"

/* Like diff(1): 0 same, 1 different, 2 trouble. */
#define EXIT_SAME      0
#define EXIT_DIFFERENT 1
#define EXIT_TROUBLE   2

#define SNIPPET_CHARS 60

static char *format;
static gboolean ignore_reorder;

static const GOptionEntry entries[] = {
  { "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format,
    N_("Print as FORMAT: “text” (the default) or “xml”"), N_("FORMAT") },
  { "ignore-reorder", 'r', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &ignore_reorder,
    N_("Do not report notes that only changed places within their block"), NULL },
  { NULL }
};

static const char *
note_text (NfNote *note)
{
  return nf_text_get (nf_note_get_text (note));
}

/* One line, cut to a readable length, in quotes. */
static void
append_snippet (GString    *out,
                const char *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");
  glong n;

  g_strdelimit (copy, "\t\r\n", ' ');
  n = g_utf8_strlen (copy, -1);
  g_string_append_c (out, '"');
  if (n > SNIPPET_CHARS)
    {
      g_string_append_len (out, copy, g_utf8_offset_to_pointer (copy, SNIPPET_CHARS) - copy);
      g_string_append (out, "…");
    }
  else
    g_string_append (out, copy);
  g_string_append_c (out, '"');
}

/* As `git diff --word-diff`: kept words as they are, deleted ones in
 * [-…-], inserted ones in {+…+}, on one line. The tokens come from
 * nf_diff_words, so a CJK character is a word of its own. */
static void
append_word_diff (GString         *out,
                  const GPtrArray *ops)
{
  gboolean edited = FALSE;

  for (guint k = 0; k < ops->len; k++)
    {
      const NfDiffOp *op = g_ptr_array_index (ops, k);
      g_autofree char *text = g_strdup (op->text != NULL ? op->text : "");

      g_strdelimit (text, "\t\r\n", ' ');
      switch (op->kind)
        {
        case NF_DIFF_OP_SAME:
          g_string_append (out, text);
          break;
        case NF_DIFF_OP_DELETE:
          g_string_append_printf (out, "[-%s-]", text);
          edited = TRUE;
          break;
        case NF_DIFF_OP_INSERT:
          g_string_append_printf (out, "{+%s+}", text);
          edited = TRUE;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  /* The text is the same; the colour, evidence, tags or the like are not. */
  if (!edited)
    g_string_append_printf (out, " (%s)", _("details changed"));
}

static NfNote *
first_note (const NfDiffEntry *entry,
            guint             *out_canvas)
{
  for (guint c = 0; c < NF_DIFF_MAX_CANVASES; c++)
    if (entry->notes[c] != NULL)
      {
        if (out_canvas)
          *out_canvas = c;
        return entry->notes[c];
      }
  return NULL;
}

static void
append_presence (GString           *out,
                 const NfDiffEntry *entry,
                 guint              n_canvases)
{
  g_string_append (out, " [");
  for (guint c = 0; c < n_canvases; c++)
    g_string_append_c (out, entry->notes[c] != NULL ? (char) ('A' + c) : '.');
  g_string_append_c (out, ']');
}

static void
append_entry_text (GString           *out,
                   const NfDiff      *diff,
                   const NfDiffEntry *entry)
{
  NfNote *note = first_note (entry, NULL);
  guint n = nf_diff_get_n_canvases (diff);

  g_string_append_printf (out, "%s: ", _(nf_block_title (entry->block)));
  switch (entry->kind)
    {
    case NF_DIFF_ADDED:
      g_string_append_printf (out, "+ %s ", nf_note_get_id (note));
      append_snippet (out, note_text (note));
      break;
    case NF_DIFF_REMOVED:
      g_string_append_printf (out, "- %s ", nf_note_get_id (note));
      append_snippet (out, note_text (note));
      break;
    case NF_DIFF_CHANGED:
      g_string_append_printf (out, "~ %s ", nf_note_get_id (note));
      if (entry->ops != NULL)
        append_word_diff (out, entry->ops);
      else
        {
          append_snippet (out, note_text (entry->notes[0]));
          g_string_append (out, " → ");
          append_snippet (out, note_text (entry->notes[1]));
        }
      break;
    case NF_DIFF_MOVED:
      /* TRANSLATORS: a note went from one block to another. */
      g_string_append_printf (out, _("> %s moved %s → %s"), nf_note_get_id (note),
                              _(nf_block_title (entry->block)), _(nf_block_title (entry->to_block)));
      break;
    case NF_DIFF_REORDERED:
      g_string_append_printf (out, _("^ %s reordered"), nf_note_get_id (note));
      break;
    case NF_DIFF_SHARED:
    case NF_DIFF_SOME:
    case NF_DIFF_ONLY:
      g_string_append (out, entry->kind == NF_DIFF_SHARED ? "=" : entry->kind == NF_DIFF_SOME ? "*" : "1");
      append_presence (out, entry, n);
      g_string_append_c (out, ' ');
      append_snippet (out, note_text (note));
      break;
    case NF_DIFF_NEAR:
      g_string_append_printf (out, "≈ %.2f", entry->score);
      append_presence (out, entry, n);
      for (guint c = 0; c < n; c++)
        if (entry->notes[c] != NULL)
          {
            g_string_append_c (out, ' ');
            append_snippet (out, note_text (entry->notes[c]));
          }
      break;
    default:
      g_assert_not_reached ();
    }
  g_string_append_c (out, '\n');
}

static gboolean
metric_row_differs (const NfDiffMetricRow *row,
                    guint                  n)
{
  if (row->n_present < n || !row->comparable)
    return TRUE;
  for (guint i = 0; i < n; i++)
    if (row->converted[i] != row->converted[row->base])
      return TRUE;
  return FALSE;
}

/* One line per measure, aligned across the canvases as the compare view
 * aligns them: the figures as written, "≈" and the base's currency where
 * a stated rate converts one, then each against the first that has it.
 * Two canvases: only what differs. More: the whole picture. Returns
 * whether any figure differs. */
static gboolean
append_metrics (GString       *out,
                NfCanvas     **canvases,
                guint          n)
{
  g_autoptr(NfDiffMetrics) metrics = nf_diff_metrics_new (canvases, n);
  gboolean any = FALSE;

  for (guint r = 0; r < nf_diff_metrics_get_n_rows (metrics); r++)
    {
      const NfDiffMetricRow *row = nf_diff_metrics_get_row (metrics, r);
      gboolean differs = metric_row_differs (row, n);

      any |= differs;
      if (n == 2 && !differs)
        continue;
      g_string_append_printf (out, "%s: %s", _("Metrics"), row->label ? row->label : row->key);
      if (row->column != NULL)
        g_string_append_printf (out, " · %s", row->column);
      g_string_append (out, ":");
      for (guint i = 0; i < n; i++)
        {
          g_string_append (out, i == 0 ? " " : " | ");
          if (!row->present[i])
            {
              g_string_append (out, "—");
              continue;
            }
          g_string_append (out, row->texts[i]);
          if (row->rates[i] != NULL)
            {
              g_autofree char *in_base = nf_compare_format_value (row->converted[i], row->type,
                                                                  row->units[row->base], NULL);
              g_autofree char *rate = nf_compare_format_rate (row->rates[i]);

              g_string_append_printf (out, " ≈ %s (%s)", in_base, rate);
            }
        }
      if (!row->comparable && row->n_present > 1)
        /* TRANSLATORS: figures of one measure in different units or
         * currencies, with no exchange rate stated between them */
        g_string_append_printf (out, " (%s)", _("units differ"));
      else if (row->n_present > 1)
        for (guint i = 0; i < n; i++)
          if (row->present[i] && i != row->base)
            {
              g_autofree char *delta = NULL;

              /* A difference too large for a double (or a ratio to a zero)
               * has no figure worth printing: the figures above say it. */
              if (!isfinite (row->deltas[i]))
                continue;
              delta = nf_compare_format_value (row->deltas[i], row->type,
                                               row->units[row->base], NULL);
              if (g_str_equal (delta, "—"))
                continue;
              g_string_append_printf (out, "; %c %s%s", 'A' + i, row->deltas[i] > 0 ? "+" : "", delta);
              if (row->ratios[i] != 0 && isfinite (row->ratios[i]))
                g_string_append_printf (out, " ×%.2f", row->ratios[i]);
            }
      g_string_append_c (out, '\n');
    }
  return any;
}

static const char *
kind_name (NfDiffKind kind)
{
  static const char * const names[] = {
    "added", "removed", "changed", "moved", "reordered", "shared", "some", "only", "near",
  };

  return names[kind];
}

static const char *
op_name (NfDiffOpKind kind)
{
  return kind == NF_DIFF_OP_SAME ? "same" : kind == NF_DIFF_OP_DELETE ? "del" : "ins";
}

static GBytes *
write_xml (const NfDiff *diff)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr w = xmlNewTextWriterMemory (buffer, 0);
  GBytes *bytes;

  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL);
  xmlTextWriterStartElement (w, BAD_CAST "diff");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xmlns", BAD_CAST "urn:ninefold:diff:1");
  xmlTextWriterWriteAttribute (w, BAD_CAST "mode",
                               BAD_CAST (nf_diff_is_versions (diff) ? "versions" : "canvases"));
  for (guint i = 0; i < nf_diff_get_n_entries (diff); i++)
    {
      const NfDiffEntry *entry = nf_diff_get_entry (diff, i);
      g_autofree char *score = g_strdup_printf ("%.3f", entry->score);

      xmlTextWriterStartElement (w, BAD_CAST "entry");
      xmlTextWriterWriteAttribute (w, BAD_CAST "kind", BAD_CAST kind_name (entry->kind));
      xmlTextWriterWriteAttribute (w, BAD_CAST "block", BAD_CAST nf_block_to_xml (entry->block));
      if (entry->to_block != entry->block)
        xmlTextWriterWriteAttribute (w, BAD_CAST "to-block", BAD_CAST nf_block_to_xml (entry->to_block));
      xmlTextWriterWriteAttribute (w, BAD_CAST "score", BAD_CAST score);
      for (guint c = 0; c < nf_diff_get_n_canvases (diff); c++)
        if (entry->notes[c] != NULL)
          {
            g_autofree char *canvas = g_strdup_printf ("%u", c);

            xmlTextWriterStartElement (w, BAD_CAST "note");
            xmlTextWriterWriteAttribute (w, BAD_CAST "canvas", BAD_CAST canvas);
            xmlTextWriterWriteAttribute (w, BAD_CAST "id", BAD_CAST nf_note_get_id (entry->notes[c]));
            xmlTextWriterWriteString (w, BAD_CAST note_text (entry->notes[c]));
            xmlTextWriterEndElement (w);
          }
      for (guint k = 0; entry->ops != NULL && k < entry->ops->len; k++)
        {
          const NfDiffOp *op = g_ptr_array_index (entry->ops, k);

          xmlTextWriterStartElement (w, BAD_CAST op_name (op->kind));
          xmlTextWriterWriteString (w, BAD_CAST op->text);
          xmlTextWriterEndElement (w);
        }
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);
  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

static int
run_diff (const NfCliCommand  *command,
          char               **args)
{
  NfCanvas *canvases[NF_DIFF_MAX_CANVASES] = { NULL, };
  g_autoptr(NfDiff) diff = NULL;
  guint n = g_strv_length (args);
  gboolean xml = FALSE;
  int status;

  if (format != NULL && g_str_equal (format, "xml"))
    xml = TRUE;
  else if (format != NULL && !g_str_equal (format, "text"))
    return _nf_cli_usage_error (command, _("unknown format “%s”"), format);
  if (n < 2 || n > NF_DIFF_MAX_CANVASES)
    return _nf_cli_usage_error (command, _("give two to four canvases"));

  for (guint c = 0; c < n; c++)
    {
      g_autoptr(GError) error = NULL;

      canvases[c] = _nf_cli_load_any (args[c], NULL, &error);
      if (canvases[c] == NULL)
        {
          _nf_cli_error (error);
          for (guint k = 0; k < c; k++)
            g_object_unref (canvases[k]);
          return EXIT_TROUBLE;
        }
    }

  diff = nf_diff_new (canvases, n,
                      ignore_reorder ? NF_DIFF_FLAGS_IGNORE_REORDER : NF_DIFF_FLAGS_NONE);
  status = nf_diff_is_same (diff) ? EXIT_SAME : EXIT_DIFFERENT;

  if (xml)
    {
      g_autoptr(GBytes) bytes = write_xml (diff);

      if (!_nf_cli_write_stdout (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)))
        status = EXIT_TROUBLE;
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      for (guint i = 0; i < nf_diff_get_n_entries (diff); i++)
        {
          const NfDiffEntry *entry = nf_diff_get_entry (diff, i);

          /* Two canvases: only what differs. More: the whole picture. */
          if (n == 2 && entry->kind == NF_DIFF_SHARED)
            continue;
          append_entry_text (out, diff, entry);
        }
      if (append_metrics (out, canvases, n))
        status = EXIT_DIFFERENT;
      if (!_nf_cli_print (out->str))
        status = EXIT_TROUBLE;
    }

  for (guint c = 0; c < n; c++)
    g_object_unref (canvases[c]);
  return status;
}

const NfCliCommand _nf_cli_diff = {
  .name = "diff",
  .parameters = N_("A B [C [D]]"),
  .summary = N_("Compare two to four canvases"),
  .description = N_("For two versions of one company, prints the notes added (+), removed (-), "
                    "changed (~, word by word: [-deleted-]{+inserted+}), moved between blocks (>) "
                    "and reordered (^, unless --ignore-reorder), block by block. "
                    "For different companies, or more than two canvases, prints which notes are "
                    "shared by all (=), by some (*) or found in one (1), and near matches (≈) "
                    "with their similarity. Then the metric tables' figures, aligned by meaning "
                    "(\"Metrics:\" lines, each canvas's figure as written, — where it has none, "
                    "and the difference from the first; money in another currency is converted "
                    "(≈) only with an exchange rate a canvas states). Exits with 0 when the "
                    "canvases are the same, 1 when they differ and 2 on trouble."),
  .entries = entries,
  .run = run_diff,
};
