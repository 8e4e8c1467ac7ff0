"""The HTML page: golden files, escaping, print CSS of NĐ30."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.render.golden_files import check_golden
from thidua_cli.render.build import build
from thidua_cli.render.html import CSS, to_html
from thidua_cli.validation import validate


def _page(root: Path, campaign_id: str, kind: str) -> str:
    result = validate(root)
    campaign = next(e.model for e in result.registry.campaigns if e.model.id == campaign_id)
    return to_html(build(result.registry, campaign, kind))  # type: ignore[arg-type]


@pytest.mark.parametrize(("campaign_id", "kind"), [
    ("ba-dinh-2020", "plan"), ("cum-1-2020", "covenant")])
def test_golden(request: pytest.FixtureRequest, render_registry: Callable[..., Path],
                campaign_id: str, kind: str) -> None:
    check_golden(request, f"{campaign_id}-{kind}.html", _page(render_registry(), campaign_id, kind))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        self.tags.append(tag)
        if tag not in ("meta", "br", "hr", "img", "link"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (tag, self.open[-3:])
        self.open.pop()


def test_page_is_well_formed_vietnamese_and_inert(render_registry: Callable[..., Path]) -> None:
    page = _page(render_registry(), "ba-dinh-2020", "plan")
    assert page.startswith('<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">')
    parser = _Tags()
    parser.feed(page)
    parser.close()
    assert parser.open == []
    assert "script" not in parser.tags
    assert "&lt;script&gt;" in page


def test_print_css_of_decree_30() -> None:
    assert "@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm;" in CSS
    assert "@page :first { @top-center { content: none; } }" in CSS   # numbers from page 2
    assert '"Times New Roman", "Liberation Serif"' in CSS
    assert "font-size: 14pt" in CSS
    assert "text-align: justify; text-indent: 1.27cm" in CSS


def test_the_stylesheets_braces_close_where_they_open():
    # A stray "}" made the browser drop the rule after it, and an unclosed @media block
    # swallowed every rule appended after it (the landscape page stayed portrait).
    from thidua_cli.render.html import CSS, LANDSCAPE_CSS

    for sheet in (CSS, LANDSCAPE_CSS):
        depth = 0
        for char in sheet:
            depth += {"{": 1, "}": -1}.get(char, 0)
            assert depth >= 0
        assert depth == 0
