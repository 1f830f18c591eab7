"""What the restorer learns from is its own frozen data: the register may grow without retraining it.

The register (``plankit/data/register.tsv``) is kept for the linter and the graph; the restorer
learns its citations from a frozen copy (``plankit/data/restore/register.txt``). The row below is
invented (number, date and subject), in the shape of a ministry circular; its phrase "hướng dẫn
áp dụng" is what once moved "Dan ap phich" to "Dẫn" when a real subject was added.
"""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

import plankit.vocab
from plankit.restore import restore_text
from plankit.restore.sources import register_file_text
from plankit.restore_model import (
    build_model,
    default_model,
    register_citations,
    register_command,
    register_text,
)
from plankit.vocab import VocabularyError

ROOT = Path(__file__).resolve().parent.parent

NEW_ROW = {
    "key": "31/2091/TT-BYT",
    "doc_type": "Thông tư",
    "date": "2091-03-05",
    "issuer": "Bộ Y tế",
    "subject": "quy định mức thu và hướng dẫn áp dụng mức thu, thanh toán chi phí dịch vụ",
}
NEW_CITATION = (
    "Thông tư số 31/2091/TT-BYT ngày 05 tháng 03 năm 2091 của Bộ Y tế quy định mức thu và "
    "hướng dẫn áp dụng mức thu, thanh toán chi phí dịch vụ"
)

# (text typed or OCR'd, its reading today, its reading by a model that learnt NEW_CITATION): a
# right reading lost is as much a change as a wrong one gained
READINGS = [
    ("Dan 4p phich vé CCHC", "Dân áp phích về CCHC", "Dẫn áp phích về CCHC"),
    ("Dan ap phich ve CCHC", "Dân áp phích về CCHC", "Dẫn áp phích về CCHC"),
    ("Huong dan ap dung muc thu", "Hướng dẫn áp dụng mục thủ", "Hướng dẫn áp dụng mức thu"),
    ("Bo Y te quy dinh muc thu", "Bộ Y tế quy định mức thủ", "Bộ Y tế quy định mức thu"),
]


@pytest.fixture(scope="module")
def grown_register():
    """A model built while ``register.tsv`` has one row more, and the live citations then."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(plankit.vocab, "read_table", _with_new_row(plankit.vocab.read_table))
        built = build_model(), register_citations(), register_text()
    return built


def _with_new_row(real):
    """``read_table`` as if ``register.tsv`` had :data:`NEW_ROW` as its last row."""

    def read_table(name, *args, **kwargs):
        rows = real(name, *args, **kwargs)
        if name == "register.tsv":
            return (*rows, {**dict.fromkeys(rows[0], ""), **NEW_ROW})
        return rows

    return read_table


def test_the_grown_register_holds_the_new_citation(grown_register):
    _, live, frozen = grown_register
    assert NEW_CITATION in live.splitlines()
    assert NEW_CITATION not in frozen.splitlines()
    assert live.splitlines()[:-1] == register_citations().splitlines()


@pytest.mark.parametrize(("text", "today", "taught"), READINGS)
def test_a_register_row_changes_no_restored_reading(text, today, taught, grown_register):
    grown, _, _ = grown_register
    assert restore_text(text).text == today
    assert restore_text(text, model=grown).text == today
    # the citation would change the reading if the model learnt it (the test can fail)
    assert restore_text(text, model=default_model().add(NEW_CITATION)).text == taught


def test_the_grown_model_counts_what_the_default_counts(grown_register):
    grown, _, _ = grown_register
    model = default_model()
    assert grown.sources == model.sources
    assert (grown.uni, grown.bi) == (model.uni, model.bi)


def test_frozen_file_is_shipped_and_read_as_written():
    raw = resources.files("plankit.data").joinpath("restore", "register.txt").read_text("utf-8")
    body = [line for line in raw.splitlines() if not line.startswith("#")]
    assert body == register_text().splitlines()
    assert raw == register_file_text(register_text())
    assert len(body) == len(set(body)) >= 150


@pytest.mark.parametrize(
    ("citations", "expected"),
    [
        ("Luật số 1/2091/QH15 về thử nghiệm", ["Luật số 1/2091/QH15 về thử nghiệm"]),
        ("Một\n\nHai\n", ["Một", "Hai"]),
    ],
)
def test_register_file_text_keeps_each_citation_once_after_its_header(citations, expected):
    lines = register_file_text(citations).splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert lines == header + expected
    assert any("--write-register" in line for line in header)


def test_register_file_text_refuses_a_citation_the_reader_would_skip():
    with pytest.raises(VocabularyError, match=r"restore/register\.txt: a citation starts with '#'"):
        register_file_text("# không phải trích dẫn")


def _behind(out: str) -> int:
    """How many citations the command says the register has beyond the frozen copy."""
    found = re.search(r"the register has (\d+) more", out)
    assert found, out
    return int(found[1])


def test_the_command_reports_a_copy_behind_the_register(monkeypatch, capsys):
    # relative to the register of the day, which may have grown since the copy was frozen
    before = register_command([])
    ahead = _behind(capsys.readouterr().out)
    assert before == (1 if ahead else 0)
    monkeypatch.setattr(plankit.vocab, "read_table", _with_new_row(plankit.vocab.read_table))
    assert register_command([]) == 1
    assert _behind(capsys.readouterr().out) == ahead + 1


def test_the_command_runs_as_documented():
    done = subprocess.run(
        [sys.executable, "-m", "plankit.restore_model"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode in (0, 1), done.stderr
    assert "citations frozen; the register has" in done.stdout
    assert done.stderr == ""
