/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Any text as a figure: parsed or not, never a crash; any value parsed is
 * finite and survives the file's number format exactly. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <ninefold.h>
#include <nf-number.h>

#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autofree char *text = NULL;

  if (size > 4096)
    return 0;
  text = g_strndup ((const char *) data, size);
  for (NfColumnType type = NF_COLUMN_TEXT; type <= NF_COLUMN_YEAR; type++)
    {
      double value;

      if (nf_number_parse_for_column (text, type, &value))
        {
          g_autofree char *written = NULL;
          double back;

          if (!isfinite (value))
            g_error ("“%s” parsed to a value that is not finite", text);
          written = nf_number_format_xml (value);
          if (!nf_number_parse_xml (written, &back) || memcmp (&back, &value, sizeof value) != 0)
            g_error ("%s did not read back exactly", written);
        }
    }
  {
    double value;
    (void) nf_number_parse_xml (text, &value);
  }
  return 0;
}
