/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <ninefold.h>

#include "nf-grid-layout.h"

G_BEGIN_DECLS

#define NF_TYPE_EDITOR_PAGE (nf_editor_page_get_type ())
G_DECLARE_FINAL_TYPE (NfEditorPage, nf_editor_page, NF, EDITOR_PAGE, GtkWidget)

/* One open document in a tab: the grid editor, and beside it (a view
 * switcher away) the metric tables. Insensitive while the document is
 * being saved, so nothing is edited between the bytes being taken and the
 * canvas being marked saved.
 *
 * A new page holds only its document: its widgets are built when it is
 * first mapped or when a getter below needs them (the canvas view, the
 * tables, the conflict bar, a source), so tabs never looked at cost
 * nothing. nf_editor_page_get_built() tells which. */
GtkWidget  *nf_editor_page_new             (NfDocument   *document);
NfDocument *nf_editor_page_get_document    (NfEditorPage *self);
gboolean    nf_editor_page_get_built       (NfEditorPage *self);
/* The NfCanvasView of the grid (building the page). */
GtkWidget  *nf_editor_page_get_canvas_view (NfEditorPage *self);
/* The language the canvas view shows notes in (NfCanvasView:language),
 * kept until the view is built. */
void        nf_editor_page_set_language    (NfEditorPage *self,
                                            const char   *language);
/* A layout of the page's canvas made beforehand (the start-up thread's):
 * the view takes it when built, if it fits then (see
 * _nf_canvas_view_adopt_layout()); an edit of the canvas before that
 * drops it. */
void        _nf_editor_page_offer_layout   (NfEditorPage *self,
                                            NfGridLayout *layout);
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

/* The banner of a merge's conflicts (NfConflictBar); NULL while the
 * canvas has had none. */
GtkWidget    *nf_editor_page_get_conflict_bar (NfEditorPage *self);

G_END_DECLS
