/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-card"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-canvas-card.h"
#include "nf-gui-resources-private.h"

struct _NfCanvasCard
{
  GtkListBoxRow  parent_instance;

  NfCanvas      *canvas;

  GtkLabel      *company_label;
  GtkLabel      *label_label;
  GtkLabel      *title_label;
  GtkLabel      *notes_label;
  GtkLabel      *tables_label;
  GtkGrid       *blocks_grid;

  GtkWidget     *cells[NF_N_BLOCKS];
  GtkLabel      *counts[NF_N_BLOCKS];
};

G_DEFINE_FINAL_TYPE (NfCanvasCard, nf_canvas_card, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_CANVAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (NfCanvasCard *self)
{
  NfCanvas *canvas = self->canvas;
  const char *label = nf_canvas_get_label (canvas);
  guint n_notes = nf_canvas_get_n_notes (canvas);
  guint n_tables = g_list_model_get_n_items (nf_canvas_get_tables (canvas));
  g_autofree char *notes = NULL;
  g_autofree char *tables = NULL;

  g_assert (NF_IS_CANVAS_CARD (self));

  gtk_label_set_text (self->company_label, nf_canvas_get_company (canvas));
  gtk_label_set_text (self->title_label, nf_canvas_get_title (canvas));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), nf_canvas_get_title (canvas));
  gtk_label_set_text (self->label_label, label != NULL ? label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->label_label), label != NULL && *label != '\0');

  notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n_notes), n_notes);
  gtk_label_set_text (self->notes_label, notes);
  tables = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u metric table", "%u metric tables", n_tables),
                            n_tables);
  gtk_label_set_text (self->tables_label, tables);

  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    {
      guint n = g_list_model_get_n_items (nf_canvas_get_notes (canvas, b));
      g_autofree char *count = g_strdup_printf ("%u", n);
      /* TRANSLATORS: a block's title and its number of notes, e.g. "Channels: 3 notes". */
      g_autofree char *tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u note", "%s: %u notes", n),
                                                  nf_block_title (b), n);

      gtk_label_set_text (self->counts[b], count);
      gtk_widget_set_tooltip_text (self->cells[b], tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->cells[b]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                      -1);
      if (n == 0)
        gtk_widget_add_css_class (self->cells[b], "empty");
      else
        gtk_widget_remove_css_class (self->cells[b], "empty");
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, nf_canvas_get_company (canvas),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, nf_canvas_get_title (canvas),
                                  -1);
}

/* The nine cells sit where the blocks sit on a canvas, so the counts read
 * at a glance the way the canvas itself does. */
static void
build_blocks (NfCanvasCard *self)
{
  for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
    {
      const NfBlockPlace *place = nf_block_place (b);
      GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *title = gtk_label_new (nf_block_title (b));
      GtkWidget *count = gtk_label_new (NULL);

      gtk_widget_add_css_class (cell, "nf-block");
      gtk_label_set_xalign (GTK_LABEL (title), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_widget_set_valign (title, GTK_ALIGN_START);
      gtk_widget_add_css_class (title, "caption");
      gtk_widget_set_valign (count, GTK_ALIGN_START);
      gtk_widget_add_css_class (count, "caption-heading");
      gtk_widget_add_css_class (count, "numeric");
      gtk_box_append (GTK_BOX (cell), title);
      gtk_box_append (GTK_BOX (cell), count);

      gtk_grid_attach (self->blocks_grid, cell, place->x, place->y, place->width, place->height);
      self->cells[b] = cell;
      self->counts[b] = GTK_LABEL (count);
    }
}

static void
nf_canvas_card_constructed (GObject *object)
{
  NfCanvasCard *self = NF_CANVAS_CARD (object);

  G_OBJECT_CLASS (nf_canvas_card_parent_class)->constructed (object);

  g_signal_connect_object (self->canvas, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
nf_canvas_card_dispose (GObject *object)
{
  NfCanvasCard *self = NF_CANVAS_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NF_TYPE_CANVAS_CARD);
  g_clear_object (&self->canvas);

  G_OBJECT_CLASS (nf_canvas_card_parent_class)->dispose (object);
}

static void
nf_canvas_card_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NfCanvasCard *self = NF_CANVAS_CARD (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_canvas_card_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NfCanvasCard *self = NF_CANVAS_CARD (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      self->canvas = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_canvas_card_class_init (NfCanvasCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nf_canvas_card_constructed;
  object_class->dispose = nf_canvas_card_dispose;
  object_class->get_property = nf_canvas_card_get_property;
  object_class->set_property = nf_canvas_card_set_property;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, NF_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _nf_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-canvas-card.ui");
  gtk_widget_class_bind_template_child (widget_class, NfCanvasCard, company_label);
  gtk_widget_class_bind_template_child (widget_class, NfCanvasCard, label_label);
  gtk_widget_class_bind_template_child (widget_class, NfCanvasCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, NfCanvasCard, notes_label);
  gtk_widget_class_bind_template_child (widget_class, NfCanvasCard, tables_label);
  gtk_widget_class_bind_template_child (widget_class, NfCanvasCard, blocks_grid);
}

static void
nf_canvas_card_init (NfCanvasCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_blocks (self);
}

GtkWidget *
nf_canvas_card_new (NfCanvas *canvas)
{
  g_return_val_if_fail (NF_IS_CANVAS (canvas), NULL);

  return g_object_new (NF_TYPE_CANVAS_CARD, "canvas", canvas, NULL);
}

NfCanvas *
nf_canvas_card_get_canvas (NfCanvasCard *self)
{
  g_return_val_if_fail (NF_IS_CANVAS_CARD (self), NULL);

  return self->canvas;
}
