/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NF_TYPE_APPLICATION (nf_application_get_type ())

G_DECLARE_FINAL_TYPE (NfApplication, nf_application, NF, APPLICATION, AdwApplication)

NfApplication *nf_application_new (void);

G_END_DECLS
