"""The main chain: the MLK ERC-20 on an EVM node (embedded demo chain or JSON-RPC)."""
