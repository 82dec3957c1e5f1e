/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-details"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-canvas-details.h"
#include "nf-gui-resources-private.h"
#include "nf-rates-group.h"

struct _NfCanvasDetails
{
  AdwPreferencesWindow  parent_instance;

  NfCanvas             *canvas;
  GPtrArray            *source_rows;   /* AdwExpanderRow, one per source */
  guint                 updating;      /* > 0 while the model is being shown */

  AdwEntryRow          *company_row;
  AdwEntryRow          *title_row;
  AdwEntryRow          *label_row;
  AdwEntryRow          *language_row;
  GtkTextView          *description_view;
  AdwPreferencesGroup  *sources_group;
  NfRatesGroup         *rates_group;
};

G_DEFINE_FINAL_TYPE (NfCanvasDetails, nf_canvas_details, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CANVAS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum {
  FIELD_COMPANY,
  FIELD_TITLE,
  FIELD_LABEL,
  FIELD_LANGUAGE,
} Field;

/* The fields of a source, in NfSource's order. */
enum { SOURCE_TITLE, SOURCE_PUBLISHER, SOURCE_DATE, SOURCE_ADDRESS, N_SOURCE_FIELDS };
static const char * const source_field_titles[N_SOURCE_FIELDS] = {
  N_("Title"), N_("Publisher"), N_("Date"), N_("Address (a URL or a file name)"),
};
static const char * const source_field_keys[N_SOURCE_FIELDS] = {
  "nf-title", "nf-publisher", "nf-date", "nf-address",
};

/* --- Typed text is "dirty" until committed; the model is shown only in
 * clean fields, so a refresh never eats what is being typed. --- */

static void
mark_dirty (GObject         *editable,
            NfCanvasDetails *self)
{
  if (self->updating == 0)
    g_object_set_data (editable, "nf-dirty", GINT_TO_POINTER (TRUE));
}

static gboolean
is_dirty (gpointer object)
{
  return g_object_get_data (G_OBJECT (object), "nf-dirty") != NULL;
}

static void
set_clean (gpointer object)
{
  g_object_set_data (G_OBJECT (object), "nf-dirty", NULL);
}

static void
show_text (NfCanvasDetails *self,
           gpointer         editable,
           const char      *text)
{
  if (is_dirty (editable) || g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") == 0)
    return;
  self->updating++;
  gtk_editable_set_text (editable, text ? text : "");
  self->updating--;
}

static char *
editable_text (gpointer editable)
{
  char *text = nf_text_clean (gtk_editable_get_text (editable), -1);

  return g_strstrip (text);
}

static void
set_invalid (GtkWidget  *row,
             const char *reason)
{
  if (reason != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, reason);
}

/* Screen readers read the focused text field, inside the row: name both. */
static void
label_row (GtkWidget  *row,
           const char *label)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* --- The canvas's own fields --- */

static void
refresh (NfCanvasDetails *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  const char *description = nf_canvas_get_description (self->canvas);

  show_text (self, self->company_row, nf_canvas_get_company (self->canvas));
  show_text (self, self->title_row, nf_canvas_get_title (self->canvas));
  show_text (self, self->label_row, nf_canvas_get_label (self->canvas));
  show_text (self, self->language_row, nf_canvas_get_language (self->canvas));
  if (!is_dirty (buffer))
    {
      g_autofree char *shown = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (shown, description ? description : "") != 0)
        {
          self->updating++;
          gtk_text_buffer_set_text (buffer, description ? description : "", -1);
          self->updating--;
        }
    }
}

static void
commit_field (NfCanvasDetails *self,
              GtkWidget       *row)
{
  Field field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "nf-field"));
  g_autofree char *text = NULL;
  g_autofree char *tag = NULL;

  if (!is_dirty (row))
    return;
  text = editable_text (row);
  if ((field == FIELD_COMPANY || field == FIELD_TITLE) && *text == '\0')
    {
      set_invalid (row, field == FIELD_COMPANY ? _("A canvas needs the name of its company")
                                               : _("A canvas needs a title"));
      return;
    }
  if (field == FIELD_LANGUAGE)
    {
      tag = nf_language_tag_normalise (text);
      if (tag == NULL)
        {
          set_invalid (row, _("Not a language tag; try “en”, “zh” or “zh-CN”"));
          return;
        }
    }
  set_invalid (row, NULL);
  set_clean (row);

  switch (field)
    {
    case FIELD_COMPANY:
      nf_canvas_set_company (self->canvas, text);
      break;
    case FIELD_TITLE:
      nf_canvas_set_title (self->canvas, text);
      break;
    case FIELD_LABEL:
      nf_canvas_set_label (self->canvas, text);
      break;
    case FIELD_LANGUAGE:
    default:
      nf_canvas_set_language (self->canvas, tag);
      break;
    }
  /* Shows the value as stored, e.g. a normalised language tag. */
  refresh (self);
}

static void
commit_description (NfCanvasDetails *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  g_autofree char *text = NULL;
  g_autofree char *clean = NULL;
  GtkTextIter start, end;

  if (!is_dirty (buffer))
    return;
  set_clean (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  clean = nf_text_clean (text, -1);
  nf_canvas_set_description (self->canvas, g_strstrip (clean));
  refresh (self);
}

/* --- Sources --- */

static void
update_source_row (NfCanvasDetails *self,
                   GtkWidget       *expander,
                   NfSource        *source)
{
  const char *values[N_SOURCE_FIELDS] = {
    nf_source_get_title (source), nf_source_get_publisher (source),
    nf_source_get_date (source), nf_source_get_address (source),
  };
  g_autoptr(GString) subtitle = g_string_new (nf_source_get_id (source));

  for (guint f = SOURCE_PUBLISHER; f <= SOURCE_DATE; f++)
    if (values[f] != NULL && *values[f] != '\0')
      g_string_append_printf (subtitle, " · %s", values[f]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), values[SOURCE_TITLE]);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle->str);
  g_object_set_data_full (G_OBJECT (expander), "nf-id", g_strdup (nf_source_get_id (source)), g_free);
  for (guint f = 0; f < N_SOURCE_FIELDS; f++)
    {
      GtkWidget *entry = g_object_get_data (G_OBJECT (expander), source_field_keys[f]);
      /* TRANSLATORS: the accessible name of a source's field: the source's id and the field, e.g. "s1: Publisher". */
      g_autofree char *label = g_strdup_printf (_("%s: %s"), nf_source_get_id (source), _(source_field_titles[f]));

      show_text (self, entry, values[f]);
      label_row (entry, label);
    }
}

static void
commit_source (NfCanvasDetails *self,
               GtkWidget       *entry)
{
  GtkWidget *expander = g_object_get_data (G_OBJECT (entry), "nf-expander");
  char *values[N_SOURCE_FIELDS] = { NULL };
  g_autoptr(NfSource) source = NULL;
  g_autoptr(NfSource) old = NULL;
  g_autoptr(GError) error = NULL;
  guint index;

  if (!is_dirty (entry) || !g_ptr_array_find (self->source_rows, expander, &index))
    return;
  for (guint f = 0; f < N_SOURCE_FIELDS; f++)
    values[f] = editable_text (g_object_get_data (G_OBJECT (expander), source_field_keys[f]));
  if (*values[SOURCE_TITLE] == '\0')
    {
      set_invalid (entry, _("A source needs a title"));
      goto out;
    }
  set_invalid (entry, NULL);
  for (guint f = 0; f < N_SOURCE_FIELDS; f++)
    set_clean (g_object_get_data (G_OBJECT (expander), source_field_keys[f]));

  old = g_list_model_get_item (nf_canvas_get_sources (self->canvas), index);
  source = nf_source_new (nf_source_get_id (old), values[SOURCE_TITLE],
                          *values[SOURCE_PUBLISHER] ? values[SOURCE_PUBLISHER] : NULL,
                          *values[SOURCE_DATE] ? values[SOURCE_DATE] : NULL,
                          *values[SOURCE_ADDRESS] ? values[SOURCE_ADDRESS] : NULL);
  if (!nf_source_equal (source, old) &&
      !nf_canvas_replace_source (self->canvas, index, source, &error))
    g_warning ("Could not change source %s: %s", nf_source_get_id (old), error->message);
  update_source_row (self, expander, old != NULL && nf_source_equal (source, old) ? old : source);

out:
  for (guint f = 0; f < N_SOURCE_FIELDS; f++)
    g_free (values[f]);
}

static void
connect_field (NfCanvasDetails *self,
               GtkWidget       *row,
               GCallback        commit)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  /* One undoable step a field, committed on Enter, apply or leaving it;
   * Ctrl+Z undoes the canvas's steps, not the typing in one field. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  g_signal_connect (row, "changed", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (row, "apply", commit, self);
  g_signal_connect_swapped (row, "entry-activated", commit, self);
  g_signal_connect_swapped (focus, "leave", commit, self);
  gtk_widget_add_controller (row, focus);
}

/* Handlers get the row, or the focus controller on it. */
static void
commit_source_from (NfCanvasDetails *self,
                    gpointer         emitter)
{
  GtkWidget *row = GTK_IS_EVENT_CONTROLLER (emitter)
    ? gtk_event_controller_get_widget (emitter) : emitter;

  commit_source (self, row);
}

static void
commit_field_from (NfCanvasDetails *self,
                   gpointer         emitter)
{
  GtkWidget *row = GTK_IS_EVENT_CONTROLLER (emitter)
    ? gtk_event_controller_get_widget (emitter) : emitter;

  commit_field (self, row);
}

static GtkWidget *
create_source_row (NfCanvasDetails *self,
                   NfSource        *source,
                   guint            index)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  for (guint f = 0; f < N_SOURCE_FIELDS; f++)
    {
      GtkWidget *entry = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(source_field_titles[f]));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
      g_object_set_data (G_OBJECT (entry), "nf-expander", expander);
      g_object_set_data (G_OBJECT (expander), source_field_keys[f], entry);
      connect_field (self, entry, G_CALLBACK (commit_source_from));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), entry);
    }

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Source"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "details.remove-source");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", index);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);

  update_source_row (self, expander, source);
  return expander;
}

static void
sources_changed (NfCanvasDetails *self,
                 guint            position,
                 guint            removed,
                 guint            added)
{
  GListModel *sources = nf_canvas_get_sources (self->canvas);

  /* A replaced source keeps its row, and the focus in it. */
  if (removed == added && position + added <= self->source_rows->len)
    {
      for (guint i = position; i < position + added; i++)
        {
          g_autoptr(NfSource) source = g_list_model_get_item (sources, i);

          update_source_row (self, g_ptr_array_index (self->source_rows, i), source);
        }
      return;
    }

  for (guint i = 0; i < self->source_rows->len; i++)
    adw_preferences_group_remove (self->sources_group, g_ptr_array_index (self->source_rows, i));
  g_ptr_array_set_size (self->source_rows, 0);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(NfSource) source = g_list_model_get_item (sources, i);
      GtkWidget *row = create_source_row (self, source, i);

      g_ptr_array_add (self->source_rows, row);
      adw_preferences_group_add (self->sources_group, row);
    }
}

/* --- Actions --- */

static void
add_source_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  NfCanvasDetails *self = NF_CANVAS_DETAILS (widget);
  guint n = g_list_model_get_n_items (nf_canvas_get_sources (self->canvas));
  g_autoptr(NfSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GtkWidget *row;

  for (guint i = n + 1; id == NULL || nf_canvas_find_source (self->canvas, id) != NULL; i++)
    {
      g_free (id);
      id = g_strdup_printf ("s%u", i);
    }
  source = nf_source_new (id, _("New source"), NULL, NULL, NULL);
  if (!nf_canvas_insert_source (self->canvas, n, source, &error))
    {
      g_warning ("Could not add a source: %s", error->message);
      return;
    }
  row = g_ptr_array_index (self->source_rows, n);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), source_field_keys[SOURCE_TITLE]));
}

static void
remove_source_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NfCanvasDetails *self = NF_CANVAS_DETAILS (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index < g_list_model_get_n_items (nf_canvas_get_sources (self->canvas)))
    nf_canvas_remove_source (self->canvas, index);
}

/* Text not yet committed is dropped: undo goes back from what the canvas
 * holds, not from half-typed text. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NfCanvasDetails *self = NF_CANVAS_DETAILS (widget);
  NfHistory *history = nf_canvas_get_history (self->canvas);
  GtkWidget *rows[] = { GTK_WIDGET (self->company_row), GTK_WIDGET (self->title_row),
                        GTK_WIDGET (self->label_row), GTK_WIDGET (self->language_row) };
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      set_clean (rows[i]);
      set_invalid (rows[i], NULL);
    }
  set_clean (gtk_text_view_get_buffer (self->description_view));
  for (guint i = 0; i < self->source_rows->len; i++)
    for (guint f = 0; f < N_SOURCE_FIELDS; f++)
      set_clean (g_object_get_data (g_ptr_array_index (self->source_rows, i), source_field_keys[f]));

  if (g_str_equal (action_name, "details.undo"))
    nf_history_undo (history);
  else
    nf_history_redo (history);
  refresh (self);
  /* Shows the sources again in fields whose typing was dropped. */
  n = g_list_model_get_n_items (nf_canvas_get_sources (self->canvas));
  if (n == self->source_rows->len)
    sources_changed (self, 0, n, n);
}

static void
sync_actions (NfCanvasDetails *self)
{
  NfHistory *history = nf_canvas_get_history (self->canvas);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.undo", nf_history_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.redo", nf_history_can_redo (history));
}

/* --- GObject --- */

/* Ctrl+Z undoes the canvas's steps even in a text field, whose own key
 * bindings would take it first; hence the capture phase. */
static void
add_history_shortcuts (GtkWidget  *widget,
                       const char *undo,
                       const char *redo)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *redo_trigger =
    gtk_alternative_trigger_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>z"),
                                 gtk_shortcut_trigger_parse_string ("<Control><Shift>Z"));

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>z"),
                                                          gtk_named_action_new (undo)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (redo_trigger, gtk_named_action_new (redo)));
  gtk_widget_add_controller (widget, controller);
}


static gboolean
nf_canvas_details_close_request (GtkWindow *window)
{
  NfCanvasDetails *self = NF_CANVAS_DETAILS (window);

  /* Closing keeps what was typed, as leaving the field would. */
  commit_field (self, GTK_WIDGET (self->company_row));
  commit_field (self, GTK_WIDGET (self->title_row));
  commit_field (self, GTK_WIDGET (self->label_row));
  commit_field (self, GTK_WIDGET (self->language_row));
  commit_description (self);
  for (guint i = 0; i < self->source_rows->len; i++)
    for (guint f = 0; f < N_SOURCE_FIELDS; f++)
      commit_source (self, g_object_get_data (g_ptr_array_index (self->source_rows, i), source_field_keys[f]));

  return GTK_WINDOW_CLASS (nf_canvas_details_parent_class)->close_request (window);
}

static void
nf_canvas_details_constructed (GObject *object)
{
  NfCanvasDetails *self = NF_CANVAS_DETAILS (object);
  NfHistory *history = nf_canvas_get_history (self->canvas);
  GListModel *sources = nf_canvas_get_sources (self->canvas);

  G_OBJECT_CLASS (nf_canvas_details_parent_class)->constructed (object);

  g_signal_connect_object (self->canvas, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sources, "items-changed", G_CALLBACK (sources_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (history, "notify::can-undo", G_CALLBACK (sync_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (history, "notify::can-redo", G_CALLBACK (sync_actions), self, G_CONNECT_SWAPPED);
  refresh (self);
  sources_changed (self, 0, 0, g_list_model_get_n_items (sources));
  nf_rates_group_set_canvas (self->rates_group, self->canvas);
  sync_actions (self);
}

static void
nf_canvas_details_dispose (GObject *object)
{
  NfCanvasDetails *self = NF_CANVAS_DETAILS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NF_TYPE_CANVAS_DETAILS);
  g_clear_object (&self->canvas);
  g_clear_pointer (&self->source_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (nf_canvas_details_parent_class)->dispose (object);
}

static void
nf_canvas_details_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NfCanvasDetails *self = NF_CANVAS_DETAILS (object);

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
nf_canvas_details_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  NfCanvasDetails *self = NF_CANVAS_DETAILS (object);

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
nf_canvas_details_class_init (NfCanvasDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = nf_canvas_details_constructed;
  object_class->dispose = nf_canvas_details_dispose;
  object_class->get_property = nf_canvas_details_get_property;
  object_class->set_property = nf_canvas_details_set_property;
  window_class->close_request = nf_canvas_details_close_request;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, NF_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _nf_gui_ensure_resources ();
  g_type_ensure (NF_TYPE_RATES_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-canvas-details.ui");
  gtk_widget_class_bind_template_child (widget_class, NfCanvasDetails, company_row);
  gtk_widget_class_bind_template_child (widget_class, NfCanvasDetails, title_row);
  gtk_widget_class_bind_template_child (widget_class, NfCanvasDetails, label_row);
  gtk_widget_class_bind_template_child (widget_class, NfCanvasDetails, language_row);
  gtk_widget_class_bind_template_child (widget_class, NfCanvasDetails, description_view);
  gtk_widget_class_bind_template_child (widget_class, NfCanvasDetails, sources_group);
  gtk_widget_class_bind_template_child (widget_class, NfCanvasDetails, rates_group);

  gtk_widget_class_install_action (widget_class, "details.add-source", NULL, add_source_action);
  gtk_widget_class_install_action (widget_class, "details.remove-source", "u", remove_source_action);
  gtk_widget_class_install_action (widget_class, "details.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "details.redo", NULL, history_action);
}

static void
nf_canvas_details_init (NfCanvasDetails *self)
{
  AdwEntryRow *rows[] = { NULL, NULL, NULL, NULL };
  GtkTextBuffer *buffer;
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->source_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  add_history_shortcuts (GTK_WIDGET (self), "details.undo", "details.redo");

  rows[FIELD_COMPANY] = self->company_row;
  rows[FIELD_TITLE] = self->title_row;
  rows[FIELD_LABEL] = self->label_row;
  rows[FIELD_LANGUAGE] = self->language_row;
  for (guint f = 0; f < G_N_ELEMENTS (rows); f++)
    {
      g_object_set_data (G_OBJECT (rows[f]), "nf-field", GINT_TO_POINTER (f));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows[f]), FALSE);
      label_row (GTK_WIDGET (rows[f]), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[f])));
      connect_field (self, GTK_WIDGET (rows[f]), G_CALLBACK (commit_field_from));
    }

  buffer = gtk_text_view_get_buffer (self->description_view);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect (buffer, "changed", G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (commit_description), self);
  gtk_widget_add_controller (GTK_WIDGET (self->description_view), focus);
}

GtkWidget *
nf_canvas_details_new (GtkWindow *parent,
                       NfCanvas  *canvas)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (NF_IS_CANVAS (canvas), NULL);

  return g_object_new (NF_TYPE_CANVAS_DETAILS,
                       "canvas", canvas,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
}

NfCanvas *
nf_canvas_details_get_canvas (NfCanvasDetails *self)
{
  g_return_val_if_fail (NF_IS_CANVAS_DETAILS (self), NULL);

  return self->canvas;
}
