/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-themes-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-gui-resources-private.h"
#include "nf-themes-view.h"

struct _NfThemesView
{
  GtkWidget   parent_instance;

  NfCanvas   *canvases[NF_THEMES_MAX_CANVASES];
  char       *names[NF_THEMES_MAX_CANVASES];
  guint       n_canvases;
  char       *language;
  NfThemes   *themes;
  /* Per block, per theme, n_canvases buttons (NULL for empty cells). */
  GPtrArray  *cells[NF_N_BLOCKS];
  guint       n_built;       /* blocks built so far, in order */
  guint       build_source;
  GtkPopover *popover;

  GtkWidget  *intro;
  GtkGrid    *header;
  GtkWidget  *scroller;
  GtkBox     *blocks;
};

G_DEFINE_FINAL_TYPE (NfThemesView, nf_themes_view, GTK_TYPE_WIDGET)

/* The cell a button stands for, for the popover. */
typedef struct {
  NfBlock block;
  guint   theme;
  guint   canvas;
} CellRef;

static const char *
lang_or_null (NfThemesView *self)
{
  return self->language != NULL && self->language[0] != '\0' ? self->language : NULL;
}

static void
popover_closed (GtkPopover   *popover,
                NfThemesView *self)
{
  if (self->popover == popover)
    self->popover = NULL;
  gtk_widget_unparent (GTK_WIDGET (popover));
}

/* The notes behind a cell, as read for the themes. */
static void
cell_clicked (GtkButton    *button,
              NfThemesView *self)
{
  const CellRef *ref = g_object_get_data (G_OBJECT (button), "nf-cell");
  const NfTheme *theme = nf_themes_get_theme (self->themes, ref->block, ref->theme);
  GPtrArray *notes = theme->notes[ref->canvas];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *title;
  g_autofree char *heading = NULL;

  /* Translators: above the notes behind a theme: "Alibaba — sellers" */
  heading = g_strdup_printf (_("%s — %s"), self->names[ref->canvas], theme->label);
  title = gtk_label_new (heading);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  for (guint k = 0; k < notes->len; k++)
    {
      NfNote *note = g_ptr_array_index (notes, k);
      const char *text = nf_text_for_language (nf_note_get_text (note), nf_themes_get_language (self->themes));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
      gtk_label_set_width_chars (GTK_LABEL (label), 32);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "nf-theme-note");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  gtk_widget_set_parent (popover, GTK_WIDGET (button));
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed), self);
  if (self->popover != NULL)
    gtk_popover_popdown (self->popover);
  self->popover = GTK_POPOVER (popover);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static GtkWidget *
cell_button (NfThemesView  *self,
             NfBlock        block,
             guint          index,
             guint          canvas,
             const NfTheme *theme)
{
  guint n = theme->notes[canvas]->len;
  g_autofree char *text = NULL;
  g_autofree char *a11y = NULL;
  GtkWidget *button;
  CellRef *ref;

  /* Translators: how many of a company's notes carry a theme */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n), n);
  button = gtk_button_new_with_label (text);
  gtk_widget_add_css_class (button, "nf-theme-cell");
  {
    g_autofree char *cls = g_strdup_printf ("nf-theme-c%u", canvas);

    gtk_widget_add_css_class (button, cls);
  }
  /* Translators: a cell of the themes matrix for screen readers:
   * "Alibaba, sellers: 3 notes" */
  a11y = g_strdup_printf (_("%s, %s: %s"), self->names[canvas], theme->label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  ref = g_new (CellRef, 1);
  *ref = (CellRef) { block, index, canvas };
  g_object_set_data_full (G_OBJECT (button), "nf-cell", ref, g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (cell_clicked), self);
  return button;
}

static void
clear (NfThemesView *self)
{
  GtkWidget *child;

  if (self->popover != NULL)
    gtk_popover_popdown (self->popover);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->blocks))) != NULL)
    gtk_box_remove (self->blocks, child);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    g_ptr_array_set_size (self->cells[b], 0);
}

static void
build_header (NfThemesView *self)
{
  GtkWidget *child;
  GtkWidget *corner = gtk_label_new (_("Theme"));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->header))) != NULL)
    gtk_grid_remove (self->header, child);
  gtk_label_set_xalign (GTK_LABEL (corner), 0);
  gtk_widget_add_css_class (corner, "dim-label");
  gtk_grid_attach (self->header, corner, 0, 0, 1, 1);
  for (guint i = 0; i < self->n_canvases; i++)
    {
      GtkWidget *name = gtk_label_new (self->names[i]);
      g_autofree char *cls = g_strdup_printf ("nf-theme-c%u", i);

      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_add_css_class (name, "heading");
      gtk_widget_add_css_class (name, "nf-themes-company");
      gtk_widget_add_css_class (name, cls);
      gtk_grid_attach (self->header, name, (int) i + 1, 0, 1, 1);
    }
}

/* One block's title and matrix, appended below the blocks built so far. */
static void
build_block (NfThemesView *self,
             guint         b)
{
  guint n = nf_themes_get_n_themes (self->themes, (NfBlock) b);
  GtkWidget *title = gtk_label_new (nf_block_title ((NfBlock) b));
  GtkWidget *grid = gtk_grid_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (self->blocks, title);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_box_append (self->blocks, grid);
  if (n == 0)
    {
      GtkWidget *none = gtk_label_new (_("No theme: too few notes share a tag or a word."));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), none, 0, 0, (int) self->n_canvases + 1, 1);
    }
  for (guint t = 0; t < n; t++)
    {
      const NfTheme *theme = nf_themes_get_theme (self->themes, (NfBlock) b, t);
      g_autofree char *shown = theme->tagged ? g_strconcat ("#", theme->label, NULL) : g_strdup (theme->label);
      GtkWidget *label = gtk_label_new (shown);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "nf-theme-label");
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) t, 1, 1);
      for (guint i = 0; i < self->n_canvases; i++)
        {
          GtkWidget *cell = NULL;

          if (theme->notes[i]->len > 0)
            cell = cell_button (self, (NfBlock) b, t, i, theme);
          else
            {
              GtkWidget *empty = gtk_label_new ("—");

              gtk_widget_add_css_class (empty, "dim-label");
              gtk_accessible_update_property (GTK_ACCESSIBLE (empty), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              _("No notes"), -1);
              gtk_grid_attach (GTK_GRID (grid), empty, (int) i + 1, (int) t, 1, 1);
            }
          if (cell != NULL)
            gtk_grid_attach (GTK_GRID (grid), cell, (int) i + 1, (int) t, 1, 1);
          g_ptr_array_add (self->cells[b], cell);
        }
    }
}

/* The blocks not built yet, one per idle turn: the first screenful is
 * built at once, so the matrix appears without waiting for the rest. */
static gboolean
build_more (gpointer user_data)
{
  NfThemesView *self = user_data;

  if (self->n_built < NF_N_BLOCKS)
    build_block (self, self->n_built++);
  if (self->n_built < NF_N_BLOCKS)
    return G_SOURCE_CONTINUE;
  self->build_source = 0;
  return G_SOURCE_REMOVE;
}

static void
ensure_built (NfThemesView *self)
{
  while (self->themes != NULL && self->n_built < NF_N_BLOCKS)
    build_block (self, self->n_built++);
  g_clear_handle_id (&self->build_source, g_source_remove);
}

#define BLOCKS_AT_ONCE 3

void
nf_themes_view_refresh (NfThemesView *self)
{
  g_assert (NF_IS_THEMES_VIEW (self));

  clear (self);
  g_clear_handle_id (&self->build_source, g_source_remove);
  g_clear_pointer (&self->themes, nf_themes_free);
  self->themes = nf_themes_new (self->canvases, self->n_canvases, lang_or_null (self), 0);
  for (self->n_built = 0; self->n_built < BLOCKS_AT_ONCE; self->n_built++)
    build_block (self, self->n_built);
  self->build_source = g_idle_add (build_more, self);
}

void
nf_themes_view_set_language (NfThemesView *self,
                             const char   *lang)
{
  g_assert (NF_IS_THEMES_VIEW (self));
  if (g_strcmp0 (self->language, lang) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (lang);
  if (self->themes != NULL)
    nf_themes_view_refresh (self);
}

const NfThemes *
nf_themes_view_get_themes (NfThemesView *self)
{
  g_assert (NF_IS_THEMES_VIEW (self));
  return self->themes;
}

GtkWidget *
nf_themes_view_get_cell (NfThemesView *self,
                         NfBlock       block,
                         guint         theme,
                         guint         canvas)
{
  g_assert (NF_IS_THEMES_VIEW (self));
  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, NULL);
  g_return_val_if_fail (canvas < self->n_canvases, NULL);
  ensure_built (self);
  g_return_val_if_fail ((theme + 1) * self->n_canvases <= self->cells[block]->len, NULL);
  return g_ptr_array_index (self->cells[block], theme * self->n_canvases + canvas);
}

GtkWidget *
nf_themes_view_get_header (NfThemesView *self)
{
  g_assert (NF_IS_THEMES_VIEW (self));
  return GTK_WIDGET (self->header);
}

GtkWidget *
nf_themes_view_get_scroller (NfThemesView *self)
{
  g_assert (NF_IS_THEMES_VIEW (self));
  return self->scroller;
}

GtkPopover *
nf_themes_view_get_popover (NfThemesView *self)
{
  g_assert (NF_IS_THEMES_VIEW (self));
  return self->popover;
}

static void
nf_themes_view_dispose (GObject *object)
{
  NfThemesView *self = NF_THEMES_VIEW (object);
  GtkWidget *child;

  if (self->popover != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->popover, popover_closed, self);
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  g_clear_handle_id (&self->build_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NF_TYPE_THEMES_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->themes, nf_themes_free);
  for (guint i = 0; i < NF_THEMES_MAX_CANVASES; i++)
    g_clear_object (&self->canvases[i]);

  G_OBJECT_CLASS (nf_themes_view_parent_class)->dispose (object);
}

static void
nf_themes_view_finalize (GObject *object)
{
  NfThemesView *self = NF_THEMES_VIEW (object);

  for (guint i = 0; i < NF_THEMES_MAX_CANVASES; i++)
    g_free (self->names[i]);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    g_ptr_array_unref (self->cells[b]);
  g_free (self->language);

  G_OBJECT_CLASS (nf_themes_view_parent_class)->finalize (object);
}

static void
nf_themes_view_class_init (NfThemesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_themes_view_dispose;
  object_class->finalize = nf_themes_view_finalize;

  _nf_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-themes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NfThemesView, intro);
  gtk_widget_class_bind_template_child (widget_class, NfThemesView, header);
  gtk_widget_class_bind_template_child (widget_class, NfThemesView, scroller);
  gtk_widget_class_bind_template_child (widget_class, NfThemesView, blocks);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nf-themes-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nf_themes_view_init (NfThemesView *self)
{
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    self->cells[b] = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
nf_themes_view_new (NfCanvas    **canvases,
                    guint         n_canvases,
                    const char  **names)
{
  NfThemesView *self;

  g_return_val_if_fail (canvases != NULL && names != NULL, NULL);
  g_return_val_if_fail (n_canvases >= 1 && n_canvases <= NF_THEMES_MAX_CANVASES, NULL);

  self = g_object_new (NF_TYPE_THEMES_VIEW, NULL);
  self->n_canvases = n_canvases;
  for (guint i = 0; i < n_canvases; i++)
    {
      self->canvases[i] = g_object_ref (canvases[i]);
      self->names[i] = g_strdup (names[i]);
    }
  build_header (self);
  nf_themes_view_refresh (self);
  return GTK_WIDGET (self);
}
