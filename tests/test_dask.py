"""Corpus work on any executor: map_corpus and read_corpus on the local pool, on a thread pool,
on a Dask LocalCluster of two worker processes, and with tasks that die."""

from __future__ import annotations

import json
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from plankit.corpus import Mapped, header_row, map_corpus, read_corpus

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "plans"

PLAN = """UBND TỈNH NINH BÌNH
SỞ NỘI VỤ
Số: {n}/KH-SNV
Ninh Bình, ngày 1{d} tháng 01 năm 2026
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2026
Căn cứ Quyết định số {q}/QĐ-UBND ngày 05/01/2026 của UBND tỉnh về cải cách hành chính năm 2026;
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.
GIÁM ĐỐC
Phạm Thị Thu
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Twelve plans written here, a .docx, a broken .docx and an empty file."""
    import docx

    root = tmp_path_factory.mktemp("corpus")
    for k in range(12):
        (root / f"ninh-binh-{k:02d}.txt").write_text(PLAN.format(n=100 + k, d=k % 9, q=20 + k), encoding="utf-8")
    document = docx.Document()
    for line in PLAN.format(n=7, d=2, q=3).splitlines():
        document.add_paragraph(line)
    document.save(root / "ninh-binh-docx.docx")
    (root / "hong.docx").write_bytes(b"PK\x03\x04 this zip archive is cut short")
    (root / "rong.txt").write_bytes(b"")
    return root


def _by_path(results) -> dict[str, tuple]:
    return {Path(r.path).name + ":" + Path(r.path).parent.name: (r.value, r.error) for r in results}


def test_header_rows_from_the_local_pool(folder):
    results = list(map_corpus(header_row, [PLANS, folder], workers=2, batch=3))
    assert len(results) == 5 + 15
    rows = {Path(r.path).name: r for r in results}
    assert rows["ninh-binh-03.txt"].value["number"] == "103"
    assert rows["ninh-binh-03.txt"].value["date"] == "2026-01-13"
    assert rows["ninh-binh-docx.docx"].value["symbol"] == "KH-SNV"
    assert rows["2022-so-cong-thuong.txt"].value["signer"] == "Trần Văn Hảo"
    bad = {Path(r.path).name: r.error for r in results if not r.ok}
    assert set(bad) == {"hong.docx", "rong.txt"}
    assert bad["rong.txt"] == f"{folder / 'rong.txt'}: tệp rỗng / empty file"
    assert str(folder / "hong.docx") in bad["hong.docx"]


def test_the_same_results_inline_on_threads_and_in_processes(folder):
    paths = [PLANS, folder]
    inline = _by_path(map_corpus(header_row, paths, workers=1))
    pooled = _by_path(map_corpus(header_row, paths, workers=2, batch=4))
    with ThreadPoolExecutor(2) as pool:
        threaded = _by_path(map_corpus(header_row, paths, executor=pool, batch=5))
    assert inline == pooled == threaded
    assert len(inline) == 20


def test_read_corpus_keeps_path_order_on_an_executor(folder):
    local = read_corpus([folder])
    with ThreadPoolExecutor(2) as pool:
        remote = read_corpus([folder], executor=pool, batch=2)
    assert [p.name for p in remote] == [p.name for p in local]
    assert [p.header.reference for p in remote][:3] == ["100/KH-SNV", "101/KH-SNV", "102/KH-SNV"]
    assert [e.path for e in remote.errors] == [str(folder / "hong.docx"), str(folder / "rong.txt")]


def _explode(plan):
    raise ZeroDivisionError("division by zero")


def test_a_failing_function_is_an_error_not_an_exception(folder):
    results = list(map_corpus(_explode, [folder / "ninh-binh-00.txt", folder / "rong.txt"]))
    assert [r.error for r in results] == [
        f"{folder / 'ninh-binh-00.txt'}: lỗi ngoài dự kiến của plankit / unexpected ZeroDivisionError: division by zero",
        f"{folder / 'rong.txt'}: tệp rỗng / empty file",
    ]


class DyingExecutor(ThreadPoolExecutor):
    """Every other task dies as a killed Dask worker's does: the future holds the exception."""

    def __init__(self):
        super().__init__(1)
        self.calls = 0

    def submit(self, fn, /, *args, **kwargs):
        self.calls += 1
        if self.calls % 2 == 0:
            future: Future = Future()
            future.set_exception(RuntimeError("KilledWorker: worker tcp://10.0.0.2 died"))
            return future
        return super().submit(fn, *args, **kwargs)


def test_a_dead_task_is_one_error_per_file_it_carried(folder):
    with DyingExecutor() as pool:
        results = list(map_corpus(header_row, [folder], executor=pool, batch=5))
    assert len(results) == 15
    dead = [r for r in results if r.error and "worker failed" in r.error]
    assert len(dead) == 5
    assert dead[0].error.endswith(": the worker failed (RuntimeError: KilledWorker: worker tcp://10.0.0.2 died)")


class CountingExecutor(ThreadPoolExecutor):
    """Records how many tasks were submitted and not yet consumed at most."""

    def __init__(self):
        super().__init__(2)
        self.outstanding = 0
        self.most = 0
        self.lock = threading.Lock()

    def submit(self, fn, /, *args, **kwargs):
        with self.lock:
            self.outstanding += 1
            self.most = max(self.most, self.outstanding)
        return super().submit(fn, *args, **kwargs)


def test_tasks_in_flight_are_bounded_so_the_callers_memory_stays_flat(folder):
    with CountingExecutor() as pool:
        for _ in map_corpus(header_row, [folder], executor=pool, batch=1, in_flight=3):
            with pool.lock:
                pool.outstanding -= 1 if pool.outstanding else 0
    assert pool.most <= 3 + 1


def test_mapped_repr():
    assert repr(Mapped("a.txt", {"number": "1"})) == "<Mapped a.txt: {'number': '1'}>"
    assert repr(Mapped("b.docx", error="b.docx: tệp rỗng / empty file")) == "<Mapped b.docx: error: b.docx: tệp rỗng / empty file>"
    assert not Mapped("b.docx", error="x").ok


# -- a Dask cluster of two worker processes -----------------------------------------------------
@pytest.mark.slow
def test_local_cluster_gives_the_local_pools_results(folder, capsys):
    from plankit.cli import main

    distributed = pytest.importorskip("distributed", reason="the [dask] extra is not installed")
    cluster = distributed.LocalCluster(
        processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None
    )
    try:
        with distributed.Client(cluster) as client:
            executor = client.get_executor()
            on_cluster = _by_path(map_corpus(header_row, [PLANS, folder], executor=executor, batch=3))
            corpus = read_corpus([PLANS, folder], executor=executor, batch=4)
        status = main(["read", str(folder), "--scheduler", cluster.scheduler_address, "--format", "json"])
    finally:
        cluster.close()
    local = _by_path(map_corpus(header_row, [PLANS, folder], workers=2, batch=3))
    assert on_cluster == local
    assert len(on_cluster) == 20
    assert sum(1 for _, error in on_cluster.values() if error) == 2
    assert len(corpus) == 18 and len(corpus.errors) == 2
    assert [p.header.reference for p in corpus][5:7] == ["100/KH-SNV", "101/KH-SNV"]
    assert status == 1  # the broken and the empty file
    out, err = capsys.readouterr()
    assert [row["header"]["number"] for row in json.loads(out)][:2] == ["100", "101"]
    assert err.count("không đọc được / cannot read") == 2
