"""Partner connectors: how the app verifies a membership and learns a member's point lots."""
from app.core.connectors.base import Challenge, PartnerConnector, PartnerLot, connector_for

__all__ = ["Challenge", "PartnerConnector", "PartnerLot", "connector_for"]
