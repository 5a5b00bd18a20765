"""planner: model, read, draft, render and check yearly digital-government plans."""

__version__ = "0.1.0"
