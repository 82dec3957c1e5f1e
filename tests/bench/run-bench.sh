#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the benchmarks in a release build folder and prints one Markdown
# table: the median of repeated runs of each case, the floor it is
# measured against, peak memory, the targets of issue 7 and whether they
# hold. Start-up needs a display: without one the script makes one with
# xvfb-run (and a session bus with dbus-run-session), as the GUI tests do.
#
#   bash tests/bench/run-bench.sh [BUILD_DIR]    (default: _build_release)
#
# Exit status: 0 when every target holds, 1 when one is missed.
set -euo pipefail

src="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$src/_build_release}"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$src" --buildtype=release >/dev/null
fi
buildtype="$(meson introspect "$build" --buildoptions |
  python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "buildtype"))')"
if [ "$buildtype" != release ]; then
  echo "warning: $build is a $buildtype build; the targets are for a release build" >&2
fi
ninja -C "$build" tests/bench/nf-bench tests/bench/nf-bench-startup \
  tests/bench/nf-bench-bare-window tests/bench/nf-bench-bare-adw-window >&2

echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores," \
  "$(free -g | awk '/^Mem:/ { print $2 }') GB RAM; $(cc --version | head -1);" \
  "$buildtype build; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

export LC_ALL=C.UTF-8 GSK_RENDERER=cairo GSETTINGS_BACKEND=memory
bench="$build/tests/bench/nf-bench"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$bench"
elif command -v xvfb-run >/dev/null && command -v dbus-run-session >/dev/null; then
  exec dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" "$bench"
else
  echo "note: no display and no xvfb-run: the start-up row is left out" >&2
  exec "$bench"
fi
