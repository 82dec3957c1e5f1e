/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "nf-canvas-xml.h"

G_BEGIN_DECLS

#define NF_CANVAS_NS "urn:ninefold:canvas:1"
#define NF_CANVAS_NS_PREFIX "urn:ninefold:canvas:"
/* The minor version this release knows every element of. It writes 1.0
 * unless a note is "reported" (new in 1.1) or the file marks conflicts or
 * cites ranges of lines or rows (new in 1.2), so files that use none of
 * these still open in releases that read 1.0 only. */
#define NF_FORMAT_MINOR 3

/* Sets error to "NAME, line LINE: PROBLEM" (or without the line when it
 * is not known), the form every refusal of a file takes. */
void _nf_xml_set_error (GError     **error,
                        int          code,
                        const char  *name,
                        int          line,
                        const char  *format,
                        ...) G_GNUC_PRINTF (5, 6);

GBytes   *_nf_canvas_serialize           (NfCanvas    *self,
                                         GError     **error);
gsize     _nf_canvas_canonical_size     (NfCanvas    *self);
GBytes   *_nf_canvas_serialize_with_libxml (NfCanvas *self);
NfCanvas *_nf_canvas_load_from_data_full (const char  *data,
                                         gsize        length,
                                         const char  *name,
                                         NfCanvas    *model,
                                         gboolean    *differs,
                                         GError     **error);


/* Why a file GIO reports as the link itself (it could not follow it)
 * cannot be read: a link to nothing, or a loop. For the canvas loader
 * and the importer alike. */
const char *_nf_file_symlink_problem (GFile *file);
/* GIO's reason for a failed read, without the path it repeats. */
char       *_nf_file_io_problem      (const GError *cause);
/* Why a file that is not a regular file cannot be read: a folder, no
 * permission on a folder of its path (GIO reports an unknown type), or a
 * device, FIFO or socket. */
const char *_nf_file_not_regular_problem (GFile     *file,
                                          GFileType  type,
                                          gboolean   canvas);

G_END_DECLS
