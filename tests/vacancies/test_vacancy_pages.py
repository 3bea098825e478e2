"""The web pages of vacancies and required languages: the posting form's "required at start of
work" checkboxes, the vacancy page saying which languages are required, and the match cards'
eligible headcount factors (design sections 3 and 4)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from app.matches.service import RankedMatch
from app.vacancies.models import Vacancy, VacancyLanguage
from app.web.matchview import view
from tests.web.conftest import OFFICER, as_user, demo_people, sign_in

__all__ = ["demo_people"]  # the web tests' fixture of demo users

EMPLOYER_ORG = "de-alpenblick-hotels"


def _form(token: str, **overrides: str) -> dict[str, str]:
    form = {
        "csrf_token": token,
        "action": "create",
        "title": "Night receptionist",
        "description": "",
        "destination_country": "DE",
        "region": "",
        "occupation": "4224",
        "sector": "55",
        "openings": "2",
        "start_date": "2027-05-01",
        "contract_type": "permanent",
        "contract_months": "",
        "wage_amount": "2900",
        "wage_currency": "EUR",
        "wage_period": "month",
        "language": "en",
        "language_level": "B2",
        "language_required": "on",
        "language_2": "de",
        "language_2_level": "A2",
        "min_isced": "",
        "min_experience_years": "",
        "skills": "",
        "status": "open",
        "employer_pays_fees": "on",
    }
    form.update(overrides)
    return form


def test_the_form_posts_languages_with_their_required_flag(
    demo_client, demo_people, demo_database
) -> None:
    token = as_user(demo_client, demo_people, EMPLOYER_ORG)
    page = demo_client.get("/vacancies/new").text
    assert 'name="language_required"' in page and 'name="language_2_required"' in page
    assert "Required at start of work" in page

    r = demo_client.post("/vacancies/new", data=_form(token), follow_redirects=False)
    assert r.status_code == 303, r.text
    with demo_database.session() as s:
        vacancy = s.scalar(select(Vacancy).where(Vacancy.title == "Night receptionist"))
        stored = {
            x.language: (x.min_level, x.required)
            for x in s.scalars(
                select(VacancyLanguage).where(VacancyLanguage.vacancy_id == vacancy.id)
            )
        }
    # The checked language is required; the unchecked one is scored only.
    assert stored == {"en": ("B2", True), "de": ("A2", False)}
    detail = demo_client.get(r.headers["location"]).text
    assert 'B2 <strong class="required-language">(required at start of work)</strong>' in detail
    assert 'A2 <span class="muted">(scored only)</span>' in detail


def test_a_rejected_form_keeps_the_checkboxes(demo_client, demo_people) -> None:
    token = as_user(demo_client, demo_people, EMPLOYER_ORG)
    r = demo_client.post("/vacancies/new", data=_form(token, openings="0"))
    assert r.status_code == 422
    assert 'name="language_required" aria-describedby="v-req-help" checked' in r.text
    assert 'name="language_2_required" aria-describedby="v-req-help">' in r.text


def test_the_icu_match_cards_show_the_headcount_limited_by_german_b2(
    demo_client, demo_people, demo_database
) -> None:
    sign_in(demo_client, OFFICER, demo_people[OFFICER]["password"])
    with demo_database.session() as s:
        icu = s.scalar(select(Vacancy).where(Vacancy.external_ref == "demo-v-003"))
    page = demo_client.get(f"/vacancies/{icu.id}").text
    assert "(required at start of work)" in page
    assert "<strong>Eligible headcount:</strong>" in page
    assert "(required language)" in page and "available" in page
    assert "de B2 or above" in page
    # Pools where no one speaks German at B2 are blocked, and say why.
    blocked = demo_client.get(f"/vacancies/{icu.id}?blocked=true").text
    assert "no_eligible_workers" in blocked


def _row(headcount: int, explanation: dict[str, Any], *, eligible: bool = True) -> RankedMatch:
    """A ranked match as the pages get it (only the fields the card reads matter)."""
    return RankedMatch(
        id=uuid.uuid4(),
        vacancy_id=uuid.uuid4(),
        pool_id=uuid.uuid4(),
        score=0.5,
        components={},
        eligible=eligible,
        pathway_code="DE-TEST",
        eligible_headcount=headcount,
        reasons=[],
        explanation=explanation,
        engine_version="test",
        weights_hash="test",
        computed_at=datetime.now(UTC),
    )


def test_the_headcount_equation_from_the_explanation() -> None:
    factors = [
        {"kind": "available", "value": 385.0, "text": "All 385 workers are available."},
        {"kind": "pathway_language", "value": 0.29, "text": "Share at de B1 or above: 0.29."},
        {"kind": "required_language", "value": 0.6, "text": "Share at en B2 or above: 0.6."},
    ]
    v = view(_row(66, {"headcount": factors}), 1, {})
    assert [h.kind for h in v.headcount] == ["available", "pathway_language", "required_language"]
    assert v.headcount_equation == (
        "66 = 385 available \u00d7 0.29 (pathway language) \u00d7 0.6 (required language), "
        "rounded down"
    )
    # A whole product is not "rounded down".
    available = {"kind": "available", "value": 1200.0, "text": "All 1200 workers are available."}
    whole = view(_row(600, {"headcount": [available, {**factors[2], "value": 0.5}]}), 1, {})
    assert whole.headcount_equation == "600 = 1,200 available \u00d7 0.5 (required language)"


def test_a_blocked_pair_shows_what_its_factors_come_to() -> None:
    # A pair blocked by another check is ranked with 0; its factors still say what they give.
    factors = [
        {"kind": "available", "value": 300.0, "text": "All 300 workers are available."},
        {"kind": "required_language", "value": 0.1, "text": "Share at de B2 or above: 0.1."},
    ]
    blocked = view(_row(0, {"headcount": factors}, eligible=False), None, {})
    assert blocked.headcount_equation.startswith("30 = 300 available")
    assert not blocked.no_eligible_workers


def test_rows_without_factors_show_no_equation() -> None:
    # Matches stored by an older engine have no "headcount" (and malformed entries are skipped).
    assert view(_row(12, {}), 1, {}).headcount_equation == ""
    odd = view(_row(12, {"headcount": [{"kind": "available", "value": "many"}, "x"]}), 1, {})
    assert odd.headcount == [] and odd.headcount_equation == ""
