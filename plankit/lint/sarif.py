"""Lint findings as SARIF 2.1.0, for code-scanning viewers and CI dashboards.

One run of the ``plankit`` tool: the rules it knows (id = code, name, short and full
description, default level), and one result per finding with its file, region (1-based lines and
columns counted in Unicode code points, ``columnKind: unicodeCodePoints``), the flagged text as
snippet, a stable ``partialFingerprints`` entry (the same fingerprint a baseline uses) and, when
the rule knows the replacement, a ``fixes`` entry. Severities map to SARIF levels: error ->
``error``, warning -> ``warning``, info -> ``note``.

Lines and columns are those of :attr:`Plan.text` (NFC, ``\\n`` line ends): for a text file they
are the file's own lines; for a .docx they count the document's paragraphs as lines.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..model import Finding
from .rules import RULES, Rule

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "to_sarif"]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(file: str | None) -> str:
    if not file:
        return "unknown"
    path = Path(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(Path(os.path.normpath(file)).as_posix(), safe="/")


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    doc = rule.doc
    first = doc.split("\n\n", 1)[0].replace("\n", " ").strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": first},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": ["plankit", rule.code[:3]]},
    }


def _region(f: Finding) -> dict[str, Any]:
    return {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
        "snippet": {"text": f.surface},
    }


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    location = {"artifactLocation": {"uri": _uri(f.file)}, "region": _region(f)}
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": _LEVEL.get(f.severity, "warning"),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {"plankitFingerprint/v1": f.fingerprint},
        "properties": {"rule": f.rule, "severity": f.severity},
    }
    if f.context:
        result["properties"]["context"] = f.context
    if f.fix is not None:
        own = {k: v for k, v in _region(f).items() if k != "snippet"}
        replacements = [
            {
                "deletedRegion": own
                if (e.start, e.end) == (f.span.start, f.span.end)
                else {"charOffset": e.start, "charLength": e.end - e.start},
                "insertedContent": {"text": e.replacement},
            }
            for e in f.fix.edits
        ]
        shown = f.suggestion if f.suggestion is not None else f.fix.edits[0].replacement
        how = "an toàn / safe" if f.fix.safe else "cần xem lại / review it"
        result["fixes"] = [
            {
                "description": {"text": f"Thay bằng '{shown}' / Replace with '{shown}' ({how})"},
                "artifactChanges": [
                    {"artifactLocation": {"uri": _uri(f.file)}, "replacements": replacements}
                ],
                "properties": {"safe": f.fix.safe},
            }
        ]
    return result


def to_sarif(findings: Iterable[Finding], *, rules: Iterable[Rule] | None = None) -> dict[str, Any]:
    """A SARIF 2.1.0 log (as a dict ready for ``json.dumps``) holding ``findings``.

    Args:
        findings: findings of any number of files (each names its ``file``).
        rules: the rules to describe in the log (default: all rules).

    >>> from plankit.model import Span
    >>> f = Finding("PK501", "duplicated-word", "warning", "Từ 'chế' bị lặp lại / ...", Span(66, 73),
    ...             9, 63, "chế chế", "chế", file="plans/hung-yen/2022-so-khcn.md")
    >>> log = to_sarif([f])
    >>> log["version"], log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["endColumn"]
    ('2.1.0', 70)
    """
    from ..version import __version__

    described = list(rules) if rules is not None else list(RULES.values())
    findings = list(findings)
    for f in findings:  # a finding's rule is always described, even when not asked for
        if all(r.code != f.code for r in described):
            described.append(RULES[f.code])
    index = {r.code: i for i, r in enumerate(described)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "plankit",
                        "fullName": "plankit lint (stale copy-paste linter for Vietnamese plans)",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule_descriptor(r) for r in described],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index) for f in findings],
            }
        ],
    }
