"""Markdown for the website post: golden files, and every text escaped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.render.golden_files import check_golden
from thidua_cli.render.build import build
from thidua_cli.render.document import Document, Header, Paragraph, Run, Signature
from thidua_cli.render.markdown import md_escape, to_markdown
from thidua_cli.validation import validate


@pytest.mark.parametrize(("campaign_id", "kind"), [
    ("ba-dinh-2020", "plan"), ("ba-dinh-2020", "kickoff"), ("cum-1-2020", "covenant")])
def test_golden(request: pytest.FixtureRequest, render_registry: Callable[..., Path],
                campaign_id: str, kind: str) -> None:
    result = validate(render_registry())
    campaign = next(e.model for e in result.registry.campaigns if e.model.id == campaign_id)
    check_golden(request, f"{campaign_id}-{kind}.md", to_markdown(build(result.registry, campaign, kind)))


def test_escaping() -> None:
    assert md_escape("1. a *b* <i>|</i> [x](y) `c` _d_") == (
        r"1\. a \*b\* \<i\>\|\</i\> \[x\](y) \`c\` \_d\_")
    assert md_escape("- a") == r"\- a"
    assert md_escape("# a") == r"\# a"
    assert md_escape("Độc lập - Tự do") == "Độc lập - Tự do"


def test_runs_and_closing() -> None:
    doc = Document(
        kind="plan", stem="x", title="KẾ HOẠCH", subject=None,
        header=Header(superior=None, issuer="TỔNG LĐLĐ VIỆT NAM", number=None,
                      place_date="Hà Nội, ngày … tháng … năm …"),
        body=(Paragraph((Run("a "), Run("đậm ", bold=True), Run("nghiêng", italic=True))),),
        signatures=(Signature("TM. ĐOÀN CHỦ TỊCH", "CHỦ TỊCH", None),),
        recipients=("Như trên", "Lưu: VT, TLĐ"),
    )
    assert to_markdown(doc) == (
        "**TỔNG LĐLĐ VIỆT NAM**\n\n"
        "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  \n**Độc lập \\- Tự do \\- Hạnh phúc**\n\n"
        "*Hà Nội, ngày … tháng … năm …*\n\n"
        "# KẾ HOẠCH\n\n"
        "a **đậm** *nghiêng*\n\n"
        "**TM. ĐOÀN CHỦ TỊCH**  \n**CHỦ TỊCH**\n\n"
        "***Nơi nhận:***  \n\\- Như trên;  \n\\- Lưu: VT, TLĐ.\n")
