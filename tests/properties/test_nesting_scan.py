"""The nesting pre-scan agrees with libyaml on the depth of every document it can parse.

The scan (``yaml_source.deep_position``) decides before any parser whether a file nests too
deep, so its verdict and place cannot depend on the installed PyYAML. Here it is held to
libyaml's own event stream on documents dumped in block, flow and mixed styles, with the
scalars that fool a naive scanner: quotes, colons, brackets and "#" inside text, multi-line
strings, explicit keys.
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from thidua_cli.registry.yaml_source import deep_position

TRICKY = ["a", "b: c", "x # y", "'q'", 'd"q', "[x]", "{y}", "multi\nline\ntext", "- dash",
          "?q", ": c", "#h", "line\n  indented", "Chủ đề: Dạy tốt", "ngày 03/02"]
scalars = st.sampled_from(TRICKY) | st.integers() | st.none() | st.booleans()
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(TRICKY), inner, max_size=3),
    max_leaves=25,
)


def libyaml_depth(text: str) -> int:
    depth = deepest = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return deepest


def scanned_depth(text: str) -> int:
    """The smallest limit the scan lets the text through."""
    limit = 0
    while deep_position(text, limit) is not None:
        limit += 1
    return limit


@given(documents, st.sampled_from([False, None, True]), st.sampled_from([2, 4]),
       st.sampled_from([20, 80]))
def test_the_scan_measures_the_depth_libyaml_parses(data: Any, flow: bool | None, indent: int,
                                                    width: int) -> None:
    text = yaml.dump(data, default_flow_style=flow, indent=indent, width=width,
                     allow_unicode=True)
    assert scanned_depth(text) == libyaml_depth(text)
