"""Where national-scale work runs: a Dask distributed cluster (never a home-made one).

`imdi aggregate-microdata` and `imdi batch-rank` take `--scheduler tcp://host:8786` for a real
cluster, or `--local N` for a LocalCluster of N worker processes on this machine (the default:
one per core). Dask and pyarrow are the `scale` extra (pip install 'imdi-match[scale]'): the
API server never needs them, so they are imported here, when a command asks for a cluster.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from distributed import Client

#: Retries of a task that raised (a lost worker's tasks are rescheduled by Dask itself).
TASK_RETRIES = 2


class ClusterUnavailable(RuntimeError):
    """The scale extra is missing, or the scheduler cannot be reached."""


def require_dask() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:  # pragma: no cover - the dev and image installs carry the extra
        raise ClusterUnavailable(
            "national-scale commands need Dask: pip install 'imdi-match[scale]'"
        ) from None


def worker_environ() -> dict[str, Any]:
    """The environment of a LocalCluster's worker processes: Dask's, without its
    MALLOC_TRIM_THRESHOLD_. Setting that turns off glibc's dynamic mmap threshold, so every
    array over 128 KB is mmap'd and unmapped again; the engine's per-vacancy arrays over a
    block of pools then ran 2-3x slower in a worker than in one process (measured on 200,000
    pools). A real cluster's workers get MALLOC_MMAP_THRESHOLD_ instead (README, scale)."""
    import dask
    import distributed  # noqa: F401  (registers the distributed.* configuration)

    env = dict(dask.config.get("distributed.nanny.pre-spawn-environ"))
    env.pop("MALLOC_TRIM_THRESHOLD_", None)
    return env


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


@contextmanager
def dask_client(
    scheduler: str | None = None,
    local: int | None = None,
    *,
    memory_limit: str = "auto",
) -> Iterator[Client]:
    """A Dask client: of the cluster at `scheduler`, or of a LocalCluster of `local` worker
    processes (one thread each: the engine's numpy work holds the GIL between kernels, so
    processes, not threads, give a worker per core) started here and stopped on exit."""
    require_dask()
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except OSError as exc:
            raise ClusterUnavailable(f"no Dask scheduler at {scheduler}: {exc}") from None
        try:
            yield client
        finally:
            client.close()
        return
    import dask

    with dask.config.set({"distributed.nanny.pre-spawn-environ": worker_environ()}):
        cluster = LocalCluster(
            n_workers=local or default_workers(),
            threads_per_worker=1,
            processes=True,
            memory_limit=memory_limit,
            dashboard_address=None,
        )
    try:
        with Client(cluster) as client:
            yield client
    finally:
        cluster.close()


def worker_count(client: Client) -> int:
    info: dict[str, Any] = client.scheduler_info()
    return len(info.get("workers", {}))
