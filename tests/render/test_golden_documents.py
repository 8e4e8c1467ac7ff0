"""Every document of the golden registry (tests/render/registry/): one of each kind of campaign
and each level of issuer, as Markdown goldens (easy to review), and what a clerk checks first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.render.golden_files import check_golden
from thidua_cli.render.build import KINDS, applies, build
from thidua_cli.render.document import Heading, Paragraph
from thidua_cli.render.docx import to_docx
from thidua_cli.render.markdown import to_markdown
from thidua_cli.render.view import Index
from thidua_cli.validation import Result, validate

REGISTRY = Path(__file__).resolve().parent / "registry"


@pytest.fixture(scope="module")
def result() -> Result:
    found = validate(REGISTRY)
    assert found.problems == []
    return found


def _documents(result: Result):  # type: ignore[no-untyped-def]
    index = Index.of(result.registry)
    for entry in result.registry.campaigns:
        for kind in KINDS:
            if applies(kind, entry.model):
                yield build(index, entry.model, kind)


CASES = [
    "bac-tu-liem-2020-ke-hoach", "bac-tu-liem-2020-loi-phat-dong",
    "ha-noi-2020-ke-hoach", "ha-noi-2020-loi-phat-dong",
    "ha-noi-cao-diem-2020-ke-hoach", "ha-noi-cao-diem-2020-loi-phat-dong",
    "khoi-cd-nganh-hoa-binh-2021-giao-uoc",
    "may-thang-long-2021-ke-hoach", "may-thang-long-2021-loi-phat-dong",
    "th-xuan-dinh-2020-ke-hoach", "th-xuan-dinh-2020-loi-phat-dong",
    "tld-chuyen-de-2021-ke-hoach", "tld-chuyen-de-2021-loi-phat-dong",
]


def test_the_registry_has_one_document_per_case(result: Result) -> None:
    assert sorted(d.stem for d in _documents(result)) == CASES


@pytest.mark.parametrize("stem", CASES)
def test_golden(request: pytest.FixtureRequest, result: Result, stem: str) -> None:
    (document,) = [d for d in _documents(result) if d.stem == stem]
    check_golden(request, f"registry/{stem}.md", to_markdown(document))


def _text(document) -> str:  # type: ignore[no-untyped-def]
    return "\n".join("".join(r.text for r in b.runs) for b in document.body
                     if isinstance(b, Heading | Paragraph))


def test_what_a_clerk_checks_first(result: Result) -> None:
    for document in _documents(result):
        text = _text(document)
        stem = document.stem
        # Nơi nhận always ends with the filing line; only the registry's references.
        assert document.recipients[-1].startswith("Lưu: VT, "), stem
        assert "…/KH-" not in text and "Kế hoạch số … ngày …" not in text, stem
        # No empty heading: every section heading is followed by something that is not one.
        blocks = document.body
        for block, after in zip(blocks, (*blocks[1:], None), strict=True):
            if isinstance(block, Heading):
                assert after is not None and not (isinstance(after, Heading)
                                                  and after.level <= block.level), stem
        assert text.endswith("./."), stem
        assert "Nhân dịp" not in text or "loi-phat-dong" in stem, stem


@pytest.mark.parametrize("stem", ["th-xuan-dinh-2020-ke-hoach", "th-xuan-dinh-2020-loi-phat-dong"])
def test_a_school_year_is_never_a_calendar_year(result: Result, stem: str) -> None:
    (document,) = [d for d in _documents(result) if d.stem == stem]
    # Its own words, not the cited district plan's title ("… quận Bắc Từ Liêm năm 2020").
    text = "\n".join(line for line in _text(document).splitlines() if not line.startswith("Thực hiện"))
    # "năm 2020" only inside "năm học 2020 - 2021"; never "năm 2021".
    assert re.findall(r"(?<!học )năm 20\d\d", text) == []
    assert "năm học 2020 - 2021" in text
    assert "các cấp công đoàn" not in text.lower() and "công nhân, viên chức" not in text


@pytest.mark.parametrize("stem", ["tld-chuyen-de-2021-ke-hoach", "ha-noi-cao-diem-2020-ke-hoach",
                                  "tld-chuyen-de-2021-loi-phat-dong"])
def test_a_drive_is_worded_as_a_drive(result: Result, stem: str) -> None:
    (document,) = [d for d in _documents(result) if d.stem == stem]
    text = _text(document)
    assert re.findall(r"(?:hết|Kết thúc|kết thúc) năm", text) == []
    assert re.findall(r"cấp trên khen thưởng|đề nghị cấp trên|báo cáo cấp trên", text) == []


def test_the_tld_has_no_superior_to_report_to(result: Result) -> None:
    (document,) = [d for d in _documents(result) if d.stem == "tld-chuyen-de-2021-ke-hoach"]
    assert document.header.superior is None
    assert document.recipients == ("Các cấp công đoàn (để thực hiện)", "Lưu: VT, TLĐ")


def test_the_covenant_counts_its_copies_from_its_recipients(result: Result) -> None:
    (document,) = [d for d in _documents(result) if d.stem == "khoi-cd-nganh-hoa-binh-2021-giao-uoc"]
    text = _text(document)
    assert "Bản giao ước được lập thành 04 bản: mỗi đơn vị thành viên giữ 01 bản, 01 bản gửi LĐLĐ tỉnh Hòa Bình./." in text
    assert document.recipients == ("LĐLĐ tỉnh Hòa Bình (để báo cáo)",
                                   "Các đơn vị thành viên Khối thi đua các Công đoàn ngành", "Lưu: VT, CĐN")
    assert "Công đoàn ngành Y tế tỉnh Hòa Bình (Khối trưởng)" in text and "Cụm" not in text


def test_registry_recipients_keep_their_order_and_get_the_filing_line(result: Result) -> None:
    (document,) = [d for d in _documents(result) if d.stem == "may-thang-long-2021-ke-hoach"]
    assert document.recipients == ("LĐLĐ quận Bắc Từ Liêm (để báo cáo)", "Ban Giám đốc Công ty (để phối hợp)",
                                   "Các tổ công đoàn (để thực hiện)", "Lưu: VT, CĐCS")


def test_every_document_makes_a_docx(result: Result) -> None:
    for document in _documents(result):
        assert to_docx(document)[:2] == b"PK", document.stem
