"""The `imdi` command: migrate, seed, serve (and admin tasks as the service grows)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app.config import get_settings


def _migrate(args: argparse.Namespace) -> int:
    from app.migrate import upgrade

    upgrade(get_settings().database_url)
    print("database schema is at the latest revision")
    return 0


def _seed(args: argparse.Namespace) -> int:
    from app.db import Database
    from app.seed import seed

    settings = get_settings()
    demo = args.demo if args.demo is not None else settings.environment == "development"
    db = Database(settings.database_url)
    try:
        for session in db.transaction():
            report, credentials = seed(session, demo=demo)
    finally:
        db.dispose()
    if not report.changed:
        print("seed data already loaded; nothing changed")
    for what, n in sorted(report.created.items()):
        print(f"created {n} {what}")
    for what, n in sorted(report.updated.items()):
        print(f"updated {n} {what}")
    if credentials and settings.environment == "development":
        print("\nDemo credentials (development only):")
        for c in credentials:
            print(f"  {c['role']:<9} {c['email']:<38} password {c['password']:<18} "
                  f"key {c['api_key']}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = get_settings()
    print(f"imdi-match on http://{args.host}:{args.port}  (API docs: "
          f"http://{args.host}:{args.port}/docs, database: {settings.database_url})")
    uvicorn.run("app.main:create_app", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_level=settings.log_level.lower())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="imdi", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("migrate", help="apply the database migrations").set_defaults(func=_migrate)

    p = sub.add_parser("seed", help="load taxonomies, reference data and (in development) demo data")
    p.add_argument("--demo", dest="demo", action="store_true", default=None,
                   help="load the demo organisations, users, vacancies and pools")
    p.add_argument("--no-demo", dest="demo", action="store_false")
    p.set_defaults(func=_seed)

    p = sub.add_parser("serve", help="serve the application with uvicorn")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1)
    p.set_defaults(func=_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
