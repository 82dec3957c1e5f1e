/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Any text as a write-up: refused or imported, never a crash, and what is
 * imported is a canvas that saves. */
#include "config.h"

#include <ninefold.h>
#include <nf-import.h>

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(NfCanvas) canvas = NULL;
  g_autoptr(GBytes) saved = NULL;

  if (size > 512 * 1024)
    return 0;
  canvas = nf_import_from_data ((const char *) data, size, "fuzz.md", NULL);
  if (canvas == NULL)
    return 0;
  saved = nf_canvas_save_to_bytes (canvas, NULL);
  if (saved == NULL)
    g_error ("an imported canvas could not be saved");
  return 0;
}
