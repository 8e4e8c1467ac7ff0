"""The body's blocks: headings (the styles Heading 1–3), paragraphs and "- " items, centred
lines, and data tables with widths computed here (LibreOffice and Word autofit differently)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from thidua_cli.render.document import Document, Heading, Paragraph, Table, plain, short_columns
from thidua_cli.render.docx.metrics import text_width
from thidua_cli.render.docx.ooxml import (
    add_runs,
    cant_split,
    first_paragraph,
    fixed_table,
    plain_paragraph,
    repeat_header,
)
from thidua_cli.render.docx.page import CELL_MARGIN, PORTRAIT, TABLE_SIZE, Page
from thidua_cli.render.wrap import no_break_after

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

def column_widths(table: Table, page: Page = PORTRAIT) -> list[int]:
    """Column widths as an editor's autofit would choose them, computed here because
    LibreOffice and Word autofit differently: a column whose longest text fits its fair share
    keeps that width (TT, %, "từ 90% trở lên"); the others share what is left in proportion
    to their text, never narrower than their longest word. When the table is too wide for
    one line a cell, a heading longer than its column's data is set on two lines ("Điểm thẩm
    / định") as a clerk sets it: the width goes to the names and texts."""
    rows = (table.header, *table.rows)
    ncols = max(len(r) for r in rows)
    pad = 2 * CELL_MARGIN + Pt(2)
    natural = [pad] * ncols
    data = [pad] * ncols
    heading = [pad] * ncols
    minimum = [pad] * ncols
    for r, row in enumerate(rows):
        for i, cell in enumerate(row):
            text = plain(cell)
            width = text_width(text, TABLE_SIZE, r == 0) + pad
            natural[i] = max(natural[i], width)
            if r == 0:
                heading[i] = _two_lines(text) + pad
            else:
                data[i] = max(data[i], width)
            for word in text.split():
                minimum[i] = max(minimum[i], text_width(word, TABLE_SIZE, r == 0) + pad)
    widths: list[float] = [0.0] * ncols
    if sum(natural) <= page.text_width:
        # Everything fits on one line: spread the spare width like the text.
        widths = [n * page.text_width / sum(natural) for n in natural]
    else:
        natural = [min(n, max(d, h)) for n, d, h in zip(natural, data, heading, strict=True)]
        remaining, open_ = float(page.text_width), set(range(ncols))
        while open_:
            fair = remaining / len(open_)
            settled = {i for i in open_ if natural[i] <= fair}
            if not settled:
                break
            for i in settled:
                widths[i] = natural[i]
                remaining -= natural[i]
            open_ -= settled
        share = sum(natural[i] for i in open_)
        for i in open_:
            widths[i] = max(minimum[i], remaining * natural[i] / share)
        # Long words may overshoot: scale back to the text width.
        widths = [w * page.text_width / sum(widths) for w in widths]
    out = [int(w) for w in widths]
    out[-1] += page.text_width - sum(out)
    return out


def _two_lines(heading: str) -> int:
    """The width of a (bold) heading broken between words into its two most even lines,
    never inside a word of two syllables (:func:`~thidua_cli.render.wrap.no_break_after`)."""
    words = heading.split()
    keep = no_break_after(words)
    breaks = [k for k in range(1, len(words)) if not keep[k - 1]]   # never "Đơn / vị tính"
    if not breaks:
        return text_width(heading, TABLE_SIZE, True)
    return min(max(text_width(" ".join(words[:k]), TABLE_SIZE, True),
                   text_width(" ".join(words[k:]), TABLE_SIZE, True)) for k in breaks)


def add_table(doc: DocxDocument, block: Table, page: Page) -> None:
    widths = column_widths(block, page)
    rows = (block.header, *block.rows)
    table = fixed_table(doc, len(rows), widths, borders=True)
    short = short_columns(block)
    for r, (row, docx_row) in enumerate(zip(rows, table.rows, strict=True)):
        for c, cell in enumerate(docx_row.cells):
            p = first_paragraph(cell)
            p.paragraph_format.space_before = Pt(3)
            p.paragraph_format.space_after = Pt(3)
            if r == 0 or short[c]:
                p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
            runs = row[c] if c < len(row) else ()
            add_runs(p, runs, TABLE_SIZE)
            if r == 0:
                for run in p.runs:
                    run.bold = True
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    repeat_header(table.rows[0])
    for row in table.rows:
        cant_split(row)
    # A table followed directly by another block needs air, as paragraphs have.
    plain_paragraph(doc, after=0).paragraph_format.line_spacing = 0.5


def add_body(doc: DocxDocument, document: Document, page: Page) -> None:
    for block in document.body:
        if isinstance(block, Heading):
            p = doc.add_paragraph()
            p._p.style = f"Heading{block.level}"     # the style id (see fixed_table)
            add_runs(p, block.runs)
        elif isinstance(block, Paragraph):
            p = doc.add_paragraph()
            if block.centered:
                p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.paragraph_format.first_line_indent = 0
            if block.item:
                p.add_run("- ")
            add_runs(p, block.runs)
        elif isinstance(block, Table):
            add_table(doc, block, page)
        else:  # pragma: no cover - the model has three block kinds
            raise TypeError(f"unknown block {block!r}")
