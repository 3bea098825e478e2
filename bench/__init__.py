"""Benchmarks and the seeded synthetic data generator (design section 11)."""

import os

# Benchmarks run the service with development settings (the service's default is production,
# which refuses the development secret).
os.environ.setdefault("IMDI_ENVIRONMENT", "development")
