/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Without libFuzzer, each target runs over the files and folders named on
 * its command line, so the targets build and their corpora are exercised in
 * every ordinary test run (as GLib does with its fuzzers). */
#include "config.h"

#include <glib.h>

#include "fuzz.h"

static guint count;

static void
run_path (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir && (name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          run_path (child);
        }
    }
  else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *data = NULL;
      gsize size;

      if (!g_file_get_contents (path, &data, &size, NULL))
        return;
      LLVMFuzzerTestOneInput ((const unsigned char *) data, size);
      count++;
    }
}

int
main (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    run_path (argv[i]);
  g_print ("1..1\nok 1 - %u inputs ran through %s\n", count, g_get_prgname () ? g_get_prgname () : argv[0]);
  return count > 0 ? 0 : 1;
}
