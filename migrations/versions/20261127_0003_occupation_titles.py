"""occupation titles: job titles per ISCO-08 unit group, the examples of job-title coding

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 23:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "occupation_titles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occupation_code", sa.String(length=4), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["occupation_code"],
            ["occupations.code"],
            name=op.f("fk_occupation_titles_occupation_code_occupations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_occupation_titles")),
        sa.UniqueConstraint(
            "occupation_code", "title", name=op.f("uq_occupation_titles_occupation_code_title")
        ),
    )
    with op.batch_alter_table("occupation_titles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_occupation_titles_occupation_code"), ["occupation_code"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("occupation_titles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_occupation_titles_occupation_code"))
    op.drop_table("occupation_titles")
