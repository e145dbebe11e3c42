"""A line to a real partner connector that loses answers (unit level; the real network
faults are in tests/reliability/test_partner_faults.py with tests/partner/proxy.py)."""
from __future__ import annotations

from app.core.errors import ExternalError


class LossyLine:
    """The real in-process partner behind a line that loses answers (unit level; the real
    network faults are in tests/reliability): `deliver` says whether a request reaches the
    partner at all; every answer is lost while `lose` is set."""

    def __init__(self, real, deliver: bool):
        self.real, self.deliver, self.lose = real, deliver, True

    def __getattr__(self, name):
        return getattr(self.real, name)

    def _lost(self):
        return ExternalError("Delicar did not answer completely.", code="partner_no_answer")

    def redeem(self, *args, **kw):
        if self.deliver:
            self.real.redeem(*args, **kw)
        raise self._lost()

    issue = redeem

    def void(self, key):
        if self.lose:
            raise self._lost()
        return self.real.void(key)

    def operation_status(self, key):
        if self.lose:
            raise self._lost()
        return self.real.operation_status(key)


def lossy(svc, code, deliver):
    real = svc.ctx.connector
    line = LossyLine(real(svc.ctx.catalog.get(code)), deliver)
    svc.ctx.connector = lambda p: line if p.code == code else real(p)
    return line, lambda: setattr(svc.ctx, "connector", real)
