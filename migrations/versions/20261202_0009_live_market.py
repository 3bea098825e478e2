"""Rankings on read: a change feed, and match rows only for decided pairs, under pair ids

Until now every write re-ranked and stored up to 600 match rows per vacancy. From this revision
rankings are computed on read from a live in-memory market kept current by a change feed:
- change_head (one row: the last committed batch's number, and the database's epoch) and
  change_batches (what each committed transaction changed, as ids);
- a match's id is its pair's id, derived from the vacancy and pool ids (app/matches/ids.py),
  so every ranked pair has a stable id without a row; rows stay only for pairs that carry
  decisions (their history), re-keyed to the pair id, and their decisions with them.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 18:00:00
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _pair_id(vacancy_id: uuid.UUID, pool_id: uuid.UUID) -> uuid.UUID:
    # As app/matches/ids.pair_id (a migration keeps its own copy: the app may change later).
    return uuid.UUID(bytes=vacancy_id.bytes[:8] + pool_id.bytes[:8])


def upgrade() -> None:
    op.create_table(
        "change_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("epoch", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_head")),
    )
    op.create_table(
        "change_batches",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("committed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_batches")),
    )
    bind = op.get_bind()
    bind.execute(
        sa.text("INSERT INTO change_head (id, seq, epoch) VALUES (1, 0, :epoch)"),
        {"epoch": str(uuid.uuid4())},
    )
    matches = sa.table(
        "matches",
        sa.column("id", sa.Uuid()),
        sa.column("vacancy_id", sa.Uuid()),
        sa.column("pool_id", sa.Uuid()),
    )
    decisions = sa.table(
        "decisions", sa.column("id", sa.Uuid()), sa.column("match_id", sa.Uuid())
    )
    # Undecided rows go: rankings are computed on read now.
    bind.execute(
        sa.delete(matches).where(~matches.c.id.in_(sa.select(decisions.c.match_id).distinct()))
    )
    # Decided rows take their pair's id, and their decisions with them: the foreign key is
    # dropped for the move (a RESTRICT key cannot follow an updated id) and put back after.
    rows = bind.execute(sa.select(matches.c.id, matches.c.vacancy_id, matches.c.pool_id)).all()
    moves = [(old, _pair_id(v, p)) for old, v, p in rows if _pair_id(v, p) != old]
    if moves:
        with op.batch_alter_table("decisions", schema=None) as batch_op:
            batch_op.drop_constraint("fk_decisions_match_id_matches", type_="foreignkey")
        for old, new in moves:
            bind.execute(sa.update(matches).where(matches.c.id == old).values(id=new))
            bind.execute(
                sa.update(decisions).where(decisions.c.match_id == old).values(match_id=new)
            )
        with op.batch_alter_table("decisions", schema=None) as batch_op:
            batch_op.create_foreign_key(
                "fk_decisions_match_id_matches",
                "matches",
                ["match_id"],
                ["id"],
                ondelete="RESTRICT",
            )


def downgrade() -> None:
    # The re-keyed match rows stay valid rows; the feed goes.
    op.drop_table("change_batches")
    op.drop_table("change_head")
