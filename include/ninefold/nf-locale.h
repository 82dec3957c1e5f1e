/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folder holding LANG/LC_MESSAGES/ninefold.mo: $NF_LOCALEDIR when set,
 * the catalogs in the build folder when the program runs uninstalled, the
 * folder beside the program on Windows, else the configured localedir. */
const char *nf_locale_dir          (void);

/* setlocale() and the text domain bound to nf_locale_dir(); called first
 * thing in main() by the window and the command line alike. */
void        nf_locale_init         (void);

/* The language tag ("zh-CN", "en") of the user interface, for picking the
 * notes' translations (nf_text_for_language()): the first language gettext
 * would use, "en" for the untranslated C locale. */
const char *nf_ui_note_language    (void);

G_END_DECLS
