"""The explanation of a match in the API: check names in checks_passed, typed evidence, and
stored rows of older engines served in today's shape (converted on read)."""

from __future__ import annotations

import copy
from typing import Any

from sqlalchemy import select

from app.auth.models import Organisation
from app.matches.adapters import CHECK_NAMES, stored_explanation
from app.matches.models import Match
from app.matches.schemas import CheckName, ExplanationOut, MatchOut, ReasonCode
from app.vacancies.models import Vacancy
from tests.market import eligible

#: An explanation as engine 2.0.0 stored it: failure codes in checks_passed, text evidence.
ENGINE_2_0: dict[str, Any] = {
    "components": [
        {
            "name": "skills",
            "score": 0.8215625,
            "weight": 0.4,
            "contribution": 0.328625,
            "evidence": {
                "vacancy_skills": "11",
                "matched": "11",
                "exact": "10",
                "group": "1",
                "missing_essential": "0",
            },
        },
        {
            "name": "occupation",
            "score": 1.0,
            "weight": 0.25,
            "contribution": 0.25,
            "evidence": {"vacancy": "2221", "pool": "2221", "common_prefix": "4"},
        },
        {
            "name": "sector",
            "score": 0.5,
            "weight": 0.1,
            "contribution": 0.05,
            "evidence": {"vacancy": "86", "pool": "87", "match": "section"},
        },
        {
            "name": "language",
            "score": 0.145,
            "weight": 0.1,
            "contribution": 0.0145,
            "evidence": {
                "de_level": "B2",
                "de_required_at_start": "no",
                "de_share_at_or_above": "0.09",
                "de_share_one_below": "0.11",
            },
        },
        {
            "name": "education",
            "score": 1.0,
            "weight": 0.05,
            "contribution": 0.05,
            "evidence": {"required_isced": "none", "pool_isced": "6"},
        },
        {
            "name": "experience",
            "score": 1.0,
            "weight": 0.05,
            "contribution": 0.05,
            "evidence": {"required_years": "2", "pool_years": "6"},
        },
        {
            "name": "availability",
            "score": 1.0,
            "weight": 0.05,
            "contribution": 0.05,
            "evidence": {"start_date": "2027-03-01", "available_from": "now", "days_late": "0"},
        },
    ],
    "skills": [
        {
            "skill": "patient-assessment",
            "importance": "essential",
            "credit": 0.97,
            "via": "exact",
            "derived": False,
        }
    ],
    "missing_essential": [],
    "eligibility": {
        "eligible": True,
        "pathway": "DE-BLUE-CARD-SHORTAGE",
        "eligible_headcount": 385,
        "checks_passed": [
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
        ],
        "reasons": [],
    },
    "headcount": [
        {
            "kind": "available",
            "value": 385.0,
            "text": "All 385 workers of the pool are available (none approved for other "
            "vacancies).",
        }
    ],
}
_COLUMNS: dict[str, Any] = {
    "eligible": True,
    "pathway": "DE-BLUE-CARD-SHORTAGE",
    "eligible_headcount": 385,
    "reasons": [],
}


def _evidence(explanation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["name"]: c["evidence"] for c in explanation["components"]}


def test_an_engine_2_0_explanation_is_converted_on_read() -> None:
    got = stored_explanation(copy.deepcopy(ENGINE_2_0), **_COLUMNS)
    assert got["eligibility"]["checks_passed"] == list(CHECK_NAMES)
    evidence = _evidence(got)
    assert evidence["skills"] == {
        "vacancy_skills": 11,
        "matched": 11,
        "exact": 10,
        "group": 1,
        "missing_essential": 0,
    }
    assert evidence["occupation"] == {"vacancy": "2221", "pool": "2221", "common_prefix": 4}
    assert evidence["sector"] == {"vacancy": "86", "pool": "87", "match": "section"}
    assert evidence["language"] == {
        "de_level": "B2",
        "de_required_at_start": False,
        "de_share_at_or_above": 0.09,
        "de_share_one_below": 0.11,
    }
    assert evidence["education"] == {"required_isced": None, "pool_isced": 6}
    assert evidence["experience"] == {"required_years": 2.0, "pool_years": 6.0}
    assert type(evidence["experience"]["pool_years"]) is float
    assert evidence["availability"] == {
        "start_date": "2027-03-01",
        "available_from": None,
        "days_late": 0,
    }
    # The rest is as stored, and the whole is what the API documents.
    assert got["skills"] == ENGINE_2_0["skills"]
    assert got["headcount"] == ENGINE_2_0["headcount"]
    ExplanationOut.model_validate(got)
    # Converting today's shape again changes nothing.
    assert stored_explanation(copy.deepcopy(got), **_COLUMNS) == got


def test_engine_1_keys_and_a_blocked_pair_convert_too() -> None:
    old = copy.deepcopy(ENGINE_2_0)
    old["components"][3]["evidence"] = {"de_required": "B2", "de_share_below": "0.1"}
    old["components"][2]["evidence"]["match"] = "none"
    del old["headcount"]
    old["eligibility"].update(
        eligible=False,
        eligible_headcount=0,
        checks_passed=["origin_not_covered", "quota_exhausted"],
        reasons=[{"code": "ethical_recruitment_health", "message": "On the WHO list."}],
    )
    got = stored_explanation(old, **_COLUMNS)
    assert _evidence(got)["language"] == {"de_required": "B2", "de_share_below": 0.1}
    assert _evidence(got)["sector"]["match"] is None
    assert got["eligibility"]["checks_passed"] == ["origin", "quota"]
    assert got["eligibility"]["reasons"][0]["code"] == "ethical_recruitment_health"
    assert got["headcount"] == []
    ExplanationOut.model_validate(got)


def test_a_row_kept_without_explanation_takes_its_eligibility_from_the_row() -> None:
    reasons = [{"code": "quota_exhausted", "message": "The 2027 quota is used up."}]
    got = stored_explanation(
        {}, eligible=False, pathway="ES-GECCO", eligible_headcount=0, reasons=reasons
    )
    assert got == {
        "components": [],
        "skills": [],
        "missing_essential": [],
        "eligibility": {
            "eligible": False,
            "pathway": "ES-GECCO",
            "eligible_headcount": 0,
            "checks_passed": [],
            "reasons": reasons,
        },
        "headcount": [],
    }
    ExplanationOut.model_validate(got)


def _officer(demo_keys) -> dict[str, str]:
    return next(iter(demo_keys["officer"].values()))


def _typed(explanation: dict[str, Any]) -> None:
    """Check names in checks_passed, reason codes in reasons, no number given as text."""
    names = {c.value for c in CheckName}
    assert set(explanation["eligibility"]["checks_passed"]) <= names
    assert {r["code"] for r in explanation["eligibility"]["reasons"]} <= {
        c.value for c in ReasonCode
    }
    for component in explanation["components"]:
        for key, value in component["evidence"].items():
            assert value is None or isinstance(value, bool | int | float | str), (key, value)
            if isinstance(value, str) and key not in ("vacancy", "pool"):
                assert not value.replace(".", "", 1).isdigit(), (key, value)
                assert value not in ("none", "now", "yes", "no"), (key, value)


def test_the_api_lists_check_names_and_typed_evidence(demo_client, demo_keys) -> None:
    officer = _officer(demo_keys)
    r = demo_client.get("/api/v1/vacancies", headers=officer, params={"status": "open"})
    vid = r.json()["items"][0]["id"]
    page = demo_client.get(
        f"/api/v1/vacancies/{vid}/matches",
        headers=officer,
        params={"include_ineligible": True, "limit": 200},
    ).json()
    assert page["items"]
    for item in page["items"]:
        # A listed item is exactly what the documented model gives (pages skip re-validating).
        assert MatchOut.model_validate(item).model_dump(mode="json") == item
        _typed(item["explanation"])
        checks = item["explanation"]["eligibility"]["checks_passed"]
        if item["eligible"]:
            assert checks == list(CHECK_NAMES)  # every check, in table order
        else:
            assert "eligible_workers" not in checks  # judged only when all else passes
            failed = {r["code"] for r in item["reasons"]}
            assert failed and not failed & set(checks)


def _old_style(explanation: dict[str, Any]) -> dict[str, Any]:
    """Today's explanation as engine 2.0.0 would have stored it."""
    codes = dict(zip(CHECK_NAMES, ENGINE_2_0["eligibility"]["checks_passed"], strict=True))
    old = copy.deepcopy(explanation)
    old["eligibility"]["checks_passed"] = [codes[c] for c in old["eligibility"]["checks_passed"]]
    for c in old["components"]:
        c["evidence"] = {
            k: "none"
            if v is None
            else ("yes" if v else "no")
            if isinstance(v, bool)
            else f"{v:g}"
            if isinstance(v, float)
            else str(v)
            for k, v in c["evidence"].items()
        }
    return old


def test_a_stored_row_of_engine_2_0_is_served_in_todays_shape(
    demo_client, demo_database, demo_keys
) -> None:
    officer = _officer(demo_keys)
    m = eligible(demo_database)[0]
    r = demo_client.post(
        f"/api/v1/matches/{m.id}/decisions", headers=officer, json={"decision": "shortlisted"}
    )
    assert r.status_code == 201, r.text
    live = demo_client.get(f"/api/v1/matches/{m.id}", headers=officer).json()
    with demo_database.transaction() as s:
        row = s.get(Match, m.id)
        assert row is not None
        row.explanation = _old_style(row.explanation)
        row.engine_version = "2.0.0"
        vacancy = s.get(Vacancy, m.vacancy_id)
        slug = s.scalar(select(Organisation.slug).where(Organisation.id == vacancy.employer_id))
        version = vacancy.version
    # Off the market, the pair is read from its stored row.
    r = demo_client.post(
        f"/api/v1/vacancies/{m.vacancy_id}/close",
        headers={**demo_keys["employer"][slug], "If-Match": str(version)},
    )
    assert r.status_code == 200, r.text
    r = demo_client.get(f"/api/v1/matches/{m.id}", headers=officer)
    assert r.status_code == 200, r.text
    kept = r.json()
    assert kept["engine_version"] == "2.0.0"
    # The closed vacancy's list (its decided pairs, from history) serves it the same way.
    listed = demo_client.get(f"/api/v1/vacancies/{m.vacancy_id}/matches", headers=officer)
    (item,) = [i for i in listed.json()["items"] if i["id"] == str(m.id)]
    assert MatchOut.model_validate(item).model_dump(mode="json") == item
    assert item["explanation"] == kept["explanation"]
    _typed(kept["explanation"])
    assert kept["explanation"]["eligibility"]["checks_passed"] == list(CHECK_NAMES)
    # Typed as the live engine gives it (floats only lose what 2.0's text rounding lost).
    for old, new in zip(
        kept["explanation"]["components"], live["explanation"]["components"], strict=True
    ):
        assert old["evidence"].keys() == new["evidence"].keys()
        for key, value in new["evidence"].items():
            if isinstance(value, float):
                assert abs(old["evidence"][key] - value) < 1e-4, key
            else:
                assert old["evidence"][key] == value, key
