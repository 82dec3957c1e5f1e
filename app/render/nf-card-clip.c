/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include "nf-card-cache-private.h"

/* The caller's clip, read once a frame in the target's own pixels: what
 * decides whether a card or a block may be copied or written whole. */

void
_nf_card_clip_init (NfCardClip *clip,
                    cairo_t    *cr)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_matrix_t m;
  double dsx, dsy, dox, doy;

  cairo_surface_get_device_scale (target, &dsx, &dsy);
  cairo_surface_get_device_offset (target, &dox, &doy);
  cairo_get_matrix (cr, &m);
  cairo_identity_matrix (cr);
  cairo_clip_extents (cr, &clip->extents[0], &clip->extents[1],
                      &clip->extents[2], &clip->extents[3]);
  clip->extents[0] = clip->extents[0] * dsx + dox;
  clip->extents[1] = clip->extents[1] * dsy + doy;
  clip->extents[2] = clip->extents[2] * dsx + dox;
  clip->extents[3] = clip->extents[3] * dsy + doy;
  clip->list = cairo_copy_clip_rectangle_list (cr);
  /* No clip at all is not a list of rectangles either (nor is one of
   * curves, which a toolkit's repaint does not set): the extents say
   * enough then. */
  clip->unknown = clip->list->status != CAIRO_STATUS_SUCCESS &&
                  clip->list->status != CAIRO_STATUS_CLIP_NOT_REPRESENTABLE;
  if (clip->list->status != CAIRO_STATUS_SUCCESS)
    g_clear_pointer (&clip->list, cairo_rectangle_list_destroy);
  else
    for (int i = 0; i < clip->list->num_rectangles; i++)
      {
        cairo_rectangle_t *r = &clip->list->rectangles[i];

        r->x = r->x * dsx + dox;
        r->y = r->y * dsy + doy;
        r->width *= dsx;
        r->height *= dsy;
      }
  cairo_set_matrix (cr, &m);
}

void
_nf_card_clip_clear (NfCardClip *clip)
{
  g_clear_pointer (&clip->list, cairo_rectangle_list_destroy);
}

/* Whether the caller's clip leaves the card's image `box` (in the
 * target's pixels) whole. cairo composites a glyph run that a clip cuts
 * through a mask, at other positions within a pixel than a run it draws
 * whole: the text of a card drawn afresh across the edge of a clip sits
 * a fraction of a pixel away from the same card drawn whole into its
 * image. Such a card is drawn afresh, so both paths give one picture. */
gboolean
_nf_card_clip_keeps_whole (const NfCardClip *clip,
                           const double      box[4])
{
  if (!(box[0] >= clip->extents[0] && box[1] >= clip->extents[1] &&
        box[2] <= clip->extents[2] && box[3] <= clip->extents[3]) || clip->unknown)
    return FALSE;
  if (clip->list == NULL)
    return TRUE;
  for (int i = 0; i < clip->list->num_rectangles; i++)
    {
      const cairo_rectangle_t *r = &clip->list->rectangles[i];

      if (box[0] >= r->x && box[1] >= r->y &&
          box[2] <= r->x + r->width && box[3] <= r->y + r->height)
        return TRUE;
    }
  return FALSE;
}
