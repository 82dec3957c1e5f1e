/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-render-types.h"

gboolean
nf_rect_contains_point (const NfRect *rect,
                        double        x,
                        double        y)
{
  g_return_val_if_fail (rect != NULL, FALSE);
  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

gboolean
nf_rect_contains_rect (const NfRect *outer,
                       const NfRect *inner,
                       double        slack)
{
  g_return_val_if_fail (outer != NULL && inner != NULL, FALSE);
  return inner->x >= outer->x - slack &&
         inner->y >= outer->y - slack &&
         inner->x + inner->width <= outer->x + outer->width + slack &&
         inner->y + inner->height <= outer->y + outer->height + slack;
}

gboolean
nf_rect_intersects (const NfRect *a,
                    const NfRect *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
nf_colour_parse (const char *spec,
                 NfColour   *out)
{
  guint v = 0;

  g_return_val_if_fail (out != NULL, FALSE);
  if (spec == NULL || spec[0] != '#' || strlen (spec) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      int d = g_ascii_xdigit_value (spec[i]);
      if (d < 0)
        return FALSE;
      v = (v << 4) | (guint) d;
    }
  out->red = ((v >> 16) & 0xff) / 255.0;
  out->green = ((v >> 8) & 0xff) / 255.0;
  out->blue = (v & 0xff) / 255.0;
  out->alpha = 1.0;
  return TRUE;
}

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
nf_colour_luminance (const NfColour *colour)
{
  g_return_val_if_fail (colour != NULL, 0.0);
  return 0.2126 * linear (colour->red) +
         0.7152 * linear (colour->green) +
         0.0722 * linear (colour->blue);
}

NfColour
nf_colour_mix (const NfColour *a,
               const NfColour *b,
               double          t)
{
  NfColour c;

  t = CLAMP (t, 0.0, 1.0);
  c.red = a->red + (b->red - a->red) * t;
  c.green = a->green + (b->green - a->green) * t;
  c.blue = a->blue + (b->blue - a->blue) * t;
  c.alpha = a->alpha + (b->alpha - a->alpha) * t;
  return c;
}

NfColour
nf_colour_over (const NfColour *top,
                const NfColour *under)
{
  NfColour c = nf_colour_mix (under, top, top->alpha);

  c.alpha = 1.0;
  return c;
}
