/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>

int LLVMFuzzerTestOneInput (const unsigned char *data,
                            size_t               size);
