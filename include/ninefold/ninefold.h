/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-block.h"
#include "nf-canvas.h"
#include "nf-canvas-xml.h"
#include "nf-diff.h"
#include "nf-document.h"
#include "nf-evidence.h"
#include "nf-history.h"
#include "nf-import.h"
#include "nf-metric-table.h"
#include "nf-note.h"
#include "nf-number.h"
#include "nf-open.h"
#include "nf-recovery.h"
#include "nf-snapshot.h"
#include "nf-source.h"
#include "nf-text.h"
