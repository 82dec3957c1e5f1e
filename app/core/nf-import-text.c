/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-import"

#include "config.h"

#include <string.h>

#include "nf-i18n-private.h"

#include "nf-canvas-xml.h"
#include "nf-canvas-xml-private.h"
#include "nf-import-private.h"

/* A note can hold no more; a longer line is cut where it enters. */
#define MAX_LINE_BYTES     NF_CANVAS_MAX_FIELD_SIZE
/* cmark-gfm 0.29.0.gfm.6 (Debian 12) is quadratic in the nesting depth
 * times the line length (CVE-2023-24824) and in runs of "[" in one
 * paragraph (CVE-2023-22486). Real write-ups nest a few levels and link a
 * few dozen times a paragraph; past these limits the markers are taken as
 * text, which keeps 16 MiB of hostile input to seconds. */
#define MAX_NESTING        32
#define MAX_BRACKETS       500
/* Chunks: cut at the first safe place after SOFT bytes, or anywhere
 * after HARD; autocompleted table cells weigh on cmark's memory too. */
#define CHUNK_SOFT_BYTES   (256 * 1024)
#define CHUNK_HARD_BYTES   (1024 * 1024)
#define CHUNK_CELLS        100000
/* cmark builds a node per cell, padding short rows to the header's width,
 * so a wide header over many short rows costs columns times rows. */
#define MAX_TABLE_CELLS    100000
/* Front matter longer than this is not front matter. */
#define MAX_FRONT_LINES    200

typedef struct {
  NfImportText *self;
  gsize         chunk_start;
  guint         chunk_first_line;
  guint         chunk_cells;
  gboolean      want_cut;
  gboolean      prev_blank;
  guint         budget;
} Writer;

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t';
}

static gboolean
is_blank (const char *s,
          gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!is_space (s[i]))
      return FALSE;
  return TRUE;
}

static gsize
leading_spaces (const char *s,
                gsize       n)
{
  gsize i = 0;

  while (i < n && is_space (s[i]))
    i++;
  return i;
}

static void
trim (const char **s,
      gsize       *n)
{
  gsize lead = leading_spaces (*s, *n);

  *s += lead;
  *n -= lead;
  while (*n > 0 && is_space ((*s)[*n - 1]))
    (*n)--;
}

/* The next line after the one at p of length n, or NULL at the end. */
static const char *
next_line (const char *p,
           gsize       n,
           const char *end)
{
  p += n + 1;
  return p < end ? p : NULL;
}

static gsize
line_length (const char *p,
             const char *end)
{
  const char *nl = memchr (p, '\n', end - p);

  return (nl ? nl : end) - p;
}

static gboolean
is_pipe (const char *s,
         gsize       i)
{
  return s[i] == '|' && (i == 0 || s[i - 1] != '\\');
}

static gboolean
has_pipe (const char *s,
          gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (is_pipe (s, i))
      return TRUE;
  return FALSE;
}

/* GFM counts cells between unescaped pipes, a leading and a trailing pipe
 * being optional. */
static guint
count_cells (const char *s,
             gsize       n)
{
  guint cells = 1;

  trim (&s, &n);
  if (n > 0 && s[0] == '|')
    s++, n--;
  if (n > 0 && is_pipe (s, n - 1))
    n--;
  for (gsize i = 0; i < n; i++)
    cells += is_pipe (s, i);
  return cells;
}

static gboolean
is_delimiter_row (const char *s,
                  gsize       n)
{
  gboolean dash = FALSE;

  trim (&s, &n);
  if (!has_pipe (s, n))
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      char c = s[i];

      if (c == '|')
        {
          if (i > 0 && s[i - 1] != '|' && !dash)
            return FALSE;
          dash = FALSE;
        }
      else if (c == '-')
        dash = TRUE;
      else if (c != ':' && !is_space (c))
        return FALSE;
    }
  return TRUE;
}

/* An opening code fence: up to three spaces, then three or more of "`"
 * or "~". Inside one nothing is a table or a paragraph of ours. */
static gboolean
fence_open (const char *s,
            gsize       n,
            char       *out_char,
            gsize      *out_len)
{
  gsize i = leading_spaces (s, n), run = 0;

  if (i > 3 || i >= n || (s[i] != '`' && s[i] != '~'))
    return FALSE;
  while (i + run < n && s[i + run] == s[i])
    run++;
  if (run < 3)
    return FALSE;
  if (s[i] == '`' && memchr (s + i + run, '`', n - i - run))
    return FALSE;
  *out_char = s[i];
  *out_len = run;
  return TRUE;
}

static gboolean
fence_close (const char *s,
             gsize       n,
             char        c,
             gsize       len)
{
  gsize i = leading_spaces (s, n), run = 0;

  if (i > 3)
    return FALSE;
  while (i + run < n && s[i + run] == c)
    run++;
  return run >= len && is_blank (s + i + run, n - i - run);
}

static void
emit (Writer     *w,
      const char *s,
      gsize       n,
      guint       line)
{
  g_string_append_len (w->self->text, s, n);
  g_string_append_c (w->self->text, '\n');
  g_array_append_val (w->self->line_map, line);
  w->prev_blank = is_blank (s, n);
  /* cmark's bracket cost is per paragraph, and a blank line ends one */
  if (w->prev_blank)
    w->budget = MAX_BRACKETS;
  if (w->self->text->len - w->chunk_start >= CHUNK_SOFT_BYTES)
    w->want_cut = TRUE;
}

static void
emit_blank (Writer *w,
            guint   line)
{
  emit (w, "", 0, line);
}

static void
cut_chunk (Writer *w)
{
  NfImportChunk chunk = { w->chunk_start, w->self->text->len, w->chunk_first_line };

  if (chunk.end > chunk.start)
    g_array_append_val (w->self->chunks, chunk);
  w->chunk_start = w->self->text->len;
  w->chunk_first_line = w->self->line_map->len;
  w->chunk_cells = 0;
  w->want_cut = FALSE;
}

/* Copies a line, taking container markers past MAX_NESTING and brackets
 * past the paragraph's budget as text. */
static void
emit_defused (Writer     *w,
              const char *s,
              gsize       n,
              guint       line)
{
  g_autoptr(GString) out = NULL;
  gsize i = 0, cut = 0;
  guint markers = 0;

  for (;;)
    {
      while (i < n && is_space (s[i]))
        i++;
      if (i < n && s[i] == '>')
        i++;
      else if (i + 1 < n && strchr ("-*+", s[i]) && is_space (s[i + 1]))
        i += 1;
      else
        {
          gsize d = i;

          while (d < n && d - i < 9 && g_ascii_isdigit (s[d]))
            d++;
          if (d == i || d + 1 >= n || (s[d] != '.' && s[d] != ')') || !is_space (s[d + 1]))
            break;
          i = d + 1;
        }
      if (++markers == MAX_NESTING)
        cut = i;
    }

  out = g_string_sized_new (n + 8);
  if (markers > MAX_NESTING)
    {
      g_string_append_len (out, s, cut);
      g_string_append_c (out, ' ');
      s += i, n -= i;
    }
  for (gsize k = 0; k < n; k++)
    {
      if (s[k] == '\\' && k + 1 < n && strchr ("*_.)", s[k + 1]))
        {
          static const gunichar standins[] = {
            NF_IMPORT_ESCAPED_STAR, NF_IMPORT_ESCAPED_UNDERSCORE,
            NF_IMPORT_ESCAPED_DOT, NF_IMPORT_ESCAPED_PAREN,
          };

          g_string_append_unichar (out, standins[strchr ("*_.)", s[k + 1]) - "*_.)"]);
          k++;
          continue;
        }
      if (s[k] == '\\' && k + 1 < n && s[k + 1] == '\\')
        {
          g_string_append_len (out, s + k, 2);
          k++;
          continue;
        }
      if (s[k] == '[' && (k == 0 || s[k - 1] != '\\'))
        {
          if (w->budget == 0)
            g_string_append_c (out, '\\');
          else
            w->budget--;
        }
      g_string_append_c (out, s[k]);
    }
  emit (w, out->str, out->len, line);
}

/* The body of a YAML double-quoted scalar with its escapes read ("\\",
 * "\"", "\xNN", "\uNNNN"…), or of a single-quoted one ("''" is "'").
 * An escape YAML does not define is kept as written. */
static char *
yaml_unescape (const char *s,
               gsize       n,
               char        quote)
{
  GString *out = g_string_sized_new (n);

  for (gsize i = 0; i < n; i++)
    {
      if (quote == '\'' && s[i] == '\'' && i + 1 < n && s[i + 1] == '\'')
        {
          g_string_append_c (out, '\'');
          i++;
          continue;
        }
      if (quote != '"' || s[i] != '\\' || i + 1 >= n)
        {
          g_string_append_c (out, s[i]);
          continue;
        }
      switch (s[++i])
        {
        case '0': g_string_append_c (out, ' '); break;  /* NUL is no text */
        case 'a': case 'b': case 'e': case 'f': case 'v': case 'n': case 'r': case 't':
        case 'N': case 'L': case 'P': case '_':
          g_string_append_c (out, ' ');
          break;
        case 'x': case 'u': case 'U':
          {
            guint digits = s[i] == 'x' ? 2 : s[i] == 'u' ? 4 : 8;
            gunichar c = 0;
            gsize k;

            for (k = 0; k < digits && i + 1 + k < n && g_ascii_isxdigit (s[i + 1 + k]); k++)
              c = c * 16 + (gunichar) g_ascii_xdigit_value (s[i + 1 + k]);
            if (k == digits && g_unichar_validate (c) && c != 0)
              {
                g_string_append_unichar (out, c);
                i += digits;
              }
            else
              {
                g_string_append_c (out, '\\');
                g_string_append_c (out, s[i]);
              }
          }
          break;
        case '"': case '\\': case '/': case ' ':
          g_string_append_c (out, s[i]);
          break;
        default:
          g_string_append_c (out, '\\');
          g_string_append_c (out, s[i]);
        }
    }
  return g_string_free (out, FALSE);
}

static char *
unquote (const char *s,
         gsize       n)
{
  char quote = 0;

  trim (&s, &n);
  if (n >= 2 && (s[0] == '"' || s[0] == '\'') && s[n - 1] == s[0])
    {
      quote = s[0];
      s++, n -= 2;
    }
  if (n == 0 || (quote == 0 && (s[0] == '|' || s[0] == '>')))
    return NULL;  /* empty, or a block scalar we do not read */
  {
    g_autofree char *value = quote ? yaml_unescape (s, n, quote) : g_strndup (s, n);
    g_autofree char *clean = nf_text_clean (value, -1);

    return _nf_import_collapse (clean, NF_CANVAS_MAX_FIELD_SIZE);
  }
}

static void
front_matter_field (NfImportFrontMatter *front,
                    const char          *key,
                    gsize                key_len,
                    const char          *value,
                    gsize                value_len)
{
  static const struct { const char *key; gsize offset; } fields[] = {
    { "title", G_STRUCT_OFFSET (NfImportFrontMatter, title) },
    { "company", G_STRUCT_OFFSET (NfImportFrontMatter, company) },
    { "organization", G_STRUCT_OFFSET (NfImportFrontMatter, company) },
    { "organisation", G_STRUCT_OFFSET (NfImportFrontMatter, company) },
    { "date", G_STRUCT_OFFSET (NfImportFrontMatter, date) },
    { "lang", G_STRUCT_OFFSET (NfImportFrontMatter, language) },
    { "language", G_STRUCT_OFFSET (NfImportFrontMatter, language) },
    { "description", G_STRUCT_OFFSET (NfImportFrontMatter, description) },
    { "summary", G_STRUCT_OFFSET (NfImportFrontMatter, description) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strlen (fields[i].key) == key_len && g_ascii_strncasecmp (key, fields[i].key, key_len) == 0)
      {
        char **field = G_STRUCT_MEMBER_P (front, fields[i].offset);

        if (*field == NULL)
          *field = unquote (value, value_len);
        return;
      }
}

/* YAML ("---" … "---" or "...") or TOML ("+++" … "+++") front matter at
 * the very start: its last line, or 0. Only simple "key: value" lines are
 * read; a block that does not look like front matter is left as text. */
static guint
read_front_matter (const char          *input,
                   const char          *end,
                   NfImportFrontMatter *front)
{
  gsize n = line_length (input, end);
  const char *s = input, *p;
  gboolean toml;
  guint line = 1;

  trim (&s, &n);
  if (!(n == 3 && (memcmp (s, "---", 3) == 0 || memcmp (s, "+++", 3) == 0)) || s != input)
    return 0;
  toml = s[0] == '+';

  /* First find the end and check every line, then read: a failed check
   * must leave front untouched. */
  for (p = next_line (input, line_length (input, end), end); p && line < MAX_FRONT_LINES;
       p = next_line (p, line_length (p, end), end))
    {
      gsize len = line_length (p, end);
      const char *t = p;
      gsize tn = len;

      line++;
      trim (&t, &tn);
      if ((tn == 3 && memcmp (t, toml ? "+++" : "---", 3) == 0) ||
          (!toml && tn == 3 && memcmp (t, "...", 3) == 0))
        break;
      if (tn == 0 || t[0] == '#' || (t != p && !toml) || (t[0] == '-' && !toml) || t[0] == '[')
        continue;  /* blank, comment, nested or list values, TOML tables */
      if (!memchr (t, toml ? '=' : ':', tn))
        return 0;
    }
  if (p == NULL || line >= MAX_FRONT_LINES)
    return 0;

  for (p = next_line (input, line_length (input, end), end); p;
       p = next_line (p, line_length (p, end), end))
    {
      gsize len = line_length (p, end);
      const char *sep = memchr (p, toml ? '=' : ':', len);
      const char *key = p;
      gsize key_len;

      if (is_space (p[0]) || sep == NULL)
        {
          if (len >= 3 && (memcmp (p, "---", 3) == 0 || memcmp (p, "+++", 3) == 0 ||
                           memcmp (p, "...", 3) == 0))
            break;
          continue;
        }
      key_len = sep - p;
      trim (&key, &key_len);
      front_matter_field (front, key, key_len, sep + 1, len - (sep + 1 - p));
    }
  return line;
}

/* Plain text, one paragraph a line, has almost no blank lines, or few
 * and long lines; Markdown, even hard-wrapped, separates its paragraphs
 * by blank lines. */
static gboolean
looks_like_lines (const char *p,
                  const char *end)
{
  guint64 blank = 0, filled = 0, longer = 0;

  for (; p; p = next_line (p, line_length (p, end), end))
    {
      gsize n = line_length (p, end);

      if (is_blank (p, n))
        blank++;
      else
        filled++, longer += n > 100;
      if (p + n >= end)
        break;
    }
  return filled >= 3 && blank * 8 < filled && (blank * 20 < filled || longer * 10 >= filled);
}

/* "- ", "* ", "+ ", "1. ", "2) " after any indentation. */
static gboolean
is_list_item (const char *s,
              gsize       n)
{
  gsize i = leading_spaces (s, n), d;

  if (i + 1 < n && strchr ("-*+", s[i]) && is_space (s[i + 1]))
    return TRUE;
  for (d = i; d < n && d - i < 9 && g_ascii_isdigit (s[d]); d++)
    ;
  return d > i && d + 1 < n && (s[d] == '.' || s[d] == ')') && is_space (s[d + 1]);
}

static gboolean
ends_sentence (const char *s,
               gsize       n)
{
  static const char * const stops[] = { ".", "!", "?", "。", "！", "？" };

  trim (&s, &n);
  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    {
      gsize k = strlen (stops[i]);

      if (n >= k && memcmp (s + n - k, stops[i], k) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
starts_sentence (const char *s,
                 gsize       n)
{
  gunichar c;

  if (n == 0)
    return FALSE;
  c = g_utf8_get_char_validated (s, (gssize) n);
  return c != (gunichar) -1 && c != (gunichar) -2 &&
         (g_unichar_isupper (c) || _nf_import_is_cjk (c) || c == '"' || c == 0x201C);
}

/* Whether an item that has not ended its sentence still reads as whole:
 * it ends on a letter or digit, not on a word that wants more ("and",
 * "with", "the"), a comma or a dash. "- Suppliers in Shenzhen" is whole;
 * "- Partnered with" and "- Joint ventures with KBB and" are not. */
static gboolean
ends_whole (const char *s,
            gsize       n)
{
  static const char * const wanting[] = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with",
    "by", "from", "as", "into", "than", "that", "which", "who", "whose", "its", "their", "our",
    "is", "are", "was", "were", "be", "has", "have", "had", "over", "about", "including", "such",
  };
  gsize start;
  g_autofree char *word = NULL;

  trim (&s, &n);
  if (n == 0 || !g_ascii_isalnum (s[n - 1]))
    return FALSE;
  for (start = n; start > 0 && g_ascii_isalpha (s[start - 1]); start--)
    ;
  word = g_ascii_strdown (s + start, (gssize) (n - start));
  for (guint i = 0; i < G_N_ELEMENTS (wanting); i++)
    if (g_str_equal (word, wanting[i]))
      return FALSE;
  return TRUE;
}

void
_nf_import_text_repair (NfImportText *self,
                        guint         line,
                        const char   *format,
                        ...)
{
  NfImportRepair repair = { line, NULL };
  va_list args;

  va_start (args, format);
  repair.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (self->repairs, repair);
}

static void
repair_clear (gpointer data)
{
  g_free (((NfImportRepair *) data)->message);
}

gboolean
_nf_import_text_prepare (NfImportText  *self,
                         const char    *input,
                         const char    *name,
                         GError       **error)
{
  const char *end = input + strlen (input);
  const char *p;
  guint line = 0, front_end, table_left = 0;
  gboolean in_fence = FALSE, in_item = FALSE, item_ends_sentence = FALSE, item_ends_whole = FALSE;
  char fence_char = 0;
  gsize fence_len = 0;
  Writer w = { self, 0, 0, 0, FALSE, TRUE, MAX_BRACKETS };
  g_autofree char *cut_line = NULL;

  memset (self, 0, sizeof *self);
  self->text = g_string_sized_new ((end - input) + (end - input) / 8 + 16);
  self->line_map = g_array_new (FALSE, FALSE, sizeof (guint));
  self->chunks = g_array_new (FALSE, FALSE, sizeof (NfImportChunk));
  self->repairs = g_array_new (FALSE, FALSE, sizeof (NfImportRepair));
  g_array_set_clear_func (self->repairs, repair_clear);

  if (input == end)
    return TRUE;
  front_end = read_front_matter (input, end, &self->front);
  self->line_mode = looks_like_lines (input, end);

  for (p = input; p; p = next_line (p, line_length (p, end), end))
    {
      gsize full = line_length (p, end), n = full;
      const char *s = p;

      line++;
      if (line <= front_end)
        {
          emit_blank (&w, line);
          continue;
        }
      if (n > MAX_LINE_BYTES)
        {
          /* Cut at a character, and say so. */
          n = MAX_LINE_BYTES - strlen ("…");
          while (n > 0 && ((guchar) s[n] & 0xC0) == 0x80)
            n--;
          g_free (cut_line);
          cut_line = g_strdup_printf ("%.*s…", (int) n, s);
          s = cut_line;
          n = strlen (cut_line);
        }

      if (table_left > 0)
        {
          emit (&w, s, n, line);
          if (--table_left == 0)
            emit_blank (&w, 0);
          continue;
        }
      if (in_fence)
        {
          emit (&w, s, n, line);
          in_fence = !fence_close (s, n, fence_char, fence_len);
          continue;
        }

      /* Every line of plain text is a paragraph of its own, so any line
       * is a safe place to cut. */
      if ((w.want_cut && (w.prev_blank || self->line_mode) && !is_blank (s, n) &&
           !is_space (s[0])) ||
          self->text->len - w.chunk_start >= CHUNK_HARD_BYTES)
        cut_chunk (&w);

      if (is_blank (s, n))
        {
          emit_blank (&w, line);
          in_item = FALSE;
          continue;
        }
      if (self->line_mode)
        {
          gsize lead = leading_spaces (s, n);

          s += lead, n -= lead;
          if (!w.prev_blank)
            emit_blank (&w, 0);
        }
      if (fence_open (s, n, &fence_char, &fence_len))
        {
          emit (&w, s, n, line);
          in_fence = TRUE;
          in_item = FALSE;
          continue;
        }

      if (has_pipe (s, n))
        {
          const char *delim = next_line (p, full, end);
          gsize delim_n = delim ? line_length (delim, end) : 0;
          guint columns = count_cells (s, n);

          if (delim && is_delimiter_row (delim, delim_n) && count_cells (delim, delim_n) == columns)
            {
              guint rows = 0;
              guint64 cells;

              for (const char *r = next_line (delim, delim_n, end); r;
                   r = next_line (r, line_length (r, end), end))
                {
                  gsize rn = line_length (r, end);
                  char c;
                  gsize cl;

                  if (is_blank (r, rn) || !has_pipe (r, rn) || fence_open (r, rn, &c, &cl))
                    break;
                  rows++;
                }
              cells = (guint64) columns * (rows + 1);
              if (cells > MAX_TABLE_CELLS)
                {
                  _nf_xml_set_error (error, NF_CANVAS_ERROR_TOO_LARGE, name, (int) line,
                                     _("the table has more than %d cells, more than a "
                                       "canvas table may have"),
                                     MAX_TABLE_CELLS);
                  return FALSE;
                }
              if (!w.prev_blank)
                emit_blank (&w, 0);
              emit (&w, s, n, line);
              table_left = rows + 1;
              in_item = FALSE;
              w.chunk_cells += (guint) cells;
              if (w.chunk_cells >= CHUNK_CELLS)
                w.want_cut = TRUE;
              w.budget = MAX_BRACKETS;
              continue;
            }
        }

      /* Markdown glues an unindented line to the list item above it (a
       * lazy continuation); when the item has ended its sentence and the
       * line starts a new one, the writer meant a paragraph, which is a
       * note of its own citing its own line. */
      if (!self->line_mode)
        {
          if (is_list_item (s, n))
            in_item = TRUE;
          else if (s[0] == '#')
            in_item = FALSE;
          else if (in_item && !w.prev_blank && !is_space (s[0]) && s[0] != '#' && s[0] != '>' &&
                   starts_sentence (s, n) &&
                   (item_ends_sentence ||
                    /* An item without its full stop, then a whole sentence
                     * of its own that starts in capitals. */
                    (item_ends_whole && g_ascii_isupper (s[0]) && ends_sentence (s, n) &&
                     memchr (s, ' ', n) != NULL)))
            {
              emit_blank (&w, 0);
              in_item = FALSE;
              _nf_import_text_repair (self, line,
                                      _("a paragraph right after a list item was read as a "
                                        "note of its own"));
            }
          item_ends_sentence = ends_sentence (s, n);
          item_ends_whole = is_list_item (s, n) && ends_whole (s, n);
        }
      emit_defused (&w, s, n, line);
    }
  cut_chunk (&w);
  return TRUE;
}

void
_nf_import_text_clear (NfImportText *self)
{
  if (self->text)
    g_string_free (self->text, TRUE);
  g_clear_pointer (&self->line_map, g_array_unref);
  g_clear_pointer (&self->chunks, g_array_unref);
  g_clear_pointer (&self->repairs, g_array_unref);
  g_clear_pointer (&self->front.title, g_free);
  g_clear_pointer (&self->front.company, g_free);
  g_clear_pointer (&self->front.date, g_free);
  g_clear_pointer (&self->front.language, g_free);
  g_clear_pointer (&self->front.description, g_free);
  self->text = NULL;
}

guint
_nf_import_text_line (NfImportText        *self,
                      const NfImportChunk *chunk,
                      int                  chunk_line)
{
  const guint *map = (const guint *) (gpointer) self->line_map->data;
  guint n = self->line_map->len;
  guint i;

  if (n == 0)
    return 1;
  i = chunk->first_line + (guint) MAX (chunk_line, 1) - 1;
  i = MIN (i, n - 1);
  /* Lines we added are blank, so nothing starts on one; still, look for
   * the nearest real line rather than cite line 0. */
  for (guint k = i; k < n; k++)
    if (map[k] != 0)
      return map[k];
  for (guint k = i + 1; k-- > 0;)
    if (map[k] != 0)
      return map[k];
  return 1;
}

char *
_nf_import_collapse (const char *text,
                     gsize       max_bytes)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  if (out->len > max_bytes)
    {
      const char *ellipsis = "…";
      gsize keep = max_bytes - strlen (ellipsis);

      while (keep > 0 && ((guchar) out->str[keep] & 0xC0) == 0x80)
        keep--;
      g_string_truncate (out, keep);
      g_string_append (out, ellipsis);
    }
  return g_string_free (out, FALSE);
}
