"""Component weights: validation and a stable hash recorded with every match (design section 5)."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping

from matching.records import COMPONENTS, DEFAULT_WEIGHTS


def validate_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """Return a full weights dict in COMPONENTS order, or raise ValueError saying what is wrong.

    Names left out take their DEFAULT_WEIGHTS value, so a caller can override one weight.
    """
    unknown = sorted(set(weights) - set(COMPONENTS))
    if unknown:
        raise ValueError(
            f"Unknown weight name(s): {', '.join(unknown)} (known: {', '.join(COMPONENTS)})."
        )
    result: dict[str, float] = {}
    for name in COMPONENTS:
        raw = weights.get(name, DEFAULT_WEIGHTS[name])
        # bool is an int subclass; True as a weight is almost certainly a mistake.
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise ValueError(f"Weight {name!r} must be a number, got {raw!r}.")
        value = float(raw)
        if not math.isfinite(value):
            raise ValueError(f"Weight {name!r} must be finite, got {value!r}.")
        if value < 0:
            raise ValueError(f"Weight {name!r} must not be negative, got {value!r}.")
        result[name] = value
    if not any(result.values()):
        raise ValueError("At least one weight must be positive; all weights are zero.")
    return result


def weights_hash(weights: Mapping[str, float]) -> str:
    """First 16 hex chars of the sha256 of the validated weights as canonical JSON.

    Validating first makes {"skills": 1} and {"skills": 1.0, ...defaults} hash the same.
    """
    canonical = json.dumps(validate_weights(weights), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
