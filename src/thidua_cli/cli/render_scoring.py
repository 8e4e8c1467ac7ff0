"""``thidua render scores|minutes|proposal YEAR [--by ID]``: the documents of a year's scorings
(one file each), written as the plan's are (atomic, never over an existing file without
``--force``)."""

from __future__ import annotations

import sys
from pathlib import Path

from thidua_cli.cli.common import CommandError, Settings, write_output

NAMES = {"scores": ("bảng tổng hợp điểm", "score table"), "minutes": ("biên bản", "minutes"),
         "proposal": ("tờ trình", "proposal")}


def run(settings: Settings, kind: str, year: int, by: str | None, campaign: str | None,
        unit: str | None, fmt: str, out: str | None, force: bool, templates: Path | None) -> int:
    if campaign or unit:
        raise CommandError(f"{kind} lập từ bảng chấm điểm: dùng --by ID thay cho --campaign/--unit",
                           f"{kind} is made from a scoring: use --by ID instead of --campaign/--unit")
    to_stdout = out == "-"
    if to_stdout and fmt == "docx":
        raise CommandError(
            "không in DOCX ra stdout (tệp nhị phân); dùng --format md hoặc html, hoặc --out THƯ_MỤC",
            "DOCX is not written to stdout (a binary file); use --format md or html, or --out DIR")
    if templates is not None and not templates.is_dir():
        raise CommandError(f'không có thư mục mẫu "{templates}"',
                           f'template folder "{templates}" does not exist')
    from thidua_cli.cli.progress import ProgressBar
    from thidua_cli.cli.scores import checked_sheets
    from thidua_cli.render import engine
    from thidua_cli.render import scoring as builder

    vi_name, en_name = NAMES[kind]
    with ProgressBar(settings) as progress:
        chosen = checked_sheets(settings, year, by, f"không lập {vi_name} nào.",
                                f"no {en_name} rendered.", progress)
    if chosen is None:
        return 1
    if kind == "proposal":
        chosen = [sheet for sheet in chosen if sheet.scoring.proposals]
        if not chosen:
            raise CommandError(f"không có đề nghị khen thưởng nào năm {year} để lập tờ trình "
                               "(thêm proposals: vào bảng chấm điểm)",
                               f"no award proposal in {year} to render (add proposals: to the scoring)")
    if to_stdout and len(chosen) > 1:
        names = ", ".join(sheet.scoring.by for sheet in chosen)
        raise CommandError(f"-o - in một văn bản, nhưng có {len(chosen)} bảng chấm điểm; chọn một bằng "
                           f"--by ({names})",
                           f"-o - prints one document, but {len(chosen)} scorings match; pick one with "
                           f"--by ({names})")
    env = engine.environment(templates)
    try:
        documents = [builder.build(sheet, kind, env) for sheet in chosen]  # type: ignore[arg-type]
    except engine.TemplateProblem as exc:
        raise CommandError(exc.vi, exc.en) from None
    if to_stdout:
        text = _encode(documents[0], fmt)
        sys.stdout.write(text if isinstance(text, str) else text.decode("utf-8"))
        sys.stdout.flush()
        return 0
    folder = Path(out) if out else Path("out")
    targets = [(folder / f"{document.stem}.{fmt}", document) for document in documents]
    if not force:
        existing = [str(path) for path, _ in targets if path.exists()]
        if existing:
            raise CommandError(f"tệp đã có, không ghi đè: {', '.join(existing)} (dùng --force để ghi đè)",
                               f"file exists, not overwritten: {', '.join(existing)} "
                               "(use --force to overwrite)")
    for path, document in targets:
        write_output(path, _encode(document, fmt), force)
        settings.err.print(settings.t(f"Đã ghi {path}", f"Wrote {path}"), markup=False,
                           highlight=False)
    return 0


def _encode(document: object, fmt: str) -> bytes | str:
    from thidua_cli.render.document import Document

    assert isinstance(document, Document)
    if fmt == "md":
        from thidua_cli.render.markdown import to_markdown
        return to_markdown(document)
    if fmt == "html":
        from thidua_cli.render.html import to_html
        return to_html(document)
    from thidua_cli.render.docx import to_docx
    return to_docx(document)
