"""occupation_coding on vacancies and pools

Keeps how a job title sent where an ISCO code was expected was coded (input, code, title,
confidence), so the coding can be shown and audited later.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("vacancies", "pools")


def upgrade() -> None:
    # batch_alter_table: SQLite rebuilds the table where it cannot ALTER in place.
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("occupation_coding", sa.JSON(), nullable=True))


def downgrade() -> None:
    for table in reversed(_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("occupation_coding")
