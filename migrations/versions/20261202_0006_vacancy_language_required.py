"""Vacancy languages can be required at the start of work (design section 3)

A required language limits the eligible headcount to the share of the pool at or above its
level; a language not required is scored only. Existing rows are not required.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("vacancy_languages", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("required", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("vacancy_languages", schema=None) as batch_op:
        batch_op.drop_column("required")
