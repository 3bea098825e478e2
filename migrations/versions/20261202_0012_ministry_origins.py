"""The origin countries a ministry may publish pools for, beyond its own

A ministry publishes pools of its own country's workers; an officer may allow it other origins
(ministry_origins). Until now any ministry could publish pools of any origin.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 22:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ministry_origins",
        sa.Column("ministry_id", sa.Uuid(), nullable=False),
        sa.Column("origin_country", sa.String(length=2), nullable=False),
        sa.Column("granted_by_id", sa.Uuid(), nullable=True),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["ministry_id"],
            ["organisations.id"],
            name=op.f("fk_ministry_origins_ministry_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["granted_by_id"], ["users.id"], name=op.f("fk_ministry_origins_granted_by_id_users")
        ),
        sa.PrimaryKeyConstraint("ministry_id", "origin_country", name=op.f("pk_ministry_origins")),
    )


def downgrade() -> None:
    op.drop_table("ministry_origins")
