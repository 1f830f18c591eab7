"""The terminal table stays in line whatever the file names: a name saved on a Mac (NFD: a letter
and its marks apart) takes as many columns as the same name typed on Windows (NFC)."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pandas as pd

from plankit.cli import main
from plankit.cli._common import shown_width, text_table

ROOT = Path(__file__).resolve().parent.parent
HAI_DUONG = ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_text_table_pads_by_the_columns_a_name_takes():
    frame = pd.DataFrame({"file": [nfd("Kế hoạch.txt"), "Kế hoạch.txt", "ab.txt"], "year": [2024, 2025, None]})
    lines = text_table(frame).splitlines()
    assert [unicodedata.normalize("NFC", line) for line in lines] == [
        "file         year",
        "Kế hoạch.txt 2024",
        "Kế hoạch.txt 2025",
        "ab.txt",
    ]
    assert lines[1].startswith(nfd("Kế hoạch.txt"))  # the name printed as it is on disk, not renormalised


def test_a_long_nfd_cell_is_cut_after_whole_letters():
    issuer = nfd("Ủy ban nhân dân tỉnh Hải Dương")
    cell = text_table(pd.DataFrame({"issuer": [issuer]}), max_width=11).splitlines()[1]
    assert unicodedata.normalize("NFC", cell) == "Ủy ban nhâ…"  # the circumflex stays on its a
    assert shown_width(cell) == 11 and unicodedata.combining(cell[-2])


def test_read_table_lines_up_nfd_and_nfc_names(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "hồ sơ"
    folder.mkdir()
    shutil.copy(HAI_DUONG, folder / nfd("Kế hoạch Hải Dương.txt"))
    shutil.copy(HAI_DUONG, folder / "Sở Công Thương.txt")
    assert main(["read", "hồ sơ"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    starts = [shown_width(line[: line.index("docx-export" if i else "form")]) for i, line in enumerate(lines)]
    assert starts == [starts[0]] * 3 == [len("hồ sơ/Kế hoạch Hải Dương.txt") + 1] * 3
