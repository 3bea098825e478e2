# imdi-match: production image. Migrations run at start, then uvicorn serves the app.
FROM python:3.11-slim AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    IMDI_ENVIRONMENT=production

WORKDIR /srv/imdi
COPY pyproject.toml README.md alembic.ini ./
COPY app ./app
COPY matching ./matching
COPY migrations ./migrations
COPY seed_data ./seed_data
RUN pip install ".[scale]" \
    && useradd --system --uid 10001 --home-dir /srv/imdi imdi \
    && mkdir -p /srv/imdi/data && chown imdi /srv/imdi/data

USER imdi
# The workers share one read of the pools, and a restart loads it (README, Configuration).
ENV IMDI_MARKET_SNAPSHOT_DIR=/srv/imdi/data/market
EXPOSE 8000
# DATABASE_URL and IMDI_SECRET_KEY must be provided; the app refuses the development secret.
# imdi serve believes X-Forwarded-For only from IMDI_TRUSTED_PROXIES (set it to the proxy's address).
# The webhook worker beside the server, both stopped by `docker stop` (at scale, run
# `imdi webhook-worker` as containers of its own and this one with IMDI_WEBHOOK_WORKER=0).
CMD ["sh", "-c", "imdi migrate && imdi seed --no-demo || exit 1; if [ \"${IMDI_WEBHOOK_WORKER:-1}\" != 0 ]; then imdi webhook-worker & worker=$!; fi; imdi serve --host 0.0.0.0 --port 8000 --workers 2 & server=$!; trap 'kill -TERM $server ${worker:-} 2>/dev/null' TERM INT; wait $server; kill -TERM ${worker:-} 2>/dev/null; wait"]
