/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-snapshot"

#include "config.h"

#include "nf-snapshot-private.h"
#include "nf-text.h"

struct _NfSnapshot {
  GObject    parent_instance;
  char      *name;
  GDateTime *time;
  GPtrArray *notes[NF_N_BLOCKS];
  GPtrArray *tables;
};

G_DEFINE_FINAL_TYPE (NfSnapshot, nf_snapshot, G_TYPE_OBJECT)

static void
nf_snapshot_dispose (GObject *object)
{
  NfSnapshot *self = (NfSnapshot *) object;

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    g_clear_pointer (&self->notes[b], g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);

  G_OBJECT_CLASS (nf_snapshot_parent_class)->dispose (object);
}

static void
nf_snapshot_finalize (GObject *object)
{
  NfSnapshot *self = (NfSnapshot *) object;

  g_free (self->name);
  g_clear_pointer (&self->time, g_date_time_unref);

  G_OBJECT_CLASS (nf_snapshot_parent_class)->finalize (object);
}

static void
nf_snapshot_class_init (NfSnapshotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nf_snapshot_dispose;
  object_class->finalize = nf_snapshot_finalize;
}

static void
nf_snapshot_init (NfSnapshot *self)
{
}

NfSnapshot *
_nf_snapshot_new (const char  *name,
                  GDateTime   *time,
                  GPtrArray  **notes,
                  GPtrArray   *tables)
{
  NfSnapshot *self = g_object_new (NF_TYPE_SNAPSHOT, NULL);

  self->name = nf_text_clean (name, -1);
  /* Whole seconds in UTC: what the file can hold. */
  {
    g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

    self->time = g_date_time_new_utc (g_date_time_get_year (utc),
                                      g_date_time_get_month (utc),
                                      g_date_time_get_day_of_month (utc),
                                      g_date_time_get_hour (utc),
                                      g_date_time_get_minute (utc),
                                      g_date_time_get_second (utc));
  }
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    self->notes[b] = notes[b];
  self->tables = tables;
  return self;
}

const char *
nf_snapshot_get_name (NfSnapshot *self)
{
  g_return_val_if_fail (NF_IS_SNAPSHOT (self), NULL);
  return self->name;
}

GDateTime *
nf_snapshot_get_time (NfSnapshot *self)
{
  g_return_val_if_fail (NF_IS_SNAPSHOT (self), NULL);
  return self->time;
}

guint
nf_snapshot_get_n_notes (NfSnapshot *self,
                         NfBlock     block)
{
  g_return_val_if_fail (NF_IS_SNAPSHOT (self), 0);
  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, 0);
  return self->notes[block]->len;
}

NfNote *
nf_snapshot_get_note (NfSnapshot *self,
                      NfBlock     block,
                      guint       index)
{
  g_return_val_if_fail (NF_IS_SNAPSHOT (self), NULL);
  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, NULL);
  g_return_val_if_fail (index < self->notes[block]->len, NULL);
  return g_ptr_array_index (self->notes[block], index);
}

guint
nf_snapshot_get_n_tables (NfSnapshot *self)
{
  g_return_val_if_fail (NF_IS_SNAPSHOT (self), 0);
  return self->tables->len;
}

NfMetricTable *
nf_snapshot_get_table (NfSnapshot *self,
                       guint       index)
{
  g_return_val_if_fail (NF_IS_SNAPSHOT (self), NULL);
  g_return_val_if_fail (index < self->tables->len, NULL);
  return g_ptr_array_index (self->tables, index);
}

char *
_nf_snapshot_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}
