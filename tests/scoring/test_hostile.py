"""Odd scoring files: every one is a located problem or a clean result, never a traceback."""

from __future__ import annotations

import pytest

from tests.conftest import found
from tests.scoring.fixtures import SCORING, files
from thidua_cli.cli.app import main

HEAD = "by: cum-3-ha-giang\nyear: 2020\n"
TABLE = 'criteria:\n  - {id: "1", name: Nhóm, max: 10, items: [{id: "1.1", name: Mục, max: 10}]}\n'


#: What a second scoring of cum-3-ha-giang for 2020 that loads (in part) says besides its own
#: fault: it duplicates the first (at its "by"), and the members it has no scores for lack them.
DUPLICATE = [("duplicate-id", 1, 5)]
UNSCORED = [("score-missing", 1, 1)] * 5


@pytest.mark.parametrize("text, expected", [
    ("", [("schema", 1, 1)]),
    ("- by: cum-3-ha-giang\n", [("schema", 1, 1)]),
    (HEAD + "criteria: []\n", [("schema", 3, 11)]),
    # A scoring loads but for its broken part, which hides nothing else and is judged by nothing:
    # ldld-bac-me's broken scores are not called missing; the four other members' are.
    (HEAD + TABLE + "scores: 5\n", [*DUPLICATE, ("schema", 5, 9)]),
    (HEAD + TABLE + "scores: {ldld-bac-me: {self: [10]}}\n",
     [*DUPLICATE, *[("score-missing", 5, 1)] * 4, ("schema", 5, 30)]),
    (HEAD + TABLE + "vote: {ballots: 0, votes: {ldld-bac-me: 0}}\n", [*UNSCORED, *DUPLICATE]),
    (HEAD + TABLE + "classes: [{name: A, min: true}]\n", [*UNSCORED, *DUPLICATE, ("schema", 5, 26)]),
    (HEAD + TABLE + 'scores: {ldld-bac-me: {self: {"1.1": .nan}}}\n',
     [*DUPLICATE, *[("score-missing", 5, 1)] * 4, ("schema", 5, 38)]),
    (HEAD + TABLE + 'scores: {ldld-bac-me: {self: {"1.1": 1e400}}}\n',
     [*DUPLICATE, *[("score-missing", 5, 1)] * 4, ("schema", 5, 38)]),
    (HEAD + TABLE + 'scores: {ldld-bac-me: {self: {"1.1": "١٠"}}}\n',
     [*DUPLICATE, *[("score-missing", 5, 1)] * 4, ("schema", 5, 38)]),
])
def test_odd_files_are_located_problems(make_registry, text, expected):
    chosen = files(results=False)
    chosen["scoring/cum-3-ha-giang-2020.yaml"] = SCORING
    chosen["scoring/x.yaml"] = text
    got = [(rule, line, column) for rule, file, line, column in found(make_registry(chosen))
           if file == "data/scoring/x.yaml"]
    assert got == expected


def test_scores_of_an_odd_file_is_a_refusal_not_a_traceback(capsys, make_registry):
    chosen = files()
    chosen["scoring/cum-3-ha-giang-2020.yaml"] = HEAD + TABLE + "scores: {ldld-bac-me: {self: [10]}}\n"
    code = main(["--registry", str(make_registry(chosen)), "scores", "2020"])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == "Bảng chấm điểm có lỗi: không lập bảng điểm."
