"""``thidua.yaml``: the registry's own settings for the checker (optional).

```yaml
rules:
  phase-length: off         # do not check this rule
  phase-gap: error          # make a warning an error
  document-number: warning
```

It sits at the registry root beside ``anniversaries.yaml``; the loader never reads it as
a registry file (it only looks at ``anniversaries.yaml``, ``units/`` and ``campaigns/``).
It is read with the registry's own safe YAML reader, so a broken file gets the same
located ``yaml-syntax``/``duplicate-key``/``encoding`` problems as any registry file, and
a wrong setting is a ``config-invalid`` error: a misconfigured CI must fail rather than
check less than it claims. Problems about ``thidua.yaml`` itself are never turned off or
down by it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from thidua_cli.problems import UNSTAMPED, Location, Problem, Severity, Text
from thidua_cli.registry import loader
from thidua_cli.registry.data import Registry

FILE_NAME = "thidua.yaml"
RULE = "config-invalid"
#: A rule's setting: ``off`` drops its problems, the others set their severity.
CHOICES: dict[str, Severity | None] = {"off": None, "error": Severity.ERROR,
                                       "warning": Severity.WARNING}
_KEYS = ("rules",)


@dataclass
class Config:
    #: the file's shown name (relative to the registry's parent), None without a file
    file: str | None = None
    #: rule → its new severity, or None for off
    rules: dict[str, Severity | None] = field(default_factory=dict)


def _invalid(file: str, path: tuple[str, ...], anchor: str, vi: str, en: str) -> Problem:
    return Problem(RULE, UNSTAMPED, Location(file, path, anchor), Text(vi, en))  # type: ignore[arg-type]


def load(registry: Registry) -> tuple[Config, list[Problem]]:
    """The settings of the registry, and the problems of its ``thidua.yaml`` (positions
    placed). Without a file: no settings and no problems."""
    from thidua_cli.hints import did_you_mean
    from thidua_cli.rules import RULES

    path = registry.root / FILE_NAME
    if not (path.exists() or path.is_symlink()):
        return Config(), []
    name = loader.display_name(registry.root, path)
    # Known by its path, so that positions are found and SARIF/GitHub name it from the
    # repository root like the registry files; not in ``files``: it is not registry data.
    registry.paths[name] = path
    config = Config(file=name)
    source = loader.read_file(path, name)
    problems = list(source.problems)
    data = source.data
    if not source.usable or data is None:
        return config, problems
    if not isinstance(data, dict):
        problems.append(Problem(
            RULE, UNSTAMPED, Location(name, line=1, column=1),
            Text(f'{FILE_NAME} phải là một bảng bắt đầu bằng "rules:", ví dụ "rules:\\n  phase-length: off"',
                 f'{FILE_NAME} must be a mapping starting with "rules:", '
                 f'e.g. "rules:\\n  phase-length: off"'),
            line=1, column=1))
        return config, problems
    placed: list[Problem] = []
    for key in data:
        if key not in _KEYS:
            hint_vi, hint_en = did_you_mean(str(key), _KEYS)
            placed.append(_invalid(
                name, (str(key),), "key",
                f'khóa "{key}" không có trong {FILE_NAME}' + (hint_vi or '; chỉ có khóa "rules"'),
                f'key "{key}" is not part of {FILE_NAME}' + (hint_en or '; the only key is "rules"')))
    settings = data.get("rules")
    if settings is not None and not isinstance(settings, dict):
        placed.append(_invalid(
            name, ("rules",), "value",
            '"rules" cần một bảng "tên-quy-tắc: off | error | warning", mỗi quy tắc một dòng',
            '"rules" expects a mapping "rule-name: off | error | warning", one rule a line'))
        settings = None
    allowed = ", ".join(CHOICES)
    for rule, value in (settings or {}).items():
        if not isinstance(rule, str) or rule not in RULES:
            hint_vi, hint_en = did_you_mean(str(rule), RULES)
            placed.append(_invalid(
                name, ("rules", str(rule)), "key",
                f'không có quy tắc "{rule}"' + (hint_vi or "; xem danh sách bằng `thidua rules`"),
                f'there is no rule "{rule}"' + (hint_en or "; see the list with `thidua rules`")))
            continue
        if rule == RULE:
            placed.append(_invalid(
                name, ("rules", rule), "key",
                f'không thể tắt hay đổi mức độ của "{RULE}": lỗi của chính {FILE_NAME} luôn được báo',
                f'"{RULE}" cannot be turned off or changed: problems of {FILE_NAME} itself are always '
                "reported"))
            continue
        choice = value.strip().lower() if isinstance(value, str) else None
        if choice not in CHOICES:
            shown = "(trống)" if value is None else value
            shown_en = "(empty)" if value is None else value
            placed.append(_invalid(
                # An empty value has no text to point at: point at its rule.
                name, ("rules", rule), "key" if value is None else "value",
                f'mức độ "{shown}" của "{rule}" không hợp lệ; chọn một trong: {allowed}',
                f'severity "{shown_en}" of "{rule}" is not valid; choose one of: {allowed}'))
            continue
        config.rules[rule] = CHOICES[choice]
    loader.place_problems(registry, placed)
    return config, problems + placed


def apply(config: Config, problems: list[Problem]) -> list[Problem]:
    """The problems left once rules are turned off, with their severities changed."""
    if not config.rules:
        return problems
    kept = []
    for problem in problems:
        if problem.rule in config.rules and problem.file != config.file:
            severity = config.rules[problem.rule]
            if severity is None:
                continue
            problem.severity = severity
        kept.append(problem)
    return kept


#: Rules without whose errors nothing can be made from the registry: an entry that did not
#: load, an id that names two campaigns, a reference to nothing, a cycle of units. They may
#: be turned off or down for ``validate``, but ``render``, ``calendar`` and ``new campaign``
#: still refuse on them: a rule switched off never becomes a crash or a wrong document.
NEEDED_TO_MAKE = frozenset({"encoding", "file-unreadable", "yaml-syntax", "yaml-alias", "schema",
                            "duplicate-id", "unknown-reference", "unit-cycle"})


def held_back(config: Config, problems: list[Problem]) -> list[Problem]:
    """The errors of :data:`NEEDED_TO_MAKE` rules that ``config`` turns off or down."""
    return [p for p in problems
            if p.rule in NEEDED_TO_MAKE and p.rule in config.rules
            and p.severity is Severity.ERROR and config.rules[p.rule] is not Severity.ERROR
            and p.file != config.file]


def configure(registry: Registry, problems: list[Problem]) -> tuple[list[Problem], list[Problem]]:
    """The validation hook: ``thidua.yaml`` applied to the problems, its own problems added;
    and the errors it turned off or down that a command making something must still see
    (see :func:`held_back`)."""
    from thidua_cli.rules import stamp

    config, own = load(registry)
    held = [copy.copy(problem) for problem in held_back(config, problems)]
    return apply(config, problems) + stamp(own), held
