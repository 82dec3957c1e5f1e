/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <ninefold.h>
#include <nf-render.h>

G_BEGIN_DECLS

/* What several render tests share: a shipped case, loaded or the test
 * fails, how far apart two pictures are, and how well text in one
 * colour reads on another (WCAG's contrast ratio, 1 to 21). */
NfCanvas *nf_test_load_case      (guint            index);
int       nf_test_max_difference (cairo_surface_t *a,
                                  cairo_surface_t *b);
double    nf_test_contrast       (const NfColour  *a,
                                  const NfColour  *b);

G_END_DECLS
