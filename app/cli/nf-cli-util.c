/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-cli"

#include "config.h"

#include <string.h>

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

/* Breaks each line of text at spaces so no line runs past width columns
 * (a word longer than that keeps its own line). GOptionContext prints
 * descriptions as they are, and a translation may be any length. */
char *
_nf_cli_wrap (const char *text,
              guint       width)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", -1);
      guint column = 0;

      if (i > 0)
        g_string_append_c (out, '\n');
      for (guint w = 0; words[w] != NULL; w++)
        {
          guint word_width = _nf_cli_display_width (words[w]);

          if (*words[w] == '\0')
            continue;
          if (column > 0 && column + 1 + word_width > width)
            {
              g_string_append_c (out, '\n');
              column = 0;
            }
          else if (column > 0)
            {
              g_string_append_c (out, ' ');
              column++;
            }
          g_string_append (out, words[w]);
          column += word_width;
        }
    }
  return g_string_free (out, FALSE);
}
