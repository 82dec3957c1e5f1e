/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-deck-private.h"

G_BEGIN_DECLS

/* The themes of a comparison as slides (nf-deck-themes.c): per group of
 * blocks, a matrix of themes × companies, read in the deck's language
 * (NULL: the language most of the canvases are written in). `names` are
 * the columns' headings, one per canvas. Every theme is on a slide: a
 * group too long for one goes on to the next with its heading repeated.
 * Adds an outline entry under `parent`. */
void _nf_deck_themes_slides (NfDeck            *deck,
                             GPtrArray         *canvases,
                             const char *const *names,
                             int                parent);

G_END_DECLS
