"""Drafting: outline → plan filled with library clauses; rollover of last year's plan."""
