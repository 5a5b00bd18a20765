"""Clause library: segment, mask, cluster, store (sqlite), search."""
