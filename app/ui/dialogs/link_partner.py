"""Linking a partner membership: member id → verification code → linked and synced."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QVBoxLayout

from app.ui import fmt
from app.ui.backend import LEDGER, PARTNERS
from app.ui.errors import explain
from app.ui.widgets.common import StatusLine, button, label, muted
from app.ui.widgets.reflow import at_least


class LinkPartnerDialog(QDialog):
    def __init__(self, backend, partner, parent=None):
        super().__init__(parent)
        self.backend, self.partner = backend, partner
        self.challenge = None  # what the partner said when it sent the code
        name = fmt.partner_name(partner)
        self.setWindowTitle(self.tr("Link {}").format(name))
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 20, 24, 18)
        at_least(self, 440)
        box.addWidget(label(self.tr("Link your {} membership").format(name), "SectionTitle"))
        box.addWidget(muted(self.tr("Enter the member id shown in the partner's app. The "
                                    "partner sends you a code to prove it is yours."),
                            wrap=True))
        self.member = QLineEdit()
        self.member.setPlaceholderText(self.tr("Member id"))
        self.member.setAccessibleName(self.tr("Member id"))
        self.send_code = button(self.tr("Send code"))
        row = QHBoxLayout()
        row.addWidget(self.member, 1)
        row.addWidget(self.send_code)
        box.addLayout(row)
        self.sent = muted(wrap=True)
        box.addWidget(self.sent)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Verification code"))
        self.code.setAccessibleName(self.tr("Verification code"))
        self.code.setEnabled(False)
        box.addWidget(self.code)
        self.message = StatusLine()
        box.addWidget(self.message)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.cancel = button(self.tr("Cancel"))
        self.link = button(self.tr("Link"), primary=True)
        self.link.setEnabled(False)
        actions.addWidget(self.cancel)
        actions.addWidget(self.link)
        box.addLayout(actions)
        self.send_code.setDefault(True)  # Enter sends the code; once it is sent, Enter links
        self.send_code.clicked.connect(self._send_code)
        self.link.clicked.connect(self._link)
        self.cancel.clicked.connect(self.reject)

    def _send_code(self) -> None:
        member, code = self.member.text(), self.partner.code
        self.message.progress(self.tr("Asking {}…").format(fmt.partner_name(self.partner)))
        self.backend.run(lambda svc: svc.partners.request_code(code, member), self._code_sent,
                         lambda e: self.message.error(explain(e)))

    def _code_sent(self, challenge) -> None:
        self.challenge = challenge
        text = self.tr("A code was sent to {}.").format(challenge.sent_to)
        if challenge.demo_code:
            text += " " + self.tr("Demo: the code is {}.").format(challenge.demo_code)
        self.sent.setText(text)
        self.message.clear()
        self.code.setEnabled(True)
        self.link.setEnabled(True)
        self.link.setDefault(True)
        self.code.setFocus()

    def _link(self) -> None:
        member, code, partner = self.member.text(), self.code.text(), self.partner.code
        self.link.setEnabled(False)
        self.message.progress(self.tr("Checking the code…"))
        self.backend.run(lambda svc: svc.partners.link(partner, member, code), self._linked,
                         self._failed, changes=(PARTNERS, LEDGER))

    def _linked(self, result) -> None:
        self.sent.setText("")
        self.message.success(self.tr("Linked. Your {points} at {partner} are now shown in "
                                     "MiL.k.").format(points=fmt.points(result.imported),
                                                      partner=fmt.partner_name(self.partner)))
        self.link.hide()
        self.send_code.setEnabled(False)
        self.member.setReadOnly(True)
        self.code.setEnabled(False)
        self.cancel.setText(self.tr("Done"))
        self.cancel.setDefault(True)

    def _failed(self, error) -> None:
        self.link.setEnabled(True)
        self.message.error(explain(error))
