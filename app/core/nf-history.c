/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-history"

#include "config.h"

#include "nf-i18n-private.h"

#include "nf-canvas-private.h"
#include "nf-history.h"

typedef struct {
  char      *label;
  GPtrArray *edits;  /* of NfEdit, in the order they were applied */
} Step;

struct _NfHistory {
  GObject    parent_instance;
  NfCanvas  *canvas;       /* owns us; not a reference */
  GPtrArray *steps;        /* of Step */
  guint      position;     /* steps before it are done, from it on undone */
  gint64     saved;        /* the position that matches the file; -1 none */
  Step      *group;        /* the step being built, or NULL */
  guint      group_depth;
};

G_DEFINE_FINAL_TYPE (NfHistory, nf_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  g_ptr_array_unref (step->edits);
  g_free (step);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->edits = g_ptr_array_new_with_free_func ((GDestroyNotify) _nf_edit_free);
  return step;
}

static void
nf_history_finalize (GObject *object)
{
  NfHistory *self = (NfHistory *) object;

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->group, step_free);

  G_OBJECT_CLASS (nf_history_parent_class)->finalize (object);
}

static void
nf_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NfHistory *self = NF_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, nf_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, nf_history_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, nf_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, nf_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nf_history_class_init (NfHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nf_history_finalize;
  object_class->get_property = nf_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nf_history_init (NfHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func (step_free);
}

NfHistory *
_nf_history_new (NfCanvas *canvas)
{
  NfHistory *self = g_object_new (NF_TYPE_HISTORY, NULL);

  self->canvas = canvas;
  return self;
}

static void
notify_all (NfHistory *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
push_step (NfHistory *self,
           Step      *step)
{
  /* A new step forgets what was undone; if the saved state was among
   * it, no position matches the file any more. */
  if (self->position < self->steps->len)
    {
      if (self->saved > (gint64) self->position)
        self->saved = -1;
      g_ptr_array_set_size (self->steps, self->position);
    }
  g_ptr_array_add (self->steps, step);
  self->position++;
  notify_all (self);
}

void
_nf_history_record (NfHistory *self,
                    NfEdit    *edit)
{
  g_assert (NF_IS_HISTORY (self));

  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->edits, edit);
      return;
    }
  {
    Step *step = step_new (NULL);

    g_ptr_array_add (step->edits, edit);
    push_step (self, step);
  }
}

void
_nf_history_begin_group (NfHistory  *self,
                         const char *label)
{
  g_assert (NF_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    self->group = step_new (label);
}

gboolean
_nf_history_end_group (NfHistory *self)
{
  Step *step;

  g_assert (NF_IS_HISTORY (self));
  g_return_val_if_fail (self->group_depth > 0, FALSE);

  if (--self->group_depth > 0)
    return FALSE;
  step = g_steal_pointer (&self->group);
  if (step->edits->len == 0)
    {
      step_free (step);
      return FALSE;
    }
  push_step (self, step);
  return TRUE;
}

gboolean
_nf_history_at_saved (NfHistory *self)
{
  return self->saved == (gint64) self->position;
}

void
_nf_history_mark_saved (NfHistory *self)
{
  self->saved = self->position;
}

void
_nf_history_mark_unsaved (NfHistory *self)
{
  self->saved = -1;
}

gboolean
nf_history_can_undo (NfHistory *self)
{
  g_return_val_if_fail (NF_IS_HISTORY (self), FALSE);
  return self->group == NULL && self->position > 0;
}

gboolean
nf_history_can_redo (NfHistory *self)
{
  g_return_val_if_fail (NF_IS_HISTORY (self), FALSE);
  return self->group == NULL && self->position < self->steps->len;
}

const char *
nf_history_get_undo_label (NfHistory *self)
{
  g_return_val_if_fail (NF_IS_HISTORY (self), NULL);
  if (!nf_history_can_undo (self))
    return NULL;
  return ((Step *) g_ptr_array_index (self->steps, self->position - 1))->label;
}

const char *
nf_history_get_redo_label (NfHistory *self)
{
  g_return_val_if_fail (NF_IS_HISTORY (self), NULL);
  if (!nf_history_can_redo (self))
    return NULL;
  return ((Step *) g_ptr_array_index (self->steps, self->position))->label;
}

gboolean
nf_history_undo (NfHistory *self)
{
  Step *step;

  g_return_val_if_fail (NF_IS_HISTORY (self), FALSE);

  if (!nf_history_can_undo (self))
    return FALSE;
  step = g_ptr_array_index (self->steps, --self->position);
  for (guint i = step->edits->len; i > 0; i--)
    _nf_edit_apply (g_ptr_array_index (step->edits, i - 1), self->canvas, TRUE);
  notify_all (self);
  _nf_canvas_emit_changed (self->canvas);
  return TRUE;
}

gboolean
nf_history_redo (NfHistory *self)
{
  Step *step;

  g_return_val_if_fail (NF_IS_HISTORY (self), FALSE);

  if (!nf_history_can_redo (self))
    return FALSE;
  step = g_ptr_array_index (self->steps, self->position++);
  for (guint i = 0; i < step->edits->len; i++)
    _nf_edit_apply (g_ptr_array_index (step->edits, i), self->canvas, FALSE);
  notify_all (self);
  _nf_canvas_emit_changed (self->canvas);
  return TRUE;
}

/* Forgets every step; the current state stays, and still counts as saved
 * if it was. */
void
nf_history_clear (NfHistory *self)
{
  gboolean was_saved;

  g_return_if_fail (NF_IS_HISTORY (self));
  g_return_if_fail (self->group == NULL);

  was_saved = _nf_history_at_saved (self);
  g_ptr_array_set_size (self->steps, 0);
  self->position = 0;
  self->saved = was_saved ? 0 : -1;
  notify_all (self);
}
