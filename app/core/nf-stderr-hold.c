/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-export"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#ifdef G_OS_WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

#include "nf-stderr-hold-private.h"

/* What is passed on at most: a library's few lines, another thread's
 * warning; not a flood. */
#define MAX_PASSED (64 * 1024)

struct _NfStderrHold {
  int   saved;     /* the real standard error, dup()ed */
  int   capture;   /* the temporary file standing in for it */
  char *name;
};

static GMutex lock;

NfStderrHold *
_nf_stderr_hold_begin (void)
{
  NfStderrHold *hold = g_new0 (NfStderrHold, 1);

  g_mutex_lock (&lock);
  hold->saved = -1;
  /* A temporary file, not a pipe: nothing need read it while the library
   * writes, and it is the same on every system. */
  hold->capture = g_file_open_tmp ("ninefold-stderr-XXXXXX", &hold->name, NULL);
  if (hold->capture < 0)
    return hold;
  fflush (stderr);
  hold->saved = dup (2);
  if (hold->saved >= 0 && dup2 (hold->capture, 2) < 0)
    {
      close (hold->saved);
      hold->saved = -1;
    }
  return hold;
}

static gboolean
starts_with_any (const char         *line,
                 const char * const *prefixes)
{
  for (guint i = 0; prefixes != NULL && prefixes[i] != NULL; i++)
    if (g_str_has_prefix (line, prefixes[i]))
      return TRUE;
  return FALSE;
}

void
_nf_stderr_hold_end (NfStderrHold       *hold,
                     const char * const *drop)
{
  g_autofree char *held = NULL;
  gsize length = 0;

  if (hold == NULL)
    return;
  if (hold->saved >= 0)
    {
      fflush (stderr);
      dup2 (hold->saved, 2);
      close (hold->saved);
    }
  if (hold->capture >= 0)
    {
      close (hold->capture);
      if (hold->saved >= 0 && g_file_get_contents (hold->name, &held, &length, NULL))
        {
          g_auto(GStrv) lines = g_strsplit (held, "\n", -1);
          gsize passed = 0;

          for (guint i = 0; lines[i] != NULL && passed < MAX_PASSED; i++)
            {
              if (lines[i][0] == '\0' && lines[i + 1] == NULL)
                break;
              if (starts_with_any (lines[i], drop))
                continue;
              fprintf (stderr, "%s\n", lines[i]);
              passed += strlen (lines[i]) + 1;
            }
        }
      g_unlink (hold->name);
    }
  g_free (hold->name);
  g_free (hold);
  g_mutex_unlock (&lock);
}
