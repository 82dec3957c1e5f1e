#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-mime.sh MIME_XML CANVAS
#
# Builds a MIME database from Ninefold's definition alone and checks that
# *.ninefold files, and canvas XML under another name, are recognised as
# application/x-ninefold, so the file manager opens them with Ninefold.
# Output is TAP.
set -uo pipefail

xml="$1"
canvas="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0
ok ()     { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }

mkdir -p "$tmp/mime/packages"
cp "$xml" "$tmp/mime/packages/org.ninefold.Ninefold.xml"
if out="$(update-mime-database -V "$tmp/mime" 2>&1)" && ! grep -qi 'warning\|error' <<< "$out"; then
  ok "update-mime-database accepts the definition"
else
  not_ok "update-mime-database accepts the definition"
  sed 's/^/# /' <<< "$out"
fi
if grep -qx '50:application/x-ninefold:\*\.ninefold' "$tmp/mime/globs2"; then
  ok "*.ninefold is application/x-ninefold"
else
  not_ok "*.ninefold is application/x-ninefold"
  sed 's/^/# /' "$tmp/mime/globs2"
fi
if grep -q 'urn:ninefold:canvas:1 canvas application/x-ninefold' "$tmp/mime/XMLnamespaces"; then
  ok "a <canvas> root in Ninefold's namespace is application/x-ninefold"
else
  not_ok "a <canvas> root in Ninefold's namespace is application/x-ninefold"
fi
if grep -q 'xml:lang="zh_CN"' "$xml"; then
  ok "the type's description is translated"
else
  not_ok "the type's description is translated"
fi
if head -c 512 "$canvas" | grep -q 'xmlns="urn:ninefold:canvas:1"'; then
  ok "the case canvases carry the namespace the definition matches"
else
  not_ok "the case canvases carry the namespace the definition matches"
fi
echo "1..$n"
exit $failed
