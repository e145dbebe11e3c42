"""The Qt-free core: money, partners, pricing, ledger, TICA, prices, chain, keys, services."""
