"""The built site, opened in headless Chromium from the file system (no server, no network)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from tests.site.conftest import build_site

LINKS = """
return Array.from(document.querySelectorAll('a[href], link[href], [src]')).map(e => {
  const raw = e.getAttribute('href') || e.getAttribute('src');
  return new URL(raw, document.baseURI).href;
});
"""


def pages_of(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def open_page(browser: Any, page: Path) -> list[dict[str, Any]]:
    browser.get(page.as_uri())
    logs: list[dict[str, Any]] = browser.get_log("browser")
    return logs


def test_every_page_loads_without_a_console_message(browser: Any, sample_site: Path) -> None:
    pages = pages_of(sample_site)
    assert len(pages) == 41
    troubles = {}
    for page in pages:
        logs = open_page(browser, page)
        if logs:
            troubles[str(page.relative_to(sample_site))] = logs
    assert troubles == {}


def test_every_local_link_resolves_and_nothing_is_external(browser: Any, sample_site: Path) -> None:
    broken, external, checked = [], [], 0
    for page in pages_of(sample_site):
        open_page(browser, page)
        for url in browser.execute_script(LINKS):
            parts = urlsplit(url)
            if parts.scheme != "file":
                external.append((page.name, url))
                continue
            target = Path(unquote(parts.path))
            checked += 1
            if not target.is_file():
                broken.append((str(page.relative_to(sample_site)), url))
            elif parts.fragment and target.suffix == ".html" and \
                    f'id="{parts.fragment}"' not in target.read_text(encoding="utf-8"):
                broken.append((str(page.relative_to(sample_site)), url))
    assert (broken, external) == ([], [])
    assert checked > 400


def test_pages_are_vietnamese_with_landmarks_and_one_heading(browser: Any, sample_site: Path) -> None:
    script = """return [document.documentElement.lang, document.querySelectorAll('h1').length,
                        document.querySelectorAll('main').length, document.querySelectorAll('nav').length > 0,
                        document.title.length > 0]"""
    wrong = {}
    for page in pages_of(sample_site):
        if page.parent.name == "documents":
            continue  # the office documents: render's HTML writer, tested in tests/render
        open_page(browser, page)
        found = browser.execute_script(script)
        if found != ["vi", 1, 1, True, True]:
            wrong[page.name] = found
    assert wrong == {}


# --------------------------------------------------------------------------- the drawing

def geometry(browser: Any) -> tuple[float, float]:
    svg = browser.find_element("css selector", "svg.glance")
    return float(svg.get_attribute("data-chart-x")), float(svg.get_attribute("data-chart-width"))


def x_of(day: date, x0: float, width: float) -> float:
    """Where a day starts across 2020 (366 days)."""
    return x0 + (day - date(2020, 1, 1)).days * width / 366


def test_bac_tu_liem_2020_has_its_three_phases_at_their_dates(browser: Any, sample_site: Path) -> None:
    open_page(browser, sample_site / "years" / "2020.html")
    x0, width = geometry(browser)
    assert (x0, width) == (270.0, 910.0)
    bars = browser.execute_script("""
        return Array.from(document.querySelectorAll('svg.glance g.phase[data-campaign="bac-tu-liem-2020"]'))
          .map(g => { const r = g.querySelector('rect').getBBox();
                      return [g.dataset.phase, g.dataset.start, g.dataset.end, r.x, r.width,
                              g.querySelector('text').textContent]; });""")
    assert [b[:3] for b in bars] == [["1", "2020-01-01", "2020-04-30"],
                                      ["2", "2020-05-01", "2020-07-31"],
                                      ["3", "2020-08-01", "2020-12-31"]]
    spans = [(date(2020, 1, 1), date(2020, 4, 30)), (date(2020, 5, 1), date(2020, 7, 31)),
             (date(2020, 8, 1), date(2020, 12, 31))]
    for (_, _, _, x, w, _), (first, last) in zip(bars, spans, strict=True):
        assert x == pytest.approx(x_of(first, x0, width), abs=0.01)
        # A bar ends where its last day ends, less the 2-unit gap between touching phases.
        assert x + w + 2 == pytest.approx(x_of(last + timedelta(days=1), x0, width), abs=0.01)
    # Cut to their bars; the whole theme is in the tooltip and the table.
    assert [b[5] for b in bars] == ["Đợt 1 · Mừng Đảng, mừng xuân, mừng…",
                                    "Đợt 2 · đợt thi đua cao đ…", "Đợt 3"]


def test_round_anniversaries_of_2020_are_marked_at_their_dates(browser: Any, sample_site: Path) -> None:
    open_page(browser, sample_site / "years" / "2020.html")
    x0, width = geometry(browser)
    marks = browser.execute_script("""
        return Array.from(document.querySelectorAll('svg.glance g.mark'))
          .filter(g => g.dataset.round)
          .map(g => [g.dataset.date, g.dataset.anniversary, g.dataset.round, g.dataset.ordinal,
                     g.querySelector('circle').getBBox().x + g.querySelector('circle').getBBox().width / 2]);""")
    assert [m[:4] for m in marks] == [
        ["2020-02-03", "thanh-lap-dang", "major", "90"],
        ["2020-02-27", "thay-thuoc-viet-nam", "minor", "65"],
        ["2020-03-08", "quoc-te-phu-nu", "major", "110"],
        ["2020-04-30", "giai-phong-mien-nam", "minor", "45"],
        ["2020-05-19", "ngay-sinh-chu-tich-ho-chi-minh", "major", "130"],
        ["2020-06-01", "quoc-te-thieu-nhi", "major", "70"],
        ["2020-08-19", "cach-mang-thang-tam", "minor", "75"],
        ["2020-09-02", "quoc-khanh", "minor", "75"],
        ["2020-10-20", "hoi-lien-hiep-phu-nu", "major", "90"],
        ["2020-11-18", "mat-tran-to-quoc", "major", "90"],
    ]
    for day, _, _, _, centre in marks:
        # A mark stands in the middle of its day.
        middle = x_of(date.fromisoformat(day), x0, width) + width / 366 / 2
        assert centre == pytest.approx(middle, abs=0.01)


def test_today_is_drawn_when_it_falls_in_the_year(browser: Any, sample_site: Path) -> None:
    open_page(browser, sample_site / "years" / "2020.html")
    today = browser.execute_script(
        "const g = document.querySelector('svg.glance g.today');"
        "return g && [g.dataset.date, g.querySelector('text').textContent];")
    assert today == ["2020-06-15", "Hôm nay 15/6"]
    open_page(browser, sample_site / "years" / "2018.html")
    assert browser.execute_script("return document.querySelectorAll('svg.glance g.today').length") == 0


def test_the_table_says_what_the_drawing_shows(browser: Any, sample_site: Path) -> None:
    compare = """
      const svg = document.querySelector('svg.glance');
      const table = document.getElementById(svg.getAttribute('aria-labelledby') && 'bang-hinh');
      const bars = Array.from(svg.querySelectorAll('g.phase')).map(g =>
        [g.dataset.campaign, g.dataset.phase, g.dataset.start, g.dataset.end]);
      const rows = Array.from(table.querySelectorAll('tbody tr')).map(r =>
        [r.dataset.campaign, r.dataset.phase, r.dataset.start, r.dataset.end,
         r.cells[4].textContent, r.cells[5].textContent]);
      const marks = Array.from(svg.querySelectorAll('g.mark')).map(g =>
        [g.dataset.date, g.dataset.anniversary, g.dataset.round, g.dataset.ordinal]);
      const markRows = Array.from(document.querySelectorAll('table.marks tbody tr')).map(r =>
        [r.dataset.date, r.dataset.anniversary, r.dataset.round, r.dataset.ordinal]);
      const events = Array.from(svg.querySelectorAll('g.event')).map(g =>
        [g.dataset.campaign, g.dataset.kind, g.dataset.date]).sort();
      const eventRows = Array.from(document.querySelectorAll('table.events tbody tr')).map(r =>
        [r.dataset.campaign, r.dataset.kind, r.dataset.date]).sort();
      return [bars, rows, marks, markRows, events, eventRows];"""
    open_page(browser, sample_site / "years" / "2020.html")
    bars, rows, marks, mark_rows, events, event_rows = browser.execute_script(compare)
    assert [r[:4] for r in rows] == bars
    assert len(bars) == 4
    for _, _, start, end, shown_start, shown_end in rows:
        assert (shown_start, shown_end) == (_vn(start), _vn(end))
    assert mark_rows == marks
    assert len(marks) == 23
    assert event_rows == events == [["bac-tu-liem-2020", "launch", "2020-01-03"],
                                    ["cum-3-ha-giang-2020", "launch", "2020-02-12"]]


def _vn(iso: str) -> str:
    """2020-05-01 → 01/5/2020 (the administrative padding)."""
    d = date.fromisoformat(iso)
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{d.day:02d}/{month}/{d.year}"


# --------------------------------------------------------------------------- keyboard, phone

def test_keyboard_reaches_the_skip_link_first_and_the_drawing_links(browser: Any,
                                                                     sample_site: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    open_page(browser, sample_site / "years" / "2020.html")
    reached = []
    for _ in range(30):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        reached.append(browser.execute_script(
            "const e = document.activeElement; return e.getAttribute('href') || e.className.baseVal "
            "|| e.className || e.tagName;"))
    assert reached[0] == "#noi-dung"
    assert "../campaigns/bac-tu-liem-2020.html" in reached
    assert "scroll" in reached  # the drawing's region scrolls with the arrow keys on a phone


def test_a_phone_scrolls_only_the_drawing_and_wide_tables(browser: Any, sample_site: Path) -> None:
    browser.set_window_size(390, 844)
    try:
        wide = {}
        for page in pages_of(sample_site):
            if page.parent.name == "documents":
                continue
            open_page(browser, page)
            width = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
            if width[0] > width[1]:
                wide[page.name] = width
        assert wide == {}
    finally:
        browser.set_window_size(1280, 900)


CONTRAST = """
function rgb(s) { const m = s.match(/[\\d.]+/g).map(Number); return m; }
function lum(c) { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b; }
function background(e) { while (e) { const c = rgb(getComputedStyle(e).backgroundColor);
  if (c.length < 4 || c[3] > 0) return c; e = e.parentElement; } return [255, 255, 255]; }
const low = [];
for (const e of document.querySelectorAll('body *')) {
  if (e.closest('svg')) continue;
  const own = Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own || !e.getClientRects().length) continue;
  const a = lum(rgb(getComputedStyle(e).color)), b = lum(background(e));
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < 4.5) low.push([e.tagName, e.textContent.trim().slice(0, 30), ratio.toFixed(2)]);
}
return low;
"""


def test_text_contrast_passes_wcag_aa(browser: Any, sample_site: Path) -> None:
    low = {}
    for page in pages_of(sample_site):
        if page.parent.name == "documents":
            continue
        open_page(browser, page)
        found = browser.execute_script(CONTRAST)
        if found:
            low[page.name] = found
    assert low == {}


# --------------------------------------------------------------------------- a broken registry

def test_a_registry_with_errors_still_builds_and_shows_them(browser: Any, make_registry: Any,
                                                            tmp_path: Path) -> None:
    from tests.conftest import campaign

    root = make_registry({"campaigns/ba-dinh-2020.yaml": campaign(**{"thanh-lap-dang: 90": "thanh-lap-dang: 91"})})
    site = build_site(root, tmp_path / "site")
    for page in pages_of(site):
        assert open_page(browser, page) == [], page
    open_page(browser, site / "problems.html")
    rows = browser.execute_script(
        "return Array.from(document.querySelectorAll('table.problems tbody tr'))"
        ".map(r => Array.from(r.cells).map(c => c.textContent));")
    assert [r[:3] for r in rows] == [["data/campaigns/ba-dinh-2020.yaml:13:23", "lỗi", "anniversary-ordinal"]]
    open_page(browser, site / "campaigns" / "ba-dinh-2020.html")
    note = browser.find_element("css selector", "p.warning").text
    assert note == ("Tệp data/campaigns/ba-dinh-2020.yaml của phong trào này có lỗi, nên không lập văn bản. "
                    "Xem các vấn đề.")
    assert not (site / "documents").exists()
