/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "nf-evidence.h"
#include "nf-text.h"

G_BEGIN_DECLS

#define NF_TYPE_NOTE (nf_note_get_type ())

G_DECLARE_FINAL_TYPE (NfNote, nf_note, NF, NOTE, GObject)

/* A note is changed only through NfCanvas's edit functions, so that every
 * change is undoable; the getters are all a view needs. Each property
 * emits notify when its value changes. */
NfNote             *nf_note_new             (const char    *id,
                                             NfText        *text);
NfNote             *nf_note_copy            (NfNote        *self,
                                             const char    *new_id);
const char         *nf_note_get_id          (NfNote        *self);
NfText             *nf_note_get_text        (NfNote        *self);
const char         *nf_note_get_colour      (NfNote        *self);
const char * const *nf_note_get_tags        (NfNote        *self);
NfEvidence          nf_note_get_evidence    (NfNote        *self);
const char         *nf_note_get_cite_source (NfNote        *self);
guint               nf_note_get_cite_line   (NfNote        *self);
gboolean            nf_note_equal           (NfNote        *a,
                                             NfNote        *b);

/* Checks a colour as the file format spells it: "#rrggbb". */
gboolean            nf_colour_is_valid      (const char    *colour);

G_END_DECLS
