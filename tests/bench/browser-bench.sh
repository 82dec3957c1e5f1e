#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The deck against a headless browser printing the same slides as HTML
# pages (issue 14: at least 5× faster). deck-html.py writes the slides of
# the four cases (and of the 100-canvas deck: the four, 25 times) as
# 16:9 HTML pages; each run times `chromium --headless --print-to-pdf`
# on them against `ninefold export` of the same canvases to PDF, each a
# process of its own from start to exit, alternately, and prints the
# median wall and CPU times (user + system, children included) and their
# ratio. Chromium is a bench-only tool, not a dependency: without it the
# script says so and exits 0.
#
#   bash tests/bench/browser-bench.sh [BUILD_DIR] [RUNS]   (default: _build_release, 5)
set -euo pipefail

src="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$src/_build_release}"
runs="${2:-5}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "skip: chromium is not installed (Debian: apt-get install chromium); no browser row"
  exit 0
fi
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$src" --buildtype=release >/dev/null
fi
ninja -C "$build" app/ninefold >&2
ninefold="$build/app/ninefold"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cases=("$src"/resources/cases/*.ninefold)
hundred=()
for _ in $(seq 25); do hundred+=("${cases[@]}"); done
python3 "$src/tests/bench/deck-html.py" "$work/cases.html" "${cases[@]}"
python3 "$src/tests/bench/deck-html.py" "$work/hundred.html" "${hundred[@]}"

# Prints "WALL_S CPU_S" for one run of the command.
timed() {
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null 2>&1
  awk '{ printf "%s %.3f\n", $1, $2 + $3 }' "$work/time"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

export LC_ALL=C.UTF-8
echo "Machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $("$browser" --version 2>/dev/null | head -1)"
echo
echo "| Deck | ninefold wall | browser wall | wall ratio | ninefold CPU | browser CPU | CPU ratio | ≥ 5× faster (wall) |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
for deck in cases hundred; do
  if [ "$deck" = cases ]; then files=("${cases[@]}"); label="the four cases"; else files=("${hundred[@]}"); label="100 canvases"; fi
  : >"$work/ours"; : >"$work/theirs"
  for _ in $(seq "$runs"); do
    timed "$ninefold" export "${files[@]}" -o "$work/ours.pdf" >>"$work/ours"
    timed "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --user-data-dir="$work/profile" --print-to-pdf="$work/theirs.pdf" "file://$work/$deck.html" >>"$work/theirs"
  done
  ow=$(cut -d' ' -f1 "$work/ours" | median); oc=$(cut -d' ' -f2 "$work/ours" | median)
  bw=$(cut -d' ' -f1 "$work/theirs" | median); bc=$(cut -d' ' -f2 "$work/theirs" | median)
  awk -v l="$label" -v ow="$ow" -v bw="$bw" -v oc="$oc" -v bc="$bc" -v op="$(pdfinfo "$work/ours.pdf" 2>/dev/null | awk '/^Pages/ { print $2 }')" \
      -v bp="$(pdfinfo "$work/theirs.pdf" 2>/dev/null | awk '/^Pages/ { print $2 }')" 'BEGIN {
    rw = bw / ow; rc = bc / oc
    printf "| %s (%s / %s pages) | %.2f s | %.2f s | %.1f× | %.2f s | %.2f s | %.1f× | %s |\n",
           l, op, bp, ow, bw, rw, oc, bc, rc, (rw >= 5) ? "pass" : "**miss**" }'
done
