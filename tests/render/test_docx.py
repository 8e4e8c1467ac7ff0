"""The DOCX writer: reopen the bytes and check the page, the fonts and every part of NĐ30's frame."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from xml.etree import ElementTree

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from thidua_cli.render.document import (
    Document,
    Header,
    Heading,
    Paragraph,
    Run,
    Signature,
    Table,
    parse_body,
)
from thidua_cli.render.docx import (
    balanced,
    balanced_rows,
    column_widths,
    set_width,
    text_width,
    to_docx,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

PLAN_BODY = """
Năm 2020 là năm kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2020).

# I. MỤC ĐÍCH, YÊU CẦU

## 1. Mục đích

Động viên **đoàn viên** thi đua *lao động giỏi*.

- Thi đua hoàn thành chỉ tiêu;
- Gắn với học tập và làm theo Bác.

### a) Khối doanh nghiệp

| Nội dung | Chỉ tiêu |
|---|---|
| Lao động tiên tiến | trên 75% |
| Sáng kiến | ít nhất 30 |

>> Thi đua là yêu nước!

Trên đây là Kế hoạch./.
"""


def plan() -> Document:
    return Document(
        kind="plan",
        stem="bac-tu-liem-2020-ke-hoach",
        header=Header("LĐLĐ THÀNH PHỐ HÀ NỘI", "LĐLĐ QUẬN BẮC TỪ LIÊM", "Số: 05/KH-LĐLĐ",
                      "Bắc Từ Liêm, ngày 03 tháng 01 năm 2020"),
        title="KẾ HOẠCH",
        subject="Phát động phong trào thi đua năm 2020",
        body=parse_body(PLAN_BODY),
        signatures=(Signature("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Thùy Chi"),),
        recipients=("LĐLĐ Thành phố (để b/c)", "Các CĐCS (để t/h)", "Lưu: VT, LĐLĐ"),
    )


MEMBERS = (
    ("CÔNG ĐOÀN CÔNG TY A", "Trần Văn An"),
    ("CÔNG ĐOÀN CÔNG TY B", "Lê Thị Bình"),
    ("CÔNG ĐOÀN TRƯỜNG THPT C", "Phạm Văn Cường"),
    ("CÔNG ĐOÀN BỆNH VIỆN D", "Hoàng Thị Dung"),
    ("CÔNG ĐOÀN PHƯỜNG E", "Vũ Văn Em"),
)


def covenant() -> Document:
    return Document(
        kind="covenant",
        stem="cum-3-2020-giao-uoc",
        header=Header("LĐLĐ QUẬN BẮC TỪ LIÊM", "CỤM THI ĐUA SỐ 3", None,
                      "Bắc Từ Liêm, ngày 10 tháng 02 năm 2020"),
        title="BẢN GIAO ƯỚC THI ĐUA",
        subject="Năm 2020",
        body=(Paragraph((Run("Các đơn vị cam kết./."),)),),
        signatures=tuple(Signature("TM. BAN CHẤP HÀNH", "CHỦ TỊCH", name, unit=unit)
                         for unit, name in MEMBERS),
    )


def blanks() -> Document:
    return Document(
        kind="plan",
        stem="blanks",
        header=Header(None, "LĐLĐ QUẬN BẮC TỪ LIÊM", "Số: …/KH-LĐLĐ",
                      "Bắc Từ Liêm, ngày … tháng … năm 2020"),
        title="KẾ HOẠCH",
        subject=None,
        body=(Paragraph((Run("Nội dung./."),)),),
        signatures=(Signature("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", None),),
    )


def reopen(document: Document, spaces: bool = True) -> docx.document.Document:
    """The DOCX read back. With ``spaces``, the no-break spaces that keep names whole
    (render/wrap.py) read as the spaces they print as: the tests below compare the text."""
    data = to_docx(document)
    if spaces:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                content = src.read(info)
                if info.filename == "word/document.xml":
                    content = content.replace("\u00a0".encode(), b" ")
                dst.writestr(info, content)
        data = out.getvalue()
    return docx.Document(io.BytesIO(data))


def texts(container: object) -> list[str]:
    """Non-empty paragraph texts in reading order, tables included (row by row, cell by cell)."""
    element = container.element.body if hasattr(container, "element") else container
    out = []
    for p in element.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if text:
            out.append(text)
    return out


def cell_runs(cell: object) -> list[tuple[str, bool | None, bool | None, float | None]]:
    return [(r.text, r.bold, r.italic, r.font.size.pt if r.font.size else None)
            for p in cell.paragraphs for r in p.runs if r.text]


# --------------------------------------------------------------------------- the whole text


def test_plan_text_in_reading_order():
    d = reopen(plan())
    assert texts(d) == [
        "LĐLĐ THÀNH PHỐ HÀ NỘI", "LĐLĐ QUẬN BẮC TỪ LIÊM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/KH-LĐLĐ", "Bắc Từ Liêm, ngày 03 tháng 01 năm 2020",
        "KẾ HOẠCH", "Phát động phong trào thi đua năm 2020",
        "Năm 2020 là năm kỷ niệm 91 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2020).",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "Động viên đoàn viên thi đua lao động giỏi.",
        "- Thi đua hoàn thành chỉ tiêu;",
        "- Gắn với học tập và làm theo Bác.",
        "a) Khối doanh nghiệp",
        "Nội dung", "Chỉ tiêu", "Lao động tiên tiến", "trên 75%", "Sáng kiến", "ít nhất 30",
        "Thi đua là yêu nước!",
        "Trên đây là Kế hoạch./.",
        "Nơi nhận:", "- LĐLĐ Thành phố (để b/c);", "- Các CĐCS (để t/h);", "- Lưu: VT, LĐLĐ.",
        "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Thùy Chi",
    ]


def test_ends_with_the_templates_own_closing_mark_only_once():
    body = [t for t in texts(reopen(plan())) if t.endswith("./.")]
    assert body == ["Trên đây là Kế hoạch./."]


def test_valid_package_that_word_and_libreoffice_open():
    data = to_docx(plan())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        names = set(z.namelist())
        assert {"[Content_Types].xml", "word/document.xml", "word/styles.xml",
                "docProps/core.xml", "word/_rels/document.xml.rels"} <= names
        for name in sorted(n for n in names if n.endswith((".xml", ".rels"))):
            ElementTree.fromstring(z.read(name))   # well-formed, or this raises
        document_xml = ElementTree.fromstring(z.read("word/document.xml"))
    body = document_xml.find(f"{W}body")
    # The section properties close the body, as the schema requires.
    assert body[-1].tag == f"{W}sectPr"
    # Every table cell ends with a paragraph (Word reports a corrupt file otherwise).
    for tc in body.iter(f"{W}tc"):
        assert tc[-1].tag == f"{W}p"


# --------------------------------------------------------------------------- the page


def test_a4_portrait_and_margins():
    sect = reopen(plan()).sections[0]._sectPr
    pg_sz = sect.find(qn("w:pgSz"))
    assert (pg_sz.get(qn("w:w")), pg_sz.get(qn("w:h"))) == ("11906", "16838")   # 210 × 297 mm
    assert pg_sz.get(qn("w:orient")) in (None, "portrait")
    mar = sect.find(qn("w:pgMar"))
    # twentieths of a point: 20 mm = 1134, 30 mm = 1701, 15 mm = 850
    assert {k: mar.get(qn(f"w:{k}")) for k in ("top", "bottom", "left", "right")} == {
        "top": "1134", "bottom": "1134", "left": "1701", "right": "850"}


def test_times_new_roman_everywhere_and_vietnamese_language():
    d = reopen(plan())
    styles = d.styles.element
    fonts = list(styles.iter(qn("w:rFonts")))
    assert len(fonts) > 3
    for rfonts in fonts:
        assert {k: rfonts.get(qn(f"w:{k}")) for k in ("ascii", "hAnsi", "cs", "eastAsia")} == {
            "ascii": "Times New Roman", "hAnsi": "Times New Roman",
            "cs": "Times New Roman", "eastAsia": "Times New Roman"}
        assert [a for a in rfonts.attrib if "Theme" in a or "theme" in a] == []
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
    normal = d.styles["Normal"]
    assert normal.element.rPr.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(14)
    assert str(normal.font.color.rgb) == "000000"
    # No run anywhere names another font.
    run_fonts = {rf.get(qn("w:ascii")) for rf in d.element.body.iter(qn("w:rFonts"))}
    assert run_fonts <= {"Times New Roman"}


def test_body_justified_with_first_line_indent_and_spacing():
    d = reopen(plan())
    fmt = d.styles["Normal"].paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert fmt.first_line_indent.twips == 720                 # 1.27 cm
    assert fmt.space_after == Pt(6)
    assert fmt.line_spacing == 1.15
    paragraph = next(p for p in d.paragraphs if p.text.startswith("Năm 2020"))
    assert paragraph.style.name == "Normal"
    assert paragraph.paragraph_format.alignment is None       # inherits justification
    assert paragraph.paragraph_format.first_line_indent is None
    item = next(p for p in d.paragraphs if p.text.startswith("- Thi đua"))
    assert (item.style.name, item.paragraph_format.alignment) == ("Normal", None)
    centred = next(p for p in d.paragraphs if p.text == "Thi đua là yêu nước!")
    assert centred.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert centred.paragraph_format.first_line_indent == 0


def test_inline_emphasis_kept():
    d = reopen(plan())
    p = next(p for p in d.paragraphs if p.text.startswith("Động viên"))
    assert [(r.text, r.bold, r.italic) for r in p.runs] == [
        ("Động viên ", None, None), ("đoàn viên", True, None), (" thi đua ", None, None),
        ("lao động giỏi", None, True), (".", None, None)]


def test_headings_by_level():
    d = reopen(plan())
    headings = [(p.text, p.style.name) for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [("I. MỤC ĐÍCH, YÊU CẦU", "Heading 1"), ("1. Mục đích", "Heading 2"),
                        ("a) Khối doanh nghiệp", "Heading 3")]
    h1, h2, h3 = (d.styles[f"Heading {n}"] for n in (1, 2, 3))
    assert [(s.font.bold, s.font.italic, s.font.size, str(s.font.color.rgb)) for s in (h1, h2, h3)] == [
        (True, False, Pt(14), "000000"), (True, False, Pt(14), "000000"),
        (False, True, Pt(14), "000000")]
    assert h1.paragraph_format.keep_with_next is True


# --------------------------------------------------------------------------- the header


def test_two_column_header():
    d = reopen(plan())
    header = d.tables[0]
    assert len(header.columns) == 2
    # Borderless.
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    assert cell_runs(header.cell(0, 0)) == [
        ("LĐLĐ THÀNH PHỐ HÀ NỘI", False, None, 13.0),
        ("LĐLĐ QUẬN BẮC TỪ LIÊM", True, None, 13.0),
    ]
    assert cell_runs(header.cell(0, 1)) == [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, None, 12.0),
        ("Độc lập - Tự do - Hạnh phúc", True, None, 13.0),
    ]
    # Số and the place-and-date line share the second row.
    assert cell_runs(header.cell(1, 0)) == [("Số: 05/KH-LĐLĐ", None, None, 13.0)]
    assert cell_runs(header.cell(1, 1)) == [
        ("Bắc Từ Liêm, ngày 03 tháng 01 năm 2020", None, True, 14.0)]
    for cell in (header.cell(0, 0), header.cell(0, 1), header.cell(1, 0), header.cell(1, 1)):
        assert {p.paragraph_format.alignment for p in cell.paragraphs} == {WD_ALIGN_PARAGRAPH.CENTER}


def rule_length_twips(paragraph: object, available_twips: int) -> int:
    pPr = paragraph._p.pPr
    bottom = pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert (bottom.get(qn("w:val")), bottom.get(qn("w:color"))) == ("single", "000000")
    ind = paragraph.paragraph_format
    assert ind.left_indent == ind.right_indent
    return available_twips - ind.left_indent.twips - ind.right_indent.twips


def test_rules_under_issuer_motto_and_subject():
    d = reopen(plan())
    header = d.tables[0]
    left_rule = header.cell(0, 0).paragraphs[-1]
    right_rule = header.cell(0, 1).paragraphs[-1]
    assert (left_rule.text, right_rule.text) == ("", "")
    left_avail = header.cell(0, 0).width.twips - 2 * 108
    right_avail = header.cell(0, 1).width.twips - 2 * 108
    issuer = text_width("LĐLĐ QUẬN BẮC TỪ LIÊM", Pt(13), bold=True).twips
    motto = text_width("Độc lập - Tự do - Hạnh phúc", Pt(13), bold=True).twips
    # The issuer's rule: 40% of its name (NĐ30: a third to a half); the motto's: as long as it.
    assert abs(rule_length_twips(left_rule, left_avail) - 0.4 * issuer) <= 2
    assert abs(rule_length_twips(right_rule, right_avail) - motto) <= 2
    paragraphs = d.paragraphs
    subject = paragraphs[next(i for i, p in enumerate(paragraphs)
                              if p.text.startswith("Phát động")) + 1]
    subject_w = text_width("Phát động phong trào thi đua năm 2020", Pt(14), bold=True).twips
    assert subject.text == ""
    # A third of the subject (84 mm here, so 28 mm = 1584 twips).
    assert round(subject_w / 3) == 1584
    assert abs(rule_length_twips(subject, 9354) - 1584) <= 2      # 9354 twips: 165 mm of text


@pytest.mark.parametrize(("subject", "share"), [
    ("Năm 2020", 1 / 2),                                     # 22 mm: half
    ("Phát động thi đua năm 2020", None),                    # 60 mm: 25 mm
])
def test_rule_under_a_short_subject_between_a_third_and_a_half(subject, share):
    d = reopen(replace(plan(), subject=subject))
    paragraphs = d.paragraphs
    rule = paragraphs[next(i for i, p in enumerate(paragraphs) if p.text == subject) + 1]
    width = text_width(subject, Pt(14), bold=True).twips
    length = rule_length_twips(rule, 9354)
    expected = width * share if share else Mm(25).twips
    assert abs(length - expected) <= 2
    assert width / 3 - 2 <= length <= width / 2 + 2


def test_title_and_subject():
    d = reopen(plan())
    title = next(p for p in d.paragraphs if p.text == "KẾ HOẠCH")
    subject = next(p for p in d.paragraphs if p.text.startswith("Phát động"))
    for p in (title, subject):
        assert p.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert [(r.bold, r.font.size) for r in p.runs] == [(True, Pt(14))]


def test_blanks_left_for_the_clerk():
    d = reopen(blanks())
    header = d.tables[0]
    assert texts(header._tbl) == [
        "LĐLĐ QUẬN BẮC TỪ LIÊM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: …/KH-LĐLĐ", "Bắc Từ Liêm, ngày … tháng … năm 2020"]
    # No name: the signature block keeps its title and leaves the name line empty.
    closing = d.tables[-1]
    assert texts(closing._tbl) == ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"]
    right = closing.cell(0, 1)
    assert right.paragraphs[-1].text == ""
    # No subject: no rule under the title either.
    assert [p.text for p in d.paragraphs] == ["KẾ HOẠCH", "Nội dung./."]


# --------------------------------------------------------------------------- page numbers


def test_page_numbers_from_page_two():
    d = reopen(plan())
    section = d.sections[0]
    assert section.different_first_page_header_footer is True
    assert section._sectPr.find(qn("w:titlePg")) is not None
    instr = [t.text for t in section.header._element.iter(qn("w:instrText"))]
    assert instr == [" PAGE "]
    kinds = [f.get(qn("w:fldCharType")) for f in section.header._element.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    assert section.header.paragraphs[0].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert section.first_page_header.is_linked_to_previous is False
    assert list(section.first_page_header._element.iter(qn("w:instrText"))) == []
    assert list(section.first_page_header._element.iter(qn("w:fldSimple"))) == []


# --------------------------------------------------------------------------- body table


def test_body_table_with_borders_and_repeated_bold_header():
    d = reopen(plan())
    table = d.tables[1]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Nội dung", "Chỉ tiêu"], ["Lao động tiên tiến", "trên 75%"], ["Sáng kiến", "ít nhất 30"]]
    assert table.style.name == "Table Grid"
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"single"}
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    assert {r.bold for c in table.rows[0].cells for p in c.paragraphs for r in p.runs} == {True}
    assert {r.bold for c in table.rows[1].cells for p in c.paragraphs for r in p.runs} == {None}
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert abs(sum(widths) - 9354) <= 2
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


# --------------------------------------------------------------------------- signature


def test_signature_beside_recipients():
    d = reopen(plan())
    closing = d.tables[-1]
    assert len(closing.columns) == 2
    assert {b.get(qn("w:val")) for b in closing._tbl.tblPr.find(qn("w:tblBorders"))} == {"nil"}
    assert cell_runs(closing.cell(0, 0)) == [
        ("Nơi nhận:", True, True, 12.0),
        ("- LĐLĐ Thành phố (để b/c);", None, None, 11.0),
        ("- Các CĐCS (để t/h);", None, None, 11.0),
        ("- Lưu: VT, LĐLĐ.", None, None, 11.0),
    ]
    assert {p.paragraph_format.alignment for p in closing.cell(0, 0).paragraphs} == {
        WD_ALIGN_PARAGRAPH.LEFT}
    right = closing.cell(0, 1)
    assert cell_runs(right) == [
        ("TM. BAN THƯỜNG VỤ", True, None, 14.0),
        ("CHỦ TỊCH", True, None, 14.0),
        ("Nguyễn Thùy Chi", True, None, 14.0),
    ]
    # Four empty lines between the title and the name, for the signature and the stamp.
    assert [p.text for p in right.paragraphs] == [
        "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "", "", "", "", "Nguyễn Thùy Chi"]
    # The block is never split over two pages, nor left alone on one.
    assert closing.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    assert d.paragraphs[-1].text == "Trên đây là Kế hoạch./."
    assert d.paragraphs[-1].paragraph_format.keep_with_next is True


def test_covenant_one_column_per_member_three_a_row():
    d = reopen(covenant())
    grids = d.tables[1:]
    assert [len(t.columns) for t in grids] == [3, 2]
    units = [c.text for t in grids for c in t.rows[0].cells]
    # A name too long for a third of the page is broken at the start of a part (12 pt),
    # never leaving a word alone on the last line; two to a row they fit at the titles' size.
    assert units == ["CÔNG ĐOÀN CÔNG TY A", "CÔNG ĐOÀN CÔNG TY B", "CÔNG ĐOÀN\nTRƯỜNG THPT C",
                     "CÔNG ĐOÀN BỆNH VIỆN D", "CÔNG ĐOÀN PHƯỜNG E"]
    unit_sizes = [{r.font.size for p in c.paragraphs for r in p.runs}
                  for t in grids for c in t.rows[0].cells]
    assert unit_sizes == [{Pt(12)}] * 3 + [{Pt(14)}] * 2
    names = [c.paragraphs[-1].text for t in grids for c in t.rows[1].cells]
    assert names == [n for _, n in MEMBERS]
    for t in grids:
        for cell in t.rows[1].cells:
            assert [p.text for p in cell.paragraphs][:2] == ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"]
        # TM. BAN CHẤP HÀNH is 52 mm at 14 pt: in a third of the page (54 mm inside) it would
        # touch its neighbours, so 13 pt there; 14 pt in halves.
        sizes = {r.font.size for c in t.rows[1].cells for p in c.paragraphs for r in p.runs}
        assert sizes == ({Pt(13)} if len(t.columns) == 3 else {Pt(14)})
        margins = t._tbl.tblPr.find(qn("w:tblCellMar"))
        assert [(m.tag.removeprefix(W), m.get(qn("w:w"))) for m in margins] == [
            ("left", "30"), ("right", "30")]
    # No Nơi nhận on a covenant without recipients.
    assert "Nơi nhận:" not in texts(d)


def test_balanced_signature_rows():
    assert [balanced_rows(n) for n in (1, 2, 3, 4, 5, 6, 7, 10)] == [
        [1], [2], [3], [2, 2], [3, 2], [3, 3], [3, 2, 2], [3, 3, 2, 2]]


# --------------------------------------------------------------------------- metadata


def test_core_properties():
    props = reopen(plan()).core_properties
    assert props.title == "KẾ HOẠCH Phát động phong trào thi đua năm 2020"
    assert props.language == "vi-VN"
    assert props.author == "LĐLĐ QUẬN BẮC TỪ LIÊM"


def test_meta_overrides_core_properties():
    doc = plan()
    doc.meta.update({"title": "Kế hoạch thi đua 2020", "keywords": "thi đua; 2020"})
    props = reopen(doc).core_properties
    assert (props.title, props.keywords) == ("Kế hoạch thi đua 2020", "thi đua; 2020")


# --------------------------------------------------------------------------- widths


@pytest.mark.parametrize(("vietnamese", "base", "bold"), [
    ("Độc", "Doc", True), ("ữ", "u", False), ("Ậ", "A", True), ("đ", "d", False)])
def test_vietnamese_letters_measure_as_their_base(vietnamese, base, bold):
    assert text_width(vietnamese, Pt(13), bold) == text_width(base, Pt(13), bold)


def test_text_width_from_times_metrics():
    # "A" is 1479/2048 em in Times New Roman regular: at 14 pt, 10.11 pt = 128,400 EMU.
    assert text_width("A", Pt(14)) == round(1479 * Pt(14) / 2048)
    assert text_width("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Pt(12), bold=True).mm == pytest.approx(
        88.0, abs=0.5)


def test_heading_and_table_blocks_from_the_model_directly():
    doc = Document(
        kind="kickoff", stem="k",
        header=Header(None, "CÔNG ĐOÀN CÔNG TY A", None, "Hà Nội, ngày 28 tháng 7 năm 2020"),
        title="LỜI PHÁT ĐỘNG", subject=None,
        body=(Heading(1, (Run("I. "), Run("MỞ ĐẦU", italic=True))),
              Table(((Run("A"),), (Run("B"),), (Run("C"),)),
                    (((Run("1"),), (Run("2"),)),))),
        signatures=(),
    )
    d = reopen(doc)
    assert texts(d) == ["CÔNG ĐOÀN CÔNG TY A", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 28 tháng 7 năm 2020",
                        "LỜI PHÁT ĐỘNG", "I. MỞ ĐẦU", "A", "B", "C", "1", "2"]
    # A short row gets empty cells, not a ragged table.
    assert [c.text for c in d.tables[1].rows[1].cells] == ["1", "2", ""]
    # Neither signatures nor recipients: no closing table.
    assert len(d.tables) == 2


# --------------------------------------------------------------------------- schema order

# Word rejects a file ("unreadable content") when the children of these property elements are
# out of the order ECMA-376 prescribes; LibreOffice does not care, so only a test catches it.
ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
           "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
           "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
           "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
           "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
           "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
           "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW "
             "jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
            "tcFitText vAlign hideMark",
    "pBdr": "top left bottom right between bar",
    "tblBorders": "top left bottom right insideH insideV",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
              "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection "
              "bidi rtlGutter docGrid printerSettings",
}


def out_of_order(root: ElementTree.Element) -> list[str]:
    found = []
    for tag, sequence in ORDER.items():
        rank = {name: i for i, name in enumerate(sequence.split())}
        if tag == "sectPr":
            rank["footerReference"] = rank["headerReference"]   # one choice group
        for el in root.iter(f"{W}{tag}"):
            names = [child.tag.removeprefix(W) for child in el]
            ranks = [rank.get(n, -1) for n in names]
            if -1 in ranks or ranks != sorted(ranks):
                found.append(f"{tag}: {names}")
    return found


@pytest.mark.parametrize("make", [plan, covenant, blanks])
def test_property_elements_in_schema_order(make):
    with zipfile.ZipFile(io.BytesIO(to_docx(make()))) as z:
        parts = [n for n in z.namelist()
                 if n.startswith("word/") and n.endswith(".xml")
                 and n.split("/")[-1].startswith(("document", "styles", "header"))]
        assert "word/document.xml" in parts and "word/styles.xml" in parts
        problems = [f"{n}: {p}" for n in parts for p in out_of_order(ElementTree.fromstring(z.read(n)))]
    assert problems == []


def test_settings_current_word_mode_and_vietnamese():
    settings = reopen(plan()).settings.element
    modes = [c.get(qn("w:val")) for c in settings.iter(qn("w:compatSetting"))
             if c.get(qn("w:name")) == "compatibilityMode"]
    assert modes == ["15"]
    assert [t.get(qn("w:val")) for t in settings.iter(qn("w:themeFontLang"))] == ["vi-VN"]
    assert list(settings.iter(qn("w:proofState"))) == []


def test_width_of_a_broken_line_is_its_longest_line():
    assert text_width("LIÊN ĐOÀN LAO ĐỘNG\nQUẬN BẮC TỪ LIÊM", Pt(13), True) == text_width(
        "LIÊN ĐOÀN LAO ĐỘNG", Pt(13), True)


def test_issuer_broken_over_two_lines_keeps_the_break():
    doc = replace(blanks(), header=Header(
        "LĐLĐ THÀNH PHỐ HÀ NỘI", "LIÊN ĐOÀN LAO ĐỘNG\nQUẬN BẮC TỪ LIÊM", None, "Hà Nội"))
    cell = reopen(doc).tables[0].cell(0, 0)
    issuer = cell.paragraphs[1]
    assert len(list(issuer._p.iter(qn("w:br")))) == 1
    assert issuer.text == "LIÊN ĐOÀN LAO ĐỘNG\nQUẬN BẮC TỪ LIÊM"


def test_covenant_recipients_follow_the_signatures():
    doc = replace(covenant(), recipients=("Các đơn vị trong cụm", "Lưu: VT"))
    d = reopen(doc)
    assert texts(d)[-3:] == ["Nơi nhận:", "- Các đơn vị trong cụm;", "- Lưu: VT."]
    assert [p.paragraph_format.alignment for p in d.paragraphs[-3:]] == [WD_ALIGN_PARAGRAPH.LEFT] * 3
    assert [(r.bold, r.italic, r.font.size) for r in d.paragraphs[-3].runs] == [(True, True, Pt(12))]


def test_no_leftovers_of_the_library_template():
    data = to_docx(plan())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        content_types = z.read("[Content_Types].xml").decode()
        rels = z.read("_rels/.rels").decode() + z.read("word/_rels/document.xml.rels").decode()
    assert [n for n in names if "thumbnail" in n or "stylesWithEffects" in n or n == "docProps/app.xml"] == []
    assert ("thumbnail" in rels, "stylesWithEffects" in rels, "extended-properties" in rels) == (
        False, False, False)
    assert ("stylesWithEffects" in content_types, "extended-properties" in content_types) == (
        False, False)


def test_created_date_from_meta():
    doc = plan()
    doc.meta["created"] = "2020-01-03T08:00:00+07:00"     # Hà Nội time
    props = reopen(doc).core_properties
    assert (props.created.isoformat(), props.modified.isoformat()) == (
        "2020-01-03T01:00:00+00:00", "2020-01-03T01:00:00+00:00")


def test_created_defaults_to_now_not_the_template_date():
    assert reopen(plan()).core_properties.created.year >= 2024


def test_set_width_follows_the_wrapped_lines():
    line1 = text_width("LIÊN ĐOÀN LAO ĐỘNG", Pt(13), True)
    line2 = text_width("QUẬN BẮC TỪ LIÊM", Pt(13), True)
    whole = text_width("LIÊN ĐOÀN LAO ĐỘNG QUẬN BẮC TỪ LIÊM", Pt(13), True)
    column = line1 + 1000                  # line 1 fits, a space and "QUẬN" more do not
    assert set_width("LIÊN ĐOÀN LAO ĐỘNG QUẬN BẮC TỪ LIÊM", Pt(13), True, column) == max(line1, line2)
    assert set_width("LIÊN ĐOÀN LAO ĐỘNG QUẬN BẮC TỪ LIÊM", Pt(13), True, whole) == whole
    # A single word wider than the column is cut by the editor at the column.
    assert set_width("NGHĨANGHĨANGHĨA", Pt(13), True, 100) == 100


def test_rule_under_a_wrapped_issuer_follows_its_longest_line():
    doc = replace(plan(), header=replace(plan().header, issuer="LIÊN ĐOÀN LAO ĐỘNG QUẬN BẮC TỪ LIÊM"))
    cell = reopen(doc).tables[0].cell(0, 0)
    available = cell.width.twips - 2 * 108
    longest = max(text_width("LIÊN ĐOÀN LAO ĐỘNG", Pt(13), True),
                  text_width("QUẬN BẮC TỪ LIÊM", Pt(13), True))
    assert abs(rule_length_twips(cell.paragraphs[-1], available) - 0.4 * longest.twips) <= 2


def test_balanced_breaks():
    column = Mm(60)
    assert balanced("LIÊN ĐOÀN LAO ĐỘNG HUYỆN BẮC MÊ", Pt(12), True, column) == (
        "LIÊN ĐOÀN LAO ĐỘNG\nHUYỆN BẮC MÊ")
    # 65.6 mm + 33.6 mm at 12 pt; "NGÀNH … HÀ GIANG" alone would be 73 mm.
    assert balanced("CÔNG ĐOÀN NGÀNH GIÁO DỤC TỈNH HÀ GIANG", Pt(12), True, Mm(70)) == (
        "CÔNG ĐOÀN NGÀNH GIÁO DỤC\nTỈNH HÀ GIANG")
    assert balanced("CÔNG ĐOÀN NGÀNH GIÁO DỤC TỈNH HÀ GIANG", Pt(12), True, Mm(51)) == (
        "CÔNG ĐOÀN\nNGÀNH GIÁO DỤC\nTỈNH HÀ GIANG")
    # Fits, already broken by the builder, or no break at the start of a part makes it fit:
    # left to the editor.
    assert balanced("CỤM THI ĐUA SỐ 3", Pt(13), True, column) == "CỤM THI ĐUA SỐ 3"
    assert balanced("A B\nC", Pt(13), True, Mm(1)) == "A B\nC"
    assert balanced("NGHĨANGHĨANGHĨA NGHĨA", Pt(13), True, Mm(20)) == "NGHĨANGHĨANGHĨA NGHĨA"
    assert balanced("CÔNG ĐOÀN HUYỆN A", Pt(13), True, Mm(10)) == "CÔNG ĐOÀN HUYỆN A"


def test_column_widths_like_autofit():
    table = Table(
        ((Run("TT"),), (Run("Nội dung"),), (Run("Đơn vị tính"),), (Run("Chỉ tiêu"),)),
        (((Run("1"),), (Run("đoàn viên được đổi thẻ đoàn viên công đoàn " * 3),), (Run("%"),),
          (Run("từ 90% trở lên"),)),),
    )
    widths = column_widths(table)
    assert sum(widths) == Mm(165) // 1 or abs(sum(widths) - Mm(165)) <= 1
    pad = 2 * Pt(5.4) + Pt(2)
    # The short columns keep the width of their longest text on one line …
    assert abs(widths[0] - (text_width("TT", Pt(13), True) + pad)) <= 1
    assert abs(widths[3] - (text_width("từ 90% trở lên", Pt(13)) + pad)) <= 1
    # … a heading wider than its column's data goes on two lines ("Đơn vị / tính") …
    assert abs(widths[2] - (text_width("Đơn vị", Pt(13), True) + pad)) <= 1
    # … and the long content takes the rest.
    assert widths[1] == Mm(165) - widths[0] - widths[2] - widths[3]


def test_characters_xml_cannot_carry_become_replacement_marks():
    # YAML's "\x01" escape can bring them from the registry; the document must still be written.
    doc = replace(plan(), title="KẾ\x01HOẠCH", subject="Năm\x002020",
                  body=(Paragraph((Run("a\x0bb\ufffe"),)),))
    d = reopen(doc)
    assert texts(d)[6:9] == ["KẾ\ufffdHOẠCH", "Năm\ufffd2020", "a\ufffdb\ufffd"]
    assert d.core_properties.title == "KẾ\ufffdHOẠCH Năm\ufffd2020"


def test_short_value_columns_centred():
    doc = replace(plan(), body=(Table(
        ((Run("TT"),), (Run("Nội dung"),), (Run("Đơn vị"),)),
        (((Run("1"),), (Run("đoàn viên được đổi thẻ"),), (Run("%"),)),
         ((Run("2"),), (Run("công đoàn cơ sở vững mạnh"),), (Run("100%"),)))),))
    table = reopen(doc).tables[1]
    assert [[c.paragraphs[0].paragraph_format.alignment for c in row.cells] for row in table.rows] == [
        [WD_ALIGN_PARAGRAPH.CENTER] * 3,
        [WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER],
        [WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER],
    ]


def test_long_place_date_line_steps_down_to_13_pt_when_that_fits():
    def size_of(place_date):
        doc = replace(plan(), header=replace(plan().header, place_date=place_date))
        return cell_runs(reopen(doc).tables[0].cell(1, 1))[0][3]

    # 83 mm, 92 mm and 106 mm in italic at 14 pt; the column holds 93 mm.
    assert size_of("Bắc Từ Liêm, ngày 03 tháng 01 năm 2020") == 14.0
    assert size_of("TP. Hồ Chí Minh, ngày 03 tháng 01 năm 2020") == 13.0
    assert size_of("Thành phố Hồ Chí Minh, ngày 03 tháng 01 năm 2020") == 14.0   # wraps anyway


def test_single_signature_with_its_unit_above():
    doc = replace(plan(), signatures=(
        Signature("TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "Lê Văn Em", unit="CÔNG ĐOÀN CÔNG TY A"),))
    right = reopen(doc).tables[-1].cell(0, 1)
    assert [p.text for p in right.paragraphs] == [
        "CÔNG ĐOÀN CÔNG TY A", "TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "", "", "", "", "Lê Văn Em"]


def test_empty_document_is_still_a_valid_page():
    doc = replace(blanks(), body=(), signatures=(), recipients=())
    d = reopen(doc)
    assert texts(d) == ["LĐLĐ QUẬN BẮC TỪ LIÊM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc", "Số: …/KH-LĐLĐ",
                        "Bắc Từ Liêm, ngày … tháng … năm 2020", "KẾ HOẠCH"]
    assert len(d.tables) == 1


def test_same_input_same_bytes_with_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1578009600")          # 2020-01-03 00:00 UTC
    first, second = to_docx(plan()), to_docx(plan())
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(2020, 1, 3, 0, 0, 0)}
        assert z.namelist()[0] == "[Content_Types].xml"       # first, as some readers expect
    props = docx.Document(io.BytesIO(first)).core_properties
    assert props.created.isoformat() == "2020-01-03T00:00:00+00:00"


def test_names_in_the_frame_are_never_broken_inside_a_word_or_a_place() -> None:
    doc = replace(plan(), header=Header(superior="LĐLĐ QUẬN BẮC TỪ LIÊM",
                                        issuer="CÔNG ĐOÀN TRƯỜNG TIỂU HỌC XUÂN ĐỈNH",
                                        number="Số: 03/KH-CĐ",
                                        place_date="Bắc Từ Liêm, ngày 18 tháng 9 năm 2020"))
    d = reopen(doc, spaces=False)
    left, right = d.tables[0].rows[0].cells[0], d.tables[0].rows[1].cells[1]
    assert [p.text for p in left.paragraphs if p.text] == [
        "LĐLĐ QUẬN\u00a0BẮC\u00a0TỪ\u00a0LIÊM",
        # Too long for the column when broken before TRƯỜNG: broken where no word is split.
        "CÔNG\u00a0ĐOÀN\u00a0TRƯỜNG\nTIỂU\u00a0HỌC XUÂN\u00a0ĐỈNH"]
    assert right.paragraphs[0].text == "Bắc\u00a0Từ\u00a0Liêm, ngày\u00a018 tháng\u00a09 năm\u00a02020"
