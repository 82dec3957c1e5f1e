/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* An immutable, reference-counted piece of text in the canvas's language
 * with optional translations (xml:lang variants), kept sorted by language.
 * Immutable so that an edit can keep the old value for undo at no cost. */
typedef struct _NfText NfText;

/* The longest language tag kept (xml:lang, translations): RFC 5646 asks
 * for at least 35 characters; longer ones are refused, never cut. */
#define NF_LANGUAGE_TAG_MAX 127

#define NF_TYPE_TEXT (nf_text_get_type ())

GType       nf_text_get_type             (void) G_GNUC_CONST;
NfText     *nf_text_new                  (const char   *text);
NfText     *nf_text_ref                  (NfText       *self);
void        nf_text_unref                (NfText       *self);
const char *nf_text_get                  (const NfText *self);
guint       nf_text_get_n_translations   (const NfText *self);
const char *nf_text_get_translation      (const NfText *self,
                                          guint         index,
                                          const char  **out_lang);
const char *nf_text_lookup               (const NfText *self,
                                          const char   *lang);
const char *nf_text_for_language         (const NfText *self,
                                          const char   *lang);
NfText     *nf_text_with_primary         (const NfText *self,
                                          const char   *text);
NfText     *nf_text_with_translation     (const NfText *self,
                                          const char   *lang,
                                          const char   *text);
/* `self` with what a reader of `lang` sees of it (as
 * nf_text_for_language() picks it: a translation, or the text as
 * written) replaced by `text`: an edit made where the text is shown in
 * `lang` changes that translation, not the original. */
NfText     *nf_text_edited_for_language  (const NfText *self,
                                          const char   *lang,
                                          const char   *text);
gboolean    nf_text_equal                (const NfText *a,
                                          const NfText *b);

/* Makes any bytes safe to keep in a document: valid UTF-8, and only
 * characters that XML 1.0 allows. Never fails. */
char       *nf_text_clean                (const char   *text,
                                          gssize        length);
gboolean    nf_text_is_clean             (const char   *text);

/* A language tag as xml:lang takes it ("zh-CN") from a tag or a locale
 * name ("zh_CN.UTF-8"); NULL when it is neither. */
char       *nf_language_tag_normalise    (const char   *lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NfText, nf_text_unref)

G_END_DECLS
