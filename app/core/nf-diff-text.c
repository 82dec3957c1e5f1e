/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-diff"

#include "config.h"

#include <string.h>

#include "nf-diff-private.h"

/* Past this many token pairs a word diff would cost more than it tells;
 * the text is then shown as replaced whole. */
#define MAX_LCS_CELLS (4 * 1000 * 1000)

static gboolean
is_cjk (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Words (letters and digits), single CJK characters, and everything else
 * one character at a time, so that joining the tokens gives back the text. */
static GPtrArray *
split_tokens (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *end = g_utf8_next_char (p);

      if (g_unichar_isalnum (c) && !is_cjk (c))
        while (*end != '\0')
          {
            gunichar d = g_utf8_get_char (end);

            if (!g_unichar_isalnum (d) || is_cjk (d))
              break;
            end = g_utf8_next_char (end);
          }
      g_ptr_array_add (tokens, g_strndup (p, end - p));
      p = end;
    }
  return tokens;
}

/* Similarity tokens as strings: folded words and CJK bigrams (a lone CJK
 * character counts as a token of its own). */
static void
for_each_fold_token (const char *text,
                     void      (*func) (const char *token, gpointer data),
                     gpointer    data)
{
  g_autofree char *norm = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = g_utf8_casefold (norm != NULL ? norm : "", -1);
  g_autoptr(GString) word = g_string_new (NULL);
  gunichar prev_cjk = 0;
  gboolean run_emitted = FALSE;

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;
      gboolean cjk = c != 0 && is_cjk (c);

      if (c != 0 && !cjk && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
        }
      else if (word->len > 0)
        {
          func (word->str, data);
          g_string_truncate (word, 0);
        }

      if (cjk)
        {
          if (prev_cjk != 0)
            {
              char pair[16];
              int n = g_unichar_to_utf8 (prev_cjk, pair);

              n += g_unichar_to_utf8 (c, pair + n);
              pair[n] = '\0';
              func (pair, data);
              run_emitted = TRUE;
            }
          prev_cjk = c;
        }
      else
        {
          if (prev_cjk != 0 && !run_emitted)
            {
              char single[8];
              int n = g_unichar_to_utf8 (prev_cjk, single);

              single[n] = '\0';
              func (single, data);
            }
          prev_cjk = 0;
          run_emitted = FALSE;
        }
      if (c == 0)
        break;
    }
}

/* Words that say nothing about what a note means: two notes that share
 * only "the", "of" and "for" are not the same idea. */
static const char * const stop_words[] = {
  "a", "about", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
  "can", "e", "each", "eg", "etc", "for", "from", "g", "has", "have", "i", "ie", "in", "into",
  "is", "it", "its", "more", "most", "much", "of", "on", "or", "other", "over", "per", "s",
  "such", "than", "that", "the", "their", "them", "these", "they", "this", "those", "through",
  "to", "up", "via", "was", "were", "which", "while", "who", "with", "within",
};

static int
compare_word (const void *key,
              const void *member)
{
  return strcmp (key, *(const char * const *) member);
}

/* The same word in another form counts once: "fees" and "fee", "drivers"
 * and "driver", "companies" and "company". A light touch, not a stemmer:
 * only plural endings, which are most of the variation in short notes. */
static const char *
stem_word (const char *token,
           char        stem[64])
{
  gsize len = strlen (token);

  if (len < 64 && len > 3 && g_ascii_isalpha (token[len - 1]))
    {
      memcpy (stem, token, len + 1);
      if (g_str_has_suffix (stem, "ies"))
        strcpy (stem + len - 3, "y");
      else if (stem[len - 1] == 's' && stem[len - 2] != 's' && stem[len - 2] != 'u' && stem[len - 2] != 'i')
        stem[len - 1] = '\0';
      return stem;
    }
  return token;
}

static void
add_hash (const char *token,
          gpointer    data)
{
  char stem[64];
  guint32 h;

  if (bsearch (token, stop_words, G_N_ELEMENTS (stop_words), sizeof stop_words[0], compare_word))
    return;
  h = g_str_hash (stem_word (token, stem));
  g_array_append_val ((GArray *) data, h);
}

/* A tag's words, stop words kept: a tag is a name, and "cost-of-sales"
 * is not "sales". */
static void
append_stem (const char *token,
             gpointer    data)
{
  char stem[64];

  g_string_append_c (data, ' ');
  g_string_append (data, stem_word (token, stem));
}

static int
compare_u32 (gconstpointer a,
             gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

static void
sort_distinct (GArray *set)
{
  guint out = 0;

  g_array_sort (set, compare_u32);
  for (guint i = 0; i < set->len; i++)
    if (out == 0 || g_array_index (set, guint32, i) != g_array_index (set, guint32, out - 1))
      g_array_index (set, guint32, out++) = g_array_index (set, guint32, i);
  g_array_set_size (set, out);
}

GArray *
_nf_diff_token_set (const char *text)
{
  GArray *set = g_array_new (FALSE, FALSE, sizeof (guint32));

  for_each_fold_token (text, add_hash, set);
  sort_distinct (set);
  return set;
}

GArray *
_nf_diff_tag_set (const char * const *tags)
{
  GArray *set = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      guint32 h;

      /* The mark keeps a tag's hash apart from the same word's in a text. */
      g_string_assign (key, "#");
      for_each_fold_token (tags[i], append_stem, key);
      h = g_str_hash (key->str);
      g_array_append_val (set, h);
    }
  sort_distinct (set);
  return set;
}

static guint
n_common (GArray *a,
          GArray *b)
{
  guint i = 0, j = 0, common = 0;

  while (i < a->len && j < b->len)
    {
      guint32 x = g_array_index (a, guint32, i), y = g_array_index (b, guint32, j);

      if (x == y)
        common++, i++, j++;
      else if (x < y)
        i++;
      else
        j++;
    }
  return common;
}

double
_nf_diff_tag_overlap (GArray *a,
                      GArray *b)
{
  if (a->len == 0 || b->len == 0)
    return 0;
  return (double) n_common (a, b) / MIN (a->len, b->len);
}

double
_nf_diff_jaccard (GArray *a,
                  GArray *b)
{
  guint common;

  if (a->len == 0 && b->len == 0)
    return 1.0;
  common = n_common (a, b);
  return (double) common / (a->len + b->len - common);
}

static void
append_token (const char *token,
              gpointer    data)
{
  GString *out = data;

  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, token);
}

/* ASCII text folds without Unicode tables: NFKC leaves it as it is, case
 * folding is lowering, and its letters and digits are [A-Za-z0-9]. Most
 * labels are ASCII, and a table at the limits folds hundreds of thousands
 * of them (the whole way was 7,000 instructions a label). NULL when the
 * text is not ASCII. The words joined by one space are never longer than
 * the text, so they are written into one allocation of its length. */
static char *
fold_ascii (const char *text)
{
  gsize length = 0;
  char *out, *o;

  for (const char *p = text; *p != '\0'; p++, length++)
    if ((guchar) *p >= 0x80)
      return NULL;
  o = out = g_malloc (length + 1);
  for (const char *p = text; *p != '\0';)
    {
      const char *end = p;

      while (g_ascii_isalnum (*end))
        end++;
      if (end == p)
        {
          p++;
          continue;
        }
      if (o > out)
        *o++ = ' ';
      for (; p < end; p++)
        *o++ = (*p >= 'A' && *p <= 'Z') ? (char) (*p + ('a' - 'A')) : *p;
    }
  *o = '\0';
  return out;
}

char *
_nf_diff_fold (const char *text)
{
  GString *out;
  char *ascii;

  if (text != NULL && (ascii = fold_ascii (text)) != NULL)
    return ascii;
  out = g_string_new (NULL);
  for_each_fold_token (text, append_token, out);
  return g_string_free (out, FALSE);
}

char *
_nf_diff_fold_slow (const char *text)
{
  GString *out = g_string_new (NULL);

  for_each_fold_token (text, append_token, out);
  return g_string_free (out, FALSE);
}

double
nf_diff_similarity (const char *a,
                    const char *b)
{
  g_autoptr(GArray) sa = _nf_diff_token_set (a);
  g_autoptr(GArray) sb = _nf_diff_token_set (b);

  return _nf_diff_jaccard (sa, sb);
}

void
_nf_diff_op_free (NfDiffOp *op)
{
  g_free (op->text);
  g_free (op);
}

static void
push_op (GPtrArray    *ops,
         NfDiffOpKind  kind,
         const char   *text)
{
  NfDiffOp *last = ops->len > 0 ? g_ptr_array_index (ops, ops->len - 1) : NULL;

  if (last != NULL && last->kind == kind)
    {
      char *joined = g_strconcat (last->text, text, NULL);

      g_free (last->text);
      last->text = joined;
      return;
    }
  last = g_new0 (NfDiffOp, 1);
  last->kind = kind;
  last->text = g_strdup (text);
  g_ptr_array_add (ops, last);
}

GPtrArray *
nf_diff_words (const char *old_text,
               const char *new_text)
{
  g_autoptr(GPtrArray) a = split_tokens (old_text != NULL ? old_text : "");
  g_autoptr(GPtrArray) b = split_tokens (new_text != NULL ? new_text : "");
  GPtrArray *ops = g_ptr_array_new_with_free_func ((GDestroyNotify) _nf_diff_op_free);
  guint n = a->len, m = b->len, pre = 0, suf = 0;
  g_autofree guint32 *lcs = NULL;

  /* A shared head and tail cost nothing and shrink the table. */
  while (pre < n && pre < m && g_str_equal (a->pdata[pre], b->pdata[pre]))
    push_op (ops, NF_DIFF_OP_SAME, a->pdata[pre++]);
  while (suf < n - pre && suf < m - pre &&
         g_str_equal (a->pdata[n - 1 - suf], b->pdata[m - 1 - suf]))
    suf++;

  {
    guint rn = n - pre - suf, rm = m - pre - suf;

    if ((guint64) (rn + 1) * (rm + 1) > MAX_LCS_CELLS)
      {
        for (guint i = pre; i < n - suf; i++)
          push_op (ops, NF_DIFF_OP_DELETE, a->pdata[i]);
        for (guint j = pre; j < m - suf; j++)
          push_op (ops, NF_DIFF_OP_INSERT, b->pdata[j]);
      }
    else
      {
        guint i = 0, j = 0;

        /* lcs[i][j]: the longest common run of a[i..] and b[j..]. */
        lcs = g_new0 (guint32, (gsize) (rn + 1) * (rm + 1));
#define L(x, y) lcs[(gsize) (x) * (rm + 1) + (y)]
        for (guint x = rn; x-- > 0;)
          for (guint y = rm; y-- > 0;)
            L (x, y) = g_str_equal (a->pdata[pre + x], b->pdata[pre + y])
                       ? L (x + 1, y + 1) + 1
                       : MAX (L (x + 1, y), L (x, y + 1));
        while (i < rn || j < rm)
          {
            if (i < rn && j < rm && g_str_equal (a->pdata[pre + i], b->pdata[pre + j]))
              push_op (ops, NF_DIFF_OP_SAME, a->pdata[pre + i++]), j++;
            else if (i < rn && (j == rm || L (i + 1, j) >= L (i, j + 1)))
              push_op (ops, NF_DIFF_OP_DELETE, a->pdata[pre + i++]);
            else
              push_op (ops, NF_DIFF_OP_INSERT, b->pdata[pre + j++]);
          }
#undef L
      }
  }
  for (guint k = n - suf; k < n; k++)
    push_op (ops, NF_DIFF_OP_SAME, a->pdata[k]);
  return ops;
}
