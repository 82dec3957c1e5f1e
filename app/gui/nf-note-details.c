/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-note-details"

#include "config.h"

#include <glib/gi18n.h>

#include "nf-canvas-view-private.h"
#include "nf-note-details.h"
#include "nf-text.h"

struct _NfNoteDetails
{
  GtkPopover   parent_instance;
  NfCanvas    *canvas;
  NfNote      *note;

  GtkDropDown *evidence;
  GtkDropDown *source;
  GtkWidget   *line;
  GtkWidget   *line_end;
  GtkWidget   *conflicts;
  GtkWidget   *tags;
  GtkWidget   *translations;
  GtkWidget   *new_lang;
  GtkWidget   *new_text;
  GtkWidget   *conflict_box;
  GtkLabel    *conflict_label;

  GStrv        source_ids;      /* the source drop-down's items after "none" */
  gboolean     updating;        /* while the fields show the note anew */
};

G_DEFINE_FINAL_TYPE (NfNoteDetails, nf_note_details, GTK_TYPE_POPOVER)

static gboolean
note_alive (NfNoteDetails *self)
{
  return self->note != NULL &&
         nf_canvas_find_note (self->canvas, nf_note_get_id (self->note), NULL, NULL) == self->note;
}

/* --- Edits: each a step of the history, only when something changed --- */

static void
on_evidence_changed (NfNoteDetails *self)
{
  guint selected = gtk_drop_down_get_selected (self->evidence);

  if (self->updating || !note_alive (self) || selected == GTK_INVALID_LIST_POSITION ||
      (NfEvidence) selected == nf_note_get_evidence (self->note))
    return;
  nf_canvas_set_note_evidence (self->canvas, self->note, (NfEvidence) selected);
}

static const char *
chosen_source (NfNoteDetails *self)
{
  guint selected = gtk_drop_down_get_selected (self->source);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->source_ids == NULL ||
      selected - 1 >= g_strv_length (self->source_ids))
    return NULL;
  return self->source_ids[selected - 1];
}

static void
on_cite_changed (NfNoteDetails *self)
{
  const char *source = chosen_source (self);
  guint line = source != NULL ? (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->line)) : 0;
  guint line_end = source != NULL ? (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->line_end)) : 0;

  if (self->updating || !note_alive (self))
    return;
  gtk_widget_set_sensitive (self->line, source != NULL);
  gtk_widget_set_sensitive (self->line_end, source != NULL && line > 0);
  /* A last line before the first means one line. */
  if (line_end < line)
    line_end = line;
  if (g_strcmp0 (source, nf_note_get_cite_source (self->note)) == 0 &&
      line == nf_note_get_cite_line (self->note) && line_end == nf_note_get_cite_line_end (self->note))
    return;
  nf_canvas_set_note_cite_range (self->canvas, self->note, source, line, line_end);
}

static void
commit_tags (NfNoteDetails *self)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  const char * const *old;
  gboolean same;

  if (self->updating || !note_alive (self))
    return;
  parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->tags)), ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (nf_text_clean (parts[i], -1));

      if (*tag != '\0')
        g_ptr_array_add (tags, tag);
      else
        g_free (tag);
    }
  g_ptr_array_add (tags, NULL);
  old = nf_note_get_tags (self->note);
  same = g_strv_equal (old != NULL ? old : (const char * const *) (const char *[]) { NULL },
                       (const char * const *) tags->pdata);
  if (!same)
    nf_canvas_set_note_tags (self->canvas, self->note, (const char * const *) tags->pdata);
}

/* "n81, #t7/3" as the note's conflict marks: one undoable step, or the
 * reason it cannot be, shown on the field. */
static void
commit_conflicts (NfNoteDetails *self)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  if (self->updating || !note_alive (self))
    return;
  parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->conflicts)), ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *ref = g_strstrip (g_strdup (parts[i]));

      if (*ref != '\0')
        g_ptr_array_add (refs, ref);
      else
        g_free (ref);
    }
  g_ptr_array_add (refs, NULL);
  if (nf_canvas_set_note_conflicts (self->canvas, self->note, (const char * const *) refs->pdata,
                                    &error))
    {
      gtk_widget_remove_css_class (self->conflicts, "error");
      gtk_widget_set_tooltip_text (self->conflicts, NULL);
      return;
    }
  gtk_widget_add_css_class (self->conflicts, "error");
  gtk_widget_set_tooltip_text (self->conflicts, error->message);
}

/* A translation's text edited in its row. */
static void
commit_translation (NfNoteDetails *self,
                    GtkEditable   *entry)
{
  const char *lang = g_object_get_data (G_OBJECT (entry), "nf-lang");
  NfText *old;
  g_autofree char *value = NULL;
  g_autoptr(NfText) text = NULL;

  if (self->updating || !note_alive (self) || lang == NULL)
    return;
  old = nf_note_get_text (self->note);
  value = g_strstrip (nf_text_clean (gtk_editable_get_text (entry), -1));
  /* Emptying a translation is not removing it: the button does that. */
  if (*value == '\0' || g_strcmp0 (nf_text_lookup (old, lang), value) == 0)
    return;
  text = nf_text_with_translation (old, lang, value);
  nf_canvas_set_note_text (self->canvas, self->note, text);
}

static void
on_remove_translation (NfNoteDetails *self,
                       GtkButton     *button)
{
  const char *lang = g_object_get_data (G_OBJECT (button), "nf-lang");
  g_autoptr(NfText) text = NULL;

  if (!note_alive (self) || lang == NULL || nf_text_lookup (nf_note_get_text (self->note), lang) == NULL)
    return;
  /* with_translation without a text drops that language. */
  text = nf_text_with_translation (nf_note_get_text (self->note), lang, NULL);
  nf_canvas_set_note_text (self->canvas, self->note, text);
}

static void
on_add_translation (NfNoteDetails *self)
{
  g_autofree char *lang = nf_language_tag_normalise (gtk_editable_get_text (GTK_EDITABLE (self->new_lang)));
  g_autofree char *value = g_strstrip (nf_text_clean (gtk_editable_get_text (GTK_EDITABLE (self->new_text)), -1));
  g_autoptr(NfText) text = NULL;

  gtk_widget_remove_css_class (self->new_lang, "error");
  if (!note_alive (self))
    return;
  if (lang == NULL)
    {
      gtk_widget_add_css_class (self->new_lang, "error");
      gtk_widget_grab_focus (self->new_lang);
      return;
    }
  if (*value == '\0')
    {
      gtk_widget_grab_focus (self->new_text);
      return;
    }
  text = nf_text_with_translation (nf_note_get_text (self->note), lang, value);
  nf_canvas_set_note_text (self->canvas, self->note, text);
  gtk_editable_set_text (GTK_EDITABLE (self->new_lang), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_text), "");
  gtk_widget_grab_focus (self->new_lang);
}

/* Text fields commit on Enter and when focus leaves them. */
static void
on_field_left (GtkEventControllerFocus *controller,
               NfNoteDetails           *self)
{
  GtkWidget *field = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (field == self->tags)
    commit_tags (self);
  else
    commit_translation (self, GTK_EDITABLE (field));
}

static void
commit_on_leave (NfNoteDetails *self,
                 GtkWidget     *field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_field_left), self, 0);
  gtk_widget_add_controller (field, focus);
}

/* --- Showing the note --- */

static void
fill_translations (NfNoteDetails *self)
{
  NfText *text = nf_note_get_text (self->note);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->translations)) != NULL)
    gtk_box_remove (GTK_BOX (self->translations), child);
  {
    /* The original first, read only here: the editor edits it. */
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *lang = gtk_label_new (nf_canvas_get_language (self->canvas) != NULL
                                     ? nf_canvas_get_language (self->canvas) : "");
    GtkWidget *value = gtk_label_new (text != NULL ? nf_text_get (text) : "");

    gtk_label_set_width_chars (GTK_LABEL (lang), 6);
    gtk_label_set_xalign (GTK_LABEL (lang), 0);
    gtk_widget_add_css_class (lang, "dim-label");
    gtk_label_set_wrap (GTK_LABEL (value), TRUE);
    gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
    gtk_label_set_max_width_chars (GTK_LABEL (value), 40);
    gtk_label_set_xalign (GTK_LABEL (value), 0);
    gtk_label_set_selectable (GTK_LABEL (value), TRUE);
    gtk_widget_set_hexpand (value, TRUE);
    gtk_accessible_update_property (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Original text"), -1);
    gtk_box_append (GTK_BOX (row), lang);
    gtk_box_append (GTK_BOX (row), value);
    gtk_box_append (GTK_BOX (self->translations), row);
  }
  for (guint i = 0; text != NULL && i < nf_text_get_n_translations (text); i++)
    {
      const char *lang = NULL;
      const char *value = nf_text_get_translation (text, i, &lang);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (lang);
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *name = g_strdup_printf (_("Translation (%s)"), lang);
      g_autofree char *remove_name = g_strdup_printf (_("Remove the translation (%s)"), lang);

      gtk_label_set_width_chars (GTK_LABEL (label), 6);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_editable_set_text (GTK_EDITABLE (entry), value);
      gtk_widget_set_hexpand (entry, TRUE);
      g_object_set_data_full (G_OBJECT (entry), "nf-lang", g_strdup (lang), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_signal_connect_object (entry, "activate", G_CALLBACK (commit_translation), self, G_CONNECT_SWAPPED);
      commit_on_leave (self, entry);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      g_object_set_data_full (G_OBJECT (remove), "nf-lang", g_strdup (lang), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_translation), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), entry);
      gtk_box_append (GTK_BOX (row), remove);
      gtk_box_append (GTK_BOX (self->translations), row);
    }
}

static void
fill_sources (NfNoteDetails *self)
{
  GListModel *sources = nf_canvas_get_sources (self->canvas);
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  const char *cited = nf_note_get_cite_source (self->note);
  guint selected = 0;

  gtk_string_list_append (items, _("No source"));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(NfSource) source = g_list_model_get_item (sources, i);
      const char *title = nf_source_get_title (source);

      gtk_string_list_append (items, title != NULL && *title != '\0' ? title : nf_source_get_id (source));
      g_strv_builder_add (ids, nf_source_get_id (source));
      if (g_strcmp0 (cited, nf_source_get_id (source)) == 0)
        selected = i + 1;
    }
  /* A cited id the canvas does not list is still shown, not lost. */
  if (cited != NULL && selected == 0)
    {
      gtk_string_list_append (items, cited);
      g_strv_builder_add (ids, cited);
      selected = g_list_model_get_n_items (G_LIST_MODEL (items)) - 1;
    }
  {
    g_auto(GStrv) new_ids = g_strv_builder_end (ids);

    /* The same list keeps its model: with a new model on every refresh,
     * a later gtk_drop_down_set_selected() crashed under GTK 4.8. */
    if (self->source_ids == NULL || !g_strv_equal ((const char * const *) self->source_ids,
                                                   (const char * const *) new_ids))
      {
        g_strfreev (self->source_ids);
        self->source_ids = g_steal_pointer (&new_ids);
        gtk_drop_down_set_model (self->source, G_LIST_MODEL (items));
      }
  }
  gtk_drop_down_set_selected (self->source, selected);
}

/* The choices of a merge's conflict, when the note is one version. */
static void
show_conflict (NfNoteDetails *self)
{
  const NfConflict *c = nf_canvas_find_conflict (self->canvas, NF_CONFLICT_NOTE,
                                                 nf_note_get_id (self->note), NULL);

  gtk_widget_set_visible (self->conflict_box, c != NULL);
  if (c == NULL)
    return;
  if (c->ours == NULL || c->theirs == NULL)
    gtk_label_set_text (self->conflict_label,
                        nf_conflict_is_ours (c, nf_note_get_id (self->note))
                        ? _("A merge left this note in conflict: we edited it, they deleted it.")
                        : _("A merge left this note in conflict: they edited it, we deleted it."));
  else
    gtk_label_set_text (self->conflict_label,
                        nf_conflict_is_ours (c, nf_note_get_id (self->note))
                        ? _("A merge left this note in conflict: this is our version, the other card is theirs.")
                        : _("A merge left this note in conflict: this is their version, the other card is ours."));
}

static void
show_note (NfNoteDetails *self)
{
  const char * const *tags;
  g_autofree char *joined = NULL;
  GtkWidget *focus = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!note_alive (self))
    return;
  if (root != NULL)
    focus = gtk_root_get_focus (root);
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->evidence, (guint) nf_note_get_evidence (self->note));
  fill_sources (self);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->line), nf_note_get_cite_line (self->note));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->line_end), nf_note_get_cite_line_end (self->note));
  gtk_widget_set_sensitive (self->line, nf_note_get_cite_source (self->note) != NULL);
  gtk_widget_set_sensitive (self->line_end, nf_note_get_cite_line (self->note) > 0);
  if (focus == NULL || !gtk_widget_is_ancestor (focus, self->conflicts))
    {
      g_autofree char *marks = g_strjoinv (", ", (char **) nf_note_get_conflicts (self->note));

      gtk_editable_set_text (GTK_EDITABLE (self->conflicts), marks);
    }
  tags = nf_note_get_tags (self->note);
  joined = tags != NULL ? g_strjoinv (", ", (char **) tags) : g_strdup ("");
  /* Not under the user's fingers: a field being typed in keeps its text. */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, self->tags))
    gtk_editable_set_text (GTK_EDITABLE (self->tags), joined);
  if (focus == NULL || !gtk_widget_is_ancestor (focus, self->translations))
    fill_translations (self);
  show_conflict (self);
  self->updating = FALSE;
}

static void
on_note_notify (NfNoteDetails *self)
{
  show_note (self);
}

static void
nf_note_details_dispose (GObject *object)
{
  NfNoteDetails *self = NF_NOTE_DETAILS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NF_TYPE_NOTE_DETAILS);
  g_clear_object (&self->note);
  g_clear_object (&self->canvas);
  G_OBJECT_CLASS (nf_note_details_parent_class)->dispose (object);
}

static void
nf_note_details_finalize (GObject *object)
{
  g_strfreev (NF_NOTE_DETAILS (object)->source_ids);
  G_OBJECT_CLASS (nf_note_details_parent_class)->finalize (object);
}

static void
nf_note_details_class_init (NfNoteDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_note_details_dispose;
  object_class->finalize = nf_note_details_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-note-details.ui");
  gtk_widget_class_bind_template_child (widget_class, NfNoteDetails, evidence);
  gtk_widget_class_bind_template_child (widget_class, NfNoteDetails, source);
  gtk_widget_class_bind_template_child (widget_class, NfNoteDetails, line);
  gtk_widget_class_bind_template_child (widget_class, NfNoteDetails, line_end);
  gtk_widget_class_bind_template_child (widget_class, NfNoteDetails, conflicts);
  gtk_widget_class_bind_template_child (widget_class, NfNoteDetails, tags);
  gtk_widget_class_bind_template_child (widget_class, NfNoteDetails, translations);
  gtk_widget_class_bind_template_child (widget_class, NfNoteDetails, new_lang);
  gtk_widget_class_bind_template_child (widget_class, NfNoteDetails, new_text);
  gtk_widget_class_bind_template_child (widget_class, NfNoteDetails, conflict_box);
  gtk_widget_class_bind_template_child (widget_class, NfNoteDetails, conflict_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_translation);
}

static void
nf_note_details_init (NfNoteDetails *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (NfEvidence e = NF_EVIDENCE_NONE; e < NF_EVIDENCE_N_LEVELS; e++)
    gtk_string_list_append (levels, nf_evidence_title (e));
  gtk_drop_down_set_model (self->evidence, G_LIST_MODEL (levels));
}

GtkWidget *
nf_note_details_new (NfCanvas *canvas,
                     NfNote   *note)
{
  NfNoteDetails *self;

  g_return_val_if_fail (NF_IS_CANVAS (canvas), NULL);
  g_return_val_if_fail (NF_IS_NOTE (note), NULL);

  self = g_object_new (NF_TYPE_NOTE_DETAILS, NULL);
  self->canvas = g_object_ref (canvas);
  self->note = g_object_ref (note);
  show_note (self);
  g_signal_connect_object (self->evidence, "notify::selected", G_CALLBACK (on_evidence_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source, "notify::selected", G_CALLBACK (on_cite_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->line, "value-changed", G_CALLBACK (on_cite_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->line_end, "value-changed", G_CALLBACK (on_cite_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tags, "activate", G_CALLBACK (commit_tags), self, G_CONNECT_SWAPPED);
  commit_on_leave (self, self->tags);
  g_signal_connect_object (self->conflicts, "activate", G_CALLBACK (commit_conflicts), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (note, "notify", G_CALLBACK (on_note_notify), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

NfNote *
nf_note_details_get_note (NfNoteDetails *self)
{
  g_return_val_if_fail (NF_IS_NOTE_DETAILS (self), NULL);
  return self->note;
}

/* --- The view's action --- */

static void
note_details_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  NfNote *note = _nf_canvas_view_action_note (self);
  GtkWidget *popover;
  NfRect r;

  if (note == NULL)
    return;
  popover = _nf_canvas_view_new_popover (self, nf_note_details_new (self->canvas, note));
  if (!nf_grid_layout_get_card_rect (self->layout, note, &r))
    nf_grid_layout_get_block_rect (self->layout, self->current_block, &r);
  _nf_canvas_view_from_layout (self, &r);
  _nf_canvas_view_show_popover (self, popover, &r);
  gtk_widget_grab_focus (GTK_WIDGET (NF_NOTE_DETAILS (popover)->evidence));
}

/* Alt+Enter, as for an item's properties elsewhere; on the grid only. */
static gboolean
details_key (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  if (!_nf_canvas_view_grid_has_focus (NF_CANVAS_VIEW (widget)) ||
      _nf_canvas_view_focused_note (NF_CANVAS_VIEW (widget)) == NULL)
    return FALSE;
  return gtk_widget_activate_action (widget, "view.note-details", NULL);
}

void
_nf_canvas_view_class_init_details (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.note-details", NULL, note_details_activated);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_ALT_MASK, details_key, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_ALT_MASK, details_key, NULL);
}
