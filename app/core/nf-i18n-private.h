/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Translations in a language chosen per thread, for text that speaks the
 * language of a document rather than the user's (a deck exported with
 * --lang). Core and render sources include this instead of
 * <glib/gi18n-lib.h>: their _(), C_() and nf_ngettext() answer in the
 * thread's chosen language when one is set, else as gettext does for the
 * process. The GUI keeps GLib's own macros: it always speaks the user's
 * language. */

#include <string.h>

#include <glib.h>
#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

const char *nf_gettext   (const char *msgid) G_GNUC_FORMAT (1);
const char *nf_ngettext  (const char *msgid,
                          const char *msgid_plural,
                          gulong      n) G_GNUC_FORMAT (1) G_GNUC_FORMAT (2);
/* `msgctxtid` is "context\004msgid", as C_() builds it. */
const char *nf_pgettext  (const char *msgctxtid,
                          gsize       msgidoffset) G_GNUC_FORMAT (1);

/* `msgid` translated into `lang` (a language tag such as "zh-CN" or "en",
 * or NULL for the process's language), whatever the thread's choice. */
const char *nf_translate (const char *lang,
                          const char *msgid) G_GNUC_FORMAT (2);

/* Chooses the language of this thread's translations until the scope is
 * left; scopes nest. A NULL `lang` chooses the process's language. */
typedef struct {
  gpointer previous;
} NfLanguageScope;

void nf_language_scope_enter (NfLanguageScope *scope,
                              const char      *lang);
void nf_language_scope_leave (NfLanguageScope *scope);

G_END_DECLS

#undef _
#define _(String) ((char *) nf_gettext (String))
#undef C_
#define C_(Context, String) ((char *) nf_pgettext (Context "\004" String, strlen (Context) + 1))
