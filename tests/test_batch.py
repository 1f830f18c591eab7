"""The officer's own folder: walking it, and batch commands that keep going past a bad file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plankit.cli import main
from plankit.corpus import is_lock_file, plan_files
from plankit.errors import ReadError

ROOT = Path(__file__).resolve().parent.parent
HAI_DUONG = ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt"
CAN_THO = ROOT / "plans" / "can-tho" / "2022-so-khcn.txt"

BROKEN = ("tệp .docx hỏng hoặc bị cắt cụt (tệp nén không trọn vẹn) / "
          "damaged or truncated .docx (the zip archive is incomplete)")


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """``ho-so/``: two good plans, an empty file, a broken .docx, Word's and LibreOffice's lock
    files and a hidden checkpoint copy; the working directory is ``work/`` beside it, so the
    commands are given ``../ho-so`` as from a notebook folder."""
    root = tmp_path / "ho-so"
    (root / "nam-2022").mkdir(parents=True)
    (root / ".ipynb_checkpoints").mkdir()
    shutil.copy(HAI_DUONG, root / "nam-2022" / "so-cong-thuong.txt")
    shutil.copy(CAN_THO, root / "so-khcn.txt")
    shutil.copy(CAN_THO, root / ".ipynb_checkpoints" / "so-khcn.txt")
    (root / "trong.txt").write_bytes(b"")
    (root / "hong.docx").write_bytes(b"PK\x03\x04not really a zip")
    (root / "~$so-khcn.docx").write_bytes(b"\x0bNguyen Van A" + bytes(150))
    (root / ".~lock.hong.docx#").write_text("Nguyen Van A,may,06.12.2026 23:40,", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return root


BAD_LINES = [
    f"plankit: không đọc được / cannot read: ../ho-so/hong.docx: {BROKEN}",
    "plankit: không đọc được / cannot read: ../ho-so/trong.txt: tệp rỗng / empty file",
]
SUMMARY = "plankit: đã đọc 2/4 tệp, 2 tệp không đọc được / read 2 of 4 files, 2 unreadable"


# -- walking a folder --------------------------------------------------------------------------


def test_plan_files_lists_plans_and_skips_lock_and_hidden_files(folder):
    assert [p.as_posix() for p in plan_files(["../ho-so"])] == [
        "../ho-so/hong.docx",
        "../ho-so/nam-2022/so-cong-thuong.txt",
        "../ho-so/so-khcn.txt",
        "../ho-so/trong.txt",
    ]


def test_a_fixed_copy_beside_its_plan_is_not_listed_twice(tmp_path):
    (tmp_path / "a.txt").write_text("KẾ HOẠCH", encoding="utf-8")
    (tmp_path / "a.fixed.txt").write_text("KẾ HOẠCH", encoding="utf-8")
    (tmp_path / "b.fixed.md").write_text("KẾ HOẠCH", encoding="utf-8")  # its original is gone
    assert [p.name for p in plan_files(tmp_path)] == ["a.txt", "b.fixed.md"]
    assert plan_files([tmp_path / "a.fixed.txt"]) == [tmp_path / "a.fixed.txt"]


@pytest.mark.parametrize("given", ["../ho-so", Path("../ho-so")])
def test_plan_files_takes_one_folder_given_alone(folder, given):
    # a bare string is one path: iterated, it was the characters "." "." "/" ..., and "/"
    # made plan_files walk the whole file system
    assert [p.as_posix() for p in plan_files(given)] == [p.as_posix() for p in plan_files([given])]
    assert len(plan_files(given)) == 4


def test_plan_files_in_a_dot_folder_and_through_dot_dot(tmp_path):
    hidden = tmp_path / ".ke-hoach" / "sub"
    hidden.mkdir(parents=True)
    for name in ("a.doc", "b.rtf", "c.odt", "d.docx", "e.pdf", "README.md", "notes.xlsx", "~$a.doc"):
        (hidden / name).write_bytes(b"x")
    got = plan_files([hidden / ".." / ".." / ".ke-hoach"])
    assert [p.relative_to(tmp_path).as_posix() for p in got] == [
        ".ke-hoach/sub/../../.ke-hoach/sub/a.doc",
        ".ke-hoach/sub/../../.ke-hoach/sub/b.rtf",
        ".ke-hoach/sub/../../.ke-hoach/sub/c.odt",
        ".ke-hoach/sub/../../.ke-hoach/sub/d.docx",
        ".ke-hoach/sub/../../.ke-hoach/sub/e.pdf",
    ]


def test_our_searchable_pdf_beside_its_scan_is_not_a_second_plan(tmp_path):
    for name in ("a.pdf", "a.searchable.pdf", "B.PDF", "B.searchable.pdf", "c.searchable.pdf", "d.txt"):
        (tmp_path / name).write_bytes(b"x")
    # c's scan is not there: its searchable PDF is the only copy
    assert [p.name for p in plan_files([tmp_path])] == ["B.PDF", "a.pdf", "c.searchable.pdf", "d.txt"]
    # named directly, a searchable PDF is read like any file
    assert plan_files([tmp_path / "a.searchable.pdf"]) == [tmp_path / "a.searchable.pdf"]


def test_lock_files_named_directly_are_dropped(folder):
    assert plan_files(["../ho-so/~$so-khcn.docx", "../ho-so/so-khcn.txt"]) == [
        Path("../ho-so/so-khcn.txt")
    ]


def test_a_folder_of_lock_files_holds_no_plan(tmp_path):
    (tmp_path / "~$ke-hoach.docx").write_bytes(b"x")
    with pytest.raises(ReadError, match=r"folder holds no plan files \(\.txt, \.md, \.docx, \.doc"):
        plan_files([tmp_path])


@pytest.mark.parametrize(
    ("name", "lock"),
    [
        ("~$ke-hoach-2025.docx", True),
        ("~$an.doc", True),
        (".~lock.ke-hoach-2025.docx#", True),
        (".~lock.ke-hoach.odt#", True),
        ("ke-hoach-2025.docx", False),
        ("~ke-hoach.docx", False),
        (".~lock.ke-hoach.docx", False),
    ],
)
def test_is_lock_file(name, lock):
    assert is_lock_file(name) is lock


# -- batch commands ----------------------------------------------------------------------------


def test_read_prints_the_good_plans_and_names_the_bad_files(folder, capsys):
    assert main(["read", "../ho-so", "--format", "json"]) == 1
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert [(p["file"], p["header"]["number"], p["header"]["symbol"]) for p in out] == [
        ("../ho-so/nam-2022/so-cong-thuong.txt", "181", "KH-SCT"),
        ("../ho-so/so-khcn.txt", None, "KH-SKHCN"),
    ]
    assert captured.err.splitlines() == [*BAD_LINES, SUMMARY]


def test_cite_prints_the_good_plans_and_names_the_bad_files(folder, capsys):
    assert main(["cite", "../ho-so", "--format", "json"]) == 1
    captured = capsys.readouterr()
    rows = json.loads(captured.out)
    assert sorted({r["file"] for r in rows}) == ["../ho-so/nam-2022/so-cong-thuong.txt", "../ho-so/so-khcn.txt"]
    assert ("../ho-so/so-khcn.txt", "261/KH-UBND", "basis") in {(r["file"], r["key"], r["role"]) for r in rows}
    assert captured.err.splitlines() == [*BAD_LINES, SUMMARY]


def test_lint_lints_the_good_plans_and_names_the_bad_files(folder, capsys):
    assert main(["lint", "../ho-so", "--today", "2025-11-01", "--select", "PK2"]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "../ho-so/so-khcn.txt:14:14: PK201 blank-number Chưa điền số văn bản (điền khi ký ban "
        "hành) / The document number is blank (fill it in when signing)"
    ]
    assert captured.err.splitlines() == [
        *BAD_LINES,
        "plankit: tìm thấy 1 phát hiện (1 thông tin) trong 4 tệp, 2 tệp không đọc được / "
        "found 1 finding (1 info) in 4 files, 2 unreadable",
    ]


def test_graph_is_built_from_the_good_plans(folder, capsys):
    assert main(["graph", "../ho-so", "--format", "json"]) == 1
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    plans = sorted(n["name"] for n in data["nodes"] if n["kind"] == "plan")
    assert plans == ["ho-so/so-khcn.txt", "nam-2022/so-cong-thuong.txt"]
    assert captured.err.splitlines() == [*BAD_LINES, SUMMARY]


def test_graph_with_no_readable_plan_writes_nothing(tmp_path, capsys):
    (tmp_path / "trong.txt").write_bytes(b"")
    out = tmp_path / "g.png"
    assert main(["graph", str(tmp_path), "-o", str(out)]) == 1
    assert not out.exists()
    assert capsys.readouterr().err.splitlines() == [
        f"plankit: không đọc được / cannot read: {tmp_path}/trong.txt: tệp rỗng / empty file",
        "plankit: đã đọc 0/1 tệp, 1 tệp không đọc được / read 0 of 1 file, 1 unreadable",
    ]


def test_every_file_read_exits_0_with_a_count(capsys):
    assert main(["read", str(HAI_DUONG), str(CAN_THO), "--format", "json"]) == 0
    assert capsys.readouterr().err == "plankit: đã đọc 2 tệp / read 2 files\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["read", "../ho-so", "../khong-co"], "../khong-co: không có tệp này / file not found"),
        (["cite", "../ho-so/.ipynb_checkpoints/.."], None),  # a real folder: not an error
        (["lint", "../ho-so", "--select", "PK9"], "không có quy tắc nào ứng với 'PK9'"),
    ],
)
def test_usage_errors_exit_2_before_reading(folder, capsys, args, message):
    code = main(args)
    err = capsys.readouterr().err
    if message is None:
        assert code == 1 and err.splitlines()[-1] == SUMMARY
        return
    assert code == 2
    assert err.startswith(f"plankit: lỗi / error: {message}") and len(err.splitlines()) == 1


def test_the_installed_command_from_another_folder(folder):
    """As an officer runs it: the console script, a relative ``..`` path, no traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "plankit", "read", "../ho-so"], capture_output=True, text=True,
        encoding="utf-8", check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [*BAD_LINES, SUMMARY]
    assert "so-cong-thuong.txt" in result.stdout and "Traceback" not in result.stderr


# -- CSV for Excel -------------------------------------------------------------------------------


def test_csv_starts_with_a_bom_unless_asked_not_to(capsys):
    assert main(["cite", str(CAN_THO), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufefffile,key,doc_type,")
    assert main(["cite", str(CAN_THO), "--format", "csv", "--no-bom"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("file,key,doc_type,")
    assert f"{CAN_THO},261/KH-UBND," in out


def test_months_and_years_stay_whole_numbers_when_some_plans_lack_them(tmp_path, capsys):
    import csv
    import io

    shutil.copy(HAI_DUONG, tmp_path / "a-hai-duong.txt")
    (tmp_path / "b-khong-ngay.txt").write_text(
        "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\nI. MỤC ĐÍCH, YÊU CẦU\n", encoding="utf-8"
    )
    assert main(["read", str(tmp_path), "--format", "csv", "--no-bom"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["number"], r["month"], r["year"]) for r in rows] == [("181", "2", "2022"), ("", "", "2024")]


def test_files_are_named_as_given_even_when_read_before_by_another_path(monkeypatch, capsys):
    from plankit.read import read_plan

    monkeypatch.chdir(ROOT)
    read_plan(HAI_DUONG)  # the absolute path: the reader's cache now holds the plan under it
    for command in ("cite", "read"):
        assert main([command, "plans/hai-duong", "--format", "json"]) == 0
        rows = json.loads(capsys.readouterr().out)
        assert {r["file"] for r in rows} == {"plans/hai-duong/2022-so-cong-thuong.txt"}
    assert main(["lint", "plans/hai-duong", "--select", "PK5", "--today", "2025-11-01"]) == 0
    out = capsys.readouterr().out
    assert out and all(line.startswith("plans/hai-duong/2022-so-cong-thuong.txt:") for line in out.splitlines())


def test_commands_print_stderr_lines_only_through_the_common_helpers():
    """One convention for messages: every stderr line comes from plankit/cli/_common.py."""
    for module in sorted((ROOT / "plankit" / "cli").glob("*.py")):
        if module.name in ("_common.py", "__init__.py"):
            continue
        source = module.read_text(encoding="utf-8")
        assert "sys.stderr" not in source and '"plankit: ' not in source, module.name
