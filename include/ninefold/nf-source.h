/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NF_TYPE_SOURCE (nf_source_get_type ())

/* A citation a canvas draws on. Immutable: an edit replaces the whole
 * source, which keeps undo trivial. */
G_DECLARE_FINAL_TYPE (NfSource, nf_source, NF, SOURCE, GObject)

NfSource   *nf_source_new           (const char     *id,
                                     const char     *title,
                                     const char     *publisher,
                                     const char     *date,
                                     const char     *address);
const char *nf_source_get_id        (NfSource       *self);
const char *nf_source_get_title     (NfSource       *self);
const char *nf_source_get_publisher (NfSource       *self);
const char *nf_source_get_date      (NfSource       *self);
const char *nf_source_get_address   (NfSource       *self);
gboolean    nf_source_equal         (NfSource       *a,
                                     NfSource       *b);

G_END_DECLS
