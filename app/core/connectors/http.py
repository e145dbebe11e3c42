"""A partner's Partner API v1 over HTTP(S): catalog `"connector": {"type": "http", ...}`.

  base_url         the API's root (the /v1 paths are under it)
  token_env        environment variable holding the operator credential, and/or
  token_keyring    the user name of a keyring entry (service "MiL.k partner API") holding it
  timeout_seconds  total deadline per request (default 10)

One pooled client per base URL serves every connector in the process (connection reuse).
"""
from __future__ import annotations

import os
import threading

import httpx

from app.core.connectors.client import PartnerApiConnector
from app.core.connectors.transport import DeadlineTransport
from app.core.errors import ExternalError, InputError
from app.core.partners import Partner

KEYRING_SERVICE = "MiL.k partner API"
LOOPBACK = ("127.0.0.1", "localhost", "::1")

_clients: dict[str, httpx.Client] = {}
_lock = threading.Lock()


def http_connector(partner: Partner, tokens) -> PartnerApiConnector:
    base_url = str(partner.connector.get("base_url") or "").rstrip("/")
    url = httpx.URL(base_url) if base_url.startswith(("https://", "http://")) else None
    if url is None or not url.host:
        raise InputError(f"The catalog entry of {partner.code} needs a connector base_url "
                         "starting with https://.", code="partner_misconfigured")
    if url.scheme == "http" and url.host not in LOOPBACK:
        raise InputError(f"{partner.code}'s base_url must use https: the operator credential "
                         "never travels in clear text (http only to this machine).",
                         code="partner_misconfigured")
    try:
        timeout = float(partner.connector.get("timeout_seconds", 10))
    except (TypeError, ValueError):
        timeout = 0
    if not 0 < timeout <= 300:
        raise InputError(f"The catalog entry of {partner.code} has a bad timeout_seconds.",
                         code="partner_misconfigured")
    return PartnerApiConnector(partner, _client(base_url), _Credential(partner), tokens,
                               timeout=timeout)


def _client(base_url: str) -> httpx.Client:
    with _lock:
        if base_url not in _clients:
            # trust_env off: no proxy or netrc from the environment sees the credential
            _clients[base_url] = httpx.Client(base_url=base_url, transport=DeadlineTransport(),
                                              trust_env=False, follow_redirects=False)
        return _clients[base_url]


class _Credential:
    """The operator credential, read once when first needed: environment first, then the
    keyring. Never stored in a file or printed."""

    def __init__(self, partner: Partner):
        self._partner, self._value = partner, None

    def __call__(self) -> str:
        if self._value is None:
            self._value = self._read()
        return self._value

    def _read(self) -> str:
        conf, name = self._partner.connector, self._partner.name_en
        env_name = conf.get("token_env")
        if env_name and os.environ.get(env_name, "").strip():
            return os.environ[env_name].strip()
        user = conf.get("token_keyring")
        if user:
            from app.core.keys.backend import call, require_backend

            backend = require_backend()
            value = call(lambda: backend.get_password(KEYRING_SERVICE, str(user)), 15,
                         f"read the {name} API credential")
            if value:
                return value.strip()
        where = " or ".join(filter(None, [
            f"the environment variable {env_name}" if env_name else None,
            f"the keyring entry '{KEYRING_SERVICE}' / '{user}'" if user else None]))
        raise ExternalError(f"No operator credential for {name}'s API: put it in "
                            f"{where or 'a token_env or token_keyring named in the catalog'}.",
                            code="partner_credential_missing",
                            details={"partner": self._partner.code})


def close_clients() -> None:
    with _lock:
        while _clients:
            _clients.popitem()[1].close()
