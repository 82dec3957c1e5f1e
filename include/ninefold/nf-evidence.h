/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How well a note is backed: what a consultant marks and a slide shows.
 * In order of strength, which is the order lists show them in: a claim a
 * source states without evidence (reported) is more than a guess and
 * less than a test. The values are not stored anywhere (files use the
 * names), so a level may be inserted. */
typedef enum {
  NF_EVIDENCE_NONE,
  NF_EVIDENCE_ASSUMPTION,
  NF_EVIDENCE_REPORTED,
  NF_EVIDENCE_TESTED,
  NF_EVIDENCE_VALIDATED,
} NfEvidence;

#define NF_EVIDENCE_N_LEVELS (NF_EVIDENCE_VALIDATED + 1)

const char *nf_evidence_to_xml   (NfEvidence  evidence);
gboolean    nf_evidence_from_xml (const char *name,
                                  NfEvidence *out_evidence);
const char *nf_evidence_title    (NfEvidence  evidence);

G_END_DECLS
