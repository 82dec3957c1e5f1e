/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-source"

#include "config.h"

#include "nf-source.h"
#include "nf-text.h"

struct _NfSource {
  GObject parent_instance;
  char *id;
  char *title;
  char *publisher;
  char *date;
  char *address;
};

G_DEFINE_FINAL_TYPE (NfSource, nf_source, G_TYPE_OBJECT)

static void
nf_source_finalize (GObject *object)
{
  NfSource *self = (NfSource *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->publisher);
  g_free (self->date);
  g_free (self->address);

  G_OBJECT_CLASS (nf_source_parent_class)->finalize (object);
}

static void
nf_source_class_init (NfSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nf_source_finalize;
}

static void
nf_source_init (NfSource *self)
{
}

static char *
clean_or_null (const char *s)
{
  return (s != NULL && *s) ? nf_text_clean (s, -1) : NULL;
}

NfSource *
nf_source_new (const char *id,
               const char *title,
               const char *publisher,
               const char *date,
               const char *address)
{
  NfSource *self;

  g_return_val_if_fail (id != NULL && *id, NULL);

  self = g_object_new (NF_TYPE_SOURCE, NULL);
  self->id = nf_text_clean (id, -1);
  self->title = nf_text_clean (title, -1);
  self->publisher = clean_or_null (publisher);
  self->date = clean_or_null (date);
  self->address = clean_or_null (address);
  return self;
}

const char *nf_source_get_id        (NfSource *self) { return self->id; }
const char *nf_source_get_title     (NfSource *self) { return self->title; }
const char *nf_source_get_publisher (NfSource *self) { return self->publisher; }
const char *nf_source_get_date      (NfSource *self) { return self->date; }
const char *nf_source_get_address   (NfSource *self) { return self->address; }

gboolean
nf_source_equal (NfSource *a,
                 NfSource *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->publisher, b->publisher) == 0 &&
         g_strcmp0 (a->date, b->date) == 0 &&
         g_strcmp0 (a->address, b->address) == 0;
}
