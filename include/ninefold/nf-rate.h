/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NF_TYPE_RATE (nf_rate_get_type ())

/* An exchange rate a canvas states explicitly: one unit of `from` is
 * `value` units of `to`, as of `date`. Comparisons convert money only with
 * a rate some compared canvas states; nothing is looked up. Immutable: an
 * edit replaces the whole rate, as for sources. */
G_DECLARE_FINAL_TYPE (NfRate, nf_rate, NF, RATE, GObject)

/* NULL unless both codes are valid and different and value is a finite
 * number > 0; date may be NULL. */
NfRate     *nf_rate_new            (const char *from,
                                    const char *to,
                                    double      value,
                                    const char *date);
const char *nf_rate_get_from       (NfRate     *self);
const char *nf_rate_get_to         (NfRate     *self);
double      nf_rate_get_value      (NfRate     *self);
const char *nf_rate_get_date       (NfRate     *self);
gboolean    nf_rate_equal          (NfRate     *a,
                                    NfRate     *b);
/* "1 USD = 7.1884 CNY", the value exactly as stated (a rounded rate
 * could not be checked), translated. */
char       *nf_rate_to_string      (NfRate     *self);

/* Three ASCII capitals, as ISO 4217 codes are ("USD", "CNY"). */
gboolean    nf_currency_code_is_valid (const char *code);
/* "2024", "2024-12" or "2024-12-31" with a real month and day. */
gboolean    nf_rate_date_is_valid     (const char *date);

G_END_DECLS
