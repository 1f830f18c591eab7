"""How fast plans are drafted and rendered into Word documents.

``render_docx`` is timed on the two real drafts (Cần Thơ 2026 from the OCR'd 2025 plan, Hải
Dương 2023 from the 2022 plan), drafted once before the clock starts, each rendered repeatedly
into a temporary folder with the default template (a sandboxed docxtpl render, the table and
rule fitting, and an atomic write). ``draft_plan`` is timed on the clean Hải Dương plan (the
OCR'd one spends its time in diacritic restoration, which ``bench_restore`` measures).

Target: ``render_docx`` >= 20 plans/s.

Run: ``.venv/bin/python -m benchmarks.bench_draft`` (or ``run(quick=True)`` for fewer rounds).
"""

from __future__ import annotations

import gc
import json
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_PLANS_PER_SECOND = 20.0
BASIS = "Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND thành phố Cần Thơ về công tác thông tin, tuyên truyền cải cách hành chính năm 2026"


def _drafts():
    from plankit.draft import draft_plan

    plans = ROOT / "plans"
    can_tho = draft_plan(plans / "can-tho" / "2025-so-khcn.ocr.txt", year=2026, basis=[BASIS],
                         reference=plans / "can-tho" / "2022-so-khcn.txt")
    hai_duong = draft_plan(plans / "hai-duong" / "2022-so-cong-thuong.txt", year=2023)
    return [can_tho, hai_duong]


def _time_render(plans, rounds: int) -> dict:
    from plankit.render import render_docx

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for k, plan in enumerate(plans):  # warm the template cache and Jinja's compiled source
            render_docx(plan, out / f"warm-{k}.docx")
        gc.collect()
        start = time.perf_counter()
        n = 0
        for r in range(rounds):
            for k, plan in enumerate(plans):
                render_docx(plan, out / f"{r}-{k}.docx")
                n += 1
        seconds = time.perf_counter() - start
        size = sum(f.stat().st_size for f in out.glob("0-*.docx")) // max(1, len(plans))
    return {"documents": n, "seconds": round(seconds, 3), "plans_per_second": round(n / seconds, 1),
            "mean_docx_bytes": size}


def _time_draft(rounds: int) -> dict:
    from plankit.draft import draft_plan
    from plankit.read import read_plan

    previous = read_plan(ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt")
    draft_plan(previous, year=2023)
    gc.collect()
    start = time.perf_counter()
    for _ in range(rounds):
        draft_plan(previous, year=2023)
    seconds = time.perf_counter() - start
    return {"drafts": rounds, "seconds": round(seconds, 3), "plans_per_second": round(rounds / seconds, 1)}


def run(quick: bool = False) -> dict:
    """Time ``render_docx`` (target >= 20 plans/s) and ``draft_plan`` on the bundled plans."""
    plans = _drafts()
    render = _time_render(plans, 10 if quick else 50)
    draft = _time_draft(5 if quick else 20)
    return {
        "render_docx": render,
        "draft_plan_clean": draft,
        "target": {"render_docx_plans_per_second": TARGET_PLANS_PER_SECOND},
        "meets_target": render["plans_per_second"] >= TARGET_PLANS_PER_SECOND,
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2, ensure_ascii=False))
