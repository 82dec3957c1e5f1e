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
/* The last line a citation names: the same as the first for one line
 * (line="12"), later for a range (line="73-74"); 0 when it names none. */
guint               nf_note_get_cite_line_end (NfNote      *self);
/* What the note is marked as conflicting with, as references: another
 * note's id ("n81"), a table ("#t7", its figures as a whole) or one row
 * of a table ("#t7/3", rows counted from 1); see nf_conflict_ref_parse.
 * An empty list for none. */
const char * const *nf_note_get_conflicts   (NfNote        *self);
gboolean            nf_note_conflicts_with  (NfNote        *self,
                                             const char    *ref);
gboolean            nf_note_equal           (NfNote        *a,
                                             NfNote        *b);

/* Splits a conflict reference into whether it names a table, the id
 * and the row (0 for none, or for a note); FALSE when it is not one. */
gboolean            nf_conflict_ref_parse   (const char    *ref,
                                             gboolean      *out_is_table,
                                             char         **out_id,
                                             guint         *out_row);
/* The reference to a table (row 0) or one of its rows (from 1). */
char               *nf_conflict_ref_for_table (const char  *table_id,
                                               guint        row);

/* Checks a colour as the file format spells it: "#rrggbb". */
gboolean            nf_colour_is_valid      (const char    *colour);

G_END_DECLS
