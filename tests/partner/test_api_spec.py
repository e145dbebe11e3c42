"""docs/partner-api.yaml: a valid OpenAPI 3.1 document that the client's wire vocabulary,
the reference server's routes and its actual answers all agree with."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from app.core.connectors import api_v1

SPEC_PATH = Path(__file__).resolve().parents[2] / "docs" / "partner-api.yaml"
SPEC = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
REGISTRY = Registry().with_resource("urn:partner-api", Resource.from_contents(
    SPEC, default_specification=DRAFT202012))


def response_spec(template: str, method: str, status: int) -> dict:
    responses = SPEC["paths"][template][method.lower()]["responses"]
    assert str(status) in responses, f"{method} {template} may not answer {status}"
    node = responses[str(status)]
    while "$ref" in node:
        target = SPEC
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def assert_matches_spec(template: str, response) -> None:
    """The answer's status, media type and body are what the document says."""
    spec = response_spec(template, response.request.method, response.status_code)
    if "content" not in spec:
        assert not response.content
        return
    media = response.headers["content-type"].split(";")[0]
    assert media in spec["content"], f"{media} not declared for {template}"
    schema = spec["content"][media]["schema"]
    if "$ref" in schema:
        schema = {"$ref": "urn:partner-api" + schema["$ref"]}
    else:
        schema = _rebase(schema)
    Draft202012Validator(schema, registry=REGISTRY,
                         format_checker=FormatChecker()).validate(response.json())


def _rebase(schema):
    if isinstance(schema, dict):
        return {k: ("urn:partner-api" + v if k == "$ref" else _rebase(v))
                for k, v in schema.items()}
    if isinstance(schema, list):
        return [_rebase(v) for v in schema]
    return schema


def test_the_document_is_valid_openapi_3_1():
    validate(SPEC)
    assert SPEC["openapi"].startswith("3.1")


def test_the_document_and_the_wire_vocabulary_agree():
    assert {name: (v["status"], v["title"]) for name, v in
            SPEC["x-problem-types"].items()} == api_v1.PROBLEMS
    params = SPEC["components"]["parameters"]
    assert params["MemberId"]["schema"]["pattern"] == api_v1.MEMBER_ID.pattern
    assert params["IdempotencyKey"]["schema"]["pattern"] == api_v1.IDEMPOTENCY_KEY.pattern
    assert params["OperationKey"]["schema"]["pattern"] == api_v1.IDEMPOTENCY_KEY.pattern
    assert SPEC["components"]["schemas"]["Points"]["maximum"] == api_v1.MAX_POINTS
    assert SPEC["components"]["securitySchemes"]["member"]["name"] == \
        api_v1.MEMBER_TOKEN_HEADER
    problem_type = SPEC["components"]["schemas"]["Problem"]["properties"]["type"]["pattern"]
    assert all(re.match(problem_type, api_v1.problem_type(name)) for name in api_v1.PROBLEMS)


def test_the_reference_server_serves_exactly_the_documented_operations(tmp_path):
    from app.partner_server.app import create_app
    from app.partner_server.store import Store

    store = Store.open(tmp_path, "DELICAR")
    app = create_app(store, "x" * 32, page=False)
    served = {(route.path, method.lower()) for route in app.routes
              for method in route.methods if method != "HEAD"}
    documented = {(path, method) for path, item in SPEC["paths"].items()
                  for method in item if method in ("get", "post", "put", "delete", "patch")}
    store.close()
    assert served == documented


def test_every_answer_of_a_session_matches_the_document(partner):
    """A whole session against the real server, each answer checked against the YAML,
    refusals included."""
    c = partner.client()
    member = "jisoo-1"
    m = "/v1/members/{member_id}"

    def check(template, response, status):
        assert response.status_code == status, response.text
        assert_matches_spec(template, response)
        return response

    check("/v1/partner", c.get("/v1/partner"), 200)
    check("/v1/partner", c.get("/v1/partner", headers={"Authorization": "Bearer nope"}), 401)
    sent = check(f"{m}/verification", c.post(f"/v1/members/{member}/verification"), 202)
    check(f"{m}/verification/confirm", c.post(f"/v1/members/{member}/verification/confirm",
                                              json={"code": "abc"}), 400)
    wrong = f"{(int(sent.json()['demo_code']) + 1) % 10**6:06d}"
    check(f"{m}/verification/confirm", c.post(f"/v1/members/{member}/verification/confirm",
                                              json={"code": wrong}), 422)
    token = check(f"{m}/verification/confirm", c.post(
        f"/v1/members/{member}/verification/confirm",
        json={"code": sent.json()["demo_code"]}), 200).json()["member_token"]
    auth = {api_v1.MEMBER_TOKEN_HEADER: token}
    check(f"{m}/balance", c.get(f"/v1/members/{member}/balance", headers=auth), 200)
    check(f"{m}/balance", c.get(f"/v1/members/{member}/balance"), 403)
    check(f"{m}/balance", c.get("/v1/members/nobody-here/balance", headers=auth), 404)
    key = {**auth, api_v1.IDEMPOTENCY_HEADER: "spec-redeem-1"}
    check(f"{m}/redeem", c.post(f"/v1/members/{member}/redeem", headers=key,
                                json={"points": 100, "reference": "conv-1"}), 201)
    check(f"{m}/redeem", c.post(f"/v1/members/{member}/redeem", headers=key,
                                json={"points": 101}), 409)
    check(f"{m}/redeem", c.post(f"/v1/members/{member}/redeem", headers=key,
                                content=b"points=1"), 415)
    check(f"{m}/redeem", c.post(f"/v1/members/{member}/redeem", headers={
        **auth, api_v1.IDEMPOTENCY_HEADER: "spec-redeem-2"}, json={"points": 10**9}), 422)
    check(f"{m}/issue", c.post(f"/v1/members/{member}/issue", headers={
        **auth, api_v1.IDEMPOTENCY_HEADER: "spec-issue-1"},
        json={"points": 100, "expires_on": "2099-01-01"}), 400)
    check(f"{m}/issue", c.post(f"/v1/members/{member}/issue", headers={
        **auth, api_v1.IDEMPOTENCY_HEADER: "spec-issue-1"}, json={"points": 100}), 201)
    check("/v1/operations/{key}", c.get("/v1/operations/spec-redeem-1"), 200)
    check("/v1/operations/{key}", c.get("/v1/operations/spec-never"), 404)
    check("/v1/operations/{key}/void", c.post("/v1/operations/spec-void-1/void"), 200)
    check("/v1/operations/{key}", c.get("/v1/operations/spec-void-1"), 200)
    check("/v1/operations/{key}/void", c.post("/v1/operations/spec-redeem-1/void"), 409)
    check("/v1/statement", c.get("/v1/statement", params={
        "from": "2020-01-01T00:00:00Z", "to": "2100-01-01T00:00:00+09:00", "limit": "1"}), 200)
    check("/v1/statement", c.get("/v1/statement", params={"from": "yesterday"}), 400)
    check("/v1/tica/account", c.get("/v1/tica/account"), 200)
    check("/v1/tica/account", c.get("/v1/tica/account", headers={"Authorization": ""}), 401)
    check(f"{m}/token", c.delete(f"/v1/members/{member}/token", headers=auth), 204)
    check(f"{m}/balance", c.get(f"/v1/members/{member}/balance", headers=auth), 403)


@pytest.mark.parametrize("method, path, status", [
    ("GET", "/v1/nothing-here", 404), ("PUT", "/v1/tica/account", 405),
    ("GET", "/v1/members/minji-77/redeem", 405)])
def test_unknown_addresses_and_methods_are_problems_too(partner, method, path, status):
    r = partner.client().request(method, path)
    assert r.status_code == status
    assert r.headers["content-type"] == api_v1.PROBLEM_JSON
    assert api_v1.problem_name(r.json()["type"]) in ("not-found", "method-not-allowed")
