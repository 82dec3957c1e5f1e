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

decks="plain compare a4 compare-a4 letter en compare-en compare-zh zh en-in-zh long-note long-note-a4"
count=0
for deck in $decks; do count=$((count + 1)); done
echo "1..$count"
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
    zh) set -- --lang zh_CN ;;
    en-in-zh) set -- --lang en ;;
    long-note) set -- ;;
    long-note-a4) set -- --page-size a4 ;;
  esac
  pdf="$out/lint-$deck.pdf"
  case $deck in
    long-note*) input=$long ;;
    *) input=cases ;;
  esac
  # The deck's words follow --lang, not the process's language: zh_CN on
  # a machine with no Chinese locale (C.UTF-8, as CI), English asked of a
  # process that would speak Chinese.
  case $deck in
    zh) env='LANG=C.UTF-8 LC_ALL= LANGUAGE=' ;;
    en-in-zh) env='LANG=C.UTF-8 LC_ALL= LANGUAGE=zh_CN' ;;
    *) env= ;;
  esac
  if ! env $env "$bin" export "$input" "$@" -o "$pdf" >"$out/lint-$deck.log" 2>&1; then
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
# Unclipped: a CJK face's tall line box puts a header title partly
# above the page, where get_text() would leave it out.
pages = [p.get_text(clip=fitz.INFINITE_RECT()) for p in fitz.open(pdf)]
title = next((t for t in ("Themes: ", "主题：") if any(p.startswith(t) for p in pages)), "Themes: ")
themes = [t for t in pages if t.startswith(title)]
assert themes, "no themes slide"
blocks = " · ".join(t.split("\n")[0][len(title):] for t in themes)
assert blocks.count(" · ") == 8, "not every block once: " + blocks
for word in ("Bitauto", "Alibaba"):
    assert all(word in t for t in themes), word + " is not a column on every themes slide"
assert any(("notes" in t) or ("条便签" in t) or ("个便签" in t) for t in themes), "no counts in cells"
if deck == "compare-en":
    import re
    assert "Shupao Technology" in themes[0], "Shupao is not named in English"
    # The metric rows read in English: Shupao's translated labels, and no
    # Chinese left on those slides but tags.
    metrics = "\n".join(p for p in pages if p.startswith("Metrics compared") or
                         p.split("\n")[1:2] == ["Metrics"])
    assert "Team size" in metrics, "Shupao's metric labels are not in English"
    han = [l for l in metrics.split("\n") if re.search("[\u4e00-\u9fff]", l) and "#" not in l]
    assert not han, "Chinese left on the metric slides: " + han[0]
PY
      then
        echo "not ok $n - $deck: themes slides"
        sed 's/^/# /' "$out/lint-$deck.themes"
        continue
      fi ;;
  esac
  case $deck in
    zh|en-in-zh)
      if ! "$py" - "$pdf" "$deck" >"$out/lint-$deck.words" 2>&1 <<'PY'
import sys, fitz
pdf, deck = sys.argv[1], sys.argv[2]
text = "\n".join(p.get_text(clip=fitz.INFINITE_RECT()) for p in fitz.open(pdf))
want, unwanted = {
    "zh": (["重要合作", "客户细分", "收入来源", "来源"], ["Key Partners", "Customer Segments", "Revenue Streams"]),
    "en-in-zh": (["Key Partners", "Customer Segments", "Revenue Streams", "Sources"], ["重要合作", "客户细分", "收入来源"]),
}[deck]
for w in want:
    assert w in text, w + " is not in the deck"
for w in unwanted:
    assert w not in text, w + " is in the deck"
PY
      then
        echo "not ok $n - $deck: the deck's language"
        sed 's/^/# /' "$out/lint-$deck.words"
        continue
      fi ;;
  esac
  # deck-lint reads each page's text inside the page (PyMuPDF's default
  # clip), where a glyph counts only if its box is on the page; the box
  # comes from the embedded font's bounding box, which for the CJK face
  # reaches 1.81 em above the baseline. Every glyph must be inside, so
  # deck-lint reads every word; and on the plain decks 数跑科技's header
  # title must be read on its slides.
  if ! "$py" - "$pdf" "$deck" >"$out/lint-$deck.clip" 2>&1 <<'PY'
import sys, fitz
pdf, deck = sys.argv[1], sys.argv[2]
doc = fitz.open(pdf)
for number, page in enumerate(doc, 1):
    for block in page.get_text("rawdict", clip=fitz.INFINITE_RECT())["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                for char in span["chars"]:
                    if char["c"].strip() and not fitz.Rect(char["bbox"]) in page.rect:
                        sys.exit("page %d: %r (%s, %.1f pt) has its box %s off the page"
                                 % (number, char["c"], span["font"], span["size"], tuple(char["bbox"])))
if deck in ("plain", "a4", "letter"):
    headed = [p.get_text().split("\n")[0] for p in doc]
    unclipped = [p.get_text(clip=fitz.INFINITE_RECT()).split("\n")[0] for p in doc]
    n = sum(1 for t in headed if t == "数跑科技")
    want = sum(1 for t in unclipped if t == "数跑科技")
    assert want >= 5, "数跑科技 heads only %d slides" % want
    assert n == want, "deck-lint reads 数跑科技's header title on %d of its %d slides" % (n, want)
PY
  then
    echo "not ok $n - $deck: text outside the page's clip"
    sed 's/^/# /' "$out/lint-$deck.clip"
    continue
  fi
  if "$py" "$lint" "$pdf" >"$out/lint-$deck.log" 2>&1; then
    echo "ok $n - $deck: $(tail -n 1 "$out/lint-$deck.log")"
  else
    echo "not ok $n - $deck"
    sed 's/^/# /' "$out/lint-$deck.log"
  fi
done
