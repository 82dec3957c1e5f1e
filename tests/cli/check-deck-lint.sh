#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The cases' decks as a reader gets them, through deck-lint (beside the
# repository in ../shared/tools): no text below 9 pt, none off the page or
# overlapping, no "+N more", "N more rows" or line cut with "…". Any
# finding on any deck fails. Output: TAP, one line per deck.
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
decks="plain compare a4 compare-a4 letter en compare-en compare-zh"
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
    compare-en) set -- --compare --lang en ;;
    compare-zh) set -- --compare --lang zh ;;
  esac
  pdf="$out/lint-$deck.pdf"
  if ! "$bin" export cases "$@" -o "$pdf" >"$out/lint-$deck.log" 2>&1; then
    echo "not ok $n - $deck: export failed"
    sed 's/^/# /' "$out/lint-$deck.log"
    continue
  fi
  # A compared deck has its themes matrix: a slide titled with its blocks,
  # every block on one, the four companies as columns and counts in cells.
  case $deck in
    compare*)
      if ! "$py" - "$pdf" "$deck" >"$out/lint-$deck.themes" 2>&1 <<'PY'
import sys, fitz
pdf, deck = sys.argv[1], sys.argv[2]
pages = [p.get_text() for p in fitz.open(pdf)]
title = next((t for t in ("Themes: ", "主题：") if any(p.startswith(t) for p in pages)), "Themes: ")
themes = [t for t in pages if t.startswith(title)]
assert themes, "no themes slide"
blocks = " · ".join(t.split("\n")[0][len(title):] for t in themes)
assert blocks.count(" · ") == 8, "not every block once: " + blocks
for word in ("Bitauto", "Alibaba"):
    assert all(word in t for t in themes), word + " is not a column on every themes slide"
assert any(("notes" in t) or ("条便签" in t) or ("个便签" in t) for t in themes), "no counts in cells"
if deck == "compare-en":
    assert "Shupao Technology" in themes[0], "Shupao is not named in English"
PY
      then
        echo "not ok $n - $deck: themes slides"
        sed 's/^/# /' "$out/lint-$deck.themes"
        continue
      fi ;;
  esac
  if "$py" "$lint" "$pdf" >"$out/lint-$deck.log" 2>&1; then
    echo "ok $n - $deck: $(tail -n 1 "$out/lint-$deck.log")"
  else
    echo "not ok $n - $deck"
    sed 's/^/# /' "$out/lint-$deck.log"
  fi
done
