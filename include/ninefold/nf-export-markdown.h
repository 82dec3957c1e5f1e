/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "nf-canvas.h"

G_BEGIN_DECLS

/* A canvas as a Markdown write-up that nf_import_from_data() reads back
 * to the same blocks, notes and metric tables: front matter with the
 * title, company, language, description and date; a "## <Block>" section
 * per block with its notes as list items and its tables as pipe tables
 * under a "### <title>" sub-heading; then the tables of no block and the
 * sources, for people. Text is escaped so that Markdown reads it back as
 * written. What the importer cannot carry (note ids, colours, evidence,
 * tags, citations, translations, snapshots) is left out; docs/EXPORT.md
 * lists it. `lang` picks the notes' translation (nf_text_for_language);
 * NULL for their own text. Never fails. */
char     *nf_export_markdown         (NfCanvas     *canvas,
                                      const char   *lang);
/* The same, written to `file` atomically. */
gboolean  nf_export_markdown_to_file (NfCanvas     *canvas,
                                      const char   *lang,
                                      GFile        *file,
                                      GCancellable *cancellable,
                                      GError      **error);

G_END_DECLS
