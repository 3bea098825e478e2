"""The interactive API documentation (Swagger UI at /docs, ReDoc at /redoc), served by the
service itself: their assets come from the fastapi-offline package, so the docs work on a
network without internet, under the same Content-Security-Policy as every other page (no CDN,
no inline script: Swagger UI starts from a file of ours; ReDoc's run-time <style> elements
carry a per-response nonce)."""

from __future__ import annotations

import secrets
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from app.middleware import policy_with_style_nonce

#: Swagger UI's and ReDoc's own files, as the fastapi-offline wheel ships them.
VENDOR = Path(str(files("fastapi_offline") / "static"))
OURS = Path(__file__).with_name("static")
ASSETS = "/docs/assets"

_SWAGGER = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} - API</title>
<link rel="icon" type="image/png" href="{ASSETS}/vendor/favicon.png">
<link rel="stylesheet" href="{ASSETS}/vendor/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-openapi-url="{{openapi_url}}"></div>
<script src="{ASSETS}/vendor/swagger-ui-bundle.js"></script>
<script src="{ASSETS}/swagger-init.js"></script>
</body>
</html>
"""

_REDOC = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} - API reference</title>
<link rel="icon" type="image/png" href="{ASSETS}/vendor/favicon.png">
</head>
<body>
<div id="redoc" data-openapi-url="{{openapi_url}}" data-style-nonce="{{nonce}}"></div>
<script src="{ASSETS}/vendor/redoc.standalone.js"></script>
<script src="{ASSETS}/redoc-init.js"></script>
</body>
</html>
"""


def install(app: FastAPI) -> None:
    """Serve /docs, /redoc and their assets (the app is made with docs_url=None)."""
    openapi_url = app.openapi_url or "/openapi.json"
    # The more specific mount first: /docs/assets/vendor/* is the package's, the rest ours.
    app.mount(f"{ASSETS}/vendor", StaticFiles(directory=VENDOR), name="docs-vendor")
    app.mount(ASSETS, StaticFiles(directory=OURS), name="docs-assets")
    swagger = _SWAGGER.format(title=app.title, openapi_url=openapi_url)

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return HTMLResponse(swagger)

    @app.get("/redoc", include_in_schema=False)
    def redoc_ui() -> HTMLResponse:
        # ReDoc's styles are <style> elements it writes: a fresh nonce admits those, and only
        # those, under the site's policy.
        nonce = secrets.token_urlsafe(16)
        return HTMLResponse(
            _REDOC.format(title=app.title, openapi_url=openapi_url, nonce=nonce),
            headers={"Content-Security-Policy": policy_with_style_nonce(nonce)},
        )
