"""The `imdi` command: migrate, seed, serve, and the admin tasks (organisations, users, keys)."""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from app.config import get_settings

# Each command imports what it runs inside its function: `imdi --help` or `imdi migrate` does
# not load the web app, the engine or the ESCO importer. (No cycle is dodged: app.cli is the top
# layer of the import contract.)

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


def _migrate(args: argparse.Namespace) -> int:
    from app.migrate import upgrade

    upgrade(get_settings().database_url)
    print("database schema is at the latest revision")
    return 0


def _seed(args: argparse.Namespace) -> int:
    from app.db import Database
    from app.seed import seed
    from app.seed_story import load_story

    settings = get_settings()
    demo = args.demo if args.demo is not None else settings.environment == "development"
    if demo and settings.environment == "production":
        # The demo users' passwords and API keys are published in the repository.
        raise CommandError(
            "the demo data is never loaded in production: its users' passwords and API keys "
            "are published (run with IMDI_ENVIRONMENT=development, or without --demo)"
        )
    db = Database(settings.database_url, settings)
    try:
        with db.transaction() as session:
            report, credentials = seed(session, demo=demo)
        story = 0
        if demo:
            # Its own transaction: the approvals rank the market the seed has just committed.
            with db.transaction() as session:
                story = load_story(session)
    finally:
        db.dispose()
    if not report.changed and not story:
        print("seed data already loaded; nothing changed")
    if story:
        print(f"created {story} demo placements (approvals and their workers' stages)")
    for what, n in sorted(report.created.items()):
        print(f"created {n} {what}")
    for what, n in sorted(report.updated.items()):
        print(f"updated {n} {what}")
    if credentials and settings.environment == "development":
        print("\nDemo credentials (development only):")
        for c in credentials:
            print(
                f"  {c['role']:<9} {c['email']:<38} password {c['password']:<18} key {c['api_key']}"
            )
    return 0


#: How long a worker may not answer uvicorn's supervisor before it is replaced.
WORKER_HEALTHCHECK_SECONDS = 120


def _serve(args: argparse.Namespace) -> int:
    import uvicorn
    from sqlalchemy.engine import make_url

    settings = get_settings()
    # Never the database password in the log (the Docker image serves through this command).
    database = make_url(settings.database_url).render_as_string(hide_password=True)
    print(
        f"imdi-match on http://{args.host}:{args.port}  (API docs: "
        f"http://{args.host}:{args.port}/docs, database: {database})"
    )
    # Forwarded headers are believed from the configured proxies only (uvicorn would trust
    # 127.0.0.1 by default, and then anyone on the machine could name any client address).
    proxies = ",".join(str(network) for network in settings.trusted_proxies)
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        # A worker builds its live market at start-up (about half a minute for a million
        # pools): uvicorn's default 5 s health check would kill it mid-build, again and again.
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
        log_level=settings.log_level.lower(),
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies or None,
    )
    return 0


def _openapi(args: argparse.Namespace) -> int:
    """The OpenAPI document, as /openapi.json serves it (clients/python is generated from it)."""
    import json

    from app.main import create_app

    settings = get_settings()
    document = create_app(settings).openapi()
    text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


def _webhook_worker(args: argparse.Namespace) -> int:
    import logging
    import signal
    import threading

    from app.db import Database
    from app.matches.watch import RankingWatch
    from app.webhooks.delivery import Worker

    settings = get_settings()
    logging.basicConfig(level=settings.log_level)
    db = Database(settings.database_url, settings)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    print("imdi-match webhook worker: delivering the outbox's events (Ctrl+C stops it)")
    try:
        Worker(db, settings, watchers=[RankingWatch(settings)]).run_forever(stop)
    finally:
        db.dispose()
    return 0


class ProgressBar:
    """The import's progress on stderr (app.taxonomy.esco.Progress): a redrawn bar on a
    terminal, one line per stage otherwise (so that logs stay readable). Stages have a total in
    whatever unit they count."""

    def __init__(self, stream: TextIO | None = None, width: int = 28) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.label = ""
        self.total = 0
        self.done_units = 0
        self._shown = -1
        self._started = 0.0

    def start(self, label: str, total: int) -> None:
        self.label, self.total, self.done_units, self._shown = label, max(total, 0), 0, -1
        self._started = time.perf_counter()
        if not self.tty:
            print(f"{label} ...", file=self.stream, flush=True)
        self._draw()

    def advance(self, n: int = 1) -> None:
        self.done_units += n
        self._draw()

    def finish(self, note: str = "") -> None:
        self.done_units = self.total
        seconds = time.perf_counter() - self._started
        suffix = f" {note}" if note else ""
        if self.tty:
            self._draw(force=True)
            print(f" {seconds:.1f}s{suffix}", file=self.stream, flush=True)
        else:
            print(f"{self.label}: done in {seconds:.1f}s{suffix}", file=self.stream, flush=True)

    def _draw(self, *, force: bool = False) -> None:
        if not self.tty:
            return
        share = 1.0 if self.total == 0 else min(1.0, self.done_units / self.total)
        percent = int(share * 100)
        if percent == self._shown and not force:
            return  # redraw only when the figure moves: a terminal write per row is slow
        self._shown = percent
        filled = int(share * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r{self.label:<40.40} [{bar}] {percent:3d}%")
        self.stream.flush()


def _import_esco(args: argparse.Namespace) -> int:
    from app.db import Database
    from app.taxonomy.esco import EscoError, import_esco

    settings = get_settings()
    db = Database(settings.database_url, settings)
    try:
        with db.transaction() as session:
            try:
                report = import_esco(
                    session,
                    args.paths,
                    version=args.release,
                    progress=None if args.quiet else ProgressBar(),
                )
            except EscoError as exc:
                raise CommandError(str(exc)) from exc
    finally:
        db.dispose()
    print(f"ESCO {report.version} ({report.layout} layout), ESCO (c) European Union")
    if not report.changed:
        print("ESCO already loaded; nothing changed")
    for bucket in ("created", "updated", "deleted", "kept"):
        for what, n in sorted(getattr(report, bucket).items()):
            note = " (named by vacancies, pools or profiles)" if bucket == "kept" else ""
            print(f"{bucket} {n} {what}{note}")
    if report.orphan_relations:
        print(
            f"note: {report.orphan_relations} occupation-skill relations name an occupation that "
            "the occupations file lacks; stored as published",
            file=sys.stderr,
        )
    for issue in report.issues[: args.show_issues]:
        print(f"note: {issue}", file=sys.stderr)
    if len(report.issues) > args.show_issues:
        print(f"note: {len(report.issues) - args.show_issues} more", file=sys.stderr)
    if report.recomputed:
        print("the live rankings take the new skills (every server process rebuilds its market)")
    return 0


# ---- admin tasks: the same validation and audit trail as the admin API (actor None = system) ----


class CommandError(Exception):
    """A refused admin task: its message goes to stderr and the exit status is 1."""


_FLAGS = {"organisation": "org", "expires_at": "expires-at"}  # field -> option, where they differ


def _parse(model: type[M], **values: object) -> M:
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        problems = "; ".join(
            f"--{_FLAGS.get(str(e['loc'][0]), str(e['loc'][0])) if e['loc'] else ''}: "
            f"{str(e['msg']).removeprefix('Value error, ')}"
            for e in exc.errors()
        )
        raise CommandError(problems) from exc


def _in_transaction(work: Callable[[Session], T]) -> T:
    """Run `work` in one transaction; a ProblemError (duplicate, unknown) becomes a CommandError."""
    from app.db import Database
    from app.errors import ProblemError

    settings = get_settings()
    db = Database(settings.database_url, settings)
    try:
        with db.transaction() as session:
            try:
                result = work(session)
            except ProblemError as exc:
                details = "; ".join(e["message"] for e in exc.errors or []) or exc.detail
                raise CommandError(details) from exc
    finally:
        db.dispose()
    return result


def _create_org(args: argparse.Namespace) -> int:
    from app.auth.schemas import OrganisationIn
    from app.auth.service import add_organisation

    data = _parse(
        OrganisationIn, slug=args.slug, name=args.name, kind=args.kind, country=args.country
    )
    org_id = _in_transaction(lambda s: add_organisation(s, None, data).id)
    print(f"created organisation {data.slug} ({org_id})")
    return 0


def _create_user(args: argparse.Namespace) -> int:
    from app.auth.schemas import UserIn
    from app.auth.service import add_user

    data = _parse(
        UserIn,
        email=args.email,
        name=args.name,
        role=args.role,
        organisation=args.org,
        password=args.password,
    )
    user_id = _in_transaction(lambda s: add_user(s, None, data).id)
    print(f"created {data.role.value} user {data.email} ({user_id})")
    return 0


def _create_key(args: argparse.Namespace) -> int:
    from app.auth.schemas import ApiKeyIn
    from app.auth.service import create_api_key, user_by_email

    fields = {"name": args.name}
    if args.expires_at:
        fields["expires_at"] = args.expires_at
    data = _parse(ApiKeyIn, **fields)

    def work(session: Session) -> tuple[uuid.UUID, str, str]:
        user = user_by_email(session, args.email)
        api_key, key = create_api_key(session, None, user, data.name, data.expires_at)
        return api_key.id, api_key.prefix, key

    key_id, prefix, key = _in_transaction(work)
    # Only the key goes to stdout, so that scripts can capture it: KEY=$(imdi create-key ...).
    print(
        f"created API key {key_id} ({prefix}...) for {args.email}; it is shown only this "
        "once, store it now:",
        file=sys.stderr,
    )
    print(key)
    return 0


def _revoke_key(args: argparse.Namespace) -> int:
    from app.auth.service import revoke_api_key

    try:
        key_id = uuid.UUID(args.id)
    except ValueError as exc:
        raise CommandError(f"--id: {args.id!r} is not a key id (a UUID)") from exc
    _in_transaction(lambda s: revoke_api_key(s, None, key_id))
    print(f"revoked API key {key_id}")
    return 0


def _read_password(given: str | None) -> str:
    """The --password value, else one line from standard input (a prompt on a terminal), so
    that a password need not go into the shell history."""
    if given is not None:
        return given
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass("new password: ")
    return sys.stdin.readline().rstrip("\r\n")


def _set_password(args: argparse.Namespace) -> int:
    from app.auth.schemas import PasswordIn
    from app.auth.service import set_password, user_by_email

    data = _parse(PasswordIn, password=_read_password(args.password))
    ended = _in_transaction(
        lambda s: set_password(s, None, user_by_email(s, args.email), data.password)
    )
    print(f"set the password of {args.email}; {ended} web session(s) ended")
    return 0


def _set_active(active: bool) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        from app.auth.service import set_active, user_by_email

        ended = _in_transaction(lambda s: set_active(s, None, user_by_email(s, args.email), active))
        if active:
            print(f"activated {args.email}")
        else:
            print(f"deactivated {args.email}; {ended} web session(s) ended")
        return 0

    return run


def _cluster_args(p: argparse.ArgumentParser) -> None:
    """Where national-scale work runs (app/common/cluster.py)."""
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a running Dask scheduler, e.g. tcp://scheduler:8786 (a real cluster)",
    )
    where.add_argument(
        "--local",
        type=int,
        metavar="N",
        help="a LocalCluster of N worker processes on this machine (default: one per core)",
    )
    p.add_argument(
        "--memory-limit",
        default="auto",
        help="memory per LocalCluster worker, e.g. 2GB (default: the machine's share)",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="Dask's progress bar (default: when stderr is a terminal)",
    )


def _progress_of(args: argparse.Namespace) -> bool:
    return sys.stderr.isatty() if args.progress is None else bool(args.progress)


def _batch_rank(args: argparse.Namespace) -> int:
    import json
    import os
    import socket

    import app.models  # noqa: F401  (every mapper known before the first flush: audit's user)
    from app.batch.ranking import RunOptions, batch_rank, describe
    from app.batch.service import Scope
    from app.common.cluster import ClusterUnavailable, dask_client, default_workers
    from app.db import Database

    settings = get_settings()
    if args.top_k is not None and args.top_k < 1:
        raise CommandError("--top-k must be at least 1 (or --all for every eligible pair)")
    scope = Scope(
        destination=args.destination.upper() if args.destination else None,
        origin=args.origin.upper() if args.origin else None,
        occupation_prefix=args.occupation,
    )
    options = RunOptions(
        top_k=None if args.all else args.top_k,
        explain_top=args.explain_top,
        vacancy_block=args.vacancy_block,
        pool_block=args.pool_block,
        parquet_dir=Path(args.parquet).resolve() if args.parquet else None,
        progress=_progress_of(args),
    )
    where = args.scheduler or f"local:{args.local or default_workers()}"
    db = Database(settings.database_url, settings)
    try:
        with dask_client(args.scheduler, args.local, memory_limit=args.memory_limit) as client:
            run = batch_rank(
                db,
                settings,
                client,
                scope,
                options,
                cluster=where,
                started_by=f"{os.environ.get('USER', 'imdi')}@{socket.gethostname()}",
            )
    except ClusterUnavailable as exc:
        raise CommandError(str(exc)) from None
    finally:
        db.dispose()
    print("\n" + json.dumps(describe(run), indent=2))
    return 0 if run.status == "succeeded" else 1


#: `imdi aggregate-microdata` lists this many row errors (the stored report has them all).
_ERRORS_SHOWN = 20


def _aggregate_microdata(args: argparse.Namespace) -> int:
    """Survey or registry microdata too large to upload, aggregated on a Dask cluster and
    stored as one survey wave of the ministry, by the upload's rules (app/surveys/distributed.py).
    The system is the actor (audit actor None), as for the other admin tasks."""
    import app.models  # noqa: F401  (every mapper known before the first flush)
    from app.common.cluster import ClusterUnavailable, dask_client
    from app.db import Database
    from app.errors import ProblemError
    from app.surveys.distributed import aggregate_microdata, find_ministry
    from app.surveys.limits import MB
    from app.surveys.schemas import UploadOptions
    from app.surveys.service import summary_counts

    options = _parse(
        UploadOptions,
        mode="microdata",
        dry_run=args.dry_run,
        on_error=args.on_error,
        replace=args.replace,
    )
    if args.block_mb < 1:
        raise CommandError("--block-mb must be at least 1")
    progress = _progress_of(args)
    settings = get_settings()
    db = Database(settings.database_url, settings)
    try:
        with db.transaction() as session:
            org = find_ministry(session, args.ministry)  # before a cluster is started
            with dask_client(args.scheduler, args.local, memory_limit=args.memory_limit) as client:
                job = aggregate_microdata(
                    client,
                    session,
                    settings,
                    args.paths,
                    org=org,
                    options=options,
                    block_bytes=args.block_mb * MB,
                    progress=progress,
                )
    except ClusterUnavailable as exc:
        raise CommandError(str(exc)) from None
    except ProblemError as exc:  # a file that cannot be read, an unknown ministry: nothing stored
        shown = [
            f"row {e.get('row')}: {e.get('message')}" for e in (exc.errors or [])[:_ERRORS_SHOWN]
        ]
        raise CommandError("; ".join([exc.detail, *shown])) from None
    finally:
        db.dispose()

    out = job.upload.upload
    if out.replayed:
        print(f"the same data was stored before: upload {out.id} (nothing stored now)")
    elif out.dry_run:
        print("dry run: nothing stored")
    else:
        print(f"upload {out.id}")
    report = out.report
    print(f"status {out.status.value}: {summary_counts(out)}")
    print(
        f"respondents {report.get('respondents', 0)}: {report.get('respondents_unwilling', 0)} "
        f"not willing to work abroad, {report.get('respondents_rejected', 0)} rejected, "
        f"{report.get('respondents_pooled', 0)} pooled; cells {report.get('cells', 0)}, "
        f"{report.get('cells_suppressed', 0)} suppressed (fewer than "
        f"{report.get('k_threshold', 5)} respondents: {report.get('respondents_suppressed', 0)})"
    )
    for coding in report.get("codings", [])[:_ERRORS_SHOWN]:
        print(
            f"  job title {coding['input']!r} coded {coding['code']} {coding['title']} "
            f"(confidence {coding['confidence']}, {coding['respondents']} respondents)"
        )
    total = int(report.get("errors_total", len(job.errors)))
    if total:
        print(f"{total} row errors; the first {min(total, _ERRORS_SHOWN)}:")
        for e in job.errors[:_ERRORS_SHOWN]:
            where = f"{e['file']} row {e['row']}" if "file" in e else f"row {e['row']}"
            print(f"  {where}, {e['column'] or 'the row'}: {e['message']}")
    return 1 if out.status.value == "rejected" else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="imdi", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("migrate", help="apply the database migrations").set_defaults(func=_migrate)

    p = sub.add_parser(
        "seed", help="load taxonomies, reference data and (in development) demo data"
    )
    p.add_argument(
        "--demo",
        dest="demo",
        action="store_true",
        default=None,
        help="load the demo organisations, users, vacancies and pools",
    )
    p.add_argument("--no-demo", dest="demo", action="store_false")
    p.set_defaults(func=_seed)

    p = sub.add_parser("serve", help="serve the application with uvicorn")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1)
    p.set_defaults(func=_serve)

    p = sub.add_parser("openapi", help="write the OpenAPI document (JSON)")
    p.add_argument("--output", default="-", help="a file, or - for stdout")
    p.set_defaults(func=_openapi)

    p = sub.add_parser(
        "webhook-worker",
        help="deliver webhook events (fan-out, signed POSTs, retries) until stopped",
    )
    p.set_defaults(func=_webhook_worker)

    p = sub.add_parser(
        "batch-rank",
        help="rank every open vacancy of a scope against every active pool on a Dask cluster",
        description="Ranks the scope's open vacancies against its active pools in (vacancy "
        "block x pool block) tasks, keeps each vacancy's top k eligible pairs and writes them "
        "(database, or Parquet) with a run record. Ctrl-C, or POST "
        "/api/v1/batch-runs/{id}/cancel, cancels; a failed run leaves the previous results.",
    )
    p.add_argument("--destination", metavar="CC", help="vacancies of this destination country")
    p.add_argument("--origin", metavar="CC", help="pools of this origin country")
    p.add_argument("--occupation", metavar="PREFIX", help="vacancies of this ISCO-08 prefix")
    k = p.add_mutually_exclusive_group()
    k.add_argument("--top-k", type=int, default=50, help="pairs kept per vacancy (default 50)")
    k.add_argument("--all", action="store_true", help="keep every eligible pair")
    p.add_argument(
        "--explain-top",
        type=int,
        default=10,
        metavar="N",
        help="pairs per vacancy whose missing essential skills are kept (skills gap; default 10)",
    )
    p.add_argument("--vacancy-block", type=int, default=256, help="vacancies per task")
    p.add_argument(
        "--pool-block", type=int, default=None, help="pools per block (default: up to 250,000)"
    )
    p.add_argument(
        "--parquet",
        metavar="DIR",
        help="write the pairs as Parquet under DIR/<run id>/ (a path every worker can write) "
        "instead of the database: for very large scopes",
    )
    _cluster_args(p)
    p.set_defaults(func=_batch_rank)

    p = sub.add_parser("create-org", help="create an organisation")
    p.add_argument("--slug", required=True, help="short unique name, e.g. acme-farms")
    p.add_argument("--name", required=True)
    p.add_argument("--kind", required=True, choices=["employer", "ministry", "agency"])
    p.add_argument("--country", required=True, help="ISO 3166-1 alpha-2, e.g. DE")
    p.set_defaults(func=_create_org)

    p = sub.add_parser("create-user", help="create a user in an organisation")
    p.add_argument("--email", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--role", required=True, choices=["employer", "ministry", "officer", "admin"])
    p.add_argument("--org", required=True, help="the organisation's slug")
    p.add_argument("--password", default=None, help="for the web pages (optional)")
    p.set_defaults(func=_create_user)

    p = sub.add_parser("create-key", help="create an API key for a user (printed once)")
    p.add_argument("--email", required=True, help="the user's email")
    p.add_argument("--name", required=True, help="what the key is for, e.g. 'HR sync'")
    p.add_argument("--expires-at", default=None, help="ISO 8601 moment the key stops working")
    p.set_defaults(func=_create_key)

    p = sub.add_parser(
        "set-password",
        help="set a user's web password (read from stdin unless given); ends the user's sessions",
    )
    p.add_argument("--email", required=True, help="the user's email")
    p.add_argument("--password", default=None, help="the new password (default: read stdin)")
    p.set_defaults(func=_set_password)

    p = sub.add_parser(
        "deactivate-user", help="stop a user: API keys refused, web sessions ended at once"
    )
    p.add_argument("--email", required=True, help="the user's email")
    p.set_defaults(func=_set_active(False))

    p = sub.add_parser("activate-user", help="let a deactivated user act again")
    p.add_argument("--email", required=True, help="the user's email")
    p.set_defaults(func=_set_active(True))

    p = sub.add_parser(
        "import-esco",
        help="load the official ESCO CSV download (zips or unzipped folder); idempotent",
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="the ESCO zips (v1.1.x: both, the classification and the relations zip), "
        "or a folder holding them or their CSV files",
    )
    p.add_argument(
        "--release",
        default=None,
        metavar="VERSION",
        help="the ESCO release, e.g. v1.2.0 (default: read from the file names)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--show-issues",
        type=int,
        default=10,
        metavar="N",
        help="rows left out to list on stderr (default 10)",
    )
    p.set_defaults(func=_import_esco)

    p = sub.add_parser("revoke-key", help="revoke an API key")
    p.add_argument("--id", required=True, help="the key id (as listed by the admin API)")
    p.set_defaults(func=_revoke_key)

    p = sub.add_parser(
        "aggregate-microdata",
        help="aggregate survey or registry microdata too large to upload into a ministry's "
        "pools, on a Dask cluster (the upload's rules and report)",
        description="Reads microdata (a CSV or Parquet file, or a directory or glob of part "
        "files), validates every row as an upload does, aggregates the willing respondents "
        "into pools by (origin, region, occupation) with k = 5 suppression, and stores them as "
        "one survey wave of the ministry. Exit status 0: stored (or a clean dry run); 1: "
        "rejected, or the data could not be read.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="CSV or Parquet files, dirs, globs")
    p.add_argument("--ministry", required=True, help="the ministry's slug or id (the owner)")
    _cluster_args(p)
    p.add_argument(
        "--on-error",
        choices=["reject", "skip"],
        default="reject",
        help="reject: one bad row stores nothing (default); skip: store the good rows' pools",
    )
    p.add_argument("--dry-run", action="store_true", help="validate and report; store nothing")
    p.add_argument(
        "--replace",
        action="store_true",
        help="the data is the whole wave: withdraw the ministry's microdata pools it does not list",
    )
    p.add_argument("--block-mb", type=int, default=64, help="MB of CSV per task (default 64)")
    p.set_defaults(func=_aggregate_microdata)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CommandError as exc:
        print(f"imdi {args.command}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
