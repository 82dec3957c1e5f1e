/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-cli"

#include "config.h"

#include <math.h>

#include <stdio.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "nf-cli-private.h"
#include "nf-number.h"

/* Like diff(1): 0 same, 1 different, 2 trouble. */
#define EXIT_SAME      0
#define EXIT_DIFFERENT 1
#define EXIT_TROUBLE   2

#define SNIPPET_CHARS 60

static char *format;
static gboolean ignore_reorder;
static char *lang;
/* The reading language, normalised; NULL: as written. */
static const char *reading;

static const GOptionEntry entries[] = {
  { "format", 'f', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format,
    N_("Print as FORMAT: “text” (the default) or “xml”"), N_("FORMAT") },
  { "ignore-reorder", 'r', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &ignore_reorder,
    N_("Do not report notes that only changed places within their block"), NULL },
  { "lang", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &lang,
    N_("Print notes, metric labels and figures in LANG (e.g. “en”) where a canvas translates them"), N_("LANG") },
  { NULL }
};

static const char *
note_text (NfNote *note)
{
  return nf_text_for_language (nf_note_get_text (note), reading);
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

static void
append_row_label (GString               *out,
                  const NfDiffMetricRow *row)
{
  const char *label, *column;

  nf_diff_metric_row_get_words (row, reading, &label, &column, NULL);
  g_string_append (out, label);
  if (column != NULL)
    g_string_append_printf (out, " · %s", column);
}

/* One line per aligned measure, as the compare view aligns them: each
 * canvas's figure as written ("—" where it has none), "≈" and the base's
 * currency where a stated rate converts one, then each against the first
 * that has it. Two canvases: only what differs. More: the whole picture.
 * Then the figures only one canvas has, canvas by canvas: they are not set
 * against anything. */
static void
append_metrics (GString             *out,
                const NfDiffMetrics *metrics,
                guint                n)
{
  const char *metrics_word = _("Metrics");

  for (guint r = 0; r < nf_diff_metrics_get_n_rows (metrics); r++)
    {
      const NfDiffMetricRow *row = nf_diff_metrics_get_row (metrics, r);

      if (n == 2 && !row->differs)
        continue;
      g_string_append (out, metrics_word);
      g_string_append (out, ": ");
      append_row_label (out, row);
      g_string_append (out, ":");
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *converted = nf_diff_metric_row_format_converted (row, i, reading);

          g_string_append (out, i == 0 ? " " : " | ");
          g_string_append (out, row->present[i] ? nf_diff_metric_row_get_text (row, i, reading) : "—");
          if (converted != NULL)
            {
              g_string_append_c (out, ' ');
              g_string_append (out, converted);
            }
        }
      if (!row->comparable)
        /* TRANSLATORS: figures of one measure in different units or
         * currencies, with no exchange rate stated between them */
        g_string_append_printf (out, " (%s)", _("units differ"));
      else
        for (guint i = 0; i < n; i++)
          {
            g_autofree char *delta = nf_diff_metric_row_format_delta (row, i, reading);

            /* Appended, not printed: a long diff has a delta per figure. */
            if (delta != NULL)
              {
                g_string_append (out, "; ");
                g_string_append_c (out, (char) ('A' + i));
                g_string_append_c (out, ' ');
                g_string_append (out, delta);
              }
          }
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < n; i++)
    for (guint r = 0; r < nf_diff_metrics_get_n_unaligned (metrics, i); r++)
      {
        const NfDiffMetricRow *row = nf_diff_metrics_get_unaligned (metrics, i, r);
        g_autofree char *letter = g_strdup_printf ("%c", 'A' + i);

        /* TRANSLATORS: %s is a canvas's letter (A, B, C, D): a figure no
         * other compared canvas has */
        g_string_append_printf (out, _("Metrics only in %s"), letter);
        g_string_append (out, ": ");
        append_row_label (out, row);
        g_string_append_printf (out, ": %s\n", nf_diff_metric_row_get_text (row, i, reading));
      }
}

static void
write_bool (xmlTextWriterPtr  w,
            const char       *name,
            gboolean          value)
{
  xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST (value ? "true" : "false"));
}

static void
write_number (xmlTextWriterPtr  w,
              const char       *name,
              double            value)
{
  g_autofree char *text = nf_number_format_xml (value);

  xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST text);
}

static void
write_row_head (xmlTextWriterPtr       w,
                const NfDiffMetricRow *row)
{
  xmlTextWriterWriteAttribute (w, BAD_CAST "key", BAD_CAST row->key);
  xmlTextWriterWriteAttribute (w, BAD_CAST "kind", BAD_CAST nf_number_kind_to_string (row->kind));
  const char *label, *column, *title;

  /* As the text output words them (--lang). */
  nf_diff_metric_row_get_words (row, reading, &label, &column, &title);
  if (row->label != NULL)
    xmlTextWriterWriteAttribute (w, BAD_CAST "label", BAD_CAST label);
  if (column != NULL)
    xmlTextWriterWriteAttribute (w, BAD_CAST "column", BAD_CAST column);
  if (title != NULL)
    xmlTextWriterWriteAttribute (w, BAD_CAST "table", BAD_CAST title);
}

static const char * const bound_names[] = {
  [NF_NUMBER_EXACT] = NULL,
  [NF_NUMBER_ABOUT] = "about",
  [NF_NUMBER_OVER] = "over",
  [NF_NUMBER_NEARLY] = "nearly",
  [NF_NUMBER_UNDER] = "under",
  [NF_NUMBER_AT_LEAST] = "at-least",
  [NF_NUMBER_AT_MOST] = "at-most",
};

/* A canvas's figure: the value and what it is in, the qualifier, and how
 * it stands against the base, with the words the text output prints. */
static void
write_figure (xmlTextWriterPtr       w,
              const NfDiffMetricRow *row,
              guint                  i)
{
  const NfDiffFigure *number = &row->numbers[i];
  g_autofree char *canvas = g_strdup_printf ("%u", i);
  g_autofree char *shown = nf_diff_metric_row_format_value (row, i, reading);
  g_autofree char *converted = nf_diff_metric_row_format_converted (row, i, reading);
  g_autofree char *delta = nf_diff_metric_row_format_delta (row, i, reading);

  xmlTextWriterStartElement (w, BAD_CAST "figure");
  xmlTextWriterWriteAttribute (w, BAD_CAST "canvas", BAD_CAST canvas);
  write_number (w, "value", row->values[i]);
  if (row->units[i] != NULL)
    xmlTextWriterWriteAttribute (w, BAD_CAST "unit", BAD_CAST row->units[i]);
  if ((guint) number->bound < G_N_ELEMENTS (bound_names) && bound_names[number->bound] != NULL)
    xmlTextWriterWriteAttribute (w, BAD_CAST "qualifier", BAD_CAST bound_names[number->bound]);
  if (number->is_order)
    write_bool (w, "order", TRUE);
  if (shown != NULL)
    xmlTextWriterWriteAttribute (w, BAD_CAST "shown", BAD_CAST shown);
  if (row->rates[i] != NULL)
    {
      g_autofree char *rate = nf_diff_format_rate (row->rates[i]);

      write_number (w, "converted", row->converted[i]);
      xmlTextWriterWriteAttribute (w, BAD_CAST "rate", BAD_CAST rate);
      xmlTextWriterWriteAttribute (w, BAD_CAST "converted-text", BAD_CAST converted);
    }
  if (delta != NULL)
    {
      write_number (w, "delta", nf_diff_metric_row_get_delta (row, i));
      if (nf_diff_metric_row_get_ratio (row, i) != 0)
        write_number (w, "ratio", nf_diff_metric_row_get_ratio (row, i));
      if (row->approximate[i])
        write_bool (w, "approximate", TRUE);
      xmlTextWriterWriteAttribute (w, BAD_CAST "delta-text", BAD_CAST delta);
    }
  xmlTextWriterWriteString (w, BAD_CAST nf_diff_metric_row_get_text (row, i, reading));
  xmlTextWriterEndElement (w);
}

static void
write_metrics_xml (xmlTextWriterPtr     w,
                   const NfDiffMetrics *metrics,
                   guint                n)
{
  xmlTextWriterStartElement (w, BAD_CAST "metrics");
  for (guint r = 0; r < nf_diff_metrics_get_n_rows (metrics); r++)
    {
      const NfDiffMetricRow *row = nf_diff_metrics_get_row (metrics, r);
      g_autofree char *base = g_strdup_printf ("%u", row->base);

      xmlTextWriterStartElement (w, BAD_CAST "row");
      write_row_head (w, row);
      xmlTextWriterWriteAttribute (w, BAD_CAST "base", BAD_CAST base);
      write_bool (w, "comparable", row->comparable);
      write_bool (w, "differs", row->differs);
      for (guint i = 0; i < n; i++)
        if (row->present[i])
          write_figure (w, row, i);
      xmlTextWriterEndElement (w);
    }
  for (guint i = 0; i < n; i++)
    for (guint r = 0; r < nf_diff_metrics_get_n_unaligned (metrics, i); r++)
      {
        const NfDiffMetricRow *row = nf_diff_metrics_get_unaligned (metrics, i, r);

        xmlTextWriterStartElement (w, BAD_CAST "only");
        write_row_head (w, row);
        write_figure (w, row, i);
        xmlTextWriterEndElement (w);
      }
  xmlTextWriterEndElement (w);
}

typedef struct {
  const char *path;
  NfCanvas   *canvas;
  GError     *error;
} LoadJob;

static gpointer
load_job (gpointer data)
{
  LoadJob *job = data;

  job->canvas = _nf_cli_load_any (job->path, NULL, &job->error);
  return NULL;
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
  write_bool (w, "same", nf_diff_is_same (diff));
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
  write_metrics_xml (w, nf_diff_get_metrics (diff), nf_diff_get_n_canvases (diff));
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
  NfDiff *diff = NULL;
  guint n = g_strv_length (args);
  gboolean xml = FALSE;
  g_autofree char *lang_tag = NULL;
  int status;

  if (format != NULL && g_str_equal (format, "xml"))
    xml = TRUE;
  else if (format != NULL && !g_str_equal (format, "text"))
    return _nf_cli_usage_error (command, _("unknown format “%s”"), format);
  if (n < 2 || n > NF_DIFF_MAX_CANVASES)
    return _nf_cli_usage_error (command, _("give two to four canvases"));
  if (lang != NULL)
    {
      lang_tag = nf_language_tag_normalise (lang);
      if (lang_tag == NULL)
        return _nf_cli_usage_error (command, _("“%s” is not a language tag"), lang);
    }
  reading = lang_tag;
  /* A diff writes no canvas: the loads skip the check that each could be
   * saved again. */
  nf_canvas_set_loads_read_only (TRUE);

  {
    LoadJob jobs[NF_DIFF_MAX_CANVASES] = { { NULL, } };
    GThread *threads[NF_DIFF_MAX_CANVASES] = { NULL, };
    guint failed = n;

    /* Loading was half of a diff of large canvases: the files load side
     * by side, each on its own thread with its own parser (the loader
     * keeps no state between files, and sets libxml2 up once). The first
     * file that fails, in the order given, is the one reported, as when
     * they loaded one after another. */
    for (guint c = 0; c < n; c++)
      jobs[c].path = args[c];
    for (guint c = 1; c < n; c++)
      threads[c] = g_thread_new ("nf-diff-load", load_job, &jobs[c]);
    load_job (&jobs[0]);
    for (guint c = 1; c < n; c++)
      g_thread_join (threads[c]);
    for (guint c = 0; c < n; c++)
      {
        canvases[c] = jobs[c].canvas;
        if (canvases[c] == NULL && failed == n)
          failed = c;
      }
    if (failed < n)
      {
        _nf_cli_error (jobs[failed].error);
        for (guint c = 0; c < n; c++)
          {
            g_clear_object (&canvases[c]);
            g_clear_error (&jobs[c].error);
          }
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
      append_metrics (out, nf_diff_get_metrics (diff), n);
      if (!_nf_cli_print (out->str))
        status = EXIT_TROUBLE;
    }

  /* The process ends with the command: the canvases and the diff go with
   * it, not block by block. */
  _nf_cli_keep_until_exit (diff);
  for (guint c = 0; c < n; c++)
    _nf_cli_keep_until_exit (canvases[c]);
  reading = NULL;
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
                    "with their similarity. Then the metric tables' figures that are one measure "
                    "(the same metric key, or the same label, of the same kind) in two canvases "
                    "or more (\"Metrics:\" lines: each canvas's figure as written, — where it "
                    "has none, and the difference from the first, ≈ where a figure is "
                    "approximate; money in another currency is converted only with an exchange "
                    "rate a canvas states), and those only one canvas has (\"Metrics only in "
                    "A:\" lines). --format xml writes all of it, every note and every figure. "
                    "Exits with 0 when the canvases are the same, 1 when they differ and 2 on "
                    "trouble, whatever the format."),
  .entries = entries,
  .run = run_diff,
};
