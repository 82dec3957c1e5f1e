/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-note.h"

G_BEGIN_DECLS

/* Only the canvas's edit operations and the loader change a note. */
void       _nf_note_set_text        (NfNote             *self,
                                     NfText             *text);
void       _nf_note_set_colour      (NfNote             *self,
                                     const char         *colour);
void       _nf_note_set_tags        (NfNote             *self,
                                     const char * const *tags);
void       _nf_note_set_evidence    (NfNote             *self,
                                     NfEvidence          evidence);
void       _nf_note_set_cite        (NfNote             *self,
                                     const char         *source_id,
                                     guint               line);
/* line_end: the last line of a range, or 0 (or `line`) for one line. */
void       _nf_note_set_cite_range  (NfNote             *self,
                                     const char         *source_id,
                                     guint               line,
                                     guint               line_end);
void       _nf_note_set_conflicts   (NfNote             *self,
                                     const char * const *refs);
/* The loader's: while loading, the setters above notify no one. */
void       _nf_note_set_loading     (NfNote             *self,
                                     gboolean            loading);
void       _nf_note_reset           (NfNote             *self,
                                     const char         *id,
                                     NfText             *text);
/* Elements from a newer minor version of the format, kept verbatim. */
GPtrArray *_nf_note_get_extensions  (NfNote             *self);
/* The same, or NULL when there are none (made by the getter above). */
GPtrArray *_nf_note_peek_extensions (NfNote             *self);

G_END_DECLS
