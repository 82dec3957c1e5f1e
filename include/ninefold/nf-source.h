/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A citation a canvas draws on. Immutable and reference-counted: an edit
 * replaces the whole source, which keeps undo trivial. */
typedef struct _NfSource NfSource;

#define NF_TYPE_SOURCE (nf_source_get_type ())

GType       nf_source_get_type      (void) G_GNUC_CONST;
NfSource   *nf_source_new           (const char     *id,
                                     const char     *title,
                                     const char     *publisher,
                                     const char     *date,
                                     const char     *address);
NfSource   *nf_source_ref           (NfSource       *self);
void        nf_source_unref         (NfSource       *self);
const char *nf_source_get_id        (const NfSource *self);
const char *nf_source_get_title     (const NfSource *self);
const char *nf_source_get_publisher (const NfSource *self);
const char *nf_source_get_date      (const NfSource *self);
const char *nf_source_get_address   (const NfSource *self);
gboolean    nf_source_equal         (const NfSource *a,
                                     const NfSource *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NfSource, nf_source_unref)

G_END_DECLS
