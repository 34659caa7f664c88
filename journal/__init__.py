"""Refill: an offline, encrypted self-care journal for clinicians."""

__version__ = "0.1.0"
APP_NAME = "Refill"
APP_ID = "org.refilljournal.Refill"
