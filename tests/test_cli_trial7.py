"""Session 7's user trial, as an officer meets plankit on a folder of her own: a Mac's file names,
a mixed folder of Word, PDF and text plans, an empty folder, a mistyped output format."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from plankit.cli import main
from plankit.cli._common import on_disk

ROOT = Path(__file__).resolve().parent.parent
HAI_DUONG = ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt"
HUE = ROOT / "plans" / "thua-thien-hue" / "2022-so-khcn.news.txt"
NFD = "NFD"


def _nfd(name: str) -> str:
    return unicodedata.normalize(NFD, name)


@pytest.fixture
def mac_folder(tmp_path):
    """A folder unzipped from a Mac: every Vietnamese name decomposed (NFD), the folder's too."""
    folder = tmp_path / _nfd("hồ sơ Hải Dương")
    folder.mkdir()
    (folder / _nfd("kế hoạch 2022.txt")).write_bytes(HAI_DUONG.read_bytes())
    (folder / _nfd("bản tin Huế.txt")).write_bytes(HUE.read_bytes())
    return tmp_path


@pytest.mark.parametrize(("typed", "found"), [
    ("hồ sơ Hải Dương/kế hoạch 2022.txt", _nfd("hồ sơ Hải Dương/kế hoạch 2022.txt")),
    ("hồ sơ Hải Dương", _nfd("hồ sơ Hải Dương")),
    ("hồ sơ Hải Dương/khác.txt", "hồ sơ Hải Dương/khác.txt"),  # nothing matches: as typed
    ("hồ sơ Hải Dương/../hồ sơ Hải Dương/bản tin Huế.txt",
     _nfd("hồ sơ Hải Dương") + "/../" + _nfd("hồ sơ Hải Dương/bản tin Huế.txt")),
])
def test_on_disk_finds_the_decomposed_spelling_of_each_part(mac_folder, monkeypatch, typed, found):
    monkeypatch.chdir(mac_folder)
    assert on_disk(typed) == found


def test_on_disk_keeps_what_was_typed_when_two_spellings_exist(tmp_path):
    (tmp_path / "kế hoạch.txt").write_text("a", encoding="utf-8")
    (tmp_path / _nfd("kế hoạch.txt")).write_text("b", encoding="utf-8")
    half = "k\u00ea\u0301 hoạch.txt"  # ê composed, its tone mark apart: neither file, both in NFC
    assert on_disk(str(tmp_path / half)) == str(tmp_path / half)
    assert on_disk(str(tmp_path / "kế hoạch.txt")) == str(tmp_path / "kế hoạch.txt")  # exists: as given


@pytest.mark.parametrize("argv", [
    ["read", "{folder}/kế hoạch 2022.txt", "--format", "csv"],
    ["lint", "{folder}/kế hoạch 2022.txt", "--select", "PK1"],
    ["cite", "{folder}", "--format", "csv"],
    ["diff", "{folder}/kế hoạch 2022.txt", "{folder}/bản tin Huế.txt", "--format", "json"],
    ["restore", "{folder}/bản tin Huế.txt", "--format", "json"],
])
def test_a_mac_file_name_typed_in_composed_letters_opens(mac_folder, monkeypatch, capsys, argv):
    monkeypatch.chdir(mac_folder)
    code = main([a.format(folder="hồ sơ Hải Dương") for a in argv])
    out, err = capsys.readouterr()
    assert "không có tệp này" not in err and "file not found" not in err
    assert code in (0, 1) and out  # 1: lint's findings
    assert "cannot read" not in err


def test_a_missing_file_is_still_named_as_typed(mac_folder, monkeypatch, capsys):
    monkeypatch.chdir(mac_folder)
    assert main(["read", "hồ sơ Hải Dương/không có.txt"]) == 2
    assert capsys.readouterr().err == ("plankit: lỗi / error: hồ sơ Hải Dương/không có.txt: không có tệp này / "
                                       "file not found\n")


@pytest.fixture
def mixed_folder(tmp_path):
    """An officer's folder: a Word plan, a broken .docx, an empty file and a text plan with a typo."""
    folder = tmp_path / "hồ sơ 2023"
    folder.mkdir()
    from plankit.draft import draft_plan
    from plankit.read import read_plan
    from plankit.render import render_docx

    render_docx(draft_plan(read_plan(HUE), year=2023), folder / "Huế 2023.docx")
    (folder / "hỏng.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (folder / "rỗng.txt").write_bytes(b"")
    text = HAI_DUONG.read_text(encoding="utf-8").replace("cải cách hành chính", "cải cách hành chính chính", 1)
    (folder / "kế hoạch Hải Dương.txt").write_text(text, encoding="utf-8")
    return folder


def test_lint_fix_on_a_mixed_folder_fixes_the_text_plans_and_names_the_others(mixed_folder, capsys):
    before = {p.name: p.read_bytes() for p in mixed_folder.iterdir()}
    code = main(["lint", str(mixed_folder), "--fix", "--select", "duplicated-word"])
    err = capsys.readouterr().err.splitlines()
    assert code == 1  # two files could not be read
    skipped = [line for line in err if "bỏ qua" in line]
    assert skipped == [
        f"plankit: {mixed_folder}/{name}: bỏ qua, --fix chỉ ghi bản sửa của tệp .txt, .md (tệp Word: --annotate) / "
        "skipped, --fix writes fixed copies of .txt and .md plans only (a .docx: --annotate)"
        for name in ("Huế 2023.docx", "hỏng.docx")
    ]
    assert f"plankit: đã ghi / wrote {mixed_folder}/kế hoạch Hải Dương.fixed.txt: sửa 1 phát hiện / fixed 1 finding" in err
    fixed = (mixed_folder / "kế hoạch Hải Dương.fixed.txt").read_text(encoding="utf-8")
    assert "chính chính" not in fixed and fixed.count("\n") == before["kế hoạch Hải Dương.txt"].count(b"\n")
    # the plans themselves unchanged, only the fixed copy added
    assert {p.name: p.read_bytes() for p in mixed_folder.iterdir() if not p.name.endswith(".fixed.txt")} == before


def test_lint_fix_on_a_docx_named_directly_is_still_a_usage_error(mixed_folder, capsys):
    assert main(["lint", str(mixed_folder / "Huế 2023.docx"), "--fix"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--fix chỉ ghi bản sửa của tệp .txt, .md" in err


def test_graph_to_an_unknown_format_is_refused_before_any_plan_is_read(mixed_folder, tmp_path, capsys):
    assert main(["graph", str(mixed_folder), "-o", str(tmp_path / "so-do.xlsx")]) == 2
    assert capsys.readouterr().err == (
        f"plankit: lỗi / error: {tmp_path}/so-do.xlsx: không hỗ trợ định dạng .xlsx / unsupported format; "
        "use one of .graphml, .gexf, .json, .png, .svg\n"
    )
    assert not (tmp_path / "so-do.xlsx").exists()


@pytest.mark.parametrize("argv", [["report"], ["demo"]])
def test_report_and_demo_on_a_folder_with_no_plan_say_so_in_one_line(tmp_path, monkeypatch, capsys, argv):
    empty = tmp_path / "chưa có kế hoạch"
    empty.mkdir()
    (empty / "ghi chú.xlsx").write_bytes(b"not a plan")
    monkeypatch.chdir(tmp_path)
    assert main([*argv, "--plans", "chưa có kế hoạch", "--out", "bao-cao"]) == 2
    assert capsys.readouterr().err == (
        "plankit: lỗi / error: chưa có kế hoạch: thư mục không có tệp kế hoạch nào (.txt, .md, .docx, .doc, .rtf, "
        ".odt, PDF, bản quét) / folder holds no plan files (.txt, .md, .docx, .doc, .rtf, .odt, PDF, scans)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chưa có kế hoạch"]  # no pages, no folder


def test_report_names_each_unreadable_file_on_stderr_and_exits_1(tmp_path, monkeypatch, capsys):
    import plankit.report
    from plankit.report import Report

    def run_report(plans, out, **options):
        return Report(str(Path(out) / "index.html"), (), (("con/rỗng.txt", "tệp rỗng / empty file"),
                                                         ("hỏng.docx", "tệp .docx hỏng / damaged .docx")))

    monkeypatch.setattr(plankit.report, "run_report", run_report)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "hồ sơ").mkdir()
    assert main(["report", "--plans", "hồ sơ", "--out", "bao-cao"]) == 1
    out, err = capsys.readouterr()
    assert out == "báo cáo / index: bao-cao/index.html\n"
    assert err == ("plankit: không đọc được / cannot read: hồ sơ/con/rỗng.txt: tệp rỗng / empty file\n"
                   "plankit: không đọc được / cannot read: hồ sơ/hỏng.docx: tệp .docx hỏng / damaged .docx\n")
    assert repr(run_report("hồ sơ", "bao-cao")) == "<Report 0 notebooks, 0 failed, 2 files unreadable, index bao-cao/index.html>"


LIBREOFFICE_CORE = "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"


def _as_libreoffice_saves_it(source: Path, target: Path) -> None:
    """``source`` with docProps/core.xml linked under LibreOffice's misspelt relationship type."""
    import zipfile

    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "_rels/.rels":
                standard = b"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
                assert standard in data
                data = data.replace(standard, LIBREOFFICE_CORE.encode())
            zout.writestr(item, data)


def test_track_changes_on_a_libreoffice_docx_writes_one_core_properties_part(tmp_path, capsys):
    import zipfile

    from plankit.draft import draft_plan
    from plankit.read import read_plan
    from plankit.render import render_docx

    made = render_docx(draft_plan(read_plan(HAI_DUONG), year=2022), tmp_path / "word.docx")
    plan = tmp_path / "kế hoạch 2022.docx"
    _as_libreoffice_saves_it(made, plan)
    before = plan.read_bytes()
    out = tmp_path / "dự thảo 2023.docx"
    assert main(["draft", str(plan), "--track-changes", "--year", "2023", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""  # no "Duplicate name: 'docProps/core.xml'" from zipfile
    with zipfile.ZipFile(out) as z:
        names = [i.filename for i in z.infolist()]
        rels = z.read("_rels/.rels").decode()
        core = z.read("docProps/core.xml").decode()
    assert names.count("docProps/core.xml") == 1 and len(names) == len(set(names))
    assert LIBREOFFICE_CORE not in rels and rels.count("core-properties") == 1
    assert "<cp:keywords>" in core and "bản nháp" in core
    assert plan.read_bytes() == before


def test_a_scheduler_address_that_is_no_dask_scheduler_is_one_line_not_a_hang(monkeypatch, capsys):
    # the dashboard's port (8787) instead of the scheduler's (8786): a web server answers
    pytest.importorskip("distributed")
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    import plankit.cli.read

    class Quiet(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setattr(plankit.cli.read, "CONNECT_SECONDS", 3.0)
    address = f"tcp://127.0.0.1:{server.server_address[1]}"
    try:
        code = main(["read", str(HAI_DUONG), "--scheduler", address])
    finally:
        server.shutdown()
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith(f"plankit: lỗi / error: {address}: không kết nối được / cannot reach the Dask scheduler (")
    assert err.count("\n") == 1 and "Traceback" not in err
