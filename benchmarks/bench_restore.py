"""How well and how fast :func:`plankit.restore_text` puts Vietnamese diacritics back.

Leave-one-out on the clean bundled plans (seeds 000, 002, 003): each plan is stripped of every
diacritic, case kept (NFD, combining marks dropped, đ -> d, Đ -> D), then restored with a model
built WITHOUT that plan (``build_model(exclude=[name])``: the other plans and Viet74K). A word
counts as right only if it equals the original exactly (case and marks; tone placement must
match too: ``hòa`` is not ``hoà``). The numbers also say how many are right ignoring case.

Cần Thơ 2022 is restored a second time with the other Cần Thơ plan, the 2025 OCR (seed 004), as
``reference=`` (the OCR'd reference is itself restored first, with the same leave-one-out model).
The result says how many words the reference fixed and broke against the run without it, and,
for every word still wrong, what the reference's scan holds in its place (``reference_evidence``:
no counterpart, the word with no mark left, or the word with some marks left), which is all
the evidence a reference can give.

The same inputs go through ``pyvi.ViUtils.add_accents`` (benchmark-only dependency), one line
at a time; a line on which it raises counts all its words as wrong.

Speed: words per second of ``restore_text(...).text`` with the model already built (best of 5
runs, wall clock; CPU seconds of this process too, as other work on the machine slows the wall
clock); per CPU second also with every token's candidates and confidence worked out
(``.tokens``, computed on first use); and the time to build the default model from scratch.

An ablation repeats the leave-one-out without the VLSP running text that ``underthesea`` ships
(``build_model(corpus=False)``: plans, Viet74K and place names only).

The development corpus (``../shared/corpus``, 31 real documents the model never trained on;
skipped when absent): each document stripped of its marks (case, digits, punctuation kept) and
restored, exact words counted as above (target >= 98%), with the wider-context model and with the
trigram alone in the same run, and on the words whose folded form is so, ban, tinh or dat; pyvi
on the same input; the same documents WITH their marks restored, and the share of words changed
(target <= 0.1%: do no harm). ``corpus.sources`` says what each source of the model adds: the
corpus and leave-one-out figures of a model built without it.

The installed package (issue 15, ``installed``; not in quick runs): the wheel is built from this
checkout (``python -m build --wheel --no-isolation``), installed with its dependencies into a
fresh virtual environment outside the repository, and run from an empty folder on the same
corpus documents, stripped and with their marks; its exact-word accuracy and share of words
changed stand beside the checkout's, with the number of documents whose restored text differs.

Targets: >= 95% exact words without a reference, >= 98% with it, >= 20,000 words per CPU second
(the machine is shared: CPU seconds, not the wall clock, decide).

Run: ``.venv/bin/python -m benchmarks.bench_restore`` (``run(quick=True)`` skips pyvi);
``.venv/bin/python -m benchmarks.bench_restore --installed`` measures only the installed package
and writes it into ``benchmarks/results.json`` (``benchmarks.restore.installed``).
"""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from plankit.read import read_text
from plankit.restore import Restored, restore_text
from plankit.restore_model import build_model
from plankit.text import fold, nfc

TARGET_ACCURACY = 0.95
TARGET_ACCURACY_REFERENCE = 0.98
TARGET_WORDS_PER_SECOND = 20_000

SEEDS = {
    "000": "can-tho/2022-so-khcn.txt",
    "002": "hung-yen/2022-so-khcn.md",
    "003": "hai-duong/2022-so-cong-thuong.txt",
}
OCR_SEED = "can-tho/2025-so-khcn.ocr.txt"
_WORD_RE = re.compile(r"[^\W\d_]+")
ROOT = Path(__file__).resolve().parents[1]
# ../shared/corpus beside the repository (a worktree one level deeper finds it one more up)
CORPUS = next(
    (c for c in (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus") if c.is_dir()),
    ROOT.parent / "shared" / "corpus",
)


def strip_marks(text: str) -> str:
    """Every diacritic dropped, case kept: 'Đảng' -> 'Dang'."""
    out = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", out.replace("đ", "d").replace("Đ", "D"))


def word_accuracy(original: str, restored: str) -> dict:
    """Exact and case-insensitive word accuracy of ``restored`` against ``original``.

    Words are letter runs; when the counts differ, words are paired along a difflib alignment
    of their folded forms, and unpaired original words count as wrong.
    """
    gold = _WORD_RE.findall(nfc(original))
    got = _WORD_RE.findall(nfc(restored))
    pairs: list[tuple[str, str]] = []
    if len(gold) == len(got):
        pairs = list(zip(gold, got, strict=True))
    else:
        sm = difflib.SequenceMatcher(None, [fold(w) for w in gold], [fold(w) for w in got], autojunk=False)
        for a, b, size in sm.get_matching_blocks():
            pairs.extend((gold[a + k], got[b + k]) for k in range(size))
    exact = sum(g == o for g, o in pairs)
    nocase = sum(g.lower() == o.lower() for g, o in pairs)
    n = len(gold) or 1
    errors = [(g, o) for g, o in pairs if g != o]
    return {
        "words": len(gold),
        "exact": exact / n,
        "ignoring_case": nocase / n,
        "errors": errors,
    }


def reference_evidence(original: str, restored: str, reference: Restored) -> dict:
    """For each word still wrong in ``restored``: what the reference's scan holds in its place.

    The gold words are aligned with the reference's restored words on their folded forms
    (difflib, ``autojunk=False``, runs of two words or more, as ``restore_text`` aligns); the
    reference word's surface as OCR read it is then ``plain`` (no mark left: "thong", "Han"),
    ``marked`` (some marks or OCR damage left: "tuyén", "s6") or there is ``none``.
    """
    gold = _WORD_RE.findall(nfc(original))
    got = _WORD_RE.findall(nfc(restored))
    if len(gold) != len(got):
        return {}
    ref = [t for t in reference.tokens if _WORD_RE.fullmatch(t.output.strip()) and not t.surface.isdigit()]
    sm = difflib.SequenceMatcher(
        None, [fold(w).lower() for w in gold], [fold(t.output.strip()).lower() for t in ref], autojunk=False
    )
    counterpart: dict[int, str] = {}
    for a, b, size in sm.get_matching_blocks():
        if size >= 2:
            counterpart.update((a + k, ref[b + k].surface) for k in range(size))
    out: dict[str, list[str]] = {"none": [], "plain": [], "marked": []}
    for i, (g, o) in enumerate(zip(gold, got, strict=True)):
        if g == o:
            continue
        surface = counterpart.get(i)
        kind = "none" if surface is None else "plain" if surface.isascii() and surface.isalpha() else "marked"
        out[kind].append(f"{g} -> {o}" + (f" (scan: {surface})" if surface else ""))
    return {k: {"count": len(v), "words": v} for k, v in out.items()}


def _pyvi(text: str) -> tuple[str, int]:
    from pyvi import ViUtils

    out, failed = [], 0
    for line in text.split("\n"):
        try:
            out.append(ViUtils.add_accents(line) if line.strip() else line)
        except Exception:  # pyvi raises KeyError on some lines; the line counts as wrong
            failed += 1
            out.append("")
    return "\n".join(out), failed


CONTEXT_WORDS = ("so", "ban", "tinh", "dat")  # folded forms whose choice wider context decides
TARGET_CORPUS_EXACT = 0.98
TARGET_CORPUS_CHANGED = 0.001
ABLATIONS = ("admin", "vocabulary", "register", "places", "corpus", "wordlist", "bundled")


def _corpus_docs() -> dict[str, str]:
    return {p.stem: nfc(p.read_text("utf-8")) for p in sorted(CORPUS.glob("*.txt"))}


def _corpus_exact(docs: dict[str, str], model, **kw) -> tuple[float, int, list[tuple[str, str]]]:
    words = exact = 0
    errors: list[tuple[str, str]] = []
    for text in docs.values():
        acc = word_accuracy(text, restore_text(strip_marks(text), model=model, **kw).text)
        words += acc["words"]
        exact += round(acc["exact"] * acc["words"])
        errors += acc["errors"]
    return exact / (words or 1), words, errors


def _ambiguous_accuracy(docs: dict[str, str], model, context: bool) -> dict:
    """Right/total on the words whose folded form is one of CONTEXT_WORDS."""
    right = total = 0
    for text in docs.values():
        gold = _WORD_RE.findall(text)
        got = _WORD_RE.findall(restore_text(strip_marks(text), model=model, context=context).text)
        if len(gold) != len(got):
            continue
        for g, o in zip(gold, got, strict=True):
            if fold(g).lower() in CONTEXT_WORDS:
                total += 1
                right += g == o
    return {"right": right, "words": total, "accuracy": round(right / (total or 1), 4)}


def _forget_models() -> None:
    """Drop the candidate caches, which hold every model they saw (the ablation builds many)."""
    from plankit.restore import reference, tokens

    tokens._word_candidates.cache_clear()
    tokens._word_token.cache_clear()
    tokens._expansions.cache_clear()
    reference._word_verdict.cache_clear()


def run_corpus(quick: bool = False) -> dict:
    """The development corpus (../shared/corpus): stripped and restored; with marks, changed.

    Never trained on: the model's sources are listed in plankit/data/restore/sources.tsv.
    """
    docs = _corpus_docs()
    if not docs:
        return {"skipped": f"{CORPUS} not found"}
    from plankit.restore_model import default_model

    model = default_model()
    exact, words, errors = _corpus_exact(docs, model)
    trigram, _, _ = _corpus_exact(docs, model, context=False)
    changed = total = 0
    changed_words: list[str] = []
    for text in docs.values():
        r = restore_text(text, model=model)
        total += len(_WORD_RE.findall(text))
        for t in r.tokens:
            if t.changed and _WORD_RE.search(t.surface):
                changed += 1
                changed_words.append(f"{t.surface} -> {t.output}")
    out: dict = {
        "documents": len(docs),
        "words": words,
        "exact": round(exact, 4),
        "target_exact": TARGET_CORPUS_EXACT,
        "meets_target": exact >= TARGET_CORPUS_EXACT,
        "exact_trigram_only": round(trigram, 4),
        "context_words": {
            "words": list(CONTEXT_WORDS),
            "trigram_only": _ambiguous_accuracy(docs, model, False),
            "with_context": _ambiguous_accuracy(docs, model, True),
        },
        "with_marks_words": total,
        "with_marks_changed": changed,
        "with_marks_changed_share": round(changed / (total or 1), 5),
        "target_changed_share": TARGET_CORPUS_CHANGED,
        "meets_changed_target": changed / (total or 1) <= TARGET_CORPUS_CHANGED,
        "with_marks_changed_words": changed_words,
        "sample_errors": [f"{g} -> {o}" for g, o in errors[:30]],
    }
    if not quick:
        pyvi_words = pyvi_exact = 0
        for text in docs.values():
            restored, _ = _pyvi(strip_marks(text))
            acc = word_accuracy(text, restored)
            pyvi_words += acc["words"]
            pyvi_exact += round(acc["exact"] * acc["words"])
        out["pyvi_exact"] = round(pyvi_exact / (pyvi_words or 1), 4)
        # what each source adds: the corpus figure without it (leave-one-out on the plans too)
        sources: dict[str, dict] = {}
        for name in ABLATIONS:
            _forget_models()
            bare = build_model(**{name: False})
            ex, _, _ = _corpus_exact(docs, bare)
            loo_words = loo_exact = 0
            for plan in SEEDS.values():
                m = build_model(exclude=[plan], **{name: False})
                text = nfc((ROOT / "plans" / plan).read_text("utf-8"))
                acc = word_accuracy(text, restore_text(strip_marks(text), model=m, ocr=False).text)
                loo_words += acc["words"]
                loo_exact += round(acc["exact"] * acc["words"])
            sources[name] = {
                "corpus_exact_without": round(ex, 4),
                "adds_corpus": round(exact - ex, 4),
                "leave_one_out_exact_without": round(loo_exact / loo_words, 4),
            }
        out["sources"] = sources
    return out


# Runs inside the installed package's environment, from an empty folder: restores each corpus
# document stripped of its marks and as it is, and prints the texts as JSON. Only plankit's
# public API; the stripping is the benchmark's own (strip_marks), repeated here.
_INSTALLED_SCRIPT = r"""
import json, sys, unicodedata
from pathlib import Path
import plankit
from plankit.restore import restore_text
from plankit.text import nfc

def strip_marks(text):
    out = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", out.replace("đ", "d").replace("Đ", "D"))

out = {"plankit": plankit.__file__, "stripped": {}, "with_marks": {}}
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    text = nfc(path.read_text("utf-8"))
    out["stripped"][path.stem] = restore_text(strip_marks(text)).text
    out["with_marks"][path.stem] = restore_text(text).text
print(json.dumps(out, ensure_ascii=False))
"""


def _restored_corpus_here(docs: dict[str, str]) -> dict[str, dict[str, str]]:
    from plankit.restore_model import default_model

    model = default_model()
    return {
        "stripped": {k: restore_text(strip_marks(t), model=model).text for k, t in docs.items()},
        "with_marks": {k: restore_text(t, model=model).text for k, t in docs.items()},
    }


def _corpus_figures(docs: dict[str, str], restored: dict[str, dict[str, str]]) -> dict:
    words = exact = changed = 0
    for name, text in docs.items():
        acc = word_accuracy(text, restored["stripped"][name])
        words += acc["words"]
        exact += round(acc["exact"] * acc["words"])
        gold = _WORD_RE.findall(text)
        got = _WORD_RE.findall(restored["with_marks"][name])
        changed += sum(g != o for g, o in zip(gold, got, strict=False)) + abs(len(gold) - len(got))
    return {
        "words": words,
        "exact": round(exact / (words or 1), 4),
        "with_marks_changed_share": round(changed / (words or 1), 5),
    }


def run_installed() -> dict:
    """The corpus measure from the wheel installed in a fresh environment, beside the checkout's.

    The wheel is built from this checkout and installed (with its dependencies, from pip's cache
    where it can) into a virtual environment in a temporary folder; the restoration runs from
    an empty folder there, so nothing beside the package can be read.
    """
    docs = _corpus_docs()
    if not docs:
        return {"skipped": f"{CORPUS} not found"}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="plankit-installed-") as tmp:
        base = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
        steps = [
            [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(base / "dist"), str(ROOT)],
            [sys.executable, "-m", "venv", "--without-pip", str(base / "venv")],
        ]
        for cmd in steps:
            done = subprocess.run(cmd, cwd=base, capture_output=True, text=True, env=env, check=False)
            if done.returncode:
                return {"error": f"{' '.join(cmd[:4])}: exit {done.returncode}: {done.stderr[-500:]}"}
        wheel = next((base / "dist").glob("plankit-*.whl"))
        python = base / "venv" / "bin" / "python"
        cmd = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-compile",
               "--disable-pip-version-check", str(wheel)]
        done = subprocess.run(cmd, cwd=base, capture_output=True, text=True, env=env, check=False)
        if done.returncode:
            return {"error": f"pip install: exit {done.returncode}: {done.stderr[-500:]}"}
        empty = base / "empty"
        empty.mkdir()
        done = subprocess.run(
            [str(python), "-c", _INSTALLED_SCRIPT, str(CORPUS.resolve())],
            cwd=empty, capture_output=True, text=True, env=env, check=False,
        )
        if done.returncode:
            return {"error": f"installed restore: exit {done.returncode}: {done.stderr[-500:]}"}
        there = json.loads(done.stdout)
    where = Path(there.pop("plankit"))
    here = _restored_corpus_here(docs)
    differ = sorted(
        name for name in docs
        if there["stripped"][name] != here["stripped"][name] or there["with_marks"][name] != here["with_marks"][name]
    )
    installed, checkout = _corpus_figures(docs, there), _corpus_figures(docs, here)
    return {
        "wheel": wheel.name,
        "installed_outside_checkout": not where.is_relative_to(ROOT),
        "documents": len(docs),
        "installed": installed,
        "checkout": checkout,
        "equal": installed == checkout and not differ,
        "documents_restored_differently": differ,
        "seconds": round(time.perf_counter() - started, 1),
    }


def run(quick: bool = False) -> dict:
    """Leave-one-out accuracy (plankit and pyvi), reference accuracy, speed, build time."""
    root = ROOT / "plans"
    if not root.is_dir():
        return {"skipped": "plans/ not found"}
    texts = {k: nfc((root / name).read_text("utf-8")) for k, name in SEEDS.items()}
    ocr_text = nfc((root / OCR_SEED).read_text("utf-8"))

    t0 = time.perf_counter()
    build_model()  # the default model's sources, from scratch (default_model() caches this)
    build_seconds = time.perf_counter() - t0

    per_seed: dict[str, dict] = {}
    models = {}
    total_words = total_exact = total_nocase = 0
    pyvi_exact = pyvi_nocase = 0
    for key, name in SEEDS.items():
        model = build_model(exclude=[name])
        models[key] = model
        plain = strip_marks(texts[key])
        restored = restore_text(plain, model=model, ocr=False)
        acc = word_accuracy(texts[key], restored.text)
        entry = {
            "plan": name,
            "words": acc["words"],
            "exact": round(acc["exact"], 4),
            "ignoring_case": round(acc["ignoring_case"], 4),
            "sample_errors": [f"{g} -> {o}" for g, o in acc["errors"][:15]],
        }
        total_words += acc["words"]
        total_exact += round(acc["exact"] * acc["words"])
        total_nocase += round(acc["ignoring_case"] * acc["words"])
        if not quick:
            out, failed = _pyvi(plain)
            pacc = word_accuracy(texts[key], out)
            entry["pyvi_exact"] = round(pacc["exact"], 4)
            entry["pyvi_ignoring_case"] = round(pacc["ignoring_case"], 4)
            entry["pyvi_failed_lines"] = failed
            pyvi_exact += round(pacc["exact"] * pacc["words"])
            pyvi_nocase += round(pacc["ignoring_case"] * pacc["words"])
        per_seed[key] = entry

    # ablation: without the VLSP running text underthesea ships (plans + Viet74K + places only)
    ablation_words = ablation_exact = 0
    if not quick:
        for key, name in SEEDS.items():
            bare = build_model(exclude=[name], corpus=False)
            restored = restore_text(strip_marks(texts[key]), model=bare, ocr=False)
            acc = word_accuracy(texts[key], restored.text)
            ablation_words += acc["words"]
            ablation_exact += round(acc["exact"] * acc["words"])

    # Cần Thơ 2022 with the 2025 OCR as reference
    plain000 = strip_marks(texts["000"])
    without_ref = restore_text(plain000, model=models["000"], ocr=False)
    with_ref = restore_text(plain000, model=models["000"], reference=read_text(ocr_text), ocr=False)
    ref_acc = word_accuracy(texts["000"], with_ref.text)
    gold_words = _WORD_RE.findall(texts["000"])
    pairs = zip(gold_words, _WORD_RE.findall(without_ref.text), _WORD_RE.findall(with_ref.text), strict=False)
    fixed = broken = 0
    for g, before, after in pairs:
        fixed += before != g and after == g
        broken += before == g and after != g
    evidence = reference_evidence(
        texts["000"], with_ref.text, restore_text(ocr_text, model=models["000"])
    )

    # speed: the three folded plans, model built, best of three
    inputs = [strip_marks(texts[k]) for k in SEEDS]
    words = sum(len(_WORD_RE.findall(t)) for t in inputs)
    model = models["000"]
    for t in inputs:  # warm the candidate caches once, as a long-running process would
        restore_text(t, model=model, ocr=False)
    best = best_cpu = best_tokens_cpu = float("inf")
    for _ in range(1 if quick else 5):
        t0, c0 = time.perf_counter(), time.process_time()
        for t in inputs:
            assert restore_text(t, model=model, ocr=False).text
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
        # the same with every token's candidates and confidence worked out (Restored.tokens)
        c0 = time.process_time()
        for t in inputs:
            assert restore_text(t, model=model, ocr=False).tokens
        best_tokens_cpu = min(best_tokens_cpu, time.process_time() - c0)
    wps = words / best

    # the OCR'd 2025 plan itself: how long, and how many words still uncertain
    t0 = time.perf_counter()
    ocr_restored = restore_text(ocr_text, reference=read_text(texts["000"]))
    ocr_seconds = time.perf_counter() - t0

    exact = total_exact / total_words
    result = {
        "leave_one_out": per_seed,
        "exact": round(exact, 4),
        "ignoring_case": round(total_nocase / total_words, 4),
        "target_exact": TARGET_ACCURACY,
        "meets_target": exact >= TARGET_ACCURACY,
        "with_reference": {
            "plan": SEEDS["000"],
            "reference": OCR_SEED,
            "exact": round(ref_acc["exact"], 4),
            "ignoring_case": round(ref_acc["ignoring_case"], 4),
            "wrong_words": len(ref_acc["errors"]),
            "target_exact": TARGET_ACCURACY_REFERENCE,
            "meets_target": ref_acc["exact"] >= TARGET_ACCURACY_REFERENCE,
            "exact_without_reference": per_seed["000"]["exact"],
            "words_fixed_by_reference": fixed,
            "words_broken_by_reference": broken,
            "reference_evidence": evidence,
        },
        "words_per_second": round(wps),
        "words_per_cpu_second": round(words / best_cpu) if best_cpu else None,
        "words_per_cpu_second_with_tokens": round(words / best_tokens_cpu) if best_tokens_cpu else None,
        "target_words_per_second": TARGET_WORDS_PER_SECOND,
        "meets_speed_target": bool(best_cpu) and words / best_cpu >= TARGET_WORDS_PER_SECOND,
        "model_build_seconds": round(build_seconds, 3),
        "ocr_2025": {
            "seconds": round(ocr_seconds, 3),
            "tokens_changed": len(ocr_restored.changed),
            "uncertain": len(ocr_restored.uncertain),
        },
    }
    result["corpus"] = run_corpus(quick)
    if not quick and "skipped" not in result["corpus"]:
        result["installed"] = run_installed()
    if not quick:
        result["exact_without_vlsp_corpus"] = round(ablation_exact / ablation_words, 4)
        pex = pyvi_exact / total_words
        result["pyvi_exact"] = round(pex, 4)
        result["pyvi_ignoring_case"] = round(pyvi_nocase / total_words, 4)
        result["ratio_exact_vs_pyvi"] = round(exact / pex, 2) if pex else None
    return result


def _write_installed(result: dict) -> None:
    """Put the installed-package figures into results.json (benchmarks.restore.installed)."""
    path = Path(__file__).resolve().parent / "results.json"
    results = json.loads(path.read_text("utf-8")) if path.exists() else {}
    results.setdefault("benchmarks", {}).setdefault("restore", {})["installed"] = result
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, path)


if __name__ == "__main__":
    if "--installed" in sys.argv[1:]:
        res = run_installed()
        _write_installed(res)
    else:
        res = run()
    print(json.dumps(res, ensure_ascii=False, indent=2))
