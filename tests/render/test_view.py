"""The view models templates see: computed ordinals, worded dates, issuer and cluster, canonical
targets, the timing of anniversaries, cited plans."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REGISTRY
from thidua_cli.render.view import DocumentView, document_view
from thidua_cli.validation import validate


def _context(root: Path, campaign_id: str, dated: date | None = None) -> DocumentView:
    result = validate(root)
    assert result.errors == 0
    campaign = next(e.model for e in result.registry.campaigns if e.model.id == campaign_id)
    return document_view(result.registry, campaign, dated)


def test_issuer_superior_and_phases(render_registry: Callable[..., Path]) -> None:
    ctx = _context(render_registry(), "ba-dinh-2020")
    assert ctx.issuer.upper == "LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"
    assert ctx.issuer.abbr == "LĐLĐ"
    assert ctx.issuer.on_behalf == "TM. BAN THƯỜNG VỤ"
    assert ctx.superior.short_upper == "LĐLĐ THÀNH PHỐ HÀ NỘI"
    assert ctx.cluster is None
    first, second = ctx.phases
    assert (first.start, first.end, first.length) == ("01/01/2020", "30/6/2020", 182)
    assert [c.short_phrase for c in first.celebrates] == [
        "kỷ niệm 90 năm ngày thành lập Đảng Cộng sản Việt Nam (03/02)",
        "kỷ niệm 134 năm ngày Quốc tế Lao động (01/5)",
    ]
    assert (second.days, second.length) == (184, 184)


def test_year_anniversaries_are_unique_and_in_date_order(render_registry: Callable[..., Path]) -> None:
    ctx = _context(render_registry(), "ba-dinh-2020")
    assert [a.phrase for a in ctx.anniversaries] == [
        "kỷ niệm 90 năm ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)",
        "kỷ niệm 134 năm ngày Quốc tế Lao động (01/5/1886 - 01/5/2020)",
        "kỷ niệm 91 năm ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2020)",
    ]
    assert [a.round for a in ctx.anniversaries] == ["major", None, None]


def test_targets_in_canonical_wording(render_registry: Callable[..., Path]) -> None:
    ctx = _context(render_registry(), "ba-dinh-2020")
    assert [t.sentence for t in ctx.targets] == [
        "trên 75% CBCCVCLĐ đạt danh hiệu “Lao động tiên tiến”",
        "không có công đoàn cơ sở xếp loại yếu",
    ]
    assert [t.unit for t in ctx.targets] == ["%", "số lượng"]
    assert ctx.tasks[0].sector_title == "Khối doanh nghiệp"
    assert ctx.tasks[1].sector_title is None


def test_cluster_with_leader_members_and_inherited_place(render_registry: Callable[..., Path]) -> None:
    ctx = _context(render_registry(), "cum-1-2020")
    cluster = ctx.cluster
    assert cluster.upper == "CỤM THI ĐUA SỐ 1"
    assert cluster.leader.name == "Liên đoàn Lao động quận Đống Đa"
    assert [(m.id, m.is_leader) for m in cluster.members] == [
        ("ldld-ba-dinh", False), ("ldld-dong-da", True)]
    # Đống Đa has no place of its own: it inherits Hà Nội from its parent.
    assert cluster.place == "Hà Nội"
    assert ctx.superior.name == "Liên đoàn Lao động thành phố Hà Nội"
    assert ctx.launch.admin_date == "ngày 12 tháng 02 năm 2020"


def test_sample_bac_tu_liem_matches_seed_000() -> None:
    """Seed 000's numbers: 90 năm Đảng, 45 năm 30/4, 06 năm quận, 134 năm 1/5, 66 năm Điện Biên
    Phủ, 130 năm Bác, 91 năm Công đoàn (28/7/1929 - 28/7/2020), 75 năm Cách mạng Tháng Tám
    và Quốc khánh, 66 năm Giải phóng Thủ đô; phases 01/01–30/4, 01/5–31/7, 01/8–31/12/2020."""
    ctx = _context(SAMPLE_REGISTRY, "bac-tu-liem-2020")
    ordinals = {a.id: a.ordinal for a in ctx.anniversaries}
    assert ordinals == {
        "thanh-lap-dang": 90, "giai-phong-mien-nam": 45, "thanh-lap-quan-bac-tu-liem": 6,
        "quoc-te-lao-dong": 134, "chien-thang-dien-bien-phu": 66,
        "ngay-sinh-chu-tich-ho-chi-minh": 130, "cong-doan-viet-nam": 91,
        "cach-mang-thang-tam": 75, "quoc-khanh": 75, "giai-phong-thu-do": 66,
    }
    assert [(p.start, p.end) for p in ctx.phases] == [
        ("01/01/2020", "30/4/2020"), ("01/5/2020", "31/7/2020"), ("01/8/2020", "31/12/2020")]
    phrase = next(a.phrase for a in ctx.anniversaries if a.id == "cong-doan-viet-nam")
    assert phrase == "kỷ niệm 91 năm ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2020)"
    local = next(a.phrase for a in ctx.anniversaries if a.id == "thanh-lap-quan-bac-tu-liem")
    assert local == "kỷ niệm 6 năm ngày thành lập quận Bắc Từ Liêm (01/4/2014 - 01/4/2020)"


def test_lunar_anniversary_has_its_lunar_day_and_no_years(render_registry: Callable[..., Path]) -> None:
    from tests.render.conftest import PLAN
    plan = PLAN.replace("      quoc-te-lao-dong: 134\n",
                        "      quoc-te-lao-dong: 134\n      gio-to-hung-vuong: null\n")
    ctx = _context(render_registry(plan=plan), "ba-dinh-2020")
    gio_to = next(c for c in ctx.phases[0].celebrates if c.id == "gio-to-hung-vuong")
    # 10/3 âm lịch 2020 = 02/4/2020 (Vietnamese lunar calendar).
    assert (gio_to.date, gio_to.ordinal) == ("02/4/2020", None)
    assert gio_to.phrase == gio_to.short_phrase == "Giỗ Tổ Hùng Vương (10/3 âm lịch)"
    assert [c.id for c in ctx.phases[0].celebrates] == [
        "thanh-lap-dang", "gio-to-hung-vuong", "quoc-te-lao-dong"]


def test_a_cited_plan_prints_its_number_date_and_issuer(render_registry: Callable[..., Path]) -> None:
    superior = """\
        id: ha-noi-2020
        issuer: ldld-ha-noi
        year: 2020
        kind: nam
        title: Phát động thi đua trong CNVCLĐ Thủ đô năm 2020
        start: 2020-01-01
        end: 2020-12-31
        document:
          number: 01/KH-LĐLĐ
          date: 2019-12-20
        """
    from tests.render.conftest import PLAN
    plan = PLAN.replace("basis:\n", "basis:\n  - campaign: ha-noi-2020\n")
    root = render_registry(plan=plan, **{"campaigns/ha-noi.yaml": superior})
    ctx = _context(root, "ba-dinh-2020")
    assert [(c.number, c.date, c.issuer, c.title) for c in ctx.campaign.cited] == [
        ("01/KH-LĐLĐ", "20/12/2019", "Liên đoàn Lao động thành phố Hà Nội",
         "Phát động thi đua trong CNVCLĐ Thủ đô năm 2020")]
    assert ctx.campaign.basis == ("Nghị quyết Đại hội XII Công đoàn Việt Nam",)
    from thidua_cli.render.build import build
    result = validate(root)
    campaign = next(e.model for e in result.registry.campaigns if e.model.id == "ba-dinh-2020")
    texts = [b.runs[0].text for b in build(result.registry, campaign, "plan").body[:2]]  # type: ignore[union-attr]
    assert texts == [
        "Căn cứ Nghị quyết Đại hội XII Công đoàn Việt Nam;",
        "Thực hiện Kế hoạch số 01/KH-LĐLĐ ngày 20/12/2019 của Liên đoàn Lao động thành phố Hà Nội "
        "về phát động thi đua trong CNVCLĐ Thủ đô năm 2020;"]


def test_no_cited_plan_no_reference_line(render_registry: Callable[..., Path]) -> None:
    """A superior's campaign of the same year is not cited unless basis names it."""
    superior = "id: ha-noi-2020\nissuer: ldld-ha-noi\nyear: 2020\nkind: nam\ntitle: T\nstart: 2020-01-01\nend: 2020-12-31\n"
    from thidua_cli.render.build import build
    result = validate(render_registry(**{"campaigns/ha-noi.yaml": superior}))
    campaign = next(e.model for e in result.registry.campaigns if e.model.id == "ba-dinh-2020")
    body = build(result.registry, campaign, "plan").body
    assert not any(b.runs[0].text.startswith("Thực hiện") for b in body)  # type: ignore[union-attr]


@pytest.mark.parametrize("dated, timing", [
    (date(2020, 1, 3), "ahead"), (date(2020, 7, 20), "at"), (date(2020, 7, 28), "at"),
    (date(2020, 7, 29), "past"), (None, None)])
def test_the_timing_of_an_anniversary_follows_the_date_of_issue(
        render_registry: Callable[..., Path], dated: date | None, timing: str | None) -> None:
    ctx = _context(render_registry(), "ba-dinh-2020", dated)
    (union_day,) = [a for a in ctx.anniversaries if a.id == "cong-doan-viet-nam"]
    assert union_day.timing == timing


def test_occasion_leaves_out_what_is_past(
        render_registry: Callable[..., Path]) -> None:
    ctx = _context(render_registry(), "ba-dinh-2020", date(2020, 2, 5))
    # 03/02 is past on 05/02; 01/5 and 28/7 lie ahead.
    assert [a.id for a in ctx.occasion] == ["quoc-te-lao-dong", "cong-doan-viet-nam"]
    ctx = _context(render_registry(), "ba-dinh-2020", date(2020, 1, 3))
    assert [a.id for a in ctx.occasion] == ["thanh-lap-dang", "quoc-te-lao-dong", "cong-doan-viet-nam"]
