/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How well a note is backed: what a consultant marks and a slide shows. */
typedef enum {
  NF_EVIDENCE_NONE,
  NF_EVIDENCE_ASSUMPTION,
  NF_EVIDENCE_TESTED,
  NF_EVIDENCE_VALIDATED,
} NfEvidence;

const char *nf_evidence_to_xml   (NfEvidence  evidence);
gboolean    nf_evidence_from_xml (const char *name,
                                  NfEvidence *out_evidence);
const char *nf_evidence_title    (NfEvidence  evidence);

G_END_DECLS
