"""newsweave: many news reports in, one cited account out."""

__version__ = "0.1.0"
