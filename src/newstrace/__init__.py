"""newstrace: an auditable ledger of political-violence events and the claims behind them."""

__version__ = "0.1.0"
