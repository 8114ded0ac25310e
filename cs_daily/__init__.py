"""cs-daily: a terminal companion for a customer-service agent's daily checklist."""

__version__ = "0.1.0"
