/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-note-clipboard"

#include "config.h"

#include <glib/gi18n.h>

#include "nf-canvas-view-private.h"
#include "nf-canvas-xml.h"
#include "nf-note-clipboard.h"
#include "nf-note.h"
#include "nf-text.h"

/* Copy, cut, paste and duplicate of notes (view.copy-notes, …). */

/* text, translations, colour, tags, evidence, source, line */
#define NOTE_FORMAT "(sa{ss}sasssu)"
#define NOTES_FORMAT "a" NOTE_FORMAT

/* Fields that the parser keeps apart until the note is inserted, since a
 * detached note's fields other than its text are set only through the
 * canvas. */
typedef struct {
  NfText     *text;
  char       *colour;
  GStrv       tags;
  NfEvidence  evidence;
  char       *source;
  guint       line;
} Clip;

static void
clip_free (gpointer data)
{
  Clip *clip = data;

  g_clear_pointer (&clip->text, nf_text_unref);
  g_free (clip->colour);
  g_strfreev (clip->tags);
  g_free (clip->source);
  g_free (clip);
}

static GVariant *
note_to_variant (NfNote *note)
{
  NfText *text = nf_note_get_text (note);
  GVariantBuilder translations, tags;
  const char * const *t = nf_note_get_tags (note);
  const char *evidence = nf_evidence_to_xml (nf_note_get_evidence (note));

  g_variant_builder_init (&translations, G_VARIANT_TYPE ("a{ss}"));
  for (guint i = 0; text != NULL && i < nf_text_get_n_translations (text); i++)
    {
      const char *lang = NULL;
      const char *value = nf_text_get_translation (text, i, &lang);

      g_variant_builder_add (&translations, "{ss}", lang, value);
    }
  g_variant_builder_init (&tags, G_VARIANT_TYPE ("as"));
  for (guint i = 0; t != NULL && t[i] != NULL; i++)
    g_variant_builder_add (&tags, "s", t[i]);
  return g_variant_new (NOTE_FORMAT,
                        text != NULL ? nf_text_get (text) : "",
                        &translations,
                        nf_note_get_colour (note) != NULL ? nf_note_get_colour (note) : "",
                        &tags,
                        evidence != NULL ? evidence : "",
                        nf_note_get_cite_source (note) != NULL ? nf_note_get_cite_source (note) : "",
                        nf_note_get_cite_line (note));
}

GdkContentProvider *
nf_note_clipboard_provide (GPtrArray  *notes,
                           const char *language)
{
  GVariantBuilder builder;
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkContentProvider *providers[2];

  g_variant_builder_init (&builder, G_VARIANT_TYPE (NOTES_FORMAT));
  for (guint i = 0; i < notes->len; i++)
    {
      NfNote *note = g_ptr_array_index (notes, i);
      NfText *text = nf_note_get_text (note);

      g_variant_builder_add_value (&builder, note_to_variant (note));
      if (text != NULL)
        {
          /* Other programs get what the view shows, a note a line. */
          if (plain->len > 0)
            g_string_append_c (plain, '\n');
          g_string_append (plain, language != NULL ? nf_text_for_language (text, language)
                                                   : nf_text_get (text));
        }
    }
  variant = g_variant_ref_sink (g_variant_builder_end (&builder));
  bytes = g_variant_get_data_as_bytes (variant);
  providers[0] = gdk_content_provider_new_for_bytes (NF_NOTES_MIME_TYPE, bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, plain->str);
  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}

/* A clean, non-empty string of at most a field's size, or NULL. */
static char *
clean_field (const char *value)
{
  g_autofree char *clean = NULL;

  if (value == NULL || strlen (value) > NF_CANVAS_MAX_FIELD_SIZE)
    return NULL;
  clean = g_strstrip (nf_text_clean (value, -1));
  return *clean != '\0' ? g_steal_pointer (&clean) : NULL;
}

GPtrArray *
nf_note_clipboard_parse (GBytes  *bytes,
                         GError **error)
{
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GPtrArray) clips = g_ptr_array_new_with_free_func (clip_free);
  GVariantIter iter;
  GVariant *item;

  /* The bytes come from another program: checked, never trusted. */
  if (g_bytes_get_size (bytes) > NF_CANVAS_MAX_FILE_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The notes copied are too large"));
      return NULL;
    }
  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (NOTES_FORMAT), bytes, FALSE));
  if (!g_variant_is_normal_form (variant))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The clipboard holds no notes"));
      return NULL;
    }
  g_variant_iter_init (&iter, variant);
  while ((item = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr(GVariant) owned = item;
      g_autoptr(GVariantIter) translations = NULL, tags = NULL;
      const char *text, *colour, *evidence, *source, *lang, *value;
      g_autofree char *primary = NULL;
      g_autoptr(GPtrArray) tag_list = g_ptr_array_new_with_free_func (g_free);
      Clip *clip;
      guint line;

      g_variant_get (item, "(&sa{ss}&sas&s&su)", &text, &translations, &colour, &tags,
                     &evidence, &source, &line);
      primary = clean_field (text);
      if (primary == NULL)
        continue;
      clip = g_new0 (Clip, 1);
      clip->text = nf_text_new (primary);
      while (g_variant_iter_next (translations, "{&s&s}", &lang, &value))
        {
          g_autofree char *tag = nf_language_tag_normalise (lang);
          g_autofree char *clean = clean_field (value);

          if (tag != NULL && clean != NULL)
            {
              NfText *with = nf_text_with_translation (clip->text, tag, clean);

              nf_text_unref (clip->text);
              clip->text = with;
            }
        }
      if (nf_colour_is_valid (colour))
        clip->colour = g_strdup (colour);
      while (g_variant_iter_next (tags, "&s", &value))
        {
          char *tag = clean_field (value);

          if (tag != NULL)
            g_ptr_array_add (tag_list, tag);
        }
      g_ptr_array_add (tag_list, NULL);
      clip->tags = (GStrv) g_ptr_array_free (g_steal_pointer (&tag_list), FALSE);
      if (!nf_evidence_from_xml (evidence, &clip->evidence))
        clip->evidence = NF_EVIDENCE_NONE;
      clip->source = clean_field (source);
      clip->line = line;
      g_ptr_array_add (clips, clip);
    }
  return g_steal_pointer (&clips);
}

static GPtrArray *
insert_clips (NfCanvas   *canvas,
              GPtrArray  *clips,
              NfBlock     block,
              guint       index,
              const char *label)
{
  GPtrArray *inserted = g_ptr_array_new ();

  if (clips->len == 0)
    return inserted;
  nf_canvas_begin_group (canvas, label);
  for (guint i = 0; i < clips->len; i++)
    {
      Clip *clip = g_ptr_array_index (clips, i);
      g_autofree char *id = nf_canvas_new_note_id (canvas);
      g_autoptr(NfNote) note = nf_note_new (id, clip->text);
      g_autoptr(GError) error = NULL;

      if (!nf_canvas_insert_note (canvas, block, index + inserted->len, note, &error))
        {
          g_warning ("Could not paste a note: %s", error->message);
          break;
        }
      if (clip->colour != NULL)
        nf_canvas_set_note_colour (canvas, note, clip->colour);
      if (clip->tags != NULL && clip->tags[0] != NULL)
        nf_canvas_set_note_tags (canvas, note, (const char * const *) clip->tags);
      if (clip->evidence != NF_EVIDENCE_NONE)
        nf_canvas_set_note_evidence (canvas, note, clip->evidence);
      /* A source is cited by its id in this canvas: another canvas's
       * would point at nothing, or at the wrong document. */
      if (clip->source != NULL && nf_canvas_find_source (canvas, clip->source) != NULL)
        nf_canvas_set_note_cite (canvas, note, clip->source, clip->line);
      g_ptr_array_add (inserted, note);
    }
  nf_canvas_end_group (canvas);
  return inserted;
}

GPtrArray *
nf_note_clipboard_insert (NfCanvas   *canvas,
                          GPtrArray  *notes,
                          NfBlock     block,
                          guint       index,
                          const char *label)
{
  g_autoptr(GPtrArray) clips = g_ptr_array_new_with_free_func (clip_free);

  for (guint i = 0; i < notes->len; i++)
    {
      NfNote *note = g_ptr_array_index (notes, i);
      Clip *clip = g_new0 (Clip, 1);

      clip->text = nf_text_ref (nf_note_get_text (note));
      clip->colour = g_strdup (nf_note_get_colour (note));
      clip->tags = g_strdupv ((GStrv) nf_note_get_tags (note));
      clip->evidence = nf_note_get_evidence (note);
      clip->source = g_strdup (nf_note_get_cite_source (note));
      clip->line = nf_note_get_cite_line (note);
      g_ptr_array_add (clips, clip);
    }
  return insert_clips (canvas, clips, block, index, label);
}

/* --- The actions --- */

/* Where pasted notes go: after the focused note, else at the end of the
 * focused block. */
static void
paste_place (NfCanvasView *self,
             NfBlock      *out_block,
             guint        *out_index)
{
  NfNote *after = _nf_canvas_view_action_note (self);

  *out_block = self->current_block;
  *out_index = g_list_model_get_n_items (nf_canvas_get_notes (self->canvas, self->current_block));
  if (after != NULL && nf_canvas_find_note (self->canvas, nf_note_get_id (after), out_block, out_index))
    (*out_index)++;
}

static void
focus_pasted (NfCanvasView *self,
              GPtrArray    *inserted)
{
  if (inserted->len == 0)
    return;
  _nf_canvas_view_sync (self);
  _nf_canvas_view_focus_note (self, g_ptr_array_index (inserted, inserted->len - 1));
}

static gboolean
copy_targets (NfCanvasView *self)
{
  g_autoptr(GPtrArray) targets = _nf_canvas_view_targets (self);
  g_autoptr(GdkContentProvider) provider = NULL;

  if (targets->len == 0)
    return FALSE;
  provider = nf_note_clipboard_provide (targets, self->language);
  return gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
}

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  copy_targets (NF_CANVAS_VIEW (widget));
}

static void
cut_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);

  if (copy_targets (self))
    gtk_widget_activate_action (widget, "view.delete-note", NULL);
}

typedef struct {
  NfCanvasView *view;
  NfBlock       block;
  guint         index;
} Paste;

static void
paste_free (Paste *paste)
{
  g_object_unref (paste->view);
  g_free (paste);
}

static void
paste_clips (Paste     *paste,
             GPtrArray *clips)
{
  NfCanvasView *self = paste->view;
  g_autoptr(GPtrArray) inserted = NULL;

  if (self->canvas == NULL || clips == NULL)
    return;
  paste->index = MIN (paste->index,
                      g_list_model_get_n_items (nf_canvas_get_notes (self->canvas, paste->block)));
  inserted = insert_clips (self->canvas, clips, paste->block, paste->index, _("Paste Notes"));
  focus_pasted (self, inserted);
}

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Paste *paste = data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  g_autoptr(GPtrArray) clips = g_ptr_array_new_with_free_func (clip_free);
  g_auto(GStrv) lines = NULL;

  if (text != NULL && strlen (text) <= NF_CANVAS_MAX_FILE_SIZE)
    {
      /* Plain text from elsewhere: a note a line. */
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *value = clean_field (lines[i]);
          Clip *clip;

          if (value == NULL)
            continue;
          clip = g_new0 (Clip, 1);
          clip->text = nf_text_new (value);
          g_ptr_array_add (clips, clip);
        }
      paste_clips (paste, clips);
    }
  paste_free (paste);
}

static void
on_notes_spliced (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  Paste *paste = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) clips = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0)
    g_debug ("Could not read the notes pasted: %s", error->message);
  else
    {
      bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
      clips = nf_note_clipboard_parse (bytes, &error);
      if (clips == NULL)
        g_debug ("Could not paste: %s", error->message);
      paste_clips (paste, clips);
    }
  paste_free (paste);
}

static void
on_notes_read (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  Paste *paste = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result,
                                                              NULL, &error);
  g_autoptr(GOutputStream) memory = NULL;

  if (stream == NULL)
    {
      g_debug ("Could not read the notes pasted: %s", error->message);
      paste_free (paste);
      return;
    }
  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_notes_spliced, paste);
}

static void
paste_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);
  Paste *paste = g_new0 (Paste, 1);
  static const char *mime_types[] = { NF_NOTES_MIME_TYPE, NULL };

  paste->view = g_object_ref (self);
  paste_place (self, &paste->block, &paste->index);
  if (gdk_content_formats_contain_mime_type (formats, NF_NOTES_MIME_TYPE))
    gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, on_notes_read, paste);
  else
    gdk_clipboard_read_text_async (clipboard, NULL, on_text_read, paste);
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NfCanvasView *self = NF_CANVAS_VIEW (widget);
  g_autoptr(GPtrArray) targets = _nf_canvas_view_targets (self);
  g_autoptr(GPtrArray) inserted = NULL;
  NfBlock block = NF_BLOCK_NONE;
  guint index = 0;

  if (targets->len == 0)
    return;
  /* Right after the last note duplicated. */
  nf_canvas_find_note (self->canvas, nf_note_get_id (g_ptr_array_index (targets, targets->len - 1)),
                       &block, &index);
  inserted = nf_note_clipboard_insert (self->canvas, targets, block, index + 1,
                                       g_dngettext (GETTEXT_PACKAGE, "Duplicate Note",
                                                    "Duplicate Notes", targets->len));
  _nf_canvas_view_clear_selection (self);
  focus_pasted (self, inserted);
}

/* A clipboard key that works on the grid only, not in the editor or a
 * popover's entry, which have their own. */
static gboolean
grid_clipboard_key (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  if (!_nf_canvas_view_grid_has_focus (NF_CANVAS_VIEW (widget)))
    return FALSE;
  return gtk_widget_activate_action (widget, g_variant_get_string (args, NULL), NULL);
}

void
_nf_canvas_view_class_init_clipboard (GtkWidgetClass *widget_class)
{
  static const struct {
    guint       keyval;
    const char *action;
  } keys[] = {
    { GDK_KEY_c, "view.copy-notes" },
    { GDK_KEY_x, "view.cut-notes" },
    { GDK_KEY_v, "view.paste-notes" },
    { GDK_KEY_d, "view.duplicate-note" },
  };

  gtk_widget_class_install_action (widget_class, "view.copy-notes", NULL, copy_activated);
  gtk_widget_class_install_action (widget_class, "view.cut-notes", NULL, cut_activated);
  gtk_widget_class_install_action (widget_class, "view.paste-notes", NULL, paste_activated);
  gtk_widget_class_install_action (widget_class, "view.duplicate-note", NULL, duplicate_activated);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding (widget_class, keys[i].keyval, GDK_CONTROL_MASK,
                                  grid_clipboard_key, "s", keys[i].action);
}
