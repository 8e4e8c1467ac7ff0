"""The builder: NĐ30's frame from the registry, the body from the kind's template."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.render.conftest import PLAN
from thidua_cli.render.build import applies, build
from thidua_cli.render.document import Header, Heading, Paragraph, Signature, Table, plain
from thidua_cli.validation import validate


def _build(root: Path, campaign_id: str, kind: str):  # type: ignore[no-untyped-def]
    result = validate(root)
    assert result.errors == 0
    campaign = next(e.model for e in result.registry.campaigns if e.model.id == campaign_id)
    return build(result.registry, campaign, kind)  # type: ignore[arg-type]


def _texts(document) -> list[str]:  # type: ignore[no-untyped-def]
    return [plain(b.runs) for b in document.body if isinstance(b, (Heading, Paragraph))]


def test_plan_with_a_document_block(render_registry: Callable[..., Path]) -> None:
    doc = _build(render_registry(), "ba-dinh-2020", "plan")
    assert doc.stem == "ba-dinh-2020-ke-hoach"
    assert doc.header == Header(superior="LĐLĐ THÀNH PHỐ HÀ NỘI",
                                issuer="LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH",
                                number="Số: 05/KH-LĐLĐ",
                                place_date="Ba Đình, ngày 03 tháng 01 năm 2020")
    assert (doc.title, doc.subject) == (
        "KẾ HOẠCH", "Phát động phong trào thi đua trong CNVCLĐ quận Ba Đình năm 2020")
    assert doc.signatures == (Signature("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Văn A"),)
    assert doc.recipients == ("LĐLĐ thành phố Hà Nội (để báo cáo)",
                              "Các công đoàn cơ sở trực thuộc (để thực hiện)", "Lưu: VT, LĐLĐ")
    headings = [plain(b.runs) for b in doc.body if isinstance(b, Heading) and b.level == 1]
    assert headings == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG, CHỈ TIÊU THI ĐUA",
                        "III. CÁC ĐỢT THI ĐUA", "IV. TỔ CHỨC THỰC HIỆN"]   # no awards: no KHEN THƯỞNG
    texts = _texts(doc)
    assert texts[-1].endswith("./.")
    assert "2. Đợt 2 (đợt thi đua cao điểm 184 ngày): từ 01/7/2020 đến 31/12/2020" in texts
    assert "# Không phải tiêu đề - chỉ là chữ." in texts   # registry text, not a heading
    assert "1. Động viên CNVCLĐ thi đua | hoàn thành nhiệm vụ năm 2020." in texts
    assert "Trên 75% CBCCVCLĐ đạt danh hiệu “Lao động tiên tiến”;" in texts


def test_plan_without_a_document_block_leaves_the_clerks_blanks(
        render_registry: Callable[..., Path]) -> None:
    plan = PLAN.replace("""document:
  number: 05/KH-LĐLĐ
  date: 2020-01-03
  signer: {name: Nguyễn Văn A, position: Chủ tịch}
""", "")
    doc = _build(render_registry(plan=plan), "ba-dinh-2020", "plan")
    assert doc.header.number == "Số: …/KH-LĐLĐ"
    assert doc.header.place_date == "Ba Đình, ngày … tháng … năm …"
    assert doc.signatures == (Signature("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", None),)


def test_kickoff_dated_by_the_launch_without_a_number(render_registry: Callable[..., Path]) -> None:
    plan = PLAN.replace("  date: 2020-01-03\n", "")
    doc = _build(render_registry(plan=plan), "ba-dinh-2020", "kickoff")
    assert doc.stem == "ba-dinh-2020-loi-phat-dong"
    assert doc.title == "LỜI KÊU GỌI"
    assert doc.header.number is None
    assert doc.header.place_date == "Ba Đình, ngày 09 tháng 01 năm 2020"
    texts = _texts(doc)
    # Dated 09/01: 03/02 (90 năm, a round year) lies ahead; "nhân dịp" is for the day itself.
    assert texts[0] == (
        "Hướng tới kỷ niệm 90 năm ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020), "
        "Ban Thường vụ Liên đoàn Lao động quận Ba Đình phát động phong trào thi đua năm 2020 với chủ đề "
        "“Năm *an toàn* <script>alert(1)</script> {{ 7*7 }}” và kêu gọi toàn thể cán bộ, đoàn viên công "
        "đoàn, công nhân, viên chức, lao động, với tinh thần “Chủ động, sáng tạo”, hăng hái thi đua:")
    assert "Thi đua là yêu nước, yêu nước thì phải thi đua!" in texts
    assert texts[-1].endswith("./.")


def test_covenant_members_sign_and_table_of_targets(render_registry: Callable[..., Path]) -> None:
    doc = _build(render_registry(), "cum-1-2020", "covenant")
    assert doc.stem == "cum-1-2020-giao-uoc"
    assert doc.header == Header(superior="LĐLĐ THÀNH PHỐ HÀ NỘI", issuer="CỤM THI ĐUA SỐ 1",
                                number=None, place_date="Hà Nội, ngày 12 tháng 02 năm 2020")
    assert [s.unit for s in doc.signatures] == ["LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH",
                                                "LIÊN ĐOÀN LAO ĐỘNG QUẬN ĐỐNG ĐA"]
    assert {s.on_behalf for s in doc.signatures} == {"TM. BAN THƯỜNG VỤ"}
    table = next(b for b in doc.body if isinstance(b, Table))
    assert [plain(c) for c in table.header] == ["TT", "Nội dung", "Đơn vị tính", "Chỉ tiêu"]
    assert [[plain(c) for c in row] for row in table.rows] == [
        ["1", "Đoàn viên được đổi thẻ", "%", "100%"],
        ["2", "Công đoàn cơ sở đạt vững mạnh (khối doanh nghiệp)", "%", "từ 60% trở lên"],
    ]
    assert "2. Liên đoàn Lao động quận Đống Đa (Cụm trưởng)." in _texts(doc)


@pytest.mark.parametrize(("level", "on_behalf"), [
    ("tong-lien-doan", "TM. ĐOÀN CHỦ TỊCH"), ("tinh", "TM. BAN THƯỜNG VỤ"),
    ("co-so", "TM. BAN CHẤP HÀNH"),
])
def test_signature_by_issuer_level(make_registry: Callable[..., Path], level: str,
                                   on_behalf: str) -> None:
    issuer = {"tong-lien-doan": "tong-ldld", "tinh": "ldld-ha-noi", "co-so": "cdcs-a"}[level]
    root = make_registry({"campaigns/c.yaml": f"""\
        id: c-2020
        issuer: {issuer}
        year: 2020
        kind: nam
        title: Phát động thi đua năm 2020
        start: 2020-01-01
        end: 2020-12-31
        """})
    doc = _build(root, "c-2020", "plan")
    assert doc.signatures[0].on_behalf == on_behalf
    if level == "tong-lien-doan":
        assert doc.header.superior is None
        assert doc.header.number == "Số: …/KH-TLĐ"
    if level == "co-so":
        assert doc.header.number == "Số: …/KH-CĐCS"
        # No place of its own: inherited from Hà Nội two levels up.
        assert doc.header.place_date == "Hà Nội, ngày … tháng … năm …"


def test_which_campaigns_a_kind_applies_to(render_registry: Callable[..., Path]) -> None:
    result = validate(render_registry())
    kinds = {e.model.id: e.model for e in result.registry.campaigns}
    assert [applies(k, kinds["ba-dinh-2020"]) for k in ("plan", "kickoff", "covenant")] == [
        True, True, False]
    assert [applies(k, kinds["cum-1-2020"]) for k in ("plan", "kickoff", "covenant")] == [
        False, False, True]


def test_covenant_of_a_unit_without_a_cluster(render_registry: Callable[..., Path]) -> None:
    from tests.render.conftest import COVENANT
    covenant = COVENANT.replace("issuer: cum-1", "issuer: ldld-ba-dinh")
    doc = _build(render_registry(covenant=covenant), "cum-1-2020", "covenant")
    assert doc.header.issuer == "LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"
    assert doc.signatures == (Signature("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", None),)
    headings = [plain(b.runs) for b in doc.body if isinstance(b, Heading)]
    assert headings == ["I. NỘI DUNG GIAO ƯỚC THI ĐUA", "II. CHỈ TIÊU GIAO ƯỚC",
                        "III. TỔ CHỨC THỰC HIỆN"]
    assert _texts(doc)[0].startswith("Hôm nay, ngày 12 tháng 02 năm 2020, tại Hội trường LĐLĐ "
                                     "quận Đống Đa, các công đoàn cơ sở trực thuộc Liên đoàn Lao động "
                                     "quận Ba Đình thống nhất")
    assert doc.recipients[-1] == "Lưu: VT, LĐLĐ"
