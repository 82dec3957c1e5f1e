/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <ninefold.h>

G_BEGIN_DECLS

#define NF_TYPE_SOURCE_READER (nf_source_reader_get_type ())
G_DECLARE_FINAL_TYPE (NfSourceReader, nf_source_reader, NF, SOURCE_READER, GtkWidget)

/* A write-up (Markdown, plain text, an interview) beside a canvas, with
 * its line numbers, read-only. A selected passage becomes a note: the
 * reader emits ::add-passage with the block (from the digit keys 1–9 or
 * its "Add to Block" menu), and whoever shows it makes the note. Lines
 * that notes already cite are marked. */
GtkWidget  *nf_source_reader_new            (void);

void        nf_source_reader_load_async     (NfSourceReader      *self,
                                             GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean    nf_source_reader_load_finish    (NfSourceReader      *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* Sets the text directly; `name` is what the header shows. */
void        nf_source_reader_set_text       (NfSourceReader      *self,
                                             const char          *text,
                                             const char          *name);

/* Instead of a source, why it is not here (a source whose file was not
 * found, and where it was looked for): `name` names the source. Loading
 * or setting a text shows a source again. */
void        nf_source_reader_show_missing   (NfSourceReader      *self,
                                             const char          *name,
                                             const char          *message);
gboolean    nf_source_reader_is_missing     (NfSourceReader      *self);
GFile      *nf_source_reader_get_file       (NfSourceReader      *self);
const char *nf_source_reader_get_text       (NfSourceReader      *self);
guint       nf_source_reader_get_n_lines    (NfSourceReader      *self);

/* The selected passage as note text (whitespace runs made one space, list
 * markers and emphasis dropped) and its first and last lines, from 1;
 * NULL when nothing is selected. */
char       *nf_source_reader_get_passage    (NfSourceReader      *self,
                                             guint               *first_line,
                                             guint               *last_line);
/* The selection exactly as it stands in the text; NULL for none. */
char       *nf_source_reader_get_selected_text (NfSourceReader   *self);
/* Selects line `line` (from 1) and scrolls it into view. */
gboolean    nf_source_reader_show_line      (NfSourceReader      *self,
                                             guint                line);
/* Marks the lines (from 1) that notes cite; an array of guint. */
void        nf_source_reader_set_cited      (NfSourceReader      *self,
                                             GArray              *lines);
gboolean    nf_source_reader_is_cited       (NfSourceReader      *self,
                                             guint                line);

/* The limit on what the reader opens: a write-up, not a data dump. */
#define NF_SOURCE_READER_MAX_BYTES (8 * 1024 * 1024)

G_END_DECLS
