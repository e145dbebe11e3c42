"""The reference partner's ASGI application: API v1 under /v1, the partner page at /.

`threaded` runs store calls in Starlette's thread pool (a served process: the event loop
never waits on SQLite); the in-process demo drives the app one request at a time and calls
the store directly.
"""
from __future__ import annotations

import logging

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request

from app.core.partners import Catalog, Partner
from app.partner_server.auth import OperatorAuth
from app.partner_server.page import Page
from app.partner_server.problems import Problem, problem_response
from app.partner_server.routes import Api, Inbox
from app.partner_server.store import Store

log = logging.getLogger("milk.partner")


def catalog_partner(code: str) -> Partner | None:
    """The catalog's entry for `code` (names, colour, validity), if the alliance knows it."""
    catalog = Catalog.load()
    return catalog.get(code) if code in catalog else None


def create_app(store: Store, credential: str, *, partner: Partner | None = None,
               demo_codes: bool = False, demo_members: bool = False, threaded: bool = True,
               page: bool = True) -> Starlette:
    offload = run_in_threadpool if threaded else _inline
    inbox = Inbox()
    api = Api(store, OperatorAuth(credential), partner=partner, demo_codes=demo_codes,
              demo_members=demo_members and partner is not None, inbox=inbox, offload=offload)
    routes = api.routes() + (Page(store, partner, inbox, offload).routes() if page else [])
    return Starlette(routes=routes, exception_handlers={
        Problem: _on_problem, HTTPException: _on_http_exception, Exception: _on_crash})


async def _inline(fn, *args):
    return fn(*args)


def _on_problem(request: Request, exc: Problem):
    return problem_response(exc, request.url.path)


def _on_http_exception(request: Request, exc: HTTPException):
    if exc.status_code == 405:
        response = problem_response(Problem("method-not-allowed", f"{request.method} is not "
                                            f"allowed on {request.url.path}."), request.url.path)
        response.headers["Allow"] = (exc.headers or {}).get("Allow", "")
        return response
    if exc.status_code == 404:
        return problem_response(Problem("not-found", f"Nothing at {request.url.path}."),
                                request.url.path)
    return problem_response(Problem("bad-request", str(exc.detail)), request.url.path)


def _on_crash(request: Request, exc: Exception):
    log.error("failed on %s %s: %s", request.method, request.url.path, type(exc).__name__)
    return problem_response(Problem("server-error", "The partner failed to handle the request. "
                                    "Ask for the operation's status before retrying."),
                            request.url.path)
