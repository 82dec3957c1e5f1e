/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Any bytes at all: the loader must refuse or accept without crashing, and
 * whatever it accepts must save, and read back the same. */
#include "config.h"

#include <ninefold.h>

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(NfCanvas) reread = NULL;

  if (size > 512 * 1024)
    return 0;
  canvas = nf_canvas_load_from_data ((const char *) data, size, "fuzz", NULL);
  if (canvas == NULL)
    return 0;
  saved = nf_canvas_save_to_bytes (canvas, NULL);
  if (saved == NULL)
    g_error ("a canvas that loaded could not be saved");
  reread = nf_canvas_load_from_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                     "fuzz-saved", NULL);
  if (reread == NULL || !nf_canvas_equal (canvas, reread))
    g_error ("a saved canvas did not read back the same");
  return 0;
}
