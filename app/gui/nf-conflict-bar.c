/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-conflict-bar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-canvas-view-private.h"
#include "nf-conflict-bar.h"
#include "nf-gui-resources-private.h"
#include "nf-merge.h"
#include "nf-metric-table.h"
#include "nf-source.h"

struct _NfConflictBar
{
  GtkWidget     parent_instance;

  NfCanvasView *view;
  NfCanvas     *canvas;
  guint         current;

  GtkLabel     *count_label;
  GtkLabel     *detail_label;
  GtkWidget    *ours_button;
};

G_DEFINE_FINAL_TYPE (NfConflictBar, nf_conflict_bar, GTK_TYPE_WIDGET)

enum {
  SHOW_CANVAS,
  SHOW_TABLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A name or a note's text, cut to what fits in a line of the banner. */
static char *
shorten (const char *text)
{
  if (text == NULL || *text == '\0')
    return g_strdup (_("(none)"));
  if (g_utf8_strlen (text, -1) <= 40)
    return g_strdup (text);
  {
    g_autofree char *cut = g_utf8_substring (text, 0, 39);

    return g_strconcat (cut, "…", NULL);
  }
}

/* What a version of a note, table or source is called; NULL when gone. */
static char *
item_name (NfConflictBar  *self,
           NfConflictKind  kind,
           const char     *id)
{
  const char *lang = nf_canvas_view_get_language (self->view);

  if (id == NULL)
    return NULL;
  if (kind == NF_CONFLICT_NOTE)
    {
      NfNote *note = nf_canvas_find_note (self->canvas, id, NULL, NULL);
      NfText *text = note != NULL ? nf_note_get_text (note) : NULL;

      return text != NULL ? shorten (nf_text_for_language (text, lang)) : shorten (id);
    }
  if (kind == NF_CONFLICT_TABLE)
    {
      NfMetricTable *table = nf_canvas_find_table (self->canvas, id, NULL);
      NfText *title = table != NULL ? nf_metric_table_get_title (table) : NULL;

      return title != NULL ? shorten (nf_text_for_language (title, lang)) : shorten (id);
    }
  {
    NfSource *source = nf_canvas_find_source (self->canvas, id);

    return shorten (source != NULL && nf_source_get_title (source) != NULL ? nf_source_get_title (source)
                                                                           : id);
  }
}

static char *
describe_item (NfConflictBar    *self,
               const NfConflict *c)
{
  g_autofree char *ours = item_name (self, c->kind, c->ours);
  g_autofree char *theirs = item_name (self, c->kind, c->theirs);
  /* Both versions, we deleted it, they deleted it; per kind. */
  static const char * const formats[3][3] = {
    { N_("A note edited both ways: ours “%s”, theirs “%s”"),
      N_("We deleted a note they edited: “%s”"),
      N_("They deleted a note we edited: “%s”") },
    { N_("A table edited both ways: ours “%s”, theirs “%s”"),
      N_("We deleted a table they edited: “%s”"),
      N_("They deleted a table we edited: “%s”") },
    { N_("A source edited both ways: ours “%s”, theirs “%s”"),
      N_("We deleted a source they edited: “%s”"),
      N_("They deleted a source we edited: “%s”") },
  };
  guint k = c->kind == NF_CONFLICT_NOTE ? 0 : c->kind == NF_CONFLICT_TABLE ? 1 : 2;

  if (ours != NULL && theirs != NULL)
    return g_strdup_printf (_(formats[k][0]), ours, theirs);
  return g_strdup_printf (_(formats[k][ours == NULL ? 1 : 2]), ours != NULL ? ours : theirs);
}

/* A row's version: its number and label, or NULL when that side deleted it. */
static char *
row_name (NfMetricTable    *table,
          const NfConflict *c,
          gboolean          ours)
{
  int row = nf_conflict_row_of (c, ours);
  g_autofree char *label = NULL;

  if (row < 0)
    return NULL;
  if (table == NULL || (guint) row >= nf_metric_table_get_n_rows (table) ||
      nf_metric_table_get_n_columns (table) == 0)
    return g_strdup_printf ("%d", row + 1);
  label = shorten (nf_metric_table_get_cell (table, (guint) row, 0)->text);
  /* Translators: a table row's number (from 1) and its label. */
  return g_strdup_printf (_("row %d “%s”"), row + 1, label);
}

static char *
describe_row (NfConflictBar    *self,
              const NfConflict *c)
{
  NfMetricTable *table = nf_canvas_find_table (self->canvas, c->table, NULL);
  NfText *title = table != NULL ? nf_metric_table_get_title (table) : NULL;
  g_autofree char *name = shorten (title != NULL ? nf_text_for_language (title, nf_canvas_view_get_language (self->view))
                                                 : c->table);
  g_autofree char *ours = row_name (table, c, TRUE);
  g_autofree char *theirs = row_name (table, c, FALSE);

  if (ours != NULL && theirs != NULL)
    /* Translators: a table's title, then the two versions of one row ("row 3 “Revenue”"). */
    return g_strdup_printf (_("Table “%s”: a row added both ways: ours %s, theirs %s"), name, ours,
                            theirs);
  if (ours == NULL)
    /* Translators: a table's title, then a row ("row 3 “Revenue”"). */
    return g_strdup_printf (_("Table “%s”: we deleted a row they edited, %s"), name, theirs);
  /* Translators: a table's title, then a row ("row 3 “Revenue”"). */
  return g_strdup_printf (_("Table “%s”: they deleted a row we edited, %s"), name, ours);
}

static char *
describe (NfConflictBar    *self,
          const NfConflict *c)
{
  g_autofree char *ours = shorten (c->ours);
  g_autofree char *theirs = shorten (c->theirs);
  const char *field = NULL;

  switch (c->kind)
    {
    case NF_CONFLICT_NOTE:
    case NF_CONFLICT_TABLE:
    case NF_CONFLICT_SOURCE:
      return describe_item (self, c);
    case NF_CONFLICT_CELL:
      {
        NfMetricTable *table = nf_canvas_find_table (self->canvas, c->table, NULL);
        NfText *title = table != NULL ? nf_metric_table_get_title (table) : NULL;
        g_autofree char *name = shorten (title != NULL ? nf_text_for_language (title, NULL) : c->table);

        /* Translators: a table's title, the row and column of a cell (from 1), then the cell's two texts. */
        return g_strdup_printf (_("Table “%s”, row %u, column %u: ours “%s”, theirs “%s”"), name,
                                c->row + 1, c->column + 1, ours, theirs);
      }
    case NF_CONFLICT_ROW:
      return describe_row (self, c);
    case NF_CONFLICT_COMPANY:
      field = _("Company");
      break;
    case NF_CONFLICT_TITLE:
      field = _("Title");
      break;
    case NF_CONFLICT_LABEL:
      field = _("Label");
      break;
    case NF_CONFLICT_DESCRIPTION:
      field = _("Description");
      break;
    case NF_CONFLICT_LANGUAGE:
      field = _("Language");
      break;
    case NF_CONFLICT_RATE:
      field = _("Exchange rate");
      break;
    default:
      g_assert_not_reached ();
    }
  /* Translators: what is in conflict (Title, Exchange rate…), then its two values. */
  {
    g_autofree char *ours_all = nf_conflict_side_describe (ours, c->ours_cell, c->theirs_cell);
    g_autofree char *theirs_all = nf_conflict_side_describe (theirs, c->theirs_cell, c->ours_cell);

    return g_strdup_printf (_("%s: ours “%s”, theirs “%s”"), field, ours_all, theirs_all);
  }
}

static void
update (NfConflictBar *self)
{
  guint n = nf_canvas_get_n_conflicts (self->canvas);
  g_autofree char *count = NULL, *detail = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
  if (n == 0)
    return;
  if (self->current >= n)
    self->current = 0;
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict from a merge",
                                        "%u conflicts from a merge", n), n);
  detail = describe (self, nf_canvas_get_conflict (self->canvas, self->current));
  gtk_label_set_text (self->count_label, count);
  gtk_label_set_text (self->detail_label, detail);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->detail_label), detail);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflicts.next", n > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conflicts.previous", n > 1);
}

/* The current conflict's note on the canvas: focused now, or by the
 * view's first layout when its cards are not made yet (a page just
 * opened). */
static void
show_current (NfConflictBar *self)
{
  const NfConflict *c;
  NfNote *note;

  if (self->current >= nf_canvas_get_n_conflicts (self->canvas))
    return;
  c = nf_canvas_get_conflict (self->canvas, self->current);
  if (c->kind != NF_CONFLICT_NOTE)
    return;
  note = c->ours != NULL ? nf_canvas_find_note (self->canvas, c->ours, NULL, NULL) : NULL;
  if (note == NULL && c->theirs != NULL)
    note = nf_canvas_find_note (self->canvas, c->theirs, NULL, NULL);
  if (note != NULL)
    nf_canvas_view_show_note (self->view, note);
}

/* A table's, cell's or row's conflict is in a table, which the page
 * beside the canvas shows; a note's is on the canvas. A value's (company,
 * title, rate…) or a source's is on no card: it is shown, and settled,
 * here in the bar, over the canvas. Whoever holds both views follows. */
static void
show_view (NfConflictBar *self)
{
  const NfConflict *c;
  NfMetricTable *table = NULL;
  int row;

  if (self->current >= nf_canvas_get_n_conflicts (self->canvas))
    return;
  c = nf_canvas_get_conflict (self->canvas, self->current);
  switch (c->kind)
    {
    case NF_CONFLICT_NOTE:
      g_signal_emit (self, signals[SHOW_CANVAS], 0);
      return;
    case NF_CONFLICT_TABLE:
      /* Our version, or theirs when we deleted the table. */
      if (c->ours != NULL)
        table = nf_canvas_find_table (self->canvas, c->ours, NULL);
      if (table == NULL && c->theirs != NULL)
        table = nf_canvas_find_table (self->canvas, c->theirs, NULL);
      if (table != NULL)
        g_signal_emit (self, signals[SHOW_TABLE], 0, table, 0u, 0u);
      return;
    case NF_CONFLICT_CELL:
      table = nf_canvas_find_table (self->canvas, c->table, NULL);
      if (table != NULL)
        g_signal_emit (self, signals[SHOW_TABLE], 0, table, c->row, c->column);
      return;
    case NF_CONFLICT_ROW:
      table = nf_canvas_find_table (self->canvas, c->table, NULL);
      /* Our version of the row, or theirs when we deleted it. */
      row = nf_conflict_row_of (c, TRUE);
      if (row < 0)
        row = nf_conflict_row_of (c, FALSE);
      if (table != NULL && row >= 0)
        g_signal_emit (self, signals[SHOW_TABLE], 0, table, (guint) row, 0u);
      return;
    default:
      g_signal_emit (self, signals[SHOW_CANVAS], 0);
      /* Only once the bar is in a window: a page just built is not yet. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        gtk_widget_grab_focus (self->ours_button);
      return;
    }
}

void
nf_conflict_bar_go (NfConflictBar *self,
                    int            step)
{
  guint n;

  g_return_if_fail (NF_IS_CONFLICT_BAR (self));

  n = nf_canvas_get_n_conflicts (self->canvas);
  if (n == 0)
    return;
  self->current = (guint) (((gint64) self->current + step + n) % n);
  update (self);
  show_view (self);
  show_current (self);
}

guint
nf_conflict_bar_get_current (NfConflictBar *self)
{
  g_return_val_if_fail (NF_IS_CONFLICT_BAR (self), 0);
  return self->current;
}

static void
go_activated (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  nf_conflict_bar_go (NF_CONFLICT_BAR (widget), g_str_equal (action_name, "conflicts.next") ? 1 : -1);
}

static void
resolve_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NfConflictBar *self = NF_CONFLICT_BAR (widget);
  NfConflictChoice choice;

  if (!_nf_conflict_choice_from_string (g_variant_get_string (parameter, NULL), &choice) ||
      self->current >= nf_canvas_get_n_conflicts (self->canvas))
    return;
  nf_canvas_resolve_conflict (self->canvas, self->current, choice);
  /* The next one takes its place in the list. */
  nf_conflict_bar_go (self, 0);
}

static void
nf_conflict_bar_dispose (GObject *object)
{
  NfConflictBar *self = NF_CONFLICT_BAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NF_TYPE_CONFLICT_BAR);
  /* The template's box is not a bound child: it goes by hand. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->canvas);
  g_clear_object (&self->view);
  G_OBJECT_CLASS (nf_conflict_bar_parent_class)->dispose (object);
}

static void
nf_conflict_bar_class_init (NfConflictBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_conflict_bar_dispose;

  _nf_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-conflict-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, NfConflictBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, NfConflictBar, detail_label);
  gtk_widget_class_bind_template_child (widget_class, NfConflictBar, ours_button);
  /* A note's conflict is about to be shown on the canvas view. */
  signals[SHOW_CANVAS] = g_signal_new ("show-canvas", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A cell's or row's conflict: its table, row and column (from 0; the
   * first column for a row). */
  signals[SHOW_TABLE] = g_signal_new ("show-table", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 3, NF_TYPE_METRIC_TABLE,
                                      G_TYPE_UINT, G_TYPE_UINT);
  gtk_widget_class_install_action (widget_class, "conflicts.next", NULL, go_activated);
  gtk_widget_class_install_action (widget_class, "conflicts.previous", NULL, go_activated);
  gtk_widget_class_install_action (widget_class, "conflicts.resolve", "s", resolve_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "conflicts.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, GDK_SHIFT_MASK,
                                       "conflicts.previous", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nf-conflict-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nf_conflict_bar_init (NfConflictBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nf_conflict_bar_new (NfCanvasView *view)
{
  NfConflictBar *self;

  g_return_val_if_fail (NF_IS_CANVAS_VIEW (view), NULL);

  self = g_object_new (NF_TYPE_CONFLICT_BAR, NULL);
  self->view = g_object_ref (view);
  self->canvas = g_object_ref (nf_canvas_view_get_canvas (view));
  g_signal_connect_object (self->canvas, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Conflicts from a merge"), -1);
  return GTK_WIDGET (self);
}
