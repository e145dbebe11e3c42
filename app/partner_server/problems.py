"""RFC 9457 problem details: the one way the reference server says no."""
from __future__ import annotations

import json

from starlette.responses import Response

from app.core.connectors import api_v1


class Problem(Exception):
    """Raised anywhere while handling a request; becomes an application/problem+json answer."""

    def __init__(self, name: str, detail: str, **extensions):
        status, title = api_v1.PROBLEMS[name]
        super().__init__(detail)
        self.name, self.status, self.title, self.detail = name, status, title, detail
        self.extensions = extensions

    def document(self, instance: str | None = None) -> dict:
        doc = {"type": api_v1.problem_type(self.name), "title": self.title,
               "status": self.status, "detail": self.detail}
        if instance:
            doc["instance"] = instance
        doc.update(self.extensions)
        return doc


def invalid(name: str, reason: str) -> Problem:
    """A bad-request problem naming the offending parameter."""
    return Problem("bad-request", f"{name}: {reason}",
                   invalid_params=[{"name": name, "reason": reason}])


def problem_response(problem: Problem, instance: str | None = None) -> Response:
    headers = {}
    if "retry_after" in problem.extensions:
        headers["Retry-After"] = str(problem.extensions["retry_after"])
    if problem.name == "unauthorized":
        headers["WWW-Authenticate"] = 'Bearer realm="partner-api"'
    body = json.dumps(problem.document(instance), ensure_ascii=False).encode()
    return Response(body, status_code=problem.status, headers=headers,
                    media_type=api_v1.PROBLEM_JSON)
