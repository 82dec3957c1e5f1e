/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-canvas-view.h"
#include "nf-grid-style.h"
#include "nf-merge.h"

G_BEGIN_DECLS

/* Shared by nf-canvas-view.c (layout, focus, selection, drag and drop)
 * and nf-canvas-view-actions.c (the editor, menus and actions). */
struct _NfCanvasView
{
  GtkWidget     parent_instance;
  NfCanvas     *canvas;
  NfGridLayout *layout;
  NfGridStyle  *base_style;     /* light or dark, at zoom 1 */
  NfGridStyle  *style;          /* base_style scaled by the zoom */
  double        zoom;           /* 1 fits the canvas to the view */
  GtkAdjustment *hadj, *vadj;   /* the scroll offset while zoomed in */
  GtkWidget    *hbar, *vbar;
  char         *language;
  GtkWidget    *blocks[NF_N_BLOCKS];

  GtkWidget    *editor;         /* an entry over the card, while a note is edited */
  NfNote       *edited;         /* NULL while a new note is being written */
  NfNote       *pending;        /* its stand-in in the layout meanwhile */
  int           pending_height; /* the editor's text height it was made at */
  NfBlock       new_block;      /* where a new note goes */
  guint         new_index;

  GtkWidget    *popover;        /* the context menu, tags or a block's notes */
  NfRect        popover_rect;   /* what it points to, in view coordinates */

  GHashTable   *selection;      /* NfNote → itself, owned */
  NfNote       *anchor;         /* the note actions apply to while focus is in a popover */
  /* The note last added from the editor, and the note focused when it was
   * begun (NULL: its block): undoing the add gives the focus back there. */
  NfNote       *added;
  NfNote       *added_after;
  int           laid_width, laid_height;
  gboolean      prelaid;        /* the layout is laid out at its size and up to date */
  guint         n_allocations;  /* times the grid was laid out (tests) */
  gboolean      dirty;
  NfBlock       current_block;  /* where add-note puts a note */

  GtkWidget    *search;         /* the find bar (NfCanvasSearch), once opened */
  int           top_inset;      /* the grid starts this far down, below the find bar */
  /* nf-canvas-view-zoom.c */
  GtkWidget    *zoom_box;       /* − 100 % + over the bottom right corner */
  GtkWidget    *zoom_label;
  GtkWidget    *zoom_in, *zoom_out;
  GtkWidget    *back_button;    /* back to the whole canvas from a focused block */
  guint         n_conflicts;    /* the canvas's, when the cards were last laid out */
  gboolean      read_only;      /* a version from git: looked at, never edited */
  NfNote       *pending_show;   /* to show once its card is laid out (nf-canvas-view-conflicts.c) */
};

typedef enum {
  NF_DIRECTION_LEFT,
  NF_DIRECTION_RIGHT,
  NF_DIRECTION_UP,
  NF_DIRECTION_DOWN,
} NfDirection;

/* nf-canvas-view.c */
NfBlockWidget *_nf_canvas_view_block_widget (NfCanvasView *self,
                                             NfBlock       block);
GtkWidget *_nf_canvas_view_focus_widget (NfCanvasView *self);
/* The block a widget of the grid belongs to, or NULL for anything else
 * (the editor, a popover). */
NfBlockWidget *_nf_canvas_view_block_of (NfCanvasView *self,
                                         GtkWidget    *widget);
void     _nf_canvas_view_sync_selection (NfCanvasView *self);
/* nf-canvas-view-conflicts.c: after every layout, shows the note that
 * nf_canvas_view_show_note() was asked for before it had a card. */
void     _nf_canvas_view_show_pending   (NfCanvasView *self);
void     _nf_canvas_view_sync           (NfCanvasView *self);
NfNote  *_nf_canvas_view_focused_note   (NfCanvasView *self);
gboolean _nf_canvas_view_grid_has_focus (NfCanvasView *self);
/* The note actions apply to: the focused one, or the one a popover was
 * opened for. */
NfNote  *_nf_canvas_view_action_note    (NfCanvasView *self);
/* The selection plus the action note, in canvas order; owned refs. */
GPtrArray *_nf_canvas_view_targets      (NfCanvasView *self);
gboolean _nf_canvas_view_focus_note     (NfCanvasView *self,
                                         NfNote       *note);
NfBlock  _nf_canvas_view_neighbour      (NfCanvasView *self,
                                         NfBlock       from,
                                         double        x,
                                         double        y,
                                         NfDirection   direction);
void     _nf_canvas_view_clear_selection (NfCanvasView *self);
void     _nf_canvas_view_show_popover   (NfCanvasView *self,
                                         GtkWidget    *popover,
                                         const NfRect *rect);

/* View coordinates (what events and child bounds use) to the layout's,
 * which are scrolled by the adjustments, and back. */
void     _nf_canvas_view_to_layout      (NfCanvasView *self,
                                         double       *x,
                                         double       *y);
void     _nf_canvas_view_from_layout    (NfCanvasView *self,
                                         NfRect       *rect);

/* nf-canvas-view-input.c */
/* What a press does at a point of the view: focus, Ctrl+click selection,
 * the context menu, double-click to edit or add. TRUE when it took it.
 * Tests call it with the modifiers a synthesised press lacks. */
gboolean _nf_canvas_view_click          (NfCanvasView    *self,
                                         int              n_press,
                                         guint            button,
                                         GdkModifierType  state,
                                         double           x,
                                         double           y);
void     _nf_canvas_view_init_input     (NfCanvasView *self);
void     _nf_canvas_view_class_init_input (GtkWidgetClass *widget_class);

/* nf-canvas-view-zoom.c */
void     _nf_canvas_view_init_zoom      (NfCanvasView *self);
void     _nf_canvas_view_class_init_zoom (GtkWidgetClass *widget_class);
/* Rebuilds self->style from base_style at the zoom. */
void     _nf_canvas_view_scale_style    (NfCanvasView *self);
/* Sets the scroll range for the view's size; returns the layout size. */
void     _nf_canvas_view_update_scroll  (NfCanvasView *self,
                                         int           width,
                                         int           height,
                                         int          *out_width,
                                         int          *out_height);
void     _nf_canvas_view_allocate_bars  (NfCanvasView *self,
                                         int           width,
                                         int           height);
/* Shows one block over the whole view (NF_BLOCK_NONE: the canvas). */
void     _nf_canvas_view_focus_block    (NfCanvasView *self,
                                         NfBlock       block);
/* Scrolls so a rectangle of the layout is in sight. */
void     _nf_canvas_view_scroll_to      (NfCanvasView *self,
                                         const NfRect *rect);

/* nf-canvas-view-overlays.c */
/* Sizes and places the editor and the find bar over the grid. */
void     _nf_canvas_view_allocate_overlays (NfCanvasView *self,
                                            int           width,
                                            int           height);
int      _nf_canvas_view_editor_text_height (GtkWidget *editor,
                                             int        width);

/* nf-canvas-view-overlays.c: how far down the grid goes to leave the
 * find bar's place free (0 while it is hidden). */
int      _nf_canvas_view_search_inset   (NfCanvasView *self,
                                         int           width);
/* nf-canvas-search.c: marks the cards of the last search again after the
 * grid gave its card widgets other notes. */
void     _nf_canvas_view_sync_search    (NfCanvasView *self);
void     _nf_canvas_view_class_init_search (GtkWidgetClass *widget_class);

/* nf-note-clipboard.c */
void     _nf_canvas_view_class_init_clipboard (GtkWidgetClass *widget_class);

/* nf-canvas-view-conflicts.c */
/* The merge conflict a note is one side of, or NULL; out_index: where. */
const NfConflict *_nf_canvas_view_note_conflict (NfCanvasView *self,
                                                 NfNote       *note,
                                                 guint        *out_index);
/* "ours", "theirs", "both", as view.resolve-conflict takes them. */
gboolean    _nf_conflict_choice_from_string (const char       *name,
                                             NfConflictChoice *out_choice);
/* The section of a note's menu that settles its conflict; NULL for none. */
GMenuModel *_nf_canvas_view_conflict_menu   (NfCanvasView *self,
                                             NfNote       *note);
void        _nf_canvas_view_check_conflicts (NfCanvasView *self);
void        _nf_canvas_view_class_init_conflicts (GtkWidgetClass *widget_class);

/* nf-note-details.c */
void     _nf_canvas_view_class_init_details (GtkWidgetClass *widget_class);

/* nf-canvas-view-popovers.c */
/* The palette's name of a colour ("Yellow"), NULL for another colour. */
const char *_nf_canvas_view_colour_name (const char *colour);
/* A popover that gives focus back to the grid when it closes. */
GtkWidget  *_nf_canvas_view_new_popover (NfCanvasView *self,
                                         GtkWidget    *popover);
void     _nf_canvas_view_class_init_popovers (GtkWidgetClass *widget_class);

/* nf-canvas-view-actions.c */
void     _nf_canvas_view_class_init_actions (GtkWidgetClass *widget_class);
void     _nf_canvas_view_update_actions (NfCanvasView *self);
void     _nf_canvas_view_close_editor   (NfCanvasView *self);
/* After a deletion: a toast with Undo. */
void     _nf_canvas_view_toast_undo     (NfCanvasView *self,
                                         guint         n_deleted);
void     _nf_canvas_view_open_menu      (NfCanvasView *self,
                                         double        x,
                                         double        y);
/* The variant of a note's text the view shows (its language's
 * translation where there is one), and that variant replaced by what was
 * typed: editing what is shown never overwrites the text in another
 * language. */
const char *_nf_canvas_view_shown_text  (NfCanvasView *self,
                                         NfText       *text);
NfText     *_nf_canvas_view_edited_text (NfCanvasView *self,
                                         NfText       *old,
                                         const char   *value);

G_END_DECLS
