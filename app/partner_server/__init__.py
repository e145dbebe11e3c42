"""`milk-partner`: the reference implementation of Partner API v1 (docs/partner-api.yaml).

A partner's system of record in miniature: members with points in lots that expire, TICA's
account, verification codes, member tokens, and redeem/issue operations applied exactly once
per idempotency key. Tests, the demo (run in-process) and partners' engineers use it; its
`conformance` command checks any implementation of the API.
"""
