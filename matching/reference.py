"""The reference scorer: one pair at a time, brute-force ranking. The specification in code.

The vectorised ranker must agree with it (scores to 1e-9, order, eligibility and reason codes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from matching import ENGINE_VERSION
from matching.components import combine, component_scores, is_relevant
from matching.eligibility import assess
from matching.explain import explain as explain_pair
from matching.records import Context, Match, Pool, Vacancy
from matching.weights import validate_weights, weights_hash


def score_pair(vacancy: Vacancy, pool: Pool, ctx: Context, *, explain: bool = True) -> Match:
    """Score, components, eligibility and (optionally) the explanation of one pair."""
    weights = validate_weights(ctx.weights)
    scores = component_scores(vacancy, pool, ctx.taxonomy)
    eligibility = assess(vacancy, pool, ctx)
    return Match(
        vacancy_id=vacancy.id,
        pool_id=pool.id,
        score=combine(scores, weights),
        components=scores,
        eligibility=eligibility,
        engine_version=ENGINE_VERSION,
        weights_hash=weights_hash(weights),
        explanation=explain_pair(vacancy, pool, ctx, eligibility) if explain else None,
    )


def _check_k(k: int | None) -> None:
    if k is not None and k < 0:
        raise ValueError(f"k must be None or >= 0, got {k}.")


def _rank(
    pairs: list[tuple[Vacancy, Pool]],
    ctx: Context,
    other_id: Callable[[Match], str],
    k: int | None,
    include_ineligible: bool,
    explain: bool,
) -> list[Match]:
    _check_k(k)
    scored = [(score_pair(v, p, ctx, explain=False), v, p) for v, p in pairs]
    # Relevance before eligibility: an unrelated pair is no match at all, not even a blocked one.
    scored = [
        item
        for item in scored
        if is_relevant(item[1], item[2], ctx.taxonomy, item[0].components.get("skills"))
    ]
    if not include_ineligible:
        scored = [item for item in scored if item[0].eligibility.eligible]
    # One key for everything, eligible or not: score desc, eligible headcount desc, id asc.
    scored.sort(
        key=lambda item: (
            -item[0].score,
            -item[0].eligibility.eligible_headcount,
            other_id(item[0]),
        )
    )
    top = scored if k is None else scored[:k]
    if not explain:
        return [m for m, _, _ in top]
    # Explanations only for what is returned; they change neither the score nor the order.
    return [replace(m, explanation=explain_pair(v, p, ctx, m.eligibility)) for m, v, p in top]


def rank_reference(
    vacancy: Vacancy,
    pools: Iterable[Pool],
    ctx: Context,
    *,
    k: int | None = None,
    include_ineligible: bool = False,
    explain: bool = True,
) -> list[Match]:
    """Pools for a vacancy by brute force: score desc, eligible headcount desc, pool id asc.

    Only relevant pairs (components.is_relevant) are ranked. Ineligible pairs are left out
    unless include_ineligible; then they are sorted with the eligible ones by the same key (not
    after them). k keeps the first k (None: all).
    """
    pairs = [(vacancy, pool) for pool in pools]
    return _rank(pairs, ctx, lambda m: m.pool_id, k, include_ineligible, explain)


def rank_vacancies_reference(
    pool: Pool,
    vacancies: Iterable[Vacancy],
    ctx: Context,
    *,
    k: int | None = None,
    include_ineligible: bool = False,
    explain: bool = True,
) -> list[Match]:
    """Vacancies for a pool, the mirror of rank_reference (tie-break vacancy id asc)."""
    pairs = [(vacancy, pool) for vacancy in vacancies]
    return _rank(pairs, ctx, lambda m: m.vacancy_id, k, include_ineligible, explain)
