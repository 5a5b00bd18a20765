"""The bundled sample corpus, shipped as package data (planner.resources.corpus_dir)."""
