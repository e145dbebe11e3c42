"""Partner connectors: how the app verifies a membership, reads a member's points, and
moves points at the partner (Partner API v1). See base.py for the connector types."""
from app.core.connectors.base import (
                                      Challenge,
                                      LotMove,
                                      MemberBalance,
                                      Operation,
                                      PartnerConnector,
                                      PartnerLot,
                                      Statement,
                                      connector_for,
)

__all__ = ["Challenge", "LotMove", "MemberBalance", "Operation", "PartnerConnector",
           "PartnerLot", "Statement", "connector_for"]
