/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-note"

#include "config.h"

#include <string.h>

#include "nf-extensions-private.h"
#include "nf-note-private.h"

struct _NfNote {
  GObject     parent_instance;
  char       *id;
  NfText     *text;
  char      **tags;         /* NULL for none: most notes have none */
  NfEvidence  evidence;
  gboolean    loading;      /* being built by the loader: no one to notify */
  char       *cite_source;
  guint       cite_line;
  guint       cite_line_end; /* the last line of a range; 0 for one line */
  char      **conflicts;    /* NULL for none */
  GPtrArray  *extensions;
  char        colour[8];    /* "#rrggbb", or "" for none: kept in place */
  /* A short id (most are "n123") is kept in place: a malloc'd one takes
   * a 32-byte chunk. `id` points here or to its own block. */
  char        id_buf[16];
};

static const char * const no_tags[] = { NULL };

G_DEFINE_FINAL_TYPE (NfNote, nf_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_COLOUR,
  PROP_TAGS,
  PROP_EVIDENCE,
  PROP_CITE_SOURCE,
  PROP_CITE_LINE,
  PROP_CITE_LINE_END,
  PROP_CONFLICTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A note the loader is building has no listeners yet, and GObject's
 * notification costs more than the setting (a save's read-back builds a
 * note for every note). */
static inline void
notify (NfNote *self,
        guint   prop)
{
  if (!self->loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
nf_note_finalize (GObject *object)
{
  NfNote *self = (NfNote *) object;

  if (self->id != self->id_buf)
    g_free (self->id);
  g_clear_pointer (&self->text, nf_text_unref);
  g_strfreev (self->tags);
  g_free (self->cite_source);
  g_strfreev (self->conflicts);
  g_clear_pointer (&self->extensions, g_ptr_array_unref);

  G_OBJECT_CLASS (nf_note_parent_class)->finalize (object);
}

static void
nf_note_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  NfNote *self = NF_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TEXT:
      g_value_set_boxed (value, self->text);
      break;
    case PROP_COLOUR:
      g_value_set_string (value, nf_note_get_colour (self));
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, nf_note_get_tags (self));
      break;
    case PROP_EVIDENCE:
      g_value_set_int (value, self->evidence);
      break;
    case PROP_CITE_SOURCE:
      g_value_set_string (value, self->cite_source);
      break;
    case PROP_CITE_LINE:
      g_value_set_uint (value, self->cite_line);
      break;
    case PROP_CITE_LINE_END:
      g_value_set_uint (value, nf_note_get_cite_line_end (self));
      break;
    case PROP_CONFLICTS:
      g_value_set_boxed (value, nf_note_get_conflicts (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_note_class_init (NfNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nf_note_finalize;
  object_class->get_property = nf_note_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_boxed ("text", NULL, NULL, NF_TYPE_TEXT,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOUR] =
    g_param_spec_string ("colour", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVIDENCE] =
    g_param_spec_int ("evidence", NULL, NULL, NF_EVIDENCE_NONE, NF_EVIDENCE_VALIDATED,
                      NF_EVIDENCE_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CITE_SOURCE] =
    g_param_spec_string ("cite-source", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CITE_LINE] =
    g_param_spec_uint ("cite-line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CITE_LINE_END] =
    g_param_spec_uint ("cite-line-end", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFLICTS] =
    g_param_spec_boxed ("conflicts", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nf_note_init (NfNote *self)
{
}

static void
set_id (NfNote     *self,
        const char *id)
{
  char *clean = nf_text_clean (id, -1);
  gsize n = strlen (clean);

  if (self->id != self->id_buf)
    g_free (self->id);
  if (n < sizeof self->id_buf)
    {
      memcpy (self->id_buf, clean, n + 1);
      g_free (clean);
      self->id = self->id_buf;
    }
  else
    self->id = clean;
}

NfNote *
nf_note_new (const char *id,
             NfText     *text)
{
  NfNote *self;

  g_return_val_if_fail (id != NULL && *id, NULL);

  self = g_object_new (NF_TYPE_NOTE, NULL);
  set_id (self, id);
  self->text = text ? nf_text_ref (text) : nf_text_new ("");
  return self;
}

void
_nf_note_set_loading (NfNote   *self,
                      gboolean  loading)
{
  g_assert (NF_IS_NOTE (self));
  self->loading = loading;
}

/* Makes the note what nf_note_new (id, text) makes, so a save's read-back
 * can build each note it compares in one object (see nf-canvas-xml-read-notes.c). */
void
_nf_note_reset (NfNote     *self,
                const char *id,
                NfText     *text)
{
  g_assert (NF_IS_NOTE (self));
  g_assert (id != NULL && *id);

  set_id (self, id);
  g_clear_pointer (&self->text, nf_text_unref);
  self->text = text ? nf_text_ref (text) : nf_text_new ("");
  g_clear_pointer (&self->tags, g_strfreev);
  self->evidence = NF_EVIDENCE_NONE;
  g_clear_pointer (&self->cite_source, g_free);
  self->cite_line = 0;
  self->cite_line_end = 0;
  g_clear_pointer (&self->conflicts, g_strfreev);
  g_clear_pointer (&self->extensions, g_ptr_array_unref);
  self->colour[0] = '\0';
}

NfNote *
nf_note_copy (NfNote     *self,
              const char *new_id)
{
  NfNote *copy;

  g_return_val_if_fail (NF_IS_NOTE (self), NULL);

  copy = nf_note_new (new_id ? new_id : self->id, self->text);
  memcpy (copy->colour, self->colour, sizeof copy->colour);
  copy->tags = g_strdupv (self->tags);
  copy->evidence = self->evidence;
  copy->cite_source = g_strdup (self->cite_source);
  copy->cite_line = self->cite_line;
  copy->cite_line_end = self->cite_line_end;
  copy->conflicts = g_strdupv (self->conflicts);
  copy->extensions = _nf_extensions_copy (self->extensions);
  return copy;
}

const char *
nf_note_get_id (NfNote *self)
{
  g_return_val_if_fail (NF_IS_NOTE (self), NULL);
  return self->id;
}

NfText *
nf_note_get_text (NfNote *self)
{
  g_return_val_if_fail (NF_IS_NOTE (self), NULL);
  return self->text;
}

const char *
nf_note_get_colour (NfNote *self)
{
  g_return_val_if_fail (NF_IS_NOTE (self), NULL);
  return self->colour[0] ? self->colour : NULL;
}

const char * const *
nf_note_get_tags (NfNote *self)
{
  g_return_val_if_fail (NF_IS_NOTE (self), NULL);
  return self->tags ? (const char * const *) self->tags : no_tags;
}

NfEvidence
nf_note_get_evidence (NfNote *self)
{
  g_return_val_if_fail (NF_IS_NOTE (self), NF_EVIDENCE_NONE);
  return self->evidence;
}

const char *
nf_note_get_cite_source (NfNote *self)
{
  g_return_val_if_fail (NF_IS_NOTE (self), NULL);
  return self->cite_source;
}

guint
nf_note_get_cite_line (NfNote *self)
{
  g_return_val_if_fail (NF_IS_NOTE (self), 0);
  return self->cite_line;
}

guint
nf_note_get_cite_line_end (NfNote *self)
{
  g_return_val_if_fail (NF_IS_NOTE (self), 0);
  return self->cite_line_end ? self->cite_line_end : self->cite_line;
}

const char * const *
nf_note_get_conflicts (NfNote *self)
{
  g_return_val_if_fail (NF_IS_NOTE (self), NULL);
  return self->conflicts ? (const char * const *) self->conflicts : no_tags;
}

gboolean
nf_note_conflicts_with (NfNote     *self,
                        const char *ref)
{
  g_return_val_if_fail (NF_IS_NOTE (self), FALSE);
  return self->conflicts != NULL && ref != NULL &&
         g_strv_contains ((const char * const *) self->conflicts, ref);
}

gboolean
nf_conflict_ref_parse (const char  *ref,
                       gboolean    *out_is_table,
                       char       **out_id,
                       guint       *out_row)
{
  const char *slash;
  gboolean is_table;
  g_autofree char *id = NULL;
  guint64 row = 0;

  if (ref == NULL)
    return FALSE;
  is_table = ref[0] == '#';
  if (is_table)
    ref++;
  slash = strchr (ref, '/');
  if (slash && !is_table)
    return FALSE;
  id = slash ? g_strndup (ref, slash - ref) : g_strdup (ref);
  if (*id == '\0')
    return FALSE;
  if (slash && !g_ascii_string_to_unsigned (slash + 1, 10, 1, G_MAXUINT32, &row, NULL))
    return FALSE;
  if (out_is_table)
    *out_is_table = is_table;
  if (out_id)
    *out_id = g_steal_pointer (&id);
  if (out_row)
    *out_row = (guint) row;
  return TRUE;
}

char *
nf_conflict_ref_for_table (const char *table_id,
                           guint       row)
{
  return row > 0 ? g_strdup_printf ("#%s/%u", table_id, row) : g_strdup_printf ("#%s", table_id);
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  return g_strv_equal (a ? (const char * const *) a : no_tags,
                       b ? (const char * const *) b : no_tags);
}

gboolean
nf_note_equal (NfNote *a,
               NfNote *b)
{
  g_return_val_if_fail (NF_IS_NOTE (a) && NF_IS_NOTE (b), FALSE);

  return g_str_equal (a->id, b->id) &&
         nf_text_equal (a->text, b->text) &&
         strcmp (a->colour, b->colour) == 0 &&
         strv_equal0 (a->tags, b->tags) &&
         a->evidence == b->evidence &&
         g_strcmp0 (a->cite_source, b->cite_source) == 0 &&
         a->cite_line == b->cite_line &&
         a->cite_line_end == b->cite_line_end &&
         strv_equal0 (a->conflicts, b->conflicts) &&
         _nf_extensions_equal (a->extensions, b->extensions);
}

gboolean
nf_colour_is_valid (const char *colour)
{
  if (colour == NULL || colour[0] != '#' || strlen (colour) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (colour[i]))
      return FALSE;
  return TRUE;
}

void
_nf_note_set_text (NfNote *self,
                   NfText *text)
{
  g_assert (NF_IS_NOTE (self));
  g_assert (text != NULL);

  if (nf_text_equal (self->text, text))
    return;
  nf_text_ref (text);
  nf_text_unref (self->text);
  self->text = text;
  notify (self, PROP_TEXT);
}

void
_nf_note_set_colour (NfNote     *self,
                     const char *colour)
{
  g_assert (NF_IS_NOTE (self));
  g_return_if_fail (colour == NULL || nf_colour_is_valid (colour));

  if (g_strcmp0 (nf_note_get_colour (self), colour) == 0)
    return;
  if (colour != NULL)
    for (guint i = 0; i < sizeof self->colour; i++)
      self->colour[i] = g_ascii_tolower (colour[i]);
  else
    self->colour[0] = '\0';
  notify (self, PROP_COLOUR);
}

void
_nf_note_set_tags (NfNote             *self,
                   const char * const *tags)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = NULL;

  g_assert (NF_IS_NOTE (self));

  /* Tags are a set kept in the order given: blank and repeated ones go.
   * A linear look for the few a note has, a set past eight. */
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      char *clean = g_strstrip (nf_text_clean (tags[i], -1));
      gboolean repeated;

      if (!*clean)
        {
          g_free (clean);
          continue;
        }
      if (seen == NULL && kept->len >= 8)
        {
          seen = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint k = 0; k < kept->len; k++)
            g_hash_table_add (seen, g_ptr_array_index (kept, k));
        }
      repeated = seen != NULL ? g_hash_table_contains (seen, clean)
                              : g_ptr_array_find_with_equal_func (kept, clean, g_str_equal, NULL);
      if (repeated)
        {
          g_free (clean);
          continue;
        }
      g_ptr_array_add (kept, clean);
      if (seen != NULL)
        g_hash_table_add (seen, clean);
    }

  {
    g_auto(GStrv) next = NULL;

    g_ptr_array_add (kept, NULL);
    next = (GStrv) g_ptr_array_free (g_steal_pointer (&kept), FALSE);

    if (next[0] == NULL)
      g_clear_pointer (&next, g_strfreev);
    if (strv_equal0 (self->tags, next))
      return;
    g_strfreev (self->tags);
    self->tags = g_steal_pointer (&next);
  }
  notify (self, PROP_TAGS);
}

void
_nf_note_set_evidence (NfNote     *self,
                       NfEvidence  evidence)
{
  g_assert (NF_IS_NOTE (self));

  if (self->evidence == evidence)
    return;
  self->evidence = evidence;
  notify (self, PROP_EVIDENCE);
}

void
_nf_note_set_cite (NfNote     *self,
                   const char *source_id,
                   guint       line)
{
  _nf_note_set_cite_range (self, source_id, line, 0);
}

void
_nf_note_set_cite_range (NfNote     *self,
                         const char *source_id,
                         guint       line,
                         guint       line_end)
{
  g_assert (NF_IS_NOTE (self));

  if (source_id == NULL || *source_id == '\0')
    {
      source_id = NULL;
      line = 0;
    }
  /* One form for one line, so equal citations compare equal. */
  if (line == 0 || line_end <= line)
    line_end = 0;
  if (self->cite_line_end != line_end)
    {
      self->cite_line_end = line_end;
      notify (self, PROP_CITE_LINE_END);
    }
  if (g_strcmp0 (self->cite_source, source_id) != 0)
    {
      g_free (self->cite_source);
      self->cite_source = g_strdup (source_id);
      notify (self, PROP_CITE_SOURCE);
    }
  if (self->cite_line != line)
    {
      self->cite_line = line;
      notify (self, PROP_CITE_LINE);
    }
}

void
_nf_note_set_conflicts (NfNote             *self,
                        const char * const *refs)
{
  g_auto(GStrv) next = NULL;

  g_assert (NF_IS_NOTE (self));

  if (refs != NULL && refs[0] != NULL)
    next = g_strdupv ((char **) refs);
  if (strv_equal0 (self->conflicts, next))
    return;
  g_strfreev (self->conflicts);
  self->conflicts = g_steal_pointer (&next);
  notify (self, PROP_CONFLICTS);
}

GPtrArray *
_nf_note_get_extensions (NfNote *self)
{
  g_assert (NF_IS_NOTE (self));

  if (self->extensions == NULL)
    self->extensions = g_ptr_array_new_with_free_func (g_free);
  return self->extensions;
}

/* For readers of the note (the writer): NULL when it has none, without
 * making an empty list on every note a save walks. */
GPtrArray *
_nf_note_peek_extensions (NfNote *self)
{
  g_assert (NF_IS_NOTE (self));
  return self->extensions;
}
