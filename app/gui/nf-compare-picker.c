/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-compare-picker"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nf-compare-picker.h"
#include "nf-gui-resources-private.h"
#include "nf-settings.h"

#define MAX_RECENT 8

typedef enum {
  CHOICE_OPEN,
  CHOICE_SNAPSHOT,
  CHOICE_CASE,
  CHOICE_RECENT,
} ChoiceKind;

typedef struct {
  ChoiceKind  kind;
  NfCanvas   *canvas;     /* open, and the snapshot's canvas */
  NfSnapshot *snapshot;
  guint       case_index;
  char       *uri;
  char       *title;
  GtkWidget  *check;
} Choice;

struct _NfComparePicker
{
  AdwWindow       parent_instance;

  GPtrArray      *choices;   /* Choice *, in the order shown */

  /* While recent files load: the canvases in the order chosen (NULL
   * until loaded), and how many are still loading. */
  GCancellable   *loading;
  GPtrArray      *chosen;
  guint           n_waiting;

  AdwWindowTitle *window_title;
  GtkWidget      *compare_button;
  GtkWidget      *error_label;
  GtkWidget      *progress_box;
  GtkWidget      *progress_label;
  GtkSpinner     *progress_spinner;
  AdwPreferencesGroup *open_group;
  AdwPreferencesGroup *cases_group;
  AdwPreferencesGroup *recent_group;
};

G_DEFINE_FINAL_TYPE (NfComparePicker, nf_compare_picker, ADW_TYPE_WINDOW)

enum {
  COMPARE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
choice_free (gpointer data)
{
  Choice *c = data;

  g_clear_object (&c->canvas);
  g_clear_object (&c->snapshot);
  g_free (c->uri);
  g_free (c->title);
  g_free (c);
}

guint
nf_compare_picker_get_n_chosen (NfComparePicker *self)
{
  guint n = 0;

  g_assert (NF_IS_COMPARE_PICKER (self));
  for (guint i = 0; i < self->choices->len; i++)
    n += gtk_check_button_get_active (GTK_CHECK_BUTTON (((Choice *) g_ptr_array_index (self->choices, i))->check));
  return n;
}

/* At most four: once four are ticked the others wait. */
static void
update_state (NfComparePicker *self)
{
  guint n = nf_compare_picker_get_n_chosen (self);
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *c = g_ptr_array_index (self->choices, i);

      gtk_widget_set_sensitive (c->check, n < NF_DIFF_MAX_CANVASES ||
                                          gtk_check_button_get_active (GTK_CHECK_BUTTON (c->check)));
    }
  /* Translators: the picker's subtitle; %u is how many are ticked */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Choose 2 to 4 — %u chosen",
                                           "Choose 2 to 4 — %u chosen", n), n);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.compare", n >= 2 && n <= NF_DIFF_MAX_CANVASES);
}

static Choice *
add_choice (NfComparePicker     *self,
            AdwPreferencesGroup *group,
            ChoiceKind           kind,
            const char          *title,
            const char          *subtitle)
{
  Choice *c = g_new0 (Choice, 1);
  GtkWidget *row = adw_action_row_new ();

  c->kind = kind;
  c->title = g_strdup (title);
  c->check = gtk_check_button_new ();
  gtk_widget_set_valign (c->check, GTK_ALIGN_CENTER);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), c->check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), c->check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (c->check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect_swapped (c->check, "toggled", G_CALLBACK (update_state), self);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->choices, c);
  return c;
}

static char *
canvas_title (NfCanvas *canvas)
{
  const char *company = nf_canvas_get_company (canvas);
  const char *title = nf_canvas_get_title (canvas);

  if (company != NULL && *company != '\0')
    return g_strdup (company);
  if (title != NULL && *title != '\0')
    return g_strdup (title);
  return g_strdup (_("Untitled"));
}

static gboolean
is_open (GListModel *canvases,
         NfCanvas   *canvas)
{
  for (guint i = 0; i < g_list_model_get_n_items (canvases); i++)
    {
      g_autoptr(NfCanvas) open = g_list_model_get_item (canvases, i);

      if (g_strcmp0 (nf_canvas_get_company (open), nf_canvas_get_company (canvas)) == 0 &&
          g_strcmp0 (nf_canvas_get_title (open), nf_canvas_get_title (canvas)) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
fill (NfComparePicker *self,
      GListModel      *canvases,
      GListModel      *documents,
      NfCanvas        *current)
{
  guint n = g_list_model_get_n_items (canvases);
  g_autoptr(GSettings) settings = nf_settings_new ();
  g_auto(GStrv) uris = g_settings_get_strv (settings, "recent-files");
  const char * const *cases = nf_case_resource_paths ();
  guint ticked = 0, n_cases = 0, n_recent = 0;

  /* The canvas in view first, as the window always put it. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(NfCanvas) canvas = g_list_model_get_item (canvases, i);
        GListModel *snapshots = nf_canvas_get_snapshots (canvas);
        g_autofree char *title = NULL;
        Choice *c;

        if ((pass == 0) != (canvas == current))
          continue;
        title = canvas_title (canvas);
        c = add_choice (self, self->open_group, CHOICE_OPEN, title, nf_canvas_get_title (canvas));
        c->canvas = g_object_ref (canvas);
        if (ticked < NF_DIFF_MAX_CANVASES)
          {
            gtk_check_button_set_active (GTK_CHECK_BUTTON (c->check), TRUE);
            ticked++;
          }
        for (guint k = g_list_model_get_n_items (snapshots); k-- > 0;)
          {
            g_autoptr(NfSnapshot) snapshot = g_list_model_get_item (snapshots, k);
            /* Translators: a snapshot in the compare picker: "Bitauto — FY2015 baseline" */
            g_autofree char *name = g_strdup_printf (_("%s — %s"), title, nf_snapshot_get_name (snapshot));
            g_autofree char *when = g_date_time_format (nf_snapshot_get_time (snapshot), _("Snapshot of %e %B %Y"));

            c = add_choice (self, self->open_group, CHOICE_SNAPSHOT, name, g_strstrip (when));
            c->canvas = g_object_ref (canvas);
            c->snapshot = g_object_ref (snapshot);
          }
      }

  for (guint i = 0; cases != NULL && cases[i] != NULL; i++)
    {
      g_autoptr(NfCanvas) canvas = nf_canvas_load_case (i, NULL);
      g_autofree char *title = NULL;
      Choice *c;

      if (canvas == NULL || is_open (canvases, canvas))
        continue;
      title = canvas_title (canvas);
      c = add_choice (self, self->cases_group, CHOICE_CASE, title, nf_canvas_get_title (canvas));
      c->case_index = i;
      n_cases++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->cases_group), n_cases > 0);

  for (guint i = 0; uris[i] != NULL && n_recent < MAX_RECENT; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *name = NULL;
      g_autofree char *where = NULL;
      gboolean open = FALSE;
      Choice *c;

      for (guint d = 0; d < g_list_model_get_n_items (documents) && !open; d++)
        {
          g_autoptr(NfDocument) document = g_list_model_get_item (documents, d);
          GFile *location = nf_document_get_file (document);

          open = location != NULL && g_file_equal (location, file);
        }
      if (open || base == NULL || !g_file_query_exists (file, NULL))
        continue;
      name = g_filename_display_name (base);
      where = g_file_get_parse_name (file);
      c = add_choice (self, self->recent_group, CHOICE_RECENT, name, where);
      c->uri = g_strdup (uris[i]);
      n_recent++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), n_recent > 0);
  update_state (self);
}

static NfCanvas *
make_canvas (Choice  *c,
             GError **error)
{
  switch (c->kind)
    {
    case CHOICE_OPEN:
      return g_object_ref (c->canvas);
    case CHOICE_SNAPSHOT:
      {
        NfCanvas *canvas = nf_canvas_new_from_snapshot (c->canvas, c->snapshot);

        nf_canvas_set_label (canvas, nf_snapshot_get_name (c->snapshot));
        return canvas;
      }
    case CHOICE_CASE:
      return nf_canvas_load_case (c->case_index, error);
    case CHOICE_RECENT:   /* read in a worker thread: recent_loaded() */
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The picker while files load: a spinner naming them, the choices and
 * Compare set aside so the choice cannot change under the loads. */
static void
set_loading (NfComparePicker *self,
             const char      *names)
{
  gboolean loading = names != NULL;

  if (loading)
    {
      /* Translators: while the compare picker reads recent files: "Loading “a.ninefold”, “b.ninefold”…" */
      g_autofree char *text = g_strdup_printf (_("Loading %s…"), names);

      gtk_label_set_text (GTK_LABEL (self->progress_label), text);
      gtk_widget_set_visible (self->error_label, FALSE);
    }
  gtk_widget_set_visible (self->progress_box, loading);
  gtk_spinner_set_spinning (self->progress_spinner, loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.compare", !loading);
  for (guint i = 0; i < self->choices->len; i++)
    gtk_widget_set_sensitive (((Choice *) g_ptr_array_index (self->choices, i))->check, !loading);
}

static void
show_error (NfComparePicker *self,
            const char      *text)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), text);
  gtk_widget_set_visible (self->error_label, TRUE);
}

static void
finish_compare (NfComparePicker *self)
{
  g_autoptr(GPtrArray) chosen = g_steal_pointer (&self->chosen);

  g_clear_object (&self->loading);
  set_loading (self, NULL);
  g_signal_emit (self, signals[COMPARE], 0, chosen);
  gtk_window_close (GTK_WINDOW (self));
}

typedef struct {
  NfComparePicker *picker;
  guint            slot;
  char            *where;     /* the file as a person names it */
} Load;

static void
recent_loaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(NfComparePicker) self = load->picker;
  g_autofree char *where = load->where;
  g_autoptr(GError) error = NULL;
  g_autoptr(NfDocument) document = nf_document_load_finish (result, &error);
  guint slot = load->slot;

  g_free (load);
  /* Closed, or an earlier file failed: this one is not wanted. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->chosen == NULL)
    return;
  if (document == NULL)
    {
      /* Translators: a recent file chosen to compare could not be read:
       * "/home/ann/report.ninefold: line 3: …" */
      g_autofree char *text = g_strdup_printf (_("Could not compare “%s”: %s"), where, error->message);

      g_cancellable_cancel (self->loading);
      g_clear_object (&self->loading);
      g_clear_pointer (&self->chosen, g_ptr_array_unref);
      set_loading (self, NULL);
      show_error (self, text);
      return;
    }
  g_ptr_array_index (self->chosen, slot) = g_object_ref (nf_document_get_canvas (document));
  if (--self->n_waiting == 0)
    finish_compare (self);
}

/* A slot of the chosen canvases, empty while its file loads. */
static void
slot_free (gpointer canvas)
{
  if (canvas != NULL)
    g_object_unref (canvas);
}

/* What is ticked, in order: open canvases, snapshots and cases at once,
 * recent files read in worker threads, the picker showing which while
 * it waits and naming the file that fails. */
static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NfComparePicker *self = NF_COMPARE_PICKER (widget);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (slot_free);
  g_autoptr(GPtrArray) recent = g_ptr_array_new ();
  g_autoptr(GString) names = g_string_new (NULL);

  if (self->loading != NULL)
    return;
  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *c = g_ptr_array_index (self->choices, i);
      g_autoptr(GError) error = NULL;
      NfCanvas *canvas;

      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (c->check)))
        continue;
      if (c->kind == CHOICE_RECENT)
        {
          g_ptr_array_add (chosen, NULL);
          g_ptr_array_add (recent, c);
          continue;
        }
      canvas = make_canvas (c, &error);
      if (canvas == NULL)
        {
          /* Translators: a chosen file could not be read: "report.ninefold: line 3: …" */
          g_autofree char *text = g_strdup_printf (_("Could not compare “%s”: %s"), c->title, error->message);

          show_error (self, text);
          return;
        }
      g_ptr_array_add (chosen, canvas);
    }
  if (chosen->len < 2 || chosen->len > NF_DIFF_MAX_CANVASES)
    return;

  self->chosen = g_steal_pointer (&chosen);
  if (recent->len == 0)
    {
      finish_compare (self);
      return;
    }
  self->loading = g_cancellable_new ();
  self->n_waiting = recent->len;
  for (guint i = 0, k = 0; i < self->chosen->len; i++)
    {
      Choice *c;
      g_autoptr(GFile) file = NULL;
      Load *load;

      if (g_ptr_array_index (self->chosen, i) != NULL)
        continue;
      c = g_ptr_array_index (recent, k++);
      file = g_file_new_for_uri (c->uri);
      load = g_new0 (Load, 1);
      load->picker = g_object_ref (self);
      load->slot = i;
      load->where = g_file_get_parse_name (file);
      g_string_append_printf (names, "%s“%s”", names->len > 0 ? ", " : "", c->title);
      nf_document_load_async (file, self->loading, recent_loaded, load);
    }
  set_loading (self, names->str);
}

gboolean
nf_compare_picker_get_loading (NfComparePicker *self)
{
  g_assert (NF_IS_COMPARE_PICKER (self));
  return self->loading != NULL;
}

const char *
nf_compare_picker_get_message (NfComparePicker *self)
{
  g_assert (NF_IS_COMPARE_PICKER (self));
  if (gtk_widget_get_visible (self->progress_box))
    return gtk_label_get_text (GTK_LABEL (self->progress_label));
  if (gtk_widget_get_visible (self->error_label))
    return gtk_label_get_text (GTK_LABEL (self->error_label));
  return NULL;
}

guint
nf_compare_picker_get_n_choices (NfComparePicker *self)
{
  g_assert (NF_IS_COMPARE_PICKER (self));
  return self->choices->len;
}

const char *
nf_compare_picker_get_choice_title (NfComparePicker *self,
                                    guint            index)
{
  g_assert (NF_IS_COMPARE_PICKER (self));
  g_return_val_if_fail (index < self->choices->len, NULL);
  return ((Choice *) g_ptr_array_index (self->choices, index))->title;
}

void
nf_compare_picker_set_chosen (NfComparePicker *self,
                              guint            index,
                              gboolean         chosen)
{
  g_assert (NF_IS_COMPARE_PICKER (self));
  g_return_if_fail (index < self->choices->len);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (((Choice *) g_ptr_array_index (self->choices, index))->check),
                               chosen);
}

gboolean
nf_compare_picker_get_chosen (NfComparePicker *self,
                              guint            index)
{
  g_assert (NF_IS_COMPARE_PICKER (self));
  g_return_val_if_fail (index < self->choices->len, FALSE);
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (((Choice *) g_ptr_array_index (self->choices, index))->check));
}

static void
nf_compare_picker_dispose (GObject *object)
{
  NfComparePicker *self = NF_COMPARE_PICKER (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->chosen, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), NF_TYPE_COMPARE_PICKER);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (nf_compare_picker_parent_class)->dispose (object);
}

static void
nf_compare_picker_class_init (NfComparePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_compare_picker_dispose;

  signals[COMPARE] = g_signal_new ("compare", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  _nf_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-compare-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, NfComparePicker, window_title);
  gtk_widget_class_bind_template_child (widget_class, NfComparePicker, compare_button);
  gtk_widget_class_bind_template_child (widget_class, NfComparePicker, error_label);
  gtk_widget_class_bind_template_child (widget_class, NfComparePicker, progress_box);
  gtk_widget_class_bind_template_child (widget_class, NfComparePicker, progress_label);
  gtk_widget_class_bind_template_child (widget_class, NfComparePicker, progress_spinner);
  gtk_widget_class_bind_template_child (widget_class, NfComparePicker, open_group);
  gtk_widget_class_bind_template_child (widget_class, NfComparePicker, cases_group);
  gtk_widget_class_bind_template_child (widget_class, NfComparePicker, recent_group);

  gtk_widget_class_install_action (widget_class, "picker.compare", NULL, compare_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "picker.compare", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nf_compare_picker_init (NfComparePicker *self)
{
  self->choices = g_ptr_array_new_with_free_func (choice_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->compare_button);
  /* Enter compares what is ticked, rather than pressing Cancel (which
   * GTK would focus first when the window shows). */
  g_signal_connect_swapped (self, "map", G_CALLBACK (gtk_widget_grab_focus), self->compare_button);
}

GtkWidget *
nf_compare_picker_new (GtkWindow  *parent,
                       GListModel *canvases,
                       GListModel *documents,
                       NfCanvas   *current)
{
  NfComparePicker *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (canvases), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (documents), NULL);

  self = g_object_new (NF_TYPE_COMPARE_PICKER, "transient-for", parent, NULL);
  fill (self, canvases, documents, current);
  return GTK_WIDGET (self);
}
