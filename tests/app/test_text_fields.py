"""Control characters in text (issue 13, item 2): a NUL was a 500 on PostgreSQL, which cannot
store it, and stored as sent on SQLite. One rule (app.common.schemas.SingleLine and MultiLine)
refuses control characters with a 422 naming the field, on both databases, wherever text comes
in: JSON fields, query and path parameters, web forms, upload cells and file names.

The property test walks the OpenAPI document the app serves, so a string field added later is
covered without being listed here.
"""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from openpyxl import Workbook
from sqlalchemy import Integer, cast, func, literal, select, text

from app.common.schemas import CONTROL_CHARACTER, control_character, visible
from app.db import Database
from app.decisions.models import Decision
from app.deps import SessionDep
from app.errors import field_path
from app.pools.models import Pool
from app.surveys.models import SurveyUpload
from app.vacancies.models import Vacancy
from tests.conftest import make_test_app
from tests.market import eligible
from tests.pools.conftest import pool_payload
from tests.surveys.helpers import GOOD_ROW, POOL_HEADER, csv_bytes, upload
from tests.vacancies.conftest import vacancy_payload
from tests.web.conftest import EMPLOYER_ORG, as_user, csrf_of, demo_people

__all__ = ["demo_people"]  # a fixture of the web tests, used here

#: What the issue reported (NUL) and a control character that is not NUL (BEL), each inside a
#: value, where stripping the ends cannot remove it.
POISONS = {"nul": "a\x00b", "bel": "a\x07b"}


# ---- the rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "char",
    ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x80", "\x85",
     "\x9f", "\ud800", "\udfff"],
)  # fmt: skip
def test_every_control_character_is_refused_in_both_kinds_of_text(char: str) -> None:
    for multiline in (False, True):
        problem = control_character(f"ab{char}cd", multiline=multiline)
        assert problem is not None
        assert f"U+{ord(char):04X} at position 3" in problem
        assert char not in problem  # the message never echoes the character


@pytest.mark.parametrize("char", ["\t", "\n", "\r"])
def test_tab_and_line_breaks_are_multi_line_text_only(char: str) -> None:
    assert control_character(f"line{char}line", multiline=True) is None
    problem = control_character(f"line{char}line")
    assert problem is not None and "single line" in problem


def test_text_of_every_script_is_accepted() -> None:
    # Letters and marks of other scripts, the zero-width joiner of Indic scripts and emoji,
    # no-break spaces, and the replacement character are text, not control characters.
    for value in ("Müller", "Пётр", "नर्स", "ممرضة", "看护", "👩\u200d⚕️", "a\u00a0b", "\ufffd"):
        assert control_character(value) is None


def test_visible_writes_refused_characters_as_escapes() -> None:
    assert visible("Central\x00Luzon\x85") == "Central\\x00Luzon\\x85"
    assert visible("Calabarzon") == "Calabarzon"


# ---- every string field and parameter of the OpenAPI document ----------------------------------


@dataclass(frozen=True)
class Target:
    """One string input of one operation, and the field its 422 must name."""

    method: str
    path: str
    location: str  # body | query | path
    field: str
    #: Has its own pattern, format or enum, which may refuse the value before the text rule.
    constrained: bool
    body_path: tuple[str | int, ...] = ()
    multipart: bool = False


def _resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _constrained(schema: dict[str, Any]) -> bool:
    return any(key in schema for key in ("pattern", "format", "enum", "const"))


def _string_leaves(
    schema: dict[str, Any],
    components: dict[str, Any],
    path: tuple[str | int, ...] = (),
    numeric: bool = False,
) -> Iterator[tuple[tuple[str | int, ...], bool]]:
    """(path, constrained) of each string in `schema`; a string that is one branch of a number
    (a decimal amount, sent as "3400.00" or 3400) is a number, constrained as one."""
    schema = _resolve(schema, components)
    if len(path) > 8:  # no schema here nests this deep; a guard against a recursive one
        return
    for key in ("anyOf", "oneOf", "allOf"):
        branches = [_resolve(b, components) for b in schema.get(key, [])]
        number = any(b.get("type") in ("number", "integer") for b in branches)
        for branch in branches:
            yield from _string_leaves(branch, components, path, numeric or number)
    kind = schema.get("type")
    if kind == "object":
        for name, prop in schema.get("properties", {}).items():
            yield from _string_leaves(prop, components, (*path, name))
    elif kind == "array" and "items" in schema:
        yield from _string_leaves(schema["items"], components, (*path, 0))
    elif kind == "string" and schema.get("format") != "binary":
        yield path, numeric or _constrained(schema)


def _param_schema_constrained(schema: dict[str, Any], components: dict[str, Any]) -> bool:
    branches = [_resolve(b, components) for b in schema.get("anyOf", [schema])]
    return any(_constrained(b) for b in branches if b.get("type") == "string" or "enum" in b)


def openapi_targets(openapi: dict[str, Any]) -> list[Target]:
    components = openapi.get("components", {}).get("schemas", {})
    targets: list[Target] = []
    for path, operations in openapi["paths"].items():
        for method, op in operations.items():
            content = (op.get("requestBody") or {}).get("content", {})
            multipart = "multipart/form-data" in content
            for param in op.get("parameters", []):
                if param["in"] not in ("query", "path"):
                    continue
                schema = _resolve(param["schema"], components)
                branches = [_resolve(b, components) for b in schema.get("anyOf", [schema])]
                if not any(b.get("type") == "string" for b in branches):
                    continue
                targets.append(
                    Target(
                        method,
                        path,
                        param["in"],
                        f"{param['in']}.{param['name']}",
                        _param_schema_constrained(schema, components),
                        multipart=multipart,
                    )
                )
            for media_type, body in content.items():
                for leaf_path, constrained in _string_leaves(body.get("schema", {}), components):
                    if media_type == "application/json":
                        targets.append(
                            Target(
                                method,
                                path,
                                "body",
                                field_path(("body", *leaf_path)),
                                constrained,
                                body_path=leaf_path,
                            )
                        )
                    elif media_type == "multipart/form-data" and len(leaf_path) == 1:
                        # The upload's option fields, validated as the query options are.
                        targets.append(
                            Target(
                                method,
                                path,
                                "form",
                                str(leaf_path[0]),
                                constrained,
                                body_path=leaf_path,
                                multipart=True,
                            )
                        )
    # A field reached through several union branches is one target.
    return list(dict.fromkeys(targets))


def _nest(path: tuple[str | int, ...], value: Any) -> Any:
    for part in reversed(path):
        value = [value] if isinstance(part, int) else {part: value}
    return value


_PATH_PARAM = re.compile(r"\{([^}:]+)(?::path)?\}")


def _send(
    client: TestClient,
    openapi: dict[str, Any],
    target: Target,
    value: str,
    headers: dict[str, str],
) -> Any:
    op = openapi["paths"][target.path][target.method]
    params = {p["name"]: p for p in op.get("parameters", [])}

    def path_value(match: re.Match[str]) -> str:
        name = match.group(1)
        if target.location == "path" and target.field == f"path.{name}":
            return quote(value, safe="")
        schema = params[name]["schema"]
        return str(uuid.uuid4()) if schema.get("format") == "uuid" else "x"

    url = _PATH_PARAM.sub(path_value, target.path)
    query: dict[str, str] = {}
    for name, param in params.items():
        if param["in"] != "query":
            continue
        if target.field == f"query.{name}":
            query[name] = value
        elif param.get("required"):
            query[name] = "nurse"  # the required query strings are a title and a skill text
    kwargs: dict[str, Any] = {"params": query, "headers": headers}
    if target.location == "body":
        kwargs["json"] = _nest(target.body_path, value)
    elif target.multipart:
        # The upload reads its body before the options are validated: send a real file.
        kwargs["files"] = {"file": ("pools.csv", csv_bytes(GOOD_ROW))}
        kwargs["data"] = {"mode": "pool_table"}
        if target.location == "form":
            kwargs["data"][target.field] = value
    return client.request(target.method.upper(), url, **kwargs)


def _role_keys(demo_keys: dict[str, dict[str, dict[str, str]]]) -> list[dict[str, str]]:
    # Admins may do the most; each operation is answered by the first role it admits.
    return [next(iter(demo_keys[role].values())) for role in ("admin", "officer", "employer",
                                                               "ministry")]  # fmt: skip


@pytest.fixture
def openapi(demo_client: TestClient) -> dict[str, Any]:
    r = demo_client.get("/openapi.json")
    assert r.status_code == 200
    return r.json()


def test_the_walk_finds_the_fields_of_the_issue(openapi: dict[str, Any]) -> None:
    fields = {(t.method, t.path, t.field) for t in openapi_targets(openapi)}
    for expected in [
        ("post", "/api/v1/vacancies", "body.title"),
        ("post", "/api/v1/vacancies", "body.description"),
        ("post", "/api/v1/vacancies", "body.skills[0].skill"),
        ("post", "/api/v1/pools", "body.region"),
        ("patch", "/api/v1/pools/{pool_id}", "body.region"),
        ("post", "/api/v1/matches/{match_id}/decisions", "body.note"),
        ("get", "/api/v1/taxonomy/occupations", "query.q"),
        ("get", "/api/v1/pathways/{code}", "path.code"),
        ("post", "/api/v1/uploads", "query.mode"),
    ]:
        assert expected in fields
    assert len(fields) > 150  # every operation's strings, not a hand-picked few


BULK = "/api/v1/vacancies/bulk"


@pytest.mark.parametrize("poison", sorted(POISONS))
def test_every_string_input_of_the_api_refuses_control_characters(
    demo_client: TestClient,
    openapi: dict[str, Any],
    demo_keys: dict[str, dict[str, dict[str, str]]],
    poison: str,
) -> None:
    """Each string field of each request body, and each string query and path parameter, sent
    holding a control character: a 422 that names the field, on SQLite and on PostgreSQL. A
    field without a pattern, format or enum of its own must be refused by the text rule itself
    (error type control_character), so that a new plain `str` field fails this test."""
    value = POISONS[poison]
    keys = _role_keys(demo_keys)
    wrong: list[str] = []
    for target in openapi_targets(openapi):
        for headers in keys:
            r = _send(demo_client, openapi, target, value, headers)
            # An admin's bulk post must name its employer first: the items are an employer's.
            admin_bulk = target.path == BULK and target.location == "body"
            admin_bulk = admin_bulk and "results" not in r.json()
            if r.status_code not in (401, 403) and not admin_bulk:
                break
        label = f"{target.method.upper()} {target.path} {target.field}"
        errors, field = r.json().get("errors") if r.status_code == 422 else None, target.field
        if target.path == BULK and r.status_code in (200, 422) and "results" in r.json():
            # Bulk items are validated one by one: the item's own errors name its field.
            errors = [e for item in r.json()["results"] for e in item.get("errors") or []]
            field = target.field.removeprefix("body")
        elif r.status_code != 422:
            wrong.append(f"{label}: {r.status_code} {r.text[:200]}")
            continue
        named = [e for e in errors or [] if e.get("field") == field]
        if not named:
            wrong.append(f"{label}: 422 without the field: {r.text[:300]}")
        elif not target.constrained and not any(e["type"] == CONTROL_CHARACTER for e in named):
            wrong.append(f"{label}: refused as {[e['type'] for e in named]}, not by the text rule")
    assert not wrong, "\n".join(wrong)


# ---- the inputs the issue named ---------------------------------------------------------------


def _errors(r: Any) -> list[tuple[str, str]]:
    return [(e["field"], e["type"]) for e in r.json()["errors"]]


def test_taxonomy_search_refuses_a_nul_without_a_key(client: TestClient) -> None:
    # Unauthenticated reads were a 500 on PostgreSQL: ?q=a%00b reached a LIKE.
    r = client.get("/api/v1/taxonomy/occupations?q=a%00b")
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert _errors(r) == [("query.q", CONTROL_CHARACTER)]
    assert "U+0000" in r.json()["detail"]
    for url in ("/api/v1/taxonomy/skills?q=%00", "/api/v1/taxonomy/occupations/22%0021"):
        assert client.get(url).status_code == 422


def test_vacancy_title_and_description(client: TestClient, actors, count_rows) -> None:
    employer = actors["employer"]
    before = count_rows("vacancies")
    for field, value in [("title", "Nurse\x00"), ("description", "a\x00b"), ("title", "a\tb")]:
        r = client.post(
            "/api/v1/vacancies", json=vacancy_payload(**{field: value}), headers=employer.headers
        )
        assert r.status_code == 422, r.text
        assert _errors(r) == [(f"body.{field}", CONTROL_CHARACTER)]
    # The bulk endpoint validates item by item: the item's error names the field too.
    r = client.post(
        "/api/v1/vacancies/bulk", json=[vacancy_payload(title="a\x00b")], headers=employer.headers
    )
    assert r.status_code in (200, 422), r.text
    [item] = r.json()["results"]
    assert [(e["field"], e["type"]) for e in item["errors"]] == [("[0].title", CONTROL_CHARACTER)]
    assert count_rows("vacancies") == before
    # A description keeps its line breaks and tabs, as sent.
    description = "Night shifts.\r\nDuties:\n\t- wound care"
    r = client.post(
        "/api/v1/vacancies", json=vacancy_payload(description=description), headers=employer.headers
    )
    assert r.status_code == 201, r.text
    assert r.json()["description"] == description


def test_pool_region_on_create_and_update(client: TestClient, actors, database: Database) -> None:
    ministry = actors["ministry"]
    r = client.post("/api/v1/pools", json=pool_payload(region="Cala\x00barzon"),
                    headers=ministry.headers)  # fmt: skip
    assert r.status_code == 422, r.text
    assert _errors(r) == [("body.region", CONTROL_CHARACTER)]
    created = client.post("/api/v1/pools", json=pool_payload(), headers=ministry.headers)
    assert created.status_code == 201, created.text
    pool_id = created.json()["id"]
    r = client.patch(
        f"/api/v1/pools/{pool_id}",
        json={"region": "Cala\x85barzon"},  # a C1 control: cp1252 text read as latin-1
        headers={**ministry.headers, "If-Match": created.headers["etag"]},
    )
    assert r.status_code == 422, r.text
    assert _errors(r) == [("body.region", CONTROL_CHARACTER)]
    with database.session() as s:
        assert s.get_one(Pool, uuid.UUID(pool_id)).region == "Calabarzon"


def test_decision_note(demo_client: TestClient, demo_keys, demo_database: Database) -> None:
    officer = next(iter(demo_keys["officer"].values()))
    found = eligible(demo_database)
    assert found, "the demo data has an eligible match"
    match_id = found[0].id
    with demo_database.session() as s:
        before = s.scalar(select(func.count()).select_from(Decision))
    url = f"/api/v1/matches/{match_id}/decisions"
    r = demo_client.post(
        url, json={"decision": "needs_information", "note": "ask\x00why"}, headers=officer
    )
    assert r.status_code == 422, r.text
    assert _errors(r) == [("body.note", CONTROL_CHARACTER)]
    with demo_database.session() as s:
        assert s.scalar(select(func.count()).select_from(Decision)) == before
    note = "Asked the ministry:\n\t- language certificates\r\n\t- start date"
    r = demo_client.post(url, json={"decision": "needs_information", "note": note}, headers=officer)
    assert r.status_code == 201, r.text
    assert r.json()["note"] == note


# ---- uploads: cells and file names ------------------------------------------------------------


def test_a_csv_cell_is_a_row_error_naming_row_and_column(
    client: TestClient, actors, database: Database
) -> None:
    ministry = actors["ministry"]
    bad_region = GOOD_ROW.replace("Central Luzon", "Central\x00Luzon")
    bad_two = GOOD_ROW.replace("Central Luzon", "Central\x07Luzon").replace(",2221,", ",22\x1b21,")
    content = csv_bytes(GOOD_ROW.replace("Central Luzon", "Ilocos"), bad_region, bad_two)
    r = upload(client, ministry.headers, content)
    assert r.status_code == 422, r.text
    body = r.json()
    assert [(e["row"], e["column"]) for e in body["errors"]] == [
        (3, "region"),
        (4, "region"),
        (4, "occupation"),
    ]
    first = body["errors"][0]
    assert first["value"] == "Central\\x00Luzon"  # echoed visibly, never the NUL itself
    assert "U+0000" in first["message"]
    assert body["upload"]["rows_rejected"] == 2  # rows, not errors
    # The rejected upload and its report are stored, on PostgreSQL too.
    report = client.get(f"/api/v1/uploads/{body['upload']['id']}/report.csv",
                        headers=ministry.headers)  # fmt: skip
    assert report.status_code == 200 and "\x00" not in report.text
    with database.session() as s:
        stored = s.get_one(SurveyUpload, uuid.UUID(body["upload"]["id"]))
        assert stored.status == "rejected"
    # A line break in a cell is a spreadsheet's, not a control character: the region folds it.
    folded = GOOD_ROW.replace("Central Luzon", '"Central\nLuzon"')
    r = upload(client, ministry.headers, csv_bytes(folded), dry_run="true")
    assert r.status_code == 200, r.text


def test_an_xlsx_cell_is_a_row_error_naming_row_and_column(client: TestClient, actors) -> None:
    # XML cannot carry C0 controls, but C1 ones (&#133;) it can.
    book = Workbook()
    sheet = book.active
    sheet.append(POOL_HEADER.split(","))
    row = GOOD_ROW.split(",")
    row[1] = "Central\x85Luzon"
    sheet.append(row)
    buf = io.BytesIO()
    book.save(buf)
    r = upload(client, actors["ministry"].headers, buf.getvalue(), name="pools.xlsx")
    assert r.status_code == 422, r.text
    assert [(e["row"], e["column"], e["value"]) for e in r.json()["errors"]] == [
        (2, "region", "Central\\x85Luzon")
    ]


def test_a_file_name_with_a_control_character(client: TestClient, actors, count_rows) -> None:
    before = count_rows("survey_uploads")
    # Built by hand: HTTP clients percent-encode control characters in a part's file name, a
    # hostile one need not.
    boundary = "b0undary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\npool_table\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="pools\x00.csv"'
            "\r\nContent-Type: text/csv\r\n\r\n"
        ).encode()
        + csv_bytes(GOOD_ROW)
        + f"\r\n--{boundary}--\r\n".encode()
    )
    r = client.post(
        "/api/v1/uploads",
        content=body,
        headers={
            **actors["ministry"].headers,
            "Content-Type": f"multipart/form-data; boundary={boundary}",
        },
    )
    assert r.status_code == 422, r.text
    assert _errors(r) == [("file", CONTROL_CHARACTER)]
    assert count_rows("survey_uploads") == before


# ---- the web pages ----------------------------------------------------------------------------


def test_sign_in_with_a_nul_in_the_email(demo_client: TestClient) -> None:
    token = csrf_of(demo_client.get("/signin").text)
    r = demo_client.post(
        "/signin",
        data={"csrf_token": token, "email": "officer1\x00@x.org", "password": "x", "next": "/"},
        follow_redirects=False,
    )
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("text/html")
    assert "<strong>email</strong>" in r.text and "U+0000" in r.text
    assert demo_client.get("/signin?next=%2F%00").status_code == 422


def test_web_forms_refuse_control_characters(
    demo_client: TestClient, demo_people, demo_database: Database
) -> None:
    token = as_user(demo_client, demo_people, EMPLOYER_ORG)
    with demo_database.session() as s:
        before = s.scalar(select(func.count()).select_from(Vacancy))
    form = {"csrf_token": token, "title": "Cook\x07", "description": "Kitchen\r\nwork",
            "destination_country": "DE", "occupation": "5120", "openings": "2",
            "start_date": "2027-05-01"}  # fmt: skip
    r = demo_client.post("/vacancies/new", data=form, follow_redirects=False)
    assert r.status_code == 422, r.text
    assert "<strong>title</strong>" in r.text and "U+0007" in r.text
    # The form's own check lets line breaks through; the single-line title is then held to
    # the single-line rule by the API schema the page validates with.
    r = demo_client.post("/vacancies/new", data={**form, "title": "Cook\nsous-chef"},
                         follow_redirects=False)  # fmt: skip
    assert r.status_code == 422, r.text
    assert "title" in r.text and "single line" in r.text
    with demo_database.session() as s:
        assert s.scalar(select(func.count()).select_from(Vacancy)) == before


# ---- the last line: NUL at the database -------------------------------------------------------


def test_a_nul_reaching_the_database_is_a_422_not_a_500(database: Database, backend) -> None:
    """Whatever input the text types miss, PostgreSQL's refusal of a NUL answers 422; any other
    data error stays a logged 500 (it is a bug, not the client's text)."""
    app = make_test_app(database)

    @app.get("/_test/nul")
    def nul(session: SessionDep) -> dict[str, Any]:
        return {"value": session.scalar(select(literal("a\x00b")))}

    @app.get("/_test/cast")
    def bad_cast(session: SessionDep) -> dict[str, Any]:
        return {"value": session.scalar(select(cast(literal("x"), Integer)))}

    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.get("/_test/nul")
        if backend.name == "postgresql":
            assert r.status_code == 422, r.text
            assert "NUL" in r.json()["detail"]
            assert client.get("/_test/cast").status_code == 500
        else:
            assert r.status_code == 200  # SQLite stores a NUL; the text types keep it out
        # The database is usable afterwards: the failed statement was rolled back.
        with database.session() as s:
            assert s.execute(text("SELECT 1")).scalar() == 1
