"""MiL.k Wallet: loyalty points from every MiL.k partner in one view, converted through TICA."""

__version__ = "0.1.0"
