"""Job-title coding: accuracy on held-out job titles, and build time.

    .venv/bin/python -m bench.bench_coding [--folds 5] [--seed 7]

Builds a scratch SQLite database with the migrations and the taxonomy seed, then splits the
built-in job titles (seed_data/taxonomy/job_titles.csv) into `folds` seeded folds, stratified by
unit group (a group's titles are dealt round-robin over the folds after a seeded shuffle, so a
group with one title is always trained on). Each fold in turn is held out: the model learns from
the rest (plus the ISCO titles and skill profiles, as in the service) and must code the held-out
titles. Reported: top-1 and top-5 accuracy of the nearest-neighbour coder that the service uses and
of a multinomial logistic regression on the same features; the confidence calibration fitted on
the held-out scores (P(top-1 right | score)), which app/taxonomy/coding.py uses rounded; the
confidence of a few sanity titles; and the time to build the model from the database.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from app.db import Database
from app.migrate import upgrade
from app.seed import SeedReport, load_taxonomy
from app.taxonomy import coding
from app.taxonomy.coding import Example, TitleCoder, TrainingData

SANITY = [
    "registered nurse",
    "bricklayer",
    "fruit picker",
    "software developer",
    "Pflegefachkraft",
    "assistant",
    "manager",
    "xqzt blorp",
    "qwerty uiop",
]


def _folds(examples: Sequence[Example], n: int, seed: int) -> list[int]:
    rng = np.random.default_rng(seed)
    by_code: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(examples):
        by_code[e.code].append(i)
    fold = [-1] * len(examples)
    offset = 0
    for code in sorted(by_code):
        idx = by_code[code]
        if len(idx) == 1:
            continue  # always trained on
        for j, i in enumerate(rng.permutation(idx)):
            fold[int(i)] = (j + offset) % n
        offset += len(idx)  # spread the groups' first titles over the folds
    return fold


def _junk(n: int, seed: int) -> list[str]:
    rng = np.random.default_rng(seed)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    return [
        " ".join(
            "".join(rng.choice(letters, rng.integers(3, 9))) for _ in range(rng.integers(1, 3))
        )
        for _ in range(n)
    ]


def _ranks(scores: np.ndarray, codes: list[str], truth: list[str]) -> np.ndarray:
    col = {c: i for i, c in enumerate(codes)}
    true_scores = scores[np.arange(len(truth)), [col[t] for t in truth]]
    # Rank = number of groups strictly better, ties counted against (pessimistic).
    return (scores >= true_scores[:, None]).sum(axis=1) - 1


def _logreg_scores(train: TrainingData, coder: TitleCoder, titles: list[str]) -> np.ndarray:
    # Same features as the coder; one sample per example, weighted like the coder's examples.
    texts = [coding.normalise(e.text) for e in train.examples if e.code in train.groups]
    labels = [e.code for e in train.examples if e.code in train.groups]
    weights = [e.weight for e in train.examples if e.code in train.groups]
    clf = LogisticRegression(C=20.0, max_iter=300)
    clf.fit(coder._vectorise(texts), labels, sample_weight=weights)
    proba = clf.predict_proba(coder._vectorise([coding.normalise(t) for t in titles]))
    out = np.zeros((len(titles), len(coder.codes)))
    col = {c: i for i, c in enumerate(coder.codes)}
    out[:, [col[c] for c in clf.classes_]] = proba
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-logreg", action="store_true", help="skip the classifier (slower)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        upgrade(url)
        db = Database(url)
        with db.transaction() as session:
            load_taxonomy(session, SeedReport())
        with db.session() as session:
            t0 = time.perf_counter()
            coding.rebuild(session)
            first = time.perf_counter() - t0
            builds = []
            for _ in range(3):
                t0 = time.perf_counter()
                coding.rebuild(session)
                builds.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            for title in SANITY * 25:
                coding.suggest(session, title)
            per_query = (time.perf_counter() - t0) / (len(SANITY) * 25)
            full = coding.training_data(session)
            model = coding.coder(session)
            sanity = [(t, model.suggest(t, k=1)[0]) for t in SANITY]
        db.dispose()

    # The job titles (occupation_titles rows) are split; ISCO titles and parents stay in training.
    builtin = [e for e in full.examples if e.source == "title"]
    base = [e for e in full.examples if e.source != "title"]
    fold = _folds(builtin, args.folds, args.seed)

    knn_ranks: list[np.ndarray] = []
    lr_ranks: list[np.ndarray] = []
    top_scores: list[np.ndarray] = []
    top_gaps: list[np.ndarray] = []
    top_right: list[np.ndarray] = []
    for f in range(args.folds):
        train = [e for e, k in zip(builtin, fold, strict=True) if k != f]
        test = [e for e, k in zip(builtin, fold, strict=True) if k == f]
        data = TrainingData(full.groups, base + train, full.profiles)
        model_f = TitleCoder(data)
        titles = [e.text for e in test]
        truth = [e.code for e in test]
        scores = model_f.title_scores(titles)
        ranks = _ranks(scores, model_f.codes, truth)
        knn_ranks.append(ranks)
        top_scores.append(scores.max(axis=1))
        top_gaps.append(coding.gaps(scores).max(axis=1))
        top_right.append(ranks == 0)
        if not args.no_logreg:
            lr_ranks.append(_ranks(_logreg_scores(data, model_f, titles), model_f.codes, truth))

    def report(name: str, ranks: list[np.ndarray]) -> None:
        first_fold = ranks[0]
        allr = np.concatenate(ranks)
        print(
            f"{name:<28} fold 0: top-1 {np.mean(first_fold == 0):.3f} top-5 "
            f"{np.mean(first_fold < 5):.3f} | all {len(ranks)} folds: "
            f"top-1 {np.mean(allr == 0):.3f} top-5 {np.mean(allr < 5):.3f} (n={len(allr)})"
        )

    print(f"cores: {os.cpu_count()}")
    print(
        f"examples: {len(full.examples)} ({len(builtin)} built-in job titles held out in "
        f"{args.folds} folds), unit groups: {len(full.groups)}"
    )
    report("nearest neighbour+centroid", knn_ranks)
    if lr_ranks:
        report("logistic regression", lr_ranks)

    s = np.concatenate(top_scores)
    g = np.concatenate(top_gaps)
    y = np.concatenate(top_right)
    # Random letter strings are never right; without them the fit never sees a faint score.
    junk = model_f.title_scores(_junk(len(y) // 4, args.seed))
    js, jg = junk.max(axis=1), coding.gaps(junk).max(axis=1)
    cal = LogisticRegression(C=1e4).fit(np.c_[np.r_[s, js], np.r_[g, jg]], np.r_[y, 0 * js])
    print(
        f"random strings at or above 0.35: {np.mean(coding.calibrate(js, jg) >= 0.35):.3f} "
        f"(n={len(js)})"
    )
    print(
        f"calibration fitted on held-out top-1 + random strings: intercept "
        f"{cal.intercept_[0]:.2f}, score {cal.coef_[0, 0]:.2f}, gap {cal.coef_[0, 1]:.2f} (in use: "
        f"{coding.CALIBRATION_INTERCEPT}, {coding.CALIBRATION_SCORE}, {coding.CALIBRATION_GAP})"
    )
    conf = coding.calibrate(s, g)
    for lo, hi in [(0, 0.35), (0.35, 0.6), (0.6, 0.8), (0.8, 1.01)]:
        sel = (conf >= lo) & (conf < hi)
        if sel.any():
            print(
                f"  confidence [{lo:.2f}, {hi:.2f}): n={int(sel.sum()):4d} "
                f"top-1 right {np.mean(y[sel]):.3f}"
            )
    print(f"share of held-out titles at or above 0.35: {np.mean(conf >= 0.35):.3f}")
    for title, best in sanity:
        print(f"  {title!r:<24} -> {best.code} {best.title[:40]:<40} confidence {best.confidence}")
    print(
        f"build from the database: first {first * 1000:.0f} ms, then median "
        f"{np.median(builds) * 1000:.0f} ms; suggest(): {per_query * 1000:.2f} ms per title"
    )


if __name__ == "__main__":
    main()
