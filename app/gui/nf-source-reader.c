/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-source-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nf-gui-resources-private.h"
#include "nf-import.h"
#include "nf-source-reader.h"

struct _NfSourceReader
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkLabel      *title;
  GtkWidget     *hint;
  GtkMenuButton *add_button;
  GtkTextView   *text_view;
  GtkWidget     *scroller;
  GtkWidget     *gutter;
  GtkTextTag    *cited_tag;
  GtkTextTag    *shown_tag;

  GFile         *file;
  char          *text;
  GHashTable    *cited;          /* line (from 1) → itself */
  gboolean       missing;        /* showing why a source is not here, not a source */
};

G_DEFINE_FINAL_TYPE (NfSourceReader, nf_source_reader, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ADD_PASSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- Line numbers, in a gutter beside the text --- */

static void
draw_line_numbers (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        data)
{
  NfSourceReader *self = NF_SOURCE_READER (data);
  GtkTextView *view = self->text_view;
  GdkRectangle visible;
  GtkTextIter iter;
  GdkRGBA colour;
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &colour);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &iter, visible.y, NULL);
  while (TRUE)
    {
      int y = 0, line_height = 0, window_y = 0, text_width = 0, text_height = 0;
      guint line = (guint) gtk_text_iter_get_line (&iter) + 1;
      char number[16];

      gtk_text_view_get_line_yrange (view, &iter, &y, &line_height);
      if (y > visible.y + visible.height)
        break;
      gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_LEFT, 0, y, NULL, &window_y);
      g_snprintf (number, sizeof number, "%u", line);
      pango_layout_set_text (layout, number, -1);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      /* Cited lines' numbers full strength, the rest dimmed. */
      colour.alpha = g_hash_table_contains (self->cited, GUINT_TO_POINTER (line)) ? 1.0 : 0.55;
      gdk_cairo_set_source_rgba (cr, &colour);
      cairo_move_to (cr, width - 6 - text_width, window_y);
      pango_cairo_show_layout (cr, layout);
      if (!gtk_text_iter_forward_line (&iter))
        break;
    }
  g_object_unref (layout);
}

static void
size_gutter (NfSourceReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *widest = g_strdup_printf ("%d", gtk_text_buffer_get_line_count (buffer));
  PangoLayout *layout = gtk_widget_create_pango_layout (self->gutter, widest);
  int width = 0;

  pango_layout_get_pixel_size (layout, &width, NULL);
  gtk_widget_set_size_request (self->gutter, width + 14, -1);
  g_object_unref (layout);
  gtk_widget_queue_draw (self->gutter);
}

/* --- The passage --- */

char *
nf_source_reader_get_passage (NfSourceReader *self,
                              guint          *first_line,
                              guint          *last_line)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *raw = NULL;
  g_autofree char *passage = NULL;
  int last;

  g_return_val_if_fail (NF_IS_SOURCE_READER (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  if (self->missing || !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return NULL;
  last = gtk_text_iter_get_line (&end);
  /* A selection that ends at the start of a line does not take it. */
  if (gtk_text_iter_starts_line (&end) && last > gtk_text_iter_get_line (&start))
    last--;
  raw = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  passage = nf_import_passage_text (raw);
  if (passage == NULL)
    return NULL;
  if (first_line != NULL)
    *first_line = (guint) gtk_text_iter_get_line (&start) + 1;
  if (last_line != NULL)
    *last_line = (guint) last + 1;
  return g_steal_pointer (&passage);
}

char *
nf_source_reader_get_selected_text (NfSourceReader *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (NF_IS_SOURCE_READER (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return NULL;
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
add_passage_to (NfSourceReader *self,
                NfBlock         block)
{
  g_autofree char *passage = nf_source_reader_get_passage (self, NULL, NULL);

  if (passage == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  g_signal_emit (self, signals[SIGNAL_ADD_PASSAGE], 0, block);
}

static void
add_to_block_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  int block = g_variant_get_int32 (parameter);

  if (block >= 0 && block < NF_N_BLOCKS)
    add_passage_to (NF_SOURCE_READER (widget), (NfBlock) block);
}

/* 1–9 with a passage selected: the block of that number, in canvas order
 * (as Ctrl+1…9 in the canvas). The text is read-only, so digits are free. */
static gboolean
on_key_pressed (NfSourceReader        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  int block = -1;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    block = (int) (keyval - GDK_KEY_1);
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    block = (int) (keyval - GDK_KEY_KP_1);
  if (block < 0 || !gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (self->text_view)))
    return FALSE;
  add_passage_to (self, (NfBlock) block);
  return TRUE;
}

static void
selection_changed (NfSourceReader *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button),
                            !self->missing &&
                            gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (self->text_view)));
}

/* --- Cited lines --- */

static void
apply_cited (NfSourceReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  GHashTableIter iter;
  gpointer key;
  int n_lines = gtk_text_buffer_get_line_count (buffer);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->cited_tag, &start, &end);
  g_hash_table_iter_init (&iter, self->cited);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int line = GPOINTER_TO_INT (key) - 1;

      if (line < 0 || line >= n_lines)
        continue;
      gtk_text_buffer_get_iter_at_line (buffer, &start, line);
      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      gtk_text_buffer_apply_tag (buffer, self->cited_tag, &start, &end);
    }
  gtk_widget_queue_draw (self->gutter);
}

void
nf_source_reader_set_cited (NfSourceReader *self,
                            GArray         *lines)
{
  g_return_if_fail (NF_IS_SOURCE_READER (self));

  g_hash_table_remove_all (self->cited);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      guint line = g_array_index (lines, guint, i);

      if (line > 0)
        g_hash_table_add (self->cited, GUINT_TO_POINTER (line));
    }
  apply_cited (self);
}

gboolean
nf_source_reader_is_cited (NfSourceReader *self,
                           guint           line)
{
  g_return_val_if_fail (NF_IS_SOURCE_READER (self), FALSE);
  return g_hash_table_contains (self->cited, GUINT_TO_POINTER (line));
}

gboolean
nf_source_reader_show_line (NfSourceReader *self,
                            guint           line)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (NF_IS_SOURCE_READER (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->text_view);
  if (line == 0 || line > (guint) gtk_text_buffer_get_line_count (buffer))
    return FALSE;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->shown_tag, &start, &end);
  gtk_text_buffer_get_iter_at_line (buffer, &start, (int) line - 1);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_apply_tag (buffer, self->shown_tag, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (buffer), 0.0, TRUE, 0.0, 0.3);
  return TRUE;
}

/* --- Loading --- */

void
nf_source_reader_set_text (NfSourceReader *self,
                           const char     *text,
                           const char     *name)
{
  g_return_if_fail (NF_IS_SOURCE_READER (self));
  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));

  self->missing = FALSE;
  gtk_widget_set_visible (self->gutter, TRUE);
  gtk_widget_set_visible (self->hint, TRUE);
  g_free (self->text);
  self->text = g_strdup (text);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  gtk_label_set_text (self->title, name != NULL ? name : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), name);
  g_hash_table_remove_all (self->cited);
  size_gutter (self);
}

void
nf_source_reader_show_missing (NfSourceReader *self,
                               const char     *name,
                               const char     *message)
{
  g_return_if_fail (NF_IS_SOURCE_READER (self));
  g_return_if_fail (message != NULL);

  /* No source is open: nothing to cite, no lines to number. */
  self->missing = TRUE;
  g_clear_object (&self->file);
  g_clear_pointer (&self->text, g_free);
  g_hash_table_remove_all (self->cited);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), message, -1);
  gtk_label_set_text (self->title, name != NULL ? name : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), name);
  gtk_widget_set_visible (self->gutter, FALSE);
  gtk_widget_set_visible (self->hint, FALSE);
  selection_changed (self);
}

gboolean
nf_source_reader_is_missing (NfSourceReader *self)
{
  g_return_val_if_fail (NF_IS_SOURCE_READER (self), FALSE);
  return self->missing;
}

/* The first line holding a byte that is not UTF-8 or a NUL, from 1. */
static guint
bad_line (const char *data,
          gsize       length)
{
  const char *end = NULL;
  guint line = 1;

  if (g_utf8_validate_len (data, length, &end))
    end = memchr (data, '\0', length);
  for (const char *p = data; end != NULL && p < end; p++)
    if (*p == '\n')
      line++;
  return line;
}

static void
loaded (GObject      *object,
        GAsyncResult *result,
        gpointer      data)
{
  g_autoptr(GTask) task = data;
  NfSourceReader *self = g_task_get_source_object (task);
  GFile *file = G_FILE (object);
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *base = g_file_get_basename (file);
  gsize length = 0;
  GError *error = NULL;

  if (!g_file_load_contents_finish (file, result, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (length > NF_SOURCE_READER_MAX_BYTES)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("%s: %.1f MB is too long for a write-up (at most %d MB)"),
                               name, length / 1e6, NF_SOURCE_READER_MAX_BYTES / (1024 * 1024));
      return;
    }
  if (!g_utf8_validate_len (contents, length, NULL) || memchr (contents, '\0', length) != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("%s:%u: not UTF-8 text; save the write-up as UTF-8 text or Markdown"),
                               name, bad_line (contents, length));
      return;
    }
  g_set_object (&self->file, file);
  nf_source_reader_set_text (self, contents, base);
  g_task_return_boolean (task, TRUE);
}

void
nf_source_reader_load_async (NfSourceReader      *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (NF_IS_SOURCE_READER (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nf_source_reader_load_async);
  g_file_load_contents_async (file, cancellable, loaded, task);
}

gboolean
nf_source_reader_load_finish (NfSourceReader  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

GFile *
nf_source_reader_get_file (NfSourceReader *self)
{
  g_return_val_if_fail (NF_IS_SOURCE_READER (self), NULL);
  return self->file;
}

const char *
nf_source_reader_get_text (NfSourceReader *self)
{
  g_return_val_if_fail (NF_IS_SOURCE_READER (self), NULL);
  return self->text;
}

guint
nf_source_reader_get_n_lines (NfSourceReader *self)
{
  g_return_val_if_fail (NF_IS_SOURCE_READER (self), 0);
  return (guint) gtk_text_buffer_get_line_count (gtk_text_view_get_buffer (self->text_view));
}

/* --- The type --- */

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_widget_set_visible (widget, FALSE);
}

static void
nf_source_reader_dispose (GObject *object)
{
  NfSourceReader *self = NF_SOURCE_READER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NF_TYPE_SOURCE_READER);
  g_clear_object (&self->file);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->cited, g_hash_table_unref);
  G_OBJECT_CLASS (nf_source_reader_parent_class)->dispose (object);
}

static void
nf_source_reader_class_init (NfSourceReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_source_reader_dispose;

  /* ::add-passage (block): the selection is to become a note there; read
   * it with nf_source_reader_get_passage(). */
  signals[SIGNAL_ADD_PASSAGE] =
    g_signal_new ("add-passage", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  _nf_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-source-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, NfSourceReader, box);
  gtk_widget_class_bind_template_child (widget_class, NfSourceReader, title);
  gtk_widget_class_bind_template_child (widget_class, NfSourceReader, hint);
  gtk_widget_class_bind_template_child (widget_class, NfSourceReader, add_button);
  gtk_widget_class_bind_template_child (widget_class, NfSourceReader, text_view);
  gtk_widget_class_bind_template_child (widget_class, NfSourceReader, scroller);
  gtk_widget_class_install_action (widget_class, "reader.add-to-block", "i", add_to_block_activated);
  gtk_widget_class_install_action (widget_class, "reader.close", NULL, close_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nf-source-reader");
}

static void
nf_source_reader_init (NfSourceReader *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkTextBuffer *buffer;
  GtkAdjustment *vadjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cited = g_hash_table_new (NULL, NULL);

  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    {
      g_autofree char *label = g_strdup_printf ("%d  %s", b + 1, nf_block_title (b));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "reader.add-to-block", g_variant_new_int32 (b));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->add_button, G_MENU_MODEL (menu));

  buffer = gtk_text_view_get_buffer (self->text_view);
  /* A translucent accent reads on light and dark alike. */
  self->cited_tag = gtk_text_buffer_create_tag (buffer, "cited",
                                                "paragraph-background-rgba",
                                                &(GdkRGBA) { 0.21, 0.52, 0.89, 0.16 }, NULL);
  self->shown_tag = gtk_text_buffer_create_tag (buffer, "shown", "weight", PANGO_WEIGHT_BOLD, NULL);
  g_signal_connect_object (buffer, "notify::has-selection", G_CALLBACK (selection_changed), self,
                           G_CONNECT_SWAPPED);
  selection_changed (self);

  self->gutter = gtk_drawing_area_new ();
  gtk_widget_add_css_class (self->gutter, "nf-line-numbers");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->gutter), draw_line_numbers, self, NULL);
  gtk_text_view_set_gutter (self->text_view, GTK_TEXT_WINDOW_LEFT, self->gutter);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
  g_signal_connect_object (vadjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw),
                           self->gutter, G_CONNECT_SWAPPED);
  size_gutter (self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
nf_source_reader_new (void)
{
  return g_object_new (NF_TYPE_SOURCE_READER, NULL);
}
