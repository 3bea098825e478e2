"""Request-scoped dependencies: the database session (one transaction per request)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from app.config import Settings
from app.db import SETTINGS, Database


def get_database(request: Request) -> Database:
    return request.app.state.db


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings


_READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def get_session(
    request: Request,
    db: Annotated[Database, Depends(get_database)],
    settings: Annotated[Settings, Depends(get_settings_dep)],
) -> Iterator[Session]:
    # Services flush; this boundary commits (or rolls back) before the response is sent.
    # Requests that may write take the write lock before their first write (serialise_writes).
    with db.transaction(writes=request.method not in _READ_ONLY_METHODS) as session:
        # Services that re-rank matches read the request's settings from the unit of work.
        session.info[SETTINGS] = settings
        yield session


# scope="function" runs the commit before the response goes out, so a failed commit is an error
# response rather than a success that was never stored.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
