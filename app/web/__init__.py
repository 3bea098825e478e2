"""The web workspace: server-rendered pages (Jinja2) on the same app as the API.

`mount.install(app)` mounts the static files and the page routers. Pages authenticate with a signed
session cookie (session.py) and check a CSRF token on every form (deps.py); they call the domain
services directly, never the HTTP API.
"""
