"""Outputs: inputs never changed, outputs whole, exclusive and only when asked (plankit/output.py).

Every command that writes is run on copies of the bundled plans; each input is hashed before and
after. An output that is an input is refused with and without ``--force``; links, FIFOs, devices
and folders are never outputs; all outputs of a command are checked before any is written; two
concurrent writers leave one whole file and one clear error; a killed writer's temporary file is
removed by the next write; OS errors are one line naming the path.
"""

from __future__ import annotations

import errno
import hashlib
import json
import multiprocessing
import os
import resource
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from plankit.cli import main
from plankit.errors import OutputError, OutputExists, PlankitError
from plankit.output import (
    TEMP_SUFFIX,
    plan_outputs,
    remove_stale_temporaries,
    write_atomic,
    write_with,
)

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plans" / "hai-duong" / "2022-so-cong-thuong.txt"
OLD = ROOT / "plans" / "can-tho" / "2022-so-khcn.txt"
NEW = ROOT / "plans" / "can-tho" / "2025-so-khcn.ocr.txt"
SAME_AS_INPUT = "is an input of this command"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A folder holding copies of three bundled plans, as the current folder."""
    for src, name in ((PLAN, "PLAN.txt"), (OLD, "OLD.txt"), (NEW, "NEW.txt")):
        shutil.copyfile(src, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args: str) -> tuple[int, str]:
    code = main([str(a) for a in args])
    err = capsys.readouterr().err
    return code, err


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: sha256(p) for p in sorted(folder.iterdir()) if p.is_file() and not p.is_symlink()}


# (command, the input it would overwrite) for every command that writes.
SAME_FILE = [
    (["lint", "PLAN.txt", "--write-baseline", "PLAN.txt"], "PLAN.txt"),
    (["lint", "PLAN.txt", "OLD.txt", "--write-baseline", "OLD.txt"], "OLD.txt"),
    (["restore", "PLAN.txt", "-o", "PLAN.txt"], "PLAN.txt"),
    (["restore", "NEW.txt", "--reference", "OLD.txt", "-o", "OLD.txt"], "OLD.txt"),
    (["draft", "PLAN.txt", "--year", "2026", "-o", "PLAN.txt"], "PLAN.txt"),
    (["diff", "OLD.txt", "NEW.txt", "--html", "NEW.txt"], "NEW.txt"),
    (["diff", "OLD.txt", "NEW.txt", "--docx", "OLD.txt"], "OLD.txt"),
    (["graph", "PLAN.txt", "-o", "PLAN.txt"], "PLAN.txt"),
    (["graph", ".", "-o", "OLD.txt"], "OLD.txt"),  # an input found inside a folder
]


@pytest.mark.parametrize("force", [False, True], ids=["no-force", "force"])
@pytest.mark.parametrize(("command", "victim"), SAME_FILE, ids=[" ".join(c) for c, _ in SAME_FILE])
def test_an_input_is_never_an_output(work, capsys, command, victim, force):
    before = hashes(work)
    code, err = run(capsys, *command, *(["--force"] if force else []))
    assert code == 2
    assert err == f"plankit: lỗi / error: {victim}: là một tệp đầu vào của lệnh / {SAME_AS_INPUT}; " \
                  "choose another output (--force does not change this)\n"
    assert hashes(work) == before


def test_an_input_reached_through_a_link_or_a_second_name_is_refused(work):
    os.link(work / "PLAN.txt", work / "hard.txt")
    with pytest.raises(OutputError, match=SAME_AS_INPUT):
        plan_outputs(["hard.txt"], ["PLAN.txt"], force=True)
    with pytest.raises(OutputError, match=SAME_AS_INPUT):
        plan_outputs(["./sub/../PLAN.txt"], ["PLAN.txt"], force=True)


# -- the library refuses too: each writer called from a notebook, onto one of its own inputs ------


def _plan_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in PLAN.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(str(path))
    return path


def _render(work):
    from plankit.read import read_plan
    from plankit.render import render_docx

    plan = read_plan(_plan_docx(work / "plan.docx"))
    return lambda target: render_docx(plan, target, force=True)


def _render_over_template(work):
    from plankit.render import default_template, render_docx

    shutil.copyfile(default_template(), work / "mau.docx")
    return lambda target: render_docx(PLAN, target, template=target, force=True)


def _diff_html(work):
    from plankit.diff import diff_plans

    d = diff_plans(work / "OLD.txt", work / "NEW.txt")
    return lambda target: d.to_html(target, force=True)


def _diff_docx(work):
    from plankit.diff import diff_plans

    d = diff_plans(work / "OLD.txt", _plan_docx(work / "plan.docx"))
    return lambda target: d.to_docx(target, force=True)


def _annotate(work):
    from plankit.annotate import annotate_docx

    plan = _plan_docx(work / "plan.docx")
    return lambda target: annotate_docx(plan, out=target, force=True)


def _track(work):
    from plankit.track import draft_docx

    plan = _plan_docx(work / "plan.docx")
    return lambda target: draft_docx(plan, year=2023, out=target, force=True)


def _baseline(work):
    from plankit.lint import lint_plan, write_baseline

    findings = list(lint_plan(work / "PLAN.txt"))
    assert findings
    return lambda target: write_baseline(findings, target, force=True)


def _template_from_plan(work):
    from plankit.template import template_from_plan

    plan = _plan_docx(work / "plan.docx")
    return lambda target: template_from_plan(plan, target, force=True)


# (writer, the input it is pointed at): a second name (hard link) of the input, then the input itself
LIBRARY_WRITERS = [
    (_render, "plan.docx"), (_render_over_template, "mau.docx"), (_diff_html, "OLD.txt"),
    (_diff_docx, "plan.docx"), (_annotate, "plan.docx"), (_track, "plan.docx"),
    (_baseline, "PLAN.txt"), (_template_from_plan, "plan.docx"),
]


@pytest.mark.parametrize(("writer", "victim"), LIBRARY_WRITERS, ids=[w.__name__[1:] for w, _ in LIBRARY_WRITERS])
def test_library_writers_refuse_an_output_that_is_one_of_their_inputs(work, writer, victim):
    write = writer(work)
    before = hashes(work)
    os.link(work / victim, work / f"second-name{Path(victim).suffix}")
    for target in (work / f"second-name{Path(victim).suffix}", work / victim):
        with pytest.raises(PlankitError, match=f"{SAME_AS_INPUT}|would overwrite the input"):
            write(target)
    assert hashes(work) == {**before, f"second-name{Path(victim).suffix}": before[victim]}


# Commands that write, each with a fresh output name; inputs must stay byte-identical.
WRITERS = [
    ["lint", "PLAN.txt", "OLD.txt", "--write-baseline", "{out}.json"],
    ["restore", "NEW.txt", "--reference", "OLD.txt", "-o", "{out}.txt"],
    ["draft", "PLAN.txt", "--year", "2026", "-o", "{out}.docx"],
    ["diff", "OLD.txt", "NEW.txt", "--html", "{out}.html", "--docx", "{out}.docx"],
    ["graph", "PLAN.txt", "OLD.txt", "-o", "{out}.graphml"],
]


@pytest.mark.parametrize("command", WRITERS, ids=[c[0] for c in WRITERS])
def test_writers_leave_inputs_byte_identical_and_refuse_to_overwrite(work, capsys, command):
    before = hashes(work)
    args = [a.format(out="out") for a in command]
    code, err = run(capsys, *args)
    assert code in (0, 1), err
    written = {p.name for p in work.iterdir()} - set(before)
    assert written and all(n.startswith("out.") for n in written)
    assert {n: h for n, h in hashes(work).items() if n in before} == before
    outputs = {n: sha256(work / n) for n in written}
    # again without --force: refused, one line, nothing changed
    code, err = run(capsys, *args)
    assert code == 2 and err.count("\n") == 1 and "already exists (use --force to overwrite)" in err
    assert {n: sha256(work / n) for n in written} == outputs
    assert not [p for p in work.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_every_output_is_checked_before_any_is_written(work, capsys):
    (work / "exists.docx").write_bytes(b"keep")
    code, err = run(capsys, "diff", "OLD.txt", "NEW.txt", "--html", "new.html", "--docx", "exists.docx")
    assert code == 2 and "exists.docx: tệp đã có, thêm --force để ghi đè / already exists" in err
    assert not (work / "new.html").exists()
    code, err = run(capsys, "diff", "OLD.txt", "NEW.txt", "--html", "X", "--docx", "X", "--force")
    assert (code, err) == (2, "plankit: lỗi / error: X: được chọn hai lần làm đầu ra / given twice as an output\n")
    assert not (work / "X").exists()


def _special(kind: str, folder: Path) -> Path:
    if kind == "dangling-link":
        (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
        return folder / "dangling.txt"
    if kind == "link-to-file":
        (folder / "real.txt").write_text("real", encoding="utf-8")
        (folder / "link.txt").symlink_to(folder / "real.txt")
        return folder / "link.txt"
    if kind == "fifo":
        os.mkfifo(folder / "fifo.txt")
        return folder / "fifo.txt"
    if kind == "folder":
        (folder / "dir.txt").mkdir()
        return folder / "dir.txt"
    return Path({"stdout-link": "/proc/self/fd/1", "device": "/dev/null"}[kind])


@pytest.mark.parametrize("force", [False, True], ids=["no-force", "force"])
@pytest.mark.parametrize(("kind", "reason"), [
    ("dangling-link", "is a symbolic link"), ("link-to-file", "is a symbolic link"),
    ("fifo", "is a FIFO, not a regular file"), ("folder", "is a folder"),
    ("stdout-link", "is a symbolic link"), ("device", "is a device file"),
])
def test_links_fifos_devices_and_folders_are_never_outputs(work, capsys, kind, reason, force):
    target = _special(kind, work)
    if not os.path.lexists(target):
        pytest.skip(f"{target} does not exist on this system")
    before = os.lstat(target)
    code, err = run(capsys, "restore", "PLAN.txt", "-o", target, *(["--force"] if force else []))
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(f"plankit: lỗi / error: {target}: ") and reason in err
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino, after.st_size) == (before.st_mode, before.st_ino, before.st_size)
    if kind == "link-to-file":
        assert (work / "real.txt").read_text(encoding="utf-8") == "real"


def test_baseline_onto_a_folder_and_a_file_standing_for_a_folder(work, capsys):
    (work / "afile").write_text("x", encoding="utf-8")
    assert run(capsys, "lint", "PLAN.txt", "--write-baseline", ".") == (
        2, "plankit: lỗi / error: .: là một thư mục / is a folder, not a file\n")
    code, err = run(capsys, "restore", "PLAN.txt", "-o", "afile/out.txt")
    assert code == 2 and err.startswith("plankit: lỗi / error: afile/out.txt: ")
    assert "a file stands where a folder should be" in err and err.count("\n") == 1


def test_a_missing_folder_is_created(work, capsys):
    code, _ = run(capsys, "restore", "PLAN.txt", "-o", "new/deeper/out.txt")
    assert code == 0 and (work / "new" / "deeper" / "out.txt").is_file()


# -- OS errors: one line naming the path -------------------------------------------------------


@pytest.mark.parametrize(("number", "reason"), [
    (errno.ENOSPC, "hết dung lượng đĩa / disk full"),
    (errno.EROFS, "ổ đĩa chỉ đọc / read-only file system"),
    (errno.EACCES, "không có quyền ghi / permission denied"),
    (errno.EFBIG, "tệp quá lớn / file too large"),
    (errno.EDQUOT, "vượt hạn mức đĩa / disk quota exceeded"),
])
def test_os_errors_while_writing_become_one_line_naming_the_target(tmp_path, number, reason):
    target = tmp_path / "out.docx"

    def failing(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise OSError(number, os.strerror(number), str(tmp))

    with pytest.raises(OutputError) as info:
        write_with(target, failing)
    assert str(info.value) == f"{target}: {reason}"
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_in_the_cli_is_one_line(work):
    """A file-size limit makes the kernel refuse the write with EFBIG, as a full disk would."""

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-m", "plankit", "diff", "OLD.txt", "NEW.txt", "--html", "big.html"],
                         cwd=work, env=env, preexec_fn=limit, capture_output=True, text=True, timeout=120)
    assert (out.returncode, out.stderr) == (2, "plankit: lỗi / error: big.html: tệp quá lớn / file too large\n")
    assert sorted(p.name for p in work.iterdir()) == ["NEW.txt", "OLD.txt", "PLAN.txt"]


def test_read_only_folders_and_files_are_refused_even_for_root(work, capsys):
    """A folder or file marked read-only (no w bit) is never written, whoever runs plankit."""
    ro = work / "ro"
    ro.mkdir()
    (work / "locked.txt").write_text("giữ nguyên", encoding="utf-8")
    ro.chmod(0o555)
    (work / "locked.txt").chmod(0o444)
    try:
        code, err = run(capsys, "restore", "PLAN.txt", "-o", "ro/out.txt")
        assert code == 2 and err.count("\n") == 1
        assert err.startswith("plankit: lỗi / error: ro/out.txt: ") and ("read-only" in err or "permission denied" in err)
        assert list(ro.iterdir()) == []
        code, err = run(capsys, "restore", "PLAN.txt", "-o", "locked.txt", "--force")
        assert (code, err) == (2, "plankit: lỗi / error: locked.txt: tệp chỉ đọc / the file is read-only\n")
        assert (work / "locked.txt").read_text(encoding="utf-8") == "giữ nguyên"
    finally:
        ro.chmod(0o755)


# -- concurrency and killed writers -------------------------------------------------------------


def _slow_writer(target: str, payload: bytes, start, results) -> None:
    def write(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            for i in range(0, len(payload), 4096):
                fh.write(payload[i:i + 4096])
                fh.flush()
        time.sleep(0.2)

    start.wait()
    try:
        write_with(target, write)
        results.put(("won", payload[:1]))
    except OutputExists as exc:
        results.put(("refused", str(exc)))


@pytest.mark.parametrize("round_", range(3))
def test_of_two_concurrent_writers_one_wins_and_the_file_is_whole(tmp_path, round_):
    ctx = multiprocessing.get_context("fork")
    start, results = ctx.Event(), ctx.Queue()
    target = tmp_path / "same.docx"
    payloads = [b"A" * 300_000, b"B" * 200_000]
    procs = [ctx.Process(target=_slow_writer, args=(str(target), p, start, results)) for p in payloads]
    for p in procs:
        p.start()
    start.set()
    outcome = sorted(results.get(timeout=60) for _ in procs)
    for p in procs:
        p.join(60)
    assert [o[0] for o in outcome] == ["refused", "won"]
    assert "same.docx: tệp " in outcome[0][1] and "/ already exists" in outcome[0][1]
    assert target.read_bytes() in payloads  # whole: one writer's bytes, not a mix
    assert sorted(p.name for p in tmp_path.iterdir()) == ["same.docx"]


def test_a_killed_writer_leaves_a_temporary_that_the_next_write_removes(tmp_path):
    target = tmp_path / "big.docx"
    code = textwrap.dedent(f"""
        import time
        from plankit.output import write_with
        def slow(tmp):
            tmp.write_bytes(b"x" * 1000)
            print("writing", flush=True)
            time.sleep(60)
        write_with({str(target)!r}, slow)
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline() == "writing\n"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(30)
    left = [p.name for p in tmp_path.iterdir()]
    assert len(left) == 1 and left[0].startswith(f".big.docx.{proc.pid}.") and left[0].endswith(TEMP_SUFFIX)
    write_atomic(target, b"next run")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.docx"]


def test_sigterm_removes_the_temporary_through_the_cli(work):
    """The CLI turns SIGTERM into an ordinary exit, so the writer's cleanup runs."""
    code = textwrap.dedent("""
        import sys, time
        import plankit.output as output
        real = output.write_with
        def slow(path, writer, **kw):
            def w(tmp):
                writer(tmp)
                print("writing", flush=True)
                time.sleep(60)
            return real(path, w, **kw)
        output.write_with = slow
        from plankit.cli import main
        sys.argv = ["plankit", "diff", "OLD.txt", "NEW.txt", "--html", "out.html"]
        sys.exit(main())
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=work, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline() == "writing\n"
        proc.terminate()
    finally:
        proc.wait(30)
    assert proc.returncode == 128 + signal.SIGTERM
    assert sorted(p.name for p in work.iterdir()) == ["NEW.txt", "OLD.txt", "PLAN.txt"]


def test_stale_temporaries_of_live_processes_and_other_targets_are_kept(tmp_path):
    mine = tmp_path / f".a.docx.{os.getpid()}.0123abcd{TEMP_SUFFIX}"
    other = tmp_path / f".b.docx.999999999.0123abcd{TEMP_SUFFIX}"
    mine.write_bytes(b"")
    other.write_bytes(b"")
    assert remove_stale_temporaries(tmp_path, "a.docx") == []
    assert remove_stale_temporaries(tmp_path, "a.docx") == [] and other.exists()
    assert remove_stale_temporaries(tmp_path) == [other]


# -- reports and other commands ----------------------------------------------------------------


def test_report_refuses_an_existing_report_json_before_running_anything(tmp_path):
    from plankit.report import run_report

    notebooks = tmp_path / "nb"
    notebooks.mkdir()
    (notebooks / "01-x.ipynb").write_text("not even a notebook", encoding="utf-8")
    out = tmp_path / "reports"
    out.mkdir()
    (out / "report.json").write_text("[]", encoding="utf-8")
    with pytest.raises(OutputExists, match=r"report\.json: tệp đã có, .* / already exists"):
        run_report(ROOT / "plans", out, notebooks=notebooks, progress=False)
    assert (out / "report.json").read_text(encoding="utf-8") == "[]"


def test_report_out_onto_an_existing_file_is_one_line(work, capsys):
    (work / "reports").write_text("a file", encoding="utf-8")
    code, err = run(capsys, "report", "--plans", str(ROOT / "plans"), "--out", "reports")
    assert code == 2 and err.count("\n") == 1 and "a file stands where a folder should be" in err
    assert (work / "reports").read_text(encoding="utf-8") == "a file"


@pytest.mark.parametrize("dpi", ["0", "-1", "10", "99999999", "abc"])
def test_graph_dpi_out_of_range_is_one_line(work, capsys, dpi):
    with pytest.raises(SystemExit) as info:
        main(["graph", "PLAN.txt", "-o", "g.png", "--dpi", dpi])
    err = capsys.readouterr().err
    assert info.value.code == 2
    assert err == (f"plankit graph: lỗi / error: argument --dpi: cần độ phân giải (dpi) từ 20 đến 1200 / expected "
                   f"a resolution in dots per inch from 20 to 1200, got '{dpi}' (see: plankit graph --help)\n")
    assert not (work / "g.png").exists()


def test_demo_without_its_plans_folder_is_one_line(work, capsys):
    assert run(capsys, "demo", "--plans", "no-such-folder", "--no-report") == (
        2, "plankit: lỗi / error: no-such-folder: không có thư mục kế hoạch này / plans folder not found\n")


def test_file_names_that_are_not_utf8_are_shown_with_replacement_characters(work):
    bad = os.fsencode(work / "plans") + b"/k\xe9-hoach.txt"
    os.mkdir(work / "plans")
    shutil.copyfile(PLAN, bad)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    for command in (["graph", "plans"], ["read", "plans"]):
        out = subprocess.run([sys.executable, "-m", "plankit", *command], cwd=work, env=env,
                             capture_output=True, text=True, timeout=120)
        assert "Traceback" not in out.stderr, (command, out.stderr)
        assert out.returncode in (0, 1), (command, out.stderr)
    lint = subprocess.run([sys.executable, "-m", "plankit", "lint", "plans", "--format", "json"], cwd=work,
                          env=env, capture_output=True, text=True, timeout=120)
    assert {f["file"] for f in json.loads(lint.stdout)} == {"plans/k\ufffd-hoach.txt"}


def test_a_bad_inline_suppression_names_its_file_and_the_others_are_linted(work, capsys):
    (work / "b.txt").write_text(PLAN.read_text(encoding="utf-8") + "\nDòng thêm  plankit: ignore[PK999]\n",
                                encoding="utf-8")
    code = main(["lint", "PLAN.txt", "b.txt", "--format", "json"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.splitlines()[0].startswith("plankit: lỗi / error: b.txt: không có quy tắc nào ứng với 'PK999'")
    assert {f["file"] for f in json.loads(captured.out)} == {"PLAN.txt"}
