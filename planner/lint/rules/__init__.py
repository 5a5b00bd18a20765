"""The lint rules, one module each; MODULES is the explicit registry the engine runs."""
from planner.lint.rules import required_section, section_order

MODULES = [
    required_section, section_order,
]
