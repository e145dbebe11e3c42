"""Partners — the alliance catalog: link, unlink and sync memberships."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from app.ui import fmt
from app.ui.backend import LEDGER, PARTNERS
from app.ui.dialogs.link_partner import LinkPartnerDialog
from app.ui.errors import explain
from app.ui.pages.base import Page
from app.ui.widgets.common import Card, button, clear_layout, label, muted, titled_row
from app.ui.widgets.reflow import Columns


class PartnersPage(Page):
    areas = frozenset({PARTNERS})

    def __init__(self, backend, parent=None):
        super().__init__(backend, parent)
        self._statuses = []
        self.dialog = None
        head = QHBoxLayout()
        self.intro = muted(wrap=True)
        self.sync_all = button()
        head.addWidget(self.intro, 1)
        head.addWidget(self.sync_all)
        self.content.addLayout(head)
        self.message = label("", "Error", wrap=True)
        self.content.addWidget(self.message)
        host = QWidget()
        self.grid = Columns(host, min_width=300, max_columns=4)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(14)
        self.content.addWidget(host)
        self.content.addStretch(1)
        self.sync_all.clicked.connect(self._sync_all)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Partners"))
        self.intro.setText(self.tr("Link a membership once; MiL.k then shows its points and "
                                   "keeps them in step when you sync."))
        self.sync_all.setText(self.tr("Sync all"))
        if self._statuses:
            self._render(self._statuses)

    def refresh(self) -> None:
        self.backend.run(lambda svc: svc.partners.catalog(), self._render,
                         lambda e: self.message.setText(explain(e)))

    def _render(self, statuses) -> None:
        self._statuses = statuses
        clear_layout(self.grid)
        for i, st in enumerate(statuses):
            self.grid.addWidget(self._card(st), i // 2, i % 2)

    def _card(self, st) -> Card:
        p = st.partner
        card = Card(spacing=6)
        head = titled_row(fmt.partner_name(p), p.color)
        head.addWidget(label(self.tr("Linked") if st.linked else self.tr("Not linked"),
                             "Chip" if st.linked else "Muted"))
        card.layout_.addLayout(head)
        card.layout_.addWidget(muted(p.category(fmt.i18n.current())))
        card.layout_.addWidget(muted(self.tr("1 point = {krw} · minimum exchange {min}").format(
            krw=fmt.krw(p.face_value_krw), min=fmt.points(p.min_conversion))))
        if st.linked:
            synced = fmt.moment(st.last_sync_at) if st.last_sync_at else self.tr("never")
            card.layout_.addWidget(label(self.tr("Member {member} · last sync {when}").format(
                member=st.member_id, when=synced)))
            if st.last_sync_status and st.last_sync_status != "ok":
                card.layout_.addWidget(label(st.last_sync_status, "Error", wrap=True))
        row = QHBoxLayout()
        if st.linked:
            sync, unlink = button(self.tr("Sync")), button(self.tr("Unlink"))
            sync.clicked.connect(lambda: self._sync(p.code))
            unlink.clicked.connect(lambda: self._unlink(p.code))
            row.addWidget(sync)
            row.addWidget(unlink)
        else:
            link = button(self.tr("Link"), primary=True)
            link.clicked.connect(lambda: self.open_link(p))
            row.addWidget(link)
        row.addStretch(1)
        card.layout_.addLayout(row)
        return card

    def open_link(self, partner) -> LinkPartnerDialog:
        self.dialog = LinkPartnerDialog(self.backend, partner, self)
        self.dialog.open()
        return self.dialog

    def _sync(self, code: str) -> None:
        self.backend.run(lambda svc: svc.partners.sync(code), None,
                         lambda e: self.message.setText(explain(e)), changes=(PARTNERS, LEDGER))

    def _sync_all(self) -> None:
        self.backend.run(lambda svc: svc.partners.sync_all(), None,
                         lambda e: self.message.setText(explain(e)), changes=(PARTNERS, LEDGER))

    def _unlink(self, code: str) -> None:
        self.backend.run(lambda svc: svc.partners.unlink(code), None,
                         lambda e: self.message.setText(explain(e)), changes=(PARTNERS,))
