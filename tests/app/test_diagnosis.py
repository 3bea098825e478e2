"""Why a vacancy matches nothing (app/matches/diagnosis.py): the closest pathway's failed checks
in words, each with what would change it.

The first tests feed the diagnosis the engine's own verdicts (matching.eligibility.assess on
engine records), so the sentences are held to what the engine decides; the last ones run it on
the demo database through the service, as the vacancy page does."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from app.common.principal import Principal, Role
from app.config import Settings
from app.matches import diagnosis
from app.matches.diagnosis import (
    BlockedPair,
    Money,
    Names,
    PathwayFacts,
    Rates,
    VacancyFacts,
    explain_blocked,
)
from app.vacancies import service as vacancies
from app.vacancies.models import Vacancy as VacancyRow
from app.vacancies.schemas import VacancyIn
from matching import records as engine
from matching.eligibility import assess
from tests.conftest import create_actor

pytestmark = pytest.mark.postgres

START = date(2027, 3, 1)
TAXONOMY = engine.Taxonomy(
    sector_section={"01": "A", "55": "I", "56": "I", "86": "Q"},
    skill_group={},
)
NAMES = Names(
    occupations={"2512": "Software developers", "251": "Software and applications developers"},
    sectors={"01": "Crop and animal production", "55": "Accommodation", "A": "Agriculture"},
)


def _pathway(code: str, **kw) -> engine.Pathway:
    return engine.Pathway(code=code, name=f"{code} scheme", destination="DE", **kw)


def _vacancy(**kw) -> engine.Vacancy:
    base = {
        "id": "v",
        "destination": "DE",
        "occupation": "2512",
        "start_date": START,
        "openings": 3,
        "employer_pays_fees": True,
    }
    return engine.Vacancy(**{**base, **kw})


def _pool(pid: str = "p1", **kw) -> engine.Pool:
    base = {
        "id": pid,
        "origin": "IN",
        "occupation": "2512",
        "headcount": 40,
        "isced_level": 6,
        "experience_years": 4.0,
    }
    return engine.Pool(**{**base, **kw})


def _money(m: engine.Money | None) -> Money | None:
    return None if m is None else Money(m.amount, m.currency, m.period.value)


def _facts(v: engine.Vacancy) -> VacancyFacts:
    return VacancyFacts(
        destination=v.destination,
        occupation=v.occupation,
        sector=v.sector,
        wage=_money(v.wage),
        contract_type=v.contract_type.value,
        contract_months=v.contract_months,
        start_date=v.start_date,
        employer_pays_fees=v.employer_pays_fees,
        pathways=v.pathways,
        required_languages=tuple(
            (r.language, engine.CEFR_LEVELS[r.min_level]) for r in v.languages if r.required
        ),
        skills=len(v.skills),
    )


def _pathway_facts(p: engine.Pathway) -> PathwayFacts:
    return PathwayFacts(
        code=p.code,
        name=p.name,
        origins=tuple(sorted(p.origins)),
        occupations=p.occupations,
        excluded_occupations=p.excluded_occupations,
        sectors=tuple(sorted(p.sectors)),
        min_isced=p.min_isced,
        languages=tuple((r.language, engine.CEFR_LEVELS[r.min_level]) for r in p.languages),
        min_experience_years=p.min_experience_years,
        wage_threshold=_money(p.wage_threshold),
        contract_types=tuple(sorted(t.value for t in p.contract_types)),
        max_contract_months=p.max_contract_months,
        annual_quota=p.annual_quota,
        government_to_government=p.government_to_government,
        valid_from=p.valid_from,
        valid_to=p.valid_to,
    )


def _diagnose(
    v: engine.Vacancy,
    pools: list[engine.Pool],
    pathways: list[engine.Pathway],
    rates: engine.ExchangeRates | None = None,
    names: Names = NAMES,
    approved: dict[tuple[str, str], int] | None = None,
) -> diagnosis.Diagnosis:
    """The engine's verdict on each pair, then the diagnosis of them (as the service does)."""
    ctx = engine.Context(
        taxonomy=TAXONOMY,
        pathways=tuple(pathways),
        rates=rates or engine.ExchangeRates("EUR", {"EUR": 1.0}),
        approved=approved or {},
    )
    verdicts = [assess(v, p, ctx) for p in pools]
    assert not any(e.eligible for e in verdicts), "the fixture must block every pair"
    blocked = [
        BlockedPair(e.pathway, tuple((r.code, r.message) for r in e.reasons)) for e in verdicts
    ]
    return explain_blocked(
        _facts(v),
        blocked,
        {p.code: _pathway_facts(p) for p in pathways},
        Rates(ctx.rates.base, dict(ctx.rates.rates)),
        names,
    )


BLUE_CARD = _pathway(
    "DE-BLUE-CARD",
    occupations=("1", "2"),
    wage_threshold=engine.Money(48300, "EUR", engine.WagePeriod.YEAR),
)


# ---- from the engine's verdicts ----------------------------------------------------------------


def test_a_wage_below_the_threshold_says_what_to_offer_in_the_vacancys_own_period() -> None:
    monthly = _vacancy(wage=engine.Money(3000, "EUR", engine.WagePeriod.MONTH))
    d = _diagnose(monthly, [_pool()], [BLUE_CARD])
    assert d.kind == "blocked" and d.closest is not None
    assert d.closest.code == "DE-BLUE-CARD" and d.closest.failed == 1 and d.closest.pools == 1
    (r,) = d.closest.remedies
    assert r.code == "wage_below_threshold" and r.yours
    assert r.problem == (
        "The wage, EUR 3,000 a month (EUR 36,000 a year), is below the threshold of "
        "DE-BLUE-CARD: EUR 48,300 a year."
    )
    # 48,300 / 12 = 4,025: what the vacancy must pay a month to pass the check.
    assert r.change == "Raise the wage to at least EUR 4,025 a month (EUR 48,300 a year)."

    yearly = _vacancy(wage=engine.Money(41000, "EUR", engine.WagePeriod.YEAR))
    (r,) = _diagnose(yearly, [_pool()], [BLUE_CARD]).closest.remedies  # type: ignore[union-attr]
    assert r.change == "Raise the wage to at least EUR 48,300 a year."

    unstated = _diagnose(_vacancy(), [_pool()], [BLUE_CARD]).closest
    assert unstated is not None
    assert unstated.remedies[0].change == "State a wage of at least EUR 48,300 a year."


def test_a_threshold_in_another_currency_and_period_is_converted_as_the_engine_does() -> None:
    hourly = _pathway(
        "GB-SEASONAL", wage_threshold=engine.Money(12.21, "GBP", engine.WagePeriod.HOUR)
    )
    rates = engine.ExchangeRates("EUR", {"EUR": 1.0, "GBP": 1.2})
    v = _vacancy(wage=engine.Money(1500, "EUR", engine.WagePeriod.MONTH))
    (r,) = _diagnose(v, [_pool()], [hourly], rates).closest.remedies  # type: ignore[union-attr]
    # GBP 12.21 x 2,080 hours = GBP 25,396.80 a year = EUR 30,476.16 = EUR 2,539.68 a month.
    assert "GBP 25,396.80 a year (GBP 12.21 an hour)" in r.problem
    assert r.change == "Raise the wage to at least EUR 2,539.68 a month (GBP 25,396.80 a year)."
    # The proposed wage passes the engine's own check.
    ctx = engine.Context(taxonomy=TAXONOMY, pathways=(hourly,), rates=rates)
    raised = _vacancy(wage=engine.Money(2539.68, "EUR", engine.WagePeriod.MONTH))
    assert assess(raised, _pool(), ctx).eligible

    no_rate = _vacancy(wage=engine.Money(1500, "CHF", engine.WagePeriod.MONTH))
    (r,) = _diagnose(no_rate, [_pool()], [hourly], rates).closest.remedies  # type: ignore[union-attr]
    assert r.code == "no_exchange_rate"
    assert "no exchange rate for CHF" in r.problem and "State the wage in GBP" in r.change


def test_a_contract_the_pathway_does_not_admit_names_what_it_admits() -> None:
    seasonal = _pathway(
        "ES-GECCO",
        contract_types=frozenset({engine.ContractType.SEASONAL, engine.ContractType.TEMPORARY}),
        max_contract_months=24,
    )
    d = _diagnose(_vacancy(), [_pool()], [seasonal])
    (r,) = d.closest.remedies  # type: ignore[union-attr]
    assert r.code == "contract_not_allowed"
    assert r.problem == (
        "ES-GECCO admits only seasonal or temporary contracts of at most 24 months; this "
        "vacancy offers a permanent contract with no fixed end."
    )
    assert r.change == "Offer a seasonal or temporary contract of at most 24 months."
    long = _vacancy(contract_type=engine.ContractType.TEMPORARY, contract_months=36)
    (r,) = _diagnose(long, [_pool()], [seasonal]).closest.remedies  # type: ignore[union-attr]
    assert r.change == "Shorten the contract to at most 24 months."


def test_a_sector_off_the_pathways_list_is_named_with_its_title() -> None:
    farm = _pathway("DE-FARM", sectors=frozenset({"01", "A"}))
    (r,) = _diagnose(_vacancy(sector="55"), [_pool()], [farm]).closest.remedies  # type: ignore[union-attr]
    assert r.code == "sector_not_covered"
    assert r.problem == (
        "The sector 55 Accommodation is not on the list of DE-FARM (01 Crop and animal "
        "production, section A Agriculture)."
    )


def test_the_closest_pathway_has_the_fewest_failed_checks_then_the_most_pools() -> None:
    # DE-A fails wage and fees for every pool; DE-B only the origin of one pool of three.
    a = _pathway(
        "DE-A",
        wage_threshold=engine.Money(60000, "EUR", engine.WagePeriod.YEAR),
        requires_employer_pays=True,
    )
    b = _pathway("DE-B", origins=frozenset({"PH"}), min_isced=7)
    v = _vacancy(wage=engine.Money(3000, "EUR", engine.WagePeriod.MONTH), employer_pays_fees=False)
    pools = [_pool("p1", origin="IN", isced_level=7), _pool("p2"), _pool("p3")]
    d = _diagnose(v, pools, [a, b])
    assert d.closest is not None and d.closest.code == "DE-B"
    assert [r.code for r in d.closest.remedies] == ["origin_not_covered"]
    assert d.closest.remedies[0].yours is False
    assert "admits workers from Philippines only" in d.closest.remedies[0].problem
    assert [(o.code, o.failed, o.pools) for o in d.others] == [("DE-A", 2, 2)]
    # What the employer can change comes before what depends on the pools.
    assert [r.code for r in d.others[0].remedies] == [
        "wage_below_threshold",
        "fees_charged_to_worker",
    ]
    assert d.others[0].checks == ("wage", "recruitment fees")

    # On a tie of failed checks, the pathway closest for more pools wins: DE-B is closest for
    # the Philippine pool only (the engine takes the lower code on its tie), DE-C for two.
    c = _pathway("DE-C", min_isced=7)
    tie = _diagnose(_vacancy(), [_pool("p1"), _pool("p2"), _pool("p3", origin="PH")], [b, c])
    assert tie.closest is not None and tie.closest.code == "DE-C"
    assert [(o.code, o.failed, o.pools) for o in tie.others] == [("DE-B", 1, 1)]
    assert tie.summary == (
        "3 active pools are related to this vacancy, but no legal pathway admits them. The "
        "closest is DE-C (DE-C scheme), with one failed check for 2 related pools."
    )


def test_mixed_checks_put_what_the_employer_can_change_first_with_pool_counts() -> None:
    picky = _pathway(
        "DE-P",
        languages=(engine.LanguageRequirement("de", engine.cefr_index("B1")),),
        max_contract_months=12,
    )
    v = _vacancy()
    d = _diagnose(v, [_pool("p1"), _pool("p2")], [picky])
    assert d.closest is not None
    codes = [r.code for r in d.closest.remedies]
    assert codes == ["contract_not_allowed", "language_below_minimum"]
    language = d.closest.remedies[1]
    assert not language.yours and language.pools == 2
    assert "requires German B1" in language.problem
    assert d.closest.remedies[0].change == "State a fixed contract length of at most 12 months."


def test_no_pathway_and_named_pathways_are_told_apart() -> None:
    d = _diagnose(_vacancy(destination="FR"), [_pool()], [BLUE_CARD])
    assert d.kind == "no_pathway" and d.closest is not None and d.closest.code is None
    assert d.summary == "The service has no legal pathway to France."
    named = _diagnose(_vacancy(pathways=("DE-GONE",)), [_pool()], [BLUE_CARD])
    assert named.kind == "no_pathway"
    (r,) = named.closest.remedies  # type: ignore[union-attr]
    assert r.yours and "Remove the named pathways" in r.change


def _told(d: diagnosis.Diagnosis) -> str:
    """Every sentence an employer reads of a diagnosis."""
    parts = [d.summary, *d.hints]
    for p in (d.closest, *d.others):
        if p is not None:
            parts += [p.name, *(r.problem + " " + r.change for r in p.remedies)]
    return " ".join(parts)


def test_no_eligible_workers_is_told_with_counts_never_a_pools_figures() -> None:
    # The engine's message quotes the pool's headcount ("all 385 workers of the pool are
    # approved for other vacancies"): the employer reads the cause and a count of pools only.
    free = _pathway("DE-FREE")
    pools = [_pool("pool-385", headcount=385), _pool("pool-211", headcount=211)]
    taken = {("other-vacancy", "pool-385"): 385, ("other-vacancy", "pool-211"): 211}
    ctx = engine.Context(taxonomy=TAXONOMY, pathways=(free,), approved=taken)
    (engine_reason,) = assess(_vacancy(), pools[0], ctx).reasons
    assert engine_reason.code == "no_eligible_workers" and "385" in engine_reason.message

    d = _diagnose(_vacancy(), pools, [free], approved=taken)
    assert d.closest is not None and d.closest.pools == 2
    (r,) = d.closest.remedies
    assert r.code == "no_eligible_workers" and not r.yours and r.pools == 2
    assert r.problem == (
        "2 related pools have no worker left under DE-FREE: their workers are all approved "
        "for other vacancies already."
    )
    told = _told(d)
    for secret in ("385", "211", "pool-385", "pool-211", "India"):
        assert secret not in told

    # No worker speaks a language the vacancy requires: the vacancy can make it scored only.
    german = _vacancy(
        languages=(engine.LanguageRequirement("de", engine.cefr_index("B2"), required=True),)
    )
    d = _diagnose(german, [_pool("pool-385", headcount=385)], [free])
    (r,) = d.closest.remedies  # type: ignore[union-attr]
    assert r.code == "no_eligible_workers" and r.yours
    assert r.problem == (
        "1 related pool has no worker recorded at German B2, which the vacancy requires at "
        "the start of work."
    )
    assert "mark German B2 as scored only" in r.change
    assert "385" not in _told(d) and "pool-385" not in _told(d)


def test_a_check_without_its_own_sentence_never_passes_the_engines_message_on() -> None:
    facts = _facts(_vacancy())
    r = diagnosis.remedy(
        "some_new_check",
        "Pool pool-385 (385 workers, Western Visayas, owned by Agency X) fails it.",
        facts,
        _pathway_facts(BLUE_CARD),
        Rates("EUR", {"EUR": 1.0}),
        NAMES,
        pools=3,
    )
    assert r.problem == "3 related pools fail the some new check check of DE-BLUE-CARD."
    assert "385" not in r.problem + r.change and "Agency" not in r.problem + r.change


def test_nothing_related_says_what_the_occupation_and_skills_found() -> None:
    facts = _facts(_vacancy(skills=(engine.SkillRequirement("python"),)))
    d = diagnosis.nothing_related(facts, NAMES)
    assert d.kind == "no_relevant_pool" and d.closest is None
    assert "ISCO minor group 251 Software and applications developers" in d.summary
    assert "at least half of the vacancy's 1 skill (weighted" in d.summary
    assert any("ISCO 2512 Software developers" in h for h in d.hints)
    bare = diagnosis.nothing_related(_facts(_vacancy()), NAMES)
    assert "names no skills" in bare.summary


def test_money_is_written_with_its_currency() -> None:
    assert diagnosis.money(48300, "EUR") == "EUR 48,300"
    assert diagnosis.money(24.95, "AUD") == "AUD 24.95"
    assert diagnosis.money(4025.0000001, "EUR") == "EUR 4,025"


# ---- on the demo database, through the service -------------------------------------------------


def _principal(database, role: str = "employer") -> Principal:
    actor = create_actor(database, role, country="DE")
    return Principal(actor.user_id, "x@example.org", Role(role), actor.org_id)


def _post(database, principal: Principal, **kw) -> uuid.UUID:
    doc = {
        "title": "Software developer (booking system)",
        "destination_country": "DE",
        "occupation": "2512",
        "openings": 2,
        "start_date": "2027-05-01",
        "employer_pays_fees": True,
        "wage": {"amount": 3000, "currency": "EUR", "period": "month"},
        "pathways": ["DE-BLUE-CARD"],
        **kw,
    }
    with database.transaction() as s:
        out = vacancies.create_vacancy(
            s, principal, VacancyIn.model_validate(doc), employer_id=None
        )
    return out.id


def _diagnosis_of(database, principal: Principal, vacancy_id: uuid.UUID) -> diagnosis.Diagnosis:
    settings = Settings(environment="test", database_url=database.url)
    with database.session() as s:
        row = s.scalar(select(VacancyRow).where(VacancyRow.id == vacancy_id))
        assert row is not None
        return diagnosis.diagnose(s, settings, principal, row)


def test_a_demo_vacancy_below_the_blue_card_threshold_is_told_what_to_pay(demo_database) -> None:
    employer = _principal(demo_database)
    vid = _post(demo_database, employer)
    d = _diagnosis_of(demo_database, employer, vid)
    assert d.kind == "blocked" and d.related > 0 and d.closest is not None
    assert d.closest.code == "DE-BLUE-CARD" and d.closest.pools == d.related
    assert [r.code for r in d.closest.remedies] == ["wage_below_threshold"]
    assert d.closest.remedies[0].change == (
        "Raise the wage to at least EUR 4,025 a month (EUR 48,300 a year)."
    )
    # What it tells is counts and reasons: no pool's id or name.
    told = " ".join([d.summary, *(r.problem + r.change for r in d.closest.remedies)])
    assert "pool" in told and "-" not in told.replace("DE-BLUE-CARD", "")

    # Raised as told, the vacancy has eligible pools.
    with demo_database.transaction() as s:
        row = vacancies.get_vacancy(s, employer, vid)
        from app.vacancies.schemas import VacancyUpdate

        vacancies.update_vacancy(
            s,
            employer,
            vid,
            VacancyUpdate.model_validate(
                {"wage": {"amount": 4025, "currency": "EUR", "period": "month"}}
            ),
            expected_version=row.version,
        )
    assert _diagnosis_of(demo_database, employer, vid).kind == "eligible"


def test_unrelated_draft_and_closed_vacancies_are_told_apart(demo_database) -> None:
    employer = _principal(demo_database)
    # Judges (2612): no demo pool is in minor group 261, and the occupation's profile is empty.
    lonely = _post(demo_database, employer, occupation="2612", pathways=[], wage=None)
    d = _diagnosis_of(demo_database, employer, lonely)
    assert d.kind == "no_relevant_pool" and d.related == 0
    assert "ISCO minor group 261" in d.summary
    draft = _post(demo_database, employer, status="draft")
    assert _diagnosis_of(demo_database, employer, draft).kind == "not_on_market"
