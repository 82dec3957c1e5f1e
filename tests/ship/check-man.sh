#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-man.sh GROFF PAGE [NINEFOLD]: fails when groff warns about the page,
# when it lacks a section a man page needs, or when a command is missing.
set -euo pipefail
groff="$1"
page="$2"
warnings="$(LC_ALL=C.UTF-8 "$groff" -man -Tutf8 -ww -z "$page" 2>&1)"
if [ -n "$warnings" ]; then
  echo "$warnings"
  exit 1
fi
for section in NAME SYNOPSIS DESCRIPTION COMMANDS "EXIT STATUS"; do
  grep -q "^\.SH \"\?$section\"\?\$" "$page" || { echo "no $section section"; exit 1; }
done
# Every command `ninefold help` lists has its entry in COMMANDS.
if [ $# -ge 3 ]; then
  commands="$(LC_ALL=C.UTF-8 LANGUAGE= "$3" help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')"
  [ -n "$commands" ] || { echo "ninefold help listed no commands"; exit 1; }
  for command in $commands; do
    grep -qE "^\.B[IR]? \"?$command[ \"]" "$page" || { echo "the man page does not describe “$command”"; exit 1; }
  done
fi
