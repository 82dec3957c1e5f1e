/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-evidence"

#include "config.h"

#include "nf-i18n-private.h"

#include "nf-evidence.h"

static const struct {
  const char *xml;
  const char *title;
} levels[] = {
  [NF_EVIDENCE_NONE]       = { NULL, N_("No evidence level") },
  [NF_EVIDENCE_ASSUMPTION] = { "assumption", N_("Assumption") },
  [NF_EVIDENCE_REPORTED]   = { "reported", N_("Reported") },
  [NF_EVIDENCE_TESTED]     = { "tested", N_("Tested") },
  [NF_EVIDENCE_VALIDATED]  = { "validated", N_("Validated") },
};

const char *
nf_evidence_to_xml (NfEvidence evidence)
{
  g_return_val_if_fail (evidence <= NF_EVIDENCE_VALIDATED, NULL);
  return levels[evidence].xml;
}

gboolean
nf_evidence_from_xml (const char *name,
                      NfEvidence *out_evidence)
{
  if (name == NULL)
    return FALSE;
  for (guint i = NF_EVIDENCE_ASSUMPTION; i < G_N_ELEMENTS (levels); i++)
    if (g_str_equal (name, levels[i].xml))
      {
        if (out_evidence)
          *out_evidence = (NfEvidence) i;
        return TRUE;
      }
  return FALSE;
}

const char *
nf_evidence_title (NfEvidence evidence)
{
  g_return_val_if_fail (evidence <= NF_EVIDENCE_VALIDATED, NULL);
  return _(levels[evidence].title);
}
