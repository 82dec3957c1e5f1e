/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-check"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-i18n-private.h"

#include "nf-check-private.h"
#include "nf-check-figures-private.h"
#include "nf-diff-private.h"
#include "nf-merge.h"
#include "nf-metric-table.h"
#include "nf-note.h"
#include "nf-number-private.h"
#include "nf-number.h"
#include "nf-source.h"
#include "nf-source-file.h"

static GPrivate n_comparisons;  /* a guint64 *, this thread's last count */

guint64
_nf_check_get_n_comparisons (void)
{
  guint64 *n = g_private_get (&n_comparisons);

  return n ? *n : 0;
}

static void
set_n_comparisons (guint64 value)
{
  guint64 *n = g_private_get (&n_comparisons);

  if (n == NULL)
    {
      /* Kept for the thread's life: a test's counter, eight bytes. */
      n = g_new0 (guint64, 1);
      g_private_set (&n_comparisons, n);
    }
  *n = value;
}

void
nf_check_finding_free (NfCheckFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->subject);
  g_free (finding->message);
  g_free (finding->other);
  g_free (finding);
}

void
_nf_check_figure_clear (gpointer data)
{
  Figure *figure = data;

  g_free (figure->text);
  g_free (figure->digits);
  g_free (figure->key);
  g_free (figure->clause);
}

NfCheckFinding *
_nf_check_add (Check       *check,
     NfCheckKind  kind,
     const char  *subject,
     char        *message)
{
  NfCheckFinding *finding = g_new0 (NfCheckFinding, 1);

  finding->kind = kind;
  finding->subject = g_strdup (subject);
  finding->message = message;
  g_ptr_array_add (check->findings, finding);
  return finding;
}

char *
nf_check_subject_id (const char *subject,
                     guint      *out_row)
{
  const char *space;
  guint64 row = 0;

  g_return_val_if_fail (subject != NULL, NULL);
  space = strchr (subject, ' ');
  if (space && g_str_has_prefix (space, " row "))
    g_ascii_string_to_unsigned (space + 5, 10, 1, G_MAXUINT32, &row, NULL);
  if (out_row)
    *out_row = (guint) row;
  return space ? g_strndup (subject, space - subject) : g_strdup (subject);
}

/* The conflict mark a subject is named by in a note's <contradicts>:
 * "n35", "#t3" or "#t3/2". */
static char *
subject_ref (NfCanvas   *canvas,
             const char *subject)
{
  guint row = 0;
  g_autofree char *id = nf_check_subject_id (subject, &row);

  if (nf_canvas_find_note (canvas, id, NULL, NULL) != NULL)
    return g_steal_pointer (&id);
  return nf_conflict_ref_for_table (id, row);
}

/* Whether either side marks the other as conflicting: a note naming a
 * table as a whole covers each of its rows. */
gboolean
_nf_check_is_marked (NfCanvas   *canvas,
           const char *a,
           const char *b)
{
  const char *sides[2] = { a, b };

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = nf_check_subject_id (sides[i], NULL);
      NfNote *note = nf_canvas_find_note (canvas, id, NULL, NULL);
      g_autofree char *ref = NULL, *table_ref = NULL;
      g_autofree char *other_id = NULL;

      /* Most notes mark nothing. */
      if (note == NULL || nf_note_get_conflicts (note)[0] == NULL)
        continue;
      ref = subject_ref (canvas, sides[1 - i]);
      other_id = nf_check_subject_id (sides[1 - i], NULL);
      table_ref = nf_conflict_ref_for_table (other_id, 0);
      if (nf_note_conflicts_with (note, ref) || nf_note_conflicts_with (note, table_ref))
        return TRUE;
    }
  return FALSE;
}

/* --- figures in text ---------------------------------------------------- */

static gboolean
is_stop (gunichar c)
{
  return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' ||
         c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0xFF1A || c == 0x3001 ||
         c == 0xFF08 || c == 0xFF09 || c == 0x201C || c == 0x201D;
}

static gboolean
is_number_char (char c)
{
  return g_ascii_isdigit (c) || c == ',' || c == '.';
}

/* Words that say nothing of what a figure counts. */
gboolean
_nf_check_is_filler (const char *word)
{
  static const char * const fillers[] = {
    "in", "of", "for", "at", "on", "a", "an", "the", "per", "by", "to", "from", "and", "with",
    "over", "about", "around", "nearly", "almost", "more", "than", "less", "under", "up",
    "is", "was", "are", "were", "has", "had", "have", "reached", "some", "approximately",
    "roughly", "its", "their", "since", "as", "each", "every", "total", "it", "now",
    "was", "be", "been", "that", "which", "this", "last", "first", "only", "alone",
    /* when, not what */
    "annually", "annual", "yearly", "year", "years", "fiscal", "month", "months", "monthly",
    "quarter", "quarterly", "day", "days", "daily", "week", "weekly", "inception", "start",
    "globally", "worldwide", "end", "mid", "early", "late",
  };

  /* The first letter first: every word of every figure's phrase comes here. */
  for (guint i = 0; i < G_N_ELEMENTS (fillers); i++)
    if (g_ascii_tolower (word[0]) == fillers[i][0] && g_ascii_strcasecmp (word, fillers[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The measure a phrase names, fillers dropped and folded ("registered
 * users", "revenue"), or NULL when nothing is left. */
static char *
measure_key_uncached (const char *phrase)
{
  g_auto(GStrv) words = g_strsplit (phrase, " ", -1);
  g_autoptr(GString) kept = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      g_strstrip (words[i]);
      /* "registered users as of March": the measure ends where the
       * words on when and where begin. */
      if (kept->len && _nf_check_is_filler (words[i]))
        break;
      if (*words[i] == '\0' || _nf_check_is_filler (words[i]))
        continue;
      if (kept->len)
        g_string_append_c (kept, ' ');
      g_string_append (kept, words[i]);
    }
  if (kept->len == 0)
    return NULL;
  {
    char *key = nf_diff_metric_key (kept->str);

    if (*key == '\0')
      g_clear_pointer (&key, g_free);
    return key;
  }
}

/* The keys of the phrases this thread has asked for: a canvas names few
 * measures many times ("staff" in 100,000 notes), and working one out
 * (split, fillers, fold, synonyms, stems) was a sixth of a check. Per
 * thread, as checks run in worker threads; emptied past a size no
 * canvas's measures reach. Values are the key, or "" for none. */
#define KEY_CACHE_MAX 4096

static char *
cached_key (GPrivate    *slot,
            char      *(*work_out) (const char *),
            const char  *phrase)
{
  GHashTable *cache = g_private_get (slot);
  const char *key;
  char *fresh;

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_private_set (slot, cache);
    }
  if ((key = g_hash_table_lookup (cache, phrase)) == NULL)
    {
      if (g_hash_table_size (cache) >= KEY_CACHE_MAX)
        g_hash_table_remove_all (cache);
      fresh = work_out (phrase);
      key = fresh ? fresh : g_strdup ("");
      g_hash_table_insert (cache, g_strdup (phrase), (gpointer) key);
    }
  return *key ? g_strdup (key) : NULL;
}

static GPrivate measure_cache = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

static char *
measure_key (const char *phrase)
{
  return cached_key (&measure_cache, measure_key_uncached, phrase);
}

/* Up to three words before p that are not fillers or figures: what a
 * figure measures when no unit follows it ("registered users over 1
 * million"). */
static char *
words_before (const char *text,
              const char *p)
{
  g_autofree char *head = g_strndup (text, p - text);
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) kept = g_string_new (NULL);
  guint n, taken = 0;

  for (char *q = head; *q; q++)
    if (is_stop ((guchar) *q) || *q == '.')
      *q = ' ';
  /* Only the clause the figure is in. */
  {
    char *cut = MAX (strrchr (head, ';'), strrchr (head, ','));

    if (cut)
      memmove (head, cut + 1, strlen (cut + 1) + 1);
  }
  words = g_strsplit (head, " ", -1);
  n = g_strv_length (words);
  for (guint i = n; i-- > 0 && taken < 3;)
    {
      if (*words[i] == '\0')
        continue;
      if (strpbrk (words[i], "0123456789$"))
        break;
      if (_nf_check_is_filler (words[i]))
        continue;
      if (kept->len)
        g_string_prepend_c (kept, ' ');
      g_string_prepend (kept, words[i]);
      taken++;
    }
  return kept->len ? measure_key (kept->str) : NULL;
}

/* g_strdup_printf (format, …) for a translated message whose every
 * argument is given as a string (a count already written out): "%s" and
 * "%u" take the next, "%N$s" and "%N$u" the N-th (a translator's order).
 * printf cost more than the rest of a finding (100,000 findings: 0.29 G
 * instructions). NULL for anything else in the format ("%%" too, which
 * no message has), and for a NULL argument: the caller then uses printf
 * itself. */
static char *
format_strings (const char        *format,
                const char * const *args,
                guint               n_args)
{
  gsize lengths[8], room = strlen (format) + 1;
  char *out, *o;
  guint next = 0;
  const char *p = format;

  g_return_val_if_fail (n_args <= G_N_ELEMENTS (lengths), NULL);
  for (guint i = 0; i < n_args; i++)
    {
      if (args[i] == NULL)
        return NULL;
      room += (lengths[i] = strlen (args[i]));
    }
  /* Exactly as long as printf's would be, when each argument is used
   * once, as in every real format; one used twice does not fit, and goes
   * to printf. */
  o = out = g_malloc (room);
  for (;;)
    {
      const char *percent = strchr (p, '%');
      guint index;

      if (percent == NULL)
        {
          gsize n = strlen (p);

          if ((gsize) (o - out) + n + 1 > room)
            break;
          memcpy (o, p, n + 1);
          return out;
        }
      if ((gsize) (o - out) + (gsize) (percent - p) > room)
        break;
      memcpy (o, p, (gsize) (percent - p));
      o += percent - p;
      p = percent + 1;
      if (*p >= '1' && *p <= '9' && p[1] == '$')
        {
          index = (guint) (*p - '1');
          p += 2;
        }
      else
        index = next++;
      if ((*p != 's' && *p != 'u') || index >= n_args ||
          (gsize) (o - out) + lengths[index] > room)
        break;
      memcpy (o, args[index], lengths[index]);
      o += lengths[index];
      p++;
    }
  g_free (out);
  return NULL;
}

static gboolean
same_value (double a,
            double b)
{
  return fabs (a - b) <= 1e-9 * MAX (fabs (a), fabs (b));
}

/* Every figure of a text: each digit run, with a currency sign just
 * before it, read with as many of the words after it as nf_number_parse
 * takes (a scale, a currency, a unit such as "registered users"). */
GArray *
_nf_check_find_figures (const char *text)
{
  GArray *figures = g_array_new (FALSE, TRUE, sizeof (Figure));
  const char *p = text;

  g_array_set_clear_func (figures, _nf_check_figure_clear);
  while (*p)
    {
      const char *start, *run_end, *end, *limit;
      guint words = 0;
      Figure figure = { 0 };
      gboolean parsed = FALSE;

      /* Digits after a separator go on a number ("1,085", "2.5"); after
       * a comma that follows a word they start one ("200人,85%"). */
      if (!g_ascii_isdigit (*p) ||
          (p > text && (g_ascii_isalnum (p[-1]) || p[-1] == '-' ||
                        ((p[-1] == '.' || p[-1] == ',') && p - text >= 2 && g_ascii_isdigit (p[-2])))))
        {
          p++;
          continue;
        }
      start = p;
      if (start > text && strchr ("$", start[-1]))
        start--;
      else if (start - text >= 2 && (g_str_has_prefix (start - 2, "¥") || g_str_has_prefix (start - 2, "£")))
        start -= 2;
      else if (start - text >= 3 && g_str_has_prefix (start - 3, "€"))
        start -= 3;
      for (run_end = p; is_number_char (*run_end); run_end++)
        ;
      while (run_end > p && (run_end[-1] == ',' || run_end[-1] == '.'))
        run_end--;

      /* The longest phrase that still reads as one figure. */
      for (limit = run_end; *limit && words < 5;)
        {
          gunichar c = g_utf8_get_char (limit);

          if (is_stop (c) || g_ascii_isdigit (*limit) || (c == '.' && !g_ascii_isalpha (limit[1])))
            break;
          if (c == ' ')
            words++;
          if (c >= 0x80 && !g_unichar_isspace (c) && g_utf8_pointer_to_offset (run_end, limit) >= 6)
            break;
          limit = g_utf8_next_char (limit);
        }
      for (end = limit; end > run_end; end = g_utf8_find_prev_char (run_end, end))
        {
          g_autofree char *phrase = g_strstrip (g_strndup (start, end - start));

          if (nf_number_parse (phrase, &figure.number))
            {
              parsed = TRUE;
              break;
            }
        }
      /* Shown as the shortest text with the same value: "$1.5 million",
       * not "$1.5 million investment in". The whole phrase (short_end ==
       * end) parsed above already; the fallback below takes it unparsed. */
      for (const char *short_end = run_end; parsed && short_end < end;
           short_end = *short_end ? g_utf8_next_char (short_end) : short_end + 1)
        {
          gunichar next = *short_end ? g_utf8_get_char (short_end) : ' ';
          g_autofree char *phrase = NULL;
          NfNumber shorter;

          /* Only a phrase that ends at a word's end is tried (and copied). */
          if (!(g_unichar_isspace (next) || is_stop (next) || next == '.' || next >= 0x2E80))
            continue;
          phrase = g_strstrip (g_strndup (start, short_end - start));
          if (nf_number_parse (phrase, &shorter) && same_value (shorter.value, figure.number.value) &&
              shorter.is_percent == figure.number.is_percent && shorter.kind == figure.number.kind)
            {
              figure.text = g_steal_pointer (&phrase);
              break;
            }
        }
      if (parsed && figure.text == NULL)
        figure.text = g_strstrip (g_strndup (start, end - start));
      if (!parsed)
        {
          g_autofree char *phrase = g_strndup (start, run_end - start);

          if (!nf_number_parse (phrase, &figure.number))
            {
              p = run_end > p ? run_end : p + 1;
              continue;
            }
          figure.text = g_steal_pointer (&phrase);
        }
      {
        GString *digits = g_string_new (NULL);

        for (const char *d = p; d < run_end; d++)
          if (*d != ',')
            g_string_append_c (digits, *d);
        figure.digits = g_string_free (digits, FALSE);
      }
      {
        const char *from = start, *to = end;
        g_autofree char *clause = NULL;

        while (from > text && !is_stop ((guchar) from[-1]))
          from--;
        while (*to && !is_stop ((guchar) *to))
          to++;
        clause = g_strndup (from, to - from);
        figure.clause = _nf_diff_fold (clause);
      }
      if (figure.number.unit[0])
        figure.key = measure_key (figure.number.unit);
      if (figure.key == NULL)
        figure.key = words_before (text, start);
      g_array_append_val (figures, figure);
      p = run_end > p ? run_end : p + 1;
    }
  return figures;
}

/* --- sources --------------------------------------------------------- */

/* A source file's lines, looked for as the source reader opens it
 * (nf_source_locate(): the canvas's folder, which `dirs` gives first, then
 * the shipped cases' sources). *out_local says whether the address names
 * a file at all: a web address is not read, and not a fault. */
static GStrv
read_source (NfSource           *source,
             const char * const *dirs,
             gboolean           *out_local)
{
  g_autoptr(GFile) file = nf_source_locate (source, dirs, out_local, NULL);
  g_autofree char *data = NULL;
  gsize length;

  if (file == NULL || !g_file_load_contents (file, NULL, &data, &length, NULL, NULL) ||
      !g_utf8_validate (data, length, NULL))
    return NULL;
  g_strdelimit (data, "\r", ' ');
  return g_strsplit (data, "\n", -1);
}

/* Whether a line states the figure: the same digits, or the same value
 * written another way ("$2.5 million" for "2,500,000"). */
static gboolean
line_has (const char   *line,
          const Figure *figure)
{
  g_autoptr(GArray) there = _nf_check_find_figures (line);

  for (guint i = 0; i < there->len; i++)
    {
      Figure *f = &g_array_index (there, Figure, i);

      if (g_str_equal (f->digits, figure->digits) || same_value (f->number.value, figure->number.value))
        return TRUE;
    }
  return FALSE;
}

/* Source lines read for figures in one check, at most: a real canvas
 * reads a few thousand (a cited line or two per note, a few around it);
 * 100,000 notes each citing a range of 100,000 lines, which the format
 * allows, would read 10^10 and hang the check. Past it, citations are
 * not checked, and the check says so. */
#define CITE_SCAN_BUDGET 200000

/* Line numbers from 1; 0 when the figure is on no line within reach of
 * the cited lines first..last. */
static guint
nearest_line (Check        *check,
              GStrv         lines,
              guint         n,
              guint         first,
              guint         last,
              guint         reach,
              const Figure *figure)
{
  for (guint d = 1; d <= reach; d++)
    {
      check->n_scans += 2;
      if (first > d && first - d <= n && line_has (lines[first - d - 1], figure))
        return first - d;
      if (last + d <= n && line_has (lines[last + d - 1], figure))
        return last + d;
    }
  return 0;
}

static void
check_citation (Check        *check,
                const char   *subject,
                const char   *source_id,
                guint         line,
                guint         line_end,
                GArray       *figures,
                guint         reach)
{
  GStrv lines;
  guint n;

  if (source_id == NULL || line == 0 ||
      (lines = g_hash_table_lookup (check->sources, source_id)) == NULL)
    return;
  n = GPOINTER_TO_UINT (g_hash_table_lookup (check->n_lines, lines));
  line_end = MAX (line, line_end);
  /* What this citation may read: its lines and their reach, per figure. */
  if (check->n_scans + (guint64) figures->len * (MIN (line_end, n) - MIN (line, n) + 1 + 2 * reach) >
      CITE_SCAN_BUDGET)
    {
      check->scans_spent = TRUE;
      return;
    }
  /* One finding per note or row and kind: the first figure, and how many
   * more share its fate. */
  {
    const Figure *moved = NULL, *missing = NULL;
    guint moved_to = 0, n_moved = 0, n_missing = 0;

    for (guint i = 0; i < figures->len; i++)
      {
        Figure *figure = &g_array_index (figures, Figure, i);
        guint other;
        gboolean there = FALSE;

        for (guint l = line; l <= line_end && l <= n && !there; l++, check->n_scans++)
          there = line_has (lines[l - 1], figure);
        if (there)
          continue;
        if ((other = nearest_line (check, lines, n, line, line_end, reach, figure)) != 0)
          {
            if (n_moved++ == 0)
              moved = figure, moved_to = other;
          }
        else if (n_missing++ == 0)
          missing = figure;
      }
    if (moved && line_end > line)
      _nf_check_add (check, NF_CHECK_WRONG_LINE, subject,
           n_moved == 1
           ? g_strdup_printf (_("“%s” is on line %u of the source, not on the cited lines %u–%u"),
                              moved->text, moved_to, line, line_end)
           : g_strdup_printf (nf_ngettext ("“%s” (and %u more figure) is on line %u of the source, "
                                           "not on the cited lines %u–%u",
                                           "“%s” (and %u more figures) is on line %u of the source, "
                                           "not on the cited lines %u–%u", n_moved - 1),
                              moved->text, n_moved - 1, moved_to, line, line_end));
    else if (moved)
      _nf_check_add (check, NF_CHECK_WRONG_LINE, subject,
           n_moved == 1
           ? g_strdup_printf (_("“%s” is on line %u of the source, not on the cited line %u"),
                              moved->text, moved_to, line)
           : g_strdup_printf (nf_ngettext (
                                           "“%s” (and %u more figure) is on line %u of the source, "
                                           "not on the cited line %u",
                                           "“%s” (and %u more figures) is on line %u of the source, "
                                           "not on the cited line %u", n_moved - 1),
                              moved->text, n_moved - 1, moved_to, line));
    if (missing && line_end > line)
      _nf_check_add (check, NF_CHECK_NOT_CITED, subject,
           g_strdup_printf (_("“%s” is not on the cited lines %u–%u of the source"),
                            missing->text, line, line_end));
    else if (missing)
      _nf_check_add (check, NF_CHECK_NOT_CITED, subject,
           g_strdup_printf (_("“%s” is not on the cited line %u of the source"),
                            missing->text, line));
  }
}

/* --- the checks ------------------------------------------------------ */

static gboolean
comparable (const Figure *figure)
{
  if (figure->key == NULL)
    return FALSE;
  /* "10 minutes" and "2 minutes" name no measure, only a unit. */
  if ((figure->number.kind == NF_NUMBER_KIND_DURATION || figure->number.kind == NF_NUMBER_KIND_RATING) &&
      strchr (figure->key, '/') == NULL)
    return FALSE;
  /* Nor does a Chinese measure word alone: "200人" of a team and "600多人"
   * who referred buyers count people, not one measure. */
  if (g_utf8_strlen (figure->key, -1) == 1 && g_unichar_iswide (g_utf8_get_char (figure->key)))
    return FALSE;
  return figure->key != NULL && figure->number.kind != NF_NUMBER_KIND_YEAR &&
         figure->number.value != 0 && !figure->number.is_order;
}

static gboolean
in_list (const char         *word,
         const char * const *list)
{
  for (guint i = 0; list[i]; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;
  return FALSE;
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Chinese words of a measure, of any length, and the family each
 * belongs to in the words the English families use: "员工", "人员",
 * "团队" count the company's people, "用户" and "用户数" its users,
 * "注册用户" its registered users (as "registered users" does), "营收",
 * "收入" and "营业收入" its revenue, "车辆" and "汽车" cars. "" marks a
 * word that says nothing of what is counted ("达到", "公司"). A word
 * found whole wins over the shorter ones inside it, and what a run of
 * characters holds besides its family stays in the measure: "收入增长率"
 * and "营收增长" are not revenue, and "活跃用户" not "注册用户". */
static const struct { const char *word; const char *family; } chinese_words[] = {
  { "员工", "people" }, { "人员", "people" }, { "团队", "people" }, { "职员", "people" },
  { "雇员", "people" }, { "员工数", "people" }, { "员工人数", "people" },
  { "用户", "user" }, { "用户数", "user" }, { "用户量", "user" }, { "用户数量", "user" },
  { "注册用户", "registered user" }, { "注册用户数", "registered user" },
  { "会员", "member" }, { "会员数", "member" },
  { "收入", "revenue" }, { "营收", "revenue" }, { "营业收入", "revenue" }, { "营业额", "revenue" },
  { "销售额", "revenue" }, { "销售收入", "revenue" }, { "总收入", "revenue" }, { "总营收", "revenue" },
  { "车辆", "car" }, { "汽车", "car" }, { "车辆数", "car" },
  { "达到", "" }, { "超过", "" }, { "已经", "" }, { "公司", "" }, { "目前", "" }, { "全年", "" },
  { "共计", "" }, { "总共", "" }, { "拥有", "" },
};

/* Characters that say how a figure is counted, not what, when they
 * follow it ("名" of "200名员工", "多" of "600多人"). */
static gboolean
is_measure_char (gunichar c)
{
  static const char measure_chars[] = "名个位家辆台人万亿元多余近约共";

  for (const char *m = measure_chars; *m; m = g_utf8_next_char (m))
    if (g_utf8_get_char (m) == c)
      return TRUE;
  return FALSE;
}

/* The longest of chinese_words that `run` starts with, or -1. */
static int
chinese_word_at (const char *run)
{
  int best = -1;
  gsize best_len = 0;

  for (guint i = 0; i < G_N_ELEMENTS (chinese_words); i++)
    {
      gsize len = strlen (chinese_words[i].word);

      if (len > best_len && strncmp (run, chinese_words[i].word, len) == 0)
        best = (int) i, best_len = len;
    }
  return best;
}

static void
keep_word (GPtrArray  *kept,
           const char *word)
{
  if (!g_ptr_array_find_with_equal_func (kept, word, g_str_equal, NULL))
    g_ptr_array_add (kept, g_strdup (word));
}

/* What is left of a run between its known words, kept as one word
 * without a count's "数" or "量" at its end; a lone measure character is
 * no measure. */
static void
keep_rest (GPtrArray *kept,
           GString   *rest)
{
  while (rest->len > 0)
    {
      const char *last = g_utf8_find_prev_char (rest->str, rest->str + rest->len);
      gunichar c = g_utf8_get_char (last);

      if (c != 0x6570 /* 数 */ && c != 0x91CF /* 量 */)
        break;
      g_string_truncate (rest, last - rest->str);
    }
  if (rest->len > 0 && !(g_utf8_strlen (rest->str, -1) == 1 && is_measure_char (g_utf8_get_char (rest->str))))
    keep_word (kept, rest->str);
  g_string_truncate (rest, 0);
}

/* A run of Chinese characters read as words of any length. FALSE when
 * it counts people: that alone is the measure. */
static gboolean
keep_chinese (GPtrArray  *kept,
              const char *run)
{
  g_autoptr(GString) rest = g_string_new (NULL);
  gboolean counted_from = TRUE;  /* just after the figure or a known word */

  for (const char *p = run; *p;)
    {
      int w = chinese_word_at (p);

      if (w >= 0)
        {
          const char *family = chinese_words[w].family;

          keep_rest (kept, rest);
          if (g_str_equal (family, "people"))
            return FALSE;
          if (*family != '\0')
            {
              g_auto(GStrv) words = g_strsplit (family, " ", -1);

              for (guint i = 0; words[i]; i++)
                keep_word (kept, words[i]);
            }
          p += strlen (chinese_words[w].word);
          counted_from = TRUE;
          continue;
        }
      if (!(counted_from && rest->len == 0 && is_measure_char (g_utf8_get_char (p))))
        {
          g_string_append_len (rest, p, g_utf8_next_char (p) - p);
          counted_from = FALSE;
        }
      p = g_utf8_next_char (p);
    }
  keep_rest (kept, rest);
  return TRUE;
}

/* One spelling per measure, so that "Leases generated revenues" and
 * "Leasing fees" are one measure, and "skilled workers" and "support
 * agents" both count the company's people: words of one family are one
 * word, verbs that say how a figure came about are dropped, and the rest
 * are stemmed and sorted. A table's "row / column" key is kept as it is. */
static char *
canonical_key_uncached (const char *key)
{
  static const char * const people[] = {
    "staff", "employees", "employee", "workers", "worker", "agents", "agent", "people",
    "personnel", "headcount", "workforce", "员工", "人", "职员", NULL
  };
  static const char * const revenue[] = {
    "revenue", "revenues", "fees", "fee", "income", "sales", "turnover", NULL
  };
  static const char * const cars[] = {
    "cars", "car", "vehicles", "vehicle", "autos", "auto", NULL
  };
  static const char * const verbs[] = {
    "generated", "generate", "generates", "generating", "brought", "brings", "earned", "earns",
    "earn", "made", "makes", "handle", "handles", "handled", "allocated", "spent", "recorded",
    "reported", "skilled", "dedicated", NULL
  };
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  if (key == NULL || strchr (key, '/'))
    return g_strdup (key);
  words = g_strsplit (key, " ", -1);
  for (guint i = 0; words[i]; i++)
    {
      char *w = words[i];
      gsize len = strlen (w);

      if (*w == '\0' || in_list (w, verbs))
        continue;
      if ((guchar) *w >= 0x80)
        {
          /* The folded key holds a run of characters as its overlapping
           * pairs ("营业 业收 收入"): the run again, to be read as words. */
          g_autoptr(GString) run = g_string_new (w);

          while (words[i + 1] != NULL && (guchar) *words[i + 1] >= 0x80 &&
                 g_utf8_strlen (words[i + 1], -1) == 2 &&
                 g_utf8_get_char (words[i + 1]) ==
                   g_utf8_get_char (g_utf8_find_prev_char (run->str, run->str + run->len)))
            {
              g_string_append (run, g_utf8_next_char (words[i + 1]));
              i++;
            }
          if (!keep_chinese (kept, run->str))
            return g_strdup ("people");
          continue;
        }
      if (in_list (w, people))
        return g_strdup ("people");
      if (in_list (w, revenue))
        w = (char *) "revenue";
      else if (in_list (w, cars))
        w = (char *) "car";
      else if (len > 5 && g_str_has_suffix (w, "ing"))
        w[len - 3] = '\0';
      else if (len > 4 && g_str_has_suffix (w, "es"))
        w[len - 2] = '\0';
      else if (len > 3 && g_str_has_suffix (w, "s"))
        w[len - 1] = '\0';
      if (!g_ptr_array_find_with_equal_func (kept, w, g_str_equal, NULL))
        g_ptr_array_add (kept, g_strdup (w));
    }
  g_ptr_array_sort (kept, compare_words);
  for (guint i = 0; i < kept->len; i++)
    {
      if (i)
        g_string_append_c (out, ' ');
      g_string_append (out, g_ptr_array_index (kept, i));
    }
  return out->len ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static GPrivate canonical_cache = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

char *
_nf_check_canonical_key (const char *key)
{
  /* A table's "row / column" key is kept as it is, and costs nothing. */
  if (key == NULL || strchr (key, '/'))
    return g_strdup (key);
  return cached_key (&canonical_cache, canonical_key_uncached, key);
}

/* What part of a whole a clause says its figure counts: "agreements
 * with 63 automakers" and "其中120家已签约" count some of the automakers
 * that "82 automakers in China" counts all of. Two figures with different
 * parts are not one measure stated twice. NULL for the whole. */
static const char *
part_of_whole (const char *clause)
{
  static const struct { const char *words; const char *part; } parts[] = {
    { "agreement", "agreement" }, { "contract", "agreement" }, { "signed", "agreement" },
    { "partnership", "agreement" }, { "签约", "agreement" }, { "签署", "agreement" },
    { "协议", "agreement" }, { "合作", "agreement" },
    { "of which", "part" }, { "of whom", "part" }, { "among them", "part" },
    { "among which", "part" }, { "including", "part" }, { "其中", "part" }, { "包括", "part" },
  };

  if (clause == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    for (const char *p = strstr (clause, parts[i].words); p; p = strstr (p + 1, parts[i].words))
      /* A word's start: "signed" is not in "designed". */
      if ((guchar) *p >= 0x80 || p == clause || !g_ascii_isalpha (p[-1]))
        return parts[i].part;
  return NULL;
}

/* Figures are compared only within a group of one kind, currency,
 * measure and part; the key says which. */
static char *
group_key (const Figure *figure,
           const char   *canonical)
{
  const char *part = part_of_whole (figure->clause);
  /* A plain figure after the words naming it ("用户数超过100万") counts
   * what they name, as "300万用户" does. */
  NfNumberKind kind = figure->number.kind == NF_NUMBER_KIND_OTHER && !figure->number.is_percent
                        ? NF_NUMBER_KIND_COUNT : figure->number.kind;

  char kind_digit[2] = { (char) ('0' + (int) kind), '\0' };

  /* Concatenated, not printed: a key per figure. */
  if ((guint) kind > 9)
    return g_strdup_printf ("%d\x1f%s\x1f%s\x1f%s", (int) kind, figure->number.currency,
                            canonical ? canonical : "\x01", part ? part : "");
  return g_strconcat (kind_digit, "\x1f", figure->number.currency, "\x1f",
                      canonical ? canonical : "\x01", "\x1f", part ? part : "", NULL);
}

/* Two statements of one measure disagree when one is over a quarter
 * more than the other: "about" and "over" allow for less. */
static gboolean
disagree (double a,
          double b)
{
  return MAX (a, b) > MIN (a, b) * 1.25;
}

/* A group's figures as a tree of their sizes' least and greatest, so that
 * the next figure disagreeing with a value is found without reading every
 * figure that agrees with it. */
typedef struct {
  double *lo, *hi;
  guint   size;  /* leaves: a power of two */
  guint   n;     /* figures */
} Spread;

static void
spread_init (Spread       *spread,
             const double *values,
             guint         n)
{
  spread->n = n;
  for (spread->size = 1; spread->size < n; spread->size *= 2)
    ;
  spread->lo = g_new (double, 2 * spread->size);
  spread->hi = g_new (double, 2 * spread->size);
  for (guint k = 0; k < spread->size; k++)
    {
      spread->lo[spread->size + k] = k < n ? values[k] : INFINITY;
      spread->hi[spread->size + k] = k < n ? values[k] : -INFINITY;
    }
  for (guint k = spread->size - 1; k >= 1; k--)
    {
      spread->lo[k] = MIN (spread->lo[2 * k], spread->lo[2 * k + 1]);
      spread->hi[k] = MAX (spread->hi[2 * k], spread->hi[2 * k + 1]);
    }
}

static void
spread_clear (Spread *spread)
{
  g_clear_pointer (&spread->lo, g_free);
  g_clear_pointer (&spread->hi, g_free);
}

/* The first figure at or after `from` that disagrees with `value`, or -1.
 * Those agreeing with a value lie between two bounds, so a node whose
 * least and greatest agree holds no disagreement. */
static gint64
spread_next (const Spread *spread,
             guint         node,
             guint         node_start,
             guint         node_end,
             guint         from,
             double        value)
{
  gint64 found;
  guint middle;

  if (node_end <= from || node_start >= spread->n)
    return -1;
  if (!disagree (value, spread->lo[node]) && !disagree (value, spread->hi[node]))
    return -1;
  if (node_end - node_start == 1)
    return node_start;
  middle = node_start + (node_end - node_start) / 2;
  found = spread_next (spread, 2 * node, node_start, middle, from, value);
  return found >= 0 ? found : spread_next (spread, 2 * node + 1, middle, node_end, from, value);
}

/* A conflict to report: `here` and `there` index the stated figures. */
typedef struct {
  guint here, there;
  guint n_more;    /* for a group said against its first figure, the others that differ */
  gboolean first;  /* said against the group's first figure */
} Pair;

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const Pair *x = a, *y = b;

  if (x->here != y->here)
    return x->here < y->here ? -1 : 1;
  return x->there < y->there ? -1 : x->there > y->there;
}

/* One group's conflicts. While it has no more disagreeing pairs than
 * figures, each pair is said, as a person reading the notes would say
 * them; past that every pair would be said hundreds of times over, so
 * each figure that differs from the group's first is said once, against
 * it. Either way a group says no more than it has figures. */
static void
group_conflicts (GArray      *stated,
                 const guint *members,
                 guint        n,
                 GArray      *pairs,
                 guint64     *compared)
{
  g_autofree double *values = g_new (double, MAX (n, 1));
  g_autofree guint *run_end = g_new (guint, MAX (n, 1));
  guint start = pairs->len, n_found = 0, n_differ = 0;
  Spread spread;

  for (guint k = 0; k < n; k++)
    values[k] = fabs (g_array_index (stated, Stated, members[k]).figure->number.value);
  /* A subject's figures stand together; it is never compared with itself. */
  for (guint k = n; k-- > 0;)
    run_end[k] = k + 1 < n && g_str_equal (g_array_index (stated, Stated, members[k]).subject,
                                           g_array_index (stated, Stated, members[k + 1]).subject)
                   ? run_end[k + 1] : k + 1;

  spread_init (&spread, values, n);
  for (guint k = 0; k < n && n_found <= n; k++)
    for (gint64 j = spread_next (&spread, 1, 0, spread.size, run_end[k], values[k]);
         j >= 0 && n_found <= n;
         j = spread_next (&spread, 1, 0, spread.size, run_end[j], values[k]))
      {
        Pair pair = { members[k], members[j], 0, FALSE };

        ++*compared;
        if (++n_found <= n)
          g_array_append_val (pairs, pair);
      }
  spread_clear (&spread);
  if (n_found <= n)
    return;

  g_array_set_size (pairs, start);
  for (guint k = run_end[0]; k < n; k = run_end[k])
    for (guint j = k; j < run_end[k]; j++)
      {
        ++*compared;
        if (disagree (values[0], values[j]))
          {
            Pair pair = { members[j], members[0], 0, TRUE };

            g_array_append_val (pairs, pair);
            n_differ++;
            break;
          }
      }
  for (guint p = start; p < pairs->len; p++)
    g_array_index (pairs, Pair, p).n_more = n_differ - 1;
}

/* Figures are compared only within a group of one kind, currency,
 * measure and part, and the conflicts said in the order of the notes. */
static void
check_conflicts (Check  *check,
                 GArray *stated)
{
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_array_unref);
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  GHashTableIter iter;
  GArray *members;
  guint64 compared = 0;

  for (guint i = 0; i < stated->len; i++)
    {
      const Figure *figure = g_array_index (stated, Stated, i).figure;
      g_autofree char *canonical = _nf_check_canonical_key (figure->key);
      char *key = group_key (figure, canonical);

      members = g_hash_table_lookup (groups, key);
      if (members == NULL)
        {
          members = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (groups, key, members);
        }
      else
        g_free (key);
      g_array_append_val (members, i);
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &members))
    group_conflicts (stated, (const guint *) members->data, members->len, pairs, &compared);
  g_array_sort (pairs, compare_pairs);

  for (guint p = 0; p < pairs->len; p++)
    {
      const Pair *pair = &g_array_index (pairs, Pair, p);
      Stated *a = &g_array_index (stated, Stated, pair->here);
      Stated *b = &g_array_index (stated, Stated, pair->there);
      /* One finding for two subjects, whichever measures they share. */
      char *key = pair->here < pair->there ? g_strconcat (a->subject, "\n", b->subject, NULL)
                                           : g_strconcat (b->subject, "\n", a->subject, NULL);
      NfCheckFinding *finding;

      if (!g_hash_table_add (reported, key))
        continue;
      if (pair->first)
        {
          const char *format = nf_ngettext ("“%s” (%s) here, but “%s” in %s, which states it "
                                            "first; %u more note or row differs from it too",
                                            "“%s” (%s) here, but “%s” in %s, which states it "
                                            "first; %u more notes or rows differ from it too",
                                            pair->n_more);
          char count[24];
          const char *args[] = { a->figure->text, a->figure->key, b->figure->text, b->subject,
                                 _nf_number_whole_digits (pair->n_more, count + sizeof count) };
          char *message;

          if ((message = format_strings (format, args, G_N_ELEMENTS (args))) == NULL)
            message = g_strdup_printf (format, a->figure->text, a->figure->key, b->figure->text,
                                       b->subject, pair->n_more);
          finding = _nf_check_add (check, NF_CHECK_CONFLICT, a->subject, message);
        }
      else
        {
          const char *format = _("“%s” (%s) here, but “%s” in %s");
          const char *args[] = { a->figure->text, a->figure->key, b->figure->text, b->subject };
          char *message;

          if ((message = format_strings (format, args, G_N_ELEMENTS (args))) == NULL)
            message = g_strdup_printf (format, a->figure->text, a->figure->key, b->figure->text,
                                       b->subject);
          finding = _nf_check_add (check, NF_CHECK_CONFLICT, a->subject, message);
        }
      finding->other = g_strdup (b->subject);
      finding->marked = _nf_check_is_marked (check->canvas, a->subject, b->subject);
    }
  set_n_comparisons (compared);
}

/* "$5,600,000" in a column of plain numbers keeps 5600000 but not that
 * it is money; "80%" keeps 0.8 but not that it is a share. */
static void
check_cells (Check         *check,
             NfMetricTable *table,
             const char    *table_id)
{
  for (guint c = 0; c < nf_metric_table_get_n_columns (table); c++)
    {
      const NfColumn *table_column = nf_metric_table_get_column (table, c);

      for (guint r = 0; r < nf_metric_table_get_n_rows (table); r++)
        {
          const NfCell *cell = nf_metric_table_get_cell (table, r, c);
          /* A cell's own type and unit keep what its column does not. */
          NfColumn own = nf_cell_get_column (cell, table_column);
          const NfColumn *column = &own;
          g_autoptr(GArray) figures = NULL;
          Figure *figure;
          const char *lost = NULL;
          g_autofree char *subject = NULL;

          if (column->type == NF_COLUMN_TEXT || column->type == NF_COLUMN_YEAR)
            continue;
          if (!cell->has_value || cell->text == NULL)
            continue;
          figures = _nf_check_find_figures (cell->text);
          if (figures->len == 0)
            continue;
          figure = &g_array_index (figures, Figure, 0);
          if (figure->number.currency[0] && column->type != NF_COLUMN_MONEY)
            lost = _("a currency");
          else if (figure->number.is_percent && column->type != NF_COLUMN_PERCENT)
            lost = _("a percentage");
          /* A count's unit ("辆", "users") says what is counted, which the
           * row says too; a rating or a duration is another kind. */
          else if ((figure->number.kind == NF_NUMBER_KIND_RATING ||
                    figure->number.kind == NF_NUMBER_KIND_DURATION) &&
                   (column->unit == NULL || *column->unit == '\0'))
            lost = _("a unit");
          if (lost == NULL)
            continue;
          subject = g_strdup_printf ("%s row %u", table_id, r + 1);
          /* TRANSLATORS: the cell's text, then "a currency", "a percentage" or "a unit" */
          _nf_check_add (check, NF_CHECK_KIND_DROPPED, subject,
               g_strdup_printf (_("“%s” names %s that the column “%s” does not keep"), cell->text,
                                lost, nf_text_get (column->name)));
        }
    }
}

/* Two versions a merge kept of one thing, until someone chooses. */
static void
check_merge_conflicts (Check *check)
{
  for (guint i = 0; i < nf_canvas_get_n_conflicts (check->canvas); i++)
    {
      const NfConflict *c = nf_canvas_get_conflict (check->canvas, i);
      NfCheckFinding *finding;

      if (nf_conflict_kind_is_item (c->kind))
        {
          const char *subject = c->ours ? c->ours : c->theirs;
          const char *other = c->ours ? c->theirs : NULL;

          /* Resolved by deleting a version: nothing left to choose. */
          if (c->kind == NF_CONFLICT_NOTE &&
              (c->ours == NULL || nf_canvas_find_note (check->canvas, c->ours, NULL, NULL) == NULL) &&
              (c->theirs == NULL || nf_canvas_find_note (check->canvas, c->theirs, NULL, NULL) == NULL))
            continue;
          if (c->kind == NF_CONFLICT_TABLE &&
              (c->ours == NULL || nf_canvas_find_table (check->canvas, c->ours, NULL) == NULL) &&
              (c->theirs == NULL || nf_canvas_find_table (check->canvas, c->theirs, NULL) == NULL))
            continue;
          finding = _nf_check_add (check, NF_CHECK_MERGE, subject,
                         other ? g_strdup_printf (_("a merge kept two versions, this and %s: "
                                                    "keep one and delete the other"), other)
                               : g_strdup (_("a merge kept this version, edited on one side "
                                             "and deleted on the other: keep or delete it")));
          finding->other = g_strdup (other);
        }
      else if (c->kind == NF_CONFLICT_ROW)
        _nf_check_add (check, NF_CHECK_MERGE, c->table,
             c->ours != NULL && c->theirs != NULL
               ? g_strdup_printf (_("a merge kept two versions of one row, rows %s and %s: "
                                    "keep one or both"), c->ours, c->theirs)
               : g_strdup_printf (_("a merge kept row %s, edited on one side and deleted on "
                                    "the other: keep or delete it"),
                                  c->ours != NULL ? c->ours : c->theirs));
      else
        _nf_check_add (check, NF_CHECK_MERGE, nf_conflict_kind_to_xml (c->kind),
             g_strdup_printf (_("a merge left two values to choose between: “%s” and “%s”"),
                              c->ours ? c->ours : "", c->theirs ? c->theirs : ""));
    }
}

GPtrArray *
nf_check_canvas (NfCanvas           *canvas,
                 const char * const *source_dirs,
                 GPtrArray         **out_infos)
{
  Check check = { 0 };
  GListModel *sources = nf_canvas_get_sources (canvas);
  GListModel *tables = nf_canvas_get_tables (canvas);
  g_autoptr(GArray) stated = g_array_new (FALSE, FALSE, sizeof (Stated));
  g_autoptr(GArray) note_stated = g_array_new (FALSE, FALSE, sizeof (Stated));
  g_autoptr(GPtrArray) all_figures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  gboolean has_sources = g_list_model_get_n_items (sources) > 0;

  g_return_val_if_fail (NF_IS_CANVAS (canvas), NULL);

  check.canvas = canvas;
  check.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) nf_check_finding_free);
  check.sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  check.n_lines = g_hash_table_new (NULL, NULL);
  check.strings = g_ptr_array_new_with_free_func (g_free);
  if (out_infos)
    *out_infos = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(NfSource) source = g_list_model_get_item (sources, i);
      gboolean local;
      GStrv lines = read_source (source, source_dirs, &local);

      /* A file that is not there is a finding: every citation of it goes
       * unchecked. A web page is only said. */
      if (lines == NULL && local)
        _nf_check_add (&check, NF_CHECK_SOURCE_MISSING, nf_source_get_id (source),
             g_strdup_printf (_("the source file “%s” was not found beside the canvas or in the "
                                "folders given; its citations were not checked"),
                              nf_source_get_address (source)));
      else if (lines == NULL && out_infos)
        g_ptr_array_add (*out_infos,
                         g_strdup_printf (_("the source %s (“%s”) was not found; its citations "
                                            "were not checked"),
                                          nf_source_get_id (source),
                                          nf_source_get_address (source) ? nf_source_get_address (source) : ""));
      g_hash_table_insert (check.sources, g_strdup (nf_source_get_id (source)), lines);
      if (lines != NULL)
        g_hash_table_insert (check.n_lines, lines, GUINT_TO_POINTER (g_strv_length (lines)));
    }

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      GListModel *notes = nf_canvas_get_notes (canvas, b);

      for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
        {
          g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
          const char *id = nf_note_get_id (note);
          GArray *figures = _nf_check_find_figures (nf_text_get (nf_note_get_text (note)));

          g_ptr_array_add (all_figures, figures);
          if (has_sources && nf_note_get_cite_source (note) == NULL)
            _nf_check_add (&check, NF_CHECK_NO_SOURCE, id, g_strdup (_("the note cites no source")));
          check_citation (&check, id, nf_note_get_cite_source (note), nf_note_get_cite_line (note),
                          nf_note_get_cite_line_end (note), figures, 3);
          for (guint k = 0; k < figures->len; k++)
            {
              Figure *figure = &g_array_index (figures, Figure, k);
              char *subject = g_strdup (id);
              Stated s = { subject, figure };

              g_ptr_array_add (check.strings, subject);
              if (comparable (figure))
                g_array_append_val (stated, s);
              /* Totals ask what a figure is about, not that it names it. */
              if (!figure->number.is_order && figure->number.value != 0 &&
                  figure->number.kind != NF_NUMBER_KIND_YEAR &&
                  (figure->key != NULL || figure->clause != NULL))
                g_array_append_val (note_stated, s);
            }
        }
    }

  for (guint t = 0; t < g_list_model_get_n_items (tables); t++)
    {
      g_autoptr(NfMetricTable) table = g_list_model_get_item (tables, t);
      const char *table_id = nf_metric_table_get_id (table);
      guint n_columns = nf_metric_table_get_n_columns (table);

      for (guint r = 0; r < nf_metric_table_get_n_rows (table); r++)
        {
          GArray *figures = g_array_new (FALSE, TRUE, sizeof (Figure));
          char *subject = g_strdup_printf ("%s row %u", table_id, r + 1);
          g_autofree char *row_key = nf_diff_metric_key (nf_metric_table_get_cell (table, r, 0)->text);

          g_array_set_clear_func (figures, _nf_check_figure_clear);
          g_ptr_array_add (all_figures, figures);
          g_ptr_array_add (check.strings, subject);
          for (guint c = 0; c < n_columns; c++)
            {
              const NfCell *cell = nf_metric_table_get_cell (table, r, c);
              const NfColumn *column = nf_metric_table_get_column (table, c);
              g_autoptr(GArray) found = NULL;
              g_autofree char *column_key = NULL;
              Figure figure;

              if (cell->text == NULL || (c == 0 && column->type == NF_COLUMN_TEXT))
                continue;
              found = _nf_check_find_figures (cell->text);
              if (found->len == 0)
                continue;
              /* The cell's first figure; its measure is the row's and the
               * column's, which is what other tables would call it. */
              figure = g_array_index (found, Figure, 0);
              memset (&g_array_index (found, Figure, 0), 0, sizeof (Figure));
              g_free (figure.key);
              column_key = nf_diff_metric_key (nf_text_get (column->name));
              figure.key = g_strdup_printf ("%s / %s", row_key, column_key);
              if (nf_cell_get_column (cell, column).type == NF_COLUMN_YEAR)
                figure.number.kind = NF_NUMBER_KIND_YEAR;
              g_array_append_val (figures, figure);
            }
          for (guint k = 0; k < figures->len; k++)
            {
              Figure *figure = &g_array_index (figures, Figure, k);
              Stated s = { subject, figure };

              if (comparable (figure))
                g_array_append_val (stated, s);
            }
          {
            const NfRowCite *own = nf_metric_table_get_row_cite (table, r);

            /* A row citing its own lines is held to them, closely. */
            if (own != NULL)
              check_citation (&check, subject, own->source, own->line, own->line_end, figures, 3);
            else
              check_citation (&check, subject, nf_metric_table_get_cite_source (table),
                              nf_metric_table_get_cite_line (table),
                              nf_metric_table_get_cite_line_end (table), figures, 20);
          }
        }
      _nf_check_totals (&check, table, table_id, note_stated);
      check_cells (&check, table, table_id);
    }

  check_conflicts (&check, stated);
  check_merge_conflicts (&check);
  if (check.scans_spent && out_infos)
    g_ptr_array_add (*out_infos,
                     g_strdup_printf (_("the citations cite more source lines than a check reads "
                                        "(%d); those past that were not checked"),
                                      CITE_SCAN_BUDGET));

  g_hash_table_unref (check.n_lines);
  g_hash_table_unref (check.sources);
  g_ptr_array_unref (check.strings);
  return check.findings;
}
