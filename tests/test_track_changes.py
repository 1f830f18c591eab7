"""Next year's draft as tracked changes in the officer's own .docx (plankit.track.draft_docx).

Every check reads the output with an independent lxml walk (tests/docx_walk.py): Reject All must
give the input's text back exactly, Accept All the draft; to-dos are comments.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

from plankit.cli import main
from plankit.errors import OutputExists, ReadError
from plankit.lint import lint_plan
from plankit.read import read_plan
from plankit.track import draft_docx


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_walk = _load("docx_walk")
_annotate = _load("test_annotate")  # its fixture builders: a LibreOffice .docx, a header-table .docx
comments, revisions, texts = _walk.comments, _walk.revisions, _walk.texts
ROOT = Path(__file__).resolve().parents[1]
HAI_DUONG_2022 = ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def lo_docx(tmp_path_factory) -> Path:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return _annotate.libreoffice_docx(HAI_DUONG_2022, tmp_path_factory.mktemp("lo"))


def _check_round_trip(src: Path, out: Path, year: int) -> None:
    """Reject All == input; Accept All read by plankit: the new year, no stale year, same tables."""
    assert texts(out, "reject") == texts(src, "accept")
    assert texts(out, "accept") != texts(src, "accept")
    revs = revisions(out)
    assert revs and {(tag, author) for tag, author, _ in revs} <= {("ins", "plankit"), ("del", "plankit")}
    assert all(date and date.endswith("Z") for _, _, date in revs)
    before, after = read_plan(src), read_plan(out)
    assert after.year == year and after.draft
    assert f"năm {year}" in after.header.title
    assert not [f for f in lint_plan(after) if f.rule == "stale-year"]
    assert len(after.tables) == len(before.tables)


@pytest.mark.slow
def test_libreoffice_docx(lo_docx, tmp_path):
    out = tmp_path / "2023.docx"
    result = draft_docx(lo_docx, year=2023, out=out)
    _check_round_trip(lo_docx, out, 2023)
    accepted = "\n".join(texts(out, "accept"))
    assert "Hải Dương, ngày        tháng 02 năm 2023" in accepted
    assert "Số:        /KH-SCT" in accepted
    assert "Tuyên truyền cải cách hành chính nhà nước năm 2023" in accepted
    assert "thực hiện" in accepted and "thưc hiện" not in accepted  # a known typo corrected
    # to-dos are comments, by plankit, on the words they are about
    found = comments(out)  # anchors as shown after Accept All: the blanked number and day
    assert [(c["author"], c["anchor"]) for c in found] == [
        ("plankit", " " * 6),
        ("plankit", " " * 6),
        ("plankit", "Kế hoạch số 4707/KH-UBND ngày 24/12/2021 của UBND tỉnh về cải cách hành chính nhà nước tỉnh Hải Dương năm 2022"),
        ("plankit", "Kế hoạch tuyên truyền cải cách hành chính nhà nước năm 2022 số 276/KH-UBND ngày 27/01/2022 của UBND Hải Dương"),
    ]
    assert [k for k, _, _ in result.todo] == ["number", "date", "basis", "basis"]
    assert len(found) == len(result.todo)


def test_header_table_and_activity_table(tmp_path):
    src = _annotate.header_table_docx(tmp_path / "2024.docx")
    out = tmp_path / "2025.docx"
    result = draft_docx(src, year=2025, out=out, basis="Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh Hải Dương")
    _check_round_trip(src, out, 2025)
    accepted = texts(out, "accept")
    assert accepted[:6] == ["UBND TỈNH HẢI DƯƠNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ CÔNG THƯƠNG",
                            "Độc lập - Tự do - Hạnh phúc", "Số:      /KH-SCT", "Hải Dương, ngày        tháng 02 năm 2025"]
    # the whole basis clause is replaced by the one given (a string, not a list of letters)
    assert "Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh Hải Dương." in accepted
    assert not any("76/NQ-CP" in line for line in accepted)
    # the activity table's years move, cell by cell
    assert "Năm 2025" in accepted and "Quý II/2025" in accepted
    assert "Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2025 của Sở Công Thương." in accepted
    assert [k for k, _, _ in result.todo] == ["number", "date"]
    assert [c["anchor"] for c in comments(out)] == ["KH-SCT", " " * 6]


def test_refuses_text_plans_and_existing_output(tmp_path):
    with pytest.raises(ReadError, match="template route"):
        draft_docx(HAI_DUONG_2022, year=2023, out=tmp_path / "x.docx")
    src = _annotate.header_table_docx(tmp_path / "2024.docx")
    draft_docx(src, year=2025, out=tmp_path / "2025.docx")
    with pytest.raises(OutputExists):
        draft_docx(src, year=2025, out=tmp_path / "2025.docx")


def test_cli_track_changes(tmp_path, capsys):
    src = _annotate.header_table_docx(tmp_path / "2024.docx")
    out = tmp_path / "2025.docx"
    assert main(["draft", str(src), "--year", "2025", "--track-changes", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"đã ghi / wrote {out}: ")
    assert "2 ghi chú / " in printed and ", 2 comments" in printed
    assert texts(out, "reject") == texts(src)
    assert main(["draft", str(HAI_DUONG_2022), "--year", "2023", "--track-changes", "-o", str(tmp_path / "t.docx")]) == 2
    assert "template route" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or poppler (pdftotext) is not installed")
def test_libreoffice_opens_both_outputs(lo_docx, tmp_path):
    from plankit.annotate import annotate_docx

    tracked = draft_docx(lo_docx, year=2023, out=tmp_path / "tracked.docx").path
    notes = annotate_docx(lo_docx, out=tmp_path / "notes.docx")
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tracked), str(notes)], check=True, capture_output=True, timeout=240)
    for name in ("tracked.pdf", "notes.pdf"):
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / name), "-"], check=True,
                              capture_output=True, text=True, timeout=60).stdout
        assert "KẾ HOẠCH" in text and "SỞ CÔNG THƯƠNG" in text


def bulleted_basis_docx(path: Path) -> Path:
    """Basis clauses as "- Căn cứ ..." items, each wrapped over two paragraphs, then the intro."""
    import docx

    d = docx.Document()
    for line in ("SỞ CÔNG THƯƠNG", "Số: 25/KH-SCT", "Hải Dương, ngày 07 tháng 02 năm 2024", "KẾ HOẠCH",
                 "Tuyên truyền cải cách hành chính nhà nước năm 2024",
                 "- Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể",
                 "cải cách hành chính nhà nước giai đoạn 2021-2030;",
                 "- Căn cứ Kế hoạch số 4707/KH-UBND ngày 24/12/2023 của UBND tỉnh về cải cách hành chính",
                 "nhà nước tỉnh Hải Dương năm 2024;",
                 "Sở Công Thương xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2024 như sau:",
                 "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
                 "Nâng cao nhận thức của cán bộ về công tác cải cách hành chính năm 2024.",
                 "Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2024 của Sở Công Thương./.",
                 "Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"):
        d.add_paragraph(line)
    d.save(path)
    return path


@pytest.mark.parametrize(("basis", "expected"), [
    ("Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh Hải Dương",
     ["- Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh Hải Dương."]),
    (["Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ", "Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh"],
     ["- Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;",
      "- Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh."]),
])
def test_wrapped_bulleted_basis_replaced_whole(tmp_path, basis, expected):
    src = bulleted_basis_docx(tmp_path / "2024.docx")
    out = tmp_path / "2025.docx"
    draft_docx(src, year=2025, out=out, basis=basis)
    _check_round_trip(src, out, 2025)
    accepted = texts(out, "accept")
    first = accepted.index("Tuyên truyền cải cách hành chính nhà nước năm 2025") + 1
    intro = accepted.index("Sở Công Thương xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2025 như sau:")
    assert accepted[first:intro] == expected
    assert read_plan(out).header.signer_title == "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"


def test_recipient_merged_into_the_issuer_is_deleted(tmp_path):
    """Sở Thông tin và Truyền thông merged into Sở Khoa học và Công nghệ on 2025-03-01: the
    2026 draft of the latter sends itself no copy; the line goes as a tracked deletion."""
    import docx

    d = docx.Document()
    for line in ("UBND THÀNH PHỐ CẦN THƠ", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 137/KH-SKHCN",
                 "Cần Thơ, ngày 21 tháng 01 năm 2025", "KẾ HOẠCH",
                 "Công tác thông tin, tuyên truyền cải cách hành chính năm 2025", "I. MỤC ĐÍCH",
                 "Tuyên truyền cải cách hành chính năm 2025.", "Nơi nhận:", "- Sở Nội vụ;",
                 "- Sở Thông tin và Truyền thông;", "- Lưu: VT, VP.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Ng Anh Tin"):
        d.add_paragraph(line)
    d.save(tmp_path / "2025.docx")
    out = tmp_path / "2026.docx"
    draft_docx(tmp_path / "2025.docx", year=2026, out=out)
    _check_round_trip(tmp_path / "2025.docx", out, 2026)
    accepted = texts(out, "accept")
    at = accepted.index("Nơi nhận:")
    assert accepted[at : at + 3] == ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT, VP."]
    assert read_plan(out).header.recipients == read_plan(tmp_path / "2025.docx").header.recipients[::2]


def test_tracked_route_gets_the_same_safe_fixes_where_the_words_are():
    # the tracked-changes writer asks the rewriter for edits of the document's own text
    import datetime as dt

    from plankit.draft import Rewriter

    prev = read_plan(ROOT / "plans" / "hung-yen" / "2022-so-khcn.md")
    rw = Rewriter(prev, year=2023, on=dt.date(2023, 1, 1), province="Hưng Yên", replacements=None)
    start = prev.text.index("Quyết định số 22/2020/QĐ")
    end = prev.text.index("\n", start)
    edits, _ = rw.raw_changes(prev.text[start:end], start, "body")
    assert [(prev.text[start + e.start : start + e.end], e.replacement) for e in edits] == [
        ("22/2020/QĐ - UBND", "22/2020/QĐ-UBND")]


def test_track_imports_no_private_name_of_another_module():
    import ast

    tree = ast.parse((ROOT / "plankit" / "track.py").read_text(encoding="utf-8"))
    private = [(node.module, a.name) for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
               for a in node.names if a.name.startswith("_")]
    assert private == []
