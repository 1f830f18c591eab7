"""Usage errors as an officer meets them: one line, Vietnamese first, naming the command whose
help to read; a fixed copy asked for and not written is said, not left silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from plankit.cli import main

ROOT = Path(__file__).resolve().parent.parent
HAI_DUONG = str(ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt")
PLANS = str(ROOT / "plans")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        # an option the command does not take: its own help lists the ones it does
        (["cite", PLANS, "-o", "cites.csv"],
         "plankit cite: lỗi / error: đối số không nhận ra / unrecognized arguments: -o cites.csv "
         "(see: plankit cite --help)"),
        (["template", "check", "mẫu.docx", "--zz"],
         "plankit template check: lỗi / error: đối số không nhận ra / unrecognized arguments: --zz "
         "(see: plankit template check --help)"),
        (["--bogus"],
         "plankit: lỗi / error: đối số không nhận ra / unrecognized arguments: --bogus (see: plankit --help)"),
        # values refused before any work, each in both languages
        (["lint", PLANS, "--today", "2026-02-30"],
         "plankit lint: lỗi / error: argument --today: không phải ngày dạng YYYY-MM-DD / expected a "
         "date as YYYY-MM-DD, got '2026-02-30' (see: plankit lint --help)"),
        (["register", "--on", "15/01/2026"],
         "plankit register: lỗi / error: argument --on: không phải ngày dạng YYYY-MM-DD / expected a "
         "date as YYYY-MM-DD, got '15/01/2026' (see: plankit register --help)"),
        (["draft", HAI_DUONG, "--date", "05/01/2026", "-o", "x.docx"],
         "plankit draft: lỗi / error: argument --date: không phải ngày dạng YYYY-MM-DD / expected a "
         "date as YYYY-MM-DD, got '05/01/2026' (see: plankit draft --help)"),
        (["draft", HAI_DUONG, "--year", "26", "-o", "x.docx"],
         "plankit draft: lỗi / error: argument --year: không phải năm kế hoạch như 2026 / not a plan year "
         "such as 2026: '26' (see: plankit draft --help)"),
        (["graph", PLANS, "--dpi", "0"],
         "plankit graph: lỗi / error: argument --dpi: cần độ phân giải (dpi) từ 20 đến 1200 / expected a "
         "resolution in dots per inch from 20 to 1200, got '0' (see: plankit graph --help)"),
        (["report", "-p", "today"],
         "plankit report: lỗi / error: argument -p/--parameter: cần dạng TÊN=GIÁ-TRỊ / expected NAME=VALUE, "
         "got 'today' (see: plankit report --help)"),
        (["draft", HAI_DUONG, "--year", "2023"],
         "plankit draft: lỗi / error: thêm -o TỆP.docx (hoặc --markdown để in dự thảo) / give -o OUT.docx "
         "(or --markdown to print the draft) (see: plankit draft --help)"),
    ],
)
def test_usage_errors_name_the_command_and_read_vietnamese_first(args, line, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2
    assert capsys.readouterr().err == line + "\n"
    assert list(tmp_path.iterdir()) == []  # refused before anything was written


def test_track_changes_with_markdown_is_refused_in_both_languages(tmp_path, capsys):
    out = tmp_path / "KH 2023.docx"
    with pytest.raises(SystemExit) as stop:
        main(["draft", HAI_DUONG, "--year", "2023", "--track-changes", "--markdown", "-o", str(out)])
    assert stop.value.code == 2
    assert capsys.readouterr().err == (
        "plankit draft: lỗi / error: --track-changes sửa chính tệp .docx thành -o TỆP.docx (không dùng cùng "
        "--markdown, --template, --reference) / --track-changes edits a .docx into -o OUT.docx (no --markdown, "
        "--template or --reference) (see: plankit draft --help)\n")
    assert not out.exists()


STALE = "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\n\nTrên đây là kế hoạch năm 2024 của Sở.\n"


def test_fix_with_nothing_safe_to_fix_says_so_for_one_plan(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("kế hoạch.txt").write_text(STALE, encoding="utf-8")  # a stale year: a person decides, no safe fix
    assert main(["lint", "kế hoạch.txt", "--fix", "-o", "đã sửa.txt"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[0].startswith("kế hoạch.txt:4:22: PK101 stale-year ")
    assert err.splitlines() == [
        "plankit: kế hoạch.txt: không có phát hiện nào sửa tự động được, không ghi đã sửa.txt / no finding "
        "has a safe automatic fix, đã sửa.txt not written",
        "plankit: tìm thấy 1 phát hiện (1 lỗi) trong 1 tệp / found 1 finding (1 error) in 1 file",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kế hoạch.txt"]


def test_fix_on_a_folder_counts_the_plans_left_without_a_fixed_copy(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    folder = Path("hồ sơ")
    folder.mkdir()
    (folder / "cũ.txt").write_text(STALE, encoding="utf-8")
    (folder / "mới.txt").write_text(STALE.replace("năm 2024", "năm 2025"), encoding="utf-8")
    (folder / "lặp.txt").write_text(STALE.replace("năm 2024 của Sở", "năm 2025 của của Sở"), encoding="utf-8")
    code = main(["lint", "hồ sơ", "--fix"])
    err = capsys.readouterr().err.splitlines()
    assert code == 1  # the stale year is an error the fix leaves to a person
    assert err == [
        "plankit: đã ghi / wrote hồ sơ/lặp.fixed.txt: sửa 1 phát hiện / fixed 1 finding",
        "plankit: 2 tệp không có phát hiện nào sửa tự động được, không ghi bản sửa / 2 files had no safe "
        "automatic fix, no fixed copy written",
        "plankit: tìm thấy 1 phát hiện (1 lỗi) trong 3 tệp / found 1 finding (1 error) in 3 files",
    ]
    assert sorted(p.name for p in folder.iterdir()) == ["cũ.txt", "lặp.fixed.txt", "lặp.txt", "mới.txt"]


def test_track_changes_lists_each_comment_with_the_words_it_sits_on_cut_with_an_ellipsis(tmp_path, capsys):
    import docx

    src, out = tmp_path / "kh 2024.docx", tmp_path / "kh 2025.docx"
    doc = docx.Document()
    for line in ["UBND TỈNH HẢI DƯƠNG", "SỞ NỘI VỤ", "Số: 12/KH-SNV", "Hải Dương, ngày 07 tháng 02 năm 2024",
                 "KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2024",
                 "Căn cứ Kế hoạch số 276/KH-UBND ngày 27/01/2024 của UBND tỉnh Hải Dương về tuyên truyền cải "
                 "cách hành chính nhà nước năm 2024;",
                 "Sở Nội vụ xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2024 như sau:",
                 "I. MỤC ĐÍCH, YÊU CẦU", "Tuyên truyền kịp thời trong năm 2024.", "GIÁM ĐỐC", "Nguyễn Văn A"]:
        doc.add_paragraph(line)
    doc.save(str(src))
    assert main(["draft", str(src), "--year", "2025", "--track-changes", "-o", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (f"đã ghi / wrote {out}: 6 thay đổi được theo dõi, 3 ghi chú / 6 tracked changes, "
                        "3 comments")
    assert [line.rsplit("  [", 1)[1] for line in lines[1:]] == [
        "12]", "07]", "Kế hoạch số 276/KH-UBND ngày 27/01/2024…]"]


def test_the_missing_extra_lines_in_the_packaging_page_are_what_the_commands_print(monkeypatch, tmp_path, capsys):
    import importlib.util
    import re
    import shlex
    import sys

    page = (ROOT / "docs" / "packaging.md").read_text(encoding="utf-8")
    block = re.search(r"```\n(\$ plankit report\n.*?)```", page, re.S).group(1).splitlines()
    pairs = list(zip(block[::2], block[1::2], strict=True))
    assert [command for command, _ in pairs] == ["$ plankit report", "$ plankit read ho-so/ --scheduler tcp://10.0.0.1:8786"]
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name in {
        "nbclient", "nbconvert", "nbformat", "ipykernel"} else real(name, *a))
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ho-so").mkdir()
    (tmp_path / "ho-so" / "kh.txt").write_text(STALE, encoding="utf-8")
    for command, printed in pairs:
        assert main(shlex.split(command)[2:]) == 2
        assert capsys.readouterr().err == printed + "\n"


def test_the_readme_layout_names_only_modules_that_exist():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("## Project layout"):]
    block = block[block.index("```") + 3:]
    library = block[: block.index("\nnotebooks/")]
    names = re.findall(r"([a-z_]+(?:\.py|/))", library.replace("plankit/", "", 1))
    assert names and "restore/" in names
    assert [n for n in names if not (ROOT / "plankit" / n.rstrip("/")).exists()] == []
