"""YAML is only ever read safely: PyYAML through its safe loaders, and ruamel.yaml (the round-trip edit of
contribute/yaml_edit.py) only as its safe or round-trip kind, so nowhere can YAML construct Python objects."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import PROJECT_ROOT

# PyYAML is the module `yaml` (a ruamel.yaml instance's `self.yaml.load` is not); ruamel's unsafe kinds are named.
UNSAFE = re.compile(r"(?<![\w.])yaml\.(load|load_all|unsafe_load|full_load)\s*\((?![^)]*Loader=yaml\.(C?SafeLoader))|"
                    r"yaml\.(Unsafe|Full)?Loader\b|UnsafeLoader|FullLoader|"
                    r"YAML\([^)]*typ\s*=\s*[\"'](unsafe|full|base)[\"']")


def test_no_unsafe_yaml_loading_anywhere() -> None:
    offenders = []
    for folder in ("src", "scripts", "tests"):
        for path in (PROJECT_ROOT / folder).rglob("*.py"):
            if path.resolve() == Path(__file__).resolve():
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if UNSAFE.search(line):
                    offenders.append(f"{path.relative_to(PROJECT_ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_pattern_catches_unsafe_calls() -> None:
    for line in ["yaml.load(text)", "yaml.load(text, Loader=yaml.Loader)", "yaml.unsafe_load(x)",
                 "yaml.full_load(x)", "yaml.load(x, Loader=yaml.FullLoader)", "YAML(typ='unsafe')",
                 'YAML(typ="full", pure=True)']:
        assert UNSAFE.search(line), line
    for line in ["yaml.safe_load(x)", "yaml.parse(text, Loader=_LOADER)", "yaml.load(x, Loader=yaml.CSafeLoader)",
                 'YAML(typ="rt")', "self.yaml.load(text)"]:
        assert not UNSAFE.search(line), line
