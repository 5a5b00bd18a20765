"""The conventions of a 公文 text, written once: each module holds one convention as data
(tables and patterns) and small pure functions that find where a text breaks it and, where it
has one right form, put it right. Lint rules judge with them; writers normalise with them.

form imports nothing from parse, mine, draft, render, lint or cli: it sits below them all.
"""
