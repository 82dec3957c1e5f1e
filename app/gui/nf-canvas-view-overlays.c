/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-view"

#include "config.h"

#include "nf-canvas-view-private.h"
#include <string.h>

#include "nf-canvas-search.h"

/* Where the widgets that float over the grid stand: the in-place editor
 * and the find bar. */

/* The editor's place before it is sized: the card edited, or for a new
 * note the column where it will stand, at the gap it goes into. */
static void
editor_rect (NfCanvasView *self,
             NfRect       *out)
{
  NfRect block, line;

  if (self->edited != NULL && nf_grid_layout_get_card_rect (self->layout, self->edited, out))
    ;
  else if (self->edited == NULL && self->pending != NULL &&
           nf_grid_layout_get_card_rect (self->layout, self->pending, out))
    ;
  else if (self->edited != NULL)
    {
      nf_grid_layout_get_content_rect (self->layout, self->current_block, out);
      out->height = 0;
    }
  else
    {
      nf_grid_layout_get_block_rect (self->layout, self->new_block, &block);
      nf_block_widget_get_gap_line (_nf_canvas_view_block_widget (self, self->new_block),
                                    self->new_index, &line);
      *out = (NfRect) { block.x + line.x, block.y + line.y, line.width, 0 };
      if (out->width <= 0)
        {
          nf_grid_layout_get_content_rect (self->layout, self->new_block, &block);
          out->x = block.x;
          out->width = block.width;
        }
    }
  _nf_canvas_view_from_layout (self, out);
}

/* The height the editor's text needs at a width, in the editor's own
 * font: measured here rather than asked of the text view, whose size
 * lags behind its text until it has validated its lines, which left a
 * new note's editor a few pixels tall while the user typed. */
int
_nf_canvas_view_editor_text_height (GtkWidget *editor,
                                    int        width)
{
  GtkTextView *view = GTK_TEXT_VIEW (editor);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  int inner, height = 0, line_height = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  inner = width - gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view);
  layout = gtk_widget_create_pango_layout (editor, "X");
  pango_layout_get_pixel_size (layout, NULL, &line_height);
  /* A trailing line break starts a line the layout does not count. */
  if (*text != '\0')
    {
      gsize n = strlen (text);

      pango_layout_set_text (layout, text, -1);
      pango_layout_set_width (layout, MAX (1, inner) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (layout, NULL, &height);
      if (text[n - 1] == '\n')
        height += line_height;
    }
  return MAX (height, line_height) +
         gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);
}

static void
allocate_editor (NfCanvasView *self,
                 int           width,
                 int           height)
{
  NfRect r;
  int min_h = 0, text_h, line_h;

  editor_rect (self, &r);
  r.width = MAX (r.width, 120);
  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, (int) r.width,
                      &min_h, NULL, NULL, NULL);
  text_h = _nf_canvas_view_editor_text_height (self->editor, (int) r.width);
  {
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (self->editor, "X");

    pango_layout_get_pixel_size (layout, NULL, &line_h);
  }
  /* Where the layout has made no room for it, a line more than its text. */
  if (self->edited == NULL && self->pending == NULL)
    r.height = MAX (r.height, text_h + line_h);
  r.height = MAX (r.height, MAX (min_h, text_h));
  /* It grows down, and up when the view ends first. */
  if (r.y + r.height > height)
    r.y = MAX (0, height - r.height);
  if (r.x + r.width > width)
    r.x = MAX (0, width - r.width);
  gtk_widget_size_allocate (self->editor,
                            &(GtkAllocation) { (int) r.x, (int) r.y,
                                               MAX (1, (int) r.width), MAX (1, (int) r.height) },
                            -1);
}

/* The find bar's place, top right. */
#define SEARCH_TOP 6
#define SEARCH_RIGHT 12

static gboolean
search_size (NfCanvasView *self,
             int           width,
             int          *out_w,
             int          *out_h)
{
  int min_w = 0, nat_w = 0;

  if (self->search == NULL || !gtk_widget_get_visible (self->search))
    return FALSE;
  gtk_widget_measure (self->search, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
  *out_w = MIN (MAX (min_w, nat_w), width);
  gtk_widget_measure (self->search, GTK_ORIENTATION_VERTICAL, *out_w, out_h, NULL, NULL, NULL);
  return TRUE;
}

int
_nf_canvas_view_search_inset (NfCanvasView *self,
                              int           width)
{
  int w, h;

  if (!search_size (self, width, &w, &h))
    return 0;
  /* Below the bar, with the same room as above it; the grid's own
   * margin counts towards it. */
  return MAX (0, SEARCH_TOP + h + SEARCH_TOP - (int) self->style->margin);
}

void
_nf_canvas_view_allocate_overlays (NfCanvasView *self,
                                   int           width,
                                   int           height)
{
  int w, h;

  if (self->editor != NULL)
    allocate_editor (self, width, height);
  /* Top right, above the grid, like a find bar in a text editor. */
  if (search_size (self, width, &w, &h))
    gtk_widget_size_allocate (self->search,
                              &(GtkAllocation) { MAX (0, width - w - SEARCH_RIGHT), SEARCH_TOP, w, h },
                              -1);
}
