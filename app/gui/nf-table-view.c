/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-table-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include <adwaita.h>

#include "nf-table-view.h"

struct _NfTableView
{
  GtkWidget      parent_instance;

  NfCanvas      *canvas;
  NfMetricTable *table;
  gulong         table_changed_id;
  /* One item per row of the table; a cell reads its row from its item's
   * position, so rows are only ever added or dropped at the end. */
  GtkStringList *rows;
  GHashTable    *cells;          /* the GtkText of every bound cell */
  guint          cur_row;        /* the cursor; G_MAXUINT for none */
  guint          cur_col;
  guint          focus_row;      /* a cell to focus once it is bound */
  guint          focus_col;
  guint          refocus_id;     /* an idle to give the held cell the focus back */
  guint          updating;       /* > 0 while the model is being shown */
  gboolean       read_only;      /* a version from git: cells shown, never edited */
  char          *language;       /* the reader's, as the canvas view's; NULL: as written */

  GtkWidget     *scroller;
  GtkColumnView *column_view;
};

G_DEFINE_FINAL_TYPE (NfTableView, nf_table_view, GTK_TYPE_WIDGET)

enum {
  CURSOR_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In NfColumnType order. */
static const char * const type_names[] = {
  N_("Text"), N_("Number"), N_("Money"), N_("Percent"), N_("Count"), N_("Year"),
};

static const char *
not_parsed_format (NfColumnType type)
{
  switch (type)
    {
    case NF_COLUMN_MONEY:
      /* TRANSLATORS: a cell's tooltip; %s is the text the cell keeps. */
      return _("Not an amount of money: %s");
    case NF_COLUMN_PERCENT:
      return _("Not a percentage: %s");
    case NF_COLUMN_COUNT:
      return _("Not a whole, non-negative count: %s");
    case NF_COLUMN_YEAR:
      return _("Not a year: %s");
    case NF_COLUMN_NUMBER:
    case NF_COLUMN_TEXT:
    default:
      return _("Not a number: %s");
    }
}

/* --- Editables: typed text is "dirty" until committed; the model is
 * shown only in clean ones, so a refresh never eats what is being typed. */

static void
editable_changed (GtkEditable   *editable,
                  NfTableView   *self)
{
  if (self->updating == 0)
    g_object_set_data (G_OBJECT (editable), "nf-dirty", GINT_TO_POINTER (TRUE));
}

static gboolean
is_dirty (gpointer editable)
{
  return g_object_get_data (G_OBJECT (editable), "nf-dirty") != NULL;
}

static void
show_text (NfTableView   *self,
           GtkEditable   *editable,
           const char    *text)
{
  if (is_dirty (editable))
    return;
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") == 0)
    return;
  self->updating++;
  gtk_editable_set_text (editable, text ? text : "");
  self->updating--;
}

static char *
editable_take_text (GtkEditable *editable)
{
  g_object_set_data (G_OBJECT (editable), "nf-dirty", NULL);
  return nf_text_clean (gtk_editable_get_text (editable), -1);
}

static void
clean_editable (GtkEditable *editable)
{
  g_object_set_data (G_OBJECT (editable), "nf-dirty", NULL);
}

/* --- Cells --- */

static gboolean
cell_position (NfTableView   *self,
               GtkWidget     *text,
               guint         *out_row,
               guint         *out_col)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (text), "nf-item");
  g_autoptr(GtkListItem) item = NULL;

  /* Only a bound cell knows its place; a cell can outlive its item while
   * its column goes away. */
  if (self->table == NULL || !g_hash_table_contains (self->cells, text))
    return FALSE;
  item = g_weak_ref_get (ref);
  if (item == NULL)
    return FALSE;
  *out_row = gtk_list_item_get_position (item);
  *out_col = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (text), "nf-column"));
  return *out_row < nf_metric_table_get_n_rows (self->table) &&
         *out_col < nf_metric_table_get_n_columns (self->table);
}

/* A column's name as the canvas shows the notes: in the reader's
 * language where the file has it. */
static const char *
column_name (NfTableView    *self,
             const NfColumn *column)
{
  /* A NULL language reads the name as written. */
  return column->name != NULL ? nf_text_for_language (column->name, self->language) : "";
}

static void
update_cell (NfTableView   *self,
             GtkWidget     *text)
{
  const NfColumn *column;
  const NfCell *cell;
  g_autofree char *label = NULL;
  guint row, col;

  if (!cell_position (self, text, &row, &col))
    return;
  column = nf_metric_table_get_column (self->table, col);
  cell = nf_metric_table_get_cell (self->table, row, col);
  show_text (self, GTK_EDITABLE (text), nf_cell_get_text_for_language (cell, self->language));
  gtk_editable_set_editable (GTK_EDITABLE (text), !self->read_only);
  gtk_editable_set_alignment (GTK_EDITABLE (text), column->type == NF_COLUMN_TEXT ? 0.0 : 1.0);

  if (column->type != NF_COLUMN_TEXT && cell->text != NULL && *cell->text != '\0' && !cell->has_value)
    {
      g_autofree char *tip = g_strdup_printf (not_parsed_format (column->type), cell->text);

      gtk_widget_add_css_class (text, "warning");
      gtk_widget_set_tooltip_text (text, tip);
    }
  else
    {
      gtk_widget_remove_css_class (text, "warning");
      gtk_widget_set_tooltip_text (text, NULL);
    }
  if (row == self->cur_row && col == self->cur_col)
    gtk_widget_add_css_class (text, "current");
  else
    gtk_widget_remove_css_class (text, "current");

  /* TRANSLATORS: a cell's accessible name: its column's name and row number. */
  label = g_strdup_printf (_("%s, row %u"), column_name (self, column), row + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update_cells (NfTableView   *self)
{
  GHashTableIter iter;
  gpointer text;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    update_cell (self, text);
}

static GtkWidget *
find_cell (NfTableView   *self,
           guint          row,
           guint          col)
{
  GHashTableIter iter;
  gpointer text;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    {
      guint r, c;

      if (cell_position (self, text, &r, &c) && r == row && c == col)
        return text;
    }
  return NULL;
}

static void
commit_cell (NfTableView   *self,
             GtkWidget     *text)
{
  g_autofree char *value = NULL;
  const NfCell *cell;
  guint row, col;

  if (self->read_only || !cell_position (self, text, &row, &col) || !is_dirty (text))
    return;
  value = editable_take_text (GTK_EDITABLE (text));
  cell = nf_metric_table_get_cell (self->table, row, col);
  /* What was shown is what was edited: a translation stays one. */
  if (g_strcmp0 (value, nf_cell_get_text_for_language (cell, self->language)) != 0)
    nf_canvas_set_table_cell_for_language (self->canvas, self->table, row, col, self->language, value);
  else
    update_cell (self, text);
}

static void
set_cursor (NfTableView *self,
            guint        row,
            guint        col)
{
  if (row == self->cur_row && col == self->cur_col)
    return;
  self->cur_row = row;
  self->cur_col = col;
  update_cells (self);
  g_signal_emit (self, signals[CURSOR_CHANGED], 0);
}

/* The cell asked for by nf_table_view_set_cursor(), when it is on screen,
 * takes the focus. It is held there until the user types, clicks or
 * scrolls (drop_pending_focus): a column view laid out or scrolled moves
 * the focus to the first cell of its focus row, after the cell had it. */
static gboolean
take_pending_focus (NfTableView *self)
{
  GtkWidget *text;

  if (self->focus_row == G_MAXUINT)
    return FALSE;
  text = find_cell (self, self->focus_row, self->focus_col);
  if (text == NULL || !gtk_widget_get_mapped (text))
    return FALSE;
  return gtk_widget_grab_focus (text);
}

static void scroll_to_row (NfTableView *self,
                           guint        row);

static gboolean
refocus (gpointer data)
{
  NfTableView *self = data;

  self->refocus_id = 0;
  /* Not laid out yet: a list asked to scroll before it had its size. */
  if (!take_pending_focus (self) && self->focus_row != G_MAXUINT)
    scroll_to_row (self, self->focus_row);
  return G_SOURCE_REMOVE;
}

static void
cell_focus_enter (GtkEventControllerFocus *controller,
                  NfTableView             *self)
{
  GtkWidget *text = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint row, col;

  if (!cell_position (self, text, &row, &col))
    return;
  if (self->focus_row != G_MAXUINT && (row != self->focus_row || col != self->focus_col))
    {
      /* In the middle of the list's layout the cell may be between
       * bindings: it takes the focus back once the layout is done. */
      if (!take_pending_focus (self) && self->refocus_id == 0)
        self->refocus_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refocus, self, NULL);
      return;
    }
  set_cursor (self, row, col);
}

/* The user has taken over: the focus is theirs to move. */
static void
drop_pending_focus (NfTableView *self)
{
  self->focus_row = G_MAXUINT;
}

static gboolean
user_key (GtkEventControllerKey *controller,
          guint                  keyval,
          guint                  keycode,
          GdkModifierType        state,
          NfTableView           *self)
{
  drop_pending_focus (self);
  return GDK_EVENT_PROPAGATE;
}

static void
user_press (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            NfTableView     *self)
{
  drop_pending_focus (self);
}

static gboolean
user_scroll (GtkEventControllerScroll *controller,
             double                    dx,
             double                    dy,
             NfTableView              *self)
{
  drop_pending_focus (self);
  return GDK_EVENT_PROPAGATE;
}

/* A cell waited for is bound before it is laid out; it can take the focus
 * once it is shown. */
static void
cell_mapped (GtkWidget   *text,
             NfTableView *self)
{
  guint row, col;

  if (self->focus_row != G_MAXUINT && cell_position (self, text, &row, &col) &&
      row == self->focus_row && col == self->focus_col)
    take_pending_focus (self);
}

static void
cell_focus_leave (GtkEventControllerFocus *controller,
                  NfTableView             *self)
{
  commit_cell (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static gboolean
move_focus (NfTableView   *self,
            GtkWidget     *from,
            int            d_row,
            int            d_col)
{
  guint n_rows = nf_metric_table_get_n_rows (self->table);
  guint n_cols = nf_metric_table_get_n_columns (self->table);
  guint row, col;
  gint64 r, c;

  if (!cell_position (self, from, &row, &col))
    return FALSE;
  r = (gint64) row + d_row;
  c = (gint64) col + d_col;
  /* Tab runs on along the row and wraps to the next one, as in a sheet. */
  if (c >= n_cols)
    c = 0, r++;
  else if (c < 0)
    c = (gint64) n_cols - 1, r--;
  if (r < 0 || r >= n_rows)
    return FALSE;
  commit_cell (self, from);
  return nf_table_view_focus_cell (self, (guint) r, (guint) c);
}

static gboolean
cell_key_pressed (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  NfTableView           *self)
{
  GtkWidget *text = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  state &= gtk_accelerator_get_default_mod_mask ();
  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      return state == 0 && move_focus (self, text, 0, 1);
    case GDK_KEY_ISO_Left_Tab:
      return move_focus (self, text, 0, -1);
    case GDK_KEY_Up:
      return state == 0 && move_focus (self, text, -1, 0);
    case GDK_KEY_Down:
      return state == 0 && move_focus (self, text, 1, 0);
    case GDK_KEY_Escape:
      if (!is_dirty (text))
        return FALSE;
      clean_editable (GTK_EDITABLE (text));
      update_cell (self, text);
      return TRUE;
    default:
      return FALSE;
    }
}

/* --- Pasting cells from a spreadsheet --- */

/* Rows of fields, as spreadsheets put them on the clipboard: tabs between
 * fields, a line break after each row, and a field with a tab, a line
 * break or a quote inside quotes, its quotes doubled. */
static GPtrArray *
parse_cells (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean row_open = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"' && field->len == 0)
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
          row_open = TRUE;
          continue;
        }
      if (*p == '\t')
        {
          g_strv_builder_add (row, field->str);
          g_string_truncate (field, 0);
          row_open = TRUE;
        }
      else if (*p == '\n' || *p == '\r')
        {
          g_strv_builder_add (row, field->str);
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, g_strv_builder_end (row));
          g_strv_builder_unref (row);
          row = g_strv_builder_new ();
          row_open = FALSE;
          if (*p == '\r' && p[1] == '\n')
            p++;
        }
      else
        {
          g_string_append_c (field, *p);
          row_open = TRUE;
        }
      p++;
    }
  if (row_open || field->len > 0)
    {
      g_strv_builder_add (row, field->str);
      g_ptr_array_add (rows, g_strv_builder_end (row));
    }
  return rows;
}

/* The message rides on the window's toasts (plain text: libadwaita 1.2's
 * toast titles are markup). */
void
nf_table_view_show_refusal (NfTableView *self,
                            const char  *what,
                            const char  *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  /* TRANSLATORS: a toast when an edit of a table is refused: what was
   * not done ("Row not added"), then why. */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), what, message);
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  gtk_widget_error_bell (GTK_WIDGET (self));
  if (overlay == NULL)
    {
      g_message ("%s", text);
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

gboolean
nf_table_view_paste_cells (NfTableView *self,
                           guint        row,
                           guint        column,
                           const char  *text)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint n_cols;

  g_return_val_if_fail (NF_IS_TABLE_VIEW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->table == NULL || self->read_only || strpbrk (text, "\t\n\r") == NULL)
    return FALSE;
  rows = parse_cells (text);
  if (rows->len == 0 || (rows->len == 1 && g_strv_length (g_ptr_array_index (rows, 0)) < 2))
    return FALSE;  /* one cell, with a line break after it */
  n_cols = nf_metric_table_get_n_columns (self->table);
  if (column >= n_cols)
    return FALSE;
  row = MIN (row, nf_metric_table_get_n_rows (self->table));
  {
    g_autoptr(GError) error = NULL;
    guint n_rows = nf_metric_table_get_n_rows (self->table);
    guint added = row + rows->len > n_rows ? row + rows->len - n_rows : 0;

    /* Past the limits a file may hold, the paste could never be saved:
     * it is refused whole, and said so where the user is. */
    if (!nf_canvas_check_table_room (self->canvas, self->table, added, 0, &error))
      {
        nf_table_view_show_refusal (self, _("Cells not pasted"), error->message);
        return TRUE;
      }
  }

  /* What is being typed gives way to what is pasted. */
  nf_table_view_drop_typing (self);
  nf_canvas_begin_group (self->canvas, _("Paste Cells"));
  for (guint r = 0; r < rows->len; r++)
    {
      GStrv fields = g_ptr_array_index (rows, r);
      guint target = row + r;

      if (target >= nf_metric_table_get_n_rows (self->table))
        {
          g_autofree const char **cells = g_new0 (const char *, n_cols + 1);
          guint n_fields = g_strv_length (fields);

          for (guint c = 0; c < n_cols; c++)
            cells[c] = c >= column && c - column < n_fields ? fields[c - column] : "";
          nf_canvas_insert_table_row (self->canvas, self->table, target, cells);
          continue;
        }
      for (guint k = 0; fields[k] != NULL && column + k < n_cols; k++)
        nf_canvas_set_table_cell (self->canvas, self->table, target, column + k, fields[k]);
    }
  nf_canvas_end_group (self->canvas);
  return TRUE;
}

typedef struct {
  NfTableView *self;
  GtkWidget   *text;
} Paste;

static void
clipboard_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Paste *paste = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  guint row, col;

  if (text != NULL && paste->self->table != NULL &&
      cell_position (paste->self, paste->text, &row, &col) &&
      !nf_table_view_paste_cells (paste->self, row, col, text))
    {
      /* One cell's text: pasted into the cell, as GtkText would. */
      GtkEditable *editable = GTK_EDITABLE (paste->text);
      gsize n = strlen (text);
      int pos;

      /* A spreadsheet ends even one cell with a line break. */
      while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == '\r'))
        text[--n] = '\0';
      gtk_editable_delete_selection (editable);
      pos = gtk_editable_get_position (editable);
      gtk_editable_insert_text (editable, text, -1, &pos);
      gtk_editable_set_position (editable, pos);
    }
  g_object_unref (paste->self);
  g_object_unref (paste->text);
  g_free (paste);
}

/* Ctrl+V (or Paste from the menu) reads the clipboard first: cells from a
 * spreadsheet fill the table, other text goes into the cell. */
static void
cell_paste (GtkText     *text,
            NfTableView *self)
{
  Paste *paste;

  g_signal_stop_emission_by_name (text, "paste-clipboard");
  if (self->read_only)
    return;
  paste = g_new0 (Paste, 1);
  paste->self = g_object_ref (self);
  paste->text = g_object_ref (GTK_WIDGET (text));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (text)), NULL,
                                 clipboard_read, paste);
}

/* Enter commits and goes down a row, as in a sheet. */
static void
cell_activate (GtkText       *text,
               NfTableView   *self)
{
  commit_cell (self, GTK_WIDGET (text));
  move_focus (self, GTK_WIDGET (text), 1, 0);
}

static GWeakRef *
weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            NfTableView              *self)
{
  /* A bare GtkText has no role of its own (it lives inside entries);
   * here it is the cell, so give it one. */
  GtkWidget *text = g_object_new (GTK_TYPE_TEXT, "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX, NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  /* Ctrl+Z undoes the canvas's edits, not the typing of one cell. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (text), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (text), 6);
  gtk_widget_add_css_class (text, "nf-cell");
  g_object_set_data_full (G_OBJECT (text), "nf-item", weak_ref_new (item), weak_ref_free);
  g_object_set_data (G_OBJECT (text), "nf-column", g_object_get_data (G_OBJECT (factory), "nf-column"));

  g_signal_connect (text, "changed", G_CALLBACK (editable_changed), self);
  g_signal_connect (text, "activate", G_CALLBACK (cell_activate), self);
  g_signal_connect (text, "paste-clipboard", G_CALLBACK (cell_paste), self);
  g_signal_connect (text, "map", G_CALLBACK (cell_mapped), self);
  g_signal_connect (focus, "enter", G_CALLBACK (cell_focus_enter), self);
  g_signal_connect (focus, "leave", G_CALLBACK (cell_focus_leave), self);
  gtk_widget_add_controller (text, focus);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (cell_key_pressed), self);
  gtk_widget_add_controller (text, keys);
  gtk_list_item_set_child (item, text);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           NfTableView              *self)
{
  GtkWidget *text = gtk_list_item_get_child (item);
  guint row, col;

  g_hash_table_add (self->cells, text);
  clean_editable (GTK_EDITABLE (text));
  update_cell (self, text);
  /* A recycled cell is mapped already: the "map" signal will not come. */
  if (cell_position (self, text, &row, &col) && row == self->focus_row && col == self->focus_col)
    take_pending_focus (self);
}

static void
cell_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             NfTableView              *self)
{
  g_hash_table_remove (self->cells, gtk_list_item_get_child (item));
}

/* --- The column view follows the table --- */

static void
sync_columns (NfTableView   *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint want = self->table != NULL ? nf_metric_table_get_n_columns (self->table) : 0;
  guint have = g_list_model_get_n_items (columns);

  for (; have > want; have--)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, have - 1);

      gtk_column_view_remove_column (self->column_view, column);
    }
  for (; have < want; have++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "nf-column", GUINT_TO_POINTER (have));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), self);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), self);
      column = gtk_column_view_column_new (NULL, factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }

  for (guint i = 0; i < want; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const NfColumn *def = nf_metric_table_get_column (self->table, i);
      g_autofree char *title = NULL;

      /* The header names what the cells are read as, so a flagged cell
       * explains itself. */
      if (def->unit != NULL && *def->unit != '\0')
        /* TRANSLATORS: a column header: its name, then its type and unit, e.g. "Revenue\nMoney · USD". */
        title = g_strdup_printf (_("%s\n%s · %s"), column_name (self, def), _(type_names[def->type]), def->unit);
      else
        title = g_strdup_printf ("%s\n%s", column_name (self, def), _(type_names[def->type]));
      gtk_column_view_column_set_title (column, title);
    }
}

static void
sync_rows (NfTableView   *self)
{
  guint want = self->table != NULL ? nf_metric_table_get_n_rows (self->table) : 0;
  guint have = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  if (want < have)
    gtk_string_list_splice (self->rows, want, have - want, NULL);
  else if (want > have)
    {
      g_autoptr(GPtrArray) empty = g_ptr_array_new ();

      for (guint i = have; i < want; i++)
        g_ptr_array_add (empty, (gpointer) "");
      g_ptr_array_add (empty, NULL);
      gtk_string_list_splice (self->rows, have, 0, (const char * const *) empty->pdata);
    }
}

static void
table_changed (NfTableView *self)
{
  guint n_rows = nf_metric_table_get_n_rows (self->table);
  guint n_cols = nf_metric_table_get_n_columns (self->table);
  guint row = self->cur_row, col = self->cur_col;
  g_autofree char *label = NULL;

  if (row != G_MAXUINT && row >= n_rows)
    row = n_rows > 0 ? n_rows - 1 : G_MAXUINT;
  if (col >= n_cols)
    col = n_cols > 0 ? n_cols - 1 : G_MAXUINT;

  sync_columns (self);
  sync_rows (self);
  /* TRANSLATORS: the accessible name of the grid of a table's cells. */
  label = g_strdup_printf (_("Cells of %s"), nf_text_for_language (nf_metric_table_get_title (self->table),
                                                                   self->language));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (row != self->cur_row || col != self->cur_col)
    set_cursor (self, row, col);
  else
    update_cells (self);
}

/* GTK 4.8's column view has no scroll_to(), but the list view inside it
 * has the list base's "list.scroll-to-item" action. */
static void
scroll_to_row (NfTableView *self,
               guint        row)
{
  if (row >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", row);
}

/* A view asked for a cell while hidden (a tab not yet shown) has had no
 * size to scroll in: it scrolls now. */
static void
nf_table_view_map (GtkWidget *widget)
{
  NfTableView *self = NF_TABLE_VIEW (widget);

  GTK_WIDGET_CLASS (nf_table_view_parent_class)->map (widget);
  if (self->focus_row != G_MAXUINT && !take_pending_focus (self))
    scroll_to_row (self, self->focus_row);
}

/* A view put away (another tab) lets the cell go: shown again later, it
 * does not take the focus from whatever the user went on to. */
static void
nf_table_view_unmap (GtkWidget *widget)
{
  drop_pending_focus (NF_TABLE_VIEW (widget));
  GTK_WIDGET_CLASS (nf_table_view_parent_class)->unmap (widget);
}

static void
nf_table_view_dispose (GObject *object)
{
  NfTableView *self = NF_TABLE_VIEW (object);

  if (self->table != NULL)
    g_clear_signal_handler (&self->table_changed_id, self->table);
  g_clear_object (&self->table);
  g_clear_handle_id (&self->refocus_id, g_source_remove);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->rows);
  g_clear_object (&self->canvas);

  G_OBJECT_CLASS (nf_table_view_parent_class)->dispose (object);
}

static void
nf_table_view_finalize (GObject *object)
{
  NfTableView *self = NF_TABLE_VIEW (object);

  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_free (self->language);

  G_OBJECT_CLASS (nf_table_view_parent_class)->finalize (object);
}

static void
nf_table_view_class_init (NfTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_table_view_dispose;
  object_class->finalize = nf_table_view_finalize;

  signals[CURSOR_CHANGED] =
    g_signal_new ("cursor-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  widget_class->map = nf_table_view_map;
  widget_class->unmap = nf_table_view_unmap;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
nf_table_view_init (NfTableView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->cells = g_hash_table_new (NULL, NULL);
  self->rows = gtk_string_list_new (NULL);
  self->cur_row = self->focus_row = G_MAXUINT;
  self->cur_col = self->focus_col = G_MAXUINT;

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_steal_pointer (&selection))));
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "nf-table");

  /* Seen before the cells see them, so a held focus lets go first. */
  {
    GtkEventController *keys = gtk_event_controller_key_new ();
    GtkGesture *click = gtk_gesture_click_new ();
    GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (user_key), self);
    g_signal_connect (click, "pressed", G_CALLBACK (user_press), self);
    g_signal_connect (scroll, "scroll", G_CALLBACK (user_scroll), self);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
    gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  }

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->column_view));
  gtk_widget_add_css_class (self->scroller, "card");
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
nf_table_view_new (NfCanvas *canvas)
{
  NfTableView *self;

  g_return_val_if_fail (NF_IS_CANVAS (canvas), NULL);

  self = g_object_new (NF_TYPE_TABLE_VIEW, NULL);
  self->canvas = g_object_ref (canvas);
  return GTK_WIDGET (self);
}

void
nf_table_view_set_table (NfTableView   *self,
                         NfMetricTable *table)
{
  g_return_if_fail (NF_IS_TABLE_VIEW (self));
  g_return_if_fail (table == NULL || NF_IS_METRIC_TABLE (table));

  if (table == self->table)
    return;
  if (self->table != NULL)
    {
      g_clear_signal_handler (&self->table_changed_id, self->table);
      g_clear_object (&self->table);
    }
  /* Start from scratch: the new table's cells share nothing with the old. */
  sync_rows (self);
  sync_columns (self);
  self->table = table != NULL ? g_object_ref (table) : NULL;
  self->cur_row = table != NULL && nf_metric_table_get_n_rows (table) > 0 ? 0 : G_MAXUINT;
  self->cur_col = table != NULL ? 0 : G_MAXUINT;
  self->focus_row = G_MAXUINT;
  if (table != NULL)
    {
      self->table_changed_id = g_signal_connect_swapped (table, "changed", G_CALLBACK (table_changed), self);
      table_changed (self);
    }
  g_signal_emit (self, signals[CURSOR_CHANGED], 0);
}

NfMetricTable *
nf_table_view_get_table (NfTableView *self)
{
  g_return_val_if_fail (NF_IS_TABLE_VIEW (self), NULL);

  return self->table;
}

void
nf_table_view_get_cursor (NfTableView *self,
                          guint       *out_row,
                          guint       *out_column)
{
  g_return_if_fail (NF_IS_TABLE_VIEW (self));

  if (out_row != NULL)
    *out_row = self->cur_row;
  if (out_column != NULL)
    *out_column = self->cur_col;
}

void
nf_table_view_set_cursor (NfTableView *self,
                          guint        row,
                          guint        column,
                          gboolean     focus)
{
  g_return_if_fail (NF_IS_TABLE_VIEW (self));

  set_cursor (self, row, column);
  self->focus_row = G_MAXUINT;
  if (!focus)
    return;
  /* A row just added has no widgets until the list lays out again; one
   * out of view may have them, unmapped, until the list scrolls to it.
   * The cell takes the focus when it is bound and shown (cell_mapped) and
   * keeps it when the list moves the focus to its row (cell_focus_enter);
   * no frames are counted. */
  self->focus_row = row;
  self->focus_col = column;
  take_pending_focus (self);
  /* Mapped is not on screen: the list keeps rows around its view. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    scroll_to_row (self, row);
}

gboolean
nf_table_view_focus_cell (NfTableView *self,
                          guint        row,
                          guint        column)
{
  GtkWidget *text;

  g_return_val_if_fail (NF_IS_TABLE_VIEW (self), FALSE);

  drop_pending_focus (self);
  text = find_cell (self, row, column);
  return text != NULL && gtk_widget_grab_focus (text);
}

GtkWidget *
nf_table_view_get_cell_widget (NfTableView *self,
                               guint        row,
                               guint        column)
{
  g_return_val_if_fail (NF_IS_TABLE_VIEW (self), NULL);

  return find_cell (self, row, column);
}

void
nf_table_view_drop_typing (NfTableView *self)
{
  GHashTableIter iter;
  gpointer text;

  g_return_if_fail (NF_IS_TABLE_VIEW (self));

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    clean_editable (text);
  if (self->table != NULL)
    update_cells (self);
}

/* A version from git: the cells can be read, selected and copied, but not
 * edited or pasted into. */
void
nf_table_view_set_read_only (NfTableView *self,
                             gboolean     read_only)
{
  GHashTableIter iter;
  gpointer text;

  g_return_if_fail (NF_IS_TABLE_VIEW (self));

  self->read_only = !!read_only;
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    gtk_editable_set_editable (GTK_EDITABLE (text), !self->read_only);
}

void
nf_table_view_set_language (NfTableView *self,
                            const char  *language)
{
  g_return_if_fail (NF_IS_TABLE_VIEW (self));

  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  if (self->table != NULL)
    table_changed (self);
}
