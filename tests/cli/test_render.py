"""``thidua render`` through the real command, on copies of the sample registry in tmp_path."""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import BASE_CAMPAIGN, BASE_UNITS, SAMPLE_REGISTRY
from thidua_cli.cli.app import main


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SAMPLE_REGISTRY, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_plan_2020_writes_the_bac_tu_liem_plan(sample: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "render", "plan", "2020", "--format", "md")
    assert (code, out, err) == (0, "", "Đã ghi out/bac-tu-liem-2020-ke-hoach.md\n")
    text = (sample / "out" / "bac-tu-liem-2020-ke-hoach.md").read_text(encoding="utf-8")
    # Seed 000: every anniversary number and date, every phase.
    for expected in [
        "kỷ niệm 90 năm ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)",
        "kỷ niệm 6 năm ngày thành lập quận Bắc Từ Liêm (01/4/2014 - 01/4/2020)",
        "kỷ niệm 45 năm ngày giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2020)",
        "kỷ niệm 134 năm ngày Quốc tế Lao động (01/5/1886 - 01/5/2020)",
        "kỷ niệm 66 năm ngày chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2020)",
        "kỷ niệm 130 năm ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2020)",
        "kỷ niệm 91 năm ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2020)",
        "kỷ niệm 75 năm Cách mạng Tháng Tám (19/8/1945 - 19/8/2020)",
        "kỷ niệm 75 năm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 - 02/9/2020)",
        "kỷ niệm 66 năm ngày Giải phóng Thủ đô (10/10/1954 - 10/10/2020)",
        "Đợt 1: từ 01/01/2020 đến 30/4/2020",
        "từ 01/5/2020 đến 31/7/2020",
        "Đợt 3: từ 01/8/2020 đến 31/12/2020",
        "Số: …/KH-LĐLĐ",
        "*Bắc Từ Liêm, ngày … tháng … năm …*",
        "**TM. BAN THƯỜNG VỤ**",
        "Lưu: VT, LĐLĐ.",
    ]:
        assert expected in text, expected


def test_kickoff_2020_html_dated_by_the_launch(sample: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "render", "kickoff", "2020", "-f", "html", "--out", "docs")
    assert (code, out, err) == (0, "", "Đã ghi docs/bac-tu-liem-2020-loi-phat-dong.html\n")
    page = (sample / "docs" / "bac-tu-liem-2020-loi-phat-dong.html").read_text(encoding="utf-8")
    assert "Bắc&nbsp;Từ&nbsp;Liêm, ngày&nbsp;03 tháng&nbsp;01 năm&nbsp;2020" in page
    assert "Hướng tới kỷ niệm 90 năm ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2020)" in page
    # Seed 000's phases and every number they salute.
    for expected in [
        "Đợt 1, từ 01/01/2020 đến 30/4/2020: “Mừng Đảng, mừng xuân, mừng Đất nước đổi mới”",
        "kỷ niệm 90 năm ngày thành lập Đảng Cộng sản Việt Nam (03/02)",
        "kỷ niệm 6 năm ngày thành lập quận Bắc Từ Liêm (01/4)",
        "kỷ niệm 45 năm ngày giải phóng miền Nam, thống nhất đất nước (30/4)",
        "Đợt 2, từ 01/5/2020 đến 31/7/2020",
        "kỷ niệm 134 năm ngày Quốc tế Lao động (01/5)",
        "kỷ niệm 66 năm ngày chiến thắng Điện Biên Phủ (07/5)",
        "kỷ niệm 130 năm ngày sinh Chủ tịch Hồ Chí Minh (19/5)",
        "kỷ niệm 91 năm ngày thành lập Công đoàn Việt Nam (28/7)",
        "Đợt 3, từ 01/8/2020 đến 31/12/2020",
        "kỷ niệm 75 năm Cách mạng Tháng Tám (19/8)",
        "kỷ niệm 75 năm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9)",
        "kỷ niệm 66 năm ngày Giải phóng Thủ đô (10/10)",
    ]:
        assert expected in page, expected


def test_covenant_2020_has_the_five_members_of_cluster_3(sample: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "render", "covenant", "2020", "-f", "md", "-o", "-")
    assert (code, err) == (0, "")
    for member in ["CÔNG ĐOÀN NGÀNH GIÁO DỤC TỈNH HÀ GIANG", "CÔNG ĐOÀN NGÀNH Y TẾ TỈNH HÀ GIANG",
                   "CÔNG ĐOÀN VIÊN CHỨC TỈNH HÀ GIANG", "LIÊN ĐOÀN LAO ĐỘNG HUYỆN BẮC MÊ",
                   "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ GIANG"]:
        assert out.count(f"**{member}**") == 1, member
    assert "Liên đoàn Lao động thành phố Hà Giang (Cụm trưởng)" in out
    assert "*Hà Giang, ngày 12 tháng 02 năm 2020*" in out
    for row in ["| 1 | Đoàn viên được đổi thẻ đoàn viên công đoàn | % | 100% |",
                "| % | từ 90% trở lên |", "| % | từ 60% trở lên |"]:
        assert row in out
    assert not (sample / "out").exists()


def test_never_overwrites_without_force(sample: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = sample / "out" / "bac-tu-liem-2020-ke-hoach.md"
    target.parent.mkdir()
    target.write_text("do not touch", encoding="utf-8")
    code, out, err = run(capsys, "--lang", "en", "render", "plan", "2020", "-f", "md")
    assert (code, out) == (2, "")
    assert err == ("thidua: file exists, not overwritten: out/bac-tu-liem-2020-ke-hoach.md "
                   "(use --force to overwrite)\n")
    assert target.read_text(encoding="utf-8") == "do not touch"
    code, out, err = run(capsys, "render", "plan", "2020", "-f", "md", "--force")
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith("LĐLĐ THÀNH PHỐ HÀ NỘI")


def test_a_document_whose_own_data_has_errors_is_refused_and_nothing_written(sample: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = sample / "data" / "campaigns" / "bac-tu-liem-2020.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "cong-doan-viet-nam: 91                # 2020 - 1929", "cong-doan-viet-nam: 92"),
        encoding="utf-8")
    code, out, err = run(capsys, "render", "plan", "2020", "-f", "md")
    assert (code, out) == (1, "")
    assert err == (
        "data/campaigns/bac-tu-liem-2020.yaml:123:27: error anniversary-ordinal: năm 2020 là kỷ niệm 91 "
        "năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 – 28/7/2020), không phải 92 năm; hãy ghi 91\n"
        "\n"
        "Không lập kế hoạch của bac-tu-liem-2020: dữ liệu của văn bản có lỗi (ở trên).\n")
    assert not (sample / "out").exists()


def _break(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_errors_elsewhere_do_not_block_a_plan_and_are_counted_in_one_line(sample: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    # Another campaign's wrong ordinal, and a unit the plan does not name with a mistyped parent.
    _break(sample / "data" / "campaigns" / "long-bien-2018.yaml",
           "loi-keu-goi-thi-dua-ai-quoc: 70", "loi-keu-goi-thi-dua-ai-quoc: 71")
    _break(sample / "data" / "units" / "ha-noi.yaml",
           "    sector: hanh-chinh-su-nghiep\n    parent: cdvc-ha-noi\n\n  # Seed 003: \"Công đoàn Sở",
           "    sector: hanh-chinh-su-nghiep\n    parent: cdvc-ha-noj\n\n  # Seed 003: \"Công đoàn Sở")
    code, out, err = run(capsys, "render", "plan", "2020", "-f", "md")
    assert (code, out) == (0, "")
    assert err == ("Bỏ qua 2 lỗi ở nơi khác trong sổ đăng ký, không thuộc văn bản nào được lập "
                   "(xem: thidua validate).\n"
                   "Đã ghi out/bac-tu-liem-2020-ke-hoach.md\n")


def test_an_error_in_the_issuer_unit_refuses_its_documents(sample: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _break(sample / "data" / "units" / "ha-noi.yaml", "    place: Bắc Từ Liêm\n",
           "    place: Bắc Từ Liêm\n    sectorr: khac\n")
    code, out, err = run(capsys, "render", "kickoff", "2020", "-f", "md")
    assert (code, out) == (1, "")
    assert err.endswith("Không lập lời kêu gọi của bac-tu-liem-2020: dữ liệu của văn bản có lỗi (ở trên).\n")
    assert "data/units/ha-noi.yaml:" in err and "sectorr" in err


def test_a_cited_plan_dated_after_the_document_refuses_it(sample: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (sample / "data" / "campaigns" / "ha-noi-2020.yaml").write_text(
        "id: ha-noi-2020\nissuer: ldld-ha-noi\nyear: 2020\nkind: nam\ntitle: Phát động thi đua năm 2020\n"
        "start: 2020-01-01\nend: 2020-12-31\ndocument:\n  number: 05/KH-LĐLĐ\n  date: 2020-02-05\n",
        encoding="utf-8")
    _break(sample / "data" / "campaigns" / "bac-tu-liem-2020.yaml", "basis:\n",
           "basis:\n  - campaign: ha-noi-2020\n")
    code, out, err = run(capsys, "render", "plan", "2020", "-f", "md", "--campaign", "bac-tu-liem-2020")
    assert (code, out) == (1, "")
    assert "error basis-after-document: phong trào \"ha-noi-2020\" có văn bản ngày 05/02/2020" in err


@pytest.mark.parametrize(("args", "message"), [
    (("render", "plan", "2020", "--campaign", "khong-co"),
     'thidua: no campaign "khong-co" in the registry\n'),
    (("render", "plan", "2021", "--campaign", "bac-tu-liem-2020"),
     'thidua: campaign "bac-tu-liem-2020" is of 2020, not 2021\n'),
    (("render", "covenant", "2020", "--campaign", "bac-tu-liem-2020"),
     'thidua: campaign "bac-tu-liem-2020" (kind nam) has no covenant; covenants are for '
     'giao-uoc campaigns\n'),
    (("render", "plan", "2020", "--unit", "khong-co"),
     'thidua: no unit or cluster "khong-co" in the registry\n'),
    (("render", "plan", "2019"), "thidua: no campaign in 2019 to render a plan for\n"),
    (("render", "plan", "2018", "-o", "-", "-f", "md"),
     "thidua: -o - prints one document, but 2 campaigns match; pick one with --campaign "
     "(cdvc-ha-noi-2018, long-bien-2018)\n"),
    (("render", "plan", "2020", "-o", "-"),
     "thidua: DOCX is not written to stdout (a binary file); use --format md or html, "
     "or --out DIR\n"),
])
def test_clear_refusals_exit_2(sample: Path, capsys, args: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "--lang", "en", *args)
    assert (code, out, err) == (2, "", message)
    assert not (sample / "out").exists()


def test_unit_selects_and_stdout_writes_one_document(sample: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "render", "plan", "2018", "--unit", "long-bien", "-f", "md")
    assert code == 2
    code, out, err = run(capsys, "render", "plan", "2018", "--unit", "ldld-long-bien",
                         "-f", "html", "-o", "-")
    assert (code, err) == (0, "")
    assert out.startswith("<!DOCTYPE html>")
    assert "kỷ niệm 70 năm ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc" in out
    assert "(11/6/1948 - 11/6/2018)" in out


def test_templates_override_by_file_name_and_errors_are_one_line(sample: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = sample / "mine"
    folder.mkdir()
    (folder / "kickoff.md.j2").write_text(
        "{% block title %}THƯ KÊU GỌI{% endblock %}{% block body %}Chào {{ issuer.short }}./.{% endblock %}",
        encoding="utf-8")
    code, out, err = run(capsys, "render", "kickoff", "2020", "-f", "md", "-o", "-",
                         "--templates", str(folder))
    assert (code, err) == (0, "")
    assert "# THƯ KÊU GỌI" in out and "Chào LĐLĐ quận Bắc Từ Liêm./." in out
    (folder / "kickoff.md.j2").write_text("{% block body %}\n{{ campaign.nothing }}{% endblock %}",
                                          encoding="utf-8")
    code, out, err = run(capsys, "--lang", "en", "render", "kickoff", "2020", "-f", "md",
                         "-o", "-", "--templates", str(folder))
    assert (code, out) == (2, "")
    assert err.startswith(f"thidua: template error {folder}/kickoff.md.j2:2: UndefinedError:")
    assert err.count("\n") == 1


def test_docx_through_the_command(sample: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = run(capsys, "render", "covenant", "2020")
    assert (code, err) == (0, "Đã ghi out/cum-3-ha-giang-2020-giao-uoc.docx\n")
    import docx
    document = docx.Document(str(sample / "out" / "cum-3-ha-giang-2020-giao-uoc.docx"))
    # The DOCX writer may break a long unit name over two lines of its cell.
    text = " ".join(" ".join(c.text.split()) for t in document.tables for r in t.rows
                    for c in r.cells)
    assert "LIÊN ĐOÀN LAO ĐỘNG HUYỆN BẮC MÊ" in text


def test_missing_template_folder_and_wrong_kind_for_a_covenant(sample: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(capsys, "--lang", "en", "render", "plan", "2020", "--templates", "nowhere")
    assert (code, out, err) == (2, "", 'thidua: template folder "nowhere" does not exist\n')
    code, out, err = run(capsys, "--lang", "en", "render", "kickoff", "2020",
                         "--campaign", "cum-3-ha-giang-2020")
    assert (code, out) == (2, "")
    assert err == ('thidua: campaign "cum-3-ha-giang-2020" (kind giao-uoc) has no kickoff call; '
                   "use render covenant for a giao-uoc campaign\n")


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each run renders from 12.0 s to 15.5 s, whatever the machine."""
    ticks = itertools.cycle([12.0, 15.5])
    monkeypatch.setattr("thidua_cli.cli.render.perf_counter", lambda: next(ticks))


def test_several_documents_named_then_one_closing_line_in_both_languages(  # type: ignore[no-untyped-def]
        sample: Path, capsys, fixed_clock) -> None:
    code, out, err = run(capsys, "render", "plan", "2018", "-f", "md")
    assert (code, out) == (0, "")
    assert err == ("Đã ghi out/cdvc-ha-noi-2018-ke-hoach.md\n"
                   "Đã ghi out/long-bien-2018-ke-hoach.md\n"
                   "Đã ghi 2 kế hoạch vào out/ trong 3,5 giây (1.750,0 ms mỗi văn bản).\n")
    code, out, err = run(capsys, "--lang", "en", "render", "plan", "2018", "-f", "html",
                         "-o", "docs/")
    assert (code, out) == (0, "")
    assert err == ("Wrote docs/cdvc-ha-noi-2018-ke-hoach.html\n"
                   "Wrote docs/long-bien-2018-ke-hoach.html\n"
                   "Wrote 2 plans to docs/ in 3.5 s (1,750.0 ms per document).\n")
    assert sorted(p.name for p in (sample / "docs").iterdir()) == [
        "cdvc-ha-noi-2018-ke-hoach.html", "long-bien-2018-ke-hoach.html"]


def _many_plans(make_registry, count: int) -> Path:  # type: ignore[no-untyped-def]
    """A registry with ``count`` grassroots unions under Ba Đình, each with its 2020 plan."""
    units = BASE_UNITS + "".join(
        f"  - id: cdcs-{i:02d}\n    name: Công đoàn trường số {i}\n    level: co-so\n"
        f"    parent: ldld-ba-dinh\n" for i in range(1, count + 1))
    files: dict[str, str | None] = {"units/units.yaml": units}
    for i in range(1, count + 1):
        files[f"campaigns/cdcs-{i:02d}-2020.yaml"] = BASE_CAMPAIGN.replace(
            "id: ba-dinh-2020\nissuer: ldld-ba-dinh", f"id: cdcs-{i:02d}-2020\nissuer: cdcs-{i:02d}")
    return make_registry(files)


def test_past_twenty_files_only_the_closing_line(  # type: ignore[no-untyped-def]
        make_registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    registry = _many_plans(make_registry, 21)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--registry", str(registry), "render", "plan", "2020", "-f", "md")
    assert (code, out) == (0, "")
    # The figures depend on the machine; the rest of the line is exact.
    assert re.fullmatch(r"Đã ghi 21 kế hoạch vào out/ trong \d+,\d giây "
                        r"\(\d+(\.\d{3})*,\d ms mỗi văn bản\)\.\n", err), err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        f"cdcs-{i:02d}-2020-ke-hoach.md" for i in range(1, 22)]


def test_many_files_refused_before_any_is_written(  # type: ignore[no-untyped-def]
        make_registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    registry = _many_plans(make_registry, 21)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "cdcs-17-2020-ke-hoach.md").write_text("mine", encoding="utf-8")
    code, out, err = run(capsys, "--registry", str(registry), "render", "plan", "2020", "-f", "md")
    assert (code, out, err) == (2, "", "thidua: tệp đã có, không ghi đè: "
                                       "out/cdcs-17-2020-ke-hoach.md (dùng --force để ghi đè)\n")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["cdcs-17-2020-ke-hoach.md"]


def test_progress_told_of_each_document_rendered_then_written(  # type: ignore[no-untyped-def]
        sample: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    calls: list[tuple[str, int, int]] = []
    opened: list[str] = []

    class Recorder:
        def __init__(self, settings: object) -> None:
            opened.append("open")

        def __call__(self, stage: str, done: int, total: int) -> None:
            calls.append((stage, done, total))

        def __enter__(self) -> Recorder:
            return self

        def __exit__(self, *exc: object) -> None:
            opened.append("closed")

    monkeypatch.setattr("thidua_cli.cli.progress.ProgressBar", Recorder)
    code, _, _ = run(capsys, "render", "plan", "2018", "-f", "md")
    assert code == 0
    # One bar over the whole command: validation's stages first, then these.
    assert opened == ["open", "closed"]
    assert {stage for stage, _, _ in calls} >= {"read", "check"}
    # Building the two documents, then writing them, each stage with its own label.
    assert [call for call in calls if call[0] in ("render", "write")] == [
        ("render", 1, 2), ("render", 2, 2), ("write", 1, 2), ("write", 2, 2)]


def test_vietnamese_figures() -> None:
    from thidua_cli.render.batch import _vi
    assert [_vi(6000, 0), _vi(95.24, 1), _vi(15.0, 1), _vi(1234567.891, 1)] == [
        "6.000", "95,2", "15,0", "1.234.567,9"]


def test_docx_made_in_workers_is_byte_identical_and_in_order(  # type: ignore[no-untyped-def]
        make_registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1577836800")  # the workers inherit it
    registry = _many_plans(make_registry, 3)
    monkeypatch.chdir(tmp_path)
    code, _, _ = run(capsys, "--registry", str(registry), "render", "plan", "2020", "-o", "one")
    assert code == 0
    # Whatever this machine's cores: two worker processes.
    monkeypatch.setattr("thidua_cli.render.batch.workers_for", lambda count, fmt: 2)
    code, _, err = run(capsys, "--registry", str(registry), "render", "plan", "2020", "-o", "two")
    assert code == 0
    assert err.splitlines()[:3] == [f"Đã ghi two/cdcs-0{i}-2020-ke-hoach.docx" for i in (1, 2, 3)]
    for i in (1, 2, 3):
        name = f"cdcs-0{i}-2020-ke-hoach.docx"
        assert (tmp_path / "two" / name).read_bytes() == (tmp_path / "one" / name).read_bytes()


def test_workers_only_for_many_docx_on_several_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    from thidua_cli.render import batch as render
    monkeypatch.setattr(render.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert [render.workers_for(39, "docx"), render.workers_for(40, "docx"),
            render.workers_for(6000, "md"), render.workers_for(6000, "html")] == [0, 2, 0, 0]
    monkeypatch.setattr(render.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert render.workers_for(6000, "docx") == 0
    monkeypatch.setattr(render.os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    assert render.workers_for(6000, "docx") == render.MAX_WORKERS


def _die(document: object) -> bytes:
    """A worker killed while making a document (as by the out-of-memory killer)."""
    import os
    os._exit(9)


def test_a_worker_that_dies_is_reported_not_waited_for(  # type: ignore[no-untyped-def]
        make_registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    registry = _many_plans(make_registry, 3)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("thidua_cli.render.batch.workers_for", lambda count, fmt: 2)
    monkeypatch.setattr("thidua_cli.render.batch._docx_in_worker", _die)
    code, out, err = run(capsys, "--lang", "en", "--registry", str(registry), "render", "plan",
                         "2020", "-o", "out")
    assert (code, out) == (2, "")
    assert err == ("thidua: a worker process making DOCX stopped abruptly (out of memory?); the "
                   "files written so far are whole; run again with --force or render fewer "
                   "(--unit)\n")
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []



def test_an_unknown_campaign_suggests_the_nearest(capsys):
    from tests.conftest import SAMPLE_REGISTRY
    from thidua_cli.cli.app import main

    assert main(["--registry", str(SAMPLE_REGISTRY), "render", "plan", "2020", "--campaign",
                 "bac-tu-liem"]) == 2
    assert capsys.readouterr().err == ('thidua: không có phong trào "bac-tu-liem" trong sổ đăng ký; '
                                       'có phải ý bạn là "bac-tu-liem-2020"?\n')


def _three_plans(make_registry):
    from tests.conftest import campaign

    return make_registry({f"campaigns/{name}.yaml": campaign(**{
        "id: ba-dinh-2020": f"id: {name}-2020",
        "kind: nam": "kind: nam" if name == "a" else "kind: chuyen-de"}) for name in "abc"})


def test_existing_files_are_refused_before_any_work_and_summarised(make_registry, tmp_path, capsys,
                                                                 monkeypatch):
    from thidua_cli.cli.app import main
    from thidua_cli.render import batch, build

    root = _three_plans(make_registry)
    out = tmp_path / "out"
    out.mkdir()
    for name in "abc":
        (out / f"{name}-2020-ke-hoach.md").write_text("đã có\n", encoding="utf-8")
    monkeypatch.setattr(batch, "SHOWN_EXISTING", 2)

    def never(*args, **kwargs):
        raise AssertionError("a document was built before the refusal")

    monkeypatch.setattr(build, "build", never)
    assert main(["--registry", str(root), "render", "plan", "2020", "--format", "md",
                 "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"thidua: 3 tệp đã có; thêm --force để ghi đè: {out}/a-2020-ke-hoach.md, "
        f"{out}/b-2020-ke-hoach.md, …\n")


def test_ctrl_c_says_what_was_written(make_registry, tmp_path, capsys, monkeypatch):
    from thidua_cli.cli.app import main
    from thidua_cli.render import batch

    root = _three_plans(make_registry)
    written = []
    real = batch.write_output

    def interrupted(path, data, force):
        if len(written) == 2:
            raise KeyboardInterrupt
        real(path, data, force)
        written.append(path)

    monkeypatch.setattr(batch, "write_output", interrupted)
    out = tmp_path / "out"
    assert main(["--registry", str(root), "render", "plan", "2020", "--format", "md",
                 "--out", str(out)]) == 130
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == (
        f"Đã dừng (Ctrl-C): đã ghi 2 trong 3 tệp vào {out}/; các tệp còn lại chưa ghi (tệp nào "
        "đã ghi thì ghi trọn vẹn).")
    assert sorted(p.name for p in out.iterdir()) == ["a-2020-ke-hoach.md", "b-2020-ke-hoach.md"]


def test_one_registry_index_per_run(sample: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    # Validation builds the index; the rules, the selection and each document's context
    # share it: the two plans of 2018 do not build it again.
    from thidua_cli.registry.index import RegistryIndex

    built = []
    real = RegistryIndex.of.__func__  # type: ignore[attr-defined]

    def counting(cls: type[RegistryIndex], registry: object) -> RegistryIndex:
        built.append(registry)
        return real(cls, registry)  # type: ignore[no-any-return]

    monkeypatch.setattr(RegistryIndex, "of", classmethod(counting))
    code, _, err = run(capsys, "render", "plan", "2018", "-f", "md")
    assert (code, err.count("Đã ghi out/"), len(built)) == (0, 2, 1)
