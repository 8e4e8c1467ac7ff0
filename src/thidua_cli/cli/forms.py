"""``thidua form`` (an XLSX form per reporting unit) and ``thidua import`` (filled forms
back into ``results/*.yaml``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from thidua_cli.cli.common import CommandError, Settings, checked_registry, write_output
from thidua_cli.problems import Severity

if TYPE_CHECKING:
    from thidua_cli.models import Campaign, Result
    from thidua_cli.registry.data import Registry
    from thidua_cli.results.forms import FormProblem


def register(app: typer.Typer, t: Settings) -> None:
    @app.command(
        "form",
        help=t.t("Tạo biểu mẫu Excel (XLSX) báo cáo kết quả cho từng đơn vị báo cáo về một phong trào "
                 "(đơn vị trực thuộc đơn vị phát động, hoặc thành viên cụm).",
                 "Make an Excel (XLSX) results form for each unit that reports on a campaign "
                 "(the issuer's direct subordinates, or a cluster's members)."),
    )
    def form_command(
        ctx: typer.Context,
        year: int = typer.Argument(..., metavar=t.t("NĂM", "YEAR"), help=t.t("Năm của phong trào.",
                                                                             "The campaign's year.")),
        campaign: str = typer.Option(..., "--campaign", metavar=t.t("MÃ", "ID"),
                                     help=t.t("Mã phong trào.", "The campaign's id.")),
        out: Path | None = typer.Option(
            None, "--out", "-o", metavar=t.t("THƯ_MỤC", "DIR"),
            help=t.t("Thư mục ghi biểu mẫu (mặc định ./out/).",
                     "Folder to write the forms to (default ./out/).")),
        force: bool = typer.Option(False, "--force",
                                   help=t.t("Ghi đè tệp đã có.", "Overwrite existing files.")),
    ) -> None:
        raise typer.Exit(make_forms(ctx.obj, year, campaign, out or Path("out"), force))

    @app.command(
        "import",
        help=t.t("Nhập các biểu mẫu Excel đã điền vào results/*.yaml (tệp mới; --force để thay), "
                 "rồi kiểm tra.",
                 "Read filled Excel forms into results/*.yaml (new files; --force to replace), "
                 "then validate."),
    )
    def import_command(
        ctx: typer.Context,
        files: list[Path] = typer.Argument(..., metavar=t.t("TỆP.xlsx…", "FILE.xlsx…"),
                                           help=t.t("Các biểu mẫu đã điền.", "The filled forms.")),
        force: bool = typer.Option(False, "--force", help=t.t("Thay tệp kết quả đã có.",
                                                             "Replace existing result files.")),
    ) -> None:
        raise typer.Exit(import_forms(ctx.obj, files, force))


def make_forms(settings: Settings, year: int, campaign_id: str, out: Path, force: bool) -> int:
    from thidua_cli.hints import did_you_mean as suggest
    from thidua_cli.results import forms
    from thidua_cli.results.rollup import RollUp

    checked = checked_registry(settings, "Sổ đăng ký có lỗi: không tạo biểu mẫu.",
                               "The registry has errors: no form made.")
    if checked is None:
        return 1
    registry = checked.registry
    campaigns = {e.model.id: e.model for e in registry.campaigns}
    campaign = campaigns.get(campaign_id)
    if campaign is None:
        hint_vi, hint_en = suggest(campaign_id, campaigns)
        raise CommandError(f'không có phong trào "{campaign_id}" trong sổ đăng ký{hint_vi}',
                           f'no campaign "{campaign_id}" in the registry{hint_en}')
    if campaign.year != year:
        raise CommandError(f'phong trào "{campaign.id}" là của năm {campaign.year}, không phải {year}',
                           f'campaign "{campaign.id}" is of {campaign.year}, not {year}')
    if not campaign.targets:
        raise CommandError(f'phong trào "{campaign.id}" không có chỉ tiêu nào để báo cáo',
                           f'campaign "{campaign.id}" has no target to report on')
    units = {e.model.id: e.model for e in registry.units}
    book = RollUp(units.values(), (e.model for e in registry.clusters), campaigns.values(), ())
    reporters = [units[u] for u in book.expected(campaign.issuer, campaign) if u in units]
    if not reporters:
        raise CommandError(f'không có đơn vị nào báo cáo về phong trào "{campaign.id}" '
                           "(đơn vị phát động không có đơn vị trực thuộc)",
                           f'no unit reports on campaign "{campaign.id}" (the issuer has no subordinate)')
    issuer = units.get(campaign.issuer)
    issuer_name = issuer.name if issuer else next(
        (e.model.name for e in registry.clusters if e.model.id == campaign.issuer), campaign.issuer)
    targets = [out / forms.file_name(campaign, unit) for unit in reporters]
    existing = [str(path) for path in targets if path.exists()]
    if existing and not force:
        raise CommandError(f"tệp đã có, không ghi đè: {', '.join(existing)} (dùng --force để ghi đè)",
                           f"file exists, not overwritten: {', '.join(existing)} (use --force to overwrite)")
    reports = [e.model for e in registry.results if e.model.campaign == campaign.id]
    totals = forms.total_names(campaign, reports)
    for path, unit in zip(targets, reporters, strict=True):
        write_output(path, forms.make_form(campaign, unit, issuer_name, totals), force)
    settings.err.print(settings.t(f"Đã ghi {len(targets)} biểu mẫu vào {out}/",
                                  f"Wrote {len(targets)} forms to {out}/"),
                       markup=False, highlight=False)
    return 0


def import_forms(settings: Settings, files: list[Path], force: bool) -> int:
    from pydantic import ValidationError

    from thidua_cli.cli.progress import ProgressBar
    from thidua_cli.models import Result
    from thidua_cli.results import forms
    from thidua_cli.validation import validate

    with ProgressBar(settings) as progress:
        checked = checked_registry(settings, "Sổ đăng ký có lỗi: không nhập biểu mẫu.",
                                   "The registry has errors: no form imported.", progress)
        if checked is None:
            return 1
        registry = checked.registry
        campaigns = {e.model.id: e.model for e in registry.campaigns}
        units = {e.model.id for e in registry.units}
        folder = settings.registry / "results"
        existing_reports = {(e.model.campaign, e.model.unit, e.model.phase): e.loc.file
                            for e in registry.results}
        problems: list[forms.FormProblem] = []
        # target file → the forms that would write it (the form's name, the YAML text, the result)
        candidates: dict[Path, list[tuple[str, str, Result]]] = {}
        for done, path in enumerate(files, 1):
            progress("import", done - 1, len(files))
            name = path.name
            unreadable = _unreadable(path)
            if unreadable is not None:
                problems.append(forms.FormProblem(str(path), "", *unreadable))
                continue
            try:
                size = path.stat().st_size
                if size > forms.MAX_BYTES:
                    problems.append(forms.too_large(str(path), size))
                    continue
                with path.open("rb") as handle:
                    data = handle.read(forms.MAX_BYTES + 1)
            except OSError as exc:
                problems.append(forms.FormProblem(str(path), "", "không đọc được (không có quyền đọc?)",
                                                  f"cannot be read ({exc.strerror or exc})"))
                continue
            filled, found = forms.read_form(data, str(path), campaigns)
            if filled is None:
                problems.extend(found)
                continue
            campaign = campaigns[filled.campaign]
            if filled.unit not in units:
                problems.append(forms.FormProblem(str(path), f"{forms.SHEET}!{forms.UNIT_CELL}",
                                                  f'đơn vị "{filled.unit}" không có trong sổ đăng ký',
                                                  f'unit "{filled.unit}" is not in the registry'))
                continue
            text = forms.result_yaml(filled, name.replace("\n", " "))
            try:
                model = Result.model_validate({"campaign": filled.campaign, "unit": filled.unit,
                                               "as_of": filled.as_of, "population": filled.population,
                                               "results": filled.results})
            except ValidationError:
                # The cells one may fill were checked one by one: what fails here was edited
                # elsewhere (the hidden identification sheet).
                problems.append(forms.FormProblem(
                    str(path), "", "biểu mẫu đã bị sửa ngoài các ô được điền; hãy dùng lại biểu mẫu gốc",
                    "the form was edited outside the cells to fill; use the original form"))
                continue
            other = existing_reports.get((filled.campaign, filled.unit, None))
            # With --force the unit's report is replaced where it is, whatever its file name:
            # a second file for it would be a duplicate.
            target = registry.paths[other] if other is not None and other in registry.paths \
                else folder / f"{campaign.id}-{filled.unit}.yaml"
            if other is not None and not force:
                problems.append(forms.FormProblem(
                    str(path), "", f"đã có báo cáo của đơn vị này về phong trào này ({other}); "
                    "dùng --force để thay",
                    f"this unit already reported on this campaign ({other}); use --force to replace it"))
                continue
            if target.exists() and not force:
                problems.append(forms.FormProblem(str(path), "", f"tệp đã có, không ghi đè: {target} "
                                                  "(dùng --force để ghi đè)",
                                                  f"file exists, not overwritten: {target} (use --force)"))
                continue
            candidates.setdefault(target, []).append((str(path), text, model))
        progress("import", len(files), len(files))
        ready: dict[Path, tuple[str, str, Result]] = {}
        for target, given in candidates.items():
            if len(given) == 1:
                ready[target] = given[0]
                continue
            # Two forms of one unit: which is right is the user's call, not the order given.
            for form, _, _ in given:
                others = ", ".join(other_form for other_form, _, _ in given if other_form != form)
                problems.append(forms.FormProblem(
                    form, "", f"cùng đơn vị và phong trào với {others}; chỉ nhập một biểu mẫu",
                    f"the same unit and campaign as {others}; import only one form"))
        # What the rules of results would find once written (a unit no longer below the issuer,
        # a date before the campaign, "đạt" above "đăng ký"): told at the form's cell, unwritten.
        for target, problem in _rule_errors(settings, registry, ready, campaigns):
            problems.append(problem)
            ready.pop(target, None)
        for done, (target, (_, text, _)) in enumerate(ready.items(), 1):
            write_output(target, text, force)
            progress("write", done, len(ready))
    lang = settings.lang
    for problem in problems:
        settings.err.print(problem.text(lang), markup=False, highlight=False)
    written = len(ready)
    settings.err.print(settings.t(f"Đã nhập {written}/{len(files)} biểu mẫu vào {folder}/",
                                  f"Imported {written}/{len(files)} forms into {folder}/"),
                       markup=False, highlight=False)
    if written:
        result = validate(settings.registry, cache=True)
        from thidua_cli import report
        from thidua_cli.registry.loader import display_name

        mine = {display_name(settings.registry, t) for t in ready}
        shown = [p for p in result.problems if p.file in mine]
        for line in report.text_lines(shown, len(result.registry.files), lang):
            settings.err.print(line, markup=False, highlight=False)
        if any(p.severity is Severity.ERROR for p in shown):
            return 1
    return 1 if problems else 0


def _rule_errors(settings: Settings, registry: Registry, ready: dict[Path, tuple[str, str, Result]],
                 campaigns: dict[str, Campaign]) -> list[tuple[Path, FormProblem]]:
    """The errors the results rules find in the forms about to be written, each at its form's
    cell, with the file it would have written."""
    from dataclasses import replace

    from thidua_cli.problems import Location
    from thidua_cli.registry.data import Entry
    from thidua_cli.registry.loader import display_name
    from thidua_cli.results import forms
    from thidua_cli.rules import results as result_rules
    from thidua_cli.rules import severity
    from thidua_cli.rules.base import Context

    if not ready:
        return []
    names = {display_name(settings.registry, target): target for target in ready}
    added = [Entry(model, Location(name)) for name, (_, _, model) in
             ((name, ready[target]) for name, target in names.items())]
    kept = [e for e in registry.results if e.loc.file not in names]
    found: list[tuple[Path, FormProblem]] = []
    for finding in result_rules.check(Context(replace(registry, results=[*kept, *added]))):
        target = names.get(finding.location.file)
        if target is None or severity(finding.rule, finding.lesser) is not Severity.ERROR:
            continue
        form, _, model = ready[target]
        message, related = finding.message, finding.related.file if finding.related else ""
        found.append((target, forms.FormProblem(
            form, forms.cell_of(campaigns[model.campaign], finding.location.path),
            message.vi.replace("{related}", related), message.en.replace("{related}", related))))
    return found


def _unreadable(path: Path) -> tuple[str, str] | None:
    """Why a path given to import is not a file to read, in both languages (None: it is)."""
    if path.is_dir():
        return "là một thư mục, không phải biểu mẫu .xlsx", "is a folder, not an .xlsx form"
    if not path.exists():
        return "không tồn tại", "does not exist"
    if not path.is_file():
        return ("không phải tệp thông thường (ống, thiết bị hoặc socket)",
                "is not a regular file (a pipe, device or socket)")
    return None
