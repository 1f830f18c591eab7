"""``plankit diff OLD NEW``."""

from __future__ import annotations

import json

import docx

from plankit.cli import main

OLD = "plans/can-tho/2022-so-khcn.txt"
NEW = "plans/can-tho/2025-so-khcn.ocr.txt"


def test_text_output(seed_paths, capsys):
    assert main(["diff", str(seed_paths["can-tho-2022"]), str(seed_paths["can-tho-2025"])]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "can-tho/2022-so-khcn.txt → can-tho/2025-so-khcn.ocr.txt (OCR: so sánh trên chữ bỏ dấu)"
    assert "Căn cứ: bỏ 261/KH-UBND; thêm 258/KH-UBND, 4168/QĐ-UBND" in lines
    # the section list shows a scanned title restored, as the page does
    assert "      — → IV    added    MỘT SỐ HOẠT ĐỘNG TUYÊN TRUYỀN TRỌNG TÂM" in lines
    assert "IV. MỘT SỐ HOẠT ĐỘNG TUYÊN TRUYỀN TRỌNG TÂM" in lines
    assert "\nV. KINH PHÍ THỰC HIỆN\n" in out
    # the scan's side is shown restored, as the HTML shows it
    assert any(line.strip().startswith("carried-error") and "«tuyên tuyền»" in line for line in lines)
    assert "  basis            9: ∅ → Căn cứ Quyết định số 4168/QĐ-UBND ngày 27 tháng 1…" in lines


def test_text_output_as_scanned(seed_paths, capsys):
    argv = ["diff", "--no-restore", str(seed_paths["can-tho-2022"]), str(seed_paths["can-tho-2025"])]
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.strip().startswith("carried-error") and "«tuyén tuyén»" in line for line in lines)
    assert "  basis            9: ∅ → Can ctr Quyét dinh s6 4168/QD-UBND ngay 27 thang …" in lines
    assert "      — → IV    added    MOT SO HOAT PONG TUYEN TRUYEN TRONG TAM" in lines
    assert "IV. MOT SO HOAT PONG TUYEN TRUYEN TRONG TAM" in lines


def test_json_output(seed_paths, capsys):
    assert main(["diff", str(seed_paths["can-tho-2022"]), str(seed_paths["can-tho-2025"]), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["basis_removed"] == ["261/KH-UBND"]
    assert data["basis_added"] == ["258/KH-UBND", "4168/QĐ-UBND"]
    assert [(s["old"], s["new"], s["status"]) for s in data["sections"]][3] == (None, "IV", "added")
    assert set(data["counts"]) == {"expected", "basis", "substantive", "form", "renumbering", "carried-error"}
    change = data["changes"][0]
    # the 2025 plan is a scan: shown restored, the scan as read beside it
    assert set(change) == {"kind", "section", "location", "old", "new", "old_span", "new_span", "old_line",
                           "new_line", "reason", "old_ocr", "new_ocr"}
    assert data["restored"] == {"old": False, "new": True}


def test_json_output_as_scanned(seed_paths, capsys):
    argv = ["diff", "--no-restore", str(seed_paths["can-tho-2022"]), str(seed_paths["can-tho-2025"]), "--format", "json"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert "restored" not in data and "old_ocr" not in data["changes"][0]
    assert [c["new"] for c in data["changes"] if c["kind"] == "carried-error"][:1] == ["tuyén tuyén"]


def test_writes_html_and_docx_and_refuses_to_overwrite(seed_paths, tmp_path, capsys):
    html, redline = tmp_path / "diff.html", tmp_path / "redline.docx"
    args = ["diff", str(seed_paths["can-tho-2022"]), str(seed_paths["can-tho-2025"]),
            "--html", str(html), "--docx", str(redline)]
    assert main(args) == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert docx.Document(str(redline)).element.body.xpath(".//w:ins")
    capsys.readouterr()
    assert main(args) == 2
    assert "already exists (use --force to overwrite)" in capsys.readouterr().err
    assert main([*args, "--force"]) == 0


def test_no_year_shift(seed_paths, capsys):
    assert main(["diff", str(seed_paths["can-tho-2022"]), str(seed_paths["can-tho-2025"]), "--no-year-shift",
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    bumps = [c for c in data["changes"] if " ".join(c["old"].split()) == "Trong năm 2022"]
    assert bumps and {c["kind"] for c in bumps} == {"substantive"}


def test_missing_file_is_one_line_error(tmp_path, capsys):
    assert main(["diff", str(tmp_path / "nope.txt"), NEW]) == 2
    err = capsys.readouterr().err
    assert err.startswith("plankit: lỗi / error: ") and "nope.txt: không có tệp này / file not found" in err
