"""The vectorised ranker agrees with the reference scorer (design section 5).

Hypothesis draws small worlds full of edge cases (no skills, missing sectors, shares 0 and 1,
wages exactly at a threshold, missing exchange rates, exhausted quotas, pools cloned under other
ids so scores tie) and holds `PoolIndex.rank` and `rank_all` to `rank_reference`: the same pools
in the same order, scores within 1e-9, the same eligibility, pathway, headcount and reasons.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.synthetic import make_columns_dataset, make_dataset
from matching.ranker import PoolColumns, PoolIndex, VacancyIndex, rank_all
from matching.records import (
    COMPONENTS,
    Context,
    ContractType,
    ExchangeRates,
    Importance,
    LanguageRequirement,
    Match,
    Money,
    Pathway,
    Pool,
    PoolLanguage,
    PoolSkill,
    SkillRequirement,
    Taxonomy,
    Vacancy,
    WagePeriod,
)
from matching.reference import rank_reference, rank_vacancies_reference

START = date(2026, 3, 1)
SKILLS = ("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7")
GROUPS = ("g0", "g1", "g2")
SECTORS = ("01", "02", "41", "62", "63", "99")  # 99 has no section in the drawn taxonomies
SECTOR_SECTION = {"01": "A", "02": "A", "41": "F", "62": "J", "63": "J"}
COUNTRIES = ("IN", "NG", "PH", "PK", "DE", "ES")
LANGS = ("de", "en", "fr")
OCCUPATIONS = ("2211", "2212", "2221", "2111", "3221", "5321", "5322", "7212", "1111")
PREFIXES = ("2", "22", "221", "3", "32", "5", "532", "7", "2212")
SHARES = st.sampled_from([0.0, 0.1, 0.25, 0.3, 0.5, 0.7, 1.0]) | st.floats(0.0, 1.0)
DATES = st.sampled_from([None, START, START - timedelta(days=1), START + timedelta(days=1)])
MONEY = st.builds(
    Money,
    amount=st.sampled_from([1000.0, 2500.0, 30000.0, 45300.0, 3775.0, 21.78]),
    currency=st.sampled_from(["EUR", "USD", "XXX"]),  # XXX has no rate
    period=st.sampled_from(list(WagePeriod)),
)


@st.composite
def taxonomies(draw: st.DrawFn) -> Taxonomy:
    groups = {s: draw(st.sampled_from((None, *GROUPS))) for s in SKILLS}
    return Taxonomy(
        sector_section=SECTOR_SECTION,
        skill_group=groups,
        who_safeguard=frozenset(draw(st.sets(st.sampled_from(COUNTRIES), max_size=3))),
    )


language_reqs = st.builds(
    LanguageRequirement,
    language=st.sampled_from(LANGS),
    min_level=st.integers(0, 5),
    required=st.booleans(),
)


@st.composite
def pathways(draw: st.DrawFn, code: str) -> Pathway:
    """Each restriction is switched on with a small probability, so some pairs pass them all."""

    def some(strategy: st.SearchStrategy, empty: object) -> object:
        return draw(strategy) if draw(st.integers(0, 4)) == 0 else empty

    return Pathway(
        code=code,
        name=f"pathway {code}",
        destination=draw(st.sampled_from(["DE", "DE", "ES"])),
        origins=some(st.frozensets(st.sampled_from(COUNTRIES), max_size=4), frozenset()),
        occupations=some(st.sets(st.sampled_from(PREFIXES), max_size=3).map(tuple), ()),
        excluded_occupations=some(st.sets(st.sampled_from(PREFIXES), max_size=1).map(tuple), ()),
        sectors=some(
            st.frozensets(st.sampled_from(["A", "J", "62", "41"]), max_size=2), frozenset()
        ),
        min_isced=some(st.integers(0, 8), None),
        languages=some(st.lists(language_reqs, max_size=2).map(tuple), ()),
        min_experience_years=some(st.sampled_from([0.0, 1.0, 2.5, 3.0]), None),
        wage_threshold=some(MONEY, None),
        contract_types=some(
            st.frozensets(st.sampled_from(list(ContractType)), max_size=2), frozenset()
        ),
        max_contract_months=some(st.sampled_from([6, 12]), None),
        annual_quota=some(st.integers(0, 3), None),
        government_to_government=draw(st.booleans()),
        requires_employer_pays=some(st.booleans(), False),
        valid_from=some(DATES, None),
        valid_to=some(DATES, None),
    )


@st.composite
def vacancies(draw: st.DrawFn, codes: tuple[str, ...], vid: str = "v1") -> Vacancy:
    skills = draw(
        st.lists(
            st.builds(
                SkillRequirement,
                skill=st.sampled_from((*SKILLS, "unknown")),
                importance=st.sampled_from(list(Importance)),
                derived=st.booleans(),
            ),
            max_size=5,
        )
    )
    return Vacancy(
        id=vid,
        destination=draw(st.sampled_from(["DE", "DE", "DE", "ES", "FR"])),
        occupation=draw(st.sampled_from(OCCUPATIONS)),
        start_date=START,
        openings=draw(st.integers(1, 5)),
        sector=draw(st.none() | st.sampled_from(SECTORS)),
        skills=tuple(skills),
        languages=tuple(draw(st.lists(language_reqs, max_size=2))),
        min_isced=draw(st.none() | st.integers(0, 8)),
        min_experience_years=draw(st.none() | st.sampled_from([0.0, 1.0, 2.0, 4.5])),
        wage=draw(st.none() | MONEY),
        contract_type=draw(st.sampled_from(list(ContractType))),
        contract_months=draw(st.none() | st.sampled_from([3, 6, 12, 24])),
        employer_pays_fees=draw(st.booleans()),
        pathways=tuple(draw(st.sets(st.sampled_from(codes), max_size=2)))
        if codes and draw(st.integers(0, 3)) == 0
        else (),
    )


pool_templates = st.builds(
    Pool,
    id=st.just(""),
    origin=st.sampled_from(COUNTRIES),
    occupation=st.sampled_from(OCCUPATIONS),
    headcount=st.integers(1, 300),
    isced_level=st.integers(0, 8),
    experience_years=st.sampled_from([0.0, 1.0, 2.0, 2.5, 3.0, 10.0]),
    sector=st.none() | st.sampled_from(SECTORS),
    skills=st.lists(
        st.builds(PoolSkill, skill=st.sampled_from(SKILLS), share=SHARES), max_size=6
    ).map(tuple),
    languages=st.lists(
        st.builds(
            PoolLanguage, language=st.sampled_from(LANGS), level=st.integers(0, 5), share=SHARES
        ),
        max_size=3,
    ).map(tuple),
    available_from=st.none()
    | st.sampled_from([START, START + timedelta(days=90), START + timedelta(days=200)])
    | st.dates(date(2025, 6, 1), date(2027, 1, 1)),
)


@st.composite
def pool_lists(draw: st.DrawFn) -> list[Pool]:
    """Pools drawn from a few templates under shuffled ids, so scores and headcounts tie."""
    templates = draw(st.lists(pool_templates, min_size=1, max_size=6))
    picks = draw(st.lists(st.sampled_from(templates), max_size=25))
    ids = draw(st.permutations([f"p{i:02d}" for i in range(len(picks))]))
    return [replace(p, id=pid) for p, pid in zip(picks, ids, strict=True)]


@st.composite
def worlds(draw: st.DrawFn) -> tuple[Context, list[Pool]]:
    codes = draw(
        st.lists(st.sampled_from(["A", "B", "C", "D", "E"]), min_size=1, max_size=4, unique=True)
    )
    paths = tuple(draw(pathways(code)) for code in codes)
    weights = draw(
        st.none()
        | st.dictionaries(
            st.sampled_from(COMPONENTS), st.sampled_from([0.0, 0.05, 0.1, 0.25, 1.0, 3.0])
        ).filter(lambda w: any(w.get(c, 1.0) > 0 for c in COMPONENTS))
    )
    rates = {"EUR": 1.0}
    if draw(st.booleans()):
        rates["USD"] = draw(st.sampled_from([0.9, 1.0, 0.92]))
    pools = draw(pool_lists())
    # Approvals on some pairs: the vacancies drawn later use these ids (v1; v00.. in lists),
    # and VacancyIndex tests rank pool p1.
    approved = draw(
        st.dictionaries(
            st.tuples(
                st.sampled_from(["v1", "v00", "v01", "v02", "other"]),
                st.sampled_from([p.id for p in pools] + ["p1", "gone"]),
            ),
            st.integers(0, 150),
            max_size=6,
        )
    )
    ctx = Context(
        taxonomy=draw(taxonomies()),
        pathways=paths,
        rates=ExchangeRates("EUR", rates),
        quota_used={(c, START.year): draw(st.integers(0, 3)) for c in codes},
        approved=approved,
        **({"weights": weights} if weights is not None else {}),
    )
    return ctx, pools


def assert_same(ranked: list[Match], expected: list[Match], *, explain: bool) -> None:
    assert [m.pool_id for m in ranked] == [m.pool_id for m in expected]
    for got, want in zip(ranked, expected, strict=True):
        assert got.vacancy_id == want.vacancy_id
        assert abs(got.score - want.score) <= 1e-9
        assert got.components.keys() == want.components.keys()
        for name, value in want.components.items():
            assert abs(got.components[name] - value) <= 1e-9
        assert got.eligibility == want.eligibility  # flag, pathway, headcount, passed, reasons
        assert (got.engine_version, got.weights_hash) == (want.engine_version, want.weights_hash)
        if explain:
            assert got.explanation == want.explanation
        else:
            assert got.explanation is None


SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@SETTINGS
@given(data=st.data(), world=worlds())
def test_rank_equals_reference(data: st.DataObject, world: tuple[Context, list[Pool]]) -> None:
    ctx, pools = world
    vacancy = data.draw(vacancies(tuple(p.code for p in ctx.pathways)))
    index = PoolIndex.build(pools, ctx.taxonomy)
    for include_ineligible in (False, True):
        for k in (None, 0, 1, 3, 10):
            explain = k == 3  # explanations on one k keeps the suite fast
            expected = rank_reference(
                vacancy, pools, ctx, k=k, include_ineligible=include_ineligible, explain=explain
            )
            ranked = index.rank(
                vacancy, ctx, k, include_ineligible=include_ineligible, explain=explain
            )
            assert_same(ranked, expected, explain=explain)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), world=worlds())
def test_rank_all_equals_rank(data: st.DataObject, world: tuple[Context, list[Pool]]) -> None:
    ctx, pools = world
    codes = tuple(p.code for p in ctx.pathways)
    vacs = [data.draw(vacancies(codes, vid=f"v{i}")) for i in range(data.draw(st.integers(0, 5)))]
    index = PoolIndex.build(pools, ctx.taxonomy)
    include_ineligible = data.draw(st.booleans())
    got = rank_all(vacs, index, ctx, 3, include_ineligible=include_ineligible, chunk_size=2)
    assert list(got) == [v.id for v in vacs]
    for v in vacs:
        want = rank_reference(v, pools, ctx, k=3, include_ineligible=include_ineligible)
        assert_same(got[v.id], want, explain=True)


@pytest.mark.parametrize("include_ineligible", [False, True])
def test_rank_all_workers_match_single_process(include_ineligible: bool) -> None:
    vacs, pools, ctx = make_dataset(24, 400, seed=3)
    index = PoolIndex.build(pools, ctx.taxonomy)
    one = rank_all(vacs, index, ctx, 5, include_ineligible=include_ineligible, workers=1)
    two = rank_all(
        vacs, index, ctx, 5, include_ineligible=include_ineligible, workers=2, chunk_size=5
    )
    assert list(one) == list(two) == [v.id for v in vacs]
    for v in vacs:
        want = index.rank(v, ctx, 5, include_ineligible=include_ineligible)
        assert one[v.id] == want
        assert two[v.id] == want
    bare = rank_all(
        vacs, index, ctx, 5, include_ineligible=include_ineligible, explain=False, workers=2
    )
    for v in vacs:
        assert bare[v.id] == [replace(m, explanation=None) for m in one[v.id]]


def test_synthetic_data_equals_reference() -> None:
    """Realistic data: every pathway kind, skill groups, many languages."""
    vacs, pools, ctx = make_dataset(12, 600, seed=5)
    index = PoolIndex.build(pools, ctx.taxonomy)
    for v in vacs:
        for include_ineligible in (False, True):
            want = rank_reference(v, pools, ctx, k=20, include_ineligible=include_ineligible)
            assert_same(
                index.rank(v, ctx, 20, include_ineligible=include_ineligible), want, explain=True
            )


def test_columns_round_trip_and_index_from_columns() -> None:
    vacs, cols, ctx = make_columns_dataset(6, 300, seed=2)
    pools = cols.to_pools()
    assert PoolColumns.from_pools(pools).to_pools() == pools
    from_cols = PoolIndex.from_columns(cols, ctx.taxonomy)
    from_pools = PoolIndex.build(pools, ctx.taxonomy)
    for v in vacs:
        assert from_cols.rank(v, ctx, 10, include_ineligible=True) == from_pools.rank(
            v, ctx, 10, include_ineligible=True
        )


def test_generator_is_seeded() -> None:
    a = make_dataset(5, 40, seed=7)
    assert a == make_dataset(5, 40, seed=7)
    assert a[0] != make_dataset(5, 40, seed=8)[0]
    assert a[1] != make_dataset(5, 40, seed=8)[1]


def test_index_rejects_another_taxonomy() -> None:
    vacs, pools, ctx = make_dataset(1, 5, seed=1)
    other = Taxonomy(sector_section={}, skill_group={"x": "y"})
    index = PoolIndex.build(pools, other)
    with pytest.raises(ValueError, match="skill groups"):
        index.rank(vacs[0], ctx)


def test_negative_k_is_rejected() -> None:
    vacs, pools, ctx = make_dataset(1, 5, seed=1)
    with pytest.raises(ValueError):
        PoolIndex.build(pools, ctx.taxonomy).rank(vacs[0], ctx, -1)


@st.composite
def vacancy_lists(draw: st.DrawFn, codes: tuple[str, ...]) -> list[Vacancy]:
    """Vacancies from a few templates under shuffled ids, so scores and headcounts tie."""
    templates = draw(st.lists(vacancies(codes), min_size=1, max_size=5))
    picks = draw(st.lists(st.sampled_from(templates), max_size=20))
    ids = draw(st.permutations([f"v{i:02d}" for i in range(len(picks))]))
    return [replace(v, id=vid) for v, vid in zip(picks, ids, strict=True)]


def assert_same_vacancies(ranked: list[Match], expected: list[Match], *, explain: bool) -> None:
    assert [m.vacancy_id for m in ranked] == [m.vacancy_id for m in expected]
    assert_same(ranked, expected, explain=explain)


@SETTINGS
@given(data=st.data(), world=worlds())
def test_vacancy_index_equals_reference(
    data: st.DataObject, world: tuple[Context, list[Pool]]
) -> None:
    ctx, _ = world
    vacs = data.draw(vacancy_lists(tuple(p.code for p in ctx.pathways)))
    pool = replace(data.draw(pool_templates), id="p1")
    index = VacancyIndex.build(vacs, ctx.taxonomy)
    for include_ineligible in (False, True):
        for k in (None, 0, 1, 4):
            explain = k == 4
            expected = rank_vacancies_reference(
                pool, vacs, ctx, k=k, include_ineligible=include_ineligible, explain=explain
            )
            ranked = index.rank(
                pool, ctx, k, include_ineligible=include_ineligible, explain=explain
            )
            assert_same_vacancies(ranked, expected, explain=explain)


def test_vacancy_index_on_synthetic_data() -> None:
    vacs, pools, ctx = make_dataset(300, 8, seed=4)
    index = VacancyIndex.build(vacs, ctx.taxonomy)
    for pool in pools:
        for include_ineligible in (False, True):
            want = rank_vacancies_reference(
                pool, vacs, ctx, k=15, include_ineligible=include_ineligible
            )
            got = index.rank(pool, ctx, 15, include_ineligible=include_ineligible)
            assert_same_vacancies(got, want, explain=True)


def test_index_reused_across_contexts() -> None:
    """One index, contexts with other weights, quota use and rates: each as the reference."""
    vacs, pools, ctx = make_dataset(6, 300, seed=6)
    index = PoolIndex.build(pools, ctx.taxonomy)
    vindex = VacancyIndex.build(vacs, ctx.taxonomy)
    variants = [
        ctx,
        replace(ctx, weights={"skills": 1.0, "occupation": 0.0, "sector": 0.5}),
        replace(ctx, quota_used={key: 10**9 for key in ctx.quota_used}),
        replace(ctx, rates=replace(ctx.rates, rates={"EUR": 1.0})),
    ]
    for variant in variants:
        for v in vacs:
            want = rank_reference(v, pools, variant, k=10, include_ineligible=True)
            assert_same(index.rank(v, variant, 10, include_ineligible=True), want, explain=True)
        for pool in pools[:5]:
            want = rank_vacancies_reference(pool, vacs, variant, k=5, include_ineligible=True)
            got = vindex.rank(pool, variant, 5, include_ineligible=True)
            assert_same_vacancies(got, want, explain=True)


def test_columns_from_plain_entries_and_row_lookup() -> None:
    """PoolColumns.from_entries (rows as a database returns them, entries of a pool kept in
    order but pools interleaved) gives the same pools, and PoolIndex.row finds each id."""
    _, pools, ctx = make_dataset(1, 120, seed=9)
    skills = [(i, s.skill, s.share) for i, p in enumerate(pools) for s in p.skills]
    languages = [
        (i, g.language, g.level, g.share) for i, p in enumerate(pools) for g in p.languages
    ]
    # Pools interleaved, each pool's entries still in order (as ORDER BY another key would give).
    skills.sort(key=lambda e: e[0] % 7)
    rows = [
        (
            p.id,
            p.origin,
            p.occupation,
            p.sector,
            p.headcount,
            p.isced_level,
            p.experience_years,
            p.available_from,
        )
        for p in pools
    ]
    columns = PoolColumns.from_entries(rows, skills, languages[::-1])
    # Languages were reversed: a pool's entries come back reversed too, which changes no score;
    # compare skills exactly and languages as sets.
    got = columns.to_pools()
    for a, b in zip(got, pools, strict=True):
        assert replace(a, languages=()) == replace(b, languages=())
        assert sorted(a.languages, key=repr) == sorted(b.languages, key=repr)
    index = PoolIndex.from_columns(columns, ctx.taxonomy)
    assert [index.row(p.id) for p in pools] == list(range(len(pools)))
    with pytest.raises(KeyError):
        index.row("no-such-pool")
