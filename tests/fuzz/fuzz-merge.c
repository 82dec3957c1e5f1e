/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Three canvases, separated by NUL bytes (which no canvas holds): BASE,
 * OURS and THEIRS. The merge must not crash; what it writes must read back
 * with its conflicts; merging the other way round must give the same file
 * up to which side a conflict names; and a side equal to the base gives
 * the other side's bytes. */
#include "config.h"

#include <string.h>

#include <ninefold.h>

#include "nf-canvas-xml-private.h"
#include "nf-merge-private.h"

#include "fuzz.h"

static GBytes *
swapped_bytes (NfCanvas *canvas)
{
  GPtrArray *conflicts = _nf_canvas_get_conflicts (canvas);

  for (guint i = 0; i < conflicts->len; i++)
    {
      NfConflict *c = conflicts->pdata[i];
      char *t = c->ours;
      NfCell *cell = c->ours_cell;

      c->ours = c->theirs;
      c->theirs = t;
      c->ours_cell = c->theirs_cell;
      c->theirs_cell = cell;
    }
  return _nf_canvas_serialize (canvas, NULL);
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  const char *part[3];
  gsize len[3];
  const char *p = (const char *) data, *end = p + size;
  g_autoptr(NfCanvas) base = NULL;
  g_autoptr(NfCanvas) ours = NULL;
  g_autoptr(NfCanvas) theirs = NULL;
  g_autoptr(NfCanvas) merged = NULL;
  g_autoptr(NfCanvas) back = NULL;
  g_autoptr(NfCanvas) reread = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) out_back = NULL;
  guint n_conflicts = 0;

  if (size > 1024 * 1024)
    return 0;
  for (guint i = 0; i < 3; i++)
    {
      const char *nul = i < 2 ? memchr (p, '\0', end - p) : end;

      if (nul == NULL)
        return 0;
      part[i] = p;
      len[i] = nul - p;
      p = nul < end ? nul + 1 : end;
    }
  base = nf_canvas_load_from_data (part[0], len[0], "base", NULL);
  ours = nf_canvas_load_from_data (part[1], len[1], "ours", NULL);
  theirs = nf_canvas_load_from_data (part[2], len[2], "theirs", NULL);
  if (base == NULL || ours == NULL || theirs == NULL)
    return 0;

  merged = nf_merge (base, ours, theirs, &n_conflicts);
  out = _nf_canvas_serialize (merged, NULL);
  if (out == NULL)
    g_error ("the merge could not be saved");
  reread = nf_canvas_load_from_data (g_bytes_get_data (out, NULL), g_bytes_get_size (out),
                                     "merged", NULL);
  if (reread == NULL)
    g_error ("the merge did not read back");
  if (nf_canvas_get_n_conflicts (reread) > n_conflicts)
    g_error ("the merge read back with more conflicts than it made");

  back = nf_merge (base, theirs, ours, NULL);
  out_back = swapped_bytes (back);
  if (out_back == NULL || !g_bytes_equal (out, out_back))
    g_error ("merging the other way round gave another canvas");

  {
    GBytes *in_base = g_bytes_new_static (part[0], len[0]);
    GBytes *in_ours = g_bytes_new_static (part[1], len[1]);
    const char * const names[3] = { "base", "ours", "theirs" };
    g_autoptr(GBytes) same = nf_merge_bytes (in_base, in_ours, in_base, names, NULL, NULL);

    if (same == NULL || !g_bytes_equal (same, in_ours))
      g_error ("a side equal to the base did not give the other");
    g_bytes_unref (in_base);
    g_bytes_unref (in_ours);
  }
  return 0;
}
