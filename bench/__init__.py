"""Benchmarks and the seeded synthetic data generator (design section 11)."""
