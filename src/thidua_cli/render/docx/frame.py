"""The frame of the page (NĐ30, Phụ lục I): the two-column header, the title and subject,
and the closing — Nơi nhận beside the signature, or a covenant's grid of signatures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from thidua_cli.render.document import Document, Heading, Paragraph, Signature, signature_rows
from thidua_cli.render.docx.metrics import balanced, set_width, text_width
from thidua_cli.render.docx.ooxml import (
    CellWriter,
    add_rule,
    add_text,
    cant_split,
    cell_margins,
    fixed_table,
    pad_right,
    plain_paragraph,
)
from thidua_cli.render.docx.page import (
    BODY_SIZE,
    CELL_MARGIN,
    GRID_CELL_MARGIN,
    HEADER_LEFT,
    HEADER_RIGHT,
    MOTTO,
    NATIONAL_NAME,
    RECIPIENTS_WIDTH,
    SIGNATURE_BLANK_LINES,
    SIGNATURE_WIDTH,
    Page,
)
from thidua_cli.render.wrap import nobreak

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import _Cell

def add_header(doc: DocxDocument, document: Document, page: Page) -> None:
    head = document.header
    table = fixed_table(doc, 2, [HEADER_LEFT + page.spare, HEADER_RIGHT], borders=False)
    for row in table.rows:
        pad_right(row.cells[0], page.spare)
    left_w = HEADER_LEFT - 2 * CELL_MARGIN
    right_w = HEADER_RIGHT - 2 * CELL_MARGIN

    left = CellWriter(table.cell(0, 0))
    if head.superior:
        add_text(left.paragraph(), nobreak(balanced(head.superior, Pt(13), False, left_w)),
                 Pt(13), bold=False)
    add_text(left.paragraph(), nobreak(balanced(head.issuer, Pt(13), True, left_w)), Pt(13),
             bold=True)
    issuer_w = set_width(head.issuer, Pt(13), True, left_w)
    left.add_rule(round(issuer_w * 0.4), left_w)

    right = CellWriter(table.cell(0, 1))
    add_text(right.paragraph(), NATIONAL_NAME, Pt(12), bold=True)
    add_text(right.paragraph(), MOTTO, Pt(13), bold=True)
    right.add_rule(text_width(MOTTO, Pt(13), bold=True), right_w)

    number = CellWriter(table.cell(1, 0))
    p = number.paragraph(before=Pt(6))
    if head.number:
        add_text(p, head.number, Pt(13))
    date = CellWriter(table.cell(1, 1))
    # NĐ30 allows 13–14 pt: 13 when that keeps a long place name and the year on one line
    # ("Thành phố Hà Giang, ngày 12 tháng 02 năm 2020"); longer ones wrap at 14 pt.
    date_size = Pt(14)
    if (text_width(head.place_date, Pt(14), italic=True) > right_w * 0.98
            and text_width(head.place_date, Pt(13), italic=True) <= right_w * 0.98):
        date_size = Pt(13)
    add_text(date.paragraph(before=Pt(6)), nobreak(head.place_date), date_size, italic=True)
    for row in table.rows:
        cant_split(row)
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP


def add_title(doc: DocxDocument, document: Document, page: Page) -> None:
    p = plain_paragraph(doc, before=Pt(18))
    p.paragraph_format.keep_with_next = True
    add_text(p, document.title, Pt(14), bold=True)
    if document.subject:
        p = plain_paragraph(doc)
        p.paragraph_format.keep_with_next = True
        subject = balanced(document.subject, Pt(14), True, page.text_width, at_parts=False)
        add_text(p, nobreak(subject), Pt(14), bold=True)
        width = set_width(subject, Pt(14), True, page.text_width)
        # NĐ30: a third to a half of the line. A third, unless that is under 25 mm: then up to
        # half, so that a short subject ("Năm 2020") does not get a stub.
        length = width / 3 if width / 3 >= Mm(25) else min(width / 2, Mm(25))
        rule = add_rule(doc, round(length), page.text_width)
        rule.paragraph_format.space_after = Pt(12)
    else:
        p.paragraph_format.space_after = Pt(12)


def add_signature(cell: _Cell, sig: Signature, size: Pt = BODY_SIZE, with_unit: bool = False) -> None:
    w = CellWriter(cell)
    if with_unit and sig.unit:
        add_text(w.paragraph(), sig.unit, Pt(13), bold=True)
    if sig.on_behalf:
        add_text(w.paragraph(), sig.on_behalf, size, bold=True)
    add_text(w.paragraph(), sig.position, size, bold=True)
    for _ in range(SIGNATURE_BLANK_LINES):
        w.paragraph()
    p = w.paragraph()
    if sig.name:
        add_text(p, sig.name, size, bold=True)


def fitting_size(texts: list[str], width: int) -> Pt:
    """The largest of 14, 13, 12 pt at which every line fits the column (else 11 pt): a title
    such as TM. BAN CHẤP HÀNH broken over two lines would misalign the names of a row. With
    8 % to spare: titles filling their columns run into each other on the page."""
    for size in (14, 13, 12):
        if all(text_width(t, Pt(size), bold=True) <= width * 0.92 for t in texts):
            return Pt(size)
    return Pt(11)


def add_recipients(cell: _Cell | None, doc: DocxDocument, recipients: tuple[str, ...]) -> None:
    if cell is not None:
        w = CellWriter(cell)
        first = w.paragraph(WD_ALIGN_PARAGRAPH.LEFT)
    else:
        w = None
        first = plain_paragraph(doc, WD_ALIGN_PARAGRAPH.LEFT, before=Pt(12))
    add_text(first, "Nơi nhận:", Pt(12), bold=True, italic=True)
    for i, entry in enumerate(recipients):
        p = w.paragraph(WD_ALIGN_PARAGRAPH.LEFT) if w else plain_paragraph(
            doc, WD_ALIGN_PARAGRAPH.LEFT)
        end = "." if i == len(recipients) - 1 else ";"
        # A wrapped entry continues under its text, not under the dash.
        p.paragraph_format.left_indent = Mm(2.5)
        p.paragraph_format.first_line_indent = -Mm(2.5)
        add_text(p, f"- {nobreak(entry)}{end}", Pt(11))


def balanced_rows(n: int) -> list[int]:
    """The covenant's rows of signatures (:func:`~thidua_cli.render.document.signature_rows`)."""
    return signature_rows(n)


def add_closing(doc: DocxDocument, document: Document, page: Page) -> None:
    sigs = document.signatures
    # The signature never stands alone on a page: the last paragraph goes with it.
    if document.body and isinstance(document.body[-1], (Paragraph, Heading)):
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    if len(sigs) <= 1:
        if not sigs and not document.recipients:
            return
        # Nơi nhận on the left, the signature on the right, on the same row (NĐ30, ô 8–9).
        table = fixed_table(doc, 1, [RECIPIENTS_WIDTH + page.spare, SIGNATURE_WIDTH], borders=False)
        row = table.rows[0]
        pad_right(row.cells[0], page.spare)
        cant_split(row)
        left, right = row.cells
        left.vertical_alignment = right.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        if document.recipients:
            add_recipients(left, doc, document.recipients)
        if sigs:
            add_signature(right, sigs[0], with_unit=True)
        # Air between the last body paragraph and the closing block, the same in both cells so
        # that "Nơi nhận:" and the first line of the signature stand on one line.
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.space_before = Pt(6)
        return
    # A covenant: one column per member, at most three a row. The member units take a row of
    # their own, so that a unit name wrapped over two lines does not push its signer's title
    # and name below those of the neighbouring columns.
    start = 0
    for count in balanced_rows(len(sigs)):
        group = sigs[start:start + count]
        width = page.text_width // count
        inner = width - 2 * GRID_CELL_MARGIN
        size = fitting_size([t for s in group for t in (s.on_behalf, s.position, s.name) if t],
                             inner)
        has_units = any(s.unit for s in group)
        # Unit names are longer ("CÔNG ĐOÀN TRƯỜNG THPT …"): smaller if that keeps them on one
        # line, but never below 12 pt; beyond that they wrap between words.
        unit_size = max(Pt(12), min(size, fitting_size([s.unit for s in group if s.unit],
                                                        inner)))
        table = fixed_table(doc, 2 if has_units else 1, [width] * count, borders=False)
        cell_margins(table, GRID_CELL_MARGIN)
        for row in table.rows:
            cant_split(row)
        if has_units:
            # Keep the units with their signatures on one page.
            for cell, sig in zip(table.rows[0].cells, group, strict=True):
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
                p = CellWriter(cell).paragraph(before=Pt(12))
                p.paragraph_format.keep_with_next = True
                if sig.unit:
                    text = nobreak(balanced(sig.unit, unit_size, True, inner))
                    add_text(p, text, Pt(unit_size.pt), bold=True)
        for cell, sig in zip(table.rows[-1].cells, group, strict=True):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
            add_signature(cell, sig, size)
            if not has_units:
                cell.paragraphs[0].paragraph_format.space_before = Pt(12)
        start += count
    if document.recipients:
        add_recipients(None, doc, document.recipients)
