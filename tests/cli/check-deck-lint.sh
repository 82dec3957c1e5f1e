#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The cases' decks as a reader gets them, through deck-lint (beside the
# repository in ../shared/tools): no text below 9 pt, none off the page or
# overlapping, no "+N more", "N more rows" or line cut with "…". Any
# finding on any deck fails. Output: TAP, one line per deck. The last
# deck is a canvas made here with a note taller than a slide's column
# even at 9 pt, which must go on in the next column, not off the slide.
#
#   check-deck-lint.sh NINEFOLD DECK-LINT OUTDIR
set -u
bin=$1
lint=$2
out=$3

if [ ! -f "$lint" ]; then
  echo "1..0 # SKIP deck-lint is not at $lint"
  exit 0
fi
py=
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import fitz' 2>/dev/null; then
    py=$candidate
    break
  fi
done
if [ -z "$py" ]; then
  echo "Bail out! PyMuPDF is missing (Debian: python3-fitz, in .ci/deps.txt)"
  exit 1
fi

mkdir -p "$out"
# The long note: 2,500 numbered words between two short notes.
long="$out/long-note.ninefold"
{
  printf '<?xml version="1.0" encoding="UTF-8"?>\n'
  printf '<canvas xmlns="urn:ninefold:canvas:1" version="1.0" xml:lang="en">'
  printf '<metadata><company>Longnote</company><title>A very long note</title></metadata>'
  printf '<block kind="key-partners"><note id="n1"><text>A partner.</text></note></block>'
  printf '<block kind="key-activities"/><block kind="key-resources"/>'
  printf '<block kind="value-propositions"><note id="n2"><text>Short first.</text></note>'
  printf '<note id="n3" evidence="tested"><text>'
  i=1
  while [ $i -le 2500 ]; do printf 'word%d ' $i; i=$((i + 1)); done
  printf '</text><tag>long</tag></note><note id="n4"><text>After the long one.</text></note></block>'
  printf '<block kind="customer-relationships"/><block kind="channels"/><block kind="customer-segments"/>'
  printf '<block kind="cost-structure"/><block kind="revenue-streams"/></canvas>\n'
} >"$long"

decks="plain compare a4 compare-a4 letter en long-note long-note-a4"
echo "1..8"
n=0
for deck in $decks; do
  n=$((n + 1))
  case $deck in
    plain) set -- ;;
    compare) set -- --compare ;;
    a4) set -- --page-size a4 ;;
    compare-a4) set -- --compare --page-size a4 ;;
    letter) set -- --page-size letter ;;
    en) set -- --lang en ;;
    long-note) set -- ;;
    long-note-a4) set -- --page-size a4 ;;
  esac
  pdf="$out/lint-$deck.pdf"
  case $deck in
    long-note*) input=$long ;;
    *) input=cases ;;
  esac
  if ! "$bin" export "$input" "$@" -o "$pdf" >"$out/lint-$deck.log" 2>&1; then
    echo "not ok $n - $deck: export failed"
    sed 's/^/# /' "$out/lint-$deck.log"
    continue
  fi
  if "$py" "$lint" "$pdf" >"$out/lint-$deck.log" 2>&1; then
    echo "ok $n - $deck: $(tail -n 1 "$out/lint-$deck.log")"
  else
    echo "not ok $n - $deck"
    sed 's/^/# /' "$out/lint-$deck.log"
  fi
done
