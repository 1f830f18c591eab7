"""Session 8's user trial: a wheel user with no checkout, Ctrl-C in the middle of a folder or a
report, a folder of two hundred plans on a terminal."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

import plankit.corpus
from plankit.cli import INTERRUPTED, main
from plankit.cli._common import PROGRESS_FROM, read_batch
from plankit.cli.demo import copy_plans

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "plankit" / "plans"
SAMPLE_FILES = ["README.md", "can-tho/2022-so-khcn.txt", "can-tho/2025-so-khcn.ocr.txt",
                "hai-duong/2022-so-cong-thuong.txt", "hung-yen/2022-so-khcn.md",
                "thua-thien-hue/2022-so-khcn.news.txt"]


def test_copy_plans_copies_every_sample_byte_for_byte(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "thư mục mẫu" / "plans"
    assert main(["demo", "--copy-plans", str(target)]) == 0
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()) == SAMPLE_FILES
    for name in SAMPLE_FILES:
        assert (target / name).read_bytes() == (SAMPLES / name).read_bytes()
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"đã chép 5 kế hoạch mẫu vào / copied 5 sample plans into {target}:"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thư mục mẫu"]  # no report, no draft


@pytest.mark.parametrize(("force", "code", "kept"), [(False, 2, b"my own edit"), (True, 0, None)])
def test_copy_plans_overwrites_only_with_force(tmp_path, capsys, force, code, kept):
    target = tmp_path / "plans"
    copy_plans(str(target))
    (target / "can-tho" / "2022-so-khcn.txt").write_bytes(b"my own edit")
    (target / "hung-yen" / "2022-so-khcn.md").unlink()
    argv = ["demo", "--copy-plans", str(target)] + (["--force"] if force else [])
    assert main(argv) == code
    err = capsys.readouterr().err
    expected = kept if kept is not None else (SAMPLES / "can-tho" / "2022-so-khcn.txt").read_bytes()
    assert (target / "can-tho" / "2022-so-khcn.txt").read_bytes() == expected
    # refused before anything is written: the missing file stays missing
    assert (target / "hung-yen" / "2022-so-khcn.md").exists() is force
    if not force:
        assert err == (f"plankit: lỗi / error: {target / 'README.md'}: tệp đã có, thêm --force để ghi đè "
                       "/ already exists (use --force to overwrite)\n")


def test_the_top_level_help_names_the_way_to_the_sample_plans(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "plankit demo --copy-plans plans" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["read", "lint", "cite"])
def test_ctrl_c_in_a_command_exits_130_with_one_line(monkeypatch, capsys, command):
    module = __import__(f"plankit.cli.{command}", fromlist=["run"])

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(module, "run", interrupted)
    assert main([command, str(SAMPLES)]) == 130
    assert capsys.readouterr().err == f"plankit: {INTERRUPTED}\n"


@pytest.mark.parametrize(("files", "tty", "bar"), [
    (PROGRESS_FROM, True, True),
    (PROGRESS_FROM - 1, True, False),
    (PROGRESS_FROM, False, False),  # redirected: no bar in the log
])
def test_a_batch_shows_a_bar_on_a_terminal_for_a_big_folder(tmp_path, monkeypatch, files, tty, bar):
    for k in range(files):
        (tmp_path / f"kế hoạch {k}.txt").write_bytes((SAMPLES / "hai-duong" / "2022-so-cong-thuong.txt").read_bytes())
    seen = {}

    def fake_read_corpus(paths, **kwargs):
        seen.update(kwargs)
        return plankit.corpus.Corpus((), ())

    monkeypatch.setattr(plankit.corpus, "read_corpus", fake_read_corpus)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: tty)
    read_batch([str(tmp_path)])
    assert seen["progress"] is bar


def _sigint_handler(plan):
    return signal.getsignal(signal.SIGINT) == signal.SIG_IGN


def test_pool_workers_leave_ctrl_c_to_the_main_process(tmp_path):
    """The terminal sends SIGINT to the whole group; a worker interrupted while it held the pool's
    queue left the main process waiting in shutdown for ever. Workers ignore it; the main process
    stops them (plankit.corpus._stop_pool)."""
    for k in range(plankit.corpus._POOL_THRESHOLD):
        (tmp_path / f"bản {k}.txt").write_bytes((SAMPLES / "hai-duong" / "2022-so-cong-thuong.txt").read_bytes())
    results = list(plankit.corpus.map_corpus(_sigint_handler, [tmp_path], workers=2, batch=1))
    assert [r.value for r in results] == [True] * plankit.corpus._POOL_THRESHOLD
    assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN  # this process still takes Ctrl-C


@pytest.mark.parametrize(("names", "run"), [
    ([], ["cite", "diff", "draft", "graph", "lint", "read", "restore"]),
    (["formats"], ["formats"]),
    (["scale", "read"], ["scale", "read"]),
])
def test_benchmarks_default_set_and_every_one_by_name(names, run):
    from benchmarks.__main__ import available, chosen

    assert chosen(names) == run
    assert chosen(["all"]) == available()
    assert {"formats", "ocr", "scans", "scale", "corpus"} <= set(available()) - set(chosen([]))


def test_benchmarks_refuse_an_unknown_name():
    from benchmarks.__main__ import chosen

    with pytest.raises(SystemExit, match="unknown benchmark formatz"):
        chosen(["formatz"])
