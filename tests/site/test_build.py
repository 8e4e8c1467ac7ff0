"""Writing the site: whole or not at all, replaced only when asked and only if it is ours."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REGISTRY, MakeRegistry
from thidua_cli.site import build
from thidua_cli.validation import validate


def _files(registry: Path = SAMPLE_REGISTRY, year: int | None = 2020) -> Iterator[tuple[str, str | bytes]]:
    result = validate(registry)
    return build.pages_of(result.registry, result.problems, build.Options(year=year))


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_same_registry_and_day_give_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1592179200")
    first = build.write_site(tmp_path / "a", _files(), force=False)
    second = build.write_site(tmp_path / "b", _files(), force=False)
    assert first == second == 46
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")


def test_stable_file_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1592179200")
    build.write_site(tmp_path / "site", _files(), force=False)
    names = sorted(_tree(tmp_path / "site"))
    assert [n for n in names if n.startswith(("campaigns/", "clusters/", "calendar/"))] == [
        "calendar/2018.html", "calendar/2018.ics", "calendar/2020.html", "calendar/2020.ics",
        "calendar/2021.html", "calendar/2021.ics",
        "campaigns/ba-dinh-2021.html", "campaigns/bac-tu-liem-2020.html", "campaigns/cdvc-ha-noi-2018.html",
        "campaigns/cum-3-ha-giang-2020.html", "campaigns/index.html", "campaigns/long-bien-2018.html",
        "clusters/cum-3-ha-giang.html", "clusters/index.html"]
    assert [n for n in names if n.startswith("documents/")] == [
        "documents/ba-dinh-2021-ke-hoach.html", "documents/ba-dinh-2021-loi-phat-dong.html",
        "documents/bac-tu-liem-2020-ke-hoach.html", "documents/bac-tu-liem-2020-loi-phat-dong.html",
        "documents/cdvc-ha-noi-2018-ke-hoach.html", "documents/cdvc-ha-noi-2018-loi-phat-dong.html",
        "documents/cum-3-ha-giang-2020-giao-uoc.html", "documents/long-bien-2018-ke-hoach.html",
        "documents/long-bien-2018-loi-phat-dong.html"]


def test_an_existing_site_is_replaced_only_when_asked(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build.write_site(out, _files(), force=False)
    (out / "stale.html").write_text("old", encoding="utf-8")
    with pytest.raises(build.SiteExists) as refused:
        build.write_site(out, _files(), force=False)
    assert refused.value.ours is True
    assert (out / "stale.html").is_file()
    build.write_site(out, _files(), force=True)
    assert not (out / "stale.html").exists()
    assert (out / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # nothing left aside


def test_a_folder_that_is_not_a_site_is_never_replaced(tmp_path: Path) -> None:
    out = tmp_path / "home"
    out.mkdir()
    (out / "letter.docx").write_bytes(b"keep me")
    with pytest.raises(build.SiteExists) as refused:
        build.write_site(out, _files(), force=True)
    assert refused.value.ours is False
    assert _tree(out) == {"letter.docx": b"keep me"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]


def test_an_empty_folder_is_used_without_force(tmp_path: Path) -> None:
    out = tmp_path / "empty"
    out.mkdir()
    assert build.write_site(out, _files(), force=False) == 46


def test_a_failed_run_leaves_nothing(tmp_path: Path) -> None:
    def failing() -> Iterator[tuple[str, str | bytes]]:
        yield "index.html", "<!DOCTYPE html>"
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        build.write_site(tmp_path / "site", failing(), force=False)
    assert list(tmp_path.iterdir()) == []
    # and an old site survives a failed replacement whole
    build.write_site(tmp_path / "site", _files(), force=False)
    before = _tree(tmp_path / "site")
    with pytest.raises(OSError):
        build.write_site(tmp_path / "site", failing(), force=True)
    assert _tree(tmp_path / "site") == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_the_users_umask_decides_the_modes(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        build.write_site(tmp_path / "site", _files(), force=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "site").stat().st_mode) == 0o750
    assert stat.S_IMODE((tmp_path / "site" / "index.html").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "site" / "units").stat().st_mode) == 0o750


def test_registry_text_is_data_on_every_page(make_registry: MakeRegistry, tmp_path: Path) -> None:
    from tests.conftest import BASE_UNITS, campaign

    units = BASE_UNITS.replace("name: Liên đoàn Lao động quận Ba Đình",
                               'name: "<script>alert(1)</script> Ba Đình"')
    root = make_registry({"units/units.yaml": units, "campaigns/ba-dinh-2020.yaml": campaign(**{
        "title: Phát động phong trào thi đua năm 2020": 'title: "<img src=x onerror=alert(1)>"'})})
    out = tmp_path / "site"
    build.write_site(out, _files(root, None), force=False)
    for name, content in _tree(out).items():
        if name.endswith(".html"):
            text = content.decode("utf-8")
            assert "<script>alert" not in text and "<img src=x" not in text, name
    page = (out / "units" / "ldld-ba-dinh.html").read_text(encoding="utf-8")
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt; Ba Đình</h1>" in page


def test_docx_beside_html_when_asked(tmp_path: Path) -> None:
    result = validate(SAMPLE_REGISTRY)
    files = build.pages_of(result.registry, result.problems, build.Options(year=2020, docx=True))
    build.write_site(tmp_path / "site", files, force=False)
    documents = sorted(p.name for p in (tmp_path / "site" / "documents").iterdir())
    assert [d for d in documents if d.endswith(".docx")] == [
        "ba-dinh-2021-ke-hoach.docx", "ba-dinh-2021-loi-phat-dong.docx", "bac-tu-liem-2020-ke-hoach.docx",
        "bac-tu-liem-2020-loi-phat-dong.docx", "cdvc-ha-noi-2018-ke-hoach.docx",
        "cdvc-ha-noi-2018-loi-phat-dong.docx", "cum-3-ha-giang-2020-giao-uoc.docx",
        "long-bien-2018-ke-hoach.docx", "long-bien-2018-loi-phat-dong.docx"]
    page = (tmp_path / "site" / "campaigns" / "bac-tu-liem-2020.html").read_text(encoding="utf-8")
    assert ('<li><a href="../documents/bac-tu-liem-2020-ke-hoach.docx" download>Kế hoạch</a> '
            '<span class="format">(DOCX)</span></li>') in page


def test_pages_made_by_workers_are_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1592179200")
    build.write_site(tmp_path / "here", _files(), force=False)
    monkeypatch.setattr(build, "PARALLEL_FROM", 1)
    monkeypatch.setattr(build, "CHUNK", 3)
    monkeypatch.setattr(build, "workers_for", lambda jobs: 2)
    build.write_site(tmp_path / "workers", _files(), force=False)
    assert _tree(tmp_path / "workers") == _tree(tmp_path / "here")


def _die(jobs: list[tuple[str, str]]) -> list[build.Made]:
    """A worker killed by the out-of-memory killer, as far as its parent can tell."""
    import signal

    os.kill(os.getpid(), signal.SIGKILL)
    return []


def test_a_dying_worker_ends_the_run_with_nothing_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "workers_for", lambda jobs: 2)
    monkeypatch.setattr(build, "_in_worker", _die)
    with pytest.raises(build.WorkerDied):
        build.write_site(tmp_path / "site", _files(), force=False)
    assert list(tmp_path.iterdir()) == []


def test_a_unit_cycle_and_an_empty_year_still_give_a_whole_site(make_registry: MakeRegistry, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import BASE_UNITS

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1592179200")
    units = BASE_UNITS.replace("    parent: ldld-ha-noi\n", "    parent: cdcs-a\n")  # Ba Đình ↔ trường A
    root = make_registry({"units/units.yaml": units})
    out = tmp_path / "site"
    build.write_site(out, _files(root, None), force=False)
    names = sorted(_tree(out))
    assert [n for n in names if n.startswith("units/")] == [
        "units/cdcs-a.html", "units/index.html", "units/ldld-ba-dinh.html", "units/ldld-ha-noi.html",
        "units/tong-ldld.html"]
    # No campaign at all: the year is today's, drawn empty, with its calendar.
    assert "calendar/2020.html" in names and "years/2020.html" in names
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Không có phong trào nào trong khoảng này." in index


def test_a_worker_ends_at_sigterm_whatever_handler_its_parent_had(monkeypatch: pytest.MonkeyPatch) -> None:
    # The parent turns SIGTERM into KeyboardInterrupt (cli/app.py); a forked worker inheriting
    # that once took Pool.terminate()'s SIGTERM inside the task queue's lock and never ended.
    import signal

    asked: dict[int, object] = {}
    # Recorded, not installed: the test process keeps its own handlers.
    monkeypatch.setattr(signal, "signal", lambda signum, handler: asked.__setitem__(signum, handler))
    build._quiet_worker()
    assert asked == {signal.SIGINT: signal.SIG_IGN, signal.SIGTERM: signal.SIG_DFL}
