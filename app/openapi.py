"""OpenAPI: an honest document a generator can build a client from.

FastAPI's document already carries, from the routes' dependencies, the bearer scheme on every
operation that needs a key and the roles a role check admits (as the requirement's list). It is
completed here from those facts, so it cannot drift from the code: the roles in words, the
problem+json answers each operation can give (401/429 where a key is needed, 403 where a role
is, 404 where the path names an object, 413 where there is a body, 422 where there is input,
503 everywhere), and the summary from the docstring's first line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute
from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from app.auth.deps import BEARER
from app.common.principal import Role

#: The bearer scheme's name in the document (FastAPI adds the scheme from app.auth.deps).
SECURITY_SCHEME = BEARER.scheme_name

PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "description": "RFC 9457 problem details: every error the API answers has this body "
    "(media type application/problem+json).",
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "description": "a URI naming the kind of problem"},
        "title": {"type": "string", "description": "the HTTP status's phrase"},
        "status": {"type": "integer", "description": "the HTTP status code"},
        "detail": {"type": "string", "description": "what went wrong, for a person to read"},
        "instance": {"type": "string", "description": "the request path"},
        "code": {
            "type": "string",
            "description": "a stable machine-readable code of the problem, where there is one "
            "(openings_exhausted, not_open, pathways_changed, placement_departed, ...)",
        },
        "existing_id": {
            "type": "string",
            "description": "on a 409 for a duplicate: the id of the object that already exists",
        },
        "current_version": {
            "type": "integer",
            "description": "on a 409 for a stale If-Match: the stored version to re-read",
        },
        "errors": {
            "type": "array",
            "description": "on a 422: one entry per invalid field",
            "items": {
                "type": "object",
                "description": "one invalid field",
                "properties": {
                    "field": {
                        "type": "string",
                        "description": "the field's path, e.g. body.skills[2].skill_id",
                    },
                    "message": {"type": "string", "description": "what is wrong with it"},
                    "type": {"type": "string", "description": "a stable error code"},
                },
            },
        },
    },
    "examples": [
        {
            "type": "about:blank",
            "title": "Unprocessable Content",
            "status": 422,
            "detail": "1 invalid field",
            "instance": "/api/v1/vacancies",
            "errors": [
                {
                    "field": "body.destination_country",
                    "message": "'XX' is not an ISO 3166-1 alpha-2 country code",
                    "type": "country_code",
                }
            ],
        }
    ],
}

_PROBLEM_CONTENT = {
    "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
}
_RETRY_AFTER = {"Retry-After": {"description": "seconds to wait", "schema": {"type": "integer"}}}

#: The answers added from what an operation takes and needs (and their default descriptions).
_AUTOMATIC = {
    "401": "No API key, or one that is invalid or revoked (WWW-Authenticate: Bearer)",
    "403": "The caller's role may not do this",
    "404": "Unknown, or another organisation's, object (ids of others reveal nothing)",
    "413": "The request body is larger than the service accepts",
    "422": "Invalid input: `errors` lists each field's path and what is wrong",
    "429": "Too many failed authentication attempts from this address; retry after Retry-After",
    "503": "The database is busy or unreachable; retry after Retry-After seconds",
}
#: FastAPI's placeholder descriptions, replaced by ours.
_PLACEHOLDERS = {"Validation Error", "Successful Response", ""}


def _needed_roles(operation: dict[str, Any]) -> list[str] | None:
    """The roles of the operation's bearer requirement ([] for any role), None when it needs
    no key. FastAPI lists one requirement per dependency on the scheme: each must pass, so the
    roles admitted are those every role-restricted one names."""
    requirements = [r[SECURITY_SCHEME] for r in operation.get("security", [])]
    if not requirements:
        return None
    restricted = [set(roles) for roles in requirements if roles]
    if not restricted:
        return []
    admitted = set.intersection(*restricted)
    return [r.value for r in Role if r.value in admitted]  # in the access matrix's order


def _roles_text(roles: list[str]) -> str:
    if not roles:
        return (
            "**Roles:** any signed-in role (employer, ministry, officer, admin); an answer holds "
            "only what the caller's organisation may see."
        )
    return f"**Roles:** {', '.join(roles)}."


def _split_docstring(operation: dict[str, Any]) -> None:
    """The docstring's first line is the summary, the rest the description."""
    description = (operation.get("description") or "").strip()
    if not description:
        return
    first, _, rest = description.partition("\n")
    operation["summary"] = first.strip().rstrip(".")
    operation["description"] = rest.strip()


def _complete(operation: dict[str, Any]) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    parameters = operation.get("parameters", [])
    body = "requestBody" in operation
    roles = _needed_roles(operation)
    wanted = {"503"}
    if roles is not None:
        wanted |= {"401", "429"}
        operation["security"] = [{SECURITY_SCHEME: roles}]
        text = _roles_text(roles)
        operation["description"] = f"{operation.get('description', '')}\n\n{text}".strip()
    if roles:
        wanted.add("403")
    if any(p.get("in") == "path" for p in parameters):
        wanted.add("404")
    if body:
        wanted.add("413")
    if body or parameters:
        wanted.add("422")
    else:
        responses.pop("422", None)  # FastAPI lists it even where nothing can be invalid
    for code in wanted:
        responses.setdefault(code, {})
    for code, response in responses.items():
        if not code.startswith(("4", "5")):
            continue
        if response.get("description", "") in _PLACEHOLDERS:
            response["description"] = _AUTOMATIC.get(code, "See the problem's detail")
        response["content"] = _PROBLEM_CONTENT
        if code in ("429", "503"):
            response["headers"] = _RETRY_AFTER


def _models(root: type[BaseModel] = BaseModel) -> Iterator[type[BaseModel]]:
    for sub in root.__subclasses__():
        if sub.__module__.startswith("app."):
            yield sub
        yield from _models(sub)


def _restore_examples(schemas: dict[str, Any]) -> None:
    """FastAPI writes the document without None values (exclude_none), which takes the nulls
    out of the models' examples too (a new API key's `revoked_at: null`): put them back."""
    for model in _models():
        extra = model.model_config.get("json_schema_extra")
        examples = extra.get("examples") if isinstance(extra, dict) else None
        if not examples:
            continue
        for name in (model.__name__, f"{model.__name__}-Input", f"{model.__name__}-Output"):
            if name in schemas and "examples" in schemas[name]:
                schemas[name]["examples"] = to_jsonable_python(examples)


def _bulk_limit(schema: dict[str, Any], app: FastAPI) -> None:
    """The bulk post's array has the configured limit (IMDI_BULK_MAX_ITEMS) as its maxItems."""
    settings = getattr(app.state, "settings", None)
    operation = schema.get("paths", {}).get("/api/v1/vacancies/bulk", {}).get("post")
    if settings is None or operation is None:
        return
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    if body.get("type") == "array":
        body["maxItems"] = settings.bulk_max_items


def install_problem_openapi(app: FastAPI) -> None:
    default_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = default_openapi()
        components = schema.setdefault("components", {})
        components.setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
        _restore_examples(components["schemas"])
        _bulk_limit(schema, app)
        for item in schema.get("paths", {}).values():
            for operation in item.values():
                _split_docstring(operation)
                _complete(operation)
        for item in schema.get("webhooks", {}).values():  # what the service POSTs
            for operation in item.values():
                _split_docstring(operation)
                operation["responses"] = {"2XX": {"description": "Received: any 2xx answer"}}
        # FastAPI's own validation-error schemas are no longer referenced.
        for name in ("HTTPValidationError", "ValidationError"):
            components["schemas"].pop(name, None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def operation_id(route: APIRoute) -> str:
    """A route's operationId: its function's name (`create_vacancy`), which a client generator
    turns into the method's name. The contract test keeps them unique."""
    return route.name
