/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-snapshot-pixels"

#include "config.h"

#include "nf-snapshot-pixels.h"

/* Pixels a widget keeps (a card's, drawn once per change of what it
 * shows) put into a frame. A renderer that keeps textures where it draws
 * (GL: on the GPU) wants a texture, made once and handed again. GTK 4.8's
 * cairo renderer instead converts every pixel of a texture, through
 * floats, each time it draws it: a third of the first frame's drawing at
 * start-up with a case open. There the image is painted as it is, the
 * way that renderer paints a texture, so the pixels come out the same
 * wherever the image starts on a device pixel, as a card's does
 * (/gui/canvas-view/card-pixels). */

/* Whether the widget's window draws with cairo. */
gboolean
nf_snapshot_paints_directly (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer != NULL && GSK_IS_CAIRO_RENDERER (renderer);
}

/* Shares the image's memory: the caller never draws into it again once
 * it has handed it out. */
static GdkTexture *
texture_for (cairo_surface_t *surface)
{
  int stride = cairo_image_surface_get_stride (surface);
  int height = cairo_image_surface_get_height (surface);
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * (gsize) height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  /* GDK_MEMORY_DEFAULT is cairo's ARGB32 in the machine's byte order. */
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, (gsize) stride);
}

/* `pixels` (an ARGB32 image) fills `bounds`. `texture` holds the texture
 * made of them, made here when first wanted; the caller clears it when
 * the pixels change. */
void
nf_snapshot_append_pixels (GtkSnapshot           *snapshot,
                           cairo_surface_t       *pixels,
                           GdkTexture           **texture,
                           const graphene_rect_t *bounds,
                           gboolean               directly)
{
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;
  cairo_t *cr;

  g_return_if_fail (cairo_surface_get_type (pixels) == CAIRO_SURFACE_TYPE_IMAGE);

  if (!directly)
    {
      if (*texture == NULL)
        *texture = texture_for (pixels);
      gtk_snapshot_append_texture (snapshot, *texture, bounds);
      return;
    }
  cr = gtk_snapshot_append_cairo (snapshot, bounds);
  pattern = cairo_pattern_create_for_surface (pixels);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);
  cairo_matrix_init_scale (&matrix,
                           cairo_image_surface_get_width (pixels) / bounds->size.width,
                           cairo_image_surface_get_height (pixels) / bounds->size.height);
  cairo_matrix_translate (&matrix, -bounds->origin.x, -bounds->origin.y);
  cairo_pattern_set_matrix (pattern, &matrix);
  cairo_set_source (cr, pattern);
  cairo_pattern_destroy (pattern);
  cairo_rectangle (cr, bounds->origin.x, bounds->origin.y, bounds->size.width, bounds->size.height);
  cairo_fill (cr);
  cairo_destroy (cr);
}
