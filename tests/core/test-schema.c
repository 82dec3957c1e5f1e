/* SPDX-License-Identifier: GPL-3.0-or-later */
/* resources/ninefold-1.rng is the format's specification; the loader does
 * not run it (it checks the structure in C as it reads). This test is what
 * lets the two be trusted together:
 *
 *  - every shipped case and every tests/data/good file is valid per the
 *    schema, and loads;
 *  - differential: for every tests/data/bad file and for thousands of
 *    mutants of the good files (elements deleted, duplicated, moved,
 *    swapped, renamed; attributes dropped, added, altered; text put where
 *    it does not belong…), whenever the schema refuses a file the loader
 *    refuses it too. The loader may refuse more: it has semantic checks
 *    (duplicate ids, block order, numbers…) the schema cannot express.
 *  - what the loader accepts, the saver writes back as a valid file.
 *
 * The mutants come from a fixed seed, one per mutant, so a failure names
 * the seed and prints the mutant. NF_SCHEMA_SEED and NF_SCHEMA_MUTANTS
 * change the first seed and the count, for longer runs. */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <ninefold.h>

#define NS "urn:ninefold:canvas:1"
#define DEFAULT_SEED 20261123
#define DEFAULT_MUTANTS 3000

static xmlRelaxNGPtr schema;

static void
ignore_structured_error (void        *data,
                         xmlErrorPtr  error)
{
}

static void
compile_schema (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources",
                                                 "ninefold-1.rng", NULL);
  g_autofree char *data = NULL;
  gsize length;
  xmlRelaxNGParserCtxtPtr pctxt;

  if (!g_file_get_contents (path, &data, &length, NULL))
    g_error ("cannot read %s", path);
  pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) length);
  schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  g_assert_nonnull (schema);
}

/* Parses as the loader does (same options) and validates. A file that is
 * not well-formed is not valid either. On failure, *message says why. */
static gboolean
schema_accepts (const char  *data,
                gsize        length,
                char       **message)
{
  xmlDocPtr doc = xmlReadMemory (data, (int) length, NULL, NULL,
                                 XML_PARSE_NONET | XML_PARSE_NOCDATA);
  xmlRelaxNGValidCtxtPtr vctxt;
  int ret;

  if (doc == NULL)
    {
      if (message)
        *message = g_strdup ("not well-formed");
      return FALSE;
    }
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (vctxt, ignore_structured_error, NULL);
  ret = xmlRelaxNGValidateDoc (vctxt, doc);
  if (ret != 0 && message)
    {
      const xmlError *err = xmlGetLastError ();

      *message = g_strdup (err && err->message ? err->message : "invalid");
    }
  xmlRelaxNGFreeValidCtxt (vctxt);
  xmlFreeDoc (doc);
  return ret == 0;
}

static NfCanvas *
loader_accepts (const char  *data,
                gsize        length,
                GError     **error)
{
  return nf_canvas_load_from_data (data, length, "mutant.ninefold", error);
}

static GPtrArray *
list_files (const char *dir,
            const char *suffix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, suffix))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);
  return files;
}

/* The good files and the four cases: the bases of the mutants. */
static GPtrArray *
good_files (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "good", NULL);
  g_autofree char *cases = g_test_build_filename (G_TEST_DIST, "..", "resources", "cases", NULL);
  GPtrArray *files = list_files (good, ".ninefold");
  g_autoptr(GPtrArray) more = list_files (cases, ".ninefold");

  for (guint i = 0; i < more->len; i++)
    g_ptr_array_add (files, g_strdup (g_ptr_array_index (more, i)));
  return files;
}

/* What the saver writes of an accepted file must be valid too. */
static void
assert_saved_valid (NfCanvas   *canvas,
                    const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = nf_canvas_save_to_bytes (canvas, &error);
  g_autofree char *message = NULL;

  g_assert_no_error (error);
  if (!schema_accepts (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), &message))
    g_error ("%s loads, but the schema refuses what the saver writes of it (%s):\n%.*s",
             what, message, (int) g_bytes_get_size (saved),
             (const char *) g_bytes_get_data (saved, NULL));
}

static void
test_good_files_valid (void)
{
  g_autoptr(GPtrArray) files = good_files ();

  g_assert_cmpuint (files->len, >=, 10);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *data = NULL;
      g_autofree char *message = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(NfCanvas) canvas = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      if (!schema_accepts (data, length, &message))
        g_error ("%s is not valid per the schema: %s", path, message);
      canvas = loader_accepts (data, length, &error);
      g_assert_no_error (error);
      assert_saved_valid (canvas, path);
    }
}

static void
test_bad_corpus (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GPtrArray) files = list_files (dir, ".ninefold");
  guint refused_by_schema = 0;

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *data = NULL;
      g_autofree char *message = NULL;
      g_autoptr(NfCanvas) canvas = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      if (schema_accepts (data, length, &message))
        continue;
      refused_by_schema++;
      canvas = loader_accepts (data, length, NULL);
      if (canvas != NULL)
        g_error ("the schema refuses %s (%s) but the loader accepts it", path, message);
    }
  g_test_message ("%u of %u bad files are refused by the schema as well",
                  refused_by_schema, files->len);
  g_assert_cmpuint (refused_by_schema, >, files->len / 2);
}

/* Mutation. Values and names that sit on the edges of the format. */
static const char * const attr_names[] = {
  "id", "kind", "colour", "evidence", "source", "line", "type", "unit", "metric", "value",
  "block", "name", "time", "from", "to", "date", "version", "lang", "x-attr",
};
static const char * const attr_values[] = {
  "", " ", "n1", "s1", "t1", "n1 ", "1n", "_x", "a:b", "key-partners", "channels", "nowhere",
  "#12ab9F", "#12345g", "red", "assumption", "tested", "proven", "0", "1", "01", "+5", "-1",
  "4294967296", "1.5", "1e999", "NaN", "INF", "0x1p3", "1,5", "9500000", "1e-7", "USD", "CNY",
  "usd", "EURO", "2024", "2024-12", "2024-02-30", "2024-13", "2026-11-20T09:30:00Z",
  "2026-11-20T09:30:00+08:00", "money", "currency", "percent", "revenue", "Revenue", "en",
  "zh-CN", "en_US", "1.0", "1.3", "1.00000", "2.0", "0.9",
  "a-very-long-value-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
};
static const char * const element_names[] = {
  "canvas", "metadata", "company", "title", "label", "description", "sources", "source",
  "publisher", "date", "address", "block", "note", "text", "tag", "cite", "metrics", "rate",
  "table", "column", "name", "row", "cell", "snapshots", "snapshot", "x-foo",
};
static const char * const texts[] = {
  "", " ", "word", "  padded  ", "数据", "x y z",
};

static void
collect_elements (xmlNodePtr  node,
                  GPtrArray  *into)
{
  for (xmlNodePtr n = node; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE)
      {
        g_ptr_array_add (into, n);
        collect_elements (n->children, into);
      }
}

static xmlNodePtr
pick_element (GRand     *rand,
              xmlDocPtr  doc,
              gboolean   allow_root)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  guint first;

  collect_elements (xmlDocGetRootElement (doc), all);
  first = allow_root ? 0 : 1;
  if (all->len <= first)
    return NULL;
  return g_ptr_array_index (all, g_rand_int_range (rand, (gint32) first, (gint32) all->len));
}

static const char *
pick (GRand              *rand,
      const char * const *items,
      guint               n)
{
  return items[g_rand_int_range (rand, 0, (gint32) n)];
}

#define PICK(rand, array) pick (rand, array, G_N_ELEMENTS (array))

static xmlNsPtr
canvas_ns (xmlDocPtr doc)
{
  return xmlSearchNsByHref (doc, xmlDocGetRootElement (doc), (const xmlChar *) NS);
}

static xmlNodePtr
element_child (xmlNodePtr node,
               GRand     *rand)
{
  g_autoptr(GPtrArray) kids = g_ptr_array_new ();

  for (xmlNodePtr c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      g_ptr_array_add (kids, c);
  return kids->len ? g_ptr_array_index (kids, g_rand_int_range (rand, 0, (gint32) kids->len)) : NULL;
}

/* One change; returns a short description of it. */
static char *
mutate_once (GRand     *rand,
             xmlDocPtr  doc)
{
  xmlNodePtr node = pick_element (rand, doc, g_rand_int_range (rand, 0, 20) == 0);
  xmlNodePtr other;
  const char *name = NULL;

  if (node == NULL)
    return g_strdup ("nothing");
  switch (g_rand_int_range (rand, 0, 13))
    {
    case 0:  /* delete */
      xmlUnlinkNode (node);
      xmlFreeNode (node);
      return g_strdup ("delete an element");
    case 1:  /* duplicate */
      xmlAddNextSibling (node, xmlDocCopyNode (node, doc, 1));
      return g_strdup_printf ("duplicate <%s>", node->name);
    case 2:  /* move into another element, or beside it */
      other = pick_element (rand, doc, TRUE);
      if (other == NULL || other == node)
        return g_strdup ("nothing");
      for (xmlNodePtr p = other; p; p = p->parent)
        if (p == node)
          return g_strdup ("nothing");
      xmlUnlinkNode (node);
      if (g_rand_boolean (rand) && other->parent && other->parent->type == XML_ELEMENT_NODE)
        xmlAddPrevSibling (other, node);
      else
        {
          xmlNodePtr kid = element_child (other, rand);

          if (kid)
            xmlAddNextSibling (kid, node);
          else
            xmlAddChild (other, node);
        }
      return g_strdup_printf ("move <%s> to <%s>", node->name, other->name);
    case 3:  /* drop an attribute */
      if (node->properties == NULL)
        return g_strdup ("nothing");
      {
        xmlAttrPtr attr = node->properties;
        guint n = 0;

        for (xmlAttrPtr a = node->properties; a; a = a->next)
          if (g_rand_int_range (rand, 0, (gint32) ++n) == 0)
            attr = a;
        g_autofree char *dropped = g_strdup ((const char *) attr->name);

        xmlRemoveProp (attr);
        return g_strdup_printf ("drop %s from <%s>", dropped, node->name);
      }
    case 4:  /* add or alter an attribute */
    case 5:
      name = PICK (rand, attr_names);
      if (g_str_equal (name, "lang"))
        {
          xmlNsPtr xml = xmlSearchNs (doc, node, (const xmlChar *) "xml");

          xmlSetNsProp (node, xml, (const xmlChar *) "lang", (const xmlChar *) PICK (rand, attr_values));
        }
      else
        xmlSetProp (node, (const xmlChar *) name, (const xmlChar *) PICK (rand, attr_values));
      return g_strdup_printf ("set %s on <%s>", name, node->name);
    case 6:  /* alter an existing attribute */
      if (node->properties == NULL)
        return g_strdup ("nothing");
      xmlSetProp (node, node->properties->name, (const xmlChar *) PICK (rand, attr_values));
      return g_strdup_printf ("alter %s of <%s>", node->properties->name, node->name);
    case 7:  /* swap with the next element */
      for (other = node->next; other && other->type != XML_ELEMENT_NODE; other = other->next)
        ;
      if (other == NULL)
        return g_strdup ("nothing");
      xmlUnlinkNode (other);
      xmlAddPrevSibling (node, other);
      return g_strdup_printf ("swap <%s> and <%s>", node->name, other->name);
    case 8:  /* rename */
      name = PICK (rand, element_names);
      xmlNodeSetName (node, (const xmlChar *) name);
      return g_strdup_printf ("rename to <%s>", name);
    case 9:  /* another namespace */
      xmlSetNs (node, xmlNewNs (node, (const xmlChar *) "urn:example:other", (const xmlChar *) "o"));
      return g_strdup_printf ("move <%s> to another namespace", node->name);
    case 10:  /* text where it may or may not belong */
      if (g_rand_boolean (rand))
        xmlNodeSetContent (node, (const xmlChar *) PICK (rand, texts));
      else
        xmlAddChild (node, xmlNewDocText (doc, (const xmlChar *) PICK (rand, texts)));
      return g_strdup_printf ("text in <%s>", node->name);
    case 11:  /* a new empty element */
      name = PICK (rand, element_names);
      other = xmlNewDocNode (doc, canvas_ns (doc), (const xmlChar *) name, NULL);
      {
        xmlNodePtr kid = element_child (node, rand);

        if (kid && g_rand_boolean (rand))
          xmlAddPrevSibling (kid, other);
        else
          xmlAddChild (node, other);
      }
      return g_strdup_printf ("insert <%s> into <%s>", name, node->name);
    default:  /* a copy of another element, somewhere else */
      other = pick_element (rand, doc, FALSE);
      if (other == NULL)
        return g_strdup ("nothing");
      {
        xmlNodePtr copy = xmlDocCopyNode (other, doc, 1);
        xmlNodePtr kid = element_child (node, rand);

        if (kid)
          xmlAddNextSibling (kid, copy);
        else
          xmlAddChild (node, copy);
        return g_strdup_printf ("copy <%s> into <%s>", other->name, node->name);
      }
    }
}

static void
test_mutants (void)
{
  g_autoptr(GPtrArray) files = good_files ();
  const char *seed_env = g_getenv ("NF_SCHEMA_SEED");
  const char *count_env = g_getenv ("NF_SCHEMA_MUTANTS");
  guint32 first_seed = seed_env ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : DEFAULT_SEED;
  guint count = count_env ? (guint) g_ascii_strtoull (count_env, NULL, 10) : DEFAULT_MUTANTS;
  guint schema_refused = 0, loader_only = 0, both_accept = 0;
  GPtrArray *bases = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  for (guint i = 0; i < files->len; i++)
    {
      char *data;
      gsize length;

      g_assert_true (g_file_get_contents (g_ptr_array_index (files, i), &data, &length, NULL));
      g_ptr_array_add (bases, g_bytes_new_take (data, length));
    }

  for (guint i = 0; i < count; i++)
    {
      guint32 seed = first_seed + i;
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      guint base = (guint) g_rand_int_range (rand, 0, (gint32) bases->len);
      GBytes *bytes = g_ptr_array_index (bases, base);
      xmlDocPtr doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                                     NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
      g_autoptr(GString) what = g_string_new (NULL);
      g_autoptr(NfCanvas) canvas = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;
      guint n_changes = (guint) g_rand_int_range (rand, 1, 4);
      xmlChar *mutant = NULL;
      int length = 0;

      g_assert_nonnull (doc);
      for (guint c = 0; c < n_changes; c++)
        {
          g_autofree char *change = mutate_once (rand, doc);

          g_string_append_printf (what, "%s%s", c ? "; " : "", change);
        }
      xmlDocDumpMemoryEnc (doc, &mutant, &length, "UTF-8");
      xmlFreeDoc (doc);

      canvas = loader_accepts ((const char *) mutant, (gsize) length, &error);
      if (!schema_accepts ((const char *) mutant, (gsize) length, &message))
        {
          schema_refused++;
          if (canvas != NULL)
            g_error ("mutant of seed %u (of %s: %s): the schema refuses it (%s), "
                     "the loader accepts it:\n%s",
                     seed, (const char *) g_ptr_array_index (files, base), what->str, message,
                     (const char *) mutant);
        }
      else if (canvas == NULL)
        loader_only++;
      else
        {
          g_autofree char *label = g_strdup_printf ("the mutant of seed %u", seed);

          both_accept++;
          assert_saved_valid (canvas, label);
        }
      xmlFree (mutant);
    }
  g_test_message ("%u mutants from seed %u: %u refused by the schema (and the loader), "
                  "%u refused by the loader only, %u accepted by both",
                  count, first_seed, schema_refused, loader_only, both_accept);
  /* A mutation scheme that broke nothing, or everything, would prove nothing. */
  g_assert_cmpuint (schema_refused, >=, count / 4);
  g_assert_cmpuint (both_accept, >=, count / 20);
  g_ptr_array_unref (bases);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  xmlInitParser ();
  xmlSetStructuredErrorFunc (NULL, ignore_structured_error);
  compile_schema ();

  g_test_add_func ("/schema/good-files-valid", test_good_files_valid);
  g_test_add_func ("/schema/bad-corpus", test_bad_corpus);
  g_test_add_func ("/schema/mutants", test_mutants);

  ret = g_test_run ();
  xmlRelaxNGFree (schema);
  return ret;
}
