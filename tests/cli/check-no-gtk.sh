#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-no-gtk.sh NINEFOLD: in a build with -Dgui=disabled, the program
# links neither GTK nor libadwaita (not even through another library), and
# without a command it says it has no window instead of trying to open one.
# Output is TAP.
set -uo pipefail
ninefold="$1"
echo "1..2"

if command -v ldd >/dev/null 2>&1; then
  libs="$(ldd "$ninefold" 2>&1)"
  if grep -qE 'libgtk-4|libadwaita-1|libgdk' <<<"$libs"; then
    echo "not ok 1 - ninefold links no GTK or libadwaita"
    grep -E 'libgtk|libadwaita|libgdk' <<<"$libs" | sed 's/^/# /'
  else
    echo "ok 1 - ninefold links no GTK or libadwaita"
  fi
else
  echo "ok 1 # SKIP no ldd here"
fi

out="$(LC_ALL=C.UTF-8 LANGUAGE= "$ninefold" 2>&1 </dev/null)"
status=$?
if [ "$status" -eq 2 ] && grep -qF "without its window" <<<"$out"; then
  echo "ok 2 - ninefold without a command is a usage error naming the missing window"
else
  echo "not ok 2 - ninefold without a command (exit $status)"
  sed 's/^/# /' <<<"$out"
fi
