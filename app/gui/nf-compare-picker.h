/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <ninefold.h>

G_BEGIN_DECLS

#define NF_TYPE_COMPARE_PICKER (nf_compare_picker_get_type ())

G_DECLARE_FINAL_TYPE (NfComparePicker, nf_compare_picker, NF, COMPARE_PICKER, AdwWindow)

/* Chooses what to compare: two to four of the open canvases, their
 * snapshots, the case companies that are not open, and recent files.
 * The canvas in view and the next open ones are ticked to begin with, so
 * Enter compares what the window used to take by itself.
 *
 * "compare" (GPtrArray *canvases) is emitted with the chosen canvases in
 * the order shown (snapshots and files made into canvases, the cases
 * loaded); then the window closes. A file that cannot be read is said in
 * the window, and it stays open. */
GtkWidget *nf_compare_picker_new        (GtkWindow  *parent,
                                         GListModel *canvases,
                                         GListModel *documents,
                                         NfCanvas   *current);
/* The choices in the order shown, and ticking one; for tests. */
guint      nf_compare_picker_get_n_choices (NfComparePicker *self);
const char*nf_compare_picker_get_choice_title (NfComparePicker *self,
                                               guint            index);
void       nf_compare_picker_set_chosen (NfComparePicker *self,
                                         guint            index,
                                         gboolean         chosen);
gboolean   nf_compare_picker_get_chosen (NfComparePicker *self,
                                         guint            index);
guint      nf_compare_picker_get_n_chosen (NfComparePicker *self);
/* Whether chosen recent files are being read; and what the picker says
 * meanwhile or after a failure (NULL: nothing). */
gboolean    nf_compare_picker_get_loading  (NfComparePicker *self);
const char *nf_compare_picker_get_message  (NfComparePicker *self);

G_END_DECLS
