"""``unknown-reference``: every id a file names must exist, with "did you mean".

A reference to an entry that exists but failed the schema is not reported: the
schema problem already points at the real fault.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from thidua_cli.hints import did_you_mean
from thidua_cli.problems import Location, Severity, Text
from thidua_cli.rules.base import Check, Context, Finding, Rule

RULES = (
    Rule("unknown-reference", Severity.ERROR,
         Text("parent, issuer, organizer, leader, member, ngày kỷ niệm, within hoặc phong trào "
              "được dẫn trong basis trỏ tới mã không tồn tại",
              "a parent, issuer, organizer, leader, member, anniversary, `within` or a campaign "
              "cited in `basis` that names nothing"),
         Text("Một mã gõ nhầm làm đứt cây đơn vị hoặc làm mất ngày kỷ niệm khỏi văn bản.",
              "A mistyped id breaks the unit tree or drops an anniversary from the documents."),
         bad="parent: ldld-ha-noj", good="parent: ldld-ha-noi"),
)


def _unloaded_texts(ctx: Context) -> dict[str, str]:
    """The text of each units or anniversaries file that could not be read, as far as the
    ids in it can be seen (a Windows-1258 or UTF-16 file still shows its ASCII ids)."""
    texts: dict[str, str] = ctx.__dict__.setdefault("_unloaded", {})
    if not texts and ctx.registry.unloaded:
        for name in sorted(ctx.registry.unloaded):
            path = ctx.registry.paths.get(name)
            try:
                raw = path.read_bytes() if path is not None else b""
            except OSError:
                raw = b""
            texts[name] = raw.replace(b"\x00", b"").decode("utf-8", "replace")
    return texts


def _in_unloaded_file(ctx: Context, name: str) -> str | None:
    """The unreadable file that holds ``name``, if one does: then an unknown reference to
    it is a consequence of that file's problems, not a problem of its own."""
    token = re.compile(rf"(?<![a-z0-9-]){re.escape(name)}(?![a-z0-9-])")
    for file, text in _unloaded_texts(ctx).items():
        if token.search(text):
            return file
    return None


def _unknown(ctx: Context, name: str, loc: Location, what_vi: str, what_en: str,
             known: Iterable[str]) -> Finding | None:
    if name in ctx.registry.broken_ids:
        return None
    if ctx.registry.unloaded:
        cause = _in_unloaded_file(ctx, name)
        if cause is not None:
            blocked: dict[str, list[tuple[str, str, str, Location]]] = ctx.__dict__.setdefault(
                "_blocked", {})
            blocked.setdefault(cause, []).append((name, what_vi, what_en, loc))
            return None
    # One "did you mean" search per unknown name and kind of reference: each search
    # compares the name with every id, and 6,000 units naming one mistyped parent took
    # 211 s when every one of them searched again.
    cache: dict[tuple[str, str], tuple[str, str]] = ctx.__dict__.setdefault("_suggestions", {})
    if (name, what_en) not in cache:
        cache[(name, what_en)] = did_you_mean(name, known, _names(ctx))
    hint_vi, hint_en = cache[(name, what_en)]
    return Finding("unknown-reference", loc, Text(
        f'{what_vi} "{name}" không có trong sổ đăng ký{hint_vi}',
        f'{what_en} "{name}" is not in the registry{hint_en}'))


def _names(ctx: Context) -> dict[str, str]:
    """Every id's Vietnamese name, for "did you mean" by name."""
    names: dict[str, str] = ctx.__dict__.setdefault("_names", {})
    if not names:
        for entries in (ctx.registry.units, ctx.registry.clusters, ctx.registry.anniversaries):
            for entry in entries:
                if entry.intact("name"):
                    names.setdefault(entry.model.id, entry.model.name)
    return names


def _unit_ref(ctx: Context, name: str, loc: Location, what_vi: str, what_en: str) -> Check:
    if name in ctx.units:
        return
    if name in ctx.clusters:
        yield Finding("unknown-reference", loc, Text(
            f'{what_vi} "{name}" là một cụm thi đua, không phải một đơn vị',
            f'{what_en} "{name}" is a cluster, not a unit'))
        return
    finding = _unknown(ctx, name, loc, what_vi, what_en, ctx.units)
    if finding:
        yield finding


def check(ctx: Context) -> Check:
    yield from _check(ctx)
    # Causes before consequences: references into a file that could not be read are said
    # once, at the first of them, pointing at that file (whose problems come first).
    blocked: dict[str, list[tuple[str, str, str, Location]]] = ctx.__dict__.get("_blocked", {})
    for cause, references in blocked.items():
        name, what_vi, what_en, loc = references[0]
        others = len(references) - 1
        more_vi = f"; {others} tham chiếu khác tới tệp này cũng chưa kiểm tra được" if others else ""
        more_en = f"; {others} more references into that file are unchecked too" if others else ""
        yield Finding("unknown-reference", loc, Text(
            f'{what_vi} "{name}" chưa kiểm tra được vì {cause} chưa đọc được (lỗi của tệp đó '
            f"ở trên); hãy sửa tệp đó trước{more_vi}",
            f'{what_en} "{name}" cannot be checked because {cause} could not be read (its '
            f"problems are above); fix that file first{more_en}"))


def _check(ctx: Context) -> Check:
    for unit in ctx.registry.units:
        if unit.model.parent is not None:
            yield from _unit_ref(ctx, unit.model.parent, unit.loc.child("parent"),
                                 "cấp trên trực tiếp", "parent unit")
    for cluster in ctx.registry.clusters:
        cluster_model = cluster.model
        if cluster.intact("organizer"):
            yield from _unit_ref(ctx, cluster_model.organizer, cluster.loc.child("organizer"),
                                 "đơn vị tổ chức cụm", "cluster organizer")
        if cluster.intact("leader"):
            yield from _unit_ref(ctx, cluster_model.leader, cluster.loc.child("leader"),
                                 "cụm trưởng", "cluster leader")
        for index, member in enumerate(cluster_model.members):
            if cluster.intact(("members", index)):
                yield from _unit_ref(ctx, member, cluster.loc.child("members", index),
                                     "thành viên cụm", "cluster member")
    for campaign in ctx.registry.campaigns:
        model = campaign.model
        if campaign.intact("issuer") and model.issuer not in ctx.units \
                and model.issuer not in ctx.clusters:
            finding = _unknown(ctx, model.issuer, campaign.loc.child("issuer"),
                               "đơn vị ban hành", "issuer", [*ctx.units, *ctx.clusters])
            if finding:
                yield finding
        for index, cited in model.cited:
            if cited not in ctx.campaigns:
                finding = _unknown(ctx, cited, campaign.loc.child("basis", index, "campaign"),
                                   "phong trào được dẫn làm căn cứ", "cited campaign", ctx.campaigns)
                if finding:
                    yield finding
        celebrations = [(model.celebrates, campaign.loc.child("celebrates"))] + [
            (phase.celebrates, campaign.loc.child("phases", index, "celebrates"))
            for index, phase in enumerate(model.phases)]
        for celebrates, loc in celebrations:
            for name in celebrates:
                if name not in ctx.anniversaries:
                    finding = _unknown(ctx, name, loc.child(name, anchor="key"),
                                       "ngày kỷ niệm", "anniversary", ctx.anniversaries)
                    if finding:
                        yield finding
        target_ids = [target.id for target in model.targets]
        for index, target in enumerate(model.targets):
            if (target.within is not None and target.within not in target_ids
                    and target.within not in ctx.registry.broken_ids):
                hint_vi, hint_en = did_you_mean(target.within, target_ids)
                yield Finding("unknown-reference", campaign.loc.child("targets", index, "within"), Text(
                    f'chỉ tiêu "{target.within}" (within) không có trong phong trào này{hint_vi}',
                    f'target "{target.within}" (within) is not in this campaign{hint_en}'))
