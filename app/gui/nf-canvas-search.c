/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-canvas-search"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nf-canvas-search.h"
#include "nf-canvas-view-private.h"
#include "nf-note.h"
#include "nf-text.h"

/* The opacity of a card that does not match: still legible, clearly
 * behind the matches. */
#define DIMMED 0.28

struct _NfCanvasSearch
{
  GtkWidget     parent_instance;
  NfCanvasView *view;           /* not owned: it owns this bar */

  GtkWidget    *box;
  GtkWidget    *entry;
  GtkWidget    *count;
  GtkWidget    *filter_button;
  GtkDropDown  *tag_filter;
  GtkDropDown  *evidence_filter;
  GtkDropDown  *colour_filter;

  char         *folded;         /* the query, case-folded; NULL for none */
  GPtrArray    *matches;        /* NfNote, owned; NULL while inactive */
  GStrv         tags;           /* the tag filter's items after "any" */
  GStrv         colours;        /* the colour filter's, "" for none */
  int           current;
  gboolean      filling;        /* while the filters' lists are rebuilt */
};

G_DEFINE_FINAL_TYPE (NfCanvasSearch, nf_canvas_search, GTK_TYPE_WIDGET)

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

static gboolean
contains (const char *haystack,
          const char *folded)
{
  g_autofree char *h = NULL;

  if (haystack == NULL)
    return FALSE;
  h = fold (haystack);
  return strstr (h, folded) != NULL;
}

static gboolean
matches_query (NfCanvasSearch *self,
               NfNote         *note)
{
  NfCanvas *canvas = nf_canvas_view_get_canvas (self->view);
  NfText *text = nf_note_get_text (note);
  const char * const *tags = nf_note_get_tags (note);
  const char *cite = nf_note_get_cite_source (note);

  if (self->folded == NULL)
    return TRUE;
  if (text != NULL && contains (nf_text_get (text), self->folded))
    return TRUE;
  for (guint i = 0; text != NULL && i < nf_text_get_n_translations (text); i++)
    if (contains (nf_text_get_translation (text, i, NULL), self->folded))
      return TRUE;
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (contains (tags[i], self->folded))
      return TRUE;
  if (cite != NULL)
    {
      NfSource *source = nf_canvas_find_source (canvas, cite);

      if (contains (cite, self->folded) ||
          (source != NULL && (contains (nf_source_get_title (source), self->folded) ||
                              contains (nf_source_get_publisher (source), self->folded))))
        return TRUE;
    }
  return FALSE;
}

static gboolean
matches_filters (NfCanvasSearch *self,
                 NfNote         *note)
{
  guint tag = gtk_drop_down_get_selected (self->tag_filter);
  guint evidence = gtk_drop_down_get_selected (self->evidence_filter);
  guint colour = gtk_drop_down_get_selected (self->colour_filter);

  if (tag != GTK_INVALID_LIST_POSITION && tag > 0 && self->tags != NULL &&
      tag - 1 < g_strv_length (self->tags) &&
      !g_strv_contains (nf_note_get_tags (note), self->tags[tag - 1]))
    return FALSE;
  /* Item 1 is "no evidence level", then the levels in order. */
  if (evidence != GTK_INVALID_LIST_POSITION && evidence > 0 &&
      nf_note_get_evidence (note) != (NfEvidence) (evidence - 1))
    return FALSE;
  if (colour != GTK_INVALID_LIST_POSITION && colour > 0 && self->colours != NULL &&
      colour - 1 < g_strv_length (self->colours))
    {
      const char *want = self->colours[colour - 1];
      const char *has = nf_note_get_colour (note);

      if (*want == '\0' ? has != NULL : (has == NULL || g_ascii_strcasecmp (has, want) != 0))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_active (NfCanvasSearch *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self)) &&
         (self->folded != NULL ||
          gtk_drop_down_get_selected (self->tag_filter) > 0 ||
          gtk_drop_down_get_selected (self->evidence_filter) > 0 ||
          gtk_drop_down_get_selected (self->colour_filter) > 0);
}

static void
update_count (NfCanvasSearch *self)
{
  g_autofree char *text = NULL;

  if (self->matches == NULL)
    text = g_strdup ("");
  else if (self->matches->len == 0)
    text = g_strdup (_("No matches"));
  else
    /* Translators: the match shown, of how many: "3 of 12". */
    text = g_strdup_printf (_("%d of %u"), self->current + 1, self->matches->len);
  gtk_label_set_text (GTK_LABEL (self->count), text);
  /* With the bar closed, Ctrl+G opens it again. */
  {
    gboolean can_step = !gtk_widget_get_visible (GTK_WIDGET (self)) ||
                        (self->matches != NULL && self->matches->len > 0);

    gtk_widget_action_set_enabled (GTK_WIDGET (self->view), "view.find-next", can_step);
    gtk_widget_action_set_enabled (GTK_WIDGET (self->view), "view.find-previous", can_step);
  }
}

/* Marks every card of the view: a match, the current match, or dimmed;
 * all plain while the bar is closed or empty. */
static void
mark_cards (NfCanvasSearch *self)
{
  g_autoptr(GHashTable) set = g_hash_table_new (NULL, NULL);
  NfNote *current = NULL;

  if (self->matches != NULL)
    for (guint i = 0; i < self->matches->len; i++)
      g_hash_table_add (set, g_ptr_array_index (self->matches, i));
  if (self->matches != NULL && self->current >= 0 && (guint) self->current < self->matches->len)
    current = g_ptr_array_index (self->matches, self->current);
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      GtkWidget *block = nf_canvas_view_get_block (self->view, (NfBlock) b);

      for (guint i = 0; i < nf_block_widget_get_n_cards (NF_BLOCK_WIDGET (block)); i++)
        {
          GtkWidget *card = nf_block_widget_get_card (NF_BLOCK_WIDGET (block), i);
          NfNote *note = nf_note_card_get_note (NF_NOTE_CARD (card));
          gboolean match = self->matches != NULL && g_hash_table_contains (set, note);

          gtk_widget_set_opacity (card, self->matches == NULL || match ? 1.0 : DIMMED);
          if (match)
            gtk_widget_add_css_class (card, "nf-match");
          else
            gtk_widget_remove_css_class (card, "nf-match");
          if (match && note == current)
            gtk_widget_add_css_class (card, "nf-current-match");
          else
            gtk_widget_remove_css_class (card, "nf-current-match");
        }
    }
}

void
nf_canvas_search_refresh (NfCanvasSearch *self)
{
  NfCanvas *canvas;
  NfNote *current = NULL;

  g_return_if_fail (NF_IS_CANVAS_SEARCH (self));

  canvas = nf_canvas_view_get_canvas (self->view);
  if (self->matches != NULL && self->current >= 0 && (guint) self->current < self->matches->len)
    current = g_object_ref (g_ptr_array_index (self->matches, self->current));
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  if (is_active (self))
    {
      self->matches = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint b = 0; b < NF_N_BLOCKS; b++)
        {
          GListModel *notes = nf_canvas_get_notes (canvas, (NfBlock) b);

          for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
            {
              NfNote *note = g_list_model_get_item (notes, i);

              if (matches_filters (self, note) && matches_query (self, note))
                g_ptr_array_add (self->matches, note);
              else
                g_object_unref (note);
            }
        }
      /* The count keeps naming the same note while it still matches. */
      guint at = 0;

      if (current != NULL && g_ptr_array_find (self->matches, current, &at))
        self->current = (int) at;
      else
        self->current = self->matches->len > 0 ? 0 : -1;
    }
  else
    self->current = -1;
  g_clear_object (&current);
  update_count (self);
  mark_cards (self);
}

GPtrArray *
nf_canvas_search_get_matches (NfCanvasSearch *self)
{
  g_return_val_if_fail (NF_IS_CANVAS_SEARCH (self), NULL);
  return self->matches;
}

int
nf_canvas_search_get_current (NfCanvasSearch *self)
{
  g_return_val_if_fail (NF_IS_CANVAS_SEARCH (self), -1);
  return self->current;
}

GtkWidget *
nf_canvas_search_get_entry (NfCanvasSearch *self)
{
  g_return_val_if_fail (NF_IS_CANVAS_SEARCH (self), NULL);
  return self->entry;
}

const char *
nf_canvas_search_get_count_text (NfCanvasSearch *self)
{
  g_return_val_if_fail (NF_IS_CANVAS_SEARCH (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->count));
}

GtkDropDown *
nf_canvas_search_get_filter (NfCanvasSearch *self,
                             guint           which)
{
  g_return_val_if_fail (NF_IS_CANVAS_SEARCH (self), NULL);
  return which == 0 ? self->tag_filter : which == 1 ? self->evidence_filter : self->colour_filter;
}

void
nf_canvas_search_step (NfCanvasSearch *self,
                       int             direction)
{
  NfNote *note;

  g_return_if_fail (NF_IS_CANVAS_SEARCH (self));

  if (self->matches == NULL || self->matches->len == 0)
    return;
  self->current = (self->current + direction + (int) self->matches->len) % (int) self->matches->len;
  note = g_ptr_array_index (self->matches, self->current);
  update_count (self);
  mark_cards (self);
  _nf_canvas_view_focus_note (self->view, note);
}

/* --- The filters' choices, from what the canvas holds now --- */

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
same_items (GListModel *a,
            GListModel *b)
{
  guint n;

  if (a == NULL || !GTK_IS_STRING_LIST (a) || g_list_model_get_n_items (a) != g_list_model_get_n_items (b))
    return FALSE;
  n = g_list_model_get_n_items (a);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (a), i),
                   gtk_string_list_get_string (GTK_STRING_LIST (b), i)) != 0)
      return FALSE;
  return TRUE;
}

static void
fill_filters (NfCanvasSearch *self)
{
  NfCanvas *canvas = nf_canvas_view_get_canvas (self->view);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GPtrArray) colours = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GtkStringList) tag_items = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) colour_items = gtk_string_list_new (NULL);
  gboolean uncoloured = FALSE;
  guint old_tag = gtk_drop_down_get_selected (self->tag_filter);
  guint old_colour = gtk_drop_down_get_selected (self->colour_filter);
  g_autofree char *keep_tag = NULL, *keep_colour = NULL;

  if (old_tag > 0 && old_tag != GTK_INVALID_LIST_POSITION && self->tags != NULL &&
      old_tag - 1 < g_strv_length (self->tags))
    keep_tag = g_strdup (self->tags[old_tag - 1]);
  if (old_colour > 0 && old_colour != GTK_INVALID_LIST_POSITION && self->colours != NULL &&
      old_colour - 1 < g_strv_length (self->colours))
    keep_colour = g_strdup (self->colours[old_colour - 1]);

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      GListModel *notes = nf_canvas_get_notes (canvas, (NfBlock) b);

      for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
        {
          g_autoptr(NfNote) note = g_list_model_get_item (notes, i);
          const char * const *t = nf_note_get_tags (note);
          const char *colour = nf_note_get_colour (note);

          for (guint j = 0; t != NULL && t[j] != NULL; j++)
            if (!g_hash_table_contains (seen, t[j]))
              {
                char *tag = g_strdup (t[j]);

                g_hash_table_add (seen, tag);
                g_ptr_array_add (tags, tag);
              }
          if (colour == NULL)
            uncoloured = TRUE;
          else
            {
              g_autofree char *key = g_strconcat ("#colour", colour, NULL);
              g_autofree char *lower = g_ascii_strdown (key, -1);

              if (!g_hash_table_contains (seen, lower))
                {
                  g_ptr_array_add (colours, (char *) colour);
                  g_hash_table_add (seen, g_steal_pointer (&lower));
                }
            }
        }
    }
  g_ptr_array_sort (tags, compare_tags);

  self->filling = TRUE;
  g_strfreev (self->tags);
  g_strfreev (self->colours);
  gtk_string_list_append (tag_items, _("Any tag"));
  for (guint i = 0; i < tags->len; i++)
    gtk_string_list_append (tag_items, g_ptr_array_index (tags, i));
  g_ptr_array_add (tags, NULL);
  self->tags = g_strdupv ((GStrv) tags->pdata);

  gtk_string_list_append (colour_items, _("Any colour"));
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

    for (guint i = 0; i < colours->len; i++)
      {
        const char *colour = g_ptr_array_index (colours, i);
        const char *name = _nf_canvas_view_colour_name (colour);

        gtk_string_list_append (colour_items, name != NULL ? name : colour);
        g_strv_builder_add (builder, colour);
      }
    if (uncoloured)
      {
        gtk_string_list_append (colour_items, _("No Colour"));
        g_strv_builder_add (builder, "");
      }
    self->colours = g_strv_builder_end (builder);
  }
  /* A list that did not change keeps its model (see nf-note-details.c:
   * a new model on every refresh upset GTK 4.8's drop-down). */
  if (!same_items (gtk_drop_down_get_model (self->tag_filter), G_LIST_MODEL (tag_items)))
    gtk_drop_down_set_model (self->tag_filter, G_LIST_MODEL (tag_items));
  if (!same_items (gtk_drop_down_get_model (self->colour_filter), G_LIST_MODEL (colour_items)))
    gtk_drop_down_set_model (self->colour_filter, G_LIST_MODEL (colour_items));
  gtk_drop_down_set_selected (self->tag_filter, 0);
  gtk_drop_down_set_selected (self->colour_filter, 0);
  for (guint i = 0; keep_tag != NULL && self->tags[i] != NULL; i++)
    if (g_str_equal (self->tags[i], keep_tag))
      gtk_drop_down_set_selected (self->tag_filter, i + 1);
  for (guint i = 0; keep_colour != NULL && self->colours[i] != NULL; i++)
    if (g_ascii_strcasecmp (self->colours[i], keep_colour) == 0)
      gtk_drop_down_set_selected (self->colour_filter, i + 1);
  self->filling = FALSE;
}

static void
on_filters_shown (NfCanvasSearch *self)
{
  fill_filters (self);
  nf_canvas_search_refresh (self);
}

static void
on_filter_changed (NfCanvasSearch *self)
{
  guint active = (gtk_drop_down_get_selected (self->tag_filter) > 0) +
                 (gtk_drop_down_get_selected (self->evidence_filter) > 0) +
                 (gtk_drop_down_get_selected (self->colour_filter) > 0);
  g_autofree char *label = NULL;

  if (self->filling)
    return;
  /* The button says how many filters hold, so none is forgotten. */
  label = active > 0 ? g_strdup_printf (_("Filter (%u)"), active) : g_strdup (_("Filter"));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->filter_button), label);
  nf_canvas_search_refresh (self);
}

/* --- The entry --- */

static void
on_search_changed (NfCanvasSearch *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *folded = *stripped != '\0' ? fold (stripped) : NULL;

  /* The entry's own delayed signal can follow one already handled for the
   * same text; going back to the first match then would undo a Ctrl+G. */
  if (self->matches != NULL && g_strcmp0 (folded, self->folded) == 0)
    return;
  g_free (self->folded);
  self->folded = g_steal_pointer (&folded);
  self->current = -1;
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  nf_canvas_search_refresh (self);
}

static void
on_stop_search (NfCanvasSearch *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->view), "view.find-close", NULL);
}

/* Enter goes to the next match, Shift+Enter to the previous; the entry's
 * own activate gives no modifiers, so the keys are taken first. */
static gboolean
on_entry_key (NfCanvasSearch        *self,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  nf_canvas_search_step (self, (state & GDK_SHIFT_MASK) != 0 ? -1 : 1);
  /* Back to the entry: Enter again goes on to the next. */
  gtk_widget_grab_focus (self->entry);
  return TRUE;
}

static void
on_canvas_changed (NfCanvasSearch *self)
{
  if (self->matches != NULL)
    nf_canvas_search_refresh (self);
}

static void
nf_canvas_search_dispose (GObject *object)
{
  NfCanvasSearch *self = NF_CANVAS_SEARCH (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), NF_TYPE_CANVAS_SEARCH);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  G_OBJECT_CLASS (nf_canvas_search_parent_class)->dispose (object);
}

static void
nf_canvas_search_finalize (GObject *object)
{
  NfCanvasSearch *self = NF_CANVAS_SEARCH (object);

  g_free (self->folded);
  g_strfreev (self->tags);
  g_strfreev (self->colours);
  G_OBJECT_CLASS (nf_canvas_search_parent_class)->finalize (object);
}

static void
nf_canvas_search_class_init (NfCanvasSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nf_canvas_search_dispose;
  object_class->finalize = nf_canvas_search_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/ninefold/Ninefold/nf-canvas-search.ui");
  gtk_widget_class_bind_template_child (widget_class, NfCanvasSearch, box);
  gtk_widget_class_bind_template_child (widget_class, NfCanvasSearch, entry);
  gtk_widget_class_bind_template_child (widget_class, NfCanvasSearch, count);
  gtk_widget_class_bind_template_child (widget_class, NfCanvasSearch, filter_button);
  gtk_widget_class_bind_template_child (widget_class, NfCanvasSearch, tag_filter);
  gtk_widget_class_bind_template_child (widget_class, NfCanvasSearch, evidence_filter);
  gtk_widget_class_bind_template_child (widget_class, NfCanvasSearch, colour_filter);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_shown);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nf-find-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SEARCH);
}

static void
nf_canvas_search_init (NfCanvasSearch *self)
{
  g_autoptr(GtkStringList) evidence = gtk_string_list_new (NULL);
  GtkEventController *key = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->current = -1;
  gtk_string_list_append (evidence, _("Any evidence"));
  for (NfEvidence e = NF_EVIDENCE_NONE; e < NF_EVIDENCE_N_LEVELS; e++)
    gtk_string_list_append (evidence, nf_evidence_title (e));
  gtk_drop_down_set_model (self->evidence_filter, G_LIST_MODEL (evidence));
  g_signal_connect_object (self->tag_filter, "notify::selected", G_CALLBACK (on_filter_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->evidence_filter, "notify::selected", G_CALLBACK (on_filter_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->colour_filter, "notify::selected", G_CALLBACK (on_filter_changed),
                           self, G_CONNECT_SWAPPED);
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_entry_key), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->entry, key);
}

GtkWidget *
nf_canvas_search_new (NfCanvasView *view)
{
  NfCanvasSearch *self = g_object_new (NF_TYPE_CANVAS_SEARCH, NULL);

  self->view = view;
  fill_filters (self);
  g_signal_connect_object (nf_canvas_view_get_canvas (view), "changed",
                           G_CALLBACK (on_canvas_changed), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  return GTK_WIDGET (self);
}

/* --- The view's side: actions and keys --- */

void
_nf_canvas_view_sync_search (NfCanvasView *self)
{
  if (self->search != NULL)
    mark_cards (NF_CANVAS_SEARCH (self->search));
}

static void
find_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  NfCanvasSearch *search;

  if (self->search == NULL)
    {
      self->search = nf_canvas_search_new (self);
      gtk_widget_set_parent (self->search, widget);
    }
  search = NF_CANVAS_SEARCH (self->search);
  gtk_widget_set_visible (self->search, TRUE);
  gtk_widget_grab_focus (search->entry);
  gtk_editable_select_region (GTK_EDITABLE (search->entry), 0, -1);
  nf_canvas_search_refresh (search);
  gtk_widget_queue_allocate (widget);
}

static void
find_close_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  NfCanvasSearch *search = self->search != NULL ? NF_CANVAS_SEARCH (self->search) : NULL;
  GtkWidget *focus = _nf_canvas_view_focus_widget (self);
  NfNote *current = NULL;
  gboolean had_focus;

  if (search == NULL || !gtk_widget_get_visible (self->search))
    return;
  had_focus = focus != NULL && gtk_widget_is_ancestor (focus, self->search);
  if (search->matches != NULL && search->current >= 0 && (guint) search->current < search->matches->len)
    current = g_object_ref (g_ptr_array_index (search->matches, search->current));
  gtk_widget_set_visible (self->search, FALSE);
  nf_canvas_search_refresh (search);     /* inactive now: undims */
  /* Focus lands on the match the user was at, so it can be acted on. */
  if (had_focus && !_nf_canvas_view_focus_note (self, current))
    gtk_widget_grab_focus (self->blocks[self->current_block]);
  g_clear_object (&current);
}

static void
find_step_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);

  if (self->search == NULL || !gtk_widget_get_visible (self->search))
    {
      find_activated (widget, NULL, NULL);
      return;
    }
  nf_canvas_search_step (NF_CANVAS_SEARCH (self->search),
                         g_str_equal (action_name, "view.find-previous") ? -1 : 1);
}

/* Escape in the grid closes the find bar once the selection is clear. */
static gboolean
escape_closes_find (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  GtkWidget *focus = _nf_canvas_view_focus_widget (self);

  if (self->search == NULL || !gtk_widget_get_visible (self->search))
    return FALSE;
  if (focus != NULL && !_nf_canvas_view_grid_has_focus (self) &&
      !gtk_widget_is_ancestor (focus, self->search))
    return FALSE;   /* the editor's or a popover's own Escape */
  return gtk_widget_activate_action (widget, "view.find-close", NULL);
}

void
_nf_canvas_view_class_init_search (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "view.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "view.find-close", NULL, find_close_activated);
  gtk_widget_class_install_action (widget_class, "view.find-next", NULL, find_step_activated);
  gtk_widget_class_install_action (widget_class, "view.find-previous", NULL, find_step_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "view.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "view.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "view.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "view.find-previous", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_closes_find, NULL);
}
