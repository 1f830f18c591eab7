"""The docs stay true: the README quickstart runs, every command and lint rule is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plankit.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = README + "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)


def test_quickstart_commands_are_on_the_first_screen():
    first_screen = "\n".join(README.splitlines()[:30])
    assert "make demo" in first_screen and "make test" in first_screen
    assert "import plankit" in first_screen


def test_readme_notebook_example_runs_as_written(monkeypatch):
    monkeypatch.chdir(ROOT)
    block = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    lines = [ln for ln in block.splitlines() if ln.strip()]
    assert len(lines) == 5
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)
    import plankit

    new = namespace["new"]
    found = plankit.lint_plan(new)
    assert [(f.code, f.surface) for f in found if f.rule == "stale-year"] == [("PK101", "nam 2024")]
    diff = plankit.diff_plans(namespace["old"], new)
    assert diff.basis_added == {"4168/QĐ-UBND", "258/KH-UBND"}


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_documented(command):
    assert f"plankit {command}" in DOCS


def test_every_lint_rule_is_documented():
    from plankit.lint.rules import RULES

    rules_page = (ROOT / "docs" / "lint-rules.md").read_text(encoding="utf-8")
    for rule in RULES.values():
        assert f"## {rule.code} {rule.name}" in rules_page


def test_linked_docs_exist():
    for target in re.findall(r"\]\(((?:docs|plans|templates)/[^)#]+)\)", README):
        assert (ROOT / target).exists(), target
