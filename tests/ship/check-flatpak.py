#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-flatpak.py MANIFEST APP_ID STYLE_C: the Flatpak manifest builds
this tree with meson on the GNOME runtime and asks for no more than a GTK
app needs; files come through the file-chooser and document portals, never
through access to the home folder or the host. It also ships the faces the
renderer asks for first (STYLE_C's FONT_FAMILY), from pinned downloads, so
a canvas is drawn with the same fonts on every machine."""
import json
import re
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

# The face each family comes from, as the font packages name the files.
FACE_FILES = {"Cantarell": "Cantarell-Regular.otf", "Noto Sans CJK SC": "NotoSansCJK-Regular.ttc"}
style = open(sys.argv[3], encoding="utf-8").read()
found = re.search(r'#define FONT_FAMILY "([^"]+)"', style)
if not found:
    problems.append("no FONT_FAMILY in " + sys.argv[3])
else:
    families = [f.strip() for f in found.group(1).split(",")]
    wanted = [families[0]] + [f for f in families if "CJK" in f][:1]
    commands = " ".join(c for m in manifest["modules"] for c in m.get("build-commands", []))
    for family in wanted:
        face = FACE_FILES.get(family)
        if face is None:
            problems.append(f"the renderer asks first for {family}, which the manifest does not know")
        elif not re.search(r"share/fonts\S*\s.*" + re.escape(face), commands):
            problems.append(f"{face} ({family}) is not installed under share/fonts")
for module in manifest["modules"]:
    for source in module.get("sources", []):
        if source.get("type") in ("file", "archive"):
            if not source.get("url", "").startswith("https://"):
                problems.append(f"{module['name']}: a download not over https")
            if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
                problems.append(f"{module['name']}: a download without its sha256")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
