/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-themes"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nf-locale.h"
#include "nf-themes.h"

#define DEFAULT_PER_BLOCK 8

struct _NfThemes
{
  NfCanvas  *canvases[NF_THEMES_MAX_CANVASES];
  guint      n_canvases;
  char      *lang;
  GPtrArray *themes[NF_N_BLOCKS];   /* NfTheme *, best first */
};

/* Words that say nothing of a business model on their own: English
 * function words and the filler of write-ups ("also", "including"). Kept
 * short and general on purpose; distinctiveness (idf) does the rest. */
static const char * const stop_words[] = {
  "about", "above", "across", "after", "again", "against", "all", "almost", "along", "already",
  "also", "although", "always", "among", "and", "another", "any", "are", "around", "because",
  "been", "before", "being", "below", "between", "both", "but", "can", "cannot", "could", "did",
  "does", "doing", "done", "down", "during", "each", "either", "else", "etc", "even", "ever",
  "every", "few", "for", "from", "further", "had", "has", "have", "having", "her", "here", "hers",
  "him", "his", "how", "however", "including", "into", "its", "itself", "just", "least", "less",
  "like", "made", "main", "mainly", "make", "makes", "many", "may", "more", "most", "much", "must",
  "not", "now", "off", "once", "one", "only", "onto", "other", "others", "our", "ours", "out",
  "over", "own", "per", "rather", "same", "several", "she", "should", "since", "some", "such",
  "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this",
  "those", "through", "thus", "too", "toward", "towards", "two", "under", "until", "upon", "use",
  "used", "uses", "using", "very", "via", "was", "way", "ways", "well", "were", "what", "when",
  "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
  "without", "would", "yet", "you", "your", "yours", "able", "based", "provide", "provides",
  "providing", "provided", "offer", "offers", "offering", "include", "includes", "included",
  "various", "within", "company", "companies", "three", "four", "five", "first", "second",
  "get", "gets", "got", "let", "lets", "whom", "been", "non", "big", "bigger", "biggest",
  "large", "larger", "largest", "small", "smaller", "annual", "annually", "increase", "increases",
  "number", "year", "years", "total", "percent", "key", "last", "new", "major", "enable",
  "enables", "ensure", "ensures", "focus", "focuses", "average", "month", "months",
};

/* What each block is called (as the importer knows it, in both
 * languages): a block's own name is no theme of it ("costs" in the cost
 * structure). */
static const char * const block_words[NF_N_BLOCKS] = {
  "key partners partnerships 重要合作伙伴 关键合作伙伴",
  "key activities 关键业务",
  "key resources 核心资源",
  "value propositions 价值主张",
  "customer relationships 客户关系",
  "channels 渠道通路",
  "customer segments 客户细分",
  "cost structure costs 成本结构",
  "revenue streams revenues 收入来源",
};

/* CJK characters that are grammar rather than meaning: a bigram holding
 * one is no theme. */
static const char cjk_stop_chars[] =
  "的了是在和与及等也都而或对把被从将就这那其之们我你他她它不于着让还很并但所该此各每已又"
  "个吗呢吧啊很更最再";

static const char * const cjk_stop_bigrams[] = {
  "可以", "通过", "进行", "以及", "一个", "没有", "目前", "已经", "非常", "需要", "能够",
  "主要", "一些", "因为", "如果", "公司", "成为", "提供", "包括", "作为", "方面", "我们",
  "不同", "同时", "为了", "一定", "其他", "以上", "以下", "左右", "大量", "相关",
};

/* The CJK stop characters as bits over the unified ideographs, looked up
 * for every character of Chinese text. */
#define HAN_FIRST 0x4E00
#define HAN_LAST  0x9FFF
static guint8 han_stops[(HAN_LAST - HAN_FIRST + 1) / 8 + 1];

static GHashTable *
stop_word_set (void)
{
  static GHashTable *set;

  if (g_once_init_enter (&set))
    {
      GHashTable *s = g_hash_table_new (g_str_hash, g_str_equal);

      for (const char *p = cjk_stop_chars; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c >= HAN_FIRST && c <= HAN_LAST)
            han_stops[(c - HAN_FIRST) / 8] |= 1 << ((c - HAN_FIRST) % 8);
        }

      for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
        g_hash_table_add (s, (gpointer) stop_words[i]);
      for (guint i = 0; i < G_N_ELEMENTS (cjk_stop_bigrams); i++)
        g_hash_table_add (s, (gpointer) cjk_stop_bigrams[i]);
      g_once_init_leave (&set, s);
    }
  return set;
}

static gboolean
is_cjk (gunichar c)
{
  GUnicodeScript script;

  /* Kana and Han start at U+2E80; most text is below. */
  if (c < 0x2E80)
    return FALSE;
  script = g_unichar_get_script (c);
  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
         script == G_UNICODE_SCRIPT_KATAKANA;
}

static gboolean
is_cjk_stop (gunichar c)
{
  stop_word_set ();
  if (c < HAN_FIRST || c > HAN_LAST)
    return FALSE;
  return (han_stops[(c - HAN_FIRST) / 8] >> ((c - HAN_FIRST) % 8)) & 1;
}

static gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) && !is_cjk (c);
}

/* "dealers" → "dealer", "companies" → "company", "sales" → "sale"; not
 * "business", "analysis", "status", "gas". A rough English singular is
 * enough for matching, never shown. */
static char *
stem (const char *lower)
{
  gsize n = strlen (lower);

  if (n > 4 && g_str_has_suffix (lower, "ies"))
    return g_strdup_printf ("%.*sy", (int) (n - 3), lower);
  if (n > 5 && (g_str_has_suffix (lower, "sses") || g_str_has_suffix (lower, "ches") ||
                g_str_has_suffix (lower, "shes") || g_str_has_suffix (lower, "xes")))
    return g_strndup (lower, n - 2);
  if (n > 3 && lower[n - 1] == 's' && strchr ("sui", lower[n - 2]) == NULL)
    return g_strndup (lower, n - 1);
  return g_strdup (lower);
}

/* The key a word or a tag is matched by. */
static char *
word_key (const char *word,
          gssize      len)
{
  g_autofree char *lower = g_utf8_strdown (word, len);
  gsize n = strlen (lower);

  /* Possessives: "china's", "china’s". */
  if (g_str_has_suffix (lower, "'s"))
    lower[n - 2] = '\0';
  else if (g_str_has_suffix (lower, "\xe2\x80\x99s"))
    lower[n - 4] = '\0';
  return stem (lower);
}

typedef struct {
  char *key;
  char *surface;
} Term;

static void
term_free (gpointer data)
{
  Term *t = data;

  g_free (t->key);
  g_free (t->surface);
  g_free (t);
}

static void
add_term (GPtrArray  *terms,
          GHashTable *seen,
          char       *key,
          char       *surface)
{
  Term *t;

  if (g_hash_table_contains (seen, key))
    {
      g_free (key);
      g_free (surface);
      return;
    }
  t = g_new (Term, 1);
  t->key = key;
  t->surface = surface;
  g_hash_table_add (seen, t->key);
  g_ptr_array_add (terms, t);
}

/* A word as shown: lower-cased unless written with capitals inside it
 * (APP, OneID, JD.com), which are names. */
static char *
word_surface (const char *word,
              gsize       len)
{
  const char *p = g_utf8_next_char (word);

  for (; p < word + len; p = g_utf8_next_char (p))
    if (g_unichar_isupper (g_utf8_get_char (p)))
      return g_strndup (word, len);
  return g_utf8_strdown (word, (gssize) len);
}

static void
add_word (GPtrArray  *terms,
          GHashTable *seen,
          const char *start,
          const char *end)
{
  GHashTable *stops = stop_word_set ();
  g_autofree char *key = NULL;
  gboolean letters = FALSE;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        return;
      letters |= g_unichar_isalpha (c);
    }
  if (!letters || g_utf8_strlen (start, end - start) < 3)
    return;
  key = word_key (start, end - start);
  /* Past participles and long adverbs describe rather than name
   * ("registered", "generated", "approximately"); "speed", "supply" stay. */
  {
    gsize n = strlen (key);

    if ((n >= 5 && g_str_has_suffix (key, "ed") && !g_str_has_suffix (key, "eed")) ||
        (n >= 9 && g_str_has_suffix (key, "ly")))
      return;
  }
  if (g_utf8_strlen (key, -1) < 3 || g_hash_table_contains (stops, key))
    return;
  {
    /* The unstemmed form too: "sales" stems to "sale", not a stop word. */
    g_autofree char *lower = g_utf8_strdown (start, end - start);

    if (g_hash_table_contains (stops, lower))
      return;
  }
  add_term (terms, seen, g_steal_pointer (&key), word_surface (start, (gsize) (end - start)));
}

static void
add_cjk_run (GPtrArray  *terms,
             GHashTable *seen,
             const char *start,
             const char *end)
{
  GHashTable *stops = stop_word_set ();

  for (const char *a = start; a < end; a = g_utf8_next_char (a))
    {
      const char *b = g_utf8_next_char (a);
      const char *after;
      char *bigram;

      if (b >= end)
        break;
      after = g_utf8_next_char (b);
      if (is_cjk_stop (g_utf8_get_char (a)) || is_cjk_stop (g_utf8_get_char (b)))
        continue;
      bigram = g_strndup (a, (gsize) (after - a));
      if (g_hash_table_contains (stops, bigram))
        {
          g_free (bigram);
          continue;
        }
      add_term (terms, seen, bigram, g_strdup (bigram));
    }
}

/* Terms (Term *) of a text, each once, in order of first use. */
static GPtrArray *
extract_terms (const char *text)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (term_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *start = p;

      if (is_cjk (c))
        {
          while (*p != '\0' && is_cjk (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          add_cjk_run (terms, seen, start, p);
        }
      else if (is_word_char (c))
        {
          /* Inner hyphens and apostrophes stay: "ride-hailing", "china's". */
          while (*p != '\0')
            {
              gunichar d = g_utf8_get_char (p);
              const char *next = g_utf8_next_char (p);

              if (is_word_char (d))
                p = next;
              else if ((d == '-' || d == '\'' || d == 0x2019) && *next != '\0' &&
                       is_word_char (g_utf8_get_char (next)))
                p = next;
              else
                break;
            }
          add_word (terms, seen, start, p);
        }
      else
        p = g_utf8_next_char (p);
    }
  return terms;
}

GPtrArray *
nf_themes_terms (const char *text)
{
  g_autoptr(GPtrArray) terms = NULL;
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (text != NULL, keys);
  terms = extract_terms (text);
  for (guint i = 0; i < terms->len; i++)
    g_ptr_array_add (keys, g_strdup (((Term *) g_ptr_array_index (terms, i))->key));
  return keys;
}

/* A tag's key: a single word is matched like a word of the text. */
static char *
tag_key (const char *tag)
{
  for (const char *p = tag; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_word_char (g_utf8_get_char (p)))
      return g_utf8_strdown (tag, -1);
  return word_key (tag, -1);
}

/* --- Building the themes --- */

typedef struct {
  NfTheme  theme;
  guint    n_notes;
  guint    n_tagged;  /* of them, counted by their tag */
  gboolean cjk;       /* a CJK bigram, to grow to its notes' common run */
  guint    order;     /* first seen: ties go to the word written first */
} Candidate;

static void
theme_clear (NfTheme *theme)
{
  g_free (theme->label);
  g_free (theme->key);
  for (guint i = 0; i < NF_THEMES_MAX_CANVASES; i++)
    g_clear_pointer (&theme->notes[i], g_ptr_array_unref);
}

static void
candidate_free (gpointer data)
{
  Candidate *c = data;

  theme_clear (&c->theme);
  g_free (c);
}

static void
theme_free (gpointer data)
{
  NfTheme *theme = data;

  theme_clear (theme);
  g_free (theme);
}

/* How many notes of everything compared use a key, each note once. */
typedef struct {
  guint         count;
  gconstpointer last;
} DocCount;

static void
count_note (GHashTable    *df,
            const char    *key,
            gconstpointer  note)
{
  DocCount *d = g_hash_table_lookup (df, key);

  if (d == NULL)
    {
      d = g_new0 (DocCount, 1);
      g_hash_table_insert (df, g_strdup (key), d);
    }
  if (d->last != note)
    {
      d->count++;
      d->last = note;
    }
}

static Candidate *
candidate_for (GHashTable *block,
               const char *key,
               const char *label,
               gboolean   *out_fresh)
{
  Candidate *c = g_hash_table_lookup (block, key);

  if (out_fresh != NULL)
    *out_fresh = c == NULL;
  if (c == NULL)
    {
      c = g_new0 (Candidate, 1);
      c->order = g_hash_table_size (block);
      c->theme.key = g_strdup (key);
      c->theme.label = g_strdup (label);
      g_hash_table_insert (block, c->theme.key, c);
    }
  return c;
}

/* TRUE when the note was not in the theme yet. */
static gboolean
candidate_add (Candidate *c,
               guint      canvas,
               NfNote    *note)
{
  GPtrArray *notes = c->theme.notes[canvas];

  /* Most candidates are one note's words: arrays only where needed. */
  if (notes == NULL)
    notes = c->theme.notes[canvas] = g_ptr_array_new_with_free_func (g_object_unref);
  /* A note adds to a theme once, whether by tag or by text. */
  if (notes->len > 0 && g_ptr_array_index (notes, notes->len - 1) == note)
    return FALSE;
  g_ptr_array_add (notes, g_object_ref (note));
  c->n_notes++;
  return TRUE;
}

static gboolean
same_language (const char *a,
               const char *b)
{
  gsize n;

  if (a == NULL || b == NULL || *a == '\0' || *b == '\0')
    return FALSE;
  n = strcspn (a, "-_.@");
  return strcspn (b, "-_.@") == n && g_ascii_strncasecmp (a, b, n) == 0;
}

/* Whether a note can be read in `lang`: written in it, or translated. */
static gboolean
readable_in (NfNote     *note,
             const char *written,
             const char *lang)
{
  const NfText *text = nf_note_get_text (note);

  if (same_language (written, lang))
    return TRUE;
  for (guint i = 0; i < nf_text_get_n_translations (text); i++)
    {
      const char *tl = NULL;

      nf_text_get_translation (text, i, &tl);
      if (same_language (tl, lang))
        return TRUE;
    }
  return FALSE;
}

/* The language most of the canvases are written in; a tie goes to
 * `preferred`, else to the first canvas's. */
static const char *
majority_language (NfCanvas  **canvases,
                   guint       n,
                   const char *preferred)
{
  const char *best = NULL;
  guint best_n = 0;
  gboolean best_preferred = FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *lang = nf_canvas_get_language (canvases[i]);
      guint count = 0;
      gboolean is_preferred;

      if (lang == NULL || *lang == '\0')
        continue;
      for (guint j = 0; j < n; j++)
        count += same_language (lang, nf_canvas_get_language (canvases[j]));
      is_preferred = same_language (lang, preferred);
      if (count > best_n || (count == best_n && is_preferred && !best_preferred))
        best = lang, best_n = count, best_preferred = is_preferred;
    }
  return best;
}

const char *
nf_themes_pick_language (NfCanvas  **canvases,
                         guint       n_canvases,
                         const char *preferred)
{
  guint n_notes = 0, n_readable = 0;

  g_return_val_if_fail (canvases != NULL, NULL);
  if (preferred != NULL && *preferred != '\0')
    {
      for (guint i = 0; i < n_canvases; i++)
        for (NfBlock b = 0; b < NF_N_BLOCKS; b++)
          {
            GListModel *notes = nf_canvas_get_notes (canvases[i], b);
            const char *written = nf_canvas_get_language (canvases[i]);

            for (guint k = 0; k < g_list_model_get_n_items (notes); k++)
              {
                g_autoptr(NfNote) note = g_list_model_get_item (notes, k);

                n_notes++;
                n_readable += readable_in (note, written, preferred);
              }
          }
      if (2 * n_readable >= n_notes)
        return preferred;
    }
  return majority_language (canvases, n_canvases, preferred);
}

static const char *
note_text (NfNote     *note,
           const char *lang)
{
  return nf_text_for_language (nf_note_get_text (note), lang);
}

static gboolean
same_notes (const NfTheme *a,
            const NfTheme *b,
            guint          n_canvases)
{
  for (guint i = 0; i < n_canvases; i++)
    {
      if (a->notes[i]->len != b->notes[i]->len)
        return FALSE;
      for (guint k = 0; k < a->notes[i]->len; k++)
        if (g_ptr_array_index (a->notes[i], k) != g_ptr_array_index (b->notes[i], k))
          return FALSE;
    }
  return TRUE;
}

/* Grows a CJK bigram to the longest run of CJK characters around it that
 * every one of its notes has: "营销" in notes saying "营销大脑" is shown as
 * "营销大脑". */
static void
grow_cjk (Candidate  *c,
          guint       n_canvases,
          const char *lang)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  const char *first, *at, *start, *end;

  for (guint i = 0; i < n_canvases; i++)
    for (guint k = 0; k < c->theme.notes[i]->len; k++)
      g_ptr_array_add (texts, (gpointer) note_text (g_ptr_array_index (c->theme.notes[i], k), lang));
  if (texts->len == 0)
    return;
  first = g_ptr_array_index (texts, 0);
  at = strstr (first, c->theme.key);
  if (at == NULL)
    return;
  start = at;
  end = at + strlen (c->theme.key);
  for (int side = 0; side < 2; side++)
    for (;;)
      {
        const char *ns = start, *ne = end;
        g_autofree char *run = NULL;
        gunichar ch;
        gboolean all = TRUE;

        if (side == 0)
          {
            if (start == first)
              break;
            ns = g_utf8_prev_char (start);
            ch = g_utf8_get_char (ns);
          }
        else
          {
            if (*end == '\0')
              break;
            ch = g_utf8_get_char (end);
            ne = g_utf8_next_char (end);
          }
        if (!is_cjk (ch) || is_cjk_stop (ch) || g_utf8_strlen (ns, ne - ns) > 8)
          break;
        run = g_strndup (ns, (gsize) (ne - ns));
        for (guint t = 1; t < texts->len && all; t++)
          all = strstr (g_ptr_array_index (texts, t), run) != NULL;
        if (!all)
          break;
        start = ns, end = ne;
      }
  g_free (c->theme.label);
  c->theme.label = g_strndup (start, (gsize) (end - start));
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = *(Candidate * const *) a;
  const Candidate *y = *(Candidate * const *) b;

  if (x->theme.score != y->theme.score)
    return x->theme.score > y->theme.score ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

NfThemes *
nf_themes_new (NfCanvas   **canvases,
               guint        n_canvases,
               const char  *lang,
               guint        max_per_block)
{
  NfThemes *self;
  GHashTable *blocks[NF_N_BLOCKS];
  g_autoptr(GHashTable) df = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_notes = 0;

  g_return_val_if_fail (canvases != NULL, NULL);
  g_return_val_if_fail (n_canvases >= 1 && n_canvases <= NF_THEMES_MAX_CANVASES, NULL);

  if (max_per_block == 0)
    max_per_block = DEFAULT_PER_BLOCK;
  self = g_new0 (NfThemes, 1);
  self->n_canvases = n_canvases;
  for (guint i = 0; i < n_canvases; i++)
    self->canvases[i] = g_object_ref (canvases[i]);
  self->lang = g_strdup (lang != NULL ? lang : nf_themes_pick_language (canvases, n_canvases,
                                                                         nf_ui_note_language ()));

  /* Every note once: its keys into its block's candidates, and into the
   * count of notes using each key across everything compared. */
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      blocks[b] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, candidate_free);
      for (guint i = 0; i < n_canvases; i++)
        {
          GListModel *notes = nf_canvas_get_notes (canvases[i], (NfBlock) b);
          guint n = g_list_model_get_n_items (notes);

          for (guint k = 0; k < n; k++)
            {
              g_autoptr(NfNote) note = g_list_model_get_item (notes, k);
              g_autoptr(GPtrArray) terms = extract_terms (note_text (note, self->lang));
              const char * const *tags = nf_note_get_tags (note);

              n_notes++;
              for (guint t = 0; tags != NULL && tags[t] != NULL; t++)
                {
                  g_autofree char *key = tag_key (tags[t]);
                  Candidate *c = candidate_for (blocks[b], key, tags[t], NULL);

                  if (!c->theme.tag)
                    {
                      /* A tag names the theme as its author wrote it. */
                      c->theme.tag = TRUE;
                      c->cjk = FALSE;
                      g_free (c->theme.label);
                      c->theme.label = g_strdup (tags[t]);
                    }
                  /* Its tags come before its words: a note counted
                   * here is counted as tagging the theme. */
                  c->n_tagged += candidate_add (c, i, note);
                  count_note (df, c->theme.key, note);
                }
              for (guint t = 0; t < terms->len; t++)
                {
                  Term *term = g_ptr_array_index (terms, t);
                  gboolean fresh = FALSE;
                  Candidate *c = candidate_for (blocks[b], term->key, term->surface, &fresh);

                  if (fresh)
                    c->cjk = is_cjk (g_utf8_get_char (term->key));
                  candidate_add (c, i, note);
                  count_note (df, c->theme.key, note);
                }
            }
        }
    }

  for (guint b = 0; b < NF_N_BLOCKS; b++)
    {
      g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
      g_autoptr(GPtrArray) own = nf_themes_terms (block_words[b]);
      GHashTableIter iter;
      gpointer value;

      self->themes[b] = g_ptr_array_new_with_free_func (theme_free);
      g_hash_table_iter_init (&iter, blocks[b]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Candidate *c = value;
          const DocCount *d = g_hash_table_lookup (df, c->theme.key);
          double n_df = d != NULL ? d->count : 1;
          double idf = log ((n_notes + 1.0) / MAX (n_df, 1));

          if (!c->theme.tag && c->n_notes < 2)
            continue;
          for (guint i = 0; i < NF_THEMES_MAX_CANVASES; i++)
            if (c->theme.notes[i] == NULL)
              c->theme.notes[i] = g_ptr_array_new_with_free_func (g_object_unref);
          if (!c->theme.tag && g_ptr_array_find_with_equal_func (own, c->theme.key, g_str_equal, NULL))
            continue;
          /* Words in most of everything compared ("platform" in a canvas
           * about platforms) tell nothing apart, unless someone tagged it. */
          if (!c->theme.tag && n_notes >= 20 && n_df > 0.3 * n_notes)
            continue;
          c->theme.n_canvases = 0;
          for (guint i = 0; i < n_canvases; i++)
            c->theme.n_canvases += c->theme.notes[i]->len > 0;
          c->theme.score = (c->n_notes + (c->theme.tag ? 1 : 0)) * idf *
                           (1 + 0.5 * (c->theme.n_canvases - 1));
          g_ptr_array_add (chosen, c);
        }
      g_ptr_array_sort (chosen, compare_candidates);
      for (guint k = 0; k < chosen->len && self->themes[b]->len < max_per_block; k++)
        {
          Candidate *c = g_ptr_array_index (chosen, k);
          NfTheme *theme;
          gboolean redundant = FALSE;

          /* A term found in exactly the notes of a better theme adds
           * nothing to the matrix (the other half of "营销", a word that
           * always comes with another). */
          for (guint j = 0; j < self->themes[b]->len && !redundant; j++)
            redundant = same_notes (g_ptr_array_index (self->themes[b], j), &c->theme, n_canvases);
          if (redundant)
            continue;
          if (c->cjk && !c->theme.tag)
            grow_cjk (c, n_canvases, self->lang);
          c->theme.tagged = c->theme.tag && c->n_tagged == c->n_notes;
          theme = g_new0 (NfTheme, 1);
          *theme = c->theme;
          /* The theme now owns the strings and arrays. */
          memset (&c->theme, 0, sizeof c->theme);
          g_ptr_array_add (self->themes[b], theme);
        }
      g_hash_table_unref (blocks[b]);
    }
  return self;
}

void
nf_themes_free (NfThemes *self)
{
  if (self == NULL)
    return;
  for (guint b = 0; b < NF_N_BLOCKS; b++)
    g_clear_pointer (&self->themes[b], g_ptr_array_unref);
  for (guint i = 0; i < self->n_canvases; i++)
    g_clear_object (&self->canvases[i]);
  g_free (self->lang);
  g_free (self);
}

guint
nf_themes_get_n_canvases (const NfThemes *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_canvases;
}

NfCanvas *
nf_themes_get_canvas (const NfThemes *self,
                      guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_canvases, NULL);
  return self->canvases[index];
}

const char *
nf_themes_get_language (const NfThemes *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->lang;
}

guint
nf_themes_get_n_themes (const NfThemes *self,
                        NfBlock         block)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, 0);
  return self->themes[block]->len;
}

const NfTheme *
nf_themes_get_theme (const NfThemes *self,
                     NfBlock         block,
                     guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, NULL);
  g_return_val_if_fail (index < self->themes[block]->len, NULL);
  return g_ptr_array_index (self->themes[block], index);
}

const NfTheme *
nf_themes_find (const NfThemes *self,
                NfBlock         block,
                const char     *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (block >= 0 && block < NF_N_BLOCKS, NULL);
  for (guint i = 0; i < self->themes[block]->len; i++)
    {
      const NfTheme *theme = g_ptr_array_index (self->themes[block], i);

      if (g_str_equal (theme->key, key))
        return theme;
    }
  return NULL;
}
