/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <ninefold.h>

G_BEGIN_DECLS

#define NF_TYPE_EDITOR_PAGE (nf_editor_page_get_type ())
G_DECLARE_FINAL_TYPE (NfEditorPage, nf_editor_page, NF, EDITOR_PAGE, GtkWidget)

/* One open document in a tab: the grid editor, and beside it (a view
 * switcher away) the metric tables. Insensitive while the document is
 * being saved, so nothing is edited between the bytes being taken and the
 * canvas being marked saved. */
GtkWidget  *nf_editor_page_new             (NfDocument   *document);
NfDocument *nf_editor_page_get_document    (NfEditorPage *self);
/* The NfCanvasView of the grid. */
GtkWidget  *nf_editor_page_get_canvas_view (NfEditorPage *self);
/* Shows the metric tables and returns their NfTableEditor. */
GtkWidget  *nf_editor_page_get_table_editor (NfEditorPage *self);
/* Adds a page to the view switcher, e.g. the metric tables. */
void        nf_editor_page_add_view        (NfEditorPage *self,
                                            GtkWidget    *child,
                                            const char   *name,
                                            const char   *title,
                                            const char   *icon_name);

/* Opens a write-up beside the canvas (see NfSourceReader) and, when
 * `line` is not 0, shows that line of it. */
void        nf_editor_page_open_source     (NfEditorPage *self,
                                            GFile        *file,
                                            guint         line);
/* The NfSourceReader, or NULL while none was opened. */
GtkWidget  *nf_editor_page_get_source_reader (NfEditorPage *self);

/* Shows the page's canvas as a version of `canvas` (a commit from git),
 * read only: no edit, save, snapshot or details; a banner "Version of …
 * — read only" offers Restore This Version (into `canvas`, one undoable
 * step: page.restore-version) and Compare With Current
 * (page.compare-version). */
void          nf_editor_page_set_version_of   (NfEditorPage *self,
                                               NfCanvas     *canvas);
gboolean      nf_editor_page_get_read_only    (NfEditorPage *self);

/* The banner of a merge's conflicts (NfConflictBar). */
GtkWidget    *nf_editor_page_get_conflict_bar (NfEditorPage *self);

G_END_DECLS
