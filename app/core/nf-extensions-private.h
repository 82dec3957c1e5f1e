/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Elements from a newer minor version of the format are kept as the XML
 * text they were read as, in a GPtrArray of strings that may be NULL when
 * there are none. */
GPtrArray *_nf_extensions_copy  (GPtrArray *extensions);
gboolean   _nf_extensions_equal (GPtrArray *a,
                                 GPtrArray *b);

G_END_DECLS
