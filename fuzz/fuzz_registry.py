"""Structure-aware fuzzing of the models and rules (atheris / libFuzzer).

fuzz_loader.py mutates bytes, and most mutations stop at the YAML parser or the
schema. This harness reads the fuzzer's bytes as *choices*: it builds a campaign, a
units file and an anniversaries file whose fields are drawn from pools of awkward
values (the first and last representable dates, 29 February, huge and negative
numbers, every target wording, ids that do and do not exist, wrong types, missing
fields), writes them as YAML into the same sandbox and runs the whole pipeline with
the same checks: problems only, each located, never an exception.

Run (see docs/fuzzing.md):
    python fuzz/fuzz_registry.py fuzz/corpus-registry -max_total_time=900 -timeout=20
Replay one input without atheris:
    python fuzz/fuzz_registry.py --replay crash-<hash>
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_loader import Sandbox, check_registry, main

DATES = ["1000-01-01", "9999-12-31", "9999-12-30", "2020-02-29", "2020-01-01", "2020-12-31",
         "2020-05-01", "2020-07-31", "31/12/9999", "01/01/1000", "1/1/2020", "1900-01-31",
         "2100-12-31", "2101-01-01", "1899-12-31", "2020-1-1"]
YEARS = [2020, 1000, 9999, 0, -1, 1900, 2100, 2101, 10**20, 1929, 1930]
ORDINALS = [None, 0, 1, 90, 91, -5, 10**12, 8069]
IDS = ["tong-ldld", "ldld-ha-noi", "ldld-ba-dinh", "cdcs-a", "cum-1", "thanh-lap-dang",
       "cong-doan-viet-nam", "gio-to-hung-vuong", "khong-co", "a"]
TEXTS = ["Phong trào thi đua", "", " ", "Ba\u0306\u0301c", "ngày {rel} {}", "%s %d {0}",
         "x" * 300, "\u202e", "Công đoàn"]
TARGETS = ["trên 75%", "từ 90% trở lên", "85-90%", "dưới 5%", "không quá 15%", "100%", "101%",
           "trên 100%", "dưới 0%", "90-85%", "không có", "1.000.000", "12,5%", "0,5", "10.141",
           "≥ 1.000,5", "từ 1 đến 2", "-5%", "trên", "", 200, 0, -1, 10**30, 12.5, True]
KINDS = ["nam", "nam-hoc", "cao-diem", "chuyen-de", "giao-uoc", "khac"]
LEVELS = ["tong-lien-doan", "tinh", "nganh-trung-uong", "tren-co-so", "co-so", "bo-phan", "x"]
LUNAR = ["10/3", "30/12", "1/1", "30/2", "29/12", "15/8", "31/1", "0/1", "1/13", "10-3"]
DOC_NUMBERS = ["01/KH-LĐLĐ", "1/KH-LĐLĐ", "12/LĐLĐ", "x", "01/XX-ABC", "100/QĐ-CĐ"]
#: Wrong values, drawn now and then in place of any field: bad ids and dates, wrong types.
ODD = [None, [], {}, 0, 1.5, True, "", [1, 2], {"a": 1}, "2020-01-01", "Bắc Từ Liêm", "a--b",
       "2021-02-29", "0999-12-31", "2020-13-01", "30/02/2020", "10/3"]


class Choices:
    """The fuzzer's bytes read as a stream of small choices (0 when they run out)."""

    def __init__(self, raw: bytes) -> None:
        self.raw, self.at = raw, 0

    def byte(self) -> int:
        value = self.raw[self.at] if self.at < len(self.raw) else 0
        self.at += 1
        return value

    def pick(self, pool: list[Any]) -> Any:
        return pool[self.byte() % len(pool)]

    def count(self, most: int) -> int:
        return self.byte() % (most + 1)

    def field(self, pool: list[Any]) -> Any:
        """Mostly a value of the pool; now and then a value of the wrong type."""
        return self.pick(ODD) if self.byte() % 16 == 0 else self.pick(pool)


def _fields(c: Choices, spec: dict[str, list[Any]]) -> dict[str, Any]:
    """The fields of one mapping; each may be left out (value 255) or misspelled (254)."""
    out: dict[str, Any] = {}
    for name, pool in spec.items():
        mode = c.byte()
        if mode == 255:
            continue
        out[name + ("e" if mode == 254 else "")] = c.field(pool)
    return out


def campaign(c: Choices) -> dict[str, Any]:
    data = _fields(c, {"id": IDS, "issuer": IDS, "year": YEARS, "kind": KINDS, "title": TEXTS,
                       "start": DATES, "end": DATES})
    if c.byte() % 2:
        data["celebrates"] = {c.pick(IDS): c.pick(ORDINALS) for _ in range(c.count(3))}
    if c.byte() % 2:
        data["launch"] = _fields(c, {"date": DATES, "place": TEXTS})
    if c.byte() % 2:
        data["document"] = _fields(c, {"number": DOC_NUMBERS, "date": DATES})
    data["phases"] = [
        {**_fields(c, {"number": [1, 2, 3, 4, 0, -1], "start": DATES, "end": DATES,
                       "days": [None, 90, 92, 0, -3, 10**9]}),
         "celebrates": {c.pick(IDS): c.pick(ORDINALS) for _ in range(c.count(2))}}
        for _ in range(c.count(4))]
    data["targets"] = [
        _fields(c, {"id": IDS, "text": TEXTS, "value": TARGETS, "within": [None, *IDS]})
        for _ in range(c.count(4))]
    return data


def units(c: Choices) -> dict[str, Any]:
    data: dict[str, Any] = {"units": [
        {**_fields(c, {"id": IDS, "name": TEXTS, "level": LEVELS, "parent": [None, *IDS],
                       "dissolved": [None, *DATES]}),
         "anniversaries": [_fields(c, {"id": IDS, "name": TEXTS, "date": DATES})
                           for _ in range(c.count(1))]}
        for _ in range(c.count(4))]}
    if c.byte() % 2:
        data["clusters"] = [
            _fields(c, {"id": IDS, "name": TEXTS, "organizer": IDS, "leader": IDS,
                        "members": [[c.pick(IDS) for _ in range(3)], [], IDS[:2]]})
            for _ in range(c.count(2))]
    return data


def anniversaries(c: Choices) -> dict[str, Any]:
    return {"anniversaries": [
        _fields(c, {"id": IDS, "name": TEXTS, "date": [None, *DATES], "lunar": [None, *LUNAR],
                    "since": [None, *YEARS]})
        for _ in range(c.count(5))]}


def registry_files(raw: bytes) -> dict[str, bytes]:
    import yaml

    c = Choices(raw)
    chosen = {"campaigns": campaign(c), "units": units(c), "anniversaries": anniversaries(c)}
    return {kind: yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
            for kind, data in chosen.items()}


def check_drawn(sandbox: Sandbox, raw: bytes) -> None:
    files = registry_files(raw)
    sandbox.place(files["campaigns"])  # the base files, and the campaign in its slot
    # Replace the base units and anniversaries by the drawn ones half of the time.
    if raw[-1:] and raw[-1] % 2:
        (sandbox.root / "units" / "base.yaml").write_bytes(files["units"])
        sandbox.slots["anniversaries"].write_bytes(files["anniversaries"])
    check_registry(sandbox.root)


def _instrument() -> None:
    import thidua_cli.report
    import thidua_cli.validation  # noqa: F401


if __name__ == "__main__":
    main(check_drawn, _instrument)
