"""The partner's own page: TICA's account, members, their lots and the latest operations.

Made for a partner meeting: readable on a projector, the partner's names in Korean and
English, refreshed every few seconds so a conversion in the app shows up by itself. It has no
login, so it answers only to the machine it runs on (loopback clients).
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from app.core.clock import KST
from app.core.connectors import api_v1
from app.core.partners import Partner
from app.partner_server.problems import Problem
from app.partner_server.routes import Inbox
from app.partner_server.store import Store

REFRESH_SECONDS = 5
SOON_DAYS = 30

CSS = """
:root { --accent: %(color)s; --ink: #17202a; --muted: #5d6d7e; --line: #e5e8ec; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans KR", "Noto Sans CJK KR", "Apple SD Gothic Neo",
       "Malgun Gothic", system-ui, sans-serif; color: var(--ink); background: #f6f7f9;
       font-size: 20px; line-height: 1.45; }
header { background: var(--accent); color: #fff; padding: 28px 48px; display: flex;
         align-items: flex-end; justify-content: space-between; gap: 24px; flex-wrap: wrap; }
header h1 { margin: 0; font-size: 44px; font-weight: 700; letter-spacing: -0.5px; }
header h1 small { font-size: 28px; font-weight: 400; opacity: .9; margin-left: 12px; }
header p { margin: 4px 0 0; opacity: .9; font-size: 18px; }
.tica { text-align: right; }
.tica .label { font-size: 16px; opacity: .9; }
.tica .value { font-size: 40px; font-weight: 700; font-variant-numeric: tabular-nums; }
main { padding: 28px 48px 40px; display: grid; gap: 28px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 14px;
          padding: 22px 28px; }
h2 { margin: 0 0 12px; font-size: 24px; }
h2 .ko { color: var(--muted); font-weight: 400; margin-left: 8px; }
table { width: 100%%; border-collapse: collapse; }
th { text-align: left; color: var(--muted); font-weight: 500; font-size: 16px;
     border-bottom: 2px solid var(--line); padding: 8px 10px; }
td { padding: 10px; border-bottom: 1px solid var(--line); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
a { color: inherit; }
.big { font-size: 56px; font-weight: 700; font-variant-numeric: tabular-nums; }
.soon { color: #b03a2e; font-weight: 600; }
.tag { display: inline-block; padding: 2px 10px; border-radius: 999px; font-size: 16px; }
.redeem { background: #fdecea; color: #922b21; }
.issue { background: #e8f6ef; color: #1d6f42; }
.closed { background: #eceff1; color: #546e7a; }
.code { font-family: ui-monospace, "Noto Sans Mono", monospace; font-size: 30px;
        letter-spacing: 4px; }
.empty { color: var(--muted); }
footer { color: var(--muted); font-size: 15px; padding: 0 48px 28px; }
"""

KIND = {"redeem": ("Redeemed to TICA", "TICA로 차감"),
        "issue": ("Issued by TICA", "TICA에서 적립")}


class Page:
    def __init__(self, store: Store, partner: Partner | None, inbox: Inbox,
                 offload: Callable[..., Awaitable]):
        self.store, self.partner, self.inbox = store, partner, inbox
        self._offload = offload  # the store blocks: off the event loop, like the API

    def routes(self) -> list[Route]:
        return [Route("/", self.home, methods=["GET"]),
                Route("/members/{member_id}", self.member, methods=["GET"])]

    async def home(self, request: Request) -> HTMLResponse:
        _loopback_only(request)
        return await self._offload(self._home)

    async def member(self, request: Request) -> HTMLResponse:
        _loopback_only(request)
        return await self._offload(self._member, request.path_params["member_id"])

    def _home(self) -> HTMLResponse:
        view = self.store.overview()
        today = self.store.today()
        rows = "".join(
            f"<tr><td><a href='/members/{escape(m['id'])}'>{escape(m['id'])}</a>"
            f"{_status(m['status'])}</td><td class='num'>{m['balance']:,}</td>"
            f"<td>{_expiry(m['next_expiry'], today)}</td></tr>" for m in view["members"])
        more = view["member_count"] - len(view["members"])
        members = _section("Members", "회원", _table(
            [("Member", "회원"), ("Points", "포인트", "num"), ("Next expiry", "다음 만료")],
            rows, "No members yet: add one with `milk-partner member add`.")
            + (f"<p class='empty'>… and {more:,} more</p>" if more > 0 else ""))
        body = members + self._inbox() + _operations(view["operations"], with_member=True)
        return self._render(body, "")

    def _member(self, member_id: str) -> HTMLResponse:
        if not api_v1.MEMBER_ID.match(member_id) or \
                self.store.member_status(member_id) is None:
            return self._render(_section("Unknown member", "없는 회원",
                                         "<p class='empty'>There is no such member.</p>"),
                                "", status=404)
        view = self.store.member_view(member_id)
        today = self.store.today()
        lots = "".join(
            f"<tr><td>{escape(lot['id'])}</td><td class='num'>{lot['points']:,}</td>"
            f"<td>{escape(lot['earned_on'])}</td>"
            f"<td>{_expiry(lot['expires_on'], today)}</td></tr>" for lot in view["lots"])
        head = (f"<section><h2>{escape(member_id)}{_status(view['status'])}</h2>"
                f"<div class='big'>{view['balance']:,} P</div>"
                "<p class='empty'>Points now · 현재 포인트 — <a href='/'>all members · "
                "전체 회원</a></p></section>")
        body = head + _section("Lots", "포인트 묶음", _table(
            [("Lot", "묶음"), ("Points", "포인트", "num"), ("Earned", "적립일"),
             ("Expires", "만료일")], lots, "No live points.")) \
            + _operations(view["operations"], with_member=False)
        return self._render(body, f" — {member_id}")

    def _inbox(self) -> str:
        now = self.store.now()
        live = [(m, c, e) for m, (c, e) in self.inbox.codes.items() if e > now]
        if not live:
            return ""
        rows = "".join(f"<tr><td>{escape(m)}</td><td class='code'>{escape(c)}</td>"
                       f"<td>{_time(e)}</td></tr>" for m, c, e in live)
        return _section("Verification codes sent", "발송된 인증번호", _table(
            [("Member", "회원"), ("Code", "인증번호"), ("Valid until", "유효 시간")], rows, ""))

    def _render(self, body: str, title_suffix: str, status: int = 200) -> HTMLResponse:
        p = self.partner
        ko, en = (p.name_ko, p.name_en) if p else (self.store.partner, self.store.partner)
        color = p.color if p else "#34495e"
        tica = self.store.tica_balance()
        html = f"""<!doctype html>
<html lang="ko"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="{REFRESH_SECONDS}">
<title>{escape(ko)} {escape(en)} · MiL.k partner{escape(title_suffix)}</title>
<style>{CSS % {"color": escape(color)}}</style></head>
<body><header><div><h1>{escape(ko)}<small>{escape(en)}</small></h1>
<p>Points system of record · 포인트 원장 — MiL.k Partner API v{api_v1.VERSION}</p></div>
<div class="tica"><div class="label">TICA's account · TICA 계정</div>
<div class="value">{tica:,} P</div></div></header>
<main>{body}</main>
<footer>{escape(self.store.partner)} · {_time(self.store.now())} KST · refreshes every
{REFRESH_SECONDS} s</footer></body></html>"""
        return HTMLResponse(html, status_code=status)


def _loopback_only(request: Request) -> None:
    host = request.client.host if request.client else ""
    if not (host.startswith("127.") or host == "::1" or host == "localhost"):
        raise Problem("not-found", "The partner page is only shown on the server's machine.")


def _section(en: str, ko: str, inner: str) -> str:
    return f"<section><h2>{escape(en)}<span class='ko'>{escape(ko)}</span></h2>{inner}</section>"


def _table(headers: list[tuple], rows: str, empty: str) -> str:
    if not rows:
        return f"<p class='empty'>{escape(empty)}</p>"
    head = "".join(f"<th class='{h[2] if len(h) > 2 else ''}'>{escape(h[0])} · "
                   f"{escape(h[1])}</th>" for h in headers)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _operations(ops: list[dict], with_member: bool) -> str:
    rows = ""
    for op in ops:
        en, ko = KIND[op["kind"]]
        sign = "−" if op["kind"] == "redeem" else "+"
        member = (f"<td><a href='/members/{escape(op['member_id'])}'>"
                  f"{escape(op['member_id'])}</a></td>") if with_member else ""
        rows += (f"<tr><td>{_time(op['applied_at'])}</td><td><span class='tag {op['kind']}'>"
                 f"{en} · {ko}</span></td>{member}<td class='num'>{sign}{op['points']:,}</td>"
                 f"<td>{escape(op['key'])}</td></tr>")
    headers = [("Time (KST)", "시각"), ("Operation", "거래")]
    headers += [("Member", "회원")] if with_member else []
    headers += [("Points", "포인트", "num"), ("Idempotency key", "멱등 키")]
    return _section("Recent operations", "최근 거래", _table(headers, rows,
                                                          "No operations yet."))


def _status(status: str) -> str:
    return " <span class='tag closed'>closed · 해지</span>" if status == "closed" else ""


def _expiry(day: str | None, today: date) -> str:
    if not day:
        return "<span class='empty'>—</span>"
    left = (date.fromisoformat(day) - today).days
    text = f"{escape(day)} ({left} d)"
    return f"<span class='soon'>{text}</span>" if left <= SOON_DAYS else text


def _time(value: str | datetime) -> str:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00")) if isinstance(value, str) \
        else value
    return moment.astimezone(KST).strftime("%Y-%m-%d %H:%M:%S")
