#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Guard rail: the code that reads user files never turns on libxml2's
# dangerous parse options and never calls XSD, XInclude, XPath or catalog
# code. A match fails the test and names the line.
set -eu
src="${1:?usage: check-parser-options.sh SOURCE_ROOT}"
pattern='XML_PARSE_(NOENT|DTDLOAD|DTDATTR|DTDVALID|XINCLUDE|HUGE|RECOVER)|xmlSchema|xmlXInclude|xmlXPath|xmlCatalog|xmlLoadCatalog|xmlReadFile|xmlParseFile|xmlCtxtReadFile'
if grep -rnE "$pattern" "$src/app" "$src/include"; then
  echo "forbidden libxml2 option or API in the application code (see above)" >&2
  exit 1
fi
echo "ok: no forbidden libxml2 options or APIs"
