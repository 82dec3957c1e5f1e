/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Documents (save with etags) and the recovery copies that survive a crash. */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>
#include <ninefold.h>


static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ninefold-doc-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static NfCanvas *
load_case (guint index)
{
  g_autoptr(GError) error = NULL;
  NfCanvas *canvas = nf_canvas_load_case (index, &error);

  g_assert_no_error (error);
  return canvas;
}

static NfNote *
add_note (NfCanvas   *canvas,
          NfBlock     block,
          const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = nf_canvas_new_note_id (canvas);
  g_autoptr(NfText) t = nf_text_new (text);
  NfNote *note = nf_note_new (id, t);

  g_assert_true (nf_canvas_insert_note (canvas, block, 0, note, &error));
  g_assert_no_error (error);
  return note;
}

static void
got_result (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
save_and_wait (NfDocument  *document,
               GFile       *file,
               gboolean     force,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  nf_document_save_async (document, file, force, NULL, got_result, &result);
  g_assert_true (nf_document_get_busy (document));
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return nf_document_save_finish (document, result, error);
}

static void
test_title_and_name (void)
{
  g_autoptr(NfCanvas) blank = nf_canvas_new ();
  g_autoptr(NfDocument) untitled = nf_document_new (blank, NULL, NULL);
  g_autoptr(NfCanvas) bitauto = load_case (0);
  g_autoptr(NfDocument) doc = nf_document_new (bitauto, NULL, NULL);
  g_autofree char *t1 = nf_document_dup_title (untitled);
  g_autofree char *n1 = nf_document_dup_suggested_name (untitled);
  g_autofree char *t2 = nf_document_dup_title (doc);
  g_autofree char *n2 = NULL;

  g_assert_cmpstr (t1, ==, "Untitled Canvas");
  g_assert_cmpstr (n1, ==, "Untitled Canvas.ninefold");
  g_assert_cmpstr (t2, ==, "Bitauto");
  nf_canvas_set_company (bitauto, "A/B: C");
  n2 = nf_document_dup_suggested_name (doc);
  g_assert_cmpstr (n2, ==, "A-B- C.ninefold");
  g_assert_true (g_uuid_string_is_valid (nf_document_get_id (doc)));
  g_assert_cmpstr (nf_document_get_id (doc), !=, nf_document_get_id (untitled));
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_save_and_etag (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "senmiao.ninefold", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NfCanvas) canvas = load_case (2);
  g_autoptr(NfDocument) doc = nf_document_new (canvas, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NfNote) note = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_modified = 0;

  g_signal_connect_swapped (doc, "notify::modified", G_CALLBACK (count_notify), &n_modified);
  note = add_note (canvas, NF_BLOCK_CHANNELS, "A new channel");
  g_assert_true (nf_canvas_get_modified (canvas));
  g_assert_cmpuint (n_modified, ==, 1);
  g_assert_true (save_and_wait (doc, file, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (nf_canvas_get_modified (canvas));
  g_assert_cmpuint (n_modified, ==, 2);
  {
    gboolean modified = TRUE;

    g_object_get (doc, "modified", &modified, NULL);
    g_assert_false (modified);
  }
  g_assert_false (nf_document_get_busy (doc));
  g_assert_true (g_file_equal (nf_document_get_file (doc), file));
  g_assert_nonnull (nf_document_get_etag (doc));

  /* Someone else rewrites the file; our next save must not overwrite it. */
  g_usleep (G_USEC_PER_SEC / 50);
  g_assert_true (g_file_set_contents (path, "theirs", -1, NULL));
  {
    /* The etag is the mtime: make sure it moves. */
    GFileInfo *info = g_file_info_new ();
    g_file_info_set_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                      (guint64) g_get_real_time () / G_USEC_PER_SEC + 10);
    g_file_set_attributes_from_info (file, info, G_FILE_QUERY_INFO_NONE, NULL, NULL);
    g_object_unref (info);
  }
  nf_canvas_set_note_colour (canvas, note, "#f6d32d");
  g_assert_false (save_and_wait (doc, NULL, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_cmpstr (before, ==, "theirs");
  g_assert_true (nf_canvas_get_modified (canvas));

  /* Overwriting on purpose works, and the result loads back equal. */
  g_assert_true (save_and_wait (doc, NULL, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (nf_canvas_get_modified (canvas));
  {
    g_autoptr(NfCanvas) back = nf_canvas_load_from_file (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (nf_canvas_equal (back, canvas));
  }
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "A new channel"));
  remove_tree (dir);
}

static void
test_save_failure_changes_nothing (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "x.ninefold", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NfCanvas) canvas = load_case (0);
  g_autoptr(NfDocument) doc = nf_document_new (canvas, NULL, NULL);
  g_autoptr(NfNote) note = add_note (canvas, NF_BLOCK_KEY_PARTNERS, "x");
  g_autoptr(GError) error = NULL;

  g_assert_false (save_and_wait (doc, file, FALSE, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "x.ninefold"));
  g_assert_null (nf_document_get_file (doc));
  g_assert_true (nf_canvas_get_modified (canvas));
  g_assert_false (nf_document_get_busy (doc));
  remove_tree (dir);
}

static gboolean
wait_for_file (const char *path,
               gboolean    exists)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_file_test (path, G_FILE_TEST_EXISTS) != exists)
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  return TRUE;
}

static void
test_recovery_copy_follows_changes (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GFile) folder = g_file_new_build_filename (dir, "recovery", NULL);
  g_autoptr(NfRecovery) recovery = nf_recovery_new (folder);
  g_autoptr(NfCanvas) canvas = load_case (1);
  g_autoptr(NfDocument) doc = nf_document_new (canvas, NULL, NULL);
  g_autofree char *info = NULL;
  g_autoptr(NfNote) note = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  info = g_strdup_printf ("%s/recovery/%s.info", dir, nf_document_get_id (doc));

  nf_recovery_set_interval (recovery, 1);
  nf_recovery_watch (recovery, doc);
  g_assert_false (g_file_test (info, G_FILE_TEST_EXISTS));

  note = add_note (canvas, NF_BLOCK_VALUE_PROPOSITIONS, "Recovered idea");
  g_assert_true (wait_for_file (info, TRUE));

  entries = nf_recovery_list (recovery);
  /* Our own live copy is not offered to ourselves. */
  g_assert_cmpuint (entries->len, ==, 0);

  /* Back at the saved state: the copy goes. */
  g_assert_true (nf_history_undo (nf_canvas_get_history (canvas)));
  g_assert_false (nf_canvas_get_modified (canvas));
  g_assert_true (wait_for_file (info, FALSE));

  /* Changed again, then closed on purpose: the copy goes too. */
  g_assert_true (nf_history_redo (nf_canvas_get_history (canvas)));
  g_assert_true (wait_for_file (info, TRUE));
  nf_recovery_forget (recovery, doc);
  g_assert_false (g_file_test (info, G_FILE_TEST_EXISTS));
  remove_tree (dir);
}

/* What the next session sees after one that died with unsaved changes. */
static void
test_recovery_restore (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "alibaba.ninefold", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_build_filename (dir, "recovery", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NfCanvas) canvas = load_case (1);
  g_autoptr(NfDocument) doc = nf_document_new (canvas, NULL, NULL);
  g_autoptr(NfNote) note = NULL;
  g_autofree char *id = NULL;

  g_assert_true (save_and_wait (doc, file, FALSE, &error));
  note = add_note (canvas, NF_BLOCK_CHANNELS, "Unsaved channel");
  id = g_strdup (nf_document_get_id (doc));
  {
    g_autoptr(NfRecovery) dying = nf_recovery_new (folder);

    g_assert_true (nf_recovery_write_now (dying, doc, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(NfRecovery) next = nf_recovery_new (folder);
    g_autoptr(GPtrArray) entries = nf_recovery_list (next);
    g_autoptr(NfDocument) back = NULL;
    NfRecoveryEntry *entry;

    g_assert_cmpuint (entries->len, ==, 1);
    entry = g_ptr_array_index (entries, 0);
    g_assert_cmpstr (entry->id, ==, id);
    g_assert_cmpstr (entry->title, ==, "Alibaba");
    g_assert_true (g_file_equal (entry->file, file));

    back = nf_recovery_restore (next, id, &error);
    g_assert_no_error (error);
    g_assert_true (nf_canvas_equal (nf_document_get_canvas (back), canvas));
    g_assert_true (nf_canvas_get_modified (nf_document_get_canvas (back)));
    g_assert_true (g_file_equal (nf_document_get_file (back), file));
    g_assert_cmpstr (nf_document_get_etag (back), ==, nf_document_get_etag (doc));
    g_assert_cmpstr (nf_document_get_id (back), ==, id);

    /* Saving the restored document retires the copy. */
    nf_recovery_watch (next, back);
    g_assert_true (save_and_wait (back, NULL, FALSE, &error));
    g_assert_no_error (error);
    g_assert_false (nf_canvas_get_modified (nf_document_get_canvas (back)));
    g_clear_pointer (&entries, g_ptr_array_unref);
    entries = nf_recovery_list (next);
    g_assert_cmpuint (entries->len, ==, 0);
    nf_recovery_forget (next, back);
  }
  {
    g_autoptr(NfRecovery) third = nf_recovery_new (folder);
    g_autoptr(GPtrArray) entries = nf_recovery_list (third);

    g_assert_cmpuint (entries->len, ==, 0);
  }
  remove_tree (dir);
}

/* A corrupt or unknown copy is refused with a message, not offered as good. */
static void
test_recovery_bad_copy (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(NfRecovery) recovery = nf_recovery_new (folder);
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *canvas = g_strdup_printf ("%s/%s.ninefold", dir, id);
  g_autofree char *info = g_strdup_printf ("%s/%s.info", dir, id);
  g_autoptr(GError) error = NULL;
  g_autoptr(NfDocument) doc = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_true (g_file_set_contents (canvas, "<canvas", -1, NULL));
  g_assert_true (g_file_set_contents (info, "[Recovery]\nTitle=Torn\n", -1, NULL));

  entries = nf_recovery_list (recovery);
  g_assert_cmpuint (entries->len, ==, 1);
  doc = nf_recovery_restore (recovery, id, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, ".ninefold"));
  g_clear_error (&error);
  g_assert_null (nf_recovery_restore (recovery, "../../etc/passwd", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  nf_recovery_discard (recovery, id);
  g_assert_false (g_file_test (canvas, G_FILE_TEST_EXISTS));
  remove_tree (dir);
}

#ifdef G_OS_UNIX
/* The process dies by SIGKILL seconds after an edit it never saved. */
static void
test_recovery_after_kill (void)
{
  const char *dir = g_getenv ("NF_TEST_RECOVERY_DIR");

  if (g_test_subprocess ())
    {
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      g_autoptr(NfRecovery) recovery = nf_recovery_new (folder);
      g_autoptr(NfCanvas) canvas = load_case (3);
      g_autoptr(NfDocument) doc = nf_document_new (canvas, NULL, NULL);
      g_autoptr(NfNote) note = NULL;
      g_autofree char *info = NULL;

      nf_recovery_set_interval (recovery, 1);
      nf_recovery_watch (recovery, doc);
      note = add_note (canvas, NF_BLOCK_KEY_RESOURCES, "杀不死的笔记");
      info = g_strdup_printf ("%s/%s.info", dir, nf_document_get_id (doc));
      g_assert_true (wait_for_file (info, TRUE));
      kill (getpid (), SIGKILL);
      g_assert_not_reached ();
    }

  {
    g_autofree char *tmp = make_tmpdir ();
    g_autoptr(GFile) folder = g_file_new_for_path (tmp);
    g_autoptr(NfRecovery) recovery = nf_recovery_new (folder);
    g_autoptr(GPtrArray) entries = NULL;
    g_autoptr(NfDocument) doc = NULL;
    g_autoptr(GError) error = NULL;
    NfRecoveryEntry *entry;
    GListModel *notes;
    g_autoptr(NfNote) first = NULL;

    g_setenv ("NF_TEST_RECOVERY_DIR", tmp, TRUE);
    g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed ();

    entries = nf_recovery_list (recovery);
    g_assert_cmpuint (entries->len, ==, 1);
    entry = g_ptr_array_index (entries, 0);
    g_assert_cmpstr (entry->title, ==, "数跑科技");
    g_assert_null (entry->file);
    doc = nf_recovery_restore (recovery, entry->id, &error);
    g_assert_no_error (error);
    notes = nf_canvas_get_notes (nf_document_get_canvas (doc), NF_BLOCK_KEY_RESOURCES);
    first = g_list_model_get_item (notes, 0);
    g_assert_cmpstr (nf_text_get (nf_note_get_text (first)), ==, "杀不死的笔记");
    remove_tree (tmp);
  }
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/title", test_title_and_name);
  g_test_add_func ("/document/save-and-etag", test_save_and_etag);
  g_test_add_func ("/document/save-failure", test_save_failure_changes_nothing);
  g_test_add_func ("/recovery/follows-changes", test_recovery_copy_follows_changes);
  g_test_add_func ("/recovery/restore", test_recovery_restore);
  g_test_add_func ("/recovery/bad-copy", test_recovery_bad_copy);
#ifdef G_OS_UNIX
  g_test_add_func ("/recovery/after-kill", test_recovery_after_kill);
#endif
  return g_test_run ();
}
