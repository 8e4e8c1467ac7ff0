"""``thidua fix``: show, then (with ``--write``) make, the fixes the checker knows the answer to."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import typer

from thidua_cli.cli.common import CommandError, Settings, examples


def register(app: typer.Typer, t: Settings) -> None:
    @app.command(
        "fix",
        epilog=examples(t, "thidua fix", "thidua fix --write", "thidua fix data --write"),
        help=t.t("Sửa những lỗi đã biết cách sửa: bảng mã (UTF-16, Windows-1258 → UTF-8), Unicode "
                 "tổ hợp → dựng sẵn (NFC), phím Tab ở đầu dòng, số năm kỷ niệm ghi sai, số đặt "
                 "trong ngoặc kép. In các thay đổi (diff) trước; chỉ ghi khi có --write, và không "
                 "động tới phần nào khác của tệp.",
                 "Fix what the checker knows the answer to: the encoding (UTF-16, Windows-1258 → "
                 "UTF-8), decomposed Unicode → NFC, Tabs in indentation, a wrong stated ordinal, "
                 "a number in quotes. Shows the changes (a diff) first; writes only with --write, "
                 "and touches nothing else in a file."),
    )
    def fix_command(
        ctx: typer.Context,
        registry: Path | None = typer.Argument(
            None, metavar=t.t("SỔ_ĐĂNG_KÝ", "REGISTRY"), show_default=False,
            help=t.t("Thư mục sổ đăng ký, như --registry.", "Registry folder, as --registry.")),
        write: bool = typer.Option(
            False, "--write", help=t.t("Ghi các thay đổi vào tệp (mặc định: chỉ in ra).",
                                       "Write the changes into the files (default: only show them).")),
    ) -> None:
        settings: Settings = ctx.obj
        if registry is not None:
            settings.registry = registry
        raise typer.Exit(run(settings, write))


def run(settings: Settings, write: bool) -> int:
    from thidua_cli.authoring.fix import fix_bytes
    from thidua_cli.files import write_atomic
    from thidua_cli.registry import loader

    t = settings.t
    say = settings.err.print
    loader.open_registry(settings.registry)
    from thidua_cli.validation import validate

    result = validate(settings.registry, cache=True)
    anniversaries = {e.model.id: e.model for e in result.registry.anniversaries}
    fixed_files = 0
    for kind, path in loader.find_files(settings.registry):
        name = loader.display_name(settings.registry, path)
        if not path.is_file():
            continue
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"không đọc được {name}: {exc.strerror or exc}",
                               f"cannot read {name}: {exc.strerror or exc}") from None
        fixed = fix_bytes(raw, kind, anniversaries)
        for text in fixed.left:
            say(f"{name}: {text.get(settings.lang)}", markup=False, highlight=False)
        if fixed.data is None:
            continue
        fixed_files += 1
        diff = difflib.unified_diff(fixed.before.splitlines(keepends=True),
                                    fixed.after.splitlines(keepends=True),
                                    fromfile=f"a/{name}", tofile=f"b/{name}")
        sys.stdout.writelines(line if line.endswith("\n") else line + "\n" for line in diff)
        sys.stdout.flush()
        say(f"{name}:", markup=False, highlight=False)
        for text in fixed.changes:
            say(f"  {text.get(settings.lang)}", markup=False, highlight=False)
        if write:
            try:
                write_atomic(path, fixed.data, overwrite=True)
            except OSError as exc:
                raise CommandError(f"không ghi được {name}: {exc.strerror or exc}",
                                   f"cannot write {name}: {exc.strerror or exc}") from None
    if fixed_files == 0:
        say(t("Không có gì để sửa.", "Nothing to fix."), markup=False, highlight=False)
    elif write:
        say(t(f"Đã sửa {fixed_files} tệp.", f"Fixed {fixed_files} files."), markup=False, highlight=False)
    else:
        say(t(f"{fixed_files} tệp có thể sửa; chạy lại với --write để ghi.",
              f"{fixed_files} files can be fixed; run again with --write to write them."),
            markup=False, highlight=False)
    return 0
