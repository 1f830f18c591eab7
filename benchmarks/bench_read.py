"""Reading speed: text plans in MB/s, ten-page .docx files in files/s, and ``import plankit``.

Every number is measured on one core through the public ``read_plan`` (file reading, decoding,
layout and structure included). ``read_plan`` caches by path and modification time, so each read
is of a distinct copy. Rates are per CPU second of this process (``time.process_time``), so other
work on a shared machine does not distort them; the wall-clock rates are reported beside them.
Run ``python -m benchmarks.bench_read`` for the numbers as JSON.
"""

from __future__ import annotations

import io
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"text_mb_per_s": 2.0, "docx_files_per_s": 50.0, "import_s": 0.3}

_ACTIVITIES = (
    (
        "Tuyên truyền trên Trang thông tin điện tử của Sở",
        "Văn phòng Sở",
        "Các phòng, đơn vị",
        "Thường xuyên",
    ),
    (
        "Niêm yết công khai thủ tục hành chính",
        "Văn phòng Sở",
        "Trung tâm Phục vụ hành chính công",
        "Quý I",
    ),
    ("Phổ biến tại các cuộc họp giao ban", "Lãnh đạo Sở", "Các phòng chuyên môn", "Hằng tháng"),
)


def ten_page_docx(seed: int) -> bytes:
    """A plan of about ten A4 pages: header table, preamble, four sections of paragraphs and
    bullets, and a 30-row activity table."""
    import docx

    d = docx.Document()
    header = d.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "UBND TỈNH HẢI DƯƠNG\nSỞ CÔNG THƯƠNG"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = f"Số: {100 + seed}/KH-SCT"
    header.cell(1, 1).text = "Hải Dương, ngày 07 tháng 02 năm 2022"
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Tuyên truyền cải cách hành chính nhà nước năm 2022")
    d.add_paragraph(
        "Căn cứ Kế hoạch số 4707/KH-UBND ngày 24/12/2021 của UBND tỉnh về cải cách hành chính nhà nước năm 2022;"
    )
    body = (
        "Đẩy mạnh công tác thông tin, tuyên truyền kịp thời các chủ trương, chính sách, văn bản chỉ đạo "
        "của Trung ương, của tỉnh về công tác cải cách hành chính nhằm nâng cao nhận thức của cán bộ, "
        "công chức, viên chức về ý nghĩa, mục tiêu, tầm quan trọng của công tác cải cách hành chính."
    )
    sections = (
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "NỘI DUNG"),
        ("III", "KINH PHÍ THỰC HIỆN"),
        ("IV", "TỔ CHỨC THỰC HIỆN"),
    )
    for number, (roman, title) in enumerate(sections):
        d.add_paragraph(f"{roman}. {title}")
        for k in range(1, 6):
            d.add_paragraph(f"{k}. Nhiệm vụ {k} của phần {number + 1}")
            for _ in range(4):
                d.add_paragraph(f"- {body}")
    table = d.add_table(rows=31, cols=5)
    for col, label in enumerate(
        ("TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện")
    ):
        table.cell(0, col).text = label
    for row in range(1, 31):
        values = (str(row), *_ACTIVITIES[row % 3])
        for col, value in enumerate(values):
            table.cell(row, col).text = value
    d.add_paragraph(
        "Trên đây là Kế hoạch tuyên truyền cải cách hành chính nhà nước năm 2022 của Sở Công Thương./."
    )
    d.add_paragraph("Nơi nhận:")
    d.add_paragraph("- Sở Nội vụ;")
    d.add_paragraph("GIÁM ĐỐC")
    d.add_paragraph("Trần Văn Hảo")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _text_throughput(folder: Path, target_bytes: int) -> dict:
    from plankit.read import read_plan

    plans = sorted(p for p in (ROOT / "plans").glob("*/*") if p.suffix in (".txt", ".md"))
    copies: list[Path] = []
    total = 0
    k = 0
    while total < target_bytes:
        for plan in plans:
            dst = folder / f"{k:04d}-{plan.name}"
            shutil.copyfile(plan, dst)
            copies.append(dst)
            total += dst.stat().st_size
        k += 1
    wall, cpu = time.perf_counter(), time.process_time()
    for path in copies:
        read_plan(path)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "text_bytes": total,
        "text_files": len(copies),
        "text_cpu_seconds": round(cpu, 4),
        "text_mb_per_s": round(total / 1e6 / cpu, 2),
        "text_wall_mb_per_s": round(total / 1e6 / wall, 2),
    }


def _docx_throughput(folder: Path, files: int) -> dict:
    from plankit.read import read_plan

    paths = []
    for seed in range(files):
        path = folder / f"plan-{seed:03d}.docx"
        path.write_bytes(ten_page_docx(seed))
        paths.append(path)
    read_plan(paths[0])  # imports python-docx and lxml once, outside the timing
    wall, cpu = time.perf_counter(), time.process_time()
    for path in paths[1:]:
        read_plan(path)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "docx_files": len(paths) - 1,
        "docx_bytes_each": paths[1].stat().st_size,
        "docx_cpu_seconds": round(cpu, 4),
        "docx_files_per_s": round((len(paths) - 1) / cpu, 1),
        "docx_wall_files_per_s": round((len(paths) - 1) / wall, 1),
    }


def _import_time(runs: int = 5) -> dict:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import plankit"], check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return {"import_s": round(statistics.median(times), 3), "import_runs": runs}


def run(quick: bool = False) -> dict:
    """Measure and return the numbers with their targets (``*_target``) and ``*_ok`` flags."""
    with tempfile.TemporaryDirectory(prefix="plankit-bench-read-") as tmp:
        folder = Path(tmp)
        (folder / "text").mkdir()
        (folder / "docx").mkdir()
        result = {}
        result.update(_text_throughput(folder / "text", (256 if quick else 2048) * 1024))
        result.update(_docx_throughput(folder / "docx", 11 if quick else 51))
    result.update(_import_time(3 if quick else 5))
    for key, target in TARGETS.items():
        result[f"{key}_target"] = target
        result[f"{key}_ok"] = result[key] <= target if key == "import_s" else result[key] >= target
    return result


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
