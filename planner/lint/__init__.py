"""planner lint: check a draft against the schema and the 公文 rules (see docs/rules.md)."""
