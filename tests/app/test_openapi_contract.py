"""The OpenAPI document is one an HR-system developer can build on (issue 16), and stays so.

Checked over the whole document, one test per operation and per schema (so a failure names it):
stable snake_case operationIds; a summary and a description for every operation, the roles in
the description of every operation that needs a key, its bearer requirement and the statuses it
can answer as problem+json; a description for every schema, property and parameter, with the
code system for fields that take codes; a realistic example for every object schema (valid
against its own schema and model) and every request body; numbers typed as numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import jsonschema_rs
import pytest
from pydantic import BaseModel

from app.config import Settings
from app.db import Database
from app.main import create_app

#: Where operations may need no key: health and the reference taxonomies (their suggester and
#: resolver do need one); every other operation does.
PUBLIC = ("/healthz", "/api/v1/taxonomy")
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
#: A property or parameter whose name holds the first must say the second in its description.
CODE_SYSTEMS = (
    (re.compile(r"country|(^|_)origin($|_)|destination"), "ISO 3166"),
    (re.compile(r"occupation|isco"), "ISCO-08"),
    (re.compile(r"sector|isic"), "ISIC"),
    (re.compile(r"language"), "ISO 639"),
    (re.compile(r"currency"), "ISO 4217"),
    (re.compile(r"cefr"), "CEFR"),
    (re.compile(r"isced"), "ISCED"),
)
#: Names of quantities: never typed as text.
NUMERIC = re.compile(
    r"(^|_)(score|headcount|count|share|weight|contribution|openings|wage|amount|years|"
    r"total|rank|latency_ms|attempts)($|_)"
)


@cache
def _document() -> dict[str, Any]:
    settings = Settings(
        environment="test", database_url="sqlite:///:memory:", market_follow_seconds=0
    )
    database = Database(settings.database_url, settings)
    try:
        return create_app(settings, database).openapi()
    finally:
        database.dispose()


def _operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in _document()["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def _schemas() -> dict[str, Any]:
    schemas: dict[str, Any] = _document()["components"]["schemas"]
    return schemas


def _target(schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
        found: dict[str, Any] = _schemas()[ref.rsplit("/", 1)[1]]
        return found
    return schema


def _types(schema: dict[str, Any]) -> set[str]:
    """The JSON types a schema admits, through $ref, anyOf, oneOf and allOf; null left out."""
    schema = _target(schema)
    found: set[str] = set()
    kind = schema.get("type")
    if isinstance(kind, str):
        found.add(kind)
    elif isinstance(kind, list):
        found.update(kind)
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in schema.get(key, []):
            found |= _types(sub)
    found.discard("null")
    return found


def _has_example(schema: dict[str, Any]) -> bool:
    schema = _target(schema)
    if schema.get("examples") or "example" in schema:
        return True
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        return _has_example(schema["items"])
    return any(_has_example(s) for s in schema.get("anyOf", []) if s.get("type") != "null")


def _described(schema: dict[str, Any]) -> bool:
    if schema.get("description"):
        return True
    target = _target(schema)  # a bare reference is described by what it names
    if target is not schema and target.get("description"):
        return True
    return any(_described(s) for s in schema.get("allOf", []))


def _code_system_problems(name: str, description: str) -> list[str]:
    return [
        f"{name}: its description should name {system}"
        for pattern, system in CODE_SYSTEMS
        if pattern.search(name.lower()) and system not in description
    ]


OPERATIONS = list(_operations())
OPERATION_IDS = [f"{m.upper()} {p}" for p, m, _ in OPERATIONS]
OBJECT_SCHEMAS = sorted(name for name, s in _schemas().items() if "properties" in s)


def test_operation_ids_are_unique_snake_case_method_names() -> None:
    ids = [op.get("operationId", "") for _, _, op in OPERATIONS]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert [i for i in ids if not SNAKE.match(i)] == []


def test_the_bearer_scheme_is_declared() -> None:
    scheme = _document()["components"]["securitySchemes"]["apiKey"]
    assert scheme["type"] == "http" and scheme["scheme"] == "bearer"


@pytest.mark.parametrize(("path", "method", "operation"), OPERATIONS, ids=OPERATION_IDS)
def test_operation_is_documented(path: str, method: str, operation: dict[str, Any]) -> None:
    problems: list[str] = []
    auto_summary = operation["operationId"].replace("_", " ").title()
    if not operation.get("summary") or operation["summary"] == auto_summary:
        problems.append("no summary (the docstring's first line)")
    text = re.sub(r"\*\*Roles:\*\*.*", "", operation.get("description", ""), flags=re.S)
    if len(text.strip()) < 20:
        problems.append("no description (the docstring after its first line)")
    for parameter in operation.get("parameters", []):
        name = parameter["name"]
        description = parameter.get("description") or parameter.get("schema", {}).get(
            "description", ""
        )
        if not description:
            problems.append(f"parameter {name} has no description")
        problems += _code_system_problems(f"parameter {name}", description)
    body = operation.get("requestBody")
    if body is not None:
        for media, content in body["content"].items():
            if not (content.get("example") or content.get("examples")) and not _has_example(
                content.get("schema", {})
            ):
                problems.append(f"request body {media} has no example")
    for code, response in operation["responses"].items():
        if code.startswith("2") and code != "204":
            for media, content in response.get("content", {}).items():
                if media == "application/json" and not _types(content.get("schema", {})):
                    problems.append(f"{code} {media} has no schema")
    assert problems == []


@pytest.mark.parametrize(("path", "method", "operation"), OPERATIONS, ids=OPERATION_IDS)
def test_operation_states_its_security_and_errors(
    path: str, method: str, operation: dict[str, Any]
) -> None:
    responses = operation["responses"]
    if path.startswith(PUBLIC) and "security" not in operation:
        assert not {"401", "403"} & set(responses)
    else:
        assert operation.get("security"), "needs the bearer requirement"
        assert "**Roles:**" in operation["description"]
        assert {"401", "429"} <= set(responses)
        roles = operation["security"][0]["apiKey"]
        assert ("403" in responses) == bool(roles), "403 exactly where a role is required"
    if any(p["in"] == "path" for p in operation.get("parameters", [])):
        assert "404" in responses
    if "requestBody" in operation:
        assert {"413", "422"} <= set(responses)
    for code, response in responses.items():
        if code[0] in "45":
            assert response["content"] == {
                "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
            }, code
            assert response["description"] not in ("", "Validation Error"), code


@pytest.mark.parametrize("name", sorted(_schemas()))
def test_schema_is_documented(name: str) -> None:
    schema = _schemas()[name]
    problems: list[str] = []
    if not schema.get("description"):
        problems.append("no description (the model's or enum's docstring)")
    if "properties" in schema and not name.startswith("Page_") and not schema.get("examples"):
        problems.append("no example (model_config json_schema_extra examples)")
    for prop, sub in schema.get("properties", {}).items():
        if not _described(sub):
            problems.append(f"property {prop} has no description")
        description = sub.get("description", "") or _target(sub).get("description", "")
        problems += _code_system_problems(f"property {prop}", description)
        if NUMERIC.search(prop) and _types(sub) == {"string"}:
            problems.append(f"property {prop} is a quantity typed as a string")
    assert problems == []


@pytest.mark.parametrize("name", OBJECT_SCHEMAS)
def test_schema_examples_are_valid_against_the_schema(name: str) -> None:
    document = _document()
    validator = jsonschema_rs.validator_for(
        {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    )
    for example in _schemas()[name].get("examples", []):
        errors = [str(e) for e in validator.iter_errors(example)]
        assert errors == [], example


def _models(root: type[BaseModel] = BaseModel) -> Iterator[type[BaseModel]]:
    for sub in root.__subclasses__():
        if sub.__module__.startswith("app.") and "[" not in sub.__name__:
            yield sub
        yield from _models(sub)


def test_model_examples_validate_as_the_models() -> None:
    _document()  # every model imported
    problems = []
    for model in set(_models()):
        extra = model.model_config.get("json_schema_extra")
        examples = extra.get("examples", []) if isinstance(extra, dict) else []
        for example in examples:
            try:
                model.model_validate(example)
            except ValueError as exc:
                problems.append(f"{model.__module__}.{model.__name__}: {exc}")
    assert problems == []
