/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The render library: layout and Cairo drawing of canvases. No GTK. */
#include "nf-card-layout.h"
#include "nf-chart.h"
#include "nf-deck.h"
#include "nf-grid-layout.h"
#include "nf-grid-renderer.h"
#include "nf-grid-style.h"
#include "nf-render-types.h"
