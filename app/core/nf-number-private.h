/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <ninefold/nf-number.h>

G_BEGIN_DECLS

/* nf_number_kind_for_cell() for many cells of one column: *rating keeps
 * whether the column's name says it holds ratings (-1 before the first
 * call), which is otherwise worked out again for every bare figure. */
NfNumberKind _nf_number_kind_for_cell (const NfColumn *column,
                                       const NfCell   *cell,
                                       NfNumber       *out_number,
                                       int            *rating);

/* The digits of a whole number below 2^64 ("%" G_GUINT64_FORMAT without
 * printf), written so they end at `buf_end`, NUL included (the buffer
 * before it holds 21 bytes): where they start. */
char *_nf_number_whole_digits (guint64  magnitude,
                               char    *buf_end);

/* "%.2f" of `value` as printf writes it in the C locale, into `buf` of
 * G_ASCII_DTOSTR_BUF_SIZE bytes, byte for byte, without printf. */
void _nf_number_format_fixed2 (double  value,
                               char   *buf);

G_END_DECLS
