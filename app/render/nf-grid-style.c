/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <string.h>

#include "nf-grid-style.h"

G_DEFINE_BOXED_TYPE (NfGridStyle, nf_grid_style,
                     nf_grid_style_copy, nf_grid_style_free)

/* Every Latin face comes before the CJK one: a CJK face also covers
 * Latin letters and punctuation, with full-width shapes (’ drawn as
 * "’ "), so on a machine without Cantarell or Noto Sans it must not be
 * reached before DejaVu Sans. Cantarell is GNOME's face; Noto Sans takes
 * its place where it is missing (a server exporting a deck). Noto Sans
 * CJK SC still comes before the generic name, so that Han characters get
 * Simplified Chinese shapes and never fall to a Japanese face or boxes. */
#define FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, Noto Sans CJK SC, sans-serif"

static NfColour
rgb (guint32 v)
{
  return (NfColour) { ((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0,
                      (v & 0xff) / 255.0, 1.0 };
}

static NfColour
rgba (guint32 v,
      double  alpha)
{
  NfColour c = rgb (v);

  c.alpha = alpha;
  return c;
}

static void
set_metrics (NfGridStyle *self)
{
  self->font_family = g_strdup (FONT_FAMILY);
  self->title_font_size = 10.5;
  self->base_font_size = 10.0;
  /* The readable minimum: 9 pt is 12 px at 96 dpi, the smallest body
   * text that reads comfortably on a laptop screen at arm's length and on
   * a projected slide. Below it the grid makes cards denser (shows fewer
   * of each note's lines) rather than its text smaller. */
  self->min_font_size = 9.0;
  self->font_size_step = 0.5;
  self->footer_font_scale = 0.85;
  self->line_height = 1.35;

  self->margin = 16;
  self->block_gap = 10;
  self->block_padding = 12;
  self->block_radius = 12;
  self->title_gap = 8;
  self->glyph_size = 22;
  self->card_gap = 8;
  self->card_padding = 8;
  self->card_radius = 8;
  self->card_min_width = 220;
  self->evidence_edge = 4;
  self->footer_gap = 4;
}

NfGridStyle *
nf_grid_style_new_light (void)
{
  NfGridStyle *self = g_new0 (NfGridStyle, 1);

  /* Adwaita: a grey canvas, near-white blocks, white cards. */
  self->background = rgb (0xebebed);
  self->block_fill = rgb (0xfafafb);
  self->block_border = rgba (0x000000, 0.08);
  self->title_text = rgb (0x2e2e32);
  self->accent = rgb (0x3584e4);
  self->card_fill = rgb (0xffffff);
  self->card_border = rgba (0x000000, 0.10);
  self->card_shadow = rgba (0x000000, 0.06);
  self->card_text = rgb (0x2e2e32);
  self->card_text_inverse = rgb (0xffffff);
  /* 4.5:1 on a tag's chip, as small text needs. */
  self->muted_text = rgb (0x67666b);
  self->chip_fill = rgba (0x000000, 0.06);
  self->evidence[NF_EVIDENCE_NONE] = rgba (0x000000, 0.0);
  self->evidence[NF_EVIDENCE_ASSUMPTION] = rgb (0xc64600);
  self->evidence[NF_EVIDENCE_REPORTED] = rgb (0x813d9c);
  self->evidence[NF_EVIDENCE_TESTED] = rgb (0x1c71d8);
  self->evidence[NF_EVIDENCE_VALIDATED] = rgb (0x1b8553);
  self->tint = 0.35;
  set_metrics (self);
  return self;
}

NfGridStyle *
nf_grid_style_new_dark (void)
{
  NfGridStyle *self = g_new0 (NfGridStyle, 1);

  self->background = rgb (0x1e1e1e);
  self->block_fill = rgb (0x2a2a2a);
  self->block_border = rgba (0xffffff, 0.06);
  self->title_text = rgb (0xffffff);
  self->accent = rgb (0x78aeed);
  self->card_fill = rgb (0x383838);
  self->card_border = rgba (0xffffff, 0.07);
  self->card_shadow = rgba (0x000000, 0.25);
  self->card_text = rgb (0xebebeb);
  self->card_text_inverse = rgb (0x1e1e1e);
  self->muted_text = rgb (0xbab9be);
  self->chip_fill = rgba (0xffffff, 0.08);
  self->evidence[NF_EVIDENCE_NONE] = rgba (0xffffff, 0.0);
  self->evidence[NF_EVIDENCE_ASSUMPTION] = rgb (0xffa348);
  self->evidence[NF_EVIDENCE_REPORTED] = rgb (0xdc8add);
  self->evidence[NF_EVIDENCE_TESTED] = rgb (0x62a0ea);
  self->evidence[NF_EVIDENCE_VALIDATED] = rgb (0x57e389);
  self->tint = 0.30;
  set_metrics (self);
  return self;
}

NfGridStyle *
nf_grid_style_copy (const NfGridStyle *self)
{
  NfGridStyle *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_memdup2 (self, sizeof *self);
  copy->font_family = g_strdup (self->font_family);
  return copy;
}

void
nf_grid_style_free (NfGridStyle *self)
{
  if (self == NULL)
    return;
  g_free (self->font_family);
  g_free (self);
}

gboolean
nf_grid_style_equal (const NfGridStyle *a,
                     const NfGridStyle *b)
{
  NfGridStyle x, y;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  if (g_strcmp0 (a->font_family, b->font_family) != 0)
    return FALSE;
  /* Every other field is a double, so the struct has no padding bytes. */
  x = *a;
  y = *b;
  x.font_family = y.font_family = NULL;
  return memcmp (&x, &y, sizeof x) == 0;
}

void
nf_grid_style_card_fill (const NfGridStyle *self,
                         const char        *colour,
                         NfColour          *out)
{
  NfColour own;

  g_return_if_fail (self != NULL && out != NULL);
  if (!nf_colour_parse (colour, &own))
    {
      *out = self->card_fill;
      return;
    }
  *out = nf_colour_mix (&self->card_fill, &own, self->tint);
}

static double
contrast (double l1,
          double l2)
{
  return (MAX (l1, l2) + 0.05) / (MIN (l1, l2) + 0.05);
}

void
nf_grid_style_text_on (const NfGridStyle *self,
                       const NfColour    *fill,
                       NfColour          *out)
{
  double lf;

  g_return_if_fail (self != NULL && fill != NULL && out != NULL);
  lf = nf_colour_luminance (fill);
  if (contrast (lf, nf_colour_luminance (&self->card_text)) >=
      contrast (lf, nf_colour_luminance (&self->card_text_inverse)))
    *out = self->card_text;
  else
    *out = self->card_text_inverse;
}

void
nf_grid_style_ink_on (const NfGridStyle *self,
                      const NfColour    *ink,
                      const NfColour    *fill,
                      NfColour          *out)
{
  double lf;
  NfColour text;

  g_return_if_fail (self != NULL && ink != NULL && fill != NULL && out != NULL);
  lf = nf_colour_luminance (fill);
  nf_grid_style_text_on (self, fill, &text);
  *out = *ink;
  /* The evidence levels' colours are Adwaita's: a few steps of mixing
   * keep their hue while they gain the contrast a chip's text needs. */
  for (double t = 0.1; t <= 1.0 && contrast (lf, nf_colour_luminance (out)) < 4.5; t += 0.1)
    *out = nf_colour_mix (ink, &text, t);
}
