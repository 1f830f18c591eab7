"""The one loader of plankit's data tables (plankit.vocab): exact rows of the shipped files,
and a clear error naming the file and the line for a malformed table."""

from __future__ import annotations

import pytest

from plankit import vocab
from plankit.errors import PlankitError


def test_every_table_reads_with_its_header():
    heads = {
        "provinces.tsv": ("name", "kind", "status", "aliases"),
        "departments.tsv": ("name", "code", "level"),
        "issuers.tsv": ("code", "name", "level", "scope"),
        "document_types.tsv": ("name", "abbreviation", "group", "shape", "note"),
        "typos.tsv": ("typo", "correction", "ocr", "not_before", "seen", "note"),
    }
    for name, columns in heads.items():
        rows = vocab.read_table(name, columns)
        assert rows and all(tuple(r) == columns for r in rows), name


def test_typed_column():
    rows = vocab.read_table("typos.tsv", types={"ocr": lambda v: v == "yes"})
    first = rows[0]
    assert (first["typo"], first["correction"], first["ocr"]) == ("tuyên tuyền", "tuyên truyền", True)


def test_wrong_columns_name_file_and_line():
    with pytest.raises(vocab.VocabularyError, match=r"^plankit/data/issuers.tsv, line 11: columns are code, name"):
        vocab.read_table("issuers.tsv", ("code", "name"))


def test_bad_cell_names_file_line_and_column():
    with pytest.raises(PlankitError, match=r"^plankit/data/departments.tsv, line \d+: column level: "):
        vocab.read_table("departments.tsv", types={"level": int})


def test_row_wider_than_header(monkeypatch):
    monkeypatch.setattr(vocab, "_lines", lambda name: ((3, "a\tb"), (4, "1\t2\t3")))
    with pytest.raises(vocab.VocabularyError, match=r"^plankit/data/x.tsv, line 4: 3 cells for 2 columns$"):
        vocab.read_table("x.tsv")
