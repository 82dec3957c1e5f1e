/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nf-import"

#include "config.h"

#include <string.h>

#include "nf-cmark-lib-private.h"
#include "nf-i18n-private.h"

#include "nf-canvas-xml.h"
#include "nf-import-private.h"
#include "nf-module-private.h"

typedef struct {
  cmark_node *item;
  GString    *text;
  guint       line;
  gboolean    flushed;
  gboolean    stripped;
} Pending;

typedef struct _Walk {
  NfImportText        *text;
  const NfImportChunk *chunk;
  GArray              *items;
  GArray              *pending;  /* Pending, innermost list item last */
} Walk;

/* cmark-gfm, from its module: set once, by load_cmark. */
static const NfCmarkLib *cm;

/* Opens the module the first time a write-up is read, and registers the
 * extensions (once: a module missing now stays missing). */
static gboolean
load_cmark (GError **error)
{
  static gsize done = 0;
  static GError *load_error;

  if (g_once_init_enter (&done))
    {
      const NfCmarkLib *lib = _nf_module_table ("ninefold-markdown", sizeof (NfCmarkLib),
                                                &load_error);

      if (lib != NULL)
        lib->gfm_core_extensions_ensure_registered ();
      cm = lib;
      g_once_init_leave (&done, 1);
    }
  if (cm == NULL && error != NULL)
    *error = g_error_copy (load_error);
  return cm != NULL;
}

static void
item_clear (gpointer data)
{
  NfImportItem *item = data;

  g_free (item->text);
  g_clear_pointer (&item->cells, g_ptr_array_unref);
}

static gboolean
is_table (cmark_node *node)
{
  const char *type = cm->node_get_type_string (node);

  return type && g_str_equal (type, "table");
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

/* A run of "*" or "_" cmark did not pair ("*Fortune *500", "**Big*") is
 * markup gone wrong, not text: it is left out where it touches a word on
 * one side only. "a*b", "snake_case" and "5 * 3" keep theirs, and so do
 * the markers the writer escaped, which arrive as private-use stand-ins. */
static void
append_text_literal (const char *literal,
                     GString    *out,
                     gboolean    strip,
                     gboolean   *out_stripped)
{
  for (const char *p = literal; *p;)
    {
      gunichar c = g_utf8_get_char (p);
      const char *run_end = p;
      gunichar before, after;
      gboolean keep;

      if (c == NF_IMPORT_ESCAPED_STAR || c == NF_IMPORT_ESCAPED_UNDERSCORE)
        {
          g_string_append_c (out, c == NF_IMPORT_ESCAPED_STAR ? '*' : '_');
          p = g_utf8_next_char (p);
          continue;
        }
      if (!strip || (c != '*' && c != '_'))
        {
          g_string_append_unichar (out, c);
          p = g_utf8_next_char (p);
          continue;
        }
      while (*run_end == (char) c)
        run_end++;
      before = out->len ? g_utf8_get_char (g_utf8_find_prev_char (out->str, out->str + out->len))
                        : ' ';
      after = *run_end ? g_utf8_get_char (run_end) : 0;
      keep = run_end - p > 3 ||
             (is_word_char (before) && is_word_char (after)) ||
             (g_unichar_isspace (before) && (after == 0 ? FALSE : g_unichar_isspace (after))) ||
             (g_unichar_isdigit (before) && !is_word_char (after));
      if (keep)
        g_string_append_len (out, p, run_end - p);
      else if (out_stripped)
        *out_stripped = TRUE;
      p = run_end;
    }
}

static void
append_code_literal (const char *literal,
                     GString    *out)
{
  for (const char *p = literal; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* In code a backslash is no escape: give it back. */
      if (c == NF_IMPORT_ESCAPED_STAR)
        g_string_append (out, "\\*");
      else if (c == NF_IMPORT_ESCAPED_UNDERSCORE)
        g_string_append (out, "\\_");
      else if (c == NF_IMPORT_ESCAPED_DOT)
        g_string_append (out, "\\.");
      else if (c == NF_IMPORT_ESCAPED_PAREN)
        g_string_append (out, "\\)");
      else
        g_string_append_unichar (out, c);
    }
}

/* The text a reader sees: markup dropped, line breaks as spaces, images
 * by their alt text, raw HTML left out but for line breaks. With strip,
 * emphasis markers cmark left unmatched go too. */
static void
append_inline_text (cmark_node *node,
                    GString    *out,
                    gboolean    strip,
                    gboolean   *out_stripped)
{
  cmark_iter *iter = cm->iter_new (node);
  cmark_event_type event;

  while ((event = cm->iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *current = cm->iter_get_node (iter);
      const char *literal;

      if (event != CMARK_EVENT_ENTER)
        continue;
      switch (cm->node_get_type (current))
        {
        case CMARK_NODE_TEXT:
          literal = cm->node_get_literal (current);
          if (literal)
            append_text_literal (literal, out, strip, out_stripped);
          break;
        case CMARK_NODE_CODE:
          literal = cm->node_get_literal (current);
          if (literal)
            append_code_literal (literal, out);
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, ' ');
          break;
        case CMARK_NODE_HTML_INLINE:
          literal = cm->node_get_literal (current);
          if (literal && g_ascii_strncasecmp (literal, "<br", 3) == 0)
            g_string_append_c (out, ' ');
          break;
        default:
          break;
        }
    }
  cm->iter_free (iter);
}

/* The escaped "." and ")" as the writer meant them, once the numbering
 * has been looked for. */
static void
restore_standins (char *text)
{
  static const char dot[] = "\xEE\x80\x82", paren[] = "\xEE\x80\x83";
  char *in = text, *out = text;

  while (*in)
    {
      if (strncmp (in, dot, 3) == 0 || strncmp (in, paren, 3) == 0)
        {
          *out++ = in[2] == dot[2] ? '.' : ')';
          in += 3;
        }
      else
        *out++ = *in++;
    }
  *out = '\0';
}

/* Table cells keep their text as written: "5*" may be a rating there. */
static char *
cell_text (cmark_node *node)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  char *text;

  append_inline_text (node, raw, FALSE, NULL);
  text = _nf_import_collapse (raw->str, NF_CANVAS_MAX_FIELD_SIZE);
  restore_standins (text);
  return text;
}

/* "1. Advertising", "2) Fees", "3、广告": a number the writer put before a
 * heading is the list's, not the text's. "1.5 million" keeps its. */
static gsize
numbering_length (const char *text)
{
  const char *p = text;

  while (g_ascii_isdigit (*p) && p - text < 3)
    p++;
  if (p == text || g_ascii_isdigit (*p))
    return 0;
  if ((*p == '.' || *p == ')') && p[1] == ' ')
    p += 2;
  else if (*p == '.' && g_ascii_isupper (p[1]))  /* "1.Advertising" */
    p += 1;
  else if (g_str_has_prefix (p, "、"))
    p += strlen ("、");
  else
    return 0;
  while (*p == ' ')
    p++;
  return *p ? (gsize) (p - text) : 0;
}

/* "**Key Partners**" or "*Channels:*" alone in a paragraph: how many
 * write-ups mark a heading without Markdown's headings. */
static gboolean
is_emphasised (cmark_node *paragraph)
{
  guint emphasis = 0;

  for (cmark_node *child = cm->node_first_child (paragraph); child;
       child = cm->node_next (child))
    {
      cmark_node_type type = cm->node_get_type (child);

      if (type == CMARK_NODE_STRONG || type == CMARK_NODE_EMPH)
        emphasis++;
      else if (type == CMARK_NODE_TEXT)
        {
          const char *literal = cm->node_get_literal (child);

          for (const char *p = literal; p && *p; p = g_utf8_next_char (p))
            if (!strchr (" \t:", *p) && g_utf8_get_char (p) != 0xFF1A)  /* "：" */
              return FALSE;
        }
      else
        return FALSE;
    }
  return emphasis == 1;
}

static guint
line_of (Walk       *walk,
         cmark_node *node)
{
  return _nf_import_text_line (walk->text, walk->chunk, cm->node_get_start_line (node));
}

static void
repair_text (Walk     *walk,
             guint     line,
             gboolean  stripped,
             gboolean  numbered)
{
  if (stripped)
    _nf_import_text_repair (walk->text, line, _("emphasis markers were left out of the text"));
  if (numbered)
    _nf_import_text_repair (walk->text, line, _("list numbering was left out of the text"));
}

/* A paragraph's or heading's text, mended, each mend reported. */
static char *
note_text (Walk       *walk,
           cmark_node *node,
           gboolean    numbered)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autofree char *text = NULL;
  gboolean stripped = FALSE;
  gsize number = 0;

  append_inline_text (node, raw, TRUE, &stripped);
  text = _nf_import_collapse (raw->str, NF_CANVAS_MAX_FIELD_SIZE);
  if (numbered && (number = numbering_length (text)) > 0)
    memmove (text, text + number, strlen (text + number) + 1);
  restore_standins (text);
  repair_text (walk, line_of (walk, node), stripped, number > 0);
  return g_steal_pointer (&text);
}

static NfImportItem *
add_item (Walk         *walk,
          NfImportKind  kind,
          guint         line)
{
  NfImportItem item = { kind, line, 0, FALSE, NULL, 0, NULL };

  g_array_append_val (walk->items, item);
  return &g_array_index (walk->items, NfImportItem, walk->items->len - 1);
}

/* A list item becomes one entry when its own text is complete: at its
 * end, or when a nested block starts, so that entries keep document
 * order. */
static void
flush_pending (Walk *walk)
{
  Pending *top;
  g_autofree char *text = NULL;
  gsize number;

  if (walk->pending->len == 0)
    return;
  top = &g_array_index (walk->pending, Pending, walk->pending->len - 1);
  if (top->flushed)
    return;
  top->flushed = TRUE;
  text = _nf_import_collapse (top->text->str, NF_CANVAS_MAX_FIELD_SIZE);
  number = numbering_length (text);
  if (number > 0)
    memmove (text, text + number, strlen (text + number) + 1);
  restore_standins (text);
  repair_text (walk, top->line, top->stripped, number > 0);
  if (*text)
    add_item (walk, NF_IMPORT_LIST_ITEM, top->line)->text = g_steal_pointer (&text);
}

static void
add_table (Walk       *walk,
           cmark_node *table)
{
  guint n_columns = cm->gfm_extensions_get_table_columns (table);
  NfImportItem *item;

  if (n_columns == 0)
    return;
  item = add_item (walk, NF_IMPORT_TABLE, line_of (walk, table));
  item->n_columns = n_columns;
  item->cells = g_ptr_array_new_with_free_func (g_free);
  for (cmark_node *row = cm->node_first_child (table); row; row = cm->node_next (row))
    {
      guint column = 0;

      for (cmark_node *cell = cm->node_first_child (row); cell && column < n_columns;
           cell = cm->node_next (cell), column++)
        g_ptr_array_add (item->cells, cell_text (cell));
      for (; column < n_columns; column++)
        g_ptr_array_add (item->cells, g_strdup (""));
    }
}

static void
walk_chunk (Walk       *walk,
            cmark_node *document,
            guint       max_items)
{
  cmark_iter *iter = cm->iter_new (document);
  cmark_event_type event;

  while ((event = cm->iter_next (iter)) != CMARK_EVENT_DONE && walk->items->len <= max_items)
    {
      cmark_node *node = cm->iter_get_node (iter);
      cmark_node *parent = cm->node_parent (node);
      cmark_node_type type = cm->node_get_type (node);

      if (event == CMARK_EVENT_EXIT)
        {
          if (type == CMARK_NODE_ITEM)
            {
              flush_pending (walk);
              g_string_free (g_array_index (walk->pending, Pending, walk->pending->len - 1).text,
                             TRUE);
              g_array_set_size (walk->pending, walk->pending->len - 1);
            }
          continue;
        }
      if (event != CMARK_EVENT_ENTER || type == CMARK_NODE_DOCUMENT)
        continue;

      if (type == CMARK_NODE_PARAGRAPH && parent && cm->node_get_type (parent) == CMARK_NODE_ITEM &&
          walk->pending->len > 0)
        {
          Pending *top = &g_array_index (walk->pending, Pending, walk->pending->len - 1);

          if (!top->flushed)
            {
              if (top->text->len)
                g_string_append_c (top->text, ' ');
              append_inline_text (node, top->text, TRUE, &top->stripped);
            }
          else
            add_item (walk, NF_IMPORT_LIST_ITEM, line_of (walk, node))->text = note_text (walk, node, TRUE);
          cm->iter_reset (iter, node, CMARK_EVENT_EXIT);
          continue;
        }

      flush_pending (walk);

      if (type == CMARK_NODE_ITEM)
        {
          Pending pending = { node, g_string_new (NULL), line_of (walk, node), FALSE, FALSE };

          g_array_append_val (walk->pending, pending);
        }
      else if (type == CMARK_NODE_PARAGRAPH)
        {
          NfImportItem *item = add_item (walk, NF_IMPORT_PARAGRAPH, line_of (walk, node));

          item->text = note_text (walk, node, TRUE);
          item->emphasised = is_emphasised (node);
          cm->iter_reset (iter, node, CMARK_EVENT_EXIT);
        }
      else if (type == CMARK_NODE_HEADING)
        {
          NfImportItem *item = add_item (walk, NF_IMPORT_HEADING, line_of (walk, node));

          item->level = (guint) cm->node_get_heading_level (node);
          item->text = note_text (walk, node, TRUE);
          cm->iter_reset (iter, node, CMARK_EVENT_EXIT);
        }
      else if (is_table (node))
        {
          add_table (walk, node);
          cm->iter_reset (iter, node, CMARK_EVENT_EXIT);
        }
      /* Code and HTML blocks are not prose; lists and quotes are walked
       * into. */
    }
  cm->iter_free (iter);

  /* Stopped early: close what is open. */
  while (walk->pending->len > 0)
    {
      g_string_free (g_array_index (walk->pending, Pending, walk->pending->len - 1).text, TRUE);
      g_array_set_size (walk->pending, walk->pending->len - 1);
    }
}

GArray *
_nf_import_markdown_items (NfImportText  *text,
                           guint          max_items,
                           GError       **error)
{
  GArray *items;
  cmark_syntax_extension *table;
  Walk walk;

  if (!load_cmark (error))
    return NULL;
  items = g_array_new (FALSE, TRUE, sizeof (NfImportItem));
  walk = (Walk) { text, NULL, items, g_array_new (FALSE, FALSE, sizeof (Pending)) };
  g_array_set_clear_func (items, item_clear);
  table = cm->find_syntax_extension ("table");
  g_assert (table != NULL);

  for (guint i = 0; i < text->chunks->len && items->len <= max_items; i++)
    {
      const NfImportChunk *chunk = &g_array_index (text->chunks, NfImportChunk, i);
      cmark_parser *parser = cm->parser_new (CMARK_OPT_DEFAULT);
      cmark_node *document;

      cm->parser_attach_syntax_extension (parser, table);
      cm->parser_feed (parser, text->text->str + chunk->start, chunk->end - chunk->start);
      document = cm->parser_finish (parser);
      walk.chunk = chunk;
      walk_chunk (&walk, document, max_items);
      cm->node_free (document);
      cm->parser_free (parser);
    }
  g_array_unref (walk.pending);
  return items;
}
