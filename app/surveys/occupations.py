"""Job titles in an upload coded to ISCO-08 unit groups, once per distinct title.

A survey of 100,000 respondents has a few hundred distinct job titles, and coding one is the
slowest step of a row, so every distinct (normalised) title is coded once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.surveys.cells import CellError
from app.surveys.errors import shown, truncate
from app.taxonomy.coding import suggest


@dataclass(frozen=True, slots=True)
class Coding:
    input: str
    code: str
    title: str
    confidence: float

    def as_report(self) -> dict[str, Any]:
        return {
            "input": truncate(self.input),  # a cell of the file: echoed cut short
            "code": self.code,
            "title": self.title,
            "confidence": round(self.confidence, 3),
        }


class TitleCoder:
    def __init__(self, session: Session, min_confidence: float) -> None:
        self._session = session
        self._min = min_confidence
        self._cache: dict[str, Coding | CellError] = {}

    def code(self, title: str) -> Coding:
        """The best unit group for `title`; CellError when no suggestion is confident enough."""
        key = " ".join(title.casefold().split())
        hit = self._cache.get(key)
        if hit is None:
            hit = self._code(title.strip())
            self._cache[key] = hit
        if isinstance(hit, CellError):
            raise hit
        return hit

    def _code(self, title: str) -> Coding | CellError:
        suggestions = suggest(self._session, title, None, k=1)
        if not suggestions:
            return CellError(
                f"the job title {shown(title)} could not be coded to ISCO-08; give the 4-digit code"
            )
        best = suggestions[0]
        if best.confidence < self._min:
            return CellError(
                f"the job title {shown(title)} is too vague to code to ISCO-08: the best match, "
                f"{best.code} {best.title}, has confidence {best.confidence:.2f}, below the "
                f"minimum {self._min:.2f}; give the 4-digit ISCO code instead"
            )
        return Coding(title, best.code, best.title, float(best.confidence))
