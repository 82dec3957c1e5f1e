#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-flatpak.py MANIFEST APP_ID: the Flatpak manifest builds this tree
with meson on the GNOME runtime and asks for no more than a GTK app needs;
files come through the file-chooser and document portals, never through
access to the home folder or the host."""
import json
import sys

manifest = json.load(open(sys.argv[1], encoding="utf-8"))
app_id = sys.argv[2]
problems = []

if manifest.get("id") != app_id:
    problems.append(f"id is {manifest.get('id')!r}, not {app_id!r}")
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    problems.append("not on the GNOME runtime and SDK")
if manifest.get("command") != "ninefold":
    problems.append("the command is not ninefold")

allowed = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}
for arg in manifest.get("finish-args", []):
    if arg not in allowed:
        problems.append(f"finish-arg {arg} grants more than the app needs")

last = manifest["modules"][-1]
if last.get("name") != "ninefold" or last.get("buildsystem") != "meson":
    problems.append("the last module does not build ninefold with meson")
if not any(s.get("type") == "dir" and s.get("path") == ".." for s in last.get("sources", [])):
    problems.append("ninefold is not built from this tree")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
