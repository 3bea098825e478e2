"""Free-text skills to taxonomy skills, by text similarity over preferred and alternative labels.

Employers and ministries write "forklift driving" or "Wundversorgung" where the taxonomy has
"operate forklift" (ESCO) or "wound-care" (built-in). Every label of every skill (not groups)
becomes a TF-IDF vector over character n-grams (spelling variants, plurals, compounds) and word
uni- and bigrams (whole-word agreement), both L2-normalised and mixed like the job-title coder's.
A text's confidence for a skill is the best cosine similarity with one of the skill's labels: 1.0
for a label written exactly, lower as the wording drifts. Callers keep the original text next
to the skill it resolved to, and refuse a text whose best confidence is below
settings.skill_resolve_min_confidence rather than guess.

The index is built from the database on first use and cached per database; a cheap fingerprint
of the skills table (an ESCO import changes it) makes it rebuild.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.taxonomy.models import Skill

#: Share of the character n-gram similarity; the rest is word similarity.
CHAR_SHARE = 0.6
_CACHE_SIZE = 4
_NON_WORD = re.compile(r"[^a-z0-9+#]+")  # keeps "c++" and "c#" apart from "c"


@dataclass(frozen=True)
class Resolution:
    skill: str
    label: str
    confidence: float


def normalise(text: str) -> str:
    """Lower case, ASCII, words only, light plural folding (applied to labels and queries)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _NON_WORD.sub(" ", text.lower()).split()
    return " ".join(_singular(w) for w in words)


def _singular(word: str) -> str:
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s"):
        return word[:-1]
    return word


class SkillIndex:
    """Labels of skills as vectors; resolve() ranks skills for texts.

    Built word by word for speed (ESCO has ~95,000 labels, but only ~10,000 distinct words):
    a label's character n-grams (char_wb: n-grams inside space-padded words) are the sum of its
    words' n-grams, so the label x n-gram counts are (label x word) @ (word x n-gram), and the
    n-grams of each distinct word are made once. TF-IDF weights are then fitted on those counts.
    """

    def __init__(self, skills: Iterable[tuple[str, str, Sequence[str]]]) -> None:
        ids: list[str] = []
        labels: list[str] = []
        owner: list[int] = []
        vocab: dict[str, int] = {}
        indptr = [0]
        indices: list[int] = []
        for skill_id, label, alt in sorted(skills, key=lambda s: s[0]):
            index = len(ids)
            ids.append(skill_id)
            labels.append(label)
            seen: set[str] = set()
            for text in (label, *alt):
                norm = normalise(text) if isinstance(text, str) else ""
                if not norm or norm in seen:
                    continue
                seen.add(norm)
                indices.extend(vocab.setdefault(w, len(vocab)) for w in norm.split())
                indptr.append(len(indices))
                owner.append(index)
        if not owner:
            raise ValueError("no skills to resolve texts to")
        self.ids = ids
        self.labels = labels
        self._vocab = vocab
        words = sp.csr_matrix(
            (np.ones(len(indices), dtype=np.float32), indices, indptr),
            shape=(len(owner), len(vocab)),
        )
        words.sum_duplicates()
        self._grams = CountVectorizer(analyzer="char_wb", ngram_range=(2, 4), dtype=np.float32)
        word_grams = self._grams.fit_transform(sorted(vocab, key=vocab.__getitem__))
        chars = words @ word_grams
        self._char_idf = TfidfTransformer(sublinear_tf=True).fit(chars)
        self._word_idf = TfidfTransformer(sublinear_tf=True).fit(words)
        self._matrix = self._stack(
            self._char_idf.transform(chars), self._word_idf.transform(words)
        ).T.tocsr()
        # Labels are grouped by skill (one run each): reduceat takes each skill's best label.
        owners = np.asarray(owner)
        self._starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
        self._present = owners[self._starts]

    def _stack(self, chars: sp.csr_matrix, words: sp.csr_matrix) -> sp.csr_matrix:
        # Both parts are L2-normalised: the dot product is the weighted sum of the cosines.
        return sp.hstack(
            [chars * math.sqrt(CHAR_SHARE), words * math.sqrt(1.0 - CHAR_SHARE)], format="csr"
        )

    def _query(self, texts: Sequence[str]) -> sp.csr_matrix:
        indptr = [0]
        indices: list[int] = []
        for text in texts:  # words the labels never use carry no word weight
            indices.extend(self._vocab[w] for w in text.split() if w in self._vocab)
            indptr.append(len(indices))
        words = sp.csr_matrix(
            (np.ones(len(indices), dtype=np.float32), indices, indptr),
            shape=(len(texts), len(self._vocab)),
        )
        words.sum_duplicates()
        chars = self._grams.transform(texts)
        return self._stack(self._char_idf.transform(chars), self._word_idf.transform(words))

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), skills): each skill's best label similarity."""
        sims = (self._query([normalise(t) for t in texts]) @ self._matrix).toarray()
        out = np.zeros((len(texts), len(self.ids)), dtype=np.float32)
        out[:, self._present] = np.maximum.reduceat(sims, self._starts, axis=1)
        return out

    def resolve(self, texts: Sequence[str], k: int = 5) -> list[list[Resolution]]:
        """The k best skills for each text, best first (ties by id)."""
        if not texts:
            return []
        k = max(0, min(k, len(self.ids)))
        results: list[list[Resolution]] = []
        for row in self.scores(texts):
            if k == 0 or not row.any():
                results.append([])
                continue
            # Skills are sorted by id, so the stable sort breaks ties by id.
            top = np.argsort(-row, kind="stable")[:k]
            results.append(
                [
                    Resolution(self.ids[i], self.labels[i], round(min(1.0, float(row[i])), 4))
                    for i in top
                    if row[i] > 0
                ]
            )
        return results


# ---- the per-database cache ----------------------------------------------------------------

_lock = threading.Lock()
_indexes: OrderedDict[str, tuple[tuple[object, ...], SkillIndex]] = OrderedDict()


def _fingerprint(session: Session) -> tuple[object, ...]:
    """Changes when skills are added, removed or relabelled (an ESCO import, a new seed)."""
    row = session.execute(
        select(
            func.count(),
            func.max(Skill.id),
            func.min(Skill.id),
            func.sum(func.length(Skill.label)),
            func.sum(func.length(Skill.description)),
        ).where(Skill.is_group.is_(False))
    ).one()
    return tuple(row)


def index(session: Session) -> SkillIndex:
    """The skill index of the session's database, built when missing or out of date."""
    key = session.get_bind().engine.url.render_as_string(hide_password=True)
    fingerprint = _fingerprint(session)
    with _lock:  # one build at a time: two threads must not both build the same index
        cached = _indexes.get(key)
        if cached is not None and cached[0] == fingerprint:
            _indexes.move_to_end(key)
            return cached[1]
        rows = session.execute(
            select(Skill.id, Skill.label, Skill.alt_labels).where(Skill.is_group.is_(False))
        )
        built = SkillIndex((sid, label, alt or []) for sid, label, alt in rows)
        _indexes[key] = (fingerprint, built)
        _indexes.move_to_end(key)
        while len(_indexes) > _CACHE_SIZE:
            _indexes.popitem(last=False)
        return built


def resolve(session: Session, texts: Sequence[str], k: int = 5) -> list[list[Resolution]]:
    """The k taxonomy skills most like each text, best first, with a confidence in [0, 1]."""
    usable = [t for t in texts if normalise(t)]
    if not usable:
        return [[] for _ in texts]
    found = iter(index(session).resolve(usable, k))
    return [next(found) if normalise(t) else [] for t in texts]
