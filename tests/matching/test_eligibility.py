"""Eligibility (design section 4): every rule passing and failing, and the pathway choice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from matching.eligibility import (
    ALL_REASON_CODES,
    CHECK_NAMES,
    CHECK_OF_CODE,
    CHECKS,
    NO_EXCHANGE_RATE,
    NO_PATHWAY,
    REASON_CODES,
    assess,
    candidate_pathways,
    check_pathway,
    is_health_occupation,
    language_share,
)
from matching.records import (
    ContractType,
    ExchangeRates,
    LanguageRequirement,
    Money,
    PoolLanguage,
    WagePeriod,
)
from tests.matching.conftest import (
    B1,
    B2,
    BLUE_CARD,
    C1,
    ES_SEASONAL,
    G2G_NURSES,
    OPEN,
    START,
    TAXONOMY,
    context,
    pool,
    vacancy,
)


def codes(check) -> tuple[str, ...]:
    return tuple(r.code for r in check.reasons)


def run(pathway=OPEN, *, v=None, p=None, **ctx_overrides):
    ctx = context(pathway, **ctx_overrides)
    return check_pathway(v or vacancy(), p or pool(), pathway, ctx)


def test_reason_codes_table_order() -> None:
    assert REASON_CODES == (
        "origin_not_covered",
        "occupation_not_covered",
        "sector_not_covered",
        "education_below_minimum",
        "language_below_minimum",
        "experience_below_minimum",
        "wage_below_threshold",
        "contract_not_allowed",
        "quota_exhausted",
        "pathway_not_in_force",
        "ethical_recruitment_health",
        "fees_charged_to_worker",
        "no_eligible_workers",
    )


def test_check_names_are_stable_and_distinct_from_the_codes() -> None:
    # checks_passed lists these names; reasons list the codes. Clients compare both: stable.
    assert CHECK_NAMES == (
        "origin",
        "occupation",
        "sector",
        "education",
        "language",
        "experience",
        "wage",
        "contract",
        "quota",
        "in_force",
        "ethical_recruitment",
        "fees",
        "eligible_workers",
    )
    assert not set(CHECK_NAMES) & set(ALL_REASON_CODES)
    assert [c.code for c in CHECKS] == list(REASON_CODES[:-1])
    assert CHECK_OF_CODE["quota_exhausted"] == "quota"
    assert CHECK_OF_CODE["no_eligible_workers"] == "eligible_workers"
    assert (*REASON_CODES, NO_EXCHANGE_RATE, NO_PATHWAY) == ALL_REASON_CODES


def test_open_pathway_passes_every_check() -> None:
    check = run()
    assert check.admits
    assert check.passed == CHECK_NAMES
    assert check.reasons == ()
    assert check.share == 1.0
    assert check.headcount == 100


# ---- one test pair per rule --------------------------------------------------------------------


def test_origin() -> None:
    pathway = replace(OPEN, origins=frozenset({"IN", "PH"}))
    assert run(pathway).admits
    check = run(pathway, p=pool(origin="PK"))
    assert codes(check) == ("origin_not_covered",)
    assert check.reasons[0].message == "Origin PK is not covered by DE-OPEN (covers: IN, PH)."
    assert "origin" not in check.passed and "origin_not_covered" not in check.passed


def test_occupation_covered_prefix() -> None:
    pathway = replace(OPEN, occupations=("25", "3"))
    assert run(pathway).admits
    check = run(pathway, v=vacancy(occupation="7212"))
    assert codes(check) == ("occupation_not_covered",)
    assert "7212" in check.reasons[0].message


def test_occupation_excluded_prefix() -> None:
    pathway = replace(OPEN, occupations=("2",), excluded_occupations=("251",))
    assert run(pathway, v=vacancy(occupation="2611")).admits
    check = run(pathway)  # 2512 is under the excluded 251
    assert codes(check) == ("occupation_not_covered",)
    assert "excluded" in check.reasons[0].message


def test_sector_by_division_or_section() -> None:
    assert run(replace(OPEN, sectors=frozenset({"62"}))).admits
    assert run(replace(OPEN, sectors=frozenset({"J"}))).admits  # 62 is in section J
    check = run(replace(OPEN, sectors=frozenset({"A", "86"})))
    assert codes(check) == ("sector_not_covered",)
    assert "62" in check.reasons[0].message


def test_sector_missing_on_vacancy_fails_when_pathway_lists_sectors() -> None:
    assert run(v=vacancy(sector=None)).admits  # no sector list: any sector
    check = run(replace(OPEN, sectors=frozenset({"J"})), v=vacancy(sector=None))
    assert codes(check) == ("sector_not_covered",)


def test_education() -> None:
    pathway = replace(OPEN, min_isced=6)
    assert run(pathway).admits  # exactly at the minimum
    check = run(pathway, p=pool(isced_level=5))
    assert codes(check) == ("education_below_minimum",)
    assert check.reasons[0].message == (
        "Pool education ISCED 5 is below the minimum ISCED 6 of DE-OPEN."
    )


def test_language_any_of() -> None:
    # Pool: de B1 0.3, en C1 0.6. Any of (de B2, en B2): only en is met.
    pathway = replace(
        OPEN, languages=(LanguageRequirement("de", B2), LanguageRequirement("en", B2))
    )
    check = run(pathway)
    assert check.admits
    assert check.share == pytest.approx(0.6)
    assert check.headcount == 60
    fail = replace(OPEN, languages=(LanguageRequirement("fr", B1), LanguageRequirement("de", C1)))
    check = run(fail)
    assert codes(check) == ("language_below_minimum",)
    assert check.headcount == 0
    assert "fr B1" in check.reasons[0].message


def test_experience() -> None:
    pathway = replace(OPEN, min_experience_years=3.0)
    assert run(pathway).admits  # exactly at the minimum
    check = run(pathway, p=pool(experience_years=2.5))
    assert codes(check) == ("experience_below_minimum",)
    assert "2.5 years" in check.reasons[0].message


def test_wage_below_and_above() -> None:
    pathway = replace(OPEN, wage_threshold=Money(45_300.0, "EUR", WagePeriod.YEAR))
    assert run(pathway).admits
    check = run(pathway, v=vacancy(wage=Money(28_000.0, "EUR", WagePeriod.YEAR)))
    assert codes(check) == ("wage_below_threshold",)
    assert check.reasons[0].message == (
        "Annual wage 28,000.00 EUR is below the threshold of 45,300.00 EUR of DE-OPEN."
    )


def test_wage_exactly_at_threshold_passes() -> None:
    pathway = replace(OPEN, wage_threshold=Money(45_300.0, "EUR", WagePeriod.YEAR))
    assert run(pathway, v=vacancy(wage=Money(45_300.0, "EUR", WagePeriod.YEAR))).admits
    # 3775 a month * 12 is exactly the threshold too.
    assert run(pathway, v=vacancy(wage=Money(3_775.0, "EUR", WagePeriod.MONTH))).admits
    below = run(pathway, v=vacancy(wage=Money(45_299.99, "EUR", WagePeriod.YEAR)))
    assert codes(below) == ("wage_below_threshold",)


def test_wage_at_threshold_after_conversion_passes() -> None:
    # 50,000 USD at 0.9 EUR/USD = 45,000 EUR; the threshold in EUR is exactly that.
    pathway = replace(OPEN, wage_threshold=Money(45_000.0, "EUR", WagePeriod.YEAR))
    assert run(pathway, v=vacancy(wage=Money(50_000.0, "USD", WagePeriod.YEAR))).admits


def test_wage_hourly_and_monthly_annualised() -> None:
    pathway = replace(OPEN, wage_threshold=Money(41_600.0, "EUR", WagePeriod.YEAR))
    assert run(pathway, v=vacancy(wage=Money(20.0, "EUR", WagePeriod.HOUR))).admits  # x 2080
    assert not run(pathway, v=vacancy(wage=Money(19.99, "EUR", WagePeriod.HOUR))).admits
    assert not run(
        pathway, v=vacancy(wage=Money(20.0, "EUR", WagePeriod.HOUR)), hours_per_year=2000.0
    ).admits
    # A monthly threshold is annualised too: 3,000 x 14 months.
    monthly = replace(OPEN, wage_threshold=Money(3_000.0, "EUR", WagePeriod.MONTH))
    check = run(
        monthly, v=vacancy(wage=Money(40_000.0, "EUR", WagePeriod.YEAR)), months_per_year=14
    )
    assert codes(check) == ("wage_below_threshold",)
    assert "42,000.00 EUR" in check.reasons[0].message


def test_wage_converted_into_threshold_currency() -> None:
    pathway = replace(OPEN, wage_threshold=Money(45_300.0, "EUR", WagePeriod.YEAR))
    # 150,000 PHP a month * 12 * 0.016 = 28,800 EUR a year.
    check = run(pathway, v=vacancy(wage=Money(150_000.0, "PHP", WagePeriod.MONTH)))
    assert codes(check) == ("wage_below_threshold",)
    assert "28,800.00 EUR" in check.reasons[0].message


def test_missing_exchange_rate() -> None:
    pathway = replace(OPEN, wage_threshold=Money(45_300.0, "EUR", WagePeriod.YEAR))
    check = run(pathway, v=vacancy(wage=Money(5_000_000.0, "NGN", WagePeriod.YEAR)))
    assert codes(check) == (NO_EXCHANGE_RATE,)
    assert "NGN" in check.reasons[0].message
    # The check that failed is still the wage check: it is not among the passed ones.
    assert "wage" not in check.passed
    # no_eligible_workers is judged only when every other check passes: neither passed nor failed.
    assert len(check.passed) == len(CHECK_NAMES) - 2
    assert "eligible_workers" not in check.passed


def test_missing_rate_for_threshold_currency() -> None:
    pathway = replace(OPEN, wage_threshold=Money(50_000.0, "CHF", WagePeriod.YEAR))
    check = run(pathway)
    assert codes(check) == (NO_EXCHANGE_RATE,)
    assert "CHF" in check.reasons[0].message


def test_same_currency_needs_no_rate() -> None:
    pathway = replace(OPEN, wage_threshold=Money(50_000.0, "CHF", WagePeriod.YEAR))
    v = vacancy(wage=Money(60_000.0, "CHF", WagePeriod.YEAR))
    assert run(pathway, v=v, rates=ExchangeRates("EUR", {})).admits


def test_no_vacancy_wage_under_a_threshold_fails() -> None:
    assert run(v=vacancy(wage=None)).admits  # no threshold: passes
    pathway = replace(OPEN, wage_threshold=Money(45_300.0, "EUR", WagePeriod.YEAR))
    check = run(pathway, v=vacancy(wage=None))
    assert codes(check) == ("wage_below_threshold",)


def test_contract_type() -> None:
    pathway = replace(OPEN, contract_types=frozenset({ContractType.SEASONAL}))
    assert run(pathway, v=vacancy(contract_type=ContractType.SEASONAL)).admits
    check = run(pathway)  # permanent
    assert codes(check) == ("contract_not_allowed",)
    assert "permanent" in check.reasons[0].message


def test_contract_duration() -> None:
    pathway = replace(OPEN, max_contract_months=9)
    seasonal = ContractType.SEASONAL
    assert run(pathway, v=vacancy(contract_type=seasonal, contract_months=9)).admits
    long = run(pathway, v=vacancy(contract_type=seasonal, contract_months=10))
    assert codes(long) == ("contract_not_allowed",)
    # No duration (a permanent contract) is longer than any maximum.
    open_ended = run(pathway, v=vacancy(contract_months=None))
    assert codes(open_ended) == ("contract_not_allowed",)


def test_quota() -> None:
    pathway = replace(OPEN, annual_quota=10)
    assert run(pathway, quota_used={("DE-OPEN", 2025): 9}).admits  # one left
    assert run(pathway, quota_used={("DE-OPEN", 2024): 10}).admits  # another year
    check = run(pathway, quota_used={("DE-OPEN", 2025): 10})
    assert codes(check) == ("quota_exhausted",)
    assert check.reasons[0].message == "The 2025 quota of DE-OPEN is used up (10 of 10 approved)."
    assert codes(run(pathway, quota_used={("DE-OPEN", 2025): 12})) == ("quota_exhausted",)


def test_in_force() -> None:
    inside = replace(OPEN, valid_from=START, valid_to=START)  # bounds are inclusive
    assert run(inside).admits
    assert run(replace(OPEN, valid_from=date(2025, 1, 1))).admits  # open-ended
    late = run(replace(OPEN, valid_from=date(2025, 6, 2)))
    assert codes(late) == ("pathway_not_in_force",)
    expired = run(replace(OPEN, valid_to=date(2025, 5, 31)))
    assert codes(expired) == ("pathway_not_in_force",)
    assert "2025-06-01" in expired.reasons[0].message


@pytest.mark.parametrize(
    ("isco", "health"),
    [("2221", True), ("3221", True), ("5321", True), ("5311", False), ("2512", False)],
)
def test_is_health_occupation(isco: str, health: bool) -> None:
    assert is_health_occupation(isco, TAXONOMY) is health


def test_who_list_health_occupation() -> None:
    nurse = vacancy(occupation="2221")
    assert run(v=nurse, p=pool(origin="IN")).admits  # origin not on the WHO list
    assert run(v=vacancy(), p=pool(origin="NG")).admits  # not a health occupation
    check = run(v=nurse, p=pool(origin="NG"))
    assert codes(check) == ("ethical_recruitment_health",)
    assert "WHO" in check.reasons[0].message


def test_who_list_with_government_to_government_pathway() -> None:
    nurse = vacancy(occupation="2221")
    check = run(G2G_NURSES, v=nurse, p=pool(origin="NG"))
    assert check.admits
    assert "ethical_recruitment" in check.passed


def test_fees() -> None:
    pathway = replace(OPEN, requires_employer_pays=True)
    assert run(pathway, v=vacancy(employer_pays_fees=True)).admits
    check = run(pathway)
    assert codes(check) == ("fees_charged_to_worker",)


def test_every_check_evaluated_in_table_order() -> None:
    pathway = replace(
        OPEN,
        origins=frozenset({"PH"}),
        min_isced=7,
        requires_employer_pays=True,
        annual_quota=1,
        wage_threshold=Money(1.0, "EUR", WagePeriod.YEAR),
    )
    check = run(pathway, v=vacancy(wage=None), quota_used={("DE-OPEN", 2025): 1})
    assert codes(check) == (
        "origin_not_covered",
        "education_below_minimum",
        "wage_below_threshold",
        "quota_exhausted",
        "fees_charged_to_worker",
    )
    failed = {CHECK_OF_CODE[c] for c in codes(check)}
    assert set(check.passed) | failed == set(CHECK_NAMES) - {"eligible_workers"}
    assert not set(check.passed) & failed
    assert list(check.passed) == [c for c in CHECK_NAMES if c in check.passed]


# ---- language share and eligible headcount -----------------------------------------------------


def test_language_share_sums_levels_at_or_above_and_caps() -> None:
    p = pool(
        languages=(
            PoolLanguage("de", 1, 0.2),
            PoolLanguage("de", B1, 0.3),
            PoolLanguage("de", C1, 0.25),
            PoolLanguage("en", C1, 0.9),
        )
    )
    assert language_share(p, ()) == 1.0
    assert language_share(p, (LanguageRequirement("de", B1),)) == pytest.approx(0.55)
    assert language_share(p, (LanguageRequirement("de", 0),)) == pytest.approx(0.75)
    both = (LanguageRequirement("de", B1), LanguageRequirement("en", B2))
    assert language_share(p, both) == pytest.approx(0.9)
    over = pool(languages=(PoolLanguage("de", B1, 0.7), PoolLanguage("de", C1, 0.6)))
    assert language_share(over, (LanguageRequirement("de", B1),)) == 1.0


def test_eligible_headcount_floors_with_share() -> None:
    pathway = replace(OPEN, languages=(LanguageRequirement("de", B1),))
    # 10 * 0.3 is 2.9999999999999996 in floats; the epsilon keeps it at 3.
    p = pool(headcount=10, languages=(PoolLanguage("de", B1, 0.3),))
    assert run(pathway, p=p).headcount == 3
    p = pool(headcount=7, languages=(PoolLanguage("de", B2, 0.5),))
    assert run(pathway, p=p).headcount == 3  # 3.5 rounds down
    eligibility = assess(vacancy(), p, context(pathway))
    assert eligibility.eligible
    assert eligibility.eligible_headcount == 3


# ---- candidates and the pathway choice ---------------------------------------------------------


def test_candidate_pathways_by_destination_sorted_by_code() -> None:
    ctx = context(OPEN, ES_SEASONAL, BLUE_CARD, G2G_NURSES)
    got = [p.code for p in candidate_pathways(vacancy(), ctx)]
    assert got == ["DE-BLUE-CARD", "DE-G2G-NURSES", "DE-OPEN"]
    assert [p.code for p in candidate_pathways(vacancy(destination="ES"), ctx)] == ["ES-SEASONAL"]


def test_named_pathways_restrict_candidates() -> None:
    ctx = context(OPEN, ES_SEASONAL, BLUE_CARD, G2G_NURSES)
    v = vacancy(pathways=("DE-OPEN", "ES-SEASONAL"))  # ES-SEASONAL is not a DE pathway
    assert [p.code for p in candidate_pathways(v, ctx)] == ["DE-OPEN"]
    eligibility = assess(vacancy(pathways=("DE-G2G-NURSES",)), pool(), ctx)
    assert not eligibility.eligible  # OPEN would admit it, but the vacancy did not name it
    assert eligibility.pathway == "DE-G2G-NURSES"


def test_no_candidate_pathway() -> None:
    eligibility = assess(vacancy(destination="FR"), pool(), context(OPEN))
    assert not eligibility.eligible
    assert eligibility.pathway is None
    assert eligibility.eligible_headcount == 0
    assert eligibility.checks_passed == ()
    assert [r.code for r in eligibility.reasons] == [NO_PATHWAY]
    assert "FR" in eligibility.reasons[0].message
    named = assess(vacancy(pathways=("DE-NOPE",)), pool(), context(OPEN))
    assert [r.code for r in named.reasons] == [NO_PATHWAY]
    assert "DE-NOPE" in named.reasons[0].message


def test_best_admitting_pathway_has_largest_headcount() -> None:
    # BLUE_CARD admits 60 (en B2 share 0.6 of 100); OPEN admits all 100.
    ctx = context(BLUE_CARD, OPEN)
    eligibility = assess(vacancy(), pool(), ctx)
    assert eligibility.eligible
    assert eligibility.pathway == "DE-OPEN"
    assert eligibility.eligible_headcount == 100
    assert eligibility.checks_passed == CHECK_NAMES
    assert eligibility.reasons == ()
    blue_only = assess(vacancy(), pool(), context(BLUE_CARD))
    assert (blue_only.pathway, blue_only.eligible_headcount) == ("DE-BLUE-CARD", 60)


def test_best_admitting_pathway_tie_goes_to_lower_code() -> None:
    twin = replace(OPEN, code="DE-AAA")
    eligibility = assess(vacancy(), pool(), context(OPEN, twin))
    assert eligibility.pathway == "DE-AAA"


def test_closest_pathway_fewest_failed_checks() -> None:
    two_fails = replace(OPEN, code="DE-A", origins=frozenset({"PH"}), min_isced=8)
    one_fail = replace(OPEN, code="DE-B", min_isced=8)
    eligibility = assess(vacancy(), pool(), context(two_fails, one_fail))
    assert not eligibility.eligible
    assert eligibility.pathway == "DE-B"
    assert eligibility.eligible_headcount == 0
    assert [r.code for r in eligibility.reasons] == ["education_below_minimum"]
    assert "education" not in eligibility.checks_passed
    assert len(eligibility.checks_passed) == len(CHECK_NAMES) - 2
    # A tie on the number of failures goes to the lower code.
    other = replace(OPEN, code="DE-0", origins=frozenset({"PH"}))
    assert assess(vacancy(), pool(), context(one_fail, other)).pathway == "DE-0"
