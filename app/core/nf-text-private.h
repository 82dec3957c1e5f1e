/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-text.h"

G_BEGIN_DECLS

void _nf_text_add_translation (NfText     *self,
                               const char *lang,
                               const char *text);

G_END_DECLS
