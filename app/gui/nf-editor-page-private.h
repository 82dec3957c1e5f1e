/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-editor-page.h"

G_BEGIN_DECLS

struct _NfEditorPage
{
  GtkWidget        parent_instance;

  NfDocument      *document;
  /* What a tab shows is built when it is first shown or asked for
   * (_nf_editor_page_ensure()): a window opens several documents and
   * shows one. Until then the page holds only its document and what its
   * view will take: the notes' language and a layout made beforehand. */
  gboolean         built;
  char            *language;
  NfGridLayout    *offered;
  GtkWidget       *canvas_view;
  GtkWidget       *tables;

  GtkWidget       *box;
  GtkWidget       *toolbar;
  GtkWidget       *zoom;            /* the canvas view's zoom control */
  AdwViewSwitcher *switcher;
  AdwViewStack    *views;
  GtkPaned        *paned;
  GtkWidget       *side;             /* the paned's end: reader, checks */
  GtkWidget       *conflict_bar;    /* a merge's conflicts, over the views;
                                     * NULL until the canvas has some */
  /* nf-editor-page-version.c: a version from git, shown read only. */
  NfCanvas        *version_of;      /* the canvas it is a version of */
  GtkWidget       *version_bar;

  /* The write-up beside the canvas (nf-editor-page-source.c). */
  GtkWidget       *reader;
  GCancellable    *reader_loading;
  guint            reader_line;      /* to show once loaded; 0 for none */

  /* The findings of a check of the canvas (nf-editor-page-checks.c). */
  GtkWidget       *checks;
};

/* Builds the page's widgets, once. */
void _nf_editor_page_ensure            (NfEditorPage   *self);

void _nf_editor_page_class_init_checks (GtkWidgetClass *widget_class);
/* The side shows while the reader or the checks do. */
void _nf_editor_page_update_side       (NfEditorPage   *self);

void _nf_editor_page_class_init_source (GtkWidgetClass *widget_class);
void _nf_editor_page_init_source       (NfEditorPage   *self);
void _nf_editor_page_dispose_source    (NfEditorPage   *self);
void _nf_editor_page_show_source       (NfEditorPage   *self,
                                        NfSource       *source);
void _nf_editor_page_class_init_version (GtkWidgetClass *widget_class);

G_END_DECLS
