/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NF_TYPE_APPLICATION (nf_application_get_type ())

G_DECLARE_FINAL_TYPE (NfApplication, nf_application, NF, APPLICATION, AdwApplication)

NfApplication *nf_application_new (void);
/* Whether start-up loaded the cases in a thread (not when started to
 * open files, which do not show them): for tests. */
gboolean       _nf_application_get_preloaded (NfApplication *self);

G_END_DECLS
