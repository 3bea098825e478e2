"""Job-title coding: free-text job titles to ISCO-08 unit groups.

The model is a nearest-neighbour search over known titles. Every example title (the unit group's
own ISCO title, the titles of its minor group as weak examples, the occupation_titles rows and the
occupations' alt_labels) becomes a TF-IDF vector over character n-grams, which tolerate spelling
variants, plurals and compounds ("bricklayer" / "bricklayers", "healthcare" / "health care"), and
over word uni- and bigrams, which reward whole-word agreement. A title's score for a unit group
mixes the best weighted cosine similarity with one of the group's examples (a near-copy of a known
title wins) and the cosine with the group's centroid (words shared by several of its titles, such
as "picker" or "nurse", count for a title never seen). Scores lie in [0, 1] and do not have to
spread over 436 groups like a classifier's probabilities, so a nonsense title scores low
everywhere. bench/bench_coding.py compares this with a logistic regression on a held-out split of
seed_data/taxonomy/job_titles.csv: the classifier is a few points better at top-1, no better at
top-5, and takes ~100 times longer to fit, which matters because the model is rebuilt whenever
the taxonomy changes.

The confidence is a logistic function of the score and of its gap to the best other group (a
title equally close to several groups, like "assistant", is likely wrong), fitted by the benchmark
to P(top-1 right) on held-out titles: 0.35 means roughly a one-in-three chance of being right.

An optional description (job ads say more there than in the title) is compared with a profile
document per unit group (its titles plus the labels of the skills the occupation calls for) and
can only add to the title's score, with a lower weight, so a long, unrelated description never
buries a clear title.

The database is the only source: the model is built from it on first use and cached per
database; a cheap fingerprint of the taxonomy makes a changed taxonomy (an ESCO import, new titles)
rebuild it.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.taxonomy.models import Occupation, OccupationSkill, OccupationTitle, Skill

# ---- tuning (chosen with bench/bench_coding.py; see its output for the figures) ----------------

#: Share of the character n-gram similarity in a similarity; the rest is word similarity.
CHAR_SHARE = 0.6
#: Share of the best example's similarity in a title's score; the rest is the centroid's.
EXAMPLE_SHARE = 0.6
#: Weight of the minor group's title as an example of each of its unit groups: it says something
#: ("Personal care workers in health services") but less than the unit group's own titles.
PARENT_WEIGHT = 0.8
#: How much a description can add: score + DESCRIPTION_WEIGHT * match * (1 - score), where match
#: is the description's cosine with the group's profile over DESCRIPTION_FULL_MATCH, capped at 1.
#: A long text shares only part of its words with a profile: 0.3 is already a clear match.
DESCRIPTION_WEIGHT = 0.5
DESCRIPTION_FULL_MATCH = 0.3
#: Confidence = logistic(INTERCEPT + SCORE * score + GAP * (score - best other group's score)),
#: fitted by bench/bench_coding.py to P(top-1 is right) on the held-out titles plus random
#: letter strings (never right), rounded. The strings teach it that a lone faint match is no
#: evidence: held-out titles alone never score that low.
CALIBRATION_INTERCEPT = -3.0
CALIBRATION_SCORE = 3.8
CALIBRATION_GAP = 8.3

#: Databases whose models are kept; tests open many databases, a service one.
_CACHE_SIZE = 4

# Words that job ads add to titles but that say nothing about the occupation.
_NOISE = frozenset({
    "mwd", "mfd", "fmd", "urgent", "urgently", "wanted", "needed", "required", "hiring",
    "vacancy", "vacancies", "job", "jobs", "position", "opening", "full", "part", "time",
    "fulltime", "parttime", "temporary", "permanent", "contract", "experienced", "senior",
    "junior", "trainee", "apprentice", "immediate", "start", "new",
})  # fmt: skip
_NON_WORD = re.compile(r"[^a-z0-9]+")
# "(m/f/d)", "m/w/d", "(f/m)": gender markers of job ads; single letters elsewhere ("R&D") stay.
_GENDER = re.compile(r"\(?\b[mfwdhx] ?/ ?[mfwdhx](?: ?/ ?[mfwdhx])?\b\)?")
_PARENTHESES = re.compile(r"\([^)]*\)")
_NEC = " not elsewhere classified"


@dataclass(frozen=True)
class Suggestion:
    code: str
    title: str
    confidence: float


@dataclass(frozen=True)
class Example:
    code: str
    text: str
    weight: float = 1.0
    #: isco (the group's title) | parent (its minor group's title) | alt_label | title (a row of
    #: occupation_titles)
    source: str = "title"


@dataclass
class TrainingData:
    """What the model learns from, read from the database (or assembled by the benchmark)."""

    #: Unit group code -> official title.
    groups: dict[str, str]
    examples: list[Example]
    #: Unit group code -> extra words for matching descriptions (skill labels).
    profiles: dict[str, list[str]] = field(default_factory=dict)


def _singular(word: str) -> str:
    # A light plural folding so that word features agree on "nurses"/"nurse"; applied to examples
    # and queries alike, so an occasional wrong cut ("canvas" -> "canva") does no harm.
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def normalise(text: str, *, drop_noise: bool = True) -> str:
    """Lower case, ASCII, words only, plurals folded, job-ad noise words dropped."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = _GENDER.sub(" ", text.replace(_NEC, " ").replace("'s ", "s "))
    words = _NON_WORD.sub(" ", text).split()
    if drop_noise:
        kept = [w for w in words if w not in _NOISE]
        words = kept or words  # "senior" alone stays itself rather than becoming empty
    return " ".join(_singular(w) for w in words)


def _clean_official(title: str) -> str:
    # "(excluding ICT)" would make "ICT" a feature of exactly the group that is not ICT.
    return _PARENTHESES.sub(" ", title)


def calibrate(score: np.ndarray, gap: np.ndarray) -> np.ndarray:
    """Confidence from a group's score and its gap to the best other group."""
    z = CALIBRATION_INTERCEPT + CALIBRATION_SCORE * score + CALIBRATION_GAP * gap
    return 1.0 / (1.0 + np.exp(-z))


def gaps(score: np.ndarray) -> np.ndarray:
    """Each group's score less the best score among the other groups (positive only for the
    best), along the last axis."""
    order = np.sort(score, axis=-1)
    best, second = order[..., -1:], order[..., -2:-1]
    return score - np.where(score >= best, second, best)


class TitleCoder:
    """Fitted on TrainingData; scores titles (and descriptions) against every unit group."""

    def __init__(
        self,
        data: TrainingData,
        *,
        char_share: float = CHAR_SHARE,
        example_share: float = EXAMPLE_SHARE,
        description_weight: float = DESCRIPTION_WEIGHT,
    ) -> None:
        self.codes = sorted(data.groups)
        self.titles = [data.groups[c] for c in self.codes]
        self.char_share = char_share
        self.example_share = example_share
        self.description_weight = description_weight
        index = {c: i for i, c in enumerate(self.codes)}
        examples = sorted(
            (e for e in data.examples if e.code in index and normalise(e.text)),
            key=lambda e: index[e.code],
        )
        if not examples:
            raise ValueError("no job-title examples to learn from")
        texts = [normalise(e.text) for e in examples]
        self._char = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, dtype=np.float32
        )
        self._word = TfidfVectorizer(
            analyzer="word", ngram_range=(1, 2), sublinear_tf=True, dtype=np.float32
        )
        self._examples = self._vectorise_fit(texts)
        self._weights = np.array([e.weight for e in examples], dtype=np.float32)
        # Examples are sorted by group, so a group's examples are one run: reduceat takes the max.
        group_of = np.array([index[e.code] for e in examples])
        self._starts = np.flatnonzero(np.r_[True, group_of[1:] != group_of[:-1]])
        self._present = group_of[self._starts]
        # Centroid of each group's (weighted) examples, renormalised: a group-level "document".
        members = sp.csr_matrix(
            (self._weights, (group_of, np.arange(len(examples)))),
            shape=(len(self.codes), len(examples)),
        )
        self._centroids = normalize(members @ self._examples)

        docs = [" ".join([data.groups[c], *data.profiles.get(c, [])]) for c in self.codes]
        for e, text in zip(examples, texts, strict=True):
            docs[index[e.code]] += " " + text
        self._doc_vec = TfidfVectorizer(
            analyzer="word", stop_words="english", sublinear_tf=True, dtype=np.float32
        )
        self._docs = self._doc_vec.fit_transform([normalise(d, drop_noise=False) for d in docs])

    def _vectorise_fit(self, texts: list[str]) -> sp.csr_matrix:
        return self._stack(self._char.fit_transform(texts), self._word.fit_transform(texts))

    def _vectorise(self, texts: list[str]) -> sp.csr_matrix:
        return self._stack(self._char.transform(texts), self._word.transform(texts))

    def _stack(self, chars: sp.csr_matrix, words: sp.csr_matrix) -> sp.csr_matrix:
        # Each part is L2-normalised, so the dot product of stacked vectors is the weighted sum
        # char_share * cos_char + (1 - char_share) * cos_word: a score in [0, 1].
        a = math.sqrt(self.char_share)
        b = math.sqrt(1.0 - self.char_share)
        return sp.hstack([chars * a, words * b], format="csr")

    def title_scores(self, titles: Sequence[str]) -> np.ndarray:
        """(len(titles), groups) scores: the best weighted similarity with one of each group's
        examples, mixed with the similarity with the group's centroid."""
        query = self._vectorise([normalise(t) for t in titles])
        sims = (query @ self._examples.T).toarray() * self._weights
        best = np.zeros((len(titles), len(self.codes)), dtype=np.float32)
        best[:, self._present] = np.maximum.reduceat(sims, self._starts, axis=1)
        centroid = (query @ self._centroids.T).toarray()
        return self.example_share * best + (1.0 - self.example_share) * centroid

    def description_scores(self, description: str) -> np.ndarray:
        query = self._doc_vec.transform([normalise(description, drop_noise=False)])
        return (query @ self._docs.T).toarray()[0]

    def scores(self, title: str, description: str | None = None) -> np.ndarray:
        score = self.title_scores([title])[0]
        if description and description.strip():
            desc = np.minimum(self.description_scores(description) / DESCRIPTION_FULL_MATCH, 1.0)
            score = score + self.description_weight * desc * (1.0 - score)
        return score

    def suggest(self, title: str, description: str | None = None, k: int = 5) -> list[Suggestion]:
        score = self.scores(title, description)
        k = max(0, min(k, len(self.codes)))
        if k == 0:
            return []
        # Best k by score; codes are sorted, so the stable sort breaks ties by code.
        top = np.argsort(-score, kind="stable")[:k]
        confidence = calibrate(score[top], gaps(score)[top])
        out = [
            Suggestion(self.codes[i], self.titles[i], round(float(c), 4))
            for i, c in zip(top, confidence, strict=True)
        ]
        # Rounding can make near scores equal: the promised order is confidence, then code.
        return sorted(out, key=lambda s: (-s.confidence, s.code))


# ---- training data from the database -------------------------------------------------------


def _labels(values: Iterable[object] | None) -> list[str]:
    return [v.strip() for v in (values or []) if isinstance(v, str) and v.strip()]


def training_data(session: Session) -> TrainingData:
    occupations = session.execute(
        select(Occupation.code, Occupation.level, Occupation.title, Occupation.alt_labels)
    ).all()
    groups = {code: title for code, level, title, _ in occupations if level == 4}
    minor = {code: title for code, level, title, _ in occupations if level == 3}
    examples: list[Example] = []
    for code, level, title, alt in occupations:
        if level != 4:
            continue
        examples.append(Example(code, _clean_official(title), source="isco"))
        if code[:3] in minor and minor[code[:3]] != title:
            parent = _clean_official(minor[code[:3]])
            examples.append(Example(code, parent, PARENT_WEIGHT, source="parent"))
        examples.extend(Example(code, label, source="alt_label") for label in _labels(alt))
    rows = session.execute(select(OccupationTitle.occupation_code, OccupationTitle.title))
    examples.extend(Example(code, title) for code, title in rows if code in groups)

    profiles: dict[str, list[str]] = {}
    skill_rows = session.execute(
        select(OccupationSkill.occupation_code, Skill.label, Skill.alt_labels).join(
            Skill, Skill.id == OccupationSkill.skill_id
        )
    )
    for code, label, alt in skill_rows:
        profiles.setdefault(code, []).extend([label, *_labels(alt)])
    return TrainingData(groups, examples, profiles)


# ---- the per-database cache ----------------------------------------------------------------

_lock = threading.Lock()
_models: OrderedDict[str, tuple[tuple[object, ...], TitleCoder]] = OrderedDict()


def _database_key(session: Session) -> str:
    return session.get_bind().engine.url.render_as_string(hide_password=True)


def _fingerprint(session: Session) -> tuple[object, ...]:
    """Changes whenever occupations or their titles are added, removed or (by ESCO) relinked."""
    row = session.execute(
        select(
            select(func.count()).select_from(Occupation).scalar_subquery(),
            select(func.max(Occupation.code)).scalar_subquery(),
            select(func.count(Occupation.esco_uri)).scalar_subquery(),
            select(func.count()).select_from(OccupationTitle).scalar_subquery(),
            select(func.max(OccupationTitle.id)).scalar_subquery(),
        )
    ).one()
    return tuple(row)


def coder(session: Session, *, force: bool = False) -> TitleCoder:
    """The model of the session's database, built when missing or when the taxonomy changed."""
    key = _database_key(session)
    fingerprint = _fingerprint(session)
    # One lock for all: a build takes well under a second and two threads must not both build.
    with _lock:
        cached = _models.get(key)
        if cached is not None and cached[0] == fingerprint and not force:
            _models.move_to_end(key)
            return cached[1]
        model = TitleCoder(training_data(session))
        _models[key] = (fingerprint, model)
        _models.move_to_end(key)
        while len(_models) > _CACHE_SIZE:
            _models.popitem(last=False)
        return model


def rebuild(session: Session) -> TitleCoder:
    """Build the model again from the database, whatever the cache holds."""
    return coder(session, force=True)


def suggest(
    session: Session, title: str, description: str | None = None, k: int = 5
) -> list[Suggestion]:
    """The k most likely ISCO-08 unit groups for a job title, best first (ties by code)."""
    if not normalise(title):
        return []
    return coder(session).suggest(title, description, k)
