/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "nf-cli-private.h"
#include "nf-open.h"

NfCanvas *
_nf_cli_load_any (const char  *path,
                  gboolean    *out_imported,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return nf_load_any_file (file, out_imported, NULL, error);
}

/* What a command is done with just before the process ends: three
 * canvases of 150,000 table rows and their diff are millions of blocks,
 * and freeing them one by one was a tenth of the diff's CPU time, when
 * the exit hands all the pages back at once. They stay reachable from
 * here, so valgrind and LeakSanitizer see memory still in use, not lost;
 * the unit tests free the same objects and check nothing leaks. */
void
_nf_cli_keep_until_exit (gpointer data)
{
  static GPtrArray *kept;

  if (data == NULL)
    return;
  if (kept == NULL)
    kept = g_ptr_array_new ();
  g_ptr_array_add (kept, data);
}

/* Text from files and names goes to a terminal: a control character
 * (C0 but tab and newline, DEL, C1 such as U+009B, the one-byte CSI)
 * could move the cursor or rewrite the screen, so it is shown as an
 * escape instead. Invalid UTF-8 is shown as \xNN. */
char *
_nf_cli_escape (const char *text,
                gssize      length)
{
  const char *end = text + (length < 0 ? strlen (text) : (gsize) length);
  GString *out = NULL;
  const char *p = text;

  while (p < end)
    {
      const char *run = p;
      gunichar c;
      gsize n;

      /* Printable ASCII, tab and newline pass as they are, a run at a
       * time: nearly all of a long output. */
      while (p < end && ((*p >= 0x20 && *p < 0x7F) || *p == '\n' || *p == '\t'))
        p++;
      if (out != NULL && p > run)
        g_string_append_len (out, run, p - run);
      if (p == end)
        break;
      c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          if (out == NULL)
            out = g_string_new_len (text, p - text);
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      n = (gsize) (g_utf8_next_char (p) - p);
      /* Bidirectional embeddings, overrides and isolates reorder what
       * follows them on a terminal that honours them: a name could show
       * as another. */
      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F) ||
          (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        {
          if (out == NULL)
            out = g_string_new_len (text, p - text);
          g_string_append_printf (out, "\\u%04X", c);
        }
      else if (out != NULL)
        g_string_append_len (out, p, n);
      p += n;
    }
  return out != NULL ? g_string_free (out, FALSE) : g_strndup (text, end - text);
}

/* g_string_append_printf (out, format, a, b, c) for a translated format
 * of plain "%s" only, which is what a line of findings is: printf cost
 * more than the finding. Anything else in the format (a translator's
 * "%2$s") goes to printf. */
void
_nf_cli_append_strings (GString    *out,
                        const char *format,
                        const char *a,
                        const char *b,
                        const char *c)
{
  const char *args[3] = { a, b, c };
  gsize start = out->len;
  guint n = 0;

  for (const char *p = format; *p; p++)
    {
      if (*p != '%')
        g_string_append_c (out, *p);
      else if (p[1] == '%')
        g_string_append_c (out, *++p);
      else if (p[1] == 's' && n < G_N_ELEMENTS (args))
        {
          g_string_append (out, args[n++]);
          p++;
        }
      else
        {
          g_string_truncate (out, start);
          g_string_append_printf (out, format, a, b, c);
          return;
        }
    }
}

gboolean
_nf_cli_print (const char *text)
{
  g_autofree char *safe = _nf_cli_escape (text, -1);
  gsize n = strlen (safe);

  return _nf_cli_write_stdout (safe, n);
}

/* A full disk or a closed pipe must not pass for success: the command
 * says so and fails. */
gboolean
_nf_cli_write_stdout (const char *data,
                      gsize       length)
{
  if ((length > 0 && fwrite (data, 1, length, stdout) != length) || fflush (stdout) != 0)
    {
      int saved = errno;

      g_printerr ("ninefold: ");
      g_printerr (_("Could not write to standard output: %s"), g_strerror (saved));
      g_printerr ("\n");
      return FALSE;
    }
  return TRUE;
}

guint
_nf_cli_display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

void
_nf_cli_append_padded (GString    *out,
                       const char *text,
                       guint       width,
                       gboolean    right)
{
  guint used = _nf_cli_display_width (text);
  guint pad = used < width ? width - used : 0;

  if (!right)
    g_string_append (out, text);
  for (guint i = 0; i < pad; i++)
    g_string_append_c (out, ' ');
  if (right)
    g_string_append (out, text);
}

/* Characters a line may not start with (closing punctuation) or end with
 * (opening punctuation), so breaks between Chinese characters do not leave
 * a “，” at the start of a line or a “（” at the end of one. */
static gboolean
no_break_before (gunichar c)
{
  switch (g_unichar_break_type (c))
    {
    case G_UNICODE_BREAK_CLOSE_PUNCTUATION:
    case G_UNICODE_BREAK_CLOSE_PARANTHESIS:
    case G_UNICODE_BREAK_EXCLAMATION:
    case G_UNICODE_BREAK_INFIX_SEPARATOR:
    case G_UNICODE_BREAK_NON_STARTER:
    case G_UNICODE_BREAK_POSTFIX:
      return TRUE;
    default:
      return c == 0x201D || c == 0x2019;  /* ” ’ close in running text */
    }
}

static gboolean
no_break_after (gunichar c)
{
  return g_unichar_break_type (c) == G_UNICODE_BREAK_OPEN_PUNCTUATION ||
         c == 0x201C || c == 0x2018;  /* “ ‘ */
}

typedef struct {
  GString *text;
  guint    width;
  gboolean space_before;
} Piece;

static void
piece_clear (gpointer data)
{
  Piece *piece = data;

  g_string_free (piece->text, TRUE);
}

/* Splits a line into the pieces it may break between: words at spaces,
 * and each wide (CJK) character on its own, since Chinese has no spaces. */
static GArray *
split_pieces (const char *line)
{
  GArray *pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  gboolean space = FALSE;
  gboolean joinable = FALSE;  /* the next character may extend the last piece */
  gunichar last = 0;

  g_array_set_clear_func (pieces, piece_clear);
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean wide = g_unichar_iswide (c);
      Piece *piece;

      if (c == ' ')
        {
          space = TRUE;
          joinable = FALSE;
          continue;
        }
      if (pieces->len > 0 && !space &&
          (joinable && !wide ? TRUE : no_break_before (c) || no_break_after (last)))
        piece = &g_array_index (pieces, Piece, pieces->len - 1);
      else
        {
          Piece fresh = { g_string_new (NULL), 0, space && pieces->len > 0 };

          g_array_append_val (pieces, fresh);
          piece = &g_array_index (pieces, Piece, pieces->len - 1);
        }
      g_string_append_unichar (piece->text, c);
      if (!g_unichar_iszerowidth (c))
        piece->width += wide ? 2 : 1;
      space = FALSE;
      joinable = !wide;
      last = c;
    }
  return pieces;
}

/* Breaks each line of text so no line runs past width columns (a word
 * longer than that keeps its own line): at spaces, and between Chinese
 * characters. GOptionContext prints descriptions as they are, and a
 * translation may be any length. */
char *
_nf_cli_wrap (const char *text,
              guint       width)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GArray) pieces = split_pieces (lines[i]);
      guint column = 0;

      if (i > 0)
        g_string_append_c (out, '\n');
      for (guint k = 0; k < pieces->len; k++)
        {
          const Piece *piece = &g_array_index (pieces, Piece, k);
          guint gap = piece->space_before ? 1 : 0;

          if (column > 0 && column + gap + piece->width > width)
            {
              g_string_append_c (out, '\n');
              column = 0;
            }
          else if (gap > 0 && column > 0)
            {
              g_string_append_c (out, ' ');
              column++;
            }
          g_string_append (out, piece->text->str);
          column += piece->width;
        }
    }
  return g_string_free (out, FALSE);
}
