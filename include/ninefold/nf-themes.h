/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "nf-block.h"
#include "nf-canvas.h"

G_BEGIN_DECLS

#define NF_THEMES_MAX_CANVASES 4

/* What each compared company's notes of a block are about: its tags and
 * the key terms of its notes, read in one language (a note's translation
 * into it where it has one, so an English and a Chinese canvas meet on
 * the same words). A term is a theme of a block when a note tags it, or
 * when at least two notes of that block (of any compared canvas) use it;
 * themes are ranked by how many companies have them and how distinctive
 * they are (tf-idf over all notes of all compared canvases), so the words
 * every note uses never make it. Stop words of English and Chinese are
 * left out; Chinese (and other unspaced CJK) text is read as character
 * bigrams, a theme grown to the longest run its notes share ("营销大脑").
 * Nothing here is tuned to particular canvases.
 *
 * The result is fixed once made, and the same canvases give the same
 * themes in the same order. The canvases must outlive it (themes point
 * at their notes). No GTK. */
typedef struct {
  char      *label;      /* as shown: the tag, or the term as first written */
  char      *key;        /* what occurrences are matched by */
  gboolean   tag;        /* some note tags it */
  gboolean   tagged;     /* every note of it tags it: shown as "#label"; else
                          * some only use the word, and it is shown as one */
  guint      n_canvases; /* how many compared canvases have it in this block */
  double     score;
  /* One array of NfNote per canvas (never NULL; empty where that
   * canvas has no such note), in the canvas's note order. */
  GPtrArray *notes[NF_THEMES_MAX_CANVASES];
} NfTheme;

typedef struct _NfThemes NfThemes;

/* Up to `max_per_block` themes per block (0 for a sensible default).
 * `lang` is the language to read notes in, as a reader chose it; NULL
 * lets nf_themes_pick_language() settle it from the interface's. */
NfThemes      *nf_themes_new            (NfCanvas      **canvases,
                                         guint           n_canvases,
                                         const char     *lang,
                                         guint           max_per_block);
/* The language to read themes in, so that the notes meet on the same
 * words (a matrix read in two languages shares no theme): `preferred`
 * when at least half the notes of the canvases can be read in it (written
 * in it, or translated into it), else the language most of the canvases
 * are written in, a tie going to `preferred`. NULL when no canvas says
 * its language. */
const char    *nf_themes_pick_language  (NfCanvas      **canvases,
                                         guint           n_canvases,
                                         const char     *preferred);
void           nf_themes_free           (NfThemes       *self);
guint          nf_themes_get_n_canvases (const NfThemes *self);
NfCanvas      *nf_themes_get_canvas     (const NfThemes *self,
                                         guint           index);
/* The language the notes were read in ("en", "zh"…), or NULL for each
 * note's own text. */
const char    *nf_themes_get_language   (const NfThemes *self);
guint          nf_themes_get_n_themes   (const NfThemes *self,
                                         NfBlock         block);
const NfTheme *nf_themes_get_theme      (const NfThemes *self,
                                         NfBlock         block,
                                         guint           index);
/* The theme of `block` with this key, or NULL. */
const NfTheme *nf_themes_find           (const NfThemes *self,
                                         NfBlock         block,
                                         const char     *key);

/* The keys one text contributes, in order of first use, each once:
 * lower-cased words of three letters or more without stop words or
 * digits, singular where an English plural ends in s, and bigrams of CJK
 * characters without the function characters (的, 是, 和…). What themes
 * are made of, exposed for tests. */
GPtrArray     *nf_themes_terms          (const char     *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NfThemes, nf_themes_free)

G_END_DECLS
