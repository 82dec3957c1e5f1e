/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every GUI test needs, once: a display set up the same way for all
 * (nf_test_gui_init), waiting for GTK to catch up (settle, wait_for),
 * finding widgets in a tree, reading what is shown (pixels, accessible
 * names) and keeping a screenshot for a person to look at. */
#pragma once

#include <adwaita.h>

#include "nf-window.h"

G_BEGIN_DECLS

/* Same pixels everywhere and nothing from the user's settings: the cairo
 * renderer, in-memory GSettings, GTK's default settings, and no
 * accessibility bridge without a session bus (it would abort). Then
 * gtk_test_init() and adw_init(). Returns FALSE, after printing a TAP
 * skip line, when there is no display: main() then returns 0. */
void             nf_test_use_default_settings  (void);
gboolean         nf_test_gui_init              (int          *argc,
                                                char       ***argv);
/* Loads the application's style sheet, as NfApplication does, for tests
 * that build widgets without it. */
void             nf_test_gui_load_style        (void);

/* NF_TEST_SLOWDOWN (≥ 1) for slow machines: multiplies every wait. */
double           nf_test_slowdown              (void);

/* Lets GTK draw the widget's window a few times and runs every pending
 * event: layout, allocation and idle work are done after it. */
void             nf_test_settle                (GtkWidget    *widget);
/* A new window of the given size holding child, presented and settled,
 * with child allocated its width (bounded: a smaller screen may keep it
 * narrower). */
GtkWidget       *nf_test_show                  (GtkWidget    *child,
                                                int           width,
                                                int           height);
/* An NfWindow of the given size, presented. */
NfWindow        *nf_test_new_window            (int           width,
                                                int           height);

typedef gboolean (*NfTestDone)                 (gpointer      data);
/* Runs the main loop until done(data); fails the test, naming what,
 * after seconds × slowdown. */
void             nf_test_wait_for              (NfTestDone    done,
                                                gpointer      data,
                                                guint         seconds,
                                                const char   *what);
/* Until the window has no file loading or saving, then a draw. */
void             nf_test_wait_until_loaded     (NfWindow     *window);

typedef gboolean (*NfTestMatch)                (GtkWidget    *widget,
                                                gconstpointer data);
/* The first widget, depth first from root (itself included), that
 * matches; NULL when none does. */
GtkWidget       *nf_test_find                  (GtkWidget    *root,
                                                NfTestMatch   match,
                                                gconstpointer data);
/* Every widget under root (itself included) that matches, depth first. */
GPtrArray       *nf_test_find_all              (GtkWidget    *root,
                                                NfTestMatch   match,
                                                gconstpointer data);
GtkWidget       *nf_test_find_type             (GtkWidget    *root,
                                                GType         type);
guint            nf_test_count_type            (GtkWidget    *root,
                                                GType         type);
/* The GtkLabel under root whose text is exactly text. */
GtkWidget       *nf_test_find_label            (GtkWidget    *root,
                                                const char   *text);
/* Matchers for nf_test_find(): data is a string. */
gboolean         nf_test_label_is              (GtkWidget    *widget,
                                                gconstpointer text);
gboolean         nf_test_label_contains        (GtkWidget    *widget,
                                                gconstpointer text);
gboolean         nf_test_tooltip_is            (GtkWidget    *widget,
                                                gconstpointer text);
/* The label of a toast shown under root whose text contains text, or
 * NULL. A toast's title is Pango markup: this is what it shows. */
GtkWidget       *nf_test_find_toast            (GtkWidget    *root,
                                                const char   *text);
/* A GtkWindow of the given type (or any, for G_TYPE_INVALID) that is
 * visible and transient for parent; NULL when there is none. */
GtkWindow       *nf_test_find_toplevel         (GtkWindow    *parent,
                                                GType         type);

/* Shown on screen: visible and mapped (so all its ancestors are too). */
void             nf_test_assert_showing        (GtkWidget    *widget);
/* Its accessible label is exactly label (the name a screen reader says,
 * when set as a property). */
gboolean         nf_test_accessible_label_is   (GtkWidget    *widget,
                                                const char   *label);

/* What the widget draws, as a new ARGB32 image of its size (waits for a
 * window that is still fading in to draw something). */
cairo_surface_t *nf_test_render                (GtkWidget    *widget);
/* The colour of one pixel of an nf_test_render() image, 0–255 each. */
void             nf_test_pixel                 (cairo_surface_t *surface,
                                                int           x,
                                                int           y,
                                                guint8        rgb[3]);
/* nf_test_render() saved as NAME in the test's build folder, for a
 * person to look at; the path is in the test log. */
void             nf_test_screenshot            (GtkWidget    *widget,
                                                const char   *name);

/* The note at `index` of `block`; the canvas holds it. */
NfNote          *nf_test_note_at               (NfCanvas     *canvas,
                                                NfBlock       block,
                                                guint         index);

/* A new temporary folder, and a folder removed with all it holds. */
char            *nf_test_make_tmpdir           (void);
void             nf_test_remove_tree           (const char   *path);

/* Whether the trigger, or one of its alternatives, is the key. */
gboolean         nf_test_trigger_is            (GtkShortcutTrigger *trigger,
                                                guint            keyval,
                                                GdkModifierType  mods);
/* Finds the shortcut for keyval+mods among view's own shortcut
 * controllers and runs it, as a key event that reached the view would.
 * FALSE when nothing took the key. */
gboolean         nf_test_press_shortcut        (GtkWidget       *view,
                                                guint            keyval,
                                                GdkModifierType  mods);

G_END_DECLS
