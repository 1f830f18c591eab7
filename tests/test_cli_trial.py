"""The command line as an officer meets it on a folder of her own: names with spaces and
Vietnamese letters, nested folders, a plan year to take from the plan itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plankit.cli import main

ROOT = Path(__file__).resolve().parent.parent
HUE = ROOT / "plans" / "thua-thien-hue" / "2022-so-khcn.news.txt"
HAI_DUONG = ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt"


def test_draft_without_year_takes_the_year_after_the_plans_own(tmp_path, capsys):
    out = tmp_path / "dự thảo" / "kế hoạch mới.docx"
    assert main(["draft", str(HAI_DUONG), "-o", str(out), "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert (printed["year"], printed["title"]) == (2023, "Tuyên truyền cải cách hành chính nhà nước năm 2023")
    assert out.is_file()


def test_draft_without_year_of_a_plan_with_no_year_is_a_usage_error(tmp_path, capsys):
    plan = tmp_path / "không năm.txt"
    plan.write_text("KẾ HOẠCH\nTuyên truyền cải cách hành chính\nI. MỤC ĐÍCH, YÊU CẦU\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:  # argparse's usage error, as for every command
        main(["draft", str(plan), "-o", str(tmp_path / "x.docx")])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err == (f"plankit draft: lỗi / error: {plan}: không rõ năm của kế hoạch, thêm --year / the plan's year "
                   "is unknown, give --year (see: plankit draft --help)\n")
    assert not (tmp_path / "x.docx").exists()


def test_draft_lists_the_to_dos_in_the_order_of_the_text(tmp_path, capsys):
    # draft_plan puts the missing signer's title first; the officer reads them top to bottom
    assert main(["draft", str(HUE), "--year", "2023", "-o", str(tmp_path / "d.docx"), "--format", "json"]) == 0
    todo = json.loads(capsys.readouterr().out)["todo"]
    assert [(t["kind"], t["line"], t["column"]) for t in todo] == [
        ("number", 3, 5), ("date", 3, 42), ("basis", 8, 8), ("number", 8, 220), ("date", 8, 236), ("signer", 23, 1),
    ]  # line 8 cites the plan's own number and day (29/KH-SKHCN ngày 06/01/2022): blank in the draft
    assert main(["draft", str(HUE), "--year", "2023", "-o", str(tmp_path / "d.docx"), "--force"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[2:]] == ["3:5", "3:42", "8:8", "8:220", "8:236", "23:1"]


def test_demo_on_a_nested_folder_names_the_draft_after_its_folders(tmp_path, monkeypatch, capsys):
    plans = tmp_path / "hồ sơ" / "Thừa Thiên Huế" / "năm 2022"
    plans.mkdir(parents=True)
    (plans / "bản tin kế hoạch.txt").write_bytes(HUE.read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["demo", "--plans", str(tmp_path / "hồ sơ"), "--no-report"]) == 0
    out = capsys.readouterr().out
    draft = out[out.index("dự thảo / draft:"):].splitlines()
    assert draft[0] == "dự thảo / draft: drafts/Thừa Thiên Huế-năm 2022-2023.docx (6 việc cần quyết định / to decide)"
    # every to-do with its line, in the order of the text (the signer's title has a place: line 23)
    assert [line.split()[:2] for line in draft[1:]] == [["3", "number"], ["3", "date"], ["8", "basis"], ["8", "number"],
                                                        ["8", "date"], ["23", "signer"]]
    assert (tmp_path / "drafts" / "Thừa Thiên Huế-năm 2022-2023.docx").is_file()


def test_report_and_demo_refuse_an_out_folder_inside_the_plans(tmp_path, monkeypatch, capsys):
    # the next run would read the report's drafts (.docx) and template previews (.png) as plans
    plans = tmp_path / "kế hoạch"
    plans.mkdir()
    (plans / "2022.txt").write_bytes(HAI_DUONG.read_bytes())
    monkeypatch.chdir(plans)
    message = ("thư mục báo cáo nằm trong thư mục kế hoạch, chọn --out ở ngoài / the report folder is inside the "
               "plans folder .: choose an --out outside it")
    assert main(["report", "--plans", ".", "--out", "báo cáo"]) == 2
    assert capsys.readouterr().err == f"plankit: lỗi / error: báo cáo: {message}\n"
    assert main(["demo", "--plans", "."]) == 2
    assert capsys.readouterr().err == f"plankit: lỗi / error: reports: {message}\n"
    assert sorted(p.name for p in plans.iterdir()) == ["2022.txt"]  # no draft, no report written


def test_draft_plan_orders_its_to_dos_by_place_in_the_text():
    # the signer's title is a zero-width mark at line 23: an empty Span is falsy, it once sorted first
    from plankit import draft_plan

    draft = draft_plan(HUE, year=2023)
    assert [(t.kind, draft.position(t.span.start)[0]) for t in draft.todo] == [
        ("number", 3), ("date", 3), ("basis", 8), ("number", 8), ("date", 8), ("signer", 23),
    ]


def test_read_names_each_file_by_its_path_so_same_named_files_stay_apart(tmp_path, capsys):
    for province in ("Hải Dương", "Hưng Yên"):
        (tmp_path / province / "năm 2022").mkdir(parents=True)
        (tmp_path / province / "năm 2022" / "kế hoạch.txt").write_bytes(HAI_DUONG.read_bytes())
    assert main(["read", str(tmp_path), "--format", "csv"]) == 0
    rows = [line.split(",")[0] for line in capsys.readouterr().out.lstrip("\ufeff").splitlines()[1:]]
    # in the folder walk's order (code points: "ư" U+01B0 sorts before "ả" U+1EA3)
    assert rows == [f"{tmp_path}/Hưng Yên/năm 2022/kế hoạch.txt", f"{tmp_path}/Hải Dương/năm 2022/kế hoạch.txt"]


def test_demo_names_each_plan_by_its_path_inside_the_folder_and_bad_files_on_stderr(tmp_path, monkeypatch, capsys):
    plans = tmp_path / "hồ sơ"
    (plans / "con").mkdir(parents=True)
    (plans / "Hải Dương 2022.TXT").write_bytes(HAI_DUONG.read_bytes())
    (plans / "con" / "Huế 2022.txt").write_bytes(HUE.read_bytes())
    (plans / "con" / "trống.txt").write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    assert main(["demo", "--plans", "hồ sơ", "--no-report"]) == 1  # as read/lint: 1 when a file could not be read
    out, err = capsys.readouterr()
    table = out.splitlines()[1:4]
    assert [line[:19] for line in table] == ["file               ", "Hải Dương 2022.TXT ", "con/Huế 2022.txt   "]
    assert err == "plankit: không đọc được / cannot read: hồ sơ/con/trống.txt: tệp rỗng / empty file\n"
