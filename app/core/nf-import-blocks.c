/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-import"

#include "config.h"

#include <string.h>

#include "nf-import-private.h"

/* Headings longer than this are prose, not a block's name. */
#define MAX_HEADING_BYTES 120
/* Fuzzy matching looks at short names only, which also bounds its work. */
#define MAX_FUZZY_CHARS   40

typedef struct {
  const char *name;
  NfBlock     block;
} Synonym;

/* How write-ups name the blocks. The first eighteen are the blocks' own
 * names in English and Chinese: matching one of those is an exact match.
 * Plurals, case, "&" and punctuation are normalised away before
 * comparing, so only one spelling of each is needed. This table is about
 * reading input; the canvas's own titles live in nf-block.c. */
static const Synonym synonyms[] = {
  { "Key Partners", NF_BLOCK_KEY_PARTNERS },
  { "Key Activities", NF_BLOCK_KEY_ACTIVITIES },
  { "Key Resources", NF_BLOCK_KEY_RESOURCES },
  { "Value Propositions", NF_BLOCK_VALUE_PROPOSITIONS },
  { "Customer Relationships", NF_BLOCK_CUSTOMER_RELATIONSHIPS },
  { "Channels", NF_BLOCK_CHANNELS },
  { "Customer Segments", NF_BLOCK_CUSTOMER_SEGMENTS },
  { "Cost Structure", NF_BLOCK_COST_STRUCTURE },
  { "Revenue Streams", NF_BLOCK_REVENUE_STREAMS },
  { "重要合作", NF_BLOCK_KEY_PARTNERS },
  { "关键业务", NF_BLOCK_KEY_ACTIVITIES },
  { "核心资源", NF_BLOCK_KEY_RESOURCES },
  { "价值主张", NF_BLOCK_VALUE_PROPOSITIONS },
  { "客户关系", NF_BLOCK_CUSTOMER_RELATIONSHIPS },
  { "渠道通路", NF_BLOCK_CHANNELS },
  { "客户细分", NF_BLOCK_CUSTOMER_SEGMENTS },
  { "成本结构", NF_BLOCK_COST_STRUCTURE },
  { "收入来源", NF_BLOCK_REVENUE_STREAMS },

  { "Partners", NF_BLOCK_KEY_PARTNERS },
  { "Key Partnerships", NF_BLOCK_KEY_PARTNERS },
  { "Partnerships", NF_BLOCK_KEY_PARTNERS },
  { "Partner Network", NF_BLOCK_KEY_PARTNERS },
  { "Strategic Partners", NF_BLOCK_KEY_PARTNERS },
  { "Strategic Partnerships", NF_BLOCK_KEY_PARTNERS },
  { "Key Alliances", NF_BLOCK_KEY_PARTNERS },
  { "Alliances", NF_BLOCK_KEY_PARTNERS },
  { "Activities", NF_BLOCK_KEY_ACTIVITIES },
  { "Core Activities", NF_BLOCK_KEY_ACTIVITIES },
  { "Key Processes", NF_BLOCK_KEY_ACTIVITIES },
  { "Resources", NF_BLOCK_KEY_RESOURCES },
  { "Core Resources", NF_BLOCK_KEY_RESOURCES },
  { "Key Assets", NF_BLOCK_KEY_RESOURCES },
  { "Value Proposition", NF_BLOCK_VALUE_PROPOSITIONS },
  { "Propositions", NF_BLOCK_VALUE_PROPOSITIONS },
  { "Value Prop", NF_BLOCK_VALUE_PROPOSITIONS },
  { "Customer Value Proposition", NF_BLOCK_VALUE_PROPOSITIONS },
  { "Unique Value Proposition", NF_BLOCK_VALUE_PROPOSITIONS },
  { "Relationships", NF_BLOCK_CUSTOMER_RELATIONSHIPS },
  { "Customer Relations", NF_BLOCK_CUSTOMER_RELATIONSHIPS },
  { "Distribution", NF_BLOCK_CHANNELS },
  { "Distribution Channels", NF_BLOCK_CHANNELS },
  { "Sales Channels", NF_BLOCK_CHANNELS },
  { "Marketing Channels", NF_BLOCK_CHANNELS },
  { "Customer Channels", NF_BLOCK_CHANNELS },
  { "Segments", NF_BLOCK_CUSTOMER_SEGMENTS },
  { "Customers", NF_BLOCK_CUSTOMER_SEGMENTS },
  { "Target Customers", NF_BLOCK_CUSTOMER_SEGMENTS },
  { "Target Market", NF_BLOCK_CUSTOMER_SEGMENTS },
  { "Target Audience", NF_BLOCK_CUSTOMER_SEGMENTS },
  { "Target Segments", NF_BLOCK_CUSTOMER_SEGMENTS },
  { "Customer Groups", NF_BLOCK_CUSTOMER_SEGMENTS },
  { "Market Segments", NF_BLOCK_CUSTOMER_SEGMENTS },
  { "Costs", NF_BLOCK_COST_STRUCTURE },
  { "Cost Drivers", NF_BLOCK_COST_STRUCTURE },
  { "Expenses", NF_BLOCK_COST_STRUCTURE },
  { "Cost Base", NF_BLOCK_COST_STRUCTURE },
  { "Revenue", NF_BLOCK_REVENUE_STREAMS },
  { "Revenue Sources", NF_BLOCK_REVENUE_STREAMS },
  { "Revenue Model", NF_BLOCK_REVENUE_STREAMS },
  { "Sources of Revenue", NF_BLOCK_REVENUE_STREAMS },
  { "Income Streams", NF_BLOCK_REVENUE_STREAMS },
  { "Monetization", NF_BLOCK_REVENUE_STREAMS },
  { "Monetisation", NF_BLOCK_REVENUE_STREAMS },
  { "重要伙伴", NF_BLOCK_KEY_PARTNERS },
  { "重要合作伙伴", NF_BLOCK_KEY_PARTNERS },
  { "关键合作伙伴", NF_BLOCK_KEY_PARTNERS },
  { "合作伙伴", NF_BLOCK_KEY_PARTNERS },
  { "关键活动", NF_BLOCK_KEY_ACTIVITIES },
  { "核心业务", NF_BLOCK_KEY_ACTIVITIES },
  { "关键资源", NF_BLOCK_KEY_RESOURCES },
  { "渠道", NF_BLOCK_CHANNELS },
  { "渠道通道", NF_BLOCK_CHANNELS },
  { "客户群体", NF_BLOCK_CUSTOMER_SEGMENTS },
  { "目标客户", NF_BLOCK_CUSTOMER_SEGMENTS },
  { "成本", NF_BLOCK_COST_STRUCTURE },
  { "收入流", NF_BLOCK_REVENUE_STREAMS },
  { "盈利模式", NF_BLOCK_REVENUE_STREAMS },
};
#define N_OWN_NAMES 18

static const char * const names_en[NF_N_BLOCKS] = {
  "Key Partners", "Key Activities", "Key Resources", "Value Propositions",
  "Customer Relationships", "Channels", "Customer Segments", "Cost Structure",
  "Revenue Streams",
};

static const char * const names_zh[NF_N_BLOCKS] = {
  "重要合作", "关键业务", "核心资源", "价值主张", "客户关系", "渠道通路", "客户细分",
  "成本结构", "收入来源",
};

typedef struct {
  char     *normal;
  gunichar *chars;
  glong     n_chars;
} Known;

static Known known[G_N_ELEMENTS (synonyms)];
static GHashTable *by_name;  /* normalised name -> index + 1 */

static gboolean
is_roman (const char *word)
{
  static const char * const numerals[] = {
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    if (g_str_equal (word, numerals[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_number (const char *word)
{
  for (const char *p = word; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return *word != '\0';
}

/* "Customer Segments:", "customer-segment", "3. The Customer Segment(s)"
 * all become "customer segment". */
static char *
normalise (const char *text)
{
  static const char * const noise_before[] = { "the", "our", "its", "a" };
  static const char * const noise_after[] = { "block", "section", "canvas" };
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_autoptr(GString) spaced = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  guint first = 0, last;

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '&')
        g_string_append (spaced, " and ");
      else if (g_unichar_isalnum (c))
        g_string_append_unichar (spaced, c);
      else if (c != '\'' && c != 0x2019)  /* "customer's" is one word */
        g_string_append_c (spaced, ' ');
    }
  words = g_strsplit (spaced->str, " ", -1);
  for (guint i = 0; words[i]; i++)
    if (*words[i])
      g_ptr_array_add (kept, words[i]);
  last = kept->len;

  /* Numbering and filler around the name */
  for (;;)
    {
      const char *w = first < last ? kept->pdata[first] : NULL;

      if (w == NULL || last - first < 2)
        break;
      if (is_number (w) || is_roman (w) ||
          ((g_str_equal (w, "block") || g_str_equal (w, "step") || g_str_equal (w, "part") ||
            g_str_equal (w, "no")) && (is_number (kept->pdata[first + 1]) ||
                                       is_roman (kept->pdata[first + 1]))))
        first += is_number (w) || is_roman (w) ? 1 : 2;
      else
        {
          gboolean noise = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (noise_before); i++)
            noise |= g_str_equal (w, noise_before[i]);
          if (!noise)
            break;
          first++;
        }
    }
  while (last - first >= 2)
    {
      gboolean noise = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (noise_after); i++)
        noise |= g_str_equal (kept->pdata[last - 1], noise_after[i]);
      if (!noise)
        break;
      last--;
    }

  g_string_truncate (spaced, 0);
  for (guint i = first; i < last; i++)
    {
      char *w = kept->pdata[i];
      gsize n = strlen (w);

      /* Singular, crudely but alike on both sides: "activities" and
       * "activity", "channels" and "channel"; "business" and "status"
       * stay as they are. */
      if (n > 3 && g_str_has_suffix (w, "ies"))
        w[n - 3] = 'y', w[n - 2] = '\0';
      else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i')
        w[n - 1] = '\0';
      if (spaced->len)
        g_string_append_c (spaced, ' ');
      g_string_append (spaced, w);
    }
  return g_strdup (spaced->str);
}

static gpointer
init_known (gpointer data)
{
  by_name = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    {
      known[i].normal = normalise (synonyms[i].name);
      known[i].chars = g_utf8_to_ucs4_fast (known[i].normal, -1, &known[i].n_chars);
      if (!g_hash_table_contains (by_name, known[i].normal))
        g_hash_table_insert (by_name, known[i].normal, GUINT_TO_POINTER (i + 1));
    }
  return NULL;
}

/* Optimal string alignment distance (Levenshtein with transpositions, so
 * "Chanenls" is one edit from "Channels"), giving up past limit. */
static guint
distance (const gunichar *a,
          glong           na,
          const gunichar *b,
          glong           nb,
          guint           limit)
{
  guint rows[3][MAX_FUZZY_CHARS + 1];
  guint *before = rows[0], *previous = rows[1], *current = rows[2];

  if (na > MAX_FUZZY_CHARS || nb > MAX_FUZZY_CHARS || (guint) ABS (na - nb) > limit)
    return limit + 1;
  for (glong j = 0; j <= nb; j++)
    previous[j] = (guint) j;
  for (glong i = 1; i <= na; i++)
    {
      guint best;
      guint *spare;

      current[0] = (guint) i;
      best = current[0];
      for (glong j = 1; j <= nb; j++)
        {
          guint cost = a[i - 1] != b[j - 1];
          guint d = MIN (MIN (previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);

          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            d = MIN (d, before[j - 2] + 1);
          current[j] = d;
          best = MIN (best, d);
        }
      if (best > limit)
        return limit + 1;
      spare = before;
      before = previous;
      previous = current;
      current = spare;
    }
  return previous[nb];
}

static guint
allowed_edits (glong n_chars)
{
  return n_chars >= 8 ? 2 : n_chars >= 5 ? 1 : 0;
}

/* The ways a heading may wrap a block's name: "Partners (Key Partners)",
 * "Key Partners: who helps us", "Block 1: Key Partners". */
static GPtrArray *
variants (const char *heading)
{
  static const char * const opens[] = { "(", "[", "（", "【" };
  static const char * const closes[] = { ")", "]", "）", "】" };
  static const char * const separators[] = { ":", "：", " - ", " – ", " — ", " | " };
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) outside = g_string_new (NULL);
  const char *p = heading;

  g_ptr_array_add (out, g_strdup (heading));

  while (*p)
    {
      gboolean bracket = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (opens) && !bracket; i++)
        if (g_str_has_prefix (p, opens[i]))
          {
            const char *close = strstr (p, closes[i]);

            if (close)
              {
                g_ptr_array_add (out, g_strndup (p + strlen (opens[i]),
                                                 close - p - strlen (opens[i])));
                g_string_append_c (outside, ' ');
                p = close + strlen (closes[i]);
                bracket = TRUE;
              }
          }
      if (!bracket)
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (outside, p, next - p);
          p = next;
        }
    }
  if (out->len > 1)
    g_ptr_array_add (out, g_strdup (outside->str));

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *at = strstr (heading, separators[i]);

      if (at)
        {
          g_ptr_array_add (out, g_strndup (heading, at - heading));
          g_ptr_array_add (out, g_strdup (at + strlen (separators[i])));
        }
    }
  return out;
}

NfBlock
_nf_import_match_block (const char    *heading,
                        NfImportMatch *out_match)
{
  static GOnce once = G_ONCE_INIT;
  g_autoptr(GPtrArray) forms = NULL;
  g_autoptr(GPtrArray) normals = g_ptr_array_new_with_free_func (g_free);
  NfBlock best_block = NF_BLOCK_NONE;
  guint best_distance = G_MAXUINT;
  gboolean tied = FALSE;

  if (out_match)
    *out_match = NF_IMPORT_MATCH_NONE;
  if (heading == NULL || *heading == '\0' || strlen (heading) > MAX_HEADING_BYTES)
    return NF_BLOCK_NONE;
  g_once (&once, init_known, NULL);

  forms = variants (heading);
  for (guint i = 0; i < forms->len; i++)
    {
      char *normal = normalise (forms->pdata[i]);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (by_name, normal));

      if (index > 0)
        {
          if (out_match)
            *out_match = index <= N_OWN_NAMES ? NF_IMPORT_MATCH_EXACT : NF_IMPORT_MATCH_SYNONYM;
          g_free (normal);
          return synonyms[index - 1].block;
        }
      g_ptr_array_add (normals, normal);
    }

  for (guint i = 0; i < normals->len; i++)
    {
      glong n_chars;
      g_autofree gunichar *chars = g_utf8_to_ucs4_fast (normals->pdata[i], -1, &n_chars);
      guint limit = allowed_edits (n_chars);

      if (limit == 0 || n_chars > MAX_FUZZY_CHARS)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (synonyms); k++)
        {
          guint d;

          if (known[k].n_chars < 5)
            continue;
          d = distance (chars, n_chars, known[k].chars, known[k].n_chars, limit);
          if (d > limit || d > best_distance)
            continue;
          if (d < best_distance)
            {
              best_distance = d;
              best_block = synonyms[k].block;
              tied = FALSE;
            }
          else if (synonyms[k].block != best_block)
            tied = TRUE;
        }
    }
  if (best_block == NF_BLOCK_NONE || tied)
    return NF_BLOCK_NONE;
  if (out_match)
    *out_match = NF_IMPORT_MATCH_FUZZY;
  return best_block;
}

const char *
_nf_import_block_name (NfBlock     block,
                       const char *language)
{
  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, NULL);
  return language && g_str_has_prefix (language, "zh") ? names_zh[block] : names_en[block];
}
