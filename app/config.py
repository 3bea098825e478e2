"""Settings, read from the environment (and a .env file) by pydantic-settings."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from ipaddress import ip_network
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, IPvAnyNetwork, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEV_SECRET = "dev-only-insecure-secret-key"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="IMDI_", env_file=".env", extra="ignore", populate_by_name=True
    )

    #: Fails closed: production unless told otherwise (`make run` says development).
    environment: Literal["development", "test", "production"] = "production"
    #: Plain DATABASE_URL (the usual name) wins over IMDI_DATABASE_URL.
    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'data' / 'imdi.db'}",
        validation_alias="DATABASE_URL",
    )
    secret_key: SecretStr = SecretStr(DEV_SECRET)
    #: Uploads larger than this are refused with a 413 naming the limit.
    upload_max_bytes: int = 50 * 1024 * 1024
    upload_max_rows: int = 1_000_000
    #: Longest cell of an upload in characters (Excel's own limit); a longer one is a row error.
    upload_max_cell_chars: int = Field(32_767, ge=1)
    #: Most characters all cells of one upload may hold together (413 above): an XLSX can repeat
    #: one shared string in every cell.
    upload_max_text_chars: int = Field(200_000_000, ge=1)
    #: An XLSX is a zip: most bytes its parts may decompress to, and the highest compression
    #: ratio of a part over 1 MB (413 above); app/surveys/limits.py has the fixed bounds.
    upload_max_unzipped_bytes: int = Field(1024 * 1024 * 1024, ge=1)
    upload_max_zip_ratio: float = Field(200.0, ge=1.0)
    #: JSON request bodies larger than this are refused with a 413.
    request_max_bytes: int = 5 * 1024 * 1024
    #: Wage annualisation (design section 2).
    hours_per_year: float = 2080.0
    months_per_year: float = 12.0
    #: Processes that rank a batch (an allocation plan's vacancies, the analytics) in parallel;
    #: forked from the server process, they share its market's memory.
    ranking_workers: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1, le=64)
    #: Threads a server process runs requests on at once (the rest queue in arrival order).
    #: Reads spend most of their time waiting on the database; beyond ~16 threads per process
    #: more of them only contend for the interpreter, and the slowest requests wait longest
    #: (bench_service's wrk step: p99 0.18 s at 16, 0.74 s at 40 on 2 cores). Keep it at or
    #: below the database pool (app/db.py: 20 + 20 on PostgreSQL).
    request_threads: int = Field(default=16, ge=1, le=256)
    #: Where server processes keep the snapshot of the market's pools (app/matches/snapshots.py)
    #: so that one reads them from the database and the others, and later starts, load it.
    #: None: every process reads the database.
    market_snapshot_dir: Path | None = None
    #: How often (seconds) a server process catches its market up in the background (a large
    #: upload through another process is then applied before a request needs it); 0: only
    #: requests catch up.
    market_follow_seconds: float = Field(0.25, ge=0)
    #: Currency in which exchange rates are stored.
    base_currency: str = "EUR"
    log_level: str = "INFO"
    #: Job titles coded to ISCO below this confidence are refused (the client must send a code).
    coding_min_confidence: float = 0.35
    #: Free-text skills resolve to a taxonomy skill at or above this text similarity (0..1);
    #: below it they are refused with the best candidates (app/taxonomy/resolve.py).
    skill_resolve_min_confidence: float = Field(0.75, ge=0.0, le=1.0)
    #: Scoring weights (JSON object, e.g. {"skills": 0.5, ...}); missing names keep the default.
    match_weights: dict[str, float] = Field(default_factory=dict)
    #: Largest number of vacancies in one bulk request.
    bulk_max_items: int = 1000
    # ---- webhooks (app/webhooks) ----
    #: Seconds a receiver has to answer a delivery.
    webhook_timeout_seconds: float = Field(10.0, gt=0, le=60)
    #: Attempts per delivery before it is given up (failed; it can be replayed).
    webhook_max_attempts: int = Field(8, ge=1, le=30)
    #: The first retry's wait; each next one doubles it (30 s, 1 min, 2 min, ... about an hour
    #: over 8 attempts), up to webhook_backoff_max_seconds.
    webhook_backoff_seconds: float = Field(30.0, ge=0)
    webhook_backoff_max_seconds: float = Field(6 * 3600.0, ge=0)
    #: Deliveries POSTed at once by one worker (a slow receiver holds up only its own).
    webhook_concurrency: int = Field(8, ge=1, le=64)
    #: How often an idle worker looks for new events and due retries.
    webhook_poll_seconds: float = Field(1.0, gt=0)
    #: How often the ranking watch re-ranks the watched vacancies and pools (at most).
    webhook_watch_seconds: float = Field(10.0, ge=0)
    #: In production deliveries to loopback, private and link-local addresses are refused (an
    #: endpoint's URL must not reach into the service's own network); true allows them.
    webhook_allow_private_addresses: bool = False
    #: After a secret's rotation the old one signs too for this long.
    webhook_rotation_grace_hours: float = Field(24.0, ge=0, le=24 * 30)
    #: A web session ends after this long without a request (checked to the minute) ...
    session_idle_minutes: int = Field(30, ge=1, le=24 * 60)
    #: ... and this long after sign-in, whatever the activity.
    session_max_hours: float = Field(8.0, gt=0, le=7 * 24)
    #: Reverse proxies whose X-Forwarded-For is believed (addresses or networks, comma
    #: separated, e.g. "10.0.0.5,172.18.0.0/16"); from anyone else the header is ignored.
    trusted_proxies: Annotated[list[IPvAnyNetwork], NoDecode] = Field(default_factory=list)
    #: Outside development /metrics answers only to a scraper with this bearer token ...
    metrics_token: SecretStr | None = None
    #: ... or from these addresses (a Prometheus beside the service); anyone else gets a 404.
    metrics_networks: Annotated[list[IPvAnyNetwork], NoDecode] = Field(
        default_factory=lambda: [ip_network("127.0.0.0/8"), ip_network("::1/128")]
    )

    @model_validator(mode="after")
    def _refuse_dev_secret(self) -> Settings:
        # A service signing cookies with a key published in the repository is open: only a
        # developer's own machine may use it (tests, too, run with a secret of their own).
        secret = self.secret_key.get_secret_value()
        if self.environment != "development" and secret == DEV_SECRET:
            raise ValueError("IMDI_SECRET_KEY must be set outside development")
        if self.environment != "development" and len(secret) < 32:
            raise ValueError("IMDI_SECRET_KEY must be at least 32 characters")
        return self

    @field_validator("trusted_proxies", "metrics_networks", mode="before")
    @classmethod
    def _split_proxies(cls, value: Any) -> Any:
        if isinstance(value, str):
            if value.strip().startswith("["):  # a JSON list, as pydantic-settings takes lists
                return json.loads(value)
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @property
    def is_development(self) -> bool:
        """Only here may the development secret sign cookies and cookies go without Secure."""
        return self.environment == "development"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
