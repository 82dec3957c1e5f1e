/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean nf_snapshot_paints_directly (GtkWidget             *widget);
void     nf_snapshot_append_pixels   (GtkSnapshot           *snapshot,
                                      cairo_surface_t       *pixels,
                                      GdkTexture           **texture,
                                      const graphene_rect_t *bounds,
                                      gboolean               directly);

G_END_DECLS
