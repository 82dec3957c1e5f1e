/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-note-list"

#include "config.h"

#include "nf-note-list-private.h"

struct _NfNoteList {
  GObject    parent_instance;
  GPtrArray *notes;
};

static void nf_note_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NfNoteList, nf_note_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, nf_note_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return NF_TYPE_NOTE;
}

static guint
get_n_items (GListModel *model)
{
  return NF_NOTE_LIST (model)->notes->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  NfNoteList *self = NF_NOTE_LIST (model);

  if (position >= self->notes->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->notes, position));
}

static void
nf_note_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
nf_note_list_finalize (GObject *object)
{
  NfNoteList *self = NF_NOTE_LIST (object);

  g_ptr_array_unref (self->notes);
  G_OBJECT_CLASS (nf_note_list_parent_class)->finalize (object);
}

static void
nf_note_list_class_init (NfNoteListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nf_note_list_finalize;
}

static void
nf_note_list_init (NfNoteList *self)
{
  self->notes = g_ptr_array_new_with_free_func (g_object_unref);
}

NfNoteList *
nf_note_list_new (void)
{
  return g_object_new (NF_TYPE_NOTE_LIST, NULL);
}

void
nf_note_list_insert (NfNoteList *self,
                     guint       index,
                     NfNote     *note)
{
  g_return_if_fail (NF_IS_NOTE_LIST (self));
  g_return_if_fail (NF_IS_NOTE (note));
  g_return_if_fail (index <= self->notes->len);

  g_ptr_array_insert (self->notes, (gint) index, g_object_ref (note));
  g_list_model_items_changed (G_LIST_MODEL (self), index, 0, 1);
}

void
nf_note_list_remove (NfNoteList *self,
                     guint       index)
{
  g_return_if_fail (NF_IS_NOTE_LIST (self));
  g_return_if_fail (index < self->notes->len);

  g_ptr_array_remove_index (self->notes, index);
  g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 0);
}

void
nf_note_list_append_many (NfNoteList  *self,
                          NfNote     **notes,
                          guint        n_notes)
{
  guint at;

  g_return_if_fail (NF_IS_NOTE_LIST (self));
  if (n_notes == 0)
    return;
  at = self->notes->len;
  /* Grown once to the size, not by doubling: the array is kept. */
  g_ptr_array_set_size (self->notes, (gint) (at + n_notes));
  for (guint i = 0; i < n_notes; i++)
    self->notes->pdata[at + i] = g_object_ref (notes[i]);
  g_list_model_items_changed (G_LIST_MODEL (self), at, 0, n_notes);
}

gboolean
nf_note_list_find (NfNoteList *self,
                   NfNote     *note,
                   guint      *out_index)
{
  g_return_val_if_fail (NF_IS_NOTE_LIST (self), FALSE);
  return g_ptr_array_find (self->notes, note, out_index);
}

NfNote *
nf_note_list_peek (NfNoteList *self,
                   guint       index)
{
  g_return_val_if_fail (NF_IS_NOTE_LIST (self), NULL);
  return index < self->notes->len ? g_ptr_array_index (self->notes, index) : NULL;
}
