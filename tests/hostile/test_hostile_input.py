"""Hostile input through the real ``thidua validate``, each run bounded in time and memory.

Every input must end in located problems (exit 1) or, for a registry that cannot be
opened at all, one line and exit 2: never a traceback, a crash or a hang. The command
runs in a subprocess so that a segfault, a hang or runaway memory shows as such; the
time bound only catches hangs (it is far above the real run time), it is not a
timing assertion.
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import BASE_CAMPAIGN, MakeRegistry
from thidua_cli.registry.yaml_source import RESAVE_EN as RESAVE

HANG_BOUND_SECONDS = 20
MEMORY_BOUND_BYTES = 1 << 30
CAMPAIGN = "data/campaigns/x.yaml"
SUMMARY_1 = "3 files checked: 1 error, 0 warnings"


#: ``python -c`` program running the CLI as if PyYAML had been built without libyaml.
WITHOUT_LIBYAML = ("import sys, yaml; del yaml.CSafeLoader; from thidua_cli.cli.app import main; "
                   "sys.exit(main())")


def thidua_validate(root: Path, memory: int = MEMORY_BOUND_BYTES,
                    program: tuple[str, ...] = ("-m", "thidua_cli"),
                    lang: str = "en") -> subprocess.CompletedProcess[str]:
    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    env = {k: v for k, v in os.environ.items()
           if k not in ("THIDUA_DEBUG", "THIDUA_REGISTRY", "THIDUA_LANG")}
    # strerror texts ("Too many levels of symbolic links") follow the C locale.
    env.update(LC_ALL="C.UTF-8", NO_COLOR="1", PYTHONIOENCODING="utf-8")
    result = subprocess.run(
        [sys.executable, *program, "--lang", lang, "validate", "--registry", str(root)],
        capture_output=True, text=True, encoding="utf-8", errors="replace", env=env,
        cwd=root.parent if root.parent.is_dir() else None,
        timeout=HANG_BOUND_SECONDS, preexec_fn=limit_memory)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def problems_of(root: Path, memory: int = MEMORY_BOUND_BYTES,
                program: tuple[str, ...] = ("-m", "thidua_cli")) -> tuple[int, list[str]]:
    """Exit code and the output lines, after checking nothing went to stderr."""
    result = thidua_validate(root, memory, program)
    assert result.stderr == ""
    return result.returncode, result.stdout.splitlines()


def one_problem(root: Path, line: str, summary: str = SUMMARY_1,
                program: tuple[str, ...] = ("-m", "thidua_cli")) -> None:
    assert problems_of(root, program=program) == (1, [line, "", summary])


def campaign_file(make_registry: MakeRegistry, content: bytes | str) -> Path:
    if isinstance(content, str):
        content = content.encode("utf-8")
    return make_registry({"campaigns/x.yaml": content})


# ------------------------------------------------------------------------------------- YAML bombs


def test_alias_bomb(make_registry: MakeRegistry) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    code, out = problems_of(campaign_file(make_registry, "\n".join(lines) + "\n"))
    assert code == 1
    # Ten anchors and 81 aliases, each refused at its place; nothing is expanded.
    assert out[:3] == [
        f"{CAMPAIGN}:1:5: error yaml-alias: YAML anchor (&a0) is not allowed in the registry; "
        "remove it",
        f"{CAMPAIGN}:2:5: error yaml-alias: YAML anchor (&a1) is not allowed in the registry; "
        "remove it",
        f"{CAMPAIGN}:2:10: error yaml-alias: YAML alias (*a0) is not allowed in the registry; "
        "write the value out in full",
    ]
    assert out[-1] == "3 files checked: 91 errors, 0 warnings"


DEEP = "the file nests more than 100 levels deep; a registry never needs that"


@pytest.mark.parametrize("content, where", [
    ("a: " + "[" * 50_000 + "]" * 50_000 + "\n", "1:103"),
    ("a: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n", "1:400"),
    # Block nesting without brackets or indentation: one sequence per dash.
    ("- " * 50_000 + "1\n", "1:201"),
    ("a:\n  " + "- " * 50_000 + "1\n", "2:201"),
    # Indented block mappings: 2,000 levels are already 2 MB of indentation.
    ("".join(" " * i + "a:\n" for i in range(2_000)), "101:101"),
], ids=["flow-sequences", "flow-mappings", "compact-sequences", "compact-in-mapping",
        "indented-mappings"])
def test_deep_nesting(make_registry: MakeRegistry, content: str, where: str) -> None:
    one_problem(campaign_file(make_registry, content),
                f"{CAMPAIGN}:{where}: error yaml-syntax: {DEEP}")


# ------------------------------------------------------------------- bytes that are not YAML text


def test_five_megabytes_of_random_bytes(make_registry: MakeRegistry) -> None:
    raw = random.Random(20261123).randbytes(5_000_000)
    one_problem(campaign_file(make_registry, raw),
                f"{CAMPAIGN}:1:62: error encoding: the file contains a NUL byte: "
                "it looks binary, not YAML text; move it out of the registry")


def test_five_megabytes_of_random_bytes_without_nul(make_registry: MakeRegistry) -> None:
    raw = random.Random(20261123).randbytes(5_000_000).replace(b"\x00", b"")
    one_problem(campaign_file(make_registry, raw),
                f"{CAMPAIGN}:1:1: error encoding: the file is not UTF-8 text "
                "(invalid byte 0x8A); " + RESAVE)


def test_nul_byte_in_a_good_file(make_registry: MakeRegistry) -> None:
    content = BASE_CAMPAIGN.replace("year: 2020", "year: 20\x0020")
    one_problem(campaign_file(make_registry, content),
                f"{CAMPAIGN}:3:9: error encoding: the file contains a NUL byte: "
                "it looks binary, not YAML text; move it out of the registry")


def test_two_hundred_thousand_lines(make_registry: MakeRegistry) -> None:
    aims = "".join(f"  - Mục đích số {i}\n" for i in range(1, 199_977))
    content = BASE_CAMPAIGN + "aims:\n" + aims + "id: lap-lai\n"
    assert content.count("\n") == 200_000
    one_problem(campaign_file(make_registry, content),
                f'{CAMPAIGN}:200000:1: error duplicate-key: key "id" appears twice in one mapping '
                "(first at line 1); the later value would replace the earlier: "
                "remove or rename one")


# ------------------------------------------------------------------------- shapes of the document


@pytest.mark.parametrize("content, line", [
    ("", "1:1: error schema: the file is empty; write content starting with \"id: …\" "
         "or delete the file"),
    ("# chỉ có chú thích\n\n", "1:1: error schema: the file is empty; write content starting "
                               "with \"id: …\" or delete the file"),
    ("- id: a\n- id: b\n", "1:1: error schema: the top level of the file must be a mapping of "
                           "key: value (starting with \"id: …\"), not a list"),
    ("phong trào thi đua\n", "1:1: error schema: the top level of the file must be a mapping of "
                             "key: value (starting with \"id: …\"), "
                             "not text \"phong trào thi đua\""),
    ("2020\n", "1:1: error schema: the top level of the file must be a mapping of key: value "
               "(starting with \"id: …\"), not a whole number 2020"),
], ids=["empty", "only-comments", "top-level-list", "top-level-text", "top-level-number"])
def test_document_shape(make_registry: MakeRegistry, content: str, line: str) -> None:
    one_problem(campaign_file(make_registry, content), f"{CAMPAIGN}:{line}")


# -------------------------------------------------------------------------------------- encodings

UTF16 = "the file looks like UTF-16, not UTF-8; " + RESAVE


@pytest.mark.parametrize("encoding, bom", [
    ("utf-16-le", b""), ("utf-16-be", b""),
    ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
], ids=["le", "be", "le-bom", "be-bom"])
def test_utf16(make_registry: MakeRegistry, encoding: str, bom: bytes) -> None:
    raw = bom + BASE_CAMPAIGN.encode(encoding)
    one_problem(campaign_file(make_registry, raw), f"{CAMPAIGN}:1:1: error encoding: {UTF16}")


TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 writes it: the base letter (ă, â, ê, ô, ơ, ư, đ are in
    the code page) followed by a combining tone mark, since few toned letters are."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES)))
        out.append("".join(c for c in parts if c in TONES))
    return "".join(out).encode("cp1258")


WINDOWS_1258 = ("the file looks like Windows-1258 (old Vietnamese Windows code page), not UTF-8; "
                + RESAVE)


def test_windows_1258(make_registry: MakeRegistry) -> None:
    raw = cp1258(BASE_CAMPAIGN)
    assert "ă".encode("cp1258") in raw and b"\xec" in raw  # ă, and the acute as a combining mark
    # Line 5 is "title: Phát …": the first byte that is not UTF-8 is the "á"'s combining acute.
    one_problem(campaign_file(make_registry, raw),
                f"{CAMPAIGN}:5:11: error encoding: {WINDOWS_1258}")


def test_windows_1258_with_only_a_tone_mark(make_registry: MakeRegistry) -> None:
    # "Hỏi" has no letter of the code page's own: only o + combining hook above.
    raw = cp1258(BASE_CAMPAIGN.replace("Phát động", "Hỏi"))
    assert raw.count(b"\xd2") == 1  # cp1258 0xD2 is U+0309, the combining hook above
    one_problem(campaign_file(make_registry, raw),
                f"{CAMPAIGN}:5:10: error encoding: {WINDOWS_1258}")


# ----------------------------------------------------------------------- files that are not files


def unreadable(name: str, why: str) -> str:
    return f"{name}:1:1: error file-unreadable: {name} {why}; fix it or remove it from the registry"


def test_symlink_to_itself(make_registry: MakeRegistry) -> None:
    root = make_registry({})
    (root / "campaigns").mkdir()
    (root / "campaigns" / "x.yaml").symlink_to("x.yaml")
    one_problem(root, unreadable(CAMPAIGN, "cannot be read (Too many levels of symbolic links)"))


def test_symlinks_in_a_loop(make_registry: MakeRegistry) -> None:
    root = make_registry({})
    (root / "campaigns").mkdir()
    (root / "campaigns" / "a.yaml").symlink_to("b.yaml")
    (root / "campaigns" / "b.yaml").symlink_to("a.yaml")
    assert problems_of(root) == (1, [
        unreadable("data/campaigns/a.yaml", "cannot be read (Too many levels of symbolic links)"),
        "",
        unreadable("data/campaigns/b.yaml", "cannot be read (Too many levels of symbolic links)"),
        "",
        "4 files checked: 2 errors, 0 warnings",
    ])


def test_directory_loop(make_registry: MakeRegistry) -> None:
    # A link named like a campaign that points back at its own folder: never walked into.
    root = make_registry({"campaigns/ok.yaml": BASE_CAMPAIGN})
    (root / "campaigns" / "x.yaml").symlink_to(".")
    (root / "campaigns" / "up").symlink_to("..")
    one_problem(root, unreadable(CAMPAIGN, "is a folder, not a file"),
                "4 files checked: 1 error, 0 warnings")


def test_campaigns_folder_is_a_link_to_itself(make_registry: MakeRegistry) -> None:
    root = make_registry({})
    (root / "campaigns").symlink_to("campaigns")
    one_problem(root, unreadable("data/campaigns", "must be a folder of .yaml files"))


def test_campaigns_folder_is_a_file(make_registry: MakeRegistry) -> None:
    root = make_registry({"campaigns": BASE_CAMPAIGN})
    one_problem(root, unreadable("data/campaigns", "must be a folder of .yaml files"))


def test_folder_named_like_a_yaml_file(make_registry: MakeRegistry) -> None:
    root = make_registry({"campaigns/ok.yaml": BASE_CAMPAIGN})
    (root / "campaigns" / "x.yaml").mkdir()
    (root / "campaigns" / "x.yaml" / "inside.yaml").write_text(BASE_CAMPAIGN, encoding="utf-8")
    one_problem(root, unreadable(CAMPAIGN, "is a folder, not a file"),
                "4 files checked: 1 error, 0 warnings")


def test_named_pipe_does_not_hang(make_registry: MakeRegistry) -> None:
    root = make_registry({})
    (root / "campaigns").mkdir()
    os.mkfifo(root / "campaigns" / "x.yaml")
    one_problem(root, unreadable(CAMPAIGN, "is not a regular file (a pipe, device or socket)"))


def test_link_to_an_endless_device(make_registry: MakeRegistry) -> None:
    root = make_registry({})
    (root / "campaigns").mkdir()
    (root / "campaigns" / "x.yaml").symlink_to("/dev/zero")
    one_problem(root, unreadable(CAMPAIGN, "is not a regular file (a pipe, device or socket)"))


def test_file_too_large(make_registry: MakeRegistry) -> None:
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN})
    # Sparse: 65 MiB on paper, nothing on disk.
    os.truncate(root / "campaigns" / "x.yaml", 65 << 20)
    one_problem(root, unreadable(CAMPAIGN, "is larger than 64 MiB, too large for a registry file"))


def test_file_whose_reading_fails(make_registry: MakeRegistry) -> None:
    # Reading /proc/self/mem at offset 0 fails with EIO for every user, root included:
    # a read error that chmod cannot give when the tests run as root.
    root = make_registry({})
    (root / "campaigns").mkdir()
    (root / "campaigns" / "x.yaml").symlink_to("/proc/self/mem")
    one_problem(root, unreadable(CAMPAIGN, "cannot be read (Input/output error)"))


def test_file_without_read_permission(make_registry: MakeRegistry) -> None:
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN})
    path = root / "campaigns" / "x.yaml"
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            # Root (or CAP_DAC_OVERRIDE) reads through chmod 000: the file is checked as usual.
            assert problems_of(root) == (0, ["3 files checked: 0 errors, 0 warnings"])
        else:
            one_problem(root, unreadable(CAMPAIGN, "cannot be read (Permission denied)"))
    finally:
        path.chmod(0o644)  # let pytest clean tmp_path up


def test_other_files_are_still_checked(make_registry: MakeRegistry) -> None:
    root = make_registry({
        "campaigns/a.yaml": "- not a mapping\n",
        "campaigns/b.yaml": b"\xff\xfe" + BASE_CAMPAIGN.encode("utf-16-le"),
        "campaigns/c.yaml": BASE_CAMPAIGN.replace("year: 2020", "year: 2020\nyear: 2020"),
    })
    (root / "campaigns" / "b2.yaml").symlink_to("b2.yaml")
    code, out = problems_of(root)
    assert code == 1
    assert [line.split(": error ")[0] for line in out if ": error " in line] == [
        "data/campaigns/a.yaml:1:1", "data/campaigns/b.yaml:1:1", "data/campaigns/b2.yaml:1:1",
        "data/campaigns/c.yaml:4:1"]
    assert out[-1] == "6 files checked: 4 errors, 0 warnings"


# --------------------------------------------------------------- registries that cannot be opened


def test_registry_that_does_not_exist(tmp_path: Path) -> None:
    root = tmp_path / "khong-co"
    result = thidua_validate(root)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"thidua: registry not found: folder {root} does not exist (use --registry DIR or "
        "THIDUA_REGISTRY, or create one with `thidua init`)\n")


def test_registry_that_is_a_file(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.write_text(BASE_CAMPAIGN, encoding="utf-8")
    result = thidua_validate(root)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"thidua: {root} is not a registry folder\n"


def test_registry_that_is_a_symlink_loop(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.symlink_to("data")
    result = thidua_validate(root)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1 and "registry not found" in result.stderr


# ------------------------------------------------------------- found by fuzzing (docs/fuzzing.md)


@pytest.mark.parametrize("content, where, code", [
    ("title: Phát động\x19\n", "5:17", "0019"),
    ("title: x\x7f\n", "5:9", "007F"),
    ("title: x\ufffe\n", "5:9", "FFFE"),
    # With an anchor the event scan meets the character first: same problem.
    ("title: &t x\x1b\n", "5:12", "001B"),
], ids=["u0019", "delete", "non-character", "in-event-scan"])
@pytest.mark.parametrize("program", [("-m", "thidua_cli"), ("-c", WITHOUT_LIBYAML)],
                         ids=["libyaml", "pure-python-yaml"])
def test_control_character(make_registry: MakeRegistry, content: str, where: str,
                           code: str, program: tuple[str, ...]) -> None:
    # Without libyaml, PyYAML's reader refuses the character while the loader is built
    # and counts characters, not bytes: the same problem at the same place either way.
    text = BASE_CAMPAIGN.replace("title: Phát động phong trào thi đua năm 2020\n", content)
    one_problem(campaign_file(make_registry, text),
                f"{CAMPAIGN}:{where}: error yaml-syntax: character U+{code} (a control or non-text "
                "character) is not allowed in YAML; delete it (often pasted from Word or PDF)",
                program=program)


def test_file_too_dense_for_the_memory(make_registry: MakeRegistry) -> None:
    # 6 MiB of "1," is three million YAML nodes: more than 256 MiB of address space holds.
    # The file gets its problem and the other files are still checked.
    root = make_registry({"campaigns/a.yaml": BASE_CAMPAIGN.replace("ba-dinh-2020", "a"),
                          "campaigns/x.yaml": "a: [" + "1," * (3 << 20) + "]\n"})
    assert problems_of(root, memory=256 << 20) == (1, [
        unreadable(CAMPAIGN, "(6.0 MiB) is too large to read in the available memory"),
        "",
        "4 files checked: 1 error, 0 warnings",
    ])


def test_campaign_at_the_last_representable_day(make_registry: MakeRegistry) -> None:
    # A phase ending 9999-12-31 made the gap search step past the last date (OverflowError).
    root = make_registry({"campaigns/x.yaml": BASE_CAMPAIGN.replace("2020", "9999")})
    assert problems_of(root) == (1, [
        f"{CAMPAIGN}:13:23: error anniversary-ordinal: 9999 marks 8069 years of Ngày thành lập "
        "Đảng Cộng sản Việt Nam (1930-02-03 – 9999-02-03), not 90; write 8069",
        f"{CAMPAIGN}:18:27: error anniversary-ordinal: 9999 marks 8070 years of Ngày thành lập "
        "Công đoàn Việt Nam (1929-07-28 – 9999-07-28), not 91; write 8070",
        "",
        "3 files checked: 2 errors, 0 warnings",
    ])


def test_file_name_that_is_not_utf8(make_registry: MakeRegistry) -> None:
    # The name's bytes used to reach stdout as they were, making the output (and the JSON
    # of --format json) invalid UTF-8; the output is decoded with errors="replace" here,
    # so an invalid byte would show as U+FFFD.
    root = make_registry({})
    (root / "campaigns").mkdir()
    with open(os.fsencode(root / "campaigns") + b"/\xff.yaml", "wb") as handle:
        handle.write(b"- id: a\n")
    one_problem(root, "data/campaigns/\\xff.yaml:1:1: error schema: the top level of the file "
                      'must be a mapping of key: value (starting with "id: …"), not a list')


def test_problems_are_worded_in_vietnamese_by_default(make_registry: MakeRegistry) -> None:
    root = make_registry({"campaigns/b.yaml": "title: Phát\x19\n"})
    os.mkfifo(root / "campaigns" / "a.yaml")
    (root / "campaigns" / "c.yaml").symlink_to("c.yaml")
    result = thidua_validate(root, lang="vi")
    assert (result.returncode, result.stderr) == (1, "")
    fix = "hãy sửa hoặc xóa nó khỏi sổ đăng ký"
    assert result.stdout.splitlines() == [
        "data/campaigns/a.yaml:1:1: error file-unreadable: data/campaigns/a.yaml không phải là "
        f"tệp thông thường (ống, thiết bị hoặc socket); {fix}",
        "",
        "data/campaigns/b.yaml:1:12: error yaml-syntax: ký tự U+0019 (ký tự điều khiển hoặc "
        "không phải chữ) không được phép trong YAML; hãy xóa nó (thường do sao chép từ Word "
        "hoặc PDF)",
        "",
        "data/campaigns/c.yaml:1:1: error file-unreadable: data/campaigns/c.yaml không đọc được "
        f"(vòng lặp liên kết tượng trưng); {fix}",
        "",
        "Đã kiểm tra 5 tệp: 3 lỗi, 0 cảnh báo",
    ]


def test_line_breaks_in_values_and_names_stay_on_one_line(make_registry: MakeRegistry) -> None:
    # A block scalar keeps its newline ("ba-dinh-2020\n", no longer a valid id), and a file
    # name may hold one: each problem is still one line, the break shown as \n.
    root = make_registry({
        "campaigns/x.yaml": BASE_CAMPAIGN.replace("id: ba-dinh-2020\n", "id: |\n  ba-dinh-2020\n"),
        "campaigns/a\nb.yaml": "- id: a\n",
    })
    assert problems_of(root) == (1, [
        "data/campaigns/a\\nb.yaml:1:1: error schema: the top level of the file must be a "
        'mapping of key: value (starting with "id: …"), not a list',
        "",
        f'{CAMPAIGN}:1:5: error schema: id "ba-dinh-2020\\n" is not valid: use lowercase ASCII '
        'letters, digits and hyphens; did you mean "ba-dinh-2020"?',
        "",
        "4 files checked: 2 errors, 0 warnings",
    ])


def test_a_problem_on_every_unit_of_a_province(make_registry: MakeRegistry) -> None:
    # Positions used to be found by composing the whole file once per problem: 400
    # problems in one units file took 11 s, a province's 6,000 would have taken most of
    # an hour. Now each file is composed once.
    units = "units:\n" + "".join(
        f"  - id: cdcs-{i}\n    name: Công đoàn cơ sở {i}\n    level: co-so\n"
        f"    parent: ldld-ba-dinh\n    nganh: y-te\n" for i in range(6_000))
    root = make_registry({"units/tinh.yaml": units})
    code, out = problems_of(root)
    assert code == 1
    assert out[-1] == "3 files checked: 6,000 errors, 0 warnings"
    assert out[-3] == (
        "data/units/tinh.yaml:30001:5: error schema: field \"nganh\" is not part of the registry "
        "format; valid fields: id, name, short, level, parent, place, sector, dissolved, "
        "anniversaries")


def test_a_cycle_through_six_thousand_units(make_registry: MakeRegistry) -> None:
    # Each unit's whole chain of parents used to be walked: 30 s for this registry.
    units = "units:\n" + "".join(
        f"  - id: cdcs-{i}\n    name: Công đoàn cơ sở {i}\n    level: co-so\n"
        f"    parent: cdcs-{(i + 1) % 6_000}\n" for i in range(6_000))
    root = make_registry({"units/tinh.yaml": units})
    code, out = problems_of(root)
    assert code == 1
    assert out[-1] == "3 files checked: 6,000 errors, 0 warnings"
    assert out[0] == (
        'data/units/tinh.yaml:5:13: error unit-cycle: unit "cdcs-0" is its own ancestor (the '
        'unit tree has a cycle); fix the "parent" of one unit in the cycle')


def test_six_thousand_units_naming_one_mistyped_parent(make_registry: MakeRegistry) -> None:
    # Each unknown reference searched every id for a "did you mean": 211 s here.
    units = "units:\n" + "".join(
        f"  - id: cdcs-{i}\n    name: Công đoàn cơ sở {i}\n    level: co-so\n"
        f"    parent: ldld-ba-dinhh\n" for i in range(6_000))
    root = make_registry({"units/tinh.yaml": units})
    code, out = problems_of(root)
    assert code == 1
    assert out[-1] == "3 files checked: 6,000 errors, 0 warnings"
    assert out[-3] == ('data/units/tinh.yaml:24001:13: error unknown-reference: parent unit '
                       '"ldld-ba-dinhh" is not in the registry; did you mean "ldld-ba-dinh"?')
