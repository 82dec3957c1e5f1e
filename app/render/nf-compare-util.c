/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-i18n-private.h"

#include "nf-compare-layout.h"
#include "nf-compare-layout-private.h"
#include "nf-number.h"

/* Adwaita's palette: a darker shade on light backgrounds and a lighter one
 * on dark, so a mark strip stands out from the cards in both. The card's
 * other edge shows its evidence level in orange, purple, blue or green,
 * so no mark takes one of those: a near match in purple passed for
 * "Reported", "in some" in blue for "Tested", "only here" in orange for
 * "Assumption". They are teal (libadwaita's teal accent), brown and
 * yellow (pink, tried, read as Reported's light purple on dark); a move
 * is slate, a reordering brown. An addition stays green, as every diff
 * has it, but a yellower one than Validated's; a removal is red. */
static const char * const mark_colours[][2] = {
  [NF_DIFF_ADDED]     = { "#4e9a06", "#a8e060" },
  [NF_DIFF_REMOVED]   = { "#c01c28", "#f66151" },
  [NF_DIFF_CHANGED]   = { "#b47c00", "#f8e45c" },
  [NF_DIFF_MOVED]     = { "#6f8396", "#a8b8c8" },
  [NF_DIFF_REORDERED] = { "#865e3c", "#cdab8f" },
  [NF_DIFF_SHARED]    = { "#9a9996", "#77767b" },
  [NF_DIFF_SOME]      = { "#865e3c", "#cdab8f" },
  [NF_DIFF_ONLY]      = { "#b47c00", "#f6d32d" },
  [NF_DIFF_NEAR]      = { "#2190a4", "#7bdff4" },
};

static const char * const canvas_colours[][2] = {
  { "#1c71d8", "#62a0ea" },
  { "#c64600", "#ffa348" },
  { "#26a269", "#8ff0a4" },
  { "#813d9c", "#dc8add" },
};

static gboolean
style_is_dark (const NfGridStyle *style)
{
  return nf_colour_luminance (&style->background) < 0.3;
}

void
nf_compare_mark_colour (NfDiffKind         kind,
                        const NfGridStyle *style,
                        NfColour          *out)
{
  g_return_if_fail (kind <= NF_DIFF_NEAR);
  g_return_if_fail (style != NULL && out != NULL);
  nf_colour_parse (mark_colours[kind][style_is_dark (style) ? 1 : 0], out);
}

void
nf_compare_canvas_colour (guint              index,
                          const NfGridStyle *style,
                          NfColour          *out)
{
  g_return_if_fail (style != NULL && out != NULL);
  nf_colour_parse (canvas_colours[index % G_N_ELEMENTS (canvas_colours)][style_is_dark (style) ? 1 : 0],
                   out);
}

const char *
nf_compare_mark_label (NfDiffKind kind)
{
  switch (kind)
    {
    case NF_DIFF_ADDED:     return _("Added");
    case NF_DIFF_REMOVED:   return _("Removed");
    case NF_DIFF_CHANGED:   return _("Changed");
    case NF_DIFF_MOVED:     return _("Moved");
    case NF_DIFF_REORDERED: return _("Reordered");
    case NF_DIFF_SHARED:    return _("Shared by all");
    case NF_DIFF_SOME:      return _("In some");
    case NF_DIFF_ONLY:      return _("Only here");
    case NF_DIFF_NEAR:      return _("Near match");
    default:                g_return_val_if_reached ("");
    }
}

void
_nf_compare_canvas_names (NfCanvas   **canvases,
                          guint        n,
                          const char  *lang,
                          char       **names)
{
  g_autofree char **named = g_new0 (char *, n);

  for (guint i = 0; i < n; i++)
    {
      const char *name = nf_canvas_get_company_for_language (canvases[i], lang);

      if (name == NULL || name[0] == '\0')
        name = nf_canvas_get_title_for_language (canvases[i], lang);
      names[i] = name != NULL && name[0] != '\0' ? g_strdup (name) : g_strdup_printf (_("Canvas %u"), i + 1);
    }
  /* Versions of one company from its snapshots are called by the
   * snapshot's name, and the one canvas that is not a snapshot "Current":
   * the company's name is the same over every column. */
  {
    guint n_snapshots = 0, n_same = 0;

    for (guint i = 0; i < n; i++)
      {
        n_snapshots += nf_canvas_get_snapshot_name (canvases[i]) != NULL;
        n_same += g_str_equal (names[i], names[0]);
      }
    if (n_snapshots > 0 && n_same == n && n_snapshots + 1 >= n)
      {
        for (guint i = 0; i < n; i++)
          {
            const char *snapshot = nf_canvas_get_snapshot_name (canvases[i]);

            g_free (names[i]);
            /* Translators: the column of the canvas as it is now, beside
             * columns named after its snapshots */
            names[i] = g_strdup (snapshot != NULL ? snapshot : C_("compare", "Current"));
          }
        /* Two snapshots of the same name still need telling apart. */
        for (guint i = 0; i < n; i++)
          for (guint j = i + 1; j < n; j++)
            if (g_str_equal (names[i], names[j]))
              {
                char *told = g_strdup_printf ("%s (%u)", names[j], j + 1);

                g_free (names[j]);
                names[j] = told;
              }
        return;
      }
  }
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      if (i != j && g_str_equal (names[i], names[j]))
        {
          const char *label = nf_canvas_get_label (canvases[i]);
          gboolean unique = label != NULL && label[0] != '\0';

          for (guint k = 0; unique && k < n; k++)
            if (k != i && g_strcmp0 (label, nf_canvas_get_label (canvases[k])) == 0 &&
                g_str_equal (names[i], names[k]))
              unique = FALSE;
          named[i] = unique ? g_strdup_printf ("%s — %s", names[i], label)
                            : g_strdup_printf ("%s (%u)", names[i], i + 1);
          break;
        }
  for (guint i = 0; i < n; i++)
    if (named[i] != NULL)
      {
        g_free (names[i]);
        names[i] = named[i];
      }
}
