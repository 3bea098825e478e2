"""The options of long pickers as the person types (static/picker.js asks; see pickers.py)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Query
from starlette.responses import JSONResponse

from app.common.schemas import SingleLine
from app.deps import SessionDep
from app.web import pickers
from app.web.deps import CurrentWebUser
from app.web.pages.common import web_router

router = web_router()


@router.get("/pick/{kind}")
def pick(
    kind: Literal["skills", "occupations"],
    user: CurrentWebUser,
    session: SessionDep,
    q: Annotated[SingleLine, Query(max_length=100)] = "",
) -> JSONResponse:
    if kind == "occupations":
        options = pickers.occupation_options(session, q)
    else:
        options = pickers.skill_options(session, q)
    return JSONResponse(
        [o.value for o in options], headers={"Cache-Control": "private, max-age=300"}
    )
