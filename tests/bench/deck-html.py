#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The same slides as `ninefold export` makes, as HTML pages for a browser
to print: the floor of the deck benchmark against a headless browser
(browser-bench.sh). For each canvas: a title slide, an overview of the
nine blocks with every note, its metric tables and its sources, each a
16:9 page (13.333 × 7.5 in) that the browser breaks after; long content
flows on to further pages as print CSS lets it.

    deck-html.py OUT.html CANVAS.ninefold…
"""
import html
import sys
import xml.etree.ElementTree as ET

NS = '{urn:ninefold:canvas:1}'
BLOCKS = [('key-partners', 'Key Partners'), ('key-activities', 'Key Activities'),
          ('key-resources', 'Key Resources'), ('value-propositions', 'Value Propositions'),
          ('customer-relationships', 'Customer Relationships'), ('channels', 'Channels'),
          ('customer-segments', 'Customer Segments'), ('cost-structure', 'Cost Structure'),
          ('revenue-streams', 'Revenue Streams')]
# Where each block sits on the overview's 10 × 3 grid, as on the canvas.
AREAS = {'key-partners': '1 / 1 / 3 / 3', 'key-activities': '1 / 3 / 2 / 5',
         'key-resources': '2 / 3 / 3 / 5', 'value-propositions': '1 / 5 / 3 / 7',
         'customer-relationships': '1 / 7 / 2 / 9', 'channels': '2 / 7 / 3 / 9',
         'customer-segments': '1 / 9 / 3 / 11', 'cost-structure': '3 / 1 / 4 / 6',
         'revenue-streams': '3 / 6 / 4 / 11'}

CSS = """
@page { size: 13.333in 7.5in; margin: 0; }
body { margin: 0; font-family: 'Noto Sans', 'Noto Sans CJK SC', sans-serif; color: #1d232b; }
.slide { width: 13.333in; min-height: 7.5in; box-sizing: border-box; padding: 0.3in 0.42in;
         break-after: page; }
header { border-bottom: 2px solid #2a6fdb; margin: -0.3in -0.42in 0.2in; padding: 0.2in 0.42in 0.1in;
         background: #f6f7f9; }
header h1 { margin: 0; font-size: 20pt; } header p { margin: 0; font-size: 10pt; color: #5b6470; }
.title h1 { font-size: 34pt; margin-top: 2in; }
.grid { display: grid; grid-template-columns: repeat(10, 1fr); grid-template-rows: 1fr 1fr 0.8fr;
        gap: 8px; height: 6.2in; }
.block { border: 1px solid #d0d5dc; border-radius: 6px; padding: 6px; background: #f6f7f9;
         overflow: hidden; }
.block h2 { font-size: 10.5pt; color: #2a6fdb; margin: 0 0 4px; }
.note { background: #fff; border: 1px solid #d0d5dc; border-left: 4px solid #8a94a3;
        border-radius: 4px; padding: 3px 6px; margin: 0 0 4px; font-size: 9pt; }
.note small { display: block; color: #5b6470; font-size: 9pt; }
.ev-validated { border-left-color: #2e9d5b; } .ev-tested { border-left-color: #d9a21b; }
.ev-assumption { border-left-color: #c94f4f; }
.tables { columns: 2; column-gap: 36px; }
table { border-collapse: collapse; font-size: 12pt; margin-bottom: 24px; break-inside: auto; }
caption { text-align: left; font-weight: bold; color: #2a6fdb; font-size: 13pt; padding-bottom: 6px; }
th { background: #e4ecfa; font-size: 11pt; text-align: left; }
th, td { padding: 5px 8px; border-bottom: 0.75px solid #d0d5dc; }
td.n { text-align: right; }
ul.sources { font-size: 12pt; }
"""


def text_of(element):
    """The element's own text (a canvas's own language, as the deck's
    default shows it)."""
    return (element.text or '').strip() if element is not None else ''


def esc(text):
    return html.escape(text or '')


def canvas_slides(path, out):
    root = ET.parse(path).getroot()
    meta = root.find(NS + 'metadata')
    company = text_of(meta.find(NS + 'company')) if meta is not None else ''
    title = text_of(meta.find(NS + 'title')) if meta is not None else ''
    n_notes = sum(len(b.findall(NS + 'note')) for b in root.findall(NS + 'block'))
    out.append(f'<section class="slide title"><h1>{esc(title)}</h1><p>{esc(company)}</p>'
               f'<p>{n_notes} notes</p></section>')
    out.append(f'<section class="slide"><header><h1>{esc(company)}</h1><p>{esc(title)}</p></header>'
               '<div class="grid">')
    blocks = {b.get('kind'): b for b in root.findall(NS + 'block')}
    for kind, name in BLOCKS:
        out.append(f'<div class="block" style="grid-area: {AREAS[kind]}"><h2>{name}</h2>')
        block = blocks.get(kind)
        for i, note in enumerate(block.findall(NS + 'note') if block is not None else [], 1):
            tags = ' '.join('#' + (t.text or '') for t in note.findall(NS + 'tag'))
            evidence = note.get('evidence', '')
            out.append(f'<div class="note ev-{evidence}">{esc(text_of(note.find(NS + "text")))}'
                       f'<small>{i} · {esc(evidence)} {esc(tags)}</small></div>')
        out.append('</div>')
    out.append('</div></section>')
    metrics = root.find(NS + 'metrics')
    tables = metrics.findall(NS + 'table') if metrics is not None else []
    if tables:
        out.append(f'<section class="slide"><header><h1>{esc(company)}</h1><p>Metrics</p></header>'
                   '<div class="tables">')
        for table in tables:
            columns = table.findall(NS + 'column')
            out.append(f'<table><caption>{esc(text_of(table.find(NS + "title")))}</caption><tr>')
            for column in columns:
                unit = column.get('unit')
                name = text_of(column.find(NS + 'name'))
                out.append(f'<th>{esc(name)}{" (" + esc(unit) + ")" if unit else ""}</th>')
            out.append('</tr>')
            for row in table.findall(NS + 'row'):
                out.append('<tr>')
                for column, cell in zip(columns, row.findall(NS + 'cell')):
                    numeric = column.get('type') != 'text'
                    out.append(f'<td{" class=n" if numeric else ""}>{esc(cell.text)}</td>')
                out.append('</tr>')
            out.append('</table>')
        out.append('</div></section>')
    sources = root.find(NS + 'sources')
    if sources is not None and len(sources):
        out.append(f'<section class="slide"><header><h1>{esc(company)}</h1><p>Sources</p></header>'
                   '<ul class="sources">')
        for source in sources.findall(NS + 'source'):
            out.append(f'<li>{esc(text_of(source.find(NS + "title")))} — '
                       f'{esc(text_of(source.find(NS + "address")))}</li>')
        out.append('</ul></section>')


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>Deck</title>',
           f'<style>{CSS}</style></head><body>']
    for path in argv[2:]:
        canvas_slides(path, out)
    out.append('</body></html>')
    with open(argv[1], 'w', encoding='utf-8') as f:
        f.write('\n'.join(out))


if __name__ == '__main__':
    main(sys.argv)
