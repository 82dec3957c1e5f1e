/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <ninefold.h>

G_BEGIN_DECLS

/* What several render tests share: a shipped case, loaded or the test
 * fails, and how far apart two pictures are. */
NfCanvas *nf_test_load_case      (guint            index);
int       nf_test_max_difference (cairo_surface_t *a,
                                  cairo_surface_t *b);

G_END_DECLS
