"""OpenAPI: document the problem+json error bodies the service actually returns."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "description": "RFC 9457 problem details.",
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string"},
                    "message": {"type": "string"},
                    "type": {"type": "string"},
                },
            },
        },
    },
}

_PROBLEM_CONTENT = {
    "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
}
_STANDARD = {
    "401": "Missing or invalid API key",
    "403": "The role may not do this",
    "404": "Unknown, or another organisation's, object",
    "409": "Conflict with stored data (stale version, duplicate, exhausted quota)",
    "422": "Invalid input; `errors` lists the field paths",
}

#: Every operation reads the database: when it is busy or out of reach, a 503 to retry.
_UNAVAILABLE = {
    "description": "The database is busy or unreachable; retry after Retry-After seconds",
    "headers": {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}},
    "content": _PROBLEM_CONTENT,
}


def install_problem_openapi(app: FastAPI) -> None:
    default_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = default_openapi()
        schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
        for path, item in schema.get("paths", {}).items():
            for operation in item.values():
                responses = operation.setdefault("responses", {})
                for code, description in _STANDARD.items():
                    if code == "422" or (path.startswith("/api/") and code in responses):
                        responses[code] = {"description": description, "content": _PROBLEM_CONTENT}
                if path.startswith("/api/") or path == "/healthz":
                    responses["503"] = _UNAVAILABLE
        # FastAPI's own validation-error schemas are no longer referenced.
        for name in ("HTTPValidationError", "ValidationError"):
            schema["components"]["schemas"].pop(name, None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
