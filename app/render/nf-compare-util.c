/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "nf-compare-layout.h"
#include "nf-compare-layout-private.h"

/* Adwaita's palette: a darker shade on light backgrounds and a lighter one
 * on dark, so a mark strip stands out from the cards in both. */
static const char * const mark_colours[][2] = {
  [NF_DIFF_ADDED]     = { "#26a269", "#57e389" },
  [NF_DIFF_REMOVED]   = { "#c01c28", "#f66151" },
  [NF_DIFF_CHANGED]   = { "#e5a50a", "#f8e45c" },
  [NF_DIFF_MOVED]     = { "#1c71d8", "#62a0ea" },
  [NF_DIFF_REORDERED] = { "#813d9c", "#c061cb" },
  [NF_DIFF_SHARED]    = { "#9a9996", "#77767b" },
  [NF_DIFF_SOME]      = { "#1c71d8", "#62a0ea" },
  [NF_DIFF_ONLY]      = { "#e66100", "#ffa348" },
  [NF_DIFF_NEAR]      = { "#813d9c", "#c061cb" },
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

/* "31.5", "1", "2,235.1": at most two decimals, none trailing, and the
 * whole part grouped in thousands when asked. */
static char *
plain_number (double   value,
              gboolean group)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GString) out = g_string_new (NULL);
  char *dot, *end;
  const char *digits;
  gsize n_whole;

  g_ascii_formatd (buf, sizeof buf, "%.2f", fabs (value) < 0.005 ? 0 : value);
  if ((dot = strchr (buf, '.')) != NULL)
    {
      end = buf + strlen (buf) - 1;
      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *dot = '\0';
    }
  digits = buf[0] == '-' ? buf + 1 : buf;
  if (buf[0] == '-')
    g_string_append_c (out, '-');
  n_whole = strcspn (digits, ".");
  for (gsize i = 0; i < n_whole; i++)
    {
      if (group && i > 0 && (n_whole - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  g_string_append (out, digits + n_whole);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
nf_compare_format_value (double        value,
                         NfColumnType  type,
                         const char   *unit,
                         const char   *lang)
{
  gboolean zh = lang != NULL && g_ascii_strncasecmp (lang, "zh", 2) == 0;
  double magnitude = fabs (value);
  g_autofree char *number = NULL;
  const char *scale = "";
  const char *space = " ";

  if (!isfinite (value))
    return g_strdup ("—");
  if (type == NF_COLUMN_YEAR)
    return g_strdup_printf ("%.0f", value);
  if (type == NF_COLUMN_PERCENT)
    {
      g_autofree char *pct = plain_number (value * 100, FALSE);

      return g_strdup_printf ("%s%%", pct);
    }

  if (zh && magnitude >= 1e8)
    number = plain_number (value / 1e8, TRUE), scale = "亿", space = "";
  else if (zh && magnitude >= 1e4)
    number = plain_number (value / 1e4, TRUE), scale = "万", space = "";
  else if (!zh && magnitude >= 1e9)
    number = plain_number (value / 1e9, TRUE), scale = _("billion");
  else if (!zh && magnitude >= 1e6)
    number = plain_number (value / 1e6, TRUE), scale = _("million");
  else
    number = plain_number (value, TRUE), space = "";

  if (unit != NULL && unit[0] != '\0')
    return g_strdup_printf ("%s%s%s %s", number, space, scale, unit);
  return g_strdup_printf ("%s%s%s", number, space, scale);
}

char *
nf_compare_format_rate (NfRate *rate)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (NF_IS_RATE (rate), NULL);

  text = nf_rate_to_string (rate);
  if (nf_rate_get_date (rate) != NULL)
    /* Translators: an exchange rate and the day it is for, e.g.
     * "1 USD = 7.1884 CNY, 2024-12-31" */
    return g_strdup_printf (_("%s, %s"), text, nf_rate_get_date (rate));
  return g_steal_pointer (&text);
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
