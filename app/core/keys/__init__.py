"""The wallet's key: created or imported, kept only in the OS keyring, password-encrypted."""
from app.core.keys.backend import BackendInfo, backend_info
from app.core.keys.custody import KeyCustody, SignedTx, Signer, parse_private_key
from app.core.keys.secret import Secret

__all__ = ["BackendInfo", "KeyCustody", "Secret", "SignedTx", "Signer", "backend_info",
           "parse_private_key"]
