/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <ninefold.h>

G_BEGIN_DECLS

/* "⚠ Conflicts with n81 (“Leasing revenue…”); row 2 of the table “…”":
 * the other side of each conflict `note` is marked with (<contradicts>),
 * named from `canvas` (may be NULL: ids only); NULL when it has none.
 * The same words on a card in the window and in the compare view. */
char *nf_describe_note_conflicts (NfNote   *note,
                                  NfCanvas *canvas);

G_END_DECLS
