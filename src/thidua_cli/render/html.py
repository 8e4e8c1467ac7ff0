"""A complete HTML5 page of a :class:`~thidua_cli.render.document.Document`, that prints from a
browser like the DOCX: A4, margins 20/20/30/15 mm, Times New Roman (Liberation Serif is its
metric twin) 14 pt, the two-column header, a justified body with first-line indent,
``Nơi nhận`` on the left and the signature on the right.

Every text goes through :func:`html.escape`: registry text such as ``<script>`` is shown, never
run. Page numbers from page 2 use the paged-media margin boxes (``@top-center`` with
``counter(page)``, none on ``@page :first``): WeasyPrint and recent Chromium print them; a
browser without margin boxes prints no numbers at all (the DOCX always has them).
"""

from __future__ import annotations

from html import escape

from thidua_cli.render.document import (
    Document,
    Heading,
    Paragraph,
    Run,
    Signature,
    Table,
    short_columns,
    signature_rows,
)
from thidua_cli.render.wrap import glue_blanks, nobreak

CSS = """\
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm;
        @top-center { content: counter(page); font-family: "Times New Roman", "Liberation Serif", serif;
                      font-size: 13pt; } }
@page :first { @top-center { content: none; } }
html { background: #fff; color: #000; }
body { font-family: "Times New Roman", "Liberation Serif", Times, serif; font-size: 14pt;
       line-height: 1.3; margin: 0 auto; max-width: 165mm; }
@media screen { body { padding: 20mm 15mm 20mm 30mm; max-width: 210mm; box-sizing: border-box; } }
table.frame { width: 100%; border-collapse: collapse; }
table.frame td { vertical-align: top; text-align: center; padding: 0; }
.header td.left { width: 40%; } .header td.right { width: 60%; }
.superior { font-size: 13pt; text-transform: none; }
.issuer, .motto1, .motto2 { font-weight: bold; }
.issuer, .superior, .motto1 { font-size: 13pt; }
.motto2 { font-size: 14pt; }
.rule { display: block; border-top: 1px solid #000; margin: 2pt auto 6pt; height: 0; }
.rule.short { width: 33%; } .rule.motto { width: 62%; }
.number { font-size: 13pt; margin-top: 4pt; }
.place-date { font-style: italic; margin-top: 4pt; }
h1.title { font-size: 14pt; font-weight: bold; text-align: center; margin: 18pt 0 0; }
p.subject { font-weight: bold; text-align: center; margin: 0; text-wrap: balance; }
table.header td { text-wrap: balance; }
main p { text-align: justify; text-indent: 1.27cm; margin: 0 0 6pt; }
main p.center { text-align: center; text-indent: 0; }
main h2, main h3, main h4 { font-size: 14pt; margin: 6pt 0; text-indent: 1.27cm; text-align: justify; }
main h2 { font-weight: bold; } main h3 { font-weight: bold; }
main h4 { font-weight: bold; font-style: italic; }
table.data { width: 100%; border-collapse: collapse; margin: 6pt 0; font-size: 13pt; }
table.data th, table.data td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
table.data th, table.data td.short { text-align: center; }
.closing { margin-top: 12pt; page-break-inside: avoid; break-inside: avoid; }
.closing td.recipients { width: 45%; text-align: left; font-size: 11pt; }
.closing td.signature { width: 55%; }
.recipients .label { font-size: 12pt; font-weight: bold; font-style: italic; }
.signature div { font-weight: bold; }
.signature .space { height: 22mm; }
table.signatures { table-layout: fixed; margin-top: 6pt; }
table.closing.signatures td.signature { padding: 0 2mm 6mm; font-size: 13pt; vertical-align: bottom; }
table.signatures.cols-2 td.signature { width: 50%; } table.signatures.cols-3 td.signature { width: 33.3%; }
.signature .unit { font-size: 12pt; }
.recipients .entry { padding-left: 2.5mm; text-indent: -2.5mm; }
tr.numbers td { vertical-align: top; }
table.frame.header { table-layout: fixed; }
@media screen and (max-width: 600px) {
  /* A phone: the page's margins would leave a column of two words; the header in smaller type. */
  body { padding: 5mm 4mm; font-size: 13pt; }
  .issuer, .superior, .motto1, .number { font-size: 10.5pt; } .motto2, .place-date { font-size: 11pt; }
  main p, main h2, main h3, main h4 { text-indent: 6mm; text-align: left; font-size: 13pt; }
  table.closing.signatures td.signature { font-size: 11pt; }
}
"""

#: After :data:`CSS` for a landscape document (``Document.landscape``): A4 turned, 252 mm of
#: text in print and as wide on a screen.
LANDSCAPE_CSS = """\
@page { size: A4 landscape; }
body { max-width: 252mm; }
@media screen { body { max-width: 297mm; } }
"""


def _frame(text: str) -> str:
    """A text of the frame, escaped, with no-break spaces where a browser must not break a
    word or a place name (render/wrap.py)."""
    return escape(nobreak(text)).replace("\u00a0", "&nbsp;").replace("\n", "<br>")


def _runs(runs: tuple[Run, ...]) -> str:
    out = []
    for run in runs:
        text = escape(glue_blanks(run.text)).replace("\u00a0", "&nbsp;")
        if run.italic:
            text = f"<em>{text}</em>"
        if run.bold:
            text = f"<strong>{text}</strong>"
        out.append(text)
    return "".join(out)


def _signature(sig: Signature) -> str:
    parts = []
    if sig.unit:
        parts.append(f'<div class="unit">{_frame(sig.unit)}</div>')
    if sig.on_behalf:
        parts.append(f"<div>{escape(sig.on_behalf)}</div>")
    parts.append(f"<div>{escape(sig.position)}</div>")
    parts.append('<div class="space"></div>')
    parts.append(f"<div>{escape(sig.name)}</div>" if sig.name else "<div>&nbsp;</div>")
    return "".join(parts)


def _recipients(recipients: tuple[str, ...]) -> str:
    lines = ['<div class="label">Nơi nhận:</div>']
    for i, entry in enumerate(recipients):
        end = "." if i == len(recipients) - 1 else ";"
        lines.append(f'<div class="entry">- {_frame(entry)}{end}</div>')
    return "\n".join(lines)


def to_html(doc: Document) -> str:
    h = doc.header
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(doc.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(doc.title)}{' – ' + escape(doc.subject) if doc.subject else ''}</title>",
    ]
    for name in ("author", "description", "keywords"):
        if doc.meta.get(name):
            out.append(f'<meta name="{name}" content="{escape(doc.meta[name])}">')
    css = CSS + (LANDSCAPE_CSS if doc.landscape else "")
    out += [f"<style>\n{css}</style>", "</head>", "<body>"]

    left = []
    if h.superior:
        left.append(f'<div class="superior">{_frame(h.superior)}</div>')
    left.append(f'<div class="issuer">{_frame(h.issuer)}</div>')
    left.append('<span class="rule short"></span>')
    right = [f'<div class="motto1">{_frame("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")}</div>',
             f'<div class="motto2">{_frame("Độc lập - Tự do - Hạnh phúc")}</div>',
             '<span class="rule motto"></span>']
    # Two rows, as the DOCX: "Số:" and the place-date line stand on one line (NĐ30, ô 3
    # and 4) however tall the names above them are.
    number = f'<div class="number">{escape(h.number)}</div>' if h.number else ""
    out += ['<table class="frame header"><tr>',
            '<td class="left">' + "\n".join(left) + "</td>",
            '<td class="right">' + "\n".join(right) + "</td>",
            '</tr><tr class="numbers">',
            f'<td class="left">{number}</td>',
            f'<td class="right"><div class="place-date">{_frame(h.place_date)}</div></td>',
            "</tr></table>",
            f'<h1 class="title">{escape(doc.title)}</h1>']
    if doc.subject:
        out += [f'<p class="subject">{_frame(doc.subject)}</p>', '<span class="rule short"></span>']

    out.append("<main>")
    for block in doc.body:
        if isinstance(block, Heading):
            out.append(f"<h{block.level + 1}>{_runs(block.runs)}</h{block.level + 1}>")
        elif isinstance(block, Paragraph):
            text = _runs(block.runs)
            if block.item:
                text = "- " + text
            cls = ' class="center"' if block.centered else ""
            out.append(f"<p{cls}>{text}</p>")
        elif isinstance(block, Table):
            out.append('<table class="data">')
            out.append("<thead><tr>" + "".join(f"<th>{_runs(c)}</th>" for c in block.header)
                       + "</tr></thead><tbody>")
            short = short_columns(block)
            for row in block.rows:
                out.append("<tr>" + "".join(
                    f'<td class="short">{_runs(c)}</td>' if short[i] else f"<td>{_runs(c)}</td>"
                    for i, c in enumerate(row)) + "</tr>")
            out.append("</tbody></table>")
    out.append("</main>")

    sigs = doc.signatures
    if len(sigs) <= 1:
        out.append('<table class="frame closing"><tr>')
        out.append('<td class="recipients">' + (_recipients(doc.recipients) if doc.recipients else "")
                   + "</td>")
        out.append('<td class="signature">' + (_signature(sigs[0]) if sigs else "") + "</td>")
        out.append("</tr></table>")
    else:
        # A covenant: at most three columns a row, rows as even as can be (5 → 3 + 2), each
        # row its own table so that a shorter row is centred, not pushed to the left.
        start = 0
        for count in signature_rows(len(sigs)):
            out.append(f'<table class="frame closing signatures cols-{count}"><tr>'
                       + "".join(f'<td class="signature">{_signature(s)}</td>'
                                 for s in sigs[start:start + count]) + "</tr></table>")
            start += count
        if doc.recipients:
            out.append('<table class="frame closing"><tr><td class="recipients">'
                       + _recipients(doc.recipients) + "</td><td></td></tr></table>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
