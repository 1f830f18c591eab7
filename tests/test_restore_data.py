"""What the restorer learns from is its own frozen data: plankit's tables may grow without retraining it.

The register (``plankit/data/register.tsv``) is kept for the linter and the graph; the restorer
learns its citations from a frozen copy (``plankit/data/restore/register.txt``). The row below is
invented (number, date and subject), in the shape of a ministry circular; its phrase "hướng dẫn
áp dụng" is what once moved "Dan ap phich" to "Dẫn" when a real subject was added.

The same holds for the names of the other tables (issuers, document types, programmes, replaced
documents: ``vocabulary.txt``) and the place names (provinces and departments: ``places.tsv``):
the body and the alias added below are invented.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

import plankit.places
import plankit.vocab
from plankit.restore import names, restore_text
from plankit.restore.sources import (
    parse_places,
    places_file_text,
    register_file_text,
    vocabulary_file_text,
)
from plankit.restore_model import (
    build_model,
    default_model,
    place_names,
    place_names_from_tables,
    places_text,
    register_citations,
    register_command,
    register_text,
    vocabulary_from_tables,
    vocabulary_text,
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


def _all_behind(out: str) -> dict[str, tuple[int, int]]:
    """Per frozen file the command reports on: (entries the tables have more, fewer or changed)."""
    found = re.findall(r"restore/([\w.]+): \d+ [\w ]+ frozen; the [\w ]+ (?:has|have) (\d+) more, (\d+) fewer", out)
    return {file: (int(more), int(fewer)) for file, more, fewer in found}


def test_the_command_reports_a_copy_behind_the_register(monkeypatch, capsys):
    # relative to the tables of the day, which may have grown since the copies were frozen
    before = register_command([])
    out = capsys.readouterr().out
    ahead = _behind(out)
    counts = _all_behind(out)
    assert sorted(counts) == ["places.tsv", "register.txt", "vocabulary.txt"]
    assert before == (1 if any(more or fewer for more, fewer in counts.values()) else 0)
    monkeypatch.setattr(plankit.vocab, "read_table", _with_new_row(plankit.vocab.read_table))
    assert register_command([]) == 1
    out = capsys.readouterr().out
    assert _behind(out) == ahead + 1
    assert {f: c for f, c in _all_behind(out).items() if f != "register.txt"} == {
        f: c for f, c in counts.items() if f != "register.txt"
    }


# -- the names of the other tables and the place names ---------------------------------------

NEW_ISSUER = "Ban Quản lý Khu thử nghiệm Hàng hải Đông Bắc"
NEW_ALIAS = "Hưng Yên Mới"


def _with_new_names(real):
    """``read_table`` as if ``issuers.tsv`` had one more body, :data:`NEW_ISSUER`."""

    def read_table(name, *args, **kwargs):
        rows = real(name, *args, **kwargs)
        if name == "issuers.tsv":
            return (*rows, {**dict.fromkeys(rows[0], ""), "name": NEW_ISSUER})
        return rows

    return read_table


def _with_new_alias(real):
    """``provinces()`` as if Hưng Yên had one more alias, :data:`NEW_ALIAS`."""

    def provinces():
        return tuple(
            dataclasses.replace(p, aliases=(*p.aliases, NEW_ALIAS)) if p.name == "Hưng Yên" else p for p in real()
        )

    return provinces


@pytest.fixture(scope="module")
def grown_tables():
    """A model built while issuers.tsv has a body more and provinces.tsv an alias more, and the
    live names and places then."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(plankit.vocab, "read_table", _with_new_names(plankit.vocab.read_table))
        mp.setattr(plankit.places, "provinces", _with_new_alias(plankit.places.provinces))
        built = build_model(), vocabulary_from_tables(), place_names_from_tables()
    return built


def test_the_grown_tables_hold_the_new_names(grown_tables):
    _, live_names, live_places = grown_tables
    assert live_names.splitlines()[-1] != NEW_ISSUER  # issuers come before programmes
    assert NEW_ISSUER in live_names.splitlines() and NEW_ISSUER not in vocabulary_text().splitlines()
    assert ("tỉnh", NEW_ALIAS) in live_places and ("tỉnh", NEW_ALIAS) not in place_names()
    assert f"UBND tỉnh {NEW_ALIAS}" in places_text(live_places).splitlines()
    assert f"UBND tỉnh {NEW_ALIAS}" not in places_text().splitlines()


def test_grown_tables_change_no_count_of_the_model(grown_tables):
    grown, _, _ = grown_tables
    model = default_model()
    assert grown.sources == model.sources
    assert (grown.uni, grown.bi, grown.tri) == (model.uni, model.bi, model.tri)
    # the names would change the counts if the model learnt them (the test can fail)
    taught = model.add(f"{NEW_ISSUER}\nUBND tỉnh {NEW_ALIAS}")
    assert taught.bi != model.bi


def _refuse(*_args, **_kwargs):
    raise AssertionError("the restorer read a live table")


def test_restoring_reads_no_live_table(monkeypatch):
    """With every live table unreadable, the model builds and restores as it does by default
    (places and the name pass included: their caches are emptied first)."""
    text = "UBND TINH QUANG NGAI\nCong van cua Bo Noi vu gui Ong Nguyen Van An\ntinh Dak Lak, thanh pho Can Tho"
    expected = restore_text(text).text
    for cache in (names._known_places, names._proper_phrases):
        cache.cache_clear()
    try:
        monkeypatch.setattr(plankit.vocab, "read_table", _refuse)
        monkeypatch.setattr(plankit.places, "provinces", _refuse)
        monkeypatch.setattr(plankit.places, "departments", _refuse)
        model = build_model()
        assert restore_text(text, model=model).text == expected
        assert expected.splitlines()[0] == "UBND TỈNH QUẢNG NGÃI"
        assert (model.uni, model.bi) == (default_model().uni, default_model().bi)
    finally:
        monkeypatch.undo()
        for cache in (names._known_places, names._proper_phrases):
            cache.cache_clear()


def test_the_place_names_after_a_place_word_are_the_frozen_ones(monkeypatch):
    # an alias added to provinces.tsv reads nothing new until the copy is refrozen
    monkeypatch.setattr(plankit.places, "provinces", _with_new_alias(plankit.places.provinces))
    names._known_places.cache_clear()
    try:
        table = names._known_places()["tỉnh"]
        assert ("hung", "yen", "moi") not in table
        assert table[("quang", "ngai")] == ("quảng", "ngãi")
        assert table[("dak", "lak")] == ("đắk", "lắk")
    finally:
        monkeypatch.undo()
        names._known_places.cache_clear()


@pytest.mark.parametrize(
    ("file", "read", "write"),
    [
        ("vocabulary.txt", lambda: vocabulary_text(), lambda: vocabulary_file_text(vocabulary_text())),
        ("places.tsv", lambda: place_names(), lambda: places_file_text(place_names())),
    ],
)
def test_frozen_names_are_shipped_and_read_as_written(file, read, write):
    raw = resources.files("plankit.data").joinpath("restore", file).read_text("utf-8")
    assert raw == write()
    assert any("--write-vocabulary" in line for line in raw.splitlines() if line.startswith("#"))
    assert len(read()) > 50


def test_frozen_names_hold_every_kind_of_entry():
    assert {"Thủ tướng Chính phủ", "Quyết định", "Ban Chấp hành Trung ương"} <= set(vocabulary_text().splitlines())
    kinds = [kind for kind, _name in place_names()]
    assert set(kinds) == {"tỉnh", "thành phố", "body"}
    # units first (each name before its aliases), then the bodies
    assert kinds.index("body") == len(kinds) - kinds[::-1].count("body") == sum(k != "body" for k in kinds)
    assert ("thành phố", "Cần Thơ") in place_names() and ("body", "Sở Khoa học và Công nghệ") in place_names()


def test_the_wheel_ships_the_frozen_files():
    import tomllib

    globs = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["package-data"]["plankit"]
    for file in ("vocabulary.txt", "places.tsv", "register.txt"):
        name = f"data/restore/{file}"
        assert (ROOT / "plankit" / name).is_file()
        assert any(Path(name).match(g) or (g.endswith("**/*") and name.startswith(g[:-4])) for g in globs), name


@pytest.mark.parametrize(
    "rows",
    [
        [("tỉnh", "Hưng Yên"), ("thành phố", "Thành phố Hồ Chí Minh"), ("body", "Sở Tư pháp")],
        [("tỉnh", "Đắk Lắk"), ("tỉnh", "Đăk Lăk"), ("tỉnh", "Dak Lak")],
        [],
    ],
)
def test_places_file_text_reads_back_as_written(rows):
    assert parse_places(places_file_text(rows)) == tuple(rows)


@pytest.mark.parametrize(
    ("write", "message"),
    [
        (lambda: places_file_text([("tỉnh", "Hưng\tYên")]), r"restore/places\.tsv: no row can hold"),
        (lambda: places_file_text([("tỉnh", "")]), r"restore/places\.tsv: no row can hold"),
        (lambda: places_file_text([("#tỉnh", "Hưng Yên")]), r"restore/places\.tsv: a line starts with '#'"),
        (lambda: vocabulary_file_text("Chính phủ\n# Bộ"), r"restore/vocabulary\.txt: a line starts with '#'"),
        (lambda: parse_places("kind\tname\ntỉnh Hưng Yên\n"), r"restore/places\.tsv: not a row \(kind, name\): 'tỉnh Hưng Yên'"),
        (lambda: parse_places("tỉnh\tHưng\tYên\n"), r"restore/places\.tsv: not a row"),
    ],
)
def test_frozen_files_refuse_what_the_reader_would_misread(write, message):
    with pytest.raises(VocabularyError, match=message):
        write()


def test_the_command_reports_names_behind_the_tables(monkeypatch, capsys):
    register_command([])
    before = _all_behind(capsys.readouterr().out)
    monkeypatch.setattr(plankit.vocab, "read_table", _with_new_names(plankit.vocab.read_table))
    monkeypatch.setattr(plankit.places, "provinces", _with_new_alias(plankit.places.provinces))
    assert register_command([]) == 1
    after = _all_behind(capsys.readouterr().out)
    assert after["vocabulary.txt"] == (before["vocabulary.txt"][0] + 1, before["vocabulary.txt"][1])
    assert after["places.tsv"] == (before["places.tsv"][0] + 1, before["places.tsv"][1])
    assert after["register.txt"] == before["register.txt"]


def test_the_command_runs_as_documented():
    done = subprocess.run(
        [sys.executable, "-m", "plankit.restore_model"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode in (0, 1), done.stderr
    assert "citations frozen; the register has" in done.stdout
    assert done.stderr == ""
